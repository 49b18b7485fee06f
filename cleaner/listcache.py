"""A filter list's rules cached beside it (`LIST.txt.cleaner-cache`), so the next process, a batch
worker say, reads 20,000 translated filters instead of translating them again.

The cache is JSON, never pickle: a file beside a list must not be able to run code. It is keyed
by the list's SHA-256 and `CACHE_VERSION`; a cache that does not read back as rules is ignored.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from .errors import RuleError
from .filterlists import list_name, parse_filter_list
from .ruleset import Rule, compact_rule

CACHE_VERSION = 4  # 4: line numbers counted at \n only (a list with \f or \u2028 had ids one off)


def cache_path(path: Path) -> Path:
    return path.with_name(path.name + ".cleaner-cache")


SETS = ("kinds", "tags")  # fields a cached rule holds as frozensets; lists of names become tuples
SHARED = ("category", "action", "kinds", "tags")  # what most of a list's rules hold alike: kept once per shape
DERIVED = ("id", "origin")  # named after the list and the line: rebuilt from where the list is now
SCALARS = (str, int, bool, type(None))  # what a cached value may be besides a list of them


def load_filter_list(path: Path) -> list[Rule]:
    """A list's rules, from the cache beside it when that was made from the same bytes (and the
    same cleaner), else translated afresh and cached for the next process. The cache is JSON,
    never pickle: a file beside a list must not be able to run code."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read filter list: {exc.strerror}", source=str(path), hint="check the --rules path") from None
    key = f"{CACHE_VERSION}:{hashlib.sha256(data).hexdigest()}"
    cached = cache_path(path)
    try:
        with _collector_paused():
            stored = json.loads(cached.read_text(encoding="utf-8"))
            if stored.get("key") == key:
                return _from_cache(stored, path)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):  # no cache, an old or broken one
        pass
    rules = parse_filter_list(data.decode("utf-8", "replace"), str(path)).rules
    try:
        temporary = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        payload = json.dumps(_to_cache(key, rules), ensure_ascii=False, separators=(",", ":"))
        temporary.write_text(payload, encoding="utf-8")
        os.replace(temporary, cached)
    except OSError:
        pass  # a read-only folder: no cache, only a slower start
    return rules


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a cache makes some 80,000 objects and no reference cycles; the cyclic collector,
    run meanwhile every few hundred of them and once over the whole heap, found nothing and took
    a third of the load's CPU. Paused, it catches up on its next run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _to_cache(key: str, rules: list[Rule]) -> dict[str, object]:
    """The rules as rows of plain values (`[shape, line, value, ...]`) under a few shapes (the
    fields a row holds, and the values its rules share): parsed and built in about half the time
    of a dict per rule, and a third of the bytes."""
    shapes: dict[tuple[tuple[tuple[str, object], ...], tuple[str, ...]], int] = {}
    rows = []
    for rule in rules:
        values = rule.__dict__
        names = tuple(name for name in values if name not in SHARED and name not in DERIVED)
        shape = (tuple((name, values[name]) for name in SHARED if name in values), names)
        line = int(rule.id.rpartition(":")[2])
        rows.append([shapes.setdefault(shape, len(shapes)), line, *(_plain(values[name]) for name in names)])
    return {"key": key, "shapes": [[{name: _plain(value) for name, value in shared}, list(names)]
                                   for shared, names in shapes], "rules": rows}


def _plain(value: object) -> object:
    return sorted(value) if isinstance(value, frozenset) else list(value) if isinstance(value, tuple) else value


def _from_cache(stored: dict[str, Any], path: Path) -> list[Rule]:
    """The rules of a cache's rows; a field or value no rule holds raises `ValueError` (a broken cache)."""
    shapes = [(_cached_values(shared), _cached_names(names)) for shared, names in stored["shapes"]]
    name, source = list_name(path), str(path)
    rules = []
    for row in stored["rules"]:
        shared, names = shapes[row[0]]
        line = row[1]
        rule = compact_rule(**shared)
        values = rule.__dict__  # filled in place, before anyone sees the rule: one dict per rule, not two
        values["id"] = f"{name}:{line}"
        values["origin"] = f"{source}:{line}"
        for field_name, value in zip(names, row[2:], strict=True):
            kind = type(value)
            if kind is list:
                value = tuple(value)
            elif kind not in SCALARS:
                raise ValueError(f"unexpected {field_name} in the cache")
            values[field_name] = value
        rules.append(rule)
    return rules


def _cached_names(names: list[str]) -> list[str]:
    if any(name not in Rule.__dataclass_fields__ or name in SHARED or name in DERIVED for name in names):
        raise ValueError("unknown field in the cache")
    return names


def _cached_values(shared: dict[str, Any]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, value in shared.items():
        if name in SETS and type(value) is list and all(type(item) is str for item in value):
            values[name] = frozenset(value)
        elif name in SHARED and name not in SETS and type(value) is str:
            values[name] = value
        else:
            raise ValueError(f"unexpected shared field {name} in the cache")
    return values
