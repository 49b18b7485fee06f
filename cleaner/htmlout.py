"""`-f html`: the clean article as a small, valid, sanitised HTML document.

Safe by construction: the page is never copied, the output is built with lxml's element
API from a fixed set of tags and attributes, so text from the input can only ever be
text (lxml escapes it). The only values taken from the input into attributes are
link and image addresses, kept only when absolute `http(s)` (`mailto:` for links), and
`alt` text; `javascript:`, `data:` and relative addresses that no base URL resolves are
dropped, their text kept.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .document import Block
from .htmlparse import link_target
from .result import Result, flow

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES = frozenset({"http", "https"})
# Characters XML 1.0 (and so lxml) refuses, and that no reader wants in an article.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
ORDERED_ITEM = re.compile(r"/(ol|ul|menu|dl)(?:\[\d+\])?/(?:li|dt|dd)(?:\[\d+\])?$")
HEAD_META = (("description", "description"), ("published", "dcterms.created"),
             ("modified", "dcterms.modified"), ("site_name", "dcterms.publisher"))


def xml_text(text: str | None) -> str:
    """Text lxml will accept: characters XML cannot hold become spaces (they part words in the text too)."""
    return NOT_XML.sub(" ", text or "")


def safe_url(url: str | None, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """An absolute address with an allowed scheme, or None (never `javascript:`, `data:`, relative)."""
    if not url:
        return None
    url = NOT_XML.sub("", url).strip()
    try:
        parts = urlsplit(url)  # also strips tabs and newlines, as browsers do
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in schemes or (scheme != "mailto" and not parts.netloc):
        return None
    return parts.geturl()


def language_of(result: Result) -> str | None:
    language = result.metadata.get("language")
    return language if isinstance(language, str) and LANGUAGE_TAG.fullmatch(language) else None


def authors_of(result: Result) -> list[str]:
    author = result.metadata.get("author")
    names = author if isinstance(author, list) else [author] if author else []
    return [xml_text(str(name)) for name in names if name]


def canonical_url(result: Result) -> str | None:
    return safe_url(result.metadata.get("url") or result.source.get("url"), IMAGE_SCHEMES)


def list_kind(block: Block) -> str:
    """"ol" for an item of a numbered list (by its element path, or a raw-text "1." bullet), else "ul"."""
    found = ORDERED_ITEM.search(block.where)
    if found:
        return "ol" if found.group(1) == "ol" else "ul"
    return "ol" if block.bullet[:1].isdigit() else "ul"


def table_rows(block: Block) -> tuple[str | None, list[list[str]]]:
    """(caption, rows of cells) of a table block ("a | b | c" lines; a first line without cells is its caption)."""
    lines = [line for line in block.text.splitlines() if line.strip()]
    caption = None
    if len(lines) > 1 and " | " not in lines[0] and any(" | " in line for line in lines[1:]):
        caption, lines = lines[0], lines[1:]
    return caption, [[cell.strip() for cell in line.split(" | ")] for line in lines]


def add_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of `parent` (lxml keeps it in .text or a child's .tail)."""
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_inline(parent: etree._Element, text: str, links: list[tuple[str, str, str | None]]) -> None:
    """The block's text into `parent`, with its links as `<a href>` where their text is found, in order."""
    cursor = 0
    for label, href, base_url in links:
        target = safe_url(link_target(href, base_url))
        start = text.find(label, cursor)
        if start < 0 or target is None:
            continue
        add_text(parent, text[cursor:start])
        anchor = etree.SubElement(parent, "a", href=target)
        anchor.text = xml_text(label)
        cursor = start + len(label)
    add_text(parent, text[cursor:])


def sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_"): xml_text(v) for k, v in attributes.items()})
    if text:
        el.text = xml_text(text)
    return el


def to_html(result: Result) -> str:
    """The article as an HTML5 document: metadata in `<head>`, blocks and figures in `<article>`."""
    root = etree.Element("html")
    language = language_of(result)
    if language:
        root.set("lang", language)
    head = sub(root, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "title", result.title or "")
    for name in authors_of(result):
        sub(head, "meta", name="author", content=name)
    for key, name in HEAD_META:
        value = result.metadata.get(key)
        if isinstance(value, str) and value:
            sub(head, "meta", name=name, content=value)
    canonical = canonical_url(result)
    if canonical:
        sub(head, "link", rel="canonical", href=canonical)
    sub(head, "meta", name="generator", content="cleaner")
    article = sub(sub(root, "body"), "article")
    _article(article, result)
    _layout(root)
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>") + "\n"


CONTAINERS = frozenset({"html", "head", "body", "article", "ul", "ol", "blockquote", "table", "thead", "tbody"})


def _layout(el: etree._Element) -> None:
    """One element a line inside containers, so the file reads well and diffs line by line.

    Only whitespace between block elements is added: no text inside a paragraph changes.
    """
    if el.tag not in CONTAINERS or not len(el):
        return
    el.text = "\n"
    for child in el:
        child.tail = "\n"
        _layout(child)


def _article(article: etree._Element, result: Result) -> None:
    group: etree._Element | None = None  # the open <ul>/<ol> or <blockquote>
    for what, value in flow(result):
        if what == "block" and value.kind in ("item", "quote"):
            tag = list_kind(value) if value.kind == "item" else "blockquote"
            if group is None or group.tag != tag:
                group = sub(article, tag)
            add_inline(sub(group, "li" if value.kind == "item" else "p"), value.text, value.links)
            continue
        group = None
        if what in ("title", "title-block"):
            sub(article, "h1", value if what == "title" else value.text)
        elif what == "image":
            _figure(article, value)
        else:
            _block(article, value)


def _block(article: etree._Element, block: Block) -> None:
    if block.kind == "heading":
        add_inline(sub(article, f"h{min(max(block.level, 1), 6)}"), block.text, block.links)
    elif block.kind == "pre":
        sub(article, "pre", block.text)
    elif block.kind == "table":
        caption, rows = table_rows(block)
        table = sub(article, "table")
        if caption:
            sub(table, "caption", caption)
        # The reader keeps cells, not which were <th>: the first row is the header, as in Markdown.
        for part, cell_tag, part_rows in (("thead", "th", rows[:1]), ("tbody", "td", rows[1:])):
            if part_rows:
                group = sub(table, part)
                for row in part_rows:
                    tr = sub(group, "tr")
                    for cell in row:
                        sub(tr, cell_tag, cell)
    else:
        add_inline(sub(article, "p"), block.text, block.links)


def _figure(article: etree._Element, image: dict[str, Any]) -> None:
    src = safe_url(image.get("src"), IMAGE_SCHEMES)
    if not (src or image.get("caption") or image.get("credit")):
        return
    figure = sub(article, "figure")
    if src:
        sub(figure, "img", src=src, alt=image.get("alt") or image.get("caption") or "")
    caption, credit = image.get("caption"), image.get("credit")
    if caption or credit:
        figcaption = sub(figure, "figcaption", caption or None)
        if credit:
            if caption:
                add_text(figcaption, " ")
            sub(figcaption, "small", credit, class_="credit")
