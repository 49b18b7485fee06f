"""Paywalled articles. mode "teaser": only the first paragraphs are in the page, then a subscribe box.
mode "hidden": the whole text is in the HTML but everything after the first paragraphs sits in a container that
CSS hides (display:none) behind a subscribe box. Truth = what a reader sees: the visible paragraphs only."""

from __future__ import annotations

from common import (
    ANALYTICS, SVG, Dialect, cookie_banner, esc, hexhash, json_ld, long_date, meta_tags, other_articles, page,
    rng_for, slugify, truth_text, article_url,
)

SITES = [
    {"name": "The Capital Post", "domain": "www.capitalpost.example", "lang": "en"},
    {"name": "Granton Valley News", "domain": "news.grantonvalley.example", "lang": "en"},
    {"name": "Lindenauer Kulturspiegel", "domain": "www.kulturspiegel-lindenau.example", "lang": "de"},
    {"name": "The Ledger", "domain": "www.theledger-news.example", "lang": "en"},
    {"name": "Frame by Frame", "domain": "framebyframe.example", "lang": "en"},
]

T = {
    "en": {
        "by": "By",
        "title": "Subscribe to keep reading",
        "pitch": "This article is for subscribers. Get unlimited access to our award-winning journalism, the daily digital edition and our puzzles for just $1 a week for the first six months. Cancel anytime.",
        "cta": "Subscribe now",
        "have": "Already a subscriber?",
        "login": "Log in",
        "perks": ["Unlimited articles on any device", "Ad-light reading experience", "Exclusive subscriber newsletters"],
        "meter": "You have read 3 of 3 free articles this month.",
    },
    "de": {
        "by": "Von",
        "title": "Weiterlesen mit Plus",
        "pitch": "Dieser Artikel ist exklusiv für Abonnentinnen und Abonnenten. Lesen Sie alle Artikel auf unserer Website und in der App, vier Wochen lang für nur 99 Cent. Danach monatlich kündbar.",
        "cta": "Jetzt testen",
        "have": "Sie sind bereits Abonnent?",
        "login": "Hier anmelden",
        "perks": ["Alle Plus-Artikel lesen", "Weniger Werbung", "Das E-Paper am Vorabend"],
        "meter": "",
    },
}


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    lang = a.lang if a.lang in T else "en"
    t = T[lang]
    r = rng_for("paywall", a.slug, str(v))
    url = article_url(site["domain"], a, "id" if v % 2 else "date")
    others = other_articles(ctx["arts"], a, 6, r, lang=a.lang)
    mode, visible = ctx["mode"], ctx["visible"]
    blocks = a.blocks
    cut, seen = len(blocks), 0
    for i, b in enumerate(blocks):
        if b.kind == "p":
            seen += 1
            if seen == visible:
                cut = i + 1
                break
    d = Dialect(a, r)
    shown_html, shown_truth = d.render(blocks[:cut])
    hidden_html = ""
    if mode == "hidden":
        rest, _ = d.render(blocks[cut:])
        if v % 2:
            hidden_html = f'<div class="article-body__locked paywall-locked" aria-hidden="true" data-paywall="locked">{rest}</div>'
        else:
            hidden_html = f'<div class="article-body__locked" style="display:none" data-paywall="locked">{rest}</div>'
    perks = "".join(f"<li>{esc(p)}</li>" for p in t["perks"])
    wall = f"""<div class="paywall" id="paywall" data-module="paywall" data-paywall-type="{"hard" if mode == "teaser" else "metered"}">
<div class="paywall__fade" aria-hidden="true"></div>
<div class="paywall__box">{f'<p class="paywall__meter">{esc(t["meter"])}</p>' if t["meter"] and mode == "hidden" else ""}<h2 class="paywall__title">{esc(t["title"])}</h2><p class="paywall__pitch">{esc(t["pitch"])}</p><ul class="paywall__perks">{perks}</ul>
<a class="paywall__cta button button--primary" href="https://{site["domain"]}/subscribe/?ref=paywall&amp;article={hexhash(a.slug, 10)}">{esc(t["cta"])}</a>
<p class="paywall__login">{esc(t["have"])} <a href="https://{site["domain"]}/login/?return={url}">{esc(t["login"])}</a></p></div></div>"""
    date_s = long_date(a.dt, a.lang)
    by_s = f'{t["by"]} {a.meta["author"]}'
    related = "".join(f'<li><a href="{article_url(site["domain"], o, "date")}"><span class="rel-title">{esc(o.meta["headline"])}</span><span class="rel-dek">{esc(o.meta.get("dek") or o.first_sentence())}</span></a></li>' for o in others[:4])
    css = ".paywall-locked{display:none!important}.paywall__fade{height:120px;margin-top:-120px;background:linear-gradient(rgba(255,255,255,0),#fff)}.paywall__box{border-top:4px solid #c00;padding:24px;background:#f7f7f7}"
    head = f"""<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.meta["headline"])} | {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
<style>{css}</style>
<script>window.tp = window.tp || [];tp.push(["setAid", "{hexhash(site["name"], 10)}"]);tp.push(["setContentIsNative", false]);tp.push(["setTags", {[x for x in a.tag_list]!r}]);tp.push(["init", function() {{ tp.experience.init(); }}]);</script>
<script async src="https://experience.tinypass.example/xbuilder/experience/load?aid={hexhash(site["name"], 10)}"></script>
{json_ld(a, url, site["name"]).replace('"@type": "NewsArticle"', '"@type": "NewsArticle", "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": false, "cssSelector": ".article-body__locked"}')}
{ANALYTICS}"""
    body = f"""<header class="header"><div class="header__bar"><button class="header__menu" aria-label="Menu">{SVG["menu"]}</button><a class="header__logo" href="/">{esc(site["name"])}</a><a class="header__subscribe" href="/subscribe/">{esc(t["cta"])}</a></div>
<nav class="header__nav"><ul>{"".join(f'<li><a href="/{slugify(s)}/">{esc(s)}</a></li>' for s in (["Politik", "Region", "Kultur", "Sport", "Wirtschaft"] if lang == "de" else ["News", "Politics", "Business", "Culture", "Sport", "Opinion"]))}</ul></nav></header>
<main class="main">
<article class="article article--premium">
<div class="article__kicker"><span class="premium-badge">{"Plus" if lang == "de" else "Subscriber exclusive"}</span> <a href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></div>
<h1 class="article__headline">{esc(a.meta["headline"])}</h1>
{f'<p class="article__dek">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}
<div class="article__byline"><span class="article__author">{esc(by_s)}</span> <time class="article__date" datetime="{a.dt.isoformat()}">{date_s}</time></div>
<figure class="article__lead"><img src="https://{site["domain"]}/images/{hexhash(a.slug, 16)}.jpg" alt="" width="1200" height="675"></figure>
<div class="article__body">
{shown_html}
{hidden_html}
</div>
{wall}
</article>
<aside class="related"><h2>{"Das könnte Sie auch interessieren" if lang == "de" else "More stories"}</h2><ul>{related}</ul></aside>
</main>
<footer class="footer"><p>&copy; {a.dt.year} {esc(site["name"])}</p><ul><li><a href="/impressum/">{"Impressum" if lang == "de" else "Contact us"}</a></li><li><a href="/datenschutz/">{"Datenschutz" if lang == "de" else "Privacy"}</a></li><li><a href="/agb/">{"AGB" if lang == "de" else "Terms of sale"}</a></li></ul></footer>
{cookie_banner(v % 3, site["name"]) if lang == "en" else ""}"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + shown_truth
    return url, page(head, body, a.lang), truth_text(truth)
