"""Linking quantity claims: predicate/thing classes, intervals, scope, blocking."""

from __future__ import annotations

import math

import pytest

from rashomon.crosscheck import clusters, link, sources
from rashomon.crosscheck.mentions import MentionIndex
from rashomon.records import make_claim
from tests.crosscheck._claims import doc, hedged, qty


def facet_of(text: str, evidence: str, value, outlet: str = "A", published: str = "2025-05-04", **fields):
    d = doc("d_" + outlet, text, outlet, published)
    c = qty(d, evidence, value, **fields)
    return link.facet(c, d, {d.id: d}, MentionIndex([]))


@pytest.mark.parametrize(
    "text,evidence,value,key",
    [
        ("Rebels seized more than 40 villages in the valley.", "more than 40 villages", 40, "capture/settlement"),
        (
            "Troops captured several towns and nearly 40 villages and hamlets.",
            "nearly 40 villages and hamlets",
            40,
            "capture/settlement",
        ),
        ("The army retook 12 settlements on Monday.", "12 settlements", 12, "capture/settlement"),
        ("Government forces liberated 7 hamlets.", "7 hamlets", 7, "capture/settlement"),
        ("At least 22 people have been killed since the fighting began.", "At least 22 people", 22, "kill/people"),
        ("The death toll rose to 31 people.", "31 people", 31, "kill/people"),
        ("7 civilians were killed in the strike.", "7 civilians", 7, "kill/people"),
        ("He was held in the fatal shooting of two people.", "two people", 2, "kill/people"),
        ("The army now controls almost 15% of the region.", "almost 15%", 15, "control/territory"),
        ("It ended a 10-day siege of the city.", "10-day", 10, "siege/duration"),
        ("The city was besieged for ten days.", "ten days", 10, "siege/duration"),
        ("Velmora regained control of more than 300 villages.", "more than 300 villages", 300, "capture/settlement"),
    ],
)
def test_predicate_and_thing_classes(text, evidence, value, key):
    assert facet_of(text, evidence, value).key == key


@pytest.mark.parametrize(
    "text,evidence,value,fields,category",
    [
        (
            "Officials pushed the military death toll to 633 since fighting erupted.",
            "633",
            633,
            {"what": "military death toll"},
            "combatants",
        ),
        ("The fighting has caused 12 deaths so far.", "12", 12, {}, None),
        ("There were 40 civilian deaths in the city.", "40", 40, {}, "civilians"),
    ],
)
def test_death_tolls_count_people_and_their_modifier_narrows_them(text, evidence, value, fields, category):
    f = facet_of(text, evidence, value, **fields)
    assert (f.key, f.category) == ("kill/people", category)


def test_the_counted_noun_ends_the_reading_not_the_people_of_the_next_clause():
    f = facet_of("One victim was deceased when officers arrived.", "One victim", 1, what="victim")
    assert (f.key.split("/")[1], f.category) == ("individual", None)  # one person, not the officers: no scope
    part = facet_of("Three of the victims were shot in the park.", "Three of the victims", 3, what="victims")
    assert part.key.split("/")[1] == "part"  # some of a group, never its count
    rest = facet_of("The other two victims were shot in the park.", "two victims", 2, what="victims")
    assert rest.key.split("/")[1] == "part"  # the rest of a group told before
    more = facet_of("In Velmora another 20,000 people marched.", "20,000 people", 20000, what="people")
    assert more.key.split("/")[1] == "people"  # another group's count (another town's), not part of one


@pytest.mark.parametrize(
    "text,evidence,fields",
    [
        ("He opened fire at the party, killing one man, police said.", "one", {"what": "man"}),  # police said it
        ("The shooting left one man dead, four wounded and police searching for the killer.", "four", {}),
        ("The three bank workers - two women and a man - were killed in the fire.", "three", {"what": "bank workers"}),
    ],
)
def test_the_words_after_the_numbers_phrase_are_not_what_it_counts(text, evidence, fields):
    assert facet_of(text, evidence, 3, **fields).category is None


def test_the_time_between_two_happenings_is_no_duration():
    f = facet_of("Twenty minutes after that shooting, he told his first victim to run.", "Twenty minutes", 20)
    assert f.thing is None and clusters.blocks([f]) == {}
    f = facet_of("20 minutes after that shooting, he ran.", "20 minutes", 20, unit="minute")
    assert f.dimension is None and clusters.blocks([f]) == {}
    assert facet_of("It ended a 10-day siege of the city.", "10-day", 10).key == "siege/duration"
    assert facet_of("Hackers used a zero-day flaw.", "zero-day", 0).thing is None  # a kind of flaw, no length


def test_people_taken_to_a_hospital_are_not_captured():
    f = facet_of("Four people were taken to a hospital.", "Four people", 4)
    assert f.pred is None and clusters.blocks([f]) == {}
    assert facet_of("Four people were taken hostage.", "Four people", 4).key == "capture/people"


@pytest.mark.parametrize(
    "text,evidence,value",
    [
        ("Port Aven was home to about 60,000 people before the war.", "about 60,000 people", 60000),
        ("The market opened shortly after 10 a.m. on Friday.", "10", 10),
    ],
)
def test_unexplained_numbers_are_not_linkable(text, evidence, value):
    f = facet_of(text, evidence, value)
    assert f.pred is None or f.thing is None
    assert clusters.blocks([f]) == {}


@pytest.mark.parametrize(
    "lead,value,fields,lo,hi,display",
    [
        ("more than ", 40, {}, 40.0000001, math.inf, "more than 40"),
        ("at least ", 22, {}, 22, math.inf, "at least 22"),
        ("40 or more", 40, {"change": ">=", "low": 40}, 40, math.inf, "at least 40"),
        ("nearly ", 40, {}, 36, 40, "nearly 40"),
        ("almost ", 15, {}, 13.5, 15, "almost 15"),
        ("up to $", 5000, {"change": "<", "high": 5000}, 0, 5000, "up to 5000"),
        ("about ", 100, {}, 90, 110, "about 100"),
        ("", 100, {"approx": True, "low": 90, "high": 110}, 90, 110, "about 100"),
        ("", 12, {}, 12, 12, "12"),
        ("", 2.5, {}, 2.45, 2.55, "2.5"),
    ],
)
def test_intervals_are_the_extractors_bounds(lead, value, fields, lo, hi, display):
    fields = fields or hedged(value, lead)
    c = make_claim(id="c", doc="d", kind="quantity", start=0, end=1, text="x", stage="t", value=value, **fields)
    interval, shown = link.interval_of(c, lead, True)
    assert interval.lo == pytest.approx(lo, rel=1e-6) and interval.hi == pytest.approx(hi)
    assert shown == display


def test_interval_words_never_change_the_interval():
    """Crosscheck reads no hedge of its own: the lead words only word the display."""
    c = make_claim(id="c", doc="d", kind="quantity", start=0, end=1, text="x", stage="t", value=40)
    assert link.interval_of(c, "more than ", True)[0] == link.interval_of(c, "", True)[0] == link.Interval(40, 40)


def test_fifteen_percent_overlaps_almost_fifteen():
    a = facet_of("The army controls 15% of the region.", "15%", 15)
    b = facet_of("The army controls almost 15% of the region.", "almost 15%", 15, outlet="B")
    assert a.interval.overlaps(b.interval)


def test_scope_features():
    strike = facet_of(
        "9 people were killed when a missile struck the market on Saturday, officials said.",
        "9 people",
        9,
        published="2025-05-04",
    )
    war = facet_of("31 people have been killed in the city since the war began.", "31 people", 31, outlet="B")
    assert strike.granularity == "incident" and strike.day == "2025-05-03"
    assert war.granularity == "cumulative" and war.day is None
    assert not clusters.scope_compatible(strike, war)
    civ = facet_of("7 civilians were killed in the strike on Saturday.", "7 civilians", 7, outlet="C")
    assert civ.category == "civilians" and not clusters.scope_compatible(strike, civ)


def test_attribution_is_read_from_the_sentence():
    f = facet_of("9 people were killed, according to the city's emergency service.", "9 people", 9)
    g = facet_of("9 people were killed, the city's emergency service said.", "9 people", 9, outlet="B")
    assert f.attributed == g.attributed == "city's emergency service"


def test_duplicates_followed_transitively_and_cycles_stop():
    a, b, c = doc("a", "x", "A"), doc("b", "x", "B", duplicate_of="a"), doc("c", "x", "C", duplicate_of="b")
    by_id = {d.id: d for d in (a, b, c)}
    assert sources.root_of("c", by_id) == "a"
    x, y = doc("x", "t", "X", duplicate_of="y"), doc("y", "t", "Y", duplicate_of="x")
    assert sources.root_of("x", {"x": x, "y": y}) in ("x", "y")


def test_blocks_and_clusters_keep_same_document_figures_apart():
    d = doc("d1", "12 people were killed in the strike. Later 15 people were killed in the strike.", "A")
    c1, c2 = qty(d, "12 people", 12), qty(d, "15 people", 15)
    fs = link.facets([c1, c2], [d], [])
    (block,) = clusters.blocks(fs).values()
    assert len(clusters.cluster(block)) == 2


def test_outlet_falls_back_to_the_file_name():
    from rashomon.records import Document

    d = Document(id="d", source="corpus/northgate-times-2025-05-05.txt", text="t", raw_text="t")
    assert sources.outlet_of(d) == "Northgate Times"
    # records of one JSONL pile without an outlet are each their own outlet, never "Corpus"
    a, b = (Document(id=i, source=f"piles/corpus.jsonl:{n}", text="t", raw_text="t") for i, n in (("a", 1), ("b", 2)))
    assert sources.outlet_of(a) == "corpus.jsonl:1" and sources.outlet_of(b) == "corpus.jsonl:2"


def test_near_copy_original_is_the_earliest_published_then_the_wire():
    from rashomon.ingest.dedup import originals, reoriginate

    # stored links follow ingest order: the Post came first, so the wire and the Gazette point at it
    rows = [
        ("post", None, None, "The Brenmoor Post", 1, None),
        ("gazette", "post", "2025-05-03", "Coastline Gazette", 2, 0.8),
        ("wire", "post", "2025-05-02", "Meridian Wire", 3, 0.9),
        ("alone", None, "2025-05-01", "Kestrel Daily", 4, None),
    ]
    assert originals(rows) == {"wire": None, "post": "wire", "gazette": "wire"}
    same_day = [("a", None, "2025-05-02", "The Brenmoor Post", 1), ("b", "a", "2025-05-02T09:00", "Reuters", 2)]
    assert originals(same_day) == {"b": None, "a": "b"}
    assert originals([("a", None, "2025-05-02", "X", 1), ("b", "a", "2025-05-02", "Y", 2)]) == {"a": None, "b": "a"}
    docs = [doc("post", "t", "The Brenmoor Post", None), doc("wire", "t", "Meridian Wire", "2025-05-02", "post")]
    post, wire = reoriginate(docs, rows)
    assert (post.duplicate_of, post.similarity) == ("wire", 0.9) and wire.duplicate_of is None


def test_scope_words_of_the_main_clause_do_not_describe_a_figure_in_a_when_clause():
    text = "Fighting is at its worst since the 1980s, when some 9,000 people were killed in the valley."
    f = facet_of(text, "some 9,000 people", 9000, time="198")
    assert f.granularity == "period" and "since" not in f.scope  # the 1980s toll, not a running total
    assert link.own_clause(text, text.index("some 9,000")).startswith("when some 9,000")
    g = facet_of("Some 9,000 people have been killed since the 1980s.", "Some 9,000 people", 9000)
    assert g.granularity == "cumulative"
    # a phrase that holds the figure does not scope it (and a number's comma ends no phrase)
    text = "The valley has been quiet since a 1994 truce ended a war that killed 30,000."
    assert facet_of(text, "30,000", 30000).scope == ""
    assert link.SCOPE_PHRASE.search("killed 1,200 since the war began, officials said")[1] == "since the war began"


def test_magnitudes_a_point_apart_are_two_quakes():
    main = facet_of("The quake had a magnitude of 6.1, the survey said.", "6.1", 6.1, outlet="A")
    other = facet_of("The quake had a magnitude of 5.9, the agency said.", "5.9", 5.9, outlet="B")
    after = facet_of("A quake measuring 3.8 on the Richter scale hit on Monday.", "3.8", 3.8, outlet="C")
    assert main.key == other.key == after.key
    assert clusters.scope_compatible(main, other) and not clusters.scope_compatible(main, after)


def test_a_claims_place_is_its_entitys_name_so_two_names_of_one_city_meet():
    from rashomon.records import Entity, Mention

    said = (Mention("d1", 0, 8, "Salonika", "GPE"), Mention("d2", 5, 17, "Thessaloniki", "GPE"))
    city = Entity(id="e1", name="Thessaloniki", type="GPE", aliases=("Salonika",), mentions=said)
    index = MentionIndex([city])
    assert index.place("d1", "Salonika") == index.place("d2", "Thessaloniki") == "thessaloniki"
    assert index.place("d1", "Velmora") == "velmora"  # a place no entity holds: as written


def test_a_count_of_a_report_whose_casualties_are_all_totals_over_many_incidents_is_no_toll():
    from rashomon.records import CasualtyClaim

    text = "Two people were slain in four separate shootings across Velmora on Sunday."
    d = doc("d_a", text, "A")
    n = qty(d, "Two people", 2)
    harm = CasualtyClaim(id="k1", doc=d.id, start=0, end=len("Two people were slain"), text="Two people were slain",
                         stage="t@1", measure="killed", value=2.0, who="Two people")  # fmt: skip
    (f,) = link.facets([n, harm], [d], [])
    assert not f.toll  # the round-up's total, not one incident's toll
    (alone,) = link.facets([n], [d], [])
    assert alone.toll  # no casualty read: any count may be the toll


def test_a_count_the_casualty_reader_reads_as_wounded_is_told_as_wounded_whatever_word_is_nearest():
    from rashomon.records import CasualtyClaim

    text = "One man has died and two men are in critical condition, police said."
    d = doc("d_a", text, "A")
    n = qty(d, "two men", 2, what="men")
    at = text.index("two men")
    said = "two men are in critical condition"
    harm = CasualtyClaim(id="k1", doc=d.id, start=at, end=at + len(said), text=said, stage="t@1",
                         measure="injured", value=2.0, who="two men")  # fmt: skip
    (f,) = link.facets([n, harm], [d], [])
    assert f.pred == "injure" and f.pred_word != "died"


def test_a_fatal_form_of_the_extractors_verb_is_a_killing():
    text = "Jamal Dunmore, 26, was one of the three men fatally shot around 10:30 p.m."
    for verb in ("shoot", "fatally shot"):  # the lemma the extractor gives, or the verb group as written
        assert facet_of(text, "three men", 3, what="men", predicate=verb).key == "kill/people"


def test_a_duration_of_a_named_thing_is_not_the_length_of_the_sentences_other_verb():
    text = "In the 44-day conflict, troops liberated nearly 300 villages, the ambassador said."
    f = facet_of(text, "44-day conflict", 44, unit="day", what="conflict", predicate="liberate")
    assert f.key == "duration/" and f.pred is None  # not "capture/duration": nothing was captured for 44 days
    g = facet_of("The 44-day war ended in a truce.", "44-day war", 44, unit="day", what="war", predicate="end",
                 outlet="B")  # fmt: skip
    assert f.key == g.key and clusters.can_share(f, g)


def test_the_person_who_gives_a_figure_is_not_whom_it_is_said_of():
    from rashomon.records import Entity, Mention

    text = "Velmora has fought three wars, in 1948, 1965 and 1971, Tomas Reddel said."
    d = doc("d_a", text, "A")
    at = text.index("Tomas Reddel")
    reddel = Entity(id="e_reddel", name="Tomas Reddel", type="PERSON", aliases=(),
                    mentions=(Mention("d_a", at, at + 12, "Tomas Reddel", "PERSON"),))  # fmt: skip
    years = qty(d, "1948, 1965 and 1971", (1948.0, 1965.0, 1971.0), unit="year")
    (f,) = link.facets([years], [d], [reddel])
    assert f.people == frozenset() and f.attributed == "tomas reddel"


def test_hours_and_minutes_compare_in_one_unit_and_an_open_bound_meets_no_other_things_length():
    standoff = facet_of("He was shot after a five-hour standoff.", "five-hour standoff", 5, unit="hour",
                        what="standoff")  # fmt: skip
    knock = facet_of("Officers knocked for 10 minutes.", "10 minutes", 10, unit="minute", outlet="B")
    hour = facet_of("Officers waited for 300 minutes.", "300 minutes", 300, unit="minute", outlet="C")
    assert not clusters.compatible(standoff, knock) and clusters.compatible(standoff, hour)
    assert "10 minutes" in knock.display
    held = facet_of("He was held for more than 24 hours.", "more than 24 hours", 24, unit="hour", outlet="D")
    served = facet_of("She served nearly 15 years in the army.", "nearly 15 years", 15, unit="year", outlet="E")
    assert clusters.compatible(held, served) and not clusters.can_share(held, served)


def test_an_open_bound_joins_another_things_figure_of_its_size_only():
    fine = facet_of("He faces a fine of up to $2 million.", "up to $2 million", 2_000_000, unit="USD", high=2e6)
    bail = facet_of("Bail was set at $5,000.", "$5,000", 5000, unit="USD", outlet="B")
    loss = facet_of("The loss was put at $1.9 million.", "$1.9 million", 1_900_000, unit="USD", outlet="C")
    assert clusters.compatible(fine, bail)  # $5,000 is "up to $2 million", but not what it is said of
    assert not clusters.can_share(fine, bail) and clusters.can_share(fine, loss)
