"""When a named event happened: dates of an event and its phase ("the siege began on ...") compared across
the reports of one story.

A calendar date is read as an event's when its sentence names an event noun (:data:`EVENT_NOUNS`: siege,
ceasefire, election, earthquake, ...) and a phase (:data:`PHASES`: began, ended, was declared, was signed,
struck, ...); the pair keys the fact ("siege/begin"). Dates of one key in one story are one finding of kind
``date``: ``agree`` when each fits the others (a month contains its days), ``conflict`` when they differ,
``single_source`` when one original source gives them all. A dateline's date is the publication's, never an
event's; a document alone in its story is compared corpus-wide (its dates join each story's dates of the same
key); a key one document dates twice, or whose sentences share no name, is left alone (two events of a kind).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import combinations

from ..extract.timetag import MONTH_NAMES, WEEKDAYS
from ..records import Claim, Document, Finding, SourceCount, Status, TimeClaim, stable_id
from .link import WORD
from .sentences import DATELINE, sentence_bounds
from .sources import outlet_of, root_of
from .verdict import STAGE

EVENT_NOUNS = (
    "siege",
    "strike",
    "attack",
    "offensive",
    "ceasefire",
    "truce",
    "election",
    "referendum",
    "independence",
    "war",
    "invasion",
    "earthquake",
    "flood",
    "protest",
    "protests",
    "talks",
    "summit",
    "agreement",
    "treaty",
    "blockade",
    "occupation",
    "evacuation",
    "trial",
    "storm",
    "fire",
)
PHASES = {
    "began": "begin",
    "begun": "begin",
    "begins": "begin",
    "started": "begin",
    "start": "begin",
    "starts": "begin",
    "launched": "begin",
    "erupted": "begin",
    "broke": "begin",
    "ended": "end",
    "ending": "end",
    "ends": "end",
    "end": "end",
    "lifted": "end",
    "collapsed": "end",
    "declared": "declare",
    "declaration": "declare",
    "signed": "sign",
    "held": "hold",
    "took": "occur",
    "occurred": "occur",
    "happened": "occur",
    "struck": "occur",
    "hit": "occur",
}


def _event_key(sentence: str, offset: int) -> str | None:
    """(event noun, phase) nearest to the date in its sentence, e.g. "siege/begin"."""
    words = [(m.start(), m.group(0).lower()) for m in WORD.finditer(sentence)]
    nouns = [(abs(i - offset), w) for i, w in words if w in EVENT_NOUNS]
    phases = [(abs(i - offset), PHASES[w]) for i, w in words if w in PHASES]
    if not nouns or not phases:
        return None
    return f"{min(nouns)[1]}/{min(phases)[1]}"


def dated_events(claims: Iterable[Claim], by_id: dict[str, Document]) -> Iterator[tuple[TimeClaim, str, str]]:
    """(date claim, its sentence, event key) for each calendar date that dates an event
    named in its sentence ("the siege began on ..."); a dateline's date is skipped."""
    for c in claims:
        if not isinstance(c, TimeClaim) or (c.timex_type or "DATE") != "DATE" or not c.value_iso:
            continue
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", c.value_iso):
            continue
        doc = by_id.get(c.doc)
        if doc is None:
            continue
        s, e = sentence_bounds(doc.text, c.start, c.end)
        m = DATELINE.match(doc.text, s, e)
        if c.start < s or (m and c.start < m.end()):
            continue  # a dateline's date is the publication date, not an event's
        key = _event_key(doc.text[s:e], c.start - s)
        if key:
            yield c, doc.text[s:e], key


def date_findings(claims: list[Claim], documents: list[Document], story_of: dict[str, str]) -> list[Finding]:
    """Findings of kind "date": one event and phase dated by several documents."""
    by_id = {d.id: d for d in documents}
    groups: dict[tuple[str | None, str], list[tuple[TimeClaim, str]]] = {}
    for c, sentence, key in dated_events(claims, by_id):
        groups.setdefault((story_of.get(c.doc), key), []).append((c, sentence))
    out = []
    for (story, key), items in sorted(_join_loners(groups).items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        if len({c.doc for c, _ in items}) < 2 or _ambiguous(items):
            continue
        vals = [c.value_iso for c, _ in items if c.value_iso]  # all of them: dated_events yields dated claims
        clash = any(not (a.startswith(b) or b.startswith(a)) for a, b in combinations(vals, 2))
        roots = {
            c.value_iso: {root_of(c2.doc, by_id) for c2, _ in items if c2.value_iso == c.value_iso} for c, _ in items
        }
        status: Status = (
            "conflict"
            if clash
            else ("agree" if len({root_of(c.doc, by_id) for c, _ in items}) > 1 else "single_source")
        )
        counts = []
        for v in sorted(set(vals)):
            cs = [c for c, _ in items if c.value_iso == v]
            counts.append(
                SourceCount(
                    v,
                    tuple(sorted(c.id for c in cs)),
                    tuple(sorted({outlet_of(by_id.get(c.doc)) for c in cs})),
                    len(roots[v]),
                )
            )
        summary = "; ".join(f"{', '.join(sc.outlets)}: {sc.value}" for sc in counts)
        verdict = {
            "conflict": "the dates differ",
            "agree": "the dates agree",
            "single_source": "one independent source only",
        }[status]
        ids = sorted(c.id for c, _ in items)
        out.append(
            Finding(
                id=stable_id("f", *ids),
                status=status,
                summary=f"{_when(key)}: {summary} — {verdict}.",
                claims=tuple(ids),
                independent_sources=tuple(counts),
                kind="date",
                key=key,
                story=story,
                outlets=tuple(sorted({o for sc in counts for o in sc.outlets})),
                stage=STAGE,
            )
        )
    return out


_PAST = {
    "begin": "began",
    "end": "ended",
    "declare": "was declared",
    "sign": "was signed",
    "hold": "was held",
    "occur": "happened",
}
_NO_ARTICLE = {"independence", "occupation", "evacuation"}


def _when(key: str) -> str:
    """ "siege/begin" -> "When the siege began"; "independence/declare" -> "When independence was declared"."""
    noun, phase = key.split("/", 1)
    verb = _PAST.get(phase, phase)
    if noun in ("talks", "protests") and verb.startswith("was "):
        verb = "were " + verb[4:]
    return f"When {'' if noun in _NO_ARTICLE else 'the '}{noun} {verb}"


def _join_loners(
    groups: dict[tuple[str | None, str], list[tuple[TimeClaim, str]]],
) -> dict[tuple[str | None, str], list[tuple[TimeClaim, str]]]:
    """A document alone in its story (story None) is compared corpus-wide: its dates of an event
    join each story's dates of the same event (and, with no story to join, stay together)."""
    out: dict[tuple[str | None, str], list[tuple[TimeClaim, str]]] = {}
    for (story, key), items in groups.items():
        if story is not None:
            out[(story, key)] = items + groups.get((None, key), [])
    for (story, key), items in groups.items():
        if story is None and not any(k == key and s is not None for s, k in groups):
            out[(None, key)] = items
    return out


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]+)*")
_NOT_NAMES = {*MONTH_NAMES, *(d.capitalize() for d in WEEKDAYS), "The", "This", "That", "But", "And", "However"}


def _names(sentence: str) -> set[str]:
    return {m.group(0) for m in _NAME.finditer(sentence) if m.group(0) not in _NOT_NAMES}


def _ambiguous(items: list[tuple[TimeClaim, str]]) -> bool:
    """The event key does not pick out one event: a single document dates it twice
    (two different agreements signed), or the sentences share no name at all."""
    by_doc: dict[str, set[str]] = {}
    for c, _ in items:
        by_doc.setdefault(c.doc, set()).add(c.value_iso or "")
    for vals in by_doc.values():
        if any(not (a.startswith(b) or b.startswith(a)) for a, b in combinations(sorted(vals), 2)):
            return True
    names = [_names(sentence) for _, sentence in items]
    return not any(
        names[i] & names[j] for i, j in combinations(range(len(items)), 2) if items[i][0].doc != items[j][0].doc
    )
