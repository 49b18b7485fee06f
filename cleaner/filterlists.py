"""Read ad-blocker filter lists (Adblock Plus / uBlock Origin syntax) into cleaner's element rules.

The world keeps its boilerplate knowledge in such lists: EasyList and its cookie and
annoyance siblings hold tens of thousands of `##selector` lines. Each line cleaner can act on
becomes one rule whose id is the list's name and the line's number (`easylist.txt:1234`), so
an audit entry leads back to its line:

- `##sel`, `a.com,b.org##sel`, `~a.com##sel`: selector rules (scoped with `domains`/`not_domains`);
- `#@#sel`, `a.com#@#sel`: keep rules, which spare what they match from every selector rule;
- `#?#` / procedural operators (`:has()`, `:has-text()`, `:upward()`, `:xpath()`, `:remove()`)
  become XPath rules when XPath can say the same; generic procedural filters are skipped, as
  uBlock Origin itself discards them;
- network filters (`||ads.example^`, with `$script`, `$image`, `$subdocument`, `$third-party`,
  `$domain=`) drop the `<img>`, `<iframe>` and `<script>` elements whose `src` they match
  (and the small ad slot around an iframe or script).

Everything else (scriptlets, style injection, HTML filters, other request types, regex
filters) is skipped and counted by kind: `Import.summary()` says what was kept and what not.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from .errors import RuleError
from .ruleset import Rule, compact_rule, host_of
from .selectindex import CSS_ERRORS, NOT_XML, evaluable, simple_part, split_selector

COSMETIC = re.compile(r"^(?P<domains>[^#$/\s\"'|^]*)(?P<sep>#@?#|#@?\?#|#@?\$\??#|#@?%#|\$@?\$)(?P<body>.*)$")
PROCEDURAL = ("has-text", "-abp-contains", "contains", "has", "-abp-has", "upward", "nth-ancestor", "xpath", "remove",
              "matches-css", "matches-css-before", "matches-css-after", "min-text-length", "watch-attr",
              "matches-path", "matches-media", "matches-attr", "matches-prop", "others", "shadow", "if", "if-not",
              "-abp-properties", "style", "remove-attr", "remove-class")
OPERATOR = re.compile(r":(" + "|".join(re.escape(name) for name in sorted(PROCEDURAL, key=len, reverse=True)) + r")\(")
TYPE_TAGS = {"script": "script", "image": "img", "subdocument": "iframe", "frame": "iframe"}
OTHER_TYPES = frozenset({"stylesheet", "xmlhttprequest", "xhr", "popup", "font", "media", "object", "ping",
                         "websocket", "other", "document", "doc", "elemhide", "ehide", "generichide", "ghide",
                         "specifichide", "shide", "webrtc", "popunder", "beacon", "css", "object-subrequest",
                         "inline-script", "inline-font", "genericblock", "all"})
IGNORED_OPTIONS = frozenset({"important", "match-case", "~match-case", "badfilter"})
SLOT_MAX_CHARS = 100  # text an ad slot around a matched iframe or script may hold ("Advertisement")


@dataclass(frozen=True)
class NetworkPattern:
    """An ABP network filter's address pattern, as a regex, with the host it is anchored to."""

    source: str  # the regex, compiled on first use: most filters never meet an address they could match
    host: str | None  # `||host^...`: the host (and its subdomains) a match must come from
    third_party: bool | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.source)

    def matches(self, src: str, host: str, page_host: str) -> bool:
        if self.third_party is not None and page_host and host:
            if _site_of(host) != _site_of(page_host) and not self.third_party:
                return False
            if _site_of(host) == _site_of(page_host) and self.third_party:
                return False
        return self.regex.match(src) is not None


def _site_of(host: str) -> str:
    return ".".join(host.split(".")[-2:])


SEPARATOR = r"(?:[^\w.%-]|$)"  # ABP's `^`: a character that is not a letter, digit or `_-.%`, or the end


@lru_cache(maxsize=65536)
def network_pattern(text: str) -> NetworkPattern:
    """Compile `||ads.example^`, `|https://x/`, `/banner/*.gif` and the like (options: only
    `$third-party` / `$first-party` are read here; the importer moves the rest to the rule).

    The regex is anchored at the address's start and matches in time linear in the address
    for each `*`: the text between two stars is a fixed-length piece, and its leftmost place
    after the piece before is always a right one, so each piece is found lazily inside an atomic
    group, `(?>.*?piece)`, never tried again. (A plain `.*` per star backtracks over every way
    to place the pieces: minutes for a line of dozens of stars on an address it misses.) Only an
    end-anchored last piece (`swf|`) is found greedily, `.*piece$`: nothing after it is retried.
    The same in RE2 took some 50 KB of memory per filter; Python's `re` takes a few hundred bytes."""
    pattern, _, options = text.rpartition("$") if "$" in text else (text, "", "")
    third: bool | None = None
    for option in filter(None, options.split(",")):
        if option in ("third-party", "3p", "~first-party", "~1p"):
            third = True
        elif option in ("~third-party", "~3p", "first-party", "1p"):
            third = False
        else:
            raise ValueError(f"unsupported network option ${option} (only $third-party and $first-party)")
    if not pattern or pattern in ("*", "||", "|"):
        raise ValueError("a network filter needs an address pattern")
    if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        raise ValueError("regular-expression network filters are not supported")
    host = None
    start = "^"
    rest = pattern
    if rest.startswith("||"):
        rest = rest[2:]
        found = re.match(r"[\w.-]+", rest)
        host = found.group(0).lower().strip(".") if found else None
        if host and len(rest) > len(host) and rest[len(host)] not in "^/:":
            host = None  # `||ads*` or `||ad.example.co` that runs on: no host to index by
        start = r"^[a-z][\w+.-]*://(?:[^/?#]*\.)?"
    elif rest.startswith("|"):
        rest = rest[1:]
        start = "^"
    else:
        rest = "*" + rest  # anywhere in the address: a star before the first piece
    end = ""
    if rest.endswith("|"):
        rest, end = rest[:-1], "$"
    pieces = re.sub(r"\*+", "*", rest).split("*")
    out = [_piece(pieces[0])]
    for index, piece in enumerate(pieces[1:], start=2):
        out.append(f".*{_piece(piece)}" if end and index == len(pieces) else f"(?>.*?{_piece(piece)})")
    return NetworkPattern(start + "".join(out) + end, host, third)


def _piece(text: str) -> str:
    return "".join(SEPARATOR if char == "^" else re.escape(char) for char in text)


@lru_cache(maxsize=65536)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def source_host(src: str) -> str:
    return host_of(src if "//" in src else "")


@dataclass
class Import:
    """What reading a list gave: the rules, and every line not turned into one, counted by reason."""

    name: str
    rules: list[Rule] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    ignored: Counter[str] = field(default_factory=Counter)  # comments, headers, blank lines
    translated: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        text = f"{self.name}: kept {len(self.rules)}, skipped {sum(self.skipped.values())}"
        if self.skipped:
            text += ": " + ", ".join(f"{reason} ×{count}" for reason, count in self.skipped.most_common())
        if self.translated:
            text += "; translated " + ", ".join(f"{what} ×{count}" for what, count in self.translated.most_common())
        if self.ignored:
            text += "; ignored " + ", ".join(f"{what} ×{count}" for what, count in self.ignored.most_common())
        return text


def list_name(path: str | Path) -> str:
    """The name imported rule ids start with: the file name, in the characters ids allow."""
    name = re.sub(r"[^a-z0-9_.-]+", "-", Path(path).name.lower()).strip("-.")
    return name if name and name[0].isalnum() else f"list-{name}"


def parse_filter_list(text: str, source: str) -> Import:
    """Translate a filter list's text; `source` is its path, for rule ids and messages."""
    result = Import(list_name(source))
    # Lines as editors number them: only \n ends a line (a \r before it is stripped with the rest);
    # str.splitlines would also break at \v, \f and \u2028, and every later id would be off.
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            result.ignored["header"] += 1
            continue
        if line.startswith("!") or (line.startswith("#") and not line.startswith(("##", "#@#", "#?#", "#@?#", "#$#"))):
            result.ignored["comment"] += 1
            continue
        rule_id, origin = f"{result.name}:{number}", f"{source}:{number}"
        try:
            rule = _translate(line, rule_id, origin, result.translated)
        except _Skip as skip:
            result.skipped[skip.reason] += 1
            continue
        result.rules.append(rule)
    return result


class _Skip(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _translate(line: str, rule_id: str, origin: str, translated: Counter[str]) -> Rule:
    found = COSMETIC.match(line)
    if found is None:
        return _network(line, rule_id, origin)
    sep, body = found.group("sep"), found.group("body").strip()
    domains, not_domains = _domains(found.group("domains"))
    exception = "@" in sep
    if sep.startswith("$"):
        raise _Skip("HTML filter ($$)")
    if sep.strip("#@") in ("$", "$?"):
        raise _Skip("CSS injection or snippet (#$#)")
    if sep.strip("#@") == "%":
        raise _Skip("script injection (#%#)")
    if body.startswith("+js("):
        raise _Skip("scriptlet (##+js)")
    if body.startswith("^"):
        raise _Skip("HTML filter (##^)")
    if not body:
        raise _Skip("empty selector")
    common: dict[str, object] = dict(id=rule_id, category="filter-list", action="keep" if exception else "drop",
                                     origin=origin, description=line[:200], kinds=HTML_ONLY)
    if domains:
        common["domains"] = domains
    if not_domains:
        common["not_domains"] = not_domains
    procedural = "?" in sep or OPERATOR.search(body) is not None
    if not procedural:
        if not _plain_css(body):
            raise _Skip("unsupported CSS selector")
        return compact_rule(selector=body, **common)
    if not domains and not exception:
        raise _Skip("generic procedural filter")
    expression, used = procedural_xpath(body)
    for name in used:
        translated[f":{name}()"] += 1
    if expression is None:  # only a trailing :remove(): the selector before it, if plain
        selector = body.removesuffix(":remove()").strip()
        if not selector:
            raise _Skip("empty selector")  # `a.com##:remove()`: nothing to remove
        if not _plain_css(selector):
            raise _Skip("unsupported CSS selector")
        return compact_rule(selector=selector, **common)
    return compact_rule(xpath=expression, **common)


HTML_ONLY = frozenset({"html"})
COMMENT_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
DOMAIN = re.compile(r"~?[a-z0-9.-]+")


def _domains(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not text:
        return (), ()
    names = [d.strip().lower() for d in text.split(",") if d.strip()]
    if any("*" in d or d.endswith(".") for d in names):
        raise _Skip("entity domain (example.*)")
    if any(not DOMAIN.fullmatch(d) for d in names):
        raise _Skip("unsupported domain")
    return tuple(d for d in names if not d.startswith("~")), tuple(d[1:] for d in names if d.startswith("~"))


@lru_cache(maxsize=1)
def _translator() -> Any:
    from cssselect import GenericTranslator

    return GenericTranslator()


def _plain_css(selector: str) -> bool:
    """A selector cssselect translates faithfully (it gets `:is()` and `:where()` wrong)."""
    if NOT_XML.search(selector):
        return False  # lxml's XPath refuses control characters: the pack would not load
    if all(simple_part(0, part) for part in split_selector(selector)):
        return True  # what the rule loader accepts unparsed, split as it splits (`rulepack._check_selector`)
    if re.search(r":(?:is|where|matches|any|-webkit-any)\(", selector, re.IGNORECASE):
        return False  # pseudo-class names are case-insensitive: `:matChes(` too
    try:
        path = _translator().css_to_xpath(selector)
    except CSS_ERRORS:
        return False
    return evaluable(path)  # `ns|div` translates, then fails on every page


def procedural_xpath(selector: str) -> tuple[str | None, list[str]]:
    """An XPath for a procedural filter (None when a trailing `:remove()` was all there was) and
    the operators it used; raises `_Skip` naming the first operator XPath cannot express."""
    used: list[str] = []
    matches = list(_top_level_operators(selector))
    if [name for name, _, _ in matches] == ["remove"] and selector.endswith(":remove()"):
        return None, ["remove"]
    base = selector[:matches[0][1]] if matches else selector
    if "," in base:
        raise _Skip("procedural filter on a selector list")
    path = _css_xpath(base or "*", "descendant-or-self::")
    position = matches[0][1] if matches else len(selector)
    for name, start, end in matches:
        if start != position:
            raise _Skip("CSS after a procedural operator")
        argument = selector[start + len(name) + 2:end]
        used.append(name)
        if name in ("has-text", "-abp-contains", "contains"):
            if len(argument) > 1 and argument.startswith("/") and argument.rstrip("i").endswith("/"):
                raise _Skip(f":{name}() with a regular expression")
            path += f"[contains(string(.), {_literal(argument)})]"
        elif name in ("has", "-abp-has"):
            inner = argument.strip()
            if inner.startswith(("+", "~")) or OPERATOR.search(inner):
                raise _Skip(f":{name}() with a sibling or procedural argument")
            axis = "child::" if inner.startswith(">") else "descendant::"
            path += f"[{_css_xpath(inner.lstrip('> ') or '*', axis)}]"
        elif name in ("upward", "nth-ancestor"):
            if argument.strip().isdigit():
                path = f"({path})/ancestor::*[{int(argument)}]"
            else:
                if re.search(r"[\s>+~,]", argument.strip()):
                    raise _Skip(f":{name}() with a complex selector")
                path = f"({path})/{_css_xpath(argument.strip(), 'ancestor::')}[1]"
        elif name == "xpath":
            path = argument if not base else f"({path})/{argument.lstrip('/')}"
        elif name == "remove":
            if end != len(selector) - 1:
                raise _Skip("CSS after a procedural operator")
        else:
            raise _Skip(f":{name}()")
        position = end + 1
    if position != len(selector):
        raise _Skip("CSS after a procedural operator")
    if not evaluable(path):  # compiles and runs on a page, as the rule loader checks (`ns:div` does neither)
        raise _Skip("procedural filter XPath cannot express")
    return path, used


def _top_level_operators(selector: str) -> list[tuple[str, int, int]]:
    """(name, start, index of its closing parenthesis) of each procedural operator not nested in another."""
    found = []
    position = 0
    while True:
        hit = OPERATOR.search(selector, position)
        if hit is None:
            return found
        depth, index = 0, hit.end() - 1
        quote = ""
        for index in range(hit.end() - 1, len(selector)):
            char = selector[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and hit.group(1) not in ("has-text", "-abp-contains", "contains"):
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
        else:
            raise _Skip("unbalanced parentheses")
        found.append((hit.group(1), hit.start(), index))
        position = index + 1


def _css_xpath(selector: str, prefix: str) -> str:
    if not _plain_css(selector):
        raise _Skip("unsupported CSS selector")
    try:
        return _translator().css_to_xpath(selector, prefix=prefix)
    except CSS_ERRORS:
        raise _Skip("unsupported CSS selector") from None


def _literal(text: str) -> str:
    """An XPath 1.0 string literal for any text (XPath has no escapes: quotes are concatenated)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def _network(line: str, rule_id: str, origin: str) -> Rule:
    if line.startswith("@@"):
        raise _Skip("network exception (@@)")
    if len(line) > 2 and line.startswith("/") and line.endswith("/"):
        raise _Skip("regex network filter")
    pattern, _, options = line.rpartition("$") if "$" in line else (line, "", "")
    tags: set[str] = set()
    not_tags: set[str] = set()
    keep: list[str] = []
    domains: tuple[str, ...] = ()
    not_domains: tuple[str, ...] = ()
    other_type = False
    for option in filter(None, options.split(",")):
        name = option.lstrip("~")
        if name in TYPE_TAGS:
            (not_tags if option.startswith("~") else tags).add(TYPE_TAGS[name])
        elif name in OTHER_TYPES:
            other_type = other_type or not option.startswith("~")
        elif name in ("third-party", "3p", "first-party", "1p"):
            keep.append(option)
        elif option.startswith(("domain=", "from=")):
            names = option.split("=", 1)[1].replace("|", ",")
            domains, not_domains = _domains(names)
        elif option in IGNORED_OPTIONS:
            continue
        else:
            raise _Skip(f"network option ${name.split('=')[0]}")
    if other_type and not tags:
        raise _Skip("network filter for other request types")
    chosen = (tags or {"img", "iframe", "script"}) - not_tags
    if not chosen:
        raise _Skip("network filter for other request types")
    text = pattern + ("$" + ",".join(keep) if keep else "")
    try:
        network_pattern(text)
    except ValueError:
        raise _Skip("unsupported network filter") from None
    extra: dict[str, object] = {"domains": domains} if domains else {}
    if not_domains:
        extra["not_domains"] = not_domains
    return compact_rule(id=rule_id, category="ad", action="drop", origin=origin, description=line[:200], network=text,
                        tags=frozenset(chosen), kinds=HTML_ONLY, **extra)


def read_filter_list(path: Path) -> Import:
    """Read and translate one list file; errors name the file."""
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError as exc:
        raise RuleError(f"cannot read filter list: {exc.strerror}", source=str(path), hint="check the path") from None
    return parse_filter_list(text, str(path))


def to_toml(result: Import, source: str) -> str:
    """A rule pack holding the imported rules, one `[[rules]]` per kept line, ids unchanged."""
    out = ["# Imported by `cleaner rules import-filters` from " + _comment(source),
           "# " + _comment(result.summary()), "", "[pack]", f"name = {_toml(result.name)}",
           f"description = {_toml('Cosmetic and network filters imported from ' + Path(source).name)}",
           'kinds = ["html"]', ""]
    for rule in result.rules:
        out += ["[[rules]]", f"id = {_toml(rule.id)}", f"category = {_toml(rule.category)}",
                f"action = {_toml(rule.action)}", f"description = {_toml(rule.description)}"]
        for name in ("selector", "xpath", "network"):
            value = getattr(rule, name)
            if value:
                out.append(f"{name} = {_toml(value)}")
        if rule.network and rule.tags != frozenset({"img", "iframe", "script"}):
            out.append(f"tags = {_toml(sorted(rule.tags))}")
        for name in ("domains", "not_domains"):
            if getattr(rule, name):
                out.append(f"{name} = {_toml(list(getattr(rule, name)))}")
        out.append("")
    return "\n".join(out)


def _toml(value: object) -> str:
    """A TOML string or array of strings: JSON's escapes, but not `ensure_ascii`'s surrogate
    pairs for characters past U+FFFF (TOML refuses those), and DEL escaped (JSON leaves it)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _comment(text: str) -> str:
    """Text for a `#` comment line: the control characters TOML refuses there as escapes."""
    return COMMENT_CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def slot_of(el: etree._Element, body: etree._Element) -> etree._Element:
    """The ad slot a matched iframe or script fills: its parents while they hold almost no text
    of their own ("Advertisement"), else the element alone."""
    from .htmlparse import tag_of, text_of

    if tag_of(el) == "img":
        parent = el.getparent()
        if parent is not None and tag_of(parent) == "a" and not text_of(parent):
            return parent
        return el
    slot = el
    parent = el.getparent()
    while parent is not None and parent is not body and tag_of(parent) not in ("html", "body", "main", "article") \
            and len(text_of(parent)) <= SLOT_MAX_CHARS:
        slot, parent = parent, parent.getparent()
    return slot


def page_src(src: str, url: str | None) -> str:
    """A `src` as an absolute address (protocol-relative and relative ones resolved)."""
    if src.startswith("//"):
        return ("https:" if not url else url.split("//", 1)[0]) + src
    return urljoin(url, src) if url and "//" not in src else src


__all__ = ["Import", "network_pattern", "parse_filter_list", "read_filter_list", "to_toml"]
