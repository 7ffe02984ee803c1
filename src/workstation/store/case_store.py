"""The workspace database: one DuckDB file, opened and migrated in one place."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from workstation.domain.errors import InputFileError, WorkstationError

log = logging.getLogger(__name__)

_MIGRATIONS_PACKAGE = "workstation.store.migrations"


def migration_scripts() -> list[tuple[int, str, str]]:
    """Return ``(number, name, sql)`` for every numbered migration, in order."""
    found = []
    for item in resources.files(_MIGRATIONS_PACKAGE).iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, item.read_text(encoding="utf-8")))
    return sorted(found)


class CaseStore:
    """An open workspace database.

    Opening a file written by an older schema applies the missing numbered
    migrations, each in its own transaction.

    >>> store = CaseStore(":memory:")
    >>> store.schema_version == migration_scripts()[-1][0]
    True
    """

    def __init__(self, path: str | Path, *, upto: int | None = None) -> None:
        self.path = str(path)
        try:
            self.conn = duckdb.connect(self.path)
        except duckdb.IOException as exc:
            raise InputFileError(
                f"Cannot open workspace database {self.path}: {exc}. "
                "Close other programs using it, or choose another workspace."
            ) from exc
        except duckdb.Error as exc:
            raise InputFileError(
                f"{self.path} is not a workspace database ({exc})."
            ) from exc
        self._in_transaction = False
        self.migrate(upto=upto)

    # -- schema ---------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        exists = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.conn.execute("SELECT max(number) FROM schema_migrations").fetchone()
        return row[0] or 0

    def migrate(self, upto: int | None = None) -> list[int]:
        """Apply pending migrations (up to ``upto`` when given); return them."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "number INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
            "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        current = self.schema_version
        applied = []
        for number, name, sql in migration_scripts():
            if number <= current or (upto is not None and number > upto):
                continue
            log.info("applying migration %s to %s", name, self.path)
            with self.transaction():
                self.conn.execute(sql)
                self.conn.execute(
                    "INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                    [number, name],
                )
            applied.append(number)
        newest = migration_scripts()[-1][0]
        if upto is None and self.schema_version > newest:
            raise WorkstationError(
                f"Workspace {self.path} was written by a newer version of the "
                f"workstation (schema {self.schema_version} > {newest}); upgrade."
            )
        return applied

    # -- transactions -----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run a block in one transaction; nested use joins the outer one."""
        if self._in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def execute(self, sql: str, params: list | tuple | None = None):
        return self.conn.execute(sql, params or [])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
