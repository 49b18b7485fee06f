"""Batch cleaning: document sources -> tasks -> worker processes -> results in input order.

Two front doors share one record function (`cleaner.records`):

* `clean_records(records)` for pipelines (Spark, Dask, plain loops): mappings in,
  one output record out per input, errors as records, never an exception per record.
* `run_batch(options)` for `cleaner clean` over folders, archives and JSONL: the
  main process only walks inputs and writes streams; workers (loaded once with the
  rules) read, clean, render and write per-document files. At most a few chunks
  are in flight, so memory stays flat however large the archive.

An output record is `{"id", "url", "source", "result", "error"}`: `result` is the
`cleaner/1` JSON of the document (None on failure) and `error` a message (None on
success). `source` says where the document came from (file path; or archive path,
record id, target URI, date and offset; or JSONL path and line).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import sys
import zlib
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from .api import clean
from .errors import CleanerError, UsageError
from .fetch import fetch_many, is_url, read_url_list
from .limits import DEFAULT_LIMITS, LimitError, Limits
from .progress import Progress
from .records import FIELDS, clean_record, describe
from .result import Result
from .rulebook import load_rules
from .ruleset import RuleSet
from .sinks import JsonlFile, StdoutSink, mirror_base, output_path, record_key, url_output_path
from .sources import input_format, jsonl_lines, open_jsonl, read_document, read_limited, walk, warc_records
from .writers import SUFFIXES, render, write_atomic

CHUNK_TASKS = 16
CHUNK_BYTES = 512 * 1024
CHUNKS_PER_WORKER = 3


# --- tasks and workers --------------------------------------------------------------------------

@dataclass(frozen=True)
class Config:
    """What every worker needs, picklable: rules are loaded from paths once per worker."""

    rule_paths: tuple[str, ...] = ()
    defaults: bool = True
    disable: tuple[str, ...] = ()
    kind: str = "auto"
    url: str | None = None
    fmt: str = "text"
    lines: bool = False  # return JSON records (True) or rendered documents (False)
    fields: tuple[str, str, str, str] = FIELDS
    limits: Limits = DEFAULT_LIMITS


# A task is what crosses to a worker: (op, key, source, payload, out).
#   op "file": payload is a path to read; "data": document bytes; "record": a mapping (WARC);
#   "line": a JSONL line; "fetched": (content, final URL, fetch info) of a URL fetched in the
#   main process; "fail": an error message; "end": closes a container's output.
Task = tuple[str, str, dict[str, Any], Any, str | None]
Outcome = tuple[str | None, str | None]  # (error message, content for the stream)
_STATE: dict[str, Any] = {}
_FORKED: dict[str, Any] = {}  # the parent's config and rules, which a forked worker finds in its copy


def _inherited_rules(config: Config) -> RuleSet | None:
    """The rules the parent loaded for this config, when this worker was forked from it:
    loading them again took each worker a quarter of a second of CPU."""
    if _FORKED.get("config") == config and multiprocessing.parent_process() is not None:
        return _FORKED.get("rules")
    return None


def init_worker(config: Config, rules: RuleSet | None = None, *, pool: bool = True) -> None:
    if pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _STATE["config"] = config
    if rules is None and pool:
        rules = _inherited_rules(config)
    _STATE["rules"] = rules if rules is not None else load_rules(
        list(config.rule_paths), defaults=config.defaults, disable=list(config.disable))


def run_chunk(tasks: list[Task]) -> list[Outcome]:
    return [run_task(task) for task in tasks]


def run_task(task: Task) -> Outcome:
    op, key, source, payload, out = task
    config: Config = _STATE["config"]
    rules: RuleSet = _STATE["rules"]
    if op == "end":
        return None, None
    record: dict[str, Any]
    result: Result | None = None
    if op in ("file", "data", "fetched"):
        record = {"id": key, "url": None, "source": source, "result": None, "error": None}
        try:
            if op == "fetched":
                data, url, fetched = payload
            else:
                data, url = read_document(payload, config.limits) if op == "file" else (payload, None)
            result = clean(data, kind=config.kind, url=url or config.url, rules=rules, source=source.get("path"),
                           max_bytes=config.limits.max_bytes, max_nodes=config.limits.max_nodes)
            if op == "fetched":
                result.source["fetch"] = fetched
            record["url"] = result.source.get("url")
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            record["error"] = describe(exc)
    elif op == "record":
        record, result = clean_record(payload, rules, kind=config.kind, url=config.url,
                                      max_bytes=config.limits.max_bytes, max_nodes=config.limits.max_nodes)
    elif op == "line":
        try:
            mapping = json.loads(payload)
        except ValueError as exc:
            mapping = {"error": f"line {source.get('line')} is not JSON ({exc})"}
        if not isinstance(mapping, dict):
            mapping = {"error": f"line {source.get('line')} is JSON but not an object"}
        record, result = clean_record(mapping, rules, fields=config.fields, kind=config.kind, url=config.url,
                                      default_id=key, source=source, max_bytes=config.limits.max_bytes,
                                      max_nodes=config.limits.max_nodes)
    else:  # "fail"
        record = {"id": None, "url": None, "source": source, "result": None, "error": payload}
    if out is not None:
        if result is not None:
            try:
                write_atomic(Path(out), render(result, config.fmt))
            except OSError as exc:
                return f"cannot write {out}: {exc.strerror} (check the -o folder)", None
        return record["error"], None
    if config.lines:
        record["result"] = result.to_dict() if result is not None else None
        return record["error"], json.dumps(record, ensure_ascii=False) + "\n"
    if result is None:
        return record["error"], None
    return None, f"==> {key} <==\n{render(result, config.fmt)}\n"


# --- planning: inputs -> tasks ------------------------------------------------------------------

@dataclass
class Options:
    inputs: list[str]
    output: str | None = None
    fmt: str = "text"
    jobs: int = 1
    resume: bool = False
    quiet: bool = False
    verbose: bool = False  # list each skipped file or record with the summary
    input_format: str = "auto"
    config: Config = field(default_factory=Config)
    fetch: Any = None  # FetchOptions when some inputs are URLs


@dataclass
class Item:
    """A task plus what only the main process needs to know about it."""

    task: Task
    sink: Any  # where its content goes (a JsonlFile or StdoutSink), or None
    shown: str  # how stderr names it
    weight: int  # input bytes, for progress


class Batch:
    """One `cleaner clean` run over many documents."""

    def __init__(self, options: Options, stdout: TextIO, stderr: TextIO):
        self.options = options
        self.stdout, self.stderr = stdout, stderr
        self.skipped: Counter[str] = Counter()
        self.passed_over: list[tuple[str, str]] = []  # (name, reason) of each skip, with --verbose
        self.outdir: Path | None = None
        self.stream: Any = None
        self.claimed: set[str] = set()
        self.base = mirror_base([name for name in options.inputs if not is_url(name)])
        self.done: set[str] = set()
        if options.fmt == "jsonl" and options.output not in (None, "-"):
            if Path(options.output).is_dir():
                raise UsageError("with --format jsonl, -o names one JSONL file, not a folder",
                                 source=options.output, hint="name a file, or use another format for a folder")
            self.stream = JsonlFile(Path(options.output), resume=options.resume)
            self.done = self.stream.done
        elif options.output not in (None, "-"):
            self.outdir = Path(options.output)
            if not self.outdir.is_dir() and (self.outdir.exists() or looks_like_a_file(options.output)):
                raise UsageError("with several documents (several inputs, a folder, an archive or a JSONL file), "
                                 "-o must be a folder, not a file", source=options.output,
                                 hint="name a folder such as cleaned/, or add --format jsonl for one file")
        else:
            if options.resume:
                raise UsageError("--resume needs -o (a folder, or a file with --format jsonl)",
                                 hint="add -o, or drop --resume")
            self.stream = StdoutSink(stdout)

    def items(self, progress: Progress) -> Iterator[Item]:
        inputs = self.options.inputs
        index = 0
        while index < len(inputs):
            name = inputs[index]
            index += 1
            if is_url(name):  # a run of URLs is fetched together, a few at a time
                urls = [name]
                while index < len(inputs) and is_url(inputs[index]):
                    urls.append(inputs[index])
                    index += 1
                yield from self._urls(((url, {"url": url}) for url in urls), progress)
                continue
            if name == "-":
                yield from self._stdin()
                continue
            path = Path(name)
            if path.is_dir():
                for found in walk(path, self.skipped, exclude=self.outdir, on_skip=self.name_skip):
                    yield from self._input(found, progress)
            else:
                yield from self._input(path, progress)

    def _input(self, path: Path, progress: Progress) -> Iterator[Item]:
        name = str(path)
        if not path.exists():
            yield self._fail(name, "no such file (check the path)")
            return
        fmt = input_format(name, self.options.input_format)
        if fmt == "urls":
            try:
                with open(path, "rb") as stream:
                    lines = list(read_url_list(stream))
            except OSError as exc:
                yield self._fail(name, f"cannot read: {exc.strerror}")
                return
            yield from self._urls(((url, {"path": name, "line": n, "url": url}) for n, url in lines), progress)
            return
        if fmt == "doc":
            size = _size(path)
            out = None
            if self.outdir is not None:
                out = output_path(self.outdir, self.base, path, self.options.fmt, self.claimed)
                if self.options.resume and out.exists():
                    self.note(name, "already done")
                    progress.skip_bytes(_size(path))
                    return
            elif name in self.done:
                self.note(name, "already done")
                progress.skip_bytes(_size(path))
                return
            yield Item(("file", name, {"path": name}, name, str(out) if out else None), None if out else self.stream,
                       name, size)
            return
        sink, done = self.stream, self.done
        if self.outdir is not None:
            target = output_path(self.outdir, self.base, path, "jsonl", self.claimed)
            if self.options.resume and target.exists():
                self.note(name, "archive already done")
                progress.skip_bytes(_size(path))
                return
            sink = JsonlFile(target, resume=self.options.resume)
            done = sink.done
        try:
            if fmt == "warc":
                yield from self._warc(warc_records(path, name=name, skipped=self.skipped, on_skip=self.name_skip,
                                                   limits=self.options.config.limits), sink, done, progress)
            else:
                with open_jsonl(name) as stream:
                    yield from self._jsonl(name, stream, sink, done, progress)
        except CleanerError as exc:
            yield Item(("fail", name, {"path": name}, describe(exc), None), sink, name, 0)
        except (OSError, EOFError, zlib.error) as exc:  # also a truncated or corrupt .jsonl.gz
            yield Item(("fail", name, {"path": name}, f"cannot read: {getattr(exc, 'strerror', None) or exc}", None),
                       sink, name, 0)
        if sink is not self.stream:
            yield Item(("end", name, {}, None, None), sink, name, 0)

    def _warc(self, records: Iterator[tuple[dict[str, Any], int]], sink: Any, done: set[str],
              progress: Progress) -> Iterator[Item]:
        for record, weight in records:
            key = record_key(record["source"])
            if key in done:
                self.note(key, "already done")
                progress.skip_bytes(weight)
                continue
            shown = f"{key} ({record['url']})" if record.get("url") else key
            yield Item(("record", key, record["source"], record, None), sink, shown, weight)

    def _jsonl(self, name: str, stream: Any, sink: Any, done: set[str], progress: Progress) -> Iterator[Item]:
        for number, line in jsonl_lines(stream, self.options.config.limits.max_bytes):
            source = {"path": name, "line": number}
            key = record_key(source)
            if key in done:
                self.note(key, "already done")
                progress.skip_bytes(len(line) if isinstance(line, bytes) else 0)
                continue
            if isinstance(line, LimitError):
                yield Item(("fail", key, source, describe(line), None), sink, key, 0)
                continue
            yield Item(("line", key, source, line, None), sink, key, len(line))

    def _urls(self, entries: Iterable[tuple[str, dict[str, Any]]], progress: Progress) -> Iterator[Item]:
        """Fetch each URL not done yet (robots.txt, per-host delay) and hand its content to a worker."""
        todo: list[tuple[str, tuple[dict[str, Any], Path | None]]] = []
        for url, source in entries:
            out = None
            if self.outdir is not None:
                out = url_output_path(self.outdir, url, self.options.fmt, self.claimed)
                if self.options.resume and out.exists():
                    self.note(url, "already done")
                    continue
            elif record_key(source) in self.done:
                self.note(record_key(source), "already done")
                continue
            todo.append((url, (source, out)))
        if not todo:
            return
        for url, (source, out), fetched in fetch_many(todo, self.options.fetch):
            shown = f"{source['path']}:{source['line']}: {url}" if "line" in source else url
            sink = None if out else self.stream
            if isinstance(fetched, CleanerError):
                yield Item(("fail", url, source, describe(fetched), None), self.stream, shown, 0)
                continue
            payload = (fetched.content, fetched.final_url, fetched.info())
            yield Item(("fetched", url, source, payload, str(out) if out else None), sink, shown,
                       len(fetched.content))

    def _stdin(self) -> Iterator[Item]:
        fmt = self.options.input_format
        name = "<stdin>"
        if fmt == "urls":
            entries = [(url, {"path": name, "line": n, "url": url}) for n, url in read_url_list(sys.stdin.buffer)]
            yield from self._urls(entries, Progress(self.stderr, live=False))
        elif fmt == "jsonl":
            yield from self._jsonl(name, sys.stdin.buffer, self.stream, set(), Progress(self.stderr, live=False))
        elif fmt == "warc":
            yield from self._warc(warc_records(sys.stdin.buffer, name=name, skipped=self.skipped,
                                               on_skip=self.name_skip, limits=self.options.config.limits), self.stream,
                                  set(), Progress(self.stderr, live=False))
        else:
            out = output_path(self.outdir, self.base, Path("stdin"), self.options.fmt, self.claimed) \
                if self.outdir is not None else None
            try:
                data = read_limited(sys.stdin.buffer, name, self.options.config.limits.max_bytes)
            except LimitError as exc:
                yield Item(("fail", name, {"path": name}, describe(exc), None), self.stream, name, 0)
                return
            yield Item(("data", name, {"path": name}, data, str(out) if out else None),
                       None if out else self.stream, name, len(data))

    def note(self, name: str, reason: str) -> None:
        """A file or record passed over: counted for the summary, and named with --verbose."""
        self.skipped[reason] += 1
        self.name_skip(name, reason)

    def name_skip(self, name: str, reason: str) -> None:
        """One that `walk` or `warc_records` counted already."""
        if self.options.verbose:
            self.passed_over.append((name, reason))

    def _fail(self, name: str, message: str) -> Item:
        return Item(("fail", name, {"path": name}, message, None), self.stream, name, 0)

    def total_bytes(self) -> int | None:
        """Input size for the ETA, or None when an input has no known size (stdin)."""
        total = 0
        if self.options.fetch is not None:
            return None  # pages still to be downloaded have no size yet
        for name in self.options.inputs:
            if name == "-":
                return None
            path = Path(name)
            if path.is_dir():
                total += sum(_size(p) for p in walk(path, Counter(), exclude=self.outdir))
            else:
                total += _size(path)
        return total


def looks_like_a_file(output: str) -> bool:
    """A name that ends like an output file (`out.txt`, `all.jsonl`) and not with a slash."""
    return not output.endswith(("/", os.sep)) and Path(output).suffix.lower() in SUFFIXES.values()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- execution: ordered, bounded, parallel ------------------------------------------------------

def chunked(items: Iterable[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += item.weight
        if len(chunk) >= CHUNK_TASKS or weight >= CHUNK_BYTES:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def execute(items: Iterable[Item], config: Config, jobs: int,
            rules: RuleSet | None = None) -> Iterator[tuple[Item, Outcome]]:
    """Each item with its outcome, in input order, with at most a few chunks per worker in flight.

    If a worker dies (killed for memory, a crash in a C parser) its chunk is retried
    once in a fresh pool, then reported as failed, and the batch goes on.
    """
    if jobs <= 1:
        init_worker(config, rules, pool=False)
        for chunk in chunked(items):
            yield from zip(chunk, run_chunk([item.task for item in chunk]))
        return
    pending: deque[tuple[list[Item], Any, int]] = deque()
    if rules is not None:
        _FORKED.update(config=config, rules=rules)
    executor = ProcessPoolExecutor(jobs, initializer=init_worker, initargs=(config,))
    try:
        chunks = chunked(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * CHUNKS_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((chunk, executor.submit(run_chunk, [i.task for i in chunk]), 1))
            if not pending:
                return
            chunk, future, attempt = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                executor.shutdown(wait=False, cancel_futures=True)
                executor = ProcessPoolExecutor(jobs, initializer=init_worker, initargs=(config,))
                retry = [(c, executor.submit(run_chunk, [i.task for i in c]), a + 1) for c, _, a in pending]
                pending.clear()
                if attempt == 1:
                    pending.append((chunk, executor.submit(run_chunk, [i.task for i in chunk]), 2))
                    pending.extend(retry)
                    continue
                pending.extend(retry)
                outcomes = [(None, None) if i.task[0] == "end" else
                            ("a worker process died on this chunk (out of memory, or a crash in a parser)", None)
                            for i in chunk]
            yield from zip(chunk, outcomes)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _FORKED.clear()


def run_batch(options: Options, *, rules: RuleSet | None = None, stdout: TextIO | None = None,
              stderr: TextIO | None = None) -> int:
    """Clean every document of every input; 0 when all succeeded, 1 when some failed.

    `rules`, when given, must be what `options.config` loads; it saves loading them
    again when the work runs in this process (`jobs` 1).
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    batch = Batch(options, stdout, stderr)
    logging.getLogger("warcio").setLevel(logging.ERROR)  # its warnings about odd headers would garble the bar
    live = not options.quiet and stderr.isatty()
    progress = Progress(stderr, live=live, total_bytes=batch.total_bytes() if live else None)
    config = replace(options.config, fmt="text" if options.fmt == "jsonl" else options.fmt,
                     lines=options.fmt == "jsonl" or batch.outdir is not None)
    stream = batch.stream
    try:
        for item, (error, content) in execute(batch.items(progress), config, options.jobs, rules):
            if item.task[0] == "end":
                item.sink.close()
                continue
            if error is not None:
                progress.clear()
                stderr.write(f"cleaner: error: {item.shown}: {error}\n")
            if content is not None and item.sink is not None:
                item.sink.write(content)
            progress.advance(failed=error is not None, nbytes=item.weight)
        if stream is not None:
            stream.close()
    finally:
        progress.clear()
    if not options.quiet:
        for name, reason in batch.passed_over:
            stderr.write(f"cleaner: skipped {name}: {reason}\n")
        stderr.write(progress.summary(batch.skipped) + "\n")
    return 1 if progress.errors else 0


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
