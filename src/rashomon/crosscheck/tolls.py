"""An incident's casualty figures, judged across its reports: one finding per incident and measure.

News rarely writes "2 killed" as a figure the quantity linker can read ("a man was shot and killed",
"no one else was hurt"): the incident layer (:mod:`.incidents`) reads each report's casualty claim
and codes the incident's figure with its status across reports. This module turns each figure
reported by two or more documents into a :class:`~rashomon.records.Finding` (kind ``quantity``, key
``kill/people`` or ``injure/people``, as the quantity linker keys tolls), so an incident's tolls are
judged once, by the layer that knows which reports are of one incident. Near-copies count once.
Where quantity linking already joined every report's figure (numbers it reads with their scope: a
running total, one strike, civilians only), the toll is left to it (:func:`judged`), so one fact is
never reported twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..records import Claim, Finding, Incident, Report, SourceCount, Status, stable_id

STAGE = "crosscheck-tolls@6"
KEYS = {"killed": "kill/people", "injured": "injure/people"}  # a figure's measure -> its finding key
COUNTS = frozenset(KEYS.values())
VERBS = {"killed": "killed", "injured": "injured"}
VERDICTS = {
    "agree": "the reports agree",
    "conflict": "the reports conflict",
    "update": "a running figure that changed in later reports",
    "scope_difference": "some count the attacker, the others the victims alone",
    "single_source": "one independent source only",
    "unknown": "the figures differ; a report's figure is not stated as a number in its lead: too thin to judge",
}


def _shown(r: Report) -> str:
    if r.value is not None:
        return f"{r.value:g}"
    if r.low is not None and r.high is not None:
        return f"{r.low:g}–{r.high:g}"
    return f"at least {r.low:g}" if r.low is not None else "some"


def findings(incident: Incident, root: Mapping[str, str]) -> list[Finding]:
    """One finding per casualty figure of ``incident`` that two or more documents report
    (``root``: a near-copy -> its original)."""
    out = []
    for fig in incident.figures:
        reports = weighed(fig.reports)
        if len({r.doc for r in reports}) < 2:
            continue
        by_value: dict[str, list[Report]] = defaultdict(list)
        for r in reports:
            by_value[_shown(r)].append(r)
        counts = tuple(
            sorted(
                (
                    SourceCount(
                        value=v,
                        claims=tuple(sorted({r.claim for r in rs})),
                        outlets=tuple(sorted({r.outlet for r in rs})),
                        independent_sources=len({root.get(r.doc, r.doc) for r in rs}),
                    )
                    for v, rs in by_value.items()
                ),
                key=lambda s: (-s.independent_sources, s.value),
            )
        )
        status = judge(reports, fig.status, len({root.get(r.doc, r.doc) for r in reports}))
        ids = sorted({r.claim for r in reports})
        out.append(
            Finding(
                id=stable_id("f", *ids),
                status=status,
                summary=summary(incident, fig.measure, by_value, status),
                claims=tuple(ids),
                independent_sources=counts,
                kind="quantity",
                key=KEYS[fig.measure],
                outlets=tuple(sorted({r.outlet for r in reports})),
                stage=STAGE,
            )
        )
    return out


def _interval(r: Report) -> tuple[float, float]:
    if r.value is not None:
        return r.value, r.value
    return (r.low or 0.0), (r.high if r.high is not None else float("inf"))


def _fits(a: Report, b: Report) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return alo <= bhi and blo <= ahi


def weighed(reports: tuple[Report, ...]) -> tuple[Report, ...]:
    """The reports a figure's finding weighs: a round-up's (``Report.roundup``) only where it fits every report
    of the incident's own (its other count is of another incident of the round-up, or of them all: not
    this figure, neither a conflict nor a scope of it); all of them where every report is a round-up."""
    own = [r for r in reports if not r.roundup]
    return tuple(r for r in reports if not r.roundup or all(_fits(r, o) for o in own))


def judge(reports: tuple[Report, ...], coded: Status, independent: int) -> Status:
    """The status across an incident's reports of one figure: ``agree`` when every report fits every
    other given its bounds ("at least 3" and "4"); else the incident coder's ``update`` when a later
    report (a later day) gave the higher figure; the coder's ``scope_difference`` where the tolls differ only by
    the attacker some count ("seven dead, including the shooter" and "six killed"); else ``conflict``."""
    if independent < 2:
        return "single_source"
    if all(_fits(a, b) for a in reports for b in reports):
        return "agree"
    if coded == "scope_difference":
        return coded
    if coded == "update" and len({(r.published or "")[:10] for r in reports}) > 1:
        return "update"
    return "conflict"


def _aside(r: Report) -> str:
    return " (round-up)" if r.roundup else " (with the attacker)" if r.attacker else ""


def summary(incident: Incident, measure: str, by_value: Mapping[str, list[Report]], status: Status) -> str:
    """ "People killed in the shooting in Dunmore on 2025-05-03: A, B: 2; C (2025-05-05): 3 — ..."."""
    where = f" in {incident.place}" if incident.place else ""
    when = f" on {incident.date}" if incident.date else ""
    what = f"the {incident.type}" if incident.type else "the incident"
    parts = []
    for value, rs in sorted(by_value.items(), key=lambda kv: (min(r.published or "" for r in kv[1]), kv[0])):
        outlets = ", ".join(sorted({r.outlet + _aside(r) for r in rs}))
        day = min((r.published or "")[:10] for r in rs)
        parts.append(f"{outlets}{f' ({day})' if status == 'update' and day else ''}: {value}")
    return f"People {VERBS[measure]} in {what}{where}{when}: " + "; ".join(parts) + f" — {VERDICTS[status]}."


Reported = tuple[str, int, int, str, bool]  # (document, start, end, finding key, stated: see reported)
NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\b", re.I
)


def reported(tolls: Iterable[Finding], claims: Iterable[Claim]) -> dict[str, Reported]:
    """Claim id -> (document, start, end, finding key, stated) of the casualty claims ``tolls`` rest on
    (``claims``: those claims); stated: written as a number, of the figure's own measure ("five
    injured", not "five were shot", from which the injured are only worked out)."""
    keys = {c: f.key for f in tolls for c in f.claims}
    own = {key: measure for measure, key in KEYS.items()}
    return {
        c.id: (
            c.doc,
            c.start,
            c.end,
            keys[c.id],
            bool(NUMBER.search(c.text)) and getattr(c, "measure", None) == own[keys[c.id]],
        )
        for c in claims
        if c.id in keys
    }


def settled(toll: Finding, reported: Mapping[str, Reported], lead: int) -> Finding:
    """``toll``, its ``conflict`` or ``update`` left ``unknown`` unless every report states its figure
    as a number of its own measure ("two people were killed", not "he was shot") in its lead (``lead``
    characters) and no two reports come from one outlet (its own updates are not a second source): a
    figure read off a sentence about one victim, or further down an article (one victim, one group,
    another event), is too thin to call reports contradictory or a figure changed (two readers'
    audits of such findings on GVA articles found almost none right)."""
    rows = [reported[c] for c in toll.claims if c in reported]
    thin = not all(start < lead and stated for _, start, _, _, stated in rows) or len(toll.outlets) < len(rows)
    if toll.status in ("conflict", "update") and thin:
        return replace(toll, status="unknown", summary=toll.summary.replace(VERDICTS[toll.status], VERDICTS["unknown"]))
    return toll


def judged(
    toll: Finding,
    reported: Mapping[str, Reported],
    linked: Mapping[str, list[tuple[int, int, str]]],
    keys: Mapping[str, str],
) -> bool:
    """Every report of ``toll`` overlaps a quantity claim of its measure that quantity linking already
    joined to another claim (``linked``: document -> spans of such claims; ``keys``: claim -> the key of
    its finding): the figure is judged there, by the reading that knows scopes, and reporting it again
    would say one fact twice ("a 10-year-old boy was shot" judged as an age is not judged as a toll)."""
    for c in toll.claims:
        doc, start, end = reported[c][:3]
        if not any(s < end and start < e and keys.get(q) == toll.key for s, e, q in linked.get(doc, ())):
            return False
    return True


def subsumed(
    kept: Iterable[Finding],
    reported: Mapping[str, Reported],
    linked: Mapping[str, list[tuple[int, int, str]]],
    counted: Mapping[str, tuple[str, tuple[str, ...]]],
) -> set[str]:
    """The quantity findings (``counted``: id -> (key, claims); no scope difference among them) whose
    every claim overlaps a report of one ``kept`` figure of their key: that figure's finding holds them
    (``linked``: document -> spans of linked quantity claims)."""
    where = {cid: (doc, s, e) for doc, spans in linked.items() for s, e, cid in spans}
    reports: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # document -> (start, end, figure)
    keys = []
    for k, toll in enumerate(kept):
        keys.append(toll.key)
        for c in toll.claims:
            if c in reported:
                doc, start, end = reported[c][:3]
                reports[doc].append((start, end, k))

    def figures(claim: str) -> set[int]:
        doc, start, end = where.get(claim, ("", 0, 0))
        return {k for s, e, k in reports.get(doc, ()) if s < end and start < e}

    out: set[str] = set()
    for fid, (key, claims) in counted.items():
        common = set.intersection(*(figures(c) for c in claims))
        if any(keys[k] == key for k in common):
            out.add(fid)
    return out
