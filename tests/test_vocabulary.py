"""Word lists as data: the heuristics read them from vocabulary rules a user can extend or disable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import RuleError, clean, load_rules

from conftest import ROOT

PROSE = ("<p>The river rose overnight, and by morning the water had reached the steps of the church, where "
         "volunteers were filling sandbags, handing out tea and moving furniture upstairs.</p>") * 4
THREAD = ("<html><body><div class='post'><h1>Flood</h1>" + PROSE + "<h3>{heading}</h3>"
          "<p>I was there and the water was higher than in 1998, everyone on our street says so.</p>"
          "<p>Thanks to the volunteers, they did a great job all night long with the sandbags.</p></div></body></html>")


def test_every_vocabulary_the_code_reads_is_a_builtin_rule() -> None:
    """A typo in an id would silently match nothing; so every id the modules name must exist."""
    rules = load_rules()
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "cleaner").glob("*.py"))
    used = set(re.findall(r'= "((?:heuristic|html|metadata)\.[a-z.-]+)"  # (?:a )?vocabulary', source))
    used |= set(re.findall(r'^(?:POSITIVE|NEGATIVE|NEVER|CREDIT_CLASS|CAPTION_CLASS|CREDIT_ITEMPROPS|'
                           r'NOT_ARTICLE_IMAGE|STAMP_SAYS|STAMP_AGO|THREAD_STAMP|BY_PREFIX) = "([^"]+)"', source, re.M))
    vocabularies = {r.id for r in rules if r.action == "vocabulary"}
    assert len(used) >= 10 and used <= vocabularies


def test_a_user_pack_extends_the_comment_headings(tmp_path: Path) -> None:
    page = THREAD.format(heading="Join the discussion")
    assert "higher than in 1998" in clean(page, kind="html").text
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rules]]\nid = "mysite.comment-headings"\ncategory = "vocabulary"\naction = "vocabulary"\n'
                    'extends = "heuristic.html.comment-thread"\nwords = ["join the discussion"]\n', encoding="utf-8")
    result = clean(page, kind="html", rules=load_rules([pack]))
    assert "higher than in 1998" not in result.text
    assert any(e["rule"] == "heuristic.html.comment-thread" and "1998" in e["text"] for e in result.removed)


def test_disabling_a_vocabulary_turns_it_off() -> None:
    page = THREAD.format(heading="12 Responses to “Flood”")
    assert "higher than in 1998" not in clean(page, kind="html").text
    rules = load_rules(disable=["heuristic.html.comment-thread"])
    assert "higher than in 1998" in clean(page, kind="html", rules=rules).text


@pytest.mark.parametrize("rule, message", [
    ('words = ["(unclosed"]', "bad word"),
    ('words = ["x"]\ntemplate = "no placeholder"', "template must be"),
    ('words = ["x"]\nanchor = "middle"', "anchor must be"),
    ('words = ["x"]\nlines = ["x"]', "vocabulary rule holds"),
    ('words = ["x"]\ntemplate = "(?<![a-z])(?:{words})"', "bad template: regex uses a look-behind"),
    ('words = ["x(?!y)"]', "bad word 'x(?!y)': regex uses a look-ahead, which"),
    ('words = ["x"]\ntemplate = "(?=a)(?:{words})"', "bad template: regex uses a look-ahead, which"),
    # Python reads it, RE2 does not: found when the words are compiled together, then named
    ('words = ["x", "a{2,1000000}", "y"]', "bad word 'a{2,1000000}': regex '(?:a{2,1000000})' cannot run on RE2"),
    # each word a group of its own: together these two would make one
    ('words = ["(a", "b)"]', "bad word '(a'"),
])
def test_bad_vocabulary_rules_fail_at_load(tmp_path: Path, rule: str, message: str) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(f'[[rules]]\nid = "v"\ncategory = "vocabulary"\naction = "vocabulary"\n{rule}\n', encoding="utf-8")
    with pytest.raises(RuleError, match=re.escape(message)):
        load_rules([pack], defaults=False)


def test_words_that_compile_alone_but_not_together_fail_at_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words are compiled on RE2 together; past its memory budget that fails, though each
    word alone compiles: the load says so instead of the first page that reads the vocabulary."""
    from cleaner import regexengine

    monkeypatch.setattr(regexengine, "MAX_MEM", 1 << 19)  # room for one of these words, not twenty
    words = ", ".join(f'"x{n}y\\\\w{{6}}"' for n in range(20))
    pack = tmp_path / "big.toml"
    pack.write_text(f'[[rules]]\nid = "v"\ncategory = "vocabulary"\naction = "vocabulary"\nwords = [{words}]\n',
                    encoding="utf-8")
    with pytest.raises(RuleError, match="each compiles alone, the joined list does not"):
        load_rules([pack], defaults=False)
