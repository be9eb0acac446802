"""NewsQuant scoring: the matching rules, and the pinned floors on the full dev file
(reached value minus 0.02; a drop fails CI)."""

from __future__ import annotations

import pytest

from rashomon.evaluate import quantities as ev
from rashomon.options import Options
from rashomon.records import Claim, make_claim
from tests.conftest import DATA, need

NEWSQUANT = DATA / "newsquant" / "NewsQuant-dev.json"


def _claim(**kw) -> Claim:
    return make_claim(id="c", doc="d", kind="quantity", start=0, end=1, text="x", stage="t", **kw)


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("5.5", (5.5,)),
        ("1000", (1000.0,)),
        ("252.0-287.0", (252.0, 287.0)),
        ("3.0 - 4.0", (3.0, 4.0)),
        ("-50800000000.0", (-5.08e10,)),
        ("1.99E-29", (1.99e-29,)),
    ],
)
def test_parse_gold_value(text, parsed):
    assert ev.parse_gold_value(text) == pytest.approx(parsed)


def test_value_matching_rules():
    assert ev.value_matches(_claim(value=40.0), (40.0,))
    assert not ev.value_matches(_claim(value=41.0), (40.0,))
    rng = _claim(value=None, low=5.0, high=7.0)
    assert ev.value_matches(rng, (7.0, 5.0), loose=False)
    assert ev.value_matches(_claim(value=5.0), (5.0, 7.0))
    assert not ev.value_matches(_claim(value=5.0), (5.0, 7.0), loose=False)
    assert ev.value_matches(_claim(value=(1948.0, 1965.0)), (1965.0,))


def test_change_rules():
    nearly = _claim(value=300.0, high=300.0, approx=True, change="<")
    assert ev.change_correct(nearly, "~") and ev.change_correct(nearly, "<")
    assert not ev.change_correct(_claim(value=3.0, high=3.0, change="<"), "~")
    assert ev.change_correct(_claim(value=3.0, change="up"), "up")


def test_hedge_read_from_bounds_alongside_a_direction():
    rose_more = _claim(value=3.0, low=3.0, change="up")  # "rose more than 3%"
    assert ev.hedge_of(rose_more) == ">"
    assert ev.change_correct(rose_more, ">") and ev.change_correct(rose_more, "up")
    assert not ev.change_correct(rose_more, "down") and not ev.change_correct(rose_more, "=")
    up_about = _claim(value=19.0, low=17.1, high=20.9, approx=True, change="up")
    assert ev.hedge_of(up_about) == "~" and ev.change_correct(up_about, "~")
    assert ev.hedge_of(_claim(value=8.0, high=8.0, approx=True, change="down")) == "<"
    assert ev.hedge_of(_claim(value=5.0, change="=")) is None
    assert ev.hedge_of(_claim(value=None, low=5.0, high=7.0, change="=")) is None


def test_unit_agreement_uses_surface_forms_and_counted_thing():
    assert ev.unit_agrees(_claim(value=1.0, unit="USD"), {"unit": "US$", "normalized_unit": "dollar"})
    assert ev.unit_agrees(
        _claim(value=1.0, what="heart transplants"),
        {"unit": "heart transplants", "normalized_unit": "heart transplant"},
    )
    assert not ev.unit_agrees(_claim(value=1.0, unit="%"), {"unit": "miles", "normalized_unit": "mile"})


def test_newsquant_floors():
    result = ev.evaluate(need(NEWSQUANT), Options())
    assert result["sentences"] == 295
    assert result["f1"] >= 0.92
    assert result["precision"] >= 0.93
    assert result["recall"] >= 0.91
    assert result["bound_accuracy"] >= 0.90
    assert result["change_accuracy"] >= 0.93
    assert result["unit_agreement"] >= 0.94
    assert result["what_agreement"] >= 0.95
