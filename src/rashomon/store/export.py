"""The ``rashomon/1`` export: one JSON object (``json``), one record per line with a
``type`` field (``jsonl``), or one file per section (``parquet``/``csv`` into a folder).
The JSON Schema is ``rashomon-1.schema.json`` beside this module."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import reviews
from ..errors import UsageError
from ..records import Document
from . import Store

SCHEMA_ID = "rashomon/1"
SCHEMA_PATH = Path(__file__).with_name("rashomon-1.schema.json")
FORMATS = ("json", "jsonl", "parquet", "csv")
SECTIONS = (
    "documents",
    "entities",
    "claims",
    "findings",
    "framing",
    "stories",
    "timeline",
    "incidents",
    "errors",
    "extraction_errors",
    "reviews",
)


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "url": d.url,
        "outlet": d.outlet,
        "author": d.author,
        "published": d.published,
        "published_how": d.published_how,
        "published_window": list(d.published_window) if d.published_window else None,
        "published_evidence": d.published_evidence,
        "language": d.language,
        "duplicate_of": d.duplicate_of,
        "similarity": d.similarity,
        "text": d.text,
        "removed": [{"start": r.start, "end": r.end, "rule": r.rule, "text": r.text} for r in d.removed],
    }


def build(store: Store) -> dict[str, Any]:
    """The whole export as one plain object, in a stable order."""
    return {
        "schema": SCHEMA_ID,
        "documents": [_document(d) for d in store.documents()],
        "entities": [e.to_dict() for e in store.entities()],
        "claims": [c.to_dict() for c in store.claims()],
        "findings": [f.to_dict() for f in store.findings()],
        "framing": [h.to_dict() for h in store.framing()],
        "stories": [s.to_dict() for s in store.stories()],
        "timeline": [t.to_dict() for t in store.timeline()],
        "incidents": [i.to_dict() for i in store.incidents()],
        "errors": [e.to_dict() for e in store.errors()],
        "extraction_errors": [e.to_dict() for e in store.extraction_errors()],
        "reviews": [r.to_dict() for r in reviews.book(store).history],
    }


def write(store: Store, fmt: str, out: str | Path) -> Path:
    """Write the export in ``fmt`` to ``out`` (a file for json/jsonl, a folder for parquet/csv)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")
    data = build(store)
    out = Path(out)
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", "utf-8")
        return out
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps({"type": "schema", "schema": SCHEMA_ID}) + "\n")
            for section in SECTIONS:
                for rec in data[section]:
                    fh.write(
                        json.dumps(
                            {"type": section.rstrip("s") if section != "framing" else "framing", **rec},
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
        return out
    out.mkdir(parents=True, exist_ok=True)
    for section in SECTIONS:
        rows = [
            {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}
            for r in data[section]
        ]
        cols = sorted({k for r in rows for k in r}) or ["id"]
        if fmt == "csv":
            with (out / f"{section}.csv").open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=cols)
                w.writeheader()
                w.writerows(rows)
        else:
            arrays = {}
            for c in cols:
                typ = _arrow_type(rows, c)
                vals = [r.get(c) for r in rows]
                if typ == pa.string():
                    vals = [None if v is None else str(v) for v in vals]
                arrays[c] = pa.array(vals, type=typ)
            table = pa.table(arrays)
            pq.write_table(table, out / f"{section}.parquet")
    return out


def _arrow_type(rows: list[dict], col: str) -> pa.DataType:
    kinds = {type(r.get(col)) for r in rows if r.get(col) is not None}
    if kinds <= {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    if kinds == {bool}:
        return pa.bool_()
    return pa.string()
