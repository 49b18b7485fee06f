"""Block shapes: what the text-dump classifier measures of each line, and what it marks.

A page flattened to text has no markup left to tell body from furniture, only the shapes
of its lines: body prose is long, punctuated and full of stop words; menus and link lists
are runs of short, unpunctuated, often title-case lines; boilerplate repeats; code is dense
with symbols. This module turns each block into a `Shape` and marks, across the page, which
lines are link lists, repeats, program listings or short lines that read as prose together.
The rest of the classifier reads these shapes (adding only the gallery mark).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import REMOVED, Block
from .language import stopword_density, tokens
from .prose import title_case_share

LIST_RUN = 3           # this many headline-like lines in a row make a link list ...
LIST_LINE_WORDS = 15   # ... a line being one with no sentence in it and at most this many words
LIST_ITEM_WORDS = 25   # (or this many for a bulleted line)
INTRODUCED_LIST_MAX = 12  # a list this short after a line ending in ":" is the article's own
GOOD_WORDS = 10        # body prose has at least this many words ...
GOOD_STOP = 0.20       # ... and this share of stop words (when the language is known)
POOR_STOP = 0.10       # a long line with fewer stop words is a tag cloud or a headline list
TITLE_SHARE = 0.75     # a line this capitalised is a headline or a menu, not prose
REPEAT_MAX_WORDS = 12  # only short lines count as repeated boilerplate
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_CHARS_PER_WORD = 2
CJK_PARAGRAPH = GOOD_WORDS * CJK_CHARS_PER_WORD  # ideographs in a line as long as body prose: prose with or without a full stop
STANZA_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
PROSE_STOP = 0.3       # short lines joined must be clearly prose (a stanza), not a tag line
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*\s*$")
SENTENCE_INNER = re.compile(r"[.!?。！？][\"'”’»)]?\s+\S|[。！？][」』”’）]?[^\s。！？」』”’）]")  # CJK: no space after a full stop
SYMBOLS = re.compile(r"[{}()\[\];=<>*/\\#$%^~`_│─+]")
CODE_RUN_SHARE = 0.25  # a run of short lines with this share of code lines is a code listing
CODE_SHARE = 0.08      # lines with this share of symbols and digits are code or data, not links
CODE_MARK = re.compile(r"[{}()\[\];=<>\\$^~`│─]|[,(]\s*$")  # one programming symbol, or a line ending like code
COUNTED = re.compile(r"\s+\((?:[\d,.:]+|\w{1,12})\)\s*$")  # "Politics (12)", "Interview (4:08)", "Report (PDF)": not code
LISTING_SHARE = 0.5    # a run of short lines this many of which carry a programming symbol is a listing
SEPARATORS = re.compile(r"\s[|•·»/]\s")  # (the marks are listed again in _separators)


@dataclass
class Shape:
    """What the classifier knows about one block."""

    chars: int
    words: int
    stop: float | None
    sentence: bool   # ends like a sentence or holds one
    title: float     # share of title-case words
    separators: int  # " | " style menu separators
    code: bool       # dense with symbols and digits: code, data, a formula (neutral, not navigation)
    language: str | None = None
    repeated: bool = False
    linkish: bool = False
    prose: bool = False  # part of lines that read as prose together, or of a list a sentence announced
    gallery: bool = False  # a slideshow's caption: prose that counts like another column's
    clauses: bool = False  # Chinese, Japanese or Korean as long as body prose, its clauses parted by spaces, not stops

    @property
    def good(self) -> bool:
        """Reads like body prose."""
        if self.prose:
            return True
        if self.linkish or self.repeated or self.code or self.title >= TITLE_SHARE:
            return False  # code is not prose; a repeated line is a heading at best (or a TOC entry)
        if self.stop is not None:
            return self.words >= GOOD_WORDS and self.stop >= GOOD_STOP
        # Unknown language: fall back to length and sentence punctuation. A line of Chinese or
        # Japanese that long is prose without it: bloggers part clauses with spaces and line breaks,
        # while headlines and menu entries are far shorter.
        return (self.words >= GOOD_WORDS or self.chars >= 60) and (self.sentence or self.clauses)

    @property
    def bad(self) -> bool:
        """Reads like navigation: a link list, a repeated line, a capitalised menu row."""
        if self.linkish:
            return True
        if self.code:
            return False
        if self.title >= TITLE_SHARE and self.words >= 4 and not self.sentence:
            return True
        return self.stop is not None and self.words >= 8 and self.stop < POOR_STOP and not self.sentence


def shape(block: Block, language: str | None) -> Shape:
    """Measure one block: length, sentence punctuation, stop words, capitals, separators, symbols."""
    text = block.text
    lowered = tokens(text)
    raw_words = text.split()
    count = max(len(lowered), len(raw_words)) if lowered else len(raw_words)
    cjk, ideographs = False, 0  # written mostly in Chinese, Japanese or Korean: no capitals to tell a headline by
    if not text.isascii():
        ideographs = len(CJK.findall(text))  # Chinese, Japanese, Korean: no spaces between words
        cjk = ideographs * 2 >= len(text)
        if ideographs:
            count = max(count, len(raw_words) + ideographs // CJK_CHARS_PER_WORD)
    sentence = bool(SENTENCE_END.search(text) or SENTENCE_INNER.search(text))
    return Shape(
        chars=len(text), words=count, stop=stopword_density(lowered, language) if count >= 4 else None,
        sentence=sentence,
        title=title_case_share(raw_words) if count >= 3 and not cjk else 0.0,
        separators=_separators(text), code=_code_like(text), language=language,
        clauses=cjk and ideographs >= CJK_PARAGRAPH,
    )


def _separators(text: str) -> int:
    """How many menu separators (" | ", " / ", " » ") the line holds; most lines have no mark to search around."""
    if "|" in text or "/" in text or "•" in text or "·" in text or "»" in text:
        return len(SEPARATORS.findall(text))
    return 0


def _code_like(text: str) -> bool:
    """Code, a formula or a row of data: programming symbols are dense."""
    return len(SYMBOLS.findall(text)) >= max(2.0, CODE_SHARE * len(text))


def mark_lists_and_repeats(blocks: list[Block], shapes: list[Shape | None]) -> None:
    """Link lists are runs of short lines; boilerplate lines come back within one page."""
    keys = {index: " ".join(block.text.casefold().split()) for index, (block, shape_) in enumerate(zip(blocks, shapes))
            if shape_ is not None and shape_.words <= REPEAT_MAX_WORDS}
    seen = Counter(keys.values())
    start = 0
    while start < len(shapes):
        end = start
        while end < len(shapes) and _list_line(shapes[end], blocks[end]):
            end += 1
        if end - start < LIST_RUN:  # most lines end a run of none
            start = end + 1
            continue
        run = [s for s in shapes[start:end] if s is not None]
        code = sum(s.code for s in run)
        if code < CODE_RUN_SHARE * len(run):
            # A stanza's last line ends the sentence, which also ended the run: judge it with it.
            last = shapes[end] if end < len(shapes) else None
            closed = end + 1 if last is not None and last.words <= LIST_LINE_WORDS and not blocks[end].bullet else end
            prose = _introduced(blocks, shapes, start, end) or _reads_as_prose(blocks, shapes, start, closed)
            if prose and closed > end and last is not None:
                last.prose = True
            listing = not prose and _listing(blocks, shapes, start, end)
            for shape_ in run:
                shape_.linkish = not shape_.code and not prose and not listing
                shape_.prose = prose
                shape_.code = shape_.code or listing
        start = end + 1
    for index, key in keys.items():
        if not (shape_ := shapes[index]).code:
            shape_.repeated = seen[key] > 1
    for shape_ in shapes:
        if shape_ is not None and shape_.separators >= 2 and not shape_.sentence:
            shape_.linkish = True


def _listing(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> bool:
    """Is this run of short lines (not a stanza) a program listing? Most of its lines hold a
    programming symbol or end like code ("," or "("), though few are dense enough with symbols
    to be code alone: "WITH series AS (", "FROM series,", ")". Menus and link lists hold almost
    none; a count, a duration or a format in brackets after an entry ("Politics (12)", "Interview
    (4:08)", "Report (PDF)") is not one."""
    lines = [b.text for b, s in zip(blocks[start:end], shapes[start:end]) if s is not None]
    marked = sum(bool(CODE_MARK.search(COUNTED.sub("", line) if ")" in line else line)) for line in lines)
    return bool(lines) and marked >= LISTING_SHARE * len(lines)


def _introduced(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> bool:
    """A short list announced by the sentence before it ("The meeting:") is content, not links."""
    if start == 0 or end - start > INTRODUCED_LIST_MAX:
        return False
    before = shapes[start - 1]
    return before is not None and before.words >= 3 and blocks[start - 1].text.rstrip().endswith(":")


def _reads_as_prose(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> bool:
    """Short lines that read as prose together (a stanza, a paragraph broken by <br>) are body,
    though each alone looks like a menu entry. Blank lines between them do not matter, so a
    second pass over the clean text judges them the same way."""
    # Lines the rules removed are not there for the second pass: judge without them.
    kept = [(b, s) for b, s in zip(blocks[start:end], shapes[start:end]) if s is not None or b.verdict != REMOVED]
    lines = [b for b, _ in kept]
    if not lines or any(s is None for _, s in kept) or any(b.bullet for b in lines):
        return False
    text = " ".join(b.text for b in lines)
    joined = shape(Block(text=text, where=""), _language_of(shapes))
    return (joined.stop is not None and joined.stop >= PROSE_STOP and joined.good
            and bool(STANZA_END.search(text)) and len(tokens(text)) >= GOOD_WORDS)


def _language_of(shapes: list[Shape | None]) -> str | None:
    return next((s.language for s in shapes if s is not None), None)


def _list_line(shape_: Shape | None, block: Block) -> bool:
    """Could this line be one entry of a link list?

    Lines the rules decided (removed, credits, captions) do not break a list: a second pass over
    the clean text, where they are gone, must see the same lists (clean(clean(x)) == clean(x)).
    """
    if shape_ is None:
        return True
    if shape_.code:
        return True  # a code line continues a run, which then is code, not links
    return not shape_.sentence and shape_.words <= (LIST_ITEM_WORDS if block.bullet else LIST_LINE_WORDS)
