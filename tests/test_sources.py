"""Readers of batch inputs: WARC/ARC records, gzip and MHTML documents, folder walks.

Every archive and compressed file here is built by the test (warcio's writer,
gzip, the email package), so no binary fixture is needed.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
from collections import Counter
from pathlib import Path

import pytest

from cleaner.errors import InputError
from cleaner.sources import (gunzip, input_format, iter_warc, read_document, read_mhtml, strip_suffix, walk,
                             warc_records)

pytest.importorskip("warcio")

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_warc", ROOT / "fixtures" / "batch" / "make_warc.py")
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)  # type: ignore[union-attr]
warc_bytes, mhtml_bytes = make_warc.warc_bytes, make_warc.mhtml_bytes

PAGE = "<html><head><title>T{n}</title></head><body><p>Paragraph number {n} of a page.</p></body></html>"


def page(n: int, **extra: object) -> dict:
    return {"uri": f"https://example.org/{n}", "body": PAGE.format(n=n), **extra}


def records(data: bytes, name: str = "x.warc.gz") -> tuple[list[dict], Counter]:
    skipped: Counter = Counter()
    return list(iter_warc(io.BytesIO(data), name=name, skipped=skipped)), skipped


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_yields_html_and_text_records_with_their_source(compressed):
    data = warc_bytes([page(1, record_id="<urn:uuid:1>", date="2023-01-02T03:04:05Z"),
                       {"uri": "https://example.org/t", "body": "Plain text article.", "type": "resource",
                        "content_type": "text/plain"}], gzip=compressed)
    found, skipped = records(data)
    assert [sorted(r) for r in found] == [["html", "id", "source", "url"], ["id", "source", "text", "url"]]
    first = found[0]
    assert first["id"] == "<urn:uuid:1>" and first["url"] == "https://example.org/1"
    assert first["html"] == PAGE.format(n=1).encode()
    assert first["source"]["record_id"] == "<urn:uuid:1>"
    assert first["source"]["target_uri"] == "https://example.org/1"
    assert first["source"]["date"] == "2023-01-02T03:04:05Z"
    assert first["source"]["path"] == "x.warc.gz"
    assert first["source"]["offset"] > 0
    assert found[1]["text"] == b"Plain text article."
    assert skipped == Counter({"warcinfo record": 1})


def test_warc_skips_and_counts_records_that_are_not_documents():
    data = warc_bytes([
        page(1),
        {"uri": "https://example.org/1", "type": "request", "body": b""},
        {"uri": "https://example.org/logo.png", "body": b"\x89PNG\r\n\x1a\n" + bytes(40), "content_type": "image/png"},
        {"uri": "https://example.org/gone", "body": "<p>Not here</p>", "status": "404 Not Found"},
        {"uri": "https://example.org/empty", "body": b""},
        page(2),
    ])
    found, skipped = records(data)
    assert [r["url"] for r in found] == ["https://example.org/1", "https://example.org/empty", "https://example.org/2"]
    assert found[1]["html"] == b""  # an empty page is an empty document (README, "Bad input")
    assert skipped == Counter({"warcinfo record": 1, "request record": 1, "non-HTML record": 1,
                               "HTTP 4xx record": 1})


def test_warc_record_with_broken_http_header_is_an_error_and_the_rest_is_read():
    data = warc_bytes([page(1), {"uri": "https://example.org/bad", "body": b"garbage\x00\xff no status\r\n\r\nbody",
                                 "broken_http": True}, page(3)])
    found, _ = records(data)
    assert [r["url"] for r in found] == ["https://example.org/1", "https://example.org/bad", "https://example.org/3"]
    assert "error" not in found[0] and "error" not in found[2]
    assert "broken HTTP header" in found[1]["error"]
    assert found[1]["source"]["target_uri"] == "https://example.org/bad"


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("where", ["inside the last record", "inside a record header", "halfway"])
def test_truncated_warc_gives_the_records_before_the_cut_then_an_error(compressed, where):
    full = warc_bytes([page(n) for n in range(1, 6)], gzip=compressed)
    offsets = [r["source"]["offset"] for r in records(full)[0]]
    cut = {"inside the last record": len(full) - 40, "inside a record header": offsets[3] + 30,
           "halfway": len(full) // 2}[where]
    found, _ = records(full[:cut])
    good = [r for r in found if "error" not in r]
    errors = [r for r in found if "error" in r]
    assert len(errors) == 1 and found[-1] is errors[0]
    assert "trunc" in errors[0]["error"] or "cut short" in errors[0]["error"]
    assert [r["url"] for r in good] == [f"https://example.org/{n}" for n in range(1, len(good) + 1)]
    assert all(r["html"] == PAGE.format(n=n).encode() for n, r in enumerate(good, 1))
    assert len(good) < 5


def test_warc_that_is_not_a_warc_ends_with_an_error_record():
    found, _ = records(b"this is not an archive at all\n" * 10)
    assert len(found) == 1 and "damaged or truncated archive" in found[0]["error"]


def test_warc_uses_the_http_charset_when_the_payload_is_not_utf8():
    body = "<html><body><p>Café crème à la française</p></body></html>".encode("cp1252")
    found, _ = records(warc_bytes([{"uri": "https://example.org/fr", "body": body,
                                     "content_type": "text/html; charset=windows-1252"}]))
    assert found[0]["html"] == "<html><body><p>Café crème à la française</p></body></html>"


def test_warc_record_without_content_type_is_sniffed():
    found, _ = records(warc_bytes([{"uri": "https://example.org/a", "body": "Just words.\n\nMore words.",
                                     "type": "resource", "content_type": ""},
                                    {"uri": "https://example.org/b", "body": PAGE.format(n=2), "type": "resource",
                                     "content_type": ""}]))
    assert "text" in found[0] and "html" in found[1]


def test_iter_warc_reads_a_path_and_reports_a_missing_one(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([page(1)]))
    assert [r["source"]["path"] for r in iter_warc(path)] == [str(path)]
    with pytest.raises(InputError, match="no such file"):
        list(iter_warc(tmp_path / "missing.warc.gz"))


def test_record_weights_add_up_to_the_archive_size():
    data = warc_bytes([page(n) for n in range(1, 4)])
    weights = [w for _, w in warc_records(io.BytesIO(data), name="x")]
    assert len(weights) == 3
    assert 0 < sum(weights) <= len(data)


# --- gzip and MHTML documents ---------------------------------------------------------------------

def test_gzipped_documents_are_unpacked(tmp_path):
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(PAGE.format(n=1).encode()))
    assert read_document(path) == (PAGE.format(n=1).encode(), None)
    multi = tmp_path / "b.txt.gz"
    multi.write_bytes(gzip.compress(b"first part, ") + gzip.compress(b"second part"))
    assert read_document(multi)[0] == b"first part, second part"


def test_truncated_and_corrupt_gzip_are_input_errors(tmp_path):
    data = gzip.compress(("Some article text. " * 200).encode())
    with pytest.raises(InputError, match="truncated gzip"):
        gunzip(data[: len(data) // 2], "a.txt.gz")
    with pytest.raises(InputError, match="not a valid gzip"):
        gunzip(b"plain text, not gzip", "a.txt.gz")


def test_mhtml_gives_the_page_and_its_url():
    html = '<html><body><p class="x">Caf\u00e9 = caf\u00e9, a long line ' + "word " * 40 + "</p></body></html>"
    data = mhtml_bytes(html, "https://example.org/saved", images=[("https://example.org/i.png", b"\x89PNG" + bytes(30))])
    content, url = read_mhtml(data, "page.mhtml")
    assert url == "https://example.org/saved"
    text = content if isinstance(content, str) else content.decode("utf-8")
    assert text.replace("\r\n", "\n").strip() == html


def test_mhtml_file_is_read_by_read_document(tmp_path):
    path = tmp_path / "page.mht"
    path.write_bytes(mhtml_bytes(PAGE.format(n=7), "https://example.org/7"))
    content, url = read_document(path)
    assert url == "https://example.org/7" and "Paragraph number 7" in str(content)


def test_mhtml_without_a_page_is_an_input_error():
    with pytest.raises(InputError, match="not an MHTML file|no HTML part"):
        read_mhtml(b"Content-Type: image/png\r\n\r\n\x89PNG", "x.mhtml")


# --- names and folders -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, forced, expected", [
    ("a.html", "auto", "doc"), ("crawl.warc.gz", "auto", "warc"), ("old.ARC.GZ", "auto", "warc"),
    ("x.warc", "auto", "warc"), ("data.jsonl", "auto", "jsonl"), ("data.jsonl.gz", "auto", "jsonl"),
    ("notes.md", "auto", "doc"), ("dump.txt", "jsonl", "jsonl"),
])
def test_input_format(name, forced, expected):
    assert input_format(name, forced) == expected


@pytest.mark.parametrize("name, stem", [("a.html", "a"), ("a.html.gz", "a"), ("crawl.warc.gz", "crawl"),
                                        ("page.mhtml", "page"), ("README", "README"), (".html", ".html")])
def test_strip_suffix(name, stem):
    assert strip_suffix(name) == stem


def test_walk_is_sorted_recursive_and_counts_other_files(tmp_path):
    for name in ["b.html", "a.txt", "sub/c.htm", "sub/deeper/d.txt.gz", "img.png", ".hidden.html",
                 ".git/x.html", "out/old.txt", "crawl.warc.gz", "page.mhtml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    skipped: Counter = Counter()
    found = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path, skipped, exclude=tmp_path / "out")]
    assert found == ["a.txt", "b.html", "crawl.warc.gz", "page.mhtml", "sub/c.htm", "sub/deeper/d.txt.gz"]
    assert skipped == Counter({"other file": 1})


def arc_members(pages: list[tuple[str, bytes]]) -> list[bytes]:
    """An ARC (version 1) file, one member per record: the filedesc header, then HTTP responses."""
    desc = b"1 0 cleaner tests\nURL IP-address Archive-date Content-type Archive-length\n"
    members = [b"filedesc://test.arc 0.0.0.0 20240501120000 text/plain %d\n" % len(desc) + desc + b"\n"]
    for url, html in pages:
        body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
        members.append(f"{url} 192.0.2.1 20240501120000 text/html {len(body)}\n".encode() + body + b"\n")
    return members


@pytest.mark.parametrize("compressed", [True, False])
def test_arc_records_have_stable_keys(compressed):
    members = arc_members([("http://example.org/a", PAGE.format(n=1).encode()),
                           ("http://example.org/b", PAGE.format(n=2).encode())])
    data = b"".join(gzip.compress(m) for m in members) if compressed else b"".join(members)
    first, again = records(data, "old.arc.gz")[0], records(data, "old.arc.gz")[0]
    assert [r["url"] for r in first] == ["http://example.org/a", "http://example.org/b"]
    assert [r["html"] for r in first] == [PAGE.format(n=n).encode() for n in (1, 2)]
    assert first[0]["source"]["date"] == "2024-05-01T12:00:00Z"
    assert all(r["source"]["record_id"] is None and r["id"] is None for r in first)
    assert [r["source"] for r in first] == [r["source"] for r in again]
