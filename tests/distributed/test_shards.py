"""Records survive the Parquet round trip between the store and the Ray workers exactly."""

from __future__ import annotations

import pyarrow.parquet as pq
from hypothesis import given, settings, strategies as st

from rashomon.distributed.shards import (
    documents_from_rows,
    extraction_from_json,
    extraction_rows,
    read_extractions,
    write_documents,
)
from rashomon.records import Document, Extraction, Mention, claim_id, make_claim

floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
texts = st.text(max_size=40)


@st.composite
def extractions(draw) -> Extraction:
    doc = draw(st.text(min_size=1, max_size=8))
    mentions = tuple(
        Mention(doc, s, s + 3, draw(texts), draw(st.sampled_from(["PERSON", "GPE"])))
        for s in draw(st.lists(st.integers(0, 1000), max_size=4))
    )
    claims = []
    for s in draw(st.lists(st.integers(0, 1000), max_size=4, unique=True)):
        value = draw(st.one_of(st.none(), floats, st.tuples(floats, floats)))
        claims.append(
            make_claim(
                "quantity",
                id=claim_id(doc, "quantity", s, s + 2),
                doc=doc,
                start=s,
                end=s + 2,
                text=draw(texts),
                stage="quantities@1",
                value=value,
                approx=draw(st.one_of(st.none(), st.booleans())),
                unit=draw(st.one_of(st.none(), texts)),
                change=draw(st.sampled_from([None, "~", ">"])),
            )
        )
    window = draw(st.one_of(st.none(), st.tuples(st.just("2020-01-01"), st.just("2020-02-01"))))
    return Extraction(
        doc,
        mentions,
        tuple(claims),
        published="2020-01-15" if window else None,
        published_how="inferred" if window else None,
        published_window=window,
        stages=draw(st.sampled_from([(), ("quotes@2",), ("time@1", "quantities@1")])),
    )


@settings(max_examples=60, deadline=None)
@given(extractions())
def test_extraction_round_trips_through_json(x):
    table = extraction_rows([0], [x])
    assert extraction_from_json(table.column("extraction")[0].as_py()) == x


def test_a_failed_extraction_round_trips_with_its_reason():
    x = Extraction("d1", error="IndexError: list index out of range (at quotes.py:12 in _full)")
    assert extraction_from_json(extraction_rows([0], [x]).column("extraction")[0].as_py()) == x


def test_documents_round_trip_through_shards_in_order(tmp_path):
    docs = [
        Document(
            id=f"d_{i}",
            source=f"s{i}.txt",
            text=f"Text {i} \u202eRTL\u200b",
            raw_text=f" Text {i} ",
            published=f"2024-05-0{i % 9 + 1}",
            similarity=0.5 if i % 2 else None,
            published_window=("2024-01-01", "2024-02-01") if i == 3 else None,
        )
        for i in range(7)
    ]
    new, stale = ("time@1", "entities@1", "quotes@2"), ("quotes@2",)
    assert write_documents([(new, docs[:4]), (stale, docs[4:])], tmp_path / "docs", docs_per_shard=3) == 7
    shards = sorted((tmp_path / "docs").glob("*.parquet"))
    assert len(shards) == 3
    rows = [r for p in shards for r in pq.read_table(p).to_pylist()]
    assert documents_from_rows(rows) == [(i, d, new if i < 4 else stale) for i, d in enumerate(docs)]


def test_read_extractions_restores_input_order_within_a_shard(tmp_path):
    xs = [Extraction(f"d_{i}") for i in range(5)]
    out = tmp_path / "out"
    out.mkdir()
    pq.write_table(extraction_rows([4, 2, 0, 3, 1], [xs[4], xs[2], xs[0], xs[3], xs[1]]), out / "a.parquet")
    assert [x for batch in read_extractions(out, 10) for x in batch] == xs
