"""One SHA-256 per development page of every output format `clean()` gives it: proof that a change left every output alone.

Usage:
    python bench/output_digest.py OUT.tsv [--kinds html,text] [--limit N] [--data DIR]
    python bench/output_digest.py --compare A.tsv B.tsv

Each page is cleaned twice over: its `html` field with `kind="html", url=rec["url"]`, and
its `text` field (when it has one) with `kind="text"`. A line of OUT is
`set/index/kind<TAB>sha256`, the hash of the page's output in each of `writers.FORMATS`
(JSON, text, Markdown, `-f html`, TEI: the HTML writer reads the links the JSON leaves out). The templates (`bench/templates/templates.jsonl.gz`) are
included as the set `templates`. Speed work must give 0 differing pages in `--compare`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import cleaner  # noqa: E402
from cleaner import writers  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("CLEANER_BENCH_DATA", REPO.parent / "shared" / "data" / "dev"))
SETS = ["l3s-gn1", "readability", "dragnet", "cleanportaleval"]
TEMPLATES = REPO / "bench" / "templates" / "templates.jsonl.gz"


def sources(data: Path) -> list[tuple[str, Path]]:
    found = [(name, data / f"{name}.jsonl.gz") for name in SETS]
    return found + ([("templates", TEMPLATES)] if TEMPLATES.exists() else [])


def digest(result: cleaner.Result) -> str:
    outputs = hashlib.sha256()
    for fmt in writers.FORMATS:
        outputs.update(writers.render(result, fmt).encode("utf-8") + b"\0")
    return outputs.hexdigest()


def write(out: Path, data: Path, kinds: list[str], limit: int) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for name, path in sources(data):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for index, line in enumerate(lines):
                    if limit and index >= limit:
                        break
                    rec = json.loads(line)
                    if "html" in kinds:
                        result = cleaner.clean(rec["html"], kind="html", url=rec.get("url"))
                        sink.write(f"{name}/{index}/html\t{digest(result)}\n")
                        count += 1
                    if "text" in kinds and rec.get("text"):
                        sink.write(f"{name}/{index}/text\t{digest(cleaner.clean(rec['text'], kind='text'))}\n")
                        count += 1
    return count


def read(path: Path) -> dict[str, str]:
    return dict(line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip())


def compare(a: Path, b: Path) -> int:
    left, right = read(a), read(b)
    shared = left.keys() & right.keys()
    differing = sorted(key for key in shared if left[key] != right[key])
    only = len(left.keys() ^ right.keys())
    print(f"{len(shared) - len(differing)} identical, {len(differing)} differing, {only} in one file only")
    for key in differing[:20]:
        print(f"  differs: {key}")
    return 1 if differing or only else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--kinds", default="html,text")
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0 = all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT or --compare A B")
    count = write(args.out, args.data, args.kinds.split(","), args.limit)
    print(f"{count} outputs digested into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
