"""Nothing lost: a large import killed at any step keeps every committed batch.

450,000 call records arrive as three files (batches) of 150,000 rows, each
imported in its own transaction by a child process that is killed
(``SIGKILL``) six times, at a different step each time: while the first file
is read (before its transaction), while its entities are added, while the
second file's links are added and while its rejected rows are recorded (the
first committed), while the third file's keys are normalised (two committed)
and right before the third file's commit. After every kill the database must
hold exactly the batches that committed, each whole (its links, rejected
rows, entities and audit entry), and nothing of the one that was killed; the
audit chain and its anchor must verify. A last run imports the batches that
are missing and the result is the full import. The staged copy a killed
import leaves inside the workspace is removed when the workspace is next opened.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

from call_records import BAD_ROW_EVERY, write_calls
from child_process import run_child
from workstation.security.hashing import sha256_file
from workstation.services.audit import verify_audit
from workstation.services.cases import create_case
from workstation.services.workspace import Workspace
from workstation.settings import Settings

CASE = "K-1"
ROWS = 150_000
BATCHES = ("calls-1.csv", "calls-2.csv", "calls-3.csv")

IMPORTER = textwrap.dedent(
    """
    import sys
    from workstation.services.ingest import import_table
    from workstation.services.workspace import Workspace
    from workstation.settings import Settings

    workspace_dir, *files = sys.argv[1:]
    settings = Settings.from_environment(workspace_dir=workspace_dir, user_name="t")
    with Workspace(settings) as ws:
        for path in files:
            name = path.rsplit("/", 1)[-1]

            def progress(done, total, message):
                print(f"{name}: {message}", flush=True)

            import_table(ws, "K-1", path, "call_records", progress=progress)
            print(f"{name}: committed", flush=True)
    print("finished", flush=True)
    """
)


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    """The three files and the phones each one brings."""
    folder = tmp_path_factory.mktemp("batches")
    phones = {}
    for seed, name in enumerate(BATCHES, start=11):
        phones[name] = write_calls(folder / name, ROWS, phones=30_000, seed=seed)
    return folder, phones


def run_importer(root, files, *, kill_at: str | None = None) -> list[str]:
    """Import ``files`` in a child; SIGKILL it when it prints ``kill_at``."""
    command = [sys.executable, "-c", IMPORTER, str(root), *map(str, files)]
    return run_child(command, kill_at=kill_at)


def committed_batches(settings, folder, phones) -> list[str]:
    """The batches in the database, after checking that each one is whole."""
    with Workspace(settings) as ws:
        run = ws.store.execute
        imports = run(
            "SELECT id, file_name, file_sha256, rows_read, rows_loaded, rows_rejected "
            "FROM imports ORDER BY id"
        ).fetchall()
        names = [row[1] for row in imports]
        for import_id, name, sha256, read, loaded, rejected in imports:
            assert sha256 == sha256_file(folder / name)
            assert (read, loaded, rejected) == (
                ROWS,
                ROWS - ROWS // BAD_ROW_EVERY,
                ROWS // BAD_ROW_EVERY,
            )
            links = run("SELECT count(*) FROM links WHERE import_id = ?", [import_id])
            assert links.fetchone()[0] == loaded, name
            rejects = run(
                "SELECT count(*) FROM import_rejects WHERE import_id = ?", [import_id]
            )
            assert rejects.fetchone()[0] == rejected, name
        ids = [row[0] for row in imports]
        for table in ("links", "entities", "import_rejects", "events"):
            column = "import_id"
            strays = run(
                f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL "
                f"AND {column} NOT IN (SELECT id FROM imports)"
            ).fetchone()[0]
            assert strays == 0, f"{table} rows of an import that did not commit"
        expected_phones = set().union(*(phones[name] for name in names))
        entities = run("SELECT count(*) FROM entities").fetchone()[0]
        assert entities == len(expected_phones)
        audited = run(
            "SELECT count(*) FROM audit_log WHERE action = 'import'"
        ).fetchone()[0]
        assert audited == len(ids)
        assert verify_audit(ws).intact
        assert ws.case(CASE).number == CASE
    assert names == list(BATCHES[: len(names)]), "batches commit in order"
    return names


@pytest.mark.slow
def test_sigkill_at_six_points_of_a_large_import_keeps_every_committed_batch(
    tmp_path, batches
):
    folder, phones = batches
    files = [folder / name for name in BATCHES]
    root = tmp_path / "workspace"
    settings = Settings.from_environment(workspace_dir=root, user_name="t")
    with Workspace(settings) as ws:
        create_case(ws, CASE, "强行中断的导入")

    def remaining() -> list:
        done = committed_batches(settings, folder, phones)
        return [path for path in files if path.name not in done]

    kills = [
        ("calls-1.csv: reading calls-1.csv", []),
        ("calls-1.csv: adding entities", []),
        ("calls-2.csv: adding links and events", ["calls-1.csv"]),
        ("calls-2.csv: recording rejected rows", ["calls-1.csv"]),
        ("calls-3.csv: normalising keys", ["calls-1.csv", "calls-2.csv"]),
    ]
    staging = root / "staging"
    for kill_at, expected in kills:
        run_importer(root, remaining(), kill_at=kill_at)
        assert any(staging.iterdir()), "the killed import left its staged copy"
        assert committed_batches(settings, folder, phones) == expected, kill_at
        assert not any(staging.iterdir()), "the next open removes it"

    # killed on "done", the last step before COMMIT: the commit may or may not
    # have reached the disk, but the batch is there whole or not at all
    seen = run_importer(root, remaining(), kill_at="calls-3.csv: done")
    assert seen[-1] == "calls-3.csv: done"
    assert committed_batches(settings, folder, phones)[:2] == list(BATCHES[:2])

    left = remaining()
    if left:
        run_importer(root, left)
    assert committed_batches(settings, folder, phones) == list(BATCHES)
    with Workspace(settings) as ws:
        links = ws.store.execute("SELECT count(*) FROM links").fetchone()[0]
    assert links == 3 * (ROWS - ROWS // BAD_ROW_EVERY)
