"""Per-document extraction: one spaCy pass, then Rashomon's extractors as spaCy components.

``extract_doc`` turns one parsed document into an :class:`~rashomon.records.Extraction`
(mentions + claims of every kind), from the ``Doc`` extensions the components of
:mod:`rashomon.extract.components` write (running those that have not run). The order matters:
time expressions come first because quantities (years are not quantities), events (their
time) and publication date inference use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..options import Options
from ..records import Claim, Document, Extraction
from .components import COMPONENTS, annotate, stages as all_stages, todo

__all__ = ["extract_doc", "all_stages", "todo"]


def extract_doc(
    sdoc: Doc, document: Document, options: Options | None = None, stages: Sequence[str] | None = None
) -> Extraction:
    """The records of ``stages`` (component stages, ``name@version``; default: every component) for
    ``document``, from its parse ``sdoc``."""
    stages = tuple(stages) if stages is not None else all_stages()
    x = annotate(sdoc, document, stages)._
    ran = {c.attr for c in COMPONENTS.values() if c.stage in stages}
    claims: list[Claim] = [
        c for attr in ("times", "quantities", "quotes", "events", "casualties") if attr in ran for c in x.get(attr)
    ]
    # one claim per (kind, span): an extractor may read one span twice (coordinated verbs)
    unique: dict[str, Claim] = {}
    for c in claims:
        unique.setdefault(c.id, c)
    ordered = sorted(unique.values(), key=lambda c: (c.start, c.end, c.kind, c.id))
    published = x.published if "times" in ran else {}
    return Extraction(
        doc=document.id,
        mentions=tuple(x.mentions) if "mentions" in ran else (),
        claims=tuple(ordered),
        stages=stages,
        **published,
    )
