"""A document's spans (entities, time claims) looked up by where they start, by bisection.

An extractor that scans every entity or time expression of the document for each word it reads is
quadratic in the document's length (a long document has thousands of each); :class:`ByStart` finds
the few in a range instead, in the order a scan would meet them, so a first-found or best-so-far rule
picks the same one. :func:`tokens_where` picks the tokens an extractor reads (its verbs, say) from the
document's arrays, without making a token object of every word.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")


class ByStart(Generic[T]):
    """``items`` by their start (``start(item)``: a character or token offset)."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int]) -> None:
        self.items = list(items)
        self.order = sorted(range(len(self.items)), key=lambda k: start(self.items[k]))
        self.starts = [start(self.items[k]) for k in self.order]

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items whose start is in ``[lo, hi)``, in their order in ``items``."""
        found = self.order[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]
        return [self.items[k] for k in sorted(found)]

    def last_starting_at_or_before(self, at: int) -> T | None:
        """The item that starts last at or before ``at`` (the last of them in ``items`` on a tie)."""
        k = bisect.bisect_right(self.starts, at)
        if not k:
            return None
        same = bisect.bisect_left(self.starts, self.starts[k - 1])
        return self.items[max(self.order[same:k])]


def tokens_where(sdoc: Doc, pos: Collection[int] = (), lower: Collection[str] = ()) -> Iterator[Token]:
    """The tokens of ``sdoc`` whose part of speech is one of ``pos`` (``spacy.symbols``: ``VERB``) or whose
    lower-case form is one of ``lower``, in order."""
    import numpy as np
    from spacy.attrs import LOWER, POS

    arr = sdoc.to_array([POS, LOWER])
    picked = np.isin(arr[:, 0], np.array(list(pos), dtype=arr.dtype))
    if lower:
        picked |= np.isin(arr[:, 1], np.array([sdoc.vocab.strings.add(w) for w in lower], dtype=arr.dtype))
    for i in np.flatnonzero(picked).tolist():
        yield sdoc[i]
