"""Rule files: loading, validation errors that name file/line/rule, disabling, examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import RuleError, load_rules
from cleaner.cli import example_matches, run_examples
from cleaner.blockmatch import fold
from cleaner.regexscan import ODD_CASE, needed_words
from cleaner.rulepack import parse_pack

GOOD = '''
[pack]
name = "mine"

[[rules]]
id = "mine.promo"
category = "promo"
action = "drop"
lines = ["Buy one get one free"]
'''


def write(tmp_path: Path, text: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_rules_load_with_unique_ids() -> None:
    rules = load_rules()
    assert len(rules) > 10
    assert len(set(rules.ids())) == len(rules)


@pytest.mark.parametrize("rule", list(load_rules()), ids=lambda r: r.id)
def test_builtin_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    """Every built-in rule carries examples, and they hold."""
    assert rule.examples_match, f"{rule.id} has no match examples"
    for example in rule.examples_match:
        assert example_matches(rule, example, fold), example
    for example in rule.examples_no_match:
        assert not example_matches(rule, example, fold), example


def test_user_pack_adds_rules(tmp_path: Path) -> None:
    rules = load_rules([write(tmp_path, GOOD)])
    assert "mine.promo" in rules.ids()
    assert "ads.marker" in rules.ids()


def test_folder_of_packs_and_no_defaults(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD.replace("mine.promo", "mine.other"), "b.toml")
    rules = load_rules([tmp_path], defaults=False)
    assert rules.ids() == ["mine.promo", "mine.other"]


def test_disable_known_and_unknown() -> None:
    assert "ads.marker" not in load_rules(disable=["ads.marker"]).ids()
    with pytest.raises(RuleError, match="unknown rule id"):
        load_rules(disable=["no.such.rule"])


@pytest.mark.parametrize("change, message, line", [
    (('action = "drop"', 'action = "zap"'), "unknown action 'zap'", 8),
    (('lines = ["Buy one get one free"]', "regex = '(unclosed'"), "bad regex", 9),
    (('category = "promo"\n', ''), "missing or empty field 'category'", 6),
    (('lines = ["Buy one get one free"]', ''), "needs at least one of", 6),
    (('lines = ["Buy one get one free"]', 'lines = ["x"]\ncolour = "red"'), "unknown field", 6),
    (('lines = ["Buy one get one free"]', 'selector = "div[["'), "bad CSS selector", 9),
    (('action = "drop"', 'action = "credit"\nregex = "Photo: .+"'), "named group", 9),
])
def test_invalid_rule_names_file_line_and_rule(tmp_path: Path, change: tuple[str, str], message: str,
                                               line: int) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    text = str(caught.value)
    assert message in text
    assert f"{path}:{line}:" in text  # the offending field's line, else the line of `id = ...`
    assert "mine.promo" in text


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + GOOD.split("\n", 3)[3])
    with pytest.raises(RuleError, match="duplicate rule id 'mine.promo'") as caught:
        load_rules([path], defaults=False)
    assert f"{path}:6" in str(caught.value)


def test_broken_toml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n[[rules]\nid = 1\n")
    with pytest.raises(RuleError, match=r"invalid TOML.*line 11") as caught:
        load_rules([path])
    assert str(caught.value).startswith(f"{path}:11: invalid TOML")


def test_missing_rule_path() -> None:
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules(["/no/such/rules.toml"])


def test_literal_lines_fold_case_and_space() -> None:
    [rule] = parse_pack(GOOD, "x.toml")
    for text in ("Buy one get one free", "BUY  ONE get one FREE"):
        assert rule.match(text, fold(text)) == {}
    assert rule.match("Buy one get one free today", fold("Buy one get one free today")) is None


def test_domain_restricted_pack() -> None:
    [rule] = parse_pack(GOOD.replace('name = "mine"', 'name = "mine"\ndomains = ["example.com"]'), "x.toml")
    assert rule.applies_to("text", "https://www.example.com/a")
    assert not rule.applies_to("text", "https://example.org/a")
    assert not rule.applies_to("text", None)


def test_failing_examples_are_reported(tmp_path: Path) -> None:
    pack = GOOD + '\n[rules.examples]\nmatch = ["Buy now"]\nno_match = ["Buy one get one free"]\n'
    failures = run_examples(load_rules([write(tmp_path, pack)], defaults=False))
    assert len(failures) == 2


def test_contains_narrows_a_regex_and_needs_one(tmp_path: Path) -> None:
    pack = GOOD.replace('lines = ["Buy one get one free"]', "regex = '.{0,40}deal.{0,40}'\ncontains = [\"DEAL\"]")
    [rule] = parse_pack(pack, "x.toml")
    assert rule.match("Best deal today", fold("Best deal today")) == {}
    assert rule.match("Best offer today", fold("Best offer today")) is None
    matcher = load_rules([write(tmp_path, pack)], defaults=False).matcher("text", None)
    assert matcher.match("Best deal today") is not None and matcher.match("Nothing here") is None
    with pytest.raises(RuleError, match="'contains' only narrows"):
        parse_pack(GOOD.replace('lines = ["Buy one get one free"]', 'lines = ["x"]\ncontains = ["x"]'), "x.toml")


def _first_match_by_hand(rules, text: str):  # type: ignore[no-untyped-def]
    """The reference the fast Matcher must agree with: every rule tried in order, no index."""
    folded = fold(text)
    for rule in rules:
        if len(text) > rule.max_chars:
            continue
        if folded in rule.lines:
            return rule.id
        if rule.contains and not any(word in folded for word in rule.contains):
            continue
        found = next((m for pattern in rule.regexes if (m := pattern.fullmatch(text))), None)
        if found and rule.read(text, found) is not None:  # a dateline rule also needs a date it can read
            return rule.id
    return None


_LINES = [example for rule in load_rules() for example in rule.examples_match + rule.examples_no_match]
_SAMPLES = st.one_of(
    st.sampled_from(_LINES),
    st.sampled_from(_LINES).map(str.upper),
    st.sampled_from(_LINES).map(str.swapcase),
    st.tuples(st.sampled_from(_LINES), st.text(max_size=8)).map(lambda pair: pair[1] + pair[0]),
    st.text(alphabet=st.sampled_from("aAbByYpP:/©()İıſK \u00a0.-,0123456789"), max_size=40),
    st.text(max_size=60),
)


@settings(max_examples=400, deadline=None)
@given(_SAMPLES)
@pytest.mark.parametrize("kind", ["text", "html"])
def test_the_indexed_matcher_finds_what_trying_every_rule_finds(kind: str, text: str) -> None:
    matcher = load_rules().matcher(kind, None)
    found = matcher.match(text)
    assert (found[0].id if found else None) == _first_match_by_hand(matcher.rules, text)


def test_needed_words_keep_the_words_re_splits_apart() -> None:
    """`re` takes the common start out of alternatives ("share|spread" is "s" then
    "hare|pread"); the screen must still ask for the whole words, not for "s"."""
    pattern = re.compile(r"(share|spread) (it|this)", re.IGNORECASE)
    assert ("share", "spread") in needed_words([pattern])
    assert all(len(word) > 1 for clause in needed_words([pattern]) for word in clause)
    assert needed_words([re.compile("(next|newer) (post|page)", re.IGNORECASE)]) == (("newer", "next"), ("page", "post"))


@pytest.mark.parametrize("rule", [rule for rule in load_rules() if rule.regexes], ids=lambda rule: rule.id)
def test_every_example_a_regex_matches_holds_the_words_it_needs(rule) -> None:  # type: ignore[no-untyped-def]
    """The screen is sound on the built-in rules: a line one of a rule's regexes matches holds a
    word of each clause that regex's needed words (and the rule's) name."""
    for example in rule.examples_match + rule.examples_no_match:
        folded = fold(example)
        for pattern in rule.regexes:
            if pattern.fullmatch(example) and not ODD_CASE.search(example):
                for clause in needed_words([pattern]) + needed_words(rule.regexes):
                    assert any(word in folded for word in clause), (example, pattern.pattern, clause)
