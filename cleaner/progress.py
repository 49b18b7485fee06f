"""Progress of a batch on stderr: a live bar when stderr is a terminal, and a one-line summary.

The bar is redrawn at most a few times a second, so it costs nothing per document.
Its ETA comes from input bytes (files and archive records) rather than document
counts, because the number of records in an archive is not known until it is read.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import TextIO

REDRAW_SECONDS = 0.25


class Progress:
    """Counts documents, errors and input bytes; draws the bar when `live`."""

    def __init__(self, stream: TextIO, *, live: bool, total_bytes: int | None = None):
        self.stream = stream
        self.live = live
        self.total_bytes = total_bytes
        self.started = time.monotonic()
        self.docs = 0
        self.errors = 0
        self.done_bytes = 0
        self._drawn_at = 0.0
        self._shown = False

    def advance(self, *, failed: bool, nbytes: int) -> None:
        self.docs += 1
        self.errors += failed
        self.done_bytes += nbytes
        if self.live:
            now = time.monotonic()
            if now - self._drawn_at >= REDRAW_SECONDS:
                self._drawn_at = now
                self.draw(now)

    def skip_bytes(self, nbytes: int) -> None:
        """Input passed over (already done): it no longer counts towards the ETA."""
        if self.total_bytes is not None:
            self.total_bytes = max(self.total_bytes - nbytes, 0)

    def draw(self, now: float | None = None) -> None:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.docs / elapsed
        parts = [counted(self.docs, "document"), f"{rate:,.1f}/s", counted(self.errors, "error")]
        if self.total_bytes and self.done_bytes:
            fraction = min(self.done_bytes / self.total_bytes, 1.0)
            remaining = elapsed * (1 - fraction) / fraction
            width = 20
            filled = int(fraction * width)
            parts.insert(0, f"[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%}")
            parts.append(f"ETA {format_duration(remaining)}")
        self.stream.write("\r" + "  ".join(parts) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the bar so a message can be printed on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def summary(self, skipped: Counter[str]) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.docs / elapsed if elapsed > 0 else 0.0
        line = (f"cleaner: {counted(self.docs, 'document')} in {format_duration(elapsed)} ({rate:,.1f}/s): "
                f"{self.docs - self.errors:,} cleaned, {self.errors:,} failed")
        if skipped:
            reasons = ", ".join(counted(n, why) for why, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
            line += f"; skipped {sum(skipped.values()):,} ({reasons})"
        return line


NOUNS = ("document", "error", "file", "record", "archive", "rule", "word", "config")


def counted(n: int, phrase: str) -> str:
    """`1 document`, `2 documents`, `2 other files`, `2 archives already done`: the first noun of the
    phrase agrees with the count (a phrase without one, `already done`, stays as it is)."""
    words = phrase.split(" ")
    if n != 1:
        for index, word in enumerate(words):
            if word in NOUNS:
                words[index] = word + "s"
                break
    return f"{n:,} {' '.join(words)}"


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
