"""CSV and TSV tables: one article per row, columns named by ``Options.fields``.

The header row must name a column for the text (``text`` unless mapped with
``--field text=COLUMN``); without one the whole file is refused with
:class:`MissingField` listing the columns there are. The delimiter is sniffed among
``, ; TAB |`` (``.tsv`` is always TAB); the encoding is detected on the first 64 KiB and
the rows are streamed. A bad row is one error naming ``file:line`` (the line the row
starts on); the others are read.
"""

from __future__ import annotations

import csv as _csv
import io
import sys
from collections.abc import Iterator

from ...errors import InputError, MissingField
from ...options import Options
from ...records import IngestError
from ..encoding import decode, detect_encoding
from . import Blob, Item
from .jsonl import to_raw

_SAMPLE = 64 * 1024


def _delimiter(sample: str) -> str:
    try:
        return _csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except _csv.Error:
        return ","


def read(blob: Blob, options: Options, delimiter: str | None = None) -> Iterator[Item]:
    with blob.open() as stream:
        head = stream.read(_SAMPLE)
    sample = decode(head, blob.source)  # refuses empty / binary files with the matching error
    encoding = detect_encoding(head)
    first_lines = "\n".join(sample.splitlines()[:20])
    delimiter = delimiter or _delimiter(first_lines)
    _csv.field_size_limit(min(sys.maxsize, max(options.max_doc_bytes, 131072)))
    with blob.open() as stream:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        rows = _csv.DictReader(text, delimiter=delimiter)
        header = [h for h in (rows.fieldnames or []) if h is not None]
        column = options.fields.get("text", "text")
        if column not in header:
            raise MissingField(
                f"no {column!r} column for the article text (columns: {', '.join(header) or 'none'})",
                source=blob.source,
                hint="map the right one with --field text=COLUMN",
            )
        found = 0
        while True:
            line = rows.line_num + 1  # where the row starts (a quoted cell may span lines)
            try:
                row = next(rows)
            except StopIteration:
                break
            except _csv.Error as exc:
                yield IngestError(f"{blob.source}:{line}", f"malformed CSV row: {exc}", "E106")
                continue
            found += 1
            where = f"{blob.source}:{line}"
            if None in row:
                yield IngestError(where, f"row has more cells than the header ({len(header)} columns)", "E106")
                continue
            try:
                yield to_raw({k: v for k, v in row.items() if v is not None}, where, options, "csv")
            except InputError as exc:
                yield IngestError(where, exc.reason, exc.code)
        if not found:
            yield IngestError(blob.source, "CSV has a header but no rows", "E101")
