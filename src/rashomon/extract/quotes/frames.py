"""Attribution frames: a source, a cue and what was said, read from the spaCy parse and from punctuation.

A :class:`Frame` is one reading, before direct quotes are attached to it (:mod:`.attribution`):

* indirect speech: a cue verb with a subject and a clausal complement ("X said (that) ...",
  "X told Y ...", "..., X said"), "according to X", "X expressed the hope that ...",
  "X called for ...", "X urged Y to ...", an object or topic phrase ("X wants to win",
  "X spoke about Y", "X voted for Y");
* nominal cues: "his claim that ...", "support for X from Y", "X issued a statement on ..."
  (source: possessor, "from"/"by" phrase or the subject of the governing verb);
* naming and passive frames: "X called the plan a disaster", "the plan was endorsed by X";
* punctuation cues: a quote signed with a dash ("“...” ― Ana Reyes", cue ``dash``) and a
  speaker label opening a paragraph ("PENCE: Well, ...", a person's name before a colon,
  cue ``colon``; not a dateline or "UPDATE:").

Which verbs and nouns are cues is the cue model's call (:mod:`.cues`); a verb cue with no
subject gives a frame without a source ("the vote is expected to ...").

A subject in another paragraph than its verb (a headline or timestamp the parser joined to
the sentence below) is no source.

The source span is the literal mention with its modifiers (relative clauses and appositions
included; "in a statement" and a participle set off by commas, "X, speaking to reporters,
said", left out).

Direct quotes are the spans between “curly” or "straight" marks (``quote_spans``), including
quotes that run over several paragraphs (each continued paragraph re-opens with a mark and
the closing mark comes in a later paragraph); '' counts as a straight double quote mark (the
NYT's style).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.symbols import AUX, NOUN, VERB

from .. import gazetteer
from ..offsets import tokens_where
from .cues import (
    REL_PRONOUNS,
    SPEECH_NOUNS,
    cue_lexicon,
    cue_threshold,
    noun_cue_probability,
    noun_cues,
    quote_marks_near,
    verb_cue_probability,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

Span = tuple[int, int]

VENUES = frozenset("statement interview tweet speech letter post release conference briefing meeting call".split())
CONTENT_DEPS = {"ccomp", "csubj"}
RECEIVE = {"draw", "receive", "face", "attract", "earn", "get", "win", "spark", "prompt", "provoke"}
CONTENT_PREPS = {"about", "on", "for", "against", "of", "over", "to"}
CIRCUMSTANCE = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
AUDIENCE = {
    "reporter",
    "journalist",
    "press",
    "audience",
    "crowd",
    "supporter",
    "voter",
    "viewer",
    "host",
    "interview",
    "statement",
    "conference",
    "rally",
    "event",
    "debate",
    "meeting",
    "time",
    "way",
}
NO_SPEAKER = {"it", "this", "that", "there"}
QUOTE_OPEN = ("“", '"', "''")  # '' is the NYT's straight double quote
# a line break after a sentence end or a blank line (not a soft wrap inside a sentence)
PARAGRAPH_BREAK = re.compile(r"[^\w\s,;]\s*\n|\n\s*\n")
# a speaker's name: up to five capitalised words ("Ana Reyes", "Sen. Ana de la Reyes", "WALLACE")
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|la|van|von|da|del|bin|al)){0,4}"
SIGNED = re.compile(rf"[ \t]*(?P<dash>[―—–]|--)[ \t]*(?P<name>{_NAME})(?=[ \t]*(?:[.,;]|\n|$|[“\"]))")
LABELLED = re.compile(
    rf"^[ \t]*[“\"]?(?:(?P<said>Said)[ \t]+)?(?P<name>{_NAME})[ \t]*(?P<cue>:)[ \t]+"
    r"(?P<content>[^\n]+)",
    re.M,
)
# first words of a name-like label that is not a speaker ("UPDATE: ...", "Photo: ...")
NOT_SPEAKERS = frozenset(
    """note editor editors update updated updates correction clarification photo photos
image images video videos watch read listen see related source sources credit credits caption warning
advertisement tags topics share subscribe breaking exclusive opinion analysis transcript file getty reporting
contact email follow filed posted published the a an this that these those it our we you i""".split()
)
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Frame:
    """One attribution frame. Offsets are character offsets into the document text.

    Read from the parse, ``content`` holds what the cue governs; :func:`.attribution.attributions`
    attaches direct quotes (``direct``) and trims it, and a quote paragraph that continues a
    speaker is appended to the content of that speaker's frame."""

    source: Span | None  # the literal source mention; None for a cue with no subject
    cue: Span
    lemma: str  # the cue lemma or phrase ("say", "according to", "express the hope", "dash", "colon")
    content: list[Span]
    subject: Token | None  # the source mention's head token (what speaker resolution reads)
    direct: bool = False  # the content holds direct quotes

    @property
    def content_start(self) -> int:
        return self.content[0][0]

    @property
    def content_end(self) -> int:
        return self.content[-1][1]


# ----------------------------------------------------------------- quote marks
_SPACE_RUN = re.compile(r"\s*")


def quote_spans(text: str) -> list[Span]:
    """Spans of direct quotes, quote marks included.

    A paragraph that ends inside an open quote continues into the next paragraph when
    that paragraph re-opens with a quote mark; otherwise the quote closes at the end of
    its paragraph. Single quotes are ignored (they double as apostrophes)."""
    spans: list[Span] = []
    open_at: int | None = None
    reopen = -1  # position of the mark that re-opens a continued paragraph
    for m in re.finditer(r"[“”\"]|''|\n", text):
        c, p = m.group(), m.start()
        if c == "\n":
            if open_at is None or p < reopen:
                continue
            nxt = _SPACE_RUN.match(text, p).end()  # type: ignore[union-attr]  # (\s* always matches)
            if text.startswith(QUOTE_OPEN, nxt):
                reopen = nxt
            else:
                end = p  # the end of the paragraph's text, trailing whitespace left out
                while end > 0 and text[end - 1].isspace():
                    end -= 1
                if end > open_at + 1:
                    spans.append((open_at, end))
                open_at = None
            continue
        if p == reopen:
            continue
        if c == "“" or (c in ('"', "''") and open_at is None):
            open_at = p
        elif open_at is not None:  # ” or the closing " or ''
            spans.append((open_at, p + len(c)))
            open_at = None
    if open_at is not None and len(text.rstrip()) > open_at + 1:
        spans.append((open_at, len(text.rstrip())))
    return spans


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: Span, b: Span) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def inside_any(a: Span, spans: Sequence[Span], starts: Sequence[int]) -> bool:
    """``any(_inside(a, s) for s in spans)`` for sorted, non-overlapping ``spans`` (as
    :func:`quote_spans` returns them) whose ``starts`` are given: only the last span starting at or
    before ``a`` can hold it, found by bisection instead of a scan of every span."""
    k = bisect.bisect_right(starts, a[0]) - 1
    return k >= 0 and _inside(a, spans[k])


# ----------------------------------------------------------------- parse helpers
def _char_span(tokens: Sequence) -> Span:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trim(text: str, span: Span) -> Span | None:
    """Strip spaces and edge punctuation except quote marks."""
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",;:—–-."):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return (s, e) if e > s else None


def _subtree_span(tok, exclude=None) -> Span:
    idx = [t.i for t in tok.subtree if exclude is None or t.i not in exclude]
    doc = tok.doc
    return _char_span([doc[min(idx)], doc[max(idx)]])


def verb_subject(verb):
    """The speaker token of a cue verb: its subject, or its governor's for participles/conjuncts.

    A subject in another paragraph than the verb is a parse across a paragraph break (a
    headline or a timestamp above the sentence), not the speaker."""
    cue = verb
    for _ in range(4):
        # the subject nearest the verb: a quote's own subject parsed onto the cue
        # ("“... it will ...,” said X") is not the speaker
        for c in sorted(verb.children, key=lambda t: abs(t.i - verb.i)):
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.dep_ == "nsubjpass":
                    agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                    c = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                if c is None:
                    return None
                return None if PARAGRAPH_BREAK.search(_text_between(c, cue)) else c
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "X tried to help by telling Y ...": X tells
        else:
            return None
    return None


def _text_between(a, b) -> str:
    """The document's text from the start of token ``a`` or ``b``, whichever comes first, to the start
    of the other. (Read from the tokens between them: ``Doc.text`` joins every token of the document
    anew on each call, which made this check quadratic in the length of the document.)"""
    first, last = sorted((a.i, b.i))
    return "".join(t.text_with_ws for t in a.doc[first:last])


def _source_span(subj) -> Span:
    if subj.lower_ in REL_PRONOUNS:
        return _char_span([subj, subj])
    drop: set[int] = set()
    for c in subj.children:
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.i > subj.i and obj is not None and obj.lemma_.lower() in VENUES:
            drop |= {t.i for t in c.subtree}
        elif c.dep_ == "acl" and c.tag_ == "VBG" and c.i > subj.i and c.doc[c.i - 1].text == ",":
            drop |= {t.i for t in c.subtree}  # "Trump, speaking to veterans, said": the circumstance
    toks = [t for t in subj.subtree if t.i not in drop]
    # keep the contiguous run around the subject head
    lo = hi = subj.i
    ids = {t.i for t in toks}
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    doc = subj.doc
    while lo < subj.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > subj.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    # a mention does not run over a line break (a list number or headline above it)
    for t in doc[lo : subj.i]:
        if "\n" in t.text or "\n" in t.whitespace_:
            lo = t.i + 1
    for t in doc[subj.i : hi]:
        if "\n" in t.whitespace_ or "\n" in doc[t.i + 1].text:
            hi = t.i
            break
    return _char_span([doc[lo], doc[hi]])


def _cue_span(verb, extra=()) -> Span:
    doc = verb.doc

    def adjacent(c) -> bool:  # "has not said", "said up": no punctuation (a quote's end) in between
        return c.i < verb.i + 2 and not any(t.is_punct for t in doc[min(c.i, verb.i) : max(c.i, verb.i)])

    toks = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and adjacent(c)]
    toks += list(extra)
    toks.sort(key=lambda t: t.i)
    return _char_span([toks[0], toks[-1]])


# ----------------------------------------------------------------- frames
def verb_kind(verb) -> str:
    """The kind of frame a cue verb opens, as ``_content_of`` reads it (a key of the cue model)."""
    deps = {c.dep_ for c in verb.children}
    if deps & CONTENT_DEPS:
        return "ccomp"
    if "xcomp" in deps:
        return "xcomp"
    if "dobj" in deps:
        return "dobj"
    if _prep_content(verb) is not None:
        return "prep"
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head is not verb:
        return "para"
    return "none"


def _content_of(verb, lemma: str) -> tuple[list[Span], str, list] | None:
    """(content spans, cue phrase, extra cue tokens) of a cue verb, or None."""
    kids = list(verb.children)
    for c in kids:
        if c.dep_ in CONTENT_DEPS:
            return [_subtree_span(c)], lemma, []
    if lemma == "express":
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS:
                clause = [g for g in c.children if g.dep_ in ("acl", "ccomp", "prep")]
                if clause:
                    return [_subtree_span(clause[0])], f"express the {c.lemma_.lower()}", [c]
    if lemma in ("call", "appeal", "press", "push"):
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == "for":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return [_subtree_span(pobj[0])], f"{lemma} for", [c]
        named = [c for c in kids if c.dep_ in ("dobj", "oprd") or (c.dep_ == "ccomp" and c.i > verb.i)]
        if lemma == "call" and len(named) >= 2:  # "X called the plan a disaster": naming is saying
            spans = sorted(_subtree_span(c) for c in named)
            return [(spans[0][0], spans[-1][1])], lemma, []
        return None
    if lemma in ("urge", "ask", "warn", "tell", "order", "encourage", "advise", "invite"):
        x = [c for c in kids if c.dep_ == "xcomp"]
        o = [c for c in kids if c.dep_ in ("dobj", "dative")]
        if x:
            spans = [_subtree_span(x[0])]
            if o and lemma != "tell":
                spans.insert(0, _subtree_span(o[0]))
            return spans, lemma, []
    objects = [c for c in kids if c.dep_ in ("dobj", "xcomp", "oprd") and c.i > verb.i and c.pos_ != "PRON"]
    if objects and lemma not in ("tell", "ask"):
        # "X called the plan a disaster", "X wants to win": the complement is what is attributed
        spans = sorted(_subtree_span(c) for c in objects)
        return [(spans[0][0], spans[-1][1])], lemma, []
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in kids) and passive.lower_ not in NO_SPEAKER:
        return [_subtree_span(passive)], lemma, []  # "the plan was endorsed by X": the plan is what X said
    prep = _prep_content(verb)
    if prep is not None:
        # "X spoke about the plan", "X voted for Y", "X referred to the report"
        return [_subtree_span(prep[1])], f"{lemma} {prep[0].lower_}", [prep[0]]
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head is not verb and verb.head.i != verb.i:
        head = verb.head
        # "..., X said" after its clause; "the plan, X said, was ..." set off inside it
        if head.pos_ in ("VERB", "AUX") and (verb.i > head.i or verb.dep_ == "parataxis"):
            own = {t.i for t in verb.subtree}
            return [_subtree_span(head, exclude=own)], lemma, []
    return None


def _prep_content(tok):
    """(preposition, object) of a cue's topic phrase ("about X", "for X", "of X"), or None.

    Times, places and audiences ("on Tuesday", "to reporters") are circumstances, not content."""
    for c in tok.children:
        if c.dep_ != "prep" or c.i < tok.i or c.lower_ not in CONTENT_PREPS:
            continue
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.ent_type_ in CIRCUMSTANCE or obj.lemma_.lower() in AUDIENCE:
            continue
        if c.lower_ == "to" and (obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.pos_ == "PRON"):
            continue
        return c, obj
    return None


def noun_frame(noun) -> Frame | None:
    """A nominal cue: "his claim that ...", "support for X from Y", "X issued a statement on ...".

    Source: a possessor, a "from"/"by" phrase, or the subject of the verb whose object the
    noun is; content: a clause on the noun ("that ..."), else its topic phrase."""
    lemma = noun.lemma_.lower()
    kids = list(noun.children)
    extra: list = []
    content: Span | None = None
    clause = next((c for c in kids if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if clause is not None:
        content = _subtree_span(clause)
        mark = next((g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that"), None)
        extra = [mark] if mark is not None else []
    else:
        prep = _prep_content(noun)
        if prep is not None:
            content, extra = _subtree_span(prep[1]), [prep[0]]
    if content is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVE:
        target = verb_subject(noun.head)  # "the plan drew criticism": the plan is what is criticised
        content = _source_span(target) if target is not None and target.lower_ not in NO_SPEAKER else None
    if content is None:
        return None
    subj = next((c for c in kids if c.dep_ == "poss"), None)
    if subj is None:
        for c in kids:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ == "prep" and c.lower_ in ("from", "by") and obj is not None:
                subj, extra = obj, extra + [c]
                break
    if subj is None and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        verb = noun.head
        if verb.lemma_.lower() in RECEIVE:  # "the plan drew criticism from X": X is the source
            by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            subj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            extra += [by] if subj is not None else []
        else:
            subj = verb_subject(verb)
    if subj is not None and subj.lower_ in NO_SPEAKER:
        subj = None
    cue = _char_span([noun])
    return Frame(_source_span(subj) if subj is not None else None, cue, lemma, [content], subj)


def _according(tok) -> tuple[Span, list[Span], Span] | None:
    """'according to X' -> (source, content pieces, cue)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    own = {t.i for t in tok.subtree}
    rest = [t for t in sent if t.i not in own and not t.is_punct]
    if not rest:
        return None
    before = [t for t in rest if t.i < tok.i]
    after = [t for t in rest if t.i > tok.i]
    side = after if len(after) >= len(before) else before
    if not side:
        return None
    cue = _char_span([tok, to])
    return _source_span(pobj), [_char_span([side[0], side[-1]])], cue


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


_ANY = _Everything()


def _frames(sdoc, cues: frozenset[str] | None = None) -> list[Frame]:
    """Frames from the parse (content: what the cue governs; no direct quotes attached yet).

    Verbs are cues where the learned cue model accepts them (``cues`` None), or where their
    lemma is in ``cues`` and they have a subject."""
    nouns = noun_cues()
    accept = cue_threshold()
    # a lemma the cue model does not read is no cue (unless the threshold is 0: every verb)
    lexicon: Container[str] = cue_lexicon() if accept > 0 else _ANY
    out: list[Frame] = []
    marks = quote_marks_near(sdoc)
    for tok in tokens_where(sdoc, pos=(NOUN, VERB, AUX), lower=("according",)):  # what may open a frame
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "to":
            hit = _according(tok)
            if hit:
                source, content, cue = hit
                to = sdoc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                out.append(Frame(source, cue, "according to", content, pobj))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            frame = noun_frame(tok)
            if frame is not None and noun_cue_probability(tok, frame.subject) >= accept:
                out.append(frame)
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in (lexicon if cues is None else cues):  # no cue, whatever its subject and frame
            continue
        subj = verb_subject(tok)
        if subj is not None and subj.lower_ in NO_SPEAKER:
            continue
        if cues is None:
            if verb_cue_probability(tok, verb_kind(tok), subj, marks[tok.i]) < accept:
                continue
        elif lemma not in cues or subj is None:
            continue
        src = _source_span(subj) if subj is not None else None
        got = _content_of(tok, lemma)
        if got is None:
            if src is not None:
                out.append(Frame(src, _cue_span(tok), lemma, [], subj))
            continue
        content, phrase, extra = got
        out.append(Frame(src, _cue_span(tok, extra), phrase, content, subj))
    return out


def _label_frames(sdoc, quotes: Sequence[Span], text: str) -> list[Frame]:
    """Frames that punctuation opens, with no cue word: a quote signed with a dash
    ("“...” ― Ana Reyes") and a speaker label at the start of a paragraph ("PENCE: Well, ...",
    "Said Reyes: “...”", a headline "Reyes: Talks Will Resume"); a place is a dateline ("ISLAMABAD: ...").
    ``text`` is ``sdoc.text``, ``quotes`` its :func:`quote_spans`."""
    out: list[Frame] = []

    def frame(name: tuple[int, int], cue: Span, lemma: str, content: list[Span]) -> None:
        s, e = name
        if text[s:e].split()[0].lower().rstrip(".") in NOT_SPEAKERS:
            return
        if text[e - 1] == "." and len(text[s:e].split()[-1]) > 3:  # "― Ana Reyes." ends a sentence
            e -= 1
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return
        # a bare label is a transcript's capitals ("WALLACE:") or a person's name; not a headline's words
        named = sum(len(x) for x in span.ents if x.label_ == "PERSON")
        if lemma != "colon" or text[s:e].isupper() or named >= len(span) - 1 > 0 or named == len(span):
            out.append(Frame(_char_span([span[0], span[-1]]), cue, lemma, content, span.root))

    for q in quotes:
        m = SIGNED.match(text, q[1])
        if m:
            frame(m.span("name"), m.span("dash"), "dash", [])  # the quote before it attaches as a piece
    for m in LABELLED.finditer(text):
        if _words(m.group("content")) < 3:
            continue
        if not m.group("said") and gazetteer.load().is_place(m.group("name")):
            continue  # "ISLAMABAD: The embassy ..." is a dateline
        content = _trim(text, m.span("content"))
        if content is not None:
            frame(m.span("name"), m.span("cue"), "say" if m.group("said") else "colon", [content])
    return out
