"""End to end through ``rashomon.pipeline.ingest``: idempotent, incremental, near-copies, bad files."""

from __future__ import annotations

import json

from rashomon.pipeline import ingest
from rashomon.store import Store

from .conftest import STORY

OTHER = (
    "Velmora library reopens\n\nThe Velmora city library reopened on Monday after a two-year renovation "
    "that added a reading garden, a children's wing and a room of maps of the Ostrand coast. The mayor, "
    "Ilse Varga, said about 1,200 people visited on the first day.\n"
)


def test_ingest_end_to_end(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_story.txt").write_text(STORY)
    # the same text once cleaned
    (src / "b_copy.txt").write_text(STORY + "\nMust Read\nVelmora opens winter market early\n")
    (src / "c_wire.txt").write_text(
        STORY.replace("Ferry strike ends in Velmora", "Velmora ferry crews back at work")
        + "\nThe harbour authority thanked the islanders for their patience.\n"
    )
    (src / "d_empty.txt").write_text("")
    (src / "e_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    store = Store(tmp_path / "r.duckdb")

    first = ingest(store, [src])
    assert (first.seen, first.added, first.exact_duplicates, first.near_duplicates) == (5, 2, 1, 1)
    assert sorted(e.source.rsplit("/", 1)[-1] for e in first.errors) == ["d_empty.txt", "e_binary.txt"]
    docs = {d.source.rsplit("/", 1)[-1]: d for d in store.documents()}
    assert set(docs) == {"a_story.txt", "c_wire.txt"}
    wire = docs["c_wire.txt"]
    assert wire.duplicate_of == docs["a_story.txt"].id and 0.8 <= wire.similarity < 1.0

    again = ingest(store, [src])
    assert again.added == 0 and store.count() == 2

    (src / "f_other.txt").write_text(OTHER)
    more = ingest(store, [src])
    assert more.added == 1 and store.count() == 3
    new = [d for d in store.documents() if d.source.endswith("f_other.txt")][0]
    assert new.duplicate_of is None and new.title == "Velmora library reopens"
    assert {e.source.rsplit("/", 1)[-1] for e in store.errors()} == {"d_empty.txt", "e_binary.txt"}


def test_near_copy_links_across_runs(tmp_path):
    store = Store(":memory:")
    (tmp_path / "one.txt").write_text(STORY)
    ingest(store, [tmp_path / "one.txt"])
    (tmp_path / "two.txt").write_text(STORY + "\nThe union will meet again in June.\n")
    report = ingest(store, [tmp_path / "two.txt"])
    assert report.near_duplicates == 1
    original, copy = store.documents()
    assert copy.duplicate_of == original.id


def test_a_paywalled_page_is_kept_for_its_headline(tmp_path):
    """A page whose body is only a subscription box still says something in its headline: it is kept
    with an empty text (the box recorded as removed), and two such pages are not near-copies."""
    box = "Already a subscriber?\n\nClick on the button below to set up your account or log in if you already have one."
    rows = [
        {"title": "Two hurt in Velmora harbour shooting", "text": box, "url": "https://velmora-courier.example/a"},
        {"title": "Ferry captain fined in Ostrand", "text": box, "url": "https://ostrand-post.example/b"},
        {"title": "x", "text": box},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    store = Store(tmp_path / "r.duckdb")
    run = ingest(store, [tmp_path / "a.jsonl"])
    assert (run.added, run.near_duplicates) == (2, 0)
    [error] = run.errors  # a one-word title is no headline: nothing to keep
    assert error.code == "E108" and error.source.endswith("a.jsonl:3")
    docs = sorted(store.documents(), key=lambda d: d.title)
    assert [(d.title, d.text, d.duplicate_of) for d in docs] == [
        ("Ferry captain fined in Ostrand", "", None),
        ("Two hurt in Velmora harbour shooting", "", None),
    ]
    assert all(d.removed and d.removed[0].rule == "interface" for d in docs)


def test_a_stub_under_many_headlines_is_as_many_documents(tmp_path):
    """A short line the cleaner keeps ("You are the owner of this article.") under different headlines is
    not one article stored once: a text that short is told apart by its headline, a longer one by itself."""
    stub = "You are the owner of this article."
    rows = [
        {"title": "Two hurt in Velmora harbour shooting", "text": stub, "url": "https://velmora-courier.example/a"},
        {"title": "Ferry captain fined in Ostrand", "text": stub, "url": "https://velmora-courier.example/b"},
        {"title": "Ferry strike ends in Velmora", "text": STORY, "url": "https://velmora-courier.example/c"},
        {"title": "Velmora ferry strike over", "text": STORY, "url": "https://ostrand-post.example/d"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    store = Store(tmp_path / "r.duckdb")
    run = ingest(store, [tmp_path / "a.jsonl"])
    assert (run.added, run.exact_duplicates) == (3, 1)
    stubs = sorted(d.title for d in store.documents() if d.text == stub)
    assert stubs == ["Ferry captain fined in Ostrand", "Two hurt in Velmora harbour shooting"]
