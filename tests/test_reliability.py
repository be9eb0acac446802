"""Crashes and concurrency lose nothing; runs are deterministic.

These drive the real CLI in subprocesses: SIGKILL at random points during ingest and
analyze, then rerun, and compare the store with a clean run's store.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon.store import Store, export as export_mod

from .fictional import write_corpus

ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rashomon.cli", *args], capture_output=True, text=True, timeout=timeout, env=ENV
    )


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )


def snapshot(db: Path) -> str:
    return json.dumps(export_mod.build(Store(db, read_only=True)), sort_keys=True)


def timed(*args: str) -> float:
    t = time.monotonic()
    r = cli(*args)
    assert r.returncode == 0, r.stderr
    return time.monotonic() - t


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"), 48)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    t_ingest = timed("ingest", str(corpus), "--db", str(db), "--batch-size", "1")
    t_analyze = timed("analyze", "--db", str(db), "--batch-size", "4")
    return db, t_ingest, t_analyze


def test_sigkill_anywhere_loses_nothing(corpus, clean, tmp_path):
    ref_db, t_ingest, t_analyze = clean
    rng = random.Random(20261123)
    db = tmp_path / "crash.duckdb"
    kills = 0
    for command, duration in (
        (["ingest", str(corpus), "--db", str(db), "--batch-size", "1"], t_ingest),
        (["analyze", "--db", str(db), "--batch-size", "4"], t_analyze),
    ):
        killed = 0
        for _ in range(40):  # until 10 runs of this command were killed mid-way
            began = time.monotonic()
            proc = start(*command)
            deadline = began + rng.uniform(0.2, 0.7 * duration)
            while proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            else:  # it finished first: each run resumes, so less is left to do; aim within what a run takes now
                duration = time.monotonic() - began
            proc.wait()
            if killed == 10:
                break
        kills += killed
        r = cli(*command)  # the rerun resumes and finishes
        assert r.returncode == 0, r.stderr
    assert kills >= 20, f"only {kills} runs were killed before finishing"
    assert snapshot(db) == snapshot(ref_db)


def test_same_corpus_gives_identical_exports(corpus, clean, tmp_path):
    ref_db, _, _ = clean
    db = tmp_path / "again.duckdb"
    assert cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    assert cli("analyze", "--db", str(db), "--workers", "2").returncode == 0
    for d in (db, ref_db):
        r = cli("export", "--db", str(d), "--format", "json", "--out", str(d.with_suffix(".json")))
        assert r.returncode == 0, r.stderr
    assert db.with_suffix(".json").read_bytes() == ref_db.with_suffix(".json").read_bytes()


def test_readers_never_see_half_a_batch(corpus, tmp_path):
    db = tmp_path / "busy.duckdb"
    assert cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    proc = start("analyze", "--db", str(db), "--batch-size", "2")
    seen = []
    try:
        while proc.poll() is None:
            # a document's extraction is visible only with its stage_runs row, never half of it
            cols, rows = Store(db, read_only=True, busy_timeout=30).query(
                "SELECT (SELECT count(DISTINCT doc) FROM mentions), "
                "(SELECT count(*) FROM mentions m WHERE NOT EXISTS "
                " (SELECT 1 FROM stage_runs s WHERE s.doc = m.doc))"
            )
            with_mentions, orphans = rows[0]
            assert orphans == 0
            seen.append(with_mentions)
            time.sleep(0.05)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0
    assert seen == sorted(seen), "readers saw the store go backwards"
    assert len(seen) >= 3, "the reader never got in while analyze ran"


def test_two_ingests_serialise_or_report_busy(corpus, tmp_path):
    db = tmp_path / "two.duckdb"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "rashomon.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for code, stderr in results:
        assert code == 0 or "store is busy" in stderr, stderr
    cols, rows = Store(db, read_only=True).query("SELECT count(*), count(DISTINCT content_hash) FROM documents")
    assert rows[0] == (48, 48)


def test_sql_cannot_write(clean):
    db, _, _ = clean
    r = cli("sql", "DROP TABLE documents", "--db", str(db))
    assert r.returncode == 2 and "read-only" in r.stderr
    assert Store(db, read_only=True).count() == 48
