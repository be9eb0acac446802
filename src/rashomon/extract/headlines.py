"""Casualties in a headline: "8 shot, 1 in serious condition", "Teen shot, killed on South Side".

Headlines drop the words a parser leans on ("Man fatally shot by homeowner" for "A man was fatally shot
by a homeowner"), so the casualty reader of running text (:mod:`.casualties`) misses most of them; yet
where a scraped page holds only a paywall box, the headline is the report's only statement of its toll.
This reader knows headline grammar instead: a count or a person noun (:data:`.casualty_people.PEOPLE`),
optionally a list of them ("Father, daughter, 9,") and what they were doing ("playing with rifle"), then a
harm word within the clause:

* killed: dead, killed, slain, dies/died, found dead, shot dead, shot to death, fatally shot,
  "shot, killed", "shot and killed";
* injured: wounded, injured, hurt, hospitalized, recovering, recovers, "in critical condition"; "no one hurt",
  "no injuries": none;
* shot: shot (killed or not, as :mod:`.incident_tally` reads it), "hit by stray bullet", "grazed by bullet"
  ("fatally struck by bullet": killed), "Five are shot", "shoots himself",
  "shoots own leg", "Man cleaning gun shoots self", "Woman accidentally shoots friend" (the people shot:
  "fatally shoots 2 neighbors" are two killed; "Police kill gunman": one killed; a list, "kills woman, her son,
  himself": three), "shooting of 5";
  "double shooting": two shot, "triple homicide" and "double fatal shooting": that many killed.
* the dead of a headline about what came after: "charged in shooting death of teen", "arrested in
  fatal shooting of 2 men", "charged with killing four family members" (not "murder suspect"); that
  someone died, at least one: "fatal shooting", "deadly gunfire", "a deadly bar shooting", "accidental
  shooting death", "charged with murder", "homicide" (not "homicide
  detectives"), a murder-suicide (two), "in his brother's death" (one).

A person noun is one person ("Father of 5 killed": one father); a plural one ("Men shot") at least two; a
count its number ("One of two men shot late Monday dies": one killed, two shot); a list the sum
of its items ("3 women, 1 man shot": four; "Fifteen people, including children": fifteen); an ordinal
("Third victim dies") at least that many; an age ("2-year-old") one person. The harm's cause may come
first: "Gunfire wounds several" (two or more), "Shooting kills 2", "shooting rampage injures three", "shooting that
killed two"; or comes after, in a participle: "Suspect opens fire, killing father and wounding 3 others". A subject
told far from its death is killed: "Boy who was shot in the face has died" ("Man shot by officer dies": one dead,
not one shot); "shoots, kills" and "kills herself" kill. Not read: a
round-up of several events ("7 wounded in weekend shootings", "Chicago violence") and a headline about
something other than the harm ("Man charged in robbery": a harm word must follow its people in one clause).
Each reading is a :class:`~rashomon.records.CasualtyClaim` with ``part="title"``: its span indexes the
document's title.
"""

from __future__ import annotations

import re

from ..records import CasualtyClaim, Document, claim_id
from .casualty_people import CONDITIONS, MULTIPLE, ORDINALS, PEOPLE
from .numbers import word_value

# the site's part of a scraped title: "Teen shot in Earle - KAIT Jonesboro", "... | WBTV Charlotte"
_SITE = re.compile(r"\s+(?:[|–—-]|::)\s+")
ROUND_UP = re.compile(
    r"(?i)\b(?:shootings|weekend|violence|homicides|this year|so far|across|citywide|overnight|separate)\b"
)
_NUM = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen|eighteen|nineteen|twenty|a dozen|dozens")  # fmt: skip
_PERSON = "|".join(sorted(PEOPLE | {p + "s" for p in PEOPLE} | {"men", "women", "children", "teens"}, key=len))
_PERSON = rf"{_PERSON}|\d{{1,3}}-year-olds?|another"  # "Killeen 2-year-old in critical condition", "another hurt"
_AGE = r"(?:,\s*\d{1,3},?)?"  # "Father, daughter, 9, found dead"
_MOD = r"(?:(?!(?:of|in|at|on|by|for|after|to|with|from)\s)[a-z'-]+\s+){0,2}?"  # "17-year-old", "off-duty"
_NTH = "|".join(ORDINALS)  # "Third victim dies": at least three
_PARENT = rf"(?:father|mother|dad|mom|parent)\s+of\s+(?:{_NUM})(?=\s)"  # "Father of 5 killed": one father
_WHO = rf"(?:(?P<n>{_NUM})\s+|(?P<nth>{_NTH})\s+)?{_MOD}(?P<p>{_PARENT}|{_PERSON}){_AGE}"
_LIST = rf"{_WHO}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:(?:{_NUM})\s+)?{_MOD}(?:{_PARENT}|{_PERSON}){_AGE})*"
_ADV = (r"(?:(?:is|was|are|were|been|being|found|reported|reportedly|allegedly|apparently|mistakenly|accidentally|"
        r"critically|seriously)\s+)*")  # fmt: skip
_GUNFIRE = r"(?:an?\s+)?(?:stray\s+)?(?:bullets?|gunfire|gunshots?|shotgun(?:\s+pellets)?|pellets)"
KILLED = (r"shot(?:\s+(?:dead|to\s+death|and\s+killed)|\s*,\s*killed)|(?:fatally|mortally)\s+(?:shot|wounded|injured)|"
          rf"(?:fatally|mortally)\s+struck\s+by\s+{_GUNFIRE}|dead|killed|slain|dies|died")  # fmt: skip
# hit by gunfire, killed or not: "boy hit by stray bullet", "Toddler grazed by bullet", "Teen struck by shotgun pellets"
STRUCK = rf"(?:hit|struck|grazed)\s+by\s+{_GUNFIRE}"
INJURED = (r"wounded|injured|hurt|hospitalized|hospitalised|recovering|recovers|"
           rf"in\s+(?:{'|'.join(CONDITIONS)})(?:\s+but\s+stable)?\s+condition")  # fmt: skip
_DOING = (
    r"(?:[a-z]+ing(?:\s+(?!(?:is|was|are|were)\b)[a-z]+){0,3}?\s+)?"  # "7-year-old playing with rifle shot and killed"
)
HARM = re.compile(rf"(?i)(?<![\w-])(?P<who>{_LIST})\s*,?\s+{_DOING}{_ADV}(?P<verb>{KILLED}|{INJURED}|{STRUCK}|shot)\b")
# "3 dead, 2 hurt", "Two men shot, one fatally"
COUNT = re.compile(rf"(?i)(?<![\w-])(?P<n>{_NUM})\s+{_ADV}(?P<verb>{KILLED}|{INJURED}|shot|fatally)\b")
# "Woman accidentally shoots friend", "Man fatally shoots 2 neighbors", "Police kill gunman": the people
# someone shot (killed)
SHOOTS = re.compile(
    rf"(?i)(?<![\w-])(?:{_WHO}|police|officers?|deputies|troopers?)\s+"
    rf"(?:(?P<how>accident(?:al)?ly|fatally|mortally)\s+)?(?P<verb>shoots(?:\s*,\s*|\s+and\s+)kills|shoots|kills?)\s+"
    rf"(?:(?:his|her|their|an?)\s+)?(?:(?P<n2>{_NUM})\s+)?{_MOD}(?P<p2>{_PERSON})\b"
)
# "Shooting death of teen", "charged with killing uncle", "fatal shooting of 2 men": the dead
DEATH_OF = re.compile(
    rf"(?i)(?:\b(?:(?:shooting\s+)?death|(?:fatal\s+)?shooting\s+death|fatal\s+shooting|slaying|murder|killing)s?\s+of"
    rf"|\b(?:with|of|for|after|in)\s+killing)\s+(?:(?:his|her|their|an?|the)\s+)?"
    rf"(?:(?P<n>{_NUM})\s+(?!years?[\s-]+old))?{_MOD}(?P<p>{_PERSON})\b"
)
_MURDER_SUICIDE = r"murder[\s-]+suicide"
MURDER_SUICIDE = re.compile(rf"(?i)\b{_MURDER_SUICIDE}\b")  # two dead: the victim and the shooter
# "Gunman says fatal shooting was self-defense", "Deadly gunfire followed argument", "Teen charged with murder
# in store shooting", "charged in his brother's death": someone was killed (one where a person's death is
# named; a murder-suicide, two)
FATAL = re.compile(
    r"(?i)(?<![\w-])(?:(?:(?:fatal(?:ly)?|deadly)\s+(?:(?:double|triple)\s+)?(?:[a-z]+\s+){0,2}?"  # "deadly bar ..."
    r"(?:shooting|stabbing|gunfire|shootout)(?!\s+(?:deaths?\s+)?of\b)"
    r"|(?:accidental\s+|fatal\s+)?shooting\s+death(?!s|\s+(?:of|penalty)\b)"  # "led to accidental shooting death"
    r"|(?<!attempted\s)(?:charged\s+with|charges\s+of|guilty\s+of)\s+(?:(?:first|second|third|1st|2nd|3rd)[\s-]degree\s+)?"
    r"murder|homicide(?!\s+(?:detectives?|units?|investigators?|squad|division|bureau|sergeant|rates?|counts?)))"
    rf"|(?P<two>{_MURDER_SUICIDE})"
    r"|(?P<whose>\w+)['’]s\s+(?:shooting\s+)?death(?!\s+(?:penalty|toll|row|sentence|rate|certificate)))\b"
)
# "One of two men shot late Monday dies": that many of them killed
ONE_OF_DIES = re.compile(rf"(?i)(?<![\w-])(?P<n>{_NUM}) of (?:the )?[^,;:|]*?\b(?:dies|died|has died)\b")
# "Shooting of 5": five shot
SHOOTING_OF = re.compile(rf"(?i)\bshooting\s+of\s+(?P<n>{_NUM})(?![\w-])")
# "Boy, 3, accidentally shoots himself": one shot (the text may tell whether he died)
SELF = re.compile(
    rf"(?i)(?<![\w-]){_WHO}(?:\s+[a-z]+){{0,3}}?"  # "Man cleaning gun shoots self"
    rf"\s+(?:(?P<how>accident(?:al)?ly|fatally|mortally)\s+)?(?:(?:shoots?|shot)(?:\s*,\s*|\s+and\s+))?"
    rf"(?P<verb>shoots?|shot|kills?)\s+"
    r"(?:(?:him|her)?self|(?:(?:his|her)\s+)?own)\b"
)
# "Double shooting in Memphis": two shot; "triple homicide": three killed
MANY = re.compile(
    rf"(?i)\b(?P<n>{'|'.join(MULTIPLE)})[\s-]+(?P<fatal>fatal[\s-]+)?(?P<harm>shooting|homicide|murder|stabbing)\b"
)
# "Gunfire wounds several", "Shooting kills 2": the harm's cause first; the past after a relative pronoun or
# another harm, "shooting that killed two", "gunman who killed 3, wounded 2" ("Shooting injured man dies": not read)
_PAST = r"(?:(?<=that\s)|(?<=which\s)|(?<=who\s)|(?<=and\s)|(?<=,\s))(?:killed|wounded|injured|hurt)"
_HIT = (  # "... kills 2", "... wounds several", "... wounds 5-year-old girl"
    rf"(?:(?:that|which|who)\s+)?(?P<verb>kills|wounds|injures|hurts|{_PAST})\s+(?:(?P<n>{_NUM})(?![\w-])|"
    rf"(?P<some>several|multiple)\b|"
    rf"(?:an?\s+)?{_MOD}(?P<p>{_PERSON})\b)"
)
CAUSE = re.compile(
    rf"(?i)\b(?:gunfire|shooting(?:\s+(?:rampage|spree))?|gunman|gunmen|shots|(?:stray\s+)?bullets?)\s+{_HIT}"
)
AND_HIT = re.compile(rf"(?i)\s*(?:,\s*|\s+and\s+)+{_HIT}")  # "Shooting kills 2, wounds 3"
# "Boy who was shot in the face has died", "Victim in apartment shooting dies": the headline's subject, told far
# from its verb
DIES = re.compile(
    rf"(?i)^(?:[^:]{{0,30}}:\s*)?(?:\(\w+\)\s*)?(?:(?P<n>{_NUM})\s+)?{_MOD}(?P<p>{_PERSON})\b[^,;:|]*?"
    r"\b(?:dies|died|has died|succumbs)\b"
)
# "Suspect opens fire, killing father and wounding 3 others": the people a participle after the event harmed
KILLING = re.compile(
    rf"(?i)(?:,\s*|\s+and\s+)(?P<verb>killing|wounding|injuring)\s+(?:(?:his|her|their|an?|the)\s+)?"
    rf"(?:(?P<n>{_NUM})\s+(?!years?[\s-]+old))?{_MOD}(?P<p>{_PERSON})\b"
)
NONE_HURT = re.compile(r"(?i)\bno(?:\s+one|body)?\s+(?:else\s+)?(?:(?:was|were|is)\s+)?(?:hurt|injured|injuries)\b")


def _measure(verb: str) -> str:
    v = verb.lower()
    if v == "fatally" or re.fullmatch(KILLED, v, re.I):
        return "killed"
    return "shot" if v == "shot" or re.fullmatch(STRUCK, v, re.I) else "injured"


def _plural(who: str) -> bool:
    """ "Men", "teens": two or more people."""
    p = who.split()[-1].lower() if who.split() else ""
    return p in ("men", "women", "people", "children", "gunmen") or p.endswith("s") and p[:-1] in PEOPLE


def _number(n: str | None) -> float | None:
    if not n:
        return None
    if n.isdigit():
        return float(n)
    return {"a dozen": 12.0, "dozens": None}.get(n.lower(), word_value(n.lower().split()))


_COUNT_BEFORE = re.compile(rf"(?i)(?:^|\s)({_NUM}),\s*$")  # "5, " before "Including Teenager, Shot"


def _how_many(n: str | None, person: str) -> tuple[float | None, float | None]:
    """(value, low) of people named by a count ``n`` and a person noun: the count, else two or more of a plural
    noun, else one."""
    count = _number(n)
    return (count, None) if count is not None else (None, 2.0) if _plural(person) else (1.0, None)


def _people(m: re.Match[str], head: str, n: str, p: str) -> tuple[float | None, float | None, str]:
    """(value, low, who) of the people a match names in its groups ``n`` (a count) and ``p`` (a person noun)
    (:func:`_how_many`)."""
    return *_how_many(m.group(n), m.group(p)), head[m.start(n if m.group(n) else p) : m.end()]


# the next person of a list after a shooting's or a killing's object: "kills woman, her son, himself", "killing
# wife and four daughters", "after killing officer, 3 others"
_HARM_VERB = r"(?:shoots?|shot|kills?|killed|killing|wounds?|wounded|wounding|injures?|injured|injuring|hurts?|then)\s"
_AND_MORE = re.compile(
    rf"(?i)(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their|an?|the)\s+)?(?:(?P<n>{_NUM})\s+)?(?!{_HARM_VERB}){_MOD}"
    rf"(?P<p>{_PERSON}|himself|herself){_AGE}\b"
)


def _with_the_rest(
    m: re.Match[str], head: str, value: float | None, low: float | None, who: str
) -> tuple[int, float | None, float | None, str]:
    """(end, value, low, who) of the people a shooting or a killing names (``m``: its match, read by
    :func:`_people`) with the rest of their list: each item its count, else one person, or two or more of a plural."""
    end, least, exact = m.end(), value if value is not None else low or 0.0, value is not None
    while more := _AND_MORE.match(head, end):
        v, lo = _how_many(more.group("n"), more.group("p"))
        least += v if v is not None else lo or 0.0
        exact = exact and v is not None
        end = more.end()
    who += head[m.end() : end]
    return (end, least, None, who) if exact else (end, None, least, who)


def _under(m: re.Match[str], found: dict[tuple[int, int], tuple]) -> list[tuple[int, int]]:
    """The spans of ``found`` that the match overlaps (readings it repeats or is part of)."""
    return [k for k in found if k[0] < m.end() and m.start() < k[1]]


def headline(title: str) -> str:
    """The headline of a scraped title: the part before the site's name."""
    return _SITE.split(title, maxsplit=1)[0]


def extract(document: Document, stage: str) -> list[CasualtyClaim]:
    """The casualty claims of ``document``'s title (see the module docstring), read by ``stage``."""
    title = document.title or ""
    head = headline(title)
    if not head or ROUND_UP.search(head):
        return []
    found: dict[tuple[int, int], tuple[str, float | None, float | None, str]] = {}
    for m in HARM.finditer(head):
        ages_out = re.sub(r",\s*\d{1,3}(?=\s*(?:,|$))", "", m.group("who")).rstrip(", ")  # "daughter, 9,"
        people = [
            x for x in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", ages_out) if not x.lower().startswith("including")
        ]  # "Fifteen people, including children": fifteen
        n = _number(m.group("n"))
        plural = _plural(m.group("p"))
        if not people:  # "5, Including Teenager, Shot": the count is before the group it includes
            if (before := _COUNT_BEFORE.search(head, 0, m.start())) and (count := _number(before.group(1))):
                found[(before.start(), m.end())] = (
                    _measure(m.group("verb")),
                    count,
                    None,
                    head[before.start() : m.end()],
                )
            continue
        if m.group("nth") and len(people) == 1:
            value, low = None, ORDINALS[m.group("nth").lower()]
        elif n is not None and len(people) == 1:
            value, low = n, None
        elif m.group("n") and n is None:  # "dozens"
            value, low = None, 24.0
        elif len(people) == 1 and plural:
            value, low = None, 2.0
        else:  # a list: each item its count ("3 women, 1 man shot": four), else one person, or two or more
            counts = [_number(c[1]) if (c := re.match(rf"(?i)({_NUM})\s", x.strip())) else None if _plural(x)
                      else 1.0 for x in people]  # fmt: skip
            least = sum(c or 2.0 for c in counts)
            value, low = (least, None) if None not in counts else (None, least)
        found[m.span()] = (_measure(m.group("verb")), value, low, m.group("who"))
    for m in COUNT.finditer(head):
        if not any(a <= m.start() < b for a, b in found):
            found[m.span()] = (_measure(m.group("verb")), _number(m.group("n")), None, m.group("n"))
    for m in SELF.finditer(head):
        fatal = (m.group("how") or "").lower() in ("fatally", "mortally") or m.group("verb").lower().startswith("kill")
        for span in _under(m, found):
            del found[span]  # "son, 3, shot" read above is this reading's part
        found[m.span()] = ("killed" if fatal else "shot", _number(m.group("n")) or 1.0, None, m.group("p"))
    for m in SHOOTS.finditer(head):
        if _under(m, found):
            continue  # read above ("shoots himself")
        fatal = (m.group("how") or "").lower() in ("fatally", "mortally") or "kill" in m.group("verb").lower()
        end, value, low, who = _with_the_rest(m, head, *_people(m, head, "n2", "p2"))
        found[(m.start(), end)] = ("killed" if fatal else "shot", value, low, who)
    for m in DEATH_OF.finditer(head):
        if not _under(m, found):
            end, value, low, who = _with_the_rest(m, head, *_people(m, head, "n", "p"))
            found[(m.start(), end)] = ("killed", value, low, who)
    for m in ONE_OF_DIES.finditer(head):
        found[m.span()] = ("killed", _number(m.group("n")), None, m.group(0))
    for m in SHOOTING_OF.finditer(head):
        found[m.span()] = ("shot", _number(m.group("n")), None, m.group("n"))
    for m in MANY.finditer(head):
        harm = m.group("harm").lower()
        measure = "killed" if m.group("fatal") else {"shooting": "shot", "stabbing": "injured"}.get(harm, "killed")
        found[m.span()] = (measure, MULTIPLE[m.group("n").lower()], None, m.group(0))
    for cause in CAUSE.finditer(head):
        hit: re.Match[str] | None = cause
        while hit:
            plural = bool(hit.group("some")) or bool(hit.group("p")) and _plural(hit.group("p"))
            value, low = (_number(hit.group("n")), None) if hit.group("n") else (None, 2.0) if plural else (1.0, None)
            a, b = hit.start() if hit is cause else hit.start("verb"), hit.end()
            killed = hit.group("verb").lower() in ("kills", "killed")
            found[(a, b)] = ("killed" if killed else "injured", value, low, head[a:b])
            hit = AND_HIT.match(head, b)
    dies = DIES.search(head)
    if dies and all(found[span][0] != "killed" for span in _under(dies, found)):
        for span in _under(dies, found):
            del found[span]  # "Man shot by officer dies": one dead, not one shot
        found[dies.span()] = ("killed", *_people(dies, head, "n", "p"))
    for m in KILLING.finditer(head):
        if not _under(m, found):
            end, value, low, who = _with_the_rest(m, head, *_people(m, head, "n", "p"))
            measure = "killed" if m.group("verb").lower() == "killing" else "injured"
            found[(m.start("verb"), end)] = (measure, value, low, who)
    for m in FATAL.finditer(head):
        if not _under(m, found):
            value, low = (1.0, None) if m.group("whose") else (None, 2.0 if m.group("two") else 1.0)
            found[m.span()] = ("killed", value, low, m.group(0))
    for m in NONE_HURT.finditer(head):
        found[m.span()] = ("injured", 0.0, None, m.group(0))
    return [
        CasualtyClaim(id=claim_id(document.id, "casualty-title", a, b), doc=document.id, start=a, end=b,
                      text=title[a:b], stage=stage, measure=measure, value=value, low=low, who=who, part="title")
        for (a, b), (measure, value, low, who) in sorted(found.items())
    ]  # fmt: skip
