"""Lines inside the article's run of a page dump that are not the article's (cleaner/heuristics.py, cleaner/depth.py)."""

from __future__ import annotations

import cleaner

from test_heuristics import BODY, MENU, MORE, dump, paragraphs

STOCKS = ("3M India 3i Infotech Aarti Drugs Aarti Industries Aarvee Denim Aban Offshore ABB ABG Heavy ABG Shipyard "
          "Abhishek Industries Adani Enterprises Aditya Birla Nuvo Alembic Allahabad Bank Alstom Projects Amara Raja")


def test_a_long_line_that_reads_as_navigation_inside_the_article_is_removed() -> None:
    heading = "What Happens Next"
    text = dump(MENU, *paragraphs(BODY), [STOCKS], *paragraphs(MORE), [heading], *paragraphs(BODY), MENU)
    result = cleaner.clean(text, kind="text")
    assert result.text.split("\n\n") == BODY + MORE + [heading] + BODY  # a short heading stays
    assert any(r["text"] == STOCKS and r["rule"] == "heuristic.outside-body" for r in result.removed)
