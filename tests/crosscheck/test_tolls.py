"""An incident's casualty figures as findings (hand-built incidents)."""

from __future__ import annotations

from rashomon.crosscheck.tolls import findings, judged, reported, subsumed
from rashomon.records import Figure, Incident, Report, make_claim


def _incident(reports, status="agree"):
    fig = Figure("killed", 2.0, None, None, status, tuple(reports), 2)
    return Incident("i1", tuple(sorted({r.doc for r in reports})), "shooting", "2025-05-03", "Dunmore", None, (fig,))


def test_a_figure_two_documents_report_is_one_finding_with_its_sources():
    reps = [
        Report("c1", "a", "Harbour Gazette", "2025-05-03", 2.0),
        Report("c2", "b", "Northgate Times", "2025-05-03", 2.0),
        Report("c3", "b2", "Northgate Times", "2025-05-03", 2.0),  # a near-copy of b
    ]
    (f,) = findings(_incident(reps), {"b2": "b"})
    assert f.status == "agree" and f.key == "kill/people" and f.claims == ("c1", "c2", "c3")
    assert f.independent_sources[0].independent_sources == 2
    assert f.summary.startswith("People killed in the shooting in Dunmore on 2025-05-03")


def test_copies_alone_are_a_single_source_and_one_report_is_no_finding():
    reps = [Report("c1", "a", "Harbour Gazette", "2025-05-03", 2.0), Report("c2", "a2", "Kestrel", "2025-05-03", 2.0)]
    assert findings(_incident(reps), {"a2": "a"})[0].status == "single_source"
    assert findings(_incident(reps[:1]), {}) == []


def test_an_update_needs_a_later_report():
    same_day = [Report("c1", "a", "A", "2025-05-03", 1.0), Report("c2", "b", "B", "2025-05-03", 2.0)]
    assert findings(_incident(same_day, "update"), {})[0].status == "conflict"
    later = [Report("c1", "a", "A", "2025-05-03", 1.0), Report("c2", "b", "B", "2025-05-05", 2.0)]
    (f,) = findings(_incident(later, "update"), {})
    assert f.status == "update" and "B (2025-05-05): 2" in f.summary


def test_tolls_that_differ_by_the_attacker_are_a_scope_difference_not_a_conflict():
    reps = [Report("c1", "a", "A", "2025-05-03", 6.0), Report("c2", "b", "B", "2025-05-03", 7.0, attacker=True)]
    (f,) = findings(_incident(reps, "scope_difference"), {})
    assert f.status == "scope_difference" and "B (with the attacker): 7" in f.summary
    assert findings(_incident(reps, "conflict"), {})[0].status == "conflict"


def test_a_toll_whose_every_report_quantity_linking_joined_is_left_to_it():
    reps = [Report("c1", "a", "A", "2025-05-03", 2.0), Report("c2", "b", "B", "2025-05-03", 2.0)]
    (toll,) = findings(_incident(reps), {})
    claims = [
        make_claim("casualty", id="c1", doc="a", start=0, end=9, text="two dead", stage="t@1", measure="killed"),
        make_claim(
            "casualty", id="c2", doc="b", start=4, end=20, text="two were killed", stage="t@1", measure="killed"
        ),
    ]
    spans = reported([toll], claims)
    assert spans == {"c1": ("a", 0, 9, "kill/people", True), "c2": ("b", 4, 20, "kill/people", True)}
    both = {"a": [(0, 3, "q1")], "b": [(4, 7, "q2")]}
    assert judged(toll, spans, both, {"q1": "kill/people", "q2": "kill/people"})
    assert not judged(toll, spans, {"a": [(0, 3, "q1")]}, {"q1": "kill/people"})  # "a man was shot and killed"
    # a number inside the report linked as something else ("a 10-year-old boy was killed": an age) judges no toll
    assert not judged(toll, spans, both, {"q1": "kill/people", "q2": "age/"})


def test_a_quantity_finding_inside_a_kept_toll_is_taken_back():
    reps = [Report("c1", "a", "A", "2025-05-03", 2.0), Report("c2", "b", "B", "2025-05-03", 2.0),
            Report("c3", "c", "C", "2025-05-03", 2.0)]  # fmt: skip
    (toll,) = findings(_incident(reps), {})
    claims = [make_claim("casualty", id=f"c{k}", doc=d, start=0, end=9, text="two dead", stage="t@1", measure="killed")
              for k, d in zip((1, 2, 3), "abc")]  # fmt: skip
    spans = reported([toll], claims)
    linked = {"a": [(0, 3, "q1")], "b": [(0, 3, "q2")], "z": [(0, 3, "q9")]}  # "c" states it in words
    counted = {"f1": ("kill/people", ("q1", "q2")), "f2": ("kill/people", ("q1", "q9")),
               "f3": ("injure/people", ("q1", "q2"))}  # fmt: skip
    keys = {"q1": "kill/people", "q2": "kill/people", "q9": "kill/people"}
    assert not judged(toll, spans, linked, keys)  # the toll has a report no quantity finding holds: it stays ...
    assert subsumed([toll], spans, linked, counted) == {"f1"}  # ... and says what f1 said, with c3 besides


def test_reports_that_fit_each_others_bounds_agree():
    reps = [Report("c1", "a", "A", "2025-05-03", None, 3.0), Report("c2", "b", "B", "2025-05-03", 4.0)]
    assert findings(_incident(reps, "conflict"), {})[0].status == "agree"


def test_a_conflict_resting_on_a_figure_past_the_lead_or_not_written_as_a_number_is_unknown():
    from rashomon.crosscheck.tolls import settled

    reps = [Report("c1", "a", "A", "2025-05-03", 1.0), Report("c2", "b", "B", "2025-05-03", 2.0)]
    (toll,) = findings(_incident(reps, "conflict"), {})
    assert toll.status == "conflict"
    early = {"c1": ("a", 10, 20, "kill/people", True), "c2": ("b", 30, 40, "kill/people", True)}
    assert settled(toll, early, 600).status == "conflict"
    late = {"c1": ("a", 10, 20, "kill/people", True), "c2": ("b", 900, 910, "kill/people", True)}
    assert settled(toll, late, 600).status == "unknown"
    wordless = {"c1": ("a", 10, 20, "kill/people", True), "c2": ("b", 30, 40, "kill/people", False)}  # "he was shot"
    assert settled(toll, wordless, 600).status == "unknown"
