"""Cleaning of article text: what an HTML extractor cannot see, recorded with raw offsets.

``clean(raw_text)`` returns the cleaned text and one :class:`Removal` per removed piece,
with offsets into the raw text (``raw[r.start:r.end] == r.text``); the cleaned text is
the raw text with those pieces cut out and the outer whitespace trimmed (whitespace is
never recorded). The text is seen as *blocks*: non-blank lines. The first block is the
title (or the lede) and is never removed whole. Rules (``Removal.rule``):

``email_obfuscation``  "[email protected]" left by e-mail cloaking scripts (inline).
``dateline``  a date stamp that is only metadata: a leading "date 2020-03-04" prefix or a
              "Published: 4 March 2020" / bare-date line near the top (a dateline that
              opens the lede, "PARIS, 4 March 2020 (Wire) -", is prose and is kept).
``byline``    a line near the top that is only "By Jane Doe[, role]".
``link_list`` "Related" / "Must Read" / "Also read" ... headers at the end and the teaser
              headlines after them; "Read more: <headline>" lines anywhere.
``contact``, ``social``, ``copyright``, ``credit``, ``author_bio``  trailing lines:
              "Email: ...", "Follow us on ...", "(c) 2021 ...", "(Reporting by ...)",
              "The writer is a researcher with ...".
``caption``   a photo caption standing alone between paragraphs: a "Photo: ..." line, or
              a short all-capitalised line without final punctuation that names a person
              (a role word such as "PM", "Minister", or a name the body also uses).
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

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DATE_PREFIX = re.compile(
    rf"^\s*(?:(?:date|dated|published|posted|updated|last updated|first published)"
    rf"(?:\s+on)?\s*[:\-]?\s*)?{_WEEKDAY}({DATE}){_TIME}\s*(?:[|\-–—]\s*)?",
    re.I,
)
_LABELLED = re.compile(r"^\s*(?:date|dated|published|posted|updated|last updated|first published)\b", re.I)
_EMAIL_CLOAK = re.compile(r"\s?\[\s*email(?:\s|&#160;|&nbsp;|\xa0)*protected\s*\]", re.I)
# A name word is never the word "and", and "and" joins names only as a word of its own: each word
# of a line can then be read one way only, so matching is linear (when "and" could also be a name
# word, or a separator inside a word, "By a and a and ... !" took time doubling with every word).
_BY_NAME = r"(?!and\b)[A-Z][\w.'’-]*"
BYLINE = re.compile(
    rf"^by\s+({_BY_NAME}(?:\s+(?:{_BY_NAME}|de|da|van|von|der|bin|al|la|le|du)){{0,4}}"
    rf"(?:\s*(?:,|&|\band\b)\s*{_BY_NAME}(?:\s+{_BY_NAME}){{0,4}})*)"
    r"(?:\s*(?:[,|·•–—-]|\bin\b)\s*.{0,80})?$",
    re.I,
)
_LINK_HEADER = re.compile(
    r"^(?:must[- ]reads?|related(?:\s+(?:articles?|stories|news|posts|content|coverage|reading|topics|links))?|"
    r"also\s+read|read\s+(?:more|also|next)|see\s+also|more\s+(?:from|on|stories|news|in)\b[^.]{0,40}|"
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested\s+in)|popular(?:\s+(?:now|stories|posts))?|most\s+(?:read|popular|viewed|shared)|"
    r"trending(?:\s+now)?|top\s+stories|latest(?:\s+news)?|don'?t\s+miss|what\s+to\s+read\s+next|"
    r"editor'?s\s+picks?|further\s+reading)\s*[:>»|.\-–—]*$",
    re.I,
)
_INLINE_TEASER = re.compile(
    r"^(?:also\s+read|read\s+(?:more|also)|related|see\s+also|must\s+read|recommended|"
    r"read)\s*[:|»>\-–—]\s*\S",
    re.I,
)
_TAIL = [
    (
        "contact",
        re.compile(
            r"^(?:e-?mail|contact|tel(?:ephone)?|phone|fax|whatsapp|twitter|x)\b\s*[:.@]|"
            r"can be (?:reached|contacted|emailed) (?:at|on|via)|"
            r"^(?:send|email)\s+(?:us\s+)?(?:your\s+)?(?:tips|feedback|letters|comments)|"
            r"^\S+@\S+\.\w+$|^(?:https?://|www\.)\S+$|^@\w+$",
            re.I,
        ),
    ),
    (
        "social",
        re.compile(
            r"^(?:follow|like|join|find)\s+(?:us|me|@\w+|the\s+\w+(?:\s+\w+)?)\s+(?:on|at)\b|"
            r"^(?:share|tweet|pin)\s+(?:this|on|via)\b|^(?:click|tap)\s+here\b|"
            r"^(?:subscribe|sign\s+up)\b|^download\s+(?:the|our)\s+\w*\s*app",
            re.I,
        ),
    ),
    ("copyright", re.compile(r"^(?:©|\(c\)\s|copyright\b)|all rights reserved", re.I)),
    (
        "credit",
        re.compile(
            r"^\((?:additional\s+)?(?:reporting|writing|editing|compiled|compiled)\b.*\)$|"
            r"^[—–-]{1,2}\s*[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3}$",
            re.I,
        ),
    ),
    (
        "author_bio",
        re.compile(
            r"^[*—–-]*\s*(?:the\s+)?(?:writer|author|columnist|contributor|reporter)s?\s+(?:is|are|was|has|have|"
            r"teaches|works|heads|writes|can)\b|"
            r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:an?|the)\s+[^.]{0,80}?\b(?:researcher|"
            r"journalist|correspondent|writer|professor|analyst|columnist|editor|fellow|lecturer|reporter|"
            r"student|scholar|author|consultant|contributor)\b",
            re.I,
        ),
    ),
]
_CAPTION_LABEL = re.compile(
    r"^(?:photos?|images?|pictures?|file\s+photo|caption|credits?|video)\s*[:|—–-]|"
    r"\((?:photo|file|image|picture)\b[^)]*\)$|(?:/|via|©)\s*(?:getty\s+images|"
    r"afp|reuters|ap\s+photo|shutterstock)\b",
    re.I,
)
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
_PARAGRAPH = 12  # words: a block at least this long is a body paragraph


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
    if _CAPTION_LABEL.search(t) and len(t.split()) <= 40:
        return True
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


def _teaser_like(block: Block) -> bool:
    """A headline in a link list: short, and not a sentence ending in a full stop."""
    return len(block.text.split()) <= 25 and not block.text.endswith(".")


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
            if j == i or j in found_set or len(p) < 1.25 * len(q) or len(qs & sets[j]) < 0.8 * len(qs):
                continue
            budget -= len(q) * len(p) // 4 + len(p)  # the matcher's work grows with both lengths
            if budget < 0:
                return found
            if j not in matchers:
                matchers[j] = (
                    SequenceMatcher(None, [], p, autojunk=False),
                    {tuple(p[k : k + 3]) for k in range(len(p) - 2)},
                )
            if _contained(q, p, *matchers[j]) >= 0.8:
                found.append(i)
                found_set.add(i)
                break
    return found


def clean(raw: str) -> Cleaned:
    blocks = blocks_of(raw)
    spans: list[Removal] = []
    rules: dict[int, str] = {}
    n = len(blocks)
    # head: metadata-only date stamps and bylines in the first blocks
    for i, b in enumerate(blocks[:4]):
        m = DATE_PREFIX.match(b.text)
        if m and (i == 0 and _LABELLED.match(b.text) or m.end() >= len(b.text) - 1):
            if m.end() >= len(b.text) - 1:
                rules[i] = "dateline"
            else:
                end = b.start + m.end()
                spans.append(Removal(b.start, end, "dateline", raw[b.start : end]))
        elif len(b.text.split()) <= 16 and BYLINE.match(b.text):
            rules[i] = "byline"
    # tail: link lists, contact lines, bios, credits, walking back from the end
    i = n - 1
    while i > 0:
        b = blocks[i]
        rule = next((name for name, rx in _TAIL if rx.search(b.text) and len(b.text.split()) <= 60), None)
        if rule is None and _LINK_HEADER.match(b.text):
            rule = "link_list"
        if rule:
            rules[i] = rule
            i -= 1
            continue
        j = i
        while j > max(0, i - 15) and _teaser_like(blocks[j]) and not _LINK_HEADER.match(blocks[j].text):
            j -= 1
        if j > 0 and _LINK_HEADER.match(blocks[j].text):
            for k in range(j, i + 1):
                rules[k] = "link_list"
            i = j - 1
            continue
        break
    sentences = " ".join(b.text for b in blocks if len(b.text.split()) >= _PARAGRAPH)
    for i in range(1, n):
        b = blocks[i]
        if i in rules:
            continue
        if _LINK_HEADER.match(b.text) and i + 1 < n and _teaser_like(blocks[i + 1]):
            rules[i] = "link_list"  # a link list inside the body: header and the headlines under it
            k = i + 1
            while k < n and k not in rules and _teaser_like(blocks[k]):
                rules[k] = "link_list"
                k += 1
        elif _INLINE_TEASER.match(b.text) and len(b.text.split()) <= 30:
            rules[i] = "link_list"
        elif i < n - 1 and _is_caption(i, blocks, sentences):
            rules[i] = "caption"
    keep = [i for i in range(n) if i not in rules]
    for i in _pull_quotes(blocks, keep):
        rules[i] = "pull_quote"
    for i, rule in rules.items():
        b = blocks[i]
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
