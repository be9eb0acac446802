"""Entity mentions and corpus canonicalisation: hand-built mentions (fictional names), plus
the seed articles end to end (one entity per real-world person, place and organisation)."""
from __future__ import annotations

import pytest

from rashomon.extract.entities import canonicalize, mentions
from rashomon.records import Document, Mention

from ..conftest import SEEDS, need


def _mentions(*docs: list[tuple[str, str]]) -> list[Mention]:
    """Fictional mentions: one list of (text, label) per document, offsets made up in order."""
    out = []
    for d, items in enumerate(docs):
        pos = 0
        for text, label in items:
            out.append(Mention(f"d{d}", pos, pos + len(text), text, label))
            pos += len(text) + 5
    return out


def _entity_of(entities, doc: str, text: str):
    return next(e for e in entities for m in e.mentions if m.doc == doc and m.text == text)


@pytest.mark.parametrize("docs, same", [
    ([[("Ambassador Tarvel Okondu", "PERSON")], [("Okondu", "ORG"), ("Tarvel Okondu", "PERSON")]],
     [("d0", "Ambassador Tarvel Okondu"), ("d1", "Okondu"), ("d1", "Tarvel Okondu")]),
    ([[("Velmor Defence Council", "ORG"), ("VDC", "ORG")], [("Velmor Defense Council", "ORG")]],
     [("d0", "Velmor Defence Council"), ("d0", "VDC"), ("d1", "Velmor Defense Council")]),
    ([[("Zentral Assembly (ZA)", "ORG")], [("ZA", "ORG")]], [("d0", "Zentral Assembly (ZA)"), ("d1", "ZA")]),
    ([[("Muammar Gaddafi", "PERSON")], [("Muammar Qaddafi", "PERSON")], [("Muammar Kadhafi", "PERSON")]],
     [("d0", "Muammar Gaddafi"), ("d1", "Muammar Qaddafi"), ("d2", "Muammar Kadhafi")]),
    ([[("Orlando Pemberton", "PERSON")], [("Orlanda Pemberton", "PERSON")]],
     [("d0", "Orlando Pemberton"), ("d1", "Orlanda Pemberton")]),
    ([[("Upper Dravik", "GPE"), ("Dravik", "PERSON")], [("Nagorno-Dravik", "ORG"), ("Dravik", "GPE")]],
     [("d0", "Upper Dravik"), ("d0", "Dravik"), ("d1", "Nagorno-Dravik")]),
    ([[("Boston Quillers", "ORG")], [("Quillers", "ORG")]], [("d0", "Boston Quillers"), ("d1", "Quillers")]),
    ([[("Tarvel Okondu", "PERSON"), ("Tarvel", "PERSON")]], [("d0", "Tarvel Okondu"), ("d0", "Tarvel")]),
    ([[("Marisa Quellan", "PERSON")] * 3, [("Marisa Quellan Dies", "PERSON")]],
     [("d0", "Marisa Quellan"), ("d1", "Marisa Quellan Dies")]),
])
def test_variants_of_one_thing_merge(docs, same):
    entities = canonicalize(_mentions(*docs))
    assert len({_entity_of(entities, d, t).id for d, t in same}) == 1


def test_two_khans_stay_apart_and_bare_surname_follows_its_document():
    entities = canonicalize(_mentions(
        [("Rasul Khan", "PERSON"), ("Khan", "PERSON")],
        [("Tamsin Khan", "PERSON"), ("Khan", "PERSON")],
        [("Rasul Khan", "PERSON"), ("Tamsin Khan", "PERSON"), ("Khan", "PERSON")],
    ))
    rasul, tamsin = _entity_of(entities, "d0", "Rasul Khan"), _entity_of(entities, "d1", "Tamsin Khan")
    assert rasul.id != tamsin.id
    assert _entity_of(entities, "d0", "Khan").id == rasul.id
    assert _entity_of(entities, "d1", "Khan").id == tamsin.id
    assert _entity_of(entities, "d2", "Khan").id not in (rasul.id, tamsin.id)


def test_short_names_stay_apart_when_ambiguous():
    entities = canonicalize(_mentions(
        [("Boston Quillers", "ORG"), ("Tarvel Okondu", "PERSON"), ("Tarvel Mbeki", "PERSON"), ("Tarvel", "PERSON")],
        [("Denver Quillers", "ORG"), ("Quillers", "ORG"), ("Marisa Quellan", "PERSON"),
         ("Marisa Quellan Dies", "PERSON")]))
    assert len({_entity_of(entities, "d0", t).id for t in ("Tarvel Okondu", "Tarvel Mbeki", "Tarvel")}) == 3
    assert len({_entity_of(entities, d, t).id for d, t in [("d0", "Boston Quillers"), ("d1", "Denver Quillers"),
                                                          ("d1", "Quillers")]}) == 3
    assert _entity_of(entities, "d1", "Marisa Quellan").id != _entity_of(entities, "d1", "Marisa Quellan Dies").id


@pytest.mark.parametrize("text, role, country", [
    ("Ambassador Tarvel Okondu", "ambassador", None),
    ("Prime Minister Tarvel Okondu", "prime minister", None),
    ("PM Tarvel Okondu", "prime minister", None),
    ("Armenia's Ambassador to Pakistan Tarvel Okondu", "ambassador", "Armenia"),
    ("President of Azerbaijan Tarvel Okondu", "president", "Azerbaijan"),
])
def test_titles_become_attributes(text, role, country):
    (entity,) = canonicalize(_mentions([(text, "PERSON")]))
    assert entity.name == "Tarvel Okondu" and entity.type == "PERSON"
    assert entity.attrs.get("role") == role and entity.attrs.get("country") == country


@pytest.mark.parametrize("text, label, expected_type", [
    ("Azerbaijani", "PERSON", "NORP"), ("Pakistan", "ORG", "GPE"), ("Armenians", "ORG", "NORP"),
])
def test_type_vote_and_gazetteer_fix_tagger_errors(text, label, expected_type):
    entities = canonicalize(_mentions([(text, label)]))
    assert entities[0].type == expected_type


def test_demonym_links_country_and_output_is_deterministic():
    items = [("Azerbaijani", "NORP"), ("Velmor Council", "ORG"), ("Karvo Teller", "PERSON")]
    first = canonicalize(_mentions(items, items[::-1]))
    second = canonicalize(reversed(_mentions(items, items[::-1])))
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    assert _entity_of(first, "d0", "Azerbaijani").attrs["country"] == "Azerbaijan"


def test_mentions_trim_and_keep_evidence(nlp):
    text = "The Velmor Council met. Ambassador Tarvel Okondu spoke to the Zentral Assembly (ZA) in Paris."
    doc = Document("x", "x", text, text)
    found = mentions(nlp(text), doc)
    assert all(text[m.start:m.end] == m.text and not m.text.lower().startswith("the ") for m in found)
    assert any(m.text == "Ambassador Tarvel Okondu" and m.label == "PERSON" for m in found)


def test_seed_corpus_one_entity_per_thing(nlp):
    need(SEEDS)
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += mentions(nlp(text), Document(path.stem, str(path), text, text))
    entities = canonicalize(found)
    by_alias = {}
    for e in entities:
        for a in e.aliases:
            by_alias.setdefault(a, set()).add(e.id)
    for group in (["Khazar Farhadov", "Farhadov"], ["UN Security Council", "United Nations Security Council"],
                  ["Nagorno-Karabakh", "Upper Karabakh", "Karabakh"], ["Imran Khan", "PM Imran Khan"]):
        ids = set().union(*(by_alias.get(a, set()) for a in group))
        assert len(ids) == 1, group
    assert len({e.id for e in entities if "Azerbaijan" in e.aliases}) == 1
    alizada = next(e for e in entities if e.name == "Ali Alizada")
    assert alizada.attrs.get("role") == "ambassador" and alizada.attrs.get("country") == "Azerbaijan"
