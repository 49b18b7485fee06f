"""The second look (cleaner/fallback.py): a scrap of a page is never handed back silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean, fallback
from cleaner.cli import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "article-under-chrome-named-layout"
PROSE = ("<p>Councillors voted on Tuesday night to close the swimming baths at the end of March, ending "
         "a campaign that had run for three years and drawn thousands of signatures.</p>")
FOOTER = '<div class="site-info"><p>The Gazette is published by Riverside Media Ltd, registered in England.</p></div>'


def page(article: str, wrapper: str = "with-comments-column", title: str = "Riverside Gazette") -> str:
    return (f"<html><head><title>{title}</title></head><body><div class='{wrapper}'><div class='col'>"
            f"{article}</div></div>{FOOTER}</body></html>")


def test_article_lost_to_a_footer_blurb_is_brought_back() -> None:
    # Every paragraph sits under a box named like a comment section, so the reader's prose
    # scores nothing and the footer's one sentence wins; readability-lxml finds the article.
    result = clean((FIXTURE / "input.html").read_bytes(), kind="html")
    extraction = result.metadata["extraction"]
    assert extraction["path"] == "readability"
    assert extraction["reader_words"] < 20 and extraction["second_opinion_words"] > 150
    assert result.text.startswith("Swimming baths to close after council vote")
    assert "locally listed" in result.text
    assert "Riverside Media Ltd" not in result.text
    assert {"rule": fallback.FALLBACK, "category": "boilerplate",
            "text": "The Riverside Gazette is published by Riverside Media Ltd, registered in England and Wales.",
            "where": "/html/body/div[2]/p"} in result.removed


def test_explain_names_the_path_that_won(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(FIXTURE / "input.html")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("extraction: readability (kept only")


def test_a_long_article_is_not_second_guessed(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(html: str) -> tuple[str, frozenset[str]]:
        raise AssertionError("the second reader was asked")

    monkeypatch.setattr(fallback, "readability_article", never)
    result = clean(page("<h2>Baths to close</h2>" + PROSE * 5, wrapper="col-main"), kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
    assert "swimming baths" in result.text


def test_a_short_article_below_its_headline_is_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(html: str) -> tuple[str, frozenset[str]]:
        raise AssertionError("the second reader was asked")

    monkeypatch.setattr(fallback, "readability_article", never)
    short = "<h1>Baths to close after council vote</h1>" + PROSE
    result = clean(page(short, wrapper="col-main", title="Baths to close after council vote"), kind="html")
    extraction = result.metadata["extraction"]
    assert extraction["path"] == "reader" and extraction["reason"].endswith("starts below the headline")
    assert extraction["reader_words"] < fallback.SMALL_WORDS
    assert result.text.startswith("Baths to close after council vote\n\nCouncillors voted")


def test_a_second_text_that_is_not_the_pages_blocks_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    invented = " ".join(["words the page never held"] * 60)
    monkeypatch.setattr(fallback, "readability_article", lambda html: (invented, frozenset({invented})))
    result = clean((FIXTURE / "input.html").read_bytes(), kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
    assert result.metadata["extraction"]["reason"].endswith("the second reader's text is not the page's blocks")


def test_a_second_reader_that_finds_no_more_leaves_the_reader_s_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fallback, "readability_article", lambda html: ("", frozenset()))
    result = clean((FIXTURE / "input.html").read_bytes(), kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
    assert result.metadata["extraction"]["second_opinion_words"] == 0
    assert result.text.startswith("The Riverside Gazette is published")


@pytest.mark.parametrize("case, path", [
    ("text/01_wire_ap", "text-rules"),           # a tidy article: the rules only
    ("textdump/01_news_en", "text-page-dump"),  # a whole page flattened to text
])
def test_text_input_names_its_path(case: str, path: str) -> None:
    source = FIXTURE.parent.parent / case / "input.txt"
    assert clean(source.read_bytes(), kind="text").metadata["extraction"]["path"] == path


def test_a_page_past_the_size_cap_gets_no_second_look(monkeypatch: pytest.MonkeyPatch) -> None:
    # readability-lxml's cost grows faster than the page: a huge page of boxes is never handed to it.
    def never(html: str) -> tuple[str, frozenset[str]]:
        raise AssertionError("the second reader was asked")

    monkeypatch.setattr(fallback, "readability_article", never)
    monkeypatch.setattr(fallback, "MAX_PAGE_CHARS", 1000)
    result = clean((FIXTURE / "input.html").read_bytes(), kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
    assert result.metadata["extraction"]["reason"].endswith("the page is too large for a second look")


def test_a_second_reader_that_raises_is_no_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    import readability

    class Broken:
        def __init__(self, html: str) -> None:
            raise RuntimeError("readability blew up")

    monkeypatch.setattr(readability, "Document", Broken)
    result = clean((FIXTURE / "input.html").read_bytes(), kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
    assert result.metadata["extraction"]["second_opinion_words"] == 0


DISCLAIMER_PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "short-post-beside-a-long-disclaimer"


def test_a_short_post_the_page_describes_beats_a_longer_sidebar_blurb() -> None:
    """The reader kept a sidebar disclaimer; readability-lxml's text is shorter, so only the
    page's description (whose words are in it and not in the disclaimer) says it is the article."""
    result = clean((DISCLAIMER_PAGE / "input.html").read_bytes(), kind="html")
    extraction = result.metadata["extraction"]
    assert extraction["path"] == "readability"
    assert extraction["second_opinion_words"] < extraction["reader_words"]
    assert "Tidewater Paper" in result.text and "take it down" not in result.text


@pytest.mark.parametrize("description", [None, "Too short to judge", "We gladly credit every photograph we use on this blog and take down any you ask us to."])
def test_without_a_description_that_points_away_the_longer_text_wins(description: str | None) -> None:
    """No description, one too short to judge, or one the kept text holds: the old rule stands."""
    html = (DISCLAIMER_PAGE / "input.html").read_text(encoding="utf-8")
    start = html.index('<meta name="description"')
    html = html[:start] + html[html.index(">", start) + 1:]
    if description:
        html = html.replace("<head>", f'<head><meta name="description" content="{description}">')
    result = clean(html, kind="html")
    assert result.metadata["extraction"]["path"] == "reader"
