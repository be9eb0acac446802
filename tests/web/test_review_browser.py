"""Reviewing in Chromium (``rashomon serve --review``): a person clicks "confirmed" on a finding,
the browser comes back to the findings page with the verdict's badge in view, and the store holds
the review beside the machine's verdict."""

from __future__ import annotations

import pytest

import rashomon
from rashomon.web.app import allowed_hosts

from . import test_browser as tb
from .conftest import build
from .test_browser import ARTIFACTS, Served, Watched
from .test_desk_browser import visible

pytestmark = tb.pytestmark
browser = tb.browser  # the same module-scoped fixture: Chromium


@pytest.fixture()
def reviewing(tmp_path):
    db = tmp_path / "review.duckdb"
    build(db)
    s = Served(db, hosts=allowed_hosts("127.0.0.1"), review=True)
    yield db, s.url
    s.stop()


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_confirm_a_finding_and_see_the_badge_in_view(browser, reviewing, width, height):
    db, site = reviewing
    w = Watched(browser)
    w.page.set_viewport_size({"width": width, "height": height})
    w.page.goto(site + "/findings?status=conflict")
    card = w.page.locator("article#f-f_toll")
    assert card.locator(".rv").count() == 0 and card.get_attribute("data-review") == "unreviewed"
    card.locator("input[name=note]").fill("the mayor's office confirmed both figures")
    card.locator("button.rvbtn", has_text="confirmed").click()
    w.page.wait_for_url("**/findings?status=conflict#f-f_toll")
    w.page.wait_for_load_state("load")
    badge = w.page.locator("article#f-f_toll header .rv.rv-confirmed").first
    badge.wait_for()
    visible(w.page, badge)
    assert "the mayor's office confirmed both figures" in w.page.locator("article#f-f_toll .review-said").inner_text()
    assert w.page.locator("article#f-f_toll").get_attribute("data-review") == "confirmed"
    w.page.screenshot(path=str(ARTIFACTS / f"web-review-{width}.png"))
    w.clean()
    w.context.close()
    [rv] = rashomon.open(db, read_only=True).reviews()
    assert (rv.verdict, rv.applies_to, rv.status) == ("confirmed", "f_toll", "conflict")


def test_review_from_the_split_view_shows_on_the_overview_and_in_the_reader(browser, reviewing):
    db, site = reviewing
    w = Watched(browser)
    w.page.goto(site + "/compare/f_toll")
    w.page.locator(".review-form button.rvbtn", has_text="wrong").click()
    w.page.wait_for_url("**/compare/f_toll#f-f_toll")
    assert w.page.locator("h1 .rv.rv-wrong").is_visible()
    w.page.goto(site + "/")
    assert w.page.locator("article.contested#x-f_toll .rv.rv-wrong").is_visible()
    w.page.goto(site + "/doc/d_herald")
    span = w.page.locator(".sp.disputed.rv-wrong").first
    assert span.get_attribute("data-badge") == "conflict · wrong"
    span.click()
    assert "reviewed: wrong" in w.page.locator("#inspector-body").inner_text()
    w.clean()
    w.context.close()
