"""Entity evaluation on ECB+: mention detection and cross-document coreference (B-cubed).

``rashomon eval entities --data ../shared/data/ecbplus``. Each ECB+ document is
detokenised (``evaluate.ecbplus``), parsed by spaCy and run through
``extract.entities.mentions``; ``canonicalize`` runs over each TOPIC (one story's corpus, as
the product is used), because ECB+ gives the same real-world thing different instance ids
in different topics; ``whole_corpus`` also reports it run once over all topics together
(real-world merges across topics then count as errors against this gold).

Gold: ECB+ mentions of human participants and locations (``HUMAN_PART_*``, ``LOC_*``);
their clusters are the ``CROSS_DOC_COREF`` instance ids (intra-document chains and
singletons otherwise).

- Mention P/R/F1 use span OVERLAP (a predicted mention is right when it overlaps a gold
  mention; a gold mention is found when some prediction overlaps it), because ECB+ spans
  carry extras the NER never includes ("near Houston", "the Promises Treatment Center in
  Malibu"). Gold includes pronouns and common nouns ("he", "the actress") that a named-
  entity tagger does not aim at, so recall is also reported over NAMED gold mentions
  (with a capitalised word that is not a determiner or pronoun).
- B-cubed is computed over matched mentions: predictions and gold paired one-to-one by
  the largest character overlap; each pair carries (predicted entity, gold instance).
- ``baseline`` scores the same mentions clustered by exact (topic, text, label), to show
  what the canonicalisation adds.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Hashable

from ..extract import entities as entities_mod
from ..nlp import load
from ..options import Options
from ..records import Document, Entity, Mention
from .ecbplus import EcbDocument, GoldMention, read_corpus

GOLD_PREFIXES = ("HUMAN_PART", "LOC_")
_NOT_NAMES = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "he", "she", "they",
              "it", "we", "i", "you", "him", "them", "who", "our", "my", "one", "another", "some", "all", "both"}


def parse_corpus(docs: list[EcbDocument], options: Options) -> tuple[list[Document], list[Mention]]:
    """Documents as the pipeline sees them, and every mention our extractor finds in them."""
    nlp = load(options.model)
    documents = [Document(id=d.id, source=d.id, text=d.text, raw_text=d.text, url=d.url) for d in docs]
    found: list[Mention] = []
    for sdoc, document in zip(nlp.pipe((d.text for d in documents), batch_size=options.batch_size), documents):
        found += entities_mod.mentions(sdoc, document)
    return documents, found


def is_named(text: str) -> bool:
    return any(t[:1].isupper() for t in text.split() if t.lower() not in _NOT_NAMES)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def bcubed(pred: list[Hashable], gold: list[Hashable]) -> dict[str, float]:
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


def score(docs: list[EcbDocument], found: list[Mention], entities: list[Entity],
          whole: list[Entity] | None = None) -> dict[str, Any]:
    gold = [g for d in docs for g in d.mentions if g.type.startswith(GOLD_PREFIXES)]
    text = {d.id: d.text for d in docs}
    gold_by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    hit_pred = sum(1 for m in found if any(_overlap((m.start, m.end), (g.start, g.end)) for g in gold_by_doc[m.doc]))
    found_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        found_by_doc[m.doc].append(m)
    hit = {g.id for g in gold if any(_overlap((m.start, m.end), (g.start, g.end)) for m in found_by_doc[g.doc])}
    named = [g for g in gold if is_named(text[g.doc][g.start:g.end])]
    entity_of = {(m.doc, m.start, m.end, m.label): e.id for e in entities for m in e.mentions}
    whole_of = {(m.doc, m.start, m.end, m.label): e.id for e in whole or entities for m in e.mentions}
    pairs = match(found, gold)
    keys = [(m.doc, m.start, m.end, m.label) for m, _ in pairs]
    gold_ids = [g.cluster for _, g in pairs]
    return {
        "documents": len(docs),
        "gold_mentions": len(gold),
        "predicted_mentions": len(found),
        "entities": len(entities),
        "mentions": prf(hit_pred, len(found), len(hit), len(gold)),
        "named_mention_recall": round(sum(1 for g in named if g.id in hit) / len(named), 4) if named else 0.0,
        "matched_mentions": len(pairs),
        "bcubed": bcubed([entity_of[k] for k in keys], gold_ids),
        "whole_corpus": {"bcubed": bcubed([whole_of[k] for k in keys], gold_ids)},
        "baseline": {"bcubed": bcubed([(m.doc.split("_")[0], m.text, m.label) for m, _ in pairs], gold_ids)},
    }


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score mentions and cross-document entities on ECB+ (``limit``: the first N topics only)."""
    docs = read_corpus(data, limit=limit)
    _, found = parse_corpus(docs, options)
    by_topic: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        by_topic[m.doc.split("_", 1)[0]].append(m)
    per_topic = [e for topic in sorted(by_topic) for e in entities_mod.canonicalize(by_topic[topic])]
    return score(docs, found, per_topic, entities_mod.canonicalize(found))
