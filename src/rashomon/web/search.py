"""Full-text search without the DuckDB FTS extension (it needs a download; Rashomon works offline).

The store narrows candidates with parameterised ``ILIKE`` (every term must occur); this
module parses the query and finds the exact offsets of each term in the cleaned text so
results link into the reader with the hit highlighted.
"""

from __future__ import annotations

import re

MAX_TERMS = 8
MAX_QUERY = 200
_TOKEN = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(query: str) -> list[str]:
    """Terms of a query: whitespace-separated words, ``"quoted phrases"`` kept whole; at most
    ``MAX_TERMS`` distinct terms from the first ``MAX_QUERY`` characters."""
    terms: list[str] = []
    for m in _TOKEN.finditer((query or "")[:MAX_QUERY]):
        term = " ".join((m.group(1) or m.group(2)).split())
        if term and term.lower() not in (t.lower() for t in terms):
            terms.append(term)
    return terms[:MAX_TERMS]


def find_terms(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Every (start, end) where one of the terms occurs in ``text`` (case-insensitive), in text order."""
    if not terms:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
