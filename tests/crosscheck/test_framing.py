"""Framing lexicon: loading and validation, matching, the framing table, officials by outlet."""
from __future__ import annotations

import pytest

from rashomon.crosscheck import framing
from rashomon.errors import UsageError
from rashomon.records import Claim, Entity, Mention
from tests.crosscheck._claims import doc

LEXICON = framing.load_lexicon()


def terms_in(text: str, extra=()) -> list[tuple[str, str, str]]:
    hits = framing.find([doc("d", text, "Herald")], framing.load_lexicon(extra))
    return [(h.category, h.term, h.text) for h in hits]


@pytest.mark.parametrize("text,category,term", [
    ("Our valiant soldiers liberated Port Aven.", "control", "liberated"),
    ("Our valiant soldiers liberated Port Aven.", "loaded", "valiant"),
    ("The army retook the city.", "control", "retaken"),
    ("Troops captured the town.", "control", "captured"),
    ("the self-proclaimed Lerin Republic", "control", "self-proclaimed"),
    ("the breakaway region", "control", "breakaway"),
    ("In occupied Port Aven, residents report arrests.", "territory", "occupied"),
    ("The region is disputed between the two states.", "territory", "disputed"),
    ("protests in Indian-administered Kashmir", "territory", "Indian-administered"),
    ("a rally in Azad Kashmir", "territory", "Azad"),
    ("separatist militants fired from the hills", "violence", "militant"),
    ("Separatist fighters regrouped.", "violence", "fighter"),
    ("The massacre of villagers", "violence", "massacre"),
    ("under the visionary leadership of the President", "loaded", "visionary leadership"),
    ("martyrs of the patriotic war", "loaded", "patriotic war"),
])
def test_terms_are_found(text, category, term):
    assert (category, term) in [(c, t) for c, t, _ in terms_in(text)]


@pytest.mark.parametrize("text", [
    "The fighterjet flew over.",  # no word boundary
    "The unoccupied flat",  # inside a longer word
    "Talks were held on Monday.",  # bare "held" is not a territory term
])
def test_no_partial_word_hits(text):
    assert terms_in(text) == []


def test_hit_offsets_point_at_the_evidence():
    text = "Our Valiant soldiers LIBERATED the city."
    hits = framing.find([doc("d", text, "Herald")], LEXICON)
    assert {text[h.start:h.end] for h in hits} == {"Valiant", "LIBERATED"}
    assert all(h.outlet == "Herald" and h.stage.startswith("framing@") for h in hits)


def test_user_lexicon_is_added(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "category: naming\ngroups:\n  - group: city-name\n    terms:\n      - term: Port Aven\n"
        "        forms: [port aven]\n      - term: Avenport\n        forms: [avenport]\n", "utf-8")
    assert ("naming", "Avenport", "Avenport") in terms_in("Back in Avenport today.", [tmp_path])


@pytest.mark.parametrize("body,message", [
    ("groups: []\n", "category"),
    ("category: x\ngroups: []\n", "groups"),
    ("category: x\ngroups:\n  - terms: []\n", "group"),
    ("category: x\ngroups:\n  - group: g\n    terms:\n      - forms: [a]\n", "term"),
    ("category: x\ngroups: [\n", "YAML"),
])
def test_bad_lexicons_say_what_to_fix(tmp_path, body, message):
    p = tmp_path / "bad.yaml"
    p.write_text(body, "utf-8")
    with pytest.raises(UsageError, match=message):
        framing.load_lexicon([p])


def test_missing_lexicon_path():
    with pytest.raises(UsageError, match="not found"):
        framing.load_lexicon(["/nonexistent/lexicon.yaml"])


def test_framing_table_counts_by_outlet():
    docs = [doc("a", "They liberated the city. They liberated the port.", "Herald"),
            doc("b", "Troops captured the city.", "Times")]
    rows = framing.framing_table(framing.find(docs, LEXICON))
    assert {"category": "control", "group": "change-of-control", "term": "liberated", "outlet": "Herald",
            "count": 2} in rows
    assert {"category": "control", "group": "change-of-control", "term": "captured", "outlet": "Times",
            "count": 1} in rows


def test_officials_by_outlet():
    a, b = doc("a", "x", "Herald"), doc("b", "y", "Voice")
    lund = Entity("e_lund", "Petra Lund", "PERSON", ("Petra Lund",), (Mention("a", 0, 1, "x", "PERSON"),),
                  {"country": "Valdoria", "role": "foreign minister"})

    def quote(d, speaker=None, speaker_text=None, i=0):
        return Claim(id=f"q{d.id}{i}", doc=d.id, kind="quote", start=0, end=1, text="x", stage="t",
                     speaker=speaker, speaker_text=speaker_text)

    rows = framing.officials_by_outlet([quote(a, "e_lund"), quote(a, "e_lund", i=1), quote(b, None, "Dario Keln")],
                                       [lund], [a, b])
    assert rows[0] == {"outlet": "Herald", "speaker": "e_lund", "name": "Petra Lund",
                       "affiliation": "foreign minister", "country": "Valdoria", "count": 2}
    assert rows[1]["outlet"] == "Voice" and rows[1]["name"] == "Dario Keln" and rows[1]["speaker"] is None
