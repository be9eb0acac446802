"""Which day it happened: the days of one event's happenings compared across reports.

A date or a weekday ("on Dec. 11", "last Thursday", "Microsoft on Wednesday issued ...") is compared
with another when both date the same kind of happening (the verbs of :data:`.moments.VERBS`: the
patch was issued, the gunman was let go, the quake struck) in reports of one event
(:func:`.incidents.events`), as :mod:`.moments` does for times of day. A weekday fits a date that
falls on it; two weekdays fit when they are the same day. Days that do not fit are never called a
conflict: on real news they were other happenings of the same kind (two arrests, the shooting an
article recalls, a court date), or one night dated on either side of midnight, so only agreement is
reported; a report that dates one kind of happening on two days is compared with none. Dates that
:func:`.event_dates.dated_events` already compares (an event noun and its phase: "the siege began on
...") are left to it: one finding per fact.

Each group becomes a finding of kind ``date`` (key ``day/<happening>``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..records import Claim, Document, Finding, Status, TimeClaim
from ..unionfind import UnionFind
from .moments import finding, happening
from .sentences import DATELINE, sentence_bounds
from .sources import root_of

DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Day:
    """A day read off a date claim next to the verb of a happening."""

    claim: TimeClaim
    day: date | None  # the calendar day, when the claim names one
    weekday: int  # ISO weekday, 1 = Monday
    happening: str
    distance: int  # characters between the date and the verb of its happening
    text: str  # the words, for the summary


def read(claim: TimeClaim, doc: Document) -> Day | None:
    """The day ``claim`` gives, when it is a date or a weekday next to the verb of a happening."""
    value = claim.value_iso or ""
    if (m := DATE.fullmatch(value)) is not None:
        try:
            on = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        day: date | None = on
        weekday = on.isoweekday()
    elif (w := WEEKDAY.fullmatch(value)) is not None:
        day, weekday = None, int(w[1])
    else:
        return None
    text = doc.text
    s, e = sentence_bounds(text, claim.start, claim.end)
    dateline = DATELINE.match(text, s, e)
    if dateline and claim.start < dateline.end():
        return None  # a dateline's date is the publication date
    if (near := happening(text, claim.start, claim.end)) is None:
        return None
    return Day(claim, day, weekday, near[1], near[0], text[claim.start : claim.end])


def fits(a: Day, b: Day) -> bool:
    """Two days of one happening are the same day: equal dates, or a weekday a date falls on."""
    if a.day and b.day:
        return a.day == b.day
    return a.weekday == b.weekday


def days(claims: Iterable[Claim], by_id: dict[str, Document], skip: Collection[str] = ()) -> Iterator[Day]:
    for c in claims:
        if isinstance(c, TimeClaim) and c.timex_type == "DATE" and c.id not in skip:
            doc = by_id.get(c.doc)
            if doc is not None and (d := read(c, doc)) is not None:
                yield d


def keys(
    claims: Iterable[Claim], documents: list[Document], event_of: dict[str, str], skip: Collection[str] = ()
) -> list[tuple[str, str, str]]:
    """(claim id, document, group key) of the days :func:`findings` compares."""
    by_id = {d.id: d for d in documents}
    return [(d.claim.id, d.claim.doc, f"day/{d.happening}@{event_of[d.claim.doc]}")
            for d in days(claims, by_id, skip) if d.claim.doc in event_of]  # fmt: skip


def findings(
    claims: Iterable[Claim],
    documents: list[Document],
    event_of: dict[str, str],
    skip: Collection[str] = (),
) -> list[Finding]:
    """One finding per happening of one event that two or more reports date (module docstring)."""
    by_id = {d.id: d for d in documents}
    groups: dict[tuple[str, str], list[Day]] = defaultdict(list)
    for d in days(claims, by_id, skip):
        if d.claim.doc in event_of:
            groups[(event_of[d.claim.doc], d.happening)].append(d)
    out = []
    for (_, what), found in sorted(groups.items()):
        ds = [d for d in found if d.claim.doc not in _several(found)]
        same = UnionFind(len(ds))
        for i, j in combinations(range(len(ds)), 2):
            if ds[i].claim.doc != ds[j].claim.doc and fits(ds[i], ds[j]):
                same.union(i, j)
        by_day: dict[int, list[Day]] = defaultdict(list)
        for i, d in enumerate(ds):
            by_day[same.find(i)].append(d)
        for members in by_day.values():  # one finding per day: other days of the kind are other happenings
            if len({d.claim.doc for d in members}) < 2:
                continue
            roots = {root_of(d.claim.doc, by_id) for d in members}
            status: Status = "agree" if len(roots) > 1 else "single_source"
            said = [(d.claim, _shown(d)) for d in members]
            out.append(finding(f"Day ({what})", f"day/{what}", said, status, by_id))
    return out


def _several(ds: list[Day]) -> set[str]:
    """Documents that give two different days for one kind of happening (two arrests, a shooting and
    the one it recalls): which day is which is not known, and they are compared with none."""
    by_doc: dict[str, set[int]] = defaultdict(set)
    for d in ds:
        by_doc[d.claim.doc].add(d.day.toordinal() if d.day else -d.weekday)
    return {doc for doc, seen in by_doc.items() if len(seen) > 1}


def _shown(d: Day) -> str:
    """ "Wednesday", or "Dec. 17 (Wednesday)" where a calendar date's weekday is not in its words."""
    name = WEEKDAYS[d.weekday - 1]
    return d.text if name.lower() in d.text.lower() else f"{d.text} ({name})"
