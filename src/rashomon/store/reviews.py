"""The ``reviews`` table: a person's verdicts on findings, one appended row per review (never updated,
never deleted, never rebuilt by ``analyze``), and what reviews are matched with: each finding's
evidence, the kind, linking key and (document, start, end) of its claims.

What a review means and which finding it applies to is :mod:`rashomon.reviews`; this is its SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import duckdb

from ..records import Review
from .connection import Connection, col_list, insert, scalar
from .rows import REVIEW_COLUMNS, review_row, row_review

Evidence = tuple[str, str, list[tuple[str, int, int]]]  # (kind, key, [(doc, start, end) of each claim])


def _has_reviews(con: duckdb.DuckDBPyConnection) -> bool:
    """False for a store written before reviews were kept (schema v4), opened read-only."""
    return bool(con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'reviews'").fetchone())


class ReviewsMixin(Connection):
    """Reviews and the evidence they are keyed by (part of :class:`~rashomon.store.Store`)."""

    def add_review(self, review: Review) -> Review:
        """Append ``review`` as the next row; returns it with its id. The caller holds the writer lock."""
        with self.connect(write=True) as con:
            rv = replace(review, id=int(scalar(con, "SELECT coalesce(max(id), 0) + 1 FROM reviews")))
            insert(con, "reviews", [review_row(rv)], REVIEW_COLUMNS)
        return rv

    def reviews(self) -> list[Review]:
        """Every review, oldest first (as stored: ``applies_to`` and ``latest`` are not worked out here)."""
        with self.connect() as con:
            if not _has_reviews(con):
                return []
            rows = con.execute(f"SELECT {col_list(REVIEW_COLUMNS)} FROM reviews ORDER BY id").fetchall()
        return [row_review(r) for r in rows]

    def review_count(self) -> int:
        with self.connect() as con:
            return int(scalar(con, "SELECT count(*) FROM reviews")) if _has_reviews(con) else 0

    def finding_evidence(self, ids: Sequence[str] | None = None) -> dict[str, Evidence]:
        """finding id -> (kind, key, the (doc, start, end) of each of its claims) for every finding
        (or those in ``ids``). A claim missing from the ``claims`` table adds no span."""
        where = " WHERE f.id IN (SELECT unnest(?))" if ids is not None else ""
        with self.connect() as con:
            rows = con.execute(
                'SELECT f.id, f.kind, f.key, c.doc, c.start, c."end" FROM findings f '
                "LEFT JOIN finding_claims fc ON fc.finding = f.id LEFT JOIN claims c ON c.id = fc.claim" + where,
                [list(ids)] if ids is not None else [],
            ).fetchall()
        out: dict[str, Evidence] = {}
        for fid, kind, key, doc, start, end in rows:
            spans = out.setdefault(fid, (kind or "", key or "", []))[2]
            if doc is not None:
                spans.append((doc, int(start), int(end)))
        return out
