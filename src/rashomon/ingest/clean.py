"""Cleaning of article text: what an HTML extractor cannot see, recorded with raw offsets.

``clean(raw_text)`` returns the cleaned text and one :class:`Removal` per removed piece,
with offsets into the raw text (``raw[r.start:r.end] == r.text``); the cleaned text is
the raw text with those pieces cut out and the outer whitespace trimmed (whitespace is
never recorded). The text is seen as *blocks*: non-blank lines. The first block is the
title (or the lede): it is removed whole only as page furniture (interface text, a stamp,
a copyright notice, a labelled caption) and never when it is the only block. What each kind
of line looks like is in :mod:`.leftovers`; where it is looked for is here. Rules
(``Removal.rule``):

``email_obfuscation``  "[email protected]" left by e-mail cloaking scripts (inline).
``interface`` anywhere: the page's own text, not the article's: share/print buttons, sign-in,
              newsletter and notification dialogs, video-player messages, separator lines.
``dateline``  a date stamp that is only metadata: a leading "date 2020-03-04" prefix, a
              "Published: 4 March 2020" / bare-date / bare-time line near the top, the stamps
              ending a head line ("<headline> Posted: <date> Updated: <date>"), a labelled
              stamp-only line anywhere (a dateline that opens the lede, "PARIS, 4 March 2020
              (Wire) -", is prose and is kept).
``byline``    a line near the top that is only "By[:] Jane Doe[, role]" (a stamp after it is a
              ``dateline`` of its own).
``link_list`` "Related" / "Must Read" / "Also on example.com:" ... headers at the end and the
              teaser headlines after them (under "More stories you may like", headlines with
              their stories' first lines too); "Read more: <headline>" lines anywhere.
``contact``, ``social``, ``credit``, ``author_bio``, ``promo``  trailing lines: "Email: ...",
              "Contact Jane Doe: ...", "Follow us on ...", "Read or Share this story: <url>",
              "(Reporting by ...)", "Jane Doe contributed to this report.", "The writer is a
              researcher with ...", "Check back for updates." / "Stay with KXYZ for ...".
``copyright`` "(c) 2021 ...", "Copyright 2016 KXYZ. All rights reserved." (anywhere).
``caption``   a photo caption: a labelled line anywhere ("Photo: ...", "Image 3 of 12 ...",
              "Buy Photo ...", "... (Photo: Jane Doe)", "Getty Images"); or, standing alone
              between paragraphs, a short all-capitalised line without final punctuation that
              names a person (a role word such as "PM", "Minister", or a name the body also uses).
              A page that is only a photo gallery keeps its distinct captions ("Image 3 of 12 ...
              shot Tuesday ..."): they are all it tells.
``pull_quote`` a short paragraph (8-80 words) whose words (nearly) all recur in a longer
              paragraph of the same text (80 % in order, or 80 % of its word 3-grams).

:mod:`.metadata` reads the date, author and wire credit out of the recorded removals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..records import Removal
from .leftovers import (
    BYLINE,
    CLOCK_LINE,
    DATE,
    DATE_PREFIX,
    INLINE_TEASER,
    LABELLED,
    PLAYLIST_ITEM,
    TEASER_HEADER,
    caption_label,
    copyright_line,
    gallery_caption,
    interface,
    link_header,
    stamp_line,
    stamp_suffix,
    tail_rule,
)

__all__ = ["BYLINE", "DATE", "DATE_PREFIX", "Block", "Cleaned", "apply", "blocks_of", "clean", "words"]

_EMAIL_CLOAK = re.compile(r"\s?\[\s*email(?:\s|&#160;|&nbsp;|\xa0)*protected\s*\]", re.I)
_ROLE = re.compile(
    r"\b(?:PM|President|Minister|Premier|Chancellor|Secretary|Governor|Mayor|Senator|"
    r"Ambassador|King|Queen|Prince|Princess|General|Gen|Chief|CEO|Chairman|Chairwoman|Chair|"
    r"Spokesperson|Spokesman|Spokeswoman|Leader|Pope|Dr|Mr|Mrs|Ms|Sheikh|Emir|Commander|Judge|"
    r"MP|Rep|Sen|Coach|Director)\b\.?"
)
_WORD = re.compile(r"[\w’'-]+")
_NAME_SEQ = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F.'’-]*$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*|>]|\d{1,3}[.)]\s)")
_RUN_ON = re.compile(r"(?:https?://|www\.|\S+@|\(?\d)")
_PARAGRAPH = 12  # words: a block at least this long is a body paragraph
_TEASER_WORDS = 60  # words: the longest teaser (a headline and its story's first lines) under a TEASER_HEADER


@dataclass(frozen=True)
class Block:
    start: int  # offset of the first non-blank character of the line
    end: int  # offset after its last non-blank character
    text: str
    line_end: int  # offset after the line's newline (and any blank lines that follow)


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removal, ...]


def blocks_of(raw: str) -> list[Block]:
    out: list[Block] = []
    for m in re.finditer(r"[^\n]*\S[^\n]*", raw):
        lead = len(m.group()) - len(m.group().lstrip())
        s, e = m.start() + lead, m.start() + len(m.group().rstrip())
        spaces = re.compile(r"\s*").match(raw, m.end())
        assert spaces is not None  # \s* matches, if only the empty string
        nxt = spaces.end()
        out.append(Block(s, e, raw[s:e], nxt))
    return out


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _is_caption(i: int, blocks: list[Block], body_sentences: str) -> bool:
    t = blocks[i].text
    toks = t.split()
    if not 2 <= len(toks) <= 8 or len(t) > 70 or not all(_NAME_TOKEN.match(tok) for tok in toks):
        return False
    # a caption stands alone between two body paragraphs (a run of short lines is a list)
    if not (
        i + 1 < len(blocks)
        and len(blocks[i - 1].text.split()) >= _PARAGRAPH
        and len(blocks[i + 1].text.split()) >= _PARAGRAPH
    ):
        return False
    if _ROLE.search(t):
        return True
    return any(seq in body_sentences for seq in _NAME_SEQ.findall(t))


def _teaser_like(block: Block, strict: bool = True) -> bool:
    """A headline in a link list: short, and not a sentence ending in a full stop (a headline cut
    short with "..." is no sentence); not ``strict``: any line shorter than a body paragraph."""
    t = block.text
    if not strict:
        return len(t.split()) < _PARAGRAPH
    return len(t.split()) <= 25 and (not t.endswith(".") or t.endswith("..."))


def _contained(short: list[str], long: list[str], sm: SequenceMatcher | None = None,
               present: set[tuple[str, ...]] | None = None) -> float:  # fmt: skip
    """How much of ``short`` recurs in ``long``: the larger of the share of its words found
    in order, and the share of its word 3-grams found anywhere (pull quotes reorder clauses).
    ``sm`` (a matcher whose second sequence is ``long``) and ``present`` (``long``'s 3-grams) are
    reused when ``long`` is compared with many short paragraphs."""
    if sm is None:
        sm = SequenceMatcher(None, [], long, autojunk=False)
    sm.set_seq1(short)
    in_order = sum(b.size for b in sm.get_matching_blocks()) / max(len(short), 1)
    grams = [tuple(short[i : i + 3]) for i in range(len(short) - 2)]
    if present is None:
        present = {tuple(long[i : i + 3]) for i in range(len(long) - 2)}
    return max(in_order, sum(g in present for g in grams) / max(len(grams), 1))


# Work the pull-quote search may spend on one text (candidate sources looked at, words compared):
# this much plus so much per word of the text. Far above what an article needs (a few thousand),
# it bounds a hostile text of many short lines from a small vocabulary, where every line is a
# candidate source of every other; the search then stops with the pull quotes found so far.
_PULL_QUOTE_WORK = 1_000_000
_PULL_QUOTE_WORK_PER_WORD = 16


def _pull_quotes(blocks: list[Block], keep: list[int]) -> list[int]:
    """The kept blocks that are pull quotes of a longer kept block. A quote's possible sources are
    found through an index of the longer blocks by word: only those holding one of its rarest words
    (one of them must be among the 80 % of its words a source shares) are compared, in text order,
    so the search is linear in the text rather than in the square of its lines."""
    toks = {i: words(blocks[i].text) for i in keep}
    seen: dict[tuple[str, ...], int] = {}
    for i in keep:
        seen[tuple(toks[i])] = seen.get(tuple(toks[i]), 0) + 1
    sets = {i: set(toks[i]) for i in keep}
    index: dict[str, list[int]] = {}
    for j in keep:
        if len(toks[j]) >= 10:  # 1.25 x the shortest quote (8 words)
            for w in sets[j]:
                index.setdefault(w, []).append(j)
    matchers: dict[int, tuple[SequenceMatcher, set[tuple[str, ...]]]] = {}
    budget = _PULL_QUOTE_WORK + _PULL_QUOTE_WORK_PER_WORD * sum(len(t) for t in toks.values())
    found: list[int] = []
    found_set: set[int] = set()
    for i in keep[1:]:
        q = toks[i]
        # a repeated line or a list item is page structure, not a pull quote
        if not 8 <= len(q) <= 80 or seen[tuple(q)] > 1 or _LIST_ITEM.match(blocks[i].text):
            continue
        qs = sets[i]
        rare = sorted(qs, key=lambda w: (len(index.get(w, ())), w))
        need = len(qs) - math.ceil(0.8 * len(qs)) + 1  # a source misses fewer than this many of them
        postings = [index.get(w, ()) for w in rare[:need]]
        budget -= sum(map(len, postings))
        if budget < 0:
            return found
        candidates = sorted({j for js in postings for j in js})
        for j in candidates:
            p = toks[j]
            if j >= i or j in found_set or len(p) < 1.25 * len(q) or len(qs & sets[j]) < 0.8 * len(qs):
                continue
            budget -= len(q) * len(p) // 4 + len(p)  # the matcher's work grows with both lengths
            if budget < 0:
                return found
            if j not in matchers:
                matchers[j] = (
                    SequenceMatcher(None, [], p, autojunk=False),
                    {tuple(p[k : k + 3]) for k in range(len(p) - 2)},
                )
            # a pull quote opens as its source's sentence does: "Both men are charged with ..." is a
            # sentence of its own beside "... charged both with ...", not a quote of it
            if (len(q) < 3 or tuple(q[:3]) in matchers[j][1]) and _contained(q, p, *matchers[j]) >= 0.8:
                found.append(i)
                found_set.add(i)
                break
    return found


def _whole_lines(blocks: list[Block]) -> dict[int, str]:
    """Lines that are page furniture wherever they stand: interface text, stamp-only lines,
    copyright notices, labelled captions. The first block is one only when more follow it."""
    rules: dict[int, str] = {}
    for i, b in enumerate(blocks):
        if i == 0 and len(blocks) == 1:
            break
        if interface(b.text):
            rules[i] = "interface"
        elif stamp_line(b.text):
            rules[i] = "dateline"
        elif copyright_line(b.text):
            rules[i] = "copyright"
        elif caption_label(b.text):
            rules[i] = "caption"
    run = [i for i, b in enumerate(blocks) if PLAYLIST_ITEM.match(b.text)]
    for k, i in enumerate(run):  # a line of a run of three or more video titles with durations
        if any(
            0 <= k + d < len(run) and 0 <= k + d + 2 < len(run) and run[k + d + 2] - run[k + d] == 2
            for d in (-2, -1, 0)
        ):
            rules.setdefault(i, "interface")
    return rules


def _head(raw: str, blocks: list[Block], rules: dict[int, str], spans: list[Removal]) -> None:
    """Date stamps and bylines among the first four lines left: a stamp-only line, a "date
    2020-03-04" prefix, a headline ending in stamps ("... Posted: <date> Updated: <date>"), a byline
    (which may end in a stamp). Partial removals go to ``spans``; whole lines to ``rules``."""
    head = [i for i in range(len(blocks)) if i not in rules][:4]
    for k, i in enumerate(head):
        b = blocks[i]
        m = DATE_PREFIX.match(b.text)
        cut = stamp_suffix(b.text)
        if m and (k == 0 and LABELLED.match(b.text) or m.end() >= len(b.text) - 1):
            if m.end() >= len(b.text) - 1:
                rules[i] = "dateline"
            else:
                end = b.start + m.end()
                spans.append(Removal(b.start, end, "dateline", raw[b.start : end]))
        elif cut is not None:
            before = b.text[:cut].rstrip()
            if len(before.split()) <= 16 and BYLINE.match(before):
                rules[i] = "stamped_byline"  # recorded as two removals below
            else:
                spans.append(Removal(b.start + cut, b.end, "dateline", b.text[cut:]))
        elif CLOCK_LINE.match(b.text):
            rules[i] = "dateline"
        elif len(b.text.split()) <= 16 and BYLINE.match(b.text):
            rules[i] = "byline"


def _tail(blocks: list[Block], rules: dict[int, str]) -> None:
    """Link lists, contact lines, bios, credits and the outlet's notes, walking back from the end
    (over lines already found to be furniture) until a line of the story."""
    i = len(blocks) - 1
    while i > 0:
        b = blocks[i]
        rule = rules.get(i) or tail_rule(b.text) or ("link_list" if link_header(b.text) else None)
        if rule and i not in rules and _continues(blocks[i - 1], b):
            break  # "... to make a donation, visit" + a URL line: the end of a sentence of the story
        if rule:
            rules[i] = rule
            i -= 1
            continue
        j = _teasers_from(blocks, i)
        if j is not None:
            for k in range(j, i + 1):
                rules[k] = "link_list"
            i = j - 1
            continue
        break


def _continues(block: Block, nxt: Block) -> bool:
    """A body paragraph whose sentence runs on into the next line: it has no final punctuation,
    and the next line is a link, an address or a number that could end it, or starts in lower case."""
    if len(block.text.split()) < 5 or not block.text[-1].isalnum():
        return False
    return bool(_RUN_ON.match(nxt.text)) or nxt.text[0].islower()


def _teasers_from(blocks: list[Block], i: int) -> int | None:
    """The index of a link-list header that ``blocks[i]`` ends the teaser headlines of: up to 15
    headlines; or, when the teasers are sentences ending in a full stop, up to 6 of them, each
    shorter than a body paragraph."""
    for strict, most in ((True, 15), (False, 6)):
        j = i
        while j > max(0, i - most) and _teaser_like(blocks[j], strict) and not link_header(blocks[j].text):
            j -= 1
        if j > 0 and j < i + 1 and link_header(blocks[j].text) and j != i:
            return j
    j = i  # other stories' headlines with their first lines, under a header that can head nothing else
    while j > max(0, i - 6) and len(blocks[j].text.split()) <= _TEASER_WORDS and not link_header(blocks[j].text):
        j -= 1
    return j if 0 < j < i and TEASER_HEADER.match(blocks[j].text) else None


def clean(raw: str) -> Cleaned:
    blocks = blocks_of(raw)
    spans: list[Removal] = []
    n = len(blocks)
    rules = _whole_lines(blocks)
    _head(raw, blocks, rules, spans)
    _tail(blocks, rules)
    sentences = " ".join(b.text for b in blocks if len(b.text.split()) >= _PARAGRAPH)
    for i in range(1, n):
        b = blocks[i]
        if i in rules:
            continue
        if link_header(b.text) and i + 1 < n and _teaser_like(blocks[i + 1]):
            rules[i] = "link_list"  # a link list inside the body: header and the headlines under it
            k = i + 1
            while k < n and k not in rules and _teaser_like(blocks[k]):
                rules[k] = "link_list"
                k += 1
        elif INLINE_TEASER.match(b.text) and len(b.text.split()) <= 30:
            rules[i] = "link_list"
        elif i < n - 1 and _is_caption(i, blocks, sentences):
            rules[i] = "caption"
    keep = [i for i in range(n) if i not in rules]
    for i in _pull_quotes(blocks, keep):
        rules[i] = "pull_quote"
    if not keep:  # a photo gallery and no story: its captions are the article, each told once
        told = set()
        for i in range(n):
            if rules[i] == "caption" and (said := gallery_caption(blocks[i].text)) and said[:80] not in told:
                told.add(said[:80])  # (the same caption with another photo credit is told already)
                del rules[i]
    for i, rule in rules.items():
        b = blocks[i]
        if rule == "stamped_byline":
            cut = b.start + (stamp_suffix(b.text) or 0)
            spans.append(Removal(b.start, cut, "byline", raw[b.start : cut]))
            spans.append(Removal(cut, b.line_end, "dateline", raw[cut : b.line_end]))
        else:
            spans.append(Removal(b.start, b.line_end, rule, raw[b.start : b.line_end]))
    removed_blocks = [(r.start, r.end) for r in spans]
    for m in _EMAIL_CLOAK.finditer(raw):
        if not any(s <= m.start() < e for s, e in removed_blocks):
            spans.append(Removal(m.start(), m.end(), "email_obfuscation", m.group()))
    spans.sort(key=lambda r: (r.start, r.end))
    return Cleaned(apply(raw, spans), tuple(spans))


def apply(raw: str, removed: tuple[Removal, ...] | list[Removal]) -> str:
    """The cleaned text: the raw text minus the removed spans, outer whitespace trimmed."""
    out, pos = [], 0
    for r in sorted(removed, key=lambda r: r.start):
        if r.start > pos:
            out.append(raw[pos : r.start])
        pos = max(pos, r.end)
    out.append(raw[pos:])
    return "".join(out).strip()
