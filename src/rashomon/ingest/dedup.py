"""Near-duplicate linking: MinHash (128 permutations) over word 5-shingles, banded LSH.

A document whose estimated Jaccard similarity to an earlier one reaches
``Options.dup_threshold`` is a near-copy (the same wire story republished, the same page
scraped twice with different boilerplate). It is kept and linked to its *original*: the
earliest-ingested document among those above the threshold, with the estimate as
``similarity``. Signatures are the MinHash values (datasketch's ``affine32`` scheme, named
explicitly so a library upgrade cannot change it silently) as little-endian uint32 bytes,
so they persist in the store (``doc_signatures``) and later runs link against earlier ones.
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..options import Options
from ..records import Document

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"
DTYPE = "<u4"
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word k-shingles (a text shorter than k words is one shingle)."""
    toks = _WORD.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i:i + k]).encode("utf-8") for i in range(len(toks) - k + 1)}


class NearDuplicateIndex:
    """The MinHash signatures of every document seen so far, in ingest order."""

    def __init__(self, options: Options):
        self.threshold = options.dup_threshold
        # LSH only proposes candidates (it cannot band a threshold near 1); the estimate decides
        self.lsh = MinHashLSH(threshold=min(max(self.threshold, 0.05), 0.9), num_perm=NUM_PERM)
        self.order: dict[str, int] = {}
        self.hashes: dict[str, MinHash] = {}

    def signature(self, text: str) -> bytes:
        m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
        m.update_batch(list(shingles(text)))
        return np.asarray(m.hashvalues, dtype=DTYPE).tobytes()

    def _minhash(self, signature: bytes) -> MinHash | None:
        if len(signature) != NUM_PERM * 4:  # absent or written by another scheme
            return None
        values = np.frombuffer(signature, dtype=DTYPE).astype(np.uint32)
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)

    def add_existing(self, doc_id: str, signature: bytes) -> None:
        """Register a document stored by an earlier run (call in ingest order)."""
        m = self._minhash(signature)
        if m is None or doc_id in self.order:
            return
        self.order[doc_id] = len(self.order)
        self.hashes[doc_id] = m
        self.lsh.insert(doc_id, m)

    def link(self, doc: Document, signature: bytes) -> Document:
        """The document, linked to its original when it is a near-copy; then indexed itself."""
        m = self._minhash(signature)
        if m is None or doc.id in self.order:
            return doc
        best: tuple[int, str, float] | None = None
        for other in self.lsh.query(m):
            sim = float(m.jaccard(self.hashes[other]))
            if sim >= self.threshold and (best is None or self.order[other] < best[0]):
                best = (self.order[other], other, sim)
        self.add_existing(doc.id, signature)
        if best is None:
            return doc
        return replace(doc, duplicate_of=best[1], similarity=round(best[2], 3))
