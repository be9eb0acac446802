"""What a figure measures: units and currencies converted, ages of people, magnitudes, and the event
a figure belongs to (fictional documents, hand-built claims)."""

from __future__ import annotations

from rashomon.crosscheck import link, verdict
from rashomon.records import Entity, Mention
from tests.crosscheck._claims import doc, qty


def _findings(rows, events=None, entities=()):
    """rows: (outlet, published, sentence, evidence, value, fields)."""
    docs, claims = [], []
    for i, (outlet, published, sentence, evidence, value, fields) in enumerate(rows):
        d = doc(f"d{i}", sentence, outlet, published)
        docs.append(d)
        claims.append(qty(d, evidence, value, **fields))
    facets = link.facets(claims, docs, list(entities), event_of=events)
    return verdict.quantity_findings(facets), facets


def _linked(findings):
    return [f for f in findings if len(f.claims) > 1]


def test_miles_meet_kilometres_and_agree():
    findings, facets = _findings(
        [
            ("A", "2025-05-04", "Police chased him for 30 miles across Dunmore.", "30 miles", 30, {"unit": "mi"}),
            ("B", "2025-05-04", "Police chased him for 48km across Dunmore.", "48km", 48, {"unit": "km"}),
        ]
    )
    assert {f.key for f in facets} == {"length/"}
    (f,) = _linked(findings)
    assert f.status == "agree", f.summary


def test_a_fraction_meets_a_percentage_of_the_same_share():
    rows = [
        ("A", "2025-05-04", "Osterby said one in every 500 Velmo users in Dunmore had been exposed.",
         "one in every 500 Velmo users", 0.002, {"unit": "fraction", "what": "Velmo users", "predicate": "expose"}),
        ("B", "2025-05-04", "Osterby said roughly 0.2 percent of Velmo users in Dunmore may have been exposed.",
         "roughly 0.2 percent of Velmo users", 0.2,
         {"unit": "%", "low": 0.18, "high": 0.22, "approx": True, "what": "Velmo users", "predicate": "expose"}),
    ]  # fmt: skip
    findings, facets = _findings(rows)
    assert len({f.key for f in facets}) == 1, [f.key for f in facets]
    (f,) = _linked(findings)
    assert f.status == "agree", f.summary
    rows[1] = (*rows[1][:4], 2.0, {**rows[1][5], "low": 1.8, "high": 2.2})  # two percent: ten times as many
    (f,) = _linked(_findings(rows)[0])
    assert f.status != "agree", f.summary


def test_sums_in_two_currencies_agree_and_one_currency_is_exact():
    rows = [
        (
            "A",
            "2025-05-04",
            "Thieves took jewels worth 2 million euros in Port Aven.",
            "2 million euros",
            2e6,
            {"unit": "EUR"},
        ),
        (
            "B",
            "2025-05-04",
            "Thieves took jewels worth $2.6 million in Port Aven.",
            "$2.6 million",
            2.6e6,
            {"unit": "USD"},
        ),
    ]
    (f,) = _linked(_findings(rows)[0])
    assert f.status == "agree", f.summary
    rows = [
        ("A", "2025-05-04", "Thieves took jewels worth 80 million euros.", "80 million euros", 8e7, {"unit": "EUR"}),
        ("B", "2025-05-04", "Thieves took jewels worth 85 million euros.", "85 million euros", 8.5e7, {"unit": "EUR"}),
    ]
    (f,) = _linked(_findings(rows)[0])
    assert f.status != "agree"  # EUR 80m and EUR 85m are not one sum, whatever a conversion would allow


def test_two_lengths_said_of_different_things_only_meet_when_they_agree():
    rows = [
        (
            "A",
            "2025-05-04",
            "The quake struck 58 km south-west of Port Aven.",
            "58 km",
            58,
            {"unit": "km", "predicate": "strike"},
        ),
        (
            "B",
            "2025-05-04",
            "Port Aven lies 1,500 km south of the capital.",
            "1,500 km",
            1500,
            {"unit": "km", "predicate": "lie"},
        ),
    ]
    findings, _ = _findings(rows, events={"d0": "e1", "d1": "e1"})
    assert not _linked(findings)


def _person(eid, name, docs_spans):
    return Entity(eid, name, "PERSON", (), tuple(Mention(d, s, e, name, "PERSON") for d, s, e in docs_spans))


def test_an_age_is_an_attribute_of_its_person_not_a_duration():
    a = "Ilse Marren, a 37-year-old pilot, landed in Port Aven."
    b = "The 37-year-old Ilse Marren landed in Port Aven."
    c = "Oren Vasquel, a 52-year-old pilot, landed in Port Aven."
    rows = [
        ("A", "2025-05-04", a, "37-year-old", 37, {"unit": "year", "what": "age"}),
        ("B", "2025-05-04", b, "37-year-old", 37, {"unit": "year", "what": "age"}),
        ("C", "2025-05-04", c, "52-year-old", 52, {"unit": "year", "what": "age"}),
    ]
    ents = [
        _person("e_marren", "Ilse Marren", [("d0", 0, 11), ("d1", 16, 27)]),
        _person("e_vasquel", "Oren Vasquel", [("d2", 0, 12)]),
    ]
    findings, facets = _findings(rows, entities=ents)
    assert [f.key for f in facets] == ["age/e_marren", "age/e_marren", "age/e_vasquel"]
    (f,) = _linked(findings)
    assert f.status == "agree" and len(f.claims) == 2


def test_ages_in_a_list_belong_to_the_name_before_and_move_on_between_reports_a_year_apart():
    a = "Omar Pell, 18, and Tamsin Crole, 20, were hurt in Port Aven."
    b = "Tamsin Crole, 20, was hurt in Port Aven."
    c = "Tamsin Crole, 21, testified in Port Aven."
    age = {"unit": "year", "what": "age"}
    ents = [
        _person("e_pell", "Omar Pell", [("d0", 0, 9)]),
        _person("e_crole", "Tamsin Crole", [("d0", 19, 31), ("d1", 0, 12), ("d2", 0, 12)]),
    ]
    rows = [("A", "2025-05-04", a, "18", 18, age), ("B", "2025-05-05", b, "20", 20, age)]
    findings, facets = _findings(rows, entities=ents)
    assert [f.key for f in facets] == ["age/e_pell", "age/e_crole"]
    assert not _linked(findings)
    rows = [("A", "2025-05-04", b, "20", 20, age), ("B", "2026-06-01", c, "21", 21, age)]
    ents = [_person("e_crole", "Tamsin Crole", [("d0", 0, 12), ("d1", 0, 12)])]
    (f,) = _linked(_findings(rows, entities=ents)[0])
    assert f.status == "update" and "Tamsin Crole aged 20" in f.summary
    rows = [("A", "2025-05-04", b, "20", 20, age), ("B", "2025-05-06", c, "21", 21, age)]
    (f,) = _linked(_findings(rows, entities=ents)[0])
    assert f.status == "conflict"


def test_an_age_before_a_name_is_that_names_not_the_one_before_it():
    a = "Her children Deontae, five-year-old Dakotta and Saniah were in Port Aven."
    ents = [_person("e_deontae", "Deontae", [("d0", 13, 20)]), _person("e_dakotta", "Dakotta", [("d0", 36, 43)])]
    rows = [("A", "2025-05-04", a, "five-year", 5, {"unit": "year", "what": "age"})]  # as the extractor reads it
    _, facets = _findings(rows, entities=ents)
    assert [f.key for f in facets] == ["age/e_dakotta"]
    b = "Her children Deontae, 5, and Saniah were in Port Aven."  # an age in apposition stays the name's before it
    ents = [_person("e_deontae", "Deontae", [("d0", 13, 20)])]
    _, facets = _findings([("A", "2025-05-04", b, "5", 5, {"unit": "year", "what": "age"})], entities=ents)
    assert [f.key for f in facets] == ["age/e_deontae"]


def test_magnitudes_conflict_and_aftershocks_stay_apart():
    rows = [
        ("A", "2025-05-04", "A 5.9-magnitude quake hit Port Aven.", "5.9", 5.9, {}),
        ("B", "2025-05-04", "The quake in Port Aven measured 6.1 on the Richter scale.", "6.1", 6.1, {}),
        ("C", "2025-05-04", "An aftershock of magnitude 4.2 followed in Port Aven.", "4.2", 4.2, {}),
    ]
    findings, facets = _findings(rows, events={"d0": "e1", "d1": "e1", "d2": "e1"})
    assert [f.key for f in facets] == ["magnitude/magnitude", "magnitude/magnitude", "magnitude/aftershock"]
    (f,) = _linked(findings)
    assert f.status == "conflict" and len(f.claims) == 2


def test_figures_of_two_events_are_never_compared_unless_their_sentences_date_them():
    rows = [
        (
            "A",
            "2025-05-04",
            "Four robbers raided a jeweller in Port Aven.",
            "Four robbers",
            4,
            {"predicate": "raid", "what": "robbers"},
        ),
        (
            "B",
            "2025-05-04",
            "Four robbers raided a jeweller in Port Aven.",
            "Four robbers",
            4,
            {"predicate": "raid", "what": "robbers"},
        ),
    ]
    assert not _linked(_findings(rows, events={"d0": "e1", "d1": "e2"})[0])
    assert _linked(_findings(rows, events={"d0": "e1", "d1": "e1"})[0])
    dated = [r[:5] + ({**r[5], "time": "2008-12"},) for r in rows]
    assert _linked(_findings(dated, events={"d0": "e1", "d1": "e2"})[0])


def test_a_place_word_every_report_uses_ties_no_two_stories():
    rows = [("A", "Eight people were wounded across the city overnight.", "Eight people", 8),
            ("B", "Six people were wounded in the city on Sunday.", "Six people", 6)]  # fmt: skip
    docs = [doc(f"d{i}", sentence, outlet, "2025-05-04") for i, (outlet, sentence, _, _) in enumerate(rows)]
    claims = [
        qty(d, evidence, value, predicate="wound", what="people") for d, (_, _, evidence, value) in zip(docs, rows)
    ]
    facets = link.facets(claims, docs, [], story_of={"d0": "s1", "d1": "s2"})
    assert not _linked(verdict.quantity_findings(facets))  # "the city": whose? no anchor of one place


def test_a_figure_dated_months_before_the_report_is_another_event():
    rows = [
        ("A", "2025-11-27", "The quake killed 10 people in Port Aven.", "10 people", 10, {"predicate": "kill"}),
        (
            "B",
            "2025-11-27",
            "In February a quake killed 612 people in Port Aven.",
            "612 people",
            612,
            {"predicate": "kill", "time": "2025-02"},
        ),
    ]
    assert not _linked(_findings(rows)[0])


def test_a_noun_the_vocabulary_does_not_know_is_its_own_thing():
    f = _findings(
        [("A", "2025-05-04", "Three holdouts were killed in Port Aven.", "Three holdouts", 3, {"what": "holdouts"})]
    )[1][0]
    assert f.key == "kill/holdout"


def test_counts_of_two_charges_are_two_things():
    murder = ("Ilse Banky was charged with one count of murder.", "one count of murder", 1, "count of murder")
    attempted = ("Banky faces four counts of attempted murder.", "four counts of attempted murder", 4,
                 "counts of attempted murder")  # fmt: skip
    rows = [(outlet, "2025-05-04", sentence, evidence, value, {"what": what, "predicate": "charge"})
            for outlet, (sentence, evidence, value, what) in zip("AB", (murder, attempted))]  # fmt: skip
    findings, facets = _findings(rows)
    assert [f.key for f in facets] == ["charge/count of murder", "charge/count of attempted murder"]
    assert not _linked(findings)


def test_an_age_in_apposition_is_an_age_not_a_toll():
    rows = [("A", "2025-05-04", "Ilse Banky, 40, died in Port Aven.", "40", 40, {"what": "age", "unit": "year"})]
    ents = [_person("e_banky", "Ilse Banky", [("d0", 0, 10)])]
    (f,) = _findings(rows, entities=ents)[1]
    assert f.key == "age/e_banky"


def test_a_campaign_figure_meets_across_the_events_of_two_reports():
    rows = [
        ("A", "2021-11-08", "During the war, Valdoria liberated nearly 300 villages.", "nearly 300 villages", 300, {}),
        ("B", "2024-02-01", "In that war Valdoria liberated about 300 villages.", "about 300 villages", 300, {}),
    ]
    spans = [(f"d{i}", r[2].index("Valdoria"), r[2].index("Valdoria") + 8) for i, r in enumerate(rows)]
    valdoria = Entity(
        "e_valdoria", "Valdoria", "GPE", (), tuple(Mention(d, s, e, "Valdoria", "GPE") for d, s, e in spans)
    )
    (f,) = _linked(_findings(rows, events={"d0": "e1", "d1": "e2"}, entities=[valdoria])[0])
    assert f.key == "capture/settlement" and f.status == "agree"


def test_a_harm_in_the_sentence_does_not_say_which_length_it_is():
    rows = [
        ("A", "2025-05-04", "He drove 150 miles west to Dunmore, where he shot a clerk twice in the leg.", "150 miles",
         150, {"unit": "mi"}),
        ("B", "2025-05-04", "He is suspected of shooting a man in Dunmore, about 30 miles from the border.",
         "about 30 miles", 30, {"unit": "mi", "low": 27, "high": 33, "approx": True}),
    ]  # fmt: skip
    findings, facets = _findings(rows)
    assert {f.qualifier for f in facets} == {""}  # "shot" is no length's
    assert not [f for f in findings if f.status == "conflict"], [(f.status, f.summary) for f in findings]
