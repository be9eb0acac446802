"""Rashomon's extractors as spaCy components, in a plain spaCy pipeline and in Rashomon's own."""

from __future__ import annotations

import subprocess
import sys

from rashomon.extract import extract_doc
from rashomon.extract.components import COMPONENTS
from rashomon.nlp import pipeline, resolve
from rashomon.records import Document

TEXT = (
    "More than 40 people were injured when a storm hit Port Aven on Monday, "
    "mayor Ilse Marren said. “We lost the harbour wall,” Marren told reporters."
)


def test_add_pipe_works_in_a_plain_spacy_pipeline_without_importing_rashomon():
    # the factories are found through their spacy_factories entry points
    script = f"""
import sys, spacy
nlp = spacy.load({resolve()!r})
nlp.add_pipe("rashomon_quantities")
doc = nlp({TEXT!r})
assert "rashomon_quantities" in nlp.pipe_names
[c] = [c for c in doc._.quantities if c.value == 40]
assert doc.text[c.start:c.end] == c.text and c.low == 40 and c.high is None, c
print("ok", c.text)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok More than 40 people"


def test_every_component_writes_its_extension_with_evidence(nlp):
    import spacy

    plain = spacy.load(resolve())
    for name in COMPONENTS:
        plain.add_pipe(name)
    doc = plain(TEXT)
    for attr in ("times", "mentions", "quantities", "quotes", "events"):
        records = doc._.get(attr)
        assert records, attr
        assert all(TEXT[r.start : r.end] == r.text for r in records), attr
    assert any(q.speaker_text and "Marren" in q.speaker_text for q in doc._.quotes)
    assert {m.doc for m in doc._.mentions} == {doc._.document.id}


def test_the_document_set_before_the_pipeline_names_and_anchors_the_records():
    nlp = pipeline()
    document = Document(id="d_storm", source="storm.txt", text=TEXT, raw_text=TEXT, published="2025-06-11")
    doc = nlp.make_doc(TEXT)
    doc._.document = document
    doc = nlp(doc)
    [monday] = [t for t in doc._.times if t.text == "Monday"]
    assert monday.doc == "d_storm" and monday.value_iso == "2025-06-09"  # the Monday before the 11th


def test_rashomons_pipeline_gives_what_extract_doc_gives_on_a_bare_parse(nlp):
    document = Document(id="d_storm", source="storm.txt", text=TEXT, raw_text=TEXT, published="2025-06-11")
    bare = extract_doc(nlp(TEXT), document)
    doc = pipeline().make_doc(TEXT)
    doc._.document = document
    assert extract_doc(pipeline()(doc), document) == bare
    assert bare.claims and bare.mentions
