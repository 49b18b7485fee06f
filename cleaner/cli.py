"""The `cleaner` command: a thin layer over the library that turns errors into one line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .api import clean
from .batch import Config, Options, default_jobs, run_batch
from .errors import CleanerError, UsageError
from .fetch import FetchOptions, is_url
from .limits import DEFAULT_LIMITS, Limits, human, parse_size
from .progress import counted
from .result import Result
from .rulebook import load_rules
from .ruleset import Rule, RuleSet
from .sources import INPUT_FORMATS, input_format, read_document, read_limited
from .writers import FORMATS, render, write_atomic

STDIN = "-"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Strip ads and boilerplate from articles (raw text or HTML).",
        epilog="Run `cleaner COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rule_options = argparse.ArgumentParser(add_help=False)
    group = rule_options.add_argument_group("rules")
    group.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="add a rule file or a folder of them (repeatable)")
    group.add_argument("--disable", action="append", default=[], metavar="ID",
                       help="turn off a rule by id (repeatable; see `cleaner rules list`)")
    group.add_argument("--no-default-rules", action="store_true", help="do not load the built-in rules")

    doc_options = argparse.ArgumentParser(add_help=False)
    doc_options.add_argument("--kind", choices=("auto", "text", "html"), default="auto",
                             help="input kind (default: auto, sniffed from the content)")
    doc_options.add_argument("--url", help="the page's URL, to resolve relative links and pick site rules")
    limits = doc_options.add_argument_group("limits (a document past one is an error; sizes in bytes or with K, M, G)")
    limits.add_argument("--max-bytes", type=size_option, default=DEFAULT_LIMITS.max_bytes, metavar="SIZE",
                        help="largest document, file, record, JSONL line or fetched page "
                             f"(default {human(DEFAULT_LIMITS.max_bytes)})")
    limits.add_argument("--max-decompressed-bytes", type=size_option, metavar="SIZE",
                        default=DEFAULT_LIMITS.max_decompressed_bytes,
                        help="most a .gz document or an MHTML page part may unpack to "
                             f"(default {human(DEFAULT_LIMITS.max_decompressed_bytes)})")
    limits.add_argument("--max-nodes", type=count_option, default=DEFAULT_LIMITS.max_nodes, metavar="N",
                        help=f"most elements in one HTML page (default {DEFAULT_LIMITS.max_nodes:,})")

    fetch_parent = argparse.ArgumentParser(add_help=False)
    fetching = fetch_parent.add_argument_group("fetching URLs (needs the fetch extra: pip install 'cleaner[fetch]')")
    fetching.add_argument("--timeout", type=float, default=FetchOptions.timeout, metavar="SECONDS",
                          help=f"the longest wait to connect or for more data (default {FetchOptions.timeout:g}); "
                               "a whole download may take 6 times that")
    # --max-bytes (the limits group) also bounds a fetched page's body.
    fetching.add_argument("--delay", type=float, default=FetchOptions.delay, metavar="SECONDS",
                          help=f"between two requests to one host (default {FetchOptions.delay:g}; "
                               "a robots.txt Crawl-delay can raise it)")
    fetching.add_argument("--per-host", type=int, default=FetchOptions.per_host, metavar="N",
                          help=f"requests in flight to one host (default {FetchOptions.per_host})")
    fetching.add_argument("--retries", type=int, default=FetchOptions.retries, metavar="N",
                          help=f"more tries after HTTP 429 or 5xx, with a growing wait (default {FetchOptions.retries})")
    fetching.add_argument("--ignore-robots", action="store_true", help="fetch pages that robots.txt disallows")

    run = commands.add_parser("clean", parents=[rule_options, doc_options, fetch_parent], help="clean articles",
                              description="Clean articles into text plus a manifest: one file, or many from "
                                          "folders, WARC/ARC archives, JSONL files and URLs.")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, folders (searched recursively), .warc/.warc.gz/.arc.gz archives, .jsonl files or "
                          "http(s) URLs; '-' or nothing reads stdin")
    run.add_argument("-f", "--format", choices=FORMATS + ("jsonl",), default="text",
                     help="output format (default: text); jsonl gives one JSON record per document")
    run.add_argument("-o", "--output", metavar="PATH",
                     help="write to this file (one document, or --format jsonl) or folder (many documents, mirroring "
                          "the input tree; an archive or JSONL input gives one .jsonl there) instead of stdout")
    batch = run.add_argument_group("batches")
    batch.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N",
                       help=f"worker processes (default: the number of cores, here {default_jobs()})")
    batch.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                       help="how to read the inputs: auto (by file name), doc (one document per file), "
                            "jsonl (one record per line), warc (WARC/ARC archive), urls (one URL per line)")
    batch.add_argument("--html-field", default="html", metavar="NAME", help="JSONL field with HTML (default: html)")
    batch.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field with text (default: text)")
    batch.add_argument("--id-field", default="id", metavar="NAME", help="JSONL field with the id (default: id)")
    batch.add_argument("--url-field", default="url", metavar="NAME", help="JSONL field with the URL (default: url)")
    batch.add_argument("--resume", action="store_true",
                       help="skip documents whose output in -o is already complete (continue an interrupted run)")
    talk = batch.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="with the summary, list each skipped file or record and why")
    run.set_defaults(func=cmd_clean)

    explain = commands.add_parser("explain", parents=[rule_options, doc_options, fetch_parent],
                                  help="show each block with the verdict and rule that decided it")
    explain.add_argument("input", metavar="INPUT", help="file or http(s) URL to explain ('-' reads stdin)")
    explain.add_argument("--only-changes", action="store_true", help="hide blocks kept as body")
    explain.set_defaults(func=cmd_explain)

    review = commands.add_parser("review", parents=[rule_options, doc_options],
                                 help="write an HTML report of what was kept and removed, and by which rule",
                                 description="One self-contained HTML page per run: each document's kept text beside "
                                             "its original blocks, removals struck through with their rule ids, "
                                             "and for batches an index and per-rule counts.")
    review.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders, .warc/.warc.gz archives or .jsonl files (as for `clean`)")
    review.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    review.add_argument("--compare-rules", metavar="PACK",
                        help="also clean with this rule file or folder added (a rule whose id is in force is "
                             "replaced) and show what it changes in each document")
    review.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                        help="how to read the inputs (as for `clean`)")
    review.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="worker processes that clean the documents (default: 1)")
    review.set_defaults(func=cmd_review)

    rules = commands.add_parser("rules", help="list, check and test rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="SUBCOMMAND")
    listing = rule_commands.add_parser("list", parents=[rule_options], help="list the rules in force")
    listing.set_defaults(func=cmd_rules_list)
    check = rule_commands.add_parser("check", help="validate rule files")
    check.add_argument("paths", nargs="+", metavar="PATH", help="rule files or folders")
    check.set_defaults(func=cmd_rules_check)
    test = rule_commands.add_parser("test", parents=[rule_options], help="run every rule's inline examples",
                                    description="Run the inline examples of the rules in force (the built-in ones and "
                                                "any --rules), or of the rule files named as PATH alone.")
    test.add_argument("paths", nargs="*", metavar="PATH", help="test only these rule files or folders")
    test.set_defaults(func=cmd_rules_test)
    filters = rule_commands.add_parser("import-filters", help="turn an ad-blocker filter list into a rule pack",
                                       description="Translate an Adblock Plus / uBlock Origin filter list (cosmetic "
                                                   "and network filters) into a TOML rule pack and print what was "
                                                   "kept and skipped. A .txt list also loads directly with --rules.")
    filters.add_argument("list", metavar="LIST", help="the filter list (.txt)")
    filters.add_argument("-o", "--output", metavar="PACK", help="write the pack here (default: stdout)")
    filters.set_defaults(func=cmd_import_filters)
    siteconfig = rule_commands.add_parser("import-siteconfig", help="turn FiveFilters site configs into site packs",
                                          description="Convert FiveFilters full-text-rss site configs (body, strip, "
                                                      "strip_id_or_class, strip_image_src, title, author, date) into "
                                                      "site packs, one per config, and print what was not carried over.")
    siteconfig.add_argument("source", metavar="DIR_OR_FILE", help="a site config (.txt) or a folder of them")
    siteconfig.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the site packs")
    siteconfig.set_defaults(func=cmd_import_siteconfig)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CleanerError as exc:
        error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def error(exc: CleanerError | str) -> None:
    print(f"cleaner: error: {exc}", file=sys.stderr)


def ruleset_from(args: argparse.Namespace) -> RuleSet:
    return load_rules(args.rules, defaults=not args.no_default_rules, disable=args.disable)


def size_option(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def count_option(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def limits_from(args: argparse.Namespace) -> Limits:
    return Limits.of(args.max_bytes, args.max_decompressed_bytes, args.max_nodes)


def read_input(name: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes | str, str | None]:
    """A document's content and the URL it names (MHTML), from a file or stdin, within the limits."""
    if name == STDIN:
        return read_limited(sys.stdin.buffer, "<stdin>", limits.max_bytes), None
    return read_document(name, limits)


def clean_input(name: str, args: argparse.Namespace, rules: RuleSet) -> Result:
    if is_url(name):
        return clean_url(name, args, rules)
    limits = limits_from(args)
    data, url = read_input(name, limits)
    source = "<stdin>" if name == STDIN else name
    return clean(data, kind=args.kind, url=args.url or url, rules=rules, source=source, max_bytes=limits.max_bytes,
                 max_nodes=limits.max_nodes)


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    for name in ("timeout", "delay"):
        if getattr(args, name) < 0 or (name == "timeout" and args.timeout == 0):
            raise UsageError(f"--{name} must be a positive number of seconds, not {getattr(args, name)}",
                             hint=f"give --{name} a positive number")
    for name in ("max_bytes", "per_host", "retries"):
        if getattr(args, name) < (0 if name == "retries" else 1):
            raise UsageError(f"--{name.replace('_', '-')} must be at least {0 if name == 'retries' else 1}",
                             hint="give a positive number")
    return FetchOptions(timeout=args.timeout, max_bytes=args.max_bytes, delay=args.delay, per_host=args.per_host,
                        retries=args.retries, robots=not args.ignore_robots)


def clean_url(url: str, args: argparse.Namespace, rules: RuleSet) -> Result:
    """Fetch one page and clean it; its final address (after redirects) is the document's URL."""
    from .fetch import clean_url as fetch_and_clean

    return fetch_and_clean(url, fetch_options(args), kind=args.kind, rules=rules, max_nodes=args.max_nodes)


def check_output(output: str | None) -> None:
    """An -o path under a file can never be written: say so before any work is done."""
    if output in (None, STDIN):
        return
    for parent in Path(output).absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"{parent} is not a directory", source=output, hint="check the -o path")
            return


def cmd_clean(args: argparse.Namespace) -> int:
    check_output(args.output)
    rules = ruleset_from(args)
    inputs = args.inputs or [STDIN]
    if inputs.count(STDIN) > 1:
        raise UsageError("stdin ('-') can be read only once", hint="name it once")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}", hint="give a positive number")
    name = inputs[0]
    into_folder = args.output not in (None, STDIN) and (args.output.endswith(("/", os.sep)) or Path(args.output).is_dir())
    if len(inputs) > 1 or into_folder or (name == STDIN and args.input_format not in ("auto", "doc")) or (
            name != STDIN and (Path(name).is_dir() or input_format(name, args.input_format) != "doc")):
        return clean_many(inputs, args, rules)  # one file into a folder too: it is named as in a batch
    if args.resume and args.output not in (None, STDIN) and Path(args.output).exists():
        return 0
    result = clean_input(name, args, rules)
    source = result.source["path"]
    if args.format == "jsonl":
        where = {"url": name} if is_url(name) else {"path": source}
        record = {"id": source or name, "url": result.source.get("url"), "source": where,
                  "result": result.to_dict(), "error": None}
        content = json.dumps(record, ensure_ascii=False) + "\n"
    else:
        content = render(result, args.format)
    emit(content, args.output)
    return 0


def clean_many(inputs: list[str], args: argparse.Namespace, rules: RuleSet) -> int:
    """Many documents: folders, archives, JSONL or several files, through `cleaner.batch`."""
    config = Config(rule_paths=tuple(args.rules), defaults=not args.no_default_rules, disable=tuple(args.disable),
                    kind=args.kind, url=args.url,
                    fields=(args.html_field, args.text_field, args.id_field, args.url_field), limits=limits_from(args))
    fetching = args.input_format == "urls" or any(is_url(name) for name in inputs)
    options = Options(inputs=inputs, output=args.output, fmt=args.format, jobs=args.jobs, resume=args.resume,
                      quiet=args.quiet, verbose=args.verbose, input_format=args.input_format, config=config,
                      fetch=fetch_options(args) if fetching else None)
    return run_batch(options, rules=rules)


def emit(content: str, output: str | None) -> None:
    if output is None or output == STDIN:
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        try:
            write_atomic(Path(output), content)
        except OSError as exc:
            raise CleanerError(f"cannot write: {exc.strerror}", source=output, hint="check the -o path") from None


WHERE_WIDTH = 40  # the longest element path `explain` prints whole


def cmd_explain(args: argparse.Namespace) -> int:
    result = clean_input(args.input, args, ruleset_from(args))
    marks = {"body": " ", "removed": "-", "caption": "C", "credit": "©", "highlight": "H", "label": "L",
             "metadata": "M", "image": "I"}
    lines = []
    extraction = result.metadata.get("extraction")
    if extraction:
        lines.append(f"extraction: {extraction['path']} ({extraction['reason']})")
    lines += [f"site pack: {pack['name']} ({pack['origin']})" + (f": article {pack['article']}" if "article" in pack else "")
              for pack in result.source.get("site_packs", [])]
    shown = [block for block in result.blocks
             if not (args.only_changes and block.verdict == "body" and not block.rule)]
    whys = [f"{block.verdict} by {block.rule} ({block.category})" if block.rule else block.verdict for block in shown]
    # Columns as wide as their longest entry; an element path past WHERE_WIDTH keeps its end (the element).
    where_width = min(max((len(block.where) for block in shown), default=0), WHERE_WIDTH)
    where_width, why_width = max(where_width, 14), max((len(why) for why in whys), default=0)
    for block, why in zip(shown, whys):
        where = block.where if len(block.where) <= where_width else "…" + block.where[1 - where_width:]
        text = block.text if len(block.text) <= 100 else block.text[:97] + "..."
        lines.append(f"{marks.get(block.verdict, '?')} {where:<{where_width}} {why:<{why_width}} | {text}")
    counts: dict[str, int] = {}
    for block in result.blocks:
        counts[block.verdict] = counts.get(block.verdict, 0) + 1
    lines.append("")
    lines.append("blocks: " + ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())))
    lines.append("legend: ' ' body, - removed, C caption, © credit, H highlight item, L highlights header, "
                 "M metadata, I image")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """A thin front door: `cleaner.review` gathers, `cleaner.review_html` draws, this writes."""
    from .review import write_report

    if STDIN in args.inputs:
        raise UsageError("review reads files, not stdin", hint="save the input to a file first")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}", hint="give a positive number")
    if args.output == STDIN or Path(args.output).is_dir():
        raise UsageError("-o names the HTML file to write", source=args.output,
                         hint="give a file name like report.html")
    check_output(args.output)
    report = write_report(args.inputs, Path(args.output), ruleset_from(args), kind=args.kind, url=args.url,
                          input_format=args.input_format, pack=args.compare_rules, jobs=args.jobs,
                          limits=limits_from(args))
    failed = 0
    for entry in report.entries:
        if entry.error:
            failed += 1
            error(f"{entry.name}: {entry.error}")
    print(f"cleaner: review of {counted(len(report.entries), 'document')} ({failed:,} failed) written to {args.output}",
          file=sys.stderr)
    return 1 if failed else 0


def cmd_rules_list(args: argparse.Namespace) -> int:
    rules = ruleset_from(args)
    width = max((len(r.id) for r in rules), default=10)
    for rule in rules:
        what = ", ".join(k for k, v in (("lines", rule.lines), ("regex", rule.regexes), ("selector", rule.selector),
                                        ("xpath", rule.xpath), ("network", rule.network), ("words", rule.words)) if v)
        print(f"{rule.id:<{width}}  {rule.action:<12} {rule.category:<12} {what:<22} {rule.origin}")
    print(counted(len(rules), "rule"), file=sys.stderr)
    return 0


def cmd_rules_check(args: argparse.Namespace) -> int:
    rules = load_rules(args.paths, defaults=False)
    width = max((len(r.id) for r in rules), default=10)
    for rule in rules:
        print(f"{rule.id:<{width}}  {engine_of(rule):<34} {rule.origin}")
    print(f"ok: {counted(len(rules), 'rule')} in {', '.join(args.paths)}")
    return 0


def engine_of(rule: Rule) -> str:
    """How a rule is matched: RE2 for regexes (with its look-ahead checks) and word lists, else lines,
    CSS, XPath (lxml's own evaluator) or a network filter's match on `src`."""
    parts = []
    if rule.regexes:
        checks = sum(p.checks for p in rule.regexes)
        parts.append(f"re2 (+{checks} look-ahead checks)" if checks else "re2")
    if rule.words:
        parts.append("re2")
    if rule.lines:
        parts.append("lines")
    if rule.selector:
        parts.append("css")
    if rule.xpath:
        parts.append("xpath (lxml)")
    if rule.network:
        parts.append("network (src match)")
    return ", ".join(parts)


def cmd_rules_test(args: argparse.Namespace) -> int:
    rules = load_rules(args.paths + args.rules, defaults=not args.paths and not args.no_default_rules,
                       disable=args.disable)
    failures = run_examples(rules) + run_site_examples(rules)
    for failure in failures:
        print(f"FAIL {failure}")
    total = sum(len(r.examples_match) + len(r.examples_no_match) for r in rules) + sum(
        len(site.examples) for site in rules.sites)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


def cmd_import_filters(args: argparse.Namespace) -> int:
    from .filterlists import read_filter_list, to_toml

    result = read_filter_list(Path(args.list))
    pack = to_toml(result, args.list)
    load_rules_text(pack, args.output or args.list)  # what we write must load back
    if args.output in (None, STDIN):
        sys.stdout.write(pack)
        print(result.summary(), file=sys.stderr)
    else:
        emit(pack, args.output)
        print(f"{result.summary()} -> {args.output}")
    return 0


def cmd_import_siteconfig(args: argparse.Namespace) -> int:
    from .siteconfig import config_files, read_site_config

    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CleanerError(f"cannot create folder: {exc.strerror}", source=args.output, hint="check the -o path") from None
    kept = skipped = 0
    files = config_files(Path(args.source))
    for path in files:
        config = read_site_config(path)
        target = folder / f"{config.domain}.toml"
        pack = config.to_toml()
        load_rules_text(pack, str(target))
        emit(pack, str(target))
        kept, skipped = kept + config.kept, skipped + sum(config.unsupported.values())
        print(f"{config.summary()} -> {target}")
    print(f"{counted(len(files), 'site config')}: kept {kept} directives, skipped {skipped}")
    return 0


def load_rules_text(pack: str, name: str) -> None:
    """Check a pack we are about to write: it must load as it will be read."""
    from .rulepack import parse_pack_and_site

    parse_pack_and_site(pack, name)


def run_examples(rules: RuleSet) -> list[str]:
    """Each example must (or must not) match its own rule: text rules by text, selectors by HTML."""
    from .blockmatch import fold

    failures = []
    for rule in rules:
        for example in rule.examples_match:
            if not example_matches(rule, example, fold):
                failures.append(f"{rule.id} ({rule.origin}): should match {example!r}")
        for example in rule.examples_no_match:
            if example_matches(rule, example, fold):
                failures.append(f"{rule.id} ({rule.origin}): should not match {example!r}")
    return failures


def run_site_examples(rules: RuleSet) -> list[str]:
    """Each site pack's article examples must hold a match of one of its article expressions."""
    from .htmlparse import parse
    from .sites import find

    failures = []
    for site in rules.sites:
        for example in site.examples:
            root = parse(example).getroot()
            if not any(find(root, expression) for expression in site.article):
                failures.append(f"{site.name} ({site.origin}): article should match in {example!r}")
    return failures


def example_matches(rule, example: str, fold) -> bool:  # type: ignore[no-untyped-def]
    if rule.action == "vocabulary":
        return bool(RuleSet([rule]).vocabulary(rule.id)(example))
    if rule.element_rule and example.lstrip().startswith("<"):
        from .htmlparse import parse
        from .selectindex import Plan, match_plans

        root = parse(example).getroot()
        body = root.find("body")
        plan = Plan([(0, rule if rule.action != "keep" else _as_drop(rule))])
        return bool(match_plans(body, [plan], None, network=bool(rule.network)))
    text = " ".join(example.split())
    return rule.match(text, fold(text)) is not None


def _as_drop(rule):  # type: ignore[no-untyped-def]
    """A keep rule's examples are checked by what it would match."""
    from dataclasses import replace

    return replace(rule, action="drop")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
