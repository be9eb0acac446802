"""Typed records that flow between stages.

Every record that states a fact carries its evidence: the document id, character
offsets into that document's *cleaned* text (``text[start:end]`` is the evidence)
and the ``stage@version`` that produced it.  Records are frozen; stages return new
ones instead of mutating.  ``to_dict`` gives the ``rashomon/1`` export shape.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

PublishedHow = Literal["metadata", "text", "inferred"]
ClaimKind = Literal["quantity", "quote", "event", "time"]
Status = Literal["agree", "conflict", "scope_difference", "update", "single_source", "unknown"]


def stable_id(prefix: str, *parts: object, n: int = 12) -> str:
    """A deterministic id from its parts (same inputs, same id, on every run/engine)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:n]}"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a record, not a record class
        return value.to_dict() if hasattr(value, "to_dict") else dataclasses.asdict(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: export as a plain dict (tuples become lists). Records are slotted (no per-instance
    ``__dict__``): the corpus stage holds hundreds of thousands of them."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


# --------------------------------------------------------------------- ingest
@dataclass(frozen=True, slots=True)
class Removal(Record):
    """A piece of the raw text that cleaning removed, and the rule that did it."""

    start: int  # offsets into the raw text
    end: int
    rule: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class RawDocument(Record):
    """What a reader yields: text plus whatever metadata the format carried."""

    source: str  # path, archive member ("a.zip!x/y.txt") or URL
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    format: str = "txt"
    removed: tuple[Removal, ...] = ()  # removals a reader already made (e.g. HTML boilerplate is not recorded)


@dataclass(frozen=True, slots=True)
class Document(Record):
    id: str
    source: str
    text: str  # cleaned
    raw_text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_how: PublishedHow | None = None
    published_window: tuple[str, str] | None = None
    published_evidence: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    content_hash: str = ""
    removed: tuple[Removal, ...] = ()
    format: str = "txt"


@dataclass(frozen=True, slots=True)
class IngestError(Record):
    """One input that could not be ingested, and why. Never fatal to the batch."""

    source: str
    reason: str
    code: str = "E000"


# ------------------------------------------------------------------ extraction
@dataclass(frozen=True, slots=True)
class Mention(Record):
    """One entity mention in one document (before corpus canonicalisation)."""

    doc: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    stage: str = "entities@1"


@dataclass(frozen=True, slots=True)
class Entity(Record):
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. {"country": "Azerbaijan", "role": "ambassador"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "attrs": dict(self.attrs),
            "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """A fact stated in one document. ``kind`` selects which optional fields are set.

    quantity: value (number or list of numbers), low, high, approx, unit, what,
              predicate, place, time, attributed_to, change (=,~,>,<,up,down)
    quote:    speaker (entity id), speaker_text, speaker_start/end, cue, direct,
              content_start/end
    time:     value_iso (ISO 8601 / TIMEX3 value), timex_type (DATE, DURATION, SET, TIME)
    event:    actor, action (lemma), target, place, time
    """

    id: str
    doc: str
    kind: ClaimKind
    start: int
    end: int
    text: str
    stage: str
    # quantity
    value: float | tuple[float, ...] | None = None
    low: float | None = None
    high: float | None = None
    approx: bool | None = None
    unit: str | None = None
    what: str | None = None
    predicate: str | None = None
    place: str | None = None
    time: str | None = None  # ISO value of the claim's time, when known
    attributed_to: str | None = None
    change: str | None = None
    # quote
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    direct: bool | None = None
    content_start: int | None = None
    content_end: int | None = None
    # time
    value_iso: str | None = None
    timex_type: str | None = None
    # event
    actor: str | None = None
    action: str | None = None
    target: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = Record.to_dict(self)  # (zero-argument super() does not work in slotted dataclasses)
        return {k: v for k, v in d.items() if v is not None or k in ("id", "doc", "kind", "start", "end", "text")}


def claim_id(doc: str, kind: str, start: int, end: int) -> str:
    return stable_id("c", doc, kind, start, end)


@dataclass(frozen=True, slots=True)
class Extraction(Record):
    """Everything the per-document extractors found in one document."""

    doc: str
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    published: str | None = None  # set when time inference found a window
    published_how: PublishedHow | None = None
    published_window: tuple[str, str] | None = None
    published_evidence: str | None = None
    error: str | None = None  # why the extractors failed on this document (then nothing else is set)
    stages: tuple[str, ...] = ()  # the component stages (name@version) that ran: their records replace the stored ones


@dataclass(frozen=True, slots=True)
class ExtractionError(Record):
    """One stored document the extractors failed on, and why. Never fatal to the run: the
    document gets no mentions or claims from the stage, stays pending, and is tried again by
    the next analyze."""

    doc: str
    source: str
    reason: str
    stage: str
    code: str = "E402"


# ------------------------------------------------------------------ crosscheck
@dataclass(frozen=True, slots=True)
class SourceCount(Record):
    value: str  # the value as a journalist would read it ("more than 40", "12")
    claims: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class Finding(Record):
    id: str
    status: Status
    summary: str
    claims: tuple[str, ...]
    independent_sources: tuple[SourceCount, ...] = ()
    kind: str = "quantity"  # quantity | quote | date
    key: str = ""  # the linking key (predicate/what), for filtering
    story: str | None = None
    entities: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # for quotes: words_changed, truncated, speaker_differs, direct_vs_paraphrase
    stage: str = "crosscheck@1"


@dataclass(frozen=True, slots=True)
class Story(Record):
    id: str
    label: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FramingHit(Record):
    doc: str
    start: int
    end: int
    text: str
    category: str  # territory, violence, control, loaded, ...
    term: str  # the lexicon's canonical term
    group: str  # the set of alternatives it belongs to ("territory-status")
    outlet: str | None = None
    stage: str = "framing@1"


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    date: str  # ISO, possibly truncated (1992, 1992-02)
    label: str
    claims: tuple[str, ...]
    outlets: tuple[str, ...]
    docs: tuple[str, ...]
