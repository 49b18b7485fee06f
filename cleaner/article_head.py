"""The article's head: its headline, the lines next to it, and the prose right below it.

The heading that repeats the page's title is the surest landmark on a page. It is used
twice: before the article is chosen, to check that the winner holds the prose right
below the headline (else a box that does takes over); and after, to bring the headline
and its short neighbours (byline, standfirst) back when they sit just outside the chosen
box, while date-only lines there go to the metadata instead of the text.
"""

from __future__ import annotations

from lxml import etree

from .boxnames import in_unlikely
from .htmlparse import Segment
from .metadata import dateline_dates
from .prose import ends_sentence
from .rulebook import fold
from .scoring import LEVEL_DIVISORS, Totals, final

DATELINE = "heuristic.html.dateline"  # a date-only line by the headline: its date goes to metadata
HEADLINE_REACH = 12  # blocks above or below the article's first one where its headline may be
DATELINE_REACH = 6  # blocks right above the headline where a date line is its furniture
ANCHOR_REACH = 8  # blocks below the headline where its article's prose starts
ANCHOR_SHARE = 0.5  # of the winner's score and prose that the box below the headline needs


def find_headline(segments: list[Segment], title: str | None) -> int | None:
    """The heading that repeats the page's title, the most prominent first (a teaser list
    may repeat it lower down, as a smaller heading)."""
    if not title:
        return None
    wanted = fold(title)
    found = [i for i, seg in enumerate(segments) if seg.block.kind == "heading"
             and same_title(fold(seg.block.text), wanted)]
    return min(found, key=lambda i: (segments[i].block.level, i)) if found else None


def same_title(heading: str, title: str) -> bool:
    """Folded heading and title are the same, or one holds the other and is at least half as long."""
    if not heading:
        return False
    return heading == title or (len(heading) >= 0.5 * len(title) and (heading in title or title in heading))


def anchored(top: etree._Element, best: Totals, headline: int, segments: list[Segment], values: list[float],
             found: dict[etree._Element, Totals]) -> tuple[etree._Element, Totals]:
    """An article starts right below its headline. When the winner does not hold the first
    sentence of prose there (a byline or date line is not one), it won on its name
    ("post-author", "blog-description", "entry" on a teaser) more than on its text: the
    best box that holds that sentence (and not the winner) takes over if it scores at
    least half as well and has at least half as much prose.

    A headline inside a list item is a teaser's, not the page's."""
    if segments[headline].listed:
        return top, best
    end = min(headline + ANCHOR_REACH + 1, len(segments))
    first = next((i for i in range(headline + 1, end) if values[i] and ends_sentence(segments[i].block.text)), None)
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
    return top, best


def keep_headline(segments: list[Segment], verdicts: list[str | None], title: str | None,
                  body: etree._Element) -> None:
    """The article's headline often sits just above the body's container: bring it, and the
    short lines (byline, standfirst, lead image) between it and the body, back.

    A line there, or right above the headline, that is only a date ("Posted: Thu, 10 Jan 2008
    03:47 GMT") is page furniture like the byline: it stays out of the text, and the reader
    moves its date to the metadata. (Below the headline, inside the article's own box, a date
    line is left in: there it is as often counted as the article's own first line.)"""
    first = next((i for i, v in enumerate(verdicts) if v is None), None)
    if first is None or not title:
        return
    wanted = fold(title)
    cache: dict[etree._Element, bool] = {}
    headline = None
    for index in range(first - 1, max(first - 1 - HEADLINE_REACH, -1), -1):
        seg = segments[index]
        if seg.block.kind == "heading" and same_title(fold(seg.block.text), wanted):
            headline = index
            for between in range(index, first):
                other = segments[between]
                if between == index or other.chars == 0 or (
                        other.chars < 250 and other.link_chars < 0.5 * other.chars
                        and not other.block.text.endswith(":") and not in_unlikely(other.owner, body, cache, frozenset())):
                    verdicts[between] = DATELINE if between != index and _dateline(other) else None
            break
    if headline is None:
        headline = next((i for i in range(first, min(first + HEADLINE_REACH, len(segments)))
                         if verdicts[i] is None and segments[i].block.kind == "heading"
                         and same_title(fold(segments[i].block.text), wanted)), None)
    if headline is not None:
        for above in range(max(headline - DATELINE_REACH, 0), headline):
            if verdicts[above] is None and _dateline(segments[above]):
                verdicts[above] = DATELINE


def _dateline(seg: Segment) -> bool:
    return bool(seg.chars) and dateline_dates(seg.block.text) is not None
