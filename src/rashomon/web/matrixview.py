"""The outlet × outlet matrix as the web shows it: every cell counts the findings it links to.

The counting is the library's (:mod:`rashomon.crosscheck.matrix`: quotes count, a near-copy counts
as its original, outlets named by :func:`~rashomon.crosscheck.matrix.outlet_name`), so the page,
the report, ``rashomon matrix`` and ``/api/matrix`` agree. What this module adds is the layout:

* each cell keeps the ids of the findings it counts, and the page links the cell to them;
* with many outlets, the ``top`` outlets with the most shared findings are shown and the rest
  folded into one "other outlets" row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..api import Rashomon
from ..crosscheck import matrix as counting
from .desk import Corpus

KEYS = counting.STATUSES
OTHER = "other outlets"
SORTS = ("shared", "conflict", "name")


def copies(c: Corpus) -> dict[str, str]:
    """outlet of a near-copy -> outlet of its original, where they differ."""
    return counting.copies(c.docs.values())


def pair_table(r: Rashomon, c: Corpus) -> counting.PairTable:
    """(a, b) with a < b -> status -> ids of the findings in which the two outlets relate so."""
    findings = [f for f in r.findings() if f.status in KEYS]
    ids = sorted({cid for f in findings for cid in f.claims})
    return counting.pair_table(findings, r.store.claims(ids=ids) if ids else [], c.docs.values())


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
    rows = counting.rows(table)
    return MatrixView(shown + ([OTHER] if folded else []), cells, rows, folded, sort, top, copies(c))
