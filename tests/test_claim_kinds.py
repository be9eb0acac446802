"""Every claim kind survives the store, the JSON export and the Ray shards unchanged (hypothesis round trips)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing

import pytest
from hypothesis import given, settings, strategies as st

from rashomon.distributed.shards import extraction_from_json, extraction_rows
from rashomon.records import CLAIM_TYPES, Claim, Document, Extraction, make_claim
from rashomon.store import Store
from rashomon.store.export import build

TEXT = "Fictional text long enough to hold every claim's evidence span. " * 4
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


def _strategy(annotation: object) -> st.SearchStrategy:
    """Values for one optional field of a claim type (None or a value of its type)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    options: list[st.SearchStrategy] = [st.none()]
    for a in args:
        if a is float:
            options.append(floats)
        elif a is int:
            options.append(st.integers(0, len(TEXT)))
        elif a is bool:
            options.append(st.booleans())
        elif a is str:
            options.append(texts)
        elif typing.get_origin(a) is tuple:
            options.append(st.lists(floats, min_size=1, max_size=4).map(tuple))
        else:
            raise AssertionError(f"no strategy for {a!r}")
    return st.one_of(options)


@st.composite
def claims(draw: st.DrawFn, kind: str) -> Claim:
    cls = CLAIM_TYPES[kind]
    hints = typing.get_type_hints(cls)
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start, len(TEXT)))
    fields = {
        f.name: draw(_strategy(hints[f.name]))
        for f in dataclasses.fields(cls)
        if f.name not in ("id", "doc", "start", "end", "text", "stage")
    }
    return cls(
        id=f"c_{kind}_{start}_{end}", doc="d_1", start=start, end=end, text=TEXT[start:end], stage=f"{kind}@1", **fields
    )


def _from_export(d: dict) -> Claim:
    """A claim read back from the ``claims`` section of a JSON export (lists of values are tuples)."""
    d = dict(d)
    if isinstance(d.get("value"), list):
        d["value"] = tuple(d["value"])
    return make_claim(**d)


@pytest.mark.parametrize("kind", sorted(CLAIM_TYPES))
def test_every_claim_field_is_typed_for_its_kind(kind):
    # the kinds share only the evidence base; a kind's own fields are optional and typed
    cls = CLAIM_TYPES[kind]
    assert kind == cls.KIND and issubclass(cls, Claim)
    base = [f.name for f in dataclasses.fields(Claim)]
    assert base == ["id", "doc", "start", "end", "text", "stage"]
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls)[len(base) :]:
        assert isinstance(hints[f.name], types.UnionType) and type(None) in typing.get_args(hints[f.name])


@pytest.mark.parametrize("kind", sorted(CLAIM_TYPES))
@settings(max_examples=40)
@given(data=st.data())
def test_claims_round_trip_through_the_store_the_export_and_the_shards(kind, data):
    cs = data.draw(st.lists(claims(kind), max_size=3, unique_by=lambda c: c.id))
    store = Store(":memory:")
    store.add_batch([Document(id="d_1", source="d.txt", text=TEXT, raw_text=TEXT, content_hash="h1")])
    x = Extraction(doc="d_1", claims=tuple(cs), stages=(f"{kind}@1",))
    store.save_extractions([x])
    stored = store.claims()
    assert sorted(stored, key=lambda c: c.id) == sorted(cs, key=lambda c: c.id)
    exported = json.loads(json.dumps(build(store)["claims"]))
    assert sorted((_from_export(d) for d in exported), key=lambda c: c.id) == sorted(cs, key=lambda c: c.id)
    assert all(d["kind"] == kind for d in exported)
    shipped = extraction_from_json(extraction_rows([0], [x]).column("extraction")[0].as_py())
    assert shipped == x


def test_a_field_of_another_kind_is_refused():
    with pytest.raises(ValueError, match="a time claim has no field speaker"):
        make_claim("time", id="c", doc="d", start=0, end=1, text="x", stage="time@1", speaker="e_1")
    with pytest.raises(ValueError, match="unknown claim kind"):
        make_claim("rumour", id="c", doc="d", start=0, end=1, text="x", stage="x@1")
