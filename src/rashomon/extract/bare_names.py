"""Bare names, resolved per document after every merge rule of :mod:`rashomon.extract.linking`: a
surname alone ("Marren") or a first name alone, to the full name it stands for in that document (the
only candidate, the one the document or the corpus names far more often, or the one the document's
other entities point to)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..unionfind import UnionFind
from .names import Node

if TYPE_CHECKING:
    from .linking import Linking

# share of a non-PERSON bare name's documents naming a candidate; a7e0067, origin not recorded
BARE_NAME_MIN_SHARED = 0.5
# mentions a candidate needs for context to pick it; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
CONTEXT_MIN_MENTIONS = 2


@dataclass
class BareNames:
    """What bare-name resolution reads, taken once every merge rule before it has run."""

    persons: list[int]  # full person names, headline run-ons left out ("Colts QB Andrew Luck" names no "Colts")
    by_surname: dict[str, set[int]]  # surname -> clusters of full names with it
    strength: Counter[int]  # cluster -> its mentions
    root_docs: _RootDocs
    context: _Context

    @classmethod
    def start(cls, s: Linking, runons: set[int]) -> BareNames:
        persons = [i for i in s.persons if i not in runons]
        by_surname: dict[str, set[int]] = defaultdict(set)
        for i in persons:
            by_surname[s.surname[i]].add(s.uf.find(i))
        members: dict[int, list[int]] = defaultdict(list)
        strength: Counter[int] = Counter()
        for i, n in enumerate(s.nodes):
            members[s.uf.find(i)].append(i)
            strength[s.uf.find(i)] += n.count
        root_docs = _RootDocs(s.nodes, members)
        return cls(persons, by_surname, strength, root_docs, _Context(s.nodes, s.uf, root_docs))


def resolve_bare_surnames(s: Linking, bare: BareNames) -> dict[tuple[int, str], int]:
    """Bare surnames: the only person of that name; else per document, the only one mentioned there, or the
    one mentioned there far more than the others, or (mentioned nowhere in the document) the one whose
    documents share its other entities; else their own entity. {(bare surname, document): cluster}."""
    nodes, gaz, uf, fam = s.nodes, s.gaz, s.uf, s.fam
    by_surname, root_docs, strength = bare.by_surname, bare.root_docs, bare.strength
    overrides: dict[tuple[int, str], int] = {}
    for i, t in enumerate(s.toks):
        if (
            len(t) != 1
            or t[0] not in by_surname
            or gaz.country(nodes[i].name)
            or uf.find(i) in by_surname[t[0]]
            or (gaz.is_place(nodes[i].name) and _place_labels(nodes[i]) >= nodes[i].labels["PERSON"])
        ):
            continue  # a gazetteer place name is a surname only when the tagger mostly said so ("Quintero")
        cands = sorted(by_surname[t[0]])
        shared = sum(1 for d in nodes[i].docs if any(d in root_docs[c] for c in cands))
        if fam[i] != "person" and shared < BARE_NAME_MIN_SHARED * len(nodes[i].docs):
            continue
        if len(cands) == 1:
            uf.union(i, cands[0])
            continue
        for d in sorted(nodes[i].docs):
            pick = _in_document(cands, root_docs, d, strength)
            if pick is None and fam[i] == "person" and not any(d in root_docs[c] for c in cands):
                strong = [c for c in cands if strength[c] >= CONTEXT_MIN_MENTIONS] or cands
                pick = bare.context.best(strong, d, {uf.find(i)}, strength)
            if pick is not None:
                overrides[(i, d)] = pick
    return overrides


def resolve_bare_first_names(s: Linking, bare: BareNames) -> dict[tuple[int, str], int]:
    """Bare first names ("Lindsay"): per document, the only person of that first name mentioned there (or
    the one mentioned there far more than the others). {(bare first name, document): cluster}."""
    nodes, uf, fam, toks = s.nodes, s.uf, s.fam, s.toks
    root_docs = bare.root_docs
    by_first: dict[str, set[int]] = defaultdict(set)
    for i in bare.persons:
        by_first[toks[i][0]].add(uf.find(i))
    overrides: dict[tuple[int, str], int] = {}
    for i, t in enumerate(toks):
        if (
            len(t) != 1
            or t[0] in bare.by_surname
            or t[0] not in by_first
            or s.gaz.is_place(nodes[i].name)
            or uf.find(i) in by_first[t[0]]
        ):
            continue
        cands = sorted({uf.find(c) for c in by_first[t[0]]})
        shared = sum(1 for d in nodes[i].docs if any(d in root_docs[c] for c in cands))
        if fam[i] != "person" and shared < BARE_NAME_MIN_SHARED * len(nodes[i].docs):
            continue
        for d in sorted(nodes[i].docs):
            pick = _in_document(cands, root_docs, d, bare.strength)
            if pick is not None:
                overrides[(i, d)] = pick
    return overrides


def _place_labels(node: Node) -> int:
    return sum(node.labels[lab] for lab in ("GPE", "LOC", "FAC"))


def _in_document(cands: list[int], root_docs: dict[int, Counter], doc: str, strength: Counter) -> int | None:
    """The candidate mentioned in ``doc``: the only one, or one mentioned there at least twice as often as
    every other (and more than once), or one with three times the mentions of every other in the corpus
    (the story's subject, not the relative named once: "Tyler Hansbrough" / his father "Gene Hansbrough")."""
    here = sorted(((root_docs[c][doc], c) for c in cands if doc in root_docs[c]), reverse=True)
    if len(here) == 1 or (len(here) > 1 and here[0][0] >= 2 and here[0][0] >= 2 * here[1][0]):
        return here[0][1]
    by_size = sorted(((strength[c], c) for _, c in here), reverse=True)
    if len(by_size) > 1 and by_size[0][0] >= 3 * by_size[1][0]:
        return by_size[0][1]
    return None


class _RootDocs(dict):
    """Documents -> mentions of each cluster (by its root when bare names are resolved), merged from its
    nodes on first use: only the candidates of bare names are ever asked for, so the corpus-wide map is
    never built (it would hold one entry per form per document)."""

    def __init__(self, nodes: list[Node], members: dict[int, list[int]]) -> None:
        super().__init__()
        self.nodes, self.members = nodes, members

    def __missing__(self, root: int) -> Counter:
        group = self.members.get(root, ())
        if len(group) == 1:
            docs = self.nodes[group[0]].docs  # read only: shared, not copied
        else:
            docs = Counter()
            for i in group:
                docs.update(self.nodes[i].docs)
        self[root] = docs
        return docs

    def get(self, root: int, default: Any = None) -> Any:
        return self[root] if root in self.members else super().get(root, default)


class _Context:
    """Which candidate a document's other entities point to: each candidate's documents give a profile of
    co-mentioned clusters; a document scores the IDF-weighted clusters it shares with each profile."""

    def __init__(self, nodes: list[Node], uf: UnionFind, root_docs: dict[int, Counter]) -> None:
        self.uf, self.nodes = uf, nodes
        self.root_docs = root_docs
        self._doc_roots: dict[str, set[int]] | None = None  # built on first use (one entry per form per document)
        self._profiles: dict[int, set[int]] = {}
        self._idf_cache: dict[int, float] | None = None

    @property
    def doc_roots(self) -> dict[str, set[int]]:
        if self._doc_roots is None:
            self._doc_roots = defaultdict(set)
            for i, n in enumerate(self.nodes):
                if n.count:
                    for d in n.docs:
                        self._doc_roots[d].add(i)
        return self._doc_roots

    def _roots(self, doc: str) -> set[int]:
        return {self.uf.find(i) for i in self.doc_roots.get(doc, ())}

    def _idf(self) -> dict[int, float]:
        if self._idf_cache is None:
            df: Counter[int] = Counter()
            for d in self.doc_roots:
                df.update(self._roots(d))
            n = max(len(self.doc_roots), 1)
            self._idf_cache = {r: math.log(n / c) for r, c in df.items()}
        return self._idf_cache

    def _profile(self, root: int) -> set[int]:
        if root not in self._profiles:
            docs = self.root_docs.get(root, ())
            self._profiles[root] = set().union(*(self._roots(d) for d in docs)) if docs else set()
        return self._profiles[root]

    def best(self, cands: list[int], doc: str, exclude: set[int], strength: Counter) -> int | None:
        """The candidate the document's context points to: clearly (1.5 times the next score), or less
        clearly (1.1 times) when it is also the corpus's far more mentioned one (3 times the next)."""
        idf = self._idf()
        here = self._roots(doc) - exclude - set(cands)
        scores = sorted(((sum(idf.get(r, 0.0) for r in here & self._profile(c)), c) for c in cands), reverse=True)
        if not scores or scores[0][0] < 2.0:
            return None
        top = scores[0][1]
        if len(scores) == 1 or scores[0][0] >= 1.5 * scores[1][0]:
            return top
        sizes = sorted((strength[c] for c in cands if c != top), reverse=True)
        if scores[0][0] >= 1.1 * scores[1][0] and strength[top] >= 3 * sizes[0]:
            return top
        return None
