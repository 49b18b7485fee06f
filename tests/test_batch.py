"""Batches: clean_records, `cleaner clean` over folders, archives and JSONL, workers, resume, bad input.

The CLI runs in-process through `cli.main`; archives, gzip and MHTML files are
built by the tests. Documents are raw text unless a test is about HTML, and those
skip until `cleaner.html` exists.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import io
import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

from cleaner import clean, clean_records, iter_warc
from cleaner.errors import UsageError
from cleaner.cli import main
from cleaner.progress import Progress, counted
from cleaner.sinks import JsonlFile, safe_join

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_warc", ROOT / "fixtures" / "batch" / "make_warc.py")
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)  # type: ignore[union-attr]

ARTICLE = "Headline number {n}\n\nThe first paragraph of article {n} says what happened.\n\nADVERTISEMENT\n\n" \
          "The second paragraph of article {n} adds the details.\n"


def article(n: int) -> str:
    return ARTICLE.format(n=n)


def expected_text(n: int) -> str:
    return clean(article(n), kind="text").text


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(["clean", *args])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for n, name in enumerate(["a.txt", "b.txt", "sub/c.txt", "sub/deep/d.txt"], 1):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(article(n))
    return root


def text_warc(tmp_path: Path, count: int, *, name: str = "crawl.warc.gz", extra: list | None = None) -> Path:
    specs = [{"uri": f"https://example.org/{n}", "body": article(n), "content_type": "text/plain",
              "record_id": f"<urn:uuid:{n:08d}>"} for n in range(1, count + 1)]
    path = tmp_path / name
    path.write_bytes(make_warc.warc_bytes(specs + (extra or [])))
    return path


# --- clean_records ----------------------------------------------------------------------------------

def test_clean_records_yields_one_record_per_input_in_order_with_errors_as_records():
    records = [{"id": 1, "text": article(1)}, {"id": 2, "url": "https://example.org/x"},
               {"id": 3, "text": article(3), "url": "https://example.org/3"}, {"id": 4, "html": ["not", "text"]},
               {"id": 5, "text": "   "}, {"id": 6, "error": "broken upstream"}]
    out = list(clean_records(iter(records)))
    assert [r["id"] for r in out] == [1, 2, 3, 4, 5, 6]
    assert out[0]["error"] is None and out[0]["result"]["text"] == expected_text(1)
    assert out[0]["result"]["schema"] == "cleaner/1"
    assert "neither an 'html' nor a 'text' field" in out[1]["error"] and out[1]["result"] is None
    assert out[2]["url"] == "https://example.org/3" and out[2]["result"]["source"]["url"] == "https://example.org/3"
    assert "is list, not a string" in out[3]["error"]
    assert out[4]["error"] is None and out[4]["result"]["text"] == ""  # blank: an empty result (README table)
    assert out[5]["error"] == "broken upstream"
    assert set(out[0]) == {"id", "url", "source", "result", "error"}


def test_clean_records_field_names_and_kind_override():
    out = list(clean_records([{"key": "k", "body": article(2), "link": "https://e.org/"}],
                             text_field="body", id_field="key", url_field="link"))
    assert out[0]["id"] == "k" and out[0]["url"] == "https://e.org/" and out[0]["result"]["text"] == expected_text(2)
    assert out[0]["result"]["source"]["kind"] == "text"


def test_clean_records_is_picklable_and_runs_in_a_worker_process():
    import multiprocessing

    assert pickle.loads(pickle.dumps(clean_records)) is clean_records
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        got = pool.apply(_records_in_worker, ([{"id": 7, "text": article(7)}],))
    assert got == [expected_text(7)]


def _records_in_worker(records: list[dict]) -> list[str]:
    return [r["result"]["text"] for r in clean_records(records)]


def test_iter_warc_feeds_clean_records(tmp_path):
    path = text_warc(tmp_path, 3)
    out = list(clean_records(iter_warc(path)))
    assert [r["result"]["text"] for r in out] == [expected_text(n) for n in (1, 2, 3)]
    assert [r["source"]["record_id"] for r in out] == ["<urn:uuid:00000001>", "<urn:uuid:00000002>",
                                                       "<urn:uuid:00000003>"]


# --- folders ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_to_output_folder_mirrors_the_tree(folder, tmp_path, capsys, jobs):
    out = tmp_path / "out"
    code, stdout, err = run([str(folder), "-o", str(out), "-j", jobs], capsys)
    assert code == 0 and stdout == ""
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["a.txt", "b.txt", "sub/c.txt", "sub/deep/d.txt"]
    assert (out / "sub" / "deep" / "d.txt").read_text() == expected_text(4) + "\n"
    assert "4 documents" in err and "4 cleaned, 0 failed" in err


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("markdown", ".md")])
def test_folder_output_formats(folder, tmp_path, capsys, fmt, suffix):
    out = tmp_path / "out"
    assert run([str(folder), "-o", str(out), "-f", fmt, "-q"], capsys)[0] == 0
    written = out / "sub" / ("c" + suffix)
    assert written.exists()
    if fmt == "json":
        assert json.loads(written.read_text())["text"] == expected_text(3)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="only a forked worker inherits the rules")
def test_forked_workers_use_the_rules_the_parent_loaded(folder, tmp_path, capsys, monkeypatch):
    """Each worker loaded the rules again (a quarter of a second of CPU); a forked one has them."""
    def refuse(*args, **kwargs):
        raise AssertionError("a worker loaded the rules again")

    out = tmp_path / "out"
    from cleaner import batch
    monkeypatch.setattr(batch, "load_rules", refuse)  # the CLI loads them through its own import
    code, _, err = run([str(folder), "-o", str(out), "-j", "2"], capsys)
    assert code == 0 and "4 cleaned, 0 failed" in err, err
    assert (out / "a.txt").read_text() == expected_text(1) + "\n"
    assert batch._FORKED == {}  # nothing of this batch is left for the next one


def test_jsonl_stream_is_in_input_order_and_the_same_for_any_number_of_workers(folder, tmp_path, capsys):
    for n in range(5, 25):
        (folder / f"z{n:02d}.txt").write_text(article(n))
    serial = run([str(folder), "-f", "jsonl", "-j", "1", "-q"], capsys)
    parallel = run([str(folder), "-f", "jsonl", "-j", "2", "-q"], capsys)
    assert serial[0] == parallel[0] == 0
    assert serial[1] == parallel[1]
    records = jsonl(serial[1])
    assert [r["id"] for r in records][:4] == [str(folder / n) for n in ("a.txt", "b.txt", "z05.txt", "z06.txt")]
    assert all(set(r) == {"id", "url", "source", "result", "error"} for r in records)
    assert records[0]["source"] == {"path": str(folder / "a.txt")} and records[0]["error"] is None


def test_several_files_to_stdout_keep_their_headers(folder, capsys):
    code, out, _ = run([str(folder / "a.txt"), str(folder / "b.txt"), "-q"], capsys)
    assert code == 0
    assert out == f"==> {folder / 'a.txt'} <==\n{expected_text(1)}\n\n==> {folder / 'b.txt'} <==\n{expected_text(2)}\n\n"


def test_output_folder_inside_the_input_is_not_read_back(folder, capsys):
    out = folder / "cleaned"
    assert run([str(folder), "-o", str(out), "-q"], capsys)[0] == 0
    assert run([str(folder), "-o", str(out)], capsys)[2].count("4 documents") == 1
    assert not (out / "cleaned").exists()


def test_two_inputs_with_the_same_stem_get_different_outputs(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article(1))
    (tmp_path / "in" / "a.txt.gz").write_bytes(gzip.compress(article(2).encode()))
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"], capsys)[0] == 0
    assert (tmp_path / "out" / "a.txt").read_text() == expected_text(1) + "\n"
    assert (tmp_path / "out" / "a.txt.gz.txt").read_text() == expected_text(2) + "\n"


def test_inputs_are_never_touched(folder, tmp_path, capsys):
    warc = text_warc(tmp_path, 2)
    before = {p: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
              for p in list(folder.rglob("*")) + [warc] if p.is_file()}
    run([str(folder), str(warc), "-o", str(tmp_path / "out"), "-q"], capsys)
    run([str(folder), str(warc), "-o", str(tmp_path / "out"), "-q", "--resume"], capsys)
    after = {p: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in before}
    assert before == after
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["a.txt", "b.txt", "c.txt", "d.txt"]


# --- archives and JSONL ---------------------------------------------------------------------------

def test_warc_to_output_folder_gives_one_jsonl_beside_the_mirrored_files(folder, tmp_path, capsys):
    warc = text_warc(folder, 3, extra=[{"uri": "https://example.org/logo.png", "body": b"\x89PNG" + bytes(20),
                                        "content_type": "image/png"}])
    code, _, err = run([str(folder), "-o", str(tmp_path / "out")], capsys)
    assert code == 0
    records = jsonl((tmp_path / "out" / "crawl.jsonl").read_text())
    assert [r["source"]["target_uri"] for r in records] == [f"https://example.org/{n}" for n in (1, 2, 3)]
    assert [r["result"]["text"] for r in records] == [expected_text(n) for n in (1, 2, 3)]
    assert records[0]["id"] == "<urn:uuid:00000001>"
    assert records[0]["source"]["date"] == "2024-05-01T12:00:00Z" and records[0]["source"]["path"] == str(warc)
    assert "1 non-HTML record" in err and "1 warcinfo record" in err
    assert not list((tmp_path / "out").glob(".*partial"))


def test_archive_record_names_never_become_output_paths(tmp_path, capsys):
    evil = [{"uri": "https://example.org/../../../../escape.txt", "body": article(1), "content_type": "text/plain",
             "record_id": "<../../escape>"},
            {"uri": "https://example.org//etc/passwd", "body": article(2), "content_type": "text/plain", "record_id": "/abs"}]
    warc = tmp_path / "in" / "evil.warc.gz"
    warc.parent.mkdir()
    warc.write_bytes(make_warc.warc_bytes(evil))
    out = tmp_path / "deep" / "out"
    assert run([str(warc), "-o", str(out), "-q"], capsys)[0] == 0
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "deep/out/evil.jsonl", "in/evil.warc.gz"]


@pytest.mark.parametrize("relative", ["../x.txt", "a/../../x.txt", "/etc/passwd", ""])
def test_safe_join_refuses_paths_that_leave_the_folder(tmp_path, relative):
    with pytest.raises(Exception, match="leave the output folder"):
        safe_join(tmp_path, relative)


def test_jsonl_input_with_configurable_fields(tmp_path, capsys):
    data = tmp_path / "docs.jsonl"
    data.write_text(json.dumps({"doc": "d1", "body": article(1), "link": "https://e.org/1"}) + "\n\n" +
                    json.dumps({"doc": "d2", "body": article(2)}) + "\n")
    code, out, _ = run([str(data), "-f", "jsonl", "--text-field", "body", "--id-field", "doc", "--url-field", "link",
                        "-q"], capsys)
    records = jsonl(out)
    assert code == 0 and [r["id"] for r in records] == ["d1", "d2"]
    assert records[0]["url"] == "https://e.org/1" and records[1]["source"] == {"path": str(data), "line": 3}
    assert records[1]["result"]["text"] == expected_text(2)


def test_jsonl_from_stdin(monkeypatch, capsys):
    lines = "".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in (1, 2))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    code, out, _ = run(["--input-format", "jsonl", "-f", "jsonl", "-q"], capsys)
    assert code == 0 and [r["result"]["text"] for r in jsonl(out)] == [expected_text(1), expected_text(2)]


# --- bad input in a batch ---------------------------------------------------------------------------

def test_bad_documents_in_a_folder_are_error_records_or_counted_skips(folder, tmp_path, capsys):
    (folder / "binary.html").write_bytes(bytes(range(256)) * 8)
    (folder / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 400)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (folder / "cut.txt.gz").write_bytes(gzip.compress(article(9).encode() * 20)[:60])
    code, out, err = run([str(folder), "-f", "jsonl", "-j", "2"], capsys)
    assert code == 1
    records = {Path(r["id"]).name: r for r in jsonl(out)}
    assert sorted(records) == ["a.txt", "b.txt", "binary.html", "c.txt", "cut.txt.gz", "d.txt", "empty.txt",
                               "undecodable.txt"]
    assert records["empty.txt"]["error"] is None and records["empty.txt"]["result"]["text"] == ""
    assert [records[n]["result"]["text"] for n in ("a.txt", "b.txt", "c.txt", "d.txt")] == [
        expected_text(n) for n in (1, 2, 3, 4)]
    assert "binary data" in records["binary.html"]["error"]
    assert records["undecodable.txt"]["error"] and records["undecodable.txt"]["result"] is None
    assert "truncated gzip" in records["cut.txt.gz"]["error"]
    assert f"cleaner: error: {folder / 'binary.html'}: binary data" in err
    assert "3 failed" in err and "1 other file" in err
    assert "Traceback" not in err


def test_bad_records_in_archives_and_jsonl(tmp_path, capsys):
    good = text_warc(tmp_path, 3, extra=[
        {"uri": "https://example.org/broken", "body": b"not http at all\r\n\r\nbody", "broken_http": True},
        {"uri": "https://example.org/data.bin", "body": bytes(300), "content_type": "application/octet-stream"}])
    full = text_warc(tmp_path, 6, name="cut.warc.gz")
    cut = tmp_path / "cut-short.warc.gz"
    cut.write_bytes(full.read_bytes()[: len(full.read_bytes()) - 50])
    full.unlink()
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"id": "ok", "text": article(5)}) + "\n{not json\n" +
                     json.dumps({"id": "none", "title": "no body"}) + "\n[1, 2]\n")
    out = tmp_path / "out"
    code, _, err = run([str(good), str(cut), str(lines), "-o", str(out), "-j", "2"], capsys)
    assert code == 1
    crawl = jsonl((out / "crawl.jsonl").read_text())
    assert [r["error"] is None for r in crawl] == [True, True, True, False]
    assert "broken HTTP header" in crawl[3]["error"]
    short = jsonl((out / "cut-short.jsonl").read_text())
    assert [r["result"]["text"] for r in short[:5]] == [expected_text(n) for n in range(1, 6)]
    assert len(short) == 6 and "cut short" in short[5]["error"]
    parsed = jsonl((out / "lines.jsonl").read_text())
    assert parsed[0]["result"]["text"] == expected_text(5)
    assert "line 2 is not JSON" in parsed[1]["error"] and parsed[1]["source"] == {"path": str(lines), "line": 2}
    assert "neither an 'html' nor a 'text' field" in parsed[2]["error"] and parsed[2]["id"] == "none"
    assert "not an object" in parsed[3]["error"]
    assert f"cleaner: error: {lines}:2: line 2 is not JSON" in err
    assert "1 non-HTML record" in err and "5 failed" in err


def test_missing_input_in_a_batch_is_an_error_and_the_rest_is_done(folder, tmp_path, capsys):
    code, out, err = run([str(folder / "a.txt"), str(tmp_path / "nope.txt"), "-f", "jsonl"], capsys)
    assert code == 1 and f"cleaner: error: {tmp_path / 'nope.txt'}: no such file" in err
    assert [r["error"] is None for r in jsonl(out)] == [True, False]


# --- usage and single inputs ------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--resume"], "--resume needs -o"),
    (["-j", "0"], "--jobs must be at least 1"),
])
def test_usage_errors_exit_2(folder, capsys, args, message):
    code, _, err = run([str(folder), *args], capsys)
    assert code == 2 and message in err and err.startswith("cleaner: error:")


def test_jsonl_output_to_a_folder_is_a_usage_error(folder, tmp_path, capsys):
    code, _, err = run([str(folder), "-f", "jsonl", "-o", str(tmp_path)], capsys)
    assert code == 2 and "names one JSONL file" in err
    assert issubclass(UsageError, Exception)


def test_single_inputs_keep_their_behaviour(tmp_path, capsys):
    path = tmp_path / "one.txt.gz"
    path.write_bytes(gzip.compress(article(1).encode()))
    assert run([str(path)], capsys) == (0, expected_text(1) + "\n", "")
    code, out, err = run([str(tmp_path / "missing.txt")], capsys)
    assert code == 1 and err == f"cleaner: error: {tmp_path / 'missing.txt'}: no such file (check the path)\n"
    code, out, _ = run([str(path), "-f", "jsonl"], capsys)
    assert jsonl(out)[0]["result"]["text"] == expected_text(1)


# --- resume -----------------------------------------------------------------------------------------

def test_resume_skips_finished_files_and_redoes_missing_ones(folder, tmp_path, capsys):
    out = tmp_path / "out"
    run([str(folder), "-o", str(out), "-q"], capsys)
    (out / "a.txt").write_text("KEEP ME\n")
    (out / "sub" / "c.txt").unlink()
    code, _, err = run([str(folder), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "1 document in" in err and "3 already done" in err
    assert (out / "a.txt").read_text() == "KEEP ME\n"
    assert (out / "sub" / "c.txt").read_text() == expected_text(3) + "\n"
    run([str(folder), "-o", str(out), "-q"], capsys)
    assert (out / "a.txt").read_text() == expected_text(1) + "\n"


def test_resume_continues_an_interrupted_archive(tmp_path, capsys):
    warc = text_warc(tmp_path, 5)
    out = tmp_path / "out"
    run([str(warc), "-o", str(out), "-q"], capsys)
    finished = (out / "crawl.jsonl").read_text().splitlines(keepends=True)
    marked = json.loads(finished[0])
    marked["result"]["text"] = "FROM THE FIRST RUN"
    partial = out / ".crawl.jsonl.partial"
    partial.write_text(json.dumps(marked) + "\n" + finished[1] + finished[2][:30])  # killed mid-line
    (out / "crawl.jsonl").unlink()
    code, _, err = run([str(warc), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "3 documents" in err and "2 already done" in err
    records = jsonl((out / "crawl.jsonl").read_text())
    assert [r["id"] for r in records] == [f"<urn:uuid:{n:08d}>" for n in range(1, 6)]
    assert records[0]["result"]["text"] == "FROM THE FIRST RUN"
    assert (out / "crawl.jsonl").read_text().splitlines()[1:] == [line.rstrip("\n") for line in finished[1:]]
    assert not partial.exists()
    code, _, err = run([str(warc), "-o", str(out), "--resume"], capsys)
    assert "0 documents" in err and "1 archive already done" in err


def test_resume_of_a_jsonl_output_file(folder, tmp_path, capsys):
    target = tmp_path / "all.jsonl"
    run([str(folder), "-f", "jsonl", "-o", str(target), "-q"], capsys)
    full = target.read_text()
    (folder / "e.txt").write_text(article(5))
    code, _, err = run([str(folder), "-f", "jsonl", "-o", str(target), "--resume"], capsys)
    assert code == 0 and "1 document in" in err
    records = jsonl(target.read_text())
    assert target.read_text().startswith(full) and records[-1]["result"]["text"] == expected_text(5)
    assert len({r["id"] for r in records}) == len(records) == 5


def test_jsonl_file_reads_back_complete_lines_only(tmp_path):
    partial = tmp_path / ".x.jsonl.partial"
    partial.write_text(json.dumps({"source": {"path": "a", "line": 1}}) + "\n" + '{"source": {"pa')
    sink = JsonlFile(tmp_path / "x.jsonl", resume=True)
    assert sink.done == {"a:1"}
    sink.write(json.dumps({"source": {"path": "a", "line": 2}}) + "\n")
    sink.close()
    assert [r["source"]["line"] for r in jsonl((tmp_path / "x.jsonl").read_text())] == [1, 2]


# --- progress -----------------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_summary(folder, monkeypatch, capsys):
    terminal = FakeTerminal()
    monkeypatch.setattr("cleaner.progress.REDRAW_SECONDS", 0.0)
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["clean", str(folder), "-f", "jsonl", "-j", "1"])
    shown = terminal.getvalue()
    assert code == 0 and "\r" in shown and "ETA" in shown and "documents" in shown
    assert shown.rsplit("\x1b[K", 1)[-1].startswith("cleaner: 4 documents")  # the bar is erased first
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["clean", str(folder), "-f", "jsonl", "-q"]) == 0 and terminal.getvalue() == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(folder, capsys):
    _, _, err = run([str(folder), "-f", "jsonl"], capsys)
    assert "\r" not in err and err.count("\n") == 1


def test_progress_eta_comes_from_bytes():
    stream = io.StringIO()
    progress = Progress(stream, live=True, total_bytes=1000)
    progress.advance(failed=True, nbytes=500)
    progress.draw()
    assert "50%" in stream.getvalue() and "1 error " in stream.getvalue()


@pytest.mark.parametrize("n, phrase, expected", [
    (1, "document", "1 document"), (2, "document", "2 documents"), (0, "document", "0 documents"),
    (1, "error", "1 error"), (1_200, "document", "1,200 documents"), (1, "other file", "1 other file"),
    (2, "other file", "2 other files"), (2, "HTTP 3xx record", "2 HTTP 3xx records"),
    (3, "non-HTML record", "3 non-HTML records"), (2, "archive already done", "2 archives already done"),
    (4, "already done", "4 already done"),
])
def test_counts_agree_with_their_nouns(n, phrase, expected):
    assert counted(n, phrase) == expected


def test_summary_says_one_document_and_lists_skips_with_verbose(tmp_path, capsys):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(article(1))
    (root / "logo.png").write_bytes(b"\x89PNG")
    (root / "notes.pdf").write_bytes(b"%PDF")
    code, _, err = run([str(root), "-f", "jsonl", "-j", "1"], capsys)
    assert code == 0 and err.startswith("cleaner: 1 document in ") and "1 cleaned, 0 failed" in err
    assert err.rstrip().endswith("; skipped 2 (2 other files)") and err.count("\n") == 1
    (root / "notes.pdf").unlink()
    code, _, err = run([str(root), "-f", "jsonl", "-j", "1", "-v"], capsys)
    assert err.splitlines()[:-1] == [f"cleaner: skipped {root / 'logo.png'}: other file"]
    assert err.splitlines()[-1].endswith("; skipped 1 (1 other file)")


def test_verbose_lists_skipped_archive_records_and_finished_files(folder, tmp_path, capsys):
    warc = ROOT / "fixtures" / "batch" / "crawl.warc.gz"
    code, _, err = run([str(warc), "-f", "jsonl", "-j", "1", "-v"], capsys)
    listed = err.splitlines()[:-1]
    assert code == 0 and len(listed) == 4 and all(line.startswith(f"cleaner: skipped {warc}@") for line in listed)
    assert sorted(line.rsplit(": ", 1)[1] for line in listed) == ["HTTP 3xx record", "non-HTML record",
                                                                  "request record", "warcinfo record"]
    out = tmp_path / "out"
    run([str(folder), "-o", str(out), "-q"], capsys)
    (out / "b.txt").unlink()
    code, _, err = run([str(folder), "-o", str(out), "--resume", "-v"], capsys)
    assert code == 0 and err.splitlines()[:-1] == [f"cleaner: skipped {folder / name}: already done"
                                                   for name in ("a.txt", "sub/c.txt", "sub/deep/d.txt")]
    assert err.splitlines()[-1].startswith("cleaner: 1 document in ")


def test_verbose_and_quiet_do_not_go_together(folder, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["clean", str(folder), "-q", "-v"])
    assert stopped.value.code == 2 and "not allowed with" in capsys.readouterr().err


# --- HTML (once cleaner.html exists) -----------------------------------------------------------------

def test_html_gzip_and_mhtml_documents_in_a_folder(tmp_path, capsys):
    pytest.importorskip("cleaner.html")
    pages = ROOT / "fixtures" / "batch" / "pages" / "blog"
    html = (pages / "garden.html").read_text()
    root = tmp_path / "in"
    root.mkdir()
    (root / "page.html").write_text(html)
    (root / "page2.html.gz").write_bytes(gzip.compress(html.encode()))
    (root / "saved.mhtml").write_bytes(make_warc.mhtml_bytes(html, "https://blog.example/garden"))
    code, out, _ = run([str(root), "-f", "jsonl", "-q"], capsys)
    records = jsonl(out)
    assert code == 0 and len(records) == 3
    texts = {r["result"]["text"] for r in records}
    assert texts == {clean(html, kind="html").text}
    assert "ADVERTISEMENT" not in records[0]["result"]["text"]
    assert records[2]["url"] == "https://blog.example/garden"


def test_html_records_in_a_warc(tmp_path, capsys):
    pytest.importorskip("cleaner.html")
    code, out, _ = run([str(ROOT / "fixtures" / "batch" / "crawl.warc.gz"), "-f", "jsonl", "-q"], capsys)
    records = jsonl(out)
    assert code == 0
    assert [r["url"] for r in records] == ["https://news.example/bridges", "https://blog.example/garden",
                                           "https://news.example/library"]
    assert all(r["error"] is None and r["result"]["text"] for r in records)


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path, capsys):
    data = "".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in range(1, 40)).encode()
    packed = gzip.compress(data)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    code, out, err = run([str(path), "-f", "jsonl"], capsys)
    records = jsonl(out)
    assert code == 1 and records[-1]["error"].startswith("cannot read")
    assert all(r["result"]["text"] == expected_text(r["id"]) for r in records[:-1]) and len(records) > 1
    assert "Traceback" not in err and f"cleaner: error: {path}: cannot read" in err
