"""The timeline page's view: one story's entries, zoomed to the story's days, with conflicting
dates marked.

* ``story``: only entries drawn from that story's documents;
* the zoom window runs from three weeks before the story's first publication date to two weeks
  after its last (where at least two entries fall), else the middle 80% of dated entries
  (:func:`charts.focus`); with no story chosen, the weeks around the latest publication;
* a contested ``date`` finding (two sides reporting different days for one fact) becomes a
  bracket under the chart, and its entries are flagged in the table;
* lanes are named by :func:`desk.outlet_name`, as everywhere else; one more lane holds the
  incident layer (each incident coded once, on its day, linking to its page).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..api import Rashomon
from ..records import Story, TimelineEntry
from . import charts, desk
from .humandate import human_day

LEAD = dt.timedelta(days=21)  # how far before a story's first publication its events are shown in the zoom
TAIL = dt.timedelta(days=14)  # and after its last ("next week")
INCIDENTS = "◆ incidents"  # the lane of the incident layer (sorts after every outlet name)


@dataclass
class TimelineView:
    entries: list[TimelineEntry]
    chart: charts.Timeline
    zoom: charts.Timeline | None
    claim_docs: dict[str, str]
    stories: list[Story]
    story: Story | None
    contested: dict[int, str]  # entry index -> status of the date finding it is part of
    incidents: dict[int, str]  # entry index -> incident id, for the rows of the incident layer


def _window(entries: list[TimelineEntry], docs: list, story: bool) -> tuple[dt.date, dt.date] | None:
    """A story's days (three weeks before its first publication to two weeks after its last); with
    no story, the middle 80% of dated entries, else the weeks around the latest publication."""
    dated = [d for d in (charts.parse_date(e.date) for e in entries) if d]
    days = sorted(d for d in (charts.parse_date(x.published or "") for x in docs) if d)
    if not story and (focus := charts.focus(entries)):
        return focus
    if days:
        lo, hi = (days[0] if story else days[-1]) - LEAD, days[-1] + TAIL
        inside = [d for d in dated if lo <= d <= hi]
        if len(inside) >= 2 and min(inside) < max(inside) and len(inside) < len(dated):
            return min(inside), max(inside)
    return charts.focus(entries) if story else None


def timeline_view(r: Rashomon, story_id: str | None = None) -> TimelineView:
    c = desk.corpus(r)
    story = next((s for s in c.stories if s.id == story_id), None) if story_id else None
    entries = r.timeline()
    if story:
        members = set(story.docs)
        entries = [e for e in entries if members.intersection(e.docs)]
    entries = [
        dataclasses.replace(e, outlets=tuple(sorted({desk.outlet_name(c.docs[d]) for d in e.docs}, key=str.lower)))
        if e.docs and all(d in c.docs for d in e.docs)
        else e
        for e in entries
    ]
    incidents: dict[int, str] = {}
    layer = []
    for inc in r.incidents():
        if inc.date and (not story or set(story.docs).intersection(inc.documents)):
            what = f"incident: {inc.type or 'event'}" + (f" in {inc.place}" if inc.place else "")
            layer.append((TimelineEntry(inc.date, what, (), (INCIDENTS,), inc.documents), inc.id))
    if layer:
        pending = sorted(layer, key=lambda p: charts.parse_date(p[0].date) or dt.date.max)
        merged: list[tuple[TimelineEntry, str | None]] = []
        for e in entries:  # the stored order kept; each incident goes before the first later entry
            day = charts.parse_date(e.date)
            while pending and day and (charts.parse_date(pending[0][0].date) or dt.date.max) < day:
                merged.append(pending.pop(0))
            merged.append((e, None))
        merged += pending
        entries = [e for e, _ in merged]
        incidents = {i: inc_id for i, (_, inc_id) in enumerate(merged) if inc_id}
    ids = sorted({cid for t in entries for cid in t.claims})
    claim_docs = {cl.id: cl.doc for cl in r.store.claims(ids=ids)} if ids else {}
    brackets: list[charts.Bracket] = []
    contested: dict[int, str] = {}
    for f in r.findings():
        if f.kind != "date" or f.status not in desk.CONTESTED:
            continue
        if story and (s := c.story(f)) is not None and s.id != story.id:
            continue
        days = sorted({d for d in (charts.parse_date(sc.value) for sc in f.independent_sources) if d})
        if len(days) >= 2:
            what = f.key.replace("/", " ") or "date"
            label = f"{f.status.replace('_', ' ')}: {what}, " + " vs ".join(human_day(d) for d in days)
            brackets.append(charts.Bracket(days[0], days[-1], label, f"/finding/{f.id}"))
        claims = set(f.claims)
        for i, e in enumerate(entries):
            if claims.intersection(e.claims):
                contested[i] = f.status
    docs = [c.docs[d] for d in story.docs if d in c.docs] if story else list(c.docs.values())
    window = _window(entries, docs, story is not None)
    return TimelineView(
        entries,
        charts.timeline(entries, brackets=brackets),
        charts.timeline(entries, window=window, brackets=brackets) if window else None,
        claim_docs,
        c.stories,
        story,
        contested,
        incidents,
    )
