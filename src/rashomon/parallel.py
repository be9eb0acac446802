"""Local parallel extraction: a pool of worker processes, each loading spaCy once (and again
after every ``TASKS_PER_WORKER`` batches, when a fresh process replaces it).

``extract_batch`` is the unit of work every engine shares (in process, in a worker
process, in a Ray actor): one ``nlp.pipe`` pass over a batch of documents (the spaCy model, then Rashomon's
components), then :func:`rashomon.extract.extract_doc` on each, returning :class:`Extraction` records.
Workers send back those small records, never spaCy ``Doc`` objects, so little is pickled.

``extract_batches`` streams ``(batch, extractions)`` pairs in the order the batches
came in, whatever order the workers finish in, so ``workers=N`` stores exactly what
``workers=1`` stores. At most ``2 * workers`` batches are in flight: memory is bounded
by the batch size, not by the corpus size. Workers are started with the ``spawn``
context (no forked copies of a parent's DuckDB connections or thread pools), and die with their
parent, however it ends (:func:`die_with_parent`): a killed ``analyze`` leaves no worker behind.

``process_mapper`` runs the corpus stage's partitions (:mod:`rashomon.crosscheck.partition`)
the same way: in a pool of worker processes, in order, a bounded window in flight, while the
driver loads the next partitions from the store.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import WorkerCrashed  # defined in errors.py; still importable from here
from .extract import extract_doc
from .extract.components import COMPONENTS, stages as all_stages
from .nlp import pipeline
from .options import Options
from .records import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

IN_FLIGHT_PER_WORKER = 2
# A worker is replaced after this many batches: spaCy's string store and vocabulary only grow
# (every new token string stays), so a long run would otherwise grow with the corpus' vocabulary.
# Reloading the model costs about a second per TASKS_PER_WORKER batches.
TASKS_PER_WORKER = 100


def extract_batch(
    documents: Sequence[Document], options: Options, stages: Sequence[str] | None = None
) -> list[Extraction]:
    """One spaCy pass over ``documents`` and the extractors of ``stages`` (default: all) on each.

    A document the model or an extractor fails on gets an :class:`Extraction` that carries only
    the ``error`` (the exception and where it was raised); the others are unaffected: when the
    batched model pass itself fails, the rest of the batch is parsed one document at a time."""
    stages = tuple(stages) if stages is not None else all_stages()
    nlp = pipeline(options.model)
    off = [name for name, c in COMPONENTS.items() if c.stage not in stages]
    parsed = nlp.pipe((_for(nlp, d) for d in documents), batch_size=max(1, len(documents)), disable=off)
    out: list[Extraction] = []
    for i, doc in enumerate(documents):
        try:
            sdoc = next(parsed)
        except Exception:  # noqa: BLE001 - the batch pass is dead; isolate the document that killed it
            return out + [_extract(doc, options, stages, nlp=nlp) for doc in documents[i:]]
        out.append(_extract(doc, options, stages, sdoc=sdoc))
    return out


def _for(nlp: Language, document: Document) -> Doc:
    """An unparsed ``Doc`` of ``document``'s text that the Rashomon components will attribute to it."""
    doc = nlp.make_doc(document.text)
    doc._.document = document
    return doc


def _extract(
    document: Document,
    options: Options,
    stages: tuple[str, ...],
    *,
    sdoc: Doc | None = None,
    nlp: Language | None = None,
) -> Extraction:
    """The extraction of ``document`` by ``stages``: ``sdoc`` when it is parsed already, else ``nlp`` parses it."""
    try:
        if sdoc is None:
            assert nlp is not None
            sdoc = nlp(_for(nlp, document), disable=[n for n, c in COMPONENTS.items() if c.stage not in stages])
        return extract_doc(sdoc, document, options, stages)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
        return Extraction(doc=document.id, error=_reason(exc), stages=stages)


def _reason(exc: BaseException) -> str:
    """``Type: message (at file.py:line in function)``, the innermost frame of the traceback (of the
    component's own error where spaCy wrapped it in its "[E109] component could not be run")."""
    while isinstance(exc, ValueError) and "[E109]" in str(exc) and exc.__cause__ is not None:
        exc = exc.__cause__
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


# ------------------------------------------------------------ worker process
_OPTIONS: Options | None = None
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this worker process end when its parent does, however the parent ends (SIGKILL included):
    on Linux the kernel sends it SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread
    polls the parent's pid. A worker whose parent is already gone exits at once."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if not armed:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="rashomon-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _init_worker(options: Options, parent: int) -> None:
    """Runs once per worker process: tie it to its parent, load the model before the first batch."""
    global _OPTIONS
    die_with_parent(parent)
    _OPTIONS = options
    pipeline(options.model)


def _work(documents: Sequence[Document], stages: tuple[str, ...]) -> list[Extraction]:
    assert _OPTIONS is not None, "worker used before _init_worker"
    return extract_batch(documents, _OPTIONS, stages)


# ------------------------------------------------------------------- driver
def _in_order(
    pool: ProcessPoolExecutor, fn: Callable, args: Iterable[tuple], limit: int, what: str, hint: str
) -> Iterator[tuple[tuple, Any]]:
    """``(args, fn(*args))`` for each item of ``args``, in input order, computed in ``pool`` with
    at most ``limit`` items in flight (the next ones are read only as results are taken)."""
    window: deque[tuple[tuple, Future]] = deque()
    try:
        for a in args:
            window.append((a, pool.submit(fn, *a)))
            while len(window) >= limit:
                done, future = window.popleft()
                yield done, future.result()
        while window:
            done, future = window.popleft()
            yield done, future.result()
    except BrokenProcessPool as exc:
        raise WorkerCrashed(f"{what} worker process died", hint=hint) from exc
    finally:
        for _, future in window:
            future.cancel()


def extract_batches(
    batches: Iterable[tuple[tuple[str, ...], Sequence[Document]]], options: Options
) -> Iterator[tuple[Sequence[Document], list[Extraction]]]:
    """Yield ``(batch, extractions)`` for each ``(stages, batch)``, in input order.

    ``options.workers <= 1`` runs in this process; otherwise a pool of
    ``options.workers`` processes is started for the duration of the iteration.
    """
    if options.workers <= 1:
        for stages, batch in batches:
            yield batch, extract_batch(batch, options, stages)
        return
    with ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(options, os.getpid()),
        max_tasks_per_child=TASKS_PER_WORKER,
    ) as pool:
        for (batch, _), extractions in _in_order(
            pool,
            _work,
            ((list(b), s) for s, b in batches),
            options.workers * IN_FLIGHT_PER_WORKER,
            "an extraction",
            "lower --workers or --batch-size if the machine ran out of memory; "
            "run with --workers 1 to see the document that crashes it",
        ):
            yield batch, extractions


@contextmanager
def process_mapper(workers: int) -> Iterator[Callable[[Callable, Iterable[tuple]], Iterator[Any]]]:
    """A mapper for :func:`rashomon.pipeline.corpus` that runs each partition in one of ``workers``
    processes (started once, for the whole corpus stage); results come back in input order, at most
    ``2 * workers`` partitions in flight, so memory is bounded by the partition size."""
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:

        def mapper(fn: Callable, args: Iterable[tuple]) -> Iterator[Any]:
            for _, result in _in_order(
                pool,
                fn,
                args,
                workers * IN_FLIGHT_PER_WORKER,
                "a corpus-stage",
                "lower --workers if the machine ran out of memory (each worker holds one "
                "partition); run with --workers 1 to see the error in this process",
            ):
                yield result

        yield mapper
