"""Incidents: every real-world event in the pile coded once, as GVA and ACLED coders do by hand.

Per document (:func:`facts`): the place (:mod:`.incident_place`: a dateline's city, else the town the
document names most; the region: a state or province it names), the event day (:mod:`.incident_day`:
"early Monday" anchored on the publication date, a written-out day of a follow-up; else the
publication day), each with where the document says it, the type (the incident word it uses most:
"opened fire" is a shooting) and, per casualty
measure, the figure it reports (:mod:`.incident_tally`: its first casualty claim of that measure, a
shooter's suicide told apart added; injured, when only "shot" is said, those shot minus those killed).

Documents are grouped (:func:`group`) by a small learned model over pairs of documents that share a
rare name or are about one quiet city on one day (:mod:`.incident_links`): how much rare vocabulary
they share, how far apart their event days are, whether their places, regions or types differ.
A document that names no place can still join a report it shares specific names with; one that
shares nothing stays alone: never a guess.

Per incident (:func:`code`): the day most reports state (publication days count only where none states one)
and the place its reports vote for most strongly (each report's votes for its own place: a dateline outweighs
a passing mention; each report that names a town at all adds :data:`ALSO_NAMED` to it; a county only where no
report names a town; where none names a place, the town its outlets report from, :func:`outlet_towns`, a guess
with no evidence in the text), each with every agreeing report's evidence
(document and span); the region its reports naming that place give (else any of its reports gives); where none
names one, the state its outlets report from (:func:`outlet_homes`: "Columbus" in a Columbus, Ga. station's
report is in Georgia) where that state has a town of the place's name, else, where no report is about another
country, the state of the largest US town of that name (:func:`.incident_place.home_state`: "Houston" is in
Texas); in a pile much about other countries (:data:`WORLDLY`), neither where a larger city abroad has the
name ("Paris").
Per incident and measure (:func:`figure`), every report is kept with its claim, document, outlet
and publication date (a round-up of many incidents', "18 shot in a 48-hour span", is counted only where no
other report gives the measure, and shown marked where one does: its toll is one of them at best); the figure
Rashomon stands behind follows ``policy``
(``Options.incident_policy``):
``consensus`` (the default: the value the most independent sources give; of values given by equally
many, the largest, as tolls grow when victims die and counts are completed. One report's misreading
(a victim of another shooting it recalls, a wounded man counted as killed) is outvoted by the others;
where injured fell because the wounded died since, an ``update``, the latest report's figure; where the
injured of its reports conflict, the harmed, injured plus killed, that most reports give, less the
incident's killed; where reports that tell no death tell as many wounded as others tell dead, or fewer,
none: :func:`_with_the_dead`),
``highest`` (the largest figure a report states), ``latest`` (the value of the latest report; reports
of one day that disagree: the one more independent sources give) or ``conservative`` (the lowest
reported, as ACLED codes fatalities). Over the GVA dev split consensus is right more often than
highest for both killed and injured.
Status and consensus (a report of "at least" so many, "two in critical condition", weigh it as the exact count
it equals and not at all where it fits a larger one): ``agree`` (one value, two or more independent sources),
``single_source``, ``update`` (the value rose from earlier to later reports: a victim died, a count was
completed; injured falls where as many more are dead: "1 hurt" on Monday, "1 dead" on Friday),
``scope_difference`` (death tolls that differ only by the attacker some of them count: "seven dead, including
the suspected shooter", "killed six people before taking his own life", and "six killed"; each such report
marked ``Report.attacker``; or by one where a report tells that the attacker died and none says which count
holds him: "12 victims killed ... suspected gunman killed" and "13 dead"), ``conflict``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..errors import UsageError
from ..extract.gazetteer import larger_abroad, population
from ..records import (
    CasualtyClaim,
    Claim,
    Document,
    Entity,
    Evidence,
    Figure,
    Incident,
    Report,
    Status,
    TimeClaim,
    stable_id,  # fmt: skip
)
from . import incident_day, incident_links, incident_place, incident_tally
from .sources import outlet_of, root_of

STAGE = "incidents@67"
MEASURES = ("killed", "injured")
POLICIES = ("consensus", "highest", "latest", "conservative")
# the pair probability at which two documents are taken to report one event (see events): on the dev
# piles, 0.3 and 0.4 tie on GVA (figures tied across an incident's articles and their statuses, 300
# incidents); with the model of incidents@12, 0.3 links one more ECB+ fact (42/72 vs 41) and keeps every trap apart
EVENT_LINK = 0.3
TYPES = {
    "shooting": ("shooting", "shot", "shots", "gunfire", "gunshot", "gunman", "shooter"),
    "stabbing": ("stabbing", "stabbed"),
    "attack": ("attack", "attacked", "assault"),
    "explosion": ("explosion", "blast", "bombing", "bomb"),
    "earthquake": ("earthquake", "quake", "tremor"),
    "fire": ("fire", "blaze"),
    "crash": ("crash", "collision"),
}
_TYPE_OF = {w: t for t, ws in TYPES.items() for w in ws}
# a word, or gunfire in other words ("opened fire", "returned fire", "exchanged fire", "came under fire"); a
# cease-fire, a fire marshal or a fire extinguisher is no fire (matched whole, they name no type)
_WORD = re.compile(
    r"\b(?:open(?:ed|s|ing)?|return(?:ed|s|ing)?|exchang(?:ed|es|ing)|under) fire\b|cease-fire"
    r"|\bfire (?:marshals?|departments?|dept|chiefs?|stations?|extinguishers?|hydrants?|trucks?|engines?|alarms?|"
    r"escapes?|codes?|inspectors?)\b|[a-z]+"
)


# capitalised words ("St. Louis", "Winston-Salem"), no digits, brackets or web addresses
@dataclass
class Facts:
    """What one document says about the incident it reports."""

    doc: str
    root: str  # the original of a near-copy (copies are one source)
    outlet: str
    published: str | None
    place: str | None
    place_votes: int  # how strongly it says so (incident_place.Place.votes)
    places: frozenset[str]  # every city it names (folded): reports about nearby cities meet on a shared name
    region: str | None
    dated: incident_day.Day | None  # the day it gives for its event, and where
    named: tuple[Evidence, ...]  # where it names ``place``
    type: str | None
    persons: frozenset[str]  # entity ids of the people it names
    tokens: tuple[int, ...]  # its names and numbers, hashed (incident_links.tokens)
    follow_up: bool = False  # about an arrest, a trial, a funeral... (incident_links.follow_up)
    abroad: bool = False  # it names a country other than the United States (incident_place.Place.abroad)
    roundup: bool = False  # it rounds up many incidents (incident_tally.roundup)
    attacker: bool = False  # its death toll counts the attacker (incident_tally.with_attacker)
    attacker_died: bool = False  # it tells that the attacker died (incident_tally.attacker_died)
    reports: dict[str, tuple[str, float | None, float | None, float | None]] = field(default_factory=dict)

    @property
    def day(self) -> str | None:
        """The event day it gives (its publication day when it states none)."""
        return self.dated.day if self.dated else None


def _type(doc: Document) -> str | None:
    words = _WORD.findall(((doc.title or "") + " " + doc.text).lower())
    counts = Counter(t for w in words if (t := "shooting" if w.endswith(" fire") else _TYPE_OF.get(w)))
    return max(counts, key=lambda t: (counts[t], t)) if counts else None


def facts(claims: list[Claim], documents: list[Document], entities: list[Entity], batch: list[str]) -> list[Facts]:
    """The facts of the documents of ``batch`` (``documents`` may also hold other copies of their originals)."""
    by_id = {d.id: d for d in documents}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    ents_of: dict[str, list[Entity]] = defaultdict(list)  # (once per batch, not once per document)
    for e in entities:
        for d in dict.fromkeys(m.doc for m in e.mentions):
            ents_of[d].append(e)
    out = []
    for doc_id in batch:
        doc = by_id[doc_id]
        mine = ents_of.get(doc_id, [])
        place, places, region, named, votes, abroad = incident_place.read(doc, mine)
        cs = by_doc.get(doc_id, [])
        f = Facts(doc=doc_id, root=root_of(doc_id, by_id), outlet=outlet_of(doc), published=doc.published,
                  place=place, place_votes=votes, places=places, region=region, abroad=abroad, named=named,
                  dated=incident_day.read(doc, [c for c in cs if isinstance(c, TimeClaim)]),
                  type=_type(doc), persons=frozenset(e.id for e in mine if e.type == "PERSON"),
                  tokens=incident_links.tokens(f"{doc.title or ''}\n{doc.text}", place),
                  follow_up=incident_links.follow_up(doc.title, doc.text),
                  roundup=incident_tally.roundup(doc.title, doc.text),
                  attacker_died=incident_tally.attacker_died(doc.text, doc.title or ""))  # fmt: skip
        read = [c for c in cs if isinstance(c, CasualtyClaim)]
        f.reports.update(incident_tally.tally(read, doc.text, doc.title or "", None if f.follow_up else f.day))
        if (killed := f.reports.get("killed")) is not None:
            f.attacker = incident_tally.with_attacker(killed, read, doc.text, doc.title or "")
        out.append(f)
    return out


def group(all_facts: list[Facts], scored: list[tuple[int, int, float]] | None = None) -> list[list[Facts]]:
    """Documents of one incident (see the module docstring); ``scored``: the pairs'
    probabilities when already computed (:func:`.incident_links.scores`)."""
    uf = incident_links.link(all_facts, scored)
    groups: dict[int, list[Facts]] = defaultdict(list)
    for i, f in enumerate(all_facts):
        groups[uf.find(i)].append(f)
    return list(groups.values())


def figure(measure: str, members: list[Facts], policy: str = "consensus") -> Figure | None:
    """The incident's figure for ``measure`` from its documents' reports (None when none reports it); a
    round-up's (:func:`.incident_tally.roundup`) is counted only where no other report gives it, and shown
    (``Report.roundup``) where one does."""
    told = [f for f in members if f.reports.get(measure) is not None]
    aside = any(not f.roundup for f in told)  # round-ups set aside: another report gives the measure
    every = sorted(
        (
            Report(
                claim,
                f.doc,
                f.outlet,
                f.published,
                value,
                low,
                high,
                roundup=aside and f.roundup,
                attacker=measure == "killed" and f.attacker,
            )  # fmt: skip
            for f in told
            for claim, value, low, high in [f.reports[measure]]
        ),
        key=lambda r: (r.published or "", r.doc),
    )
    facts_of = {f.doc: f for f in told}
    reports = [(r, facts_of[r.doc].root, _dead(facts_of[r.doc])) for r in every if not r.roundup]
    if not reports:
        return None
    shown, sources = _by_value(reports)
    # "at least two" ("multiple people", "two in critical condition") fits an exact count no smaller: the status
    # weighs it as that count where a report gives it, and not at all where it fits another
    exact = {r.value for r, _, _ in reports if r.value is not None}
    kept = [k for k, (r, _, _) in enumerate(reports) if r.value is not None or r.low in exact or _above(r.low, exact)]
    status = _status([reports[k] for k in kept], measure, any(f.attacker_died for f in members))
    if policy == "conservative":
        pick = min(range(len(reports)), key=lambda k: (shown[k] or 0, k))
    elif policy == "highest":
        pick = max(range(len(reports)), key=lambda k: (shown[k] or 0, len(sources[shown[k]]), k))
    elif policy == "consensus" and status == "update" and (shown[kept[-1]] or 0) < max(shown[k] or 0 for k in kept):
        pick = kept[-1]  # the wounded who died since: the latest report's injured stand
    elif policy == "consensus":
        pick = max(kept, key=lambda k: (len(sources[shown[k]]), shown[k] or 0, reports[k][0].value is not None, k))
    else:
        last_day = reports[-1][0].published
        same_day = [k for k, (r, _, _) in enumerate(reports) if r.published == last_day]
        pick = max(same_day, key=lambda k: (len(sources[shown[k]]), k))
    r = reports[pick][0]
    return Figure(measure, r.value, r.low, r.high, status, tuple(every),
                  len({root for _, root, _ in reports}))  # fmt: skip


def _by_value(reports: list[tuple[Report, str, float]]) -> tuple[list[float | None], dict[float | None, set[str]]]:
    """Each report's number (its value, else its lower bound), and the originals that give each number."""
    shown = [r.value if r.value is not None else r.low for r, _, _ in reports]
    sources: dict[float | None, set[str]] = defaultdict(set)
    for (_, root, _), v in zip(reports, shown):
        sources[v].add(root)
    return shown, sources


def _above(low: float | None, exact: set[float]) -> bool:
    """At least ``low`` is more than every exact count in ``exact`` (none counts as below it)."""
    return (low or 0.0) > max(exact, default=-1.0)


def _status(reports: list[tuple[Report, str, float]], measure: str, attacker_died: bool = False) -> Status:
    """The status across ``reports`` (each with its original and the dead it tells), in publication order;
    ``attacker_died``: a report of the incident tells that the attacker died."""
    shown, sources = _by_value(reports)
    # the wounded who died since: fewer injured where as many more are dead ("2 hurt", then "1 hurt, 1 dead")
    harmed = [(v or 0) + dead for v, (_, _, dead) in zip(shown, reports)] if measure == "injured" else None
    dead = [d for _, _, d in reports]
    status: Status
    if len(sources) == 1:
        status = "agree" if len(next(iter(sources.values()))) > 1 else "single_source"
    elif all((a or 0) <= (b or 0) for a, b in zip(shown, shown[1:])) or (
        harmed and all(a <= b for a, b in zip(harmed, harmed[1:])) and all(a <= b for a, b in zip(dead, dead[1:]))
    ):
        status = "update"
    else:
        status = "conflict"
    with_attacker = {k for k, (r, _, _) in enumerate(reports) if r.attacker}
    if status in ("conflict", "update") and _victims_alike(shown, with_attacker):
        status = "scope_difference"  # "six killed" and "seven dead, including the shooter": the victims, and all
    tolls = sorted({v or 0 for v in shown})
    if status in ("conflict", "update") and measure == "killed" and attacker_died and tolls[-1] - tolls[0] == 1:
        status = "scope_difference"  # "12 victims killed ... suspected gunman killed" and "13 dead": one counts him
    return status


def _victims_alike(shown: list[float | None], with_attacker: set[int]) -> bool:
    """The death tolls ``shown`` differ only by the attacker: those that count him (``with_attacker``: their
    positions) give one toll, the others that toll less one or the same (a count that does not say it holds him).
    """
    victims = {(shown[k] or 0) - 1 for k in with_attacker}
    if len(victims) != 1:
        return False
    (v,) = victims
    return all((x or 0) in (v, v + 1) for k, x in enumerate(shown) if k not in with_attacker)


def _with_the_dead(injured: Figure, killed: Figure | None, members: list[Facts]) -> Figure:
    """Injured read with the dead: a victim one report counts as wounded and another as dead is one person.
    Where the injured of its reports conflict, the harmed (injured plus killed) that the most independent reports
    give (of equally many, the largest), less the incident's killed ("2 shot" on Monday, "1 dead, 1 hurt" on
    Tuesday: one injured). Where they do not, and no report that tells the wounded tells a death, wounded as many
    as the incident's dead or fewer are those dead, told before they died ("a girl was shot", "the girl died":
    none injured)."""
    if killed is None or killed.value is None:
        return injured
    if injured.status != "conflict":
        told = [f for f in members if f.reports.get("injured") is not None]
        least = injured.value if injured.value is not None else injured.low  # "one in critical condition": at least one
        if least is None or least > killed.value or any("killed" in f.reports for f in told):
            return injured
        return replace(injured, value=0.0, low=None, high=None)
    sources: dict[float, set[str]] = defaultdict(set)
    for f in members:
        if (hurt := f.reports.get("injured")) is not None:
            sources[incident_tally.number(hurt) + _dead(f)].add(f.root)
    left = max(sources, key=lambda v: (len(sources[v]), v)) - killed.value
    return replace(injured, value=left, low=None, high=None) if left >= 0 else injured


def _dead(f: Facts) -> float:
    """How many the report says were killed (0 when it says nothing of it)."""
    k = f.reports.get("killed")
    return 0.0 if k is None else incident_tally.number(k)


# votes a place gets from each report of the incident that names it, as its own place or not: on the GVA dev
# pile city 0.7991 -> 0.8041 (+11 -3), region 0.8863 -> 0.8850; 3 votes 0.8010, 12 votes 0.8035
ALSO_NAMED = 6
# a pile in which more than this share of the reports are about other countries (a world desk's, not a US
# crime desk's: 2 % of the GVA dev pile, a third of the ECB+ facts pile) puts no bare "Paris" in Texas
WORLDLY = 0.1
HOME_REPORTS, HOME_SHARE = 2, 0.6  # an outlet's home: the state of two of its reports or more, and of 60 %


def outlet_homes(all_facts: list[Facts]) -> dict[str, str]:
    """The state each local outlet reports from: the state its reports name, or where they place a town only
    one state has, when at least ``HOME_REPORTS`` of them and ``HOME_SHARE`` of those agree (a local
    station's reports; a national outlet's spread over many states and has none)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for f in all_facts:
        only = incident_place.states_of(f.place) if f.place and not f.region else ()
        if state := f.region or (only[0] if len(only) == 1 else None):
            seen[f.outlet][state] += 1
    return _homes(seen)


def outlet_towns(all_facts: list[Facts]) -> dict[str, str]:
    """The town each local outlet reports from, as :func:`outlet_homes` its state: the town (not a county) most
    of its reports are placed in (a Chicago paper's, whose "the city's South Side" names none)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for f in all_facts:
        if f.place and not incident_place.county(f.place):
            seen[f.outlet][f.place] += 1
    return _homes(seen)


def _homes(seen: dict[str, Counter[str]]) -> dict[str, str]:
    """Per outlet, the value at least ``HOME_REPORTS`` of its reports and ``HOME_SHARE`` of them give."""
    homes = {}
    for outlet, counts in seen.items():
        value, n = max(counts.items(), key=lambda t: (t[1], t[0]))
        if n >= HOME_REPORTS and n >= HOME_SHARE * sum(counts.values()):
            homes[outlet] = value
    return homes


def code(
    members: list[Facts],
    policy: str = "consensus",
    homes: dict[str, str] | None = None,
    worldly: bool = False,
    home_towns: dict[str, str] | None = None,
) -> Incident:
    """One incident from the facts of its documents (``homes``, ``home_towns``: :func:`outlet_homes` and
    :func:`outlet_towns` of the whole pile; ``worldly``: the pile reports much from abroad, :data:`WORLDLY`)."""
    docs = tuple(sorted(f.doc for f in members))

    def most(values: Iterable[str | None], size: Callable[[str], int] = lambda v: 0) -> str | None:
        """The value given most often; of values given as often, the largest by ``size``, then by name."""
        counts = Counter(v for v in values if v)
        return max(counts, key=lambda v: (counts[v], size(v), v)) if counts else None

    figures = tuple(fig for m in MEASURES if (fig := figure(m, members, policy)) is not None)
    if policy == "consensus":
        killed = next((f for f in figures if f.measure == "killed"), None)
        figures = tuple(_with_the_dead(f, killed, members) if f.measure == "injured" else f for f in figures)
    first = min((f.published for f in members if f.published), default=None)
    # the day of the reports that tell the event (a word of its type, a casualty), where some do: a page with
    # neither (an opinion piece that met the reports by their names) dates something else
    tellers = [f for f in members if f.type or f.reports] or members
    date, dated = incident_day.agreed([d for f in tellers if (d := f.dated)], first)
    votes: Counter[str] = Counter()
    for f in members:
        if f.place:
            votes[f.place] += f.place_votes
    for p in votes:  # each report that names the town, as its own place or in passing, backs it
        votes[p] += ALSO_NAMED * sum(p.casefold() in f.places for f in members)
    towns = [p for p in votes if not incident_place.county(p)]  # a county only where no report names a town
    place = max(towns or votes, key=lambda p: (votes[p], p)) if votes else None
    named = tuple(e for f in members if f.place == place for e in f.named) if place else ()
    if place is None:  # no report names a place: the town its outlets report from (no evidence in the text)
        place = most([(home_towns or {}).get(f.outlet) for f in members])
    # the region its reports naming that place give (as many for two: the state where the town is larger, Newark
    # in New Jersey before Ohio's), else any report gives; a US town's state when none names one
    naming = [f.region for f in members if place and place.casefold() in f.places]
    region = most(naming, lambda r: population(place or "", r)) or most([f.region for f in members])
    # a state guessed for a town no report gives one: not in a worldly pile where a larger city abroad has the
    # town's name ("Paris", "Athens": not Paris, Texas, or the Athens of a Michigan paper's home)
    guess = not (worldly and place and larger_abroad(place))
    if region is None and guess:
        have = incident_place.states_of(place)
        region = most([h for f in members if (h := (homes or {}).get(f.outlet)) and (not have or h in have)])
    if region is None and guess and not any(f.abroad for f in members):
        region = incident_place.home_state(place)
    return Incident(id=stable_id("i", *docs), documents=docs, type=most([f.type for f in members]),
                    date=date, place=place, region=region, figures=figures,
                    stage=STAGE, date_evidence=dated, place_evidence=named)  # fmt: skip


def incidents(
    all_facts: list[Facts], policy: str = "consensus", scored: list[tuple[int, int, float]] | None = None
) -> list[Incident]:
    """Every incident of the corpus, ordered by date, place and id."""
    if policy not in POLICIES:
        raise UsageError(f"unknown incident policy {policy!r}", hint=f"choose one of {', '.join(POLICIES)}")
    homes, home_towns = outlet_homes(all_facts), outlet_towns(all_facts)
    worldly = sum(f.abroad for f in all_facts) > WORLDLY * len(all_facts)
    out = [code(g, policy, homes, worldly, home_towns) for g in group(all_facts, scored)]
    return sorted(out, key=lambda i: (i.date or "9999", i.place or "", i.id))


def events(
    all_facts: list[Facts], scored: list[tuple[int, int, float]], threshold: float = EVENT_LINK
) -> dict[str, str]:
    """Document -> its event: the documents that probably report one real-world event, a looser
    grouping than the coded incidents (pairs scored at or above ``threshold``). Cross-source linking
    compares facts of one event only, and a report the incident coder kept apart for want of a
    date can still meet the other reports of its event here."""
    uf = incident_links.link(all_facts, scored, threshold)
    roots: dict[int, list[str]] = defaultdict(list)
    for i, f in enumerate(all_facts):
        roots[uf.find(i)].append(f.doc)
    return {d: stable_id("e", *sorted(docs)) for docs in roots.values() for d in docs}
