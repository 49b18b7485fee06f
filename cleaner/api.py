"""The library's front door: `clean()` runs sniff -> read -> rules -> captions -> Result."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .credits import attach_images
from .document import BODY, Document
from .engine import apply_rules
from .figures import captions_as_text
from .pruning import end_at_notice
from .errors import CleanerError
from .heuristics import DUMP, TIDY, TRIMMED, classify_blocks
from .language import detect_lines_language
from .limits import DEFAULT_LIMITS, LimitError, Limits, check
from .pagedump import join_pieces
from .result import Result, build_result
from .rulebook import load_rules
from .ruleset import RuleSet
from .sniff import decode, sniff_kind
from .text import find_title, read_text
from .vocabulary import using

KINDS = ("auto", "text", "html")
TEXT_PATHS = {
    TIDY: "no marks of a page dump: only the rules removed blocks",
    TRIMMED: "a few marks of a page dump: only what lies before the headline and after the article went",
    DUMP: "a whole-page dump: the article is the run of blocks that reads most like prose",
}
_DEFAULT_RULES: RuleSet | None = None


def default_rules() -> RuleSet:
    """The built-in rules, loaded once per process."""
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


def clean(data: str | bytes, *, kind: str = "auto", url: str | None = None,
          rules: RuleSet | None = None, source: str | None = None, max_bytes: int | None = None,
          max_nodes: int | None = None) -> Result:
    """Clean one article (raw text or HTML) into clean text plus a manifest.

    `data` may be `str` or `bytes` (decoded from its BOM, declared charset or by
    detection). `kind` forces "text" or "html"; "auto" sniffs. `source` names the
    document in errors and in `Result.source["path"]`. A document past `max_bytes`
    (UTF-8 bytes; default 64 MiB) or an HTML page of more than `max_nodes` elements
    (default 1,000,000; see `cleaner.limits`) is refused with a `LimitError`.
    Empty or blank input is an empty result. Raises `CleanerError` on failure.
    """
    if kind not in KINDS:
        raise CleanerError(f"unknown kind {kind!r}", source=source, hint="use auto, text or html")
    if not isinstance(data, (str, bytes, bytearray)):
        raise CleanerError(f"expected str or bytes, got {type(data).__name__}", source=source)
    raw = bytes(data) if isinstance(data, (bytes, bytearray)) else data.encode("utf-8", "surrogatepass")
    limits = Limits.of(max_bytes, max_nodes=max_nodes)
    check(len(raw), limits.max_bytes, "max_bytes", source=source)
    text = decode(raw, source=source or "<input>") if isinstance(data, (bytes, bytearray)) else data
    if kind == "auto":
        kind = sniff_kind(text)
    ruleset = rules if rules is not None else default_rules()
    with using(ruleset):  # the heuristics read their word lists from these rules
        try:
            doc = read_document(text, kind, url, ruleset, limits.max_nodes)
        except LimitError as exc:
            exc.source = exc.source or source
            raise
        apply_rules(doc, ruleset, late=False if kind == "text" else None)
        if kind == "html":
            end_at_notice(doc.blocks)
            captions_as_text(doc.blocks)
        if kind == "text":
            path = classify_blocks(doc)
            apply_rules(doc, ruleset, late=True)
            doc.extraction = {"path": path, "reason": TEXT_PATHS[path]}
            doc.title = doc.title or find_title(doc)
            join_pieces(doc)
    anchored = attach_images(doc, ruleset.by_id)
    if not doc.metadata.get("language"):
        language = detect_lines_language([b.text for b in doc.blocks if b.verdict == BODY])
        if language:
            doc.metadata["language"] = language
    info: dict[str, Any] = {"path": source, "url": url or doc.url, "kind": kind,
                            "sha256": hashlib.sha256(raw).hexdigest()}
    if doc.sites:
        info["site_packs"] = doc.sites
    return build_result(doc, anchored, info)


def read_document(text: str, kind: str, url: str | None, rules: RuleSet,
                  max_nodes: int = DEFAULT_LIMITS.max_nodes) -> Document:
    if kind == "html":
        from .html import read_html

        return read_html(text, url=url, rules=rules, max_nodes=max_nodes)
    matcher = rules.matcher("text", url)
    return read_text(text, url=url, stands_alone=lambda line: matcher.match(line) is not None)


def clean_file(path: str | Path, *, max_decompressed_bytes: int | None = None, **options: Any) -> Result:
    """Read and clean one file (gzip and MHTML unpacked); errors name the file."""
    from .sources import read_document

    data, url = read_document(path, Limits.of(options.get("max_bytes"), max_decompressed_bytes))
    options.setdefault("url", url)
    return clean(data, source=str(path), **options)

