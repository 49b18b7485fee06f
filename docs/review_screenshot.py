"""Regenerate docs/review-seed.png: the review report of the seed article, in headless Chromium.

Usage (from the repository root, with cleaner installed): python docs/review_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import cleaner  # noqa: E402
from cleaner.review import write_report  # noqa: E402

from chromium import Browser  # noqa: E402

SEED = REPO / "fixtures" / "seed" / "000_6ffb47693998821b" / "input.txt"


def main() -> int:
    os.chdir(REPO)  # so the report names the seed by its path in the repository
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "seed.html"
        write_report([str(SEED.relative_to(REPO))], report, cleaner.load_rules())
        with Browser(width=1400, height=1500) as browser:
            browser.open(report)
            browser.screenshot(REPO / "docs" / "review-seed.png")
    print("wrote docs/review-seed.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
