"""Stage order, batching and local parallelism.

ingest:  readers -> prepare (clean, metadata) -> near-duplicate linking -> store (one
         transaction per batch; re-ingesting adds nothing)
analyze: per document, one spaCy pass -> every extractor -> store (per batch, recorded
         in ``stage_runs`` so an interrupted run resumes); then the corpus passes
         (:data:`rashomon.crosscheck.passes.PASSES`: entity canonicalisation, speaker resolution,
         publication windows, stories, crosscheck, timeline) rebuilt part by part into staging
         tables and swapped in in one transaction (:func:`corpus`).

Memory in the corpus stage is bounded by the part sizes (:class:`rashomon.crosscheck.build.Limits`)
and by per-entity / per-document bookkeeping (ids, story of each document, entity names and
mention counts), never by the corpus' texts, claims or mentions: entities are canonicalised from
(document, form, label) aggregates; story vectors and candidate pairs, quote shingles and date keys
live in a scratch DuckDB (:mod:`rashomon.store.scratch`, also the statement index of documents alone
in their story, linked per group of them the index connects); quantity facets are spilled to disk
by linking block; each crosscheck partition (:mod:`rashomon.crosscheck.partition`) is loaded, run
(in one of ``workers`` processes: :func:`rashomon.parallel.process_mapper`), written and released.
What still grows with the corpus: the canonicalisation's aggregates (one small object per distinct
form per document, and per distinct form its matching keys), the statement weights (a
vocabulary-sized table), and the largest linking block / event key / month-day / group of
documents alone in their story.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from . import ingest as ingest_mod
from .crosscheck import passes
from .crosscheck.build import BOUNDED, Build, Limits, Mapper, Progress, local_map
from .extract import todo
from .nlp import resolve
from .options import Options
from .parallel import extract_batches, process_mapper
from .records import Document, Extraction, IngestError
from .store import Store


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


def ingest(
    store: Store, paths: Iterable[str | Path], options: Options | None = None, progress: Progress = _noop
) -> IngestReport:
    options = options or Options()
    items = (ingest_mod.prepare_item(item, options) for item in ingest_mod.iter_inputs(paths, options))
    return store_prepared(store, ((item, None) for item in items), options, progress)


def store_prepared(
    store: Store,
    items: Iterable[tuple[Document | IngestError, bytes | None]],
    options: Options,
    progress: Progress = _noop,
) -> IngestReport:
    """Link prepared documents to their near-copies and store them, in input order, one transaction per
    ``4 * batch_size`` items (both engines' ingest ends here). ``items``: (document or error, the
    document's near-duplicate signature when already computed, else None)."""
    report = IngestReport()
    index = ingest_mod.NearDuplicateIndex(options)
    for doc_id, stored in store.signatures():
        index.add_existing(doc_id, stored)
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
                signature = index.signature(doc.text) if sig is None else sig
                doc = index.link(doc, signature)
                sigs[doc.id] = signature
            batch.append(doc)
        if len(batch) + len(errors) >= options.batch_size * 4:
            flush()
    flush()
    return report


def analyze(store: Store, options: Options | None = None, progress: Progress = _noop) -> AnalyzeReport:
    """Run on every document the extraction stages it lacks (new documents: all; a stage whose version
    changed: that stage and those that read its records, :func:`rashomon.extract.todo`), then rebuild
    the corpus-level results."""
    options = options or Options()
    report = AnalyzeReport()
    start = time.perf_counter()
    total = store.pending_count(todo)
    if total:
        resolve(options.model)  # fail early (ModelNotFound) without loading a model workers load again
        progress("extract", 0, total)
        for batch, results in extract_batches(store.iter_pending(todo, options.batch_size), options):
            store.save_extractions(results)
            report.count(results)
            progress("extract", len(batch), total)
    report.extract_seconds = time.perf_counter() - start
    corpus(store, options, report, progress)
    return report


STORE_MEMORY = "256MB"  # DuckDB's working memory in the corpus stage (its joins and sorts spill to disk beyond)


def corpus(
    store: Store,
    options: Options,
    report: AnalyzeReport | None = None,
    progress: Progress = _noop,
    mapper: Mapper | None = None,
    limits: Limits = BOUNDED,
) -> AnalyzeReport:
    """The corpus-level stages: the passes of :data:`rashomon.crosscheck.passes.PASSES`, in order.

    Recomputed as a whole, with memory bounded by the ``limits`` on a part rather than by the
    corpus (see :mod:`rashomon.crosscheck.partition`): every pass reads its part of the corpus
    from the store, writes its results into staging tables, and lets it go; ``Store.commit_corpus``
    swaps the staged results in, in one transaction. ``mapper`` runs the partitions (default: in
    ``options.workers`` local processes, or in this process for one worker; the Ray engine passes one
    that runs them as Ray tasks). ``limits=WHOLE`` is the reference computation: each pass on the whole
    corpus at once."""
    report = report or AnalyzeReport()
    start = time.perf_counter()
    limit, store.memory_limit = store.memory_limit, store.memory_limit or STORE_MEMORY
    try:
        with ExitStack() as stack:
            if mapper is None:
                mapper = stack.enter_context(process_mapper(options.workers)) if options.workers > 1 else local_map
            store.begin_corpus()
            try:
                with Build(store, options, mapper, progress, limits) as build:
                    passes.run(build)
            except BaseException:
                store.abort_corpus()
                raise
        store.commit_corpus(build.state.publication, [p.stage for p in passes.PASSES])
    finally:
        store.memory_limit = limit
    report.entities, report.claims = store.count("entities"), store.count("claims")
    report.findings, report.stories = store.count("findings"), store.count("stories")
    report.corpus_seconds = time.perf_counter() - start
    return report
