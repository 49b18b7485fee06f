"""How big the review report of a 1,000-document batch is, and how fast headless Chromium opens it.

Usage:
    python bench/review_open.py [--docs 1000] [--kind html|text] [--repeat 3] [--jobs 2] [--data DIR] [--keep report.html]

Builds a JSONL batch of `--docs` pages from the development data (cycling through
the sets' files in name order), writes `cleaner review` of it, and reports the
report's size, how many documents were cut to fit, and the time to build it. Then
opens it `--repeat` times in a fresh headless Chromium (the system one, driven
over the DevTools pipe like the browser tests) and reports, per run, the time from
navigation to the load event as the driver sees it, the page's own navigation
timing (DOMContentLoaded, load) and first contentful paint, and how long the
filter box takes to apply one rule over the whole batch.

Targets (issue 12): the report under 20 MB and open in under 3 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev"
sys.path.insert(0, str(REPO / "tests"))

import cleaner  # noqa: E402
from cleaner.review import write_report  # noqa: E402

from chromium import Browser  # noqa: E402

TIMING = """(() => {const n = performance.getEntriesByType('navigation')[0],
  p = performance.getEntriesByName('first-contentful-paint')[0];
  return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, fcp: p ? p.startTime : null,
          sections: document.querySelectorAll('section.doc').length,
          blocks: document.querySelectorAll('.b').length}})()"""
FILTER = """(() => {const f = document.getElementById('filter'), t = performance.now();
  f.value = 'ads.marker'; f.dispatchEvent(new Event('input')); const took = performance.now() - t;
  f.value = ''; f.dispatchEvent(new Event('input')); return took})()"""


def records(data: Path, kind: str) -> Iterator[dict[str, Any]]:
    """The development pages, one set after another, forever (the batch is cut to size by the caller)."""
    files = sorted(data.glob("*.jsonl.gz"))
    if not files:
        raise SystemExit(f"no *.jsonl.gz in {data} (give --data or CLEANER_BENCH_DATA)")
    for path in cycle(files):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                page = json.loads(line)
                field = "html" if kind == "html" else "text"
                if page.get(field):
                    yield {"id": f"{path.name.split('.')[0]}/{page.get('id')}", "url": page.get("url"),
                           field: page[field]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--kind", choices=("html", "text"), default="html")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes that clean the batch (default: 2)")
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("CLEANER_BENCH_DATA", DEFAULT_DATA)))
    parser.add_argument("--keep", type=Path, help="write the report here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="review-bench-") as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for record in islice(records(args.data, args.kind), args.docs):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        report = args.keep or Path(tmp) / "report.html"
        started = time.monotonic()
        gathered = write_report([str(batch)], report, cleaner.load_rules(), kind=args.kind, jobs=args.jobs)
        built = time.monotonic() - started
        size = report.stat().st_size
        sidecar = report.with_name(report.stem + ".docs")
        cut = len(list(sidecar.glob("*.html"))) if sidecar.is_dir() else 0
        print(f"documents: {len(gathered.entries):,} ({sum(1 for e in gathered.entries if e.error)} failed), "
              f"input {batch.stat().st_size / 1e6:.1f} MB")
        print(f"report: {size / 1e6:.2f} MB ({size / 2**20:.2f} MiB), built in {built:.1f} s; "
              f"{cut:,} documents cut to fit, their whole pages in {sidecar.name}/")
        runs = []
        for run in range(args.repeat):
            with Browser() as browser:  # a fresh browser each time: no cache, no warm process
                seen = browser.open(report)
                timing = browser.evaluate(TIMING)
                filtering = browser.evaluate(FILTER)
                errors = browser.console_errors()
            runs.append(seen)
            fcp = f"{timing['fcp'] / 1000:.2f} s" if timing["fcp"] is not None else "n/a"
            print(f"open #{run + 1}: load event after {seen:.2f} s (page timing: DOMContentLoaded "
                  f"{timing['dcl'] / 1000:.2f} s, load {timing['load'] / 1000:.2f} s, first paint {fcp}); "
                  f"{timing['sections']:,} sections, {timing['blocks']:,} blocks; filter over all: "
                  f"{filtering:.0f} ms; console errors: {len(errors)}")
        print(f"open: median {statistics.median(runs):.2f} s, worst {max(runs):.2f} s (target < 3 s); "
              f"size {size / 1e6:.2f} MB (target < 20 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
