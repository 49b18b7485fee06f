"""Render the hand-written articles into platform page templates: bench/templates/templates.jsonl.gz.

    python bench/templates/build.py            # writes templates.jsonl.gz beside this file
    python bench/templates/build.py --check    # also runs the consistency checks (check.py)

Needs lxml and inscriptis 2.x (``pip install lxml 'inscriptis>=2.5,<3'``). The output is
deterministic: the same sources give the same bytes (gzip mtime 0, no file name, fixed order).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "families"))

from common import load_articles  # noqa: E402

import amp  # noqa: E402
import blogger  # noqa: E402
import docs  # noqa: E402
import drupal  # noqa: E402
import gallery  # noqa: E402
import ghost  # noqa: E402
import liveblog  # noqa: E402
import medium  # noqa: E402
import multipart  # noqa: E402
import newscms  # noqa: E402
import paywall  # noqa: E402
import wordpress  # noqa: E402

FAMILIES = {
    "wp-twenty": wordpress.render_twenty,
    "wp-magazine": wordpress.render_magazine,
    "drupal": drupal.render,
    "ghost": ghost.render,
    "blogger": blogger.render,
    "medium": medium.render,
    "amp": amp.render,
    "newscms": newscms.render,
    "liveblog": liveblog.render,
    "paywall": paywall.render,
    "gallery": gallery.render,
    "multipart": multipart.render,
    "docs": docs.render,
}

# (family, article slug, options). ``variant`` picks the site/theme options inside a family.
PAGES = [
    ("wp-twenty", "sourdough-guide", {"variant": 0}),
    ("wp-twenty", "lentil-soup-recipe", {"variant": 4}),
    ("wp-twenty", "trail-running-blog", {"variant": 1}),
    ("wp-twenty", "python-venv-howto", {"variant": 2}),
    ("wp-twenty", "opinion-four-day-week", {"variant": 3}),
    ("wp-twenty", "council-budget-short", {"variant": 7}),
    ("wp-twenty", "garden-multipart", {"variant": 5}),
    ("wp-twenty", "rents-investigation", {"variant": 3}),
    ("wp-magazine", "phone-review", {"variant": 0}),
    ("wp-magazine", "transfer-window", {"variant": 1}),
    ("wp-magazine", "startup-layoffs", {"variant": 2}),
    ("wp-magazine", "album-review", {"variant": 6}),
    ("wp-magazine", "health-sleep", {"variant": 5, "site": 2}),
    ("wp-magazine", "es-festival", {"variant": 3}),
    ("wp-magazine", "es-receta-gazpacho", {"variant": 7, "site": 3}),
    ("drupal", "bridge-closure", {"variant": 0}),
    ("drupal", "court-ruling", {"variant": 1}),
    ("drupal", "school-phones", {"variant": 2}),
    ("drupal", "obituary", {"variant": 3}),
    ("drupal", "de-radweg", {"variant": 4}),
    ("drupal", "longread-orchard", {"variant": 1}),
    ("ghost", "python-venv-howto", {"variant": 0}),
    ("ghost", "opinion-four-day-week", {"variant": 1}),
    ("ghost", "heat-pump-study", {"variant": 2}),
    ("ghost", "film-review", {"variant": 3}),
    ("ghost", "de-rezension-roman", {"variant": 4}),
    ("ghost", "swift-migration", {"variant": 2}),
    ("blogger", "trail-running-blog", {"variant": 0}),
    ("blogger", "lentil-soup-recipe", {"variant": 1}),
    ("blogger", "album-review", {"variant": 2}),
    ("blogger", "fr-marche", {"variant": 3}),
    ("blogger", "wildfire-smoke-short", {"variant": 4}),
    ("medium", "trail-running-blog", {"variant": 0}),
    ("medium", "startup-layoffs", {"variant": 1}),
    ("medium", "health-sleep", {"variant": 2}),
    ("medium", "film-review", {"variant": 3}),
    ("medium", "sourdough-guide", {"variant": 4}),
    ("medium", "longread-orchard", {"variant": 2}),
    ("amp", "bridge-closure", {"variant": 0}),
    ("amp", "transfer-window", {"variant": 1}),
    ("amp", "wildfire-smoke-short", {"variant": 2}),
    ("amp", "fr-marche", {"variant": 3}),
    ("amp", "de-radweg", {"variant": 4}),
    ("amp", "phone-review", {"variant": 2}),
    ("amp", "swift-migration", {"variant": 5}),
    ("newscms", "heat-pump-study", {"variant": 0}),
    ("newscms", "startup-layoffs", {"variant": 1}),
    ("newscms", "school-phones", {"variant": 2}),
    ("newscms", "museum-reopening", {"variant": 3}),
    ("newscms", "city-wifi-short", {"variant": 4}),
    ("newscms", "council-budget-short", {"variant": 5}),
    ("newscms", "obituary", {"variant": 6}),
    ("newscms", "es-festival", {"variant": 7}),
    ("newscms", "rail-journey-multipart", {"variant": 3}),
    ("newscms", "rents-investigation", {"variant": 8, "site": 4}),
    ("liveblog", "live-election", {"variant": 0}),
    ("liveblog", "live-match", {"variant": 1}),
    ("liveblog", "live-storm-transport", {"variant": 2}),
    ("liveblog", "live-match", {"variant": 3}),
    ("liveblog", "live-marathon", {"variant": 5}),
    ("paywall", "museum-reopening", {"variant": 0, "mode": "teaser", "visible": 3}),
    ("paywall", "court-ruling", {"variant": 1, "mode": "teaser", "visible": 2}),
    ("paywall", "de-rezension-roman", {"variant": 2, "mode": "teaser", "visible": 2}),
    ("paywall", "health-sleep", {"variant": 3, "mode": "hidden", "visible": 3}),
    ("paywall", "film-review", {"variant": 4, "mode": "hidden", "visible": 2}),
    ("gallery", "gallery-storm", {"variant": 0}),
    ("gallery", "gallery-dogshow", {"variant": 1}),
    ("gallery", "gallery-architecture", {"variant": 2}),
    ("gallery", "gallery-storm", {"variant": 3}),
    ("multipart", "rail-journey-multipart", {"variant": 0, "part": 1}),
    ("multipart", "rail-journey-multipart", {"variant": 0, "part": 2}),
    ("multipart", "rail-journey-multipart", {"variant": 0, "part": 3}),
    ("multipart", "garden-multipart", {"variant": 1, "part": 1}),
    ("multipart", "garden-multipart", {"variant": 1, "part": 2}),
    ("docs", "docs-config", {"variant": 0}),
    ("docs", "docs-config", {"variant": 1}),
]


def page_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def build() -> list:
    arts = load_articles()
    rows = []
    for family, slug, opts in PAGES:
        a = arts[slug]
        ctx = dict(opts, arts=arts)
        url, html, truth = FAMILIES[family](a, ctx)
        rows.append(
            {
                "id": hashlib.sha256(html.encode("utf-8")).hexdigest(),
                "url": url,
                "html": html,
                "truth": truth,
                "text": page_text(html),
                "_family": family,
                "_lang": a.lang,
                "_slug": slug,
            }
        )
    return rows


def write(rows: list, path: Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in rows:
            rec = {k: r[k] for k in ("id", "url", "html", "truth", "text")}
            gz.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE / "templates.jsonl.gz"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--dump", help="also write each page's html and truth into this folder, to look at")
    args = ap.parse_args()
    rows = build()
    write(rows, Path(args.out))
    if args.dump:
        d = Path(args.dump)
        d.mkdir(parents=True, exist_ok=True)
        for i, r in enumerate(rows):
            stem = f"{i:02d}-{r['_family']}-{r['_slug']}"
            (d / f"{stem}.html").write_text(r["html"], encoding="utf-8")
            (d / f"{stem}.truth.txt").write_text(r["truth"], encoding="utf-8")
            (d / f"{stem}.text.txt").write_text(r["text"], encoding="utf-8")
    print(f"wrote {len(rows)} pages to {args.out}")
    if args.check:
        import check

        check.main([args.out])


if __name__ == "__main__":
    main()
