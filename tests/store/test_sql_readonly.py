"""`rashomon sql` runs one read-only query: no second statement, no COPY/EXPORT/PRAGMA/SET/ATTACH/
INSTALL/LOAD, no file read or written through table functions (issue 18, part 7)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rashomon.errors import ReadOnlyQuery, StoreError
from rashomon.store import Store


@pytest.fixture()
def store(tmp_path):
    Store(tmp_path / "s.duckdb")
    (tmp_path / "secret.txt").write_text("hunter2\n")
    return Store(tmp_path / "s.duckdb", read_only=True), tmp_path


@pytest.mark.parametrize(
    "sql,words",
    [
        ("SELECT 1; COPY meta TO '{d}/copy.csv'", "one statement at a time"),
        ("COPY meta TO '{d}/copy.csv'", "COPY statements are refused"),
        ("EXPORT DATABASE '{d}/export'", "EXPORT statements are refused"),
        ("PRAGMA profiling_output='{d}/profile.txt'", "refused"),
        ("PRAGMA enable_profiling", "refused"),
        ("SET enable_external_access = true", "SET statements are refused"),
        ("ATTACH '{d}/other.duckdb' AS o", "ATTACH statements are refused"),
        ("INSTALL httpfs", "LOAD statements are refused"),
        ("LOAD httpfs", "LOAD statements are refused"),
        ("CALL pragma_version()", "refused"),
        ("DELETE FROM meta", "refused"),
        ("SELECT * FROM read_text('{d}/secret.txt')", "reading or writing files is disabled"),
        ("SELECT * FROM read_csv('/etc/passwd')", "reading or writing files is disabled"),
        ("SELECT * FROM glob('{d}/*')", "reading or writing files is disabled"),
    ],
)
def test_refused(store, sql, words):
    s, d = store
    before = sorted(p.name for p in d.iterdir())
    with pytest.raises(ReadOnlyQuery, match=words) as exc:
        s.query(sql.format(d=d))
    assert "hunter2" not in str(exc.value)
    assert sorted(p.name for p in d.iterdir()) == before  # nothing written beside the store


def test_a_file_named_as_a_table_is_not_read(store):
    s, d = store
    with pytest.raises(StoreError, match="does not exist") as exc:
        s.query(f"SELECT * FROM '{d}/secret.txt'")
    assert "hunter2" not in str(exc.value)


@pytest.mark.parametrize(
    "sql", ["SELECT count(*) FROM meta", "FROM meta", "DESCRIBE meta", "SHOW TABLES", "SUMMARIZE meta",
            "EXPLAIN SELECT 1", "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "SELECT 1;"],
)  # fmt: skip
def test_queries_still_run(store, sql):
    s, _ = store
    cols, rows = s.query(sql)
    assert cols and rows


def test_cli_refuses_with_exit_2(store):
    _, d = store
    r = subprocess.run(
        [sys.executable, "-m", "rashomon.cli", "sql", f"SELECT * FROM read_text('{d}/secret.txt')", "--db",
         str(d / "s.duckdb")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 2 and "disabled" in r.stderr and "hunter2" not in r.stdout + r.stderr
