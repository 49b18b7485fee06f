"""The README is tested: every option is documented, every `cleaner` command in it runs, and its test
command is the one CI runs."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from cleaner.cli import build_parser, main

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
# Commands that fetch from the README's local server (127.0.0.1:8000) run in tests/test_fetch.py, which serves fixtures/.
COMMANDS = [line.split("  #")[0].strip() for block in SHELL_BLOCKS for line in block.splitlines()
            if line.strip().startswith("cleaner ") and "|" not in line
            and "127.0.0.1:8000" not in line and "--input-format urls" not in line]


def _options(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:  # argparse has no public API for this
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
        found |= {o for o in action.option_strings if o.startswith("--") and o not in ("--help", "--version")}
    return found


@pytest.mark.parametrize("option", sorted(_options(build_parser())))
def test_every_option_is_in_the_readme(option: str) -> None:
    assert re.search(rf"[`/ ]{re.escape(option)}\b", README), f"{option} is not documented in README.md"


def test_readme_has_commands() -> None:
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """Run from the repository root, with every output path moved into a temporary folder."""
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)[1:]
    for index, arg in enumerate(argv[:-1]):
        if arg in ("-o", "--output"):
            argv[index + 1] = str(tmp_path / argv[index + 1].lstrip("/"))
    assert main(argv) == 0, capsys.readouterr().err


# --- the test command: what CI runs, with nothing skipped on a clean clone -------------------------

QUICK_START = re.search(r"## Quick start\n(.*?)\n## ", README, re.DOTALL).group(1)
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_quick_start_has_two_commands_and_the_second_is_what_ci_runs() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", QUICK_START, re.DOTALL)
    assert len(blocks) == 2 and all("\n" not in block for block in blocks)
    assert blocks[1] in CI.splitlines(), "the README's test command must be the command .ci/run runs"
    assert "'.[test,spark]'" in blocks[1] and blocks[1].endswith("&& pytest")


def test_test_extra_leaves_pyspark_to_the_spark_extra() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert not any(req.startswith("pyspark") for req in extras["test"])
    assert any(req.startswith("pyspark") for req in extras["spark"])


# --- nothing outside the repository: a clean clone runs every test ------------------------------

# A test that reads a file beside the repository is skipped (or fails) on a clean clone.
OUTSIDE = re.compile(r"ROOT\.parent\b|parents\[[2-9]\]|\.parent\.parent\.parent|[\"']/work/|skipif\(not \w+\.exists\(\)")


@pytest.mark.parametrize("path", sorted((ROOT / "tests").glob("*.py")), ids=lambda p: p.name)
def test_no_test_reads_outside_the_repository(path: Path) -> None:
    found = [f"{path.name}:{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OUTSIDE.search(line) and "OUTSIDE = " not in line]
    assert found == []
