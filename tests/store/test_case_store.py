"""The workspace database: migrations and transactions."""

from __future__ import annotations

import duckdb
import pytest

from workstation.domain.errors import NotFoundError, WorkstationError
from workstation.store.case_store import CaseStore, migration_scripts
from workstation.store.cases import create_case, find_case, get_case


def test_new_database_has_every_table(tmp_path):
    store = CaseStore(tmp_path / "w.duckdb")
    tables = {
        r[0]
        for r in store.execute(
            "SELECT table_name FROM information_schema.tables"
        ).fetchall()
    }
    for name in (
        "cases",
        "entities",
        "links",
        "events",
        "evidence",
        "faces",
        "matches",
        "derivations",
        "imports",
        "import_rejects",
        "audit_log",
    ):
        assert name in tables
    assert store.schema_version == migration_scripts()[-1][0]


def test_database_from_older_schema_opens_in_newer(tmp_path):
    path = tmp_path / "old.duckdb"
    old = CaseStore(path, upto=1)
    assert old.schema_version == 1
    create_case(old, "OLD-1", "案件 written by schema 1")
    old.close()

    store = CaseStore(path)
    assert store.schema_version == migration_scripts()[-1][0]
    case = get_case(store, "OLD-1")
    assert case.title == "案件 written by schema 1"
    # column added by migration 2 is usable on old rows
    store.execute("UPDATE entities SET role = 'suspect'")
    store.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    CaseStore(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_migrations (number, name) VALUES (999, 'x.sql')")
    conn.close()
    with pytest.raises(WorkstationError, match="newer version"):
        CaseStore(path)


def test_transaction_rolls_back_on_error(tmp_path):
    store = CaseStore(tmp_path / "w.duckdb")
    with pytest.raises(RuntimeError), store.transaction():
        create_case(store, "X-1", "will vanish")
        raise RuntimeError("boom")
    assert find_case(store, "X-1") is None


def test_unknown_case_names_the_known_ones(tmp_path):
    store = CaseStore(tmp_path / "w.duckdb")
    create_case(store, "A-1", "a")
    with pytest.raises(NotFoundError, match="A-1"):
        get_case(store, "B-2")


def test_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_bytes(b"this is not a database" * 100)
    with pytest.raises(WorkstationError, match=r"bogus\.duckdb"):
        CaseStore(bogus)


def test_a_migration_numbered_below_the_newest_applied_still_runs(tmp_path):
    path = tmp_path / "gap.duckdb"
    store = CaseStore(path)
    newest = migration_scripts()[-1][0]
    second = migration_scripts()[1]
    store.execute("DELETE FROM schema_migrations WHERE number = ?", [second[0]])
    store.execute("DROP TABLE person_faces")
    store.execute("ALTER TABLE entities DROP COLUMN role")
    store.close()

    reopened = CaseStore(path)
    assert reopened.schema_version == newest
    reopened.execute("SELECT role FROM entities")
    reopened.execute("SELECT * FROM person_faces")
