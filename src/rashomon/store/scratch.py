"""A throw-away DuckDB file for the corpus stage's large intermediate tables.

Story grouping (TF-IDF vectors and candidate pairs) and quote blocking (shingle postings)
need an inverted index over the whole corpus. Held in Python it grows with the corpus;
here it lives in a temporary DuckDB database with a memory limit, so DuckDB spills to
disk and the process keeps a bounded footprint. The file is removed on ``close``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

MEMORY_LIMIT = "256MB"
PAIR_CHUNK = 2000  # documents whose story pairs one query finds


class Scratch:
    def __init__(self, memory_limit: str = MEMORY_LIMIT):
        self.folder = Path(tempfile.mkdtemp(prefix="rashomon-corpus-"))
        self.con = duckdb.connect(str(self.folder / "scratch.duckdb"))
        self.con.execute(f"SET memory_limit = '{memory_limit}'")
        self.con.execute(f"SET temp_directory = '{self.folder / 'spill'}'")
        self.con.execute("SET preserve_insertion_order = false")
        self.con.execute("CREATE TABLE counts (idx INTEGER, pos INTEGER, feature VARCHAR, c INTEGER)")
        self.con.execute("CREATE TABLE vec (idx INTEGER, pos INTEGER, feature VARCHAR, w DOUBLE)")
        self.con.execute("CREATE TABLE days (idx INTEGER, day INTEGER)")
        self.con.execute("CREATE TABLE shingles (q INTEGER, gram BIGINT)")
        self.con.execute("CREATE TABLE quote_rank (q INTEGER, rank INTEGER)")
        self.con.execute("CREATE TABLE dates (claim VARCHAR, doc VARCHAR, story VARCHAR, key VARCHAR)")
        self.con.execute("CREATE TABLE statement_keys (st VARCHAR, doc VARCHAR, key VARCHAR)")

    def close(self) -> None:
        self.con.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _append(self, table: str, columns: dict[str, list]) -> None:
        first = next(iter(columns.values()), [])
        if first:
            arrow = pa.table(columns)  # noqa: F841  (referenced by name in SQL)
            self.con.execute(f"INSERT INTO {table} SELECT * FROM arrow")

    def _stream(self, sql: str, params: list) -> Iterator[tuple]:
        """The rows of a query, fetched in chunks (never all of them in Python at once)."""
        cur = self.con.execute(sql, params)
        while batch := cur.fetchmany(20000):
            yield from batch

    # ------------------------------------------------------------------ stories
    def add_counts(self, rows: Iterable[tuple[int, int, str, int]], days: Iterable[tuple[int, int | None]]) -> None:
        """Raw feature counts ``(document index, position, feature, count)`` and publication days."""
        rows = list(rows)
        self._append(
            "counts",
            {
                "idx": [r[0] for r in rows],
                "pos": [r[1] for r in rows],
                "feature": [r[2] for r in rows],
                "c": [r[3] for r in rows],
            },
        )
        days = list(days)
        self._append("days", {"idx": [d[0] for d in days], "day": [d[1] for d in days]})

    def weigh(self, n: int, entity_weight: float) -> None:
        """``vec`` from ``counts``: L2-normalised TF-IDF weights over ``n`` documents (entity
        features, "e:...", weigh ``entity_weight`` times a word; as ``stories.weigh``)."""
        self.con.execute(
            "INSERT INTO vec WITH df AS (SELECT feature, count(*) AS df FROM counts GROUP BY feature), "
            "t AS (SELECT c.idx, c.pos, c.feature, (1 + ln(c.c)) * ln((1 + ?::DOUBLE) / (1 + df.df)) "
            "* CASE WHEN starts_with(c.feature, 'e') THEN ? ELSE 1.0 END AS x FROM counts c JOIN df USING (feature)) "
            "SELECT idx, pos, feature, x / coalesce(nullif(sqrt(sum(x * x) OVER (PARTITION BY idx)), 0), 1) "
            "FROM t QUALIFY x > 0",
            [n, entity_weight],
        )
        self.con.execute("DROP TABLE counts")

    def story_pairs(self, cap: int, max_days: int, threshold: float) -> Iterator[tuple[int, int]]:
        """Pairs of documents whose cosine over shared features in 2..cap documents (halved when
        both are dated more than ``max_days`` apart) reaches ``threshold`` (streamed, by ``a``).

        The postings of those features (integer feature ids) are joined ``PAIR_CHUNK`` first
        documents at a time, so each query's join and aggregate hold one chunk's pairs, not the
        corpus' (one query over 100k documents ran out of DuckDB's memory limit)."""
        self.con.execute(
            "CREATE OR REPLACE TABLE post AS WITH f AS (SELECT feature, row_number() OVER () AS fid FROM vec "
            "GROUP BY feature HAVING count(*) BETWEEN 2 AND ?) "
            "SELECT v.idx, f.fid, v.w FROM vec v JOIN f USING (feature)",
            [cap],
        )
        (last,) = self.con.execute("SELECT max(idx) FROM post").fetchone() or (None,)  # one row: an aggregate
        for lo in range(0, -1 if last is None else last + 1, PAIR_CHUNK):
            yield from self._stream(
                "WITH a AS (SELECT idx, fid, w FROM post WHERE idx >= ? AND idx < ?), "
                "p AS (SELECT a.idx AS a, b.idx AS b, sum(a.w * b.w) AS s FROM a JOIN post b "
                "ON a.fid = b.fid AND a.idx < b.idx GROUP BY 1, 2) "
                "SELECT p.a, p.b FROM p JOIN days da ON da.idx = p.a JOIN days db ON db.idx = p.b "
                "WHERE CASE WHEN da.day IS NOT NULL AND db.day IS NOT NULL AND abs(da.day - db.day) > ? "
                "THEN p.s / 2 ELSE p.s END >= ? ORDER BY 1, 2",
                [lo, lo + PAIR_CHUNK, max_days, threshold],
            )
        self.con.execute("DROP TABLE post")

    def story_vectors(self, roots: Sequence[int], top: int) -> Iterator[tuple[int, list[tuple[int, dict]]]]:
        """(root, [(idx, vector)]) per story in ``roots`` order of first member: full vectors for
        stories of several documents, the ``top`` heaviest features (ties: vector order) for the others."""
        self.con.execute("CREATE OR REPLACE TABLE roots (idx INTEGER, root INTEGER, size INTEGER)")
        sizes: dict[int, int] = {}
        for r in roots:
            sizes[r] = sizes.get(r, 0) + 1
        self._append("roots", {"idx": list(range(len(roots))), "root": list(roots), "size": [sizes[r] for r in roots]})
        rows = self._stream(
            "SELECT r.root, v.idx, v.feature, v.w FROM vec v JOIN roots r ON r.idx = v.idx "
            "QUALIFY r.size > 1 OR row_number() OVER (PARTITION BY v.idx ORDER BY v.w DESC, v.pos) <= ? "
            "ORDER BY r.root, v.idx, CASE WHEN r.size > 1 THEN v.pos ELSE 0 END, "
            "CASE WHEN r.size > 1 THEN 0 ELSE -v.w END, v.pos",
            [top],
        )
        root: int | None = None  # set together with the story's first member
        members: list[tuple[int, dict]] = []
        for rt, idx, feature, w in rows:
            if rt != root:
                if root is not None:
                    yield root, members
                root, members = rt, []
            if not members or members[-1][0] != idx:
                members.append((idx, {}))
            members[-1][1][feature] = w
        if root is not None:
            yield root, members

    # ------------------------------------------------------------------- quotes
    def add_shingles(self, rows: Iterable[tuple[int, int]]) -> None:
        rows = list(rows)
        self._append("shingles", {"q": [r[0] for r in rows], "gram": [r[1] for r in rows]})

    def shingle_edges(self, order: list[int], max_postings: int) -> Iterator[tuple[int, int]]:
        """The edges of :func:`rashomon.crosscheck.quotes.components`, in its order, over quotes numbered
        by rank (``order[rank]``: the quote added as number ``order[rank]``; rank is claim-id order):
        (a quote, the next quote holding the same shingle) for shingles held by 2..max_postings quotes."""
        self._append("quote_rank", {"q": order, "rank": list(range(len(order)))})
        yield from self._stream(
            "WITH s AS (SELECT DISTINCT r.rank AS q, sh.gram FROM shingles sh JOIN quote_rank r USING (q)), "
            "g AS (SELECT gram FROM s GROUP BY gram HAVING count(*) BETWEEN 2 AND ?) "
            "SELECT DISTINCT prev, q FROM (SELECT lag(q) OVER (PARTITION BY gram ORDER BY q) AS prev, q "
            "FROM s WHERE gram IN (SELECT gram FROM g)) WHERE prev IS NOT NULL ORDER BY 1, 2",
            [max_postings],
        )

    def common_shingles(self, max_postings: int) -> set[int]:
        """The shingles held by more than ``max_postings`` quotes (at most 1/max_postings of the postings)."""
        return {
            r[0]
            for r in self.con.execute(
                "SELECT gram FROM (SELECT DISTINCT q, gram FROM shingles) GROUP BY gram HAVING count(*) > ?",
                [max_postings],
            ).fetchall()
        }

    # -------------------------------------------------------------------- dates
    def add_dates(self, rows: Iterable[tuple[str, str, str | None, str]]) -> None:
        rows = list(rows)
        self._append(
            "dates",
            {
                "claim": [r[0] for r in rows],
                "doc": [r[1] for r in rows],
                "story": [r[2] for r in rows],
                "key": [r[3] for r in rows],
            },
        )

    def date_groups(self) -> list[tuple[str, int]]:
        """(event key, claims) of the event keys dated in at least two documents (a key is the
        partition: documents alone in their story meet every story's dates of the same event)."""
        return self.con.execute(
            "SELECT key, count(*) FROM dates GROUP BY key HAVING count(DISTINCT doc) > 1 ORDER BY key"
        ).fetchall()

    def date_claims(self, keys: Sequence[str]) -> list[str]:
        return [
            r[0]
            for r in self.con.execute(
                "SELECT claim FROM dates WHERE key IN (SELECT unnest(?))", [list(keys)]
            ).fetchall()
        ]

    # --------------------------------------------------------------- statements
    def add_statement_keys(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(statement, document, bag item) of the statements of documents alone in their story."""
        rows = list(rows)
        self._append(
            "statement_keys", {"st": [r[0] for r in rows], "doc": [r[1] for r in rows], "key": [r[2] for r in rows]}
        )

    def index_statements(self, sentences: int, df: dict[str, int], min_idf: float) -> None:
        """The blocking index of those statements: their informative items (IDF over ``sentences``
        sentences with document frequencies ``df``, as ``statements.Weights.idf``, at least ``min_idf``)
        and how many statements hold each."""
        self.con.execute("CREATE TABLE sdf (key VARCHAR, n INTEGER)")
        self._append("sdf", {"key": list(df), "n": list(df.values())})
        self.con.execute(
            "CREATE TABLE skeys AS SELECT s.st, s.doc, s.key FROM statement_keys s LEFT JOIN sdf USING (key) "
            "WHERE ln((? + 1) / (coalesce(sdf.n, 0) + 0.5)) >= ?",
            [sentences, min_idf],
        )
        self.con.execute("CREATE TABLE spostings AS SELECT key, count(DISTINCT st) AS c FROM skeys GROUP BY key")
        self.con.execute("DROP TABLE statement_keys")
        self.con.execute("DROP TABLE sdf")

    def statement_edges(self, max_postings: int) -> Iterator[tuple[str, str, int]]:
        """(document, document, shared items) for the documents sharing indexed items held by
        2..max_postings statements, heaviest first, then by document ids (streamed; as
        ``statements._alone_edges``)."""
        yield from self._stream(
            "WITH k AS (SELECT DISTINCT s.doc, s.key FROM skeys s JOIN spostings p USING (key) "
            "WHERE p.c BETWEEN 2 AND ?) SELECT a.doc, b.doc, count(*) AS w FROM k a JOIN k b "
            "ON a.key = b.key AND a.doc < b.doc GROUP BY 1, 2 ORDER BY w DESC, 1, 2",
            [max_postings],
        )

    def statement_blocked(self, docs: Sequence[str], max_postings: int) -> frozenset[str]:
        """The indexed items of ``docs`` held by more than ``max_postings`` statements corpus-wide."""
        return frozenset(
            r[0]
            for r in self.con.execute(
                "SELECT DISTINCT s.key FROM skeys s JOIN spostings p USING (key) WHERE p.c > ? "
                "AND s.doc IN (SELECT unnest(?))",
                [max_postings, list(docs)],
            ).fetchall()
        )
