"""Find the main content of a page from its blocks: which ones are the article, which are chrome.

This module decides which box is the article; the stages it runs live next to it:
`scoring` (points flow up from prose), `article_head` (the headline as a landmark, and the
lines next to it), `pruning` (chrome inside the chosen box), `boxnames` (what class and
id names say). The best-scoring element, discounted by its link density, is the article,
unless it does not hold the prose right below the page's headline and the box that does
scores nearly as well; it climbs to a parent that holds much more prose, and sibling
boxes that score near it join it, unless a menu or a footer parts them. Every dropped
block gets a heuristic id so the manifest can say why it is gone.
"""

from __future__ import annotations

from lxml import etree

from . import scoring
from .article_head import DATELINE, OUTSIDE, Title, anchored, find_headline, keep_headline, same_title
from .boxnames import unlikely
from .htmlparse import Segment, tag_of
from .prose import ends_sentence
from .pruning import drop_recurring_labels, drop_repeats, prune, teasers
from .scoring import EMPTY, Totals, final

__all__ = ["DATELINE", "OUTSIDE", "select"]

ASCEND_GAIN = 1.5  # the parent must hold this much more prose than the winner
ASCEND_MAX_LINKS = 0.25  # link share of the text the parent adds
ASCEND_REACH = 6  # ancestors looked at per climb
WRAPPER_SHARE = 0.6  # a box with this share of the page's text is its layout, whatever its name
SIBLING_SHARE = 0.2  # of the winner's score that a sibling needs to join (or gets for sharing its class)
SIBLING_MIN_SCORE = 10.0
# A box of links with no prose (a menu, a footer, a column of teasers) between the winner and a
# sibling parts them: what lies beyond it (a copyright notice, a comment form, a legal
# disclaimer) is the page's, not the article's, unless it shares the winner's class or holds
# this many paragraphs of prose (an article's second half after a "Related" box is still
# joined; a notice is one or two long paragraphs).
LINK_BOX_CHARS = 100
LINK_BOX_LINKS = 0.75
LINK_BOX_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "dl", "table", "nav", "footer", "header", "form"})
BEYOND_LINKS_PARAGRAPHS = 3


def select(segments: list[Segment], body: etree._Element, title: str | None = None,
           page_title: str | None = None, article: etree._Element | None = None,
           outside: str = OUTSIDE) -> tuple[list[str | None], int | None]:
    """For each segment: None when it is main content, else the heuristic id that drops it;
    and the index of the page's headline among the segments, if one was found.
    `title` is the metadata's title; `page_title` the page's whole `<title>`, whose other
    parts the headline may repeat instead. `article` is the container a site pack names: it
    is taken as the article box, and what lies outside it gets the id `outside`."""
    wanted = Title.of(title, page_title) if title else None
    if article is not None:
        return _given_article(segments, body, article, outside, wanted), None
    verdicts: list[str | None] = [OUTSIDE] * len(segments)
    values = scoring.points(segments, body)
    found = scoring.totals(segments, body, values)
    spared: frozenset[etree._Element] = frozenset()
    if not any(values) and body in found:
        spared = _layout_wrappers(found, body)
        if spared:
            values = scoring.points(segments, body, spared)
            found = scoring.totals(segments, body, values)
    headline = find_headline(segments, wanted, values)
    if headline is not None:
        # A box around the page's headline is the article's or the layout's, whatever its
        # name says ("share_wrapper" around a whole story): its prose scores.
        boxed = frozenset(el for el in segments[headline].owner.iterancestors() if el is not body and unlikely(el))
        if boxed:
            spared = spared | boxed
            values = scoring.points(segments, body, spared)
            found = scoring.totals(segments, body, values)
    scoring.score(segments, found, body, values)
    candidates = [(el, t) for el, t in found.items() if t.base is not None]
    if not candidates:
        return [None] * len(segments), headline
    top, best = max(candidates, key=lambda pair: (final(pair[1]), pair[1].chars))
    if headline is not None:
        top, best = anchored(top, best, headline, segments, values, found,
                             same_title(segments[headline].block.text, wanted, parts=False))
    top, best = _ascend(top, best, found, body, spared)
    roots = _with_siblings(top, best, found, segments)
    for root in roots:
        for index in found[root].segments if root in found else ():
            verdicts[index] = None
    prune(roots, found, segments, verdicts, {top, *top.iterancestors(), *spared})
    keep_headline(segments, verdicts, wanted, body)
    drop_repeats(segments, verdicts)
    drop_recurring_labels(segments, verdicts)
    return verdicts, headline


def _given_article(segments: list[Segment], body: etree._Element, article: etree._Element,
                   outside: str, wanted: Title | None) -> list[str | None]:
    """The site's own article box: everything outside it goes (but the headline), chrome inside
    it is pruned as in a box the scores chose."""
    values = scoring.points(segments, body)
    found = scoring.totals(segments, body, values)
    verdicts: list[str | None] = [None if seg.owner is article or any(a is article for a in seg.owner.iterancestors())
                                  else outside for seg in segments]
    prune([article], found, segments, verdicts, {article, *article.iterancestors()})
    keep_headline(segments, verdicts, wanted, body)
    drop_repeats(segments, verdicts)
    drop_recurring_labels(segments, verdicts)
    return verdicts


def _layout_wrappers(found: dict[etree._Element, Totals], body: etree._Element) -> frozenset[etree._Element]:
    """Boxes that hold most of the page's text: their names describe the layout
    ("one-sidebar-right", "sidebar1" on the page wrapper, a script hook like
    "js-social-anchor-start" on `<main>`), not a sidebar or share bar. Looked for only
    when no prose scored at all, because everything sat inside such a box."""
    page = found[body].chars
    return frozenset(el for el, t in found.items() if el is not body and t.chars > WRAPPER_SHARE * page)


def _ascend(top: etree._Element, best: Totals, found: dict[etree._Element, Totals],
            body: etree._Element, spared: frozenset[etree._Element] = frozenset()) -> tuple[etree._Element, Totals]:
    """Climb while the parent holds much more prose than the winner: an article split into
    several boxes (one per section or slide) should be taken whole, not one box of it.
    Prose in list items counts only when the winner is itself list-shaped or the parent
    is the page's `<main>`: elsewhere such lists are teasers or comments. (A parent whose
    extra prose is a list of headlines with blurbs still draws the winner up: stopping
    there, measured, cut more articles than teasers.)"""
    climbed = True
    while climbed:
        climbed = False
        for level, ancestor in enumerate(top.iterancestors()):
            t = found.get(ancestor)
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


def _with_siblings(top: etree._Element, best: Totals, found: dict[etree._Element, Totals],
                   segments: list[Segment]) -> list[etree._Element]:
    """The winner and the sibling boxes that score near it or share its class name, but
    not those a box of links parts from it (see `LINK_BOX_CHARS`).

    Wrappers are looked through first: when the winner is the only box with text in its
    parent, the parent's siblings are the ones to compare (a page that wraps each section
    of an article in `<section><div><div class=x>`, say)."""
    parent = top.getparent()
    while parent is not None and tag_of(parent) != "body" and parent.getparent() is not None and all(
            child is top or not found.get(child, EMPTY).chars for child in parent):
        top, parent = parent, parent.getparent()
    if parent is None or tag_of(top) == "body":
        return [top]
    threshold = max(SIBLING_MIN_SCORE, final(best) * SIBLING_SHARE)
    top_class = top.get("class")
    roots = []
    children = list(parent)
    at = children.index(top)
    # The link boxes nearest the winner on each side: a sibling beyond one is parted from it
    # (found in one pass, so a page of thousands of sibling boxes costs no more than their number).
    links = [index for index, el in enumerate(children) if index != at and _link_box(el, found.get(el))]
    before = max((index for index in links if index < at), default=-1)
    after = min((index for index in links if index > at), default=len(children))
    for index, sibling in enumerate(children):
        if sibling is top:
            roots.append(sibling)
            continue
        t = found.get(sibling)
        if t is None or not t.chars:
            continue
        same_class = bool(top_class) and sibling.get("class") == top_class
        if not same_class and (index < before or index > after) \
                and _paragraphs(t, segments) < BEYOND_LINKS_PARAGRAPHS:
            continue
        bonus = final(best) * SIBLING_SHARE if same_class else 0.0
        if t.base is not None and final(t) + bonus >= threshold and not teasers(t, segments):
            roots.append(sibling)
        elif tag_of(sibling) == "p" and _prose_alone(t, sibling):
            roots.append(sibling)
    return roots


def _link_box(el: etree._Element, t: Totals | None) -> bool:
    """A block box of links that scored no prose: a menu, a footer, a list of other stories
    (an inline ad, a `<span>` of links inside the article's text, does not part it)."""
    return t is not None and t.base is None and t.chars >= LINK_BOX_CHARS \
        and t.link_density > LINK_BOX_LINKS and tag_of(el) in LINK_BOX_TAGS


def _paragraphs(t: Totals, segments: list[Segment]) -> int:
    """How many paragraphs of prose (not links) the box holds."""
    return sum(1 for i in t.segments if segments[i].block.kind == "paragraph"
               and segments[i].chars - segments[i].link_chars >= scoring.MIN_PROSE)


def _prose_alone(t: Totals, el: etree._Element) -> bool:
    """A bare `<p>` beside the article's box: prose if long and not link-heavy, or a short
    sentence with no links."""
    if t.chars > 80:
        return t.link_density < 0.25
    text = " ".join(el.itertext())
    return t.links == 0 and ends_sentence(text)
