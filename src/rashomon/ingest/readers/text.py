"""Plain text and Markdown files: size check, decoding, nothing else.

Title, byline, dateline and boilerplate are found later by :mod:`..clean` and
:mod:`..metadata`, which see every format's text the same way.
"""

from __future__ import annotations

from ...errors import TooLarge
from ...options import Options
from ...records import RawDocument
from ..encoding import decode
from . import Blob, read_capped


def check_doc_size(blob: Blob, options: Options) -> None:
    """Refuse a one-document file over max_doc_bytes before reading any of it."""
    if blob.size is not None and blob.size > options.max_doc_bytes:
        raise TooLarge(
            f"document is {blob.size:,} bytes, over max_doc_bytes ({options.max_doc_bytes:,})",
            source=blob.source,
            hint="raise the limit (--max-doc-mb) or split the file",
        )


def read(blob: Blob, options: Options) -> RawDocument:
    check_doc_size(blob, options)
    with blob.open() as stream:
        data = read_capped(stream, options.max_doc_bytes, blob.source, "max_doc_bytes")
    return RawDocument(source=blob.source, text=decode(data, blob.source), format="txt")
