"""Linking quantity claims across documents.

This module owns the question "do these two numbers speak about the same thing?".
Each quantity claim is read into a :class:`Facet`: its normalised predicate class
(killed ~ dead ~ death toll; seized ~ captured ~ took ~ liberated), its counted-thing
class (villages ~ settlements ~ hamlets; people ~ civilians, with civilians kept as a
sub-category), its interval (low/high from bounds, approximation and rounding), and
its scope (place, incident day, cumulative vs single-incident granularity, the
source it is attributed to).  Fields the quantity extractor filled are preferred;
what it left empty is read from the claim's sentence in the cleaned document text.

Linking is blocked: only claims sharing ``(story, predicate class, thing class)``
are ever compared, so the cost is near-linear in the corpus.  Claims with no
predicate class or no thing class are never linked (an unexplained "60,000 people"
must not meet a death toll).  Inside a block, claims are clustered by complete
linkage on scope compatibility; claims of one document only share a cluster when
they repeat the same value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..records import CasualtyClaim, Claim, Document, Entity, QuantityClaim, TimeClaim
from . import incident_tally, measures, sources
from .mentions import MentionIndex
from .sentences import PHRASE_END, sentence_bounds
from .sources import outlet_of, root_of
from .vocabulary import CAPTIVE, CASUALTY, DAYS_PER, HARM_CLASS, PERSONS, PREDICATES, SUBCATEGORY, TAKE, THINGS

# --------------------------------------------------------------- vocabularies
# patterns, kept one compact block each (not reformatted); the word tables are in .vocabulary
# fmt: off
CUMULATIVE = re.compile(r"\b(since|so far|in total|to date|total of|death toll|overall|throughout|all told|"
                        r"(?:has|have) (?:now )?risen|rose to|over the (?:whole|entire|course)|"
                        r"in all\b|cumulative)", re.I)
INCIDENT = re.compile(r"\b(strike|strikes|attack|explosion|blast|bombing|shelling|raid|ambush|missile|"
                      r"airstrike|air strike|crash|collision|stampede|shooting|massacre|massacred|when an? |"
                      r"(?:one|two|three|four|five|six|\d+)-hour|overnight)", re.I)
# a running total over the last few days ("since Friday night", "since 7:20 p.m.", "over the weekend")
RECENT = re.compile(r"\bsince (?:(?:early |late )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                    r"\d{1,2}(?::\d\d)?\s*[ap]\.?m|last night|yesterday|this morning)|"
                    r"\b(?:this|last|over the) weekend\b", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ACCORDING = re.compile(r"according to (?:the |a )?([^,.;]+)", re.I)
SAID = re.compile(r",\s+(?:the |a )?([A-Za-z' -]{3,60}?)\s+(?:said|says|reported|announced|estimated)\b")
_PHRASE_CHAR = r"(?:[^,.;]|(?<=\d)[,.](?=\d))"  # not a clause break, but a number's comma ("30,000")
SCOPE_PHRASE = re.compile(rf"\b((?:since (?:the|a|an|its|their|last|early|late|\d)|throughout|over the)"
                          rf"{_PHRASE_CHAR}{{3,90}}|"
                          r"so far|to date|in total|(?:in|during) (?:the|a|an|one) (?:\w+ ){0,2}(?:strike|attack|"
                          rf"explosion|blast|bombing|shelling|raid|ambush)(?: on {_PHRASE_CHAR}{{3,90}})?|when an? "
                          rf"{_PHRASE_CHAR}{{3,90}}|during (?:the|a|an) {_PHRASE_CHAR}{{3,60}})"
                          r"(?=[,.;]|$)", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# a relative or coordinate clause with its own time and scope ("..., when 30,000 people were killed")
CLAUSE_BREAK = re.compile(r"[,;]\s+(?=(?:when|where|which|who|whose|while|whereas)\b)|;\s+", re.I)
WHERE = re.compile(r"\b(?:in|near|around|across|outside|inside) (?:the )?((?:[A-Z][\w'-]+ ?){1,3}|[a-z][\w'-]+)")
WHERE_STOP = {"total", "all", "addition", "fact", "order", "part", "general", "particular", "response", "turn",
              "their", "his", "her", "its", "this", "that", "which", "these", "those", "some", "each", "many",
              "recent", "past", "future", "front", "return", "case", "terms", "place", "time", "effect", "line",
              "city", "area", "town", "country", "nation", "state", "region", "county", "neighborhood", "community",
              "world"}  # (a place word any report uses: "across the city" ties no two reports to one place)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
# a year written as a date or after "in/since/of": "February 25-26, 1992", "in 1992" (not "2000 people")
_DAYS = r"\d{1,2}(?:[-–]\d{1,2})?"
DATED_YEAR = re.compile(rf"(?:{_MONTH}\s+(?:{_DAYS},?\s+)?|{_DAYS}\s+{_MONTH},?\s+|"
                        r"\b(?:in|since|of|by|until|during)\s+)"
                        r"((?:1[6-9]|20)\d\d)\b(?!\s*(?:people|%))")
GAP = re.compile(r"(?i)[\s-]*\w+\s+(?:after|later|earlier|ago)\b")  # after a duration's number: a gap, no length
LEAD = 600  # characters of a report's headline and first sentences, where it states its own figures
CUE_NEAR = 30  # characters: a cue word this close to the number is its predicate whatever the parse says
_FORM_CLASS = {f: c for c, fs in PREDICATES.items() for f in fs}
_THING_CLASS = {f: c for c, fs in THINGS.items() for f in fs}
_KNOWN = set(_FORM_CLASS) | set(_THING_CLASS) | set(SUBCATEGORY)  # words the vocabularies know
# a verb's other forms, where not "-ed": the extractor's "take" of "took to the streets"
_PARTICIPLES = {"shoot": ("shot",), "slay": ("slain",), "strike": ("struck",), "hit": ("hit",),
                "take": ("taken", "took")}
_MULTI = sorted((f for f in _FORM_CLASS if " " in f), key=len, reverse=True)
# fmt: on


@dataclass(frozen=True)
class Interval:
    """Closed interval [lo, hi]; open ends are nudged by a relative epsilon."""

    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


@dataclass
class Facet:
    """What the linker and the verdicts know about one quantity claim."""

    claim: QuantityClaim
    outlet: str
    published: str | None
    root: str  # the original document after following duplicate_of
    sentence: str
    sent_start: int
    pred: str | None
    pred_word: str  # the word the sentence uses for it ("seized"), for summaries
    thing: str | None
    noun: str  # the word the sentence uses for the counted thing ("hamlets")
    where: frozenset[str]  # words after "in/near/across (the)": weak evidence of one place
    category: str | None  # a people sub-category (civilians, children, ...) or None for "all"
    interval: Interval | None
    values: tuple[float, ...] | None  # a list of values (years, ...), compared as a set
    display: str
    granularity: str | None  # cumulative | period (a span of years) | incident | None
    day: str | None  # the incident's day, ISO
    places: frozenset[str]
    entities: frozenset[str]
    attributed: str | None
    scope: str  # a short phrase saying the scope, for summaries
    story: str | None = None
    years: tuple[int, int] | None = None  # the years the counted event falls in, when known
    event: str | None = None  # the real-world event its document reports (incidents.events)
    incident: str | None = None  # the coded incident its document reports, when it has one
    measure: tuple[str, str] | None = None  # what it measures: its linking block (see measure_of)
    qualifier: str = ""  # for a unit's dimension: the verb or noun saying which length, sum, ... it is
    dimension: str | None = None  # length, money, ... (measures.UNITS) when the figure has a unit
    base: Interval | None = None  # the interval in the dimension's base unit
    people: frozenset[str] = frozenset()  # the people its sentence names
    source: str = ""  # the voice it speaks with: its agency or its original document (sources.py)
    lead: bool = False  # it stands in the report's first LEAD characters (headline and first sentences)
    # it may count its report's own toll: not where the casualty reader read that toll and this number
    # neither gives one of its figures nor is the claim one rests on
    toll: bool = True
    recent: bool = False  # a running total of the last few days (:data:`RECENT`): of its report's week only

    @property
    def strict(self) -> bool:
        """A measure that says by itself what it counts: a casualty toll, a person's age, a magnitude
        (two such figures of one event are the same fact)."""
        m = self.measure or ("", "")
        return (m[0] == "age" and bool(m[1])) or m[0] == "magnitude" or (m[0] in CASUALTY and m[1] == "people")

    @property
    def key(self) -> str:
        return "/".join(self.measure) if self.measure else f"{self.pred}/{self.thing}"


# ------------------------------------------------------------------ reading
def _norm_source(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"^(the|a|an)\s+", "", s.strip().lower())
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    return " ".join(s.split()) or None


def _words(s: str) -> list[str]:
    return [w.lower() for w in WORD.findall(s)]


def predicate_class(claim: QuantityClaim, sentence: str, offset: int, duration: bool = False) -> tuple[str | None, str]:
    """(predicate class, the word used): for a duration the event it measures ("10-day siege"),
    else the extractor's predicate if known, else the nearest cue word in the sentence."""
    low = sentence.lower()
    cands: list[tuple[int, str, str]] = []
    within: list[tuple[int, int]] = []  # a word of a longer form ("shooting" of "fatal shooting") is that form
    for f in _MULTI:
        i = low.find(f)
        if i >= 0 and not any(a <= i < b for a, b in within):
            cands.append((abs(i - offset), _FORM_CLASS[f], f))
            within.append((i, i + len(f)))
    for m in WORD.finditer(low):
        c = _FORM_CLASS.get(m.group(0))
        if c and not any(a <= m.start() < b for a, b in within):
            cands.append((abs(m.start() - offset), c, m.group(0)))
    said = set((claim.predicate or "").lower().split())  # and as participles: "shoot" of "three men fatally shot"
    said |= {p for w in said for p in _PARTICIPLES.get(w, (w + "ed",))}
    longer = sorted(c for c in cands if not duration and said & set(c[2].split()) and " " in c[2])
    if longer and longer[0][0] <= 120:  # the extractor's "shooting" is that of "the fatal shooting of two"
        return longer[0][1], longer[0][2]
    wanted = [_FORM_CLASS[w] for w in _words(claim.what or "") if w in _FORM_CLASS] if duration else []
    if duration and claim.what and not wanted:
        return None, ""  # the length of what it names ("the 44-day conflict"), not of the sentence's other verb
    wanted += [_FORM_CLASS[w] for w in _words(claim.predicate or "") if w in _FORM_CLASS]
    if wanted:
        words = sorted(c for c in cands if c[1] == wanted[0])
        return wanted[0], words[0][2] if words else (claim.predicate or "")
    if (claim.predicate or "").lower() == "have" and _HAS.search(sentence, 0, offset):
        return None, ""  # what someone has ("has two grown children", "had three prior convictions"): no harm's count
    near = [c for c in sorted(cands) if c[0] <= 120]  # too far away in a long sentence: not the number's verb
    own = claim.predicate if claim.predicate and claim.predicate not in measures.GENERIC_VERBS else None
    if own and not duration and (not near or near[0][0] > CUE_NEAR):
        return None, ""  # the number's own verb is not a cue word, and no cue is next to it: the verb says
    return (near[0][1], near[0][2]) if near else (None, "")


def thing_class(claim: QuantityClaim, after: str) -> tuple[str | None, str | None, str | None, str]:
    """(thing class, people sub-category, duration unit, the noun used) from unit/what or the words after
    the number."""
    unit = (claim.unit or "").lower()
    words = _words(claim.what or "") + _words(unit)
    percent = re.search(r"\d\s*(%|per ?cent)", claim.text, re.I)
    if unit in ("%", "fraction") or percent or after.lstrip().startswith(("%", "per cent", "percent")):
        words = _words(after)[:6] + words
        for w in words:
            if _THING_CLASS.get(w) == "territory":
                return "territory", None, None, w
        return None, None, None, ""
    own = len(words)  # the claim's own words, then those after the number up to the end of its phrase
    words = words + _words(PHRASE_END.split(after, maxsplit=1)[0])[:5]  # "killing one man, police said": not police
    for i, w in enumerate(words[:6]):
        c = _THING_CLASS.get(w)
        if c == "duration":
            return "duration", None, w.rstrip("s"), w
        if c:  # "military deaths", "the military death toll": a modifier before the noun narrows the people
            sub = SUBCATEGORY.get(w) or next((SUBCATEGORY[x] for x in words[:i] if x in SUBCATEGORY), None)
            return c, sub if c == "people" else None, None, w
        if i >= own and w in _FORM_CLASS or i >= 2 and not claim.what:
            break  # "four wounded and police searching": the verb ends what is counted
    return None, None, None, ""


def interval_of(claim: QuantityClaim, lead: str, whole_number: bool) -> tuple[Interval | None, str]:
    """The claim's value as an interval and as a journalist would read it. The interval is the
    extractor's reading of the hedge (``low``/``high``/``approx``, and ``change`` ``>=`` for an
    inclusive lower bound); ``lead``, the words of the claim's evidence before its number ("up to"),
    only words the display."""
    v = claim.value
    if v is None or isinstance(v, tuple):
        return None, ""
    v = float(v)
    num = readable(v)
    word = " ".join(WORD.findall(lead.lower()))
    lo, hi = claim.low, claim.high
    if lo is not None and hi is None:
        if claim.change == ">=":
            return Interval(lo, math.inf), f"at least {num}"
        return Interval(lo * (1 + 1e-9) + 1e-9, math.inf), f"more than {num}"
    if hi is not None and lo is None:  # an upper bound of a count or share: from zero
        return Interval(0.0, hi), f"{word or 'under'} {num}"
    if lo is not None and hi is not None:
        if claim.approx:
            return Interval(lo, hi), f"{word or 'about'} {num}"
        return Interval(lo, hi), num if lo == hi else f"{readable(lo)}–{readable(hi)}"
    # rounding: a stated "15%" stands for [14.5, 15.5]; a whole count of people is exact
    r = 0.0 if whole_number and v == int(v) else 0.5 * 10 ** _last_digit_power(v)
    return Interval(v - r, v + r), num


def readable(v: float) -> str:
    """A figure as a journalist writes it: "9", "2.5", "110,000,000,000" (never "1.1e+11")."""
    if abs(v) < 10000:
        return f"{v:g}"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _last_digit_power(v: float) -> int:
    if v != int(v):
        s = f"{v:g}"
        return -len(s.split(".")[1]) if "." in s else 0
    return 0


def _day_of(sentence: str, published: str | None, claim: QuantityClaim) -> str | None:
    """The incident's day: a weekday named in the sentence, counted back from publication;
    else the extractor's time when it is a full date other than the publication date."""
    m = re.search(r"\b(?:on|last) (" + "|".join(WEEKDAYS) + r")\b", sentence, re.I)
    if m and published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published[:10]):
        pub = date.fromisoformat(published[:10])
        back = (pub.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        return (pub - timedelta(days=back)).isoformat()
    if claim.time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim.time) and claim.time != (published or "")[:10]:
        return claim.time
    return None


def facet(
    claim: QuantityClaim,
    doc: Document | None,
    by_id: dict[str, Document],
    mentions: MentionIndex,
    story: str | None = None,
    copies_published: dict[str, str] | None = None,
    times: list[tuple[int, str]] | None = None,
    event: str | None = None,
    wire: str | None = None,
    incident: str | None = None,
    harm: CasualtyClaim | None = None,
    tolls: tuple[incident_tally.Figure, ...] | None = None,
) -> Facet:
    """Read one quantity claim (and its sentence) into a :class:`Facet`; ``harm``: the casualty claim that
    counts the same people, when the casualty reader read them; ``tolls``: its report's toll, per measure
    (:func:`.incident_tally.tally`; empty where the report's casualties are all totals over many incidents,
    "two slain in four separate shootings": none of its counts is its own toll), None where the casualty
    reader read none (any count may be its toll)."""
    text = doc.text if doc else claim.text
    start, end = (claim.start, claim.end) if doc and 0 <= claim.start <= claim.end <= len(text) else (0, len(text))
    s, e = sentence_bounds(text, start, end)
    sentence = text[s:e]
    num_end = start + _number_end(text[start:end])
    after = text[num_end : min(e, num_end + 60)]
    before = text[max(s, start - 12) : start]
    kind = measures.kind(claim, sentence, start - s)
    thing, category, dur_unit, noun = thing_class(claim, after) if kind is None else (None, None, None, "")
    pred, pred_word = predicate_class(claim, sentence, start - s, duration=thing == "duration")
    if harm and (pred is None or pred in HARM_CLASS.values()) and thing in (*PERSONS, None) and kind is None:
        parsed = HARM_CLASS.get(harm.measure or "", pred)  # the parse of the people, not the nearest harm word
        pred, pred_word = parsed, pred_word if parsed == pred else ""  # ("one died and two are in critical condition")
    if pred == "capture" and thing == "people" and pred_word in TAKE and not CAPTIVE.search(sentence):
        pred = None  # "taken to a hospital", "took to the streets": people taken are not captured
    if thing == "people" and category is None and incident_tally.WITH_ATTACKER.match(text, num_end, e):
        category = "attacker"  # "seven people dead, including the suspected shooter": not the victims alone
    if thing == "people" and (incident_tally.SUBSET.match(claim.text) or _THE_OTHER.search(before)):
        thing = "part"  # "three of the victims", "the other two victims": some of a group, never its count
    elif thing == "people" and _OTHERS.match(after):
        category = "others"  # "one killed and five others wounded": the group less someone told apart
    head = measures.head(claim.what)
    demonym = bool(re.search(r"\b[A-Z][a-z]+s\b", claim.what or ""))  # "613 Azerbaijanis": people
    if thing == "people" and head and not demonym and not any(w in _KNOWN for w in (head, head + "s")):
        thing = None  # "three holdouts", "two jurors": a noun the vocabulary does not know is its own thing
    if pred in CASUALTY and thing is None and not head and kind is None and claim.unit is None:
        thing = "people"  # "five hurt", "Two were killed": a casualty count counts people
    if thing == "people" and category is None and pred == "injure" and incident_tally.in_condition(text, start, e):
        category = "condition"  # "two people were hurt critically": those in that condition, not all the wounded
    interval, display = interval_of(
        claim, _lead(text[start:num_end]), thing in (*PERSONS, "settlement") or kind == "age"
    )
    stated = interval  # in the claim's own unit (the base unit below scales this, not the days)
    if dur_unit and interval is not None:  # compare durations in days
        k = DAYS_PER.get(dur_unit, 1)
        interval = Interval(interval.lo * k, interval.hi * k)
        if not display.endswith((dur_unit, dur_unit + "s")):  # "roughly a week" reads "roughly 1 week" already
            display = f"{display} {dur_unit}{'s' if interval.lo != k else ''}"
    dim = measures.dimension(claim, before) if kind is None else None
    if (thing == "duration" or dim and dim[0] == "duration") and (GAP.match(after) or claim.value == 0):
        thing, dim = None, None  # "20 minutes after that shooting": a gap between happenings; a "zero-day" flaw
    base = Interval(*measures.scaled(stated.lo, stated.hi, dim[1])) if dim and stated else None
    claim_unit = claim.unit
    if claim_unit == "fraction" and isinstance(claim.value, float):  # "one in 500 users": "0.2%"
        display, claim_unit = display.replace(readable(claim.value), readable(claim.value * 100)), "%"
    if dim and claim_unit and not dur_unit:
        display = measures.with_unit(display, claim_unit)
    person = mentions.person_aged(claim.doc, text, start, end) if kind == "age" else None
    measure, qualifier = measures.measure_of(kind, person, dim[0] if dim else None, pred, thing, claim)
    values = tuple(sorted(float(x) for x in claim.value)) if isinstance(claim.value, tuple) else None
    if values:
        display = ", ".join(f"{x:g}" for x in values)
    if thing == "territory" and display and "%" not in display:
        display += "%"
    clause = own_clause(sentence, start - s)  # "worst since the 1990s, when 30,000 were killed": not "since"
    cum, inc = CUMULATIVE.search(clause), INCIDENT.search(clause)
    gran = "cumulative" if cum and (not inc or "since" in cum.group(0).lower()) else ("incident" if inc else None)
    years = _years(claim, doc, text, s, e, times or [])
    if gran is None and years and years[1] > years[0]:
        gran = "period"  # "in the 1990s, when some 30,000 were killed": a toll over a whole span of years
    if thing == "duration":  # a duration is its own time window
        gran = None
    root = root_of(claim.doc, by_id)
    published = (doc.published if doc else None) or (copies_published or {}).get(root)
    ids, places = mentions.within(claim.doc, s, e)
    if claim.place:
        places = frozenset({mentions.place(claim.doc, claim.place)})
    said = ACCORDING.search(sentence) or SAID.search(sentence)  # who the sentence says gave the figure
    attr = claim.attributed_to or (said.group(1) if said else None)
    # the people the figure is said of: not who said it (", Reddel said")
    people = mentions.people(claim.doc, s, e) - (mentions.people(claim.doc, s + said.start(1), s + said.end(1))
                                                 if said else frozenset())  # fmt: skip
    # the phrase that scopes the figure, not one that holds it ("since a 1994 ceasefire ended a war that killed 30,000")
    scope = next((p.group(1).strip() for p in SCOPE_PHRASE.finditer(clause) if claim.text not in p.group(1)), "")
    if kind == "age":  # whose age it is, for the summary: "Brian Nichols aged 37"
        scope = mentions.names.get(person or "", "")
    return Facet(
        claim=claim,
        outlet=outlet_of(doc),
        published=published,
        root=root,
        sentence=sentence,
        sent_start=s,
        pred=pred,
        pred_word=pred_word,
        thing=thing,
        noun=noun,
        where=frozenset(
            w for m in WHERE.finditer(sentence) if (w := m.group(1).strip().lower()) not in WHERE_STOP and len(w) > 3
        ),
        category=category,
        interval=interval,
        values=values,
        display=display or claim.text,
        granularity=gran,
        day=_day_of(sentence, published, claim) if gran == "incident" else None,
        places=places,
        entities=ids,
        attributed=_norm_source(attr),
        scope=scope,
        story=story,
        years=years,
        event=event,
        incident=incident,
        measure=measure,
        qualifier=qualifier,
        dimension=dim[0] if dim else ("age" if kind == "age" and not person else None),
        base=base,
        people=people,
        source=f"wire:{wire}" if wire else f"doc:{root}",
        lead=start < LEAD,
        recent=gran == "cumulative" and bool(RECENT.search(clause)),
        toll=tolls is None or any((harm and harm.id == t[0]) or incident_tally.point(claim) in t[1:3] for t in tolls),
    )


_HAS = re.compile(r"(?i)\b(?:has|have|had|having)\s+\Z")  # the number is what someone has, not its subject
# "the other two victims": the rest of a group told before (not "another 20,000 people marched": another place's)
_THE_OTHER = re.compile(r"\bthe other\s*$", re.I)
# "five others", "two other children" (not "another 20,000": another place's, before the number)
_OTHERS = re.compile(r"\s+others?\b", re.I)


def own_clause(sentence: str, offset: int) -> str:
    """The part of ``sentence`` holding ``offset`` between relative-clause breaks: scope
    words of the main clause do not describe a figure inside a "when"/"which" clause."""
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            end = m.start()
            break
    return sentence[start:end]


def _year_span(value: str | None, doc: Document | None) -> tuple[int, int] | None:
    """The years a TIMEX3 value covers: "1992-02" -> 1992, "199" (the 1990s) -> 1990–1999; a value
    without its year ("XXXX-09-27") takes the year its document was published in, when known."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?!\d)", value)
    if m:
        return int(m[1]), int(m[1])
    if re.fullmatch(r"\d{3}", value):
        return int(value) * 10, int(value) * 10 + 9
    if value.startswith("XXXX") and doc is not None:
        lo, hi = doc.published, doc.published
        if not lo and doc.published_window:
            lo, hi = doc.published_window
        if lo and hi and lo[:4] == hi[:4] and lo[:4].isdigit():
            return int(lo[:4]), int(lo[:4])
    return None


def _years(
    claim: QuantityClaim, doc: Document | None, text: str, s: int, e: int, times: list[tuple[int, str]]
) -> tuple[int, int] | None:
    """The years of the counted event: the claim's own time; else a dated expression in its
    sentence; else one in the sentence just before it ("On 25 February 1992 ... massacred ...
    [new paragraph] During the two-hour offensive, 613 were killed")."""
    own = _year_span(claim.time, doc)
    if own or (claim.time and not claim.time.startswith("XXXX")):
        return own
    for lo, hi in ((s, e), _previous_sentence(text, s)):
        if times:
            spans = {y for pos, v in times if lo <= pos < hi and (y := _year_span(v, None))}
        else:  # no time claims at hand (a caller passing quantity claims only): dated phrases in the text
            spans = {(int(m[1]), int(m[1])) for m in DATED_YEAR.finditer(text, lo, hi)}
        if len(spans) == 1:
            return spans.pop()
        if spans:
            return None  # several years named: no single one is the claim's
    return None


def _previous_sentence(text: str, s: int) -> tuple[int, int]:
    j = s - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return sentence_bounds(text, j, j + 1) if j >= 0 else (0, 0)


def _number_end(span: str) -> int:
    """Where the number (and a % sign) ends inside the claim's evidence span."""
    m = re.search(
        r"\d[\d,.]*\s*(?:%|per ?cent)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million)\b(?:-day)?",
        span,
        re.I,
    )
    if not m:
        return 0
    return m.end()


def _lead(span_head: str) -> str:
    """Words of the evidence span that precede the number (e.g. "more than")."""
    m = re.search(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
        r"forty|fifty)\b",
        span_head,
        re.I,
    )
    return span_head[: m.start()] if m else ""


def facets(
    claims: list[Claim],
    documents: list[Document],
    entities: list[Entity],
    story_of: dict[str, str] | None = None,
    event_of: dict[str, str] | None = None,
    incident_of: dict[str, str] | None = None,
) -> list[Facet]:
    """Facets of every quantity claim (other kinds are ignored)."""
    by_id = {d.id: d for d in documents}
    mentions = MentionIndex(entities)
    story_of, event_of, incident_of = story_of or {}, event_of or {}, incident_of or {}
    # a copy without a date of its own is dated by the earliest dated copy of the same original
    first: dict[str, str] = {}
    for d in documents:
        if d.published:
            r = root_of(d.id, by_id)
            first[r] = min(first.get(r, d.published), d.published)
    times: dict[str, list[tuple[int, str]]] = {}
    for c in claims:
        if isinstance(c, TimeClaim) and c.value_iso and (c.timex_type or "DATE") == "DATE":
            times.setdefault(c.doc, []).append((c.start, c.value_iso))
    wires = {d.id: sources.wire_credit(d.text, d.outlet) for d in documents}
    harmed = incident_tally.by_report(claims, by_id)
    # without any time claim for a document, a claim's year is read from dated phrases in its text
    out = [
        facet(
            c,
            by_id.get(c.doc),
            by_id,
            mentions,
            story_of.get(c.doc),
            first,
            times.get(c.doc),
            event_of.get(c.doc),
            wires.get(c.doc),
            incident_of.get(c.doc),
            incident_tally.harm_of(c, harmed[c.doc][0]) if c.doc in harmed else None,
            harmed[c.doc][1] if c.doc in harmed else None,
        )  # fmt: skip
        for c in claims
        if isinstance(c, QuantityClaim)
    ]
    # a report whose toll is a running total ("31 since the war began") gives its incident's toll as another
    # scope ("9 in the strike on Saturday"): that one is its own toll too
    running = {
        f.claim.doc for f in out if f.toll and f.claim.doc in harmed and f.granularity in ("cumulative", "period")
    }
    return [replace(f, toll=True) if f.claim.doc in running and f.granularity == "incident" else f for f in out]
