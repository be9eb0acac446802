"""Grouping documents into stories (documents about the same real-world event or topic).

Each document becomes a sparse TF-IDF vector of its content words plus its canonical
entities (entities weigh ``ENTITY_WEIGHT`` times a word: sharing "Khazar Farhadov" says
more than sharing "embassy"); IDF makes rare entities and terms count most. Candidate
pairs come from an inverted index over features no more common than ``MAX_DF`` of the
corpus (or in at most ``MIN_CAP`` documents), and never in more than ``MAX_CAP`` documents
(:func:`cap`); a pair's score is the cosine over those shared features, halved when both
documents have publication dates more than ``MAX_DAYS`` apart. Pairs scoring at least
``THRESHOLD`` are joined (union-find): the connected components are the stories. A story's
id is ``stable_id("s", sorted doc ids)``; its label is its three heaviest shared features
(entity names first).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..records import Claim, Document, Entity, Story, stable_id
from ..unionfind import UnionFind

if TYPE_CHECKING:
    from ..store.scratch import Scratch

THRESHOLD = 0.2
ENTITY_WEIGHT = 2.0
MAX_DF = 0.2
MIN_CAP = 50  # small corpora: every feature may propose pairs
# Blocking bound: a feature proposes at most MAX_CAP^2/2 pairs, so the pairs (and the work) grow at most
# MAX_CAP/2 times the postings, linearly with the corpus. Corpora up to MAX_CAP/MAX_DF = 1,000 documents
# are unaffected; in larger ones, words shared by more than MAX_CAP documents stop adding to a pair's score.
MAX_CAP = 200
MAX_DAYS = 30
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOPWORDS = frozenset(
    """
about above after again against all also among and any are around because been before being below between both but
can could did does doing down during each few for from further had has have having her here hers herself him himself
his how into its itself just more most much must not now off once only other our ours out over own said same says
she should since some still such than that the their theirs them then there these they this those through too under
until very was were what when where which while who whom why will with would you your yours year years new one two
first last told say saying according also like get got make made many may might time week day today yesterday
monday tuesday wednesday thursday friday saturday sunday people news report reported reports http www com html
""".split()
)


def _terms(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def raw_features(text: str, entity_counts: Iterable[tuple[str, int]] = ()) -> Counter[str]:
    """Feature counts of one document: its content words, then its entities (in entity-list order)."""
    raw = Counter({f"w:{t}": c for t, c in _terms(text).items()})
    for eid, c in entity_counts:
        raw[f"e:{eid}"] += c
    return raw


def weigh(raw: Counter[str], df: dict[str, int], n: int) -> dict[str, float]:
    """The L2-normalised TF-IDF vector of one document's feature counts."""
    v = {
        f: (1 + math.log(c)) * math.log((1 + n) / (1 + df[f])) * (ENTITY_WEIGHT if f[0] == "e" else 1.0)
        for f, c in raw.items()
    }
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {f: x / norm for f, x in v.items() if x > 0}


def _vectors(documents: list[Document], entities: list[Entity]) -> tuple[list[dict[str, float]], dict[str, str]]:
    """One L2-normalised TF-IDF vector per document (features: "w:<term>", "e:<entity id>")."""
    position = {d.id: i for i, d in enumerate(documents)}
    names: dict[str, str] = {}
    counts: list[list[tuple[str, int]]] = [[] for _ in documents]
    for e in entities:
        names[f"e:{e.id}"] = e.name
        per_doc: Counter[int] = Counter(position[m.doc] for m in e.mentions if m.doc in position)
        for i, c in per_doc.items():
            counts[i].append((e.id, c))
    raw = [raw_features(d.text, counts[i]) for i, d in enumerate(documents)]
    df: Counter[str] = Counter(f for r in raw for f in r)
    return [weigh(r, df, len(documents)) for r in raw], names


def cap(n: int) -> int:
    """The most documents a feature may be in and still propose and score pairs, in a corpus of ``n``."""
    return min(max(MIN_CAP, int(MAX_DF * n)), MAX_CAP)


def similar_pairs(vectors: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine over shared rare features, for the pairs the inverted index proposes."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for f in v:
            index[f].append(i)
    limit = cap(len(vectors))
    scores: dict[tuple[int, int], float] = defaultdict(float)
    for f, docs in index.items():
        if len(docs) < 2 or len(docs) > limit:
            continue
        for a_pos, a in enumerate(docs):
            wa = vectors[a][f]
            for b in docs[a_pos + 1 :]:
                scores[(a, b)] += wa * vectors[b][f]
    return scores


def group(documents: list[Document], entities: list[Entity], claims: list[Claim]) -> list[Story]:
    """Stories over ``documents`` (``claims`` are not used yet: entities and words suffice)."""
    if not documents:
        return []
    documents = sorted(documents, key=lambda d: d.id)
    vectors, names = _vectors(documents, entities)
    days = [_day(d.published) for d in documents]
    groups = UnionFind(len(documents))
    for (a, b), score in sorted(similar_pairs(vectors).items()):
        day_a, day_b = days[a], days[b]
        if day_a is not None and day_b is not None and abs(day_a - day_b) > MAX_DAYS:
            score /= 2
        if score >= THRESHOLD:
            groups.union(a, b)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        members[groups.find(i)].append(i)
    stories = []
    for idx in members.values():
        docs = tuple(sorted(documents[i].id for i in idx))
        stories.append(
            Story(stable_id("s", *docs), label([vectors[i] for i in idx], names, documents[idx[0]].id), docs)
        )
    stories.sort(key=lambda s: (-len(s.docs), s.id))
    return stories


LABEL_TOP = 12  # a story's label is drawn from its LABEL_TOP heaviest shared features


def label(vectors: list[dict[str, float]], names: dict[str, str], fallback: str) -> str:
    """A story's label: its three heaviest shared features (entity names first)."""
    weight: Counter[str] = Counter()
    for v in vectors:
        weight.update(v)
    shared = [f for f, _ in weight.most_common() if len(vectors) == 1 or sum(f in v for v in vectors) > 1]
    top = sorted(shared[:LABEL_TOP], key=lambda f: (f[0] != "e", -weight[f], f))[:3]
    return ", ".join(names.get(f, f[2:]) for f in top) or fallback


DocFeatures = tuple[str, str, "str | None", list[tuple[str, int]]]  # (id, text, published, entity counts)


def group_stream(
    doc_ids: list[str], batches: Callable[[], Iterable[list[DocFeatures]]], names: dict[str, str], scratch: Scratch
) -> Iterator[Story]:
    """:func:`group` with bounded memory: the same stories, from one pass over the documents.

    ``doc_ids``: every document id, sorted; ``batches()`` yields the documents in that order,
    in batches, with their entity counts (in entity-list order); ``scratch``: a
    :class:`rashomon.store.scratch.Scratch` that holds the feature counts, weighs them (document
    frequencies, TF-IDF, L2 norm: :func:`weigh` in SQL) and finds the pairs. Only the pairs that
    join (and one story's vectors at a time, for its label) come back to Python: no
    vocabulary-sized table is held here. Stories are yielded in no particular order."""
    n = len(doc_ids)
    if not n:
        return
    i = 0
    for batch in batches():
        rows, days = [], []
        for doc_id, text, published, ents in batch:
            assert doc_id == doc_ids[i], "batches() must follow doc_ids"
            rows += [(i, pos, f, c) for pos, (f, c) in enumerate(raw_features(text, ents).items())]
            days.append((i, _day(published)))
            i += 1
        scratch.add_counts(rows, days)
    scratch.weigh(n, ENTITY_WEIGHT)
    groups = UnionFind(n)
    for a, b in scratch.story_pairs(cap(n), MAX_DAYS, THRESHOLD):
        groups.union(a, b)
    roots = [groups.find(i) for i in range(n)]
    labelled = scratch.story_vectors(roots, LABEL_TOP)
    pending = next(labelled, None)
    by_root: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(roots):
        by_root[r].append(i)
    for r in sorted(by_root):
        idx = by_root[r]
        vecs: dict[int, dict[str, float]] = {}
        if pending is not None and pending[0] == r:
            vecs = dict(pending[1])
            pending = next(labelled, None)
        docs = tuple(doc_ids[i] for i in idx)
        yield Story(stable_id("s", *docs), label([vecs.get(i, {}) for i in idx], names, doc_ids[idx[0]]), docs)
