"""A killed or stopped `analyze --workers 2` leaves no process behind; SIGINT/SIGTERM say so and exit
non-zero (issue 18, part 6). Real processes: the CLI in a subprocess, its workers found in /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .fictional import write_corpus

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the workers in /proc")
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid``."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("orphans")
    corpus = write_corpus(folder / "corpus", 40)
    db = folder / "s.duckdb"
    r = subprocess.run([sys.executable, "-m", "rashomon.cli", "ingest", str(corpus), "--db", str(db)], env=ENV,
                       capture_output=True, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return db


def start_analyze(db: Path, tmp: Path) -> tuple[subprocess.Popen, set[int]]:
    copy = tmp / "s.duckdb"
    copy.write_bytes(db.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "analyze", "--db", str(copy), "--workers", "2", "--batch-size", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = descendants(proc.pid)
        if len(workers) >= 2:  # the workers (and the resource tracker) are up
            time.sleep(3)  # into the batches
            return proc, descendants(proc.pid)
        time.sleep(0.2)
    proc.kill()
    pytest.fail("analyze --workers 2 never started its workers")


def gone(pids: set[int], within: float = 30) -> set[int]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        left = {p for p in pids if alive(p)}
        if not left:
            return left
        time.sleep(0.2)
    return {p for p in pids if alive(p)}


def test_sigkill_leaves_no_worker_behind(ingested, tmp_path):
    proc, workers = start_analyze(ingested, tmp_path)
    proc.kill()
    proc.wait()
    left = gone(workers)
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, f"orphaned processes {left}"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_sigint_say_so_exit_non_zero_and_leave_nothing(ingested, tmp_path, sig):
    proc, workers = start_analyze(ingested, tmp_path)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + sig, stderr
    assert f"stopped by {signal.Signals(sig).name}" in stderr and "Traceback" not in stderr
    left = gone(workers)
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, f"orphaned processes {left}"
