"""Cleaning rules on fictional articles: what is removed, with which rule, at which raw offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from rashomon.ingest.clean import apply, clean

ARTICLE = """Harbour authority approves Velmora ferry expansion

VELMORA: The Velmora harbour authority on Tuesday approved a plan to double the number of ferry crossings to Ostrand Island, ending a dispute that had lasted three years.

Transport Minister Ilse Varga said the new timetable would start in the spring and cost 14 million crowns over five years.

Minister Ilse Varga

"We promised the islanders a reliable link and this plan delivers it," Varga told reporters at the quay, adding that fares would not rise.

Critics on the island council argued that the extra sailings would crowd the small harbour at Ostrand and asked for a second pier before any increase.

The council voted seven to four to accept the plan, with the condition that the pier study is finished by the end of next year.

Extra sailings would crowd the small harbour at Ostrand, critics on the island council argued

Questions can be sent to the harbour office at [email protected] before Friday.

Next steps

The first new crossing is scheduled for the second week of April, weather permitting.

The writer is a correspondent with the Velmora Courier covering the islands.
Email: [email&#160;protected]
Follow us on Twitter

Must Read
Ostrand fishermen protest new quota rules
Velmora opens winter market early
"""


def rules(raw: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in clean(raw).removed:
        out.setdefault(r.rule, []).append(r.text.strip())
    return out


def test_offsets_point_into_the_raw_text():
    c = clean(ARTICLE)
    for r in c.removed:
        assert ARTICLE[r.start : r.end] == r.text
    assert c.text == apply(ARTICLE, c.removed)


def test_tail_link_list_bio_contact_and_social_are_removed():
    found = rules(ARTICLE)
    assert found["link_list"] == [
        "Must Read",
        "Ostrand fishermen protest new quota rules",
        "Velmora opens winter market early",
    ]
    assert found["author_bio"] == ["The writer is a correspondent with the Velmora Courier covering the islands."]
    assert found["contact"] == ["Email: [email&#160;protected]"]
    assert found["social"] == ["Follow us on Twitter"]
    text = clean(ARTICLE).text
    assert text.endswith("weather permitting.")


def test_headings_and_title_are_kept_captions_removed():
    c = clean(ARTICLE)
    assert c.text.startswith("Harbour authority approves Velmora ferry expansion\n")
    assert "\nNext steps\n" in c.text
    assert rules(ARTICLE)["caption"] == ["Minister Ilse Varga"]
    assert "\n\nMinister Ilse Varga" not in c.text


def test_pull_quote_repeating_the_body_is_removed():
    assert rules(ARTICLE)["pull_quote"] == [
        "Extra sailings would crowd the small harbour at Ostrand, critics on the island council argued"
    ]
    assert "Critics on the island council argued" in clean(ARTICLE).text


def test_inline_obfuscated_email_is_cut_out_of_the_sentence():
    c = clean(ARTICLE)
    assert "[email" not in c.text
    assert "to the harbour office at before Friday." in c.text
    assert rules(ARTICLE)["email_obfuscation"] == ["[email protected]"]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Ostrand harbour at dawn",
        "The old lighthouse at Velmora Point (File photo)",
    ],
)
def test_labelled_captions(line):
    raw = (
        f"Title of the piece\n\nA first paragraph that is long enough to be body text here.\n\n{line}\n\n"
        "A second paragraph that is also long enough to be body text."
    )
    assert rules(raw).get("caption") == [line]


@pytest.mark.parametrize("heading", ["Economic fallout", "Liberation of the valley", "What comes next?"])
def test_short_headings_are_not_captions(heading):
    raw = (
        f"Title of the piece\n\nA first paragraph that is long enough to be body text here.\n\n{heading}\n\n"
        "A second paragraph that is also long enough to be body text."
    )
    assert clean(raw).removed == ()


def test_leading_date_stamp_and_byline():
    raw = " date 2021-06-02 By Tomas Reyl\nThe mayor of Kestrel Bay opened the new library on Monday."
    found = rules(raw)
    assert found["dateline"] == ["date 2021-06-02"]
    raw2 = "Kestrel Bay opens library\nBy Tomas Reyl, City Desk\nPublished: 2 June 2021\n\nThe mayor opened it."
    found2 = rules(raw2)
    assert found2 == {"byline": ["By Tomas Reyl, City Desk"], "dateline": ["Published: 2 June 2021"]}
    assert clean(raw2).text == "Kestrel Bay opens library\nThe mayor opened it."


def test_a_body_paragraph_that_mentions_related_is_kept():
    raw = (
        "Title here\n\nThe two cases are related, the prosecutor said on Monday in a long statement.\n\n"
        "Related\n\nThe defence disagreed and will appeal the ruling before the high court in Velmora."
    )
    assert clean(raw).text == raw


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=12))
def test_any_text_round_trips_through_its_removals(lines):
    raw = "\n\n".join(lines)
    c = clean(raw)
    for r in c.removed:
        assert raw[r.start : r.end] == r.text
    assert c.text == apply(raw, c.removed)
