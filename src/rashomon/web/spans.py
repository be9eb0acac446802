"""Highlighted text: untrusted article text sliced at span offsets, every piece escaped.

``render`` turns a text and a list of :class:`Span` into safe HTML. Spans may nest (a
quote containing a quantity) or cross (an entity mention straddling a quote's end):
elements are opened outer-first and, where two spans cross, the inner one is closed and
reopened, so the markup is always well formed. Every fragment of one span carries the
same ``data-ref``; only the first carries the ``id`` used by URL anchors (``#c-...``).
Only escaped text and attribute values built here reach the page: the text itself is
never trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

KINDS = ("entity", "quantity", "casualty", "quote", "time", "event", "framing", "speaker", "hit", "removed")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of text. ``ref`` names the record it shows (claim id, entity id,
    framing key); ``anchor`` becomes the element id of the first fragment; ``title`` the tooltip;
    ``badge`` a label the stylesheet shows after the first fragment."""

    start: int
    end: int
    kind: str
    ref: str = ""
    anchor: str | None = None
    title: str = ""
    extra_class: str = ""
    badge: str = ""  # a short label shown after the first fragment (a contested claim's finding status)


def _open(span: Span, first: bool) -> str:
    cls = f"sp sp-{span.kind}" + (f" {span.extra_class}" if span.extra_class else "")
    attrs = [f'class="{escape(cls)}"', f'data-kind="{escape(span.kind)}"']
    if span.ref:
        attrs.append(f'data-ref="{escape(span.ref)}"')
        attrs.append('tabindex="0"')
    if first and span.anchor:
        attrs.append(f'id="{escape(span.anchor)}"')
    if span.title:
        attrs.append(f'title="{escape(span.title)}"')
    if first and span.badge:
        attrs.append(f'data-badge="{escape(span.badge)}"')
    return "<span " + " ".join(attrs) + ">"


def valid_spans(text: str, spans: list[Span]) -> list[Span]:
    """Spans that lie inside the text and are not empty (bad records are dropped, not fatal)."""
    n = len(text)
    return [s for s in spans if 0 <= s.start < s.end <= n]


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with ``spans`` wrapped in ``<span class="sp sp-KIND">`` elements."""
    spans = valid_spans(text, spans)
    # outer first: earlier start, then later end; ties broken by kind order so nesting is stable
    order = {k: i for i, k in enumerate(KINDS)}
    spans.sort(key=lambda s: (s.start, -s.end, order.get(s.kind, len(order)), s.ref))
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()
    prev = 0
    for pos in bounds:
        if pos > prev:
            out.append(str(escape(text[prev:pos])))
        prev = pos
        if any(s.end == pos for s in stack):
            reopen: list[Span] = []
            while any(s.end == pos for s in stack):
                s = stack.pop()
                out.append("</span>")
                if s.end != pos:
                    reopen.append(s)
            for s in reversed(reopen):
                out.append(_open(s, first=False))
                stack.append(s)
        for s in starts.get(pos, ()):
            out.append(_open(s, first=id(s) not in opened))
            opened.add(id(s))
            stack.append(s)
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


@dataclass(frozen=True)
class Excerpt:
    """The sentence around a span, split into before / span / after (plain, unescaped strings)."""

    before: str
    span: str
    after: str
    start: int  # offsets of the excerpt in the full text
    end: int
    span_start: int = 0  # offsets of the span itself in the full text
    span_end: int = 0

    @property
    def html(self) -> Markup:
        return Markup('{}<mark class="ev">{}</mark>{}').format(self.before, self.span, self.after)


def sentence(text: str, start: int, end: int, reach: int = 280) -> Excerpt:
    """The sentence(s) containing ``text[start:end]``, at most ``reach`` characters either side."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end < start:
        start, end = end, start
    lo = max(0, start - reach)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    right = stop.start() + 1 if stop else min(len(text), end + reach)
    right = max(right, end)
    before, after = text[left:start].lstrip(), text[end:right].rstrip()
    if left == lo and lo > 0:
        before = "…" + before
    if right == end + reach and right < len(text):
        after += "…"
    return Excerpt(before, text[start:end], after, left, right, start, end)
