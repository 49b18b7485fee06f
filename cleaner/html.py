"""HTML reader: one parse, then selector rules, figures, main content and blocks, in that order.

The order matters: selector rules run first, so an ad box's picture is never taken for the
article's; figures are collected before content detection, which might otherwise drop a
figure that sits beside the text rather than inside it; everything dropped is recorded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector

from .content import DATELINE, OUTSIDE, select
from .document import BODY, IMAGE, REMOVED, Block, Document
from .fallback import Extraction, second_look, words
from .figures import collect_figures
from .htmlparse import SKIP_TAGS, Walker, drop, parse, strip_skipped, tag_of, text_of
from .limits import DEFAULT_LIMITS
from .metadata import dateline_dates, page_title, read_metadata
from .filterlists import slot_of
from .ruleset import Rule, RuleSet
from .selectindex import Plan, match_plans
from .sites import find_article, read_fields

# Elements a selector may never remove: the page itself and the article markers.
PROTECTED = frozenset({"html", "body", "main"})
ARTICLE_MARKERS = "main, [role=main], [itemprop=articleBody], [itemprop=articlebody]"
WRAPPER_SHARE = 0.6
MIN_PAGE_CHARS = 500
HIDDEN = "heuristic.html.hidden"  # hidden elements and form controls
JSON_LD_WHERE = "script[type=application/ld+json]"
PATH_SITE = "site-pack"  # metadata.extraction's path when a site pack named the article


def read_html(text: str, *, url: str | None = None, rules: RuleSet,
              max_nodes: int = DEFAULT_LIMITS.max_nodes) -> Document:
    """Blocks of an HTML page in document order, with title, metadata and images; a page of
    more than `max_nodes` elements is a `LimitError`."""
    tree = parse(text, max_nodes)
    root = tree.getroot()
    body = root.find("body")
    title, metadata, base_url, ld_images = read_metadata(root, url)
    sites = rules.site_packs(url)
    if sites:
        title = read_fields(root, sites, title, metadata)
    whole_title = page_title(root)
    plans = rules.selector_plans(url)
    removed = apply_selectors(tree, body, plans, url, network=True)  # before scripts and iframes go
    removed += _record(strip_skipped(root, SKIP_TAGS - {"noscript"}))
    removed += apply_selectors(tree, body, plans, url)
    anchors, leftovers, titles, unplaced = collect_figures(body, base_url, rules, ld_images)
    removed += _record(strip_skipped(root, frozenset({"noscript"}), hidden=False))
    article, site, notes = find_article(root, body, sites) if sites else (None, None, [])
    segments = Walker(tree, anchors, leftovers, titles, base_url=base_url).walk(body)
    verdicts, headline = select(segments, body, title, whole_title, article, site.outside_id if site else OUTSIDE)
    if article is not None and site is not None:  # the site pack's word is final: no second look
        kept = sum(words(seg.block.text) for seg, v in zip(segments, verdicts) if v is None)
        extraction = Extraction(PATH_SITE, f"the site pack {site.name} names the article's container", kept)
    else:
        extraction = second_look(text, segments, verdicts, headline, title, whole_title, body,
                                 metadata.get("description"))
    blocks = []
    for seg, verdict in zip(segments, verdicts):
        if verdict == DATELINE:
            seg.block.decide(REMOVED, verdict, "dateline")
            _fill_dates(metadata, seg.block.text)
        elif verdict is not None:
            seg.block.decide(REMOVED, verdict, "boilerplate")
        blocks.append(seg.block)
    _place(blocks, unplaced)
    return Document(blocks=blocks, kind="html", url=url or metadata.get("url"), title=title,
                    metadata=metadata, removed=removed, extraction=extraction.as_dict(), sites=notes)


def _fill_dates(metadata: dict[str, Any], line: str) -> None:
    """A dateline's dates fill the metadata the page's JSON-LD and meta tags left empty."""
    for key, value in (dateline_dates(line) or {}).items():
        metadata.setdefault(key, value)


def _record(dropped: list[tuple[Any, str, str]]) -> list[Block]:
    return [Block(text=text, where=where, verdict=REMOVED, rule=HIDDEN, category="hidden")
            for _, where, text in dropped]


def _place(blocks: list[Block], images: list[dict[str, Any]]) -> None:
    """JSON-LD images the page does not show go before the first body block (the lead image)."""
    if not images:
        return
    first = next((i for i, b in enumerate(blocks) if b.verdict == BODY), len(blocks))
    for image in reversed(images):
        block = Block(text=image.get("caption") or "", where=JSON_LD_WHERE, verdict=IMAGE,
                      rule="html.json-ld-image", category="image", image=image)
        blocks.insert(first, block)


def _matches(body: etree._Element, rules: list[Rule], url: str | None = None) -> list[tuple[etree._Element, Rule]]:
    """(element, first rule that matches it), in document order (through `cleaner.selectindex`)."""
    return match_plans(body, [Plan(list(enumerate(rules)))], url)


def apply_selectors(tree: etree._ElementTree, body: etree._Element, rules: list[Rule] | list[Plan],
                    url: str | None = None, network: bool = False) -> list[Block]:
    """Remove what the selector rules (or with `network`, the network rules: the ad slots their
    `<img>`, `<iframe>` and `<script>` fill) match, each recorded with its rule id and path.

    A match that wraps the article (a `class="… comments-open"` on the page wrapper, say)
    is left alone: it holds an article marker or most of the page's text.
    """
    removed: list[Block] = []
    if not rules:
        return removed
    plans = rules if isinstance(rules[0], Plan) else [Plan(list(enumerate(rules)))]  # type: ignore[arg-type]
    if network and not any(plan.network for plan in plans):  # type: ignore[union-attr]
        return removed
    matched = match_plans(body, plans, url, network)  # type: ignore[arg-type]
    # The page's text is long to compute and is wanted only to spare a match that holds most of
    # it: one whose text is longer than WRAPPER_SHARE * MIN_PAGE_CHARS. Before the first drop,
    # when no earlier match has changed the page (matches come in document order, so no earlier
    # drop is inside a later match). Ad slots (`network`) are widened first: measured at the first.
    long = WRAPPER_SHARE * MIN_PAGE_CHARS
    page_chars: int | None = None
    if not network and any(_longer_than(el, long) for el, _rule in matched):
        page_chars = len(text_of(body))
    for el, rule in matched:
        if network:
            el = slot_of(el, body)
        if tag_of(el) in PROTECTED or _detached(el, body):
            continue
        if next(iter(_markers()(el)), None) is not None:
            continue
        text = text_of(el)
        if network and page_chars is None:
            page_chars = len(text_of(body))
        if page_chars is not None and page_chars > MIN_PAGE_CHARS and len(text) > WRAPPER_SHARE * page_chars:
            continue
        removed.append(Block(text=text, where=tree.getpath(el), kind="paragraph", verdict=REMOVED,
                             rule=rule.id, category=rule.category))
        drop(el)
    return removed


def _longer_than(el: etree._Element, limit: float) -> bool:
    """Could the element's text (whitespace folded) be longer than `limit`? Its raw text, a space
    between pieces, is never shorter."""
    total = 0
    for piece in el.itertext():
        total += len(piece) + 1
        if total > limit:
            return True
    return False


@lru_cache(maxsize=1)
def _markers() -> CSSSelector:
    return CSSSelector(ARTICLE_MARKERS)


def _detached(el: etree._Element, body: etree._Element) -> bool:
    """Already removed with an ancestor matched by an earlier rule."""
    for ancestor in el.iterancestors():
        if ancestor is body:
            return False
    return True
