"""The ingest contract shared by the hypothesis tests (tests/ingest/test_fuzz.py) and the
atheris harness (fuzz/fuzz_ingest.py), so both check exactly the same things:

* ingest raises nothing: a bad input is an ``IngestError`` (from ``iter_inputs``) or an
  ``InputError`` subclass (from ``prepare``), which the pipeline reports as an IngestError;
* every removal is a valid range of the raw text and ``raw[start:end] == removal.text``;
* the cleaned text is the raw text minus its removals (``ingest.clean.apply``), stripped, and
  empty only on a page kept for its headline (its body all boilerplate).
"""

from __future__ import annotations

from pathlib import Path

from rashomon.errors import InputError
from rashomon.ingest import iter_inputs, prepare
from rashomon.ingest.clean import apply
from rashomon.ingest.metadata import looks_like_headline
from rashomon.options import Options
from rashomon.records import Document, IngestError, RawDocument

EXTENSIONS = (
    ".txt",
    ".html",
    ".jsonl",
    ".json",
    ".csv",
    ".tsv",
    ".warc",
    ".warc.gz",
    ".gz",
    ".zip",
    ".tar",
    ".tgz",
    ".md",
    ".xhtml",
    "",
    ".bin",
)
# small limits so size caps (and decompression bombs) are reached quickly
LIMITS = Options(
    max_doc_bytes=256 * 1024,
    max_file_bytes=1024 * 1024,
    max_member_bytes=256 * 1024,
    max_archive_bytes=1024 * 1024,
    max_archive_members=64,
)


def check_document(raw: RawDocument, doc: Document) -> None:
    """The evidence contract of one prepared document."""
    assert doc.raw_text == raw.text
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= len(doc.raw_text), f"removal {r} outside the raw text"
        assert doc.raw_text[r.start : r.end] == r.text, f"removal {r} does not quote the raw text"
    assert doc.text == apply(doc.raw_text, doc.removed), "cleaned text is not raw minus removals"
    assert doc.text == doc.text.strip(), "a document's cleaned text is stripped"
    # empty only on a page kept for its headline (its body all boilerplate: a paywall box)
    assert doc.text or (doc.title and looks_like_headline(doc.title.strip())), "an empty text without a headline"


def ingest_path(path: Path, options: Options = LIMITS) -> list[Document | IngestError]:
    """Everything ingest makes of one file; raises only on a broken contract."""
    out: list[Document | IngestError] = []
    for item in iter_inputs([path], options):
        if isinstance(item, IngestError):
            assert item.reason and item.code.startswith("E1"), f"bad error record {item}"
            out.append(item)
            continue
        assert isinstance(item, RawDocument), f"iter_inputs yielded {type(item)}"
        try:
            doc = prepare(item, options)
        except InputError as exc:
            out.append(IngestError(item.source, exc.message, exc.code))
            continue
        check_document(item, doc)
        out.append(doc)
    return out
