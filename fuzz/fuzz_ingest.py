"""Coverage-guided fuzzing of ingest (readers + cleaning) with atheris. Opt-in, long-running.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_ingest.py -atheris_runs=200000 -max_len=65536 fuzz/corpus   # corpus folder optional

The first input byte picks the file extension (so every reader and the sniffer get
inputs), the rest is the file's content. The contract checked on every input:

* ingest raises nothing: a bad input is an ``IngestError`` (from ``iter_inputs``) or an
  ``InputError`` subclass (from ``prepare``), which the pipeline reports as an IngestError;
* every removal is a valid range of the raw text and ``raw[start:end] == removal.text``;
* the cleaned text is the raw text minus its removals (``ingest.clean.apply``).

A crash found here becomes a regression test in ``tests/ingest/test_fuzz.py``.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["rashomon"]):  # our code only: fast start
    from rashomon.errors import InputError
    from rashomon.ingest import iter_inputs, prepare
    from rashomon.ingest.clean import apply
    from rashomon.options import Options
    from rashomon.records import Document, IngestError, RawDocument

EXTENSIONS = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".warc", ".warc.gz", ".gz", ".zip", ".tar",
              ".tgz", ".md", ".xhtml", "", ".bin")
# small limits so size caps (and decompression bombs) are reached quickly
OPTIONS = Options(max_doc_bytes=256 * 1024, max_file_bytes=1024 * 1024, max_member_bytes=256 * 1024,
                  max_archive_bytes=1024 * 1024, max_archive_members=64)
WORK = Path(tempfile.mkdtemp(prefix="rashomon-fuzz-"))


def check_document(raw: RawDocument, doc: Document) -> None:
    """The evidence contract of one prepared document."""
    assert doc.raw_text == raw.text
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= len(doc.raw_text), f"removal {r} outside the raw text"
        assert doc.raw_text[r.start:r.end] == r.text, f"removal {r} does not quote the raw text"
    assert doc.text == apply(doc.raw_text, doc.removed), "cleaned text is not raw minus removals"
    assert doc.text, "an empty document must be an InputError, not a Document"


def ingest_one(path: Path, options: Options = OPTIONS) -> list[Document | IngestError]:
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


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = WORK / f"input{EXTENSIONS[data[0] % len(EXTENSIONS)]}"
    path.write_bytes(data[1:])
    ingest_one(path)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
