"""The fact-checker's desk: who said it (outlet names), what is contested, and which findings a
filter selects.

* :func:`outlet_name` (the matrix's own, :mod:`rashomon.crosscheck.matrix`) is the one outlet label
  every page uses: the document's outlet, else its URL's domain, else the cross-check's
  per-document label (file name): documents without an outlet are never lumped into one
  pseudo-outlet.
* :func:`contested` gathers the contested findings (conflict, update, scope difference) by
  story, the most severe first, for the overview.
* :func:`select` applies the findings page's filters (status, story, outlet, a second outlet,
  partial entity names, measure, review state) and its page; unknown and single-source findings
  stay out of the default view (a filter on a verdict a person gave shows them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import reviews
from ..api import Rashomon
from ..crosscheck.matrix import outlet_name
from ..records import Document, Finding, Story

CONTESTED = ("conflict", "update", "scope_difference")
QUIET = ("unknown", "single_source")  # out of the default findings view
SEVERITY = {"conflict": 0, "update": 1, "scope_difference": 2, "agree": 3, "unknown": 4, "single_source": 5}
PAGE_SIZE = 20


def severity_key(f: Finding, n_outlets: int = 0) -> tuple[int, int, str]:
    return (SEVERITY.get(f.status, 9), -n_outlets, f.id)


@dataclass
class Corpus:
    """What the desk reads once per request: documents by id, the documents behind each finding,
    and the story of each document."""

    docs: dict[str, Document]
    finding_docs: dict[str, list[str]]
    story_of_doc: dict[str, Story]
    stories: list[Story]
    story_by_id: dict[str, Story] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.story_by_id = {s.id: s for s in self.stories}

    def outlets(self, f: Finding) -> list[str]:
        names = {outlet_name(self.docs.get(d)) for d in self.finding_docs.get(f.id, [])}
        return sorted(names or set(f.outlets), key=str.lower)

    def story(self, f: Finding) -> Story | None:
        """The finding's story, else the story most of its documents belong to."""
        by_id = self.story_by_id
        if f.story and f.story in by_id:
            return by_id[f.story]
        votes: dict[str, int] = defaultdict(int)
        for d in self.finding_docs.get(f.id, []):
            if d in self.story_of_doc:
                votes[self.story_of_doc[d].id] += 1
        return by_id[max(votes, key=lambda s: (votes[s], s))] if votes else None


def corpus(r: Rashomon, docs: list[Document] | None = None) -> Corpus:
    docs = docs if docs is not None else r.store.documents(with_removals=False, with_text=False)
    fdocs: dict[str, list[str]] = defaultdict(list)
    for fid, did in r.store.finding_doc_pairs():
        fdocs[fid].append(did)
    stories = r.stories()
    story_of = {d: s for s in stories for d in s.docs}
    return Corpus({d.id: d for d in docs}, dict(fdocs), story_of, stories)


# ------------------------------------------------------------------ contested first
@dataclass
class StoryFindings:
    story: Story | None
    findings: list[Finding]

    @property
    def label(self) -> str:
        return self.story.label if self.story else "Findings outside any story"


def contested(c: Corpus, findings: list[Finding]) -> list[StoryFindings]:
    """Contested findings grouped by story; each group most severe first, groups by their worst."""
    groups: dict[str | None, StoryFindings] = {}
    for f in findings:
        if f.status not in CONTESTED:
            continue
        s = c.story(f)
        groups.setdefault(s.id if s else None, StoryFindings(s, [])).findings.append(f)
    for g in groups.values():
        g.findings.sort(key=lambda f: severity_key(f, len(c.outlets(f))))
    return sorted(
        groups.values(),
        key=lambda g: (
            g.story is None,
            severity_key(g.findings[0], len(c.outlets(g.findings[0])))[:1],
            -len(g.findings),
        ),
    )


# ------------------------------------------------------------------ findings page
@dataclass
class Query:
    """The findings page's filters, as parsed from the URL."""

    status: str = ""
    story: str = ""
    outlet: str = ""
    with_: str = ""  # a second outlet: findings both outlets are in (the matrix cells link here)
    entity: str = ""
    measure: str = ""
    quiet: bool = False  # show unknown and single-source findings too
    page: int = 1
    review: str = ""  # unreviewed | confirmed | wrong | needs-check

    def params(self, **change: object) -> dict[str, object]:
        d: dict[str, object] = {
            "status": self.status,
            "story": self.story,
            "outlet": self.outlet,
            "with": self.with_,
            "entity": self.entity,
            "measure": self.measure,
            "all": "1" if self.quiet else "",
            "review": self.review,
            "page": self.page if self.page > 1 else "",
        }
        d.update({("with" if k == "with_" else k): v for k, v in change.items()})
        return d


@dataclass
class Selection:
    items: list[Finding]  # this page
    total: int  # matching, on every page
    hidden: int  # unknown / single-source findings the default view leaves out
    pages: int
    entity_matches: list[tuple[str, str]] = field(default_factory=list)  # (id, name) the entity text matched


def select(
    r: Rashomon, c: Corpus, q: Query, pair_ids: set[str] | None = None, book: reviews.Book | None = None
) -> Selection:
    """The findings matching ``q`` (``pair_ids``: only these, for a matrix cell), most severe first;
    ``book``: the reviews, read once by the caller (read here when not given)."""
    found = r.findings(status=q.status or None, story=None)
    if q.review:
        book = book if book is not None else reviews.book(r.store)
        found = [f for f in found if book.state(f.id) == q.review]
    if q.story:
        found = [f for f in found if (s := c.story(f)) is not None and s.id == q.story]
    if q.outlet:
        found = [f for f in found if q.outlet in c.outlets(f)]
    if q.with_:
        found = [f for f in found if q.with_ in c.outlets(f)]
    if pair_ids is not None:
        found = [f for f in found if f.id in pair_ids]
    matches: list[tuple[str, str]] = []
    if q.entity:
        matches = r.store.entities_like(q.entity.strip())
        ids = {i for i, _ in matches}
        found = [f for f in found if ids.intersection(f.entities)]
    if q.measure:
        m = q.measure.casefold()
        found = [f for f in found if m in f.key.casefold() or m in f.kind.casefold()]
    hidden = 0
    if not q.quiet and not q.status and q.review in ("", "unreviewed"):
        shown = [f for f in found if f.status not in QUIET]
        hidden, found = len(found) - len(shown), shown
    found.sort(key=lambda f: severity_key(f, len(c.outlets(f))))
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(1, q.page), pages)
    q.page = page
    return Selection(found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], len(found), hidden, pages, matches)
