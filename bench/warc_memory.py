"""Peak memory of `cleaner clean` over a WARC: flat in the number of records.

Usage:
    python bench/warc_memory.py [--records 1000,10000] [--jobs 2] [--kind html|text] [--data DIR]

Writes a synthetic WARC (gzip per record, with warcio's writer, streamed to disk)
for each record count, cycling through the development pages (`--kind html`
pages or their text renderings) with a distinct URL per record, in a temporary
directory deleted afterwards. Then runs
`python -m cleaner clean X.warc.gz -f jsonl -o out.jsonl -j N -q` and samples the
resident memory (VmRSS from /proc) of that process and all its workers every
20 ms. Reported per size: the peak of the sum over the process tree, and the
peak of the main process alone.

Target (issue "Pipelines and archives"): the peak for 10,000 records within 1.2x
of the peak for 1,000. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev"
SETS = ("l3s-gn1", "dragnet", "readability", "cleanportaleval")


def pages(data: Path, kind: str, limit: int) -> list[str]:
    found: list[str] = []
    for name in SETS:
        with gzip.open(data / f"{name}.jsonl.gz", "rt", encoding="utf-8") as stream:
            for line in stream:
                page = json.loads(line).get(kind)
                if page:
                    found.append(page)
                if len(found) >= limit:
                    return found
    return found


def write_warc(path: Path, source: list[str], count: int, kind: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    content_type = "text/html; charset=utf-8" if kind == "html" else "text/plain; charset=utf-8"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(count):
            body = source[n % len(source)].encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://bench.example/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=http))


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except OSError:
            pass
    return pids


def measure(command: list[str], env: dict[str, str]) -> tuple[int, int, float]:
    """(peak KiB of the process tree, peak KiB of the main process, seconds)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_main = 0
    while process.poll() is None:
        pids = tree(process.pid)
        peak_tree = max(peak_tree, sum(rss_kib(p) for p in pids))
        peak_main = max(peak_main, rss_kib(process.pid))
        time.sleep(0.02)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return peak_tree, peak_main, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", default="1000,10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--data", help=f"data dir (default: $CLEANER_BENCH_DATA or {DEFAULT_DATA})")
    args = ap.parse_args()
    data = Path(args.data or os.environ.get("CLEANER_BENCH_DATA") or DEFAULT_DATA)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    source = pages(data, args.kind, 500)
    sizes = [int(n) for n in args.records.split(",")]
    results = {}
    with tempfile.TemporaryDirectory(prefix="cleaner-warc-bench-") as temp:
        for count in sizes:
            warc = Path(temp) / f"bench{count}.warc.gz"
            write_warc(warc, source, count, args.kind)
            command = [sys.executable, "-m", "cleaner", "clean", str(warc), "-f", "jsonl",
                       "-o", str(Path(temp) / f"out{count}.jsonl"), "-j", str(args.jobs), "-q"]
            results[count] = measure(command, env)
            warc.unlink()
    print(f"{args.kind} records, -j {args.jobs}")
    for count, (peak_tree, peak_main, seconds) in results.items():
        print(f"  {count:>7,} records: peak RSS {peak_tree / 1024:7.1f} MiB (all processes), "
              f"{peak_main / 1024:6.1f} MiB (main), {seconds:6.1f} s")
    if len(sizes) >= 2:
        first, last = results[sizes[0]][0], results[sizes[-1]][0]
        print(f"  ratio {sizes[-1]:,} / {sizes[0]:,} records: {last / first:.2f}x (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
