"""Block classification from text alone: find the article in a whole-page text dump.

A scraper that flattens a page to text leaves menus, link lists, share bars, footers and
comment threads around the article with no markup to tell them apart. What is left are
the shapes of the lines: body prose is long, punctuated and full of stop words; menus and
link lists are runs of short, unpunctuated, often title-case lines; boilerplate repeats.

The article is kept as one coherent run: every block gets a score (positive for body-like
prose, negative for link-like or repeated lines), and the run with the largest total is the
body (a maximum-sum segment, so a short list inside the article does not split it, while a
long menu between two texts does). Page renderers keep each line's layout depth as indentation:
once the first run shows at which depth the body's prose sits, the run is chosen again with
prose at other depths (sidebars, teasers, comments) counting less. Runs outside the article
nearly as strong as it are admitted (a gallery can cut an article in two); weaker body-like
islands are rejected; link lists inside the run are removed. A comment-thread marker weighs
heavily against crossing it, because reader comments read like prose but are not the article.

All of this is gated on evidence that the input *is* a whole-page dump (many short
link-like lines): a tidy article goes through untouched. Every block removed here gets
verdict REMOVED, a `heuristic.*` rule id and a category, so `cleaner explain` can tell why.

This module holds the gate, the scores, the run and its islands, and the final verdicts. The
measures it reads live beside it: each line's shape (`shapes`), the comment thread's markers
(`comments`), layout depth (`depth`), and the headline, slideshows and leaked markup
(`headline`, `gallery`, `markup`).
"""

from __future__ import annotations

from typing import Callable

from .comments import comment_counts, comment_labels, comment_markers, stamp_lines
from .depth import FURNITURE_CATEGORIES, body_level, closing_lines, interleaved, level_end, other_column
from .document import BODY, METADATA, REMOVED, Block, Document
from .gallery import galleries
from .headline import find_headline
from .language import detect_page_language
from .markup import leaked_markup
from .shapes import LIST_LINE_WORDS, Shape, mark_lists_and_repeats, shape

NAV_LIST = "heuristic.nav-list"
REPEATED = "heuristic.repeated"
OUTSIDE = "heuristic.outside-body"
COMMENTS = "heuristic.comments"
GALLERY = "heuristic.gallery"
MARKUP = "heuristic.markup"

# Evidence that the text is a whole-page dump: enough link-like lines, absolutely and in share.
DUMP_MIN_LINKS = 6
DUMP_MIN_SHARE = 0.15
DUMP_MANY_LINKS = 20
# Run scores (in characters of text, so long prose weighs more than a short line).
BAD_PENALTY = 30
SHORT_PENALTY = 8
PROSE_CAP = 2000       # characters of one paragraph that count: a giant line does not outweigh the page
COMMENT_BARRIER = 600
COMMENT_WEIGHT = 0.3   # prose after a comment marker counts this much: it is probably a comment
MIN_ARTICLE = 250      # a run before the comment thread this strong is the article; the thread is not
OFF_LEVEL_WEIGHT = 0.25 # body-like text at another indentation than the body's counts this much
ISLAND_SHARE = 0.3     # a run outside the article this strong (share of its score) is part of it ...
ISLAND_FLOW_MIN = 3    # ... and so is a weaker one with this many paragraphs at the body's depth ...
ISLAND_FLOW_SHARE = 0.5  # ... most of them following one another;
ISLAND_TEASERS = 3     # this many paragraphs none of which follow one another are teasers, not the article
TITLE_LOOKBACK = 3     # blocks before the run searched for the article's headline
END_CATEGORIES = frozenset({"author"})  # an author box ends the article but starts no thread
END_RULES = frozenset({"credits.legal-footer"})  # so does a copyright notice ("Copyright 2008 The Associated Press")
COUNT_LOOKBACK = 6     # blocks above the article's first paragraph where a comment count is the article's link


def is_dump(blocks: list[Block], shapes: list[Shape | None]) -> bool:
    """Enough link-like lines (or page furniture the rules found) to be a whole page flattened
    to text, not a tidy article: a few in share, or many in number."""
    judged = sum(s is not None for s in shapes)
    evidence = _evidence(blocks, shapes)
    return evidence >= DUMP_MIN_LINKS and (evidence >= DUMP_MIN_SHARE * judged or evidence >= DUMP_MANY_LINKS)


def _evidence(blocks: list[Block], shapes: list[Shape | None]) -> int:
    """Link-like lines plus page furniture the rules found."""
    links = sum(s.linkish for s in shapes if s is not None)
    return links + sum(b.verdict == REMOVED and (b.rule or "").startswith("textdump.") for b in blocks)


def _fixed_scores(blocks: list[Block], shapes: list[Shape | None]) -> list[float | None]:
    """Each block's contribution to the body run where it depends neither on the comment thread
    nor on the body's indentation (None for prose, whose weight does): the same in every pass."""
    scores: list[float | None] = []
    for block, shape_ in zip(blocks, shapes):
        if shape_ is None and block.verdict == REMOVED and (block.category in END_CATEGORIES or block.rule in END_RULES):
            scores.append(-COMMENT_BARRIER)
        elif shape_ is None:
            furniture = block.verdict == REMOVED and ((block.rule or "").startswith("textdump.")
                                                      or block.category in FURNITURE_CATEGORIES)
            scores.append(-BAD_PENALTY if furniture else 0.0)
        elif shape_.good:
            scores.append(None)
        elif block.cell:
            scores.append(0.0)  # another column's cell beside a paragraph: it neither ends the run nor adds to it
        elif shape_.bad or shape_.repeated:
            scores.append(-(min(shape_.chars, 200) + BAD_PENALTY))
        else:
            scores.append(-SHORT_PENALTY)
    return scores


def _scores(blocks: list[Block], shapes: list[Shape | None], markers: set[int], level: int | None,
            fixed: list[float | None]) -> tuple[list[float], int]:
    """Per-block contribution to the body run, and where the comment thread starts (or len):
    at the first marker after some prose. `fixed` is `_fixed_scores(blocks, shapes)`."""
    prose = [index for index, score in enumerate(fixed) if score is None and index not in markers]
    thread = min((index for index in markers if prose and index > prose[0]), default=len(blocks))
    scores = fixed.copy()
    for index in prose:
        shape_ = shapes[index]
        weight = COMMENT_WEIGHT if index > thread else 1.0
        if (level is not None and blocks[index].indent != level) or shape_.gallery:
            weight *= OFF_LEVEL_WEIGHT
        scores[index] = min(shape_.chars, PROSE_CAP) * weight
    for index in markers:
        scores[index] = -COMMENT_BARRIER
    return scores, thread  # type: ignore[return-value]  # no None is left


def best_run(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the segment with the largest total score (Kadane)."""
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_range = total, (start, index + 1)
    return best_range


def _headline_start(blocks: list[Block], shapes: list[Shape | None], start: int) -> int:
    """Move the run's start back over the headline, byline and date lines right above it."""
    index = start
    taken = 0
    while index > 0 and taken < TITLE_LOOKBACK:
        shape_ = shapes[index - 1]
        if _same_row(blocks[index - 1], blocks[start]):
            break  # beside the first paragraph, in another column: not above it
        if shape_ is None:
            if blocks[index - 1].verdict == REMOVED:
                break
            index -= 1
            continue
        headline = shape_.linkish and not blocks[index - 1].bullet and shape_.separators < 2
        if (shape_.bad and not headline) or shape_.repeated or shape_.words < 2:
            break
        index -= 1
        taken += 1
    return index


def _same_row(block: Block, other: Block) -> bool:
    """Are the two blocks cells of one table row (one line of the dump)?"""
    return block.cell and other.cell and block.where.split(",")[0] == other.where.split(",")[0]


def _body_run(blocks: list[Block], shapes: list[Shape | None], markers: set[int],
              level: int | None, fixed: list[float | None]) -> tuple[int, int, int, list[float]]:
    """[start, end) of the article's run, where the comment thread starts, and the scores.

    A comment count ("11 Comments") right above the run found without counts is the article's
    link to its thread, printed with its headline: it starts no thread. Nor does a bare "Comments"
    label anywhere before that run's end (a toolbar's link): only after the article does it head one.
    """
    counts = comment_counts(blocks, shapes, markers)
    labels = comment_labels(blocks, markers)
    if counts or labels:
        start, end = _run(*_scores(blocks, shapes, markers - counts - labels, level, fixed))
        markers = markers - {index for index in counts if index < start <= index + COUNT_LOOKBACK}
        markers = markers - {index for index in labels if index < end}
    scores, thread = _scores(blocks, shapes, markers, level, fixed)
    start, end = _run(scores, thread)
    return start, end, thread, scores


def _run(scores: list[float], thread: int) -> tuple[int, int]:
    start, end = best_run(scores[:thread])
    if sum(scores[start:end]) < MIN_ARTICLE:
        start, end = best_run(scores)
    return start, end


def islands(scores: list[float], start: int, end: int, limit: int,
            judge: Callable[[int, int, bool], bool] | None = None) -> list[tuple[int, int]]:
    """Runs outside the article's [start, end) strong enough to be more of it, not page furniture.

    A list of links or a gallery can cut an article in two; the part beyond the cut still
    holds a good share of the article's prose. Teasers and sidebars hold far less. Only the
    part before `limit` (the comment thread) is searched. `judge(first, last, strong)` has the
    last word on each run of at least MIN_ARTICLE, told whether it is strong by score alone.
    """
    threshold = max(MIN_ARTICLE, ISLAND_SHARE * sum(scores[start:end]))
    found: list[tuple[int, int]] = []
    regions = [(0, start), (end, max(end, limit))]
    while regions:
        low, high = regions.pop()
        if high - low < 1:
            continue
        first, last = best_run(scores[low:high])
        total = sum(scores[low + first:low + last])
        if last == 0 or total < (MIN_ARTICLE if judge is not None else threshold):
            continue
        regions += [(low, low + first), (low + last, high)]
        if judge(low + first, low + last, total >= threshold) if judge is not None else True:
            found.append((low + first, low + last))
    return found


def _article_parts(blocks: list[Block], shapes: list[Shape | None], scores: list[float], start: int, end: int,
                   thread: int, level: int | None) -> list[tuple[int, int]]:
    """The article's run [start, end) and the islands that join it (searched before the comment
    thread, or everywhere when the run is past it)."""
    limit = thread if end <= thread else len(blocks)
    return [(start, end)] + islands(scores, start, end, limit, _flowing_island(blocks, shapes, level))


def _flowing_island(blocks: list[Block], shapes: list[Shape | None], level: int | None) -> Callable[[int, int, bool], bool]:
    """Judge an island by how its paragraphs follow one another at the body's depth.

    A chart or a gallery between two parts of an article leaves a part whose paragraphs flow
    on at the body's depth, one after another: it is the article's however short beside the
    rest. A list of teasers is each blurb under its own headline, so no two of its paragraphs
    follow one another: it is not the article's however strong.
    """
    def judge(first: int, last: int, strong: bool) -> bool:
        paragraphs, flowing = _flow(blocks, shapes, first, last)
        if not flowing and len(paragraphs) >= ISLAND_TEASERS:
            return False
        at_level = sum(blocks[i].indent == level for i in paragraphs)
        return strong or (at_level >= ISLAND_FLOW_MIN and flowing >= ISLAND_FLOW_SHARE * len(paragraphs))
    return judge


def _flow(blocks: list[Block], shapes: list[Shape | None], first: int, last: int) -> tuple[set[int], int]:
    """The paragraphs among blocks [first, last), and how many of them follow another at its depth."""
    judged = [i for i in range(first, last) if shapes[i] is not None]
    paragraphs = {i for i in judged if (shape_ := shapes[i]).good and not shape_.prose and not shape_.gallery}
    flowing = sum(before in paragraphs and after in paragraphs and blocks[before].indent == blocks[after].indent
                  for before, after in zip(judged, judged[1:]))
    return paragraphs, flowing


def _teaser_blurbs(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> set[int]:
    """The paragraphs of a run that reads as a list of teasers (several, none following another:
    each blurb under its own headline and byline), or none. Not a page laid out in a table,
    whose paragraphs alternate with the other column's cells, line by line. (Allowing one pair
    in four, for a headline long enough to read as prose, took short articles for teasers:
    measured, lost.)"""
    if any(block.cell for block in blocks[start:end]):
        return set()
    paragraphs, flowing = _flow(blocks, shapes, start, end)
    return paragraphs if len(paragraphs) >= ISLAND_TEASERS and not flowing else set()


def _past_teasers(blocks: list[Block], shapes: list[Shape | None], markers: set[int], fixed: list[float | None],
                  run: tuple[int, int, int, list[float]]) -> tuple[list[float | None], tuple[int, int, int, list[float]]]:
    """When the strongest run is a list of teasers (a "More stories" block of headline, byline
    and blurb, whose blurbs add up past an article that a long list cuts in two), its blurbs
    count as much as off-depth prose and the run is chosen again. The new run is taken only when
    it reads as an article: strong enough, and paragraphs that follow one another, as a part of
    an article cut off by a gallery must (else the list is the page: a listing, a listicle)."""
    blurbs = _teaser_blurbs(blocks, shapes, run[0], run[1])
    if not blurbs:
        return fixed, run
    demoted = fixed.copy()
    for index in blurbs:
        demoted[index] = min(shapes[index].chars, PROSE_CAP) * OFF_LEVEL_WEIGHT  # type: ignore[union-attr]
    again = _body_run(blocks, shapes, markers, None, demoted)
    start, end, thread, scores = again
    paragraphs, flowing = set(), 0
    for first, last in _article_parts(blocks, shapes, scores, start, end, thread, None):
        more, more_flowing = _flow(blocks, shapes, first, last)
        paragraphs |= more
        flowing += more_flowing
    if (sum(scores[start:end]) >= MIN_ARTICLE and len(paragraphs) >= ISLAND_FLOW_MIN
            and flowing >= ISLAND_FLOW_SHARE * len(paragraphs)):
        return demoted, again
    return fixed, run


def _long_nav(shapes: list[Shape | None], start: int, end: int) -> list[int]:
    """Lines inside the run that read as navigation and are too long to be the article's
    headings: a tag cloud, a stock list, a teaser printed several times over."""
    return [index for index in range(start, end)
            if (shape_ := shapes[index]) is not None and shape_.bad and shape_.words > LIST_LINE_WORDS]


TIDY = "text-rules"  # a tidy article: only the rules decided
TRIMMED = "text-trimmed"  # a light page: what lies before the headline and after the article went
DUMP = "text-page-dump"  # a whole-page dump: the classifier chose the article's run of blocks


def classify_blocks(doc: Document) -> str:
    """Mark the non-body blocks of a whole-page text dump REMOVED, in place; say which
    path decided the text (TIDY, TRIMMED or DUMP), for `metadata.extraction`.

    Blocks the rules already decided are left alone (they only inform the scores).
    A document without the marks of a page dump is not touched. One with some (enough
    link-like lines in number, too few in share: a long article in a light page) only
    loses what lies before the article's headline and after it; nothing inside is touched.
    """
    blocks = doc.blocks
    undecided = [b for b in blocks if b.verdict == BODY and b.rule is None]
    if len(undecided) + sum(b.verdict == METADATA for b in blocks) < DUMP_MIN_LINKS:  # a byline is still a line
        return TIDY
    language = detect_page_language([b.text for b in undecided])
    shapes: list[Shape | None] = [shape(b, language) if b.verdict == BODY and b.rule is None else None
                                  for b in blocks]
    mark_lists_and_repeats(blocks, shapes)
    for first, last in galleries(blocks):
        for shape_ in shapes[first:last]:
            if shape_ is not None:
                shape_.gallery = True
    dump = is_dump(blocks, shapes)
    if not dump and _evidence(blocks, shapes) < DUMP_MIN_LINKS:
        return TIDY
    stamps = stamp_lines(blocks, shapes)  # the shapes do not change from here on
    markers = set(comment_markers(blocks, shapes, stamps))
    fixed = _fixed_scores(blocks, shapes)
    fixed, (start, end, thread, scores) = _past_teasers(blocks, shapes, markers, fixed,
                                                        _body_run(blocks, shapes, markers, None, fixed))
    if end == 0:
        return TIDY
    level = body_level(blocks, shapes, start, end)
    if level is not None:
        markers = set(comment_markers(blocks, shapes, stamps, level))
        start, end, thread, scores = _body_run(blocks, shapes, markers, level, fixed)
        end = level_end(blocks, shapes, start, end, level)
        end = closing_lines(blocks, shapes, end, level, thread)
    parts = _article_parts(blocks, shapes, scores, start, end, thread, level)
    first_part = min(first for first, _ in parts)  # the article starts at its first part, run or island
    head = _headline_start(blocks, shapes, first_part)
    headline = find_headline(blocks, shapes, first_part, end, language)
    heading = set(range(head, first_part)) | ({headline} if headline is not None else set())
    inside = [False] * len(blocks)
    for first, last in parts:
        inside[first:last] = [True] * (last - first)
    if not dump:  # gentle: trim only the page's head and tail
        inside[head:end] = [True] * (end - head)
        start = head
        shapes = [None if inside[i] else s for i, s in enumerate(shapes)]
    slides = [index for index in range(len(blocks)) if shapes[index] is not None and shapes[index].gallery]
    for index in (other_column(blocks, shapes, start, end, level) + interleaved(shapes, start, end) + slides
                  + _long_nav(shapes, start, end)):
        inside[index] = False
    markup = set(leaked_markup(blocks, shapes, head, end))
    heading -= markup
    for index, (block, shape_) in enumerate(zip(blocks, shapes)):
        if shape_ is None or index in heading or (inside[index] and not shape_.linkish and index not in markup):
            continue
        if shape_.linkish:
            block.decide(REMOVED, NAV_LIST, "navigation")
        elif shape_.repeated:
            block.decide(REMOVED, REPEATED, "boilerplate")
        elif shape_.gallery:
            block.decide(REMOVED, GALLERY, "gallery")
        elif index in markup:
            block.decide(REMOVED, MARKUP, "code")
        elif index >= thread and index >= end:
            block.decide(REMOVED, COMMENTS, "comments")
        else:
            block.decide(REMOVED, OUTSIDE, "boilerplate")
    return DUMP if dump else TRIMMED
