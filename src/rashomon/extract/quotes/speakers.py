"""Speakers: the name behind a quote's source mention, and the entity of that name.

Speaker convention: ``speaker_start``/``speaker_end`` are the literal source mention in
the attribution ("he", "the ambassador", "Farhadov"); ``speaker_text`` is the resolved name
when the document names that speaker earlier (nearest PERSON for he/she, the nearest
PERSON introduced with the same role word for "the ambassador", the full name for a bare
surname); otherwise it is the literal text (unknown rather than a guess).
``resolve_speakers`` maps each quote to the canonical Entity of that name.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ...records import Entity, Mention, QuoteClaim
from .frames import REL_PRONOUNS, WORD, Span, _overlaps, _source_span, inside_any

TITLES = frozenset(
    """mr mrs ms dr sen rep gen lt col gov president minister ambassador speaker spokesperson spokesman
spokeswoman secretary prime foreign chief chairman director premier governor mayor senator representative
general colonel judge envoy""".split()
)
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON"}


# ----------------------------------------------------------------- speaker names
class _NameIndex:
    """PERSON mentions of one document, to resolve pronouns, role nouns and surnames."""

    def __init__(self, sdoc, mentions: Iterable[Mention], text: str, quotes: Sequence[Span]) -> None:
        """``text`` is ``sdoc.text`` (which joins every token anew: read once by the caller), ``quotes``
        its :func:`~.frames.quote_spans`."""
        self.doc = sdoc
        spans = [(m.start, m.end, m.text, m.label) for m in mentions]
        if not spans:
            spans = [(e.start_char, e.end_char, e.text, e.label_) for e in sdoc.ents]
        self.text = text
        self.people = sorted((s, e, t) for s, e, t, lab in spans if lab == "PERSON")
        self.longest = max((e - s for s, e, _ in self.people), default=0)
        # people named in narration (not inside a quote), the candidates for "he" and "the ambassador"
        starts = [q[0] for q in quotes]
        self.narrated = [p for p in self.people if not inside_any((p[0], p[1]), quotes, starts)]
        self.subjects = [
            p
            for p in self.narrated
            if (sp := sdoc.char_span(p[0], p[1], alignment_mode="expand")) is not None
            and sp.root.dep_ in ("nsubj", "nsubjpass", "appos")
        ]
        # the narrated people by surname, then by name: (start, end) of each mention, in order
        self.by_surname: dict[str | None, dict[str, list[tuple[int, int]]]] = {}
        for s, e, t in self.narrated:
            words = t.split()
            self.by_surname.setdefault(words[-1] if words else None, {}).setdefault(t, []).append((s, e))
        # where lower-casing the whole text keeps every offset and lowers each character as it does alone
        # (no final sigma), a role word's places in it say which mentions' windows can hold it
        low = text.lower()
        self.low = low if len(low) == len(text) and "Σ" not in text else None
        self.places: dict[str, list[int]] = {}
        self.said: list[tuple[int, int, str]] = []  # (start, end, name) of the named sources so far, sorted
        self.said_longest = 0

    def say(self, src: Span, speaker: str) -> None:
        """A named person's source mention: "he"/"she" after it refer to it."""
        bisect.insort(self.said, (src[0], src[1], speaker))
        self.said_longest = max(self.said_longest, src[1] - src[0])

    def _earlier(self, pos: int, pool: Sequence[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
        """The people of ``pool`` (sorted) that end at or before ``pos``, the last first (found by
        bisection: a long document names thousands)."""
        for k in range(bisect.bisect_left(pool, (pos, pos + 1)) - 1, -1, -1):  # (one ending by pos starts by it)
            if pool[k][1] <= pos:
                yield pool[k]

    def _full(self, name: str, pos: int) -> str:
        """A surname alone resolves to the fuller name mentioned earlier (the last one mentioned, of those
        that end by ``pos``; looked up by surname and name, not scanned for)."""
        best: tuple[int, int, str] | None = None
        for t, places in self.by_surname.get(name.split()[-1], {}).items():
            if t == name or len(t) <= len(name):
                continue
            for k in range(bisect.bisect_left(places, (pos, pos + 1)) - 1, -1, -1):
                if places[k][1] <= pos:
                    if best is None or (*places[k], t) > best:
                        best = (*places[k], t)
                    break
        return best[2] if best is not None else name

    def _with_role(
        self, pool: Sequence[tuple[int, int, str]], pos: int, role: str, longest: int
    ) -> Iterator[tuple[int, int, str]]:
        """The people of ``pool`` (sorted; none longer than ``longest``) that end by ``pos``, the last first,
        leaving out only people whose window (60 characters before, 30 after) cannot hold ``role``."""
        places = None
        if self.low is not None and role:
            if role not in self.places:
                found, at = [], self.low.find(role)
                while at >= 0:
                    found.append(at)
                    at = self.low.find(role, at + 1)
                self.places[role] = found
            places = self.places[role]
        k = bisect.bisect_left(pool, (pos, pos + 1)) - 1
        while k >= 0:
            s, e, _ = pool[k]
            if places is None:
                if e <= pos:
                    yield pool[k]
                k -= 1
                continue
            j = bisect.bisect_right(places, e + 30 - len(role)) - 1
            if e <= pos and j >= 0 and places[j] >= max(0, s - 60):
                yield pool[k]
                k -= 1
                continue
            # a person before this one holds the role in its window only if the role starts by
            # (its start + longest + 30 - len(role)) and it starts within 60 after that: skip the rest
            j = bisect.bisect_right(places, s + longest + 30 - len(role)) - 1
            if j < 0:
                return
            k = min(k - 1, bisect.bisect_right(pool, (places[j] + 60, math.inf)) - 1)

    def _name_of(self, subj, src: Span) -> str | None:
        """The person's name inside a source span ("Foreign Minister X Y" -> "X Y")."""
        if subj.pos_ != "PROPN" and subj.lower_ not in TITLES:
            return None
        lo, hi = bisect.bisect_left(self.people, (src[0] - self.longest,)), bisect.bisect_left(self.people, (src[1],))
        near = self.people[lo:hi]  # (the people that can overlap src, found by bisection)
        people = [p for p in near if _overlaps((p[0], p[1]), src) and p[2][:1].isupper()]
        head = [p for p in people if p[0] <= subj.idx < p[1]]
        if head or people:
            return (head or people)[-1][2]
        tokens = [t for t in subj.subtree if src[0] <= t.idx < src[1]]
        runs: list[list] = [[]]
        for t in tokens:
            if t.lower_.rstrip(".") in TITLES or t.pos_ != "PROPN":
                runs.append([])
            else:
                runs[-1].append(t)
        runs = [r for r in runs if r]
        if not runs:
            return None
        run = runs[-1]
        while len(run) > 2 and run[0].ent_type_ in ("GPE", "NORP"):
            run = run[1:]
        if len(run) == 1 and run[0].ent_type_ in ("GPE", "NORP", "ORG", "LOC"):
            return None  # "the president of Azerbaijan" names a place, not the person
        return " ".join(t.text for t in run)

    def resolve(self, subj, src: Span | None, text: str, previous: Sequence[tuple[int, int, str]] = ()) -> str | None:
        """The speaker's name for a source mention; ``previous`` = (start, end, name) of earlier named sources."""
        if src is None:
            return None
        literal = text[src[0] : src[1]]
        low = subj.lower_
        if low in REL_PRONOUNS and subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "relcl":
            ante = subj.head.head
            return self.resolve(ante, _source_span(ante), text, previous)
        name = self._name_of(subj, src)
        if name:
            return self._full(name, src[0])
        if low in PRONOUNS:
            k = bisect.bisect_left(previous, (src[0],))  # previous is sorted: the last one starting before src
            if k and src[0] - previous[k - 1][0] < 1500:
                return previous[k - 1][2]
            last = next(self._earlier(src[0], self.subjects), None)
            return self._full(last[2], last[0]) if last is not None else literal
        if subj.pos_ in ("NOUN", "PROPN"):
            role = subj.lower_
            mods = [t.lower_ for t in subj.subtree if t.pos_ == "PROPN" and t.i != subj.i]
            longest = self.said_longest if previous is self.said else max((e - s for s, e, _ in previous), default=0)
            earlier = heapq.merge(
                self._with_role(self.narrated, src[0], role, self.longest),
                self._with_role(previous, src[0], role, longest),
                reverse=True,
            )
            for s, e, t in earlier:
                window = self.text[max(0, s - 60) : e + 30].lower()
                if role in window and re.search(rf"\b{re.escape(role)}", window) and all(m in window for m in mods):
                    return self._full(t, s)
        return literal


def norm_name(name: str) -> str:
    """A name as speakers are matched to entities by it: lower case, words only."""
    return " ".join(WORD.findall(name.lower()))


_RELATIVE = re.compile(r",\s*(?:which|who|whose|that)\b")
# the object of a preposition, or a later conjunct of it ("representatives of Pakistani and Azerbaijani forces")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|in|for|from|at|on|to|by|with|against)\s+(?:the\s+)?"
    r"(?:[\w'’.-]+(?:\s+[\w'’.-]+)?\s+(?:and|or)\s+(?:the\s+)?)*$",
    re.I,
)


def _can_speak(q: QuoteClaim, start: int) -> bool:
    """Whether a mention starting at ``start`` inside the speaker span can be the speaker: not in the
    span's relative clause ("Armenia, which backs Karabakh, ...") nor the object of a preposition in it
    or a later conjunct of that object ("a newspaper of Azerbaijan", "envoys of Velo and Ostrand"; "the
    minister of Pakistan Ana Reyes", "a spokesman for Velo, Ana Reyes": Ana Reyes can). Read from the
    speaker text when it is the span's own text (a pronoun's resolved name is not)."""
    text = q.speaker_text or ""
    if q.speaker_start is None or q.speaker_end is None or q.speaker_end - q.speaker_start != len(text):
        return True
    before = text[: max(0, start - q.speaker_start)]
    return not _RELATIVE.search(before) and not _AFTER_PREPOSITION.search(before)


def resolve_speakers(
    quotes: list[QuoteClaim], entities: list[Entity], mention_counts: Mapping[str, int] | None = None
) -> dict[str, str]:
    """quote claim id -> entity id of its speaker.

    First an entity mention in the same document overlapping the literal speaker span;
    else a PERSON/ORG/GPE/NORP entity whose name or alias equals the resolved speaker
    text (preferring one mentioned in the same document, then the most mentioned: by
    ``mention_counts`` (entity id -> mentions in the whole corpus) when ``entities`` hold
    only some of their mentions, else by the mentions they hold)."""

    def mentioned(e: Entity) -> tuple[int, str]:
        return (mention_counts.get(e.id, 0) if mention_counts is not None else len(e.mentions), e.id)

    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    by_name: dict[str, list[Entity]] = {}
    for ent in entities:
        for m in ent.mentions:
            by_doc.setdefault(m.doc, []).append((m.start, m.end, ent.id))
        if ent.type in ("PERSON", "ORG", "GPE", "NORP"):
            for n in {ent.name, *ent.aliases}:
                by_name.setdefault(norm_name(n), []).append(ent)
    out: dict[str, str] = {}
    for q in quotes:
        if not isinstance(q, QuoteClaim):
            continue
        named = by_name.get(norm_name(q.speaker_text or ""), [])
        local = [e for e in named if any(m.doc == q.doc for m in e.mentions)]
        overlap = []
        if q.speaker_start is not None and q.speaker_end is not None:
            overlap = [
                (e - s, eid)
                for s, e, eid in by_doc.get(q.doc, ())
                if s < q.speaker_end and q.speaker_start < e and _can_speak(q, s)
            ]
        if local:
            out[q.id] = max(local, key=mentioned).id
        elif overlap:
            out[q.id] = max(overlap)[1]
        elif named:
            out[q.id] = max(named, key=mentioned).id
    return out
