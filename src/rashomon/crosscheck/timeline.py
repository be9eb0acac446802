"""The corpus timeline: dated events and claims, ordered by normalised date.

``build(claims, documents)`` turns

- event claims with a calendar time ("Armenian forces massacred ... in Khojaly", 1992-02-25),
- quantity claims with a calendar time, and
- absolute DATE/TIME expressions not already covered by one of those (label: their sentence)

into :class:`~rashomon.records.TimelineEntry` records, one per date + action, each
listing every outlet that reports it.  Truncated dates sort by the first day they cover
("1992" before "1992-02-25", a decade "199" before "1990-03").  Relative expressions
that stayed unresolved (``XXXX-09-27``, ``PAST_REF``, durations) are skipped, except
that a month-day without a year takes the year of the same action on the same
month-day in another document (:func:`resolve_years`) — the cross-source step that
also narrows publication windows (:func:`refine_publication`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from ..extract.time import value_range
from ..extract.timerules import is_absolute
from ..extract.timetag import MONTH_NAMES
from ..records import Claim, Document, EventClaim, QuantityClaim, TimeClaim, TimelineEntry
from .sentences import DATELINE, sentence_bounds
from .sources import outlet_of

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOP = {
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "was",
    "were",
    "has",
    "have",
    "had",
    "its",
    "his",
    "her",
    "their",
    "said",
    "which",
    "who",
    "when",
    "since",
    "into",
    "also",
    "been",
    "are",
    "not",
}
_PARTIAL = re.compile(r"XXXX-(\d\d-\d\d)$")
_LABEL_CHARS = 110
# seasons (TIMEX3 SP/SU/FA/WI): first month and day, last month and day (northern meteorological seasons)
_SEASONS = {
    "SP": ((3, 1), (5, 31), "spring"),
    "SU": ((6, 1), (8, 31), "summer"),
    "FA": ((9, 1), (11, 30), "autumn"),
    "WI": ((12, 1), (2, 28), "winter"),
}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
# event labels that say nothing without their sentence: a relative pronoun or a bare pronoun as actor
_WEAK_ACTOR = {"who", "which", "that", "it", "they", "he", "she", "we", "this", "these", "those", "there"}


def _range(value: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        (m1, d1), (m2, d2), _ = _SEASONS[m[2]]
        y = int(m[1])
        return date(y, m1, d1), date(y + (m[2] == "WI"), m2, d2)
    return value_range(value)


def sort_key(value: str) -> tuple[date, int, int]:
    """Order of a TIMEX3 value: first day covered, then coarser before finer (a season starts
    on its first month: "2025-SU" after "2025-05")."""
    r = _range(value)
    if r is None:
        return date.max, 0, 0
    return r[0], -(r[1] - r[0]).days, len(value)


def readable(value: str) -> str:
    """A TIMEX3 value as a reader writes it: "199" -> "1990s", "2025-SU" -> "summer 2025",
    "2025-W18" -> "week of 28 April 2025", "2025-05-04T10" -> "2025-05-04 10:00"; plain
    years, months and days stay as they are."""
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"{int(value) + 1}th century"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        return f"{_SEASONS[m[2]][2]} {m[1]}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return f"Q{m[2]} {m[1]}"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        return f"{'first' if m[2] == '1' else 'second'} half of {m[1]}"
    m = re.fullmatch(r"\d{4}-W\d{2}", value)
    r = value_range(value) if m else None
    if r:
        return f"week of {r[0].day} {MONTH_NAMES[r[0].month - 1]} {r[0].year}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)", value)
    if m:
        return f"{m[1]} {_PARTS[m[2]]}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2})(?::?(\d{2}))?.*", value)
    if m:
        return f"{m[1]} {m[2]}:{m[3] or '00'}"
    return value


def resolve_years(claims: list[Claim]) -> dict[str, str]:
    """Event claim id -> full date, for events dated ``XXXX-MM-DD`` whose action happens on
    the same month-day, with a year, in another document (one unambiguous year only)."""
    known: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        if isinstance(c, EventClaim) and c.time and re.fullmatch(r"\d{4}-\d\d-\d\d", c.time):
            known[(c.action or "", c.time[5:])].add(c.time[:4])
    out = {}
    for c in claims:
        if not isinstance(c, EventClaim):
            continue
        m = _PARTIAL.match(c.time or "")
        if m:
            years = known.get((c.action or "", m[1]), set())
            if len(years) == 1:
                out[c.id] = f"{next(iter(years))}-{m[1]}"
    return out


def refine_publication(documents: list[Document], claims: list[Claim]) -> dict[str, dict]:
    """Narrow the open-ended inferred window of undated documents whose month-day events
    were dated by another source: published between that date and three months later."""
    resolved = resolve_years(claims)
    by_doc: dict[str, list[tuple[str, EventClaim]]] = defaultdict(list)
    for c in claims:
        if c.id in resolved and isinstance(c, EventClaim):
            by_doc[c.doc].append((resolved[c.id], c))
    out = {}
    for d in documents:
        if d.published or d.id not in by_doc or (d.published_window and d.published_window[1]):
            continue
        value, c = max(by_doc[d.id], key=lambda t: t[0])
        lo = date.fromisoformat(value)
        out[d.id] = {
            "published": None,
            "published_how": "inferred",
            "published_window": (lo.isoformat(), (lo + timedelta(days=92)).isoformat()),
            "published_evidence": f"“{c.text[:80]}” without a year; other sources date {c.action!r} "
            f"on {value}; a month-day without a year is written within months",
        }
    return out


def _outlet(doc: Document | None, fallback: str) -> str:
    if doc is None:
        return fallback
    return outlet_of(doc)


def _event_label(c: EventClaim) -> str:
    """ "actor predicate target [in place]"; "" when that would not stand on its own ("who fled")."""
    actor, pred, target = (c.actor or "").strip(), (c.predicate or c.action or "").strip(), (c.target or "").strip()
    if actor.lower() in _WEAK_ACTOR or not (actor or target) or not pred:
        return ""
    if not actor and re.match(r"(?:was|were|has been|have been|had been|is|are)\b", pred, re.I):
        parts = [target, pred]  # a passive without its agent: "7 civilians were killed"
    else:
        parts = [actor, pred, target]
    text = " ".join(p for p in parts if p)
    if c.place and c.place not in text:
        text += f" in {c.place}"
    return text


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span (a span running over a line break is cut there), without a dateline."""
    nl = text.find("\n", start)
    if 0 <= nl < end:
        end = max(start, nl)
    end = start + len(text[start:end].rstrip(" .!?\"”’'"))  # a span ending on its full stop
    stop = text.rfind(". ", 0, start)
    a = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    b = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    m = DATELINE.match(text, a, b)
    if m and m.end() < b:  # a span starting in the dateline is about the sentence after it
        a = m.end()
    s = " ".join(text[a:b].split())
    return s if len(s) <= _LABEL_CHARS else s[: _LABEL_CHARS - 1].rstrip() + "…"


def _versions(members: list[Claim], docs: dict[str, Document]) -> str:
    """One event told with different figures by several outlets ("7 civilians were killed" / "9 people
    were killed"): each version with its outlets, so no outlet's figure stands for all; "" otherwise."""
    by_label: dict[str, list[str]] = {}
    for c in members:
        lab = _event_label(c) if isinstance(c, EventClaim) else ""
        if lab:
            o = _outlet(docs.get(c.doc), c.doc)
            if o not in by_label.setdefault(lab, []):
                by_label[lab].append(o)
    figures = {tuple(re.findall(r"\d[\d,.]*", lab)) for lab in by_label}
    if len(by_label) < 2 or len(figures) < 2:
        return ""  # versions differing only in wording: the fullest label stands for all
    shown = sorted(by_label.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:4]
    return " / ".join(f"{lab} ({', '.join(sorted(os))})" for lab, os in shown)


def _filing_date_only(c: Claim, when: str, doc: Document, stated: list[tuple[int, str]]) -> bool:
    """The claim is dated by its document's publication day alone (a headline, a dateline, a
    sentence with no time of its own): that is when it was reported, not when it happened."""
    if not doc.published or when != doc.published[:10]:
        return False
    s, e = sentence_bounds(doc.text, c.start, c.end)
    return not any(s <= pos < e and value[:10] == when for pos, value in stated)


def _in_dateline(text: str, pos: int) -> bool:
    """Whether ``pos`` falls in a dateline ("PORT AVEN, 2 May 2025 (Meridian Wire) —") opening its line."""
    a = text.rfind("\n", 0, pos) + 1
    m = DATELINE.match(text, a)
    return bool(m and pos < m.end())


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)} - _STOP


def build(claims: list[Claim], documents: list[Document]) -> list[TimelineEntry]:
    """Timeline entries for the corpus, ordered by date (see the module docstring)."""
    docs = {d.id: d for d in documents}
    resolved = resolve_years(claims)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    labels: dict[tuple, str] = {}
    covered: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    stated: dict[str, list[tuple[int, str]]] = defaultdict(list)  # time expressions outside datelines
    for c in claims:
        if isinstance(c, TimeClaim) and c.value_iso and c.doc in docs and not _in_dateline(docs[c.doc].text, c.start):
            stated[c.doc].append((c.start, c.value_iso))
    for c in claims:
        if not isinstance(c, (EventClaim, QuantityClaim)):
            continue
        when = resolved.get(c.id, c.time)
        if not is_absolute(when):
            continue
        if c.doc in docs and _filing_date_only(c, when, docs[c.doc], stated[c.doc]):
            continue
        key = (when, c.kind, c.action if isinstance(c, EventClaim) else (c.what or c.unit or c.text))
        groups[key].append(c)
        covered[c.doc].append((c.start, c.end, when))
        if key not in labels or (isinstance(c, EventClaim) and len(_event_label(c)) > len(labels[key])):
            label = _event_label(c) if isinstance(c, EventClaim) else ""
            labels[key] = label or (_sentence(docs[c.doc].text, c.start, c.end) if c.doc in docs else c.text)
    time_groups: list[tuple[str, set[str], list[Claim], str]] = []
    for c in claims:
        if not isinstance(c, TimeClaim) or c.timex_type not in ("DATE", "TIME") or not is_absolute(c.value_iso):
            continue
        if any(s <= c.start and c.end <= e and v == c.value_iso for s, e, v in covered[c.doc]):
            continue
        doc = docs.get(c.doc)
        if doc is not None and _in_dateline(doc.text, c.start):
            continue  # a dateline's date is when the story was filed, not an event
        sentence = _sentence(doc.text, c.start, c.end) if doc else c.text
        words = _words(sentence)
        if len(words) < 4:
            continue  # a bare date line anchors nothing
        for value, ws, members, _ in time_groups:
            if value == c.value_iso and len(ws & words) / max(1, len(ws | words)) >= 0.3:
                members.append(c)
                break
        else:
            time_groups.append((c.value_iso, words, [c], sentence))
    for value, _, members, sentence in time_groups:
        time_key = (value, "time", sentence)
        groups[time_key] = members
        labels[time_key] = sentence
    # one entry per happening: a figure or date whose sentence already carries a dated event
    # joins that event's entry, and identical (date, label) entries are one
    event_sentences: dict[tuple[str, str], tuple] = {}
    for key, members in groups.items():
        if key[1] == "event":
            for c in members:
                if c.doc in docs:
                    event_sentences.setdefault((key[0], _sentence(docs[c.doc].text, c.start, c.end)), key)
    merged: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for key, members in groups.items():
        target = key if key[1] == "event" else event_sentences.get((key[0], labels[key]), key)
        merged[(key[0], labels[target])] += members
    entries = []
    for (when, label), members in merged.items():
        members = list(dict.fromkeys(members))
        doc_ids = tuple(dict.fromkeys(c.doc for c in members))
        outlets = tuple(dict.fromkeys(_outlet(docs.get(d), d) for d in doc_ids))
        label = _versions(members, docs) or label
        entries.append(
            TimelineEntry(
                date=when,
                label=f"{readable(when)}: {label}",
                claims=tuple(c.id for c in members),
                outlets=outlets,
                docs=doc_ids,
            )
        )
    entries.sort(key=lambda e: (sort_key(e.date), e.label))
    return entries
