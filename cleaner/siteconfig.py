"""Convert FiveFilters full-text-rss site configs into cleaner site packs.

A site config is a text file named after its site (`example.com.txt`, `.example.com.txt`)
holding `directive: value` lines: `body:` (XPath of the article), `title:`, `author:`,
`date:`, `strip:` (XPath of boxes to drop), `strip_id_or_class:` and `strip_image_src:`.
Those are what cleaner does too, so each becomes part of a site pack (`rules/sites/*.toml`):
`body` its `article`, the fields its fields, every strip line one XPath rule whose id is the
file and line (`example.com.txt:7`). Directives about fetching (`single_page_link`,
`next_page_link`, `http_header`, `test_url`) or about the reader's own switches (`prune`,
`tidy`, `autodetect_on_failure`, `find_string`) have no counterpart: they are counted, named
in the summary and kept as comments in the pack, never silently dropped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RuleError
from .filterlists import list_name
from .rulepack import check_xpath, FieldError

DIRECTIVE = re.compile(r"^(?P<name>[a-z_]+)(?:\((?P<arg>[^)]*)\))?\s*:\s*(?P<value>.*)$", re.IGNORECASE)
FIELDS = ("title", "author", "date")


@dataclass
class SiteConfig:
    """One config file, converted: the pack's text and what could not be carried over."""

    path: Path
    domain: str
    article: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    strips: list[tuple[int, str, str]] = field(default_factory=list)  # (line, XPath, original line)
    unsupported: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return len(self.article) + sum(map(len, self.fields.values())) + len(self.strips)

    def summary(self) -> str:
        text = f"{self.path.name}: kept {self.kept}, skipped {sum(self.unsupported.values())}"
        if self.unsupported:
            text += ": " + ", ".join(f"{name} ×{count}" for name, count in self.unsupported.most_common())
        return text

    def to_toml(self) -> str:
        out = [f"# Imported by `cleaner rules import-siteconfig` from {self.path.name}", f"# {self.summary()}"]
        out += [f"# not carried over: {note}" for note in self.notes]
        out += ["", "[pack]", f"name = {json.dumps(self.domain)}",
                f"description = {json.dumps('Site config for ' + self.domain + ' (FiveFilters format), converted')}",
                f"domains = [{json.dumps(self.domain)}]", 'kinds = ["html"]']
        if self.article:
            out.append(f"article = {json.dumps(self.article)}")
        for name in FIELDS:
            if self.fields.get(name):
                out.append(f"{name} = {json.dumps(self.fields[name])}")
        out.append("")
        prefix = list_name(self.path)
        for line, expression, original in self.strips:
            out += ["[[rules]]", f"id = {json.dumps(f'{prefix}:{line}')}", 'category = "site"', 'action = "drop"',
                    f"description = {json.dumps(original)}", f"xpath = {json.dumps(expression)}", ""]
        return "\n".join(out)


def domain_of(path: Path) -> str:
    """`example.com.txt` and `.example.com.txt` are both for example.com and its subdomains."""
    return path.name.removesuffix(".txt").lstrip(".").lower()


def _token_test(attribute: str, name: str) -> str:
    return f"contains(concat(' ', normalize-space(@{attribute}), ' '), {_literal(' ' + name + ' ')})"


def _literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def parse_site_config(text: str, path: Path) -> SiteConfig:
    """Read one config's text; a bad XPath is counted, with its line, not fatal."""
    config = SiteConfig(path=path, domain=domain_of(path))
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found = DIRECTIVE.match(line)
        if found is None:
            config.unsupported["unreadable line"] += 1
            config.notes.append(f"line {number}: {line[:120]}")
            continue
        name, value = found.group("name").lower(), found.group("value").strip()
        expression: str | None = None
        if name in ("body",) + FIELDS + ("strip",):
            expression = value
        elif name == "strip_id_or_class":
            word = value.strip("'\" ")
            expression = f"//*[{_token_test('class', word)} or {_token_test('id', word)}]" if word else None
        elif name == "strip_image_src":
            expression = f"//img[contains(@src, {_literal(value.strip())})]" if value.strip() else None
        else:
            config.unsupported[name] += 1
            config.notes.append(f"line {number}: {line[:120]}")
            continue
        if not expression:
            config.unsupported[f"empty {name}"] += 1
            continue
        try:
            check_xpath(expression)
        except FieldError:
            config.unsupported[f"invalid XPath in {name}"] += 1
            config.notes.append(f"line {number}: {line[:120]}")
            continue
        if name == "body":
            config.article.append(expression)
        elif name in FIELDS:
            config.fields.setdefault(name, []).append(expression)
        else:
            config.strips.append((number, expression, line[:200]))
    return config


def config_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.txt") if p.is_file() and not p.name.startswith("_"))
    if path.is_file():
        return [path]
    raise RuleError("no such site config file or folder", source=str(path), hint="name a .txt config or a folder of them")


def read_site_config(path: Path) -> SiteConfig:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise RuleError(f"cannot read site config: {exc.strerror}", source=str(path)) from None
    return parse_site_config(text, path)
