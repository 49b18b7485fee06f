"""Fetch pages by URL, politely: robots.txt, a per-host delay and connection limit, retries.

Optional: it needs `httpx` (`pip install 'cleaner[fetch]'`), imported only when a URL is
fetched, so the core stays light. Redirects are followed here, one hop at a time, so each
hop is checked against its own site's robots.txt and recorded. Bodies are streamed and
cut off at the size limit and at a total deadline (a server that trickles bytes never
trips a per-read timeout). The response's charset is passed to decoding, which trusts it
only when the bytes are not valid UTF-8 (`sources.decode_declared`). Every failure is an
`InputError` naming the URL, what happened and what to do.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import CleanerError, InputError, UsageError
from .sources import HTML_TYPES, MAX_DOCUMENT_BYTES, TEXT_TYPES, decode_declared

if TYPE_CHECKING:
    from .result import Result
    from .ruleset import RuleSet

ROBOTS_TOKEN = "cleaner"
USER_AGENT = f"cleaner/{__version__} (article text extractor; honours robots.txt)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 512 * 1024
MAX_WAIT = 60.0  # the longest Retry-After or Crawl-delay obeyed, in seconds
T = TypeVar("T")


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch; the defaults are polite for a list of URLs on a few sites."""

    timeout: float = 10.0  # connect, and each wait for more bytes
    total_timeout: float | None = None  # the whole download (default: 6 x timeout)
    max_bytes: int = MAX_DOCUMENT_BYTES  # of the body, decompressed
    delay: float = 1.0  # between two requests to one host
    per_host: int = 1  # requests in flight to one host
    connections: int = 8  # requests in flight in all
    retries: int = 2  # more tries after a 429 or 5xx
    backoff: float = 1.0  # first wait before a retry, doubled each time
    max_redirects: int = 10
    robots: bool = True
    trust_env: bool = True  # proxies from HTTP_PROXY and friends
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    """A fetched document: its content (decoded when the HTTP charset was needed) and how it came."""

    url: str
    final_url: str
    status: int
    content_type: str
    content: bytes | str
    redirects: list[dict[str, Any]] = field(default_factory=list)

    def info(self) -> dict[str, Any]:
        """What `Result.source["fetch"]` records."""
        return {"url": self.url, "status": self.status, "final_url": self.final_url,
                "redirects": self.redirects, "content_type": self.content_type}


def is_url(name: str) -> bool:
    return name[:8].lower().startswith(("http://", "https://"))


def read_url_list(lines: Iterable[bytes | str]) -> Iterator[tuple[int, str]]:
    """(line number, URL) for each line of a URL list; blank lines and `#` comments are skipped."""
    for number, raw in enumerate(lines, 1):
        line = (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw).strip()
        if line and not line.startswith("#"):
            yield number, line


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise UsageError("fetching URLs needs httpx, which is not installed",
                         hint="pip install 'cleaner[fetch]'") from None
    return httpx


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n} bytes"


def _decompressor(encoding: str, requested: str) -> Any:
    """A zlib decompressor for the Content-Encoding we ask for (gzip, deflate), None for none."""
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise InputError(f"the server sent a body in an encoding it was not asked for ({encoding})", source=requested,
                     hint="try again later, or download the page with another tool")


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _media_type(value: str | None) -> str:
    return (value or "").partition(";")[0].strip().lower()


@dataclass
class _Host:
    slots: threading.Semaphore
    delay: float
    next_start: float = 0.0


class HostGate:
    """At most `per_host` requests in flight to a host, starting at least `delay` seconds apart."""

    def __init__(self, delay: float, per_host: int):
        self.delay, self.per_host = delay, per_host
        self.lock = threading.Lock()
        self.hosts: dict[str, _Host] = {}

    def _entry(self, host: str) -> _Host:
        with self.lock:
            if host not in self.hosts:
                self.hosts[host] = _Host(threading.Semaphore(self.per_host), self.delay)
            return self.hosts[host]

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        entry = self._entry(host)
        with entry.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, entry.next_start)
                entry.next_start = start + entry.delay
            if start > now:
                time.sleep(start - now)
            yield

    def slow_down(self, host: str, delay: float) -> None:
        """A site's robots.txt Crawl-delay: never less than the delay asked for, never more than MAX_WAIT."""
        entry = self._entry(host)
        with self.lock:
            entry.delay = max(entry.delay, min(delay, MAX_WAIT))


class Fetcher:
    """One HTTP client, robots.txt cache and host gate for a run; thread-safe."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        self.httpx = _httpx()
        opts = self.options
        self.client = self.httpx.Client(
            headers={"User-Agent": opts.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"},
            timeout=self.httpx.Timeout(opts.timeout), follow_redirects=False, trust_env=opts.trust_env,
            limits=self.httpx.Limits(max_connections=max(opts.connections, 1)))
        self.gate = HostGate(opts.delay, max(opts.per_host, 1))
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.robots_locks: dict[str, threading.Lock] = {}
        self.lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # --- one URL ---------------------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched:
        """The document at `url`, after redirects; raises `InputError` naming the URL."""
        requested = url.strip()
        if not is_url(requested):
            raise InputError("not an http or https address", source=requested,
                             hint="give an address starting with http:// or https://")
        redirects: list[dict[str, Any]] = []
        current = requested
        for _ in range(self.options.max_redirects + 1):
            self._check_robots(current, requested)
            status, location, body, media, charset = self._get(current, requested)
            if location is None:
                content = decode_declared(body, charset)
                return Fetched(requested, current, status, media, content, redirects)
            redirects.append({"url": current, "status": status})
            target = urljoin(current, location)
            if not is_url(target):
                raise InputError(f"redirected to {target[:200]!r}, which is not an http or https address",
                                 source=requested, hint="the site sends readers elsewhere; fetch that page instead")
            current = target
        raise InputError(f"more than {self.options.max_redirects} redirects", source=requested,
                         hint="the site redirects in a loop; open it in a browser to see why")

    def _get(self, url: str, requested: str) -> tuple[int, str | None, bytes, str, str | None]:
        """(status, redirect location or None, body, media type, charset) of one GET, retried on 429/5xx."""
        httpx = self.httpx
        opts = self.options
        host = _host(url)
        for attempt in range(opts.retries + 1):
            wait = None
            with self.gate.slot(host):
                started = time.monotonic()
                try:
                    with self.client.stream("GET", url) as response:
                        status = response.status_code
                        if status in RETRIED and attempt < opts.retries:
                            wait = self._retry_wait(response, attempt)
                        elif status in REDIRECTS and response.headers.get("location"):
                            return status, response.headers["location"], b"", "", None
                        elif status >= 300:
                            raise self._status_error(response, requested, attempt + 1)
                        else:
                            media = _media_type(response.headers.get("content-type"))
                            if media and media not in HTML_TYPES | TEXT_TYPES:
                                raise InputError(f"not an HTML or text page ({media})", source=requested,
                                                 hint="give the address of an article page")
                            body = self._read(response, requested, started)
                            return status, None, body, media, response.charset_encoding
                except httpx.TimeoutException:
                    raise InputError(f"timed out after {opts.timeout:g} s", source=requested,
                                     hint="raise --timeout, or try again later") from None
                except httpx.DecodingError as exc:
                    raise InputError(f"cannot decode the response body ({exc})", source=requested,
                                     hint="the server sent a broken compressed body; try again later") from None
                except httpx.HTTPError as exc:
                    raise InputError(f"cannot fetch ({type(exc).__name__}: {exc})", source=requested,
                                     hint="check the address and the network") from None
            time.sleep(wait or 0)
        raise AssertionError("unreachable")  # pragma: no cover - the last attempt returns or raises

    def _retry_wait(self, response: Any, attempt: int) -> float:
        """Seconds before the next try: the server's Retry-After when it gives seconds, else backoff."""
        value = (response.headers.get("retry-after") or "").strip()
        if value.isdigit():
            return min(float(value), MAX_WAIT)
        return min(self.options.backoff * 2 ** attempt, MAX_WAIT)

    def _status_error(self, response: Any, requested: str, tries: int) -> InputError:
        status = response.status_code
        what = f"HTTP {status} {response.reason_phrase}".strip()
        if tries > 1:
            what += f" after {tries} tries"
        if status == 429:
            hint = "the site asks for fewer requests; raise --delay and try later"
        elif status >= 500:
            hint = "the server failed; try again later"
        elif status in (404, 410):
            hint = "check the address"
        elif status in (401, 403):
            hint = "the site refuses the request (a login, or it blocks robots)"
        elif status in REDIRECTS:
            hint = "the redirect names no address"
        else:
            hint = "the site refused the request"
        return InputError(what, source=requested, hint=hint)

    def _read(self, response: Any, requested: str, started: float) -> bytes:
        """The body, streamed: never more than `max_bytes` kept, never past the total deadline.

        Compressed bodies are inflated here, a bounded piece at a time, so a small gzip
        bomb cannot grow past the limit in memory either.
        """
        limit = self.options.max_bytes
        too_big = InputError(f"larger than {_size(limit)}", source=requested,
                             hint="raise --max-bytes if the page is really that big")
        encoding = _media_type(response.headers.get("content-encoding"))
        inflate = _decompressor(encoding, requested)
        declared = response.headers.get("content-length", "")
        if inflate is None and declared.isdigit() and int(declared) > limit:
            raise too_big
        deadline = started + (self.options.total_timeout or 6 * self.options.timeout)
        body = bytearray()
        for chunk in response.iter_raw():
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, limit + 1 - len(body))
                except zlib.error as exc:
                    raise InputError(f"cannot decode the {encoding} body ({exc})", source=requested,
                                     hint="the server sent a broken compressed body; try again later") from None
            body += chunk
            if len(body) > limit:
                raise too_big
            if time.monotonic() > deadline:
                raise InputError(f"the download took more than {deadline - started:g} s", source=requested,
                                 hint="raise --timeout, or try again later")
        return bytes(body)

    # --- robots.txt ------------------------------------------------------------------------------

    def _check_robots(self, url: str, requested: str) -> None:
        if not self.options.robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self.lock:
            lock = self.robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one thread reads a site's robots.txt; the others wait for it
            if origin not in self.robots:
                self.robots[origin] = self._read_robots(origin)
        if not self.robots[origin].can_fetch(ROBOTS_TOKEN, url):
            where = "" if url == requested else f" (redirected to {url})"
            raise InputError(f"{origin}/robots.txt does not allow fetching it{where}", source=requested,
                             hint="respect the site's wishes, or use --ignore-robots if you may")

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """The site's rules (RFC 9309): none when it has no robots.txt, all forbidden when it cannot be read."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        host = _host(origin)
        try:
            with self.gate.slot(host):
                with self.client.stream("GET", origin + "/robots.txt", follow_redirects=True) as response:
                    status = response.status_code
                    body = b""
                    if status < 300:
                        for chunk in response.iter_bytes():
                            body += chunk
                            if len(body) > ROBOTS_MAX_BYTES:
                                break
        except self.httpx.HTTPError:
            status, body = 503, b""  # unreachable: RFC 9309 says assume everything is forbidden
        if status >= 500:
            parser.disallow_all = True
        elif status >= 400:
            parser.allow_all = True
        else:
            parser.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
            delay = parser.crawl_delay(ROBOTS_TOKEN)
            if delay:
                self.gate.slow_down(host, float(delay))
        return parser

    def fetch_or_error(self, url: str) -> Fetched | CleanerError:
        try:
            return self.fetch(url)
        except CleanerError as exc:
            return exc


def fetch_url(url: str, options: FetchOptions | None = None) -> Fetched:
    """Fetch one page (robots.txt, redirects, limits); raises `InputError` naming the URL."""
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url)


def clean_url(url: str, options: FetchOptions | None = None, *, kind: str = "auto",
              rules: RuleSet | None = None, max_nodes: int | None = None) -> Result:
    """Fetch and clean one page: its final address is its `url` (site packs apply), `source.fetch` says how it came.
    `options.max_bytes` bounds the body; `max_nodes` is `clean()`'s; an error names the URL."""
    from .api import clean

    fetched = fetch_url(url, options)
    try:
        result = clean(fetched.content, kind=kind, url=fetched.final_url, rules=rules, max_nodes=max_nodes)
    except CleanerError as exc:
        exc.source = exc.source or url
        raise
    result.source["fetch"] = fetched.info()
    return result


def fetch_many(jobs: Iterable[tuple[str, T]], options: FetchOptions | None = None
               ) -> Iterator[tuple[str, T, Fetched | CleanerError]]:
    """(url, context, Fetched or the error) for each (url, context), in input order.

    Downloads run in threads, `connections` at a time across hosts and `per_host` for
    one host, each host's requests `delay` seconds apart; a slow site holds up only the
    order of the output, not the other sites' downloads.
    """
    options = options or FetchOptions()
    with Fetcher(options) as fetcher, ThreadPoolExecutor(max(options.connections, 1)) as pool:
        pending: deque[tuple[str, T, Any]] = deque()
        for url, context in jobs:
            pending.append((url, context, pool.submit(fetcher.fetch_or_error, url)))
            while len(pending) > 2 * options.connections:  # a bounded look-ahead: memory stays flat
                done_url, done_context, future = pending.popleft()
                yield done_url, done_context, future.result()
        while pending:
            done_url, done_context, future = pending.popleft()
            yield done_url, done_context, future.result()
