"""Dates of named events and their phases ("the siege began on ...") compared across reports."""

from __future__ import annotations

import pytest

from rashomon.crosscheck import event_dates
from tests.crosscheck._claims import doc, when


@pytest.mark.parametrize(
    "iso_a,iso_b,status",
    [
        ("2025-04-20", "2025-04-19", "conflict"),
        ("2025-04-20", "2025-04-20", "agree"),
        ("2025-04", "2025-04-20", "agree"),
    ],
)
def test_date_findings(iso_a, iso_b, status):
    a = doc("a", "The siege of Port Aven began on 20 April, officials said.", "Herald")
    b = doc("b", "The occupation of Port Aven started after a siege that started on 19 April.", "Voice")
    claims = [when(a, "20 April", iso_a), when(b, "19 April", iso_b)]
    (f,) = event_dates.date_findings(claims, [a, b], {})
    assert f.kind == "date" and f.key == "siege/begin" and f.status == status


def test_dates_of_different_events_sharing_a_key_are_not_compared():
    # one source dates two different agreements; another names a third: no conflict
    a = doc("a", "The Tarn agreement was signed in May 2003. A trade agreement was signed in October 2018.", "A")
    b = doc("b", "Kestrel and Lerin signed an agreement on 10 November 2020.", "B")
    claims = [
        when(a, "May 2003", "2003-05"),
        when(a, "October 2018", "2018-10"),
        when(b, "10 November 2020", "2020-11-10"),
    ]
    assert event_dates.date_findings(claims, [a, b], {}) == []
    c = doc("c", "Valdoria and Brask signed the truce on 3 June.", "C")
    d = doc("d", "A truce between Kestrel and Lerin was signed on 5 June.", "D")
    claims = [when(c, "3 June", "2025-06-03"), when(d, "5 June", "2025-06-05")]
    assert event_dates.date_findings(claims, [c, d], {}) == []  # no shared name: not one event


def test_dateline_dates_are_not_event_dates():
    a = doc("a", "PORT AVEN, 2 May 2025 — The siege ended after ten days.", "A")
    b = doc("b", "PORT AVEN, 3 May 2025 — The siege ended after ten days.", "B")
    claims = [when(a, "2 May 2025", "2025-05-02"), when(b, "3 May 2025", "2025-05-03")]
    assert event_dates.date_findings(claims, [a, b], {}) == []


def test_date_of_a_lone_document_joins_a_story_and_reads_as_a_question():
    a = doc("a", "The Lerin Republic declared its independence in March 2019, Lerin officials said.", "Wire")
    b = doc("b", "Lerin declared independence in March 2019 after a vote in Lerin.", "Post")
    c = doc("c", "The Lerin Republic declared its independence in March 2019 after a referendum.", "Voice")
    claims = [when(d, "March 2019", "2019-03") for d in (a, b, c)]
    (f,) = event_dates.date_findings(claims, [a, b, c], {"a": "s1", "b": "s1"})  # c is alone in its story
    assert f.status == "agree" and set(f.outlets) == {"Wire", "Post", "Voice"}
    assert f.summary.startswith("When independence was declared: ")
