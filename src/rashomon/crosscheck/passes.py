"""The corpus passes, in order: the one list every engine walks.

Each :class:`Pass` declares its name and version, the key one of its partitions holds whole,
what it reads (store tables, and fields of :class:`~rashomon.crosscheck.build.CorpusState` as
``state.field``) and what it writes. :func:`run` walks :data:`PASSES` on a
:class:`~rashomon.crosscheck.build.Build`; the engines differ only in the build's mapper (this
process, ``--workers`` processes, Ray tasks) and the reference computation only in its limits
(:data:`~rashomon.crosscheck.build.WHOLE`: the whole corpus as one part).

A new pass: write its step here (load the parts, ``build.map`` a top-level function of
:mod:`rashomon.crosscheck.partition` over them, stage the results), declare it in ``PASSES`` after
the passes whose output it reads, and bump its version whenever its output changes.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice, repeat

from ..extract import entities as entities_mod, quotes as quotes_mod
from ..extract.gazetteer import time_zone
from ..records import Finding, Mention, QuoteClaim
from ..store.scratch import Scratch
from . import framing, incident_links, incidents, link, partition, quotes, statements, stories, timeline, tolls
from .build import Build, chunks, key_batches
from .sources import original


@dataclass(frozen=True)
class Pass:
    name: str
    version: int
    key: str  # what one partition holds whole
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    step: Callable[[Build], None]

    @property
    def stage(self) -> str:
        return f"{self.name}@{self.version}"


# ---------------------------------------------------------------------- steps
def copies(b: Build) -> None:
    """Near-copies grouped by their original (linking counts a family once and dates a copy by it)."""
    st = b.state
    links = b.store.duplicate_links()
    st.root = {d: original(d, links.get) for d in links}
    for d, r in st.root.items():
        st.family[r] |= {d, r}
    st.order = b.store.doc_ids("seq")


def canonical_entities(b: Build) -> None:
    """Canonicalise from (document, surface form, label) aggregates: one shared placeholder
    mention per aggregate, repeated as many times as it occurs (``canonicalize`` only counts
    mentions and reads their document, form and label), then join back to the stored
    mentions in SQL."""
    shared: dict[str, str] = {}  # one string object per document id / form, not one per row

    def mentions() -> Iterator[Mention]:
        for doc, text, label, n in b.store.mention_forms():
            doc, text, label = (shared.setdefault(s, s) for s in (doc, text, label))
            yield from repeat(Mention(doc, 0, 0, text, label, ""), n)

    entities = entities_mod.canonicalize(mentions())
    b.store.stage_entities(
        entities, ((m.doc, m.text, m.label, e.id) for e in entities for m in dict.fromkeys(e.mentions))
    )
    st = b.state
    st.mention_counts = {e.id: len(e.mentions) for e in entities}
    st.entities = {e.id: replace(e, mentions=()) for e in entities}
    st.position = {e.id: i for i, e in enumerate(entities)}


def speakers(b: Build) -> None:
    """Speaker resolution per batch of documents (the entities a batch's quotes can
    resolve to: those mentioned in it, and those named like one of its speakers)."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for e in b.state.entities.values():
        if e.type in ("PERSON", "ORG", "GPE", "NORP"):
            for n in {e.name, *e.aliases}:
                by_name[quotes_mod.norm_name(n)].add(e.id)
    for batch in chunks(b.state.order, b.limits.documents):
        qs = [c for c in b.store.claims_of(batch, kinds=["quote"]) if isinstance(c, QuoteClaim)]
        if not qs:
            continue
        named = {eid for q in qs for eid in by_name.get(quotes_mod.norm_name(q.speaker_text or ""), ())}
        entities = b.entities_in(batch, also=named)
        b.store.stage_speakers(quotes_mod.resolve_speakers(qs, entities, b.state.mention_counts))


def publication(b: Build) -> None:
    """Undated documents narrowed by events other sources date, per month-day partition
    (the only thing that relates two events here is their month-day)."""
    pub = b.state.publication
    for keys in key_batches(b.store.timeline_keys(), b.limits.claims):
        events = b.store.claims_of(ids=b.store.timeline_claim_ids(keys), kinds=["event"])
        resolved = timeline.resolve_years(events)
        docs = b.store.documents(
            ids=sorted({c.doc for c in events if c.id in resolved}), with_removals=False, with_text=False
        )
        for doc, fields in timeline.refine_publication(docs, events).items():
            # a document dated by events of several month-days takes the latest (as refine_publication does)
            if doc not in pub or fields["published_window"] > pub[doc]["published_window"]:
                pub[doc] = fields


def group_stories(b: Build) -> None:
    st = b.state
    names = {f"e:{e.id}": e.name for e in st.entities.values()}
    ids = b.store.doc_ids("id")

    def batches() -> Iterator[list]:
        for chunk in chunks(ids, b.limits.documents):
            ents: dict[str, list[tuple[str, int]]] = defaultdict(list)
            for doc, eid, n in b.store.built_doc_entities(chunk):
                ents[doc].append((eid, n))
            docs = sorted(b.documents(chunk), key=lambda d: d.id)
            yield [
                (d.id, d.text, d.published, sorted(ents.get(d.id, ()), key=lambda t: st.position[t[0]])) for d in docs
            ]

    with Scratch() as scratch:
        streamed = stories.group_stream(ids, batches, names, scratch)
        while chunk := list(islice(streamed, 5000)):
            b.store.stage_stories(chunk)
            st.story_of.update({d: s.id for s in chunk if len(s.docs) > 1 for d in s.docs})


def _block_file(key: tuple[str, str]) -> str:
    return hashlib.sha1(repr(key).encode()).hexdigest() + ".pickle"


def scan(b: Build) -> None:
    """One pass over the documents: quantity facets (spilled to disk by linking block), date
    groups, quote shingles and statement index items (into the scratch database), framing hits (staged)."""
    terms = framing.load_lexicon(b.options.lexicons)
    st = b.state

    def parts() -> Iterator[tuple]:
        for batch in chunks(st.order, b.limits.documents):
            docs = b.with_copies(b.documents(batch))
            events = {d.id: st.event_of[d.id] for d in docs if d.id in st.event_of}
            coded = {d.id: st.incident_of[d.id] for d in docs if d.id in st.incident_of}
            yield (
                b.store.claims_of(batch),
                docs,
                batch,
                b.entities_in(batch),
                b.stories_of(batch),
                terms,
                events,
                coded,
            )

    sentences, df = 0, Counter[str]()
    for blocks, dates, shingles, hits, (n, part_df), keys in b.map(partition.scan, parts()):
        sentences += n
        df.update(part_df)
        b.scratch.add_statement_keys(keys)
        for key, facets in blocks.items():
            st.blocks.add(key)
            with (b.spill / _block_file(key)).open("ab") as f:
                pickle.dump(facets, f, protocol=pickle.HIGHEST_PROTOCOL)
        b.scratch.add_dates(dates)
        b.scratch.add_shingles((len(st.quotes) + i, g) for i, (_, sh) in enumerate(shingles) for g in sh)
        st.quotes += [q for q, _ in shingles]
        b.store.stage_framing(hits)
    st.weights = (sentences, df)


def _stage(b: Build, findings: Iterator[list[Finding]]) -> None:
    for part in findings:
        b.findings_staged = b.store.stage_findings(part, b.findings_staged)


def quantities(b: Build) -> None:
    def parts() -> Iterator[tuple]:
        for key in sorted(b.state.blocks, key=lambda k: tuple(str(x) for x in k)):
            facets: list = []
            with (b.spill / _block_file(key)).open("rb") as f:
                while True:
                    try:
                        facets += pickle.load(f)
                    except EOFError:
                        break
            yield (facets,)

    for part in b.map(partition.quantity_findings, parts()):
        b.state.linked.update((c, f.key or "") for f in part if len(f.claims) > 1 for c in f.claims)
        b.state.counted.update(
            (f.id, (f.key, f.claims))
            for f in part
            if len(f.claims) > 1 and f.key in tolls.COUNTS and f.status != "scope_difference"
        )
        _stage(b, iter([part]))


def incident_tolls(b: Build) -> None:
    """The incidents' casualty figures as findings, but for those whose every report the quantity
    linking already judged (its reading knows scopes: a running total, one strike, civilians only).
    A quantity finding of a casualty count whose every claim is a report of a kept figure is taken
    back: the figure's finding judges them with all the incident's reports (one finding per fact)."""
    st = b.state
    docs = sorted({row[0] for row in st.reported.values()})
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for c in b.store.claims_of(docs, kinds=["quantity"]) if docs else ():
        if c.id in st.linked:
            spans.setdefault(c.doc, []).append((c.start, c.end, c.id))
    kept = [
        tolls.settled(f, st.reported, link.LEAD) for f in st.tolls if not tolls.judged(f, st.reported, spans, st.linked)
    ]
    b.store.unstage_findings(tolls.subsumed(kept, st.reported, spans, st.counted))
    _stage(b, iter([kept]))


def dates(b: Build) -> None:
    def parts() -> Iterator[tuple]:
        for groups in key_batches(b.scratch.date_groups(), b.limits.claims):
            claims = b.store.claims_of(ids=b.scratch.date_claims(groups))
            docs = b.with_copies(b.documents(sorted({c.doc for c in claims})))
            events = {d.id: b.state.event_of[d.id] for d in docs if d.id in b.state.event_of}
            coded = {d.id: b.state.incident_of[d.id] for d in docs if d.id in b.state.incident_of}
            zones = {d.id: b.state.zone_of[d.id] for d in docs if d.id in b.state.zone_of}
            yield (claims, docs, b.stories_of(d.id for d in docs), events, coded, zones)

    _stage(b, b.map(partition.date_findings, parts()))


def quote_findings(b: Build) -> None:
    """Quote findings per blocking component (as ``quotes.link`` forms them)."""
    ids_by_index = b.state.quotes
    order = sorted(range(len(ids_by_index)), key=ids_by_index.__getitem__)
    ids = [ids_by_index[i] for i in order]  # claim id by rank
    components = quotes.components(b.scratch.shingle_edges(order, quotes.MAX_POSTINGS))
    del order
    common = b.scratch.common_shingles(quotes.MAX_POSTINGS)
    known = b.state.entities

    def parts() -> Iterator[tuple]:
        for batch in key_batches([(tuple(c), len(c)) for c in components], b.limits.claims):
            claims = {
                c.id: c
                for c in b.store.claims_of(ids=[ids[r] for comp in batch for r in comp])
                if isinstance(c, QuoteClaim)
            }
            docs = b.with_copies(b.documents(sorted({c.doc for c in claims.values()})))
            groups = [[claims[ids[r]] for r in comp] for comp in batch]
            speakers = {c.speaker for c in claims.values() if c.speaker}
            coded = {d.id: b.state.incident_of[d.id] for d in docs if d.id in b.state.incident_of}
            yield (groups, docs, [known[e] for e in sorted(speakers) if e in known], common, coded)

    _stage(b, b.map(partition.quote_findings, parts()))


def statement_findings(b: Build) -> None:
    """Statement findings per story. Documents alone in their story are linked with each other
    within their group (``statements.alone_groups``, from the edges of their statement index in
    the scratch database), a partition holding whole groups."""
    st = b.state
    members: dict[str, list[str]] = defaultdict(list)
    for d in st.order:
        if d in st.story_of:
            members[st.story_of[d]].append(d)
    b.scratch.index_statements(st.weights[0], st.weights[1], statements.MIN_IDF)
    groups: dict[str, list[str]] = defaultdict(list)
    for d, first in statements.alone_groups(b.scratch.statement_edges(statements.MAX_POSTINGS)).items():
        groups[first].append(d)
    members.update(("alone:" + first, sorted(ds)) for first, ds in groups.items() if len(ds) > 1)
    del groups
    keys = sorted(members, key=lambda k: (k.startswith("alone:"), k))

    def parts() -> Iterator[tuple]:
        for batch in key_batches([(k, len(members[k])) for k in keys], b.limits.documents):
            ids = [d for k in batch for d in members[k]]
            docs = b.with_copies(b.documents(ids))
            claims = b.store.claims_of(ids)
            linked = b.store.staged_finding_claims([c.id for c in claims])
            blocked = b.scratch.statement_blocked([d for d in ids if d not in st.story_of], statements.MAX_POSTINGS)
            yield (claims, docs, b.entities_in(ids), b.stories_of(d.id for d in docs), st.weights, linked, blocked)

    _stage(b, b.map(partition.statement_findings, parts()))


def timeline_entries(b: Build) -> None:
    def parts() -> Iterator[tuple]:
        for keys in key_batches(b.store.timeline_keys(), b.limits.claims):
            claims = b.store.claims_of(ids=b.store.timeline_claim_ids(keys))
            yield (claims, b.documents(sorted({c.doc for c in claims})))

    for entries in b.map(partition.timeline_entries, parts()):
        b.store.stage_timeline(entries)


def code_incidents(b: Build) -> None:
    """Each document's facts (per batch), then incidents grouped and coded in this process: per-document
    bookkeeping only (a place, a day, a few figures and person ids per document)."""
    st = b.state

    def parts() -> Iterator[tuple]:
        for batch in chunks(st.order, b.limits.documents):
            docs = b.with_copies(b.documents(batch))
            yield (b.store.claims_of(batch, kinds=["casualty", "time"]), docs, b.entities_in(batch), batch)

    found: list[incidents.Facts] = []
    for part in b.map(partition.incident_facts, parts()):
        found += part
    scored = incident_links.scores(found)
    coded = incidents.incidents(found, b.options.incident_policy, scored)
    st.event_of = incidents.events(found, scored)
    st.incident_of = {d: i.id for i in coded for d in i.documents}
    # (with its region only where a report of it names that region: not a state guessed from its outlets)
    stated = {f.doc: f.region for f in found}
    st.zone_of = {
        d: z
        for i in coded
        if (z := time_zone(i.place, i.region if i.region in {stated.get(d) for d in i.documents} else None))
        for d in i.documents
    }
    st.tolls = [f for i in coded for f in tolls.findings(i, st.root)]
    backing = sorted({c for f in st.tolls for c in f.claims})
    st.reported = tolls.reported(st.tolls, b.store.claims_of(ids=backing, kinds=["casualty"]))
    for k in range(0, len(coded), 5000):
        b.store.stage_incidents(coded[k : k + 5000], k)


# ----------------------------------------------------------------------- the list
# fmt: off
PASSES: tuple[Pass, ...] = (
    Pass("copies", 1, "corpus", reads=("doc_sources", "documents"),
         writes=("state.order", "state.root", "state.family"), step=copies),
    Pass("entities", 1, "corpus (form aggregates)", reads=("mentions",),
         writes=("entities", "entity_mentions", "state.mention_counts", "state.entities", "state.position"),
         step=canonical_entities),
    Pass("speakers", 1, "document batch",
         reads=("claims:quote", "entity_mentions", "state.order", "state.entities", "state.position",
                "state.mention_counts"),
         writes=("claims.speaker",), step=speakers),
    Pass("publication", 1, "month-day", reads=("claims:event", "documents"),
         writes=("documents.published_*", "state.publication"), step=publication),
    Pass("stories", 1, "document batch (pairs in the scratch database)",
         reads=("documents", "entity_mentions", "state.entities", "state.position", "state.publication"),
         writes=("stories", "story_docs", "state.story_of"), step=group_stories),
    Pass("incidents", 2, "document batch (facts), then place (grouping)",
         reads=("claims:casualty,time", "documents", "entity_mentions", "state.order", "state.root",
                "state.family", "state.entities", "state.position", "state.publication"),
         writes=("incidents", "state.event_of", "state.incident_of", "state.zone_of", "state.tolls",
                 "state.reported"),
         step=code_incidents),
    Pass("scan", 2, "document batch",
         reads=("claims", "documents", "entity_mentions", "state.order", "state.root", "state.family",
                "state.entities", "state.position", "state.publication", "state.story_of", "state.event_of",
                "state.incident_of"),
         writes=("framing", "state.blocks", "state.quotes", "state.weights", "scratch:dates,shingles,statements"),
         step=scan),
    Pass("quantities", 2, "linking block (measure)", reads=("state.blocks",),
         writes=("findings", "state.linked", "state.counted"), step=quantities),
    Pass("tolls", 1, "corpus (one finding per incident figure)",
         reads=("claims:quantity", "state.tolls", "state.reported", "state.linked", "state.counted"),
         writes=("findings",),
         step=incident_tolls),
    Pass("dates", 2, "event key (dates), event and happening (times of day)",
         reads=("scratch:dates", "claims", "documents", "state.root", "state.family", "state.publication",
                "state.story_of", "state.event_of", "state.incident_of", "state.zone_of"),
         writes=("findings",), step=dates),
    Pass("quotes", 2, "quote blocking component",
         reads=("scratch:shingles", "claims", "documents", "state.quotes", "state.root", "state.family",
                "state.entities", "state.publication", "state.incident_of"),
         writes=("findings",), step=quote_findings),
    Pass("statements", 1, "story, or group of documents alone in their story",
         reads=("scratch:statements", "claims", "documents", "findings", "state.order", "state.root",
                "state.family", "state.entities", "state.position", "state.publication", "state.story_of",
                "state.weights"),
         writes=("findings",), step=statement_findings),
    Pass("timeline", 1, "month-day", reads=("claims", "documents", "state.publication"), writes=("timeline",),
         step=timeline_entries),
)
# fmt: on


def run(b: Build) -> None:
    """Walk every pass, in order (``progress`` counts passes)."""
    b.progress("crosscheck", 0, len(PASSES))
    for p in PASSES:
        p.step(b)
        b.progress("crosscheck", 1, len(PASSES))
