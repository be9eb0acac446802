"""Learn the attribution cue lexicon from the PolNeAR TRAIN split (never dev).

A word is a candidate cue where the extractor would read a frame off it: a verb with a
speaker subject outside a direct quote, a noun with a content clause or topic phrase
(``rashomon.extract.quotes._noun_frame``). For each lemma: how often such a candidate lies
inside a gold Cue span. Lemmas that are cues at least ``--min-ratio`` of the time and at
least ``--min-count`` times are written to src/rashomon/models/quotes/cues.json ("cues" for
verbs, "nouns"), which ``rashomon.extract.quotes`` loads. Deterministic: same data, same file.

    .venv/bin/python scripts/train_quotes.py --data ../shared/data/polnear/train
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from rashomon.evaluate.quotes import load
from rashomon.extract.quotes import NO_SPEAKER, _noun_frame, _statement, _subject, quote_spans
from rashomon.nlp import load as load_model

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "models" / "quotes" / "cues.json"


def count(pairs: Iterable) -> tuple[Counter, Counter]:
    """(candidates, gold cues) per (part of speech, lemma) over (gold attributions, parsed doc) pairs."""
    seen: Counter[tuple[str, str]] = Counter()
    cue: Counter[tuple[str, str]] = Counter()
    for gold, sdoc in pairs:
        text = sdoc.text
        quotes = [q for q in quote_spans(text) if _statement(text, q)]
        spans = [s for a in gold for s in a.cue]
        for tok in sdoc:
            if any(a <= tok.idx < b for a, b in quotes):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                subj = _subject(tok)
                if subj is None or subj.lower_ in NO_SPEAKER:
                    continue
                key = ("VERB", tok.lemma_.lower())
            elif tok.pos_ == "NOUN" and _noun_frame(tok) is not None:
                key = ("NOUN", tok.lemma_.lower())
            else:
                continue
            seen[key] += 1
            cue[key] += any(a <= tok.idx < b for a, b in spans)
    return seen, cue


def lexicon(seen: Counter, cue: Counter, min_ratio: float, min_count: int) -> dict[str, list[str]]:
    keep = sorted(k for k, n in cue.items() if n >= min_count and n / seen[k] >= min_ratio)
    return {"cues": [lemma for pos, lemma in keep if pos == "VERB"],
            "nouns": [lemma for pos, lemma in keep if pos == "NOUN"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/polnear/train"))
    ap.add_argument("--min-ratio", type=float, default=0.35)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm")
    args = ap.parse_args()
    if "dev" in args.data.parts:
        raise SystemExit("refusing to learn from the dev split: pass the train split")
    docs = load(args.data)
    nlp = load_model(args.model)
    seen, cue = count(zip((g for _, _, g in docs), nlp.pipe((t for _, t, _ in docs), batch_size=32)))
    lex = lexicon(seen, cue, args.min_ratio, args.min_count)
    stats = {f"{pos}:{lemma}": [cue[(pos, lemma)], seen[(pos, lemma)]] for pos, lemma in sorted(cue)
             if (lemma in lex["cues"] and pos == "VERB") or (lemma in lex["nouns"] and pos == "NOUN")}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": "PolNeAR train", "documents": len(docs), "min_ratio": args.min_ratio,
                               "min_count": args.min_count, **lex, "counts": stats}, indent=1) + "\n", "utf-8")
    print(f"{len(lex['cues'])} verb and {len(lex['nouns'])} noun cue lemmas from {len(docs)} documents -> {OUT}")


if __name__ == "__main__":
    main()
