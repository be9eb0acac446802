"""Independent sources: which reports are one voice.

This module owns the question "do these two reports count as two sources?". Two reports are one
source when one is a near-copy of the other (``Document.duplicate_of``, followed to the original),
or when both carry the credit line of one news agency: a local site's rewrite of an AP story is the
AP's account, however many outlets run it (the rule Media Cloud calls ``ap_syndicated``). A credit
is the agency's dateline ("CHICAGO (AP) —"), its byline ("By Jane Doe, Associated Press"), its
copyright line or "The Associated Press contributed to this report" — never a citation in the body
("told the Associated Press", "Reuters reported"). An agency's own site is that agency. The outlet a
report is shown and counted by is :func:`outlet_of`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..records import Document

# canonical agency -> the names it is credited by
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "PTI": ("PTI", "Press Trust of India"),
    "UPI": ("UPI", "United Press International"),
    "IANS": ("IANS",),
    "Bloomberg": ("Bloomberg",),
}
_CANON = {name.lower(): agency for agency, names in AGENCIES.items() for name in names}
_NAMES = "|".join(sorted((re.escape(n) for ns in AGENCIES.values() for n in ns), key=len, reverse=True))
CREDITS = (
    re.compile(rf"\(\s*({_NAMES})\s*\)\s*(?:[-—–|:]|$)", re.M),  # "CHICAGO (AP) —"
    re.compile(rf"\bBy [A-Z][\w.'’ -]{{1,40}}?[,\s]\s*(?:The\s+)?({_NAMES})\b"),  # "By Tom Hays Associated Press"
    re.compile(rf"(?:Copyright|©|\(c\))\s*(?:\d{{4}}\s*)?(?:The\s+)?({_NAMES})\b", re.I),
    re.compile(rf"(?:The\s+)?({_NAMES})\s+contributed to this (?:report|story)"),
    re.compile(rf"^\s*[-—–]+\s*(?:The\s+)?({_NAMES})\s*$", re.M),  # a closing "— Reuters" line
)
EDGE = 400  # characters at the top and at the bottom of a text where credit lines stand
_DOMAINS = {"apnews.com": "AP", "reuters.com": "Reuters", "afp.com": "AFP", "xinhuanet.com": "Xinhua"}


def wire_credit(text: str, outlet: str | None = None) -> str | None:
    """The news agency a document credits (at its top or bottom), or that publishes it; else None."""
    if outlet and (agency := _DOMAINS.get(outlet.lower()) or _CANON.get(outlet.lower())):
        return agency
    for part in (text[:EDGE], text[-EDGE:]):
        for pattern in CREDITS:
            if m := pattern.search(part):
                return _CANON.get(m.group(1).lower())
    return None


def source_of(doc_id: str, docs: Mapping[str, Document], original: Callable[[str], str]) -> str:
    """The source a document speaks for: ``"wire:<agency>"`` when it credits one, else
    ``"doc:<original>"`` (``original``: a document id -> the original of its near-copies)."""
    doc = docs.get(doc_id)
    wire = wire_credit(doc.text, doc.outlet) if doc is not None else None
    return f"wire:{wire}" if wire else f"doc:{original(doc_id)}"


def explain(sources: set[str], outlets: set[str]) -> str:
    """Why several outlets count as fewer sources ("one AP story"), or "" when they do not."""
    wires = sorted(s.split(":", 1)[1] for s in sources if s.startswith("wire:"))
    if len(outlets) <= len(sources) or not wires:
        return ""
    return f" (one {wires[0]} story)" if len(wires) == 1 and len(sources) == 1 else ""


def root_of(doc: str, by_id: dict[str, Document]) -> str:
    """Follow ``duplicate_of`` to the original (cycles and dangling links stop the walk)."""
    return original(doc, lambda d: x.duplicate_of if (x := by_id.get(d)) else None)


def original(doc: str, duplicate_of: Callable[[str], str | None]) -> str:
    """Follow ``duplicate_of`` (a document id -> the id it is a near-copy of, or None) to the original
    (cycles and dangling links stop the walk)."""
    seen = {doc}
    while True:
        nxt = duplicate_of(doc)
        if not nxt or nxt in seen:
            return doc
        seen.add(nxt)
        doc = nxt


def outlet_of(doc: Document | None) -> str:
    """The outlet to show and count by: the known outlet, else the source file's name
    (an unknown outlet is never merged with another one)."""
    if doc is None:
        return "unknown outlet"
    if doc.outlet:
        return doc.outlet
    name = doc.source.replace("\\", "/").rsplit("/", 1)[-1]
    if re.search(r":\d+$", name):  # one record of a JSONL/CSV/Parquet pile ("corpus.jsonl:12"): its own
        return name  # outlet, never the file's name (which would merge every record into one pseudo-outlet)
    stem = re.sub(r"[-_]?\d{4}-\d{2}-\d{2}.*$", "", name.rsplit(".", 1)[0])
    if re.fullmatch(r"[A-Za-z]+(?:[-_ ][A-Za-z]+)*", stem):  # "northgate-times-2025-05-05.txt"
        return stem.replace("-", " ").replace("_", " ").title()
    return name or doc.id
