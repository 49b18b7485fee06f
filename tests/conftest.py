"""Shared test helpers: fixture discovery and the golden-file switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite fixtures' expected.txt/expected.json from current output (review the diff!)")


def golden_cases() -> list[Path]:
    """Every fixture folder with an input file and an expected.json."""
    cases = []
    for folder in sorted(FIXTURES.glob("*/*/")):
        if any(folder.glob("input.*")) and (folder / "expected.json").exists():
            cases.append(folder)
    return cases


def case_input(folder: Path) -> Path:
    return next(p for p in sorted(folder.glob("input.*")))


def cli_output(folder: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """What `cleaner clean -f FMT` prints for a fixture case, run from its folder with its options."""
    from cleaner.cli import main

    monkeypatch.chdir(folder)
    argv = ["clean", "-f", fmt, case_input(folder).name]
    for key, value in case_options(folder).items():
        argv += [f"--{key}", value]
    assert main(argv) == 0
    return capsys.readouterr().out


def case_options(folder: Path) -> dict:
    """Optional options.json: {"url": ..., "kind": ...} passed to clean()."""
    path = folder / "options.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
