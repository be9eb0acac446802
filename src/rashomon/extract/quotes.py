"""Quotes and attributions: who said what, with evidence offsets.

Owns the per-document quote extractor and the corpus-level speaker resolution.

``attributions(sdoc)`` finds :class:`Attribution` frames on the spaCy parse:

* direct quotes: spans between “curly” or "straight" marks (``quote_spans``), including
  quotes that run over several paragraphs (each continued paragraph re-opens with a mark
  and the closing mark comes in a later paragraph), attached to a cue before, after or in
  the middle of them (``"...," he said, "..."`` gives one attribution with two pieces);
  a quote paragraph with no cue of its own that follows an attributed quote continues
  that speaker;
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

A subject in another paragraph than its verb (a headline or timestamp the parser joined to
the sentence below) is no source.

The source span is the literal mention with its modifiers (relative clauses and appositions
included; "in a statement" and a participle set off by commas, "X, speaking to reporters,
said", left out). A verb is a cue where the cue model accepts it: the
probability that a verb of this lemma, frame kind (clause, infinitive, object, topic phrase,
parenthetical, none) and with or without a subject is a gold cue in the PolNeAR train split,
smoothed towards the lemma, at or above a threshold chosen by cross-fitting on train; a verb
cue with no subject gives a frame without a source ("the vote is expected to ..."). Noun
cues are lemmas that are cues often enough where a frame can be read. The model ships in
``rashomon/models/quotes/cues.json``; ``scripts/train_quotes.py`` rebuilds it.
A clause that quotes in part ("X said the plan was “a disaster” for them") keeps its
unquoted words; '' counts as a straight double quote mark (the NYT's style).
``extract`` turns attributions into ``Claim(kind="quote")`` records: ``cue`` is the
cue lemma or phrase ("say", "tell", "according to", "express the hope", "call for", "dash", "colon"),
``content_start``/``content_end`` run from the first to the last quoted piece, and
``start``/``end`` cover speaker, cue and content, except for a quote paragraph that
continues an earlier speaker, whose claim spans the quote alone.

Speaker convention: ``speaker_start``/``speaker_end`` are the literal source mention in
the attribution ("he", "the ambassador", "Farhadov"); ``speaker_text`` is the resolved name
when the document names that speaker earlier (nearest PERSON for he/she, the nearest
PERSON introduced with the same role word for "the ambassador", the full name for a bare
surname); otherwise it is the literal text (unknown rather than a guess).
``resolve_speakers`` maps each quote to the canonical Entity of that name.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from ..records import Claim, Document, Entity, Mention, claim_id
from . import gazetteer

STAGE = "quotes@1"
Span = tuple[int, int]

# Cue lemmas used when the packaged lexicon is absent (it never is in a release).
BASE_CUES = frozenset("""say tell add state claim argue note explain insist write report announce declare warn
urge ask suggest acknowledge admit deny reply respond recall predict promise contend assert maintain tweet
emphasize stress indicate describe confirm reveal mention observe remark comment conclude concede pledge vow
testify allege charge complain accuse caution point express call""".split())
TITLES = frozenset("""mr mrs ms dr sen rep gen lt col gov president minister ambassador speaker spokesperson spokesman
spokeswoman secretary prime foreign chief chairman director premier governor mayor senator representative
general colonel judge envoy""".split())
VENUES = frozenset("statement interview tweet speech letter post release conference briefing meeting call".split())
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON"}
REL_PRONOUNS = {"who", "which", "that"}
SPEECH_NOUNS = {"hope", "concern", "confidence", "disappointment", "belief", "view", "fear", "regret",
                "satisfaction", "opinion", "doubt", "gratitude", "support", "wish"}
CONTENT_DEPS = {"ccomp", "csubj"}
RECEIVE = {"draw", "receive", "face", "attract", "earn", "get", "win", "spark", "prompt", "provoke"}
CONTENT_PREPS = {"about", "on", "for", "against", "of", "over", "to"}
CIRCUMSTANCE = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "EVENT"}
AUDIENCE = {"reporter", "journalist", "press", "audience", "crowd", "supporter", "voter", "viewer", "host",
            "interview", "statement", "conference", "rally", "event", "debate", "meeting", "time", "way"}
NO_SPEAKER = {"it", "this", "that", "there"}
QUOTE_OPEN = ("“", "\"", "''")  # '' is the NYT's straight double quote
# a line break after a sentence end or a blank line (not a soft wrap inside a sentence)
PARAGRAPH_BREAK = re.compile(r"[^\w\s,;]\s*\n|\n\s*\n")
# a speaker's name: up to five capitalised words ("Ana Reyes", "Sen. Ana de la Reyes", "WALLACE")
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|la|van|von|da|del|bin|al)){0,4}"
SIGNED = re.compile(rf"[ \t]*(?P<dash>[―—–]|--)[ \t]*(?P<name>{_NAME})(?=[ \t]*(?:[.,;]|\n|$|[“\"]))")
LABELLED = re.compile(rf"^[ \t]*[“\"]?(?:(?P<said>Said)[ \t]+)?(?P<name>{_NAME})[ \t]*(?P<cue>:)[ \t]+"
                      r"(?P<content>[^\n]+)", re.M)
# first words of a name-like label that is not a speaker ("UPDATE: ...", "Photo: ...")
NOT_SPEAKERS = frozenset("""note editor editors update updated updates correction clarification photo photos
image images video videos watch read listen see related source sources credit credits caption warning
advertisement tags topics share subscribe breaking exclusive opinion analysis transcript file getty reporting
contact email follow filed posted published the a an this that these those it our we you i""".split())
GAP = re.compile(r"^[\s,:;―—–-]*$")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """One attribution frame. Offsets are character offsets into the document text."""

    source: Span | None
    cue: Span
    cue_lemma: str
    content: tuple[Span, ...]
    direct: bool
    speaker_text: str | None = None  # resolved name (or the literal source text)


# ----------------------------------------------------------------- lexicon
@lru_cache(maxsize=1)
def _lexicon() -> dict:
    try:
        raw = resources.files("rashomon.models.quotes").joinpath("cues.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return json.loads(raw)


def _verb_kind(verb) -> str:
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


@lru_cache(maxsize=1)
def _verb_model() -> tuple[dict[str, float], float]:
    """(probability that a verb is a cue, per "lemma|kind|subject" key; acceptance threshold).

    The probabilities are smoothed estimates from PolNeAR train (scripts/train_quotes.py):
    a frame kind backs off to the lemma, an unseen lemma is no cue."""
    lex = _lexicon()
    table: dict[str, list[int]] = lex.get("verb_frames", {})
    m = float(lex.get("smoothing", 4.0))
    lemma_n: dict[str, list[int]] = {}
    kind_n: dict[str, list[int]] = {}
    for key, (c, n) in table.items():
        lemma, kind, _ = key.split("|")
        for agg, k in ((lemma_n, lemma), (kind_n, f"{lemma}|{kind}")):
            acc = agg.setdefault(k, [0, 0])
            acc[0] += c
            acc[1] += n
    probs: dict[str, float] = {}
    for key, (c, n) in lemma_n.items():
        probs[key] = c / n
    for key, (c, n) in kind_n.items():
        probs[key] = (c + m * probs[key.split("|")[0]]) / (n + m)
    for key, (c, n) in table.items():
        probs[key] = (c + m * probs[key.rsplit("|", 1)[0]]) / (n + m)
    return probs, float(lex.get("threshold", 0.5))


def verb_cue_probability(lemma: str, kind: str, subject: bool) -> float:
    """How likely a verb with this lemma, frame kind and (no) subject is an attribution cue."""
    probs, _ = _verb_model()
    for key in (f"{lemma}|{kind}|{'subj' if subject else 'nosubj'}", f"{lemma}|{kind}", lemma):
        if key in probs:
            return probs[key]
    return 1.0 if subject and lemma in BASE_CUES else 0.0


def cue_lexicon() -> frozenset[str]:
    """Verb lemmas that the cue model accepts in at least one frame kind (see ``verb_cue_probability``)."""
    probs, threshold = _verb_model()
    return frozenset(k.split("|")[0] for k, p in probs.items() if p >= threshold) | BASE_CUES


def noun_cues() -> frozenset[str]:
    """Noun lemmas that act as attribution cues ("his claim that ...", "a statement from X")."""
    return frozenset(_lexicon().get("nouns", ())) | SPEECH_NOUNS


# ----------------------------------------------------------------- quote marks
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
            nxt = p + len(text[p:]) - len(text[p:].lstrip())
            if text.startswith(QUOTE_OPEN, nxt):
                reopen = nxt
            else:
                end = len(text[:p].rstrip())
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


def _subject(verb):
    """The speaker token of a cue verb: its subject, or its governor's for participles/conjuncts.

    A subject in another paragraph than the verb is a parse across a paragraph break (a
    headline or a timestamp above the sentence), not the speaker."""
    cue = verb
    for _ in range(3):
        # the subject nearest the verb: a quote's own subject parsed onto the cue
        # ("“... it will ...,” said X") is not the speaker
        for c in sorted(verb.children, key=lambda t: abs(t.i - verb.i)):
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.dep_ == "nsubjpass":
                    agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                    c = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                if c is None:
                    return None
                lo, hi = sorted((c.idx, cue.idx))
                return None if PARAGRAPH_BREAK.search(c.doc.text, lo, hi) else c
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


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
    for t in doc[lo:subj.i]:
        if "\n" in t.text or "\n" in t.whitespace_:
            lo = t.i + 1
    for t in doc[subj.i:hi]:
        if "\n" in t.whitespace_ or "\n" in doc[t.i + 1].text:
            hi = t.i
            break
    return _char_span([doc[lo], doc[hi]])


def _cue_span(verb, extra=()) -> Span:
    doc = verb.doc

    def adjacent(c) -> bool:  # "has not said", "said up": no punctuation (a quote's end) in between
        return c.i < verb.i + 2 and not any(t.is_punct for t in doc[min(c.i, verb.i):max(c.i, verb.i)])

    toks = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt") and adjacent(c)]
    toks += list(extra)
    toks.sort(key=lambda t: t.i)
    return _char_span([toks[0], toks[-1]])


# ----------------------------------------------------------------- frames
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


def _noun_frame(noun) -> tuple[Span | None, Span, str, list[Span], object] | None:
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
        target = _subject(noun.head)  # "the plan drew criticism": the plan is what is criticised
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
            subj = _subject(verb)
    if subj is not None and subj.lower_ in NO_SPEAKER:
        subj = None
    cue = _char_span([noun])
    return (_source_span(subj) if subj is not None else None), cue, lemma, [content], subj


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


def _frames(sdoc, cues: frozenset[str] | None = None) -> list[tuple[Span | None, Span, str, list[Span], object]]:
    """Raw (source, cue, lemma, content pieces, source token) frames from the parse.

    Verbs are cues where the learned cue model accepts them (``cues`` None), or where their
    lemma is in ``cues`` and they have a subject."""
    nouns = noun_cues()
    threshold = _verb_model()[1]
    out = []
    for tok in sdoc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "to":
            hit = _according(tok)
            if hit:
                src, content, cue = hit
                to = sdoc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                out.append((src, cue, "according to", content, pobj))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            frame = _noun_frame(tok)
            if frame is not None:
                out.append(frame)
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        subj = _subject(tok)
        if subj is not None and subj.lower_ in NO_SPEAKER:
            continue
        if cues is None:
            if verb_cue_probability(lemma, _verb_kind(tok), subj is not None) < threshold:
                continue
        elif lemma not in cues or subj is None:
            continue
        src = _source_span(subj) if subj is not None else None
        got = _content_of(tok, lemma)
        if got is None:
            if src is not None:
                out.append((src, _cue_span(tok), lemma, [], subj))
            continue
        content, phrase, extra = got
        out.append((src, _cue_span(tok, extra), phrase, content, subj))
    return out


def _label_frames(sdoc, quotes: Sequence[Span]) -> list[tuple[Span | None, Span, str, list[Span], object]]:
    """Frames that punctuation opens, with no cue word: a quote signed with a dash
    ("“...” ― Ana Reyes") and a speaker label at the start of a paragraph ("PENCE: Well, ...",
    "Said Reyes: “...”", a headline "Reyes: Talks Will Resume"); a place is a dateline ("ISLAMABAD: ...")."""
    text = sdoc.text
    out = []

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
            out.append((_char_span([span[0], span[-1]]), cue, lemma, content, span.root))

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


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: Span, b: Span) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _statement(text: str, q: Span) -> bool:
    """A quote long enough to be a statement (not a scare quote or a title)."""
    return _words(text[q[0]:q[1]]) >= 4


def _merge_quotes(content: list[Span], pieces: list[Span], frame: Span) -> list[Span]:
    """Content pieces of a cue with direct quotes: a clause that quotes in part ("X said the
    plan was “a disaster” for them") keeps its unquoted words; a clause that would swallow
    the cue itself (a parse that hangs the cue inside the quote) gives way to the quotes."""
    out: list[Span] = []
    rest = list(pieces)
    for c in content:
        inner = [q for q in rest if _overlaps(q, c)]
        if not inner:
            continue
        merged = (min([c[0]] + [q[0] for q in inner]), max([c[1]] + [q[1] for q in inner]))
        if _overlaps(merged, frame):
            continue
        rest = [q for q in rest if q not in inner]
        out.append(merged)
    return sorted(out + rest)


def attributions(sdoc, cues: frozenset[str] | None = None, mentions: Sequence[Mention] = ()) -> list[Attribution]:
    """Every attribution frame in a parsed document (see the module docstring)."""
    text = sdoc.text
    quotes = quote_spans(text)
    frames = _frames(sdoc, cues) + _label_frames(sdoc, quotes)
    statements = {q for q in quotes if _statement(text, q)}
    used: set[Span] = set()
    result: list[tuple[Span | None, Span, str, list[Span], bool, object]] = []
    for src, cue, lemma, content, subj in frames:
        # a cue inside a direct quote belongs to the quoted speaker, not to the reporter
        if any(_inside(cue, q) for q in statements):
            continue
        # the same source saying the same words twice: a label frame read again ("Said X: ...")
        if src is not None and any(r[0] == src and _overlaps(c, d) for r in result for c in content for d in r[3]):
            continue
        frame = (min(cue[0], src[0]) if src else cue[0], max(cue[1], src[1]) if src else cue[1])
        pieces: list[Span] = []
        span = sdoc.char_span(cue[0], cue[1], alignment_mode="expand")
        s0, s1 = (span.sent.start_char, span.sent.end_char) if span is not None else frame
        lo, hi = min([s0 - 2] + [c[0] for c in content]), max([s1 + 1] + [c[1] for c in content])
        for q in quotes:
            if q[1] < lo or q[0] > hi or q in used or _overlaps(q, frame):
                continue
            hit = any(_overlaps(q, c) for c in content)
            if not hit:
                if q[1] <= frame[0] and q[1] >= s0 - 2 and GAP.match(text[q[1]:frame[0]]):
                    hit = True
                elif q[0] >= frame[1] and q[0] <= s1 + 1 and (GAP.match(text[frame[1]:q[0]])
                                                          or (not content and q in statements)):
                    hit = True
            if hit:
                pieces.append(q)
        if pieces:
            used.update(pieces)
            content = _merge_quotes(content, pieces, frame)
            direct = True
        else:
            if not content:
                continue
            direct = False
        trimmed = [t for t in (_trim(text, c) for c in content) if t]
        if not trimmed:
            continue
        result.append((src, cue, lemma, trimmed, direct, subj))
    # quotes that follow an attributed quote with no cue of their own continue that speaker
    result.sort(key=lambda r: r[3][0][0])
    result = _continuations(sdoc, quotes, used, result)
    names = _NameIndex(sdoc, mentions)
    out = []
    previous: list[tuple[int, int, str]] = []
    for src, cue, lemma, content, direct, subj in result:
        speaker = names.resolve(subj, src, text, previous) if subj is not None else (
            text[src[0]:src[1]] if src else None)
        person = subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in PRONOUNS or any(
            t.lower_.rstrip(".") in TITLES for t in subj.subtree))
        if src is not None and speaker and speaker != text[src[0]:src[1]] and person:
            previous.append((src[0], src[1], speaker))  # a named person: "he"/"she" after it refer to it
        previous.sort()
        out.append(Attribution(src, cue, lemma, tuple(content), direct, speaker))
    return out


def _continuations(sdoc, quotes, used, result):
    text = sdoc.text
    extra = []
    for q in quotes:
        if q in used or not _statement(text, q):
            continue
        if any(_inside(q, c) for r in result for c in r[3]):
            continue
        prev = [r for r in result if r[4] and r[3][-1][1] <= q[0]]
        if not prev:
            continue
        last = max(prev, key=lambda r: r[3][-1][1])
        gap = text[last[3][-1][1]:q[0]]
        # only quote text or sentence ends may come between (no other narration)
        if len(gap) > 400 or _words(re.sub(r"“[^”]*”", "", gap)) > 12:
            continue
        between = [r for r in result if last[3][-1][1] <= r[3][0][0] < q[0]]
        if between:
            continue
        if "\n" not in gap:
            last[3].append(q)
            used.add(q)
            continue
        start = text.rfind("\n", 0, q[0]) + 1
        if text[start:q[0]].strip():
            continue  # the quote starts mid-paragraph after narration
        extra.append((last[0], last[1], last[2], [q], True, last[5]))
        used.add(q)
    return sorted(result + extra, key=lambda r: r[3][0][0])


# ----------------------------------------------------------------- speaker names
class _NameIndex:
    """PERSON mentions of one document, to resolve pronouns, role nouns and surnames."""

    def __init__(self, sdoc, mentions: Iterable[Mention] = ()) -> None:
        self.doc = sdoc
        spans = [(m.start, m.end, m.text, m.label) for m in mentions]
        if not spans:
            spans = [(e.start_char, e.end_char, e.text, e.label_) for e in sdoc.ents]
        self.text = sdoc.text  # Doc.text joins every token: read it once
        quotes = quote_spans(self.text)
        self.people = sorted((s, e, t) for s, e, t, lab in spans if lab == "PERSON")
        # people named in narration (not inside a quote), the candidates for "he" and "the ambassador"
        self.narrated = [p for p in self.people if not any(_inside((p[0], p[1]), q) for q in quotes)]
        self.subjects = [p for p in self.narrated
                         if (sp := sdoc.char_span(p[0], p[1], alignment_mode="expand")) is not None
                         and sp.root.dep_ in ("nsubj", "nsubjpass", "appos")]

    def _before(self, pos: int, pool=None):
        return [p for p in (self.narrated if pool is None else pool) if p[1] <= pos]

    def _full(self, name: str, pos: int) -> str:
        """A surname alone resolves to the fuller name mentioned earlier."""
        for s, e, t in reversed(self._before(pos)):
            if t != name and t.split()[-1] == name.split()[-1] and len(t) > len(name):
                return t
        return name

    def _name_of(self, subj, src: Span) -> str | None:
        """The person's name inside a source span ("Foreign Minister X Y" -> "X Y")."""
        if subj.pos_ != "PROPN" and subj.lower_ not in TITLES:
            return None
        people = [p for p in self.people if _overlaps((p[0], p[1]), src) and p[2][:1].isupper()]
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
        literal = text[src[0]:src[1]]
        low = subj.lower_
        if low in REL_PRONOUNS and subj.dep_ in ("nsubj", "nsubjpass") and subj.head.dep_ == "relcl":
            ante = subj.head.head
            return self.resolve(ante, _source_span(ante), text, previous)
        name = self._name_of(subj, src)
        if name:
            return self._full(name, src[0])
        if low in PRONOUNS:
            recent = [n for off, _, n in previous if off < src[0] and src[0] - off < 1500]
            if recent:
                return recent[-1]
            before = self._before(src[0], self.subjects)
            return self._full(before[-1][2], before[-1][0]) if before else literal
        if subj.pos_ in ("NOUN", "PROPN"):
            role = subj.lower_
            mods = [t.lower_ for t in subj.subtree if t.pos_ == "PROPN" and t.i != subj.i]
            earlier = sorted(self._before(src[0]) + [p for p in previous if p[1] <= src[0]])
            for s, e, t in reversed(earlier):
                window = self.text[max(0, s - 60):e + 30].lower()
                if re.search(rf"\b{re.escape(role)}", window) and all(m in window for m in mods):
                    return self._full(t, s)
        return literal


# ----------------------------------------------------------------- claims
def extract(sdoc, document: Document, mentions: Sequence[Mention] = ()) -> list[Claim]:
    """Quote claims of one document (see the module docstring for the speaker fields)."""
    text = document.text
    claims: dict[Span, Claim] = {}
    for a in attributions(sdoc, mentions=mentions):
        c0, c1 = a.content[0][0], a.content[-1][1]
        spans = [a.cue, (c0, c1)] + ([a.source] if a.source else [])
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if not (a.cue[0] < c1 + 400 and c0 < a.cue[1] + 400):  # a continued quote: the span is the quote
            start, end = c0, c1
        speaker = a.speaker_text
        if (start, end) in claims:
            continue
        claims[(start, end)] = Claim(
            id=claim_id(document.id, "quote", start, end), doc=document.id, kind="quote", start=start, end=end,
            text=text[start:end], stage=STAGE, speaker_text=speaker,
            speaker_start=a.source[0] if a.source else None, speaker_end=a.source[1] if a.source else None,
            cue=a.cue_lemma, direct=a.direct, content_start=c0, content_end=c1)
    return sorted(claims.values(), key=lambda c: (c.start, c.end))


def _norm(name: str) -> str:
    return " ".join(WORD.findall(name.lower()))


_RELATIVE = re.compile(r",\s*(?:which|who|whose|that)\b")
# the object of a preposition, or a later conjunct of it ("representatives of Pakistani and Azerbaijani forces")
_AFTER_PREPOSITION = re.compile(r"\b(?:of|in|for|from|at|on|to|by|with|against)\s+(?:the\s+)?"
                                r"(?:[\w'’.-]+(?:\s+[\w'’.-]+)?\s+(?:and|or)\s+(?:the\s+)?)*$", re.I)


def _can_speak(q: Claim, start: int) -> bool:
    """Whether a mention starting at ``start`` inside the speaker span can be the speaker: not in the
    span's relative clause ("Armenia, which backs Karabakh, ...") nor the object of a preposition in it
    or a later conjunct of that object ("a newspaper of Azerbaijan", "envoys of Velo and Ostrand"; "the
    minister of Pakistan Ana Reyes", "a spokesman for Velo, Ana Reyes": Ana Reyes can). Read from the
    speaker text when it is the span's own text (a pronoun's resolved name is not)."""
    text = q.speaker_text or ""
    if q.speaker_start is None or q.speaker_end is None or q.speaker_end - q.speaker_start != len(text):
        return True
    before = text[:max(0, start - q.speaker_start)]
    return not _RELATIVE.search(before) and not _AFTER_PREPOSITION.search(before)


def resolve_speakers(quotes: list[Claim], entities: list[Entity]) -> dict[str, str]:
    """quote claim id -> entity id of its speaker.

    First an entity mention in the same document overlapping the literal speaker span;
    else a PERSON/ORG/GPE/NORP entity whose name or alias equals the resolved speaker
    text (preferring one mentioned in the same document, then the most mentioned)."""
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    by_name: dict[str, list[Entity]] = {}
    for ent in entities:
        for m in ent.mentions:
            by_doc.setdefault(m.doc, []).append((m.start, m.end, ent.id))
        if ent.type in ("PERSON", "ORG", "GPE", "NORP"):
            for n in {ent.name, *ent.aliases}:
                by_name.setdefault(_norm(n), []).append(ent)
    out: dict[str, str] = {}
    for q in quotes:
        if q.kind != "quote":
            continue
        named = by_name.get(_norm(q.speaker_text or ""), [])
        local = [e for e in named if any(m.doc == q.doc for m in e.mentions)]
        overlap = []
        if q.speaker_start is not None and q.speaker_end is not None:
            overlap = [(e - s, eid) for s, e, eid in by_doc.get(q.doc, ())
                       if s < q.speaker_end and q.speaker_start < e and _can_speak(q, s)]
        if local:
            out[q.id] = max(local, key=lambda e: (len(e.mentions), e.id)).id
        elif overlap:
            out[q.id] = max(overlap)[1]
        elif named:
            out[q.id] = max(named, key=lambda e: (len(e.mentions), e.id)).id
    return out
