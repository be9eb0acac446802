"""TempEval-3 style scoring of the time stage on TimeBank 1.2 (TimeML ``.tml`` files).

Each file's ``<TEXT>`` is rebuilt as plain text with the gold TIMEX3 offsets; the
document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the
anchor and is not scored.  Reported: strict (exact span) and relaxed (overlapping span)
precision/recall/F1, and on relaxed matches the accuracy of ``value`` and ``type``, plus
``value_f1`` = relaxed F1 x value accuracy (the TempEval-3 headline number).
"""

from __future__ import annotations

import time as _clock
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..nlp import load
from ..options import Options
from ..records import Document


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str  # YYYY-MM-DD
    timexes: tuple[GoldTimex, ...]


def read_tml(path: Path) -> TimeMLDoc:
    """Plain text + gold TIMEX3 offsets + DCT from one TimeML file."""
    root = ET.parse(path).getroot()
    dct_el = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    body = root.find("TEXT")
    if dct_el is None or body is None:
        raise UsageError(f"{path} has no TEXT or no CREATION_TIME TIMEX3", hint="pass a TimeBank/TimeML folder")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            gold.append(GoldTimex(start, pos, el.get("type", ""), el.get("value", "")))

    walk(body)
    return TimeMLDoc(path.stem, "".join(parts), dct_el.get("value", "")[:10], tuple(gold))


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(docs: list[TimeMLDoc], predictions: list[list[tuple[int, int, str, str | None]]]) -> dict:
    """Score predicted (start, end, type, value) per document against the gold timexes."""
    n_pred = n_gold = strict = relaxed_p = relaxed_g = value_ok = type_ok = pairs = 0
    for doc, pred in zip(docs, predictions):
        n_pred += len(pred)
        n_gold += len(doc.timexes)
        exact = {(g.start, g.end) for g in doc.timexes}
        strict += sum((s, e) in exact for s, e, _, _ in pred)
        relaxed_p += sum(any(s < g.end and g.start < e for g in doc.timexes) for s, e, _, _ in pred)
        for g in doc.timexes:
            hits = [p for p in pred if p[0] < g.end and g.start < p[1]]
            if not hits:
                continue
            relaxed_g += 1
            best = min(hits, key=lambda p: abs(p[0] - g.start) + abs(p[1] - g.end))
            pairs += 1
            value_ok += best[3] == g.value
            type_ok += best[2] == g.type
    relaxed = _prf(relaxed_p, n_pred, relaxed_g, n_gold)
    value_acc = round(value_ok / pairs, 4) if pairs else 0.0
    return {
        "strict": _prf(strict, n_pred, strict, n_gold),
        "relaxed": relaxed,
        "value_accuracy": value_acc,
        "type_accuracy": round(type_ok / pairs, 4) if pairs else 0.0,
        "value_f1": round(relaxed["f1"] * value_acc, 4),
        "gold": n_gold,
        "predicted": n_pred,
        "documents": len(docs),
    }


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict:
    from ..extract import time as time_stage

    files = sorted(data.glob("*.tml")) if data.is_dir() else [data]
    if not files:
        raise UsageError(f"no .tml files in {data}", hint="point --data at ../shared/data/timebank/TimeBank")
    docs = [read_tml(f) for f in files[:limit]]
    nlp = load(options.model)
    t0 = _clock.perf_counter()
    predictions = []
    for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=options.batch_size)):
        document = Document(id=doc.name, source=doc.name, text=doc.text, raw_text=doc.text, published=doc.dct)
        claims, _ = time_stage.extract(sdoc, document)
        predictions.append([(c.start, c.end, c.timex_type or "", c.value_iso) for c in claims])
    result = score(docs, predictions)
    result["seconds"] = round(_clock.perf_counter() - t0, 2)
    return result
