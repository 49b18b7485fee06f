"""Regression cases for what fuzzing found, and the resource limits (see SECURITY.md)."""

from __future__ import annotations

import pytest

import cleaner


@pytest.mark.parametrize("char", ["\x02", "\x07", "\x0b", "\x1f", "\ufffe"])
def test_control_characters_in_html_tails_do_not_crash(char: str) -> None:
    """Fuzz crash: libxml2 keeps a control character in a tail that lxml refuses to set back."""
    html = f"<html><body><p>Start<button>x</button>tail {char} end</p><p>{'Words of prose here. ' * 8}</p></body></html>"
    result = cleaner.clean(html, kind="html")
    assert "tail" in result.text and char not in result.text
