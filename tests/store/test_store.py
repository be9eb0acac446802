"""The store: migrations, batches, idempotent ingest, read-only SQL, round trips."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest
from hypothesis import given, settings, strategies as st

from rashomon.errors import ReadOnlyQuery, SchemaTooNew
from rashomon.extract import all_stages, todo
from rashomon.records import (
    Document,
    Entity,
    Extraction,
    Finding,
    Mention,
    Removal,
    SourceCount,
    claim_id,
    make_claim,
)
from rashomon.store import Store
from rashomon.store.schema import SCHEMA_VERSION


def doc(i: int, text: str | None = None, **kw) -> Document:
    text = text or f"Fictional article number {i} about the Port Aven flood."
    return Document(
        id=f"d_{i:04d}",
        source=f"/tmp/{i}.txt",
        text=text,
        raw_text=text + "\nMust Read",
        content_hash=f"h{i}",
        removed=(Removal(len(text) + 1, len(text) + 10, "link_list", "Must Read"),),
        **kw,
    )


def test_migrates_and_reopens(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    assert Store(path).schema_version() == SCHEMA_VERSION


def test_refuses_newer_schema(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaTooNew, match="newer"):
        Store(path)


def test_add_batch_is_idempotent(store):
    assert store.add_batch([doc(1), doc(2)]) == 2
    assert store.add_batch([doc(1), doc(2)]) == 0
    assert store.add_batch([doc(2), doc(3)]) == 1
    assert [d.id for d in store.documents()] == ["d_0001", "d_0002", "d_0003"]
    d = store.document("d_0001")
    assert d.removed[0].rule == "link_list" and d.raw_text.endswith("Must Read")


def test_documents_by_id_are_read_in_chunks_in_ingest_order(store, monkeypatch):
    import rashomon.store.documents as store_mod

    monkeypatch.setattr(store_mod, "DOC_CHUNK", 3)
    store.add_batch([doc(i) for i in range(1, 11)])
    wanted = [f"d_{i:04d}" for i in (9, 2, 7, 1, 10, 4, 5)]
    got = store.documents(ids=wanted, with_removals=False)
    assert [d.id for d in got] == sorted(wanted)  # seq order, across chunks
    assert all(d.text.startswith("Fictional") and d.raw_text.endswith("Must Read") for d in got)
    lean = store.documents(ids=wanted, with_raw=False)
    assert [d.id for d in lean] == sorted(wanted) and {d.raw_text for d in lean} == {""}
    assert lean[0].text and lean[0].removed[0].rule == "link_list"
    assert {d.text for d in store.documents(ids=wanted, with_text=False)} == {""}


def test_failed_batch_is_rolled_back(store):
    store.add_batch([doc(1)])
    bad = Document(id="d_0001", source="x", text="t", raw_text="t", content_hash="other")  # duplicate primary key
    with pytest.raises(duckdb.Error):
        store.add_batch([doc(2), bad])
    assert store.count() == 1


def test_errors_recorded_and_cleared_when_fixed(store):
    from rashomon.records import IngestError

    store.add_batch([], [IngestError("/tmp/9.txt", "empty file", "E101")])
    assert store.errors()[0].reason == "empty file"
    fixed = doc(9)
    store.add_batch([replace(fixed, source="/tmp/9.txt")])
    assert store.errors() == []


def test_pending_and_save_extractions(store):
    store.add_batch([doc(1), doc(2)])
    assert store.pending_count(todo) == 2
    c = make_claim(
        id=claim_id("d_0001", "quantity", 0, 10),
        doc="d_0001",
        kind="quantity",
        start=0,
        end=10,
        text="Fictional ",
        stage="quantities@1",
        value=(1948.0, 1965.0),
        what="wars",
    )
    x = Extraction(
        doc="d_0001",
        mentions=(Mention("d_0001", 0, 10, "Fictional", "ORG"),),
        claims=(c,),
        published_how="inferred",
        published_window=("2021-01-01", "2021-12-31"),
        stages=all_stages(),
    )
    store.save_extractions([x, Extraction(doc="d_0002", stages=all_stages())])
    store.save_extractions([x])  # re-running replaces, never duplicates
    assert store.pending_count(todo) == 0
    assert store.claims() == [c]
    assert store.document("d_0001").published_window == ("2021-01-01", "2021-12-31")
    assert len(list(store.mentions())) == 1


def test_timeline_keys_hold_only_claims_that_can_be_placed_on_the_calendar(store):
    """Absolute values key by month-day (or the value itself); a month-day without a year may still be dated
    by another source; references and durations ("PRESENT_REF", "P3D") never place anything, so no key."""
    from rashomon.crosscheck.timeline import build

    store.add_batch([doc(1)])
    values = ["2016-11-08", "2016-11-08T10:00", "XXXX-11-08", "2016", "PRESENT_REF", "P3D", "XXXX-WXX-1"]
    claims = [
        make_claim(
            id=claim_id("d_0001", "time", i, i + 1),
            doc="d_0001",
            kind="time",
            start=i,
            end=i + 1,
            text="x",
            stage="time@1",
            value_iso=v,
            timex_type="DATE",
        )
        for i, v in enumerate(values)
    ]
    store.save_extractions([Extraction(doc="d_0001", claims=tuple(claims), stages=("time@1",))])
    assert store.timeline_keys() == [("11-08", 3), ("2016", 1)]
    kept = set(store.timeline_claim_ids(["11-08", "2016"]))
    assert kept == {c.id for c in claims[:4]}
    docs = store.documents()
    assert build(claims, docs) == build([c for c in claims if c.id in kept], docs)  # the others add nothing


def test_replace_corpus_round_trip(store):
    store.add_batch([doc(1), doc(2)], [])
    m = Mention("d_0001", 0, 9, "Fictional", "")
    e = Entity("e_1", "Fictional", "ORG", ("Fictional",), (m,), {"country": "Valdoria"})
    f = Finding(
        "f_1",
        "conflict",
        "A says 3; B says 5.",
        ("c1", "c2"),
        (SourceCount("3", ("c1",), ("A",), 1), SourceCount("5", ("c2",), ("B",), 1)),
        key="killed/people",
        entities=("e_1",),
        outlets=("A", "B"),
    )
    store.replace_corpus(entities=[e], findings=[f])
    store.replace_corpus(entities=[e], findings=[f])
    assert store.entities() == [e]
    assert store.findings() == [f]
    assert store.findings(status="agree") == []
    assert store.findings(outlet="A") == [f]
    assert store.findings(entity="fictional") == [f]


def test_sql_is_read_only(tmp_path):
    path = tmp_path / "s.duckdb"
    s = Store(path)
    s.add_batch([doc(1)])
    cols, rows = s.query("SELECT id FROM documents")
    assert cols == ["id"] and rows == [("d_0001",)]
    with pytest.raises(ReadOnlyQuery):
        s.query("DELETE FROM documents")
    assert s.count() == 1


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=200), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=5))
def test_document_round_trip(text, spans):
    s = Store(":memory:")
    removed = tuple(Removal(a, a + b, "rule", "x") for a, b in spans)
    d = Document(
        id="d_x",
        source="s",
        text=text,
        raw_text=text,
        content_hash="h",
        removed=removed,
        published="2020-01-02",
        published_how="metadata",
        language="en",
    )
    s.add_batch([d])
    back = s.document("d_x")
    assert back.text == text and back.published == "2020-01-02"
    assert sorted(back.removed, key=lambda r: (r.start, r.end)) == sorted(removed, key=lambda r: (r.start, r.end))
