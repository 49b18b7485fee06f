"""One exception hierarchy, so callers catch `CleanerError` and the CLI prints one line."""

from __future__ import annotations


class CleanerError(Exception):
    """Base of every error cleaner raises on purpose.

    `source` names the file (or "<stdin>", or a record id) the error is about;
    `hint` says what the user can do about it.
    """

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.source}: {self.message}" if self.source else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(CleanerError):
    """The document could not be read: missing, binary, undecodable."""


class RuleError(CleanerError):
    """A rule file is broken: bad TOML, unknown action, bad regex, duplicate id."""

    exit_code = 2


class UsageError(CleanerError):
    """Options that do not fit together: exit code 2, like argparse's own errors."""

    exit_code = 2
