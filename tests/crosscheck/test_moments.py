"""Times of day of one event compared across reports (fictional documents, hand-built time claims)."""

from __future__ import annotations

from rashomon.crosscheck.moments import findings
from rashomon.extract.time import zone_at
from rashomon.records import claim_id, make_claim
from tests.crosscheck._claims import doc


def _time(d, evidence, iso):
    """A time claim as the time extractor makes it: the zone stated beside it read and kept with it."""
    s = d.text.index(evidence)
    zone, e = zone_at(d.text, s, s + len(evidence))
    return make_claim(
        "time", id=claim_id(d.id, "time", s, e), doc=d.id, start=s, end=e, text=d.text[s:e], stage="t@1",
        value_iso=iso, timex_type="TIME", zone=zone,
    )  # fmt: skip


def _judge(rows, events=None, incidents=None, zone=None):
    docs = [doc(f"d{i}", text, f"Outlet {i}") for i, (text, _, _) in enumerate(rows)]
    claims = [_time(d, ev, iso) for d, (_, ev, iso) in zip(docs, rows)]
    zones = {d.id: zone for d in docs} if zone else None
    return findings(claims, docs, events or {d.id: "e1" for d in docs}, incidents or {d.id: "i1" for d in docs}, zones)


def test_two_reports_timing_one_happening_agree_within_rounding():
    (f,) = _judge(
        [
            ("The quake struck at 1:53 p.m. local time near Port Aven.", "1:53 p.m.", "2025-05-04T13:53"),
            ("It hit around 2 p.m. on Sunday.", "2 p.m.", "2025-05-04T14:00"),
        ]
    )
    assert f.status == "agree" and f.kind == "date" and f.key == "time/struck"


def test_times_apart_conflict_and_zones_are_turned_into_utc():
    (f,) = _judge(
        [
            ("The bomb exploded at 5:30 p.m. in Dunmore.", "5:30 p.m.", "2025-05-04T17:30"),
            ("The bomb exploded at 8 p.m. in Dunmore.", "8 p.m.", "2025-05-04T20:00"),
        ]
    )
    assert f.status == "conflict"
    (f,) = _judge(
        [
            ("The quake struck at 0737 GMT on Sunday.", "0737", "2025-05-04T07:37"),
            ("The quake struck at 9:37 CEST on Sunday.", "9:37", "2025-05-04T09:37"),
        ]
    )
    assert f.status == "agree"


def test_gmt_and_local_time_are_not_compared():
    assert not _judge(
        [
            ("The quake struck at 1023 GMT on Sunday.", "1023", "2025-05-04T10:23"),
            ("The quake struck at 1:53 p.m. local time.", "1:53 p.m.", "2025-05-04T13:53"),
        ]
    )


def test_a_local_time_of_a_place_with_a_known_zone_is_an_instant():
    # the incident's town keeps Tehran time (+3:30 in November): 1:53 p.m. local is 10:23 GMT
    rows = [
        ("The quake struck at 1023 GMT on Sunday.", "1023", "2005-11-27T10:23"),
        ("The quake struck at 1:53 p.m. local time.", "1:53 p.m.", "2005-11-27T13:53"),
    ]
    (f,) = _judge(rows, zone="Asia/Tehran")
    assert f.status == "agree"
    rows[0] = ("The quake struck at 0737 GMT on Sunday.", "0737", "2005-11-27T07:37")
    (f,) = _judge(rows, zone="Asia/Tehran")
    assert f.status == "conflict"
    # a US zone named without its season takes the day's offset: 11.30 p.m. ET in September is 3.30 a.m. GMT
    (f,) = _judge(
        [
            ("The robbers rammed the shop at 11.30 p.m. ET on Sunday.", "11.30 p.m.", "2013-09-08T23:30"),
            ("The robbers rammed the shop at 0330 GMT on Monday.", "0330", "2013-09-09T03:30"),
        ]
    )
    assert f.status == "agree"


def test_page_stamps_other_events_and_two_parts_of_the_day_are_left_alone():
    stamp = ("Updated 5/4/2025 3:41 PM Strong earthquake jolts Port Aven", "3:41 PM", "2025-05-04T15:41")
    other = ("The quake struck at 9 a.m. in Port Aven.", "9 a.m.", "2025-05-04T09")
    assert not _judge([stamp, other])
    assert not _judge([other, other], {"d0": "e1", "d1": "e2"})
    assert not _judge(
        [
            ("He was arrested on Monday afternoon.", "Monday afternoon", "2025-05-05TAF"),
            ("He was arrested after the Monday morning attack.", "Monday morning", "2025-05-05TMO"),
        ]
    )


def test_times_on_days_apart_are_two_moments():
    assert not _judge(
        [
            ("The gunman opened fire at 2 a.m. in Dunmore.", "2 a.m.", "2025-05-04T02"),
            ("The gunman opened fire at 7 p.m. in Dunmore.", "7 p.m.", "2025-05-07T19"),
        ]
    )


def test_times_apart_in_two_incidents_of_one_event_are_not_a_conflict():
    rows = [
        ("The shooting happened at 12:33 p.m. on Barton Street.", "12:33 p.m.", "2025-05-04T12:33"),
        ("The shooting happened around 2 a.m. at a hall.", "2 a.m.", "2025-05-04T02"),
    ]
    assert _judge(rows)[0].status == "conflict"
    assert not _judge(rows, incidents={"d0": "i1", "d1": "i2"})


def test_a_round_up_of_several_shootings_is_compared_with_none():
    roundup = doc(
        "d0",
        "The first shooting happened at 12:23 a.m. in Austin. The latest shooting happened after 11 p.m. in Chatham.",
        "Outlet 0",
    )
    other = doc("d1", "The shooting happened at about noon on Fulton Street.", "Outlet 1")
    claims = [
        _time(roundup, "12:23 a.m.", "2025-05-04T00:23"),
        _time(roundup, "11 p.m.", "2025-05-04T23"),
        _time(other, "noon", "2025-05-04T12:00"),
    ]
    docs = [roundup, other]
    assert not findings(claims, docs, {"d0": "e1", "d1": "e1"}, {"d0": "i1", "d1": "i1"})
    assert findings(claims[:1] + claims[2:], docs, {"d0": "e1", "d1": "e1"}, {"d0": "i1", "d1": "i1"})


def test_one_stated_day_does_not_wrap_round_midnight():
    (f,) = _judge(
        [
            ("The shooting happened at 12:23 a.m. in Austin.", "12:23 a.m.", "2025-05-04T00:23"),
            ("The shooting happened at 11:50 p.m. in Austin.", "11:50 p.m.", "2025-05-04T23:50"),
        ]
    )
    assert f.status == "conflict"
    (f,) = _judge(
        [
            ("The shooting happened at 12:05 a.m. in Austin.", "12:05 a.m.", "2025-05-05T00:05"),
            ("The shooting happened at 11:50 p.m. in Austin.", "11:50 p.m.", "2025-05-04T23:50"),
        ]
    )
    assert f.status == "agree"


def test_a_time_at_the_end_of_a_long_clause_dates_its_verb():
    lead = "A strong 5.6-magnitude earthquake jolted part of Varo island in the Gulf off the southern Lerin province"
    (f,) = _judge(
        [
            (f"{lead} at 17:06 (1336 GMT) on Sunday, state television reported.", "1336 GMT", "2025-05-04T13:36"),
            ("The quake struck at 13:36 GMT on Sunday.", "13:36 GMT", "2025-05-04T13:36"),
        ]
    )
    assert f.status == "agree" and f.key == "time/struck"


def test_opened_is_the_gunmans_only_where_he_opened_fire():
    from rashomon.crosscheck.moments import happening

    fired = "The gunman opened fire at 8:20 a.m. inside the building."
    assert happening(fired, fired.index("8:20"), fired.index(" inside")) == (15, "fired")
    roads = "Police said the streets around the yard would be opened by about 5:30 a.m. Tuesday."
    assert happening(roads, roads.index("5:30"), roads.index(" Tuesday")) is None
