"""Which reports are of one incident: a small learned model over pairs of documents.

Candidates (blocking keeps it near-linear): two documents meet when they share a *rare* name, a
capitalised word or a street number that at most ``DF_MAX`` documents of the corpus use (a victim,
a suspect, a street, a venue, "7200 block"), or when they are about the same city within
``SAME_DAYS`` days and that city has at most ``CROWDED`` such reports (a quiet town's one shooting
of the night needs no shared name).

Document frequencies are counted over the pile plus the training corpus's (shipped as hashed token
counts): in a pile of five articles "Police" and "Monday" are as common as in a large one, and a
victim's name as rare.

Each candidate pair is scored by a logistic model over what generalises (:data:`FEATURES`): how
much rare vocabulary the two share (an idf-weighted cosine over their names and numbers), how many
days apart their events are (or that one gives no day: the model is also trained on every pair
with its days taken away, as piles without publication dates are common), whether their places
(a county, named where no town is, may hold the other's town), regions or event types are known to
differ, whether they name one person (and how far apart),
whether either is a follow-up (an arrest, a trial: its own day is not its incident's), whether they give
one toll (killed and injured). Pairs at or above the model's threshold are joined (union-find), strongest
first, except where a join would put together two documents the model is sure are of two incidents (``APART``:
a report that gives no day otherwise chains the reports of two events years apart that it both resembles).

The model (``rashomon/models/incidents/links.json``) is learned by ``scripts/train_incidents.py``
from the Gun Violence Archive development split (``../shared/data/gva/dev``): pairs of candidate
documents, labelled by whether GVA's coders tied them to one incident; the threshold is chosen by
two-fold cross-fitting over incidents (each half's documents grouped in the whole pile, as dense as a
real one). The file records the cross-fitted scores.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..extract.numbers import word_value
from ..extract.timerules import parse_anchor
from ..unionfind import UnionFind
from .incident_place import county
from .incident_tally import number

if TYPE_CHECKING:
    from .incidents import Facts

DF_MAX = 10  # a name or number in at most this many documents is rare enough to propose a pair
RARE_DF = 5  # ... and in at most this many, rare enough to be counted as a shared specific name
SAME_DAYS = 1  # reports of one city this many days apart are candidates without a shared name ...
CROWDED = 3  # ... unless the city has more reports than this in those days
SAME_TOLL = 6  # ... or they give one toll, and at most this many reports of the city do in those days
PLACELESS_COSINE = 0.2  # a report naming no state meets the reports within SAME_DAYS this similar to it ...
PLACELESS_SHARED = 30  # ... sharing a name or number with it that at most this many of those days' reports use
APART = 0.01  # a pair scored under this reports two incidents: no join may put its documents together
MAX_TOKENS = 400  # names and numbers kept per document (its first ones: the lead says what happened)
FEATURES = (
    "bias",
    "cosine",  # idf-weighted cosine of the two documents' names and numbers
    "log_rare_shared",  # log(1 + names both use that at most RARE_DF documents use)
    "log_idf_shared",  # log(1 + the summed idf of the names both use)
    "log_day_gap",  # log(1 + days between the two event days)
    "same_day",  # event days at most one day apart
    "same_place",
    "place_differs",  # both name a city, and neither names the other's
    "region_differs",
    "type_differs",
    "same_person",  # both name one person (an entity of the corpus)
    "person_gap",  # same_person x log_day_gap: a victim's name holds across the weeks to a trial
    "follow_up",  # either report is a follow-up (an arrest, a charge, a trial, a funeral: FOLLOW_UP)
    "follow_up_gap",  # follow_up x log_day_gap: a follow-up's own day is not its incident's
    "day_unknown",  # one of the two gives no day (no publication date): the day features above are 0
    "same_toll",  # both give killed and injured figures, the same ones, someone harmed (toll)
)
# a report about what came after the incident, in its title or first lines
FOLLOW_UP = re.compile(
    r"(?i)\b(?:arrest\w*|charg\w*|sentenc\w*|plead\w*|guilty|trial|court|jury|indict\w*|arraign\w*|funeral|vigil"
    r"|lawsuit|judge|convicted|hearing|bond)\b"
)
FOLLOW_UP_LEAD = 300  # characters of the text read for it, after the title
_TOKEN = re.compile(r"\b[A-Z][a-zA-Z'’-]+|\b\d{3,5}\b")
_AGE = re.compile(r"\b(\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b", re.I)  # "3-year-old", "three-year-old"


def follow_up(title: str | None, text: str) -> bool:
    """Whether a report is about what came after its incident (:data:`FOLLOW_UP`)."""
    return bool(FOLLOW_UP.search(f"{title or ''}\n{text[:FOLLOW_UP_LEAD]}"))


def tokens(text: str, place: str | None = None) -> tuple[int, ...]:
    """The document's names and numbers (capitalised words, 3-5 digit numbers), hashed, sorted, unique; and
    each age it gives as its town's ("a 10-year-old" in Minneapolis is as telling as a name there; "a ten-year-old"
    is the same token)."""
    seen: dict[int, None] = {}
    for m in _TOKEN.finditer(text):
        seen.setdefault(zlib.crc32(m.group().encode()), None)
        if len(seen) >= MAX_TOKENS:
            break
    if place:
        for m in _AGE.finditer(text):
            if (age := word_value(m[1].split("-"))) is not None and age < 120:
                seen.setdefault(zlib.crc32(f"{place.casefold()}|age {int(age)}".encode()), None)
    return tuple(sorted(seen))


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    threshold: float
    background_docs: int = 0  # documents of the training corpus
    background_df: dict[int, int] = field(default_factory=dict)  # their token counts (tokens in >= 3)

    def probability(self, x: Sequence[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@lru_cache(maxsize=1)
def model() -> Model:
    """The packaged model (see the module docstring)."""
    raw = json.loads(resources.files("rashomon.models.incidents").joinpath("links.json").read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError(
            "rashomon/models/incidents/links.json was trained on other features: run scripts/train_incidents.py"
        )
    bg = raw["background"]
    return Model(tuple(raw["weights"]), raw["threshold"], bg["documents"], dict(zip(bg["tokens"], bg["df"])))


class Corpus:
    """Document frequencies and norms of the documents' tokens, for the pair features."""

    def __init__(self, facts: Sequence[Facts], m: Model):
        self.facts = facts
        self.df: Counter[int] = Counter(t for f in facts for t in f.tokens)  # in the pile: blocking
        self.pooled = {t: c + m.background_df.get(t, 0) for t, c in self.df.items()}  # with the training corpus's
        n = len(facts) + m.background_docs
        self.idf = {t: math.log(n / c) for t, c in self.pooled.items()}
        self.norm = [math.sqrt(sum(self.idf[t] ** 2 for t in f.tokens)) or 1.0 for f in facts]
        self.days = [parse_anchor(f.day) for f in facts]

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs that share a rare token, and pairs of one quiet city within ``SAME_DAYS`` (module docstring)."""
        posting: dict[int, list[int]] = defaultdict(list)
        for i, f in enumerate(self.facts):
            for t in f.tokens:
                if 2 <= self.df[t] <= DF_MAX:
                    posting[t].append(i)
        pairs = {(a, b) for docs in posting.values() for k, a in enumerate(docs) for b in docs[k + 1 :]}
        # (city, None): its reports; (city, toll): those that give that toll
        by_place: dict[tuple[str, tuple[float, float] | None], list[tuple[date, int]]] = defaultdict(list)
        for i, f in enumerate(self.facts):
            if f.place and (d := self.days[i]) is not None:
                by_place[(f.place.casefold(), None)].append((d, i))
                if (same := toll(f)) is not None:
                    by_place[(f.place.casefold(), same)].append((d, i))
        span = timedelta(days=SAME_DAYS)
        pairs |= self._placeless(span)
        for (_, same), dated in by_place.items():
            crowded = CROWDED if same is None else SAME_TOLL
            dated.sort()
            days = [d for d, _ in dated]
            for k, (da, a) in enumerate(dated):
                if bisect_right(days, da + span) - bisect_left(days, da - span) > crowded:
                    continue
                for _, b in dated[k + 1 : bisect_right(days, da + span)]:
                    pairs.add((min(a, b), max(a, b)))
        return pairs

    def _placeless(self, span: timedelta) -> set[tuple[int, int]]:
        """Pairs of a report that names no state (no place read: "a shooting near the university") and a
        report within ``span`` days that shares a name or number with it that few reports of those days use,
        at least ``PLACELESS_COSINE`` similar (an index by token and day keeps it near-linear)."""
        by_day: dict[tuple[int, date], list[int]] = defaultdict(list)
        for i, f in enumerate(self.facts):
            if (d := self.days[i]) is not None:
                for t in f.tokens:
                    by_day[(t, d)].append(i)
        shifts = [timedelta(days=k) for k in range(-span.days, span.days + 1)]
        out = set()
        for i, f in enumerate(self.facts):
            if f.region is not None or (d := self.days[i]) is None:
                continue
            near: set[int] = set()
            for t in f.tokens:
                docs = [j for s in shifts for j in by_day.get((t, d + s), ())]
                if len(docs) <= PLACELESS_SHARED:
                    near.update(docs)
            for j in near - {i}:
                if self.cosine(i, j) >= PLACELESS_COSINE:
                    out.add((min(i, j), max(i, j)))
        return out

    def cosine(self, i: int, j: int) -> float:
        """The idf-weighted cosine of two documents' names and numbers."""
        shared = set(self.facts[i].tokens).intersection(self.facts[j].tokens)
        return sum(self.idf[t] ** 2 for t in shared) / (self.norm[i] * self.norm[j])

    def features(self, i: int, j: int) -> list[float]:
        a, b = self.facts[i], self.facts[j]
        shared = set(a.tokens).intersection(b.tokens)
        da, db = self.days[i], self.days[j]
        dated = da is not None and db is not None
        gap = math.log1p(abs((da - db).days)) if da is not None and db is not None else 0.0
        pa, pb = (a.place or "").casefold(), (b.place or "").casefold()
        same_person = float(bool(a.persons & b.persons))
        follow_up = float(a.follow_up or b.follow_up)
        toll_a = toll(a)
        return [
            1.0,
            self.cosine(i, j),
            math.log1p(sum(1 for t in shared if self.pooled[t] <= RARE_DF)),
            math.log1p(sum(self.idf[t] for t in shared)),
            gap,
            float(dated and gap <= math.log1p(1)),
            float(bool(pa) and pa == pb),
            float(
                bool(pa and pb)
                and pa != pb
                and pa not in b.places
                and pb not in a.places
                and not (county(pa) or county(pb))
            ),  # a county may hold the other's town
            float(bool(a.region and b.region) and a.region != b.region),
            float(bool(a.type and b.type) and a.type != b.type),
            same_person,
            same_person * gap,
            follow_up,
            follow_up * gap,
            float(not dated),
            float(toll_a is not None and toll_a == toll(b)),
        ]

    def scored(self) -> Iterator[tuple[int, int, list[float]]]:
        for i, j in sorted(self.candidates()):
            yield i, j, self.features(i, j)


def toll(f: Facts) -> tuple[float, float] | None:
    """(killed, injured) where the report gives both and someone was harmed."""
    k, i = f.reports.get("killed"), f.reports.get("injured")
    if k is None or i is None or number(k) + number(i) == 0:
        return None
    return number(k), number(i)


def scores(facts: Sequence[Facts], m: Model | None = None) -> list[tuple[int, int, float]]:
    """Every candidate pair with the model's probability that the two documents report one incident."""
    m = m or model()
    return [(i, j, m.probability(x)) for i, j, x in Corpus(facts, m).scored()]


def link(
    facts: Sequence[Facts], scored: list[tuple[int, int, float]] | None = None, threshold: float | None = None
) -> UnionFind:
    """Documents joined into incidents: every candidate pair scored at or above ``threshold`` (by
    default the model's own, chosen for coding incidents), strongest first, except where the join would put
    together two documents the model is sure report different incidents (a pair scored under ``APART``:
    a report that gives no day must not chain a 1992 massacre to a 2020 missile strike)."""
    if threshold is None:
        threshold = model().threshold
    pairs = scores(facts) if scored is None else scored
    uf = UnionFind(len(facts))
    apart: dict[int, set[int]] = defaultdict(set)  # root -> the documents its set must not meet
    for i, j, p in pairs:
        if p < APART:
            apart[i].add(j)
            apart[j].add(i)
    for i, j, _ in sorted((x for x in pairs if x[2] >= threshold), key=lambda x: (-x[2], x[0], x[1])):
        a, b = uf.find(i), uf.find(j)
        if a == b:
            continue
        small, big = (a, b) if len(apart[a]) <= len(apart[b]) else (b, a)
        if any(uf.find(k) == big for k in apart[small]):
            continue
        uf.union(a, b)
        apart[min(a, b)] = apart.pop(small) | apart.pop(big)  # (the smaller index is the joined set's root)
    return uf
