"""Attribution scoring against PolNeAR (BRAT standoff: Source, Cue, Content spans).

Owns reading the PolNeAR ``text/*.txt`` + ``attributions/*.ann`` pairs and scoring
``rashomon.extract.quotes.attributions`` on them:

* token-overlap precision / recall / F1 of Source, Cue and Content: every word token
  (``\\w+``) of the document is labelled by the union of the gold spans of that role and by
  the union of the predicted ones; counts are summed over the documents (micro);
* triples: a predicted attribution matches a gold one (one-to-one, greedy) when its
  source, cue and content each overlap the gold ones by at least one token (a gold
  attribution without a source needs cue and content only);
* cue F1 at the level of attributions: the cue alone overlaps.

Where a document was annotated by several annotators the first annotation file in
sorted order is the gold. ``limit`` scores the first N documents (sorted by name).
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..options import Options

WORD = re.compile(r"\w+")
ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class GoldAttribution:
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str) -> list[GoldAttribution]:
    """The attribution relations (E lines) of one BRAT .ann file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[str] = []
    for line in text.splitlines():
        if "\t" not in line:
            continue  # a malformed line (a few in PolNeAR train) carries no span
        if line.startswith("T"):
            tid, rest = line.split("\t", 2)[:2]
            label, _, offsets = rest.partition(" ")
            spans[tid] = (label, _spans(offsets))
        elif line.startswith("E"):
            events.append(line.split("\t")[1])
    gold = []
    for ev in events:
        roles: dict[str, tuple[tuple[int, int], ...]] = {}
        for arg in ev.split():
            role, _, tid = arg.partition(":")
            if tid in spans and role.lower() in ROLES:
                roles[role.lower()] = spans[tid][1]
        if "cue" in roles and "content" in roles:
            gold.append(GoldAttribution(roles.get("source", ()), roles["cue"], roles["content"]))
    return gold


def load(data: Path, limit: int | None = None) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) per document of a PolNeAR split folder."""
    texts, anns = data / "text", data / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise UsageError(
            f"{data} is not a PolNeAR split",
            hint="point --data at ../shared/data/polnear/dev (a folder with text/ and attributions/)",
        )
    first: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for name in sorted(first)[:limit]:
        txt = texts / f"{name}.txt"
        if txt.exists():
            docs.append((name, txt.read_text("utf-8"), read_ann(first[name].read_text("utf-8"))))
    return docs


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def _label(tokens: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that overlap any of ``spans`` (tokens are sorted and disjoint)."""
    out: set[int] = set()
    for a, b in spans:
        lo = bisect.bisect_right(tokens, a, key=lambda t: t[1])  # first token ending after a
        hi = bisect.bisect_left(tokens, b, key=lambda t: t[0])  # first token starting at/after b
        out.update(range(lo, hi))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def score(
    docs: Sequence[tuple[str, str, Sequence[GoldAttribution]]], predictions: Iterable[Sequence[Any]]
) -> dict[str, Any]:
    """Scores of predicted attributions (``Attribution``-like: source, cue, content) per document."""
    counts = {r: [0, 0, 0] for r in ROLES}
    trip = [0, 0, 0]
    cue = [0, 0, 0]
    for (_name, text, gold), pred in zip(docs, predictions):
        tokens = _tokens(text)
        for role in ROLES:
            g = _label(tokens, [s for a in gold for s in getattr(a, role)])
            p = _label(tokens, [s for a in pred for s in _role(a, role)])
            counts[role][0] += len(g & p)
            counts[role][1] += len(p - g)
            counts[role][2] += len(g - p)
        for need, acc in ((ROLES, trip), (("cue",), cue)):
            free = list(gold)
            hit = 0
            for a in pred:
                for gold_a in free:
                    if all(_match(tokens, _role(a, r), getattr(gold_a, r)) for r in need):
                        free.remove(gold_a)
                        hit += 1
                        break
            acc[0] += hit
            acc[1] += len(pred) - hit
            acc[2] += len(gold) - hit
    out: dict[str, Any] = {r: _prf(*counts[r]) for r in ROLES}
    out["triple"] = _prf(*trip)
    out["cue_attribution"] = _prf(*cue)
    out["documents"] = len(docs)
    out["gold_attributions"] = sum(len(g) for _, _, g in docs)
    return out


def _role(a: Any, role: str) -> tuple[tuple[int, int], ...]:
    v = getattr(a, role)
    if v is None:
        return ()
    return (v,) if isinstance(v[0], int) else tuple(v)


def _match(tokens: list[tuple[int, int]], pred: Iterable[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> bool:
    if not gold:
        return True
    return bool(_label(tokens, pred) & _label(tokens, gold))


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score the quote extractor on a PolNeAR split (all documents unless ``limit``)."""
    from ..extract.quotes import attributions
    from ..nlp import load as load_model

    docs = load(Path(data), limit)
    nlp = load_model(options.model)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((t for _, t, _ in docs), batch_size=options.batch_size))
    t1 = time.perf_counter()
    preds = [attributions(d) for d in parsed]
    t2 = time.perf_counter()
    out = score(docs, preds)
    out["parse_seconds"] = round(t1 - t0, 2)
    out["extract_seconds"] = round(t2 - t1, 2)
    out["throughput_vs_spacy"] = round((t1 - t0) / max(t2 - t0, 1e-9), 3)
    return out
