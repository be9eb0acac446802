"""Shared helpers for the benchmarks: machine description, the results log, and a
peak-RSS sampler for a child process tree (read from /proc, no extra dependency).

Every benchmark appends one section to ``bench/RESULTS.md`` with the date, the exact
command, the commit and the machine, so numbers can be compared across runs.
"""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{mem_kb / 2**20:.1f} GiB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} CPUs ({cpu}), {ram}, Python {platform.python_version()}, load avg {load:.1f} at start"


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def record(title: str, lines: list[str]) -> None:
    """Print a result section and append it to bench/RESULTS.md."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join(shlex.quote(a) for a in [Path(sys.executable).name, *sys.argv])
    text = "\n".join(
        [
            f"## {title} — {stamp}",
            "",
            f"- command: `{command}`",
            f"- commit: {commit()}",
            f"- machine: {machine()}",
            *[f"- {line}" for line in lines],
            "",
            "",
        ]
    )
    print(text)
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n\nAppended by the scripts in bench/ (newest last).\n\n", "utf-8")
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(text)


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
        rss[int(entry.name)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack += children.get(p, [])
    return total


def run_measured(
    cmd: list[str],
    interval: float = 0.25,
    checkpoint: Callable[[float, int], None] | None = None,
    every: float = 30.0,
    **kwargs,
) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run ``cmd``; return (wall seconds, peak RSS bytes of its process tree, completed process).
    ``checkpoint(seconds so far, peak so far)`` is called every ``every`` seconds while it runs
    (a resumable benchmark records them, so a run cut short still counts the time it took)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        last = start
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            if checkpoint and time.perf_counter() - last >= every:
                last = time.perf_counter()
                checkpoint(last - start, peak)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    return wall, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)
