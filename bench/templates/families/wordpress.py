"""WordPress: a Twenty-Twenty-style block theme and a Newspaper/JNews-style magazine theme."""

from __future__ import annotations

from common import (
    ANALYTICS, SVG, Dialect, author_bio, byline, comments_html, cookie_banner, esc, hexhash, json_ld, long_date,
    meta_tags, other_articles, page, rng_for, share_bar, slugify, truth_text, article_url,
)


class WPBlocks(Dialect):
    img_base = "https://www.example.com/wp-content/uploads/"

    def img_src(self, caption, w=1024):
        return f"{self.img_base}{self.a.dt.year}/{self.a.dt.month:02d}/{hexhash(caption, 8)}-{w}x683.jpg"

    def p(self, text):
        return f"<p>{self.inline(text)}</p>", text

    def h2(self, text):
        return f'<h2 class="wp-block-heading" id="{slugify(text)}">{esc(text)}</h2>', text

    def h3(self, text):
        return f'<h3 class="wp-block-heading">{esc(text)}</h3>', text

    def ul(self, items):
        return '<ul class="wp-block-list">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>", "\n".join(items)

    def ol(self, items):
        return '<ol class="wp-block-list">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ol>", "\n".join(items)

    def quote(self, text):
        return f'<blockquote class="wp-block-quote is-layout-flow"><p>{esc(text)}</p></blockquote>', text

    def code(self, text):
        return f'<pre class="wp-block-code"><code>{esc(text)}</code></pre>', text

    def table(self, rows):
        trs = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f'<figure class="wp-block-table is-style-stripes"><table><tbody>{trs}</tbody></table></figure>', "\n".join(" ".join(r) for r in rows)

    def img(self, caption, credit):
        src = self.img_src(caption)
        pid = int(hexhash(caption, 4), 16)
        srcset = ", ".join(f"{self.img_src(caption, w)} {w}w" for w in (300, 768, 1024))
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="683" src="{src}" alt="" class="wp-image-{pid}" srcset="{srcset}" sizes="(max-width: 1024px) 100vw, 1024px">'
            f'<figcaption class="wp-element-caption">{esc(caption)} <em>{esc(credit)}</em></figcaption></figure>',
            f"{caption} {credit}",
        )


SITES_TWENTY = [
    {"name": "Crumb & Crust", "domain": "crumbandcrust.example", "tagline": "Notes from a small kitchen", "menu": ["Recipes", "Baking", "Techniques", "About", "Contact"]},
    {"name": "Miles and Mud", "domain": "milesandmud.example", "tagline": "Running, mostly uphill", "menu": ["Race reports", "Gear", "Training", "About me"]},
    {"name": "devnotes", "domain": "devnotes.example.org", "tagline": "Small guides for working programmers", "menu": ["Python", "Git", "Linux", "Archive", "Newsletter"]},
    {"name": "The Castleford Courier", "domain": "castlefordcourier.example", "tagline": "Independent news for Castleford", "menu": ["News", "Opinion", "Business", "Events", "Subscribe"]},
]


def render_twenty(a, ctx):
    v = ctx["variant"]
    site = SITES_TWENTY[v % len(SITES_TWENTY)]
    r = rng_for("wp-twenty", a.slug, str(v))
    url = article_url(site["domain"], a, "date")
    d = WPBlocks(a, r)
    body_html, body_truth = d.render(a.blocks)
    date_s = long_date(a.dt, a.lang)
    by_s = byline(a, prefix=False)
    post_id = int(hexhash(a.slug, 4), 16)
    others = other_articles(ctx["arts"], a, 8, r, lang=a.lang)
    menu = "".join(
        f'<li id="menu-item-{100 + i}" class="menu-item menu-item-type-taxonomy menu-item-object-category menu-item-{100 + i}"><a href="/category/{slugify(m)}/">{esc(m)}</a></li>'
        for i, m in enumerate(site["menu"])
    )
    cats = f'<a href="/category/{slugify(a.meta["section"])}/" rel="category tag">{esc(a.meta["section"])}</a>'
    tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in a.tag_list)
    recent = "".join(f'<li><a href="{article_url(site["domain"], o)}">{esc(o.meta["headline"])}</a></li>' for o in others[:5])
    jp = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{i} jp-relatedposts-post-thumbs" data-post-id="{int(hexhash(o.slug, 4), 16)}" data-post-format="false">'
        f'<a class="jp-relatedposts-post-a" href="{article_url(site["domain"], o)}" title="{esc(o.excerpt(20))}" rel="nofollow"><img class="jp-relatedposts-post-img" loading="lazy" src="https://i0.wp.com/{site["domain"]}/wp-content/uploads/{hexhash(o.slug)}.jpg?resize=350%2C200&amp;ssl=1" width="350" height="200" alt=""></a>'
        f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{article_url(site["domain"], o)}" rel="nofollow">{esc(o.meta["headline"])}</a></h4>'
        f'<p class="jp-relatedposts-post-excerpt">{esc(o.excerpt(24))}</p><p class="jp-relatedposts-post-date">{long_date(o.dt, o.lang)}</p><p class="jp-relatedposts-post-context">In &quot;{esc(o.meta.get("section", ""))}&quot;</p></div>'
        for i, o in enumerate(others[5:8])
    )
    ncom = [0, 5, 3, 7][v % 4]
    comments = ""
    if ncom:
        comments = (
            f'<div class="comments-wrapper section-inner" id="comments"><div class="comments-header section-inner small max-percentage"><h2 class="comment-reply-title">{ncom} replies on &ldquo;{esc(a.meta["headline"])}&rdquo;</h2></div>'
            '<div class="comments">' + comments_html(r, ncom, {"list": "comment-list", "item": "comment even thread-even depth-1", "body": "comment-content entry-content"}, date_s) + "</div></div>"
            '<div id="respond" class="comment-respond"><h2 id="reply-title" class="comment-reply-title">Leave a Reply</h2><form action="/wp-comments-post.php" method="post" id="commentform" class="section-inner thin max-percentage"><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> Required fields are marked <span class="required">*</span></p><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div>'
        )
    archive = "".join(f'<li><a href="/{a.dt.year}/{m:02d}/">{["January","February","March","April","May","June","July","August","September","October","November","December"][m-1]} {a.dt.year}</a></li>' for m in range(a.dt.month, 0, -1))
    head = f"""<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(a.meta["headline"])} &#8211; {esc(site["name"])}</title>
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="{esc(site["name"])} &raquo; Feed" href="https://{site["domain"]}/feed/">
{meta_tags(a, url, site["name"])}
<link rel="stylesheet" id="twentytwenty-style-css" href="https://{site["domain"]}/wp-content/themes/twentytwenty/style.css?ver=2.6" media="all">
<link rel="stylesheet" id="wp-block-library-css" href="https://{site["domain"]}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2" media="all">
<style id="twentytwenty-style-inline-css">.color-accent,.color-accent-hover:hover{{color:#cd2653}}.has-drop-cap:not(:focus)::first-letter{{color:#cd2653}}</style>
<script src="https://{site["domain"]}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="https://{site["domain"]}/wp-json/">
<link rel="shortlink" href="https://{site["domain"]}/?p={post_id}">
{json_ld(a, url, site["name"], "BlogPosting")}"""
    body = f"""<a class="skip-link screen-reader-text" href="#site-content">Skip to the content</a>
<header id="site-header" class="header-footer-group">
<div class="header-inner section-inner">
<div class="header-titles-wrapper">
<button class="toggle search-toggle mobile-search-toggle" data-toggle-target=".search-modal" aria-expanded="false"><span class="toggle-inner"><span class="toggle-icon">{SVG["search"]}</span><span class="toggle-text">Search</span></span></button>
<div class="header-titles"><div class="site-title faux-heading"><a href="/">{esc(site["name"])}</a></div><div class="site-description">{esc(site["tagline"])}</div></div>
<button class="toggle nav-toggle mobile-nav-toggle" data-toggle-target=".menu-modal" aria-expanded="false"><span class="toggle-inner"><span class="toggle-icon">{SVG["menu"]}</span><span class="toggle-text">Menu</span></span></button>
</div>
<div class="header-navigation-wrapper"><nav class="primary-menu-wrapper" aria-label="Horizontal"><ul class="primary-menu reset-list-style">{menu}</ul></nav></div>
</div>
<div class="search-modal cover-modal header-footer-group" data-modal-target-string=".search-modal" role="dialog" aria-modal="true" aria-label="Search"><div class="search-modal-inner modal-inner"><div class="section-inner"><form role="search" aria-label="Search for:" method="get" class="search-form" action="/"><label for="search-form-1"><span class="screen-reader-text">Search for:</span><input type="search" id="search-form-1" class="search-field" placeholder="Search &hellip;" value="" name="s"></label><input type="submit" class="search-submit" value="Search"></form></div></div></div>
</header>
<div class="menu-modal cover-modal header-footer-group" data-modal-target-string=".menu-modal"><div class="menu-modal-inner modal-inner"><div class="menu-wrapper section-inner"><nav class="mobile-menu" aria-label="Mobile"><ul class="modal-menu reset-list-style">{menu}</ul></nav></div></div></div>
<main id="site-content">
<article class="post-{post_id} post type-post status-publish format-standard hentry category-{slugify(a.meta["section"])}" id="post-{post_id}">
<header class="entry-header has-text-align-center header-footer-group">
<div class="entry-header-inner section-inner medium">
<div class="entry-categories"><span class="screen-reader-text">Categories</span><div class="entry-categories-inner">{cats}</div></div>
<h1 class="entry-title">{esc(a.meta["headline"])}</h1>
{f'<div class="intro-text section-inner max-percentage small"><p>{esc(a.meta["dek"])}</p></div>' if a.meta.get("dek") else ""}
<div class="post-meta-wrapper post-meta-single post-meta-single-top"><ul class="post-meta">
<li class="post-author meta-wrapper"><span class="meta-icon"><span class="screen-reader-text">Post author</span>{SVG["comment"]}</span><span class="meta-text">By <a href="/author/{slugify(by_s)}/">{esc(by_s)}</a></span></li>
<li class="post-date meta-wrapper"><span class="meta-icon"><span class="screen-reader-text">Post date</span>{SVG["clock"]}</span><span class="meta-text"><a href="{url}">{date_s}</a></span></li>
{f'<li class="post-comment-link meta-wrapper"><span class="meta-text"><a href="#comments">{ncom} Comments</a></span></li>' if ncom else '<li class="post-comment-link meta-wrapper"><span class="meta-text"><a href="#respond">No Comments<span class="screen-reader-text"> on {esc(a.meta["headline"])}</span></a></span></li>'}
</ul></div>
</div>
</header>
<div class="post-inner thin">
<div class="entry-content">
{body_html}
<div id="jp-post-flair" class="sharedaddy sd-like-enabled sd-sharing-enabled"><div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content">{share_bar(url, a.meta["headline"], "share-list")}</div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts" style="display: block;"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual jp-relatedposts-grid">{jp}</div></div></div>
</div>
</div>
<div class="section-inner">
<div class="post-meta-wrapper post-meta-single post-meta-single-bottom"><ul class="post-meta"><li class="post-tags meta-wrapper"><span class="meta-icon"><span class="screen-reader-text">Tags</span></span><span class="meta-text">{tags}</span></li></ul></div>
<div class="author-bio"><div class="author-title-wrapper"><div class="author-avatar vcard"><img alt="" src="https://secure.gravatar.com/avatar/{hexhash(by_s, 32)}?s=160&amp;d=mm&amp;r=g" class="avatar avatar-160 photo" height="160" width="160" loading="lazy"></div><h2 class="author-title heading-size-4">By {esc(by_s)}</h2></div><div class="author-description"><p>{esc(author_bio(a, site["name"]))}</p><a class="author-link" href="/author/{slugify(by_s)}/" rel="author">View Archive <span aria-hidden="true">&rarr;</span></a></div></div>
</div>
<nav class="pagination-single section-inner" aria-label="Post"><hr class="styled-separator is-style-expanded" aria-hidden="true"><div class="pagination-single-inner"><a class="previous-post" href="{article_url(site["domain"], others[0])}"><span class="arrow" aria-hidden="true">&larr;</span><span class="title"><span class="title-inner">{esc(others[0].meta["headline"])}</span></span></a><a class="next-post" href="{article_url(site["domain"], others[1])}"><span class="arrow" aria-hidden="true">&rarr;</span><span class="title"><span class="title-inner">{esc(others[1].meta["headline"])}</span></span></a></div><hr class="styled-separator is-style-expanded" aria-hidden="true"></nav>
{comments}
</article>
</main>
<div class="footer-nav-widgets-wrapper header-footer-group"><div class="footer-inner section-inner"><aside class="footer-widgets-outer-wrapper"><div class="footer-widgets-wrapper">
<div class="footer-widgets column-one grid-item"><div class="widget widget_search"><div class="widget-content"><form role="search" method="get" class="search-form" action="/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form></div></div>
<div class="widget widget_recent_entries"><div class="widget-content"><h2 class="widget-title subheading heading-size-3">Recent Posts</h2><nav aria-label="Recent Posts"><ul>{recent}</ul></nav></div></div></div>
<div class="footer-widgets column-two grid-item"><div class="widget widget_text"><div class="widget-content"><h2 class="widget-title subheading heading-size-3">About</h2><div class="textwidget"><p>{esc(site["name"])} is written and maintained by one person in their spare time. There is no advertising here and there never will be; if something on this site helped you, the best thanks is to tell a friend about it.</p></div></div></div>
<div class="widget widget_archive"><div class="widget-content"><h2 class="widget-title subheading heading-size-3">Archives</h2><ul>{archive}</ul></div></div></div>
</div></aside></div></div>
<footer id="site-footer" class="header-footer-group"><div class="section-inner"><div class="footer-credits"><p class="footer-copyright">&copy; {a.dt.year} <a href="/">{esc(site["name"])}</a></p><p class="powered-by-wordpress"><a href="https://wordpress.org/">Powered by WordPress</a></p></div><a class="to-the-top" href="#site-header"><span class="to-the-top-long">To the top <span class="arrow" aria-hidden="true">&uarr;</span></span></a></div></footer>
{cookie_banner(2, site["name"]) if v % 2 else ""}
<script id="twentytwenty-js-js" src="https://{site["domain"]}/wp-content/themes/twentytwenty/assets/js/index.js?ver=2.6" async></script>
<script src="https://stats.wp.com/e-202420.js" defer></script>
<script>_stq = window._stq || []; _stq.push([ "view", {{v:'ext',blog:'{post_id * 3}',post:'{post_id}',tz:'0',srv:'{site["domain"]}'}} ]);</script>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [f"By {by_s}", date_s] + body_truth
    return url, page(head, body, a.lang, body_attrs=f' class="post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive singular enable-search-modal has-post-thumbnail has-single-pagination showing-comments show-avatars footer-top-visible"'), truth_text(truth)


# --- magazine theme (tagDiv Newspaper-like) ------------------------------------

SITES_MAG = [
    {"name": "GadgetPulse", "domain": "www.gadgetpulse.example", "menu": ["Home", "News", "Reviews", "Phones", "Laptops", "Deals", "How To"]},
    {"name": "Matchday Herald", "domain": "matchdayherald.example", "menu": ["Home", "Premier", "Transfers", "Europe", "Women's Football", "Podcasts"]},
    {"name": "The Ledger Daily", "domain": "www.ledgerdaily.example", "menu": ["Home", "Markets", "Business", "Tech", "Health", "Lifestyle", "Culture"]},
    {"name": "Diario del Valle", "domain": "www.diariodelvalle.example", "menu": ["Portada", "Local", "Cultura", "Deportes", "Economía", "Opinión"]},
]


class MagBlocks(WPBlocks):
    img_base = "https://www.example.com/wp-content/uploads/"

    def img(self, caption, credit):
        src = self.img_src(caption, 696)
        return (
            f'<div class="wp-caption aligncenter td-post-image-full" style="width: 706px"><img class="lazy lazy-hidden size-full" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-lazy-src="{src}" alt="" width="696" height="464"><noscript><img src="{src}" width="696" height="464"></noscript>'
            f'<p class="wp-caption-text">{esc(caption)} (Photo: {esc(credit)})</p></div>',
            f"{caption} (Photo: {credit})",
        )


def render_magazine(a, ctx):
    v = ctx["variant"]
    site = SITES_MAG[ctx.get("site", v) % len(SITES_MAG)]
    r = rng_for("wp-mag", a.slug, str(v))
    url = article_url(site["domain"], a, "plain")
    others = other_articles(ctx["arts"], a, 14, r, lang=a.lang)
    es = a.lang == "es"
    ymal = "También te puede interesar" if es else "You may also like"
    trending = "Lo más leído" if es else "Trending Now"

    def module(o, cls="td_module_6", excerpt=True):
        return (
            f'<div class="{cls} td_module_wrap td-animation-stack"><div class="td-module-thumb"><a href="{article_url(site["domain"], o, "plain")}" rel="bookmark" class="td-image-wrap" title="{esc(o.meta["headline"])}"><img class="entry-thumb td-lazy-img" src="data:image/png;base64,iVBORw0KGgo=" data-img-url="https://{site["domain"]}/wp-content/uploads/{hexhash(o.slug)}-218x150.jpg" alt="" width="218" height="150"></a></div>'
            f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="{article_url(site["domain"], o, "plain")}" rel="bookmark">{esc(o.meta["headline"])}</a></h3>'
            f'<div class="td-module-meta-info"><span class="td-post-author-name"><a href="/author/{slugify(o.meta["author"])}/">{esc(o.meta["author"])}</a> <span>-</span> </span><span class="td-post-date"><time class="entry-date updated td-module-date">{long_date(o.dt, o.lang)}</time></span></div>'
            + (f'<div class="td-excerpt">{esc(o.excerpt(28))}</div>' if excerpt else "")
            + "</div></div>"
        )

    recirc = (
        f'<div class="td-a-rec td-a-rec-id-content_inline"><div class="td_block_wrap td_block_related_posts td-inline-related"><h4 class="td-related-title"><span>{"Relacionado" if es else "Related"}</span></h4>'
        + module(others[12], "td_module_related_posts", excerpt=False)
        + "</div></div>"
    )
    ad_label = "Publicidad" if es else "Advertisement"
    ad = f'<div class="td-a-rec td-a-rec-id-content_inlineleft"><div class="td-g-rec td-g-rec-id-content_inlineleft"><span class="td-adspot-title">- {ad_label} -</span><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" data-ad-slot="1234567890" data-ad-format="auto"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div></div>'

    def between(i, b):
        if i == 2:
            return ad
        if i == 5:
            return recirc
        return None

    d = MagBlocks(a, r)
    body_html, body_truth = d.render(a.blocks, between)
    date_s = long_date(a.dt, a.lang)
    rating = ""
    if a.meta.get("rating"):
        n = int(a.meta["rating"])
        rating = f'<div class="td-review td-review-final-score"><div class="td-review-score-label">Our score</div><div class="td-review-final-score-wrap"><span class="td-review-final-score">{n}.0</span><div class="td-review-stars">' + "".join('<i class="td-icon-star"></i>' for _ in range(n)) + '</div></div><div class="td-review-summary-content">Final verdict</div></div>'
    nav = "".join(f'<li class="menu-item menu-item-type-custom td-menu-item td-normal-menu"><a href="/{slugify(m)}/">{esc(m)}</a></li>' for m in site["menu"])
    mega = "".join(module(o, "td_module_mega_menu", excerpt=False) for o in others[9:12])
    head = f"""<meta charset="UTF-8">
<title>{esc(a.meta["headline"])} | {esc(site["name"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{meta_tags(a, url, site["name"])}
<meta name="generator" content="WordPress 6.4.3">
<link rel="stylesheet" id="td-theme-css" href="https://{site["domain"]}/wp-content/themes/Newspaper/style.css?ver=12.6.3" type="text/css" media="all">
<link rel="stylesheet" id="tdb_style_cloud_templates_front-css" href="https://{site["domain"]}/wp-content/plugins/td-cloud-library/assets/css/tdb_main.css?ver=d578089f160957352b9b4ca6d880fd8f" type="text/css" media="all">
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-0000000000000000" crossorigin="anonymous"></script>
<script>var tdBlocksArray = []; var tdLocalCache = {{}}; var td_ajax_url="https:\\/\\/{site["domain"]}\\/wp-admin\\/admin-ajax.php?td_theme_name=Newspaper&v=12.6.3";</script>
{json_ld(a, url, site["name"], "Review" if a.meta.get("rating") else "NewsArticle")}
{ANALYTICS}"""
    body = f"""<div class="td-scroll-up" data-style="style1"><i class="td-icon-menu-up"></i></div>
<div class="td-menu-background" style="visibility:hidden"></div>
<div id="td-mobile-nav" style="visibility:hidden"><div class="td-mobile-container"><div class="td-mobile-content"><div class="menu-main-menu-container"><ul id="menu-main-menu" class="td-mobile-main-menu">{nav}</ul></div></div></div></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-template-wrap" style="position: relative">
<div class="td-header-top-menu-full td-container-wrap"><div class="td-container td-header-row td-header-top-menu"><div class="top-bar-style-1"><div class="td-header-sp-top-menu"><div class="td_data_time"><div>{date_s}</div></div><ul class="top-header-menu td_ul_login"><li class="menu-item"><a class="td-login-modal-js" href="#login-form">{"Iniciar sesión" if es else "Sign in / Join"}</a></li></ul></div><div class="td-header-sp-top-widget"><span class="td-social-icon-wrap">{SVG["facebook"]}</span><span class="td-social-icon-wrap">{SVG["twitter"]}</span></div></div></div></div>
<div class="td-header-menu-wrap-full td-container-wrap"><div class="td-header-menu-wrap td-header-gradient"><div class="td-container td-header-row td-header-main-menu"><div id="td-header-menu" role="navigation"><div class="td-main-menu-logo td-logo-in-header"><a class="td-main-logo" href="/"><img class="td-retina-data" src="https://{site["domain"]}/wp-content/uploads/logo.png" alt="{esc(site["name"])}" width="272" height="90"><span class="td-visual-hidden">{esc(site["name"])}</span></a></div>
<div class="menu-main-menu-container"><ul id="menu-main-menu-1" class="sf-menu">{nav}<li class="menu-item td-mega-menu"><a href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a><ul class="sub-menu"><li><div class="td-container-border"><div class="td-mega-grid"><div class="td_block_wrap td_block_mega_menu"><div class="td_block_inner">{mega}</div></div></div></div></li></ul></li></ul></div></div>
<div class="header-search-wrap"><div class="td-search-btns-wrap"><a id="td-header-search-button" href="#" aria-label="Search" class="dropdown-toggle" data-toggle="dropdown">{SVG["search"]}</a></div></div></div></div></div>
</div>
<div class="td-main-content-wrap td-container-wrap">
<div class="td-container td-post-template-default">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb" href="/">{"Portada" if es else "Home"}</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a title="View all posts in {esc(a.meta["section"])}" class="entry-crumb" href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></span></div></div>
<div class="td-pb-row">
<div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-{int(hexhash(a.slug, 4), 16)}" class="post type-post status-publish format-standard has-post-thumbnail">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></li></ul>
<header class="td-post-title">
<h1 class="entry-title">{esc(a.meta["headline"])}</h1>
{f'<p class="td-post-sub-title">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">{"Por" if es else "By"}</div> <a href="/author/{slugify(a.meta["author"])}/">{esc(a.meta["author"])}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a.dt.isoformat()}T08:12:00+00:00">{date_s}</time></span>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{hexhash(a.slug, 4)}">{1000 + r.randrange(9000)}</span></div>
<div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>0</a></div></div>
</header>
</div>
<div class="td-post-sharing-top"><div class="td-post-sharing-classic">{share_bar(url, a.meta["headline"], "td-social-sharing", labels=True)}</div></div>
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><a href="https://{site["domain"]}/wp-content/uploads/{hexhash(a.slug)}.jpg" data-caption=""><img width="696" height="392" class="entry-thumb td-modal-image" src="https://{site["domain"]}/wp-content/uploads/{hexhash(a.slug)}-696x392.jpg" alt="" title="{esc(a.meta["headline"])}"></a></div>
{body_html}
{rating}
</div>
<footer>
<div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>{"ETIQUETAS" if es else "TAGS"}</span></li>{"".join(f'<li><a href="/tag/{slugify(t)}/">{esc(t)}</a></li>' for t in a.tag_list)}</ul></div>
<div class="td-post-sharing-bottom">{share_bar(url, a.meta["headline"], "td-social-sharing", labels=False)}</div>
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>{"Artículo anterior" if es else "Previous article"}</span><a href="{article_url(site["domain"], others[7], "plain")}">{esc(others[7].meta["headline"])}</a></div></div><div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content"><span>{"Artículo siguiente" if es else "Next article"}</span><a href="{article_url(site["domain"], others[8], "plain")}">{esc(others[8].meta["headline"])}</a></div></div></div>
<div class="author-box-wrap"><a href="/author/{slugify(a.meta["author"])}/"><img alt="" src="https://secure.gravatar.com/avatar/{hexhash(a.meta["author"], 32)}?s=96&amp;d=mm" class="avatar avatar-96 photo" height="96" width="96" loading="lazy"></a><div class="desc"><div class="td-author-name vcard author"><span class="fn"><a href="/author/{slugify(a.meta["author"])}/">{esc(a.meta["author"])}</a></span></div><div class="td-author-description">{esc(author_bio(a, site["name"]))}</div><div class="td-author-social"></div><div class="clearfix"></div></div></div>
</footer>
</article>
<div class="td_block_wrap td_block_related_posts tdi_3 td_with_ajax_pagination td-pb-border-top td_block_template_1" data-td-block-uid="tdi_3"><h4 class="td-related-title td-block-title"><a id="tdi_4" class="td-related-left td-cur-simple-item" data-td_filter_value="" data-td_block_id="tdi_3" href="#">{ymal}</a></h4><div id="tdi_3" class="td_block_inner"><div class="td-related-row">{"".join(f'<div class="td-related-span4">{module(o)}</div>' for o in others[:6])}</div></div><div class="td-next-prev-wrap"><a href="#" class="td-ajax-prev-page ajax-page-disabled" aria-label="prev-page"><i class="td-next-prev-icon td-icon-font td-icon-menu-left"></i></a><a href="#" class="td-ajax-next-page" aria-label="next-page"><i class="td-next-prev-icon td-icon-font td-icon-menu-right"></i></a></div></div>
<div class="comments" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{"DEJA UNA RESPUESTA" if es else "LEAVE A REPLY"}</h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><div class="clearfix"></div><div class="comment-form-input-wrap td-form-comment"><textarea placeholder="{"Comentario:" if es else "Comment:"}" id="comment" name="comment" cols="45" rows="8" aria-required="true"></textarea><div class="td-warning-comment">{"Por favor ingrese su comentario!" if es else "Please enter your comment!"}</div></div><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{"Publicar comentario" if es else "Post Comment"}"></p></form></div></div>
</div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar">
<div class="td-a-rec td-a-rec-id-sidebar"><span class="td-adspot-title">- {"Publicidad" if es else "Advertisement"} -</span><div id="div-gpt-ad-sidebar-1" style="min-height:250px"></div></div>
<div class="td_block_wrap td_block_1 td_block_widget td-pb-border-top td_block_template_1 td-column-1"><div class="td-block-title-wrap"><h4 class="block-title td-block-title"><span class="td-pulldown-size">{trending}</span></h4></div><div class="td_block_inner">{"".join(module(o, "td_module_4", excerpt=(i < 2)) for i, o in enumerate(others[6:11]))}</div></div>
<div class="td_block_wrap td_block_social_counter td_block_widget"><div class="td-social-list"><div class="td_social_type td-pb-margin-side td_social_facebook"><div class="td-social-box"><div class="td-sp td-sp-facebook"></div><span class="td_social_info td_social_info_counter">{12000 + r.randrange(80000)}</span><span class="td_social_info td_social_info_name">Fans</span><span class="td_social_button"><a href="https://www.facebook.com/example">Like</a></span></div></div></div></div>
</div></div>
</div></div></div>
<div class="td-footer-template-wrap" style="position: relative"><div class="td-footer-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span4"><div class="footer-logo-wrap"><a href="/"><img class="td-retina-data" src="https://{site["domain"]}/wp-content/uploads/logo-footer.png" alt="" width="272"></a></div><div class="footer-text-wrap">{esc(site["name"])} {"es un medio digital independiente. Informamos cada día sobre la actualidad de la comarca con rigor y cercanía. Contacto: redaccion@" if es else "brings you the latest news, honest reviews and practical guides, written by people who actually use the things they write about. Contact us: tips@"}{site["domain"]}</div></div><div class="td-pb-span4"><div class="td_block_wrap td_block_popular_categories"><ul class="td-pb-padding-side">{"".join(f'<li><a href="/{slugify(m)}/"><span class="td-cat-name">{esc(m)}</span><span class="td-cat-no">{5 + i * 7}</span></a></li>' for i, m in enumerate(site["menu"][1:]))}</ul></div></div></div></div></div>
<div class="td-sub-footer-container td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span-td-sub-footer-menu"><ul class="td-subfooter-menu"><li><a href="/about/">{"Quiénes somos" if es else "About"}</a></li><li><a href="/privacy/">{"Privacidad" if es else "Privacy"}</a></li><li><a href="/contact/">{"Contacto" if es else "Contact"}</a></li></ul></div><div class="td-pb-span-td-sub-footer-copy"><div class="td-sub-footer-copy">&copy; {esc(site["name"])} {a.dt.year}</div></div></div></div></div></div>
</div>
{cookie_banner(v % 2, site["name"])}
<script src="https://{site["domain"]}/wp-content/plugins/td-composer/legacy/Newspaper/js/tagdiv_theme.min.js?ver=12.6.3" id="td-site-min-js"></script>
<script>jQuery().ready(function(){{ tdAjaxCount.tdGetViewsCountsAjax("post",'[{int(hexhash(a.slug, 4), 16)}]'); }});</script>"""
    by = "Por" if es else "By"
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [f"{by} {a.meta['author']}", date_s] + body_truth
    return url, page(head, body, a.lang, body_attrs=' class="post-template-default single single-post td-standard-pack global-block-template-1 single_template td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage"'), truth_text(truth)
