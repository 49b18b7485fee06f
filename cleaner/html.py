"""HTML reader: one parse, then selector rules, figures, main content and blocks, in that order.

The order matters: selector rules run first, so an ad box's picture is never taken for the
article's; figures are collected before content detection, which might otherwise drop a
figure that sits beside the text rather than inside it; everything dropped is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector

from .content import DATELINE, select
from .document import BODY, IMAGE, REMOVED, Block, Document
from .fallback import second_look
from .figures import collect_figures
from .htmlparse import SKIP_TAGS, Walker, drop, parse, strip_skipped, tag_of, text_of
from .metadata import dateline_dates, page_title, read_metadata
from .rulebook import Rule, RuleSet

# Elements a selector may never remove: the page itself and the article markers.
PROTECTED = frozenset({"html", "body", "main"})
ARTICLE_MARKERS = "main, [role=main], [itemprop=articleBody], [itemprop=articlebody]"
WRAPPER_SHARE = 0.6
MIN_PAGE_CHARS = 500
HIDDEN = "heuristic.html.hidden"  # hidden elements and form controls
JSON_LD_WHERE = "script[type=application/ld+json]"


def read_html(text: str, *, url: str | None = None, rules: RuleSet) -> Document:
    """Blocks of an HTML page in document order, with title, metadata and images."""
    tree = parse(text)
    root = tree.getroot()
    body = root.find("body")
    title, metadata, base_url, ld_images = read_metadata(root, url)
    whole_title = page_title(root)
    removed = _record(strip_skipped(root, SKIP_TAGS - {"noscript"}))
    removed += apply_selectors(tree, body, rules.selectors(url))
    anchors, leftovers, titles, unplaced = collect_figures(body, base_url, rules, ld_images)
    removed += _record(strip_skipped(root, frozenset({"noscript"})))
    segments = Walker(tree, anchors, leftovers, titles, base_url=base_url).walk(body)
    verdicts, headline = select(segments, body, title, whole_title)
    extraction = second_look(text, segments, verdicts, headline, title, whole_title, body)
    blocks = []
    for seg, verdict in zip(segments, verdicts):
        if verdict == DATELINE:
            seg.block.decide(REMOVED, verdict, "dateline")
            _fill_dates(metadata, seg.block.text)
        elif verdict is not None:
            seg.block.decide(REMOVED, verdict, "boilerplate")
        blocks.append(seg.block)
    _place(blocks, unplaced)
    return Document(blocks=blocks, kind="html", url=url or metadata.get("url"), title=title,
                    metadata=metadata, removed=removed, extraction=extraction.as_dict())


def _fill_dates(metadata: dict[str, Any], line: str) -> None:
    """A dateline's dates fill the metadata the page's JSON-LD and meta tags left empty."""
    for key, value in (dateline_dates(line) or {}).items():
        metadata.setdefault(key, value)


def _record(dropped: list[tuple[Any, str, str]]) -> list[Block]:
    return [Block(text=text, where=where, verdict=REMOVED, rule=HIDDEN, category="hidden")
            for _, where, text in dropped]


def _place(blocks: list[Block], images: list[dict[str, Any]]) -> None:
    """JSON-LD images the page does not show go before the first body block (the lead image)."""
    if not images:
        return
    first = next((i for i, b in enumerate(blocks) if b.verdict == BODY), len(blocks))
    for image in reversed(images):
        block = Block(text=image.get("caption") or "", where=JSON_LD_WHERE, verdict=IMAGE,
                      rule="html.json-ld-image", category="image", image=image)
        blocks.insert(first, block)


SIMPLE_PART = re.compile(r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:[\^*$|~]?=[^\]]*)?\])*)")
CONDITION = re.compile(r"([.#])([\w-]+)|\[([\w-]+)(?:([\^*$|~]?=)([^\]]*))?\]")
Condition = tuple[str, str, str]  # (attribute, operator, value); operator "" = present


@dataclass(frozen=True)
class SimplePart:
    """One compound selector without combinators (`div.ad`, `[id^=gpt]`): matched in Python,
    because XPath class tests over every element cost more than the rest of the page."""

    rule: int
    tag: str | None
    conditions: tuple[Condition, ...]

    def key(self) -> tuple[str, str]:
        for attribute, operator, value in self.conditions:
            if attribute == "class" and operator == "~=":
                return "class", value
        for attribute, operator, value in self.conditions:
            if attribute == "id" and operator == "=":
                return "id", value
        if self.conditions:
            return "attr", self.conditions[0][0]
        return "tag", self.tag or "*"

    def matches(self, el: etree._Element, tag: str, classes: set[str]) -> bool:
        if self.tag and self.tag != tag:
            return False
        for attribute, operator, value in self.conditions:
            if attribute == "class" and operator == "~=":
                if value not in classes:
                    return False
                continue
            actual = el.get(attribute)
            if actual is None or not _attribute_matches(actual, operator, value):
                return False
        return True


def _attribute_matches(actual: str, operator: str, value: str) -> bool:
    if operator == "":
        return True
    if operator == "=":
        return actual == value
    if operator == "^=":
        return bool(value) and actual.startswith(value)
    if operator == "*=":
        return bool(value) and value in actual
    if operator == "$=":
        return bool(value) and actual.endswith(value)
    if operator == "~=":
        return value in actual.split()
    return actual == value or actual.startswith(value + "-")  # |=


@lru_cache(maxsize=64)
def _plan(selectors: tuple[str, ...]) -> tuple[dict[tuple[str, str], list[SimplePart]], list[tuple[int, CSSSelector]]]:
    """Index the simple parts of every rule's selector; compile the rest with cssselect."""
    index: dict[tuple[str, str], list[SimplePart]] = {}
    complex_parts: list[tuple[int, CSSSelector]] = []
    for number, selector in enumerate(selectors):
        for part in (p.strip() for p in selector.split(",")):
            found = SIMPLE_PART.fullmatch(part)
            if part and found and (found.group("tag") or found.group("rest")):
                simple = SimplePart(number, (found.group("tag") or "").lower().strip("*") or None,
                                    tuple(_conditions(found.group("rest"))))
                index.setdefault(simple.key(), []).append(simple)
            elif part:
                complex_parts.append((number, CSSSelector(part)))
    return index, complex_parts


def _conditions(rest: str) -> list[Condition]:
    out: list[Condition] = []
    for mark, name, attribute, operator, value in CONDITION.findall(rest):
        if mark == ".":
            out.append(("class", "~=", name))
        elif mark == "#":
            out.append(("id", "=", name))
        else:
            out.append((attribute.lower(), operator, value.strip().strip("\"'")))
    return out


def _matches(body: etree._Element, rules: list[Rule]) -> list[tuple[etree._Element, Rule]]:
    """(element, first rule that matches it), in document order."""
    index, complex_parts = _plan(tuple(rule.selector or "" for rule in rules))
    found: dict[etree._Element, int] = {}
    for number, compiled in complex_parts:
        for el in compiled(body):
            found[el] = min(found.get(el, number), number)
    attributes = {name for kind, name in index if kind == "attr"}
    out = []
    for el in body.iter():
        tag = tag_of(el)
        if not tag:
            continue
        classes = set((el.get("class") or "").split())
        candidates = index.get(("tag", tag), []) + index.get(("tag", "*"), [])
        for name in classes:
            candidates = candidates + index.get(("class", name), [])
        element_id = el.get("id")
        if element_id:
            candidates = candidates + index.get(("id", element_id), [])
        for name in attributes:
            if el.get(name) is not None:
                candidates = candidates + index.get(("attr", name), [])
        best = found.get(el)
        for part in candidates:
            if (best is None or part.rule < best) and part.matches(el, tag, classes):
                best = part.rule
        if best is not None:
            out.append((el, rules[best]))
    return out


def apply_selectors(tree: etree._ElementTree, body: etree._Element, rules: list[Rule]) -> list[Block]:
    """Remove what the selector rules match, each recorded with its rule id and path.

    A match that wraps the article (a `class="… comments-open"` on the page wrapper, say)
    is left alone: it holds an article marker or most of the page's text.
    """
    removed: list[Block] = []
    if not rules:
        return removed
    page_chars: int | None = None
    for el, rule in _matches(body, rules):
        if tag_of(el) in PROTECTED or _detached(el, body):
            continue
        if next(iter(_markers()(el)), None) is not None:
            continue
        text = text_of(el)
        if page_chars is None:
            page_chars = len(text_of(body))
        if page_chars > MIN_PAGE_CHARS and len(text) > WRAPPER_SHARE * page_chars:
            continue
        removed.append(Block(text=text, where=tree.getpath(el), kind="paragraph", verdict=REMOVED,
                             rule=rule.id, category=rule.category))
        drop(el)
    return removed


@lru_cache(maxsize=1)
def _markers() -> CSSSelector:
    return CSSSelector(ARTICLE_MARKERS)


def _detached(el: etree._Element, body: etree._Element) -> bool:
    """Already removed with an ancestor matched by an earlier rule."""
    for ancestor in el.iterancestors():
        if ancestor is body:
            return False
    return True
