"""Time stage: temporal expressions as ``time`` claims, and publication-date inference.

``extract(sdoc, document)`` tags expressions with the rules in :mod:`.timerules`, drops
bare numbers that spaCy parses as counts ("1994 people"), resolves relative
expressions against ``document.published`` and returns ``TimeClaim`` records.

When the document has no publication date, :func:`infer_publication` reads the
content for evidence of when it was written: the latest calendar date it mentions,
"the first anniversary of ..." (anniversary of the latest dated event), "last year"
alongside a known year, and a month-day with no year (written within months of it).
It returns a window and the evidence in words; relative expressions are then resolved
against the window only when it pins a single year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Document, TimeClaim, claim_id
from . import timerules as timex
from .timerules import Timex, is_absolute, parse_anchor

STAGE = "time@7"
# fmt: off
#: Zones a time of day may name, with a fixed offset in minutes east of UTC ...
OFFSETS = {"UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "IST": 330,
           "PKT": 300, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
           "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}
#: ... or a US zone named without its season ("11.30 p.m. ET"), whose offset depends on the day
SEASONAL = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
# fmt: on
_ZONE_INSIDE = re.compile(r"\b[A-Z]{1,4}\b")  # "1023 GMT on Sunday": the zone is part of the expression
_ZONE_AFTER = re.compile(r"\s*\(?\s*(?:(local\s+time)|([A-Z]{1,4})\b)")  # "7:37 a.m. local time", "5 p.m. (ET)"
_TIME_NOUNS = {"year", "month", "week", "day", "decade", "century", "quarter", "period", "season", "time"}
_FUTURE_WORDS = {"will", "'ll", "shall", "wo"}
_PLAN_VERBS = {"expect", "plan", "schedule", "intend", "aim", "set", "due", "hope", "propose"}
_ANNIV = re.compile(
    r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+anniversary\b",
    re.I,
)
_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_LAST_YEAR = re.compile(r"\blast\s+year(?:'s|’s)?\b", re.I)


class _Tense:
    """Is the clause that governs a time expression about the future? (the verb it hangs on
    has will/shall/'ll/would, or is planned/expected/scheduled "to" happen)."""

    def __init__(self, sdoc):
        self.sdoc = sdoc

    def __call__(self, start: int, end: int) -> bool:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span.root
        for _ in range(6):
            if t.pos_ in ("VERB", "AUX") or t.head is t:
                break
            t = t.head
        for step in range(2):
            auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
            if any(a in _FUTURE_WORDS for a in auxes) or ("would" in auxes and "have" not in auxes):
                return True
            if "to" in auxes and t.dep_ == "xcomp":
                plan = t.head
                if plan.lemma_ == "be" and plan.tag_ in ("VBZ", "VBP"):
                    return True  # "he is to resume trading Tuesday"
                if plan.lemma_ in _PLAN_VERBS or plan.dep_ == "acomp":  # "scheduled to", "due to"
                    return not _past_perfect(plan)  # "had been scheduled to expire Friday": that Friday is past
            if step == 0 and t.tag_ == "VBN" and not auxes and t.dep_ in ("advcl", "acl"):
                return False  # "the terms, announced Friday, would ...": the participle's own day is past
            if t.lemma_ in _PLAN_VERBS and t.tag_ == "VBN" and t.dep_ != "amod":
                return any(c.dep_ == "xcomp" or c.lower_ == "for" for c in t.children)
            if t.tag_ in ("VBD",) or t.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or t.head is t:
                return False
            t = t.head
        return False


def _past_perfect(t) -> bool:
    """Is ``t`` (or the verb it complements: "had been due") in the past perfect?"""
    return any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in (*t.children, *t.head.children))


def _is_count(sdoc, span: timex.Span) -> bool:
    """A bare year-like number counting a plural noun ("2000 troops"), not dating one ("a 1994 truce")."""
    if span.kind != "year" or span.groups.get("mod"):
        return False
    tok = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tok is None or not len(tok):
        return False
    t = tok[-1]
    return (
        t.dep_ == "nummod"
        and t.head.tag_ in ("NNS", "NNPS")
        and t.head.lemma_.lower() not in _TIME_NOUNS
        and t.head.i > t.i
    )


def tag(sdoc, text: str) -> list[timex.Span]:
    return [s for s in timex.tag(text) if not _is_count(sdoc, s)]


def extract(sdoc, document: Document) -> tuple[list[TimeClaim], dict]:
    """Return (time claims, publication fields to set on the document, or {} when it has a date)."""
    text = document.text
    spans = tag(sdoc, text)
    tense = _Tense(sdoc)
    anchor = parse_anchor(document.published)
    published: dict = {}
    if anchor is not None:
        found = timex.normalise(text, spans, anchor, "day", tense)
    else:
        found = timex.normalise(text, spans, None, "day", tense)
        published = infer_publication(text, found)
        window = published.get("published_window")
        if window and window[1] and window[0][:4] == window[1][:4]:
            mid = date(int(window[0][:4]), 7, 1)
            found = timex.normalise(text, spans, mid, "year", tense)
    claims = [_claim(document.id, t, text) for t in found if t.value is not None]
    return claims, published


def zone_code(code: str) -> str | None:
    """ "GMT" -> "UTC"; a code of :data:`OFFSETS` or :data:`SEASONAL` as it is; anything else -> None."""
    code = code.upper()
    return "UTC" if code in ("GMT", "UTC", "Z") else code if code in OFFSETS or code in SEASONAL else None


def zone_at(text: str, start: int, end: int) -> tuple[str | None, int]:
    """(zone, end) of the time of day at ``text[start:end]``: the zone it names ("UTC" for GMT, a code of
    :data:`OFFSETS` or :data:`SEASONAL`, "local" for "local time"; None when none is stated) and the end of
    the expression with the zone's words ("7:37 a.m. local time")."""
    if zone := next((z for w in _ZONE_INSIDE.finditer(text, start, end) if (z := zone_code(w[0]))), None):
        return zone, end
    if not (after := _ZONE_AFTER.match(text, end, min(len(text), end + 16))):
        return None, end
    if after[1]:
        return "local", after.end()
    zone = zone_code(after[2])
    return (zone, after.end() if not after.group(0).lstrip().startswith("(") else end) if zone else (None, end)


def _claim(doc: str, t: Timex, text: str) -> TimeClaim:
    zone, end = zone_at(text, t.start, t.end) if t.type == "TIME" else (None, t.end)
    return TimeClaim(
        id=claim_id(doc, "time", t.start, end),
        doc=doc,
        start=t.start,
        end=end,
        text=text[t.start : end],
        stage=STAGE,
        value_iso=t.value,
        timex_type=t.type,
        zone=zone,
    )


# --------------------------------------------------------- publication inference
@dataclass(frozen=True)
class _Dated:
    lo: date  # first day the value covers
    hi: date  # last day
    text: str


def value_range(value: str) -> tuple[date, date] | None:
    """The calendar days an absolute TIMEX3 value covers (1992 -> 1992-01-01..1992-12-31)."""
    if not is_absolute(value):
        return None
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q(\d)|-H(\d)|-W(\d\d))?", value)
    if m:
        y = int(m[1])
        try:
            if m[3]:
                d = date(y, int(m[2]), int(m[3]))
                return d, d
            if m[2]:
                mo = int(m[2])
                nxt = date(y + (mo == 12), mo % 12 + 1, 1)
                return date(y, mo, 1), nxt - timedelta(days=1)
            if m[4]:
                q = int(m[4])
                return date(y, 3 * q - 2, 1), date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
            if m[5]:
                return (date(y, 1, 1), date(y, 6, 30)) if m[5] == "1" else (date(y, 7, 1), date(y, 12, 31))
            if m[6]:
                start = date.fromisocalendar(y, int(m[6]), 1)
                return start, start + timedelta(days=6)
        except ValueError:
            return None
        return date(y, 1, 1), date(y, 12, 31)
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    return None


def infer_publication(text: str, found: list[Timex]) -> dict:
    """A publication window from content alone (see the module docstring); {} when no evidence."""
    dated = [_Dated(*r, t.text) for t in found if t.type in ("DATE", "TIME") and (r := value_range(t.value or ""))]
    partial = [t for t in found if t.value and re.fullmatch(r"XXXX-\d\d-\d\d", t.value)]
    if not dated:
        return {}
    latest = max(dated, key=lambda d: (d.hi, d.lo))
    lo, hi = latest.lo, None
    evidence = [f"latest date mentioned: “{latest.text}”"]
    anniv = _ANNIV.search(text)
    if anniv:
        n = _ORD.get(anniv["n"].lower()) or int(re.sub(r"\D", "", anniv["n"]))
        year_dates = [d for d in dated if d.lo == d.hi and d.lo.year == latest.hi.year]
        first = min(year_dates, key=lambda d: d.lo) if year_dates else latest
        start = _add_years(first.lo, n) - timedelta(days=45)
        lo, hi = max(lo, start), _add_years(latest.hi, n) + timedelta(days=45)
        evidence.append(f"“{anniv.group(0)}” of events dated {latest.hi.year}")
    elif _LAST_YEAR.search(text) and latest.lo.year == latest.hi.year:
        y = latest.hi.year + 1
        lo, hi = max(lo, date(y, 1, 1)), date(y, 12, 31)
        evidence.append(f"“last year” beside events of {latest.hi.year}")
    if partial and hi is None:
        evidence.append(f"a recent “{partial[0].text}” given without a year")
    if hi is not None and hi.year == lo.year + 1 and _LAST_YEAR.search(text):
        hi = date(lo.year, 12, 31)
    if hi is None and latest.hi.year < 2000 and any(d.lo.year >= 1990 and d.hi.year >= 1999 for d in dated):
        lo = max(lo, date(2000, 1, 1))
        evidence.append("the 1990s described as past")
    lo_s = lo.isoformat()
    hi_s = hi.isoformat() if hi else None
    return {
        "published": lo_s if hi and lo == hi else None,
        "published_how": "inferred",
        "published_window": (lo_s, hi_s),
        "published_evidence": "; ".join(evidence),
    }


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)
