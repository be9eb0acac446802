"""The outlet matrix: for each pair of outlets, how often they agree, conflict, differ in scope or update.
This module owns the counting; the API (``Rashomon.matrix``), the CLI's ``matrix`` and the web page
and report (:mod:`rashomon.web.matrixview`, which only lays the counts out) all read it from here.

A pair of outlets (a < b) is counted once per finding in which both have a claim:

* in an ``agree`` finding: every pair of outlets in it agrees;
* in a ``conflict`` / ``update`` / ``scope_difference`` finding: a pair whose claims sit in
  different value groups (``SourceCount``) gets that status; a pair that reported the same
  value inside a conflicting finding agrees with each other, and is counted as ``agree``;
* quote findings count like any other (a quote changed between two outlets is a disagreement);
* a claim in a near-copy counts for its original's outlet: a wire story republished is one voice,
  not a second outlet agreeing with the first;
* outlets are named by :func:`outlet_name`: the document's outlet, else its URL's domain, else a
  per-document label, so documents without an outlet are never merged into one.

Findings of other statuses (single_source, unknown) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from urllib.parse import urlsplit

from ..records import Claim, Document, Finding
from .sources import outlet_of

STATUSES = ("agree", "conflict", "scope_difference", "update")
PairTable = dict[tuple[str, str], dict[str, list[str]]]  # (a, b), a < b -> status -> finding ids


def outlet_name(doc: Document | None) -> str:
    """The outlet to show and count ``doc`` under: its outlet, else its URL's domain, else a per-document label."""
    if doc is None:
        return "(missing document)"
    if doc.outlet:
        return doc.outlet
    try:
        parts = urlsplit((doc.url or "").strip())
        host = parts.hostname if parts.scheme.lower() in ("http", "https") else None
    except ValueError:
        host = None
    if host:
        return host.removeprefix("www.")
    return outlet_of(doc)


def copies(documents: Iterable[Document]) -> dict[str, str]:
    """outlet of a near-copy -> outlet of its original, where they differ."""
    docs = {d.id: d for d in documents}
    out = {}
    for d in docs.values():
        if d.duplicate_of and d.duplicate_of in docs:
            a, b = outlet_name(d), outlet_name(docs[d.duplicate_of])
            if a != b:
                out[a] = b
    return dict(sorted(out.items()))


def pair_table(findings: Iterable[Finding], claims: Iterable[Claim], documents: Iterable[Document]) -> PairTable:
    """(a, b) with a < b -> status -> ids of the findings in which the two outlets relate so.
    ``claims``: at least the claims of the findings; ``documents``: theirs and their originals."""
    docs = {d.id: d for d in documents}
    counted_as: dict[str, str] = {}  # claim id -> the outlet it counts for
    for c in claims:
        d = docs.get(c.doc)
        if d is not None and d.duplicate_of and d.duplicate_of in docs:
            d = docs[d.duplicate_of]
        counted_as[c.id] = outlet_name(d)
    table: PairTable = {}
    for f in findings:
        if f.status not in STATUSES:
            continue
        values: dict[str, set[int]] = {}
        groups = [sc.claims for sc in f.independent_sources] or [f.claims]
        for i, group in enumerate(groups):
            for cid in group:
                if cid in counted_as:
                    values.setdefault(counted_as[cid], set()).add(i)
        for a, b in combinations(sorted(values), 2):
            same = f.status == "agree" or not (values[a] ^ values[b])
            row = table.setdefault((a, b), {k: [] for k in STATUSES})
            row["agree" if same else f.status].append(f.id)
    return table


def rows(table: PairTable) -> list[dict]:
    """Rows {a, b, agree, conflict, scope_difference, update, total}, for a < b, sorted."""
    out = []
    for (a, b), row in sorted(table.items()):
        counts = {k: len(ids) for k, ids in row.items()}
        out.append({"a": a, "b": b, **counts, "total": sum(counts.values())})
    return out


def outlet_matrix(findings: list[Finding], claims: list[Claim], documents: list[Document]) -> list[dict]:
    """Rows {a, b, agree, conflict, scope_difference, update, total}, for a < b, sorted."""
    return rows(pair_table(findings, claims, documents))
