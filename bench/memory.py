"""Peak memory of ``cleaner.clean()`` on single pages, relative to page size.

Usage:
    python bench/memory.py [--sets l3s-gn1,...] [--limit N] [--data DIR]
        [--kind html|text] [--system cleaner|trafilatura|readability]

Method: each page is cleaned in a fresh subprocess, which reports the growth
of its resident set size (RSS) during the call: just before the call it
returns freed heap memory to the OS (``malloc_trim(0)``), notes VmRSS and
resets the kernel's high-water mark (writing 5 to /proc/self/clear_refs);
right after, it reads VmHWM. Peak = VmHWM - VmRSS before, and the ratio is
peak / page size in UTF-8 bytes.

Why not tracemalloc: it only sees allocations made through Python's
allocator, while lxml's trees live in libxml2's C heap (malloc). Parsing a
15 kB page with lxml shows ~1.4 kB under tracemalloc but ~190 kB of
RSS. RSS sees everything. A fresh process per page keeps one page's garbage
and allocator state from hiding or inflating another's, and a warm-up call
on a tiny page first keeps one-off costs (lazy imports, compiled patterns)
out of the figure. Limits: Linux only (/proc); the kernel's RSS counters are
approximate, so a call that allocates nothing still shows 0-0.1 MiB, which
makes ratios of pages under ~50 kB coarse (the worst-page column gives the
absolute figures); memory reused from before the call without growing RSS is
not counted.

The parser's own share: each page is also measured, in its own fresh process, for a
bare ``lxml.html.document_fromstring`` of the same bytes (the tree libxml2 builds, which any
HTML reader pays), and the report gives both figures and the difference, "own" = peak of
the call - peak of the bare parse: what the reader adds on top of the tree.

``--system`` measures a peer the same way, for reference.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import KNOWN_SETS, data_dir, records  # noqa: E402

WARM_UP = "<html><head><title>t</title></head><body><article><p>Warm up text, a few words long.</p></article></body></html>"


def _status(fd: int, field: bytes) -> int:
    """A memory field (VmRSS, VmHWM) of /proc/self/status, in bytes.

    Reads a pre-opened descriptor with no buffering or regex, so that the
    measurement itself allocates next to nothing.
    """
    raw = os.pread(fd, 4096, 0)
    start = raw.index(field + b":") + len(field) + 1
    return int(raw[start : raw.index(b"kB", start)]) * 1024


def _extractor(system: str, kind: str):
    """The call to measure, imported here so that import cost is not measured."""
    if system == "cleaner":
        import cleaner

        return lambda page: cleaner.clean(page, kind=kind).text
    if system == "trafilatura":
        import trafilatura

        return lambda page: trafilatura.extract(page)
    if system == "readability":
        from readability import Document

        return lambda page: Document(page).summary()
    if system == "lxml-parse":  # the baseline: the tree alone, kept alive like a reader keeps it
        from lxml import html

        return lambda page: html.document_fromstring(page.encode("utf-8"))
    raise ValueError(f"unknown system {system}")


def child(system: str, kind: str) -> None:
    """Measure one page read from stdin; print a JSON result line."""
    import gc

    extract = _extractor(system, kind)
    extract(WARM_UP if kind == "html" else "Warm up text, a few words long.")
    page = sys.stdin.buffer.read().decode("utf-8")
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass  # not glibc: freed memory may be reused unseen
    status = os.open("/proc/self/status", os.O_RDONLY)
    clear_refs = os.open("/proc/self/clear_refs", os.O_WRONLY)
    before = _status(status, b"VmRSS")
    os.write(clear_refs, b"5")  # reset VmHWM to the current RSS
    result = extract(page)
    peak = _status(status, b"VmHWM") - before
    del result
    print(json.dumps({"peak": max(peak, 0)}))


def measure(system: str, kind: str, page: str) -> int:
    """Peak bytes of one call in a fresh interpreter; raises with its stderr on failure."""
    proc = subprocess.run(
        [sys.executable, __file__, "--child", system, "--kind", kind],
        input=page.encode("utf-8"),
        capture_output=True,
        timeout=300,
    )
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"exit status {proc.returncode}")
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])["peak"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", help="comma-separated set names (default: all known sets)")
    ap.add_argument("--limit", type=int, default=10, help="first N pages of each set (default 10)")
    ap.add_argument("--data", help="data dir (default: $CLEANER_BENCH_DATA or ../shared/data/dev)")
    ap.add_argument("--kind", choices=["html", "text"], default="html", help="input: the html or the text field")
    ap.add_argument("--system", choices=["cleaner", "trafilatura", "readability"], default="cleaner")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.kind)
        return 0
    if args.system != "cleaner" and args.kind != "html":
        ap.error("peers take html only")

    data = data_dir(args.data)
    sets = args.sets.split(",") if args.sets else [s for s in KNOWN_SETS if (data / f"{s}.jsonl.gz").is_file()]
    rows, all_ratios, all_parse, all_own, errors, first_error = [], [], [], [], 0, None
    baseline = args.kind == "html"
    for set_name in sets:
        ratios, parse_ratios, own_ratios, worst = [], [], [], (0.0, "", 0, 0)
        for rec in records(data / f"{set_name}.jsonl.gz", args.limit):
            page = rec[args.kind]
            if not page:
                continue  # no text rendering for this page
            size = len(page.encode("utf-8"))
            try:
                peak = measure(args.system, args.kind, page)
                parse_peak = measure("lxml-parse", "html", page) if baseline else 0
            except Exception as exc:
                errors += 1
                first_error = first_error or f"{set_name}/{rec['id'][:12]}: {exc}"
                continue
            ratios.append(peak / size)
            parse_ratios.append(parse_peak / size)
            own_ratios.append(max(peak - parse_peak, 0) / size)
            worst = max(worst, (peak / size, rec["id"][:12], size, peak))
        all_ratios += ratios
        all_parse += parse_ratios
        all_own += own_ratios
        if ratios:
            rows.append([set_name, str(len(ratios)), f"{statistics.median(ratios):.1f}", f"{worst[0]:.1f}",
                         f"{statistics.median(parse_ratios):.1f}", f"{statistics.median(own_ratios):.1f}",
                         f"{max(own_ratios):.1f}",
                         f"{worst[1]} ({worst[2] / 1024:.0f} kB -> {worst[3] / 2**20:.1f} MiB)"])
    if all_ratios:
        rows.append(["all", str(len(all_ratios)), f"{statistics.median(all_ratios):.1f}",
                     f"{max(all_ratios):.1f}", f"{statistics.median(all_parse):.1f}",
                     f"{statistics.median(all_own):.1f}", f"{max(all_own):.1f}", ""])
    header = ["set", "pages", "median ratio", "max ratio", "bare parse", "own median", "own max",
              "worst page (size -> peak)"]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    print(f"peak RSS growth of {args.system} ({args.kind} input) / page size; bare parse = lxml alone;"
          " own = call - bare parse")
    for r in [header] + rows:
        print("  ".join(c.ljust(w) if i in (0, 7) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    if errors:
        print(f"{errors} pages failed; first: {first_error}", file=sys.stderr)
    return 1 if errors and not all_ratios else 0


if __name__ == "__main__":
    sys.exit(main())
