"""The incidents pages: every incident listed, and every figure's reports linked to the words they stand on."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from rashomon import pipeline
from rashomon.options import Options
from rashomon.store import Store
from rashomon.web.app import create_app
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("incidents") / "demo.duckdb"
    store = Store(db)
    pipeline.ingest(store, [EXAMPLES / "demo"], Options())
    pipeline.analyze(store, Options())
    return TestClient(create_app(db)), store


def _analysed(tmp_path, articles: list[dict]) -> tuple[Store, TestClient]:
    """A store of ``articles`` (a scraper's JSON lines) ingested and analysed, and the web app over it."""
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(a) + "\n" for a in articles))
    store = Store(tmp_path / "t.duckdb")
    pipeline.ingest(store, [pile], Options())
    pipeline.analyze(store, Options())
    return store, TestClient(create_app(tmp_path / "t.duckdb"))


def test_every_incident_is_listed_and_each_report_links_to_its_evidence(client):
    c, store = client
    incidents = store.incidents()
    assert incidents and any(i.figures for i in incidents)
    listing = c.get("/incidents")
    assert listing.status_code == 200
    assert sorted(re.findall(r'href="/incident/([^"]+)"', listing.text)) == sorted(i.id for i in incidents)
    claims = {x.id: x for x in store.claims()}
    for inc in incidents:
        page = c.get(f"/incident/{inc.id}")
        assert page.status_code == 200
        links = re.findall(r'class="evlink" href="/doc/([^"#]+)#c-([^"]+)">“([^”]*)”', page.text)
        assert len(links) == sum(len(f.reports) for f in inc.figures)
        for doc, claim, quoted in links:
            assert claims[claim].doc == doc and claims[claim].text == quoted.replace("&#39;", "'")
            assert f'id="c-{claim}"' in c.get(f"/doc/{doc}").text  # the evidence the link scrolls to exists


def test_filters_and_unknown_incidents(client):
    c, store = client
    place = next(i.place for i in store.incidents() if i.place)
    page = c.get("/incidents", params={"place": place.lower()[:4]})
    assert page.status_code == 200 and place in page.text
    assert "No incidents match." in c.get("/incidents", params={"place": "nowhere-at-all"}).text
    assert c.get("/incident/i_missing").status_code == 404


def test_a_toll_read_from_the_headline_links_to_the_title_where_it_is_highlighted(tmp_path):
    article = {"title": "Teen shot, killed in Velmora - KXYZ News", "outlet": "KXYZ", "published": "2024-03-04",
               "text": "VELMORA, Ore. — Police are investigating a shooting on Elm Street on Sunday night. "
                       "Detectives asked witnesses to call the department."}  # fmt: skip
    store, c = _analysed(tmp_path, [article])
    [inc] = store.incidents()
    [report] = inc.figure("killed").reports
    claim = next(x for x in store.claims() if x.id == report.claim)
    assert (report.value, claim.part, claim.text) == (1, "title", "Teen shot, killed")
    assert f'#c-{claim.id}">“Teen shot, killed”' in c.get(f"/incident/{inc.id}").text
    heading = re.search(r"<h1>(.*?)</h1>", c.get(f"/doc/{claim.doc}").text, re.S).group(1)
    assert f'id="c-{claim.id}"' in heading and "Teen shot, killed" in heading


def test_a_round_ups_toll_is_shown_beside_the_incidents_but_not_counted(tmp_path):
    articles = [
        {"title": "Man killed on Kestrel Street in Velmora", "outlet": "KXYZ", "published": "2024-03-04",
         "text": "VELMORA, Ore. — Orrin Palatka, 22, was shot and killed on Kestrel Street early Sunday, "
                 "Velmora police said. Detective Ansel Quarry asked witnesses to call."},
        {"title": "Weekend violence in Velmora", "outlet": "Velmora Ledger", "published": "2024-03-04",
         "text": "VELMORA, Ore. — Four people were killed in separate shootings across Velmora this weekend. "
                 "Three men were shot and killed early Sunday on Kestrel Street, where Orrin Palatka died, "
                 "Detective Ansel Quarry said."},
    ]  # fmt: skip
    store, c = _analysed(tmp_path, articles)
    [inc] = [i for i in store.incidents() if i.figure("killed")]
    killed = inc.figure("killed")
    assert killed.value == 1 and sorted((r.value, r.roundup) for r in killed.reports) == [(1, False), (3, True)]
    page = c.get(f"/incident/{inc.id}").text
    row = re.search(r"<td>3 <span[^>]*>round-up, not counted</span></td>", page)
    assert row is not None  # the round-up's figure is in view, marked as not counted


def test_a_toll_that_counts_the_attacker_is_marked_and_judged_a_scope_difference(tmp_path):
    lead = "VELMORA, Ore. — A gunman opened fire at the Kestrel Street market early Sunday, Velmora police said. "
    articles = [
        {"title": "Rampage at Velmora market", "outlet": "KXYZ", "published": "2024-03-04",
         "text": lead + "Seven people were killed, including the gunman, Orrin Palatka. Detective Ansel Quarry "
                        "asked witnesses to call."},
        {"title": "Six killed at Velmora market", "outlet": "Velmora Ledger", "published": "2024-03-04",
         "text": lead + "Six people were killed by Orrin Palatka, Detective Ansel Quarry said."},
    ]  # fmt: skip
    store, c = _analysed(tmp_path, articles)
    [inc] = [i for i in store.incidents() if i.figure("killed")]
    killed = inc.figure("killed")
    assert killed.status == "scope_difference"
    assert sorted((r.value, r.attacker) for r in killed.reports) == [(6, False), (7, True)]
    page = c.get(f"/incident/{inc.id}").text
    assert re.search(r"<td>7 <span[^>]*>with the attacker</span></td>", page)  # in view beside its figure


def test_the_incident_page_shows_where_its_date_and_place_are_stated(tmp_path):
    article = {"title": "Man shot on Kestrel Street", "outlet": "KXYZ", "published": "2024-03-04",
               "text": "VELMORA, Ore. — Orrin Palatka, 22, was shot and killed on Kestrel Street early Sunday, "
                       "Velmora police said."}  # fmt: skip
    store, c = _analysed(tmp_path, [article])
    [inc] = store.incidents()
    page = c.get(f"/incident/{inc.id}").text
    basis = re.search(r'<ul class="basis">(.*?)</ul>', page, re.S).group(1)
    assert f"<strong>{inc.date}</strong>" in basis  # and the words the day stands on, linked to their span
    assert re.search(r'class="basislink" href="/doc/[^"#]+#c-[^"]+">“Sunday”', basis)
    assert f"<strong>{inc.place}" in basis and re.search(r'class="basislink" href="/doc/[^"]+">“Velmora”', basis)
