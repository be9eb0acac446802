"""Fictional fixtures for the ingest tests (made-up outlets, people and places)."""

from __future__ import annotations

import pytest

STORY = (
    "Ferry strike ends in Velmora\n\n"
    "VELMORA (Coastwire) - Ferry crews in Velmora returned to work on Thursday after a nine-day strike "
    "that stranded about 3,000 islanders on Ostrand, the harbour authority said.\n\n"
    "The union accepted a pay rise of 4 percent over two years, its leader Maren Holt told reporters "
    "outside the harbour office, and said the crews would make up the cancelled sailings this weekend.\n\n"
    "Shops on Ostrand had run short of milk and fuel during the strike, and the island school had closed "
    "for three days because teachers from the mainland could not cross.\n"
)

PAGE = """<!doctype html><html><head><title>Ferry strike ends | Velmora Courier</title>
<meta name="author" content="Ana Brisk"><meta property="og:site_name" content="Velmora Courier">
<meta property="article:published_time" content="2022-05-12T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry strike ends in Velmora</h1>
<p>Ferry crews in Velmora returned to work on Thursday after a nine-day strike that stranded about
3,000 islanders on Ostrand, the harbour authority said in a statement on its website.</p>
<p>The union accepted a pay rise of 4 percent over two years, its leader Maren Holt told reporters outside
the harbour office, and said the crews would make up the cancelled sailings this weekend.</p>
<p>Shops on Ostrand had run short of milk and fuel during the strike, and the island school had closed for
three days because teachers from the mainland could not cross the strait.</p>
</article><footer>Copyright Velmora Courier. <a href="/privacy">Privacy</a></footer></body></html>
"""


@pytest.fixture()
def story() -> str:
    return STORY


@pytest.fixture()
def page() -> str:
    return PAGE
