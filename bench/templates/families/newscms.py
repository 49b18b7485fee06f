"""Large news CMS (Arc/Brightspot/WordPress-VIP-like): sticky video with an 'Up next' playlist, Most read rail,
inline 'Read more:' links, recirculation and newsletter modules between paragraphs, sponsored 'Around the web' grid."""

from __future__ import annotations

import json

from common import (
    ANALYTICS, FOOTER_LEGAL, NEWSLETTER, SPONSORED, SVG, Dialect, cookie_banner, esc, hexhash, json_ld, meta_tags,
    other_articles, page, rng_for, share_bar, slugify, truth_text, article_url, MONTHS,
)

SITES = [
    {"name": "The Northgate Herald", "domain": "www.northgateherald.example", "short": "Herald"},
    {"name": "The Ledger", "domain": "www.theledger-news.example", "short": "Ledger"},
    {"name": "Metro Morning", "domain": "www.metromorning.example", "short": "Metro"},
    {"name": "The Capital Post", "domain": "www.capitalpost.example", "short": "Post"},
    {"name": "The Castleford Courier", "domain": "www.castlefordcourier.example", "short": "Courier"},
]

VIDEOS = [
    ("Watch: How engineers test a bridge before it reopens", "Inspectors explain the load tests that every repaired bridge has to pass.", "2:14"),
    ("The week in 90 seconds", "The stories that mattered this week, from the council chamber to the football pitch.", "1:31"),
    ("Why your electricity bill went up this winter", "Our energy reporter breaks down the charges on a typical bill.", "3:02"),
    ("Inside the newsroom: election night", "What happens in the hours after the polls close.", "4:45"),
    ("Five things to do this weekend", "Markets, music and a very large pumpkin.", "1:58"),
]

L = {
    "en": {"by": "By", "pub": "Published", "readmore": "Read more:", "mostread": "Most read", "upnext": "Up next", "around": "Around the web", "sponsored": "Sponsored", "more": "More in", "related": "Related", "ad": "Advertisement", "story": "Story continues below advertisement", "signup": "Sign up", "email": "Email address", "trending": "Trending", "gift": "Gift this article", "listen": "Listen to this article"},
    "es": {"by": "Por", "pub": "Publicado el", "readmore": "Lea también:", "mostread": "Lo más leído", "upnext": "A continuación", "around": "Contenido patrocinado", "sponsored": "Patrocinado", "more": "Más en", "related": "Relacionado", "ad": "Publicidad", "story": "La noticia continúa tras la publicidad", "signup": "Suscribirse", "email": "Correo electrónico", "trending": "Tendencias", "gift": "Regalar este artículo", "listen": "Escuchar este artículo"},
}

SPONSORED_ES = [
    ("Los expertos recomiendan revisar este ajuste del router", "Un pequeño cambio en la configuración puede mejorar la velocidad de su conexión en casa sin pagar más cada mes."),
    ("Así es el seguro de hogar que está conquistando a los jubilados", "Cada vez más personas mayores de 60 años cambian de compañía para ahorrar hasta un 40 por ciento en su póliza anual."),
    ("El colchón que duerme mejor según 10.000 clientes", "Tras cien noches de prueba, nueve de cada diez compradores decidieron quedárselo, y las reseñas hablan por sí solas."),
    ("Descubra los cruceros fluviales de esta temporada", "Itinerarios tranquilos por los ríos de Europa con todo incluido y excursiones diarias en cada puerto."),
    ("Por qué todo el mundo habla de estas zapatillas", "Diseñadas para caminar muchas horas, prometen acabar con el dolor de pies gracias a una suela acolchada."),
    ("Calcule cuánto vale su vivienda hoy", "Los precios han cambiado mucho en el último año y muchos propietarios se sorprenden con el resultado."),
]


def ts(a, lang, hour=7, minute=30):
    d = a.dt
    if lang == "es":
        return f"{d.day} de {MONTHS['es'][d.month - 1]} de {d.year}, {hour:02d}:{minute:02d}"
    mon = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."][d.month - 1]  # AP style
    return f"{mon} {d.day}, {d.year} at {hour % 12 or 12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'} ET"


class ArcBlocks(Dialect):
    def p(self, text):
        return f'<p class="article-body__paragraph" data-el="text" dir="null">{self.inline(text)}</p>', text

    def h2(self, text):
        return f'<h2 class="article-body__heading" data-el="header">{esc(text)}</h2>', text

    def img(self, caption, credit):
        k = hexhash(caption, 26).upper()
        return (
            f'<figure class="article-body__image" data-el="image"><div class="image-wrapper"><picture><source type="image/webp" srcset="https://{self.domain}/resizer/v2/{k}.jpg?auth={hexhash(caption, 40)}&amp;width=800&amp;quality=70&amp;format=webp 800w, https://{self.domain}/resizer/v2/{k}.jpg?width=1200 1200w"><img src="https://{self.domain}/resizer/v2/{k}.jpg?width=800" alt="{esc(caption)}" loading="lazy" decoding="async" width="800" height="533"></picture></div>'
            f'<figcaption class="article-body__caption"><span class="caption-text">{esc(caption)}</span> <span class="caption-credit">({esc(credit)})</span></figcaption></figure>',
            f"{caption} ({credit})",
        )


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[ctx.get("site", v % 4)]
    lang = a.lang if a.lang in L else "en"
    t = L[lang]
    r = rng_for("newscms", a.slug, str(v))
    url = article_url(site["domain"], a, "id")
    others = other_articles(ctx["arts"], a, 16, r, lang=a.lang)
    d = ArcBlocks(a, r)
    d.domain = site["domain"]
    spons = SPONSORED_ES if lang == "es" else SPONSORED
    npara = sum(1 for b in a.blocks if b.kind == "p")

    def link(o):
        return article_url(site["domain"], o, "id")

    readmore = lambda o: f'<p class="article-body__readmore" data-el="interstitial_link"><strong>{t["readmore"]}</strong> <a href="{link(o)}">{esc(o.meta["headline"])}</a></p>'
    recirc = (
        f'<aside class="recirc-module" data-module="in-article-recirc"><h2 class="recirc-module__title">{t["more"]} {esc(a.meta["section"])}</h2><ul class="recirc-module__list">'
        + "".join(f'<li class="recirc-module__item"><a href="{link(o)}"><img src="https://{site["domain"]}/resizer/v2/{hexhash(o.slug, 26).upper()}.jpg?width=160" alt="" width="160" height="90" loading="lazy"><span class="recirc-module__headline">{esc(o.meta["headline"])}</span></a><p class="recirc-module__blurb">{esc(o.first_sentence())}</p></li>' for o in others[2:5])
        + "</ul></aside>"
    )
    nl = NEWSLETTER[v % 2] if lang == "en" else ("Boletín de la mañana", "Las noticias más importantes del día en su correo antes del desayuno. Gratis, de lunes a viernes.")
    newsletter = f'<div class="newsletter-inline" data-module="newsletter-signup"><div class="newsletter-inline__text"><h3 class="newsletter-inline__title">{esc(nl[0])}</h3><p class="newsletter-inline__desc">{esc(nl[1])}</p></div><form class="newsletter-inline__form" action="/newsletters/subscribe" method="post"><label class="visually-hidden" for="nl-email">{t["email"]}</label><input id="nl-email" type="email" name="email" placeholder="{t["email"]}" required><button type="submit">{t["signup"]}</button></form><p class="newsletter-inline__legal">By signing up you agree to our Terms of Use and acknowledge our Privacy Policy. You can unsubscribe at any time.</p></div>' if lang == "en" else f'<div class="newsletter-inline" data-module="newsletter-signup"><h3 class="newsletter-inline__title">{esc(nl[0])}</h3><p class="newsletter-inline__desc">{esc(nl[1])}</p><form class="newsletter-inline__form"><input type="email" placeholder="{t["email"]}"><button type="submit">{t["signup"]}</button></form></div>'
    adslot = lambda k: f'<div class="ad-slot ad-slot--inline" data-ad-position="inline{k}"><p class="ad-slot__label">{t["story"]}</p><div id="arcad_inline{k}" class="arcad" data-slot="/1001/{slugify(site["name"])}/article/inline{k}" style="min-height:250px"></div></div>'

    paras_seen = {"n": 0}

    def between(i, b):
        if b.kind != "p":
            return None
        paras_seen["n"] += 1
        n = paras_seen["n"]
        if n == 1:
            return adslot(1)
        if n == 2 and npara > 3:
            return readmore(others[0])
        if n == 3 and npara > 4:
            return recirc if v % 2 == 0 else newsletter
        if n == 5 and npara > 6:
            return readmore(others[1])
        if n == 6 and npara > 7:
            return adslot(2) + (newsletter if v % 2 == 0 else recirc)
        return None

    body_html, body_truth = d.render(a.blocks, between)
    if npara <= 4:  # short stories still get a link and a module after the body, inside the article container
        body_html += readmore(others[0]) + newsletter

    vid = VIDEOS[v % len(VIDEOS)]
    playlist = "".join(
        f'<li class="video-playlist__item" data-video-id="{hexhash(x[0], 24)}"><button class="video-playlist__button"><img src="https://{site["domain"]}/video/thumbs/{hexhash(x[0], 10)}.jpg" alt="" width="120" height="68" loading="lazy"><span class="video-playlist__duration">{x[2]}</span><span class="video-playlist__title">{esc(x[0])}</span><span class="video-playlist__desc">{esc(x[1])}</span></button></li>'
        for x in VIDEOS if x != vid
    )
    video = f"""<div class="sticky-video" data-module="sticky-player" data-sticky="true"><div class="sticky-video__player"><div class="powa" id="powa-{hexhash(vid[0], 12)}" data-org="{slugify(site["short"])}" data-env="prod" data-uuid="{hexhash(vid[0], 32)}" data-aspect-ratio="0.562" data-api="prod"><div class="powa-shot-image" style="background-image:url(https://{site["domain"]}/video/thumbs/{hexhash(vid[0], 10)}.jpg)"></div><button class="powa-play" aria-label="Play video">{SVG["play"]}</button><div class="powa-captions" aria-live="polite"><span class="powa-captions__line">[MUSIC PLAYING]</span><span class="powa-captions__line">&gt;&gt; THIS IS WHERE THE WORK BEGINS, RIGHT UNDERNEATH.</span></div></div><div class="sticky-video__meta"><h2 class="sticky-video__title">{esc(vid[0])}</h2><p class="sticky-video__desc">{esc(vid[1])}</p><button class="sticky-video__close" aria-label="Close video">&times;</button></div></div><div class="video-playlist"><h3 class="video-playlist__heading">{t["upnext"]}</h3><ol class="video-playlist__list">{playlist}</ol></div></div>"""
    mostread = "".join(
        f'<li class="most-read__item"><span class="most-read__rank">{k + 1}</span><a class="most-read__link" href="{link(o)}">{esc(o.meta["headline"])}</a></li>'
        for k, o in enumerate(others[5:10])
    )
    around = "".join(
        f'<div class="tbl-item" data-item-syndicated="true"><a class="tbl-item__link" href="https://sponsored.example.net/click?id={hexhash(h, 12)}" rel="nofollow sponsored" target="_blank"><img class="tbl-item__thumb" src="https://images.sponsored.example.net/{hexhash(h, 16)}.jpg" alt="" loading="lazy" width="300" height="200"><span class="tbl-item__title">{esc(h)}</span><span class="tbl-item__desc">{esc(x)}</span><span class="tbl-item__branding">{t["sponsored"]} &middot; {esc(["ComfortStep", "HomeWise Energy", "RiverVoyage", "ClearHear", "SleepWell Co.", "Drivewise"][k % 6])}</span></a></div>'
        for k, (h, x) in enumerate(r.sample(spons, 4 if v % 2 else 6))
    )
    more_section = "".join(
        f'<article class="story-card"><a href="{link(o)}"><img src="https://{site["domain"]}/resizer/v2/{hexhash(o.slug, 26).upper()}.jpg?width=400" width="400" height="225" alt="" loading="lazy"><h3 class="story-card__headline">{esc(o.meta["headline"])}</h3></a><p class="story-card__description">{esc(o.meta.get("dek") or o.first_sentence())}</p><span class="story-card__byline">{t["by"]} {esc(o.meta["author"])}</span></article>'
        for o in others[10:16]
    )
    nav_sections = ["News", "Local", "Politics", "Business", "Sport", "Opinion", "Culture", "Food", "Travel", "Weather", "Obituaries", "Puzzles"] if lang == "en" else ["Noticias", "Local", "Política", "Economía", "Deportes", "Opinión", "Cultura", "Gastronomía", "El tiempo"]
    mega = "".join(
        f'<li class="nav-menu__section"><a href="/{slugify(s)}/" class="nav-menu__link">{esc(s)}</a><ul class="nav-menu__sub">' + "".join(f'<li><a href="/{slugify(s)}/{slugify(x)}/">{esc(x)}</a></li>' for x in (["Latest", "Most popular", "Podcasts", "Newsletters"] if lang == "en" else ["Última hora", "Lo más visto", "Podcasts"])) + "</ul></li>"
        for s in nav_sections
    )
    fusion = {"globalContent": {"_id": hexhash(a.slug, 26).upper(), "type": "story", "headlines": {"basic": a.meta["headline"]}, "taxonomy": {"primary_section": {"name": a.meta["section"], "_id": "/" + slugify(a.meta["section"])}}, "credits": {"by": [{"name": a.meta["author"], "type": "author"}]}, "display_date": f"{a.dt.isoformat()}T11:30:00.000Z", "promo_items": {"basic": {"type": "image", "url": f"https://{site['domain']}/resizer/v2/{hexhash(a.slug, 26).upper()}.jpg"}}, "description": {"basic": a.meta.get("dek") or a.first_sentence()}}}
    date_s = f'{t["pub"]} {ts(a, lang)}'
    by_s = f'{t["by"]} {a.meta["author"]}'
    head = f"""<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.meta["headline"])} - {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
<link rel="preconnect" href="https://securepubads.g.doubleclick.net">
<link rel="preload" href="/pf/resources/fonts/franklin-gothic.woff2?d=812" as="font" type="font/woff2" crossorigin="">
<link rel="stylesheet" href="/pf/dist/components/combinations/default.css?d=812&amp;mxId=00000000">
<script>window.Fusion=window.Fusion||{{}};Fusion.arcSite="{slugify(site["short"])}";Fusion.deployment="812";Fusion.globalContent={json.dumps(fusion["globalContent"], ensure_ascii=False)};Fusion.contentCache={{}};</script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="{hexhash(site["name"], 32)}"></script>
<script>!function(){{var e=window.pbjs=window.pbjs||{{}};e.que=e.que||[];}}();</script>
{json_ld(a, url, site["name"])}
{ANALYTICS}
<script type="text/javascript">window._taboola = window._taboola || [];_taboola.push({{article:'auto'}});!function (e, f, u, i) {{if (!document.getElementById(i)){{e.async = 1;e.src = u;e.id = i;f.parentNode.insertBefore(e, f);}}}}(document.createElement('script'),document.getElementsByTagName('script')[0],'//cdn.taboola.example/libtrc/{slugify(site["short"])}/loader.js','tb_loader_script');</script>"""
    body = f"""<div id="fusion-app" class="layout-section">
<div class="alert-banner" role="alert" data-module="breaking-news"><span class="alert-banner__label">{"Breaking" if lang == "en" else "Última hora"}</span> <a href="{link(others[-1])}">{esc(others[-1].meta["headline"])}</a></div>
<header class="site-header" data-module="masthead"><div class="site-header__top"><button class="site-header__menu-button" aria-controls="nav-menu" aria-expanded="false">{SVG["menu"]}<span>{"Menu" if lang == "en" else "Menú"}</span></button><a class="site-header__logo" href="/"><img src="/pf/resources/images/logo-{slugify(site["short"])}.svg?d=812" alt="{esc(site["name"])}" width="260" height="40"></a><div class="site-header__actions"><a class="site-header__subscribe" href="/subscribe/?itm_source=header">{"Subscribe for $1" if lang == "en" else "Suscríbase por 1 €"}</a><a class="site-header__signin" href="/account/login/">{"Sign in" if lang == "en" else "Entrar"}</a></div></div>
<nav id="nav-menu" class="nav-menu" aria-label="Sections" hidden><ul class="nav-menu__list">{mega}</ul><form class="nav-menu__search" action="/search/"><input type="search" name="q" placeholder="Search"><button type="submit">{SVG["search"]}</button></form></nav>
<nav class="nav-bar" aria-label="Top sections"><ul>{"".join(f'<li><a href="/{slugify(s)}/">{esc(s)}</a></li>' for s in nav_sections[:8])}</ul></nav>
<div class="trending-bar"><span class="trending-bar__label">{t["trending"]}</span><ul>{"".join(f'<li><a href="/topic/{slugify(tg)}/">{esc(tg)}</a></li>' for tg in (a.tag_list + [o.meta.get("section", "") for o in others[:3]])[:6])}</ul></div>
</header>
<div class="ad-slot ad-slot--leaderboard" data-ad-position="top"><div id="arcad_top" class="arcad" data-slot="/1001/{slugify(site["name"])}/article/top" style="min-height:90px"></div></div>
<main class="main-content" id="main">
<div class="article-layout">
<div class="article-layout__main">
<article class="article" data-content-id="{hexhash(a.slug, 26).upper()}">
<div class="article-header">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">{"Home" if lang == "en" else "Portada"}</a></li><li><a href="/{slugify(a.meta["section"])}/">{esc(a.meta["section"])}</a></li></ol></nav>
<h1 class="headline" data-el="headline">{esc(a.meta["headline"])}</h1>
{f'<h2 class="subheadline" data-el="subheadline">{esc(a.meta["dek"])}</h2>' if a.meta.get("dek") else ""}
<div class="byline-block"><div class="byline"><img class="byline__photo" src="/pf/resources/authors/{slugify(a.meta["author"])}.jpg" alt="" width="48" height="48"><span class="byline__names">{esc(by_s)}</span></div><div class="timestamp"><time datetime="{a.dt.isoformat()}T11:30:00Z">{esc(date_s)}</time></div></div>
<div class="article-tools">{share_bar(url, a.meta["headline"], "article-tools__share", labels=False)}<button class="article-tools__gift">{t["gift"]}</button><button class="article-tools__listen">{SVG["play"]}<span>{t["listen"]}</span></button><a class="article-tools__comments" href="#comments">{SVG["comment"]}<span>{20 + r.randrange(400)}</span></a></div>
</div>
{video}
<div class="article-body" data-module="article-body">
{body_html}
</div>
<div class="article-footer"><div class="article-footer__tags">{"".join(f'<a class="tag" href="/topic/{slugify(tg)}/">{esc(tg)}</a>' for tg in a.tag_list)}</div><div class="article-footer__corrections"><p>{"Have a news tip or a correction? Contact our newsroom at newsroom@" + site["domain"].replace("www.", "") + ". We read everything, even if we cannot reply to every message." if lang == "en" else "¿Tiene información o ha detectado un error? Escríbanos a redaccion@" + site["domain"].replace("www.", "") + "."}</p></div></div>
<section id="comments" class="comments-cta"><h2>{"Comments" if lang == "en" else "Comentarios"}</h2><p>{"Join the conversation. Subscribers can comment on this story; please read our community guidelines before posting." if lang == "en" else "Participe en la conversación. Solo los suscriptores pueden comentar esta noticia."}</p><button class="comments-cta__button">{"View comments" if lang == "en" else "Ver comentarios"}</button></section>
</article>
<section class="tbl-feed" id="taboola-below-article-thumbnails" data-module="around-the-web"><h2 class="tbl-feed__title">{t["around"]}</h2><div class="tbl-feed__grid">{around}</div><a class="tbl-feed__disclosure" href="https://popup.taboola.example/en/?template=colorbox&amp;utm_source=site" rel="nofollow">by Taboola</a></section>
<section class="more-section"><h2 class="more-section__title">{t["more"]} {esc(a.meta["section"])}</h2><div class="more-section__grid">{more_section}</div></section>
</div>
<aside class="article-layout__rail" data-module="right-rail">
<div class="ad-slot ad-slot--rail"><p class="ad-slot__label">{t["ad"]}</p><div id="arcad_rail1" class="arcad" style="min-height:600px"></div></div>
<section class="most-read" data-module="most-read" data-refresh="60"><h2 class="most-read__title">{t["mostread"]}</h2><ol class="most-read__list">{mostread}</ol><p class="most-read__updated">{"Updated every minute" if lang == "en" else "Actualizado cada minuto"}</p></section>
<div class="ad-slot ad-slot--rail"><div id="arcad_rail2" class="arcad" style="min-height:250px"></div></div>
</aside>
</div>
</main>
<footer class="site-footer"><div class="site-footer__sections"><ul>{"".join(f'<li><a href="/{slugify(s)}/">{esc(s)}</a></li>' for s in nav_sections)}</ul></div><div class="site-footer__company"><ul><li><a href="/about/">{"About us" if lang == "en" else "Quiénes somos"}</a></li><li><a href="/careers/">{"Careers" if lang == "en" else "Empleo"}</a></li><li><a href="/advertise/">{"Advertise" if lang == "en" else "Publicidad"}</a></li><li><a href="/terms/">{"Terms of use" if lang == "en" else "Aviso legal"}</a></li><li><a href="/privacy/">{"Privacy policy" if lang == "en" else "Privacidad"}</a></li><li><button class="ot-sdk-show-settings">{"Cookie settings" if lang == "en" else "Configuración de cookies"}</button></li></ul><p class="site-footer__legal">&copy; {a.dt.year} {esc(site["name"])}. {esc(FOOTER_LEGAL) if lang == "en" else "Todos los derechos reservados. Queda prohibida la reproducción total o parcial de los contenidos sin autorización expresa del editor."}</p></div></footer>
</div>
{cookie_banner(0, site["name"]) if lang == "en" else '<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat"><div id="onetrust-policy"><h2 id="onetrust-policy-title">Su privacidad es importante para nosotros</h2><p id="onetrust-policy-text">Nosotros y nuestros socios almacenamos o accedemos a información en su dispositivo, como cookies, y tratamos datos personales para ofrecer anuncios y contenidos personalizados y medir su rendimiento.</p></div><div id="onetrust-button-group"><button id="onetrust-reject-all-handler">Rechazar todo</button><button id="onetrust-accept-btn-handler">Aceptar todo</button></div></div></div>'}
<script type="text/javascript">window._taboola = window._taboola || [];_taboola.push({{mode:'thumbnails-a', container:'taboola-below-article-thumbnails', placement:'Below Article Thumbnails', target_type:'mix'}});_taboola.push({{flush: true}});</script>
<script async src="/pf/dist/engine/react.js?d=812&amp;mxId=00000000"></script>
<script defer src="/pf/dist/components/combinations/default.js?d=812&amp;mxId=00000000"></script>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + body_truth
    return url, page(head, body, a.lang), truth_text(truth)
