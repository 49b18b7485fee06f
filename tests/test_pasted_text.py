"""Raw text as people paste it from news sites: the boilerplate around the article, captions over
credit lines, and the head metadata (headline, byline, datelines), each as a class of inputs.

Every case is an article of our own with one line of the kind under test placed in it; the
assertions say where that line must end up (removed by which rule, a caption, a metadata field).
"""

from __future__ import annotations

import pytest

import cleaner

HEAD = "Harbour cranes idle as port strike enters second week"
P1 = ("Container ships queued outside the port of Gdynia on Tuesday as a strike by crane operators "
      "entered its second week, leaving shelves short of imported goods across the region.")
P2 = "The union says its members have not had a pay rise in four years, and that the offer still stands."
P3 = "Talks between the two sides are due to resume on Thursday in Warsaw, the labour ministry said."


def article(*lines: str) -> str:
    """The test lines between the article's first and second paragraphs."""
    return "\n\n".join([HEAD, P1, *lines, P2, P3])


def removed_by(text: str) -> dict[str, str]:
    return {entry["text"]: entry["rule"] for entry in cleaner.clean(text, kind="text").removed}


@pytest.mark.parametrize("line", [
    "SKIP ADVERTISEMENT", "Advertisement - scroll to continue reading", "ADVERTISEMENT · CONTINUE READING BELOW",
    "Advertisement Continue reading the main story", "Skip Ad", "Weiterlesen nach der Anzeige",
    "La suite après la publicité", "Sigue leyendo después de la publicidad", "L’articolo continua dopo la pubblicità",
    "Continua depois da publicidade", "Lees verder na de advertentie",
])
def test_ad_markers_with_words_around_them_are_removed(line: str) -> None:
    assert removed_by(article(line)) == {line: "ads.marker"}


@pytest.mark.parametrize("line, rule", [
    ("Click here to subscribe for just $1 a week", "prompts.subscription-offer"),
    ("Subscribe now for only £4.99 a month", "prompts.newsletter"),
    ("Start your free trial", "prompts.subscription-offer"),
    ("Get unlimited access for $1", "prompts.subscription-offer"),
    ("Limited-time offer: 50% off your first year", "prompts.subscription-offer"),
    ("Don't miss out: Follow us on Twitter", "prompts.newsletter"),
    ("Sign up for our newsletter", "prompts.newsletter"),
    ("Suivez-nous sur Instagram", "prompts.newsletter"),
    ("Get the app", "prompts.app"),
    ("Download the Harbour News app for the latest updates", "prompts.app"),
    ("Share this article: Facebook | Twitter | Email", "prompts.share"),
    ("Share: Facebook, X, LinkedIn", "prompts.share"),
    ("Share on WhatsApp", "prompts.share"),
    ("Auf WhatsApp teilen", "prompts.share"),
])
def test_subscription_follow_app_and_share_prompts_are_removed(line: str, rule: str) -> None:
    assert removed_by(article(line)) == {line: rule}


@pytest.mark.parametrize("line", [
    "The company charges $1 a week for the service, which now has two million subscribers.",
    "Subscribers pay $12 a month, the filing shows.",
    "Share prices: Facebook fell 3%, Twitter rose.",
    "The advertisement ran for weeks in 1998, long before the strike.",
    "Download the app, and you will see why the regulator was worried about what it collects.",
])
def test_prose_that_mentions_prices_shares_or_ads_stays(line: str) -> None:
    assert removed_by(article(line)) == {}
    assert line in cleaner.clean(article(line), kind="text").text


def test_a_trailing_comments_label_is_a_comments_marker() -> None:
    result = cleaner.clean(article() + "\n\nComments", kind="text")
    assert [(e["rule"], e["category"]) for e in result.removed] == [("prompts.comments-label", "comments")]


def test_a_comments_label_in_a_toolbar_above_the_article_does_not_start_the_thread() -> None:
    menu = "\n".join(["Home", "World", "Business", "Sport", "Culture", "Travel", "Weather", "Video"])
    toolbar = "Article\nStock Quotes\nComments"
    body = "\n\n".join([P1, P2, P3, P1.replace("Tuesday", "Wednesday"), P2.replace("four", "five")])
    text = cleaner.clean(f"{menu}\n\n{toolbar}\n\n{body}\n\n{menu}", kind="text").text
    assert P1 in text and P3 in text


@pytest.mark.parametrize("caption, credit", [
    ("Dock workers gather at the gates of the container terminal on Monday.", "Photo: Ewa Lisowska/Reuters"),
    ("Dock workers gather at the gates of the container terminal on Monday.", "Credit: Ewa Lisowska/Reuters"),
    ("A crane operator waits for the shift to change.", "Photograph: Ewa Lisowska / Getty Images"),
    ("Dock workers gather at the gates on Monday", "Photo: Ewa Lisowska/Reuters"),
])
def test_the_line_right_above_a_credit_is_its_caption_whatever_its_punctuation(caption: str, credit: str) -> None:
    result = cleaner.clean(article(f"{caption}\n{credit}"), kind="text")
    assert [image["caption"] for image in result.images] == [caption]
    assert caption not in result.text


@pytest.mark.parametrize("above, after", [
    ("Dock workers gathered at the gates. The police watched from across the road.", P2),  # two sentences
    ("“We are not asking for the moon,” said Marek Zielinski, a crane operator.", P2),  # a quote
    ("Dock workers gathered at the gates of the terminal on Monday and", "said they would stay there."),  # runs on
])
def test_body_prose_right_above_a_credit_stays_in_the_text(above: str, after: str) -> None:
    text = "\n\n".join([HEAD, P1, f"{above}\nPhoto: Ewa Lisowska/Reuters", after, P3])
    result = cleaner.clean(text, kind="text")
    assert above in result.text
    assert [image["caption"] for image in result.images] == [None]


def test_a_sentence_with_a_blank_line_before_the_credit_is_not_its_caption() -> None:
    result = cleaner.clean(article("Dock workers gathered at the gates.", "Photo: Ewa Lisowska/Reuters"), kind="text")
    assert "Dock workers gathered at the gates." in result.text


@pytest.mark.parametrize("byline, expected", [
    ("By Tomasz Wierzbicki", {"author": "Tomasz Wierzbicki"}),
    ("By Tomasz Wierzbicki, Associated Press", {"author": "Tomasz Wierzbicki", "agency": "Associated Press"}),
    ("By Tomasz Wierzbicki | Reuters", {"author": "Tomasz Wierzbicki", "agency": "Reuters"}),
    ("By Tomasz Wierzbicki, Staff Writer", {"author": "Tomasz Wierzbicki", "author_role": "Staff Writer"}),
    ("By Tomasz Wierzbicki · March 3, 2026", {"author": "Tomasz Wierzbicki", "published": "2026-03-03"}),
    ("By Tomasz Wierzbicki, AFP · March 3, 2026 10:15 AM EST",
     {"author": "Tomasz Wierzbicki", "agency": "AFP", "published": "2026-03-03T10:15:00-05:00"}),
    ("Von Katrin Oberländer, dpa", {"author": "Katrin Oberländer", "agency": "dpa"}),
    ("By TOMASZ WIERZBICKI, Associated Press Writer 14 minutes ago",
     {"author": "TOMASZ WIERZBICKI", "author_role": "Associated Press Writer"}),
    ("By Jane Doe and John Smith", {"author": "Jane Doe and John Smith"}),
])
def test_a_byline_fills_author_and_its_parts_and_leaves_the_body(byline: str, expected: dict[str, str]) -> None:
    result = cleaner.clean(article(byline), kind="text")
    assert {k: v for k, v in result.metadata.items() if k not in ("language", "extraction")} == expected
    assert byline not in result.text
    assert result.title == HEAD


def test_a_byline_whose_last_part_no_list_reads_stays_in_the_text() -> None:
    """Taking it would lose what the part says: no field holds it."""
    line = "By Tomasz Wierzbicki | Harbour Desk Notes"
    result = cleaner.clean(article(line), kind="text")
    assert line in result.text and "author" not in result.metadata


@pytest.mark.parametrize("line, expected", [
    ("Published March 3, 2026 10:15 AM EST", {"published": "2026-03-03T10:15:00-05:00"}),
    ("Updated March 4, 2026", {"modified": "2026-03-04"}),
    ("Published: 3 March 2026 · Updated: 4 March 2026 at 9:05 p.m. GMT",
     {"published": "2026-03-03", "modified": "2026-03-04T21:05:00+00:00"}),
    ("Posted: Thu, 10 Jan 2008 03:47 GMT", {"published": "2008-01-10T03:47:00+00:00"}),
    ("Veröffentlicht am 12.02.2026 um 14:20 Uhr", {"published": "2026-02-12T14:20:00"}),
    ("Updated 9:05 a.m. ET March 4, 2026", {"modified": "2026-03-04"}),
])
def test_datelines_become_iso_dates_out_of_the_body(line: str, expected: dict[str, str]) -> None:
    result = cleaner.clean(article(line), kind="text")
    assert {k: v for k, v in result.metadata.items() if k not in ("language", "extraction")} == expected
    assert line not in result.text


@pytest.mark.parametrize("line", [
    "Published March 3, 2026, the report found that rents had doubled.",
    "Updated figures are due next week, the ministry said.",
])
def test_prose_that_starts_like_a_dateline_stays(line: str) -> None:
    result = cleaner.clean(article(line), kind="text")
    assert line in result.text and "published" not in result.metadata and "modified" not in result.metadata


def test_the_headline_is_the_title_with_a_byline_and_dateline_between_it_and_the_body() -> None:
    text = "\n".join([HEAD, "By Tomasz Wierzbicki", "Published March 3, 2026", P1, P2])
    assert cleaner.clean(text, kind="text").title == HEAD


def test_a_first_line_that_is_a_sentence_is_no_title() -> None:
    assert cleaner.clean("\n\n".join([P1, P2, P3]), kind="text").title is None


def test_an_html_byline_the_reader_keeps_in_the_body_is_split_the_same_way() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    page = (f"<html><head><title>{HEAD}</title></head><body><article><h1>{HEAD}</h1>"
            f"<p>By Tomasz Wierzbicki, Associated Press</p>{paragraphs}</article></body></html>")
    result = cleaner.clean(page, kind="html")
    assert result.metadata["author"] == "Tomasz Wierzbicki" and result.metadata["agency"] == "Associated Press"
    assert "Wierzbicki" not in result.text
