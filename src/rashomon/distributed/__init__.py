"""The Ray engine: the same stages as :func:`rashomon.pipeline.ingest` and
:func:`rashomon.pipeline.analyze`, run on Ray Data.

Ingest (:func:`ingest`): the input paths are expanded on the driver into files (folders
walked, globs matched); the files are a Ray dataset, and Ray tasks read each one with the
same readers as the local engine (text, HTML, JSONL, CSV, Parquet, WARC, archives), clean
it, read its metadata and compute each document's near-duplicate signature
(:func:`_prepare_file`); the driver takes the prepared documents in input order, links
near-copies and stores them (:func:`rashomon.pipeline.store_prepared`, as the local engine
does), so both engines store the same documents.

Analyze:

1. the driver exports the documents still pending extraction to Parquet shards;
2. ``ray.data.read_parquet`` → ``map_batches(ExtractActor)``: an actor pool where each
   actor loads the spaCy model once (in ``__init__``) and runs the shared unit of work
   :func:`rashomon.parallel.extract_batch` on each batch;
3. the results are written as Parquet shards, which the driver imports into the store
   (``Store.save_extractions``, one transaction per batch, recorded in ``stage_runs``);
4. the corpus-level stages (:func:`rashomon.pipeline.corpus`) are driven from the driver,
   which loads one partition at a time from the store; the partitions of the crosscheck
   (:mod:`rashomon.crosscheck.partition`: document batches, linking blocks, event keys,
   quote components, stories, month-days) run as Ray tasks (:func:`ray_mapper`), at most
   ``window`` in flight, so neither the driver nor any worker holds the whole corpus.
   Entity canonicalisation and story grouping stay on the driver (they read compact
   aggregates and a scratch database, see :func:`rashomon.pipeline.corpus`).

Both engines call the same extraction and corpus code, so a corpus gives the same
entities, claims and findings on either.

``Options.ray_address`` (``--address``) connects to a running cluster (``auto`` or
``HOST:PORT``); without it a local Ray is started with ``Options.workers`` CPUs (all the
machine's CPUs when ``workers`` is 1) and its temporary files inside the run folder.
The run folder is ``<db>.ray-runs/<run id>`` beside the store (a temp folder for an
in-memory store); the Parquet shards are removed when the run succeeds.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from .. import ingest as ingest_mod
from ..errors import RayUnavailable  # defined in errors.py; still importable from here
from ..extract import todo
from ..options import Options
from ..pipeline import AnalyzeReport, IngestReport, Progress, corpus, store_prepared
from ..records import Document, IngestError
from ..store import Store
from .shards import documents_from_rows, extraction_rows, read_extractions, write_documents

# Ray's session sockets live under its temp dir; a Unix socket path must stay under 108 bytes.
MAX_RAY_TEMP_DIR = 60


def _noop(stage: str, advance: int, total: int | None) -> None:
    pass


class ExtractActor:
    """A Ray Data actor: loads the spaCy model once, then extracts batches of documents."""

    def __init__(self, options: Options):
        from ..nlp import pipeline

        self.options = options
        pipeline(options.model)

    def __call__(self, batch: pa.Table) -> pa.Table:
        from ..parallel import extract_batch

        groups: dict[tuple[str, ...], list[tuple[int, Document]]] = {}
        for pos, doc, stages in documents_from_rows(batch.to_pylist()):
            groups.setdefault(stages, []).append((pos, doc))
        positions, extractions = [], []
        for stages, pairs in groups.items():
            positions += [pos for pos, _ in pairs]
            extractions += extract_batch([doc for _, doc in pairs], self.options, stages)
        return extraction_rows(positions, extractions)


def run_folder(store: Store) -> Path:
    """A fresh folder for one Ray run's shards and (local) Ray temporary files."""
    run_id = time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
    if store.path == ":memory:":
        return Path(tempfile.mkdtemp(prefix=f"rashomon-ray-{run_id}-"))
    folder = Path(store.path).resolve().with_name(Path(store.path).name + ".ray-runs") / run_id
    folder.mkdir(parents=True)
    return folder


def _start_ray(options: Options, folder: Path) -> tuple[Any, bool]:
    """(ray module, whether this call started Ray and so must shut it down)."""
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable(
            "the Ray engine needs ray[data]", hint="pip install 'rashomon[ray]', or run with --engine local"
        ) from exc
    if ray.is_initialized():
        return ray, False
    if options.ray_address:
        ray.init(address=options.ray_address, include_dashboard=False, log_to_driver=False)
        return ray, True
    temp = folder / "ray"
    if len(str(temp)) > MAX_RAY_TEMP_DIR:  # too long for Ray's socket paths: use a short one
        temp = Path(tempfile.mkdtemp(prefix="rray-"))
    cpus = options.workers if options.workers > 1 else (os.cpu_count() or 1)
    ray.init(num_cpus=cpus, _temp_dir=str(temp), include_dashboard=False, log_to_driver=False, configure_logging=False)
    return ray, True


MAX_INGEST_BLOCKS = 200  # the input files are cut into at most this many Ray tasks (one block of files each)


def _prepare_file(row: dict[str, Any], options: Options) -> list[dict[str, bytes]]:
    """One input file (or an error of the path expansion, passed on) as its prepared documents and
    errors, each with the document's near-duplicate signature, in the file's order."""
    entry = pickle.loads(row["entry"])
    out = []
    for item in [entry] if isinstance(entry, IngestError) else ingest_mod.read_file(entry, options):
        prepared = ingest_mod.prepare_item(item, options)
        sig = None if isinstance(prepared, IngestError) else ingest_mod.NearDuplicateIndex.signature(prepared.text)
        out.append({"item": pickle.dumps((prepared, sig), protocol=pickle.HIGHEST_PROTOCOL)})
    return out


def ingest(
    store: Store, paths: Iterable[str | Path], options: Options | None = None, progress: Progress = _noop
) -> IngestReport:
    """Read, clean and sign the input files in Ray tasks; link near-copies and store on the driver."""
    options = options or Options()
    entries = [{"entry": pickle.dumps(e)} for e in ingest_mod.expand(paths)]
    if not entries:
        return IngestReport()
    folder = run_folder(store)
    ray, started = _start_ray(options, folder)
    context = ray.data.DataContext.get_current()
    preserve, context.execution_options.preserve_order = context.execution_options.preserve_order, True
    try:
        files = ray.data.from_items(entries, override_num_blocks=min(len(entries), MAX_INGEST_BLOCKS))
        prepared = files.flat_map(partial(_prepare_file, options=options))
        items = (pickle.loads(row["item"]) for row in prepared.iter_rows())
        report = store_prepared(store, items, options, progress)
    finally:
        context.execution_options.preserve_order = preserve
        if started:
            ray.shutdown()
    shutil.rmtree(folder, ignore_errors=True)
    return report


def analyze(store: Store, options: Options | None = None, progress: Progress = _noop) -> AnalyzeReport:
    """Extract every pending document on Ray, import the results, rebuild the corpus-level results."""
    options = options or Options()
    report = AnalyzeReport()
    total = store.pending_count(todo)
    folder = run_folder(store)
    ray, started = _start_ray(options, folder)
    try:
        if total:
            progress("extract", 0, total)
            start = time.perf_counter()
            _extract_on_ray(ray, store, options, folder, report, progress, total)
            report.extract_seconds = time.perf_counter() - start
        cpus = int(ray.cluster_resources().get("CPU", 1))
        corpus(store, options, report, progress, mapper=ray_mapper(ray, window=max(2, cpus)))
    finally:
        if started:
            ray.shutdown()
    shutil.rmtree(folder, ignore_errors=True)
    return report


def ray_mapper(ray: Any, window: int) -> Callable[[Callable, Iterable[tuple]], Iterator[Any]]:
    """A mapper for :func:`rashomon.pipeline.corpus`: each partition is a Ray task; at most
    ``window`` are in flight (the driver loads the next ones meanwhile); results come back in order."""

    def mapper(fn: Callable, args: Iterable[tuple]) -> Iterator[Any]:
        remote = ray.remote(num_cpus=1, max_retries=2)(fn)
        pending: deque = deque()
        for a in args:
            pending.append(remote.remote(*a))
            if len(pending) >= window:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())

    return mapper


def _extract_on_ray(
    ray: Any, store: Store, options: Options, folder: Path, report: AnalyzeReport, progress: Progress, total: int
) -> None:
    docs_dir, out_dir = folder / "docs", folder / "extractions"
    cpus = float(ray.cluster_resources().get("CPU", 1))
    actors = max(1, int(cpus))
    # Ray counts CPUs as tokens: leave one for the small list/read/write tasks, else they
    # wait forever behind actors that wait for their input
    actor_cpus = min(1.0, max(0.1, (cpus - 1) / actors))
    # enough shards for every actor to get work, few enough that each read task is worth it
    per_shard = max(options.batch_size, -(-total // (actors * 4)))
    write_documents(store.iter_pending(todo, options.batch_size), docs_dir, per_shard)
    shards = len(list(docs_dir.glob("*.parquet")))
    dataset = ray.data.read_parquet(str(docs_dir), num_cpus=0.1, override_num_blocks=shards)
    results = dataset.map_batches(
        ExtractActor,
        fn_constructor_kwargs={"options": options},
        batch_size=options.batch_size,
        batch_format="pyarrow",
        concurrency=actors,
        num_cpus=actor_cpus,
    )
    results.write_parquet(str(out_dir), ray_remote_args={"num_cpus": 0.1})
    for extractions in read_extractions(out_dir, options.batch_size * 4):
        store.save_extractions(extractions)
        report.count(extractions)
        progress("extract", len(extractions), total)
