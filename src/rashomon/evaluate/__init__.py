"""Scorers against the gold data in ../shared/data. Each module exposes
``evaluate(data: Path, options: Options, limit: int | None = None) -> dict`` whose
values are metrics (floats/ints) or nested dicts of them (one per system compared)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..options import Options

EVALS = {
    "boilerplate": "rashomon.evaluate.boilerplate",
    "quantities": "rashomon.evaluate.quantities",
    "quotes": "rashomon.evaluate.quotes",
    "time": "rashomon.evaluate.time",
    "entities": "rashomon.evaluate.entities",
    "stories": "rashomon.evaluate.stories",
    "claimdiff": "rashomon.evaluate.claimdiff",
    "statements": "rashomon.evaluate.statements",
    "incidents": "rashomon.evaluate.incidents",
    "crosscheck": "rashomon.evaluate.crosscheck",
}


def run(name: str, data: str | Path, options: Options | None = None, limit: int | None = None) -> dict[str, Any]:
    if name not in EVALS:
        raise UsageError(f"unknown evaluation {name!r}", hint=f"choose one of {', '.join(EVALS)}")
    data = Path(data)
    if not data.exists():
        raise UsageError(f"no data at {data}", hint="point --data at the matching folder in ../shared/data")
    module = importlib.import_module(EVALS[name])
    return module.evaluate(data, options or Options(), limit=limit)


def flatten(result: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for k, v in result.items():
        if isinstance(v, dict):
            rows += flatten(v, f"{prefix}{k}.")
        else:
            rows.append((prefix + k, v))
    return rows
