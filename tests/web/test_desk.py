"""The desk's views without a browser: human dates, the timeline per story with its bracket,
outlet names for documents without an outlet, the findings filters and the matrix's links."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from rashomon.records import Document, TimelineEntry
from rashomon.web import charts
from rashomon.web.app import create_app
from rashomon.web.desk import outlet_name
from rashomon.web.humandate import human_date


@pytest.mark.parametrize(
    "code, words",
    [
        ("199", "1990s"),
        ("19", "20th century"),
        ("1987", "1987"),
        ("2019-03", "March 2019"),
        ("2024-FA", "autumn 2024"),
        ("2025-SU", "summer 2025"),
        ("2025-Q2", "Q2 2025"),
        ("2025-05-01", "1 May 2025"),
        ("2025-05-01TMO", "1 May 2025, morning"),
        ("2025-05-04T10", "4 May 2025, 10:00"),
        ("2025-05-04T10:30", "4 May 2025, 10:30"),
        ("2025-W18", "week of 28 April 2025"),
        ("PRESENT_REF", "now"),
        ("", "undated"),
        ("P3D", "P3D"),  # not a date: shown as it is, never guessed at
        ("2025-13", "2025-13"),
    ],
)
def test_human_date(code, words):
    assert human_date(code) == words


def test_conflicting_dates_are_a_bracket_and_days_are_ticks():
    entries = [TimelineEntry(f"2025-04-{d}", f"e{d}", (), ("A",), ()) for d in (19, 20, 25, 30)]
    chart = charts.timeline(entries, brackets=[charts.Bracket(dt.date(2025, 4, 19), dt.date(2025, 4, 20), "x")])
    assert [label for _, label in chart.ticks][:2] == ["19 Apr", "20 Apr"]
    (b,) = chart.brackets
    assert b.x0 < b.x1 and b.y > max(d.y for d in chart.dots) and chart.height > b.y
    assert charts.parse_date("2025-05-01TMO") == dt.date(2025, 5, 1)


def test_documents_without_an_outlet_are_named_each_by_itself():
    def doc(id_, url=None, outlet=None, source="x.txt"):
        return Document(id_, source, "t", "t", url=url, outlet=outlet)

    assert outlet_name(doc("a", "https://www.example.org/x")) == "example.org"
    assert outlet_name(doc("b", "javascript:alert(1)", source="seeds/002_1d2e.txt")) == "002_1d2e.txt"
    assert outlet_name(doc("c", outlet="Herald")) == "Herald"
    assert outlet_name(doc("d", source="a/northgate-times-2025-05-05.txt")) == "Northgate Times"


@pytest.fixture(scope="module")
def client(corpus):
    return TestClient(create_app(corpus[0]))


def test_timeline_per_story_in_human_dates(client):
    html = client.get("/timeline", params={"story": "s_storm"}).text
    assert "Timeline: Port Aven storm" in html and 'id="zoomed"' in html
    assert "3 May 2025" in html and ">2025-05-03<" not in html
    assert client.get("/timeline", params={"story": "nope"}).status_code == 200


def test_overview_leads_with_the_contested_fact(client, corpus):
    html = client.get("/").text
    assert html.index('id="contested"') < html.index("Documents by outlet")
    row = html[html.index('id="x-f_toll"') :]
    assert "more than 40" in row and "at least 12" in row and "1 independent source" in row
    assert 'href="/compare/f_toll"' in row


def test_findings_pages_and_measure(client):
    assert 'id="f-f_toll"' in client.get("/findings", params={"measure": "KILLED"}).text
    assert 'id="f-f_toll"' not in client.get("/findings", params={"measure": "injured"}).text
    assert 'id="f-f_toll"' in client.get("/findings", params={"page": "99"}).text  # past the end: the last page
    bad = client.get("/findings", params={"page": "0"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html") and "page" in bad.text
    assert client.get("/api/findings", params={"status": "nope"}).headers["content-type"] == "application/json"


def test_matrix_cells_link_to_the_findings_they_count(client):
    html = client.get("/matrix").text
    assert "/findings?outlet=Northgate+Times&amp;with=Valdoria+Herald&amp;all=1" in html
    page = client.get("/findings", params={"outlet": "Northgate Times", "with": "Valdoria Herald", "all": "1"}).text
    assert 'id="f-f_toll"' in page and 'id="f-f_evil"' not in page


def test_compare_shows_both_spans(client, corpus):
    html = client.get("/compare/f_toll").text
    for i, claim in enumerate(corpus[1]["claims"]):
        assert f'id="p{i}-{claim}"' in html
    assert client.get("/compare/nope").status_code == 404


def test_matrix_at_35_outlets_folds_the_rest(monkeypatch):
    from rashomon.web import matrixview

    outlets = [f"Outlet {i:02d}" for i in range(35)]
    table = {
        (a, b): {"agree": [f"f{i}{j}"] * (35 - i), "conflict": [], "scope_difference": [], "update": []}
        for i, a in enumerate(outlets)
        for j, b in enumerate(outlets)
        if i < j and j - i <= 2
    }
    monkeypatch.setattr(matrixview, "pair_table", lambda r, c: table)
    monkeypatch.setattr(matrixview, "copies", lambda c: {})
    mv = matrixview.matrix(None, None, top=12)  # type: ignore[arg-type]
    assert len(mv.outlets) == 13 and mv.outlets[-1] == matrixview.OTHER and len(mv.folded) == 23
    assert mv.outlets[0] == "Outlet 02"  # most shared findings first (four neighbours, high counts)
    folded = mv.cell("Outlet 11", matrixview.OTHER)
    assert folded is not None and not folded.link and folded.counts["agree"] > 0
    cell = mv.cell("Outlet 02", "Outlet 03")
    assert cell is not None and cell.label == "33✓" and cell.shade == "m4" and cell.link


def test_entity_page_words_stay_apart(client):
    import re

    html = client.get("/entity/e_port").text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.split("<main>")[1]))
    assert "GPEid" not in text and "type GPE · id e_port" in text


def test_overview_grid_claim_by_outlet_links_each_value_to_its_evidence(client, corpus):
    herald, times = corpus[1]["claims"]
    html = client.get("/").text
    grid = html[html.index('class="grid compact claimgrid"') :]
    grid = grid[: grid.index("</table>")]
    assert "<th>Northgate Times</th>" in grid and "<th>Valdoria Herald</th>" in grid
    assert f'href="/doc/d_herald#c-{herald}">more than 40</a>' in grid
    assert f'href="/doc/d_times#c-{times}">at least 12</a>' in grid


def test_findings_are_paged_most_severe_first_and_quiet_ones_hidden():
    from rashomon.records import Finding
    from rashomon.web import desk

    statuses = ["agree", "single_source", "conflict", "unknown", "update", "scope_difference"] * 9
    found = [Finding(f"f{i:02d}", s, f"finding {i}", (), (), "quantity", "kill/people") for i, s in enumerate(statuses)]

    class Fake:
        def findings(self, status=None, story=None):
            return [f for f in found if not status or f.status == status]

    c = desk.Corpus({}, {}, {}, [])
    sel = desk.select(Fake(), c, desk.Query())  # type: ignore[arg-type]
    assert sel.total == 36 and sel.hidden == 18 and sel.pages == 2 and len(sel.items) == desk.PAGE_SIZE
    assert [f.status for f in sel.items[:9]] == ["conflict"] * 9 and sel.items[9].status == "update"
    last = desk.select(Fake(), c, desk.Query(page=2))  # type: ignore[arg-type]
    assert len(last.items) == 16 and last.items[-1].status == "agree"
    everything = desk.select(Fake(), c, desk.Query(quiet=True, measure="KILL"))  # type: ignore[arg-type]
    assert everything.total == 54 and everything.hidden == 0
    assert desk.select(Fake(), c, desk.Query(status="unknown")).total == 9  # type: ignore[arg-type]


def test_no_absolute_local_paths(tmp_path):
    from pathlib import Path

    from rashomon.web.views import source_label

    assert source_label(str(Path.cwd() / "examples" / "a.txt")) == "examples/a.txt"
    assert source_label("/home/someone/private/corpus/a.zip!x/y.txt") == "…/corpus/a.zip!x/y.txt"
    assert source_label("https://example.org/a") == "https://example.org/a"
    assert source_label("fixtures/d.txt") == "fixtures/d.txt"


def test_direction_overrides_are_shown_not_obeyed():
    from rashomon.web.templating import ENV

    html = ENV.from_string("<h1>{{ t }}</h1>").render(t="evil\u202egnp.exe\u200b")
    assert "\u202e" not in html and "&lt;U+202E&gt;" in html and "&lt;U+200B&gt;" in html


def test_host_header_allow_list(corpus):
    from rashomon.web.app import allowed_hosts, host_name

    assert host_name("[::1]:8000") == "::1" and host_name("LocalHost:80") == "localhost"
    assert allowed_hosts("0.0.0.0") is None
    app = create_app(corpus[0], allowed_hosts("127.0.0.1"))
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/findings").status_code == 200
    rebound = TestClient(app, base_url="http://evil.example").get("/")
    assert rebound.status_code == 400 and "content-security-policy" in rebound.headers


def test_api_cli_and_web_matrix_count_alike(corpus):
    import rashomon
    from rashomon.web import desk, matrixview

    r = rashomon.open(corpus[0], read_only=True)
    web = matrixview.matrix(r, desk.corpus(r), top=50).rows
    assert r.matrix() == web and web
    assert TestClient(create_app(corpus[0])).get("/api/matrix").json() == web
