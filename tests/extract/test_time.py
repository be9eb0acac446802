"""Time expressions: normalisation against fixed anchors (fictional sentences), and
publication-window inference, including the three seed articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from rashomon.extract import time as time_stage, timerules as timex
from rashomon.extract.time import value_range
from rashomon.records import Document

from ..conftest import SEEDS, need

ANCHOR = "2020-03-04"  # a Wednesday, ISO week 10


@pytest.mark.parametrize(
    "sentence, expr, value, typ",
    [
        (
            "The Vellmark accord was signed on February 25-26, 1992, in Osterby.",
            "February 25-26, 1992",
            "1992-02-25",
            "DATE",
        ),
        ("Talks resumed in March 2019 in Brisk.", "March 2019", "2019-03", "DATE"),
        # "later"/"earlier" count from the day the text last named, "ago" from the report's
        ("The quake hit on Feb. 3. Aid arrived three days later.", "three days later", "2020-02-06", "DATE"),
        ("On Monday he fled. He was caught two days ago.", "two days ago", "2020-03-02", "DATE"),
        # after a day the text never gave: unknown, not the report's day
        ("The plant flooded. Two days later the pumps failed.", "Two days later", None, "DATE"),
        ("The town was founded in 1874.", "1874", "1874", "DATE"),
        ("Trade boomed in the 1990s along the coast.", "the 1990s", "199", "DATE"),
        ("The Quarn dispute lasted 44-day before a truce.", "44-day", "P44D", "DURATION"),
        ("The mill ran for 30 years.", "30 years", "P30Y", "DURATION"),
        ("Nobody knew for years.", "years", "PXY", "DURATION"),
        ("Sales fell last year in Pellow.", "last year", "2019", "DATE"),
        ("The council met this week.", "this week", "2020-W10", "DATE"),
        ("A storm hit the harbour last week.", "last week", "2020-W09", "DATE"),
        ("On Saturday, a bridge collapsed in Tarn.", "Saturday", "2020-02-29", "DATE"),
        ("The mayor will speak on Friday.", "Friday", "2020-03-06", "DATE"),
        ("Earlier this month the ferry sank.", "Earlier this month", "2020-03", "DATE"),
        ("Relations have been warm since 1991.", "1991", "1991", "DATE"),
        ("Fighting broke out on Sept. 27 near the border.", "Sept. 27", "2019-09-27", "DATE"),
        ("The clinic opened yesterday.", "yesterday", "2020-03-03", "DATE"),
        ("The plant closed two years ago.", "two years ago", "2018", "DATE"),
        ("The river is now calm.", "now", "PRESENT_REF", "DATE"),
        ("Prices are currently high.", "currently", "PRESENT_REF", "DATE"),
        ("Profit rose in the third quarter.", "the third quarter", "2019-Q3", "DATE"),
        ("Dues are paid annually.", "annually", "P1Y", "SET"),
        ("The vote is set for 5 p.m. EST, March 6.", "5 p.m. EST, March 6", "2020-03-06T17:00", "TIME"),
        ("The clashes erupted on September 27 last year.", "September 27 last year", "2019-09-27", "DATE"),
        ("Parliament met in May.", "May", "2020-05", "DATE"),
        ("It happened in the 20th century.", "the 20th century", "19", "DATE"),
        # holidays: fixed, movable (the fourth Thursday of November, the last Monday of May, Easter), with a year
        ("A man was shot on New Year's Eve in Tarn.", "New Year's Eve", "2019-12-31", "DATE"),
        ("Crowds gathered on Thanksgiving in Osterby.", "Thanksgiving", "2019-11-28", "DATE"),
        ("Twelve were shot over Memorial Day weekend.", "Memorial Day", "2019-05-27", "DATE"),
        ("The Easter Sunday 2019 parade was calm.", "Easter Sunday 2019", "2019-04-21", "DATE"),
    ],
)
def test_normalise_against_anchor(sentence, expr, value, typ):
    found = {t.text: t for t in timex.extract(sentence, ANCHOR)}
    assert expr in found, f"{expr!r} not tagged in {sentence!r}: {list(found)}"
    assert (found[expr].value, found[expr].type) == (value, typ)


@pytest.mark.parametrize(
    "sentence",
    [
        "The May fair draws 1,275 visitors.",
        "He paid $1999 for 1,275 shoes at No. 1990.",
        "She may come, said the official.",
        "Christmas shopping was slow in Pellow.",
    ],
)
def test_not_time(sentence):
    assert [t.text for t in timex.extract(sentence, ANCHOR) if t.value] == []


@pytest.mark.parametrize(
    "sentence, expr, anchored, unanchored",
    [
        ("The gunman entered about 4 p.m. Friday.", "4 p.m. Friday", "2020-02-28T16:00", "XXXX-WXX-5T16:00"),
        ("They drove into the store at around 4.30am.", "4.30am", "2020-03-04T04:30", "XXXX-XX-XXT04:30"),
        ("The quake hit at 17:06 hours local time.", "17:06 hours", "2020-03-04T17:06", "XXXX-XX-XXT17:06"),
        ("The quake hit at 1353 (1023 GMT).", "1023 GMT", "2020-03-04T10:23", "XXXX-XX-XXT10:23"),
        ("The quake hit at 1353 (1023 GMT).", "1353", "2020-03-04T13:53", "XXXX-XX-XXT13:53"),
        ("It struck at 17:06 pm (1336 GMT).", "17:06 pm", "2020-03-04T17:06", "XXXX-XX-XXT17:06"),
        ("The blast came Friday afternoon.", "Friday afternoon", "2020-02-28TAF", "XXXX-WXX-5TAF"),
        # a clock time takes the day written beside it, not the report's ("local time on Sunday")
        ("It hit at 7:37 a.m. local time on Sunday.", "7:37 a.m.", "2020-03-01T07:37", "XXXX-XX-XXT07:37"),
        ("Police came at 9 p.m.; on Sunday it was calm.", "9 p.m.", "2020-03-04T21:00", "XXXX-XX-XXT21:00"),
    ],
)
def test_clock_times_with_and_without_a_day(sentence, expr, anchored, unanchored):
    """A clock time keeps its value in an undated report (TIMEX3's XXXX-XX-XX day), so two undated
    reports of one event can still be compared to the minute."""
    for anchor, value in ((ANCHOR, anchored), (None, unanchored)):
        found = {t.text: t for t in timex.extract(sentence, anchor)}
        assert expr in found, f"{expr!r} not tagged in {sentence!r}: {list(found)}"
        assert (found[expr].value, found[expr].type) == (value, "TIME")


@pytest.mark.parametrize("sentence", ["The score was 2:30 at the break.", "Chapter 1353 of the code."])
def test_bare_numbers_are_not_clock_times(sentence):
    assert [t.text for t in timex.extract(sentence, ANCHOR) if t.type == "TIME"] == []


def test_no_anchor_keeps_relative_open():
    found = {t.text: t.value for t in timex.extract("It began on Sept. 27 and ended on Saturday, or yesterday.")}
    assert found["Sept. 27"] == "XXXX-09-27"
    assert found["Saturday"] == "XXXX-WXX-6"
    assert found["yesterday"] is None


@given(st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)))
def test_explicit_dates_round_trip(d):
    text = f"The event took place on {d.strftime('%B')} {d.day}, {d.year}."
    (t,) = [t for t in timex.extract(text, ANCHOR) if t.value]
    assert t.value == d.isoformat()
    assert value_range(t.value) == (d, d)


def test_stage_returns_claims_with_offsets(nlp):
    text = "The Vellmark ferry sank on March 2, 2020. Officials said 2000 troops arrived yesterday."
    doc = Document(id="d1", source="x", text=text, raw_text=text, published=ANCHOR)
    claims, published = time_stage.extract(nlp(text), doc)
    assert published == {}
    by_text = {c.text: c for c in claims}
    assert by_text["March 2, 2020"].value_iso == "2020-03-02"
    assert by_text["yesterday"].value_iso == "2020-03-03"
    assert "2000" not in by_text  # a count, not a year
    for c in claims:
        assert text[c.start : c.end] == c.text and c.kind == "time" and c.stage == time_stage.STAGE


@pytest.mark.parametrize(
    "sentence, expr, value",
    [
        # a weekday the clause puts ahead is the coming one; one a plan had set before is past (ANCHOR: a Wednesday)
        ("The Vellmark trial is to resume on Friday.", "Friday", "2020-03-06"),
        ("The offer had been scheduled to expire on Monday.", "Monday", "2020-03-02"),
        ("The terms, announced Monday, would give each holder a bonus.", "Monday", "2020-03-02"),
        ("The Osterby ferry is due to sail on Friday.", "Friday", "2020-03-06"),
    ],
)
def test_weekday_follows_the_clause_tense(nlp, sentence, expr, value):
    doc = Document(id="d", source="x", text=sentence, raw_text=sentence, published=ANCHOR)
    claims, _ = time_stage.extract(nlp(sentence), doc)
    assert {c.text: c.value_iso for c in claims}.get(expr) == value


@pytest.mark.parametrize(
    "sentence, expr, zone",
    [
        ("The quake struck at 0737 GMT on Sunday.", "0737 GMT on Sunday", "UTC"),
        ("The quake struck at 7:37 a.m. local time on Sunday.", "7:37 a.m. local time", "local"),
        ("Polls close at 8 p.m. ET on Tuesday.", "8 p.m. ET", "ET"),
        ("A blast at 9:15 p.m. CEST shook the port.", "9:15 p.m. CEST", "CEST"),
        ("It began at 5 p.m. A man was shot.", "5 p.m.", None),
    ],
)
def test_a_time_of_day_carries_the_zone_it_states(nlp, sentence, expr, zone):
    """The zone's words are part of the claim's evidence; "A" after a time is no zone."""
    doc = Document(id="d", source="x", text=sentence, raw_text=sentence, published=ANCHOR)
    claims, _ = time_stage.extract(nlp(sentence), doc)
    found = {c.text: c for c in claims}
    assert expr in found, list(found)
    assert found[expr].zone == zone


def test_a_clock_takes_the_day_past_a_bracketed_gmt_time(nlp):
    text = "The quake hit at 10:37 a.m. (0737 GMT) Sunday."
    doc = Document(id="d", source="x", text=text, raw_text=text, published=ANCHOR)
    found = {c.text: c for c in time_stage.extract(nlp(text), doc)[0]}
    assert found["10:37 a.m."].value_iso == "2020-03-01T10:37"
    assert (found["0737 GMT"].value_iso, found["0737 GMT"].zone) == ("2020-03-01T07:37", "UTC")


def test_inferred_window_from_anniversary(nlp):
    text = (
        "Dalmark marks the first anniversary of the Brisk war. The fighting began on June 3 last year. "
        "On August 20, 2015, both sides signed a truce in Osterby."
    )
    doc = Document(id="d2", source="x", text=text, raw_text=text)
    claims, published = time_stage.extract(nlp(text), doc)
    lo, hi = published["published_window"]
    assert published["published_how"] == "inferred"
    assert "2016-06-01" <= lo <= "2016-08-20" <= hi <= "2016-12-31"
    assert "anniversary" in published["published_evidence"]
    assert {c.text: c.value_iso for c in claims}["June 3 last year"] == "2015-06-03"


def test_undated_without_evidence_gives_nothing(nlp):
    text = "The Vellmark ferry sank on Saturday."
    claims, published = time_stage.extract(nlp(text), Document(id="d3", source="x", text=text, raw_text=text))
    assert published == {}


def _seed(nlp, prefix):
    path = next(iter(sorted(need(SEEDS).glob(f"{prefix}_*.txt"))), None)
    if path is None:
        pytest.skip(f"seed {prefix} missing")
    text = path.read_text(encoding="utf-8")
    return time_stage.extract(nlp(text), Document(id=prefix, source=path.name, text=text, raw_text=text))


def test_seed_windows(nlp):
    _, p2 = _seed(nlp, "002")  # first anniversary of a war that ended in November 2020
    lo, hi = p2["published_window"]
    assert lo.startswith("2021") and hi.startswith("2021")
    _, p4 = _seed(nlp, "004")  # only the 1990s and a year-less Sept. 27: a lower bound
    assert p4["published_window"][0] >= "2000-01-01"
    _, p3 = _seed(nlp, "003")
    assert p3["published_window"][0] == "2020-03-04"


def _tag_reference(text):
    """What :func:`timetag.tag` returns, the slow way: every pattern case-insensitive over the text
    itself (no lower-cased copy, no word checks), overlaps checked against every span taken."""
    from rashomon.extract import timetag

    found = []
    for rank, (name, pattern) in enumerate(timetag.PATTERNS):
        for m in re.finditer(pattern, text, re.I):
            start, end = m.span()
            if m.groupdict().get("pre"):
                start = m.start("mon")
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                groups = {k: v for k, v in m.groupdict().items() if v}
                found.append((-(end - start), rank, start, timetag.Span(start, end, name, groups)))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    taken, chosen = [], []
    for *_, s in found:
        if not any(s.start < e and b < s.end for b, e in taken):
            taken.append((s.start, s.end))
            chosen.append(s)
    return timetag._merge_clock(text, sorted(chosen, key=lambda s: s.start))


_TIME_WORDS = (
    "the last next this past early late mid- of in may May MAY June JUNE 3 31st 2021 1990s '90s century 21st "
    "quarter first half year years ago earlier from now monday Tuesday tonight morning a.m. p.m. 5 pm EST noon "
    "every day daily few several twenty-one dozen hours weeks , . - – / 12/25/2020 2020-01-02 No. ſ ı İ K fiscal "
    "period recently soon"
).split()


@given(st.lists(st.tuples(st.sampled_from(_TIME_WORDS), st.sampled_from([" ", "  ", "\n", ", ", "\n\n", "-"]),
                          st.sampled_from([str, str.upper, str.capitalize])), max_size=16))  # fmt: skip
def test_tagging_matches_the_plain_case_insensitive_scan(parts):
    """The tagger's shortcuts (a lower-cased copy matched case-sensitively, patterns skipped where a text
    lacks the words they need, overlaps found by bisection) find what the plain scan finds."""
    text = "".join(case(w) + sep for w, sep, case in parts)
    assert timex.tag(text) == _tag_reference(text)
