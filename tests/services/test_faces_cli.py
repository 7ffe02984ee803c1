"""The faces commands end to end, in process (the engine is loaded once)."""

from __future__ import annotations

import pytest

from faces_fixtures import insightface_photo, vectron_photo
from workstation.cli.main import main

CASE = "K-001"


@pytest.fixture
def cli(model_settings, tmp_path, capsys):
    base = [
        "--workspace",
        str(tmp_path / "ws"),
        "--models",
        str(model_settings.models_dir),
        "--user",
        "analyst.cli",
    ]

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*base, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _person(tmp_path, key: str) -> None:
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    with Workspace(Settings.from_environment(workspace_dir=tmp_path / "ws")) as ws:
        ws.store.execute(
            "INSERT INTO entities (case_id, type, key, label) "
            "VALUES (?, 'person', ?, '嫌疑人甲')",
            [ws.case(CASE).id, key],
        )


def test_scan_search_decide_tracks_best_list_and_clusters(cli, shared_data, tmp_path):
    video = shared_data / "video" / "carphone" / "carphone_pristine.mp4"
    assert cli("case", "create", CASE, "命令行人脸")[0] == 0

    code, out, _ = cli(
        "faces",
        "scan",
        CASE,
        str(vectron_photo("gdp.jpg")),
        str(insightface_photo("t1.jpg")),
        str(video),
        "--fps",
        "2",
    )
    assert code == 0
    assert "Scanned 2 photos (0 already done) and 1 videos (0 already done)" in out
    # gdp.jpg 5 faces, t1.jpg 6, the carphone clip one face in each of 8 frames.
    assert ": 19 faces, 1 video tracks from 8 analysed frames." in out
    assert "face models ran on: pack default: detection on CPUExecutionProvider" in out

    code, out, _ = cli("faces", "search", CASE, str(insightface_photo("t1.jpg")))
    assert code == 0
    lines = out.splitlines()
    assert "search 1;" in lines[0] and "false-match rate there 2.8e-03" in lines[0]
    assert lines[1].split() == ["rank", "score", "FMR", "face", "case", "evidence"]
    first = lines[2].split()
    assert first[0] == "1" and first[3] == "below" and first[5] == CASE
    assert "No candidate: no score reached the threshold." in out

    _person(tmp_path, "P-7")
    face = first[4]
    code, out, _ = cli(
        "faces",
        "decide",
        CASE,
        "1",
        face,
        "confirm",
        "--person",
        "P-7",
        "--comment",
        "same scar",
    )
    assert code == 0
    assert f"Face {face} of search 1 confirmed by analyst.cli." in out
    assert f"face {face} is now linked to person P-7" in out

    code, out, _ = cli("faces", "tracks", CASE)
    (row,) = out.splitlines()[1:]
    track = row.split()[0]
    assert row.split()[1:4] == ["0:00.0", "0:03.5", "8"]
    assert row.endswith("carphone_pristine.mp4 (frames 0-105)")

    code, out, _ = cli("faces", "best", CASE, track, "--out", str(tmp_path / "best"))
    assert code == 0 and out.count(" -> ") == 3
    assert len(list((tmp_path / "best").glob(f"track{track}-best*-frame*.png"))) == 3

    code, out, _ = cli("faces", "list", CASE, "--limit", "3")
    qualities = [float(r.split()[1]) for r in out.splitlines()[1:]]
    assert len(qualities) == 3 and qualities == sorted(qualities, reverse=True)

    code, out, _ = cli("faces", "clusters", CASE)
    assert code == 0 and "Groups are leads, not identifications." in out

    code, _, err = cli("faces", "decide", CASE, "1", face, "reject", "--person", "P-7")
    assert code == 1
    assert err.strip().splitlines() == [
        "error: Only a confirmed candidate is linked to a person; drop --person "
        "when rejecting."
    ]
    code, _, err = cli("faces", "search", CASE)
    assert code == 1 and "Give either a probe photo or a track id" in err
