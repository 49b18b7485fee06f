"""The command line: outputs, rule options, explain, rules subcommands, and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli import main

from conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_6ffb47693998821b" / "input.txt"
PROMO = '''[pack]
name = "promo"

[[rules]]
id = "promo.deal"
category = "promo"
action = "drop"
lines = ["Deal of the day"]
'''


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def article(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BODY = "The first paragraph of the story is here.\n\nDeal of the day\n\nThe second paragraph closes it.\n"


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["clean", str(SEED)], capsys)
    assert code == 0 and err == ""
    assert out.count("\n\n") == 31 and "ADVERTISEMENT" not in out


def test_json_output_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["clean", "--format", "json", str(SEED)], capsys)
    data = json.loads(out)
    assert list(data) == ["schema", "source", "title", "metadata", "text", "highlights", "images", "removed"]
    assert data["source"]["path"] == str(SEED) and data["source"]["kind"] == "text"


def test_markdown_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["clean", "--format", "markdown", str(SEED)], capsys)
    assert code == 0
    assert "*[Image: Russia continues to launch aerial strikes" in out


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "seed.txt"
    code, out, _ = run(["clean", str(SEED), "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("Vladimir Putin has publicly confirmed")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"ADVERTISEMENT\n\nHello there.\n")))
    code, out, _ = run(["clean", "-"], capsys)
    assert (code, out) == (0, "Hello there.\n")


def test_user_rules_disable_and_no_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = article(tmp_path, "ADVERTISEMENT\n\n" + BODY)
    pack = article(tmp_path, PROMO, "promo.toml")
    _, out, _ = run(["clean", str(doc), "--rules", str(pack)], capsys)
    assert "Deal of the day" not in out and "ADVERTISEMENT" not in out
    _, out, _ = run(["clean", str(doc), "--rules", str(pack), "--disable", "ads.marker"], capsys)
    assert "ADVERTISEMENT" in out
    _, out, _ = run(["clean", str(doc), "--rules", str(pack), "--no-default-rules"], capsys)
    assert "ADVERTISEMENT" in out and "Deal of the day" not in out


def test_explain_names_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", str(SEED)], capsys)
    assert code == 0
    assert "removed by ads.marker (ad)" in out
    assert "caption by heuristic.caption" in out
    assert "line 25" in out


def test_rules_list_check_test(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "list"], capsys)
    assert code == 0 and "ads.marker" in out
    pack = article(tmp_path, PROMO, "promo.toml")
    code, out, _ = run(["rules", "check", str(pack)], capsys)
    assert code == 0 and out.splitlines()[-1] == f"ok: 1 rule in {pack}"
    assert out.splitlines()[0].split()[:2] == ["promo.deal", "lines"]
    code, out, _ = run(["rules", "test"], capsys)
    assert code == 0 and out.rstrip().endswith("0 failed")
    bad = article(tmp_path, PROMO + '\n[rules.examples]\nmatch = ["nope"]\n', "bad.toml")
    code, out, _ = run(["rules", "test", str(bad)], capsys)
    assert code == 1 and "FAIL promo.deal" in out and "0 passed, 1 failed" in out


def test_empty_file_gives_empty_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = article(tmp_path, "")
    assert run(["clean", str(empty)], capsys) == (0, "", "")
    code, out, _ = run(["clean", "--format", "json", str(empty)], capsys)
    assert code == 0 and json.loads(out)["text"] == ""


@pytest.mark.parametrize("setup, code, message", [
    (lambda p: p / "missing.txt", 1, "missing.txt: no such file (check the path)"),
    (lambda p: _bytes(p / "bin.dat", bytes(range(256)) * 8), 1, "bin.dat: binary data, not text or HTML"),
    (lambda p: _bytes(p / "c1.txt", bytes(range(0x80, 0xA0)) * 40), 1, "c1.txt: the text does not decode cleanly"),
])
def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], setup, code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    path = setup(tmp_path)
    got, out, err = run(["clean", str(path)], capsys)
    assert got == code and out == ""
    assert err.startswith("cleaner: error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize("pack, message", [
    ("[pack\nname = 'x'\n", "invalid TOML"),
    (PROMO.replace('"drop"', '"explode"'), "promo.toml:7: rule 'promo.deal': unknown action 'explode'"),
])
def test_bad_rules_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], pack: str, message: str) -> None:
    rules = article(tmp_path, pack, "promo.toml")
    code, out, err = run(["clean", str(SEED), "--rules", str(rules)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("cleaner: error: ") and message in err and err.count("\n") == 1


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = article(tmp_path, BODY, "good.txt")
    out_dir = tmp_path / "out"
    code, _, err = run(["clean", str(tmp_path / "nope.txt"), str(good), "-o", str(out_dir)], capsys)
    assert code == 1 and "nope.txt: no such file" in err
    assert (out_dir / "good.txt").read_text(encoding="utf-8").startswith("The first paragraph")


def test_input_files_are_not_modified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = article(tmp_path, "ADVERTISEMENT\n\n" + BODY)
    before = (doc.read_bytes(), doc.stat().st_mtime_ns)
    run(["clean", str(doc), "-o", str(tmp_path / "x.json"), "--format", "json"], capsys)
    assert (doc.read_bytes(), doc.stat().st_mtime_ns) == before


def test_usage_error_exit_2() -> None:
    done = subprocess.run([sys.executable, "-m", "cleaner", "clean", "--format", "yaml"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "invalid choice" in done.stderr and "Traceback" not in done.stderr


def test_help_mentions_every_command() -> None:
    done = subprocess.run([sys.executable, "-m", "cleaner", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("clean", "explain", "rules"):
        assert command in done.stdout


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_clean_file_api_reads_gzip(tmp_path: Path) -> None:
    import gzip

    import cleaner

    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode()))
    assert cleaner.clean_file(path).text.startswith("The first paragraph")
    with pytest.raises(cleaner.InputError, match="no such file"):
        cleaner.clean_file(tmp_path / "missing.txt")


def test_markdown_of_raw_text_makes_the_headline_a_title(capsys: pytest.CaptureFixture[str]) -> None:
    case = FIXTURES / "text" / "01_wire_ap" / "input.txt"
    code, out, _ = run(["clean", "--format", "markdown", str(case)], capsys)
    assert code == 0 and out.startswith("# Senate negotiators unveil $48 billion plan")
    assert out.count("\n# ") == 0  # only the one title


# --- paper cuts a new user hit ------------------------------------------------------------------

@pytest.fixture
def umask():
    """Set the process umask for one test (and put the old one back)."""
    import os

    saved = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(saved)


@pytest.mark.parametrize("mask, file_mode, folder_mode", [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)],
                         ids=["umask-022", "umask-027"])
def test_outputs_get_the_usual_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str], umask,
                                           mask: int, file_mode: int, folder_mode: int) -> None:
    """Files written via a temp file (mkstemp makes them 0600) get 0666 less the umask, like `>` does."""
    import stat

    umask(mask)
    one, jsonl, tree, report = tmp_path / "one.txt", tmp_path / "all.jsonl", tmp_path / "tree", tmp_path / "r.html"
    pages = FIXTURES / "batch" / "pages"
    assert run(["clean", str(SEED), "-o", str(one)], capsys)[0] == 0
    assert run(["clean", "-q", "-j", "1", str(pages), "-o", str(tree)], capsys)[0] == 0
    assert run(["clean", "-q", "-j", "1", "-f", "jsonl", str(pages), "-o", str(jsonl)], capsys)[0] == 0
    assert run(["review", str(SEED), "-o", str(report)], capsys)[0] == 0
    files = [one, jsonl, report] + [p for p in tree.rglob("*") if p.is_file()]
    folders = [tree] + [p for p in tree.rglob("*") if p.is_dir()]
    assert len(files) > 4 and len(folders) > 1
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {str(p): oct(file_mode) for p in files}
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in folders} == {str(p): oct(folder_mode) for p in folders}


def test_rewriting_a_file_keeps_its_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str], umask) -> None:
    import stat

    target = tmp_path / "private.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert run(["clean", str(SEED), "-o", str(target)], capsys)[0] == 0
    assert target.read_text(encoding="utf-8") != "old" and stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("inputs", [["text/01_wire_ap/input.txt", "text/05_blog_casual/input.txt"], ["batch/pages"],
                                    ["batch/records.jsonl"]], ids=["two files", "a folder", "a JSONL file"])
@pytest.mark.parametrize("name", ["out.txt", "out.json", "OUT.MD", "out.jsonl"])
def test_many_documents_to_a_file_name_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        inputs: list[str], name: str) -> None:
    target = tmp_path / name
    code, out, err = run(["clean", "-q", *[str(FIXTURES / i) for i in inputs], "-o", str(target)], capsys)
    assert code == 2 and out == "" and not target.exists()
    assert err.startswith(f"cleaner: error: {target}: ") and "folder" in err and len(err.splitlines()) == 1


def test_many_documents_to_a_folder_with_a_dot_still_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A trailing slash or an existing folder says it is a folder, whatever its name ends with."""
    two = [str(FIXTURES / "text" / "01_wire_ap" / "input.txt"), str(FIXTURES / "text" / "05_blog_casual" / "input.txt")]
    assert run(["clean", "-q", *two, "-o", f"{tmp_path / 'new.txt'}/"], capsys)[0] == 0
    (tmp_path / "old.txt").mkdir()
    assert run(["clean", "-q", *two, "-o", str(tmp_path / "old.txt")], capsys)[0] == 0
    assert run(["clean", "-q", "-f", "jsonl", *two, "-o", str(tmp_path / "all.jsonl")], capsys)[0] == 0
    assert len(list((tmp_path / "new.txt").rglob("*.txt"))) == len(list((tmp_path / "old.txt").rglob("*.txt"))) == 2
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("inputs", [[str(SEED)], [str(SEED), str(FIXTURES / "text" / "01_wire_ap" / "input.txt")]],
                         ids=["one input", "two inputs"])
@pytest.mark.parametrize("command", ["clean", "review"])
def test_output_under_a_file_says_not_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  inputs: list[str], command: str) -> None:
    blocker = tmp_path / "passwd"
    blocker.write_text("root:x:0:0\n", encoding="utf-8")
    target = blocker / "x.txt"
    code, out, err = run([command, *inputs, "-o", str(target)], capsys)
    assert code == 2 and out == ""
    assert err == f"cleaner: error: {target}: {blocker} is not a directory (check the -o path)\n"
    assert blocker.read_text(encoding="utf-8") == "root:x:0:0\n"


VERDICT = re.compile(r"^. (.*?) +((?:body|removed|caption|credit|label|highlight|metadata|image)(?: by .*)?)$")


def block_lines(out: str) -> list[str]:
    """The one-line-per-block part of `cleaner explain`: after its header lines, before the counts."""
    lines = out.split("\n\nblocks: ")[0].splitlines()
    return [line for line in lines if not line.startswith(("extraction: ", "site pack: "))]


@pytest.mark.parametrize("page", [FIXTURES / "explain" / "long-paths" / "input.html", SEED,
                                  FIXTURES / "html" / "comments-and-chrome" / "input.html"], ids=lambda p: p.parent.name)
def test_explain_keeps_its_columns_on_long_element_paths(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", str(page)], capsys)
    lines = block_lines(out)
    assert code == 0 and len(lines) >= 5
    bars = {line.index(" | ") for line in lines}
    verdicts = {VERDICT.match(line[:line.index(" | ")].rstrip()).start(2) for line in lines}
    assert len(bars) == 1 and len(verdicts) == 1, "\n".join(lines)
    assert max(bars) <= 110


def test_explain_shortens_a_long_path_from_the_left(capsys: pytest.CaptureFixture[str]) -> None:
    """The end of an element path says which element it is; the start is the same on every line."""
    page = FIXTURES / "explain" / "long-paths" / "input.html"
    _, out, _ = run(["explain", str(page)], capsys)
    wheres = [VERDICT.match(line[:line.index(" | ")].rstrip()).group(1) for line in block_lines(out)]
    shortened = [w for w in wheres if w.startswith("…")]
    assert shortened and all(len(w) == len(shortened[0]) for w in shortened)
    assert {w.rsplit("/", 1)[-1] for w in shortened} >= {"h1", "p[1]", "p[2]", "p[3]", "p[4]"}
    assert "/html/body/header" in wheres and "/html/body/footer" in wheres


def test_rules_test_takes_rules_like_the_other_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--rules` adds packs to the rules in force (repeatable, with --no-default-rules and --disable, as for
    `clean`); a pack named without it is tested alone, as before."""
    good = article(tmp_path, PROMO + '\n[rules.examples]\nmatch = ["Deal of the day"]\nno_match = ["A deal."]\n',
                   "good.toml")
    bad = article(tmp_path, PROMO.replace("promo", "other") + '\n[rules.examples]\nmatch = ["nope"]\n', "bad.toml")
    _, out, _ = run(["rules", "test"], capsys)
    builtin = int(out.split()[-4])
    code, out, _ = run(["rules", "test", "--rules", str(good)], capsys)
    assert code == 0 and out.splitlines()[-1] == f"{builtin + 2} passed, 0 failed"
    code, out, _ = run(["rules", "test", "--no-default-rules", "--rules", str(good), "--rules", str(bad)], capsys)
    assert code == 1 and "FAIL other.deal" in out and out.splitlines()[-1] == "2 passed, 1 failed"
    code, out, _ = run(["rules", "test", "--rules", str(good), "--rules", str(bad), "--disable", "other.deal"], capsys)
    assert code == 0 and out.splitlines()[-1] == f"{builtin + 2} passed, 0 failed"
    code, out, _ = run(["rules", "test", str(good)], capsys)
    assert code == 0 and out.splitlines()[-1] == "2 passed, 0 failed"
    code, out, err = run(["rules", "test", "--rules", str(tmp_path / "missing.toml")], capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "missing.toml" in err


@pytest.mark.parametrize("folder", ["existing", "new/"])
def test_one_file_into_a_folder_is_written_inside_it(folder: str, tmp_path: Path) -> None:
    """`-o out/` (or an existing folder) with one input writes out/<name>.txt, as a batch would,
    instead of failing with "Is a directory"."""
    source = tmp_path / "story.txt"
    source.write_text("Harbour cranes idle\n\nContainer ships queued outside the port on Tuesday.\n", encoding="utf-8")
    if not folder.endswith("/"):
        (tmp_path / folder).mkdir()
    assert main(["clean", "-q", str(source), "-o", f"{tmp_path}/{folder}"]) == 0  # Path would drop the final /
    written = tmp_path / folder.rstrip("/") / "story.txt"
    assert "Container ships queued" in written.read_text(encoding="utf-8")
