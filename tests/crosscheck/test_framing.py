"""Framing lexicon: loading and validation, matching, the framing table, officials by outlet."""

from __future__ import annotations

import pytest

from rashomon.crosscheck import framing
from rashomon.errors import UsageError
from rashomon.records import Entity, Mention, make_claim
from tests.crosscheck._claims import doc

LEXICON = framing.load_lexicon()


def terms_in(text: str, extra=()) -> list[tuple[str, str, str]]:
    hits = framing.find([doc("d", text, "Herald")], framing.load_lexicon(extra))
    return [(h.category, h.term, h.text) for h in hits]


@pytest.mark.parametrize(
    "text,category,term",
    [
        ("Our valiant soldiers liberated Port Aven.", "control", "liberated"),
        ("Our valiant soldiers liberated Port Aven.", "loaded", "valiant"),
        ("The army retook the city.", "control", "retaken"),
        ("Troops captured the town.", "control", "captured"),
        ("the self-proclaimed Lerin Republic", "control", "self-proclaimed"),
        ("the breakaway region", "control", "breakaway"),
        ("In occupied Port Aven, residents report arrests.", "territory", "occupied"),
        ("The region is disputed between the two states.", "territory", "disputed"),
        ("protests in Indian-administered Kashmir", "territory", "Indian-administered"),
        ("protests in Indian-held Kashmir", "territory", "Indian-held"),
        ("the Indian occupation of Jammu and Kashmir", "territory", "Indian-occupied"),
        ("rallies across IIOJK", "territory", "Indian-occupied"),
        ("shelling in Nagorno-Karabakh", "territory", "Nagorno-Karabakh"),
        ("the Upper Karabakh conflict", "territory", "Upper Karabakh"),
        ("the authorities of Artsakh", "territory", "Artsakh"),
        ("the ethnic Armenian separatist region", "territory", "ethnic Armenian enclave"),
        (
            "Nagorno-Karabakh is internationally recognized as part of Azerbaijan",
            "territory",
            "internationally recognised as part of",
        ),
        ("the de facto authorities in Stepanakert", "control", "de facto"),
        ("a rally in Azad Kashmir", "territory", "Azad"),
        ("separatist militants fired from the hills", "violence", "militant"),
        ("Separatist fighters regrouped.", "violence", "fighter"),
        ("The massacre of villagers", "violence", "massacre"),
        ("under the visionary leadership of the President", "loaded", "visionary leadership"),
        ("martyrs of the patriotic war", "loaded", "patriotic war"),
    ],
)
def test_terms_are_found(text, category, term):
    assert (category, term) in [(c, t) for c, t, _ in terms_in(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The fighterjet flew over.",  # no word boundary
        "The unoccupied flat",  # inside a longer word
        "Talks were held on Monday.",  # bare "held" is not a territory term
    ],
)
def test_no_partial_word_hits(text):
    assert terms_in(text) == []


@pytest.mark.parametrize(
    "text,term",
    [
        ("schools in Russian-controlled Melitopol", "Russian-controlled"),
        ("villages in rebel-held territory", "rebel-held"),
        ("the Israeli-occupied Golan Heights", "Israeli-occupied"),
        ("settlers in Israeli occupied East Jerusalem", "Israeli-occupied"),
        ("the Moroccan-administered Western Sahara", "Moroccan-administered"),
        ("the end of the Armenian occupation", "Armenian-occupied"),
    ],
)
def test_who_holds_a_place_is_a_pattern_not_a_list(text, term):
    assert ("territory", term) in [(c, t) for c, t, _ in terms_in(text)]


@pytest.mark.parametrize(
    "text",
    [
        "long-held beliefs",
        "an owner-occupied house",
        "a remote-controlled drone",
        "Armenia occupied almost a fifth of the country",  # a verb, no qualifier of a name
    ],
)
def test_patterns_do_not_fire_on_ordinary_compounds(text):
    assert not [t for c, t, _ in terms_in(text) if t.endswith(("-held", "-occupied", "-controlled"))]


def test_listed_form_wins_over_a_pattern_on_the_same_span():
    hits = [(c, t) for c, t, _ in terms_in("Indian-administered Kashmir")]
    assert hits == [("territory", "Indian-administered")]
    assert [h.group for h in framing.find([doc("d", "Indian-administered Kashmir", "X")], LEXICON)] == [
        "kashmir-naming"
    ]


def test_user_lexicon_patterns_fill_in_named_groups(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "category: naming\ngroups:\n  - group: rule\n    terms:\n      - term: '{who} rule'\n"
        "        patterns: ['(?P<who>(?-i:[A-Z])[a-z]+)\\s+rule']\n",
        "utf-8",
    )
    assert ("naming", "Valdorian rule", "Valdorian rule") in terms_in("years of Valdorian rule", [tmp_path])


def test_hit_offsets_point_at_the_evidence():
    text = "Our Valiant soldiers LIBERATED the city."
    hits = framing.find([doc("d", text, "Herald")], LEXICON)
    assert {text[h.start : h.end] for h in hits} == {"Valiant", "LIBERATED"}
    assert all(h.outlet == "Herald" and h.stage.startswith("framing@") for h in hits)


def test_user_lexicon_is_added(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "category: naming\ngroups:\n  - group: city-name\n    terms:\n      - term: Port Aven\n"
        "        forms: [port aven]\n      - term: Avenport\n        forms: [avenport]\n",
        "utf-8",
    )
    assert ("naming", "Avenport", "Avenport") in terms_in("Back in Avenport today.", [tmp_path])


@pytest.mark.parametrize(
    "body,message",
    [
        ("groups: []\n", "category"),
        ("category: x\ngroups: []\n", "groups"),
        ("category: x\ngroups:\n  - terms: []\n", "group"),
        ("category: x\ngroups:\n  - group: g\n    terms:\n      - forms: [a]\n", "term"),
        ("category: x\ngroups: [\n", "YAML"),
        (
            "category: x\ngroups:\n  - group: g\n    terms:\n      - term: t\n        patterns: ['(']\n",
            "regular expression",
        ),
        (
            "category: x\ngroups:\n  - group: g\n    terms:\n      - term: '{a} b'\n        patterns: ['b']\n",
            "named group",
        ),
    ],
)
def test_bad_lexicons_say_what_to_fix(tmp_path, body, message):
    p = tmp_path / "bad.yaml"
    p.write_text(body, "utf-8")
    with pytest.raises(UsageError, match=message):
        framing.load_lexicon([p])


def test_missing_lexicon_path():
    with pytest.raises(UsageError, match="not found"):
        framing.load_lexicon(["/nonexistent/lexicon.yaml"])


def test_framing_table_counts_by_outlet():
    docs = [
        doc("a", "They liberated the city. They liberated the port.", "Herald"),
        doc("b", "Troops captured the city.", "Times"),
    ]
    rows = framing.framing_table(framing.find(docs, LEXICON))
    assert {
        "category": "control",
        "group": "change-of-control",
        "term": "liberated",
        "outlet": "Herald",
        "count": 2,
    } in rows
    assert {
        "category": "control",
        "group": "change-of-control",
        "term": "captured",
        "outlet": "Times",
        "count": 1,
    } in rows


def test_officials_by_outlet():
    a, b = doc("a", "x", "Herald"), doc("b", "y", "Voice")
    lund = Entity(
        "e_lund",
        "Petra Lund",
        "PERSON",
        ("Petra Lund",),
        (Mention("a", 0, 1, "x", "PERSON"),),
        {"country": "Valdoria", "role": "foreign minister"},
    )

    def quote(d, speaker=None, speaker_text=None, i=0):
        return make_claim(
            id=f"q{d.id}{i}",
            doc=d.id,
            kind="quote",
            start=0,
            end=1,
            text="x",
            stage="t",
            speaker=speaker,
            speaker_text=speaker_text,
        )

    rows = framing.officials_by_outlet(
        [quote(a, "e_lund"), quote(a, "e_lund", i=1), quote(b, None, "Dario Keln")], [lund], [a, b]
    )
    assert rows[0] == {
        "outlet": "Herald",
        "speaker": "e_lund",
        "name": "Petra Lund",
        "affiliation": "foreign minister",
        "country": "Valdoria",
        "count": 2,
    }
    assert rows[1]["outlet"] == "Voice" and rows[1]["name"] == "Dario Keln" and rows[1]["speaker"] is None
