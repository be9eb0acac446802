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


@pytest.mark.parametrize(
    "docs, same",
    [
        (
            [[("Ambassador Tarvel Okondu", "PERSON")], [("Okondu", "ORG"), ("Tarvel Okondu", "PERSON")]],
            [("d0", "Ambassador Tarvel Okondu"), ("d1", "Okondu"), ("d1", "Tarvel Okondu")],
        ),
        (
            [[("Velmor Defence Council", "ORG"), ("VDC", "ORG")], [("Velmor Defense Council", "ORG")]],
            [("d0", "Velmor Defence Council"), ("d0", "VDC"), ("d1", "Velmor Defense Council")],
        ),
        ([[("Zentral Assembly (ZA)", "ORG")], [("ZA", "ORG")]], [("d0", "Zentral Assembly (ZA)"), ("d1", "ZA")]),
        (
            [[("Muammar Gaddafi", "PERSON")], [("Muammar Qaddafi", "PERSON")], [("Muammar Kadhafi", "PERSON")]],
            [("d0", "Muammar Gaddafi"), ("d1", "Muammar Qaddafi"), ("d2", "Muammar Kadhafi")],
        ),
        (
            [[("Orlando Pemberton", "PERSON")], [("Orlanda Pemberton", "PERSON")]],
            [("d0", "Orlando Pemberton"), ("d1", "Orlanda Pemberton")],
        ),
        (
            [[("Upper Dravik", "GPE"), ("Dravik", "PERSON")], [("Nagorno-Dravik", "ORG"), ("Dravik", "GPE")]],
            [("d0", "Upper Dravik"), ("d0", "Dravik"), ("d1", "Nagorno-Dravik")],
        ),
        ([[("Boston Quillers", "ORG")], [("Quillers", "ORG")]], [("d0", "Boston Quillers"), ("d1", "Quillers")]),
        ([[("Tarvel Okondu", "PERSON"), ("Tarvel", "PERSON")]], [("d0", "Tarvel Okondu"), ("d0", "Tarvel")]),
        (
            [[("Marisa Quellan", "PERSON")] * 3, [("Marisa Quellan Dies", "PERSON")]],
            [("d0", "Marisa Quellan"), ("d1", "Marisa Quellan Dies")],
        ),
    ],
)
def test_variants_of_one_thing_merge(docs, same):
    entities = canonicalize(_mentions(*docs))
    assert len({_entity_of(entities, d, t).id for d, t in same}) == 1


@pytest.mark.parametrize(
    "docs, same",
    [
        # short first names: a prefix or a common short form of the only fuller name with that surname
        (
            [[("Frederick Tollan", "PERSON")], [("Fred Tollan", "PERSON")]],
            [("d0", "Frederick Tollan"), ("d1", "Fred Tollan")],
        ),
        (
            [[("Kathryn Marvell", "PERSON")], [("Katie Marvell", "PERSON")]],
            [("d0", "Kathryn Marvell"), ("d1", "Katie Marvell")],
        ),
        # a headline run on after (or before) the name, whatever the tagger called it
        (
            [
                [("Velmor Okafe", "PERSON")] * 3,
                [("Velmor Okafe Checks Into Rehab", "PERSON")],
                [("Officials Name Velmor Okafe", "ORG")],
            ],
            [("d0", "Velmor Okafe"), ("d1", "Velmor Okafe Checks Into Rehab"), ("d2", "Officials Name Velmor Okafe")],
        ),
        # a position abbreviation run into the name, a quoted nickname, a title that is no role
        (
            [[("WR Tarvel Okondu", "PERSON")], [('Tarvel "The Hawk" Okondu', "ORG")], [("Tarvel Okondu", "PERSON")]],
            [("d0", "WR Tarvel Okondu"), ("d1", 'Tarvel "The Hawk" Okondu'), ("d2", "Tarvel Okondu")],
        ),
        (
            [[("Tarvel Okondu", "PERSON"), ("Deputy Okondu", "PERSON")]],
            [("d0", "Tarvel Okondu"), ("d0", "Deputy Okondu")],
        ),
        # one organisation with and without the words saying what kind it is
        ([[("Quellan Corp.", "ORG")], [("Quellan", "ORG")]], [("d0", "Quellan Corp."), ("d1", "Quellan")]),
        (
            [[("Marisol Treatment Center", "ORG")], [("Marisol Clinic", "FAC")], [("Marisol", "PERSON")]],
            [("d0", "Marisol Treatment Center"), ("d1", "Marisol Clinic"), ("d2", "Marisol")],
        ),
        # descriptive variants of a place: compass words, a multi-word head, a geographic suffix
        ([[("Northeast Dravik", "LOC")], [("Dravik", "GPE")]], [("d0", "Northeast Dravik"), ("d1", "Dravik")]),
        ([[("South Ardel Hill", "LOC")], [("Ardel Hill", "GPE")]], [("d0", "South Ardel Hill"), ("d1", "Ardel Hill")]),
        ([[("Qorvan Island", "LOC")], [("Qorvan", "LOC")]], [("d0", "Qorvan Island"), ("d1", "Qorvan")]),
        # transposed letters; a person's full name the tagger called an organisation, spelt differently
        ([[("Drovetsko", "PERSON")], [("Drovestko", "PERSON")]], [("d0", "Drovetsko"), ("d1", "Drovestko")]),
        ([[("Bettie Marlo", "ORG")], [("Betty Marlo", "PERSON")]], [("d0", "Bettie Marlo"), ("d1", "Betty Marlo")]),
    ],
)
def test_more_variants_of_one_thing_merge(docs, same):
    entities = canonicalize(_mentions(*docs))
    assert len({_entity_of(entities, d, t).id for d, t in same}) == 1


@pytest.mark.parametrize(
    "docs, apart",
    [
        (
            [[("Christine Dorla", "PERSON")], [("Christopher Dorla", "PERSON")], [("Chris Dorla", "PERSON")]],
            [("d0", "Christine Dorla"), ("d1", "Christopher Dorla"), ("d2", "Chris Dorla")],
        ),
        (
            [[("Gordon H. W. Praxton", "PERSON")], [("Gordon W. Praxton", "PERSON")]],
            [("d0", "Gordon H. W. Praxton"), ("d1", "Gordon W. Praxton")],
        ),
        (
            [[("Tamsin Ardel", "PERSON")] * 3, [("Tamsin Ardel Center", "ORG")]],
            [("d0", "Tamsin Ardel"), ("d1", "Tamsin Ardel Center")],
        ),
        ([[("117th Street", "FAC")], [("223rd Street", "FAC")]], [("d0", "117th Street"), ("d1", "223rd Street")]),
        ([[("Palmer", "GPE")], [("Palermo", "GPE")]], [("d0", "Palmer"), ("d1", "Palermo")]),
        ([[("Iranian Island", "LOC")], [("Iranian", "NORP")]], [("d0", "Iranian Island"), ("d1", "Iranian")]),
        ([[("SORVEN", "ORG")], [("115th St.", "ORG")]], [("d0", "SORVEN"), ("d1", "115th St.")]),
        # a dateline's agency is no acronym of its town: two towns never meet through it
        (
            [[("VELMORA (AP)", "GPE")], [("OSTERBY (AP)", "GPE")], [("Associated Press", "ORG"), ("AP", "ORG")]],
            [("d0", "VELMORA (AP)"), ("d1", "OSTERBY (AP)"), ("d2", "Associated Press")],
        ),
        # a number is a word of the name: "W. 16th Street" is no "Walnut Street", nor a bridge to "Wexley Street"
        (
            [[("W. 16th Street", "FAC")], [("Walnut Street", "FAC")], [("Wexley Street", "FAC")]],
            [("d0", "W. 16th Street"), ("d1", "Walnut Street"), ("d2", "Wexley Street")],
        ),
        # an office the tagger called a person has no surname "Sheriff" to share
        (
            [
                [("Ostrand County Sheriff", "PERSON")],
                [("County Sheriff", "PERSON")],
                [("Velmo County Sheriff", "PERSON")],
            ],
            [("d0", "Ostrand County Sheriff"), ("d2", "Velmo County Sheriff")],
        ),
    ],
)
def test_different_things_stay_apart(docs, apart):
    entities = canonicalize(_mentions(*docs))
    assert len({_entity_of(entities, d, t).id for d, t in apart}) == len(apart)


def test_bare_surname_goes_to_the_documents_main_person():
    entities = canonicalize(
        _mentions(
            [("Tyrel Brask", "PERSON")] * 3 + [("Gennet Brask", "PERSON"), ("Brask", "PERSON")],
            [("Gennet Brask", "PERSON")] * 3 + [("Tyrel Brask", "PERSON"), ("Brask", "PERSON")],
        )
    )
    assert _entity_of(entities, "d0", "Brask").id == _entity_of(entities, "d0", "Tyrel Brask").id
    assert _entity_of(entities, "d1", "Brask").id == _entity_of(entities, "d1", "Gennet Brask").id


def test_bare_surname_without_its_full_name_follows_the_documents_other_entities():
    fillers = [[(f"Filler Org {c}", "ORG")] for c in "ABCDEFGHIJ"]
    entities = canonicalize(
        _mentions(
            [("Rasul Khan", "PERSON"), ("Velmor Council", "ORG"), ("Dravik", "GPE"), ("Ostrel Port", "FAC")],
            [("Tamsin Khan", "PERSON"), ("Zentral Assembly", "ORG"), ("Oskoro", "GPE")],
            [("Khan", "PERSON"), ("Velmor Council", "ORG"), ("Dravik", "GPE"), ("Ostrel Port", "FAC")],
            [("Khan", "PERSON"), ("Lorvik Bay", "LOC")],
            *fillers,
        )
    )
    rasul, tamsin = _entity_of(entities, "d0", "Rasul Khan"), _entity_of(entities, "d1", "Tamsin Khan")
    assert _entity_of(entities, "d2", "Khan").id == rasul.id
    assert _entity_of(entities, "d3", "Khan").id not in (rasul.id, tamsin.id)  # no context: left alone


def test_bare_word_labels_do_not_outvote_the_full_name():
    entities = canonicalize(_mentions([("Wladek Prosvik", "PERSON")] * 3 + [("Prosvik", "NORP")] * 8))
    assert _entity_of(entities, "d0", "Prosvik").type == "PERSON"


def test_two_khans_stay_apart_and_bare_surname_follows_its_document():
    entities = canonicalize(
        _mentions(
            [("Rasul Khan", "PERSON"), ("Khan", "PERSON")],
            [("Tamsin Khan", "PERSON"), ("Khan", "PERSON")],
            [("Rasul Khan", "PERSON"), ("Tamsin Khan", "PERSON"), ("Khan", "PERSON")],
        )
    )
    rasul, tamsin = _entity_of(entities, "d0", "Rasul Khan"), _entity_of(entities, "d1", "Tamsin Khan")
    assert rasul.id != tamsin.id
    assert _entity_of(entities, "d0", "Khan").id == rasul.id
    assert _entity_of(entities, "d1", "Khan").id == tamsin.id
    assert _entity_of(entities, "d2", "Khan").id not in (rasul.id, tamsin.id)


def test_short_names_stay_apart_when_ambiguous():
    entities = canonicalize(
        _mentions(
            [("Boston Quillers", "ORG"), ("Tarvel Okondu", "PERSON"), ("Tarvel Mbeki", "PERSON"), ("Tarvel", "PERSON")],
            [
                ("Denver Quillers", "ORG"),
                ("Quillers", "ORG"),
                ("Marisa Quellan", "PERSON"),
                ("Marisa Quellan Dies", "PERSON"),
            ],
        )
    )
    assert len({_entity_of(entities, "d0", t).id for t in ("Tarvel Okondu", "Tarvel Mbeki", "Tarvel")}) == 3
    assert (
        len(
            {
                _entity_of(entities, d, t).id
                for d, t in [("d0", "Boston Quillers"), ("d1", "Denver Quillers"), ("d1", "Quillers")]
            }
        )
        == 3
    )
    assert _entity_of(entities, "d1", "Marisa Quellan").id != _entity_of(entities, "d1", "Marisa Quellan Dies").id


@pytest.mark.parametrize(
    "text, role, country",
    [
        ("Ambassador Tarvel Okondu", "ambassador", None),
        ("Prime Minister Tarvel Okondu", "prime minister", None),
        ("PM Tarvel Okondu", "prime minister", None),
        ("Armenia's Ambassador to Pakistan Tarvel Okondu", "ambassador", "Armenia"),
        ("President of Azerbaijan Tarvel Okondu", "president", "Azerbaijan"),
    ],
)
def test_titles_become_attributes(text, role, country):
    (entity,) = canonicalize(_mentions([(text, "PERSON")]))
    assert entity.name == "Tarvel Okondu" and entity.type == "PERSON"
    assert entity.attrs.get("role") == role and entity.attrs.get("country") == country


@pytest.mark.parametrize(
    "text, label, expected_type",
    [
        ("Azerbaijani", "PERSON", "NORP"),
        ("Pakistan", "ORG", "GPE"),
        ("Armenians", "ORG", "NORP"),
    ],
)
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
    assert all(text[m.start : m.end] == m.text and not m.text.lower().startswith("the ") for m in found)
    assert any(m.text == "Ambassador Tarvel Okondu" and m.label == "PERSON" for m in found)


def _parsed(nlp, words: list[str], ents: list[tuple[int, int, str]]):
    """A parsed document with hand-set entity spans (the tagger's output made deterministic)."""
    from spacy.tokens import Doc, Span

    sdoc = Doc(nlp.vocab, words=words)
    sdoc.ents = [Span(sdoc, s, e, label=lab) for s, e, lab in ents]
    return sdoc


def test_mentions_join_split_names_and_drop_bare_titles(nlp):
    words = "Foreign Minister of Velmoria Tarvel Okondu spoke . The Spokesperson agreed .".split()
    sdoc = _parsed(nlp, words, [(3, 4, "GPE"), (4, 5, "ORG"), (5, 6, "GPE"), (9, 10, "ORG")])
    found = mentions(sdoc, Document("x", "x", sdoc.text, sdoc.text))
    assert [(m.text, m.label) for m in found] == [
        ("Velmoria", "GPE"),
        ("Foreign Minister of Velmoria Tarvel Okondu", "PERSON"),
    ]


def test_mentions_never_hold_only_spaces_or_punctuation(nlp):
    """The tagger once called "―\xa0" (a dash and a no-break space before a byline) a PERSON: trimming
    the dash left a mention of one space, which later broke speaker resolution on that document."""
    words = ["“", "Stay", "home", ".", "”", "―", "\xa0", "Mara", "Quell", "."]
    sdoc = _parsed(nlp, words, [(5, 7, "PERSON"), (7, 9, "PERSON")])
    found = mentions(sdoc, Document("x", "x", sdoc.text, sdoc.text))
    assert [(m.text, m.label) for m in found] == [("Mara Quell", "PERSON")]


def test_mentions_place_noun_before_a_name_makes_it_a_place(nlp):
    words = "Shells fell on the capital Ostrava and the city of Velmor Bay .".split()
    sdoc = _parsed(nlp, words, [(5, 6, "PERSON"), (10, 12, "ORG")])
    found = mentions(sdoc, Document("x", "x", sdoc.text, sdoc.text))
    assert [(m.text, m.label) for m in found] == [("Ostrava", "GPE"), ("Velmor Bay", "GPE")]


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
    for group in (
        ["Khazar Farhadov", "Farhadov"],
        ["UN Security Council", "United Nations Security Council"],
        ["Nagorno-Karabakh", "Upper Karabakh", "Karabakh"],
        ["Imran Khan", "PM Imran Khan"],
    ):
        ids = set().union(*(by_alias.get(a, set()) for a in group))
        assert len(ids) == 1, group
    assert len({e.id for e in entities if "Azerbaijan" in e.aliases}) == 1
    types = {e.name: e.type for e in entities}
    assert types.get("Yerevan") == "GPE" and types.get("Stepanakert") == "GPE"  # tagged PERSON in the text
    assert "Spokesperson" not in types and "Qureshi" not in types  # a bare title; a name split in two
    assert types.get("Shah Mahmood Qureshi") == "PERSON"
    alizada = next(e for e in entities if e.name == "Ali Alizada")
    assert alizada.attrs.get("role") == "ambassador" and alizada.attrs.get("country") == "Azerbaijan"
