"""Learn the attribution cue model from the PolNeAR TRAIN split (never dev).

Verbs: for every verb outside a direct quote, keyed by lemma, the frame kind it opens
(``rashomon.extract.quotes.verb_kind``: clause, infinitive, object, topic phrase,
parenthetical, none) and whether it has a speaker subject, how often it lies inside a gold
Cue span. The counts of lemmas that are cues at least ``--min-count`` times are written as
"verb_frames"; the extractor smooths them into probabilities (a frame kind backs off to its
lemma) and accepts a verb at or above "threshold", which is chosen here by two-fold
cross-fitting on train (counts from one half, the mean of Source, Content
and triple F1 on the other).
Nouns: a noun with a content clause or topic phrase (``noun_frame``) is a cue where its
lemma is one at least ``--min-ratio`` of the time and ``--min-count`` times ("nouns").
Written to src/rashomon/models/quotes/cues.json. Deterministic: same data, same file.

    .venv/bin/python scripts/train_quotes.py --data ../shared/data/polnear/train
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from rashomon.evaluate.quotes import load, score
from rashomon.extract import quotes
from rashomon.extract.quotes import NO_SPEAKER, cues, is_statement, noun_frame, quote_spans, verb_kind, verb_subject
from rashomon.nlp import load as load_model

SMOOTHING = 4.0  # pseudo-counts pulling a frame kind towards its lemma (see quotes.verb_model)
OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "models" / "quotes" / "cues.json"


def count(pairs: Iterable) -> tuple[Counter, Counter]:
    """(candidates, gold cues) per key over (gold attributions, parsed doc) pairs.

    Keys: ("VERB", "lemma|kind|subj"), kind as ``verb_kind`` reads it and subj "subj" or
    "nosubj" (verbs whose subject is it/this/that/there are left out, as the extractor
    does), and ("NOUN", lemma) for nouns with a frame."""
    seen: Counter[tuple[str, str]] = Counter()
    cue: Counter[tuple[str, str]] = Counter()
    for gold, sdoc in pairs:
        text = sdoc.text
        quotes = [q for q in quote_spans(text) if is_statement(text, q)]
        spans = [s for a in gold for s in a.cue]
        for tok in sdoc:
            if any(a <= tok.idx < b for a, b in quotes):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                subj = verb_subject(tok)
                if subj is not None and subj.lower_ in NO_SPEAKER:
                    continue
                has = "subj" if subj is not None else "nosubj"
                key = ("VERB", f"{tok.lemma_.lower()}|{verb_kind(tok)}|{has}")
            elif tok.pos_ == "NOUN" and noun_frame(tok) is not None:
                key = ("NOUN", tok.lemma_.lower())
            else:
                continue
            seen[key] += 1
            cue[key] += any(a <= tok.idx < b for a, b in spans)
    return seen, cue


def lexicon(seen: Counter, cue: Counter, min_ratio: float, min_count: int) -> dict:
    """The cue model: verb frame counts of lemmas that are cues at least ``min_count`` times
    (the extractor smooths them into probabilities), noun lemmas that are cues at least
    ``min_count`` times and ``min_ratio`` of the time."""
    verb_hits: Counter[str] = Counter()
    for (pos, key), n in cue.items():
        if pos == "VERB":
            verb_hits[key.split("|")[0]] += n
    frames = {
        key: [cue[(pos, key)], n]
        for (pos, key), n in sorted(seen.items())
        if pos == "VERB" and verb_hits[key.split("|")[0]] >= min_count
    }
    nouns = sorted(
        lemma
        for (pos, lemma), n in cue.items()
        if pos == "NOUN" and n >= min_count and n / seen[(pos, lemma)] >= min_ratio
    )
    return {"verb_frames": frames, "nouns": nouns}


THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def _score(lex: dict, docs, parsed, threshold: float) -> float:
    """Mean of Source F1, Content F1 and triple F1 (the attribution metrics) of the extractor
    with cue model ``lex`` at ``threshold``."""
    saved = cues.cue_model
    cues.cue_model = lambda: {**lex, "threshold": threshold}
    cues.verb_model.cache_clear()
    try:
        result = score(docs, [quotes.attributions(d) for d in parsed])
    finally:
        cues.cue_model = saved
        cues.verb_model.cache_clear()
    return (result["source"]["f1"] + result["content"]["f1"] + result["triple"]["f1"]) / 3


def train(docs, parsed, min_ratio: float, min_count: int) -> dict:
    """The cue model from (name, text, gold) documents and their parses.

    The acceptance threshold is chosen by two-fold cross-fitting: counts from the even
    documents scored on the odd ones and the other way round."""
    folds = [list(range(0, len(docs), 2)), list(range(1, len(docs), 2))]
    gains = {t: 0.0 for t in THRESHOLDS}
    for fit, held in (folds, folds[::-1]):
        lex = lexicon(*count((docs[i][2], parsed[i]) for i in fit), min_ratio, min_count)
        for t in THRESHOLDS:
            gains[t] += _score(lex, [docs[i] for i in held], [parsed[i] for i in held], t) / 2
    best = max(THRESHOLDS, key=lambda t: (round(gains[t], 4), -t))
    lex = lexicon(*count((g, d) for (_, _, g), d in zip(docs, parsed)), min_ratio, min_count)
    return {"threshold": best, "cross_fit": {str(t): round(v, 4) for t, v in gains.items()}, **lex}


def dump(model: dict) -> str:
    """The model as JSON, one verb frame a line (readable diffs)."""
    lines = []
    for key, value in model.items():
        if key == "verb_frames":
            rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in value.items())
            lines.append(f' "verb_frames": {{\n{rows}\n }}')
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


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
    parsed = list(nlp.pipe((t for _, t, _ in docs), batch_size=32))
    model = train(docs, parsed, args.min_ratio, args.min_count)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        dump(
            {
                "source": "PolNeAR train",
                "documents": len(docs),
                "min_ratio": args.min_ratio,
                "min_count": args.min_count,
                "smoothing": SMOOTHING,
                **model,
            }
        ),
        "utf-8",
    )
    print(
        f"{len(model['verb_frames'])} verb frames, {len(model['nouns'])} noun cue lemmas, threshold "
        f"{model['threshold']} from {len(docs)} documents -> {OUT}"
    )


if __name__ == "__main__":
    main()
