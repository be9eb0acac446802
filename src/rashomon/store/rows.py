"""Records <-> table rows: for each record type, its table's columns, ONE function that turns a
record into rows to insert (dicts keyed by column, for :func:`~rashomon.store.connection.insert`)
and ONE that turns a fetched row (a tuple in the order of those columns) back into the record.
Every write and every read of that record goes through them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..records import (
    Claim,
    Document,
    Entity,
    Evidence,
    Extraction,
    ExtractionError,
    Figure,
    Finding,
    FramingHit,
    Incident,
    IngestError,
    Mention,
    Record,
    Removal,
    Report,
    Review,
    SourceCount,
    Story,
    TimelineEntry,
    make_claim,
)

Row = Sequence[Any]  # one fetched row, its values in the order of the table's columns here

# ------------------------------------------------------------------- documents
DOC_COLUMNS = [
    "id",
    "source",
    "title",
    "url",
    "outlet",
    "author",
    "published",
    "published_how",
    "published_window_from",
    "published_window_to",
    "published_evidence",
    "language",
    "duplicate_of",
    "similarity",
    "content_hash",
    "format",
    "text",
    "raw_text",
]
REMOVAL_COLUMNS = ["doc", "start", "end", "rule", "text"]
INGEST_ERROR_COLUMNS = ["source", "code", "reason"]


def doc_row(d: Document, seq: int) -> dict[str, Any]:
    """The ``documents`` row of a document, ``seq`` its place in ingest order."""
    row = d.to_dict()
    w = d.published_window or (None, None)
    row["published_window_from"], row["published_window_to"] = w
    row["seq"] = seq
    return row


def row_doc(r: Row, removed: Sequence[Removal]) -> Document:
    """A document from its ``DOC_COLUMNS`` row and its removals."""
    row = dict(zip(DOC_COLUMNS, r))
    wf, wt = row.pop("published_window_from"), row.pop("published_window_to")
    return Document(**row, published_window=(wf, wt) if wf or wt else None, removed=tuple(removed))


def removal_rows(d: Document) -> list[dict[str, Any]]:
    """The ``removals`` rows of a document."""
    return [{"doc": d.id, "start": r.start, "end": r.end, "rule": r.rule, "text": r.text} for r in d.removed]


def row_removal(r: Row) -> Removal:
    """A removal from its ``REMOVAL_COLUMNS`` row (the document id first)."""
    _doc, start, end, rule, text = r
    return Removal(start, end, rule, text or "")


def ingest_error_row(e: IngestError) -> dict[str, Any]:
    return {"source": e.source, "code": e.code, "reason": e.reason}


def row_ingest_error(r: Row) -> IngestError:
    source, code, reason = r
    return IngestError(source=source, reason=reason, code=code or "E000")


# ------------------------------------------------------------------ extraction
MENTION_COLUMNS = ["doc", "start", "end", "text", "label", "stage"]
CLAIM_COLUMNS = [
    "id",
    "doc",
    "kind",
    "start",
    "end",
    "text",
    "stage",
    "value",
    "value_list",
    "low",
    "high",
    "approx",
    "unit",
    "what",
    "predicate",
    "place",
    "time",
    "attributed_to",
    "change",
    "speaker",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "direct",
    "content_start",
    "content_end",
    "value_iso",
    "timex_type",
    "zone",
    "actor",
    "action",
    "target",
    "measure",
    "who",
    "part",
]
EXTRACTION_ERROR_COLUMNS = ["doc", "stage", "code", "reason"]


def mention_row(m: Mention) -> dict[str, Any]:
    return m.to_dict()


def row_mention(r: Row) -> Mention:
    return Mention(*r)


def claim_row(c: Claim) -> dict[str, Any]:
    """The ``claims`` row of a claim: a list value goes to ``value_list``, a number to ``value``."""
    row = {col: getattr(c, col, None) for col in CLAIM_COLUMNS if col not in ("value", "value_list")}
    value = getattr(c, "value", None)  # (only quantities have one)
    if isinstance(value, (tuple, list)):
        row["value"], row["value_list"] = None, [float(v) for v in value]
    else:
        row["value"], row["value_list"] = value, None
    return row


def row_claim(r: Row) -> Claim:
    row = dict(zip(CLAIM_COLUMNS, r))
    vl = row.pop("value_list")
    if vl is not None:
        row["value"] = tuple(vl)
    return make_claim(**row)


def extraction_error_row(x: Extraction, stage: str) -> dict[str, Any]:
    """The ``extraction_errors`` row of a failed extraction (``x.error`` set) by ``stage``."""
    return {"doc": x.doc, "stage": stage, "code": "E402", "reason": x.error}


def row_extraction_error(r: Row) -> ExtractionError:
    """An extraction error from (doc, the document's source, reason, stage, code): its row joined with
    its document, whose source it carries."""
    doc, source, reason, stage, code = r
    return ExtractionError(doc, source, reason, stage, code or "E402")


# ---------------------------------------------------------------- corpus level
ENTITY_COLUMNS = ["id", "name", "type", "aliases", "attrs"]
ENTITY_MENTION_COLUMNS = ["entity", "doc", "start", "end", "text"]
STORY_COLUMNS = ["id", "label"]
STORY_DOC_COLUMNS = ["story", "doc"]
FINDING_COLUMNS = [
    "id",
    "status",
    "summary",
    "kind",
    "key",
    "story",
    "independent_sources",
    "entities",
    "outlets",
    "flags",
    "stage",
]
FINDING_CLAIM_COLUMNS = ["finding", "claim", "pos"]
FRAMING_COLUMNS = ["doc", "start", "end", "text", "category", "term", "group", "outlet", "stage"]
TIMELINE_COLUMNS = ["date", "label", "claims", "outlets", "docs", "pos"]
SPEAKER_COLUMNS = ["id", "speaker"]  # quote claim id -> the entity that said it


def entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "attrs": json.dumps(e.attrs, sort_keys=True),
    }


def entity_mention_rows(e: Entity) -> list[dict[str, Any]]:
    return [{"entity": e.id, "doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions]


def row_entity(r: Row, mentions: Sequence[Mention]) -> Entity:
    """An entity from its ``ENTITY_COLUMNS`` row and its mentions (see :func:`row_entity_mention`)."""
    i, name, typ, aliases, attrs = r
    return Entity(i, name, typ, tuple(aliases or ()), tuple(mentions), json.loads(attrs) if attrs else {})


def row_entity_mention(r: Row) -> Mention:
    """A canonical entity's mention from its ``ENTITY_MENTION_COLUMNS`` row (no label: the entity has the type)."""
    _entity, doc, start, end, text = r
    return Mention(doc, start, end, text, "")


def story_row(s: Story) -> dict[str, Any]:
    return {"id": s.id, "label": s.label}


def story_doc_rows(s: Story) -> list[dict[str, Any]]:
    return [{"story": s.id, "doc": d} for d in s.docs]


def row_story(r: Row) -> Story:
    """A story from (id, label, its document ids)."""
    i, label, docs = r
    return Story(i, label, tuple(docs or ()))


def finding_row(f: Finding) -> dict[str, Any]:
    """The ``findings`` row of a finding, its independent sources as JSON (its claims: :func:`finding_claim_rows`)."""
    return {
        "id": f.id,
        "status": f.status,
        "summary": f.summary,
        "kind": f.kind,
        "key": f.key,
        "story": f.story,
        "independent_sources": json.dumps([s.to_dict() for s in f.independent_sources]),
        "entities": list(f.entities),
        "outlets": list(f.outlets),
        "flags": list(f.flags),
        "stage": f.stage,
    }


def finding_claim_rows(f: Finding) -> list[dict[str, Any]]:
    """The ``finding_claims`` rows of a finding, its claims in order."""
    return [{"finding": f.id, "claim": c, "pos": i} for i, c in enumerate(f.claims)]


def row_finding(r: Row, claims: Sequence[str] | None) -> Finding:
    """A finding from its ``FINDING_COLUMNS`` row and its claims in order."""
    i, status, summary, kind, key, story, sources, entities, outlets, flags, stage = r
    counts = tuple(
        SourceCount(s["value"], tuple(s["claims"]), tuple(s["outlets"]), s["independent_sources"])
        for s in json.loads(sources or "[]")
    )
    return Finding(
        i,
        status,
        summary or "",
        tuple(claims or ()),
        counts,
        kind or "",
        key or "",
        story,
        tuple(entities or ()),
        tuple(outlets or ()),
        tuple(flags or ()),
        stage or "",
    )


def framing_row(h: FramingHit) -> dict[str, Any]:
    return h.to_dict()


def row_framing(r: Row) -> FramingHit:
    return FramingHit(*r)


def timeline_row(t: TimelineEntry, pos: int) -> dict[str, Any]:
    """The ``timeline`` row of an entry, ``pos`` its place on the timeline."""
    return {
        "date": t.date,
        "label": t.label,
        "claims": list(t.claims),
        "outlets": list(t.outlets),
        "docs": list(t.docs),
        "pos": pos,
    }


def row_timeline(r: Row) -> TimelineEntry:
    """A timeline entry from its ``TIMELINE_COLUMNS`` row."""
    date, label, claims, outlets, docs, _pos = r
    return TimelineEntry(date, label, tuple(claims or ()), tuple(outlets or ()), tuple(docs or ()))


def speaker_rows(speakers: dict[str, str]) -> list[dict[str, Any]]:
    """The resolved speakers of quote claims (claim id -> entity id), by claim id."""
    return [{"id": claim, "speaker": entity} for claim, entity in sorted(speakers.items())]


INCIDENT_COLUMNS = ["id", "type", "date", "place", "region", "docs", "figures", "stage", "pos", "evidence"]


def incident_row(i: Incident, pos: int) -> dict[str, Any]:
    """The ``incidents`` row of an incident, its figures (with their reports) as JSON."""
    return {"id": i.id, "type": i.type, "date": i.date, "place": i.place, "region": i.region,
            "docs": list(i.documents), "figures": json.dumps([Record.to_dict(f) for f in i.figures]),
            "stage": i.stage, "pos": pos,
            "evidence": json.dumps({"date": [Record.to_dict(e) for e in i.date_evidence],
                                    "place": [Record.to_dict(e) for e in i.place_evidence]})}  # fmt: skip


def row_incident(r: Row) -> Incident:
    i, typ, date, place, region, docs, figures, stage, _pos, evidence = r
    figs = tuple(
        Figure(
            f["measure"],
            f["value"],
            f["low"],
            f["high"],
            f["status"],
            tuple(Report(**x) for x in f["reports"]),
            f["independent_sources"],
        )  # fmt: skip
        for f in json.loads(figures or "[]")
    )
    ev = json.loads(evidence or "{}")
    return Incident(
        i,
        tuple(docs or ()),
        typ,
        date,
        place,
        region,
        figs,
        stage or "",
        tuple(Evidence(**x) for x in ev.get("date", ())),
        tuple(Evidence(**x) for x in ev.get("place", ())),
    )


# --------------------------------------------------------------------- reviews
REVIEW_COLUMNS = ["id", "evidence", "verdict", "note", "reviewer", "reviewed_at", "finding", "status", "summary"]


def review_row(r: Review) -> dict[str, Any]:
    """The ``reviews`` row of a review (what is stored; ``applies_to`` and ``latest`` are worked out on read)."""
    return {c: getattr(r, c) for c in REVIEW_COLUMNS}


def row_review(r: Row) -> Review:
    """A review from its ``REVIEW_COLUMNS`` row."""
    i, evidence, verdict, note, reviewer, reviewed_at, finding, status, summary = r
    return Review(
        int(i), evidence, verdict, note or "", reviewer, reviewed_at, finding or "", status or "", summary or ""
    )
