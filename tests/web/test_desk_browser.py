"""The fact-checker's desk in Chromium: what a person sees, not only what the markup holds.

Evidence and search hits land inside the viewport below the sticky header and are not covered
(``document.elementFromPoint`` at their centre); the split view shows both sides of a conflict;
the reader's layers switch off and stay off; at 390×844 no page scrolls sideways. Screenshots
of every page at 1440×900 and 390×844 go to test-artifacts/.
"""

from __future__ import annotations

import pytest

from rashomon.records import Document
from rashomon.store import Store

from . import test_browser as tb
from .conftest import build
from .test_browser import ARTIFACTS, Served, Watched

pytestmark = tb.pytestmark
browser, site = tb.browser, tb.site  # the same module-scoped fixtures: Chromium and the fixture store served

SEEN = """(e) => {
  const head = document.querySelector('header.top').getBoundingClientRect();
  const r = e.getClientRects()[0] || e.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 8), y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {top: r.top, bottom: r.bottom, head: head.bottom, vh: innerHeight,
          uncovered: !!hit && (e.contains(hit) || hit.contains(e))};
}"""
LONG = "https://example.org/" + "a-very-long-unbroken-path-segment" * 12
PAGES = {
    "overview": "/",
    "findings": "/findings",
    "compare": "/compare/f_toll",
    "reader": "/doc/d_herald",
    "timeline": "/timeline",
    "matrix": "/matrix",
    "entity": "/entity/e_port",
    "incidents": "/incidents",
    "search": "/search?q=Port+Aven",
    "nooutlet": "/doc/d_long",
}


def visible(page, locator) -> None:
    """The element is inside the viewport, below the sticky header, and nothing covers its centre."""
    s = locator.evaluate(SEEN)
    assert s["top"] >= s["head"] - 1, f"behind the header: {s}"
    assert s["bottom"] <= s["vh"] + 1, f"below the viewport: {s}"
    assert s["uncovered"], f"covered by another element: {s}"


@pytest.fixture(scope="module")
def wide(tmp_path_factory):
    """The web fixture plus a document with no outlet, a long unbroken title and a long URL."""
    db = tmp_path_factory.mktemp("desk") / "desk.duckdb"
    build(db)
    text = "Port Aven mayor speaks " + "x" * 400 + " end."
    Store(db).add_batch(
        [Document("d_long", "fixtures/no-outlet.txt", text, text, "T" * 300, LONG, None, content_hash="h-long")], []
    )
    s = Served(db)
    yield s.url
    s.stop()


@pytest.fixture()
def w(browser):
    watched = Watched(browser)
    yield watched
    watched.context.close()


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_evidence_links_land_below_the_header(browser, site, corpus, width, height):
    w = Watched(browser)
    w.page.set_viewport_size({"width": width, "height": height})
    for claim in corpus[1]["claims"]:
        w.page.goto(site + "/finding/f_toll")
        w.page.locator(f'a.evlink[href$="#c-{claim}"]').click()
        span = w.page.locator(f"#c-{claim}")
        span.wait_for()
        w.page.wait_for_load_state("load")
        assert "targeted" in span.get_attribute("class")
        visible(w.page, span)
    w.page.screenshot(path=str(ARTIFACTS / f"desk-evidence-{width}.png"))
    w.clean()
    w.context.close()


def test_search_hit_lands_below_the_header(w, site):
    w.page.goto(site + "/search?q=rebuild")
    w.page.locator("a.hitlink").first.click()
    hit = w.page.locator("#hit")
    hit.wait_for()
    w.page.wait_for_load_state("load")
    visible(w.page, hit)
    w.clean()


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
def test_top_conflict_in_one_click_both_spans_in_view(w, site, corpus, width, height):
    w.page.set_viewport_size({"width": width, "height": height})
    w.page.goto(site + "/")
    first = w.page.locator("section.contested-first article.contested").first
    assert first.get_attribute("data-status") == "conflict"
    assert "more than 40" in first.inner_text() and "Northgate Times" in first.inner_text()
    first.locator("a.cmplink").click()
    w.page.wait_for_url("**/compare/f_toll")
    w.page.wait_for_load_state("load")
    for i, claim in enumerate(corpus[1]["claims"]):
        visible(w.page, w.page.locator(f"#p{i}-{claim}"))
    w.page.screenshot(path=str(ARTIFACTS / f"desk-compare-{width}.png"))
    w.clean()


def test_findings_partial_entity_and_quiet_toggle(w, site):
    w.page.goto(site + "/findings")
    assert [c.get_attribute("id") for c in w.page.locator("article.finding").all()] == ["f-f_toll"]
    w.page.locator("#show-quiet").click()
    w.page.wait_for_url("**all=1*")
    assert w.page.locator("article.finding").count() == 2
    w.page.fill("input[name=entity]", "aVE")  # part of "Port Aven", any case
    w.page.locator(".filters button[type=submit]").click()
    w.page.wait_for_url("**entity=aVE*")
    assert [c.get_attribute("id") for c in w.page.locator("article.finding").all()] == ["f-f_toll"]
    assert "Port Aven" in w.page.locator("#entity-matches").inner_text()
    w.clean()


def test_reader_layers_switch_off_and_stay_off(w, site, corpus):
    quote = corpus[1]["quote"]
    w.page.goto(site + "/doc/d_herald")
    bg = "e => getComputedStyle(e).backgroundColor"
    entity = w.page.locator(".doctext .sp-entity").first
    assert entity.evaluate(bg) != "rgba(0, 0, 0, 0)"
    w.page.locator("#layers input[data-layer=entity]").uncheck()
    assert entity.evaluate(bg) == "rgba(0, 0, 0, 0)"
    w.page.reload()
    assert not w.page.locator("#layers input[data-layer=entity]").is_checked()
    assert w.page.locator(".doctext .sp-entity").first.evaluate(bg) == "rgba(0, 0, 0, 0)"
    herald = corpus[1]["claims"][0]
    disputed = w.page.locator(f"#c-{herald}")
    assert disputed.get_attribute("data-badge") == "conflict"
    assert "conflict" in disputed.evaluate("e => getComputedStyle(e, '::after').content")
    disputed.click()  # the inspector offers the split view of its contested finding
    w.page.locator("#inspector-body a.cmplink").click()
    w.page.wait_for_url("**/compare/f_toll")
    w.page.go_back()
    w.page.locator("#disputed-only").check()
    assert w.page.locator(f"#c-{quote}").evaluate(bg) == "rgba(0, 0, 0, 0)"
    assert disputed.evaluate(bg) != "rgba(0, 0, 0, 0)"
    w.page.screenshot(path=str(ARTIFACTS / "desk-reader-disputed.png"), full_page=True)
    w.clean()


def test_matrix_cell_links_to_its_findings(w, site):
    w.page.goto(site + "/matrix")
    w.page.locator("#matrix a.mcell").first.click()
    w.page.wait_for_url("**/findings?*with=*")
    assert [c.get_attribute("id") for c in w.page.locator("article.finding").all()] == ["f-f_toll"]
    w.clean()


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
def test_pages_fit_the_screen(browser, wide, width, height):
    w = Watched(browser)
    w.page.set_viewport_size({"width": width, "height": height})
    for name, path in PAGES.items():
        assert w.page.goto(wide + path).status == 200, path
        over = w.page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert over <= 0, f"{path} scrolls sideways by {over}px at {width}px"
        if width < 500:
            head = w.page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().height")
            assert head <= 100, f"header {head}px tall at {width}px"
        w.page.screenshot(path=str(ARTIFACTS / f"desk-{name}-{width}.png"), full_page=True)
    w.page.goto(wide + "/")
    assert "example.org" in w.page.locator("table.docs").inner_text()  # the outlet from the URL's domain
    w.page.goto(wide + "/findings")  # and it is in the outlet filter, like every other outlet
    assert "example.org" in w.page.locator("select[name=outlet]").inner_text()
    w.clean()
    w.context.close()


demo = tb.demo  # the examples through the real pipeline (skipped when it cannot be built)


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
def test_demo_pages_fit_and_are_photographed(browser, demo, width, height):
    url, r = demo
    w = Watched(browser)
    w.page.set_viewport_size({"width": width, "height": height})
    docs = r.documents()
    incidents = r.incidents()
    conflict = next((f for f in r.findings() if f.status == "conflict"), None)
    pages = {
        "overview": "/",
        "findings": "/findings",
        "timeline": "/timeline",
        "matrix": "/matrix",
        "incidents": "/incidents",
        "reader": f"/doc/{max(docs, key=lambda d: len(d.text)).id}",
    }
    if incidents:
        pages["incident"] = f"/incident/{incidents[0].id}"
    if conflict:
        pages["compare"] = f"/compare/{conflict.id}"
    for f in r.findings():  # every contested finding: both spans on one screen, desktop and phone
        if f.status in ("conflict", "update", "scope_difference"):
            w.page.goto(url + f"/compare/{f.id}")
            w.page.wait_for_load_state("load")
            for span in w.page.locator(".pane .sp.focus[id]").all():
                visible(w.page, span)
    for name, path in pages.items():
        assert w.page.goto(url + path).status == 200, path
        over = w.page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert over <= 0, f"{path} scrolls sideways by {over}px at {width}px"
        w.page.screenshot(path=str(ARTIFACTS / f"demo-desk-{name}-{width}.png"), full_page=True)
    if any(e.name == "Ilse Marren" for e in r.entities()):  # the planted mayor, found by part of her name
        w.page.goto(url + "/findings?entity=marren&all=1")
        assert "Ilse Marren" in w.page.locator("#entity-matches").inner_text()
        assert w.page.locator("article.finding").count() >= 1
    w.page.goto(url + "/timeline")
    if any(i.date for i in incidents):  # the incident layer: a lane, and rows linking to each incident
        assert "incidents" in w.page.locator(".legend").first.inner_text() and w.page.locator("a.inclink").count() >= 1
    dates = [f for f in r.findings() if f.kind == "date" and f.status == "conflict"]
    if dates:  # the planted 19-vs-20 April siege start: a bracket in the zoomed chart
        assert w.page.locator("#zoomed .bracket").count() >= 1
        assert "vs" in w.page.locator("#zoomed .bracket-label").first.text_content()
    w.clean()
    w.context.close()


demo = tb.demo  # the examples/demo corpus through the real pipeline


def test_the_reports_incidents_show_the_words_each_figure_stands_on(w, demo, tmp_path):
    from rashomon.web.report import write_report

    _, r = demo
    out = write_report(r, tmp_path / "report.html")
    w.page.goto(out.as_uri())
    w.page.locator('nav.report-nav a[href="#incidents"]').click()
    evidence = w.page.locator("#incidents article.incident mark.ev")
    assert evidence.count() == sum(len(f.reports) for i in r.incidents() for f in i.figures) > 0
    visible(w.page, evidence.first)  # one click from the top: the first incident's evidence is in view
    w.page.screenshot(path=str(ARTIFACTS / "report-incidents.png"))
    w.clean(inline_scripts=1)
