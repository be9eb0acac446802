"""The same statement reported by several outlets: linked, differences flagged.

Owns cross-outlet quote linking. ``link`` never compares all pairs: quotes are blocked by
word 3-shingles of their content (an inverted index; shingles shared by too many quotes
are skipped as boilerplate) and candidate pairs are verified with rapidfuzz
``token_set_ratio`` on the content, within a blocking component (quotes joined by a usable
shingle, in claim-id order, while a component stays within ``MAX_COMPONENT`` quotes: recombined
or boilerplate-heavy corpora otherwise chain most quotes into one component, whose candidate
pairs and texts would outgrow memory). Linked quotes form groups (union-find); a group
quoted by at least two outlets that are not copies of one original (near-duplicates)
becomes one ``Finding(kind="quote")``:

* variants: the distinct wordings (case and punctuation ignored); each variant's
  ``SourceCount`` counts independent sources, where a near-duplicate document
  (``Document.duplicate_of``) counts once with its original;
* flags: ``words_changed`` (two wordings of the same statement differ inside the
  words), ``truncated`` (one wording is a contiguous part of another),
  ``speaker_differs`` (the outlets name different speakers), ``direct_vs_paraphrase``
  (one outlet quotes directly, another paraphrases);
* status: ``conflict`` when direct quotes change what is said: a number or a negation differs
  ("we will not" against "we will"); otherwise ``agree``, the flags saying what differs (other
  changed words are mostly translations and transcriptions, a spelling variant is no change at all;
  a different speaker is mostly a different reading of the attribution, which the flag shows).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz

from ..records import Document, Entity, Finding, QuoteClaim, SourceCount, Status, stable_id
from ..unionfind import UnionFind, capped_groups
from . import sources
from .sources import outlet_of, root_of

STAGE = "crosscheck-quotes@3"
SHINGLE = 3
MAX_POSTINGS = 200  # a shingle in more quotes than this says nothing about identity
MAX_COMPONENT = 2000  # quotes in one blocking component
MIN_RATIO = 82.0  # token_set_ratio above which two contents are one statement
MIN_FUZZY_WORDS = 6  # shorter contents are one statement only when one is a contiguous part of the other
WORD = re.compile(r"\w+(?:[’']\w+)?")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def _numbers(words: list[str]) -> set[str]:
    return {w for w in words if any(ch.isdigit() for ch in w)}


def _content(q: QuoteClaim, docs: dict[str, Document]) -> str:
    doc = docs.get(q.doc)
    if doc is not None and q.content_start is not None and q.content_end is not None:
        return doc.text[q.content_start : q.content_end]
    return q.text


def shingles(words: list[str]) -> set[int]:
    """The 64-bit hashes of a wording's word 3-shingles, the same in every process (``hash`` of a str is
    salted per process): what quotes are blocked on, here and in the corpus stage's scratch index."""
    return {
        int.from_bytes(
            hashlib.blake2b("\x1f".join(words[k : k + SHINGLE]).encode(), digest_size=8).digest(), "little", signed=True
        )
        for k in range(max(1, len(words) - SHINGLE + 1))
    }


def blocking(grams: list[set[int]]) -> tuple[list[tuple[int, int]], set[int]]:
    """The edges of :func:`components` over quotes in claim-id order (``grams[i]``: quote ``i``'s
    shingles): (a quote, the next quote holding the same usable shingle, one held by 2..``MAX_POSTINGS``
    quotes), sorted; and the shingles too common to block on. The corpus stage builds the same edges in
    its scratch database (:meth:`rashomon.store.scratch.Scratch.shingle_edges`)."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, gs in enumerate(grams):
        for g in gs:
            index[g].append(i)
    common = {g for g, ids in index.items() if len(ids) > MAX_POSTINGS}
    edges = sorted({(a, b) for ids in index.values() if len(ids) <= MAX_POSTINGS for a, b in zip(ids, ids[1:])})
    return edges, common


def components(edges: Iterable[tuple[int, int]], cap: int | None = None) -> list[list[int]]:
    """The blocking components of two or more quotes: ``edges`` (from :func:`blocking`), taken in order,
    join quotes while a component stays within ``cap`` (default ``MAX_COMPONENT``) quotes."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, first in sorted(capped_groups(edges, cap or MAX_COMPONENT).items()):
        members[first].append(i)
    return [m for _, m in sorted(members.items()) if len(m) > 1]


def _candidates(
    words: list[list[str]], copies: list[int], common: Collection[int] = ()
) -> tuple[set[tuple[int, int]], set[int]]:
    """Pairs of distinct wordings sharing a shingle held by at most ``MAX_POSTINGS`` quotes (``copies[i]``:
    how many quotes have wording ``i``; ``common``: shingles held by more quotes elsewhere in the corpus),
    and the wordings with such a shingle at all (their copies are proposed as pairs too)."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for g in shingles(ws):
            index[g].append(i)
    pairs: set[tuple[int, int]] = set()
    usable: set[int] = set()
    for g, ids in index.items():
        if g in common or sum(copies[i] for i in ids) > MAX_POSTINGS:
            continue
        usable.update(ids)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                pairs.add((ids[a], ids[b]))
    return pairs, usable


def _source(doc_id: str, docs: dict[str, Document]) -> str:
    return sources.source_of(doc_id, docs, lambda d: root_of(d, docs))


def _outlet(q: QuoteClaim, docs: dict[str, Document]) -> str:
    doc = docs.get(q.doc)
    return outlet_of(doc) if doc is not None else q.doc


def _speaker(q: QuoteClaim, names: dict[str, str]) -> str:
    if q.speaker and q.speaker in names:
        return names[q.speaker]
    return q.speaker_text or "an unnamed speaker"


def _speaker_key(q: QuoteClaim) -> str:
    return q.speaker or " ".join(_words(q.speaker_text or ""))


def _contains(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _difference(base: list[str], other: list[str]) -> str | None:
    """The first changed wording between two variants, as a journalist reads it."""
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=base, b=other, autojunk=False).get_opcodes():
        if op == "replace":
            return f'has "{" ".join(other[b0:b1])}" where the others have "{" ".join(base[a0:a1])}"'
        if op == "insert" and 0 < a0 < len(base):
            return f'adds "{" ".join(other[b0:b1])}"'
        if op == "delete" and a0 > 0 and a1 < len(base):
            return f'leaves out "{" ".join(base[a0:a1])}"'
    return None


SPELLING = 75.0  # rapidfuzz ratio at or above which a replaced wording is a spelling variant ("realised")


NEGATIONS = frozenset(("not", "no", "never", "none", "nobody", "cannot", "neither", "nor"))  # not "nothing less than"
SMALL = 4  # words: a change this small inside one statement is an edit of it; a larger one, another sentence


def _changes(base: list[str], other: list[str]) -> list[tuple[list[str], list[str]]]:
    """(words of ``base``, words of ``other``) of each place the wordings differ, spelling variants aside."""
    out = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=base, b=other, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or fuzz.ratio("".join(base[a0:a1]), "".join(other[b0:b1]).replace("'", "")) < SPELLING:
            out.append((base[a0:a1], other[b0:b1]))
    return out


def _meaning_changed(changes: list[tuple[list[str], list[str]]]) -> bool:
    """A number or a negation is among the words of a small edit (:data:`SMALL` words a side): what is
    said is not the same. A larger change is another sentence quoted alongside, not an edit."""
    return any(
        max(len(a), len(b)) <= SMALL and any(w.isdigit() or w in NEGATIONS or w.endswith("n't") for w in a + b)
        for a, b in changes
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _finding(
    group: list[QuoteClaim],
    texts: dict[str, str],
    docs: dict[str, Document],
    names: dict[str, str],
) -> Finding:
    variants: dict[tuple[str, ...], list[QuoteClaim]] = defaultdict(list)
    for q in group:
        variants[tuple(_words(texts[q.id]))].append(q)
    ordered = sorted(variants.items(), key=lambda kv: (-len({_outlet(q, docs) for q in kv[1]}), kv[0]))
    base = list(ordered[0][0])
    flags: list[str] = []
    notes: list[str] = []
    meaning = False  # a number or a negation changed between direct quotes
    direct = {bool(q.direct) for q in group}
    for words, qs in ordered[1:]:
        w = list(words)
        outs = _join(sorted({_outlet(q, docs) for q in qs}))
        if _contains(w, base) or _contains(base, w):
            flags.append("truncated")
            notes.append(f"{outs} quotes {'less' if len(w) < len(base) else 'more'} of it — truncated")
            continue
        changes = _changes(base, w)
        if all(q.direct for q in qs) and all(q.direct for q in ordered[0][1]) and changes:
            flags.append("words_changed")
            meaning = meaning or _meaning_changed(changes)
            diff = _difference(base, w)
            notes.append(f"{outs} {diff or 'words it differently'} — words changed")
        else:  # a paraphrase may word it differently; say how, without calling it a changed quote
            diff = _difference(base, w)
            notes.append(f"{outs} {diff or 'words it differently'} (reported speech)")
    if len(direct) > 1:
        flags.append("direct_vs_paraphrase")
        para = _join(sorted({_outlet(q, docs) for q in group if not q.direct}))
        notes.append(f"{para} paraphrases — direct vs paraphrase")
    speakers = {_speaker_key(q) for q in group} - {""}  # an unattributed quote names nobody else
    if len(speakers) > 1:
        flags.append("speaker_differs")
        by: dict[str, set[str]] = defaultdict(set)
        for q in group:
            if _speaker_key(q):
                by[_speaker(q, names)].add(_outlet(q, docs))
        notes.append(
            "; ".join(
                f"{_join(sorted(os))} {'attribute' if len(os) > 1 else 'attributes'} it to {who}"
                for who, os in sorted(by.items())
            )
            + " — speaker differs"
        )
    flags = sorted(set(flags))
    status: Status = "conflict" if meaning else "agree"
    outlets = sorted({_outlet(q, docs) for q in group})
    main_outs = _join(sorted({_outlet(q, docs) for q in ordered[0][1]}))
    who = _speaker(ordered[0][1][0], names)
    base_roots = {root_of(q.doc, docs) for q in ordered[0][1]}
    head = f"{who} quoted by {main_outs}" + (
        " identically" if len(base_roots) > 1 else " (copies of one story)" if len(ordered[0][1]) > 1 else ""
    )
    summary = head + ("; " + "; ".join(notes) if notes else "")
    counts = tuple(
        SourceCount(
            value=texts[qs[0].id],
            claims=tuple(sorted(q.id for q in qs)),
            outlets=tuple(sorted({_outlet(q, docs) for q in qs})),
            independent_sources=len({_source(q.doc, docs) for q in qs}),
        )
        for _, qs in ordered
    )
    ids = sorted(q.id for q in group)
    ents = tuple(sorted({q.speaker for q in group if q.speaker}))
    return Finding(
        id=stable_id("f", *ids),
        status=status,
        summary=summary,
        claims=tuple(ids),
        independent_sources=counts,
        kind="quote",
        key=who,
        entities=ents,
        outlets=tuple(outlets),
        flags=tuple(flags),
        stage=STAGE,
    )


def link(
    quotes: list[QuoteClaim],
    documents: list[Document],
    entities: list[Entity],
    incident_of: dict[str, str] | None = None,
) -> list[Finding]:
    """Findings of kind "quote" for statements quoted by at least two outlets (``incident_of``: document ->
    its coded incident; a statement is said of one incident, so quotes of two incidents are never one)."""
    docs = {d.id: d for d in documents}
    names = {e.id: e.name for e in entities}
    quotes = sorted((q for q in quotes if isinstance(q, QuoteClaim)), key=lambda q: q.id)
    texts = {q.id: _content(q, docs) for q in quotes}
    edges, common = blocking([shingles(_words(texts[q.id])) for q in quotes])
    findings = [
        f
        for comp in components(edges)
        for f in _link([quotes[i] for i in comp], texts, docs, names, common, incident_of or {})
    ]
    return sorted(findings, key=lambda f: f.id)


def link_component(
    quotes: list[QuoteClaim],
    documents: list[Document],
    entities: list[Entity],
    common: Collection[int] = (),
    incident_of: dict[str, str] | None = None,
) -> list[Finding]:
    """The findings of one blocking component (:func:`components`; ``common``: the shingles too common to
    block on, :func:`blocking`), as :func:`link` finds them on the whole corpus (the corpus stage links
    component by component)."""
    docs = {d.id: d for d in documents}
    texts = {q.id: _content(q, docs) for q in quotes}
    names = {e.id: e.name for e in entities}
    return _link(sorted(quotes, key=lambda q: q.id), texts, docs, names, common, incident_of or {})


def _link(
    quotes: list[QuoteClaim],
    texts: dict[str, str],
    docs: dict[str, Document],
    names: dict[str, str],
    common: Collection[int],
    incident_of: dict[str, str],
) -> list[Finding]:
    union = UnionFind(len(quotes))
    # identical wordings (copies of one wire story) are judged once: each distinct wording is compared with
    # the others, and the quotes of one wording are joined whenever the shingle index proposes them; a
    # wording is one per incident ("there is no danger to the public", said by police of four shootings)
    wordings: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        wordings[(incident_of.get(q.doc, ""), tuple(_words(texts[q.id])))].append(i)
    incidents = [inc for inc, _ in wordings]
    words = [list(w) for _, w in wordings]
    pairs, usable = _candidates(words, [len(ids) for ids in wordings.values()], common)
    for k, ids in enumerate(wordings.values()):
        if k in usable and len(words[k]) >= 4:
            for i in ids[1:]:
                union.union(ids[0], i)
    numbers = [_numbers(ws) for ws in words]
    joined = [" ".join(ws) for ws in words]
    first = [ids[0] for ids in wordings.values()]
    for a, b in sorted(pairs):
        if len(words[a]) < 4 or len(words[b]) < 4 or incidents[a] and incidents[b] and incidents[a] != incidents[b]:
            continue
        if min(len(words[a]), len(words[b])) < MIN_FUZZY_WORDS and not (
            words[a] == words[b] or _contains(words[a], words[b]) or _contains(words[b], words[a])
        ):
            continue  # "who fired the missile" is not "the claim that they fired the missile"
        if numbers[a] != numbers[b]:
            continue  # "22 killed" and "31 killed" are two figures (the quantity findings judge them)
        x, y = joined[a], joined[b]
        # set overlap alone would link a short phrase to any long quote containing its words:
        # the wording must also align as a contiguous piece (truncation) or in order
        if fuzz.token_set_ratio(x, y) >= MIN_RATIO and max(fuzz.partial_ratio(x, y), fuzz.ratio(x, y)) >= MIN_RATIO:
            union.union(first[a], first[b])
    groups: dict[int, list[QuoteClaim]] = defaultdict(list)
    for i, q in enumerate(quotes):
        groups[union.find(i)].append(q)
    # copies of one wire story quoting the same words are one source, not a cross-check
    findings = [
        _finding(g, texts, docs, names)
        for g in groups.values()
        if len({_outlet(q, docs) for q in g}) >= 2 and len({root_of(q.doc, docs) for q in g}) >= 2
    ]
    return findings
