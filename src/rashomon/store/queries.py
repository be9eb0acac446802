"""The read side: claims, mentions and the corpus-level results as records, what the corpus
stage reads in parts (mention forms, timeline partitions, claims with staged speakers), the
web UI's lookups, and a user's own read-only SQL. Parameterised SQL only."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import duckdb

from ..errors import ReadOnlyQuery, StoreError
from ..records import Claim, Document, Entity, Finding, FramingHit, Incident, Mention, Story, TimelineEntry
from .connection import col_list, q, scalar
from .documents import DocumentsMixin
from .rows import (
    CLAIM_COLUMNS,
    ENTITY_COLUMNS,
    ENTITY_MENTION_COLUMNS,
    FINDING_COLUMNS,
    FRAMING_COLUMNS,
    INCIDENT_COLUMNS,
    MENTION_COLUMNS,
    TIMELINE_COLUMNS,
    row_claim,
    row_entity,
    row_entity_mention,
    row_finding,
    row_framing,
    row_incident,
    row_mention,
    row_story,
    row_timeline,
)


def _like(term: str) -> str:
    """An ILIKE pattern matching ``term`` anywhere (its own % _ and \\ taken literally)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class QueriesMixin(DocumentsMixin):
    """Reading results back (part of :class:`~rashomon.store.Store`; document lookups go through
    :meth:`~rashomon.store.documents.DocumentsMixin.documents`)."""

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", "claims", "entities", "findings", "framing", "mentions", "stories"):
            raise StoreError(f"unknown table {table!r}")
        with self.connect() as con:
            return scalar(con, f"SELECT count(*) FROM {q(table)}")

    # -------------------------------------------------------- mentions, claims
    def mentions(self) -> Iterator[Mention]:
        with self.connect() as con:
            cur = con.execute(
                f"SELECT {col_list(MENTION_COLUMNS, 'm')} FROM mentions m "
                'JOIN documents d ON d.id = m.doc ORDER BY d.seq, m.start, m."end"'
            )
            while batch := cur.fetchmany(5000):
                for r in batch:
                    yield row_mention(r)

    def mention_forms(self) -> Iterator[tuple[str, str, str, int]]:
        """(doc, surface text, label, how many mentions) of every stored mention, aggregated in SQL."""
        with self.connect() as con:
            reader = con.sql(
                "SELECT m.doc, m.text, m.label, count(*) FROM mentions m JOIN documents d "
                "ON d.id = m.doc GROUP BY m.doc, m.text, m.label "
                "ORDER BY min(d.seq), min(m.start), m.text, m.label"
            ).to_arrow_reader(20000)
            for batch in reader:
                yield from zip(*(batch.column(i).to_pylist() for i in range(4)))

    def claims(
        self, *, kind: str | None = None, doc: str | None = None, ids: Sequence[str] | None = None
    ) -> list[Claim]:
        return self._select_claims(
            col_list(CLAIM_COLUMNS, "c"),
            "",
            [
                ("c.kind = ?", kind or None),
                ("c.doc = ?", doc or None),
                ("c.id IN (SELECT unnest(?))", None if ids is None else list(ids)),
            ],
        )

    def _select_claims(self, cols: str, join: str, filters: Sequence[tuple[str, Any]]) -> list[Claim]:
        """Claims in document order; ``filters``: (SQL condition, parameter), skipped when None."""
        used = [(cond, value) for cond, value in filters if value is not None]
        where = "".join(f" AND {cond}" for cond, _ in used)
        sql = (
            f"SELECT {cols} FROM claims c JOIN documents d ON d.id = c.doc {join} WHERE 1=1{where}"
            " ORDER BY d.seq, c.start, c.kind, c.id"
        )
        with self.connect() as con:
            if not con.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'claims' "
                               "AND column_name = 'part'").fetchone():  # fmt: skip
                sql = sql.replace('c."part"', "NULL")  # a v6 store, opened read-only
            rows = con.execute(sql, [value for _, value in used]).fetchall()
        return [row_claim(r) for r in rows]

    def claims_of(
        self, docs: Sequence[str] | None = None, kinds: Sequence[str] | None = None, ids: Sequence[str] | None = None
    ) -> list[Claim]:
        """Claims of these documents (or with these ids), quote speakers taken from the staged
        speaker resolution, in the order of :meth:`claims`."""
        cols = ", ".join(
            "CASE WHEN c.kind = 'quote' THEN s.speaker ELSE c.speaker END" if c == "speaker" else "c." + q(c)
            for c in CLAIM_COLUMNS
        )
        return self._select_claims(
            cols,
            "LEFT JOIN _build_speakers s ON s.id = c.id AND c.kind = 'quote'",
            [
                ("c.doc IN (SELECT unnest(?))", None if docs is None else list(docs)),
                ("c.id IN (SELECT unnest(?))", None if ids is None else list(ids)),
                ("c.kind IN (SELECT unnest(?))", None if kinds is None else list(kinds)),
            ],
        )

    _TIMELINE_KEY = "CASE WHEN regexp_matches(v, '^(\\d{4}|XXXX)-\\d\\d-\\d\\d') THEN substr(v, 6, 5) ELSE v END"
    # the dated claims the timeline and publication windows can use: an absolute value (``timerules.is_absolute``:
    # a digit first, no X) or a month-day without a year that another source may date (``timeline.resolve_years``);
    # "PRESENT_REF", durations and the like never place anything on the calendar (at 100k documents one such key
    # held tens of thousands of claims: one partition)
    _TIMELINE_CLAIMS = (
        "(SELECT c.id, CASE c.kind WHEN 'time' THEN c.value_iso ELSE c.time END AS v FROM claims c "
        "JOIN documents d ON d.id = c.doc WHERE c.kind IN ('event', 'quantity', 'time')) "
        "WHERE regexp_matches(v, '^(\\d[^X]*|XXXX-\\d\\d-\\d\\d.*)$')"
    )

    def timeline_keys(self) -> list[tuple[str, int]]:
        """(partition key, claims) for the timeline: claims that can only meet on the same
        month-day (or the same coarser value) share a key."""
        with self.connect() as con:
            return con.execute(
                f"SELECT {self._TIMELINE_KEY} AS k, count(*) FROM {self._TIMELINE_CLAIMS} GROUP BY k ORDER BY k"
            ).fetchall()

    def timeline_claim_ids(self, keys: Sequence[str]) -> list[str]:
        with self.connect() as con:
            return [
                r[0]
                for r in con.execute(
                    f"SELECT id FROM {self._TIMELINE_CLAIMS} AND {self._TIMELINE_KEY} IN (SELECT unnest(?))",
                    [list(keys)],
                ).fetchall()
            ]

    # ------------------------------------------------------ corpus-level results
    def entities(self) -> list[Entity]:
        with self.connect() as con:
            ents = con.execute(f"SELECT {col_list(ENTITY_COLUMNS)} FROM entities ORDER BY id").fetchall()
            ms: dict[str, list[Mention]] = {}
            for r in con.execute(
                f"SELECT {col_list(ENTITY_MENTION_COLUMNS)} FROM entity_mentions ORDER BY entity, doc, start"
            ).fetchall():
                ms.setdefault(r[0], []).append(row_entity_mention(r))
        return [row_entity(r, ms.get(r[0], ())) for r in ents]

    def stories(self) -> list[Story]:
        with self.connect() as con:
            rows = con.execute(
                "SELECT s.id, s.label, list(sd.doc ORDER BY sd.doc) FROM stories s LEFT JOIN story_docs sd "
                "ON sd.story = s.id GROUP BY s.id, s.label ORDER BY s.id"
            ).fetchall()
        return [row_story(r) for r in rows]

    def findings(
        self,
        *,
        status: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        story: str | None = None,
        id: str | None = None,
    ) -> list[Finding]:
        sql = (
            f"SELECT {col_list(FINDING_COLUMNS, 'f')}, (SELECT list(claim ORDER BY pos) FROM finding_claims fc "
            "WHERE fc.finding = f.id) FROM findings f WHERE 1=1"
        )
        params: list[Any] = []
        if id:
            sql += " AND f.id = ?"
            params.append(id)
        if status:
            sql += " AND f.status = ?"
            params.append(status)
        if outlet:
            sql += " AND list_contains(f.outlets, ?)"
            params.append(outlet)
        if story:
            sql += " AND f.story = ?"
            params.append(story)
        if entity:
            sql += (
                " AND (EXISTS (SELECT 1 FROM entities e WHERE list_contains(f.entities, e.id) AND "
                "(e.id = ? OR lower(e.name) = lower(?) OR "
                "EXISTS (SELECT 1 FROM (SELECT unnest(e.aliases) AS a) WHERE lower(a) = lower(?)))))"
            )
            params += [entity, entity, entity]
        sql += (
            " ORDER BY CASE f.status WHEN 'conflict' THEN 0 WHEN 'scope_difference' THEN 1 WHEN 'update' THEN 2 "
            "WHEN 'unknown' THEN 3 WHEN 'agree' THEN 4 ELSE 5 END, f.id"
        )
        with self.connect() as con:
            rows = con.execute(sql, params).fetchall()
        return [row_finding(r[:-1], r[-1]) for r in rows]

    def framing(self) -> list[FramingHit]:
        with self.connect() as con:
            rows = con.execute(
                f"SELECT {col_list(FRAMING_COLUMNS, 'f')} FROM framing f "
                "JOIN documents d ON d.id = f.doc ORDER BY d.seq, f.start"
            ).fetchall()
        return [row_framing(r) for r in rows]

    def incidents(self) -> list[Incident]:
        """Incidents in their order (by date, then place)."""
        with self.connect() as con:
            if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'incidents'").fetchone():
                return []  # a store written before incidents were coded, opened read-only
            cols = col_list(INCIDENT_COLUMNS)
            if not con.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'incidents' "
                               "AND column_name = 'evidence'").fetchone():  # fmt: skip
                cols = cols.replace('"evidence"', "NULL")  # a v5 store, opened read-only
            rows = con.execute(f"SELECT {cols} FROM incidents ORDER BY pos").fetchall()
        return [row_incident(r) for r in rows]

    def timeline(self) -> list[TimelineEntry]:
        with self.connect() as con:
            rows = con.execute(f"SELECT {col_list(TIMELINE_COLUMNS)} FROM timeline ORDER BY pos").fetchall()
        return [row_timeline(r) for r in rows]

    # --------------------------------------------------------------------- SQL
    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one user query, read-only. Returns (columns, rows).

        One statement only, and only a query (``SELECT``, ``FROM``, ``WITH``, ``DESCRIBE``, ``SHOW``,
        ``SUMMARIZE``, ``EXPLAIN``): ``COPY``, ``EXPORT``, ``PRAGMA``, ``SET``, ``ATTACH``, ``INSTALL``,
        ``LOAD``, ``CALL`` and every write are refused before they run. The query runs on a read-only
        connection with DuckDB's external access disabled and its configuration locked, so table
        functions that read files (``read_text``, ``read_csv``, ``glob``, ...) fail too."""
        if self._memory is not None:
            con = self._memory
            _check_user_sql(con, sql, self.path)
            # an in-memory store cannot be reopened read-only; refuse obvious writes instead
            if (
                not sql.lstrip()
                .lower()
                .startswith(("select", "with", "describe", "show", "summarize", "from", "explain", "("))
            ):
                raise ReadOnlyQuery("only read queries are allowed", hint="use SELECT ...")
            cur = con.execute(sql, params or [])
            return [d[0] for d in cur.description or []], cur.fetchall()
        con = self._open(read_only=True, config=USER_SQL_CONFIG)
        try:
            _check_user_sql(con, sql, self.path)
            try:
                cur = con.execute(sql, params or [])
            except duckdb.PermissionException as exc:
                raise ReadOnlyQuery(
                    "reading or writing files is disabled in `rashomon sql`: " + str(exc).splitlines()[0],
                    source=self.path,
                    hint="query the store's tables; `rashomon export` writes files",
                ) from exc
            except duckdb.Error as exc:
                if "read-only" in str(exc).lower() or "configuration has been locked" in str(exc):
                    raise ReadOnlyQuery(
                        str(exc).splitlines()[0],
                        source=self.path,
                        hint="`rashomon sql` opens the store read-only; use SELECT ...",
                    ) from exc
                raise StoreError(str(exc).splitlines()[0], source=self.path) from exc
            return [d[0] for d in cur.description or []], cur.fetchall()
        finally:
            con.close()

    # ------------------------------------------------------------ web queries
    # Read-only lookups for the web UI (rashomon.web).
    def search_documents(self, terms: Sequence[str], limit: int = 200) -> list[Document]:
        """Documents whose title or cleaned text contains every term (case-insensitive), in ingest order."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM (SELECT unnest(?) AS p) u "
                "WHERE NOT (coalesce(d.title, '') || ' ' || d.text ILIKE u.p ESCAPE '\\')) ORDER BY seq LIMIT ?",
                [[_like(t) for t in terms], limit],
            ).fetchall()
        return self.documents(ids=[r[0] for r in rows], with_removals=False) if rows else []

    def search_claims(self, terms: Sequence[str], limit: int = 200) -> list[Claim]:
        """Claims whose text (or counted thing, speaker, action) contains every term (case-insensitive)."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM (SELECT unnest(?) AS p) u WHERE NOT ("
                "coalesce(c.text, '') || ' ' || coalesce(c.what, '') || ' ' || coalesce(c.speaker_text, '') || ' ' "
                "|| coalesce(c.action, '') ILIKE u.p ESCAPE '\\')) ORDER BY doc, start LIMIT ?",
                [[_like(t) for t in terms], limit],
            ).fetchall()
        return self.claims(ids=[r[0] for r in rows]) if rows else []

    def claim_counts(self) -> dict[str, int]:
        """kind -> number of claims of that kind."""
        with self.connect() as con:
            return dict(con.execute("SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind").fetchall())

    def doc_mentions(self, doc: str) -> list[tuple[int, int, str, str, str | None, str | None]]:
        """(start, end, text, type, entity id, entity name) of every entity mention in one document;
        mentions not (yet) resolved to an entity come with entity id and name None."""
        with self.connect() as con:
            return con.execute(
                'SELECT em.start, em."end", em.text, e.type, e.id, e.name FROM entity_mentions em '
                "JOIN entities e ON e.id = em.entity WHERE em.doc = ? UNION ALL "
                'SELECT m.start, m."end", m.text, m.label, NULL, NULL FROM mentions m WHERE m.doc = ? AND NOT EXISTS '
                '(SELECT 1 FROM entity_mentions em WHERE em.doc = m.doc AND em.start = m.start AND em."end" = m."end") '
                "ORDER BY 1, 2",
                [doc, doc],
            ).fetchall()

    def doc_framing(self, doc: str) -> list[FramingHit]:
        """The framing hits in one document."""
        with self.connect() as con:
            rows = con.execute(
                f"SELECT {col_list(FRAMING_COLUMNS)} FROM framing WHERE doc = ? ORDER BY start", [doc]
            ).fetchall()
        return [row_framing(r) for r in rows]

    def claim_findings(self, claim_ids: Sequence[str]) -> dict[str, list[tuple[str, str, str]]]:
        """claim id -> [(finding id, status, summary)] for the findings these claims belong to."""
        if not claim_ids:
            return {}
        with self.connect() as con:
            rows = con.execute(
                "SELECT fc.claim, f.id, f.status, f.summary FROM finding_claims fc JOIN findings f "
                "ON f.id = fc.finding WHERE fc.claim IN (SELECT unnest(?)) ORDER BY f.id",
                [list(claim_ids)],
            ).fetchall()
        out: dict[str, list[tuple[str, str, str]]] = {}
        for claim, fid, status, summary in rows:
            out.setdefault(claim, []).append((fid, status, summary or ""))
        return out

    def finding_doc_pairs(self) -> list[tuple[str, str]]:
        """(finding id, document id) for each document a finding's claims come from."""
        with self.connect() as con:
            return con.execute(
                "SELECT DISTINCT fc.finding, c.doc FROM finding_claims fc JOIN claims c ON c.id = fc.claim "
                "ORDER BY fc.finding, c.doc"
            ).fetchall()

    def entities_like(self, text: str, limit: int = 200) -> list[tuple[str, str]]:
        """(id, name) of the entities whose id is ``text`` or whose name or an alias contains it
        (case-insensitive), most mentioned first."""
        pattern = _like(text)
        with self.connect() as con:
            return con.execute(
                "SELECT e.id, e.name FROM entities e WHERE e.id = ? OR e.name ILIKE ? ESCAPE '\\' OR EXISTS "
                "(SELECT 1 FROM (SELECT unnest(e.aliases) AS a) WHERE a ILIKE ? ESCAPE '\\') "
                "ORDER BY (SELECT count(*) FROM entity_mentions m WHERE m.entity = e.id) DESC, e.name LIMIT ?",
                [text, pattern, pattern, limit],
            ).fetchall()

    def entity(self, entity_id: str) -> Entity | None:
        """One canonical entity with its mentions, or None."""
        with self.connect() as con:
            row = con.execute(f"SELECT {col_list(ENTITY_COLUMNS)} FROM entities WHERE id = ?", [entity_id]).fetchone()
            if row is None:
                return None
            ms = con.execute(
                f"SELECT {col_list(ENTITY_MENTION_COLUMNS)} FROM entity_mentions WHERE entity = ? ORDER BY doc, start",
                [entity_id],
            ).fetchall()
        return row_entity(row, [row_entity_mention(m) for m in ms])

    def entity_quotes(self, entity_id: str) -> tuple[list[Claim], list[Claim]]:
        """(quotes attributed to the entity, quotes by others whose content mentions it)."""
        with self.connect() as con:
            by = [
                r[0]
                for r in con.execute(
                    "SELECT id FROM claims WHERE kind = 'quote' AND speaker = ?", [entity_id]
                ).fetchall()
            ]
            about = [
                r[0]
                for r in con.execute(
                    "SELECT c.id FROM claims c WHERE c.kind = 'quote' AND coalesce(c.speaker, '') <> ? AND EXISTS "
                    "(SELECT 1 FROM entity_mentions em WHERE em.entity = ? AND em.doc = c.doc "
                    "AND em.start >= coalesce(c.content_start, c.start) "
                    'AND em."end" <= coalesce(c.content_end, c."end"))',
                    [entity_id, entity_id],
                ).fetchall()
            ]
        return (self.claims(ids=by) if by else [], self.claims(ids=about) if about else [])


# DuckDB settings of the connection user SQL runs on: no file but the store, no extension, no way back.
USER_SQL_CONFIG = {"enable_external_access": False, "lock_configuration": True}
_QUERY_KINDS = ("SELECT", "EXPLAIN")  # DESCRIBE, SHOW, SUMMARIZE and FROM-first queries parse as SELECT


def _check_user_sql(con: duckdb.DuckDBPyConnection, sql: str, source: str) -> None:
    """Refuse anything but one query (see :meth:`QueriesMixin.query`), before it runs."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(str(exc).splitlines()[0], source=source) from exc
    if len(statements) != 1:
        raise ReadOnlyQuery(
            f"one statement at a time, got {len(statements)}",
            source=source,
            hint="run each query on its own (`rashomon sql` is read-only)",
        )
    kind = statements[0].type.name
    if kind not in _QUERY_KINDS:
        raise ReadOnlyQuery(
            f"{kind} statements are refused: `rashomon sql` is read-only",
            source=source,
            hint="use SELECT (or DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); `rashomon export` writes files",
        )
