"""When it happened, to the hour: the times of day of one event compared across reports.

A time of day ("at 1:53 p.m. local time", "early Sunday afternoon", "0737 GMT") is compared with
another when both date the same kind of happening (:data:`VERBS`: the quake struck, the gunman
walked in, the prisoner escaped, the bomb went off) in reports of one event (:func:`.incidents.events`).
Times are compared as instants where their zones allow it (the zone the time extractor read beside the time,
``TimeClaim.zone``): GMT/UTC and named zones with a fixed offset (EST,
CEST, IST, ...) are turned into UTC, and so are a US zone named without its season ("ET", "11.30 p.m. ET") and
a local time (said so, or no zone stated) of a report whose incident's town has a known time zone (``zones``:
:func:`..extract.gazetteer.time_zone`, "1:53 p.m. local time" in Qeshm is 10:23 GMT), each with the offset of
the claim's day; two times in one zone, or both without one, are compared on the clock; a time in GMT and one
in a local time whose place is unknown are not compared at all, never guessed. A part of the day ("morning")
is a span of hours, compared with a clock time but not with another part of the day. A page's own time stamp
("Updated 11/27/2005 3:41 PM") dates the page, not the event: only a time next to a verb of the happening
counts.

Each group of two or more reports becomes a finding of kind ``date`` (key ``time/<happening>``):
``agree`` when every comparable pair fits (allowing :data:`SLACK` minutes for "about" and rounding),
``conflict`` when some pair cannot.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from itertools import combinations
from zoneinfo import ZoneInfo

from ..extract.time import OFFSETS, SEASONAL
from ..records import Claim, Document, Finding, SourceCount, Status, TimeClaim, stable_id
from .sentences import sentence_bounds
from .sources import outlet_of, root_of

STAGE = "crosscheck-moments@5"
SLACK = 20  # minutes either way: "about 5:30", "just before 5:30", a time rounded to the quarter hour
NEAR = 100  # characters between a time and its verb ("the quake shook the coast of the northern island at 17:06")
# fmt: off
VERBS: dict[str, tuple[str, ...]] = {
    "struck": ("struck", "strike", "strikes", "hit", "hits", "jolted", "jolts", "shook", "rocked", "occurred",
               "happened", "exploded", "explosion", "detonated", "erupted", "blast", "went", "quake", "earthquake",
               "tremor", "registered", "recorded"),
    "entered": ("entered", "walked", "came", "burst", "rammed", "raided", "stormed", "arrived", "drove", "smashed",
                "crashed"),
    "fired": ("fired", "opened", "shooting", "gunfire"),
    "escaped": ("escaped", "escape", "fled", "fleeing"),
    "arrested": ("arrested", "captured", "surrendered", "caught", "detained"),
    "released": ("released", "issued", "issuing", "releasing", "unveiled", "published"),
    "dismissed": ("dismissed", "sacked", "let", "laid", "terminated"),
}
# fmt: on
_CLASS = {w: c for c, ws in VERBS.items() for w in ws}
# "opened" is the gunman's where he "opened fire", not "the streets would be opened"
_FIRE = re.compile(r"\s+fire\b", re.I)
STAMP = re.compile(r"(?i)\b(?:updated|posted|published|modified)\b|@\s*$")
# minutes after midnight; "early Monday morning" may be 2 a.m.; a night runs past midnight
PARTS = {"MO": (0, 720), "AF": (720, 1080), "EV": (1020, 1320), "NI": (1200, 1800)}
TIGHT = 30  # characters: a time this close to its verb dates that very happening (a conflict needs two)
VALUE = re.compile(r"^T(?:(?P<h>\d{2})(?::(?P<m>\d{2}))?|(?P<part>MO|AF|EV|NI))$")
WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Moment:
    """A time of day read off a claim: minutes after midnight (a span), its zone, its happening."""

    claim: TimeClaim
    lo: int
    hi: int
    zone: str | None  # "UTC", a zone code, "local", or None when none is stated
    place_zone: str | None  # the time zone of its incident's town, for a local time ("Asia/Tehran")
    part: str | None  # MO, AF, EV or NI for a part of the day ("Monday morning"), else None
    happening: str
    distance: int  # characters between the time and the verb of its happening
    text: str  # the words, with their zone, for the summary


def read(claim: TimeClaim, doc: Document) -> Moment | None:
    """The moment ``claim`` gives, when it is a time of day next to the verb of a happening."""
    m = VALUE.match(_time_part(claim.value_iso))
    if not m:
        return None
    if m["part"]:
        lo, hi = PARTS[m["part"]]
    else:
        h = int(m["h"])
        if m["m"] in (None, "00"):  # "5 p.m." (T17:00) may be any time in that hour
            lo, hi = h * 60, h * 60 + 59
        else:
            lo = hi = h * 60 + int(m["m"])
        lo, hi = lo - SLACK, hi + SLACK
    text = doc.text
    if (near := happening(text, claim.start, claim.end)) is None:
        return None
    return Moment(claim, lo, hi, claim.zone, None, m["part"], near[1], near[0], text[claim.start : claim.end])


def happening(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(distance, happening) of the verb of a happening (:data:`VERBS`) nearest to ``text[start:end]``
    in its sentence, within :data:`NEAR` characters; None for a page's own time stamp or no such verb."""
    if STAMP.search(text[max(0, start - 40) : start]):
        return None
    s, e = sentence_bounds(text, start, end)
    near = [
        (min(abs(w.start() - start), abs(w.start() - end)), _CLASS[w.group(0).lower()])
        for w in WORD.finditer(text, s, e)
        if w.group(0).lower() in _CLASS and (w.group(0).lower() != "opened" or _FIRE.match(text, w.end()))
    ]
    return min((x for x in near if x[0] <= NEAR), default=None)


def _time_part(value: str | None) -> str:
    """ "2009-11-30T09" -> "T09"; a value without a time of day -> ""."""
    return value[value.index("T") :] if value and "T" in value and not value.startswith("P") else ""


def _day(m: Moment) -> date | None:
    try:
        return date.fromisoformat((m.claim.value_iso or "")[:10])
    except ValueError:
        return None


def _utc(m: Moment) -> tuple[int, int] | None:
    """The moment in minutes after midnight UTC, where its zone is known (module docstring)."""
    if m.zone and m.zone in OFFSETS:
        return m.lo - OFFSETS[m.zone], m.hi - OFFSETS[m.zone]
    named = SEASONAL.get(m.zone or "") or (m.place_zone if m.zone in (None, "local") else None)
    if named is None or (day := _day(m)) is None:
        return None
    offset = ZoneInfo(named).utcoffset(datetime.combine(day, time(12)))
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    return m.lo - minutes, m.hi - minutes


def comparable(a: Moment, b: Moment) -> tuple[bool, bool]:
    """(can the two be compared, do they fit each other). Two parts of the day are only compared when
    they are the same part ("morning" and "afternoon" may be said of two moments of one happening);
    times that do not fit are compared only when both are clock times right next to their verb."""
    day_a, day_b = _day(a), _day(b)
    if day_a and day_b and abs((day_a - day_b).days) > 1:
        return False, False  # days apart: two moments, whatever the clock says (a day off is an anchoring slip)
    if a.part and b.part:
        return a.part == b.part, a.part == b.part
    wrap = not (day_a and day_a == day_b)  # one stated day: 12:23 a.m. and 11 p.m. are 23 hours apart
    if (ua := _utc(a)) and (ub := _utc(b)):
        fits = _overlap(ua, ub, wrap)
    elif (a.zone or "local") == (b.zone or "local"):
        fits = _overlap((a.lo, a.hi), (b.lo, b.hi), wrap)
    else:
        return False, False
    # times that do not fit conflict only when both are clock times right next to their verb: an event
    # has many moments (shots fired, police arrived, a news conference), and a part of the day is loose
    sure = not (a.part or b.part) and a.distance <= TIGHT and b.distance <= TIGHT
    return fits or sure, fits


def _overlap(x: tuple[int, int], y: tuple[int, int], wrap: bool = True) -> bool:
    day = 1440
    return any(x[0] <= y[1] + k and y[0] + k <= x[1] for k in ((-day, 0, day) if wrap else (0,)))


def moments(
    claims: Iterable[Claim], by_id: dict[str, Document], zones: dict[str, str] | None = None
) -> Iterator[Moment]:
    """The moments of ``claims``, each with its report's place zone (``zones``: document -> IANA zone)."""
    for c in claims:
        if not isinstance(c, TimeClaim) or c.timex_type != "TIME":
            continue
        doc = by_id.get(c.doc)
        if doc is not None and (m := read(c, doc)) is not None:
            yield replace(m, place_zone=(zones or {}).get(c.doc))


def keys(claims: Iterable[Claim], documents: list[Document], event_of: dict[str, str]) -> list[tuple[str, str, str]]:
    """(claim id, document, group key) of the times of day :func:`findings` compares."""
    by_id = {d.id: d for d in documents}
    return [(m.claim.id, m.claim.doc, f"time/{m.happening}@{event_of[m.claim.doc]}")
            for m in moments(claims, by_id) if m.claim.doc in event_of]  # fmt: skip


def findings(
    claims: Iterable[Claim],
    documents: list[Document],
    event_of: dict[str, str],
    incident_of: dict[str, str],
    zones: dict[str, str] | None = None,
) -> list[Finding]:
    """One finding per happening of one event that two or more reports time (module docstring); times
    that do not fit are weighed only between reports of one coded incident (``incident_of``): in an
    event grouped loosely, two shootings of one night are two incidents, not a conflict. ``zones``: each
    report's place's time zone, where its incident's town has one."""
    by_id = {d.id: d for d in documents}
    groups: dict[tuple[str, str], list[Moment]] = defaultdict(list)
    for m in moments(claims, by_id, zones):
        if m.claim.doc in event_of:
            groups[(event_of[m.claim.doc], m.happening)].append(m)
    out = []
    for (_, happening), found in sorted(groups.items()):
        round_ups = _round_ups(found)
        ms = [m for m in found if m.claim.doc not in round_ups]
        pairs = [(a, b) for a, b in combinations(ms, 2) if a.claim.doc != b.claim.doc]
        judged = [
            (a, b, fits)
            for a, b in pairs
            for can, fits in [comparable(a, b)]
            if can and (fits or incident_of.get(a.claim.doc, a.claim.doc) == incident_of.get(b.claim.doc))
        ]
        if not judged:
            continue
        members = {x.claim.id: x for a, b, _ in judged for x in (a, b)}
        status: Status = "agree" if all(fits for _, _, fits in judged) else "conflict"
        if len({root_of(m.claim.doc, by_id) for m in members.values()}) < 2:
            status = "single_source"
        out.append(_finding(happening, list(members.values()), status, by_id))
    return out


def _round_ups(ms: list[Moment]) -> set[str]:
    """Documents that give two clock times of one happening that do not fit each other: a round-up of
    several shootings ("the first shooting happened at 12:23 a.m. ... the latest after 11 p.m."), whose
    times belong to different incidents and are compared with none."""
    by_doc: dict[str, list[Moment]] = defaultdict(list)
    for m in ms:
        by_doc[m.claim.doc].append(m)
    return {
        doc
        for doc, xs in by_doc.items()
        if any(not (a.part or b.part) and comparable(a, b) == (True, False) for a, b in combinations(xs, 2))
    }


def _finding(happening: str, ms: list[Moment], status: Status, by_id: dict[str, Document]) -> Finding:
    return finding(f"Time of day ({happening})", f"time/{happening}", [(m.claim, m.text) for m in ms], status, by_id)


def finding(
    title: str, key: str, said: list[tuple[TimeClaim, str]], status: Status, by_id: dict[str, Document]
) -> Finding:
    """A finding of kind ``date`` over time claims (each with the words it is shown by), grouped by wording."""
    by_text: dict[str, list[TimeClaim]] = defaultdict(list)
    for c, shown in said:
        by_text[shown.strip()].append(c)
    counts = tuple(
        SourceCount(
            value=t,
            claims=tuple(sorted(c.id for c in cs)),
            outlets=tuple(sorted({outlet_of(by_id.get(c.doc)) for c in cs})),
            independent_sources=len({root_of(c.doc, by_id) for c in cs}),
        )
        for t, cs in sorted(by_text.items())
    )
    noun = "times" if key.startswith("time/") else "days"
    verdict = {"agree": f"the {noun} agree", "conflict": f"the {noun} differ", "single_source": "one source only"}
    summary = "; ".join(f"{', '.join(sc.outlets)}: {sc.value}" for sc in counts)
    ids = sorted(c.id for c, _ in said)
    return Finding(
        id=stable_id("f", *ids),
        status=status,
        summary=f"{title}: {summary} — {verdict[status]}.",
        claims=tuple(ids),
        independent_sources=counts,
        kind="date",
        key=key,
        outlets=tuple(sorted({o for sc in counts for o in sc.outlets})),
        stage=STAGE,
    )
