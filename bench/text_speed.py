"""Throughput of `cleaner.clean(text, kind="text")` on the dev sets' `text` field, in MB/s.

Usage:
    python bench/text_speed.py [--sets l3s-gn1,...] [--limit N] [--data DIR]

The `text` field is the whole page rendered to text (see shared/data/README.md): the input
text mode is meant for. Speed is UTF-8 megabytes of input per second of CPU time
(`time.process_time`) spent inside `clean()` only, so reading and decompressing the data set
is not charged, and other jobs on a shared machine disturb the figure less than wall time.
One process, so the figure is per core. Targets: at least 5 MB/s (an earlier round), 20 MB/s over all
sets and 8 on the slowest (issue 13).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import cleaner  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("CLEANER_BENCH_DATA", REPO.parent / "shared" / "data" / "dev"))
SETS = ["l3s-gn1", "readability", "dragnet", "cleanportaleval"]


def texts(path: Path, limit: int):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if limit and count >= limit:
                return
            text = json.loads(line).get("text")
            if text:
                yield text


def measure(path: Path, limit: int) -> dict[str, float]:
    total_bytes = 0
    total_cpu = 0.0
    rates: list[float] = []
    for text in texts(path, limit):
        size = len(text.encode("utf-8"))
        start = time.process_time()
        cleaner.clean(text, kind="text")
        spent = time.process_time() - start
        total_bytes += size
        total_cpu += spent
        if spent > 0:
            rates.append(size / spent / 1e6)
    return {"pages": len(rates), "MB": total_bytes / 1e6, "cpu_s": total_cpu,
            "MB/s": total_bytes / total_cpu / 1e6 if total_cpu else 0.0,
            "median page MB/s": statistics.median(rates) if rates else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0 = all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    cleaner.clean("warm up the rule cache", kind="text")
    all_bytes = all_cpu = 0.0
    print(f"{'set':16} {'pages':>6} {'MB':>8} {'CPU s':>8} {'MB/s':>7} {'median':>7}")
    for name in args.sets.split(","):
        row = measure(args.data / f"{name}.jsonl.gz", args.limit)
        all_bytes += row["MB"]
        all_cpu += row["cpu_s"]
        print(f"{name:16} {row['pages']:6.0f} {row['MB']:8.2f} {row['cpu_s']:8.2f} {row['MB/s']:7.2f} "
              f"{row['median page MB/s']:7.2f}")
    print(f"{'all':16} {'':6} {all_bytes:8.2f} {all_cpu:8.2f} {all_bytes / all_cpu if all_cpu else 0:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
