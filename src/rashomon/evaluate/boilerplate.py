"""Boilerplate removal on ``article-extraction``: our HTML reader + cleaning vs plain trafilatura.

For each gzipped page in ``html/`` the article body is extracted twice: by Rashomon's
ingest path (``readers.html`` -> ``prepare``, i.e. trafilatura without comments, then our
cleaning rules) and by ``trafilatura.extract(html)`` with its defaults. Both are scored
against ``ground-truth.json`` ``articleBody``: precision, recall and F1 over word 3-gram
shingles of the lower-cased words, counted as a *multiset* (a shingle repeated in the gold
text must be found as often). Scores are averaged over documents (macro); a page a
system returns nothing for scores 0. Pages are taken in sorted file-name order.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import trafilatura

from ..errors import InputError, UsageError
from ..ingest import prepare
from ..ingest.readers import blob_from_bytes, html as html_reader
from ..options import Options

K = 3
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = K) -> Counter[tuple[str, ...]]:
    toks = _WORD.findall(text.lower())
    if 0 < len(toks) < k:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + k]) for i in range(len(toks) - k + 1))


def score(predicted: str, gold: str) -> dict[str, float]:
    p, g = shingles(predicted), shingles(gold)
    hit = sum((p & g).values())
    precision = hit / sum(p.values()) if p else 0.0
    recall = hit / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ours(data: bytes, name: str, options: Options) -> str:
    try:
        raw = html_reader.read(blob_from_bytes(name, name, data), options)
        return prepare(raw, options).text
    except InputError:
        return ""


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in ("precision", "recall", "f1")} if rows else {}


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    truth_path, pages = data / "ground-truth.json", data / "html"
    if not truth_path.exists() or not pages.is_dir():
        raise UsageError(f"{data} has no ground-truth.json and html/", hint="--data ../shared/data/article-extraction")
    truth = json.loads(truth_path.read_text("utf-8"))
    files = sorted(p for p in pages.glob("*.html.gz") if p.name[: -len(".html.gz")] in truth)
    files = files[:limit] if limit else files
    rows: dict[str, list[dict[str, float]]] = {"rashomon": [], "trafilatura": []}
    for path in files:
        gold = truth[path.name[: -len(".html.gz")]].get("articleBody") or ""
        page = gzip.decompress(path.read_bytes())
        rows["rashomon"].append(score(ours(page, path.name[:-3], options), gold))
        rows["trafilatura"].append(score(trafilatura.extract(page) or "", gold))
    return {"rashomon": _mean(rows["rashomon"]), "trafilatura": _mean(rows["trafilatura"]), "documents": len(files)}
