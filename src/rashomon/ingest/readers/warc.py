"""WARC and WARC.GZ web archives (fastwarc): the HTML responses, one document each.

Only ``response`` records with an HTTP status below 300 and an HTML content type are
read; request, metadata and non-HTML records are skipped (they are not articles), but a WARC
with none to read is reported (:class:`EmptyInput`) with the count of records skipped. A
record cut short, or a header that does not parse, is reported as :class:`CorruptInput` naming
the file and the record; reading stops there because the rest of the file cannot be located
reliably.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ...errors import CorruptInput, EmptyInput, InputError
from ...options import Options
from ...records import IngestError
from ..encoding import decode
from . import Blob, Item
from .html import to_raw


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read(blob: Blob, options: Options) -> Iterator[Item]:
    cap = options.max_member_bytes
    n = read = 0
    with blob.open() as stream:
        records = ArchiveIterator(stream, parse_http=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except OSError as exc:  # fastwarc: "Invalid WARC header" and friends
                where = f"record {n + 1}" if n else "the first record"
                raise CorruptInput(
                    f"malformed WARC at {where}: {exc}",
                    source=blob.source,
                    hint="the file may be truncated or not a WARC file",
                ) from exc
            n += 1
            uri = record.headers.get("WARC-Target-URI") or f"record-{n}"
            where = f"{blob.source}!{uri}"
            if record.record_type != WarcRecordType.response:
                continue
            status = record.http_headers.status_code if record.http_headers is not None else None
            if record.http_headers is None or status is None:  # no HTTP headers, or no status code in them
                read += 1
                yield IngestError(
                    where,
                    "response record without a parsable HTTP response (truncated or malformed record)",
                    CorruptInput.code,
                )
                continue
            ctype = record.http_headers.get("Content-Type") or ""
            if "html" not in ctype.lower() or status >= 300:
                continue
            read += 1
            body = record.reader.read(cap + 1)
            if len(body) > cap:
                yield IngestError(where, f"response larger than max_member_bytes ({cap:,})", "E104")
                continue
            if len(body) < record.content_length:
                yield IngestError(
                    where, f"record truncated: {len(body):,} of {record.content_length:,} bytes", CorruptInput.code
                )
                continue
            try:
                html = _decode_html(body, ctype, where)
                yield to_raw(html, where, uri if "://" in uri else None)
            except InputError as exc:
                yield IngestError(where, exc.reason, exc.code)
    if n == 0:
        raise CorruptInput("no WARC records in file", source=blob.source)
    if not read:
        raise EmptyInput(
            f"no HTML response among its {n} WARC record(s) (requests, metadata, non-HTML or non-2xx responses)",
            source=blob.source,
        )


def _decode_html(body: bytes, content_type: str, where: str) -> str:
    charset = _charset(content_type)
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, where)
