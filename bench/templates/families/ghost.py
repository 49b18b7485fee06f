"""Ghost (Casper 5-like): gh-content, kg-card blocks, portal signup, read-more post-cards with excerpts."""

from __future__ import annotations

from common import (
    SVG, Dialect, esc, hexhash, json_ld, long_date, meta_tags, other_articles, page, rng_for, slugify, truth_text,
)

SITES = [
    {"name": "Tabs & Spaces", "domain": "tabsandspaces.example", "desc": "Thoughts on software, tools and the craft of programming.", "accent": "#3b5bdb"},
    {"name": "Working Notes", "domain": "workingnotes.example.com", "desc": "Essays about work, small business and the way we spend our days.", "accent": "#e67700"},
    {"name": "The Measured Planet", "domain": "measuredplanet.example", "desc": "Science journalism, slowly and carefully.", "accent": "#2b8a3e"},
    {"name": "Frame by Frame", "domain": "framebyframe.example", "desc": "Film criticism and cinema news, independent since 2016.", "accent": "#c92a2a"},
    {"name": "Leselampe", "domain": "leselampe.example", "desc": "Ein Blog über neue Bücher und alte Lieblinge.", "accent": "#862e9c"},
]


class GhostCards(Dialect):
    img_base = "https://images.example-ghost.io/content/images/"

    def img_src(self, caption, w=2000):
        return f"{self.img_base}size/w{w}/{self.a.dt.year}/{self.a.dt.month:02d}/{hexhash(caption, 12)}.jpeg"

    def img(self, caption, credit):
        srcset = ", ".join(f"{self.img_src(caption, w)} {w}w" for w in (600, 1000, 1600, 2000))
        return (
            f'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="{self.img_src(caption)}" class="kg-image" alt="" loading="lazy" width="2000" height="1333" srcset="{srcset}" sizes="(min-width: 720px) 720px"><figcaption><span style="white-space: pre-wrap;">{esc(caption)} Photo: {esc(credit)}</span></figcaption></figure>',
            f"{caption} Photo: {credit}",
        )

    def quote(self, text):
        return f'<blockquote class="kg-blockquote-alt">{esc(text)}</blockquote>', text

    def code(self, text):
        return f'<pre><code class="language-bash">{esc(text)}</code></pre>', text

    def h2(self, text):
        return f'<h2 id="{slugify(text)}">{esc(text)}</h2>', text


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    de = a.lang == "de"
    r = rng_for("ghost", a.slug, str(v))
    url = f"https://{site['domain']}/{slugify(a.meta['headline'])}/"
    others = other_articles(ctx["arts"], a, 6, r, lang=a.lang)
    d = GhostCards(a, r)
    nwords = sum(len(b.text.split()) + sum(len(str(i).split()) for i in b.items) for b in a.blocks)
    mins = max(1, round(nwords / 230))
    date_s = long_date(a.dt, a.lang)
    primary_tag = a.tag_list[0] if a.tag_list else a.meta["section"]

    def cta(i, b):
        if i == 3 and v % 2 == 1:
            return (
                '<div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form style="background-color: #F0F0F0; display: none;"><div class="kg-signup-card-content"><div class="kg-signup-card-text"><h2 class="kg-signup-card-heading" style="color: #000000;">'
                + ("Keinen Beitrag verpassen" if de else "Sign up for " + esc(site["name"]))
                + '</h2><p class="kg-signup-card-subheading" style="color: #000000;">'
                + ("Neue Rezensionen jede Woche direkt in Ihr Postfach." if de else "One thoughtful essay a week, no spam, unsubscribe whenever you like.")
                + '</p><form class="kg-signup-card-form" data-members-form="signup"><div class="kg-signup-card-fields"><input class="kg-signup-card-input" id="email" data-members-email type="email" required="true" placeholder="Your email"><button class="kg-signup-card-button kg-style-accent" type="submit"><span class="kg-signup-card-button-default">Subscribe</span></button></div></form></div></div></div>'
            )
        return None

    body_html, body_truth = d.render(a.blocks, cta)
    card = lambda o: (
        f'<article class="post-card post tag-{slugify(o.meta.get("section", ""))} keep-ratio"><a class="post-card-image-link" href="/{slugify(o.meta["headline"])}/"><img class="post-card-image" srcset="https://images.example-ghost.io/content/images/size/w300/{hexhash(o.slug)}.jpg 300w, https://images.example-ghost.io/content/images/size/w600/{hexhash(o.slug)}.jpg 600w" sizes="(max-width: 1000px) 400px, 800px" src="https://images.example-ghost.io/content/images/size/w600/{hexhash(o.slug)}.jpg" alt="{esc(o.meta["headline"])}" loading="lazy"></a>'
        f'<div class="post-card-content"><a class="post-card-content-link" href="/{slugify(o.meta["headline"])}/"><header class="post-card-header"><div class="post-card-tags"><span class="post-card-primary-tag">{esc(o.meta.get("section", ""))}</span></div><h2 class="post-card-title">{esc(o.meta["headline"])}</h2></header>'
        f'<div class="post-card-excerpt">{esc(o.excerpt(34))}</div></a><footer class="post-card-meta"><time class="post-card-meta-date" datetime="{o.dt.isoformat()}">{long_date(o.dt, o.lang)}</time><span class="post-card-meta-length">{3 + len(o.meta["headline"]) % 7} min read</span></footer></div></article>'
    )
    head = f"""<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(a.meta["headline"])}</title>
<meta name="HandheldFriendly" content="True">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="preload" as="style" href="https://{site["domain"]}/assets/built/screen.css?v=2f8a1c2b5e">
<link rel="stylesheet" type="text/css" href="https://{site["domain"]}/assets/built/screen.css?v=2f8a1c2b5e">
<link rel="icon" href="https://{site["domain"]}/content/images/size/w256h256/2023/01/favicon.png" type="image/png">
{meta_tags(a, url, site["name"])}
<meta name="generator" content="Ghost 5.82">
<link rel="alternate" type="application/rss+xml" title="{esc(site["name"])}" href="https://{site["domain"]}/rss/">
<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-i18n="true" data-ghost="https://{site["domain"]}/" data-key="{hexhash(site["name"], 26)}" data-api="https://{site["domain"]}/ghost/api/content/" crossorigin="anonymous"></script>
<style id="gh-members-styles">.gh-post-upgrade-cta-content,.gh-post-upgrade-cta{{display:flex;flex-direction:column;align-items:center;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Oxygen,Ubuntu,Cantarell,'Open Sans','Helvetica Neue',sans-serif;text-align:center;width:100%;color:#ffffff;font-size:16px;}}</style>
<script defer src="https://cdn.jsdelivr.net/ghost/sodo-search@~1.1/umd/sodo-search.min.js" data-key="{hexhash(site["name"], 26)}" data-styles="https://cdn.jsdelivr.net/ghost/sodo-search@~1.1/umd/main.css" data-sodo-search="https://{site["domain"]}/" crossorigin="anonymous"></script>
<link href="https://{site["domain"]}/webmentions/receive/" rel="webmention">
<script defer src="/public/cards.min.js?v=2f8a1c2b5e"></script>
<link rel="stylesheet" type="text/css" href="/public/cards.min.css?v=2f8a1c2b5e">
<style>:root {{--ghost-accent-color: {site["accent"]};}}</style>
{json_ld(a, url, site["name"], "Article")}"""
    nav = "".join(f'<li class="nav-{slugify(x)}"><a href="https://{site["domain"]}/{slugify(x) if x not in ("Home", "Start") else ""}">{x}</a></li>' for x in (["Start", "Romane", "Sachbuch", "Über mich"] if de else ["Home", "Archive", "Tags", "About"]))
    body = f"""<div class="viewport">
<header id="gh-head" class="gh-head outer is-header-hidden">
<div class="gh-head-inner inner">
<div class="gh-head-brand"><a class="gh-head-logo no-image" href="https://{site["domain"]}">{esc(site["name"])}</a><button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search>{SVG["search"]}</button><button class="gh-burger" aria-label="Main Menu"></button></div>
<nav class="gh-head-menu"><ul class="nav">{nav}</ul></nav>
<div class="gh-head-actions"><button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search>{SVG["search"]}</button><div class="gh-head-members"><a class="gh-head-link" href="#/portal/signin" data-portal="signin">{"Anmelden" if de else "Sign in"}</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">{"Abonnieren" if de else "Subscribe"}</a></div></div>
</div>
</header>
<div class="site-content">
<main id="site-main" class="site-main">
<article class="article post tag-{slugify(primary_tag)} {'no-image' if v % 2 else 'image-small'}">
<header class="article-header gh-canvas">
<div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/{slugify(primary_tag)}/">{esc(primary_tag)}</a></span></div>
<h1 class="article-title">{esc(a.meta["headline"])}</h1>
{f'<p class="article-excerpt">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}
<div class="article-byline"><section class="article-byline-content"><ul class="author-list instapaper_ignore"><li class="author-list-item"><a href="/author/{slugify(a.meta["author"])}/" class="author-avatar"><img class="author-profile-image" src="https://{site["domain"]}/content/images/size/w100/{hexhash(a.meta["author"])}.jpg" alt="{esc(a.meta["author"])}"></a></li></ul>
<div class="article-byline-meta"><h4 class="author-name"><a href="/author/{slugify(a.meta["author"])}/">{esc(a.meta["author"])}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="{a.dt.isoformat()}">{date_s}</time><span class="byline-reading-time"><span class="bull">&bull;</span> {mins} {"Min. Lesezeit" if de else "min read"}</span></div></div></section></div>
</header>
<section class="gh-content gh-canvas">
{body_html}
</section>
<section class="article-comments gh-canvas"><script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~0.17/umd/comments-ui.min.js" data-ghost-comments="https://{site["domain"]}/" data-api="https://{site["domain"]}/ghost/api/content/" data-admin="https://{site["domain"]}/ghost/" data-key="{hexhash(site["name"], 26)}" data-title="" data-count="true" data-post-id="{hexhash(a.slug, 24)}" data-color-scheme="auto" data-avatar-saturation="60" data-accent-color="{site["accent"]}" data-comments-enabled="all" data-publication="{esc(site["name"])}" crossorigin="anonymous"></script></section>
</article>
</main>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">{"Abonnieren Sie " + esc(site["name"]) if de else "Sign up for more like this."}</h2><a class="footer-cta-button" href="#/portal" data-portal><div class="footer-cta-input">{"Ihre E-Mail-Adresse" if de else "Enter your email"}</div><span>{"Abonnieren" if de else "Subscribe"}</span></a></div></section>
<aside class="read-more-wrap outer"><div class="read-more inner"><h2 class="read-more-title">{"Weiterlesen" if de else "Read next"}</h2>{"".join(card(o) for o in others[:3])}</div></aside>
</div>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://{site["domain"]}">{esc(site["name"])}</a> &copy; {a.dt.year}</section><nav class="site-footer-nav"><ul class="nav"><li class="nav-sign-up"><a href="#/portal/">{"Abonnieren" if de else "Sign up"}</a></li><li class="nav-rss"><a href="/rss/">RSS</a></li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer>
</div>
<div class="pswp" tabindex="-1" role="dialog" aria-hidden="true"><div class="pswp__bg"></div><div class="pswp__scroll-wrap"><div class="pswp__container"><div class="pswp__item"></div><div class="pswp__item"></div><div class="pswp__item"></div></div><div class="pswp__ui pswp__ui--hidden"><div class="pswp__top-bar"><div class="pswp__counter"></div><button class="pswp__button pswp__button--close" title="Close (Esc)"></button><button class="pswp__button pswp__button--share" title="Share"></button><button class="pswp__button pswp__button--fs" title="Toggle fullscreen"></button><button class="pswp__button pswp__button--zoom" title="Zoom in/out"></button></div></div></div></div>
<script src="https://{site["domain"]}/assets/built/casper.js?v=2f8a1c2b5e"></script>
<script>document.querySelectorAll('.gh-burger').forEach(function(b){{b.addEventListener('click',function(){{document.body.classList.toggle('gh-head-open');}});}});</script>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [a.meta["author"], date_s] + body_truth
    return url, page(head, body, a.lang, body_attrs=f' class="post-template tag-{slugify(primary_tag)} is-head-left-logo has-cover"'), truth_text(truth)
