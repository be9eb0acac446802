"""Incidents against the Gun Violence Archive's hand coding (``../shared/data/gva/dev``).

The articles of the chosen incidents are ingested into a scratch store as a scraper hands them over
(JSON Lines: id, title, url, published, text), analysed, and the product's incidents are compared
with GVA's, each gold incident matched to the predicted incident holding most of its articles:

* document -> incident grouping: B-cubed precision, recall and F1 over the articles;
* killed and injured: exact accuracy and mean absolute error of the figure Rashomon stands behind
  (a range's lower bound when it gives no exact value), (a) over the incidents where it states a
  figure ("stated", with the share of incidents that have one: "coverage") and (b) over all
  incidents, an unstated figure read as 0, as a coder reads a report that mentions no death;
* date and city accuracy (city: the incident's place equals GVA's city or county, case-insensitive;
  GVA's "Halethorpe (Lansdowne)" accepts either name, "Saginaw (county)" is "Saginaw County", and
  "St." is "Saint", "Mt." "Mount", "Ft." "Fort", "Lee's Summit" "Lees Summit"); region accuracy (the
  incident's region is GVA's state);
* tied: the share of multi-article incidents whose articles all land in one predicted incident that
  has a figure for killed or injured.

``limit``: the first N incidents of the split (in a fixed order by a hash of their ids, multi-article
and single-article ones mixed as in the split); all of them by default.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..extract.gazetteer import spelled_out
from ..options import Options
from ..records import Incident


def _load(data: Path) -> tuple[dict[str, dict], Path]:
    folder = data / "dev" if (data / "dev" / "incidents.json").exists() else data
    if not (folder / "incidents.json").exists():
        raise UsageError(f"no incidents.json in {data}", hint="point --data at ../shared/data/gva/dev")
    return json.loads((folder / "incidents.json").read_text()), folder / "documents.jsonl"


def choose(gold: dict[str, dict], limit: int | None) -> list[str]:
    """Incident ids in a fixed order (a hash of the id), the first ``limit``."""
    ranked = sorted(gold, key=lambda i: hashlib.sha1(f"rashomon-eval:{i}".encode()).hexdigest())
    return ranked[:limit] if limit else ranked


def _bcubed(gold_of: dict[str, str], pred_of: dict[str, str]) -> dict[str, float]:
    gold_sets: dict[str, set[str]] = {}
    pred_sets: dict[str, set[str]] = {}
    for d, g in gold_of.items():
        gold_sets.setdefault(g, set()).add(d)
        pred_sets.setdefault(pred_of[d], set()).add(d)
    p = r = 0.0
    for d in gold_of:
        same_gold, same_pred = gold_sets[gold_of[d]], pred_sets[pred_of[d]]
        both = len(same_gold & same_pred)
        p += both / len(same_pred)
        r += both / len(same_gold)
    n = len(gold_of) or 1
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _figure_value(incident: Incident | None, measure: str) -> float | None:
    f = incident.figure(measure) if incident else None
    if f is None:
        return None
    return f.value if f.value is not None else f.low


def _place_key(name: str) -> str:
    return spelled_out(re.sub(r"[\s-]+", " ", re.sub(r"['’.](?=\w)", "", name.strip().casefold())))


def _city_keys(city: str) -> set[str]:
    """The names GVA's city field accepts (see the module docstring)."""
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", city.strip())
    if m is None:
        return {_place_key(city)}
    if m.group(2).casefold() == "county":
        return {_place_key(f"{m.group(1)} County"), _place_key(f"{m.group(1)} Parish")}
    return {_place_key(m.group(1)), _place_key(m.group(2))}


def _matched(g: dict, pred_of: dict[str, str], by_id: dict[str, Incident]) -> Incident | None:
    """The predicted incident holding most of a gold incident's articles."""
    return by_id.get(Counter(pred_of[d] for d in g["documents"]).most_common(1)[0][0])


def score(gold: dict[str, dict], chosen: list[str], incidents: list[Incident]) -> dict[str, Any]:
    docs = {d for i in chosen for d in gold[i]["documents"]}
    pred_of = {d: f"alone:{d}" for d in docs}
    by_id: dict[str, Incident] = {}
    for inc in incidents:
        by_id[inc.id] = inc
        for d in inc.documents:
            if d in pred_of:
                pred_of[d] = inc.id
    gold_of = {d: i for i in chosen for d in gold[i]["documents"]}
    out: dict[str, Any] = {"incidents": len(chosen), "documents": len(docs), "bcubed": _bcubed(gold_of, pred_of)}
    for measure in ("killed", "injured"):
        stated = all_n = stated_ok = all_ok = 0
        stated_err = all_err = 0.0
        for i in chosen:
            v = _figure_value(_matched(gold[i], pred_of, by_id), measure)
            truth = float(gold[i][measure])
            all_n += 1
            all_ok += (v or 0.0) == truth
            all_err += abs((v or 0.0) - truth)
            if v is not None:
                stated += 1
                stated_ok += v == truth
                stated_err += abs(v - truth)
        out[measure] = {
            "accuracy_stated": round(stated_ok / stated, 4) if stated else 0.0,
            "mae_stated": round(stated_err / stated, 4) if stated else 0.0,
            "coverage": round(stated / all_n, 4) if all_n else 0.0,
            "accuracy_all": round(all_ok / all_n, 4) if all_n else 0.0,
            "mae_all": round(all_err / all_n, 4) if all_n else 0.0,
        }
    date_ok = city_ok = region_ok = tied = multi = 0
    for i in chosen:
        g = gold[i]
        match = _matched(g, pred_of, by_id)
        date_ok += bool(match and match.date == g["date"])
        city_ok += bool(match and match.place and _place_key(match.place) in _city_keys(g.get("city") or ""))
        region_ok += bool(match and match.region == g.get("state"))
        if len(g["documents"]) > 1:
            multi += 1
            tied += bool(match and set(g["documents"]) <= set(match.documents) and match.figures)
    n = len(chosen) or 1
    out["date_accuracy"] = round(date_ok / n, 4)
    out["city_accuracy"] = round(city_ok / n, 4)
    out["region_accuracy"] = round(region_ok / n, 4)
    out["tied"] = round(tied / multi, 4) if multi else 0.0
    return out


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Ingest the chosen incidents' articles into a scratch store, analyse, score (see the module docstring)."""
    gold, documents = _load(Path(data))
    chosen = choose(gold, limit)
    with analysed(gold, chosen, documents, options) as (r, ours):
        return score(gold, chosen, [_renamed(i, ours) for i in r.incidents()])


@contextmanager
def analysed(gold: dict[str, dict], chosen: list[str], documents: Path, options: Options) -> Iterator[tuple[Any, dict]]:
    """(an analysed scratch store of the chosen incidents' articles, stored document id -> GVA article ids)."""
    import rashomon

    wanted = {d for i in chosen for d in gold[i]["documents"]}
    with tempfile.TemporaryDirectory(prefix="rashomon-eval-gva-") as tmp:
        pile = Path(tmp) / "pile.jsonl"
        line_of: dict[str, str] = {}  # "pile.jsonl:N" (the source the reader gives line N) -> GVA article id
        with documents.open() as src, pile.open("w") as f:
            for line in src:
                if (gva_id := json.loads(line)["id"]) in wanted:
                    f.write(line)
                    line_of[f"{pile}:{len(line_of) + 1}"] = gva_id
        r = rashomon.open(Path(tmp) / "eval.duckdb", options)
        r.ingest([pile])
        r.analyze()
        yield r, articles_of(r, line_of)


def articles_of(r: Any, line_of: dict[str, str]) -> dict[str, list[str]]:
    """Stored document id -> the GVA articles it stands for: an article whose text is already stored
    (GVA lists some pages twice) is stored once, with every source recorded."""
    out: dict[str, list[str]] = {}
    for doc, source in r.sql("SELECT doc, source FROM doc_sources ORDER BY source")[1]:
        if source in line_of:
            out.setdefault(doc, []).append(line_of[source])
    return out


def _renamed(incident: Incident, ours: dict[str, list[str]]) -> Incident:
    """The incident with GVA's article ids for its documents."""
    return replace(incident, documents=tuple(a for d in incident.documents for a in ours.get(d, [d])))
