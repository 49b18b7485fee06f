"""Fuzz targets: each takes arbitrary bytes and must either succeed or raise a `CleanerError`.

Anything else (an `IndexError`, a `RecursionError`, a hang) is a bug. The same functions
run under atheris (`fuzz/run.py TARGET`) and as a plain replay of the corpus
(`fuzz/run.py TARGET --replay`, and `tests/test_fuzz_corpus.py` in CI).
"""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path
from typing import Callable

import cleaner
from cleaner.blockmatch import fold
from cleaner.errors import CleanerError
from cleaner.filterlists import parse_filter_list, to_toml
from cleaner.records import clean_records
from cleaner.rulepack import parse_pack, parse_pack_and_site
from cleaner.ruleset import RuleSet
from cleaner.sources import gunzip, iter_warc, jsonl_lines, read_mhtml
from cleaner.writers import FORMATS, render


def clean_bytes(data: bytes) -> None:
    """`clean()` on bytes, then every output format: the first byte picks the kind (auto, text, html)."""
    kind = ("auto", "text", "html")[data[0] % 3] if data else "auto"
    try:
        result = cleaner.clean(data[1:], kind=kind)
    except CleanerError:
        return
    for fmt in FORMATS:  # every writer must take any result
        render(result, fmt)


def rules_toml(data: bytes) -> None:
    """The rule loader on arbitrary TOML; a loaded pack's rules are then run on their own examples."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        rules = parse_pack(text, "fuzz.toml")
    except CleanerError:
        return
    for rule in rules:
        for example in rule.examples_match + rule.examples_no_match:
            folded = fold(example)
            rule.match(example, folded)


def warc(data: bytes) -> None:
    """The WARC/ARC reader and `clean_records` on whatever it yields."""
    records = list(iter_warc(io.BytesIO(data), name="fuzz.warc", skipped=Counter()))
    for out in clean_records(records):
        if out["result"] is None and not out["error"]:
            raise AssertionError("a record without result has no error")


def mhtml(data: bytes) -> None:
    """The MHTML reader, then `clean()` on the page it finds."""
    try:
        page, _url = read_mhtml(data, "fuzz.mhtml")
        cleaner.clean(page)
    except CleanerError:
        return


def jsonl(data: bytes) -> None:
    """JSONL lines through `clean_records`, as the batch layer reads them."""
    mappings = []
    for number, line in jsonl_lines(io.BytesIO(data)):
        if not isinstance(line, bytes):  # a line past max_bytes: an error record in a batch
            continue
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            mappings.append(value)
    for out in clean_records(mappings):
        if out["result"] is None and not out["error"]:
            raise AssertionError("a record without result has no error")


def gzip_member(data: bytes) -> None:
    """The bounded gunzip used for `.gz` documents."""
    try:
        gunzip(data, "fuzz.gz")
    except CleanerError:
        return


PAGE = (Path(__file__).resolve().parent.parent / "fixtures" / "filters" / "page.html").read_text(encoding="utf-8")


def filter_list(data: bytes) -> None:
    """The filter-list importer on arbitrary text (decoded as `read_filter_list` does): the pack it
    writes must load back (`cleaner rules import-filters` promises that), and its rules, alone, clean a page."""
    imported = parse_filter_list(data.decode("utf-8", "replace"), "fuzz.txt")
    rules, _site = parse_pack_and_site(to_toml(imported, "fuzz.txt"), "fuzz.toml")  # a RuleError here is a bug
    try:
        cleaner.clean(PAGE, kind="html", url="https://example.com/news/1", rules=RuleSet(rules))
    except CleanerError:
        return


TARGETS: dict[str, Callable[[bytes], None]] = {
    "clean": clean_bytes, "rules": rules_toml, "warc": warc, "mhtml": mhtml, "jsonl": jsonl, "gzip": gzip_member,
    "filterlists": filter_list,
}
