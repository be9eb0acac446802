"""Number parsing: digits with glued prefixes/suffixes, number words, hedges, units."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from rashomon.extract import numbers as N


@pytest.mark.parametrize(
    "text, value, currency, suffix",
    [
        ("1,275", 1275.0, None, ""),
        ("1.5", 1.5, None, ""),
        ("two", 2.0, None, ""),
        ("$1.76bn", 1.76e9, "USD", ""),
        ("PS2.7m", 2.7e6, "GBP", ""),
        ("4.3M", 4.3e6, None, ""),
        ("USD10m", 1e7, "USD", ""),
        ("10kW", 10.0, None, "kW"),
        ("5pc", 5.0, None, "pc"),
        ("minus-5", -5.0, None, ""),
        ("1/16", 0.0625, None, ""),
        ("1.56pm", 1.56, None, "pm"),
    ],
)
def test_parse_token(text, value, currency, suffix):
    p = N.parse_token(text)
    assert p is not None
    assert p.value == pytest.approx(value)
    assert p.currency == currency
    assert p.suffix == suffix


@pytest.mark.parametrize("text", ["Karabakh", "first", "SU-25", "", "-"])
def test_not_numbers(text):
    assert N.parse_token(text) is None


@pytest.mark.parametrize(
    "words, value",
    [
        (["two", "hundred", "thousand"], 200_000),
        (["1.5", "million"], 1.5e6),
        (["a", "million"], 1e6),
        (["twenty", "-", "five"], 25),
        (["three", "hundred", "and", "six"], 306),
        (["a", "dozen"], 12),
    ],
)
def test_word_value(words, value):
    assert N.word_value(words) == pytest.approx(value)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["killing", "more", "than"], (2, ">")),
        (["at", "least"], (2, ">=")),  # inclusive
        (["up", "to"], (2, "<")),
        (["nearly"], (1, "<~")),
        (["some"], (1, "~")),
        (["just", "under"], (2, "<")),
        (["the"], None),
        # hedge lexicon: multi-word bounds and approximations
        (["a", "little", "over"], (3, ">")),
        (["slightly", "less", "than"], (3, "<")),
        (["well", "below"], (2, "<")),
        (["just", "short", "of"], (3, "<~")),
        (["in", "the", "region", "of"], (4, "~")),
        # stacked hedges: the outer bound wins, an inner approximation makes "<" approximate
        (["at", "least", "some"], (3, ">=")),
        (["up", "to", "an", "estimated"], (4, "<~")),
        (["more", "than", "just"], (3, ">")),
        (["spread", "over", "some"], (1, "~")),  # a preposition does not stack
        # a filler between the hedge and the number
        (["more", "than", "another"], (3, ">")),
        (["up", "to", "a", "further"], (4, "<")),
        (["over", "a"], None),  # "over a 10-year period" is no bound
    ],
)
def test_hedge_before(words, expected):
    assert N.hedge_before(words) == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        (["or", "more", "people"], (2, ">=")),  # an inclusive lower bound
        (["-", "plus"], (2, ">=")),
        (["+"], (1, ">=")),
        (["or", "so"], (2, "~")),
        (["-", "odd", "years"], (2, "~")),
        (["or", "fewer"], (2, "<")),
        (["people"], None),
    ],
)
def test_hedge_after(words, expected):
    assert N.hedge_after(words) == expected


@pytest.mark.parametrize(
    "outer, inner, sym",
    [
        (">", "~", ">"),
        ("<", "~", "<~"),
        ("~", "<", "<"),
        ("=", "~", "~"),
        (">", "=", ">"),
        (">=", "~", ">="),
    ],
)
def test_combine_hedges(outer, inner, sym):
    assert N.combine_hedges(outer, inner) == sym


@pytest.mark.parametrize(
    "word, kind, code",
    [
        ("percent", "percent", "%"),
        ("manat", "currency", "AZN"),
        ("rupees", "currency", "INR"),
        ("decades", "duration", "decade"),
        ("miles", "measure", "mi"),
        ("km", "measure", "km"),
    ],
)
def test_unit_of(word, kind, code):
    assert N.unit_of(word) == (kind, code)


def test_surface_forms_cover_symbols_and_words():
    assert {"$", "dollars", "usd"} <= N.surface_forms("USD")


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_round_trip(n):
    assert N.parse_token(f"{n:,}").value == n
