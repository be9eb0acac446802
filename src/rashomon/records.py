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
from typing import Any, ClassVar, Literal

PublishedHow = Literal["metadata", "text", "inferred"]
ClaimKind = Literal["quantity", "quote", "event", "time", "casualty"]
Status = Literal["agree", "conflict", "scope_difference", "update", "single_source", "unknown"]
ReviewVerdict = Literal["confirmed", "wrong", "needs-check"]  # a person's verdict on a finding


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Record):
    """A fact stated in one document: what every kind shares, its evidence. ``text`` is
    ``document.text[start:end]`` of document ``doc``; ``stage`` the ``name@version`` of the extractor
    that read it. A claim is one of the kinds below (:data:`CLAIM_TYPES`, :func:`make_claim`)."""

    KIND: ClassVar[ClaimKind]
    id: str
    doc: str
    start: int
    end: int
    text: str
    stage: str

    @property
    def kind(self) -> ClaimKind:
        return self.KIND

    def to_dict(self) -> dict[str, Any]:
        """The export shape: id, doc, kind, start, end, text, stage, then the kind's fields that are set."""
        d = {
            "id": self.id,
            "doc": self.doc,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "stage": self.stage,
        }
        for f in dataclasses.fields(self)[len(_EVIDENCE) :]:
            v = getattr(self, f.name)
            if v is not None:
                d[f.name] = _plain(v)
        return d


_EVIDENCE = ("id", "doc", "start", "end", "text", "stage")


@dataclass(frozen=True, slots=True, kw_only=True)
class QuantityClaim(Claim):
    """A figure: ``value`` (a number, or a list of numbers such as years; None for a range), its bounds
    as the text hedges it (``low``/``high``/``approx``), ``change`` (=, ~, >, >=, <, up, down), ``unit``,
    the counted thing (``what``), the governing ``predicate`` (kill, injure, ...), ``place``, ``time``
    (ISO) and who it is ``attributed_to``."""

    KIND: ClassVar[ClaimKind] = "quantity"
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


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteClaim(Claim):
    """Words attributed to a speaker: ``speaker_text`` at ``speaker_start``/``speaker_end``, the ``cue``
    (said, according to, ...), ``direct`` (in quotation marks), the content span, and ``speaker``: the
    entity id it resolves to across the corpus."""

    KIND: ClassVar[ClaimKind] = "quote"
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    direct: bool | None = None
    content_start: int | None = None
    content_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeClaim(Claim):
    """A time expression: ``value_iso`` (ISO 8601 / TIMEX3 value, on the clock it is said in),
    ``timex_type`` (DATE, DURATION, SET, TIME) and, for a time of day, the ``zone`` it states: "UTC" (GMT,
    UTC), a zone code ("EST", "CEST", "ET"), "local" ("7:37 a.m. local time"), or None when none is stated."""

    KIND: ClassVar[ClaimKind] = "time"
    value_iso: str | None = None
    timex_type: str | None = None
    zone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventClaim(Claim):
    """Who did what to whom: ``actor``, ``action`` (a lemma), ``predicate`` (the verb group as written:
    "was killed"), ``target``, ``place``, ``time`` (ISO)."""

    KIND: ClassVar[ClaimKind] = "event"
    actor: str | None = None
    action: str | None = None
    predicate: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CasualtyClaim(Claim):
    """People a text says were harmed: ``measure`` (killed | injured | shot: hit by gunfire, killed or
    not), how many (``value``, or only
    ``low``/``high`` when the text gives no exact number: "multiple people"), and ``who`` as written.
    ``part`` is "title" for a reading of the document's headline: ``start``/``end`` then index
    ``document.title`` (:func:`evidence_text`)."""

    KIND: ClassVar[ClaimKind] = "casualty"
    measure: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    who: str | None = None
    part: str | None = None


def evidence_text(claim: Claim, document: Document) -> str:
    """The text ``claim``'s ``start``/``end`` index: the document's title for a headline reading, else its text."""
    return (document.title or "") if getattr(claim, "part", None) == "title" else document.text


CLAIM_TYPES: dict[str, type[Claim]] = {
    c.KIND: c for c in (QuantityClaim, QuoteClaim, TimeClaim, EventClaim, CasualtyClaim)
}


def make_claim(kind: str, **fields: Any) -> Claim:
    """The claim of ``kind`` with ``fields``; a field the kind does not have must be None (a row of the
    ``claims`` table or an exported claim has every kind's columns)."""
    try:
        cls = CLAIM_TYPES[kind]
    except KeyError:
        raise ValueError(f"unknown claim kind {kind!r} (known: {', '.join(CLAIM_TYPES)})") from None
    names = {f.name for f in dataclasses.fields(cls)}
    extra = {k for k, v in fields.items() if k not in names and v is not None}
    if extra:
        raise ValueError(f"a {kind} claim has no field {', '.join(sorted(extra))}")
    return cls(**{k: v for k, v in fields.items() if k in names})


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
    stage: str = "crosscheck@39"


@dataclass(frozen=True, slots=True)
class Review(Record):
    """A person's verdict on a finding, written back beside the machine's (never over it).

    Kept by the finding's ``evidence`` key (:func:`rashomon.reviews.evidence_key`), not its id, so it
    survives a re-analysis that leaves the evidence as it was. ``finding``, ``status`` and ``summary``
    are the finding as it was when reviewed; ``applies_to`` (the finding that has this evidence now,
    None: stale, the evidence is no longer a finding) and ``latest`` (the newest review of its
    evidence: the one shown) are worked out when the reviews are read."""

    id: int
    evidence: str
    verdict: ReviewVerdict
    note: str
    reviewer: str
    reviewed_at: str  # UTC, ISO 8601 ("2025-05-03T14:02:11Z")
    finding: str
    status: str
    summary: str = ""
    applies_to: str | None = None
    latest: bool = True


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


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """Where a report states an incident's date or place: the document and the span of its text
    (``start``/``end`` None where nothing is stated and the field falls back on the publication date),
    ``how`` it was read (time: a time expression, ``claim`` its id; published; dateline; agency; named)."""

    doc: str
    start: int | None
    end: int | None
    text: str | None
    how: str
    claim: str | None = None


@dataclass(frozen=True, slots=True)
class Report(Record):
    """One document's report of an incident's figure: the claim behind it and where it appeared."""

    claim: str
    doc: str
    outlet: str
    published: str | None
    value: float | None
    low: float | None = None
    high: float | None = None
    roundup: bool = False  # a round-up of many incidents', shown but not counted (its toll is several's)
    attacker: bool = False  # a death toll that counts the attacker ("including the shooter"; his suicide)


@dataclass(frozen=True, slots=True)
class Figure(Record):
    """One casualty measure of an incident: the figure Rashomon stands behind (``value``, or bounds) and
    every report behind it; ``status`` across the reports (agree, conflict, update: it changed between
    earlier and later reports, scope_difference: some count the attacker and some the victims alone,
    single_source, unknown)."""

    measure: str  # killed | injured
    value: float | None
    low: float | None
    high: float | None
    status: Status
    reports: tuple[Report, ...]
    independent_sources: int = 0


@dataclass(frozen=True, slots=True)
class Incident(Record):
    """One real-world event, coded once: its documents, type, date, place and casualty figures."""

    id: str
    documents: tuple[str, ...]
    type: str | None
    date: str | None  # ISO day of the event, when the reports give it
    place: str | None  # city (or the most specific place reported)
    region: str | None
    figures: tuple[Figure, ...]
    stage: str = "incidents@67"
    date_evidence: tuple[Evidence, ...] = ()  # where the reports that give ``date`` say so
    place_evidence: tuple[Evidence, ...] = ()  # where the reports that give ``place`` name it

    def figure(self, measure: str) -> Figure | None:
        return next((f for f in self.figures if f.measure == measure), None)

    def to_dict(self) -> dict[str, Any]:
        """The export shape: the incident's fields, and one object per casualty measure (``killed``, ...)."""
        d: dict[str, Any] = {"id": self.id, "documents": list(self.documents), "type": self.type, "date": self.date,
             "place": self.place, "region": self.region, "stage": self.stage,
             "date_evidence": [Record.to_dict(e) for e in self.date_evidence],
             "place_evidence": [Record.to_dict(e) for e in self.place_evidence]}  # fmt: skip
        for f in self.figures:
            d[f.measure] = {k: _plain(v) for k, v in Record.to_dict(f).items() if k != "measure"}
        return d
