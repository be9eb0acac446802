"""Shared fixtures: the gold data location and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# property tests check behaviour, not speed: no per-example deadline (CI machines are shared and busy)
settings.register_profile("rashomon", deadline=None)
settings.load_profile("rashomon")

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
DATA = SHARED / "data"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    """Skip (with the reason) when a piece of ../shared is not there."""
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is needed beside the repository)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from rashomon.nlp import load

    return load("en_core_web_sm")


@pytest.fixture()
def store():
    from rashomon.store import Store

    return Store(":memory:")
