"""Parquet shards exchanged between the store and the Ray workers.

The driver exports pending documents to Parquet (``write_documents``); workers turn
Arrow batches back into :class:`Document` records (``documents_from_rows``) and their
:class:`Extraction` results into Arrow rows (``extraction_rows``); the driver reads the
result shards back into records (``read_extractions``) for :meth:`Store.save_extractions`.

An extraction travels as one JSON column (plus its document id and input position):
claims have optional fields and a ``value`` that is a number or a list, which JSON keeps
exactly (floats round-trip through ``repr``) where an inferred Arrow struct would not.
No SQL here: the store stays the only thing that touches the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Document, Extraction, Mention, make_claim

DOC_FIELDS = (
    "id",
    "source",
    "text",
    "raw_text",
    "title",
    "url",
    "outlet",
    "author",
    "published",
    "published_how",
    "published_evidence",
    "language",
    "duplicate_of",
    "similarity",
    "content_hash",
    "format",
)
DOC_SCHEMA = pa.schema(
    [(f, pa.float64() if f == "similarity" else pa.string()) for f in DOC_FIELDS]
    + [("published_window", pa.list_(pa.string())), ("pos", pa.int64()), ("stages", pa.list_(pa.string()))]
)
RESULT_SCHEMA = pa.schema([("doc", pa.string()), ("pos", pa.int64()), ("extraction", pa.string())])


# ---------------------------------------------------------------- documents
def _doc_row(doc: Document, pos: int, stages: Sequence[str]) -> dict[str, Any]:
    row = {f: getattr(doc, f) for f in DOC_FIELDS}
    row["published_window"] = list(doc.published_window) if doc.published_window else None
    row["pos"] = pos
    row["stages"] = list(stages)
    return row


def write_documents(
    batches: Iterable[tuple[Sequence[str], Sequence[Document]]], folder: Path, docs_per_shard: int
) -> int:
    """Write ``(stages, documents)`` batches to ``folder/docs-NNNNN.parquet`` shards of at most
    ``docs_per_shard`` rows each (one shard in memory at a time), each document with the extraction
    stages to run on it. Returns how many documents were written."""
    folder.mkdir(parents=True, exist_ok=True)
    pending: list[dict[str, Any]] = []
    written = shard = 0

    def flush() -> None:
        nonlocal pending, shard
        if pending:
            pq.write_table(pa.Table.from_pylist(pending, schema=DOC_SCHEMA), folder / f"docs-{shard:05d}.parquet")
            shard += 1
            pending = []

    for stages, batch in batches:
        for doc in batch:
            pending.append(_doc_row(doc, written, stages))
            written += 1
            if len(pending) >= docs_per_shard:
                flush()
    flush()
    return written


def documents_from_rows(rows: Iterable[dict[str, Any]]) -> list[tuple[int, Document, tuple[str, ...]]]:
    """(input position, Document, the stages to run) for each exported row (removals are not needed to
    extract)."""
    out = []
    for row in rows:
        row = dict(row)
        pos = int(row.pop("pos"))
        stages = tuple(row.pop("stages"))
        window = row.pop("published_window")
        out.append((pos, Document(**row, published_window=tuple(window) if window else None), stages))
    return out


# -------------------------------------------------------------- extractions
def extraction_rows(positions: Sequence[int], extractions: Sequence[Extraction]) -> pa.Table:
    return pa.table(
        {
            "doc": [x.doc for x in extractions],
            "pos": list(positions),
            "extraction": [json.dumps(x.to_dict(), ensure_ascii=False) for x in extractions],
        },
        schema=RESULT_SCHEMA,
    )


def extraction_from_json(payload: str) -> Extraction:
    d = json.loads(payload)
    claims = []
    for c in d["claims"]:
        if isinstance(c.get("value"), list):
            c["value"] = tuple(c["value"])
        claims.append(make_claim(**c))
    window = d.get("published_window")
    return Extraction(
        doc=d["doc"],
        mentions=tuple(Mention(**m) for m in d["mentions"]),
        claims=tuple(claims),
        published=d.get("published"),
        published_how=d.get("published_how"),
        published_window=tuple(window) if window else None,
        published_evidence=d.get("published_evidence"),
        error=d.get("error"),
        stages=tuple(d.get("stages", ())),
    )


def read_extractions(folder: Path, rows_per_batch: int) -> Iterator[list[Extraction]]:
    """Batches of extractions from every result shard in ``folder``, each batch in input order,
    shards in name order (one batch of rows in memory at a time)."""
    for path in sorted(folder.rglob("*.parquet")):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=rows_per_batch, columns=["pos", "extraction"]):
            rows = sorted(zip(batch.column("pos").to_pylist(), batch.column("extraction").to_pylist()))
            yield [extraction_from_json(payload) for _, payload in rows]
