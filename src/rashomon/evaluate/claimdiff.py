"""Score claim linking against ClaimDiff (pairs of claims from two outlets' articles on one topic).

Data: ``ClaimDiff-weak-train.json`` and ``ClaimDiff-strength-train.json`` hold the same
pairs (``pair_id``); ``relation`` 1 in the weak file means claim B *weakens* claim A, 1 in
the strength file means it *strengthens* it, 0 in both means *unrelated*.  A reversed copy
of a pair (``<id>_rev``) is dropped so each pair counts once.

Each claim sentence becomes a one-sentence document of its own outlet (dated by the
topic date), runs through the real extractors, and the pair goes through the real
crosscheck linking (:mod:`rashomon.crosscheck.link` + :mod:`~rashomon.crosscheck.verdict`).
Reported, per system:

* ``structural`` — our linker: a pair is *linked* when one finding holds a claim of each
  side.  ``precision``/``recall``/``f1`` of linked vs related (strengthen or weaken), and
  on linked related pairs the accuracy of agree→strengthen / conflict→weaken
  (``verdict_accuracy``, with ``verdict_pairs`` the number it is computed on).
  ``coverage``: share of pairs where both claims carry a linkable quantity at all;
  ``false_links``: unrelated pairs we linked (spurious links; should stay 0).
* ``statement`` — our prose linker (:mod:`rashomon.crosscheck.statements`) on the same two
  one-sentence documents: linked when it makes a statement finding holding a claim of each
  side; same ``precision``/``recall``/``f1``/``linked``/``false_links``, ``verdict_accuracy``
  where it says agree/conflict, and ``coverage`` (both sentences hold a claim it can link).
  Its IDF weights are computed over every claim sentence being evaluated (the corpus being
  analysed), not per pair.  Its thresholds were chosen on the pairs whose ``pair_id``
  starts with 0-7 (``dev``); ``heldout`` (8-f) was not looked at to choose them.
* ``lexical`` — a reference, not a product feature: linked when the content-word Jaccard
  of the two sentences is at least 0.2 (fixed in advance, not tuned); ``dev`` and
  ``heldout`` halves as for ``statement``.
* ``base_rate`` — the share of related pairs (the precision of linking everything).

Our linker is structural (numbers about the same counted thing), so on ClaimDiff, whose
claims are mostly numberless prose, its recall is low by design; the number says how
much of the data it can speak to, and how right it is where it speaks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..crosscheck import link, statements, verdict
from ..errors import UsageError
from ..extract import entities as entities_mod, extract_doc
from ..nlp import load
from ..options import Options
from ..records import Claim, Document, Finding, stable_id

FILES = ("ClaimDiff-weak-train.json", "ClaimDiff-strength-train.json")
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = set(
    "the and for that with this from have has had was were are but not its his her their they them "
    "said says will would could should been being which who what when where into about over than then "
    "also more most some such only just very there here these those our your you".split()
)
LEXICAL_THRESHOLD = 0.2


def load_pairs(data: Path) -> list[dict[str, Any]]:
    """Pairs with a ``label`` in strengthen / weaken / unrelated, reversed copies dropped."""
    paths = [data / f for f in FILES]
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        raise UsageError(
            f"ClaimDiff files missing in {data}: {', '.join(missing)}", hint="point --data at ../shared/data/claimdiff"
        )
    weak, strong = ({r["pair_id"]: r for r in json.loads(p.read_text("utf-8"))["data"]} for p in paths)
    pairs = []
    for pid in sorted(weak):
        if pid.endswith("_rev") or pid not in strong:
            continue
        r = dict(weak[pid])
        r["label"] = (
            "weaken" if weak[pid]["relation"] == 1 else "strengthen" if strong[pid]["relation"] == 1 else "unrelated"
        )
        pairs.append(r)
    return pairs


def _content(s: str) -> set[str]:
    return {w for w in _WORD.findall(s.lower()) if w not in _STOP}


def lexical_linked(a: str, b: str) -> bool:
    wa, wb = _content(a), _content(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= LEXICAL_THRESHOLD


def _prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "linked": tp + fp,
    }


def is_dev(pair: dict[str, Any]) -> bool:
    """The half the statement linker's thresholds were chosen on (pair id hex 0-7)."""
    return pair["pair_id"][:1].lower() in "01234567"


def _halves(pred: list[bool], gold: list[bool], dev: list[bool]) -> dict[str, dict[str, float]]:
    return {
        name: _prf([p for p, d in zip(pred, dev) if d == want], [g for g, d in zip(gold, dev) if d == want])
        for name, want in (("dev", True), ("heldout", False))
    }


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    pairs = load_pairs(Path(data))
    if limit:
        pairs = pairs[:limit]
    nlp = load(options.model)
    docs: dict[tuple[str, str, str], Document] = {}
    extractions = {}
    keyed = [(s, side, p["date"]) for p in pairs for s, side in ((p["claim_a"], "a"), (p["claim_b"], "b"))]
    unique = sorted(set(keyed))
    for s, side, day in unique:
        docs[(s, side, day)] = Document(
            id=stable_id("d", s, side, day),
            source=f"claimdiff:{side}",
            text=s,
            raw_text=s,
            outlet=f"outlet {side}",
            published=day,
        )
    parsed = nlp.pipe([k[0] for k in unique], batch_size=options.batch_size)
    for key, sdoc in zip(unique, parsed):
        extractions[key] = extract_doc(sdoc, docs[key], options)
    weights = statements.Weights.of(
        docs.values(), entities_mod.canonicalize(m for e in extractions.values() for m in e.mentions)
    )
    struct_pred, lex_pred, gold, verdict_hits, covered = [], [], [], [], 0
    stmt_pred, stmt_hits, stmt_covered = [], [], 0
    for p in pairs:
        ka, kb = (p["claim_a"], "a", p["date"]), (p["claim_b"], "b", p["date"])
        da, db = docs[ka], docs[kb]
        claims = list(extractions[ka].claims) + list(extractions[kb].claims)
        ents = entities_mod.canonicalize(list(extractions[ka].mentions) + list(extractions[kb].mentions))
        facets = link.facets(claims, [da, db], ents)
        keys = {(f.claim.doc, f.key) for f in facets if f.pred and f.thing}
        covered += {d for d, _ in keys} == {da.id, db.id}
        findings = [f for f in verdict.quantity_findings(facets) if _sides(f, claims) == {da.id, db.id}]
        linked = bool(findings)
        related = p["label"] != "unrelated"
        struct_pred.append(linked)
        lex_pred.append(lexical_linked(p["claim_a"], p["claim_b"]))
        gold.append(related)
        if linked and related:
            status = findings[0].status
            if status in ("agree", "conflict"):
                verdict_hits.append((status == "agree") == (p["label"] == "strengthen"))
        units = statements.statements(claims, [da, db], ents)
        stmt_covered += {u.doc for u in units} == {da.id, db.id}
        said = [
            f
            for f in statements.link(
                claims, [da, db], ents, weights=weights, limit=None, min_score=statements.MIN_SCORE
            )
            if _sides(f, claims) == {da.id, db.id}
        ]
        stmt_pred.append(bool(said))
        if said and related and said[0].status in ("agree", "conflict"):
            stmt_hits.append((said[0].status == "agree") == (p["label"] == "strengthen"))
    n = len(pairs)
    dev = [is_dev(p) for p in pairs]
    return {
        "pairs": n,
        "base_rate": round(sum(gold) / n, 4) if n else 0.0,
        "structural": {
            **_prf(struct_pred, gold),
            "false_links": sum(p and not g for p, g in zip(struct_pred, gold)),
            "coverage": round(covered / n, 4) if n else 0.0,
            "verdict_accuracy": round(sum(verdict_hits) / len(verdict_hits), 4) if verdict_hits else 0.0,
            "verdict_pairs": len(verdict_hits),
        },
        "statement": {
            **_prf(stmt_pred, gold),
            "false_links": sum(p and not g for p, g in zip(stmt_pred, gold)),
            "coverage": round(stmt_covered / n, 4) if n else 0.0,
            "verdict_accuracy": round(sum(stmt_hits) / len(stmt_hits), 4) if stmt_hits else 0.0,
            "verdict_pairs": len(stmt_hits),
            **_halves(stmt_pred, gold, dev),
        },
        "lexical": {**_prf(lex_pred, gold), **_halves(lex_pred, gold, dev)},
    }


def _sides(finding: Finding, claims: Iterable[Claim]) -> set[str]:
    docs = {c.id: c.doc for c in claims}
    return {docs[c] for c in finding.claims if c in docs}
