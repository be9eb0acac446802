"""Per-document extraction: one spaCy pass, reused by every extractor.

``extract_doc`` turns one parsed document into an :class:`~rashomon.records.Extraction`
(mentions + claims of every kind). The order matters: time expressions come first
because quantities (years are not quantities), events (their time) and publication
date inference use them.
"""
from __future__ import annotations

from ..options import Options
from ..records import Document, Extraction
from . import entities, events, quantities, quotes
from . import time as timex

STAGE = "extract@1"


def extract_doc(sdoc, document: Document, options: Options | None = None) -> Extraction:
    times, published = timex.extract(sdoc, document)
    mentions = entities.mentions(sdoc, document)
    claims = list(times)
    claims += quantities.extract(sdoc, document, times=times)
    claims += quotes.extract(sdoc, document, mentions=mentions)
    claims += events.extract(sdoc, document, times=times, mentions=mentions)
    # one claim per (kind, span): an extractor may read one span twice (coordinated verbs)
    unique = {}
    for c in claims:
        unique.setdefault(c.id, c)
    ordered = sorted(unique.values(), key=lambda c: (c.start, c.end, c.kind, c.id))
    return Extraction(doc=document.id, mentions=tuple(mentions), claims=tuple(ordered), **published)
