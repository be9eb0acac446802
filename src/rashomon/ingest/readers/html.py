"""HTML pages: trafilatura finds the main text, title, author, date and site name.

trafilatura's own boilerplate removal is not recorded as :class:`Removal`\\ s (it works
on the DOM, not on text offsets); the text it returns becomes the document's raw text,
on which :mod:`..clean` then records everything it removes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

import trafilatura

from ...errors import NoText
from ...options import Options
from ...records import RawDocument
from ..encoding import decode
from . import Blob, read_capped
from .text import check_doc_size

if TYPE_CHECKING:
    from trafilatura.metadata import Document as Page

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
MIN_WORDS = 5  # fewer words than this is navigation debris ("Home"), not article text


def extract(html: str, url: str | None = None, *, with_metadata: bool = True) -> dict[str, str | None]:
    """Main text and metadata of one page (``text`` is None when the page has none)."""
    doc = _bare_extraction(html, url, with_metadata)
    if doc is None or not (doc.text or "").strip():
        doc = _bare_extraction(html, url, with_metadata, favor_recall=True)
    if doc is None:
        return {"text": None}
    date = doc.date if doc.date and _ISO_DAY.match(doc.date) else None
    return {
        "text": doc.text or None,
        "title": doc.title or None,
        "author": doc.author or None,
        "published": date[:10] if date else None,
        "outlet": doc.sitename or None,
        "url": doc.url or url,
    }


def _bare_extraction(html: str, url: str | None, with_metadata: bool, favor_recall: bool = False) -> Page | None:
    # trafilatura returns a dict only when asked to (as_dict=True); its annotation admits one always
    return cast(
        "Page | None",
        trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
        ),
    )


def to_raw(html: str, source: str, url: str | None = None) -> RawDocument:
    """One page as a raw document (raises NoText when nothing article-like is in it)."""
    found = extract(html, url)
    if not found["text"] or len(found["text"].split()) < MIN_WORDS:
        raise NoText(
            "HTML page has no article text that could be extracted",
            source=source,
            hint="is it an index page, a login wall or a script-only page?",
        )
    return RawDocument(
        source=source,
        text=found["text"],
        title=found["title"],
        url=found["url"],
        outlet=found["outlet"],
        author=found["author"],
        published=found["published"],
        format="html",
    )


def read(blob: Blob, options: Options) -> RawDocument:
    check_doc_size(blob, options)
    with blob.open() as stream:
        data = read_capped(stream, options.max_doc_bytes, blob.source, "max_doc_bytes")
    return to_raw(decode(data, blob.source), blob.source)
