"""A hash of `cleaner clean -f json` for every dev page (HTML and text) and fixture, at a git revision.

Usage:
    python bench/same_output.py REV > /tmp/REV.tsv         # REV: a commit, branch, or "." (the work tree)
    python bench/same_output.py --compare A.tsv B.tsv       # pages whose output differs

A change meant to keep behaviour (a new regex engine, a faster loop) must leave every
line the same. The revision is exported with `git archive` to a temporary folder and run
there, with its own built-in rules, in a child process of this Python.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEANER_BENCH_DATA", REPO.parent / "shared" / "data" / "dev"))

CHILD = r'''
import gzip, hashlib, json, sys
from pathlib import Path
tree, data = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(tree))
import cleaner, cleaner.rulebook as rulebook
from cleaner.writers import render
# The tree's own rules, whatever an installed (editable) package would point at.
rulebook._BUILTIN_CACHE = [rule for path in sorted((tree / "rules").glob("*.toml"))
                           for rule in rulebook.parse_pack(path.read_text(encoding="utf-8"), f"rules/{path.name}")]
assert Path(cleaner.__file__).resolve().is_relative_to(tree.resolve()), cleaner.__file__

def digest(name, data, **options):
    try:
        out = render(cleaner.clean(data, **options), "json")
    except Exception as exc:
        out = f"error: {type(exc).__name__}: {exc}"
    print(f"{name}\t{hashlib.sha256(out.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}", flush=True)

for path in sorted(data.glob("*.jsonl.gz")):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            page = json.loads(line)
            for kind in ("html", "text"):
                if page.get(kind):
                    digest(f"{path.name}:{number}:{kind}", page[kind], kind=kind, url=page.get("url"))
for case in sorted((tree / "fixtures").glob("*/*/")):
    inputs = sorted(case.glob("input.*"))
    if inputs:
        options_file = case / "options.json"
        options = json.loads(options_file.read_text()) if options_file.exists() else {}
        digest(f"fixture:{case.parent.name}/{case.name}", inputs[0].read_bytes(), **options)
'''


def dump(rev: str) -> int:
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        if rev == ".":
            tree = REPO
        else:
            tree = Path(tmp)
            archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        return subprocess.run([sys.executable, "-c", CHILD, str(tree), str(DATA)]).returncode


def compare(a: Path, b: Path) -> int:
    left = dict(line.split("\t") for line in a.read_text().splitlines())
    right = dict(line.split("\t") for line in b.read_text().splitlines())
    differ = sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))
    for name in differ:
        print(name)
    print(f"{len(left)} vs {len(right)} outputs; {len(differ)} differ", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rev", nargs="?", help="git revision, or . for the work tree")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args()
    raise SystemExit(compare(*args.compare) if args.compare else dump(args.rev or "."))
