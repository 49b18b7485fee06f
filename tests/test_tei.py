"""`-f tei`: golden files, well-formed TEI P5 valid against cleaner/tei-subset.rng, same words as `-f text`.

`CLEANER_UPDATE_GOLDEN=1` rewrites the expected.tei.xml files (review the diff).
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import cleaner
from cleaner.cli import main
from cleaner.document import CAPTION_TEXT
from cleaner.result import block_text
from cleaner.writers import render

from conftest import FIXTURES, case_input, case_options, cli_output, golden_cases
from test_html_output import XSS_PAGE, _check_document
from test_html_properties import pages

UPDATE = os.environ.get("CLEANER_UPDATE_GOLDEN") == "1"
GOLDEN = sorted(p.parent for p in FIXTURES.glob("*/*/expected.tei.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
SCHEMA = etree.RelaxNG(etree.fromstring(resources.files("cleaner").joinpath("tei-subset.rng").read_bytes()))
# Body elements that hold a block's text, one block each (figures hold the manifest's words, not the text's).
TEXT_ELEMENTS = ("p", "ab", "head", "item", "quote", "cell")


def _result(folder: Path) -> cleaner.Result:
    return cleaner.clean(case_input(folder).read_bytes(), **case_options(folder))


def _parse(xml: str) -> etree._Element:
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">')
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))


def _valid(root: etree._Element) -> None:
    assert SCHEMA.validate(root), SCHEMA.error_log.last_error


def _body_texts(root: etree._Element) -> list[str]:
    """The text of each text-holding element of the body, in order, figures left out."""
    out = []
    for el in root.find("t:text/t:body", NS).iter(*(f"{{{TEI}}}{name}" for name in TEXT_ELEMENTS)):
        if any(a.tag == f"{{{TEI}}}figure" for a in el.iterancestors()) or el.tag == f"{{{TEI}}}cell":
            continue
        if el.tag == f"{{{TEI}}}head" and el.getparent().tag == f"{{{TEI}}}table":
            continue
        out.append(el.text or "")
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_golden_files_cover_the_figure_rich_cases_and_the_seed() -> None:
    names = {folder.name for folder in GOLDEN}
    assert {"agency-photo-picture", "figure-credit-element", "wp-caption-credit-phrase", "opengraph-copyright-holder",
            "structure-markdown", "000_6ffb47693998821b"} <= names


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda f: f.name)
def test_tei_golden(folder: Path) -> None:
    actual = render(_result(folder), "tei")
    if UPDATE:
        (folder / "expected.tei.xml").write_text(actual, encoding="utf-8")
    assert actual == (folder / "expected.tei.xml").read_text(encoding="utf-8")
    _valid(_parse(actual))


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda f: f.name)
def test_cli_tei_matches_golden(folder: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli_output(folder, "tei", capsys, monkeypatch) == (folder / "expected.tei.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", golden_cases(), ids=lambda f: str(f.relative_to(FIXTURES)))
def test_every_fixture_is_valid_tei_with_the_words_of_the_text(folder: Path) -> None:
    result = _result(folder)
    root = _parse(render(result, "tei"))
    _valid(root)
    body = root.find("t:text/t:body", NS)
    heads = []
    for figure in list(body.iter(f"{{{TEI}}}figure")):
        heads.append(" ".join(figure.itertext()))
        figure.getparent().remove(figure)
    # Captions written into the text are shown once, as their figures' heads.
    shown = [b for b in result.body if b.rule not in CAPTION_TEXT]
    assert all(any(b.text in head for head in heads) for b in result.body if b.rule in CAPTION_TEXT)
    assert _words(" ".join(body.itertext())) == _words("\n\n".join(block_text(b) for b in shown))
    tables = [b for b in shown if b.kind == "table"]
    blocks = [b.text for b in shown if b.kind != "table"]
    assert [text for text in _body_texts(root) if text] == blocks  # one element per block ("" : an empty <p/>)
    assert len(root.findall(".//t:table", NS)) == len(tables)


def test_figures_in_tei() -> None:
    result = _result(FIXTURES / "html" / "figure-credit-element")
    root = _parse(render(result, "tei"))
    [figure] = root.findall(".//t:figure", NS)
    [image] = result.images
    assert figure.find("t:graphic", NS).get("url") == image["src"]
    assert figure.find("t:head", NS).text == image["caption"]
    assert figure.find("t:figDesc", NS).text == image["alt"]
    assert figure.find("t:p[@rend='credit']", NS).text == image["credit"]


def test_header_carries_the_metadata() -> None:
    result = _result(FIXTURES / "html" / "json-ld-metadata")
    root = _parse(render(result, "tei"))
    header = root.find("t:teiHeader/t:fileDesc", NS)
    assert header.find("t:titleStmt/t:title[@type='main']", NS).text == result.title
    assert [a.text for a in header.findall("t:titleStmt/t:author", NS)] == result.metadata["author"]
    bibl = header.find("t:sourceDesc/t:bibl", NS)
    assert bibl.find("t:date[@type='published']", NS).text == result.metadata["published"]
    assert bibl.find("t:ptr[@type='URL']", NS).get("target") == result.metadata["url"]
    assert header.find("t:publicationStmt/t:publisher", NS).text == result.metadata["site_name"]
    assert root.find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == result.metadata["language"]


def test_headings_open_divisions() -> None:
    root = _parse(render(_result(FIXTURES / "html" / "structure-markdown"), "tei"))
    divisions = root.findall("t:text/t:body/t:div", NS)
    assert [d.get("type") for d in divisions] == ["entry", "section", "section"]
    assert [d.find("t:head", NS).text for d in divisions[1:]] == ["What changes", "Collection days"]


def test_a_heading_with_nothing_after_it_stays_valid() -> None:
    page = ("<html><body><article><h2>Only a heading</h2><p>A paragraph of the article that is long enough to be "
            "kept, with a comma or two, and a full stop.</p><h2>Trailing heading</h2></article></body></html>")
    result = cleaner.clean(page, kind="html")
    root = _parse(render(result, "tei"))
    _valid(root)
    assert _words(" ".join(root.find("t:text/t:body", NS).itertext())) == _words(result.text)


def test_empty_and_figure_only_documents_are_valid() -> None:
    for data in ("", "<html><body><figure><img src='https://x.example/a.jpg'><figcaption>Only a picture of the "
                     "harbour at dawn</figcaption></figure></body></html>"):
        _valid(_parse(render(cleaner.clean(data, kind="html", url="https://x.example/"), "tei")))


def test_the_schema_can_fail() -> None:
    """The subset is strict: a head after a paragraph (TEI allows it only at a division's top) is rejected."""
    root = _parse(render(_result(FIXTURES / "html" / "structure-markdown"), "tei"))
    division = root.find("t:text/t:body/t:div", NS)
    division.append(etree.fromstring(f'<head xmlns="{TEI}" rend="h2">Late heading</head>'))
    assert not SCHEMA.validate(root)


def test_xss_page_gives_plain_tei() -> None:
    result = cleaner.clean(XSS_PAGE, kind="html", url="https://council.example/news/baths")
    xml = render(result, "tei")
    root = _parse(xml)
    _valid(root)
    assert {etree.QName(el).namespace for el in root.iter()} == {TEI}
    assert "alert('img')" not in xml and "javascript:" not in xml and "data:" not in xml
    assert '<script>alert("text")</script>' in " ".join(root.itertext())


def test_batch_writes_xml_files(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "seals.html").write_bytes((FIXTURES / "html" / "figure-credit-element" / "input.html").read_bytes())
    out = tmp_path / "out"
    assert main(["clean", str(pages), "-o", str(out), "-f", "tei", "-q", "-j", "1"]) == 0
    [written] = list(out.iterdir())
    assert written.name == "seals.xml"
    _valid(_parse(written.read_text(encoding="utf-8")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(pages(), st.text(max_size=400)))
def test_any_input_gives_valid_html_and_tei_with_the_words_of_the_text(page: str) -> None:
    result = cleaner.clean(page, url="https://news.example/a/b")
    _check_document(render(result, "html"))
    root = _parse(render(result, "tei"))
    _valid(root)
    body = root.find("t:text/t:body", NS)
    for figure in list(body.iter(f"{{{TEI}}}figure")):
        figure.getparent().remove(figure)
    assert _words(" ".join(body.itertext())) == _words(render(result, "text"))


def test_a_bulleted_and_a_numbered_list_stay_two_lists() -> None:
    page = ("<html><body><article><p>A paragraph long enough, with commas, to be the article, said the editor.</p>"
            "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol></article></body></html>")
    root = _parse(render(cleaner.clean(page, kind="html"), "tei"))
    lists = root.findall(".//t:list", NS)
    assert [(lst.get("rend"), [i.text for i in lst]) for lst in lists] == [
        ("bulleted", ["one", "two"]), ("numbered", ["first", "second"])]
