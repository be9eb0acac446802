"""Ingest: readers (one module per format) -> cleaning -> metadata -> near-duplicates.

(Placeholder: txt only. The ingest owner replaces it.)

``iter_inputs`` yields a :class:`RawDocument` or an :class:`IngestError` per input;
``prepare`` turns a raw document into a cleaned :class:`Document` (raising an
``InputError`` that names the file and the reason when it cannot).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..options import Options
from ..records import Document, IngestError, RawDocument, stable_id


def iter_inputs(paths: Iterable[str | Path], options: Options) -> Iterator[RawDocument | IngestError]:
    for p in paths:
        path = Path(p)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                try:
                    yield RawDocument(source=str(f), text=f.read_text("utf-8"))
                except (OSError, UnicodeDecodeError) as exc:
                    yield IngestError(str(f), str(exc), "E100")


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def prepare(raw: RawDocument, options: Options) -> Document:
    text = raw.text.strip()
    if not text:
        raise InputError("empty document", source=raw.source)
    h = content_hash(text)
    return Document(id=stable_id("d", h), source=raw.source, text=text, raw_text=raw.text, title=raw.title,
                    url=raw.url, outlet=raw.outlet, author=raw.author, published=raw.published,
                    published_how="metadata" if raw.published else None, content_hash=h, format=raw.format)


class NearDuplicateIndex:
    """Links near-copies to their original. (Placeholder: never links.)"""

    def __init__(self, options: Options):
        self.options = options

    def add_existing(self, doc_id: str, signature: bytes) -> None:
        pass

    def signature(self, text: str) -> bytes:
        return b""

    def link(self, doc: Document, signature: bytes) -> Document:
        return doc
