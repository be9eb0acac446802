"""The event day of a report, and the place it names (hand-made reports, no spaCy)."""

from __future__ import annotations

import re

from rashomon.crosscheck import incident_day, incident_place
from rashomon.extract.timerules import extract
from rashomon.records import Document, Entity, Evidence, Mention, TimeClaim


def _doc(text: str, published: str | None = "2016-09-07", title: str | None = None) -> Document:  # a Wednesday
    return Document(id="d1", source="pile.jsonl:1", text=text, raw_text=text, title=title, published=published)


def _times(doc: Document) -> list[TimeClaim]:
    return [TimeClaim(id=f"t{k}", doc=doc.id, start=t.start, end=t.end, text=t.text, stage="time@1",
                      value_iso=t.value, timex_type=t.type)
            for k, t in enumerate(extract(doc.text, doc.published))]  # fmt: skip


def _day(text: str, published: str | None = "2016-09-07") -> incident_day.Day | None:
    doc = _doc(text, published)
    return incident_day.read(doc, _times(doc))


def test_the_event_day_not_the_day_of_the_report():
    text = "On Wednesday, the sheriff said deputies found the man shot on Tuesday night near the river."
    day = _day(text)
    assert day is not None and day.day == "2016-09-06"
    at = text.index("Tuesday night")
    assert day.evidence == Evidence("d1", at, at + 13, "Tuesday night", "time", day.evidence.claim)


def test_a_day_said_right_after_a_word_of_reporting_is_the_reports():
    # both sentences tell of the shooting; the first day is when the police spoke, the second the event's
    text = "Five people were shot in a robbery, police said Tuesday morning. The injuries sustained Monday were minor."
    assert _day(text).day == "2016-09-05"
    assert _day("A boy was in critical condition Tuesday after he and three others were shot Monday.").day == (
        "2016-09-05"
    )
    # ... or right before one
    text = "The coroner on Tuesday identified the teen who was shot to death. The hunting trip began Monday morning."
    assert _day(text).day == "2016-09-05"


def test_a_clock_time_alone_is_no_day_and_a_follow_up_names_the_day_of_the_shooting():
    assert _day("Someone opened fire about 9:10 p.m., wounding four men.").evidence.how == "published"
    assert _day("A teen was arrested Thursday. He is accused of shooting a boy on the night of Aug. 19.").day == (
        "2016-08-19"
    )
    assert _day("The motive behind the August 27th drive-by shooting on Elm Street remains unclear.").day == (
        "2016-08-27"  # an ordinal day, eleven days before the report
    )


def test_a_weekday_six_days_back_is_the_day_after_a_stale_page_date():
    # published (by the page's date) on a Tuesday; "Wednesday" is the day the police spoke, not last week
    assert _day("Police met reporters Wednesday. The boy was shot Monday night.", "2017-03-28").day == "2017-03-27"
    # unless it says so
    assert _day("Police named the girl who was killed last Wednesday.", "2017-03-28").day == "2017-03-22"


def test_a_report_without_a_publication_date_is_dated_only_by_a_date_with_its_year():
    assert _day("A quake struck Qeshm island on Nov. 27, 2005, killing ten people.", None).day == "2005-11-27"
    assert _day("A quake struck Qeshm island on Monday, killing ten people.", None) is None


def test_a_date_with_its_year_counts_however_long_before_the_page_date():
    # a page re-dated by its site years later still tells the day of its shooting in its dateline
    assert _day("SAVANNAH, GA (August 2, 2015): Five bystanders were shot early this morning.").day == "2015-08-02"
    # a day without its year counts only in the year before the page's date
    assert _day("The trial began. Five bystanders were shot on Aug. 2 in the square.", "2017-01-05").day == "2016-08-02"


def test_a_birth_date_is_no_events_day():
    text = "Ardell Osterby, 15, of Velmora died on Saturday. He was born on September 8, 2001."
    assert _day(text).day == "2016-09-03"


def test_a_page_re_dated_long_after_its_event_is_dated_by_the_day_it_writes_out():
    # "Monday" counts from the page's date, ten months after the day its first paragraph writes out
    text = (
        "A student was playing dice on Oct. 22, 2015, when a fight broke out near the hall. Two men were shot Monday."
    )
    assert _day(text, "2016-08-23").day == "2015-10-22"
    assert _day("SAVANNAH, GA (August 2, 2015): Five bystanders were shot early this morning.", "2017-01-05").day == (
        "2015-08-02"
    )
    # not a date of the gunman's record
    assert _day("The gunman bought the pistol on April 27, 2001. He shot two men Monday night.").day == "2016-09-05"


def test_reports_agree_on_the_day_most_state_publication_days_only_where_none_does():
    stated = incident_day.Day("2016-09-05", Evidence("a", 10, 16, "Monday", "time", "t1"))
    other = incident_day.Day("2016-09-06", Evidence("b", None, None, "2016-09-06", "published"))
    assert incident_day.agreed([stated, other, other]) == ("2016-09-05", (stated.evidence,))
    assert incident_day.agreed([other]) == ("2016-09-06", (other.evidence,))
    assert incident_day.agreed([]) == (None, ())


def test_of_days_stated_equally_the_one_right_before_the_first_report_wins():
    recalled = incident_day.Day("2016-09-05", Evidence("a", 10, 16, "Sept. 5", "time", "t1"))
    fresh = incident_day.Day("2016-09-10", Evidence("b", 10, 24, "Saturday night", "time", "t2"))
    assert incident_day.agreed([recalled, fresh], "2016-09-11T08:00:00")[0] == "2016-09-10"
    assert incident_day.agreed([recalled, fresh], "2016-09-20")[0] == "2016-09-05"  # neither: the earliest


def test_a_day_stated_surely_outweighs_follow_ups_that_date_their_own_news():
    lead = _day("Two men were shot Monday night outside a bar on Elm Street, police said.")
    assert lead.day == "2016-09-05" and lead.strength == 3
    follow_up = _day("The suspect was arrested Tuesday. Investigators have not said why.")
    assert follow_up.day == "2016-09-06" and follow_up.strength < lead.strength
    assert incident_day.agreed([follow_up, follow_up, lead]) == (lead.day, (lead.evidence,))
    # a trial's day is what came after, however near the words of the shooting
    trial = _day("The trial of a man charged in the fatal shooting of a teen resumes Tuesday in Velmora.")
    assert trial.day == "2016-09-06" and trial.strength < lead.strength
    assert incident_day.agreed([trial, trial, lead])[0] == lead.day


def _place(text: str, names: list[tuple[str, str]], title: str | None = None) -> incident_place.Place:
    doc = _doc(text, title=title)
    spans = [(n, t, text.index(n)) for n, t in names]
    ents = [Entity(id=f"e{k}", name=n, type=t, aliases=(), mentions=(Mention("d1", at, at + len(n), n, t),))
            for k, (n, t, at) in enumerate(spans)]  # fmt: skip
    return incident_place.read(doc, ents)


def test_the_title_names_the_town_and_a_part_of_a_city_is_the_city():
    text = "A woman was wounded in South Sacramento on Friday, deputies said."
    place = _place(text, [("South Sacramento", "GPE")])
    assert place.place == "Sacramento" and place.evidence[0].start == text.index("South Sacramento")
    titled = _place(
        "A boy was hurt at a strip mall, police said.", [], title="Boy hurt at Little Rock strip mall - KXYZ"
    )
    assert titled.place == "Little Rock" and titled.evidence[0].how == "title"
    nick = _place("A woman was killed Saturday, police said.", [], title="KC police identify woman killed")
    assert nick.place == "Kansas City"  # what headlines call the city
    county = _place("A teen was hurt at home, deputies said.", [], title="Clark County teen accidentally shot")
    assert county.place == "Clark County"  # not the town of Clark
    lower = _place("A girl was hurt at home, deputies said.", [], title="Girl, 9, shot in Ward county last night")
    assert lower.place == "Ward County"  # however the title writes "county"


def test_a_town_too_small_for_the_gazetteer_is_the_place_where_the_title_puts_the_event_and_the_text_names_it():
    text = "Three people were found dead in Velmora Flats, about 30 minutes southwest of Alamosa, the coroner said."
    title = "Coroner confirms 3 dead in Velmora Flats, suspect arrested"
    place = _place(text, [("Velmora Flats", "GPE"), ("Alamosa", "GPE")], title=title)
    assert place.place == "Velmora Flats" and any(e.how == "title" for e in place.evidence)
    untitled = _place(text, [("Velmora Flats", "GPE"), ("Alamosa", "GPE")], title="Three found dead, suspect held")
    assert untitled.place == "Alamosa"  # a known town outweighs a name the gazetteer does not know


def test_a_street_or_a_venue_a_title_names_is_not_its_town():
    text = "Two men were wounded early Sunday, police said."
    assert _place(text, [], title="Two shot on Bourbon Street").place is None  # Bourbon, Ind., is a town
    assert _place(text, [], title="Two shot in Bourbon").place == "Bourbon"


def test_a_part_the_text_calls_a_neighborhood_is_not_the_city():
    text = ("A boy was shot Friday in the South Side Chatham neighborhood, Chicago police said. "
            "Chatham residents gathered at the corner.")  # fmt: skip
    place = _place(text, [("Chatham", "GPE")], title="Boy shot in Chatham")
    assert place.place == "Chicago" and place.evidence[0].how == "agency"
    of_a_city = "A boy was shot Friday in a Chicago neighborhood. Chicago residents gathered."
    assert _place(of_a_city, [("Chicago", "GPE")]).place == "Chicago"
    owned = "Three teens were shot Friday night in Baltimore's Brooklyn, police said. Brooklyn residents were shaken."
    assert (
        _place(owned, [("Baltimore", "GPE"), ("Brooklyn", "GPE")], title="3 teens shot in Brooklyn").place
        == "Baltimore"
    )


def test_a_street_is_no_town():
    text = ("Five people were shot in the 5000 block of Kensington Avenue in Velmora, police said. "
            "Neighbors on Kensington heard shots near Poydras and Bolivar streets.")  # fmt: skip
    names = [("Velmora", "GPE"), ("Kensington", "GPE"), ("Bolivar", "GPE")]
    kensington = text.index("Kensington", text.index("on Kensington"))
    doc = _doc(text)
    ents = [Entity(id=f"e{k}", name=n, type=t, aliases=(), mentions=(Mention("d1", at, at + len(n), n, t),))
            for k, (n, t, at) in enumerate([(n, t, text.index(n)) for n, t in names])]  # fmt: skip
    ents.append(Entity(id="k", name="Kensington", type="GPE", aliases=(),
                       mentions=(Mention("d1", kensington, kensington + 10, "Kensington", "GPE"),)))  # fmt: skip
    place = incident_place.read(doc, ents)
    assert place.place == "Velmora" and place.places == frozenset({"velmora"})


def test_where_the_report_names_no_place_the_outlets_town_in_the_title_is_the_weakest_vote():
    title = "Boy, 10, dies after accidental shooting - KTBS.com - Shreveport, LA"
    text = "A 10-year-old boy who shot himself while playing with a gun on Friday has died, the coroner said."
    place = _place(text, [], title=title)
    assert place.place == "Shreveport" and place.evidence[0].how == "site"
    fire = "A child arrived at a gas station with a gunshot wound, the Velmora Fire Department said."
    assert _place(fire, [], title=title).place == "Velmora"  # the agency outvotes the outlet's town
    named = "A 10-year-old boy who shot himself in Velmora on Friday has died, the coroner said."
    assert _place(named, [("Velmora", "GPE")], title=title).place == "Velmora"


def test_a_persons_surname_the_tagger_read_as_a_place_is_none():
    text = "Prosecutors said James E. Cardona shot his wife in Rockport. Cardona fled. Cardona was seen Friday."
    doc = _doc(text)
    alone = tuple(Mention("d1", m.start(), m.end(), "Cardona", "GPE") for m in re.finditer(r"Cardona(?= [fw])", text))
    at = text.index("Rockport")
    ents = [Entity(id="p", name="James E. Cardona", type="PERSON", aliases=(),
                   mentions=(Mention("d1", 17, 33, "James E. Cardona", "PERSON"),)),
            Entity(id="c", name="Cardona", type="GPE", aliases=(), mentions=alone),
            Entity(id="r", name="Rockport", type="GPE", aliases=(),
                   mentions=(Mention("d1", at, at + 8, "Rockport", "GPE"),))]  # fmt: skip
    assert len(alone) == 2 and incident_place.read(doc, ents).place == "Rockport"


def test_a_name_after_a_word_for_a_person_is_no_place():
    text = "A girl was shot in Velmora, deputies said. “I saw the police roll up,” said neighbor Brad Partin."
    names = [("Velmora", "GPE"), ("Brad Partin", "GPE"), ("Brad Partin", "GPE")]
    assert _place(text, names).place == "Velmora"  # the tagger's two "places" do not outvote the town


def test_a_postal_code_is_a_state_and_a_bulleted_dateline_is_read():
    text = "SAVANNAH, GA (August 2, 2015): An argument ended in gunfire on Elm Street, police said."
    assert _place(text, [("SAVANNAH", "GPE"), ("GA", "GPE")]).place == "Savannah"
    hidden = _place("WWLTV (Photo: WWLTV)\n\n\u200bNEW ORLEANS -- Four people were shot, police said.", [])
    assert hidden.place == "New Orleans"  # a zero-width space before the dateline
    bullet = _place("ST. LOUIS • Four men were shot on Elm Street, police said.", [("ST", "GPE")])
    assert bullet.place == "St. Louis" and bullet.evidence[0].how == "dateline"
    canada = _place("VANCOUVER, B.C. — A man was shot at an office party, police said.", [])
    assert (canada.place, canada.region) == ("Vancouver", "British Columbia")  # a province's abbreviation


def test_a_us_town_named_like_a_country_in_a_dateline_or_by_its_police_and_call_letters_are_no_town():
    text = "LEBANON, Tenn. (KQZT) – A boy was shot on Elm Street, police said. Officials told KQZT he is stable."
    place = _place(text, [("LEBANON", "GPE"), ("Tenn. (KQZT)", "GPE"), ("KQZT", "GPE"), ("KQZT", "GPE")])
    assert (place.place, place.region, place.abroad) == ("Lebanon", "Tennessee", False)
    police = _place("A boy was shot on Friday. Lebanon police said he is stable.", [("Lebanon", "GPE")])
    assert police.place == "Lebanon"
    # a country named in passing is a country, not a town
    assert _place("A man who had served in Lebanon was shot.", [("Lebanon", "GPE")]).place is None


def test_states_named_equally_often_are_no_region_and_a_road_in_the_title_is_no_town():
    text = "A man from Maine and his wife from California were shot at a campsite near Velmora."
    place = _place(text, [("Maine", "GPE"), ("California", "GPE"), ("Velmora", "GPE")])
    assert (place.place, place.region) == ("Velmora", None)  # neither state is said to be where it happened
    named = _place("A man was shot in Velmora, Maine. He had moved from California to Maine.",
                   [("Maine", "GPE"), ("California", "GPE"), ("Maine", "GPE"), ("Velmora", "GPE")])  # fmt: skip
    assert named.region == "Maine"
    road = "One man died in a crossfire just east of the Dan Ryan Expressway, police said."
    assert _place(road, [], title="1 killed, 4 hurt in crossfire near Dan Ryan").place is None  # not Ryan, Okla.


def test_of_equally_strong_places_the_first_named_wins():
    text = "A man was shot on Marren Street in Oskel Heights. His family lives in Velmora Park."
    assert _place(text, [("Oskel Heights", "GPE"), ("Velmora Park", "GPE")]).place == "Oskel Heights"


def test_a_word_the_text_also_writes_in_lower_case_is_no_place():
    assert _place("Man shot on Elm Street. The man was taken to hospital.", [("Man", "GPE")]).place is None
    # nor is a word for people, though a town of West Virginia is called so, where the text never writes it
    told = "Deputies arrested an 18-year-old in the shooting of an 11-year-old on Elm Street."
    assert _place(told, [], title="Man told deputies he was cleaning a gun when it went off").place is None


def test_near_in_a_dateline_is_no_part_of_the_city_and_the_region_holds_the_town():
    near = _place("NEAR DALLAS, Ore. – Polk County deputies found a man shot on Elm Street.", [])
    assert (near.place, near.region) == ("Dallas", "Oregon")
    # the state the text names most (a victim's home) has no Houston: the named state that has one
    text = ("A man from Idaho was shot in Houston on Monday. The Idaho native had moved to Houston, "
            "his Idaho family said. Texas officials said.")  # fmt: skip
    home = _place(text, [("Idaho", "GPE"), ("Houston", "GPE"), ("Texas", "GPE")])
    assert (home.place, home.region) == ("Houston", "Texas")
    # none of the named states has one: the state of the largest town of that name
    assert _place(text.replace("Texas", "Utah"), [("Idaho", "GPE"), ("Houston", "GPE")]).region == "Texas"


def test_a_compass_word_or_a_second_level_subdivision_is_no_region():
    text = "A man was shot on the South Side of Chicago. The South has seen more shootings. A Latina woman said."
    place = _place(text, [("Chicago", "GPE"), ("South", "GPE"), ("Latina", "GPE")])
    assert (place.place, place.region) == ("Chicago", None)


def test_another_countrys_province_counts_only_where_the_report_is_abroad():
    text = "SANTA CRUZ - A teen was shot by a deputy. His aunt Mary said he was kind."
    assert _place(text, [("Mary", "GPE")]).region is None  # Mary, a province of Turkmenistan
    text = "A quake hit Mary, Turkmenistan, on Monday."
    assert _place(text, [("Mary", "GPE"), ("Turkmenistan", "GPE")]).region == "Mary"


def test_a_known_town_the_text_puts_the_event_in_counts_whatever_the_tagger_read():
    text = "Deputies said a man opened fire at a Pasadena home late Friday, wounding two."
    assert _place(text, []).place == "Pasadena"  # the tagger gave no place
    assert _place("Two students were hurt at Pasadena High School on Friday.", []).place is None  # a school's name
    assert _place("A man was shot near Pasadena's city hall.", []).place is None  # a part of the town, named later


def test_a_death_alone_does_not_date_the_shooting():
    # the victim died a day after the shooting: the day GVA codes is the shooting's
    text = "A boy riding in a car was hit in the head by a bullet Monday night. He died Tuesday at a hospital."
    assert _day(text).day == "2016-09-05"


def test_the_town_the_leads_event_sentence_names_outweighs_the_dateline():
    # the dateline is where the reporter files from; the event sentence says where it happened
    text = "KELSO, Wash. — A boy was shot Friday night in Longview, deputies said."
    place = _place(text, [("Longview", "GPE")])
    assert place.place == "Longview" and "event" in {e.how for e in place.evidence}
    # ... but not a part of the city the report names (a neighbourhood geonames lists as a place) ...
    assert _place("CHICAGO — Two men were shot Sunday in Englewood, police said.", []).place == "Chicago"
    # ... nor a hospital's town
    text = "ANCHORAGE, Alaska — A man shot Monday was in critical condition at a Wasilla hospital."
    assert _place(text, [("Wasilla", "GPE")]).place == "Anchorage"


def test_a_dateline_that_gives_the_pages_date_does_not_date_the_event():
    text = "FARLAND, Ind. (Sept. 7, 2016) — A boy was shot while hunting. Officers came at 4:30 p.m. Tuesday."
    assert _day(text).day == "2016-09-06"
    # an authority that "has identified" the victim on a day dates its news, not the shooting
    assert _day("Authorities Tuesday have identified the man found shot. Neighbors heard a fight Monday.").day == (
        "2016-09-05"
    )


def test_a_forces_name_gives_its_city_and_a_sheriffs_its_county():
    metro = "A man was shot Sunday, the Louisville Metro Police Department said."
    assert _place(metro, []).place == "Louisville"
    joint = "Two teens were wounded overnight, Savannah-Chatham Metropolitan Police said."
    assert _place(joint, []).place == "Savannah"  # the city's and its county's force
    saint = "Four people were shot Sunday, according to the St. Louis Metropolitan Police Department."
    assert _place(saint, []).place == "St. Louis"  # not "Louis"
    parish = "A boy died Friday, the Ardell Sheriff's Office said. The Ardell Parish coroner is investigating."
    assert _place(parish, []).place == "Ardell Parish"  # a sheriff serves the parish
    pd = "Ardell County PD says the mother of the boy was arrested Monday."
    assert _place(pd, [("Ardell County PD", "GPE")]).place == "Ardell County"  # not a town "Ardell County PD"
    office = "A boy was shot Sunday, the Ardell Sheriff's Office said."
    assert _place(office, []).place == "Ardell County"  # a name no town has: the county's force
    town = office.replace("Sunday,", "Sunday in Hollywood,") + " Ardell Sheriff's deputies and the Ardell Sheriff's"
    town += " dive team searched a canal. The Ardell Sheriff's Office is investigating."
    assert _place(town, [("Hollywood", "GPE")]).place == "Hollywood"  # a county only where no town is named


def test_a_town_a_report_places_the_event_near_and_a_street_of_two_names():
    near = "Deputies found four people dead in a trailer just north of Amarillo on Thursday."
    assert _place(near, []).place == "Amarillo"
    text = (
        "Five people were wounded at a gas station on South Orange Blossom Trail, the Velmora Police Department said."
    )
    assert _place(text, [("Orange", "GPE")]).place == "Velmora"  # the street's first name is no town


def test_a_forces_town_stands_beside_a_person_of_its_name_and_dc_is_washington():
    text = "A boy was shot Thursday, and Stockton police are investigating, said Officer Dana Stockton."
    assert _place(text, [("Dana Stockton", "PERSON")]).place == "Stockton"  # the surname makes no force a person's
    dc = _place("D.C. Police are searching for the man who shot four people Monday night in the southeast.", [])
    assert (dc.place, dc.region) == ("Washington", "District of Columbia")
    titled = _place("Four people were hurt late Monday, police said.", [], title="Man, 3 girls shot in southeast DC")
    assert titled.place == "Washington"
    part = _place("A girl, 3, was shot in Southeast D.C. on Wednesday night.", [("Southeast D.C.", "GPE")])
    assert part.place == "Washington"  # a quarter of the District is Washington


def test_a_force_whose_name_a_capitalised_word_begins_is_the_known_towns():
    text = "A teen was shot on Monday. Initial New Orleans Police Department reports say he was playing with a gun."
    place = _place(text, [])
    assert place.place == "New Orleans" and place.evidence[0].start == text.index("New Orleans")
    assert _place("A man was wounded Sunday, Tuesday Chicago police said.", []).place == "Chicago"
    assert _place("Though Police Chief Dana Brill would not say more, a man was hurt.", []).place is None  # a word


def test_a_town_named_after_a_compass_point_of_another_is_its_own():
    text = "A 4-year-old boy was accidentally shot in East Orange on Saturday, police said."
    assert _place(text, [("East Orange", "GPE")]).place == "East Orange"  # a New Jersey city, not Orange
    text = "Officers were called to a nightclub in North Charleston early Sunday."
    assert _place(text, [("North Charleston", "GPE")]).place == "North Charleston"


def test_a_titled_persons_surname_is_no_town_and_a_street_keeps_a_large_citys_name():
    text = "Osterby said a man was shot Sunday, Police Chief Jarrod Osterby told reporters."
    assert _place(text, [("Osterby", "GPE")]).place is None  # the chief, whom the tagger read as a place once
    city = "Tourists in Las Vegas watched as two bystanders were grazed on Las Vegas Boulevard."
    assert _place(city, [("Las Vegas", "GPE")]).place == "Las Vegas"
    town = "Tourists in Kensington watched as two bystanders were grazed on Kensington Avenue."
    assert _place(town, [("Kensington", "GPE")]).place is None  # a small town's name: the street's


def test_the_outlets_part_of_a_title_gives_no_town_but_its_state():
    place = _place("A teen was hurt Sunday in an accidental shooting.", [],
                   title="Ardell County teen accidentally shot in chest| Dayton, OH")  # fmt: skip
    assert (place.place, place.region) == ("Ardell County", "Ohio")


def test_a_town_the_district_names_is_in_the_district():
    text = "A teen was shot in Southeast D.C. on Monday. His mother, who works in Virginia, was with him."
    place = _place(text, [("Southeast D.C.", "GPE"), ("Virginia", "GPE")])
    assert (place.place, place.region) == ("Washington", "District of Columbia")  # not the mother's state


def test_a_streets_word_in_a_title_is_no_town():
    place = _place("One man died and four were hurt.", [], title="1 dead, 4 injured in shooting on Velmora Circle")
    assert place.place is None  # not Circle, Montana
