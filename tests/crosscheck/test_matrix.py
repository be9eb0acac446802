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


def test_quotes_count_and_a_near_copy_counts_as_its_original():
    a, b = doc("a", "x", "A"), doc("b", "x", "B")
    wire = doc("w", "x", "Wire Copy", duplicate_of="a")  # republishes a: one voice with A
    claims = [claim("qa", a), claim("qb", b), claim("qw", wire)]
    quote = Finding(
        "fq",
        "conflict",
        "s",
        ("qa", "qb", "qw"),
        (SourceCount("words 1", ("qa", "qw"), ("A", "Wire Copy"), 1), SourceCount("words 2", ("qb",), ("B",), 1)),
        kind="quote",
    )
    assert outlet_matrix([quote], claims, [a, b, wire]) == [
        {"a": "A", "b": "B", "agree": 0, "conflict": 1, "scope_difference": 0, "update": 0, "total": 1}
    ]


def test_outlets_without_a_name_are_named_by_their_url_and_never_merged():
    from rashomon.crosscheck.matrix import outlet_name
    from rashomon.records import Document

    x = Document("x", "in/x.txt", "t", "t", url="https://www.example.org/a")
    y, z = Document("y", "in/002_ab.txt", "t", "t"), Document("z", "in/003_cd.txt", "t", "t")
    assert [outlet_name(d) for d in (x, y, z)] == ["example.org", "002_ab.txt", "003_cd.txt"]
    claims = [claim("cx", x), claim("cy", y), claim("cz", z)]
    agree = Finding("f", "agree", "s", ("cx", "cy", "cz"), (SourceCount("1", ("cx", "cy", "cz"), (), 3),))
    assert [(r["a"], r["b"], r["agree"]) for r in outlet_matrix([agree], claims, [x, y, z])] == [
        ("002_ab.txt", "003_cd.txt", 1),
        ("002_ab.txt", "example.org", 1),
        ("003_cd.txt", "example.org", 1),
    ]
