"""The Ray engine stores the same entities, claims and findings as the local engine.

One local Ray (2 CPUs, temp files inside the test's folder) serves the whole module:
Ray start-up is the slow part.
"""
from __future__ import annotations

import pytest
from tests.fictional import write_corpus

from rashomon import pipeline
from rashomon.options import Options
from rashomon.store import Store
from rashomon.store.export import build

ray = pytest.importorskip("ray")

from rashomon import distributed  # noqa: E402  (needs ray)

RUN_SPECIFIC = {"source"}  # where the file was read from; everything else must match


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory):
    temp = tmp_path_factory.mktemp("ray")
    ray.init(num_cpus=2, _temp_dir=str(temp), include_dashboard=False, log_to_driver=False,
             configure_logging=False)
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
    assert on_ray.pending_count("extract@1") == 0
    assert not list((tmp_path / "ray.duckdb.ray-runs").glob("*/extractions")), "shards are removed after a run"
    # nothing pending: a second run only rebuilds the corpus level, with the same result
    assert distributed.analyze(on_ray, Options()).extracted == 0
    assert _facts(on_ray) == _facts(local)
