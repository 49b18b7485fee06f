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
    """Add each block (and its points) to every element from its owner up to `body`."""
    found: dict[etree._Element, Totals] = {}
    for index, seg in enumerate(segments):
        value = values[index]
        is_para = seg.block.kind in ("paragraph", "quote", "pre")
        is_item = seg.block.kind == "item"
        commas = seg.block.text.count(",")
        el: etree._Element | None = seg.owner
        while el is not None:
            t = found.get(el)
            if t is None:
                t = found[el] = Totals()
            t.chars += seg.chars
            t.links += seg.link_chars
            t.commas += commas
            t.paras += is_para
            t.items += is_item
            t.prose += value
            t.listed += value if seg.listed else 0.0
            t.segments.append(index)
            if el is body:
                break
            el = el.getparent()
    return found


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
