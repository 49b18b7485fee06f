"""Pair captions with credits, find stand-alone captions, split credits into their parts.

Runs after the rule engine: credit and caption blocks are marked, and this stage decides
which neighbouring line is whose caption and where each image sits in the clean text.
"""

from __future__ import annotations

import re
from typing import Any

from .document import BODY, CAPTION, CREDIT, IMAGE, Block, Document
from .language import function_words
from .prose import ends_sentence, title_case_share, words
from .ruleset import Rule

CREDIT_SPLIT = re.compile(r"\s+via\s+|\s*/\s*", re.IGNORECASE)
PAIRED_CAPTION_MAX_WORDS = 60
CAPTION_MIN_WORDS, CAPTION_MAX_WORDS = 7, 40
HEURISTIC_CAPTION = "heuristic.caption"
# A sentence's end inside a line: the next one starts after it. A short capitalised word before the
# full stop ("Mr.", "St.", "U.S.") is an abbreviation, not an end.
SENTENCE_BREAK = re.compile(r"(?:\b[a-z]\w*|\w{4,}|[)\]\"”’])[.!?…]+[\"”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9À-Ý])")
QUOTES = "\"“‘«„'"
CODE_MARKS = re.compile(r"[{}<>=;]|\w\(")  # code, markup or a call: a listing's line, never a caption


def credit_parts(credit: str | None) -> list[str]:
    """"Spencer Platt / Getty Images" -> ["Spencer Platt", "Getty Images"]."""
    if not credit:
        return []
    return [part.strip() for part in CREDIT_SPLIT.split(credit) if part.strip()]


def new_image(caption: str | None = None, credit: str | None = None, *, src: str | None = None,
              alt: str | None = None) -> dict[str, Any]:
    return {"position": 0, "src": src, "alt": alt, "caption": caption or None,
            "credit": credit or None, "credit_parts": credit_parts(credit)}


def caption_like(block: Block) -> bool:
    """Could this body block be the caption of the credit next to it?"""
    return (block.verdict == BODY and block.kind == "paragraph" and not block.bullet
            and not ends_sentence(block.text) and len(words(block.text)) <= PAIRED_CAPTION_MAX_WORDS)


def caption_above(blocks: list[Block], index: int) -> bool:
    """Is the block at `index`, right above a credit line, that image's caption?

    It is, whatever its punctuation ("Residents wade through a flooded street." over "Photo:
    John Smith/Reuters"), unless it is clearly body prose: long, several sentences, a quote, or a
    paragraph that goes on, begun on the line above or carried on below the credit. A sentence
    with a blank line between it and the credit is the last paragraph before a picture that
    has no caption.
    """
    block = blocks[index]
    after = _neighbour(blocks, index + 1, 1)
    if after is not None and after.text[:1].islower():
        return False  # the sentence runs on past the credit
    if caption_like(block):
        return True
    credit = blocks[index + 1] if index + 1 < len(blocks) else None
    if block.verdict != BODY or block.kind != "paragraph" or block.bullet or credit is None or credit.gap_before:
        return False
    if block.text[:1] in QUOTES:
        return False
    if len(words(block.text)) > CAPTION_MAX_WORDS or len(SENTENCE_BREAK.findall(block.text)) > 0:
        return False
    before = blocks[index - 1] if index > 0 else None
    if before is not None and before.verdict == BODY and not block.gap_before and not ends_sentence(before.text):
        return False  # the end of a paragraph whose start is on the line above
    return True


def _standalone_caption(blocks: list[Block], index: int) -> bool:
    """A photo description alone between two body paragraphs: a caption with no credit.

    Sub-headings look alike, so a caption must be a descriptive clause: long enough,
    not title case, with sentence-like body prose on both sides.
    """
    block = blocks[index]
    if not caption_like(block):
        return False
    tokens = words(block.text)
    if not CAPTION_MIN_WORDS <= len(tokens) <= CAPTION_MAX_WORDS or title_case_share(tokens) > 0.5:
        return False
    if CODE_MARKS.search(block.text) or tokens[-1].casefold() in function_words():
        return False  # a line of a listing, or a sentence broken off by a hard wrap ("... passed to the")
    before = _neighbour(blocks, index, -1)
    after = _neighbour(blocks, index, 1)
    if after is not None and after.text[:1].islower():
        return False  # the sentence goes on in the next line
    return all(b is not None and b.kind == "paragraph" and ends_sentence(b.text) for b in (before, after))


def _neighbour(blocks: list[Block], index: int, step: int) -> Block | None:
    """The nearest body block before or after: the paragraph next to this one in the clean text."""
    index += step
    while 0 <= index < len(blocks):
        if blocks[index].verdict == BODY:
            return blocks[index]
        index += step
    return None


def attach_images(doc: Document, rules_by_id: dict[str, Rule]) -> list[tuple[int, dict[str, Any]]]:
    """Decide captions and return (anchor block index, image) pairs in document order."""
    blocks = doc.blocks
    anchored: list[tuple[int, dict[str, Any]]] = []
    used: set[int] = set()
    for index, block in enumerate(blocks):
        if index in used:
            continue
        if block.verdict == IMAGE and block.image is not None:
            anchored.append((index, block.image))
        elif block.verdict == CREDIT:
            rule = rules_by_id.get(block.rule or "")
            side = rule.caption if rule else "before"
            caption = block.groups.get("caption")
            anchor = index
            partner = index - 1 if side == "before" else index + 1
            if caption is None and side != "none" and 0 <= partner < len(blocks) and partner not in used:
                other = blocks[partner]
                # A caption printed after its credit is always labelled ("Image caption, ..."):
                # an unlabelled line there is the next paragraph or a sub-heading.
                if other.verdict == CAPTION or (side == "before" and caption_above(blocks, partner)):
                    caption = other.groups.get("caption", other.text)
                    if other.verdict != CAPTION:
                        other.decide(CAPTION, block.rule or HEURISTIC_CAPTION, "caption")
                    used.add(partner)
                    anchor = min(anchor, partner)
            anchored.append((anchor, new_image(caption, block.groups.get("credit"))))
        elif block.verdict == CAPTION:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            rule = rules_by_id.get(following.rule or "") if following and following.verdict == CREDIT else None
            if rule is None or rule.caption != "before" or "caption" in following.groups:  # type: ignore[union-attr]
                anchored.append((index, new_image(block.groups.get("caption", block.text))))
    for index, block in enumerate(blocks):
        if block.verdict == BODY and doc.kind == "text" and _standalone_caption(blocks, index):
            block.decide(CAPTION, HEURISTIC_CAPTION, "caption")
            anchored.append((index, new_image(block.text)))
    anchored.sort(key=lambda pair: pair[0])
    return anchored
