"""Parse and validate one TOML rule pack, so the engine only ever sees good rules.

A pack is one TOML file: a `[pack]` table and `[[rules]]`. Every problem is reported
at load time as a `RuleError` naming the file, the line (where TOML lets us find it),
the rule id and what is wrong, never later while cleaning.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .blockmatch import fold
from .errors import RuleError
from .filterlists import network_pattern
from .regexengine import RegexError, check_words_syntax, compile_rule_regex, compile_words_regex
from .ruleset import DATES, DEFAULT_MAX_CHARS, KINDS, NETWORK_TAGS, Rule, SitePack
from .selectindex import NOT_XML, evaluable, simple_part, split_selector

ACTIONS = frozenset({"drop", "drop-section", "caption", "credit", "highlights", "keep", "metadata", "vocabulary"})
ANCHORS = frozenset({"search", "full", "start"})
METADATA_FIELDS = frozenset({"author", "published", "modified", "site_name", "title", "description", "dates"})
PACK_KEYS = frozenset({"name", "description", "domains", "kinds", "article", "title", "author", "date", "examples"})
SITE_FIELDS = ("title", "author", "date")  # what a site pack may read from the page itself
RULE_KEYS = frozenset({
    "id", "category", "action", "description", "lines", "regex", "selector", "max_chars",
    "case_sensitive", "field", "caption", "kinds", "examples", "section", "contains",
    "xpath", "domains", "not_domains", "network", "tags", "words", "template", "anchor", "extends",
})
# Imported filters are named after their list and line ("easylist.txt:1234"), hence the colon.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.:-]*\Z")


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
    if not evaluable(expression):
        raise FieldError(f"bad XPath {expression!r}: lxml cannot evaluate it (an undefined namespace prefix?)",
                         "xpath")


def is_xpath(expression: str) -> bool:
    """Site packs take CSS or XPath in one field: XPath starts with `/`, `./` or `(`."""
    return expression.lstrip().startswith(("/", "./", "("))


def _check_vocabulary(template: str, words: tuple[str, ...], flags: int, anchor: str) -> None:
    """Each word in the template must be a regex of its own (a word that leaves its group would
    change the others' meaning once joined) and the joined list must compile on RE2. The words
    are parsed one by one and compiled on RE2 together: only when that fails is each compiled
    alone, to name the word RE2 refuses (a compile costs ten parses, and the built-in packs'
    vocabularies hold hundreds of words, checked at every start)."""
    try:
        check_words_syntax(template.replace("{words}", "(?:)"), flags)
    except RegexError as exc:
        raise FieldError(f"bad template: {exc}", "template") from None
    for word in words:
        try:
            check_words_syntax(template.replace("{words}", f"(?:{word})"), flags)
        except RegexError as exc:
            raise FieldError(f"bad word {word!r}: {exc}", "words") from None
    try:
        compile_words_regex(template.replace("{words}", "|".join(f"(?:{word})" for word in words)), flags, anchor)
    except RegexError as joined:
        try:
            compile_words_regex(template.replace("{words}", "(?:)"), flags, anchor)
        except RegexError as exc:
            raise FieldError(f"bad template: {exc}", "template") from None
        for word in words:
            try:
                compile_words_regex(template.replace("{words}", f"(?:{word})"), flags, anchor)
            except RegexError as exc:
                raise FieldError(f"bad word {word!r}: {exc}", "words") from None
        raise FieldError(f"bad words: each compiles alone, the joined list does not: {joined}", "words") from None


def _check_selector(selector: str) -> None:
    from cssselect import GenericTranslator, SelectorError

    if NOT_XML.search(selector):
        raise FieldError(f"bad CSS selector {selector!r}: it holds a control character", "selector")
    if all(simple_part(0, part) for part in split_selector(selector)):
        return  # `.ad`, `div[id^=x]`: what the index matches itself (and most of an imported list)

    try:
        path = GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise FieldError(f"bad CSS selector {selector!r}: {exc}", "selector") from None
    except RuntimeError:  # cssselect's parser on `:is(-a` (see selectindex.CSS_ERRORS)
        raise FieldError(f"bad CSS selector {selector!r}: cssselect cannot parse it", "selector") from None
    if not evaluable(path):
        raise FieldError(f"bad CSS selector {selector!r}: lxml cannot evaluate it (a namespace prefix?)", "selector")


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
