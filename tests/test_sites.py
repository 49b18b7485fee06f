"""Site packs and FiveFilters site configs: the site's own article box and fields win on its pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import RuleError, clean, load_rules
from cleaner.cli import main
from cleaner.siteconfig import parse_site_config, read_site_config

from conftest import FIXTURES, ROOT

CONFIGS = FIXTURES / "siteconfig"
PAGE = (CONFIGS / "page.html").read_text(encoding="utf-8")
URL = "https://www.harbour-gazette.example/news/harbour-wall"


def test_shipped_site_pack_overrides_the_article_container_and_fields() -> None:
    result = clean(PAGE, kind="html", url=URL)
    (pack,) = result.source["site_packs"]
    assert pack["name"] == "harbour-gazette.example" and pack["article"].startswith("matched")
    assert result.title == "Harbour wall repairs begin"  # the config's title, not og:title
    assert result.metadata["author"] == "Morag Fraser"
    assert result.metadata["published"] == "2024-03-04T09:30:00+00:00"
    rules = {entry["rule"] for entry in result.removed}
    assert {"harbour-gazette.example.txt:7", "harbour-gazette.example.txt:8", "harbour-gazette.example.txt:9"} <= rules
    assert "site.harbour-gazette.example.outside-article" in rules
    assert "price of one" not in result.text and "Vote now" not in result.text
    assert "inner basin" in result.text


def test_other_sites_get_the_generic_reader() -> None:
    result = clean(PAGE, kind="html", url="https://elsewhere.example/x")
    assert "site_packs" not in result.source
    assert not any(entry["rule"].startswith("harbour-gazette") for entry in result.removed)


def write_pack(tmp_path: Path, article: str, extra: str = "") -> Path:
    path = tmp_path / "mysite.toml"
    path.write_text(f'[pack]\nname = "mysite"\ndomains = ["mysite.example"]\narticle = {article!r}\n{extra}',
                    encoding="utf-8")
    return path


def test_a_user_site_pack_names_the_article_box(tmp_path: Path) -> None:
    """The byline paragraph is not the article by any score: the site pack says it is, and it wins."""
    rules = load_rules([write_pack(tmp_path, "p.meta")])
    result = clean(PAGE, kind="html", url="https://mysite.example/a", rules=rules)
    assert "Morag Fraser" in result.text
    assert "harbour wall began" not in result.text
    assert any(e["rule"] == "site.mysite.outside-article" and "harbour wall" in e["text"] for e in result.removed)


def test_an_article_box_that_matches_nothing_falls_back_and_says_so(tmp_path: Path) -> None:
    rules = load_rules([write_pack(tmp_path, "div.gone-since-the-redesign")])
    result = clean(PAGE, kind="html", url="https://mysite.example/a", rules=rules)
    assert result.source["site_packs"][0]["article"].startswith("matched nothing")
    assert "harbour wall began" in result.text


def test_explain_prints_the_site_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--url", URL, str(CONFIGS / "page.html")]) == 0
    head = capsys.readouterr().out.splitlines()[:2]
    assert head[0] == "extraction: site-pack (the site pack harbour-gazette.example names the article's container)"
    assert head[1].startswith("site pack: harbour-gazette.example (rules/sites/harbour-gazette.example.toml:")


@pytest.mark.parametrize("pack, message", [
    ('[pack]\narticle = "div.x"\n', "needs the pack's domains"),
    ('[pack]\ndomains = ["a.example"]\narticle = "div[unclosed"\n', "bad CSS selector"),
    ('[pack]\ndomains = ["a.example"]\nauthor = "//span[@class="\n', "bad XPath"),
])
def test_bad_site_packs_fail_at_load_with_file_and_line(tmp_path: Path, pack: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([path], defaults=False)
    assert message in str(caught.value) and re.search(r"bad\.toml:\d+", str(caught.value))


# (config line, what it becomes: "article", a field name, "strip", or the unsupported directive counted)
DIRECTIVES = [
    ("body: //div[@id='story']", "article"),
    ("title: //h1", "title"),
    ("author: //span[@class='by']", "author"),
    ("date: //time/@datetime", "date"),
    ("strip: //aside", "strip"),
    ("strip_id_or_class: share-tools", "strip"),
    ("strip_image_src: /pixel/", "strip"),
    ("single_page_link: //a[@class='print']/@href", "single_page_link"),
    ("next_page_link: //a[@rel='next']", "next_page_link"),
    ("prune: no", "prune"),
    ("tidy: no", "tidy"),
    ("find_string: <br><br>", "find_string"),
    ("http_header(user-agent): x", "http_header"),
    ("test_url: https://a.example/x", "test_url"),
    ("strip: //div[@class='x'", "invalid XPath in strip"),
]


@pytest.mark.parametrize("line, becomes", DIRECTIVES, ids=[d[0] for d in DIRECTIVES])
def test_each_site_config_directive(line: str, becomes: str) -> None:
    config = parse_site_config(f"# comment\n{line}\n", Path("a.example.txt"))
    if becomes == "article":
        assert config.article and not config.unsupported
    elif becomes in ("title", "author", "date"):
        assert config.fields[becomes] and not config.unsupported
    elif becomes == "strip":
        assert [number for number, _, _ in config.strips] == [2] and not config.unsupported
    else:
        assert dict(config.unsupported) == {becomes: 1} and config.kept == 0
        assert any(note.startswith("line 2:") for note in config.notes) or becomes.startswith("invalid")


def test_strip_id_or_class_matches_whole_names() -> None:
    from lxml import etree

    (_, expression, _), = parse_site_config("strip_id_or_class: share\n", Path("a.example.txt")).strips
    root = etree.fromstring("<div><p class='x share'>a</p><p id='share'>b</p><p class='shared'>c</p></div>")
    assert [el.text for el in root.xpath(expression)] == ["a", "b"]


def test_import_siteconfig_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "import-siteconfig", str(CONFIGS), "-o", str(tmp_path / "sites")]) == 0
    out = capsys.readouterr().out
    assert "harbour-gazette.example.txt: kept 7, skipped 4: prune ×1, tidy ×1, single_page_link ×1, test_url ×1" in out
    assert "2 site configs" in out
    packs = sorted(p.name for p in (tmp_path / "sites").glob("*.toml"))
    assert packs == ["harbour-gazette.example.toml", "quay-news.example.toml"]
    rules = load_rules([tmp_path / "sites"], defaults=False)
    assert {site.name for site in rules.sites} == {"harbour-gazette.example", "quay-news.example"}
    quay = next(site for site in rules.sites if site.name == "quay-news.example")
    assert quay.domains == ("quay-news.example",)  # ".quay-news.example.txt": the site and its subdomains


def test_the_shipped_pack_is_the_converted_fixture_config() -> None:
    """rules/sites/harbour-gazette.example.toml was made by import-siteconfig (plus examples)."""
    config = read_site_config(CONFIGS / "harbour-gazette.example.txt")
    shipped = (ROOT / "rules" / "sites" / "harbour-gazette.example.toml").read_text(encoding="utf-8")
    for _, expression, _ in config.strips:
        assert expression in shipped
