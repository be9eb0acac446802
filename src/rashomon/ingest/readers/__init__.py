"""Reader dispatch: one module per format, chosen by file name or, failing that, by sniffing.

A *blob* is one input file or archive member, opened lazily as a binary stream. Every
reader takes a blob and yields :class:`RawDocument` records (per-record problems in
multi-record formats are yielded as :class:`IngestError`); a problem with the blob as a
whole is raised as an :class:`InputError` and turned into one ``IngestError`` here (so is any
other exception a reader raises: a recursion limit, a library's own error), so one bad input never
stops the batch.

Formats: ``.txt .md .text`` text; ``.html .htm .xhtml`` HTML; ``.jsonl .ndjson .json``
JSON Lines / JSON; ``.csv .tsv`` delimited tables; ``.parquet`` Parquet tables; ``.warc .warc.gz`` WARC; ``.zip``,
``.tar .tar.gz .tgz``, ``.gz`` archives of any of these. Anything else is sniffed
(archive magic numbers, WARC header, HTML tags, binary, else text).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from ...errors import CorruptInput, InputError, TooLarge, UnsupportedFormat
from ...options import Options
from ...records import IngestError, RawDocument
from ..encoding import binary_kind, looks_like_html

Item = RawDocument | IngestError

_SUFFIXES = [
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".tar.gz", "tar"),
    (".tgz", "tar"),
    (".tar", "tar"),
    (".zip", "zip"),
    (".gz", "gz"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".csv", "csv"),
    (".tsv", "tsv"),
    (".parquet", "parquet"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt", "text"),
    (".text", "text"),
    (".md", "text"),
    (".markdown", "text"),
]
MAX_NESTING = 3


class Readable(Protocol):
    """What :func:`read_capped` reads: a file, an archive member, a gzip stream."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass
class Blob:
    """One input file or archive member, opened on demand."""

    source: str  # what errors and documents name: a path or "a.zip!dir/member.txt"
    name: str  # the file name used to choose the reader
    open: Callable[[], BinaryIO]
    size: int | None = None  # bytes, when known before reading


@dataclass
class Budget:
    """What one top-level archive may still unpack (shared by nested archives)."""

    bytes_left: int
    members_left: int
    source: str
    exhausted: bool = field(default=False)


def blob_from_bytes(source: str, name: str, data: bytes) -> Blob:
    return Blob(source, name, lambda: io.BytesIO(data), len(data))


def read_capped(stream: Readable, cap: int, source: str, limit_name: str) -> bytes:
    """Read at most ``cap`` bytes; refuse (naming the limit) when there is more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise TooLarge(
            f"larger than {limit_name} ({cap:,} bytes)",
            source=source,
            hint=f"raise the limit (Options.{limit_name}) or split the file",
        )
    return data


def format_by_name(name: str) -> str | None:
    low = name.lower()
    for suffix, fmt in _SUFFIXES:
        if low.endswith(suffix):
            return fmt
    return None


def sniff(head: bytes) -> str:
    """The format of a file with an unknown extension, from its first bytes."""
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if binary_kind(head):
        return "binary"
    return "html" if looks_like_html(head) else "text"


def read_blob(blob: Blob, options: Options, depth: int = 0, budget: Budget | None = None) -> Iterator[Item]:
    """Yield the documents (and per-record errors) in one blob; never raises InputError."""
    try:
        yield from _dispatch(blob, options, depth, budget)
    except InputError as exc:
        yield IngestError(exc.source or blob.source, exc.reason, exc.code)
    except (OSError, EOFError) as exc:  # unreadable file, cut-off stream
        yield IngestError(blob.source, f"cannot read: {exc}", "E106")
    except RecursionError:
        yield IngestError(blob.source, "nested too deeply to read", CorruptInput.code)
    except Exception as exc:  # noqa: BLE001 - a reader's unforeseen failure is this file's error, not the batch's
        yield IngestError(blob.source, f"could not be read ({type(exc).__name__}: {exc})", CorruptInput.code)


def _dispatch(blob: Blob, options: Options, depth: int, budget: Budget | None) -> Iterator[Item]:
    from . import archive, csv, html, jsonl, parquet, text, warc

    if blob.size is not None and blob.size > options.max_file_bytes:
        raise TooLarge(
            f"file is {blob.size:,} bytes, over max_file_bytes ({options.max_file_bytes:,})",
            source=blob.source,
            hint="raise the limit (Options.max_file_bytes) or split the file",
        )
    fmt = format_by_name(blob.name)
    if fmt is None:
        with blob.open() as stream:
            fmt = sniff(stream.read(8192))
    if fmt == "binary":
        with blob.open() as stream:
            kind = binary_kind(stream.read(8192))
        raise UnsupportedFormat(
            f"binary file ({kind}) with an unknown extension",
            source=blob.source,
            hint="only text, HTML, JSONL, CSV, Parquet, WARC and zip/tar/gzip archives are read",
        )
    if fmt in ("zip", "tar", "gz"):
        if depth >= MAX_NESTING:
            raise UnsupportedFormat(f"archive nested more than {MAX_NESTING} deep", source=blob.source)
        yield from archive.read(blob, fmt, options, depth, budget, read_blob)
    elif fmt == "warc":
        yield from warc.read(blob, options)
    elif fmt in ("jsonl", "json"):
        yield from jsonl.read(blob, options, whole_json=fmt == "json")
    elif fmt == "parquet":
        yield from parquet.read(blob, options)
    elif fmt in ("csv", "tsv"):
        yield from csv.read(blob, options, delimiter="\t" if fmt == "tsv" else None)
    elif fmt == "html":
        yield html.read(blob, options)
    else:
        yield text.read(blob, options)
