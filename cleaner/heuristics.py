"""Block classification from text alone: find the article in a whole-page text dump.

A scraper that flattens a page to text leaves menus, link lists, share bars, footers and
comment threads around the article with no markup to tell them apart. What is left are
the shapes of the lines: body prose is long, punctuated and full of stop words; menus and
link lists are runs of short, unpunctuated, often title-case lines; boilerplate repeats.

The article is kept as one coherent run: every block gets a score (positive for body-like
prose, negative for link-like or repeated lines), and the run with the largest total is the
body (a maximum-sum segment, so a short list inside the article does not split it, while a
long menu between two texts does). Body-like islands outside that run are rejected by their
context; link lists inside it are removed. A comment-thread marker weighs heavily against
crossing it, because reader comments read like prose but are not the article.

All of this is gated on evidence that the input *is* a whole-page dump (many short
link-like lines): a tidy article goes through untouched. Every block removed here gets
verdict REMOVED, a `heuristic.*` rule id and a category, so `cleaner explain` can tell why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import BODY, REMOVED, Block, Document
from .language import detect_language, stopword_density, tokens
from .prose import title_case_share

NAV_LIST = "heuristic.nav-list"
REPEATED = "heuristic.repeated"
OUTSIDE = "heuristic.outside-body"
COMMENTS = "heuristic.comments"

# Shapes of a line.
SHORT_WORDS = 6        # a line of at most this many words and no sentence end is "short"
LIST_RUN = 3           # this many short lines in a row make a link list
GOOD_WORDS = 10        # body prose has at least this many words ...
GOOD_STOP = 0.20       # ... and this share of stop words (when the language is known)
POOR_STOP = 0.10       # a long line with fewer stop words is a tag cloud or a headline list
TITLE_SHARE = 0.75     # a line this capitalised is a headline or a menu, not prose
REPEAT_MAX_WORDS = 12  # only short lines count as repeated boilerplate
# Evidence that the text is a whole-page dump: enough link-like lines, absolutely and in share.
DUMP_MIN_LINKS = 6
DUMP_MIN_SHARE = 0.2
# Run scores (in characters of text, so long prose weighs more than a short line).
BAD_PENALTY = 30
SHORT_PENALTY = 8
COMMENT_BARRIER = 600
COMMENT_WEIGHT = 0.3   # prose after a comment marker counts this much: it is probably a comment
TITLE_LOOKBACK = 3     # blocks before the run searched for the article's headline
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*\s*$")
SENTENCE_INNER = re.compile(r"[.!?。！？][\"'”’»)]?\s+\S")
SEPARATORS = re.compile(r"\s[|•·»/]\s")
COMMENT_CATEGORIES = frozenset({"comments"})


@dataclass
class Shape:
    """What the classifier knows about one block."""

    chars: int
    words: int
    stop: float | None
    sentence: bool   # ends like a sentence or holds one
    short: bool      # few words, no sentence
    title: float     # share of title-case words
    separators: int  # " | " style menu separators
    repeated: bool = False
    linkish: bool = False

    @property
    def good(self) -> bool:
        """Reads like body prose."""
        if self.linkish or self.repeated or self.title >= TITLE_SHARE or self.separators >= 2:
            return False
        if self.stop is not None:
            return self.words >= GOOD_WORDS and self.stop >= GOOD_STOP
        # Unknown language: fall back to length and sentence punctuation.
        return (self.words >= GOOD_WORDS or self.chars >= 60) and self.sentence

    @property
    def bad(self) -> bool:
        """Reads like navigation: a link list, a repeated line, a capitalised menu row."""
        if self.linkish or self.repeated or self.separators >= 2:
            return True
        return self.stop is not None and self.words >= 8 and self.stop < POOR_STOP and not self.sentence


def shape(block: Block, language: str | None) -> Shape:
    text = block.text
    lowered = tokens(text)
    raw_words = text.split()
    count = max(len(lowered), len(raw_words)) if lowered else len(raw_words)
    sentence = bool(SENTENCE_END.search(text) or SENTENCE_INNER.search(text))
    return Shape(
        chars=len(text), words=count, stop=stopword_density(lowered, language) if count >= 4 else None,
        sentence=sentence, short=count <= SHORT_WORDS and not sentence,
        title=title_case_share(raw_words) if count >= 3 else 0.0,
        separators=len(SEPARATORS.findall(text)),
    )


def _mark_lists_and_repeats(blocks: list[Block], shapes: list[Shape | None]) -> None:
    """Link lists are runs of short lines; boilerplate lines come back within one page."""
    seen = Counter(" ".join(b.text.casefold().split()) for b, s in zip(blocks, shapes)
                   if s is not None and s.words <= REPEAT_MAX_WORDS)
    start = 0
    while start < len(shapes):
        end = start
        while end < len(shapes) and _list_line(shapes[end], blocks[end]):
            end += 1
        if end - start >= LIST_RUN:
            for index in range(start, end):
                shape_ = shapes[index]
                if shape_ is not None:
                    shape_.linkish = True
        start = end + 1
    for block, shape_ in zip(blocks, shapes):
        if shape_ is not None and shape_.words <= REPEAT_MAX_WORDS:
            shape_.repeated = seen[" ".join(block.text.casefold().split())] > 1
        if shape_ is not None and shape_.separators >= 2 and not shape_.sentence:
            shape_.linkish = True


def _list_line(shape_: Shape | None, block: Block) -> bool:
    """Could this line be one entry of a link list? (Rule-removed lines do not break a list.)"""
    if shape_ is None:
        return block.verdict == REMOVED
    return shape_.short or (bool(block.bullet) and shape_.words <= 12 and not shape_.sentence)


def is_dump(shapes: list[Shape | None]) -> bool:
    """Enough link-like lines to be a whole page flattened to text, not a tidy article."""
    judged = [s for s in shapes if s is not None]
    links = sum(s.linkish for s in judged)
    return links >= DUMP_MIN_LINKS and links >= DUMP_MIN_SHARE * len(judged)


def _scores(blocks: list[Block], shapes: list[Shape | None]) -> list[float]:
    """Per-block contribution to the body run."""
    scores: list[float] = []
    after_comments = False
    for block, shape_ in zip(blocks, shapes):
        if shape_ is None:
            if block.verdict == REMOVED and block.category in COMMENT_CATEGORIES:
                after_comments = True
                scores.append(-COMMENT_BARRIER)
            elif block.verdict == REMOVED and block.rule and block.rule.startswith("textdump."):
                scores.append(-BAD_PENALTY)
            else:
                scores.append(0.0)
        elif shape_.good:
            scores.append(min(shape_.chars, 2000) * (COMMENT_WEIGHT if after_comments else 1.0))
        elif shape_.bad:
            scores.append(-(min(shape_.chars, 200) + BAD_PENALTY))
        else:
            scores.append(-SHORT_PENALTY)
    return scores


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
        if shape_ is None:
            if blocks[index - 1].verdict == REMOVED:
                break
            index -= 1
            continue
        if shape_.bad or shape_.words < 2:
            break
        index -= 1
        taken += 1
    return index


def classify_blocks(doc: Document) -> None:
    """Mark the non-body blocks of a whole-page text dump REMOVED, in place.

    Blocks the rules already decided are left alone (they only inform the scores).
    A document without the marks of a page dump is not touched.
    """
    blocks = doc.blocks
    undecided = [b for b in blocks if b.verdict == BODY and b.rule is None]
    if len(undecided) < DUMP_MIN_LINKS:
        return
    language = detect_language(" ".join(b.text for b in undecided))
    shapes: list[Shape | None] = [shape(b, language) if b.verdict == BODY and b.rule is None else None
                                  for b in blocks]
    _mark_lists_and_repeats(blocks, shapes)
    if not is_dump(shapes):
        return
    scores = _scores(blocks, shapes)
    start, end = best_run(scores)
    if end == 0:
        return
    start = _headline_start(blocks, shapes, start)
    after_comments = False
    for index, (block, shape_) in enumerate(zip(blocks, shapes)):
        if shape_ is None:
            if block.verdict == REMOVED and block.category in COMMENT_CATEGORIES:
                after_comments = True
            continue
        inside = start <= index < end
        if inside and not shape_.bad:
            continue
        if shape_.linkish:
            block.decide(REMOVED, NAV_LIST, "navigation")
        elif shape_.repeated:
            block.decide(REMOVED, REPEATED, "boilerplate")
        elif after_comments and index >= end:
            block.decide(REMOVED, COMMENTS, "comments")
        else:
            block.decide(REMOVED, OUTSIDE, "boilerplate")
