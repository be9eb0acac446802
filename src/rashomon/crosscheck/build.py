"""One rebuild of the corpus-level results: the state its passes share, and how a pass loads its parts.

The passes themselves (:mod:`rashomon.crosscheck.passes`) read the store, cut the corpus into
partitions along the key each groups by, run each partition through a top-level function of
:mod:`rashomon.crosscheck.partition` (in this process, in worker processes or as Ray tasks: the
``mapper``), and stage the results. What one pass hands the next is declared in
:class:`CorpusState` (all of it per-entity or per-document bookkeeping, never the texts, claims or
mentions of the whole corpus); the partition sizes are :class:`Limits`.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..options import Options
from ..records import Document, Entity, Mention
from ..store import Store
from ..store.scratch import Scratch

Progress = Callable[[str, int, int | None], None]  # (stage, advance, total)
Mapper = Callable[..., Iterator[Any]]  # (function, iterable of argument tuples) -> results, in order


def local_map(fn: Callable, args: Iterable[tuple]) -> Iterator[Any]:
    """The local engine's mapper for one worker: one partition after the other, in this process."""
    for a in args:
        yield fn(*a)


@dataclass(frozen=True)
class Limits:
    """How big one part of the corpus stage may be (a key is never split: a part can be bigger)."""

    documents: int = 400  # documents per batch of the document passes
    claims: int = 5000  # claims per date / quote / timeline partition


BOUNDED = Limits()  # the default: memory bounded by the part sizes, not by the corpus
WHOLE = Limits(documents=sys.maxsize, claims=sys.maxsize)  # the whole corpus as one part: the reference computation


@dataclass
class CorpusState:
    """What the passes hand each other, each field written by one pass (named after the ``=``)."""

    # copies
    order: list[str] = field(default_factory=list)  # document ids in ingest order
    root: dict[str, str] = field(default_factory=dict)  # a near-copy -> its original
    family: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # an original -> its copies
    # entities
    mention_counts: dict[str, int] = field(default_factory=dict)  # entity id -> corpus-wide mentions
    entities: dict[str, Entity] = field(default_factory=dict)  # entity id -> the entity without its mentions
    position: dict[str, int] = field(default_factory=dict)  # entity id -> its rank in canonicalisation order
    # publication
    publication: dict[str, dict] = field(default_factory=dict)  # document -> inferred publication fields
    # stories
    story_of: dict[str, str] = field(default_factory=dict)  # document -> its story (stories of 2+ documents)
    # incidents
    event_of: dict[str, str] = field(default_factory=dict)  # document -> its event (incidents.events)
    incident_of: dict[str, str] = field(default_factory=dict)  # document -> its coded incident
    zone_of: dict[str, str] = field(default_factory=dict)  # document -> its incident's town's time zone
    tolls: list = field(default_factory=list)  # the incidents' casualty figures as findings (tolls.findings)
    reported: dict[str, tuple] = field(default_factory=dict)  # their claims: id -> tolls.Reported
    # quantities
    linked: dict[str, str] = field(default_factory=dict)  # quantity claims some finding links to another -> its key
    # the findings of casualty counts (but scope differences): id -> (key, claims) (tolls.subsumed)
    counted: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # scan
    blocks: set[tuple[str, str]] = field(default_factory=set)  # quantity linking blocks spilled to disk
    quotes: list[str] = field(default_factory=list)  # quote claim ids, in the scratch shingle index's order
    weights: tuple[int, Counter] = (0, Counter())  # statement weights: (sentences, document frequencies)


class Build:
    """The context of one rebuild: the store, the options, the mapper, the limits, the shared state,
    and the scratch space (a scratch database and a spill folder) the passes use."""

    def __init__(self, store: Store, options: Options, mapper: Mapper, progress: Progress, limits: Limits = BOUNDED):
        self.store, self.options, self.map, self.progress, self.limits = store, options, mapper, progress, limits
        self.state = CorpusState()
        self.findings_staged = 0  # the sequence number of the next finding staged (the store keeps the first of an id)
        self._resources = ExitStack()
        self.spill = Path(self._resources.enter_context(tempfile.TemporaryDirectory(prefix="rashomon-blocks-")))
        self.scratch = self._resources.enter_context(Scratch())

    def close(self) -> None:
        self._resources.close()

    def __enter__(self) -> Build:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ loading helpers
    def documents(self, ids: Iterable[str]) -> list[Document]:
        """Documents without raw text or removals, with the publication fields inferred so far."""
        pub = self.state.publication
        return [
            replace(d, **pub[d.id]) if d.id in pub else d
            for d in self.store.documents(ids=list(ids), with_removals=False, with_raw=False)
        ]

    def with_copies(self, docs: list[Document]) -> list[Document]:
        """``docs`` plus every other copy of their originals (linking follows ``duplicate_of``
        and dates a copy by the earliest dated copy of its original)."""
        have = {d.id for d in docs}
        root, family = self.state.root, self.state.family
        extra = sorted({m for d in docs for m in family.get(root.get(d.id, d.id), ())} - have)
        return docs + (self.documents(extra) if extra else [])

    def stories_of(self, ids: Iterable[str]) -> dict[str, str]:
        return {d: self.state.story_of[d] for d in ids if d in self.state.story_of}

    def entities_in(self, docs: Iterable[str], also: Iterable[str] = ()) -> list[Entity]:
        """The entities mentioned in ``docs`` (plus ``also``), with their mentions there only (their
        corpus-wide mention counts are ``state.mention_counts``)."""
        local: dict[str, list[Mention]] = defaultdict(list)
        for eid, doc, s, e, text in self.store.built_mentions(list(docs)):
            local[eid].append(Mention(doc, s, e, text, ""))
        st = self.state
        return [
            replace(st.entities[eid], mentions=tuple(local.get(eid, ())))
            for eid in sorted(set(local) | set(also), key=st.position.__getitem__)
        ]


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def key_batches(keys: list[tuple[Any, int]], limit: int) -> Iterator[list[Any]]:
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
