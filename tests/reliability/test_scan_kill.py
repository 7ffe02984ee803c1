"""Nothing lost: a face scan killed with SIGKILL at any point leaves a consistent case.

A child process scans the case and is killed (1) between two photos, (2) inside
a photo's transaction, after its faces were inserted and before the commit,
and (3) after two more photos. After each kill
the database must hold, for every photo marked scanned, exactly the faces it
recorded, and no face of an unmarked photo. A last scan resumes, and the
result equals a scan that was never interrupted.
"""

from __future__ import annotations

import dataclasses
import sys
import textwrap

import pytest

from child_process import run_child
from faces_fixtures import insightface_photo, vectron_photo
from workstation.services import faces
from workstation.services.audit import verify_audit
from workstation.services.cases import create_case
from workstation.services.evidence import add_evidence
from workstation.services.workspace import Workspace

CASE = "K-1"

SCANNER = textwrap.dedent(
    """
    import sys, time
    from workstation.services import faces
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings
    from workstation.store import face_rows

    workspace_dir, models_dir, hold = sys.argv[1:4]
    if hold == "in-transaction":
        insert = face_rows.insert_faces

        def insert_then_wait(*args, **kwargs):
            result = insert(*args, **kwargs)
            print("inserted, not committed", flush=True)
            time.sleep(120)
            return result

        face_rows.insert_faces = insert_then_wait

    def progress(done, total, name):
        print(f"done {done}/{total} {name}", flush=True)

    settings = Settings.from_environment(
        workspace_dir=workspace_dir, models_dir=models_dir, user_name="scanner"
    )
    with Workspace(settings) as ws:
        print("scanning", flush=True)
        faces.scan_faces(ws, "K-1", progress=progress)
    print("finished", flush=True)
    """
)


def photos(shared_data):
    examples = shared_data / "faces" / "face_recognition" / "examples"
    return [
        vectron_photo("players.jpg"),
        examples / "obama.jpg",
        vectron_photo("gdp.jpg"),
        examples / "two_people.jpg",
        insightface_photo("t1.jpg"),
    ]


def kill_scan_when(settings, trigger: str, hold: str = "no") -> list[str]:
    """Run the scanner in a child process; SIGKILL it when it prints ``trigger``."""
    command = [
        sys.executable,
        "-c",
        SCANNER,
        str(settings.workspace_dir),
        str(settings.models_dir),
        hold,
    ]
    return run_child(command, kill_at=trigger)


def scanned_state(settings) -> dict[int, int]:
    """{evidence id: faces} of the scanned photos, after checking consistency."""
    with Workspace(settings) as ws:
        marked = dict(
            ws.store.execute(
                "SELECT evidence_id, faces_found FROM face_scans"
            ).fetchall()
        )
        stored = dict(
            ws.store.execute(
                "SELECT evidence_id, count(*) FROM faces GROUP BY evidence_id"
            ).fetchall()
        )
        orphans = ws.store.execute(
            "SELECT count(*) FROM faces f LEFT JOIN face_scans s "
            "ON s.evidence_id = f.evidence_id AND s.model_pack = f.model_pack "
            "WHERE s.evidence_id IS NULL"
        ).fetchone()[0]
        assert verify_audit(ws).intact
    assert orphans == 0, "faces of a photo that is not marked scanned"
    assert stored == {e: n for e, n in marked.items() if n}, (marked, stored)
    return marked


@pytest.mark.slow
def test_sigkill_during_a_face_scan_loses_nothing_and_the_scan_resumes(
    model_settings, tmp_path, shared_data
):
    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    with Workspace(settings) as ws:
        create_case(ws, CASE, "强行中断的扫描")
        add_evidence(ws, CASE, photos(shared_data))

    kill_scan_when(settings, "done 1/")  # between two photos
    first = scanned_state(settings)
    assert len(first) >= 1

    seen = kill_scan_when(settings, "inserted", hold="in-transaction")
    assert seen[-1] == "inserted, not committed"
    assert scanned_state(settings) == first  # the open transaction left nothing

    kill_scan_when(settings, "done 2/")
    third = scanned_state(settings)
    assert len(third) >= len(first) + 2 and first.items() <= third.items()

    with Workspace(settings) as ws:  # the next scan resumes where they stopped
        summary = faces.scan_faces(ws, CASE)
    assert summary.images_skipped == len(third)
    assert summary.images_scanned == 5 - len(third)
    resumed = scanned_state(settings)
    assert len(resumed) == 5

    clean = dataclasses.replace(model_settings, workspace_dir=tmp_path / "clean")
    with Workspace(clean) as ws:
        create_case(ws, CASE, "没有中断的扫描")
        add_evidence(ws, CASE, photos(shared_data))
        faces.scan_faces(ws, CASE)
    assert scanned_state(clean) == resumed  # same ids, same faces per photo
    assert sum(resumed.values()) > 30
