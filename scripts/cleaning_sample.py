"""Hand-checked sample of cleaning on real scraped articles: what it removes, and what it leaves.

Takes the held-out half of ``documents.jsonl`` (the documents whose sha256(id) is odd; the rules
were designed on the even half), draws ``--n`` of them with ``--seed``, cleans each text as ingest
does (:func:`rashomon.ingest.clean.clean`) and scores the judgements in ``--labels``:

* every removed line is judged ``furniture`` (not the article) or ``story`` (a sentence of it);
  precision = furniture / judged removed lines;
* ``missed`` lists the leftovers a reader found in what was kept; recall is estimated as
  furniture removed / (furniture removed + missed still kept).

The judgements hold no article text, only digests (sha256 of document id + line, 12 hex digits),
so the file can live in the repository. ``--show`` prints, for judging, each sampled document's
removed lines and the kept lines where leftovers hide (short lines, and the first two and last
three lines), each with its digest; lines already judged are marked. Run from the repository root:

    .venv/bin/python scripts/cleaning_sample.py --data ../shared/data/gva/dev/documents.jsonl --show
    .venv/bin/python scripts/cleaning_sample.py --data ../shared/data/gva/dev/documents.jsonl

The second prints the scores (and the removed lines still unjudged, which a changed rule adds).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

from rashomon.ingest.clean import blocks_of, clean

LABELS = Path(__file__).resolve().parent.parent / "tests" / "data" / "cleaning-gva-heldout.json"


def digest(doc_id: str, line: str) -> str:
    return hashlib.sha256(f"{doc_id}\n{line.strip()}".encode()).hexdigest()[:12]


def held_out(doc_id: str) -> bool:
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 1


def sample(data: Path, n: int, seed: int) -> list[dict[str, str]]:
    if not data.is_file():
        sys.exit(f"{data}: no such file; pass --data ../shared/data/gva/dev/documents.jsonl")
    docs = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    pool = sorted((d for d in docs if held_out(d["id"])), key=lambda d: d["id"])
    return random.Random(seed).sample(pool, min(n, len(pool)))


def lines_of(doc: dict[str, str]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(digest, rule, line) of each removed line; (digest, line) of each kept line."""
    c = clean(doc["text"])
    removed = []
    for r in c.removed:
        for line in r.text.splitlines():
            if line.strip():
                removed.append((digest(doc["id"], line), r.rule, line.strip()))
    kept = [(digest(doc["id"], b.text), b.text) for b in blocks_of(c.text)]
    return removed, kept


def score(data: Path, labels: dict[str, Any], n: int, seed: int, show: bool = False) -> dict[str, Any]:
    """Precision and recall of cleaning on the sample, from the judgements in ``labels``."""
    judged = labels["docs"]
    tp = fp = unjudged = missed = 0
    by_rule: dict[str, list[int]] = {}
    for doc in sample(data, n, seed):
        removed, kept = lines_of(doc)
        mine = judged.get(doc["id"], {"removed": {}, "missed": []})
        if show:
            print(f"\n=== {doc['id']}  {doc['url'][:90]}")
            for d, rule, line in removed:
                print(f"  - {d} {rule:<12} [{mine['removed'].get(d, '?')}] {line[:160]}")
            edge = {i for i in range(len(kept)) if i < 2 or i >= len(kept) - 3 or len(kept[i][1].split()) < 12}
            for i in sorted(edge):
                d, line = kept[i]
                mark = "MISSED" if d in mine["missed"] else ""
                print(f"  + {d} {mark:<6} {line[:160]}")
        kept_digests = {d for d, _ in kept}
        for d, rule, _ in removed:
            label = mine["removed"].get(d)
            counts = by_rule.setdefault(rule, [0, 0])
            if label == "furniture":
                tp += 1
                counts[0] += 1
            elif label == "story":
                fp += 1
                counts[1] += 1
            else:
                unjudged += 1
                if not show:
                    print(f"unjudged: {doc['id']} {d} {rule}")
        missed += sum(d in kept_digests for d in mine["missed"])
    return {
        "documents": n,
        "seed": seed,
        "removed_lines": tp + fp + unjudged,
        "furniture": tp,
        "story": fp,
        "unjudged": unjudged,
        "missed": missed,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + missed), 4) if tp + missed else 0.0,
        "by_rule (furniture/story)": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_rule.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/gva/dev/documents.jsonl"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--n", type=int, default=None, help="documents in the sample (default: the labels file's)")
    ap.add_argument("--seed", type=int, default=None, help="sampling seed (default: the labels file's)")
    ap.add_argument("--show", action="store_true", help="print the lines to judge")
    args = ap.parse_args()
    labels = json.loads(args.labels.read_text()) if args.labels.is_file() else {"seed": 7, "n": 60, "docs": {}}
    n = args.n or labels["n"]
    seed = args.seed if args.seed is not None else labels["seed"]
    print(json.dumps(score(args.data, labels, n, seed, args.show)))


if __name__ == "__main__":
    main()
