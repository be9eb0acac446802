"""The day an incident happened: what each report states, and the day its reports agree on.

Per report (:func:`read`), the candidates are the time expressions of its lead (the time extractor has
anchored "Monday night", "yesterday", "last night" on the publication date) that resolve to a day:

* a relative day ("Sunday night", "early Monday", "yesterday") counts in the ``WINDOW`` days before
  publication; a weekday that lands six days back is dropped: it is the day after a page's stale date
  ("police met reporters Wednesday" on a page dated Tuesday), not last week, unless it says so ("last
  Wednesday");
* a day written out ("Dec. 19", "November 22nd", "3/10") counts in the ``FULL_WINDOW`` days before publication (with its
  year, "Aug. 2, 2015", any day before it: sites re-date old pages), as
  follow-up reports (an arrest, a funeral, a trial) name the day of the shooting;
* a clock time alone ("9:10 p.m.") is no day: the extractor dates it on the publication day; nor is the
  page's own date in its dateline ("JAY COUNTY, Ind. (Nov. 18, 2015) —"), nor a birth date ("was born on
  September 8, 1999");
* a page re-dated long after its event ("SAVANNAH, GA (August 2, 2015): ... early this morning", a site's
  date of 2017): the day written out with its year in its dateline, or in its first paragraph within two
  years, is the only candidate, as the relative days count from the wrong date.

Of the candidates, one that does not follow a word of reporting or of what came after ("police said
Wednesday", "was arrested Friday", "remained in critical condition Tuesday", "the trial resumes Tuesday")
nor precede one ("the coroner on Friday identified ...", "authorities Sunday have identified") wins; of those,
one in a sentence about the event ("was shot", "the shooting happened", "found dead"; not a death alone, "died
Saturday": a victim may die days after the shooting, whose day GVA codes); of those,
one in the first paragraph (later ones recall other shootings, "the violence follows another shooting
Friday"); of those, the earliest day (the event precedes its follow-ups). A report with no candidate is dated on its
publication day, the weakest evidence (a report without one: no day, unless it writes out a date
with its year). The incident's day (:func:`agreed`) is the day most reports state, of the reports whose
day is stated most surely (the number of the three tests above it passes: a day given in the lead, in a
sentence about the shooting, outweighs a follow-up's "police said Tuesday" however many follow-ups say
so); publication days count only where no report states one; of equally many, one on the day of the incident's
first report or the day before (first reports follow their event: the day a follow-up recalls, "a week ago
Monday", or a background day is further back), else the earliest.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..extract.timerules import parse_anchor
from ..records import Document, Evidence, TimeClaim

LEAD = 1500  # characters of a report in which its event's day is looked for
WINDOW = 7  # days before publication in which a relative day ("Monday night") is the event's
FULL_WINDOW = 365  # days before publication in which a written-out day ("Dec. 19") is
FRESH = 1  # days before its first report in which an incident's day is looked for first, of equally backed ones
FIRST = 500  # characters of a report's first paragraph, where its own event is told
NEAR = 80  # characters either side of a time expression, within its sentence, read for the event
_CLOCK = re.compile(r"(?i)(?:about |around |at )?\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)?|noon|midnight")
_WRITTEN = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}/\d{1,2}\b"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d\d\b")  # "2005", "11/28/05"
_LOWER = re.compile(r"[a-z]")  # a dateline has none: "SAVANNAH, GA (August 2, 2015):"
_STAMP_END = re.compile(r"\)\s*[—–-]")  # the end of a dateline's date: "(Nov. 18, 2015) —"
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_LAST = re.compile(r"(?i)(?:last|this past|past)\b")  # "last Wednesday": last week's, said so
EVENT = re.compile(  # a word of the event itself: a sentence with one tells it
    r"(?i)\b(?:shot|shoot|shooting|shootings|killed|fired|gunfire|happened|occurred|wounded|found|struck)\b"
)


# a time expression right after one of these is when something was said or done about the event, not the
# event's day ("police said Tuesday", "was arrested early Friday", "remained in critical condition Tuesday")
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|told|announced|identified|arrested|charged|booked|arraigned|released|confirmed|reported"
    r"|condition|remained|remains|investigating|updated|sentenced|indicted|pleaded|convicted|appeared|held|begin|begins|scheduled|resume|resumes)"
    r"(?:\s+(?:on|early|late|this|last))?\s*$"
)


# ... or right before one ("The coroner on Friday identified the teen", "Police Monday said")
_REPORTING = re.compile(
    r"\s*,?\s*(?:(?:have|has|had)\s+)?(?:said|says|told|announced|identified|confirmed|released|charged|arrested|reported|named)\b"
)


def _reported(text: str, t: TimeClaim) -> bool:
    """The time expression ``t`` dates a word of reporting or of what came after, not the event."""
    return bool(_REPORTED.search(text[max(0, t.start - 40) : t.start]) or _REPORTING.match(text, t.end))


@dataclass(frozen=True)
class Day:
    """The day one report gives for its event, and where it says so (no span: its publication day)."""

    day: str
    evidence: Evidence
    strength: int = 0  # how many of the tests it passes: not a word of reporting's, an event sentence's, the lead's


def _sentence_around(text: str, start: int, end: int) -> str:
    """Up to ``NEAR`` characters either side of a span, within its sentence."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [x for x in (text.find(". ", end), text.find("\n", end)) if x != -1]
    b = min(ends) if ends else len(text)
    return text[max(a, start - NEAR) : start] + " " + text[end : min(b, end + NEAR)]


def _candidate(t: TimeClaim, pub: date) -> date | None:
    d = parse_anchor(t.value_iso)
    text = t.text.strip()
    if d is None or t.start > LEAD or _CLOCK.fullmatch(text):
        return None
    if _WRITTEN.search(text):
        if _YEAR.search(text):  # "Aug. 2, 2015": its own year, however long before the page's date
            return d if d <= pub else None
        return d if pub - timedelta(days=FULL_WINDOW) <= d <= pub else None
    if not pub - timedelta(days=WINDOW) <= d <= pub:
        return None
    return None if _WEEKDAY.search(text) and (pub - d).days == 6 and not _LAST.match(text) else d


def read(doc: Document, times: list[TimeClaim]) -> Day | None:
    """The day ``doc`` gives for its event (see the module docstring); without a publication date,
    only a date written out with its year ("Nov. 27, 2005") counts, and None without one."""
    pub = parse_anchor(doc.published)
    if pub is None:
        found = [(t, d) for t in times if t.start <= LEAD and _YEAR.search(t.text) and (d := parse_anchor(t.value_iso))]
    else:
        found = [
            (t, d)
            for t in times
            if (d := _candidate(t, pub)) is not None and not _BORN.search(doc.text, max(0, t.start - 30), t.start)
        ]

        # a page re-dated long after its event: the day it writes out with its year in its dateline ("SAVANNAH,
        # GA (August 2, 2015):") or in its first paragraph within two years (not a killer's record)
        def stale(t: TimeClaim, d: date) -> bool:
            late = (pub - d).days
            dateline = not _LOWER.search(doc.text, 0, t.start)
            return (
                bool(_YEAR.search(t.text))
                and late > WINDOW
                and (dateline or t.start < FIRST and late <= 2 * FULL_WINDOW)
            )

        found = [(t, d) for t, d in found if stale(t, d)] or [(t, d) for t, d in found if not _stamp(doc.text, t)]
    if not found:
        return Day(pub.isoformat(), Evidence(doc.id, None, None, doc.published, "published")) if pub else None
    sure, t, d = max(
        ((_sure(doc.text, t), t, d) for t, d in found), key=lambda c: (c[0], -c[2].toordinal(), -c[1].start)
    )
    return Day(d.isoformat(), Evidence(doc.id, t.start, t.end, t.text, "time", t.id), sum(sure))


# a birth date is no event's day: "Alexander was born on September 8, 1999"
_BORN = re.compile(r"(?i)\b(?:born|birth|dob|d\.o\.b\.)\W*(?:on\s+|in\s+)?\Z")


def _stamp(text: str, t: TimeClaim) -> bool:
    """The time expression is the page's own date in its dateline ("JAY COUNTY, Ind. (Nov. 18, 2015) —")."""
    return text[max(0, t.start - 1) : t.start] == "(" and bool(_STAMP_END.match(text, t.end))


def _sure(text: str, t: TimeClaim) -> tuple[bool, bool, bool]:
    """The tests a report's time expression passes as its event's day: it dates no word of reporting, it is
    in a sentence about the event, it is in the first paragraph (module docstring)."""
    return not _reported(text, t), bool(EVENT.search(_sentence_around(text, t.start, t.end))), t.start < FIRST


def agreed(days: list[Day], first: str | None = None) -> tuple[str | None, tuple[Evidence, ...]]:
    """The incident's day and the reports' evidence for it, ``first`` the earliest of its reports' publication
    days (see the module docstring)."""
    stated = [d for d in days if d.evidence.how != "published"] or days
    strongest = max((d.strength for d in stated), default=0)
    stated = [d for d in stated if d.strength == strongest]
    counts = Counter(d.day for d in stated)
    if not counts:
        return None, ()

    def stale(day: str) -> bool:  # not in the days right before the first report (which follows its event)
        return first is not None and not 0 <= (date.fromisoformat(first[:10]) - date.fromisoformat(day)).days <= FRESH

    best = min(counts, key=lambda d: (-counts[d], stale(d), d))
    return best, tuple(d.evidence for d in stated if d.day == best)
