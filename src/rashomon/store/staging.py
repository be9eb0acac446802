"""The corpus-level results (entities, stories, findings, framing, timeline, quote speakers):
replaced at once (:meth:`StagingMixin.replace_corpus`), or built part by part in ``_build_*``
staging tables and swapped in by :meth:`StagingMixin.commit_corpus`.

The corpus-level stages write into the staging tables in short transactions (bounded memory);
``commit_corpus`` swaps them into the real tables in ONE transaction, so readers see the previous
corpus result or the new one, never a mix."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..records import Entity, Finding, FramingHit, Incident, Story, TimelineEntry
from .connection import Connection, col_list, insert, q
from .documents import set_publication
from .rows import (
    ENTITY_COLUMNS,
    ENTITY_MENTION_COLUMNS,
    FINDING_CLAIM_COLUMNS,
    FINDING_COLUMNS,
    FRAMING_COLUMNS,
    INCIDENT_COLUMNS,
    SPEAKER_COLUMNS,
    STORY_COLUMNS,
    STORY_DOC_COLUMNS,
    TIMELINE_COLUMNS,
    entity_mention_rows,
    entity_row,
    finding_claim_rows,
    finding_row,
    framing_row,
    incident_row,
    speaker_rows,
    story_doc_rows,
    story_row,
    timeline_row,
)
from .schema import CORPUS_TABLES

_FORM_COLUMNS = ["doc", "text", "label", "entity"]  # a mention's surface form -> the entity it resolves to


def _set_publications(con: duckdb.DuckDBPyConnection, publication: dict[str, dict[str, Any]] | None) -> None:
    """Publication fields inferred across sources (doc id -> fields), by doc id."""
    for doc_id, pub in sorted((publication or {}).items()):
        set_publication(
            con,
            doc_id,
            pub.get("published"),
            pub.get("published_how"),
            pub.get("published_window"),
            pub.get("published_evidence"),
        )


class StagingMixin(Connection):
    """Writing the corpus-level results (part of :class:`~rashomon.store.Store`)."""

    def replace_corpus(
        self,
        *,
        entities: Sequence[Entity] = (),
        stories: Sequence[Story] = (),
        findings: Sequence[Finding] = (),
        framing: Sequence[FramingHit] = (),
        timeline: Sequence[TimelineEntry] = (),
        speakers: dict[str, str] | None = None,
        publication: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """Replace every corpus-level result in one transaction. ``speakers`` maps
        quote claim id -> entity id (resolved after entity canonicalisation);
        ``publication`` maps doc id -> publication fields inferred across sources."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {q(t)}")
            insert(con, "entities", [entity_row(e) for e in entities], ENTITY_COLUMNS)
            insert(
                con, "entity_mentions", [r for e in entities for r in entity_mention_rows(e)], ENTITY_MENTION_COLUMNS
            )
            insert(con, "stories", [story_row(s) for s in stories], STORY_COLUMNS)
            insert(con, "story_docs", [r for s in stories for r in story_doc_rows(s)], STORY_DOC_COLUMNS)
            insert(con, "findings", [finding_row(f) for f in findings], FINDING_COLUMNS)
            insert(con, "finding_claims", [r for f in findings for r in finding_claim_rows(f)], FINDING_CLAIM_COLUMNS)
            insert(con, "framing", [framing_row(h) for h in framing], FRAMING_COLUMNS)
            insert(con, "timeline", [timeline_row(t, i) for i, t in enumerate(timeline)], TIMELINE_COLUMNS)
            _set_publications(con, publication)
            if speakers is not None:
                con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
                if speakers:
                    rows = speaker_rows(speakers)
                    arrow = pa.table({c: [r[c] for r in rows] for c in SPEAKER_COLUMNS})  # noqa: F841
                    con.execute("UPDATE claims SET speaker = arrow.speaker FROM arrow WHERE claims.id = arrow.id")

    # ------------------------------------------- corpus build (bounded memory)
    def begin_corpus(self) -> None:
        """Empty staging tables for one rebuild of the corpus-level results."""
        with self.connect(write=True) as con:
            for t in CORPUS_TABLES:
                extra = {
                    "findings": ", 0::BIGINT AS seq",
                    "finding_claims": ", 0::BIGINT AS seq",
                    "timeline": ", []::BIGINT[] AS k",
                }.get(t, "")
                con.execute(f"CREATE OR REPLACE TABLE {q('_build_' + t)} AS SELECT *{extra} FROM {q(t)} LIMIT 0")
            con.execute(
                "CREATE OR REPLACE TABLE _build_forms (doc VARCHAR, text VARCHAR, label VARCHAR, entity VARCHAR)"
            )
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
            insert(con, "_build_entities", [entity_row(e) for e in entities], ENTITY_COLUMNS)
            chunk: list[dict[str, Any]] = []
            for doc, text, label, entity in forms:
                chunk.append({"doc": doc, "text": text, "label": label, "entity": entity})
                if len(chunk) >= 50000:
                    insert(con, "_build_forms", chunk, _FORM_COLUMNS)
                    chunk = []
            insert(con, "_build_forms", chunk, _FORM_COLUMNS)
            con.execute(
                'INSERT INTO _build_entity_mentions SELECT f.entity, m.doc, m.start, m."end", m.text '
                "FROM mentions m JOIN documents d ON d.id = m.doc JOIN _build_forms f ON f.doc = m.doc "
                "AND f.text IS NOT DISTINCT FROM m.text AND f.label IS NOT DISTINCT FROM m.label "
                'ORDER BY f.entity, m.doc, m.start, m."end"'
            )

    def built_mentions(self, docs: Sequence[str]) -> list[tuple[str, str, int, int, str]]:
        """(entity, doc, start, end, text) of the staged entity mentions in these documents."""
        with self.connect() as con:
            return con.execute(
                'SELECT entity, doc, start, "end", text FROM _build_entity_mentions '
                'WHERE doc IN (SELECT unnest(?)) ORDER BY entity, doc, start, "end"',
                [list(docs)],
            ).fetchall()

    def built_mention_counts(self) -> dict[str, int]:
        with self.connect() as con:
            return dict(con.execute("SELECT entity, count(*) FROM _build_entity_mentions GROUP BY entity").fetchall())

    def built_doc_entities(self, docs: Sequence[str]) -> list[tuple[str, str, int]]:
        """(doc, entity, number of mentions) for these documents."""
        with self.connect() as con:
            return con.execute(
                "SELECT doc, entity, count(*) FROM _build_entity_mentions "
                "WHERE doc IN (SELECT unnest(?)) GROUP BY doc, entity",
                [list(docs)],
            ).fetchall()

    def staged_finding_claims(self, claims: Sequence[str]) -> list[tuple[str, ...]]:
        """The claims of every staged finding that holds one of ``claims``, finding by finding."""
        with self.connect() as con:
            rows = con.execute(
                "SELECT list(claim ORDER BY pos) FROM _build_finding_claims WHERE seq IN "
                "(SELECT seq FROM _build_finding_claims WHERE claim IN (SELECT unnest(?))) "
                "GROUP BY seq ORDER BY seq",
                [list(claims)],
            ).fetchall()
        return [tuple(r[0]) for r in rows]

    def stage_speakers(self, speakers: dict[str, str]) -> None:
        with self.connect(write=True) as con:
            insert(con, "_build_speakers", speaker_rows(speakers), SPEAKER_COLUMNS)

    def stage_stories(self, stories: Sequence[Story]) -> None:
        with self.connect(write=True) as con:
            insert(con, "_build_stories", [story_row(s) for s in stories], STORY_COLUMNS)
            insert(con, "_build_story_docs", [r for s in stories for r in story_doc_rows(s)], STORY_DOC_COLUMNS)

    def stage_findings(self, findings: Sequence[Finding], seq: int) -> int:
        """Stage findings numbered from ``seq`` (the first finding of an id wins at commit); returns the next seq."""
        with self.connect(write=True) as con:
            insert(
                con,
                "_build_findings",
                [{**finding_row(f), "seq": seq + n} for n, f in enumerate(findings)],
                FINDING_COLUMNS + ["seq"],
            )
            insert(
                con,
                "_build_finding_claims",
                [{**r, "seq": seq + n} for n, f in enumerate(findings) for r in finding_claim_rows(f)],
                FINDING_CLAIM_COLUMNS + ["seq"],
            )
        return seq + len(findings)

    def unstage_findings(self, ids: Collection[str]) -> None:
        """Take staged findings back (a later pass judged their claims in a finding that holds them all)."""
        if not ids:
            return
        with self.connect(write=True) as con:
            con.execute("DELETE FROM _build_findings WHERE id IN (SELECT unnest(?))", [sorted(ids)])
            con.execute("DELETE FROM _build_finding_claims WHERE finding IN (SELECT unnest(?))", [sorted(ids)])

    def stage_framing(self, hits: Sequence[FramingHit]) -> None:
        with self.connect(write=True) as con:
            insert(con, "_build_framing", [framing_row(h) for h in hits], FRAMING_COLUMNS)

    def stage_timeline(self, entries: Sequence[tuple[TimelineEntry, list[int]]]) -> None:
        """Timeline entries with their sort key; commit numbers them by (key, label)."""
        with self.connect(write=True) as con:
            insert(
                con, "_build_timeline", [{**timeline_row(t, 0), "k": k} for t, k in entries], TIMELINE_COLUMNS + ["k"]
            )

    def stage_incidents(self, incidents: Sequence[Incident], first: int) -> int:
        """Staged incidents, numbered from ``first`` (their order); returns the next number."""
        with self.connect(write=True) as con:
            insert(con, "_build_incidents", [incident_row(x, first + k) for k, x in enumerate(incidents)],
                   INCIDENT_COLUMNS)  # fmt: skip
        return first + len(incidents)

    def commit_corpus(self, publication: dict[str, dict[str, Any]] | None = None, passes: Sequence[str] = ()) -> None:
        """Swap the staged corpus-level results in, in one transaction (see :meth:`replace_corpus`);
        ``passes``: the corpus passes that made them (``name@version``), recorded in ``stage_runs`` as
        ``corpus:name@version`` rows of document ``''`` (the whole corpus)."""
        with self.connect(write=True) as con:
            con.execute("DELETE FROM stage_runs WHERE doc = ''")
            con.execute("INSERT INTO stage_runs SELECT '', 'corpus:' || unnest(?)", [list(passes)])
            for t in CORPUS_TABLES:
                con.execute(f"DELETE FROM {q(t)}")
            for t in ("entities", "entity_mentions", "stories", "story_docs", "framing", "incidents"):
                con.execute(f"INSERT INTO {q(t)} SELECT * FROM {q('_build_' + t)}")
            con.execute(
                f"INSERT INTO findings SELECT {col_list(FINDING_COLUMNS)} FROM _build_findings "
                "QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq) = 1"
            )
            con.execute(
                f"INSERT INTO finding_claims SELECT {col_list(FINDING_CLAIM_COLUMNS)} "
                "FROM _build_finding_claims WHERE seq IN (SELECT min(seq) FROM _build_findings GROUP BY id) "
                "ORDER BY seq, pos"
            )
            con.execute(
                "INSERT INTO timeline SELECT date, label, claims, outlets, docs, "
                "(row_number() OVER (ORDER BY k, label) - 1)::INTEGER FROM _build_timeline"
            )
            _set_publications(con, publication)
            con.execute("UPDATE claims SET speaker = NULL WHERE kind = 'quote'")
            con.execute("UPDATE claims SET speaker = s.speaker FROM _build_speakers s WHERE claims.id = s.id")
            self._drop_build(con)
