"""Leftovers of other scrapers (issue 20, item 5), on invented articles: page furniture is removed
and recorded by kind; the sentences of the story are kept."""

from __future__ import annotations

import pytest

from rashomon.ingest.clean import BYLINE, apply, clean
from rashomon.ingest.leftovers import interface, link_header, stamp_suffix, tail_rule

from .test_clean import deadline

BODY = (
    "Two people were hurt when a delivery van struck a bus shelter on Marren Street in Oskel on Tuesday, "
    "police said.\n\n"
    "The driver stopped at the scene and was questioned by officers, who said speed did not appear to be a factor.\n\n"
    "Both victims were taken to Oskel General Hospital, where they were listed in stable condition on Wednesday."
)

LAST = "The van's owner said the company would cooperate with the investigation into the crash."


def rules(raw: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in clean(raw).removed:
        out.setdefault(r.rule, []).append(r.text.strip())
    return out


def kept_whole(raw: str) -> None:
    """Every sentence of BODY survives cleaning untouched."""
    text = clean(raw).text
    for para in BODY.split("\n\n"):
        assert para in text


def test_offsets_still_point_into_the_raw_text():
    raw = f"Please enable Javascript to watch this video\n\n{BODY}\n\nCopyright 2016 KXYZ. All rights reserved."
    c = clean(raw)
    for r in c.removed:
        assert raw[r.start : r.end] == r.text
    assert c.text == apply(raw, c.removed)


@pytest.mark.parametrize(
    "line",
    [
        "Please enable Javascript to watch this video",
        "Advertisement",
        "Share this: Facebook",
        "Print | Email | Twitter",
        "Your notification has been saved.",
        "Already have an account?",
        "Sign in using your wxyz profile",
        "Whenever Ana Marsh posts new content, you'll get an email delivered to your inbox with a link.",
        "Email Newsletters Sign up for one of our email newsletters.",
        "This video is no longer available.",
        "Follow KXYZ.COM: Facebook | Twitter",
        "___",
    ],
)
def test_interface_lines_are_removed_anywhere_even_first(line):
    raw = f"{line}\n\n{BODY}\n\n{line}\n\n{LAST}"
    found = rules(raw)
    assert found["interface"] == [line, line]
    kept_whole(raw)


def test_the_only_line_is_never_removed():
    assert clean("Advertisement").text == "Advertisement"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police said the victim had signed up for the program a week before the crash.",
        "The church newsletter asked members to pray for the two victims.",
        "More than 40 people attended the vigil on Thursday night.",
        "She said she would share more details with investigators on Monday.",
    ],
)
def test_story_sentences_with_interface_words_are_kept(sentence):
    assert not interface(sentence)
    raw = f"{BODY}\n\n{sentence}"
    assert clean(raw).text == raw


def test_stamps_after_a_headline_are_cut_from_the_line():
    head = (
        "Van strikes bus shelter in Oskel Posted: Tuesday, March 3, 2015 8:18 PM EST "
        "Updated: Wednesday, March 4, 2015 9:02 AM EST"
    )
    raw = f"{head}\n\n{BODY}"
    c = clean(raw)
    assert c.text.split("\n")[0].rstrip() == "Van strikes bus shelter in Oskel"  # whitespace is never recorded
    assert rules(raw)["dateline"] == [
        "Posted: Tuesday, March 3, 2015 8:18 PM EST Updated: Wednesday, March 4, 2015 9:02 AM EST"
    ]
    assert stamp_suffix("Police arrested a man on Tuesday, March 3, 2015 at 8 PM") is None  # no label: prose


def test_a_byline_with_a_stamp_is_two_removals_and_names_the_author():
    raw = f"Van strikes bus shelter\n\nby: Ana Marsh Updated: Mar 4, 2015 - 7:21 PM\n\n{BODY}"
    found = rules(raw)
    assert found["byline"] == ["by: Ana Marsh"]
    assert found["dateline"] == ["Updated: Mar 4, 2015 - 7:21 PM"]
    m = BYLINE.match("by: Ana Marsh")
    assert m is not None and m[1] == "Ana Marsh"  # metadata reads the author from the byline


@pytest.mark.parametrize(
    "line",
    ["Updated: Mar 15, 2016 - 7:21 PM", "(Published Sunday, March 8, 2015)", "Created: 01/26/2015 1:24 PM KXYZ.com"],
)
def test_labelled_stamp_lines_are_removed_anywhere(line):
    raw = f"{BODY}\n\n{line}\n\n{LAST}"
    assert rules(raw)["dateline"] == [line]


def test_a_bare_time_is_a_stamp_only_at_the_head():
    raw = f"Van strikes bus shelter\n\n7:05 PM\n\n{BODY}\n\n2:20 p.m.\n\nOfficers reopened Marren Street."
    assert rules(raw)["dateline"] == ["7:05 PM"]
    assert "\n2:20 p.m.\n" in clean(raw).text  # a live blog's timeline entry


@pytest.mark.parametrize(
    "line,rule",
    [
        ("Staff writer Ana Marsh contributed to this report.", "credit"),
        ("Contributing: The Associated Press", "credit"),
        ("Information from: The Oskel Courier, http://www.oskelcourier.example", "credit"),
        ("Contact Ana Marsh: amarsh@courier.example or 555-201-3344.", "contact"),
        ("amarsh@courier.example, (555) 201-3344", "contact"),
        ("To contact writer Ana Marsh, call 555-2013.", "contact"),
        ("Read or Share this story: http://on.kxyz.example/1aBc", "social"),
        ("Stay with KXYZ for updates on this developing story.", "promo"),
        ("This is a developing story. Check back for updates.", "promo"),
        ("(© 2016 KXYZ)", "copyright"),
        ("Copyright Associated Press", "copyright"),
    ],
)
def test_tail_lines(line, rule):
    raw = f"{BODY}\n\n{line}"
    assert rules(raw) == {rule: [line]}
    kept_whole(raw)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police will update the public on Monday.",
        "Alcohol and speed contributed to the crash, the report found.",
        "Rosa Lind was a student at Oskel High School.",  # a victim, not the author's bio
        "Family members said Rosa Lind was a student at Oskel High School.",
        "The driver said he would stay with relatives in Velmora until the hearing.",
        "Copyright law was at the heart of a separate case the company lost last year, the court heard.",
    ],
)
def test_last_sentences_of_the_story_are_kept(sentence):
    assert tail_rule(sentence) is None
    raw = f"{BODY}\n\n{sentence}"
    assert clean(raw).text == raw


def test_a_coverage_note_after_a_story_sentence_in_one_line_is_kept():
    line = "Police have not released the driver's name. We will update this report as more information is obtained."
    raw = f"{BODY}\n\n{line}"
    assert clean(raw).text == raw


def test_a_link_that_ends_a_sentence_of_the_story_is_kept():
    raw = (
        f"{BODY}\n\nFor more information or to make a donation to the family, visit\n\nhttp://fund.example/oskel-crash"
    )
    assert clean(raw).text == raw


@pytest.mark.parametrize(
    "line",
    [
        "Image 3 of 12 Officers inspect the damaged bus shelter on Marren Street. Photo: Ana Marsh",
        "Buy Photo Officers inspect the damaged bus shelter on Marren Street.",
        "Officers inspect the damaged bus shelter on Marren Street. (Photo: Ana Marsh / Oskel Courier)",
        "Officers inspect the damaged bus shelter on Marren Street. (KXYZ Photo/Ana Marsh)",
        "Officers inspect the damaged bus shelter. (Source: KXYZ)",
        "Photo credit: Oskel Police Department",
        "Getty Images",
        ">>PHOTOS: Bus shelter crash on Marren Street",
    ],
)
def test_labelled_captions_anywhere(line):
    raw = f"{line}\n\n{BODY}\n\n{line}"
    assert rules(raw)["caption"] == [line, line]
    kept_whole(raw)


def test_a_gallery_of_captions_run_together_is_one_caption_however_long():
    gallery = "Image 1 of / 9 Caption Close " + " ".join(
        f"Image {i} of 9 Officers inspect the damaged shelter on Marren Street in Oskel on Tuesday."
        for i in range(1, 10)
    )
    raw = f"{BODY}\n\n{gallery}"
    assert rules(raw) == {"caption": [gallery]}


def test_a_page_that_is_only_a_gallery_keeps_each_caption_once():
    said = "Officers inspect the damaged shelter on Marren Street in Oskel on Tuesday after two people were hurt."
    other = "The van that struck the shelter is towed away from Marren Street late on Tuesday evening."
    lines = ["Photo: Oskel Courier Image 1 of / 3 Caption Close", f"Image 1 of 3 {said} Photo: Ana Brisk",
             f"Image 2 of 3 {said} Photo: Oskel Courier", f"Image 3 of 3 {other}"]  # fmt: skip
    cleaned = clean("\n\n".join(lines))
    assert cleaned.text == f"{lines[1]}\n\n{lines[3]}"
    assert [r.text.strip() for r in cleaned.removed] == [lines[0], lines[2]]
    assert rules(f"{BODY}\n\n{lines[1]}") == {"caption": [lines[1]]}  # beside a story it is a caption


def test_a_must_read_list_of_teasers_ending_in_ellipses_or_full_stops():
    for teasers in (
        "Oskel council approves new bus routes...\nVelmora ferry fares to rise next spring...",
        "Oskel council approves new bus routes.\nVelmora ferry fares to rise next spring.",
    ):
        raw = f"{BODY}\n\nMust\xa0Read\n{teasers}"
        assert rules(raw) == {"link_list": ["Must\xa0Read", *teasers.split("\n")]}
        assert clean(raw).text == BODY


@pytest.mark.parametrize(
    "header",
    [
        "Also on Oskel Courier:",
        "More coverage on kxyz.example:",
        "Read more top trending stories on kxyz.example:",
        "ALSO:",
    ],
)
def test_site_link_headers(header):
    assert link_header(header)
    raw = f"{BODY}\n\n{header}\nOskel council approves new bus routes\nVelmora ferry fares to rise next spring"
    assert clean(raw).text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "RELATED STORY: Oskel council approves new bus routes",
        "Previous Story: Driver questioned after Marren Street crash",
        "[OTHER NEWS: Oskel council approves new bus routes]",
        ">>RELATED: Statement from the victims' families",
        "MORE: Velmora ferry fares to rise next spring",
    ],
)
def test_inline_teasers_inside_the_body(line):
    raw = f"{BODY}\n\n{line}\n\n{LAST}"
    assert rules(raw) == {"link_list": [line]}


def test_a_video_playlist_of_three_or_more_is_removed_a_single_time_is_kept():
    playlist = (
        "0:39 Oskel police investigate crash\n2:33 Ferry museum celebrates 25 years\n1:56 Council votes on bus routes"
    )
    raw = f"{BODY}\n\n{playlist}"
    assert clean(raw).text == BODY
    raw2 = f"{BODY}\n\n0:39 was the time on the dashboard clock, the driver told police"
    assert clean(raw2).text == raw2


def test_a_sentence_repeated_later_in_other_words_is_not_a_pull_quote():
    raw = (
        "Van strikes bus shelter\n\n"
        "Both men are charged with assault with a deadly weapon and reckless driving in the Oskel crash.\n\n"
        "On Friday police arrested two more men in Oskel and charged both with assault with a deadly weapon "
        "and reckless driving in the Oskel crash, the prosecutor said."
    )
    assert clean(raw).text == raw


def test_a_lede_repeated_by_a_later_caption_is_kept():
    lede = "A second driver was arrested Tuesday in the crash that hurt two people at an Oskel bus shelter."
    raw = (
        f"Van strikes bus shelter\n\n{lede}\n\n{BODY}\n\n"
        "A second driver has been arrested in the crash that hurt two people at an Oskel bus shelter. "
        "KXYZ's Ana Marsh reports."
    )
    assert lede in clean(raw).text


@pytest.mark.parametrize(
    "line",
    [
        "Posted: " + "Monday, March 3, 2015 8:18 PM EST " * 40 + "x",
        "Headline " + "Updated: Mar 4, 2015 - 7:21 PM " * 60 + "!",
        "0:39 " * 5000,
        "More on " + "a." * 20000,
        "x@" * 20000 + ".com",
        "{* " * 20000,
        "Share " * 200 + "x",
    ],
)
def test_line_patterns_are_linear_on_hostile_lines(line):
    with deadline(5):
        clean(f"Title line\n\n{line}\n\n{BODY}\n\n{line}")
