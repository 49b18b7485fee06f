"""The promises of SECURITY.md, each shown by a test: no network, no entity expansion, nothing
written outside -o, nothing executed from a rule file, bounded work per document."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.errors import RuleError
from cleaner.rulepack import parse_pack

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_warc", ROOT / "fixtures" / "batch" / "make_warc.py")
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)  # type: ignore[union-attr]

ESCAPES = ["../../../escaped", "/tmp/absolute-escape", "a\x00b", "C:\\Windows\\escaped", "..\\..\\escaped",
           "x" * 10_000, "./../escaped", "//server/share/escaped", "~/escaped", "CON", "con.txt"]
PAGE = "<html><body><article><h1>Seals</h1><p>" + "Seals rest on the pier at low tide, volunteers say. " * 5 \
       + "</p></article></body></html>"


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def run_batch(inputs: list[Path], outdir: Path, *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", "clean", "-q", "-j", "1", *extra, "-o", str(outdir),
                           *map(str, inputs)], capture_output=True, text=True, timeout=300, cwd=cwd)


def assert_only_inside(tmp_path: Path, outdir: Path, before: set[Path], expected: set[str]) -> None:
    """Every new file is in `outdir`, named after an input, never after a name inside a record."""
    new = files_under(tmp_path) - before
    assert all(outdir in p.parents for p in new), sorted(map(str, new))
    assert {p.relative_to(outdir).as_posix() for p in new} == expected
    assert not Path("/tmp/absolute-escape").exists()


def test_warc_target_uris_never_name_output_files(tmp_path: Path) -> None:
    # Odd records: an HTTP response whose URI path is the name; even ones: a resource whose URI is the name itself.
    specs = [{"uri": f"https://x.example/{name}", "body": PAGE, "record_id": f"<urn:uuid:{n}>"} if n % 2 else
             {"uri": name, "type": "resource", "content_type": "text/html", "body": PAGE, "record_id": f"<urn:uuid:{n}>"}
             for n, name in enumerate(ESCAPES)]
    archive = tmp_path / "in" / "crawl.warc.gz"
    archive.parent.mkdir()
    archive.write_bytes(make_warc.warc_bytes(specs))
    outdir = tmp_path / "out"
    before = files_under(tmp_path)
    done = run_batch([archive], outdir)
    assert "Traceback" not in done.stderr
    assert_only_inside(tmp_path, outdir, before, {"crawl.jsonl"})
    records = [json.loads(line) for line in (outdir / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(ESCAPES)


def test_mhtml_part_names_never_name_output_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(ESCAPES):
        page = make_warc.mhtml_bytes(PAGE, name.replace("\x00", "%00"), images=[(name.replace("\x00", ""), b"PNG")])
        (folder / f"page{n}.mhtml").write_bytes(page)
    outdir = tmp_path / "out"
    before = files_under(tmp_path)
    done = run_batch([folder], outdir)
    assert done.returncode == 0, done.stderr
    assert_only_inside(tmp_path, outdir, before, {f"page{n}.txt" for n in range(len(ESCAPES))})


def test_jsonl_ids_never_name_output_files(tmp_path: Path) -> None:
    source = tmp_path / "in" / "records.jsonl"
    source.parent.mkdir()
    source.write_text("".join(json.dumps({"id": name, "html": PAGE}) + "\n" for name in ESCAPES), encoding="utf-8")
    outdir = tmp_path / "out"
    before = files_under(tmp_path)
    done = run_batch([source], outdir)
    assert done.returncode == 0, done.stderr
    assert_only_inside(tmp_path, outdir, before, {"records.jsonl"})
    ids = [json.loads(line)["id"] for line in (outdir / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ESCAPES  # ids are data, kept as given


def test_input_paths_outside_the_common_folder_stay_inside_o(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    one, two = tmp_path / "a" / "deep" / "one.html", tmp_path / "b" / "two.html"
    one.write_text(PAGE, encoding="utf-8")
    two.write_text(PAGE, encoding="utf-8")
    outdir = tmp_path / "a" / "out"
    before = files_under(tmp_path)
    done = run_batch([Path("a/deep/one.html"), Path("a/../b/two.html")], outdir, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_only_inside(tmp_path, outdir, before, {"a/deep/one.txt", "b/two.txt"})


def test_no_network_while_cleaning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sockets raise for the whole run: pages with remote DTDs, images, base URLs still clean."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("cleaner opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/x.dtd">'
            '<html><head><base href="http://127.0.0.1:9/"><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
            '</head><body><figure><img src="http://127.0.0.1:9/a.jpg"><figcaption>Pier</figcaption></figure>'
            '<iframe src="http://127.0.0.1:9/"></iframe>' + PAGE + '</body></html>')
    assert cleaner.clean(page).text
    for path in sorted(ROOT.glob("fixtures/*/*/input.*")):
        cleaner.clean(path.read_bytes())


def test_no_entity_expansion() -> None:
    """Billion laughs and an external entity: neither is expanded, nothing is read from disk."""
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
              + ']><html><body><p>&lol9;</p><p>' + "Words of the article. " * 10 + '</p></body></html>')
    assert cleaner.clean(laughs, kind="html").text.count("lol") < 10
    secret = Path("/etc/hostname")
    xxe = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
           '<html><body><p>Host: &xxe;</p><p>' + "Words of the article. " * 10 + '</p></body></html>')
    text = cleaner.clean(xxe, kind="html").text
    if secret.exists() and secret.read_text().strip():
        assert secret.read_text().strip() not in text


def test_package_has_no_network_or_code_execution_calls() -> None:
    """No network client, eval/exec, pickle loading or subprocess anywhere in the package."""
    forbidden = ["urllib.request", "http.client", "import requests", "import socket", "eval(", "exec(",
                 "pickle.load", "subprocess", "os.system", "__import__", "import_module", "marshal"]
    found = [(path.name, word) for path in sorted((ROOT / "cleaner").glob("*.py"))
             for word in forbidden if word in path.read_text(encoding="utf-8")]
    assert found == []


@pytest.mark.parametrize("field, value", [
    ("selector", "a); __import__('os').system('touch /tmp/pwned'"),
    ("selector", "div:contains(os.system)"),
    ("regex", "(?{system('x')})"),
    ("action", "exec"),
])
def test_rule_files_are_data_never_code(field: str, value: str) -> None:
    pack = {"id": "user.x", "category": "x", "action": "drop", field: value}
    if field == "action":
        pack["lines"] = ["x"]
    source = "[[rules]]\n" + "".join(f"{key} = {json.dumps(val)}\n" for key, val in pack.items())
    try:
        rules = parse_pack(source, "user.toml")
    except RuleError:
        return
    for rule in rules:  # loaded (cssselect reads :contains as a text test): running it executes nothing
        cleaner.clean(PAGE, rules=cleaner.load_rules(), kind="html")
        assert rule.selector == value
    assert not os.path.exists("/tmp/pwned")
