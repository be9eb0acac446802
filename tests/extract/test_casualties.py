"""Casualty claims: how many people a sentence says were killed, injured or shot, numbers or not."""

from __future__ import annotations

import pytest

from rashomon.extract import casualties
from rashomon.records import Document


def _read(nlp, text: str) -> list[tuple[str, float | None, float | None]]:
    doc = Document(id="d_t", source="t.txt", text=text, raw_text=text)
    claims = casualties.extract(nlp(text), doc)
    for c in claims:
        assert text[c.start : c.end] == c.text and c.doc == "d_t" and c.stage == casualties.STAGE
    return sorted((c.measure or "", c.value, c.low) for c in claims)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A man was shot and killed early Monday in Port Aven.", [("killed", 1.0, None)]),
        ("Two teens were wounded and a 23-year-old man died at the hospital.",
         [("injured", 2.0, None), ("killed", 1.0, None)]),
        ("The blast killed the driver and injured his passenger.", [("injured", 1.0, None), ("killed", 1.0, None)]),
        ("Four teens were shot on the court, police said.", [("shot", 4.0, None)]),
        ("No one else was hurt.", [("injured", 0.0, None)]),
        ("There were no injuries.", [("injured", 0.0, None)]),
        ("Multiple people were found dead in the house.", [("killed", None, 2.0)]),
        ("At least six others were wounded.", [("injured", None, 6.0)]),
        ("A man and a woman were shot outside the bar.", [("shot", 2.0, None)]),
        ("He was pronounced dead at the scene.", [("killed", 1.0, None)]),
        ("The gunman killed 12 people and wounded 58 others.", [("injured", 58.0, None), ("killed", 12.0, None)]),
        # a possessor makes one person of a singular noun, and is no person of the list
        ("Police said the boy shot the girl's mother, the girl and then himself.", [("shot", 3.0, None)]),
        # "left ... dead, and ... wounded": the second group is the wounded, not someone who wounded
        ("The gunfire left a mother and a grandmother dead, and a baby and two men wounded.",
         [("injured", 3.0, None), ("killed", 2.0, None)]),
        ("The gunman left the store and wounded a clerk.", [("injured", 1.0, None)]),
        # the others after the dead that a word of harm of their own follows are not of the dead
        ("The offensive killed 613 people and 487 others were injured.", [("killed", 613.0, None)]),
        ("The gunman killed a man and two others.", [("killed", 3.0, None)]),
        # people named by their nationality
        ("The shelling killed 12 Velmorans and wounded 30 Dravikis.",
         [("injured", 30.0, None), ("killed", 12.0, None)]),
        ("Two Americans were wounded in the blast.", [("injured", 2.0, None)]),
    ],
)  # fmt: skip
def test_casualties_are_counted_from_the_parse(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She didn't die, her brother said.",  # negated
        "He threatened to kill his neighbour.",  # a threat, not a killing
        "A 23-year-old resident of Port Aven spoke at the meeting.",  # an age is no casualty
        "The storm damaged three houses.",  # no harm word for people
    ],
)
def test_no_casualty_is_read_where_none_happened(nlp, text):
    assert _read(nlp, text) == []


def test_a_person_shot_and_killed_counts_once_as_killed(nlp):
    assert _read(nlp, "Police said the officer was shot and killed during the stop.") == [("killed", 1.0, None)]


def test_a_count_over_a_period_is_a_statistic_not_a_casualty(nlp):
    assert _read(nlp, "More than 300 people were killed in the city this year.") == []
    assert _read(nlp, "Two men were killed in the crash on Elm Street.") == [("killed", 2.0, None)]
    # a day of one event, not a period: "earlier this week", "Last month, a woman died" (the tally tells
    # whose toll it is)
    assert _read(nlp, "The teen who was shot and killed earlier this week was named.") == [("killed", 1.0, None)]
    assert _read(nlp, "Last month, a woman died at the hospital.") == [("killed", 1.0, None)]
    # "others" after a statistic are more of the statistic; after one event's toll, more of its victims
    assert _read(nlp, "There have been 120 homicides in the city this year. Many others were wounded.") == []
    assert sorted(_read(nlp, "Two men were killed on Elm Street. Three others were wounded.")) == [
        ("injured", 3.0, None),
        ("killed", 2.0, None),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the person a relative clause hangs off; a dateline parsed as the subject
        ("Police said the teenager who was shot and killed near the depot was a student.", [("killed", 1.0, None)]),
        ("BRANVILLE, Ore. - A 17-year-old boy was shot in the arm.", [("shot", 1.0, None)]),
        ("Police named two people found dead inside a home on Elm Street.", [("killed", 2.0, None)]),
        # in a hospital's care: the wounded
        ("Two men are in the hospital after a shooting on Elm Street.", [("injured", 2.0, None)]),
        ("The victim was listed in stable condition.", [("injured", 1.0, None)]),
        ("Three teens remain in critical condition, police said.", [("injured", 3.0, None)]),
        # an age standing for the person counts one; an age after a name never counts
        ("An 18-month-old is dead after a shooting.", [("killed", 1.0, None)]),
        ("Officials said Jane Marlow, 66 and Ruth Marlow, 64 were found dead.", [("killed", 2.0, None)]),
        # wounds and whose they are
        ("Officers found a 40-year-old man and a 15-year-old with gunshot wounds.", [("shot", 2.0, None)]),
        ("A 19-year-old woman suffered a fatal gunshot wound.", [("killed", 1.0, None)]),
        ("Three other people were treated at a hospital and released.", [("injured", 3.0, None)]),
        # "one fatally", bare numbers standing for people, "to death", "slain", "passed away"
        ("Five people were shot, one fatally, outside a tavern on Quill Road.",
         [("killed", 1.0, None), ("shot", 5.0, None)]),
        ("Eight were shot -- 3 killed and 5 wounded -- at the cookout.",
         [("injured", 5.0, None), ("killed", 3.0, None), ("shot", 8.0, None)]),
        ("Three people were shot to death and another was injured.", [("injured", 1.0, None), ("killed", 3.0, None)]),
        # an ordinal standing alone is one more person ("a third"), not three
        ("Two people were killed and a third was injured.", [("injured", 1.0, None), ("killed", 2.0, None)]),
        ("Two boys and two adults were found slain inside the farmhouse.", [("killed", 4.0, None)]),
        ("The grandmother passed away on Sunday.", [("killed", 1.0, None)]),
        ("The victim was gunned down on Friday.", [("killed", 1.0, None)]),
        # a shooter's suicide
        ("The father shot his two sons to death before turning the gun on himself.",
         [("killed", 1.0, None), ("killed", 2.0, None)]),
        ("He later took his own life.", [("killed", 1.0, None)]),
        # harm named by a noun
        ("He is charged in the shooting death of a 41-year-old man.", [("killed", 1.0, None)]),
        ("The blast claimed the lives of two women.", [("killed", 2.0, None)]),
        ("Police are investigating the shooting of a 15-year-old boy.", [("shot", 1.0, None)]),
        ("Police are investigating a double shooting on Elm Street.", [("shot", 2.0, None)]),
        ("He is charged in a triple homicide.", [("killed", 3.0, None)]),
        ("He is charged in the fatal shooting of one man and wounding of three others.",
         [("injured", 3.0, None), ("killed", 1.0, None)]),
        # lists: hung off an apposition, explained by one, without articles; pairs; vague counts; ordinals
        ("The gunman killed his wife, two young children and his mother-in-law.", [("killed", 4.0, None)]),
        # a list after a group's count tells who they are, not more people
        ("Three other victims, two women and a man, arrived at hospitals with injuries.", [("injured", 3.0, None)]),
        ("The victims, two men and a woman, were wounded.", [("injured", 3.0, None)]),
        ("A mother and daughter were shot.", [("shot", 2.0, None)]),
        ("Both were shot.", [("shot", 2.0, None)]),
        ("Nine people are dead and dozens injured.", [("injured", None, 24.0), ("killed", 9.0, None)]),
        ("A third person has died from the shooting.", [("killed", None, 3.0)]),
        # hit by gunfire; names the tagger misses; reduced relatives
        ("A woman was struck by a stray bullet.", [("shot", 1.0, None)]),
        ("A bullet struck an 11-year-old girl in the car.", [("shot", 1.0, None)]),
        ("The woman was struck in the shoulder when the gun went off.", [("shot", 1.0, None)]),
        ("The victim showed up at a hospital with a gunshot wound.", [("shot", 1.0, None)]),
        ("A gunman killed Tom Ardley and wounded Pell Varnado.", [("injured", 1.0, None), ("killed", 1.0, None)]),
        ("Four people shot in a courtyard were expected to recover.", [("shot", 4.0, None)]),
        ("The four people found shot to death were targeted.", [("killed", 4.0, None)]),
        ("The man remains hospitalized.", [("injured", 1.0, None)]),
        ("A fourth victim remains hospitalized with a gunshot wound.", [("injured", 1.0, None)]),  # one more, not four
        ("He pulled the trigger and shot his left foot.", [("shot", 1.0, None)]),
        ("Travon S. Overton fatally shot.", [("killed", 1.0, None)]),  # a caption: the one shot
        ("Police said 43-year-old Bianca Arter and her son were found dead.", [("killed", 2.0, None)]),  # (an ORG)
        ("The gunmen killed two men and injured a third man and a 16-year-old boy.",
         [("injured", 2.0, None), ("killed", 2.0, None)]),  # the third victim is one of those hurt
    ],
)  # fmt: skip
def test_more_phrasings_of_casualties_are_read(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Six people were wounded in shootings across the city over the weekend.",  # several incidents' total
        "A teen was shot and killed two years ago.",  # an earlier event
        "No police officers were hurt.",  # none of a group is no total
        "There were no life-threatening injuries.",  # not "no injuries"
        "A dozen residents spoke at the meeting, including Tom Ardley, 54.",  # an age after a name
        "He was almost killed.",
        "She nearly lost her life.",
        "He was hit in the head with a bat.",  # struck, but not by gunfire
        "The car struck a pedestrian.",
        "From another angle it could have hit her in the heart and killed her.",  # what might have been
        "He shot his friend's leg.",  # the friend was shot: counted where the friend is named
        "Her sister works in the hospital.",  # not in its care
        "The house was in poor condition.",  # no one's condition
    ],
)
def test_no_toll_is_read_from_statistics_other_events_or_near_misses(nlp, text):
    assert _read(nlp, text) == []


def test_a_claim_span_ends_at_its_people(nlp):
    text = "Eight were shot -- 3 killed and 5 wounded."
    doc = Document(id="d_t", source="t.txt", text=text, raw_text=text)
    spans = sorted(c.text for c in casualties.extract(nlp(text), doc))
    assert spans == ["3 killed", "5 wounded", "Eight were shot"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of people counts every one of them, an age standing for a person included
        ("A 16-year-old and two children were shot on Quill Lane.", [("shot", 3.0, None)]),
        ("Two women and a man were wounded outside the depot.", [("injured", 3.0, None)]),
        ("An 18-year-old girl and 3-year-old were injured.", [("injured", 2.0, None)]),
        ("A 31-year-old woman, a 14-year-old girl and a 52-year-old man were injured.", [("injured", 3.0, None)]),
        # part of a group is not its total
        ("Three people, one of them a pregnant woman, were shot near the pier.", [("shot", 3.0, None)]),
        # "half a dozen" is about six
        ("Half-a-dozen people were shot outside the hall.", [("shot", 6.0, None)]),
        ("A half dozen people were wounded.", [("injured", 6.0, None)]),
        # the one who died after another verb is its subject, not its object
        ("The clerk underwent surgery and died.", [("killed", 1.0, None)]),
        # a wound is no death
        ("Police found one man dead and at least six others with gunshot wounds.",
         [("killed", 1.0, None), ("shot", None, 6.0)]),
        ("The blast at the depot left one woman dead and at least four others with gunshot wounds.",
         [("killed", 1.0, None), ("shot", None, 4.0)]),
        ("The fight left a 30-year-old man dead and three others with gunshot wounds.",
         [("killed", 1.0, None), ("shot", 3.0, None)]),
        # a bare number the tagger takes for a date is still the object counted; things harmed are no people
        ("The quake struck the island, killing 10 people and injuring 80.",
         [("injured", 80.0, None), ("killed", 10.0, None)]),
        ("The quake struck the island, injuring five people and damaging buildings.", [("injured", 5.0, None)]),
        # the people between two verbs are the second one's ("others" parsed as a conjunct of "died")
        ("One man died and four others, including one woman, were injured in the early morning shooting.",
         [("injured", 4.0, None), ("killed", 1.0, None)]),
    ],
)  # fmt: skip
def test_lists_groups_and_dozens_are_counted_as_people(nlp, text, expected):
    assert _read(nlp, text) == expected


def test_the_report_tally_of_parsed_sentences(nlp):
    from rashomon.crosscheck.incident_tally import tally

    def toll(text: str) -> dict[str, float | None]:
        doc = Document(id="d_t", source="t.txt", text=text, raw_text=text)
        figures = tally(casualties.extract(nlp(text), doc), text)
        return {m: f[1] if f[1] is not None else f[2] for m, f in figures.items()}

    # "others" after the dead are besides them: never less the dead
    assert toll("A woman was killed and five others were shot at the fair.") == {"killed": 1, "injured": 5}
    assert toll("Officers found one man dead and at least six others with gunshot wounds.") == {
        "killed": 1, "injured": 6
    }  # fmt: skip
    assert toll("A man was shot Tuesday. He underwent surgery and is in critical condition.") == {"injured": 1}
    assert toll("Two people were shot on Vale Road. Both are in critical condition.") == {"injured": 2}


def test_a_name_set_off_with_an_age_is_a_person_whatever_the_taggers_type(nlp):
    from spacy.tokens import Span

    text = "The gunman fired at the car, killing Marla Quint, 18, and Devon Ashby, 20, police said."
    sdoc = nlp(text)
    at = text.index("Devon Ashby")
    name = sdoc.char_span(at, at + len("Devon Ashby"))
    sdoc.set_ents([Span(sdoc, name.start, name.end, label="FAC")], default="unmodified")  # as the tagger may
    doc = Document(id="d_t", source="t.txt", text=text, raw_text=text)
    assert [(c.measure, c.value) for c in casualties.extract(sdoc, doc)] == [("killed", 2.0)]
