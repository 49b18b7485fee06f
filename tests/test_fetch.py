"""Fetching URLs, against an HTTP server the tests start on 127.0.0.1 (no other address is ever touched).

Every case of issue 14 has a route here: redirects, 404, 500 then 200, 429, a response slower
than the timeout, a body that trickles past the deadline, gzip, a wrong charset header, a
robots.txt that forbids a path, and a 100 MB body past the size limit.
"""

from __future__ import annotations

import gzip
import json
import re
import shlex
import socket
import threading
import time
from collections import Counter
from dataclasses import replace
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest

import cleaner
from cleaner.cli import main
from cleaner.errors import InputError, UsageError
from cleaner.fetch import USER_AGENT, FetchOptions, Fetcher, fetch_many, fetch_url
from cleaner.sinks import url_output_path

from conftest import FIXTURES, ROOT

ARTICLE = (FIXTURES / "html" / "agency-photo-picture" / "input.html").read_bytes()
ARTICLE_TEXT = (FIXTURES / "html" / "agency-photo-picture" / "expected.txt").read_text(encoding="utf-8")
CAFE = "<html><head><title>Café</title></head><body><p>Un café crème au comptoir, s'il vous plaît.</p></body></html>"
HUGE = 100 * 2**20
FAST = FetchOptions(timeout=0.5, delay=0, backoff=0.01, trust_env=False)


class Handler(BaseHTTPRequestHandler):
    """Routes for every fetch case; `server.state` records what the client did."""

    server: Any

    def log_message(self, *args: Any) -> None:  # keep pytest's output clean
        pass

    def do_GET(self) -> None:  # noqa: C901 - one route table
        state = self.server.state
        path = self.path.split("?")[0]
        with state["lock"]:
            state["hits"][path] += 1
            state["agents"].append(self.headers.get("User-Agent"))
            state["starts"].append((path, time.monotonic()))
            state["in_flight"] += 1
            state["max_in_flight"] = max(state["max_in_flight"], state["in_flight"])
            hits = state["hits"][path]
        self.left = False
        try:
            self.route(path, hits)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (size limit, timeout): that is the point of some routes
        finally:
            self.leave()

    def leave(self) -> None:
        """This request no longer counts as in flight (once: the route may say so before replying)."""
        if not self.left:
            self.left = True
            with self.server.state["lock"]:
                self.server.state["in_flight"] -= 1

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route(self, path: str, hits: int) -> None:
        state = self.server.state
        if path == "/robots.txt":
            self.send(state["robots_status"], state["robots"].encode(), "text/plain")
        elif path in ("/article.html", "/private/secret.html", "/sleepy"):
            if path == "/sleepy":
                time.sleep(0.1)
                self.leave()  # before the reply: once the client has it, it may send the next request
            self.send(200, ARTICLE)
        elif path == "/redirect":
            self.send(301, headers={"Location": "/hop"})
        elif path == "/hop":
            self.send(302, headers={"Location": f"http://127.0.0.1:{self.server.server_port}/article.html"})
        elif path == "/loop":
            self.send(302, headers={"Location": "/loop"})
        elif path == "/to-private":
            self.send(302, headers={"Location": "/private/secret.html"})
        elif path == "/to-ftp":
            self.send(302, headers={"Location": "ftp://127.0.0.1/file"})
        elif path == "/missing":
            self.send(404, b"<p>no such page</p>")
        elif path == "/flaky":  # 500, then 200
            self.send(500, b"oops") if hits == 1 else self.send(200, ARTICLE)
        elif path == "/down":
            self.send(503, b"down")
        elif path == "/busy":  # 429 with Retry-After, then 200
            self.send(429, b"slow down", headers={"Retry-After": "0"}) if hits == 1 else self.send(200, ARTICLE)
        elif path == "/slow":
            time.sleep(2)
            self.send(200, ARTICLE)
        elif path == "/trickle":  # a byte every 0.1 s: no single read times out
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/gzip":
            self.send(200, gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"})
        elif path == "/gzip-bomb":  # 10 MiB of spaces in about 10 KiB
            self.send(200, gzip.compress(b" " * 10 * 2**20), headers={"Content-Encoding": "gzip"})
        elif path == "/wrong-charset":  # says Latin-1, is UTF-8
            self.send(200, CAFE.encode("utf-8"), "text/html; charset=iso-8859-1")
        elif path == "/latin1":  # says Latin-1, is Latin-1, and the page itself declares nothing
            self.send(200, CAFE.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/huge":  # 100 MB, no Content-Length: only streaming with a limit stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
            while state["sent"] < HUGE:
                self.wfile.write(chunk)
                with state["lock"]:
                    state["sent"] += len(chunk)
        elif path == "/huge-declared":  # says 100 MB up front
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE))
            self.end_headers()
            self.wfile.write(b"<p>start</p>")
            with state["lock"]:
                state["sent"] += 12
        else:
            self.send(404, b"not found")


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that would connect anywhere but 127.0.0.1, and keep proxies out of the way."""
    real = socket.create_connection

    def guarded(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] == "127.0.0.1", f"a test tried to connect to {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.state = {"lock": threading.Lock(), "hits": Counter(), "agents": [], "starts": [], "in_flight": 0,
                   "max_in_flight": 0, "sent": 0, "robots": "User-agent: *\nDisallow: /private/\n",
                   "robots_status": 200}
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def url(server: ThreadingHTTPServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"


def fails(server: ThreadingHTTPServer, path: str, options: FetchOptions = FAST) -> str:
    with pytest.raises(InputError) as info:
        fetch_url(url(server, path), options)
    assert info.value.source == url(server, path)
    return str(info.value)


# --- the library ------------------------------------------------------------------------------

def test_fetches_a_page_with_a_user_agent_that_names_cleaner(server: ThreadingHTTPServer) -> None:
    fetched = fetch_url(url(server, "/article.html"), FAST)
    assert fetched.status == 200 and fetched.content == ARTICLE and fetched.redirects == []
    assert fetched.final_url == url(server, "/article.html")
    assert server.state["agents"] and set(server.state["agents"]) == {USER_AGENT}
    assert USER_AGENT.startswith("cleaner/")


def test_redirects_are_followed_and_recorded(server: ThreadingHTTPServer) -> None:
    fetched = fetch_url(url(server, "/redirect"), FAST)
    assert fetched.final_url == url(server, "/article.html")
    assert fetched.redirects == [{"url": url(server, "/redirect"), "status": 301},
                                 {"url": url(server, "/hop"), "status": 302}]


def test_a_redirect_loop_stops(server: ThreadingHTTPServer) -> None:
    assert "more than 3 redirects" in fails(server, "/loop", replace(FAST, max_redirects=3))
    assert server.state["hits"]["/loop"] == 4


def test_a_redirect_to_another_scheme_is_refused(server: ThreadingHTTPServer) -> None:
    assert "not an http or https address" in fails(server, "/to-ftp")


def test_404_is_one_clear_error(server: ThreadingHTTPServer) -> None:
    assert fails(server, "/missing") == f"{url(server, '/missing')}: HTTP 404 Not Found (check the address)"
    assert server.state["hits"]["/missing"] == 1  # a 404 is not retried


def test_500_then_200_is_retried(server: ThreadingHTTPServer) -> None:
    fetched = fetch_url(url(server, "/flaky"), FAST)
    assert fetched.status == 200 and server.state["hits"]["/flaky"] == 2


def test_5xx_gives_up_after_the_retries(server: ThreadingHTTPServer) -> None:
    message = fails(server, "/down", replace(FAST, retries=2))
    assert "HTTP 503 Service Unavailable after 3 tries" in message and "try again later" in message
    assert server.state["hits"]["/down"] == 3


def test_429_waits_and_retries(server: ThreadingHTTPServer) -> None:
    assert fetch_url(url(server, "/busy"), FAST).status == 200
    assert server.state["hits"]["/busy"] == 2


def test_backoff_grows(server: ThreadingHTTPServer) -> None:
    started = time.monotonic()
    fails(server, "/down", replace(FAST, retries=2, backoff=0.1))
    assert time.monotonic() - started >= 0.1 + 0.2


def test_a_slow_response_times_out(server: ThreadingHTTPServer) -> None:
    started = time.monotonic()
    assert "timed out after 0.5 s (raise --timeout" in fails(server, "/slow")
    assert time.monotonic() - started < 1.5


def test_a_trickling_body_stops_at_the_deadline(server: ThreadingHTTPServer) -> None:
    started = time.monotonic()
    message = fails(server, "/trickle", replace(FAST, total_timeout=0.6))
    assert "the download took more than 0.6 s" in message
    assert time.monotonic() - started < 2


def test_gzip_body_is_decompressed(server: ThreadingHTTPServer) -> None:
    assert fetch_url(url(server, "/gzip"), FAST).content == ARTICLE


def test_gzip_bomb_stops_at_the_limit(server: ThreadingHTTPServer) -> None:
    message = fails(server, "/gzip-bomb", replace(FAST, max_bytes=2**20))
    assert "larger than 1 MiB (raise --max-bytes" in message


def test_a_wrong_charset_header_does_not_garble_utf8(server: ThreadingHTTPServer) -> None:
    fetched = fetch_url(url(server, "/wrong-charset"), FAST)
    assert "Un café crème" in cleaner.clean(fetched.content).text


def test_the_charset_header_decodes_a_page_that_needs_it(server: ThreadingHTTPServer) -> None:
    fetched = fetch_url(url(server, "/latin1"), FAST)
    assert fetched.content == CAFE  # decoded with the header's charset
    assert "Un café crème" in cleaner.clean(fetched.content).text


def test_robots_txt_is_respected(server: ThreadingHTTPServer) -> None:
    message = fails(server, "/private/secret.html")
    assert "robots.txt does not allow fetching it" in message and "--ignore-robots" in message
    assert server.state["hits"]["/private/secret.html"] == 0


def test_robots_txt_is_checked_after_a_redirect(server: ThreadingHTTPServer) -> None:
    assert "(redirected to " in fails(server, "/to-private")
    assert server.state["hits"]["/private/secret.html"] == 0


def test_ignore_robots(server: ThreadingHTTPServer) -> None:
    options = replace(FAST, robots=False)
    assert fetch_url(url(server, "/private/secret.html"), options).status == 200
    assert server.state["hits"]["/robots.txt"] == 0


@pytest.mark.parametrize(("status", "robots", "allowed"), [
    (200, "User-agent: cleaner\nDisallow: /\n\nUser-agent: *\nAllow: /\n", False),  # rules for cleaner by name
    (200, "User-agent: otherbot\nDisallow: /\n", True),  # rules for another robot
    (404, "", True),  # no robots.txt: everything allowed
    (503, "", False),  # robots.txt unreadable: nothing allowed (RFC 9309)
])
def test_robots_txt_cases(server: ThreadingHTTPServer, status: int, robots: str, allowed: bool) -> None:
    server.state["robots_status"], server.state["robots"] = status, robots
    if allowed:
        assert fetch_url(url(server, "/article.html"), FAST).status == 200
    else:
        assert "robots.txt does not allow" in fails(server, "/article.html")
        assert server.state["hits"]["/article.html"] == 0


def test_robots_crawl_delay_slows_down(server: ThreadingHTTPServer) -> None:
    server.state["robots"] = "User-agent: *\nCrawl-delay: 1\n"
    list(fetch_many([(url(server, f"/article.html?{n}"), n) for n in range(2)], FAST))
    pages = [t for path, t in server.state["starts"] if path == "/article.html"]
    assert len(pages) == 2 and pages[1] - pages[0] >= 0.95


def test_robots_txt_is_read_once_per_site(server: ThreadingHTTPServer) -> None:
    with Fetcher(FAST) as fetcher:
        for _ in range(3):
            fetcher.fetch(url(server, "/article.html"))
    assert server.state["hits"]["/robots.txt"] == 1


def test_a_100_mb_body_stops_at_the_limit_while_streaming(server: ThreadingHTTPServer) -> None:
    message = fails(server, "/huge", replace(FAST, max_bytes=2**20))
    assert "larger than 1 MiB" in message
    time.sleep(0.2)
    assert server.state["sent"] < HUGE // 2  # the client hung up long before the end


def test_a_declared_100_mb_body_is_refused_before_reading(server: ThreadingHTTPServer) -> None:
    assert "larger than 64 MiB" in fails(server, "/huge-declared", FAST)


def test_not_a_page(server: ThreadingHTTPServer) -> None:
    assert "not an HTML or text page (image/png)" in fails(server, "/image.png")


def test_connection_refused_is_one_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=r"cannot fetch .*\(check the address and the network\)"):
        fetch_url(f"http://127.0.0.1:{port}/", replace(FAST, robots=False))


def test_per_host_delay(server: ThreadingHTTPServer) -> None:
    options = replace(FAST, delay=0.3)
    jobs = [(url(server, f"/article.html?{n}"), n) for n in range(3)]
    results = list(fetch_many(jobs, options))
    assert [context for _, context, _ in results] == [0, 1, 2]
    starts = sorted(t for path, t in server.state["starts"])  # robots.txt, then three pages
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # The client waits 0.3 s between starts; the server's clock sees them with the loopback's
    # jitter (tens of ms on a loaded machine), never with no wait at all.
    assert len(starts) == 4 and min(gaps) >= 0.2


@pytest.mark.parametrize("per_host", [1, 2])
def test_per_host_concurrency(server: ThreadingHTTPServer, per_host: int) -> None:
    options = replace(FAST, per_host=per_host, robots=False)
    results = list(fetch_many([(url(server, f"/sleepy?{n}"), n) for n in range(6)], options))
    assert all(not isinstance(r, Exception) for _, _, r in results)
    assert server.state["max_in_flight"] == per_host


def test_fetch_many_keeps_order_and_goes_on_after_errors(server: ThreadingHTTPServer) -> None:
    paths = ["/article.html", "/missing", "/gzip", "/private/secret.html"]
    results = list(fetch_many([(url(server, p), p) for p in paths], FAST))
    assert [p for _, p, _ in results] == paths
    assert [type(r).__name__ for _, _, r in results] == ["Fetched", "InputError", "Fetched", "InputError"]


def test_missing_httpx_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "httpx", None)
    with pytest.raises(UsageError, match=r"needs httpx.*pip install 'cleaner\[fetch\]'"):
        fetch_url("http://127.0.0.1:9/")


# --- the command line -------------------------------------------------------------------------

CLI_FAST = ["--timeout", "0.5", "--delay", "0", "-j", "1"]


def test_cli_cleans_a_url_and_fills_in_its_address(server: ThreadingHTTPServer,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "-f", "json", url(server, "/redirect"), *CLI_FAST]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == ARTICLE_TEXT
    assert data["source"]["path"] is None and data["source"]["url"] == url(server, "/article.html")
    assert data["source"]["fetch"] == {"url": url(server, "/redirect"), "status": 200,
                                       "final_url": url(server, "/article.html"), "content_type": "text/html",
                                       "redirects": [{"url": url(server, "/redirect"), "status": 301},
                                                     {"url": url(server, "/hop"), "status": 302}]}
    schema = json.loads((ROOT / "cleaner" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_the_final_url_selects_site_packs(server: ThreadingHTTPServer, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "local.toml"
    pack.write_text('[pack]\nname = "local"\ndomains = ["127.0.0.1"]\n\n[[rules]]\nid = "local.ferry"\n'
                    'category = "test"\naction = "drop"\nregex = "the first boat left.*"\nmax_chars = 1000\n',
                    encoding="utf-8")
    assert main(["clean", "-f", "json", url(server, "/article.html"), "--rules", str(pack), *CLI_FAST]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["rule"] for r in data["removed"]].count("local.ferry") == 1
    assert "The first boat left" not in data["text"]


def test_cli_error_is_one_line(server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", url(server, "/missing"), *CLI_FAST]) == 1
    err = capsys.readouterr().err
    assert err == f"cleaner: error: {url(server, '/missing')}: HTTP 404 Not Found (check the address)\n"


def test_cli_ignore_robots(server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", url(server, "/private/secret.html"), *CLI_FAST]) == 1
    assert "robots.txt does not allow" in capsys.readouterr().err
    assert main(["clean", url(server, "/private/secret.html"), "--ignore-robots", *CLI_FAST]) == 0
    assert capsys.readouterr().out == ARTICLE_TEXT + "\n"


def test_cli_url_list_goes_on_after_errors(server: ThreadingHTTPServer, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages to clean\n{url(server, '/article.html')}\n\n{url(server, '/missing')}\n"
                       f"{url(server, '/gzip')}\nnot-a-url\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", "--input-format", "urls", str(listing), "-o", str(out), "-f", "html", *CLI_FAST]) == 1
    err = capsys.readouterr().err.splitlines()
    errors = [line for line in err if line.startswith("cleaner: error:")]
    assert errors == [
        f"cleaner: error: {listing}:4: {url(server, '/missing')}: HTTP 404 Not Found (check the address)",
        f"cleaner: error: {listing}:6: not-a-url: not an http or https address "
        "(give an address starting with http:// or https://)"]
    assert "4 documents" in err[-1] and "2 cleaned, 2 failed" in err[-1]
    host = f"127.0.0.1_{server.server_port}"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        f"{host}/article.html", f"{host}/gzip.html"]


def test_cli_url_list_on_stdin_as_jsonl(server: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    lines = f"{url(server, '/article.html')}\n{url(server, '/slow')}\n".encode()
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(lines)})())
    assert main(["clean", "--input-format", "urls", "-f", "jsonl", *CLI_FAST]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"]["line"] for r in records] == [1, 2]
    assert records[0]["result"]["text"] == ARTICLE_TEXT and records[0]["url"] == url(server, "/article.html")
    assert records[1]["result"] is None and "timed out" in records[1]["error"]


def test_cli_several_urls_and_a_file(server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    local = str(FIXTURES / "html" / "agency-photo-picture" / "input.html")
    assert main(["clean", url(server, "/article.html"), local, url(server, "/gzip"), *CLI_FAST]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("==> ")] == [
        f"==> {url(server, '/article.html')} <==", f"==> {local} <==", f"==> {url(server, '/gzip')} <=="]


def test_cli_resume_skips_fetched_urls(server: ThreadingHTTPServer, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["clean", url(server, "/article.html"), url(server, "/gzip"), "-o", str(tmp_path), *CLI_FAST]
    assert main(argv) == 0
    hits = server.state["hits"]["/article.html"]
    assert main([*argv, "--resume"]) == 0
    assert server.state["hits"]["/article.html"] == hits  # not fetched again
    assert "skipped 2 (2 already done)" in capsys.readouterr().err


def test_cli_explain_a_url(server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", url(server, "/article.html"), *CLI_FAST[:-2]]) == 0
    assert "html.figure" in capsys.readouterr().out


def test_cli_bad_fetch_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "http://127.0.0.1:9/", "--timeout", "0"]) == 2
    assert "--timeout must be a positive number" in capsys.readouterr().err


def test_url_output_paths_stay_inside_the_folder(tmp_path: Path) -> None:
    claimed: set[str] = set()
    for address in ("http://h.example/a/../../etc/passwd", "http://h.example/%2e%2e/%2fx", "http://h.example/.hidden",
                    "http://h.example/", "http://h.example/a?q=1", "http://h.example/a?q=2", "http://h.example/a"):
        path = url_output_path(tmp_path, address, "text", claimed)
        assert path.resolve().is_relative_to(tmp_path.resolve()), address
        assert not any(part.startswith(".") for part in path.relative_to(tmp_path).parts), address
    assert len(claimed) == 7


# --- the README's example, against `python -m http.server` serving fixtures/ --------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")
README_URL_COMMANDS = [line.split("  #")[0].strip() for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
                       for line in block.splitlines() if line.startswith("cleaner ")
                       and ("127.0.0.1:8000" in line or "--input-format urls" in line)]


def test_readme_shows_url_commands() -> None:
    assert len(README_URL_COMMANDS) >= 4
    assert "python -m http.server 8000 --bind 127.0.0.1 --directory fixtures" in README


@pytest.mark.parametrize("command", README_URL_COMMANDS)
def test_readme_url_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    handler = partial(SimpleHTTPRequestHandler, directory=str(FIXTURES))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        monkeypatch.chdir(ROOT)
        here = f"127.0.0.1:{httpd.server_port}"
        argv = shlex.split(command.replace("127.0.0.1:8000", here))[1:]
        for index, arg in enumerate(argv):  # a URL list names the README's port too
            if (ROOT / arg).is_file() and "127.0.0.1:8000" in (ROOT / arg).read_text(encoding="utf-8"):
                copy = tmp_path / Path(arg).name
                copy.write_text((ROOT / arg).read_text(encoding="utf-8").replace("127.0.0.1:8000", here),
                                encoding="utf-8")
                argv[index] = str(copy)
        for index, arg in enumerate(argv[:-1]):
            if arg in ("-o", "--output"):
                argv[index + 1] = str(tmp_path / argv[index + 1].lstrip("/"))
        assert main([*argv, "--delay", "0"]) == 0, capsys.readouterr().err
        assert capsys.readouterr().out or any(tmp_path.iterdir())
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_clean_url_in_the_library(server: ThreadingHTTPServer) -> None:
    result = cleaner.clean_url(url(server, "/redirect"), FAST)
    assert result.text == ARTICLE_TEXT and result.source["url"] == url(server, "/article.html")
    assert [hop["status"] for hop in result.source["fetch"]["redirects"]] == [301, 302]
