"""`-f html`: golden files, a valid and small document, links kept absolute, nothing executable.

`CLEANER_UPDATE_GOLDEN=1` rewrites the expected.html files (review the diff).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from lxml_html_clean import Cleaner

import cleaner
from cleaner.cli import main
from cleaner.document import CAPTION_TEXT
from cleaner.htmlout import safe_url
from cleaner.result import block_text
from cleaner.writers import render

from conftest import FIXTURES, case_input, case_options, cli_output, golden_cases

UPDATE = os.environ.get("CLEANER_UPDATE_GOLDEN") == "1"
GOLDEN = sorted(p.parent for p in FIXTURES.glob("*/*/expected.html"))
ALLOWED = {
    "html": {"lang"}, "head": set(), "meta": {"charset", "name", "content"}, "title": set(), "link": {"rel", "href"},
    "body": set(), "article": set(), "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(),
    "p": set(), "ul": set(), "ol": set(), "li": set(), "blockquote": set(), "pre": set(), "table": set(),
    "caption": set(), "thead": set(), "tbody": set(), "tr": set(), "th": set(), "td": set(), "a": {"href"},
    "figure": set(), "img": {"src", "alt"}, "figcaption": set(), "small": {"class"},
}
PARENTS = {"li": {"ul", "ol"}, "figcaption": {"figure"}, "img": {"figure"}, "small": {"figcaption"},
           "tr": {"thead", "tbody"}, "td": {"tr"}, "th": {"tr"}, "meta": {"head"}, "link": {"head"}, "title": {"head"}}
XSS_PAGE = """<!DOCTYPE html><html><head><title>Council <script>alert(1)</script> votes</title>
<link rel="canonical" href="javascript:alert('canonical')">
<style>p { background: url(javascript:alert(1)) }</style>
<script>document.write('<p>injected paragraph</p>')</script></head>
<body onload="alert('body')"><article>
<h1 onclick="alert(1)">Council votes to keep the harbour baths open</h1>
<p onmouseover="alert(1)">The council voted on Tuesday to keep the harbour baths open for another five years,
after a petition signed by more than four thousand residents, <a href="javascript:alert(1)">the petition</a>
and <a href=" JaVaScRiPt:alert(2)">its organisers</a> said, and <a href="java&#x09;script:alert(3)">a tab trick</a>.</p>
<p>The &lt;script&gt;alert("text")&lt;/script&gt; in this sentence is text and must stay text, said the
council's web editor, who writes about <a href="/security/xss" onclick="alert(1)">cross-site scripting</a> for a living.</p>
<figure><img src="x" onerror="alert('img')" alt='" onerror="alert(1)'><figcaption>A data URL image <b onmouseover=alert(1)>caption</b></figcaption></figure>
<figure><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="svg"><figcaption>Swimmers at the baths in the summer</figcaption></figure>
<svg onload="alert('svg')"><text>svg words</text></svg>
<p>Opponents had argued that the repairs would cost too much, but the vote was <a href="vbscript:msgbox(1)">clear</a>,
<a href="data:text/html,<script>alert(1)</script>">very clear</a>, with <iframe src="javascript:alert(1)"></iframe>
a large majority in favour of the baths, which first opened in 1911 and were restored in the 1980s.</p>
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
<p>Swimmers welcomed the decision and said they would hold a celebration at the baths on Saturday morning,
weather permitting, with <a href="https://baths.example/events?a=1&amp;b=2">an open swim</a> for everyone.</p>
</article></body></html>"""


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; review the output and set CLEANER_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def _result(folder: Path) -> cleaner.Result:
    return cleaner.clean(case_input(folder).read_bytes(), **case_options(folder))


def test_golden_files_cover_the_figure_rich_cases_and_the_seed() -> None:
    names = {folder.name for folder in GOLDEN}
    assert {"agency-photo-picture", "figure-credit-element", "wp-caption-credit-phrase", "opengraph-copyright-holder",
            "structure-markdown", "000_6ffb47693998821b"} <= names


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda f: f.name)
def test_html_golden(folder: Path) -> None:
    _check(folder / "expected.html", render(_result(folder), "html"))


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda f: f.name)
def test_cli_html_matches_golden(folder: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli_output(folder, "html", capsys, monkeypatch) == (folder / "expected.html").read_text(encoding="utf-8")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _check_document(out: str) -> etree._Element:
    """The document is well formed, uses only the allowed tags and attributes, and every address is safe."""
    assert out.startswith("<!DOCTYPE html>\n<html")
    root = lxml_html.document_fromstring(out)
    assert [el.tag for el in root] == ["head", "body"]
    assert len(root.findall("head/title")) == 1 and root.find("head/meta").get("charset") == "utf-8"
    for el in root.iter():
        assert el.tag in ALLOWED, el.tag
        assert set(el.attrib) <= ALLOWED[el.tag], (el.tag, dict(el.attrib))
        if el.tag in PARENTS:
            assert el.getparent().tag in PARENTS[el.tag], (el.tag, el.getparent().tag)
        for name in ("href", "src"):
            if el.get(name) is not None:
                assert safe_url(el.get(name)) == el.get(name) and not el.get(name).lower().startswith("javascript")
    return root


@pytest.mark.parametrize("folder", golden_cases(), ids=lambda f: str(f.relative_to(FIXTURES)))
def test_every_fixture_gives_a_valid_document_with_the_text_words(folder: Path) -> None:
    result = _result(folder)
    root = _check_document(render(result, "html"))
    article = root.find("body/article")
    captions = []
    for figure in article.findall("figure"):
        figcaption = figure.find("figcaption")
        captions.append(" ".join(figcaption.itertext()) if figcaption is not None else "")
        article.remove(figure)
    words = _words(" ".join(article.itertext()))
    if result.title and (not result.body or result.body[0].text != result.title):
        assert words[: len(_words(result.title))] == _words(result.title)  # the title heads the article
        words = words[len(_words(result.title)):]
    # Captions written into the text are shown once, in their figures.
    gallery = [block_text(b) for b in result.body if b.rule in CAPTION_TEXT]
    assert all(any(text in caption for caption in captions) for text in gallery)
    assert words == _words("\n\n".join(block_text(b) for b in result.body if b.rule not in CAPTION_TEXT))


def test_figures_carry_image_caption_and_credit() -> None:
    folder = FIXTURES / "html" / "wp-caption-credit-phrase"
    result = _result(folder)
    root = lxml_html.document_fromstring(render(result, "html"))
    figures = root.findall("body/article/figure")
    assert len(figures) == len(result.images) >= 1
    for figure, image in zip(figures, result.images):
        assert figure.find("img").get("src") == image["src"]
        assert figure.find("figcaption/small[@class='credit']").text == image["credit"]
        assert (figure.find("figcaption").text or "").strip() == (image["caption"] or "")


def test_figure_positions_follow_the_manifest() -> None:
    result = _result(FIXTURES / "seed" / "000_6ffb47693998821b")
    article = lxml_html.document_fromstring(render(result, "html")).find("body/article")
    seen, positions = 0, []
    for el in article:
        if el.tag == "figure":
            positions.append(seen)
        else:
            seen += len(el.findall("li")) or len(el.findall("p")) or 1
    assert positions == [image["position"] for image in result.images]


def test_head_carries_the_metadata() -> None:
    result = _result(FIXTURES / "html" / "json-ld-metadata")
    head = lxml_html.document_fromstring(render(result, "html")).find("head")
    meta = {(m.get("name"), m.get("content")) for m in head.findall("meta") if m.get("name")}
    assert head.find("title").text == result.title
    authors = result.metadata["author"] if isinstance(result.metadata["author"], list) else [result.metadata["author"]]
    assert {("author", name) for name in authors} <= meta
    assert ("dcterms.created", result.metadata["published"]) in meta
    assert head.find("link[@rel='canonical']").get("href") == result.metadata["url"]
    assert head.getparent().get("lang") == result.metadata["language"]


def test_links_are_kept_and_made_absolute() -> None:
    page = ("<html><head><base href='https://news.example/city/'></head><body><article>"
            "<p>The mayor <a href='../hall/agenda.html'>published the agenda</a> on Monday, and the "
            "<a href='https://other.example/x'>opposition</a> replied within the hour, calling it "
            "<a href='#note'>thin</a> and asking for a debate in the chamber before the vote next week.</p>"
            "<p>A <a href='/a'>link that <b>holds</b> bold</a> words stays one link, and the same words "
            "<a href='/b'>again</a> again find the right place, the clerk said at the meeting on Tuesday.</p>"
            "</article></body></html>")
    result = cleaner.clean(page, kind="html")
    article = lxml_html.document_fromstring(render(result, "html")).find("body/article")
    links = [(a.text_content(), a.get("href")) for a in article.iter("a")]
    assert links == [("published the agenda", "https://news.example/hall/agenda.html"),
                     ("opposition", "https://other.example/x"),
                     ("thin", "https://news.example/city/#note"),
                     ("link that holds bold", "https://news.example/a"),
                     ("again", "https://news.example/b")]
    assert article.findall("p")[1].text_content().startswith("A link that holds bold words")
    assert " ".join(article.text_content().split()) == " ".join(result.text.split())


def test_relative_links_without_a_base_are_dropped_but_their_text_kept() -> None:
    page = ("<html><body><article><p>Readers can <a href='/subscribe'>subscribe</a> to the daily letter, "
            "the editor wrote, in a note that ran to several sentences and asked for patience.</p>"
            "</article></body></html>")
    article = lxml_html.document_fromstring(render(cleaner.clean(page, kind="html"), "html")).find("body/article")
    assert not list(article.iter("a")) and "Readers can subscribe to the daily letter" in article.text_content()


def test_xss_payloads_never_become_markup() -> None:
    result = cleaner.clean(XSS_PAGE, kind="html", url="https://council.example/news/baths")
    out = render(result, "html")
    root = _check_document(out)
    lowered = re.sub(r"""alt=("[^"]*"|'[^']*')""", "", out).lower()  # alt text is an escaped attribute value
    for needle in ("<script", "<style", "<svg", "<iframe", "<math", "onerror", "onload", "onclick", "onmouseover",
                   "javascript:", "vbscript:", "data:"):
        assert needle not in lowered, needle
    text = root.text_content()
    assert '<script>alert("text")</script>' in text  # escaped text in the page stays text
    assert "injected paragraph" not in text and "svg words" not in text
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ["https://council.example/security/xss", "https://baths.example/events?a=1&b=2"]
    assert "the petition" in text and "a tab trick" in text and "very clear" in text
    assert [img.get("src") for img in root.iter("img")] == ["https://council.example/news/x"]
    assert root.find(".//img").get("alt") == '" onerror="alert(1)'  # an attribute value, escaped


def test_a_sanitiser_finds_nothing_to_remove() -> None:
    """lxml's HTML cleaner (scripts, styles, event handlers, javascript: links) leaves the output as it is."""
    for source in [XSS_PAGE] + [case_input(f).read_text(encoding="utf-8", errors="replace") for f in GOLDEN]:
        out = render(cleaner.clean(source, kind="html", url="https://council.example/news/baths"), "html")
        root = lxml_html.document_fromstring(out)
        before = etree.tostring(root, method="html", encoding="unicode")
        sanitiser = Cleaner(scripts=True, javascript=True, comments=True, style=True, inline_style=True, links=False,
                            meta=False, page_structure=False, processing_instructions=True, embedded=True,
                            frames=True, forms=True, annoying_tags=True, remove_unknown_tags=False,
                            safe_attrs_only=True, safe_attrs=frozenset({"href", "src", "alt", "class", "lang",
                                                                        "charset", "name", "content", "rel"}))
        sanitiser(root)
        assert etree.tostring(root, method="html", encoding="unicode") == before


def test_control_characters_are_dropped_not_fatal() -> None:
    # Raw text keeps the character (the HTML reader turns it into a space before parsing).
    result = cleaner.clean("Line one\x01 of an article, with a control character in it.", kind="text")
    assert "\x01" in result.text  # lxml refuses such characters in a tree: the writer must drop them
    out = render(result, "html")
    assert "\x01" not in out and "<p>Line one  of an article, with a control character in it.</p>" in out


def test_batch_writes_html_files(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("agency-photo-picture", "structure-markdown"):
        (pages / f"{name}.html").write_bytes((FIXTURES / "html" / name / "input.html").read_bytes())
    out = tmp_path / "out"
    assert main(["clean", str(pages), "-o", str(out), "-f", "html", "-q", "-j", "1"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["agency-photo-picture.html", "structure-markdown.html"]
    for path in out.iterdir():
        _check_document(path.read_text(encoding="utf-8"))
