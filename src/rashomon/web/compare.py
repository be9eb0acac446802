"""The split view: two documents of one finding side by side, each scrolled to its evidence.

``/compare/{finding}`` opens the first evidence of two different sides (``?a=`` and ``?b=``
choose other claims of the same finding); each pane shows the whole cleaned text with the
cited span highlighted, and app.js scrolls each pane so its span sits in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..api import Rashomon
from ..records import evidence_text
from . import spans as sp
from .views import Evidence, FindingView, finding_views


@dataclass
class Pane:
    side: str
    evidence: Evidence
    html: Markup


@dataclass
class Split:
    item: FindingView
    panes: list[Pane]
    choices: list[tuple[str, str, str]]  # (claim id, side label, outlet) of every piece of evidence


def split(r: Rashomon, finding_id: str, a: str | None = None, b: str | None = None) -> Split | None:
    found = [f for f in r.findings() if f.id == finding_id]
    if not found:
        return None
    fv = finding_views(r, found)[0]
    by_claim = {e.claim.id: (s.label, e) for s in fv.sides for e in s.evidence}
    pair = fv.compare
    picks = [
        by_claim[c] if c and c in by_claim else None
        for c in (a or (pair[0].claim.id if pair else None), b or (pair[1].claim.id if pair else None))
    ]
    if not any(picks) and by_claim:
        picks = [next(iter(by_claim.values())), None]
    panes: list[Pane] = []
    for pick in picks:
        if pick is None:
            continue
        label, e = pick
        text = evidence_text(e.claim, e.doc) if e.doc else e.claim.text
        start, end = (e.claim.start, e.claim.end) if e.doc else (0, len(e.claim.text))
        span = sp.Span(start, end, e.claim.kind, e.claim.id, f"p{len(panes)}-{e.claim.id}", label, "focus")
        panes.append(Pane(label, e, sp.render(text, [span])))
    choices = [(e.claim.id, s.label, e.outlet) for s in fv.sides for e in s.evidence]
    return Split(fv, panes, choices)
