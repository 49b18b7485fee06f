"""Properties of the HTML reader on generated pages and arbitrary bytes.

No crash on any input, no word in the output that was not in the page, every block's
verdict accounted for (removed ones with a rule id), and no visible word lost unrecorded.
"""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import InputError, clean
from properties import assert_conserves, assert_invents_nothing, tokens

WORDS = st.sampled_from(
    "harbour council voted budget library river storm ferry winter village museum school bridge "
    "Advertisement Share Related Photo: (AP Photo/Jane Roe) Subscribe newsletter © By Jane Doe".split(" "))
TEXT = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)
OPENERS = st.sampled_from([
    "<p>", "<div>", "<div class='advertisement'>", "<aside class='related'>", "<div id='comments'>",
    "<nav>", "<article>", "<section class='content'>", "<ul><li>", "<blockquote>", "<h2>", "<figure>",
    "<figcaption>", "<span class='credit'>", "<table><tr><td>", "<b>", "<a href='/x'>", "<pre>",
    "<div style='display:none'>", "<button>", "<footer>", "<header>",
])


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Pages of nested, often unclosed, elements with words and images between them."""
    parts = ["<html><head><title>", draw(TEXT), "</title></head><body>"]
    for _ in range(draw(st.integers(1, 30))):
        choice = draw(st.integers(0, 5))
        if choice <= 1:
            parts.append(draw(OPENERS))
        elif choice == 2:
            parts.append(draw(st.sampled_from(["</p>", "</div>", "</li></ul>", "</figure>", "</a>", "</b>"])))
        elif choice == 3:
            parts.append(f"<img src='/i/{draw(st.integers(0, 9))}.jpg' alt='{draw(TEXT)}'>")
        else:
            parts.append(html.escape(draw(TEXT)))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return " ".join(parts)


def _visible_tokens(page: str) -> set[str]:
    """Words between the tags of the body (the generated pages have no scripts or styles)."""
    body = page.split("<body>", 1)[-1]
    return tokens(html.unescape(re.sub(r"<[^>]*>", " ", body)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_generated_pages_keep_every_promise(page: str) -> None:
    url = "https://news.example/a/b"
    result = clean(page, kind="html", url=url)
    assert_invents_nothing(f"{html.unescape(page)} {page} {url}", result)
    assert_conserves(result)
    for entry in result.removed:
        assert entry["rule"] and entry["where"], entry
    accounted = tokens(" ".join(b.text for b in result.blocks)) | tokens(
        " ".join(r["text"] for r in result.removed)) | tokens(
        " ".join(f"{i['caption']} {i['credit']} {i['alt']}" for i in result.images)) | tokens(
        str(result.metadata)) | tokens(result.title or "")
    assert _visible_tokens(page) <= accounted


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_either_clean_or_a_clear_error(data: bytes) -> None:
    try:
        result = clean(data, kind="html")
    except InputError:
        return
    assert isinstance(result.text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_any_text_cleans(text: str) -> None:
    result = clean(text, kind="html")
    assert isinstance(result.text, str)
    assert_invents_nothing(html.unescape(text) + " " + text, result)


def test_a_credit_label_is_recorded_with_its_figure() -> None:
    """Found by hypothesis: "Photo:" was stripped from a figure's credit and recorded nowhere."""
    page = ("<html><head><title>harbour</title></head><body><p>Photo: Jane Roe <span class='credit'>"
            "<img src='/i/0.jpg' alt='harbour'></body></html>")
    result = clean(page, kind="html", url="https://news.example/a/b")
    assert [image["credit"] for image in result.images] == ["Jane Roe"]
    figure = [b for b in result.blocks if b.verdict == "image"]
    assert figure and "Photo" in figure[0].text
