"""The merge rules of entity linking, one at a time, on fictional names (the places are real only where a rule
asks the gazetteer about them).

Each test builds the nodes of some mentions, checks that the names it expects a rule to merge are still apart,
runs that one rule and checks what it merged and what it left apart; a last test runs the whole of
``canonicalize``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pytest

from rashomon.extract import gazetteer, linking
from rashomon.extract.entities import canonicalize
from rashomon.extract.names import build_nodes, norm, parse
from rashomon.records import Mention

from .test_entities import _mentions


def _state(*docs: list[tuple[str, str]]) -> linking.Linking:
    """The linking state of these documents' mentions before any rule has run: every node on its own."""
    by_form: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in _mentions(*docs):
        by_form[(m.text, m.label)].append(m)
    gaz = gazetteer.load()
    forms = {key: parse(key[0], key[1], gaz) for key in by_form}
    return linking.Linking.start(build_nodes(by_form, forms, gaz), gaz)


def _node(s: linking.Linking, name: str) -> int:
    return s.index[norm(name)]


def _groups(s: linking.Linking, *names: str) -> int:
    """How many clusters these names are in."""
    return len({s.uf.find(_node(s, n)) for n in names})


def _merges(rule, docs: list[list[tuple[str, str]]], together: Sequence[str], apart: Sequence[str] = ()):
    """Run ``rule`` alone: the names in ``together`` were apart before it and are one cluster after it; the
    names in ``apart`` are as many clusters after it as there are names. (The state, the rule's return value.)"""
    s = _state(*docs)
    assert _groups(s, *together) == len(together)
    out = rule(s)
    assert _groups(s, *together) == 1
    assert _groups(s, *apart) == len(apart)
    return s, out


def test_acronym_in_parentheses_is_its_expansions():
    _merges(
        linking.merge_acronym_forms,
        [[("Velmoran Trade Council (VTC)", "ORG")], [("VTC", "ORG")], [("VTB", "ORG")]],
        together=["Velmoran Trade Council", "VTC"],
        apart=["VTC", "VTB"],
    )


@pytest.mark.parametrize(
    "together, apart",
    [
        (["Gordon W. Praxton", "Gordon William Praxton"], ["Gordon W. Praxton", "Gordon H. W. Praxton"]),
        (["Gordon Praxton", "G. Praxton"], ["Gordon Praxton", "Hollis Praxton"]),
        (["Orlando Pemberton", "Orlanda Pemberton"], ["Orlando Pemberton", "Osvald Pemberton"]),
        (["Rasul Khandor", "Rasul Ibo Khandor"], ["Christine Dorla", "Christopher Dorla"]),
    ],
)
def test_persons_sharing_a_surname_merge_when_first_names_agree(together, apart):
    _merges(linking.merge_surname_variants, [[(n, "PERSON")] for n in together + apart], together, apart)


def test_short_first_name_joins_the_only_fuller_name_it_can_stand_for():
    docs = [
        [("Frederick Tollan", "PERSON")],
        [("Fred Tollan", "PERSON")],
        [("Kathryn Marvell", "PERSON")],
        [("Katie Marvell", "PERSON")],
        [("Christine Dorla", "PERSON")],
        [("Christopher Dorla", "PERSON")],
        [("Chris Dorla", "PERSON")],
    ]
    s, _ = _merges(
        linking.merge_short_first_names,
        docs,
        ["Frederick Tollan", "Fred Tollan"],
        ["Christine Dorla", "Christopher Dorla", "Chris Dorla"],
    )  # "Chris" fits both
    assert _groups(s, "Kathryn Marvell", "Katie Marvell") == 1  # a common short form, not a prefix


def test_headline_run_on_joins_the_much_more_frequent_name():
    docs = [
        [("Marisa Quellan", "PERSON")] * 3,
        [("Marisa Quellan Dies", "PERSON")],
        [("Officials Name Marisa Quellan", "ORG")],
        [("Tamsin Ardel", "PERSON")] * 3,
        [("Tamsin Ardel Center", "ORG")],
        [("Oskar Velde", "PERSON")],
        [("Oskar Velde Resigns", "PERSON")],
    ]
    s, runons = _merges(
        linking.merge_headline_runons,
        docs,
        ["Marisa Quellan", "Marisa Quellan Dies", "Officials Name Marisa Quellan"],
        ["Tamsin Ardel", "Tamsin Ardel Center", "Oskar Velde"],
    )  # "Center": a thing of its own
    assert runons == {_node(s, "Marisa Quellan Dies"), _node(s, "Officials Name Marisa Quellan")}
    assert _groups(s, "Oskar Velde", "Oskar Velde Resigns") == 2  # the name is not 3 times as frequent


@pytest.mark.parametrize(
    "together, apart",
    [
        ([("Rashid Qadrani", "PERSON"), ("Rashid Kadrani", "PERSON"), ("Rashid Ghadrani", "PERSON")], []),
        ([("Drovetsko", "PERSON"), ("Drovestko", "PERSON")], []),  # transposed letters
        ([("Bettie Marlo", "ORG"), ("Betty Marlo", "PERSON")], []),  # a person's full name typed ORG
        ([("Velmor Harbour Authority", "ORG"), ("Velmor Harbor Authority", "GPE")], []),
        ([("Rashid Qadrani", "PERSON"), ("Rashid Kadrani", "PERSON")], [("Samir Qadrani", "PERSON")]),
        ([("Dravik Tower", "FAC"), ("Dravick Tower", "FAC")], [("Dock 17", "FAC"), ("Dock 71", "FAC")]),  # numbers
        ([("Ostrela", "GPE"), ("Ostrella", "GPE")], [("Palmer", "GPE"), ("Palermo", "GPE")]),  # two known places
    ],
)
def test_transliterations_and_typos_merge(together, apart):
    _merges(
        linking.merge_spelling_variants,
        [[m] for m in together + apart],
        [t for t, _ in together],
        [t for t, _ in apart],
    )


def test_demonym_singular_and_plural_merge():
    _merges(
        linking.merge_demonym_plurals,
        [[("Azerbaijani", "NORP")], [("Azerbaijanis", "NORP")], [("Azeri", "NORP")]],
        together=["Azerbaijani", "Azerbaijanis"],
        apart=["Azerbaijani", "Azeri"],
    )


def test_acronym_joins_its_only_expansion_and_expansions_agreeing_letter_by_letter_merge():
    _merges(
        linking.merge_acronyms,
        [[("Ostrel Treaty Security Council", "ORG")], [("OTSC", "ORG")], [("OT Security Council", "ORG")]],
        together=["Ostrel Treaty Security Council", "OTSC", "OT Security Council"],
    )
    _merges(
        linking.merge_acronyms,
        [
            [("Velmor Defence Council", "ORG")],
            [("VD Council", "ORG")],
            [("VDC", "ORG")],
            [("Vantor Development Corporation", "ORG")],
        ],
        together=["Velmor Defence Council", "VD Council"],
        apart=["VDC", "Velmor Defence Council", "Vantor Development Corporation"],
    )  # two expansions fit VDC


def test_team_named_after_its_place_joins_its_short_name_when_only_one_fits():
    _merges(
        linking.merge_place_named_teams,
        [
            [("Boston Quillers", "ORG")],
            [("Quillers", "ORG")],
            [("Boston Marvels", "ORG")],
            [("Denver Marvels", "ORG")],
            [("Marvels", "ORG")],
        ],
        together=["Boston Quillers", "Quillers"],
        apart=["Boston Marvels", "Denver Marvels", "Marvels"],
    )


def test_organisation_with_and_without_its_kind_words_merge():
    _merges(
        linking.merge_org_cores,
        [[("Quellan Corp.", "ORG")], [("Quellan", "ORG")], [("Quellan Inc.", "ORG")]],
        together=["Quellan Corp.", "Quellan", "Quellan Inc."],
    )
    _merges(
        linking.merge_org_cores,
        [
            [("Marisol Treatment Center", "ORG")],
            [("Marisol Clinic", "FAC")],
            [("Marisol", "PERSON")],
            [("Marisol Quent", "PERSON")],
            [("Tamsin Ardel Center", "ORG")],
            [("Tamsin Ardel", "PERSON")],
        ],
        together=["Marisol Treatment Center", "Marisol Clinic"],
        apart=["Marisol Clinic", "Marisol", "Tamsin Ardel"],
    )  # a person's first name, a person's name


def test_descriptive_variants_of_a_place_merge_unless_the_longer_name_is_a_known_place():
    docs = [
        [("Upper Dravik", "GPE")],
        [("Nagorno-Dravik", "ORG")],
        [("Northeast Dravik", "LOC")],
        [("Dravik", "GPE")],
        [("Qorvan Island", "LOC")],
        [("Qorvan", "LOC")],
        [("South Ardel Hill", "LOC")],
        [("Ardel Hill", "GPE")],
        [("North Korea", "GPE")],
        [("Korea", "GPE")],
        [("Iranian Island", "LOC")],
        [("Iranian", "NORP")],
    ]
    s, places = _merges(
        linking.merge_place_variants,
        docs,
        ["Upper Dravik", "Nagorno-Dravik", "Northeast Dravik", "Dravik"],
        ["North Korea", "Korea", "Iranian Island", "Iranian"],
    )
    assert _groups(s, "Qorvan Island", "Qorvan") == 1 and _groups(s, "South Ardel Hill", "Ardel Hill") == 1
    assert places == {
        _node(s, n) for n in ("Upper Dravik", "Nagorno-Dravik", "Northeast Dravik", "Qorvan Island", "South Ardel Hill")
    }


def test_bare_surname_joins_the_only_person_of_that_name_or_each_documents_main_one():
    s = _state(
        [("Tarvel Okondu", "PERSON")],
        [("Okondu", "PERSON")],
        [("Tyrel Brask", "PERSON")] * 3 + [("Gennet Brask", "PERSON"), ("Brask", "PERSON")],
        [("Gennet Brask", "PERSON")] * 3 + [("Tyrel Brask", "PERSON"), ("Brask", "PERSON")],
    )
    assert _groups(s, "Tarvel Okondu", "Okondu") == 2
    overrides = linking.resolve_bare_surnames(s, linking.BareNames.start(s, set()))
    assert _groups(s, "Tarvel Okondu", "Okondu") == 1
    brask = _node(s, "Brask")
    assert overrides == {
        (brask, "d2"): s.uf.find(_node(s, "Tyrel Brask")),
        (brask, "d3"): s.uf.find(_node(s, "Gennet Brask")),
    }


def test_bare_first_name_goes_to_the_only_person_of_that_first_name_in_its_document():
    s = _state(
        [("Tarvel Okondu", "PERSON"), ("Tarvel", "PERSON")],
        [("Tarvel Mbeki", "PERSON"), ("Tarvel", "PERSON")],
        [("Tarvel Okondu", "PERSON"), ("Tarvel Mbeki", "PERSON"), ("Tarvel", "PERSON")],
    )
    overrides = linking.resolve_bare_first_names(s, linking.BareNames.start(s, set()))
    tarvel = _node(s, "Tarvel")
    assert overrides == {(tarvel, "d0"): _node(s, "Tarvel Okondu"), (tarvel, "d1"): _node(s, "Tarvel Mbeki")}
    assert _groups(s, "Tarvel", "Tarvel Okondu", "Tarvel Mbeki") == 3  # per document only, never merged


def test_clusters_never_join_two_people_two_numbers_or_two_states():
    """Each merge rule's pairs are sound; a chain through a bare or short name is what the clusters refuse."""
    from rashomon.extract.linking import Clusters

    people = Clusters([("kristel", "bransen"), None, ("rasmus", "branson"), ("kris", "bransen")], [""] * 4, [""] * 4)
    people.union(0, 1)  # "Kristel Bransen" and a bare "Bransen"
    people.union(1, 2)  # the bare "Bransen" and "Branson", a spelling variant: not "Rasmus Branson"
    people.union(3, 0)  # "Kris" is a short form of "Kristel"
    assert people.find(0) == people.find(1) == people.find(3) != people.find(2)
    streets = Clusters([None] * 3, ["16", "", "3"], [""] * 3)
    streets.union(0, 1)
    streets.union(1, 2)
    assert streets.find(0) == streets.find(1) != streets.find(2)
    states = Clusters([None] * 3, [""] * 3, ["oregon", "", "ohio"])
    states.union(0, 1)
    states.union(2, 1)
    assert states.find(0) == states.find(1) != states.find(2)


def test_canonicalize_runs_every_rule():
    entities = canonicalize(
        _mentions(
            [
                ("Gordon W. Praxton", "PERSON"),
                ("Rashid Qadrani", "PERSON"),
                ("OTSC", "ORG"),
                ("Palmer", "GPE"),
                ("Velmoran Trade Council (VETCO)", "ORG"),
                ("Frederick Tollan", "PERSON"),
                ("Armenian", "NORP"),
                ("Boston Quillers", "ORG"),
                ("Orvane Corp.", "ORG"),
                ("Upper Dravik", "GPE"),
                ("Tarvel Okondu", "PERSON"),
            ]
            + [("Marisa Quellan", "PERSON")] * 3,
            [
                ("Gordon H. W. Praxton", "PERSON"),
                ("Gordon William Praxton", "PERSON"),
                ("Rashid Kadrani", "PERSON"),
                ("Ostrel Treaty Security Council", "ORG"),
                ("Palermo", "GPE"),
                ("VETCO", "ORG"),
                ("Fred Tollan", "PERSON"),
                ("Armenians", "NORP"),
                ("Quillers", "ORG"),
                ("Orvane", "ORG"),
                ("Dravik", "GPE"),
                ("Okondu", "PERSON"),
                ("Marisa Quellan Dies", "PERSON"),
            ],
            [("Tarvel Mbeki", "PERSON"), ("Tarvel", "PERSON")],
        )
    )
    ids = {(m.doc, m.text): e.id for e in entities for m in e.mentions}
    one = {m: i for (_, m), i in ids.items()}
    for a, b in [
        ("Gordon W. Praxton", "Gordon William Praxton"),
        ("Rashid Qadrani", "Rashid Kadrani"),
        ("OTSC", "Ostrel Treaty Security Council"),
        ("Velmoran Trade Council (VETCO)", "VETCO"),
        ("Frederick Tollan", "Fred Tollan"),
        ("Marisa Quellan", "Marisa Quellan Dies"),
        ("Armenian", "Armenians"),
        ("Boston Quillers", "Quillers"),
        ("Orvane Corp.", "Orvane"),
        ("Upper Dravik", "Dravik"),
        ("Tarvel Okondu", "Okondu"),
    ]:
        assert one[a] == one[b], (a, b)
    assert len({one["Gordon W. Praxton"], one["Gordon H. W. Praxton"], one["Palmer"], one["Palermo"]}) == 4
    assert ids[("d2", "Tarvel")] == one["Tarvel Mbeki"] != one["Tarvel Okondu"]


def test_two_names_of_one_city_the_gazetteer_knows_are_one_place():
    _merges(
        linking.merge_city_names,
        [
            [("Salonika", "GPE")],
            [("Thessaloniki", "GPE")],
            [("Paris", "GPE")],
            [("Quebec", "GPE")],
            [("Quebec City", "GPE")],
        ],  # fmt: skip
        together=["Salonika", "Thessaloniki"],
        apart=["Thessaloniki", "Paris", "Quebec", "Quebec City"],  # Paris names several cities; Quebec a province
    )
    assert gazetteer.city_of("South Island") is None  # a small town's alternate names are not read


def test_a_us_town_is_known_however_its_first_word_is_abbreviated():
    towns, fold = gazetteer.us_cities(), gazetteer.fold
    assert towns[fold("St. Paul")] == towns[fold("Saint Paul")] == towns[fold("St Paul")]
    assert "Minnesota" in towns[fold("St. Paul")] and "Florida" in towns[fold("Ft. Myers")]
    assert gazetteer.spelled_out("mt. vernon") == "mount vernon" and gazetteer.spelled_out("stockton") == "stockton"


def test_a_part_of_a_city_lies_within_it_a_town_beside_it_does_not():
    assert gazetteer.within("Brighton Park", "Chicago", "Illinois")  # a neighbourhood geonames lists as a place
    assert not gazetteer.within("Wasilla", "Anchorage", "Alaska")  # a town of its own, an hour away
    assert not gazetteer.within("Chicago", "Brighton Park", "Illinois")  # the larger is never inside the smaller
    assert not gazetteer.within("Brighton Park", "Chicago", "Texas")  # no such town in that state


def test_a_towns_time_zone_is_known_only_where_it_is_one():
    assert gazetteer.time_zone("Qeshm") == "Asia/Tehran"
    assert gazetteer.time_zone("Woodburn", "Oregon") == "America/Los_Angeles"
    assert gazetteer.time_zone("Paris") is None  # France's or Texas's: never a guess
    assert gazetteer.time_zone("Paris", "Texas") == "America/Chicago"
    assert gazetteer.time_zone(None) is None


def test_a_city_abroad_larger_than_every_us_town_of_its_name():
    assert gazetteer.larger_abroad("Paris") and gazetteer.larger_abroad("Athens")
    assert not gazetteer.larger_abroad("Houston") and not gazetteer.larger_abroad("Columbus")
