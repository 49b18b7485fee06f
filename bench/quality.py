"""Extraction quality and speed of cleaner against its peers, on the dev data sets.

Usage:
    python bench/quality.py [--sets l3s-gn1,readability,...] [--limit N]
        [--data DIR] [--systems cleaner-html,cleaner-text,trafilatura,readability,floor]
        [--markdown]

Every system runs on every page in the same run, so speed ratios compare
like with like on one machine under one load. Data sets are streamed one
record at a time (gzip JSON lines) to keep memory constant. Quality uses the
metric of ``shared/data/README.md`` (see ``bench/metric.py``); speed is CPU
time (``time.process_time``) around each extraction call only, which is less
sensitive than wall time to other jobs on a shared machine.

A system that fails to import, raises or returns nothing for a page gets an
empty output for that page; failures are counted, never fatal.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metric import DatasetScores  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev"
KNOWN_SETS = ["l3s-gn1", "readability", "dragnet", "cleanportaleval"]
ALL_SYSTEMS = ["cleaner-html", "cleaner-text", "trafilatura", "readability", "floor"]
BASELINE = "trafilatura"

Record = dict
Extractor = Callable[[Record], str]

# --- systems -------------------------------------------------------------------
# Each factory imports its library and returns a function record -> text. They
# are called lazily, outside the timed region, so import cost is not charged to
# the first page and a missing library only disables that one system.


def _cleaner_html() -> Extractor:
    import cleaner

    return lambda rec: cleaner.clean(rec["html"], kind="html", url=rec.get("url")).text


def _cleaner_text() -> Extractor:
    import cleaner

    return lambda rec: cleaner.clean(rec["text"], kind="text").text


def _trafilatura() -> Extractor:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return lambda rec: trafilatura.extract(rec["html"]) or ""


BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead "
    "tfoot tr td th ul".split()
)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment with a blank line between block elements.

    Equivalent to joining the text_content of the blocks with blank lines, but
    done by marking block boundaries in place so that loose text directly
    inside a container (not wrapped in a child block) is kept too, and words
    of adjacent blocks are never glued together.
    """
    import lxml.html

    if not html or not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        tag = el.tag.lower()
        if tag in BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def _readability() -> Extractor:
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    return lambda rec: html_to_text(Document(rec["html"]).summary())


def _floor() -> Extractor:
    return lambda rec: rec["text"] or ""


FACTORIES: dict[str, Callable[[], Extractor]] = {
    "cleaner-html": _cleaner_html,
    "cleaner-text": _cleaner_text,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "floor": _floor,
}


class System:
    """One system under test: lazy loader, per-set scores, CPU times and errors."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._extract: Extractor | None = None
        self._load_error: str | None = None
        self.errors: dict[str, int] = {}
        self.first_error: str | None = None
        self.scores: dict[str, DatasetScores] = {}
        self.cpu: dict[str, list[float]] = {}  # seconds per measured page

    def _load(self) -> Extractor | None:
        if self._extract is None and self._load_error is None:
            try:
                self._extract = FACTORIES[self.name]()
            except Exception as exc:  # a missing or broken library disables the system
                self._load_error = f"import failed: {type(exc).__name__}: {exc}"
                self.first_error = self._load_error
        return self._extract

    def run(self, set_name: str, rec: Record) -> None:
        """Extract one page, time it, score it; any failure is an empty output."""
        scores = self.scores.setdefault(set_name, DatasetScores())
        times = self.cpu.setdefault(set_name, [])
        self.errors.setdefault(set_name, 0)
        output = ""
        extract = self._load()
        if extract is None:
            self.errors[set_name] += 1
        elif self.name == "cleaner-text" and rec.get("text") is None:
            pass  # no text rendering for this page: empty output, not timed
        else:
            start = time.process_time()
            try:
                output = extract(rec) or ""
                # only successful calls are timed: a fast failure would flatter speed
                times.append(time.process_time() - start)
            except Exception as exc:
                self.errors[set_name] += 1
                if self.first_error is None:
                    self.first_error = f"{type(exc).__name__}: {exc}"[:300]
            if not isinstance(output, str):
                output = str(output)
        scores.add(rec.get("truth"), output)


# --- data ----------------------------------------------------------------------


def data_dir(cli_value: str | None) -> Path:
    """--data, else $CLEANER_BENCH_DATA, else ../shared/data/dev beside the repo."""
    return Path(cli_value or os.environ.get("CLEANER_BENCH_DATA") or DEFAULT_DATA)


def records(path: Path, limit: int | None) -> Iterator[Record]:
    """Stream the records of one gzip JSON-lines file, at most ``limit``."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


# --- report --------------------------------------------------------------------


def rows(systems: list[System], sets: list[str]) -> list[list[str]]:
    """Table rows: one per (set, system) and an average row per system."""
    base = next((s for s in systems if s.name == BASELINE), None)

    def ratio(times: list[float], base_cpu: float | None) -> str:
        return f"{sum(times) / base_cpu:.2f}" if times and base_cpu else "-"

    def speed(times: list[float]) -> tuple[str, str]:
        total = sum(times)
        pps = "-" if total <= 0 else f"{len(times) / total:.0f}" if len(times) >= 100 * total else f"{len(times) / total:.1f}"
        med = f"{statistics.median(times) * 1000:.1f}" if times else "-"
        return pps, med

    out = []
    for set_name in sets:
        base_cpu = sum(base.cpu.get(set_name, [])) if base else None
        for s in systems:
            r = s.scores[set_name].result()
            times = s.cpu[set_name]
            pps, med = speed(times)
            out.append([set_name, s.name, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                        str(r["pages"]), pps, med, ratio(times, base_cpu), str(s.errors[set_name])])
    base_all = sum(sum(base.cpu[n]) for n in sets) if base else None
    for s in systems:
        res = [s.scores[n].result() for n in sets]
        times = [t for n in sets for t in s.cpu[n]]
        pps, med = speed(times)
        mean = lambda k: statistics.fmean(r[k] for r in res)  # noqa: E731
        out.append(["average", s.name, f"{mean('precision'):.3f}", f"{mean('recall'):.3f}", f"{mean('f1'):.3f}",
                    str(sum(r["pages"] for r in res)), pps, med, ratio(times, base_all),
                    str(sum(s.errors.values()))])
    return out


HEADER = ["set", "system", "precision", "recall", "F1", "pages", "pages/s", "median ms", "CPU/traf", "errors"]


def print_plain(table: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER] + table) for i in range(len(HEADER))]
    for r in [HEADER] + table:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def versions() -> str:
    found = []
    for dist in ["cleaner", "trafilatura", "readability-lxml", "lxml"]:
        try:
            found.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


def print_markdown(table: list[list[str]], argv: list[str]) -> None:
    cmd = " ".join(["python", "bench/quality.py", *argv])
    print(f"`{cmd}` on {datetime.date.today().isoformat()}, Python {platform.python_version()}; {versions()}.")
    print()
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(HEADER))) + "|")
    for r in table:
        print("| " + " | ".join(r) + " |")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", help="comma-separated set names (default: all in the data dir)")
    ap.add_argument("--limit", type=int, help="first N pages of each set")
    ap.add_argument("--data", help=f"data dir (default: $CLEANER_BENCH_DATA or {DEFAULT_DATA})")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS), help="comma-separated systems")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table for a README")
    args = ap.parse_args(argv)

    data = data_dir(args.data)
    if args.sets:
        sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    else:
        present = sorted(p.name.removesuffix(".jsonl.gz") for p in data.glob("*.jsonl.gz"))
        sets = [s for s in KNOWN_SETS if s in present] + [s for s in present if s not in KNOWN_SETS]
    missing = [s for s in sets if not (data / f"{s}.jsonl.gz").is_file()]
    if missing or not sets:
        ap.error(f"no data for {missing or 'any set'} in {data}")
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [n for n in names if n not in FACTORIES]
    if unknown:
        ap.error(f"unknown systems {unknown}; choose from {ALL_SYSTEMS}")

    systems = [System(n) for n in names]
    for set_name in sets:
        start = time.monotonic()
        n = 0
        for rec in records(data / f"{set_name}.jsonl.gz", args.limit):
            for s in systems:
                s.run(set_name, rec)
            n += 1
        print(f"{set_name}: {n} pages in {time.monotonic() - start:.0f} s", file=sys.stderr)

    table = rows(systems, sets)
    if args.markdown:
        print_markdown(table, argv)
    else:
        print_plain(table)
    for s in systems:
        if s.first_error:
            print(f"{s.name}: {sum(s.errors.values())} errors; first: {s.first_error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
