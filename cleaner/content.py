"""Find the main content of a page from its blocks: which ones are the article, which are chrome.

Scores flow upwards from prose: each paragraph gives points (for its length and commas,
discounted by its share of link text) to the element that holds it and, diminishing, to
the elements above that. The best-scoring element, discounted by its link density, is the
article, unless it does not hold the prose right below the page's headline and the box
that does scores nearly as well; siblings that score near it join it. Inside it, boxes
that read like navigation, link lists or comment sections are dropped. Every dropped
block gets a heuristic id so the manifest can say why it is gone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .htmlparse import HEADINGS, Segment, class_and_id, tag_of
from .metadata import dateline_dates
from .prose import ends_sentence
from .rulebook import fold

OUTSIDE = "heuristic.html.outside-main"
BOX = "heuristic.html.boilerplate-box"
LINKS = "heuristic.html.link-dense"
CONTROLS = "heuristic.html.control-labels"
TEASERS = "heuristic.html.teaser-list"
DATELINE = "heuristic.html.dateline"  # a date-only line by the headline: its date goes to metadata
DUPLICATE = "heuristic.html.duplicate"  # a paragraph the article already has (a teaser of itself)

# Names sites give to their article containers, and to everything around them.
POSITIVE = re.compile(r"article|\bbody|content|entry|main|\bpost|story|text|blog|prose|hentry|column", re.I)
NEGATIVE = re.compile(
    r"comment|sidebar|side-bar|widget|footer|masthead|menu|\bnav|share|sharing|social|related|promo|"
    r"sponsor|\bads?\b|advert|banner|breadcrumb|popup|modal|cookie|newsletter|subscri|signup|\btags?\b|"
    r"pagination|pager|outbrain|taboola|recommend|disqus|rating|toolbar|login|shoutbox|skyscraper|"
    r"teaser|trending|most-?popular|most-?read|rail|extra|gallery|slideshow|carousel", re.I)
# Boxes inside an article that are never part of it, whatever else their name says.
NEVER = re.compile(r"(?<![a-z])(comment|disqus|respond(?![a-z])|share(?!d|holder)|sharing|social|related|"
                   r"newsletter|outbrain|taboola|breadcrumb|most-?popular|most-?read|recommend|promo(?![a-z])|"
                   r"sponsor|advert|sidebar|gallery|slideshow|carousel|"
                   r"author-?(?:bio|box|info|description|details)|about-?(?:the-?)?author|postauthor|bio(?![a-z])"
                   r")", re.I)
UNLIKELY_TAGS = frozenset({"aside", "nav", "footer"})
SLUG_ID_WORDS = 3  # ids made from headings ("the-shared-history") say nothing about the box
LEAF_TAGS = frozenset({"p", "pre", "li", "dt", "dd", "td", "th", "blockquote", "font", "span", "center",
                       "figcaption", "address", "caption", *HEADINGS})
TAG_WEIGHT = {"div": 5, "article": 10, "main": 8, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
              "form": -3, "ul": -3, "ol": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "address": -3,
              "th": -5, "header": -5, "footer": -20, "nav": -25, "aside": -20,
              **{h: -5 for h in HEADINGS}}
BOX_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "dl", "table", "form", "nav", "footer",
                      "center", "span", "header", "details"})
MIN_PROSE = 25
LEVEL_DIVISORS = (1.0, 2.0, 6.0, 12.0)
HEADLINE_REACH = 12
DATELINE_REACH = 6  # blocks right above the headline where a date line is its furniture
ANCHOR_REACH = 8  # blocks below the headline where its article's prose starts
ANCHOR_SHARE = 0.5  # of the winner's score and prose that the box below the headline needs
ASCEND_GAIN = 1.5  # the parent must hold this much more prose than the winner
ASCEND_MAX_LINKS = 0.25
ASCEND_REACH = 6
TEASER_HEADINGS = 2  # linked headings that make a box a list of other stories
TEASER_CHARS = 400  # text per linked heading in such a list: headline and blurb
REPEAT_MIN_CHARS = 80  # paragraphs this long that come again are copies; short lines ("Photo: AP") recur
REPEAT_MIN_PARAGRAPHS = 2  # a box of this many such paragraphs, all found again further down, is a copy
ARTICLE_SHARE = 0.5  # of the chosen prose: a link-dense box holding more is the article itself
WRAPPER_SHARE = 0.6  # a box with this share of the page's text is its layout, whatever its name
# A box of many tiny labels and no prose is a widget's interface (a video player's
# "Settings", "Full Screen", "Captions" menus) or a chart's labels ("$900", "billion", "’17"),
# not text: browsers show them only as buttons or as part of a picture.
CONTROL_MIN_LABELS = 6
CONTROL_MAX_MEAN_CHARS = 20
CONTROL_MAX_PROSE = 2.5  # one short line may score (a chart's axis title among its tick labels)


@dataclass(slots=True)
class Totals:
    """What lies under one element: text, link text, commas, and its blocks by kind."""

    chars: int = 0
    links: int = 0
    commas: int = 0
    paras: int = 0
    items: int = 0
    score: float = 0.0
    prose: float = 0.0  # undivided points of all the prose below
    listed: float = 0.0  # of which in list items (teasers, comments): no reason to climb
    base: float | None = None
    segments: list[int] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        return self.links / self.chars if self.chars else 0.0


EMPTY = Totals()


def class_weight(el: etree._Element) -> int:
    names = class_and_id(el)
    if not names.strip():
        return 0
    return 25 * bool(POSITIVE.search(names)) - 25 * bool(NEGATIVE.search(names))


def _points(segments: list[Segment], body: etree._Element,
            spared: frozenset[etree._Element] = frozenset()) -> list[float]:
    """What each block says about its container: prose scores, links and chrome do not.

    Blocks inside boxes named like chrome score nothing, except below the `spared` ones."""
    cache: dict[etree._Element, bool] = {}
    points = []
    for seg in segments:
        value = 0.0
        if seg.chars >= MIN_PROSE and seg.block.kind in ("paragraph", "quote", "pre", "item") \
                and seg.link_chars <= 0.5 * seg.chars and not _in_unlikely(seg.owner, body, cache, spared):
            density = seg.link_chars / seg.chars
            value = (1 + seg.block.text.count(",") + min(seg.chars / 100, 3)) * (1 - density)
            if seg.block.kind == "item":
                value /= 2
        points.append(value)
    return points


def _totals(segments: list[Segment], body: etree._Element, points: list[float]) -> dict[etree._Element, Totals]:
    totals: dict[etree._Element, Totals] = {}
    for index, seg in enumerate(segments):
        value = points[index]
        is_para = seg.block.kind in ("paragraph", "quote", "pre")
        is_item = seg.block.kind == "item"
        commas = seg.block.text.count(",")
        el: etree._Element | None = seg.owner
        while el is not None:
            t = totals.get(el)
            if t is None:
                t = totals[el] = Totals()
            t.chars += seg.chars
            t.links += seg.link_chars
            t.commas += commas
            t.paras += is_para
            t.items += is_item
            t.prose += value
            t.listed += value if seg.listed else 0.0
            t.segments.append(index)
            if el is body:
                break
            el = el.getparent()
    return totals


def unlikely(el: etree._Element) -> bool:
    """Named like a comment section, share bar, related box, ... and not also like the article."""
    if tag_of(el) in UNLIKELY_TAGS:
        return True
    names = (el.get("class") or "").lower().split()
    element_id = (el.get("id") or "").lower()
    if element_id and len(re.split(r"[-_]", element_id)) < SLUG_ID_WORDS:
        if NEVER.search(element_id):
            return True  # an id names one box: "comment-text" is a comment whatever its classes say
        names.append(element_id)
    return any(NEVER.search(n) for n in names) and not any(
        POSITIVE.search(n) and not NEVER.search(n) for n in names)


def _in_unlikely(el: etree._Element, body: etree._Element, cache: dict[etree._Element, bool],
                 spared: frozenset[etree._Element]) -> bool:
    chain = []
    verdict = False
    node: etree._Element | None = el
    while node is not None and node is not body:
        known = cache.get(node)
        if known is not None:
            verdict = known
            break
        chain.append(node)
        if node not in spared and unlikely(node):
            verdict = True
            break
        node = node.getparent()
    for node in chain:
        cache[node] = verdict
    return verdict


def _score(segments: list[Segment], totals: dict[etree._Element, Totals], body: etree._Element,
           points: list[float]) -> None:
    for seg, value in zip(segments, points):
        if not value:
            continue
        el = seg.owner.getparent() if tag_of(seg.owner) in LEAF_TAGS else seg.owner
        for divisor in LEVEL_DIVISORS:
            if el is None:
                break
            t = totals[el]
            if t.base is None:
                t.base = TAG_WEIGHT.get(tag_of(el), 0) + class_weight(el)
            t.score += value / divisor
            if el is body:
                break
            el = el.getparent()


def _final(t: Totals) -> float:
    return (t.score + (t.base or 0)) * (1 - t.link_density)


def select(segments: list[Segment], body: etree._Element, title: str | None = None) -> list[str | None]:
    """For each segment: None when it is main content, else the heuristic id that drops it."""
    verdicts: list[str | None] = [OUTSIDE] * len(segments)
    points = _points(segments, body)
    totals = _totals(segments, body, points)
    spared: frozenset[etree._Element] = frozenset()
    if not any(points) and body in totals:
        spared = _layout_wrappers(totals, body)
        if spared:
            points = _points(segments, body, spared)
            totals = _totals(segments, body, points)
    headline = _headline(segments, title)
    if headline is not None:
        # A box around the page's headline is the article's or the layout's, whatever its
        # name says ("share_wrapper" around a whole story): its prose scores.
        boxed = frozenset(el for el in segments[headline].owner.iterancestors() if el is not body and unlikely(el))
        if boxed:
            spared = spared | boxed
            points = _points(segments, body, spared)
            totals = _totals(segments, body, points)
    _score(segments, totals, body, points)
    candidates = [(el, t) for el, t in totals.items() if t.base is not None]
    if not candidates:
        return [None] * len(segments)
    top, best = max(candidates, key=lambda pair: (_final(pair[1]), pair[1].chars))
    if headline is not None:
        top, best = _anchored(top, best, headline, segments, points, totals)
    top, best = _ascend(top, best, totals, body, spared)
    roots = _with_siblings(top, best, totals, segments)
    for root in roots:
        for index in totals[root].segments if root in totals else ():
            verdicts[index] = None
    _prune(roots, totals, segments, verdicts, {top, *top.iterancestors(), *spared})
    _keep_headline(segments, verdicts, title, body)
    _drop_repeats(segments, verdicts)
    return verdicts


def _drop_repeats(segments: list[Segment], verdicts: list[str | None]) -> None:
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


def _headline(segments: list[Segment], title: str | None) -> int | None:
    """The heading that repeats the page's title, the most prominent first (a teaser list
    may repeat it lower down, as a smaller heading)."""
    if not title:
        return None
    wanted = fold(title)
    found = [i for i, seg in enumerate(segments) if seg.block.kind == "heading"
             and _same_title(fold(seg.block.text), wanted)]
    return min(found, key=lambda i: (segments[i].block.level, i)) if found else None


def _anchored(top: etree._Element, best: Totals, headline: int, segments: list[Segment], points: list[float],
              totals: dict[etree._Element, Totals]) -> tuple[etree._Element, Totals]:
    """An article starts right below its headline. When the winner does not hold the first
    sentence of prose there (a byline or date line is not one), it won on its name
    ("post-author", "blog-description", "entry" on a teaser) more than on its text: the
    best box that holds that sentence (and not the winner) takes over if it scores at
    least half as well and has at least half as much prose.

    A headline inside a list item is a teaser's, not the page's."""
    if segments[headline].listed:
        return top, best
    end = min(headline + ANCHOR_REACH + 1, len(segments))
    first = next((i for i in range(headline + 1, end) if points[i] and ends_sentence(segments[i].block.text)), None)
    if first is None or first in best.segments:
        return top, best
    above_top = set(top.iterancestors())
    options = []
    el: etree._Element | None = segments[first].owner
    for _ in range(len(LEVEL_DIVISORS) + 1):
        if el is None or el in above_top:
            break
        t = totals.get(el)
        if t is not None and t.base is not None:
            options.append((_final(t), el, t))
        el = el.getparent()
    if not options:
        return top, best
    score, el, t = max(options, key=lambda option: option[0])
    if score >= ANCHOR_SHARE * _final(best) and t.prose >= ANCHOR_SHARE * best.prose:
        return el, t
    return top, best


def _layout_wrappers(totals: dict[etree._Element, Totals], body: etree._Element) -> frozenset[etree._Element]:
    """Boxes that hold most of the page's text: their names describe the layout
    ("one-sidebar-right", "sidebar1" on the page wrapper, a script hook like
    "js-social-anchor-start" on `<main>`), not a sidebar or share bar. Looked for only
    when no prose scored at all, because everything sat inside such a box."""
    page = totals[body].chars
    return frozenset(el for el, t in totals.items() if el is not body and t.chars > WRAPPER_SHARE * page)


def _keep_headline(segments: list[Segment], verdicts: list[str | None], title: str | None,
                   body: etree._Element) -> None:
    """The article's headline often sits just above the body's container: bring it, and the
    short lines (byline, standfirst, lead image) between it and the body, back.

    A line there, or right above the headline, that is only a date ("Posted: Thu, 10 Jan 2008
    03:47 GMT") is page furniture like the byline: it stays out of the text, and the reader
    moves its date to the metadata. (Below the headline, inside the article's own box, a date
    line is left in: there it is as often counted as the article's own first line.)"""
    first = next((i for i, v in enumerate(verdicts) if v is None), None)
    if first is None or not title:
        return
    wanted = fold(title)
    cache: dict[etree._Element, bool] = {}
    headline = None
    for index in range(first - 1, max(first - 1 - HEADLINE_REACH, -1), -1):
        seg = segments[index]
        if seg.block.kind == "heading" and _same_title(fold(seg.block.text), wanted):
            headline = index
            for between in range(index, first):
                other = segments[between]
                if between == index or other.chars == 0 or (
                        other.chars < 250 and other.link_chars < 0.5 * other.chars
                        and not other.block.text.endswith(":") and not _in_unlikely(other.owner, body, cache, frozenset())):
                    verdicts[between] = DATELINE if between != index and _dateline(other) else None
            break
    if headline is None:
        headline = next((i for i in range(first, min(first + HEADLINE_REACH, len(segments)))
                         if verdicts[i] is None and segments[i].block.kind == "heading"
                         and _same_title(fold(segments[i].block.text), wanted)), None)
    if headline is not None:
        for above in range(max(headline - DATELINE_REACH, 0), headline):
            if verdicts[above] is None and _dateline(segments[above]):
                verdicts[above] = DATELINE


def _dateline(seg: Segment) -> bool:
    return bool(seg.chars) and dateline_dates(seg.block.text) is not None


def _same_title(heading: str, title: str) -> bool:
    if not heading:
        return False
    return heading == title or (len(heading) >= 0.5 * len(title) and (heading in title or title in heading))


def _ascend(top: etree._Element, best: Totals, totals: dict[etree._Element, Totals],
            body: etree._Element, spared: frozenset[etree._Element] = frozenset()) -> tuple[etree._Element, Totals]:
    """Climb while the parent holds much more prose than the winner: an article split into
    several boxes (one per section or slide) should be taken whole, not one box of it.
    Prose in list items counts only when the winner is itself list-shaped or the parent
    is the page's `<main>`: elsewhere such lists are teasers or comments."""
    climbed = True
    while climbed:
        climbed = False
        for level, ancestor in enumerate(top.iterancestors()):
            t = totals.get(ancestor)
            if t is None or level >= ASCEND_REACH or (ancestor not in spared and unlikely(ancestor)):
                break
            gained = t.prose if best.listed * 2 > best.prose or _marks_main(ancestor) else t.prose - t.listed
            if gained >= best.prose * ASCEND_GAIN:
                extra_chars, extra_links = t.chars - best.chars, t.links - best.links
                if extra_chars > 0 and extra_links <= ASCEND_MAX_LINKS * extra_chars:
                    top, best, climbed = ancestor, t, True
                break
            if ancestor is body:
                break
    return top, best


def _marks_main(el: etree._Element) -> bool:
    """`<main>` is the page's own content by definition: lists inside it are part of it (a
    product page's feature cards, a list-shaped article), not teasers. Not role=main: sites
    put that on a whole layout column, teaser rails included."""
    return tag_of(el) == "main"


def _with_siblings(top: etree._Element, best: Totals, totals: dict[etree._Element, Totals],
                   segments: list[Segment]) -> list[etree._Element]:
    """The winner and the sibling boxes that score near it or share its class name.

    Wrappers are looked through first: when the winner is the only box with text in its
    parent, the parent's siblings are the ones to compare (a page that wraps each section
    of an article in `<section><div><div class=x>`, say)."""
    parent = top.getparent()
    while parent is not None and tag_of(parent) != "body" and parent.getparent() is not None and all(
            child is top or not totals.get(child, EMPTY).chars for child in parent):
        top, parent = parent, parent.getparent()
    if parent is None or tag_of(top) == "body":
        return [top]
    threshold = max(10.0, _final(best) * 0.2)
    top_class = top.get("class")
    roots = []
    for sibling in parent:
        if sibling is top:
            roots.append(sibling)
            continue
        t = totals.get(sibling)
        if t is None or not t.chars:
            continue
        bonus = _final(best) * 0.2 if top_class and sibling.get("class") == top_class else 0.0
        if t.base is not None and _final(t) + bonus >= threshold and not _teasers(t, segments):
            roots.append(sibling)
        elif tag_of(sibling) == "p" and _prose_alone(t, sibling):
            roots.append(sibling)
    return roots


def _teasers(t: Totals, segments: list[Segment]) -> bool:
    """Linked headlines, each with a short blurb: a list of other stories. An article's own
    headings are rarely links, and when they are (permalink anchors) long sections follow."""
    headings = [segments[i] for i in t.segments if segments[i].block.kind == "heading"]
    linked = sum(1 for seg in headings if seg.link_chars > 0.5 * seg.chars)
    return linked >= TEASER_HEADINGS and linked * 2 >= len(headings) and t.chars <= TEASER_CHARS * linked


def _prose_alone(t: Totals, el: etree._Element) -> bool:
    if t.chars > 80:
        return t.link_density < 0.25
    text = " ".join(el.itertext())
    return t.links == 0 and ends_sentence(text)


def _prune(roots: list[etree._Element], totals: dict[etree._Element, Totals], segments: list[Segment],
           verdicts: list[str | None], chosen: set[etree._Element]) -> None:
    """Drop the boxes inside the article that are navigation, link lists or comments
    (never the box that won, nor the wrappers between it and the roots, nor a link-dense
    box that holds most of the chosen prose: a roundup of links is the article). Lists of other
    stories go too, unless they are most of what was chosen (a section front's teasers)."""
    for root in roots:
        teasers: list[Totals] = []
        for el in root.iterdescendants():
            tag = tag_of(el)
            t = totals.get(el)
            if t is None or el in chosen or tag not in BOX_TAGS or not t.segments or verdicts[t.segments[0]] is not None:
                continue
            reason = _box_reason(el, tag, t)
            if reason == LINKS and root in totals and t.prose > ARTICLE_SHARE * totals[root].prose:
                reason = None  # most of the article's prose: a links roundup, not a box in it
            if reason:
                _decide(t, verdicts, reason)
            elif _teasers(t, segments) and not any(set(t.segments) & set(o.segments) for o in teasers):
                teasers.append(t)
        if root in totals and sum(t.chars for t in teasers) * 2 < totals[root].chars:
            for t in teasers:
                _decide(t, verdicts, TEASERS)
    _drop_linked_lines(segments, verdicts)


def _drop_linked_lines(segments: list[Segment], verdicts: list[str | None]) -> None:
    """A short paragraph that is all link is chrome at the article's edges ("Email this
    story", "More news from ...", "Continue reading"), but between its prose paragraphs it is
    the author's: a cross-reference, a linked quote, "Read the full transcript"."""
    prose = [i for i, v in enumerate(verdicts) if v is None and segments[i].block.kind == "paragraph"
             and segments[i].chars >= MIN_PROSE and segments[i].link_chars <= 0.5 * segments[i].chars]
    first, last = (prose[0], prose[-1]) if prose else (len(segments), -1)
    for index, seg in enumerate(segments):
        if verdicts[index] is None and seg.chars and seg.link_chars / seg.chars > 0.8 \
                and seg.block.kind == "paragraph" and seg.chars < 300 and not first < index < last:
            verdicts[index] = LINKS


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


def _controls(tag: str, t: Totals) -> bool:
    """Many short labels, no prose, not a list: a player's or widget's menus and buttons, a
    chart's tick labels (with one short line, its axis title, at most).

    Lists are left out: an ingredient list or a fact box is short lines too, but marked up
    as a list; control bars are nested boxes of one word each.
    """
    count = len(t.segments)
    return (count >= CONTROL_MIN_LABELS and t.prose < CONTROL_MAX_PROSE and tag not in ("ul", "ol", "dl", "table")
            and t.items * 2 < count and t.chars < CONTROL_MAX_MEAN_CHARS * count)
