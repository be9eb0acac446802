"""Score the prose statement linker (:mod:`rashomon.crosscheck.statements`) on ECB+ event coreference.

``rashomon eval statements --data ../shared/data/ecbplus``. ECB+ annotates, in a few
sentences of each article, event mentions (``ACTION_*``, ``NEG_ACTION_*``) and which of
them, across the articles of one topic, are the same real-world event (``CROSS_DOC_COREF``
instance ids). That is the question the statement linker answers for a fact-checker: do
these two sentences of different outlets report the same thing?

Setup (no gold label reaches the system):

* every ECB+ document is its own outlet; every topic is one story (both of its sub-events,
  e.g. two different earthquakes, so the hard negatives are there);
* documents are parsed and run through the real extractors (``extract.extract_doc``),
  entities canonicalised once over the whole corpus, IDF weights counted over every
  sentence of every document (the corpus being analysed), then ``statements.link`` runs
  story by story with the pipeline's defaults (``CORPUS_SCORE``, ``MAX_PER_STORY``);
* gold units: the *annotated* sentences (ECB+ lines holding at least one gold mention);
  a gold positive is a pair of annotated sentences of different documents of one topic
  that both hold an action mention of the same cross-document event instance; every other
  cross-document pair of annotated sentences of the topic is a negative;
* predicted: every cross-document sentence pair inside one statement finding (a finding
  of three sentences predicts three pairs). Links touching a sentence ECB+ did not
  annotate are not scored (nothing is known of them): ``unscored_links`` counts them.

Reported: pair ``precision``/``recall``/``f1``, ``linked`` (scored predicted pairs),
``positives``, ``findings``; for ``all`` topics, ``dev`` (odd topic numbers: the half the
linker's threshold and rules were chosen on) and ``heldout`` (even topic numbers, not
looked at to choose them). ``lexical`` is a reference (content-word Jaccard >= 0.5 over the
same annotated pairs, fixed in advance, not tuned): what plain word overlap gets.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..crosscheck import statements as linker
from ..extract import entities as entities_mod, extract_doc
from ..nlp import load
from ..options import Options
from ..records import Claim, Document, Entity, Mention
from .ecbplus import EcbDocument, read_corpus

ACTION_PREFIXES = ("ACTION_", "NEG_ACTION_")
LEXICAL_THRESHOLD = 0.5
_WORD = re.compile(r"[a-z][a-z'-]{2,}")


@dataclass
class Prepared:
    """ECB+ documents run through the extractors once (scored any number of times)."""

    ecb: list[EcbDocument]
    documents: list[Document]
    claims: list[Claim]
    entities: list[Entity]
    weights: linker.Weights


def prepare(data: Path, options: Options, limit: int | None = None, only_topics: list[str] | None = None) -> Prepared:
    ecb = read_corpus(Path(data), only_topics=only_topics, limit=limit)
    documents = [Document(id=d.id, source=d.id, text=d.text, raw_text=d.text, url=d.url, outlet=d.id) for d in ecb]
    nlp = load(options.model)
    claims: list[Claim] = []
    mentions: list[Mention] = []
    for sdoc, doc in zip(nlp.pipe((d.text for d in documents), batch_size=options.batch_size), documents):
        ex = extract_doc(sdoc, doc, options)
        claims += ex.claims
        mentions += ex.mentions
    entities = entities_mod.canonicalize(mentions)
    return Prepared(ecb, documents, claims, entities, linker.Weights.of(documents, entities))


def _lines(text: str) -> list[int]:
    """Start offsets of the ECB+ sentences (the reader puts one per line)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def gold(ecb: list[EcbDocument]) -> tuple[dict[str, list[tuple[str, int]]], set[frozenset[tuple[str, int]]]]:
    """Annotated sentences ((doc, line)) per topic, and the gold positive pairs among them."""
    units: dict[str, list[tuple[str, int]]] = defaultdict(list)
    events: dict[tuple[str, int], set[str]] = defaultdict(set)
    for d in ecb:
        starts = _lines(d.text)
        annotated: set[int] = set()
        for g in d.mentions:
            if g.type.startswith(ACTION_PREFIXES) and ":" not in g.cluster:
                line = bisect.bisect_right(starts, g.start) - 1  # a corpus-wide instance id, not a per-document chain
                annotated.add(line)
                events[(d.id, line)].add(g.cluster)
        units[d.topic] += [(d.id, k) for k in sorted(annotated)]
    positives: set[frozenset[tuple[str, int]]] = set()
    for topic_units in units.values():
        by_event: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for u in topic_units:
            for ev in events.get(u, ()):
                by_event[ev].append(u)
        for us in by_event.values():
            for i, a in enumerate(us):
                for b in us[i + 1 :]:
                    if a[0] != b[0]:
                        positives.add(frozenset((a, b)))
    return dict(units), positives


def predicted(prep: Prepared, **link_args: Any) -> tuple[dict[str, set[frozenset[tuple[str, int]]]], int]:
    """Cross-document (doc, line) pairs inside one statement finding, per topic; and the finding count."""
    by_topic_docs: dict[str, list[Document]] = defaultdict(list)
    topic = {d.id: d.topic for d in prep.ecb}
    for d in prep.documents:
        by_topic_docs[topic[d.id]].append(d)
    claims_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in prep.claims:
        claims_by_doc[c.doc].append(c)
    starts = {d.id: _lines(d.text) for d in prep.documents}
    out: dict[str, set[frozenset[tuple[str, int]]]] = defaultdict(set)
    n = 0
    for t, docs in by_topic_docs.items():
        ids = {d.id for d in docs}
        claims = [c for d in docs for c in claims_by_doc[d.id]]
        ents = [e for e in prep.entities if any(m.doc in ids for m in e.mentions)]
        findings = linker.link(claims, docs, ents, story_of={d: t for d in ids}, weights=prep.weights, **link_args)
        n += len(findings)
        doc_of = {c.id: (c.doc, c.start) for c in claims}
        for f in findings:
            units = {(doc, bisect.bisect_right(starts[doc], s) - 1) for doc, s in (doc_of[c] for c in f.claims)}
            for a in units:
                for b in units:
                    if a < b and a[0] != b[0]:
                        out[t].add(frozenset((a, b)))
    return dict(out), n


def _prf(pred: set, positives: set, scored: set) -> dict[str, float]:
    linked = pred & scored
    tp = len(linked & positives)
    p = tp / len(linked) if linked else 0.0
    r = tp / len(positives) if positives else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "linked": len(linked),
        "positives": len(positives),
    }


def is_dev(topic: str) -> bool:
    """The half the linker's threshold and rules were chosen on (odd ECB+ topic numbers)."""
    return topic.isdigit() and int(topic) % 2 == 1


def score(prep: Prepared, **link_args: Any) -> dict[str, Any]:
    """P/R/F1 of the linker (and of the lexical reference) on all, dev and held-out topics."""
    units, positives = gold(prep.ecb)
    pred, n_findings = predicted(prep, **link_args)
    texts = {d.id: d.text.split("\n") for d in prep.ecb}
    words = {u: _content(texts[u[0]][u[1]]) for us in units.values() for u in us}
    result: dict[str, Any] = {"documents": len(prep.ecb), "topics": len(units), "findings": n_findings}
    lexical: dict[str, Any] = {}
    for name, keep in (("all", lambda t: True), ("dev", is_dev), ("heldout", lambda t: not is_dev(t))):
        scored: set[frozenset[tuple[str, int]]] = set()
        lex: set[frozenset[tuple[str, int]]] = set()
        for t, us in units.items():
            if not keep(t):
                continue
            for i, a in enumerate(us):
                for b in us[i + 1 :]:
                    if a[0] != b[0]:
                        pair = frozenset((a, b))
                        scored.add(pair)
                        wa, wb = words[a], words[b]
                        if wa and wb and len(wa & wb) / len(wa | wb) >= LEXICAL_THRESHOLD:
                            lex.add(pair)
        pos = positives & scored
        ours = {p for t, ps in pred.items() if keep(t) for p in ps}
        result[name] = {**_prf(ours, pos, scored), "unscored_links": len(ours - scored), "pairs": len(scored)}
        lexical[name] = _prf(lex, pos, scored)
    result["lexical"] = lexical
    return result


def _content(s: str) -> set[str]:
    return {linker.stem(w) for w in _WORD.findall(s.lower()) if w not in linker.STOP}


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """``limit``: the first N topics only (a deterministic subset for quick runs)."""
    return score(prepare(Path(data), options, limit=limit))
