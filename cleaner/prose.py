"""Small judgements about a piece of prose that several stages share."""

from __future__ import annotations

import re

CLOSERS = "\"'”’“‘»«)]›‹*_"  # closing quotes, including German “ ‘ and French-style »
SENTENCE_END = ".!?…:;"
WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (closing quotes and brackets ignored)."""
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def title_case_share(tokens: list[str]) -> float:
    """Share of words (of 4+ letters) that start upper case: high for headlines and menus."""
    long_words = [t for t in tokens if len(t) >= 4 and t[0].isalpha()]
    if not long_words:
        return 0.0
    return sum(t[0].isupper() for t in long_words) / len(long_words)
