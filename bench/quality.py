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
import re
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
OWN_SETS = REPO / "bench" / "templates"  # the project's own pages (bench/templates/README.md)
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
        self.pages_out = None  # an open file for per-page scores (--pages), or None
        self.scores: dict[str, DatasetScores] = {}
        self.cpu: dict[str, list[float]] = {}  # seconds per measured page
        self.page_f1: dict[str, list[float]] = {}  # F1 of every page, in data order

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
        p, r = scores.add(rec.get("truth"), output)
        self.page_f1.setdefault(set_name, []).append(2 * p * r / (p + r) if p + r else 0.0)
        if self.pages_out is not None:
            self.pages_out.write(json.dumps({"set": set_name, "id": rec.get("id"), "url": rec.get("url"),
                                             "system": self.name, "precision": round(p, 4),
                                             "recall": round(r, 4)}) + "\n")


# --- data ----------------------------------------------------------------------


def data_dir(cli_value: str | None) -> Path:
    """--data, else $CLEANER_BENCH_DATA, else ../shared/data/dev beside the repo."""
    return Path(cli_value or os.environ.get("CLEANER_BENCH_DATA") or DEFAULT_DATA)


# Dragnet's truth files hold the article, then a separator line, then the page's reader
# comments: its loader (dragnet/data_processing.py, `COMMENTS_DELIM`) splits the file there.
# shared/data/README.md defines the dragnet truth as the article without its comment section,
# yet some records still carry the separator and the comments after it, typed by hand in
# variants ("!@#$%^&*() COMMENTS", "!@ $%^&*()  COMMENTS", "#$%^&*()  COMMENTS", a bare
# "!@#$%^&*()"). A separator line is these symbols, at least four different ones, and at
# most one word; a row of asterisks, an article's own divider, is not one.
SEPARATOR = re.compile(r"^[ \t]*([!@#$%^&*()][!@#$%^&*() \t]*)[A-Za-z]*[ \t\r]*$", re.M)  # \r: CRLF truths


def article_truth(truth: str | None) -> tuple[str | None, bool]:
    """The truth up to a Dragnet comments separator line, and whether one was cut."""
    for line in SEPARATOR.finditer(truth or ""):
        if len(set(line[1]) - {" ", "\t"}) >= 4:
            return truth[:line.start()], True
    return truth, False


def records(path: Path, limit: int | None) -> Iterator[Record]:
    """Stream the records of one gzip JSON-lines file, at most ``limit``."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


# --- report --------------------------------------------------------------------


def below(f1s: list[float], limit: float) -> int:
    return sum(1 for f in f1s if f < limit)


def rows(systems: list[System], sets: list[str]) -> list[list[str]]:
    """Table rows: one per (set, system), then an average and a worst-set row per system.

    Besides precision, recall and F1 (the metric's means), each row counts the
    pages whose own F1 is below 0.5 (the article lost, or drowned) and below 0.8,
    because an average hides the pages where an extractor fails outright.
    """
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
            f1s = s.page_f1.get(set_name, [])
            pps, med = speed(times)
            out.append([set_name, s.name, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                        str(below(f1s, 0.5)), str(below(f1s, 0.8)),
                        str(r["pages"]), pps, med, ratio(times, base_cpu), str(s.errors[set_name])])
    base_all = sum(sum(base.cpu[n]) for n in sets) if base else None
    for s in systems:
        res = [s.scores[n].result() for n in sets]
        times = [t for n in sets for t in s.cpu[n]]
        f1s = [f for n in sets for f in s.page_f1.get(n, [])]
        pps, med = speed(times)
        mean = lambda k: statistics.fmean(r[k] for r in res)  # noqa: E731
        out.append(["average", s.name, f"{mean('precision'):.3f}", f"{mean('recall'):.3f}", f"{mean('f1'):.3f}",
                    str(below(f1s, 0.5)), str(below(f1s, 0.8)),
                    str(sum(r["pages"] for r in res)), pps, med, ratio(times, base_all),
                    str(sum(s.errors.values()))])
    if len(sets) > 1:
        for s in systems:
            worst_set, worst = min(((n, s.scores[n].result()) for n in sets), key=lambda item: item[1]["f1"])
            out.append([f"worst ({worst_set})", s.name, f"{worst['precision']:.3f}", f"{worst['recall']:.3f}",
                        f"{worst['f1']:.3f}", "", "", str(worst["pages"]), "", "", "", ""])
    return out


PEERS = ("trafilatura", "readability")


def lost_pages(systems: list[System], sets: list[str]) -> list[list[str]]:
    """Per set and cleaner system: pages below F1 0.5 where a peer scores above 0.8.

    These are the failures a user notices (a peer got the article, cleaner did
    not); the quality issue asks for none.
    """
    peers = [s for s in systems if s.name in PEERS]
    out = []
    if not peers:
        return out
    for s in systems:
        if not s.name.startswith("cleaner"):
            continue
        for set_name in sets:
            mine = s.page_f1.get(set_name, [])
            best_peer = [max(p.page_f1[set_name][i] for p in peers) for i in range(len(mine))]
            lost = sum(1 for f, peer in zip(mine, best_peer) if f < 0.5 and peer > 0.8)
            out.append([set_name, s.name, str(lost)])
    return out


HEADER = ["set", "system", "precision", "recall", "F1", "<0.5", "<0.8", "pages", "pages/s", "median ms",
          "CPU/traf", "errors"]


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


def print_markdown(table: list[list[str]], lost: list[list[str]], argv: list[str], cuts: dict[str, int]) -> None:
    cmd = " ".join(["python", "bench/quality.py", *argv])
    cut = "; ".join(f"{n} {set_name} truths cut before their reader comments" for set_name, n in cuts.items() if n)
    print(f"`{cmd}` on {datetime.date.today().isoformat()}, Python {platform.python_version()}; {versions()}"
          + (f"; {cut}" if cut else "") + ".")
    print()
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(HEADER))) + "|")
    for r in table:
        print("| " + " | ".join(r) + " |")
    if lost:
        print()
        print("| set | system | pages below F1 0.5 where a peer is above 0.8 |")
        print("|---|---|---:|")
        for r in lost:
            print("| " + " | ".join(r) + " |")


def set_paths(data: Path) -> dict[str, Path]:
    """Every data set by name: the shared dev sets, then the project's own (bench/templates)."""
    found = {p.name.removesuffix(".jsonl.gz"): p for p in sorted(data.glob("*.jsonl.gz"))}
    for path in sorted(OWN_SETS.glob("*.jsonl.gz")):
        found.setdefault(path.name.removesuffix(".jsonl.gz"), path)
    order = [s for s in KNOWN_SETS if s in found] + [s for s in found if s not in KNOWN_SETS]
    return {s: found[s] for s in order}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", help="comma-separated set names (default: every set found)")
    ap.add_argument("--limit", type=int, help="first N pages of each set")
    ap.add_argument("--data", help=f"data dir (default: $CLEANER_BENCH_DATA or {DEFAULT_DATA})")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS), help="comma-separated systems")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table for a README")
    ap.add_argument("--pages", metavar="FILE",
                    help="also write every page's precision and recall per system as JSON lines to FILE")
    ap.add_argument("--truth-as-stored", action="store_true",
                    help="score against each truth as stored, reader comments after a Dragnet "
                         "comments separator included (default: the article before it)")
    args = ap.parse_args(argv)

    available = set_paths(data_dir(args.data))
    if not any(s in available for s in KNOWN_SETS):
        print(f"note: no shared data sets in {data_dir(args.data)} (give --data or $CLEANER_BENCH_DATA); "
              f"running only {', '.join(available) or 'nothing'}", file=sys.stderr)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()] if args.sets else list(available)
    missing = [s for s in sets if s not in available]
    if missing or not sets:
        ap.error(f"no data for {missing or 'any set'} in {data_dir(args.data)} or {OWN_SETS}")
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [n for n in names if n not in FACTORIES]
    if unknown:
        ap.error(f"unknown systems {unknown}; choose from {ALL_SYSTEMS}")

    systems = [System(n) for n in names]
    pages_out = open(args.pages, "w", encoding="utf-8") if args.pages else None
    for s in systems:
        s.pages_out = pages_out
    cuts: dict[str, int] = {}
    for set_name in sets:
        start = time.monotonic()
        n = 0
        cut = 0
        for rec in records(available[set_name], args.limit):
            if not args.truth_as_stored:
                rec["truth"], was_cut = article_truth(rec.get("truth"))
                cut += was_cut
            for s in systems:
                s.run(set_name, rec)
            n += 1
        cuts[set_name] = cut
        print(f"{set_name}: {n} pages in {time.monotonic() - start:.0f} s"
              + (f"; {cut} truths cut at a comments separator" if cut else ""), file=sys.stderr)
    if pages_out is not None:
        pages_out.close()

    table = rows(systems, sets)
    lost = lost_pages(systems, sets)
    if args.markdown:
        print_markdown(table, lost, argv, cuts)
    else:
        print_plain(table)
        if lost:
            print()
            print("pages below F1 0.5 where a peer is above 0.8: "
                  + ", ".join(f"{system} {set_name} {n}" for set_name, system, n in lost))
    for s in systems:
        if s.first_error:
            print(f"{s.name}: {sum(s.errors.values())} errors; first: {s.first_error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
