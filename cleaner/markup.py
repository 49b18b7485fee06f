"""Script and markup a page renderer leaked into the text, among the article's paragraphs.

Some sites print an ad slot's script inside the article (`<SCRIPT LANGUAGE='JavaScript1.1'>
if (document.layers) {document.write(...)}</SCRIPT>`), and a renderer that does not know the
tag keeps it as text. The classifier treats code as neutral, because technical articles show
code listings; such a line then stays inside the article's run. What sets the leaked line
apart is where it sits: alone among prose, with HTML tags in it. An article's listing comes
in a run of code lines or after the sentence that announces it ("add this line to your
page:").
"""

from __future__ import annotations

import re
from typing import Sequence

from .document import Block
from .shapes import Shape

TAG = re.compile(r"<\s*/?\s*(?:script|noscript|iframe|a|img|div|span|object|embed|param|input|form|table|tr|td"
                 r"|font|p|br)\b[^<>]*>", re.IGNORECASE)


def leaked_markup(blocks: Sequence[Block], shapes: Sequence[Shape | None], start: int, end: int) -> list[int]:
    """Indices in [start, end) of code lines with HTML tags that stand alone among the article's
    prose: no code line next to them, no line ending in ':' right before them."""
    judged = [i for i in range(start, end) if shapes[i] is not None]
    found = []
    for position, index in enumerate(judged):
        shape_ = shapes[index]
        if shape_ is None or not shape_.code or not TAG.search(blocks[index].text):
            continue
        before = judged[position - 1] if position > 0 else None
        after = judged[position + 1] if position + 1 < len(judged) else None
        if any(other is not None and shapes[other].code for other in (before, after)):
            continue  # part of a listing
        if before is not None and blocks[before].text.rstrip().endswith(":"):
            continue  # the listing the sentence before announces
        found.append(index)
    return found
