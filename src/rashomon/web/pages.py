"""HTML routes: each parses its parameters, calls one view function, renders one template."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from .. import reviews
from ..api import Rashomon
from . import charts, desk, matrixview, views
from .app import open_corpus
from .compare import split
from .reviewing import form_for
from .templating import render
from .timelines import timeline_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Corpus = Depends(open_corpus)


def page(name: str, active: str, **context: object) -> HTMLResponse:
    return HTMLResponse(render(name, active=active, **context))


@router.get("/")
def overview(r: Rashomon = Corpus) -> HTMLResponse:
    return page("overview.html", "overview", o=views.overview(r))


@router.get("/doc/{doc_id}")
def document(doc_id: str, hl: str | None = Query(None, max_length=40), r: Rashomon = Corpus) -> HTMLResponse:
    doc = r.store.documents(ids=[doc_id])
    if not doc:
        raise HTTPException(404, f"No document with id {doc_id}.")
    d = doc[0]
    return page("doc.html", "", v=views.reader(r, d, views.parse_hit(hl, len(d.text))))


@router.get("/findings")
def findings(
    request: Request,
    status: str | None = Query(None, max_length=40),
    story: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    outlet: str | None = Query(None, max_length=200),
    with_: str | None = Query(None, alias="with", max_length=200),
    measure: str | None = Query(None, max_length=200),
    all_: str | None = Query(None, alias="all", max_length=5),
    page_: int = Query(1, alias="page", ge=1, le=100_000),
    review: str | None = Query(None, max_length=40),
    r: Rashomon = Corpus,
) -> HTMLResponse:
    problem = ""
    if status and status not in views.STATUSES:
        problem = f"Unknown status {status!r}; choose one of: {', '.join(views.STATUSES)}."
        status = None
    if review and review not in reviews.STATES:
        problem += f" Unknown review state {review!r}; choose one of: {', '.join(reviews.STATES)}."
        review = None
    q = desk.Query(status or "", story or "", outlet or "", with_ or "", entity or "", measure or "", bool(all_), page_,
                   review or "")  # fmt: skip
    c = desk.corpus(r)
    pair = matrixview.pair_findings(r, c, outlet, with_) if outlet and with_ else None
    book = reviews.book(r.store)
    sel = desk.select(r, c, q, pair, book)
    names = sorted({desk.outlet_name(d) for d in c.docs.values()}, key=str.lower)
    return page(
        "findings.html",
        "findings",
        items=views.finding_views(r, sel.items, book),
        sel=sel,
        fq=q,
        review_states=reviews.STATES,
        form=form_for(request),
        stories=c.stories,
        outlets=names,
        measures=sorted({f.key for f in r.findings() if f.key}, key=str.lower),
        entity_names=[n for _, n in r.store.entities_like("", limit=300)],
        problem=problem,
    )


@router.get("/compare/{finding_id}")
def compare(
    request: Request,
    finding_id: str,
    a: str | None = Query(None, max_length=80),
    b: str | None = Query(None, max_length=80),
    r: Rashomon = Corpus,
) -> HTMLResponse:
    v = split(r, finding_id, a, b)
    if v is None:
        raise HTTPException(404, f"No finding with id {finding_id}.")
    return page("compare.html", "findings", v=v, form=form_for(request))


@router.get("/finding/{finding_id}")
def finding(request: Request, finding_id: str, r: Rashomon = Corpus) -> HTMLResponse:
    found = r.store.findings(id=finding_id)
    if not found:
        raise HTTPException(404, f"No finding with id {finding_id}.")
    return page("finding.html", "findings", item=views.finding_views(r, found)[0], form=form_for(request))


@router.get("/entities")
def entities(r: Rashomon = Corpus) -> HTMLResponse:
    ents = sorted(r.entities(), key=lambda e: (-len(e.mentions), e.name.lower()))
    return page("entities.html", "entities", entities=ents)


@router.get("/entity/{entity_id}")
def entity(entity_id: str, r: Rashomon = Corpus) -> HTMLResponse:
    v = views.entity_view(r, entity_id)
    if v is None:
        raise HTTPException(404, f"No entity with id {entity_id}.")
    return page("entity.html", "entities", v=v)


@router.get("/timeline")
def timeline(story: str | None = Query(None, max_length=200), r: Rashomon = Corpus) -> HTMLResponse:
    return page("timeline.html", "timeline", v=timeline_view(r, story or None))


@router.get("/matrix")
def matrix(
    sort: str = Query("shared", max_length=20), top: int = Query(12, ge=2, le=500), r: Rashomon = Corpus
) -> HTMLResponse:
    return page("matrix.html", "matrix", mv=matrixview.matrix(r, desk.corpus(r), sort, top))


@router.get("/framing")
def framing(r: Rashomon = Corpus) -> HTMLResponse:
    rows = r.framing_table()
    return page("framing.html", "framing", rows=rows, groups=charts.framing(rows))


@router.get("/search")
def search(q: str = Query("", max_length=200), r: Rashomon = Corpus) -> HTMLResponse:
    terms, docs, claims, ents = views.search(r, q)
    return page("search.html", "search", q=q, terms=terms, docs=docs, claims=claims, ents=ents)


@router.get("/incidents")
def incidents(
    place: str | None = Query(None, max_length=200),
    status: str | None = Query(None, max_length=40),
    r: Rashomon = Corpus,
) -> HTMLResponse:
    found = r.incidents(place=place or None, status=status or None)
    return page("incidents.html", "incidents", items=found, filters={"place": place or "", "status": status or ""})


@router.get("/incident/{incident_id}")
def incident(incident_id: str, r: Rashomon = Corpus) -> HTMLResponse:
    found = [i for i in r.incidents() if i.id == incident_id]
    if not found:
        raise HTTPException(404, f"No incident with id {incident_id}.")
    (iv,) = views.incident_views(r, found[:1])
    docs = {d.id: d for d in r.store.documents(ids=list(iv.incident.documents), with_removals=False, with_raw=False)}
    return page("incident.html", "incidents", iv=iv, i=iv.incident, docs=docs)
