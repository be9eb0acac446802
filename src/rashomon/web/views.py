"""View models: what each page (and the report) shows, gathered from one read-only corpus.

Routes and the report call these functions and hand the result to a template; nothing
here renders HTML except through :mod:`rashomon.web.spans` (which escapes everything).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, get_args
from urllib.parse import urlsplit

from markupsafe import Markup

from .. import reviews
from ..api import Rashomon
from ..records import (
    Claim,
    Document,
    Entity,
    EventClaim,
    Figure,
    Finding,
    Incident,
    QuantityClaim,
    QuoteClaim,
    Report,
    Review,
    Status,
    TimeClaim,
    evidence_text,
)
from . import desk, spans as sp
from .desk import outlet_name

STATUSES: tuple[Status, ...] = get_args(Status)
CLAIM_FIELDS = (
    "kind",
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "approx",
    "unit",
    "what",
    "predicate",
    "change",
    "place",
    "time",
    "attributed_to",
    "speaker_text",
    "speaker",
    "cue",
    "direct",
    "value_iso",
    "timex_type",
    "zone",
    "actor",
    "action",
    "target",
    "stage",
)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None (never javascript:, data:, ...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def json_for_script(data: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">`` (no ``</``, ``<!--`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def source_label(source: str | None) -> str:
    """Where a document came from, without the local machine's absolute path: a URL as it is, a
    path under the working directory relative to it, any other absolute path as its last parts."""
    src = source or ""
    if "://" in src or not src:
        return src
    path, sep, member = src.partition("!")  # "archive.zip!inner/file.txt"
    p = PurePath(path)
    if p.is_absolute():
        try:
            path = str(p.relative_to(Path.cwd()))
        except ValueError:
            path = "…/" + "/".join(p.parts[-2:])
    return path + sep + member


def doc_label(d: Document | None) -> str:
    if d is None:
        return "(missing document)"
    return d.title or d.source.rsplit("/", 1)[-1]


# ------------------------------------------------------------------ overview
@dataclass
class Overview:
    by_outlet: list[tuple[str, list[Document]]]
    contested: list[tuple[desk.StoryFindings, list[FindingView]]]
    titles: dict[str, str]  # document id -> label (for "near-copy of ...")
    claim_counts: dict[str, int]
    status_counts: dict[str, int]
    errors: list
    extraction_errors: list
    stories: list[tuple[Any, list[Document]]]
    n_docs: int
    n_entities: int
    review_counts: dict[str, int]  # verdict -> findings carrying it, "stale" -> reviews applied to none
    stale: list[Review]


def overview(r: Rashomon) -> Overview:
    docs = r.documents()
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        groups[outlet_name(d)].append(d)
    by_outlet = [
        (o, sorted(ds, key=lambda d: (d.published or "9999", doc_label(d))))
        for o, ds in sorted(groups.items(), key=lambda kv: kv[0].lower())
    ]
    findings = r.findings()
    counts = Counter(f.status for f in findings)
    by_id = {d.id: d for d in docs}
    stories = [(s, [by_id[i] for i in s.docs if i in by_id]) for s in r.stories()]
    groups_ = desk.contested(desk.corpus(r, docs), findings)
    book = reviews.book(r.store)
    fviews = {fv.finding.id: fv for fv in finding_views(r, [f for g in groups_ for f in g.findings], book)}
    return Overview(
        by_outlet,
        [(g, [fviews[f.id] for f in g.findings]) for g in groups_],
        {d.id: doc_label(d) for d in docs},
        r.store.claim_counts(),
        {s: counts.get(s, 0) for s in STATUSES},
        r.errors(),
        r.extraction_errors(),
        stories,
        len(docs),
        r.store.count("entities"),
        book.counts(),
        book.stale(),
    )


# ------------------------------------------------------------------ findings
@dataclass
class Evidence:
    claim: Claim
    doc: Document | None
    excerpt: sp.Excerpt

    @property
    def outlet(self) -> str:
        return outlet_name(self.doc)


@dataclass
class Side:
    label: str
    outlets: tuple[str, ...]
    independent: int | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FindingView:
    finding: Finding
    sides: list[Side]
    entities: list[tuple[str, str]]  # (id, name)
    review: Review | None = None  # the person's verdict shown beside the machine's

    @property
    def review_state(self) -> str:
        return self.review.verdict if self.review else "unreviewed"

    @property
    def outlets(self) -> list[str]:
        """The outlets behind the finding, named as every page names them (:func:`desk.outlet_name`)."""
        names = {o for s in self.sides for o in s.outlets}
        return sorted(names, key=str.lower) if names else list(self.finding.outlets)

    def by_outlet(self) -> dict[str, tuple[str, Evidence | None]]:
        """outlet -> (the value it reported, its first piece of evidence), for the claim × outlet grid."""
        out: dict[str, tuple[str, Evidence | None]] = {}
        for s in self.sides:
            for e in s.evidence:
                out.setdefault(e.outlet, (s.label, e))
            for o in s.outlets:
                out.setdefault(o, (s.label, None))
        return out

    @property
    def compare(self) -> tuple[Evidence, Evidence] | None:
        """Two pieces of evidence from different sides (different documents when possible), for the split view."""
        firsts = [s.evidence for s in self.sides if s.evidence]
        if len(firsts) < 2:
            return None
        a = firsts[0][0]
        b = next((e for evs in firsts[1:] for e in evs if e.claim.doc != a.claim.doc), firsts[1][0])
        return a, b


def evidence_of(r: Rashomon, claim_ids: Iterable[str]) -> dict[str, Evidence]:
    """Each stored claim of ``claim_ids`` with its document and the sentence it stands in."""
    ids = sorted(set(claim_ids))
    claims = {c.id: c for c in r.store.claims(ids=ids)} if ids else {}
    doc_ids = sorted({c.doc for c in claims.values()})
    docs = {d.id: d for d in r.store.documents(ids=doc_ids, with_removals=False)} if doc_ids else {}
    out = {}
    for cid, c in claims.items():
        d = docs.get(c.doc)
        text, start, end = (evidence_text(c, d), c.start, c.end) if d else (c.text, 0, len(c.text))
        out[cid] = Evidence(c, d, sp.sentence(text, start, end))
    return out


def finding_views(r: Rashomon, findings: list[Finding], book: reviews.Book | None = None) -> list[FindingView]:
    """Each finding with its evidence grouped by the value each side reported, and its review."""
    book = book if book is not None else reviews.book(r.store)
    ev = evidence_of(r, (c for f in findings for c in f.claims)).get
    names = {e.id: e.name for e in r.entities()} if any(f.entities for f in findings) else {}

    views = []
    for f in findings:
        sides: list[Side] = []
        used: set[str] = set()
        for s in f.independent_sources:
            evs = [e for e in (ev(c) for c in s.claims) if e]
            used.update(s.claims)
            side_outlets = tuple(dict.fromkeys(e.outlet for e in evs)) or tuple(o or "?" for o in s.outlets)
            sides.append(Side(s.value, side_outlets, s.independent_sources, evs))
        rest: dict[str, list[Evidence]] = defaultdict(list)
        for cid in f.claims:
            if cid not in used and (e := ev(cid)):
                rest[e.outlet].append(e)
        sides += [Side(o, (o,), None, evs) for o, evs in sorted(rest.items())]
        views.append(FindingView(f, sides, [(i, names.get(i, i)) for i in f.entities], book.of(f.id)))
    return views


# ------------------------------------------------------------------ incidents
@dataclass
class IncidentView:
    """An incident with, for each figure, every report behind it and the words it stands on."""

    incident: Incident
    figures: list[tuple[Figure, list[tuple[Report, Evidence | None]]]]


def incident_views(r: Rashomon, incidents: list[Incident] | None = None) -> list[IncidentView]:
    """``incidents`` (by default every one) with their figures' reports and evidence."""
    incidents = r.incidents() if incidents is None else incidents
    ev = evidence_of(r, (rep.claim for i in incidents for f in i.figures for rep in f.reports))
    return [
        IncidentView(i, [(f, [(rep, ev.get(rep.claim)) for rep in f.reports]) for f in i.figures]) for i in incidents
    ]


def claim_grid(fvs: list[FindingView]) -> tuple[list[str], list[dict[str, tuple[str, Evidence | None]]]]:
    """(outlets, one {outlet: (value, evidence)} per finding): the claim × outlet grid of a story."""
    rows = [fv.by_outlet() for fv in fvs]
    return sorted({o for row in rows for o in row}, key=str.lower), rows


# ------------------------------------------------------------------ reader
@dataclass
class Reader:
    doc: Document
    html: Markup
    raw_html: Markup
    claims: list[Claim]
    records: dict[str, dict[str, Any]]
    findings_of: dict[str, list[tuple[str, str, str]]]
    legend: list[tuple[str, int]]
    outlet: str = ""
    original: Document | None = None  # the document this one is a near-copy of
    disputed: int = 0  # claims in a contested finding
    reviewed: dict[str, Review] = field(default_factory=dict)  # finding id -> its review, for the findings here
    title_html: Markup | None = None  # the title with the claims read from it highlighted


def _claim_title(c: Claim) -> str:
    if isinstance(c, QuantityClaim):
        return f"quantity: {c.text}" + (f" — counts {c.what}" if c.what else "")
    if isinstance(c, QuoteClaim):
        return f"quote by {c.speaker_text or 'unknown speaker'}"
    if isinstance(c, TimeClaim):
        return f"time: {c.value_iso or 'unnormalised'}"
    return f"{c.kind}: {(c.action if isinstance(c, EventClaim) else None) or c.text}"


def reader(r: Rashomon, doc: Document, hit: tuple[int, int] | None = None) -> Reader:
    claims = r.claims(doc=doc.id)
    findings_of = r.store.claim_findings([c.id for c in claims])
    book = reviews.book(r.store)
    reviewed = {fid: rv for fs in findings_of.values() for fid, _, _ in fs if (rv := book.of(fid))}
    spans: list[sp.Span] = []
    heading: list[sp.Span] = []  # claims read from the title: highlighted in the heading
    records: dict[str, dict[str, Any]] = {}
    for c in claims:
        fs = findings_of.get(c.id, [])
        into = heading if getattr(c, "part", None) == "title" else spans
        worst_f = min(fs, key=lambda x: (desk.SEVERITY.get(x[1], 9), x[0]), default=None)
        worst = worst_f[1] if worst_f else ""
        if worst_f and worst in desk.CONTESTED:
            label = worst.replace("_", " ")
            rv = reviewed.get(worst_f[0])
            said = f" — reviewed: {rv.verdict} by {rv.reviewer}" if rv else ""
            into.append(
                sp.Span(
                    c.start,
                    c.end,
                    c.kind,
                    c.id,
                    f"c-{c.id}",
                    f"{_claim_title(c)} — {label}{said}",
                    f"disputed st-{worst}" + (f" rv-{rv.verdict}" if rv else ""),
                    f"{label} · {rv.verdict.replace('-', ' ')}" if rv else label,
                )
            )
        else:
            into.append(sp.Span(c.start, c.end, c.kind, c.id, f"c-{c.id}", _claim_title(c)))
        if isinstance(c, QuoteClaim) and c.speaker_start is not None and c.speaker_end is not None:
            spans.append(sp.Span(c.speaker_start, c.speaker_end, "speaker", c.id, None, "speaker"))
        rec = {k: v for k in CLAIM_FIELDS if (v := getattr(c, k, None)) is not None}
        rec["id"] = c.id
        rec["findings"] = [
            {"id": i, "status": s, "summary": m, "review": rv.verdict if (rv := reviewed.get(i)) else None}
            for i, s, m in findings_of.get(c.id, [])
        ]
        records[c.id] = rec
    for start, end, text, typ, eid, name in r.store.doc_mentions(doc.id):
        ref = eid or f"m-{start}-{end}"
        spans.append(sp.Span(start, end, "entity", ref, None, f"{typ or 'entity'}: {name or text}"))
        records.setdefault(
            ref,
            {"kind": "entity", "id": eid, "name": name or text, "type": typ, "text": text, "start": start, "end": end},
        )
    for i, h in enumerate(r.store.doc_framing(doc.id)):
        ref = f"fr-{i}"
        spans.append(sp.Span(h.start, h.end, "framing", ref, f"fr-{h.start}", f"framing: {h.term} ({h.group})"))
        records[ref] = {
            "kind": "framing",
            "text": h.text,
            "term": h.term,
            "group": h.group,
            "category": h.category,
            "start": h.start,
            "end": h.end,
            "stage": h.stage,
        }
    if hit:
        spans.append(sp.Span(hit[0], hit[1], "hit", "", "hit", "search hit"))
    shown = sp.valid_spans(doc.text, spans)
    legend = Counter(s.kind for s in shown if s.kind not in ("speaker",))
    removed = [sp.Span(x.start, x.end, "removed", "", None, f"removed by {x.rule}") for x in doc.removed]
    original = None
    if doc.duplicate_of:
        found = r.store.documents(ids=[doc.duplicate_of], with_removals=False, with_text=False)
        original = found[0] if found else None
    return Reader(
        doc,
        sp.render(doc.text, shown),
        sp.render(doc.raw_text, removed),
        claims,
        records,
        findings_of,
        sorted(legend.items(), key=lambda kv: sp.KINDS.index(kv[0])),
        outlet_name(doc),
        original,
        sum(1 for s in shown if "disputed" in s.extra_class),
        reviewed,
        sp.render(doc.title or "", sp.valid_spans(doc.title or "", heading)) if heading else None,
    )


def parse_hit(value: str | None, text_len: int) -> tuple[int, int] | None:
    """``START:END`` (a search hit) -> offsets, or None when absent or out of range."""
    if not value:
        return None
    a, sep, b = value.partition(":")
    if not (sep and a.isdigit() and b.isdigit()):
        return None
    start, end = int(a), int(b)
    return (start, end) if 0 <= start < end <= text_len else None


# ------------------------------------------------------------------ entity
@dataclass
class EntityView:
    entity: Entity
    by_outlet: list[tuple[str, int, list[Document]]]
    quotes_by: list[Evidence]
    quotes_about: list[Evidence]
    findings: list[FindingView]


def entity_view(r: Rashomon, entity_id: str) -> EntityView | None:
    e = r.store.entity(entity_id)
    if e is None:
        return None
    by, about = r.store.entity_quotes(e.id)
    doc_ids = sorted({m.doc for m in e.mentions} | {c.doc for c in by + about})
    docs = {d.id: d for d in r.store.documents(ids=doc_ids, with_removals=False)} if doc_ids else {}
    counts: Counter[str] = Counter()
    outlet_docs: dict[str, dict[str, Document]] = defaultdict(dict)
    for m in e.mentions:
        d = docs.get(m.doc)
        outlet = outlet_name(d)
        counts[outlet] += 1
        if d:
            outlet_docs[outlet][d.id] = d
    rows = [(o, n, list(outlet_docs[o].values())) for o, n in counts.most_common()]

    def evs(cs: list[Claim]) -> list[Evidence]:
        out = []
        for c in cs:
            d = docs.get(c.doc)
            out.append(
                Evidence(
                    c, d, sp.sentence(evidence_text(c, d), c.start, c.end) if d else sp.Excerpt("", c.text, "", 0, 0)
                )
            )
        return out

    return EntityView(e, rows, evs(by), evs(about), finding_views(r, r.findings(entity=e.id)))


# ------------------------------------------------------------------ search
@dataclass
class Hit:
    doc: Document
    excerpt: sp.Excerpt
    claim: Claim | None = None


def search(r: Rashomon, query: str, limit: int = 50) -> tuple[list[str], list[Hit], list[Hit], list[Entity]]:
    """(terms, document hits, claim hits, entities) for a free-text query."""
    from .search import find_terms, parse_query

    terms = parse_query(query)
    if not terms:
        return [], [], [], []
    docs = r.store.search_documents(terms)
    doc_hits = []
    for d in docs:
        found = find_terms(d.text, terms) or [(0, 0)]  # (0, 0): the match is in the title only
        doc_hits.append((len(found), Hit(d, sp.sentence(d.text, *found[0]))))
    doc_hits.sort(key=lambda t: -t[0])
    claims = r.store.search_claims(terms)
    cdocs = (
        {d.id: d for d in r.store.documents(ids=sorted({c.doc for c in claims}), with_removals=False)} if claims else {}
    )
    claim_hits = [
        Hit(cdocs[c.doc], sp.sentence(evidence_text(c, cdocs[c.doc]), c.start, c.end), c)
        for c in claims[:limit]
        if c.doc in cdocs
    ]
    low = [t.lower() for t in terms]
    ents = [e for e in r.entities() if all(any(t in n.lower() for n in (e.name, *e.aliases)) for t in low)][:limit]
    return terms, [h for _, h in doc_hits[:limit]], claim_hits, ents
