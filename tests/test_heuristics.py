"""Block classification of whole-page text dumps (cleaner/heuristics.py, cleaner/shapes.py, cleaner/language.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.language import LANGUAGES, detect_language, stopwords

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_6ffb47693998821b" / "input.txt"

BODY = [
    "The council voted on Tuesday to keep the old harbour open, after a meeting that ran until midnight.",
    "Residents had argued for months about whether the wall should be repaired or moved further inland.",
    "Engineers said that a repaired wall would need more work within twenty years as the sea rises.",
    "The work is expected to start in the spring and should take about eighteen months to finish.",
]
MENU = ["News", "Sport", "Business", "Culture", "Weather", "Travel", "Opinion", "Video"]


def dump(*parts: list[str]) -> str:
    """Parts apart by blank lines; the lines of a part (menus, lists) on consecutive lines.
    Body paragraphs are given one part each, as page renderers print them."""
    return "\n\n".join("\n".join(part) for part in parts)


def paragraphs(texts: list[str]) -> list[list[str]]:
    return [[text] for text in texts]


def heuristic_removals(result: cleaner.Result) -> list[dict]:
    return [r for r in result.removed if (r["rule"] or "").startswith("heuristic.")]


def test_tidy_article_comes_out_whole() -> None:
    text = "\n\n".join(["Harbour stays open"] + BODY)
    result = cleaner.clean(text, kind="text")
    assert result.removed == []
    assert result.text == text


def test_tidy_article_with_a_short_list_is_not_a_dump() -> None:
    text = "\n\n".join(BODY[:2] + ["What the plan includes:", "\n".join(["- a new wall", "- two sluices", "- a path"])]
                       + BODY[2:])
    result = cleaner.clean(text, kind="text")
    assert heuristic_removals(result) == []


def test_seed_article_loses_nothing_to_heuristics() -> None:
    result = cleaner.clean(SEED.read_bytes(), kind="text")
    assert heuristic_removals(result) == []
    assert len(result.text.split("\n\n")) == 32


def test_menu_and_footer_of_a_dump_are_removed_with_ids() -> None:
    text = dump(MENU, ["Harbour stays open"], *paragraphs(BODY), ["Most shared"], ["Ferry cut for winter", "Schools reopen",
                "Lifeboat crew honoured", "Bus route extended"], ["About us", "Contact us", "Privacy Policy"])
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == ["Harbour stays open"] + BODY
    removed = {r["text"]: r for r in result.removed}
    assert removed["Sport"]["rule"] == "heuristic.nav-list"
    assert removed["Sport"]["category"] == "navigation"
    assert removed["Schools reopen"]["rule"].startswith("heuristic.")
    for entry in heuristic_removals(result):
        assert entry["category"] and entry["where"].startswith("line")


def test_comment_thread_after_the_article_is_removed() -> None:
    comments = []
    for name, hour in (("Margaret", "9:12"), ("Dev", "11:40"), ("Hilary", "18:05")):
        comments += [f"{name} says:", f"4 March 2024 at {hour}",
                     "I tried this last year and the results were much better than I had expected, honestly.",
                     "Reply"]
    text = dump(MENU, *paragraphs(BODY), ["12 comments"], *paragraphs(comments), ["Leave a Reply"])
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY
    thread = [r for r in result.removed if r["text"].startswith("I tried this")]
    assert thread and all(r["rule"] == "heuristic.comments" for r in thread)


def test_verse_and_introduced_lists_stay_in_the_body() -> None:
    verse = ["The tide goes out, the road comes back,", "the herons stand in line,",
             "and every car that crosses now", "is counting down the time."]
    text = dump(MENU, *paragraphs(BODY[:2]), ["The meeting will be held:"], ["- Thursday 12 June", "- the village hall",
                "- all welcome"], ["A reader sent us this poem:"], verse, *paragraphs(BODY[2:]), MENU)
    result = cleaner.clean(text, kind="text")
    for line in verse + ["the village hall"]:
        assert line in result.text
    assert "Weather" not in result.text


def test_unknown_language_degrades_gracefully() -> None:
    body = ["Zastupitelstvo v úterý rozhodlo, že starý přístav zůstane otevřený, po schůzi, která trvala do půlnoci.",
            "Obyvatelé se celé měsíce přeli o to, zda zeď opravit, nebo ji posunout dál do vnitrozemí.",
            "Inženýři upozornili, že opravená zeď bude do dvaceti let potřebovat další práce."]
    result = cleaner.clean(dump(["Zprávy", "Sport", "Ekonomika", "Kultura", "Počasí", "Cestování"], *paragraphs(body)), kind="text")
    assert result.text.split("\n\n") == body


def test_every_block_is_accounted_for() -> None:
    text = dump(MENU, ["Harbour stays open"], *paragraphs(BODY), ["Most shared"], ["Ferry cut for winter", "Schools reopen"])
    result = cleaner.clean(text, kind="text")
    kept = result.text.split("\n\n")
    removed = [r["text"] for r in result.removed]
    lines = [line for line in text.splitlines() if line.strip()]
    assert sorted(kept + removed) == sorted(lines)


@pytest.mark.parametrize("code, sample", [
    ("en", "The mayor said that the new bridge would be open to traffic by the end of the year."),
    ("de", "Der Bürgermeister sagte, dass die neue Brücke bis zum Ende des Jahres für den Verkehr offen sein wird."),
    ("fr", "Le maire a dit que le nouveau pont serait ouvert à la circulation avant la fin de l'année."),
    ("es", "El alcalde dijo que el nuevo puente estará abierto al tráfico antes del final del año."),
    ("pt", "O prefeito disse que a nova ponte estará aberta ao trânsito até o fim do ano, segundo a câmara."),
    ("it", "Il sindaco ha detto che il nuovo ponte sarà aperto al traffico entro la fine dell'anno."),
    ("nl", "De burgemeester zei dat de nieuwe brug voor het einde van het jaar open zal zijn voor het verkeer."),
])
def test_detect_language(code: str, sample: str) -> None:
    assert detect_language(sample) == code


@pytest.mark.parametrize("sample", ["", "Home", "新しい橋は年末までに開通する予定だと市長は述べた。",
                                    "Starosta řekl, že nový most bude do konce roku otevřen pro dopravu."])
def test_detect_language_without_a_fitting_list(sample: str) -> None:
    assert detect_language(sample) is None


def test_stopword_lists_are_package_data() -> None:
    for code in LANGUAGES:
        words = stopwords(code)
        assert 50 <= len(words) <= 400, code
        assert all(word == word.casefold() and " " not in word for word in words)


MORE = [
    "The harbour master said the vote settled a question that had divided the town for most of a decade.",
    "Fishing crews, who use the inner basin every morning, had warned that a new wall would cut them off.",
    "The council will publish the detailed plans next month and invite comments until the end of the summer.",
]
SIDEBAR = ("Our newsletter brings you the best of the week from the whole region, with the stories that "
           "people in the town have been talking about, every Friday morning in your inbox, for free.")


def indented(lines: list[str], depth: int) -> list[str]:
    return [" " * depth + line for line in lines]


def test_prose_at_another_layout_depth_does_not_extend_the_article() -> None:
    """A sidebar paragraph at another indentation, past a short menu, is not the article's."""
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], indented(MENU[:3], 4),
                indented([SIDEBAR], 12), indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert any(r["text"] == SIDEBAR and r["rule"] == "heuristic.outside-body" for r in result.removed)


def test_layout_depth_does_not_matter_without_indentation() -> None:
    """The same page with no indentation keeps the old judgement: depth only adds evidence."""
    text = dump(MENU, *paragraphs(BODY + MORE), MENU[:3], [SIDEBAR], MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n")[:len(BODY + MORE)] == BODY + MORE


def test_a_timed_dateline_is_not_a_comment_thread() -> None:
    """Times far apart (a dateline, two timed headlines at the foot) are not one comment each."""
    standfirst = ("The harbour will stay open after a vote that ended months of argument in the town, and the work "
                  "on the old wall is expected to start in the spring, the council said in a statement on Tuesday. "
                  "The decision was welcomed by the fishing crews, who had feared that they would lose the basin.")
    latest = ["Ferry timetable changes 10:32", "Lifeboat crew honoured 09:15"]
    text = dump(MENU, [standfirst], ["Updated July 23, 2012, 7:10 p.m. ET"], *paragraphs(BODY + MORE),
                MENU, ["Most shared"], latest)
    result = cleaner.clean(text, kind="text")
    for paragraph in BODY + MORE:
        assert paragraph in result.text.split("\n\n")
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_timed_lines_of_another_column_are_not_a_comment_thread() -> None:
    """A table layout interleaves the article with a column of timed headlines: stamps far from
    the body's depth with the article's prose after them are that column, not comment headers."""
    paragraphs_ = BODY + MORE
    lines: list[list[str]] = []
    for number, paragraph in enumerate(paragraphs_):
        lines += [indented([paragraph], 6), indented([f"Jan. 15, 2008 {10 + number % 3}:{10 + number} AM"], 60)]
    text = dump(indented(MENU, 2), *lines, indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == paragraphs_
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_video_durations_are_not_comment_stamps() -> None:
    """"Interview (4:08)" lines of a video list are durations, not the times of comments."""
    videos = ["Harbour vote explained (4:08)", "The mayor on the wall (1:04)", "Meet the fishing crews (7:23)"]
    text = dump(MENU, *paragraphs(BODY), videos, *paragraphs(MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_bare_video_lengths_are_not_comment_stamps() -> None:
    """A video list printing each length on a line of its own ("3:06") starts no comment thread:
    a comment's header carries a name, a date or "am"/"pm" with its time."""
    videos = [part for title, length in (("Harbour vote explained", "3:06"), ("The mayor on the wall", "1:04"),
                                         ("Meet the fishing crews", "7:23"), ("Storm night on the quay", "2:41"))
              for part in ([title], [length])]
    text = dump(MENU, *paragraphs(BODY), *videos, *paragraphs(MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_an_article_cut_by_a_link_list_is_kept_whole() -> None:
    """A gallery or link list in the middle does not cut off the article's second half."""
    gallery = [f"Photo {number} of 16" for number in range(1, 17)]
    text = dump(MENU, *paragraphs(BODY), gallery, ["Advertisement"], *paragraphs(MORE + BODY[:1]), ["Most shared"],
                ["Ferry cut for winter", "Schools reopen", "Lifeboat crew honoured"])
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE + BODY[:1]


def test_a_line_from_another_layout_column_inside_the_article_is_removed() -> None:
    """An ad slot or teaser far from the body's indentation, between two paragraphs, is not the
    article's; a heading or a short line near the body's depth is."""
    slot = "Sponsored: winter breaks in the sun from 99"
    heading = "What happens next"
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY[:2]], indented([slot], 40),
                *[indented([p], 6) for p in BODY[2:]], indented([heading], 8), *[indented([p], 6) for p in MORE],
                indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + [heading] + MORE
    assert any(r["text"] == slot and r["rule"] == "heuristic.outside-body" for r in result.removed)


def test_short_lines_between_every_two_paragraphs_are_another_column() -> None:
    """A table layout prints a menu's cells one between each two paragraphs, at the body's own
    depth: short lines after most paragraphs go, while the article keeps its one heading."""
    paragraphs_ = BODY + MORE
    lines = [part for paragraph, cell in zip(paragraphs_, MENU) for part in ([paragraph], [cell])]
    text = dump(MENU, *lines[:-1], MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == paragraphs_
    heading = "What happens next"
    text = dump(MENU, *paragraphs(BODY), [heading], *paragraphs(MORE), MENU)
    assert cleaner.clean(text, kind="text").text.split("\n\n") == BODY + [heading] + MORE


def test_a_long_article_in_a_light_page_loses_only_its_head_and_tail() -> None:
    """Enough menu lines in number but too few in share for a dump: the menu above the headline
    and the lines after the article go, while nothing between headline and last paragraph is
    touched (not even a short list a dump would treat as links)."""
    article = [f"{sentence[:-1]}, according to report number {number}." for number in range(12)
               for sentence in BODY + MORE]
    inner_list = ["Harbour wall", "Inner basin", "Sluice gates"]
    tail = ["Share on social media", "Print this page"]
    text = dump(MENU[:6], ["Harbour stays open"], *paragraphs(article[:20]), inner_list, *paragraphs(article[20:]),
                *paragraphs(tail))
    result = cleaner.clean(text, kind="text")
    kept = result.text.split("\n\n")
    assert kept[0] == "Harbour stays open" and kept[-1] == article[-1]
    assert all(line in kept for line in inner_list)
    removed = {r["text"]: r["rule"] for r in result.removed}
    assert all(removed.get(line, "").startswith("heuristic.") for line in MENU[:6] + tail[:1])
    assert tail[1] in removed  # (a rule's furniture)


COMMENTS = [
    "I walk my dog along that wall every single morning and I have watched it crumble a little more each winter.",
    "My grandfather helped to build the first wall, and he always said that it would not last for a hundred years.",
    "It is about time that somebody made a decision, because the whole town has been waiting for this for ages.",
    "The fishing crews deserve better than this, and I hope that the council will listen to them in the spring.",
    "We moved here for the harbour, and we would have left if they had closed it, so this is very good news for us.",
    "Does anyone know if the path along the inner basin will stay open while they are working on the wall?",
    "I went to the meeting and it was the longest evening of my life, but at least everyone had their say.",
    "They said the same thing ten years ago, so I will believe it when I see the first stones being moved.",
]
NAMES = ["Jane Hill", "Tom Baker", "Ann Price", "Sam Ford", "Liz Grey", "Bob Hart", "Kim Lowe", "Dan Moss"]


def test_the_body_depth_is_where_paragraphs_follow_one_another() -> None:
    """Reader comments, each one paragraph under its author's line, hold more prose than a short
    article, but only the article's paragraphs follow one another: its depth is the body's."""
    thread = [indented([line], 4) for name, comment in zip(NAMES, COMMENTS)
              for line in (f"{name} | Hull | {len(name)} likes", comment)]
    text = dump(indented(MENU, 2), indented(["Harbour stays open"], 6), *[indented([p], 6) for p in BODY + MORE],
                indented(["What readers say"], 4), *thread, indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    kept = result.text.split("\n\n")
    assert kept[-len(BODY + MORE):] == BODY + MORE
    assert not any(comment in kept for comment in COMMENTS)


def test_a_repeated_link_line_between_teasers_ends_the_article() -> None:
    """Teasers after the article, each with the same "read the full story" line, are navigation:
    the repeated line weighs against them like a link, so the run does not reach them."""
    teasers = [[" " * 4 + "Read the full story", " " * 4 + comment] for comment in COMMENTS[:4]]
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], *teasers, indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE


def test_a_related_section_the_rules_removed_ends_the_article() -> None:
    """Headlines a related-articles header took away still stand between the article and the
    teaser after them, as the link list they were."""
    related = ["Related stories", "Ferry cut for winter", "Schools reopen after the storm", "Lifeboat crew honoured",
               "New bus route for the old town", "Market moves to the square", "Bridge closed for repairs",
               "Library opens on Sundays", "Festival dates announced"]
    text = dump(MENU, *paragraphs(BODY + MORE), related, [COMMENTS[0]], MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE


def test_a_blank_line_ends_a_related_section_printed_line_by_line() -> None:
    """A "Most read" list printed one headline a line ends at the blank line after it: the
    masthead and the headline below are not more of its items (they went with the list)."""
    most_read = ["Most read", "Ferry cut for winter", "Schools reopen after the storm", "Lifeboat crew honoured"]
    headline = "Harbour stays open after all-night meeting"
    text = dump(MENU, most_read, ["The Harbour Gazette"], [headline], *paragraphs(BODY), MENU)
    result = cleaner.clean(text, kind="text")
    assert headline in result.text.split("\n\n")
    assert not any(removed["text"] == headline for removed in result.removed)
    assert all(item not in result.text for item in most_read[1:])


def test_a_line_the_rules_removed_does_not_change_how_a_stanza_is_judged() -> None:
    """Short lines around an ad marker are judged as if the marker were gone, as a second pass
    over the clean text sees them: cleaning twice gives what cleaning once gave."""
    stanza = ["The tide came in", "and the boats came home", "Advertisement", "before the light was gone."]
    text = dump(MENU, *paragraphs(BODY), stanza, *paragraphs(MORE), MENU)
    once = cleaner.clean(text, kind="text").text
    assert cleaner.clean(once, kind="text").text == once
    assert "The tide came in" in once.split("\n\n")


def test_the_headline_above_share_links_is_found_by_what_it_is_about() -> None:
    """The headline sits above a share bar and section links that look just like it; it names the
    story, so its words come back in the opening paragraphs. Another story's headline does not."""
    headline = "Council keeps the old harbour open after a midnight vote"
    teaser = "Ferry timetable cut for the winter months"
    text = dump(MENU, [teaser], [headline], ["Print this article"], ["Local", "Coast", "Towns", "Weather"],
                *paragraphs(BODY + MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == [headline] + BODY + MORE
    assert any(r["text"] == teaser and r["rule"].startswith("heuristic.") for r in result.removed)


def test_a_video_players_zero_counters_are_not_comment_stamps() -> None:
    """"Current Time 0:00", "Duration 0:00": a player's counters before it loads, not comment times."""
    player = ["Play", "Mute", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%", "Remaining Time -0:00",
              "Fullscreen"]
    text = dump(MENU, *paragraphs(BODY), player, *paragraphs(MORE + COMMENTS[:1]), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n")[:len(BODY + MORE)] == BODY + MORE
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_a_slideshows_numbered_captions_are_not_the_article() -> None:
    """A stream of captions counted "1/8" ... "8/8" reads like paragraphs, but it is a gallery: it
    neither outweighs the article nor stays inside it. "1/2 cup" lines count nothing up."""
    slides = [part for number, comment in enumerate(COMMENTS, 1)
              for part in ([f"{number}/{len(COMMENTS)} {NAMES[number - 1]} on the harbour"], [comment])]
    text = dump(MENU, *paragraphs(BODY[:2]), *slides, *paragraphs(BODY[2:] + MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert any(r["text"] == COMMENTS[0] and r["rule"] == "heuristic.gallery" for r in result.removed)
    recipe = ["1/2 cup of flour", "1/4 cup of sugar", "1/2 cup of milk", "1/3 cup of butter"]
    text = dump(MENU, *paragraphs(BODY), ["You will need:"], recipe, *paragraphs(MORE), MENU)
    assert all(line in cleaner.clean(text, kind="text").text for line in recipe)


def test_a_comment_count_above_the_article_is_its_link_not_a_thread() -> None:
    """"11 Comments" printed with the headline links to the thread below: the article after it
    is not a comment thread, though teasers with prose came before it, past a menu."""
    teasers = [part for name, comment in zip(NAMES[:3], COMMENTS[:3]) for part in ([f"{name} on the harbour"], [comment])]
    text = dump(MENU, *teasers, MENU, ["Harbour stays open"], ["11 Comments"], *paragraphs(BODY + MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n")[-len(BODY + MORE):] == BODY + MORE
    assert all(r["rule"] != "heuristic.comments" for r in result.removed)


def test_prose_one_box_deeper_after_the_article_ends_it() -> None:
    """Reader comments one container deeper than the article, each under its writer's sign-off
    and with no thread marker, still add to the run at their reduced weight; the article ends
    with its last paragraph at the body's depth."""
    thread = [indented([line], 8) for name, comment in zip(NAMES[:3], COMMENTS[:3])
              for line in (comment, f"{name}, Hull, UK")]
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], *thread, indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert any(r["text"] == COMMENTS[0] and r["rule"] == "heuristic.outside-body" for r in result.removed)


def test_a_list_the_last_paragraph_announces_is_the_articles() -> None:
    """Lines one box deeper after a paragraph ending in ":" are the list it announces."""
    announce = "The council also released a few figures from the survey of the wall. Among them:"
    items = ["Almost a third of the stones at the foot of the wall have moved since the last survey.",
             "The wall was last repaired in 1987, when a storm took away a stretch of forty metres."]
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE + [announce]],
                *[indented([item], 8) for item in items], indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE + [announce] + items


def test_an_article_that_flows_on_one_box_deeper_is_kept_whole() -> None:
    """A blog's post body nested one container deeper than its first paragraphs goes on from
    paragraph to paragraph; comments and teasers are each one text under a name or headline."""
    deeper = ["The harbour master said that the new plans would be shown at the library for the whole of next month.",
              "He added that the crews would be asked to help decide where the new moorings should go in the basin."]
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], *[indented([p], 8) for p in deeper],
                indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE + deeper


def test_a_copyright_notice_after_the_article_ends_it() -> None:
    """A wire story ends with its agency's copyright notice; prose after it at the same depth
    is the page's (a teaser, a blurb for another section), not more of the story."""
    notice = "Copyright 2008 The Associated Press. All rights reserved. This material may not be published."
    teaser = ("Fitness and lifestyle tips, travel on a budget and much more: our weekly corner is devoted to "
              "health, leisure and safety, with new ideas for every season of the year.")
    text = dump(MENU, *paragraphs(BODY + MORE), [notice], [teaser], MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert any(r["text"] == teaser and r["rule"] == "heuristic.outside-body" for r in result.removed)


def test_a_dated_photo_copyright_inside_the_article_does_not_cut_it() -> None:
    """A picture's "© 2008 Getty Images" between two paragraphs matches the same rule; the
    article's part after it is strong enough to come back as more of it."""
    text = dump(MENU, *paragraphs(BODY), ["© 2008 Getty Images"], *paragraphs(MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE


def test_chinese_paragraphs_have_no_capitals_to_read_as_headlines() -> None:
    """A Chinese paragraph opening with a Latin name ("DeepMind希望...") is not a capitalised
    headline, and one ending in a bracket after its last full stop still holds sentences."""
    menu = ["首页", "新闻", "体育", "娱乐", "视频", "财经", "科技", "汽车"]
    body = ["谷歌在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的产品，这意味着未来的技术可能不需要人类来教。",
            "这款产品可以接受家谱和伦敦地铁网络这样的复杂数据，然后回答关于这些数据结构中不同条目之间关系的问题。",
            "DNC建立在神经网络的概念之上，神经网络可以模拟人类思想活动的方式。这种技术很适合与机器习得配套使用。",
            "DeepMind希望DNC可以推动计算行业实现更多突破。DeepMind已将其研究结果发表在科学刊物《自然》上。（编译/林靖东）"]
    text = dump(menu, *paragraphs(body), menu)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == body


CHART = [f"{year}: {share} percent" for year, share in zip(range(1990, 2020), range(30, 60))] + ["Source: Treasury"]
LONG = [
    "Deficit hawks in the capital have gone quiet this year, and some of them are now proposing changes to the "
    "tax code that would make the gap between what the government spends and what it collects even wider.",
    "In the past, borrowing grew during recessions and shrank in recoveries, as tax receipts rose with wages; "
    "this time it is growing while the economy is booming, which economists say has rarely happened before.",
    "The budget office expects interest payments to triple over the next decade, and by then they would make up "
    "a larger share of the budget than the military, the programmes for children and the roads put together.",
    "Some economists argue that the country can carry the debt for as long as investors are willing to lend to "
    "it at low rates, but others warn that rates have already begun to climb and may keep climbing for years.",
    "Lawmakers of both parties said in interviews that they were aware of the risk, but few of them were ready "
    "to propose cuts to popular programmes or higher taxes in a year in which every seat in the house is open.",
]


def test_a_short_part_of_the_article_after_a_chart_comes_back() -> None:
    """A chart's labels cut the article; the part after it is weak beside the rest, but its
    paragraphs follow one another at the body's depth like the article's own."""
    text = dump(MENU, *paragraphs(LONG + BODY[:2]), CHART, *paragraphs(MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == LONG + BODY[:2] + MORE


def test_teasers_after_the_article_are_not_more_of_it() -> None:
    """Each teaser's blurb sits under its own headline, so none follow one another: however
    strong their prose, they are not the rest of the article."""
    teasers = [["Apple patches security holes"], [LONG[0]], ["Former chief criticises the law"], [LONG[1]],
               ["Orders of the new watch are delayed"], [LONG[2]]]
    text = dump(MENU, *paragraphs(BODY + MORE), MENU + MENU, *teasers, MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE


def test_a_program_listing_is_not_a_link_list() -> None:
    """Lines of a query are short and unpunctuated like a menu's, and few are dense enough with
    symbols to be code alone ("SELECT", "FROM"); most carry one, which no menu does."""
    listing = ["WITH series AS (", "SELECT *", "FROM unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n", "),",
               "bounds AS (", "SELECT", "avg(n) - stddev(n) AS lower_bound,", "FROM", "series", ")", "SELECT",
               "n,", "FROM", "series,", "bounds;"]
    text = dump(MENU, *paragraphs(BODY[:2]), listing, *paragraphs(BODY[2:] + MORE), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY[:2] + listing + BODY[2:] + MORE


def test_a_listing_nested_deeper_than_the_body_stays_whole() -> None:
    """A program listing indents its nested lines step by step, deeper than the body's paragraphs
    and as far from them as another column's lines: it is the article's all the same."""
    listing = [(4, "WITH series AS ("), (7, "SELECT"), (11, "avg(n) - stddev(n) AS lower_bound,"),
               (11, "avg(n) + stddev(n) AS upper_bound"), (15, "date_trunc('minute', now()),"), (7, "FROM"),
               (11, "series"), (4, ")"), (4, "SELECT n, n NOT BETWEEN lower_bound AND upper_bound FROM series;")]
    text = dump(indented(MENU, 2), *[indented([p], 2) for p in BODY[:2]], [" " * depth + line for depth, line in listing],
                *[indented([p], 2) for p in BODY[2:] + MORE], indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY[:2] + [line for _, line in listing] + BODY[2:] + MORE


def test_teasers_broken_off_before_a_read_more_link_are_removed() -> None:
    """Another article's excerpt reads like prose, but breaks off mid-sentence with an ellipsis
    right before its "Read more" link: a teaser, however it flows with its neighbours."""
    teasers = ["When you walk into almost any store, you're immediately overloaded with sights, sounds,… Read more",
               "Ever come home from a day of shopping and wondered why on earth you bought certain things? As it… Read more",
               "It seems contradictory, but I love being frugal and I also love spending money. Over the last few… Read more"]
    text = dump(MENU, *paragraphs(BODY + MORE), *paragraphs(teasers), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE
    assert {r["rule"] for r in result.removed if r["text"] in teasers} == {"textdump.teaser"}


def test_blurbs_under_a_related_header_after_the_article_are_not_its_own() -> None:
    """Blurbs one box deeper than the article, after a "Related coverage" header, read as prose
    that flows from one to the next; the header says they are a list of other articles."""
    blurbs = ["Ferry cut for winter: The island service will run twice a week until March, the operator said on Friday.",
              "Schools reopen after the storm: Pupils went back on Monday after the roofs of two schools were repaired.",
              "Lifeboat crew honoured: The volunteers were given an award for a rescue off the point in the autumn gales."]
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], indented(["Related coverage"], 4),
                *[indented([b], 10) for b in blurbs], indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE


def test_a_short_closing_sentence_at_the_body_depth_is_the_article_s() -> None:
    """An article's last line can be too short to score as prose; a full sentence right after
    the last paragraph at the body's depth is kept, a prompt ending in a question is not."""
    closing = "Heba Habib contributed to this report."
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], indented([closing], 6),
                indented(["Share this article What is this?"], 6), indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE + [closing]


def test_a_closing_sentence_after_a_separator_line_is_the_article_s() -> None:
    """Wire stories print a rule ("___") between the last paragraph and the credit line."""
    closing = "Marcia Dunn contributed to this report."
    text = dump(indented(MENU, 2), *[indented([p], 6) for p in BODY + MORE], indented(["___"], 6),
                indented([closing], 6), indented(MENU, 2))
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n")[-1] == closing
