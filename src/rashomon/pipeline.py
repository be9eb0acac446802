"""Stage order, batching and local parallelism.

ingest:  readers -> prepare (clean, metadata) -> near-duplicate linking -> store (one
         transaction per batch; re-ingesting adds nothing)
analyze: per document, one spaCy pass -> every extractor -> store (per batch, recorded
         in ``stage_runs`` so an interrupted run resumes); then the corpus-level stages
         (entity canonicalisation, speaker resolution, publication windows, stories,
         crosscheck) rebuilt part by part into staging tables and swapped in in one
         transaction (:func:`corpus`).

Memory in the corpus stage is bounded by the batch and partition sizes (``CORPUS_BATCH``
documents, ``PART_CLAIMS`` claims) and by per-entity / per-document bookkeeping (ids,
story of each document, entity names and mention counts), never by the corpus' texts,
claims or mentions: entities are canonicalised from (document, form, label) aggregates;
story vectors and candidate pairs, quote shingles and date keys live in a scratch DuckDB
(:mod:`rashomon.store.scratch`, also the statement index of documents alone in their
story, linked per group of them the index connects); quantity facets are spilled to disk
by linking block; each crosscheck partition (:mod:`rashomon.crosscheck.partition`) is
loaded, run (in one of ``workers`` processes: :func:`rashomon.parallel.process_mapper`),
written and released. What still grows with the corpus: the
canonicalisation's aggregates (one small object per distinct form per document, and per
distinct form its matching keys), the statement weights (a vocabulary-sized table), and the
largest linking block / event key / month-day / group of documents alone in their story.
"""
from __future__ import annotations

import hashlib
import pickle
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from itertools import islice, repeat
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterable, Iterator

from . import ingest as ingest_mod
from .crosscheck import framing as framing_mod, link as link_mod, partition, quotes as quotes_x, \
    statements as statements_mod, stories as stories_mod, timeline as timeline_mod
from .extract import STAGE as EXTRACT_STAGE, entities as entities_mod, quotes as quotes_mod
from .nlp import resolve
from .options import Options
from .parallel import extract_batches, process_mapper
from .records import Document, Entity, Extraction, Finding, IngestError, Mention
from .store import Store
from .store.scratch import Scratch

Progress = Callable[[str, int, int | None], None]  # (stage, advance, total)


def _noop(stage: str, advance: int, total: int | None) -> None:
    pass


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)


@dataclass
class AnalyzeReport:
    extracted: int = 0
    failed: int = 0  # documents an extractor failed on (see Store.extraction_errors)
    entities: int = 0
    claims: int = 0
    findings: int = 0
    stories: int = 0
    extract_seconds: float = 0.0  # wall time of the extraction of new documents
    corpus_seconds: float = 0.0  # wall time of the rebuild of the cross-source results

    def count(self, extractions: Iterable[Extraction]) -> None:
        for x in extractions:
            if x.error:
                self.failed += 1
            else:
                self.extracted += 1


def ingest(store: Store, paths: Iterable[str | Path], options: Options | None = None,
           progress: Progress = _noop) -> IngestReport:
    options = options or Options()
    items = (ingest_mod.prepare_item(item, options) for item in ingest_mod.iter_inputs(paths, options))
    return store_prepared(store, ((item, None) for item in items), options, progress)


def store_prepared(store: Store, items: Iterable[tuple[Document | IngestError, bytes | None]], options: Options,
                   progress: Progress = _noop) -> IngestReport:
    """Link prepared documents to their near-copies and store them, in input order, one transaction per
    ``4 * batch_size`` items (both engines' ingest ends here). ``items``: (document or error, the
    document's near-duplicate signature when already computed, else None)."""
    report = IngestReport()
    index = ingest_mod.NearDuplicateIndex(options)
    for doc_id, sig in store.signatures():
        index.add_existing(doc_id, sig)
    batch: list[Document] = []
    sigs: dict[str, bytes] = {}
    errors: list[IngestError] = []

    def flush() -> None:
        nonlocal batch, sigs, errors
        known = store.known_hashes(d.content_hash for d in batch)
        added = store.add_batch(batch, errors, sigs)
        report.added += added
        report.exact_duplicates += len(batch) - added
        for d in batch:
            if d.content_hash not in known and d.duplicate_of:
                report.near_duplicates += 1
        report.errors += errors
        progress("ingest", len(batch) + len(errors), None)
        batch, sigs, errors = [], {}, []

    seen_hashes: set[str] = set()
    for doc, sig in items:
        report.seen += 1
        if isinstance(doc, IngestError):
            errors.append(doc)
        else:
            if doc.content_hash not in seen_hashes:
                seen_hashes.add(doc.content_hash)
                sig = index.signature(doc.text) if sig is None else sig
                doc = index.link(doc, sig)
                sigs[doc.id] = sig
            batch.append(doc)
        if len(batch) + len(errors) >= options.batch_size * 4:
            flush()
    flush()
    return report


def analyze(store: Store, options: Options | None = None, progress: Progress = _noop) -> AnalyzeReport:
    """Run every stage not yet run on new documents, then rebuild the corpus-level results."""
    options = options or Options()
    report = AnalyzeReport()
    start = time.perf_counter()
    total = store.pending_count(EXTRACT_STAGE)
    if total:
        resolve(options.model)  # fail early (ModelNotFound) without loading a model workers load again
        progress("extract", 0, total)
        for batch, results in extract_batches(store.iter_pending(EXTRACT_STAGE, options.batch_size), options):
            store.save_extractions(results, EXTRACT_STAGE)
            report.count(results)
            progress("extract", len(batch), total)
    report.extract_seconds = time.perf_counter() - start
    corpus(store, options, report, progress)
    return report


Mapper = Callable[..., Iterator[Any]]  # (function, iterable of argument tuples) -> results, in order

CORPUS_BATCH = 400  # documents per part of the corpus stage
PART_CLAIMS = 5000  # claims per date/quote/timeline partition batch (a key is never split)
STORE_MEMORY = "256MB"  # DuckDB's working memory in the corpus stage (its joins and sorts spill to disk beyond)


class _Counted(tuple):
    """An entity's mentions in a few documents whose ``len`` is its corpus-wide mention count
    (speaker resolution ranks entities by how often they are mentioned in the whole corpus)."""

    def __new__(cls, items: Iterable[Mention], total: int) -> "_Counted":
        out = super().__new__(cls, items)
        out.total = total
        return out

    def __len__(self) -> int:
        return self.total


def local_map(fn: Callable, args: Iterable[tuple]) -> Iterator[Any]:
    """The local engine's mapper: one partition after the other, in this process."""
    for a in args:
        yield fn(*a)


def corpus(store: Store, options: Options, report: AnalyzeReport | None = None,
           progress: Progress = _noop, mapper: Mapper | None = None) -> AnalyzeReport:
    """The corpus-level stages: entities, speakers, publication windows, crosscheck.

    Recomputed as a whole, with memory bounded by the batch and partition sizes rather
    than by the corpus (see :mod:`rashomon.crosscheck.partition`): every stage reads its
    part of the corpus from the store, writes its results into staging tables, and lets
    it go; ``Store.commit_corpus`` swaps the staged results in, in one transaction.
    ``mapper`` runs the partitions (default: in ``options.workers`` local processes, or in this
    process for one worker; the Ray engine passes one that runs them as Ray tasks)."""
    report = report or AnalyzeReport()
    start = time.perf_counter()
    limit, store.memory_limit = store.memory_limit, store.memory_limit or STORE_MEMORY
    try:
        with ExitStack() as stack:
            if mapper is None:
                mapper = stack.enter_context(process_mapper(options.workers)) if options.workers > 1 else local_map
            store.begin_corpus()
            try:
                publication = _CorpusBuild(store, options, mapper, progress).run()
            except BaseException:
                store.abort_corpus()
                raise
        store.commit_corpus(publication)
    finally:
        store.memory_limit = limit
    progress("crosscheck", 1, 6)
    report.entities, report.claims = store.count("entities"), store.count("claims")
    report.findings, report.stories = store.count("findings"), store.count("stories")
    report.corpus_seconds = time.perf_counter() - start
    return report


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _key_batches(keys: list[tuple[Any, int]], limit: int) -> Iterator[list[Any]]:
    """Whole keys, packed into batches of about ``limit`` items."""
    batch: list[Any] = []
    size = 0
    for key, n in keys:
        if batch and size + n > limit:
            yield batch
            batch, size = [], 0
        batch.append(key)
        size += n
    if batch:
        yield batch


class _CorpusBuild:
    """One rebuild of the corpus-level results (state shared by its passes; all of it is
    per-entity or per-document bookkeeping, never texts, claims or mentions of the whole corpus)."""

    def __init__(self, store: Store, options: Options, mapper: Mapper, progress: Progress):
        self.store, self.options, self.map, self.progress = store, options, mapper, progress
        self.publication: dict[str, dict] = {}
        self.story_of: dict[str, str] = {}
        self.finding_seq = 0

    def run(self) -> dict[str, dict]:
        self.progress("crosscheck", 0, 6)
        self.entities()
        self.progress("crosscheck", 1, 6)
        self.speakers()
        self.publication_windows()
        self.progress("crosscheck", 1, 6)
        self.stories()
        self.progress("crosscheck", 1, 6)
        with tempfile.TemporaryDirectory(prefix="rashomon-blocks-") as spill, Scratch() as scratch:
            quotes = self.scan(Path(spill), scratch)
            self.progress("crosscheck", 1, 6)
            self.quantities(Path(spill))
            self.dates(scratch)
            self.quotes(scratch, quotes)
            self.statements(scratch)
        self.timeline()
        self.progress("crosscheck", 1, 6)
        return self.publication

    # ------------------------------------------------------------ loading helpers
    def documents(self, ids: Iterable[str]) -> list[Document]:
        pub = self.publication
        return [replace(d, **pub[d.id]) if d.id in pub else d
                for d in self.store.documents(ids=list(ids), with_removals=False, with_raw=False)]

    def with_copies(self, docs: list[Document]) -> list[Document]:
        """``docs`` plus every other copy of their originals (linking follows ``duplicate_of``
        and dates a copy by the earliest dated copy of its original)."""
        have = {d.id for d in docs}
        extra = sorted({m for d in docs for m in self.family.get(self.root.get(d.id, d.id), ())} - have)
        return docs + (self.documents(extra) if extra else [])

    def entities_in(self, docs: Iterable[str], padded: bool = False, also: Iterable[str] = ()) -> list[Entity]:
        """The entities mentioned in ``docs`` (plus ``also``), with their mentions there only;
        ``padded``: ``len(entity.mentions)`` is the corpus-wide count."""
        local: dict[str, list[Mention]] = defaultdict(list)
        for eid, doc, s, e, text in self.store.built_mentions(list(docs)):
            local[eid].append(Mention(doc, s, e, text, ""))
        out = []
        for eid in sorted(set(local) | set(also), key=self.position.__getitem__):
            ms = local.get(eid, ())
            out.append(replace(self.light[eid], mentions=_Counted(ms, self.counts.get(eid, 0)) if padded
                               else tuple(ms)))
        return out

    # ------------------------------------------------------------------- passes
    def entities(self) -> None:
        """Canonicalise from (document, surface form, label) aggregates: one shared placeholder
        mention per aggregate, repeated as many times as it occurs (``canonicalize`` only counts
        mentions and reads their document, form and label), then join back to the stored
        mentions in SQL."""
        shared: dict[str, str] = {}  # one string object per document id / form, not one per row

        def mentions() -> Iterator[Mention]:
            for doc, text, label, n in self.store.mention_forms():
                doc, text, label = (shared.setdefault(s, s) for s in (doc, text, label))
                yield from repeat(Mention(doc, 0, 0, text, label, ""), n)

        entities = entities_mod.canonicalize(mentions())
        self.store.stage_entities(entities, ((m.doc, m.text, m.label, e.id) for e in entities
                                             for m in dict.fromkeys(e.mentions)))
        self.counts = {e.id: len(e.mentions) for e in entities}
        self.light = {e.id: replace(e, mentions=()) for e in entities}
        self.position = {e.id: i for i, e in enumerate(entities)}
        del entities
        links = self.store.duplicate_links()
        stubs = {d: SimpleNamespace(duplicate_of=o) for d, o in links.items()}
        self.root = {d: link_mod.root_of(d, stubs) for d in links}
        self.family: dict[str, set[str]] = defaultdict(set)
        for d, r in self.root.items():
            self.family[r] |= {d, r}
        self.seq_ids = self.store.doc_ids("seq")

    def speakers(self) -> None:
        """Speaker resolution per batch of documents (the entities a batch's quotes can
        resolve to: those mentioned in it, and those named like one of its speakers)."""
        by_name: dict[str, set[str]] = defaultdict(set)
        for e in self.light.values():
            if e.type in ("PERSON", "ORG", "GPE", "NORP"):
                for n in {e.name, *e.aliases}:
                    by_name[quotes_mod.norm_name(n)].add(e.id)
        for batch in _chunks(self.seq_ids, CORPUS_BATCH):
            quotes = self.store.claims_of(batch, kinds=["quote"])
            if not quotes:
                continue
            named = {eid for q in quotes for eid in by_name.get(quotes_mod.norm_name(q.speaker_text or ""), ())}
            entities = self.entities_in(batch, padded=True, also=named)
            self.store.stage_speakers(quotes_mod.resolve_speakers(quotes, entities))

    def publication_windows(self) -> None:
        """Undated documents narrowed by events other sources date, per month-day partition
        (the only thing that relates two events here is their month-day)."""
        for keys in _key_batches(self.store.timeline_keys(), PART_CLAIMS):
            events = self.store.claims_of(ids=self.store.timeline_claim_ids(keys), kinds=["event"])
            resolved = timeline_mod.resolve_years(events)
            docs = self.store.documents(ids=sorted({c.doc for c in events if c.id in resolved}),
                                        with_removals=False, with_text=False)
            for doc, pub in timeline_mod.refine_publication(docs, events).items():
                # a document dated by events of several month-days takes the latest (as refine_publication does)
                if doc not in self.publication or pub["published_window"] > self.publication[doc]["published_window"]:
                    self.publication[doc] = pub

    def stories(self) -> None:
        names = {f"e:{e.id}": e.name for e in self.light.values()}
        ids = self.store.doc_ids("id")

        def batches() -> Iterator[list]:
            for chunk in _chunks(ids, CORPUS_BATCH):
                ents: dict[str, list[tuple[str, int]]] = defaultdict(list)
                for doc, eid, n in self.store.built_doc_entities(chunk):
                    ents[doc].append((eid, n))
                docs = sorted(self.documents(chunk), key=lambda d: d.id)
                yield [(d.id, d.text, d.published, sorted(ents.get(d.id, ()), key=lambda t: self.position[t[0]]))
                       for d in docs]

        with Scratch() as scratch:
            streamed = stories_mod.group_stream(ids, batches, names, scratch)
            while chunk := list(islice(streamed, 5000)):
                self.store.stage_stories(chunk)
                self.story_of.update({d: s.id for s in chunk if len(s.docs) > 1 for d in s.docs})

    def scan(self, spill: Path, scratch: Scratch) -> list[str]:
        """One pass over the documents: quantity facets (spilled to disk by linking block), date
        groups and quote shingles (into the scratch database), framing hits (staged)."""
        terms = framing_mod.load_lexicon(self.options.lexicons)

        def parts() -> Iterator[tuple]:
            for batch in _chunks(self.seq_ids, CORPUS_BATCH):
                docs = self.with_copies(self.documents(batch))
                story_of = {d: self.story_of[d] for d in batch if d in self.story_of}
                yield (self.store.claims_of(batch), docs, batch, self.entities_in(batch), story_of, terms)

        quotes: list[str] = []
        self.blocks: set[tuple[str, str]] = set()
        self.sentences, self.df = 0, Counter()
        for blocks, dates, shingles, hits, (n, df), keys in self.map(partition.scan, parts()):
            self.sentences += n
            self.df.update(df)
            scratch.add_statement_keys(keys)
            for key, facets in blocks.items():
                self.blocks.add(key)
                with (spill / _block_file(key)).open("ab") as f:
                    pickle.dump(facets, f, protocol=pickle.HIGHEST_PROTOCOL)
            scratch.add_dates(dates)
            scratch.add_shingles((len(quotes) + i, g) for i, (_, sh) in enumerate(shingles) for g in sh)
            quotes += [q for q, _ in shingles]
            self.store.stage_framing(hits)
        return quotes

    def stage(self, findings: Iterable[list[Finding]]) -> None:
        for part in findings:
            self.finding_seq = self.store.stage_findings(part, self.finding_seq)

    def quantities(self, spill: Path) -> None:
        def parts() -> Iterator[tuple]:
            for key in sorted(self.blocks, key=lambda k: tuple(str(x) for x in k)):
                facets: list = []
                with (spill / _block_file(key)).open("rb") as f:
                    while True:
                        try:
                            facets += pickle.load(f)
                        except EOFError:
                            break
                yield (facets,)

        self.stage(self.map(partition.quantity_findings, parts()))

    def dates(self, scratch: Scratch) -> None:
        def parts() -> Iterator[tuple]:
            for groups in _key_batches(scratch.date_groups(), PART_CLAIMS):
                claims = self.store.claims_of(ids=scratch.date_claims(groups))
                docs = self.with_copies(self.documents(sorted({c.doc for c in claims})))
                yield (claims, docs, {d.id: self.story_of[d.id] for d in docs if d.id in self.story_of})

        self.stage(self.map(partition.date_findings, parts()))

    def quotes(self, scratch: Scratch, quotes: list[str]) -> None:
        """Quote findings per blocking component (as ``quotes.link`` forms them on the whole corpus)."""
        order = sorted(range(len(quotes)), key=quotes.__getitem__)
        ids = [quotes[i] for i in order]  # claim id by rank
        del quotes
        components = quotes_x.components(scratch.shingle_edges(order, quotes_x.MAX_POSTINGS))
        del order
        common = scratch.common_shingles(quotes_x.MAX_POSTINGS)

        def parts() -> Iterator[tuple]:
            for batch in _key_batches([(tuple(c), len(c)) for c in components], PART_CLAIMS):
                claims = {c.id: c for c in self.store.claims_of(ids=[ids[r] for comp in batch for r in comp])}
                docs = self.with_copies(self.documents(sorted({c.doc for c in claims.values()})))
                groups = [[claims[ids[r]] for r in comp] for comp in batch]
                speakers = {c.speaker for c in claims.values() if c.speaker}
                yield (groups, docs, [self.light[e] for e in sorted(speakers) if e in self.light], common)

        self.stage(self.map(partition.quote_findings, parts()))

    def statements(self, scratch: Scratch) -> None:
        """Statement findings per story. Documents alone in their story are linked with each other
        (as ``crosscheck.run`` does) within their group (``statements.alone_groups``, from the edges
        of their statement index in the scratch database), a partition holding whole groups."""
        members: dict[str, list[str]] = defaultdict(list)
        for d in self.seq_ids:
            if d in self.story_of:
                members[self.story_of[d]].append(d)
        weights = (self.sentences, self.df)  # (not copied: vocabulary-sized)
        scratch.index_statements(self.sentences, weights[1], statements_mod.MIN_IDF)
        del self.df
        groups: dict[str, list[str]] = defaultdict(list)
        for d, first in statements_mod.alone_groups(scratch.statement_edges(statements_mod.MAX_POSTINGS)).items():
            groups[first].append(d)
        members.update(("alone:" + first, sorted(ds)) for first, ds in groups.items() if len(ds) > 1)
        del groups
        keys = sorted(members, key=lambda k: (k.startswith("alone:"), k))

        def parts() -> Iterator[tuple]:
            for batch in _key_batches([(k, len(members[k])) for k in keys], CORPUS_BATCH):
                ids = [d for k in batch for d in members[k]]
                docs = self.with_copies(self.documents(ids))
                claims = self.store.claims_of(ids)
                linked = self.store.staged_finding_claims([c.id for c in claims])
                story_of = {d.id: self.story_of[d.id] for d in docs if d.id in self.story_of}
                blocked = scratch.statement_blocked([d for d in ids if d not in self.story_of],
                                                    statements_mod.MAX_POSTINGS)
                yield (claims, docs, self.entities_in(ids), story_of, weights, linked, blocked)

        self.stage(self.map(partition.statement_findings, parts()))

    def timeline(self) -> None:
        def parts() -> Iterator[tuple]:
            for keys in _key_batches(self.store.timeline_keys(), PART_CLAIMS):
                claims = self.store.claims_of(ids=self.store.timeline_claim_ids(keys))
                yield (claims, self.documents(sorted({c.doc for c in claims})))

        for entries in self.map(partition.timeline_entries, parts()):
            self.store.stage_timeline(entries)


def _block_file(key: tuple[str, str]) -> str:
    return hashlib.sha1(repr(key).encode()).hexdigest() + ".pickle"
