"""The outlet matrix: for each pair of outlets, how often they agree, conflict, differ in scope or update.

A pair of outlets (a < b) is counted once per finding in which both have a claim:

* in an ``agree`` finding: every pair of outlets in it agrees;
* in a ``conflict`` / ``update`` / ``scope_difference`` finding: a pair whose claims sit in
  different value groups (``SourceCount``) gets that status; a pair that reported the same
  value inside a conflicting finding agrees with each other, and is counted as ``agree``.

Findings of other statuses (single_source, unknown) and of kind "quote" are ignored.
"""

from __future__ import annotations

from itertools import combinations

from ..records import Claim, Document, Finding
from .link import outlet_of

STATUSES = ("agree", "conflict", "scope_difference", "update")


def _outlet_values(f: Finding, outlet_of_claim: dict[str, str]) -> dict[str, set[int]]:
    """outlet -> indexes of the value groups it reported in finding ``f``."""
    out: dict[str, set[int]] = {}
    for i, sc in enumerate(f.independent_sources):
        for cid in sc.claims:
            o = outlet_of_claim.get(cid)
            if o:
                out.setdefault(o, set()).add(i)
    if not f.independent_sources:
        for cid in f.claims:
            o = outlet_of_claim.get(cid)
            if o:
                out.setdefault(o, set()).add(0)
    return out


def outlet_matrix(findings: list[Finding], claims: list[Claim], documents: list[Document]) -> list[dict]:
    """Rows {a, b, agree, conflict, scope_difference, update, total}, for a < b, sorted."""
    docs = {d.id: d for d in documents}
    outlet_of_claim = {c.id: outlet_of(docs.get(c.doc)) for c in claims}
    table: dict[tuple[str, str], dict[str, int]] = {}
    for f in findings:
        if f.status not in STATUSES or f.kind == "quote":
            continue
        values = _outlet_values(f, outlet_of_claim)
        for a, b in combinations(sorted(values), 2):
            if f.status == "agree":
                status = "agree"
            elif values[a] - values[b] or values[b] - values[a]:
                status = f.status
            else:
                status = "agree"
            row = table.setdefault((a, b), dict.fromkeys(STATUSES, 0))
            row[status] += 1
    return [{"a": a, "b": b, **row, "total": sum(row.values())} for (a, b), row in sorted(table.items())]
