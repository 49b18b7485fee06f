"""A second look at the chosen article: never hand back a scrap when the page holds an article.

The reader (`content.select`) picks one box by its prose and its names. When the article's
prose scores nothing (a layout wrapper named like chrome, "page-has-comments", above it all)
or a box's name outweighs little text, a footer blurb wins and the article is lost,
silently. This stage looks again when the kept text is short and does not start below the
page's headline: it asks a second reader (readability-lxml, which weighs names and
wrappers differently) and takes its answer when that is much longer and made of the page's
own blocks. A short text that starts below the headline is trusted: short articles exist. The page's own
description (its meta or Open Graph summary) is the tie-breaker: a kept text that holds hardly
any of its words, beside a second reader's text that holds most of them, is the wrong box,
even when the second text is not longer (a short post beside a long disclaimer).
Measured on the development pages, a second reader asked more often (whenever the kept
text is a small share of the page's prose) is wrong more often than right: there the
prose left out is usually the comments. What happened is recorded either way, for
`metadata.extraction` and for `cleaner explain`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .article_head import ANCHOR_REACH, Title, keep_headline
from .htmlparse import Segment, parse
from .language import function_words
from .prose import ends_sentence
from .scoring import MIN_PROSE

PATH_READER = "reader"  # cleaner's own main-content reader
PATH_FALLBACK = "readability"  # readability-lxml's choice, mapped onto the page's blocks
FALLBACK = "heuristic.html.fallback-outside"  # outside the article the second reader chose

SMALL_WORDS = 100  # a kept text this short, not starting below the headline, gets a second look
GAIN = 2.0  # the second reader's text must be this many times longer ...
MIN_GAIN_WORDS = 40  # ... and this many words longer
MATCHED_SHARE = 0.7  # share of its words found again in the page's blocks: else it is not comparable
MATCH_MIN_WORDS = 3  # shorter blocks are matched only when a whole element of the second text is them
# readability-lxml's cost grows faster than the page (4 s for 1.4 MB of bare boxes here): past
# this size the second look is skipped, and the reason says so.
MAX_PAGE_CHARS = 1_000_000
# A page's description that the second reader's text holds (this share of its words) and the
# reader's does not (at most this share) picks the second reader, however short its text.
DESCRIBED_MIN_WORDS = 5  # words that are not stop words
DESCRIBED_SHARE = 0.8
UNDESCRIBED_SHARE = 0.3
DESCRIBED_MAX_WORDS = 400  # a longer kept text gets no second look, description or not
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Extraction:
    """Which path produced the text, and why: `metadata.extraction` in the manifest."""

    path: str
    reason: str
    kept_words: int
    second_words: int | None = None  # what the second reader found, when it was asked

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "reason": self.reason, "reader_words": self.kept_words}
        if self.second_words is not None:
            out["second_opinion_words"] = self.second_words
        return out


def words(text: str) -> int:
    return len(WORD.findall(text))


def second_look(html: str, segments: list[Segment], verdicts: list[str | None], headline: int | None,
                title: str | None, page_title: str | None, body: etree._Element,
                description: str | None = None) -> Extraction:
    """Check the reader's verdicts; replace them (in place) with the second reader's when the
    reader kept a scrap that does not start below the headline and the second reader found
    much more, made of the page's own blocks."""
    kept = sum(words(seg.block.text) for seg, v in zip(segments, verdicts) if v is None)
    missed = _missed(description, segments, verdicts)
    if kept >= SMALL_WORDS and not (missed and kept < DESCRIBED_MAX_WORDS):
        return Extraction(PATH_READER, f"the reader's article holds {kept} words", kept)
    if not missed and _anchored(segments, verdicts, headline):
        return Extraction(PATH_READER, f"the reader's article ({kept} words) starts below the headline", kept)
    reason = (f"kept {kept} words that hold little of the page's description" if kept >= SMALL_WORDS
              else f"kept only {kept} words, not below a headline")
    if len(html) > MAX_PAGE_CHARS:
        return Extraction(PATH_READER, f"{reason}; the page is too large for a second look", kept)
    whole, parts = readability_article(html)
    second = words(whole)
    wanted = max(GAIN * kept, kept + MIN_GAIN_WORDS)
    described = bool(missed) and _holds(missed, whole)
    if kept >= SMALL_WORDS and not described:
        return Extraction(PATH_READER, f"the reader's article holds {kept} words; the page's description is in "
                          "neither reader's text", kept, second)
    if second < wanted and not described:
        return Extraction(PATH_READER, f"{reason}; the second reader found no more", kept, second)
    if described:
        wanted = 1
        reason += "; the page's description is the second reader's text, not the reader's"
    chosen = _matching(segments, whole, parts)
    found = sum(words(segments[i].block.text) for i in chosen)
    if found < MATCHED_SHARE * second or found < wanted:
        return Extraction(PATH_READER, f"{reason}; the second reader's text is not the page's blocks",
                          kept, second)
    for index in range(len(verdicts)):
        if index in chosen:
            verdicts[index] = None
        elif verdicts[index] is None:
            verdicts[index] = FALLBACK
    keep_headline(segments, verdicts, Title.of(title, page_title) if title else None, body)
    return Extraction(PATH_FALLBACK, f"{reason}; the second reader found {second} words", kept, second)


def _missed(description: str | None, segments: list[Segment], verdicts: list[str | None]) -> set[str]:
    """The words of the page's own description (its meta or Open Graph summary) when the kept
    text holds hardly any of them and the page does (else an empty set): the reader may have
    kept the wrong box."""
    wanted = set(WORD.findall(description.lower())) - function_words() if description else set()
    if len(wanted) < DESCRIBED_MIN_WORDS:
        return set()
    kept = set(WORD.findall(" ".join(seg.block.text for seg, v in zip(segments, verdicts) if v is None).lower()))
    if len(wanted & kept) > UNDESCRIBED_SHARE * len(wanted):
        return set()
    # A description the page's blocks do not hold (a site's slogan) points to no box: no second look.
    return wanted if _holds(wanted, " ".join(seg.block.text for seg in segments)) else set()


def _holds(wanted: set[str], text: str) -> bool:
    """Does `text` hold most of the description's words: the box the description summarises?"""
    return len(wanted & set(WORD.findall(text.lower()))) >= DESCRIBED_SHARE * len(wanted)


def _anchored(segments: list[Segment], verdicts: list[str | None], headline: int | None) -> bool:
    """The kept text holds the first prose below the page's headline: the reader found the
    article where it starts, however short it is."""
    if headline is None:
        return False
    for index in range(headline + 1, min(headline + 1 + ANCHOR_REACH, len(segments))):
        seg = segments[index]
        if seg.chars >= MIN_PROSE and seg.block.kind in ("paragraph", "quote") and ends_sentence(seg.block.text):
            return verdicts[index] is None
    return False


def readability_article(html: str) -> tuple[str, frozenset[str]]:
    """readability-lxml's article: its whole text and the text of each of its elements,
    whitespace folded; ("", {}) when it finds nothing or fails."""
    try:
        from readability import Document
    except ImportError:  # pragma: no cover - a dependency of the package
        return "", frozenset()
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion, never a failed page
        return "", frozenset()
    root = parse(summary).getroot().find("body")
    parts = frozenset(_fold("".join(el.itertext())) for el in root.iter() if isinstance(el.tag, str))
    return _fold("".join(root.itertext())), parts


def _fold(text: str) -> str:
    return " ".join(text.split())


def _matching(segments: list[Segment], whole: str, parts: frozenset[str]) -> set[int]:
    """The page's blocks whose text the second reader's article holds: a block of a few
    words must be one of its elements (a heading), a longer one may be part of one."""
    out = set()
    for index, seg in enumerate(segments):
        text = _fold(seg.block.text)
        if text and (text in parts or (words(text) >= MATCH_MIN_WORDS and text in whole)):
            out.add(index)
    return out
