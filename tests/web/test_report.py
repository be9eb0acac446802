"""``rashomon report``: one self-contained, inert HTML file."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest

import rashomon
from rashomon.web.report import write_report


@pytest.fixture(scope="module")
def report(corpus, tmp_path_factory):
    out = write_report(rashomon.open(corpus[0], read_only=True), tmp_path_factory.mktemp("rep") / "sub" / "r.html")
    return out.read_text("utf-8")


def test_report_is_self_contained(report):
    assert not re.search(r'\b(src|href|action)\s*=\s*"(?!#)', report)  # only in-page anchors
    assert "@import" not in report and "url(" not in report
    for part in ('id="overview"', 'id="findings"', 'id="incidents"', 'id="timeline"', 'id="matrix"', 'id="framing"'):
        assert part in report


def test_report_shows_findings_with_evidence(report):
    assert "Port Aven death toll: more than 40 vs at least 12" in report
    assert '<mark class="ev">More than 40 people</mark>' in report
    assert '<mark class="ev">At least 12 people</mark>' in report
    assert "<svg" in report  # the timeline chart
    assert "built-in method" not in report  # row values are read by key, never as dict attributes


def test_report_inline_script_is_pinned_by_csp_and_data_is_escaped(report):
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report).group(1))
    scripts = re.findall(r"<script>(.*?)</script>", report, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp and "default-src 'none'" in csp
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', report, re.S).group(1)
    assert "<" not in data and "&" not in data
    parsed = json.loads(data)
    evil = next(f for f in parsed if f["id"] == "f_evil")
    assert evil["summary"] == "<script>alert('finding')</script> injured"


def test_report_renders_hostile_text_inert(report):
    body = report.split("<body>", 1)[1]
    assert not re.search(r"<(img|svg|b|i)\b[^>]*(onerror|onload|onmouseover)", body, re.I)
    assert body.count("<script") == 3  # the two data blocks and the pinned script
    assert "&lt;script&gt;alert(&#39;finding&#39;)&lt;/script&gt;" in body


def test_report_carries_the_reviews(tmp_path):
    from .conftest import build

    db = tmp_path / "rv.duckdb"
    build(db)
    r = rashomon.open(db)
    r.review("f_toll", "confirmed", "<i>both</i> figures stand", by="ana")
    page = write_report(rashomon.open(db, read_only=True), tmp_path / "r.html").read_text("utf-8")
    assert 'class="rv rv-confirmed"' in page and 'data-review="confirmed"' in page
    assert "&lt;i&gt;both&lt;/i&gt; figures stand" in page and "<i>both</i>" not in page.split("<body>", 1)[1]
    assert '<button type="button" data-review="confirmed">reviewed confirmed (1)</button>' in page
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1))
    toll = next(f for f in data if f["id"] == "f_toll")
    assert toll["status"] == "conflict" and toll["review"]["verdict"] == "confirmed"
    assert "<form" not in page.split("<body>", 1)[1]  # the report is read-only


def test_report_codes_every_incident_with_each_figures_reports_and_their_words(tmp_path):
    from markupsafe import escape

    from rashomon import pipeline
    from rashomon.options import Options
    from rashomon.store import Store
    from tests.conftest import EXAMPLES

    store = Store(tmp_path / "demo.duckdb")
    pipeline.ingest(store, [EXAMPLES / "demo"], Options())
    pipeline.analyze(store, Options())
    incidents = store.incidents()
    assert incidents and any(i.figures for i in incidents)
    text = write_report(rashomon.open(tmp_path / "demo.duckdb", read_only=True), tmp_path / "r.html").read_text("utf-8")
    section = text[text.index('<section id="incidents">') : text.index('<section id="timeline">')]
    claims = {c.id: c for c in store.claims()}
    for inc in incidents:
        assert f'id="i-{inc.id}"' in section
        for f in inc.figures:
            for rep in f.reports:  # the words each report's figure stands on, marked in their sentence
                assert f'<mark class="ev">{escape(claims[rep.claim].text)}</mark>' in section
    data = json.loads(re.search(r'id="report-incidents">(.*?)</script>', text, re.S).group(1))
    assert [i["id"] for i in data] == [i.id for i in incidents] and all("killed" in i or "injured" in i for i in data)
