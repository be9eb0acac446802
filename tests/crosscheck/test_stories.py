"""Story grouping on hand-written fictional documents."""

from __future__ import annotations

from rashomon.crosscheck.stories import MAX_CAP, cap, group, similar_pairs
from rashomon.records import Document, Entity, Mention, stable_id

QUAKE = "A strong earthquake struck the coastal town of Velmora, collapsing bridges; rescuers searched rubble {}."
VOTE = "Parliament in Dravik approved the tariff bill after a long budget debate; senators argued about {} taxes."


def _docs() -> list[Document]:
    texts = [
        QUAKE.format("overnight"),
        QUAKE.format("at dawn"),
        QUAKE.format("near the harbour"),
        VOTE.format("import"),
        VOTE.format("export"),
        "Completely unrelated gardening tips about roses.",
    ]
    return [Document(f"doc{i}", f"doc{i}", t, t, published="2024-03-0" + str(i + 1)) for i, t in enumerate(texts)]


def _entity(name: str, docs: list[str]) -> Entity:
    return Entity(
        stable_id("e", "GPE", name), name, "GPE", (name,), tuple(Mention(d, 0, len(name), name, "GPE") for d in docs)
    )


def test_documents_of_one_event_form_one_story():
    docs = _docs()
    entities = [_entity("Velmora", ["doc0", "doc1", "doc2"]), _entity("Dravik", ["doc3", "doc4"])]
    stories = group(docs, entities, [])
    assert sorted(s.docs for s in stories) == [("doc0", "doc1", "doc2"), ("doc3", "doc4"), ("doc5",)]
    quake = next(s for s in stories if "doc0" in s.docs)
    assert quake.id == stable_id("s", "doc0", "doc1", "doc2")
    assert "Velmora" in quake.label


def test_grouping_is_order_independent_and_empty_is_empty():
    docs = _docs()
    assert group(docs, [], []) == group(docs[::-1], [], [])
    assert group([], [], []) == []


def test_feature_postings_are_capped_so_pairs_grow_linearly():
    assert (cap(10), cap(500), cap(1_000), cap(100_000)) == (50, 100, MAX_CAP, MAX_CAP)
    # 3,000 documents: a word in 300 of them (1 %) would propose 44,850 pairs under the 20 % cap alone
    vectors = [{f"w:own{i}": 1.0} for i in range(3000)]
    for i in range(300):
        vectors[i] = {"w:common": 0.6, f"w:own{i}": 0.8}
    vectors[1], vectors[2] = {"w:common": 0.6, "w:pair": 0.8}, {"w:common": 0.6, "w:pair": 0.8}
    assert similar_pairs(vectors) == {(1, 2): 0.8 * 0.8}  # only the rare word proposes and scores
