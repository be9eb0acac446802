"""Grouping reports into incidents and settling their figures (hand-made facts, no spaCy)."""

from __future__ import annotations

from dataclasses import replace

from rashomon.crosscheck.incident_day import Day
from rashomon.crosscheck.incident_links import FEATURES, Corpus, follow_up, model, tokens
from rashomon.crosscheck.incidents import Facts, code, figure, group, incidents, outlet_towns
from rashomon.records import Evidence

COMMON = "Police The Monday Sheriff County Officers"  # words every report uses


def own(doc: str) -> list[str]:
    """Names only this report uses (a real article names streets, officers, relatives...)."""
    return [f"Own{doc.title()}{'abcdefghijklmnopqrst'[k]}" for k in range(20)]


def facts(doc: str, place: str | None, day: str | None, killed: float | None = None, published: str | None = None,
          persons: tuple[str, ...] = (), region: str | None = None, root: str | None = None,
          typ: str | None = "shooting", votes: int = 6, follow_up: bool = False) -> Facts:  # fmt: skip
    names = [COMMON, place or "", *(p.removeprefix("e_").replace("_", " ").title() for p in persons), *own(doc)]
    f = Facts(doc=doc, root=root or doc, outlet=f"Outlet {doc}", published=published or day, place=place,
              place_votes=votes if place else 0,
              places=frozenset({place.casefold()} if place else ()), region=region, type=typ,
              dated=Day(day, Evidence(doc, 0, 6, "Monday", "time")) if day else None,
              named=(Evidence(doc, 0, len(place), place, "dateline"),) if place else (),
              persons=frozenset(persons), tokens=tokens(" ".join(names)), follow_up=follow_up)  # fmt: skip
    if killed is not None:
        f.reports["killed"] = (f"c_{doc}", killed, None, None)
    return f


def _docs(groups):
    return sorted(sorted(f.doc for f in g) for g in groups)


def test_reports_of_one_place_and_day_are_one_incident_other_days_and_places_are_not():
    fs = [facts("a", "Velmora", "2024-03-01", persons=("e_ilse_marren",)),
          facts("b", "VELMORA", "2024-03-02", persons=("e_ilse_marren",)),
          facts("c", "Velmora", "2024-03-09"), facts("d", "Dravik", "2024-03-01")]  # fmt: skip
    assert _docs(group(fs)) == [["a", "b"], ["c"], ["d"]]


def test_in_a_crowded_city_reports_of_one_day_must_share_a_name():
    # a big city's name is common (the model's background counts know it): only the victims tell them apart
    victims = ("e_ilse_marren", "e_ilse_marren", "e_oren_tal", "e_tam_odu")
    fs = [facts(d, "Chicago", "2024-03-01", persons=(p,)) for d, p in zip("abcd", victims)]
    assert _docs(group(fs)) == [["a", "b"], ["c"], ["d"]]  # four reports that day: three shootings


def test_a_follow_up_naming_the_same_rare_person_joins_its_incident():
    fs = [
        facts("a", "Velmora", "2024-03-01", persons=("e_ilse_marren", "e_oren_tal", "e_dara_quill")),
        facts("b", "Velmora", "2024-04-20", persons=("e_ilse_marren", "e_oren_tal", "e_dara_quill"), follow_up=True),
    ]  # the arrest, weeks later: the victim, the suspect and the detective named again
    fs += [facts(d, "Velmora", f"2024-0{m}-02", persons=("e_mayor",)) for d, m in zip("cdef", range(5, 9))]
    assert _docs(group(fs)) == [["a", "b"], ["c"], ["d"], ["e"], ["f"]]  # the mayor is named too often to tie
    assert follow_up("Man charged in Velmora shooting", "") and not follow_up("Man shot", "A man was shot Monday.")


def test_reports_without_days_still_meet_on_what_they_share():
    victims = ("e_ilse_marren", "e_oren_tal", "e_dara_quill")
    fs = [facts("a", "Velmora", None, persons=victims), facts("b", "Velmora", None, persons=victims),
          facts("c", "Velmora", None, persons=("e_tam_odu",))]  # fmt: skip
    assert _docs(group(fs)) == [["a", "b"], ["c"]]


def test_reports_without_a_place_or_in_different_regions_stay_apart():
    fs = [facts("a", None, "2024-03-01"), facts("b", None, "2024-03-01"),
          facts("c", "Springfield", "2024-03-01", region="Ohio"),
          facts("d", "Springfield", "2024-03-01", region="Oregon")]  # fmt: skip
    assert _docs(group(fs)) == [["a"], ["b"], ["c"], ["d"]]


def test_in_a_crowded_city_reports_of_one_day_giving_one_toll_are_weighed_together():
    fs = [facts(d, "Chicago", "2024-03-01", killed=1.0 if d in "abc" else None) for d in "abcdefghijkl"]
    for f, injured in zip(fs, (3.0, 3.0, 0.0)):
        f.reports["injured"] = (f"i_{f.doc}", injured, None, None)
    corpus = Corpus(fs, model())
    assert corpus.candidates() == {(0, 1)}  # twelve reports that day: only "1 dead, 3 hurt" twice is a pair
    assert corpus.features(0, 1)[FEATURES.index("same_toll")] == 1.0


def test_an_age_in_one_town_is_as_telling_as_a_name_there():
    """A 10-year-old shot in Velmora, and a follow-up a month later about the 10-year-old of Velmora: a
    candidate pair though they share no rare name; the same age in another town is no token of theirs."""
    from dataclasses import replace

    first = "A 10-year-old girl was shot in her bedroom Thursday night, police said."
    later = "The mother of the wounded 10-year-old describes life on the block."
    assert tokens(first, "Velmora") != tokens(first, "Dravik") and tokens(first) == tokens(first, None)
    elsewhere = "police found a 10-year-old boy"
    fs = [replace(facts("a", "Velmora", "2024-03-01"), tokens=tokens(first, "Velmora")),
          replace(facts("b", "Velmora", "2024-04-02"), tokens=tokens(later, "Velmora")),
          replace(facts("c", "Dravik", "2024-03-01"), tokens=tokens(elsewhere, "Dravik"))]  # fmt: skip
    assert Corpus(fs, model()).candidates() == {(0, 1)}
    # however the age is written
    assert tokens("A three-year-old girl was shot.", "Velmora") == tokens("A 3-year-old girl was shot.", "Velmora")
    assert tokens("a twenty-two-year-old man", "Velmora") == tokens("a 22-year-old man", "Velmora")


def test_a_county_named_where_no_town_is_does_not_differ_from_a_town():
    fs = [facts("a", "Velmora", "2024-03-01"), facts("b", "Ostrand County", "2024-03-01"),
          facts("c", "Dravik", "2024-03-01")]  # fmt: skip
    corpus = Corpus(fs, model())
    differs = FEATURES.index("place_differs")
    assert corpus.features(0, 1)[differs] == 0.0 and corpus.features(0, 2)[differs] == 1.0


def test_a_figure_keeps_every_report_and_says_how_they_relate():
    rising = [facts("a", "V", "2024-03-01", 1, "2024-03-01"), facts("b", "V", "2024-03-01", 2, "2024-03-02")]
    f = figure("killed", rising)
    assert (f.value, f.status, [r.doc for r in f.reports]) == (2, "update", ["a", "b"])
    assert figure("killed", rising, "conservative").value == 1 and figure("killed", rising, "latest").value == 2
    same = [facts("a", "V", "2024-03-01", 3), facts("b", "V", "2024-03-01", 3)]
    assert figure("killed", same).status == "agree"
    copies = [facts("a", "V", "2024-03-01", 3), facts("b", "V", "2024-03-01", 3, root="a")]
    assert figure("killed", copies).status == "single_source"  # a near-copy is no second source
    falling = [facts("a", "V", "2024-03-01", 3, "2024-03-01"), facts("b", "V", "2024-03-01", 2, "2024-03-02")]
    assert figure("killed", falling).status == "conflict"
    assert figure("injured", same) is None  # nobody reported it: no figure, never a guessed 0
    # the wounded boy died: "1 hurt" on Monday, "1 dead, none hurt" on Friday is news, not a contradiction
    hurt, died = facts("a", "V", "2024-03-01", None, "2024-03-01"), facts("b", "V", "2024-03-01", 1, "2024-03-05")
    hurt.reports["injured"], died.reports["injured"] = ("c_a", 1.0, None, None), ("c_b", 0.0, None, None)
    assert (figure("injured", [hurt, died]).status, figure("injured", [hurt, died]).value) == ("update", 0.0)
    died.reports.pop("killed")
    assert figure("injured", [hurt, died]).status == "conflict"


def test_tolls_that_differ_by_the_attacker_some_count_are_a_scope_difference():
    every, victims = facts("a", "V", "2024-03-01", 7), facts("b", "V", "2024-03-01", 6)
    assert figure("killed", [victims, every]).status == "conflict"  # 7 may not count him: unknown which
    every.attacker = True  # "seven dead, including the shooter"
    f = figure("killed", [victims, every])
    assert (f.status, f.value, [r.attacker for r in f.reports]) == ("scope_difference", 7, [True, False])
    assert figure("killed", [victims, every, facts("c", "V", "2024-03-01", 7)]).status == "scope_difference"
    assert figure("killed", [victims, every, facts("c", "V", "2024-03-01", 5)]).status == "conflict"


def test_tolls_a_death_apart_where_the_attacker_died_are_a_scope_difference():
    victims, every = facts("a", "V", "2024-03-01", 12), facts("b", "V", "2024-03-01", 13)
    assert figure("killed", [victims, every]).status == "update"  # a toll that rose, as far as the tolls tell
    victims.attacker_died = True  # "12 victims killed ... suspected gunman killed": which count holds him is unsaid
    assert figure("killed", [victims, every]).status == "scope_difference"
    assert figure("killed", [victims, every, facts("c", "V", "2024-03-01", 10)]).status != "scope_difference"


def test_attacker_died_reads_the_attackers_death_not_his_killings():
    from rashomon.crosscheck.incident_tally import attacker_died

    assert attacker_died("The suspected gunman was also killed.")
    assert attacker_died("", "12 Victims Killed in Shooting at Velmora Mall, Suspected Gunman Killed")
    assert attacker_died("The shooter, who was shot by deputies, died at the hospital.")
    assert attacker_died("He shot his wife before turning the gun on himself.")
    assert not attacker_died("The gunman killed 12 people. The suspect killed his wife in Port Aven.")


def test_conflicting_injured_are_read_with_the_dead():
    # "2 shot" (no one dead yet), "1 dead, 1 hurt", and a follow-up that tells only the dead: one injured
    early, later, trial = (facts(d, "V", "2024-03-01", k, p) for d, k, p in
                           [("a", None, "2024-03-01"), ("b", 1, "2024-03-02"), ("c", 1, "2024-03-20")])  # fmt: skip
    for f, hurt in ((early, 2.0), (later, 1.0), (trial, 0.0)):
        f.reports["injured"] = (f"i_{f.doc}", hurt, None, None)
    inc = code([early, later, trial])
    assert (inc.figure("injured").value, inc.figure("injured").status, inc.figure("killed").value) == (1, "conflict", 1)
    assert figure("injured", [early, later, trial]).value == 2  # the figure alone: of a tie, the larger
    assert code([early, later, trial], "highest").figure("injured").value == 2  # other policies read it alone


def test_wounded_told_by_reports_that_tell_no_death_are_the_dead_told_before_they_died():
    shot, died = facts("a", "V", "2024-03-01", None, "2024-03-01"), facts("b", "V", "2024-03-01", 1, "2024-03-02")
    shot.reports["injured"] = ("i_a", 1.0, None, None)  # "a girl was shot"; then "the girl died"
    assert (code([shot, died]).figure("injured").value, code([shot, died]).figure("killed").value) == (0, 1)
    two = facts("c", "V", "2024-03-01", None, "2024-03-01")
    two.reports["injured"] = ("i_c", 2.0, None, None)  # more wounded than dead: some survived
    assert code([two, died]).figure("injured").value == 2
    shot.reports["killed"] = ("k_a", 1.0, None, None)  # a report that tells a death and a wounded: both
    assert code([shot, died]).figure("injured").value == 1


def test_the_consensus_figure_is_the_one_most_sources_give_and_of_a_tie_the_largest():
    outvoted = [facts("a", "V", "2024-03-01", 1), facts("b", "V", "2024-03-01", 1), facts("c", "V", "2024-03-01", 2)]
    assert figure("killed", outvoted).value == 1  # the default: one report's misreading is outvoted
    assert figure("killed", outvoted, "highest").value == 2
    copies = [facts("a", "V", "2024-03-01", 1), facts("b", "V", "2024-03-01", 1, root="a"),
              facts("c", "V", "2024-03-01", 2, "2024-03-02")]  # fmt: skip
    assert figure("killed", copies).value == 2  # a near-copy is no second vote; of a tie, the larger toll


def test_a_round_up_gives_the_toll_only_where_no_other_report_does():
    from dataclasses import replace

    from rashomon.crosscheck.incident_tally import roundup

    assert roundup("Nine shot in separate shootings across Velmora", "Police said ...")
    assert not roundup("Two shot outside Velmora bar", "Two men were shot early Sunday.")
    assert not roundup("Teen killed in Velmora, 10th homicide this year", "A teen was shot.")  # a running total
    roundups = [replace(facts("a", "V", "2024-03-01", 4), roundup=True), facts("b", "V", "2024-03-01", 1)]
    fig = figure("killed", roundups)
    assert (fig.value, fig.status, fig.independent_sources) == (1, "single_source", 1)
    assert [(r.doc, r.roundup) for r in fig.reports] == [("a", True), ("b", False)]  # shown, not counted
    assert figure("killed", roundups[:1]).value == 4 and not figure("killed", roundups[:1]).reports[0].roundup
    # across the reports, the round-up's other toll is of another incident or of them all: no finding weighs
    # it (neither a conflict nor a scope of this figure); one that fits the incident's own reports agrees
    from rashomon.crosscheck.tolls import findings as toll_findings, weighed

    assert [r.doc for r in weighed(fig.reports)] == ["b"]
    assert toll_findings(code(roundups), {}) == []
    fitting = [replace(facts("a", "V", "2024-03-01", 1), roundup=True), facts("b", "V", "2024-03-01", 1)]
    [f] = toll_findings(code(fitting), {})
    assert f.status == "agree" and "Outlet a (round-up), Outlet b: 1" in f.summary


def test_incidents_are_coded_with_the_most_reported_place_and_the_earliest_day():
    # b, published later, gives the event's day as the 1st and a higher toll: an update
    victim = ("e_ilse_marren",)
    [inc] = incidents([facts("a", "Velmora", "2024-03-02", 1, persons=victim),
                       facts("b", "Velmora", "2024-03-01", 2, "2024-03-03", persons=victim)])  # fmt: skip
    assert (inc.place, inc.date, inc.type, inc.documents) == ("Velmora", "2024-03-01", "shooting", ("a", "b"))
    assert inc.figure("killed").value == 2 and inc.to_dict()["killed"]["status"] == "update"


def test_the_place_the_reports_vote_for_most_strongly_wins_not_the_most_reports():
    victim = ("e_ilse_marren",)
    inc = code([facts("a", "Velmora", "2024-03-02", persons=victim, votes=9),
                facts("b", "Oskel Heights", "2024-03-02", persons=victim, votes=2),
                facts("c", "Oskel Heights", "2024-03-02", persons=victim, votes=1)])  # fmt: skip
    assert inc.place == "Velmora" and [e.doc for e in inc.place_evidence] == ["a"]

    # a county is the incident's place only where no report names a town (GVA codes the town)
    inc = code([facts("a", "Velmora County", "2024-03-02", persons=victim, votes=9),
                facts("b", "Oskel Heights", "2024-03-02", persons=victim, votes=2)])  # fmt: skip
    assert inc.place == "Oskel Heights"
    # a town every report names outweighs one report's dateline (a trial's court town, which names it in passing)
    named = [facts(d, p, "2024-03-02", persons=victim, votes=v) for d, p, v in (("a", "Oskel", 10), ("b", "Velmora", 5),
                                                                             ("c", "Velmora", 4))]  # fmt: skip
    named[0] = replace(named[0], places=frozenset({"oskel", "velmora"}))
    assert code(named).place == "Velmora"  # 9 + 3 x 6 against 10 + 6


def test_a_state_is_guessed_for_a_bare_paris_only_in_a_pile_of_us_news():
    from dataclasses import replace

    paris = facts("p", "Paris", "2024-03-02", persons=("e_ilse_marren",))
    others = [facts(f"o{k}", "Velmora", f"2024-03-{k + 10:02}", persons=(f"e_p{k}",)) for k in range(4)]
    [inc] = [i for i in incidents([paris, *others]) if i.place == "Paris"]
    assert inc.region == "Texas"  # a US crime desk's pile: the largest US town of the name
    worldly = [replace(f, abroad=True) for f in others]  # a world desk's pile: most reports are about abroad
    [inc] = [i for i in incidents([paris, *worldly]) if i.place == "Paris"]
    assert inc.region is None


def test_a_report_states_its_toll_first_and_shot_not_killed_is_injured():
    from rashomon.crosscheck.incidents import facts as read_facts
    from rashomon.records import CasualtyClaim, Document

    text = "VELMORA, Ore. - Two men were killed and three people were shot. In 2019 a gunman killed 26."
    doc = Document(id="d1", source="d1.txt", text=text, raw_text=text, published="2024-03-02")

    def cas(evidence: str, measure: str, value: float) -> CasualtyClaim:
        s = text.index(evidence)
        return CasualtyClaim(id=f"c{s}", doc="d1", start=s, end=s + len(evidence), text=evidence, stage="t@1",
                             measure=measure, value=value)  # fmt: skip

    claims = [cas("Two men were killed", "killed", 2), cas("three people were shot", "shot", 3),
              cas("killed 26", "killed", 26)]  # fmt: skip
    [f] = read_facts(claims, [doc], [], ["d1"])
    assert (f.place, f.region, f.day) == ("Velmora", "Oregon", "2024-03-02")
    assert f.reports["killed"][1] == 2  # the lede's toll, not the other event's 26
    assert f.reports["injured"][1] == 1  # three shot, two of them killed


def test_an_unknown_figure_policy_is_refused_with_the_choices():
    import pytest

    from rashomon.errors import UsageError

    with pytest.raises(UsageError, match="unknown incident policy 'median'"):
        incidents([facts("a", "Velmora", "2024-03-01", 1)], "median")


def test_opened_fire_is_a_shooting_and_a_town_without_a_state_is_in_its_largest_namesakes():
    from rashomon.crosscheck.incidents import _type
    from rashomon.records import Document

    text = "A man opened fire on deputies, who returned fire. The fire department was called."
    assert _type(Document(id="d", source="s", text=text, raw_text=text)) == "shooting"
    assert _type(Document(id="d", source="s", text="The fire gutted the house.", raw_text="")) == "fire"
    truce = "The cease-fire broke down on Friday. A missile attack hit Port Aven."
    assert _type(Document(id="d", source="s", text=truce, raw_text=truce)) == "attack"  # a cease-fire is no fire
    marshal = "Inspectors and the fire marshal cited the club for a fire extinguisher after the shooting."
    assert _type(Document(id="d", source="s", text=marshal, raw_text=marshal)) == "shooting"  # no fire happened
    victim = ("e_ilse_marren",)
    [inc] = incidents([facts("a", "Houston", "2024-03-02", 1, persons=victim),
                       facts("b", "Houston", "2024-03-02", 1, persons=victim)])  # fmt: skip
    assert inc.region == "Texas"  # no report names a state: Houston, Texas rather than Houston, Missouri
    abroad = facts("b", "Houston", "2024-03-02", 1, persons=victim)
    abroad.abroad = True  # a report that names another country: no guess
    assert code([facts("a", "Houston", "2024-03-02", 1, persons=victim), abroad]).region is None
    stated = code([facts("a", "Houston", "2024-03-02", 1, persons=victim, region="Missouri")])
    assert stated.region == "Missouri"
    # a county without a state: the state of the only county of that name, none where several states have one
    assert code([facts("a", "Barrow County", "2024-03-02", 1)]).region == "Georgia"
    assert code([facts("a", "DeKalb County", "2024-03-02", 1)]).region is None


def test_reports_split_between_two_regions_put_the_town_where_it_is_larger():
    split = [facts("a", "Newark", "2024-03-02", 1, region="Ohio"),
             facts("b", "Newark", "2024-03-02", 1, region="New Jersey")]  # fmt: skip
    assert code(split).region == "New Jersey"  # a tie, not the later name in the alphabet
    split.append(facts("c", "Newark", "2024-03-02", 1, region="Ohio"))
    assert code(split).region == "Ohio"  # more reports say so


def test_a_town_without_a_state_is_in_the_state_its_outlet_reports_from():
    from dataclasses import replace

    from rashomon.crosscheck.incidents import outlet_homes

    station = [replace(facts(d, place, "2024-03-02", region=region), outlet="WXYZ")
               for d, place, region in [("a", "Macon", "Georgia"), ("b", "Valdosta", None), ("c", "Dalton", "Georgia"),
                                        ("d", "Miami", "Florida")]]  # fmt: skip
    national = [replace(facts(d, "Dallas", "2024-03-02", region=r), outlet="Daily")
                for d, r in [("e", "Texas"), ("f", "Oregon"), ("g", "Georgia")]]  # fmt: skip
    homes = outlet_homes(station + national)
    assert homes == {"WXYZ": "Georgia"}  # three of four; the national outlet has no home
    columbus = replace(facts("h", "Columbus", "2024-03-03", 1), outlet="WXYZ")
    assert code([columbus], homes=homes).region == "Georgia"  # not Ohio, the largest Columbus
    assert code([columbus]).region == "Ohio"
    # a home state with no town of the place's name is no guess at it: the largest namesake's
    assert code([replace(facts("i", "Houston", "2024-03-03", 1), outlet="WXYZ")], homes=homes).region == "Texas"
    # a state the report names stands
    assert code([replace(columbus, region="Mississippi")], homes=homes).region == "Mississippi"


def test_at_least_as_many_fits_an_exact_count_and_is_no_conflict():
    hedged, exact = facts("a", "V", "2024-03-01"), facts("b", "V", "2024-03-01", 4)  # in this order
    hedged.reports["killed"] = ("c_a", None, 2.0, None)  # "two were in critical condition": at least two
    f = figure("killed", [exact, hedged])
    assert (f.status, f.value, len(f.reports)) == ("single_source", 4, 2)
    hedged.reports["killed"] = ("c_a", None, 4.0, None)  # weighed as the count it gives
    assert figure("killed", [exact, hedged]).status == "agree"
    hedged.reports["killed"] = ("c_a", None, 6.0, None)  # more than the later exact count: they conflict
    assert figure("killed", [exact, hedged]).status == "conflict"


def test_a_report_that_names_no_place_is_placed_in_its_outlets_town():
    a, b, c = facts("a", "Velmora", "2024-03-01"), facts("b", "Velmora", "2024-03-05"), facts("c", None, "2024-03-09")
    for f in (a, b, c):
        f.outlet = "Velmora Post"  # a local paper: "the city's South Side" names no town
    towns = outlet_towns([a, b, c])
    assert towns == {"Velmora Post": "Velmora"}
    inc = code([c], home_towns=towns)
    assert (inc.place, inc.place_evidence) == ("Velmora", ())  # a guess, with no evidence in the text
    assert code([c]).place is None
    b.place = "Osterby"  # an outlet whose reports spread over towns has none
    assert outlet_towns([a, b, c]) == {}


def test_a_report_without_a_day_does_not_chain_two_incidents_years_apart():
    from rashomon.crosscheck.incident_links import link

    # the undated report meets both (0.9, 0.7); the two dated ones are surely apart (decades between their days)
    three = [facts("strike", "Osterby", None, 12), facts("talks", "Osterby", "2020-01-10"),
             facts("massacre", "Osterby", "1992-02-25")]  # fmt: skip
    uf = link(three, [(0, 1, 0.9), (0, 2, 0.7), (1, 2, 0.002)], threshold=0.6)
    assert uf.find(0) == uf.find(1) != uf.find(2)
    uf = link(three, [(0, 1, 0.9), (0, 2, 0.7), (1, 2, 0.4)], threshold=0.6)  # not sure: the chain stands
    assert uf.find(0) == uf.find(1) == uf.find(2)


def test_a_page_that_tells_no_event_gives_no_day_to_an_incident_whose_reports_tell_one():
    from rashomon.crosscheck.incidents import code

    strike = facts("strike", "Osterby", None, 12)  # a report of the strike that gives no day
    talks = facts("talks", "Osterby", "2020-01-10", typ=None)  # no word of an event, no casualty: a day of talks
    assert code([strike, talks]).date is None
    assert code([talks]).date == "2020-01-10"  # alone, its day is all there is
