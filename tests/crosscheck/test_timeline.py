"""Timeline: ordering of truncated dates, grouping across outlets, cross-source years,
and the seed articles ordered from the 1940s to 2021."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rashomon.crosscheck import timeline
from rashomon.records import Document, make_claim
from tests.crosscheck._claims import at, when

from ..conftest import SEEDS, need


def _doc(i, text, outlet, published=None):
    return Document(id=i, source=f"{i}.txt", text=text, raw_text=text, outlet=outlet, published=published)


def _event(doc, evidence, action, when, actor="Vellmark rebels", target=None):
    return at(doc, "event", evidence, "events@1", actor=actor, action=action, predicate=action + "ed", target=target,
              time=when)  # fmt: skip


@pytest.mark.parametrize(
    "values, order",
    [
        (["1992-02-25", "1992", "199", "1991-12"], ["199", "1991-12", "1992", "1992-02-25"]),
        (["2020-W10", "2020-03", "2020-Q1", "2019"], ["2019", "2020-Q1", "2020-03", "2020-W10"]),
        (["2025-SU", "2025-05", "2025-FA", "2025-07-01"], ["2025-05", "2025-SU", "2025-07-01", "2025-FA"]),
        (["2025-05-04T10", "2025-05-04", "2025-05-04TMO"], ["2025-05-04", "2025-05-04T10", "2025-05-04TMO"]),
    ],
)
def test_sort_key(values, order):
    assert sorted(values, key=timeline.sort_key) == order


def test_groups_same_date_and_action_across_outlets():
    a = _doc("a", "Vellmark rebels burned the granary on 3 May 2019.", "Daily Osterby")
    b = _doc("b", "The granary was burned by Vellmark rebels on May 3, 2019.", "Brisk Herald")
    c = _doc("c", "Vellmark rebels burned a mill in 1991 near Tarn.", "Daily Osterby")
    claims = [
        _event(a, "Vellmark rebels burned the granary", "burn", "2019-05-03", target="granary"),
        _event(b, "The granary was burned by Vellmark rebels", "burn", "2019-05-03", target="granary"),
        _event(c, "Vellmark rebels burned a mill", "burn", "1991", target="mill"),
    ]
    entries = timeline.build(claims, [a, b, c])
    assert [e.date for e in entries] == ["1991", "2019-05-03"]
    assert set(entries[1].outlets) == {"Daily Osterby", "Brisk Herald"} and len(entries[1].claims) == 2
    assert entries[1].label.startswith("2019-05-03: Vellmark rebels burned granary")


def test_skips_unresolved_and_borrows_years_across_sources():
    a = _doc("a", "The Tarn clashes erupted on June 3, 2018 near the dam.", "A")
    b = _doc("b", "Fighting erupted on June 3 and the mayor fled on Saturday.", "B")
    claims = [
        _event(a, "The Tarn clashes erupted", "erupt", "2018-06-03"),
        _event(b, "Fighting erupted", "erupt", "XXXX-06-03"),
        _event(b, "the mayor fled", "flee", "XXXX-WXX-6"),
        when(b, "Saturday", "XXXX-WXX-6"),
    ]
    entries = timeline.build(claims, [a, b])
    assert [(e.date, e.outlets) for e in entries] == [("2018-06-03", ("A", "B"))]
    refined = timeline.refine_publication([a, b], claims)
    assert refined["b"]["published_window"] == ("2018-06-03", "2018-09-03")
    assert "a" not in refined


def test_dated_sentence_without_event_is_an_entry():
    a = _doc("a", "Relations between Dalmark and Brisk have been tense since 1991 over the river.", "A")
    entries = timeline.build([when(a, "1991", "1991")], [a])
    assert len(entries) == 1 and entries[0].label.startswith("1991: Relations between Dalmark")


def test_seed_timeline_order(nlp):
    from rashomon.extract import events, time as time_stage

    docs, claims = [], []
    for path in sorted(need(SEEDS).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        d = _doc(path.stem, text, path.stem)
        sdoc = nlp(text)
        times, _ = time_stage.extract(sdoc, d)
        docs.append(d)
        claims += times + events.extract(sdoc, d, times=times)
    entries = timeline.build(claims, docs)
    dates = [e.date for e in entries]
    assert dates == sorted(dates, key=timeline.sort_key)
    assert dates[0].startswith("194") and dates[-1][:4] in ("2020", "2021")
    assert any(e.date == "1992-02-25" and "Khojaly" in e.label for e in entries)
    erupted = [e for e in entries if e.date == "2020-09-27"]
    assert erupted and len(erupted[0].docs) == 2  # the year-less "Sept. 27" joins the dated one


@pytest.mark.parametrize(
    "value, text",
    [
        ("199", "1990s"),
        ("2024-FA", "autumn 2024"),
        ("2025-SU", "summer 2025"),
        ("2025-W18", "week of 28 April 2025"),
        ("2025-05-01TMO", "2025-05-01 morning"),
        ("2025-05-04T10", "2025-05-04 10:00"),
        ("2025-Q2", "Q2 2025"),
        ("1992-02", "1992-02"),
        ("1992-02-25", "1992-02-25"),
    ],
)
def test_readable_dates(value, text):
    assert timeline.readable(value) == text


def test_labels_use_readable_dates():
    a = _doc("a", "The fighting is the worst since the 1990s, when thousands of people died.", "A")
    (e,) = timeline.build([when(a, "1990s", "199")], [a])
    assert e.date == "199" and e.label.startswith("1990s: The fighting")


def test_dateline_and_filing_day_are_not_events():
    text = "TARN, 4 May 2025 — 9 people were killed when a shell hit the depot, officials said.\nMore later."
    a = _doc("a", text, "A", "2025-05-04")
    s = text.index("9 people")
    q = make_claim(
        id="q1", doc="a", kind="quantity", start=s, end=s + 8, text="9 people", stage="t", value=9, time="2025-05-04"
    )
    assert timeline.build([when(a, "4 May 2025", "2025-05-04"), q], [a]) == []
    # the same figure dated by a weekday in its own sentence is an event of that day
    b = _doc("b", "9 people were killed on Saturday when a shell hit the depot in Tarn.", "B", "2025-05-04")
    s = b.text.index("9 people")
    q = make_claim(
        id="q2", doc="b", kind="quantity", start=s, end=s + 8, text="9 people", stage="t", value=9, time="2025-05-03"
    )
    (e,) = timeline.build([when(b, "Saturday", "2025-05-03"), q], [b])
    assert e.date == "2025-05-03"


def test_one_event_with_different_figures_lists_each_version():
    a = _doc("a", "In Tarn 7 civilians were killed on 3 May 2025.", "Voice")
    b = _doc("b", "In Tarn 9 people were killed on 3 May 2025.", "Times")
    claims = [
        _event(a, "7 civilians were killed", "kill", "2025-05-03", actor=None, target="7 civilians"),
        _event(b, "9 people were killed", "kill", "2025-05-03", actor=None, target="9 people"),
    ]
    claims = [replace(c, predicate="were killed") for c in claims]
    (e,) = timeline.build(claims, [a, b])
    assert "7 civilians were killed (Voice)" in e.label and "9 people were killed (Times)" in e.label


def test_pronoun_events_are_labelled_by_their_sentence():
    a = _doc("a", "Many families who fled in April 2025 still sleep in school gyms.", "A")
    (e,) = timeline.build([_event(a, "who fled in April 2025", "flee", "2025-04", actor="who")], [a])
    assert e.label == "2025-04: Many families who fled in April 2025 still sleep in school gyms."


def test_an_event_and_a_figure_of_one_sentence_are_one_entry():
    a = _doc("a", "Troops took the city on 30 April after besieging it for ten days.\nNext line.", "A")
    q = make_claim(
        id="q",
        doc="a",
        kind="quantity",
        start=a.text.index("ten days"),
        end=a.text.index("ten days") + 8,
        text="ten days",
        stage="t",
        value=10,
        unit="day",
        time="2025-04-30",
    )
    ev = _event(
        a,
        "Troops took the city on 30 April after besieging it for ten days.",
        "take",
        "2025-04-30",
        actor="Troops",
        target="city",
    )
    assert len(timeline.build([ev, q], [a])) == 1
