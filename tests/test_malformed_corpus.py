"""A corpus of 30+ different broken files mixed with good ones: every good one is
ingested, every broken one listed with its file and reason, exit code 1."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from typer.testing import CliRunner

import rashomon
from rashomon.cli import app

from .archives import tar_bytes, zip_bytes

GOOD = (
    "Harbour wall gives way in Port Aven\n\nBy Ilse Marrow\n\nMore than 40 families were moved to "
    "shelters after the harbour wall in Port Aven collapsed on Saturday, the mayor said.\n"
)


def broken_files() -> dict[str, bytes]:
    gz = gzip.compress(GOOD.encode() * 50)
    html_ok = f"<html><head><title>Wall</title></head><body><article><p>{GOOD}</p></article></body></html>"
    return {
        "empty.txt": b"",
        "whitespace.txt": b"   \n\t\n  ",
        "binary.txt": bytes(range(256)) * 20,
        "png_named_txt.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 400,
        "elf.md": b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
        "nul_heavy.txt": b"a\x00" * 1000,
        "truncated.txt.gz": gz[: len(gz) // 2],
        "not_gzip.txt.gz": b"this is not gzip at all",
        "empty.gz": b"",
        "traversal.zip": zip_bytes({"../../evil.txt": GOOD.encode()}),
        "absolute.zip": zip_bytes({"/etc/evil.txt": GOOD.encode()}),
        "corrupt.zip": b"PK\x03\x04" + b"\x00" * 100,
        "traversal.tar.gz": tar_bytes({"../evil.txt": GOOD.encode()}),
        "corrupt.tar.gz": gzip.compress(b"not a tar archive" * 10),
        "empty.zip": zip_bytes({}),
        "bad.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200",
        "garbage.warc.gz": gzip.compress(b"garbage that is not warc"),
        "notext.html": (
            b"<html><head><title>x</title></head><body><nav>Home</nav><script>var a=1;</script></body></html>"
        ),
        "empty.html": b"<html></html>",
        "images_only.html": b"<html><body><img src='a.png'><img src='b.png'></body></html>",
        "notext.csv": b"title,outlet\nA,B\nC,D\n",
        "header_only.csv": b"text,title\n",
        "empty.csv": b"",
        "bad_lines.jsonl": b'{not json}\n[1,2]\n"a string"\n',
        "wrong_types.jsonl": b'{"text": 42}\n{"text": null}\n{"text": ["a"]}\n',
        "no_text_field.jsonl": json.dumps({"title": "x", "outlet": "y"}).encode() + b"\n",
        "empty.jsonl": b"",
        "bad_json_array.json": b'[{"text": ',
        "latin1_garbage.txt": b"\xff\xfe\xfd" * 2000 + b"\x00\x01",
        "unknown.xyz": b"\x00\x01\x02\x03" * 100,
        "zip_named_txt.txt": zip_bytes({"a.bin": b"\x00" * 100}),
    } | {
        "good1.txt": GOOD.encode(),
        "good2.md": GOOD.replace("40", "50").replace("Saturday", "Sunday").encode(),
        "good3.html": html_ok.replace("40", "60").replace("Saturday", "Monday").encode(),
        "good4.jsonl": json.dumps(
            {"text": GOOD.replace("40", "70").replace("Saturday", "Friday"), "outlet": "Kestrel Daily"}
        ).encode()
        + b"\n",
        "good5.csv": (
            'text,outlet\n"' + GOOD.replace("40", "80").replace("Saturday", "Tuesday") + '",Herald\n'
        ).encode(),
        "good6.zip": zip_bytes({"inner/a.txt": GOOD.replace("40", "90").replace("Saturday", "Thursday").encode()}),
        "good7.txt.gz": gzip.compress(GOOD.replace("40", "95").replace("Saturday", "Wednesday").encode()),
    }


def file_name(source: str) -> str:
    """The input file a source names ("a.zip!m.txt" -> a.zip, "x.jsonl:3" -> x.jsonl)."""
    return re.sub(r":\d+$", "", Path(source.split("!")[0]).name)


def test_malformed_corpus(tmp_path):
    files = broken_files()
    broken = [n for n in files if not n.startswith("good")]
    assert len(broken) >= 30
    for name, data in files.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes(data)
    db = tmp_path / "s.duckdb"
    r = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert r.exit_code == 1, r.output
    store = rashomon.open(db, read_only=True)
    assert len(store.documents()) == 7, [d.source for d in store.documents()]
    errors = store.errors()
    failed = {file_name(e.source) for e in errors}
    missing = sorted(set(broken) - failed)
    assert not missing, f"broken files not reported: {missing}"
    for e in errors:
        assert e.reason and len(e.reason) > 8, e
        assert file_name(e.source) in r.output
