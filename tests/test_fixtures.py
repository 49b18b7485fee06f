"""Golden files: every fixture's input must come out exactly as its expected.txt / expected.json.

The same cases run through the library and through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main

from conftest import FIXTURES, case_input, case_options, golden_cases

CASES = golden_cases()
IDS = [str(case.relative_to(FIXTURES)) for case in CASES]


def produce(folder: Path) -> dict:
    source = case_input(folder)
    result = cleaner.clean(source.read_bytes(), source=source.name, **case_options(folder))
    return result.to_dict()


@pytest.mark.parametrize("folder", CASES, ids=IDS)
def test_library_matches_golden(folder: Path, request: pytest.FixtureRequest) -> None:
    actual = produce(folder)
    if request.config.getoption("--update-golden"):
        (folder / "expected.json").write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (folder / "expected.txt").write_text(actual["text"], encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert actual == expected
    assert actual["text"] == (folder / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", CASES, ids=IDS)
def test_cli_matches_golden(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    options = case_options(folder)
    argv = ["clean", "--format", "json", case_input(folder).name]
    for key in ("url", "kind"):
        if key in options:
            argv += [f"--{key}", options[key]]
    assert main(argv) == 0
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert json.loads(capsys.readouterr().out) == expected


HAND = [case for case in CASES if (case / "hand.json").exists()]


@pytest.mark.parametrize("folder", HAND, ids=[str(c.relative_to(FIXTURES)) for c in HAND])
def test_hand_written_expectations(folder: Path) -> None:
    """Cases whose expectations a person wrote from the input alone (hand.json), before any code ran.

    They guard the golden files: a golden file may only be regenerated when these still hold.
    """
    hand = json.loads((folder / "hand.json").read_text(encoding="utf-8"))
    result = cleaner.clean(case_input(folder).read_bytes(), **case_options(folder))
    assert result.text == (folder / "expected.txt").read_text(encoding="utf-8")
    assert result.title == hand["title"]
    assert result.highlights == hand["highlights"]
    assert result.images == hand["images"]
    # Box headers go to metadata.highlights_titles, everything else to removed; in input order.
    assert [b.text for b in result.blocks if b.verdict in ("removed", "label")] == hand["removed_texts"]


def test_the_seed_is_a_fixture() -> None:
    assert any(case.name == "000_6ffb47693998821b" for case in CASES)
