"""Near-duplicates: MinHash signatures round-trip as bytes; near-copies link to the earliest original."""

from __future__ import annotations

from rashomon.ingest import NearDuplicateIndex
from rashomon.ingest.dedup import NUM_PERM, shingles
from rashomon.options import Options
from rashomon.records import Document

WORDS = (
    "the harbour authority of velmora said on thursday that ferry crews had returned to work after a nine day "
    "strike which stranded about three thousand islanders on ostrand and left shops short of milk and fuel "
    "while the island school closed for three days because teachers from the mainland could not cross the "
    "strait and the union accepted a pay rise of four percent over two years"
).split()
TEXT = " ".join(WORDS)


def mk(i: str, text: str) -> Document:
    return Document(id=i, source=f"{i}.txt", text=text, raw_text=text)


def test_shingles():
    assert len(shingles("a b c d e f")) == 2 and shingles("a b") == {b"a b"} and shingles("") == set()


def test_near_copy_links_to_earliest_original_and_different_text_does_not():
    idx = NearDuplicateIndex(Options())
    a = idx.link(mk("a", TEXT), idx.signature(TEXT))
    copy = TEXT + " reporting by coastwire"
    b = idx.link(mk("b", copy), idx.signature(copy))
    c = idx.link(mk("c", copy + " more"), idx.signature(copy + " more"))
    other = " ".join(reversed(WORDS))
    d = idx.link(mk("d", other), idx.signature(other))
    assert a.duplicate_of is None and d.duplicate_of is None
    assert b.duplicate_of == "a" and 0.8 <= b.similarity <= 1.0
    assert c.duplicate_of == "a"


def test_signatures_persist_across_runs():
    first = NearDuplicateIndex(Options())
    sig = first.signature(TEXT)
    assert isinstance(sig, bytes) and len(sig) == NUM_PERM * 4 and sig == first.signature(TEXT)
    later = NearDuplicateIndex(Options())
    later.add_existing("a", sig)
    later.add_existing("junk", b"")  # a signature of another scheme is ignored
    copy = TEXT + " via coastwire"
    assert later.link(mk("b", copy), later.signature(copy)).duplicate_of == "a"
    assert later.link(mk("a", TEXT), sig).duplicate_of is None  # never linked to itself


def test_threshold_comes_from_options():
    strict = NearDuplicateIndex(Options(dup_threshold=0.99))
    strict.link(mk("a", TEXT), strict.signature(TEXT))
    half = " ".join(WORDS[: len(WORDS) * 2 // 3]) + " entirely new words about something else happening elsewhere"
    assert strict.link(mk("b", half), strict.signature(half)).duplicate_of is None
