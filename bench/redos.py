"""Time classic catastrophic regexes as user rules on a 100 kB line: RE2 (cleaner) against `re`.

Usage:
    python bench/redos.py [--python-budget SECONDS]

For each pattern: the time `cleaner.clean()` takes on a document of one 100 kB line with the
pattern as a user rule (max_chars raised so the rule is tried), and the time Python's `re` takes
on the same fullmatch, run in a child process killed after the budget (default 5 s).
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import cleaner  # noqa: E402
from cleaner.rulepack import parse_pack  # noqa: E402
from cleaner.ruleset import RuleSet  # noqa: E402
from test_regexengine import REDOS  # noqa: E402


def python_match(pattern: str, line: str) -> None:
    re.compile(pattern, re.IGNORECASE).fullmatch(line)


def python_time(pattern: str, line: str, budget: float) -> str:
    child = multiprocessing.Process(target=python_match, args=(pattern, line))
    start = time.perf_counter()
    child.start()
    child.join(budget)
    if child.is_alive():
        child.kill()
        child.join()
        return f"> {budget:.0f} s (killed)"
    return f"{time.perf_counter() - start:.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python-budget", type=float, default=5.0)
    args = parser.parse_args()
    print("| pattern | line | cleaner.clean() (RE2) | Python `re` fullmatch |")
    print("|---|---|---:|---:|")
    for pattern, line in REDOS:
        pack = (f"[[rules]]\nid = \"user.redos\"\ncategory = \"x\"\naction = \"drop\"\nregex = '{pattern}'\n"
                "max_chars = 1000000\n")
        rules = RuleSet(parse_pack(pack, "redos.toml"))
        start = time.perf_counter()
        cleaner.clean(line, kind="text", rules=rules)
        ours = time.perf_counter() - start
        shown = f"{line[:6]!r}… ({len(line) // 1000} kB)"
        print(f"| `{pattern}` | {shown} | {ours:.3f} s | {python_time(pattern, line, args.python_budget)} |", flush=True)


if __name__ == "__main__":
    main()
