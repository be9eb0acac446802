"""The work of one partition of a corpus pass (:mod:`rashomon.crosscheck.passes` loads a part of
the corpus, maps one of these over it, stages the result, and lets it go; the Ray engine runs
them as tasks).

Each partition is cut along a key the stage itself blocks on, so running the stage on the
parts gives what it gives on the whole corpus:

* quantities: facets per batch of documents, then verdicts per linking block
  ``(predicate class, thing class)`` (:func:`rashomon.crosscheck.clusters.blocks`);
* dates: per event key ("siege/begin"; :func:`date_groups` mirrors the grouping of
  :func:`rashomon.crosscheck.event_dates.date_findings`, which compares dates within a story, a
  document alone in its story with every story, never across event keys);
* quotes: per blocking component (:func:`rashomon.crosscheck.quotes.components`: quotes in
  different components are never compared);
* timeline: per month-day of the date (the only thing :func:`rashomon.crosscheck.timeline.build`
  relates across dates is an event's month-day, for a date without a year);
* framing: per batch of documents.

Every function here is a plain top-level function of picklable arguments.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Claim, Document, Entity, Finding, FramingHit, QuoteClaim, TimelineEntry
from . import clusters, days, event_dates, framing, incidents, link, moments, quotes, statements, timeline, verdict


def facet_blocks(
    claims: list[Claim],
    documents: list[Document],
    entities: list[Entity],
    story_of: dict[str, str],
    event_of: dict[str, str] | None = None,
    incident_of: dict[str, str] | None = None,
) -> dict[tuple[str, str], list[link.Facet]]:
    """The quantity facets of one batch of documents (``claims``: all their claims), by linking block."""
    return clusters.blocks(link.facets(claims, documents, entities, story_of, event_of, incident_of))


def quantity_findings(facets: list[link.Facet]) -> list[Finding]:
    """Findings of one or more whole linking blocks."""
    return verdict.quantity_findings(facets)


def date_groups(
    claims: list[Claim], documents: list[Document], story_of: dict[str, str], event_of: dict[str, str] | None = None
) -> list[tuple[str, str, str | None, str]]:
    """(claim id, document, story, event key) of the date claims that :func:`event_dates.date_findings` groups,
    and of the times of day :func:`moments.findings` compares."""
    by_id = {d.id: d for d in documents}
    dates = [(c.id, c.doc, story_of.get(c.doc), key) for c, _, key in event_dates.dated_events(claims, by_id)]
    skip = {c for c, *_ in dates}
    found = moments.keys(claims, documents, event_of or {}) + days.keys(claims, documents, event_of or {}, skip)
    return dates + [(c, d, None, key) for c, d, key in found]


def date_findings(
    claims: list[Claim],
    documents: list[Document],
    story_of: dict[str, str],
    event_of: dict[str, str] | None = None,
    incident_of: dict[str, str] | None = None,
    zones: dict[str, str] | None = None,
) -> list[Finding]:
    by_id = {d.id: d for d in documents}
    skip = {c.id for c, *_ in event_dates.dated_events(claims, by_id)}  # compared by event_dates.date_findings
    found = moments.findings(claims, documents, event_of or {}, incident_of or {}, zones)
    found += days.findings(claims, documents, event_of or {}, skip)
    return event_dates.date_findings(claims, documents, story_of) + found


def quote_shingles(quotes_: Sequence[QuoteClaim], documents: list[Document]) -> list[set[int]]:
    """Per quote, the shingles :func:`quotes.link` blocks it on."""
    docs = {d.id: d for d in documents}
    return [quotes.shingles(quotes._words(quotes._content(q, docs))) for q in quotes_]


def quote_findings(
    components: list[list[QuoteClaim]],
    documents: list[Document],
    entities: list[Entity],
    common: set[int],
    incident_of: dict[str, str] | None = None,
) -> list[Finding]:
    """Quote findings of several blocking components (``common``: the shingles too common to block on;
    ``incident_of``: each document's coded incident)."""
    return [f for comp in components for f in quotes.link_component(comp, documents, entities, common, incident_of)]


def framing_hits(documents: list[Document], terms: tuple[framing.Term, ...]) -> list[FramingHit]:
    return framing.find(documents, terms)


def timeline_entries(claims: list[Claim], documents: list[Document]) -> list[tuple[TimelineEntry, list[int]]]:
    """Timeline entries of one or more month-day partitions, with their global sort key
    (:func:`timeline.sort_key` as a list of integers: the day's ordinal first)."""
    out = []
    for e in timeline.build(claims, documents):
        key = timeline.sort_key(e.date)
        out.append((e, [key[0].toordinal(), *key[1:]]))
    return out


def scan(
    claims: list[Claim],
    documents: list[Document],
    batch: list[str],
    entities: list[Entity],
    story_of: dict[str, str],
    terms: tuple[framing.Term, ...],
    event_of: dict[str, str] | None = None,
    incident_of: dict[str, str] | None = None,
) -> tuple:
    """One pass over a batch of documents (``batch``; ``documents`` also holds the other copies of
    their originals): (quantity facets by block, date groups, quote shingles, framing hits, statement
    weights, and the bag items of the statements of documents alone in their story)."""
    ids = set(batch)
    blocks = facet_blocks(claims, documents, entities, story_of, event_of, incident_of)  # facets read the dates
    dates = date_groups(claims, documents, story_of, event_of)
    qs = [c for c in claims if isinstance(c, QuoteClaim)]
    own = [d for d in documents if d.id in ids]
    weights = statements.Weights.of(own, entities)
    alone = {d.id for d in own if d.id not in story_of}
    keys = [
        (st.id, st.doc, k)
        for st in statements.statements([c for c in claims if c.doc in alone], documents, entities, story_of)
        for k in st.bag
    ]
    return (
        blocks,
        dates,
        [(q.id, sh) for q, sh in zip(qs, quote_shingles(qs, documents))],
        framing_hits(own, terms),
        (weights.n, weights.df),
        keys,
    )


def statement_findings(
    claims: list[Claim],
    documents: list[Document],
    entities: list[Entity],
    story_of: dict[str, str],
    weights: tuple[int, dict[str, int]],
    linked: list[tuple[str, ...]],
    blocked: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Statement findings of whole stories and whole groups of documents alone in their story
    (``weights``: (sentences, document frequencies) of the corpus; ``linked``: the claims of the
    findings already made that hold claims here; ``blocked``: see ``statements.link``)."""
    return statements.link(
        claims, documents, entities, story_of, weights=statements.Weights(*weights), linked=linked, blocked=blocked
    )


def incident_facts(
    claims: list[Claim], documents: list[Document], entities: list[Entity], batch: list[str]
) -> list[incidents.Facts]:
    """What each document of a batch says about its incident (``documents`` also holds other copies)."""
    return incidents.facts(claims, documents, entities, batch)
