"""The word lists the heuristics read, looked up by rule id in the rule set in force.

Which class names mark a share bar, which headings announce a comment thread: that is
vocabulary, and it lives in rule files (`rules/vocabulary.toml`, action "vocabulary"), where
a user can read it, extend it (`extends = "<id>"`) or turn it off (`--disable <id>`). The
heuristics are deep in the call tree and many of them run per element, so rather than pass the
rule set down every call, `clean()` makes it the one in force for the document (`using`) and
the code asks `test(id)` for the compiled check, built once per rule set.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterator

from .ruleset import RuleSet

_IN_FORCE: ContextVar[RuleSet | None] = ContextVar("cleaner_rules_in_force", default=None)
_DEFAULT: RuleSet | None = None


def test(rule_id: str) -> Callable[[str], Any]:
    """The vocabulary's check (text -> whether its RE2 pattern is found, see `RuleSet.vocabulary`)
    in the rule set in force, else in the built-in rules."""
    rules = _IN_FORCE.get()
    if rules is None:
        rules = _default()
    return rules.vocabulary(rule_id)


def _default() -> RuleSet:
    global _DEFAULT
    if _DEFAULT is None:
        from .api import default_rules

        _DEFAULT = default_rules()
    return _DEFAULT


@contextmanager
def using(rules: RuleSet) -> Iterator[None]:
    """Make `rules` the rule set whose vocabulary the heuristics read, for this block."""
    token = _IN_FORCE.set(rules)
    try:
        yield
    finally:
        _IN_FORCE.reset(token)
