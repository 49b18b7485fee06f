"""Match thousands of element rules against a page in about the time of a few: an index.

Ad-blockers keep tens of thousands of cosmetic filters and check a page against them by
bucketing each filter under a token the element must carry (its id, a class, its tag, an
attribute name); a page then only tries the filters whose token it holds. This is that
index for cleaner's selector rules, built once per rule set (and once per site for the
site-scoped ones):

- a simple compound selector (`div.ad`, `[id^=gpt]`, `#promo`) is checked in Python, in one
  walk over the page, only against elements that carry its key;
- a selector with combinators or pseudo-classes (`article > .share`) goes through cssselect,
  and only on pages that hold one of the class or id names every match needs;
- XPath rules are evaluated as they are; network rules (`||ads.example^`) look up the host
  of each `<img>`, `<iframe>` and `<script>` `src` in a table of hosts.

Among the rules that match an element the first in rule order wins, so audits name the same
rule whatever the index does. Keep rules (ad-blockers' exceptions) spare what they match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterator

from lxml import etree
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

if TYPE_CHECKING:
    from .ruleset import Rule

SIMPLE_PART = re.compile(r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:[\^*$|~]?=[^\]]*)?\])*)")
CONDITION = re.compile(r"([.#])([\w-]+)|\[([\w-]+)(?:([\^*$|~]?=)([^\]]*))?\]")
Condition = tuple[str, str, str]  # (attribute, operator, value); operator "" = present
Key = tuple[str, str]  # ("class" | "id" | "attr" | "tag", name)


@dataclass(frozen=True)
class SimplePart:
    """One compound selector without combinators (`div.ad`, `[id^=gpt]`): matched in Python,
    because XPath class tests over every element cost more than the rest of the page."""

    rule: int
    tag: str | None
    conditions: tuple[Condition, ...]

    def key(self) -> Key:
        for attribute, operator, value in self.conditions:
            if attribute == "class" and operator == "~=":
                return "class", value
        for attribute, operator, value in self.conditions:
            if attribute == "id" and operator == "=":
                return "id", value
        for attribute, operator, value in self.conditions:
            token = bounded_token(operator, value)
            if token:
                return f"token:{attribute}", token
        if self.conditions:
            return "attr", self.conditions[0][0]
        return "tag", self.tag or "*"

    def matches(self, attrs: dict[str, str], tag: str, classes: "set[str] | frozenset[str]") -> bool:
        """Does an element with these attributes, lower-case tag and class names match?"""
        if self.tag and self.tag != tag:
            return False
        for attribute, operator, value in self.conditions:
            if attribute == "class" and operator == "~=":
                if value not in classes:
                    return False
                continue
            actual = attrs.get(attribute)
            if actual is None or not _attribute_matches(actual, operator, value):
                return False
        return True


TOKEN = re.compile(r"[A-Za-z0-9]+")


def bounded_token(operator: str, value: str) -> str | None:
    """The longest word of an attribute test's value that any matching attribute holds as a whole
    word (`[href*="/promo/"]` -> "promo", `[id^=slot-]` -> "slot"), else None. A word at the
    value's edge counts only where the operator anchors that edge."""
    if operator not in ("=", "^=", "$=", "*=", "~=", "|="):
        return None
    left_anchored = operator in ("=", "^=", "~=", "|=")
    right_anchored = operator in ("=", "$=", "~=")
    best = None
    for found in TOKEN.finditer(value):
        if (found.start() > 0 or left_anchored) and (found.end() < len(value) or right_anchored):
            if best is None or len(found.group()) > len(best):
                best = found.group()
    return best


def _attribute_matches(actual: str, operator: str, value: str) -> bool:
    if operator == "":
        return True
    if operator == "=":
        return actual == value
    if operator == "^=":
        return bool(value) and actual.startswith(value)
    if operator == "*=":
        return bool(value) and value in actual
    if operator == "$=":
        return bool(value) and actual.endswith(value)
    if operator == "~=":
        return value in actual.split()
    return actual == value or actual.startswith(value + "-")  # |=


def _conditions(rest: str) -> list[Condition]:
    out: list[Condition] = []
    for mark, name, attribute, operator, value in CONDITION.findall(rest):
        if mark == ".":
            out.append(("class", "~=", name))
        elif mark == "#":
            out.append(("id", "=", name))
        else:
            out.append((attribute.lower(), operator, value.strip().strip("\"'")))
    return out


# What cssselect raises on a selector it cannot read: its own errors, and a RuntimeError (a
# StopIteration escaping its parser) on a functional pseudo-class with a leading `-` (`:is(-a`).
CSS_ERRORS = (SelectorError, RuntimeError)
# Characters XML (and so lxml's XPath, which every CSS selector becomes) refuses in a string.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def evaluable(expression: str) -> bool:
    """Does lxml compile the XPath and evaluate it without error? A namespace prefix (`ns|div`
    in CSS, `//ns:div` in XPath) compiles and then fails on every page: load time says so. A
    prefix in a test an empty page never reaches (`a[h|ef]`, `@h:ef`) is found in the text."""
    try:
        etree.XPath(expression)(_EMPTY)
    except (etree.XPathError, ValueError):
        return False
    return _PREFIX.search(_LITERAL.sub("''", expression)) is None


_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
# `ns:div`, not an axis (`child::`) nor the one prefix XPath always knows (`xml:lang`)
_PREFIX = re.compile(r"(?<![\w.:-])(?!xml:)[A-Za-z_][\w.-]*:(?!:)[A-Za-z_*]")


_EMPTY = etree.fromstring("<html/>")


def split_selector(selector: str) -> list[str]:
    """The comma-separated parts of a selector list, commas inside `()`, `[]`, quotes or CSS
    comments kept (cssselect reads `/* ...` to its `*/`, or to the end, as nothing)."""
    if "," not in selector:
        return [selector.strip()] if selector.strip() else []
    if not any(char in selector for char in "([\"'/"):
        return [part.strip() for part in selector.split(",") if part.strip()]
    parts, depth, quote, start, index = [], 0, "", 0, 0
    while index < len(selector):
        char = selector[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif selector.startswith("/*", index):
            end = selector.find("*/", index + 2)
            index = len(selector) if end < 0 else end + 2
            continue
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector[start:index].strip())
            start = index + 1
        index += 1
    parts.append(selector[start:].strip())
    return [part for part in parts if part]


BARE_NAME = re.compile(r"([.#])([\w-]+)")  # `.ad-box`, `#promo`: most of a filter list
COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")


def simple_part(order: int, part: str) -> SimplePart | None:
    bare = BARE_NAME.fullmatch(part)
    if bare:
        condition = ("class", "~=", bare.group(2)) if bare.group(1) == "." else ("id", "=", bare.group(2))
        return SimplePart(order, None, (condition,))
    found = SIMPLE_PART.fullmatch(part)
    if found and (found.group("tag") or found.group("rest")):
        return SimplePart(order, (found.group("tag") or "").lower().strip("*") or None,
                          tuple(_conditions(found.group("rest"))))
    return None


def required_token(selector: str) -> Key | None:
    """A class or id name every element a selector matches (or an ancestor or sibling of it the
    selector names) must carry, so a page without it cannot match; None when there is none."""
    from cssselect import parse

    compounds = COMBINATOR.split(selector.strip())
    if "," not in selector and all(SIMPLE_PART.fullmatch(c) for c in compounds):  # `.a > .b`: no parser needed
        keys = [simple_part(0, c).key() for c in compounds if simple_part(0, c)]  # type: ignore[union-attr]
        named = [key for key in keys if key[0] in ("class", "id")]
        return named[-1] if named else None
    try:
        trees = [s.parsed_tree for s in parse(selector)]
    except CSS_ERRORS:
        return None
    tokens: list[Key] = []
    for tree in trees:
        found = list(_tokens(tree))
        if not found:
            return None
        tokens.append(found[-1])  # the rightmost compound's name is the most telling
    return tokens[0] if len(tokens) == 1 else None


def _tokens(node: object) -> Iterator[Key]:
    name = type(node).__name__
    if name == "CombinedSelector":
        yield from _tokens(node.selector)  # type: ignore[attr-defined]
        yield from _tokens(node.subselector)  # type: ignore[attr-defined]
    elif name == "Class":
        yield from _tokens(node.selector)  # type: ignore[attr-defined]
        yield "class", node.class_name  # type: ignore[attr-defined]
    elif name == "Hash":
        yield from _tokens(node.selector)  # type: ignore[attr-defined]
        yield "id", node.id  # type: ignore[attr-defined]
    elif hasattr(node, "selector"):  # Attrib, Pseudo, Function, Negation, ...: only what they qualify
        yield from _tokens(node.selector)  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def css(selector: str) -> CSSSelector:
    """A compiled cssselect selector, shared by every plan that holds it."""
    return CSSSelector(selector)


def _parts(selector: str) -> list[str]:
    """The selector list's parts, each filed on its own; the whole selector when a part does not
    compile alone (the loader checked the whole with cssselect, whose tokens may hold a comma the
    plain split sees: fuzz, `….print-but\ufffd…, true)`)."""
    parts = split_selector(selector)
    if len(parts) > 1 and not all(simple_part(0, part) or _compiles(part) for part in parts):
        parts = [selector]
    # What still does not compile (the loader's fast path for simple-looking parts let it by)
    # matches nothing: one bad rule never stops a page.
    return [part for part in parts if simple_part(0, part) or _compiles(part)]


def _compiles(part: str) -> bool:
    """The part compiles alone and its XPath evaluates (a namespace prefix compiles, then fails)."""
    try:
        return evaluable(css(part).path)
    except (*CSS_ERRORS, etree.XPathError, ValueError):
        return False


@lru_cache(maxsize=4096)
def xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression, smart_strings=False)


SCREEN_SIZE_RE2 = 64  # needles past which one RE2 set beats Python's alternation


class _Tables:
    """The simple parts of an index by what an element must carry for them to match."""

    def __init__(self, simple: dict[Key, list[SimplePart]]):
        by: dict[str, dict[str, list[SimplePart]]] = {}
        for (kind, value), parts in simple.items():
            by.setdefault(kind, {})[value] = parts
        self.anywhere = by.get("tag", {}).pop("*", [])  # parts for any tag are filed under each tag too
        self.by_tag = {tag: parts + self.anywhere for tag, parts in by.get("tag", {}).items()}
        self.by_class = by.get("class", {})
        self.by_id = by.get("id", {})
        # An attribute's parts come with a screen: one search for the literals they need, so an
        # element's `class` is not tried against every `[class*=…]` part one by one.
        self.by_attr = {name: (_screen(parts, name), parts) for name, parts in sorted(by.get("attr", {}).items())}
        self.by_token_word = {kind[6:]: words for kind, words in sorted(by.items()) if kind.startswith("token:")}


def _screen(parts: list[SimplePart], name: str) -> "re.Pattern[str] | None":
    """A pattern every value of attribute `name` that some part matches contains (each part's
    literal for it: `=`, `^=`, `*=`, `$=`, `~=` and `|=` all need their value inside), or None
    when a part needs none (`[data-ad]`, an empty value)."""
    needles = set()
    for part in parts:
        literals = [value for attribute, operator, value in part.conditions if attribute == name and operator and value]
        if not literals:
            return None
        needles.add(max(literals, key=len))
    alternation = "|".join(re.escape(needle) for needle in sorted(needles))
    if len(needles) > SCREEN_SIZE_RE2:
        import re2

        return re2.compile(alternation)  # type: ignore[no-any-return]
    return re.compile(alternation)


class _Index:
    """Element rules of one action group (drop or keep), bucketed by token."""

    def __init__(self) -> None:
        self.simple: dict[Key, list[SimplePart]] = {}
        self.complex_by_token: dict[Key, list[tuple[int, str]]] = {}
        self.complex_always: list[tuple[int, str]] = []
        self.xpaths: list[tuple[int, str]] = []
        self.network_hosts: dict[str, list[tuple[int, "Rule"]]] = {}
        self.network_other: list[tuple[int, "Rule"]] = []

    def add(self, order: int, rule: "Rule") -> None:
        if rule.selector:
            for part in _parts(rule.selector):
                simple = simple_part(order, part)
                if simple is not None:
                    self.simple.setdefault(simple.key(), []).append(simple)
                    continue
                token = required_token(part)
                if token is None:
                    self.complex_always.append((order, part))
                else:
                    self.complex_by_token.setdefault(token, []).append((order, part))
        if rule.xpath:
            self.xpaths.append((order, rule.xpath))
        if rule.network:
            from .filterlists import network_pattern

            host = network_pattern(rule.network).host
            (self.network_hosts.setdefault(host, []) if host else self.network_other).append((order, rule))

    @property
    def empty(self) -> bool:
        return not (self.simple or self.complex_by_token or self.complex_always or self.xpaths
                    or self.network_hosts or self.network_other)

    @cached_property
    def _tables(self) -> "_Tables":
        """The simple parts by what an element must have for them to match: its tag, a class, its
        id, an attribute, a word of an attribute's value (`[href*="/promo/"]` under "promo").
        Built on the first page, after every rule was added."""
        return _Tables(self.simple)

    def match(self, body: etree._Element, url: str | None) -> dict[etree._Element, int]:
        """Each element the selector and XPath rules match, and the first such rule (by order)."""
        found: dict[etree._Element, int] = {}
        if not (self.simple or self.complex_by_token or self.complex_always or self.xpaths):
            return found
        tables = self._tables
        by_tag, by_class, by_id = tables.by_tag, tables.by_class, tables.by_id
        by_attr, by_token_word, anywhere = tables.by_attr, tables.by_token_word, tables.anywhere
        by_token = self.complex_by_token
        classes_seen: set[str] = set()
        ids_seen: set[str] = set()
        empty: frozenset[str] = frozenset()
        # The loop runs once per element of every page, and most elements carry nothing any part
        # asks for: each is read once (its tag, its attributes in one call) and looked up through
        # the attributes it has rather than through every table. (An XPath that picks the
        # elements with a wanted tag or attribute costs more than this whole loop.)
        for el in body.iter(etree.Element):
            items = el.items()
            tag = el.tag.lower()
            parts = by_tag.get(tag, anywhere)
            if not items and not parts:
                continue
            groups = [parts] if parts else []
            classes = empty
            for name, value in items:
                if name == "class":
                    if value:
                        classes = set(value.split())
                        if by_token:
                            classes_seen |= classes
                        for class_name in classes:
                            parts = by_class.get(class_name)
                            if parts:
                                groups.append(parts)
                elif name == "id" and value:
                    if by_token:
                        ids_seen.add(value)
                    parts = by_id.get(value)
                    if parts:
                        groups.append(parts)
                screened = by_attr.get(name)
                if screened is not None:
                    needles, parts = screened
                    if needles is None or needles.search(value):
                        groups.append(parts)
                words = by_token_word.get(name)
                if words is not None and value:
                    for word in set(TOKEN.findall(value)):
                        parts = words.get(word)
                        if parts:
                            groups.append(parts)
            if not groups:
                continue
            attrs = dict(items)
            best = None
            for parts in groups:
                for part in parts:
                    if (best is None or part.rule < best) and part.matches(attrs, tag, classes):
                        best = part.rule
            if best is not None:
                found[el] = best
        complex_parts = list(self.complex_always)
        for key, parts in by_token.items():
            if (key[1] in classes_seen) if key[0] == "class" else (key[1] in ids_seen):
                complex_parts += parts
        for order, part in complex_parts:
            try:
                hits = css(part)(body)
            except etree.XPathError:
                continue  # a namespace prefix in a test no empty page reaches (`a[h|ef]`): matches nothing
            for el in hits:
                found[el] = min(found.get(el, order), order)
        root = body.getroottree().getroot()
        for order, expression in self.xpaths:
            try:
                hits = xpath(expression)(root)
            except etree.XPathError:
                continue  # an expression that fails on this page matches nothing here
            for el in hits if isinstance(hits, list) else ():
                if isinstance(el, etree._Element) and isinstance(el.tag, str):
                    found[el] = min(found.get(el, order), order)
        return found

    def match_network(self, body: etree._Element, url: str | None) -> dict[etree._Element, int]:
        """Each `<img>`, `<iframe>`, `<script>` a network rule matches, and the first such rule."""
        if not (self.network_hosts or self.network_other):
            return {}
        return dict(_network_matches(body, self.network_hosts, self.network_other, url))


def _network_matches(body: etree._Element, hosts: dict[str, list[tuple[int, "Rule"]]],
                     other: list[tuple[int, "Rule"]], url: str | None) -> Iterator[tuple[etree._Element, int]]:
    from .filterlists import network_pattern, page_src, source_host
    from .ruleset import host_of

    page_host = host_of(url)
    for el in body.iter("img", "iframe", "script"):
        src = (el.get("src") or "").strip()
        if not src or src.startswith("data:"):
            continue
        src = page_src(src, url)
        host = source_host(src)
        labels = host.split(".") if host else []
        entries = [entry for start in range(len(labels)) for entry in hosts.get(".".join(labels[start:]), ())]
        best = None
        for order, rule in sorted(entries + other, key=lambda entry: entry[0]):
            if el.tag.lower() in rule.tags and network_pattern(rule.network or "").matches(src, host, page_host):
                best = order
                break
        if best is not None:
            yield el, best


class Plan:
    """The element rules of one scope (everywhere, or one site), indexed once."""

    def __init__(self, entries: list[tuple[int, "Rule"]]):
        self.rules = {order: rule for order, rule in entries}
        self.drop = _Index()
        self.keep = _Index()
        for order, rule in entries:
            (self.keep if rule.action == "keep" else self.drop).add(order, rule)
        self.network = bool(self.drop.network_hosts or self.drop.network_other)


def match_plans(body: etree._Element, plans: list[Plan], url: str | None,
                network: bool = False) -> list[tuple[etree._Element, "Rule"]]:
    """(element, first rule that matches it) in document order, over all plans: the selector and
    XPath rules, or with `network` the network rules. Keep rules of any plan spare an element
    from every plan's rules."""
    found: dict[etree._Element, int] = {}
    rules: dict[int, "Rule"] = {}
    for plan in plans:
        hits = plan.drop.match_network(body, url) if network else plan.drop.match(body, url)
        if hits:
            rules.update(plan.rules)
            for el, order in hits.items():
                found[el] = min(found.get(el, order), order)
    if not found:
        return []
    kept: set[etree._Element] = set()
    for plan in plans:
        if not plan.keep.empty:
            kept |= set(plan.keep.match(body, url))
    return [(el, rules[found[el]]) for el in body.iter() if el in found and el not in kept]
