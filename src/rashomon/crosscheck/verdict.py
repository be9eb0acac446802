"""Verdicts on linked claims, their summaries and their independent sources.

This module owns turning clusters of linked quantity claims (from :mod:`.link`)
into :class:`~rashomon.records.Finding` records:

* ``agree``: every value is compatible given bounds, approximation and rounding;
* ``conflict``: values that cannot both hold, for the same scope;
* ``update``: a running (cumulative) figure reported higher by a later publication, or a count of one
  event revised, up or down, by the reports of a later day (:func:`_revised`);
* ``scope_difference``: two clusters of one block whose values differ because they
  count different things (whole-war toll vs one strike; civilians vs all people);
* ``single_source``: one independent source only (several wire copies included);
* ``unknown``: values differ but nothing beyond the key says the claims are about
  the same thing — we prefer saying so to guessing. Casualty counts (killed, injured, shot,
  arrested) that differ are judged only when their reports belong to one coded incident and
  each gives one figure for the measure (:func:`one_incident`): readers found 11 of 47 such
  verdicts right without (other shootings of a round-up, a background toll, part of a group).

Independence: claims are grouped by value (one :class:`SourceCount` each); a group's
``independent_sources`` counts near-copies (``Document.duplicate_of``, followed
transitively) once and claims attributed to one original source once.

Date findings of named events ("the siege began on ...") are :mod:`.event_dates`'.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date
from itertools import combinations

from ..records import Finding, SourceCount, Status, stable_id
from ..unionfind import UnionFind
from .clusters import blocks, cluster, compatible, different_years, group_of, neighbours, same_event
from .link import Facet
from .summaries import summarize, verb_of

STAGE = "crosscheck@39"


# ------------------------------------------------------------- independence
def source_key(f: Facet) -> str:
    """Claims sharing this key are one source: one attributed source, one news agency's story, or one
    original document (:mod:`.sources`)."""
    return f"attr:{f.attributed}" if f.attributed else (f.source or f"doc:{f.root}")


def source_counts(members: list[Facet]) -> tuple[SourceCount, ...]:
    """One SourceCount per distinct value, highest independence first."""
    groups: dict[str, list[Facet]] = {}
    for f in members:
        groups.setdefault(f.display, []).append(f)
    out = [
        SourceCount(
            value=v,
            claims=tuple(sorted(f.claim.id for f in fs)),
            outlets=tuple(sorted({f.outlet for f in fs})),
            independent_sources=len({source_key(f) for f in fs}),
        )
        for v, fs in groups.items()
    ]
    return tuple(sorted(out, key=lambda s: (-s.independent_sources, s.value)))


# ----------------------------------------------------------------- judging
def _context_shared(a: Facet, b: Facet) -> bool:
    """Something beyond the key says the two claims are about one thing: their own words (a place, a
    person, a day, a granularity), or their reports' one event where each is its report's own figure
    (:func:`_own`; "612 killed" recalled from another quake is not) of a measure the vocabularies know
    (a count keyed by an unknown verb, "11 people taken" to hospitals and "2 taken" to one, may be of
    different scopes)."""
    return bool(
        (a.places & b.places)
        or (a.entities & b.entities)
        or (a.where & b.where)
        or (a.granularity and a.granularity == b.granularity)
        or (a.day and a.day == b.day)
        or (a.pred or a.strict or a.dimension)
        and _own(a)
        and _own(b)
        and (
            (a.incident and a.incident == b.incident)
            or (a.event and a.event == b.event and (a.strict or a.dimension))
            or (a.story and a.story == b.story and a.scope and b.scope)
        )
    )


def _one_story(a: Facet, b: Facet) -> bool:
    """Two reports of one story, neither a deeper count than its report's own toll: enough for figures
    that fit each other to agree, whatever verb keys them (a false agreement costs less than a false
    conflict, which needs :func:`_context_shared`)."""
    return bool(a.story and a.story == b.story and _own(a) and _own(b))


def _point(f: Facet) -> float | None:
    v = f.claim.value
    return float(v) if isinstance(v, (int, float)) else None


RUNNING = ("kill", "injure", "shoot", "arrest", "displace")  # counts that grow as an event unfolds


# words a report uses when a figure has changed since earlier reports: those that say so outright (ROSE), and
# those that also hedge or count on ("more", "another", "now": "more than 31,000" is a bound, not news)
_ROSE_WORDS = (
    r"rose|risen|rising|climbed|increased|jumped|later|has died|have died|died (?:at|in|on|from)|succumbed|updated|"
    r"revised|raised"
)
ROSE = re.compile(rf"\b(?:{_ROSE_WORDS})\b", re.I)
UPDATE = re.compile(rf"\b(?:{_ROSE_WORDS}|now|another|more)\b", re.I)


def _running(f: Facet) -> bool:
    """A figure that may change as reports come in: a cumulative one ("so far"), or a casualty or
    arrest count of one event (a victim dies, a suspect is caught)."""
    return f.granularity == "cumulative" or (
        f.granularity != "period" and f.measure is not None and f.measure[0] in RUNNING
    )


def _count(f: Facet) -> bool:
    """A casualty or arrest count of one event (not a cumulative total)."""
    return f.granularity != "cumulative" and f.measure is not None and f.measure[0] in RUNNING


def _own(f: Facet) -> bool:
    """Not a count, or a count its report's casualty reader reads as the report's own toll."""
    return not _count(f) or f.toll


def _stated(f: Facet) -> bool:
    """The figure is the report's own statement of the measure: a count of one event stands in the
    lead or names its scope ("in the strike on the market"); deeper counts are often of one victim,
    one group or another event, and are not enough for a conflict."""
    return _own(f) or f.lead or bool(f.scope)


def _is_update(members: list[Facet]) -> bool:
    """A running figure (:func:`_running`) whose each higher value was published later (and, for a
    count of one event, said with a word of change: "rose to", "later died", "another"). Reports of one
    day are in order when the higher figure is said with a word that it changed (the day's first report
    gives 3 killed, a later one "the toll rose to 5"): news gives no hour, its words say which came after."""
    dated: list[tuple[float, str, Facet]] = []  # (figure, publication day, claim)
    for f in members:
        if not _running(f) or not f.published or (point := _point(f)) is None:
            return False
        dated.append((point, f.published[:10], f))
    if len({point for point, _, _ in dated}) < 2:
        return False
    if all(_count(f) for f in members) and _revised(dated):
        return True
    top = max(point for point, _, _ in dated)  # a count of one event changes with news, and the report says so
    unsaid = all(_count(f) and not UPDATE.search(f.sentence) for f in members if _point(f) == top)
    confirmed = _confirmed(dated, top)
    if unsaid and not (_floors(dated, top) or confirmed):
        return False
    for a, b in combinations(dated, 2):
        if a[0] == b[0]:
            continue
        (_, early, _), (_, late, higher) = sorted((a, b), key=lambda x: x[0])
        if not (early < late or early == late and (confirmed or ROSE.search(higher.sentence))):
            return False
    return True


def _revised(dated: list[tuple[float, str, Facet]]) -> bool:
    """A count of one event first given on its latest day, by every report of that day, however it moved: the
    count was revised ("7 shot" the night of the shooting, "6 shot" in the next day's update, one of them hurt
    in a fall); not where reports of one earlier day already differed on it (16 and 17 injured that night)."""
    last = max(day for _, day, _ in dated)
    final = {point for point, day, _ in dated if day == last}
    return len(final) == 1 and all((point in final) == (day == last) for point, day, _ in dated)


def _confirmed(dated: list[tuple[float, str, Facet]], top: float) -> bool:
    """Only ``top`` is reported after the day of the last lower figure, by a report of a later day: the
    early count was superseded ("16 injured" the night of the shooting; 17 that night and at the trial a year
    later), an update even where no report says that it rose."""
    last_lower = max(day for point, day, _ in dated if point != top)
    return any(day > last_lower for point, day, _ in dated if point == top)


def _floors(dated: list[tuple[float, str, Facet]], top: float) -> bool:
    """Every lower figure is a floor ("at least 3 killed") published on a day before the first report of
    ``top``: the early count of a toll that has since passed it, news even where the later report does
    not say that it rose."""
    first_top = min(day for point, day, _ in dated if point == top)
    return all(f.claim.change in (">", ">=") and day < first_top for point, day, f in dated if point != top)


AGE_SEASON = 90  # days between two reports after which an age one year higher may be a birthday


def _aged(members: list[Facet]) -> bool:
    """A person's age given in reports far enough apart for a birthday to fall between them: 38 in
    the April 2007 reports, 39 at the April 2008 verdict; each higher age published later, by no more
    years than passed."""
    ages = [
        (p, date.fromisoformat(f.published[:10]))
        for f in members
        if f.measure and f.measure[0] == "age" and f.published and (p := _point(f)) is not None
    ]
    if len(ages) < len(members):
        return False
    if len({a for a, _ in ages}) < 2:
        return False
    return all(
        a == b or (a < b) == (da < db) and abs(b - a) <= _birthdays(abs((db - da).days))
        for (a, da), (b, db) in combinations(ages, 2)
    )


def _birthdays(days: int) -> int:
    """How many birthdays a person may have had in ``days``: one in a season or more (a birthday in a
    few days is rarer than a reporting slip), one a year after that."""
    return max(round(days / 365.25), 1 if days >= AGE_SEASON else 0)


def one_incident(members: Iterable[Facet], several: Collection[str] = ()) -> bool:
    """Casualty counts are judged against each other (conflict, update, scope) only within one coded
    incident (or where no report has one: a pile the incident layer found no casualties in), and
    only between reports that give one figure of the measure in one scope (``several``: the
    documents that give two or more, see :func:`several_figures`), each its report's own toll where the
    casualty reader read one (:attr:`.link.Facet.toll`)."""
    fs = list(members)
    if not any(_count(f) for f in fs):
        return True
    one = len({f.incident for f in fs}) == 1 and not any(f.claim.doc in several for f in fs)
    return one and all(f.toll for f in fs if _count(f))


def several_figures(block: list[Facet]) -> set[str]:
    """Documents that give two or more figures of one measure with the same scope words (no category,
    no granularity to tell them apart): a round-up of several shootings, or a group and its part ("one
    of them"); "9 in the strike" and "31 since the war began" are two scopes, not several figures."""
    seen: dict[tuple[str, str | None, str | None], set[float | None]] = {}
    for f in block:
        seen.setdefault((f.claim.doc, group_of(f), f.granularity), set()).add(_point(f))
    return {doc for (doc, _, _), points in seen.items() if len(points) > 1}


def judge(members: list[Facet], several: Collection[str] = ()) -> Status:
    """The status of one cluster of scope-compatible claims."""
    if len({f.root for f in members}) < 2:
        return "single_source"  # one document, or one original and its copies
    status = _judge(members)
    return status if status in ("agree", "unknown") or one_incident(members, several) else "unknown"


def _judge(members: list[Facet]) -> Status:
    if _aged(members):
        return "update"  # a person's age in reports a birthday apart
    if len({_point(f) for f in members}) > 1 and _recalled(members):
        return "unknown"  # "... in 1982, killing 78" beside a toll of this week: not one figure that changed
    if _is_update(members):
        return "update"  # checked first: "at least 22" then "31" is compatible, but it is news
    pairs = [(a, b) for a, b in combinations(members, 2) if a.claim.doc != b.claim.doc]
    if all(compatible(a, b) for a, b in pairs):
        # different figures that merely fit each other's bounds ("487" and "more than 40") agree
        # only when something beyond the key says they count the same thing
        differing = [(a, b) for a, b in pairs if _point(a) != _point(b) or a.values != b.values]
        if differing and not all(_context_shared(a, b) or _one_story(a, b) for a, b in differing):
            return "unknown"
        return "agree"
    clashing = [(a, b) for a, b in pairs if not compatible(a, b)]
    if not any(_context_shared(a, b) and _stated(a) and _stated(b) for a, b in clashing):
        return "unknown"
    return "conflict"


def _recalled(members: list[Facet]) -> bool:
    """A figure's own sentence dates it to years another report, which dates its figure by nothing but its
    publication, was not published in: a past event recalled ("since an airliner plunged into the Potomac
    River in 1982, killing 78" beside this week's toll)."""
    return any(
        f.years and not g.years and (y := (g.published or "")[:4]).isdigit() and not f.years[0] <= int(y) <= f.years[1]
        for f in members
        for g in members
    )


# ----------------------------------------------------------------- findings
def _finding(status: Status, members: list[Facet], kind: str = "quantity") -> Finding:
    ids = sorted({f.claim.id for f in members})
    ents = sorted({e for f in members for e in f.entities})
    stories = Counter(f.story for f in members if f.story)
    return Finding(
        id=stable_id("f", *ids),
        status=status,
        summary=summarize(status, members),
        claims=tuple(ids),
        independent_sources=source_counts(members),
        kind=kind,
        key=members[0].key,
        story=stories.most_common(1)[0][0] if stories else None,
        entities=tuple(ents),
        outlets=tuple(sorted({f.outlet for f in members})),
        stage=STAGE,
    )


def _scope_differs(a: list[Facet], b: list[Facet]) -> bool:
    """Two clusters counting different things about one place: granularity or category differ (a
    count only: lengths, sums and ages said of different things are simply not linked)."""
    fa, fb = a[0], b[0]
    if fa.dimension or (fa.measure and fa.measure[0] in ("age", "magnitude")) or not fa.pred:
        return False  # nor of a count keyed by a verb the vocabularies do not know: what it counts is unclear
    if any(different_years(x, y) or not same_event(x, y) for x in a for y in b):
        return False  # a toll of 1992 and one of 2020 are different events, not different scopes
    places_a = set().union(*(f.places for f in a))
    places_b = set().union(*(f.places for f in b))
    if places_a and places_b and not places_a & places_b:
        return False
    grans_a = {f.granularity for f in a} - {None}
    grans_b = {f.granularity for f in b} - {None}
    if fa.category != fb.category:  # but "6 people injured" and "6 adults injured" are one group told two ways
        points = {_point(f) for f in a}
        plain = None in (group_of(fa), group_of(fb))
        return not (plain and len(points) == 1 and points == {_point(f) for f in b})
    return bool(grans_a and grans_b and grans_a != grans_b)


def quantity_findings(facets: list[Facet]) -> list[Finding]:
    """One finding per cluster of linked claims, plus one per group of clusters that differ in scope.

    Clusters of one block that count different things (whole-war toll, one strike, civilians only)
    and are tied to each other are reported together: one ``scope_difference`` finding per
    connected group, its summary listing each scope, so no pair of claims is reported twice."""
    findings: list[Finding] = []
    facets = [f for f in facets if f.thing != "part"]  # some of a group: "three of the victims", "the other two"
    for _, block in sorted(blocks(facets).items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        if len({f.claim.doc for f in block}) < 2:
            continue  # nothing to compare with
        clusters = cluster(block)
        several = several_figures(block)
        verdicts = [judge(c, several) for c in clusters]
        tied: dict[int, dict[str, Facet]] = {}
        joined = UnionFind(len(clusters))
        for i, j in neighbours(clusters):
            a, b = clusters[i], clusters[j]
            if {f.claim.doc for f in a} == {f.claim.doc for f in b}:
                continue  # one document's own figures are not a cross-source difference
            if not _scope_differs(a, b) or not one_incident(a + b, several):
                continue
            # a cluster judged "unknown" is not one fact: only its members that something ties
            # to the other side (place, entity, day) take part, so the thin pair is not re-reported
            a, b = _tied(a, b, verdicts[i]), _tied(b, a, verdicts[j])
            if a and b and {f.claim.doc for f in a} != {f.claim.doc for f in b}:
                tied.setdefault(i, {}).update({f.claim.id: f for f in a})
                tied.setdefault(j, {}).update({f.claim.id: f for f in b})
                joined.union(i, j)
        groups: dict[int, list[int]] = {}  # the root only keys a group: groups come in order of their first member
        for i in sorted(tied):
            groups.setdefault(joined.find(i), []).append(i)
        for members in groups.values():
            parts = [(list(tied[i].values()), verdicts[i]) for i in members]
            findings.append(_scope_finding(parts))
        for i, c in enumerate(clusters):
            if i in tied and len({f.claim.doc for f in c}) < 2:
                continue  # a lone claim is already reported by its scope finding
            findings.append(_finding(verdicts[i], c))
    return findings


def _tied(members: list[Facet], other: list[Facet], verdict: str) -> list[Facet]:
    if verdict != "unknown":
        return members
    return [f for f in members if any(_context_shared(f, g) for g in other)]


_CATEGORY_WORDS = {
    "civilians": "civilians only",
    "children": "children only",
    "combatants": "combatants only",
    "women": "women only",
    "journalists": "journalists only",
    "attacker": "with the attacker",
    "condition": "in the condition stated only",
    "others": "the others besides someone told apart",
}
_IN_GROUP = {
    "conflict": "these conflict",
    "update": "a running figure that rose",
    "agree": "these agree",
    "unknown": "unclear they count the same thing",
}


def scope_label(members: list[Facet]) -> str:
    """What one group of claims counts, in a few words: "civilians only, one incident on 2025-05-03"."""
    cats = Counter(f.category for f in members).most_common(1)[0][0]
    gran = Counter(f.granularity for f in members).most_common(1)[0][0]
    days = sorted({f.day for f in members if f.day})
    parts = [_CATEGORY_WORDS.get(cats or "", f"{cats} only")] if cats else []
    if gran == "cumulative":
        parts.append("running total")
    elif gran == "period":
        parts.append("whole period")
    elif gran == "incident":
        parts.append("one incident" + (f" on {days[0]}" if len(days) == 1 else ""))
    years = {f.years for f in members if f.years}
    if not days and len(years) == 1:
        lo, hi = years.pop()
        parts.append(f"{lo}" if lo == hi else f"{lo}s" if lo % 10 == 0 and hi == lo + 9 else f"{lo}–{hi}")
    return ", ".join(parts) or "scope not stated"


def _scope_rank(members: list[Facet]) -> tuple:
    gran = Counter(f.granularity for f in members).most_common(1)[0][0]
    cat = any(f.category for f in members)
    return (
        cat,
        {"cumulative": 0, "period": 0, None: 1, "incident": 2}.get(gran, 1),
        min(f.published or "" for f in members),
    )


def _scope_finding(parts: list[tuple[list[Facet], Status]]) -> Finding:
    """One scope_difference finding over several groups of claims, each with its scope label."""
    members = [f for fs, _ in parts for f in fs]
    finding = _finding("scope_difference", members)
    pieces = []
    for fs, status in sorted(parts, key=lambda p: _scope_rank(p[0])):
        body = summarize("scope_difference", fs).rsplit(" — ", 1)[0]
        note = f" ({_IN_GROUP[status]})" if status in _IN_GROUP and len({f.display for f in fs}) > 1 else ""
        pieces.append(f"{scope_label(fs)} — {body}{note}")
    what = f"{members[0].thing or 'figures'} {verb_of(members[0].pred) or members[0].pred or ''}".strip()
    summary = (
        f"{what[0].upper()}{what[1:]}, counted over {len(parts)} scopes: "
        + "; ".join(f"({n}) {p}" for n, p in enumerate(pieces, 1))
        + " — different scope, not a contradiction."
    )
    return replace(finding, summary=summary)
