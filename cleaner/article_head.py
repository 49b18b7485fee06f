"""The article's head: its headline, the lines next to it, and the prose right below it.

The heading that repeats the page's title is the surest landmark on a page. It is used
twice: before the article is chosen, to check that the winner holds the prose right
below the headline (else a box that does takes over); and after, to bring the headline
and its short neighbours (byline, standfirst) back when they sit just outside the chosen
box, while date-only lines there go to the metadata instead of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .boxnames import in_unlikely
from .htmlparse import Segment
from .metadata import dateline_dates
from .prose import ends_sentence
from .scoring import LEVEL_DIVISORS, Totals, final

DATELINE = "heuristic.html.dateline"  # a date-only line by the headline: its date goes to metadata
OUTSIDE = "heuristic.html.outside-main"  # not in the article's boxes
HEADLINE_REACH = 12  # blocks above or below the article's first one where its headline may be
DATELINE_REACH = 6  # blocks right above the headline where a date line is its furniture
ANCHOR_REACH = 8  # blocks below the headline where its article's prose starts
ANCHOR_SHARE = 0.5  # of the winner's score and prose that the box below the headline needs


def find_headline(segments: list[Segment], wanted: Title | None, values: list[float]) -> int | None:
    """The heading that repeats the page's title. A page's own headline is followed by its
    prose, a masthead often is not; then one that repeats all of the title (or most) beats
    one that repeats only a part, which may be the site's name ("10Q Detective: Research in
    Motion"); then the most prominent wins (a teaser list may repeat the headline lower
    down, as a smaller heading)."""
    if wanted is None:
        return None
    found = [i for i, seg in enumerate(segments) if seg.block.kind == "heading" and same_title(seg.block.text, wanted)]
    if not found:
        return None
    return min(found, key=lambda i: (_prose_below(segments, values, i) is None,
                                     not same_title(segments[i].block.text, wanted, parts=False),
                                     segments[i].block.level, i))


def _prose_below(segments: list[Segment], values: list[float], headline: int) -> int | None:
    """The first block of prose that ends a sentence in the reach below a headline; none below
    a headline inside a list item, which is a teaser's."""
    if segments[headline].listed:
        return None
    end = min(headline + ANCHOR_REACH + 1, len(segments))
    return next((i for i in range(headline + 1, end) if values[i] and ends_sentence(segments[i].block.text)), None)


def title_key(text: str) -> str:
    """A title's letters and digits only, case-folded: sites drop or garble apostrophes,
    quotes and dashes in one copy of the title and not the other ("I’m in" and "Im in")."""
    return _NOT_WORD.sub("", text.casefold())


_NOT_WORD = re.compile(r"[\W_]+")
# What sites put between the story's title and their own name, section or tagline.
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|«»·:/]+\s+|:\s+|\s*\|\s*")
TITLE_PART_WORDS = 2  # a shorter part ("News", "Home") names too many headings on a page


@dataclass(frozen=True, slots=True)
class Title:
    """The page's title as headings are matched against it: whole, and by its parts
    ("Quotation of the Day « Healthcare Economist")."""

    whole: str
    parts: frozenset[str]

    @classmethod
    def of(cls, title: str, page_title: str | None = None) -> Title:
        """`page_title` is the page's whole `<title>`, when it differs from `title`: the
        metadata keeps only its longest part, and the headline may repeat another part."""
        keys: set[str] = set()
        for text in (title, page_title):
            if not text:
                continue
            parts = [part for part in _TITLE_SEPARATOR.split(text) if len(part.split()) >= TITLE_PART_WORDS]
            if len(parts) > 1:
                keys.update(title_key(part) for part in parts)
        whole = title_key(title)
        if page_title and title_key(page_title) != whole:
            keys.add(title_key(page_title))
        keys.discard(whole)
        return cls(whole, frozenset(keys))


def same_title(heading: str, title: Title, parts: bool = True) -> bool:
    """The heading, keyed, is the title (or, with `parts`, one of its parts), or one holds the
    other and is at least half as long."""
    key = title_key(heading)
    if not key:
        return False
    whole = title.whole
    return key == whole or (parts and key in title.parts) or (
        len(key) >= 0.5 * len(whole) and (key in whole or whole in key))


def anchored(top: etree._Element, best: Totals, headline: int, segments: list[Segment], values: list[float],
             found: dict[etree._Element, Totals], whole_title: bool = False) -> tuple[etree._Element, Totals]:
    """An article starts right below its headline. When the winner does not hold the first
    sentence of prose there (a byline or date line is not one), it won on its name
    ("post-author", "blog-description", "entry" on a teaser) more than on its text: the
    best box that holds that sentence (and not the winner) takes over if it scores at
    least half as well and has at least half as much prose. It takes over however it scores
    when the winner ends above a headline that repeats the whole title and holds less
    prose: an article never ends above its own headline, a promo in the masthead does
    (`whole_title`: the headline is the title, not only one of its parts, which may be the
    site's name over an advertisers' box).

    A headline inside a list item is a teaser's, not the page's."""
    first = _prose_below(segments, values, headline)
    if first is None or first in best.segments:
        return top, best
    above_top = set(top.iterancestors())
    options = []
    el: etree._Element | None = segments[first].owner
    for _ in range(len(LEVEL_DIVISORS) + 1):
        if el is None or el in above_top:
            break
        t = found.get(el)
        if t is not None and t.base is not None:
            options.append((final(t), el, t))
        el = el.getparent()
    if not options:
        return top, best
    score, el, t = max(options, key=lambda option: option[0])
    if score >= ANCHOR_SHARE * final(best) and t.prose >= ANCHOR_SHARE * best.prose:
        return el, t
    if whole_title and best.segments[-1] < headline and t.prose > best.prose:
        return el, t  # the winner ends above the headline (a promo in the masthead) and holds less prose
    return top, best


def keep_headline(segments: list[Segment], verdicts: list[str | None], wanted: Title | None,
                  body: etree._Element) -> None:
    """The article's headline often sits just above the body's container: bring it, and the
    short lines (byline, standfirst, lead image) between it and the body, back.

    A headline the reader left out between two boxes it joined as the article's (a kicker and
    a byline box beside the body) is brought back too.

    A line there, or right above the headline, that is only a date ("Posted: Thu, 10 Jan 2008
    03:47 GMT") is page furniture like the byline: it stays out of the text, and the reader
    moves its date to the metadata. (Below the headline, inside the article's own box, a date
    line is left in: there it is as often counted as the article's own first line.)"""
    first = next((i for i, v in enumerate(verdicts) if v is None), None)
    if first is None or wanted is None:
        return
    headline = next((i for i in range(first, min(first + HEADLINE_REACH, len(segments)))
                     if (verdicts[i] is None or verdicts[i] == OUTSIDE and _between_boxes(segments, verdicts, i))
                     and segments[i].block.kind == "heading" and same_title(segments[i].block.text, wanted)), None)
    if headline is not None:
        verdicts[headline] = None
    else:
        headline = _bring_back(segments, verdicts, first, wanted, body)
    if headline is not None:
        for above in range(max(headline - DATELINE_REACH, 0), headline):
            if verdicts[above] is None and _dateline(segments[above]):
                verdicts[above] = DATELINE


def _between_boxes(segments: list[Segment], verdicts: list[str | None], index: int) -> bool:
    """Do the kept blocks right before and after the heading at `index` lie in boxes beside it
    (a kicker and a byline box the reader joined as the article's, the headline between them in
    no box of its own)?"""
    heading = segments[index].owner
    parent = heading.getparent()

    def beside(i: int | None) -> bool:
        if i is None:
            return False
        node = segments[i].owner
        while node is not None and node.getparent() is not parent:
            node = node.getparent()
        return node is not None and node is not heading

    before = next((i for i in range(index - 1, -1, -1) if verdicts[i] is None and segments[i].chars), None)
    after = next((i for i in range(index + 1, len(segments)) if verdicts[i] is None and segments[i].chars), None)
    return parent is not None and beside(before) and beside(after)


def _bring_back(segments: list[Segment], verdicts: list[str | None], first: int, wanted: Title,
                body: etree._Element) -> int | None:
    """The headline in the reach above the article's first block, brought back with the short
    lines between them; date-only lines among those go as datelines."""
    cache: dict[etree._Element, bool] = {}
    for index in range(first - 1, max(first - 1 - HEADLINE_REACH, -1), -1):
        seg = segments[index]
        if seg.block.kind == "heading" and same_title(seg.block.text, wanted):
            for between in range(index, first):
                other = segments[between]
                if between == index or other.chars == 0 or (
                        other.chars < 250 and other.link_chars < 0.5 * other.chars
                        and not other.block.text.endswith(":") and not in_unlikely(other.owner, body, cache, frozenset())):
                    verdicts[between] = DATELINE if between != index and _dateline(other) else None
            return index
    return None


def _dateline(seg: Segment) -> bool:
    return bool(seg.chars) and dateline_dates(seg.block.text) is not None
