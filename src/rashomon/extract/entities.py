"""Entity mentions per document, and their canonicalisation across the corpus.

(Placeholder implementation: spaCy NER mentions, merged by exact name and type.
The entities owner replaces it.)
"""
from __future__ import annotations

from typing import Iterable

from ..records import Document, Entity, Mention, stable_id

STAGE = "entities@1"
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def mentions(sdoc, document: Document) -> list[Mention]:
    return [Mention(document.id, e.start_char, e.end_char, e.text, e.label_, STAGE)
            for e in sdoc.ents if e.label_ in LABELS]


def canonicalize(mentions: Iterable[Mention]) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.text, m.label), []).append(m)
    return [Entity(stable_id("e", t, n), n, t, (n,), tuple(ms)) for (n, t), ms in sorted(groups.items())]
