"""The review report's data: which documents, what each rule did to them, and what a pack would change.

`cleaner review` is for people: an archivist checking that nothing of an article
was lost, a rule author judging a pack on a sample. This module gathers what the
page shows (documents come through `cleaner.batch`'s own walk over folders, JSONL
and WARC files, so the report sees exactly the documents `cleaner clean` would);
`cleaner.review_html` turns it into one self-contained HTML file.
"""

from __future__ import annotations

import difflib
import io
import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .api import clean
from .batch import Batch, Config, Options
from .document import BODY, REMOVED, Block
from .errors import CleanerError
from .limits import DEFAULT_LIMITS, Limits
from .progress import Progress
from .records import clean_record, describe
from .result import Result, block_text
from .rulebook import pack_files, read_pack_file
from .ruleset import Rule, RuleSet
from .sources import read_document


@dataclass
class Change:
    """One block that a pack decides differently: what it was and what it becomes."""

    text: str
    where: str
    before: str | None  # "removed by ads.marker", "body", ... or None when the block is new
    after: str | None   # the same with the pack, or None when the block is gone (merged into a removal)
    rule: str | None    # the rule that decides it with the pack (or decided it before)
    category: str | None


@dataclass
class Comparison:
    """What a pack changes in one document: block verdicts and the clean text's paragraphs."""

    changes: list[Change]
    lost: list[str]     # paragraphs of the clean text that the pack takes out
    gained: list[str]   # paragraphs it brings in
    kept_before: int    # words of clean text without the pack
    kept_after: int

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.lost or self.gained)


@dataclass
class Entry:
    """One document of the report: a result, or the error that stopped it."""

    number: int
    name: str
    url: str | None
    result: Result | None = None
    error: str | None = None
    comparison: Comparison | None = None
    after: Result | None = None  # the result with the compared pack

    @property
    def title(self) -> str:
        if self.result is not None and self.result.title:
            return self.result.title
        return "/".join(Path(self.name).parts[-2:]) or self.name  # "case/input.txt" says more than "input.txt"

    @property
    def kept_words(self) -> int:
        return words(self.result.text) if self.result is not None else 0

    @property
    def removed_words(self) -> int:
        if self.result is None:
            return 0
        return sum(words(b.text) for b in self.result.blocks if b.verdict == REMOVED)


@dataclass
class Review:
    """Everything the report shows: the documents, the rules in force and counts over the batch."""

    entries: list[Entry]
    rules: RuleSet
    skipped: Counter[str] = field(default_factory=Counter)
    pack: str | None = None            # the pack compared, if any
    pack_rules: list[Rule] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # ids the pack redefines

    def rule_counts(self) -> Counter[str]:
        """Removals (and moves: captions, credits, highlights) per rule id over the whole batch."""
        counts: Counter[str] = Counter()
        for entry in self.entries:
            if entry.result is not None:
                counts.update(b.rule for b in entry.result.blocks if b.rule)
        return counts

    def document_counts(self) -> Counter[str]:
        """In how many documents each rule fires at least once."""
        counts: Counter[str] = Counter()
        for entry in self.entries:
            if entry.result is not None:
                counts.update({b.rule for b in entry.result.blocks if b.rule})
        return counts

    def silent_rules(self) -> list[Rule]:
        """Rules in force that never fired on any document of the batch."""
        fired = self.rule_counts()
        return [rule for rule in self.rules if rule.id not in fired]


def words(text: str) -> int:
    return len(text.split())


def describe_verdict(block: Block) -> str:
    return f"{block.verdict} by {block.rule}" if block.rule else block.verdict


# --- reading documents ------------------------------------------------------------------------------

def iter_entries(inputs: list[str], rules: RuleSet, *, kind: str = "auto", url: str | None = None,
                 input_format: str = "auto", skipped: Counter[str] | None = None,
                 compare: RuleSet | None = None, jobs: int = 1, limits: Limits = DEFAULT_LIMITS) -> Iterator[Entry]:
    """One entry per document of the inputs, in order; a bad document is an entry with its error.

    The walk is `cleaner.batch.Batch.items`, so folders, JSONL and WARC files give
    the documents (and skip what) `cleaner clean` does. With `jobs` > 1, worker
    processes clean them (the report holds every result anyway, so all are queued).
    """
    batch = Batch(Options(inputs=inputs, input_format=input_format, config=Config(limits=limits)), io.StringIO(),
                  io.StringIO())
    tasks = ((number, item.task[1], item.task[0], item.task[2], item.task[3], kind, url) for number, item in
             enumerate((i for i in batch.items(Progress(io.StringIO(), live=False)) if i.task[0] != "end"), 1))
    if jobs <= 1:
        _WORKER.update(rules=rules, compare=compare, limits=limits)
        yield from (_entry(*task) for task in tasks)
    else:
        with ProcessPoolExecutor(jobs, initializer=_WORKER.update, initargs=({"rules": rules, "compare": compare, "limits": limits},)) \
                as pool:
            yield from pool.map(_entry_star, tasks, chunksize=4)
    if skipped is not None:
        skipped.update(batch.skipped)


_WORKER: dict[str, Any] = {}  # the rule sets of this process (set once per worker)


def _entry_star(task: tuple[Any, ...]) -> Entry:
    return _entry(*task)


def _entry(number: int, key: str, op: str, source: dict[str, Any], payload: Any, kind: str,
           url: str | None) -> Entry:
    rules, compare, limits = _WORKER["rules"], _WORKER["compare"], _WORKER.get("limits", DEFAULT_LIMITS)
    entry = Entry(number, key, None)
    try:
        entry.url, entry.result, entry.error = _clean_task(op, source, payload, rules, kind, url, limits)
        if compare is not None and entry.result is not None:
            entry.after = _clean_task(op, source, payload, compare, kind, url, limits)[1]
            if entry.after is not None:
                entry.comparison = compare_results(entry.result, entry.after)
    except Exception as exc:  # noqa: BLE001 - one bad document is a row with its error, never a crash
        entry.error = describe(exc)
    return entry


def _clean_task(op: str, source: dict[str, Any], payload: Any, rules: RuleSet, kind: str,
                url: str | None, limits: Limits = DEFAULT_LIMITS) -> tuple[str | None, Result | None, str | None]:
    """(url, result, error) for one batch task, as `cleaner.batch.run_task` would clean it,
    within the same limits."""
    if op == "fail":
        return None, None, str(payload)
    bounds = {"max_bytes": limits.max_bytes, "max_nodes": limits.max_nodes}
    if op in ("file", "data"):
        data, found = read_document(payload, limits) if op == "file" else (payload, None)
        result = clean(data, kind=kind, url=url or found, rules=rules, source=source["path"], **bounds)
        return result.source.get("url"), result, None
    if op == "line":
        try:
            mapping = json.loads(payload)
        except ValueError as exc:
            mapping = {"error": f"line {source.get('line')} is not JSON ({exc})"}
        if not isinstance(mapping, dict):
            mapping = {"error": f"line {source.get('line')} is JSON but not an object"}
        record, result = clean_record(mapping, rules, kind=kind, url=url, source=source, **bounds)
    else:  # "record": a WARC record
        record, result = clean_record(payload, rules, kind=kind, url=url, **bounds)
    return record.get("url"), result, record.get("error")


def review(inputs: list[str], rules: RuleSet, *, kind: str = "auto", url: str | None = None,
           input_format: str = "auto", pack: str | None = None, jobs: int = 1,
           limits: Limits = DEFAULT_LIMITS) -> Review:
    """Clean every input for the report (and again with `pack` added, to compare)."""
    skipped: Counter[str] = Counter()
    compare, pack_rules, replaced = (None, [], [])
    if pack is not None:
        compare, pack_rules, replaced = with_pack(rules, pack)
    entries = list(iter_entries(inputs, rules, kind=kind, url=url, input_format=input_format, skipped=skipped,
                                compare=compare, jobs=jobs, limits=limits))
    return Review(entries, rules, skipped, pack, pack_rules, replaced)


# --- comparing rule sets ----------------------------------------------------------------------------

def with_pack(rules: RuleSet, pack: str) -> tuple[RuleSet, list[Rule], list[str]]:
    """The rules plus a pack: a rule whose id is already in force replaces it, a new one is added.

    So a rule author can pass an edited copy of a pack ("changed") as well as a new
    one ("extra"). Returns the new set, the pack's rules and the ids it replaced.
    """
    pack_rules: list[Rule] = []
    for file in pack_files(Path(pack)):
        pack_rules.extend(read_pack_file(file))
    if not pack_rules:
        raise CleanerError("the pack has no rules", source=pack, hint="give a TOML file with [[rules]]")
    by_id = {rule.id: rule for rule in pack_rules}
    replaced = [rule.id for rule in rules if rule.id in by_id]
    merged = [by_id.get(rule.id, rule) for rule in rules]
    merged += [rule for rule in pack_rules if rule.id not in set(replaced)]
    return RuleSet(merged), pack_rules, replaced


def compare_results(before: Result, after: Result) -> Comparison:
    """Blocks decided differently (matched on place and text) and paragraphs lost or gained."""
    old = {(b.where, b.text): b for b in before.blocks}
    new = {(b.where, b.text): b for b in after.blocks}
    changes: list[Change] = []
    for key, block in new.items():
        was = old.get(key)
        if was is None:
            if block.verdict != BODY:  # a new block: a selector took a box the reader used to split up
                changes.append(Change(block.text, block.where, None, describe_verdict(block), block.rule,
                                      block.category))
        elif (was.verdict, was.rule) != (block.verdict, block.rule):
            changes.append(Change(block.text, block.where, describe_verdict(was), describe_verdict(block),
                                  block.rule or was.rule, block.category or was.category))
    for key, block in old.items():
        if key not in new and block.verdict != BODY:
            changes.append(Change(block.text, block.where, describe_verdict(block), None, block.rule,
                                  block.category))
    lost, gained = paragraph_diff(before, after)
    return Comparison(changes, lost, gained, words(before.text), words(after.text))


def paragraph_diff(before: Result, after: Result) -> tuple[list[str], list[str]]:
    """Paragraphs of the clean text only before, and only after (what the reader loses and gains)."""
    old = [block_text(b) for b in before.body]
    new = [block_text(b) for b in after.body]
    lost: list[str] = []
    gained: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            lost.extend(old[i1:i2])
        if tag in ("insert", "replace"):
            gained.extend(new[j1:j2])
    return lost, gained


def changed_entries(entries: Iterable[Entry]) -> list[Entry]:
    return [e for e in entries if e.comparison is not None and e.comparison.changed]


# --- writing ----------------------------------------------------------------------------------------

def write_report(inputs: list[str], output: Path, rules: RuleSet, *, kind: str = "auto", url: str | None = None,
                 input_format: str = "auto", pack: str | None = None, budget: int | None = None,
                 jobs: int = 1, limits: Limits = DEFAULT_LIMITS) -> Review:
    """Write the report to `output`; a document cut to fit gets its whole page in `<name>.docs/` beside it."""
    from .review_html import MAX_DOCUMENT, TOTAL_BUDGET, render
    from .writers import write_atomic

    gathered = review(inputs, rules, kind=kind, url=url, input_format=input_format, pack=pack, jobs=jobs,
                      limits=limits)
    folder = output.with_name(output.stem + ".docs")
    cut: list[Entry] = []

    def link(entry: Entry) -> str:
        cut.append(entry)
        return f"{folder.name}/{entry.number}.html"

    try:
        write_atomic(output, render(gathered, budget=budget or TOTAL_BUDGET, links=link))
        if cut:
            folder.mkdir(exist_ok=True)
        for entry in cut:
            alone = Review([entry], gathered.rules, Counter(), gathered.pack, gathered.pack_rules, gathered.replaced)
            write_atomic(folder / f"{entry.number}.html",
                         render(alone, budget=MAX_DOCUMENT, title=f"cleaner review: {entry.name}"))
    except OSError as exc:
        raise CleanerError(f"cannot write: {exc.strerror}", source=str(output), hint="check the -o path") from None
    return gathered
