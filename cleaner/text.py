"""Raw-text reader: turn article text into blocks, one per paragraph, list item or marker line.

Raw text has no markup, so structure comes from lines: blank lines separate groups,
bullets start items, and every other line is its own block unless the document is
hard-wrapped at a fixed width, in which case wrapped lines are joined back into paragraphs.
"""

from __future__ import annotations

import re
from typing import Callable

from .document import BODY, Block, Document
from .pagedump import document_language, row_cells, segment_line, split_separator
from .prose import ends_sentence, words

BULLET_MARKS = "•·▪►◦‣⁃●○■□➢➤✓✔–—*+-"
BULLET = re.compile(rf"(?P<mark>[{BULLET_MARKS}]|\d{{1,3}}[.)])\s+(?=\S)")
# Characters that are invisible or only hint at layout: dropped, never shown as text.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")
# What the plain split and join would get wrong: the spaces kept inside a line.
KEPT_SPACE_CHARS = "\u00a0\u202f\u2007"
KEPT_SPACES = re.compile(f"[{KEPT_SPACE_CHARS}]")
LONG_LINE = 200  # from this length on, `normalise_line` looks for those characters one by one
NEWLINE_CHARS = "\r\u2028\u2029\x0b\x0c\x85"


def normalise_line(line: str) -> str:
    """Strip the line's ends (NBSP included), collapse inner runs of spaces and tabs, drop invisibles.

    Non-breaking spaces inside a line are kept: French typography and numbers rely on them.
    A line without those (every ASCII line, most others) needs no regex: `str.split` knows
    the same spaces as the regex, so the plain split and join (several times faster) gives
    the same line. Invisibles go by a regex, not `str.translate`, which costs about 100 ns a
    character on text that is not ASCII (a page's whole text: 2 ms); on a long line, only when a
    search for each of them (a memchr-speed scan, 200 times faster than the regex's) finds one.
    """
    if line.isascii():
        return " ".join(line.split())
    if len(line) < LONG_LINE:
        line = INVISIBLE.sub("", line)
        if not KEPT_SPACES.search(line):
            return " ".join(line.split())
    else:  # a page's whole text: a search for each character is far cheaper than a regex scan
        if any(char in line for char in INVISIBLE_CHARS):
            line = INVISIBLE.sub("", line)
        if not any(char in line for char in KEPT_SPACE_CHARS):
            return " ".join(line.split())
    return SPACES.sub(" ", line).strip()


def split_bullet(line: str) -> tuple[str, str]:
    """("•", "item text") for a bulleted line, ("", line) otherwise."""
    if line[:1] not in BULLET_MARKS and not line[:1].isdigit():  # cheap test first: most lines are no item
        return "", line
    found = BULLET.match(line)
    if not found or (found.group("mark")[0].isdigit() and len(line) > 300):
        return "", line
    return found.group("mark"), line[found.end():]


def wrap_width(lines: list[str]) -> int | None:
    """The fixed width a document was hard-wrapped at, or None when it was not wrapped.

    Wrapped text shows many lines ending near one width, breaking mid-sentence and
    continuing on the next line, and almost no line longer than that width. Text with one
    paragraph a line (of similar lengths, say) ends its lines with sentences instead.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 120 or width < 30:
        return None
    if sum(length > width + 5 for length in lengths) > 0.03 * len(lengths):
        return None
    full = continued = open_ended = 0
    for line, after in zip(lines, lines[1:]):
        if len(line) >= 0.75 * width:
            full += 1
            if after:
                continued += 1
                open_ended += not ends_sentence(line)
    return width if full >= 3 and continued >= 0.6 * full and open_ended >= 0.5 * continued else None


def read_text(text: str, *, url: str | None = None,
              stands_alone: Callable[[str], bool] = lambda line: False) -> Document:
    """Blocks of a raw-text article, each knowing its line range.

    `stands_alone(line)` says a line is a block of its own (an ad marker, a credit) that
    must never be joined to the line before it, even in hard-wrapped text.
    """
    # Other line breaks are rare: looking for each is far cheaper than the regex over the text.
    unified = NEWLINES.sub("\n", text) if any(char in text for char in NEWLINE_CHARS) else text
    raw_lines = unified.split("\n")
    lines = [normalise_line(line) for line in raw_lines]
    width = wrap_width(lines)
    language = document_language(text)
    blocks: list[Block] = []
    gap = True
    previous = ""
    for number, line in enumerate(lines, 1):
        if not line:
            gap, previous = True, ""
            continue
        cells = row_cells(raw_lines[number - 1], line, language)
        if cells:
            for part, (cell, column) in enumerate(cells, 1):
                mark, body = split_bullet(normalise_line(cell))
                blocks.append(Block(text=body, where=f"line {number}, part {part}", kind="item" if mark else "paragraph",
                                    bullet=mark, gap_before=gap and part == 1, indent=column, part=part,
                                    cell=True))
            gap, previous = False, ""
            continue
        pieces = segment_line(raw_lines[number - 1], line, language)
        if pieces:
            indent = _indent(raw_lines[number - 1])
            for part, (piece, continues) in enumerate(pieces, 1):
                mark, body = split_separator(piece)
                blocks.append(Block(text=body, where=f"line {number}, part {part}", kind="item" if mark else "paragraph",
                                    bullet=mark, gap_before=gap and part == 1, indent=indent, part=part,
                                    continues=continues))
            gap, previous = False, ""
            continue
        mark, body = split_bullet(line)
        if (previous and not mark and not gap and width and _wrapped(previous, line, width)
                and not stands_alone(line)):
            block = blocks[-1]
            block.text = f"{block.text} {line}"
            block.where = f"lines {block.where.split()[-1].split('-')[0]}-{number}"
        else:
            blocks.append(Block(text=body, where=f"line {number}", kind="item" if mark else "paragraph",
                                bullet=mark, gap_before=gap, indent=_indent(raw_lines[number - 1])))
        gap, previous = False, line
    return Document(blocks=blocks, kind="text", url=url)


def _indent(line: str) -> int:
    """Width of the line's leading whitespace (a tab counts 4): page dumps keep layout depth in it."""
    if not line[:1].isspace():
        return 0
    lead = line[:len(line) - len(line.lstrip())]
    return len(lead) + 3 * lead.count("\t")


def _wrapped(previous: str, line: str, width: int) -> bool:
    """Was the break after `previous` forced by the width (the next word would not fit)?"""
    first_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) > width - 2


TITLE_MAX_WORDS = 25
PROSE_MIN_WORDS = 8  # a line this long ending in a full stop reads as body prose


def find_title(doc: Document) -> str | None:
    """The headline: the article's first line when it reads like one (short, no final full
    stop) and body text follows, set apart by a blank line or reading as prose.

    Lines the rules took out of the text (an ad marker, the byline, the dateline) are
    stepped over. The headline stays in the text too (it is part of the article); this
    only names it.
    """
    body = [index for index, block in enumerate(doc.blocks) if block.verdict == BODY]
    if len(body) < 2:
        return None
    first, second = doc.blocks[body[0]], doc.blocks[body[1]]
    if first.bullet or not _headline_shaped(first.text):
        return None
    if body[0] == 0 and body[1] == 1 and second.gap_before:
        return first.text
    return first.text if _prose(second.text) and not _outside(doc.blocks[:body[0]]) else None


def _headline_shaped(text: str) -> bool:
    count = len(words(text))
    return 3 <= count <= TITLE_MAX_WORDS and (not ends_sentence(text) or text.rstrip()[-1:] in "?!")


def _prose(text: str) -> bool:
    return ends_sentence(text) and len(words(text)) >= PROSE_MIN_WORDS


def _outside(blocks: list[Block]) -> bool:
    """Did a classifier cut the page's head away above the line (a menu, not an ad marker)?"""
    return any((block.rule or "").startswith("heuristic.") for block in blocks)
