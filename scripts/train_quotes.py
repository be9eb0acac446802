"""Learn the attribution cue lexicon from the PolNeAR TRAIN split (never dev).

For every verb lemma in the parsed train documents: how often a token with that lemma
lies inside a gold Cue span. Lemmas that are cues at least ``--min-ratio`` of the time and
at least ``--min-count`` times are written to src/rashomon/models/quotes/cues.json, which
``rashomon.extract.quotes.cue_lexicon`` loads. Deterministic: same data, same file.

    .venv/bin/python scripts/train_quotes.py --data ../shared/data/polnear/train
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rashomon.evaluate.quotes import load
from rashomon.nlp import load as load_model

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "models" / "quotes" / "cues.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/polnear/train"))
    ap.add_argument("--min-ratio", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm")
    args = ap.parse_args()
    if "dev" in args.data.parts:
        raise SystemExit("refusing to learn from the dev split: pass the train split")
    docs = load(args.data)
    nlp = load_model(args.model)
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for (_, _, gold), sdoc in zip(docs, nlp.pipe((t for _, t, _ in docs), batch_size=32)):
        spans = [s for a in gold for s in a.cue]
        for tok in sdoc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            seen[lemma] += 1
            if any(a <= tok.idx < b for a, b in spans):
                cue[lemma] += 1
    cues = sorted(lemma for lemma, n in cue.items()
                  if n >= args.min_count and n / seen[lemma] >= args.min_ratio)
    stats = {lemma: [cue[lemma], seen[lemma]] for lemma in cues}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": "PolNeAR train", "documents": len(docs), "min_ratio": args.min_ratio,
                               "min_count": args.min_count, "cues": cues, "counts": stats}, indent=1) + "\n",
                   "utf-8")
    print(f"{len(cues)} cue lemmas from {len(docs)} documents -> {OUT}")


if __name__ == "__main__":
    main()
