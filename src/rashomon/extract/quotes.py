"""Quotes and attributions. (Placeholder: the quotes owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document, Entity

STAGE = "quotes@1"


def extract(sdoc, document: Document, mentions=()) -> list[Claim]:
    return []


def resolve_speakers(quotes: list[Claim], entities: list[Entity]) -> dict[str, str]:
    """quote claim id -> entity id of its speaker."""
    return {}
