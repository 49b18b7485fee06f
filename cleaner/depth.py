"""Layout depth in a page dump: the body's indentation and what sits off it.

Page renderers (inscriptis, `lynx -dump`) keep each line's nesting as leading spaces, so the
article's paragraphs share one depth while sidebars, teasers, comment boxes and another
column's cells sit at others. Once the classifier has a first run, these measures find the
body's depth, where the article ends at it, the closing lines it keeps, and the lines inside
the run that belong to another column. Kept apart from the run's scoring because they all
ask one question (is this line at the body's depth?) of a run already found.
"""

from __future__ import annotations

import re
from collections import Counter

from .document import REMOVED, Block
from .shapes import CODE_RUN_SHARE, Shape

LONE_WEIGHT = 0.5      # a paragraph with no prose next to it counts this much towards the body's indentation
TAIL_DEPTH = 10       # prose after the article at most this much deeper or shallower is another box of its page ...
TAIL_SHARE = 0.5      # ... when it holds less than this share of the article's prose ...
TAIL_FLOW = 0.5       # ... and fewer of its paragraphs than this share follow one another
OFF_LEVEL_DROP = 8     # a non-prose line this far from the body's indentation is in another column
INTERLEAVED_MIN = 4    # this many short lines, each between two paragraphs, ...
INTERLEAVED_SHARE = 0.6  # ... one after most paragraphs, are another column's cells
CLOSING_END = re.compile(r"[^.][.!][\"'”’»)\]]*\s*$")  # a full stop, not an ellipsis ("More sport news...") nor a question ("What's this?")
RULE_LINE = re.compile(r"(?:[_*=~\-]\s?){2,}")
FURNITURE_CATEGORIES = frozenset({"related"})  # removed by the rules: weighs against the run like a link line, heads a box of blurbs


def body_level(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> int | None:
    """The indentation holding most body-like text in blocks[start:end], or None.

    Page renderers keep layout depth as leading spaces: an article's paragraphs sit at one
    depth, while menus, sidebars, captions and teasers sit at others.
    """
    levels: Counter[int] = Counter()
    judged = [i for i in range(start, end) if shapes[i] is not None]
    for position, index in enumerate(judged):
        shape_ = shapes[index]
        if shape_.good:
            # Paragraphs that follow one another are an article's; a lone one between stamps,
            # headlines or link lines is a comment or a teaser's blurb.
            near = judged[max(0, position - 1):position] + judged[position + 1:position + 2]
            flowing = any(shapes[i].good and blocks[i].indent == blocks[index].indent for i in near)
            if not shape_.gallery:  # a slideshow's captions flow too, but they are not the body
                levels[blocks[index].indent] += min(shape_.chars, 2000) * (1.0 if flowing else LONE_WEIGHT)
    return levels.most_common(1)[0][0] if levels else None


def beside_body(blocks: list[Block], shapes: list[Shape | None], index: int, level: int | None) -> bool:
    """Is blocks[index] far from the body's indentation while the next prose is at it?"""
    if level is None or abs(blocks[index].indent - level) < OFF_LEVEL_DROP:
        return False
    after = next((i for i in range(index + 1, len(blocks)) if shapes[i] is not None and shapes[i].good), None)
    return after is not None and blocks[after].indent == level


def level_end(blocks: list[Block], shapes: list[Shape | None], start: int, end: int, level: int) -> int:
    """Where the article ends: after its last paragraph at the body's indentation.

    Prose that follows it one container deeper or shallower (a comment thread, a teaser box,
    an author's bio) can still add to the run's score at its reduced weight; it is not the
    article's. The tail is cut only when it looks like such boxes: near in depth (a far jump
    is a table layout's next cell, which may go on with the article), short beside the
    article, and broken up (each text under its own name or headline line, where an article
    that goes on at another depth flows from paragraph to paragraph). A list the last
    paragraph announces (ending in ":") is the article's.
    """
    last = next((i for i in range(end - 1, start - 1, -1) if (shape_ := shapes[i]) is not None
                 and shape_.good and not shape_.gallery and blocks[i].indent == level), None)
    if last is None or last + 1 >= end or blocks[last].text.rstrip().endswith(":"):
        return end
    seen = [i for i in range(last + 1, end) if shapes[i] is not None or blocks[i].verdict == REMOVED]
    tail = [i for i in seen if shapes[i] is not None and shapes[i].good]
    if any(abs(blocks[i].indent - level) > TAIL_DEPTH for i in tail):
        return end
    flowing = sum(before in tail and after in tail and blocks[before].indent == blocks[after].indent
                  for before, after in zip(seen, seen[1:]))
    article = sum(shapes[i].chars for i in range(start, last + 1) if shapes[i] is not None and shapes[i].good)
    if sum(shapes[i].chars for i in tail) >= TAIL_SHARE * article:
        return end
    if flowing >= TAIL_FLOW * len(tail) and not _headed_box(blocks, seen, tail):
        return end
    return last + 1


def _headed_box(blocks: list[Block], seen: list[int], tail: list[int]) -> bool:
    """Does a header the rules removed as a list of other articles ("Related coverage") come
    before the tail's first paragraph? Then its blurbs are that list's, however they flow."""
    return bool(tail) and any(blocks[i].verdict == REMOVED and blocks[i].category in FURNITURE_CATEGORIES
                              for i in seen if i < tail[0])


def closing_lines(blocks: list[Block], shapes: list[Shape | None], end: int, level: int, thread: int) -> int:
    """Extend the article over the short sentences right after it at its own depth.

    An article often closes with a line too short to be scored as prose ("Heba Habib
    contributed to this report.", "This story has been updated."): a full sentence at the
    body's indentation, directly after its last paragraph, is the article's. A menu or a
    byline box does not end in a full stop, a prompt ends in a question ("Share this article
    What's this?") or an ellipsis ("More sport news..."), and another box sits at another depth.
    """
    limit = min(thread, len(blocks))
    while end < limit:
        step = 1
        if _rule_line(blocks[end]) and end + 1 < limit:
            step = 2  # a separator ("___", "* * *") between the last paragraph and its closing line
        shape_ = shapes[end + step - 1]
        text = blocks[end + step - 1]
        if (shape_ is None or text.indent != level or not CLOSING_END.search(text.text)
                or shape_.bad or shape_.repeated or shape_.code or shape_.words < 3):
            break
        end += step
    return end


def _rule_line(block: Block) -> bool:
    """A horizontal rule printed as text: "___", "***", "* * *", "---"."""
    return bool(RULE_LINE.fullmatch(block.text.strip()))


def other_column(blocks: list[Block], shapes: list[Shape | None], start: int, end: int,
                 level: int | None) -> list[int]:
    """Blocks inside the run that sit in another layout column: far from the body's
    indentation and not prose (an ad slot, a sidebar's headlines, a teaser box next to the
    article). Headings, captions and list items of the article sit near its level."""
    if level is None:
        return []
    judged = [i for i in range(start, end) if shapes[i] is not None]
    listings = _nested_listings(blocks, shapes, judged, level)
    return [index for index in judged
            if not shapes[index].good and index not in listings
            and abs(blocks[index].indent - level) >= OFF_LEVEL_DROP]


def _nested_listings(blocks: list[Block], shapes: list[Shape | None], judged: list[int], level: int) -> set[int]:
    """Lines of program listings that start near the body's level and nest deeper.

    A listing indents its nested lines deeper than the body's paragraphs, one step at a time,
    as far from them as another column's lines. A run of lines that are not prose, from a line
    near the body's level, each no far deeper than the one before, with code among them as in a
    listing, is the article's however deep it nests; a table of data in a sidebar lies far from
    the body from its first line, or jumps there from one cell to the next.
    """
    found: set[int] = set()
    run: list[int] = []
    for index in judged + [-1]:
        if (index >= 0 and not shapes[index].good
                and (not run or blocks[index].indent - blocks[run[-1]].indent < OFF_LEVEL_DROP)):
            run.append(index)
            continue
        code = sum(shapes[i].code for i in run)
        if code >= 2 and code >= CODE_RUN_SHARE * len(run) and abs(blocks[run[0]].indent - level) < OFF_LEVEL_DROP:
            found.update(run)
        run = [index] if index >= 0 and not shapes[index].good else []
    return found


def interleaved(shapes: list[Shape | None], start: int, end: int) -> list[int]:
    """Short lines that alternate with the article's paragraphs all through the run.

    A table layout can print another column's cells (a menu, a list of sections) one between
    each two paragraphs. One heading between two paragraphs is the article's; a line between
    every other pair of them is that column.
    """
    judged = [i for i in range(start, end) if shapes[i] is not None]
    between = [index for before, index, after in zip(judged, judged[1:], judged[2:])
               if shapes[before].good and shapes[after].good and not shapes[index].good
               and not shapes[index].sentence]
    paragraphs = sum(shapes[i].good for i in judged)
    return between if len(between) >= INTERLEAVED_MIN and len(between) >= INTERLEAVED_SHARE * paragraphs else []
