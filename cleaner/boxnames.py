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

# Names sites give to their article containers, and to everything around them.
POSITIVE = re.compile(r"article|\bbody|content|entry|main|\bpost|story|text|blog|prose|hentry|column", re.I)
NEGATIVE = re.compile(
    r"comment|sidebar|side-bar|widget|footer|masthead|menu|\bnav|share|sharing|social|related|promo|"
    r"sponsor|\bads?\b|advert|banner|breadcrumb|popup|modal|cookie|newsletter|subscri|signup|\btags?\b|"
    r"pagination|pager|outbrain|taboola|recommend|disqus|rating|toolbar|login|shoutbox|skyscraper|"
    r"teaser|trending|most-?popular|most-?read|rail|extra|gallery|slideshow|carousel|secondary", re.I)
# Boxes inside an article that are never part of it, whatever else their name says.
NEVER = re.compile(r"(?<![a-z])(comment|disqus|respond(?![a-z])|share(?!d|holder)|sharing|social|related|"
                   r"newsletter|outbrain|taboola|breadcrumb|most-?popular|most-?read|recommend|promo(?![a-z])|"
                   r"sponsor|advert|sidebar|gallery|slideshow|carousel|"
                   r"author-?(?:bio|box|info|description|details)|about-?(?:the-?)?author|postauthor|bio(?![a-z])"
                   r")", re.I)
UNLIKELY_TAGS = frozenset({"aside", "nav", "footer"})
SLUG_ID_WORDS = 3  # ids made from headings ("the-shared-history") say nothing about the box


def class_weight(el: etree._Element) -> int:
    """+25 for a name like the article's, -25 for one like the chrome's (both cancel out)."""
    names = class_and_id(el)
    if not names.strip():
        return 0
    return 25 * bool(POSITIVE.search(names)) - 25 * bool(NEGATIVE.search(names))


def unlikely(el: etree._Element) -> bool:
    """Named like a comment section, share bar, related box, ... and not also like the article."""
    if tag_of(el) in UNLIKELY_TAGS:
        return True
    names = (el.get("class") or "").lower().split()
    element_id = (el.get("id") or "").lower()
    if element_id and len(re.split(r"[-_]", element_id)) < SLUG_ID_WORDS:
        if NEVER.search(element_id):
            return True  # an id names one box: "comment-text" is a comment whatever its classes say
        names.append(element_id)
    return any(NEVER.search(n) for n in names) and not any(
        POSITIVE.search(n) and not NEVER.search(n) for n in names)


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
