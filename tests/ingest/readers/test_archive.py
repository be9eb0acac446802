"""Archives read in memory: member naming, nesting, unsafe names, size and count limits."""

from __future__ import annotations

import gzip
import io
import tarfile

from rashomon.ingest import iter_inputs
from rashomon.options import Options
from rashomon.records import IngestError, RawDocument

from ...archives import tar_bytes, zip_bytes


def read(path, **limits):
    return list(iter_inputs([str(path)], Options(**limits)))


def test_zip_members_are_named_and_nested_archives_read(tmp_path, story, page):
    inner = tar_bytes({"deep/one.txt": story.encode()})
    (tmp_path / "a.zip").write_bytes(
        zip_bytes({"dir/one.txt": story.encode(), "dir/page.html": page.encode(), "dir/more.tgz": inner, "dir/": b""})
    )
    out = read(tmp_path / "a.zip")
    assert all(isinstance(d, RawDocument) for d in out)
    base = str(tmp_path / "a.zip")
    assert [d.source for d in out] == [
        f"{base}!dir/one.txt",
        f"{base}!dir/page.html",
        f"{base}!dir/more.tgz!deep/one.txt",
    ]


def test_single_gz_file(tmp_path, story):
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(story.encode()))
    [doc] = read(tmp_path / "story.txt.gz")
    assert doc.source.endswith("story.txt.gz!story.txt") and doc.text == story


def test_unsafe_member_names_are_refused_and_the_rest_read(tmp_path, story):
    (tmp_path / "evil.zip").write_bytes(
        zip_bytes({"../escape.txt": b"x", "/etc/abs.txt": b"x", "ok.txt": story.encode()})
    )
    out = read(tmp_path / "evil.zip")
    errors = [o for o in out if isinstance(o, IngestError)]
    assert [e.code for e in errors] == ["E105", "E105"]
    assert errors[0].source.endswith("evil.zip!../escape.txt") and "'..'" in errors[0].reason
    assert [d.source.rsplit("!", 1)[-1] for d in out if isinstance(d, RawDocument)] == ["ok.txt"]


def test_tar_links_are_refused(tmp_path, story):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        link = tarfile.TarInfo("passwd.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    (tmp_path / "l.tar.gz").write_bytes(buf.getvalue())
    [err] = read(tmp_path / "l.tar.gz")
    assert err.code == "E105" and "link" in err.reason


def test_member_size_and_gzip_bomb_are_capped(tmp_path):
    bomb = gzip.compress(b"a" * 5_000_000)  # 5 MB of 'a' in ~5 KB
    (tmp_path / "bomb.txt.gz").write_bytes(bomb)
    [err] = read(tmp_path / "bomb.txt.gz", max_member_bytes=1_000_000)
    assert err.code == "E104" and "max_member_bytes" in err.reason and "bomb.txt.gz!bomb.txt" in err.source
    (tmp_path / "big.zip").write_bytes(zip_bytes({"big.txt": b"word " * 400_000}))
    [err] = read(tmp_path / "big.zip", max_member_bytes=1_000_000)
    assert err.code == "E104" and err.source.endswith("big.zip!big.txt")


def test_archive_totals_stop_reading(tmp_path, story):
    members = {f"m{i}.txt": f"{story} Number {i}.".encode() for i in range(5)}
    (tmp_path / "many.zip").write_bytes(zip_bytes(members))
    out = read(tmp_path / "many.zip", max_archive_members=3)
    assert [type(o).__name__ for o in out] == ["RawDocument"] * 3 + ["IngestError"]
    assert "max_archive_members" in out[-1].reason and out[-1].source == str(tmp_path / "many.zip")
    out = read(tmp_path / "many.zip", max_archive_bytes=len(story) * 2 + 40)
    assert [type(o).__name__ for o in out] == ["RawDocument"] * 2 + ["IngestError"]
    assert "max_archive_bytes" in out[-1].reason
