"""Chart geometry for the server-rendered SVGs (timeline, agreement matrix, framing bars).

Functions here compute coordinates and colours only; the templates in
``templates/_charts.html`` draw them (with autoescaping), so the same charts appear in
the served pages and in the self-contained report without any JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..records import TimelineEntry
from .humandate import human_date, human_day

# Okabe–Ito and friends: distinguishable for colour-blind readers, in print and on screen.
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#7f7f7f",
    "#b8a200",
    "#6a3d9a",
    "#1b9e77",
    "#a6761d",
    "#e7298a",
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[\w:.]*)?)?)?$")  # T10:00, TMO (morning), ...
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def outlet_colours(outlets: list[str | None]) -> dict[str, str]:
    names = sorted({o or "?" for o in outlets}, key=str.lower)
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(names)}


def parse_date(value: str) -> dt.date | None:
    """The first day of an ISO date, month, week or year (``1992``, ``1992-02``, ``1992-W09``,
    ``1992-02-26``); None for what has no place on a date axis (seasons, ``PRESENT_REF``, ...)."""
    value = (value or "").strip()
    try:
        if w := _WEEK.match(value):
            return dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
        m = _DATE.match(value)
        if not m:
            return None
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# ------------------------------------------------------------------ timeline
@dataclass
class Dot:
    x: float
    y: float
    colour: str
    title: str
    href: str


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    lanes: list[tuple[str, float, str]]  # (outlet, y, colour)
    ticks: list[tuple[float, str]]
    dots: list[Dot]
    undated: int
    window: tuple[dt.date, dt.date] | None = None  # set when the chart is zoomed in
    outside: int = 0  # dated entries outside the window
    brackets: list[Bracket] = field(default_factory=list)


@dataclass
class Bracket:
    """Conflicting dates for one fact, drawn as a bracket from the earliest to the latest."""

    first: dt.date
    last: dt.date
    label: str
    href: str = ""
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0


def focus(entries: list[TimelineEntry]) -> tuple[dt.date, dt.date] | None:
    """The window holding the middle 80% of dated entries, when a few outliers (an old
    background date) would otherwise squeeze everything else into one corner; else None."""
    dates = sorted(d for d in (parse_date(e.date) for e in entries) if d)
    if len(dates) < 5:
        return None
    a, b = dates[len(dates) // 10], dates[-1 - len(dates) // 10]
    return (a, b) if (b - a).days >= 1 and (b - a).days * 4 < (dates[-1] - dates[0]).days else None


def timeline(
    entries: list[TimelineEntry],
    width: int = 960,
    lane: int = 34,
    left: int = 170,
    window: tuple[dt.date, dt.date] | None = None,
    brackets: list[Bracket] | None = None,
) -> Timeline:
    dated = [(parse_date(e.date), e) for e in entries]
    points = [(d, e) for d, e in dated if d]
    colours = outlet_colours([o for _, e in points for o in (e.outlets or ("?",))])  # same in zoom and full chart
    outside = 0
    if window:
        inside = [(d, e) for d, e in points if window[0] <= d <= window[1]]
        outside, points = len(points) - len(inside), inside
    outlets = sorted({o or "?" for _, e in points for o in (e.outlets or ("?",))}, key=str.lower)
    lanes: list[tuple[str, float, str]] = [(o, 40 + i * lane, colours[o]) for i, o in enumerate(outlets)]
    ys = {o: y for o, y, _ in lanes}
    height = 40 + len(outlets) * lane + 10
    if not points:
        return Timeline(width, height, left, lanes, [], [], len(entries) - outside, window, outside)
    lo, hi = min(d for d, _ in points), max(d for d, _ in points)
    span = max((hi - lo).days, 1)
    x0, x1 = left + 20, width - 30

    def x(d: dt.date) -> float:
        return round(x0 + (d - lo).days / span * (x1 - x0), 1) if hi != lo else (x0 + x1) / 2

    ticks = []
    years = hi.year - lo.year
    if (hi - lo).days <= 70:  # a story's days: one tick a day (or every few days)
        step = max(1, ((hi - lo).days + 1) // 12)
        ticks = [(x(lo + dt.timedelta(days=i)), human_day(lo + dt.timedelta(days=i))) for i in range(0, span + 1, step)]
    elif years >= 2:
        step = max(1, years // 10)
        first = lo.year + (lo.month > 1 or lo.day > 1)
        ticks = [(x(dt.date(y, 1, 1)), str(y)) for y in range(first, hi.year + 1, step)]
    else:
        m = dt.date(lo.year, lo.month, 1)
        months = []
        while m <= hi:
            if m >= lo:
                months.append(m)
            m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
        step = max(1, len(months) // 12)
        ticks = [(x(m), m.strftime("%Y-%m")) for m in months[::step]]
        if not ticks:
            ticks = [(x(lo), lo.isoformat())]
    dots = []
    row = {id(e): i for i, e in enumerate(entries)}
    for d, e in points:
        for o in e.outlets or ("?",):
            o = o or "?"
            dots.append(Dot(x(d), ys[o], colours[o], f"{human_date(e.date)} — {e.label} ({o})", f"#t-{row[id(e)]}"))
    placed: list[Bracket] = []
    for b in brackets or []:
        if lo <= b.first and b.last <= hi:
            y = height + 6 + 22 * len(placed)
            placed.append(Bracket(b.first, b.last, b.label, b.href, x(b.first), max(x(b.last), x(b.first) + 6), y))
    height += 22 * len(placed) + (8 if placed else 0)
    return Timeline(
        width, height, left, lanes, ticks, dots, len(entries) - len(points) - outside, window, outside, placed
    )


# ------------------------------------------------------------------ matrix
@dataclass
class Cell:
    x: int
    y: int
    colour: str
    counts: dict[str, int]
    a: str
    b: str

    @property
    def label(self) -> str:
        return f"{self.counts.get('agree', 0)}✓ {self.counts.get('conflict', 0)}✗"

    @property
    def title(self) -> str:
        return f"{self.a} × {self.b}: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in self.counts.items())


@dataclass
class Matrix:
    outlets: list[str]
    cells: list[Cell]
    size: int
    left: int
    top: int

    @property
    def width(self) -> int:
        return self.left + self.size * len(self.outlets) + 120  # room for the slanted column labels

    @property
    def height(self) -> int:
        return self.top + self.size * len(self.outlets) + 10


MATRIX_KEYS = ("agree", "conflict", "scope_difference", "update")


def agreement_colour(agree: int, conflict: int) -> str:
    """Green for agreement, red for conflict, blended by their share; grey when neither."""
    if agree + conflict == 0:
        return "#eeeeee"
    share = agree / (agree + conflict)
    red, green = (203, 67, 53), (39, 140, 86)
    rgb = tuple(round(r + (g - r) * share) for r, g in zip(red, green))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def matrix(rows: list[dict], size: int = 84, left: int = 170, top: int = 130) -> Matrix:
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        a, b = row.get("a") or "?", row.get("b") or "?"
        counts = {k: int(row.get(k, 0) or 0) for k in MATRIX_KEYS}
        pairs[(a, b)] = counts
        pairs.setdefault((b, a), counts)
    outlets = sorted({o for p in pairs for o in p}, key=str.lower)
    cells = []
    for i, a in enumerate(outlets):
        for j, b in enumerate(outlets):
            if a == b:
                continue
            counts = pairs.get((a, b), {k: 0 for k in MATRIX_KEYS})
            cells.append(
                Cell(
                    left + j * size, top + i * size, agreement_colour(counts["agree"], counts["conflict"]), counts, a, b
                )
            )
    return Matrix(outlets, cells, size, left, top)


# ------------------------------------------------------------------ framing
@dataclass
class Bar:
    outlet: str
    total: int
    segments: list[tuple[float, float, str, str, int]] = field(default_factory=list)  # x, w, colour, term, n


@dataclass
class FramingGroup:
    category: str
    group: str
    terms: list[tuple[str, str]]  # (term, colour)
    bars: list[Bar]


def framing(rows: list[dict], width: int = 560) -> list[FramingGroup]:
    """One 100%-stacked bar per outlet for each group of alternative terms."""
    counts: dict[tuple[str, str], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        key = (row.get("category") or "", row.get("group") or "")
        outlet = row.get("outlet") or "?"
        counts[key][outlet][row.get("term") or "?"] = int(row.get("count", 0) or 0)
    groups = []
    for (category, group), per_outlet in sorted(counts.items()):
        terms = sorted({t for ts in per_outlet.values() for t in ts})
        colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(terms)}
        bars = []
        for outlet in sorted(per_outlet, key=str.lower):
            total = sum(per_outlet[outlet].values())
            bar, x = Bar(outlet, total), 0.0
            for t in terms:
                n = per_outlet[outlet].get(t, 0)
                if n and total:
                    w = round(n / total * width, 1)
                    bar.segments.append((x, w, colours[t], t, n))
                    x += w
            bars.append(bar)
        groups.append(FramingGroup(category, group, [(t, colours[t]) for t in terms], bars))
    return groups
