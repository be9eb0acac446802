"""The words of a quantity finding: who says what, and the verdict, in a sentence a journalist reads
("reuters.com: 9 people killed in the strike on the market; bbc.co.uk: 12 — the figures conflict.")."""

from __future__ import annotations

import re

from . import sources
from .link import Facet
from .vocabulary import SUBCATEGORY


def verb_of(pred: str | None) -> str:
    return {
        "kill": "killed",
        "injure": "injured",
        "capture": "taken",
        "control": "controlled",
        "siege": "under siege",
        "displace": "displaced",
        "arrest": "arrested",
        "shoot": "shot",
        "vote": "votes",
        "protest": "marched",
    }.get(pred or "", "")


def _phrase(f: Facet) -> str:
    """ "9 people killed in the strike on the Harbour Market on Saturday"; "Brian Nichols aged 37"."""
    if f.measure and f.measure[0] == "age":
        return f"{f.scope or 'a person'} aged {f.display}"
    # the counted noun, not a clause coordinated after it ("5 people and damaging buildings")
    what = re.sub(r"\s+and\s+\w+ing\b.*", "", (f.claim.what or "").strip())
    if f.thing == "duration":
        label = (what or f.pred_word or verb_of(f.pred)).lower()
        return f"{f.display} ({label})" if label else f.display
    if f.thing == "territory":
        noun = f"of {what}" if what else "of the territory"
    else:
        group = f.category if f.category in SUBCATEGORY.values() else None  # "adults", not "condition"
        noun = what if what and len(what) < 40 else (f.noun or group or f.thing or "")
    verb = f.pred_word if f.pred_word and f.pred_word not in ("toll", "death", "deaths", "dead") else verb_of(f.pred)
    if verb and (verb.endswith("ing") or (f.pred in ("kill", "injure", "shoot") and verb.endswith("s"))):
        # "killing 12", "kills 9" read "12 killed" after the figure
        verb = verb_of(f.pred) or verb
    if verb.endswith(" control"):  # "regained control of 300 settlements"
        verb += " of"
    if f.noun in ("death", "deaths", "fatality", "fatalities"):  # "the military death toll to 633": 633 military deaths
        lead = what[: what.lower().find(f.noun)] if f.noun in what.lower() else ""
        noun, verb = f"{lead}{'death' if f.display == '1' else 'deaths'}".strip(), ""
    place = ""
    if f.places and not any(p in f.scope.lower() for p in f.places):
        place = f" in {sorted(f.places)[0].title()}"
    scope = f" {f.scope[0].lower()}{f.scope[1:]}" if f.scope else ""
    if f.display == "1" and noun == "people":
        noun = "person"
    words = (verb, f.display, noun) if f.thing in ("settlement", "territory") else (f.display, noun, verb)
    return " ".join(b for b in words if b) + place + scope


def summarize(status: str, members: list[Facet]) -> str:
    """1–2 sentences a journalist can read: who says what, and the verdict."""
    by_value: dict[str, list[Facet]] = {}
    for f in members:
        by_value.setdefault(f.display, []).append(f)
    parts = []
    for fs in sorted(by_value.values(), key=lambda fs: (fs[0].published or "", fs[0].display)):
        outlets = ", ".join(sorted({f.outlet for f in fs})) + sources.explain(
            {f.source for f in fs}, {f.outlet for f in fs}
        )
        when = f" ({fs[0].published[:10]})" if status == "update" and fs[0].published else ""
        told = max(fs, key=lambda f: len(f.scope))  # the report that says most about its scope
        parts.append(f"{outlets}{when}: {_phrase(told)}")
    values = [(f.published or "", f.interval.lo) for f in members if f.interval is not None]
    rose = not values or max(values)[1] >= max(v for _, v in values)  # the latest report's figure is the highest
    tail = {
        "agree": "the figures agree",
        "conflict": "the figures conflict",
        "scope_difference": "different scope, not a contradiction",
        "update": "an age that moved on between reports far apart"
        if members[0].measure and members[0].measure[0] == "age"
        else "a running figure that rose in later reports"
        if rose
        else "a count revised in later reports",
        "single_source": "one independent source only",
        "unknown": "the figures differ but it is unclear they count the same thing",
    }[status]
    return "; ".join(parts) + f" — {tail}."
