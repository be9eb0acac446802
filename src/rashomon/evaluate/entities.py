"""Entity evaluation on ECB+: mention detection and cross-document coreference (B-cubed).

``rashomon eval entities --data ../shared/data/ecbplus``. Each ECB+ document is
detokenised (``evaluate.ecbplus``), parsed by spaCy and run through
``extract.entities.mentions``; ``canonicalize`` then runs ONCE over the whole corpus, as
the pipeline runs it (``pipeline`` canonicalises every stored mention together; no gold
label partitions the input).

Gold: ECB+ mentions of human participants and locations (``HUMAN_PART_*``, ``LOC_*``);
their clusters are the ``CROSS_DOC_COREF`` instance ids, or an ``INTRA_DOC_COREF`` chain.

- Mention P/R/F1 use span OVERLAP (a predicted mention is right when it overlaps a gold
  mention; a gold mention is found when some prediction overlaps it), because ECB+ spans
  carry extras the NER never includes ("near Houston", "the Promises Treatment Center in
  Malibu"). Gold includes pronouns and common nouns ("he", "the actress") that a named-
  entity tagger does not aim at, so recall is also reported over NAMED gold mentions
  (with a capitalised word that is not a determiner or pronoun). All gold mentions count here.
- B-cubed is computed over MATCHED mentions: predictions and gold paired one-to-one by the
  largest character overlap (document by document); each pair carries (predicted entity,
  gold cluster). Unmatched gold (pronouns, common nouns we never link, NER misses) and
  unmatched predictions are outside B-cubed; mention recall above measures them.
- ``bcubed`` (the headline) scores the pairs whose gold mention is LINKED: ECB+ leaves
  ~29% of its markables with no coreference annotation at all ("Ray Kelly" unlinked in one
  document, the same "Ray Kelly" an instance in the next); it made no claim about them, so
  they are left out. ``bcubed_all_gold`` keeps them, each as its own singleton (the
  definition before this change; a correct merge of two unlinked "Ray Kelly"s is an error).
- Both are scored WITHIN topics: ECB+ instance ids are annotated topic by topic (4 of ~500
  span two topics; "Los Angeles" in two topics has two ids), so a mention's predicted
  cluster is restricted to its own topic (the label is (topic, entity)). This restricts the
  scoring only; the canonicalisation still sees, and may merge across, the whole corpus.
- ``per_topic_input``: the same scores with ``canonicalize`` run topic by topic (the
  previous setup, which fed gold topics to the linker). ``baseline``: mentions clustered by
  exact (text, label), to show what the canonicalisation adds.

Old headline (per-topic input, all gold): ``per_topic_input.bcubed_all_gold``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

from ..extract import entities as entities_mod
from ..nlp import load
from ..options import Options
from ..records import Document, Entity, Mention
from .ecbplus import EcbDocument, GoldMention, read_corpus

GOLD_PREFIXES = ("HUMAN_PART", "LOC_")
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "them",
    "who",
    "our",
    "my",
    "one",
    "another",
    "some",
    "all",
    "both",
}


def parse_corpus(docs: list[EcbDocument], options: Options) -> tuple[list[Document], list[Mention]]:
    """Documents as the pipeline sees them, and every mention our extractor finds in them."""
    nlp = load(options.model)
    documents = [Document(id=d.id, source=d.id, text=d.text, raw_text=d.text, url=d.url) for d in docs]
    found: list[Mention] = []
    for sdoc, document in zip(nlp.pipe((d.text for d in documents), batch_size=options.batch_size), documents):
        found += entities_mod.mentions(sdoc, document)
    return documents, found


def linked(g: GoldMention) -> bool:
    """Whether ECB+ annotated this mention's coreference (an instance, or an intra-document chain)."""
    return g.cluster != g.id


def is_named(text: str) -> bool:
    return any(t[:1].isupper() for t in text.split() if t.lower() not in _NOT_NAMES)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of one clustering (``pred[i]``, ``gold[i]`` label item i)."""
    n = len(pred)
    if not n:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    by_pred: dict[Hashable, list[int]] = defaultdict(list)
    by_gold: dict[Hashable, list[int]] = defaultdict(list)
    both: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for i in range(n):
        by_pred[pred[i]].append(i)
        by_gold[gold[i]].append(i)
        both[(pred[i], gold[i])] += 1
    p = sum(both[(pred[i], gold[i])] / len(by_pred[pred[i]]) for i in range(n)) / n
    r = sum(both[(pred[i], gold[i])] / len(by_gold[gold[i]]) for i in range(n)) / n
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def match(found: list[Mention], gold: list[GoldMention]) -> list[tuple[Mention, GoldMention]]:
    """One-to-one pairs by largest character overlap, document by document."""
    gold_by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    candidates = []
    for m in found:
        for g in gold_by_doc.get(m.doc, ()):
            ov = _overlap((m.start, m.end), (g.start, g.end))
            if ov:
                candidates.append((-ov, m.doc, m.start, m.end, g.start, g.end, m, g))
    candidates.sort(key=lambda c: c[:6])
    used_m: set[tuple[str, int, int, str]] = set()
    used_g: set[str] = set()
    pairs = []
    for *_, m, g in candidates:
        key = (m.doc, m.start, m.end, m.label)
        if key in used_m or g.id in used_g:
            continue
        used_m.add(key)
        used_g.add(g.id)
        pairs.append((m, g))
    return pairs


def score(
    docs: list[EcbDocument], found: list[Mention], entities: list[Entity], per_topic: list[Entity] | None = None
) -> dict[str, Any]:
    """Mention P/R and B-cubed of ``entities`` (one canonicalisation of the whole corpus); ``per_topic``
    (the same run topic by topic) is scored alongside, for comparison with older reports."""
    gold = [g for d in docs for g in d.mentions if g.type.startswith(GOLD_PREFIXES)]
    text = {d.id: d.text for d in docs}
    topic = {d.id: d.topic for d in docs}
    gold_by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    hit_pred = sum(1 for m in found if any(_overlap((m.start, m.end), (g.start, g.end)) for g in gold_by_doc[m.doc]))
    found_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        found_by_doc[m.doc].append(m)
    hit = {g.id for g in gold if any(_overlap((m.start, m.end), (g.start, g.end)) for m in found_by_doc[g.doc])}
    named = [g for g in gold if is_named(text[g.doc][g.start : g.end])]
    pairs = match(found, gold)

    def clustered(ents: list[Entity], only_linked: bool) -> dict[str, float]:
        entity_of = {(m.doc, m.start, m.end, m.label): e.id for e in ents for m in e.mentions}
        kept = [(m, g) for m, g in pairs if linked(g) or not only_linked]
        return bcubed(
            [(topic[m.doc], entity_of[(m.doc, m.start, m.end, m.label)]) for m, _ in kept],
            [(topic[g.doc], g.cluster) for _, g in kept],
        )

    exact = [Entity(f"{label}:{t}", t, label, (t,), tuple(ms)) for (t, label), ms in _by_text(found).items()]
    result = {
        "documents": len(docs),
        "gold_mentions": len(gold),
        "linked_gold_mentions": sum(1 for g in gold if linked(g)),
        "predicted_mentions": len(found),
        "entities": len(entities),
        "mentions": prf(hit_pred, len(found), len(hit), len(gold)),
        "named_mention_recall": round(sum(1 for g in named if g.id in hit) / len(named), 4) if named else 0.0,
        "matched_mentions": len(pairs),
        "matched_linked_mentions": sum(1 for _, g in pairs if linked(g)),
        "bcubed": clustered(entities, True),
        "bcubed_all_gold": clustered(entities, False),
        "baseline": {"bcubed": clustered(exact, True), "bcubed_all_gold": clustered(exact, False)},
    }
    if per_topic is not None:
        result["per_topic_input"] = {
            "bcubed": clustered(per_topic, True),
            "bcubed_all_gold": clustered(per_topic, False),
        }
    return result


def _by_text(found: list[Mention]) -> dict[tuple[str, str], list[Mention]]:
    out: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in found:
        out[(m.text, m.label)].append(m)
    return out


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score mentions and cross-document entities on ECB+ (``limit``: the first N topics only)."""
    docs = read_corpus(data, limit=limit)
    _, found = parse_corpus(docs, options)
    return score_mentions(docs, found)


def score_mentions(docs: list[EcbDocument], found: list[Mention]) -> dict[str, Any]:
    """Canonicalise ``found`` once over the whole corpus (as the pipeline does) and per topic, and score."""
    topic = {d.id: d.topic for d in docs}
    by_topic: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_topic[topic[m.doc]].append(m)
    per_topic = [e for t in sorted(by_topic) for e in entities_mod.canonicalize(by_topic[t])]
    return score(docs, found, entities_mod.canonicalize(found), per_topic)
