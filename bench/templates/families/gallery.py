"""Photo galleries: intro text then slides with captions and credits (slideshow, WordPress gallery block,
magazine lightbox grid, AMP carousel). Truth: headline, standfirst, byline, date, intro, then each slide's
caption and credit in order; slide counters, thumbnails strips and 'next gallery' chrome are not truth."""

from __future__ import annotations

from common import (
    ANALYTICS, SVG, cookie_banner, esc, hexhash, json_ld, long_date, meta_tags,
    other_articles, page, rng_for, share_bar, slugify, truth_text, article_url, Dialect,
)
from amp import BOILERPLATE

SITES = [
    {"name": "Riverside Gazette", "domain": "www.riverside-gazette.example"},
    {"name": "Kettlebrook Community News", "domain": "kettlebrooknews.example"},
    {"name": "Dwell & Draw", "domain": "www.dwellanddraw.example"},
    {"name": "Riverside Gazette", "domain": "www.riverside-gazette.example"},
]


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    r = rng_for("gallery", a.slug, str(v))
    url = article_url(site["domain"], a, "section") + ("/photos" if v != 3 else "/amp")
    others = other_articles(ctx["arts"], a, 8, r)
    intro = [b for b in a.blocks if b.kind != "img"]
    slides = [b.items for b in a.blocks if b.kind == "img"]
    n = len(slides)
    d = Dialect(a, r)
    intro_html, intro_truth = d.render(intro)
    date_s = long_date(a.dt)
    by_s = a.meta["author"] if a.meta["author"].endswith("desk") else f"By {a.meta['author']}"
    img = lambda cap, w, h: f"https://{site['domain']}/media/{a.dt.year}/{hexhash(cap, 12)}-{w}x{h}.jpg"
    slide_truth = []
    if v == 0:
        items = []
        for k, (cap, cred) in enumerate(slides):
            lazy = "" if k < 2 else 'src="' + img(cap, 40, 27) + '" class="lazyload"'
            items.append(
                f'<div class="gallery-slide{" is-active" if k == 0 else ""}" data-slide="{k + 1}" aria-hidden="{"false" if k == 0 else "true"}"><div class="gallery-slide__media"><img {"src" if k < 2 else "data-src"}="{img(cap, 1600, 1067)}" {lazy} alt="{esc(cap)}" width="1600" height="1067"></div>'
                f'<div class="gallery-slide__info"><span class="gallery-slide__count">{k + 1} / {n}</span><p class="gallery-slide__caption">{esc(cap)}</p><p class="gallery-slide__credit">Photo: {esc(cred)}</p></div></div>'
            )
            slide_truth += [cap, f"Photo: {cred}"]
        thumbs = "".join(f'<li><button data-goto="{k + 1}" aria-label="Go to slide {k + 1}"><img src="{img(c, 120, 80)}" alt="" width="120" height="80"></button></li>' for k, (c, _) in enumerate(slides))
        gal = f'<div class="gallery" data-component="slideshow" data-count="{n}"><div class="gallery__stage">{"".join(items)}<button class="gallery__prev" aria-label="Previous">&lsaquo;</button><button class="gallery__next" aria-label="Next">&rsaquo;</button><div class="gallery__ad" data-after-slide="4"><span>Advertisement</span><div id="gallery-ad-interstitial"></div></div></div><ul class="gallery__thumbs">{thumbs}</ul></div>'
    elif v == 1:
        figs = []
        for cap, cred in slides:
            figs.append(f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="683" data-id="{int(hexhash(cap, 4), 16)}" src="{img(cap, 1024, 683)}" alt="" class="wp-image-{int(hexhash(cap, 4), 16)}"><figcaption class="wp-element-caption">{esc(cap)} (Photo by {esc(cred)})</figcaption></figure>')
            slide_truth.append(f"{cap} (Photo by {cred})")
        gal = f'<figure class="wp-block-gallery has-nested-images columns-2 is-cropped wp-block-gallery-1 is-layout-flex wp-block-gallery-is-layout-flex">{"".join(figs)}</figure>'
    elif v == 2:
        cells = []
        for k, (cap, cred) in enumerate(slides):
            cells.append(f'<li class="lightbox-grid__item"><a href="{img(cap, 2400, 1600)}" data-lightbox="house" data-title="{esc(cap)}"><img src="{img(cap, 600, 400)}" alt="{esc(cap)}" loading="lazy" width="600" height="400"></a><div class="lightbox-grid__caption"><p>{esc(cap)}</p><small class="lightbox-grid__credit">{esc(cred)}</small></div></li>')
            slide_truth += [cap, cred]
        gal = f'<ul class="lightbox-grid">{"".join(cells)}</ul><div id="lightbox" class="lightbox" hidden><button class="lightbox__close">Close</button><div class="lightbox__counter"></div></div>'
    else:
        cells = []
        for k, (cap, cred) in enumerate(slides):
            cells.append(f'<figure class="amp-slide"><amp-img src="{img(cap, 1200, 800)}" width="1200" height="800" layout="responsive" alt="{esc(cap)}"></amp-img><figcaption><span class="amp-slide__num">{k + 1} of {n}</span> {esc(cap)} <span class="amp-slide__credit">{esc(cred)}</span></figcaption></figure>')
            slide_truth += [cap, cred]
        gal = f'<amp-carousel id="gallery" width="1200" height="900" layout="responsive" type="slides" controls loop role="region" aria-label="Photo gallery">{"".join(cells)}</amp-carousel><amp-selector class="gallery-thumbs" on="select:gallery.goToSlide(index=event.targetOption)" layout="container">' + "".join(f'<amp-img option="{k}" src="{img(c, 120, 80)}" width="60" height="40" alt=""></amp-img>' for k, (c, _) in enumerate(slides)) + "</amp-selector>"
    next_gals = "".join(f'<li class="more-galleries__item"><a href="{article_url(site["domain"], o, "section")}/photos"><img src="https://{site["domain"]}/media/{hexhash(o.slug, 12)}-400x267.jpg" alt="" width="400" height="267" loading="lazy"><span class="more-galleries__title">{esc(o.meta["headline"])}</span><span class="more-galleries__count">{5 + len(o.slug) % 12} photos</span></a></li>' for o in others[:4])
    more_text = "".join(f'<li><a href="{article_url(site["domain"], o, "section")}">{esc(o.meta["headline"])}</a><p>{esc(o.first_sentence())}</p></li>' for o in others[4:8])
    head_html = f"""<h1 class="gallery-page__title">{esc(a.meta["headline"])}</h1>
{f'<p class="gallery-page__dek">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}
<div class="gallery-page__meta"><span class="gallery-page__byline">{esc(by_s)}</span> <time>{date_s}</time> <span class="gallery-page__count">{n} photos</span></div>"""
    main = f"""<article class="gallery-page">{head_html}
<div class="gallery-page__share">{share_bar(url, a.meta["headline"], "share", labels=False)}</div>
<div class="gallery-page__intro">{intro_html}</div>
{gal}
</article>"""
    if v == 3:
        head = f"""<meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.1.js"></script>
<script async custom-element="amp-selector" src="https://cdn.ampproject.org/v0/amp-selector-0.1.js"></script>
<title>{esc(a.meta["headline"])}</title><link rel="canonical" href="{url[:-4]}/photos"><meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
{json_ld(a, url, site["name"], "ImageGallery")}
{BOILERPLATE}<style amp-custom>body{{font-family:sans-serif}}.amp-slide figcaption{{padding:8px;font-size:14px}}</style>"""
        body = f'<header class="amp-header"><a href="https://{site["domain"]}/">{esc(site["name"])}</a></header><main>{main}<section class="more-galleries"><h2>More photo galleries</h2><ul>{next_gals}</ul></section></main><footer><p>&copy; {a.dt.year} {esc(site["name"])}</p></footer>'
        return url, page(head, body, a.lang, html_attrs=" ⚡"), truth_text([a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + intro_truth + slide_truth)
    head = f"""<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.meta["headline"])} | {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
{json_ld(a, url, site["name"], "ImageGallery")}
<link rel="stylesheet" href="https://{site["domain"]}/static/css/gallery.{hexhash(a.slug, 8)}.css">
<script defer src="https://{site["domain"]}/static/js/slideshow.{hexhash(a.slug, 8)}.js"></script>
{ANALYTICS}"""
    body = f"""<header class="site-header"><a class="logo" href="/">{esc(site["name"])}</a><nav><ul>{"".join(f'<li><a href="/{slugify(s)}/">{s}</a></li>' for s in ["News", "Photos", "Video", "Community", "Homes", "Events"])}</ul></nav><button class="site-header__search">{SVG["search"]}</button></header>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/photos/">Photos</a> &rsaquo; <span>{esc(a.meta["section"])}</span></nav>
<main class="content">{main}
<section class="more-galleries"><h2>More photo galleries</h2><ul class="more-galleries__list">{next_gals}</ul></section>
<section class="latest-news"><h2>Latest news</h2><ul>{more_text}</ul></section></main>
<footer class="site-footer"><p>&copy; {a.dt.year} {esc(site["name"])}. Photographs may not be reproduced without permission. To buy prints of any photograph in this gallery, contact our picture desk.</p></footer>
{cookie_banner(v % 3, site["name"])}"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + intro_truth + slide_truth
    return url, page(head, body, a.lang), truth_text(truth)
