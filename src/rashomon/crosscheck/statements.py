"""The same statement in prose, reported by different outlets: linked, judged only when structure allows.

Owns cross-outlet linking of sentences that carry no number to compare (quantity, date
and quote findings are made elsewhere). The unit is a *statement*: a sentence holding at
least one event, quote or quantity claim; its evidence is those claims. Two statements
of different outlets (and not copies of one original) in the same story are linked when
they say the same thing:

* **bag**: content-word stems of the sentence (a light suffix stripper, no model) plus
  the canonical entities mentioned in it; each item weighted by its IDF over the
  sentences of the corpus being analysed (:class:`Weights`; never a fixed external
  file, so a word common in *this* coverage weighs little);
* **similarity**: the weighted Dice overlap of the two bags, at least ``MIN_SCORE``;
* **constraints**: at least ``MIN_SHARED`` informative items shared (IDF at least
  ``MIN_IDF``), at least one of them a content word, not an entity only (two
  sentences that merely name the same minister are not one statement); a common party
  (the same named person, or an event actor/target head of one side named by the other);
  no clash of full dates, nor of years written ("in 2008" vs "in 2012": two fights of one
  boxer, two quakes of one region);
* **blocking**: an inverted index on the informative items (postings longer than
  ``MAX_POSTINGS`` skipped: a word in that many statements is not what makes two of them
  one), so only statements sharing a rare word or entity are ever compared; the cost
  stays near-linear in the corpus;
* **grouping**: a pair is kept only when each statement is the other's best match in its
  document; kept pairs form *cliques* (:func:`cliques`), strongest first: a group holds
  only statements every two of which are a kept pair, one per document, each statement
  in one group; "A~B, B~C" without "A~C" never makes one finding (a chain says different
  things at its ends); one finding per group; a story reports at most ``MAX_PER_STORY``
  statement findings, strongest first (an ``agree`` or ``conflict`` before an
  ``unknown``), so prose links never flood the findings list.

Calibration (``rashomon eval statements --data ../shared/data/ecbplus``, see
:mod:`rashomon.evaluate.statements`): ``CORPUS_SCORE``, the common-party and year rules
and the cliques were chosen on ECB+ odd topics (pairs of sentences reporting one
cross-document event instance); even topics are held out.

Status is conservative. The *same party* means a shared entity and an event actor or target (head word) of one
side named by the other. ``conflict`` only when one side negates the very action the other reports, for the same
party ("did not find", or "found no ..."); ``agree`` when both report the same event action (verb lemma) for the
same party, nothing is negated, the figures written (if any) are the same, and the overlap is at least
``AGREE_SCORE``; otherwise ``unknown`` (linked, not judged). Quantities and dates that differ are judged by their
own findings, never here; a sentence pair already tied by another finding (quote, quantity, date) is not linked
again.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from ..records import Claim, Document, Entity, EventClaim, Finding, SourceCount, Status, TimeClaim, stable_id
from ..unionfind import capped_groups
from .mentions import MentionIndex
from .sources import outlet_of, root_of

STAGE = "crosscheck-statements@3"
STATEMENT_KINDS = ("event", "quote", "quantity", "time")  # the claims a statement's sentence is read from
MIN_SCORE = 0.05  # weighted Dice overlap at which two statements are linked (chosen on ClaimDiff pair ids 0-7)
# the same, when every sentence pair of a story is a candidate (the pipeline; chosen on ECB+ odd topics)
CORPUS_SCORE = 0.35
AGREE_SCORE = 0.25  # overlap at which a shared action with a shared participant is judged "agree"
MIN_SHARED = 2  # informative items the two statements must share
MIN_WORDS = 2  # of which content words (not entities): two names in common are not one statement
MIN_IDF = 1.0  # an item in more than ~1/e of the corpus' sentences says nothing about identity
MAX_POSTINGS = 50  # an index key shared by more statements than this is not used for blocking
MAX_PER_STORY = 15
MAX_ALONE_GROUP = 100  # documents alone in their story are linked in groups of at most this many
FRAGMENT_WORDS = 14

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_YEAR = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d(?![\d,])")
_NEGATION = {"not", "n't", "never", "no", "neither", "nor"}  # (not "without": "held without bond" denies nothing)
STOP = frozenset(
    """
a about above after again against all also although am among an and another any are aren't around as at be
because been before being below between both but by can cannot could did didn't do does doesn't doing don't
down during each either else even ever every few for from further get gets got had hadn't has hasn't have
haven't having he he'd he's her here hers herself him himself his how however i i'm if in into is isn't it
it's its itself just least less let like made make many may me might more most much must my myself neither
no nor not now of off on once one only or other others our ours ourselves out over own per perhaps rather
same several she she's should shouldn't since so some still such than that that's the their theirs them
themselves then there there's these they they're this those though through thus to too under until up upon
us very was wasn't we we're were weren't what when where whether which while who whom whose why will with
within without won't would wouldn't yet you your yours yourself mr mrs ms dr
say said says saying told tell tells according added adds stated statement reported reports report
week weeks year years day days month months time times today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday new first last next ago percent
""".split()
)


@lru_cache(maxsize=1 << 17)  # a corpus stage stems every word of every sentence, mostly the same few thousand
def stem(word: str) -> str:
    """A light English suffix stripper: "charged", "charges", "charging" -> "charg"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "planned" -> "plan"
            break
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"  # "deny"/"denied" meet as "deni"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each content word in ``text`` (stop words, numbers and short words dropped)."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w[0].isdigit() or len(w) < 3 or w in STOP:
            continue
        s = stem(w)
        if len(s) >= 3 and s not in STOP:
            out.append((m.start(), m.end(), s))
    return out


def _negated(text: str, stems: set[str]) -> set[str]:
    """Stems in ``text`` preceded (within three words) by a negation, or right before a negated object: "did not
    sign" -> {"sign"}, "found no warrants" -> {"found", "warrant"}; a compound's "no" negates nothing ("no-bond")."""
    toks = [t.lower().replace("’", "'") for t in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:[’']t)?", text)]
    out = set()
    for i, t in enumerate(toks):
        st = stem(t)
        if st in stems and (
            any(p in _NEGATION or p.endswith("n't") for p in toks[max(0, i - 3) : i])
            or toks[i + 1 : i + 2] in (["no"], ["nothing"], ["none"])
        ):
            out.add(st)
    return out


_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}


def _figures(text: str) -> set[str]:
    out = set()
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", text):
        w = m.group(0).lower()
        if w[0].isdigit():
            out.add(w.replace(",", ""))
        elif w in _NUMBER_WORDS and w != "one":
            out.add(_NUMBER_WORDS[w])
    return out


# ------------------------------------------------------------------- statements
@dataclass
class Statement:
    """One sentence with its claims, read into what the linker compares."""

    doc: str
    start: int
    end: int
    text: str
    claims: list[Claim]
    outlet: str
    root: str
    story: str | None
    words: dict[str, tuple[int, int]]  # stem -> first span in the sentence (offsets relative to ``start``)
    entities: frozenset[str]
    actions: frozenset[str]  # event verb lemmas (as stems)
    participants: frozenset[str]  # stems of event actors' and targets' head words
    dates: frozenset[str]  # full ISO dates of the sentence's time claims
    negated: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()  # figures written in the sentence ("9", "nine" -> "9")
    years: frozenset[str] = frozenset()  # years written in the sentence ("1993")
    people: frozenset[str] = frozenset()  # the named persons among ``entities``
    bag: frozenset[str] = field(default_factory=frozenset)

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.start}"


def _head(phrase: str | None) -> str | None:
    words = content_words(phrase or "")
    return words[-1][2] if words else None


def statements(
    claims: Iterable[Claim], documents: list[Document], entities: list[Entity], story_of: dict[str, str] | None = None
) -> list[Statement]:
    """The statements of a corpus: one per sentence holding an event, quote or quantity claim."""
    by_id = {d.id: d for d in documents}
    mentions = MentionIndex(entities)
    kind = {e.id: e.type for e in entities}
    story_of = story_of or {}
    sentences: dict[tuple[str, int, int], list[Claim]] = defaultdict(list)
    bounds: dict[str, list[tuple[int, int]]] = {}
    for c in claims:
        doc = by_id.get(c.doc)
        if doc is None or c.kind not in STATEMENT_KINDS:
            continue
        if c.doc not in bounds:
            bounds[c.doc] = _sentences(doc.text)
        spans = bounds[c.doc]
        k = bisect.bisect_right(spans, (c.start, len(doc.text) + 1)) - 1
        if k < 0 or not spans[k][0] <= c.start < spans[k][1]:
            continue
        sentences[(c.doc, *spans[k])].append(c)
    out = []
    for (doc_id, s, e), cs in sorted(sentences.items()):
        if all(isinstance(c, TimeClaim) for c in cs):
            continue
        doc = by_id[doc_id]
        text = doc.text[s:e]
        words: dict[str, tuple[int, int]] = {}
        for a, b, w in content_words(text):
            words.setdefault(w, (a, b))
        ents, _ = mentions.within(doc_id, s, e)
        events = [c for c in cs if isinstance(c, EventClaim)]
        actions = frozenset(stem(c.action) for c in events if c.action)
        negated = _negated(text, set(words))  # as written: "found no warrants" negates the action "find" too
        written = {
            stem(c.action): stem(verb[-1].lower()) for c in events if c.action and (verb := (c.predicate or "").split())
        }
        parts = frozenset(h for c in events for h in (_head(c.actor), _head(c.target)) if h)
        dates = frozenset(
            c.value_iso
            for c in cs
            if isinstance(c, TimeClaim) and c.value_iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.value_iso)
        )
        st = Statement(
            doc_id,
            s,
            e,
            text,
            sorted((c for c in cs if not isinstance(c, TimeClaim)), key=lambda c: c.id),
            outlet_of(doc),
            root_of(doc_id, by_id),
            story_of.get(doc_id),
            words,
            frozenset(ents),
            actions,
            parts,
            dates,
            frozenset(negated | {action for action, verb in written.items() if verb in negated}),
        )
        st.numbers = frozenset(_figures(text))
        st.years = frozenset(_YEAR.findall(text))
        st.people = frozenset(x for x in ents if kind.get(x) == "PERSON")
        st.bag = frozenset(words) | frozenset("E:" + x for x in ents)
        out.append(st)
    return out


@dataclass
class Weights:
    """IDF of words (stems) and entities over the sentences of one corpus."""

    n: int
    df: dict[str, int]

    @classmethod
    def of(cls, documents: Iterable[Document], entities: Iterable[Entity] = ()) -> Weights:
        """Count every sentence of ``documents`` (not only the ones with claims)."""
        df: dict[str, int] = defaultdict(int)
        n = 0
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for ent in entities:
            for m in ent.mentions:
                spans[m.doc].append((m.start, m.end, "E:" + ent.id))
        for d in documents:
            for s, e in _sentences(d.text):
                n += 1
                items = {w for _, _, w in content_words(d.text[s:e])}
                items |= {eid for a, b, eid in spans.get(d.id, ()) if a < e and b > s}
                for w in items:
                    df[w] += 1
        return cls(n, dict(df))

    def idf(self, item: str) -> float:
        return math.log((self.n + 1) / (self.df.get(item, 0) + 0.5))


def _sentences(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in re.finditer(r"(?<=[.!?])[\"'’”)]?\s+|\n+", text):
        if text[s : m.start()].strip():
            out.append((s, m.start()))
        s = m.end()
    if text[s:].strip():
        out.append((s, len(text)))
    return out


# ---------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class Match:
    score: float
    shared: tuple[str, ...]  # shared informative items, most informative first
    status: str


def compare(a: Statement, b: Statement, weights: Weights, party: bool = True) -> Match | None:
    """The link between two statements, or None when they do not say the same thing.

    ``party``: require a common party (the corpus mode, where every sentence pair of a story
    is a candidate); off for pairs already picked as about one point (ClaimDiff's)."""
    if a.dates and b.dates and not (a.dates & b.dates):
        return None  # different days: different events (a date finding judges a clash)
    if a.years and b.years and not (a.years & b.years):
        return None  # "in 2008" vs "in 2012": different events (a fight, a quake, an election) of one kind
    if party and not (a.people & b.people or _party(a, b) or _party(b, a)):
        return None  # no common party: neither the same named person nor an actor/target of one named by the other
    w = weights.idf
    shared = sorted((x for x in a.bag & b.bag if w(x) >= MIN_IDF), key=lambda x: (-w(x), x))
    if len(shared) < MIN_SHARED or sum(not x.startswith("E:") for x in shared) < MIN_WORDS:
        return None
    total = sum(max(w(x), 0.0) for x in a.bag) + sum(max(w(x), 0.0) for x in b.bag)
    score = 2 * sum(w(x) for x in shared) / total if total else 0.0
    if score < MIN_SCORE:
        return None
    return Match(round(score, 4), tuple(shared), _status(a, b, score))


def _party(a: Statement, b: Statement) -> frozenset[str]:
    """Actors/targets of ``a`` named in ``b`` (a head that is itself a reported action, "those who fled", is no
    party)."""
    return (a.participants - a.actions - b.actions) & set(b.words)


def _status(a: Statement, b: Statement, score: float) -> str:
    # the same party: a shared entity, and an event actor/target of one side named by the other
    same_party = bool(a.entities & b.entities) and bool(
        (a.participants & set(b.words)) or (b.participants & set(a.words))
    )
    if not same_party or (a.numbers and b.numbers and a.numbers != b.numbers):
        return "unknown"  # differing figures are for the quantity findings to judge, not a prose link
    # one side negates the action the other reports ("did not sign" vs "signed")
    if (a.actions & b.negated) - a.negated or (b.actions & a.negated) - b.negated:
        return "conflict"
    if a.negated or b.negated:
        return "unknown"
    if a.actions & b.actions and score >= AGREE_SCORE:
        return "agree"
    return "unknown"


def index_keys(st: Statement, weights: Weights) -> list[str]:
    """The informative items of a statement's bag: its keys in the blocking index."""
    return [k for k in st.bag if weights.idf(k) >= MIN_IDF]


Postings = dict[tuple[str | None, str], list[int]]  # (story, informative item) -> statements holding it


def _postings(items: list[Statement], weights: Weights, blocked: frozenset[str] = frozenset()) -> Postings:
    """The blocking index, per story. ``blocked``: items of the documents alone in their story that
    are held by more than ``MAX_POSTINGS`` of their statements corpus-wide (a partition of them
    sees only some of those postings), left out for them."""
    index: Postings = defaultdict(list)
    for i, st in enumerate(items):
        for k in index_keys(st, weights):
            if st.story is not None or k not in blocked:
                index[(st.story, k)].append(i)
    return index


def _candidates(items: list[Statement], index: Postings) -> set[tuple[int, int]]:
    """Pairs of statements of one story sharing an informative key held by at most
    ``MAX_POSTINGS`` statements of that story (counted per story, so a story gets the same
    pairs whether it is linked alone or with the whole corpus)."""
    pairs: set[tuple[int, int]] = set()
    for ids in index.values():
        if len(ids) < 2 or len(ids) > MAX_POSTINGS:
            continue
        for x, y in combinations(ids, 2):
            if items[x].outlet != items[y].outlet and items[x].root != items[y].root:
                pairs.add((x, y))
    return pairs


# ------------------------------------------------------ documents alone in their story
def _alone_edges(items: list[Statement], index: Postings) -> list[tuple[str, str, int]]:
    """(document, document, shared index items) of the documents alone in their story, for the items
    held by 2..``MAX_POSTINGS`` of their statements; heaviest first. The pipeline computes the same
    edges in SQL (``Scratch.statement_edges``)."""
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for (story, _), ids in index.items():
        if story is None and 2 <= len(ids) <= MAX_POSTINGS:
            for a, b in combinations(sorted({items[i].doc for i in ids}), 2):
                pairs[(a, b)] += 1
    return sorted(((a, b, w) for (a, b), w in pairs.items()), key=lambda e: (-e[2], e[0], e[1]))


def alone_groups(edges: Iterable[tuple[str, str, int]], cap: int | None = None) -> dict[str, str]:
    """Documents alone in their story, gathered into groups of at most ``cap`` (``MAX_ALONE_GROUP``)
    documents: edges (heaviest first, then by document ids) join two groups while the joined group
    stays within the cap. Document -> its group's first document id.

    Their statements are linked within a group only, and a group counts as one story for
    ``MAX_PER_STORY``. The cap bounds the work and memory of linking them (one partition holds
    whole groups) where repeated paragraphs would otherwise chain the whole corpus into one group;
    a partition holding whole groups finds the groups the whole corpus does (the joins inside a
    group, and the refusals between two groups, come in the same order with the same sizes)."""
    return capped_groups(((a, b) for a, b, _ in edges), MAX_ALONE_GROUP if cap is None else cap)


# --------------------------------------------------------------------- findings
def _fragment(st: Statement, shared: tuple[str, ...]) -> str:
    """A short quoted piece of the sentence around the words it shares with the other side."""
    spans = [st.words[x] for x in shared if x in st.words]
    toks = list(re.finditer(r"\S+", st.text))
    if not toks:
        return ""
    if spans:
        lo = min(a for a, _ in spans)
        hi = max(b for _, b in spans)
        first = next((i for i, t in enumerate(toks) if t.end() > lo), 0)
        last = next((i for i, t in reversed(list(enumerate(toks))) if t.start() < hi), len(toks) - 1)
    else:
        first, last = 0, len(toks) - 1
    first = max(0, first - 2)
    last = min(len(toks) - 1, max(last + 2, first + 5))
    if last - first + 1 > FRAGMENT_WORDS:
        last = first + FRAGMENT_WORDS - 1
    text = st.text[toks[first].start() : toks[last].end()].strip(" ,;:\"'“”‘’")
    return ("…" if first > 0 else "") + text + ("…" if last < len(toks) - 1 else "")


_VERDICT = {
    "agree": "the same statement, told the same way",
    "conflict": "one outlet denies what the other reports",
    "unknown": "linked as the same statement, not judged",
}


def _finding(group: list[Statement], matches: list[Match], names: dict[str, str]) -> Finding:
    statuses = {m.status for m in matches}
    status: Status = "conflict" if "conflict" in statuses else ("agree" if statuses == {"agree"} else "unknown")
    shared: list[str] = []
    for m in sorted(matches, key=lambda m: -m.score):
        shared += [x for x in m.shared if x not in shared]
    by_outlet: dict[str, list[Statement]] = defaultdict(list)
    for st in group:
        by_outlet[st.outlet].append(st)
    parts = [f'{o}: "{_fragment(sts[0], tuple(shared))}"' for o, sts in sorted(by_outlet.items())]
    summary = "; ".join(parts) + f" — {_VERDICT[status]}."
    ordered = sorted(group, key=lambda st: (st.outlet, st.doc, st.start))
    counts = tuple(
        SourceCount(
            value=_fragment(st, tuple(shared)),
            claims=tuple(c.id for c in st.claims),
            outlets=(st.outlet,),
            independent_sources=1,
        )
        for st in ordered
    )
    ids = sorted({c.id for st in group for c in st.claims})
    ents = sorted(set.intersection(*(set(st.entities) for st in group)) or {e for st in group for e in st.entities})
    words = [x for x in shared if not x.startswith("E:")][:3]
    key = "/".join([names.get(x[2:], x[2:]) for x in shared if x.startswith("E:")][:1] + words)
    stories = sorted({st.story for st in group if st.story})
    return Finding(
        id=stable_id("f", *ids),
        status=status,
        summary=summary,
        claims=tuple(ids),
        independent_sources=counts,
        kind="statement",
        key=key,
        story=stories[0] if stories else None,
        entities=tuple(ents),
        outlets=tuple(sorted(by_outlet)),
        stage=STAGE,
    )


def cliques(kept: dict[tuple[int, int], Match], doc_of: list[str]) -> list[list[int]]:
    """Groups of statements every two of which are linked (no chains), each statement in one group.

    Pairs are taken strongest first: a pair of ungrouped statements opens a group; a statement
    joins a group (or two groups merge) only when every member would be linked to every other
    and no document gives two members; a pair that cannot join is dropped (its statements are
    already in a stronger group). "A~B, B~C" without "A~C" is never one finding."""
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}

    def linked(xs: list[int], ys: list[int]) -> bool:
        return all((min(x, y), max(x, y)) in kept for x in xs for y in ys) and not {doc_of[x] for x in xs} & {
            doc_of[y] for y in ys
        }

    for (i, j), _ in sorted(kept.items(), key=lambda kv: (-kv[1].score, kv[0])):
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is not None and gi == gj:
            continue
        a = groups[gi] if gi is not None else [i]
        b = groups[gj] if gj is not None else [j]
        if not linked(a, b):
            continue
        g = min(a + b)
        for old in (gi, gj):
            if old is not None:
                del groups[old]
        groups[g] = sorted(a + b)
        for x in groups[g]:
            group_of[x] = g
    return [groups[g] for g in sorted(groups)]


def link(
    claims: list[Claim],
    documents: list[Document],
    entities: list[Entity],
    story_of: dict[str, str] | None = None,
    weights: Weights | None = None,
    linked: Iterable[Sequence[str]] = (),
    limit: int | None = MAX_PER_STORY,
    min_score: float = CORPUS_SCORE,
    blocked: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Findings of kind "statement": one per group of statements from different outlets saying one thing.

    ``weights``: IDF over the corpus being analysed (default: over ``documents``);
    ``linked``: the claim ids of each finding already made (they are not tied again here);
    ``limit``: at most this many findings per story (None: all; documents alone in their story
    are linked within their :func:`alone_groups` group, which counts as a story here);
    ``blocked``: see :func:`_postings`;
    ``min_score``: the overlap to link at: ``CORPUS_SCORE`` (the default, the pipeline's)
    when every sentence pair of a story is a candidate, where few pairs are one statement;
    ``MIN_SCORE`` for pairs already picked as about one point (ClaimDiff's candidate pairs);
    below ``CORPUS_SCORE`` the common-party rule is off too (such pairs are picked already).
    """
    weights = weights or Weights.of(documents, entities)
    names = {e.id: e.name for e in entities}
    items = statements(claims, documents, entities, story_of)
    # the findings each claim is in: two claims in one finding are tied already (held per claim, not as
    # the claims of its findings: a finding of K claims would take K^2 entries, gigabytes at 100k documents)
    tied: dict[str, set[int]] = defaultdict(set)
    for n, finding_claims in enumerate(linked):
        for c in finding_claims:
            tied[c].add(n)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    matches: dict[tuple[int, int], Match] = {}
    index = _postings(items, weights, blocked)
    candidates = sorted(_candidates(items, index))
    alone = alone_groups(_alone_edges(items, index))

    def story(st: Statement) -> str:
        return st.story if st.story is not None else "alone:" + alone.get(st.doc, st.doc)

    for x, y in candidates:
        a, b = items[x], items[y]
        if story(a) != story(b):
            continue
        if any(tied[c.id] & tied[d.id] for c in a.claims if c.id in tied for d in b.claims if d.id in tied):
            continue
        m = compare(a, b, weights, party=min_score >= CORPUS_SCORE)
        if m is None or m.score < min_score:
            continue
        matches[(x, y)] = m
        for i, j in ((x, y), (y, x)):  # each statement's best partner in each other document
            k = (i, items[j].doc)
            if k not in best or (m.score, -j) > (best[k][0], -best[k][1]):
                best[k] = (m.score, j)
    # a pair is kept only when each is the other's best in its document (no one-to-many links)
    kept = {
        (i, j): m
        for (i, j), m in matches.items()
        if best[(i, items[j].doc)][1] == j and best[(j, items[i].doc)][1] == i
    }
    per_story: dict[str, list[tuple[Finding, float]]] = defaultdict(list)
    for members in cliques(kept, [items[i].doc for i in range(len(items))]):
        pairs = [(i, j) for i, j in combinations(members, 2)]
        ms = [kept[p] for p in pairs]
        f = _finding([items[i] for i in members], ms, names)
        per_story[story(items[members[0]])].append((f, max(m.score for m in ms)))
    out = []
    for fs in per_story.values():
        fs.sort(key=lambda fs_: (fs_[0].status == "unknown", -fs_[1], fs_[0].id))
        out += [f for f, _ in (fs if limit is None else fs[:limit])]
    return sorted(out, key=lambda f: f.id)
