"""Ingest: readers (one module per format) -> cleaning -> metadata -> near-duplicates.

``iter_inputs`` expands paths (files, folders walked recursively, globs) and yields a
:class:`RawDocument` or an :class:`IngestError` per input record; ``prepare`` turns a raw
document into a cleaned :class:`Document` (raising an ``InputError`` that names the file
and the reason when it cannot); :class:`NearDuplicateIndex` links near-copies to their
original. Modules: ``paths`` (which files a path names, and why anything is not read), ``readers/``
(text, html, jsonl, csv, warc, archive), ``encoding``, ``clean``, ``metadata``, ``dedup``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import CorruptInput, EmptyInput, InputError, NoText, TooLarge
from ..options import Options
from ..records import Document, IngestError, RawDocument, stable_id
from .clean import clean
from .dedup import NearDuplicateIndex
from .metadata import describe, looks_like_headline
from .paths import display, expand
from .readers import Blob, read_blob

__all__ = [
    "iter_inputs",
    "read_file",
    "prepare",
    "prepare_item",
    "content_hash",
    "NearDuplicateIndex",
    "expand",
    "display",
]

STUB_WORDS = 50  # a cleaned text shorter than this is too short to tell two articles apart: its headline does


def iter_inputs(paths: Iterable[str | Path], options: Options) -> Iterator[RawDocument | IngestError]:
    for item in expand(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item, options)


def read_file(path: Path, options: Options) -> Iterator[RawDocument | IngestError]:
    """The records of one input file (the unit of work of the Ray engine's ingest)."""
    source = display(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield IngestError(source, f"cannot read: {exc.strerror or exc}", "E100")
        return
    yield from read_blob(Blob(source, display(path.name), lambda: path.open("rb"), size), options)


def content_hash(text: str) -> str:
    """The identity of a cleaned text: SHA-256 of its words joined by single spaces."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def prepare_item(item: RawDocument | IngestError, options: Options) -> Document | IngestError:
    """:func:`prepare`, with a document that cannot be prepared turned into its error."""
    if isinstance(item, IngestError):
        return item
    try:
        return prepare(item, options)
    except InputError as exc:
        return IngestError(item.source, exc.reason, exc.code)
    except RecursionError:
        return IngestError(item.source, "structure nested too deeply to clean", CorruptInput.code)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return IngestError(item.source, f"could not be cleaned ({type(exc).__name__}: {exc}); please report", "E100")


def prepare(raw: RawDocument, options: Options) -> Document:
    """Clean one raw document and read its metadata."""
    if len(raw.text) * 4 > options.max_doc_bytes and len(raw.text.encode("utf-8")) > options.max_doc_bytes:
        raise TooLarge(
            f"document text is over max_doc_bytes ({options.max_doc_bytes:,})",
            source=raw.source,
            hint="raise the limit (--max-doc-mb) or split the document",
        )
    if not raw.text.strip():
        raise EmptyInput("document has no text", source=raw.source)
    cleaned = clean(raw.text)
    if not cleaned.text and not (raw.title and looks_like_headline(raw.title.strip())):
        raise NoText(
            "nothing is left once boilerplate is removed, and no headline to keep",
            source=raw.source,
            hint="`rashomon show DOC --removed` lists what cleaning removes",
        )
    removed = tuple(sorted(raw.removed + cleaned.removed, key=lambda r: (r.start, r.end)))
    meta = describe(raw, cleaned.text, removed)
    # a page whose body is all boilerplate (a paywall box) is kept for its headline, its only statement;
    # its identity is the headline on that page ("Man shot" heads many pages), and so is a stub's ("You are
    # the owner of this article.", "Sign up for our newsletter ...": one line under many headlines)
    stub = len(cleaned.text.split()) < STUB_WORDS
    h = content_hash(f"title: {meta['title']} url: {raw.url or raw.source}\n{cleaned.text}" if stub else cleaned.text)
    return Document(
        id=stable_id("d", h),
        source=raw.source,
        text=cleaned.text,
        raw_text=raw.text,
        title=meta["title"],
        url=raw.url,
        outlet=meta["outlet"],
        author=meta["author"],
        published=meta["published"],
        published_how=meta["published_how"],  # type: ignore[arg-type]
        published_evidence=meta["published_evidence"],
        language=meta["language"],
        content_hash=h,
        removed=removed,
        format=raw.format,
    )
