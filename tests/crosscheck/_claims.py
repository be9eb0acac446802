"""Hand-built documents and claims (quantity, time, event) for the crosscheck unit tests (no spaCy)."""

from __future__ import annotations

import re

from rashomon.extract import numbers as N
from rashomon.records import Claim, Document, claim_id, make_claim


def doc(
    doc_id: str, text: str, outlet: str, published: str = "2025-05-04", duplicate_of: str | None = None
) -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        raw_text=text,
        outlet=outlet,
        published=published,
        duplicate_of=duplicate_of,
    )


def hedged(value: float, lead: str) -> dict:
    """The bound fields the quantity extractor gives a figure after the words ``lead`` ("more than")."""
    found = N.hedge_before(lead.lower().split())
    return {"change": found[1]} | N.hedge_fields(float(value), found[1]) if found else {}


def at(d: Document, kind: str, evidence: str, stage: str, **fields) -> Claim:
    """A claim of ``kind`` whose evidence is the first occurrence of ``evidence`` in the document."""
    start = d.text.index(evidence)
    return make_claim(
        id=claim_id(d.id, kind, start, start + len(evidence)),
        doc=d.id,
        kind=kind,
        start=start,
        end=start + len(evidence),
        text=evidence,
        stage=stage,
        **fields,
    )


def qty(d: Document, evidence: str, value: float | tuple[float, ...], **fields) -> Claim:
    """A quantity claim whose evidence is the first occurrence of ``evidence`` in the document; its
    hedge ("more than 40") is read into bounds as the extractor would, unless ``fields`` give them."""
    lead = re.split(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", evidence, maxsplit=1)[0]
    if isinstance(value, (int, float)) and not {"low", "high", "approx"} & set(fields):
        fields = hedged(value, lead) | fields
    return at(d, "quantity", evidence, "test@1", value=value, **fields)


def when(d: Document, evidence: str, iso: str, timex_type: str = "DATE") -> Claim:
    """A time claim whose evidence is the first occurrence of ``evidence`` in the document."""
    return at(d, "time", evidence, "time@1", value_iso=iso, timex_type=timex_type)
