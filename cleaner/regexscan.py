"""What a rule's regexes need, read from their parse trees, so the Matcher can skip rules.

A block is tried only against rules whose regexes can start with its first character and
whose required words its folded text holds. Every answer errs on the safe side: a character
or word is only ruled out when no match could do without it, and anything not understood
rules out nothing (tests compare the Matcher with trying every rule in order).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

_ASCII = [chr(code) for code in range(128)]
# The only characters that match an ASCII character under re.IGNORECASE without case-folding to it
# (İ folds to "i" and a combining dot, ı to itself): a block holding one is tried against every rule.
ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
CHANCE = 0.3  # how often a one-letter-longer word still turns up by chance (a rough rate, for ranking only)
try:  # private modules of `re` (3.11+); without them every rule is simply tried
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
    _ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
    _REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # pragma: no cover - depends on the Python version
    _parser = None


def _keys(patterns: Sequence[re.Pattern[str]]) -> tuple[tuple[str, int], ...]:
    return tuple((pattern.pattern, pattern.flags) for pattern in patterns)


def first_chars(patterns: Sequence[re.Pattern[str]]) -> frozenset[str] | None:
    """ASCII characters a match of any of the patterns can start with; None when any character may."""
    return _first_chars(_keys(patterns))


# Each matcher (HTML and text, early and late rules) reads the same regexes: parsed once a process.
@lru_cache(maxsize=4096)
def _first_chars(patterns: tuple[tuple[str, int], ...]) -> frozenset[str] | None:
    found: set[str] = set()
    if _parser is None:
        return None
    for pattern, flags in patterns:
        try:
            tree = _tree(pattern, flags)
            first, _ = _starts(tree.data, tree.state.flags)
        except Exception:  # an unforeseen construct: rule out nothing
            return None
        if first is None:
            return None
        found |= first
    return frozenset(found)


@lru_cache(maxsize=4096)
def _tree(pattern: str, flags: int) -> Any:
    """The pattern's parse tree (read, never changed): a rule's regexes are read for their first
    characters, for the words of each and for those of all together."""
    return _parser.parse(pattern, flags)


def _starts(nodes: list[Any], flags: int) -> tuple[set[str] | None, bool]:
    """(ASCII characters the sequence's match can start with or None for any, can it match empty)."""
    found: set[str] = set()
    for op, av in nodes:
        if op in (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY):
            state = _parser.State()
            state.flags = flags
            leaf = _compiler.compile(_parser.SubPattern(state, [(op, av)]), flags)
            return found | {char for char in _ASCII if leaf.fullmatch(char)}, False
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.SUBPATTERN:
            first, empty = _starts(av[3].data, (flags | av[1]) & ~av[2])
        elif op in _REPEATS:
            first, empty = _starts(av[2].data, flags)
            empty = empty or av[0] == 0
        elif op is _constants.ATOMIC_GROUP:
            first, empty = _starts(av.data, flags)
        elif op is _constants.BRANCH:
            branches = [_starts(branch.data, flags) for branch in av[1]]
            if any(first is None for first, _ in branches):
                return None, True
            first = set().union(*(first for first, _ in branches))
            empty = any(empty for _, empty in branches)
        else:
            return None, True
        if first is None:
            return None, True
        found |= first
        if not empty:
            return found, False
    return found, True


def needed_words(patterns: Sequence[re.Pattern[str]]) -> tuple[tuple[str, ...], ...]:
    """Words a block's folded text must hold for one of the patterns to match (unless the block has an
    `ODD_CASE` character): a tuple of clauses, each a tuple of words one of which must be
    there (one clause if several regexes)."""
    return _needed_words(_keys(patterns))


@lru_cache(maxsize=4096)
def _needed_words(patterns: tuple[tuple[str, int], ...]) -> tuple[tuple[str, ...], ...]:
    if _parser is None:
        return ()
    try:
        needs = [_needs(_tree(pattern, flags).data) for pattern, flags in patterns]
    except Exception:  # an unforeseen construct: rule out nothing
        return ()
    if len(needs) == 1:
        clauses = sorted(set(needs[0]), key=sorted)
        kept = [clause for clause in clauses if not any(  # a clause another implies adds nothing
            other != clause and _implies(other, clause) and (not _implies(clause, other) or sorted(other) < sorted(clause))
            for other in clauses)]
        return tuple(sorted((tuple(sorted(clause)) for clause in kept), key=lambda clause: (len(clause), clause)))
    best = [_best(clauses) for clauses in needs]
    if any(clause is None for clause in best):
        return ()
    return (tuple(sorted(set().union(*best))),)  # type: ignore[arg-type]


def _needs(nodes: list[Any]) -> list[frozenset[str]]:
    """Clauses (sets of lower-case ASCII words without spaces) that every match of the sequence
    satisfies: each clause has a word the match holds. A character that matches an ASCII one,
    even under IGNORECASE, folds to its lower case (but for `ODD_CASE`), and folding only
    collapses spaces, so the folded block then holds the word too."""
    clauses: list[frozenset[str]] = []
    run = ""
    for op, av in nodes + [(None, None)]:
        if op is _constants.LITERAL and av < 128 and not chr(av).isspace():
            run += chr(av).lower()
            continue
        if run and op is _constants.BRANCH:
            # `re` takes the alternatives' common start out ("next|newer" is "ne" then
            # "xt|wer"): the run then goes on with one of their own starts.
            clauses.append(frozenset(run + _lead(branch.data) for branch in av[1]))
        elif run:
            clauses.append(frozenset([run]))
        run = ""
        if op is _constants.SUBPATTERN:
            clauses += _needs(av[3].data)
        elif op in _REPEATS and av[0] >= 1:
            clauses += _needs(av[2].data)
        elif op is _constants.ATOMIC_GROUP:
            clauses += _needs(av.data)
        elif op is _constants.ASSERT:
            clauses += _needs(av[1].data)
        elif op is _constants.BRANCH:
            best = [_best(_needs(branch.data)) for branch in av[1]]
            if all(clause is not None for clause in best):
                clauses.append(frozenset().union(*best))  # type: ignore[arg-type]
    return clauses


def _implies(clause: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a text passing `clause` passes `other` too (each of its words holds one of other's)."""
    return all(any(part in word for part in other) for word in clause)


def _lead(nodes: list[Any]) -> str:
    """The literal characters a sequence starts with, as `_needs` reads them."""
    lead = ""
    for op, av in nodes:
        if op is not _constants.LITERAL or av >= 128 or chr(av).isspace():
            break
        lead += chr(av).lower()
    return lead


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    """The most telling clause: the one a line is least likely to pass by chance, taking a word of
    n characters to turn up in a line about 0.3**(n-1) of the time. So `{"hare", "pread"}` (what
    `share|spread` leaves once `re` has taken out their common `s`) beats `{"s"}`."""
    return min(clauses, key=lambda clause: (sum(CHANCE ** (len(word) - 1) for word in clause), len(clause)),
               default=None)
