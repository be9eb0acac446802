"""Cross-source layer: stories, claim linking, verdicts, framing, timeline, matrix.

``run`` is the single entry point the pipeline calls; it reads across documents and
returns records, it never writes.  Order: stories (``stories.group``) → quantity
linking and verdicts (``link``, ``verdict``) → date findings → quote findings
(``quotes.link``) → prose statement findings (``statements.link``) → framing hits → timeline (``timeline.build``).

Also exposed for the API, CLI and web layers: ``outlet_matrix``, ``framing_table``,
``officials_by_outlet``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..options import Options
from ..records import Claim, Document, Entity, Finding, FramingHit, Story, TimelineEntry
from . import framing, link, quotes, statements, stories, timeline, verdict
from .framing import framing_table, officials_by_outlet
from .matrix import outlet_matrix

__all__ = ["CrosscheckResult", "run", "outlet_matrix", "framing_table", "officials_by_outlet"]


@dataclass
class CrosscheckResult:
    stories: list[Story] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    framing: list[FramingHit] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


def run(documents: list[Document], claims: list[Claim], entities: list[Entity],
        options: Options | None = None) -> CrosscheckResult:
    """Every cross-source result for one corpus (empty inputs give an empty result)."""
    options = options or Options()
    if not documents:
        return CrosscheckResult()
    story_list = stories.group(documents, entities, claims)
    # a document alone in its story would be compared with nothing: it is linked corpus-wide instead
    story_of = {d: s.id for s in story_list if len(s.docs) > 1 for d in s.docs}
    facets = link.facets(claims, documents, entities, story_of)
    findings = verdict.quantity_findings(facets)
    findings += verdict.date_findings(claims, documents, story_of)
    findings += quotes.link([c for c in claims if c.kind == "quote"], documents, entities)
    findings += statements.link(claims, documents, entities, story_of, linked=findings)
    seen: set[str] = set()
    unique = []
    for f in findings:  # one finding per id (a quote finding may share claims with nobody else)
        if f.id not in seen:
            seen.add(f.id)
            unique.append(f)
    hits = framing.find(documents, framing.load_lexicon(options.lexicons))
    return CrosscheckResult(stories=story_list, findings=unique, framing=hits,
                            timeline=timeline.build(claims, documents))
