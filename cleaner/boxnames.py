"""What an element's tag and its class and id names say about the box it is.

Sites name their article containers ("entry", "story-body") and everything around them
("sidebar", "share-bar", "comments"). These names are the cheapest evidence there is, so
both the scorer (a box's base weight) and the pruner (boxes that are never the article)
read them from here, and only from here.
"""

from __future__ import annotations

import re

from lxml import etree

from .htmlparse import class_and_id, tag_of
from .vocabulary import test

# The names themselves are vocabulary rules (rules/vocabulary.toml), looked up by these ids:
POSITIVE = "heuristic.html.article-names"  # names sites give to their article containers
NEGATIVE = "heuristic.html.chrome-names"  # ... and to everything around them
NEVER = "heuristic.html.boilerplate-box"  # boxes inside an article that are never part of it
UNLIKELY_TAGS = frozenset({"aside", "nav", "footer"})
SLUG_ID_WORDS = 3  # ids made from headings ("the-shared-history") say nothing about the box


def class_weight(el: etree._Element) -> int:
    """+25 for a name like the article's, -25 for one like the chrome's (both cancel out)."""
    names = class_and_id(el)
    if not names.strip():
        return 0
    return 25 * bool(test(POSITIVE)(names)) - 25 * bool(test(NEGATIVE)(names))


def unlikely(el: etree._Element) -> bool:
    """Named like a comment section, share bar, related box, ... and not also like the article."""
    if tag_of(el) in UNLIKELY_TAGS:
        return True
    names = (el.get("class") or "").lower().split()
    element_id = (el.get("id") or "").lower()
    never = test(NEVER)
    if element_id and len(re.split(r"[-_]", element_id)) < SLUG_ID_WORDS:
        if never(element_id):
            return True  # an id names one box: "comment-text" is a comment whatever its classes say
        names.append(element_id)
    if not names:
        return False
    positive = test(POSITIVE)
    return any(never(n) for n in names) and not any(positive(n) and not never(n) for n in names)


def in_unlikely(el: etree._Element, body: etree._Element, cache: dict[etree._Element, bool],
                spared: frozenset[etree._Element]) -> bool:
    """Whether `el` or a box above it (below `body`, and not one of the `spared`) is unlikely.

    `cache` remembers the verdict for every element walked, so a page costs one walk."""
    chain = []
    verdict = False
    node: etree._Element | None = el
    while node is not None and node is not body:
        known = cache.get(node)
        if known is not None:
            verdict = known
            break
        chain.append(node)
        if node not in spared and unlikely(node):
            verdict = True
            break
        node = node.getparent()
    for node in chain:
        cache[node] = verdict
    return verdict
