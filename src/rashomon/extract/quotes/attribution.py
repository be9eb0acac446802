"""Attributions and quote claims: frames with the direct quotes they introduce, as ``Claim`` records.

``attributions(sdoc)`` finds :class:`Attribution` frames on the spaCy parse: the frames of
:mod:`.frames` (indirect speech, nominal cues, naming and passive frames, punctuation cues)
with the direct quotes attached to them:

* direct quotes: spans between quote marks (``quote_spans``, several paragraphs long where
  each continued paragraph re-opens with a mark), attached to a cue before, after or in
  the middle of them (``"...," he said, "..."`` gives one attribution with two pieces);
  a quote paragraph with no cue of its own that follows an attributed quote continues
  that speaker.

A clause that quotes in part ("X said the plan was “a disaster” for them") keeps its
unquoted words.

``extract`` turns attributions into ``QuoteClaim`` records: ``cue`` is the
cue lemma or phrase ("say", "tell", "according to", "express the hope", "call for", "dash", "colon"),
``content_start``/``content_end`` run from the first to the last quoted piece, and
``start``/``end`` cover speaker, cue and content, except for a quote paragraph that
continues an earlier speaker, whose claim spans the quote alone. The speaker fields are
:mod:`.speakers`'s.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...records import Claim, Document, Mention, QuoteClaim, claim_id
from .frames import (
    Frame,
    Span,
    _frames,
    _inside,
    _label_frames,
    _overlaps,
    _trim,
    _words,
    inside_any,
    quote_spans,
)
from .speakers import PRONOUNS, TITLES, _NameIndex

STAGE = "quotes@4"  # bump whenever the output changes: stored documents are re-extracted by this stage
GAP = re.compile(r"^[\s,:;―—–-]*$")


@dataclass(frozen=True)
class Attribution:
    """One attribution frame. Offsets are character offsets into the document text."""

    source: Span | None
    cue: Span
    cue_lemma: str
    content: tuple[Span, ...]
    direct: bool
    speaker_text: str | None = None  # resolved name (or the literal source text)


def is_statement(text: str, q: Span) -> bool:
    """A quote long enough to be a statement (not a scare quote or a title)."""
    return _words(text[q[0] : q[1]]) >= 4


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


def attributions(
    sdoc, cues: frozenset[str] | None = None, mentions: Sequence[Mention] = (), text: str | None = None
) -> list[Attribution]:
    """Every attribution frame in a parsed document (see the module docstring); ``text``: ``sdoc.text``
    where the caller has it (Doc.text joins every token anew: read once, passed on)."""
    text = sdoc.text if text is None else text
    quotes = quote_spans(text)
    frames = _frames(sdoc, cues) + _label_frames(sdoc, quotes, text)
    statements = {q for q in quotes if is_statement(text, q)}
    # quotes are sorted and do not overlap: each frame looks up the few near it by bisection
    sorted_statements = sorted(statements)
    statement_starts = [q[0] for q in sorted_statements]
    quote_ends = [q[1] for q in quotes]
    used: set[Span] = set()
    result: list[Frame] = []
    by_source: dict[Span, list[Frame]] = {}
    for frame in frames:
        src, cue, content = frame.source, frame.cue, frame.content
        # a cue inside a direct quote belongs to the quoted speaker, not to the reporter
        if inside_any(cue, sorted_statements, statement_starts):
            continue
        # the same source saying the same words twice: a label frame read again ("Said X: ...")
        if src is not None and any(_overlaps(c, d) for r in by_source.get(src, ()) for c in content for d in r.content):
            continue
        anchor = (min(cue[0], src[0]) if src else cue[0], max(cue[1], src[1]) if src else cue[1])  # source + cue
        pieces: list[Span] = []
        span = sdoc.char_span(cue[0], cue[1], alignment_mode="expand")
        s0, s1 = (span.sent.start_char, span.sent.end_char) if span is not None else anchor
        lo, hi = min([s0 - 2] + [c[0] for c in content]), max([s1 + 1] + [c[1] for c in content])
        for q in quotes[bisect.bisect_left(quote_ends, lo) :]:
            if q[0] > hi:
                break
            if q in used or _overlaps(q, anchor):
                continue
            hit = any(_overlaps(q, c) for c in content)
            if not hit and (
                q[1] <= anchor[0]
                and q[1] >= s0 - 2
                and GAP.match(text[q[1] : anchor[0]])
                or q[0] >= anchor[1]
                and q[0] <= s1 + 1
                and (GAP.match(text[anchor[1] : q[0]]) or (not content and q in statements))
            ):
                hit = True
            if hit:
                pieces.append(q)
        if pieces:
            used.update(pieces)
            content = _merge_quotes(content, pieces, anchor)
            direct = True
        else:
            if not content:
                continue
            direct = False
        trimmed = [t for t in (_trim(text, c) for c in content) if t]
        if not trimmed:
            continue
        result.append(replace(frame, content=trimmed, direct=direct))
        if frame.source is not None:
            by_source.setdefault(frame.source, []).append(result[-1])
    # quotes that follow an attributed quote with no cue of their own continue that speaker
    result.sort(key=lambda r: r.content_start)
    result = _continuations(text, quotes, used, result)
    names = _NameIndex(sdoc, mentions, text, quotes)
    out = []
    for r in result:
        src, subj = r.source, r.subject
        speaker = (
            names.resolve(subj, src, text, names.said) if subj is not None else (text[src[0] : src[1]] if src else None)
        )
        person = subj is not None and (
            subj.ent_type_ == "PERSON"
            or subj.lower_ in PRONOUNS
            or any(t.lower_.rstrip(".") in TITLES for t in subj.subtree)
        )
        if src is not None and speaker and speaker != text[src[0] : src[1]] and person:
            names.say(src, speaker)  # a named person: "he"/"she" after it refer to it
        out.append(Attribution(src, r.cue, r.lemma, tuple(r.content), r.direct, speaker))
    return out


def _continuations(text: str, quotes: list[Span], used: set[Span], result: list[Frame]) -> list[Frame]:
    """``result`` (attributed frames in content order) with the statement quotes that continue a direct
    quote's speaker: a quote in the same paragraph joins that frame's content, a quote opening a later
    paragraph becomes a frame of its own with the same source and cue. Marks them ``used``."""
    extra = []
    for q in quotes:
        if q in used or not is_statement(text, q):
            continue
        if any(_inside(q, c) for r in result for c in r.content):
            continue
        prev = [r for r in result if r.direct and r.content_end <= q[0]]
        if not prev:
            continue
        last = max(prev, key=lambda r: r.content_end)
        gap = text[last.content_end : q[0]]
        # only quote text or sentence ends may come between (no other narration)
        if len(gap) > 400 or _words(re.sub(r"“[^”]*”", "", gap)) > 12:
            continue
        between = [r for r in result if last.content_end <= r.content_start < q[0]]
        if between:
            continue
        if "\n" not in gap:
            last.content.append(q)
            used.add(q)
            continue
        start = text.rfind("\n", 0, q[0]) + 1
        if text[start : q[0]].strip():
            continue  # the quote starts mid-paragraph after narration
        extra.append(replace(last, content=[q], direct=True))
        used.add(q)
    return sorted(result + extra, key=lambda r: r.content_start)


# ----------------------------------------------------------------- claims
def extract(sdoc, document: Document, mentions: Sequence[Mention] = ()) -> list[Claim]:
    """Quote claims of one document (see :mod:`.speakers` for the speaker fields)."""
    text = document.text
    claims: dict[Span, Claim] = {}
    for a in attributions(sdoc, mentions=mentions, text=text):
        c0, c1 = a.content[0][0], a.content[-1][1]
        spans = [a.cue, (c0, c1)] + ([a.source] if a.source else [])
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if not (a.cue[0] < c1 + 400 and c0 < a.cue[1] + 400):  # a continued quote: the span is the quote
            start, end = c0, c1
        speaker = a.speaker_text
        if (start, end) in claims:
            continue
        claims[(start, end)] = QuoteClaim(
            id=claim_id(document.id, "quote", start, end),
            doc=document.id,
            start=start,
            end=end,
            text=text[start:end],
            stage=STAGE,
            speaker_text=speaker,
            speaker_start=a.source[0] if a.source else None,
            speaker_end=a.source[1] if a.source else None,
            cue=a.cue_lemma,
            direct=a.direct,
            content_start=c0,
            content_end=c1,
        )
    return sorted(claims.values(), key=lambda c: (c.start, c.end))
