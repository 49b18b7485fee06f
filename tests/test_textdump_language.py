"""Whole-page text dumps in and without the languages cleaner has stop words for."""

from __future__ import annotations

import cleaner
from cleaner.language import detect_language, detect_page_language

MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Travel", "Opinion", "Video", "Contact"]
BODY = [
    "The council voted on Tuesday to keep the old harbour open, after a meeting that ran until midnight.",
    "Residents had argued for months about whether the wall should be repaired or moved further inland.",
]


def test_the_page_language_is_read_from_its_prose_not_its_menus() -> None:
    """Menus can fill the whole sample the language is read from; the prose lines name it."""
    lines = [f"{entry} {number}" for number in range(400) for entry in MENU] + BODY
    assert detect_language(" ".join(lines)) is None
    assert detect_page_language(lines) == "en"
