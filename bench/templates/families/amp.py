"""AMP article pages: <html amp>, amp-img, amp-ad, amp-carousel of related stories, amp-sidebar menu, amp-consent."""

from __future__ import annotations

from common import Dialect, esc, hexhash, json_ld, long_date, other_articles, page, rng_for, slugify, truth_text, article_url

SITES = [
    {"name": "Riverside Gazette", "domain": "www.riverside-gazette.example"},
    {"name": "Matchday Herald", "domain": "matchdayherald.example"},
    {"name": "Metro Morning", "domain": "amp.metromorning.example"},
    {"name": "L'Écho de Saint-Aubin", "domain": "www.echo-saintaubin.example"},
    {"name": "Lindenauer Kreisbote", "domain": "www.kreisbote-lindenau.example"},
]

L = {
    "en": {"by": "By", "menu": "Sections", "related": "Related stories", "ad": "Advertisement", "consent": "We use cookies and similar technologies to measure how our site is used and to show you advertising that is relevant to you. You can change your choice at any time in the privacy settings.", "accept": "Accept", "reject": "Reject", "sections": ["Home", "News", "Local", "Sport", "Business", "Weather", "Opinion"], "more": "Read more at"},
    "fr": {"by": "Par", "menu": "Rubriques", "related": "À lire aussi", "ad": "Publicité", "consent": "Nous utilisons des cookies pour mesurer l'audience de notre site et vous proposer des publicités adaptées à vos centres d'intérêt. Vous pouvez modifier votre choix à tout moment.", "accept": "Accepter", "reject": "Refuser", "sections": ["Accueil", "Vie locale", "Sport", "Économie", "Culture", "Météo"], "more": "Lire la suite sur"},
    "de": {"by": "Von", "menu": "Ressorts", "related": "Mehr zum Thema", "ad": "Anzeige", "consent": "Wir verwenden Cookies und ähnliche Technologien, um die Nutzung unserer Website zu analysieren und Ihnen passende Werbung anzuzeigen. Sie können Ihre Auswahl jederzeit ändern.", "accept": "Zustimmen", "reject": "Ablehnen", "sections": ["Startseite", "Region", "Politik", "Sport", "Wirtschaft", "Kultur"], "more": "Mehr unter"},
}

BOILERPLATE = """<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}</style></noscript>"""


class AmpBlocks(Dialect):
    def img(self, caption, credit):
        return (
            f'<figure class="article-image"><amp-img src="https://{self.domain}/resizer/{hexhash(caption, 20)}=/1200x800/{hexhash(caption, 8)}.jpg" width="1200" height="800" layout="responsive" alt="{esc(caption)}"></amp-img>'
            f'<figcaption class="article-image__caption">{esc(caption)} <span class="article-image__credit">{esc(credit)}</span></figcaption></figure>',
            f"{caption} {credit}",
        )

    def table(self, rows):
        trs = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f'<div class="table-wrap"><table class="spec-table">{trs}</table></div>', "\n".join(" ".join(r) for r in rows)


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    t = L.get(a.lang, L["en"])
    r = rng_for("amp", a.slug, str(v))
    canon = article_url(site["domain"].replace("amp.", "www."), a, "id")
    url = canon.replace(".html", ".amp.html") if v % 2 else canon.rstrip("/") + "?outputType=amp"
    others = other_articles(ctx["arts"], a, 8, r, lang=a.lang)
    d = AmpBlocks(a, r)
    d.domain = site["domain"]
    ad = f'<div class="ad-container"><span class="ad-label">{t["ad"]}</span><amp-ad width="300" height="250" type="doubleclick" data-slot="/1234567/{slugify(site["name"])}/amp/article" data-multi-size="320x50,300x100" data-multi-size-validation="false" rtc-config=\'{{"vendors":{{"aps":{{"PUB_ID":"600","PARAMS":{{"amp":"1"}}}}}},"timeoutMillis":1000}}\'><div placeholder></div><div fallback></div></amp-ad></div>'
    body_html, body_truth = d.render(a.blocks, lambda i, b: ad if i in (1, 5) else None)
    date_s = long_date(a.dt, a.lang)
    by_s = f'{t["by"]} {a.meta["author"]}'
    carousel = "".join(
        f'<div class="related-card"><a href="{article_url(site["domain"], o, "id").replace(".html", ".amp.html")}"><amp-img src="https://{site["domain"]}/resizer/{hexhash(o.slug, 20)}=/400x225/{hexhash(o.slug)}.jpg" width="400" height="225" layout="responsive" alt=""></amp-img><h3 class="related-card__title">{esc(o.meta["headline"])}</h3><p class="related-card__summary">{esc(o.excerpt(22))}</p></a></div>'
        for o in others[:5]
    )
    sidebar_links = "".join(f'<li><a href="https://{site["domain"]}/{slugify(s)}/">{esc(s)}</a></li>' for s in t["sections"])
    css = """body{font-family:Georgia,serif;color:#222;margin:0}.header{display:flex;align-items:center;justify-content:space-between;padding:8px 16px;border-bottom:1px solid #ddd}.article{max-width:680px;margin:0 auto;padding:0 16px}.article h1{font-size:28px;line-height:1.2}.byline{font-family:Arial,sans-serif;font-size:13px;color:#555}.ad-container{text-align:center;margin:24px 0;background:#f4f4f4;padding:8px 0}.ad-label{display:block;font:11px Arial,sans-serif;text-transform:uppercase;color:#888}.related-card{width:260px;padding:8px}.related-card__title{font-size:16px}.related-card__summary{font-size:13px;color:#444}#consent-ui{background:#fff;padding:16px;box-shadow:0 -2px 8px rgba(0,0,0,.2)}amp-sidebar{width:280px;background:#111;color:#fff}"""
    head = f"""<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.2.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-consent" src="https://cdn.ampproject.org/v0/amp-consent-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<title>{esc(a.meta["headline"])} - {esc(site["name"])}</title>
<link rel="canonical" href="{canon}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{esc(a.meta.get("dek") or a.first_sentence())}">
<meta property="og:title" content="{esc(a.meta["headline"])}">
{json_ld(a, canon, site["name"], image=f"https://{site['domain']}/resizer/{hexhash(a.slug, 20)}=/1200x630/{hexhash(a.slug)}.jpg")}
{BOILERPLATE}
<style amp-custom>{css}</style>"""
    body = f"""<amp-analytics type="googleanalytics" id="analytics1"><script type="application/json">{{"vars":{{"account":"UA-0000000-1"}},"triggers":{{"trackPageview":{{"on":"visible","request":"pageview"}}}}}}</script></amp-analytics>
<amp-consent id="site-consent" layout="nodisplay"><script type="application/json">{{"consentInstanceId":"site-consent","consentRequired":true,"promptUI":"consent-ui"}}</script><div id="consent-ui"><p>{esc(t["consent"])}</p><button on="tap:site-consent.accept" role="button">{t["accept"]}</button><button on="tap:site-consent.reject" role="button">{t["reject"]}</button></div></amp-consent>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><button on="tap:sidebar.close" class="sidebar-close" aria-label="Close">&times;</button><nav class="sidebar-nav"><h2>{t["menu"]}</h2><ul>{sidebar_links}</ul></nav></amp-sidebar>
<header class="header"><button on="tap:sidebar.toggle" class="hamburger" aria-label="{t["menu"]}">&#9776;</button><a href="https://{site["domain"]}/" class="logo"><amp-img src="https://{site["domain"]}/logo.png" width="180" height="32" alt="{esc(site["name"])}"></amp-img></a><a class="subscribe" href="https://{site["domain"]}/subscribe/">{"S'abonner" if a.lang == "fr" else ("Abo" if a.lang == "de" else "Subscribe")}</a></header>
<main id="content" role="main">
<article class="article">
<div class="kicker"><a href="https://{site["domain"]}/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></div>
<h1>{esc(a.meta["headline"])}</h1>
{f'<p class="standfirst">{esc(a.meta["dek"])}</p>' if a.meta.get("dek") else ""}
<div class="byline"><span class="byline__author">{esc(by_s)}</span><time class="byline__date" datetime="{a.dt.isoformat()}">{date_s}</time></div>
<div class="share"><amp-social-share type="facebook" width="32" height="32" data-param-app_id="000000000"></amp-social-share><amp-social-share type="twitter" width="32" height="32"></amp-social-share><amp-social-share type="email" width="32" height="32"></amp-social-share></div>
<figure class="lead-image"><amp-img src="https://{site["domain"]}/resizer/{hexhash(a.slug, 20)}=/1200x675/{hexhash(a.slug)}.jpg" width="1200" height="675" layout="responsive" alt=""></amp-img></figure>
<div class="article-body">
{body_html}
</div>
<p class="canonical-link">{t["more"]} <a href="{canon}">{esc(site["name"])}</a></p>
</article>
<section class="related"><h2>{t["related"]}</h2><amp-carousel height="300" layout="fixed-height" type="carousel">{carousel}</amp-carousel></section>
{ad if v % 2 == 0 else ""}
</main>
<footer class="footer"><ul class="footer-links"><li><a href="https://{site["domain"]}/about/">{"À propos" if a.lang == "fr" else ("Impressum" if a.lang == "de" else "About us")}</a></li><li><a href="https://{site["domain"]}/privacy/">{"Confidentialité" if a.lang == "fr" else ("Datenschutz" if a.lang == "de" else "Privacy")}</a></li></ul><p>&copy; {a.dt.year} {esc(site["name"])}</p><button on="tap:site-consent.prompt" class="consent-settings">{"Paramètres des cookies" if a.lang == "fr" else ("Cookie-Einstellungen" if a.lang == "de" else "Privacy settings")}</button></footer>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + body_truth
    return url, page(head, body, a.lang, html_attrs=" amp"), truth_text(truth)
