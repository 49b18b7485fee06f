"""`-f tei`: the article as TEI P5 XML, in the shape trafilatura's XML-TEI output has.

The header holds title, authors, publisher, dates, description, language and the
source URL; the body holds `div`s of `p`, `head`, `list`/`item`, `quote`, `table` and
`figure` (`graphic`, caption `head`, `figDesc`, credit). Every element follows the
TEI P5 content models, restricted to what `cleaner/tei-subset.rng` allows:
a heading opens a new `div` (TEI puts `head` only at the top of a division), and a
heading with no text after it (a division would be empty) is kept as `<ab type="head">`.
The words of the body outside `figure` are the words of `-f text`, in order.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .document import Block
from .htmlout import (IMAGE_SCHEMES, authors_of, canonical_url, language_of, list_kind, safe_url, table_rows,
                      xml_text)
from .result import Result, flow

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Elements of the TEI class model.common that we write: what a division needs at least one of.
COMMON = frozenset({"p", "ab", "list", "quote", "table"})


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    attrs = {k.rstrip("_"): xml_text(v) for k, v in attributes.items()}
    el = etree.Element(f"{{{TEI_NS}}}{tag}", attrs, nsmap={None: TEI_NS}) if parent is None \
        else etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
    if text:
        el.text = xml_text(text)
    return el


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def to_tei(result: Result) -> str:
    """The TEI document, UTF-8, with an XML declaration."""
    root = _el(None, "TEI")
    _header(_el(root, "teiHeader"), result)
    text = _el(root, "text")
    language = language_of(result)
    if language:
        text.set(f"{{{XML_NS}}}lang", language)
    _body(_el(text, "body"), result)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode", xml_declaration=False).join(
        ('<?xml version="1.0" encoding="UTF-8"?>\n', "\n"))


def _header(header: etree._Element, result: Result) -> None:
    metadata = result.metadata
    title = result.title or ""
    authors = authors_of(result)
    publisher = metadata.get("site_name") if isinstance(metadata.get("site_name"), str) else None
    url = canonical_url(result)
    file_desc = _el(header, "fileDesc")
    statement = _el(file_desc, "titleStmt")
    _el(statement, "title", title, type="main")
    for name in authors:
        _el(statement, "author", name)
    publication = _el(file_desc, "publicationStmt")
    if publisher:
        _el(publication, "publisher", publisher)
    else:
        _el(publication, "p", "Unknown publisher")
    source = _el(_el(file_desc, "sourceDesc"), "bibl")
    if title:
        _el(source, "title", title, type="main")
    for name in authors:
        _el(source, "author", name)
    if publisher:
        _el(source, "publisher", publisher)
    for key in ("published", "modified"):
        value = metadata.get(key)
        if isinstance(value, str) and value:
            _el(source, "date", value, type=key)
    if url:
        _el(source, "ptr", type="URL", target=url)
    description = metadata.get("description")
    if isinstance(description, str) and description or language_of(result):
        profile = _el(header, "profileDesc")
        if isinstance(description, str) and description:
            _el(_el(profile, "abstract"), "p", description)
        language = language_of(result)
        if language:
            _el(_el(profile, "langUsage"), "language", ident=language)


def _body(body: etree._Element, result: Result) -> None:
    divisions: list[etree._Element] = []
    pending: list[tuple[str, Any]] = []  # figures and headings waiting for the division they open
    group: etree._Element | None = None  # the open <list>

    def division() -> etree._Element:
        if not divisions:
            divisions.append(_el(body, "div", type="entry"))
        return divisions[-1]

    for what, value in flow(result):
        if what == "title":
            continue  # not in the text: the title is in the header
        heading = what == "title-block" or (what == "block" and value.kind == "heading")
        if heading or what == "image":
            pending.append((what, value))
            group = None
            continue
        if any(w != "image" for w, _ in pending):  # a heading: the text after it opens a division
            divisions.append(_el(body, "div", type="entry" if not divisions else "section"))
        target = division()
        for w, v in pending:
            if w == "image":
                _figure(target, v)
            else:
                _head(target, w, v)
        pending = []
        if value.kind == "item":
            rend = "numbered" if list_kind(value) == "ol" else "bulleted"
            if group is None or group.getparent() is not target or group.get("rend") != rend:
                group = _el(target, "list", rend=rend)
            _el(group, "item", value.text)
            continue
        group = None
        _block(target, value)
    for w, v in pending:  # figures and headings after the last text
        target = division()
        if w == "image":
            _figure(target, v)
        else:
            _el(target, "ab", v.text, type="head")
    for div in divisions:  # a division needs a paragraph-like element: its heads become such, else an empty <p/>
        if not any(_local(child) in COMMON for child in div):
            heads = [child for child in div if _local(child) == "head"]
            for head in heads:
                head.tag = f"{{{TEI_NS}}}ab"
                head.attrib.clear()
                head.set("type", "head")
            if not heads:
                _el(div, "p")
    if not divisions:
        _el(_el(body, "div", type="entry"), "p")


def _head(div: etree._Element, what: str, block: Block) -> None:
    level = 1 if what != "block" else min(max(block.level, 1), 6)
    _el(div, "head", block.text, rend=f"h{level}")


def _block(div: etree._Element, block: Block) -> None:
    if block.kind == "quote":
        _el(div, "quote", block.text)
    elif block.kind == "pre":
        _el(div, "ab", block.text, type="code")
    elif block.kind == "table":
        caption, rows = table_rows(block)
        table = _el(div, "table")
        if caption:
            _el(table, "head", caption)
        for number, row in enumerate(rows):
            element = _el(table, "row", role="label") if number == 0 and len(rows) > 1 else _el(table, "row")
            for cell in row:
                _el(element, "cell", cell)
    else:
        _el(div, "p", block.text)


def _figure(div: etree._Element, image: dict[str, Any]) -> None:
    src = safe_url(image.get("src"), IMAGE_SCHEMES)
    caption, credit, alt = image.get("caption"), image.get("credit"), image.get("alt")
    if not (src or caption or credit):
        return
    figure = _el(div, "figure")
    if src:
        _el(figure, "graphic", url=src)
    if caption:
        _el(figure, "head", caption)
    if alt:
        _el(figure, "figDesc", alt)
    if credit:
        _el(figure, "p", credit, rend="credit")
