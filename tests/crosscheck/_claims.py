"""Hand-built documents and quantity claims for the crosscheck unit tests (no spaCy)."""
from __future__ import annotations

from rashomon.records import Claim, Document, claim_id


def doc(doc_id: str, text: str, outlet: str, published: str = "2025-05-04",
        duplicate_of: str | None = None) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text, raw_text=text, outlet=outlet,
                    published=published, duplicate_of=duplicate_of)


def qty(d: Document, evidence: str, value: float | tuple[float, ...], **fields) -> Claim:
    """A quantity claim whose evidence is the first occurrence of ``evidence`` in the document."""
    start = d.text.index(evidence)
    return Claim(id=claim_id(d.id, "quantity", start, start + len(evidence)), doc=d.id, kind="quantity",
                 start=start, end=start + len(evidence), text=evidence, stage="test@1", value=value, **fields)
