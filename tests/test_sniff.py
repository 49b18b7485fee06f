"""Decoding bytes and telling text from HTML: every encoding path, and refusals."""

from __future__ import annotations

import codecs
import random

import pytest

from cleaner import InputError
from cleaner.sniff import decode, sniff_kind

TEXT = "Café “crème” — déjà vu, 5 €.\n\nSecond paragraph here, with some more words in it."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"),          # no BOM: found by its NUL pattern
    TEXT.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    TEXT.encode("cp1252"),             # legacy 8-bit: detection
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom", "cp1252"])
def test_decodes(data: bytes) -> None:
    assert decode(data) == TEXT


def test_declared_charset_wins_for_legacy_html() -> None:
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет, мир</p></body></html>'
    assert "Привет, мир" in decode(page.encode("koi8-r"))


def test_declared_utf16_in_8bit_bytes_is_ignored() -> None:
    page = '<html><head><meta charset="utf-16"></head><body><p>Café</p></body></html>'
    assert "Café" in decode(page.encode("cp1252"))


@pytest.mark.parametrize("data, message", [
    (bytes(range(256)) * 4, "binary data"),
    (b"\x89PNG\r\n\x1a\n" + bytes(500), "binary data"),
    (bytes(range(0x80, 0xA0)) * 40, "does not decode cleanly"),
])
def test_refuses(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, source="x.bin")


# Short garbage behind a byte-order mark: UTF-16 reads nearly any bytes as *some* characters.
SHORT_GARBAGE = [
    b"\xff\xfe\x41\xd8\x9c\xe3\x01\x02\x80\x99\xaa\xbb",   # a lone surrogate, private use, mixed scripts
    b"\xff\xfe" + bytes(range(0xE0, 0xEA)),                 # five private-use characters
    b"\xff\xfejunk bytes",                                  # 8-bit text read in pairs: five CJK ideographs
    b"\xfe\xffjunk bytes",
    codecs.BOM_UTF32_LE + b"\x01\x02\x03\x04" * 2,
]
# Real short text in UTF-16 and UTF-32, which must still decode.
SHORT_TEXTS = ["Hi", "x", "\n", "你好", "你好世界", "北京欢迎你", "我們的學校", "佢哋喺度", "東京タワーへ行く",
               "日本語のテキスト、です。", "ＡＢＣの本", "2024年3月5日", "안녕하세요", "大韓民國 서울", "한국어 韓國語 Korean",
               "Привет мир\n", "Γειά σου κόσμε", "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก",
               "Hello 世界", "Tōkyō 東京", "Hi 👋 there", "Москва — столица России.\r\n"]


@pytest.mark.parametrize("data", SHORT_GARBAGE, ids=lambda data: repr(data[:6]))
def test_refuses_short_garbage_behind_a_bom(data: bytes) -> None:
    with pytest.raises(InputError, match="does not decode cleanly"):
        decode(data, source="x.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", SHORT_TEXTS)
def test_decodes_short_wide_text(text: str, codec: str) -> None:
    assert decode(("\ufeff" + text).encode(codec)) == text


def test_refuses_most_random_bytes_behind_a_bom() -> None:
    """Not all: five random UTF-16 code units can look like a line of Chinese and Korean."""
    generator = random.Random(2024)
    refused = 0
    for _ in range(500):
        try:
            decode(codecs.BOM_UTF16_LE + generator.randbytes(10))
        except InputError:
            refused += 1
    assert refused >= 400


@pytest.mark.parametrize("text, kind", [
    ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    ("\ufeff  <html lang=en><p>Hi</p>", "html"),
    ('<?xml version="1.0" encoding="utf-8"?>\n<html><body></body></html>', "html"),
    ("<p>One</p><p>Two</p><div>Three</div>", "html"),
    ("Plain text that mentions <html> once.", "text"),
    ("ADVERTISEMENT\n\nA paragraph.", "text"),
    ("", "text"),
])
def test_sniff_kind(text: str, kind: str) -> None:
    assert sniff_kind(text) == kind
