"""What a site pack knows about its site's pages: the article's container and its fields.

The generic reader guesses which box is the article and reads the byline from markup
conventions. For a site whose markup is known, a site pack says it outright
(`article = "div.story-body"`, `author = "//span[@class='writer']"`); its answer wins
over the guess. A container that matches nothing (the site changed its markup) leaves the
page to the generic reader, and the result's `source.site_packs` says so.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .metadata import iso_date
from .rulepack import is_xpath
from .ruleset import SitePack
from .selectindex import css, xpath
from .text import normalise_line

FIELD_KEYS = {"title": "title", "author": "author", "date": "published"}


def find(root: etree._Element, expression: str) -> list[Any]:
    """Elements (or, for XPath, strings too) an expression selects; an XPath that fails on the
    page selects nothing."""
    if is_xpath(expression):
        try:
            found = xpath(expression)(root)
        except etree.XPathError:
            return []
        return found if isinstance(found, list) else [found] if isinstance(found, str) and found.strip() else []
    return css(expression)(root)


def value_of(item: Any) -> str:
    if isinstance(item, etree._Element):
        if item.tag == "meta":
            return normalise_line(item.get("content") or "")
        return normalise_line(" ".join(item.itertext()))
    return normalise_line(str(item))


def read_fields(root: etree._Element, packs: list[SitePack], title: str | None,
                metadata: dict[str, Any]) -> str | None:
    """Fill title, author and date from the site packs' expressions (the first that finds a value
    wins); returns the title to use."""
    for pack in packs:
        for name, expressions in pack.fields:
            for expression in expressions:
                values = [v for v in (value_of(item) for item in find(root, expression)) if v]
                if not values:
                    continue
                if name == "title":
                    title = values[0]
                elif name == "author":
                    metadata["author"] = values[0] if len(values) == 1 else list(dict.fromkeys(values))
                else:
                    date = iso_date(values[0])
                    if date:
                        metadata["published"] = date
                break
    return title


def find_article(root: etree._Element, body: etree._Element,
                 packs: list[SitePack]) -> tuple[etree._Element | None, SitePack | None, list[dict[str, Any]]]:
    """The article's container named by the first site pack whose `article` matches inside the
    body, the pack, and a note per site pack for the result's source (what each did)."""
    notes: list[dict[str, Any]] = [{"name": pack.name, "origin": pack.origin} for pack in packs]
    chosen: etree._Element | None = None
    chosen_pack: SitePack | None = None
    for pack, note in zip(packs, notes):
        if not pack.article:
            continue
        if chosen is not None:
            note["article"] = "not used: an earlier site pack named the article"
            continue
        for expression in pack.article:
            hits = [el for el in find(root, expression) if isinstance(el, etree._Element) and _inside(el, body)]
            if hits:
                chosen, chosen_pack = hits[0], pack
                note["article"] = f"matched {expression}"
                break
        else:
            note["article"] = "matched nothing: the generic reader chose the article"
    return chosen, chosen_pack, notes


def _inside(el: etree._Element, body: etree._Element) -> bool:
    return el is body or any(a is body for a in el.iterancestors())
