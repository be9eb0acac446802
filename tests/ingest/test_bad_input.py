"""Bad input: each is one clear IngestError naming the file and the reason; the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile

import pytest

from rashomon.ingest import iter_inputs, prepare
from rashomon.options import Options
from rashomon.records import IngestError, RawDocument

from .readers.test_formats import warc_record


def run(tmp_path, name: str, data: bytes, good: str, **limits):
    """Ingest one bad file beside a good one: the bad one fails alone."""
    folder = tmp_path / name.replace(".", "_")
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "zz_good.txt").write_text(good)
    options = Options(**limits)
    out = []
    for item in iter_inputs([str(folder)], options):
        if isinstance(item, RawDocument):
            try:
                item = prepare(item, options)
            except Exception as exc:  # noqa: BLE001 - turned into an error record like the pipeline does
                item = IngestError(item.source, getattr(exc, "message", str(exc)), getattr(exc, "code", "E000"))
        out.append(item)
    errors = [o for o in out if isinstance(o, IngestError)]
    assert not isinstance(out[-1], IngestError) and out[-1].source.endswith("zz_good.txt"), out
    return errors


def test_empty_file(tmp_path, story):
    [e] = run(tmp_path, "empty.txt", b"", story)
    assert e.code == "E101" and e.source.endswith("empty.txt") and "empty" in e.reason


def test_binary_file(tmp_path, story):
    [e] = run(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, story)
    assert e.code == "E102" and "binary" in e.reason and "PNG" in e.reason
    [e] = run(tmp_path, "blob.bin", bytes(range(256)) * 4, story)
    assert e.code == "E109" and e.source.endswith("blob.bin")


def test_200_mb_text_file_is_refused_before_reading(tmp_path, story):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    (tmp_path / "zz_good.txt").write_text(story)
    out = list(iter_inputs([str(tmp_path)], Options()))
    assert isinstance(out[1], RawDocument)
    e = out[0]
    assert e.code == "E104" and e.source == str(big)
    assert "209,715,200 bytes" in e.reason and "max_doc_bytes" in e.reason
    assert os.path.getsize(big) == 200 * 1024 * 1024


def test_invalid_utf8_is_decoded_not_refused(tmp_path, story):
    """Policy: near-UTF-8 keeps its text with U+FFFD for the bad bytes (see ingest.encoding)."""
    (tmp_path / "mixed.txt").write_bytes(story.encode("utf-8") + b"Caf\xe9 stray byte.\n" + story.encode("utf-8"))
    [raw] = iter_inputs([str(tmp_path / "mixed.txt")], Options())
    assert "Caf\ufffd stray byte." in prepare(raw, Options()).text


def test_truncated_gzip(tmp_path, story):
    data = gzip.compress((story * 50).encode())
    [e] = run(tmp_path, "cut.txt.gz", data[: len(data) // 2], story)
    assert e.code == "E106" and e.source.endswith("cut.txt.gz") and "truncated" in e.reason
    [e] = run(tmp_path, "cut.tar.gz", data[: len(data) // 2], story)
    assert e.code == "E106" and "tar" in e.reason


def test_zip_with_path_traversal(tmp_path, story):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../etc/cron.d/x.txt", story)
    [e] = run(tmp_path, "trav.zip", buf.getvalue(), story + " Other.")
    assert e.code == "E105" and e.source.endswith("trav.zip!../../etc/cron.d/x.txt")
    assert not (tmp_path.parent.parent / "etc").exists()


def test_malformed_warc_record(tmp_path, story, page):
    good = warc_record("https://velmora-courier.example/a", page.encode())
    errors = run(tmp_path, "bad.warc", good + b"WARC/1.0\r\nthis is not a header\r\n\r\njunk", story)
    [e] = errors  # the good record before it is read
    assert e.code == "E106" and "malformed WARC" in e.reason and e.source.endswith("bad.warc")


def test_warc_record_cut_short(tmp_path, story, page):
    data = warc_record("https://velmora-courier.example/a", page.encode(), length=len(page) + 5000)
    [e] = run(tmp_path, "short.warc", data, story)
    assert (
        e.code == "E106"
        and "truncated" in e.reason
        and e.source.endswith("short.warc!https://velmora-courier.example/a")
    )


def test_warc_response_without_status_code(tmp_path, story, page):
    """A response whose HTTP status line has no number is one error, not a crash of the whole ingest."""
    bad = warc_record("https://velmora-courier.example/a", page.encode())
    bad = bad.replace(b"HTTP/1.1 200 OK", b"HTTP/1.1 2OO OK")  # letters O: no status code
    good = warc_record("https://velmora-courier.example/b", page.encode())
    [e] = run(tmp_path, "nostatus.warc", bad + good, story)
    assert e.code == "E106" and "parsable HTTP response" in e.reason
    assert e.source.endswith("nostatus.warc!https://velmora-courier.example/a")


def test_html_with_no_text(tmp_path, story):
    [e] = run(
        tmp_path,
        "blank.html",
        b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
        b"<script>var a = 1;</script></body></html>",
        story,
    )
    assert e.code == "E108" and "no article text" in e.reason and e.source.endswith("blank.html")


def test_csv_without_text_column(tmp_path, story):
    [e] = run(tmp_path, "table.csv", b"headline,content\nA,B\n", story)
    assert e.code == "E107" and "'text'" in e.reason and "--field text=COLUMN" in e.reason


@pytest.mark.parametrize(
    "line,why",
    [
        ("{oops", "invalid JSON"),
        ('{"text": 7}', "must be a string"),
        ('{"text": "ok", "title": ["x"]}', "must be a string"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_jsonl_bad_lines_name_file_and_line(tmp_path, story, line, why):
    data = (json.dumps({"text": story + " First."}) + "\n" + line + "\n").encode()
    errors = run(tmp_path, "feed.jsonl", data, story)
    [e] = errors
    assert e.source.endswith("feed.jsonl:2") and why in e.reason
