"""Events: who did what to whom, where and when. (Placeholder: the events owner replaces it.)"""
from __future__ import annotations

from ..records import Claim, Document

STAGE = "events@1"


def extract(sdoc, document: Document, times=(), mentions=()) -> list[Claim]:
    return []
