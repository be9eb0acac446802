"""Documents: the ingest batch (documents, their removals and MinHash signatures, the sources
they came from, ingest errors) and reading documents back, with their near-copy links resolved
at read time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import duckdb

from ..records import Document, IngestError, Removal
from .connection import Connection, col_list, insert, q, scalar
from .rows import (
    DOC_COLUMNS,
    INGEST_ERROR_COLUMNS,
    REMOVAL_COLUMNS,
    doc_row,
    ingest_error_row,
    removal_rows,
    row_doc,
    row_ingest_error,
    row_removal,
)

DOC_CHUNK = 1000  # documents (with their texts) fetched per query by Store.documents
# the near-copy groups (a near-copy and its stored original), for ``ingest.dedup`` to choose the original shown
_NEAR_COPIES = (
    "SELECT id, duplicate_of, published, outlet, seq, similarity FROM documents WHERE "
    "duplicate_of IS NOT NULL OR id IN (SELECT duplicate_of FROM documents)"
)


def set_publication(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    published: str | None,
    how: str | None,
    window: Sequence[str | None] | None,
    evidence: str | None,
) -> None:
    """Record a document's publication date, how it is known and (when inferred) its window."""
    w = window or (None, None)
    con.execute(
        "UPDATE documents SET published = ?, published_how = ?, published_window_from = ?,"
        " published_window_to = ?, published_evidence = ? WHERE id = ?",
        [published, how, w[0], w[1], evidence, doc_id],
    )


class DocumentsMixin(Connection):
    """Adding and reading documents (part of :class:`~rashomon.store.Store`)."""

    # ------------------------------------------------------------------ ingest
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """content_hash -> doc id for the hashes already stored."""
        hashes = list(set(hashes))
        if not hashes:
            return {}
        with self.connect() as con:
            rows = con.execute(
                "SELECT content_hash, id FROM documents WHERE content_hash IN (SELECT unnest(?))", [hashes]
            ).fetchall()
        return dict(rows)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(doc id, MinHash signature bytes) of every stored document, in ingest order."""
        with self.connect() as con:
            cur = con.execute(
                "SELECT s.doc, s.sig FROM doc_signatures s JOIN documents d ON d.id = s.doc ORDER BY d.seq"
            )
            while batch := cur.fetchmany(1000):
                yield from batch

    def add_batch(
        self,
        docs: Sequence[Document],
        errors: Sequence[IngestError] = (),
        signatures: dict[str, bytes] | None = None,
        sources: Sequence[tuple[str, str]] = (),
    ) -> int:
        """Store one ingest batch in one transaction. Documents whose content hash is
        already stored are not added again (their source is recorded). Returns how many
        documents were added."""
        signatures = signatures or {}
        with self.connect(write=True) as con:
            existing = set()
            if docs:
                existing = {
                    r[0]
                    for r in con.execute(
                        "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?))",
                        [[d.content_hash for d in docs]],
                    ).fetchall()
                }
            seq = scalar(con, "SELECT coalesce(max(seq), 0) FROM documents")
            rows, removals, sigs, srcs = [], [], [], list(sources)
            for d in docs:
                srcs.append((d.id, d.source))
                if d.content_hash in existing:
                    continue
                existing.add(d.content_hash)
                seq += 1
                rows.append(doc_row(d, seq))
                removals += removal_rows(d)
                if d.id in signatures:
                    sigs.append({"doc": d.id, "sig": signatures[d.id]})
            insert(con, "documents", rows, DOC_COLUMNS + ["seq"])
            insert(con, "removals", removals, REMOVAL_COLUMNS)
            insert(con, "doc_signatures", sigs, ["doc", "sig"])
            for doc, source in srcs:
                con.execute("INSERT OR IGNORE INTO doc_sources VALUES (?, ?)", [doc, source])
            for e in errors:
                row = ingest_error_row(e)
                con.execute(
                    f"INSERT OR REPLACE INTO ingest_errors ({col_list(INGEST_ERROR_COLUMNS)}) VALUES (?, ?, ?)",
                    [row[c] for c in INGEST_ERROR_COLUMNS],
                )
            if rows or srcs:
                ok_sources = [s for _, s in srcs]
                con.execute("DELETE FROM ingest_errors WHERE source IN (SELECT unnest(?))", [ok_sources])
        return len(rows)

    def errors(self) -> list[IngestError]:
        with self.connect() as con:
            rows = con.execute(f"SELECT {col_list(INGEST_ERROR_COLUMNS)} FROM ingest_errors ORDER BY source").fetchall()
        return [row_ingest_error(r) for r in rows]

    # ------------------------------------------------------------------- read
    def documents(
        self,
        *,
        outlet: str | None = None,
        ids: Sequence[str] | None = None,
        with_removals: bool = True,
        with_text: bool = True,
        with_raw: bool = True,
    ) -> list[Document]:
        """``with_text=False``: without the cleaned and raw texts; ``with_raw=False``: without the raw text
        (what extraction and the corpus stage read: they never need it, and it is as long as the text)."""
        skip = {"text", "raw_text"} if not with_text else {"raw_text"} if not with_raw else set()
        cols = ", ".join("'' AS " + q(c) if c in skip else q(c) for c in DOC_COLUMNS)
        sql = f"SELECT {cols} FROM documents WHERE 1=1"
        params: list[Any] = []
        if outlet is not None:
            sql += " AND outlet = ?"
            params.append(outlet)
        with self.connect() as con:
            if ids is None:
                rows = con.execute(sql + " ORDER BY seq", params).fetchall()
            else:  # in seq order, DOC_CHUNK texts per query: DuckDB sorts a bounded result, whatever len(ids)
                ids = list(ids)
                if len(ids) > DOC_CHUNK:  # chunks of ids in seq order, so the chunks' rows follow each other
                    ids = [
                        r[0]
                        for r in con.execute(
                            "SELECT id FROM documents WHERE id IN (SELECT unnest(?)) ORDER BY seq", [ids]
                        ).fetchall()
                    ]
                rows = []
                for i in range(0, len(ids), DOC_CHUNK):
                    rows += con.execute(
                        sql + " AND id IN (SELECT unnest(?)) ORDER BY seq", [*params, ids[i : i + DOC_CHUNK]]
                    ).fetchall()
            removed: dict[str, list[Removal]] = {}
            if with_removals and rows:
                for r in con.execute(
                    f"SELECT {col_list(REMOVAL_COLUMNS)} FROM removals "
                    "WHERE doc IN (SELECT unnest(?)) ORDER BY doc, start",
                    [[r[0] for r in rows]],
                ).fetchall():
                    removed.setdefault(r[0], []).append(row_removal(r))
            # near-copy groups: the original shown is chosen at read time (ingest.dedup.originals)
            groups = con.execute(_NEAR_COPIES).fetchall()
        from ..ingest.dedup import reoriginate

        return reoriginate([row_doc(r, removed.get(r[0], [])) for r in rows], groups)

    def document(self, ref: str) -> Document | None:
        """A document by id, id prefix, or source path."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT id FROM documents WHERE id = ? OR source = ? OR id LIKE ? ORDER BY seq LIMIT 2",
                [ref, ref, ref.replace("%", "") + "%"],
            ).fetchall()
        if len(rows) != 1:
            return None
        return self.documents(ids=[rows[0][0]])[0]

    def doc_ids(self, order: str = "seq") -> list[str]:
        """Every document id, in ingest order (``seq``) or by id."""
        with self.connect() as con:
            return [
                r[0]
                for r in con.execute(f"SELECT id FROM documents ORDER BY {'id' if order == 'id' else 'seq'}").fetchall()
            ]

    def duplicate_links(self) -> dict[str, str]:
        """doc id -> duplicate_of as :meth:`documents` reads it (the read-time original), near-copies only."""
        with self.connect() as con:
            rows = con.execute(_NEAR_COPIES).fetchall()
        from ..ingest.dedup import originals

        links = {r[0]: r[1] for r in rows if r[1]}
        for doc, original in originals(rows).items():
            if original:
                links[doc] = original
            else:
                links.pop(doc, None)
        return links
