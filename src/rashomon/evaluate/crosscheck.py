"""Cross-source judgement against the hand-made ECB+ facts (``../shared/data/ecbplus-facts``).

The gold's own ``corpus.jsonl`` (136 articles of six ECB+ topics, each topic mixing two real-world
events of one kind) is ingested unchanged into a scratch store, analysed and exported, and the
export is scored by the gold's own ``score.py`` (so the numbers are the ones its README defines):

* ``right``: gold facts (not traps) whose mentions in two documents are linked by one finding with
  an acceptable status (for a conflict, update or scope difference: joining two different values);
  ``linked``: linked at all, whatever the status; ``wrong_status``, ``partial``, ``missed``;
* ``traps_kept_apart``: trap facts (the same-looking figure of the topic's *other* event) that no
  finding joins across the two events as agree, conflict or update;
* ``findings``: how many findings of each status the whole corpus produced (a judge that links
  everything would show here).

``limit``: score only the first N topics (in the gold's order); all six by default.

Pointed at the Gun Violence Archive split (``../shared/data/gva/dev``), it scores the same judgement
on real incidents coded by hand: for each measure (killed, injured), over the incidents reported by
two or more articles with a non-zero count, ``tied`` is the share whose figures some finding links
across two of their articles, ``statuses`` what those findings said, and ``agree_right`` the share of
the ``agree`` findings whose agreed figure is the coders' count (``limit``: the first N incidents in
the incidents evaluator's fixed order; 300 by default).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..options import Options
from . import incidents


def _folder(data: Path) -> Path:
    for folder in (data, data / "ecbplus-facts"):
        if (folder / "gold.json").exists() and (folder / "score.py").exists():
            return folder.resolve()
    raise UsageError(f"no gold.json and score.py in {data}", hint="point --data at ../shared/data/ecbplus-facts")


def score(folder: Path, export: Path, gold: Path, corpus: Path) -> list[dict[str, Any]]:
    """Per-fact outcomes from the gold's ``score.py`` (run as its README says; it matches articles by
    their line in ``corpus``)."""
    out = export.with_suffix(".scores.json")
    subprocess.run(
        [sys.executable, str(folder / "score.py"), str(export), "--gold", str(gold), "--jsonl", str(corpus)]
        + ["--json-out", str(out)],
        check=True,
        capture_output=True,
        cwd=folder,
    )
    results: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return results


def summary(results: list[dict[str, Any]], findings: list[dict[str, Any]]) -> dict[str, Any]:
    facts = [r for r in results if not r["trap"]]
    traps = [r for r in results if r["trap"]]
    outcomes = Counter(r["outcome"] for r in facts)
    right_by = Counter(r["expected"] for r in facts if r["outcome"] == "right")
    total_by = Counter(r["expected"] for r in facts)
    return {
        "facts": len(facts),
        "right": outcomes["right"],
        "right_share": outcomes["right"] / len(facts) if facts else 0.0,
        "linked": outcomes["right"] + outcomes["wrong_status"],
        "wrong_status": outcomes["wrong_status"],
        "partial": outcomes["partial"],
        "missed": outcomes["missed"],
        "traps": len(traps),
        "traps_kept_apart": sum(r["outcome"] == "right" for r in traps),
        "right_by_expected": {k: f"{right_by[k]}/{n}" for k, n in sorted(total_by.items())},
        "findings": dict(sorted(Counter(f["status"] for f in findings).items())),
    }


GVA_LIMIT = 300
MEASURES = {"killed": "kill/people", "injured": "injure/people"}  # the finding key of each casualty count


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Ingest the gold corpus into a scratch store, analyse, export, score (see the module docstring)."""
    import rashomon

    if (Path(data) / "incidents.json").exists() or (Path(data) / "dev" / "incidents.json").exists():
        return gva(Path(data), options, limit or GVA_LIMIT)
    folder = _folder(Path(data))
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    topics = list(dict.fromkeys(g["topic"] for g in gold))[:limit] if limit else None
    with tempfile.TemporaryDirectory(prefix="rashomon-eval-crosscheck-") as tmp:
        corpus, gold_file = folder / "corpus.jsonl", folder / "gold.json"
        if topics:  # the chosen topics' articles and facts only (the scorer matches articles by line number)
            corpus, gold_file = Path(tmp) / "corpus.jsonl", Path(tmp) / "gold.json"
            with (folder / "corpus.jsonl").open(encoding="utf-8") as src:
                lines = [line for line in src if json.loads(line)["file"].split("/")[0] in topics]
            corpus.write_text("".join(lines), encoding="utf-8")
            gold_file.write_text(json.dumps([g for g in gold if g["topic"] in topics]), encoding="utf-8")
        r = rashomon.open(Path(tmp) / "eval.duckdb", options)
        r.ingest([corpus])
        r.analyze()
        export = Path(tmp) / "export.json"
        r.export("json", export)
        results = score(folder, export, gold_file, corpus)
        findings = json.loads(export.read_text(encoding="utf-8"))["findings"]
    return summary(results, findings)


def gva(data: Path, options: Options, limit: int) -> dict[str, Any]:
    """The judgement of casualty figures across the articles of GVA's incidents (module docstring)."""
    gold, documents = incidents._load(data)
    chosen = incidents.choose(gold, limit)
    with incidents.analysed(gold, chosen, documents, options) as (r, ours), tempfile.TemporaryDirectory() as tmp:
        export = json.loads(r.export("json", Path(tmp) / "export.json").read_text(encoding="utf-8"))
    return score_gva(gold, chosen, export, ours)


def score_gva(gold: dict[str, dict], chosen: list[str], export: dict[str, Any], ours: dict[str, list[str]]) -> dict:
    """Per measure: tied, statuses and agree_right over the multi-article incidents (module docstring)."""
    doc_of = {c["id"]: c["doc"] for c in export["claims"]}
    incident_of = {a: i for i in chosen for a in gold[i]["documents"]}
    out: dict[str, Any] = {}
    for measure, key in MEASURES.items():
        eligible = {i for i in chosen if len(gold[i]["documents"]) > 1 and gold[i][measure] > 0}
        tied: set[str] = set()
        statuses: Counter[str] = Counter()
        agreed = right = 0
        for f in export["findings"]:
            if f["kind"] != "quantity" or f.get("key") != key:
                continue
            articles = {a for cid in f["claims"] for a in ours.get(doc_of.get(cid, ""), [])}
            per = Counter(incident_of[a] for a in articles if a in incident_of)
            for i in (i for i, n in per.items() if n > 1 and i in eligible):
                tied.add(i)
                statuses[f["status"]] += 1
                if f["status"] == "agree":
                    agreed += 1
                    right += _figure(f["independent_sources"][0]["value"]) == gold[i][measure]
        out[measure] = {
            "incidents": len(eligible),
            "tied": len(tied) / len(eligible) if eligible else 0.0,
            "agree_right": right / agreed if agreed else 0.0,
            "statuses": dict(sorted(statuses.items())),
        }
    return out


def _figure(display: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", display)
    return float(m.group(0).replace(",", "")) if m else None
