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
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import record, run_measured  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

CLI = [sys.executable, "-c", "import sys; from rashomon.cli import main; sys.argv[0] = 'rashomon'; main()"]


def measure(n: int, folder: Path, workers: int, engine: str = "local") -> dict[str, float]:
    corpus, db = folder / f"corpus-{n}", folder / f"store-{n}.duckdb"
    make_corpus(n, corpus)
    t_in, m_in, p_in = run_measured([*CLI, "ingest", str(corpus), "--db", str(db)])
    if p_in.returncode not in (0, 1):
        raise SystemExit(f"ingest failed:\n{p_in.stderr[-2000:]}")
    t_an, m_an, p_an = run_measured([*CLI, "analyze", "--db", str(db), "--workers", str(workers),
                                     "--engine", engine])
    if p_an.returncode != 0:
        raise SystemExit(f"analyze failed:\n{p_an.stderr[-2000:]}")
    return {"n": n, "ingest_s": t_in, "ingest_rss": m_in, "analyze_s": t_an, "analyze_rss": m_an,
            "total_s": t_in + t_an, "peak_rss": max(m_in, m_an)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep corpora and stores in this folder")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="rashomon-e2e-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for n in sizes:
            rows.append(measure(n, folder, args.workers))
            r = rows[-1]
            print(f"{n} docs: ingest {r['ingest_s']:.1f} s, analyze {r['analyze_s']:.1f} s, "
                  f"peak {r['peak_rss'] / 2**20:.0f} MiB", flush=True)
    base = rows[0]
    lines = [f"workers: {args.workers}, engine: local, corpus: bench/make_corpus.py (seed 13)"]
    for r in rows:
        lines.append(f"{r['n']:,} docs: ingest {r['ingest_s']:.1f} s (peak {r['ingest_rss'] / 2**20:.0f} MiB), "
                     f"analyze {r['analyze_s']:.1f} s (peak {r['analyze_rss'] / 2**20:.0f} MiB), "
                     f"total {r['total_s']:.1f} s = {r['n'] / r['total_s']:.1f} docs/s")
    for r in rows[1:]:
        grow_n, grow_t, grow_m = r["n"] / base["n"], r["total_s"] / base["total_s"], r["peak_rss"] / base["peak_rss"]
        lines.append(f"growth {base['n']:,} -> {r['n']:,} docs (x{grow_n:.0f}): time x{grow_t:.2f} "
                     f"(target <= x{grow_n * 1.2:.0f}), peak memory x{grow_m:.2f} (target <= x1.5)")
    record("end-to-end ingest + analyze", lines)


if __name__ == "__main__":
    main()
