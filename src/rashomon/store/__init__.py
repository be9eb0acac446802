"""The DuckDB store: the only place that writes to (or reads from) the database file.

All SQL of the project lives in this package. Writes happen in one transaction per
batch, through short-lived connections, so readers (``rashomon sql``, the web UI)
can open the file between batches and never see a half-written batch.

:class:`Store` is one object put together from one class per concern:

* :mod:`.connection`: opening the file (read-only or read-write, waiting out a lock), the
  memory limit, transactions, migrations (the schema itself is in :mod:`.schema`);
* :mod:`.documents`: the ingest batch and reading documents back;
* :mod:`.extractions`: the per-document stages' pending documents, results and errors;
* :mod:`.staging`: the corpus-level results, replaced at once or staged and committed;
* :mod:`.queries`: the read side (records, the corpus stage's partitions, the web UI, user SQL);
* :mod:`.reviews`: a person's verdicts on findings (appended, never rebuilt) and the evidence they key on;
* :mod:`.rows`: records <-> table rows, one serializer and one deserializer per record type.
"""

from __future__ import annotations

from .connection import DEFAULT_DB, Connection
from .documents import DOC_CHUNK, DocumentsMixin
from .extractions import ExtractionsMixin
from .queries import QueriesMixin
from .reviews import ReviewsMixin
from .rows import CLAIM_COLUMNS, DOC_COLUMNS
from .staging import StagingMixin

__all__ = ["CLAIM_COLUMNS", "DEFAULT_DB", "DOC_CHUNK", "DOC_COLUMNS", "Store"]


class Store(ExtractionsMixin, StagingMixin, QueriesMixin, ReviewsMixin, DocumentsMixin, Connection):
    """A Rashomon store in one DuckDB file (``":memory:"`` for tests)."""
