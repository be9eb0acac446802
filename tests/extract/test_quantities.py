"""Quantity claims: hand-written fictional sentences, and the seed articles read from
../shared (spans are located by searching the text; nothing is copied here)."""

from __future__ import annotations

import pytest

from rashomon.extract import quantities
from rashomon.records import Document, make_claim
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


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        (
            "The storm in Velmora killed more than 40 people.",
            "40",
            dict(value=40.0, low=40.0, change=">", what="people", predicate="kill", place="Velmora"),
        ),
        (
            "Nearly 300 villages were flooded.",
            "300",
            dict(value=300.0, high=300.0, approx=True, change="<", what="villages", predicate="flood"),
        ),
        (
            "Some 2,500 workers joined the strike.",
            "2,500",
            dict(value=2500.0, approx=True, change="~", what="workers", predicate="join"),
        ),
        ("Up to 60 families were evacuated.", "60", dict(value=60.0, high=60.0, change="<", what="families")),
        ("The river rose by 12% overnight.", "12", dict(value=12.0, unit="%", change="up")),
        ("Exports fell 3.5 percent in the quarter.", "3.5", dict(value=3.5, unit="%", change="down")),
        ("The council spent $1.5 million on the bridge.", "1.5", dict(value=1.5e6, unit="USD", change="=")),
        ("The fine was two million manat.", "two", dict(value=2e6, unit="AZN")),
        (
            "Hundreds of fishermen protested.",
            "Hundreds",
            dict(value=None, low=100.0, high=1000.0, what="fishermen", predicate="protest"),
        ),
        ("Prices ranged from 5 to 7 per cent.", "5 to", dict(value=None, low=5.0, high=7.0, unit="%")),
        ("The 44-day siege ended.", "44", dict(value=44.0, unit="day", what="siege")),
        ("They ruled the valley for three decades.", "three", dict(value=3.0, unit="decade")),
        ("Six hostages are still missing.", "Six", dict(value=6.0, what="hostages", predicate="missing")),
        ("312 sailors were taken hostage.", "312", dict(value=312.0, what="sailors", predicate="take hostage")),
        ("The raid killed 9 and injured more than 20 miners.", "9", dict(value=9.0, what="miners", predicate="kill")),
        ("About 70 buses, the ministry said, were damaged.", "70", dict(value=70.0, approx=True)),
        (
            "Eleven boats sank, according to the harbour office.",
            "Eleven",
            dict(value=11.0, what="boats", attributed_to="the harbour office"),
        ),
        # a pound glued to its number or of a thing is a weight, not sterling
        ("Police seized two pounds of cocaine in Velmora.", "two", dict(value=2.0, unit="lb", what="cocaine")),
        ("The 200-pound man was arrested in Velmora.", "200", dict(value=200.0, unit="lb")),
        ("The fine was 500 pounds in Velmora.", "500", dict(value=500.0, unit="GBP")),
        # a share written as "N in M" is the fraction N/M of what follows (NewsQuant's reading)
        ("One in three Velmorans rents a home.", "One", dict(value=1 / 3, what="Velmorans")),
        ("Fewer than one in 10 homes had power.", "one", dict(value=0.1, high=0.1, change="<", what="homes")),
        ("2 out of 3 voters agreed.", "2", dict(value=2 / 3, what="voters")),
        # "hundreds of thousands" with nothing after it still multiplies
        ("Hundreds of thousands marched in Osterby.", "Hundreds", dict(value=None, low=1e5, high=1e6)),
        # stacked hedges around the number: the bound wins over the approximation
        ("Some 300-plus families were displaced.", "300", dict(value=300.0, low=300.0, change=">=")),
        (
            "The lake covers almost 20% of the province's land.",
            "20",
            dict(value=20.0, high=20.0, unit="%", what="land", change="<"),
        ),
    ],
)
def test_fields(nlp, text, needle, expected):
    c = _at(_claims(nlp, text), text, needle)
    assert c.kind == "quantity" and c.stage == quantities.STAGE
    assert text[c.start : c.end] == c.text
    for key, want in expected.items():
        got = getattr(c, key)
        if isinstance(want, float):
            assert got == pytest.approx(want), (key, c)
        else:
            assert got == want, (key, c)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("The bridge opened in 1998 after years of delay.", "1998"),
        ("The vote is set for March 29 in the capital.", "29"),
        ("The talks ended at 10:30 pm.", "10"),
        ("It was the first anniversary of the truce.", "first"),
        ("The agency cited Article 370 of the charter.", "370"),
        ("The new iPhone 11 ships soon.", "11"),
        ("Friends called 911 after the shots.", "911"),
        ("Trade grew in the 1990s.", "1990s"),
        ("He fired a .45-caliber handgun and a 12-gauge shotgun.", "45"),  # a gun's calibre names it
        ("He fired a .45-caliber handgun and a 12-gauge shotgun.", "12"),
        ("Twetny-one-year-old Ilse Marren was hurt.", "one"),  # a misspelt number is not its last word
        ("Two men were shot in the 800 block of Velmora Street.", "800"),  # an address's hundred block
        ("Shots rang out in the 10,700 block of South Dunmore.", "10,700"),
        ("Call detectives at 713-308-3600 or Crime Stoppers at 713 222-TIPS.", "3600"),  # telephone numbers
        ("Call detectives at 713-308-3600 or Crime Stoppers at 713 222-TIPS.", "222"),
        ("Anyone with information may call (816) 474-8477.", "816"),
    ],
)
def test_not_quantities(nlp, text, needle):
    pos = text.index(needle)
    assert not [c for c in _claims(nlp, text) if c.start <= pos < c.end]


def test_blocks_walked_are_a_count(nlp):
    assert [c.value for c in _claims(nlp, "He lived three blocks away.")] == [3.0]


def test_a_count_beside_a_span_of_time_is_no_share(nlp):
    claims = _claims(nlp, "He scored 2 in 3 minutes.")
    assert sorted(c.value for c in claims) == [2.0, 3.0]


@pytest.mark.parametrize(
    "text, needle",
    [
        ("Ilse Banky, 40, died in Port Aven.", "40"),
        ("Capt. Tom Harl and Trooper Bill Ostra, both 51, died at the scene.", "51"),
        ("The 37-year-old Ilse Marren landed.", "37"),
        ("A man aged 64 was hurt.", "64"),
        ("Jane Doe (37) was charged.", "37"),
        ("The victim, 20, was taken to a hospital.", "20"),
        ("A twenty-one-year-old man was hurt.", "twenty"),
    ],
)
def test_ages_are_marked_as_ages_of_persons(nlp, text, needle):
    c = _at(_claims(nlp, text), text, needle)
    assert (c.what, c.unit, c.predicate) == ("age", "year", None)


@pytest.mark.parametrize(
    "text, needle",
    [("In Velmora, 40, mostly children, were hurt.", "40"), ("Four men robbed the bank.", "Four")],
)
def test_counts_are_not_ages(nlp, text, needle):
    claims = [c for c in _claims(nlp, text) if c.start <= text.index(needle) < c.end]
    assert all(c.what != "age" for c in claims)


@pytest.mark.parametrize(
    "text, needle, unit",
    [
        ("The 170,000-square-foot building houses a firm.", "170,000", "sq ft"),
        ("The park covers 311 square miles.", "311", "sq mi"),
        ("A 1,500-square-kilometre island lies offshore.", "1,500", "sq km"),
    ],
)
def test_areas_written_in_words(nlp, text, needle, unit):
    assert _at(_claims(nlp, text), text, needle).unit == unit


def test_year_list_is_one_claim(nlp):
    text = "The two states fought three border wars, in 1921, 1934, and 1950."
    claims = _claims(nlp, text)
    years = _at(claims, text, "1921")
    assert years.value == (1921.0, 1934.0, 1950.0) and years.unit == "year"
    assert _at(claims, text, "three").what == "border wars"


def test_a_count_of_a_charge_counts_the_charge(nlp):
    text = "Dunmore was charged with one count of murder and four counts of attempted murder."
    claims = _claims(nlp, text)
    assert _at(claims, text, "one").what == "count of murder"
    assert _at(claims, text, "four").what == "counts of attempted murder"


def test_ids_and_offsets_are_stable(nlp):
    text = "Nearly 300 villages were flooded and 12 bridges collapsed."
    a, b = _claims(nlp, text), _claims(nlp, text)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a) == 2


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        # a hedge and a direction together: the direction in change, the hedge in the bounds
        ("Ferry fares rose more than 3% in the spring.", "3%", dict(change="up", low=3.0, high=None)),
        ("The harbour index was up about 19 per cent.", "19", dict(change="up", approx=True, low=17.1, high=20.9)),
        ("Grain output fell nearly 8% last year.", "8%", dict(change="down", approx=True, high=8.0)),
        # "by" separated from its verb by the object
        ("The co-op expects to grow sales by 35 per cent.", "35", dict(change="up", unit="%")),
        ("The board cut spending by $4 million.", "4", dict(change="down", unit="USD")),
        # "up" parsed as a particle; "upward" as an adverb
        ("The lumber index is trending up 0.2% today.", "0.2", dict(change="up")),
        ("The forecast was revised upward by 12%.", "12", dict(change="up")),
        # a number inside a noun phrase after "added" is no change
        ("The striker added a 30-yard goal.", "30", dict(change="=")),
        # ranges: "by X to Y" keeps the direction, a bracketed conversion shares it,
        # "from X to Y" is a range of values with no change of its own
        (
            "Lake levels dropped by 1 to 1.5 metres (3 to 5 feet) in June.",
            "1 to",
            dict(value=None, low=1.0, high=1.5, change="down"),
        ),
        (
            "Lake levels dropped by 1 to 1.5 metres (3 to 5 feet) in June.",
            "3 to",
            dict(value=None, low=3.0, high=5.0, change="down"),
        ),
        ("Torque jumped from 240 to 273 in the new model.", "240", dict(value=None, low=240.0, high=273.0, change="=")),
        ("Fares ranged between 5 and 9 dollars.", "5", dict(value=None, low=5.0, high=9.0)),
        # hedge lexicon, stacked hedges, fillers
        ("A little over 200 pilgrims arrived.", "200", dict(change=">", low=200.0)),
        ("Just under 90 lorries were stuck.", "90", dict(change="<", high=90.0)),
        ("Upwards of 5,000 fans marched.", "5,000", dict(change=">", low=5000.0)),
        ("Fewer than 12 boats returned.", "12", dict(change="<", high=12.0)),
        ("Roughly 45 stalls were closed.", "45", dict(change="~", approx=True)),
        ("Up to an estimated 300 homes flooded.", "300", dict(change="<", high=300.0, approx=True)),
        ("More than another 20 wagons were lost.", "20", dict(change=">", low=20.0)),
        ("As many as 14 riders withdrew.", "14", dict(change="=")),
        # hedges after the number
        ("Forty or more sheep drowned.", "Forty", dict(value=40.0, change=">=", low=40.0, what="sheep")),
        ("The plant employs 300-plus welders.", "300", dict(value=300.0, change=">=", low=300.0)),
        ("They sold 1,000+ tickets.", "1,000", dict(change=">=", low=1000.0)),
        ("The mill ran for 50-odd years.", "50", dict(change="~", approx=True, unit="year")),
        ("A dozen or so kites were flying.", "dozen", dict(value=12.0, change="~")),
        ("They found 80 lambs or fewer.", "80", dict(change="<", high=80.0)),
    ],
)
def test_hedges_and_changes(nlp, text, needle, expected):
    c = _at(_claims(nlp, text), text, needle)
    for key, want in expected.items():
        got = getattr(c, key)
        assert got == (pytest.approx(want) if isinstance(want, float) else want), (key, c)


@pytest.mark.parametrize(
    "text, needle, value, what",
    [
        ("Nearly two-thirds of the orchards were damaged.", "two-thirds", 2 / 3, "orchards"),
        ("A third of the herd was sold.", "third", 1 / 3, "herd"),
        ("Three quarters of the voters stayed home.", "Three", 0.75, "voters"),
        ("Almost half of the ferries were late.", "half", 0.5, "ferries"),
    ],
)
def test_fractions(nlp, text, needle, value, what):
    c = _at(_claims(nlp, text), text, needle)
    assert c.value == pytest.approx(value) and c.what == what


@pytest.mark.parametrize(
    "text, needle",
    [
        ("A third missile struck the depot.", "third"),
        ("The team scored twice in the second half of the match.", "half"),
        ("Profits grew in each of the past three quarters.", "three"),
    ],
)
def test_not_fractions(nlp, text, needle):
    pos = text.index(needle)
    assert all(c.value not in (1 / 3, 0.5, 0.75) for c in _claims(nlp, text) if c.start <= pos < c.end)


@pytest.mark.parametrize(
    "text, needle, value, unit",
    [
        ("The grant was worth up to PS2.7m.", "PS2.7m", 2.7e6, "GBP"),
        ("The yacht was sold for USD10m.", "USD10m", 1e7, "USD"),
    ],
)
def test_glued_multiplier_before_full_stop(nlp, text, needle, value, unit):
    claims = _claims(nlp, text)
    c = _at(claims, text, needle)
    assert c.value == pytest.approx(value) and c.unit == unit
    assert len(claims) == 1


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        # a spelled-out count before a proper-noun name is still a count (digits are models: "787 Dreamliner")
        ("The navy flies ten Kestrel patrol planes.", "ten", dict(value=10.0, predicate="fly")),
        # "including N X": the included figure shares what happened to the whole
        ("The blast killed 40 miners, including 6 engineers.", "6", dict(what="engineers", predicate="kill")),
        # coordinated clauses share the place of the first one
        (
            "A shell hit a market in Lisbon, killing 3 and wounding more than 10 traders.",
            "10",
            dict(predicate="wound", place="Lisbon"),
        ),
        # a bare figure giving a tally: the tally is what is counted; a death toll counts the dead
        (
            "Officials said the death toll rose to 45 on Monday.",
            "45",
            dict(value=45.0, what="death toll", predicate="kill"),
        ),
        # "N of them" borrows the last counted thing, skipping a list of years
        (
            "The two states fought four border wars, in 1921, 1934, and 1950, and two of them were brief.",
            "two of",
            dict(value=2.0, what="border wars"),
        ),
    ],
)
def test_context_phenomena(nlp, text, needle, expected):
    c = _at(_claims(nlp, text), text, needle)
    for key, want in expected.items():
        got = getattr(c, key)
        assert got == (pytest.approx(want) if isinstance(want, float) else want), (key, c)


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


@pytest.mark.parametrize(
    "needle, expected",
    [
        ("almost 20%", dict(value=20.0, high=20.0, unit="%", change="<", what="territory", predicate="occupy")),
        ("30 years", dict(value=30.0, unit="year")),
        ("hundreds of civilians", dict(value=None, low=100.0, high=1000.0, what="civilians", predicate="kill")),
        ("106 women", dict(value=106.0, what="women")),
        ("63 children", dict(value=63.0, what="children")),
        ("1,275 Azerbaijanis", dict(value=1275.0, what="Azerbaijanis", predicate="take hostage")),
        ("150 of them", dict(value=150.0, predicate="missing")),
        ("613 Azerbaijanis", dict(value=613.0, what="Azerbaijanis", predicate="kill")),
        ("487 others", dict(value=487.0, predicate="injure")),
        (
            "nearly 300 settlements",
            dict(value=300.0, high=300.0, approx=True, what="settlements and villages", predicate="liberate"),
        ),
        ("44-day", dict(value=44.0, unit="day")),
        ("killing 12", dict(value=12.0, what="people", predicate="kill")),
        ("more than 40 people", dict(value=40.0, low=40.0, change=">", what="people", predicate="injure")),
        ("killed 30,000", dict(value=30000.0, predicate="kill")),
        ("nearly 80 civilians", dict(value=80.0, high=80.0, approx=True, what="civilians", predicate="kill")),
        ("some 30,000 people", dict(value=30000.0, approx=True, change="~", predicate="kill")),
        ("29 casualties", dict(value=29.0, what="casualties")),
        ("toll to 633", dict(value=633.0, what="military death toll", predicate="kill")),
        ("1948, 1965, and 1971", dict(value=(1948.0, 1965.0, 1971.0), unit="year")),
        ("four resolutions", dict(value=4.0, what="resolutions")),
        ("three full-scale wars", dict(value=3.0, what="full-scale wars", predicate="fight")),
        ("two-hour", dict(value=2.0, unit="hour")),
    ],
)
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
    for _text, claims in seeds:
        for c in claims:
            assert not (isinstance(c.value, float) and 1900 <= c.value <= 2100 and c.unit != "year"), c
            assert "anniversary" not in c.text


def test_time_claims_give_time_and_block_dates(nlp):

    text = "On 4 May 2031, 17 ferries were stranded in the strait."
    s = text.index("4 May 2031")
    t = make_claim(
        id="t1",
        doc="t",
        kind="time",
        start=s,
        end=s + 10,
        text=text[s : s + 10],
        stage="time@1",
        value_iso="2031-05-04",
        timex_type="DATE",
    )
    doc = Document(id="t", source="test", text=text, raw_text=text)
    claims = quantities.extract(nlp(text), doc, times=[t])
    assert [c.value for c in claims] == [17.0]
    assert claims[0].time == "2031-05-04" and claims[0].what == "ferries"


@pytest.mark.parametrize(
    "text, unit",
    [
        ("A $10,000 reward is offered for tips.", "USD"),  # the article "A", not Australian dollars
        ("The ferry cost A$10,000 in Osterby.", "AUD"),
        ("The rink cost C$5 million.", "CAD"),
        ("The loan was US $84 million.", "USD"),
    ],
)
def test_a_letter_before_a_dollar_sign_names_the_dollar_only_when_glued_to_it(nlp, text, unit):
    assert [c.unit for c in _claims(nlp, text) if "$" in c.text] == [unit]
