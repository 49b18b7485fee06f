"""Where `clean()` spends its CPU, by stage, on the development pages (HTML and raw text).

Usage:
    python bench/stages.py [--kinds html,text] [--limit N] [--sets ...] [--top N] [--data DIR]

Every page runs through `clean()` (HTML with `kind="html", url=...`, the `text` field with
`kind="text"`), then `to_json()` and `render(result, "text")`, the writers' share, all under
cProfile. How stages are attributed: a stage's time is the cumulative time of its entry
functions (from one caller only, where a function is also called from elsewhere), and a
stage nested in another is subtracted from it, so each row is time not counted in any other
row; `clean() itself` is what no stage claims (encoding, hashing, glue). cProfile charges
each Python call a little, so Python-heavy stages look somewhat bigger than C-heavy ones
(lxml's parse), and it reads the wall clock (a CPU clock costs a system call per event,
which swamps the figures), so other jobs on a shared machine inflate every row alike:
compare shares, and see the unprofiled CPU per page printed under each table.
`--method clock` instead wraps each stage's entry (where it is looked up) with a CPU
clock (`time.process_time`): a few calls per page, so almost no overhead, but no function
detail. `--top N` also lists the N functions with the most own time. For a sampling view without
that distortion: `py-spy record -o profile.svg -- python bench/stages.py`.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import importlib
import json
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cleaner import api, writers  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("CLEANER_BENCH_DATA", REPO.parent / "shared" / "data" / "dev"))
SETS = ["l3s-gn1", "readability", "dragnet", "cleanportaleval"]

# (stage, parent stage or None, entries); an entry is (module, function) or
# (module, function, calling module, calling function).
Entry = tuple[str, ...]
HTML_STAGES: list[tuple[str, str | None, list[Entry]]] = [
    ("decode", None, [("sniff", "decode"), ("sniff", "sniff_kind")]),
    ("read_html (glue)", None, [("html", "read_html")]),
    ("parse", "read_html (glue)", [("htmlparse", "parse")]),
    ("metadata", "read_html (glue)", [("metadata", "read_metadata"), ("metadata", "page_title"),
                                      ("html", "_fill_dates")]),
    ("strip hidden", "read_html (glue)", [("htmlparse", "strip_skipped", "html", "read_html")]),
    ("selector rules", "read_html (glue)", [("html", "apply_selectors")]),
    ("figures", "read_html (glue)", [("figures", "collect_figures")]),
    ("block walk", "read_html (glue)", [("htmlparse", "walk")]),
    ("content (own)", "read_html (glue)", [("content", "select")]),
    ("scoring", "content (own)", [("scoring", "points", "content", "select"),
                                  ("scoring", "totals", "content", "select"),
                                  ("scoring", "score", "content", "select")]),
    ("pruning", "content (own)", [("pruning", "prune", "content", "select"),
                                  ("pruning", "teasers", "content", "_with_siblings"),
                                  ("pruning", "drop_repeats", "content", "select"),
                                  ("pruning", "drop_recurring_labels", "content", "select")]),
    ("article head", "content (own)", [("article_head", "find_headline", "content", "select"),
                                       ("article_head", "anchored", "content", "select"),
                                       ("article_head", "keep_headline", "content", "select")]),
    ("second look", "read_html (glue)", [("fallback", "second_look")]),
    ("block rules", None, [("engine", "apply_rules")]),
    ("captions", None, [("credits", "attach_images")]),
    ("language", None, [("language", "detect_lines_language", "api", "clean")]),
    ("result", None, [("result", "build_result")]),
    ("writers (to_json, text)", None, [("result", "to_json"), ("writers", "render")]),
]
TEXT_STAGES: list[tuple[str, str | None, list[Entry]]] = [
    ("decode", None, [("sniff", "decode"), ("sniff", "sniff_kind")]),
    ("read_text (own)", None, [("text", "read_text")]),
    ("normalise lines", "read_text (own)", [("text", "normalise_line", "text", "read_text")]),
    ("wrap width", "read_text (own)", [("text", "wrap_width", "text", "read_text")]),
    ("dump lines (pagedump)", "read_text (own)", [("pagedump", "row_cells", "text", "read_text"),
                                                 ("pagedump", "segment_line", "text", "read_text")]),
    ("block rules", None, [("engine", "apply_rules")]),
    ("rule matching", "block rules", [("engine", "_matches", "engine", "apply_rules")]),
    ("classify (own)", None, [("heuristics", "classify_blocks")]),
    ("language", "classify (own)", [("language", "detect_page_language", "heuristics", "classify_blocks")]),
    ("shapes", "classify (own)", [("shapes", "shape", "heuristics", "<listcomp>"),
                                  ("shapes", "mark_lists_and_repeats", "heuristics", "classify_blocks")]),
    ("comments", "classify (own)", [("comments", "stamp_lines", "heuristics", "classify_blocks"),
                                    ("comments", "comment_markers", "heuristics", "classify_blocks"),
                                    ("comments", "comment_counts", "heuristics", "_body_run")]),
    ("depth", "classify (own)", [("depth", name, "heuristics", "classify_blocks") for name in
                                 ("body_level", "level_end", "closing_lines", "other_column", "interleaved")]),
    ("headline, gallery, markup", "classify (own)", [("headline", "find_headline", "heuristics", "classify_blocks"),
                                                     ("gallery", "galleries", "heuristics", "classify_blocks"),
                                                     ("markup", "leaked_markup", "heuristics", "classify_blocks")]),
    ("title", None, [("text", "find_title", "api", "clean")]),
    ("join pieces", None, [("pagedump", "join_pieces")]),
    ("captions", None, [("credits", "attach_images")]),
    ("body language", None, [("language", "detect_lines_language", "api", "clean")]),
    ("result", None, [("result", "build_result")]),
    ("writers (to_json, text)", None, [("result", "to_json"), ("writers", "render")]),
]


# The same stages for `--method clock`: the names each stage's entry is called through
# ("module:attribute" or "module:Class.attribute"), wrapped with a CPU clock.
HTML_CLOCKS: dict[str, list[str]] = {
    "decode": ["api:decode", "api:sniff_kind"],
    "read_html (glue)": ["html:read_html"],
    "parse": ["html:parse"],
    "metadata": ["html:read_metadata", "html:page_title", "html:_fill_dates"],
    "strip hidden": ["html:strip_skipped"],
    "selector rules": ["html:apply_selectors"],
    "figures": ["html:collect_figures"],
    "block walk": ["htmlparse:Walker.walk"],
    "content (own)": ["html:select"],
    "scoring": ["scoring:points", "scoring:totals", "scoring:score"],
    "pruning": ["content:prune", "content:teasers", "content:drop_repeats", "content:drop_recurring_labels"],
    "article head": ["content:find_headline", "content:anchored", "content:keep_headline"],
    "second look": ["html:second_look"],
    "block rules": ["api:apply_rules"],
    "captions": ["api:attach_images"],
    "language": ["api:detect_lines_language"],
    "result": ["api:build_result"],
    "writers (to_json, text)": ["result:Result.to_json", "writers:render"],
}
TEXT_CLOCKS: dict[str, list[str]] = {
    "decode": ["api:decode", "api:sniff_kind"],
    "read_text (own)": ["api:read_text"],
    "normalise lines": ["text:normalise_line"],
    "wrap width": ["text:wrap_width"],
    "dump lines (pagedump)": ["text:row_cells", "text:segment_line"],
    "block rules": ["api:apply_rules"],
    "rule matching": ["engine:_matches"],
    "classify (own)": ["api:classify_blocks"],
    "language": ["heuristics:detect_page_language"],
    "shapes": ["heuristics:shape", "heuristics:mark_lists_and_repeats"],
    "comments": ["heuristics:stamp_lines", "heuristics:comment_markers", "heuristics:comment_counts"],
    "depth": [f"heuristics:{name}" for name in
              ("body_level", "level_end", "closing_lines", "other_column", "interleaved")],
    "headline, gallery, markup": ["heuristics:find_headline", "heuristics:galleries", "heuristics:leaked_markup"],
    "title": ["api:find_title"],
    "join pieces": ["api:join_pieces"],
    "captions": ["api:attach_images"],
    "body language": ["api:detect_lines_language"],
    "result": ["api:build_result"],
    "writers (to_json, text)": ["result:Result.to_json", "writers:render"],
}


def inputs(data: Path, sets: list[str], kind: str, limit: int) -> list[tuple[str, str | None]]:
    found = []
    for name in sets:
        with gzip.open(data / f"{name}.jsonl.gz", "rt", encoding="utf-8") as lines:
            for index, line in enumerate(lines):
                if limit and index >= limit:
                    break
                rec = json.loads(line)
                if kind == "html":
                    found.append((rec["html"], rec.get("url")))
                elif rec.get("text"):
                    found.append((rec["text"], None))
    return found


def run(pages: list[tuple[str, str | None]], kind: str) -> None:
    for data, url in pages:
        result = api.clean(data, kind=kind, url=url)  # looked up here, so `--method clock` can wrap it
        result.to_json()
        writers.render(result, "text")


def clocked(targets: dict[str, list[str]]) -> tuple[dict[str, float], Callable[[], None]]:
    """Wrap every target with a CPU clock adding to its stage; returns the sums and an undo."""
    spent = dict.fromkeys(targets, 0.0)
    undo = []
    for stage, names in targets.items():
        for name in names:
            module_name, attribute = name.split(":")
            owner: Any = importlib.import_module(f"cleaner.{module_name}")
            *path, leaf = attribute.split(".")
            for part in path:
                owner = getattr(owner, part)
            original = getattr(owner, leaf)

            def timed(*args: Any, _original: Any = original, _stage: str = stage, **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    spent[_stage] += time.process_time() - start

            setattr(owner, leaf, timed)
            undo.append((owner, leaf, original))

    def restore() -> None:
        for owner, leaf, original in reversed(undo):
            setattr(owner, leaf, original)
    return spent, restore


def _module(filename: str) -> str:
    path = Path(filename)
    return path.stem if path.parent.name == "cleaner" else ""


def cumulative(stats: pstats.Stats, entry: Entry) -> float:
    """Cumulative seconds of one entry function (only the calls from the named caller, if any)."""
    total = 0.0
    for (filename, _, name), (_, _, _, ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if _module(filename) != entry[0] or name != entry[1]:
            continue
        if len(entry) == 2:
            total += ct
            continue
        for (caller_file, _, caller_name), timing in callers.items():
            if _module(caller_file) == entry[2] and caller_name == entry[3]:
                total += timing[3]
    return total


def table(raw: dict[str, float], whole: float, stages: list[tuple[str, str | None, list[Entry]]]) -> list[tuple[str, float]]:
    """Rows of own time per stage from each stage's inclusive time; `whole` is clean() plus the writers."""
    own = dict(raw)
    for name, parent, _ in stages:
        if parent is not None:
            own[parent] -= raw[name]
    top_level = sum(raw[name] for name, parent, _ in stages if parent is None)
    rows = [(name, own[name]) for name, _, _ in stages]
    rows.append(("clean() itself", whole - top_level))
    return rows + [("total", whole)]


def report(kind: str, pages: list[tuple[str, str | None]], method: str, top: int) -> None:
    stages = HTML_STAGES if kind == "html" else TEXT_STAGES
    run(pages[:5], kind)  # warm the rule cache and imports
    start = time.process_time()
    run(pages, kind)
    plain = time.process_time() - start
    if method == "clock":
        spent, undo = clocked(HTML_CLOCKS if kind == "html" else TEXT_CLOCKS)
        clean_spent, undo_clean = clocked({"clean": ["api:clean"]})
        try:
            run(pages, kind)
        finally:
            undo_clean()
            undo()
        rows = table(spent, clean_spent["clean"] + spent["writers (to_json, text)"], stages)
    else:
        profiler = cProfile.Profile()
        profiler.enable()
        run(pages, kind)
        profiler.disable()
        stats = pstats.Stats(profiler)
        raw = {name: sum(cumulative(stats, entry) for entry in entries) for name, _, entries in stages}
        rows = table(raw, cumulative(stats, ("api", "clean")) + raw["writers (to_json, text)"], stages)
    total = rows[-1][1] or 1.0
    print(f"\n{kind}: {len(pages)} pages, {method}")
    print(f"| stage | CPU s | share | ms/page |\n|---|---:|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f}% | {1000 * seconds / len(pages):.2f} |")
    print(f"unprofiled: {plain:.2f} s CPU, {1000 * plain / len(pages):.2f} ms/page "
          f"(profiling overhead {100 * (total / plain - 1):.0f}%)")
    if top and method == "cprofile":
        stats.sort_stats("tottime").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="html,text")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0 = all)")
    parser.add_argument("--method", choices=("cprofile", "clock"), default="cprofile",
                        help="cprofile, or clock: a CPU clock around each stage's entry only")
    parser.add_argument("--top", type=int, default=0, help="also list the N functions with most own time")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    for kind in args.kinds.split(","):
        report(kind, inputs(args.data, args.sets.split(","), kind, args.limit), args.method, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
