"""Which quantity claims are one fact: blocks by measure, clusters by scope and event.

This module owns the question "may these two figures be the same fact?" once :mod:`.link` has read
each claim into a :class:`~rashomon.crosscheck.link.Facet`. Linking is blocked: only claims of one
measure (:func:`blocks`) are ever compared, so the cost is near-linear in the corpus. Inside a
block, claims are clustered by complete linkage on scope compatibility (:func:`scope_compatible`:
one event, one category, one granularity, one day and place when known, overlapping years),
comparing only claims that share an anchor (story, event, place, entity); claims of one document
only share a cluster when they repeat the same value.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from . import measures
from .link import Facet, Interval
from .vocabulary import CASUALTY, PERSONS

QUAKE = 1.0  # magnitudes further apart than this are readings of two quakes
NEAR = 3.0  # an open bound joins another thing's figure of its size only: within this factor (:func:`_near`)


def scope_compatible(a: Facet, b: Facet) -> bool:
    """True when nothing known about the two claims says they count different things."""
    if not same_event(a, b):
        return False
    if a.dimension and a.people and b.people and not a.people & b.people:
        return False  # a length, sum or duration said of other people ("a 20-year veteran")
    if a.category != b.category and not _one_group(a, b):
        return False
    if a.measure and a.measure[0] == "magnitude" and a.interval and b.interval and _gap(a.interval, b.interval) > QUAKE:
        return False  # agencies read one quake within a point of each other: a 3.8 beside a 6.1 is an aftershock
    if a.toll != b.toll and a.measure and a.measure[0] in CASUALTY:
        return False  # a report's own toll and a deeper count of its report (a group's part, another event)
    if a.granularity and b.granularity and a.granularity != b.granularity:
        return False
    if a.day and b.day and a.day != b.day:
        return False
    if a.places and b.places and not (a.places & b.places):
        return False
    if (a.recent or b.recent) and _weeks_apart(a.published, b.published):
        return False  # "35 shot since Friday" in December and "28 shot since Friday" in September
    return not different_years(a, b)  # 1992's toll and 2020's toll are different facts


def _one_group(a: Facet, b: Facet) -> bool:
    """One of the two counts a part of the group whose size it gives, the other all of it, and they give one
    exact count: the part is the whole. The wounded in a condition: all are in it ("all four victims suffered
    non-life-threatening injuries", "four people injured"); the others: nobody was told apart ("two others
    were hurt" where no one was killed, "two people were hurt")."""
    return (
        {a.category, b.category} in ({None, "condition"}, {None, "others"})
        and a.interval is not None
        and a.interval.lo == a.interval.hi
        and a.interval == b.interval
    )


def group_of(f: Facet) -> str | None:
    """The sub-category of people a figure counts (None for people at large): "the others" besides someone told
    apart are of the group told plainly ("one killed and five others wounded": five of the wounded)."""
    return None if f.category == "others" else f.category


def _gap(a: Interval, b: Interval) -> float:
    """How far apart two intervals are (0 when they overlap)."""
    return max(a.lo - b.hi, b.lo - a.hi, 0.0)


def same_event(a: Facet, b: Facet) -> bool:
    """Reports of one event, figures whose own sentences date them (a war's toll recalled in two
    reports of different events), or figures of a whole campaign (:func:`_campaign`): any other figure
    without its own date is about its report's event, dated by its publication."""
    apart = (a.event != b.event and a.event and b.event) or (
        a.thing == b.thing and a.thing in PERSONS and a.incident != b.incident and a.incident and b.incident
    )  # people counted in two coded incidents: each incident's own
    if apart and not (a.years and b.years) and not (_campaign(a) and _campaign(b)):
        return False
    return not _apart(a, b) and not _apart(b, a)


def _weeks_apart(a: str | None, b: str | None) -> bool:
    """Two publication days more than a week apart."""
    x, y = _span((a or "")[:10]), _span((b or "")[:10])
    return bool(x and y and abs((x[0] - y[0]).days) > 7)


def _campaign(f: Facet) -> bool:
    """A figure of a whole campaign, not of one report's incident: territory or settlements taken or
    held, people displaced, a running or period total ("300 settlements liberated in the war")."""
    return (
        f.thing in ("settlement", "territory")
        or f.pred in ("capture", "control", "siege", "displace")
        or f.granularity in ("cumulative", "period")
    )


def _apart(a: Facet, b: Facet) -> bool:
    """``a``'s own date (its sentence's: "in February 2005") is more than a week from ``b``'s own
    date, or from ``b``'s publication when ``b`` has none."""
    own = _span(a.claim.time)
    other = _span(b.claim.time) or _span((b.published or "")[:10])
    if own is None or other is None:
        return False
    return own[0] - other[1] > timedelta(days=7) or other[0] - own[1] > timedelta(days=7)


def _span(value: str | None) -> tuple[date, date] | None:
    """The days a "YYYY-MM" or "YYYY-MM-DD" value covers."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    y, mo = int(m[1]), int(m[2])
    if m[3]:
        try:
            d = date(y, mo, int(m[3]))
        except ValueError:
            return None
        return d, d
    last = (date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)) if mo < 12 else date(y, 12, 31)
    return date(y, mo, 1), last


def compatible(a: Facet, b: Facet) -> bool:
    """The two figures can both hold: equal value lists, or overlapping intervals once in one unit
    (a conversion between units or currencies within :func:`.measures.tolerance`)."""
    if a.values is not None or b.values is not None:
        return a.values == b.values
    if a.interval is None or b.interval is None:
        return False
    if a.dimension != b.dimension:
        return False
    if a.dimension is None or a.claim.unit == b.claim.unit or a.base is None or b.base is None:
        return a.interval.overlaps(b.interval)
    tol = measures.tolerance(a.dimension)
    return Interval(*measures.widened(a.base.lo, a.base.hi, tol)).overlaps(b.base)


def different_years(a: Facet, b: Facet) -> bool:
    """Both claims' years are known and do not overlap."""
    return bool(a.years and b.years and (a.years[1] < b.years[0] or b.years[1] < a.years[0]))


def can_share(a: Facet, b: Facet) -> bool:
    if a.claim.doc == b.claim.doc:
        return a.display == b.display and scope_compatible(a, b)
    if (a.qualifier != b.qualifier or not a.qualifier) and a.dimension and not (compatible(a, b) and _near(a, b)):
        return False  # two lengths (sums, ...) said of different things only meet when they agree, and an open
        # bound agrees with too much to say so ("more than 24 hours" and "nearly 15 years")
    return scope_compatible(a, b)


def _near(a: Facet, b: Facet) -> bool:
    """A bound on one side only ("more than 24 hours", "up to $2 million", "less than 5 years") agrees with too
    much to join another thing's figure unless that figure is of its size (within a factor of ``NEAR``)."""

    def size(f: Facet) -> tuple[float, bool]:  # (its bound or middle, in the base unit where known; open)
        i = f.base or f.interval
        assert i is not None
        if i.hi == math.inf or f.claim.high is not None and f.claim.low is None:
            return (i.lo if i.hi == math.inf else i.hi), True
        return (i.lo + i.hi) / 2, False

    if a.interval is None or b.interval is None:
        return True
    (x, open_a), (y, open_b) = size(a), size(b)
    return not (open_a or open_b) or (x > 0 and y > 0 and max(x, y) / min(x, y) <= NEAR)


def blocks(facets: list[Facet]) -> dict[tuple[str, str], list[Facet]]:
    """Claims that may speak about the same thing: same measure (:func:`measure_of`)."""
    out: dict[tuple[str, str], list[Facet]] = {}
    for f in facets:
        if f.measure and (f.interval is not None or f.values):
            out.setdefault(f.measure, []).append(f)
    return out


def anchors(f: Facet) -> set[tuple[str, str | None]]:
    """What a claim can meet another on: its event and its story, or a place/entity/place word named
    in its sentence (a claim of neither event nor story, as a library caller may hand over, meets
    every other such claim).

    Two claims of one block are only compared when they share an anchor, so a block costs
    about (claims × the few clusters sharing an anchor), not claims²; a claim of another event
    is only linked when its sentence names the same place or entity."""
    out: set[tuple[str, str | None]] = {("event", f.event)} if f.event else set()
    if f.story or not f.event:
        out.add(("story", f.story))
    out |= {("place", p) for p in f.places} | {("entity", e) for e in f.entities} | {("where", w) for w in f.where}
    return out


def cluster(block: list[Facet]) -> list[list[Facet]]:
    """Complete-linkage clusters of scope-compatible claims sharing an anchor, in a deterministic order."""
    clusters: list[list[Facet]] = []
    index: dict[tuple[str, str | None], list[int]] = {}
    for f in sorted(block, key=lambda x: (x.published or "", x.claim.doc, x.claim.start)):
        keys = anchors(f)
        for i in sorted({i for k in keys for i in index.get(k, ())}):
            if all(can_share(f, g) for g in clusters[i]):
                clusters[i].append(f)
                break
        else:
            i = len(clusters)
            clusters.append([f])
        for k in keys:
            if i not in index.setdefault(k, []):
                index[k].append(i)
    return _merge(clusters)


def _merge(clusters: list[list[Facet]]) -> list[list[Facet]]:
    """One pass joining neighbouring clusters whose members are all scope-compatible (greedy
    assignment can split a group when a claim arrives before the claim that anchors it)."""
    gone: set[int] = set()
    for i, j in neighbours(clusters):
        if i in gone or j in gone:
            continue
        if all(can_share(a, b) for a in clusters[i] for b in clusters[j]):
            clusters[i] = clusters[i] + clusters[j]
            gone.add(j)
    return [c for n, c in enumerate(clusters) if n not in gone]


def neighbours(clusters: list[list[Facet]]) -> list[tuple[int, int]]:
    """Pairs of clusters (i < j) that share an anchor: the only ones compared for scope differences."""
    index: dict[tuple[str, str | None], set[int]] = {}
    for i, c in enumerate(clusters):
        for f in c:
            for k in anchors(f):
                index.setdefault(k, set()).add(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        ms = sorted(members)
        if len(ms) > 200:  # a catch-all anchor (one huge story) would make this quadratic
            ms = ms[:200]
        pairs |= {(a, b) for n, a in enumerate(ms) for b in ms[n + 1 :]}
    return sorted(pairs)
