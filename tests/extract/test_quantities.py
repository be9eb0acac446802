"""Quantity claims: hand-written fictional sentences, and the seed articles read from
../shared (spans are located by searching the text; nothing is copied here)."""
from __future__ import annotations

import pytest

from rashomon.extract import quantities
from rashomon.records import Document
from tests.conftest import SEEDS, need


def _claims(nlp, text: str):
    doc = Document(id="t", source="test", text=text, raw_text=text)
    return quantities.extract(nlp(text), doc)


def _at(claims, text: str, needle: str):
    """The claim whose evidence contains the first occurrence of ``needle``."""
    pos = text.index(needle)
    hits = [c for c in claims if c.start <= pos < c.end]
    assert hits, f"no quantity covers {needle!r}: {[c.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("text, needle, expected", [
    ("The storm in Velmora killed more than 40 people.", "40",
     dict(value=40.0, low=40.0, change=">", what="people", predicate="kill", place="Velmora")),
    ("Nearly 300 villages were flooded.", "300",
     dict(value=300.0, high=300.0, approx=True, change="<", what="villages", predicate="flood")),
    ("Some 2,500 workers joined the strike.", "2,500",
     dict(value=2500.0, approx=True, change="~", what="workers", predicate="join")),
    ("Up to 60 families were evacuated.", "60", dict(value=60.0, high=60.0, change="<", what="families")),
    ("The river rose by 12% overnight.", "12", dict(value=12.0, unit="%", change="up")),
    ("Exports fell 3.5 percent in the quarter.", "3.5", dict(value=3.5, unit="%", change="down")),
    ("The council spent $1.5 million on the bridge.", "1.5", dict(value=1.5e6, unit="USD", change="=")),
    ("The fine was two million manat.", "two", dict(value=2e6, unit="AZN")),
    ("Hundreds of fishermen protested.", "Hundreds",
     dict(value=None, low=100.0, high=1000.0, what="fishermen", predicate="protest")),
    ("Prices ranged from 5 to 7 per cent.", "5 to", dict(value=None, low=5.0, high=7.0, unit="%")),
    ("The 44-day siege ended.", "44", dict(value=44.0, unit="day", what="siege")),
    ("They ruled the valley for three decades.", "three", dict(value=3.0, unit="decade")),
    ("Six hostages are still missing.", "Six", dict(value=6.0, what="hostages", predicate="missing")),
    ("312 sailors were taken hostage.", "312", dict(value=312.0, what="sailors", predicate="take hostage")),
    ("The raid killed 9 and injured more than 20 miners.", "9", dict(value=9.0, what="miners", predicate="kill")),
    ("About 70 buses, the ministry said, were damaged.", "70", dict(value=70.0, approx=True)),
    ("Eleven boats sank, according to the harbour office.", "Eleven",
     dict(value=11.0, what="boats", attributed_to="the harbour office")),
    ("The lake covers almost 20% of the province's land.", "20",
     dict(value=20.0, high=20.0, unit="%", what="land", change="<")),
])
def test_fields(nlp, text, needle, expected):
    c = _at(_claims(nlp, text), text, needle)
    assert c.kind == "quantity" and c.stage == quantities.STAGE
    assert text[c.start:c.end] == c.text
    for key, want in expected.items():
        got = getattr(c, key)
        if isinstance(want, float):
            assert got == pytest.approx(want), (key, c)
        else:
            assert got == want, (key, c)


@pytest.mark.parametrize("text, needle", [
    ("The bridge opened in 1998 after years of delay.", "1998"),
    ("The vote is set for March 29 in the capital.", "29"),
    ("The talks ended at 10:30 pm.", "10"),
    ("It was the first anniversary of the truce.", "first"),
    ("The agency cited Article 370 of the charter.", "370"),
    ("The new iPhone 11 ships soon.", "11"),
    ("Trade grew in the 1990s.", "1990s"),
])
def test_not_quantities(nlp, text, needle):
    pos = text.index(needle)
    assert not [c for c in _claims(nlp, text) if c.start <= pos < c.end]


def test_year_list_is_one_claim(nlp):
    text = "The two states fought three border wars, in 1921, 1934, and 1950."
    claims = _claims(nlp, text)
    years = _at(claims, text, "1921")
    assert years.value == (1921.0, 1934.0, 1950.0) and years.unit == "year"
    assert _at(claims, text, "three").what == "border wars"


def test_ids_and_offsets_are_stable(nlp):
    text = "Nearly 300 villages were flooded and 12 bridges collapsed."
    a, b = _claims(nlp, text), _claims(nlp, text)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a) == 2


def test_bounds_helper(nlp):
    text = "More than 40 people and exactly 7 dogs were rescued."
    claims = _claims(nlp, text)
    assert quantities.bounds(_at(claims, text, "40")) == (40.0, None)
    assert quantities.bounds(_at(claims, text, "7")) == (7.0, 7.0)


# ------------------------------------------------------------------ seed articles
def _seed_claims(nlp):
    out = []
    for path in sorted(need(SEEDS).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append((text, _claims(nlp, text)))
    return out


def _find(seeds, needle: str):
    for text, claims in seeds:
        if needle in text:
            return _at(claims, text, needle)
    pytest.fail(f"{needle!r} is not in the seed articles")


@pytest.fixture(scope="module")
def seeds(nlp):
    return _seed_claims(nlp)


@pytest.mark.parametrize("needle, expected", [
    ("almost 20%", dict(value=20.0, high=20.0, unit="%", change="<", what="territory", predicate="occupy")),
    ("30 years", dict(value=30.0, unit="year")),
    ("hundreds of civilians", dict(value=None, low=100.0, high=1000.0, what="civilians", predicate="kill")),
    ("106 women", dict(value=106.0, what="women")),
    ("63 children", dict(value=63.0, what="children")),
    ("1,275 Azerbaijanis", dict(value=1275.0, what="Azerbaijanis", predicate="take hostage")),
    ("150 of them", dict(value=150.0, predicate="missing")),
    ("613 Azerbaijanis", dict(value=613.0, what="Azerbaijanis", predicate="kill")),
    ("487 others", dict(value=487.0, predicate="injure")),
    ("nearly 300 settlements", dict(value=300.0, high=300.0, approx=True, what="settlements and villages",
                                    predicate="liberate")),
    ("44-day", dict(value=44.0, unit="day")),
    ("killing 12", dict(value=12.0, what="people", predicate="kill")),
    ("more than 40 people", dict(value=40.0, low=40.0, change=">", what="people", predicate="injure")),
    ("killed 30,000", dict(value=30000.0, predicate="kill")),
    ("some 30,000 people", dict(value=30000.0, approx=True, change="~", predicate="kill")),
    ("29 casualties", dict(value=29.0, what="casualties")),
    ("toll to 633", dict(value=633.0)),
    ("1948, 1965, and 1971", dict(value=(1948.0, 1965.0, 1971.0), unit="year")),
    ("four resolutions", dict(value=4.0, what="resolutions")),
    ("three full-scale wars", dict(value=3.0, what="full-scale wars", predicate="fight")),
    ("two-hour", dict(value=2.0, unit="hour")),
])
def test_seed_figures(seeds, needle, expected):
    start = needle.split()[-1] if needle.startswith(("killing", "killed", "toll")) else needle
    for text, claims in seeds:
        if needle in text:
            pos = text.index(needle) + needle.index(start)
            hits = [c for c in claims if c.start <= pos < c.end]
            assert hits, f"no quantity covers {needle!r}"
            c = hits[0]
            for key, want in expected.items():
                assert getattr(c, key) == (pytest.approx(want) if isinstance(want, float) else want), (key, c)
            return
    pytest.fail(f"{needle!r} is not in the seed articles")


def test_seed_years_and_dates_are_not_quantities(seeds):
    for text, claims in seeds:
        for c in claims:
            assert not (isinstance(c.value, float) and 1900 <= c.value <= 2100 and c.unit != "year"), c
            assert "anniversary" not in c.text


def test_time_claims_give_time_and_block_dates(nlp):
    from rashomon.records import Claim

    text = "On 4 May 2031, 17 ferries were stranded in the strait."
    s = text.index("4 May 2031")
    t = Claim(id="t1", doc="t", kind="time", start=s, end=s + 10, text=text[s:s + 10], stage="time@1",
              value_iso="2031-05-04", timex_type="DATE")
    doc = Document(id="t", source="test", text=text, raw_text=text)
    claims = quantities.extract(nlp(text), doc, times=[t])
    assert [c.value for c in claims] == [17.0]
    assert claims[0].time == "2031-05-04" and claims[0].what == "ferries"
