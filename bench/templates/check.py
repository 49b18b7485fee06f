"""Consistency checks for templates.jsonl.gz (run by ``build.py --check`` or on its own).

- every line has exactly the fields id, url, html, truth, text;
- ids are unique and equal the SHA-256 of the html (UTF-8);
- every word of every truth occurs in that page's text, as often (no truth invents text),
  and the truth's words appear in the text in the same order (as a subsequence);
- counts per template family (from the URL-independent build manifest) and language.
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["id", "url", "html", "truth", "text"]


def words(s: str) -> list:
    return re.findall(r"\w+", s)


def is_subsequence(needle: list, hay: list) -> bool:
    it = iter(hay)
    return all(w in it for w in needle)


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    path = Path(argv[0]) if argv else HERE / "templates.jsonl.gz"
    rows = [json.loads(l) for l in gzip.open(path, "rt", encoding="utf-8")]
    bad = 0
    ids = set()
    for n, r in enumerate(rows):
        if list(r.keys()) != FIELDS:
            print(f"line {n}: fields {list(r.keys())}")
            bad += 1
        if r["id"] != hashlib.sha256(r["html"].encode("utf-8")).hexdigest():
            print(f"line {n}: id is not the html's SHA-256")
            bad += 1
        if r["id"] in ids:
            print(f"line {n}: duplicate id")
            bad += 1
        ids.add(r["id"])
        tw, xw = words(r["truth"]), words(r["text"])
        missing = collections.Counter(tw) - collections.Counter(xw)
        if missing:
            print(f"line {n} {r['url']}: truth words not in text: {dict(missing)}")
            bad += 1
        elif not is_subsequence(tw, xw):
            print(f"line {n} {r['url']}: truth words not in page order")
            bad += 1
        if not tw:
            print(f"line {n}: empty truth")
            bad += 1
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE / "families"))
    from build import PAGES
    from common import load_articles

    arts = load_articles()
    fam = collections.Counter(f for f, _, _ in PAGES)
    lang = collections.Counter(arts[s].lang for _, s, _ in PAGES)
    tw = [len(words(r["truth"])) for r in rows]
    share = [len(words(r["truth"])) / max(1, len(words(r["text"]))) for r in rows]
    print(f"{len(rows)} pages, {len({s for _, s, _ in PAGES})} articles ({len(arts)} sources), {bad} problems")
    print("families:", dict(fam))
    print("languages:", dict(lang))
    print(f"truth words: min {min(tw)}, median {sorted(tw)[len(tw) // 2]}, max {max(tw)}; "
          f"truth/text word share: min {min(share):.2f}, median {sorted(share)[len(share) // 2]:.2f}, max {max(share):.2f}")
    print(f"file size {path.stat().st_size} bytes; html total {sum(len(r['html']) for r in rows)} chars")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
