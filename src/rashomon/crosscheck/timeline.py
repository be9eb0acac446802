"""Events and dated claims ordered by normalised date. (Placeholder: the time owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document, TimelineEntry


def build(claims: list[Claim], documents: list[Document]) -> list[TimelineEntry]:
    return []
