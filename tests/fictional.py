"""A generator of fictional news articles for tests (no real text): outlets, people,
places and figures are invented; the same event is told with different numbers."""

from __future__ import annotations

import random
from pathlib import Path

OUTLETS = ["Valdoria Herald", "Northgate Times", "Kestrel Daily", "Meridian Wire", "Port Aven Post"]
PEOPLE = ["Mira Castellan", "Oren Vasquel", "Tomas Reyl", "Ilse Marrow", "Dario Fenwick"]
PLACES = ["Port Aven", "Lower Braska", "Heldmoor", "the Sarn valley", "Coldwater"]
VERBS = ["killed", "injured", "displaced", "evacuated", "rescued"]
THINGS = ["people", "civilians", "residents", "workers", "children"]


def article(i: int, rng: random.Random) -> str:
    outlet = rng.choice(OUTLETS)
    person, place = rng.choice(PEOPLE), rng.choice(PLACES)
    lines = [
        f"Storm surge hits {place}, report {i}",
        "",
        f"By {rng.choice(PEOPLE)}",
        "",
        f"{place.upper()}, {rng.randint(1, 28)} May 2025 ({outlet}) —",
    ]
    for _ in range(rng.randint(4, 9)):
        n = rng.randint(2, 900)
        hedge = rng.choice(["", "more than ", "nearly ", "about ", "at least "])
        lines.append(
            f"{hedge.capitalize() or ''}{n} {rng.choice(THINGS)} were {rng.choice(VERBS)} in {place} "
            f"on Saturday, officials said."
        )
        lines.append(f"“We will rebuild {place} within {rng.randint(2, 12)} months,” {person} said.")
    lines += ["", "Must Read", f"Floods return to {rng.choice(PLACES)}", f"Why {rng.choice(PLACES)} matters"]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"article_{i:04d}.txt").write_text(article(i, rng), "utf-8")
    return folder
