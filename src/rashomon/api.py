"""The Python API, mirroring the CLI::

import rashomon
r = rashomon.open("news.duckdb")
r.ingest(["articles/"])
r.analyze()
for f in r.findings(status="conflict"):
    print(f.summary)
r.export("json", "out.json")
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from . import crosscheck, pipeline, reviews as review_mod
from .options import Options
from .records import (
    Claim,
    Document,
    Entity,
    ExtractionError,
    Finding,
    FramingHit,
    Incident,
    IngestError,
    Review,
    Story,
    TimelineEntry,
)
from .store import DEFAULT_DB, Store, export as export_mod
from .store.lock import writer_lock


def _engine(options: Options) -> Any:
    """The module whose ``ingest`` and ``analyze`` run the stages: the local pipeline, or Ray's."""
    if options.engine == "ray":
        from . import distributed

        return distributed
    return pipeline


class Rashomon:
    """A corpus in one DuckDB store, with everything Rashomon can do to it."""

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        options: Options | None = None,
        *,
        read_only: bool = False,
        wait: float = 10.0,
    ):
        """``wait``: how long ``ingest`` and ``analyze`` wait for another process writing to the same
        store before they give up with :class:`~rashomon.errors.StoreBusy` (see :mod:`rashomon.store.lock`)."""
        self.wait = wait
        with writer_lock(str(path), "open", wait) if not read_only else nullcontext():
            self.store = Store(path, read_only=read_only, busy_timeout=max(wait, 10.0))
        self.options = options or Options()

    def __repr__(self) -> str:
        return f"Rashomon({self.store.path!r})"

    # stages
    def ingest(
        self, paths: Iterable[str | Path] | str | Path, progress: pipeline.Progress = pipeline._noop, **options: Any
    ) -> pipeline.IngestReport:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        opts = self.options.with_(**options)
        with writer_lock(self.store.path, "ingest", self.wait):
            return _engine(opts).ingest(self.store, paths, opts, progress)

    def analyze(self, progress: pipeline.Progress = pipeline._noop, **options: Any) -> pipeline.AnalyzeReport:
        opts = self.options.with_(**options)
        with writer_lock(self.store.path, "analyze", self.wait):
            return _engine(opts).analyze(self.store, opts, progress)

    # reading
    def documents(self, outlet: str | None = None) -> list[Document]:
        return self.store.documents(outlet=outlet)

    def document(self, ref: str) -> Document | None:
        return self.store.document(ref)

    def errors(self) -> list[IngestError]:
        """Inputs that could not be ingested."""
        return self.store.errors()

    def extraction_errors(self) -> list[ExtractionError]:
        """Stored documents an extractor failed on (retried by the next analyze)."""
        return self.store.extraction_errors()

    def entities(self) -> list[Entity]:
        return self.store.entities()

    def claims(self, kind: str | None = None, doc: str | None = None) -> list[Claim]:
        return self.store.claims(kind=kind, doc=doc)

    def findings(
        self,
        status: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        story: str | None = None,
        review: str | None = None,
    ) -> list[Finding]:
        """Findings, filtered; ``review``: unreviewed, confirmed, wrong or needs-check (the review shown)."""
        found = self.store.findings(status=status, entity=entity, outlet=outlet, story=story)
        if review:
            state, book = review_mod.check_state(review), review_mod.book(self.store)
            found = [f for f in found if book.state(f.id) == state]
        return found

    # reviews
    def review(self, finding: str, verdict: str, note: str = "", by: str | None = None) -> Review:
        """Record a person's verdict on a finding (its id or evidence key): confirmed, wrong or needs-check,
        with a note; ``by`` defaults to the OS user. A new row each time (the newest is shown); the
        machine's verdict is never changed. Holds the writer lock like ``ingest`` and ``analyze``."""
        with writer_lock(self.store.path, "review", self.wait):
            return review_mod.add(self.store, finding, verdict, note, by)

    def reviews(self, history: bool = False) -> list[Review]:
        """The newest review of each finding's evidence (every review with ``history``), oldest first;
        ``applies_to`` is the finding it applies to now, None when stale (no finding has that evidence)."""
        book = review_mod.book(self.store)
        return book.history if history else book.latest()

    def stories(self) -> list[Story]:
        return self.store.stories()

    def framing(self) -> list[FramingHit]:
        return self.store.framing()

    def framing_table(self) -> list[dict]:
        return crosscheck.framing_table(self.store.framing())

    def timeline(self) -> list[TimelineEntry]:
        return self.store.timeline()

    def incidents(self, type: str | None = None, place: str | None = None, since: str | None = None,
                  status: str | None = None) -> list[Incident]:  # fmt: skip
        """Incidents; ``place`` matches place or region (case-insensitive part), ``since`` an ISO date,
        ``status`` the status of any of its figures."""
        out = []
        for i in self.store.incidents():
            if type and i.type != type:
                continue
            if place and not any(place.casefold() in (x or "").casefold() for x in (i.place, i.region)):
                continue
            if since and (i.date or "") < since:
                continue
            if status and not any(f.status == status for f in i.figures):
                continue
            out.append(i)
        return out

    def matrix(self) -> list[dict]:
        """Outlet x outlet: the findings each pair agrees, conflicts, differs in scope or updates on
        (counted as the web matrix counts them: :mod:`rashomon.crosscheck.matrix`)."""
        findings = [f for f in self.store.findings() if f.status in crosscheck.matrix.STATUSES]
        ids = sorted({c for f in findings for c in f.claims})
        claims = self.store.claims(ids=ids) if ids else []
        return crosscheck.outlet_matrix(findings, claims, self.store.documents(with_removals=False, with_text=False))

    def sql(self, query: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        return self.store.query(query, params)

    def export(self, fmt: str = "json", out: str | Path = "rashomon-export.json") -> Path:
        return export_mod.write(self.store, fmt, out)


def open(path: str | Path = DEFAULT_DB, options: Options | None = None, **kw: Any) -> Rashomon:  # noqa: A001
    """Open (creating if needed) the store at ``path``."""
    return Rashomon(path, options, **kw)
