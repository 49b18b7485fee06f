"""Prune the chosen article: the boxes inside it that are not part of it.

The box that wins on prose still holds chrome: share bars, link lists, a video player's
menus, lists of other stories, a snippet of the story shown above the story, a label
repeated under every picture, and a comment thread laid out as plain paragraphs after
the article's own (found by its "Comments" heading or its run of "Posted by" stamps).
Each goes with its own heuristic id so the manifest can say why it is gone. Boxes that
hold most of what was chosen are left alone: then they are the article (a links roundup,
a section front's teasers).
"""

from __future__ import annotations


from lxml import etree

from .boxnames import class_weight, unlikely
from .document import BODY, REMOVED, Block
from .heuristics import END_RULES
from .htmlparse import Segment, tag_of
from .blockmatch import fold
from .scoring import MIN_PROSE, Totals
from .vocabulary import test

BOX = "heuristic.html.boilerplate-box"
LINKS = "heuristic.html.link-dense"
FORM = "heuristic.html.form-after-article"  # a poll, a sign-up or comment form below the article
CONTROLS = "heuristic.html.control-labels"
TEASERS = "heuristic.html.teaser-list"
DUPLICATE = "heuristic.html.duplicate"  # a paragraph the article already has (a teaser of itself)
THREAD = "heuristic.html.comment-thread"  # a "Comments" heading and the comments after it in its box
NOTICE = "heuristic.html.after-notice"  # below the site's copyright notice
AUTHOR = "heuristic.html.author-box"  # a box named for the author that holds a bio, not a byline

BOX_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "dl", "table", "form", "nav", "footer",
                      "center", "span", "header", "details"})
TEASER_HEADINGS = 2  # linked headings that make a box a list of other stories
TEASER_CHARS = 400  # text per linked heading in such a list: headline and blurb
BLURB_HEADS = 3  # headlines, each over at most one paragraph, that make a list of stories
BLURB_HEAD_CHARS = 150  # a linked line this short can be a headline
BLURB_SHARE = 0.7  # of a box's paragraphs that come right under a headline in such a list
REPEAT_MIN_CHARS = 80  # paragraphs this long that come again are copies; short lines ("Photo: AP") recur
REPEAT_MIN_PARAGRAPHS = 2  # a box of this many such paragraphs, all found again further down, is a copy
LABEL_REPEATS = 4  # a short line the chosen text holds this often is a widget's label, not writing
LABEL_MIN_WORDS = 4  # shorter lines recur in writing too: a word split off by markup, a Q&A's "The issue"
# A heading that only announces reader comments or trackbacks ("Comments", "12 Responses to
# "Story"", "Trackback Pings", "Reader views (5)", "Leave a Reply"): blogs put the thread right after it, as plain
# paragraphs beside the article's own, in the same box. A singular or a word that names an
# article's own section too ("Comment", "Response", "Discussion") needs a count.
# The headings are the vocabulary rule with the verdict's own id (rules/vocabulary.toml).
THREAD_HEADING = THREAD
# A comment's stamp line: "Posted by: Jane | Apr 6, 2007 1:11:01 PM". One is the article's own
# byline or footer; a dense run of them, one per comment, is a thread laid out as plain
# paragraphs with no heading and no box name to mark it.
THREAD_STAMP = "heuristic.html.comment-stamps"  # a vocabulary rule
THREAD_STAMP_WORDS = 20
THREAD_STAMPS = 3  # this many stamps ...
THREAD_STAMP_GAP = 8  # ... at most this many blocks apart make a thread
THREAD_AFTER_PROSE = 2 * MIN_PROSE  # kept prose above the heading: the article it follows
BIO_CHARS = 100  # a paragraph this long in a box named for the author is a bio: a byline is a name and a date
NOTICE_AFTER_WORDS = 50  # of the article's prose above a copyright notice that ends it
WRITTEN_LIST_LINKS = 0.75  # of a bare list's text in links: more is a list of links, less the author's sentences
RUNNING_PROSE = 80  # characters of a paragraph on each side of a list the author wrote: a sentence, not a label
ARTICLE_SHARE = 0.5  # of the chosen prose: a link-dense box holding more is the article itself
ROUNDUP_PROSE = 4.0  # points of one paragraph without commas (scoring.points): a roundup's own words
# A box of many tiny labels and no prose is a widget's interface (a video player's
# "Settings", "Full Screen", "Captions" menus) or a chart's labels ("$900", "billion", "’17"),
# not text: browsers show them only as buttons or as part of a picture.
CONTROL_MIN_LABELS = 6
CONTROL_MAX_MEAN_CHARS = 20
CONTROL_MAX_PROSE = 2.5  # one short line may score (a chart's axis title among its tick labels)


def prune(roots: list[etree._Element], found: dict[etree._Element, Totals], segments: list[Segment],
          verdicts: list[str | None], chosen: set[etree._Element]) -> None:
    """Drop the boxes inside the article that are navigation, link lists or comments
    (never the box that won, nor the wrappers between it and the roots, nor a link-dense
    box that holds most of the chosen prose: a roundup of links is the article). Lists of other
    stories go too, unless they are most of what was chosen (a section front's teasers)."""
    for root in roots:
        teaser_boxes: list[Totals] = []
        for el in root.iter():
            tag = tag_of(el)
            t = found.get(el)
            if t is None or el in chosen or not t.segments:
                continue
            if tag in BOX_TAGS and _author_bio(el, t, segments, verdicts):
                _decide(t, verdicts, AUTHOR)  # its byline may have gone to the metadata already
                continue
            if el is root or verdicts[t.segments[0]] is not None:
                continue  # a root was chosen: only an author's bio appended to the article goes
            if tag not in BOX_TAGS:
                if tag == "p" and unlikely(el):
                    _decide(t, verdicts, BOX)
                continue
            reason = _box_reason(el, tag, t)
            if reason == LINKS and root in found and (t.prose > ARTICLE_SHARE * found[root].prose
                                                      or _roundup(el, t, root, found)):
                reason = None  # most of the article's prose, or its text: a links roundup, not a box in it
            elif reason == LINKS and _authors_list(el, tag, t, found, segments, verdicts):
                reason = None
            if reason:
                _decide(t, verdicts, reason)
            elif teasers(t, segments) and not any(set(t.segments) & set(o.segments) for o in teaser_boxes):
                teaser_boxes.append(t)
        if root in found and sum(t.chars for t in teaser_boxes) * 2 < found[root].chars:
            for t in teaser_boxes:
                _decide(t, verdicts, TEASERS)
    first, last, forms = _article_span(segments, verdicts)
    _drop_linked_lines(segments, verdicts, first, last)
    _cut_threads(roots, segments, verdicts)
    _cut_stamped_thread(roots, segments, verdicts)
    _drop_forms(segments, verdicts, forms, last)  # after the threads, which keep what they take


def _roundup(el: etree._Element, t: Totals, root: etree._Element, found: dict[etree._Element, Totals]) -> bool:
    """A post that is a list of links: the link-dense box is most of the text of a box named
    like the article's own ("entry", "post-content"; itself or around it), that box is most
    of the chosen text, and its only prose is a line or so beside the links ("Plus, Ray hosts
    the next round."). Links count as no prose, so the prose test alone misses such a post; a
    box named like an article that holds a short story and a longer list of headlines, or
    only links (a widget), is no roundup."""
    node: etree._Element | None = el
    while node is not None and node is not root:
        if class_weight(node) > 0:
            named = found.get(node)
            return (named is not None and t.chars > ARTICLE_SHARE * named.chars
                    and named.chars > ARTICLE_SHARE * found[root].chars
                    and 0 < named.prose and named.prose - t.prose <= ROUNDUP_PROSE)
        node = node.getparent()
    return False


def _authors_list(el: etree._Element, tag: str, t: Totals, found: dict[etree._Element, Totals],
                  segments: list[Segment], verdicts: list[str | None]) -> bool:
    """A bare list (no class, no id: a site's module of links has a name) that the author wrote:
    its items say more than their links ("gero removed the windowtype attribute from dialogs",
    a deal's price and shop), or, all links, it sits between two of the article's paragraphs
    in the same box ("click the links: ...", the papers of an issue), not in a box of its own."""
    if tag not in ("ul", "ol") or el.get("class") or el.get("id"):
        return False
    if t.link_density <= WRITTEN_LIST_LINKS:
        return True
    parent = el.getparent()
    before = next((i for i in range(t.segments[0] - 1, -1, -1) if segments[i].chars), None)
    if before is None or not _kept_prose(segments[before], verdicts[before], RUNNING_PROSE) \
            or segments[before].owner.getparent() is not parent:
        return False
    return any(i > t.segments[-1] and _kept_prose(segments[i], verdicts[i], RUNNING_PROSE)
               and segments[i].owner.getparent() is parent for i in found[parent].segments)


def _kept_prose(seg: Segment, verdict: str | None, min_chars: int = MIN_PROSE) -> bool:
    """A kept paragraph of prose: long enough, and not mostly a link."""
    return verdict is None and seg.block.kind == "paragraph" and seg.chars >= min_chars \
        and seg.link_chars <= 0.5 * seg.chars


def _cut_threads(roots: list[etree._Element], segments: list[Segment], verdicts: list[str | None]) -> None:
    """A heading that announces the comments, below the article's prose, ends the article in
    its box: it and every block after it there go. The box is the heading's parent, widened
    while the heading is the last thing kept in it (a heading wrapped in its own `<div>`),
    never past the chosen roots."""
    prose = 0
    index = 0
    while index < len(segments):
        seg = segments[index]
        if verdicts[index] is not None:
            index += 1
            continue
        if seg.block.kind == "heading" and prose >= THREAD_AFTER_PROSE and test(THREAD_HEADING)(seg.block.text):
            box = _thread_box(seg.owner, index, roots, segments, verdicts)
            end = index
            while end < len(segments) and _inside(segments[end].owner, box):
                if verdicts[end] is None:
                    verdicts[end] = THREAD
                end += 1
            index = end
            continue
        if seg.block.kind == "paragraph":
            prose += seg.chars - seg.link_chars
        index += 1


def _cut_stamped_thread(roots: list[etree._Element], segments: list[Segment], verdicts: list[str | None]) -> None:
    """A dense run of comment stamps below the article's prose is its thread: from the first
    stamp (the article's own footer stamp or the first comment's) to the end of the box that
    holds the run, everything goes."""
    prose = 0
    stamps: list[int] = []
    for index, seg in enumerate(segments):
        if verdicts[index] is not None:
            continue
        if stamps and index - stamps[-1] > THREAD_STAMP_GAP:
            if len(stamps) >= THREAD_STAMPS:
                break
            stamps = []
        if _stamp(seg):
            if stamps or prose >= THREAD_AFTER_PROSE:
                stamps.append(index)
        elif seg.block.kind == "paragraph" and not stamps:
            prose += seg.chars - seg.link_chars
    if len(stamps) < THREAD_STAMPS:
        return
    box = segments[stamps[0]].owner
    while box not in roots and box.getparent() is not None and not _inside(segments[stamps[-1]].owner, box):
        box = box.getparent()
    index = stamps[0]
    while index < len(segments) and _inside(segments[index].owner, box):
        if verdicts[index] is None:
            verdicts[index] = THREAD
        index += 1


def _stamp(seg: Segment) -> bool:
    text = seg.block.text
    return (len(text.split()) <= THREAD_STAMP_WORDS and test(THREAD_STAMP)(text)
            and any(c.isdigit() for c in text))


def _thread_box(owner: etree._Element, index: int, roots: list[etree._Element], segments: list[Segment],
                verdicts: list[str | None]) -> etree._Element:
    box = owner
    while box not in roots and box.getparent() is not None:
        box = box.getparent()
        later = next((j for j in range(index + 1, len(segments)) if verdicts[j] is None), None)
        if later is not None and _inside(segments[later].owner, box):
            return box
    return box


def _inside(el: etree._Element, box: etree._Element) -> bool:
    return el is box or any(a is box for a in el.iterancestors())


def teasers(t: Totals, segments: list[Segment]) -> bool:
    """Linked headlines, each with a short blurb: a list of other stories. An article's own
    headings are rarely links, and when they are (permalink anchors) long sections follow."""
    headings = [segments[i] for i in t.segments if segments[i].block.kind == "heading"]
    linked = sum(1 for seg in headings if seg.link_chars > 0.5 * seg.chars)
    if linked >= TEASER_HEADINGS and linked * 2 >= len(headings) and t.chars <= TEASER_CHARS * linked:
        return True
    return _headed_blurbs(t.segments, segments)


def _headed_blurbs(indexes: list[int], segments: list[Segment]) -> bool:
    """Linked headlines (headings, list items, lines), most paragraphs right under one of
    them, three times or more: a list of other stories ("More Manitoba headlines", a `<dl>`
    of linked titles and summaries), however long its blurbs. An article's links sit inside
    its sentences, and a box with an `<h1>` in it is the page's own (its headline, or its
    masthead)."""
    heads = blurbs = prose = 0
    after_head = False
    for index in indexes:
        seg = segments[index]
        if not seg.chars:
            continue
        if seg.block.kind == "heading" and seg.block.level == 1:
            return False
        if _headline_like(seg):
            heads += 1
            after_head = True
        else:
            if seg.chars >= MIN_PROSE and seg.block.kind in ("paragraph", "item", "quote"):
                prose += 1
                blurbs += after_head  # right under a headline, nothing between
            after_head = False
    return heads >= BLURB_HEADS and blurbs >= BLURB_HEADS and blurbs >= BLURB_SHARE * prose


def _headline_like(seg: Segment) -> bool:
    """A short block that is mostly a link: a headline in a list of stories."""
    return seg.chars <= BLURB_HEAD_CHARS and seg.link_chars > 0.5 * seg.chars


def drop_repeats(segments: list[Segment], verdicts: list[str | None]) -> None:
    """A box whose paragraphs all come again further down, in another box, is a copy of
    the story's opening: a snippet shown above it (a teaser for subscribers, a print
    summary). The copy goes, the story stays. Paragraphs repeated inside one box are the
    author's and stay."""
    boxes: dict[etree._Element, list[int]] = {}
    for index, seg in enumerate(segments):
        if verdicts[index] is None and seg.chars >= REPEAT_MIN_CHARS and seg.block.kind in ("paragraph", "quote"):
            boxes.setdefault(seg.owner.getparent(), []).append(index)
    if len(boxes) < 2:
        return
    later: dict[str, int] = {}  # paragraph -> the last box (by its first block) that holds it
    for indexes in boxes.values():
        for index in indexes:
            later[fold(segments[index].block.text)] = indexes[0]
    for indexes in boxes.values():
        if len(indexes) >= REPEAT_MIN_PARAGRAPHS and all(
                later[fold(segments[i].block.text)] > indexes[0] for i in indexes):
            for index in indexes:
                verdicts[index] = DUPLICATE


def drop_recurring_labels(segments: list[Segment], verdicts: list[str | None]) -> None:
    """A short line that comes again and again by the pictures in the chosen text ("Mouseover
    photo to load notes or add comment" under every photo, "Click here to enlarge this
    image") is a widget's label that a browser shows as a button; writing does not repeat
    itself so."""
    counts: dict[str, list[int]] = {}
    for index, seg in enumerate(segments):
        if verdicts[index] is None and 0 < seg.chars < REPEAT_MIN_CHARS and seg.block.kind == "paragraph" \
                and len(seg.block.text.split()) >= LABEL_MIN_WORDS:
            counts.setdefault(fold(seg.block.text), []).append(index)
    for indexes in counts.values():
        if len(indexes) >= LABEL_REPEATS and all(_by_picture(segments, i) for i in indexes):
            for index in indexes:
                verdicts[index] = CONTROLS


def _by_picture(segments: list[Segment], index: int) -> bool:
    """An image (a block with no text) right before or after the line: a section's recurring
    subheading ("What the inquest has been told") sits between prose paragraphs instead."""
    return any(0 <= j < len(segments) and not segments[j].chars for j in (index - 2, index - 1, index + 1, index + 2))


def _article_span(segments: list[Segment], verdicts: list[str | None]) -> tuple[int, int, set[etree._Element]]:
    """The indexes of the article's first and last prose paragraphs, and the forms below it.

    The article's prose ends before a form that follows it (a poll's question, a comment form's
    guidelines, a newsletter sign-up). Not a form the article's first paragraph is in too (a
    page wrapped whole in one), nor one that holds as much prose as the article above it."""
    prose = [i for i, v in enumerate(verdicts) if _kept_prose(segments[i], v)]
    if not prose:
        return len(segments), -1, set()
    forms: set[etree._Element] = set()
    kept = len(prose)
    while kept > 1 and (form := _later_form(segments[prose[kept - 1]].owner, segments[prose[0]].owner)) is not None:
        forms.add(form)
        kept -= 1
    if sum(segments[i].chars for i in prose[kept:]) >= sum(segments[i].chars for i in prose[:kept]):
        return prose[0], prose[-1], set()
    return prose[0], prose[kept - 1], forms


def _drop_linked_lines(segments: list[Segment], verdicts: list[str | None], first: int, last: int) -> None:
    """A short paragraph that is all link is chrome at the article's edges ("Email this
    story", "More news from ...", "Continue reading"), but between its prose paragraphs
    ([first, last]) it is the author's: a cross-reference, a linked quote, "Read the full transcript"."""
    for index, seg in enumerate(segments):
        if verdicts[index] is None and seg.chars and seg.link_chars / seg.chars > 0.8 \
                and seg.block.kind == "paragraph" and seg.chars < 300 and not first < index < last:
            verdicts[index] = LINKS


def _drop_forms(segments: list[Segment], verdicts: list[str | None], forms: set[etree._Element], last: int) -> None:
    """What the forms below the article (`_article_span`) hold after its last paragraph."""
    for index in range(last + 1, len(segments)) if forms else ():
        if verdicts[index] is None and any(form in forms for form in segments[index].owner.iterancestors("form")):
            verdicts[index] = FORM


def _later_form(el: etree._Element, start: etree._Element) -> etree._Element | None:
    """The `<form>` that holds `el` and not `start` (a page wrapped whole in a form holds both), or None."""
    for ancestor in el.iterancestors("form"):
        return None if any(a is ancestor for a in start.iterancestors("form")) else ancestor
    return None


def _decide(t: Totals, verdicts: list[str | None], reason: str) -> None:
    for index in t.segments:
        if verdicts[index] is None:
            verdicts[index] = reason


def _box_reason(el: etree._Element, tag: str, t: Totals) -> str | None:
    if tag in ("nav", "aside") or unlikely(el):
        return BOX
    if _controls(tag, t):
        return CONTROLS
    if t.commas >= 10:
        return None
    weight = class_weight(el)
    if weight < 0 and t.link_density > 0.2:
        return BOX
    if t.link_density > (0.5 if weight > 0 else 0.33):
        return LINKS
    if t.items > t.paras and t.link_density > 0.2 and tag not in ("ul", "ol"):
        return LINKS
    return None


def _author_bio(el: etree._Element, t: Totals, segments: list[Segment], verdicts: list[str | None]) -> bool:
    """A box named only for the author ("author", "post-author") that holds a paragraph of prose:
    the author's bio under the story. The same name on a byline's box holds a name and a date."""
    names = (el.get("class") or "").split()
    if el.get("id"):
        names.append(el.get("id"))
    if not names:
        return False
    named = test(AUTHOR)
    if not any(named(n) for n in names):
        return False
    return any(verdicts[i] is None and segments[i].block.kind == "paragraph"
               and segments[i].chars - segments[i].link_chars >= BIO_CHARS for i in t.segments)


def _controls(tag: str, t: Totals) -> bool:
    """Many short labels, no prose, not a list: a player's or widget's menus and buttons, a
    chart's tick labels (with one short line, its axis title, at most).

    Lists are left out: an ingredient list or a fact box is short lines too, but marked up
    as a list; control bars are nested boxes of one word each.
    """
    count = len(t.segments)
    return (count >= CONTROL_MIN_LABELS and t.prose < CONTROL_MAX_PROSE and tag not in ("ul", "ol", "dl", "table")
            and t.items * 2 < count and t.chars < CONTROL_MAX_MEAN_CHARS * count)


def end_at_notice(blocks: list[Block]) -> None:
    """A site's copyright notice ("Copyright © 2008 Radio New Zealand") after the article's prose
    ends the article, as it does in a text dump: what the chosen text still holds below it is
    the page's (other news, features, a footer's links). A notice above most of the prose is a
    header's, and ends nothing."""
    words_before = 0
    for index, block in enumerate(blocks):
        if block.verdict == REMOVED and block.rule in END_RULES and words_before >= NOTICE_AFTER_WORDS:
            after = [b for b in blocks[index + 1:] if b.verdict == BODY]
            if sum(len(b.text.split()) for b in after) < words_before:
                for b in after:
                    b.decide(REMOVED, NOTICE, "boilerplate")
            return
        if block.verdict == BODY and block.kind == "paragraph":
            words_before += len(block.text.split())
