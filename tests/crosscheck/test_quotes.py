"""Cross-outlet quote linking on hand-built fictional documents and quote claims."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rashomon.crosscheck.quotes import link
from rashomon.records import Document, Entity, Mention, claim_id, make_claim, stable_id

BASE = "We will firmly defend the harbour of Port Aven until the storm has passed"


def _case(items):
    """items: (doc id, outlet, content, speaker text, direct, duplicate_of)."""
    docs, claims = [], []
    for doc_id, outlet, content, speaker, direct, dup in items:
        quoted = f"“{content},”" if direct else f"that {content}"
        text = f"{speaker} said {quoted} on Monday." if not direct else f"{quoted} {speaker} said on Monday."
        docs.append(
            Document(id=doc_id, source=f"{doc_id}.txt", text=text, raw_text=text, outlet=outlet, duplicate_of=dup)
        )
        c0 = text.index(quoted)
        s0 = text.index(speaker)
        claims.append(
            make_claim(
                id=claim_id(doc_id, "quote", 0, len(text) - 1),
                doc=doc_id,
                kind="quote",
                start=0,
                end=len(text) - 1,
                text=text[:-1],
                stage="quotes@1",
                speaker_text=speaker,
                speaker_start=s0,
                speaker_end=s0 + len(speaker),
                cue="say",
                direct=direct,
                content_start=c0,
                content_end=c0 + len(quoted),
            )
        )
    return claims, docs


def test_identical_quotes_agree_and_near_copies_count_once() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE, "Mira Castellan", True, None),
            ("c", "Kestrel Daily", BASE, "Mira Castellan", True, "b"),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.kind == "quote" and f.status == "agree" and f.flags == ()
    assert f.id == stable_id("f", *sorted(c.id for c in claims))
    assert f.outlets == ("Kestrel Daily", "Northgate Times", "Valdoria Herald")
    (variant,) = f.independent_sources
    assert variant.independent_sources == 2  # c is a near-copy of b
    assert "identically" in f.summary and "Mira Castellan" in f.summary


def test_a_stock_line_of_two_incidents_is_two_statements() -> None:
    """Police say "there is no danger to the public" of many shootings: one statement per incident."""
    stock = "There is no danger to the public at this time from the shooting"
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", stock, "Police", True, None),
            ("b", "Northgate Times", stock, "Police", True, None),
            ("c", "Kestrel Daily", stock, "Police", True, None),
        ]
    )
    (f,) = link(claims, docs, [], {"a": "i_one", "b": "i_one", "c": "i_two"})
    assert sorted(f.outlets) == ["Northgate Times", "Valdoria Herald"]
    assert link(claims, docs, [], {"a": "i_one", "b": "i_two", "c": "i_three"}) == []
    (f,) = link(claims, docs, [], {"a": "i_one"})  # reports of no coded incident may be of any
    assert len(f.outlets) == 3


def test_changed_word_is_flagged_and_names_the_words() -> None:
    changed = BASE.replace("firmly", "strongly")
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE, "Mira Castellan", True, None),
            ("c", "Kestrel Daily", changed, "Mira Castellan", True, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "agree" and "words_changed" in f.flags  # a translation or transcription, most likely
    assert '"strongly"' in f.summary and '"firmly"' in f.summary and "Kestrel Daily" in f.summary
    assert len(f.independent_sources) == 2


@pytest.mark.parametrize("changed", [BASE.replace("will", "will not"), BASE.replace("will", "will never")])
def test_a_changed_negation_is_a_conflict(changed) -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", changed, "Mira Castellan", True, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "conflict" and "words_changed" in f.flags


def test_another_sentence_quoted_alongside_is_not_a_changed_negation() -> None:
    """Two statements quoted together by one outlet differ from one statement by a whole sentence;
    a negation inside that sentence is not an edit of what was said."""
    from rashomon.crosscheck.quotes import _changes, _meaning_changed, _words

    one = _words("And I wanted to say that I will not bring dishonour to the court")
    two = _words("I wanted to say that I know the things I did caused pain and I am sorry to the court")
    assert not _meaning_changed(_changes(one, two))
    assert _meaning_changed(_changes(one, _words("And I wanted to say that I will bring dishonour to the court")))


def test_truncated_quote_agrees_with_a_flag() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE.split(" until")[0], "Mira Castellan", True, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "agree" and f.flags == ("truncated",)


def test_a_different_speaker_is_flagged_not_a_conflict() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE, "Oren Vasquel", True, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "agree" and "speaker_differs" in f.flags
    assert "Oren Vasquel" in f.summary and "Mira Castellan" in f.summary


def test_spelling_variants_are_not_changed_words() -> None:
    claims, docs = _case(
        [
            (
                "a",
                "Valdoria Herald",
                "We realised the harbour jewellery was gone before the storm",
                "Mira Castellan",
                True,
                None,
            ),
            (
                "b",
                "Northgate Times",
                "We realized the harbour jewelry was gone before the storm",
                "Mira Castellan",
                True,
                None,
            ),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "agree" and "words_changed" not in f.flags


def test_direct_vs_paraphrase() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE.replace("We", "they"), "Mira Castellan", False, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert "direct_vs_paraphrase" in f.flags and "words_changed" not in f.flags


def test_speaker_entities_are_named() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE, "Mira Castellan", True, None),
        ]
    )
    ent = Entity(
        "e_mira",
        "Mira Castellan",
        "PERSON",
        ("Mira Castellan",),
        (Mention("a", claims[0].speaker_start, claims[0].speaker_end, "Mira Castellan", "PERSON"),),
    )
    claims = [replace(c, speaker="e_mira") for c in claims]
    (f,) = link(claims, docs, [ent])
    assert f.entities == ("e_mira",) and f.key == "Mira Castellan"


@pytest.mark.parametrize(
    "items",
    [
        # one outlet only: no finding
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Valdoria Herald", BASE, "Mira Castellan", True, None),
        ],
        # different statements: not linked
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            (
                "b",
                "Northgate Times",
                "The convoy of trucks crossed the northern bridge before dawn",
                "Mira Castellan",
                True,
                None,
            ),
        ],
        # a short phrase whose words all occur in a long quote is not the same statement
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", "the storm harbour defend", "Mira Castellan", True, None),
        ],
    ],
)
def test_no_finding(items) -> None:
    claims, docs = _case(items)
    assert link(claims, docs, []) == []


def test_copies_of_one_wire_story_are_not_a_cross_check() -> None:
    claims, docs = _case(
        [
            ("a", "Meridian Wire", BASE, "Mira Castellan", True, None),
            ("b", "Brenmoor Post", BASE, "Mira Castellan", True, "a"),
            ("c", "Coastline Gazette", BASE, "Mira Castellan", True, "a"),
        ]
    )
    assert link(claims, docs, []) == []


def test_short_fragment_is_not_linked_to_a_longer_statement() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", "who fired the missile", "Mira Castellan", False, None),
            ("b", "Lerin Voice", "the Valdorian claim that they fired the missile", "Dario Keln", False, None),
        ]
    )
    assert link(claims, docs, []) == []


def test_reworded_paraphrase_says_how_and_copies_are_not_identical_sources() -> None:
    longer = "the army now controls almost 15% of the region, up from a narrow strip in January"
    claims, docs = _case(
        [
            ("a", "Meridian Wire", longer, "Defence Ministry", False, None),
            ("b", "Brenmoor Post", longer, "Defence Ministry", False, "a"),
            ("c", "Northgate Times", "the army now controls 15% of the region", "Defence Ministry", False, None),
        ]
    )
    (f,) = link(claims, docs, [])
    assert f.status == "agree"
    assert "identically" not in f.summary and "copies of one story" in f.summary
    assert 'Northgate Times leaves out "almost"' in f.summary


def test_unattributed_quote_does_not_make_the_speaker_differ() -> None:
    claims, docs = _case(
        [
            ("a", "Valdoria Herald", BASE, "Mira Castellan", True, None),
            ("b", "Northgate Times", BASE, "Mira Castellan", True, None),
        ]
    )
    from dataclasses import replace

    claims[1] = replace(claims[1], speaker_text=None)
    (f,) = link(claims, docs, [])
    assert "speaker_differs" not in f.flags and f.status == "agree"


def _pairwise_groups(claims, docs) -> set[frozenset[str]]:
    """The groups of quote ids linked, computed pair by pair (each copy compared with every other)."""
    from rashomon.crosscheck import quotes as quotes_mod
    from rashomon.unionfind import UnionFind

    texts = {c.id: quotes_mod._content(c, {d.id: d for d in docs}) for c in claims}
    words = [quotes_mod._words(texts[c.id]) for c in claims]
    grams = [
        {tuple(w[k : k + quotes_mod.SHINGLE]) for k in range(max(1, len(w) - quotes_mod.SHINGLE + 1))} for w in words
    ]
    held = {g: sum(g in gs for gs in grams) for gs in grams for g in gs}
    union = UnionFind(len(claims))
    for a in range(len(claims)):
        for b in range(a + 1, len(claims)):
            if (
                any(held[g] <= quotes_mod.MAX_POSTINGS for g in grams[a] & grams[b])
                and len(words[a]) >= 4
                and len(words[b]) >= 4
                and quotes_mod._numbers(words[a]) == quotes_mod._numbers(words[b])
            ):
                x, y = " ".join(words[a]), " ".join(words[b])
                if (
                    quotes_mod.fuzz.token_set_ratio(x, y) >= quotes_mod.MIN_RATIO
                    and max(quotes_mod.fuzz.partial_ratio(x, y), quotes_mod.fuzz.ratio(x, y)) >= quotes_mod.MIN_RATIO
                ):
                    union.union(a, b)
    groups: dict[int, set[str]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(union.find(i), set()).add(c.id)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


@pytest.mark.parametrize("copies,cap", [(3, 200), (3, 3), (4, 3), (6, 5)])
def test_copies_of_one_wording_are_judged_once_and_grouped_as_pair_by_pair(monkeypatch, copies, cap) -> None:
    """Wire copies are compared once per distinct wording; the groups are those of comparing every pair,
    the shingle cap counting every copy (a wording in more quotes than the cap is proposed by no shingle)."""
    from rashomon.crosscheck import quotes as quotes_mod

    monkeypatch.setattr(quotes_mod, "MAX_POSTINGS", cap)
    outlets = ["Valdoria Herald", "Northgate Times", "Kestrel Daily", "Coastwire", "Port Aven Post", "Brenmoor Post"]
    changed = BASE.replace("firmly", "strongly")
    items = [(f"w{i}", outlets[i], BASE, "Mira Castellan", True, None) for i in range(copies)]
    items += [
        ("v", "Lowland Courier", changed, "Mira Castellan", True, None),
        ("n", "Heldmoor Gazette", BASE + " with 40 boats", "Mira Castellan", True, None),
    ]
    claims, docs = _case(items)
    expected = _pairwise_groups(claims, docs)
    assert {frozenset(f.claims) for f in link(claims, docs, [])} == expected
    copies_linked = any({c.id for c in claims[:copies]} <= g for g in expected)
    assert copies_linked == (cap == 200)  # under the small caps every shingle of the wording is held too often


def test_blocking_components_join_in_edge_order_within_the_cap(monkeypatch) -> None:
    """A chain of quotes each sharing a shingle with the next is cut into components of at most ``cap``
    quotes, joined in edge order; a shingle held by more than MAX_POSTINGS quotes joins nothing."""
    from rashomon.crosscheck import quotes as quotes_mod

    grams = [{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {9}, {9}]
    edges, common = quotes_mod.blocking(grams)
    assert quotes_mod.components(edges) == [[0, 1, 2, 3, 4], [5, 6]] and not common
    assert quotes_mod.components(edges, cap=2) == [[0, 1], [2, 3], [5, 6]]
    monkeypatch.setattr(quotes_mod, "MAX_POSTINGS", 2)
    edges, common = quotes_mod.blocking(grams + [{9}])
    assert quotes_mod.components(edges, cap=2) == [[0, 1], [2, 3]] and common == {9}


def test_capped_components_link_as_the_whole_corpus_does(monkeypatch) -> None:
    """link() on all quotes equals link_component() on each capped component (the corpus stage's way)."""
    from rashomon.crosscheck import quotes as quotes_mod

    monkeypatch.setattr(quotes_mod, "MAX_COMPONENT", 3)
    outlets = ["Valdoria Herald", "Northgate Times", "Kestrel Daily", "Coastwire", "Port Aven Post", "Brenmoor Post"]
    items = [
        (f"q{i}", outlets[i], BASE if i % 2 else BASE.replace("firmly", "strongly"), "Mira Castellan", True, None)
        for i in range(6)
    ]
    claims, docs = _case(items)
    whole = link(claims, docs, [])
    ordered = sorted(claims, key=lambda c: c.id)
    texts = [quotes_mod._words(quotes_mod._content(c, {d.id: d for d in docs})) for c in ordered]
    edges, common = quotes_mod.blocking([quotes_mod.shingles(w) for w in texts])
    comps = quotes_mod.components(edges)
    assert len(comps) == 2 and all(len(c) == 3 for c in comps)  # the cap splits the six quotes
    parts = sorted(
        (f for comp in comps for f in quotes_mod.link_component([ordered[i] for i in comp], docs, [], common)),
        key=lambda f: f.id,
    )
    assert whole == parts and len(whole) == 2
