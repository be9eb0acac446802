"""The served pages and JSON API through FastAPI's TestClient (no browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import duckdb
import pytest
from fastapi.testclient import TestClient

from rashomon.errors import StoreError
from rashomon.web.app import create_app

PAGES = [
    "/",
    "/doc/d_herald",
    "/doc/d_times",
    "/doc/d_xss",
    "/findings",
    "/finding/f_toll",
    "/finding/f_evil",
    "/entities",
    "/entity/e_mira",
    "/entity/e_xss",
    "/entity/e_port",
    "/timeline",
    "/matrix",
    "/framing",
    "/search?q=Port+Aven",
    "/search?q=%3Cscript%3E",
    "/doc/d_herald?hl=28:47",
]
API = [
    "/api/documents",
    "/api/documents/d_xss",
    "/api/claims",
    "/api/claims?kind=quote",
    "/api/entities",
    "/api/entities/e_mira",
    "/api/findings",
    "/api/findings?status=conflict",
    "/api/findings?review=unreviewed",
    "/api/reviews",
    "/api/reviews?history=true",
    "/api/stories",
    "/api/timeline",
    "/api/matrix",
    "/api/framing",
    "/api/errors",
    "/api/extraction-errors",
    "/api/search?q=killed",
]


class ActiveMarkup(HTMLParser):
    """Collects what could run or load: event-handler attributes, img/iframe/object elements,
    javascript: or data: links, and scripts other than ours."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("img", "iframe", "object", "embed", "base"):
            self.problems.append(tag)
        if tag == "script" and not (a.get("src", "").startswith("/static/") or a.get("type") == "application/json"):
            self.problems.append(f"script {a}")
        self.problems += [f"{tag} {k}" for k in a if k.lower().startswith("on")]
        self.problems += [
            f"{tag} {k}"
            for k, v in a.items()
            if k in ("href", "src", "action") and (v or "").strip().lower().startswith(("javascript:", "data:"))
        ]


def active_markup(html: str) -> list[str]:
    parser = ActiveMarkup()
    parser.feed(html)
    return parser.problems


@pytest.fixture(scope="module")
def client(corpus):
    return TestClient(create_app(corpus[0]))


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_with_csp_and_no_injected_markup(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert active_markup(r.text) == []
    assert not re.search(r'(src|href)="https?://(?!herald\.example|times\.example)', r.text)  # no CDN, only sources


@pytest.mark.parametrize("url", API)
def test_api_answers_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"] == "application/json"


def test_api_keeps_hostile_text_as_json_data(client):
    doc = client.get("/api/documents/d_xss").json()
    assert "<script>alert('text')</script>" in doc["text"] and doc["url"] == "javascript:alert('url')"
    found = client.get("/api/findings", params={"status": "conflict"}).json()
    assert [f["id"] for f in found] == ["f_toll"]
    assert {s["value"] for s in found[0]["independent_sources"]} == {"more than 40", "at least 12"}


def test_extraction_errors_are_listed_with_their_document(client):
    [e] = client.get("/api/extraction-errors").json()
    assert (e["doc"], e["source"], e["stage"], e["code"]) == ("d_xss", "fixtures/d_xss.txt", "fixture@2", "E402")
    page = client.get("/").text
    assert "Extraction errors" in page and 'href="/doc/d_xss">d_xss</a>' in page
    assert "ValueError: &lt;img src=x onerror=alert(&#39;exerr&#39;)&gt;" in page


def test_api_validates_filters(client):
    assert client.get("/api/findings?status=bogus").status_code == 422
    assert client.get("/api/claims?kind=bogus").status_code == 422
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/entities/nope").json()["error"] == "Not found"


def test_openapi_describes_the_read_only_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/findings", "/api/search", "/api/timeline", "/api/matrix"} <= set(spec["paths"])
    assert all(set(ops) == {"get"} for ops in spec["paths"].values())
    params = {p["name"] for p in spec["paths"]["/api/findings"]["get"]["parameters"]}
    assert params == {"status", "entity", "outlet", "story", "review"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/", "/api/findings", "/api/documents/d_herald", "/nowhere"])
def test_write_methods_are_refused(client, method, url):
    r = client.request(method, url)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    assert "content-security-policy" in r.headers


def test_head_is_a_get_without_body(client):
    r = client.head("/api/findings")
    assert r.status_code == 200 and r.content == b"" and r.headers["content-type"] == "application/json"
    assert client.head("/").status_code == 200


def test_findings_filters(client):
    html = client.get("/findings", params={"status": "conflict"}).text
    assert 'id="f-f_toll"' in html and 'id="f-f_evil"' not in html
    assert 'id="f-f_toll"' in client.get("/findings", params={"entity": "Aven"}).text  # by alias
    assert 'id="f-f_toll"' not in client.get("/findings", params={"outlet": "<b>Evil</b> Outlet"}).text
    quiet = client.get("/findings", params={"outlet": "<b>Evil</b> Outlet"}).text  # single-source: hidden by default
    assert 'id="f-f_evil"' not in quiet and 'id="show-quiet"' in quiet
    assert 'id="f-f_evil"' in client.get("/findings", params={"outlet": "<b>Evil</b> Outlet", "all": "1"}).text
    bad = client.get("/findings", params={"status": "<script>"}).text
    assert "Unknown status" in bad and "<script>" not in bad.split("<main>")[1]


def test_conflict_shows_both_sides_with_reader_links(client, corpus):
    html = client.get("/finding/f_toll").text
    herald, times = corpus[1]["claims"]
    assert f'href="/doc/d_herald#c-{herald}"' in html and f'href="/doc/d_times#c-{times}"' in html
    assert '<mark class="ev">More than 40 people</mark>' in html
    assert '<mark class="ev">At least 12 people</mark>' in html


def test_reader_marks_spans_and_records(client, corpus):
    html = client.get("/doc/d_herald").text
    ids = corpus[1]
    assert f'id="c-{ids["quote"]}"' in html and f'id="c-{ids["nested"]}"' in html
    assert html.index(f'id="c-{ids["quote"]}"') < html.index(f'id="c-{ids["nested"]}"')  # quantity nested in quote
    assert 'href="https://herald.example/storm"' in html
    assert "What cleaning removed (1 piece)" in html and "sp-removed" in html
    assert "&lt;script&gt;alert(&#39;removed&#39;)" in html


def test_only_http_links_from_source_urls(client):
    html = client.get("/doc/d_xss").text
    assert "url (not a web link)" in html and 'href="javascript' not in html


def test_search_links_to_the_hit(client):
    html = client.get("/search", params={"q": "rebuild"}).text
    m = re.search(r'href="/doc/d_herald\?hl=(\d+)%3A(\d+)#hit"', html)
    assert m
    reader = client.get(f"/doc/d_herald?hl={m.group(1)}:{m.group(2)}").text
    assert re.search(r'<span class="sp sp-hit"[^>]*id="hit"[^>]*>rebuild</span>', reader)
    assert "sp-hit" not in client.get("/doc/d_herald?hl=5:99999").text  # out of range is ignored
    assert client.get("/api/search", params={"q": "50%_"}).json()["documents"] == []  # LIKE wildcards are literal


def test_missing_things_are_404_pages(client):
    for url in ("/doc/nope", "/entity/nope", "/finding/nope", "/nowhere"):
        r = client.get(url)
        assert r.status_code == 404 and "Not found" in r.text and r.headers["content-type"].startswith("text/html")


def test_busy_store_answers_503_with_retry(corpus, monkeypatch):
    from rashomon.web import app as app_mod

    monkeypatch.setattr(app_mod, "BUSY_TIMEOUT", 0.2)
    client = TestClient(create_app(corpus[0]))
    real = duckdb.connect

    def locked(*a, **k):
        raise duckdb.IOException('Could not set lock on file "x": Conflicting lock is held')

    monkeypatch.setattr(duckdb, "connect", locked)
    try:
        page, api = client.get("/"), client.get("/api/findings")
    finally:
        monkeypatch.setattr(duckdb, "connect", real)
    assert page.status_code == 503 and page.headers["retry-after"] == "5"
    assert "store is busy" in page.text and 'http-equiv="refresh"' in page.text
    assert api.status_code == 503 and api.json()["error"] == "The store is busy"


def test_missing_store_fails_at_startup(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        create_app(tmp_path / "absent.duckdb")
