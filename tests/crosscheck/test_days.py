"""Days of one event's happenings compared across reports (fictional documents, hand-built time claims)."""

from __future__ import annotations

from rashomon.crosscheck.days import findings
from rashomon.records import claim_id
from tests.crosscheck._claims import doc, when


def _judge(rows, skip=()):
    docs = [doc(f"d{i}", text, f"Outlet {i}") for i, (text, _, _) in enumerate(rows)]
    claims = [when(d, ev, iso) for d, (_, ev, iso) in zip(docs, rows)]
    return findings(claims, docs, {d.id: "e1" for d in docs}, skip)


def test_a_weekday_agrees_with_the_date_it_falls_on_and_with_itself():
    (f,) = _judge(
        [
            ("Vellcorp released the patch on Wednesday.", "Wednesday", "XXXX-WXX-3"),
            ("Vellcorp issued an urgent patch on Dec. 17.", "Dec. 17", "2008-12-17"),
            ("On Wednesday Vellcorp released a fix.", "Wednesday", "XXXX-WXX-3"),
        ]
    )
    assert f.status == "agree" and f.kind == "date" and f.key == "day/released" and len(f.claims) == 3
    assert "Dec. 17 (Wednesday)" in f.summary


def test_two_days_of_one_kind_of_happening_are_two_findings():
    found = _judge(
        [
            ("Vellcorp released the patch on Wednesday.", "Wednesday", "XXXX-WXX-3"),
            ("Vellcorp issued an urgent patch on Wednesday.", "Wednesday", "XXXX-WXX-3"),
            ("Vellcorp released a fix on Tuesday.", "Tuesday", "XXXX-WXX-2"),
            ("On Tuesday Vellcorp released another fix.", "Tuesday", "XXXX-WXX-2"),
        ]
    )
    assert sorted(len(f.claims) for f in found) == [2, 2] and {f.status for f in found} == {"agree"}


def test_days_that_do_not_fit_are_never_a_conflict():
    rows = [
        ("Police arrested the teen on Tuesday.", "Tuesday", "2016-04-05"),
        ("He was arrested Monday at the county jail.", "Monday", "2016-04-11"),
    ]
    assert not _judge(rows)


def test_a_report_dating_one_happening_on_two_days_is_compared_with_none():
    both = doc("d0", "The gunman fired on June 1, and fired again on June 6.", "Outlet 0")
    other = doc("d1", "The gunman fired on June 1 in Dunmore.", "Outlet 1")
    claims = [
        when(both, "June 1", "2016-06-01"),
        when(both, "June 6", "2016-06-06"),
        when(other, "June 1", "2016-06-01"),
    ]
    assert not findings(claims, [both, other], {"d0": "e1", "d1": "e1"})


def test_dates_compared_elsewhere_and_datelines_are_skipped():
    rows = [
        ("PORT AVEN, Dec. 17 (Wire) — The quake struck the coast.", "Dec. 17", "2008-12-17"),
        ("The quake struck on Dec. 17.", "Dec. 17", "2008-12-17"),
    ]
    assert not _judge(rows)
    rows = [("The quake struck on Dec. 17.", "Dec. 17", "2008-12-17")] * 2
    at = rows[0][0].index("Dec. 17")
    assert _judge(rows) and not _judge(rows, skip={claim_id(f"d{i}", "time", at, at + 7) for i in range(2)})
