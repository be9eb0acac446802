"""Rule-based temporal tagger and TIMEX3 normaliser (text in, spans with values out).

This module owns the grammar of English news time expressions and their TIMEX3
``value`` given an anchor date (the document creation time).  It needs no spaCy:
``tag(text)`` finds candidate spans with compiled regexes (longest match wins), and
``normalise(text, spans, anchor)`` resolves them in reading order, keeping a little
discourse state (the last quarter mentioned, for "a year earlier" in earnings news).

Values follow TimeML: ``1992-02-25``, ``1992-02``, ``1992``, ``199`` (a decade), ``19``
(a century), ``1989-Q3``, ``2020-W10``, ``1998-SU``, ``P44D``/``PXY`` (durations),
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, ``1998-01-20TEV``, ``1989-11-06T17:00``.
Without an anchor, relative expressions keep underspecified values (``XXXX-09-27``,
``XXXX-WXX-6``) or ``None``; :func:`is_absolute` tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeGuard

from .timetag import (
    _FUTURE,
    _SENT_END,
    _TENS,
    CENTURY_ORD,
    HOLIDAYS,
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    Span,
    tag,
)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | DURATION | SET | TIME
    value: str | None


# ------------------------------------------------------------------ resolution
def parse_anchor(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def is_absolute(value: str | None) -> TypeGuard[str]:
    """True when ``value`` names a point on the calendar (not a duration, ref or X-pattern)."""
    if not value:
        return False
    return value[0].isdigit() and "X" not in value


def _num(word: str) -> int | float | None:
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d+(\.\d+)?", w):
        f = float(w)
        return int(f) if f.is_integer() else f
    if w in NUMBERS:
        return NUMBERS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBERS:
        return _TENS[parts[0]] + (NUMBERS[parts[1]] or 0)
    return None


def _unit(word: str) -> str:
    w = word.lower()
    w = "century" if w.startswith("centur") else w.rstrip("s")
    return w


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS[w] if w in MONTHS else MONTHS[w[:3]]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


class _Resolver:
    """Resolves spans in reading order against an anchor; ``precision`` is "day" for a
    known publication date and "year" for an inferred year (day-relative stays open)."""

    def __init__(
        self,
        text: str,
        anchor: date | None,
        precision: str = "day",
        future_at: Callable[[int, int], bool] | None = None,
    ):
        self.text, self.anchor, self.precision = text, anchor, precision
        self.future_at = future_at or self._future_text
        self.last_quarter: tuple[int, int] | None = None
        self.last_date: tuple[int, int | None] | None = None  # (year, month) of the last absolute date
        self.last_day: date | None = None  # the last day a date expression resolved to ("On Monday ...")

    def _future_text(self, start: int, end: int) -> bool:
        a = max(
            (m.end() for m in _SENT_END.finditer(self.text, max(0, start - 300), start)), default=max(0, start - 300)
        )
        m = _SENT_END.search(self.text, end)
        return bool(_FUTURE.search(self.text, a, m.start() if m else len(self.text)))

    @property
    def day(self) -> date | None:
        return self.anchor if self.precision == "day" else None

    def resolve(self, s: Span) -> tuple[str, str | None]:
        return getattr(self, f"_r_{s.kind}")(s, s.groups)

    # -------------------------------------------------------------- absolute dates
    def _r_iso(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}"

    def _r_slash(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        y = int(g["y"])
        y = y + (1900 if y >= 30 else 2000) if y < 100 else y
        return "DATE", f"{y:04d}-{int(g['m']):02d}-{int(g['d']):02d}"

    def _r_mdy(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        mon, d = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        if "y" in g:
            return "DATE", f"{g['y']}-{mon:02d}-{d:02d}"
        if "rel" in g:
            if self.anchor is None:
                return "DATE", f"XXXX-{mon:02d}-{d:02d}"
            k = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
            return "DATE", f"{self.anchor.year + k}-{mon:02d}-{d:02d}"
        return "DATE", self._year_for(s, mon, d)

    _r_dmy = _r_mdy

    def _r_my(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", f"{g['y']}-{_month(g['mon']):02d}"

    def _r_month(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        mon = _month(g["mon"])
        rel = (g.get("rel") or "").lower()
        a = self.anchor
        if a is None:
            return "DATE", f"XXXX-{mon:02d}"
        if g.get("ry"):
            return "DATE", f"{a.year + {'last': -1, 'this': 0, 'next': 1}[g['ry'].lower()]}-{mon:02d}"
        if rel in ("last", "this past"):
            y = a.year if mon < a.month else a.year - 1
        elif rel in ("next", "this coming"):
            y = a.year if mon > a.month else a.year + 1
        elif rel == "this":
            y = a.year
        else:
            fut = self.future_at(s.start, s.end)
            y = a.year
            if fut and mon < a.month - 1:
                y += 1
            elif not fut and mon > a.month + 2:
                y -= 1
        return "DATE", f"{y}-{mon:02d}"

    _r_may = _r_month

    def _year_for(self, s: Span, mon: int, d: int) -> str:
        a = self.anchor
        if a is None:
            return f"XXXX-{mon:02d}-{d:02d}"
        return self._nearest(s, lambda y: date(y, mon, d)) or f"{a.year}-{mon:02d}-{d:02d}"

    def _r_holiday(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        rule = HOLIDAYS[re.sub(r"['’.]", "", g["hol"].lower())]
        if "y" in g:
            return "DATE", holiday(rule, int(g["y"])).isoformat()
        if self.anchor is None:
            return "DATE", f"XXXX-{rule[1]:02d}-{rule[2]:02d}" if rule[0] == "fixed" else None
        return "DATE", self._nearest(s, lambda y: holiday(rule, y))

    def _nearest(self, s: Span, day_in: Callable[[int], date]) -> str | None:
        """The day ``day_in`` gives in the anchor's year or one either side nearest the anchor: in the past
        unless the clause is about the future (a day up to 45 days ahead is still news of the past)."""
        a = self.anchor
        assert a is not None
        fut = self.future_at(s.start, s.end)
        best = None
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                cand = day_in(y)
            except ValueError:
                continue
            diff = (cand - a).days
            cost = abs(diff) + (400 if (fut and diff < -3) or (not fut and diff > 45) else 0)
            if best is None or cost < best[0]:
                best = (cost, cand)
        return best[1].isoformat() if best else None

    def _r_year(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", g["y"]

    def _r_decade(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        y = g["y"]
        if y.startswith("'"):
            y = ("19" if int(y[1]) >= 3 else "20") + y[1:]
        return "DATE", y[:3]

    def _r_century(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        n = g["n"].lower()
        c = CENTURY_ORD.get(n) or int(re.sub(r"\D", "", n))
        return "DATE", f"{c - 1:02d}"

    # --------------------------------------------------------------- quarters
    def _r_quarter(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        q = ORDINALS[g["q"].lower()]
        y = g.get("y1") or g.get("y2")
        if y is None and g.get("ry") and self.anchor is not None:
            y = self.anchor.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
        if y is None:
            if self.anchor is None:
                return "DATE", f"XXXX-Q{q}"
            a = self.anchor
            y = a.year - 1 if q > _quarter(a) and not self.future_at(s.start, s.end) else a.year
        self.last_quarter = (int(y), q)
        return "DATE", f"{y}-Q{q}"

    def _r_half(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        h = 1 if g["h"].lower() == "first" else 2
        y = g.get("y") or (self.anchor.year if self.anchor else None)
        return "DATE", f"{y}-H{h}" if y else f"XXXX-H{h}"

    def _current_quarter(self) -> tuple[int, int] | None:
        if self.last_quarter:
            return self.last_quarter
        if self.day is None:
            return None
        y, m = _shift_month(self.day.year, self.day.month, -3)
        return (y, (m - 1) // 3 + 1)

    def _r_the_quarter(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        cq = self._current_quarter()
        if cq is None:
            return "DATE", None
        y, q = cq
        if (g.get("cur") or "").strip().lower() == "current" or self.text[s.start : s.end].lower().startswith("this"):
            if self.anchor is None:
                return "DATE", None
            y, q = self.anchor.year, _quarter(self.anchor)
        if re.search(r"year\s+(ago|earlier)", self.text[s.start : s.end], re.I):
            y -= 1
        self.last_quarter = (y, q)
        return "DATE", f"{y}-Q{q}"

    def _r_year_period(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        if self.last_quarter:
            return "DATE", f"{g['y']}-Q{self.last_quarter[1]}"
        return "DATE", g["y"]

    def _r_anaphor(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        if self.last_date is None:
            return "DATE", None
        k = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get((g.get("rel") or "").lower(), 0)
        y, m = self.last_date
        if g["u"].lower() == "year":
            return "DATE", str(y + k)
        if m is None:
            return "DATE", None
        y, m = _shift_month(y, m, k)
        return "DATE", f"{y}-{m:02d}"

    def _r_yearago_q(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        if self.last_quarter:
            return "DATE", f"{self.last_quarter[0] - 1}-Q{self.last_quarter[1]}"
        return "DATE", str(self.anchor.year - 1) if self.anchor else None

    # ---------------------------------------------------------------- deictic
    def _r_deictic(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        w = g["w"].lower()
        if self.day is None:
            return "DATE", None
        d = self.day + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w])
        return ("TIME", f"{d.isoformat()}TNI") if w == "tonight" else ("DATE", d.isoformat())

    def _r_partday(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        w, p = g["w"].lower(), g["p"].lower()
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}[p]
        if self.day is None:  # an undated report: the weekday's part of the day, or the part alone
            return "TIME", f"XXXX-WXX-{WEEKDAYS[w]}T{code}" if w in WEEKDAYS else f"XXXX-XX-XXT{code}"
        if w in WEEKDAYS:
            d = self._weekday_date(s, WEEKDAYS[w], "")
        else:
            d = self.day + timedelta(days={"this": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[w])
        return "TIME", f"{d.isoformat()}T{code}"

    def _r_present(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", "PRESENT_REF"

    def _r_past(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", "PAST_REF"

    def _r_future(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        return "DATE", "FUTURE_REF"

    def _r_relunit(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        rel, u = g["rel"].lower(), g["u"].lower()
        k = {
            "this": 0,
            "last": -1,
            "next": 1,
            "the past": -1,
            "the last": -1,
            "the next": 1,
            "the coming": 1,
            "this coming": 1,
            "this past": -1,
            "the previous": -1,
            "the following": 1,
        }[rel]
        if u in SEASONS and rel == "this past" and self.anchor is not None:
            k = 0 if {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASONS[u]] < self.anchor.month else -1
        if rel in ("the past", "the last", "the next", "the coming") and u not in ("year", "decade", "century"):
            return "DURATION", f"P1{UNITS[u]}" if u not in SEASONS else None
        return "DATE", self._shift(u, k)

    def _r_the_unit(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        u = g["u"].lower()
        if u == "year":
            return "DURATION", "P1Y"
        if u == "weekend" and self.day is not None and self.day.isoweekday() < 6 and not self.future_at(s.start, s.end):
            return "DATE", self._shift(u, -1)
        return "DATE", self._shift(u, 0)

    def _shift(self, u: str, k: int) -> str | None:
        a = self.anchor
        if a is None:
            return None
        if u == "year":
            return str(a.year + k)
        if u == "decade":
            return str(a.year // 10 + k)
        if u == "century":
            return f"{a.year // 100 + k:02d}"
        if u in SEASONS:
            return f"{a.year + k}-{SEASONS[u]}"
        if u == "quarter":
            y, m = _shift_month(a.year, a.month, 3 * k)
            return f"{y}-Q{(m - 1) // 3 + 1}"
        d = self.day
        if d is None:
            return None
        if u == "month":
            y, m = _shift_month(d.year, d.month, k)
            return f"{y}-{m:02d}"
        if u in ("week", "weekend"):
            return _week(d + timedelta(weeks=k)) + ("-WE" if u == "weekend" else "")
        return None

    def _r_ago(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        n, u, direction = _num(g["n"]), _unit(g["u"]), g["dir"].lower()
        sign = 1 if direction in ("later", "from now", "hence") else -1
        a = self.anchor
        if a is None or n is None or u not in ("day", "week", "month", "quarter", "year", "decade"):
            return "DATE", None
        n = int(n)
        if u == "year":
            if self.last_quarter and direction in ("earlier", "ago") and n == 1:
                return "DATE", f"{self.last_quarter[0] - 1}-Q{self.last_quarter[1]}"
            return "DATE", str(a.year + sign * n)
        if u == "decade":
            return "DATE", str(a.year // 10 + sign * n)
        if u == "quarter":
            y, m = _shift_month(a.year, a.month, 3 * sign * n)
            return "DATE", f"{y}-Q{(m - 1) // 3 + 1}"
        if self.day is None:
            return "DATE", None
        if u == "month":
            y, m = _shift_month(a.year, a.month, sign * n)
            return "DATE", f"{y}-{m:02d}"
        if direction in ("later", "earlier", "before"):
            if self.last_day is None:
                return "DATE", None  # "two days later", after a day the text never gave: not the report's day
            a = self.last_day  # "The quake hit on Feb. 3. Aid arrived three days later": after Feb. 3, not the report
        if u == "week":
            return "DATE", _week(a + timedelta(weeks=sign * n))
        return "DATE", (a + timedelta(days=sign * n)).isoformat()

    # --------------------------------------------------------------- durations
    def _r_duration(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        n, u = _num(g["n"]), _unit(g["u"])
        if u == "second" and g["n"].lower() in ("a", "an"):
            return "DURATION", None  # "a second missile": the ordinal, not a duration
        if u == "weekend":
            return "DURATION", "P1WE" if n == 1 else None
        if u in ("decade", "century"):
            years = None if n is None else n * (10 if u == "decade" else 100)
            return "DURATION", f"P{_fmt(years)}Y" if years is not None else f"PX{'DE' if u == 'decade' else 'C'}"
        if u == "quarter" and n is not None and n > 1:
            return "DURATION", f"P{_fmt(3 * n)}M"
        code = UNITS[u]
        t = "T" if u in ("second", "minute", "hour") else ""
        return "DURATION", f"P{t}{_fmt(n) if n is not None else 'X'}{code}"

    def _r_plural(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        rel = (g.get("rel") or "").lower()
        if rel:
            return "DATE", "FUTURE_REF" if rel in ("next", "coming") else "PAST_REF"
        u = _unit(g["u"])
        code = {"decade": "DE", "century": "C"}.get(u, UNITS[u])
        t = "T" if u == "hour" else ""
        return "DURATION", f"P{t}X{code}"

    def _r_set(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        if g.get("wd"):
            return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
        if g.get("adv"):
            word = g["adv"].lower()
            u = {"annually": "Y", "yearly": "Y", "daily": "D", "weekly": "W", "monthly": "M", "quarterly": "Q"}[word]
            return "SET", f"P1{u}"
        return "SET", f"P1{UNITS[g['u'].lower()]}"

    # ---------------------------------------------------------------- weekdays
    def _weekday_date(self, s: Span, wd: int, rel: str) -> date:
        a = self.day
        assert a is not None
        delta = wd - a.isoweekday()
        if rel in ("next", "this coming", "the following") or (
            not rel and self.future_at(s.start, s.end) and delta != 0
        ):
            return a + timedelta(days=delta if delta > 0 else delta + 7)
        if rel in ("last", "this past", "the previous"):
            return a + timedelta(days=delta if delta < 0 else delta - 7)
        if rel == "this":
            return a + timedelta(days=delta)
        return a + timedelta(days=delta if delta <= 0 else delta - 7)

    def _r_weekday(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        wd = WEEKDAYS[g["wd"].lower()]
        if self.day is None:
            return "DATE", f"XXXX-WXX-{wd}"
        return "DATE", self._weekday_date(s, wd, (g.get("rel") or "").lower()).isoformat()

    def _r_clock(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        hm = _clock(g["c"])
        if hm is None:
            return "TIME", None
        # no day to anchor it on (an undated report): the clock time alone, as TIMEX3 writes it
        return "TIME", f"{self.day.isoformat() if self.day else 'XXXX-XX-XX'}T{hm}"

    def _r_clockdate(self, s: Span, g: dict[str, Any]) -> tuple[str, str | None]:
        hm = _clock(self.text[g["clock"].start : g["clock"].end])
        _, day = self.resolve(g["date"])
        if hm is None:
            return "TIME", None
        if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-WXX-\d", day):
            day = "XXXX-XX-XX"  # the clock time alone: its day is not known
        return "TIME", f"{day}T{hm}"


def _fmt(n: int | float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _clock(text: str) -> str | None:
    t = text.lower()
    if t.startswith("noon"):
        return "12:00"
    if t.startswith("midnight"):
        return "24"
    m = re.match(r"(\d{1,2})(?:[:.]?(\d\d))?\s*([ap]\.?m\b)?", t)
    if not m or (m[3] is None and m[2] is None):
        return None
    h = int(m[1])
    if m[3] and h <= 12:  # "17:06 pm" is a 24-hour clock with a stray suffix
        h = h % 12 + (12 if m[3][0] == "p" else 0)
    return f"{h:02d}:{m[2] or '00'}"  # TIMEX3 writes "5 p.m." as T17:00


def holiday(rule: tuple, year: int) -> date:
    """The day of a holiday rule (:data:`.timetag.HOLIDAYS`) in ``year``."""
    if rule[0] == "fixed":
        return date(year, rule[1], rule[2])
    if rule[0] == "after":
        return holiday(HOLIDAYS[rule[1]], year) + timedelta(days=rule[2])
    if rule[0] == "easter":  # the Gregorian computus (Meeus/Jones/Butcher)
        a, b, c = year % 19, year // 100, year % 100
        d, e, f = b // 4, b % 4, (b + 8) // 25
        h = (19 * a + b - d - (b - f + 1) // 3 + 15) % 30
        k = (32 + 2 * e + 2 * (c // 4) - h - c % 4) % 7
        m = (a + 11 * h + 22 * k) // 451
        return date(year, (h + k - 7 * m + 114) // 31, (h + k - 7 * m + 114) % 31 + 1)
    _, month, weekday, n = rule
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_EXPLICIT = {"iso", "slash", "mdy", "dmy", "my", "year"}


def normalise(
    text: str,
    spans: list[Span],
    anchor: date | None,
    precision: str = "day",
    future_at: Callable[[int, int], bool] | None = None,
) -> list[Timex]:
    """Resolve ``spans`` (from :func:`tag`) in reading order against ``anchor``."""
    r = _Resolver(text, anchor, precision, future_at)
    out = []
    for s in spans:
        typ, value = r.resolve(s)
        m = re.match(r"(\d{4})(?:-(\d\d))?", value or "")
        if m and typ != "DURATION" and s.kind in _EXPLICIT:
            r.last_date = (int(m[1]), int(m[2]) if m[2] else None)
        if typ == "DATE" and value and _DAY_VALUE.fullmatch(value):
            r.last_day = date.fromisoformat(value)
        out.append(Timex(s.start, s.end, text[s.start : s.end], typ, value))
    return _clock_days(text, out, anchor)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_BETWEEN_CLOCK_AND_DAY = re.compile(r"[^.;!?\n]{0,25}")  # "7:37 a.m. local time on Sunday", "Sunday at 7:37"
# a time expression that names its own day ("Sunday at 9", "Feb. 3 at noon", "3/1 at 9", "2020-03-01T09:00")
_OWN_DAY = re.compile(r"(?i)\d{4}-\d\d-\d\d|day|night|\d/|" + "|".join(m[:3] for m in MONTH_NAMES))


def _clock_days(text: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """A clock time dated only by the anchor ("7:37 a.m." read as the publication day) takes the day of a date
    written beside it in its sentence ("at 7:37 a.m. local time on Sunday"; "Sunday at 7:37 a.m."; "at 10:37 a.m.
    (0737 GMT) Sunday")."""
    if anchor is None:
        return found
    out = list(found)
    for k, t in enumerate(found):
        if t.type != "TIME" or not (t.value or "").startswith(f"{anchor.isoformat()}T"):
            continue
        if _OWN_DAY.search(t.text):
            continue  # the expression names its day itself
        after = next((j for j in range(k + 1, len(found)) if found[j].type != "TIME"), len(found))
        for j in (after, k - 1):  # the date after it, past another clock ("10:37 a.m. (0737 GMT) Sunday"), or before
            if not 0 <= j < len(found):
                continue
            d = found[j]
            a, b = (t.end, d.start) if j > k else (d.end, t.start)
            if (
                d.type == "DATE"
                and d.value
                and _DAY_VALUE.fullmatch(d.value)
                and _BETWEEN_CLOCK_AND_DAY.fullmatch(text[a:b])
            ):
                out[k] = Timex(t.start, t.end, t.text, t.type, d.value + t.value[10:])  # type: ignore[index]
                break
    return out


def extract(text: str, anchor: str | date | None = None) -> list[Timex]:
    """Tag and normalise in one call (anchor: ISO date string or date)."""
    a = parse_anchor(anchor) if isinstance(anchor, str) or anchor is None else anchor
    return normalise(text, tag(text), a)
