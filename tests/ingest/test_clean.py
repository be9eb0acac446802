"""Cleaning rules on fictional articles: what is removed, with which rule, at which raw offsets."""

from __future__ import annotations

import contextlib
import random
import signal

import pytest
from hypothesis import given, settings, strategies as st

from rashomon.ingest.clean import BYLINE, apply, clean

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


def test_a_stamp_is_never_cut_inside_a_word():
    """ "6:53 PM  Created" is a clock and a word, not a clock and a time zone "Creat"."""
    raw = "Updated: 08/26/2015 6:53 PM  Created: 08/26/2015 5:11 AM Velmora.com  By: Ana Brisk\n\nThe mayor opened it."
    assert clean(raw).text.startswith("Created: 08/26/2015")


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


# ------------------------------------------------------------- never hangs (issue 18, part 4)
@contextlib.contextmanager
def deadline(seconds: int):
    """Fail (instead of hanging the suite) if the block runs longer than ``seconds``: a guard against
    exponential or quadratic blow-ups, far above the expected time, not a benchmark."""

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize(
    "first_line",
    [
        "By " + " and ".join(["a"] * 60) + " !",  # 240 bytes; 24 "and"s took 4 s, doubling per word
        "By " + "Aand" * 60 + "!",  # "and" inside one word
        "By " + ", ".join(["Ana Bo"] * 40) + " " + "!" * 90,
        "By " + " ".join(["de"] * 80) + " !",
    ],
)
def test_byline_check_is_linear_on_hostile_first_lines(first_line):
    with deadline(5):
        for _ in range(20):
            assert BYLINE.match(first_line) is None
        clean(first_line + "\n\n" + "A sentence of the body that is long enough to be kept as text.")


@pytest.mark.parametrize(
    "line,author",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By JANE DOE and John Smith", "JANE DOE and John Smith"),
        ("By Ana de la Cruz, Reuters", "Ana de la Cruz, Reuters"),
        ("By Sandra Anderson in Kyiv", "Sandra Anderson in Kyiv"),
        ("By Jo Ames & Li Wei | Staff", "Jo Ames & Li Wei"),
    ],
)
def test_bylines_still_match(line, author):
    m = BYLINE.match(line)
    assert m is not None and m.group(1) == author


def test_pull_quote_search_is_not_quadratic_in_short_lines():
    rng = random.Random(1)
    vocab = "the a of mayor said storm flood village river water people rescue team city road".split()
    lines = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 12))) + f" {i}" for i in range(12_000)]
    raw = "\n".join(lines)  # about 750 KB of short lines: every one a candidate pull quote (19 s before)
    with deadline(20):
        out = clean(raw)
    assert out.text


def test_pull_quote_search_is_bounded_when_every_line_is_a_source():
    rng = random.Random(2)
    vocab = "the a of mayor said storm flood village river water".split()
    lines = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 60))) + f" {i}" for i in range(8_000)]
    with deadline(20):
        clean("\n".join(lines))


def test_other_stories_teasers_with_their_first_lines_under_a_you_may_like_header_are_removed():
    story = (
        "Osterby police said a teenager was shot at an apartment complex on Monday morning.\n\n"
        "Deputies were using drones to search the woods behind the complex for clues.\n\n"
    )
    teasers = (
        "More stories you may like on Channel 9\n\n"
        "LIVE: 25 hurt in apparent explosion in Port Aven neighborhood Police and firefighters are at the scene of an "
        "apparent explosion in Port Aven, and authorities say 25 people suffered minor injuries.\n\n"
        "4 dead, dozens hurt as bus carrying Dunmore football team crashes A charter bus wreck killed four people and "
        "injured dozens from a Dunmore football squad and closed the bypass…\n"
    )
    c = clean(story + teasers)
    assert c.text.rstrip().endswith("for clues.") and "25 hurt" not in c.text
    assert rules(story + teasers)["link_list"][0] == "More stories you may like on Channel 9"
    header = "More stories on Channel 9\n\n"  # a header some pages put before their story: the story stays
    assert "for clues." in clean(header + story).text
