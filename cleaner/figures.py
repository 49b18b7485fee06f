"""Collect the article's images, with caption and credit, before any later step can drop them.

Figures come in many markups: `<figure>` with `<figcaption>`, WordPress `wp-caption`
boxes, `<picture>`, bare `<img>` inside a small box with caption and credit elements, and
JSON-LD `ImageObject`s. Each becomes one image dict (`credits.new_image`) keyed by the
element that stands for it, where the walker puts an IMAGE block. Credit phrases inside a
caption are split off with the rule set's own credit rules, never with regexes coded here.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .blockmatch import fold
from .credits import new_image
from .document import BODY, GALLERY_TEXT, IMAGE, PROSE_CAPTION, Block
from .htmlparse import HEADINGS, SKIP_TAGS, class_and_id, tag_of
from .metadata import join_url
from .ruleset import Rule, RuleSet
from .text import normalise_line
from .vocabulary import test

Anchors = dict[etree._Element, dict[str, Any]]
Figures = tuple[Anchors, dict[etree._Element, str], dict[etree._Element, list[etree._Element]], list[dict[str, Any]]]

# Vocabulary rules (rules/vocabulary.toml): the names of credit and caption elements, and
# what makes an image a logo, icon or pixel rather than the article's picture.
CREDIT_CLASS = "html.figure.credit-names"
CAPTION_CLASS = "html.figure.caption-names"  # "no_caption", "nocaption" say there is none
CREDIT_ITEMPROPS = "html.figure.credit-itemprops"
NOT_ARTICLE_IMAGE = "html.figure.decorative-images"
SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "src")
SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")
MIN_SIDE = 60
BOX_MAX_CHARS = 300  # more text than this around an image is prose, not its caption
FIGURE_MAX_CHARS = 1000
SENTENCE_BREAK = re.compile(r"(?<=[.!?;|—–])\s+|\s+(?=\()")


def collect_figures(body: etree._Element, base_url: str | None, rules: RuleSet,
                    ld_images: list[dict[str, Any]]) -> Figures:
    """Map each figure's anchor element to its image; also the JSON-LD images shown nowhere.

    Text in a figure box that is neither caption nor credit becomes the caption when there is
    none, else it is kept in `leftovers` (anchor -> text) for the reader to record as removed.
    Headings in a box are no caption: they title the text (a list article's item, a section
    with its picture) and are returned in `titles` (anchor -> headings) for the text.
    """
    credit_rules = rules.credit_rules()
    anchors: Anchors = {}
    leftovers: dict[etree._Element, str] = {}
    titles: dict[etree._Element, list[etree._Element]] = {}
    taken: set[etree._Element] = set()
    looks = _Looks()
    for el in body.iter("figure", "picture", "img"):
        if el in taken or _inside_skipped_or_taken(el, taken):
            continue
        tag = tag_of(el)
        if tag == "figure" and looks.text_len(el) > FIGURE_MAX_CHARS:
            continue  # a figure that wraps prose: its images are taken one by one
        box = el if tag == "figure" else _box_of(el, looks)
        imgs = [i for i in box.iter("img")] or [i for i in box.iter("source")]
        image = _best_image(imgs, base_url)
        if image is None:
            taken.add(box)
            continue
        src, alt = image
        headings = _headings(box, looks)
        if headings:
            titles[box] = headings
        caption, credit, rest = _caption_and_credit(box, credit_rules, headings, looks)
        if rest and not caption and not credit:
            caption, credit = split_credit(rest, credit_rules)
        elif rest:
            leftovers[box] = rest
        anchors[box] = new_image(caption, credit, src=src, alt=alt)
        taken.add(box)
    return anchors, leftovers, titles, _merge_json_ld(anchors, ld_images, base_url)


class _Looks:
    """What the figure search asks of an element, each answer worked out once per page: a
    gallery's box is asked again for every image in it (the tree does not change meanwhile)."""

    def __init__(self) -> None:
        self.caption_names, self.credit_names = test(CAPTION_CLASS), test(CREDIT_CLASS)
        self.credit_itemprops = test(CREDIT_ITEMPROPS)
        self.captions: dict[etree._Element, bool] = {}
        self.credits: dict[etree._Element, bool] = {}
        self.lengths: dict[etree._Element, int] = {}
        self.marked_inside: dict[etree._Element, bool] = {}
        self.several_images: dict[etree._Element, bool] = {}
        # An element with no class, id or itemprop (most of them) is a caption or credit only by
        # its tag, unless a user's vocabulary matches an empty name: then every element is asked.
        self.blank_names_match = bool(self.caption_names("") or self.credit_names(" ")
                                      or self.credit_itemprops(""))

    def caption(self, el: etree._Element) -> bool:
        """A caption element: `<figcaption>`, a caption class name or itemprop."""
        found = self.captions.get(el)
        if found is None:
            found = self.captions[el] = tag_of(el) == "figcaption" \
                or bool(self.caption_names(el.get("class") or "")) \
                or (el.get("itemprop") or "").lower() in ("caption", "description")
        return found

    def credit(self, el: etree._Element) -> bool:
        """A credit element: a credit class or id name, or itemprop."""
        found = self.credits.get(el)
        if found is None:
            found = self.credits[el] = bool(self.credit_names(class_and_id(el))) \
                or bool(self.credit_itemprops((el.get("itemprop") or "").lower()))
        return found

    def text_len(self, el: etree._Element) -> int:
        """The element's text length, counted only until it passes FIGURE_MAX_CHARS: every caller
        compares it with that or a smaller bound, and a box may hold the whole article."""
        length = self.lengths.get(el)
        if length is None:
            length = 0
            for piece in el.itertext():
                length += len(piece.strip())
                if length > FIGURE_MAX_CHARS:
                    break
            self.lengths[el] = length
        return length

    def holds_caption_or_credit(self, el: etree._Element) -> bool:
        found = self.marked_inside.get(el)
        if found is None:
            found = self.marked_inside[el] = any(self.caption(c) or self.credit(c) for c in el.iterdescendants()
                                                 if self.named(c))
        return found

    def named(self, el: etree._Element) -> bool:
        """Could the element be a caption or credit at all: a name, an itemprop, `<figcaption>`?"""
        get = el.get
        return (self.blank_names_match or get("class") is not None or get("id") is not None
                or get("itemprop") is not None or tag_of(el) == "figcaption")

    def more_than_one_image(self, el: etree._Element) -> bool:
        """Does the element hold two usable images or more (a gallery, a teaser list)?"""
        found = self.several_images.get(el)
        if found is None:
            usable = (img for img in el.iter("img") if _usable_src(img))
            found = self.several_images[el] = next(usable, None) is not None and next(usable, None) is not None
        return found


def _headings(box: etree._Element, looks: _Looks) -> list[etree._Element]:
    """The box's headings outside its caption and credit elements."""
    found = []
    for el in box.iterdescendants(*HEADINGS):
        if not any(looks.caption(a) or looks.credit(a) for a in el.iterancestors() if a is not box) \
                and not any(a in found for a in el.iterancestors()):
            found.append(el)
    return found


def _inside_skipped_or_taken(el: etree._Element, taken: set[etree._Element]) -> bool:
    """Inside an element the text never shows (but `<noscript>`), or a box already taken."""
    for above in el.iterancestors():
        if above in taken:
            return True
        tag = tag_of(above)
        if tag in SKIP_TAGS and tag != "noscript":
            return True
    return False


def _box_of(img: etree._Element, looks: _Looks) -> etree._Element:
    """The small element around an image that also holds its caption or credit, else the image."""
    best = img
    el = img.getparent()
    for _ in range(3):
        if el is None or tag_of(el) in ("body", "html", "article", "main", "section"):
            break
        if (tag_of(el) == "figure" or "wp-caption" in (el.get("class") or "")) \
                and looks.text_len(el) <= FIGURE_MAX_CHARS:
            return el
        if looks.more_than_one_image(el) or looks.text_len(el) > BOX_MAX_CHARS:
            break
        if looks.holds_caption_or_credit(el):
            best = el
            break
        if tag_of(el) not in ("a", "picture", "span", "div", "p"):
            break
        if tag_of(el) in ("picture", "a") and looks.text_len(el) == 0:
            best = el
        el = el.getparent()
    return best


def _usable_src(img: etree._Element) -> str | None:
    for name in SRCSET_ATTRIBUTES:
        value = img.get(name)
        if value and value.strip():
            best = _largest_candidate(value)
            if best:
                return best
    for name in SRC_ATTRIBUTES:
        value = (img.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


def _largest_candidate(srcset: str) -> str | None:
    """The widest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" -> "b.jpg")."""
    best, best_size = None, -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):
            continue
        size = 0.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1]) * (1000 if parts[1].endswith("x") else 1)
        if size > best_size:
            best, best_size = parts[0], size
    return best


def _best_image(imgs: list[etree._Element], base_url: str | None) -> tuple[str, str | None] | None:
    """(absolute src, alt) of the first image that is a picture, not a pixel, icon or logo."""
    for img in imgs:
        src = _usable_src(img)
        if not src or _decorative(img, src):
            continue
        alt = img.get("alt")
        alt = normalise_line(alt) if alt is not None else None
        return (join_url(base_url, src) if base_url else src), (alt or None)
    return None


def _decorative(img: etree._Element, src: str) -> bool:
    for side in ("width", "height"):
        value = (img.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < MIN_SIDE:
            return True
    names = f"{src} {class_and_id(img)} {img.get('alt') or ''}"
    return bool(test(NOT_ARTICLE_IMAGE)(names))


def _caption_and_credit(box: etree._Element, credit_rules: list[Rule], headings: list[etree._Element],
                        looks: _Looks) -> tuple[str | None, str | None, str]:
    """Caption, credit, and the rest of the box's text (its headings left out)."""
    credits = [el for el in box.iterdescendants() if looks.credit(el)]
    credits = [el for el in credits if not any(a in credits for a in el.iterancestors())]
    credit = normalise_line(" ".join(" ".join(el.itertext()) for el in credits)) or None
    captions = [el for el in box.iterdescendants() if looks.caption(el)]
    captions = [el for el in captions if not any(a in captions for a in el.iterancestors())]
    caption = normalise_line(" ".join(_text_without(el, credits) for el in captions)) or None
    rest = normalise_line(_text_without(box, credits + captions + headings))
    if credit:
        credit = _strip_label(credit, credit_rules)
    elif caption:
        caption, credit = split_credit(caption, credit_rules)
    return caption, credit, rest


def _text_without(el: etree._Element, skip: list[etree._Element]) -> str:
    """Text of `el` leaving out the credit elements inside it.

    Each element's text is its own text, its children's and their tails joined by spaces;
    worked out with a stack, not recursion, so a deeply nested figure cannot overflow it.
    """
    if el in skip or tag_of(el) in SKIP_TAGS:
        return ""
    stack: list[tuple[etree._Element, list[str], Any]] = [(el, [el.text] if el.text else [], iter(el))]
    while True:
        node, parts, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            text = " ".join(parts)
            if not stack:
                return text
            stack[-1][1].append(text)
            if node.tail:
                stack[-1][1].append(node.tail)
            continue
        if isinstance(child.tag, str) and child not in skip:
            if tag_of(child) not in SKIP_TAGS:
                stack.append((child, [child.text] if child.text else [], iter(child)))
                continue
            parts.append("")
        if child.tail:
            parts.append(child.tail)


def _strip_label(credit: str, credit_rules: list[Rule]) -> str:
    """A credit element's text without its label: "Photo: Jane Doe" -> "Jane Doe"."""
    for rule in credit_rules:
        groups = rule.match(credit, fold(credit))
        if groups and groups.get("credit") and "caption" not in groups:
            return groups["credit"]
    return credit


def split_credit(caption: str, credit_rules: list[Rule]) -> tuple[str | None, str | None]:
    """Take a credit phrase out of a caption using the credit rules: the whole caption, or its tail."""
    for rule in credit_rules:
        groups = rule.match(caption, fold(caption))
        if groups and groups.get("credit"):
            return groups.get("caption") or None, groups["credit"]
    for found in SENTENCE_BREAK.finditer(caption):
        head, tail = caption[:found.start()].strip(), caption[found.end():].strip()
        if not head or not tail:
            continue
        for rule in credit_rules:
            groups = rule.match(tail, fold(tail))
            if groups and groups.get("credit") and not groups.get("caption"):
                return head, groups["credit"]
    return caption or None, None


def _merge_json_ld(anchors: Anchors, ld_images: list[dict[str, Any]],
                   base_url: str | None) -> list[dict[str, Any]]:
    """Fill captions and credits from JSON-LD ImageObjects; return those the page shows nowhere."""
    extra: list[dict[str, Any]] = []
    for ld in ld_images:
        src = join_url(base_url, ld["src"]) if base_url and ld.get("src") else ld.get("src")
        match = next((img for img in anchors.values() if _same_image(img.get("src"), src)), None)
        if match is None:
            if (ld.get("caption") or ld.get("credit")) and not any(_same_image(i["src"], src) for i in extra):
                extra.append(new_image(ld.get("caption"), ld.get("credit"), src=src))
            continue
        if not match["caption"] and ld.get("caption"):
            match["caption"] = ld["caption"]
        if not match["credit"] and ld.get("credit"):
            fresh = new_image(match["caption"], ld["credit"], src=match["src"], alt=match["alt"])
            match.update(fresh)
    return extra


def _same_image(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a == b or a.split("?")[0].rsplit("/", 1)[-1] == b.split("?")[0].rsplit("/", 1)[-1]


GALLERY_MIN_CAPTIONS = 3
PROSE_CAPTION_WORDS = 8


def captions_as_text(blocks: list[Block]) -> None:
    """Write the captions that belong to the article's prose into the text, under their picture.

    A photo gallery is told in its captions: when the pictures (three at least) carry more
    words of caption than the text has words, every caption is written in, so the clean text
    is not an intro line and a list of nothing. In any other article a caption of a sentence
    or more (PROSE_CAPTION_WORDS words) is written in: it says what happened, as a reader of
    the page reads it, where a short label ("The mayor.") says nothing the text needs. A
    caption the text already holds is not written twice. The images keep their captions in
    the manifest as well."""
    captioned = [(i, b.image["caption"]) for i, b in enumerate(blocks)
                 if b.verdict == IMAGE and b.image and b.image.get("caption")]
    if not captioned:
        return
    body = [b.text for b in blocks if b.verdict == BODY]
    caption_words = sum(len(caption.split()) for _, caption in captioned)
    gallery = (len(captioned) >= GALLERY_MIN_CAPTIONS
               and caption_words > sum(len(text.split()) for text in body))
    shown = set(body)
    for index, caption in reversed(captioned):
        text = normalise_line(caption)
        if not gallery and (len(text.split()) < PROSE_CAPTION_WORDS or text in shown):
            continue
        blocks.insert(index + 1, Block(text=text, where=blocks[index].where,
                                       rule=GALLERY_TEXT if gallery else PROSE_CAPTION, category="caption"))
