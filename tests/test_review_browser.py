"""The review report in a real browser: the system Chromium, driven over the DevTools protocol.

These tests fail (they do not skip) when Chromium is missing, so CI cannot pass
without running them; `.ci/run` installs it. Set CLEANER_SKIP_BROWSER=1 to skip
them on purpose on a machine without a browser.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

import pytest

import cleaner
from cleaner.review import review, write_report

from chromium import Browser, find_chromium
from conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_6ffb47693998821b" / "input.txt"
BATCH = [str(FIXTURES / "batch" / "pages"), str(FIXTURES / "batch" / "records.jsonl"),
         str(FIXTURES / "batch" / "crawl.warc.gz")]

if os.environ.get("CLEANER_SKIP_BROWSER") == "1":
    pytest.skip("CLEANER_SKIP_BROWSER=1", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if find_chromium() is None:
        pytest.fail("no chromium on PATH: install it (apt-get install chromium), or set CLEANER_SKIP_BROWSER=1")
    with Browser() as chrome:
        yield chrome


@pytest.fixture(scope="module")
def rules() -> cleaner.RuleSet:
    return cleaner.load_rules()


def load(browser: Browser, path: Path) -> None:
    browser.events.clear()
    browser.open(path)
    assert browser.console_errors() == []


VISIBLE = """[...document.querySelectorAll('section.doc')].filter(s => s.offsetParent !== null)
  .flatMap(s => [...s.querySelectorAll('.orig .b')].filter(b => b.offsetParent !== null))
  .map(b => b.getAttribute('data-rule'))"""


def test_every_removed_block_is_shown_with_its_rule(browser: Browser, rules: cleaner.RuleSet,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    write_report([str(SEED)], out, rules)
    load(browser, out)
    result = cleaner.clean_file(SEED, rules=rules)
    shown = browser.evaluate("""[...document.querySelectorAll('.orig .b[data-verdict=removed]')].map(b => ({
        rule: b.getAttribute('data-rule'), text: b.innerText, visible: b.offsetParent !== null,
        tag: getComputedStyle(b, '::before').content, struck: getComputedStyle(b.querySelector('del'))
        .textDecorationLine, title: b.title}))""")
    assert [(s["rule"], s["text"]) for s in shown] == [(r["rule"], r["text"]) for r in result.removed]
    for block in shown:
        assert block["visible"] and block["struck"] == "line-through"
        assert block["tag"] == json.dumps(block["rule"]) and block["rule"] in block["title"]
    side = browser.evaluate("""(() => {const k = document.querySelector('.kept').getBoundingClientRect(),
        o = document.querySelector('.orig').getBoundingClientRect(); return [k.right <= o.left, k.top === o.top]})()""")
    assert side == [True, True]  # the kept text beside the original at this width


def test_filter_box_shows_one_rule(browser: Browser, rules: cleaner.RuleSet, tmp_path: Path) -> None:
    out = tmp_path / "batch.html"
    gathered = write_report(BATCH, out, rules)
    load(browser, out)
    everything = browser.evaluate(VISIBLE)
    assert len(everything) == sum(len(e.result.blocks) for e in gathered.entries)
    browser.type_into("#filter", "ads.marker")
    markers = sum(1 for e in gathered.entries for b in e.result.blocks if b.rule == "ads.marker")
    assert browser.evaluate(VISIBLE) == ["ads.marker"] * markers
    with_marker = [e.number for e in gathered.entries if any(b.rule == "ads.marker" for b in e.result.blocks)]
    rows = browser.evaluate("[...document.querySelectorAll('#index tbody tr')].filter(r => !r.hidden)"
                            ".map(r => +r.cells[0].getAttribute('data-v'))")
    assert rows == with_marker and len(with_marker) < len(gathered.entries)
    browser.type_into("#filter", "ads")  # a pack's prefix selects all its rules
    assert set(browser.evaluate(VISIBLE)) == {"ads.marker", "ads.sponsored"}
    browser.type_into("#filter", "")
    assert len(browser.evaluate(VISIBLE)) == len(everything)
    assert browser.console_errors() == []


def test_clicking_a_rule_filters_and_headings_sort(browser: Browser, rules: cleaner.RuleSet, tmp_path: Path) -> None:
    out = tmp_path / "batch.html"
    gathered = write_report(BATCH, out, rules)
    load(browser, out)
    browser.evaluate("document.querySelector('#rules a[data-filter=\"ads.sponsored\"]').click()")
    assert browser.evaluate("document.getElementById('filter').value") == "ads.sponsored"
    assert set(browser.evaluate(VISIBLE)) == {"ads.sponsored"}
    browser.evaluate("[...document.querySelectorAll('#index th')].find(t => t.textContent === 'kept words').click()")
    kept = browser.evaluate("[...document.querySelectorAll('#index tbody tr')].map(r => +r.cells[4].textContent)")
    assert kept == sorted(e.kept_words for e in gathered.entries)
    browser.evaluate("[...document.querySelectorAll('#index th')].find(t => t.textContent === 'kept words').click()")
    kept = browser.evaluate("[...document.querySelectorAll('#index tbody tr')].map(r => +r.cells[4].textContent)")
    assert kept == sorted((e.kept_words for e in gathered.entries), reverse=True)


def test_payloads_in_the_input_do_not_run(browser: Browser, rules: cleaner.RuleSet, tmp_path: Path) -> None:
    gathered = review([str(FIXTURES / "review" / "xss.html")], rules)
    text = review([str(FIXTURES / "review" / "xss.txt")], rules, kind="text").entries[0]
    text.number = 2
    gathered.entries.append(text)
    from cleaner.review_html import render

    out = tmp_path / "xss.html"
    out.write_text(render(gathered), encoding="utf-8")
    load(browser, out)
    # Hover and toggle everything, as a curious reader would, then look for any trace of a payload.
    browser.evaluate("""document.querySelectorAll('*').forEach(e => {
        ['mouseover', 'click', 'toggle', 'focus'].forEach(t => e.dispatchEvent(new Event(t)))})""")
    assert browser.evaluate("typeof window.__xss") == "undefined"
    assert browser.evaluate("document.title") == "cleaner review"
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate("document.querySelectorAll('img, svg, iframe, details, textarea, b[onmouseover]').length") == 0
    body = browser.evaluate("document.querySelector('main').textContent")  # innerText skips unrendered sections
    assert "<script>window.__xss='h1'</script> Harbour news" in body
    assert "<img src=x onerror=\"window.__xss='paragraph';document.title='pwned'\">" in body
    assert browser.console_errors() == []


def test_compare_report_marks_changed_documents(browser: Browser, rules: cleaner.RuleSet, tmp_path: Path) -> None:
    out = tmp_path / "compare.html"
    gathered = write_report([str(FIXTURES / "batch" / "pages")], out, rules,
                            pack=str(FIXTURES / "review" / "extra-pack.toml"))
    load(browser, out)
    browser.evaluate("document.getElementById('only').click()")
    shown = browser.evaluate("[...document.querySelectorAll('section.doc')].filter(s => !s.hidden)"
                             ".map(s => +s.dataset.doc)")
    assert shown == [e.number for e in gathered.entries if e.comparison and e.comparison.changed] and shown


def test_a_long_index_shows_its_first_rows_until_asked(browser: Browser, rules: cleaner.RuleSet,
                                                       tmp_path: Path) -> None:
    from cleaner.review_html import INDEX_ROWS

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(INDEX_ROWS + 20):
        (folder / f"{i:03}.txt").write_text(f"Story {i} is short.\n\n" + ("ADVERTISEMENT\n\n" if i % 2 else "")
                                            + "It ends here, with a full sentence of prose.\n", encoding="utf-8")
    out = tmp_path / "many.html"
    write_report([str(folder)], out, rules)
    load(browser, out)
    shown = "[...document.querySelectorAll('#index tbody tr')].filter(r => r.offsetParent !== null).length"
    assert browser.evaluate(shown) == INDEX_ROWS
    browser.type_into("#filter", "ads.marker")  # a filter lists every matching document
    assert browser.evaluate(shown) == (INDEX_ROWS + 20) // 2
    browser.type_into("#filter", "")
    assert browser.evaluate(shown) == INDEX_ROWS + 20
    assert browser.evaluate("document.getElementById('all-rows').hidden") is True
    load(browser, out)
    browser.evaluate("document.getElementById('all-rows').click()")
    assert browser.evaluate(shown) == INDEX_ROWS + 20
