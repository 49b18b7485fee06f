"""Replay every fuzz corpus file (seeds and every crash the fuzzers found) through its target.

A target may only succeed or raise a `CleanerError`; see fuzz/README.md. The short
atheris run is marked `fuzz` and runs where atheris is installed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))
from targets import TARGETS  # noqa: E402

CASES = [(name, path) for name in sorted(TARGETS) for path in sorted((FUZZ / "corpus" / name).glob("*"))]


def test_every_target_has_a_corpus() -> None:
    assert {name for name, _ in CASES} == set(TARGETS)


@pytest.mark.parametrize("name, path", CASES, ids=[f"{n}/{p.name}" for n, p in CASES])
def test_corpus_input(name: str, path: Path) -> None:
    TARGETS[name](path.read_bytes())


@pytest.mark.fuzz
@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
@pytest.mark.parametrize("name", sorted(TARGETS))
def test_short_fuzz_run(name: str, tmp_path: Path) -> None:
    """A few seconds of coverage-guided fuzzing per target (CI: FUZZ_SECONDS, default 10)."""
    seconds = int(os.environ.get("FUZZ_SECONDS", "10"))
    done = subprocess.run([sys.executable, str(FUZZ / "run.py"), name, f"-max_total_time={seconds}", "-timeout=10",
                           "-rss_limit_mb=2048", "-max_len=65536", f"-artifact_prefix={tmp_path}/"],
                          capture_output=True, text=True, timeout=seconds + 300, env={**os.environ, "FUZZ_WORK": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
