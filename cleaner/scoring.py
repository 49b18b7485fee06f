"""Score the page's elements by the prose they hold.

Scores flow upwards from prose: each paragraph gives points (for its length and commas,
discounted by its share of link text) to the element that holds it and, diminishing, to
the elements above that. Totals also keep what else lies under each element (text, link
text, blocks by kind) because every later step (anchoring, climbing, pruning) asks about
those, and one pass over the segments is cheaper than asking the tree again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .boxnames import class_weight, in_unlikely
from .htmlparse import HEADINGS, Segment, tag_of

LEAF_TAGS = frozenset({"p", "pre", "li", "dt", "dd", "td", "th", "blockquote", "font", "span", "center",
                       "figcaption", "address", "caption", *HEADINGS})
TAG_WEIGHT = {"div": 5, "article": 10, "main": 8, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
              "form": -3, "ul": -3, "ol": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "address": -3,
              "th": -5, "header": -5, "footer": -20, "nav": -25, "aside": -20,
              **{h: -5 for h in HEADINGS}}
MIN_PROSE = 25  # characters: shorter blocks are labels, not prose
LEVEL_DIVISORS = (1.0, 2.0, 6.0, 12.0)  # a block's points to its container, the one above, ...


@dataclass(slots=True)
class Totals:
    """What lies under one element: text, link text, commas, and its blocks by kind."""

    chars: int = 0
    links: int = 0
    commas: int = 0
    paras: int = 0
    items: int = 0
    score: float = 0.0
    prose: float = 0.0  # undivided points of all the prose below
    listed: float = 0.0  # of which in list items (teasers, comments): no reason to climb
    base: float | None = None  # tag and name weight; set only on elements that got points
    segments: list[int] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        return self.links / self.chars if self.chars else 0.0


EMPTY = Totals()


def points(segments: list[Segment], body: etree._Element,
           spared: frozenset[etree._Element] = frozenset()) -> list[float]:
    """What each block says about its container: prose scores, links and chrome do not.

    Blocks inside boxes named like chrome score nothing, except below the `spared` ones."""
    cache: dict[etree._Element, bool] = {}
    values = []
    for seg in segments:
        value = 0.0
        if seg.chars >= MIN_PROSE and seg.block.kind in ("paragraph", "quote", "pre", "item") \
                and seg.link_chars <= 0.5 * seg.chars and not in_unlikely(seg.owner, body, cache, spared):
            density = seg.link_chars / seg.chars
            value = (1 + seg.block.text.count(",") + min(seg.chars / 100, 3)) * (1 - density)
            if seg.block.kind == "item":
                value /= 2
        values.append(value)
    return values


def totals(segments: list[Segment], body: etree._Element, values: list[float]) -> dict[etree._Element, Totals]:
    """Add each block (and its points) to every element from its owner up to `body`.

    Counts are added to the owner, then handed up the tree once per element, deepest first,
    instead of to every ancestor of every block; points are floats, so they are still added
    block by block in page order (the sums stay the same to the last bit), but only for the
    blocks that have any. The map's order is the order the elements were first reached, owner
    then ancestors, which the candidates' ties rely on."""
    found: dict[etree._Element, Totals] = {}
    parents: dict[etree._Element, etree._Element | None] = {}
    depths: dict[etree._Element, int] = {}
    for index, seg in enumerate(segments):
        owner = seg.owner
        t = found.get(owner)
        if t is None:
            t = _reach(owner, body, found, parents, depths)
        t.chars += seg.chars
        t.links += seg.link_chars
        t.commas += seg.block.text.count(",")
        kind = seg.block.kind
        if kind in ("paragraph", "quote", "pre"):
            t.paras += 1
        elif kind == "item":
            t.items += 1
        t.segments.append(index)
    for el in sorted(depths, key=depths.__getitem__, reverse=True):
        parent = parents[el]
        if parent is not None:
            t, above = found[el], found[parent]
            above.chars += t.chars
            above.links += t.links
            above.commas += t.commas
            above.paras += t.paras
            above.items += t.items
            above.segments += t.segments
    for t in found.values():
        t.segments.sort()
    for seg, value in zip(segments, values):
        if not value:
            continue
        el: etree._Element | None = seg.owner
        while el is not None:
            t = found[el]
            t.prose += value
            if seg.listed:
                t.listed += value
            el = parents[el]
    return found


def _reach(owner: etree._Element, body: etree._Element, found: dict[etree._Element, Totals],
           parents: dict[etree._Element, etree._Element | None], depths: dict[etree._Element, int]) -> Totals:
    """Totals for `owner` and for its ancestors up to `body` not reached before (those above a
    reached one are reached too); each element's parent in that chain (None past `body`) and depth."""
    chain = []
    el: etree._Element | None = owner
    while el is not None and el not in found:
        found[el] = Totals()
        chain.append(el)
        parent = None if el is body else el.getparent()
        parents[el] = parent
        el = parent
    depth = depths[el] if el is not None else -1
    for el in reversed(chain):
        depth += 1
        depths[el] = depth
    return found[owner]


def score(segments: list[Segment], found: dict[etree._Element, Totals], body: etree._Element,
          values: list[float]) -> None:
    """Give each block's points to its container and, divided, to the few elements above."""
    for seg, value in zip(segments, values):
        if not value:
            continue
        el = seg.owner.getparent() if tag_of(seg.owner) in LEAF_TAGS else seg.owner
        for divisor in LEVEL_DIVISORS:
            if el is None:
                break
            t = found[el]
            if t.base is None:
                t.base = TAG_WEIGHT.get(tag_of(el), 0) + class_weight(el)
            t.score += value / divisor
            if el is body:
                break
            el = el.getparent()


def final(t: Totals) -> float:
    """An element's score: its points and its weight, discounted by its link density."""
    return (t.score + (t.base or 0)) * (1 - t.link_density)
