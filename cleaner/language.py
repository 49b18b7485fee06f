"""Stop-word language detection and stop-word density, for judging blocks of raw text.

Body prose is full of function words ("the", "of", "und", "que"); menus, headlines and
link lists are not. That contrast is the strongest signal raw text offers once markup is
gone (jusText's insight), but it needs the document's language. The lists are package data
(`cleaner/data/stopwords/<code>.txt`), so adding a language means adding a file.

Languages without a list degrade gracefully: `detect_language` returns None and callers
fall back to length and punctuation, never to an empty result.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl")
# Words are split on apostrophes too, so French "l'été" yields the stop word "l".
TOKEN = re.compile(r"[^\W\d_]+")
ASCII_TOKEN = re.compile(r"[a-z]+")  # the same runs in lower-case ASCII text, found faster
# A language is only named when its stop words make up this share of the sample's words
# and beat the runner-up clearly; otherwise the text is in a language we have no list for.
MIN_SHARE = 0.2
MIN_MARGIN = 1.3
SAMPLE_CHARS = 20_000
PROSE_LINE_TOKENS = 10  # a page's language is read from its lines of at least this many words first


def _read_list(code: str) -> str:
    name = f"{code}.txt"
    try:
        return resources.files("cleaner").joinpath("data", "stopwords", name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return (Path(__file__).resolve().parent / "data" / "stopwords" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def stopwords(code: str) -> frozenset[str]:
    """The stop words of one language (lower case); empty for a language without a list."""
    if code not in LANGUAGES:
        return frozenset()
    lines = (line.strip().casefold() for line in _read_list(code).splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The stop words of every listed language: a line ending on one breaks off mid-sentence."""
    return frozenset().union(*(stopwords(code) for code in LANGUAGES))


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """word -> {language: weight}: a word shared by k lists counts 1/k for each of them."""
    owners: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for word in stopwords(code):
            owners.setdefault(word, []).append(code)
    return {word: {code: 1.0 / len(codes) for code in codes} for word, codes in owners.items()}


# A line's tokens are wanted by several stages (page language, block shapes, body language):
# they are kept for lines up to this long, and forgotten all at once when this many are kept.
CACHED_CHARS = 5_000
CACHED_LINES = 20_000
_TOKENS: dict[str, tuple[str, ...]] = {}
# At least PROSE_LINE_TOKENS letter runs, found without listing them all.
_PROSE_LINE = re.compile(r"[\W\d_]*(?:[^\W\d_]+[\W\d_]+){%d}[^\W\d_]" % (PROSE_LINE_TOKENS - 1))


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case letter runs: the unit stop-word counts are made of (shared: do not change them)."""
    if len(text) > CACHED_CHARS:
        return _letter_runs(text)
    found = _TOKENS.get(text)
    if found is None:
        if len(_TOKENS) >= CACHED_LINES:
            _TOKENS.clear()
        found = _TOKENS[text] = _letter_runs(text)
    return found


def _letter_runs(text: str) -> tuple[str, ...]:
    if text.isascii():  # casefold is lower, and the only letters left are a-z
        return tuple(ASCII_TOKEN.findall(text.lower()))
    return tuple(TOKEN.findall(text.casefold()))


def _sample_tokens(lines: list[str], separator: str) -> list[str]:
    """`tokens(separator.join(lines)[:SAMPLE_CHARS])` from each line's own tokens (no letter run
    spans a separator, and case folding goes character by character)."""
    found: list[str] = []
    room = SAMPLE_CHARS
    for line in lines:
        if len(line) >= room:
            found += tokens(line[:room])
            break
        found += tokens(line)
        room -= len(line) + len(separator)
        if room <= 0:
            break
    return found


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when no stop-word list fits.

    Counts stop words of each known language over (a sample of) the text. Words shared
    between languages are split between them, so "de" or "a" cannot decide on their own.
    """
    return _language_of(tokens(text[:SAMPLE_CHARS]))


def detect_lines_language(lines: list[str], separator: str = " ") -> str | None:
    """`detect_language(separator.join(lines))`, reusing the lines' tokens; `separator` has no letters."""
    return _language_of(_sample_tokens(lines, separator))


def _language_of(words: Sequence[str]) -> str | None:
    if len(words) < 5:
        return None
    weights = _weights()
    scores = dict.fromkeys(LANGUAGES, 0.0)
    # Only stop words score: counting just them (in the same order) adds the same weights, sooner.
    for word, count in Counter(filter(weights.__contains__, words)).items():
        for code, weight in weights[word].items():
            scores[code] += weight * count
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_SHARE * len(words) or top < MIN_MARGIN * second:
        return None
    return best


def detect_page_language(lines: list[str]) -> str | None:
    """The language of a whole page's lines: read from its longer lines first.

    A page dump can open with thousands of characters of menus and link lists, which hold
    few stop words of any language and may fill the whole sample; its prose lines name the
    language. Only when they do not (too few, or no list fits) are all lines read.
    """
    prose = [line for line in lines if _PROSE_LINE.match(line)]
    return (detect_lines_language(prose) if prose else None) or detect_lines_language(lines)


def stopword_density(words: Sequence[str], code: str | None) -> float | None:
    """Share of `words` (lower case) that are stop words; None when the language is unknown."""
    if code is None or not words:
        return None
    return sum(map(stopwords(code).__contains__, words)) / len(words)
