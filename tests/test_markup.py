"""Script and markup leaked into a page dump among the article's paragraphs (cleaner/markup.py)."""

from __future__ import annotations

import cleaner

from test_heuristics import BODY, MENU, dump, paragraphs

SCRIPT = ("<SCRIPT LANGUAGE='JavaScript1.1'>if (document.layers) {document.write('<SCR' + 'IPT language=JavaScript1.1 "
          "SRC=/Global/ad.asp?type=single&cls1=News&sz1=wnsz_47&callType=script />'); document.close();}</SCRIPT>")
AD = '<a href="http://ads.example.com/click?site=News&pos=top" target="_blank"><img src="http://ads.example.com/b.gif"></a>'


def test_an_ad_slots_script_between_two_paragraphs_is_removed() -> None:
    for leaked in (SCRIPT, AD):
        text = dump(MENU, *paragraphs(BODY[:2]), [leaked], *paragraphs(BODY[2:]), MENU)
        result = cleaner.clean(text, kind="text")
        assert result.text.split("\n\n") == BODY
        assert any(r["text"] == leaked and r["rule"] == "heuristic.markup" for r in result.removed)


def test_a_snippet_the_article_announces_or_a_listing_stays() -> None:
    snippet = '<script src="vendor/blanket.js" data-cover-adapter="vendor/mocha-blanket.js"></script>'
    announced = "Adding it to your test page takes just one line, which goes in the head of the page:"
    text = dump(MENU, *paragraphs(BODY[:2]), [announced], [snippet], *paragraphs(BODY[2:]), MENU)
    assert all(r["text"] != snippet for r in cleaner.clean(text, kind="text").removed)
    listing = [snippet, "<script>", "var expect = chai.expect; mocha.setup({ui: 'bdd'});", "</script>"]
    text = dump(MENU, *paragraphs(BODY[:2]), listing, *paragraphs(BODY[2:]), MENU)
    assert snippet in cleaner.clean(text, kind="text").text
