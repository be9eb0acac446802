"""The sentence around a claim (fictional text)."""

from __future__ import annotations

import pytest

from rashomon.crosscheck.sentences import sentence_bounds


def test_dateline_is_not_part_of_the_sentence():
    text = "Headline\nPORT AVEN, 2 May 2025 (Meridian Wire) — At least 22 people were killed."
    i = text.index("At least")
    s, e = sentence_bounds(text, i, i + 8)
    assert text[s:e].startswith("At least")


@pytest.mark.parametrize(
    "text, word, sentence",
    [
        (
            "A raid. At around 4:30 a.m. local time (11.30 p.m. ET) the thieves rammed a car. Police came.",
            "rammed",
            "At around 4:30 a.m. local time (11.30 p.m. ET) the thieves rammed a car.",
        ),
        (
            "He spoke. Capt. Tom Hale and Brian G. Vost, 37, were hurt. Then quiet.",
            "hurt",
            "Capt. Tom Hale and Brian G. Vost, 37, were hurt.",
        ),
        ("It blew at 5:30 p.m. Friday in Dunmore. Two died.", "Dunmore", "It blew at 5:30 p.m. Friday in Dunmore."),
        ("It blew at 5 p.m. Police said two died.", "Police", "Police said two died."),
    ],
)
def test_sentences_do_not_end_at_abbreviations_or_clock_times(text, word, sentence):
    i = text.index(word)
    s, e = sentence_bounds(text, i, i + len(word))
    assert text[s:e] == sentence


def test_a_sentence_ends_at_a_period_a_scraper_glued_to_the_next_word():
    text = "Seven were shot last week.So far in 2017, 150 people have been killed. He lives in St.Louis."
    i = text.index("150")
    s, e = sentence_bounds(text, i, i + 3)
    assert text[s:e] == "So far in 2017, 150 people have been killed."
    i = text.index("Louis")
    assert text[slice(*sentence_bounds(text, i, i + 1))] == "He lives in St.Louis."
