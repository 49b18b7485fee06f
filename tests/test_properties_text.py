"""Property tests for raw text: never crash, idempotent, invent nothing, lose nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.cli import main

from properties import assert_conserves, assert_invents_nothing, assert_lines_covered

PARAGRAPHS = [
    "The council met on Tuesday and voted to close the bridge for repairs.",
    "“We had no choice,” the mayor said, adding that the work was overdue.",
    "Traffic will be diverted through the town centre for six months.",
    "Local businesses said they feared losing customers during the closure.",
]
LINES = PARAGRAPHS + [
    "ADVERTISEMENT", "Advertisement", "Story continues below advertisement", "Sponsored content", "RELATED:",
    "Read more", "Highlights", "Key points", "• A bullet point about the bridge.", "- Another point",
    "Workers inspect the bridge", "Workers inspect the damaged bridge over the river on Monday morning",
    "Image credits: Jane Doe / Reuters", "Photo: Jane Doe", "(AP Photo/Evan Vucci)", "Image source, Getty Images",
    "Image caption, Workers at the bridge", "© Getty Images via AFP", "Share this:", "Sign up to our newsletter",
    "By Jane Doe", "What Happens Next", "Bridge closures across the region",
    "Workers at the site. Photograph: Jane Doe/Reuters",
]
INDENT = st.sampled_from(["", "  ", "    ", "\t"])
TRAIL = st.sampled_from(["", " ", "\u00a0", "\u00a0 "])
LINE = st.builds(lambda i, l, t: i + l + t, INDENT, st.sampled_from(LINES), TRAIL)
ARTICLE = st.lists(st.one_of(LINE, st.just("")), max_size=40).map("\n".join)
ANY_TEXT = st.one_of(ARTICLE, st.text(max_size=300), st.lists(st.one_of(LINE, st.text(max_size=40)), max_size=20).map("\n".join))
RELAXED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(ANY_TEXT)
def test_never_crashes_and_keeps_invariants(text: str) -> None:
    result = cleaner.clean(text, kind="text")
    assert_invents_nothing(text, result)
    assert_conserves(result)
    assert_lines_covered(text, result)


@RELAXED
@given(ANY_TEXT)
def test_idempotent(text: str) -> None:
    once = cleaner.clean(text, kind="text").text
    assert cleaner.clean(once, kind="text").text == once


@RELAXED
@given(st.binary(max_size=400))
def test_any_bytes_give_a_result_or_a_clean_error(data: bytes) -> None:
    try:
        result = cleaner.clean(data)
    except cleaner.CleanerError as exc:
        assert str(exc)
    else:
        assert isinstance(result.text, str)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_cli_never_modifies_input(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    assert main(["clean", str(path), "-o", str(tmp_path / "out.txt")]) in (0, 1)
    assert path.read_bytes() == data and path.stat().st_mtime_ns == before


def test_highlights_box_with_an_image_between_header_and_items_is_read_once() -> None:
    """Found by hypothesis: the caption a credit follows sat between a box header and its
    bullets, so the box was seen only once the caption had moved to `images` (second pass)."""
    text = ("Highlights\n\nWhat Happens Next\nImage credits: Jane Doe / Reuters\n"
            "• A bullet point about the bridge.")
    once = cleaner.clean(text, kind="text")
    assert once.highlights == ["A bullet point about the bridge."]
    assert [image["caption"] for image in once.images] == ["What Happens Next"]
    assert cleaner.clean(once.text, kind="text").text == once.text


def test_a_bullet_before_a_credit_stays_a_highlight() -> None:
    """Found by hypothesis: a bullet is never a caption, so a credit after it does not hide it
    from the box above (it did once the caption step-over came in)."""
    text = "Highlights\n• A bullet point about the bridge.\nImage credits: Jane Doe / Reuters"
    once = cleaner.clean(text, kind="text")
    assert once.highlights == ["A bullet point about the bridge."]
    assert cleaner.clean(once.text, kind="text").text == once.text
