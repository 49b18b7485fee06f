"""Throughput of `cleaner clean` over a folder: workers (-j 2 vs -j 1) and CLI overhead vs a clean() loop.

Usage:
    python bench/parallel.py [--pages 1000] [--kind html|text] [--repeat 3] [--data DIR]

Builds a folder of `--pages` pages from the development data (cycling through the
sets; HTML pages as `.html`, or their text renderings as `.txt`) in a temporary
directory that is deleted afterwards, then times, each `--repeat` times, the best
run counted:

* `loop`: one Python process that reads each file and calls `cleaner.clean()` on it
  (timed from the first file to the last, so imports and rule loading are free);
* `loop+write`: the same loop, also rendering and writing each text output the way
  the CLI does (`write_atomic`), to separate the cost of writing files from the
  cost of the CLI's machinery;
* `cli -j 1` and `cli -j 2`: `python -m cleaner clean FOLDER -o OUT -j N -q`, timed
  as a whole process (start-up, rule loading and writing every output included).

Targets (issue "Pipelines and archives"): `-j 2` at least 1.7x the pages/s of `-j 1`
on a 2-core machine; `cli -j 1` at most 10% more time per page than `loop`.
Both wall time and CPU time (of the process and its workers) are shown: the
throughput target is about wall time and needs an otherwise idle machine, while
CPU time compares the CLI with the loop fairly even on a busy one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev"
SETS = ("l3s-gn1", "dragnet", "readability", "cleanportaleval")

LOOP = """
import sys, time
from pathlib import Path
from cleaner import clean, default_rules
from cleaner.writers import render, write_atomic
rules = default_rules()
root = Path(sys.argv[1])
out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
files = sorted(p for p in root.rglob("*") if p.is_file())
start, cpu = time.perf_counter(), time.process_time()
for path in files:
    result = clean(path.read_bytes(), rules=rules, source=str(path))
    if out is not None:
        write_atomic(out / path.relative_to(root).with_suffix(".txt"), render(result, "text"))
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def pages(data: Path, kind: str) -> list[str]:
    found = []
    for name in SETS:
        path = data / f"{name}.jsonl.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as stream:
                found += [page for line in stream if (page := json.loads(line).get(kind))]
    if not found:
        raise SystemExit(f"no pages in {data}; give --data")
    return found


def build(folder: Path, source: list[str], count: int, kind: str) -> None:
    suffix = ".html" if kind == "html" else ".txt"
    for n in range(count):
        sub = folder / f"part{n // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"page{n:05d}{suffix}").write_text(source[n % len(source)], encoding="utf-8")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and all its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", help=f"data dir (default: $CLEANER_BENCH_DATA or {DEFAULT_DATA})")
    args = ap.parse_args()
    data = Path(args.data or os.environ.get("CLEANER_BENCH_DATA") or DEFAULT_DATA)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as temp:
        folder = Path(temp) / "pages"
        build(folder, pages(data, args.kind), args.pages, args.kind)
        wall: dict[str, float] = {}
        cpu: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, extra in (("loop", []), ("loop+write", [str(Path(temp) / "loop-out")])):
                loop = subprocess.run([sys.executable, "-c", LOOP, str(folder), *extra], env=env, capture_output=True,
                                      text=True, check=True)
                loop_wall, loop_cpu = map(float, loop.stdout.split())
                wall[name] = min(wall.get(name, 1e9), loop_wall)
                cpu[name] = min(cpu.get(name, 1e9), loop_cpu)
            for jobs in (1, 2):
                out = Path(temp) / f"out{jobs}"
                command = [sys.executable, "-m", "cleaner", "clean", str(folder), "-o", str(out), "-j", str(jobs), "-q"]
                seconds, used = timed(command, env)
                name = f"cli -j {jobs}"
                wall[name] = min(wall.get(name, 1e9), seconds)
                cpu[name] = min(cpu.get(name, 1e9), used)
    print(f"{args.pages} {args.kind} pages, best of {args.repeat}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    for name in wall:
        print(f"  {name:<10} wall {wall[name]:7.2f} s ({args.pages / wall[name]:6.1f} pages/s)   "
              f"CPU {cpu[name]:7.2f} s ({cpu[name] / args.pages * 1000:6.2f} ms/page)")
    print(f"  -j 2 vs -j 1 throughput (wall): {wall['cli -j 1'] / wall['cli -j 2']:.2f}x (target >= 1.7x); "
          f"CPU spent by -j 2 over -j 1: {cpu['cli -j 2'] / cpu['cli -j 1']:.2f}x")
    print(f"  cli -j 1 vs clean() loop, CPU per page: {cpu['cli -j 1'] / cpu['loop'] - 1:+.1%} (target <= +10%); "
          f"wall: {wall['cli -j 1'] / wall['loop'] - 1:+.1%}")
    print(f"  cli -j 1 vs clean()+write loop, CPU per page: {cpu['cli -j 1'] / cpu['loop+write'] - 1:+.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
