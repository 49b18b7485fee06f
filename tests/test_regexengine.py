"""Rule regexes run on RE2 with Python's meaning; what RE2 cannot run is refused at load."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.errors import RuleError
from cleaner.regexengine import RegexError, RuleRegex, WordSet, WordsRegex, compile_rule_regex
from cleaner.rulebook import builtin_rules, load_rules
from cleaner.rulepack import parse_pack

ROOT = Path(__file__).resolve().parent.parent
REDOS = [  # classic catastrophic-backtracking patterns, each with a line that makes `re` run for ages
    (r"(a+)+$", "a" * 100_000 + "!"),
    (r"(\w+\s?)*:", "word " * 20_000 + "!"),
    (r"(a|aa)+$", "a" * 100_000 + "!"),
    (r"(.*a){12}", "a" * 100_000),
    (r"^(([a-z])+.)+[A-Z]([a-z])+$", "a" * 100_000 + "!"),
    (r"(x+x+)+y", "x" * 100_000),
    (r"(\d+)*\d*[.]", "1" * 100_000),
]


def sample_texts() -> list[str]:
    """Rule examples, every line of the text fixtures, and Unicode edge cases."""
    texts = {example for rule in builtin_rules() for example in rule.examples_match + rule.examples_no_match}
    for path in sorted(ROOT.glob("fixtures/*/*/input.txt")):
        texts.update(line.strip() for line in path.read_bytes().decode("utf-8", "replace").splitlines() if line.strip())
    texts.update(["Photo: ÉMILE ZOLA / Getty", "By Ōsaka Staff", "© 2024 Ünïcödé GmbH. All rights reserved.",
                  "Foto: Jürgen Müller", "By Jane Doe\u00a0and John Smith", "ſhare this article", "K comments",
                  "We use cookies to improve your experience on this website. Accept", "١٢ comments",
                  "Sign up for our newsletter\u2028today", ""])
    return sorted(texts)


def python_answer(pattern: re.Pattern[str], text: str) -> dict[str, str | None] | None:
    found = pattern.fullmatch(text)
    return found.groupdict() if found else None


def re2_answer(pattern: RuleRegex, text: str) -> dict[str, str | None] | None:
    found = pattern.fullmatch(text)
    return found.groupdict() if found else None


def test_every_builtin_regex_runs_on_re2() -> None:
    regexes = [p for rule in builtin_rules() for p in rule.regexes]
    assert regexes and all(isinstance(p, RuleRegex) and p.engine == "re2" for p in regexes)


def test_every_builtin_vocabulary_runs_on_re2() -> None:
    rules = load_rules()
    tests = [rules.vocabulary(r.id) for r in rules if r.action == "vocabulary" and r.extends is None]
    assert len(tests) >= 10 and all(isinstance(t, WordsRegex) and t.engine == "re2" for t in tests)


def test_rules_check_reports_re2_for_every_builtin_pattern() -> None:
    """`cleaner rules check` on the built-in packs: every rule with a regex or a word list runs on RE2."""
    done = subprocess.run([sys.executable, "-m", "cleaner", "rules", "check", str(ROOT / "rules")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    engine = {line.split()[0]: line.split()[1] for line in done.stdout.splitlines()[:-1]}
    patterned = [rule.id for rule in builtin_rules() if rule.regexes or rule.words]
    assert len(patterned) >= 30 and [i for i in patterned if not engine[i].startswith("re2")] == []


def test_builtin_regexes_match_what_python_matches() -> None:
    texts = sample_texts()
    differences = []
    for rule in builtin_rules():
        for pattern in rule.regexes:
            python = re.compile(pattern.pattern, pattern.flags)
            for text in texts:
                if python_answer(python, text) != re2_answer(pattern, text):
                    differences.append((rule.id, text))
    assert differences == []


@pytest.mark.parametrize("escape", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[\w]", r"[\d-]", r"[^\s]"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_classes_keep_their_unicode_meaning(escape: str, flags: int) -> None:
    python = re.compile(escape, flags)
    ours = compile_rule_regex(escape, flags)
    chars = [chr(c) for c in range(0x3000)] + [chr(c) for c in range(0x3000, 0x30000, 7)]
    unassigned = {c for c in chars if unicodedata.category(c) == "Cn"}  # Unicode versions may differ there
    if escape.startswith("[") and flags:
        unassigned.add("\u0345")  # the documented difference: RE2 case-folds a class to a combining iota
    wrong = [c for c in chars if c not in unassigned and bool(python.fullmatch(c)) != bool(ours.fullmatch(c))]
    assert wrong == []


@pytest.mark.parametrize("pattern, texts", [
    (r"(?=.*\bcookies?\b)(?!.*\s[|•·]\s).{10,}", ["we use cookies here", "cookies | more", "no biscuits at all"]),
    (r"(?:(?=.*a)|(?=.*b)(?=.*c))x.*", ["xa", "xbc", "xb", "xc", "ya"]),
    (r"(?i)(?!by the)by (?P<name>\w+)", ["By Jane", "by the", "BY THE", "by thea"]),
    (r"\u00e9t\x27\N{EM DASH}\Z", ["ét'—", "et'—"]),
    (r"[]a]+[^]b]", ["]a]c", "]]b"]),
    (r"[[:alpha:]]+", ["[:", "abc"]),
    (r"a(?#note)b\012?", ["ab", "ab\n"]),
    (r"(?i:ab)(?-i:C)", ["ABC", "abc"]),
])
def test_translated_patterns_match_like_python(pattern: str, texts: list[str]) -> None:
    python = re.compile(pattern)
    ours = compile_rule_regex(pattern)
    for text in texts:
        assert python_answer(python, text) == re2_answer(ours, text), text


@pytest.mark.parametrize("pattern, construct", [
    (r"(a)\1", "back-reference"),
    (r"(?P<x>a)(?P=x)", "back-reference"),
    (r"(?<=a)b", "look-behind"),
    (r"(?<!a)b", "look-behind"),
    (r"a(?=b)b", "look-ahead that is not at the start"),
    (r"(?>a+)b", "atomic group"),
    (r"a++b", "possessive repeat"),
    (r"(a)?(?(1)b|c)", "conditional"),
    (r"(?x)a b", "verbose mode"),
    (r"(?=a)a|b", "starts one of its alternatives with a look-ahead"),
    (r"(?=(?P<x>a))a", "named groups must not be inside a look-ahead"),
    (r"a{1001}", "cannot run on RE2"),
])
def test_constructs_re2_cannot_run_are_refused_at_load(pattern: str, construct: str) -> None:
    pack = f"[[rules]]\nid = \"user.bad\"\ncategory = \"x\"\naction = \"drop\"\nregex = '{pattern}'\n"
    with pytest.raises(RuleError) as caught:
        parse_pack(pack, "user.toml")
    message = str(caught.value)
    assert message.startswith("user.toml:5: rule 'user.bad': ") and construct in message


@pytest.mark.parametrize("pattern", ["a{99999999999}", "(" * 5000 + ")" * 5000, "[", "\\"])
def test_broken_patterns_are_rule_errors(pattern: str) -> None:
    with pytest.raises(RegexError):
        compile_rule_regex(pattern)


@pytest.mark.parametrize("pattern, line", REDOS)
def test_catastrophic_patterns_finish_in_the_library(pattern: str, line: str) -> None:
    compiled = compile_rule_regex(pattern)
    python_would_hang = re.compile(pattern)  # only compiled: running it on `line` would take years
    assert compiled.fullmatch(line[:12]) is not None or python_would_hang.fullmatch(line[:12]) is None
    compiled.fullmatch(line)  # returns at all: RE2 is linear in the line's length


def test_catastrophic_user_rules_cannot_hang_the_cli(tmp_path: Path) -> None:
    """Every classic pattern in one user pack, on a file of 100 kB lines, through `cleaner clean`."""
    rules = "".join(
        f"[[rules]]\nid = \"user.redos-{n}\"\ncategory = \"x\"\naction = \"drop\"\nregex = '{pattern}'\n"
        f"max_chars = 1000000\n\n" for n, (pattern, _) in enumerate(REDOS))
    pack = tmp_path / "redos.toml"
    pack.write_text(rules, encoding="utf-8")
    document = tmp_path / "long.txt"
    document.write_text("Title\n\n" + "\n\n".join(line for _, line in REDOS) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "--kind", "text", "--rules", str(pack),
                           "-f", "json", str(document)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    removed = {entry["rule"] for entry in json.loads(done.stdout)["removed"]}
    assert removed == {"user.redos-0", "user.redos-4"}  # `(a+)+$` takes the line of a's, the other one the x's


def test_rules_check_names_the_engine(tmp_path: Path) -> None:
    pack = tmp_path / "p.toml"
    pack.write_text("[[rules]]\nid = \"p.cookie\"\ncategory = \"x\"\naction = \"drop\"\n"
                    "regex = '(?=.*cookies)(?!.*biscuits).*'\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaner", "rules", "check", str(pack)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split()[:3] == ["p.cookie", "re2", "(+2"]
    assert load_rules([pack], defaults=False).rules[0].regexes[0].checks == 2


def test_rules_check_names_xpath_and_network_engines(tmp_path: Path) -> None:
    pack = tmp_path / "p.toml"
    pack.write_text('[[rules]]\nid = "p.box"\ncategory = "x"\naction = "drop"\nxpath = "//div[@id=\'box\']"\n\n'
                    '[[rules]]\nid = "p.ads"\ncategory = "ad"\naction = "drop"\nnetwork = "||ads.example^"\n',
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaner", "rules", "check", str(pack)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    engines = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith("p.")}
    assert "xpath (lxml)" in engines["p.box"] and "network (src match)" in engines["p.ads"]


_WORDS = st.lists(st.text(alphabet=st.sampled_from("ab é.(*\\ß\ud800"), max_size=4), max_size=12)
_TEXTS = st.text(alphabet=st.sampled_from("ab é.(*\\ßxy\ud800"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _TEXTS)
def test_a_word_set_finds_the_words_a_substring_search_finds(words: list[str], text: str) -> None:
    """The Matcher's screen: one RE2 pass must answer what `word in text` answers for every word,
    regex characters, non-ASCII letters, the empty word and lone surrogates included (those
    take the slow path, which must agree too)."""
    wanted = {index for index, word in enumerate(words) if word in text}
    screen = WordSet(words)
    assert screen.found(text) == wanted
    screen._set = None  # without RE2: each word in turn
    assert screen.found(text) == wanted
