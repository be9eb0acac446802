"""Near-duplicate linking: MinHash (128 permutations) over word 5-shingles, banded LSH.

A document whose estimated Jaccard similarity to an earlier one reaches
``Options.dup_threshold`` is a near-copy (the same wire story republished, the same page
scraped twice with different boilerplate). It is kept and linked (stored ``duplicate_of``)
to the earliest-ingested document among those above the threshold, with the estimate as
``similarity``. The *original* shown and counted is chosen at read time (:func:`originals`,
applied by ``Store.documents``): the group's earliest-published member, on a tie of day a news
agency's copy, then the first ingested — so a wire story ingested after its republications is
still their original, without rewriting stored links. Signatures are the MinHash values
(datasketch's ``affine32`` scheme, named explicitly so a library upgrade cannot change it
silently) as little-endian uint32 bytes,
so they persist in the store (``doc_signatures``) and later runs link against earlier ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..options import Options
from ..records import Document
from ..unionfind import components

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
    return {" ".join(toks[i : i + k]).encode("utf-8") for i in range(len(toks) - k + 1)}


class NearDuplicateIndex:
    """The MinHash signatures of every document seen so far, in ingest order, banded for lookup.

    Compact, since ingest holds it for the whole corpus: each signature is kept as its 512
    bytes in one growing buffer, and each of its LSH bands as one dictionary entry (a 64-bit
    hash of the band's bytes -> the documents with that band): about 1.3 KB per document.
    The bands are datasketch's for the threshold (``MinHashLSH``'s optimal parameters); LSH only
    proposes candidates, the signatures' estimated similarity decides."""

    def __init__(self, options: Options):
        self.threshold = options.dup_threshold
        # LSH cannot band a threshold near 1: candidates come from bands for at most 0.9
        lsh = MinHashLSH(threshold=min(max(self.threshold, 0.05), 0.9), num_perm=NUM_PERM)
        self.bands, self.rows = lsh.b, lsh.r
        self.ids: list[str] = []
        self.order: dict[str, int] = {}
        self.signatures = bytearray()
        self.buckets: dict[int, int | list[int]] = {}

    @staticmethod
    def signature(text: str) -> bytes:
        """The MinHash signature of one text (the same in every process: the Ray ingest computes it on workers);
        empty for a text without words (a headline-only page), which is nobody's near-copy."""
        words = shingles(text)
        if not words:
            return b""
        m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
        m.update_batch(list(words))
        return np.asarray(m.hashvalues, dtype=DTYPE).tobytes()

    def _keys(self, signature: bytes) -> list[int]:
        width = self.rows * 4
        return [hash((b, signature[b * width : (b + 1) * width])) for b in range(self.bands)]

    def _values(self, i: int) -> np.ndarray:
        size = NUM_PERM * 4  # a copy: a view would pin the buffer, which must stay growable
        return np.frombuffer(bytes(self.signatures[i * size : (i + 1) * size]), dtype=DTYPE)

    def add_existing(self, doc_id: str, signature: bytes) -> None:
        """Register a document stored by an earlier run (call in ingest order)."""
        if len(signature) != NUM_PERM * 4 or doc_id in self.order:  # absent or written by another scheme
            return
        i = len(self.ids)
        self.ids.append(doc_id)
        self.order[doc_id] = i
        self.signatures += signature
        for k in self._keys(signature):
            held = self.buckets.get(k)
            if held is None:
                self.buckets[k] = i
            elif isinstance(held, list):
                held.append(i)
            else:
                self.buckets[k] = [held, i]

    def link(self, doc: Document, signature: bytes) -> Document:
        """The document, linked to its original when it is a near-copy; then indexed itself."""
        if len(signature) != NUM_PERM * 4 or doc.id in self.order:
            return doc
        candidates: set[int] = set()
        for k in self._keys(signature):
            held = self.buckets.get(k)
            if held is not None:
                candidates.update(held if isinstance(held, list) else (held,))
        values = np.frombuffer(signature, dtype=DTYPE)
        best: tuple[int, float] | None = None
        for i in sorted(candidates):  # earliest ingested first: the first above the threshold wins
            sim = float(np.count_nonzero(values == self._values(i))) / NUM_PERM
            if sim >= self.threshold:
                best = (i, sim)
                break
        self.add_existing(doc.id, signature)
        if best is None:
            return doc
        return replace(doc, duplicate_of=self.ids[best[0]], similarity=round(best[1], 3))


# ------------------------------------------------------------------ read time
# the outlet names of news agencies: on a tie of publication day their copy is the original
WIRE = re.compile(
    r"\b(wire|news ?agency|press ?agency|agency|agence|newswire|reuters|associated press|afp|"
    r"ap|dpa|efe|ansa|xinhua|tass|ria novosti|interfax|anadolu|kyodo|yonhap|bernama|pti|ani|"
    r"press trust|united news|azertac|apa|app|irna|upi)\b",
    re.I,
)


def is_wire(outlet: str | None) -> bool:
    """Whether an outlet's name reads as a news agency ("Meridian Wire", "Reuters", "Press Agency")."""
    return bool(outlet and WIRE.search(outlet))


def originals(rows: Iterable[tuple[str, str | None, str | None, str | None, int]]) -> dict[str, str | None]:
    """Each near-copy group's original, chosen at read time: ``{doc id: its original's id, or None
    for the original itself}`` for every document of a group.

    ``rows`` are ``(id, duplicate_of, published, outlet, ingest order[, similarity])`` of the documents in
    near-copy groups (stored links, in whatever direction ingest order made them). A group is
    every document connected by those links; its original is the earliest-published member
    (by day; undated members last), on a tie a news agency's copy, then the first ingested."""
    rows = list(rows)
    ids = {r[0] for r in rows}
    group_of = components((r[0] for r in rows), ((doc_id, dup) for doc_id, dup, *_ in rows if dup and dup in ids))
    groups: dict[str, list[tuple]] = {}
    for r in rows:
        groups.setdefault(group_of[r[0]], []).append(r)
    out: dict[str, str | None] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        best = min(members, key=lambda r: ((r[2] or "")[:10] or "9999", not is_wire(r[3]), r[4]))[0]
        out.update({r[0]: (None if r[0] == best else best) for r in members})
    return out


def reoriginate(docs: list[Document], rows: Iterable[tuple]) -> list[Document]:
    """``docs`` with ``duplicate_of`` pointing at each group's read-time original (:func:`originals`);
    the stored links are not rewritten. The former original takes the similarity the new one had."""
    rows = list(rows)
    chosen = originals(rows)
    if not chosen:
        return docs
    sims = {r[0]: r[5] for r in rows if len(r) > 5}
    out = []
    for d in docs:
        if d.id not in chosen or chosen[d.id] == d.duplicate_of:
            out.append(d)
            continue
        new = chosen[d.id]
        sim = d.similarity if new is not None and d.duplicate_of else sims.get(new or "")
        out.append(replace(d, duplicate_of=new, similarity=sim if new else None))
    return out
