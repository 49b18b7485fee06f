"""HTML fixtures beyond the shared golden test (tests/test_fixtures.py runs every case's
expected.json / expected.txt through the library and the CLI): enough cases, the Markdown
rendering, and the audit trail of every removal.

`CLEANER_UPDATE_GOLDEN=1` rewrites expected.md (review the diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.writers import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.html").is_file())
UPDATE = os.environ.get("CLEANER_UPDATE_GOLDEN") == "1"


def _url(case: Path) -> str | None:
    options = case / "options.json"
    return json.loads(options.read_text()).get("url") if options.is_file() else None


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; review the output and set CLEANER_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 10


def test_markdown_golden() -> None:
    """Headings, lists, quotes, tables and code render as Markdown (golden expected.md)."""
    case = FIXTURES / "structure-markdown"
    result = clean((case / "input.html").read_bytes(), kind="html")
    _check(case / "expected.md", render(result, "markdown"))


@pytest.mark.parametrize("name", CASES)
def test_every_removal_has_a_rule_and_a_place(name: str) -> None:
    case = FIXTURES / name
    result = clean((case / "input.html").read_bytes(), kind="html", url=_url(case))
    for entry in result.removed:
        assert entry["rule"] and entry["where"].startswith(("/html", "script")), entry
