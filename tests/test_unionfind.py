"""The one union-find (``rashomon.unionfind``): index-based, and over any hashable items."""

from __future__ import annotations

from rashomon.unionfind import UnionFind, capped_groups, components


def test_smallest_index_is_the_root():
    uf = UnionFind(4)
    uf.union(3, 1)
    uf.union(1, 2)
    assert [uf.find(i) for i in range(4)] == [0, 1, 1, 1]


def test_components_map_each_item_to_the_first_of_its_group():
    items = ["c", "a", "b", "d", "e"]
    assert components(items, [("b", "a"), ("e", "d"), ("d", "c")]) == {"c": "c", "a": "a", "b": "a", "d": "c", "e": "c"}
    assert components(["x", "x", "y"], []) == {"x": "x", "y": "y"}


def test_capped_groups_skip_an_edge_that_would_overflow():
    assert capped_groups([(1, 2), (2, 3), (4, 5)], cap=2) == {1: 1, 2: 1, 3: 3, 4: 4, 5: 4}
