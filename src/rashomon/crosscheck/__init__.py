"""Cross-source layer: stories, claim linking, verdicts, framing, timeline, matrix.

(Placeholder: the crosscheck owner replaces it.) ``run`` is the single entry point the
pipeline calls; it reads across documents and returns records, it never writes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..options import Options
from ..records import Claim, Document, Entity, Finding, FramingHit, Story, TimelineEntry


@dataclass
class CrosscheckResult:
    stories: list[Story] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    framing: list[FramingHit] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


def run(documents: list[Document], claims: list[Claim], entities: list[Entity],
        options: Options | None = None) -> CrosscheckResult:
    return CrosscheckResult()


def outlet_matrix(findings: list[Finding], claims: list[Claim], documents: list[Document]) -> list[dict]:
    """For each pair of outlets: how many linked findings they agree / conflict / differ in scope on."""
    return []


def framing_table(hits: list[FramingHit]) -> list[dict]:
    """Term choices by outlet: rows of {category, group, term, outlet, count}."""
    return []
