"""Caption/credit pairing for every credit form, as a case table through clean()."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.credits import credit_parts

BEFORE = "The council met on Tuesday and voted to close the bridge for repairs."
AFTER = "Work is expected to start in the spring and to last for six months."


def article(*middle: str) -> str:
    return "\n\n".join([BEFORE, *middle, AFTER]) + "\n"


CASES = [
    ("image-credits", ["Workers inspect the bridge", "Image credits: Jane Doe / Reuters"],
     "Workers inspect the bridge", "Jane Doe / Reuters", ["Jane Doe", "Reuters"]),
    ("photo", ["Workers inspect the bridge", "Photo: Jane Doe"], "Workers inspect the bridge", "Jane Doe", ["Jane Doe"]),
    ("photograph", ["Workers inspect the bridge", "Photograph: Jane Doe/Reuters"],
     "Workers inspect the bridge", "Jane Doe/Reuters", ["Jane Doe", "Reuters"]),
    ("credit", ["Workers inspect the bridge", "Credit: Andrew Harnik/Getty Images"],
     "Workers inspect the bridge", "Andrew Harnik/Getty Images", ["Andrew Harnik", "Getty Images"]),
    ("ap-same-line", ["Workers inspect the bridge on Monday, May 5, 2025. (AP Photo/Evan Vucci)"],
     "Workers inspect the bridge on Monday, May 5, 2025.", "AP Photo/Evan Vucci", ["AP Photo", "Evan Vucci"]),
    ("ap-own-line", ["Workers inspect the bridge", "(AP Photo/Evan Vucci)"],
     "Workers inspect the bridge", "AP Photo/Evan Vucci", ["AP Photo", "Evan Vucci"]),
    ("image-source-caption", ["Image source, Getty Images", "Image caption, Workers inspect the bridge"],
     "Workers inspect the bridge", "Getty Images", ["Getty Images"]),
    ("copyright", ["Workers inspect the bridge", "© Getty Images via AFP"],
     "Workers inspect the bridge", "Getty Images via AFP", ["Getty Images", "AFP"]),
    ("photograph-same-line", ["Workers inspect the bridge in Leeds. Photograph: Christopher Thomond/The Guardian"],
     "Workers inspect the bridge in Leeds.", "Christopher Thomond/The Guardian", ["Christopher Thomond", "The Guardian"]),
    ("credit-only", ["Image credits: The Telegraph"], None, "The Telegraph", ["The Telegraph"]),
    ("standalone-caption", ["Workers inspect the damaged bridge over the river on Monday morning"],
     "Workers inspect the damaged bridge over the river on Monday morning", None, []),
]


@pytest.mark.parametrize("name, middle, caption, credit, parts", CASES, ids=[c[0] for c in CASES])
def test_credit_forms(name: str, middle: list[str], caption: str | None, credit: str | None, parts: list[str]) -> None:
    result = cleaner.clean(article(*middle))
    assert result.text == f"{BEFORE}\n\n{AFTER}"
    assert result.images == [{"position": 1, "src": None, "alt": None, "caption": caption,
                              "credit": credit, "credit_parts": parts}]


def test_subheading_is_not_a_caption() -> None:
    result = cleaner.clean(article("What Happens Next"))
    assert result.images == []
    assert "What Happens Next" in result.text


def test_sentence_before_credit_is_not_its_caption() -> None:
    result = cleaner.clean(article("He said the work would be finished soon.", "Photo: Jane Doe"))
    assert result.images[0]["caption"] is None
    assert "He said the work would be finished soon." in result.text


def test_related_headline_followed_by_credit_is_a_caption() -> None:
    text = article("RELATED:", "Bridge closures across the region", "Workers inspect the bridge",
                   "Image credits: Jane Doe")
    result = cleaner.clean(text)
    assert [r["text"] for r in result.removed] == ["RELATED:", "Bridge closures across the region"]
    assert result.images[0]["caption"] == "Workers inspect the bridge"


@pytest.mark.parametrize("credit, parts", [
    ("Kremlin / Handout / Getty Images", ["Kremlin", "Handout", "Getty Images"]),
    ("Getty Images via AFP", ["Getty Images", "AFP"]),
    ("Reuters", ["Reuters"]),
    ("", []),
])
def test_credit_parts(credit: str, parts: list[str]) -> None:
    assert credit_parts(credit) == parts


@pytest.mark.parametrize("line", ["COPYRIGHT0", "Copyrighted material", "Photographs"])
def test_label_words_inside_other_words_are_not_credits(line: str) -> None:
    """Regression: 'COPYRIGHT0' was read as a credit '0', splitting a word in two."""
    result = cleaner.clean(article(line))
    assert result.images == [] and line in result.text


def test_a_lone_descriptive_line_between_paragraphs_is_a_caption() -> None:
    result = cleaner.clean(article("Workers inspect the rusted cables of the old bridge over the river"))
    assert [image["caption"] for image in result.images] == [
        "Workers inspect the rusted cables of the old bridge over the river"]


@pytest.mark.parametrize("middle, after", [
    # a hard-wrapped sentence broken off on a function word
    ("The arguments of the function are the same as those passed to the", AFTER),
    # a line of a program listing
    ("fetch(url, { mode: 'same-origin' }).then(function(response) {", AFTER),
    # the sentence goes on in the next line
    ("The details of how each guard affects the behaviour of the headers", "are explained below."),
])
def test_lines_of_broken_sentences_and_listings_are_not_captions(middle: str, after: str) -> None:
    result = cleaner.clean("\n\n".join([BEFORE, middle, after]) + "\n")
    assert result.images == []
    assert middle in result.text
