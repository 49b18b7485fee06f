"""The raw-text reader: lines to blocks, whitespace, bullets, hard wrapping."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text import LONG_LINE, normalise_line, read_text, split_bullet, wrap_width


def test_dedent_trailing_nbsp_and_inner_runs() -> None:
    assert normalise_line("    Hello   world.\u00a0 ") == "Hello world."
    assert normalise_line("Il dit\u00a0: «\u00a0oui\u00a0»") == "Il dit\u00a0: «\u00a0oui\u00a0»"
    assert normalise_line("\tsoft\u00adhyphen\u200b") == "softhyphen"


# The definition normalise_line's shortcuts must agree with: drop invisibles, fold every run of
# whitespace but the kept spaces to one space, strip the ends (kept spaces too).
SPACE_CHARS = " \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2000\u2007\u200a\u2028\u202f\u205f\u3000"
ODD_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00adaé’x."


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(SPACE_CHARS + ODD_CHARS)) | st.text()
       # long lines (a page's whole text) take another path: a search per character first
       | st.text(alphabet=st.sampled_from(SPACE_CHARS + ODD_CHARS), min_size=LONG_LINE, max_size=3 * LONG_LINE)
       | st.builds(lambda head, tail: head + tail, st.text(alphabet="ab. ", min_size=LONG_LINE), st.text()))
def test_normalise_line_is_its_definition(line: str) -> None:
    dropped = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", line)
    assert normalise_line(line) == re.sub(r"[^\S\u00a0\u202f\u2007]+", " ", dropped).strip()


@pytest.mark.parametrize("line, mark, text", [
    ("• Item one", "•", "Item one"),
    ("- Item two", "-", "Item two"),
    ("* Item three", "*", "Item three"),
    ("1. First", "1.", "First"),
    ("-5 degrees tonight", "", "-5 degrees tonight"),
    ("Plain line", "", "Plain line"),
])
def test_bullets(line: str, mark: str, text: str) -> None:
    assert split_bullet(line) == (mark, text)


def test_lines_become_blocks_with_line_numbers() -> None:
    doc = read_text("Title\n\nFirst para.\nSecond line.\r\n\r\n  • item\n")
    assert [(b.text, b.where, b.kind, b.gap_before) for b in doc.blocks] == [
        ("Title", "line 1", "paragraph", True),
        ("First para.", "line 3", "paragraph", True),
        ("Second line.", "line 4", "paragraph", False),
        ("item", "line 6", "item", True),
    ]


WRAPPED = """The committee met on Tuesday to discuss the budget for the coming
year, and members agreed that the cuts proposed in the spring would be
reversed in full before the end of the financial year.

Officials said the decision had been expected for some weeks, although
the timing surprised several of the councillors who attended.

- first item
- second item
"""


def test_hard_wrapped_paragraphs_are_joined_but_lists_are_not() -> None:
    lines = [normalise_line(l) for l in WRAPPED.splitlines()]
    assert wrap_width(lines) is not None
    doc = read_text(WRAPPED)
    assert [b.text[:20] for b in doc.blocks] == [
        "The committee met on", "Officials said the d", "first item", "second item"]
    assert doc.blocks[0].where == "lines 1-3"


def test_unwrapped_text_is_not_joined() -> None:
    text = "Short line one\nShort line two\nShort line three\nShort line four\n"
    assert len(read_text(text).blocks) == 4


def test_one_sentence_a_line_of_similar_length_is_not_unwrapped() -> None:
    """Lines that each end a sentence are separate paragraphs, however alike their lengths."""
    lines = [f"Paragraph number {n} says something complete about the topic at hand today." for n in range(8)]
    assert wrap_width(lines) is None
    assert len(read_text("\n".join(lines)).blocks) == 8


def test_indentation_is_kept_per_block() -> None:
    doc = read_text("Top\n        * Home\n    Body line here.\n\tTabbed")
    assert [b.indent for b in doc.blocks] == [0, 8, 4, 4]
