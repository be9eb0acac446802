"""Learn the attribution cue model from the PolNeAR TRAIN split (never dev).

Verbs: every verb outside a direct quote whose subject is not it/this/that/there is a
candidate, labelled by whether it lies inside a gold Cue span. The model is a logistic
regression over ``rashomon.extract.quotes.verb_features`` (lemma, frame kind, subject class,
dependency, tense, object, preposition, a quote mark beside it; features seen at least
``--min-feature`` times), fitted by full-batch Adam with an L2 penalty. Only lemmas that are
gold cues at least ``--min-count`` times are read by the extractor ("verbs"). The acceptance
threshold and the penalty are chosen by two-fold cross-fitting on train (weights from one half,
the mean of Source, Content and triple F1 on the other).
Nouns: a noun with a content clause or topic phrase (``noun_frame``) is a candidate too, read by
``noun_features`` (lemma, what its source is, its dependency and governing word, clause or
preposition) in the same regression; the extractor reads noun lemmas that are cues at least
``--min-count`` times and ``--min-ratio`` of the time ("nouns").
Written to src/rashomon/models/quotes/cues.json. Deterministic: same data, same file.

    .venv/bin/python scripts/train_quotes.py --data ../shared/data/polnear/train
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from rashomon.evaluate.quotes import load, score
from rashomon.extract import quotes
from rashomon.extract.quotes import NO_SPEAKER, cues, is_statement, noun_frame, quote_spans, verb_kind, verb_subject
from rashomon.nlp import load as load_model

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "models" / "quotes" / "cues.json"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
PENALTIES = (1.0, 3.0, 10.0)


def candidates(pairs: Iterable) -> tuple[list[list[str]], list[int], Counter, Counter, Counter]:
    """(features per candidate verb, its label, gold cue count per verb lemma, candidate and cue counts
    per noun lemma) over (gold attributions, parsed doc) pairs."""
    feats: list[list[str]] = []
    labels: list[int] = []
    verb_cues: Counter[str] = Counter()
    nouns_seen: Counter[str] = Counter()
    nouns_cue: Counter[str] = Counter()
    for gold, sdoc in pairs:
        text = sdoc.text
        inside = [q for q in quote_spans(text) if is_statement(text, q)]
        spans = [s for a in gold for s in a.cue]
        marks = cues.quote_marks_near(sdoc)
        for tok in sdoc:
            if any(a <= tok.idx < b for a, b in inside):
                continue
            hit = any(a <= tok.idx < b for a, b in spans)
            if tok.pos_ in ("VERB", "AUX"):
                subj = verb_subject(tok)
                if subj is not None and subj.lower_ in NO_SPEAKER:
                    continue
                feats.append(cues.verb_features(tok, verb_kind(tok), subj, marks[tok.i]))
                labels.append(int(hit))
                verb_cues[tok.lemma_.lower()] += hit
            elif tok.pos_ == "NOUN" and (frame := noun_frame(tok)) is not None:
                feats.append(cues.noun_features(tok, frame.subject))
                labels.append(int(hit))
                nouns_seen[tok.lemma_.lower()] += 1
                nouns_cue[tok.lemma_.lower()] += hit
    return feats, labels, verb_cues, nouns_seen, nouns_cue


def fit(feats: Sequence[list[str]], labels: Sequence[int], penalty: float, min_feature: int) -> dict[str, float]:
    """Logistic-regression weights (feature -> weight) by full-batch Adam on the mean log loss plus
    ``penalty`` / n times the squared weights (the bias unpenalised)."""
    counts = Counter(f for fs in feats for f in set(fs))
    names = sorted(f for f, n in counts.items() if n >= min_feature)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in set(fs):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    row, col = np.array(rows), np.array(cols)
    y = np.array(labels, dtype=float)
    n = len(y)
    w = np.zeros(len(names))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    reg = np.full(len(names), penalty / n)
    reg[index["bias"]] = 0.0
    for step in range(1, 601):
        z = np.bincount(row, weights=w[col], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(col, weights=(p - y)[row], minlength=len(w)) / n + 2 * reg * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {f: round(float(x), 4) for f, x in zip(names, w) if abs(x) >= 1e-3}


def lexicon(verb_cues: Counter, nouns_seen: Counter, nouns_cue: Counter, min_ratio: float, min_count: int) -> dict:
    """Verb lemmas that are cues at least ``min_count`` times; noun lemmas that are cues at least
    ``min_count`` times and ``min_ratio`` of the time."""
    verbs = sorted(lemma for lemma, n in verb_cues.items() if n >= min_count)
    nouns = sorted(lemma for lemma, n in nouns_cue.items() if n >= min_count and n / nouns_seen[lemma] >= min_ratio)
    return {"verbs": verbs, "nouns": nouns}


def _score(model: dict, docs, parsed) -> float:
    """Mean of Source F1, Content F1 and triple F1 (the attribution metrics) of the extractor with
    cue model ``model``."""
    saved = cues.cue_model
    cues.cue_model = lambda: model  # type: ignore[assignment]
    cues.cue_lexicon.cache_clear()
    try:
        result = score(docs, [quotes.attributions(d) for d in parsed])
    finally:
        cues.cue_model = saved  # type: ignore[assignment]
        cues.cue_lexicon.cache_clear()
    return (result["source"]["f1"] + result["content"]["f1"] + result["triple"]["f1"]) / 3


def model_of(found, penalty: float, min_ratio: float, min_count: int, min_feature: int) -> dict:
    feats, labels, verb_cues, nouns_seen, nouns_cue = found
    return {
        "weights": fit(feats, labels, penalty, min_feature),
        **lexicon(verb_cues, nouns_seen, nouns_cue, min_ratio, min_count),
    }


def train(docs, parsed, min_ratio: float, min_count: int, min_feature: int) -> dict:
    """The cue model from (name, text, gold) documents and their parses.

    The threshold and the penalty are chosen by two-fold cross-fitting: weights from the even
    documents scored on the odd ones and the other way round."""
    folds = [list(range(0, len(docs), 2)), list(range(1, len(docs), 2))]
    gains = {(c, t): 0.0 for c in PENALTIES for t in THRESHOLDS}
    for fit_ids, held in (folds, folds[::-1]):
        found = candidates((docs[i][2], parsed[i]) for i in fit_ids)
        for c in PENALTIES:
            model = model_of(found, c, min_ratio, min_count, min_feature)
            for t in THRESHOLDS:
                gains[(c, t)] += (
                    _score({**model, "threshold": t}, [docs[i] for i in held], [parsed[i] for i in held]) / 2
                )
    penalty, best = max(gains, key=lambda k: (round(gains[k], 4), -k[1], k[0]))
    model = model_of(
        candidates((g, d) for (_, _, g), d in zip(docs, parsed)), penalty, min_ratio, min_count, min_feature
    )
    return {
        "threshold": best,
        "penalty": penalty,
        "cross_fit": {f"{c}|{t}": round(v, 4) for (c, t), v in gains.items()},
        **model,
    }


def dump(model: dict) -> str:
    """The model as JSON, one weight a line (readable diffs)."""
    lines = []
    for key, value in model.items():
        if key == "weights":
            rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(value.items()))
            lines.append(f' "weights": {{\n{rows}\n }}')
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/polnear/train"))
    ap.add_argument("--min-ratio", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-feature", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if "dev" in args.data.parts:
        raise SystemExit("refusing to learn from the dev split: pass the train split")
    docs = load(args.data)
    nlp = load_model(args.model)
    parsed = list(nlp.pipe((t for _, t, _ in docs), batch_size=32))
    model = train(docs, parsed, args.min_ratio, args.min_count, args.min_feature)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = {"source": "PolNeAR train", "documents": len(docs), "min_ratio": args.min_ratio}
    header |= {"min_count": args.min_count, "min_feature": args.min_feature}
    args.out.write_text(dump({**header, **model}), "utf-8")
    print(
        f"{len(model['weights'])} weights over {len(model['verbs'])} verb lemmas, {len(model['nouns'])} noun cue "
        f"lemmas, threshold {model['threshold']}, penalty {model['penalty']} from {len(docs)} documents -> {args.out}"
    )


if __name__ == "__main__":
    main()
