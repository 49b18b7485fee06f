"""Where batch results go: mirrored output paths, JSONL files that can be resumed, stdout.

Output paths are built from the input tree only (never from names inside archive
records), and `safe_join` refuses anything that would leave the output folder.
A JSONL output is written to a hidden `.NAME.partial` beside it and renamed when
complete, so a file under its real name is always whole; `--resume` reads the
partial file back, drops a half-written last line and skips what is already there.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from .errors import CleanerError
from .sources import strip_suffix
from .writers import SUFFIXES


def record_key(source: dict[str, Any] | None) -> str:
    """A document's identity within a run: path, path#record-id, path@offset, path:line or a URL."""
    source = source or {}
    path = source.get("path") or source.get("url") or ""
    if source.get("line") is not None:
        return f"{path}:{source['line']}"
    if source.get("record_id"):
        return f"{path}#{source['record_id']}"
    if source.get("offset") is not None:
        return f"{path}@{source['offset']}"
    return path


def mirror_base(inputs: list[str]) -> Path:
    """The folder that output paths are relative to: the common ancestor of the inputs.

    A folder counts as itself and a file as its parent, so `cleaner clean pages/ -o out`
    writes `out/a.txt` for `pages/a.html`, and two folders keep their names.
    """
    anchors = []
    for name in inputs:
        if name == "-":
            continue
        full = os.path.abspath(name)
        anchors.append(full if os.path.isdir(full) else os.path.dirname(full))
    return Path(os.path.commonpath(anchors)) if anchors else Path.cwd()


def safe_join(root: Path, relative: str | PurePath) -> Path:
    """`root / relative`, refusing absolute paths and `..` so nothing is written outside `root`."""
    parts = PurePath(relative).parts
    if not parts or PurePath(relative).is_absolute() or any(p in ("..", "") for p in parts) or "\x00" in str(relative):
        raise CleanerError(f"refusing output path {str(relative)!r}: it would leave the output folder",
                           source=str(root), hint="this is a bug; please report it")
    return root.joinpath(*parts)


def output_path(outdir: Path, base: Path, path: Path, fmt: str, claimed: set[str]) -> Path:
    """The mirrored output file for an input file; a second input that maps to the same name keeps its suffix."""
    full = Path(os.path.abspath(path))
    try:
        relative = full.relative_to(base)
    except ValueError:
        relative = PurePath(path.name)
    suffix = SUFFIXES[fmt]
    stem = strip_suffix(relative.name)
    candidates = itertools.chain((stem + suffix, relative.name + suffix),
                                 (f"{relative.name}.{n}{suffix}" for n in range(2, 1000)))
    for name in candidates:
        target = safe_join(outdir, relative.with_name(name))
        if str(target) not in claimed:
            claimed.add(str(target))
            return target
    raise CleanerError("too many inputs map to the same output name", source=str(path), hint="rename some inputs")


UNSAFE_NAME = re.compile(r"[^\w.-]+")


def url_output_path(outdir: Path, url: str, fmt: str, claimed: set[str]) -> Path:
    """The output file for a fetched URL: `outdir/host/path` with the format's suffix.

    Each piece of the address is cut down to letters, digits, `.`, `-` and `_` (no `..`, no
    hidden names), a query adds a short hash, and a second URL that maps to the same name
    gets a number, so no address can name a path outside `outdir` or overwrite another.
    """
    parts = urlsplit(url)
    pieces = [_piece(parts.netloc.replace(":", "_"))]
    segments = [unquote(s) for s in parts.path.split("/") if s not in ("", ".", "..")]
    if not segments or parts.path.endswith("/"):
        segments.append("index")
    pieces += [_piece(s) for s in segments]
    stem = strip_suffix(pieces[-1])
    if parts.query:
        stem += "_" + hashlib.sha256(parts.query.encode("utf-8", "replace")).hexdigest()[:10]
    suffix = SUFFIXES[fmt]
    for name in itertools.chain((stem + suffix,), (f"{stem}.{n}{suffix}" for n in range(2, 1000))):
        target = safe_join(outdir, PurePath(*pieces[:-1], name))
        if str(target) not in claimed:
            claimed.add(str(target))
            return target
    raise CleanerError("too many URLs map to the same output name", source=url, hint="split the list")


def _piece(name: str) -> str:
    return UNSAFE_NAME.sub("_", name).lstrip(".")[:120] or "_"


class StdoutSink:
    """Content to stdout, flushed per document so a pipe sees each one as it is done."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, content: str) -> None:
        self.stream.write(content)
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonlFile:
    """A JSONL output written via a hidden partial file; `done` holds the keys already in it (on resume)."""

    def __init__(self, path: Path, *, resume: bool):
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self.resume = resume
        self.done: set[str] = set()
        self.handle: TextIO | None = None
        if resume:
            if path.exists() and not self.partial.exists():
                os.replace(path, self.partial)  # finished before: reopen it to add what is new
            if self.partial.exists():
                self.done = read_done(self.partial)

    def write(self, line: str) -> None:
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            mode = "a" if self.resume and self.partial.exists() else "w"
            self.handle = open(self.partial, mode, encoding="utf-8", newline="\n")
        self.handle.write(line)

    def close(self) -> None:
        if self.handle is None:
            self.write("")
        assert self.handle is not None
        self.handle.close()
        os.replace(self.partial, self.path)


def read_done(partial: Path) -> set[str]:
    """Keys of the complete records in a partial JSONL output; a half-written last line is cut off."""
    done: set[str] = set()
    good = 0
    with open(partial, "rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                break
            done.add(record_key(record.get("source")))
            good += len(line)
    if good != partial.stat().st_size:
        os.truncate(partial, good)
    return done
