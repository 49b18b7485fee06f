"""Parse HTML safely and tolerantly into one lxml tree, the only parse a page gets.

Safety: libxml2's HTML parser never loads DTDs or external entities, and `no_network`
keeps it off the network. Tolerance: the text is handed over as UTF-8 bytes with the
encoding forced, so an `<?xml … encoding=…?>` declaration or a stale `<meta charset>`
in a `str` cannot make lxml refuse it or decode it twice; NULs are dropped; an empty
or unparsable page becomes an empty `<html><body>` instead of an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

from .document import IMAGE, Block
from .text import normalise_line

# Elements whose content is never article text (their images are collected first).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "button", "input", "textarea", "head", "title", "meta", "link", "video",
    "audio", "source", "map", "area", "dialog", "frameset", "frame", "param", "track",
})
# Block-level elements: each starts a new block of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset",
    "address", "center", "hr", "details", "summary", "body", "html", "hgroup", "menu", "legend",
    "picture", "frameset", "noframes", "listing", "xmp", "plaintext", "search",
})
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
EMPTY_PAGE = b"<html><body></body></html>"


def _parser() -> html.HTMLParser:
    return html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                           huge_tree=True, default_doctype=False)


def parse(text: str) -> etree._ElementTree:
    """The page's element tree; never raises on odd input, at worst an empty body."""
    text = XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1).replace("\x00", "")
    data = text.encode("utf-8", "replace")
    root = None
    if data.strip():
        try:
            root = html.document_fromstring(data, parser=_parser())
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
    if root is None or not isinstance(root.tag, str):
        root = html.document_fromstring(EMPTY_PAGE, parser=_parser())
    if root.tag != "html":  # a fragment: wrap so paths read /html/body/...
        wrapper = html.document_fromstring(EMPTY_PAGE, parser=_parser())
        wrapper.find("body").append(root)
        root = wrapper
    if root.find("body") is None:
        root.append(etree.Element("body"))
    return root.getroottree()


def tag_of(element: etree._Element) -> str:
    """Lower-case tag name; "" for comments and processing instructions."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def text_of(element: etree._Element) -> str:
    """Whitespace-normalised text content (call after `strip_skipped`, or scripts count)."""
    return normalise_line(" ".join(element.itertext()))


def class_and_id(element: etree._Element) -> str:
    """`class` and `id` of an element in lower case, the names sites give their boxes."""
    get = element.get
    return f"{get('class') or ''} {get('id') or ''}".lower()


@dataclass(slots=True)
class Segment:
    """One block as the walker saw it: the element that holds its text and its link share."""

    block: Block
    owner: etree._Element
    chars: int = 0
    link_chars: int = 0


HEADINGS = {f"h{n}": n for n in range(1, 7)}
ITEM_TAGS = frozenset({"li", "dt", "dd"})
INVISIBLE_BLOCK = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
TABLE_INNER_BLOCKS = ("table", "p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "form", "article")


def strip_skipped(root: etree._Element) -> None:
    """Drop script, style, forms controls, ... and hidden elements, keeping their tails."""
    doomed = [el for el in root.iter() if tag_of(el) in SKIP_TAGS or _hidden(el)]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _drop(el)


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return tag_of(el) not in ("html", "body")
    style = el.get("style")
    return bool(style) and bool(INVISIBLE_BLOCK.search(style)) and tag_of(el) not in ("html", "body")


def _drop(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it (lxml's remove() would not)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def drop(el: etree._Element) -> None:
    _drop(el)


class Walker:
    """Cut a body into blocks in document order, one pass, no recursion (deep trees are safe).

    `anchors` maps elements to the image each stands for: the walker puts an IMAGE block
    there and does not descend into it (its caption and credit are already in the image).
    """

    def __init__(self, tree: etree._ElementTree, anchors: dict[etree._Element, dict[str, Any]]):
        self.tree = tree
        self.anchors = anchors
        self.segments: list[Segment] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.quote_depth = 0
        self.pre_depth = 0
        self.owners: list[etree._Element] = []
        self.breaks = 0
        self.gap = True

    def walk(self, body: etree._Element) -> list[Segment]:
        walker = etree.iterwalk(body, events=("start", "end"))
        anchors = self.anchors
        skipped: set[etree._Element] = set()
        for event, el in walker:
            tag = tag_of(el)
            if event == "start":
                if el in anchors:
                    self.flush()
                    self._image(el, anchors[el])
                elif tag == "table" and is_data_table(el):
                    self.flush()
                    self._table(el)
                else:
                    self._start(el, tag)
                    continue
                skipped.add(el)
                walker.skip_subtree()
            elif el in skipped:
                self._text(el.tail)
            else:
                self._end(el, tag)
        self.flush()
        return self.segments

    def _start(self, el: etree._Element, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            self.owners.append(el)
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag == "pre" or tag == "listing" or tag == "xmp":
                self.pre_depth += 1
        elif tag == "br":
            self.breaks += 1
            if self.breaks >= 2 and not self.pre_depth:
                self.flush()
            else:
                self.parts.append("\n")
            return
        elif tag == "a":
            self.link_depth += 1
        elif tag == "img" or tag == "hr":
            return
        self._text(el.text)

    def _end(self, el: etree._Element, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            if self.owners and self.owners[-1] is el:
                self.owners.pop()
            if tag == "blockquote":
                self.quote_depth -= 1
            elif tag in ("pre", "listing", "xmp"):
                self.pre_depth -= 1
        elif tag == "a":
            self.link_depth -= 1
        self._text(el.tail)

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if self.breaks and not text.isspace():
            self.breaks = 0
        self.parts.append(text)
        if self.link_depth > 0:
            self.link_chars += len(text.strip())

    def flush(self) -> None:
        parts, self.parts = self.parts, []
        link_chars, self.link_chars = self.link_chars, 0
        self.breaks = 0
        if not parts:
            return
        raw = "".join(parts)
        if self.pre_depth:
            lines = [normalise_line(line) for line in raw.split("\n")]
            text = "\n".join(lines).strip("\n")
            while "\n\n\n" in text:
                text = text.replace("\n\n\n", "\n\n")
        else:
            text = normalise_line(raw)
        if not text:
            return
        owner = self.owners[-1] if self.owners else self.tree.getroot()
        block = Block(text=text, where=self.tree.getpath(owner), gap_before=True)
        self._kind(block, owner)
        self.segments.append(Segment(block, owner, len(text), min(link_chars, len(text))))

    def _kind(self, block: Block, owner: etree._Element) -> None:
        tag = tag_of(owner)
        if tag in HEADINGS:
            block.kind, block.level = "heading", HEADINGS[tag]
        elif self.pre_depth:
            block.kind = "pre"
        elif tag in ITEM_TAGS:
            block.kind, block.bullet = "item", "-"
        elif self.quote_depth:
            block.kind = "quote"

    def _image(self, el: etree._Element, image: dict[str, Any]) -> None:
        block = Block(text=image.get("caption") or "", where=self.tree.getpath(el), verdict=IMAGE,
                      rule="html.figure", category="image")
        block.image = image
        self.segments.append(Segment(block, el))

    def _table(self, el: etree._Element) -> None:
        rows = []
        links = 0
        for row in el.iter("tr"):
            cells = []
            for cell in row:
                if tag_of(cell) in ("td", "th"):
                    cells.append(normalise_line(" ".join(cell.itertext())))
                    links += sum(len(normalise_line(" ".join(a.itertext()))) for a in cell.iter("a"))
            if any(cells):
                rows.append(" | ".join(cells))
        caption = el.find("caption")
        if caption is not None:
            title = normalise_line(" ".join(caption.itertext()))
            if title:
                rows.insert(0, title)
        text = "\n".join(rows)
        if text:
            block = Block(text=text, where=self.tree.getpath(el), kind="table")
            self.segments.append(Segment(block, el, len(text), min(links, len(text))))


def is_data_table(table: etree._Element) -> bool:
    """A grid of data (rendered as rows) rather than a page laid out with a table."""
    if table.get("role") == "presentation":
        return False
    rows = 0
    for el in table.iterdescendants():
        tag = tag_of(el)
        if tag in TABLE_INNER_BLOCKS:
            return False
        rows += tag == "tr"
    return rows >= 2
