"""Grouping documents into stories. (Placeholder: one story for the whole corpus; the
stories owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document, Entity, Story, stable_id


def group(documents: list[Document], entities: list[Entity], claims: list[Claim]) -> list[Story]:
    if not documents:
        return []
    docs = tuple(d.id for d in documents)
    return [Story(stable_id("s", *docs), "corpus", docs)]
