"""Quantitative claims. (Placeholder: the quantities owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document

STAGE = "quantities@1"


def extract(sdoc, document: Document, times=()) -> list[Claim]:
    return []
