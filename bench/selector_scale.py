"""What a 20,000-selector filter list costs: load time (cold and from its cache) and CPU per page.

Usage:
    python bench/selector_scale.py [--selectors 20000] [--pages 300] [--data DIR] [--keep LIST.txt]

A list in the Adblock Plus syntax is generated (fixed seed, a realistic mix: `##.class`,
`###id`, `##div[id^=…]`, `##a[href*=…]`, site-scoped `a.com##…`, a few with combinators and
exceptions, a few network filters), loaded once without and once with its cache (in this
process, and in a fresh one as a batch worker does), then every sampled dev page (HTML, with
its URL) is cleaned with the default rules and with default rules plus the list, alternately
in one run, timing CPU (`time.process_time`).
Targets (issue 10): load < 2 s, < 0.2 s from the cache, CPU ratio <= 1.3. Wall times are given
with the process's CPU time beside them, since a shared machine stretches the first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cleaner import clean  # noqa: E402
from cleaner.listcache import cache_path  # noqa: E402
from cleaner.rulebook import load_rules  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/dev")
WORDS = ("ad", "ads", "banner", "promo", "sponsor", "widget", "box", "slot", "teaser", "native", "rail", "popup",
         "overlay", "cookie", "consent", "newsletter", "paywall", "sticky", "footer", "sidebar", "outbrain", "taboola")


def generate(count: int, seed: int = 10) -> str:
    """A filter list of `count` lines of the kinds real lists hold, in their rough shares."""
    rng = random.Random(seed)
    lines = ["[Adblock Plus 2.0]", "! Title: generated for bench/selector_scale.py"]
    for number in range(count):
        word = rng.choice(WORDS)
        name = f"{word}-{rng.choice(WORDS)}{number}"
        roll = rng.random()
        if roll < 0.45:
            lines.append(f"##.{name}")
        elif roll < 0.55:
            lines.append(f"###{name}")
        elif roll < 0.65:
            lines.append(f'##div[id^="{name}-"]')
        elif roll < 0.72:
            lines.append(f'##a[href*="/{name}/"]')
        elif roll < 0.90:
            sites = ",".join(f"site{rng.randrange(5000)}.example" for _ in range(rng.randint(1, 3)))
            lines.append(f"{sites}##.{name}")
        elif roll < 0.95:
            lines.append(f"##.{name} > .{rng.choice(WORDS)}-inner")
        elif roll < 0.97:
            lines.append(f"site{rng.randrange(5000)}.example#@#.{name}")
        else:
            lines.append(f"||{name}.ads.example^$third-party")
    return "\n".join(lines) + "\n"


def pages(data: Path, limit: int) -> list[dict]:
    """Up to `limit` HTML pages, spread evenly over the dev sets."""
    records = []
    for path in sorted(data.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            records.append([json.loads(line) for line in stream])
    total = sum(map(len, records))
    picked = []
    for recs in records:
        share = max(1, round(limit * len(recs) / total)) if limit else len(recs)
        step = max(1, len(recs) // share)
        picked += [r for r in recs[::step][:share] if r.get("html")]
    return picked


FRESH_LOAD = """import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from cleaner.rulebook import load_rules
load_rules()
wall, cpu = time.perf_counter(), time.process_time()
load_rules([Path(sys.argv[2])])
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def fresh_load(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of loading the list from its cache in a new process, the built-in packs
    already loaded: what a batch worker pays, without this process's heap to collect over."""
    out = subprocess.run([sys.executable, "-c", FRESH_LOAD, str(REPO), str(path)], capture_output=True, text=True,
                         check=True).stdout
    wall, cpu = map(float, out.split())
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--selectors", type=int, default=20000)
    parser.add_argument("--pages", type=int, default=300, help="dev pages to time (0: all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--keep", type=Path, help="also write the generated list here")
    args = parser.parse_args()
    text = generate(args.selectors)
    if args.keep:
        args.keep.write_text(text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.txt"
        path.write_text(text, encoding="utf-8")
        load_rules()  # the built-in packs, so neither timing below includes them
        wall, cpu = time.perf_counter(), time.process_time()
        with_list = load_rules([path])
        cold = (time.perf_counter() - wall, time.process_time() - cpu)
        assert cache_path(path).exists()
        wall, cpu = time.perf_counter(), time.process_time()
        with_list = load_rules([path])
        cached = (time.perf_counter() - wall, time.process_time() - cpu)
        fresh = fresh_load(path)
        wall, cpu = time.perf_counter(), time.process_time()
        with_list.selector_plans(None)  # the index, built on the first page a process cleans
        index = (time.perf_counter() - wall, time.process_time() - cpu)
        defaults = load_rules()
        sample = pages(args.data, args.pages)
        clean(sample[0]["html"], kind="html", rules=defaults)
        base = extra = 0.0
        for number, rec in enumerate(sample):
            for rules in ((defaults, with_list) if number % 2 else (with_list, defaults)):  # alternate the order
                started = time.process_time()
                clean(rec["html"], kind="html", url=rec.get("url"), rules=rules)
                spent = time.process_time() - started
                if rules is defaults:
                    base += spent
                else:
                    extra += spent
        imported = len(with_list) - len(defaults)
    print(f"list: {args.selectors} lines, {imported} rules kept")
    print(f"load: {cold[0]:.2f} s cold (CPU {cold[1]:.2f} s; target < 2 s), {cached[0]:.3f} s from the cache "
          f"(CPU {cached[1]:.3f} s; target < 0.2 s), {fresh[0]:.3f} s in a fresh process (CPU {fresh[1]:.3f} s); index built on the first page: {index[0]:.2f} s "
          f"(CPU {index[1]:.2f} s)")
    print(f"CPU per HTML page over {len(sample)} dev pages: defaults {1000 * base / len(sample):.1f} ms, "
          f"defaults + list {1000 * extra / len(sample):.1f} ms, ratio {extra / base:.2f} (target <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
