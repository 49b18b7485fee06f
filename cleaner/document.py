"""Block and Document: the one shape every reader produces and every later stage reads.

A block keeps where it came from and, once decided, its verdict and the rule that
decided it, so each decision can be audited and replayed (`cleaner explain`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Verdicts a block can end with.
BODY = "body"          # part of the clean text
REMOVED = "removed"    # boilerplate, listed in Result.removed
CAPTION = "caption"    # an image caption, moved to Result.images
CREDIT = "credit"      # an image credit, moved to Result.images
HIGHLIGHT = "highlight"  # an item of a key-points box, moved to Result.highlights
LABEL = "label"        # a box header whose text goes to the manifest (metadata)
METADATA = "metadata"  # byline, date: moved to Result.metadata
IMAGE = "image"        # an HTML figure: its image is in Block.image
GALLERY_TEXT = "heuristic.html.gallery-captions"  # a gallery's caption, also kept as a body block
PROSE_CAPTION = "heuristic.html.prose-captions"  # a caption that is a sentence, also kept as a body block
CAPTION_TEXT = frozenset({GALLERY_TEXT, PROSE_CAPTION})  # captions written into the text under their figure


@dataclass
class Block:
    """One unit of a document: a paragraph, heading, list item, caption, ...

    `kind` is what the reader saw (paragraph, heading, item, quote, table, pre);
    `verdict`, `rule` and `category` are what the rule engine decided.
    `groups` holds named regex groups of the rule that matched (credit, caption, value).
    """

    text: str
    where: str
    kind: str = "paragraph"
    level: int = 0
    bullet: str = ""  # the bullet mark of a list item ("•", "-", "1.")
    gap_before: bool = True  # a blank line (or element boundary) precedes this block
    indent: int = 0  # leading whitespace of a text line: layout depth in page dumps
    verdict: str = BODY
    rule: str | None = None
    category: str | None = None
    groups: dict[str, str] = field(default_factory=dict)
    image: dict[str, Any] | None = None  # an HTML figure anchored at this block
    part: int = 0  # a piece of a giant page-dump line cut up for judging: its number (1, 2, ...)
    continues: bool = False  # such a piece goes on the paragraph (table cell) of the piece before it
    cell: bool = False  # one cell of a table row that holds a paragraph beside other cells
    # HTML links in the block, in order: (link text as it appears in `text`, href as written,
    # the page's base URL). Only `-f html` reads them (and resolves them: `htmlparse.link_target`,
    # a cost most pages never need); the text and the JSON never change because of them.
    links: list[tuple[str, str, str | None]] = field(default_factory=list)

    def decide(self, verdict: str, rule: str, category: str) -> None:
        self.verdict, self.rule, self.category = verdict, rule, category


@dataclass
class Document:
    """An ordered list of blocks plus what a reader found outside them."""

    blocks: list[Block]
    kind: str  # "text" or "html"
    url: str | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    extraction: dict[str, Any] = field(default_factory=dict)  # which path chose the text, and why
    # Blocks removed before block extraction (HTML selectors): kept for the audit.
    removed: list[Block] = field(default_factory=list)
    # The site packs that applied (HTML) and what each did: `Result.source["site_packs"]`.
    sites: list[dict[str, Any]] = field(default_factory=list)
