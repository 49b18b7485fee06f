"""Load the rules in force: the built-in packs, then the user's files and folders (TOML packs,
and ad-blocker filter lists through their cache), merged into one `RuleSet`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import RuleError
from .listcache import load_filter_list
from .rulepack import parse_pack_and_site
from .ruleset import Rule, RuleSet, SitePack


def pack_files(path: Path) -> list[Path]:
    """The rule files a --rules path names: the file, or every `.toml` under the folder, sorted."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    raise RuleError("no such rule file or folder", source=str(path), hint="check the --rules path")


def read_pack_file(path: Path) -> list[Rule]:
    return read_pack(path)[0]


def read_pack(path: Path) -> tuple[list[Rule], SitePack | None]:
    """One rule file: a TOML pack, or an ad-blocker filter list (`.txt`, read through its cache)."""
    if path.suffix.lower() == ".txt":
        return load_filter_list(path), None
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8 text", source=str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror}", source=str(path)) from None
    return parse_pack_and_site(source, str(path))


def builtin_rules() -> list[Rule]:
    """The packs shipped in the wheel (package `cleaner.rules`), or `rules/` in a checkout."""
    return _builtin()[0]


def _builtin() -> tuple[list[Rule], list[SitePack]]:
    rules: list[Rule] = []
    sites: list[SitePack] = []
    for name, source in sorted(_builtin_sources()):
        found, site = parse_pack_and_site(source, f"rules/{name}")
        rules.extend(found)
        if site is not None:
            sites.append(site)
    return rules, sites


def _builtin_sources() -> Iterator[tuple[str, str]]:
    """(name under rules/, TOML text) of every built-in pack, the site packs in `sites/` included."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    try:
        root: Any = resources.files("cleaner.rules")
        entries = [(e.name, e) for e in root.iterdir() if e.name.endswith(".toml")]
        sites = root / "sites"
        if sites.is_dir():
            entries += [(f"sites/{e.name}", e) for e in sites.iterdir() if e.name.endswith(".toml")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        entries = []
    if not entries and checkout.is_dir():
        entries = [(str(e.relative_to(checkout)), e) for e in
                   list(checkout.glob("*.toml")) + list(checkout.glob("sites/*.toml"))]
    for name, entry in entries:
        yield name, entry.read_text(encoding="utf-8")


_BUILTIN_CACHE: tuple[list[Rule], list[SitePack]] | None = None


def load_rules(paths: Iterable[str | Path] = (), *, defaults: bool = True,
               disable: Iterable[str] = ()) -> RuleSet:
    """Built-in packs (unless `defaults=False`), then each file or folder in `paths`
    (TOML packs; a `.txt` file is read as an ad-blocker filter list)."""
    global _BUILTIN_CACHE
    rules: list[Rule] = []
    sites: list[SitePack] = []
    if defaults:
        if _BUILTIN_CACHE is None:
            _BUILTIN_CACHE = _builtin()
        rules.extend(_BUILTIN_CACHE[0])
        sites.extend(_BUILTIN_CACHE[1])
    for path in paths:
        for file in pack_files(Path(path)):
            found, site = read_pack(file)
            rules.extend(found)
            if site is not None:
                sites.append(site)
    return RuleSet(rules, sites).without(disable)
