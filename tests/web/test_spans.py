"""Span rendering: nesting, crossing, escaping, and the evidence sentence."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given, strategies as st

from rashomon.web.spans import Span, render, sentence

TAG = re.compile(r"<[^>]*>")


def well_formed(html: str) -> bool:
    depth = 0
    for tag in re.findall(r"</?span\b", html):
        depth += -1 if tag.startswith("</") else 1
        if depth < 0:
            return False
    return depth == 0


def test_nested_quantity_inside_quote_opens_inside():
    text = "He said “we lost 40 homes” today."
    q0, n0 = text.index("“"), text.index("40 homes")
    html = render(
        text, [Span(n0, n0 + 8, "quantity", "c2", "c-c2"), Span(q0, text.index("”") + 1, "quote", "c1", "c-c1")]
    )
    assert html.index('data-ref="c1"') < html.index('data-ref="c2"')
    assert html.count('id="c-c1"') == 1 and html.count('id="c-c2"') == 1
    assert unescape(TAG.sub("", html)) == text and well_formed(html)


def test_crossing_spans_are_split_and_keep_one_anchor():
    text = "abcdefghij"
    html = render(text, [Span(0, 6, "quote", "q", "c-q"), Span(4, 9, "entity", "e", "m-e")])
    assert html.count('data-ref="e"') == 2  # closed at the quote's end, reopened after it
    assert html.count('id="m-e"') == 1
    assert unescape(TAG.sub("", html)) == text and well_formed(html)


def test_markup_in_text_and_attributes_is_escaped():
    text = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    html = render(text, [Span(0, 8, "quote", 'x" onmouseover="alert(3)', "c-1", title='"><b>t</b>')])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert 'onmouseover="' not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_bad_offsets_are_dropped_not_fatal():
    html = render("short", [Span(3, 99, "quantity", "a"), Span(4, 4, "time", "b"), Span(-1, 2, "event", "c")])
    assert str(html) == "short"


@given(
    st.text(alphabet="ab<>&\"' \n“”", max_size=40),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["entity", "quote", "quantity"])), max_size=6
    ),
)
def test_any_spans_round_trip_to_the_text(text, raw):
    spans = [Span(min(a, b), max(a, b), k, f"r{i}", f"a{i}") for i, (a, b, k) in enumerate(raw)]
    html = str(render(text, spans))
    assert unescape(TAG.sub("", html)) == text
    assert well_formed(html)
    assert "<" not in TAG.sub("", html)


def test_sentence_around_a_span():
    text = "First one. The army said 40 villages fell. Last one!"
    s, e = text.index("40"), text.index("40") + 2
    ex = sentence(text, s, e)
    assert (ex.before, ex.span, ex.after) == ("The army said ", "40", " villages fell.")
    assert (ex.span_start, ex.span_end) == (s, e)
    assert "<mark" in ex.html and text[ex.start : ex.end].startswith("The army")
