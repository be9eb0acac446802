"""The outlet matrix: pairs of outlets counted per finding status."""

from __future__ import annotations

from rashomon.crosscheck import outlet_matrix
from rashomon.records import Finding, SourceCount, make_claim
from tests.crosscheck._claims import doc


def claim(cid, d):
    return make_claim(id=cid, doc=d.id, kind="quantity", start=0, end=1, text="x", stage="t", value=1.0)


def test_pairs_by_status():
    a, b, c = doc("a", "x", "A"), doc("b", "x", "B"), doc("c", "x", "C")
    claims = [claim("ca", a), claim("cb", b), claim("cc", c), claim("ca2", a), claim("cb2", b)]
    conflict = Finding(
        "f1",
        "conflict",
        "s",
        ("ca", "cb", "cc"),
        (SourceCount("9", ("ca", "cb"), ("A", "B"), 1), SourceCount("12", ("cc",), ("C",), 1)),
    )
    agree = Finding(
        "f2",
        "agree",
        "s",
        ("ca2", "cb2"),
        (SourceCount("15%", ("ca2",), ("A",), 1), SourceCount("almost 15%", ("cb2",), ("B",), 1)),
    )
    ignored = Finding("f3", "single_source", "s", ("ca", "cb"), (SourceCount("9", ("ca", "cb"), ("A", "B"), 1),))
    rows = outlet_matrix([conflict, agree, ignored], claims, [a, b, c])
    by_pair = {(r["a"], r["b"]): r for r in rows}
    assert by_pair[("A", "B")]["agree"] == 2 and by_pair[("A", "B")]["conflict"] == 0
    assert by_pair[("A", "C")]["conflict"] == 1 and by_pair[("B", "C")]["conflict"] == 1
    assert all(
        r["a"] < r["b"] and r["total"] == sum(r[s] for s in ("agree", "conflict", "scope_difference", "update"))
        for r in rows
    )


def test_empty():
    assert outlet_matrix([], [], []) == []
