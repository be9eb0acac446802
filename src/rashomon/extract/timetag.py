"""Finding time expressions in text: the vocabulary and the patterns of English news dates, times
and durations, and :func:`tag`, which returns non-overlapping candidate spans (longest match wins).
:mod:`rashomon.extract.timerules` gives each span its TIMEX3 value."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTHS = {**{m.lower(): k for k, m in enumerate(MONTH_NAMES, 1)},
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
         "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "C"}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBERS: dict[str, int | None] = {w: i for i, w in enumerate(_ONES)}
NUMBERS.update(_TENS)
NUMBERS.update({"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "a few": None, "few": None, "several": None,
                "many": None, "some": None, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
CENTURY_ORD = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
               "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
               "twenty-first": 21}

_MON = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
        r"|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
_MON_ALONE = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: holidays (apostrophes dropped) -> ("fixed", month, day) | ("nth", month, ISO weekday, n; -1 for the last) |
#: ("after", holiday, days) | ("easter",): news dates shootings and storms by them ("on New Year's Eve")
HOLIDAYS: dict[str, tuple] = {
    "new years eve": ("fixed", 12, 31), "new years day": ("fixed", 1, 1), "christmas eve": ("fixed", 12, 24),
    "christmas day": ("fixed", 12, 25), "christmas": ("fixed", 12, 25), "fourth of july": ("fixed", 7, 4),
    "july fourth": ("fixed", 7, 4), "independence day": ("fixed", 7, 4), "halloween": ("fixed", 10, 31),
    "valentines day": ("fixed", 2, 14), "veterans day": ("fixed", 11, 11), "juneteenth": ("fixed", 6, 19),
    "cinco de mayo": ("fixed", 5, 5), "st patricks day": ("fixed", 3, 17),
    "thanksgiving": ("nth", 11, 4, 4), "thanksgiving day": ("nth", 11, 4, 4), "memorial day": ("nth", 5, 1, -1),
    "labor day": ("nth", 9, 1, 1), "mothers day": ("nth", 5, 7, 2), "fathers day": ("nth", 6, 7, 3),
    "black friday": ("after", "thanksgiving", 1), "easter": ("easter",), "easter sunday": ("easter",),
}


def _holiday_rx(name: str) -> str:
    """ "new years eve" -> "new year['’]?s eve"; "Christmas" and "Thanksgiving" alone only after a preposition
    ("on Christmas"; not "Christmas shopping")."""
    rx = re.sub(r"(?<!christma)s\b(?= day| eve)", "['’]?s", name).replace("st ", r"st\.? ")
    return rf"(?<=on |at |of ){rx}" if name in ("christmas", "thanksgiving") else rx


_HOLIDAY = "|".join(_holiday_rx(k) for k in sorted(HOLIDAYS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_TENW = "|".join(_TENS)
_NUM = (rf"(?:\d+(?:\.\d+)?|(?:{_TENW})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
        r"a couple of|couple of|a dozen|a hundred|a few|few|several|many|some|"
        + "|".join(sorted(_ONES[1:], key=len, reverse=True)) + r"|an|a)")
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_REL = r"(?:this|last|next|the past|the last|the next|the coming|this coming|this past|the previous|the following)"
_MOD = r"(?:(?:the\s+)?(?:early|late|mid|end of|beginning of|start of|middle of)[\s-]+|mid-)"
_PART = r"(?:morning|afternoon|evening|night|tonight)"
_MON_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "centur")
_ZONES = r"(?:[ecmp][sd]t|gmt|utc)"
# "5 p.m.", "4.30am", "17:06 pm"; a 24-hour clock only where the words say it is one ("17:06 hours",
# "13:36 GMT", "1023 GMT"), since "2:30" alone may be a score and "1353" a number
_CLOCK = (
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+" + _ZONES + r")?"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:hours|hrs)\b|(?=\s*(?:local\s+time|\(|" + _ZONES + r")))(?:\s+" + _ZONES + r")?"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*" + _ZONES + r"|(?<=\bat\s)(?:[01]\d|2[0-3])[0-5]\d(?=\s*\(\s*\d{3,4}\s*" + _ZONES + r")"
    r"|noon|midnight)"
)

#: (name, pattern); every name has a resolver ``_r_<name>``. Longest match wins, then list order. A
#: pattern matches case-insensitively but for its ``(?-i:...)`` parts, and is written in lower case.
PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
    ("slash", r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>[0-3]?\d)/(?P<y>\d\d(?:\d\d)?)\b"),
    ("mdy", rf"\b(?:{_WD},?\s+)?(?P<mod>{_MOD})?(?P<mon>{_MON})\s*(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR})|\s+(?P<rel>last|this|next)\s+year)?\b"),
    ("dmy", rf"\b(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?\b"),
    ("my", rf"\b(?P<mod>{_MOD})?(?P<mon>{_MON})(?:,|\s+of)?\s+(?P<y>{_YEAR})\b"),
    ("month", rf"(?:\b(?P<rel>last|next|this|this past|this coming)\s+|\b(?P<mod>{_MOD}))?(?-i:\b(?P<mon>{_MON_ALONE}))\b(?:\s+(?P<ry>this|last|next)\s+year)?"),
    ("may", r"\b(?:(?P<pre>in|since|until|by|during|from|through|of)\s+|(?P<rel>last|next|this)\s+|(?P<mod>early\s+|late\s+|mid-))(?-i:(?P<mon>May))\b"),
    ("year", rf"(?<![$£€\w.,-])(?<!no\. )(?P<mod>{_MOD}|fiscal\s+)?(?P<y>{_YEAR})(?![\w%-]|[.,]\d)"),
    ("decade", r"\b(?:the\s+)?(?P<mod>early|late|mid-?)?\s*(?P<y>(?:1[5-9]|20)\d0|'\d0)'?s\b"),
    ("century", rf"\b(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(CENTURY_ORD)})\s+century\b"),
    ("quarter", rf"\b(?:the\s+)?(?:(?P<y1>{_YEAR})(?:'s)?\s+|(?P<ry>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{_YEAR}))?\b"),
    ("half", rf"\b(?:the\s+)?(?P<h>first|second|last)\s+half(?:\s+of\s+(?P<y>{_YEAR}))?\b"),
    ("the_quarter", r"\b(?:the|this)\s+(?P<cur>latest\s+|most\s+recent\s+|current\s+)?(?:quarter|period)\b(?:\s+a\s+year\s+(?:ago|earlier))?"),
    ("year_period", rf"\bthe\s+(?P<y>{_YEAR})\s+(?:quarter|period)\b"),
    ("anaphor", r"\b(?:the\s+(?P<rel>following|previous|preceding|next)|that)\s+(?P<u>year|month)\b"),
    ("yearago_q", r"\b(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:quarter|period))?\b"),
    ("deictic", r"\b(?P<w>today|yesterday|tomorrow|tonight)\b"),
    ("holiday", rf"\b(?P<hol>{_HOLIDAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),
    ("partday", rf"\b(?P<w>this|last|yesterday|tomorrow|today|{_WD})\s+(?P<p>{_PART})\b"),
    ("present", r"\b(?:now|currently|nowadays|presently|at present|these days|right now)\b"),
    ("past", r"\b(?:recently|lately|the past|previously|formerly|recent(?=\s+(?:years|months|weeks|days|decades)\b))\b"),
    ("future", r"\b(?:the future|soon|the near future)\b"),
    ("relunit", rf"\b(?P<mod>earlier|later|early|late)?\s*(?P<rel>{_REL})\s+(?P<u>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b"),
    ("the_unit", r"\bthe\s+(?P<u>weekend|week|month|year|summer|winter|spring|fall)\b(?!\s+(?:ago|earlier|before|of|in|to|when))"),
    ("ago", rf"\b(?:(?:about|nearly|almost|some|more than|over|just|only|roughly)\s+)?(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?P<dir>ago|earlier|before|later|from now|hence)\b"),
    ("duration", rf"\b(?:(?:the|about|some|nearly|almost|over|more than|less than)\s+)?(?:(?P<rel>first|last|past|next|coming|previous|following|recent|final|latest)\s+)?(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})(?:[\s-]+long)?\b"),
    ("plural", r"\b(?:(?:the\s+)?(?P<rel>past|last|next|coming|recent)\s+(?:(?:few|several|many)\s+)?)?(?P<u>years|months|weeks|days|decades|centuries|hours|quarters)\b"),
    ("set", r"\b(?:every|each|per)\s+(?P<u>day|week|month|quarter|year|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\b(?P<adv>annually|yearly|daily|weekly|monthly|quarterly)\b"),
    ("weekday", rf"\b(?P<rel>last|next|this|this past|this coming|the previous|the following)?\s*(?P<wd>{_WD})\b"),
    ("clock", rf"\b(?P<c>{_CLOCK})(?!\w)"),
]
#: words of which a text must hold one (lower-cased; as written in a ``(?-i:...)`` part) for the pattern
#: to match there: a text without any is not scanned by that pattern (a pattern not named: every text)
NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "slash": ("/",), "mdy": _MON_WORDS, "dmy": _MON_WORDS, "my": _MON_WORDS,
    "month": tuple(_MON_ALONE[3:-1].split("|")), "may": ("May",), "decade": ("0s", "0's"), "century": ("century",),
    "quarter": ("quarter",), "half": ("half",), "the_quarter": ("quarter", "period"),
    "year_period": ("quarter", "period"), "anaphor": ("year", "month"), "yearago_q": ("year",),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"), "partday": ("morning", "afternoon", "evening", "night"),
    "present": ("now", "current", "present", "these days"), "future": ("future", "soon"),
    "past": ("recent", "lately", "the past", "previously", "formerly"),
    "relunit": ("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "fall", "autumn", "winter"),
    "the_unit": ("weekend", "week", "month", "year", "summer", "winter", "spring", "fall"),
    "ago": ("ago", "earlier", "before", "later", "from now", "hence"), "duration": _UNIT_WORDS,
    "plural": ("years", "months", "weeks", "days", "decades", "centuries", "hours", "quarters"),
    "set": ("every", "each", "per", "annually", "yearly", "daily", "weekly", "monthly", "quarterly"),
    "weekday": tuple(_WD[3:-1].split("|")), "clock": ("am", "pm", "a.m.", "p.m.", "noon", "midnight", "hours", "hrs", "gmt", "utc", "local time", "(", "st ", "dt "),
}
#: (name, the pattern case-insensitive, the pattern for lower-cased text or None where a part of it is
#: case-sensitive, the words it needs, whether those are case-sensitive)
_COMPILED = [
    (name, re.compile(p, re.I), None if "(?-i:" in p else re.compile(p), NEEDS.get(name, ()), "(?-i:" in p)
    for name, p in PATTERNS
]
assert all((q := p.replace("(?P<", "")) == q.lower() for _, p in PATTERNS if "(?-i:" not in p), "write patterns lower-case"
_FUTURE = re.compile(r"\b(?:will|'ll|shall|going to|is to|are to|expects?|expected|plans?|planned|scheduled|"
                     r"would|next|coming|upcoming|due to)\b", re.I)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
# fmt: on


@dataclass(frozen=True)
class Span:
    """A candidate expression; ``kind`` names the pattern that found it."""

    start: int
    end: int
    kind: str
    groups: dict


def tag(text: str) -> list[Span]:
    """Candidate spans, non-overlapping, in text order (longest match wins)."""
    low = text.lower()
    # lower-cased text matched case-sensitively finds what the text matched case-insensitively does,
    # where lowering keeps every offset and the text has no letter that ``re.I`` alone equates with
    # another (dotless i, long s); otherwise every pattern reads the text itself
    lowered = len(low) == len(text) and "ı" not in text and "ſ" not in text
    found: list[tuple[int, int, int, Span]] = []
    for rank, (name, rx, lower_rx, needs, cased) in enumerate(_COMPILED):
        if lowered and needs and not any(w in (text if cased else low) for w in needs):
            continue
        for m in lower_rx.finditer(low) if lowered and lower_rx is not None else rx.finditer(text):
            start, end = m.span()
            groups = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
            if groups.get("pre"):
                start = m.start("mon")
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                found.append((-(end - start), rank, start, Span(start, end, name, groups)))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    # the spans taken do not overlap: kept sorted, only the last one starting before a span's end can overlap it
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Span] = []
    for _, _, _, s in found:
        k = bisect.bisect_left(starts, s.end)
        if k and ends[k - 1] > s.start:
            continue
        starts.insert(k, s.start)
        ends.insert(k, s.end)
        chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    return _merge_clock(text, chosen)


def _merge_clock(text: str, spans: list[Span]) -> list[Span]:
    """Join "5 p.m. EST, Nov. 6" / "noon Thursday" / "Friday night" into one TIME span."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind == "clock"
            and s.kind in ("mdy", "weekday", "deictic", "dmy")
            and re.fullmatch(r",?\s*(?:on\s+)?", text[prev.end : s.start])
        ):
            out[-1] = Span(prev.start, s.end, "clockdate", {"clock": prev, "date": s})
            continue
        out.append(s)
    return out
