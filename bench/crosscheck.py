"""Benchmark: quantity linking + verdicts at 1×, 4× and 16× corpus size.

Real claims, synthetic corpus: NewsQuant sentences (../shared/data/newsquant) and the demo
corpus are run through the quantity extractor once; their claims are then recombined into
synthetic documents (five sentences each, twelve outlets, stories of ten documents, values
perturbed by up to ±20 %, one document in ten a wire copy of another) and the time of
``link.facets`` + ``verdict.quantity_findings`` is measured per size.  Near-linear scaling
shows as a growth ratio close to the size ratio (4.0).

    .venv/bin/python bench/crosscheck.py [--base 400]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import record  # noqa: E402
from rashomon.crosscheck import link, verdict  # noqa: E402
from rashomon.extract import extract_doc  # noqa: E402
from rashomon.nlp import load  # noqa: E402
from rashomon.options import Options  # noqa: E402
from rashomon.records import Claim, Document, claim_id, stable_id  # noqa: E402

NEWSQUANT = ROOT / ".." / "shared" / "data" / "newsquant" / "NewsQuant-dev.json"
DEMO = ROOT / "examples" / "demo"


def seed_sentences() -> list[str]:
    out = []
    if NEWSQUANT.exists():
        out += [r["text"] for r in json.loads(NEWSQUANT.read_text("utf-8"))]
    for p in sorted(DEMO.glob("*.txt")):
        out += [s.strip() + "." for s in p.read_text("utf-8").split(". ") if any(ch.isdigit() for ch in s)]
    return out


def seed_claims(sentences: list[str]) -> list[tuple[str, list[Claim]]]:
    """(sentence, its quantity claims with offsets into the sentence), extracted once."""
    nlp, opts = load("en_core_web_sm"), Options()
    out = []
    for s, sdoc in zip(sentences, nlp.pipe(sentences, batch_size=64)):
        d = Document(id="seed", source="seed", text=s, raw_text=s, published="2025-05-04")
        claims = [c for c in extract_doc(sdoc, d, opts).claims if c.kind == "quantity"]
        if claims:
            out.append((s, claims))
    return out


def corpus(seeds, n_docs: int, rng: random.Random) -> tuple[list[Document], list[Claim]]:
    docs: list[Document] = []
    claims: list[Claim] = []
    for i in range(n_docs):
        parts = rng.sample(seeds, 5)
        text, offset, doc_claims = "", 0, []
        did = stable_id("d", "bench", i)
        for s, cs in parts:
            for c in cs:
                v = c.value if not isinstance(c.value, float) else round(c.value * rng.uniform(0.8, 1.2), 1)
                start, end = c.start + offset, c.end + offset
                doc_claims.append(
                    dataclasses.replace(
                        c, id=claim_id(did, "quantity", start, end), doc=did, start=start, end=end, value=v
                    )
                )
            text += s + " "
            offset = len(text)
        dup = docs[i - 1].id if i % 10 == 9 else None
        docs.append(
            Document(
                id=did,
                source=f"bench/{i}.txt",
                text=text,
                raw_text=text,
                outlet=f"Outlet {i % 12}",
                published=f"2025-05-{1 + i % 28:02d}",
                duplicate_of=dup,
            )
        )
        claims += doc_claims
    return docs, claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=400, help="documents at 1× (default 400)")
    args = ap.parse_args()
    seeds = seed_claims(seed_sentences())
    print(f"seed sentences with quantities: {len(seeds)}")
    rng = random.Random(7)
    prev = first = None
    lines = []
    for k in (1, 4, 16):
        docs, claims = corpus(seeds, args.base * k, rng)
        story_of = {d.id: f"s{n // 10}" for n, d in enumerate(docs)}
        t0 = time.perf_counter()
        facets = link.facets(claims, docs, [], story_of)
        t1 = time.perf_counter()
        findings = verdict.quantity_findings(facets)
        t2 = time.perf_counter()
        total = t2 - t0
        ratio = f"{total / prev:.2f}×" if prev else "-"
        print(
            f"{k:>2}×  docs={len(docs):>6}  claims={len(claims):>6}  findings={len(findings):>5}  "
            f"facets={t1 - t0:6.2f}s  judge={t2 - t1:6.2f}s  total={total:6.2f}s  growth vs previous={ratio}"
        )
        lines.append(
            f"{k}x: {len(docs):,} docs, {len(claims):,} claims, {len(findings):,} findings, "
            f"{total:.2f} s (growth vs previous size: {ratio})"
        )
        first = first or total
        prev = total
    lines.append(f"16x size -> x{prev / first:.1f} time (linear would be x16; all-pairs would be x256)")
    record("crosscheck linking + verdicts", lines)


if __name__ == "__main__":
    main()
