"""Decoding bytes and telling text from HTML: every encoding path, and refusals."""

from __future__ import annotations

import codecs

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
