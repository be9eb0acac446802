"""Every reader through ``iter_inputs``: text, HTML, JSONL/JSON, CSV/TSV, WARC, folders, globs."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from rashomon.errors import MissingField
from rashomon.ingest import iter_inputs
from rashomon.ingest.readers import format_by_name, sniff
from rashomon.options import Options
from rashomon.records import IngestError, RawDocument

OPTS = Options()


def read(*paths, options=OPTS):
    return list(iter_inputs([str(p) for p in paths], options))


def warc_record(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", length: int | None = None) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length or len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("a.txt", "text"),
        ("b.MD", "text"),
        ("c.htm", "html"),
        ("d.jsonl", "jsonl"),
        ("e.csv", "csv"),
        ("f.warc.gz", "warc"),
        ("g.tar.gz", "tar"),
        ("h.tgz", "tar"),
        ("i.txt.gz", "gz"),
        ("j.zip", "zip"),
        ("l.parquet", "parquet"),
        ("k.dat", None),
    ],
)
def test_format_by_name(name, fmt):
    assert format_by_name(name) == fmt


@pytest.mark.parametrize(
    "head,fmt",
    [
        (b"\x1f\x8b\x08", "gz"),
        (b"PK\x03\x04", "zip"),
        (b"WARC/1.0\r\n", "warc"),
        (b"<html><body>", "html"),
        (b"Plain words.", "text"),
        (b"\x00\x01\x02", "binary"),
        (b"PAR1\x15\x04", "parquet"),
    ],
)
def test_sniff(head, fmt):
    assert sniff(head) == fmt


def test_text_and_unknown_extension(tmp_path, story, page):
    (tmp_path / "a.txt").write_text(story)
    (tmp_path / "b.dat").write_text(page)
    (tmp_path / ".hidden.txt").write_text(story)
    docs = read(tmp_path)
    assert [(d.source.rsplit("/", 1)[-1], d.format) for d in docs] == [("a.txt", "txt"), ("b.dat", "html")]


def test_html_main_text_and_metadata(tmp_path, page):
    (tmp_path / "p.html").write_text(page)
    [doc] = read(tmp_path / "p.html")
    assert isinstance(doc, RawDocument) and doc.format == "html"
    assert "nine-day strike" in doc.text and "Privacy" not in doc.text and "Sport" not in doc.text
    assert (doc.author, doc.outlet, doc.published) == ("Ana Brisk", "Velmora Courier", "2022-05-12")


def test_jsonl_field_mapping_and_line_errors(tmp_path, story):
    lines = [
        json.dumps({"body": story, "headline": "Ferry strike ends", "site": "Coastwire", "date": "2022-05-12"}),
        "{not json",
        json.dumps({"body": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"headline": "no body"}),
        "",
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    fields = {**OPTS.fields, "text": "body", "title": "headline", "outlet": "site", "published": "date"}
    out = read(tmp_path / "a.jsonl", options=OPTS.with_(fields=fields))
    doc, *errors = out
    assert (doc.title, doc.outlet, doc.published, doc.source) == (
        "Ferry strike ends",
        "Coastwire",
        "2022-05-12",
        f"{tmp_path / 'a.jsonl'}:1",
    )
    assert [(e.source.rsplit(":", 1)[-1], e.code) for e in errors] == [
        ("2", "E106"),
        ("3", "E106"),
        ("4", "E106"),
        ("5", "E107"),
    ]
    assert "invalid JSON" in errors[0].reason and "must be a string, got int" in errors[1].reason
    assert "--field text=" in errors[3].reason


def test_jsonl_text_with_stray_tags_is_read_as_text(tmp_path):
    lede = "Officials named the three men who died at the Oskel barbershop on Tuesday."
    body = "Six other men were wounded early Wednesday evening, police said, and one remains in hospital."
    pieces = [{"text": f"<p>{lede}</p>\n\n\n{body} &amp; more"}, {"text": "<p></p><div><br/></div>"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in pieces))
    doc, error = read(tmp_path / "a.jsonl")
    assert doc.text == f"{lede}\n\n\n{body} & more"  # the tags dropped, the paragraphs kept
    assert isinstance(error, IngestError) and error.code == "E108"


def test_json_array(tmp_path, story):
    (tmp_path / "a.json").write_text(json.dumps([{"text": story}, {"text": story + " More."}], indent=1))
    assert [d.source.rsplit(":", 1)[-1] for d in read(tmp_path / "a.json")] == ["1", "2"]


def test_csv_and_tsv(tmp_path, story):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "text", "url"])
    w.writerow(["Ferry strike ends", story, "https://www.velmora-courier.example/a"])
    w.writerow(["Empty one", "", ""])
    (tmp_path / "a.csv").write_text(buf.getvalue())
    (tmp_path / "b.tsv").write_text("text\ttitle\n" + story.replace("\n", " ") + "\tT\n")
    doc, empty, tsv = read(tmp_path / "a.csv", tmp_path / "b.tsv")
    assert doc.title == "Ferry strike ends" and doc.url.endswith("/a") and doc.text == story
    # the story spans lines 2-9 and empty.code == "E108"
    assert isinstance(empty, IngestError) and empty.source.endswith("a.csv:10")
    assert tsv.title == "T"


def test_csv_without_text_column_names_the_column_and_the_flag(tmp_path):
    (tmp_path / "a.csv").write_text("headline,body\nA,B\n")
    [err] = read(tmp_path / "a.csv")
    assert err.code == MissingField.code and "'text'" in err.reason and "--field text=COLUMN" in err.reason
    assert "headline, body" in err.reason


def test_parquet_rows_field_mapping_dates_and_row_errors(tmp_path, story):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "body": [story, "", None, story + " Later."],
            "headline": ["Ferry strike ends", "Empty", "Missing", None],
            "day": [dt.date(2022, 5, 12), None, None, dt.date(2022, 5, 13)],
            "ignored": [1, 2, 3, 4],
        }
    )
    pq.write_table(table, tmp_path / "a.parquet", row_group_size=2)  # rows span two row groups
    fields = {**OPTS.fields, "text": "body", "title": "headline", "published": "day"}
    first, empty, missing, last = read(tmp_path / "a.parquet", options=OPTS.with_(fields=fields))
    assert (first.title, first.published, first.text, first.format) == (
        "Ferry strike ends",
        "2022-05-12",
        story,
        "parquet",
    )
    assert first.source == f"{tmp_path / 'a.parquet'}:1" and last.source.endswith("a.parquet:4")
    assert last.published == "2022-05-13" and last.title is None
    assert isinstance(empty, IngestError) and empty.source.endswith(":2") and empty.code == "E108"
    assert isinstance(missing, IngestError) and missing.source.endswith(":3") and "--field text=" in missing.reason


def test_parquet_without_text_column_and_corrupt_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"headline": ["A"], "body": ["B"]}), tmp_path / "a.parquet")
    (tmp_path / "b.parquet").write_bytes(b"PAR1 this is not really parquet")
    no_text, corrupt = read(tmp_path / "a.parquet", tmp_path / "b.parquet")
    assert no_text.code == MissingField.code and "headline, body" in no_text.reason
    assert corrupt.code == "E106" and corrupt.source.endswith("b.parquet") and "Parquet" in corrupt.reason


def test_warc_html_responses_only(tmp_path, page):
    data = warc_record("https://velmora-courier.example/ferry", page.encode()) + warc_record(
        "https://velmora-courier.example/logo.png", b"\x89PNG", "image/png"
    )
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(data))
    [doc] = read(tmp_path / "crawl.warc.gz")
    assert doc.source.endswith("crawl.warc.gz!https://velmora-courier.example/ferry")
    assert doc.url == "https://velmora-courier.example/ferry" and "Maren Holt" in doc.text


def test_globs_and_missing_paths(tmp_path, story):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text(story)
    (tmp_path / "x" / "b.md").write_text(story)
    out = read(tmp_path / "**" / "*.txt", tmp_path / "nothing*.txt", tmp_path / "gone.txt")
    assert [type(o).__name__ for o in out] == ["RawDocument", "IngestError", "IngestError"]
    assert "no file matches" in out[1].reason and "no such file" in out[2].reason
