"""End-to-end scale: ingest + analyze time and peak memory at growing corpus sizes.

    python bench/e2e.py [--sizes 1000,10000] [--workers 2] [--keep DIR]

For each size N: a synthetic corpus (bench/make_corpus.py, JSONL shards) is ingested and
analyzed by the ``rashomon`` CLI in child processes, each timed and sampled for the peak
resident memory of its whole process tree (workers included). Reports docs/s and the
growth from the smallest size: time should grow about linearly (x10 docs -> <= x12
time) and peak memory should stay flat (streamed batches: <= 1.5x).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import record, run_measured  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

CORPUS_TIME = re.compile(r"cross-source rebuild ([\d.]+) s")
CLI = [sys.executable, "-c", "import sys; from rashomon.cli import main; sys.argv[0] = 'rashomon'; main()"]


class Steps:
    """Each step's attempts (seconds, peak RSS, finished), kept in ``folder/e2e-state.json`` when the
    folder is kept: a run cut short (a session's end, a kill) is resumed by running the same command
    again; the interrupted attempt counts the time up to its last checkpoint (every 30 s), and the
    store resumes where it stopped (ingest skips stored documents; analyze extracts only pending ones)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.state: dict = json.loads(path.read_text()) if path and path.exists() else {}

    def save(self) -> None:
        if self.path:
            self.path.write_text(json.dumps(self.state, indent=1))

    def run(self, key: str, cmd: list[str]) -> tuple[float, int, int]:
        """(total seconds, peak RSS, attempts) of a step, running it unless an attempt finished."""
        attempts = self.state.setdefault(key, [])
        if not any(a[2] for a in attempts):
            attempts.append([0.0, 0, False])

            def checkpoint(seconds: float, peak: int) -> None:
                attempts[-1][:2] = [seconds, peak]
                self.save()

            t, m, p = run_measured(cmd, checkpoint=checkpoint)
            # exit 1: some inputs could not be ingested, or some documents could not be extracted (E402)
            if p.returncode not in (0, 1) or (p.returncode == 1 and "analyze" in cmd and "[E402]" not in p.stderr):
                raise SystemExit(f"{key} failed:\n{p.stderr[-2000:]}")
            if p.returncode == 1:
                print(f"{key} reported errors:\n{p.stderr[-2000:]}", flush=True)
            attempts[-1] = [t, m, True]
            found = CORPUS_TIME.search(p.stdout)
            if found:  # analyze: the last attempt's cross-source rebuild (it is redone whole on every run)
                self.state[key + "-corpus"] = float(found.group(1))
            self.save()
        return sum(a[0] for a in attempts), max(a[1] for a in attempts), len(attempts)


def measure(n: int, folder: Path, workers: int, steps: Steps, engine: str = "local") -> dict[str, float]:
    corpus, db = folder / f"corpus-{n}", folder / f"store-{n}.duckdb"
    if not steps.state.get(f"corpus-{n}"):
        make_corpus(n, corpus)
        steps.state[f"corpus-{n}"] = True
        steps.save()
    t_in, m_in, k_in = steps.run(f"ingest-{n}", [*CLI, "ingest", str(corpus), "--db", str(db)])
    t_an, m_an, k_an = steps.run(
        f"analyze-{n}", [*CLI, "analyze", "--db", str(db), "--workers", str(workers), "--engine", engine]
    )
    return {
        "n": n,
        "ingest_s": t_in,
        "ingest_rss": m_in,
        "analyze_s": t_an,
        "analyze_rss": m_an,
        "corpus_s": steps.state.get(f"analyze-{n}-corpus"),
        "total_s": t_in + t_an,
        "peak_rss": max(m_in, m_an),
        "attempts": k_in + k_an,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--keep",
        type=Path,
        help="keep corpora, stores and step timings in this folder; the same command again resumes an interrupted run",
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="rashomon-e2e-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for n in sizes:
            rows.append(measure(n, folder, args.workers, Steps(folder / "e2e-state.json" if args.keep else None)))
            r = rows[-1]
            print(
                f"{n} docs: ingest {r['ingest_s']:.1f} s, analyze {r['analyze_s']:.1f} s, "
                f"peak {r['peak_rss'] / 2**20:.0f} MiB",
                flush=True,
            )
    base = rows[0]
    lines = [f"workers: {args.workers}, engine: local, corpus: bench/make_corpus.py (seed 13)"]
    for r in rows:
        lines.append(
            f"{r['n']:,} docs: ingest {r['ingest_s']:.1f} s (peak {r['ingest_rss'] / 2**20:.0f} MiB), "
            f"analyze {r['analyze_s']:.1f} s (peak {r['analyze_rss'] / 2**20:.0f} MiB"
            + (f"; of which cross-source rebuild {r['corpus_s']:.1f} s" if r["corpus_s"] else "")
            + "), "
            f"total {r['total_s']:.1f} s = {r['n'] / r['total_s']:.1f} docs/s"
            + (
                f" (resumed: {r['attempts'] - 2} interrupted attempt(s) counted to their last 30-s checkpoint)"
                if r["attempts"] > 2
                else ""
            )
        )
    for r in rows[1:]:
        grow_n, grow_t, grow_m = r["n"] / base["n"], r["total_s"] / base["total_s"], r["peak_rss"] / base["peak_rss"]
        lines.append(
            f"growth {base['n']:,} -> {r['n']:,} docs (x{grow_n:.0f}): time x{grow_t:.2f} "
            f"(target <= x{grow_n * 1.2:.0f}), peak memory x{grow_m:.2f} (target <= x1.5)"
            + (
                f", cross-source rebuild x{r['corpus_s'] / base['corpus_s']:.2f}"
                if r["corpus_s"] and base["corpus_s"]
                else ""
            )
        )
    record("end-to-end ingest + analyze", lines)


if __name__ == "__main__":
    main()
