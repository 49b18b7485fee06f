"""Block classification from text alone: find the article in a whole-page text dump.

A scraper that flattens a page to text leaves menus, link lists, share bars, footers and
comment threads around the article with no markup to tell them apart. What is left are
the shapes of the lines: body prose is long, punctuated and full of stop words; menus and
link lists are runs of short, unpunctuated, often title-case lines; boilerplate repeats.

The article is kept as one coherent run: every block gets a score (positive for body-like
prose, negative for link-like or repeated lines), and the run with the largest total is the
body (a maximum-sum segment, so a short list inside the article does not split it, while a
long menu between two texts does). Page renderers keep each line's layout depth as indentation:
once the first run shows at which depth the body's prose sits, the run is chosen again with
prose at other depths (sidebars, teasers, comments) counting less. Runs outside the article
nearly as strong as it are admitted (a gallery can cut an article in two); weaker body-like
islands are rejected; link lists inside the run are removed. A comment-thread marker weighs
heavily against crossing it, because reader comments read like prose but are not the article.

All of this is gated on evidence that the input *is* a whole-page dump (many short
link-like lines): a tidy article goes through untouched. Every block removed here gets
verdict REMOVED, a `heuristic.*` rule id and a category, so `cleaner explain` can tell why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .document import BODY, REMOVED, Block, Document
from .gallery import galleries
from .headline import find_headline
from .language import detect_page_language, stopword_density, tokens
from .markup import leaked_markup
from .prose import title_case_share

NAV_LIST = "heuristic.nav-list"
REPEATED = "heuristic.repeated"
OUTSIDE = "heuristic.outside-body"
COMMENTS = "heuristic.comments"
GALLERY = "heuristic.gallery"
MARKUP = "heuristic.markup"

# Shapes of a line.
SHORT_WORDS = 6        # a line of at most this many words and no sentence end is "short"
LIST_RUN = 3           # this many headline-like lines in a row make a link list ...
LIST_LINE_WORDS = 15   # ... a line being one with no sentence in it and at most this many words
LIST_ITEM_WORDS = 25   # (or this many for a bulleted line)
INTRODUCED_LIST_MAX = 12  # a list this short after a line ending in ":" is the article's own
GOOD_WORDS = 10        # body prose has at least this many words ...
GOOD_STOP = 0.20       # ... and this share of stop words (when the language is known)
POOR_STOP = 0.10       # a long line with fewer stop words is a tag cloud or a headline list
TITLE_SHARE = 0.75     # a line this capitalised is a headline or a menu, not prose
REPEAT_MAX_WORDS = 12  # only short lines count as repeated boilerplate
# Evidence that the text is a whole-page dump: enough link-like lines, absolutely and in share.
DUMP_MIN_LINKS = 6
DUMP_MIN_SHARE = 0.15
DUMP_MANY_LINKS = 20
# Run scores (in characters of text, so long prose weighs more than a short line).
BAD_PENALTY = 30
SHORT_PENALTY = 8
COMMENT_BARRIER = 600
COMMENT_WEIGHT = 0.3   # prose after a comment marker counts this much: it is probably a comment
MIN_ARTICLE = 250      # a run before the comment thread this strong is the article; the thread is not
OFF_LEVEL_WEIGHT = 0.25 # body-like text at another indentation than the body's counts this much
LONE_WEIGHT = 0.5      # a paragraph with no prose next to it counts this much towards the body's indentation
TAIL_DEPTH = 10       # prose after the article at most this much deeper or shallower is another box of its page ...
TAIL_SHARE = 0.5      # ... when it holds less than this share of the article's prose ...
TAIL_FLOW = 0.5       # ... and fewer of its paragraphs than this share follow one another
OFF_LEVEL_DROP = 8     # a non-prose line this far from the body's indentation is in another column
INTERLEAVED_MIN = 4    # this many short lines, each between two paragraphs, ...
INTERLEAVED_SHARE = 0.6  # ... one after most paragraphs, are another column's cells
ISLAND_SHARE = 0.3     # a run outside the article this strong (share of its score) is part of it ...
ISLAND_FLOW_MIN = 3    # ... and so is a weaker one with this many paragraphs at the body's depth ...
ISLAND_FLOW_SHARE = 0.5  # ... most of them following one another;
ISLAND_TEASERS = 3     # this many paragraphs none of which follow one another are teasers, not the article
TITLE_LOOKBACK = 3     # blocks before the run searched for the article's headline
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_CHARS_PER_WORD = 2
CJK_PARAGRAPH = GOOD_WORDS * CJK_CHARS_PER_WORD  # ideographs in a line as long as body prose: prose with or without a full stop
STANZA_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
CLOSING_END = re.compile(r"[^.][.!][\"'”’»)\]]*\s*$")  # a full stop, not an ellipsis ("More sport news...") nor a question ("What's this?")
RULE_LINE = re.compile(r"(?:[_*=~\-]\s?){2,}")
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
COMMENT_CATEGORIES = frozenset({"comments"})
FURNITURE_CATEGORIES = frozenset({"related"})  # removed by the rules; weighs against the run like a link line
END_CATEGORIES = frozenset({"author"})  # an author box ends the article but starts no thread
END_RULES = frozenset({"credits.legal-footer"})  # so does a copyright notice ("Copyright 2008 The Associated Press")
# A comment's header: its author and time ("Jane, May 3, 2012 at 8:28 pm", "Jane says:"); not a
# duration in brackets ("Interview (4:08)": a video list), nor a zero ("Current Time 0:00": a video player).
# Three patterns, each tried only when the line holds what it needs (a colon, a digit, a final
# colon): one alternation searched at every position of every line was a tenth of the classifier.
STAMP_TIME = re.compile(r"(?<!\()\b(?!0?0:00\b)\d{1,2}:\d{2}\b(?!\))")
STAMP_AGO = re.compile(r"\b\d+ (minutes?|hours?|days?|weeks?|months?) ago\b", re.IGNORECASE)
STAMP_SAYS = re.compile(r"\b(says|said|wrote|schreibt|a écrit|dice|escribió|disse|scrive|schreef)\s*:\s*$",
                        re.IGNORECASE)
DIGIT = re.compile(r"\d")
STAMP_MAX_WORDS = 16
COUNT = re.compile(r"\d")  # a comment marker with a number counts the comments: a link to the thread
COUNT_LOOKBACK = 6     # blocks above the article's first paragraph where such a link is the article's
STAMP_THREAD = 3       # this many stamp lines make a comment thread ...
STAMP_GAP = 8          # ... when they come at most this many blocks apart on average


@dataclass
class Shape:
    """What the classifier knows about one block."""

    chars: int
    words: int
    stop: float | None
    sentence: bool   # ends like a sentence or holds one
    short: bool      # few words, no sentence
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
        sentence=sentence, short=count <= SHORT_WORDS and not sentence,
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


def _mark_lists_and_repeats(blocks: list[Block], shapes: list[Shape | None]) -> None:
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


def is_dump(blocks: list[Block], shapes: list[Shape | None]) -> bool:
    """Enough link-like lines (or page furniture the rules found) to be a whole page flattened
    to text, not a tidy article: a few in share, or many in number."""
    judged = sum(s is not None for s in shapes)
    evidence = _evidence(blocks, shapes)
    return evidence >= DUMP_MIN_LINKS and (evidence >= DUMP_MIN_SHARE * judged or evidence >= DUMP_MANY_LINKS)


def _evidence(blocks: list[Block], shapes: list[Shape | None]) -> int:
    """Link-like lines plus page furniture the rules found."""
    links = sum(s.linkish for s in shapes if s is not None)
    return links + sum(b.verdict == REMOVED and (b.rule or "").startswith("textdump.") for b in blocks)


def _comment_markers(blocks: list[Block], shapes: list[Shape | None], stamp_lines: list[int],
                     level: int | None = None) -> list[int]:
    """Indices of comment-thread markers: rule-marked ones, plus stamp lines when a thread shows.

    A single "Posted 10:32 AM" is an article's dateline; a thread has one such line per comment.
    Once the body's indentation is known, a stamp far from it with body prose after it is in
    another column (timed headlines beside the article), not a comment's header.
    """
    marked = [i for i, b in enumerate(blocks) if b.verdict == REMOVED and b.category in COMMENT_CATEGORIES]
    stamps = [i for i in stamp_lines if not _beside_body(blocks, shapes, i, level)]
    # A thread is a dense tail of stamps (one per comment): a dateline or a timed headline far
    # above it is not part of it.
    for first in range(len(stamps) - STAMP_THREAD + 1):
        if stamps[-1] - stamps[first] <= STAMP_GAP * (len(stamps) - 1 - first):
            return sorted(marked + stamps[first:])
    return marked


def _stamp_lines(blocks: list[Block], shapes: list[Shape | None]) -> list[int]:
    """Indices of short judged lines that carry a comment's time or author stamp."""
    return [i for i, (b, s) in enumerate(zip(blocks, shapes))
            if s is not None and not s.code and s.words <= STAMP_MAX_WORDS and _stamp(b.text)]


def _stamp(text: str) -> bool:
    """A clock time ("8:28 pm"), an age ("3 hours ago") or an author's "says:" in the line."""
    if ":" in text and (STAMP_TIME.search(text) or (text.rstrip().endswith(":") and STAMP_SAYS.search(text))):
        return True
    return bool(DIGIT.search(text) and STAMP_AGO.search(text))


def body_level(blocks: list[Block], shapes: list[Shape | None], start: int, end: int) -> int | None:
    """The indentation holding most body-like text in blocks[start:end], or None.

    Page renderers keep layout depth as leading spaces: an article's paragraphs sit at one
    depth, while menus, sidebars, captions and teasers sit at others.
    """
    levels: Counter[int] = Counter()
    judged = [i for i in range(start, end) if shapes[i] is not None]
    for position, index in enumerate(judged):
        shape_ = shapes[index]
        if shape_.good:
            # Paragraphs that follow one another are an article's; a lone one between stamps,
            # headlines or link lines is a comment or a teaser's blurb.
            near = judged[max(0, position - 1):position] + judged[position + 1:position + 2]
            flowing = any(shapes[i].good and blocks[i].indent == blocks[index].indent for i in near)
            if not shape_.gallery:  # a slideshow's captions flow too, but they are not the body
                levels[blocks[index].indent] += min(shape_.chars, 2000) * (1.0 if flowing else LONE_WEIGHT)
    return levels.most_common(1)[0][0] if levels else None


def _beside_body(blocks: list[Block], shapes: list[Shape | None], index: int, level: int | None) -> bool:
    """Is blocks[index] far from the body's indentation while the next prose is at it?"""
    if level is None or abs(blocks[index].indent - level) < OFF_LEVEL_DROP:
        return False
    after = next((i for i in range(index + 1, len(blocks)) if shapes[i] is not None and shapes[i].good), None)
    return after is not None and blocks[after].indent == level


def _fixed_scores(blocks: list[Block], shapes: list[Shape | None]) -> list[float | None]:
    """Each block's contribution to the body run where it depends neither on the comment thread
    nor on the body's indentation (None for prose, whose weight does): the same in every pass."""
    scores: list[float | None] = []
    for block, shape_ in zip(blocks, shapes):
        if shape_ is None and block.verdict == REMOVED and (block.category in END_CATEGORIES or block.rule in END_RULES):
            scores.append(-COMMENT_BARRIER)
        elif shape_ is None:
            furniture = block.verdict == REMOVED and ((block.rule or "").startswith("textdump.")
                                                      or block.category in FURNITURE_CATEGORIES)
            scores.append(-BAD_PENALTY if furniture else 0.0)
        elif shape_.good:
            scores.append(None)
        elif block.cell:
            scores.append(0.0)  # another column's cell beside a paragraph: it neither ends the run nor adds to it
        elif shape_.bad or shape_.repeated:
            scores.append(-(min(shape_.chars, 200) + BAD_PENALTY))
        else:
            scores.append(-SHORT_PENALTY)
    return scores


def _scores(blocks: list[Block], shapes: list[Shape | None], markers: set[int], level: int | None,
            fixed: list[float | None]) -> tuple[list[float], int]:
    """Per-block contribution to the body run, and where the comment thread starts (or len):
    at the first marker after some prose. `fixed` is `_fixed_scores(blocks, shapes)`."""
    prose = [index for index, score in enumerate(fixed) if score is None and index not in markers]
    thread = min((index for index in markers if prose and index > prose[0]), default=len(blocks))
    scores = fixed.copy()
    for index in prose:
        shape_ = shapes[index]
        weight = COMMENT_WEIGHT if index > thread else 1.0
        if (level is not None and blocks[index].indent != level) or shape_.gallery:
            weight *= OFF_LEVEL_WEIGHT
        scores[index] = min(shape_.chars, 2000) * weight
    for index in markers:
        scores[index] = -COMMENT_BARRIER
    return scores, thread  # type: ignore[return-value]  # no None is left


def best_run(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the segment with the largest total score (Kadane)."""
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_range = total, (start, index + 1)
    return best_range


def _headline_start(blocks: list[Block], shapes: list[Shape | None], start: int) -> int:
    """Move the run's start back over the headline, byline and date lines right above it."""
    index = start
    taken = 0
    while index > 0 and taken < TITLE_LOOKBACK:
        shape_ = shapes[index - 1]
        if _same_row(blocks[index - 1], blocks[start]):
            break  # beside the first paragraph, in another column: not above it
        if shape_ is None:
            if blocks[index - 1].verdict == REMOVED:
                break
            index -= 1
            continue
        headline = shape_.linkish and not blocks[index - 1].bullet and shape_.separators < 2
        if (shape_.bad and not headline) or shape_.repeated or shape_.words < 2:
            break
        index -= 1
        taken += 1
    return index


def _same_row(block: Block, other: Block) -> bool:
    """Are the two blocks cells of one table row (one line of the dump)?"""
    return block.cell and other.cell and block.where.split(",")[0] == other.where.split(",")[0]


def _body_run(blocks: list[Block], shapes: list[Shape | None], markers: set[int],
              level: int | None, fixed: list[float | None]) -> tuple[int, int, int, list[float]]:
    """[start, end) of the article's run, where the comment thread starts, and the scores.

    A comment count ("11 Comments") right above the run found without counts is the article's
    link to its thread, printed with its headline: it starts no thread.
    """
    counts = {index for index in markers if shapes[index] is None and COUNT.search(blocks[index].text)}
    if counts:
        start, _ = _run(*_scores(blocks, shapes, markers - counts, level, fixed))
        markers = markers - {index for index in counts if index < start <= index + COUNT_LOOKBACK}
    scores, thread = _scores(blocks, shapes, markers, level, fixed)
    start, end = _run(scores, thread)
    return start, end, thread, scores


def _run(scores: list[float], thread: int) -> tuple[int, int]:
    start, end = best_run(scores[:thread])
    if sum(scores[start:end]) < MIN_ARTICLE:
        start, end = best_run(scores)
    return start, end


def islands(scores: list[float], start: int, end: int, limit: int,
            judge: Callable[[int, int, bool], bool] | None = None) -> list[tuple[int, int]]:
    """Runs outside the article's [start, end) strong enough to be more of it, not page furniture.

    A list of links or a gallery can cut an article in two; the part beyond the cut still
    holds a good share of the article's prose. Teasers and sidebars hold far less. Only the
    part before `limit` (the comment thread) is searched. `judge(first, last, strong)` has the
    last word on each run of at least MIN_ARTICLE, told whether it is strong by score alone.
    """
    threshold = max(MIN_ARTICLE, ISLAND_SHARE * sum(scores[start:end]))
    found: list[tuple[int, int]] = []
    regions = [(0, start), (end, max(end, limit))]
    while regions:
        low, high = regions.pop()
        if high - low < 1:
            continue
        first, last = best_run(scores[low:high])
        total = sum(scores[low + first:low + last])
        if last == 0 or total < (MIN_ARTICLE if judge is not None else threshold):
            continue
        regions += [(low, low + first), (low + last, high)]
        if judge(low + first, low + last, total >= threshold) if judge is not None else True:
            found.append((low + first, low + last))
    return found


def _flowing_island(blocks: list[Block], shapes: list[Shape | None], level: int | None) -> Callable[[int, int, bool], bool]:
    """Judge an island by how its paragraphs follow one another at the body's depth.

    A chart or a gallery between two parts of an article leaves a part whose paragraphs flow
    on at the body's depth, one after another: it is the article's however short beside the
    rest. A list of teasers is each blurb under its own headline, so no two of its paragraphs
    follow one another: it is not the article's however strong.
    """
    def judge(first: int, last: int, strong: bool) -> bool:
        judged = [i for i in range(first, last) if shapes[i] is not None]
        paragraphs = {i for i in judged if (shape_ := shapes[i]).good and not shape_.prose and not shape_.gallery}
        flowing = sum(before in paragraphs and after in paragraphs and blocks[before].indent == blocks[after].indent
                      for before, after in zip(judged, judged[1:]))
        if not flowing and len(paragraphs) >= ISLAND_TEASERS:
            return False
        at_level = sum(blocks[i].indent == level for i in paragraphs)
        return strong or (at_level >= ISLAND_FLOW_MIN and flowing >= ISLAND_FLOW_SHARE * len(paragraphs))
    return judge


def _level_end(blocks: list[Block], shapes: list[Shape | None], start: int, end: int, level: int) -> int:
    """Where the article ends: after its last paragraph at the body's indentation.

    Prose that follows it one container deeper or shallower (a comment thread, a teaser box,
    an author's bio) can still add to the run's score at its reduced weight; it is not the
    article's. The tail is cut only when it looks like such boxes: near in depth (a far jump
    is a table layout's next cell, which may go on with the article), short beside the
    article, and broken up (each text under its own name or headline line, where an article
    that goes on at another depth flows from paragraph to paragraph). A list the last
    paragraph announces (ending in ":") is the article's.
    """
    last = next((i for i in range(end - 1, start - 1, -1) if (shape_ := shapes[i]) is not None
                 and shape_.good and not shape_.gallery and blocks[i].indent == level), None)
    if last is None or last + 1 >= end or blocks[last].text.rstrip().endswith(":"):
        return end
    seen = [i for i in range(last + 1, end) if shapes[i] is not None or blocks[i].verdict == REMOVED]
    tail = [i for i in seen if shapes[i] is not None and shapes[i].good]
    if any(abs(blocks[i].indent - level) > TAIL_DEPTH for i in tail):
        return end
    flowing = sum(before in tail and after in tail and blocks[before].indent == blocks[after].indent
                  for before, after in zip(seen, seen[1:]))
    article = sum(shapes[i].chars for i in range(start, last + 1) if shapes[i] is not None and shapes[i].good)
    if sum(shapes[i].chars for i in tail) >= TAIL_SHARE * article:
        return end
    if flowing >= TAIL_FLOW * len(tail) and not _headed_box(blocks, seen, tail):
        return end
    return last + 1


def _headed_box(blocks: list[Block], seen: list[int], tail: list[int]) -> bool:
    """Does a header the rules removed as a list of other articles ("Related coverage") come
    before the tail's first paragraph? Then its blurbs are that list's, however they flow."""
    return bool(tail) and any(blocks[i].verdict == REMOVED and blocks[i].category in FURNITURE_CATEGORIES
                              for i in seen if i < tail[0])


def _closing_lines(blocks: list[Block], shapes: list[Shape | None], end: int, level: int, thread: int) -> int:
    """Extend the article over the short sentences right after it at its own depth.

    An article often closes with a line too short to be scored as prose ("Heba Habib
    contributed to this report.", "This story has been updated."): a full sentence at the
    body's indentation, directly after its last paragraph, is the article's. A menu or a
    byline box does not end in a full stop, a prompt ends in a question ("Share this article
    What's this?") or an ellipsis ("More sport news..."), and another box sits at another depth.
    """
    limit = min(thread, len(blocks))
    while end < limit:
        step = 1
        if _rule_line(blocks[end]) and end + 1 < limit:
            step = 2  # a separator ("___", "* * *") between the last paragraph and its closing line
        shape_ = shapes[end + step - 1]
        text = blocks[end + step - 1]
        if (shape_ is None or text.indent != level or not CLOSING_END.search(text.text)
                or shape_.bad or shape_.repeated or shape_.code or shape_.words < 3):
            break
        end += step
    return end


def _rule_line(block: Block) -> bool:
    """A horizontal rule printed as text: "___", "***", "* * *", "---"."""
    return bool(RULE_LINE.fullmatch(block.text.strip()))


def _other_column(blocks: list[Block], shapes: list[Shape | None], start: int, end: int,
                  level: int | None) -> list[int]:
    """Blocks inside the run that sit in another layout column: far from the body's
    indentation and not prose (an ad slot, a sidebar's headlines, a teaser box next to the
    article). Headings, captions and list items of the article sit near its level."""
    if level is None:
        return []
    judged = [i for i in range(start, end) if shapes[i] is not None]
    listings = _nested_listings(blocks, shapes, judged, level)
    return [index for index in judged
            if not (shape_ := shapes[index]).good and index not in listings
            and abs(blocks[index].indent - level) >= OFF_LEVEL_DROP]


def _nested_listings(blocks: list[Block], shapes: list[Shape | None], judged: list[int], level: int) -> set[int]:
    """Lines of program listings that start near the body's level and nest deeper.

    A listing indents its nested lines deeper than the body's paragraphs, one step at a time,
    as far from them as another column's lines. A run of lines that are not prose, from a line
    near the body's level, each no far deeper than the one before, with code among them as in a
    listing, is the article's however deep it nests; a table of data in a sidebar lies far from
    the body from its first line, or jumps there from one cell to the next.
    """
    found: set[int] = set()
    run: list[int] = []
    for index in judged + [-1]:
        if (index >= 0 and not shapes[index].good
                and (not run or blocks[index].indent - blocks[run[-1]].indent < OFF_LEVEL_DROP)):
            run.append(index)
            continue
        code = sum(shapes[i].code for i in run)
        if code >= 2 and code >= CODE_RUN_SHARE * len(run) and abs(blocks[run[0]].indent - level) < OFF_LEVEL_DROP:
            found.update(run)
        run = [index] if index >= 0 and not shapes[index].good else []
    return found


def _interleaved(shapes: list[Shape | None], start: int, end: int) -> list[int]:
    """Short lines that alternate with the article's paragraphs all through the run.

    A table layout can print another column's cells (a menu, a list of sections) one between
    each two paragraphs. One heading between two paragraphs is the article's; a line between
    every other pair of them is that column.
    """
    judged = [i for i in range(start, end) if shapes[i] is not None]
    between = [index for before, index, after in zip(judged, judged[1:], judged[2:])
               if shapes[before].good and shapes[after].good and not shapes[index].good
               and not shapes[index].sentence]
    paragraphs = sum(shapes[i].good for i in judged)
    return between if len(between) >= INTERLEAVED_MIN and len(between) >= INTERLEAVED_SHARE * paragraphs else []


def _long_nav(shapes: list[Shape | None], start: int, end: int) -> list[int]:
    """Lines inside the run that read as navigation and are too long to be the article's
    headings: a tag cloud, a stock list, a teaser printed several times over."""
    return [index for index in range(start, end)
            if (shape_ := shapes[index]) is not None and shape_.bad and shape_.words > LIST_LINE_WORDS]


def classify_blocks(doc: Document) -> None:
    """Mark the non-body blocks of a whole-page text dump REMOVED, in place.

    Blocks the rules already decided are left alone (they only inform the scores).
    A document without the marks of a page dump is not touched. One with some (enough
    link-like lines in number, too few in share: a long article in a light page) only
    loses what lies before the article's headline and after it; nothing inside is touched.
    """
    blocks = doc.blocks
    undecided = [b for b in blocks if b.verdict == BODY and b.rule is None]
    if len(undecided) < DUMP_MIN_LINKS:
        return
    language = detect_page_language([b.text for b in undecided])
    shapes: list[Shape | None] = [shape(b, language) if b.verdict == BODY and b.rule is None else None
                                  for b in blocks]
    _mark_lists_and_repeats(blocks, shapes)
    for first, last in galleries(blocks):
        for shape_ in shapes[first:last]:
            if shape_ is not None:
                shape_.gallery = True
    dump = is_dump(blocks, shapes)
    if not dump and _evidence(blocks, shapes) < DUMP_MIN_LINKS:
        return
    stamps = _stamp_lines(blocks, shapes)  # the shapes do not change from here on
    markers = set(_comment_markers(blocks, shapes, stamps))
    fixed = _fixed_scores(blocks, shapes)
    start, end, thread, scores = _body_run(blocks, shapes, markers, None, fixed)
    if end == 0:
        return
    level = body_level(blocks, shapes, start, end)
    if level is not None:
        markers = set(_comment_markers(blocks, shapes, stamps, level))
        start, end, thread, scores = _body_run(blocks, shapes, markers, level, fixed)
        end = _level_end(blocks, shapes, start, end, level)
        end = _closing_lines(blocks, shapes, end, level, thread)
    head = _headline_start(blocks, shapes, start)
    headline = find_headline(blocks, shapes, start, end, language)
    heading = set(range(head, start)) | ({headline} if headline is not None else set())
    inside = [False] * len(blocks)
    for first, last in [(start, end)] + islands(scores, head, end, thread if end <= thread else len(blocks),
                                                _flowing_island(blocks, shapes, level)):
        inside[first:last] = [True] * (last - first)
    if not dump:  # gentle: trim only the page's head and tail
        inside[head:end] = [True] * (end - head)
        start = head
        shapes = [None if inside[i] else s for i, s in enumerate(shapes)]
    slides = [index for index in range(len(blocks)) if shapes[index] is not None and shapes[index].gallery]
    for index in (_other_column(blocks, shapes, start, end, level) + _interleaved(shapes, start, end) + slides
                  + _long_nav(shapes, start, end)):
        inside[index] = False
    markup = set(leaked_markup(blocks, shapes, head, end))
    heading -= markup
    for index, (block, shape_) in enumerate(zip(blocks, shapes)):
        if shape_ is None or index in heading or (inside[index] and not shape_.linkish and index not in markup):
            continue
        if shape_.linkish:
            block.decide(REMOVED, NAV_LIST, "navigation")
        elif shape_.repeated:
            block.decide(REMOVED, REPEATED, "boilerplate")
        elif shape_.gallery:
            block.decide(REMOVED, GALLERY, "gallery")
        elif index in markup:
            block.decide(REMOVED, MARKUP, "code")
        elif index >= thread and index >= end:
            block.decide(REMOVED, COMMENTS, "comments")
        else:
            block.decide(REMOVED, OUTSIDE, "boilerplate")
