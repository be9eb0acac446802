"""Independent sources: agency credits, near-copies (fictional texts)."""

from __future__ import annotations

import pytest

from rashomon.crosscheck import link, verdict
from rashomon.crosscheck.sources import source_of, wire_credit
from tests.crosscheck._claims import doc, qty


@pytest.mark.parametrize(
    "text,agency",
    [
        ("PORT AVEN, Valdoria (AP) — Four people were hurt on Monday.", "AP"),
        ("By Ilse Marren, Associated Press\n\nFour people were hurt on Monday.", "AP"),
        ("Four people were hurt on Monday.\n\nThe Associated Press contributed to this report.", "AP"),
        ("Four people were hurt on Monday.\n\nCopyright 2025 Reuters. All rights reserved.", "Reuters"),
        ("PORT AVEN (AFP) - Four people were hurt on Monday.", "AFP"),
        ("Four people were hurt on Monday, a witness told the Associated Press.", None),
        ("Four people were hurt on Monday, Reuters reported.", None),
    ],
)
def test_wire_credits_but_not_citations(text, agency):
    assert wire_credit(text) == agency


def test_an_agency_site_is_the_agency():
    assert wire_credit("Four people were hurt.", "reuters.com") == "Reuters"


def test_two_outlets_running_one_agency_story_are_one_source():
    a = doc("a", "PORT AVEN (AP) — Four people were injured in the blast.", "Harbour Gazette")
    b = doc("b", "PORT AVEN (AP) — Police said four people were injured in the blast.", "Northgate Times")
    c = doc("c", "Four people were injured in the blast, the mayor said.", "Kestrel Daily")
    docs = {d.id: d for d in (a, b, c)}
    assert source_of("a", docs, lambda d: d) == source_of("b", docs, lambda d: d) == "wire:AP"
    assert source_of("c", docs, lambda d: d) == "doc:c"
    claims = [qty(d, next(w for w in ("Four people", "four people") if w in d.text), 4) for d in (a, b, c)]
    (f,) = verdict.quantity_findings(link.facets(claims, [a, b, c], []))
    assert f.status == "agree" and f.independent_sources[0].independent_sources == 2
