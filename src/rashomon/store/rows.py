"""Records <-> table rows: the columns of the documents and claims tables and their row mapping."""
from __future__ import annotations

from typing import Any

from ..records import Claim, Document, Removal

CLAIM_COLUMNS = ["id", "doc", "kind", "start", "end", "text", "stage", "value", "value_list", "low", "high",
                 "approx", "unit", "what", "predicate", "place", "time", "attributed_to", "change", "speaker",
                 "speaker_text", "speaker_start", "speaker_end", "cue", "direct", "content_start", "content_end",
                 "value_iso", "timex_type", "actor", "action", "target"]
DOC_COLUMNS = ["id", "source", "title", "url", "outlet", "author", "published", "published_how",
               "published_window_from", "published_window_to", "published_evidence", "language",
               "duplicate_of", "similarity", "content_hash", "format", "text", "raw_text"]


def doc_row(d: Document) -> dict[str, Any]:
    row = d.to_dict()
    w = d.published_window or (None, None)
    row["published_window_from"], row["published_window_to"] = w
    return row


def row_doc(row: dict[str, Any], removed: list[Removal]) -> Document:
    wf, wt = row.pop("published_window_from"), row.pop("published_window_to")
    return Document(**row, published_window=(wf, wt) if wf or wt else None, removed=tuple(removed))


def claim_row(c: Claim) -> dict[str, Any]:
    row = {col: getattr(c, col, None) for col in CLAIM_COLUMNS if col not in ("value", "value_list")}
    if isinstance(c.value, (tuple, list)):
        row["value"], row["value_list"] = None, [float(v) for v in c.value]
    else:
        row["value"], row["value_list"] = c.value, None
    return row


def row_claim(row: dict[str, Any]) -> Claim:
    vl = row.pop("value_list")
    if vl is not None:
        row["value"] = tuple(vl)
    return Claim(**row)
