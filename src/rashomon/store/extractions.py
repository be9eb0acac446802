"""The per-document stages' bookkeeping: which documents a stage has not run on yet, saving a
batch of extractions (mentions, claims, inferred publication dates) and the documents an
extractor failed on."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..records import Document, Extraction, ExtractionError
from .connection import Connection, insert
from .documents import set_publication
from .rows import (
    CLAIM_COLUMNS,
    EXTRACTION_ERROR_COLUMNS,
    MENTION_COLUMNS,
    claim_row,
    extraction_error_row,
    mention_row,
    row_extraction_error,
)


class ExtractionsMixin(Connection):
    """Per-document stage results (part of :class:`~rashomon.store.Store`; reads documents through
    :meth:`~rashomon.store.documents.DocumentsMixin.documents`)."""

    def iter_pending(self, stage: str, batch_size: int) -> Iterator[list[Document]]:
        """Batches of documents on which ``stage`` has not run yet (resumable)."""
        with self.connect() as con:
            ids = [r[0] for r in con.execute(
                "SELECT id FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM stage_runs s WHERE s.doc = d.id AND s.stage = ?) ORDER BY seq", [stage]).fetchall()]
        for i in range(0, len(ids), batch_size):
            yield self.documents(ids=ids[i:i + batch_size], with_removals=False, with_raw=False)

    def pending_count(self, stage: str) -> int:
        with self.connect() as con:
            return con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                               "(SELECT 1 FROM stage_runs s WHERE s.doc = d.id AND s.stage = ?)", [stage]).fetchone()[0]

    def save_extractions(self, extractions: Sequence[Extraction], stage: str) -> None:
        """Replace the per-document results of ``stage`` for these documents, in one transaction.
        A failed extraction (``error`` set) is recorded in ``extraction_errors`` and its document
        stays pending; a successful one clears the document's earlier error."""
        failed = [x for x in extractions if x.error]
        extractions = [x for x in extractions if not x.error]
        docs = [x.doc for x in extractions]
        with self.connect(write=True) as con:
            con.execute("DELETE FROM extraction_errors WHERE stage = ? AND doc IN (SELECT unnest(?))",
                        [stage, docs + [x.doc for x in failed]])
            insert(con, "extraction_errors", [extraction_error_row(x, stage) for x in failed], EXTRACTION_ERROR_COLUMNS)
            for table in ("mentions", "claims"):
                con.execute(f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [docs])
            insert(con, "mentions", [mention_row(m) for x in extractions for m in x.mentions], MENTION_COLUMNS)
            insert(con, "claims", [claim_row(c) for x in extractions for c in x.claims], CLAIM_COLUMNS)
            for x in extractions:
                if x.published_how:
                    set_publication(con, x.doc, x.published, x.published_how, x.published_window,
                                    x.published_evidence)
            con.execute("INSERT OR IGNORE INTO stage_runs SELECT unnest(?), ?", [docs, stage])

    def extraction_errors(self) -> list[ExtractionError]:
        """The stored documents an extractor failed on (and that have not been extracted since),
        with the document's source and the reason."""
        if self.schema_version() < 2:  # a store written before extraction errors were kept, opened read-only
            return []
        with self.connect() as con:
            rows = con.execute("SELECT e.doc, d.source, e.reason, e.stage, e.code FROM extraction_errors e "
                               "JOIN documents d ON d.id = e.doc WHERE NOT EXISTS (SELECT 1 FROM stage_runs s "
                               "WHERE s.doc = e.doc AND s.stage = e.stage) ORDER BY d.seq, e.stage").fetchall()
        return [row_extraction_error(r) for r in rows]
