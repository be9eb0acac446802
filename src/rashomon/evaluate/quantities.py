"""Score the quantity extractor against NewsQuant (one JSON list of sentences, each with
gold ``quantities``: value, unit, normalized_unit, change, referred_concepts).

Each sentence is run as a one-sentence document.  Matching (greedy, per sentence): a
prediction matches a gold quantity when the numbers are equal (relative tolerance
1e-6).  A gold range "a-b" is matched by a predicted range with the same ends (value
``None``, low/high = a/b) or by a prediction of either end.  Reported:

* ``precision``/``recall``/``f1`` of that value match;
* ``f1_with_unit``: the same, counting a match only if the unit/counted thing agrees
  (below) or the gold quantity has no unit;
* ``change_accuracy`` on matched pairs: our ``change`` or our hedge (read from the bounds,
  :func:`hedge_of`) equals the gold one -- NewsQuant's single field holds a direction or
  a hedge, ours keeps both ("rose more than 3%": change ``up``, low 3) -- where an
  approximate upper bound ("nearly": ``<`` with ``approx``) counts for gold ``~`` or ``<``
  (NewsQuant annotates "nearly" both ways);
* ``bound_accuracy``: the same restricted to the pairs where gold or we have a bound or
  approximation (``>``, ``<``, ``~``, in ``change`` or in the bounds) -- the hedged figures;
* ``unit_agreement``: among matched pairs whose gold unit is not "-", the share where
  the gold unit's words meet the words of our unit (all its surface forms) or our
  counted thing (NewsQuant puts counted nouns -- "workers" -- in its unit field);
* ``what_agreement``: among matched pairs where we give a counted thing, the share whose
  words meet the gold unit or ``referred_concepts`` words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..extract import numbers as N, quantities
from ..nlp import load
from ..options import Options
from ..records import Document, QuantityClaim

_NUM = r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")
_WORD = re.compile(r"[a-z0-9]+|[$%°£€¥]")


def parse_gold_value(text: str) -> tuple[float, ...]:
    """ "5.5" -> (5.5,); "252.0-287.0" -> (252.0, 287.0) (a range); raises on junk."""
    m = _RANGE.match(text)
    if m:
        return float(m.group(1)), float(m.group(2))
    return (float(text.replace(",", "")),)


def _words(text: str | None) -> set[str]:
    out = set()
    for w in _WORD.findall((text or "").lower()):
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return out


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def value_matches(claim: QuantityClaim, gold: tuple[float, ...], loose: bool = True) -> bool:
    """Equal value; for a gold range, equal ends (or, when ``loose``, either end)."""
    v = claim.value
    values = v if isinstance(v, tuple) else (v,)
    if len(gold) == 2:
        lo, hi = sorted(gold)
        if v is None and _close(claim.low, lo) and _close(claim.high, hi):
            return True
        return loose and any(_close(x, g) for x in values for g in gold)
    return any(_close(x, gold[0]) for x in values)


def unit_agrees(claim: QuantityClaim, gold: dict) -> bool:
    ours = _words(claim.what)
    if claim.unit:
        for form in N.surface_forms(claim.unit):
            ours |= _words(form)
    return bool(ours & (_words(gold.get("unit")) | _words(gold.get("normalized_unit"))))


HEDGES = (">", "<", "~")
NEWSQUANT = {">=": ">"}  # our inclusive lower bound ("at least") is NewsQuant's ">"


def _change(claim: QuantityClaim) -> str | None:
    return NEWSQUANT.get(claim.change or "", claim.change)


def hedge_of(claim: QuantityClaim) -> str | None:
    """The hedge a claim states, read from its bounds (see :mod:`rashomon.extract.quantities`):
    ``>`` (low = value, no high), ``<`` (high = value; "nearly" also approx), ``~`` (approx
    around the value); ``None`` for exact figures, ranges and lists.  A claim whose
    ``change`` is a direction ("rose more than 3%": ``up``) keeps its hedge here."""
    v = claim.value
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return _change(claim) if _change(claim) in HEDGES else None
    if claim.high is not None and _close(claim.high, v):
        return "<"
    if claim.low is not None and _close(claim.low, v) and claim.high is None:
        return ">"
    if claim.approx:
        return "~"
    return _change(claim) if _change(claim) in HEDGES else None


def change_correct(claim: QuantityClaim, gold_change: str) -> bool:
    """NewsQuant's one ``change`` field holds either a direction or a hedge; where a figure
    has both ("up about 19 per cent", "climbed more than 3%") its annotators chose either.
    Our claim keeps both (direction in ``change``, hedge in ``low``/``high``/``approx``), so
    it is right when either reading equals the gold one."""
    if _change(claim) == gold_change:
        return True
    hedge = hedge_of(claim)
    if hedge == gold_change:
        return True
    return bool(hedge == "<" and claim.approx and gold_change in ("~", "<"))


def _has_unit(gold: dict) -> bool:
    return (gold.get("unit") or "-").strip() not in ("-", "")


def _load(data: Path) -> list[dict]:
    path = data / "NewsQuant-dev.json" if data.is_dir() else data
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"cannot read NewsQuant data at {path}: {exc}",
            hint="point --data at ../shared/data/newsquant/NewsQuant-dev.json",
        ) from exc
    if not isinstance(items, list) or not all(isinstance(x, dict) and "text" in x for x in items):
        raise UsageError(
            f"{path} is not a NewsQuant list of {{text, quantities}} objects",
            hint="use ../shared/data/newsquant/NewsQuant-dev.json",
        )
    return items


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    items = _load(Path(data))[:limit] if limit else _load(Path(data))
    nlp = load(options.model)
    tp = n_pred = n_gold = tp_unit = 0
    change_ok = bound_n = bound_ok = unit_n = unit_ok = what_n = what_ok = 0
    texts = [x["text"] for x in items]
    for k, (item, sdoc) in enumerate(zip(items, nlp.pipe(texts, batch_size=options.batch_size))):
        doc = Document(id=f"nq{k}", source="newsquant", text=item["text"], raw_text=item["text"])
        preds = quantities.extract(sdoc, doc)
        golds = item.get("quantities") or []
        n_pred += len(preds)
        n_gold += len(golds)
        free = list(preds)
        for g in golds:
            gv = parse_gold_value(str(g["value"]))
            hit = next((p for p in free if value_matches(p, gv, loose=False)), None) or next(
                (p for p in free if value_matches(p, gv)), None
            )
            if hit is None:
                continue
            free.remove(hit)
            tp += 1
            agrees = unit_agrees(hit, g)
            if _has_unit(g):
                unit_n += 1
                unit_ok += agrees
            tp_unit += agrees or not _has_unit(g)
            ok = change_correct(hit, g["change"])
            change_ok += ok
            if g["change"] in HEDGES or (_change(hit) or "") in HEDGES or hedge_of(hit) is not None:
                bound_n += 1
                bound_ok += ok
            if hit.what:
                what_n += 1
                what_ok += bool(
                    _words(hit.what)
                    & (_words(g.get("unit")) | _words(g.get("normalized_unit")) | _words(g.get("referred_concepts")))
                )
    p, r = _ratio(tp, n_pred), _ratio(tp, n_gold)
    pu, ru = _ratio(tp_unit, n_pred), _ratio(tp_unit, n_gold)
    return {
        "sentences": len(items),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": p,
        "recall": r,
        "f1": _ratio(2 * p * r, p + r),
        "f1_with_unit": _ratio(2 * pu * ru, pu + ru),
        "change_accuracy": _ratio(change_ok, tp),
        "bound_accuracy": _ratio(bound_ok, bound_n),
        "bound_pairs": bound_n,
        "unit_agreement": _ratio(unit_ok, unit_n),
        "what_agreement": _ratio(what_ok, what_n),
    }
