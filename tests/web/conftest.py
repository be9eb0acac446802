"""A small fictional store built by hand for the web tests (no model, no ingest rules):
two outlets disagreeing on a death toll, one hostile document full of markup, and every
corpus-level record the pages show. Offsets are computed from the texts themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.records import (
    Claim,
    Document,
    Entity,
    Extraction,
    Finding,
    FramingHit,
    IngestError,
    Mention,
    Removal,
    SourceCount,
    Story,
    TimelineEntry,
    claim_id,
    make_claim,
)
from rashomon.store import Store

HERALD = (
    "Storm surge hits Port Aven\n\nMore than 40 people were killed in Port Aven on Saturday, officials said. "
    "Rescue teams worked through the night.\n“We will rebuild Port Aven within six months,” Mira Castellan said. "
    "The flooding was the worst since 1987."
)
TIMES = (
    "Port Aven counts its dead\n\nAt least 12 people were killed in Port Aven on Saturday, "
    "the mayor's office said. Mira Castellan, the governor, promised help."
)
XSS = (
    "<script>alert('text')</script> Officials said <img src=x onerror=alert('img')> 25 people were injured. "
    "<a href=\"javascript:alert('link')\">details</a> AT&amp;T &lt;b&gt;bold&lt;/b&gt; — "
    "\u201c<svg onload=alert('quote')>\u201d, said <b onmouseover=alert('speaker')>Ms X</b>."
)
BOILER = "Must Read <script>alert('removed')</script>\n"


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def _doc(
    id_: str,
    text: str,
    outlet: str,
    published: str,
    title: str,
    url: str,
    raw: str | None = None,
    removed: tuple[Removal, ...] = (),
) -> Document:
    return Document(
        id=id_,
        source=f"fixtures/{id_}.txt",
        text=text,
        raw_text=raw or text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        published_how="metadata",
        content_hash=f"h-{id_}",
        removed=removed,
    )


def _claim(doc: str, text: str, kind: str, sub: str, **fields) -> Claim:
    s, e = at(text, sub)
    return make_claim(
        id=claim_id(doc, kind, s, e), doc=doc, kind=kind, start=s, end=e, text=sub, stage="fixture@1", **fields
    )


def build(path: Path) -> dict[str, object]:
    """Write the fixture store at ``path``; return the ids the tests refer to."""
    store = Store(path)
    docs = [
        _doc(
            "d_herald",
            HERALD,
            "Valdoria Herald",
            "2025-05-03",
            "Storm surge hits Port Aven",
            "https://herald.example/storm",
            raw=BOILER + HERALD,
            removed=(Removal(0, len(BOILER), "boilerplate", BOILER.strip()),),
        ),
        _doc(
            "d_times", TIMES, "Northgate Times", "2025-05-04", "Port Aven counts its dead", "http://times.example/dead"
        ),
        _doc(
            "d_xss",
            XSS,
            "<b>Evil</b> Outlet",
            "2025-05-05",
            "<script>alert('title')</script>",
            "javascript:alert('url')",
        ),
    ]
    store.add_batch(docs, [IngestError("bad<script>.txt", "empty document <img src=x onerror=alert('err')>", "E101")])
    q_h = _claim("d_herald", HERALD, "quantity", "More than 40 people", value=40.0, change=">", what="people killed")
    q_t = _claim("d_times", TIMES, "quantity", "At least 12 people", value=12.0, change=">", what="people killed")
    s, e = at(HERALD, "“We will rebuild Port Aven within six months,” Mira Castellan said")
    ss, se = at(HERALD, "Mira Castellan", 0)
    quote = make_claim(
        id=claim_id("d_herald", "quote", s, e),
        doc="d_herald",
        kind="quote",
        start=s,
        end=e,
        text=HERALD[s:e],
        stage="fixture@1",
        speaker="e_mira",
        speaker_text="Mira Castellan",
        speaker_start=ss,
        speaker_end=se,
        cue="said",
        direct=True,
        content_start=s + 1,
        content_end=at(HERALD, "months")[1],
    )
    dur = _claim("d_herald", HERALD, "quantity", "six months", value=6.0, unit="month")  # nested in the quote
    when = _claim("d_herald", HERALD, "time", "Saturday", value_iso="2025-05-03", timex_type="DATE")
    old = _claim("d_herald", HERALD, "time", "1987", value_iso="1987", timex_type="DATE")
    q_x = _claim("d_xss", XSS, "quantity", "25 people", value=25.0, what="<i>people</i> injured")
    s, e = at(XSS, "\u201c<svg onload=alert('quote')>\u201d, said <b onmouseover=alert('speaker')>Ms X</b>")
    quote_x = make_claim(
        id=claim_id("d_xss", "quote", s, e),
        doc="d_xss",
        kind="quote",
        start=s,
        end=e,
        text=XSS[s:e],
        stage="fixture@1",
        speaker_text="<b onmouseover=alert('speaker')>Ms X</b>",
        cue="said",
    )
    pa_h, pa_t = at(HERALD, "Port Aven", 1), at(TIMES, "Port Aven", 1)
    mira_h, mira_t = at(HERALD, "Mira Castellan"), at(TIMES, "Mira Castellan")
    img = at(XSS, "<img src=x onerror=alert('img')>")
    m = {
        "herald": [
            Mention("d_herald", *pa_h, "Port Aven", "GPE"),
            Mention("d_herald", *mira_h, "Mira Castellan", "PERSON"),
        ],
        "times": [
            Mention("d_times", *pa_t, "Port Aven", "GPE"),
            Mention("d_times", *mira_t, "Mira Castellan", "PERSON"),
        ],
        "xss": [Mention("d_xss", *img, XSS[img[0] : img[1]], "ORG")],
    }
    store.save_extractions(
        [
            Extraction("d_herald", tuple(m["herald"]), (q_h, quote, dur, when, old), stages=("fixture@1",)),
            Extraction("d_times", tuple(m["times"]), (q_t,), stages=("fixture@1",)),
            Extraction("d_xss", tuple(m["xss"]), (q_x, quote_x), stages=("fixture@1",)),
        ]
    )
    # a later stage failed on the hostile document: its error is shown, its reason is text
    store.save_extractions(
        [Extraction("d_xss", error="ValueError: <img src=x onerror=alert('exerr')>", stages=("fixture@2",))]
    )
    entities = [
        Entity("e_port", "Port Aven", "GPE", ("Port Aven", "Aven"), (m["herald"][0], m["times"][0])),
        Entity(
            "e_mira",
            "Mira Castellan",
            "PERSON",
            ("Mira Castellan", "Governor Castellan"),
            (m["herald"][1], m["times"][1]),
            {"role": "governor"},
        ),
        Entity(
            "e_xss", "<img src=x onerror=alert('entity')>", "ORG", ("<script>alert('alias')</script>",), tuple(m["xss"])
        ),
    ]
    conflict = Finding(
        "f_toll",
        "conflict",
        "Port Aven death toll: more than 40 vs at least 12",
        (q_h.id, q_t.id),
        (
            SourceCount("more than 40", (q_h.id,), ("Valdoria Herald",), 1),
            SourceCount("at least 12", (q_t.id,), ("Northgate Times",), 1),
        ),
        "quantity",
        "people killed",
        "s_storm",
        ("e_port",),
        ("Northgate Times", "Valdoria Herald"),
    )
    evil = Finding(
        "f_evil",
        "single_source",
        "<script>alert('finding')</script> injured",
        (q_x.id,),
        (SourceCount("<img src=x onerror=alert('value')>", (q_x.id,), ("<b>Evil</b> Outlet",), 1),),
        "quantity",
        "<i>key</i>",
        "s_storm",
        ("e_xss",),
        ("<b>Evil</b> Outlet",),
        ("<script>alert('flag')</script>",),
    )
    killed_h, killed_t = at(HERALD, "killed"), at(TIMES, "killed")
    framing = [
        FramingHit("d_herald", *killed_h, "killed", "violence", "killed", "casualty-verbs", "Valdoria Herald"),
        FramingHit("d_times", *killed_t, "killed", "violence", "killed", "casualty-verbs", "Northgate Times"),
        FramingHit(
            "d_xss",
            *at(XSS, "injured"),
            "injured",
            "violence",
            "<svg onload=alert('term')>",
            "casualty-verbs",
            "<b>Evil</b> Outlet",
        ),
    ]
    timeline = [
        TimelineEntry("1987", "Worst flooding before this one", (old.id,), ("Valdoria Herald",), ("d_herald",)),
        TimelineEntry(
            "2025-05-03",
            "Storm surge hits Port Aven",
            (when.id,),
            ("Valdoria Herald", "Northgate Times"),
            ("d_herald", "d_times"),
        ),
        TimelineEntry(
            "2025-05-05", "<script>alert('timeline')</script>", (q_x.id,), ("<b>Evil</b> Outlet",), ("d_xss",)
        ),
    ]
    store.replace_corpus(
        entities=entities,
        stories=[Story("s_storm", "Port Aven storm", ("d_herald", "d_times", "d_xss"))],
        findings=[conflict, evil],
        framing=framing,
        timeline=timeline,
        speakers={quote.id: "e_mira"},
    )
    return {
        "conflict": "f_toll",
        "claims": (q_h.id, q_t.id),
        "quote": quote.id,
        "nested": dur.id,
        "xss_doc": "d_xss",
        "xss_quote": quote_x.id,
    }


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    return path, build(path)
