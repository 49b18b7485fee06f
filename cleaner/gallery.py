"""Slideshows in a page dump: a stream of captions numbered "1/50", "2/50", ... "50/50".

A gallery's captions are sentences, often many of them, so they read like an article's
paragraphs; what gives them away is the counter each slide carries, one total counted up
through it. The classifier weighs their prose like text in another column.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from .document import Block

COUNTER = re.compile(r"\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b(?![/.,:]\d)", re.IGNORECASE)
MIN_SLIDES = 3         # this many counted slides of one total make a gallery


def galleries(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """[first, last) block ranges of slideshows: from the first counter of a total to the block
    after its last one (that slide's caption). "1/2 cup" lines of a recipe count nothing up."""
    slides: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, block in enumerate(blocks):
        found = COUNTER.match(block.text)
        if found:
            number, total = int(found.group(1)), int(found.group(2))
            if 1 <= number <= total and total >= MIN_SLIDES:
                slides[total].append((index, number))
    found_ranges = []
    for total, counted in slides.items():
        numbers = [number for _, number in counted]
        if len(set(numbers)) >= MIN_SLIDES and numbers == sorted(numbers):
            found_ranges.append((counted[0][0], min(counted[-1][0] + 2, len(blocks))))
    return found_ranges
