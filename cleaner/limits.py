"""Resource limits: how much one document may cost, so one bad input cannot exhaust a worker.

A document past a limit is refused with a `LimitError` (an `InputError`) that names the
limit; batches turn it into an error record and go on. Sizes are checked before the bytes
are read or unpacked whole: a file by its size on disk, streams and decompression in
bounded chunks. The element count is checked once the page is parsed, before any of the
per-element work (`cleaner.htmlparse.parse`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

MiB = 1 << 20
SIZE = re.compile(r"\s*(\d+)\s*([kmg]i?b?|b)?\s*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """The limits in force. Defaults are generous: far above any real article."""

    max_bytes: int = 64 * MiB  # one document's input, as read (a file, a record, a JSONL line, stdin)
    max_decompressed_bytes: int = 64 * MiB  # what a .gz document or an MHTML part may unpack to
    # Elements in one HTML page's tree. Articles hold a few thousand (the dev sets' largest,
    # 10,476); a page costs about 50 µs and 1.2 kB of memory an element, so a million is ~50 s
    # and ~1.2 GB: 100 times any article, yet far below what 64 MiB of `<p>x</p>` would build.
    max_nodes: int = 1_000_000

    @classmethod
    def of(cls, max_bytes: int | None = None, max_decompressed_bytes: int | None = None,
           max_nodes: int | None = None) -> "Limits":
        """Limits with the given values, defaults for the others (None)."""
        given = {"max_bytes": max_bytes, "max_decompressed_bytes": max_decompressed_bytes, "max_nodes": max_nodes}
        for name, value in given.items():
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                unit = "number of elements" if name == "max_nodes" else "number of bytes"
                raise ValueError(f"{name} must be a positive {unit}, not {value!r}")
        return cls(**{name: value for name, value in given.items() if value is not None})


DEFAULT_LIMITS = Limits()
FLAGS = {"max_bytes": "--max-bytes", "max_decompressed_bytes": "--max-decompressed-bytes", "max_nodes": "--max-nodes"}


class LimitError(InputError):
    """A document past one of the `Limits`; `limit` is the limit's name (e.g. "max_bytes")."""

    def __init__(self, message: str, *, limit: str, source: str | None = None):
        super().__init__(message, source=source,
                         hint=f"raise it with {FLAGS[limit]} (clean(..., {limit}=...)), or split the document")
        self.limit = limit


def human(size: int) -> str:
    """A size for messages: 210.0 MiB, 12.5 KiB, 300 bytes."""
    if size >= MiB:
        return f"{size / MiB:.1f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size} bytes"


def check(size: int, limit: int, name: str, *, what: str = "document", source: str | None = None,
          at_least: bool = False) -> None:
    """Raise `LimitError` when `size` is past `limit`; `at_least` when only a lower bound is known."""
    if size > limit:
        amount = f"more than {human(limit)}" if at_least else human(size)
        raise LimitError(f"{what} is {amount}, past {FLAGS[name]} {human(limit)}", limit=name, source=source)


def parse_size(text: str) -> int:
    """`64M`, `512k`, `1G`, `1000` (bytes) -> bytes: for the command line's limit options."""
    found = SIZE.match(text)
    if not found or int(found.group(1)) < 1:
        raise ValueError(f"not a size: {text!r} (give bytes, or a number with K, M or G)")
    unit = (found.group(2) or "b")[0].lower()
    return int(found.group(1)) * {"b": 1, "k": 1024, "m": MiB, "g": 1024 * MiB}[unit]
