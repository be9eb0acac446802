"""Local worker pool vs Ray on the same corpus and the same number of CPUs.

    python bench/ray_vs_local.py [--docs 300] [--workers 2]

The corpus is ingested once and the store copied, so both engines analyze identical
stores; each ``rashomon analyze`` runs in a child process (Ray start-up included, as a
user would see it), timed and sampled for peak memory of its process tree. Also checks
that both engines stored the same number of claims and findings.
"""
from __future__ import annotations

import argparse
import shutil
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
        base = folder / "base.duckdb"
        _, _, p = run_measured([*CLI, "ingest", str(corpus), "--db", str(base)])
        if p.returncode not in (0, 1):
            raise SystemExit(p.stderr[-2000:])
        results = {}
        for engine in ("local", "ray"):
            db = folder / f"{engine}.duckdb"
            shutil.copy(base, db)
            wall, peak, p = run_measured([*CLI, "analyze", "--db", str(db), "--engine", engine,
                                          "--workers", str(args.workers)])
            if p.returncode != 0:
                raise SystemExit(f"{engine} failed:\n{p.stderr[-3000:]}")
            store = Store(db, read_only=True)
            results[engine] = (wall, peak, store.count("claims"), store.count("findings"))
    (tl, ml, cl, fl), (tr, mr, cr, fr) = results["local"], results["ray"]
    record("ray vs local", [
        f"corpus: {args.docs} synthetic documents (bench/make_corpus.py, seed 31); {args.workers} workers / Ray CPUs",
        f"local: {tl:.1f} s, peak {ml / 2**20:.0f} MiB; ray: {tr:.1f} s, peak {mr / 2**20:.0f} MiB "
        f"(Ray start-up included); ray/local time x{tr / tl:.2f}",
        f"same results: claims {cl} vs {cr}, findings {fl} vs {fr} -> {'yes' if (cl, fl) == (cr, fr) else 'NO'}",
    ])


if __name__ == "__main__":
    main()
