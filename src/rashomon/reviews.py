"""Review, written back: a person confirms or overrules a finding's verdict.

A review says ``confirmed``, ``wrong`` or ``needs-check``, with a note, who gave it (``--by``, else
the OS user) and when (UTC, ISO 8601). Each review is a new row of the store's ``reviews`` table:
the history is kept and the newest review of a finding is the one shown. The machine's verdict is
never touched; the two are shown side by side.

Reviews are keyed by the finding's *evidence*, not its id: :func:`evidence_key` digests the
finding's kind, its measure (the linking key) and the sorted (document, start, end) of its claims.
A re-analysis that finds the same evidence finds the review again, whatever id the finding gets
then; a review whose evidence no longer matches any finding is kept, listed as *stale*, and not
applied to anything.

:func:`book` reads the reviews and matches them with today's findings; :func:`add` writes one
(its caller holds the store's writer lock: :meth:`rashomon.api.Rashomon.review`).
"""

from __future__ import annotations

import datetime as dt
import getpass
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import get_args

from .errors import UsageError
from .records import Finding, Review, ReviewVerdict, stable_id
from .store import Store

VERDICTS: tuple[ReviewVerdict, ...] = get_args(ReviewVerdict)
STATES = ("unreviewed", *VERDICTS)  # what the findings filter by review accepts
MAX_NOTE = 2000
MAX_REVIEWER = 100
EVIDENCE_PREFIX = "ev_"


def evidence_key(kind: str, key: str, spans: Iterable[tuple[str, int, int]]) -> str:
    """The stable digest a review is kept by: the finding's kind and measure and the sorted
    (document id, start, end) of its claims. Same evidence, same key, on every run."""
    return stable_id(EVIDENCE_PREFIX.rstrip("_"), kind, key, *(f"{d}:{s}:{e}" for d, s, e in sorted(spans)), n=16)


def check_verdict(value: str) -> ReviewVerdict:
    """``value`` as one of :data:`VERDICTS` ("needs check" and "needs_check" read as "needs-check")."""
    v = "-".join(value.strip().lower().replace("_", " ").split())
    for verdict in VERDICTS:
        if v == verdict:
            return verdict
    raise UsageError(f"unknown verdict {value!r}", hint=f"choose one of {', '.join(VERDICTS)}")


def check_state(value: str) -> str:
    """``value`` as one of :data:`STATES`, for filtering findings by their review."""
    v = "-".join(value.strip().lower().replace("_", " ").split())
    if v not in STATES:
        raise UsageError(f"unknown review state {value!r}", hint=f"choose one of {', '.join(STATES)}")
    return v


def _clean(text: str, what: str, limit: int) -> str:
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()
    if len(text) > limit:
        raise UsageError(f"the {what} is {len(text)} characters long", hint=f"keep it under {limit}")
    return text


def reviewer_name(by: str | None = None) -> str:
    """Who reviews: ``by`` when given, else the OS user's name."""
    name = _clean(by or "", "reviewer name", MAX_REVIEWER).replace("\n", " ")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor in the password database
        return "unknown"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Book:
    """Every review matched with today's findings."""

    history: list[Review] = field(default_factory=list)  # oldest first, ``applies_to`` and ``latest`` filled in
    current: dict[str, Review] = field(default_factory=dict)  # finding id -> the review shown for it

    def latest(self) -> list[Review]:
        """The newest review of each evidence key (stale ones included), oldest first."""
        return [r for r in self.history if r.latest]

    def stale(self) -> list[Review]:
        """Newest reviews whose evidence no longer matches any finding (kept, not applied)."""
        return [r for r in self.history if r.latest and r.applies_to is None]

    def of(self, finding_id: str) -> Review | None:
        return self.current.get(finding_id)

    def state(self, finding_id: str) -> str:
        """The finding's review state: ``unreviewed`` or the verdict of the review shown for it."""
        r = self.current.get(finding_id)
        return r.verdict if r else "unreviewed"

    def counts(self) -> dict[str, int]:
        """How many findings carry each verdict, and how many reviews are stale."""
        c = Counter(r.verdict for r in self.current.values())
        return {**{v: c.get(v, 0) for v in VERDICTS}, "stale": len(self.stale())}


def book(store: Store) -> Book:
    """The store's reviews matched with its findings (cheap when there are none)."""
    history = store.reviews()
    if not history:
        return Book()
    keys = {fid: evidence_key(*ev) for fid, ev in store.finding_evidence().items()}
    by_key: dict[str, list[str]] = {}
    for fid in sorted(keys):
        by_key.setdefault(keys[fid], []).append(fid)
    newest = {r.evidence: r.id for r in history}
    filled = [
        replace(
            r, applies_to=by_key[r.evidence][0] if r.evidence in by_key else None, latest=newest[r.evidence] == r.id
        )
        for r in history
    ]
    current = {fid: r for r in filled if r.latest for fid in by_key.get(r.evidence, ())}
    return Book(filled, current)


def find(store: Store, ref: str) -> Finding:
    """The finding ``ref`` names: its id, or its evidence key (``ev_...``)."""
    ref = ref.strip()
    fid = ref
    if ref.startswith(EVIDENCE_PREFIX):
        fid = next((f for f, ev in sorted(store.finding_evidence().items()) if evidence_key(*ev) == ref), "")
    found = store.findings(id=fid) if fid else []
    if not found:
        raise UsageError(
            f"no finding {ref!r}",
            hint="give a finding id or evidence key: `rashomon findings` lists them, the web UI shows them too",
        )
    return found[0]


def add(store: Store, ref: str, verdict: str, note: str = "", by: str | None = None, at: str | None = None) -> Review:
    """Write one review of the finding ``ref`` (id or evidence key); returns it. Never changes the finding."""
    v = check_verdict(verdict)
    text = _clean(note or "", "note", MAX_NOTE)
    who = reviewer_name(by)
    f = find(store, ref)
    key = evidence_key(*store.finding_evidence([f.id])[f.id])
    return store.add_review(Review(0, key, v, text, who, at or utc_now(), f.id, f.status, f.summary, f.id))
