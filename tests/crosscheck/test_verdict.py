"""Verdicts on linked quantity claims: one parametrized case per status, independence, summaries."""

from __future__ import annotations

import pytest

from rashomon.crosscheck import link, verdict
from rashomon.records import Document, make_claim, stable_id
from tests.crosscheck._claims import doc, qty

# (outlet, published, sentence, evidence, value, extra claim fields)
CASES = {
    "agree_percent": (
        [
            ("A", "2025-05-02", "The army now controls almost 15% of the Lerin region.", "almost 15%", 15),
            ("B", "2025-05-05", "The army now controls 15% of the Lerin region.", "15%", 15),
        ],
        "agree",
    ),
    "agree_duration": (
        [
            ("A", "2025-05-02", "The army ended a 10-day siege of the city.", "10-day", 10),
            ("B", "2025-05-05", "The army besieged the city for ten days.", "ten days", 10),
        ],
        "agree",
    ),
    "conflict_bounds": (
        [
            (
                "A",
                "2025-05-05",
                "The army has seized more than 40 villages in the valley.",
                "more than 40 villages",
                40,
            ),
            (
                "B",
                "2025-05-06",
                "Troops captured nearly 40 villages and hamlets in the valley.",
                "nearly 40 villages and hamlets",
                40,
            ),
        ],
        "conflict",
    ),
    "conflict_toll": (
        [
            ("A", "2025-05-04", "9 people were killed in the strike on the market on Saturday.", "9 people", 9),
            ("B", "2025-05-04", "12 people were killed in the strike on the market on Saturday.", "12 people", 12),
        ],
        "conflict",
    ),
    "update": (
        [
            (
                "A",
                "2025-05-02",
                "At least 22 people have been killed in Port Aven since the fighting began.",
                "At least 22 people",
                22,
            ),
            ("B", "2025-05-05", "31 people have been killed in Port Aven since the war began.", "31 people", 31),
        ],
        "update",
    ),
    # reports of one day: the one that says the figure rose came after
    "update_same_day_said_so": (
        [
            ("A", "2025-05-05", "22 people have been killed in Port Aven since the war began.", "22 people", 22),
            (
                "B",
                "2025-05-05",
                "The toll has risen to 31 people killed in Port Aven since the war began.",
                "31 people",
                31,
            ),
        ],
        "update",
    ),
    "same_day_unsaid_is_conflict": (
        [
            ("A", "2025-05-05", "22 people have been killed in Port Aven since the war began.", "22 people", 22),
            ("B", "2025-05-05", "31 people have been killed in Port Aven since the war began.", "31 people", 31),
        ],
        "conflict",
    ),
    # the day's first count was a floor the toll has since passed: news, though the later report does not say so
    "update_floor_passed": (
        [
            ("A", "2025-05-04", "At least 3 people were killed in the quake on Sunday.", "At least 3 people", 3),
            ("B", "2025-05-05", "10 people were killed in the quake on Sunday.", "10 people", 10),
        ],
        "update",
    ),
    # the night's two counts differ, and a later day's report gives the higher one: the lower was superseded
    "update_confirmed_later": (
        [
            ("A", "2025-05-04", "16 people were injured in the shooting at the park on Sunday.", "16 people", 16),
            ("B", "2025-05-04", "17 people were injured in the shooting at the park on Sunday.", "17 people", 17),
            ("C", "2025-05-20", "17 people were injured in the shooting at the park on May 4.", "17 people", 17),
        ],
        "update",
    ),
    "later_report_of_each_is_conflict": (
        [
            ("A", "2025-05-04", "16 people were injured in the shooting at the park on Sunday.", "16 people", 16),
            ("B", "2025-05-04", "17 people were injured in the shooting at the park on Sunday.", "17 people", 17),
            ("C", "2025-05-20", "16 people were injured in the shooting at the park on May 4.", "16 people", 16),
        ],
        "conflict",
    ),
    "count_revised_the_next_day_is_update": (
        [
            ("A", "2025-05-04", "7 people were shot in the park on Sunday.", "7 people", 7),
            ("B", "2025-05-05", "6 people were shot in the park on Sunday.", "6 people", 6),
        ],
        "update",
    ),
    "lower_later_is_conflict": (
        [
            ("A", "2025-05-02", "31 people have been killed since the war began.", "31 people", 31),
            ("B", "2025-05-05", "22 people have been killed since the war began.", "22 people", 22),
        ],
        "conflict",
    ),
    "scope_granularity": (
        [
            ("A", "2025-05-05", "31 people have been killed in Port Aven since the war began.", "31 people", 31),
            ("B", "2025-05-04", "9 people were killed when a missile struck the market on Saturday.", "9 people", 9),
        ],
        "scope_difference",
    ),
    "scope_category": (
        [
            ("A", "2025-05-04", "9 people were killed in the strike on Saturday.", "9 people", 9),
            ("B", "2025-05-06", "7 civilians were killed in the strike on Saturday.", "7 civilians", 7),
        ],
        "scope_difference",
    ),
    "unknown_thin": (
        [
            ("A", "2025-05-04", "Officials say 9 people were killed.", "9 people", 9),
            ("B", "2025-05-04", "Reports say 14 people were killed.", "14 people", 14),
        ],
        "unknown",
    ),
    "bound_fits_but_thin": (
        [
            ("A", "2025-05-04", "Officials say 487 others were injured.", "487 others", 487),
            (
                "B",
                "2025-05-04",
                "Reports say more than 40 people were injured.",
                "more than 40 people",
                40,
                {"low": 40.0},
            ),
        ],
        "unknown",
    ),
    "years_differ": (
        [
            (
                "A",
                "2025-05-04",
                "Floods killed people in 1994 and 2016.",
                "1994 and 2016",
                (1994.0, 2016.0),
                {"what": "people"},
            ),
            (
                "B",
                "2025-05-04",
                "Floods killed people in 1994, 2016 and 2020.",
                "1994, 2016 and 2020",
                (1994.0, 2016.0, 2020.0),
                {"what": "people"},
            ),
        ],
        "unknown",
    ),
}


def build(rows):
    docs, claims = [], []
    for i, row in enumerate(rows):
        outlet, published, sentence, evidence, value, *extra = row
        d = doc(f"d{i}", sentence, outlet, published)
        docs.append(d)
        claims.append(qty(d, evidence, value, **(extra[0] if extra else {})))
    return docs, claims


def findings_for(rows):
    docs, claims = build(rows)
    return verdict.quantity_findings(link.facets(claims, docs, [])), claims


@pytest.mark.parametrize("name", sorted(CASES))
def test_verdict_cases(name):
    rows, expected = CASES[name]
    findings, claims = findings_for(rows)
    statuses = {f.status for f in findings}
    assert expected in statuses, [(f.status, f.summary) for f in findings]
    f = next(f for f in findings if f.status == expected)
    assert f.id == stable_id("f", *sorted(c.id for c in claims))
    assert f.kind == "quantity" and f.summary and f.outlets == tuple(sorted({r[0] for r in rows}))
    assert all(cid in {c.id for c in claims} for cid in f.claims)


def test_a_count_revised_down_the_next_day_says_so():
    findings, _ = findings_for(CASES["count_revised_the_next_day_is_update"][0])
    (f,) = [f for f in findings if f.status == "update"]
    assert "revised in later reports" in f.summary and "rose" not in f.summary


def test_a_group_told_two_ways_with_one_count_is_no_scope_difference():
    same = [
        ("A", "2025-05-04", "6 people were injured in the shooting on Saturday.", "6 people", 6),
        ("B", "2025-05-04", "6 adults were injured in the shooting on Saturday.", "6 adults", 6),
    ]
    findings, _ = findings_for(same)
    assert "scope_difference" not in {f.status for f in findings}, [(f.status, f.summary) for f in findings]
    part = [
        ("A", "2025-05-04", "5 people were injured in the shooting on Saturday.", "5 people", 5),
        ("B", "2025-05-04", "4 adults were injured in the shooting on Saturday.", "4 adults", 4),
    ]
    findings, _ = findings_for(part)
    assert "scope_difference" in {f.status for f in findings}, [(f.status, f.summary) for f in findings]


def test_one_person_described_is_never_compared_with_a_count_of_people():
    rows = [
        ("A", "2025-05-04", "4 people were shot in the park on Saturday.", "4 people", 4),
        ("B", "2025-05-04", "1 victim was shot in the park on Saturday.", "1 victim", 1, {"what": "victim"}),
    ]
    findings, _ = findings_for(rows)
    assert not any(len({c for c in f.claims}) > 1 for f in findings), [(f.status, f.summary) for f in findings]


def _scope_difference(rows) -> str:
    """The summary of the scope_difference finding over ``rows``, where none of their findings is a conflict."""
    findings, _ = findings_for(rows)
    statuses = {f.status for f in findings}
    assert "scope_difference" in statuses and "conflict" not in statuses, [(f.status, f.summary) for f in findings]
    return next(f.summary for f in findings if f.status == "scope_difference")


def test_a_toll_that_counts_the_attacker_is_another_scope_than_the_victims():
    rows = [
        ("A", "2025-05-04", "Seven people were killed in the park on Saturday, including the suspected shooter.",
         "Seven people", 7),
        ("B", "2025-05-04", "6 people were killed in the park on Saturday.", "6 people", 6),
    ]  # fmt: skip
    assert "with the attacker" in _scope_difference(rows)


def test_the_others_besides_someone_told_apart_are_another_scope_than_the_whole():
    rows = [
        ("A", "2025-05-04", "One man was killed and five others were shot in the park on Saturday.", "five others", 5,
         {"what": "others", "predicate": "shot"}),
        ("B", "2025-05-04", "Six men were shot in the park on Saturday.", "Six men", 6,
         {"what": "men", "predicate": "shot"}),
    ]  # fmt: skip
    assert "the others besides someone told apart" in _scope_difference(rows)
    rows[1] = (
        "B",
        "2025-05-04",
        "Five men were shot in the park on Saturday.",
        "Five men",
        5,
        {"what": "men", "predicate": "shot"},
    )
    findings, _ = findings_for(rows)  # where the two give one count, nobody was told apart: they agree
    assert [f.status for f in findings if len(f.claims) == 2] == ["agree"], [(f.status, f.summary) for f in findings]


def test_people_who_took_to_the_streets_are_a_protests_count_not_people_taken():
    rows = [
        ("A", "2025-05-04", "20,000 people took to the streets in Port Aven on Saturday.", "20,000 people", 20000,
         {"what": "people", "predicate": "take"}),
        ("B", "2025-05-04", "An estimated 100,000 people took to the streets in Port Aven on Saturday.",
         "100,000 people", 100000, {"what": "people", "predicate": "take"}),
    ]  # fmt: skip
    findings, _ = findings_for(rows)
    (f,) = [f for f in findings if len(f.claims) == 2]
    assert f.status == "conflict" and "took to the streets" in f.summary, f.summary


def test_what_someone_has_is_no_count_of_the_harm_beside_it():
    rows = [
        ("A", "2025-05-04", "The slain officer was married and has two grown children.", "two grown children", 2,
         {"what": "grown children", "predicate": "have"}),
        ("B", "2025-05-04", "Two people were slain in Port Aven on Saturday.", "Two people", 2,
         {"what": "people", "predicate": "slay"}),
        ("C", "2025-05-04", "One man died and the other three have serious injuries.", "three", 3,
         {"predicate": "have"}),
    ]  # fmt: skip
    docs, claims = build(rows)  # "three have serious injuries": the number has them, the injured
    assert [f.pred for f in link.facets(claims, docs, [])] == [None, "kill", "injure"]


def test_some_of_a_group_is_compared_with_nothing():
    rows = [
        ("A", "2025-05-04", "4 people were shot in the park on Saturday.", "4 people", 4),
        ("B", "2025-05-04", "Three of the victims were shot in the park on Saturday.", "Three of the victims", 3,
         {"what": "victims"}),
        ("C", "2025-05-05", "Two of the victims were shot in the park on Saturday.", "Two of the victims", 2,
         {"what": "victims"}),
    ]  # fmt: skip
    findings, claims = findings_for(rows)
    parts = {claims[1].id, claims[2].id}
    assert not any(parts & set(f.claims) for f in findings), [(f.status, f.summary) for f in findings]


def test_tolls_of_different_years_are_not_linked():
    rows = [
        ("A", "2025-05-04", "In Port Aven 613 people were killed in 1992.", "613 people", 613, {"time": "1992"}),
        ("B", "2025-05-04", "In Port Aven 12 people were killed in 2020.", "12 people", 12, {"time": "2020"}),
    ]
    findings, _ = findings_for(rows)
    assert all(len(f.claims) == 1 or f.status == "single_source" for f in findings), findings


def test_a_toll_its_sentence_dates_years_back_is_no_earlier_figure_of_this_weeks_toll():
    rows = [
        ("A", "2025-05-04", "In Port Aven 13 people were killed on Saturday.", "13 people", 13),
        ("B", "2025-05-05", "It was the worst since a plane crashed in Port Aven in 1982, killing 78 people.",
         "78 people", 78, {"time": "1982"}),
    ]  # fmt: skip
    findings, _ = findings_for(rows)
    assert {f.status for f in findings if len(f.claims) == 2} <= {"unknown"}, [(f.status, f.summary) for f in findings]


def test_running_totals_of_the_last_few_days_are_of_their_own_week():
    weekend = "At least {} people have been shot across Port Aven since Friday night."
    rows = [
        ("A", "2025-05-04", weekend.format(28), "At least 28 people", 28, {"low": 28.0, "change": ">="}),
        ("B", "2025-09-14", weekend.format(35), "At least 35 people", 35, {"low": 35.0, "change": ">="}),
    ]
    findings, _ = findings_for(rows)
    assert all(len(f.claims) == 1 or f.status == "single_source" for f in findings), findings
    rows[1] = ("B", "2025-05-05", weekend.format(35), "At least 35 people", 35, {"low": 35.0, "change": ">="})
    findings, _ = findings_for(rows)
    assert [f.status for f in findings] == ["update"], findings  # the next day: the same weekend's total


def test_people_counted_in_two_coded_incidents_are_not_one_fact():
    said = "Police said {} officers were involved in the shooting in Port Aven."
    rows = [
        ("A", "2025-05-04", said.format("four"), "four officers", 4),
        ("B", "2025-05-04", said.format("three"), "three officers", 3),
    ]
    docs, claims = build(rows)

    def linked(incident_of):
        found = verdict.quantity_findings(link.facets(claims, docs, [], incident_of=incident_of))
        return [f for f in found if len(f.claims) == 2]

    assert not linked({"d0": "i_one", "d1": "i_two"})  # nor reported as two scopes of one fact
    assert linked({"d0": "i_one", "d1": "i_one"})


def test_list_values_with_shared_context_conflict():
    rows = [
        (
            "A",
            "2025-05-04",
            "Floods killed people in Port Aven since 1994: in 1994 and 2016.",
            "1994 and 2016",
            (1994.0, 2016.0),
            {"what": "people", "place": "Port Aven"},
        ),
        (
            "B",
            "2025-05-04",
            "Floods killed people in Port Aven since 1994: in 1994, 2016 and 2020.",
            "1994, 2016 and 2020",
            (1994.0, 2016.0, 2020.0),
            {"what": "people", "place": "Port Aven"},
        ),
    ]
    findings, _ = findings_for(rows)
    assert [f.status for f in findings] == ["conflict"]


def test_unrelated_numbers_make_no_finding():
    rows = [
        ("A", "2025-05-04", "Port Aven was home to about 60,000 people.", "about 60,000 people", 60000),
        ("B", "2025-05-04", "9 people were killed in the strike.", "9 people", 9),
    ]
    findings, _ = findings_for(rows)
    assert findings == []


def test_wire_copies_and_shared_attribution_count_once():
    text = "At least 22 people have been killed since the fighting began, according to the Health Ministry."
    wire = doc("w", text, "Meridian Wire", "2025-05-02")
    copy1 = doc("c1", "Intro. " + text, "Brenmoor Post", "2025-05-02", duplicate_of="w")
    copy2 = doc("c2", text + " Outro.", "Coastline Gazette", "2025-05-03", duplicate_of="c1")
    other = doc(
        "n",
        "31 people have been killed since the war began, the Health Ministry said.",
        "Northgate Times",
        "2025-05-05",
    )
    claims = [qty(d, "At least 22 people", 22) for d in (wire, copy1, copy2)] + [qty(other, "31 people", 31)]
    facets = link.facets(claims, [wire, copy1, copy2, other], [])
    (f,) = verdict.quantity_findings(facets)
    assert f.status == "update"
    counts = {s.value: s for s in f.independent_sources}
    assert counts["at least 22"].independent_sources == 1 and len(counts["at least 22"].outlets) == 3
    assert counts["31"].independent_sources == 1
    assert "Northgate Times (2025-05-05)" in f.summary


def test_copies_alone_are_a_single_source():
    text = "The army now controls almost 15% of the Lerin region."
    a = doc("a", text, "Meridian Wire", "2025-05-02")
    b = doc("b", text, "Brenmoor Post", "2025-05-02", duplicate_of="a")
    (f,) = verdict.quantity_findings(link.facets([qty(a, "almost 15%", 15), qty(b, "almost 15%", 15)], [a, b], []))
    assert f.status == "single_source"


def test_same_attributed_source_counts_once():
    a = doc("a", "9 people were killed in the strike, according to the emergency service.", "Kestrel Daily")
    b = doc("b", "9 people were killed in the strike, the emergency service said.", "Northgate Times")
    c = doc("c", "12 people were killed in the strike, the Interior Ministry said.", "Valdoria Herald")
    claims = [qty(a, "9 people", 9), qty(b, "9 people", 9), qty(c, "12 people", 12)]
    (f,) = verdict.quantity_findings(link.facets(claims, [a, b, c], []))
    assert f.status == "conflict"
    counts = {s.value: s.independent_sources for s in f.independent_sources}
    assert counts == {"9": 1, "12": 1}


def test_scope_summary_reads_like_news():
    rows = CASES["scope_granularity"][0]
    findings, _ = findings_for(rows)
    s = next(f for f in findings if f.status == "scope_difference").summary
    assert "A: 31 people killed since the war began" in s
    assert "B: 9 people killed when a missile struck the market on Saturday" in s
    assert s.endswith("different scope, not a contradiction.")


def test_a_death_toll_reads_as_deaths():
    findings, _ = findings_for(
        [
            (
                "A",
                "2020-10-10",
                "The ministry said the military death toll rose to 633.",
                "633",
                633,
                {"what": "military death toll"},
            ),
            ("B", "2020-10-11", "Officials counted 14 deaths.", "14", 14),
        ]
    )
    [f] = findings  # military deaths are a narrower scope than deaths
    assert f.status == "scope_difference"
    assert "combatants only, running total — A: 633 military deaths" in f.summary and "B: 14 deaths" in f.summary


def test_entities_are_those_mentioned_in_the_claim_sentence():
    from rashomon.records import Entity, Mention

    a = doc("a", "Intro about Valmora. 9 people were killed in Port Aven in the strike.", "A")
    b = doc("b", "12 people were killed in Port Aven in the strike.", "B")
    pa = Entity(
        "e_pa",
        "Port Aven",
        "GPE",
        ("Port Aven",),
        (
            Mention("a", a.text.index("Port Aven"), a.text.index("Port Aven") + 9, "Port Aven", "GPE"),
            Mention("b", 25, 34, "Port Aven", "GPE"),
        ),
    )
    va = Entity("e_va", "Valmora", "GPE", ("Valmora",), (Mention("a", 12, 19, "Valmora", "GPE"),))
    (f,) = verdict.quantity_findings(link.facets([qty(a, "9 people", 9), qty(b, "12 people", 12)], [a, b], [pa, va]))
    assert f.status == "conflict" and f.entities == ("e_pa",)


def test_thin_cluster_is_not_reported_again_as_a_scope_difference():
    # A's toll is tied to nothing; B names Port Aven for its toll and for its civilians
    a = doc("a", "During the offensive, 613 people were killed.", "A")
    b = doc("b", "More than 700 people were killed in Port Aven. Nearly 80 civilians were killed in Port Aven.", "B")
    claims = [
        qty(a, "613 people", 613),
        qty(b, "More than 700 people", 700, low=700.0),
        qty(b, "Nearly 80 civilians", 80, high=80.0, approx=True),
    ]
    findings = verdict.quantity_findings(link.facets(claims, [a, b], []))
    thin = claims[0].id
    statuses = {f.status for f in findings if thin in f.claims}
    assert statuses == {"unknown"}, [(f.status, f.summary) for f in findings]


def test_tolls_of_different_years_are_neither_linked_nor_scopes():
    # the year of the first comes from the sentence before it; the second's month-day takes its
    # document's (inferred) publication year
    a = doc(
        "a",
        "On 25 February 1992, troops stormed Tarn.\n\nDuring the two-hour assault, 613 people were killed.",
        "A",
        published=None,
    )
    b = Document(
        id="b",
        source="b.txt",
        outlet="B",
        published=None,
        published_window=("2020-09-27", "2020-12-28"),
        text=(t := "Fighting erupted on September 27 and has so far killed more than 700 people."),
        raw_text=t,
    )
    ta = make_claim(
        id="ta",
        doc="a",
        kind="time",
        start=3,
        end=19,
        text="25 February 1992",
        stage="t",
        value_iso="1992-02-25",
        timex_type="DATE",
    )
    claims = [ta, qty(a, "613 people", 613), qty(b, "more than 700 people", 700, low=700.0, time="XXXX-09-27")]
    fs = link.facets(claims, [a, b], [])
    assert [f.years for f in fs] == [(1992, 1992), (2020, 2020)]
    # a caller passing the quantity claims only: the year is read from the dated phrase itself
    assert [f.years for f in link.facets(claims[1:], [a, b], [])] == [(1992, 1992), (2020, 2020)]
    findings = verdict.quantity_findings(fs)
    assert {f.status for f in findings} == {"single_source"}, [(f.status, f.summary) for f in findings]


def test_a_decade_contains_its_years():
    a = doc("a", "Some 30,000 people were killed since the 1990s in the region.", "A")
    b = doc("b", "In 1992, 613 people were killed in a two-hour assault in the region.", "B")
    claims = [qty(a, "Some 30,000 people", 30000, approx=True, time="199"), qty(b, "613 people", 613, time="1992")]
    (f,) = [f for f in verdict.quantity_findings(link.facets(claims, [a, b], [])) if f.status == "scope_difference"]
    assert "running total, 1990s" in f.summary and "one incident, 1992" in f.summary


def test_casualty_counts_of_two_coded_incidents_or_of_a_round_up_are_not_judged():
    rows, _ = CASES["conflict_toll"]
    docs, claims = build(rows)
    ids = [d.id for d in docs]
    one = link.facets(claims, docs, [], incident_of={i: "i1" for i in ids})
    assert "conflict" in {f.status for f in verdict.quantity_findings(one)}
    two = link.facets(claims, docs, [], incident_of=dict(zip(ids, ("i1", "i2"))))
    assert {f.status for f in verdict.quantity_findings(two)} <= {"unknown", "single_source"}
    # a report that also gives another figure of the measure (a round-up, a part of the group)
    text = rows[0][2] + " Elsewhere 3 people were killed in the strike on the market on Saturday."
    docs, claims = build([(rows[0][0], rows[0][1], text, rows[0][3], rows[0][4]), rows[1]])
    claims.append(qty(docs[0], "3 people", 3))
    found = verdict.quantity_findings(link.facets(claims, docs, [], incident_of={d.id: "i1" for d in docs}))
    assert "conflict" not in {f.status for f in found}


def _harm(d: Document, evidence: str, measure: str, value: float):
    """A casualty claim over ``evidence``, as the casualty reader gives it."""
    start = d.text.index(evidence)
    end = start + len(evidence)
    return make_claim(id=stable_id("c", d.id, evidence), doc=d.id, kind="casualty", start=start, end=end,
                      text=evidence, stage="test@1", measure=measure, value=value)  # fmt: skip


def test_a_count_is_judged_only_as_its_reports_own_toll_and_as_the_casualty_reader_read_it():
    a = doc("a", "Nine people were killed in the blast at the depot on Saturday.", "A")
    b = doc("b", "One man died and 4 others were killed in the blast at the depot on Saturday.", "B")
    # B's reader: one killed, and the 4 were hurt ("4 others were injured" misread as killed by the nearest verb)
    claims = [qty(a, "Nine people", 9), qty(b, "4 others", 4), _harm(a, "Nine people were killed", "killed", 9),
              _harm(b, "One man died", "killed", 1), _harm(b, "4 others were killed", "injured", 4)]  # fmt: skip
    facets = {f.claim.doc: f for f in link.facets(claims, [a, b], [], incident_of={"a": "i1", "b": "i1"})}
    assert facets["a"].pred == "kill" and facets["a"].toll
    assert facets["b"].pred == "injure"  # the reader's measure, not the nearest harm word
    found = verdict.quantity_findings(list(facets.values()))
    assert "conflict" not in {f.status for f in found}
    # a number the casualty reader did not read as the report's toll (a witness's guess, another shooting)
    # is not judged, unless its own words give its scope ("in the blast at the depot")
    a = doc("a", "Nine people were killed in Chicago on Saturday.", "A")
    c = doc("c", "Two people were killed. A witness said 12 people were killed in Chicago on Saturday.", "C")
    claims = [qty(a, "Nine people", 9), qty(c, "12 people", 12), _harm(a, "Nine people were killed", "killed", 9),
              _harm(c, "Two people were killed", "killed", 2)]  # fmt: skip
    facets = {f.claim.doc: f for f in link.facets(claims, [a, c], [], incident_of={"a": "i1", "c": "i1"})}
    assert facets["a"].toll and not facets["c"].toll
    assert "conflict" not in {f.status for f in verdict.quantity_findings(list(facets.values()))}
    unread = [x for x in claims if x.KIND == "quantity"]  # where the reader read nothing, the count is judged
    assert "conflict" in {
        f.status for f in verdict.quantity_findings(link.facets(unread, [a, c], [], incident_of={"a": "i1", "c": "i1"}))
    }


def test_tolls_of_one_incident_are_judged_where_they_stand_and_a_deeper_count_stays_apart():
    # the incident layer ties the reports: their tolls conflict though neither stands in the lead
    filler = "The march had begun peacefully in the morning. " * 14
    a = doc("a", filler + "Police said 12 people were injured.", "A")
    b = doc("b", filler + "Police said 18 people were injured.", "B")
    c = doc("c", filler + "Police said 12 people were injured. A quake in 2005 injured 1,400 people.", "C")
    claims = [qty(a, "12 people", 12), qty(b, "18 people", 18), qty(c, "1,400 people", 1400),
              _harm(a, "12 people were injured", "injured", 12), _harm(b, "18 people were injured", "injured", 18),
              _harm(c, "12 people were injured", "injured", 12)]  # fmt: skip
    facets = link.facets(claims, [a, b, c], [], incident_of={"a": "i1", "b": "i1", "c": "i1"})
    assert not any(f.lead for f in facets)
    found = verdict.quantity_findings(facets)
    conflict = next(f for f in found if f.status == "conflict")
    assert {v.value for v in conflict.independent_sources} == {"12", "18"}  # the recalled 1,400 is not in it
    alone = verdict.quantity_findings(link.facets(claims[:2], [a, b], []))  # nothing ties the two reports
    assert {f.status for f in alone} == {"unknown"}


def test_the_wounded_in_a_condition_are_another_scope_than_all_the_wounded():
    rows = [
        ("A", "2025-05-04", "Four people were injured in the park on Saturday.", "Four people", 4),
        ("B", "2025-05-04", "One person sustained life-threatening injuries in the park on Saturday.", "One person", 1),
    ]  # fmt: skip
    assert "in the condition stated only" in _scope_difference(rows)
    rows[1] = (
        "B",
        "2025-05-04",
        "All four victims suffered minor injuries in the park on Saturday.",
        "four victims",
        4,
    )
    findings, _ = findings_for(rows)
    assert [f.status for f in findings] == ["agree"], [(f.status, f.summary) for f in findings]  # all of them


def test_summaries_read_as_phrases_a_list_of_years_and_a_change_of_control():
    years = [("A", "2025-05-02", "Velmora and Dravik fought wars in 1948, 1965 and 1971.", "1948, 1965 and 1971",
              (1948.0, 1965.0, 1971.0), {"unit": "year"}),
             ("B", "2025-05-03", "They went to war in 1948, 1965 and 1971.", "1948, 1965 and 1971",
              (1948.0, 1965.0, 1971.0), {"unit": "year"})]  # fmt: skip
    (f,) = findings_for(years)[0]
    assert "1948, 1965, 1971 —" in f.summary and "()" not in f.summary
    villages = [("A", "2025-05-02", "Velmora regained control of 300 villages.", "300 villages", 300),
                ("B", "2025-05-03", "Troops took 300 villages.", "300 villages", 300)]  # fmt: skip
    (g,) = findings_for(villages)[0]
    assert g.status == "agree" and "regained control of 300 villages" in g.summary, g.summary


def test_a_summary_names_the_counted_noun_without_a_clause_coordinated_after_it():
    rows = [("A", "2025-05-02", "The quake injured 5 people and damaging buildings in Dargo.", "5 people", 5,
             {"what": "people and damaging buildings", "predicate": "injure"}),
            ("B", "2025-05-03", "The quake injured 5 people in Dargo.", "5 people", 5,
             {"what": "people", "predicate": "injure"})]  # fmt: skip
    (f,) = findings_for(rows)[0]
    assert "buildings" not in f.summary and "5 people injured" in f.summary, f.summary
