"""The per-document extraction driver: every extractor on one parse, one claim per id."""

from __future__ import annotations

from rashomon.extract import extract_doc
from rashomon.ingest import content_hash
from rashomon.records import Document, stable_id


def make(text: str) -> Document:
    h = content_hash(text)
    return Document(
        id=stable_id("d", h), source="t.txt", text=text, raw_text=text, published="2025-05-04", content_hash=h
    )


def test_claim_ids_are_unique_and_evidence_matches(nlp):
    # coordinated verbs sharing one span once produced two event claims with one id
    text = (
        "Officials said that our soldiers won and secured that nation after 12 days. "
        "“We won and we secured it,” said Mira Castellan, adding that 40 people were hurt."
    )
    document = make(text)
    x = extract_doc(nlp(text), document)
    ids = [c.id for c in x.claims]
    assert len(ids) == len(set(ids))
    assert {c.kind for c in x.claims} >= {"quantity", "quote"}
    for c in x.claims:
        assert text[c.start : c.end] == c.text
    for m in x.mentions:
        assert text[m.start : m.end] == m.text
