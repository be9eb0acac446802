"""The review form of ``rashomon serve --review`` through FastAPI's TestClient: every guard on the
one write route (CSRF token, same origin, loopback only, the writer lock), the review shown
wherever its finding is, and a read-only server with no form and no write route."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import rashomon
from rashomon.cli import app as cli_app
from rashomon.errors import UsageError
from rashomon.web import reviewing
from rashomon.web.app import allowed_hosts, create_app

from ..store.test_writer_lock import ENV, HOLD
from .conftest import build
from .test_app import active_markup

SITE = "http://127.0.0.1:8000"


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "rv.duckdb"
    build(path)
    return path


@pytest.fixture()
def client(db):
    return TestClient(create_app(db, allowed_hosts("127.0.0.1"), review=True), base_url=SITE)


def token(client) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', client.get("/findings").text)
    assert m, "no review form on the findings page"
    return m.group(1)


def post(client, origin: str | None = SITE, **form: str):
    headers = {"origin": origin} if origin else {}
    return client.post("/review", data=form, headers=headers, follow_redirects=False)


def stored(db) -> list:
    return rashomon.open(db, read_only=True).reviews(history=True)


def test_a_review_is_written_and_the_browser_sent_back_to_the_finding(client, db):
    r = post(client, csrf=token(client), finding="f_toll", verdict="confirmed", note="both figures stand", by="ana",
             next="/findings?status=conflict")  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/findings?status=conflict#f-f_toll"
    [rv] = stored(db)
    assert (rv.verdict, rv.note, rv.reviewer, rv.finding, rv.status) == (
        "confirmed", "both figures stand", "ana", "f_toll", "conflict")  # fmt: skip
    assert [f.status for f in rashomon.open(db, read_only=True).findings() if f.id == "f_toll"] == ["conflict"]


def test_post_without_or_with_a_wrong_token_is_refused(client, db):
    assert post(client, finding="f_toll", verdict="confirmed").status_code == 403
    r = post(client, csrf="forged", finding="f_toll", verdict="confirmed")
    assert r.status_code == 403 and "token" in r.text
    assert stored(db) == []


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:9999", "null", None])
def test_cross_origin_or_origin_less_posts_are_refused(client, db, origin):
    r = post(client, origin, csrf=token(client), finding="f_toll", verdict="wrong")
    assert r.status_code == 403 and "this server" in r.text
    assert stored(db) == []


def test_the_referer_stands_in_for_a_missing_origin(client, db):
    form = {"csrf": token(client), "finding": "f_toll", "verdict": "wrong"}
    ok = client.post("/review", data=form, headers={"referer": SITE + "/finding/f_toll"}, follow_redirects=False)
    assert ok.status_code == 303
    bad = client.post("/review", data=form, headers={"referer": "http://evil.example/"}, follow_redirects=False)
    assert bad.status_code == 403 and len(stored(db)) == 1


@pytest.mark.parametrize("nxt", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "findings"])
def test_the_way_back_never_leaves_the_server(client, nxt):
    r = post(client, csrf=token(client), finding="f_toll", verdict="needs-check", next=nxt)
    assert r.status_code == 303 and r.headers["location"] == "/findings#f-f_toll"


def test_bad_verdicts_and_unknown_findings_save_nothing(client, db):
    t = token(client)
    r = post(client, csrf=t, finding="f_toll", verdict="probably")
    assert r.status_code == 400 and "choose one of confirmed, wrong, needs-check" in r.text
    assert post(client, csrf=t, finding="f_nope", verdict="wrong").status_code == 404
    assert post(client, csrf=t, finding="f_toll", verdict="wrong", note="x" * 20_000).status_code == 413
    assert stored(db) == []


def test_the_review_is_shown_wherever_its_finding_is(client, db):
    note = "<script>alert('note')</script> the mayor's office said 41"
    post(client, csrf=token(client), finding="f_toll", verdict="wrong", note=note, by="<b>ana</b>")
    for url in ("/findings", "/finding/f_toll", "/compare/f_toll", "/", "/doc/d_herald"):
        html = client.get(url).text
        assert 'class="rv rv-wrong"' in html, url
        assert active_markup(html) == [] and "<script>alert" not in html, url
    assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in client.get("/findings").text
    assert 'data-badge="conflict · wrong"' in client.get("/doc/d_herald").text
    assert 'id="review-counts"' in client.get("/").text
    [f] = client.get("/api/findings", params={"review": "wrong"}).json()
    assert f["id"] == "f_toll" and f["status"] == "conflict" and f["review"]["verdict"] == "wrong"
    assert client.get("/api/findings", params={"review": "confirmed"}).json() == []
    assert client.get("/api/findings", params={"review": "bogus"}).status_code == 422
    assert [x["verdict"] for x in client.get("/api/reviews").json()] == ["wrong"]


def test_findings_page_filters_by_review_state(client):
    post(client, csrf=token(client), finding="f_evil", verdict="confirmed")
    confirmed = client.get("/findings", params={"review": "confirmed"}).text
    assert 'id="f-f_evil"' in confirmed and 'id="f-f_toll"' not in confirmed  # single-source, shown: a person chose it
    unreviewed = client.get("/findings", params={"review": "unreviewed"}).text
    assert 'id="f-f_toll"' in unreviewed and 'id="f-f_evil"' not in unreviewed
    assert "Unknown review state" in client.get("/findings", params={"review": "<b>"}).text


def test_a_busy_store_answers_503_and_saves_nothing(client, db, monkeypatch):
    monkeypatch.setattr(reviewing, "BUSY_TIMEOUT", 0.2)
    t = token(client)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "analyze"], stdout=subprocess.PIPE, text=True,
                              env=ENV)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        r = post(client, csrf=t, finding="f_toll", verdict="confirmed")
    finally:
        holder.kill()
        holder.wait()
    assert r.status_code == 503 and f"pid {holder.pid} is running `rashomon analyze`" in r.text
    assert 'http-equiv="refresh"' not in r.text and "Traceback" not in r.text
    assert stored(db) == []


def test_review_pages_send_their_origin_and_read_only_pages_send_nothing(client, db):
    assert client.get("/").headers["referrer-policy"] == "same-origin"
    ro = TestClient(create_app(db, allowed_hosts("127.0.0.1")), base_url=SITE)
    page = ro.get("/findings")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert 'name="csrf"' not in page.text and "review-form" not in page.text
    assert "review-form" not in ro.get("/finding/f_toll").text and "review-form" not in ro.get("/compare/f_toll").text
    r = ro.post("/review", data={"finding": "f_toll", "verdict": "confirmed"}, headers={"origin": SITE})
    assert r.status_code == 405 and stored(db) == []


def test_review_needs_a_loopback_server(db):
    for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"):
        reviewing.check_review_host(host)
    for host in ("0.0.0.0", "192.168.1.20", "example.org", "::"):
        with pytest.raises(UsageError, match="--review needs a loopback --host"):
            reviewing.check_review_host(host)
    with pytest.raises(UsageError, match="local names"):
        create_app(db, allowed_hosts("0.0.0.0"), review=True)
    r = CliRunner().invoke(cli_app, ["serve", "--review", "--host", "0.0.0.0", "--db", str(db)])
    assert r.exit_code == 2 and "--review needs a loopback --host, not '0.0.0.0'" in r.output
    assert stored(db) == []
