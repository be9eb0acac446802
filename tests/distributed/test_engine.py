"""The Ray engine stores the same entities, claims and findings as the local engine.

One local Ray (2 CPUs, temp files inside the test's folder) serves the whole module:
Ray start-up is the slow part.
"""

from __future__ import annotations

import json

import pytest

from rashomon import pipeline
from rashomon.extract import todo
from rashomon.options import Options
from rashomon.store import Store
from rashomon.store.export import build
from tests.conftest import EXAMPLES, SEEDS, need
from tests.fictional import write_corpus

ray = pytest.importorskip("ray")

from rashomon import distributed  # noqa: E402  (needs ray)

RUN_SPECIFIC = {"source"}  # where the file was read from; everything else must match


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory):
    temp = tmp_path_factory.mktemp("ray")
    ray.init(num_cpus=2, _temp_dir=str(temp), include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def _facts(store: Store) -> dict:
    data = build(store)
    data["documents"] = [{k: v for k, v in d.items() if k not in RUN_SPECIFIC} for d in data["documents"]]
    return {k: data[k] for k in ("documents", "entities", "claims", "findings", "stories", "timeline", "framing")}


def test_ray_engine_matches_local_engine(local_ray, nlp, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 10)
    local, on_ray = Store(tmp_path / "local.duckdb"), Store(tmp_path / "ray.duckdb")
    for store in (local, on_ray):
        pipeline.ingest(store, [corpus], Options())
    pipeline.analyze(local, Options(batch_size=4))
    seen: list[tuple[str, int]] = []
    report = distributed.analyze(on_ray, Options(batch_size=4), lambda stage, n, total: seen.append((stage, n)))
    assert report.extracted == 10
    assert sum(n for stage, n in seen if stage == "extract") == 10
    assert local.count("claims") > 0 and local.count("mentions") > 0
    assert _facts(on_ray) == _facts(local)
    assert on_ray.pending_count(todo) == 0
    assert not list((tmp_path / "ray.duckdb.ray-runs").glob("*/extractions")), "shards are removed after a run"
    # nothing pending: a second run only rebuilds the corpus level, with the same result
    assert distributed.analyze(on_ray, Options()).extracted == 0
    assert _facts(on_ray) == _facts(local)


def test_ray_ingest_and_analyze_match_the_local_engine_on_the_seeds_and_demo(local_ray, nlp, tmp_path):
    """Ingest on Ray (files read, cleaned and signed by Ray tasks) and analyze on Ray store what the
    local engine stores, bad inputs included (each reported with its file and reason, in the same order)."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.jsonl").write_text(
        json.dumps({"text": "A short fictional note about the Velmora ferry."}) + "\n{not json\n"
    )
    (bad / "empty.txt").write_text("")
    inputs = [need(SEEDS), EXAMPLES / "demo", bad, tmp_path / "missing.txt"]
    local, on_ray = Store(tmp_path / "local.duckdb"), Store(tmp_path / "ray.duckdb")
    local_report = pipeline.ingest(local, inputs, Options())
    ray_report = distributed.ingest(on_ray, inputs, Options())
    assert ray_report == local_report
    assert local_report.added >= 10 and len(local_report.errors) == 3 and local_report.near_duplicates >= 1
    pipeline.analyze(local, Options(batch_size=8))
    distributed.analyze(on_ray, Options(batch_size=8))
    assert local.count("findings") > 0
    assert build(on_ray) == build(local)  # same paths read: even the sources are equal
    # re-ingesting on Ray adds nothing
    assert distributed.ingest(on_ray, inputs, Options()).added == 0
