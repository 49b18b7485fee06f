"""Main-content detection: the categories of page furniture that used to be taken for the article."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.document import PROSE_CAPTION

SENTENCES = [
    "The river rose overnight, and by morning the water had reached the steps of the church, where "
    "volunteers were filling sandbags, handing out tea and moving furniture upstairs.",
    "Engineers from the council, who had been on site since dawn, said the old flood wall had held, "
    "but that the new pumps, installed last spring, could not keep pace with the rain.",
    "By noon the mayor, wearing borrowed boots, had visited the shelter, thanked the volunteers, and "
    "promised that the repairs, long delayed, would begin as soon as the water went down.",
]


def _article(count: int = 6, tag: str = "p") -> str:
    return "".join(f"<{tag}>{SENTENCES[i % 3]} ({i})</{tag}>" for i in range(count))


def _rules(result) -> set[str]:
    return {r["rule"] for r in result.removed}


def test_video_player_labels_inside_the_article_are_dropped() -> None:
    labels = ["Play", "Mute", "Settings", "Full Screen", "Captions", "Quality", "Auto", "Back"]
    player = '<div class="vp"><div>' + "".join(f"<div><div>{w}</div></div>" for w in labels) + "</div></div>"
    page = f"<html><body><article>{_article(3)}{player}{_article(3)}</article></body></html>"
    result = clean(page, kind="html")
    assert "Full Screen" not in result.text and "Settings" not in result.text
    assert "sandbags" in result.text
    assert "heuristic.html.control-labels" in _rules(result)


def test_a_list_of_short_items_in_the_article_is_kept() -> None:
    items = "".join(f"<li>{n} cups flour</li>" for n in range(1, 9))
    page = f"<html><body><article>{_article(3)}<ul>{items}</ul>{_article(3)}</article></body></html>"
    assert "8 cups flour" in clean(page, kind="html").text


def test_a_photo_gallery_is_not_taken_for_the_article() -> None:
    slides = "".join(f'<li><img src="/g/{n}.jpg"><h2>{n}/20 Picture</h2><p>{SENTENCES[n % 3]} [{n}]</p></li>'
                     for n in range(20))
    page = (f"<html><body><div class='story'>{_article(4)}"
            f"<div class='type-gallery'><div class='full-gallery'><ul>{slides}</ul></div></div>"
            f"</div></body></html>")
    text = clean(page, kind="html").text
    assert "sandbags, handing out tea and moving furniture upstairs. (0)" in text
    assert "[7]" not in text and "Picture" not in text


def test_an_id_naming_comments_outweighs_a_positive_class() -> None:
    comments = "".join(f"<p>{SENTENCES[n % 3]} [comment {n}]</p>" for n in range(12))
    page = (f"<html><body><div id='area'><div class='article-content'>{_article(6)}</div>"
            f"<div id='comment-text' class='user-post-text'>{comments}</div></div></body></html>")
    text = clean(page, kind="html").text
    assert "(5)" in text
    assert "[comment 3]" not in text


def test_an_article_split_into_wrapped_sections_is_taken_whole() -> None:
    section = "<section class='part'><div class='col'><div class='body-x'>{}</div></div></section>"
    page = ("<html><body><article><div>" + section.format(_article(12)) + section.format(_article(3))
            + section.format(_article(2)) + "</div></article></body></html>")
    text = clean(page, kind="html").text
    assert text.count("sandbags") == 4 + 1 + 1


def test_teaser_lists_do_not_pull_the_article_up_to_the_page() -> None:
    teasers = "".join(f"<li><div><h3><a href='/s/{n}'>Story {n}</a></h3><p>{SENTENCES[n % 3]} [teaser {n}]</p>"
                      f"</div></li>" for n in range(14))
    page = (f"<html><body><div id='page'><div><div class='main-text'>{_article(5)}</div></div>"
            f"<div><ul>{teasers}</ul></div></div></body></html>")
    text = clean(page, kind="html").text
    assert "(4)" in text
    assert "[teaser 2]" not in text


def test_a_page_wrapper_named_after_its_sidebar_still_yields_the_article() -> None:
    # Layout classes ("one-sidebar-right") put every paragraph inside a box named like
    # chrome; with nothing else to score, the wrapper must not hide the article.
    menu = "".join(f"<li><a href='/s/{n}'>Section {n}</a></li>" for n in range(8))
    page = (f"<html><body><div id='site' class='one-sidebar-right'><div class='header'><ul>{menu}</ul></div>"
            f"<div class='col'>{_article(6)}</div></div></body></html>")
    text = clean(page, kind="html").text
    assert "(5)" in text and "(0)" in text
    assert "Section 3" not in text


def test_feature_cards_in_main_are_taken_with_the_notice_beside_them() -> None:
    # A notice with a comma-rich paragraph outscores the cards (list items, short blurbs),
    # but <main> says the cards are the page's content, not a teaser list.
    cards = "".join(f"<li><h2>Tool {n}</h2><p>Short blurb about tool number {n} and what it does for you.</p>"
                    f"<a href='/t/{n}'>Learn more</a></li>" for n in range(6))
    page = (f"<html><body><nav><a href='/'>Home</a></nav><main><section><header><h1>Welcome</h1>"
            f"<p>{SENTENCES[1][:80]}</p></header><div class='notice'><h4>Important</h4>"
            f"<p>{SENTENCES[0]} {SENTENCES[1]}</p></div></section>"
            f"<section><div><ul>{cards}</ul></div></section></main></body></html>")
    text = clean(page, kind="html").text
    assert "sandbags" in text
    assert "tool number 0" in text and "tool number 5" in text


def _teaser(n: int) -> str:
    return (f'<div class="item"><h4><a href="/story-{n}">Another story number {n}</a></h4>'
            f"<p>A blurb that sums up story {n}, written to make readers click through to it.</p></div>")


BLURB = ("A summary of story {n}, which ran on Monday, told how the town, the council and the school "
         "each reacted, and what happens next.")
LINKED_LISTS = {
    "dl": "<dl>" + "".join(f"<dt><a href='/s{n}'>Another story number {n}</a></dt><dd>{BLURB.format(n=n)}</dd>"
                           for n in range(4)) + "</dl>",
    "ul": "<ul>" + "".join(f"<li><a href='/s{n}'>Another story number {n}</a><p>{BLURB.format(n=n)}</p></li>"
                           for n in range(4)) + "</ul>",
}


@pytest.mark.parametrize("shape", sorted(LINKED_LISTS))
@pytest.mark.parametrize("where", ["inside", "sibling"])
def test_a_list_of_linked_headlines_with_long_blurbs_is_not_the_article(shape: str, where: str) -> None:
    # Blurbs as long as sentences of the article, each right under its linked headline: a
    # list of other stories however much prose it holds (its headlines are not headings, so
    # the linked-heading test alone missed it). Inside the article's box it is pruned; beside
    # it, named like it, it does not join it.
    box = f"<div class='story'><h3>Around the islands</h3>{LINKED_LISTS[shape]}</div>"
    story = f"<h1>Flood</h1>{_article(8)}"
    body = f"<div class='story'>{story}{box}</div>" if where == "inside" else f"<div class='story'>{story}</div>{box}"
    result = clean(f"<html><body><div class='col'>{body}</div></body></html>", kind="html")
    assert "sandbags" in result.text and "(7)" in result.text
    assert "Another story number" not in result.text and "A summary of story" not in result.text
    assert _rules(result) == {"heuristic.html.teaser-list" if where == "inside" else "heuristic.html.outside-main"}


def test_sections_under_linked_headings_stay_in_the_article() -> None:
    # An article's own headings may be links (permalink anchors): several paragraphs follow each.
    sections = "".join(f"<h2><a href='#s{n}'>Part {n}</a></h2>{_article(2)}" for n in range(4))
    result = clean(f"<html><body><div class='story'><h1>Flood</h1>{sections}</div></body></html>", kind="html")
    assert result.text.count("sandbags") == 4 and "Part 3" in result.text


def test_a_list_of_other_stories_inside_the_article_box_is_dropped() -> None:
    """Linked headlines with blurbs read like prose to the scorer; an article's headings are not links."""
    page = (f"<html><body><div class='col'><div class='lead'>{_article(4)}</div><div class='rest'>{_article(4)}</div>"
            f"<div class='group'><h2>Other columns</h2>{''.join(_teaser(n) for n in range(4))}</div>"
            "</div></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text
    assert "Another story number 2" not in result.text and "sums up story 2" not in result.text
    assert "heuristic.html.teaser-list" in _rules(result)


def test_a_page_that_is_only_a_list_of_stories_keeps_it() -> None:
    page = f"<html><body><main>{''.join(_teaser(n) for n in range(8))}</main></body></html>"
    assert "sums up story 7" in clean(page, kind="html").text


def test_headings_that_link_to_themselves_do_not_make_a_teaser_list() -> None:
    sections = "".join(f'<section><h2><a href="#s{n}">Section {n}</a></h2>{_article(3)}</section>' for n in range(3))
    page = f"<html><body><article>{sections}</article></body></html>"
    result = clean(page, kind="html")
    assert "Section 2" in result.text and "heuristic.html.teaser-list" not in _rules(result)


def test_a_linked_item_of_a_list_in_the_article_is_kept() -> None:
    """A status report's list links some items whole to their bug: they are still its text.
    ("Email this story" is share chrome, and the share rule still takes it.)"""
    items = ("<li><a href='/bug/1'>Gijs fixed some flicker when launching the browser</a></li>"
             "<li>Florian landed documentation for the new profiler marker programming interface, "
             "with examples for every kind of marker and notes on their cost</li>")
    page = (f"<html><body><article>{_article(3)}<ul>{items}</ul>"
            f"<p><a href='/mail'>Email this story</a></p>{_article(3)}</article></body></html>")
    result = clean(page, kind="html")
    assert "Gijs fixed some flicker" in result.text
    assert "Email this story" not in result.text


def test_a_linked_line_between_the_articles_paragraphs_is_kept() -> None:
    """A wholly linked line inside the article is the author's cross-reference; at its end it
    is the site's chrome."""
    page = (f"<html><body><article>{_article(3)}<p><a href='/t'>Read the full transcript of the hearing</a></p>"
            f"{_article(3)}<p><a href='/more'>More flood coverage from our newsroom</a></p></article></body></html>")
    result = clean(page, kind="html")
    assert "Read the full transcript of the hearing" in result.text
    assert "More flood coverage" not in result.text
    assert "heuristic.html.link-dense" in _rules(result)


def test_labels_and_share_boxes_between_headline_and_body_stay_out() -> None:
    """The headline and byline above the article's box come back; a share box or a bare
    "Posted in:" label between them does not."""
    page = ("<html><head><title>Flood waters rise</title></head><body><h1>Flood waters rise</h1>"
            "<p class='byline'>By Jane Doe</p><div class='share-links'><span>Share this story now</span></div>"
            f"<div class='post-category'>Posted in:</div><div class='story'>{_article(6)}</div></body></html>")
    text = clean(page, kind="html").text
    assert "Flood waters rise" in text and "sandbags" in text
    assert "Share this story" not in text and "Posted in:" not in text


def _dated_page(dateline: str, head: str = "") -> str:
    return (f"<html><head><title>Flood waters rise</title>{head}</head><body><h1>Flood waters rise</h1>"
            f"<p class='byline'>By Jane Doe</p><div class='stamp'>{dateline}</div>"
            f"<div class='story'>{_article(6)}</div></body></html>")


def test_a_dateline_by_the_headline_goes_to_metadata() -> None:
    """A line that is only a date, between the headline and the body, is furniture like the
    byline: out of the text, recorded with its id, its date in metadata.published."""
    result = clean(_dated_page("Posted : Thu, 10 Jan 2008 03:47:03 GMT"), kind="html")
    assert "Flood waters rise" in result.text and result.metadata["author"] == "Jane Doe"
    assert "Posted" not in result.text and "2008" not in result.text
    assert any(r["rule"] == "heuristic.html.dateline" and r["text"].startswith("Posted") for r in result.removed)
    assert result.metadata["published"] == "2008-01-10"


def test_the_page_metadata_outranks_a_dateline() -> None:
    head = "<meta property='article:published_time' content='2008-01-09T22:00:00Z'>"
    result = clean(_dated_page("Last Updated: January 10, 2008 9:22pm", head), kind="html")
    assert "Last Updated" not in result.text
    assert result.metadata["published"] == "2008-01-09T22:00:00+00:00"
    assert result.metadata["modified"] == "2008-01-10"


def test_a_line_with_more_than_a_date_by_the_headline_stays() -> None:
    result = clean(_dated_page("Flooding hit the town on January 10, 2008"), kind="html")
    assert "Flooding hit the town on January 10, 2008" in result.text
    assert "published" not in result.metadata


def test_a_dateline_above_the_headline_inside_the_article_goes_to_metadata() -> None:
    page = ("<html><head><title>Flood waters rise</title></head><body><article>"
            "<div class='stamp'>Posted at 02:30 PM ET, 08/15/2012</div><h1>Flood waters rise</h1>"
            f"{_article(6)}</article></body></html>")
    result = clean(page, kind="html")
    assert result.text.startswith("Flood waters rise\n\n") and "Posted" not in result.text
    assert result.metadata["published"] == "2012-08-15"


def test_the_headline_between_two_boxes_joined_as_the_article_stays() -> None:
    """A kicker box and a byline box join the article's body as its siblings (their names say
    article); the headline between them, in no box of its own, is the article's too."""
    page = ("<html><head><title>Flood waters rise | The Courier</title></head><body><main><article class='article'>"
            "<div class='article__kicker'><span>Subscriber exclusive</span> <a href='/news/'>News</a></div>"
            "<h1 class='article__headline'>Flood waters rise</h1>"
            "<div class='article__byline'><span>By Jane Doe</span> <time>March 3, 2026</time></div>"
            f"<div class='article__body'>{_article(6)}</div></article></main></body></html>")
    text = clean(page, kind="html").text
    assert "Flood waters rise\n\nBy Jane Doe" in text


def test_a_charts_labels_inside_the_article_are_dropped() -> None:
    labels = "".join(f"<div><p>{v}</p></div>" for v in ["$915", "billion", "$900", "600", "300", "0", "’17", "’20", "’23"])
    chart = ("<div class='chart'><img src='/chart.png'><div><p>Interest payments on the national debt</p></div>"
             f"{labels}</div>")
    page = f"<html><body><article>{_article(3)}{chart}{_article(3)}</article></body></html>"
    result = clean(page, kind="html")
    assert "billion" not in result.text and "’17" not in result.text
    assert result.text.count("water went down. (2)") == 2


def test_a_share_box_around_the_headline_and_article_is_not_a_share_bar() -> None:
    """Sites wrap whole stories in boxes named for a script hook ("share_wrapper"): a box
    that holds the page's headline is the article's, so its prose counts."""
    page = ("<html><head><title>Flood waters rise</title></head><body>"
            "<div class='share_wrapper'><div class='article'><h1>Flood waters rise</h1>"
            f"<div>{_article(8)}</div></div></div>"
            "<div class='textarea'><p>Gartner's latest report, which ranks the vendors, explains why "
            "service desks need social collaboration, visual analysis and faster triage.</p></div>"
            "</body></html>")
    text = clean(page, kind="html").text
    assert text.count("sandbags") == 3 and "Gartner" not in text


def test_the_prose_below_the_headline_outranks_a_box_that_wins_on_its_name() -> None:
    """A short post with a few links loses on score to an author box named like content;
    the article starts below its headline, so the box holding that prose is chosen."""
    linked = "<a href='/x'>the council's flood map and pump records</a>"
    page = ("<html><head><title>Flood waters rise</title></head><body><div class='main'>"
            "<h1>Flood waters rise</h1><div class='entry'><div class='content'>"
            f"<p>{SENTENCES[0]} See {linked}.</p><p>{SENTENCES[1]} Also {linked}.</p></div></div></div>"
            "<div class='post-author'><p>Jane Doe writes about weather, rivers, and towns, and lives "
            "by the sea with two cats.</p></div></body></html>")
    text = clean(page, kind="html").text
    assert "sandbags" in text and "new pumps" in text
    assert "two cats" not in text


def _rail(n: int = 8) -> str:
    return "<ul>" + "".join(f"<li><a href='/more/{i}'>Another story from the section, number {i}</a></li>"
                            for i in range(n)) + "</ul>"


def test_a_masthead_promo_above_the_headline_does_not_take_the_article() -> None:
    """A promo named like content wins on its name, above the page's headline; the article
    under the headline (one paragraph, in a column a link rail drags down) has more prose."""
    page = ("<html><head><title>Flood waters rise in the lower town</title></head><body>"
            "<section class='container'><div class='content'><h4>Our winter issue</h4>"
            "<p>Inside the winter issue, a long read on the valley's mills, a portfolio of photographs, "
            "and a guide to walks. Out now in the shops.</p></div></section>"
            "<section class='container'><article><div><h1>Flood waters rise in the lower town</h1>"
            f"<p>{SENTENCES[0]}</p></div></article><aside><h3>More</h3>{_rail()}</aside></section>"
            "</body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "winter issue" not in result.text


def test_a_heading_that_repeats_a_site_name_below_the_article_does_not_take_it() -> None:
    """The page's title is only the site's name, and a heading below the article repeats it
    over an advertisers' box: the article ends above that heading but holds more prose, so
    it stays the article."""
    page = ("<html><head><title>Valley Times</title></head><body><div class='story'>"
            f"{_article(4)}</div><div><h3>Valley Times marketplace</h3>"
            "<p>Plumbers, roofers and removals: find a trusted trader near you today.</p></div>"
            "</body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "trusted trader" not in result.text


def test_a_box_named_footer_goes_even_when_it_holds_prose() -> None:
    """The reader climbs to the page wrapper (the article is split in boxes), which also holds the
    site footer: an "About us" blurb of several sentences, named `footer`, not `<footer>`. It goes
    like the element would."""
    about = ("Launched in 2009, the Valley Times is a small, independent paper, written by a team of "
             "four, funded by its readers, and printed, folded and delivered on Thursdays, rain or shine.")
    page = ("<html><head><title>Flood waters rise</title></head><body><div id='wrapper'>"
            f"<div class='part'>{_article(2)}</div><div class='part'>{_article(2)}</div>"
            f"<div id='footer'><h4>About the Valley Times</h4><p>{about}</p></div></div></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "independent paper" not in result.text
    assert "heuristic.html.boilerplate-box" in _rules(result)


def test_a_roundup_of_links_that_is_most_of_the_article_stays() -> None:
    """A post that is a list of links with a line of comment on each is link-dense and
    list-shaped like a related box, but it holds most of the article's prose: it is the
    article, not a box inside it."""
    items = "".join(
        f"<li><a href='/s/{n}'>The flood report number {n} from the council of the river towns and the water "
        "board</a> gives the figures for each street and each house in the town and says what the new pumps "
        f"did on the night the water came up to the church steps and what the old wall did ({n}).</li>"
        for n in range(6))
    page = ("<html><head><title>Weekend links</title></head><body><h1>Weekend links</h1>"
            f"<div class='article'><div class='x'><p>Links for the weekend:</p><ul>{items}</ul></div>"
            "<div class='note'><p>Jane Doe writes about rivers, towns and the weather.</p></div></div></body></html>")
    text = clean(page, kind="html").text
    assert "Links for the weekend:" in text and "old wall did (5)." in text


def test_a_snippet_box_that_repeats_the_storys_opening_goes() -> None:
    snippet = f"<div class='snippet'><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p></div>"
    page = (f"<html><body><article>{snippet}<div class='full'><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p>"
            f"{_article(4)}</div></article></body></html>")
    result = clean(page, kind="html")
    assert result.text.count("new pumps, installed last spring, could not keep pace with the rain.\n") == 1
    assert "heuristic.html.duplicate" in _rules(result)


def test_a_paragraph_repeated_in_its_own_box_stays() -> None:
    page = f"<html><body><article><p>{SENTENCES[0]}</p><p>{SENTENCES[0]}</p>{_article(3)}</article></body></html>"
    assert clean(page, kind="html").text.count("moving furniture upstairs.\n") == 2


def test_an_author_bio_inside_the_article_is_not_the_article() -> None:
    for name in ("author-bio", "about-the-author", "postauthor", "better-author-box-div", "bio"):
        page = (f"<html><body><article>{_article(5)}<div class='{name}'><p>Jane Doe is a reporter who has "
                "covered floods, rivers and town councils for twenty years, and lives by the sea.</p></div>"
                "</article></body></html>")
        text = clean(page, kind="html").text
        assert "sandbags" in text and "twenty years" not in text, name


@pytest.mark.parametrize("named", ["class='author'", "id='author'", "class='post-author clearfix'",
                                   "class='about_author'", "class='author_box'"])
def test_a_box_named_for_the_author_that_holds_a_bio_goes(named: str) -> None:
    page = (f"<html><body><article>{_article(5)}<div {named}><h3>Author: <a href='/a/jd'>Jane Doe</a></h3>"
            "<p>Jane Doe is a reporter who has covered floods, rivers and town councils for twenty years, "
            "and lives by the sea.</p></div></article></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "twenty years" not in result.text, named


def test_a_box_named_for_the_author_that_holds_a_byline_stays() -> None:
    page = (f"<html><body><article><div class='author'><p>Jane Doe, River Correspondent</p></div>{_article(5)}"
            "</article></body></html>")
    result = clean(page, kind="html")
    assert "heuristic.html.author-box" not in _rules(result)


def test_a_headline_matches_the_title_whatever_the_apostrophes() -> None:
    """Sites garble or drop apostrophes and quotes in one copy of the title ("Im in" in
    <title>, "I’m in" on the page): the headline above the article is still found and kept."""
    page = ("<html><head><title>Im in.. Are YOU in?</title></head><body><div class='wrap'>"
            "<h3>I’m in.. Are YOU in?</h3><div class='entry'>" + _article(4) + "</div></div>"
            "<div class='side'><p>Links</p></div></body></html>")
    assert clean(page, kind="html").text.startswith("I’m in.. Are YOU in?\n")


def test_a_headline_that_is_one_part_of_the_title_keeps_the_masthead_out() -> None:
    """"Story « Site": the article's own heading repeats the title's first part, so the
    site's name in the masthead above (which repeats most of the rest) is not taken for the
    headline and brought back with its tagline."""
    page = ("<html><head><title>Flood waters rise « The River Town Gazette</title></head><body>"
            "<div class='top'><h2>The River Town Gazette</h2><div>News of the river towns since 1890</div></div>"
            "<div class='post'><h2>Flood waters rise</h2>" + _article(4) + "</div></body></html>")
    text = clean(page, kind="html").text
    assert text.startswith("Flood waters rise\n") and "Gazette" not in text and "since 1890" not in text


def test_the_headline_with_prose_below_beats_a_masthead_that_repeats_the_title() -> None:
    """"Story - Site tagline - Site" (as og:title gives it): the masthead repeats most of the
    title and is the most prominent heading, but the story's heading (the title's first part)
    is the one followed by prose, so it anchors the article against a longer blurb elsewhere."""
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(9))
    blurb = ("<div class='a'><ul><li><div>Welcome to the blog where parents and teachers from all over the world share "
             "crafts, tutorials and ideas for children of all ages, at home and at school.</div></li></ul></div>")
    page = ("<html><head><meta property='og:title' content='Paper leaves for crafting - Things to make and do, "
            "crafts for kids - The Crafty Crow'></head><body><h1>Things to make and do, crafts for kids - The Crafty Crow</h1>"
            f"<ul>{menu}</ul><div class='cols'><div class='left'>{blurb}</div><div class='middle'><div class='b'>"
            "<h3>Paper leaves for crafting</h3><div class='c'><p>I love the idea of keeping these paper punched "
            "leaves, for other craft projects! Get the details at the shop.</p></div></div></div></div></body></html>")
    text = clean(page, kind="html").text
    assert "paper punched leaves" in text and "Welcome to the blog" not in text


def test_a_headline_that_is_a_shorter_part_of_the_title_is_kept() -> None:
    """With no og:title the metadata keeps the longest part of <title>, here the site's
    tagline; the headline repeats another part, and is still found and brought back."""
    page = ("<html><head><title>Flood waters rise - The River Town Gazette, news of the river towns since 1890"
            "</title></head><body><div class='head'><h1>Flood waters rise</h1></div>"
            f"<div class='story'>{_article(6)}</div></body></html>")
    result = clean(page, kind="html")
    assert result.text.startswith("Flood waters rise\n") and "sandbags" in result.text


def test_a_comments_heading_in_the_articles_box_ends_the_article() -> None:
    """Blogs put the comment thread as plain paragraphs right after the article's own, in the
    same box, below a "Comments" heading: the heading and what follows it there go."""
    comments = "".join(f"<p>I read this and the water came up to my door too, the pumps never worked ({n}).</p>"
                       f"<p class='posted'>Posted by: Reader {n} | Apr 6, 2007 1:11:01 PM</p>" for n in range(5))
    for heading in ("12 Comments", "Reader views (5)", "Trackback Pings"):
        page = (f"<html><body><div class='content'><h1>Flood waters rise</h1>{_article(5)}"
                f"<h2>{heading}</h2>{comments}</div></body></html>")
        result = clean(page, kind="html")
        assert "sandbags" in result.text and "keep pace with the rain. (4)" in result.text, heading
        assert "pumps never worked" not in result.text and "Posted by" not in result.text, heading
        assert "heuristic.html.comment-thread" in _rules(result), heading


def test_a_section_heading_that_names_a_response_stays() -> None:
    """A singular "Response" or "Comment" is as often the article's own section: it needs a count."""
    for heading in ("Response", "Comment", "Discussion"):
        page = (f"<html><body><article><h1>Flood waters rise</h1>{_article(4)}"
                f"<h2>{heading}</h2>{_article(3)}</article></body></html>")
        assert clean(page, kind="html").text.count("sandbags") == 3, heading


def test_a_dense_run_of_comment_stamps_ends_the_article() -> None:
    """A thread with no heading and no box name: plain paragraphs, each comment with its
    "Posted by: name | date" line. The run of stamps below the article marks it."""
    comments = "".join(f"<p class='posted'>Posted by: Reader {n} | Apr 6, 2007 1:1{n}:01 PM</p>"
                       f"<p>I read this and the water came up to my door too, the pumps never worked ({n}).</p>"
                       for n in range(4))
    page = (f"<html><body><div class='content'><h1>Flood waters rise</h1>{_article(5)}"
            f"<p>Posted by Jane Doe at April 6, 2007 09:01 AM</p>{comments}</div></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "keep pace with the rain. (4)" in result.text
    assert "pumps never worked" not in result.text and "Posted by" not in result.text
    assert "heuristic.html.comment-thread" in _rules(result)


def test_the_articles_own_posted_by_line_alone_stays() -> None:
    page = (f"<html><body><div class='content'><h1>Flood waters rise</h1>{_article(5)}"
            "<p>Posted by Jane Doe at April 6, 2007 09:01 AM</p></div></body></html>")
    assert "Posted by Jane Doe" in clean(page, kind="html").text


def test_a_paragraph_named_like_a_comment_or_bio_inside_the_article_goes() -> None:
    """Boxes are pruned by their names; a bare `<p>` that carries such a name ("commentodd",
    "author-bio") is the same chrome without a box around it."""
    page = (f"<html><body><article><h1>Flood waters rise</h1>{_article(5)}"
            "<p class='commentodd'>I have watched this river for forty years and never seen it this high.</p>"
            "<p class='author-bio'>Jane Doe writes about rivers, towns and the weather.</p></article></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "forty years" not in result.text and "Jane Doe writes" not in result.text


def test_a_label_repeated_under_every_picture_goes() -> None:
    photos = "".join(f"<p><img src='/p{n}.jpg' alt=''></p><p>Mouseover photo to load notes or add comment</p>"
                     f"<p>{SENTENCES[n % 3]} ({n})</p>" for n in range(5))
    page = f"<html><body><article><h1>Flood waters rise</h1>{photos}</article></body></html>"
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "Mouseover" not in result.text


def test_a_subheading_repeated_between_prose_sections_stays() -> None:
    sections = "".join(f"<p>What the inquest has been told</p><p>{SENTENCES[n % 3]} ({n})</p>" for n in range(5))
    page = f"<html><body><article><h1>Flood waters rise</h1>{sections}</article></body></html>"
    assert clean(page, kind="html").text.count("What the inquest has been told") == 5


def test_a_secondary_column_beside_the_article_does_not_join_it() -> None:
    """"secondary" is the usual name of a page's second column (WordPress's #secondary
    sidebar), even spelled with "content" in it: its blurbs are not the article's."""
    blurbs = "".join(f"<p>The county fair opens on Friday with rides, a pie contest and tractors ({n}).</p>"
                     for n in range(2))
    page = ("<html><body><div class='wrap'><div class='entry-content'><h1>Flood waters rise</h1>"
            f"{_article(6)}</div><div class='secondarycontentcontainer'>{blurbs}</div></div></body></html>")
    text = clean(page, kind="html").text
    assert "sandbags" in text and "county fair" not in text


def test_a_copyright_notice_below_the_article_ends_it() -> None:
    page = (f"<html><body><div id='story'>{_article(4)}<p>Copyright © 2011 River News</p>"
            "<div><h3>Other news</h3><p>The ferry will run on the winter timetable from Monday, the operator "
            "said, with two fewer sailings a day.</p></div></div></body></html>")
    result = clean(page, kind="html")
    assert "sandbags" in result.text and "ferry" not in result.text
    assert "heuristic.html.after-notice" in _rules(result)


@pytest.mark.parametrize("shape", ["notice above the article", "more prose below than above"])
def test_a_copyright_notice_that_is_not_below_the_article_ends_nothing(shape: str) -> None:
    notice = "<p>Copyright © 2011 River News</p>"
    body = (notice + _article(4) if shape == "notice above the article"
            else _article(1) + notice + _article(4))
    result = clean(f"<html><body><div id='story'>{body}</div></body></html>", kind="html")
    assert result.text.count("sandbags") >= 1 and "heuristic.html.after-notice" not in _rules(result)
    assert len(result.text.split()) >= 4 * 25


@pytest.mark.parametrize("headline", ["Photos: Halloween in Hong Kong looks awesome", "Photo: The Harbour at Dawn"])
def test_a_headline_that_starts_like_a_credit_line_stays_the_headline(headline: str) -> None:
    page = (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"{_article(3)}</article></body></html>")
    result = clean(page, kind="html")
    assert result.text.startswith(headline)
    assert not any(image["credit"] == headline.split(": ", 1)[1] for image in result.images)


def test_a_credit_line_that_is_not_the_title_is_still_a_credit() -> None:
    page = ("<html><head><title>Flood waters rise</title></head><body><article><h1>Flood waters rise</h1>"
            f"<p>{SENTENCES[0]}</p><img src='/a.jpg'><p>Photo: Jane Doe</p>{_article(2)}</article></body></html>")
    result = clean(page, kind="html")
    assert "Photo: Jane Doe" not in result.text
    assert any(image["credit"] == "Jane Doe" for image in result.images)


def test_a_lightbox_link_around_an_image_is_the_image_not_a_dialog() -> None:
    page = ("<html><body><article><h1>Flood waters rise</h1>"
            f"<p>{SENTENCES[0]}</p><a class='lightbox' href='/big.jpg'><img src='/a.jpg' alt=''></a>"
            f"<p>Volunteers fill sandbags by the church. Credit: Jane Doe/Reuters</p>{_article(2)}"
            "</article></body></html>")
    result = clean(page, kind="html")
    assert "containers.dialog" not in _rules(result)
    assert any(image["src"] == "/a.jpg" for image in result.images)


def _caption(i: int) -> str:
    return f"Picture {i}: seen from the bridge, {SENTENCES[i % 3][0].lower()}{SENTENCES[i % 3][1:]}"


def _gallery(captions: int, paragraphs: int) -> str:
    photos = "".join(f"<div class='photo'><img src='/p{i}.jpg' width='800' height='600' alt=''>"
                     f"<p class='wp-caption-text'>{_caption(i)}</p></div>" for i in range(captions))
    return f"<html><body><article><h1>In pictures: the flood</h1>{_article(paragraphs)}{photos}</article></body></html>"


def test_a_gallery_told_in_captions_keeps_them_as_its_text() -> None:
    result = clean(_gallery(captions=4, paragraphs=1), kind="html")
    assert all(_caption(i) in result.text for i in range(4))  # each caption under its picture
    assert [image["caption"] for image in result.images] == [_caption(i) for i in range(4)]
    assert result.text.index(_caption(1)) < result.text.index(_caption(2)) < result.text.index(_caption(3))
    assert result.text.startswith("In pictures: the flood")


def test_an_article_s_sentence_captions_are_written_under_their_pictures() -> None:
    result = clean(_gallery(captions=4, paragraphs=6), kind="html")  # text outweighs captions: no gallery
    assert [image["caption"] for image in result.images] == [_caption(i) for i in range(4)]
    texts = [b.text for b in result.body]
    for i, image in enumerate(result.images):
        assert texts.count(_caption(i)) == 1  # once, right under its picture
        assert texts[image["position"]] == _caption(i)
    assert {b.rule for b in result.body if b.text.startswith("Picture ")} == {PROSE_CAPTION}


def test_a_short_caption_or_one_the_text_already_holds_stays_out_of_the_text() -> None:
    label = "<figure><img src='/a.jpg' alt=''><figcaption>The old pier.</figcaption></figure>"
    shown = f"{SENTENCES[1]} (1)"  # the second paragraph of _article, word for word
    repeated = f"<figure><img src='/b.jpg' alt=''><figcaption>{shown}</figcaption></figure>"
    page = f"<html><body><article><h1>Flood waters rise</h1>{_article(3)}{label}{repeated}</article></body></html>"
    result = clean(page, kind="html")
    assert [image["caption"] for image in result.images] == ["The old pier.", shown]
    assert "The old pier." not in result.text
    assert [b.text for b in result.body].count(shown) == 1
    assert not any(b.rule == PROSE_CAPTION for b in result.body)


def test_the_rich_formats_show_a_gallery_caption_once_under_its_picture() -> None:
    from cleaner.htmlout import to_html
    from cleaner.tei import to_tei
    from cleaner.writers import to_markdown

    result = clean(_gallery(captions=4, paragraphs=1), kind="html")
    markdown = to_markdown(result)
    assert markdown.count(f"*{_caption(2)}*") == 1 and f"\n\n{_caption(2)}\n\n" not in markdown
    assert to_html(result).count(_caption(2)) == 1
    assert to_tei(result).count(_caption(2)) == 1


POLL = ("<form action='/poll'><table><tr><td colspan='2'>The council is weighing a fare increase of 25 cents to pay for "
        "buses every ten minutes on the busiest routes, and for keeping the night routes running beyond the two "
        "years it agreed to on Wednesday. Would you pay it, if the buses came more often?</td></tr>"
        "<tr><td><input type='radio'></td><td>Yes, if the buses come more often on my route</td></tr>"
        "<tr><td><input type='radio'></td><td>No, fares are already too high for families</td></tr></table></form>")


def test_a_poll_below_the_article_goes_and_the_links_above_it() -> None:
    links = "".join(f"<span><a href='/n{i}'>Headline number {i} of the day</a></span><br>" for i in range(6))
    page = f"<html><body><table><tr><td>{_article(4)}<hr>{links}<table><tr><td>{POLL}</td></tr></table></td></tr></table></body></html>"
    result = clean(page, kind="html")
    assert "sandbags" in result.text
    assert "fare increase" not in result.text and "Headline number 3" not in result.text
    assert "heuristic.html.form-after-article" in _rules(result)


def test_an_article_inside_a_page_wide_form_is_kept() -> None:
    """ASP.NET pages wrap the whole body in one form: the article is in it too."""
    lead = " ".join(SENTENCES)  # longer than the two paragraphs after it together
    page = (f"<html><body><form id='aspnetForm'><div class='story'><p>{lead}</p><p>{SENTENCES[1]}</p>"
            f"<p>{SENTENCES[2]}</p></div></form></body></html>")
    result = clean(page, kind="html")
    assert result.text.count("mayor") == 2 and "heuristic.html.form-after-article" not in _rules(result)


def test_a_form_holding_more_prose_than_the_text_above_it_is_not_a_poll() -> None:
    page = (f"<html><body><article><p>{SENTENCES[0]}</p><form action='/x'>{_article(5)}</form>"
            f"</article></body></html>")
    result = clean(page, kind="html")
    assert "(4)" in result.text and "heuristic.html.form-after-article" not in _rules(result)


def _linked_list(n: int = 5) -> str:
    return "<ul>" + "".join(f"<li><a href='/paper/{i}'>The river towns and their floods, paper number {i}</a></li>"
                            for i in range(n)) + "</ul>"


def test_a_bare_list_of_links_between_the_articles_paragraphs_is_kept() -> None:
    """An author's list of links inside the running text (the papers of an issue, the posts
    a piece names) is link-dense like a related box, but it sits between two of the article's
    paragraphs in the same box, with no name of its own: it is the author's."""
    page = f"<html><body><article>{_article(3)}{_linked_list()}{_article(2)}</article></body></html>"
    result = clean(page, kind="html")
    assert "paper number 0" in result.text and "paper number 4" in result.text


@pytest.mark.parametrize("shape", ["named", "boxed", "after-a-label", "at-the-end", "ending-its-box"])
def test_a_list_of_links_that_is_a_module_or_at_the_edge_goes(shape: str) -> None:
    """The same list goes when the site named it, put it in a box of its own, announced it with a
    label rather than a sentence ("More content from us:"), or left it after the last paragraph of the
    article or of the box it is in."""
    links, head, tail = _linked_list(), _article(3), _article(2)
    body = {"named": head + links.replace("<ul>", "<ul class='links'>") + tail,
            "boxed": f"{head}<div>{links}</div>{tail}",
            "after-a-label": f"{head}<p>More content from our newsroom and our partners:</p>{links}{tail}",
            "at-the-end": head + tail + links,
            "ending-its-box": f"<div>{head}{links}</div><div>{tail}</div>"}[shape]
    page = f"<html><body><article>{body}</article></body></html>"
    result = clean(page, kind="html")
    assert "paper number" not in result.text
    assert "heuristic.html.link-dense" in _rules(result)


def _described_links(n: int = 5) -> str:
    return "".join(f"<li><a href='/bug/{i}'>Bug {i}: the flood gauge on the north bank</a> now reports every "
                   f"ten minutes ({i})</li>" for i in range(n))


@pytest.mark.parametrize("named", [False, True])
def test_a_list_whose_items_say_more_than_their_links_is_the_authors(named: bool) -> None:
    """A status report's items link a bug and say what was done: the list is link-dense by the
    box test, but its words are mostly the author's, so it stays, even as the article's last
    block. A list the site named is its module, and goes."""
    ul = "<ul class='more-links'>" if named else "<ul>"
    page = f"<html><body><article>{_article(3)}{ul}{_described_links()}</ul></article></body></html>"
    result = clean(page, kind="html")
    assert ("north bank now reports" in result.text) is not named


LEGAL = ("By using this site you agree that the publisher shall not be deemed to endorse, recommend or "
         "guarantee any event, ticket seller or venue listed here, and that all listings may change.")
FOOTER_LINKS = "".join(f'<a href="/s/{n}">Section number {n}</a> ' for n in range(12))


def test_a_notice_beyond_the_footer_links_is_not_joined_to_the_article() -> None:
    page = (f"<html><body><div id='wrap'><div class='story'>{_article(4)}</div>"
            f"<div id='footer'>{FOOTER_LINKS}</div>"
            f"<div class='policy'><p>{LEGAL}</p><p>{LEGAL}</p></div></div></body></html>")
    result = clean(page, kind="html")
    assert "furniture upstairs. (0)" in result.text and "(3)" in result.text
    assert "shall not be deemed" not in result.text


def test_the_article_s_second_half_beyond_a_box_of_links_is_still_joined() -> None:
    # So many links that the box around both halves is no article to climb to (see _ascend).
    page = (f"<html><body><div id='wrap'><div class='story-top'>{_article(4)}</div>"
            f"<div class='more'>{FOOTER_LINKS * 4}</div>"
            f"<div class='story-end'>{_article(3, 'p')}<p>The last word of the story, said the mayor.</p></div>"
            f"</div></body></html>")
    result = clean(page, kind="html")
    assert "(3)" in result.text and "The last word of the story" in result.text


def test_a_post_s_tag_list_inside_the_article_box_goes() -> None:
    tags = "&#160;".join(f'<a href="/tags/{w}/"><span class="tag">{w}</span></a>' for w in
                         ["flood", "river", "council", "volunteers", "weather"])
    page = f"<html><body><div class='article'>{_article(5)}<p class='tags_container_single'>{tags}</p></div></body></html>"
    result = clean(page, kind="html")
    assert "(4)" in result.text and "volunteers weather" not in result.text
    assert "heuristic.html.boilerplate-box" in _rules(result)
