"""Run one fuzz target under atheris, or replay its corpus without atheris.

    python fuzz/run.py clean -max_total_time=600 -timeout=10     # atheris (libFuzzer flags)
    python fuzz/run.py clean --replay                             # every file of fuzz/corpus/clean/
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def replay(name: str, paths: list[Path] | None = None) -> int:
    """Run every corpus file of a target once; the slowest input is printed so hangs show."""
    sys.path.insert(0, str(HERE))
    from targets import TARGETS

    target = TARGETS[name]
    files = paths or sorted(p for p in (CORPUS / name).rglob("*") if p.is_file())
    slowest = (0.0, "")
    for path in files:
        start = time.perf_counter()
        target(path.read_bytes())
        slowest = max(slowest, (time.perf_counter() - start, path.name))
    print(f"{name}: {len(files)} inputs replayed, slowest {slowest[0]:.2f} s ({slowest[1]})")
    return 0


def fuzz(name: str, args: list[str]) -> None:
    import atheris

    sys.path.insert(0, str(HERE))
    with atheris.instrument_imports(include=["cleaner"]):
        import cleaner  # noqa: F401
        import cleaner.html  # noqa: F401
        import cleaner.heuristics  # noqa: F401
        import cleaner.sources  # noqa: F401
    from targets import TARGETS

    # libFuzzer writes new inputs to the first folder: a work folder outside the repo when
    # FUZZ_WORK is set (the long run), the seeds in fuzz/corpus/ are read from the second.
    import os

    folders = [str(CORPUS / name)]
    if os.environ.get("FUZZ_WORK"):
        work = Path(os.environ["FUZZ_WORK"]) / name
        work.mkdir(parents=True, exist_ok=True)
        folders.insert(0, str(work))
    atheris.Setup([sys.argv[0]] + args + folders, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    target_name, rest = sys.argv[1], sys.argv[2:]
    if "--replay" in rest:
        extra = [Path(p) for p in rest if p != "--replay"]
        raise SystemExit(replay(target_name, extra or None))
    fuzz(target_name, rest)
