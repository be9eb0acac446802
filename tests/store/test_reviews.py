"""The reviews table: rows appended (never updated), untouched by a corpus rebuild, the schema
migration that adds it, and the evidence each finding is keyed by."""

from __future__ import annotations

import json
import threading

import duckdb
import jsonschema
import pytest

import rashomon
from rashomon.errors import StoreBusy
from rashomon.records import Review
from rashomon.store import Store
from rashomon.store.export import SCHEMA_PATH
from rashomon.store.schema import SCHEMA_VERSION

from ..web.conftest import HERALD, TIMES, at, build


def _review(verdict: str = "confirmed", evidence: str = "ev_1", note: str = "") -> Review:
    return Review(0, evidence, verdict, note, "ana", "2025-05-06T10:00:00Z", "f_toll", "conflict", "toll")


def test_reviews_are_appended_with_the_next_id(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    assert store.reviews() == [] and store.review_count() == 0
    first = store.add_review(_review())
    second = store.add_review(_review("wrong", note="the mayor's office corrected it"))
    assert (first.id, second.id) == (1, 2)
    assert [(r.id, r.verdict, r.note) for r in store.reviews()] == [
        (1, "confirmed", ""),
        (2, "wrong", "the mayor's office corrected it"),
    ]
    assert store.review_count() == 2


def test_a_corpus_rebuild_keeps_the_reviews(tmp_path):
    db = tmp_path / "s.duckdb"
    build(db)
    store = Store(db)
    store.add_review(_review())
    store.replace_corpus()  # what every analyze does to the corpus-level tables
    assert store.count("findings") == 0 and len(store.reviews()) == 1


def test_finding_evidence_is_the_spans_of_its_claims(tmp_path):
    db = tmp_path / "s.duckdb"
    build(db)
    ev = Store(db, read_only=True).finding_evidence()
    kind, key, spans = ev["f_toll"]
    assert (kind, key) == ("quantity", "people killed")
    assert sorted(spans) == sorted(
        [("d_herald", *at(HERALD, "More than 40 people")), ("d_times", *at(TIMES, "At least 12 people"))]
    )
    assert set(Store(db, read_only=True).finding_evidence(["f_evil"])) == {"f_evil"}


def _as_v4(path) -> None:
    """Turn a store back into schema v4: no reviews table."""
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE reviews")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()


def test_a_v4_store_reads_without_reviews_and_upgrades_when_opened_for_writing(tmp_path):
    db = tmp_path / "old.duckdb"
    build(db)
    _as_v4(db)
    old = rashomon.open(db, read_only=True)
    assert old.store.schema_version() == 4
    assert old.reviews() == [] and old.store.review_count() == 0
    assert [f.id for f in old.findings(review="unreviewed")] == [f.id for f in old.findings()]
    r = rashomon.open(db)  # read-write: migrated
    assert r.store.schema_version() == SCHEMA_VERSION == 8
    assert r.review("f_toll", "confirmed").id == 1


def test_the_export_carries_every_review_and_validates(tmp_path):
    db = tmp_path / "s.duckdb"
    build(db)
    r = rashomon.open(db)
    r.review("f_toll", "needs-check", "ask the mayor's office", by="ana")
    r.review("f_toll", "confirmed", "<b>both</b> figures stand", by="ben")
    r.review("f_evil", "wrong", by="ana")
    data = json.loads(r.export("json", tmp_path / "out.json").read_text("utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text("utf-8")))
    assert [(x["id"], x["verdict"], x["latest"], x["applies_to"]) for x in data["reviews"]] == [
        (1, "needs-check", False, "f_toll"),
        (2, "confirmed", True, "f_toll"),
        (3, "wrong", True, "f_evil"),
    ]
    assert data["reviews"][1]["note"] == "<b>both</b> figures stand" and data["reviews"][1]["status"] == "conflict"
    assert {f["status"] for f in data["findings"]} == {"conflict", "single_source"}  # the machine's, unchanged
    lines = [json.loads(line) for line in r.export("jsonl", tmp_path / "out.jsonl").read_text().splitlines()]
    assert sum(1 for x in lines if x["type"] == "review") == 3
    assert (r.export("csv", tmp_path / "csv") / "reviews.csv").read_text().count("\n") == 4
    assert (r.export("parquet", tmp_path / "pq") / "reviews.parquet").exists()


def test_a_write_waits_while_this_process_reads_the_file(tmp_path):
    """The web UI reads pages on read-only connections while a review is written on a read-write
    one; DuckDB refuses the second kind while the first is open in the same process: the store
    waits for it, then writes (or says busy, never a raw DuckDB error)."""
    db = tmp_path / "s.duckdb"
    store = Store(db, busy_timeout=5)
    reader = duckdb.connect(str(db), read_only=True)
    threading.Timer(0.3, reader.close).start()
    assert store.add_review(_review()).id == 1
    reader = duckdb.connect(str(db), read_only=True)
    try:
        store.busy_timeout = 0.2
        with pytest.raises(StoreBusy):
            store.add_review(_review())
    finally:
        reader.close()
    assert len(store.reviews()) == 1


def test_a_v6_store_without_title_claims_reads_read_only_and_upgrades(tmp_path):
    db = tmp_path / "v6.duckdb"
    build(db)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE claims DROP COLUMN part")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    old = rashomon.open(db, read_only=True)
    assert old.claims() and all(getattr(c, "part", None) is None for c in old.claims())
    assert rashomon.open(db).store.schema_version() == 8
