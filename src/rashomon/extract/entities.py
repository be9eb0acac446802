"""Entity mentions per document, and their canonicalisation across the corpus.

``mentions`` (per document, cheap: a few token checks per spaCy entity) fixes span
boundaries: a leading "the" and a trailing possessive are trimmed; a person's title or
role just before the name ("Ambassador", "Azerbaijan's Ambassador to Pakistan", "PM") is
taken INTO the span and the label set to PERSON, so the evidence carries the role (a
``Mention`` has no attribute slot; ``canonicalize`` moves the role into ``Entity.attrs``);
"X's Y Z" spans are split at the possessive; a span running over a line break (a headline
name, then the dateline on the next line) ends at it; "X (ABC)" becomes one mention so the
acronym links to its expansion. Two adjacent name spans the tagger split ("Shah Mahmood" ORG
+ "Qureshi" GPE) become one person when one is tagged PERSON or a title precedes them; a
name after a place noun ("capital X", "the city of X") is a place; a span that is only a
title ("the Spokesperson") names no one and is dropped.

``canonicalize`` (corpus level, streamed) aggregates mentions by (text, label) first, so
its work is proportional to distinct surface forms, then:

1. parses each surface form once (title/role/country/affiliation, "X (ABC)") and
   normalises it (case, accents, dots in acronyms, British/American spelling);
2. votes one type per normalised name over every label it got, plus the packaged
   gazetteer (countries count heavily, cities/subdivisions break ties) and titles (PERSON);
3. merges names with union-find over candidate pairs from blocking keys (see
   :mod:`rashomon.extract.linking`): person name variants, acronyms, phonetic
   transliterations, consonant-skeleton typos, descriptive place variants;
4. resolves bare surnames: to the only person with that surname in the corpus, else per
   document to the only one mentioned there (or the one mentioned there, or in the corpus,
   far more often than the others), else, when none is mentioned there, to the one whose
   documents share the document's other entities; else it stays its own (ambiguous) entity.

NORP stays its own type (a group of people is not the country); its ``attrs["country"]``
names the country when the demonym is known ("Azerbaijani" -> "Azerbaijan").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..records import Document, Entity, Mention, stable_id
from . import gazetteer, linking
from .linking import TITLES, Form

STAGE = "entities@1"
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_PREPS = {"of", "to", "in", "for"}
_MAX_LOOKBACK = 8
_PLACE_NOUNS = {
    "capital",
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "county",
    "state",
    "port",
    "suburb",
    "neighbourhood",
    "neighborhood",
}
_ROLE_WORDS = TITLES | {
    "prime",
    "vice",
    "deputy",
    "foreign",
    "interior",
    "defence",
    "defense",
    "finance",
    "acting",
    "former",
    "assistant",
    "senior",
    "executive",
    "managing",
}


def _is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in TITLES and (tok.is_title or tok.is_upper)


def _extend_left(sdoc, start: int, floor: int) -> int:
    """Take a role phrase just before a name into the span: "[X's] Title+ [(of|to|in) Cap+]*"."""
    i = start - 1
    new = start
    seen_title = False
    while i >= max(floor, start - _MAX_LOOKBACK):
        tok = sdoc[i]
        if _is_title(tok):
            seen_title, new = True, i
        elif tok.lower_ in _PREPS and not seen_title:
            pass  # "Ambassador to Pakistan Ali Alizada": keep looking left for the title
        elif tok.is_title and not seen_title:
            pass  # place after the preposition
        elif seen_title and tok.text in _POSSESSIVE and i - 1 >= floor and sdoc[i - 1].is_title:
            new = i - 1
            break
        elif seen_title and (tok.is_title or tok.is_upper) and tok.is_alpha:
            new = i  # affiliation or demonym: "Foreign Office Spokesperson", "Armenian PM"
        else:
            break
        i -= 1
    return new if seen_title else start


def _place_cue(sdoc, start: int) -> bool:
    """A place noun just before the name: "capital Stepanakert", "the city of X"."""
    i = start - 1
    if i >= 1 and sdoc[i].lower_ == "of":
        i -= 1
    return i >= 0 and sdoc[i].lower_ in _PLACE_NOUNS


def _joined(sdoc, ents: list, gaz) -> list:
    """Adjacent name spans the tagger split ("Shah Mahmood" ORG + "Qureshi" GPE) joined into one person,
    when one of them is tagged PERSON or a title stands before them, and neither is a known place."""
    from spacy.tokens import Span

    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == ent.start
            and "\n" not in prev[-1].text_with_ws
            and all(t.is_title and t.is_alpha for t in list(prev) + list(ent))
            and not gaz.is_place(prev.text)
            and not gaz.is_place(ent.text)
            and prev.label_ in ("PERSON", "ORG")
            and ent.label_ in ("PERSON", "ORG", "GPE")
            and ("PERSON" in (prev.label_, ent.label_) or _extend_left(sdoc, prev.start, 0) < prev.start)
        ):
            out[-1] = Span(sdoc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def mentions(sdoc, document: Document) -> list[Mention]:
    """NER mentions of one parsed document, with their spans fixed (see module docstring)."""
    out: list[Mention] = []
    ents = _joined(sdoc, [e for e in sdoc.ents if e.label_ in LABELS], gazetteer.load())
    text = document.text
    skip_until = -1
    floor = 0
    for ent in ents:
        if ent.start < skip_until:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        end = next((i for i in range(start + 1, end) if "\n" in sdoc[i].text), end)  # a headline's next line
        while start < end and (sdoc[start].lower_ == "the" or sdoc[start].is_punct or sdoc[start].is_space):
            start += 1
        while end > start and (sdoc[end - 1].text in _POSSESSIVE or sdoc[end - 1].is_punct or sdoc[end - 1].is_space):
            end -= 1
        if end < len(sdoc) and sdoc[end].text == ")" and any(t.text == "(" for t in sdoc[start:end]):
            end += 1  # "Organisation of Islamic Cooperation (OIC" + ")"
        if start >= end or all(t.lower_.rstrip(".") in _ROLE_WORDS for t in sdoc[start:end]):
            continue  # nothing left, or a title with no name ("the Spokesperson")
        spans: list[tuple[int, int, str]] = []
        split = next((i for i in range(start + 1, end - 1) if sdoc[i].text in _POSSESSIVE), None)
        if split is not None and all(t.is_title for t in sdoc[split + 1 : end]):
            spans.append((start, split, label))
            start, label = split + 1, "PERSON"
        if (
            label in ("PERSON", "ORG")
            and not sdoc[start].is_upper
            and (
                end - start == 1 and (start > 0 and sdoc[start - 1].lower_ in ("in", "from")) or _place_cue(sdoc, start)
            )
        ):
            label = "GPE"  # "in Karabakh", "from Yerevan", "capital Stepanakert": a place, whatever the tagger said
        elif label == "PERSON":
            start = _extend_left(sdoc, start, floor)
        elif label == "ORG" and linking.titled_name(sdoc[start:end].text.split()) is not None:
            label = "PERSON"
        if (
            end + 2 < len(sdoc)
            and sdoc[end].text == "("
            and sdoc[end + 1].is_upper
            and sdoc[end + 2].text == ")"
            and label not in ("PERSON", "NORP")
        ):
            end += 3
            skip_until = end
        spans.append((start, end, label))
        for s, e, lab in spans:
            a, b = sdoc[s].idx, sdoc[e - 1].idx + len(sdoc[e - 1].text)
            out.append(Mention(document.id, a, b, text[a:b], lab, STAGE))
        if label not in ("GPE", "LOC", "NORP"):
            floor = end
    return out


def canonicalize(mentions: Iterable[Mention]) -> list[Entity]:
    """One entity per real-world thing across the corpus (see module docstring)."""
    by_form: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_form[(m.text, m.label)].append(m)
    if not by_form:
        return []
    gaz = gazetteer.load()
    forms: dict[tuple[str, str], Form] = {}
    for text, label in by_form:
        forms[(text, label)] = linking.parse(text, label, gaz)
    nodes = linking.build_nodes(by_form, forms, gaz)
    clusters, overrides, places = linking.link(nodes, gaz)
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(clusters):
        members[root].append(i)
    entities: list[Entity] = []
    used: Counter[str] = Counter()
    assigned: dict[int, list[Mention]] = defaultdict(list)
    for i, node in enumerate(nodes):
        for form_key in node.forms:
            for m in by_form[form_key]:
                assigned[overrides.get((i, m.doc), clusters[i])].append(m)
    for root in sorted(members):
        ms = assigned.get(root)
        if not ms:
            continue
        group = [nodes[i] for i in members[root]]
        kind = linking.vote_type(group, gaz, place=root in places)
        name = linking.best_name(group, kind)
        attrs = linking.attributes(group, forms, kind, name, gaz)
        aliases = sorted({m.text for m in ms} | {n.name for n in group if n.forms})
        base = stable_id("e", kind, name)
        used[base] += 1
        eid = base if used[base] == 1 else stable_id("e", kind, name, used[base])
        ms.sort(key=lambda m: (m.doc, m.start, m.end, m.label))
        entities.append(Entity(eid, name, kind, tuple(aliases), tuple(ms), attrs))
    entities.sort(key=lambda e: (e.type, e.name, e.id))
    return entities
