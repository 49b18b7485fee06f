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
from typing import Any, Iterable, Iterator

from .regexengine import RegexError, RuleRegex, compile_rule_regex
from .regexscan import ODD_CASE, first_chars, needed_words
from .errors import RuleError

ACTIONS = frozenset({"drop", "drop-section", "caption", "credit", "highlights", "keep", "metadata"})
KINDS = frozenset({"text", "html"})
METADATA_FIELDS = frozenset({"author", "published", "modified", "site_name", "title", "description"})
PACK_KEYS = frozenset({"name", "description", "domains", "kinds"})
RULE_KEYS = frozenset({
    "id", "category", "action", "description", "lines", "regex", "selector", "max_chars",
    "case_sensitive", "field", "caption", "kinds", "examples", "section", "contains",
})
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
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
                return {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
        return None

    def applies_to(self, kind: str, url: str | None) -> bool:
        if kind not in self.kinds:
            return False
        if not self.domains:
            return True
        host = _host(url)
        return bool(host) and any(host == d or host.endswith("." + d) for d in self.domains)


def _host(url: str | None) -> str:
    if not url or "//" not in url:
        return ""
    return url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()


@dataclass
class RuleSet:
    """The rules in force, in order. Keep rules are consulted first, then file order."""

    rules: list[Rule] = field(default_factory=list)
    _matchers: dict[tuple[str, str], "Matcher"] = field(default_factory=dict, init=False, repr=False,
                                                        compare=False)
    _by_id: dict[str, Rule] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ids: dict[str, str] = {}
        for rule in self.rules:
            if rule.id in ids:
                raise RuleError(f"duplicate rule id {rule.id!r} (first defined at {ids[rule.id]})",
                                source=rule.origin, hint="give every rule its own id")
            ids[rule.id] = rule.origin

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
        unknown = disabled - set(self.ids())
        if unknown:
            raise RuleError(f"cannot disable unknown rule id(s): {', '.join(sorted(unknown))}",
                            hint="see `cleaner rules list` for the ids in force")
        return RuleSet([r for r in self.rules if r.id not in disabled])

    def for_document(self, kind: str, url: str | None) -> list[Rule]:
        """Block rules that apply to this document, keep rules first."""
        usable = [r for r in self.rules if (r.lines or r.regexes) and r.applies_to(kind, url)]
        return [r for r in usable if r.action == "keep"] + [r for r in usable if r.action != "keep"]

    def matcher(self, kind: str, url: str | None) -> "Matcher":
        """A Matcher for this document's rules, built once per kind and site."""
        key = (kind, _host(url) if any(r.domains for r in self.rules) else "")
        if key not in self._matchers:
            self._matchers[key] = Matcher(self.for_document(kind, url))
        return self._matchers[key]


    def selectors(self, url: str | None) -> list[Rule]:
        return [r for r in self.rules if r.selector and r.applies_to("html", url)]


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

    def match(self, text: str) -> tuple[Rule, dict[str, str]] | None:
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
                        return rule, {k: v.strip() for k, v in found.groupdict().items() if v and v.strip()}
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
        raise ValueError("id must be lower case letters, digits, '.', '_' or '-'")
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
    if not (lines or regexes or selector):
        raise ValueError("a rule needs at least one of 'lines', 'regex' or 'selector'")
    if action == "credit" and regexes and not any("credit" in p.groupindex for p in regexes):
        raise FieldError("a credit rule's regex needs a named group (?P<credit>...)", "regex")
    field_name = raw.get("field")
    if action == "metadata":
        if field_name not in METADATA_FIELDS:
            raise FieldError(f"metadata rules need field = one of {', '.join(sorted(METADATA_FIELDS))}", "field")
        if not any("value" in p.groupindex for p in regexes):
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
        kinds=kinds, domains=tuple(d.lower() for d in _str_list(pack.get("domains", []), "domains")),
        examples_match=_str_list(examples.get("match", []), "examples.match"),
        examples_no_match=_str_list(examples.get("no_match", []), "examples.no_match"),
    )


def _check_selector(selector: str) -> None:
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise FieldError(f"bad CSS selector {selector!r}: {exc}", "selector") from None


def parse_pack(source: str, name: str) -> list[Rule]:
    """Compile one pack's TOML text; `name` is used in messages."""
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
                        hint="a pack holds [pack] (name, description, domains, kinds) and [[rules]]")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RuleError("'rules' must be an array of tables ([[rules]])", source=name)
    rules = []
    for index, raw in enumerate(raw_rules):
        rule_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
        line = _line_of(source, rule_id, index)
        origin = f"{name}:{line}" if line else name
        try:
            rules.append(_compile_rule(raw, pack, origin))
        except ValueError as exc:
            label = f"rule {rule_id!r}" if rule_id else f"rule #{index + 1}"
            where = _line_of(source, rule_id, index, getattr(exc, "field_name", None))
            raise RuleError(f"{label}: {exc}", source=f"{name}:{where}" if where else name,
                            hint="see README, 'Writing rules'") from None
    return rules


def _pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    raise RuleError("no such rule file or folder", source=str(path), hint="check the --rules path")


def read_pack_file(path: Path) -> list[Rule]:
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror}", source=str(path)) from None
    return parse_pack(source, str(path))


def builtin_rules() -> list[Rule]:
    """The packs shipped in the wheel (package `cleaner.rules`), or `rules/` in a checkout."""
    rules: list[Rule] = []
    for name, source in sorted(_builtin_sources()):
        rules.extend(parse_pack(source, f"rules/{name}"))
    return rules


def _builtin_sources() -> Iterator[tuple[str, str]]:
    checkout = Path(__file__).resolve().parent.parent / "rules"
    try:
        root: Any = resources.files("cleaner.rules")
        entries = [e for e in root.iterdir() if e.name.endswith(".toml")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        entries = []
    if not entries and checkout.is_dir():
        entries = list(checkout.glob("*.toml"))
    for entry in entries:
        yield entry.name, entry.read_text(encoding="utf-8")


_BUILTIN_CACHE: list[Rule] | None = None


def load_rules(paths: Iterable[str | Path] = (), *, defaults: bool = True,
               disable: Iterable[str] = ()) -> RuleSet:
    """Built-in packs (unless `defaults=False`), then each file or folder in `paths`."""
    global _BUILTIN_CACHE
    rules: list[Rule] = []
    if defaults:
        if _BUILTIN_CACHE is None:
            _BUILTIN_CACHE = builtin_rules()
        rules.extend(_BUILTIN_CACHE)
    for path in paths:
        for file in _pack_files(Path(path)):
            rules.extend(read_pack_file(file))
    return RuleSet(rules).without(disable)
