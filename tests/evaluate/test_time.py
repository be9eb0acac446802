"""TimeBank scoring: the TimeML reader and scorer on a fictional file, and pinned floors
on the full TimeBank 1.2 (reached minus 0.02)."""

from __future__ import annotations

from rashomon.evaluate import time as time_eval
from rashomon.options import Options

from ..conftest import DATA, need

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1999-05-07" functionInDocument="CREATION_TIME">19990507</TIMEX3></DCT>
<TEXT>The Vellmark &amp; Brisk ferry <EVENT eid="e1">sank</EVENT> <TIMEX3 tid="t1" type="DATE" value="1999-05-06">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> at sea.</TEXT>
</TimeML>"""

# reached on the full TimeBank (183 documents) with `rashomon eval time --data ../shared/data/timebank/TimeBank`
FLOORS = {"strict_f1": 0.82, "relaxed_f1": 0.90, "value_accuracy": 0.83, "value_f1": 0.77}


def test_reader_offsets(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = time_eval.read_tml(path)
    assert doc.dct == "1999-05-07"
    assert [doc.text[g.start : g.end] for g in doc.timexes] == ["yesterday", "three days"]
    assert doc.text.startswith("The Vellmark & Brisk ferry sank yesterday")


def test_score_strict_relaxed_value(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = time_eval.read_tml(path)
    y = doc.text.index("yesterday")
    d = doc.text.index("three days")
    pred = [(y, y + 9, "DATE", "1999-05-06"), (d - 6, d + 10, "DURATION", "P2D"), (0, 3, "DATE", "PRESENT_REF")]
    r = time_eval.score([doc], [pred])
    assert r["strict"] == {"precision": round(1 / 3, 4), "recall": 0.5, "f1": 0.4}
    assert r["relaxed"]["recall"] == 1.0 and r["value_accuracy"] == 0.5


def test_timebank_floors():
    data = need(DATA / "timebank" / "TimeBank")
    r = time_eval.evaluate(data, Options())
    assert r["documents"] == 183
    assert r["strict"]["f1"] >= FLOORS["strict_f1"]
    assert r["relaxed"]["f1"] >= FLOORS["relaxed_f1"]
    assert r["value_accuracy"] >= FLOORS["value_accuracy"]
    assert r["value_f1"] >= FLOORS["value_f1"]
