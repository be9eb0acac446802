"""Union-find over 0..n-1 with the smallest index as each set's root (deterministic
groups), used by every stage that joins linked items: entities, stories, quotes, scope
differences, near-copy groups, and the groups of documents alone in their story (which grow
one item at a time, under a size cap). :func:`components` and :func:`capped_groups` take
items of any hashable type."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Protocol, TypeVar

T = TypeVar("T", bound=Hashable)


class _Sortable(Protocol):
    """A hashable item that orders (ints, strings, tuples of them)."""

    def __hash__(self) -> int: ...

    def __lt__(self, other: Any, /) -> bool: ...


S = TypeVar("S", bound=_Sortable)


class UnionFind:
    def __init__(self, n: int = 0) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def add(self) -> int:
        """A new item in a set of its own; its index."""
        self.parent.append(len(self.parent))
        self.size.append(1)
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, cap: int | None = None) -> None:
        """Join the sets of ``i`` and ``j``, unless the joined set would hold more than ``cap`` items."""
        a, b = self.find(i), self.find(j)
        if a != b and (cap is None or self.size[a] + self.size[b] <= cap):
            a, b = min(a, b), max(a, b)
            self.parent[b] = a
            self.size[a] += self.size[b]


def components(items: Iterable[T], edges: Iterable[tuple[T, T]]) -> dict[T, T]:
    """The connected groups of ``items`` that ``edges`` join: every item -> the first item (in
    ``items`` order) of its group. Both ends of every edge must be among ``items``."""
    index: dict[T, int] = {}
    for x in items:
        index.setdefault(x, len(index))
    groups = UnionFind(len(index))
    for a, b in edges:
        groups.union(index[a], index[b])
    first = list(index)
    return {x: first[groups.find(i)] for x, i in index.items()}


def capped_groups(edges: Iterable[tuple[S, S]], cap: int) -> dict[S, S]:
    """The groups that ``edges``, taken in order, join while a joined group stays within ``cap``
    items (an edge that would make a larger group is skipped): every item of an edge -> the
    smallest item of its group. Deterministic for a given edge order, so two callers that
    produce the same edges in the same order (a whole-corpus pass, a partitioned one) get the
    same groups."""
    groups = UnionFind()
    index: dict[S, int] = {}

    def item(x: S) -> int:
        if x not in index:
            index[x] = groups.add()
        return index[x]

    for a, b in edges:
        groups.union(item(a), item(b), cap)
    first: dict[int, S] = {}
    for x, i in index.items():
        r = groups.find(i)
        first[r] = min(first.get(r, x), x)
    return {x: first[groups.find(i)] for x, i in index.items()}
