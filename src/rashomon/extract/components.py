"""Rashomon's extractors as spaCy pipeline components.

Each extractor is a registered factory that writes its records to a ``Doc`` extension, so it
can run in any spaCy pipeline that has a tagger, parser and NER before it::

    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("rashomon_quantities")
    doc = nlp("More than 40 people were injured, police said.")
    for claim in doc._.quantities:  # rashomon.records.Claim: value, low, high, unit, what, ...
        print(claim.text, claim.value, claim.low, claim.high, doc.text[claim.start:claim.end])

===================== ================== =====================================================
factory               writes             records
===================== ================== =====================================================
``rashomon_time``     ``doc._.times``    time claims (TIMEX3 values); ``doc._.published``:
                                         the publication date inferred from the text, if any
``rashomon_entities`` ``doc._.mentions`` entity mentions (before corpus canonicalisation)
``rashomon_quantities`` ``doc._.quantities`` quantity claims (value, bounds, unit, counted thing)
``rashomon_quotes``   ``doc._.quotes``   quote claims (speaker text, cue, content span)
``rashomon_events``   ``doc._.events``   event claims (actor, action, target, place, time)
``rashomon_casualties`` ``doc._.casualties`` casualty claims (killed / injured, how many, who)
===================== ================== =====================================================

A component that needs another's records (quantities and events read the times; quotes and
events read the mentions) uses them when that component ran before it, and computes them
itself otherwise. Offsets index ``doc.text``; the records name the document ``doc._.document``
(a :class:`~rashomon.records.Document`: set it before the pipeline runs to give the document
its id and publication date, the anchor of relative dates; otherwise one is made from the text).
Rashomon's own extraction (:func:`rashomon.extract.extract_doc`) runs these same components.
The factories are also registered as ``spacy_factories`` entry points, so ``nlp.add_pipe``
finds them without importing Rashomon first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Document, stable_id
from . import casualties, entities, events, quantities, quotes, time as timex

EXTENSIONS = ("document", "mentions", "times", "published", "quantities", "quotes", "events", "casualties")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def document_of(doc: Doc) -> Document:
    """The document ``doc``'s records point to: ``doc._.document``, else one made from its text."""
    if doc._.document is None:
        doc._.document = Document(id=stable_id("d", doc.text), source="<spacy>", text=doc.text, raw_text=doc.text)
    return doc._.document


def times(doc: Doc) -> list:
    if doc._.times is None:
        doc._.times, doc._.published = timex.extract(doc, document_of(doc))
    return doc._.times


def mentions(doc: Doc) -> list:
    if doc._.mentions is None:
        doc._.mentions = entities.mentions(doc, document_of(doc))
    return doc._.mentions


class Component:
    """One extractor as a pipeline component: ``run(doc)`` computes the records, ``doc._.<attr>`` holds
    them; ``stage`` is ``name@version`` (bump the version whenever the output changes: stored
    documents are then re-extracted by this component and those that read its records, ``reads``)."""

    def __init__(self, attr: str, run: Callable[[Doc], Any], stage: str, reads: tuple[str, ...] = ()):
        self.attr, self.run, self.stage, self.reads = attr, run, stage, reads
        self.stage_name = stage.split("@")[0]  # (not ``name``: spaCy sets that to the pipe's name)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.get(self.attr) is None:
            doc._.set(self.attr, self.run(doc))
        return doc

    def __repr__(self) -> str:
        return f"<rashomon component {self.stage} -> doc._.{self.attr}>"


def _quantities(doc: Doc) -> list:
    return quantities.extract(doc, document_of(doc), times=times(doc))


def _quotes(doc: Doc) -> list:
    return quotes.extract(doc, document_of(doc), mentions=mentions(doc))


def _casualties(doc: Doc) -> list:
    return casualties.extract(doc, document_of(doc))


def _events(doc: Doc) -> list:
    return events.extract(doc, document_of(doc), times=times(doc), mentions=mentions(doc))


_REQUIRES = ["token.dep", "token.pos", "token.tag", "token.lemma", "doc.ents", "token.is_sent_start"]


COMPONENTS: dict[str, Component] = {  # in Rashomon's order: time expressions first (quantities skip years,
    # events and publication inference read them), then mentions (quote speakers and event actors read them)
    "rashomon_time": Component("times", times, timex.STAGE),
    "rashomon_entities": Component("mentions", mentions, entities.STAGE),
    "rashomon_quantities": Component("quantities", _quantities, quantities.STAGE, reads=("time",)),
    "rashomon_quotes": Component("quotes", _quotes, quotes.STAGE, reads=("entities",)),
    "rashomon_events": Component("events", _events, events.STAGE, reads=("time", "entities")),
    "rashomon_casualties": Component("casualties", _casualties, casualties.STAGE),
}


@Language.factory("rashomon_time", assigns=["doc._.times", "doc._.published"], requires=_REQUIRES)
def make_time(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_time"]


@Language.factory("rashomon_entities", assigns=["doc._.mentions"], requires=_REQUIRES)
def make_entities(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_entities"]


@Language.factory("rashomon_quantities", assigns=["doc._.quantities"], requires=_REQUIRES)
def make_quantities(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_quantities"]


@Language.factory("rashomon_quotes", assigns=["doc._.quotes"], requires=_REQUIRES)
def make_quotes(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_quotes"]


@Language.factory("rashomon_events", assigns=["doc._.events"], requires=_REQUIRES)
def make_events(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_events"]


@Language.factory("rashomon_casualties", assigns=["doc._.casualties"], requires=_REQUIRES)
def make_casualties(nlp: Language, name: str) -> Component:
    return COMPONENTS["rashomon_casualties"]


def add_to(nlp: Language) -> Language:
    """Add every Rashomon component that ``nlp`` lacks, in Rashomon's order."""
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def stages() -> tuple[str, ...]:
    """The stage of every component (``name@version``), in Rashomon's order."""
    return tuple(c.stage for c in COMPONENTS.values())


def todo(done: Collection[str]) -> tuple[str, ...]:
    """The stages to run on a document whose stored records came from the stages ``done``: every
    component whose current stage is not among them, and every component that reads one of those."""
    stale: set[str] = set()
    for c in COMPONENTS.values():  # in order: a component comes after those it reads
        if c.stage not in done or stale.intersection(c.reads):
            stale.add(c.stage_name)
    return tuple(c.stage for c in COMPONENTS.values() if c.stage_name in stale)


def annotate(doc: Doc, document: Document, only: Collection[str] | None = None) -> Doc:
    """Run the components (those whose stage is in ``only``, default all) on ``doc`` (a parse of
    ``document.text``) for ``document``; those that ran already, in the pipeline, for this document
    are not run again. The records a component reads are computed when missing."""
    if doc._.document is not None and doc._.document != document:
        for name in EXTENSIONS:
            doc._.set(name, None)
    doc._.document = document
    for component in COMPONENTS.values():
        if only is None or component.stage in only:
            component(doc)
    return doc
