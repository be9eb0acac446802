"""What a figure measures, in which unit, and how to compare it with another one.

This module owns units and measures for cross-source linking (:mod:`.link`):

* a *dimension* per unit the quantity extractor writes (length, area, speed, mass, money, share,
  duration), with the factor to a base unit (metres, square metres, km/h, kg, US dollars, percent,
  days), so "30 miles" meets "48km" and "2m euros" meets "$2.6 million";
* money across currencies is compared at fixed reference rates with a wide tolerance
  (:data:`RATE_TOLERANCE`): outlets convert at the day's rate and round, and a cross-check only
  needs to know whether two sums can be one sum; the same currency is compared exactly; other
  conversions (miles to km) within :data:`CONVERSION_TOLERANCE`;
* an *age* ("the 37-year-old", "aged 37") is an attribute of a person, never a duration;
* a seismic *magnitude* ("a 5.6-magnitude quake", "measuring 5.6 on the Richter scale") is its own
  measure, not a count;
* :func:`measure_of` names the linking block of a claim from all of the above.
"""

from __future__ import annotations

import math
import re

from ..records import QuantityClaim
from .vocabulary import HARM_CLASS

# fmt: off
# unit -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "mi": ("length", 1609.344), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "ft": ("length", 0.3048), "in": ("length", 0.0254), "yd": ("length", 0.9144),
    "acre": ("area", 4046.86), "ha": ("area", 10000.0), "sq ft": ("area", 0.092903), "sq m": ("area", 1.0),
    "sq km": ("area", 1e6), "sq mi": ("area", 2589988.0),
    "mph": ("speed", 1.609344), "km/h": ("speed", 1.0),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "lb": ("mass", 0.45359), "t": ("mass", 1000.0),
    "%": ("share", 1.0), "fraction": ("share", 100.0),  # "one in 500 users" meets "0.2 percent of users"
    "second": ("duration", 1 / 86400), "minute": ("duration", 1 / 1440), "hour": ("duration", 1 / 24),
    "day": ("duration", 1.0), "week": ("duration", 7.0), "month": ("duration", 30.44),
    "year": ("duration", 365.25), "decade": ("duration", 3652.5),
}
# US dollars per unit: reference rates of the 2010s, compared within RATE_TOLERANCE
RATES: dict[str, float] = {
    "USD": 1.0, "EUR": 1.3, "GBP": 1.55, "AUD": 0.9, "CAD": 0.9, "NZD": 0.75, "HKD": 0.13, "SGD": 0.75,
    "CHF": 1.05, "JPY": 0.01, "CNY": 0.15, "INR": 0.017, "PKR": 0.01, "ZAR": 0.1, "RUB": 0.025,
    "TRY": 0.3, "ILS": 0.27, "AZN": 1.0, "AMD": 0.0025, "KRW": 0.0009, "DKK": 0.17, "SEK": 0.14,
    "MYR": 0.27, "MXN": 0.06, "BRL": 0.35,
}
# fmt: on
RATE_TOLERANCE = 0.2  # a sum converted between currencies may be this far (relative) off
CONVERSION_TOLERANCE = 0.07  # ... and a length, area, speed or mass converted between units
AREA_BEFORE = re.compile(r"(?:square|sq\.?)[\s-]*$", re.I)
MAGNITUDE = re.compile(r"\b(?:magnitude|richter|quake|earthquake|temblor|tremor)\b", re.I)
GENERIC_VERBS = frozenset(("be", "have", "say", "tell", "report", "add", "make", "get", "give", "include", "use"))
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
MAGNITUDE_NEAR = 40  # characters around the number a magnitude word must fall within


def dimension(claim: QuantityClaim, before: str) -> tuple[str, float] | None:
    """(dimension, factor to its base unit) of the claim's unit; ``before``: the text just before
    the number ("square" turns feet into an area)."""
    unit = claim.unit or ""
    if unit in RATES:
        return "money", RATES[unit]
    if unit in ("ft", "m", "km", "mi") and AREA_BEFORE.search(before):
        length = UNITS[unit][1]
        return "area", length * length
    return UNITS.get(unit)


def is_age(claim: QuantityClaim) -> bool:
    """A person's age ("the 37-year-old", "aged 37", "Nichols, 37,"), as the quantity extractor marks it:
    an attribute of a person, never a duration nor a count."""
    return claim.what == "age"


def magnitude(claim: QuantityClaim, sentence: str, offset: int) -> str | None:
    """ "magnitude" for a decimal between 1 and 10 with a magnitude word next to it ("a 5.6-magnitude
    quake"), "aftershock" when an aftershock is named there too, else None."""
    v = claim.value
    if claim.unit or not isinstance(v, float) or not 1.0 <= v < 10.0 or v == int(v):
        return None
    window = sentence[max(0, offset - MAGNITUDE_NEAR) : offset + len(claim.text) + MAGNITUDE_NEAR]
    if not (MAGNITUDE.search(claim.what or "") or claim.predicate == "magnitude" or MAGNITUDE.search(window)):
        return None
    return "aftershock" if "aftershock" in f"{window} {claim.predicate}".lower() else "magnitude"


def scaled(lo: float, hi: float, factor: float) -> tuple[float, float]:
    """An interval in the dimension's base unit."""
    return lo * factor, hi * factor


def tolerance(dim: str) -> float:
    """How far (relative) one figure converted into another unit may be off: exchange rates move;
    a converted length or speed is rounded ("58 km (36 miles)", "35 miles")."""
    return RATE_TOLERANCE if dim == "money" else CONVERSION_TOLERANCE


def widened(lo: float, hi: float, tol: float) -> tuple[float, float]:
    return lo * (1 - tol), (hi * (1 + tol) if math.isfinite(hi) else hi)


def kind(claim: QuantityClaim, sentence: str, offset: int) -> str | None:
    """ "age", "magnitude" (or "aftershock"), or None for any other figure."""
    if is_age(claim):
        return "age"
    return magnitude(claim, sentence, offset)


def with_unit(display: str, unit: str) -> str:
    """ "36 mi", "EUR 2e+06" -> "EUR 2,000,000" (a currency code before the figure)."""
    if unit in RATES:
        return f"{unit} {display}"
    if UNITS.get(unit, ("",))[0] == "duration" and display.split()[-1:] != ["1"]:
        unit += "s"  # a duration's unit word, of more than one: "10 minutes"
    return f"{display}{unit}" if unit == "%" else f"{display} {unit}"


def measure_of(
    kind: str | None, person: str | None, dim: str | None, pred: str | None, thing: str | None, claim: QuantityClaim
) -> tuple[tuple[str, str] | None, str]:
    """(the claim's linking block, its qualifier). A person's age is compared with that person's
    age only; a magnitude with a magnitude; a figure with a unit by its dimension (the qualifier,
    its verb or counted noun, says which length or sum it is, never a harm the sentence tells: only figures with
    one qualifier can conflict); a count by its predicate and counted thing: the classes of :mod:`.link`'s
    vocabularies where they know the words, else the lemmas the extractor gives (an unseen "robbers", "tents")."""
    if kind == "age":  # a person's age; an age said of nobody named ("a 61-year-old man") meets equal ages only
        return ("age", person or ""), ""
    if kind in ("magnitude", "aftershock"):
        return ("magnitude", kind), ""
    verb = claim.predicate if claim.predicate and claim.predicate not in GENERIC_VERBS else None
    noun = head(claim.what)
    if pred and thing:
        return (pred, thing), ""
    if dim:  # a harm of the sentence says nothing of which length it is ("drove 150 miles ... where he shot a clerk")
        return (dim, ""), (pred if pred not in HARM_CLASS.values() else None) or verb or noun or ""
    if (pred or verb) and (thing or noun):
        return (pred or verb or "", thing or noun or ""), ""
    return None, ""


def head(what: str | None) -> str | None:
    """The counted noun of a claim's ``what``, singular ("more victims" -> "victim"); a count of a charge with
    its charge ("counts of attempted murder" -> "count of attempted murder": not one count of murder)."""
    first, *rest = re.split(r"\b(?:and|or|of|who|that|which|with|in|on|at|from)\b", what or "", maxsplit=1)
    words = WORD.findall(first)
    if not words:
        return None
    w = words[-1].lower()
    if w in ("count", "counts") and re.match(r"\s*of\b", (what or "")[len(first) :]) and rest:
        return "count of " + " ".join(x.lower() for x in WORD.findall(rest[0]))
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-2] if w.endswith(("ches", "shes", "xes", "sses")) else w[:-1]
    return w
