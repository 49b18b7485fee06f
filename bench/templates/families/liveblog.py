"""Live blogs: timestamped entries newest first, each a heading and paragraphs; a pinned post; a Key events box."""

from __future__ import annotations

import json

from common import (
    SVG, Dialect, cookie_banner, esc, hexhash, long_date, meta_tags, other_articles, page, rng_for, share_bar,
    slugify, truth_text, article_url,
)

SITES = [
    {"name": "The Northgate Herald", "domain": "www.northgateherald.example"},
    {"name": "Matchday Herald", "domain": "matchdayherald.example"},
    {"name": "Saltmarsh Evening Post", "domain": "www.saltmarsh-post.example"},
    {"name": "Coastline Sport", "domain": "sport.coastline.example"},
]


def entries(a):
    """Group the article's blocks into (entry block, [body blocks])."""
    out = []
    for b in a.blocks:
        if b.kind == "entry":
            out.append((b, []))
        elif out:
            out[-1][1].append(b)
    return out


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    r = rng_for("liveblog", a.slug, str(v))
    url = article_url(site["domain"], a, "section") + "/live"
    others = other_articles(ctx["arts"], a, 8, r)
    d = Dialect(a, r)
    ents = entries(a)
    pinned = [e for e in ents if e[0].meta["time"] == "pin"]
    timeline = [e for e in ents if e[0].meta["time"] != "pin"]
    style = v % 2
    by_s = f"By {a.meta['author']}" if style == 0 else a.meta["author"]
    date_s = long_date(a.dt)
    dek = [a.meta["dek"]] if a.meta.get("dek") else []
    # in page order: style 0 shows the standfirst above the byline, style 1 below it
    truth = [a.meta["headline"]] + (dek + [by_s, date_s] if style == 0 else [by_s, date_s] + dek)

    def entry_html(e, pin=False):
        head, blocks = e
        bid = hexhash(a.slug + head.text, 24)
        h, parts = d.render(blocks)
        tm = head.meta["time"]
        if style == 0:
            label = "Pinned post" if pin else ""
            shown_time = "" if pin else tm
            html = (
                f'<article id="block-{bid}" class="block{" is-pinned" if pin else ""}{" is-key-event" if head.meta["key"] else ""}" data-block-id="{bid}">'
                + (f'<div class="block-pinned-label">{SVG["clock"]}<span>{label}</span></div>' if pin else "")
                + f'<header class="block-header">'
                + (f'<a class="block-time" href="?page=with:block-{bid}#block-{bid}"><time datetime="{a.dt.isoformat()}T{tm if ":" in tm else "00:00"}:00Z">{tm}</time></a>' if not pin else "")
                + f'<h2 class="block-title">{esc(head.text)}</h2></header><div class="block-elements">{h}</div>'
                f'<footer class="block-footer"><div class="block-share">{share_bar(url + "#block-" + bid, head.text, "block-share__list", labels=False)}</div><span class="block-updated">{"Updated at" if not pin else "Updated"} {tm if ":" in tm else ""}</span></footer></article>'
            )
            t = ([shown_time] if shown_time else []) + [head.text] + parts
        else:
            html = (
                f'<li class="lx-stream__post-container"><article id="post_{bid}" class="lx-stream-post{" lx-stream-post--pinned" if pin else ""}">'
                f'<header class="lx-stream-post__header"><div class="lx-stream-post__meta"><span class="qa-post-time-label lx-stream-post__meta-time">{"" if pin else esc(tm)}</span></div><h3 class="lx-stream-post__header-title"><span class="lx-stream-post__header-text">{esc(head.text)}</span></h3></header>'
                f'<div class="lx-stream-post-body">{h}</div><footer class="lx-stream-post__footer"><button class="lx-share-tools__cta">Share</button></footer></article></li>'
            )
            t = ([tm] if not pin else []) + [head.text] + parts
        return html, t

    blocks_html = []
    for e in pinned:
        h, t = entry_html(e, pin=True)
        blocks_html.append(h)
        truth += t
    for e in timeline:
        h, t = entry_html(e)
        blocks_html.append(h)
        truth += t
    key = [e for e in timeline if e[0].meta["key"]]
    key_box = (
        '<div class="key-events" data-component="key-events"><h2 class="key-events__title">Key events</h2><ul class="key-events__list">'
        + "".join(f'<li class="key-events__item"><a href="#block-{hexhash(a.slug + e[0].text, 24)}"><time>{e[0].meta["time"]}</time> <span class="key-events__text">{esc(e[0].text)}</span></a></li>' for e in key)
        + '</ul><button class="key-events__toggle">Show key events only</button></div>'
    )
    related = "".join(f'<li class="onward__item"><a href="{article_url(site["domain"], o, "section")}"><h3 class="onward__headline">{esc(o.meta["headline"])}</h3><p class="onward__standfirst">{esc(o.meta.get("dek") or o.first_sentence())}</p></a></li>' for o in others[:5])
    live_json = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": a.meta["headline"], "coverageStartTime": f"{a.dt.isoformat()}T08:00:00Z", "liveBlogUpdate": [{"@type": "BlogPosting", "headline": e[0].text, "datePublished": f"{a.dt.isoformat()}T{e[0].meta['time'] if ':' in e[0].meta['time'] else '12:00'}:00Z"} for e in timeline]}
    head = f"""<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(a.meta["headline"])} | {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
<script type="application/ld+json">{json.dumps(live_json, ensure_ascii=False)}</script>
<link rel="stylesheet" href="https://assets.{site["domain"].split(".", 1)[-1]}/live/main.{hexhash(a.slug, 8)}.css">
<script>window.liveConfig = {{"blogId":"{hexhash(a.slug, 24)}","pollInterval":30000,"isLive":true,"mostRecentBlockId":"block-{hexhash(a.slug + timeline[0][0].text, 24)}"}};</script>
<script async src="https://assets.{site["domain"].split(".", 1)[-1]}/live/updater.js"></script>"""
    nav = "".join(f'<li><a href="/{slugify(s)}">{s}</a></li>' for s in ["News", "Sport", "Politics", "Weather", "Business", "Culture", "Opinion"])
    if style == 0:
        article = f"""<article class="live-blog" data-component="liveblog">
<header class="live-blog__header"><div class="live-badge"><span class="live-badge__dot"></span>Live</div>
<h1 class="live-blog__headline">{esc(a.meta["headline"])}</h1>
{f'<div class="live-blog__standfirst"><p>{esc(a.meta["dek"])}</p></div>' if a.meta.get("dek") else ""}
<div class="live-blog__meta"><address class="byline">{esc(by_s)}</address><time class="dateline">{date_s}</time><span class="live-blog__updated">Updated 4 min ago</span></div></header>
<div class="live-blog__layout"><aside class="live-blog__aside">{key_box}<div class="live-blog__share">{share_bar(url, a.meta["headline"], "share", labels=True)}</div></aside>
<div class="live-blog__body"><div class="toast" role="status" hidden><button>2 new updates</button></div><div id="liveblog-body" class="live-blog__blocks">{"".join(blocks_html)}</div>
<nav class="live-blog__pagination" aria-label="Live blog pagination"><a href="?page=1">Newest</a><a href="?page=2">Previous</a><span>1 of 3</span><a href="?page=2">Next</a><a href="?page=3">Oldest</a></nav></div></div>
</article>"""
    else:
        article = f"""<div class="lx-c-stream"><header class="lx-c-summary"><div class="lx-c-summary-points"><span class="lx-live-label">Live</span>
<h1 class="lx-commentary__title">{esc(a.meta["headline"])}</h1>
<div class="lx-commentary__meta"><span class="lx-commentary__meta-reporter">{esc(by_s)}</span><span class="lx-commentary__meta-date">{date_s}</span></div>
{f'<p class="lx-summary">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}</div>
{key_box}</header>
<ol class="lx-stream__feed">{"".join(blocks_html)}</ol>
<div class="lx-pagination"><span class="lx-pagination__page-info">Page 1 of 2</span><a class="lx-pagination__btn--next" href="?page=2">Next page</a></div></div>"""
    body = f"""<header class="masthead"><a class="masthead__logo" href="/">{esc(site["name"])}</a><nav class="masthead__nav" aria-label="Main"><ul>{nav}</ul></nav><button class="masthead__menu">{SVG["menu"]}</button></header>
<div class="ad-slot ad-slot--top"><div id="dfp-ad--top-above-nav" class="ad-slot__content" data-name="top-above-nav" style="min-height:250px"></div></div>
<main id="maincontent">{article}
<section class="onward"><h2 class="onward__title">More on this story</h2><ul class="onward__list">{related}</ul></section></main>
<footer class="footer"><p>&copy; {a.dt.year} {esc(site["name"])}. All rights reserved. Registered in the Northgate district, company number 04{int(hexhash(site["name"], 4), 16)}.</p><ul class="footer__links"><li><a href="/help">Help</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie policy</a></li></ul></footer>
{cookie_banner(v % 3, site["name"])}"""
    return url, page(head, body, a.lang), truth_text(truth)
