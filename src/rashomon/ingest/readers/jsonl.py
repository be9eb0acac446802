"""JSON Lines (one article object per line) and JSON (an array of objects, or one object).

Field mapping (``Options.fields``, overridable with ``--field text=body``):
``text`` (required), ``title``, ``url``, ``outlet``, ``published``, ``author``; each names
the key to read. A value must be a string (or null / absent for the optional ones);
``published`` may also be a number (a year). A ``text`` that is an HTML page goes through
the HTML extractor; one in which it finds no article (plain paragraphs with stray tags,
"<p>Lede.</p>" then text) is read as text with its tags dropped. Each bad line is one error
naming ``file:line`` and the reason; the other lines are read. Lines are streamed, so a file
of any size is read line by line.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from ...errors import CorruptInput, InputError, MissingField, NoText, TooLarge
from ...options import Options
from ...records import IngestError, RawDocument
from ..encoding import looks_like_html
from . import Blob, Item, read_capped

OPTIONAL = ("title", "url", "outlet", "published", "author")
TOO_DEEP = "JSON nested too deeply (arrays or objects inside each other beyond Python's recursion limit)"


def to_raw(record: Mapping[str, Any], source: str, options: Options, fmt: str) -> RawDocument:
    """One record (a JSON object or CSV row) as a raw document, by the field mapping."""
    fields = options.fields
    key = fields.get("text", "text")
    if key not in record:
        keys = ", ".join(sorted(map(str, record))[:12]) or "none"
        raise MissingField(
            f"no {key!r} field for the article text (fields here: {keys})",
            source=source,
            hint="map the right one with --field text=FIELD",
        )
    text = record[key]
    if not isinstance(text, str):
        raise CorruptInput(f"field {key!r} must be a string, got {type(text).__name__}", source=source)
    if not text.strip():
        raise NoText(f"field {key!r} is empty", source=source)
    if len(text) > options.max_doc_bytes // 4 and len(text.encode("utf-8")) > options.max_doc_bytes:
        raise TooLarge(f"text is over max_doc_bytes ({options.max_doc_bytes:,})", source=source)
    meta: dict[str, str | None] = {}
    for name in OPTIONAL:
        value = record.get(fields.get(name, name))
        if isinstance(value, int) and not isinstance(value, bool) and name == "published":
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise CorruptInput(
                f"field {fields.get(name, name)!r} ({name}) must be a string, got {type(value).__name__}", source=source
            )
        meta[name] = value.strip() or None if isinstance(value, str) else None
    if looks_like_html(text[:4096].encode("utf-8", "replace")) and text.lstrip().startswith("<"):
        from .html import to_raw as html_to_raw

        try:
            page = html_to_raw(text, source, meta["url"])
        except NoText:  # not a page: plain paragraphs with some markup left in them ("<p>Lede.</p>\n\nBody...")
            text = _untagged(text)
        else:
            return _raw(source, page.text, fmt, {k: meta[k] or getattr(page, k) for k in OPTIONAL})
    return _raw(source, text, fmt, meta)


_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,500}>")


def _untagged(text: str) -> str:
    """The text of a field holding plain paragraphs with stray tags; NoText when only markup is left."""
    out = html.unescape(_TAG.sub("", text))
    if not out.strip():
        raise NoText("field holds only markup")
    return out


def _raw(source: str, text: str, fmt: str, meta: Mapping[str, str | None]) -> RawDocument:
    """A document with the ``OPTIONAL`` fields of ``meta``."""
    return RawDocument(
        source=source,
        text=text,
        format=fmt,
        title=meta["title"],
        url=meta["url"],
        outlet=meta["outlet"],
        published=meta["published"],
        author=meta["author"],
    )


def _line_error(source: str, exc: InputError) -> IngestError:
    return IngestError(source, exc.reason, exc.code)


def read(blob: Blob, options: Options, whole_json: bool = False) -> Iterator[Item]:
    if whole_json and not _is_jsonl(blob):
        with blob.open() as stream:
            data = read_capped(stream, options.max_member_bytes, blob.source, "max_member_bytes")
        yield from _read_json(data, blob.source, options)
        return
    with blob.open() as stream:
        yield from _read_lines(blob, stream, options)


def _is_jsonl(blob: Blob) -> bool:
    """A .json file whose first non-blank line is a complete object is JSON Lines."""
    with blob.open() as stream:
        for line in iter(lambda: stream.readline(1 << 20), b""):
            if line.strip():
                try:
                    return isinstance(json.loads(line), dict)
                except (ValueError, RecursionError):
                    return False
    return False


def _record(obj: object, where: str, options: Options, fmt: str) -> Item:
    """One JSON value as a document, or the error naming where it is and why."""
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}", CorruptInput.code)
    try:
        return to_raw(obj, where, options, fmt)
    except InputError as exc:
        return _line_error(where, exc)


def _read_json(data: bytes, source: str, options: Options) -> Iterator[Item]:
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptInput(f"invalid JSON: {exc}", source=source) from exc
    except RecursionError:
        raise CorruptInput(TOO_DEEP, source=source) from None
    items = value if isinstance(value, list) else [value]
    for i, obj in enumerate(items, 1):
        yield _record(obj, f"{source}:{i}" if isinstance(value, list) else source, options, "json")


def _read_lines(blob: Blob, stream: BinaryIO, options: Options) -> Iterator[Item]:
    cap = options.max_doc_bytes * 2  # a line holds one document plus its JSON escaping
    found = 0
    for n, line in enumerate(iter(lambda: stream.readline(cap + 1), b""), 1):
        where = f"{blob.source}:{n}"
        if len(line) > cap and not line.endswith(b"\n"):
            yield IngestError(where, f"line longer than {cap:,} bytes (max_doc_bytes x 2)", TooLarge.code)
            while line and not line.endswith(b"\n"):  # skip the rest of the line
                line = stream.readline(cap + 1)
            continue
        if not line.strip():
            continue
        found += 1
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as exc:
            yield IngestError(where, f"not UTF-8 ({exc.reason} at byte {exc.start})", "E103")
            continue
        except ValueError as exc:
            yield IngestError(where, f"invalid JSON: {exc}", CorruptInput.code)
            continue
        except RecursionError:
            yield IngestError(where, TOO_DEEP, CorruptInput.code)
            continue
        yield _record(obj, where, options, "jsonl")
    if not found:
        yield IngestError(blob.source, "empty file (no JSON lines)", "E101")
