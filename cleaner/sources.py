"""Where batch documents come from: files (plain, gzip, MHTML), folders, JSONL and WARC/ARC archives.

Readers here only find and unpack documents; cleaning happens in `batch`. Every
problem with one document or record becomes an `InputError` (single files) or an
error record (archives), and things that are not documents (a PNG in a folder, a
WARC `request` record) are counted in a `skipped` counter, so a batch can say
what it passed over and why.
"""

from __future__ import annotations

import codecs
import contextlib
import email
import email.policy
import gzip
import io
import os
import zlib
from collections import Counter
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from .errors import InputError
from .limits import DEFAULT_LIMITS, LimitError, Limits, check, human
from .sniff import sniff_kind

MAX_DOCUMENT_BYTES = DEFAULT_LIMITS.max_bytes  # the default; see cleaner.limits
READ_CHUNK = 1 << 20
DOCUMENT_SUFFIXES = (".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".xhtml", ".txt", ".mhtml", ".mht")
WARC_SUFFIXES = (".warc.gz", ".arc.gz", ".warc", ".arc")
JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
INPUT_FORMATS = ("auto", "doc", "jsonl", "warc", "urls")


def input_format(name: str, forced: str = "auto") -> str:
    """"doc", "jsonl" or "warc" for a path (by its name unless `forced`, which may also say "urls")."""
    if forced != "auto":
        return forced
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "doc"


def strip_suffix(name: str) -> str:
    """A file name without the document, archive or JSONL suffix it is known by."""
    lower = name.lower()
    for suffix in DOCUMENT_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def walk(folder: Path, skipped: Counter[str], exclude: Path | None = None,
         on_skip: Callable[[str, str], None] | None = None) -> Iterator[Path]:
    """Every document, archive and JSONL file under `folder`, sorted, hidden names and `exclude` left out.

    Files of other types are counted in `skipped` ("other file"), not read, and named to
    `on_skip(path, reason)` when it is given.
    """
    known = DOCUMENT_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES
    excluded = os.path.realpath(exclude) if exclude is not None else None
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(root, d)) != excluded)
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().endswith(known):
                yield Path(root, name)
            else:
                skipped["other file"] += 1
                if on_skip is not None:
                    on_skip(os.path.join(root, name), "other file")


def read_limited(stream: IO[bytes], source: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """At most `limit` bytes of a stream, read in chunks; more is a `LimitError` (max_bytes)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(READ_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    check(size, limit, "max_bytes", source=source, at_least=True)
    return b"".join(chunks)


def read_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The raw bytes of a file, with `InputError`s that say what went wrong.

    A file past `max_bytes` is refused by its size on disk, before it is read.
    """
    name = str(path)
    try:
        with open(path, "rb") as stream:
            try:
                size = os.fstat(stream.fileno()).st_size
            except OSError:
                size = 0
            check(size, limits.max_bytes, "max_bytes", source=name)
            return read_limited(stream, name, limits.max_bytes)
    except FileNotFoundError:
        raise InputError("no such file", source=name, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a folder", source=name, hint="give the files inside it") from None
    except PermissionError:
        raise InputError("permission denied", source=name, hint="check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=name) from None


def gunzip(data: bytes, source: str, limit: int = DEFAULT_LIMITS.max_decompressed_bytes) -> bytes:
    """Decompress gzip data, refusing truncated or corrupt streams and output past `limit` (a bomb)."""
    out = b""
    rest = data
    try:
        while rest:  # a gzip file may hold several members, one after the other
            stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += stream.decompress(rest, limit + 1 - len(out))
            check(len(out), limit, "max_decompressed_bytes", what="the gzip data unpacked", source=source,
                  at_least=True)
            if not stream.eof:
                raise InputError("truncated gzip file", source=source, hint="download or copy it again")
            rest = stream.unused_data
    except zlib.error as exc:
        raise InputError(f"not a valid gzip file ({exc})", source=source, hint="check the download") from None
    return out


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes | str, str | None]:
    """One document file's content and the URL it names (MHTML), unpacking gzip and MHTML."""
    name = str(path)
    data = read_file(path, limits)
    lower = name.lower()
    if lower.endswith(".gz"):
        data = gunzip(data, name, limits.max_decompressed_bytes)
    if lower.endswith((".mhtml", ".mht")):
        return read_mhtml(data, name, limits)
    return data, None


def read_mhtml(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes | str, str | None]:
    """The page of a single-file saved page (MHTML, as browsers save it) and its URL."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.get_content_type().startswith(("multipart/", "text/")):
        raise InputError(f"not an MHTML file (content type {message.get_content_type()})", source=source,
                         hint="give a page saved as 'Webpage, single file'")
    snapshot = message.get("Snapshot-Content-Location")
    parts = [p for p in message.walk() if p.get_content_type() in HTML_TYPES | TEXT_TYPES]
    if not parts:
        raise InputError("no HTML part in the MHTML file", source=source,
                         hint="give a page saved as 'Webpage, single file'")
    main = next((p for p in parts if snapshot and p.get("Content-Location") == snapshot), None)
    main = main or next((p for p in parts if p.get_content_type() in HTML_TYPES), parts[0])
    payload = main.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise InputError("the MHTML page part is empty", source=source)
    check(len(payload), limits.max_decompressed_bytes, "max_decompressed_bytes", what="the MHTML page part",
          source=source)
    url = snapshot or main.get("Content-Location")
    return decode_declared(payload, main.get_content_charset()), url


def decode_declared(data: bytes, charset: str | None) -> bytes | str:
    """Text in a charset declared outside the document (HTTP, MIME), used only when UTF-8 fails.

    Returns the bytes unchanged when there is no usable declaration, leaving BOM,
    meta-charset and detection to `clean()`.
    """
    if not charset:
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(codecs.lookup(charset.strip("\"' ")).name)
    except (LookupError, UnicodeDecodeError, ValueError):  # ValueError: a NUL in the charset name
        return data


def jsonl_lines(stream: IO[bytes], limit: int = MAX_DOCUMENT_BYTES) -> Iterator[tuple[int, bytes | LimitError]]:
    """(line number, line) for every non-blank line of a JSONL stream.

    Lines are read in chunks; a line past `limit` (max_bytes) is never held whole: its
    number comes with a `LimitError` instead, and reading goes on after its end.
    """
    number = 0
    while True:
        chunks: list[bytes] = []
        size = 0
        while True:
            part = stream.readline(READ_CHUNK)
            if not part:
                break
            size += len(part)
            if size <= limit:
                chunks.append(part)
            else:
                chunks = []  # past the limit: stop holding the line
            if part.endswith(b"\n"):
                break
        if not size:
            return
        number += 1
        if size > limit:
            yield number, LimitError(f"line {number} is {human(size)}, past --max-bytes {human(limit)}",
                                     limit="max_bytes")
            continue
        line = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if line.strip():
            yield number, line


def open_jsonl(path: str) -> IO[bytes]:
    """A JSONL file opened for reading, gunzipped on the fly when its name ends in .gz."""
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


# --- WARC / ARC -----------------------------------------------------------------------------------

class _Counting:
    """A read-only stream that counts the bytes read and keeps the first and the last few.

    The head tells an archive from something else; the tail tells whether an
    uncompressed archive ends with blank lines only or with a cut-off record.
    """

    KEEP = 65536

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.offset = 0
        self.head = stream.read(4096)
        self._pending = self.head
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        if self._pending:
            data, self._pending = (self._pending, b"") if size < 0 or size >= len(self._pending) else \
                (self._pending[:size], self._pending[size:])
        else:
            data = self.stream.read(size)
        self.offset += len(data)
        self.tail = (self.tail + data)[-self.KEEP:]
        return data

    def tell(self) -> int:
        return self.offset

    def start(self) -> bytes:
        """The first bytes of the archive, gunzipped if need be (b"" if they do not gunzip)."""
        if self.head[:2] != b"\x1f\x8b":
            return self.head.lstrip(b"\r\n")
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(self.head).lstrip(b"\r\n")
        except zlib.error:
            return b""

    def looks_like_archive(self) -> bool:
        return not self.head.strip() or self.start().startswith((b"WARC/", b"filedesc://"))

    def ends_cleanly_after(self, end: int) -> bool:
        """Only blank lines follow byte `end` (the end of the last record)."""
        rest = self.offset - end
        return rest <= len(self.tail) and not self.tail[len(self.tail) - rest:].strip()


def _archive_iterator(stream: _Counting) -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise InputError("reading WARC files needs warcio", hint="pip install warcio") from None

    class Iterator_(ArchiveIterator):  # type: ignore[misc, valid-type]
        """Notes whether the archive was gzipped and its last member ended properly; keeps warcio quiet."""

        gzipped = False
        gzip_complete = True

        def close(self) -> None:
            decompressor = self.reader.decompressor if self.reader else None
            if decompressor is not None and hasattr(decompressor, "eof"):
                self.gzipped, self.gzip_complete = True, decompressor.eof
            super().close()

        def _consume_blanklines(self) -> Any:
            # warcio prints a warning to stderr when a record is not followed by blank lines
            # (a wrong Content-Length); it still reads on, and so do we, without the noise.
            with contextlib.redirect_stderr(io.StringIO()):
                return super()._consume_blanklines()

    return Iterator_(stream, arc2warc=True)


def iter_warc(path_or_stream: str | Path | IO[bytes], *, name: str | None = None,
              skipped: Counter[str] | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[dict[str, Any]]:
    """Records of a WARC or ARC file (plain or gzipped), ready for `clean_records`.

    Each `response` or `resource` record with an HTML or plain-text payload gives
    `{"id", "url", "html" or "text", "source"}`; `source` holds the archive's path,
    the record id, target URI, date and offset. A damaged record (broken HTTP
    header, cut short) gives `{"id", "url", "source", "error"}`, and a damaged or
    truncated archive ends with such an error record. Other records are counted
    in `skipped` by reason. Opening a path that cannot be read raises `InputError`.
    """
    for record, _ in warc_records(path_or_stream, name=name, skipped=skipped, limits=limits):
        yield record


def warc_records(path_or_stream: str | Path | IO[bytes], *, name: str | None = None, skipped: Counter[str] | None = None,
                 limits: Limits = DEFAULT_LIMITS,
                 on_skip: Callable[[str, str], None] | None = None) -> Iterator[tuple[dict[str, Any], int]]:
    """`iter_warc` plus the number of archive bytes each record took (for progress).

    A skipped record is also named to `on_skip("archive@offset (uri)", reason)` when it is given."""
    skipped = skipped if skipped is not None else Counter()
    if isinstance(path_or_stream, (str, Path)):
        name = name or str(path_or_stream)
        try:
            stream: IO[bytes] = open(path_or_stream, "rb")
        except FileNotFoundError:
            raise InputError("no such file", source=name, hint="check the path") from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", source=name) from None
        with stream:
            yield from _records(stream, name, skipped, limits, on_skip)
    else:
        yield from _records(path_or_stream, name or getattr(path_or_stream, "name", "<stream>"), skipped, limits,
                            on_skip)


def _records(raw: IO[bytes], name: str, skipped: Counter[str], limits: Limits = DEFAULT_LIMITS,
             on_skip: Callable[[str, str], None] | None = None) -> Iterator[tuple[dict[str, Any], int]]:
    stream = _Counting(raw)
    if not stream.looks_like_archive():
        yield _archive_error(name, 0, 0, "not a WARC or ARC file (it does not start with a WARC/1.x or ARC header)"), 0
        return
    archive = _archive_iterator(stream)
    arc = stream.start().startswith(b"filedesc://")  # ARC: warcio invents record ids, different each run
    count = 0
    offset = 0
    try:
        for entry in archive:
            complete = entry.rec_headers.get_header("Content-Length") is not None  # mandatory in WARC
            record = _warc_record(entry, name, arc, limits.max_bytes) if complete else ""
            archive.read_to_end()
            truncated = getattr(entry.raw_stream, "limit", 0) > 0 or not complete
            start = archive.get_record_offset()
            end = start + archive.get_record_length()
            weight, offset = max(end - offset, 0), end
            if isinstance(record, str) and not truncated:
                skipped[record] += 1
                if on_skip is not None:
                    uri = entry.rec_headers.get_header("WARC-Target-URI")
                    on_skip(f"{name}@{start}" + (f" ({uri})" if uri else ""), record)
                continue
            if isinstance(record, str) or truncated:
                record = _error(_bare(entry, name, arc), "the record is cut short (the archive is truncated)",
                                "download or copy the archive again")
            record["source"]["offset"] = start
            count += 1
            yield record, weight
            if truncated:
                return
    except Exception as exc:  # warcio raises many types on damaged archives
        yield _archive_error(name, offset, count, f"{type(exc).__name__}: {exc}"), 0
        return
    if archive.gzipped and not archive.gzip_complete:
        yield _archive_error(name, offset, count, "unexpected end of the gzip stream"), 0
    elif not archive.gzipped and not stream.ends_cleanly_after(offset):
        yield _archive_error(name, offset, count, "the file ends inside a record header"), 0


def _archive_error(name: str, offset: int, count: int, what: str) -> dict[str, Any]:
    return {"id": None, "url": None, "source": {"path": name, "offset": offset},
            "error": f"damaged or truncated archive after {count} records, at byte {offset}: {what} "
                     "(the records before it were read; download or copy the archive again)"}


def _error(record: dict[str, Any], what: str, hint: str) -> dict[str, Any]:
    return {"id": record.get("id"), "url": record.get("url"), "source": record["source"], "error": f"{what} ({hint})"}


def _bare(entry: Any, name: str, arc: bool) -> dict[str, Any]:
    headers = entry.rec_headers
    record_id = None if arc else headers.get_header("WARC-Record-ID")
    url = headers.get_header("WARC-Target-URI")
    return {"id": record_id, "url": url, "source": {"path": name, "record_id": record_id, "target_uri": url,
                                                     "date": headers.get_header("WARC-Date")}}


def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _warc_record(entry: Any, name: str, arc: bool, limit: int = MAX_DOCUMENT_BYTES) -> dict[str, Any] | str:
    """The record for one warcio record, or why it is skipped."""
    if entry.rec_type not in ("response", "resource"):
        return f"{entry.rec_type or 'unknown'} record"
    record = _bare(entry, name, arc)
    headers = entry.rec_headers
    http = entry.http_headers
    if entry.rec_type == "response" and (headers.get_header("Content-Type") or "").startswith("application/http"):
        if http is None:  # warcio reads HTTP headers only for http: and https: URIs
            return "non-HTTP record"
        if not http.protocol.upper().startswith("HTTP/") or not http.get_statuscode().isdigit():
            line = f"{http.protocol} {http.statusline}".strip()[:60]
            return _error(record, f"broken HTTP header (status line {line!r})", "the record is skipped")
        if not http.get_statuscode().startswith("2"):
            return f"HTTP {http.get_statuscode()[0]}xx record"
        media, charset = _media_type(http.get_header("Content-Type"))
    else:
        media, charset = _media_type(headers.get_header("Content-Type"))
    if media and media not in HTML_TYPES | TEXT_TYPES:
        return "non-HTML record"
    try:
        payload = read_limited(entry.content_stream(), name, limit)  # bounded: also a gzip bomb in the body
    except LimitError as exc:
        return _error(record, exc.message, f"{exc.hint}; the record is skipped")
    except Exception as exc:  # a broken chunked or compressed HTTP body
        return _error(record, f"cannot decode the HTTP body ({type(exc).__name__}: {exc})",
                      "the record is skipped")
    if not media:
        media = "text/html" if sniff_kind(payload[:4096].decode("latin-1")) == "html" else "text/plain"
    record["html" if media in HTML_TYPES else "text"] = decode_declared(payload, charset)
    return record
