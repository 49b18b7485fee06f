"""Rule regexes on RE2: matching takes time linear in the block's length, whoever wrote the rule.

Rule files come from other people (and from imported public lists), and one backtracking
regex such as `(a+)+$` on one long line can stall a worker for ever. So every rule regex,
and every vocabulary's word pattern (`WordsRegex`), runs on RE2 (`google-re2`), which has
no backtracking. Patterns are written in Python's
`re` syntax and translated here, keeping Python's meaning:

* `\\w`, `\\d`, `\\s` (and `\\W`, `\\D`, `\\S` outside `[...]`) keep their Unicode meaning
  (RE2's own are ASCII-only); `\\uXXXX`, `\\UXXXXXXXX`, `\\N{NAME}` and `\\Z` are rewritten,
  `(?#...)` comments dropped.
* Look-ahead assertions at the very start of a pattern, `(?=.*cookies)(?!.*\\|)...` (also
  alternatives of them inside `(?:...|...)`), become separate RE2 matches from the start of
  the block, each linear: "the block holds this and not that" conditions need nothing else.
* Everything RE2 cannot run in linear time is refused when the rule file loads, with the
  construct named: back-references, look-behind, look-ahead elsewhere, atomic groups,
  possessive repeats, conditionals, verbose mode.

Known differences: `\\b` and `\\B` are RE2's, which count only ASCII letters, digits and `_`
as word characters (a boundary between `s` and `é` counts as one); `\\W` and `\\S` inside
`[...]` are RE2's ASCII ones; under IGNORECASE a `[...]` holding `\\w` also matches U+0345
(a combining iota), and `i` does not match the Turkish `İ` and `ı`, which Python's `re` folds
to it. The built-in rules match exactly as under `re` on every test text.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from re import _constants, _parser  # type: ignore[attr-defined]

try:
    from re2 import _re2  # the C++ binding itself: the `re2` module's wrapper re-decodes offsets per call
except ImportError:  # pragma: no cover - google-re2 is a dependency; it has wheels for the common platforms
    _re2 = None

ENGINE = "re2"
MAX_MEM = 64 << 20  # RE2's budget for one compiled pattern (its default, 8 MiB, is tight for Unicode classes)
WORD = r"\p{L}\p{N}_"  # Python's \w: str.isalnum() or "_"
DIGIT = r"\p{Nd}"  # Python's \d: str.isdecimal()
SPACE = (r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}"
         r"\x{205f}\x{3000}")  # Python's \s: str.isspace()
UNSUPPORTED = {
    "GROUPREF": "a back-reference", "GROUPREF_EXISTS": "a conditional group (?(...)...)",
    "ATOMIC_GROUP": "an atomic group (?>...)", "POSSESSIVE_REPEAT": "a possessive repeat (*+, ++, ?+)",
}
HINT = "rewrite it; rule regexes run on RE2, which matches in linear time"


class RegexError(ValueError):
    """A rule pattern the bounded engine will not run, or a bad pattern."""


@dataclass(frozen=True)
class Found:
    """A match: what `Rule.match` reads of it."""

    groups: dict[str, str | None]

    def groupdict(self) -> dict[str, str | None]:
        return self.groups


class RuleRegex:
    """A compiled rule pattern with `fullmatch` (the only call the engine makes) on RE2.

    `pattern` and `flags` are the Python ones (`cleaner.regexscan` reads their parse tree);
    `groupindex` holds the named groups; `engine` names the engine, for `cleaner rules check`;
    `checks` counts the look-aheads run as separate matches.
    """

    __slots__ = ("pattern", "flags", "groupindex", "engine", "checks", "_condition", "_main", "_test", "_names")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self.engine = ENGINE
        parsed = _python_parse(pattern, flags)
        if parsed.state.flags & re.VERBOSE:
            raise RegexError(f"regex uses verbose mode (?x), which RE2 cannot read ({HINT})")
        self.groupindex = dict(parsed.state.groupdict)
        if _re2 is None:
            raise RegexError("rule regexes need the google-re2 package (pip install google-re2)")
        ascii_only = bool(parsed.state.flags & re.ASCII)
        lead, condition, rest = _split_lookaheads(pattern)
        main = _python_parse(rest, flags)
        _refuse(main.data)
        if set(self.groupindex) != set(main.state.groupdict):
            raise RegexError(f"named groups must not be inside a look-ahead ({HINT})")
        self._condition = _compile_condition(condition, lead, flags, ascii_only)
        self.checks = _count(self._condition)
        # Most blocks do not match: a copy without groups answers that faster (RE2 can use its DFA).
        # The copy with groups is only read for named ones (RE2 compiles take most of the
        # rules' loading time, and most rules have unnamed groups only).
        self._test = _compile(lead + rest, flags, ascii_only, capture=False)
        self._main = _compile(lead + rest, flags, ascii_only) if self.groupindex else self._test
        self._names = sorted(((name.decode("utf-8", "surrogatepass"), index)
                              for name, index in self._main.NamedCapturingGroups()), key=lambda item: item[1]) \
            if self.groupindex else []

    def fullmatch(self, text: str) -> Found | None:
        global _LAST
        last = _LAST  # the Matcher tries several patterns on one block: encode it once
        if last[0] is text:
            data = last[1]
        else:
            data = text.encode("utf-8", "surrogatepass")
            _LAST = (text, data)
        if self._condition is not None and not _holds(self._condition, data):
            return None
        if self._test.Match(_BOTH, data, 0, len(data))[0][0] < 0:
            return None
        if not self._names:
            return _NO_GROUPS
        spans = self._main.Match(_BOTH, data, 0, len(data))
        return Found({name: data[spans[index][0]:spans[index][1]].decode("utf-8", "surrogatepass")
                      if spans[index][0] >= 0 else None for name, index in self._names})

    def __repr__(self) -> str:
        return f"RuleRegex({self.pattern!r}, engine={self.engine!r})"


class WordsRegex:
    """A vocabulary's pattern on RE2 (`cleaner.vocabulary`): called with a text, it says whether the
    pattern is found in it (`anchor` "search"), at its start ("start") or matches all of it ("full").

    No look-arounds at all, not even leading ones: they would hold at every place a search
    tries, not once at the start. A vocabulary spells out the character before or after a
    word instead (`(?:^|[^a-z])comment`), which for a yes-or-no answer means the same.
    """

    __slots__ = ("pattern", "engine", "_compiled", "_anchor")

    def __init__(self, pattern: str, flags: int = 0, anchor: str = "search"):
        self.pattern = pattern
        self.engine = ENGINE
        parsed = check_words_syntax(pattern, flags)
        if _re2 is None:
            raise RegexError("rule regexes need the google-re2 package (pip install google-re2)")
        self._compiled = _compile(pattern, flags, bool(parsed.state.flags & re.ASCII), capture=False)
        self._anchor = {"search": _re2.RE2.Anchor.UNANCHORED, "start": _START, "full": _BOTH}[anchor]

    def __call__(self, text: str) -> bool:
        data = text.encode("utf-8", "surrogatepass")
        return self._compiled.Match(self._anchor, data, 0, len(data))[0][0] >= 0

    def __repr__(self) -> str:
        return f"WordsRegex({self.pattern!r}, engine={self.engine!r})"


def check_words_syntax(pattern: str, flags: int = 0) -> Any:
    """A vocabulary's pattern parsed, or a `RegexError` for what RE2 could never run (verbose
    mode, look-arounds): every check but RE2's own compile, which costs far more."""
    parsed = _python_parse(pattern, flags)
    if parsed.state.flags & re.VERBOSE:
        raise RegexError(f"regex uses verbose mode (?x), which RE2 cannot read ({HINT})")
    _refuse(parsed.data, ahead="a look-ahead")
    return parsed


@lru_cache(maxsize=1024)
def compile_words_regex(pattern: str, flags: int = 0, anchor: str = "search") -> WordsRegex:
    """A vocabulary's pattern on the bounded engine, or a `RegexError` naming what stops it.
    Compiled once a process: the load checks the joined words that the first page then asks for."""
    try:
        return WordsRegex(pattern, flags, anchor)
    except RecursionError:
        raise RegexError(f"regex nests too deeply ({len(pattern)} characters)") from None


def compile_rule_regex(pattern: str, flags: int = 0) -> RuleRegex:
    """The rule pattern on the bounded engine, or a `RegexError` naming what stops it."""
    try:
        return RuleRegex(pattern, flags)
    except RecursionError:
        raise RegexError(f"regex nests too deeply ({len(pattern)} characters)") from None


_LAST: tuple[str | None, bytes] = (None, b"")
_NO_GROUPS = Found({})
_BOTH = _re2.RE2.Anchor.ANCHOR_BOTH if _re2 is not None else None
_START = _re2.RE2.Anchor.ANCHOR_START if _re2 is not None else None

# A condition: ("all", [items]) or ("any", [conditions]) or ("match", positive, compiled).
Condition = tuple[Any, ...]


def _holds(condition: Condition, data: bytes) -> bool:
    kind = condition[0]
    if kind == "match":
        found = condition[2].Match(_START, data, 0, len(data))[0][0] >= 0
        return found == condition[1]
    if kind == "all":
        return all(_holds(item, data) for item in condition[1])
    return any(_holds(item, data) for item in condition[1])


def _count(condition: Condition | None) -> int:
    if condition is None:
        return 0
    if condition[0] == "match":
        return 1
    return sum(_count(item) for item in condition[1])


def _python_parse(pattern: str, flags: int) -> Any:
    try:
        with warnings.catch_warnings():  # "possible nested set": we read `[[` as Python does, literally
            warnings.simplefilter("ignore")
            return _parser.parse(pattern, flags)
    except re.error as exc:
        raise RegexError(f"bad regex {pattern!r}: {exc}") from None
    except (OverflowError, RecursionError, MemoryError, ValueError) as exc:
        raise RegexError(f"bad regex {pattern!r}: {exc}") from None


def _refuse(nodes: Any, ahead: str = "a look-ahead that is not at the start of the pattern") -> None:
    """Raise for the first construct RE2 cannot run (look-aheads here are not leading ones)."""
    for op, av in nodes:
        name = str(op)
        if name in UNSUPPORTED:
            raise RegexError(f"regex uses {UNSUPPORTED[name]}, which the linear-time engine cannot run ({HINT})")
        if op in (_constants.ASSERT, _constants.ASSERT_NOT):
            what = "a look-behind" if av[0] < 0 else ahead
            raise RegexError(f"regex uses {what}, which the linear-time engine cannot run ({HINT})")
        for child in _children(op, av):
            _refuse(child, ahead)


def _children(op: Any, av: Any) -> list[Any]:
    if op is _constants.SUBPATTERN:
        return [av[3]]
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
        return [av[2]]
    if op is _constants.ATOMIC_GROUP:
        return [av]
    if op is _constants.BRANCH:
        return list(av[1])
    if op in (_constants.ASSERT, _constants.ASSERT_NOT):
        return [av[1]]
    if op is _constants.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch is not None]
    return []


# --- leading look-aheads ----------------------------------------------------------------------

GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _scan(pattern: str) -> list[tuple[int, str, bool]]:
    """(index, token, inside [...]) for each token: an escape, or one character.

    The `[` and `]` that open and close a class are tokens "[" and "]" outside it; a `]`
    right after `[` or `[^` is a literal, as Python reads it, given as the token "\\]".
    """
    tokens: list[tuple[int, str, bool]] = []
    index, opened = 0, -1  # opened: index of the "[" of the class we are in, else -1
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            tokens.append((index, pattern[index:index + 2], opened >= 0))
            index += 2
            continue
        if opened >= 0:
            if char == "]":
                if index == opened + 1 or (index == opened + 2 and pattern[opened + 1] == "^"):
                    tokens.append((index, "\\]", True))
                else:
                    tokens.append((index, "]", False))
                    opened = -1
            else:
                tokens.append((index, char, True))
        else:
            if char == "[":
                opened = index
            tokens.append((index, char, False))
        index += 1
    return tokens


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group that opens at `start`."""
    depth = 0
    for index, token, in_class in _scan(pattern):
        if index < start or in_class:
            continue
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    raise RegexError(f"bad regex {pattern!r}: unbalanced parenthesis")


def _top_level_split(body: str) -> list[str]:
    """`body` cut at its top-level `|`."""
    parts, depth, start = [], 0, 0
    for index, token, in_class in _scan(body):
        if in_class:
            continue
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "|" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return parts


def _assertions(pattern: str, start: int) -> tuple[list[Any], int]:
    """The look-aheads (and `(?:...|...)` groups of them) from `start`, and where they end."""
    items: list[Any] = []
    index = start
    while index < len(pattern):
        if pattern.startswith(("(?=", "(?!"), index):
            end = _group_end(pattern, index)
            items.append((pattern[index + 2] == "=", pattern[index + 3:end - 1]))
            index = end
            continue
        if pattern.startswith("(?:", index):
            end = _group_end(pattern, index)
            branches = []
            for part in _top_level_split(pattern[index + 3:end - 1]):
                inner, stop = _assertions(part, 0)
                if stop != len(part) or not inner:
                    return items, index
                branches.append(inner)
            items.append(branches)
            index = end
            continue
        break
    return items, index


def _split_lookaheads(pattern: str) -> tuple[str, list[Any], str]:
    """(global flags, the leading look-aheads, the rest of the pattern)."""
    lead = ""
    found = GLOBAL_FLAGS.match(pattern)
    while found:
        lead += found.group(0)
        found = GLOBAL_FLAGS.match(pattern, found.end())
    items, end = _assertions(pattern, len(lead))
    if items and len(_top_level_split(pattern[len(lead):])) > 1:
        raise RegexError("regex starts one of its alternatives with a look-ahead, which the linear-time engine "
                         f"cannot run ({HINT}; put the alternatives in a group after the look-aheads)")
    return lead, items, pattern[end:]


def _compile_condition(items: list[Any], lead: str, flags: int, ascii_only: bool) -> Condition | None:
    if not items:
        return None
    return ("all", [_compile_item(item, lead, flags, ascii_only) for item in items])


def _compile_item(item: Any, lead: str, flags: int, ascii_only: bool) -> Condition:
    if isinstance(item, tuple):
        positive, body = item
        _refuse(_python_parse(body, flags).data)
        return ("match", positive, _compile(lead + body, flags, ascii_only, capture=False))
    return ("any", [("all", [_compile_item(i, lead, flags, ascii_only) for i in branch]) for branch in item])


# --- Python syntax -> RE2 syntax --------------------------------------------------------------

class WordSet:
    """Which of many literal words occur in a text (as substrings, case as given), in one RE2 pass
    over it instead of one substring search per word. Without RE2, or for a text with lone
    surrogates, each word is looked for in turn: the same answer, slower."""

    def __init__(self, words: list[str]):
        self.words = words
        self._set = None
        if _re2 is None or not words:
            return
        options = _re2.RE2.Options()
        options.literal = True
        options.max_mem = MAX_MEM
        options.log_errors = False
        found = _re2.Set(_re2.RE2.Anchor.UNANCHORED, options)
        try:
            if all(found.Add(word.encode("utf-8")) >= 0 for word in words) and found.Compile():
                self._set = found
        except UnicodeEncodeError:  # a word with a lone surrogate: look for each in turn
            pass

    def found(self, text: str) -> set[int]:
        """The positions in `words` of the words `text` holds."""
        if self._set is not None:
            try:
                return set(self._set.Match(text.encode("utf-8")))
            except UnicodeEncodeError:
                pass
        return {index for index, word in enumerate(self.words) if word in text}


def _compile(pattern: str, flags: int, ascii_only: bool, capture: bool = True) -> Any:
    translated = translate(pattern, ascii_only)
    if flags & re.IGNORECASE:
        translated = "(?i)" + translated
    if flags & re.DOTALL:
        translated = "(?s)" + translated
    if flags & re.MULTILINE:
        translated = "(?m)" + translated
    options = _re2.RE2.Options()
    options.max_mem = MAX_MEM
    options.log_errors = False
    options.never_capture = not capture
    try:
        compiled = _re2.RE2(translated.encode("utf-8", "surrogatepass"), options)
    except Exception as exc:  # noqa: BLE001 - the binding raises its own types on odd input
        raise RegexError(f"bad regex {pattern!r}: {exc}") from None
    if not compiled.ok():
        raise RegexError(f"regex {pattern!r} cannot run on RE2: {compiled.error().decode('utf-8', 'replace')} ({HINT})")
    return compiled


def translate(pattern: str, ascii_only: bool = False) -> str:
    """A valid Python pattern in RE2 syntax with the same meaning (but `\\b`, see the module)."""
    out: list[str] = []
    skip_to = 0
    for index, token, in_class in _scan(pattern):
        if index < skip_to:
            continue
        if token == "\\]" and pattern[index] == "]":
            out.append(token)
            continue
        if token.startswith("\\") and len(token) == 2:
            escape, skip_to = _escape(pattern, index, in_class, ascii_only)
            out.append(escape)
            continue
        if in_class:
            out.append("\\[" if token == "[" else token)  # Python reads "[" literally; RE2 might see [:alpha:]
            continue
        if pattern.startswith("(?#", index):
            skip_to = pattern.index(")", index) + 1
            continue
        if token == "(" and pattern.startswith("(?", index):
            found = re.match(r"\(\?([aiLmsux]*)(?:-([imsx]*))?([:)])", pattern[index:])
            if found and (found.group(1) or found.group(2)):
                if set(found.group(1) + (found.group(2) or "")) & set("axL") and found.group(3) == ":":
                    raise RegexError(f"regex uses a scoped (?a:), (?x:) or (?L:) flag, which RE2 cannot read ({HINT})")
                on = "".join(c for c in found.group(1) if c in "ims")
                off = "".join(c for c in (found.group(2) or "") if c in "ims")
                flags = on + ("-" + off if off else "")
                out.append(f"(?{flags}{found.group(3)}" if flags else ("(?:" if found.group(3) == ":" else ""))
                skip_to = index + found.end()
                continue
        out.append(token)
    return "".join(out)


def _escape(pattern: str, index: int, in_class: bool, ascii_only: bool) -> tuple[str, int]:
    """One escape sequence from `index` (a backslash) in RE2 syntax, and the index after it."""
    letter = pattern[index + 1]
    after = index + 2
    if letter in "wWdDsS" and not ascii_only:
        positive = {"w": WORD, "d": DIGIT, "s": SPACE}[letter.lower()]
        if in_class:  # \W, \S in [...] stay RE2's ASCII ones
            return (positive if letter.islower() else r"\P{Nd}" if letter == "D" else f"\\{letter}"), after
        # (?-i:...): under (?i) RE2 would add case variants (U+0345 folds to an iota); Python does not.
        return (f"(?-i:[{positive}])" if letter.islower() else f"(?-i:[^{positive}])"), after
    if letter == "u":
        return f"\\x{{{pattern[after:after + 4]}}}", after + 4
    if letter == "U":
        return f"\\x{{{pattern[after:after + 8]}}}", after + 8
    if letter == "N":
        end = pattern.index("}", after)
        return f"\\x{{{ord(unicodedata.lookup(pattern[after + 1:end])):x}}}", end + 1
    if letter == "Z":
        return r"\z", after
    if letter == "x":
        return f"\\x{{{pattern[after:after + 2]}}}", after + 2
    if letter in "01234567":
        digits = re.match(r"[0-7]{1,3}", pattern[index + 1:]).group(0)  # type: ignore[union-attr]
        if letter == "0" or in_class or len(digits) == 3:  # Python's octal escapes (else a back-reference)
            return f"\\x{{{int(digits, 8):x}}}", index + 1 + len(digits)
    if letter.isascii() and not letter.isalnum():
        return f"\\{letter}", after
    if not letter.isascii():
        return letter, after
    return f"\\{letter}", after
