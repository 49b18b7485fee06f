"""One hash per development page of `cleaner.clean(...).to_json()`, to show a change alters no output.

Usage:
    python bench/compare_outputs.py OUT.tsv [--data DIR] [--limit N] [--rules PATH ...]
    diff before.tsv after.tsv     # no output: every page's result is byte-identical

Each dev record is cleaned twice: its `html` (kind="html", with its `url`) and its `text`
(kind="text"), when present. A line is `set:index:kind<TAB>sha256` (or `error: ...`), so a
diff names the page that changed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cleaner import clean  # noqa: E402
from cleaner.rulebook import RuleSet, load_rules  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/dev") if Path("/work/shared/data/dev").is_dir() else REPO.parent / "shared" / "data" / "dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="pages per data set (0: all)")
    parser.add_argument("--rules", action="append", default=[], help="extra rule files (as `--rules`)")
    parser.add_argument("--without-sites", action="store_true",
                        help="leave out the built-in site packs (rules/sites/), to compare with a tree that has none")
    args = parser.parse_args()
    rules = load_rules(args.rules)
    if args.without_sites:
        rules = RuleSet([r for r in rules if not r.origin.startswith("rules/sites/")])
    pages = 0
    with args.output.open("w", encoding="utf-8") as out:
        for path in sorted(args.data.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as records:
                for index, line in enumerate(records):
                    if args.limit and index >= args.limit:
                        break
                    rec = json.loads(line)
                    for kind, options in (("html", {"url": rec.get("url")}), ("text", {})):
                        if rec.get(kind) is None:
                            continue
                        try:
                            dump = clean(rec[kind], kind=kind, rules=rules, **options).to_json()
                            value = hashlib.sha256(dump.encode("utf-8")).hexdigest()
                        except Exception as exc:  # a failure is an output too
                            value = f"error: {type(exc).__name__}: {exc}"
                        out.write(f"{path.name.split('.')[0]}:{index}:{kind}\t{value}\n")
                    pages += 1
    print(f"{pages} pages hashed into {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
