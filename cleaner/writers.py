"""Render a Result as text, Markdown, JSON, HTML or TEI XML, and write files atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .result import Result, block_text, flow

FORMATS = ("text", "json", "markdown", "html", "tei")
SUFFIXES = {"text": ".txt", "json": ".json", "markdown": ".md", "html": ".html", "tei": ".xml", "jsonl": ".jsonl"}


def render(result: Result, fmt: str) -> str:
    """The document in one output format, ending with a newline."""
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "html":
        from .htmlout import to_html

        return to_html(result)
    if fmt == "tei":
        from .tei import to_tei

        return to_tei(result)
    return result.text + "\n" if result.text else ""


def to_markdown(result: Result) -> str:
    """Body blocks as Markdown (headings, lists, quotes), images at their positions."""
    parts: list[str] = []
    for what, value in flow(result):
        if what == "title":
            parts.append(f"# {_escape(value)}")
        elif what == "image":
            parts.append(_image_markdown(value))
        elif what == "title-block":
            parts.append(f"# {value.text}")  # a raw-text headline: the title, still in the text
        else:
            parts.append(_block_markdown(value.kind, value.level, block_text(value), value.text))
    return "\n\n".join(parts) + "\n" if parts else ""


def _block_markdown(kind: str, level: int, shown: str, text: str) -> str:
    if kind == "heading":
        return f"{'#' * min(max(level, 1), 6)} {text}"
    if kind == "item":
        return f"- {text}"
    if kind == "quote":
        return "\n".join(f"> {line}" for line in text.splitlines() or [""])
    if kind == "pre":
        return f"```\n{text}\n```"
    if kind == "table":
        return _table_markdown(text)
    return _escape(shown)


def _table_markdown(text: str) -> str:
    """Rows of "a | b | c" as a GitHub-style table, the first row as its header."""
    rows = [[cell.strip() for cell in line.split(" | ")] for line in text.splitlines() if line.strip()]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Keep plain paragraphs from turning into Markdown syntax by accident."""
    if text[:1] in "#>" or text[:2] in ("- ", "* ", "+ "):
        return "\\" + text
    return text


def _image_markdown(image: dict) -> str:
    label = " — ".join(p for p in (image.get("caption"), image.get("credit")) if p)
    if image.get("src"):
        alt = (image.get("alt") or image.get("caption") or "").replace("]", "\\]")
        line = f"![{alt}]({image['src']})"
        return f"{line}\n*{label}*" if label else line
    return f"*[Image: {label}]*" if label else "*[Image]*"


def write_atomic(path: Path, content: str) -> None:
    """Write via a temp file in the same folder and rename, so readers never see half a file.

    mkstemp makes the temp file 0600; the file gets the mode a plain `open()` would give it
    (0666 less the umask), or keeps its own when it is rewritten.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # POSIX (Windows has no modes to fix)
            os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)  # the only way to read the umask is to set it
        os.umask(mask)
        return 0o666 & ~mask
