"""Parse HTML safely and tolerantly into one lxml tree, the only parse a page gets.

Safety: libxml2's HTML parser never loads DTDs or external entities, and `no_network`
keeps it off the network. Tolerance: the text is handed over as UTF-8 bytes with the
encoding forced, so an `<?xml … encoding=…?>` declaration or a stale `<meta charset>`
in a `str` cannot make lxml refuse it or decode it twice; NULs and other control
characters lxml cannot hold become spaces; an empty
or unparsable page becomes an empty `<html><body>` instead of an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from .document import IMAGE, REMOVED, Block
from .limits import DEFAULT_LIMITS, LimitError
from .text import normalise_line

# Elements whose content is never article text (their images are collected first).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "button", "input", "textarea", "head", "title", "meta", "link", "video",
    "audio", "map", "area", "dialog", "frameset", "frame",
})
# Of those, the ones whose text a reader sees: dropping them is recorded.
VISIBLE_SKIPS = frozenset({"button", "select", "textarea", "dialog", "marquee"})
# Block-level elements: each starts a new block of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset",
    "address", "center", "hr", "details", "summary", "body", "html", "hgroup", "menu", "legend",
    "picture", "frameset", "noframes", "listing", "xmp", "plaintext", "search",
})
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
UNCLOSED_TITLE = re.compile(r"(<title[^>]*>[^<\n]*)", re.IGNORECASE)
FIGURE_TEXT = "heuristic.html.figure-text"  # text in a figure that is neither caption nor credit
# Block ends get a line break after them: libxml2 drops a stray `</p>` and would glue the
# words on either side together ("end</p>start" -> "endstart"); a browser breaks there.
BLOCK_END = re.compile(r"(</(?:p|div|li|h[1-6]|td|th|tr|dd|dt|blockquote|section|article|table|ul|ol)\s*>)",
                       re.IGNORECASE)
# Past this depth libxml2 gives up on nesting; such pages are re-read without wrapper tags.
MAX_DEPTH = 2048
WRAPPER_TAGS = re.compile(r"</?(?:div|span|section|font|center|b|i|u|em|strong)\b[^>]*>", re.IGNORECASE)
EMPTY_PAGE = b"<html><body></body></html>"
# `<html .../>` or `<body .../>`: browsers ignore the slash on an element that is not void; libxml2
# closes the element there, and the page after it is dropped (html) or left outside the body.
SELF_CLOSED_ROOT = re.compile(r"<(html|body)\b([^<>]*?)/\s*>", re.IGNORECASE)
# What follows `</body>` or `</html>` a browser puts in the body; libxml2 leaves it outside the
# body (after `</body>`) or drops it (after `</html>`): a second document appended by a server's
# include, the article after a header document's end. Such end tags go when anything follows.
ROOT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
# Control characters that libxml2 keeps in text nodes but lxml refuses to set back (.text/.tail).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters in UTF-8: the control characters are bytes of their own there.
XML_INVALID_BYTES = bytes([*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20)])
XML_INVALID_SEQUENCES = ("\ufffe".encode(), "\uffff".encode())


def _parser() -> etree.HTMLParser:
    # lxml.etree's parser, not lxml.html's: no per-element Python class lookup (about 8% of the time).
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                           huge_tree=True, default_doctype=False)


def parse(text: str, max_nodes: int = DEFAULT_LIMITS.max_nodes) -> etree._ElementTree:
    """The page's element tree; never raises on odd input, at worst an empty body. A tree of
    more than `max_nodes` elements is a `LimitError`, before any per-element work is done."""
    text = XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    prepared = _prepared(text)
    data = prepared.encode("utf-8", "replace")
    # Characters lxml cannot hold become spaces first. Most pages hold none: they are looked for
    # in the UTF-8 the parser gets (one C pass), several times cheaper than a regex over the page;
    # what `_prepared` does only adds line breaks and takes out end tags whose spaces are all it
    # could take of them, which spaces in their place would not change.
    if len(data.translate(None, XML_INVALID_BYTES)) != len(data) or any(s in data for s in XML_INVALID_SEQUENCES):
        prepared = _prepared(XML_INVALID.sub(" ", text))
        data = prepared.encode("utf-8", "replace")
    text = prepared
    root = None
    if data.strip():
        try:
            root = _fromstring(data, parser=_parser())
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
    if root is not None and _swallowed_by_title(root):
        text = UNCLOSED_TITLE.sub(r"\1</title>", text, count=1)
        root = _fromstring(text.encode("utf-8", "replace"), parser=_parser())
    if root is not None and _closed_early(root) and SELF_CLOSED_ROOT.search(text):
        text = SELF_CLOSED_ROOT.sub(r"<\1\2>", text, count=2)
        root = _fromstring(text.encode("utf-8", "replace"), parser=_parser())
    if root is not None and _too_deep(root):
        flat = WRAPPER_TAGS.sub(" ", text)
        root = _fromstring(flat.encode("utf-8", "replace"), parser=_parser())
    if root is None or not isinstance(root.tag, str):
        root = _fromstring(EMPTY_PAGE, parser=_parser())
    if root.tag != "html":  # a fragment: wrap so paths read /html/body/...
        wrapper = _fromstring(EMPTY_PAGE, parser=_parser())
        wrapper.find("body").append(root)
        root = wrapper
    if root.find("body") is None:
        root.append(etree.Element("body"))
    _release_from_head(root)
    _check_nodes(root, text, max_nodes)
    return root.getroottree()


def _prepared(text: str) -> str:
    """The page as libxml2 gets it: without end tags it would stop at, a line break after each block's end."""
    text = _without_early_ends(text)
    parts = BLOCK_END.split(text)  # [text, end tag, text, ...]: each end tag gets its line break
    parts[1::2] = [tag + "\n" for tag in parts[1::2]]  # (joining is ~2x faster than sub's template)
    return "".join(parts)


def _check_nodes(root: etree._Element, text: str, limit: int) -> None:
    """Count the elements only when the page could hold `limit`: libxml2 adds at most an html,
    head and body and a `<p>` per run of text to the elements the page's `<` begin, so a
    page with few `<` is under the limit (and counting `<` is five times cheaper than counting elements)."""
    if 2 * text.count("<") + 16 <= limit:
        return
    count = sum(1 for _ in root.iter())
    if count > limit:
        raise LimitError(f"the page has {count:,} elements, past --max-nodes {limit:,}", limit="max_nodes")


def _fromstring(data: bytes, parser: etree.HTMLParser) -> etree._Element:
    root = etree.fromstring(data, parser=parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def _too_deep(root: etree._Element) -> bool:
    """libxml2 stops nesting (and drops what follows) at a fixed depth; look for a branch that reached it."""
    # Unclosed tags nest everything after them as last children: follow that chain only.
    depth, el = 0, root
    while len(el):
        el = el[-1]
        depth += 1
    return depth >= MAX_DEPTH - 8


def _release_from_head(root: etree._Element) -> None:
    """An element that cannot be in <head> ends it, as a browser's parser does.

    libxml2 keeps an unknown tag there (`<mbox>` right after the meta tags) and nests the
    whole page under it, leaving the body empty; a browser opens the body at that tag.
    Everything from it on moves to the start of the body, except the tags that belong in
    a head (a `<meta>` or `<title>` after it, even nested in it, still describes the page)."""
    head, body = root.find("head"), root.find("body")
    if head is None:
        return
    stray = next((i for i, child in enumerate(head) if isinstance(child.tag, str)
                  and child.tag.lower() not in HEAD_TAGS), None)
    if stray is None:
        return
    moving = [child for child in list(head)[stray:]
              if not isinstance(child.tag, str) or child.tag.lower() not in HEAD_TAGS]
    for offset, child in enumerate(moving):
        body.insert(offset, child)
        for tag in list(child.iter("meta", "link", "base")):  # never text; they describe the page
            _drop(tag)
            tag.tail = None
            head.append(tag)


def _without_early_ends(text: str) -> str:
    """The page without its `</body>` and `</html>` end tags when anything but such tags follows
    the first of them (see `ROOT_END`); else the page as it is."""
    end = ROOT_END.search(text)
    if end is None or not ROOT_END.sub("", text[end.end():]).strip():
        return text
    return ROOT_END.sub(" ", text)


def _closed_early(root: etree._Element) -> bool:
    """The root or the body ended before anything was in it: an `<html>` with no children, or an
    empty `<body>` with elements after it."""
    if root.tag != "html":
        return False
    if len(root) == 0:
        return True
    body = root.find("body")
    return body is not None and len(body) == 0 and not (body.text or "").strip() and body.getnext() is not None


def _swallowed_by_title(root: etree._Element) -> bool:
    """An unclosed <title> eats the whole page as its text; browsers' users never see that."""
    title = root.find("head/title")
    body = root.find("body")
    return (title is not None and len(title.text or "") > 500 and "<" in (title.text or "")
            and (body is None or len(body) == 0))


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
    listed: bool = False  # inside a list item: a teaser list's blurb, a comment, a step


HEADINGS = {f"h{n}": n for n in range(1, 7)}
UNPLACED = "?"  # a block's path until the walk ends and knows how to compute paths on this page
GETPATH_MAX_ELEMENTS = 3000
MARKED_INLINE = frozenset({"br", "a", "img", "hr"})  # inline elements the walker does more with than read text
ITEM_TAGS = frozenset({"li", "dt", "dd"})
INVISIBLE_BLOCK = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
DATA_CELL_MAX_CHARS = 200  # a cell holding a paragraph makes a layout table
TABLE_INNER_BLOCKS = ("table", "p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "form", "article")


def strip_skipped(root: etree._Element, tags: frozenset[str] = SKIP_TAGS,
                  hidden: bool = True) -> list[tuple[etree._Element, str, str]]:
    """Drop script, style, form controls, ... and (unless not `hidden`) hidden elements, keeping their tails.

    Returns (element, path, text) for the dropped ones a reader could have seen (hidden
    boxes, buttons, dialogs), so the caller can record them; code and styles are not text.
    A second pass for more tags, on a tree that has only lost elements since the first, finds
    no hidden element the first left: it asks lxml for those tags alone (`hidden=False`).
    """
    tree = root.getroottree()
    seen: list[tuple[etree._Element, str, str]] = []
    doomed = [] if hidden else list(root.iter(*tags))
    for el in root.iter() if hidden else ():  # `tag_of(el) in tags or _hidden(el)`, without two calls per element
        tag = el.tag
        if not isinstance(tag, str):
            continue  # a comment or processing instruction: no tag, no attributes
        tag = tag.lower()
        if tag in tags:
            doomed.append(el)
        elif tag != "html" and tag != "body":
            if el.get("hidden") is not None:
                doomed.append(el)
            else:
                style = el.get("style")
                if style and INVISIBLE_BLOCK.search(style):
                    doomed.append(el)
    for el in doomed:
        if _detached(el, root):
            continue
        if tag_of(el) in VISIBLE_SKIPS or _hidden(el):
            text = text_of(el)
            if text:
                seen.append((el, tree.getpath(el), text))
        _drop(el)
    return seen


def _detached(el: etree._Element, root: etree._Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is root:
            return False
    return True


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


class Paths:
    """Element paths as `tree.getpath()` writes them (`/html/body/div[2]/p`), each found in
    time proportional to its depth: libxml2 counts an element's siblings on every call,
    which made a page of 20,000 sibling boxes cost seconds. Valid while the tree does not
    change."""

    def __init__(self) -> None:
        self.paths: dict[etree._Element, str] = {}
        self.steps: dict[etree._Element, str] = {}  # element -> "tag" or "tag[n]"

    def of(self, el: etree._Element) -> str:
        chain = []
        node: etree._Element | None = el
        while node is not None and node not in self.paths:
            chain.append(node)
            node = node.getparent()
        path = self.paths[node] if node is not None else ""
        for node in reversed(chain):
            parent = node.getparent()
            step = self._root_step(node) if parent is None else self._step(parent, node)
            path = self.paths[node] = f"{path}/{step}"
        return path

    @staticmethod
    def _root_step(node: etree._Element) -> str:
        """The root too is numbered when libxml2 left another top-level element beside it."""
        before = sum(1 for other in node.itersiblings(preceding=True) if other.tag == node.tag)
        after = sum(1 for other in node.itersiblings() if other.tag == node.tag)
        return f"{node.tag}[{before + 1}]" if before or after else node.tag

    def _step(self, parent: etree._Element, node: etree._Element) -> str:
        if node not in self.steps:
            children = [child for child in parent if isinstance(child.tag, str)]
            totals: dict[str, int] = {}
            for child in children:
                totals[child.tag] = totals.get(child.tag, 0) + 1
            seen: dict[str, int] = {}
            for child in children:
                seen[child.tag] = seen.get(child.tag, 0) + 1
                self.steps[child] = f"{child.tag}[{seen[child.tag]}]" if totals[child.tag] > 1 else child.tag
        return self.steps[node]


class Walker:
    """Cut a body into blocks in document order, one pass, no recursion (deep trees are safe).

    `anchors` maps elements to the image each stands for: the walker puts an IMAGE block
    there and does not descend into it (its caption and credit are already in the image),
    except for the headings in `titles`, which are text and come first as heading blocks.
    """

    def __init__(self, tree: etree._ElementTree, anchors: dict[etree._Element, dict[str, Any]],
                 leftovers: dict[etree._Element, str] | None = None,
                 titles: dict[etree._Element, list[etree._Element]] | None = None, base_url: str | None = None):
        self.tree = tree
        self.anchors = anchors
        self.leftovers = leftovers or {}
        self.titles = titles or {}
        self.segments: list[Segment] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.quote_depth = 0
        self.item_depth = 0
        self.pre_depth = 0
        self.owners: list[etree._Element] = []
        self.breaks = 0
        self.gap = True
        # The open link (outermost <a href>) and the links of the block being built, for `-f html`.
        self.base_url = base_url
        self.href: str | None = None
        self.link_parts: list[str] = []
        self.links: list[tuple[str, str, str | None]] = []
        self.paths = Paths()

    def walk(self, body: etree._Element) -> list[Segment]:
        walker = etree.iterwalk(body, events=("start", "end"))
        anchors = self.anchors
        skipped: set[etree._Element] = set()
        text = self._text
        elements = 0
        for event, el in walker:
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            if event == "start":
                elements += 1
                if el in anchors:
                    self.flush()
                    self._image(el, anchors[el])
                elif tag == "table" and is_data_table(el):
                    self.flush()
                    self._table(el)
                elif tag in BLOCK_TAGS or tag in MARKED_INLINE:
                    self._start(el, tag)
                    continue
                else:  # any other inline element (span, em, ...): only its text
                    if el.text:
                        text(el.text)
                    continue
                skipped.add(el)
                walker.skip_subtree()
            elif el in skipped:
                text(el.tail)
            elif tag in BLOCK_TAGS or tag == "a":
                self._end(el, tag)
            elif el.tail:
                text(el.tail)
        self.flush()
        # libxml2's own path (C) scans the siblings of each ancestor, cheap on a page of a few
        # thousand elements (every sibling had a start event, so `elements` bounds each scan);
        # on a bigger one, `Paths` finds each path in time proportional to its depth.
        path = self.tree.getpath if elements <= GETPATH_MAX_ELEMENTS else self.paths.of
        for seg in self.segments:
            if seg.block.where == UNPLACED:
                seg.block.where = path(seg.owner)
        return self.segments

    def _start(self, el: etree._Element, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            self.owners.append(el)
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag == "li":
                self.item_depth += 1
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
            if self.link_depth == 1 and el.get("href"):
                self.href = el.get("href", "").strip()
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
            elif tag == "li":
                self.item_depth -= 1
            elif tag in ("pre", "listing", "xmp"):
                self.pre_depth -= 1
        elif tag == "a":
            self.link_depth -= 1
            if self.link_depth == 0:
                self._close_link()
                self.href = None
        self._text(el.tail)

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if self.breaks and not text.isspace():
            self.breaks = 0
        self.parts.append(text)
        if self.link_depth > 0:
            self.link_chars += len(text.strip())
            if self.href is not None:
                self.link_parts.append(text)

    def _close_link(self) -> None:
        """Note the open link's text (so far) and its absolute href on the block being built."""
        if self.href is not None and self.link_parts:
            text = normalise_line("".join(self.link_parts))
            if text:  # resolved against the base only if `-f html` asks (`link_target`)
                self.links.append((text, self.href, self.base_url))
        self.link_parts = []

    def flush(self) -> None:
        if not self.parts:
            # Nothing since the last flush: links, link text and line breaks all come with
            # parts, so they are empty too; most flushes (every block end) stop here.
            self.breaks = 0
            return
        self._close_link()  # a link cut by a block boundary: each block keeps its own part
        links, self.links = self.links, []
        parts, self.parts = self.parts, []
        link_chars, self.link_chars = self.link_chars, 0
        self.breaks = 0
        raw = "".join(parts)
        if self.pre_depth:
            lines = [normalise_line(line) for line in raw.split("\n")]
            # No blank lines: a blank line separates blocks in the clean text, so one inside
            # a pre block would split it in two there (and parse's block-end line breaks add some).
            text = "\n".join(line for line in lines if line)
        else:
            text = normalise_line(raw)
        if not text:
            return
        owner = self.owners[-1] if self.owners else self.tree.getroot()
        block = Block(text=text, where=UNPLACED, gap_before=True, links=links)
        self._kind(block, owner)
        self.segments.append(Segment(block, owner, len(text), min(link_chars, len(text)), self.item_depth > 0))

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
        for heading in self.titles.get(el, ()):
            text = normalise_line(" ".join(heading.itertext()))
            if text:
                links = sum(len(normalise_line(" ".join(a.itertext()))) for a in heading.iter("a"))
                title = Block(text=text, where=self.paths.of(heading), kind="heading",
                              level=HEADINGS[tag_of(heading)])
                self.segments.append(Segment(title, heading, len(text), min(links, len(text))))
        # The block keeps the figure's own words (credit labels such as "Photo:" included), so
        # the audit shows what the manifest entry was read from and no word goes unrecorded.
        source = normalise_line(" ".join(el.itertext()))
        block = Block(text=source or image.get("caption") or "", where=UNPLACED, verdict=IMAGE,
                      rule="html.figure", category="image")
        block.image = image
        self.segments.append(Segment(block, el))
        rest = self.leftovers.get(el)
        if rest:
            extra = Block(text=rest, where=UNPLACED, verdict=REMOVED, rule=FIGURE_TEXT, category="figure")
            self.segments.append(Segment(extra, el))

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
            block = Block(text=text, where=UNPLACED, kind="table")
            self.segments.append(Segment(block, el, len(text), min(links, len(text))))


def link_target(href: str, base_url: str | None) -> str:
    """A link's address made absolute against the page's base; as written when it cannot be."""
    try:
        return urljoin(base_url, href) if base_url else href
    except ValueError:  # "Invalid IPv6 URL" (http://[::1): the link as written
        return href


def is_data_table(table: etree._Element) -> bool:
    """A grid of data (rendered as rows) rather than a page laid out with a table."""
    if table.get("role") == "presentation":
        return False
    rows = columns = 0
    for el in table.iterdescendants():
        tag = tag_of(el)
        if tag in TABLE_INNER_BLOCKS:
            return False
        if tag == "tr":
            rows += 1
            columns = max(columns, sum(1 for cell in el if tag_of(cell) in ("td", "th")))
        elif tag in ("td", "th") and sum(len(t) for t in el.itertext()) > DATA_CELL_MAX_CHARS:
            return False
    return rows >= 2 and columns >= 2
