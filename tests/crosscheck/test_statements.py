"""Cross-outlet prose statement linking on hand-built fictional documents (no spaCy)."""

from __future__ import annotations

from dataclasses import replace

from rashomon.crosscheck import statements
from rashomon.crosscheck.statements import Weights, link, stem
from rashomon.records import Claim, Document, Entity, Finding, Mention, claim_id, make_claim, stable_id
from tests.crosscheck._claims import at, when

# filler sentences give the corpus enough sentences for IDF to tell rare words from common ones
FILLER = (
    "Rain fell over the coastal hills. Ferries kept their winter timetable. A bakery opened near the square. "
    "Schools closed early for the festival. The museum repainted its northern wing. Tourists crowded the pier."
)


def _doc(doc_id: str, outlet: str, sentence: str, published: str = "2025-05-04", dup: str | None = None) -> Document:
    text = f"{sentence} {FILLER}"
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        raw_text=text,
        outlet=outlet,
        published=published,
        duplicate_of=dup,
    )


def _event(
    d: Document, clause: str, action: str, actor: str | None = None, target: str | None = None, time: str | None = None
) -> Claim:
    return at(d, "event", clause, "events@1", action=action, actor=actor, target=target, time=time)


def _entity(name: str, kind: str, docs: list[Document]) -> Entity:
    ms = tuple(
        Mention(d.id, d.text.index(name), d.text.index(name) + len(name), name, kind) for d in docs if name in d.text
    )
    return Entity(stable_id("e", kind, name), name, kind, (name,), ms)


A = "The Port Aven council approved the new harbour wall after a long night of debate."
B = "After hours of debate the Port Aven council approved a new harbour wall for the fishing fleet."


def _pair(a: str = A, b: str = B, outlet_b: str = "Coastline Post", neg: bool = False):
    da, db = _doc("a", "Valdoria Herald", a), _doc("b", outlet_b, b)
    verb_a = "approved"
    ca = _event(da, a[a.index("The") : a.index("wall") + 4], "approve", "Port Aven council", "harbour wall")
    cb = (
        make_claim(
            id=claim_id("b", "quote", 0, len(b)), doc="b", kind="quote", start=0, end=len(b), text=b, stage="quotes@1"
        )
        if neg
        else _event(db, b[b.index("the Port") : b.index("wall") + 4], "approve", "Port Aven council", "harbour wall")
    )
    ents = [_entity("Port Aven", "GPE", [da, db])]
    assert verb_a in a
    return [ca, cb], [da, db], ents


def test_stem_meets_inflections() -> None:
    assert stem("approved") == stem("approves") == stem("approving") == stem("approve")
    assert stem("denied") == stem("denies") == stem("deny")
    assert stem("planned") == stem("plans")
    assert stem("Council's") == stem("council")


def test_same_statement_from_two_outlets_is_linked_and_agrees() -> None:
    claims, docs, ents = _pair()
    found = link(claims, docs, ents)
    assert len(found) == 1
    f = found[0]
    assert f.kind == "statement" and f.status == "agree"
    assert set(f.claims) == {c.id for c in claims}
    assert f.outlets == ("Coastline Post", "Valdoria Herald")
    assert f.id == stable_id("f", *sorted(c.id for c in claims))
    assert "Valdoria Herald:" in f.summary and "Coastline Post:" in f.summary and '"' in f.summary
    assert "approved" in f.summary
    assert ents[0].id in f.entities
    assert [sc.outlets for sc in f.independent_sources] == [("Coastline Post",), ("Valdoria Herald",)]
    assert link(claims, docs, ents) == found  # stable across runs


def test_same_outlet_and_wire_copies_are_not_cross_checks() -> None:
    claims, docs, ents = _pair(outlet_b="Valdoria Herald")
    assert link(claims, docs, ents) == []
    da, db = docs
    db = replace(db, outlet="Coastline Post", duplicate_of="a")
    assert link(claims, [da, db], ents) == []


def test_sharing_only_a_name_is_not_one_statement() -> None:
    a = "The Port Aven council approved the new harbour wall after a long night of debate."
    b = "Port Aven fishermen celebrated a record sardine season with music in the old market."
    da, db = _doc("a", "Valdoria Herald", a), _doc("b", "Coastline Post", b)
    claims = [
        _event(da, a[: a.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        _event(db, b[: b.index("season") + 6], "celebrate", "Port Aven fishermen", "season"),
    ]
    assert link(claims, [da, db], [_entity("Port Aven", "GPE", [da, db])]) == []


def test_negated_action_with_the_same_party_is_a_conflict() -> None:
    b = "The Port Aven council did not approve the new harbour wall after a long night of debate."
    claims, docs, ents = _pair(b=b, neg=True)
    found = link(claims, docs, ents)
    assert [f.status for f in found] == ["conflict"]
    assert "denies" in found[0].summary


def test_a_negated_object_and_a_no_compound_are_no_denial_of_each_other() -> None:
    a = "The Port Aven council found no fault with the new harbour wall after a long night of debate."
    b = "The Port Aven council did not find any fault with the new harbour wall after a long night of debate."
    da, db = _doc("a", "Valdoria Herald", a), _doc("b", "Coastline Post", b)
    ents = [_entity("Port Aven", "GPE", [da, db])]
    found = at(da, "event", a[: a.index("fault") + 5], "events@1", action="find", predicate="found",
               actor="Port Aven council", target="fault")  # fmt: skip
    said = make_claim(id=claim_id("b", "quote", 0, len(b)), doc="b", kind="quote", start=0, end=len(b), text=b,
                      stage="quotes@1")  # fmt: skip
    assert [f.status for f in link([found, said], [da, db], ents)] != ["conflict"]  # both say none was found
    assert statements._negated("He is held on a no-bond hold, without bond.", {"hold", "bond"}) == set()


def test_loose_overlap_is_linked_but_not_judged() -> None:
    b = "Debate over the harbour wall in Port Aven lasted until dawn, and the council approved it."
    claims, docs, ents = _pair(b=b, neg=True)  # no event claim on the other side: nothing to judge by
    found = link(claims, docs, ents, min_score=statements.MIN_SCORE)
    assert [f.status for f in found] == ["unknown"]


def test_different_days_are_different_events() -> None:
    a = "The Port Aven council approved the new harbour wall on 3 May 2025 after debate."
    b = "The Port Aven council approved the new harbour wall on 9 June 2025 after debate."
    da, db = _doc("a", "Valdoria Herald", a), _doc("b", "Coastline Post", b)
    claims = [
        _event(da, a[: a.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        when(da, "3 May 2025", "2025-05-03"),
        _event(db, b[: b.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        when(db, "9 June 2025", "2025-06-09"),
    ]
    assert link(claims, [da, db], [_entity("Port Aven", "GPE", [da, db])]) == []


def test_pairs_tied_by_another_finding_and_other_stories_are_skipped() -> None:
    claims, docs, ents = _pair()
    other = Finding(id="f_x", status="agree", summary="", claims=tuple(c.id for c in claims), kind="quote")
    assert link(claims, docs, ents, linked=[other.claims]) == []
    assert link(claims, docs, ents, story_of={"a": "s1", "b": "s2"}) == []
    assert len(link(claims, docs, ents, story_of={"a": "s1", "b": "s1"})) == 1


def test_corpus_weights_and_cap_per_story() -> None:
    claims, docs, ents = _pair()
    w = Weights.of(docs, ents)
    assert w.n == 14  # every sentence of the corpus counts, not only those with claims
    assert w.df[stem("harbour")] == 2 and w.df[stem("fleet")] == 1
    assert w.idf(stem("harbour")) < w.idf(stem("fleet"))
    assert w.idf("E:" + ents[0].id) > 1.0
    assert link(claims, docs, ents, weights=w) == link(claims, docs, ents)
    assert link(claims, docs, ents, limit=0) == []


def _m(score: float) -> statements.Match:
    return statements.Match(score, ("x", "y"), "unknown")


def test_cliques_do_not_chain() -> None:
    """A~B and B~C without A~C is not one statement: the stronger pair is kept, C is left out."""
    docs = ["a", "b", "c"]
    assert statements.cliques({(0, 1): _m(0.9), (1, 2): _m(0.8)}, docs) == [[0, 1]]
    assert statements.cliques({(0, 1): _m(0.7), (1, 2): _m(0.8)}, docs) == [[1, 2]]
    # every member linked to every other: one group of three
    assert statements.cliques({(0, 1): _m(0.9), (1, 2): _m(0.8), (0, 2): _m(0.5)}, docs) == [[0, 1, 2]]
    # two sentences of one document never share a group, even when all pairs are linked
    assert statements.cliques({(0, 1): _m(0.9), (1, 2): _m(0.8), (0, 2): _m(0.5)}, ["a", "b", "a"]) == [[0, 1]]
    # disjoint pairs stay separate findings; two pairs merge only when all four cross links exist
    four = ["a", "b", "c", "d"]
    assert statements.cliques({(0, 1): _m(0.9), (2, 3): _m(0.8), (1, 2): _m(0.7)}, four) == [[0, 1], [2, 3]]
    full = {(i, j): _m(0.9 - 0.01 * (i + j)) for i in range(4) for j in range(i + 1, 4)}
    assert statements.cliques(full, four) == [[0, 1, 2, 3]]


def test_chained_sentences_are_not_one_finding() -> None:
    """Three outlets: the first two say one thing, the third shares words with only the second."""
    a = "The Port Aven council approved the new harbour wall after a long night of debate."
    b = "After hours of debate the Port Aven council approved a new harbour wall for the fishing fleet."
    c = "The fishing fleet of Port Aven voted to boycott the new harbour wall for a week."
    da, db, dc = (_doc("a", "Valdoria Herald", a), _doc("b", "Coastline Post", b), _doc("c", "Kestrel Daily", c))
    claims = [
        _event(da, a[: a.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        _event(db, b[b.index("the Port") : b.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        _event(dc, c[: c.index("wall") + 4], "vote", "fishing fleet", "harbour wall"),
    ]
    found = link(claims, [da, db, dc], [_entity("Port Aven", "GPE", [da, db, dc])], min_score=statements.MIN_SCORE)
    w = Weights.of([da, db, dc], [_entity("Port Aven", "GPE", [da, db, dc])])
    items = {st.doc: st for st in statements.statements(claims, [da, db, dc], [])}
    assert found
    seen: set[str] = set()
    for f in found:  # every finding is a clique of linked statements, each claim in one finding
        docs = sorted({c.doc for c in claims if c.id in f.claims})
        assert not seen & set(f.claims)
        seen |= set(f.claims)
        for x in docs:
            for y in docs:
                if x < y:
                    assert statements.compare(items[x], items[y], w) is not None


def test_different_years_are_different_events() -> None:
    a = "The Port Aven council approved the new harbour wall in 2019 after a long debate."
    b = "The Port Aven council approved the new harbour wall in 2024 after a long debate."
    da, db = _doc("a", "Valdoria Herald", a), _doc("b", "Coastline Post", b)
    claims = [
        _event(da, a[: a.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
        _event(db, b[: b.index("wall") + 4], "approve", "Port Aven council", "harbour wall"),
    ]
    assert link(claims, [da, db], [_entity("Port Aven", "GPE", [da, db])]) == []
    b2 = b.replace("2024", "2019")
    db2 = _doc("b", "Coastline Post", b2)
    claims[1] = _event(db2, b2[: b2.index("wall") + 4], "approve", "Port Aven council", "harbour wall")
    assert len(link(claims, [da, db2], [_entity("Port Aven", "GPE", [da, db2])])) == 1


def test_blocked_items_propose_no_pairs_for_documents_alone_in_their_story() -> None:
    """A partition of documents alone in their story sees only some statements of an item held by too
    many corpus-wide: the pipeline passes it as ``blocked`` and the item proposes no pair there."""
    claims, docs, ents = _pair()
    assert len(link(claims, docs, ents)) == 1
    weights = Weights.of(docs, ents)
    st_a, st_b = statements.statements(claims, docs, ents)
    shared = frozenset(statements.index_keys(st_a, weights)) & frozenset(statements.index_keys(st_b, weights))
    assert shared
    assert link(claims, docs, ents, blocked=shared) == []
    # stories' own postings are counted per story, never blocked
    assert len(link(claims, docs, ents, story_of={"a": "s1", "b": "s1"}, blocked=shared)) == 1


def test_findings_limit_applies_per_group_of_documents_alone_in_their_story(monkeypatch) -> None:
    """Two pairs of documents alone in their story that share no item rare enough to propose a pair
    across them: each group keeps its own findings under the per-story limit."""
    claims, docs, ents = _pair()
    claims2, docs2, _ = _pair(
        "The Port Selma mayor approved the rebuilt ferry terminal wall on Monday morning.",
        "On Monday morning the Port Selma mayor approved a rebuilt ferry terminal wall to visitors.",
    )
    docs2 = [replace(d, id=d.id + "2", source=d.id + "2.txt", outlet=d.outlet + " Weekly") for d in docs2]
    claims2 = [replace(c, id=c.id + "2", doc=c.doc + "2") for c in claims2]
    monkeypatch.setattr(statements, "MAX_POSTINGS", 2)  # items of all four statements propose nothing
    found = link(claims + claims2, docs + docs2, ents + [_entity("Port Selma", "GPE", docs2)], limit=1)
    assert sorted(len(f.outlets) for f in found) == [2, 2]
