"""The per-document stages' bookkeeping: which stages each document still needs (``stage_runs`` holds,
per document, the ``name@version`` of every stage its stored records came from), saving a batch of
extractions (mentions, claims, inferred publication dates) and the documents an extractor failed on."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

from ..records import Document, Extraction, ExtractionError
from .connection import insert
from .documents import DocumentsMixin, set_publication
from .rows import (
    CLAIM_COLUMNS,
    EXTRACTION_ERROR_COLUMNS,
    MENTION_COLUMNS,
    claim_row,
    extraction_error_row,
    mention_row,
    row_extraction_error,
)

Todo = Callable[[Collection[str]], tuple[str, ...]]  # the stages a document needs, given those it has


def stage_name(stage: str) -> str:
    """``quotes@2`` -> ``quotes``."""
    return stage.split("@", 1)[0]


def _by_stages(extractions: Sequence[Extraction]) -> dict[tuple[str, ...], list[Extraction]]:
    groups: dict[tuple[str, ...], list[Extraction]] = {}
    for x in extractions:
        groups.setdefault(x.stages, []).append(x)
    return groups


class ExtractionsMixin(DocumentsMixin):
    """Per-document stage results (part of :class:`~rashomon.store.Store`; reads documents through
    :meth:`~rashomon.store.documents.DocumentsMixin.documents`)."""

    def _pending(self, todo: Todo) -> dict[tuple[str, ...], list[str]]:
        """The ids of the documents with stages to run, by those stages, in ingest order (``todo``: the stages
        to run on a document, given the stages its stored records came from)."""
        groups: dict[tuple[str, ...], list[str]] = {}
        with self.connect() as con:
            cur = con.execute(
                "SELECT d.id, list(s.stage) FILTER (WHERE s.stage IS NOT NULL) FROM documents d "
                "LEFT JOIN stage_runs s ON s.doc = d.id GROUP BY d.id, d.seq ORDER BY d.seq"
            )
            while rows := cur.fetchmany(10_000):
                for doc, done in rows:
                    if stages := todo(done or ()):
                        groups.setdefault(stages, []).append(doc)
        return groups

    def iter_pending(self, todo: Todo, batch_size: int) -> Iterator[tuple[tuple[str, ...], list[Document]]]:
        """``(stages, documents)``: batches of documents with the stages to run on them (resumable)."""
        for stages, ids in self._pending(todo).items():
            for i in range(0, len(ids), batch_size):
                yield stages, self.documents(ids=ids[i : i + batch_size], with_removals=False, with_raw=False)

    def pending_count(self, todo: Todo) -> int:
        return sum(len(ids) for ids in self._pending(todo).values())

    def save_extractions(self, extractions: Sequence[Extraction]) -> None:
        """Replace, in one transaction, the records of the stages that ran (``Extraction.stages``) for these
        documents: their mentions and claims (a record's ``stage`` names the stage that made it), inferred
        publication dates, and the stages recorded in ``stage_runs``. A failed extraction (``error`` set) is
        recorded in ``extraction_errors`` and its document keeps its stored records and stays pending; a
        successful one clears the document's earlier errors."""
        failed = [x for x in extractions if x.error]
        extractions = [x for x in extractions if not x.error]
        with self.connect(write=True) as con:
            con.execute(
                "DELETE FROM extraction_errors WHERE doc IN (SELECT unnest(?))",
                [[x.doc for x in extractions] + [x.doc for x in failed]],
            )
            insert(
                con,
                "extraction_errors",
                [extraction_error_row(x, ",".join(x.stages)) for x in failed],
                EXTRACTION_ERROR_COLUMNS,
            )
            for stages, done in _by_stages(extractions).items():
                docs, names = [x.doc for x in done], [stage_name(s) for s in stages]
                for table in ("mentions", "claims"):
                    con.execute(
                        f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?)) "
                        "AND split_part(stage, '@', 1) IN (SELECT unnest(?))",
                        [docs, names],
                    )
                con.execute(
                    "DELETE FROM stage_runs WHERE doc IN (SELECT unnest(?)) "
                    "AND split_part(stage, '@', 1) IN (SELECT unnest(?))",
                    [docs, names],
                )
                con.execute(
                    "INSERT INTO stage_runs SELECT d, s FROM unnest(?) AS t(d), unnest(?) AS u(s)", [docs, list(stages)]
                )
            insert(con, "mentions", [mention_row(m) for x in extractions for m in x.mentions], MENTION_COLUMNS)
            insert(con, "claims", [claim_row(c) for x in extractions for c in x.claims], CLAIM_COLUMNS)
            for x in extractions:
                if x.published_how:
                    set_publication(con, x.doc, x.published, x.published_how, x.published_window, x.published_evidence)

    def extraction_errors(self) -> list[ExtractionError]:
        """The stored documents an extractor failed on (and that have not been extracted since),
        with the document's source and the reason."""
        if self.schema_version() < 2:  # a store written before extraction errors were kept, opened read-only
            return []
        with self.connect() as con:
            rows = con.execute(
                "SELECT e.doc, d.source, e.reason, e.stage, e.code FROM extraction_errors e "
                "JOIN documents d ON d.id = e.doc ORDER BY d.seq, e.stage"
            ).fetchall()
        return [row_extraction_error(r) for r in rows]
