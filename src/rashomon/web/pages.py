"""HTML routes: each parses its parameters, calls one view function, renders one template."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..api import Rashomon
from . import charts, views
from .app import open_corpus
from .templating import render

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
    status: str | None = Query(None, max_length=40),
    story: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    outlet: str | None = Query(None, max_length=200),
    r: Rashomon = Corpus,
) -> HTMLResponse:
    problem = ""
    if status and status not in views.STATUSES:
        problem = f"Unknown status {status!r}; choose one of: {', '.join(views.STATUSES)}."
        status = None
    found = r.findings(status=status or None, entity=entity or None, outlet=outlet or None, story=story or None)
    outlets = sorted({d.outlet for d in r.documents() if d.outlet}, key=str.lower)
    return page(
        "findings.html",
        "findings",
        items=views.finding_views(r, found),
        stories=r.stories(),
        outlets=outlets,
        problem=problem,
        filters={"status": status or "", "story": story or "", "entity": entity or "", "outlet": outlet or ""},
    )


@router.get("/finding/{finding_id}")
def finding(finding_id: str, r: Rashomon = Corpus) -> HTMLResponse:
    found = [f for f in r.findings() if f.id == finding_id]
    if not found:
        raise HTTPException(404, f"No finding with id {finding_id}.")
    return page("finding.html", "findings", item=views.finding_views(r, found)[0])


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
def timeline(r: Rashomon = Corpus) -> HTMLResponse:
    entries = r.timeline()
    ids = sorted({c for t in entries for c in t.claims})
    claim_docs = {c.id: c.doc for c in r.store.claims(ids=ids)} if ids else {}
    window = charts.focus(entries)
    return page(
        "timeline.html",
        "timeline",
        entries=entries,
        chart=charts.timeline(entries),
        claim_docs=claim_docs,
        zoom=charts.timeline(entries, window=window) if window else None,
    )


@router.get("/matrix")
def matrix(r: Rashomon = Corpus) -> HTMLResponse:
    rows = r.matrix()
    return page("matrix.html", "matrix", rows=rows, chart=charts.matrix(rows))


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
    inc = found[0]
    ids = [rep.claim for f in inc.figures for rep in f.reports]
    claims = {c.id: c for c in r.store.claims(ids=ids)} if ids else {}
    docs = {d.id: d for d in r.store.documents(ids=list(inc.documents), with_removals=False, with_raw=False)}
    return page("incident.html", "incidents", i=inc, claims=claims, docs=docs)
