"""Unit tests of the HTML reader's parts: parsing, selectors, figures, metadata."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from cleaner import clean, default_rules
from cleaner.figures import _largest_candidate, split_credit
from cleaner.html import _matches
from cleaner.htmlparse import XML_INVALID, Paths, parse
from cleaner.metadata import BYLINE_SELECTORS, _byline_elements, dateline_dates, iso_date

PROSE = ("<p>The river rose overnight, and by morning the water had reached the steps of the church, "
         "where volunteers were filling sandbags, handing out tea and moving furniture upstairs.</p>") * 3


def test_str_with_xml_declaration_and_encoding() -> None:
    page = f'<?xml version="1.0" encoding="ISO-8859-1"?><html><body><div>{PROSE}</div></body></html>'
    assert "sandbags" in clean(page, kind="html").text


def test_bytes_declared_latin1_are_decoded_by_the_declaration() -> None:
    page = f'<?xml version="1.0" encoding="ISO-8859-1"?><html><body><div><p>Café crème, {PROSE}</p></div></body></html>'
    assert "Café crème" in clean(page.encode("iso-8859-1"), kind="html").text


@pytest.mark.parametrize("page", ["", "   ", "</p>", "<html>", "\x00\x00<p>", "<!DOCTYPE html>"])
def test_empty_or_junk_pages_give_an_empty_result(page: str) -> None:
    assert clean(page, kind="html").text == ""


def test_unclosed_title_does_not_swallow_the_page() -> None:
    page = "<html><head><title>Flood warning\n<script>var x = 1;</script></head><body><div>" + PROSE * 3
    assert "sandbags" in clean(page, kind="html").text


@pytest.mark.parametrize("head", [
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" />',  # libxml2 closed the root: the page was dropped
    "<HTML/>",
    "<html><head><title>Flood warning</title></head><body class='home' />",  # the page sat outside the body
    "<html><body/>",
])
def test_a_self_closed_html_or_body_tag_does_not_lose_the_page(head: str) -> None:
    page = f"{head}<div>{PROSE}</div></html>"
    assert "sandbags" in clean(page, kind="html").text


def test_a_page_rewritten_for_a_self_closed_tag_keeps_its_attributes_and_the_rest_as_it_was() -> None:
    root = parse(f'<html lang="de" /><head><title>T</title></head><body><div id="a"><br/>{PROSE}</div></body>').getroot()
    assert root.get("lang") == "de" and root.find("body/div").get("id") == "a"
    assert root.find("body/div/br") is not None  # only the root's slash was taken off
    assert parse(f"<html><body><div>{PROSE}</div><br/></body></html>").getroot().find("body/br") is not None


@pytest.mark.parametrize("page", [
    f"<html><body><p>Menu</p></body></html><div>{PROSE}</div>",  # libxml2 dropped all after </html>
    f"<html><body><p>Menu</p></body><div>{PROSE}</div></html>",  # ... and left this outside the body
    f"<html><body><p>Menu</p></body></html>\n<!DOCTYPE html><html><body><div>{PROSE}</div></body></html>",
])
def test_what_follows_the_end_of_body_or_html_is_read_as_a_browser_does(page: str) -> None:
    result = clean(page, kind="html")
    assert "sandbags" in result.text


def test_end_tags_with_nothing_after_them_are_left_as_they_are() -> None:
    from cleaner.htmlparse import _without_early_ends

    page = f"<html><body><div>{PROSE}</div></body>\n</html>\n  "
    assert _without_early_ends(page) is page
    assert "</body>" not in _without_early_ends(page + "<p>after</p>")


def test_unknown_tag_in_head_does_not_swallow_the_body() -> None:
    # libxml2 nests everything after an unknown tag in <head> under it (an empty body);
    # a browser opens the body there. The meta tag after it still describes the page.
    page = ('<html><head><title>Flood warning</title><mbox><table><tr><td>Menu</td></tr></table>'
            '<meta name="author" content="Ann Reed">'
            f"<h1>Flood warning</h1><div>{PROSE}</div></mbox></head><body></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text
    assert result.metadata.get("author") == "Ann Reed"
    assert result.title == "Flood warning"


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div><p>a</p><!-- c --><p>b</p><span>c</span></div>" * 30 + "<p>end</p></body></html>",
    "<p>a fragment</p><div><div><div><p>deep</p></div></div></div>",
    "<html><body><table><tr><td>x</td><td>y</td></tr></table></body></html><html><p>after</p></html>",
])
def test_element_paths_are_the_ones_libxml2_writes(page: str) -> None:
    # Paths are found once per parent's children, not by libxml2 counting siblings on every
    # call (quadratic on a page of thousands of sibling boxes); they must read the same.
    tree = parse(page)
    paths = Paths()
    elements = [el for el in tree.getroot().iter() if isinstance(el.tag, str)]
    assert [paths.of(el) for el in reversed(elements)] == [tree.getpath(el) for el in reversed(elements)]


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div><p>a</p><figure><img src='/a.jpg'><figcaption>Cap</figcaption></figure><p>b</p></div>" * 20
    + "<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>",
    "<p>a fragment</p><div><div><p>deep</p><ul><li>one</li><li>two</li></ul></div></div>",
])
def test_the_walker_gives_each_block_the_same_path_on_small_and_large_pages(page: str, monkeypatch) -> None:
    # Small pages take libxml2's getpath, large ones `Paths`: the blocks must not tell which.
    import cleaner.htmlparse as htmlparse

    def wheres() -> list[str]:
        return [b.where for b in clean(page, kind="html").blocks]

    small = wheres()
    monkeypatch.setattr(htmlparse, "GETPATH_MAX_ELEMENTS", 0)
    assert wheres() == small
    assert all(where.startswith("/html") for where in small if where != "script[type=application/ld+json]")


def _fixture_pages() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(root.glob("**/*.html"))]


@pytest.mark.parametrize("page", _fixture_pages() + [
    "<html><body><a rel='author' href='/x'>A</a><p class='post-byline'>B<span itemprop='author'>C</span></p>"
    "<div class='Byline'>not this</div><b rel='authors'>nor this</b><i itemprop='author'>D</i></body></html>",
])
def test_the_byline_search_selects_what_its_xpath_selects(page: str) -> None:
    """The byline elements are found by reading attributes in a loop (faster than libxml2's XPath):
    the same elements in the same order as the XPath it stands for."""
    body = parse(page).getroot().find("body")
    assert list(_byline_elements(body)) == body.xpath(BYLINE_SELECTORS)


def test_deep_nesting_keeps_the_text_after_it() -> None:
    page = "<html><body><div>" + PROSE + "<div>" * 5000 + "<p>The last paragraph, after the nesting.</p>"
    assert "The last paragraph, after the nesting." in clean(page, kind="html").text


def test_external_entities_are_not_resolved() -> None:
    page = ('<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
            f"<html><body><div>{PROSE}<p>&secret;</p></div></body></html>")
    tree = parse(page)
    hostname = open("/etc/hostname").read().strip() if __import__("os").path.exists("/etc/hostname") else ""
    text = " ".join(tree.getroot().itertext())
    assert not hostname or hostname not in text


def test_fast_selector_matcher_agrees_with_cssselect() -> None:
    rules = [r for r in default_rules() if r.selector]
    page = lxml_html.document_fromstring(
        "<html><body><header>h</header><nav>n</nav><div class='x advertisement y'>a</div>"
        "<div id='div-gpt-ad-1'>g</div><ins class='adsbygoogle'></ins><aside class='related'>r</aside>"
        "<div class='related-posts'>p</div><ol class='commentlist'><li>c</li></ol><div id='comments'>c</div>"
        "<div data-ad-slot='3'>s</div><div class='shareholders'>no</div><footer>f</footer>"
        "<article><header>title</header></article></body></html>")
    body = page.find("body")
    fast = {el for el, _ in _matches(body, rules)}
    slow = {el for rule in rules for el in CSSSelector(rule.selector)(body)}
    assert fast == slow and fast


def test_selector_removals_are_recorded_with_rule_and_path() -> None:
    page = f"<html><body><div class='advertisement'>Buy a boat</div><div class='story'>{PROSE}</div></body></html>"
    result = clean(page, kind="html")
    assert {"rule": "containers.ad-slot", "category": "ad", "text": "Buy a boat",
            "where": "/html/body/div[1]"} in result.removed
    assert "Buy a boat" not in result.text


def test_a_selector_never_removes_the_article_it_wraps() -> None:
    page = f"<html><body><div class='sidebar'><h1>Flood</h1>{PROSE}</div><nav>Home News</nav></body></html>"
    result = clean(page, kind="html")
    assert "sandbags" in result.text
    assert [r["rule"] for r in result.removed] == ["containers.site-chrome"]


def test_hidden_pop_up_dialogs_are_not_article_text() -> None:
    """A Bootstrap `.modal` sits inside the article's box but shows only when a script opens it."""
    page = (f"<html><body><div class='story'>{PROSE}<div class='modal fade'><h4>Become an approved author!</h4>"
            "<div class='modal-body'>You account is not approved yet. Request to become an approved author.</div>"
            "</div></div></body></html>")
    result = clean(page, kind="html")
    assert "approved author" not in result.text
    assert any(r["rule"] == "containers.dialog" for r in result.removed)


def test_block_rules_run_on_html_blocks() -> None:
    page = f"<html><body><div class='story'>{PROSE}<p>Story continues below advertisement</p>{PROSE}</div></body></html>"
    result = clean(page, kind="html")
    assert any(r["rule"] == "ads.marker" and r["where"].startswith("/html/body/div") for r in result.removed)


def test_srcset_largest_candidate() -> None:
    assert _largest_candidate("a.jpg 480w, b.jpg 1600w, c.jpg 800w") == "b.jpg"
    assert _largest_candidate("a.jpg 1x, b.jpg 2x") == "b.jpg"


@pytest.mark.parametrize("caption, expected", [
    ("Rescuers at work. Photo: Jane Doe", ("Rescuers at work.", "Jane Doe")),
    ("Crowds gather on Monday. (AP Photo/Evan Vucci)", ("Crowds gather on Monday.", "AP Photo/Evan Vucci")),
    ("Workers search the rubble. Photograph: Umit Bektas/Reuters", ("Workers search the rubble.", "Umit Bektas/Reuters")),
    ("A quiet street at dawn", ("A quiet street at dawn", None)),
])
def test_credit_phrases_come_out_of_captions(caption: str, expected: tuple) -> None:
    rules = [r for r in default_rules() if r.action == "credit" and r.regexes]
    assert split_credit(caption, rules) == expected


def test_pixels_icons_and_logos_are_not_article_images() -> None:
    page = (f"<html><body><div class='story'><img src='/logo.png' alt='Site logo'>{PROSE}"
            "<img src='/p.gif' width='1' height='1'><img src='/icons/share.svg'>"
            "<img src='/photos/flood.jpg' alt='Flooded street'></div></body></html>")
    images = clean(page, kind="html", url="https://n.example/story").images
    assert [i["src"] for i in images] == ["https://n.example/photos/flood.jpg"]


def test_image_outside_the_article_is_not_kept() -> None:
    page = (f"<html><body><div class='story'>{PROSE}</div>"
            "<ul class='teasers'><li><a href='/x'><img src='/t.jpg' alt='t'>Other story</a></li>"
            "<li><a href='/y'>Another</a></li></ul></body></html>")
    assert clean(page, kind="html").images == []


def test_a_list_items_heading_is_text_not_its_pictures_caption() -> None:
    """A list article's item (heading, picture, credit) is not a figure box: the heading stays
    in the text, the picture and its credit go to the manifest. A "no_caption" class does
    not make an element a caption."""
    item = ("<div class='list_item list_item_image no_caption'><h2>Volunteers filled sandbags "
            "by the church all night</h2><div class='sub_content'><img src='/flood.jpg' width='625'>"
            "<p class='print'><a href='/flood.jpg'>View this image</a></p></div>"
            "<p class='caption_w_attr'><span class='attribution attr_no_caption'>County Police</span></p></div>")
    page = f"<html><body><article>{item}{PROSE}</article></body></html>"
    result = clean(page, kind="html")
    assert result.text.startswith("Volunteers filled sandbags by the church all night\n\n")
    assert [(i["src"], i["caption"], i["credit"]) for i in result.images] == [("/flood.jpg", None, "County Police")]
    assert "County Police" not in result.text


@pytest.mark.parametrize("value, expected", [
    ("2024-03-14T07:30:00+01:00", "2024-03-14T07:30:00+01:00"),
    ("2024-03-14T07:30:00Z", "2024-03-14T07:30:00+00:00"),
    ("Thu, 14 Mar 2024 07:30:00 GMT", "2024-03-14T07:30:00+00:00"),
    ("2024/03/14", "2024-03-14"),
    ("March 14, 2024", "2024-03-14"),
    ("last Thursday", None),
])
def test_iso_dates(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_headings_lists_quotes_and_tables_keep_their_kinds() -> None:
    page = (f"<html><body><article><h2>Where</h2>{PROSE}<ul><li>One item</li></ul>"
            "<blockquote><p>A quoted line.</p></blockquote><table><tr><td>a</td><td>b</td></tr>"
            "<tr><td>c</td><td>d</td></tr></table></article></body></html>")
    body = clean(page, kind="html").body
    kinds = {b.text: b.kind for b in body}
    assert kinds["Where"] == "heading" and kinds["One item"] == "item"
    assert kinds["A quoted line."] == "quote" and kinds["a | b\nc | d"] == "table"


@pytest.mark.parametrize("line, dates", [
    ("Friday 25 December 2015", {"published": "2015-12-25"}),
    ("Posted : Thu, 10 Jan 2008 03:47:03 GMT", {"published": "2008-01-10"}),
    ("21.dez.2018 às 12h55", {"published": "2018-12-21"}),
    ("6:50 PM on 08/21/2012", {"published": "2012-08-21"}),
    ("4:42 PM on 12/07/2012", {}),  # December or July: a dateline, but no date to trust
    ("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST",
     {"published": "2019-01-03", "modified": "2019-01-16"}),
    ("Fri 18 Jan, 11:45 AM", {}),
    ("Flooding hit the town on January 10, 2008", None),
    ("Oct 28, 2012 - 2 Comments", None),
    ("May 5", None),
    ("The 5 best apps of 2012", None),
])
def test_dateline_dates(line: str, dates: dict[str, str] | None) -> None:
    assert dateline_dates(line) == dates


def test_an_unnamed_element_is_asked_when_the_vocabulary_matches_empty_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The figure search skips elements without class, id or itemprop when looking for a caption
    or credit: only because an empty name matches no vocabulary. One that matches everything
    (a user's `.*`) must still see them."""
    from cleaner import figures

    box = parse("<html><body><div><img src='a.jpg'><span>Photo</span></div></body></html>").getroot().find("body/div")
    assert not figures._Looks().holds_caption_or_credit(box)
    vocabulary = figures.test
    monkeypatch.setattr(figures, "test", lambda rule_id: (lambda text: True) if rule_id == figures.CAPTION_CLASS
                        else vocabulary(rule_id))
    assert figures._Looks().holds_caption_or_credit(box)


# Pieces of markup where characters lxml cannot hold change what the regexes before the parse
# see: an end tag they interrupt or pad, what follows `</body>`, text around them.
MARKUP_PIECES = ["<p>", "</p", "</div", "</body", "</html", ">", " ", "\n", "text", "<b>", "</b>",
                 "\x00", "\x01", "\x0b", "\x0c", "\x1c", "\x1f", "\ufffe", "\uffff", "é", "\ud800"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=30).map("".join))
def test_characters_lxml_cannot_hold_are_spaces_before_anything_reads_the_page(page: str) -> None:
    """`parse` looks for such characters only in the bytes it hands libxml2, after it took out early
    end tags and broke lines after block ends; the tree must be the one it gets when they are
    spaces from the start."""
    assert etree.tostring(parse(page)) == etree.tostring(parse(XML_INVALID.sub(" ", page)))
