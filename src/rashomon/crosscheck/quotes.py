"""The same statement reported by several outlets: linked, differences flagged.
(Placeholder: the quotes owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document, Entity, Finding


def link(quotes: list[Claim], documents: list[Document], entities: list[Entity]) -> list[Finding]:
    """Findings of kind "quote", flags among words_changed, truncated, speaker_differs, direct_vs_paraphrase."""
    return []
