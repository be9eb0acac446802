"""Local engine vs Ray on the same corpus and the same number of CPUs: ingest and analyze.

    python bench/ray_vs_local.py [--docs 300] [--workers 2]

Each engine ingests the corpus into its own store (Ray: files read and cleaned by Ray tasks)
and analyzes it; every ``rashomon`` command runs in a child process (Ray start-up included,
as a user would see it), timed and sampled for the peak memory of its process tree. Also
checks that both engines stored the same number of documents, claims and findings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import record, run_measured  # noqa: E402
from e2e import CLI  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

from rashomon.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rvl-", dir="/tmp") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        make_corpus(args.docs, corpus, seed=31)
        results = {}
        for engine in ("local", "ray"):
            db = folder / f"{engine}.duckdb"
            steps = {}
            for step, extra in (("ingest", [str(corpus)]), ("analyze", ["--workers", str(args.workers)])):
                wall, peak, p = run_measured([*CLI, step, *extra, "--db", str(db), "--engine", engine])
                if p.returncode != 0:
                    raise SystemExit(f"{engine} {step} failed:\n{p.stderr[-3000:]}")
                steps[step] = (wall, peak)
            store = Store(db, read_only=True)
            results[engine] = (steps, store.count("documents"), store.count("claims"), store.count("findings"))
    local, ray = results["local"], results["ray"]

    def line(engine: str, steps: dict) -> str:
        return "; ".join(f"{engine} {step} {t:.1f} s (peak {m / 2**20:.0f} MiB)" for step, (t, m) in steps.items())

    ratios = ", ".join(f"{step} x{ray[0][step][0] / local[0][step][0]:.2f}" for step in ("ingest", "analyze"))
    record(
        "ray vs local",
        [
            f"corpus: {args.docs} synthetic documents (bench/make_corpus.py, seed 31); {args.workers} workers / Ray CPUs",
            line("local", local[0]),
            line("ray", ray[0]) + " (Ray start-up included in each)",
            f"ray/local time: {ratios}",
            f"same results: documents {local[1]} vs {ray[1]}, claims {local[2]} vs {ray[2]}, findings {local[3]} vs "
            f"{ray[3]} -> {'yes' if local[1:] == ray[1:] else 'NO'}",
        ],
    )


if __name__ == "__main__":
    main()
