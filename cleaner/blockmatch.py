"""Find the first block rule (in order) that matches a block of text: what every paragraph, line
and caption goes through, so it must stay fast however many rules are loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .regexengine import WordSet
from .regexscan import ODD_CASE, first_chars, needed_words

if TYPE_CHECKING:
    from .ruleset import Rule


def fold(text: str) -> str:
    """Case- and space-folded form used for literal line matching."""
    return " ".join(text.casefold().split())


class Matcher:
    """Finds the first rule (in order) matching a block, fast.

    Literal lines are one dict lookup; only the regex rules ordered before that hit
    still need trying, so a long rule list costs little per block. Rules are also indexed
    by the characters a match can start with, and a block skips a rule whose regexes
    need a word its folded text lacks (see `cleaner.regexscan`; which words it holds is one
    RE2 pass, `WordSet`): most rules are never tried.
    """

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.literal: dict[str, int] = {}
        for order, rule in enumerate(rules):
            for line in rule.lines:
                self.literal.setdefault(line, order)
        # Per regex rule: the clauses any block must pass (its `contains` words) and those a
        # block without `ODD_CASE` characters must pass (those plus the words its regexes need),
        # each clause as the set of its words' numbers in `self.words`: a block's folded text is
        # searched for all the words at once, and a clause passes if it shares a number with it.
        # A rule of several regexes also has each regex's own clauses, so that a block that
        # passes the rule's (one word of any regex's) tries only the regexes it could match.
        clauses = []
        for order, rule in enumerate(rules):
            if rule.regexes:
                always = (rule.contains,) if rule.contains else ()
                each = tuple(needed_words([pattern]) for pattern in rule.regexes) if len(rule.regexes) > 1 else ()
                clauses.append((order, rule, always, always + needed_words(rule.regexes), each))
        numbers: dict[str, int] = {}
        for _, _, _, needs, each in clauses:
            for clause in needs + sum(each, ()):
                for word in clause:
                    numbers.setdefault(word, len(numbers))
        self.words = WordSet(list(numbers))

        def numbered(group: tuple[tuple[str, ...], ...]) -> tuple[frozenset[int], ...]:
            return tuple(frozenset(numbers[word] for word in clause) for clause in group)

        self.patterns = [(order, rule, numbered(always), numbered(needs),
                          tuple(zip(rule.regexes, map(numbered, each))) if each else tuple((p, ()) for p in rule.regexes))
                         for order, rule, always, needs, each in clauses]
        starts = [first_chars(rule.regexes) for _, rule, _, _, _ in self.patterns]
        self.by_start = {char: [entry for entry, first in zip(self.patterns, starts) if first is None or char in first]
                         for char in map(chr, range(128))}
        self.longest = max([rule.max_chars for rule in rules] + [200])
        self.widest = max((rule.max_chars for rule in rules), default=0)  # no rule matches a longer block

    def match(self, text: str) -> tuple[Rule, dict[str, str]] | None:
        if len(text) > self.widest:
            return None
        folded = fold(text) if len(text) <= self.longest else ""
        hit = self.literal.get(folded) if folded else None
        plain = text.isascii() or ODD_CASE.search(text) is None
        present = self.words.found(folded)
        for order, rule, always, needs, regexes in self.by_start.get(text[:1], self.patterns):
            if hit is not None and order > hit:
                break
            if len(text) > rule.max_chars:
                continue
            for clause in needs if plain else always:
                if clause.isdisjoint(present):
                    break  # no word of this clause: the rule cannot match
            else:
                for pattern, own in regexes:
                    if plain and own and any(map(present.isdisjoint, own)):
                        continue  # this regex needs a word the block lacks
                    found = pattern.fullmatch(text)
                    if found:
                        groups = rule.read(text, found)
                        if groups is not None:
                            return rule, groups
                        break
        if hit is not None and len(text) <= self.rules[hit].max_chars:
            return self.rules[hit], {}
        return None

