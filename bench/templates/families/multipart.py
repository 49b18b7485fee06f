"""Multi-part articles ("Page 2 of 3"): each part is its own page with pagination links; truth is the part shown.
The headline, byline and date are repeated on every part (as such sites do); the standfirst only on part 1."""

from __future__ import annotations

from common import (
    ANALYTICS, SVG, Dialect, author_bio, cookie_banner, esc, hexhash, json_ld, long_date, meta_tags, other_articles,
    page, rng_for, share_bar, slugify, truth_text, article_url, SPONSORED,
)

SITES = [
    {"name": "Wayfarer Monthly", "domain": "www.wayfarermonthly.example", "nav": ["Destinations", "Rail", "Road trips", "Food & Drink", "Travel tips", "Photography"]},
    {"name": "Allotment & Plot", "domain": "www.allotmentandplot.example", "nav": ["Vegetables", "Fruit", "Flowers", "Tools", "Month by month", "Forum"]},
]


def render(a, ctx):
    v = ctx["variant"]
    part = ctx["part"]
    site = SITES[v % len(SITES)]
    r = rng_for("multipart", a.slug, str(part))
    n = len(a.pages)
    base = article_url(site["domain"], a, "plain").rstrip("/")
    url = base + "/" if part == 1 else f"{base}/{part}/"
    others = other_articles(ctx["arts"], a, 6, r, lang=a.lang)
    blocks = a.pages[part - 1]
    d = Dialect(a, r)
    sponsor = SPONSORED[(part + v) % len(SPONSORED)]
    mid_ad = f'<div class="inline-ad" data-ad="mid-article"><span class="inline-ad__label">Advertisement</span><div class="inline-ad__unit"><a href="https://ads.example.net/c/{hexhash(sponsor[0], 10)}" rel="sponsored nofollow"><strong>{esc(sponsor[0])}</strong><span>{esc(sponsor[1])}</span></a></div></div>'
    body_html, body_truth = d.render(blocks, lambda i, b: mid_ad if i == 3 else None)
    pages_links = []
    for k in range(1, n + 1):
        href = base + "/" if k == 1 else f"{base}/{k}/"
        pages_links.append(f'<li class="pagination__item{" is-current" if k == part else ""}">' + (f'<span aria-current="page">{k}</span>' if k == part else f'<a href="{href}">{k}</a>') + "</li>")
    prev = f'<a class="pagination__prev" rel="prev" href="{base + "/" if part == 2 else f"{base}/{part - 1}/"}">&laquo; Previous page</a>' if part > 1 else ""
    nxt = f'<a class="pagination__next" rel="next" href="{base}/{part + 1}/">Next page &raquo;</a>' if part < n else ""
    nexthead = ""
    if part < n:
        first_h = next((b.text for b in a.pages[part] if b.kind in ("h2", "h3")), None)
        if first_h:
            nexthead = f'<p class="pagination__teaser">Continue reading: <a href="{base}/{part + 1}/">{esc(first_h)}</a></p>'
    pagination = f'<nav class="pagination" aria-label="Article pages"><p class="pagination__status">Page {part} of {n}</p>{prev}<ol class="pagination__list">{"".join(pages_links)}</ol>{nxt}{nexthead}</nav>'
    date_s = long_date(a.dt)
    by_s = f"Words by {a.meta['author']}" if v == 0 else f"By {a.meta['author']}"
    show_dek = part == 1 and a.meta.get("dek")
    popular = "".join(f'<li><a href="{article_url(site["domain"], o, "plain")}"><img src="https://{site["domain"]}/img/{hexhash(o.slug)}-150.jpg" alt="" width="150" height="100" loading="lazy"><span>{esc(o.meta["headline"])}</span></a><p>{esc(o.excerpt(20))}</p></li>' for o in others[:4])
    head = f"""<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.meta["headline"])}{f" - Page {part}" if part > 1 else ""} | {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
{f'<link rel="prev" href="{base + "/" if part == 2 else f"{base}/{part - 1}/"}">' if part > 1 else ""}
{f'<link rel="next" href="{base}/{part + 1}/">' if part < n else ""}
{json_ld(a, url, site["name"], "Article")}
<link rel="stylesheet" href="https://{site["domain"]}/assets/site.{hexhash(site["name"], 8)}.css">
{ANALYTICS}"""
    body = f"""<div class="top-strip"><p>Free newsletter: get our best {"journeys" if v == 0 else "growing advice"} every Friday. <a href="/newsletter/">Sign up</a></p></div>
<header class="masthead"><a class="masthead__logo" href="/"><img src="https://{site["domain"]}/assets/logo.svg" alt="{esc(site["name"])}" width="220" height="48"></a>
<nav class="masthead__nav"><ul>{"".join(f'<li class="has-dropdown"><a href="/{slugify(s)}/">{esc(s)}</a><div class="dropdown"><ul><li><a href="/{slugify(s)}/latest/">Latest</a></li><li><a href="/{slugify(s)}/guides/">Guides</a></li><li><a href="/{slugify(s)}/reader-stories/">Reader stories</a></li></ul></div></li>' for s in site["nav"])}</ul></nav>
<button class="masthead__search" aria-label="Search">{SVG["search"]}</button></header>
<div class="page-wrap">
<main class="main-col">
<article class="story story--paginated" data-page="{part}" data-pages="{n}">
<header class="story__header"><p class="story__section"><a href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></p>
<h1 class="story__title">{esc(a.meta["headline"])}</h1>
{f'<p class="story__standfirst">{esc(a.meta["dek"])}</p>' if show_dek else ""}
<p class="story__byline"><span class="story__author">{esc(by_s)}</span> <span class="story__sep">|</span> <time datetime="{a.dt.isoformat()}">{date_s}</time></p>
{f'<p class="story__page-indicator">Page {part} of {n}</p>' if part > 1 else ""}
</header>
<div class="story__share">{share_bar(url, a.meta["headline"], "share", labels=False)}</div>
<div class="story__body">
{body_html}
</div>
{pagination}
{f'<div class="story__author-box"><h3>About the author</h3><p>{esc(author_bio(a, site["name"]))}</p></div>' if part == n else ""}
</article>
</main>
<aside class="side-col"><div class="side-box"><h2>Most popular</h2><ol class="popular-list">{popular}</ol></div><div class="side-box side-box--ad"><span>Advertisement</span><div class="ad-unit" style="min-height:600px"></div></div></aside>
</div>
<footer class="site-footer"><p>{esc(site["name"])} is published by Example Media Group. &copy; {a.dt.year}. All rights reserved. Prices and timetables were correct at the time of publication; please check with operators before you travel or buy.</p></footer>
{cookie_banner(1 + part % 2, site["name"])}"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if show_dek else []) + [by_s, date_s] + body_truth
    return url, page(head, body, a.lang), truth_text(truth)
