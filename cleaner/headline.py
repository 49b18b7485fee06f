"""The article's headline in a page dump, when it sits above the body's run among menu lines.

The body's run starts at its first paragraph of prose; the headline sits a few lines above,
often among menu entries and share links that look just like it (short, capitalised, no
sentence). What sets the headline apart is what it is about: it names the story, so its
rarer words come back in the article's opening paragraphs, while a menu entry or another
story's headline shares at most a word or two with them by chance. Words the page repeats
above the headline ("News", "Jobs", the site's name) are its furniture and do not count.

Only the headline is taken back, not the lines between it and the run: datelines, bylines and
standfirsts are the article's on some sites and page furniture on others (measured on the dev
sets, taking them gained as much on one as it lost on another), while share bars and section
links sit among them.
"""

from __future__ import annotations

from typing import Sequence

from .document import Block
from .language import stopwords, tokens
from .shapes import Shape

SEARCH = 12            # judged blocks above the run searched for the headline
BODY_CHARS = 1500      # the article's opening: this much of its prose is what the headline is about
MIN_WORDS, MAX_WORDS = 3, 20
MIN_SHARED = 2         # the headline shares at least this many words with the opening ...
SHARED_SHARE = 0.5     # ... and this share of its own content words
FURNITURE_LINES = 2    # a word in more lines above the headline than this is the page's furniture
MIN_TOKEN = 3          # shorter words carry no topic


def _content(text: str, stop: frozenset[str]) -> set[str]:
    return {word for word in tokens(text) if len(word) >= MIN_TOKEN and word not in stop}


def find_headline(blocks: Sequence[Block], shapes: Sequence[Shape | None], start: int, end: int,
                  language: str | None) -> int | None:
    """Index of the article's headline above its run [start, end), or None when none reads as one."""
    stop = stopwords(language) if language else frozenset()
    opening: set[str] = set()
    chars = 0
    for index in range(start, end):
        shape_ = shapes[index]
        if shape_ is not None and shape_.good:
            opening |= _content(blocks[index].text, stop)
            chars += shape_.chars
            if chars >= BODY_CHARS:
                break
    if not opening:
        return None
    candidates = [i for i in range(start - 1, -1, -1) if shapes[i] is not None][:SEARCH]
    if not candidates:
        return None
    words_above: dict[int, set[str]] = {}  # every judged line's words down to the first candidate, once needed
    for index in candidates:
        shape_ = shapes[index]
        text = blocks[index].text
        if (MIN_WORDS <= shape_.words <= MAX_WORDS and not text.rstrip().endswith(".")
                and not shape_.repeated and not shape_.separators and not shape_.code):
            own = _content(text, stop)
            if len(own & opening) < MIN_SHARED:
                continue  # too few words in common however few the furniture takes
            if not words_above:
                words_above = {i: _content(blocks[i].text, stop) for i in range(candidates[0] + 1) if shapes[i] is not None}
            shared = [word for word in own & opening
                      if sum(word in other for i, other in words_above.items() if i < index) <= FURNITURE_LINES]
            if len(shared) >= MIN_SHARED and len(shared) >= SHARED_SHARE * len(own):
                return index
    return None

