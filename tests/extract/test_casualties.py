"""Casualty claims: how many people a sentence says were killed, injured or shot, numbers or not."""

from __future__ import annotations

import pytest

from rashomon.extract import casualties
from rashomon.records import Document


def _read(nlp, text: str) -> list[tuple[str, float | None, float | None]]:
    doc = Document(id="d_t", source="t.txt", text=text, raw_text=text)
    claims = casualties.extract(nlp(text), doc)
    for c in claims:
        assert text[c.start : c.end] == c.text and c.doc == "d_t" and c.stage == casualties.STAGE
    return sorted((c.measure or "", c.value, c.low) for c in claims)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A man was shot and killed early Monday in Port Aven.", [("killed", 1.0, None)]),
        ("Two teens were wounded and a 23-year-old man died at the hospital.",
         [("injured", 2.0, None), ("killed", 1.0, None)]),
        ("The blast killed the driver and injured his passenger.", [("injured", 1.0, None), ("killed", 1.0, None)]),
        ("Four teens were shot on the court, police said.", [("shot", 4.0, None)]),
        ("No one else was hurt.", [("injured", 0.0, None)]),
        ("There were no injuries.", [("injured", 0.0, None)]),
        ("Multiple people were found dead in the house.", [("killed", None, 2.0)]),
        ("At least six others were wounded.", [("injured", None, 6.0)]),
        ("A man and a woman were shot outside the bar.", [("shot", 2.0, None)]),
        ("He was pronounced dead at the scene.", [("killed", 1.0, None)]),
        ("The gunman killed 12 people and wounded 58 others.", [("injured", 58.0, None), ("killed", 12.0, None)]),
    ],
)  # fmt: skip
def test_casualties_are_counted_from_the_parse(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She didn't die, her brother said.",  # negated
        "He threatened to kill his neighbour.",  # a threat, not a killing
        "A 23-year-old resident of Port Aven spoke at the meeting.",  # an age is no casualty
        "The storm damaged three houses.",  # no harm word for people
    ],
)
def test_no_casualty_is_read_where_none_happened(nlp, text):
    assert _read(nlp, text) == []


def test_a_person_shot_and_killed_counts_once_as_killed(nlp):
    assert _read(nlp, "Police said the officer was shot and killed during the stop.") == [("killed", 1.0, None)]


def test_a_count_over_a_period_is_a_statistic_not_a_casualty(nlp):
    assert _read(nlp, "More than 300 people were killed in the city this year.") == []
    assert _read(nlp, "Two men were killed in the crash on Elm Street.") == [("killed", 2.0, None)]
