"""The toll one report gives its incident: per measure (killed, injured), the figure and the claim behind it.

A report states its incident's toll first ("Four people were shot, one fatally"); later sentences name
some of the victims ("The man who died was 23"), or the toll of another event the report recalls. So
the figure of a measure is the report's first claim of it (a group without a number, "multiple people
were shot", is the exact count of the group that follows: "police said eight people were shot"; the
headline's claims, read by :mod:`..extract.headlines`, come first, but a larger death toll in the text
stands where it is an exact count: a headline names one of the dead), with these corrections:

* a shooter who killed himself is told apart from the victims ("shot his wife and then turned the gun
  on himself", "... before taking his own life"): he is added to the first toll that does not count him;
  so is the shooter of a murder-suicide the toll's sentence names beside one dead ("Toddler dead in
  apparent murder-suicide": two);
* under a headline that tells the wounded and no dead ("7 wounded in ... attack", "Girl, 2, shot in ..."), a
  death past the lead (its first ``LEAD_SENTENCES`` sentences) told in other words than a death as it
  happened ("the teen's slaying two years ago", "the killing of a man Wednesday"; not "was pronounced dead",
  "died at the hospital", "mortally wounding") is another event the report recalls;
* "no one else was hurt", "no other injuries" say that none were hurt *besides* those already told: they
  give 0 only when the report tells no one hurt;
* one person told dead and hurt is killed only: "a man was wounded. He later died", "A 3-year-old girl died
  ... The young girl had been hospitalized with injuries" (the dead named again), "... she was hurt" (a pronoun
  where no one else was told hurt before it);
* injured is also read from the first "shot" claim: those shot minus those killed ("Four people were
  shot, one fatally": 3 injured; all of them when told apart from the dead: "a second man was also
  shot"); the larger of that and the first injured claim, which often names only one of the wounded
  ("Four people were shot, one fatally. A 26-year-old was injured, as well as ..."); a count of people
  *besides* the dead ("a woman was killed and five others were shot", "one dead, six more wounded") is
  not less the dead;
* the headline repeated at the top of the text (as scrapers leave it) is read once, as the headline;
* wounded told only in a condition ("two people were hurt critically", "one sustained life-threatening
  injuries") are at least that many: the others may not be told; a whole group told after them stands;
* part of a group ("one of them", "two of those", "three of the victims") is never a toll while the report
  gives the group's: the first whole group stands, and a subset alone is only a lower bound of the
  injured ("three of the victims are hospitalized in serious condition": at least three).

A figure is ``(claim id, value, low, high)``: an exact value, or only a lower bound ("multiple people").
:func:`by_report` gives every report's toll; :func:`harm_of`, the casualty claim behind a number the
quantity extractor read, so the cross-source judgement weighs a count as its report's toll or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..extract.casualty_people import CONDITIONS
from ..extract.headlines import MURDER_SUICIDE
from ..extract.numbers import word_value
from ..records import CasualtyClaim, Claim, Document, QuantityClaim
from .sentences import PHRASE, sentence_bounds

Figure = tuple[str, float | None, float | None, float | None]

# the shooter among the dead ("killed his wife and then himself", "turned the gun on himself", "shot himself", "took
# his own life"; not "a woman who barricaded herself")
SELF = re.compile(r"\b(?:and|then|on|killed|killing|shot|shooting) (?:then )?(?:himself|herself)\b|\bown life\b", re.I)
# a toll that counts the attacker: "seven people dead including the suspected shooter", "3 dead, including the gunman"
WITH_ATTACKER = re.compile(
    r"[^.;]{0,60}?\bincluding the (?:suspected |alleged |accused )?(?:shooter|gunman|suspect|attacker|assailant)\b",
    re.I,
)
# how badly the people counted are hurt ("two were hurt critically", "one sustained life-threatening injuries",
# "three are in stable condition"): those in that condition, not always all the wounded
CONDITION = re.compile(
    r"\b(?:(?:critical|serious|grave|severe)(?:ly)?|stable|(?:non-?)?life-threatening|minor"
    rf"|(?:{'|'.join(CONDITIONS)})\s+condition)\b",
    re.I,
)
# where a count's own phrase ends: its clause, or the next count ("four were hurt and two critically")
_COUNT_END = re.compile(
    rf"{PHRASE}|\b(?:and|but|while|with)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|another)\b", re.I
)


def in_condition(text: str, start: int, end: int) -> bool:
    """The count at ``text[start:]`` says in its own phrase (up to ``end``, its sentence's end) how badly its
    people are hurt (:data:`CONDITION`)."""
    return bool(CONDITION.search(_COUNT_END.split(text[start:end], maxsplit=1)[0]))


# words that tell a death as it happened ("died", "found dead", "mortally wounding"), not as one recalled
DIED = re.compile(r"\b(?:died|dies|dead|mortally|fatally|succumbed|passed away|did not survive|didn't survive)\b", re.I)
LEAD_SENTENCES = 3  # the sentences of a report's lead
_ENDS = re.compile(r"[.!?][\"'”’]?\s+|\n\s*")  # a sentence's or a paragraph's end, however many blank lines
BESIDES = re.compile(r"\b(?:else|other|others|further|additional|more)\b", re.I)
END = re.compile(r"[.!?][\"'”’]?\s|\n")
ALSO = re.compile(r"\b(?:[Aa]lso|second|third)\b")  # not "Third Ward"
# a count of people besides those told ("five others", "at least six other people", "three more"; not "he
# and four others", a group that holds someone told)
OTHERS = re.compile(
    r"^\W*(?:(?:at least|more than|about|nearly|some)\s+)?(?!(?:the|a|an|his|her|their)\s)[\w,-]+\s+(?:others?|more)\b",
    re.I,
)  # not "the other boy": one person told
# part of a group: "one of them", "two of those", "three of the victims" (a subset, never the toll)
SUBSET = re.compile(r"^\W*(?:[\w-]+\s+){1,3}of\s+(?:them|those|these|the|their|whom)\b", re.I)
# a total over many incidents ("35 people have been shot across the city since Friday", "80 were killed in
# November alone", "four killed in separate shootings", "18 shot between Tuesday afternoon and early
# Wednesday"): no one incident's toll
_MANY = (
    r"\b(?:(?:across|throughout|around) (?:the )?(?:city|state|county|region|country|nation|[A-Z][a-z]+)\b"
    r"(?! (?:line|border))"
    r"|city-?wide"
    r"|\b(?:separate|unrelated|several|multiple|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?: separate| unrelated)?(?: [A-Z]\w+){0,2}(?: \w+)? (?:shootings|incidents|attacks|accidents)"
    r"|\bin (?!the |their |those |these )(?:\w+ )?(?:shootings|attacks)\b"  # "in attacks", "in weekend shootings"
    r"|\b(?:from|between) (?:early |late )?[A-Z][a-z]+day\b(?: \w+)? (?:to|and|through|until) "
    r"(?:early |late )?[A-Z][a-z]+day\b)"
)
_SO_FAR = r"\b(?:so far this|this year|in (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* alone)"
AGGREGATE = re.compile(f"{_MANY}|{_SO_FAR}")
# a report of many incidents: a total over them in its title or lead (a running total of the year, "the 10th
# homicide this year", is said in single-incident reports too)
ROUNDUP = re.compile(_MANY)


# a time the sentence gives: a month (with its day and year), a year, "last year", "last month"
_MONTHS = {m: k for k, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
WHEN = re.compile(
    r"\b(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b|\b(?:in|of|since) (?P<alone>(?:19|20)\d\d)\b"
    r"|\b(?P<last>[Ll]ast (?:year|month))\b"
)


def _elsewhen(c: CasualtyClaim, text: str, when: str | None) -> bool:
    """``c``'s sentence dates it two months or more from ``when`` (the report's day, YYYY-MM-DD): "a girl
    was shot and killed there in July", "In November 2013, one man died", "last month": the toll of an earlier
    event."""
    if not when:
        return False
    year, month = int(when[:4]), int(when[5:7])
    for m in WHEN.finditer(text, *sentence_bounds(text, c.start, c.end)):
        if m.group("month"):
            at = _MONTHS[m.group("month")[:3].lower()]
            years = [int(m.group("year"))] if m.group("year") else [year - 1, year, year + 1]
            if min(abs((y - year) * 12 + at - month) for y in years) >= 2:
                return True
        elif m.group("alone") and int(m.group("alone")) < year or m.group("last"):
            return True
    return False


def _recalled(c: CasualtyClaim, text: str) -> bool:
    """A death told past the lead in other words than a death as it happened (:data:`DIED`): under a headline
    that tells the wounded and no dead ("7 wounded in ... attack"), "the teen's death almost two years ago",
    "the slaying of a man Wednesday" deep in the text are other events the report recalls."""
    if len(_ENDS.findall(text, 0, c.start)) < LEAD_SENTENCES:
        return False
    return not DIED.search(text, *sentence_bounds(text, c.start, c.end))


def _n(c: CasualtyClaim) -> float:
    return c.value if c.value is not None else c.low or 0.0


def number(f: Figure) -> float:
    """A figure's number: its value, else its lower bound (0 without either)."""
    return f[1] if f[1] is not None else f[2] or 0.0


def _besides(c: CasualtyClaim) -> bool:
    """ "no one else was hurt", "no other injuries": none besides those told."""
    return c.value == 0 and bool(BESIDES.search(c.who or ""))


def _in_condition(c: CasualtyClaim, text: str) -> bool:
    """A count ("two were hurt critically", not "a man ... is in critical condition": the one victim told) of
    people in a condition (:func:`in_condition`)."""
    first = (c.who or "").split()[:1]
    counted = bool(first) and first[0].lower() not in ("a", "an") and word_value(first) is not None
    return counted and c.part != "title" and in_condition(text, c.start, sentence_bounds(text, c.start, c.end)[1])


def _subset(c: CasualtyClaim) -> bool:
    return bool(SUBSET.search(c.who or ""))


ROUNDUP_LEAD = 600  # characters of a report's text read, after its title, for a round-up


def roundup(title: str | None, text: str) -> bool:
    """The report rounds up many incidents ("18 shot in 48-hour span", "four killed in separate shootings"):
    :data:`ROUNDUP` in its title or lead. Its toll is one of them at best; where other reports of the
    incident give the measure, theirs stand (:func:`.incidents.figure`)."""
    return bool(ROUNDUP.search(f"{title or ''}\n{text[:ROUNDUP_LEAD]}"))


def _aggregate(c: CasualtyClaim, text: str) -> bool:
    """``c`` is said of a total over many incidents (:data:`AGGREGATE`, in its sentence)."""
    return bool(AGGREGATE.search(text, *sentence_bounds(text, c.start, c.end)))


def _first(claims: list[CasualtyClaim]) -> CasualtyClaim | None:
    """The first of ``claims`` that names a whole group rather than part of one ("two of the victims"), else
    the first; a group without a number ("multiple people were shot") is the first exact count of a whole
    group within its bounds that follows ("police said eight people were shot")."""
    first = next((c for c in claims if not _subset(c)), claims[0] if claims else None)
    if first is None or first.value is not None or first.low is None:
        return first
    return next((c for c in claims if c.value is not None and not _subset(c) and c.start > first.start
                 and first.low <= c.value <= (first.high or c.value)), first)  # fmt: skip


def _figure(c: CasualtyClaim, add: float = 0.0) -> Figure:
    if _subset(c) and c.measure != "killed":  # "two of the victims were hospitalized": at least two (but
        # "one of them died" is how many of the group died)
        return (c.id, None, _n(c) + add, None)
    if c.value is not None:
        return (c.id, c.value + add, None, None)
    return (c.id, None, (c.low or 0.0) + add, None)


def _killed(claims: list[CasualtyClaim], text: str) -> Figure | None:
    said = [c for c in claims if c.measure == "killed"]
    toll = _first([c for c in said if not _besides(c)])
    if toll is None:
        return _figure(said[0]) if said else None
    if SELF.search(toll.text) or _n(toll) == 0:
        return _figure(toll)
    suicide = any(  # in the toll's own sentence: "killed his wife and then himself", "dead in murder-suicide"
        (SELF.search(c.text) and _n(c) == 1 and c.start >= toll.end or MURDER_SUICIDE.search(c.text) and _n(toll) == 1)
        and not END.search(text[min(toll.end, c.end) : max(toll.start, c.start)])
        for c in said
        if c is not toll
    )
    return _figure(toll, 1.0 if suicide else 0.0)


# the report tells that the attacker died: "the suspected gunman was also killed", "the shooter, who was shot by
# police, died", "Suspected Gunman Killed" (a headline's passive); a suicide or a murder-suicide (SELF, MURDER_SUICIDE)
ATTACKER_DIED = re.compile(
    r"\b(?:gunman|gunmen|shooter|suspect|attacker|assailant)(?:,[^,.;]{0,80},)?\s+"
    r"(?:(?:was|were|is|has been|had been)\s+)?(?:(?:later|also|then|fatally)\s+)*"
    r"(?:shot (?:and killed|dead|to death)|killed|found dead|pronounced dead|died|dead)\b"
    r"(?!\s+(?:(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|several|\w+-year-old)\b|\d))",
    re.I,
)


def attacker_died(text: str, title: str = "") -> bool:
    """The report tells that the attacker died (:data:`ATTACKER_DIED`, :data:`SELF`, :data:`MURDER_SUICIDE`)."""
    said = f"{title}\n{text}"
    return bool(ATTACKER_DIED.search(said) or SELF.search(said) or MURDER_SUICIDE.search(said))


def with_attacker(killed: Figure, claims: Iterable[CasualtyClaim], text: str, title: str = "") -> bool:
    """The report's death toll ``killed`` (from ``claims``, of ``text`` and ``title``) counts the attacker: its
    claim says so ("seven people dead, including the suspected shooter", "killed his wife and then himself") or
    the shooter's suicide was added to it ("killed six people ... before taking his own life": seven)."""
    c = next((c for c in claims if c.id == killed[0]), None)
    if c is None:
        return False
    said = title if c.part == "title" else text
    return bool(SELF.search(c.text) or WITH_ATTACKER.search(c.text) or WITH_ATTACKER.match(said, c.end)) or (
        number(killed) > _n(c)
    )


def _died(
    c: CasualtyClaim, claims: list[CasualtyClaim], text: str, seen: dict[tuple[str, int], bool] | None = None
) -> bool:
    """The one person hurt in ``c`` died: "he was taken to a hospital with injuries, where he died", "A man was
    wounded. He later died" (a pronoun killed in its sentence or the next); or ``c`` names again one told dead
    before it ("A 3-year-old girl died ... The young girl had been hospitalized with injuries", "Demoraea Fennell
    was killed ... Fennell was in the hospital", "... she was hurt": a pronoun where no one before it was hurt).
    ``seen``: answers already given, per claim and list of claims read (a run of pronouns asks again of every one
    before it: without them, exponentially often)."""
    seen = {} if seen is None else seen
    if (key := (c.id, len(claims))) not in seen:
        seen[key] = _died_once(c, claims, text, seen)
    return seen[key]


def _died_once(c: CasualtyClaim, claims: list[CasualtyClaim], text: str, seen: dict[tuple[str, int], bool]) -> bool:
    if c.value != 1:
        return False
    for d in claims:
        if d.measure == "killed" and d.start > c.start and (d.who or "").lower() in ("he", "she"):
            return len(END.findall(text[c.end : d.start])) <= 1
    who = (c.who or "").lower().split()
    if not who or BESIDES.search(c.who or "") or ALSO.search(c.who or ""):
        return False
    before = [d for d in claims if d.start < c.start]
    dead = [d for d in before if d.measure == "killed" and d.value == 1]
    if who in (["he"], ["she"]):
        return bool(dead) and not any(
            d.measure in ("injured", "shot") and not _died(d, before, text, seen) for d in before
        )
    named = len(who) == 1 and (c.who or "")[:1].isupper()  # "Fennell was in the hospital": a surname told dead
    return (who[0] == "the" or named) and any((d.who or "").lower().split()[-1:] == who[-1:] for d in dead)


def _injured(claims: list[CasualtyClaim], killed: Figure | None, text: str) -> Figure | None:
    seen: dict[tuple[str, int], bool] = {}
    said = [c for c in claims if c.measure == "injured" and not _besides(c) and not _died(c, claims, text, seen)]
    hurt = _first([c for c in said if not _in_condition(c, text)])
    told = _figure(hurt) if hurt is not None else None
    if told is None and said:  # only those in a condition told ("two were critically injured"): at least they
        told = (said[0].id, None, _n(said[0]), None)
    shot = _first([c for c in claims if c.measure == "shot"])
    if shot is not None:  # those shot and not killed ("five others were shot": already besides the dead)
        apart = killed is None or ALSO.search(shot.text) or OTHERS.search(shot.who or "")
        dead = 0.0 if apart or killed is None else killed[1] if killed[1] is not None else killed[2]
        left = max(_n(shot) - (dead or 0.0), 0.0)
        exact = shot.value is not None and not _subset(shot)
        derived: Figure = (shot.id, left, None, None) if exact else (shot.id, None, left, None)
        if told is None or number(derived) > number(told):  # "Four were shot, one fatally. A 26-year-old was hurt, ..."
            return derived
    if told is not None:
        return told
    besides = next((c for c in claims if c.measure == "injured" and _besides(c)), None)
    return _figure(besides) if besides is not None else None


def tally(claims: list[CasualtyClaim], text: str, title: str = "", when: str | None = None) -> dict[str, Figure]:
    """The report's figure per measure, from its casualty claims in text order and the ``text`` they index
    (see the module docstring); claims of the ``title`` (``part="title"``) are read as its first sentence,
    but a larger exact death toll in the text stands (a headline names one of the dead). ``when``: the
    report's day, where a claim its sentence dates months away is another event's (a follow-up, which
    dates its event months back, passes none)."""
    heads = [c for c in claims if c.part == "title"]
    body = [c for c in claims if c.part != "title" and not _elsewhen(c, text, when)]
    if heads:  # the headline again at the top of the text (a scraper's): read once, as the headline
        body = [c for c in body if not _title_line(c, text, title)]
    if any(c.measure in ("injured", "shot") for c in heads) and not any(c.measure == "killed" for c in heads):
        body = [c for c in body if c.measure != "killed" or not _recalled(c, text)]
    if not heads:
        return _tally(body, text)
    shift = len(title) + 1
    whole = _tally([*heads, *(replace(c, start=c.start + shift, end=c.end + shift) for c in body)], f"{title}\n{text}")
    told = _killed(body, text)
    if told is not None and told[1] is not None and number(told) > number(whole.get("killed", ("", 0.0, None, None))):
        whole["killed"] = told
    return whole


def _title_line(c: CasualtyClaim, text: str, title: str) -> bool:
    """``c`` begins in a line of the text that is the title."""
    start, end = text.rfind("\n", 0, c.start) + 1, text.find("\n", c.start)
    return " ".join(text[start : end if end >= 0 else len(text)].split()) == " ".join(title.split())


def _tally(claims: list[CasualtyClaim], text: str) -> dict[str, Figure]:
    claims = [c for c in claims if not _aggregate(c, text)]
    out: dict[str, Figure] = {}
    if (killed := _killed(claims, text)) is not None:
        out["killed"] = killed
    if (injured := _injured(claims, killed, text)) is not None:
        out["injured"] = injured
    return out


def by_report(
    claims: Iterable[Claim], docs: Mapping[str, Document]
) -> dict[str, tuple[list[CasualtyClaim], tuple[Figure, ...]]]:
    """Per document of ``docs`` (id -> document) with casualty claims: those claims in text order, and its toll."""
    read: dict[str, list[CasualtyClaim]] = {}
    for c in sorted((c for c in claims if isinstance(c, CasualtyClaim) and c.doc in docs), key=lambda c: c.start):
        read.setdefault(c.doc, []).append(c)
    return {d: (cs, tuple(tally(cs, docs[d].text, docs[d].title or "").values())) for d, cs in read.items()}


def point(claim: QuantityClaim) -> float | None:
    """A quantity claim's number: its value, else its lower bound."""
    return claim.value if isinstance(claim.value, (int, float)) else claim.low


def harm_of(claim: QuantityClaim, casualties: Iterable[CasualtyClaim]) -> CasualtyClaim | None:
    """The casualty claim that counts the same people as the quantity ``claim``: its span holds the number
    and it gives the same value."""
    n = point(claim)
    if n is None:
        return None
    return next(
        (c for c in casualties if c.part is None and c.start <= claim.start < c.end and n in (c.value, c.low)),
        None,
    )
