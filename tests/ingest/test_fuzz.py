"""Property tests of every reader and the cleaning stage on hostile input.

Through the public interface only (``iter_inputs`` on files with each extension, then
``prepare``), whatever the bytes: ingest raises nothing but ``InputError`` subclasses
(reported as ``IngestError`` records), every removal is a valid range of the raw text
that quotes it, and the cleaned text is the raw text minus its removals. Examples are
few so the suite stays fast; ``fuzz/fuzz_ingest.py`` (atheris) is the long, opt-in run.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from fuzz.contract import EXTENSIONS, LIMITS, check_document, ingest_path
from rashomon.errors import InputError
from rashomon.ingest import prepare
from rashomon.options import Options
from rashomon.records import Document, IngestError, RawDocument

from ..archives import tar_bytes, zip_bytes

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# RTL marks and overrides, zero-width characters, combining marks, BOM, NUL, line/paragraph separators
ODD = "\u200f\u202e\u2066\u2069\u200b\u200c\u200d\u2060\ufeff\u0301\u0308\u20dd\x00\u2028\u2029\r\x0b\x0c\x85"
odd_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)), st.sampled_from(ODD), st.sampled_from("\n\n  .,“”\"'<>&")
    ),
    max_size=400,
)


def ingest_file(name: str, data: bytes, options: Options = LIMITS) -> list[Document | IngestError]:
    """Everything ingest makes of one file holding ``data``; any other exception fails the test."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return ingest_path(path, options)


def documents(items: list[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


# ------------------------------------------------------------- any bytes
@FUZZ
@given(st.sampled_from(EXTENSIONS), st.binary(max_size=2048))
def test_random_bytes_under_any_extension(ext, data):
    ingest_file(f"input{ext}", data)


@FUZZ
@given(st.sampled_from([".txt", ".html", ""]), odd_text, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_random_unicode_text_and_html(ext, text, encoding):
    body = f"<html><body><p>{text}</p></body></html>" if ext == ".html" else text
    ingest_file(f"input{ext}", body.encode(encoding, "surrogatepass"))


@FUZZ
@given(odd_text)
def test_cleaning_any_raw_document(text):
    try:
        doc = prepare(RawDocument(source="mem.txt", text=text), LIMITS)
    except InputError:
        return
    check_document(RawDocument(source="mem.txt", text=text), doc)


# ------------------------------------------------------ structured formats
@FUZZ
@given(
    st.lists(
        st.lists(st.text(alphabet=st.sampled_from('ab ,"\n\r\t\u202e\x00é'), max_size=30), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([",", "\t", ";"]),
)
def test_csv_with_quotes_and_embedded_newlines(rows, delimiter):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["text", "title", "outlet"][: len(rows[0])] + [f"x{i}" for i in range(len(rows[0]) - 3)])
    writer.writerows(rows)
    ingest_file("table.tsv" if delimiter == "\t" else "table.csv", buf.getvalue().encode("utf-8"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@FUZZ
@given(
    st.lists(
        st.one_of(
            st.dictionaries(st.sampled_from(["text", "title", "url", "outlet", "published", "author"]), json_values),
            json_values,
        ),
        max_size=5,
    )
)
def test_jsonl_with_wrong_types(records):
    lines = "\n".join(json.dumps(r) for r in records).encode("utf-8")
    ingest_file("feed.jsonl", lines)
    ingest_file("feed.json", json.dumps(records).encode("utf-8"))


# --------------------------------------------------------- sizes and depth
def test_huge_single_line_text():
    line = ("word " * 30_000).encode() + "\u202e\u200b".encode() * 1000
    [doc] = documents(ingest_file("line.txt", line))
    assert doc.text.startswith("word")


def test_huge_file_is_refused_by_the_size_limit():
    items = ingest_file("big.txt", b"a" * (LIMITS.max_file_bytes + 1))
    assert [i.code for i in items] == ["E104"]


@pytest.mark.parametrize("depth", [500, 5000])
def test_deeply_nested_html(depth):
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep text about a ferry strike in Velmora.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    assert ingest_file("deep.html", page.encode())


def test_html_with_100k_tags():
    page = "<html><body>" + "<span>x</span>" * 100_000 + "<p>Ferry crews returned to work.</p></body></html>"
    assert ingest_file("tags.html", page.encode())


# ---------------------------------------------------------------- bombs
BOMB = b"\x00" * (20 * 1024 * 1024)  # compresses to ~20 KB


@pytest.mark.parametrize(
    "name, data",
    [
        ("bomb.gz", gzip.compress(BOMB)),
        ("bomb.txt.gz", gzip.compress(b"a" * (20 * 1024 * 1024))),
        ("bomb.zip", zip_bytes({"a.txt": BOMB})),
        ("bomb.tgz", tar_bytes({"a.txt": BOMB})),
        ("nested.zip", zip_bytes({"inner.zip": zip_bytes({"a.txt": BOMB})})),
        ("many.zip", zip_bytes({f"m{i}.txt": b"text" for i in range(200)})),
    ],
)
def test_decompression_bombs_are_capped(name, data):
    items = ingest_file(name, data)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert errors, "a bomb must be reported, not silently read"
    assert {e.code for e in errors} <= {"E101", "E102", "E104", "E105", "E106", "E108", "E109"}


def test_zip_with_path_traversal_and_odd_names():
    data = zip_bytes(
        {
            "../../etc/evil.txt": b"Ferry crews returned to work on Thursday.",
            "dir/\u202eevil.txt": b"Ferry crews returned to work on Friday.",
        }
    )
    for item in ingest_file("odd.zip", data):
        if isinstance(item, Document):
            assert item.source.startswith(tempfile.gettempdir())
