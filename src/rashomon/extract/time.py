"""Temporal expressions normalised to ISO values, and publication-date inference.

(Placeholder: the time owner replaces it.)
"""
from __future__ import annotations

from ..records import Claim, Document

STAGE = "time@1"


def extract(sdoc, document: Document) -> tuple[list[Claim], dict]:
    """Return (time claims, publication fields to set on the document or {})."""
    return [], {}
