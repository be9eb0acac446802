"""Events: actor/action/target/place/time from fictional sentences (precision first)."""

from __future__ import annotations

import pytest

from rashomon.extract import events, time as time_stage
from rashomon.records import Document

ANCHOR = "2020-03-04"


def _events(nlp, text):
    doc = Document(id="d", source="x", text=text, raw_text=text, published=ANCHOR)
    sdoc = nlp(text)
    times, _ = time_stage.extract(sdoc, doc)
    return events.extract(sdoc, doc, times=times)


@pytest.mark.parametrize(
    "text, actor, action, target, time",
    [
        (
            "On March 2, 2019, Vellmark rebels burned the granary in Osterby.",
            "Vellmark rebels",
            "burn",
            "granary",
            "2019-03-02",
        ),
        ("In 1874, the Dalmark council founded a school.", "Dalmark council", "found", "school", "1874"),
        (
            "Dozens of houses were destroyed by the flood yesterday.",
            "flood",
            "destroy",
            "Dozens of houses",
            "2020-03-03",
        ),
    ],
)
def test_event_fields(nlp, text, actor, action, target, time):
    found = _events(nlp, text)
    match = [e for e in found if e.action == action]
    assert match, f"no {action!r} event in {[(e.action, e.actor) for e in found]}"
    e = match[0]
    assert (e.actor, e.target, e.time) == (actor, target, time)
    assert text[e.start : e.end] == e.text and e.kind == "event" and e.stage == events.STAGE


def test_place(nlp):
    (e,) = [e for e in _events(nlp, "Troops shelled the depot in Osterby on Monday.") if e.action == "shell"]
    assert e.place == "Osterby" and e.time == "2020-03-02"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks were useful.",
        "The rebels did not burn the granary.",
        "The rebels could burn the granary.",
        "The rebels will burn the granary next week.",
        "Officials believe the mayor knows the answer.",
    ],
)
def test_not_events(nlp, text):
    assert [(e.action, e.actor) for e in _events(nlp, text)] == []


def test_since_does_not_date_an_event(nlp):
    (e,) = [e for e in _events(nlp, "The dispute has worsened since 1991.") if e.action == "worsen"]
    assert e.time is None
