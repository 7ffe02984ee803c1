"""The workspace database: one DuckDB file, opened and migrated in one place.

An encrypted workspace is the same file written by DuckDB's database
encryption (AES-GCM): the store connects to an in-memory database, loads the
crypto module of the httpfs extension from its installed Python package
(never from the network), attaches the file with its key and makes it the
default catalog, so every query and migration runs unchanged.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from graphlib import TopologicalSorter
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import duckdb

from workstation.domain.errors import InputFileError, WorkstationError
from workstation.security.errors import WrongPassphraseError

log = logging.getLogger(__name__)

_MIGRATIONS_PACKAGE = "workstation.store.migrations"
_CRYPTO_PACKAGE = "duckdb_extension_httpfs"
_WORKSPACE_ALIAS = "workspace_db"
_COPY_ALIAS = "encrypted_copy"
#: No extension is ever fetched or loaded behind the workstation's back.
_OFFLINE_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


#: A set of ids bound as one text parameter (see :func:`id_text`), for ``id IN
#: {ID_SET}``. DuckDB binds a Python list element by element, at about a
#: second per ten thousand ids; a text of digits binds at once.
ID_SET = "(SELECT unnest(string_split(nullif(?, ''), ','))::BIGINT)"


def id_text(ids: Iterable[int]) -> str:
    """The parameter of :data:`ID_SET` holding ``ids``.

    >>> id_text([3, 1, 2])
    '3,1,2'
    """
    return ",".join(str(int(i)) for i in ids)


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

    def __init__(
        self,
        path: str | Path,
        *,
        upto: int | None = None,
        encryption_key: str | None = None,
    ) -> None:
        """Open (creating if needed) and migrate a workspace database.

        Args:
            path: The database file, or ``:memory:``.
            upto: Apply migrations only up to this number (for tests).
            encryption_key: The key of an encrypted database (see
                :mod:`workstation.security.database_key`); None for a clear one.

        Raises:
            InputFileError: The file is locked, damaged or not a workspace.
            WrongPassphraseError: The key is wrong, missing or not needed.
            WorkstationError: The crypto extension is not installed.
        """
        self.path = str(path)
        self.encrypted = encryption_key is not None
        self._key_digest = _key_digest(encryption_key) if encryption_key else None
        try:
            if self.encrypted:
                self.conn = self._connect_encrypted(encryption_key)
            else:
                self.conn = duckdb.connect(self.path, config=_OFFLINE_CONFIG)
        except duckdb.IOException as exc:
            raise InputFileError(
                f"Cannot open workspace database {self.path}: {exc}. "
                "Close other programs using it, or choose another workspace."
            ) from exc
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from exc
        self._in_transaction = False
        self._after_commit: list[Callable[[], None]] = []
        self.migrate(upto=upto)

    def _connect_encrypted(self, key: str) -> duckdb.DuckDBPyConnection:
        conn = duckdb.connect(":memory:", config=_OFFLINE_CONFIG)
        try:
            load_crypto_extension(conn)
            conn.execute(f"SET temp_directory = '{_sql_text(self.path + '.tmp')}'")
            conn.execute("SET temp_file_encryption = true")
            conn.execute(_attach_sql(self.path, _WORKSPACE_ALIAS, key))
            conn.execute(f"USE {_WORKSPACE_ALIAS}")
        except BaseException:
            conn.close()
            raise
        return conn

    # -- schema ---------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        exists = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'schema_migrations' "
            "AND table_catalog = current_database()"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.conn.execute("SELECT max(number) FROM schema_migrations").fetchone()
        return row[0] or 0

    def migrate(self, upto: int | None = None) -> list[int]:
        """Apply the migrations not yet recorded (up to ``upto``); return them."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "number INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
            "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        done = {
            row[0]
            for row in self.conn.execute(
                "SELECT number FROM schema_migrations"
            ).fetchall()
        }
        applied = []
        # Every script not yet recorded runs, in number order, so a script that
        # arrived with a lower number than one already applied is not skipped.
        for number, name, sql in migration_scripts():
            if number in done or (upto is not None and number > upto):
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
            committed, self._after_commit = self._after_commit, []
        for callback in committed:
            callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the current transaction commits (now if none).

        A transaction that rolls back, or fails to commit, drops its callbacks.
        Callbacks must not raise.
        """
        if self._in_transaction:
            self._after_commit.append(callback)
        else:
            callback()

    def execute(self, sql: str, params: list | tuple | None = None):
        return self.conn.execute(sql, params or [])

    # -- encryption -------------------------------------------------------------

    def table_counts(self, catalog: str | None = None) -> dict[str, int]:
        """Rows per table of this database (or of an attached ``catalog``)."""
        catalog = (
            catalog or self.conn.execute("SELECT current_database()").fetchone()[0]
        )
        names = [
            r[0]
            for r in self.conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ? "
                "AND NOT temporary ORDER BY table_name",
                [catalog],
            ).fetchall()
        ]
        return {
            name: self.conn.execute(
                f'SELECT count(*) FROM "{catalog}".main."{name}"'
            ).fetchone()[0]
            for name in names
        }

    def opened_with(self, key: str) -> bool:
        """Whether this encrypted database was opened with ``key``."""
        return self._key_digest is not None and hmac.compare_digest(
            self._key_digest, _key_digest(key)
        )

    def copy_to_encrypted(self, target: str | Path, key: str) -> dict[str, int]:
        """Write an encrypted copy of this database, clear or encrypted, to ``target``.

        The schema (tables, constraints, views, sequences at their current
        values) is copied with ``COPY FROM DATABASE ... (SCHEMA)``; the rows
        follow table by table, referenced tables first, in one transaction.
        The copy's row counts are checked against the source before it is
        detached.

        Args:
            target: A file that does not exist yet.
            key: The new key (see :mod:`workstation.security.database_key`).

        Returns:
            Rows per table copied.

        Raises:
            WorkstationError: The crypto extension is missing, or the copy
                does not match.
        """
        if not self.encrypted:
            load_crypto_extension(self.conn)
        self.conn.execute("CHECKPOINT")
        source = self.conn.execute("SELECT current_database()").fetchone()[0]
        self.conn.execute(_attach_sql(str(target), _COPY_ALIAS, key))
        try:
            self.conn.execute(
                f'COPY FROM DATABASE "{source}" TO {_COPY_ALIAS} (SCHEMA)'
            )
            self.conn.execute("BEGIN TRANSACTION")
            try:
                for table in self._tables_in_reference_order(source):
                    self.conn.execute(
                        f'INSERT INTO {_COPY_ALIAS}.main."{table}" '
                        f'SELECT * FROM "{source}".main."{table}"'
                    )
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            expected = self.table_counts(source)
            copied = self.table_counts(_COPY_ALIAS)
            if copied != expected:
                raise WorkstationError(
                    f"The encrypted copy of {self.path} does not match it "
                    f"({copied} rows against {expected}); nothing was changed."
                )
            self.conn.execute(f"CHECKPOINT {_COPY_ALIAS}")
        finally:
            self.conn.execute(f"DETACH {_COPY_ALIAS}")
        log.info("wrote an encrypted copy of %s to %s", self.path, target)
        return copied

    def _tables_in_reference_order(self, catalog: str) -> list[str]:
        """The catalog's tables, each after the tables its foreign keys name."""
        order = TopologicalSorter({name: set() for name in self.table_counts(catalog)})
        for table, referenced in self.conn.execute(
            "SELECT table_name, referenced_table FROM duckdb_constraints() "
            "WHERE database_name = ? AND constraint_type = 'FOREIGN KEY'",
            [catalog],
        ).fetchall():
            if referenced and referenced != table:
                order.add(table, referenced)
        return list(order.static_order())

    def shared(self) -> CaseStore:
        """Another connection to this open database, for another thread.

        A DuckDB connection must not be used by two threads at once. This one
        has transactions of its own and sees the same database, an encrypted
        one too, without opening the file or asking for its key again. Close
        it before this store.
        """
        other = object.__new__(CaseStore)
        other.path, other.encrypted = self.path, self.encrypted
        other._key_digest = self._key_digest
        other.conn = self.conn.cursor()
        if self.encrypted:
            other.conn.execute(f"USE {_WORKSPACE_ALIAS}")
        other._in_transaction = False
        other._after_commit = []
        return other

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def crypto_extension_path() -> Path:
    """The httpfs extension file shipped in its PyPI package for this DuckDB.

    Raises:
        WorkstationError: The package is missing or built for another DuckDB.
    """
    version = duckdb.__version__
    spec = find_spec(_CRYPTO_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise WorkstationError(
            "Encrypted workspaces need the Python package duckdb-extension-httpfs "
            f"=={version}; install it beside duckdb {version}."
        )
    folder = Path(next(iter(spec.submodule_search_locations)))
    path = folder / "extensions" / f"v{version}" / "httpfs.duckdb_extension"
    if not path.is_file():
        raise WorkstationError(
            f"The installed duckdb-extension-httpfs has no extension for duckdb "
            f"{version}; install duckdb-extension-httpfs=={version}."
        )
    return path


def load_crypto_extension(conn: duckdb.DuckDBPyConnection) -> None:
    """Load the crypto module (httpfs) from disk; DuckDB writes encrypted files
    only with it. Nothing is downloaded: the file comes from its package."""
    path = crypto_extension_path()
    conn.execute(f"LOAD '{_sql_text(str(path))}'")
    log.debug("loaded %s", path)


def _key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def _attach_sql(path: str, alias: str, key: str) -> str:
    # ATTACH takes no bound parameters; both texts are quoted here
    return f"ATTACH '{_sql_text(path)}' AS {alias} (ENCRYPTION_KEY '{_sql_text(key)}')"


def _open_error(path: str, exc: duckdb.Error) -> WorkstationError:
    message = str(exc)
    if "Wrong encryption key" in message:
        return WrongPassphraseError(
            f"Wrong passphrase for the encrypted workspace {path}; nothing was "
            "opened. Type it again (it is case-sensitive)."
        )
    if "without a key" in message or "crypto module" in message:
        return WrongPassphraseError(
            f"Workspace database {path} is encrypted; open it with its "
            "passphrase (--passphrase-env VAR, or type it when asked)."
        )
    if "is not encrypted" in message:
        return WrongPassphraseError(
            f"Workspace database {path} is not encrypted; open it without a "
            "passphrase, or encrypt it with `workstation workspace encrypt`."
        )
    return InputFileError(f"{path} is not a workspace database ({exc}).")
