"""The read-only JSON API under ``/api`` (described at ``/openapi.json``).

Records are returned in their ``rashomon/1`` export shape (``to_dict``); filters are
validated at the edge (unknown status or claim kind -> 422).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from .. import reviews
from ..api import Rashomon
from ..records import ClaimKind, Status
from . import views
from .app import open_corpus

router = APIRouter(prefix="/api", tags=["read-only"])
Corpus = Depends(open_corpus)
Rows = list[dict[str, Any]]
ReviewState = Literal["unreviewed", "confirmed", "wrong", "needs-check"]  # rashomon.reviews.STATES
_LIGHT = ("text", "raw_text", "removed")


@router.get("/documents", summary="Stored documents (metadata only)")
def documents(outlet: str | None = Query(None, max_length=200), r: Rashomon = Corpus) -> Rows:
    return [{k: v for k, v in d.to_dict().items() if k not in _LIGHT} for d in r.documents(outlet=outlet)]


@router.get("/documents/{doc_id}", summary="One document: cleaned text, raw text, what cleaning removed")
def document(doc_id: str, r: Rashomon = Corpus) -> dict[str, Any]:
    found = r.store.documents(ids=[doc_id])
    if not found:
        raise HTTPException(404, f"No document with id {doc_id}.")
    return found[0].to_dict()


@router.get("/claims", summary="Claims with their evidence offsets")
def claims(kind: ClaimKind | None = None, doc: str | None = Query(None, max_length=200), r: Rashomon = Corpus) -> Rows:
    return [c.to_dict() for c in r.claims(kind=kind, doc=doc)]


@router.get("/entities", summary="Canonical entities with aliases and mentions")
def entities(r: Rashomon = Corpus) -> Rows:
    return [e.to_dict() for e in r.entities()]


@router.get("/entities/{entity_id}", summary="One entity")
def entity(entity_id: str, r: Rashomon = Corpus) -> dict[str, Any]:
    e = r.store.entity(entity_id)
    if e is None:
        raise HTTPException(404, f"No entity with id {entity_id}.")
    return e.to_dict()


@router.get("/findings", summary="Cross-source findings, filtered; each with the review a person gave it (or null)")
def findings(
    status: Status | None = None,
    entity: str | None = Query(None, max_length=200),
    outlet: str | None = Query(None, max_length=200),
    story: str | None = Query(None, max_length=200),
    review: ReviewState | None = None,
    r: Rashomon = Corpus,
) -> Rows:
    book = reviews.book(r.store)
    found = r.findings(status=status, entity=entity, outlet=outlet, story=story, review=review)
    return [{**f.to_dict(), "review": rv.to_dict() if (rv := book.of(f.id)) else None} for f in found]


@router.get("/reviews", summary="People's reviews: the newest of each finding's evidence (every one with history)")
def reviews_(history: bool = False, r: Rashomon = Corpus) -> Rows:
    return [rv.to_dict() for rv in r.reviews(history=history)]


@router.get("/stories", summary="Documents grouped into stories")
def stories(r: Rashomon = Corpus) -> Rows:
    return [s.to_dict() for s in r.stories()]


@router.get("/timeline", summary="Events and dated claims in date order")
def timeline(r: Rashomon = Corpus) -> Rows:
    return [t.to_dict() for t in r.timeline()]


@router.get("/matrix", summary="Outlet x outlet agreement counts")
def matrix(r: Rashomon = Corpus) -> Rows:
    return r.matrix()


@router.get("/framing", summary="Term choices by outlet")
def framing(r: Rashomon = Corpus) -> Rows:
    return r.framing_table()


@router.get("/errors", summary="Inputs that could not be ingested, with reasons")
def errors(r: Rashomon = Corpus) -> Rows:
    return [e.to_dict() for e in r.errors()]


@router.get("/extraction-errors", summary="Stored documents an extractor failed on, with reasons")
def extraction_errors(r: Rashomon = Corpus) -> Rows:
    return [e.to_dict() for e in r.extraction_errors()]


@router.get("/search", summary="Full-text search over documents, claims and entity names")
def search(q: str = Query(..., min_length=1, max_length=200), r: Rashomon = Corpus) -> dict[str, Any]:
    terms, docs, claims_, ents = views.search(r, q)
    return {
        "terms": terms,
        "documents": [
            {
                "id": h.doc.id,
                "title": h.doc.title,
                "outlet": h.doc.outlet,
                "hit": [h.excerpt.span_start, h.excerpt.span_end],
                "snippet": h.excerpt.before + h.excerpt.span + h.excerpt.after,
            }
            for h in docs
        ],
        "claims": [h.claim.to_dict() for h in claims_ if h.claim],
        "entities": [{"id": e.id, "name": e.name, "type": e.type} for e in ents],
    }
