"""Load, validate and compile rule files (TOML packs), so the engine only ever sees good rules.

A pack is one TOML file: a `[pack]` table and `[[rules]]`. Every problem is reported
at load time as a `RuleError` naming the file, the line (where TOML lets us find it),
the rule id and what is wrong, never later while cleaning.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .regexengine import RegexError, RuleRegex, compile_rule_regex, compile_words_regex
from .regexscan import ODD_CASE, first_chars, needed_words
from .errors import RuleError

ACTIONS = frozenset({"drop", "drop-section", "caption", "credit", "highlights", "keep", "metadata", "vocabulary"})
ANCHORS = frozenset({"search", "full", "start"})
KINDS = frozenset({"text", "html"})
METADATA_FIELDS = frozenset({"author", "published", "modified", "site_name", "title", "description", "dates"})
DATES = "dates"  # a metadata field read by the code: the line's published and modified dates, ISO
PACK_KEYS = frozenset({"name", "description", "domains", "kinds", "article", "title", "author", "date", "examples"})
SITE_FIELDS = ("title", "author", "date")  # what a site pack may read from the page itself
RULE_KEYS = frozenset({
    "id", "category", "action", "description", "lines", "regex", "selector", "max_chars",
    "case_sensitive", "field", "caption", "kinds", "examples", "section", "contains",
    "xpath", "domains", "not_domains", "network", "tags", "words", "template", "anchor", "extends",
})
# Imported filters are named after their list and line ("easylist.txt:1234"), hence the colon.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.:-]*\Z")
NETWORK_TAGS = frozenset({"img", "iframe", "script"})
DEFAULT_MAX_CHARS = 300


def fold(text: str) -> str:
    """Case- and space-folded form used for literal line matching."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Rule:
    """One compiled rule. `origin` is "file:line" for messages and `cleaner rules list`."""

    id: str
    category: str
    action: str
    origin: str
    description: str = ""
    lines: frozenset[str] = frozenset()
    regexes: tuple[RuleRegex, ...] = ()  # on RE2: linear time (cleaner.regexengine)
    selector: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    contains: tuple[str, ...] = ()  # speed hint: regexes are tried only if the folded block has one
    field: str | None = None
    caption: str = "before"  # for credits: where the caption sits ("before", "after", "none")
    section: str = "headlines"  # for drop-section: what belongs to the section
    kinds: frozenset[str] = KINDS
    domains: tuple[str, ...] = ()
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    xpath: str | None = None  # an XPath 1.0 expression (site configs, translated procedural filters)
    not_domains: tuple[str, ...] = ()  # sites where the rule does not apply (`~a.com##sel`)
    network: str | None = None  # an ad-blocker network filter (`||ads.example^`) matched against `src`
    tags: frozenset[str] = NETWORK_TAGS  # the elements a network rule looks at
    words: tuple[str, ...] = ()  # a vocabulary: regex fragments the heuristics look up by the rule's id
    template: str = "{words}"  # where the joined words go in the vocabulary's pattern
    anchor: str = "search"  # how the pattern is applied: anywhere, to the whole text, or at its start
    extends: str | None = None  # a vocabulary rule that adds its words to the one with this id
    case_sensitive: bool = False

    @property
    def element_rule(self) -> bool:
        """Matched against elements (selector, XPath, network) rather than blocks of text."""
        return bool(self.selector or self.xpath or self.network)

    def match(self, text: str, folded: str) -> dict[str, str] | None:
        """Named groups (maybe empty) if the rule matches this whole block, else None."""
        if len(text) > self.max_chars:
            return None
        if folded in self.lines:
            return {}
        if self.contains and not any(word in folded for word in self.contains):
            return None
        for pattern in self.regexes:
            found = pattern.fullmatch(text)
            if found:
                return self.read(text, found)
        return None

    def read(self, text: str, found: Any) -> dict[str, str] | None:
        """The named groups of a regex match, or None when the field the rule fills cannot be
        read from the block (a "dates" line whose date the code cannot read is no dateline)."""
        groups = {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
        if self.field == "author" and "tail" in groups:
            from .byline import understood

            return groups if understood(groups.get("value", ""), groups["tail"]) else None
        if self.field != DATES:
            return groups
        from .metadata import dateline_dates

        dates = dateline_dates(text, with_time=True)
        return dict(groups, **dates) if dates else None

    def applies_to(self, kind: str, url: str | None) -> bool:
        if kind not in self.kinds:
            return False
        if not self.domains and not self.not_domains:
            return True
        host = _host(url)
        if self.not_domains and host and any(on_site(host, d) for d in self.not_domains):
            return False
        return not self.domains or (bool(host) and any(on_site(host, d) for d in self.domains))


def compact_rule(**values: Any) -> Rule:
    """A Rule holding only its non-default fields in its `__dict__` (the rest are the dataclass's
    class-level defaults): what filter lists are made of, because 20,000 of them build, cache
    and load several times faster so. Equal to `Rule(**values)` in every respect."""
    rule = object.__new__(Rule)
    rule.__dict__.update(values)
    return rule


def on_site(host: str, domain: str) -> bool:
    """`host` is `domain` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


def host_of(url: str | None) -> str:
    """The lower-case host of a URL, "" when there is none."""
    return _host(url)


def _host(url: str | None) -> str:
    if not url or "//" not in url:
        return ""
    return url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()


@dataclass(frozen=True)
class SitePack:
    """A pack scoped to sites that also names the article's container and fields on them.

    `article` and each field hold CSS selectors or XPath expressions, tried in order."""

    name: str
    origin: str
    domains: tuple[str, ...]
    article: tuple[str, ...] = ()
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    examples: tuple[str, ...] = ()  # HTML in which an `article` expression must match

    def applies_to(self, url: str | None) -> bool:
        host = _host(url)
        return bool(host) and any(on_site(host, d) for d in self.domains)

    @property
    def outside_id(self) -> str:
        """The verdict id of what lies outside the article box this pack names."""
        return f"site.{re.sub(r'[^a-z0-9_.-]+', '-', self.name.lower()).strip('-.')}.outside-article"


SITE_PLANS = 512  # per-site selector indexes kept (a batch meets many sites)


@dataclass
class RuleSet:
    """The rules in force, in order. Keep rules are consulted first, then file order."""

    rules: list[Rule] = field(default_factory=list)
    sites: list[SitePack] = field(default_factory=list)
    _matchers: dict[tuple[str, str, bool | None], "Matcher"] = field(default_factory=dict, init=False, repr=False,
                                                        compare=False)
    _by_id: dict[str, Rule] = field(default_factory=dict, init=False, repr=False, compare=False)
    _plans: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _scoped: Any = field(default=None, init=False, repr=False, compare=False)
    _credits: list[Rule] | None = field(default=None, init=False, repr=False, compare=False)
    _vocabulary: dict[str, Callable[[str], Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ids: dict[str, str] = {}
        for rule in self.rules:
            if rule.id in ids:
                raise RuleError(f"duplicate rule id {rule.id!r} (first defined at {ids[rule.id]})",
                                source=rule.origin, hint="give every rule its own id")
            ids[rule.id] = rule.origin
        self._text_scoped = any(r.domains or r.not_domains for r in self.rules if r.lines or r.regexes)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def ids(self) -> list[str]:
        return [r.id for r in self.rules]

    @property
    def by_id(self) -> dict[str, Rule]:
        """Rules by id, built once."""
        if not self._by_id:
            self._by_id.update((rule.id, rule) for rule in self.rules)
        return self._by_id

    def without(self, disabled: Iterable[str]) -> "RuleSet":
        """A copy without the named rules; an unknown id raises, as a typo should."""
        disabled = set(disabled)
        if not disabled:
            return self
        unknown = disabled - set(self.ids())
        if unknown:
            raise RuleError(f"cannot disable unknown rule id(s): {', '.join(sorted(unknown))}",
                            hint="see `cleaner rules list` for the ids in force")
        return RuleSet([r for r in self.rules if r.id not in disabled], list(self.sites))

    def for_document(self, kind: str, url: str | None) -> list[Rule]:
        """Block rules that apply to this document, keep rules first."""
        usable = [r for r in self.rules if (r.lines or r.regexes) and r.applies_to(kind, url)]
        return [r for r in usable if r.action == "keep"] + [r for r in usable if r.action != "keep"]

    def matcher(self, kind: str, url: str | None, late: bool | None = None) -> "Matcher":
        """A Matcher for this document's rules, built once per kind and site: all of them, or
        (`late` False / True) all but / only the dateline rules, which raw text reads once
        the article is found (a date in a sidebar or under a comment is not the article's)."""
        key = (kind, _host(url) if self._text_scoped else "", late)
        if key not in self._matchers:
            rules = self.for_document(kind, url)
            if late is not None:
                rules = [rule for rule in rules if (rule.field == DATES) == late]
            self._matchers[key] = Matcher(rules)
        return self._matchers[key]

    def selectors(self, url: str | None) -> list[Rule]:
        """Element rules (selector, XPath, network) that apply on this page, in order."""
        return [r for r in self.rules if r.element_rule and r.applies_to("html", url)]

    def selector_plans(self, url: str | None) -> list[Any]:
        """The indexes (`cleaner.selectindex.Plan`) of the element rules for this page: one for
        the rules that apply everywhere, built once, and one for the site's own, built once per site."""
        from .selectindex import Plan

        if "" not in self._plans:
            generic, scoped = [], []
            for order, rule in enumerate(self.rules):
                if rule.element_rule and "html" in rule.kinds:
                    (scoped if rule.domains or rule.not_domains else generic).append((order, rule))
            self._plans[""] = Plan(generic)
            self._scoped = _ScopedRules(scoped)
        plans = [self._plans[""]]
        host = _host(url)
        if self._scoped.rules:
            key = "site:" + host
            if key not in self._plans:
                if len(self._plans) > SITE_PLANS:
                    self._plans = {"": self._plans[""]}
                self._plans[key] = Plan(self._scoped.for_host(host, url))
            if self._plans[key].rules:
                plans.append(self._plans[key])
        return plans

    def vocabulary(self, rule_id: str) -> Callable[[str], Any]:
        """The test a vocabulary rule (and the rules that extend it) stands for: whether the pattern
        is found in a text, at its start or matches all of it (its `anchor`), on RE2, built once. A
        disabled vocabulary matches nothing."""
        test = self._vocabulary.get(rule_id)
        if test is None:
            base = self.by_id.get(rule_id)
            parts = [r for r in ([base] if base is not None and base.action == "vocabulary" else [])]
            parts += [r for r in self.rules if r.extends == rule_id and r.action == "vocabulary"]
            if not parts:
                test = _nothing
            else:
                head = parts[0]
                joined = "|".join(word for rule in parts for word in rule.words)
                test = compile_words_regex(head.template.replace("{words}", joined), _flags(head), head.anchor)
            self._vocabulary[rule_id] = test
        return test

    def credit_rules(self) -> list[Rule]:
        """Credit rules with regexes that apply to HTML anywhere: what figures split captions with."""
        if self._credits is None:
            self._credits = [r for r in self.rules if r.action == "credit" and r.regexes and r.applies_to("html", None)]
        return self._credits

    def site_packs(self, url: str | None) -> list[SitePack]:
        """The site packs whose domains hold this page's host, in load order."""
        return [pack for pack in self.sites if pack.applies_to(url)]


def _flags(rule: Rule) -> int:
    return 0 if rule.case_sensitive else re.IGNORECASE


def _nothing(text: str) -> bool:
    """What a disabled vocabulary matches."""
    return False


class _ScopedRules:
    """Element rules limited to (or kept off) some sites, found by the host's domain suffixes."""

    def __init__(self, rules: list[tuple[int, Rule]]):
        self.rules = rules
        self.by_domain: dict[str, list[tuple[int, Rule]]] = {}
        self.everywhere_but: list[tuple[int, Rule]] = []  # only `not_domains`: a generic rule with exceptions
        for entry in rules:
            if entry[1].domains:
                for domain in set(entry[1].domains):
                    self.by_domain.setdefault(domain, []).append(entry)
            else:
                self.everywhere_but.append(entry)

    def for_host(self, host: str, url: str | None) -> list[tuple[int, Rule]]:
        labels = host.split(".") if host else []
        found: dict[int, Rule] = {}
        for start in range(len(labels)):
            for order, rule in self.by_domain.get(".".join(labels[start:]), ()):
                if rule.applies_to("html", url):
                    found[order] = rule
        for order, rule in self.everywhere_but:
            if rule.applies_to("html", url):
                found[order] = rule
        return sorted(found.items())


class Matcher:
    """Finds the first rule (in order) matching a block, fast.

    Literal lines are one dict lookup; only the regex rules ordered before that hit
    still need trying, so a long rule list costs little per block. Rules are also indexed
    by the characters a match can start with, and a block skips a rule whose regexes
    need a word its folded text lacks (see `cleaner.regexscan`): most rules are never tried.
    """

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.literal: dict[str, int] = {}
        for order, rule in enumerate(rules):
            for line in rule.lines:
                self.literal.setdefault(line, order)
        # Per regex rule: the clauses any block must pass (its `contains` words) and those a
        # block without `ODD_CASE` characters must pass (those plus the words its regexes need).
        self.patterns = []
        for order, rule in enumerate(rules):
            if rule.regexes:
                always = (rule.contains,) if rule.contains else ()
                self.patterns.append((order, rule, always, always + needed_words(rule.regexes)))
        starts = [first_chars(rule.regexes) for _, rule, _, _ in self.patterns]
        self.by_start = {char: [entry for entry, first in zip(self.patterns, starts) if first is None or char in first]
                         for char in map(chr, range(128))}
        self.longest = max([rule.max_chars for rule in rules] + [200])
        self.widest = max((rule.max_chars for rule in rules), default=0)  # no rule matches a longer block

    def match(self, text: str) -> tuple[Rule, dict[str, str]] | None:
        if len(text) > self.widest:
            return None
        folded = fold(text) if len(text) <= self.longest else ""
        hit = self.literal.get(folded) if folded else None
        plain = text.isascii() or ODD_CASE.search(text) is None
        for order, rule, always, needs in self.by_start.get(text[:1], self.patterns):
            if hit is not None and order > hit:
                break
            if len(text) > rule.max_chars:
                continue
            for clause in needs if plain else always:  # inline, as a call per rule costs more than the test
                for word in clause:
                    if word in folded:
                        break
                else:
                    break  # no word of this clause: the rule cannot match
            else:
                for pattern in rule.regexes:
                    found = pattern.fullmatch(text)
                    if found:
                        groups = rule.read(text, found)
                        if groups is not None:
                            return rule, groups
                        break
        if hit is not None and len(text) <= self.rules[hit].max_chars:
            return self.rules[hit], {}
        return None


class FieldError(ValueError):
    """A problem with one field of a rule, so the message can point at that field's line."""

    def __init__(self, message: str, field_name: str | None = None):
        super().__init__(message)
        self.field_name = field_name


def _line_of(source: str, rule_id: str | None, index: int, field_name: str | None = None) -> int | None:
    """Best-effort line of a rule's field (else its `id = ...`, else its `[[rules]]` header).

    tomllib reports no positions for values, so we look for the text of the rule's table.
    """
    lines = source.splitlines()
    headers = [n for n, line in enumerate(lines, 1) if line.strip() == "[[rules]]"]
    start = headers[index] if index < len(headers) else None
    if rule_id:
        pattern = re.compile(r"\s*id\s*=\s*[\"']" + re.escape(rule_id) + r"[\"']")
        start = next((n for n, line in enumerate(lines, 1) if pattern.match(line)), start)
    if start is None:
        return None
    if field_name:
        key = re.compile(r"\s*" + re.escape(field_name) + r"\s*=")
        for number in range(start, len(lines) + 1):
            if number > start and lines[number - 1].strip() == "[[rules]]":
                break
            if key.match(lines[number - 1]):
                return number
    return start


def _str_list(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{what} must be a string or a list of strings")


def _compile_rule(raw: Any, pack: dict[str, Any], origin: str) -> Rule:
    if not isinstance(raw, dict):
        raise ValueError("each [[rules]] entry must be a table")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(RULE_KEYS))}")
    for key in ("id", "category", "action"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ValueError(f"missing or empty field {key!r}")
    if not ID_PATTERN.match(raw["id"]):
        raise ValueError("id must be lower case letters, digits, '.', ':', '_' or '-'")
    action = raw["action"]
    if action not in ACTIONS:
        raise FieldError(f"unknown action {action!r}; use one of {', '.join(sorted(ACTIONS))}", "action")
    lines = frozenset(fold(s) for s in _str_list(raw.get("lines", []), "lines"))
    flags = 0 if raw.get("case_sensitive", False) else re.IGNORECASE
    regexes = []
    for source in _str_list(raw.get("regex", []), "regex"):
        try:
            regexes.append(compile_rule_regex(source, flags))
        except RegexError as exc:
            raise FieldError(str(exc), "regex") from None
    selector = raw.get("selector")
    if selector is not None:
        if not isinstance(selector, str) or not selector.strip():
            raise FieldError("selector must be a non-empty string", "selector")
        _check_selector(selector)
    xpath = raw.get("xpath")
    if xpath is not None:
        if not isinstance(xpath, str) or not xpath.strip():
            raise FieldError("xpath must be a non-empty string", "xpath")
        check_xpath(xpath)
    network = raw.get("network")
    if network is not None:
        from .filterlists import network_pattern

        if not isinstance(network, str) or not network.strip():
            raise FieldError("network must be a non-empty string", "network")
        try:
            network_pattern(network)
        except ValueError as exc:
            raise FieldError(str(exc), "network") from None
    tags = frozenset(t.lower() for t in _str_list(raw.get("tags", sorted(NETWORK_TAGS)), "tags"))
    if not tags <= NETWORK_TAGS:
        raise FieldError(f"tags may only hold {', '.join(sorted(NETWORK_TAGS))}", "tags")
    words = _str_list(raw.get("words", []), "words")
    template = raw.get("template", "{words}")
    anchor = raw.get("anchor", "search")
    extends = raw.get("extends")
    if action == "vocabulary":
        if not words or lines or regexes or selector or xpath or network:
            raise FieldError("a vocabulary rule holds 'words' (and no lines, regex or selectors)", "words")
        if not isinstance(template, str) or "{words}" not in template:
            raise FieldError("template must be a string holding {words}", "template")
        if anchor not in ANCHORS:
            raise FieldError(f"anchor must be one of {', '.join(sorted(ANCHORS))}", "anchor")
        if extends is not None and (not isinstance(extends, str) or not ID_PATTERN.match(extends)):
            raise FieldError("extends must be the id of a vocabulary rule", "extends")
        _check_vocabulary(template, words, flags, anchor)
    elif words or extends is not None or "template" in raw or "anchor" in raw:
        raise ValueError("'words', 'template', 'anchor' and 'extends' are only for action = \"vocabulary\"")
    if not (lines or regexes or selector or xpath or network or words):
        raise ValueError("a rule needs at least one of 'lines', 'regex', 'selector', 'xpath', 'network' or 'words'")
    if action == "credit" and regexes and not any("credit" in p.groupindex for p in regexes):
        raise FieldError("a credit rule's regex needs a named group (?P<credit>...)", "regex")
    field_name = raw.get("field")
    if action == "metadata":
        if field_name not in METADATA_FIELDS:
            raise FieldError(f"metadata rules need field = one of {', '.join(sorted(METADATA_FIELDS))}", "field")
        if field_name != DATES and not any("value" in p.groupindex for p in regexes):
            raise FieldError("a metadata rule's regex needs a named group (?P<value>...)", "regex")
    elif field_name is not None:
        raise ValueError("'field' is only for action = \"metadata\"")
    caption = raw.get("caption", "before")
    if caption not in ("before", "after", "none"):
        raise FieldError("caption must be \"before\", \"after\" or \"none\"", "caption")
    section = raw.get("section", "headlines")
    if section not in ("headlines", "items"):
        raise FieldError("section must be \"headlines\" or \"items\"", "section")
    max_chars = raw.get("max_chars", DEFAULT_MAX_CHARS)
    if not isinstance(max_chars, int) or max_chars <= 0:
        raise FieldError("max_chars must be a positive integer", "max_chars")
    kinds = frozenset(_str_list(raw.get("kinds", pack.get("kinds", sorted(KINDS))), "kinds"))
    if not kinds <= KINDS:
        raise FieldError("kinds may only hold \"text\" and \"html\"", "kinds")
    contains = tuple(fold(word) for word in _str_list(raw.get("contains", []), "contains"))
    if contains and not regexes:
        raise FieldError("'contains' only narrows a rule's regex: add a regex or drop it", "contains")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        raise ValueError("examples must be a table with 'match' and/or 'no_match' lists")
    return Rule(
        id=raw["id"], category=raw["category"], action=action, origin=origin,
        description=str(raw.get("description", "")), lines=lines, regexes=tuple(regexes),
        selector=selector, max_chars=max_chars, contains=contains, field=field_name, caption=caption, section=section,
        kinds=kinds, domains=tuple(d.lower() for d in _str_list(raw.get("domains", pack.get("domains", [])), "domains")),
        examples_match=_str_list(examples.get("match", []), "examples.match"),
        examples_no_match=_str_list(examples.get("no_match", []), "examples.no_match"),
        case_sensitive=bool(raw.get("case_sensitive", False)),
        xpath=xpath, network=network, tags=tags, words=words, template=template, anchor=anchor, extends=extends,
        not_domains=tuple(d.lower() for d in _str_list(raw.get("not_domains", []), "not_domains")),
    )


def check_xpath(expression: str) -> None:
    """An XPath rule must compile (lxml evaluates XPath 1.0 natively)."""
    from lxml import etree

    try:
        etree.XPath(expression)
    except etree.XPathSyntaxError as exc:
        raise FieldError(f"bad XPath {expression!r}: {exc}", "xpath") from None


def is_xpath(expression: str) -> bool:
    """Site packs take CSS or XPath in one field: XPath starts with `/`, `./` or `(`."""
    return expression.lstrip().startswith(("/", "./", "("))


def _check_vocabulary(template: str, words: tuple[str, ...], flags: int, anchor: str) -> None:
    """Each word in the template must compile on RE2, as the joined list will."""
    try:
        compile_words_regex(template.replace("{words}", "(?:)"), flags, anchor)
    except RegexError as exc:
        raise FieldError(f"bad template: {exc}", "template") from None
    for word in words:
        try:
            compile_words_regex(template.replace("{words}", f"(?:{word})"), flags, anchor)
        except RegexError as exc:
            raise FieldError(f"bad word {word!r}: {exc}", "words") from None


def _check_selector(selector: str) -> None:
    from cssselect import GenericTranslator, SelectorError

    from .selectindex import simple_part, split_selector

    if all(simple_part(0, part) for part in split_selector(selector)):
        return  # `.ad`, `div[id^=x]`: what the index matches itself (and most of an imported list)

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise FieldError(f"bad CSS selector {selector!r}: {exc}", "selector") from None


def parse_pack(source: str, name: str) -> list[Rule]:
    """Compile one pack's TOML text; `name` is used in messages."""
    return parse_pack_and_site(source, name)[0]


def parse_pack_and_site(source: str, name: str) -> tuple[list[Rule], SitePack | None]:
    """A pack's rules, and its `SitePack` when it is scoped to sites and names an article or fields."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        where = f"{name}:{at.group(1)}" if at else name
        raise RuleError(f"invalid TOML: {exc}", source=where, hint="fix the syntax of the rule file") from None
    pack = data.get("pack", {})
    if not isinstance(pack, dict):
        raise RuleError("[pack] must be a table", source=name)
    unknown = set(data) - {"pack", "rules"} or set(pack) - PACK_KEYS
    if unknown:
        raise RuleError(f"unknown key(s) {', '.join(sorted(unknown))}", source=name,
                        hint="a pack holds [pack] (name, description, domains, kinds, article, title, author, "
                             "date) and [[rules]]")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RuleError("'rules' must be an array of tables ([[rules]])", source=name)
    id_lines = _id_lines(source)
    headers = [n for n, line in enumerate(source.splitlines(), 1) if line.strip() == "[[rules]]"]
    rules = []
    for index, raw in enumerate(raw_rules):
        rule_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
        line = id_lines.get(rule_id) if rule_id else None
        line = line or (headers[index] if index < len(headers) else None)
        origin = f"{name}:{line}" if line else name
        try:
            rules.append(_compile_rule(raw, pack, origin))
        except ValueError as exc:
            label = f"rule {rule_id!r}" if rule_id else f"rule #{index + 1}"
            where = _line_of(source, rule_id, index, getattr(exc, "field_name", None))
            raise RuleError(f"{label}: {exc}", source=f"{name}:{where}" if where else name,
                            hint="see README, 'Writing rules'") from None
    return rules, _site_pack(pack, source, name)


def _id_lines(source: str) -> dict[str, int]:
    """Line of each rule's `id = ...`, in one pass (packs imported from filter lists are long)."""
    found: dict[str, int] = {}
    for number, line in enumerate(source.splitlines(), 1):
        hit = _ID_LINE.match(line)
        if hit:
            found.setdefault(hit.group(1), number)
    return found


_ID_LINE = re.compile(r"\s*id\s*=\s*[\"']([^\"']+)[\"']")


def _site_pack(pack: dict[str, Any], source: str, name: str) -> SitePack | None:
    """The pack's article container and fields, checked now so a typo fails at load time."""
    wanted = [key for key in ("article",) + SITE_FIELDS if key in pack]
    examples = pack.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"article"}:
        raise RuleError("[pack.examples] may only hold 'article' (HTML the article expression matches)", source=name)
    domains = pack.get("domains")
    if not wanted and not domains:
        return None
    line = next((n for n, text in enumerate(source.splitlines(), 1)
                 if re.match(rf"\s*(?:{'|'.join(wanted or ['domains'])})\s*=", text)), None)
    where = f"{name}:{line}" if line else name
    if not domains:
        raise RuleError(f"'{wanted[0]}' needs the pack's domains", source=where,
                        hint='a site pack names its sites: domains = ["example.com"]')
    values: dict[str, tuple[str, ...]] = {}
    for key in wanted:
        try:
            values[key] = _str_list(pack[key], key)
            for expression in values[key]:
                if is_xpath(expression):
                    check_xpath(expression)
                else:
                    _check_selector(expression)
        except ValueError as exc:
            raise RuleError(f"[pack] {key}: {exc}", source=where, hint="see README, 'Site packs'") from None
    return SitePack(name=str(pack.get("name") or Path(name).stem), origin=where,
                    domains=tuple(d.lower() for d in _str_list(domains, "domains")),
                    article=values.get("article", ()),
                    fields=tuple((key, values[key]) for key in SITE_FIELDS if key in values),
                    examples=_str_list(examples.get("article", []), "examples.article"))


def _pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    raise RuleError("no such rule file or folder", source=str(path), hint="check the --rules path")


def read_pack_file(path: Path) -> list[Rule]:
    return read_pack(path)[0]


def read_pack(path: Path) -> tuple[list[Rule], SitePack | None]:
    """One rule file: a TOML pack, or an ad-blocker filter list (`.txt`, read through its cache)."""
    if path.suffix.lower() == ".txt":
        from .filterlists import load_filter_list

        return load_filter_list(path), None
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror}", source=str(path)) from None
    return parse_pack_and_site(source, str(path))


def builtin_rules() -> list[Rule]:
    """The packs shipped in the wheel (package `cleaner.rules`), or `rules/` in a checkout."""
    return _builtin()[0]


def _builtin() -> tuple[list[Rule], list[SitePack]]:
    rules: list[Rule] = []
    sites: list[SitePack] = []
    for name, source in sorted(_builtin_sources()):
        found, site = parse_pack_and_site(source, f"rules/{name}")
        rules.extend(found)
        if site is not None:
            sites.append(site)
    return rules, sites


def _builtin_sources() -> Iterator[tuple[str, str]]:
    """(name under rules/, TOML text) of every built-in pack, the site packs in `sites/` included."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    try:
        root: Any = resources.files("cleaner.rules")
        entries = [(e.name, e) for e in root.iterdir() if e.name.endswith(".toml")]
        sites = root / "sites"
        if sites.is_dir():
            entries += [(f"sites/{e.name}", e) for e in sites.iterdir() if e.name.endswith(".toml")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        entries = []
    if not entries and checkout.is_dir():
        entries = [(str(e.relative_to(checkout)), e) for e in
                   list(checkout.glob("*.toml")) + list(checkout.glob("sites/*.toml"))]
    for name, entry in entries:
        yield name, entry.read_text(encoding="utf-8")


_BUILTIN_CACHE: tuple[list[Rule], list[SitePack]] | None = None


def load_rules(paths: Iterable[str | Path] = (), *, defaults: bool = True,
               disable: Iterable[str] = ()) -> RuleSet:
    """Built-in packs (unless `defaults=False`), then each file or folder in `paths`
    (TOML packs; a `.txt` file is read as an ad-blocker filter list)."""
    global _BUILTIN_CACHE
    rules: list[Rule] = []
    sites: list[SitePack] = []
    if defaults:
        if _BUILTIN_CACHE is None:
            _BUILTIN_CACHE = _builtin()
        rules.extend(_BUILTIN_CACHE[0])
        sites.extend(_BUILTIN_CACHE[1])
    for path in paths:
        for file in _pack_files(Path(path)):
            found, site = read_pack(file)
            rules.extend(found)
            if site is not None:
                sites.append(site)
    return RuleSet(rules, sites).without(disable)
