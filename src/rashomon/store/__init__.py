"""The DuckDB store: the only place that writes to (or reads from) the database file.

All SQL of the project lives in this package. Writes happen in one transaction per
batch, through short-lived connections, so readers (``rashomon sql``, the web UI)
can open the file between batches and never see a half-written batch.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import pyarrow as pa

from ..errors import ReadOnlyQuery, SchemaTooNew, StoreBusy, StoreError
from ..records import (Claim, Document, Entity, Extraction, ExtractionError, Finding, FramingHit, IngestError,
                       Mention, Removal, SourceCount, Story, TimelineEntry)
from .schema import CORPUS_TABLES, MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "rashomon.duckdb"
_LOCK_WORDS = ("lock", "Conflicting lock", "being used by another process", "Could not set lock")

CLAIM_COLUMNS = ["id", "doc", "kind", "start", "end", "text", "stage", "value", "value_list", "low", "high",
                 "approx", "unit", "what", "predicate", "place", "time", "attributed_to", "change", "speaker",
                 "speaker_text", "speaker_start", "speaker_end", "cue", "direct", "content_start", "content_end",
                 "value_iso", "timex_type", "actor", "action", "target"]
DOC_COLUMNS = ["id", "source", "title", "url", "outlet", "author", "published", "published_how",
               "published_window_from", "published_window_to", "published_evidence", "language",
               "duplicate_of", "similarity", "content_hash", "format", "text", "raw_text"]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Bulk insert through Arrow (fast, typed by the target table)."""
    if not rows:
        return
    data = {c: [r.get(c) for r in rows] for c in columns}
    arrow = pa.table(data)  # noqa: F841  (referenced by name in SQL)
    cols = ", ".join(_q(c) for c in columns)
    con.execute(f"INSERT INTO {_q(table)} ({cols}) SELECT {cols} FROM arrow")


def _set_publication(con: duckdb.DuckDBPyConnection, doc_id: str, published: str | None, how: str | None,
                     window: Sequence[str | None] | None, evidence: str | None) -> None:
    """Record a document's publication date, how it is known and (when inferred) its window."""
    w = window or (None, None)
    con.execute("UPDATE documents SET published = ?, published_how = ?, published_window_from = ?,"
                " published_window_to = ?, published_evidence = ? WHERE id = ?",
                [published, how, w[0], w[1], evidence, doc_id])


DOC_CHUNK = 1000  # documents (with their texts) fetched per query by Store.documents


class Store:
    """A Rashomon store in one DuckDB file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, busy_timeout: float = 10.0):
        self.path = str(path)
        self.read_only = read_only
        self.busy_timeout = busy_timeout
        self._memory = duckdb.connect(":memory:") if self.path == ":memory:" else None
        self.memory_limit: str | None = None  # DuckDB's own memory per connection (it spills beyond), e.g. "512MB"
        if not read_only:
            with self.connect(write=True) as con:
                self._migrate(con)
        elif self._memory is None and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", hint="run `rashomon ingest PATH` first or pass --db")

    # ---------------------------------------------------------------- plumbing
    @contextmanager
    def connect(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work. Writers get a transaction."""
        if write and self.read_only:
            raise StoreError("this store was opened read-only", source=self.path)
        con = self._memory if self._memory is not None else self._open(read_only=not write)
        if self.memory_limit and con is not self._memory:
            con.execute(f"SET memory_limit = '{self.memory_limit}'")
        try:
            if not write:
                yield con
                return
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            if con is not self._memory:
                con.close()

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.05
        while True:
            try:
                return duckdb.connect(self.path, read_only=read_only)
            except duckdb.IOException as exc:  # the file is locked by another process
                if not any(w in str(exc) for w in _LOCK_WORDS):
                    raise StoreError(str(exc), source=self.path) from exc
                if time.monotonic() > deadline:
                    raise StoreBusy("store is busy: another rashomon process is writing to it",
                                    source=self.path,
                                    hint="wait for it to finish, or use a different --db") from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(f"store schema v{current} is newer than this rashomon (v{SCHEMA_VERSION})",
                               source=self.path, hint="upgrade rashomon")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for stmt in MIGRATIONS[version]:
                con.execute(stmt)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])

    def schema_version(self) -> int:
        with self.connect() as con:
            return int(con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    # ------------------------------------------------------------------ ingest
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """content_hash -> doc id for the hashes already stored."""
        hashes = list(set(hashes))
        if not hashes:
            return {}
        with self.connect() as con:
            rows = con.execute("SELECT content_hash, id FROM documents WHERE content_hash IN (SELECT unnest(?))",
                               [hashes]).fetchall()
        return dict(rows)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(doc id, MinHash signature bytes) of every stored document, in ingest order."""
        with self.connect() as con:
            cur = con.execute("SELECT s.doc, s.sig FROM doc_signatures s JOIN documents d ON d.id = s.doc ORDER BY d.seq")
            while batch := cur.fetchmany(1000):
                yield from batch

    def add_batch(self, docs: Sequence[Document], errors: Sequence[IngestError] = (),
                  signatures: dict[str, bytes] | None = None,
                  sources: Sequence[tuple[str, str]] = ()) -> int:
        """Store one ingest batch in one transaction. Documents whose content hash is
        already stored are not added again (their source is recorded). Returns how many
        documents were added."""
        signatures = signatures or {}
        with self.connect(write=True) as con:
            existing = set()
            if docs:
                existing = {r[0] for r in con.execute(
                    "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?))",
                    [[d.content_hash for d in docs]]).fetchall()}
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
            rows, removals, sigs, srcs = [], [], [], list(sources)
            for d in docs:
                srcs.append((d.id, d.source))
                if d.content_hash in existing:
                    continue
                existing.add(d.content_hash)
                seq += 1
                row = _doc_row(d)
                row["seq"] = seq
                rows.append(row)
                removals += [{"doc": d.id, "start": r.start, "end": r.end, "rule": r.rule, "text": r.text}
                             for r in d.removed]
                if d.id in signatures:
                    sigs.append({"doc": d.id, "sig": signatures[d.id]})
            _insert(con, "documents", rows, DOC_COLUMNS + ["seq"])
            _insert(con, "removals", removals, ["doc", "start", "end", "rule", "text"])
            _insert(con, "doc_signatures", sigs, ["doc", "sig"])
            for doc, source in srcs:
                con.execute("INSERT OR IGNORE INTO doc_sources VALUES (?, ?)", [doc, source])
            for e in errors:
                con.execute("INSERT OR REPLACE INTO ingest_errors VALUES (?, ?, ?)", [e.source, e.code, e.reason])
            if rows or srcs:
                ok_sources = [s for _, s in srcs]
                con.execute("DELETE FROM ingest_errors WHERE source IN (SELECT unnest(?))", [ok_sources])
        return len(rows)

    def errors(self) -> list[IngestError]:
        with self.connect() as con:
            rows = con.execute("SELECT source, reason, code FROM ingest_errors ORDER BY source").fetchall()
        return [IngestError(source=s, reason=r, code=c or "E000") for s, r, c in rows]

    def extraction_errors(self) -> list[ExtractionError]:
        """The stored documents an extractor failed on (and that have not been extracted since),
        with the document's source and the reason."""
        if self.schema_version() < 2:  # a store written before extraction errors were kept, opened read-only
            return []
        with self.connect() as con:
            rows = con.execute("SELECT e.doc, d.source, e.reason, e.stage, e.code FROM extraction_errors e "
                               "JOIN documents d ON d.id = e.doc WHERE NOT EXISTS (SELECT 1 FROM stage_runs s "
                               "WHERE s.doc = e.doc AND s.stage = e.stage) ORDER BY d.seq, e.stage").fetchall()
        return [ExtractionError(doc, source, reason, stage, code or "E402")
                for doc, source, reason, stage, code in rows]

    # --------------------------------------------------------------- documents
    def count(self, table: str = "documents") -> int:
        if table not in ("documents", "claims", "entities", "findings", "framing", "mentions", "stories"):
            raise StoreError(f"unknown table {table!r}")
        with self.connect() as con:
            return con.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]

    def documents(self, *, outlet: str | None = None, ids: Sequence[str] | None = None,
                  with_removals: bool = True, with_text: bool = True, with_raw: bool = True) -> list[Document]:
        """``with_text=False``: without the cleaned and raw texts; ``with_raw=False``: without the raw text
        (what extraction and the corpus stage read: they never need it, and it is as long as the text)."""
        skip = {"text", "raw_text"} if not with_text else {"raw_text"} if not with_raw else set()
        cols = ", ".join("'' AS " + _q(c) if c in skip else _q(c) for c in DOC_COLUMNS)
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
                    ids = [r[0] for r in con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?)) "
                                                     "ORDER BY seq", [ids]).fetchall()]
                rows = []
                for i in range(0, len(ids), DOC_CHUNK):
                    rows += con.execute(sql + " AND id IN (SELECT unnest(?)) ORDER BY seq",
                                        [*params, ids[i:i + DOC_CHUNK]]).fetchall()
            removed: dict[str, list[Removal]] = {}
            if with_removals and rows:
                for doc, s, e, rule, text in con.execute(
                        'SELECT doc, start, "end", rule, text FROM removals WHERE doc IN (SELECT unnest(?)) '
                        'ORDER BY doc, start', [[r[0] for r in rows]]).fetchall():
                    removed.setdefault(doc, []).append(Removal(s, e, rule, text or ""))
            # near-copy groups: the original shown is chosen at read time (ingest.dedup.originals)
            groups = con.execute("SELECT id, duplicate_of, published, outlet, seq, similarity FROM documents WHERE "
                                 "duplicate_of IS NOT NULL OR id IN (SELECT duplicate_of FROM documents)").fetchall()
        from ..ingest.dedup import reoriginate
        return reoriginate([_row_doc(dict(zip(DOC_COLUMNS, r)), removed.get(r[0], [])) for r in rows], groups)

    def document(self, ref: str) -> Document | None:
        """A document by id, id prefix, or source path."""
        with self.connect() as con:
            rows = con.execute("SELECT id FROM documents WHERE id = ? OR source = ? OR id LIKE ? ORDER BY seq LIMIT 2",
                               [ref, ref, ref.replace("%", "") + "%"]).fetchall()
        if len(rows) != 1:
            return None
        return self.documents(ids=[rows[0][0]])[0]

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

    # --------------------------------------------------------------- extraction
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
            _insert(con, "extraction_errors", [{"doc": x.doc, "stage": stage, "code": "E402", "reason": x.error}
                                                for x in failed], ["doc", "stage", "code", "reason"])
            for table in ("mentions", "claims"):
                con.execute(f"DELETE FROM {table} WHERE doc IN (SELECT unnest(?))", [docs])
            _insert(con, "mentions", [m.to_dict() for x in extractions for m in x.mentions],
                    ["doc", "start", "end", "text", "label", "stage"])
            _insert(con, "claims", [_claim_row(c) for x in extractions for c in x.claims], CLAIM_COLUMNS)
            for x in extractions:
                if x.published_how:
                    _set_publication(con, x.doc, x.published, x.published_how, x.published_window,
                                     x.published_evidence)
            con.execute("INSERT OR IGNORE INTO stage_runs SELECT unnest(?), ?", [docs, stage])

    def mentions(self) -> Iterator[Mention]:
        with self.connect() as con:
            cur = con.execute('SELECT m.doc, m.start, m."end", m.text, m.label, m.stage FROM mentions m '
                              'JOIN documents d ON d.id = m.doc ORDER BY d.seq, m.start, m."end"')
            while batch := cur.fetchmany(5000):
                for r in batch:
                    yield Mention(*r)

    def claims(self, *, kind: str | None = None, doc: str | None = None,
               ids: Sequence[str] | None = None) -> list[Claim]:
        return self._select_claims(", ".join("c." + _q(c) for c in CLAIM_COLUMNS), "",
                                   [("c.kind = ?", kind or None), ("c.doc = ?", doc or None),
                                    ("c.id IN (SELECT unnest(?))", None if ids is None else list(ids))])

    def _select_claims(self, cols: str, join: str, filters: Sequence[tuple[str, Any]]) -> list[Claim]:
        """Claims in document order; ``filters``: (SQL condition, parameter), skipped when None."""
        used = [(cond, value) for cond, value in filters if value is not None]
        where = "".join(f" AND {cond}" for cond, _ in used)
        sql = (f"SELECT {cols} FROM claims c JOIN documents d ON d.id = c.doc {join} WHERE 1=1{where}"
               " ORDER BY d.seq, c.start, c.kind, c.id")
        with self.connect() as con:
            rows = con.execute(sql, [value for _, value in used]).fetchall()
        return [_row_claim(dict(zip(CLAIM_COLUMNS, r))) for r in rows]

    # ------------------------------------------------------------ corpus level
    def replace_corpus(self, *, entities: Sequence[Entity] = (), stories: Sequence[Story] = (),
                       findings: Sequence[Finding] = (), framing: Sequence[FramingHit] = (),
                       timeline: Sequence[TimelineEntry] = (), speakers: dict[str, str] | None = None,
                       publication: dict[str, dict[str, Any]] | None = None) -> None:
        """Replace every corpus-level result in one transaction. ``speakers`` maps
        quote claim id -> entity id (resolved after entity canonicalisation);
        ``publication`` maps doc id -> publication fields inferred across sources."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {_q(t)}")
            _insert(con, "entities", [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                                       "attrs": json.dumps(e.attrs, sort_keys=True)} for e in entities],
                    ["id", "name", "type", "aliases", "attrs"])
            _insert(con, "entity_mentions", [{"entity": e.id, "doc": m.doc, "start": m.start, "end": m.end,
                                              "text": m.text} for e in entities for m in e.mentions],
                    ["entity", "doc", "start", "end", "text"])
            _insert(con, "stories", [{"id": s.id, "label": s.label} for s in stories], ["id", "label"])
            _insert(con, "story_docs", [{"story": s.id, "doc": d} for s in stories for d in s.docs], ["story", "doc"])
            _insert(con, "findings", [{
                "id": f.id, "status": f.status, "summary": f.summary, "kind": f.kind, "key": f.key,
                "story": f.story, "independent_sources": json.dumps([s.to_dict() for s in f.independent_sources]),
                "entities": list(f.entities), "outlets": list(f.outlets), "flags": list(f.flags), "stage": f.stage}
                for f in findings], ["id", "status", "summary", "kind", "key", "story", "independent_sources",
                                     "entities", "outlets", "flags", "stage"])
            _insert(con, "finding_claims", [{"finding": f.id, "claim": c, "pos": i}
                                            for f in findings for i, c in enumerate(f.claims)],
                    ["finding", "claim", "pos"])
            _insert(con, "framing", [h.to_dict() for h in framing],
                    ["doc", "start", "end", "text", "category", "term", "group", "outlet", "stage"])
            _insert(con, "timeline", [{"date": t.date, "label": t.label, "claims": list(t.claims),
                                       "outlets": list(t.outlets), "docs": list(t.docs), "pos": i}
                                      for i, t in enumerate(timeline)],
                    ["date", "label", "claims", "outlets", "docs", "pos"])
            for doc_id, pub in sorted((publication or {}).items()):
                _set_publication(con, doc_id, pub.get("published"), pub.get("published_how"),
                                 pub.get("published_window"), pub.get("published_evidence"))
            if speakers is not None:
                con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
                if speakers:
                    pairs = sorted(speakers.items())
                    arrow = pa.table({"id": [p[0] for p in pairs], "speaker": [p[1] for p in pairs]})  # noqa: F841
                    con.execute("UPDATE claims SET speaker = arrow.speaker FROM arrow WHERE claims.id = arrow.id")

    # ------------------------------------------- corpus build (bounded memory)
    # The corpus-level stages write into ``_build_*`` staging tables part by part, in
    # short transactions; ``commit_corpus`` swaps them into the real tables in ONE
    # transaction, so readers see the previous corpus result or the new one, never a mix.
    def begin_corpus(self) -> None:
        """Empty staging tables for one rebuild of the corpus-level results."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                extra = {"findings": ", 0::BIGINT AS seq", "finding_claims": ", 0::BIGINT AS seq",
                         "timeline": ", []::BIGINT[] AS k"}.get(t, "")
                con.execute(f"CREATE OR REPLACE TABLE {_q('_build_' + t)} AS SELECT *{extra} FROM {_q(t)} LIMIT 0")
            con.execute("CREATE OR REPLACE TABLE _build_forms (doc VARCHAR, text VARCHAR, label VARCHAR, "
                        "entity VARCHAR)")
            con.execute("CREATE OR REPLACE TABLE _build_speakers (id VARCHAR, speaker VARCHAR)")

    def _drop_build(self, con: duckdb.DuckDBPyConnection) -> None:
        for t in (*CORPUS_TABLES, "forms", "speakers"):
            con.execute(f"DROP TABLE IF EXISTS {_q('_build_' + t)}")

    def abort_corpus(self) -> None:
        with self.connect(write=True) as con:
            self._drop_build(con)

    def mention_forms(self) -> Iterator[tuple[str, str, str, int]]:
        """(doc, surface text, label, how many mentions) of every stored mention, aggregated in SQL."""
        with self.connect() as con:
            reader = con.sql('SELECT m.doc, m.text, m.label, count(*) FROM mentions m JOIN documents d '
                             'ON d.id = m.doc GROUP BY m.doc, m.text, m.label '
                             'ORDER BY min(d.seq), min(m.start), m.text, m.label').to_arrow_reader(20000)
            for batch in reader:
                yield from zip(*(batch.column(i).to_pylist() for i in range(4)))

    def stage_entities(self, entities: Sequence[Entity], forms: Iterable[tuple[str, str, str, str]]) -> None:
        """Staged entities (their mentions come from ``forms``: (doc, text, label) -> entity id,
        joined with the stored mentions in SQL)."""
        with self.connect(write=True) as con:
            _insert(con, "_build_entities", [{"id": e.id, "name": e.name, "type": e.type,
                                              "aliases": list(e.aliases),
                                              "attrs": json.dumps(e.attrs, sort_keys=True)} for e in entities],
                    ["id", "name", "type", "aliases", "attrs"])
            chunk: list[dict[str, Any]] = []
            for doc, text, label, entity in forms:
                chunk.append({"doc": doc, "text": text, "label": label, "entity": entity})
                if len(chunk) >= 50000:
                    _insert(con, "_build_forms", chunk, ["doc", "text", "label", "entity"])
                    chunk = []
            _insert(con, "_build_forms", chunk, ["doc", "text", "label", "entity"])
            con.execute('INSERT INTO _build_entity_mentions SELECT f.entity, m.doc, m.start, m."end", m.text '
                        "FROM mentions m JOIN documents d ON d.id = m.doc JOIN _build_forms f ON f.doc = m.doc "
                        "AND f.text IS NOT DISTINCT FROM m.text AND f.label IS NOT DISTINCT FROM m.label "
                        'ORDER BY f.entity, m.doc, m.start, m."end"')

    def built_mentions(self, docs: Sequence[str]) -> list[tuple[str, str, int, int, str]]:
        """(entity, doc, start, end, text) of the staged entity mentions in these documents."""
        with self.connect() as con:
            return con.execute('SELECT entity, doc, start, "end", text FROM _build_entity_mentions '
                               'WHERE doc IN (SELECT unnest(?)) ORDER BY entity, doc, start, "end"',
                               [list(docs)]).fetchall()

    def built_mention_counts(self) -> dict[str, int]:
        with self.connect() as con:
            return dict(con.execute("SELECT entity, count(*) FROM _build_entity_mentions GROUP BY entity").fetchall())

    def built_doc_entities(self, docs: Sequence[str]) -> list[tuple[str, str, int]]:
        """(doc, entity, number of mentions) for these documents."""
        with self.connect() as con:
            return con.execute("SELECT doc, entity, count(*) FROM _build_entity_mentions "
                               "WHERE doc IN (SELECT unnest(?)) GROUP BY doc, entity", [list(docs)]).fetchall()

    def doc_ids(self, order: str = "seq") -> list[str]:
        """Every document id, in ingest order (``seq``) or by id."""
        with self.connect() as con:
            return [r[0] for r in con.execute(
                f"SELECT id FROM documents ORDER BY {'id' if order == 'id' else 'seq'}").fetchall()]

    def duplicate_links(self) -> dict[str, str]:
        """doc id -> duplicate_of as :meth:`documents` reads it (the read-time original), near-copies only."""
        with self.connect() as con:
            rows = con.execute("SELECT id, duplicate_of, published, outlet, seq, similarity FROM documents WHERE "
                               "duplicate_of IS NOT NULL OR id IN (SELECT duplicate_of FROM documents)").fetchall()
        from ..ingest.dedup import originals
        links = {r[0]: r[1] for r in rows if r[1]}
        for doc, original in originals(rows).items():
            if original:
                links[doc] = original
            else:
                links.pop(doc, None)
        return links

    def staged_finding_claims(self, claims: Sequence[str]) -> list[tuple[str, ...]]:
        """The claims of every staged finding that holds one of ``claims``, finding by finding."""
        with self.connect() as con:
            rows = con.execute("SELECT list(claim ORDER BY pos) FROM _build_finding_claims WHERE seq IN "
                               "(SELECT seq FROM _build_finding_claims WHERE claim IN (SELECT unnest(?))) "
                               "GROUP BY seq ORDER BY seq", [list(claims)]).fetchall()
        return [tuple(r[0]) for r in rows]

    def claims_of(self, docs: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
                  ids: Sequence[str] | None = None) -> list[Claim]:
        """Claims of these documents (or with these ids), quote speakers taken from the staged
        speaker resolution, in the order of :meth:`claims`."""
        cols = ", ".join("CASE WHEN c.kind = 'quote' THEN s.speaker ELSE c.speaker END" if c == "speaker"
                         else "c." + _q(c) for c in CLAIM_COLUMNS)
        return self._select_claims(cols, "LEFT JOIN _build_speakers s ON s.id = c.id AND c.kind = 'quote'",
                                   [("c.doc IN (SELECT unnest(?))", None if docs is None else list(docs)),
                                    ("c.id IN (SELECT unnest(?))", None if ids is None else list(ids)),
                                    ("c.kind IN (SELECT unnest(?))", None if kinds is None else list(kinds))])

    _TIMELINE_KEY = ("CASE WHEN regexp_matches(v, '^(\\d{4}|XXXX)-\\d\\d-\\d\\d') THEN substr(v, 6, 5) ELSE v END")
    # the dated claims the timeline and publication windows can use: an absolute value (``timerules.is_absolute``:
    # a digit first, no X) or a month-day without a year that another source may date (``timeline.resolve_years``);
    # "PRESENT_REF", durations and the like never place anything on the calendar (at 100k documents one such key
    # held tens of thousands of claims: one partition)
    _TIMELINE_CLAIMS = ("(SELECT c.id, CASE c.kind WHEN 'time' THEN c.value_iso ELSE c.time END AS v FROM claims c "
                        "JOIN documents d ON d.id = c.doc WHERE c.kind IN ('event', 'quantity', 'time')) "
                        "WHERE regexp_matches(v, '^(\\d[^X]*|XXXX-\\d\\d-\\d\\d.*)$')")

    def timeline_keys(self) -> list[tuple[str, int]]:
        """(partition key, claims) for the timeline: claims that can only meet on the same
        month-day (or the same coarser value) share a key."""
        with self.connect() as con:
            return con.execute(f"SELECT {self._TIMELINE_KEY} AS k, count(*) FROM {self._TIMELINE_CLAIMS} "
                               "GROUP BY k ORDER BY k").fetchall()

    def timeline_claim_ids(self, keys: Sequence[str]) -> list[str]:
        with self.connect() as con:
            return [r[0] for r in con.execute(
                f"SELECT id FROM {self._TIMELINE_CLAIMS} AND {self._TIMELINE_KEY} IN (SELECT unnest(?))",
                [list(keys)]).fetchall()]

    def stage_speakers(self, speakers: dict[str, str]) -> None:
        with self.connect(write=True) as con:
            pairs = sorted(speakers.items())
            _insert(con, "_build_speakers", [{"id": a, "speaker": b} for a, b in pairs], ["id", "speaker"])

    def stage_stories(self, stories: Sequence[Story]) -> None:
        with self.connect(write=True) as con:
            _insert(con, "_build_stories", [{"id": s.id, "label": s.label} for s in stories], ["id", "label"])
            _insert(con, "_build_story_docs", [{"story": s.id, "doc": d} for s in stories for d in s.docs],
                    ["story", "doc"])

    def stage_findings(self, findings: Sequence[Finding], seq: int) -> int:
        """Stage findings numbered from ``seq`` (the first finding of an id wins at commit); returns the next seq."""
        with self.connect(write=True) as con:
            _insert(con, "_build_findings", [{
                "id": f.id, "status": f.status, "summary": f.summary, "kind": f.kind, "key": f.key,
                "story": f.story, "independent_sources": json.dumps([s.to_dict() for s in f.independent_sources]),
                "entities": list(f.entities), "outlets": list(f.outlets), "flags": list(f.flags), "stage": f.stage,
                "seq": seq + n} for n, f in enumerate(findings)],
                ["id", "status", "summary", "kind", "key", "story", "independent_sources", "entities", "outlets",
                 "flags", "stage", "seq"])
            _insert(con, "_build_finding_claims", [{"finding": f.id, "claim": c, "pos": i, "seq": seq + n}
                                                   for n, f in enumerate(findings) for i, c in enumerate(f.claims)],
                    ["finding", "claim", "pos", "seq"])
        return seq + len(findings)

    def stage_framing(self, hits: Sequence[FramingHit]) -> None:
        with self.connect(write=True) as con:
            _insert(con, "_build_framing", [h.to_dict() for h in hits],
                    ["doc", "start", "end", "text", "category", "term", "group", "outlet", "stage"])

    def stage_timeline(self, entries: Sequence[tuple[TimelineEntry, list[int]]]) -> None:
        """Timeline entries with their sort key; commit numbers them by (key, label)."""
        with self.connect(write=True) as con:
            _insert(con, "_build_timeline", [{"date": t.date, "label": t.label, "claims": list(t.claims),
                                              "outlets": list(t.outlets), "docs": list(t.docs), "pos": 0,
                                              "k": k} for t, k in entries],
                    ["date", "label", "claims", "outlets", "docs", "pos", "k"])

    def commit_corpus(self, publication: dict[str, dict[str, Any]] | None = None) -> None:
        """Swap the staged corpus-level results in, in one transaction (see :meth:`replace_corpus`)."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {_q(t)}")
            for t in ("entities", "entity_mentions", "stories", "story_docs", "framing"):
                con.execute(f"INSERT INTO {_q(t)} SELECT * FROM {_q('_build_' + t)}")
            fcols = "id, status, summary, kind, key, story, independent_sources, entities, outlets, flags, stage"
            con.execute(f"INSERT INTO findings SELECT {fcols} FROM _build_findings "
                        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq) = 1")
            con.execute("INSERT INTO finding_claims SELECT finding, claim, pos FROM _build_finding_claims WHERE seq IN "
                        "(SELECT min(seq) FROM _build_findings GROUP BY id) ORDER BY seq, pos")
            con.execute("INSERT INTO timeline SELECT date, label, claims, outlets, docs, "
                        "(row_number() OVER (ORDER BY k, label) - 1)::INTEGER FROM _build_timeline")
            for doc_id, pub in sorted((publication or {}).items()):
                _set_publication(con, doc_id, pub.get("published"), pub.get("published_how"),
                                 pub.get("published_window"), pub.get("published_evidence"))
            con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
            con.execute("UPDATE claims SET speaker = s.speaker FROM _build_speakers s WHERE claims.id = s.id")
            self._drop_build(con)

    def entities(self) -> list[Entity]:
        with self.connect() as con:
            ents = con.execute("SELECT id, name, type, aliases, attrs FROM entities ORDER BY id").fetchall()
            ms: dict[str, list[Mention]] = {}
            for ent, doc, s, e, text in con.execute(
                    'SELECT entity, doc, start, "end", text FROM entity_mentions ORDER BY entity, doc, start').fetchall():
                ms.setdefault(ent, []).append(Mention(doc, s, e, text, ""))
        return [Entity(i, n, t, tuple(a or ()), tuple(ms.get(i, ())), json.loads(at) if at else {})
                for i, n, t, a, at in ents]

    def stories(self) -> list[Story]:
        with self.connect() as con:
            rows = con.execute("SELECT s.id, s.label, list(sd.doc ORDER BY sd.doc) FROM stories s "
                               "LEFT JOIN story_docs sd ON sd.story = s.id GROUP BY s.id, s.label ORDER BY s.id").fetchall()
        return [Story(i, l, tuple(d or ())) for i, l, d in rows]

    def findings(self, *, status: str | None = None, entity: str | None = None,
                 outlet: str | None = None, story: str | None = None) -> list[Finding]:
        sql = ("SELECT f.id, f.status, f.summary, f.kind, f.key, f.story, f.independent_sources, f.entities, "
               "f.outlets, f.flags, f.stage, (SELECT list(claim ORDER BY pos) FROM finding_claims fc "
               "WHERE fc.finding = f.id) FROM findings f WHERE 1=1")
        params: list[Any] = []
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
            sql += (" AND (EXISTS (SELECT 1 FROM entities e WHERE list_contains(f.entities, e.id) AND "
                    "(e.id = ? OR lower(e.name) = lower(?) OR "
                    "EXISTS (SELECT 1 FROM (SELECT unnest(e.aliases) AS a) WHERE lower(a) = lower(?)))))")
            params += [entity, entity, entity]
        sql += " ORDER BY CASE f.status WHEN 'conflict' THEN 0 WHEN 'scope_difference' THEN 1 WHEN 'update' THEN 2 " \
               "WHEN 'unknown' THEN 3 WHEN 'agree' THEN 4 ELSE 5 END, f.id"
        with self.connect() as con:
            rows = con.execute(sql, params).fetchall()
        out = []
        for (i, st, summ, kind, key, story_, srcs, ents, outs, flags, stage, claims) in rows:
            counts = tuple(SourceCount(s["value"], tuple(s["claims"]), tuple(s["outlets"]), s["independent_sources"])
                           for s in json.loads(srcs or "[]"))
            out.append(Finding(i, st, summ or "", tuple(claims or ()), counts, kind or "", key or "", story_,
                               tuple(ents or ()), tuple(outs or ()), tuple(flags or ()), stage or ""))
        return out

    def framing(self) -> list[FramingHit]:
        with self.connect() as con:
            rows = con.execute('SELECT f.doc, f.start, f."end", f.text, f.category, f.term, f."group", f.outlet, f.stage '
                               'FROM framing f JOIN documents d ON d.id = f.doc ORDER BY d.seq, f.start').fetchall()
        return [FramingHit(*r) for r in rows]

    def timeline(self) -> list[TimelineEntry]:
        with self.connect() as con:
            rows = con.execute("SELECT date, label, claims, outlets, docs FROM timeline ORDER BY pos").fetchall()
        return [TimelineEntry(d, l, tuple(c or ()), tuple(o or ()), tuple(ds or ())) for d, l, c, o, ds in rows]

    # --------------------------------------------------------------------- SQL
    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run a user query on a read-only connection. Returns (columns, rows)."""
        if self._memory is not None:
            con = self._memory
            # an in-memory store cannot be reopened read-only; refuse obvious writes instead
            if not sql.lstrip().lower().startswith(("select", "with", "describe", "show", "pragma", "summarize",
                                                     "from", "explain", "(")):
                raise ReadOnlyQuery("only read queries are allowed", hint="use SELECT ...")
            cur = con.execute(sql, params or [])
            return [d[0] for d in cur.description or []], cur.fetchall()
        con = self._open(read_only=True)
        try:
            try:
                cur = con.execute(sql, params or [])
            except duckdb.Error as exc:
                if "read-only" in str(exc).lower():
                    raise ReadOnlyQuery(str(exc).splitlines()[0], source=self.path,
                                        hint="`rashomon sql` opens the store read-only; use SELECT ...") from exc
                raise StoreError(str(exc).splitlines()[0], source=self.path) from exc
            return [d[0] for d in cur.description or []], cur.fetchall()
        finally:
            con.close()

    # ------------------------------------------------------------ web queries
    # Read-only lookups for the web UI (rashomon.web). Parameterised SQL only.
    def search_documents(self, terms: Sequence[str], limit: int = 200) -> list[Document]:
        """Documents whose title or cleaned text contains every term (case-insensitive), in ingest order."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM (SELECT unnest(?) AS p) u "
                "WHERE NOT (coalesce(d.title, '') || ' ' || d.text ILIKE u.p ESCAPE '\\')) ORDER BY seq LIMIT ?",
                [[_like(t) for t in terms], limit]).fetchall()
        return self.documents(ids=[r[0] for r in rows], with_removals=False) if rows else []

    def search_claims(self, terms: Sequence[str], limit: int = 200) -> list[Claim]:
        """Claims whose text (or counted thing, speaker, action) contains every term (case-insensitive)."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM (SELECT unnest(?) AS p) u WHERE NOT ("
                "coalesce(c.text, '') || ' ' || coalesce(c.what, '') || ' ' || coalesce(c.speaker_text, '') || ' ' "
                "|| coalesce(c.action, '') ILIKE u.p ESCAPE '\\')) ORDER BY doc, start LIMIT ?",
                [[_like(t) for t in terms], limit]).fetchall()
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
                "ORDER BY 1, 2", [doc, doc]).fetchall()

    def doc_framing(self, doc: str) -> list[FramingHit]:
        """The framing hits in one document."""
        with self.connect() as con:
            rows = con.execute('SELECT doc, start, "end", text, category, term, "group", outlet, stage FROM framing '
                               "WHERE doc = ? ORDER BY start", [doc]).fetchall()
        return [FramingHit(*r) for r in rows]

    def claim_findings(self, claim_ids: Sequence[str]) -> dict[str, list[tuple[str, str, str]]]:
        """claim id -> [(finding id, status, summary)] for the findings these claims belong to."""
        if not claim_ids:
            return {}
        with self.connect() as con:
            rows = con.execute("SELECT fc.claim, f.id, f.status, f.summary FROM finding_claims fc JOIN findings f "
                               "ON f.id = fc.finding WHERE fc.claim IN (SELECT unnest(?)) ORDER BY f.id",
                               [list(claim_ids)]).fetchall()
        out: dict[str, list[tuple[str, str, str]]] = {}
        for claim, fid, status, summary in rows:
            out.setdefault(claim, []).append((fid, status, summary or ""))
        return out

    def entity(self, entity_id: str) -> Entity | None:
        """One canonical entity with its mentions, or None."""
        with self.connect() as con:
            row = con.execute("SELECT id, name, type, aliases, attrs FROM entities WHERE id = ?", [entity_id]).fetchone()
            if row is None:
                return None
            ms = con.execute('SELECT doc, start, "end", text FROM entity_mentions WHERE entity = ? ORDER BY doc, start',
                             [entity_id]).fetchall()
        i, n, t, a, at = row
        return Entity(i, n, t, tuple(a or ()), tuple(Mention(d, s, e, x, "") for d, s, e, x in ms),
                      json.loads(at) if at else {})

    def entity_quotes(self, entity_id: str) -> tuple[list[Claim], list[Claim]]:
        """(quotes attributed to the entity, quotes by others whose content mentions it)."""
        with self.connect() as con:
            by = [r[0] for r in con.execute("SELECT id FROM claims WHERE kind = 'quote' AND speaker = ?",
                                            [entity_id]).fetchall()]
            about = [r[0] for r in con.execute(
                "SELECT c.id FROM claims c WHERE c.kind = 'quote' AND coalesce(c.speaker, '') <> ? AND EXISTS "
                "(SELECT 1 FROM entity_mentions em WHERE em.entity = ? AND em.doc = c.doc "
                'AND em.start >= coalesce(c.content_start, c.start) AND em."end" <= coalesce(c.content_end, c."end"))',
                [entity_id, entity_id]).fetchall()]
        return (self.claims(ids=by) if by else [], self.claims(ids=about) if about else [])


# -------------------------------------------------------------- row mapping
def _doc_row(d: Document) -> dict[str, Any]:
    row = d.to_dict()
    w = d.published_window or (None, None)
    row["published_window_from"], row["published_window_to"] = w
    return row


def _row_doc(row: dict[str, Any], removed: list[Removal]) -> Document:
    wf, wt = row.pop("published_window_from"), row.pop("published_window_to")
    return Document(**row, published_window=(wf, wt) if wf or wt else None, removed=tuple(removed))


def _claim_row(c: Claim) -> dict[str, Any]:
    row = {col: getattr(c, col, None) for col in CLAIM_COLUMNS if col not in ("value", "value_list")}
    if isinstance(c.value, (tuple, list)):
        row["value"], row["value_list"] = None, [float(v) for v in c.value]
    else:
        row["value"], row["value_list"] = c.value, None
    return row


def _row_claim(row: dict[str, Any]) -> Claim:
    vl = row.pop("value_list")
    if vl is not None:
        row["value"] = tuple(vl)
    return Claim(**row)


def _like(term: str) -> str:
    """An ILIKE pattern matching ``term`` anywhere (its own % _ and \\ taken literally)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
