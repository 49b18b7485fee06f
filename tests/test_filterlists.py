"""Ad-blocker filter lists: every syntax case, the page they clean, the cache, and the index they use."""

from __future__ import annotations

import gc
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.cssselect import CSSSelector

from cleaner import clean, load_rules
from cleaner import errors as cleaner_errors
from cleaner import listcache
from cleaner.cli import main
from cleaner.filterlists import network_pattern, parse_filter_list, procedural_xpath, to_toml
from cleaner.rulepack import parse_pack_and_site
from cleaner.listcache import cache_path
from cleaner.ruleset import RuleSet
from cleaner.htmlparse import parse, text_of
from cleaner.prose import words
from cleaner.selectindex import Plan, match_plans

from conftest import FIXTURES

LIST = FIXTURES / "filters" / "news-annoyances.txt"
PAGE = FIXTURES / "filters" / "page.html"
URL = "https://www.example.com/news/harbour-wall"

# (line, what it becomes: (action, field, value, domains, not_domains) or the reason it is skipped)
CASES = [
    ("##.sidebar-box", ("drop", "selector", ".sidebar-box", (), ())),
    ("###promo", ("drop", "selector", "#promo", (), ())),
    ('##div[id^="gpt-"]', ("drop", "selector", 'div[id^="gpt-"]', (), ())),
    ("a.com,b.org##.rail", ("drop", "selector", ".rail", ("a.com", "b.org"), ())),
    ("~a.com##.deals", ("drop", "selector", ".deals", (), ("a.com",))),
    ("a.com,~shop.a.com##.deals", ("drop", "selector", ".deals", ("a.com",), ("shop.a.com",))),
    ("#@#.sidebar-box", ("keep", "selector", ".sidebar-box", (), ())),
    ("a.com#@#.rail", ("keep", "selector", ".rail", ("a.com",), ())),
    ("a.com##.story-footer:remove()", ("drop", "selector", ".story-footer", ("a.com",), ())),
    ("a.com##.st\x00oby:remove()", "unsupported CSS selector"),  # fuzz: the pack written did not load back
    ("a.com##.card:has-text(Sponsored)", ("drop", "xpath", None, ("a.com",), ())),
    ("a.com##.teaser:has(> .paid)", ("drop", "xpath", None, ("a.com",), ())),
    ("a.com##.paid:upward(2)", ("drop", "xpath", None, ("a.com",), ())),
    ("a.com##.paid:upward(section)", ("drop", "xpath", None, ("a.com",), ())),
    ("a.com#?#div:-abp-has(.ad-label)", ("drop", "xpath", None, ("a.com",), ())),
    ("a.com#?#div:-abp-contains(Anzeige)", ("drop", "xpath", None, ("a.com",), ())),
    ('a.com##:xpath(//div[@data-role="upsell"])', ("drop", "xpath", '//div[@data-role="upsell"]', ("a.com",), ())),
    ("||ads.example^", ("drop", "network", "||ads.example^", (), ())),
    ("||ads.example^$third-party", ("drop", "network", "||ads.example^$third-party", (), ())),
    ("||cdn.example/banners/$image,domain=a.com|~b.a.com", ("drop", "network", "||cdn.example/banners/", ("a.com",), ("b.a.com",))),
    ("/adframe/*$subdocument", ("drop", "network", "/adframe/*", (), ())),
    ("##.card:has-text(Sponsored)", "generic procedural filter"),
    ("a.com##.box:matches-css(position: fixed)", ":matches-css()"),
    ("a.com##.box:has-text(/spon[s]ored/i)", ":has-text() with a regular expression"),
    ("a.com##.x:upward(2) > .y", "CSS after a procedural operator"),
    ("a.com##+js(set-constant, adsLoaded, true)", "scriptlet (##+js)"),
    ("a.com##^script:has-text(adblock)", "HTML filter (##^)"),
    ('a.com$$script[tag-content="adblock"]', "HTML filter ($$)"),
    ("a.com#$#abort-on-property-read ads", "CSS injection or snippet (#$#)"),
    ("a.com#%#window.ads = 1;", "script injection (#%#)"),
    ("example.*##.ad", "entity domain (example.*)"),
    ("##.ad:is(.x, .y)", "unsupported CSS selector"),
    ("##.ad::before", "unsupported CSS selector"),
    ("@@||ads.example/ok^", "network exception (@@)"),
    ("||fonts.example^$font", "network filter for other request types"),
    ("/banner[0-9]+/", "regex network filter"),
    ("||ads.example^$csp=script-src 'none'", "network option $csp"),
]


@pytest.mark.parametrize("line, expected", CASES, ids=[c[0] for c in CASES])
def test_each_syntax_case(line: str, expected: object) -> None:
    result = parse_filter_list(f"! a comment\n[Adblock Plus 2.0]\n\n{line}\n", "my-list.txt")
    assert result.ignored == {"comment": 1, "header": 1}
    if isinstance(expected, str):
        assert result.rules == [] and dict(result.skipped) == {expected: 1}
        return
    action, field, value, domains, not_domains = expected
    (rule,) = result.rules
    assert rule.id == "my-list.txt:4" and rule.origin == "my-list.txt:4"  # the list's line number
    assert (rule.action, rule.domains, rule.not_domains) == (action, domains, not_domains)
    assert getattr(rule, field) is not None
    if value is not None:
        assert getattr(rule, field) == value


def test_network_filter_options_become_tags() -> None:
    (image,) = parse_filter_list("||cdn.example/banners/$image", "l.txt").rules
    (script,) = parse_filter_list("||cdn.example^$script,~image", "l.txt").rules
    assert image.tags == {"img"} and script.tags == {"script"}


@pytest.mark.parametrize("pattern, src, hit", [
    ("||ads.example^", "https://ads.example/x.js", True),
    ("||ads.example^", "https://eu.ads.example:8080/x.js", True),
    ("||ads.example^", "https://ads.example.org/x.js", False),
    ("||ads.example^", "https://badads.example/x.js", False),
    ("|https://x.example/ad", "https://x.example/ad1.gif", True),
    ("/adframe/*", "https://news.example/adframe/7", True),
    ("/adframe/*", "https://news.example/frames/7", False),
    ("swf|", "https://x.example/a.swf", True),
    ("swf|", "https://x.example/swf/a.html", False),
])
def test_network_patterns(pattern: str, src: str, hit: bool) -> None:
    compiled = network_pattern(pattern)
    assert compiled.matches(src, "", "") is hit


@pytest.mark.parametrize("pattern, src, hit", [
    ("/ad*****frame*****7", "https://news.example/ad-top/frame-7/", True),
    ("/ad*****frame*****7", "https://news.example/adverts/no-frame-here", False),
    ("ÄD/*", "https://news.example/äd/1.gif", True),  # case folded beyond ASCII
    ("^AD^", "https://x.example/ad?x=1", True),
    ("a*b|", "https://x.example/ab/b", True),
    ("a*b|", "https://x.example/ab/c", False),
])
def test_network_patterns_of_several_stars(pattern: str, src: str, hit: bool) -> None:
    assert network_pattern(pattern).matches(src, "", "") is hit


def _backtracking_source(pattern: str) -> str:
    """The plain translation, one `.*` per star, searched anywhere: what ABP's syntax means, and
    the oracle the linear translation must agree with."""
    out, rest = "", pattern
    if rest.startswith("||"):
        rest, out = rest[2:], r"^[a-z][\w+.-]*://(?:[^/?#]*\.)?"
    elif rest.startswith("|"):
        rest, out = rest[1:], "^"
    end = ""
    if rest.endswith("|"):
        rest, end = rest[:-1], "$"
    for char in rest:
        out += ".*" if char == "*" else r"(?:[^\w.%-]|$)" if char == "^" else re.escape(char)
    return out + end


@settings(max_examples=400, deadline=None)
@given(anchor=st.sampled_from(["", "|", "||"]), body=st.text(alphabet="ab./*^-", min_size=1, max_size=10),
       end=st.sampled_from(["", "|"]), address=st.text(alphabet="ab./-?x", max_size=24),
       scheme=st.sampled_from(["https://", "http://a.", ""]))
def test_the_linear_network_pattern_matches_as_the_plain_one(anchor: str, body: str, end: str, address: str,
                                                            scheme: str) -> None:
    pattern = anchor + body + end
    try:
        compiled = network_pattern(pattern)
    except ValueError:
        return  # refused (a bare `*`, a regex filter): nothing to compare
    src = scheme + address
    expected = re.search(_backtracking_source(pattern), src, re.IGNORECASE) is not None
    assert compiled.matches(src, "", "") is expected


def test_a_network_filter_of_many_stars_misses_a_long_address_without_backtracking() -> None:
    """fuzz: hang-many-stars-in-a-network-filter. Each `*` was a `.*` for Python's `re`, and a
    line of many of them took time exponential in their number on an address it missed; now
    each piece between stars is found once, in an atomic group, and runs of `*` read as one."""
    compiled = network_pattern("*a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*)")
    assert compiled.source.count("(?>") == 27
    assert not compiled.matches("https://x.example/" + "abcdefghijklmnopqrstuvwxyz" * 400, "", "")
    assert network_pattern("*" * 60 + "l)").source.count("(?>") == 1


def test_third_party_option() -> None:
    compiled = network_pattern("||tracker.example^$third-party")
    assert compiled.matches("https://tracker.example/p.gif", "tracker.example", "news.example")
    assert not compiled.matches("https://tracker.example/p.gif", "tracker.example", "www.tracker.example")


def test_has_text_quotes_are_safe() -> None:
    path, used = procedural_xpath(""".x:has-text(it's "free")""")
    assert used == ["has-text"] and "concat(" in (path or "")


@pytest.fixture()
def filter_list(tmp_path: Path) -> Path:
    copy = tmp_path / LIST.name
    shutil.copy(LIST, copy)
    return copy


def test_imported_filter_removes_a_sidebar_and_an_exception_keeps_a_box(filter_list: Path) -> None:
    rules = load_rules([filter_list])
    result = clean(PAGE.read_text(encoding="utf-8"), kind="html", url=URL, rules=rules)
    by_rule = {entry["rule"]: entry["text"] for entry in result.removed}
    lines = filter_list.read_text(encoding="utf-8").splitlines()
    sidebar = f"news-annoyances.txt:{lines.index('##.sidebar-widgets') + 1}"
    assert by_rule[sidebar].startswith("Most read")
    # `#@#.sidebar-widgets.keep-me`: the tide table is spared by the filters (whatever the reader then does)
    assert not any("Tide times" in entry["text"] and entry["rule"].startswith("news-annoyances")
                   for entry in result.removed)
    assert "Sponsored: holiday cottages" in by_rule[f"news-annoyances.txt:{lines.index('example.com##.promo-card:has-text(Sponsored)') + 1}"]
    assert "Advertisement" in by_rule[f"news-annoyances.txt:{lines.index('||ads.example^') + 1}"]  # the iframe's slot
    assert "harbour wall began on Monday" in result.text


def test_scoped_filters_stay_on_their_sites(filter_list: Path) -> None:
    rules = load_rules([filter_list])
    page = PAGE.read_text(encoding="utf-8")
    elsewhere = clean(page, kind="html", url="https://other.example/x", rules=rules)
    assert not any("site-rail" in str(entry) or "More from the coast" in entry["text"]
                   and entry["rule"].startswith("news-annoyances") for entry in elsewhere.removed)


def test_a_filter_never_removes_the_article(tmp_path: Path) -> None:
    """The guard of selector rules holds for imported ones: `itemprop=articleBody` is never removed."""
    path = tmp_path / "greedy.txt"
    path.write_text("##.story-body\n##div\n", encoding="utf-8")
    result = clean(PAGE.read_text(encoding="utf-8"), kind="html", url=URL, rules=load_rules([path]))
    assert "harbour wall began on Monday" in result.text


def test_cache_is_used_and_refreshed(filter_list: Path) -> None:
    first = load_rules([filter_list], defaults=False)
    assert cache_path(filter_list).exists()
    again = load_rules([filter_list], defaults=False)
    assert again.rules == first.rules
    filter_list.write_text(filter_list.read_text(encoding="utf-8") + "##.late-addition\n", encoding="utf-8")
    changed = load_rules([filter_list], defaults=False)
    assert len(changed) == len(first) + 1 and changed.rules[-1].selector == ".late-addition"


def test_cache_is_read_without_translating_again(filter_list: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_rules([filter_list], defaults=False)

    def untranslatable(text: str, source: str) -> None:
        raise AssertionError("the list was translated again")

    monkeypatch.setattr(listcache, "parse_filter_list", untranslatable)
    again = load_rules([filter_list], defaults=False)
    assert again.rules == first.rules
    assert [r.__dict__ for r in again] == [r.__dict__ for r in first]


def test_a_list_moved_with_its_cache_names_its_new_place(filter_list: Path, tmp_path: Path) -> None:
    """Ids and origins come from where the list is now, not from where its cache was written."""
    load_rules([filter_list], defaults=False)
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(filter_list, moved)
    shutil.copy(cache_path(filter_list), cache_path(moved))
    from_cache = load_rules([moved], defaults=False).rules
    assert from_cache == parse_filter_list(moved.read_text(encoding="utf-8"), str(moved)).rules
    assert from_cache[0].id.startswith("renamed.txt:") and from_cache[0].origin.startswith(str(moved) + ":")


@pytest.mark.parametrize("damage", [
    lambda stored: stored["rules"][0].append("one value too many"),
    lambda stored: stored["rules"][0].__setitem__(2, {"not": "a string"}),
    lambda stored: stored["shapes"][0][1].append("no_such_field"),
    lambda stored: stored["shapes"][0][0].__setitem__("selector", ".everything"),
    lambda stored: stored["shapes"][0][0].__setitem__("kinds", "html"),
    lambda stored: stored["rules"][0].__setitem__(0, 99),
])
def test_a_broken_cache_is_translated_again(filter_list: Path, damage: Any) -> None:
    first = load_rules([filter_list], defaults=False)
    stored = json.loads(cache_path(filter_list).read_text(encoding="utf-8"))
    damage(stored)
    cache_path(filter_list).write_text(json.dumps(stored), encoding="utf-8")
    assert load_rules([filter_list], defaults=False).rules == first.rules


def test_reading_a_cache_leaves_the_collector_as_it_found_it(filter_list: Path) -> None:
    load_rules([filter_list], defaults=False)
    stored = json.loads(cache_path(filter_list).read_text(encoding="utf-8"))
    cache_path(filter_list).write_text(json.dumps(dict(stored, rules="broken")), encoding="utf-8")
    assert gc.isenabled()
    load_rules([filter_list], defaults=False)  # a broken cache, failing while the collector waits: translated again
    load_rules([filter_list], defaults=False)  # from the cache
    assert gc.isenabled()
    gc.disable()
    try:
        load_rules([filter_list], defaults=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_import_filters_command_writes_a_pack_that_loads(filter_list: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack.toml"
    assert main(["rules", "import-filters", str(filter_list), "-o", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "kept 20, skipped 8" in out and "scriptlet (##+js) ×1" in out and "generic procedural filter ×1" in out
    from_pack = load_rules([pack], defaults=False)
    from_list = load_rules([filter_list], defaults=False)
    assert [(r.id, r.action, r.selector, r.xpath, r.network, r.domains, r.not_domains, r.tags) for r in from_pack] == \
        [(r.id, r.action, r.selector, r.xpath, r.network, r.domains, r.not_domains, r.tags) for r in from_list]


def test_explain_names_the_list_line(filter_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--url", URL, "--rules", str(filter_list), str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert "removed by news-annoyances.txt:7 (filter-list)" in out


CLASSES = ["sidebar-widgets", "keep-me", "site-rail", "story-body", "promo-card", "ad-holder", "layout", "x"]
TAGS = ["div", "p", "span", "h1", "h3", "ul", "li", "a", "iframe", "img", "*"]
SIMPLE = st.builds(lambda tag, cls, attr: tag + cls + attr,
                   st.sampled_from(TAGS + [""]),
                   st.sampled_from([""] + [f".{c}" for c in CLASSES]),
                   st.sampled_from(["", "[href]", '[href*="/a"]', '[class^="side"]', '[itemprop]', "[src$=gif]",
                                    '[class*="-card"]', '[class$="holder"]', '[class|="promo"]', '[class~="x"]',
                                    '[class=""]', '[id*="e"]', '[class*="o"][class*="-"]']))
SELECTOR = st.one_of(
    SIMPLE.filter(bool),
    st.builds(lambda a, comb, b: f"{a}{comb}{b}", SIMPLE.filter(bool), st.sampled_from([" ", " > ", " + ", " ~ "]),
              SIMPLE.filter(bool)),
    st.builds(lambda a: f"{a}:not(.x)", SIMPLE.filter(bool)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SELECTOR)
def test_any_generic_filter_yields_only_text_from_the_page(tmp_path: Path, selector: str) -> None:
    """Adding one generic cosmetic filter can only take text away: every word left was in the page."""
    path = tmp_path / "one.txt"
    path.write_text(f"##{selector}\n", encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    page_words = set(words(text_of(parse(page).getroot())))
    result = clean(page, kind="html", url=URL, rules=load_rules([path]))
    assert set(words(result.text)) <= page_words


@settings(max_examples=80, deadline=None)
@given(st.lists(SELECTOR, min_size=1, max_size=6))
def test_index_matches_what_cssselect_matches(selectors: list[str]) -> None:
    """The index is only a shortcut: for any selectors it finds what cssselect finds, with the first rule."""
    from cleaner.ruleset import Rule

    rules = [Rule(id=f"r{n}", category="t", action="drop", origin="t", selector=s) for n, s in enumerate(selectors)]
    body = parse(PAGE.read_text(encoding="utf-8")).getroot().find("body")
    fast = {el: rule.id for el, rule in match_plans(body, [Plan(list(enumerate(rules)))], URL)}
    slow: dict[object, str] = {}
    for rule in rules:
        for el in CSSSelector(rule.selector)(body):
            slow.setdefault(el, rule.id)
    assert fast == slow


ATTRIBUTE_TESTS = ['[class*="-card"]', '[class$="holder"]', '[class|="promo"]', '[class~="keep-me"]', '[class^="side"]',
                   '[class="layout"]', 'div[class*="rail"]', '[class*="e"][class*="-w"]', '[href*="/"]', '[class=""]']


@pytest.mark.parametrize("selector", ATTRIBUTE_TESTS)
def test_each_attribute_operator_matches_what_cssselect_matches(selector: str) -> None:
    """Each operator alone and beside the others, through the screen of the attribute's literals."""
    from cleaner.ruleset import Rule

    for selectors in ([selector], ATTRIBUTE_TESTS):
        rules = [Rule(id=f"r{n}", category="t", action="drop", origin="t", selector=s) for n, s in enumerate(selectors)]
        body = parse(PAGE.read_text(encoding="utf-8")).getroot().find("body")
        fast = {el: rule.id for el, rule in match_plans(body, [Plan(list(enumerate(rules)))], URL)}
        slow: dict[object, str] = {}
        for rule in rules:
            for el in CSSSelector(rule.selector)(body):
                slow.setdefault(el, rule.id)
        assert fast == slow and (fast or selector == '[class=""]')


def test_a_long_list_of_attribute_substrings_matches_what_cssselect_matches() -> None:
    """Past SCREEN_SIZE_RE2 literals one RE2 search screens an attribute's parts: the same matches."""
    from cleaner.ruleset import Rule
    from cleaner.selectindex import SCREEN_SIZE_RE2

    needles = [f"zz{n}" for n in range(SCREEN_SIZE_RE2 + 6)] + ["-card", "holder", "side", "rail"]
    selectors = [f'[class*="{needle}"]' for needle in needles] + ['div[class$="-rail"]', '[class^="story"]']
    rules = [Rule(id=f"r{n}", category="t", action="drop", origin="t", selector=s) for n, s in enumerate(selectors)]
    body = parse(PAGE.read_text(encoding="utf-8")).getroot().find("body")
    fast = {el: rule.id for el, rule in match_plans(body, [Plan(list(enumerate(rules)))], URL)}
    slow: dict[object, str] = {}
    for rule in rules:
        for el in CSSSelector(rule.selector)(body):
            slow.setdefault(el, rule.id)
    assert fast == slow and len(fast) >= 2


@pytest.mark.parametrize("line", ["##.deal-\U0001F600", "a.com##.box\x7fx", "||ads.example^$opt\x00x", "||ads.example^$o\x7f",
                                  "a.com##.st\x00oby:remove()", "##.3tory-tools > .print-button"])
def test_the_pack_written_loads_back_whatever_the_list_holds(line: str) -> None:
    """Fuzz finds: a character past U+FFFF (JSON's surrogate-pair escape is not TOML), DEL,
    control characters in a skipped reason (it goes into the header comment), and a compound
    selector cssselect refuses (`.3tory > .x`) all made `import-filters` write a pack that did not load."""
    from cleaner.filterlists import to_toml
    from cleaner.rulepack import parse_pack

    imported = parse_filter_list(line + "\n", "list\x01.txt")
    rules = parse_pack(to_toml(imported, "list\x01.txt"), "list.toml")
    assert [(r.id, r.selector, r.network) for r in rules] == [(r.id, r.selector, r.network) for r in imported.rules]


@pytest.mark.parametrize("odd", ["\f", "\v", "\u2028", "\x1c", "\x85"])
def test_rule_ids_count_lines_as_editors_do(odd: str) -> None:
    """Only a newline ends a line: a form feed or a Unicode line separator inside a comment does
    not shift the ids (the list's line numbers) of the filters below it."""
    text = f"! Title: odd characters{odd} inside a comment\r\n##.promo-card\n"
    (rule,) = parse_filter_list(text, "odd.txt").rules
    assert rule.id == "odd.txt:2"


def test_a_selector_whose_comma_sits_in_a_css_comment_is_matched_whole() -> None:
    """cssselect reads `/* …` to the end as a comment, so `div.promo/*, b)` is one valid selector;
    the index's plain split made `b)` a part of its own, which failed on the first page (fuzz:
    corpus/filterlists/crash-comma-inside-a-token)."""
    rules = parse_filter_list("##div.promo/*, b)\n", "comment.txt").rules
    assert [rule.selector for rule in rules] == ["div.promo/*, b)"]
    page = "<html><body><div class='promo'><p>Buy the boat now</p></div><p>The ferry sailed at noon.</p></body></html>"
    result = clean(page, kind="html", rules=RuleSet(rules))
    assert "Buy the boat" not in result.text and "The ferry sailed at noon." in result.text


@pytest.mark.parametrize("selector", ['div[id^="promo-\x01\x00-slot"]', ".ad\x08box", "div[title='\ufffe']"])
def test_a_selector_with_a_control_character_is_skipped_on_import_and_refused_in_a_pack(selector: str,
                                                                                        tmp_path: Path) -> None:
    """lxml's XPath refuses such strings, so the rule would fail on the first page (fuzz:
    corpus/filterlists/crash-control-char-in-attribute): the importer skips it, the loader names it."""
    result = parse_filter_list(f"##{selector}\n", "ctl.txt")
    assert result.rules == [] and sum(result.skipped.values()) == 1
    pack = tmp_path / "p.toml"
    pack.write_text('[[rules]]\nid = "p.x"\ncategory = "ad"\naction = "drop"\nselector = ' + json.dumps(selector) + "\n",
                    encoding="utf-8")
    with pytest.raises(cleaner_errors.RuleError, match="control character"):
        load_rules([pack], defaults=False)


def test_a_namespace_prefix_is_skipped_on_import_and_refused_in_a_pack(tmp_path: Path) -> None:
    """`ns|div` translates to XPath that compiles and then fails on every page (fuzz:
    corpus/filterlists/crash-namespace-prefix): the importer skips it, the loader names it."""
    result = parse_filter_list("##ns|div.promo\n##.promo-card\n", "ns.txt")
    assert [rule.selector for rule in result.rules] == [".promo-card"]
    for field, value in (("selector", "ns|div.promo"), ("xpath", "//ns:div")):
        pack = tmp_path / f"{field}.toml"
        pack.write_text(f'[[rules]]\nid = "p.x"\ncategory = "ad"\naction = "drop"\n{field} = {json.dumps(value)}\n',
                        encoding="utf-8")
        with pytest.raises(cleaner_errors.RuleError, match="cannot evaluate"):
            load_rules([pack], defaults=False)


@pytest.mark.parametrize("selector, parts", [
    ("p /* x, ns|div /* y */", ["p /* x, ns|div /* y */"]),  # the comma is inside the comment
    (".ad, .promo /* a, b", [".ad", ".promo /* a, b"]),  # an unclosed comment runs to the end
    (".ad /* , */ , .promo", [".ad /* , */", ".promo"]),
    ('a[title="/*"], .promo', ['a[title="/*"]', ".promo"]),  # inside quotes `/*` is text
])
def test_the_index_splits_a_selector_list_as_cssselect_reads_it(selector: str, parts: list[str]) -> None:
    from cleaner.selectindex import split_selector

    assert split_selector(selector) == parts


def test_a_namespace_prefix_inside_a_comment_does_not_stop_the_page() -> None:
    """`##p /* x, ns|div /* y */` is `p` to cssselect (and so to the loader), but the index split
    it at the comma inside the comment, and the part `ns|div` compiled, then failed on the page
    (fuzz: corpus/filterlists/crash-namespace-prefix-after-a-comment). Now the split skips
    comments, and a part that compiles but cannot be evaluated matches nothing."""
    imported = parse_filter_list("##div.ad /* a, ns|span /* b */\n##.promo-card\n", "c.txt")
    rules, _site = parse_pack_and_site(to_toml(imported, "c.txt"), "c.toml")
    page = ("<html><body><div class='ad'><p>Buy now</p></div><div class='promo-card'><p>Half price</p></div>"
            "<p>The ferry sailed at noon.</p></body></html>")
    result = clean(page, kind="html", rules=RuleSet(rules))
    assert "Buy now" not in result.text and "Half price" not in result.text
    assert "The ferry sailed at noon." in result.text


def test_a_namespace_prefix_in_an_attribute_test_is_skipped_refused_and_matches_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`##a[h|ef*="/sponsored-link/"]` (fuzz: corpus/filterlists/crash-namespace-prefix-in-an-attribute-test)
    gives `@h:ef`, which an empty page never evaluates, so the load-time check let it by and it
    failed on the first page with links. The check now reads the prefix in the XPath; and a part
    that fails on a page all the same matches nothing there."""
    result = parse_filter_list('##a[h|ef*="/sponsored-link/"]\n##.promo-card\n', "p.txt")
    assert [rule.selector for rule in result.rules] == [".promo-card"]
    pack = tmp_path / "p.toml"
    pack.write_text('[[rules]]\nid = "p.x"\ncategory = "ad"\naction = "drop"\nselector = "a[h|ef]"\n', encoding="utf-8")
    with pytest.raises(cleaner_errors.RuleError, match="cannot evaluate"):
        load_rules([pack], defaults=False)
    from cleaner.ruleset import Rule

    page = ("<html><body><div><a href='/x'>Sponsored link</a></div><div class='promo-card'><p>Buy now</p></div>"
            "<p>The ferry sailed at noon.</p></body></html>")
    rules = [Rule(id="p.y", category="ad", action="drop", origin="test", selector="div a[h|ef]"),
             Rule(id="p.z", category="ad", action="drop", origin="test", selector=".promo-card")]
    monkeypatch.setattr("cleaner.selectindex.evaluable", lambda expression: True)  # as if the check missed it
    cleaned = clean(page, kind="html", rules=RuleSet(rules))
    assert "Buy now" not in cleaned.text and "The ferry sailed at noon." in cleaned.text


@pytest.mark.parametrize("selector", [":is(-a", ".box:matChes(-a", "div:WHERE(-x"])
def test_a_selector_cssselect_trips_on_is_skipped_on_import_and_refused_in_a_pack(selector: str, tmp_path: Path) -> None:
    """`.box:matChes(-a` (fuzz: corpus/filterlists/crash-cssselect-runtime-error): cssselect's parser lets a
    StopIteration out as a RuntimeError on a functional pseudo-class with a leading `-`, and the
    importer's check for `:matches(` was case-sensitive. The importer skips it, the loader names it
    (it used to be a traceback from `cleaner rules check`)."""
    result = parse_filter_list(f"##{selector}\n##.promo-card\n", "r.txt")
    assert [rule.selector for rule in result.rules] == [".promo-card"]
    pack = tmp_path / "r.toml"
    pack.write_text(f'[[rules]]\nid = "p.x"\ncategory = "ad"\naction = "drop"\nselector = {json.dumps(selector)}\n',
                    encoding="utf-8")
    with pytest.raises(cleaner_errors.RuleError, match="bad CSS selector"):
        load_rules([pack], defaults=False)
    assert main(["rules", "check", str(pack)]) == 2


def test_a_remove_operator_with_no_selector_before_it_is_skipped() -> None:
    """`exa##:remove()` (fuzz: corpus/filterlists/crash-remove-with-no-selector): the selector before a
    trailing `:remove()` was empty, the importer wrote a rule with no selector, and its pack did not load."""
    result = parse_filter_list("exa.com##:remove()\nexa.com## :remove()\nexa.com##.promo:remove()\n", "r.txt")
    assert [rule.selector for rule in result.rules] == [".promo"]
    assert "empty selector" in result.summary()
    parse_pack_and_site(to_toml(result, "r.txt"), "r.toml")


def test_a_rule_part_that_does_not_compile_matches_nothing_and_the_page_is_cleaned() -> None:
    """`di,[id^="promo-slo…` (an unclosed quote after a comma): the index files each part, and a
    part cssselect cannot compile matches nothing instead of stopping the page (fuzz:
    corpus/filterlists/crash-unclosed-quote-after-comma)."""
    rules = RuleSet(parse_filter_list('##di,[id^="promo-slo[Adblock Plus 2.0]\n##.promo-card\n', "q.txt").rules)
    page = "<html><body><div class='promo-card'><p>Buy now</p></div><p>The ferry sailed at noon.</p></body></html>"
    result = clean(page, kind="html", rules=rules)
    assert "Buy now" not in result.text and "The ferry sailed at noon." in result.text


def test_an_xpath_operator_with_a_namespace_prefix_is_skipped_on_import() -> None:
    """`:xpath(//di:v…)` compiles in lxml and fails on every page; the loader refuses it, so the
    importer must skip it, or the pack it writes would not load (fuzz:
    corpus/filterlists/crash-namespace-in-xpath-operator)."""
    result = parse_filter_list('example.com##:xpath(//di:v[@data-role="upsell"])\n##.promo-card\n', "x.txt")
    assert [rule.selector for rule in result.rules] == [".promo-card"]
    assert parse_pack_and_site(to_toml(result, "x.txt"), "x.toml")[0]
