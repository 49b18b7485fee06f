"""One answer for one bad input: the README's "Bad input" table, through every front door.

Each row runs through `clean()` / `clean_file()`, `clean_records()`, the command line on one
file, and a folder batch written as JSONL; they must agree: the same result (empty or not)
or the same error.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.errors import InputError
from cleaner.limits import LimitError, human
from cleaner.records import clean_records

PROSE = "The harbour council met on Tuesday to discuss the new pier, and agreed to fund it. " * 6
MHTML_NO_PAGE = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                 b"Content-Type: image/png\r\nContent-Location: https://x.example/a.png\r\n\r\nPNG\r\n--b--\r\n")

# (row, file name, content, options, expected): expected is ("result", text) or ("error", what the message says)
CONTENT_ROWS = [
    ("empty", "empty.txt", b"", {}, ("result", "")),
    ("whitespace only", "blank.txt", b" \n\t\n  \n", {}, ("result", "")),
    ("binary", "binary.html", bytes(range(256)) * 8, {}, ("error", "binary data, not text or HTML")),
    ("undecodable", "odd.txt", b"\x81\x8d\x8f\x90\x9d" * 400, {}, ("error", "does not decode cleanly")),
    ("short garbage behind a BOM", "junk.txt", b"\xff\xfe\x41\xd8\x9c\xe3\x01\x02\x80\x99\xaa\xbb", {},
     ("error", "does not decode cleanly")),
    ("short UTF-16 text", "short16.txt", "\ufeffHarbour 港口".encode("utf-16-le"), {}, ("result", "Harbour 港口")),
    ("too large", "big.txt", PROSE.encode() * 3, {"max_bytes": 1000}, ("error", "past --max-bytes 1000 bytes")),
    ("too many elements", "many.html", b"<html><body>" + b"<p>x</p>" * 60 + b"</body></html>",
     {"kind": "html", "max_nodes": 50},
     ("error", "the page has 62 elements, past --max-nodes 50")),
    ("not HTML, --kind html", "plain.txt", b"Just a line of plain text.", {"kind": "html"},
     ("result", "Just a line of plain text.")),
]
FILE_ROWS = [
    ("truncated gzip", "cut.txt.gz", gzip.compress(PROSE.encode() * 20)[:60], {}, ("error", "truncated gzip file")),
    ("gzip bomb", "bomb.txt.gz", gzip.compress(b"a" * 3_000_000), {"max_decompressed_bytes": 1_000_000},
     ("error", "past --max-decompressed-bytes 976.6 KiB")),
    ("broken MHTML", "page.mhtml", MHTML_NO_PAGE, {}, ("error", "no HTML part in the MHTML file")),
    ("MHTML part too large", "big.mhtml", b"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>"
     + PROSE.encode() * 40 + b"</p>", {"max_decompressed_bytes": 10_000}, ("error", "past --max-decompressed-bytes")),
]


def cli_flags(options: dict) -> list[str]:
    flags = []
    for key, value in options.items():
        flags += [f"--{key.replace('_', '-')}", str(value)]
    return flags


def cli(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, text=True, timeout=120,
                          **kwargs)


def answer_of_library(path: Path, options: dict) -> tuple[str, str]:
    try:
        return "result", cleaner.clean_file(path, **options).text
    except InputError as exc:
        return "error", str(exc)


def answer_of_records(content: bytes, options: dict) -> tuple[str, str]:
    kind = options.get("kind", "auto")
    record = {"html" if kind == "html" else "text": content, "id": "x"}
    (out,) = clean_records([record], kind=kind, max_bytes=options.get("max_bytes"), max_nodes=options.get("max_nodes"))
    return ("error", out["error"]) if out["error"] else ("result", out["result"]["text"])


def answer_of_cli(path: Path, options: dict) -> tuple[str, str]:
    done = cli(["clean", *cli_flags(options), str(path)])
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        assert done.stderr == ""
        return "result", done.stdout.rstrip("\n")
    assert done.returncode == 1 and done.stderr.startswith(f"cleaner: error: {path}: ")
    assert len(done.stderr.splitlines()) == 1
    return "error", done.stderr


def answer_of_batch(path: Path, options: dict) -> tuple[str, str]:
    done = cli(["clean", "-q", "-j", "1", "-f", "jsonl", *cli_flags(options), str(path.parent)])
    assert "Traceback" not in done.stderr
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == (1 if record["error"] else 0)
    return ("error", record["error"]) if record["error"] else ("result", record["result"]["text"])


def agree(answer: tuple[str, str], expected: tuple[str, str]) -> None:
    assert answer[0] == expected[0], answer
    if expected[0] == "result":
        assert answer[1] == expected[1]
    else:
        assert expected[1] in answer[1]


@pytest.mark.parametrize("row, name, content, options, expected", CONTENT_ROWS + FILE_ROWS,
                         ids=[row[0] for row in CONTENT_ROWS + FILE_ROWS])
def test_every_front_door_gives_the_same_answer(tmp_path: Path, row: str, name: str, content: bytes,
                                               options: dict, expected: tuple[str, str]) -> None:
    path = tmp_path / "in" / name
    path.parent.mkdir()
    path.write_bytes(content)
    agree(answer_of_library(path, options), expected)
    agree(answer_of_cli(path, options), expected)
    agree(answer_of_batch(path, options), expected)
    if (row, name, content, options, expected) in CONTENT_ROWS:
        agree(answer_of_records(content, options), expected)
        library = {k: v for k, v in options.items() if k in ("kind", "max_bytes", "max_nodes")}
        try:
            got = ("result", cleaner.clean(content, **library).text)
        except InputError as exc:
            got = ("error", str(exc))
        agree(got, expected)


def test_limit_errors_name_the_limit() -> None:
    with pytest.raises(LimitError) as caught:
        cleaner.clean("x" * 2048, max_bytes=1024, source="a.txt")
    assert caught.value.limit == "max_bytes"
    assert str(caught.value) == ("a.txt: document is 2.0 KiB, past --max-bytes 1.0 KiB (raise it with --max-bytes "
                                 "(clean(..., max_bytes=...)), or split the document)")


def test_a_page_past_max_nodes_names_the_limit_and_a_batch_goes_on(tmp_path: Path) -> None:
    page = "<html><body>" + "<div><p>x</p></div>" * 30 + "</body></html>"
    with pytest.raises(LimitError) as caught:
        cleaner.clean(page, max_nodes=40, source="a.html")
    assert caught.value.limit == "max_nodes"
    assert str(caught.value) == ("a.html: the page has 62 elements, past --max-nodes 40 (raise it with --max-nodes "
                                 "(clean(..., max_nodes=...)), or split the document)")
    assert cleaner.clean(page, max_nodes=62).text.startswith("x")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(page, encoding="utf-8")
    (folder / "b.html").write_text("<p>" + PROSE + "</p>", encoding="utf-8")
    done = cli(["clean", "-q", "-j", "1", "-f", "jsonl", "--max-nodes", "40", str(folder)])
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert done.returncode == 1 and "past --max-nodes 40" in records["a.html"]["error"]
    assert records["b.html"]["error"] is None and records["b.html"]["result"]["text"]


@pytest.mark.parametrize("value", [0, -3, 1.5, "many"])
def test_a_bad_max_nodes_is_refused(tmp_path: Path, value: object) -> None:
    page = tmp_path / "a.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    done = cli(["clean", "--max-nodes", str(value), str(page)])
    assert done.returncode == 2 and "--max-nodes" in done.stderr and "Traceback" not in done.stderr
    with pytest.raises(ValueError, match="max_nodes must be a positive number of elements"):
        cleaner.clean("<p>x</p>", max_nodes=value)


def test_a_200_mb_file_is_refused_unread(tmp_path: Path) -> None:
    """The file's size on disk decides: a sparse 200 MB file is refused without reading it."""
    big = tmp_path / "big.txt"
    with open(big, "wb") as stream:
        stream.truncate(200 * 2**20)
    done = cli(["clean", str(big)])
    assert done.returncode == 1 and "document is 200.0 MiB, past --max-bytes 64.0 MiB" in done.stderr
    with pytest.raises(LimitError):
        cleaner.clean_file(big)


def test_stdin_past_the_limit_is_refused(tmp_path: Path) -> None:
    done = cli(["clean", "--max-bytes", "1K", "-"], input=PROSE * 10)
    assert done.returncode == 1
    assert done.stderr.startswith("cleaner: error: <stdin>: document is more than 1.0 KiB, past --max-bytes 1.0 KiB")


def test_a_jsonl_line_past_the_limit_is_an_error_record_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [{"id": 1, "text": PROSE}, {"id": 2, "text": PROSE * 30}, {"id": 3, "text": PROSE}]
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = cli(["clean", "-q", "-f", "jsonl", "--max-bytes", "4K", str(source)])
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and len(records) == 3
    assert records[0]["error"] is None and records[2]["error"] is None
    size = human(len(json.dumps(lines[1]).encode()) + 1)
    assert records[1]["source"]["line"] == 2 and f"line 2 is {size}, past --max-bytes 4.0 KiB" in records[1]["error"]


def test_a_truncated_warc_gives_its_records_then_an_error_record(tmp_path: Path) -> None:
    warc = (Path(__file__).resolve().parent.parent / "fixtures" / "batch" / "crawl.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc[: len(warc) * 2 // 3])
    done = cli(["clean", "-q", "-f", "jsonl", str(cut)])
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1 and records[0]["error"] is None
    assert "truncated" in records[-1]["error"] or "cut short" in records[-1]["error"]
    library = list(clean_records(cleaner.sources.iter_warc(cut)))
    assert [bool(r["error"]) for r in library] == [bool(r["error"]) for r in records]


@pytest.mark.parametrize("text", ["a" * 2_000_000, ("word " * 400_000), ("| " * 1_000_000)])
def test_a_2_mb_line_finishes(tmp_path: Path, text: str) -> None:
    """Hang guard only (generous): a single 2 MB line in text mode; bench/README.md has the timings."""
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    done = cli(["clean", "--kind", "text", str(path)], env={**os.environ})
    assert done.returncode == 0
