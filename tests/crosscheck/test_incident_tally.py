"""A report's toll per measure from its casualty claims (hand-made claims, no spaCy)."""

from __future__ import annotations

from rashomon.crosscheck.incident_tally import tally, with_attacker
from rashomon.records import CasualtyClaim


def claims(text: str, *said: tuple[str, str, float | None, str]) -> list[CasualtyClaim]:
    """(evidence, measure, value, who) in text order; a None value is "at least 2"."""
    out = []
    for evidence, measure, value, who in said:
        s = text.index(evidence)
        low = None if value is not None else 2.0
        out.append(CasualtyClaim(id=f"c{s}", doc="d", start=s, end=s + len(evidence), text=evidence, stage="t@1",
                                 measure=measure, value=value, low=low, who=who))  # fmt: skip
    return out


def values(text: str, *said: tuple[str, str, float | None, str]) -> dict[str, float | None]:
    return {m: f[1] if f[1] is not None else f[2] for m, f in tally(claims(text, *said), text).items()}


def test_the_first_toll_stands_and_later_victims_do_not_add_up():
    text = "Two men were killed on Elm Street. One of them, Ray Dunmore, died at the scene."
    assert values(text, ("Two men were killed", "killed", 2, "Two men"), ("Ray Dunmore, died", "killed", 1, "Ray")) == {
        "killed": 2
    }


def test_a_shooters_suicide_in_the_tolls_sentence_is_added():
    text = "A man shot his wife and daughter before turning the gun on himself. He had killed himself once before."
    said = (("shot his wife and daughter", "killed", 2, "his wife and daughter"),
            ("turning the gun on himself", "killed", 1, "himself"))  # fmt: skip
    assert values(text, *said) == {"killed": 3}
    apart = "A man killed his wife. Hours later he turned the gun on himself."
    said = (("killed his wife", "killed", 1, "his wife"), ("turned the gun on himself", "killed", 1, "himself"))
    assert values(apart, *said) == {"killed": 1}  # another sentence: perhaps counted already, perhaps not


def test_shot_not_killed_are_injured_and_the_larger_reading_wins():
    text = "Four people were shot, one fatally. A 26-year-old was injured, as were two teens."
    said = (("Four people were shot", "shot", 4, "Four people"), ("one fatally", "killed", 1, "one"),
            ("A 26-year-old was injured", "injured", 1, "A 26-year-old"))  # fmt: skip
    assert values(text, *said) == {"killed": 1, "injured": 3}
    also = "A man was shot and killed. A second man was also shot."
    said = (
        ("A man was shot and killed", "killed", 1, "A man"),
        ("A second man was also shot", "shot", 1, "A second man"),
    )
    assert values(also, *said) == {"killed": 1, "injured": 1}
    named = "Ilse Banky, 17, was killed Monday. Banky was in the hospital before she died."
    banky = ("Ilse Banky, 17, was killed", "killed", 1, "Ilse Banky")
    assert values(named, banky, ("Banky was in the hospital", "injured", 1, "Banky")) == {"killed": 1}
    other = "Ilse Banky, 17, was killed Monday. Dunmore was in the hospital."
    assert values(other, banky, ("Dunmore was in the hospital", "injured", 1, "Dunmore")) == {"killed": 1, "injured": 1}


def test_no_one_else_hurt_is_no_total_but_no_one_hurt_is():
    text = "A boy was shot in the leg. No one else was hurt."
    said = (("A boy was shot", "shot", 1, "A boy"), ("No one else was hurt", "injured", 0, "No one else"))
    assert values(text, *said) == {"injured": 1}
    alone = "A man was killed. No one else was hurt."
    said = (("A man was killed", "killed", 1, "A man"), ("No one else was hurt", "injured", 0, "No one else"))
    assert values(alone, *said) == {"killed": 1, "injured": 0}


def test_a_wounded_person_who_then_died_is_not_also_injured():
    text = "A man was rushed to a hospital with injuries. He later died."
    said = (
        ("A man was rushed to a hospital with injuries", "injured", 1, "A man"),
        ("He later died", "killed", 1, "He"),
    )
    assert values(text, *said) == {"killed": 1}


def test_the_dead_named_again_as_hurt_is_not_also_injured():
    text = "A 3-year-old girl died Monday. The young girl had been hospitalized with injuries. She was hurt at home."
    said = (
        ("A 3-year-old girl died", "killed", 1, "A 3-year-old girl"),
        ("The young girl had been hospitalized with injuries", "injured", 1, "The young girl"),
        ("She was hurt", "injured", 1, "She"),
    )
    assert values(text, *said) == {"killed": 1}
    other = "A man died Monday. A woman was hurt. She was treated at a hospital."
    said = (("A man died", "killed", 1, "A man"), ("A woman was hurt", "injured", 1, "A woman"),
            ("She was treated", "injured", 1, "She"))  # fmt: skip
    assert values(other, *said) == {"killed": 1, "injured": 1}
    also = "A boy died Monday. The other boy was hurt."
    said = (("A boy died", "killed", 1, "A boy"), ("The other boy was hurt", "injured", 1, "The other boy"))
    assert values(also, *said) == {"killed": 1, "injured": 1}


def test_a_bound_stays_a_bound():
    text = "Multiple people were wounded."
    assert tally(claims(text, ("Multiple people were wounded", "injured", None, "Multiple people")), text) == {
        "injured": ("c0", None, 2.0, None)
    }


def test_others_after_the_dead_are_not_less_the_dead():
    text = "A woman was killed and five others, including a toddler, were shot."
    said = (("A woman was killed", "killed", 1, "A woman"),
            ("five others, including a toddler, were shot", "shot", 5, "five others, a toddler"))  # fmt: skip
    assert values(text, *said) == {"killed": 1, "injured": 5}
    more = "One man died and three more people were shot."
    said = (("One man died", "killed", 1, "One man"), ("three more people were shot", "shot", 3, "three more people"))
    assert values(more, *said) == {"killed": 1, "injured": 3}
    holds = "A man was killed. He and four others were shot outside the hall."  # the group holds the dead man
    said = (("A man was killed", "killed", 1, "A man"),
            ("He and four others were shot", "shot", 5, "He and four others"))  # fmt: skip
    assert values(holds, *said) == {"killed": 1, "injured": 4}
    together = "Four people were shot, and one died."  # a group that counts the dead: those shot less the dead
    said = (("Four people were shot", "shot", 4, "Four people"), ("one died", "killed", 1, "one"))
    assert values(together, *said) == {"killed": 1, "injured": 3}


def test_part_of_a_group_is_never_its_total():
    text = "Two of the victims were hospitalized. Five people were wounded in all."
    said = (("Two of the victims were hospitalized", "injured", 2, "Two of the victims"),
            ("Five people were wounded", "injured", 5, "Five people"))  # fmt: skip
    assert values(text, *said) == {"injured": 5}  # the whole group, though told later
    alone = "Three of the victims were hospitalized in serious condition."
    said = (("Three of the victims were hospitalized", "injured", 3, "Three of the victims"),)
    figures = tally(claims(alone, *said), alone)
    assert figures["injured"][1:] == (None, 3.0, None)  # at least three: others may be hurt less
    died = "Three men were shot, and one of them died."
    said = (("Three men were shot", "shot", 3, "Three men"), ("one of them died", "killed", 1, "one of them"))
    assert values(died, *said) == {"killed": 1, "injured": 2}  # how many of the group died


def test_the_shooter_of_a_murder_suicide_beside_one_dead_is_added():
    text = "Toddler dead in apparent murder-suicide near Velmora. Deputies found a man dead."
    said = (("Toddler dead", "killed", 1, "Toddler"), ("murder-suicide", "killed", None, ""))
    assert values(text, *said) == {"killed": 2}
    before = "Murder-suicide leaves woman dead in Velmora."
    assert values(before, ("Murder-suicide", "killed", None, ""), ("woman dead", "killed", 1, "woman")) == {"killed": 2}
    # two dead in a murder-suicide count the shooter already; another sentence's murder-suicide is no reading
    two = "Two dead in murder-suicide in Velmora."
    assert values(two, ("Two dead", "killed", 2, "Two"), ("murder-suicide", "killed", None, "")) == {"killed": 2}
    apart = "A woman was killed on Elm Street. Police are investigating it as a murder-suicide."
    said = (("A woman was killed", "killed", 1, "A woman"), ("murder-suicide", "killed", None, ""))
    assert values(apart, *said) == {"killed": 1}


def test_a_headline_is_the_first_sentence_but_a_larger_death_toll_in_the_text_stands():
    from rashomon.crosscheck.incident_tally import tally
    from rashomon.records import CasualtyClaim

    def claim(i: str, text: str, source: str, measure: str, value: float, part: str | None = None) -> CasualtyClaim:
        start = source.index(text)
        return CasualtyClaim(id=i, doc="d", start=start, end=start + len(text), text=text, stage="t@1",
                             measure=measure, value=value, part=part)  # fmt: skip

    title, text = "Four people shot in Velmora", "One victim was taken to a hospital, where he died."
    head = claim("h", "Four people shot", title, "shot", 4, "title")
    died = claim("k", "he died", text, "killed", 1)
    assert {m: f[1] for m, f in tally([head, died], text, title).items()} == {"killed": 1, "injured": 3}
    # the text counts more dead than the headline's one
    title2, text2 = "Man killed in Velmora", "Two people were killed, police said."
    got = tally([claim("h", "Man killed", title2, "killed", 1, "title"),
                 claim("k", "Two people were killed", text2, "killed", 2)], text2, title2)  # fmt: skip
    assert got["killed"][:2] == ("k", 2)
    # a bound in the text ("at least five were killed") does not outrank the headline's exact count
    title3, text3 = "1 dead, 4 injured in Velmora shooting", "At least five people were killed or hurt, police said."
    got = tally([claim("h", "1 dead", title3, "killed", 1, "title"),
                 CasualtyClaim(id="b", doc="d", start=0, end=36, text=text3[:36], stage="t@1", measure="killed",
                               low=5.0)], text3, title3)  # fmt: skip
    assert got["killed"][:2] == ("h", 1)


def test_a_total_over_many_incidents_is_no_toll_of_one():
    text = ("Four people were killed and 35 wounded in shootings across the city since Friday. "
            "A man, 25, was killed on Elm Street early Sunday.")  # fmt: skip
    said = (("Four people were killed", "killed", 4, "Four people"), ("35 wounded", "injured", 35, "35"),
            ("A man, 25, was killed", "killed", 1, "A man"))  # fmt: skip
    assert values(text, *said) == {"killed": 1}
    text = "Two separate Ostrand County hunting accidents left two injured. The first wounded a boy of 15."
    said = (("left two injured", "injured", 2, "two"), ("wounded a boy", "injured", 1, "a boy"))
    assert values(text, *said) == {"injured": 1}
    text = "Eighteen people were shot between Tuesday afternoon and early Wednesday. A boy, 4, was shot on Elm Street."
    said = (("Eighteen people were shot", "shot", 18, "Eighteen people"), ("A boy, 4, was shot", "shot", 1, "A boy"))
    assert values(text, *said) == {"injured": 1}
    text = (
        "Six other people were wounded in attacks across the weekend. A woman was wounded in the attack on Elm Street."
    )
    said = (("Six other people were wounded", "injured", 6, "Six other people"),
            ("A woman was wounded", "injured", 1, "A woman"))  # fmt: skip
    assert values(text, *said) == {"injured": 1}
    # a shooting across the state line is one shooting
    text = "Police sought him in the death of a man in a shooting across the state line."
    assert values(text, ("death of a man", "killed", 1, "a man")) == {"killed": 1}


def test_a_name_with_an_ordinal_is_no_victim_told_apart():
    text = "A teen was killed in a quadruple shooting in the Third Ward early Thursday."
    said = (("A teen was killed", "killed", 1, "A teen"), ("a quadruple shooting in the Third Ward", "shot", 4,
            "a quadruple shooting in the Third Ward"))  # fmt: skip
    assert values(text, *said) == {"killed": 1, "injured": 3}


def test_the_other_boy_is_one_person_told_not_others_besides_the_dead():
    text = "A 10-year-old shot the other boy, an 11-year-old. The 11-year-old boy was pronounced dead."
    said = (("shot the other boy", "shot", 1, "the other boy, an 11-year-old,"),
            ("The 11-year-old boy was pronounced dead", "killed", 1, "The 11-year-old boy"))  # fmt: skip
    assert values(text, *said) == {"killed": 1, "injured": 0}


def test_a_toll_its_sentence_dates_months_from_the_report_is_another_events():
    text = (
        "Five people were wounded at the club Sunday. A guard was fatally shot there in July. In March 2013 one died."
    )
    said = claims(
        text,
        ("Five people were wounded", "injured", 5.0, "Five people"),
        ("A guard was fatally shot", "killed", 1.0, "A guard"),
        ("one died", "killed", 1.0, "one"),
    )
    assert "killed" not in tally(said, text, when="2015-10-04")
    assert tally(said, text, when="2015-07-20")["killed"][1] == 1.0  # July is this report's month
    assert tally(said, text)["killed"][1] == 1.0  # no day (a follow-up): every claim is read
    text = "Two men were wounded Sunday. Last month, a woman died after she was shot on the same corner."
    said = claims(text, ("Two men were wounded", "injured", 2.0, "Two men"), ("a woman died", "killed", 1.0, "a woman"))
    assert "killed" not in tally(said, text, when="2015-10-04")


def test_under_a_headline_of_wounded_a_death_recalled_past_the_lead_is_another_events():
    from rashomon.records import CasualtyClaim

    title = "Seven wounded in Velmora nightclub shooting"
    lead = "Seven people were wounded early Sunday at a Velmora nightclub. All are expected to survive. Police said."
    recalled = " It was the first shooting there since the slaying of a man who was killed in the parking lot."
    died = " One victim was later pronounced dead at the hospital, police said."
    head = CasualtyClaim(id="h", doc="d", start=0, end=13, text=title[:13], stage="t@1", measure="injured",
                         value=7, part="title")  # fmt: skip

    def read(text: str, evidence: str) -> dict[str, float | None]:
        told = claims(
            text, ("Seven people were wounded", "injured", 7, "Seven people"), (evidence, "killed", 1, "a man")
        )
        return {m: f[1] for m, f in tally([head, *told], text, title).items()}

    assert read(lead + recalled, "was killed") == {"injured": 7}
    assert read(lead + died, "pronounced dead") == {"injured": 7, "killed": 1}
    # in the lead, or under a headline that tells no toll, a death is this incident's
    early = "Seven people were wounded and a man was killed at a Velmora nightclub."
    assert read(early, "was killed")["killed"] == 1
    told = claims(
        lead + recalled, ("Seven people were wounded", "injured", 7, "Seven"), ("was killed", "killed", 1, "a man")
    )
    assert tally(told, lead + recalled, "Velmora nightclub shooting")["killed"][1] == 1


def test_a_toll_that_counts_the_attacker_is_told_apart():
    def counts_him(text, *said):
        read = claims(text, *said)
        return with_attacker(tally(read, text)["killed"], read, text)

    said = ("left seven people dead", "killed", 7, "seven people")
    assert counts_him("The rampage left seven people dead, including the suspected gunman, police said.", said)
    assert counts_him(
        "Seven people, including the shooter, were killed.",
        ("Seven people, including the shooter, were killed", "killed", 7, "Seven people"),
    )
    suicide = "A man killed six people near the campus before taking his own life."
    assert counts_him(
        suicide, ("killed six people", "killed", 6, "six people"), ("taking his own life", "killed", 1, "his own life")
    )
    assert not counts_him("The rampage left seven people dead, police said.", said)
    hostage = "Police shot and killed a woman who barricaded herself and a child inside an apartment."
    assert not counts_him(hostage, ("killed a woman who barricaded herself and a child", "killed", 1, "a woman"))


def test_wounded_told_only_in_a_condition_are_at_least_that_many():
    text = "One man was killed and two people were hurt critically."
    said = (("One man was killed", "killed", 1, "One man"), ("two people were hurt", "injured", 2, "two people"))
    assert tally(claims(text, *said), text)["injured"][1:3] == (None, 2.0)  # the others may not be told
    text = "Four people were injured, two critically."  # the condition is the next count's
    assert tally(claims(text, ("Four people were injured", "injured", 4, "Four people")), text)["injured"][1:3] == (
        4.0,
        None,
    )
    text = "One person sustained life-threatening injuries. Police said four people were injured in all."
    said = (
        ("One person sustained life-threatening injuries", "injured", 1, "One person"),
        ("four people were injured", "injured", 4, "four people"),
    )
    assert values(text, *said) == {"injured": 4}  # the whole group told after those in a condition stands


def test_the_headline_repeated_at_the_top_of_the_text_is_read_once_as_the_headline():
    title = "Rapper dead, three others wounded after club brawl"
    text = f"{title}\n\nA rapper is dead and three men are wounded after a club brawl, police said."
    head = [CasualtyClaim(id=f"t{k}", doc="d", start=title.index(e), end=title.index(e) + len(e), text=e, stage="t@1",
                          measure=m, value=v, who=w, part="title")
            for k, (e, m, v, w) in enumerate([("Rapper dead", "killed", 1.0, "Rapper"),
                                               ("three others wounded", "injured", 3.0, "three others")])]  # fmt: skip
    misread = claims(text, ("three others wounded", "killed", 3, "three others"))  # the body's parse of the title
    body = claims(text, ("A rapper is dead", "killed", 1, "A rapper"), ("three men are wounded", "injured", 3, "three"))
    assert {m: f[1] for m, f in tally([*head, *misread, *body], text, title).items()} == {"killed": 1, "injured": 3}
