"""One long document: time and peak memory of the per-document extraction as the document grows.

    python bench/long_document.py [--sizes 50000,200000,500000,2000000] [--source demo|shared]
                                  [--stages all|quotes] [--no-record]

Each size is one document of that many characters, made of synthetic articles (bench/make_corpus.py,
seed 41) joined one after another: paragraphs of the bundled demo corpus (``examples/demo``, invented
text; the default) or of the real texts in ``../shared/data`` (``--source shared``). It is cleaned as
ingest cleans it, then parsed and extracted once by the product's path
(:func:`rashomon.parallel.extract_batch`: the whole document is one spaCy ``Doc``; Rashomon's pipeline
accepts up to 5M characters) in a fresh process, so the peak resident memory printed is that size's
alone. ``--stages quotes`` runs the stages the quote extractor needs (time, entities, quotes). Each
line gives the time, characters per second and peak memory; the last line gives the time per character
of the largest size over the smallest: about 1 when the extraction is linear in the document's length
(it was 10x at 171k characters before the quote extractor's whole-text reads were made local; see
issue 18).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import record  # noqa: E402

CHILD = r"""
import json, random, resource, sys, time
sys.path.insert(0, sys.argv[3])
from make_corpus import SHARED, demo_pool, load_pool, make_document
from rashomon.ingest import prepare
from rashomon.options import Options
from rashomon.parallel import extract_batch
from rashomon.records import RawDocument

size, stages, source = int(sys.argv[1]), sys.argv[2], sys.argv[4]
rng, pool, parts, n = random.Random(41), demo_pool() if source == "demo" else load_pool(SHARED), [], 0
while n < size:
    parts.append(make_document(len(parts), rng, pool)["text"])
    n += len(parts[-1]) + 2
text = "\n\n".join(parts)[:size]
options = Options(max_doc_bytes=64 * 2**20)
doc = prepare(RawDocument(source="long.txt", text=text, format="text"), options)
from rashomon.extract import components
quote_stages = tuple(components.COMPONENTS[f"rashomon_{k}"].stage for k in ("time", "entities", "quotes"))
chosen = None if stages == "all" else quote_stages
warm = prepare(RawDocument(source="warm.txt", text=parts[0], format="text"), options)
extract_batch([warm], options, chosen)  # load the model before the clock starts
t = time.perf_counter()
[x] = extract_batch([doc], options, chosen)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(doc.text), "seconds": seconds, "peak_mib": peak, "claims": len(x.claims),
                  "error": x.error}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50000,200000,500000,2000000")
    ap.add_argument("--source", choices=("demo", "shared"), default="demo", help="examples/demo or ../shared")
    ap.add_argument("--stages", choices=("all", "quotes"), default="all")
    ap.add_argument("--no-record", action="store_true", help="print only; do not append to bench/RESULTS.md")
    args = ap.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(size), args.stages, str(Path(__file__).parent.resolve()), args.source],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(f"{size:>9,} chars: failed after {time.perf_counter() - t:.0f} s\n{out.stderr[-2000:]}")
            break
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(
            f"{r['chars']:>9,} chars: {r['seconds']:7.1f} s, {r['chars'] / r['seconds']:8,.0f} chars/s, "
            f"{r['seconds'] / r['chars'] * 1e6:6.1f} µs/char, "
            f"peak {r['peak_mib']:,.0f} MiB, {r['claims']} claims" + (f", error {r['error']}" if r["error"] else ""),
            flush=True,
        )
    if len(rows) < 2:
        return
    first, last = rows[0], rows[-1]
    ratio = (last["seconds"] / last["chars"]) / (first["seconds"] / first["chars"])
    lines = [f"stages: {args.stages}, text: {args.source}"] + [
        f"{r['chars']:,} chars: {r['seconds']:.1f} s, {r['chars'] / r['seconds']:,.0f} chars/s, "
        f"peak {r['peak_mib']:,.0f} MiB, {r['claims']:,} claims"
        for r in rows
    ]
    lines.append(f"time per char, largest / smallest: x{ratio:.2f} (1 = linear)")
    if args.no_record:
        print("\n".join(lines))
    else:
        record("long document", lines)


if __name__ == "__main__":
    main()
