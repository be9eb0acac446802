"""Stage order, batching and local parallelism.

ingest:  readers -> prepare (clean, metadata) -> near-duplicate linking -> store (one
         transaction per batch; re-ingesting adds nothing)
analyze: per document, one spaCy pass -> every extractor -> store (per batch, recorded
         in ``stage_runs`` so an interrupted run resumes); then the corpus-level stages
         (entity canonicalisation, speaker resolution, crosscheck) rebuilt in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from . import crosscheck, ingest as ingest_mod
from .crosscheck import timeline as timeline_mod
from .errors import InputError
from .extract import STAGE as EXTRACT_STAGE, entities as entities_mod, quotes as quotes_mod
from .nlp import resolve
from .options import Options
from .parallel import extract_batches
from .records import Document, IngestError
from .store import Store

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
    entities: int = 0
    claims: int = 0
    findings: int = 0
    stories: int = 0


def ingest(store: Store, paths: Iterable[str | Path], options: Options | None = None,
           progress: Progress = _noop) -> IngestReport:
    options = options or Options()
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
    for item in ingest_mod.iter_inputs(paths, options):
        report.seen += 1
        if isinstance(item, IngestError):
            errors.append(item)
        else:
            try:
                doc = ingest_mod.prepare(item, options)
            except InputError as exc:
                errors.append(IngestError(item.source, exc.message if not exc.hint else f"{exc.message} ({exc.hint})",
                                          exc.code))
                continue
            if doc.content_hash not in seen_hashes:
                seen_hashes.add(doc.content_hash)
                sig = index.signature(doc.text)
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
    total = store.pending_count(EXTRACT_STAGE)
    if total:
        resolve(options.model)  # fail early (ModelNotFound) without loading a model workers load again
        progress("extract", 0, total)
        for batch, results in extract_batches(store.iter_pending(EXTRACT_STAGE, options.batch_size), options):
            store.save_extractions(results, EXTRACT_STAGE)
            report.extracted += len(batch)
            progress("extract", len(batch), total)
    corpus(store, options, report, progress)
    return report


def corpus(store: Store, options: Options, report: AnalyzeReport | None = None,
           progress: Progress = _noop) -> AnalyzeReport:
    """The corpus-level stages: entities, speakers, crosscheck. Recomputed as a whole."""
    report = report or AnalyzeReport()
    progress("crosscheck", 0, 3)
    entities = entities_mod.canonicalize(store.mentions())
    progress("crosscheck", 1, 3)
    claims = store.claims()
    speakers = quotes_mod.resolve_speakers([c for c in claims if c.kind == "quote"], entities)
    claims = [replace(c, speaker=speakers.get(c.id)) if c.kind == "quote" else c for c in claims]
    documents = store.documents(with_removals=False)
    # undated documents whose month-day events other sources date: narrow their window
    publication = timeline_mod.refine_publication(documents, claims)
    documents = [replace(d, **publication[d.id]) if d.id in publication else d for d in documents]
    progress("crosscheck", 1, 3)
    result = crosscheck.run(documents, claims, entities, options)
    store.replace_corpus(entities=entities, stories=result.stories, findings=result.findings,
                         framing=result.framing, timeline=result.timeline, speakers=speakers,
                         publication=publication)
    progress("crosscheck", 1, 3)
    report.entities, report.claims = len(entities), len(claims)
    report.findings, report.stories = len(result.findings), len(result.stories)
    return report
