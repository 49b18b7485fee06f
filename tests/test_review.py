"""`cleaner review`: the report's structure, its escaping, batches, truncation and --compare-rules.

The report is parsed back with lxml (what a browser would build from it), so a
payload that became markup shows up as an element here; `test_review_browser.py`
checks the same page in a real Chromium.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaner
from cleaner.batch import Options, run_batch
from cleaner.cli import main
from cleaner.document import REMOVED
from cleaner.result import block_text
from cleaner.review import compare_results, review, with_pack, write_report
from cleaner.review_html import SCRIPT, STYLE, render

from conftest import FIXTURES, ROOT

SEED = FIXTURES / "seed" / "000_6ffb47693998821b" / "input.txt"
PACK = FIXTURES / "review" / "extra-pack.toml"
BATCH = [str(FIXTURES / "batch" / "pages"), str(FIXTURES / "batch" / "records.jsonl"),
         str(FIXTURES / "batch" / "crawl.warc.gz")]
# Every tag the report itself writes; anything else in a parsed report came from input.
REPORT_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main", "div",
               "label", "input", "datalist", "option", "span", "ul", "li", "b", "code", "table", "thead", "tbody",
               "tr", "th", "td", "a", "section", "del", "ins", "dl", "dt", "dd", "i", "script", "button"}


def parse(report: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(report)


def audit(page: lxml_html.HtmlElement, number: int = 1) -> list[lxml_html.HtmlElement]:
    return page.xpath(f'//section[@id="doc-{number}"]//div[@class="orig"]/div[contains(@class, "b")]')


@pytest.fixture(scope="module")
def rules() -> cleaner.RuleSet:
    return cleaner.load_rules()


# --- one document ---------------------------------------------------------------------------------

def test_seed_report_shows_every_block_in_order_with_its_rule(rules: cleaner.RuleSet) -> None:
    result = cleaner.clean_file(SEED, rules=rules)
    page = parse(render(review([str(SEED)], rules)))
    blocks = audit(page)
    assert [b.text_content() for b in blocks] == [block_text(b) if b.verdict == "body" else b.text
                                                  for b in result.blocks]
    assert [(b.get("data-rule"), b.get("data-category"), b.get("data-verdict")) for b in blocks] == [
        (b.rule, b.category, b.verdict) if b.rule else (None, None, None) for b in result.blocks]
    removed = [b for b in blocks if b.get("data-verdict") == REMOVED]
    assert [(b.get("data-rule"), b.text_content()) for b in removed] == [(r["rule"], r["text"])
                                                                         for r in result.removed]
    assert all(b.xpath("./del") and b.get("data-rule") in b.get("title") for b in removed)


def test_kept_column_is_the_clean_text(rules: cleaner.RuleSet) -> None:
    result = cleaner.clean_file(SEED, rules=rules)
    page = parse(render(review([str(SEED)], rules)))
    paragraphs = page.xpath('//div[@class="kept"]/p')
    assert "\n\n".join(p.text_content() for p in paragraphs) == result.text
    figures = page.xpath('//div[@class="kept"]/div[@class="fig"]')
    assert len(figures) == len(result.images)


def test_manifest_shows_captions_credits_highlights_and_metadata(rules: cleaner.RuleSet) -> None:
    path = FIXTURES / "html" / "figure-credit-element" / "input.html"
    result = cleaner.clean_file(path, rules=rules)
    page = parse(render(review([str(path)], rules)))
    cells = [row.xpath("./td") for row in page.xpath('//div[@class="mf"]//table/tbody/tr')]
    assert [c[1].text_content() for c in cells] == [img["src"] for img in result.images]
    assert [c[3].text_content() for c in cells] == [img["caption"] for img in result.images]
    assert [[s.text_content() for s in c[4].xpath("./span")] for c in cells] == [
        img["credit_parts"] for img in result.images]
    terms = dict(zip((t.text_content() for t in page.xpath("//dl/dt")), (d.text_content() for d in page.xpath("//dl/dd"))))
    assert terms["title"] == result.title and terms["author"] == result.metadata["author"]
    seed = parse(render(review([str(SEED)], rules)))
    highlights = cleaner.clean_file(SEED, rules=rules).highlights
    assert [li.text_content() for li in seed.xpath('//div[@class="hl"]//li')] == highlights


# --- escaping -------------------------------------------------------------------------------------

def xss_review(rules: cleaner.RuleSet):  # type: ignore[no-untyped-def]
    html_review = review([str(FIXTURES / "review" / "xss.html")], rules)
    text_review = review([str(FIXTURES / "review" / "xss.txt")], rules, kind="text")
    html_review.entries += [e for e in text_review.entries]
    text_review.entries[0].number = 2
    return html_review


def test_input_never_becomes_markup(rules: cleaner.RuleSet) -> None:
    gathered = xss_review(rules)
    report = render(gathered)
    page = parse(report)
    assert {e.tag for e in page.iter() if isinstance(e.tag, str)} <= REPORT_TAGS
    assert not [a for e in page.iter() for a in e.attrib if a.lower().startswith("on")]
    assert [s.text for s in page.xpath("//script")] == [SCRIPT]
    assert page.findtext(".//title") == "cleaner review"
    shown = 0
    for entry in gathered.entries:
        for block in entry.result.blocks:
            shown_text = block_text(block) if block.verdict == "body" else block.text
            assert html.escape(shown_text) in report, shown_text
            shown += "<" in shown_text
        for image in entry.result.images:
            assert html.escape(image["src"] or "") in report
        for value in entry.result.metadata.values():
            if isinstance(value, str):
                assert html.escape(value) in report
    assert shown >= 5  # the payloads did reach the report, as text


def test_payload_fixture_really_carries_markup(rules: cleaner.RuleSet) -> None:
    """The escaping test proves something only if the cleaned text holds live-looking markup."""
    result = cleaner.clean_file(FIXTURES / "review" / "xss.html", rules=rules)
    assert "<script>" in result.text and "onerror=" in result.text and "<script>" in (result.title or "")
    assert result.images and result.images[0]["src"].startswith("javascript:")


def test_policy_allows_only_the_page_own_style_and_script(rules: cleaner.RuleSet) -> None:
    import base64
    import hashlib

    page = parse(render(review([str(SEED)], rules)))
    policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "img-src 'none'" in policy
    assert page.xpath("//style")[0].text.startswith(STYLE)
    assert not page.xpath("//*[@style]") and not page.xpath("//img|//link|//iframe")


def test_category_names_from_a_pack_stay_out_of_the_stylesheet(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    pack = tmp_path / "odd.toml"
    pack.write_text('[[rules]]\nid = "odd.marker"\ncategory = "x}body{display:none}</style><script>alert(1)</script>"\n'
                    'action = "drop"\nlines = ["ADVERTISEMENT"]\n', encoding="utf-8")
    odd = cleaner.load_rules([pack], defaults=False)
    report = render(review([str(SEED)], odd))
    page = parse(report)
    assert "body{display:none}" not in page.xpath("//style")[0].text and "alert" not in page.xpath("//style")[0].text
    assert len(page.xpath("//script")) == 1
    assert page.xpath('//div[@data-rule="odd.marker"]/@data-category')[0].startswith("x}body")


# --- batches --------------------------------------------------------------------------------------

def test_batch_index_has_a_row_per_document_clean_would_write(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    out = tmp_path / "all.jsonl"
    run_batch(Options(inputs=BATCH, output=str(out), fmt="jsonl", quiet=True), rules=rules)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gathered = review(BATCH, rules)
    page = parse(render(gathered))
    rows = page.xpath('//table[@id="index"]/tbody/tr')
    assert len(rows) == len(records) == len(gathered.entries) == len(page.xpath("//section"))
    kept = [int(row.xpath("./td")[4].get("data-v")) for row in rows]
    assert kept == [len(r["result"]["text"].split()) for r in records]
    assert [row.xpath("./td")[3].text_content() for row in rows] == [r["url"] or "" for r in records]
    assert sum(gathered.skipped.values()) == 4  # the WARC's request, warcinfo, redirect and image records


def test_rule_counts_add_up_over_the_batch(rules: cleaner.RuleSet) -> None:
    gathered = review(BATCH, rules)
    page = parse(render(gathered))
    table = {row.xpath("./td")[0].get("data-v"): int(row.xpath("./td")[2].get("data-v"))
             for row in page.xpath('//table[@id="rules"]/tbody/tr')}
    assert sum(table.values()) == sum(1 for e in gathered.entries for b in e.result.blocks if b.rule)
    assert table["ads.marker"] == len(page.xpath('//div[@class="orig"]/div[@data-rule="ads.marker"]'))
    silent = {r.id for r in gathered.silent_rules()}
    assert silent and not silent & set(table) and "textdump.teaser" in silent
    assert len(silent) + len({i for i in table if i in rules.by_id}) == len(rules)


def test_a_bad_record_is_a_row_with_its_error(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_text('{"id": "ok", "text": "A line of text that is an article."}\nnot json\n{"id": "empty"}\n',
                   encoding="utf-8")
    gathered = review([str(bad), str(tmp_path / "missing.html")], rules)
    errors = [e.error for e in gathered.entries]
    assert errors[0] is None and all(errors[1:]) and len(errors) == 4
    page = parse(render(gathered))
    cells = [row.xpath('./td[@class="err"]')[0].text_content() for row in page.xpath('//table[@id="index"]/tbody/tr')]
    assert cells == [e or "" for e in errors]
    assert len(page.xpath('//p[@class="error"]')) == 3


# --- truncation -----------------------------------------------------------------------------------

def long_document(tmp_path: Path, name: str, paragraphs: int) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(f"Paragraph {i} of a very long article, with enough words to count as prose here."
                                if i % 7 else "ADVERTISEMENT" for i in range(paragraphs)), encoding="utf-8")
    return path


def test_long_documents_are_cut_and_linked_to_their_own_page(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        long_document(folder, f"{i:02}.txt", 400)
    out = tmp_path / "report.html"
    gathered = write_report([str(folder)], out, rules, budget=100_000)
    report = out.read_text(encoding="utf-8")
    page = parse(report)
    notes = page.xpath('//p[@class="cut"]')
    assert len(notes) == 40 and len(report) < 100_000 + 40 * 6_000  # the budget, and per document its frame
    link = notes[0].xpath(".//a/@href")
    assert link[0] == "#doc-1" and link[1] == "report.docs/1.html"
    alone = parse((tmp_path / "report.docs" / "1.html").read_text(encoding="utf-8"))
    assert not alone.xpath('//p[@class="cut"]')
    assert len(audit(alone)) == len(gathered.entries[0].result.blocks)
    shown = audit(page)
    assert 0 < len(shown) < len(gathered.entries[0].result.blocks)


def test_report_size_is_bounded_by_the_budget(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    for i in range(30):
        long_document(tmp_path, f"{i:02}.txt", 300)
    gathered = review([str(tmp_path)], rules)
    small, large = render(gathered, budget=200_000), render(gathered, budget=2_000_000)
    fixed = len(render(gathered, budget=0))  # page, index, rule tables and each document's first block
    assert len(small) < 200_000 + fixed + 30 * 4_000  # one block may overshoot each column
    assert len(small) < len(large)


# --- comparing rule packs -------------------------------------------------------------------------

def test_with_pack_replaces_a_rule_by_id_and_adds_new_ones(rules: cleaner.RuleSet) -> None:
    merged, pack_rules, replaced = with_pack(rules, str(PACK))
    assert replaced == ["ads.sponsored"]
    assert len(merged) == len(rules) + len(pack_rules) - 1
    assert merged.by_id["ads.sponsored"].origin.startswith(str(PACK))


def test_compare_rules_shows_what_the_pack_removes_and_keeps_differently(rules: cleaner.RuleSet) -> None:
    gathered = review([str(FIXTURES / "batch" / "pages")], rules, pack=str(PACK))
    by_name = {Path(e.name).name: e for e in gathered.entries}
    harbour = by_name["harbour.txt"].comparison
    assert harbour is not None and harbour.changed
    changes = {(c.text, c.before, c.after) for c in harbour.changes}
    assert ("Sponsored content", "removed by ads.sponsored", "body") in changes
    notice = "Timetables for the summer season will be posted at the pier next week."
    assert (notice, "body", "removed by review-example.posted-notice") in changes
    assert harbour.lost == [notice] and harbour.gained == ["Sponsored content"]
    assert not by_name["bridges.txt"].comparison.changed
    page = parse(render(gathered))
    flags = {s.get("id"): s.get("data-changed") for s in page.xpath("//section")}
    assert [flags[f"doc-{e.number}"] for e in gathered.entries] == ["1" if e.comparison.changed else "0"
                                                                    for e in gathered.entries]
    items = page.xpath(f'//section[@id="doc-{by_name["harbour.txt"].number}"]//div[contains(@class, "cmp")]//li')
    assert {li.get("data-rule") for li in items} == {"ads.sponsored", "review-example.posted-notice"}


def test_compare_finds_a_selector_that_takes_a_box(tmp_path: Path, rules: cleaner.RuleSet) -> None:
    page = FIXTURES / "batch" / "pages" / "blog" / "library.html"
    pack = tmp_path / "heading.toml"
    pack.write_text('[[rules]]\nid = "t.heading"\ncategory = "navigation"\naction = "drop"\nselector = "h1"\n',
                    encoding="utf-8")
    before = cleaner.clean_file(page, rules=rules)
    after = cleaner.clean_file(page, rules=with_pack(rules, str(pack))[0])
    found = compare_results(before, after)
    assert found.lost == ["The library opens on Sundays"] and not found.gained
    assert any(c.rule == "t.heading" and c.after == "removed by t.heading" for c in found.changes)
    assert found.kept_after == found.kept_before - 5


# --- the command ----------------------------------------------------------------------------------

def test_cli_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["review", *BATCH, "-o", str(out), "--compare-rules", str(PACK)]) == 0
    assert "written to" in capsys.readouterr().err
    assert len(parse(out.read_text(encoding="utf-8")).xpath("//section")) == 10


@pytest.mark.parametrize("argv, code, message", [
    (["review", str(SEED)], 2, "-o"),
    (["review", "-", "-o", "r.html"], 2, "stdin"),
    (["review", str(SEED), "-o", "."], 2, "-o names the HTML file"),
    (["review", str(SEED), "-o", "r.html", "--compare-rules", "nope.toml"], 2, "no such rule file"),
    (["review", str(SEED), "-o", "r.html", "--disable", "nope.rule"], 2, "unknown rule id"),
    (["review", "missing.txt", "-o", "r.html"], 1, "written to"),
])
def test_cli_errors_are_one_line(argv: list[str], code: int, message: str, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    argv = [str(ROOT / a) if a == str(SEED) else a for a in argv]
    try:
        assert main(argv) == code
    except SystemExit as exc:  # argparse's own usage errors
        assert exc.code == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert all(line.startswith("cleaner") for line in err.strip().splitlines() if "usage:" not in line
               and not line.startswith(" "))


def test_cli_bad_pack_is_a_rule_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text("[[rules]]\nid = 'x'\n", encoding="utf-8")
    assert main(["review", str(SEED), "-o", str(tmp_path / "r.html"), "--compare-rules", str(pack)]) == 2
    assert capsys.readouterr().err.startswith("cleaner: error: ")


def test_short_documents_give_their_unused_share_to_long_ones() -> None:
    from cleaner.review_html import MAX_DOCUMENT, shares

    needs = [1_000, 50_000, 2_000, 900_000, 80_000]
    allowed = shares(needs, 100_000)
    assert allowed[0] == 1_000 and allowed[2] == 2_000  # short: all of it
    assert sum(allowed) == 100_000  # nothing wasted, nothing over
    assert max(allowed[1], allowed[3], allowed[4]) - min(allowed[1], allowed[3], allowed[4]) <= 1  # an even split
    assert shares([10**9], 10**9) == [MAX_DOCUMENT] and shares([10**6] * 10, 0) == [0] * 10
    assert shares([10**6] * 10, 20_000) == [2_000] * 10
    assert sum(shares([10**6] * 10_000, 10_000_000)) <= 10_000_000  # and the bound, however many documents


def test_workers_give_the_same_report(rules: cleaner.RuleSet) -> None:
    one = review(BATCH, rules, pack=str(PACK))
    two = review(BATCH, rules, pack=str(PACK), jobs=2)
    assert render(one) == render(two)


def test_review_keeps_the_limits_of_clean(tmp_path: Path) -> None:
    """A document past --max-bytes is a row with the limit's error in the report too, and the
    others are still cleaned (review cleans as `clean` would, limits included)."""
    (tmp_path / "big.txt").write_text("Harbour news.\n\n" + "The crane stood idle all week. " * 200, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Harbour news\n\nThe crane stood idle all week.", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["review", str(tmp_path / "big.txt"), str(tmp_path / "small.txt"), "-o", str(out),
                 "--max-bytes", "1K"]) in (0, 1)
    page = out.read_text(encoding="utf-8")
    assert "max_bytes" in page and "The crane stood idle all week." in page
    gathered = review([str(tmp_path / "big.txt")], cleaner.load_rules(),
                      limits=cleaner.limits.Limits.of(1024))
    assert "max_bytes" in (gathered.entries[0].error or "")
