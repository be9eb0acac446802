"""Chart geometry: dates, zoom window, agreement colours, framing shares."""

from __future__ import annotations

import datetime as dt

import pytest

from rashomon.records import TimelineEntry
from rashomon.web import charts


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1992", dt.date(1992, 1, 1)),
        ("1992-02", dt.date(1992, 2, 1)),
        ("2025-05-03T10:00", dt.date(2025, 5, 3)),
        ("PRESENT_REF", None),
        ("2025-W18", dt.date(2025, 4, 28)),
        ("2025-SU", None),
        ("2025-13-40", None),
    ],
)
def test_parse_date(value, expected):
    assert charts.parse_date(value) == expected


def entry(date: str, *outlets: str) -> TimelineEntry:
    return TimelineEntry(date, f"event {date}", (), outlets, ())


def test_timeline_lanes_dots_and_zoom():
    entries = [entry("1987", "A")] + [entry(f"2025-05-{d:02d}", "A", "B") for d in range(1, 10)] + [entry("XXXX", "B")]
    chart = charts.timeline(entries)
    assert [o for o, _, _ in chart.lanes] == ["A", "B"] and chart.undated == 1
    assert len(chart.dots) == 19 and min(d.x for d in chart.dots) < max(d.x for d in chart.dots)
    window = charts.focus(entries)
    assert window and window[0] >= dt.date(2025, 5, 1)
    zoom = charts.timeline(entries, window=window)
    assert zoom.outside >= 1 and all(d.href != "#t-0" for d in zoom.dots)  # 1987 is left out
    assert {d.colour for d in zoom.dots} == {d.colour for d in chart.dots}  # one colour per outlet in both
    assert charts.focus(entries[1:5]) is None  # too few entries to zoom


def test_matrix_is_symmetric_and_coloured_by_agreement():
    m = charts.matrix([{"a": "A", "b": "B", "agree": 3, "conflict": 0}, {"a": "A", "b": "C", "conflict": 2}])
    cells = {(c.a, c.b): c for c in m.cells}
    assert m.outlets == ["A", "B", "C"] and len(m.cells) == 6
    assert cells[("B", "A")].counts["agree"] == 3 and cells[("A", "B")].colour == charts.agreement_colour(3, 0)
    assert charts.agreement_colour(0, 0) == "#eeeeee" and charts.agreement_colour(0, 2) == "#cb4335"
    assert cells[("B", "C")].colour == "#eeeeee"


def test_framing_bars_are_shares_per_outlet():
    rows = [
        {"category": "c", "group": "g", "term": "t1", "outlet": "A", "count": 3},
        {"category": "c", "group": "g", "term": "t2", "outlet": "A", "count": 1},
        {"category": "c", "group": "g", "term": "t2", "outlet": "B", "count": 5},
    ]
    (g,) = charts.framing(rows, width=400)
    a, b = g.bars
    assert [s[1] for s in a.segments] == [300.0, 100.0] and [s[3] for s in b.segments] == ["t2"]
    assert b.segments[0][1] == 400.0 and [t for t, _ in g.terms] == ["t1", "t2"]
