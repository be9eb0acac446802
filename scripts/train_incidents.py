"""Learn the incident linking model (``rashomon.crosscheck.incident_links``) from the GVA dev split.

Every document of an analysed store of ``documents.jsonl`` gets its incident facts; the candidate
pairs the linker proposes are labelled by whether the Gun Violence Archive's coders tied the two
articles to one incident; a logistic model (L2, Newton's method) is fitted over ``FEATURES``, on those pairs and on the
same pairs with the documents' days taken away.
The threshold is chosen by two-fold cross-fitting over incidents (fit on the pairs of one half,
group the whole pile, B-cubed F1 over the other half's documents: a pile as dense as the real one); the file records those cross-fitted scores, then
the model fitted on all pairs. Deterministic: same store, same file.

    .venv/bin/python scripts/train_incidents.py --data ../shared/data/gva/dev --db /tmp/gva-dev.duckdb

``--db`` is analysed first when it does not exist (ingest of ``documents.jsonl``: tens of minutes);
a store built from the same file, or a pile of its lines in the same order, can be reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

import rashomon
from rashomon.crosscheck import incident_links, incidents
from rashomon.crosscheck.incident_links import FEATURES, Corpus, Model
from rashomon.evaluate.incidents import _bcubed
from rashomon.unionfind import UnionFind

OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "models" / "incidents" / "links.json"
L2 = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
TIE = 0.001  # cross-fitted B-cubed F1 this close to the best is a tie (a few documents): the lowest threshold
# of the tie wins, as it ties more of an incident's reports together


def labelled(data: Path, db: Path) -> tuple[list[incidents.Facts], list[str], dict[str, list[str]]]:
    """(facts of every stored document, its GVA incident, stored doc -> the GVA articles it stands for)."""
    lines = [json.loads(x) for x in (data / "documents.jsonl").open()]
    gold = json.loads((data / "incidents.json").read_text())
    incident_of = {a: i for i, g in gold.items() for a in g["documents"]}
    if not db.exists():
        r = rashomon.open(db)
        r.ingest([data / "documents.jsonl"])
        r.analyze()
    r = rashomon.open(db, read_only=True)
    articles: dict[str, list[str]] = {}
    for doc, source in r.sql("SELECT doc, source FROM doc_sources ORDER BY source")[1]:
        if m := re.search(r":(\d+)$", source):
            articles.setdefault(doc, []).append(lines[int(m.group(1)) - 1]["id"])
    docs = [d for d in r.documents() if d.id in articles]
    url_of = {x["id"]: x["url"] for x in lines}
    if not all(any(url_of[a] == d.url for a in articles[d.id]) for d in docs[:50]):
        raise SystemExit(f"{db} was not built from {data / 'documents.jsonl'} (lines in the same order)")
    facts = incidents.facts(r.claims(), docs, r.entities(), [d.id for d in docs])
    label = [Counter(incident_of[a] for a in articles[f.doc]).most_common(1)[0][0] for f in facts]
    return facts, label, articles


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + L2 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def pairs(facts: list[incidents.Facts], label: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every candidate pair's features and label; and the pairs again with the documents' days taken
    away (a pile without publication dates), so that the model learns to link without them."""
    rows = []
    for pile in (facts, [replace(f, dated=None) for f in facts]):
        rows += Corpus(pile, Model((), 0.0)).scored()  # the training corpus is its own background
    return np.array([x for _, _, x in rows]), np.array([label[i] == label[j] for i, j, _ in rows], float)


def grouped_f1(
    facts: list[incidents.Facts], label: list[str], articles: dict[str, list[str]], m: Model, test: list[int]
) -> float:
    """B-cubed F1 over the ``test`` documents, grouped in the whole pile: the other documents are there
    as in a real pile of that size (they can be wrongly joined to a test document), unscored."""
    uf: UnionFind = incident_links.link(facts, incident_links.scores(facts, m), m.threshold)
    gold_of, pred_of = {}, {}
    for i in test:
        for a in articles[facts[i].doc]:
            gold_of[a], pred_of[a] = label[i], str(uf.find(i))
    return _bcubed(gold_of, pred_of)["f1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/gva/dev"))
    ap.add_argument("--db", type=Path, required=True)
    args = ap.parse_args()
    facts, label, articles = labelled(args.data, args.db)
    half = [int(hashlib.sha1(f"fold:{g}".encode()).hexdigest(), 16) % 2 for g in label]
    scores: dict[float, list[float]] = {t: [] for t in THRESHOLDS}
    for k in (0, 1):
        train = [i for i in range(len(facts)) if half[i] != k]
        test = [i for i in range(len(facts)) if half[i] == k]
        w = fit(*pairs([facts[i] for i in train], [label[i] for i in train]))
        for t in THRESHOLDS:
            m = Model(tuple(float(v) for v in w), t)
            scores[t].append(grouped_f1(facts, label, articles, m, test))
    best = max(sum(scores[t]) / 2 for t in THRESHOLDS)
    threshold = min(t for t in THRESHOLDS if sum(scores[t]) / 2 >= best - TIE)
    x, y = pairs(facts, label)
    df = Counter(t for f in facts for t in f.tokens)
    common = sorted(t for t, c in df.items() if c >= 3)
    w = fit(x, y)
    out = {
        "features": list(FEATURES),
        "weights": [round(float(v), 6) for v in w],
        "threshold": threshold,
        "background": {"documents": len(facts), "tokens": common, "df": [df[t] for t in common]},
        "trained_on": f"{args.data.name}: {len(facts)} documents, {len(y)} candidate pairs, {int(y.sum())} joined",
        "cross_fitted_bcubed_f1": {str(t): [round(s, 4) for s in v] for t, v in scores.items()},
    }
    OUT.write_text(json.dumps(out) + "\n")
    print(json.dumps({k: v for k, v in out.items() if k != "background"}, indent=1))


if __name__ == "__main__":
    main()
