"""Reader comment threads in a page dump: where the article stops and the comments start.

Comments read like prose, so scores alone would run the article on into them. What gives a
thread away is its markers: a header the rules removed ("7 comments", "Leave a Reply") or a
dense run of stamp lines, one per comment ("Jane, May 3, 2012 at 8:28 pm", "Jane says:",
"3 hours ago"). The classifier weighs each marker heavily against crossing it.
"""

from __future__ import annotations

import re

from .depth import beside_body
from .document import REMOVED, Block
from .shapes import Shape
from .vocabulary import test

COMMENT_CATEGORIES = frozenset({"comments"})
LABEL_RULES = frozenset({"prompts.comments-label"})  # rules/prompts.toml
# A comment's header: its author and time ("Jane, May 3, 2012 at 8:28 pm", "Jane says:"); not a
# duration in brackets ("Interview (4:08)": a video list), nor a zero ("Current Time 0:00": a video player).
# Three patterns, each tried only when the line holds what it needs (a colon, a digit, a final
# colon): one alternation searched at every position of every line was a tenth of the classifier.
STAMP_TIME = re.compile(r"(?<!\()\b(?!0?0:00\b)\d{1,2}:\d{2}\b(?!\))")
STAMP_AGO = "heuristic.comments.ages"  # vocabulary rules (rules/vocabulary.toml)
STAMP_SAYS = "heuristic.comments.says"
DIGIT = re.compile(r"\d")
BARE_TIME = re.compile(r"\s*\d{1,2}:\d{2}\s*")  # a line that is only "3:06": a video's length in a list, not a comment's header
STAMP_MAX_WORDS = 16
STAMP_THREAD = 3       # this many stamp lines make a comment thread ...
STAMP_GAP = 8          # ... when they come at most this many blocks apart on average


def comment_markers(blocks: list[Block], shapes: list[Shape | None], stamped: list[int],
                    level: int | None = None) -> list[int]:
    """Indices of comment-thread markers: rule-marked ones, plus stamp lines when a thread shows.

    A single "Posted 10:32 AM" is an article's dateline; a thread has one such line per comment.
    Once the body's indentation is known, a stamp far from it with body prose after it is in
    another column (timed headlines beside the article), not a comment's header.
    """
    marked = [i for i, b in enumerate(blocks) if b.verdict == REMOVED and b.category in COMMENT_CATEGORIES]
    stamps = [i for i in stamped if not beside_body(blocks, shapes, i, level)]
    # A thread is a dense tail of stamps (one per comment): a dateline or a timed headline far
    # above it is not part of it.
    for first in range(len(stamps) - STAMP_THREAD + 1):
        if stamps[-1] - stamps[first] <= STAMP_GAP * (len(stamps) - 1 - first):
            return sorted(marked + stamps[first:])
    return marked


def stamp_lines(blocks: list[Block], shapes: list[Shape | None]) -> list[int]:
    """Indices of short judged lines that carry a comment's time or author stamp."""
    return [i for i, (b, s) in enumerate(zip(blocks, shapes))
            if s is not None and not s.code and s.words <= STAMP_MAX_WORDS and _stamp(b.text)]


def comment_labels(blocks: list[Block], markers: set[int]) -> set[int]:
    """Markers that are a bare "Comments" label: in a toolbar above or beside the article it is
    a link to the thread; only after the article does it head the thread."""
    return {index for index in markers if blocks[index].rule in LABEL_RULES}


def comment_counts(blocks: list[Block], shapes: list[Shape | None], markers: set[int]) -> set[int]:
    """Markers with a number in them ("11 Comments"): they count the comments, so each may be
    the article's link to its thread rather than the thread's start."""
    return {index for index in markers if shapes[index] is None and DIGIT.search(blocks[index].text)}


def _stamp(text: str) -> bool:
    """A clock time ("8:28 pm"), an age ("3 hours ago") or an author's "says:" in the line."""
    if ":" in text and not BARE_TIME.fullmatch(text) \
            and (STAMP_TIME.search(text) or (text.rstrip().endswith(":") and test(STAMP_SAYS)(text))):
        return True
    return bool(DIGIT.search(text) and test(STAMP_AGO)(text))
