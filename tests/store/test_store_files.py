"""Store files that are not healthy Rashomon stores give one E2xx line, never a traceback, and nothing
is written into them (issue 18, part 10)."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from rashomon.errors import NotAStore, SchemaTooNew, StoreDamaged, StoreError
from rashomon.records import Document
from rashomon.store import Store


def _doc(i: int) -> Document:
    text = f"Document {i} says the bridge over the Sarn was closed on Monday. " * 40
    return Document(id=f"d_{i:04d}", source=f"{i}.txt", text=text, raw_text=text, content_hash=f"h{i}")


@pytest.fixture()
def good(tmp_path):
    path = tmp_path / "good.duckdb"
    s = Store(path)
    s.add_batch([_doc(i) for i in range(200)])
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rashomon.cli", *args], capture_output=True, text=True, timeout=120)


def test_truncated_store_refuses_writes(good, tmp_path):
    trunc = tmp_path / "trunc.duckdb"
    data = good.read_bytes()
    trunc.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreDamaged, match="E205.*cannot be read"):
        Store(trunc).add_batch([_doc(999)])
    r = cli("ingest", str(good.parent / "nothing-here.txt"), "--db", str(trunc))
    assert r.returncode == 1 and "[E205]" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("garbage", [b"X" * 32, bytes(range(7, 71))], ids=["text", "bytes"])
def test_corrupt_header(good, tmp_path, garbage):
    bad = tmp_path / "bad.duckdb"
    data = good.read_bytes()
    bad.write_bytes(garbage + data[len(garbage) :])
    for read_only in (False, True):
        with pytest.raises(StoreDamaged, match="not a valid DuckDB database"):
            Store(bad, read_only=read_only)
    r = cli("export", "--db", str(bad), "--out", str(tmp_path / "x.json"))
    assert r.returncode == 1 and "[E205]" in r.stderr and "Traceback" not in r.stderr


def test_foreign_duckdb_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (a INTEGER)")
    con.close()
    for read_only in (False, True):
        with pytest.raises(NotAStore, match="E204.*not a rashomon store.*sales"):
            Store(path, read_only=read_only)
    con = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["sales"]
    con.close()
    r = cli("docs", "--db", str(path))
    assert r.returncode == 1 and "[E204]" in r.stderr and "Traceback" not in r.stderr


def test_read_only_commands_refuse_a_newer_schema(good, tmp_path):
    con = duckdb.connect(str(good))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaTooNew, match="E202.*v999 is newer"):
        Store(good, read_only=True)
    for args in (["docs"], ["export", "--out", str(tmp_path / "x.json")], ["sql", "SELECT 1"]):
        r = cli(*args, "--db", str(good))
        assert r.returncode in (1, 2) and "[E202]" in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_store_in_a_read_only_folder(good, monkeypatch):
    """Readers work; a writer gets an E200 (simulated: the tests run as root, whom chmod does not stop)."""
    assert Store(good, read_only=True).count() == 200
    real = os.open

    def refuse(path, *a, **k):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "open", refuse)
    from rashomon import api

    with pytest.raises(StoreError, match="E200.*Permission denied"):
        api.open(good)
