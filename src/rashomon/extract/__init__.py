"""Per-document extraction: one spaCy pass, then Rashomon's extractors as spaCy components.

``extract_doc`` turns one parsed document into an :class:`~rashomon.records.Extraction`
(mentions + claims of every kind), from the ``Doc`` extensions the components of
:mod:`rashomon.extract.components` write (running those that have not run). The order matters:
time expressions come first because quantities (years are not quantities), events (their
time) and publication date inference use them.
"""
from __future__ import annotations

from ..options import Options
from ..records import Claim, Document, Extraction
from .components import annotate

STAGE = "extract@1"


def extract_doc(sdoc, document: Document, options: Options | None = None) -> Extraction:
    x = annotate(sdoc, document)._
    claims: list[Claim] = [*x.times, *x.quantities, *x.quotes, *x.events]
    # one claim per (kind, span): an extractor may read one span twice (coordinated verbs)
    unique: dict[str, Claim] = {}
    for c in claims:
        unique.setdefault(c.id, c)
    ordered = sorted(unique.values(), key=lambda c: (c.start, c.end, c.kind, c.id))
    return Extraction(doc=document.id, mentions=tuple(x.mentions), claims=tuple(ordered), **x.published)
