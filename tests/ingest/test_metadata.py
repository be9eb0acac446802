"""Metadata: title, outlet (domain, wire credit, never a dateline place), author, date and how."""

from __future__ import annotations

import pytest

from rashomon.ingest import prepare
from rashomon.ingest.metadata import language, outlet_from_url, parse_date
from rashomon.options import Options
from rashomon.records import RawDocument

BODY = (
    "Ferry crews in Velmora returned to work on Thursday after a nine-day strike that stranded about 3,000 "
    "islanders on Ostrand, the harbour authority said in a statement."
)


def doc(text: str, **meta):
    return prepare(RawDocument(source="t.txt", text=text, **meta), Options())


@pytest.mark.parametrize(
    "value,iso",
    [
        ("2022-05-12T08:00:00Z", "2022-05-12"),
        ("May 12, 2022", "2022-05-12"),
        ("12 May 2022", "2022-05-12"),
        ("12.05.2022", "2022-05-12"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("2022-02-30", None),
        ("soon", None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    "url,name",
    [
        ("https://www.velmora-courier.example/a", "Velmora Courier"),
        ("https://news.harbourgazette.co.uk/x", "Harbourgazette"),
        ("http://m.coastwire.com.vl/y", "Coastwire"),
        ("http://10.0.0.1/", None),
        (None, None),
    ],
)
def test_outlet_from_url(url, name):
    assert outlet_from_url(url) == name


def test_metadata_fields_win_over_text():
    d = doc(
        "Headline here\n\nBy Ana Brisk\n\n" + BODY,
        author="Tomas Reyl",
        published="2021-01-02",
        outlet="Velmora Courier",
        url="https://ostrand-post.example/x",
    )
    assert (d.author, d.published, d.published_how, d.outlet) == (
        "Tomas Reyl",
        "2021-01-02",
        "metadata",
        "Velmora Courier",
    )


def test_text_title_byline_and_leading_date_stamp():
    d = doc(" date 2020-03-04 Strike ends in Velmora\n\nBy Ana Brisk and Tomas Reyl\n\n" + BODY)
    assert d.title == "Strike ends in Velmora" and d.author == "Ana Brisk and Tomas Reyl"
    assert (d.published, d.published_how, d.published_evidence) == ("2020-03-04", "text", "date 2020-03-04")
    assert [r.rule for r in d.removed] == ["dateline", "byline"]
    assert d.text.startswith("Strike ends in Velmora\n\nFerry crews")


def test_a_page_stamp_earlier_than_the_metadata_date_is_the_article_date():
    """A scraper's date can be its crawl: the page's own "Created" stamp, a year and a half earlier, wins; a
    stamp that may be read two ways ("08/10/2015": August or October) does not."""
    head = "Updated: 08/26/2015 6:53 PM  Created: 08/26/2015 5:11 AM Velmora.com  By: Ana Brisk\n\n"
    d = doc(head + BODY, published="2017-01-28")
    assert (d.published, d.published_how) == ("2015-08-26", "text")
    assert "its metadata: 2017-01-28" in d.published_evidence
    d = doc(head.replace("08/26/2015", "08/10/2015") + BODY, published="2017-01-28")
    assert (d.published, d.published_how) == ("2017-01-28", "metadata")
    d = doc(head.replace("08/26/2015", "01/27/2017") + BODY, published="2017-01-28")  # a day before: the same
    assert (d.published, d.published_how) == ("2017-01-28", "metadata")


def test_a_sentence_is_not_a_title():
    assert doc(BODY + "\n\n" + BODY.replace("Thursday", "Friday")).title is None


def test_dateline_place_is_not_an_outlet_but_a_wire_credit_is():
    d = doc("Strike ends\n\nVELMORA: " + BODY)
    assert d.outlet is None
    d = doc("Strike ends\n\nVELMORA, May 12, 2022 (Coastwire) - " + BODY)
    assert (d.outlet, d.published, d.published_how) == ("Coastwire", "2022-05-12", "text")
    assert "VELMORA, May 12, 2022 (Coastwire)" in d.text  # a dateline in the lede is prose: kept
    d = doc("Strike ends\n\n" + BODY + "\n\n— Coastwire")
    assert d.outlet == "Coastwire" and [r.rule for r in d.removed] == ["credit"]


def test_reporting_credit_gives_the_author():
    d = doc("Strike ends\n\n" + BODY + "\n\n(Reporting by Maren Holt; Editing by Ivo Dast)")
    assert d.author == "Maren Holt"


def test_language_is_detected_and_deterministic():
    assert language(BODY) == "en"
    assert language("Les équipages des ferries de Velmora ont repris le travail jeudi après une grève.") == "fr"
    assert language("42") is None
