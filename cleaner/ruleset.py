"""The rules in force: `Rule` (one compiled rule), `SitePack` (a site's article box and fields)
and `RuleSet`, which hands each stage the rules for its document, built once per kind and site.

Everything here is already checked: packs are parsed and validated by `cleaner.rulepack`, filter
lists translated by `cleaner.filterlists`, and both loaded by `cleaner.rulebook`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .blockmatch import Matcher
from .errors import RuleError
from .regexengine import RuleRegex, compile_words_regex

KINDS = frozenset({"text", "html"})
DATES = "dates"  # a metadata field read by the code: the line's published and modified dates, ISO
NETWORK_TAGS = frozenset({"img", "iframe", "script"})
DEFAULT_MAX_CHARS = 300


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
        host = host_of(url)
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
        host = host_of(url)
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
        key = (kind, host_of(url) if self._text_scoped else "", late)
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
        host = host_of(url)
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
                joined = "|".join(f"(?:{word})" for rule in parts for word in rule.words)  # as the load checked them
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
