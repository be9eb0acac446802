"""The pass list says what each corpus pass reads and writes of the shared state, and it says it truly:
a real run on the demo corpus, with the state recording who touches what, must match the declarations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields

import pytest

from rashomon import pipeline
from rashomon.crosscheck.build import Build, CorpusState, local_map
from rashomon.crosscheck.passes import PASSES
from rashomon.options import Options
from rashomon.store import Store
from tests.conftest import EXAMPLES

STATE_FIELDS = {f.name for f in fields(CorpusState)}


class Recording:
    """A CorpusState that notes, per pass, which fields are read and which are assigned."""

    def __init__(self) -> None:
        object.__setattr__(self, "_state", CorpusState())
        object.__setattr__(self, "current", "")
        object.__setattr__(self, "gets", defaultdict(set))
        object.__setattr__(self, "sets", defaultdict(set))

    def __getattr__(self, name: str):
        self.gets[self.current].add(name)
        return getattr(self._state, name)

    def __setattr__(self, name: str, value) -> None:
        self.sets[self.current].add(name)
        setattr(self._state, name, value)


def _declared(p, which: str) -> set[str]:
    return {x.removeprefix("state.") for x in getattr(p, which) if x.startswith("state.")}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> Recording:
    store = Store(tmp_path_factory.mktemp("passes") / "s.duckdb")
    pipeline.ingest(store, [EXAMPLES / "demo"], Options())
    pipeline.analyze(store, Options())
    state = Recording()
    store.begin_corpus()
    try:
        with Build(store, Options(), local_map, lambda *a: None) as build:
            build.state = state  # type: ignore[assignment]
            for p in PASSES:
                object.__setattr__(state, "current", p.name)
                p.step(build)
    finally:
        store.abort_corpus()
    return state


def test_every_pass_has_a_unique_name_and_a_version():
    assert len({p.name for p in PASSES}) == len(PASSES)
    assert all(p.version >= 1 and p.stage == f"{p.name}@{p.version}" for p in PASSES)


def test_each_state_field_is_written_by_one_declared_pass_before_any_pass_reads_it():
    writer: dict[str, str] = {}
    for p in PASSES:
        for f in _declared(p, "reads"):
            assert f in writer, f"{p.name} reads state.{f} before any pass writes it"
        for f in _declared(p, "writes"):
            assert f in STATE_FIELDS, f"{p.name} writes state.{f}, which CorpusState does not have"
            assert f not in writer, f"state.{f} is written by {writer[f]} and {p.name}"
            writer[f] = p.name


@pytest.mark.parametrize("p", PASSES, ids=lambda p: p.name)
def test_a_pass_touches_only_the_state_it_declares(recorded, p):
    reads, writes = _declared(p, "reads"), _declared(p, "writes")
    assert recorded.sets[p.name] <= writes, f"{p.name} assigns undeclared state"
    assert recorded.gets[p.name] <= reads | writes, f"{p.name} reads undeclared state"
