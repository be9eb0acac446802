"""Casualties read from headlines (hand-written titles, no spaCy)."""

from __future__ import annotations

import pytest

from rashomon.extract import headlines
from rashomon.records import Document, evidence_text


def _read(title: str) -> list[tuple[str, float | None, float | None, str]]:
    doc = Document(id="d", source="s", text="Body.", raw_text="Body.", title=title)
    out = headlines.extract(doc, "casualties@test")
    for c in out:
        assert c.part == "title" and evidence_text(c, doc)[c.start : c.end] == c.text
    return [(c.measure, c.value, c.low, c.text) for c in out]


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Child dies in accidental shooting", [("killed", 1.0, None, "Child dies")]),
        # hit by gunfire, killed or not: shot; a person recovering: injured
        ("6-year-old hit by stray bullet on porch", [("shot", 1.0, None, "6-year-old hit by stray bullet")]),
        ("Boy, 4, Grazed by Bullet at Park", [("shot", 1.0, None, "Boy, 4, Grazed by Bullet")]),
        ("Deputy fatally struck by bullet", [("killed", 1.0, None, "Deputy fatally struck by bullet")]),
        ("Girl recovers after shots hit bedroom", [("injured", 1.0, None, "Girl recovers")]),
        ("Officer fired at gunman, grazed two bystanders", []),
        # what the person was doing may come between them and their harm
        ("Deputies: 7-year-old playing with rifle shot and killed",
         [("killed", 1.0, None, "7-year-old playing with rifle shot and killed")]),
        # that someone died: at least one, two of a murder-suicide, one whose death is named
        ("Gunman says fatal shooting was self-defense", [("killed", None, 1.0, "fatal shooting")]),
        ("Deadly gunfire followed argument at a party", [("killed", None, 1.0, "Deadly gunfire")]),
        ("Deadly shooting puts schools in lockdown", [("killed", None, 1.0, "Deadly shooting")]),
        ("Police say deadly bar shooting was self-defense", [("killed", None, 1.0, "deadly bar shooting")]),
        ("Feud led to accidental shooting death", [("killed", None, 1.0, "accidental shooting death")]),
        ("Deadly force used in standoff", []),
        # the rest of a list of the people shot or killed
        ("Man kills woman, her son, himself at home", [("killed", 3.0, None, "Man kills woman, her son, himself")]),
        ("Man sought after killing wife and four daughters",
         [("killed", 5.0, None, "after killing wife and four daughters")]),
        ("Boy saw his father kill mother, shoot sister", [("killed", 1.0, None, "saw his father kill mother")]),
        ("Teen charged with murder in store shooting", [("killed", None, 1.0, "charged with murder")]),
        ("Police: Murder-suicide in Elm Grove", [("killed", None, 2.0, "Murder-suicide")]),
        ("Man charged in his brother's death", [("killed", 1.0, None, "brother's death")]),
        ("Homicide detectives investigate a non-fatal shooting", []),
        ("Man charged with attempted murder in shooting", []),
        ("Texas's death penalty debated again", []),
        ("Teen shot, killed on Elm Street - KXYZ News", [("killed", 1.0, None, "Teen shot, killed")]),
        ("Police: Man fatally shot by homeowner", [("killed", 1.0, None, "Man fatally shot")]),
        ("3 dead, 2 injured in shooting at party",
         [("killed", 3.0, None, "3 dead"), ("injured", 2.0, None, "2 injured")]),
        ("Two men shot, one fatally, near the depot",
         [("shot", 2.0, None, "Two men shot"), ("killed", 1.0, None, "one fatally")]),
        ("Father, daughter, 9, found dead in home", [("killed", 2.0, None, "Father, daughter, 9, found dead")]),
        ("Men shot outside bar", [("shot", None, 2.0, "Men shot")]),
        ("Third victim dies after shooting outside pub", [("killed", None, 3.0, "Third victim dies")]),
        ("No one hurt in drive-by shooting", [("injured", 0.0, None, "No one hurt")]),
        ("UPDATE: 3 women, 1 man shot on Fairfield Road", [("shot", 4.0, None, "3 women, 1 man shot")]),
        ("Men, women shot outside bar", [("shot", None, 4.0, "Men, women shot")]),
        ("Fifteen people, including children, shot at club",
         [("shot", 15.0, None, "Fifteen people, including children, shot")]),
        # the count before the group it includes, set off by a comma (never a count of 0)
        ("5, Including Teenager, Shot In Velmora", [("shot", 5.0, None, "5, Including Teenager, Shot")]),
        ("Man faces charges after son, 3, shot himself", [("shot", 1.0, None, "son, 3, shot himself")]),
        ("Man cleaning gun accidentally shoots self",
         [("shot", 1.0, None, "Man cleaning gun accidentally shoots self")]),
        ("Police: 8-Year-Old Boy Accidently Shoots Himself",
         [("shot", 1.0, None, "8-Year-Old Boy Accidently Shoots Himself")]),
        ("Police investigate triple shooting on East Side", [("shot", 3.0, None, "triple shooting")]),
        ("Man charged in double homicide", [("killed", 2.0, None, "double homicide")]),
        ("Killeen 2-year-old in critical condition from gunshot",
         [("injured", 1.0, None, "Killeen 2-year-old in critical condition")]),
        ("Woman recovering after accidental shooting", [("injured", 1.0, None, "Woman recovering")]),
        ("Gunfire wounds several at home of relatives", [("injured", None, 2.0, "Gunfire wounds several")]),
        ("Shooting kills 2, wounds 3 in Memphis",
         [("killed", 2.0, None, "Shooting kills 2"), ("injured", 3.0, None, "wounds 3")]),
        ("Police seek man in Dunmore shooting that killed two at party",
         [("killed", 2.0, None, "shooting that killed two")]),
        ("Arrest made in Osterby bar shooting that injured five people",
         [("injured", 5.0, None, "shooting that injured five")]),
        ("Gunman who killed 3, wounded 2 identified",
         [("killed", 3.0, None, "Gunman who killed 3"), ("injured", 2.0, None, "wounded 2")]),
        ("Ardell boy accidentally shoots, kills brother",
         [("killed", 1.0, None, "Ardell boy accidentally shoots, kills brother")]),
        ("3-year-old kills herself with loaded gun", [("killed", 1.0, None, "3-year-old kills herself")]),
        ("Police name teen mistakenly shot, killed by father",
         [("killed", 1.0, None, "Police name teen mistakenly shot, killed")]),
        ("Suspect opens fire, killing father and wounding 3 others in Velmora",
         [("killed", 1.0, None, "killing father"), ("injured", 3.0, None, "wounding 3 others")]),
        ("Boy who was shot in the face has died", [("killed", 1.0, None, "Boy who was shot in the face has died")]),
        ("Victim in Port Aven apartment shooting dies",
         [("killed", 1.0, None, "Victim in Port Aven apartment shooting dies")]),
        ("Shooting injured man dies", [("killed", 1.0, None, "Shooting injured man dies")]),  # no injured
        ("Shooting rampage injures three at mall", [("injured", 3.0, None, "Shooting rampage injures three")]),
        ("Stray bullet wounds 5-year-old girl", [("injured", 1.0, None, "Stray bullet wounds 5-year-old")]),
        ("Woman accidentally shoots friend with gift", [("shot", 1.0, None, "Woman accidentally shoots friend")]),
        ("Man fatally shoots 2 neighbors", [("killed", 2.0, None, "Man fatally shoots 2 neighbors")]),
        ("Carter County man shoots own leg", [("shot", 1.0, None, "Carter County man shoots own")]),
        ("Five are shot outside a market", [("shot", 5.0, None, "Five are shot")]),
        ("Arrest made in shooting of 5 teens", [("shot", 5.0, None, "shooting of 5")]),
        ("Man charged in shooting death of teen", [("killed", 1.0, None, "shooting death of teen")]),
        ("Man charged with killing four family members",
         [("killed", 4.0, None, "with killing four family members")]),
        ("Police kill gunman after rampage", [("killed", 1.0, None, "Police kill gunman")]),
        ("Teens identified in double fatal shooting", [("killed", 2.0, None, "double fatal shooting")]),
        # a parent of children is one person; "one of two ... dies": that many of them killed
        ("Father of 5 killed in shooting", [("killed", 1.0, None, "Father of 5 killed")]),
        ("One of two men shot late Monday dies",
         [("killed", 1.0, None, "One of two men shot late Monday dies"), ("shot", 2.0, None, "two men shot")]),
        # a round-up of several events, or a headline about something else, gives no toll
        ("7 wounded in weekend shootings", []),
        ("Man charged in store robbery", []),
        ("Houston mass killing suspect speaks", []),  # a suspect, not the dead
    ],
)  # fmt: skip
def test_headline_casualties(title, expected):
    assert _read(title) == expected
