"""Where a report says its incident happened: the city (or county), and the region (state, province).

Evidence, strongest first, each a vote for a city: the town the lead's first sentence about the event puts it in
("ANCHORAGE — A boy was shot Thursday night in Wasilla": reporters file from the larger town), where it is a town of
the report's state (else of the state of another town it names) and not a part of a town it names
(:func:`..extract.gazetteer.within`: "in Englewood", a neighbourhood of Chicago geonames lists as a place), a
hospital's or a venue's ("the Woodbridge apartment complex"); it adds to that town's other votes, and so outweighs
the dateline ("CHICAGO —", "Kokomo, Ind. (WTHR) —", anywhere in the lead, since scrapers leave captions before it);
the agency that reports it ("Memphis Police Department", "Chicago police", "Tulsa PD", "Memphis Fire Department"; a
city's force shared with its county or called its metro force is the city's, "Savannah-Chatham Metropolitan Police",
"St. Louis Metropolitan Police"; a sheriff of a name the text gives a county or a parish is that county's, "the St.
Mary Sheriff's Office", and one of a name no town has a county's, "the Broward Sheriff's Office"; a name that is no
town but ends with one is that town's, "Initial New Orleans Police Department reports") and a town of the gazetteer
the title names (before the outlet's part, " - KAIT Jonesboro"; or what headlines call it, "KC", "Philly"; or a town
too small for the gazetteer that the title puts the event in and the text names too, "3 dead in Capulin"); the
places the document's own words name (a town of the gazetteer counts double a name it does not know: a
neighbourhood, a street read as a place; a known town the text puts the event in, "at a Pasadena home", "near
Alderton", "just north of Amarillo", counts whatever the tagger read). Where the report names a US state, a known
town is one of that state (:func:`..extract.gazetteer.us_cities`: places of 500 inhabitants or more, so small towns
count); "South Sacramento" is Sacramento (but East Orange and North Charleston are towns of their own, not within
the city they are named after); a name the text also writes in lower case ("Man", "Hurt") is a word, not a place,
and so is a word for people ("Man told deputies ...": West Virginia's Man), and neither is the surname of a person
the document names ("James E. Cardona ... Cardona fled": the tagger's place "Cardona"; but a force's town, "Stockton
police" beside an Officer Stockton), a name right after a word for a person ("said neighbor Brad Partin"), the
surname of one named after one or an office ("Police Chief Jarrod Burguan ... Burguan said") or a street's ("the
5000 block of Kensington Avenue", "on Kensington", "Poydras and Bolivar streets", "Orange Blossom Trail"; but a city
of 100,000 or more named alone is the city, whatever its streets: "Las Vegas Boulevard"), but in a dateline. Each
vote keeps where it was read. A county ("Seminole County", "the county sheriff's
office of Vigo County") is the place only when no city is named, as GVA codes unincorporated areas. A part of a city
the text calls one ("the Englewood neighborhood", "the South Side Chatham neighborhood", not "a Chicago
neighborhood"), or one a known town's name owns ("Chicago's Brighton Park", "Wichita's Old Town"), is no city: the
city it names elsewhere is. Of places with equal votes, the one named first (the title first of all). A title's
"Clark County teen shot" names the county. The region: the dateline's state (AP abbreviations and postal codes:
"Ind.", "GA"), else the state or province the text names most that has a town of the place's name (a victim's home
state is not where it happened), else the state of the largest such town; only first-level subdivisions count, and
not another country's named like a US town ("Savannah", a region of Ghana; "South", a region of Cameroon, is a word;
"Latina", an Italian province, is no region). "NEAR DALLAS, Ore." is Dallas. Where it names no town but the District
of Columbia ("D.C. Police", "in southeast DC"), the place is Washington, as is a quarter of it ("Southeast D.C."), and
its region the District (not a Virginia victim's home state named beside it).
Where the report names no place at all, the town in the title's site part ("... - KTBS.com - Shreveport, LA": the
outlet's; "... shot in chest| Dayton, OH") is the weakest vote (``how="site"``); where it names no state, the site
part's state is the region of a county, or of a town that state has.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from ..extract.casualty_people import PEOPLE, PEOPLE_PATTERN
from ..extract.gazetteer import fold, population, within
from ..records import Document, Entity, Evidence
from .incident_day import EVENT
from .sentences import sentence_bounds

LEAD = 1500  # characters in which a dateline is looked for
DATELINE_VOTE, AGENCY_VOTE, TITLE_VOTE, KNOWN_CITY_VOTE, NAME_VOTE, SITE_VOTE = 6, 3, 3, 2, 1, 1
EVENT_VOTE = 5  # the known town the lead's first sentence about the event puts it in ("was shot ... in Wasilla")
# capitalised words ("St. Louis", "Winston-Salem"), no digits, brackets or web addresses
_PLACE_NAME = re.compile(r"(?!.*\.(?:com|org|net)\b)[A-Z][A-Za-z'’.-]*(?:[ -][A-Z][A-Za-z'’.-]*)*")
_STATION = r"(?:\s*\([A-Za-z0-9 .&/-]{2,24}\))?"  # "(WTHR)", "(AP)"
_DASH = r"\s*(?:[—–-]{1,2}|•)\s"  # "CHICAGO —", "ST. LOUIS •"
DATELINE = re.compile(
    rf"^[ \t|\u200b\ufeff]*"  # (a zero-width space before it)
    rf"(?:(?P<city>[A-Z][A-Za-z .'-]{{2,40}}?),\s*(?P<state>[A-Z][A-Za-z.]{{1,15}}(?: [A-Z][a-z.]+)?)"
    rf"|(?P<caps>[A-Z][A-Z .'-]{{1,40}}[A-Z])){_STATION}{_DASH}",
    re.M,
)
_AGENCY = re.compile(
    r"\b(?P<name>(?:(?:St|Ft|Mt)\. )?(?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+)"
    r" (?:[Pp]olice|Police Department|P\.D\.|PD\b|[Ss]heriff|Fire Department)"
)
_GENERIC = {"state", "metro", "metropolitan", "city", "park", "campus", "university", "transit", "capitol",
            "tribal", "military", "border", "airport", "housing", "school", "the", "local", "area", "county",
            "deputy", "chief", "federal", "national", "u.s"}  # fmt: skip
_DC = re.compile(r"(?<![\w.])(?:D\.C\.|DC)(?![\w.])")  # the District of Columbia, which is Washington
_METRO = frozenset({"metro", "metropolitan"})  # a city's force ("Louisville Metro Police") is the city's
_INSTITUTION = {"police", "pd", "department", "office", "sheriff", "street", "avenue", "road", "hospital", "school",
                "church", "center", "court", "jail"}  # fmt: skip
# a name a title gives a street or a venue ("Bourbon Street", "Cascade Mall"), not its town ("Panama City Police")
_SITE_WORDS = frozenset("street avenue road boulevard blvd drive lane highway mall club bar apartments".split())
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_SITE = re.compile(r" [|–—-] | - |\s*\|\s*")  # "Teen shot in Earle - KAIT Jonesboro, AR": the outlet's part
_SITE_STATE = re.compile(r",\s*([A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?)")  # "KTBS.com - Shreveport, LA": Louisiana
_DIRECTION = re.compile(
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Central) (?P<city>.+)"
)
# a part of a city: "the Englewood neighborhood", "Chicago's Austin section" (not "a Chicago neighborhood")
_PART = re.compile(
    r"(?<![A-Za-z])(?P<before>[a-z]+ )?(?P<name>[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,4}) "
    r"(?:neighbou?rhoods?|section|community area)\b"
)
# a part a city's name owns: "Chicago's Brighton Park neighborhood", "Wichita's Old Town" (the part is no city)
_OWNED = re.compile(
    r"\b(?P<city>[A-Z][A-Za-z.-]*(?: [A-Z][A-Za-z.-]*){0,2})['’]s (?P<part>[A-Z][A-Za-z.-]*(?: [A-Z][A-Za-z.-]*){0,3})"
)
# the word before "X neighborhood" that makes X the city ("a Chicago neighborhood", "north Baltimore ...")
_OF_A_CITY = frozenset("a an one by every each north south east west northeast northwest southeast southwest "
                       "downtown central".split())  # fmt: skip
_NOT_PLACES = {"jr.", "sr.", "update", "updated", "breaking", "watch", "video", "photos", "editor's note",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "hwy", "hwy.",
               "metropolitan", "though", "although", "but", "and", "when", "while", "after", "before", "as", "if",
               "since", "because", "so", "then", "now", "meanwhile", "however", "also", "still", "where",
               "once"}  # fmt: skip


# a name that is part of a street's or an address's: "5000 block of Kensington Ave", "Thompson and Colorado avenues"
_STREET_WORDS = (
    r"(?:Avenue|Ave|Street|St|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Parkway|Pkwy|Court|Ct|Place|Terrace|Circle"
    r"|Highway|Hwy|Way|Trail|Pike|Expressway|Expy|Freeway|Fwy|Tollway|Turnpike)\b"
)
_STREET_WORD = re.compile(_STREET_WORDS)
# a street's name: "Kensington Avenue" (the text's "on Kensington" is that street)
_STREET = re.compile(rf"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) {_STREET_WORDS}")
# a name right before a street's word, or its name's next word: "Thompson and Colorado avenues", "Orange Blossom Trail"
_STREET_AFTER = re.compile(
    rf"(?:\s+[A-Z][a-z]+)?\s+{_STREET_WORDS}|(?:\s+and\s+[A-Z][a-z]+)?\s+(?:avenues|streets|roads)\b"
)
# a name in an address: "the 5000 block of Kensington", "the intersection of Poydras and Bolivar"
_STREET_BEFORE = re.compile(r"(?i:block|corner|intersection) of (?:[A-Z][a-z]+ and )?$")
# a word for a person right before a name: "neighbor Brad Partin", "resident John Doe" (not "a Chicago man")
_TITLED = re.compile(rf"\b(?:{PEOPLE_PATTERN})\s+$", re.I)
# a person named after a word for a person (in lower case: not "Twin Peaks Waco") or an office: "neighbor Brad
# Partin", "Police Chief Jarrod Burguan" ("Burguan said" alone is no town)
_OFFICES = ("chief", "spokesman", "spokeswoman", "spokesperson", "sergeant", "sgt", "lieutenant", "lt", "captain",
            "capt", "detective", "det", "corporal", "cpl", "commander", "mayor", "coroner", "prosecutor", "attorney",
            "judge", "director", "superintendent", "commissioner", "investigator")  # fmt: skip
_TITLED_NAME = re.compile(
    rf"\b(?:{PEOPLE_PATTERN}|(?i:{'|'.join(_OFFICES)})\.?)"
    r"\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z'’-]{2,})\b"
)
# a town the text puts the event in, whatever the tagger made of its name: "at a Pasadena home", "in Alderton.",
# "near Alderton", "in the Alderton area" (the whole run of capitalised words: not "in Pasadena High School")
_IN_TOWN = re.compile(
    r"\b(?:in|near|at|outside|(?:north|south|east|west|northeast|northwest|southeast|southwest) of)"
    r" (?:the |a |an )?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\b(?![ -]?[A-Z]|['’]s)"
)
_VENUE = re.compile(r"\s+(?:area\s+)?(?:hospital|medical|apartments?|complex|mall|club|bar|school)\b", re.I)
_TAKEN = re.compile(r"(?i)\b(?:hospital|medical|taken|transported|airlifted|flown|rushed|treated)\b")
_COUNTY_AFTER = re.compile(r"\s+(county|parish)\b", re.I)  # "in Ward county": the title's run is a county's
_COMPASS = frozenset("north south east west central northern southern eastern western centre center".split())
_WORDS = _NOT_PLACES | _COMPASS | PEOPLE  # words that name no place, capitalised or not
# what headlines call a city: "KC police identify woman killed", "Philly teen shot" (not "LA": Louisiana too)
NICKNAMES = {"KC": "Kansas City", "KCK": "Kansas City", "OKC": "Oklahoma City", "NYC": "New York", "Philly":
             "Philadelphia", "Indy": "Indianapolis", "STL": "St. Louis", "ABQ": "Albuquerque", "SLC": "Salt Lake City",
             "NOLA": "New Orleans", "Nola": "New Orleans"}  # fmt: skip


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Folded names of the world's first-level subdivisions (US states, provinces, regions) -> the name;
    outside the US, not a name a US town also has (Ghana's "Savannah" region is Savannah, Ga.)."""
    import pycountry

    from ..extract.gazetteer import us_cities

    towns = us_cities()
    out: dict[str, str] = {}
    for s in pycountry.subdivisions:
        key = fold(s.name)  # "Hormozgan" is "Hormozgān"
        first_level = s.parent_code is None and s.type in ("State", "Province", "District", "Region")
        if first_level and (s.country_code == "US" or key not in towns and key not in _COMPASS):
            out.setdefault(key, s.name)
    return out


STATE_ABBR = {  # AP style abbreviations in US datelines
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
    "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
    "ind.": "Indiana", "kan.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland",
    "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi", "mo.": "Missouri",
    "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada", "n.c.": "North Carolina", "n.d.": "North Dakota",
    "n.h.": "New Hampshire", "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York", "okla.": "Oklahoma",
    "ore.": "Oregon", "pa.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota",
    "tenn.": "Tennessee", "va.": "Virginia", "vt.": "Vermont", "wash.": "Washington", "w.va.": "West Virginia",
    "wis.": "Wisconsin", "wyo.": "Wyoming",
}  # fmt: skip


PROVINCE_ABBR = {  # Canadian provinces as AP and Canadian papers abbreviate them in datelines ("VANCOUVER, B.C. —")
    "b.c.": "British Columbia", "alta.": "Alberta", "sask.": "Saskatchewan", "ont.": "Ontario", "que.": "Quebec",
    "n.s.": "Nova Scotia", "n.b.": "New Brunswick", "nfld.": "Newfoundland and Labrador",
    "p.e.i.": "Prince Edward Island",
}  # fmt: skip


@lru_cache(maxsize=1)
def postal() -> dict[str, str]:
    """US postal codes ("ga", "wv": "SAVANNAH, GA (August 2, 2015):") -> the state."""
    import pycountry

    return {s.code[3:].casefold(): s.name for s in pycountry.subdivisions.get(country_code="US")}


class Place(NamedTuple):
    """What one report says about where its incident happened."""

    place: str | None  # the city (or county) it is about
    places: frozenset[str]  # every city it names (folded)
    region: str | None
    evidence: tuple[Evidence, ...]  # where it names ``place``
    votes: int = 0  # how strongly: its votes summed (a dateline 6, an agency or the title 3, a known town 2, a name 1)
    abroad: bool = False  # it names a country other than the United States


def states_of(place: str | None) -> tuple[str, ...]:
    """The US states that have a town named ``place`` (the state of the largest first), else a county."""
    from ..extract.gazetteer import us_cities, us_counties

    key = fold(place or "")
    return us_cities().get(key) or us_counties().get(key, ())


def home_state(place: str | None) -> str | None:
    """The state of the largest US town named ``place`` ("Houston": Texas), or of the only county of that
    name ("Barrow County": Georgia; not "DeKalb County", which six states have), for a report in the US
    that names none."""
    from ..extract.gazetteer import us_cities

    have = states_of(place)
    return have[0] if have and (len(have) == 1 or fold(place or "") in us_cities()) else None


US_STATES = frozenset(STATE_ABBR.values()) | {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
                                              "District of Columbia"}  # fmt: skip


def county(place: str) -> bool:
    """The place is a county (or a parish), however it is cased: named where no town is."""
    return place.casefold().endswith((" county", " parish"))


def _region(name: str) -> str | None:
    key = fold(name)
    return STATE_ABBR.get(key) or PROVINCE_ABBR.get(key) or postal().get(key) or regions().get(key)


_NEAR = re.compile(r"(?i)^(?:the|near|outside)\s+")  # "NEAR DALLAS, Ore. –", "the Bronx"


def _tidy(name: str) -> str:
    name = _NEAR.sub("", name.strip())
    return name.title() if name.isupper() else name


def read(doc: Document, entities: list[Entity]) -> Place:
    """Where the document says its incident happened; see the module docstring."""
    from ..extract.gazetteer import load, us_cities

    gaz, towns = load(), us_cities()
    cities: Counter[str] = Counter()
    counties: Counter[str] = Counter()
    where: dict[str, list[Evidence]] = {}
    states: Counter[str] = Counter()
    region = None
    mentions = []
    surnames = {  # "Filogonio Rivera", "James E. Cardona": "Rivera" and "Cardona" alone are these people
        fold(m.text.split()[-1])
        for e in entities
        if e.type == "PERSON"
        for m in e.mentions
        if m.doc == doc.id and len(m.text.split()) > 1
    } | {fold(t.group("last")) for t in _TITLED_NAME.finditer(doc.text)}
    for e in entities:
        if e.type not in ("GPE", "LOC", "FAC"):
            continue
        for mention in e.mentions:  # the document's own words: a corpus-wide cluster's name may be another place's
            name = _tidy(mention.text)
            if mention.doc != doc.id or not _PLACE_NAME.fullmatch(name) or _INSTITUTION & set(name.casefold().split()):
                continue  # not a place: "WRAL.com", "N.C. (WNCN)", "Savannah-Chatham Metro Police"
            if state := _region(name):
                states[state] += 1
            elif len(name) <= 4 and mention.text.strip().isupper() and not gaz.is_place(name):
                continue  # an acronym: "NRA", a station's call letters ("told KQZT")
            elif e.type == "GPE" or name.endswith(" County"):
                mentions.append((name, mention.start, mention.end))
    m = DATELINE.search(doc.text[:LEAD])
    if m and m.group("city"):
        region = _region(m.group("state"))
    from_dateline = region is not None
    # a town of the dateline's US state named like a country ("LEBANON, Tenn.", "DENMARK, S.C.") is that town
    home = fold(m.group("city")) if from_dateline and m and region in US_STATES else None
    abroad = any(gaz.country(name) not in (None, "United States") and fold(name) != home for name, _, _ in mentions)
    if not abroad:  # another country's province named like a person ("Mary") where the report names no country
        states = Counter({s: n for s, n in states.items() if s in US_STATES})
    tied: list[str] = []  # states named equally most often ("Maine" and "California" once each): the place decides
    if region is None and states:
        most = max(states.values())
        tied = sorted(s for s, n in states.items() if n == most)
        region = tied[0] if len(tied) == 1 else None

    in_us = region is None or region in US_STATES

    def known(name: str) -> bool:
        """A town of the gazetteer: a US one of the report's state where it names one, else any city."""
        have = towns.get(fold(name))
        if have is not None and in_us:
            return region is None or region in have
        return gaz.is_place(name)

    parts = {  # "the Englewood neighborhood", "the South Side Chatham neighborhood": Chatham
        fold(re.sub(r"^.*\bSide ", "", p.group("name")))
        for p in _PART.finditer(doc.text)
        if (p.group("before") or "").strip() not in _OF_A_CITY
        and not ((d := _DIRECTION.fullmatch(p.group("name"))) and known(d.group("city")))  # "the North Phoenix ..."
    } | {fold(p.group("part")) for p in _OWNED.finditer(doc.text) if known(p.group("city"))}

    def own_town(name: str, city: str) -> bool:
        """ "East Orange", "North Charleston": a town of its own, not a part of the city it is named after
        ("South Chicago", a Chicago neighbourhood geonames lists as a place)."""
        return fold(name) in towns and known(name) and not any(within(name, city, s) for s in towns[fold(name)])

    of_dc: list[str] = []  # votes for Washington that the District's name gave

    def vote(name: str, weight: int, start: int | None, end: int | None, how: str) -> None:
        if len(name) <= 2 or name.casefold() in _WORDS or fold(name) in parts:
            return
        if gaz.country(name) and not (fold(name) == home or how == "agency" and in_us and fold(name) in towns):
            return  # a country, but a US town's dateline or police ("Lebanon police": Lebanon, Tenn.)
        if how not in ("dateline", "agency") and fold(name) in surnames:  # a force is its town's ("Stockton police")
            return
        if _region(name) and how != "dateline":  # a dateline names a city ("TEHRAN, Iran —", "NEW YORK —")
            return
        if (d := _DIRECTION.fullmatch(name)) and known(d.group("city")) and not own_town(name, d.group("city")):
            name = d.group("city")  # "South Sacramento", "East Oakland": a part of the city (not East Orange, N.J.)
        elif _DC.fullmatch(d.group("city") if d else name):
            name = "Washington"  # "Southeast D.C."
            of_dc.append(name)
        board = counties if county(name) else cities
        board[name] += weight
        where.setdefault(name, []).append(Evidence(doc.id, start, end, name, how))

    if m and m.group("city"):
        if region or gaz.is_place(m.group("city")):
            vote(_tidy(m.group("city")), DATELINE_VOTE, m.start("city"), m.end("city"), "dateline")
    elif m and m.group("caps") and (gaz.is_place(m.group("caps")) or known(m.group("caps"))):
        vote(_tidy(m.group("caps")), DATELINE_VOTE, m.start("caps"), m.end("caps"), "dateline")
    for a in _AGENCY.finditer(doc.text):
        words = a.group("name").split()
        if not known(" ".join(words)) and not _GENERIC & {w.casefold() for w in words}:  # "Initial New Orleans
            # Police Department reports", "Tuesday Chicago police said": the longest known town it ends with
            words = next((words[i:] for i in range(1, len(words)) if known(" ".join(words[i:]))), words)
        proper = a.group(0)[len(a.group("name")) + 1].isupper()  # "Memphis Police", not "Monday police said"
        if not proper and not known(" ".join(words)):
            continue
        while words and words[0].casefold() in _GENERIC and not known(" ".join(words)):  # "Federal Way Police"
            words.pop(0)
        metro = len(words) > 1 and words[-1].casefold() in _METRO  # "Louisville Metro Police": Louisville's
        words = words[:-1] if metro else words
        joint = metro or "-" in words[0] if words else False  # a city's and its county's: "Charlotte-Mecklenburg"
        if joint and not known(" ".join(words)) and known(town := re.split(r"[ -]", words[0])[0]):
            words = [town]  # "Savannah-Chatham Metro Police": Savannah's
        name = " ".join(words)
        if a.group(0).casefold().endswith("sheriff") and (
            c := re.search(rf"\b{re.escape(name)}{_COUNTY_AFTER.pattern}", doc.text, re.I)
        ):
            name = f"{name} {c.group(1).title()}"  # "St. Mary Sheriff's Office" of a text's "St. Mary Parish"
        elif a.group(0).casefold().endswith("sheriff") and words and not known(name) and not county(name):
            name = f"{name} County"  # "Broward Sheriff's Office": a county's force, and Broward no town
        if words and words[-1].casefold() not in _GENERIC or len(words) > 1 and words[-1] == "County":
            start = a.start("name") + a.group("name").find(words[0])
            vote(name, AGENCY_VOTE, start, a.end("name"), "agency")
    lower = set(_LOWER_WORD.findall(doc.text))
    streets = {fold(s.group("name")) for s in _STREET.finditer(doc.text)}

    def city_of_a_street(name: str) -> bool:
        """A city of 100,000 or more that a street is named after ("Las Vegas Boulevard", "San Bernardino Avenue"):
        where named alone, the city (a smaller town's name, "Kensington Avenue", is the street's)."""
        return known(name) and max((population(name, s) for s in towns.get(fold(name), ())), default=0) >= 100_000

    def a_place(name: str, start: int, end: int) -> bool:
        return not (
            name.casefold() in lower  # a word the text also writes in lower case ("Hurt", "Man")
            or _TITLED.search(doc.text, max(0, start - 30), start)  # "said neighbor Brad Partin"
            # a street ("5000 block of Kensington Ave", "near Poydras and Bolivar streets")
            or fold(name) in streets
            and not city_of_a_street(name)
            or _STREET_AFTER.match(doc.text, end)
            or _STREET_BEFORE.search(doc.text, 0, start)
        )

    for name, start, end in mentions:
        if a_place(name, start, end):
            vote(name, KNOWN_CITY_VOTE if known(name) else NAME_VOTE, start, end, "named")
    tagged = {start for _, start, _ in mentions}
    for t in _IN_TOWN.finditer(doc.text):  # a known town the tagger missed ("at a Pasadena home")
        name, start, end = t.group("name"), t.start("name"), t.end("name")
        if start not in tagged and fold(name) in towns and known(name) and a_place(name, start, end):
            vote(name, KNOWN_CITY_VOTE, start, end, "named")
    for t in _IN_TOWN.finditer(doc.text, 0, LEAD):  # the event's own town: "shot Thursday night in Wasilla"
        name, start, end = t.group("name"), t.start("name"), t.end("name")
        begins, ends = sentence_bounds(doc.text, start, end)
        if not EVENT.search(doc.text, begins, ends) or _TAKEN.search(doc.text, begins, start):
            continue
        # a town of the report's state (else of a state of the other towns it names), not a part of one of them ("in
        # Brighton Park", a Chicago neighbourhood geonames lists), a hospital's ("an Atlanta area hospital") or a
        # venue's ("the Woodbridge apartment complex")
        homes = {region} if region else {s for c in cities if c != name for s in states_of(c)[:1]}
        if any(s in towns.get(fold(name), ()) for s in homes) and not (
            any(within(name, c, s) for c in cities for s in homes)
            or _VENUE.match(doc.text, end)
            or not a_place(name, start, end)
        ):
            vote(name, EVENT_VOTE, start, end, "event")
        break
    title = _SITE.split(doc.title or "", maxsplit=1)  # the headline, and the outlet's part when there is one
    for t in _PLACE_NAME.finditer(title[0]):
        # the run and the word after it: "Clark County teen shot", "shot in Ward county": the county
        after = _COUNTY_AFTER.match(title[0], t.end())
        words = t.group(0).split() + ([after.group(1).title()] if after else [])
        spans = [(i, j) for n in (3, 2, 1) for i in range(len(words) - n + 1) for j in [i + n]]
        for i, j in spans:  # the longest known town in a run of capitalised words ("Little Rock", not "Rock")
            name = NICKNAMES.get(" ".join(words[i:j]), " ".join(words[i:j]))  # "KC police identify ..."
            if j < len(words) and words[j] in ("County", "Parish"):
                vote(f"{name} {words[j]}", TITLE_VOTE, None, None, "title")
                break
            if j < len(words) and words[j].casefold() in _SITE_WORDS:  # "Bourbon Street", "Cascade Mall"
                continue
            if i and fold(" ".join(words[i - 1 : j])) in streets:  # "near Dan Ryan": the text's Dan Ryan Expressway
                continue
            if i and _STREET_WORD.fullmatch(words[i]):  # "on Sobota Circle": the street's word, not a town Circle
                continue
            if fold(name) in towns and known(name) and name.casefold() not in lower:
                vote(name, TITLE_VOTE, None, None, "title")
                break
    tagged_names = {fold(n) for n, _, _ in mentions}
    for t in _IN_TOWN.finditer(title[0]):  # "3 dead in Capulin": a place too small for the gazetteer that the
        # text names too (the tagger's place), where the headline puts the event
        name = t.group("name")
        if fold(name) in tagged_names and not (fold(name) in towns and known(name)) and not _region(name):
            vote(name, TITLE_VOTE, None, None, "title")
    if not cities and not counties and len(title) == 2:
        # no place in the report: the town the outlet's name gives ("... - KTBS.com - Shreveport, LA"), weakest
        for t in _PLACE_NAME.finditer(title[1]):
            if fold(t.group(0)) in towns and known(t.group(0)) and not gaz.country(t.group(0)):
                vote(t.group(0), SITE_VOTE, None, None, "site")
                break
    if not cities and not counties:  # the District of Columbia is one city: "D.C. Police", "in southeast DC"
        titled = _DC.search(doc.title or "")
        if dc := titled or _DC.search(doc.text, 0, LEAD):
            cities["Washington"] = NAME_VOTE
            where["Washington"] = [Evidence(doc.id, None, None, dc[0], "title") if titled
                                   else Evidence(doc.id, dc.start(), dc.end(), dc[0], "named")]  # fmt: skip
            region = region or "District of Columbia"
    best = cities or counties

    def first(name: str) -> int:  # where the text first names it (the title first of all)
        return min((-1 if e.start is None else e.start for e in where[name]), default=len(doc.text))

    place = max(best, key=lambda c: (best[c], -first(c))) if best else None
    votes = best[place] if place else 0
    if place and region is None and len(tied) > 1:  # of equally named states, the only one with a town of the place
        fits = [s for s in tied if s in towns.get(fold(place), ())]
        region = fits[0] if len(fits) == 1 else None
    if place and region in US_STATES and not from_dateline and (have := towns.get(fold(place))) and region not in have:
        # the state the text names most has no town of that name (a victim's home state): the named state that
        # has one, else the state of the largest town of that name ("Houston": Texas)
        region = max((s for s in states if s in have), key=lambda s: (states[s], s), default=home_state(place))
    if place == "Washington" and of_dc and not from_dateline:
        region = "District of Columbia"  # "5 people shot in NE DC" (not a Virginia victim's home state)
    if place and region is None and len(title) == 2:  # the state of the outlet's part ("| Dayton, OH"), where the
        # place is a county or a town of that state
        site = next((r for m in _SITE_STATE.finditer(title[1]) if (r := _region(m.group(1))) in US_STATES), None)
        if site and (county(place) or site in towns.get(fold(place), ())):
            region = site
    return Place(place, frozenset(c.casefold() for c in cities), region, tuple(where.get(place or "", ())), votes,
                 abroad)  # fmt: skip
