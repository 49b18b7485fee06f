"""The seed article, checked against the issue's own description (not only the golden file)."""

from __future__ import annotations

import cleaner

from conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_6ffb47693998821b" / "input.txt"


def test_seed_comes_out_as_specified() -> None:
    result = cleaner.clean(SEED.read_bytes())
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == 32
    assert paragraphs[0].startswith("Vladimir Putin has publicly confirmed")
    assert paragraphs[-1].endswith("described it as “very productive.”")
    assert all(p == p.strip() and "  " not in p and "\u00a0" not in p for p in paragraphs)
    for gone in ("ADVERTISEMENT", "RELATED:", "Highlights", "Image credits", "Kursk region\n"):
        assert gone not in result.text
    assert len(result.highlights) == 5 and not any(h.startswith("•") for h in result.highlights)
    summary = [(i["position"], i["caption"] and i["caption"][:30], i["credit"], i["credit_parts"])
               for i in result.images]
    assert summary == [
        (3, "Vladimir Putin and Kim Jong-un", "Kremlin / Handout / Getty Images", ["Kremlin", "Handout", "Getty Images"]),
        (8, None, "The Telegraph", ["The Telegraph"]),
        (11, None, "Arirang News / YouTube", ["Arirang News", "YouTube"]),
        (16, "Volodymyr Zelenskyy said Ukrai", None, []),
        (23, "Russia continues to launch aer", "Spencer Platt / Getty Images", ["Spencer Platt", "Getty Images"]),
    ]
    assert result.images[3]["caption"] == (
        "Volodymyr Zelenskyy said Ukrainian military operations were continuing in the Kursk region")
    assert [(r["rule"], r["text"]) for r in result.removed] == (
        [("ads.marker", "ADVERTISEMENT")] + [("related.section", "RELATED:")] + [("ads.marker", "ADVERTISEMENT")] * 5)
