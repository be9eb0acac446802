"""The outlet × outlet matrix as the web shows it: every cell counts the findings it links to.

Differences from the library's ``outlet_matrix`` (which stays as it is for the API and export):

* quote findings count like any other (a quote changed between two outlets is a disagreement);
* a claim in a near-copy is counted as its original's (the wire story republished is one voice,
  not a second outlet agreeing with the first);
* outlets are named by :func:`desk.outlet_name`, so documents without an outlet are never merged;
* each cell keeps the ids of the findings it counts, and the page links the cell to them;
* with many outlets, the ``top`` outlets with the most shared findings are shown and the rest
  folded into one "other outlets" row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from ..api import Rashomon
from ..records import Finding
from .desk import Corpus, outlet_name

KEYS = ("agree", "conflict", "scope_difference", "update")
OTHER = "other outlets"
SORTS = ("shared", "conflict", "name")


def copies(c: Corpus) -> dict[str, str]:
    """outlet of a near-copy -> outlet of its original, where they differ."""
    out = {}
    for d in c.docs.values():
        if d.duplicate_of and d.duplicate_of in c.docs:
            a, b = outlet_name(d), outlet_name(c.docs[d.duplicate_of])
            if a != b:
                out[a] = b
    return dict(sorted(out.items()))


def _claim_outlets(r: Rashomon, c: Corpus, findings: list[Finding]) -> dict[str, str]:
    """claim id -> the outlet it counts for (a near-copy's claims count for the original's outlet)."""
    ids = sorted({cid for f in findings for cid in f.claims})
    out = {}
    for claim in r.store.claims(ids=ids) if ids else []:
        d = c.docs.get(claim.doc)
        if d is not None and d.duplicate_of and d.duplicate_of in c.docs:
            d = c.docs[d.duplicate_of]
        out[claim.id] = outlet_name(d)
    return out


def pair_table(r: Rashomon, c: Corpus) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(a, b) with a < b -> status -> ids of the findings in which the two outlets relate so."""
    findings = [f for f in r.findings() if f.status in KEYS]
    outlet_of = _claim_outlets(r, c, findings)
    table: dict[tuple[str, str], dict[str, list[str]]] = {}
    for f in findings:
        values: dict[str, set[int]] = {}
        groups = [sc.claims for sc in f.independent_sources] or [f.claims]
        for i, claims in enumerate(groups):
            for cid in claims:
                if cid in outlet_of:
                    values.setdefault(outlet_of[cid], set()).add(i)
        for a, b in combinations(sorted(values), 2):
            same = f.status == "agree" or not (values[a] ^ values[b])
            row = table.setdefault((a, b), {k: [] for k in KEYS})
            row["agree" if same else f.status].append(f.id)
    return table


def pair_findings(r: Rashomon, c: Corpus, a: str, b: str) -> set[str]:
    """The ids of the findings the matrix cell (a, b) counts."""
    row = pair_table(r, c).get((min(a, b), max(a, b)), {})
    return {fid for ids in row.values() for fid in ids}


@dataclass
class Cell:
    a: str
    b: str
    counts: dict[str, int]
    link: bool = True  # False for the folded "other outlets" cells

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shade(self) -> str:
        """A CSS class: m-none (no shared finding), m-other (only scope differences or updates),
        m0 (all conflict) ... m4 (all agreement)."""
        agree, conflict = self.counts.get("agree", 0), self.counts.get("conflict", 0)
        if agree + conflict == 0:
            return "m-other" if self.total else "m-none"
        return f"m{round(4 * agree / (agree + conflict))}"

    @property
    def label(self) -> str:
        """ "3✓ 1✗ 2~": agreements, conflicts, other differences (scope, update); zeros left out."""
        other = self.counts.get("scope_difference", 0) + self.counts.get("update", 0)
        parts = [(self.counts.get("agree", 0), "✓"), (self.counts.get("conflict", 0), "✗"), (other, "~")]
        return " ".join(f"{n}{mark}" for n, mark in parts if n) or "0"

    @property
    def title(self) -> str:
        parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in self.counts.items() if v)
        return f"{self.a} × {self.b}: {parts or 'no shared finding'}"


@dataclass
class MatrixView:
    outlets: list[str]  # rows and columns, in order (OTHER last when folded)
    cells: dict[tuple[str, str], Cell]
    rows: list[dict]  # every pair, for the table under the grid
    folded: list[str] = field(default_factory=list)
    sort: str = "shared"
    top: int = 12
    copies: dict[str, str] = field(default_factory=dict)  # near-copy outlet -> original outlet

    def cell(self, a: str, b: str) -> Cell | None:
        return self.cells.get((a, b))


def matrix(r: Rashomon, c: Corpus, sort: str = "shared", top: int = 12) -> MatrixView:
    table = pair_table(r, c)
    counts = {p: {k: len(v) for k, v in row.items()} for p, row in table.items()}
    shared: dict[str, int] = {}
    conflict: dict[str, int] = {}
    for (a, b), row in counts.items():
        for o in (a, b):
            shared[o] = shared.get(o, 0) + sum(row.values())
            conflict[o] = conflict.get(o, 0) + row["conflict"]
    sort = sort if sort in SORTS else "shared"
    order = sorted(shared, key=str.lower)
    if sort == "shared":
        order.sort(key=lambda o: -shared[o])
    elif sort == "conflict":
        order.sort(key=lambda o: -conflict[o])
    top = max(2, top)
    shown, folded = (order, []) if len(order) <= top + 1 else (order[:top], order[top:])
    cells: dict[tuple[str, str], Cell] = {}

    def add(x: str, y: str, row: dict[str, int], link: bool) -> None:
        cell = cells.setdefault((x, y), Cell(x, y, dict.fromkeys(KEYS, 0), link))
        for k, v in row.items():
            cell.counts[k] += v

    for (a, b), row in counts.items():
        fa, fb = a in folded, b in folded
        if fa and fb:
            continue
        x, y = (OTHER if fa else a), (OTHER if fb else b)
        add(x, y, row, not (fa or fb))
        add(y, x, row, not (fa or fb))
    rows = [{"a": a, "b": b, **row, "total": sum(row.values())} for (a, b), row in sorted(counts.items())]
    return MatrixView(shown + ([OTHER] if folded else []), cells, rows, folded, sort, top, copies(c))
