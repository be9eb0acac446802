"""Number parsing for quantity extraction: digits, number words, multipliers, vague
plurals, hedges and unit/currency names.

Everything here is pure string work on token texts (no spaCy calls), so the
quantity extractor can afford to look at every token.

Conventions (documented once, used by the extractor and its evaluation):

* ``parse_token`` reads one token: ``"1,275"``, ``"1.5"``, ``"two"``, ``"4.3M"``,
  ``"$1.76bn"``, ``"PS2.7m"``, ``"~25"``, ``"+0.2"``, ``"minus-5"``, ``"10kW"``,
  ``"155mph"``, ``"5pc"``.  Glued currency prefixes and unit suffixes come back as
  ``prefix``/``suffix`` codes.
* Vague plurals are order-of-magnitude ranges with no single value:
  ``tens`` [10, 100), ``dozens`` [12, 120), ``hundreds`` [100, 1000), ``thousands``
  [1e3, 1e4), ``millions`` [1e6, 1e7), and "tens of thousands" [1e4, 1e5) etc.
  ``several`` is [3, 10).
* Hedges map to NewsQuant's ``change`` vocabulary: ``>`` (a lower bound: "more than",
  "over", "at least"), ``<`` (an upper bound: "up to", "under", "less than"; also
  "nearly"/"almost", which are additionally approximate), ``~`` (approximate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

APPROX_BAND = 0.1  # "about N" means N ± 10 %

# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7,
}
# glued suffix multipliers ("4.3M", "$2.7m", "8.1bn"); lower-case "m"/"b" only after a currency
SUFFIX_MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "B": 1e9,
                      "tn": 1e12, "trn": 1e12}
CURRENCY_ONLY_SUFFIX = {"m": 1e6, "b": 1e9}
VAGUE = {  # plural word -> (low, high)
    "tens": (10.0, 100.0), "dozens": (12.0, 120.0), "scores": (20.0, 200.0),
    "hundreds": (1e2, 1e3), "thousands": (1e3, 1e4), "millions": (1e6, 1e7),
    "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
}
FEW = {"several": (3.0, 10.0)}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
             "quarters": 0.25, "fifth": 0.2, "fifths": 0.2}

# hedge phrases (lower-case token tuples) -> change symbol; longest match wins. Lower bounds are ">" (exclusive:
# "more than 40") or ">=" (inclusive: "at least 40", "40 or more"); upper bounds are all "<" (read as [0, N])
HEDGES: dict[tuple[str, ...], str] = {}
for _phrase, _sym in [
    ("more than", ">"), ("over", ">"), ("above", ">"), ("at least", ">="), ("upwards of", ">"),
    ("in excess of", ">"), ("exceeding", ">"), ("greater than", ">"), ("well over", ">"),
    ("just over", ">"), ("over than", ">"), ("no fewer than", ">="), ("no less than", ">="),
    ("less than", "<"), ("fewer than", "<"), ("under", "<"), ("below", "<"), ("up to", "<"),
    ("just under", "<"), ("at most", "<"), ("no more than", "<"), ("as much as", "<"),
    ("nearly", "<~"), ("almost", "<~"), ("close to", "<~"), ("just shy of", "<~"),
    ("about", "~"), ("around", "~"), ("roughly", "~"), ("approximately", "~"), ("some", "~"),
    ("an estimated", "~"), ("barely", "~"), ("estimated", "~"), ("approx.", "~"), ("circa", "~"), ("c.", "~"),
    ("~", "~"), ("≈", "~"), ("about some", "~"), ("almost exactly", "="), ("exactly", "="), ("just", "="),
    ("only", "="), ("as many as", "="),
    # lower bounds
    ("a little over", ">"), ("a little more than", ">"), ("slightly more than", ">"),
    ("slightly over", ">"), ("slightly above", ">"), ("just above", ">"), ("well above", ">"),
    ("far more than", ">"), ("many more than", ">"), ("much more than", ">"), ("well in excess of", ">"),
    ("upward of", ">"), ("not less than", ">="), ("not fewer than", ">="),
    ("a minimum of", ">="), ("minimum of", ">="), ("topping", ">"),
    # upper bounds
    ("a little under", "<"), ("a little less than", "<"), ("slightly less than", "<"),
    ("slightly fewer than", "<"), ("slightly under", "<"), ("slightly below", "<"), ("just below", "<"),
    ("well under", "<"), ("well below", "<"), ("far fewer than", "<"), ("far less than", "<"),
    ("not more than", "<"), ("no greater than", "<"), ("a maximum of", "<"), ("maximum of", "<"),
    ("just less than", "<"), ("just fewer than", "<"),
    # approximate upper bounds
    ("just short of", "<~"), ("shy of", "<~"), ("short of", "<~"), ("not quite", "<~"),
    ("nigh on", "<~"), ("close on", "<~"), ("closer to", "<~"), ("the best part of", "<~"),
    ("the better part of", "<~"), ("very nearly", "<~"),
    # approximations
    ("approximately some", "~"), ("just about", "~"), ("more or less", "~"), ("in the region of", "~"),
    ("on the order of", "~"), ("in the order of", "~"), ("somewhere around", "~"),
    ("somewhere near", "~"), ("some estimated", "~"), ("an approximate", "~"), ("a rough", "~"),
    ("an average of", "="), ("a total of", "="), ("a further", "="), ("an additional", "="),
]:
    HEDGES[tuple(_phrase.split())] = _sym
MAX_HEDGE = max(len(k) for k in HEDGES)
# words that may stand between a hedge and its number: "more than another 20",
# "at least a further 300", "up to an additional 40" (the hedge still applies)
HEDGE_FILLERS = [("another",), ("a", "further"), ("an", "additional"), ("a", "reported"), ("an", "extra")]
# single prepositions that are hedges only right before the number: they do not stack over
# another hedge ("spread over some 30 km" stays "~")
_NO_STACK = {("over",), ("above",), ("under",), ("below",), ("around",), ("about",), ("some",),
             ("just",), ("only",), ("estimated",), ("exceeding",), ("barely",)}
# hedges after the number (lower-case token tuples, matched right after the number or
# after its counted noun): "40 or more", "a dozen or so", "30-plus", "50-odd years"
POST_HEDGES: dict[tuple[str, ...], str] = {}
for _phrase, _sym in [
    ("or more", ">="), ("or above", ">="), ("or higher", ">="), ("or over", ">="), ("and above", ">="),
    ("and up", ">="), ("and upwards", ">="), ("and over", ">="), ("- plus", ">="), ("+", ">="),
    ("or so", "~"), ("- odd", "~"), ("or thereabouts", "~"), ("give or take", "~"),
    ("or less", "<"), ("or fewer", "<"), ("or below", "<"), ("or under", "<"), ("at most", "<"),
    ("at the most", "<"), ("at least", ">="), ("at the least", ">="), ("at a minimum", ">="),
    ("at the very least", ">="), ("tops", "<"), ("at maximum", "<"),
]:
    POST_HEDGES[tuple(_phrase.split())] = _sym
MAX_POST_HEDGE = max(len(k) for k in POST_HEDGES)

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "$us": "USD", "$a": "AUD", "usd": "USD", "hk$": "HKD", "a$": "AUD", "c$": "CAD",
    "nz$": "NZD",
    "£": "GBP", "ps": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR", "¥": "JPY", "y=": "JPY",
    "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR", "₼": "AZN", "azn": "AZN",
    "₽": "RUB", "₪": "ILS", "r$": "BRL", "chf": "CHF",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "manat": "AZN", "manats": "AZN", "shekel": "ILS",
    "shekels": "ILS", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "lira": "TRY", "liras": "TRY", "dram": "AMD", "drams": "AMD", "won": "KRW",
    "crowns": "DKK", "kroner": "DKK", "krona": "SEK", "kronor": "SEK", "francs": "CHF",
    "ringgit": "MYR", "rand": "ZAR", "pesos": "MXN", "cents": "cent", "cent": "cent",
    "pence": "pence", "p": "pence", "sen": "sen",
}
CURRENCY_QUALIFIED = {("australian", "dollars"): "AUD", ("canadian", "dollars"): "CAD",
                      ("hong", "kong"): "HKD", ("pakistani", "rupees"): "PKR",
                      ("azerbaijani", "manat"): "AZN", ("danish", "crowns"): "DKK",
                      ("swedish", "crowns"): "SEK", ("new", "shekels"): "ILS",
                      ("singapore", "dollars"): "SGD", ("new", "zealand"): "NZD"}
PERCENT_WORDS = {"%": "%", "percent": "%", "pc": "%", "pct": "%", "percentage": "%"}
DURATION_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "s": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}
MEASURE_UNITS = {
    "mile": "mi", "miles": "mi", "mi": "mi", "km": "km", "kms": "km", "kilometre": "km",
    "kilometres": "km", "kilometer": "km", "kilometers": "km", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "cm": "cm", "mm": "mm", "millimeter": "mm", "millimetre": "mm",
    "nanometer": "nm", "nanometers": "nm", "nm": "nm", "μm": "μm", "foot": "ft", "feet": "ft",
    "ft": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "kg": "kg",
    "kilogram": "kg", "kilograms": "kg", "g": "g", "gram": "g", "grams": "g", "lb": "lb",
    "lbs": "lb", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "mph": "mph",
    "km/h": "km/h", "kph": "km/h", "km/hr": "km/h", "hp": "hp", "bhp": "hp", "horsepower": "hp",
    "ps": "PS", "kw": "kW", "kwh": "kWh", "mw": "MW", "gw": "GW", "gwh": "GWh", "w": "W",
    "watt": "W", "watts": "W", "hz": "Hz", "ghz": "GHz", "mhz": "MHz", "rpm": "rpm",
    "gb": "GB", "tb": "TB", "mb": "MB", "degree": "°", "degrees": "°", "°": "°", "celsius": "°C",
    "fahrenheit": "°F", "°c": "°C", "°f": "°F", "litre": "l", "litres": "l", "liter": "l",
    "liters": "l", "gallon": "gal", "gallons": "gal", "barrel": "bbl", "barrels": "bbl",
    "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "nm2": "nm2",
    "mpg": "mpg", "nm·": "Nm", "gpa": "GPa", "points": "point", "point": "point",
    "basis": "bp", "bps": "bp", "times": "times", "lb-ft": "lb-ft", "sq": "sq",
}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth",
                 "last", "next"}

# context lexicons used by the quantity extractor
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
TIME_WORDS = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "pdt", "pt", "et", "bst"}
ID_NOUNS = {"category", "level", "channel", "article", "number", "no", "no.", "chapter",
            "section", "grade", "phase", "round", "stage", "route", "gate", "room", "page",
            "season", "episode", "week", "day", "game", "resolution", "tier", "version", "zone"}
UP = {"rise", "increase", "grow", "gain", "jump", "climb", "surge", "soar", "advance", "add",
      "rally", "boost", "raise", "lift", "up", "higher", "double", "spike", "swell", "expand",
      "creep", "inch", "rebound", "improve"}
DOWN = {"fall", "drop", "decline", "decrease", "slide", "slip", "lose", "plunge", "plummet",
        "sink", "tumble", "dip", "shed", "cut", "reduce", "shrink", "down", "lower", "ease",
        "slump", "crash", "retreat", "slow", "contract"}
UP_WORDS = {"up", "higher", "upward", "upwards"}  # adverbs of change before a figure
DOWN_WORDS = {"down", "lower", "downward", "downwards"}
TALLY_NOUNS = {"toll", "tally", "count", "total", "number", "figure"}  # "the death toll rose to 45"
DEATH_WORDS = {"death", "dead", "fatality", "fatalities", "killed"}
LOC_PREPS = {"in", "at", "near", "across", "inside", "outside", "throughout", "around", "into", "from"}
REPORT = {"say", "report", "tell", "announce", "state", "claim", "estimate", "confirm", "add",
          "reveal", "write", "note", "allege", "insist", "warn"}
ADJ_PARTICIPLES = {"missing", "dead", "wounded", "injured", "displaced", "homeless", "unaccounted",
                   "detained", "captured", "killed", "hospitalized", "hospitalised", "alive"}
CAPTIVE_NOUNS = {"hostage", "prisoner", "captive", "hostages", "prisoners"}

_NUM_TOKEN = re.compile(
    r"^(?P<pre>~|≈|\+|-|−|–|sub-|minus-|minus|(?:US|HK|A|C|NZ|R)?\$|\$(?:US|A)|USD|EUR|GBP|£|€|¥|₹|₼|₽|₪|Y=|PS|RM|Rs\.?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>(?:[A-Za-zμ°%″'/][A-Za-z0-9μ°%/]*)?(?:-[a-z]+)?)$")
_FRACTION = re.compile(r"^(\d+)[/⁄](\d+)$")
_ORDINAL_SUFFIX = re.compile(r"^(st|nd|rd|th|s)$")
# fmt: on


@dataclass(frozen=True)
class Parsed:
    """One token read as a number: value, glued prefix/suffix (normalised codes)."""

    value: float
    sign: str = ""  # "-", "+", "<" (sub-), "~"
    currency: str | None = None
    multiplier: float = 1.0
    suffix: str = ""  # raw remaining suffix (a unit, "am"/"pm", ordinal "th", decade "s")


def parse_token(text: str) -> Parsed | None:
    """Read one token as a number (digits with glued prefixes/suffixes, or a number word)."""
    low = text.lower()
    if low in UNITS_WORDS:
        return Parsed(float(UNITS_WORDS[low]))
    f = _FRACTION.match(text)
    if f and int(f.group(2)) and int(f.group(1)) < int(f.group(2)):
        return Parsed(int(f.group(1)) / int(f.group(2)))
    m = _NUM_TOKEN.match(text)
    if not m:
        return None
    pre, num, suf = m.group("pre") or "", m.group("num"), m.group("suf")
    value = float(num.replace(",", ""))
    sign, currency = "", None
    if pre in ("-", "−", "–", "minus-", "minus"):
        sign, value = "-", -value
    elif pre in ("+", "~", "≈"):
        sign = "~" if pre == "≈" else pre
    elif pre == "sub-":
        sign = "<"
    elif pre:
        currency = CURRENCY_SYMBOLS.get(pre.lower())
    mult = 1.0
    if suf in SUFFIX_MULTIPLIERS:
        mult, suf = SUFFIX_MULTIPLIERS[suf], ""
    elif suf in CURRENCY_ONLY_SUFFIX and currency:
        mult, suf = CURRENCY_ONLY_SUFFIX[suf], ""
    return Parsed(value * mult, sign, currency, mult, suf)


def is_ordinal_suffix(suffix: str) -> bool:
    return bool(_ORDINAL_SUFFIX.match(suffix.lower()))


def word_value(words: list[str]) -> float | None:
    """Combine number words and multipliers: ["two", "hundred", "thousand"] -> 200000,
    ["1.5", "million"] -> 1.5e6, ["a", "million"] -> 1e6, ["twenty", "five"] -> 25."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower()
        if lw in ("a", "an") and not seen:
            current, seen = 1.0, True
            continue
        if lw in ("-", "and"):
            continue
        if lw == "dozen":
            current, seen = (current or 1.0) * 12, True
            continue
        if lw in MULTIPLIERS:
            mult = MULTIPLIERS[lw]
            current = (current or 1.0) * mult
            if mult >= 1e3:
                total, current = total + current, 0.0
            seen = True
            continue
        p = parse_token(w)
        if p is None or p.currency or p.suffix:
            return None
        current += p.value
        seen = True
    return total + current if seen else None


def _longest_hedge(words: list[str]) -> tuple[int, str] | None:
    for n in range(min(MAX_HEDGE, len(words)), 0, -1):
        sym = HEDGES.get(tuple(words[-n:]))
        if sym is not None:
            return n, sym
    return None


def combine_hedges(outer: str, inner: str) -> str:
    """One symbol for two stacked hedges ("up to an estimated 300": "<" over "~" -> "<~"):
    a bound wins over an approximation, the outer bound over the inner one."""
    if outer == "=":
        return inner
    if inner == "=" or outer in (">", ">=", "<~") or inner == outer:
        return outer
    if outer == "<":
        return "<~" if inner in ("~", "<~") else outer
    return inner if outer == "~" else outer


def hedge_fields(value: float, sym: str) -> dict[str, Any]:
    """The claim fields a figure hedged by ``sym`` gets (the one reading of a hedge: crosscheck compares
    these bounds): "~" approx, N ± ``APPROX_BAND``; "<~" ("nearly") approx, [N - band, N], change "<";
    ">" / ">=" low = N; "<" high = N; anything else: no bounds."""
    band = abs(value) * APPROX_BAND
    if sym == "~":
        return {"approx": True, "low": value - band, "high": value + band}
    if sym == "<~":
        return {"approx": True, "low": value - band, "high": value, "change": "<"}
    if sym in (">", ">="):
        return {"low": value}
    if sym == "<":
        return {"high": value}
    return {}


def hedge_before(words: list[str]) -> tuple[int, str] | None:
    """The hedge ending the lower-cased ``words``: (length, symbol).  The longest phrase
    wins; stacked hedges combine ("at least some 30": ">"), and a filler may stand between
    a hedge and the number ("more than another 20", "up to a further 40")."""
    words = list(words)
    found = _longest_hedge(words)
    if found is None:
        for filler in HEDGE_FILLERS:  # "more than another 20": the hedge before the filler
            k = len(filler)
            if len(words) > k and tuple(words[-k:]) == filler:
                inner = _longest_hedge(words[:-k])
                if inner is not None and inner[1] != "=":
                    return inner[0] + k, inner[1]
        return None
    n, sym = found
    outer = _longest_hedge(words[: len(words) - n])
    if (
        outer is not None
        and outer[1] != "="
        and tuple(words[len(words) - n - outer[0] : len(words) - n]) not in _NO_STACK
    ):
        return n + outer[0], combine_hedges(outer[1], sym)
    return n, sym


def hedge_after(words: list[str]) -> tuple[int, str] | None:
    """The longest post-posed hedge starting the lower-cased ``words`` ("or more", "-plus")."""
    for n in range(min(MAX_POST_HEDGE, len(words)), 0, -1):
        sym = POST_HEDGES.get(tuple(words[:n]))
        if sym is not None:
            return n, sym
    return None


def unit_of(word: str) -> tuple[str, str] | None:
    """Classify a unit word: ("percent"|"currency"|"duration"|"measure", code)."""
    low = word.lower()
    if low in PERCENT_WORDS:
        return "percent", "%"
    if low in DURATION_UNITS:
        return "duration", DURATION_UNITS[low]
    if low in CURRENCY_WORDS:
        return "currency", CURRENCY_WORDS[low]
    if word in MEASURE_UNITS or low in MEASURE_UNITS:
        return "measure", MEASURE_UNITS.get(word, MEASURE_UNITS.get(low, low))
    square = re.fullmatch(r"(?:square|sq\.?)[\s-]+(\w+)", low)  # "170,000-square-foot": an area
    if square and (length := unit_of(square[1])) and length[1] in ("ft", "m", "km", "mi"):
        return "measure", f"sq {length[1]}"
    return None


def surface_forms(code: str) -> set[str]:
    """Every word this module maps to unit ``code`` (used to compare units in evaluation)."""
    out = {code.lower()}
    if code.startswith("sq "):  # an area: "square feet", "square-foot", "sq ft"
        return out | {f"{sq}{sep}{w}" for w in surface_forms(code[3:]) for sq in ("square", "sq") for sep in " -"}
    for table in (PERCENT_WORDS, DURATION_UNITS, CURRENCY_WORDS, MEASURE_UNITS, CURRENCY_SYMBOLS):
        out |= {k.lower() for k, v in table.items() if v == code}
    return out
