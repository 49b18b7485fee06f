"""Invariants every result must satisfy, shared by the property tests of each input kind."""

from __future__ import annotations

import re
from typing import Any

from cleaner import Result
from cleaner.result import block_text
from cleaner.text import INVISIBLE

TOKEN = re.compile(r"\w+")


def tokens(text: str) -> set[str]:
    """Words, as cleaner sees them: invisible marks (soft hyphens, zero-width spaces) do not split words."""
    return {t.casefold() for t in TOKEN.findall(INVISIBLE.sub("", text))}


def manifest_strings(result: Result) -> list[str]:
    strings: list[str] = list(result.highlights)
    for image in result.images:
        strings += [image["caption"] or "", image["credit"] or "", image["alt"] or ""]
    # The language code and the extraction path are cleaner's own findings, not text of the document.
    strings += [str(v) for k, v in result.metadata.items() if k not in ("language", "extraction")
                for v in _flat(v)]
    if result.title:
        strings.append(result.title)
    return strings


def _flat(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    if isinstance(value, list):
        return [x for v in value for x in _flat(v)]
    return [value]


def assert_invents_nothing(source: str, result: Result) -> None:
    """Every word of the output (text and manifest) occurs in the input."""
    known = tokens(source)
    invented = (tokens(result.text) | tokens(" ".join(manifest_strings(result)))) - known
    assert not invented, f"invented words: {sorted(invented)[:10]}"


def assert_conserves(result: Result) -> None:
    """Every block ends up in exactly the place its verdict names: nothing silently vanishes."""
    paragraphs = result.text.split("\n\n") if result.text else []
    removed = [(r["rule"], r["text"]) for r in result.removed]
    captions = [i["caption"] for i in result.images]
    credits = [i["credit"] for i in result.images]
    metadata = [str(v) for v in _flat(result.metadata)]
    body = [block_text(b) for b in result.blocks if b.verdict == "body"]
    assert body == paragraphs
    for block in result.blocks:
        assert block.verdict == "body" or block.rule, f"no rule for {block}"
        if block.verdict == "removed":
            assert (block.rule, block.text) in removed
        elif block.verdict == "caption":
            assert block.groups.get("caption", block.text) in captions
        elif block.verdict == "credit":
            assert block.groups["credit"] in credits
        elif block.verdict == "highlight":
            assert block.text in result.highlights
        elif block.verdict in ("label", "metadata"):
            assert block.groups.get("value", block.text) in metadata
        elif block.verdict == "image":
            assert block.image in result.images


def assert_lines_covered(source: str, result: Result) -> None:
    """Every non-blank input line's words are in some block (the reader dropped nothing)."""
    seen = tokens(" ".join(b.text + " " + b.bullet for b in result.blocks))
    for line in source.splitlines():
        missing = tokens(line) - seen
        assert not missing, f"line {line!r} lost {sorted(missing)}"
