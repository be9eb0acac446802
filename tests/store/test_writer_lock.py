"""Writers serialise: ``ingest`` and ``analyze`` hold the store's writer lock for the whole command
(real processes: a holder process, the CLI in subprocesses)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon.errors import StoreBusy, StoreError
from rashomon.store import Store, export as export_mod
from rashomon.store.lock import lock_path, writer_lock

from ..fictional import write_corpus

ENV = {**os.environ, "PYTHONHASHSEED": "0"}
HOLD = """
import sys, time
from rashomon.store.lock import writer_lock
with writer_lock(sys.argv[1], sys.argv[2], 5):
    print("held", flush=True)
    time.sleep(120)
"""


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rashomon.cli", *args], capture_output=True, text=True, timeout=timeout, env=ENV
    )


@pytest.fixture()
def holder(tmp_path):
    """A separate process that holds the writer lock of ``tmp_path/s.duckdb`` as `rashomon analyze`."""
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), "analyze"], stdout=subprocess.PIPE, text=True, env=ENV
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield db, proc
    proc.kill()
    proc.wait()


def test_second_writer_waits_then_names_the_holder(holder):
    db, proc = holder
    t = time.monotonic()
    busy = rf"store is busy: pid {proc.pid} is running `rashomon analyze`"
    with pytest.raises(StoreBusy, match=busy), writer_lock(str(db), "ingest", 0.3):
        pass
    assert 0.3 <= time.monotonic() - t < 5


def test_cli_writers_say_busy_and_readers_are_unaffected(holder, tmp_path):
    db, proc = holder
    corpus = write_corpus(tmp_path / "corpus", 3)
    for args in (["ingest", str(corpus)], ["analyze"]):
        r = cli(*args, "--db", str(db), "--wait", "0.2")
        assert r.returncode == 1, r.stderr
        assert f"store is busy: pid {proc.pid} is running `rashomon analyze`" in r.stderr
        assert "E201" in r.stderr and "Traceback" not in r.stderr
    proc.kill()  # the kernel lets the lock go with the process, however it ends
    proc.wait()
    assert cli("ingest", str(corpus), "--db", str(db), "--wait", "0").returncode == 0
    assert cli("sql", "SELECT count(*) FROM documents", "--db", str(db)).returncode == 0


def test_lock_is_reentrant_and_released(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with writer_lock(db, "ingest", 0), writer_lock(db, "analyze", 0):
        assert json.loads(Path(lock_path(db)).read_text())["command"] == "ingest"
    with writer_lock(db, "analyze", 0):
        pass
    assert Path(lock_path(db)).read_text() == ""


def test_lock_in_a_read_only_folder_is_a_store_error(tmp_path, monkeypatch):
    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with (
        pytest.raises(StoreError, match="E200.*writer lock file.*Permission denied"),
        writer_lock(str(tmp_path / "s.duckdb"), "ingest", 0),
    ):
        pass


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def test_two_ingests_at_once_equal_one_ingest(tmp_path):
    """Two ingests of the same near-copies at once: the second waits, then adds nothing; every
    near-copy is linked (interleaved, they lost the links)."""
    corpus = write_corpus(tmp_path / "corpus", 12)
    for f in sorted(corpus.iterdir())[:6]:  # near-copies: one word changed
        (corpus / f"copy_{f.name}").write_text(f.read_text().replace("officials said", "officials told us", 1))
    ref = tmp_path / "ref.duckdb"
    assert cli("ingest", str(corpus), "--db", str(ref)).returncode == 0
    db = tmp_path / "two.duckdb"
    procs = [_ingest(corpus, db) for _ in range(2)]
    for p in procs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
    dump = "SELECT id, duplicate_of FROM documents ORDER BY id"
    assert Store(db, read_only=True).query(dump) == Store(ref, read_only=True).query(dump)
    assert Store(db, read_only=True).query("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")[1] == [(6,)]


def test_analyze_is_killed_holding_the_lock_and_the_next_one_runs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 4)
    db = tmp_path / "s.duckdb"
    assert cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "analyze", "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    deadline = time.monotonic() + 60
    while not Path(lock_path(str(db))).read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    busy = cli("ingest", str(corpus), "--db", str(db), "--wait", "0")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert busy.returncode == 1 and f"pid {proc.pid} is running `rashomon analyze`" in busy.stderr
    r = cli("analyze", "--db", str(db), "--wait", "0")
    assert r.returncode == 0, r.stderr
    assert export_mod.build(Store(db, read_only=True))["documents"]


def test_review_waits_for_the_writer_lock_and_says_busy(holder):
    db, proc = holder
    r = cli("review", "f_x", "--verdict", "confirmed", "--db", str(db), "--wait", "0.2")
    assert r.returncode == 1, r.stderr
    assert f"store is busy: pid {proc.pid} is running `rashomon analyze`" in r.stderr and "Traceback" not in r.stderr
