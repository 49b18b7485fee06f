"""Decide what a document is (text or HTML) and decode its bytes without ever crashing.

Order of trust for bytes: a byte-order mark, strict UTF-8, a charset the document
declares (HTML meta or XML declaration), then statistical detection. Binary data and
text that no encoding reads cleanly are refused with an `InputError`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from .errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|"
    r"section|main|span|table|h[1-6]|header|link|script|style|a|ul|figure|img)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
HTML_ANYWHERE = re.compile(r"<(?:html|body|/p|/div|br\s*/?)[\s>/]", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def sniff_kind(text: str) -> str:
    """"html" when the text starts like a page (or is full of closing tags), else "text"."""
    head = text[:4096].lstrip("\ufeff")
    if HTML_START.match(head):
        return "html"
    if len(HTML_ANYWHERE.findall(head)) >= 3:
        return "html"
    return "text"


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    found = DECLARED.search(data[:8192])
    if not found:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that declares UTF-16 but reached us as 8-bit bytes is lying (WHATWG rule).
    return None if codec.startswith("utf-16") or codec.startswith("utf-32") else codec


def decode(data: bytes, *, source: str = "<input>") -> str:
    """Unicode text of a document's bytes, or an `InputError` that says why not."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            payload = data[len(bom):]
            text = _checked(payload.decode(codec, errors="replace"), source)
            return _wide_checked(text, payload, source) if codec != "utf-8" else text
    wide = _looks_utf16(data) if b"\x00" in data[:4096] else None
    if wide:
        return _wide_checked(_checked(data.decode(wide, errors="replace"), source), data, source)
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError("binary data, not text or HTML", source=source, hint="give a text or HTML file")
    codec = _declared(data) or _detect(data)
    if codec is None:
        raise InputError("cannot tell the text encoding", source=source,
                         hint="convert the file to UTF-8 first")
    return _checked(data.decode(codec, errors="replace"), source)


def _detect(data: bytes) -> str | None:
    import warnings

    from bs4.dammit import UnicodeDammit

    quiet = logging.getLogger("bs4.dammit")  # it logs "Some characters could not be decoded" to stderr
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            guess = UnicodeDammit(data[:65536], is_html=False)
    finally:
        quiet.setLevel(level)
    if guess.original_encoding is None:
        return None
    try:
        return codecs.lookup(guess.original_encoding).name
    except LookupError:
        return None


def _checked(text: str, source: str) -> str:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    sample = text[:65536]
    if not sample:
        return text
    bad = len(CONTROL.findall(sample)) + sample.count("\ufffd")
    if bad > max(8, len(sample) // 20):
        if "\x00" in sample or len(CONTROL.findall(sample)) > sample.count("\ufffd"):
            raise InputError("binary data, not text or HTML", source=source, hint="give a text or HTML file")
        raise InputError("the text does not decode cleanly in any encoding", source=source,
                         hint="convert the file to UTF-8 first")
    return text


PRINTABLE_BYTES = re.compile(rb"[\t\n\r\x20-\x7e]*")
EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "BOPOMOFO", "FULLWIDTH", "HALFWIDTH",
                        "IDEOGRAPHIC"})
WIDE_SAMPLE = 1000


def _wide_checked(text: str, payload: bytes, source: str) -> str:
    """Refuse a UTF-16/32 reading that is not writing, however short.

    Two bytes at a time, almost any bytes are *some* characters (`\\xff\\xfe` and ten bytes of
    junk give five CJK or Hangul syllables), so `_checked`'s share of replacement marks says
    nothing on a short file. Real text has few private-use, unassigned or control characters,
    keeps to one script for a while (a switch at most every other letter), and is not 8-bit
    text read in pairs (every byte printable ASCII: real UTF-16 Latin has NULs, and real
    CJK almost always has a byte outside that range within four characters).
    """
    sample = text[:WIDE_SAMPLE]
    odd = sum(ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") for ch in sample
              if ch not in "\t\n\r\f")
    scripts = [_script(ch) for ch in sample if ch.isalpha()]
    switches = sum(a != b for a, b in zip(scripts, scripts[1:]))
    pairs = PRINTABLE_BYTES.fullmatch(payload[:2 * WIDE_SAMPLE]) is not None and len(payload) >= 8
    if odd * 10 > len(sample) or (switches >= 2 and switches * 2 >= len(scripts) - 1) or pairs:
        raise InputError("the text does not decode cleanly in any encoding", source=source,
                         hint="convert the file to UTF-8 first")
    return text


def _script(ch: str) -> str:
    """The script of a letter, by the first word of its Unicode name (Han and kana count as one)."""
    word = unicodedata.name(ch, "?").split(" ", 1)[0]
    return "CJK" if word in EAST_ASIAN else word
