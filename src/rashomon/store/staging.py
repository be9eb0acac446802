"""The corpus-level results (entities, stories, findings, framing, timeline, quote speakers):
replaced at once (:meth:`StagingMixin.replace_corpus`), or built part by part in ``_build_*``
staging tables and swapped in by :meth:`StagingMixin.commit_corpus`.

The corpus-level stages write into the staging tables in short transactions (bounded memory);
``commit_corpus`` swaps them into the real tables in ONE transaction, so readers see the previous
corpus result or the new one, never a mix."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..records import Entity, Finding, FramingHit, Story, TimelineEntry
from .connection import Connection, insert, q
from .documents import set_publication
from .schema import CORPUS_TABLES


class StagingMixin(Connection):
    """Writing the corpus-level results (part of :class:`~rashomon.store.Store`)."""

    def replace_corpus(self, *, entities: Sequence[Entity] = (), stories: Sequence[Story] = (),
                       findings: Sequence[Finding] = (), framing: Sequence[FramingHit] = (),
                       timeline: Sequence[TimelineEntry] = (), speakers: dict[str, str] | None = None,
                       publication: dict[str, dict[str, Any]] | None = None) -> None:
        """Replace every corpus-level result in one transaction. ``speakers`` maps
        quote claim id -> entity id (resolved after entity canonicalisation);
        ``publication`` maps doc id -> publication fields inferred across sources."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {q(t)}")
            insert(con, "entities", [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                                       "attrs": json.dumps(e.attrs, sort_keys=True)} for e in entities],
                    ["id", "name", "type", "aliases", "attrs"])
            insert(con, "entity_mentions", [{"entity": e.id, "doc": m.doc, "start": m.start, "end": m.end,
                                              "text": m.text} for e in entities for m in e.mentions],
                    ["entity", "doc", "start", "end", "text"])
            insert(con, "stories", [{"id": s.id, "label": s.label} for s in stories], ["id", "label"])
            insert(con, "story_docs", [{"story": s.id, "doc": d} for s in stories for d in s.docs], ["story", "doc"])
            insert(con, "findings", [{
                "id": f.id, "status": f.status, "summary": f.summary, "kind": f.kind, "key": f.key,
                "story": f.story, "independent_sources": json.dumps([s.to_dict() for s in f.independent_sources]),
                "entities": list(f.entities), "outlets": list(f.outlets), "flags": list(f.flags), "stage": f.stage}
                for f in findings], ["id", "status", "summary", "kind", "key", "story", "independent_sources",
                                     "entities", "outlets", "flags", "stage"])
            insert(con, "finding_claims", [{"finding": f.id, "claim": c, "pos": i}
                                            for f in findings for i, c in enumerate(f.claims)],
                    ["finding", "claim", "pos"])
            insert(con, "framing", [h.to_dict() for h in framing],
                    ["doc", "start", "end", "text", "category", "term", "group", "outlet", "stage"])
            insert(con, "timeline", [{"date": t.date, "label": t.label, "claims": list(t.claims),
                                       "outlets": list(t.outlets), "docs": list(t.docs), "pos": i}
                                      for i, t in enumerate(timeline)],
                    ["date", "label", "claims", "outlets", "docs", "pos"])
            for doc_id, pub in sorted((publication or {}).items()):
                set_publication(con, doc_id, pub.get("published"), pub.get("published_how"),
                                 pub.get("published_window"), pub.get("published_evidence"))
            if speakers is not None:
                con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
                if speakers:
                    pairs = sorted(speakers.items())
                    arrow = pa.table({"id": [p[0] for p in pairs], "speaker": [p[1] for p in pairs]})  # noqa: F841
                    con.execute("UPDATE claims SET speaker = arrow.speaker FROM arrow WHERE claims.id = arrow.id")

    # ------------------------------------------- corpus build (bounded memory)
    def begin_corpus(self) -> None:
        """Empty staging tables for one rebuild of the corpus-level results."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                extra = {"findings": ", 0::BIGINT AS seq", "finding_claims": ", 0::BIGINT AS seq",
                         "timeline": ", []::BIGINT[] AS k"}.get(t, "")
                con.execute(f"CREATE OR REPLACE TABLE {q('_build_' + t)} AS SELECT *{extra} FROM {q(t)} LIMIT 0")
            con.execute("CREATE OR REPLACE TABLE _build_forms (doc VARCHAR, text VARCHAR, label VARCHAR, "
                        "entity VARCHAR)")
            con.execute("CREATE OR REPLACE TABLE _build_speakers (id VARCHAR, speaker VARCHAR)")

    def _drop_build(self, con: duckdb.DuckDBPyConnection) -> None:
        for t in (*CORPUS_TABLES, "forms", "speakers"):
            con.execute(f"DROP TABLE IF EXISTS {q('_build_' + t)}")

    def abort_corpus(self) -> None:
        with self.connect(write=True) as con:
            self._drop_build(con)

    def stage_entities(self, entities: Sequence[Entity], forms: Iterable[tuple[str, str, str, str]]) -> None:
        """Staged entities (their mentions come from ``forms``: (doc, text, label) -> entity id,
        joined with the stored mentions in SQL)."""
        with self.connect(write=True) as con:
            insert(con, "_build_entities", [{"id": e.id, "name": e.name, "type": e.type,
                                              "aliases": list(e.aliases),
                                              "attrs": json.dumps(e.attrs, sort_keys=True)} for e in entities],
                    ["id", "name", "type", "aliases", "attrs"])
            chunk: list[dict[str, Any]] = []
            for doc, text, label, entity in forms:
                chunk.append({"doc": doc, "text": text, "label": label, "entity": entity})
                if len(chunk) >= 50000:
                    insert(con, "_build_forms", chunk, ["doc", "text", "label", "entity"])
                    chunk = []
            insert(con, "_build_forms", chunk, ["doc", "text", "label", "entity"])
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

    def staged_finding_claims(self, claims: Sequence[str]) -> list[tuple[str, ...]]:
        """The claims of every staged finding that holds one of ``claims``, finding by finding."""
        with self.connect() as con:
            rows = con.execute("SELECT list(claim ORDER BY pos) FROM _build_finding_claims WHERE seq IN "
                               "(SELECT seq FROM _build_finding_claims WHERE claim IN (SELECT unnest(?))) "
                               "GROUP BY seq ORDER BY seq", [list(claims)]).fetchall()
        return [tuple(r[0]) for r in rows]

    def stage_speakers(self, speakers: dict[str, str]) -> None:
        with self.connect(write=True) as con:
            pairs = sorted(speakers.items())
            insert(con, "_build_speakers", [{"id": a, "speaker": b} for a, b in pairs], ["id", "speaker"])

    def stage_stories(self, stories: Sequence[Story]) -> None:
        with self.connect(write=True) as con:
            insert(con, "_build_stories", [{"id": s.id, "label": s.label} for s in stories], ["id", "label"])
            insert(con, "_build_story_docs", [{"story": s.id, "doc": d} for s in stories for d in s.docs],
                    ["story", "doc"])

    def stage_findings(self, findings: Sequence[Finding], seq: int) -> int:
        """Stage findings numbered from ``seq`` (the first finding of an id wins at commit); returns the next seq."""
        with self.connect(write=True) as con:
            insert(con, "_build_findings", [{
                "id": f.id, "status": f.status, "summary": f.summary, "kind": f.kind, "key": f.key,
                "story": f.story, "independent_sources": json.dumps([s.to_dict() for s in f.independent_sources]),
                "entities": list(f.entities), "outlets": list(f.outlets), "flags": list(f.flags), "stage": f.stage,
                "seq": seq + n} for n, f in enumerate(findings)],
                ["id", "status", "summary", "kind", "key", "story", "independent_sources", "entities", "outlets",
                 "flags", "stage", "seq"])
            insert(con, "_build_finding_claims", [{"finding": f.id, "claim": c, "pos": i, "seq": seq + n}
                                                   for n, f in enumerate(findings) for i, c in enumerate(f.claims)],
                    ["finding", "claim", "pos", "seq"])
        return seq + len(findings)

    def stage_framing(self, hits: Sequence[FramingHit]) -> None:
        with self.connect(write=True) as con:
            insert(con, "_build_framing", [h.to_dict() for h in hits],
                    ["doc", "start", "end", "text", "category", "term", "group", "outlet", "stage"])

    def stage_timeline(self, entries: Sequence[tuple[TimelineEntry, list[int]]]) -> None:
        """Timeline entries with their sort key; commit numbers them by (key, label)."""
        with self.connect(write=True) as con:
            insert(con, "_build_timeline", [{"date": t.date, "label": t.label, "claims": list(t.claims),
                                              "outlets": list(t.outlets), "docs": list(t.docs), "pos": 0,
                                              "k": k} for t, k in entries],
                    ["date", "label", "claims", "outlets", "docs", "pos", "k"])

    def commit_corpus(self, publication: dict[str, dict[str, Any]] | None = None) -> None:
        """Swap the staged corpus-level results in, in one transaction (see :meth:`replace_corpus`)."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {q(t)}")
            for t in ("entities", "entity_mentions", "stories", "story_docs", "framing"):
                con.execute(f"INSERT INTO {q(t)} SELECT * FROM {q('_build_' + t)}")
            fcols = "id, status, summary, kind, key, story, independent_sources, entities, outlets, flags, stage"
            con.execute(f"INSERT INTO findings SELECT {fcols} FROM _build_findings "
                        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq) = 1")
            con.execute("INSERT INTO finding_claims SELECT finding, claim, pos FROM _build_finding_claims WHERE seq IN "
                        "(SELECT min(seq) FROM _build_findings GROUP BY id) ORDER BY seq, pos")
            con.execute("INSERT INTO timeline SELECT date, label, claims, outlets, docs, "
                        "(row_number() OVER (ORDER BY k, label) - 1)::INTEGER FROM _build_timeline")
            for doc_id, pub in sorted((publication or {}).items()):
                set_publication(con, doc_id, pub.get("published"), pub.get("published_how"),
                                 pub.get("published_window"), pub.get("published_evidence"))
            con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
            con.execute("UPDATE claims SET speaker = s.speaker FROM _build_speakers s WHERE claims.id = s.id")
            self._drop_build(con)
