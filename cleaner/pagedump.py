"""Giant lines of a page dump: cut them into pieces the block classifier can judge.

A renderer that lays a page's table columns side by side, or a scraper that flattens a whole
page with `get_text(" ")`, leaves a handful of lines of many kilobytes in which the menu, the
article's sentences, inline junk ("Click here to view video", "In this section ...") and the
footer are glued together. Kept whole, such a line is one block: all of it stays or all goes.

A long line is cut only on evidence that it is such a dump, never because it is long:
- runs of padding spaces inside it separate table cells laid side by side;
- among its sentences (and stretches between menu separators such as " | " or " » "), several
  do not read as prose (few stop words, title case, no sentence) and they make up a fair share of it.
A long paragraph of an ordinary article has neither, so it stays one block.

The pieces partition the line: joined with single spaces they give the line back. After the
classifier has judged them, kept pieces of one cell are joined again into one paragraph
(`join_pieces`), so the clean text reads as the source did, less what was removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .document import BODY, Block, Document
from .language import SAMPLE_CHARS, detect_lines_language, stopword_density, tokens
from .prose import ends_sentence, title_case_share

LONG_LINE = 800        # a line shorter than this (in characters, spaces collapsed) is never cut
PADDING = re.compile(r"[^\S\u00a0\u202f\u2007]{3,}")  # a run of padding between two table cells
# A table cell: text up to the next padding (non-breaking spaces are text).
CELL = re.compile(r"(?:\S|[\u00a0\u202f\u2007])+(?:[^\S\u00a0\u202f\u2007]{1,2}(?:\S|[\u00a0\u202f\u2007])+)*")
TAB = 4                # a tab counts this many columns (as in a line's indentation)
# A sentence ends at . ! ? … (closing quotes and brackets after it) before a space.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?= )")
# A menu separator with a space on each side ("Home | News", "» Next story", "* Latest").
SEPARATOR = re.compile(r" (?=(?:[|•·»›*]|>>) )")
LEADING_SEPARATOR = re.compile(r"([|•·»›*]|>>) (?=\S)")
OPENERS = "\"'“‘«([¿¡"
ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr prof gen gov sen rep no vs etc co inc ltd corp "
                          "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Evidence that a long line is a dump: this many stretches that are not prose ...
DUMP_STRETCHES = 4
DUMP_UNFINISHED = 3    # ... this many of which end in no sentence.
PROSE_WORDS = 6        # a stretch of prose has this many words ...
PROSE_STOP = 0.20      # ... this share of stop words (when the language is known) ...
PROSE_TITLE = 0.6      # ... and fewer capitalised words than this share.
MAX_PIECES = 5000      # a line is cut into at most this many pieces (neighbours are merged), so a
                       # 2 MB line of "| | | ..." costs what a page does, not a million blocks


def segment_line(raw: str, line: str, language: Callable[[], str | None]) -> list[tuple[str, bool]] | None:
    """The pieces of a giant dump line, each with whether it continues the piece before it in
    the same cell; None when the line is not cut. `line` is `raw` normalised; `language()`
    names the document's language (computed only when needed)."""
    if len(line) < LONG_LINE:
        return None
    cells = [" ".join(cell.split()) for cell in PADDING.split(raw.strip())]
    cells = [cell for cell in cells if cell]
    stretches = [_stretches(cell) for cell in cells]
    if len(cells) < 2 and not _reads_as_dump([s for cell in stretches for s in cell], line, language()):
        return None
    total = sum(len(cell) for cell in stretches)
    if total > MAX_PIECES:
        size = -(-total // MAX_PIECES)
        stretches = [[" ".join(cell[i:i + size]) for i in range(0, len(cell), size)] for cell in stretches]
    return [(piece, index > 0) for cell in stretches for index, piece in enumerate(cell)]


def row_cells(raw: str, line: str, language: Callable[[], str | None]) -> list[tuple[str, int]] | None:
    """The cells of a table row that holds a paragraph of prose beside other cells, each with
    the column it starts at; None for any other line.

    A table layout renders a page's columns side by side: a menu entry or a section name of
    the left column ends up on the line of the article's paragraph in the right column
    ("* Markets      Cecilia Sarkozy, who sued ..."). Kept whole, the line glues the menu entry
    to the paragraph. Cut, each cell is judged on its own, at the depth of its column. A row
    with no prose in it (a data table, a menu laid out across) stays one line. `line` is `raw` normalised.
    """
    # Normalising shortens a run of padding by at least two characters: without that, no padding.
    # (Measured on the stripped line, so an indented line without padding is not searched.)
    if len(line) >= LONG_LINE:
        return None
    stripped = raw.strip()
    if len(stripped) - len(line) < 2 or not PADDING.search(stripped):
        return None
    cells = [(match.group(), match.start()) for match in CELL.finditer(raw.expandtabs(TAB))]
    if len(cells) < 2 or not any(_prose(" ".join(cell.split()), language()) for cell, _ in cells):
        return None
    return cells


def split_separator(piece: str) -> tuple[str, str]:
    """("»", "Next story") for a piece a menu separator leads: an entry of that menu, like a bulleted item."""
    found = LEADING_SEPARATOR.match(piece)
    return (found.group(1), piece[found.end():]) if found else ("", piece)


def _stretches(cell: str) -> list[str]:
    """A cell cut at its sentence ends and before its menu separators (no character lost)."""
    cuts = {match.end() for match in SENTENCE_END.finditer(cell) if _ends_sentence(cell, match)}
    cuts |= {match.start() for match in SEPARATOR.finditer(cell)}
    pieces, start = [], 0
    for cut in sorted(cuts):
        if cut > start:
            pieces.append(cell[start:cut])
            start = cut + 1  # the space at the cut
    pieces.append(cell[start:])
    return [piece for piece in pieces if piece]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Does the sentence really end here (the next word opens one; "Mr." or "U.S." do not end one)?"""
    after = text[match.end() + 1:match.end() + 3].lstrip(OPENERS)
    if not after or not (after[0].isupper() or after[0].isdigit()):
        return False
    if text[match.start()] != ".":
        return True
    word = text[:match.start()].rsplit(" ", 1)[-1]
    bare = word.lstrip(OPENERS)
    return not (len(bare) <= 1 or "." in bare or bare.casefold() in ABBREVIATIONS)


def _reads_as_dump(stretches: list[str], line: str, language: str | None) -> bool:
    """Several stretches of the line are not prose, and some of them end in no sentence (menu
    entries, headlines, buttons glued on): a long paragraph holds at most a stray list of names,
    and a legal footer's sentences, however full of trademarks, end like sentences."""
    other = [s for s in stretches if not _prose(s, language)]
    unfinished = sum(not ends_sentence(s) for s in other)
    return len(other) >= DUMP_STRETCHES and unfinished >= DUMP_UNFINISHED


def _prose(text: str, language: str | None) -> bool:
    """Enough words, and enough stop words among them (capitals only tell when the language is unknown:
    a sentence full of names and trademarks is still a sentence)."""
    found = tokens(text)
    if len(found) < PROSE_WORDS:
        return False
    density = stopword_density(found, language)
    if density is None:
        return title_case_share(text.split()) < PROSE_TITLE
    return density >= PROSE_STOP


def document_language(text: str) -> Callable[[], str | None]:
    """The language of `text`, detected once, on first use."""
    found: list[str | None] = []

    def language() -> str | None:
        if not found:
            found.append(detect_lines_language(text[:SAMPLE_CHARS].split("\n"), "\n"))
        return found[0]
    return language


def join_pieces(doc: Document) -> None:
    """Join the kept pieces of one cell of a cut line back into one paragraph, in place.

    Pieces the classifier removed (or that became captions, credits, metadata) stay blocks of
    their own; the body pieces around them read as the one paragraph they were in the source.
    """
    blocks: list[Block] = []
    open_: Block | None = None  # the body block the next kept piece of this cell joins
    first = 0
    joined: dict[int, tuple[Block, list[str], str]] = {}  # texts gathered per open block, joined once at the end
    for block in doc.blocks:
        plain = block.verdict == BODY and block.rule is None
        if block.part and block.continues and open_ is not None and plain:
            _, texts, _ = joined.setdefault(id(open_), (open_, [open_.text], open_.where))
            texts.extend((block.bullet, block.text) if block.bullet else (block.text,))
            joined[id(open_)] = (open_, texts, f"{open_.where.split(',')[0]}, parts {first}-{block.part}")
            continue
        if not block.part or not block.continues or block.verdict == BODY:
            open_ = None
        blocks.append(block)
        if block.part and plain:
            open_, first = block, block.part
    for block, texts, where in joined.values():
        block.text, block.where = " ".join(texts), where
    doc.blocks = blocks
