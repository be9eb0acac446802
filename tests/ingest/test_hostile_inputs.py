"""Inputs that used to abort a whole ingest or be skipped without a word: each is now one error naming
the file and the reason, and the rest of the batch is read (issue 18, parts 3, 8 and 9)."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

from rashomon import api
from rashomon.ingest import iter_inputs, prepare_item
from rashomon.options import Options
from rashomon.records import IngestError

from ..archives import zip_bytes
from .readers.test_formats import warc_record

NESTED = "[" * 100_000 + "]" * 100_000


def items(*paths: str | Path) -> list:
    options = Options()
    return [prepare_item(i, options) for i in iter_inputs([str(p) for p in paths], options)]


def errors(*paths: str | Path) -> dict[str, IngestError]:
    return {e.source: e for e in items(*paths) if isinstance(e, IngestError)}


def good(folder: Path, story: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "zz_good.txt").write_text(story)
    return folder


def _patch_zip(data: bytes, offset: int, value: int) -> bytes:
    """``data`` with a 2-byte field at ``offset`` of the local header and of the central directory set."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    out[offset : offset + 2] = struct.pack("<H", value)
    out[central + offset + 2 : central + offset + 4] = struct.pack("<H", value)  # one field later there
    return bytes(out)


def test_one_bad_file_of_each_kind_never_stops_the_batch(tmp_path, story):
    folder = good(tmp_path / "in", story)
    (folder / "deep.json").write_text(NESTED)
    (folder / "deep.jsonl").write_text('{"text": "fine text of an article here"}\n{"text": ' + NESTED + "}\n")
    plain = zip_bytes({"a.txt": story.encode(), "b.txt": (story + " Again.").encode()})
    (folder / "encrypted.zip").write_bytes(_patch_zip(plain, 6, 1))  # general purpose flag: encrypted
    (folder / "method99.zip").write_bytes(_patch_zip(plain, 8, 99))  # compression method 99 (AES)
    (folder / os.fsdecode(b"caf\xe9-latin1.txt")).write_text(story + " Latin-1 name.")
    out = items(folder)
    errs = {e.source.removeprefix(str(folder) + "/"): e for e in out if isinstance(e, IngestError)}
    assert "nested too deeply" in errs["deep.json"].reason
    assert "nested too deeply" in errs["deep.jsonl:2"].reason
    assert "encrypted" in errs["encrypted.zip!a.txt"].reason and errs["encrypted.zip!a.txt"].code == "E109"
    assert "cannot be unpacked" in errs["method99.zip!a.txt"].reason
    sources = [d.source for d in out if not isinstance(d, IngestError)]
    assert str(folder / "caf\\xe9-latin1.txt") in sources  # undecodable bytes kept as escapes
    assert sources[-1].endswith("zz_good.txt")


def test_the_rest_is_stored_and_the_bad_name_kept_readable(tmp_path, story):
    folder = good(tmp_path / "in", story)
    (folder / "deep.json").write_text(NESTED)
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(story + " Other name.")
    r = api.open(tmp_path / "s.duckdb")
    rep = r.ingest([folder])
    assert rep.added == 2 and [e.source for e in rep.errors] == [str(folder / "deep.json")]
    assert {d.source for d in r.documents()} == {str(folder / "bad\\xff.txt"), str(folder / "zz_good.txt")}


def test_an_error_a_reader_did_not_foresee_is_that_files_error(tmp_path, story, monkeypatch):
    from rashomon.ingest.readers import text

    def boom(blob, options):
        raise KeyError("surprise")

    monkeypatch.setattr(text, "read", boom)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(story)
    [e] = items(folder)
    assert isinstance(e, IngestError) and "KeyError" in e.reason and e.source.endswith("a.txt")


def test_symlinks_out_of_the_folder_are_not_followed(tmp_path, story):
    folder = good(tmp_path / "in", story)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash password hunter2 " * 5)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "zz_good.txt")
    (folder / "sub").symlink_to(tmp_path)  # a folder outside, not walked
    out = items(folder)
    errs = {Path(e.source).name: e.reason for e in out if isinstance(e, IngestError)}
    assert set(errs) == {"passwd.txt", "secret.txt", "sub"}
    assert all("outside the folder; not followed" in r for r in errs.values())
    assert "/etc/passwd" in errs["passwd.txt"] or "passwd" in errs["passwd.txt"]
    docs = [d for d in out if not isinstance(d, IngestError)]
    assert [Path(d.source).name for d in docs] == ["inside.txt", "zz_good.txt"]
    assert not any("hunter2" in d.text or "root:" in d.text for d in docs)


def test_a_link_named_on_the_command_line_is_read(tmp_path, story):
    target = good(tmp_path, story) / "zz_good.txt"
    (tmp_path / "link.txt").symlink_to(target)
    [doc] = items(tmp_path / "link.txt")
    assert not isinstance(doc, IngestError)


def test_fifo_loop_broken_link_and_empty_folder_are_reported(tmp_path, story):
    folder = good(tmp_path / "in", story)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "nothing-here.txt")
    (folder / "empty").mkdir()
    (folder / "only-hidden").mkdir()
    (folder / "only-hidden" / ".DS_Store").write_bytes(b"x")
    errs = {Path(e.source).name: e for e in items(folder) if isinstance(e, IngestError)}
    assert set(errs) == {"pipe.txt", "loop.txt", "gone.txt"}
    assert "named pipe" in errs["pipe.txt"].reason and errs["pipe.txt"].code == "E109"
    assert "symbolic link loop" in errs["loop.txt"].reason
    assert "broken symbolic link" in errs["gone.txt"].reason
    # named directly: the same reasons, not "no such file"
    assert "symbolic link loop" in errors(folder / "loop.txt")[str(folder / "loop.txt")].reason
    assert "named pipe" in errors(folder / "pipe.txt")[str(folder / "pipe.txt")].reason
    e = errors(folder / "empty")[str(folder / "empty")]
    assert e.code == "E101" and "no file to read" in e.reason
    assert "no file to read" in errors(folder / "only-hidden")[str(folder / "only-hidden")].reason


def test_unreadable_folders_are_reported_and_the_rest_is_read(tmp_path, story, monkeypatch):
    folder = good(tmp_path / "in", story)
    (folder / "locked").mkdir()
    (folder / "locked" / "a.txt").write_text(story)
    real = os.scandir

    def scandir(path):  # the tests run as root, whom chmod 000 does not stop
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errs = errors(folder)
    assert errs[str(folder / "locked")].reason == "cannot read folder: Permission denied"

    def stat_fails(self, *a, **k):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", stat_fails)
    [e] = items(folder / "locked" / "a.txt", folder / "zz_good.txt")[:1]
    assert isinstance(e, IngestError) and "Permission denied" in e.reason


def test_warc_without_html_responses_is_reported(tmp_path, story):
    folder = good(tmp_path / "in", story)
    request = (
        b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: http://x.test/\r\n"
        b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
    )
    pdf = warc_record("http://x.test/a.pdf", b"%PDF-1.4 ...", ctype="application/pdf")
    (folder / "nohtml.warc").write_bytes(request + pdf)
    e = errors(folder)[str(folder / "nohtml.warc")]
    assert e.code == "E101" and "no HTML response among its 2 WARC record(s)" in e.reason


def test_an_encrypted_member_leaves_the_other_members(tmp_path, story):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("one.txt", story)
        zf.writestr("two.txt", story + " Two.")
    data = (tmp_path / "a.zip").read_bytes()
    # only the second member is marked encrypted
    out = bytearray(data)
    second = out.find(b"PK\x03\x04", 4)
    out[second + 6 : second + 8] = struct.pack("<H", 1)
    central = out.find(b"PK\x01\x02", out.find(b"PK\x01\x02") + 4)
    out[central + 8 : central + 10] = struct.pack("<H", 1)
    (tmp_path / "a.zip").write_bytes(bytes(out))
    result = items(tmp_path / "a.zip")
    assert [type(x).__name__ for x in result] == ["Document", "IngestError"]
