"""The sentence around a claim, read off the stored text (no parse is kept past extraction).

A sentence ends at a newline, or at ``.``/``!``/``?`` (and a closing quote) before a space and a capital,
digit or opening quote, or glued between a word and a capitalised one ("last week.So far", a scraper's lost
space), unless the period closes an abbreviation: an initial ("Brian G. Nichols"), a
title ("Capt. Tom"), or a clock time followed by its day or zone ("5:30 p.m. Friday", "11.30 p.m. ET").
A wire dateline ("PORT AVEN, 2 May (Meridian Wire) — ") opens a paragraph but is not part of its
sentence.
"""

from __future__ import annotations

import re

DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,40},[^\n—–]{0,60}?\s[—–-]{1,2}\s*")
PHRASE = r"[,;:()–—]|\s-\s|\.(?:\s|$)"  # where the noun phrase after a number ends ("killing one man, police said")
PHRASE_END = re.compile(PHRASE)
_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])|\n")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gov|Sen|Rep|Gen|Col|Capt|Lt|Sgt|Cpl|Maj|Adm|Det|Insp|Supt|Prof|Rev|"
    r"Jr|Sr|No|Nos|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Ave|Blvd|Rd|Co|Corp|Inc|Ltd|U\.S|U\.K|U\.N))\.$"
)
_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
_DAY_AFTER = re.compile(r"\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[ECMP][SD]?T|GMT|UTC)\b|\s+\(")
_WINDOW = 3000


def _is_end(text: str, m: re.Match[str]) -> bool:
    if m.group(0) == "\n":
        return True
    head = text[max(0, m.start() - 12) : m.start() + 1]
    if _ABBREV.search(head):
        return False
    return not (_CLOCK_END.search(head) and _DAY_AFTER.match(text, m.start() + 1))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the previous sentence end (or newline) to the next."""
    lo = max(0, start - _WINDOW)
    # (the look-ahead for the capital must see past ``start``)
    ends = [m for m in _END.finditer(text, lo, min(len(text), start + 2)) if m.end() <= start and _is_end(text, m)]
    s = ends[-1].end() if ends else (0 if lo == 0 else text.rfind("\n", 0, lo) + 1)
    e = len(text)
    for m in _END.finditer(text, end, min(len(text), end + _WINDOW)):
        if _is_end(text, m):
            e = m.start() + 1
            break
    dateline = DATELINE.match(text, s, e)
    if dateline and dateline.end() <= start:
        s = dateline.end()
    return s, e
