"""Quantitative claims: every count, amount, share or duration a document states.

One left-to-right scan over the spaCy tokens finds number phrases (digits, number
words, "1.5 million", "$2.7m", vague plurals like "hundreds of"), drops what is not a
quantity (years, dates, clock times, ordinals, identifiers such as "iPhone 11"), joins
ranges ("5 to 7 per cent", "between $3bn and $5bn") and lists of years ("in 1948, 1965,
and 1971": one claim whose value is a tuple), then reads the dependency parse around each
phrase for its counted thing, predicate, place, time and attribution.

Field conventions (the :class:`~rashomon.records.QuantityClaim` contract):

* ``value``: the number; ``None`` for ranges and vague plurals ("dozens", "hundreds"),
  whose extent is in ``low``/``high`` (see :mod:`rashomon.extract.numbers`).
* ``change`` in NewsQuant's vocabulary, plus ``>=``: ``>`` exclusive lower bound ("more than
  40", "over 40": low=40), ``>=`` inclusive lower bound ("at least 40", "40 or more": low=40;
  NewsQuant's ``>``), ``<`` upper bound ("up to", "under": high=N; "nearly"/"almost" also set
  ``approx`` and low=N-10 %), ``~`` approximate ("about", "some": approx, N ± 10 %),
  ``up``/``down`` when a verb or adverb of change governs the number ("rose 5%", "down 2%";
  the hedge still sets low/high), ``=`` otherwise.  Exact numbers leave low/high unset;
  :func:`bounds` gives every claim's interval.
* ``unit``: "%", "fraction" for a share written as one ("two-thirds of", "one in 500": value 0.002), an ISO
  currency code, a duration ("day", "year", "decade") or a
  measurement symbol ("km", "mph"); ``what``: the counted noun phrase ("settlements and
  villages", "civilians", "territory"); ``predicate``: the lemma of the governing verb
  (or noun) -- "kill", "injure", "take hostage", "missing", "liberate".
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from ..records import Document, QuantityClaim, claim_id
from . import numbers as N
from .casualty_people import PEOPLE
from .offsets import ByStart
from .quantity_context import post_hedge, read_change, read_context, read_prefix, read_suffix

STAGE = "quantities@14"

ENT_SKIP = {"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON"}


@dataclass
class _Q:
    """A number phrase being assembled (token indices, half-open)."""

    start: int  # first token of the evidence (hedge / currency)
    num_start: int
    num_end: int
    end: int  # after unit / counted noun
    value: float | tuple[float, ...] | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    change: str = "="  # the hedge: "=", "~", ">", ">=", "<", "<~" (nearly)
    direction: str | None = None  # "up" / "down" when a word of change governs the number
    unit: str | None = None
    unit_kind: str | None = None
    what: str | None = None
    head: int | None = None  # token index of the counted noun (or the number)
    vague: bool = False
    age: bool = False  # a person's age (see _age)
    share: bool = False  # a fraction of a whole ("two-thirds of", "one in 500"): unit "fraction"


def bounds(claim: QuantityClaim) -> tuple[float | None, float | None]:
    """The interval a quantity claim allows (exact numbers give (v, v))."""
    if claim.low is not None or claim.high is not None:
        return claim.low, claim.high
    if isinstance(claim.value, (int, float)):
        return float(claim.value), float(claim.value)
    return None, None


def _is_year(value: float, tok, nxt) -> bool:
    if value != int(value) or not 1000 <= value <= 2200 or "," in tok.text:
        return False
    return nxt is None or not (nxt.tag_ == "NNS" or N.unit_of(nxt.text))  # "3000 rpm", "1520 sq m"


# a telephone number ("713-308-3600", "(816) 474-8477", "713 222-TIPS", "1-800-555-1234"): no quantity
_PHONE = re.compile(r"(?<![\w.-])(?:1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-.](?:\d{4}|[A-Z]{4})(?![\w-])")


class _Blocked:
    """Where a number is no quantity, being part of a date or a telephone number: the character spans of the
    document's time expressions and telephone numbers (``spans``) and its entities (``ents``), by bisection."""

    def __init__(self, spans: list[tuple[int, int]], ents: list) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far
        self.ents = ByStart(ents, lambda e: e.start)

    def covers(self, char: int) -> bool:
        """Some span holds the character at ``char``."""
        k = bisect.bisect_right(self.starts, char)
        return k > 0 and self.reach[k - 1] > char

    def entity_at(self, i: int):
        """The entity holding token ``i`` (entities do not overlap: the last one starting at or before it)."""
        ent = self.ents.last_starting_at_or_before(i)
        return ent if ent is not None and i < ent.end else None


def _in_date(sdoc, i: int, blocked: _Blocked) -> bool:
    tok = sdoc[i]
    if blocked.covers(tok.idx):
        return True
    prev = sdoc[i - 1] if i > 0 else None
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    if prev is not None and prev.lower_.rstrip(".") in N.MONTHS:
        return True
    if nxt is not None and nxt.lower_.rstrip(".") in N.MONTHS and tok.like_num:
        return True
    if nxt is not None and nxt.lower_ in N.TIME_WORDS:
        return True
    if tok.ent_type_ in ("DATE", "TIME"):
        ent = blocked.entity_at(i)
        if ent is not None and any(
            t.lower_.rstrip(".") in N.MONTHS
            or t.lower_ in N.TIME_WORDS
            or ":" in t.text
            or (t.like_num and len(t.text) == 4 and t.text.isdigit() and 1500 <= int(t.text) <= 2100)
            for t in ent
        ):
            return True
    return False


def _is_identifier(sdoc, i: int, q_has_unit: bool) -> bool:
    if i == 0 or q_has_unit:
        return False
    prev = sdoc[i - 1]
    if (
        prev.whitespace_ == ""
        and prev.text in ("-", "#")
        and i > 1
        and sdoc[i - 2].whitespace_ == ""
        and sdoc[i - 2].is_alpha
        and sdoc[i - 2].is_title
    ):
        return True
    if prev.lower_ in N.ID_NOUNS or prev.text in ("No.", "#"):
        return True
    if prev.pos_ == "PROPN" and prev.ent_type_ not in ("GPE", "NORP") and prev.lower_.rstrip(".") not in N.MONTHS:
        return True
    return sdoc[i].ent_type_ in ENT_SKIP and prev.pos_ in ("PROPN", "NOUN")


# the words that may start a figure below (vague and few words, fractions, "a dozen", number words); any other
# word starts one only with a character that is no letter (a digit: "3", "1/2", "$5m")
_STARTS = frozenset(N.VAGUE) | frozenset(N.FEW) | frozenset(N.UNITS_WORDS) | {"half", "a", "an", "one"}


def _scan(sdoc, text: str, blocked: _Blocked) -> list[_Q]:
    """The numbers of ``sdoc`` that are quantities (``text``: its text; Doc.text joins every token anew)."""
    out: list[_Q] = []
    n, i = len(sdoc), 0
    while i < n:
        tok = sdoc[i]
        low = tok.lower_
        if low not in _STARTS and tok.text.isalpha():
            i += 1
            continue
        q: _Q | None = None
        if low in N.VAGUE and i + 1 < n and sdoc[i + 1].lower_ == "of":
            lo, hi = N.VAGUE[low]
            j = i + 1
            if (
                j + 1 < n
                and sdoc[j + 1].lower_ in N.VAGUE
                and (j + 2 == n or sdoc[j + 2].lower_ == "of" or sdoc[j + 2].pos_ not in ("NOUN", "PROPN"))
            ):  # "tens of thousands of people", "hundreds of thousands marched"
                mlo = N.VAGUE[sdoc[j + 1].lower_][0]
                lo, hi, j = lo * mlo, hi * mlo, j + 2
            q = _Q(i, i, j, j, None, lo, hi, vague=True)
        elif low in N.FEW and i + 1 < n and sdoc[i + 1].tag_ == "NNS":
            lo, hi = N.FEW[low]
            q = _Q(i, i, i + 1, i + 1, None, lo, hi, vague=True)
        else:
            q = _fraction(sdoc, i) or _number_run(sdoc, i)
        if q is None:
            i += 1
            continue
        i = max(q.num_end, i + 1)
        if q.unit != "skip" and (q.vague or _keep(sdoc, text, q, blocked)):
            out.append(q)
    return out


_POSSESSIVE_DETS = {"the", "its", "their", "his", "her", "our", "your", "all", "this", "that", "these", "those"}


def _fraction(sdoc, i: int) -> _Q | None:
    """A fraction of something: "two-thirds of", "three quarters of the", "a third of",
    "one fifth of", "half of", "half the" (value 2/3, 0.75, ...).  Ordinal readings ("a
    third missile", "the second half", "three quarters" of a year) are not fractions: a
    singular needs "of" after it, a plural "of" or a determiner."""
    n, tok = len(sdoc), sdoc[i]
    low = tok.lower_
    nxt = sdoc[i + 1] if i + 1 < n else None
    if ratio := _ratio(sdoc, i):
        return ratio
    if low == "half":
        prev = sdoc[i - 1].lower_ if i else ""
        if (
            nxt is not None
            and (nxt.lower_ == "of" or nxt.lower_ in _POSSESSIVE_DETS)
            and prev not in (N.ORDINAL_WORDS | {"the", "and", "a", "an", "other", "this", "that", "one"})
        ):
            return _Q(i, i, i + 1, i + 1, 0.5, share=True)
        return None
    if low in ("a", "an", "one"):
        count, singular = 1, True
    elif 2 <= N.UNITS_WORDS.get(low, 0) <= 10 or tok.text.isdigit() and 2 <= int(tok.text) <= 10:
        count, singular = int(N.UNITS_WORDS.get(low) or tok.text), False
    else:
        return None
    j = i + 1
    if j < n and sdoc[j].text in ("-", "–") and not tok.whitespace_:
        j += 1
    if j + 1 >= n:
        return None
    word = sdoc[j].lower_
    if (word not in N.FRACTIONS or word.endswith("s") == singular or word in ("half", "halves")) and not (
        singular and low == "one" and word == "half"
    ):
        return None
    after = sdoc[j + 1].lower_
    if not (after == "of" or (not singular and after in _POSSESSIVE_DETS)):
        return None
    return _Q(i, i, j + 1, j + 1, count * N.FRACTIONS[word], share=True)


def _count(tok) -> float | None:
    """A whole number written as digits or a word ("one", "100,000", "three"), else None."""
    p = N.parse_token(tok.text)
    return p.value if p and not p.suffix and not p.currency and p.value >= 1 and p.value.is_integer() else None


def _ratio(sdoc, i: int) -> _Q | None:
    """ "one in three children", "one in every 500 users", "2 out of 3 voters": the share N/M of what follows
    (NewsQuant's reading)."""
    n = len(sdoc)
    if (count := _count(sdoc[i])) is None or i + 2 >= n:
        return None
    words = [t.lower_ for t in sdoc[i + 1 : i + 4]]
    link = next((k for k in (("in", "every"), ("out", "of"), ("in",)) if tuple(words[: len(k)]) == k), ())
    j = i + 1 + len(link)
    if not link or j + 1 >= n or (whole := _count(sdoc[j])) is None or whole <= count:
        return None
    thing = sdoc[j + 1]
    if thing.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ") or thing.lower_ in N.MULTIPLIERS or N.unit_of(thing.text):
        return None  # "one in 10 homes", "one in five young adults"; not "2 in 3 million", "2 in 3 minutes"
    return _Q(i, i, j + 1, j + 1, count / whole, share=True)


def _number_run(sdoc, i: int) -> _Q | None:
    """A run of number tokens starting at ``i`` ("1.5 million", "two hundred", "a dozen")."""
    n = len(sdoc)
    tok = sdoc[i]
    words: list[str] = []
    j = i
    if (
        tok.lower_ in ("a", "an")
        and i + 1 < n
        and (sdoc[i + 1].lower_ in N.MULTIPLIERS or sdoc[i + 1].lower_ == "dozen")
    ):
        words, j = ["a"], i + 1
    else:
        p = N.parse_token(tok.text)
        if p is None:
            return None
        if i > 1 and sdoc[i - 1].text == "-" and not sdoc[i - 2].whitespace_ and sdoc[i - 2].is_alpha:
            return None  # the end of a word the reader cannot read ("Twetny-one-year-old"): not "one"
        if tok.lower_ in N.UNITS_WORDS and not (
            tok.pos_ == "NUM"
            or tok.tag_ == "CD"
            or (tok.lower_ != "one" and i + 1 < n and sdoc[i + 1].tag_ in ("NNS", "NNPS"))
        ):
            return None
    while j < n:
        t = sdoc[j]
        lw = t.lower_
        last = words[-1].lower() if words else ""
        if not words or (words == ["a"]) or lw in N.MULTIPLIERS or lw == "dozen":
            words.append(t.text)
        elif (
            lw in ("-", "and")
            and j + 1 < n
            and sdoc[j + 1].lower_ in N.UNITS_WORDS
            and (last in N.MULTIPLIERS or N.UNITS_WORDS.get(last, 0) >= 20)
            and last.isalpha()
        ):
            words += [t.text, sdoc[j + 1].text]
            j += 1
        elif lw in N.UNITS_WORDS and N.UNITS_WORDS[lw] < 10 and N.UNITS_WORDS.get(last, 0) >= 20:
            words.append(t.text)
        else:
            break
        j += 1
    first = N.parse_token(words[0]) if words[0] != "a" else None
    value: float | None
    if first is not None and words[0].lower() not in N.UNITS_WORDS:
        rest = N.word_value(["1"] + words[1:]) if len(words) > 1 else 1.0
        value = first.value * (rest or 1.0)
    else:
        value = N.word_value(words)
    if value is None:
        return None
    if j < n and sdoc[j - 1].whitespace_ == "" and first is not None and not first.suffix:
        nxt = sdoc[j].text
        if len(nxt) > 1 and nxt.endswith(".") and (j + 1 == n or sdoc[j + 1].is_space or sdoc[j + 1].is_title):
            nxt = nxt[:-1]  # "PS2.7m." at a sentence end is split "PS2.7" + "m."
        currency = first.currency or (i > 0 and sdoc[i - 1].text in N.CURRENCY_SYMBOLS)
        mult = N.SUFFIX_MULTIPLIERS.get(nxt) or (N.CURRENCY_ONLY_SUFFIX.get(nxt) if currency else None)
        if mult:
            value, j = value * mult, j + 1
    q = _Q(i, i, j, j, value)
    if first is not None and first.currency:
        q.unit, q.unit_kind = first.currency, "currency"
    if first is not None and first.sign == "+":
        q.direction = "up"
    elif first is not None and first.sign in ("~", "<"):
        q.change = first.sign
    last_p = N.parse_token(sdoc[j - 1].text)
    if last_p is not None and last_p.suffix:
        suf = last_p.suffix
        if suf.lower() in N.TIME_WORDS or N.is_ordinal_suffix(suf):
            return _Q(i, i, j, j, None, vague=True, unit="skip")
        u = N.unit_of(suf.split("-")[0]) or N.unit_of(suf)
        q.unit_kind, q.unit = u if u is not None else ("measure", suf)
    return q


_BORE = re.compile(r"(?:-|\s)?(?:caliber|calibre|gauge|cal\b)", re.I)
_BLOCK = re.compile(r"\s*-?\s*block\b", re.I)  # "the 800 block of Main Street": an address
_AGE_AFTER = re.compile(r"(?:-|\s)?(?:years?|yrs?)[\s-]*old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages?)\s*$", re.I)
_NOT_PERSON = {"GPE", "LOC", "DATE", "TIME", "MONEY", "CARDINAL", "FAC"}


def _age(sdoc, text: str, q: _Q) -> bool:
    """A person's age, never a count nor a duration: "a 37-year-old", "37 years old", "aged 37",
    "Nichols, 37, said", "Tennant and Hakim, both 51,", "Jane Doe (37)", "the victim, 20,"."""
    v = q.value
    if not isinstance(v, float) or not v.is_integer() or not 0 < v < 125:
        return False
    i, tok = q.num_start, sdoc[q.num_start]
    last = sdoc[q.num_end - 1]  # "twenty-one-year-old" is a run of three tokens
    if _AGE_AFTER.match(text, last.idx + len(last.text)) or _AGE_BEFORE.search(text[max(0, tok.idx - 8) : tok.idx]):
        return True
    if q.num_end - q.num_start != 1:
        return False
    prev = sdoc[i - 1] if i > 0 else None
    nxt = sdoc[q.num_end].text if q.num_end < len(sdoc) else ""
    k = i - 2 if prev is not None and prev.lower_ not in ("both", "all") else i - 3  # "Tennant and Hakim, both 51,"
    if k < 0 or prev is None or sdoc[k + 1].text not in (",", "(") or (prev.text == "(") != (nxt == ")"):
        return False
    name = sdoc[k]
    person = (name.pos_ == "PROPN" and name.ent_type_ not in _NOT_PERSON) or (
        name.lemma_.lower() in PEOPLE and name.tag_ in ("NN", "NNP")  # "the victim, 20, was taken"
    )
    return person and nxt in (",", ";", ")", ".")


def _keep(sdoc, text: str, q: _Q, blocked: _Blocked) -> bool:
    """Whether the number is a quantity (``text``: ``sdoc.text``)."""
    if q.unit == "skip":
        return False
    if sdoc[q.num_start].text == "911" and q.num_end == q.num_start + 1 and q.unit is None:
        return False  # the emergency number ("friends called 911"), never a count
    after = sdoc[q.num_end - 1].idx + len(sdoc[q.num_end - 1].text)
    if _BORE.match(text, after):
        return False  # a gun's calibre or gauge names the gun ("a .45-caliber handgun", "a 12-gauge"), never a count
    if isinstance(q.value, float) and q.value >= 100 and q.value % 100 == 0 and _BLOCK.match(text, after):
        return False  # a street address's hundred block ("in the 800 block of Main Street"), never a count
    if _age(sdoc, text, q):
        q.age, q.unit = True, "year"
        return True
    i = q.num_start
    tok = sdoc[i]
    nxt = sdoc[q.num_end] if q.num_end < len(sdoc) else None
    if (
        isinstance(q.value, float)
        and q.unit is None
        and q.num_end - q.num_start == 1
        and (i == 0 or sdoc[i - 1].text not in ("$",))
        and _is_year(q.value, tok, nxt)
    ):
        return False
    if tok.lower_ in N.ORDINAL_WORDS:
        return False
    if _in_date(sdoc, i, blocked):
        return False
    has_unit = q.unit is not None or (nxt is not None and N.unit_of(nxt.text) is not None)
    has_cur = i > 0 and sdoc[i - 1].text in N.CURRENCY_SYMBOLS
    if has_cur:
        return True
    prev = sdoc[i - 1] if i > 0 else None
    if tok.lower_ == "one" and prev is not None and prev.pos_ in ("DET", "ADJ") and prev.lower_ not in ("a", "an"):
        return False  # "the same one", "each one"
    plain = q.num_end - q.num_start == 1 and "," not in tok.text and not has_unit
    if (
        plain
        and tok.text[:1].isdigit()
        and nxt is not None
        and nxt.tag_ == "NNP"
        and nxt.ent_type_ != "NORP"
        and nxt.is_title | nxt.is_upper
    ):
        return False  # "787 Dreamliner", "575 Wilbraham Road", "90049 ZIP Code"
    return not _is_identifier(sdoc, i, has_unit)


def _parentheticals(sdoc, qs: list[_Q]) -> None:
    """A conversion in brackets right after a figure shares its hedge and direction: "more
    than 7.5 million crowns (US $1.1 million)", "just under 296 hp (224 kW / 300 PS)",
    "fell by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit)"."""
    for a, b in zip(qs, qs[1:]):
        k = a.end  # unit words may close the first figure: "1.5 degrees Celsius ("
        while k < b.start - 1 and k < a.end + 2 and N.unit_of(sdoc[k].text) is not None:
            k += 1
        gap = sdoc[k : b.start].text.strip()
        if gap in ("(", "/", "[") and (gap != "/" or (a.start > 0 and "(" in sdoc[a.start - 1].text)):
            if b.change == "=":
                b.change = a.change
            if b.direction is None:
                b.direction = a.direction


def _merge_ranges(sdoc, qs: list[_Q]) -> list[_Q]:
    out: list[_Q] = []
    for q in qs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and q.value is not None
            and not prev.vague
            and not q.vague
            and isinstance(prev.value, float)
            and isinstance(q.value, float)
        ):
            gap = sdoc[prev.end : q.start]
            g = gap.text.strip().lower()
            between = prev.start > 0 and sdoc[prev.start - 1].lower_ == "between"
            frm = prev.start > 0 and sdoc[prev.start - 1].lower_ == "from"
            by = prev.unit is not None and (
                prev.start > 0 and sdoc[prev.start - 1].lower_ in ("by", "up", "down") or prev.direction is not None
            )
            compatible = q.unit == prev.unit or prev.unit is None or (frm and q.unit is None)
            if (
                compatible
                and not by
                and (
                    g in ("to", "-", "–", "to-")
                    or (g == "and" and between)
                    or (g == "or" and prev.unit is None and q.num_end - q.num_start == 1 and prev.value < q.value < 100)
                )
            ):
                mult_q = _word_multiplier(sdoc, q)
                scaled = _word_multiplier(sdoc, prev) == 1.0 and mult_q > 1 and prev.value < q.value / mult_q * 10
                a = prev.value * mult_q if scaled else prev.value
                lo, hi = sorted((a, q.value))
                if lo == hi:  # a tied score "2-2" is not a range
                    out.append(q)
                    continue
                # "rose from 240 to 273" is read as NewsQuant reads it: a range of values
                # with no change of its own; "dropped by 1 to 1.5 degrees" keeps "down"
                merged = replace(
                    prev,
                    end=q.end,
                    num_end=q.num_end,
                    value=None,
                    low=lo,
                    high=hi,
                    unit=q.unit or prev.unit,
                    unit_kind=q.unit_kind or prev.unit_kind,
                    change=prev.change if prev.change == "~" else "=",
                    direction=None if frm else prev.direction or q.direction,
                )
                out[-1] = merged
                continue
        out.append(q)
    return out


def _word_multiplier(sdoc, q: _Q) -> float:
    mult = 1.0
    for t in sdoc[q.num_start : q.num_end]:
        mult *= N.MULTIPLIERS.get(t.lower_, 1.0)
        p = N.parse_token(t.text)
        if p is not None:
            mult *= p.multiplier
    return mult


def _year_lists(sdoc, blocked) -> list[_Q]:
    """ "in 1948, 1965, and 1971": runs of >= 2 year-like tokens joined by , / and."""
    out: list[_Q] = []
    n, i = len(sdoc), 0
    while i < n:
        t = sdoc[i]
        if not (t.text.isdigit() and len(t.text) == 4 and 1500 <= int(t.text) <= 2100):
            i += 1
            continue
        years, j, k = [i], i + 1, i + 1
        while k < n:
            while k < n and sdoc[k].lower_ in (",", "and", "or"):
                k += 1
            if (
                k < n
                and sdoc[k].text.isdigit()
                and len(sdoc[k].text) == 4
                and 1500 <= int(sdoc[k].text) <= 2100
                and k > years[-1] + 1
            ):
                years.append(k)
                j = k + 1
                k += 1
            else:
                break
        if len(years) >= 2 and not (i > 0 and sdoc[i - 1].lower_ in ("between", "from")):
            out.append(_Q(i, i, j, j, tuple(float(sdoc[y].text) for y in years), unit="year", unit_kind="years"))
        i = j
    return out


def extract(sdoc, document: Document, times=()) -> list[QuantityClaim]:
    """Quantity claims of one parsed document (see the module docstring for the fields)."""
    ents = list(sdoc.ents)  # (Doc.ents makes every entity anew: read once)
    text = document.text
    spans = [(t.start, t.end) for t in times if (t.timex_type or "DATE") in ("DATE", "TIME", "SET")]
    blocked = _Blocked(spans + [m.span() for m in _PHONE.finditer(text)], ents)
    qs = _scan(sdoc, text, blocked)
    for q in qs:
        read_prefix(sdoc, q)
        read_suffix(sdoc, q)
        read_change(sdoc, q)
    qs = _merge_ranges(sdoc, qs)
    _parentheticals(sdoc, qs)
    qs += _year_lists(sdoc, blocked)
    qs.sort(key=lambda q: q.start)
    claims: list[QuantityClaim] = []
    contexts = read_context(sdoc, qs, times, ents)
    for q, fields in zip(qs, contexts):
        end_tok = max(q.end, fields.pop("end_tok", q.end))
        if q.change == "=" and isinstance(q.value, float):
            end_tok = post_hedge(sdoc, q, end_tok)
        if q.value is not None and not isinstance(q.value, tuple) and q.change in ("~", "<~", ">", ">=", "<"):
            for name, v in N.hedge_fields(q.value, q.change).items():
                setattr(q, name, v)
        elif q.change == "<~":
            q.approx, q.change = True, "<"
        if q.direction:  # the hedge is kept in low/high/approx
            q.change = q.direction
        if q.age:  # an attribute of the person, not what the clause's verb counts
            fields.update(what="age", predicate=None)
        start_c = sdoc[q.start].idx
        last = sdoc[end_tok - 1]
        end_c = last.idx + len(last.text)
        claims.append(
            QuantityClaim(
                id=claim_id(document.id, "quantity", start_c, end_c),
                doc=document.id,
                start=start_c,
                end=end_c,
                text=text[start_c:end_c],
                stage=STAGE,
                value=q.value,
                low=q.low,
                high=q.high,
                approx=q.approx or None,
                unit=q.unit or ("fraction" if q.share else None),
                change=q.change,
                **fields,
            )
        )
    return claims
