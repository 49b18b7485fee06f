"""Regression cases for what fuzzing found, and the resource limits (see SECURITY.md)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import writers
from cleaner.sources import decode_declared
from cleaner.errors import RuleError
from cleaner.rulepack import parse_pack


@pytest.mark.parametrize("char", ["\x02", "\x07", "\x0b", "\x1f", "\ufffe"])
def test_control_characters_in_html_tails_do_not_crash(char: str) -> None:
    """Fuzz crash: libxml2 keeps a control character in a tail that lxml refuses to set back."""
    html = f"<html><body><p>Start<button>x</button>tail {char} end</p><p>{'Words of prose here. ' * 8}</p></body></html>"
    result = cleaner.clean(html, kind="html")
    assert "tail" in result.text and char not in result.text


def test_huge_repeat_count_is_a_rule_error() -> None:
    """Fuzz crash: `re` raised OverflowError (not re.error) on a repeat count past its limit."""
    with pytest.raises(RuleError, match="fuzz.toml:5: rule 'a.b'"):
        parse_pack("[[rules]]\nid = 'a.b'\ncategory = 'x'\naction = 'drop'\nregex = 'a{99999999999}'\n", "fuzz.toml")


@pytest.mark.parametrize("depth", [1500, 5000])
def test_deeply_nested_figure_caption(depth: int) -> None:
    """Fuzz crash: figures._text_without recursed once per nesting level (RecursionError)."""
    html = ("<html><body><figure><img src='a.jpg'>" + "<span>" * depth + "Seals on the pier" + "</span>" * depth
            + "</figure><p>" + "Prose words here, and many of them. " * 10 + "</p></body></html>")
    result = cleaner.clean(html, kind="html")
    assert [image["caption"] for image in result.images] == ["Seals on the pier"]


def test_nul_in_a_declared_charset() -> None:
    """Fuzz crash: codecs.lookup() raises ValueError (not LookupError) on a charset name with a NUL."""
    page = "<html><body><p>Caf\xe9 au lait</p></body></html>".encode("latin-1")
    assert decode_declared(page, "utf\x00-8") == page



@pytest.mark.parametrize("where", ['<link rel="canonical" href="http://[::1/a">', '<base href="http://[::1">',
                                   '<meta property="og:url" content="http://[x">'])
def test_an_unparsable_page_url_does_not_crash(where: str) -> None:
    """Fuzz crash: urljoin raises ValueError ("Invalid IPv6 URL") on a base like http://[::1."""
    html = (f"<html><head>{where}</head><body><figure><img src='a.jpg'><figcaption>Pier</figcaption></figure>"
            "<p>" + "Prose words here, and many of them. " * 10 + "<a href='b.html'>a link</a></p></body></html>")
    result = cleaner.clean(html, kind="html", url="http://[::1")
    assert result.images and result.images[0]["src"].endswith("a.jpg")
    # Links are resolved only when `-f html` writes them: the same base must not crash there.
    assert "a link" in writers.render(result, "html")


def _pages() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = sorted(root.glob("fixtures/**/*.html")) + sorted((root / "fuzz" / "corpus" / "clean").glob("*"))
    odd = ["", "plain text only", "a<br>b<br>c", "<td>x<td>y", "x<li>a<li>b", "a</p>b</p>c", "<title>a", "<<<<",
           "<frameset>x<frame>", "<table>x<tr>y<td>z", "</b>x</i>y</u>z" * 50, "<?xml version='1.0'?><p>x",
           "<div>" * 5000 + "x"]
    return [p.read_bytes().decode("utf-8", "replace") for p in files] + odd


@pytest.mark.parametrize("page", _pages(), ids=range(len(_pages())))
def test_max_nodes_is_never_skipped_on_a_page_past_it(page: str) -> None:
    """parse() counts elements only when the page has enough `<` to reach the limit: a limit one
    below a page's count must always stop it, whatever the page."""
    from cleaner.htmlparse import parse
    from cleaner.limits import LimitError

    count = sum(1 for _ in parse(page).getroot().iter())
    with pytest.raises(LimitError, match=f"the page has {count:,} elements, past --max-nodes {count - 1:,}"):
        parse(page, max_nodes=count - 1)
    parse(page, max_nodes=count)
