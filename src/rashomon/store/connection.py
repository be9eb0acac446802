"""Opening the DuckDB file: read-only or read-write connections, waiting out another process's
lock, the per-connection memory limit, one transaction per unit of work, and the migrations
that bring a file up to :data:`~rashomon.store.schema.SCHEMA_VERSION`. Also the two SQL helpers
every part of the store writes SQL with (:func:`q`, :func:`col_list`, :func:`insert`)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import NotAStore, SchemaTooNew, StoreBusy, StoreDamaged, StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "rashomon.duckdb"
_LOCK_WORDS = ("lock", "Conflicting lock", "being used by another process", "Could not set lock")
_SAME_FILE = "different configuration than existing connections"


def _damaged(path: str, exc: Exception) -> StoreDamaged:
    return StoreDamaged(
        "the store file cannot be read (truncated, overwritten or not a DuckDB database): " + str(exc).splitlines()[0],
        source=path,
        hint="restore it from a copy, or ingest again into a new --db",
    )


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def col_list(columns: Sequence[str], alias: str = "") -> str:
    """``columns`` quoted and comma-separated for a SELECT, each prefixed with ``alias.`` when given."""
    prefix = alias + "." if alias else ""
    return ", ".join(prefix + q(c) for c in columns)


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Bulk insert through Arrow (fast, typed by the target table)."""
    if not rows:
        return
    data = {c: [r.get(c) for r in rows] for c in columns}
    arrow = pa.table(data)  # noqa: F841  (referenced by name in SQL)
    cols = col_list(columns)
    con.execute(f"INSERT INTO {q(table)} ({cols}) SELECT {cols} FROM arrow")


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row of a query that always returns a row (an aggregate)."""
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None, sql
    return row[0]


class Connection:
    """A Rashomon store in one DuckDB file (``":memory:"`` for tests): its connections."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, busy_timeout: float = 10.0):
        self.path = str(path)
        self.read_only = read_only
        self.busy_timeout = busy_timeout
        self._memory = duckdb.connect(":memory:") if self.path == ":memory:" else None
        self.memory_limit: str | None = None  # DuckDB's own memory per connection (it spills beyond), e.g. "512MB"
        if not read_only:
            with self.connect(write=True) as con:
                self._check_ours(con)
                self._migrate(con)
        elif self._memory is None and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", hint="run `rashomon ingest PATH` first or pass --db")
        elif self._memory is None:
            with self.connect() as con:
                self._check_ours(con)
                self._version(con)  # a newer schema than this code reads: refused, not misread

    @contextmanager
    def connect(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work. Writers get a transaction."""
        if write and self.read_only:
            raise StoreError("this store was opened read-only", source=self.path)
        con = self._memory if self._memory is not None else self._open(read_only=not write)
        try:
            if self.memory_limit and con is not self._memory:
                con.execute(f"SET memory_limit = '{self.memory_limit}'")
            if not write:
                yield con
                return
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                with suppress(duckdb.Error):  # a damaged file may refuse the rollback too
                    con.execute("ROLLBACK")
                raise
        except (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException) as exc:
            raise _damaged(self.path, exc) from exc
        finally:
            if con is not self._memory:
                con.close()

    def _open(self, read_only: bool, config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.05
        while True:
            try:
                return duckdb.connect(self.path, read_only=read_only, config=config or {})
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                # IOException: the file is locked by another process; ConnectionException: this process has it
                # open the other way (read-only vs read-write: the web UI's review form while a page is read)
                if isinstance(exc, duckdb.ConnectionException) and _SAME_FILE not in str(exc):
                    raise
                if isinstance(exc, duckdb.IOException) and not any(w in str(exc) for w in _LOCK_WORDS):
                    raise _damaged(self.path, exc) from exc
                if time.monotonic() > deadline:
                    raise StoreBusy(
                        "store is busy: another rashomon process is writing to it",
                        source=self.path,
                        hint="wait for it to finish, or use a different --db",
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _check_ours(self, con: duckdb.DuckDBPyConnection) -> None:
        """Refuse a DuckDB file that holds tables but no Rashomon ``meta`` table: someone else's database."""
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if tables and "meta" not in tables:
            shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise NotAStore(
                f"not a rashomon store: a DuckDB database with other tables ({shown})",
                source=self.path,
                hint="pass the --db of a rashomon store, or a new file name",
            )

    def _version(self, con: duckdb.DuckDBPyConnection) -> int:
        """The store's schema version (0: none yet); a version newer than this code's is refused."""
        exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()
        row = (
            con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if exists and exists[0]
            else None
        )
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"store schema v{current} is newer than this rashomon (v{SCHEMA_VERSION})",
                source=self.path,
                hint="upgrade rashomon, or export the store with the version that wrote it",
            )
        return current

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        current = self._version(con)
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for stmt in MIGRATIONS[version]:
                con.execute(stmt)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])

    def schema_version(self) -> int:
        with self.connect() as con:
            return int(scalar(con, "SELECT value FROM meta WHERE key='schema_version'"))
