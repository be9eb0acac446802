"""Incidents against GVA's hand coding (a fixed subset: the first 60 incidents of the dev split in the
evaluator's hashed order; ``rashomon eval incidents --data ../shared/data/gva/dev`` runs all of them)."""

from __future__ import annotations

import pytest

from rashomon.evaluate.incidents import _bcubed, evaluate
from rashomon.options import Options

from ..conftest import DATA, need

# Reached on the first 60 incidents (101 articles), minus ~0.02: B3 F1 0.828, date 0.75, city 0.50, tied 0.130
# (grouping and place, when these floors were set); killed accuracy (all) 0.900 and where stated 0.880,
# injured 0.733 and 0.837 (casualties@3, the report tally and the consensus policy; they were 0.817 / 0.810
# and 0.550 / 0.667); date 0.800 and city 0.717 (incidents@2: incident_day's event day, incident_place's
# US towns, title and "South Sacramento"; they were 0.767 / 0.633). Injured 0.750 and 0.860 (casualties@4: lists,
# "others" besides the dead, subsets; killed 0.917 / 0.920). City 0.767 (incidents@3: the place its reports
# vote for most strongly, "the Englewood neighborhood" no city; B3 0.883, date 0.783, tied 0.348 unchanged).
# incidents@11, casualties@14 (paywalled pages kept for their headlines, headline tolls, totals over many
# incidents no toll, a county no other place): B3 0.919, killed 0.950 / 0.926, injured 0.800 / 0.870,
# date 0.800, city 0.783, region 0.850 (the region first pinned), tied 0.522. incidents@12, casualties@15
# (the linker retrained with one toll, more headline and text phrasings): the same on this subset.
# incidents@13, casualties@20 (a day said after "police said" is the report's, owned and surname places,
# more headline and text phrasings): B3 0.923, killed 0.950 / 0.926, injured 0.817 / 0.875, date 0.783,
# city 0.800, region 0.867, tied 0.522. incidents@15, casualties@21 (a stub text told apart by its headline,
# re-dated pages, streets no towns, reports naming no place meet similar ones of their days, "Father of 5
# killed"): killed 0.967 / 0.963, the rest the same. incidents@20, casualties@30 (outlets' home states, a US
# town named like a country, deaths recalled past the lead): city 0.817, the rest the same (region 0.867: too
# few reports per outlet in 101 articles to show a home state; on the whole split region 0.841 -> 0.882).
# incidents@34, casualties@35 (the event sentence's town over the dateline, a county only where no report names
# a town, round-ups' tolls only where no other report gives one): B3 0.929, killed 0.967 / 0.963, injured
# 0.833 / 0.878, date 0.783, city 0.867, region 0.850, tied 0.565. incidents@39 (a victim's age a token of its
# town, the linker retrained): B3 0.923, city 0.850, tied 0.522 here (one incident each; on the whole split
# B3 0.9354 -> 0.9370, city 0.8041 -> 0.8028, tied 0.7349 -> 0.7363), the rest the same.
FLOORS = {"bcubed_f1": 0.90, "killed": 0.94, "killed_stated": 0.94, "injured": 0.81, "injured_stated": 0.85,
          "date": 0.76, "city": 0.83, "region": 0.84, "tied": 0.50}  # fmt: skip


def test_bcubed_of_a_perfect_and_of_a_split_grouping():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert _bcubed(gold, {"a": "1", "b": "1", "c": "2"})["f1"] == 1.0
    split = _bcubed(gold, {"a": "1", "b": "2", "c": "3"})
    assert split["precision"] == 1.0 and split["recall"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.slow
def test_gva_incidents_floor():
    result = evaluate(need(DATA / "gva" / "dev"), Options(), limit=60)
    assert result["bcubed"]["f1"] >= FLOORS["bcubed_f1"]
    assert result["killed"]["accuracy_all"] >= FLOORS["killed"]
    assert result["killed"]["accuracy_stated"] >= FLOORS["killed_stated"]
    assert result["injured"]["accuracy_all"] >= FLOORS["injured"]
    assert result["injured"]["accuracy_stated"] >= FLOORS["injured_stated"]
    assert result["date_accuracy"] >= FLOORS["date"]
    assert result["city_accuracy"] >= FLOORS["city"]
    assert result["region_accuracy"] >= FLOORS["region"]
    assert result["tied"] >= FLOORS["tied"]
