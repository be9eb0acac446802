"""Apache Parquet tables: one article per row, columns named by ``Options.fields`` (as JSONL/CSV).

The file is read one record batch at a time (a row group never has to fit in memory at
once beyond ``BATCH_ROWS`` rows). A file without a text column is refused as a whole
(:class:`MissingField`, listing the columns there are); a bad row is one error naming
``file:row`` (1-based) and the reason; the other rows are read. ``published`` may be a
date or timestamp column (read as its ISO date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ...errors import CorruptInput, InputError, MissingField
from ...options import Options
from ...records import IngestError
from . import Blob, Item
from .jsonl import to_raw

BATCH_ROWS = 256


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def read(blob: Blob, options: Options) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with blob.open() as stream:
        try:
            table = pq.ParquetFile(stream)
        except (pa.ArrowException, ValueError) as exc:
            raise CorruptInput(f"not a readable Parquet file: {exc}", source=blob.source) from exc
        columns = table.schema_arrow.names
        column = options.fields.get("text", "text")
        if column not in columns:
            raise MissingField(
                f"no {column!r} column for the article text (columns: {', '.join(columns) or 'none'})",
                source=blob.source,
                hint="map the right one with --field text=COLUMN",
            )
        wanted = [c for c in dict.fromkeys(options.fields.values()) if c in columns]
        row = 0
        try:
            for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
                for record in batch.to_pylist():
                    row += 1
                    where = f"{blob.source}:{row}"
                    try:
                        yield to_raw(
                            {k: _plain(v) for k, v in record.items() if v is not None}, where, options, "parquet"
                        )
                    except InputError as exc:
                        yield IngestError(where, exc.reason, exc.code)
        except (pa.ArrowException, ValueError) as exc:
            yield IngestError(blob.source, f"unreadable Parquet data after row {row}: {exc}", CorruptInput.code)
            return
    if not row:
        yield IngestError(blob.source, "Parquet file has no rows", "E101")
