"""Story grouping evaluation on ECB+: the documents of one topic should form one story.

``rashomon eval stories --data ../shared/data/ecbplus``. Every document of the chosen
topics is parsed, its entity mentions extracted and canonicalised over the whole corpus,
then ``crosscheck.stories.group`` clusters the documents. Scored against the topic
(``topic``) and, for information, against ECB+'s two events per topic (``subtopic``:
the ``ecb`` and ``ecbplus`` halves describe two similar but different events) with
B-cubed P/R/F1 and the adjusted Rand index (implemented here; no extra dependency).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from math import comb
from pathlib import Path
from typing import Any

from ..crosscheck import stories as stories_mod
from ..extract import entities as entities_mod
from ..options import Options
from .ecbplus import read_corpus
from .entities import bcubed, parse_corpus


def adjusted_rand(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) of two labelings of the same items."""
    n = len(pred)
    if n < 2:
        return 1.0
    pairs = sum(comb(c, 2) for c in Counter(zip(pred, gold)).values())
    a = sum(comb(c, 2) for c in Counter(pred).values())
    b = sum(comb(c, 2) for c in Counter(gold).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else round((pairs - expected) / (top - expected), 4)


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score story grouping on ECB+ (``limit``: the first N topics only)."""
    docs = read_corpus(data, limit=limit)
    documents, found = parse_corpus(docs, options)
    entities = entities_mod.canonicalize(found)
    story_of = {doc: s.id for s in stories_mod.group(documents, entities, []) for doc in s.docs}
    pred = [story_of[d.id] for d in docs]
    result: dict[str, Any] = {"documents": len(docs), "topics": len({d.topic for d in docs}), "stories": len(set(pred))}
    for level in ("topic", "subtopic"):
        gold = [getattr(d, level) for d in docs]
        result[level] = {"bcubed": bcubed(pred, gold), "ari": adjusted_rand(pred, gold)}
    return result
