"""Drupal 9/10 (Olivero-like and a newspaper subtheme): node--type-article, field--name-body, regions, views blocks."""

from __future__ import annotations

from common import (
    SVG, Dialect, author_bio, comments_html, cookie_banner, esc, hexhash, json_ld, long_date, meta_tags,
    other_articles, page, rng_for, share_bar, slugify, truth_text, article_url, FOOTER_LEGAL,
)

SITES = [
    {"name": "Riverside Gazette", "domain": "www.riverside-gazette.example", "lang": "en"},
    {"name": "Granton Valley News", "domain": "news.grantonvalley.example", "lang": "en"},
    {"name": "Westbrook Observer", "domain": "www.westbrookobserver.example", "lang": "en"},
    {"name": "Fairhaven Chronicle", "domain": "fairhavenchronicle.example", "lang": "en"},
    {"name": "Lindenauer Kreisbote", "domain": "www.kreisbote-lindenau.example", "lang": "de"},
]

L = {
    "en": {"home": "Home", "by": "By", "related": "Related stories", "more": "More from", "popular": "Most popular", "tags": "Tags", "comments": "Comments", "add": "Add new comment", "events": "Upcoming events", "skip": "Skip to main content", "search": "Search", "menu": "Main navigation", "updated": "Updated"},
    "de": {"home": "Startseite", "by": "Von", "related": "Das könnte Sie auch interessieren", "more": "Mehr aus", "popular": "Meistgelesen", "tags": "Schlagwörter", "comments": "Kommentare", "add": "Kommentar hinzufügen", "events": "Termine", "skip": "Direkt zum Inhalt", "search": "Suche", "menu": "Hauptnavigation", "updated": "Aktualisiert"},
}

MENUS = {
    "en": ["News", "Local", "Business", "Sport", "Opinion", "Obituaries", "Events", "Classifieds"],
    "de": ["Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung", "Service", "Anzeigen"],
}


class DrupalBlocks(Dialect):
    def img(self, caption, credit):
        fid = int(hexhash(caption, 5), 16)
        src = f"/sites/default/files/styles/large/public/{self.a.dt.year}-{self.a.dt.month:02d}/{hexhash(caption, 10)}.jpg?itok={hexhash(caption + 'i', 8)}"
        return (
            f'<div class="align-center embedded-entity"><article class="media media--type-image media--view-mode-embedded"><div class="field field--name-field-media-image field--type-image field--label-visually_hidden"><div class="field__label visually-hidden">Image</div><div class="field__item"><img loading="lazy" src="{src}" width="1080" height="720" alt="" typeof="foaf:Image" data-fid="{fid}"></div></div></article>'
            f'<figcaption class="media-caption"><span class="caption-text">{esc(caption)}</span> <span class="media-credit">{esc(credit)}</span></figcaption></div>',
            f"{caption} {credit}",
        )


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    lang = a.lang
    t = L.get(lang, L["en"])
    r = rng_for("drupal", a.slug, str(v))
    url = article_url(site["domain"], a, "section")
    nid = 20000 + int(hexhash(a.slug, 4), 16) % 9000
    others = other_articles(ctx["arts"], a, 14, r, lang=lang)
    d = DrupalBlocks(a, r)

    related_inline = (
        f'<div class="paragraph paragraph--type--related-content paragraph--view-mode--default"><div class="field field--name-field-related-title">{t["related"]}</div>'
        '<div class="field field--name-field-related-items field__items">'
        + "".join(f'<div class="field__item"><a href="{article_url(site["domain"], o, "section")}" hreflang="{lang}">{esc(o.meta["headline"])}</a></div>' for o in others[:3])
        + "</div></div>"
    )
    mid = max(2, len([b for b in a.blocks]) // 2)
    body_html, body_truth = d.render(a.blocks, lambda i, b: related_inline if i == mid - 1 and v % 2 == 0 else None)

    def teaser(o, img=True, summary=True):
        return (
            f'<div class="views-row"><article role="article" about="/node/{int(hexhash(o.slug, 4), 16)}" class="node node--type-article node--promoted node--view-mode-teaser">'
            + (f'<div class="field field--name-field-image field--type-image"><a href="{article_url(site["domain"], o, "section")}"><img loading="lazy" src="/sites/default/files/styles/teaser/public/{hexhash(o.slug)}.jpg" width="320" height="180" alt=""></a></div>' if img else "")
            + f'<h3 class="node__title"><a href="{article_url(site["domain"], o, "section")}" rel="bookmark"><span class="field field--name-title field--type-string">{esc(o.meta["headline"])}</span></a></h3>'
            + (f'<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{esc(o.excerpt(32))}</p></div>' if summary else "")
            + f'<div class="node__meta"><span class="field field--name-created">{long_date(o.dt, o.lang)}</span></div></article></div>'
        )

    sidebar_first = (
        f'<aside class="layout-sidebar-first region region-sidebar-first" role="complementary">'
        f'<div id="block-views-block-frontpage-section" class="block block-views block-views-blockfrontpage-block-section"><h2 class="block__title">{t["more"]} {esc(a.meta["section"])}</h2><div class="block__content"><div class="view view-frontpage view-id-frontpage view-display-id-block_section js-view-dom-id-{hexhash(a.slug + "v", 16)}"><div class="view-content">'
        + "".join(teaser(o, img=(i == 0)) for i, o in enumerate(others[3:7]))
        + '</div><div class="more-link"><a href="/' + slugify(a.meta["section"]) + '">' + ("More" if lang == "en" else "Mehr") + "</a></div></div></div></div>"
        + f'<div id="block-mostpopular" class="block block-statistics block-statistics-popular-block"><h2 class="block__title">{t["popular"]}</h2><div class="block__content"><div class="item-list"><ol>'
        + "".join(f'<li><a href="{article_url(site["domain"], o, "section")}" hreflang="{lang}">{esc(o.meta["headline"])}</a></li>' for o in others[7:12])
        + "</ol></div></div></div></aside>"
    )
    sidebar_second = (
        '<aside class="layout-sidebar-second region region-sidebar-second" role="complementary">'
        f'<div id="block-advertisement-rectangle" class="block block-block-content block-ad"><div class="block__content"><div class="ad-label">{"Advertisement" if lang == "en" else "Anzeige"}</div><div id="dfp-ad-rectangle" class="dfp-tag-wrapper"><script>googletag.cmd.push(function() {{ googletag.display("dfp-ad-rectangle"); }});</script></div></div></div>'
        f'<div id="block-events" class="block block-views"><h2 class="block__title">{t["events"]}</h2><div class="block__content"><div class="view view-events"><div class="view-content">'
        + "".join(
            f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/events/{slugify(e)}">{esc(e)}</a></span></div><div class="views-field views-field-field-date"><div class="field-content">{long_date(a.dt, lang)}</div></div></div>'
            for e in (
                ["Farmers market at Harmon Park", "Library book sale", "Town council meeting", "Community choir concert"]
                if lang == "en"
                else ["Wochenmarkt am Rathausplatz", "Flohmarkt im Schulhof", "Sitzung des Kreistags", "Orgelkonzert in St. Marien"]
            )
        )
        + "</div></div></div></div></aside>"
    )
    ncom = [4, 0, 6, 3, 0][v % 5]
    comments = ""
    if ncom:
        comments = (
            f'<section class="field field--name-comment field--type-comment field--label-above comment-wrapper"><h2 class="title comment-section-title">{t["comments"]}</h2>'
            + comments_html(r, ncom, {"list": "comment-list", "item": "comment js-comment", "body": "field field--name-comment-body field--type-text-long field--label-hidden field__item"})
            + f'<h2 class="title comment-form__title">{t["add"]}</h2><form class="comment-comment-form comment-form" action="/comment/reply/node/{nid}/comment" method="post"><div class="js-form-item form-item"><label for="edit-comment-body-0-value" class="js-form-required form-required">Comment</label><textarea id="edit-comment-body-0-value" name="comment_body[0][value]" rows="5" class="form-textarea required"></textarea></div><input type="submit" id="edit-submit" value="Save" class="button button--primary js-form-submit form-submit"></form></section>'
        )
    date_s = long_date(a.dt, lang)
    by_s = f'{t["by"]} {a.meta["author"]}'
    menu = "".join(f'<li class="menu__item menu__item--level-1"><a href="/{slugify(m)}" class="menu__link menu__link--level-1" data-drupal-link-system-path="taxonomy/term/{3 + i}">{esc(m)}</a></li>' for i, m in enumerate(MENUS[lang if lang in MENUS else "en"]))
    head = f"""<meta charset="utf-8">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<meta name="MobileOptimized" content="width">
<meta name="HandheldFriendly" content="true">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(a.meta["headline"])} | {esc(site["name"])}</title>
{meta_tags(a, url, site["name"])}
<link rel="shortlink" href="https://{site["domain"]}/node/{nid}">
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_{hexhash(a.slug + 'css', 43)}.css?delta=0&amp;language={lang}&amp;theme=gazette&amp;include=eJxtjEEOwj">
<script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","pathPrefix":"","currentPath":"node\\/{nid}","currentPathIsAdmin":false,"isFront":false,"currentLanguage":"{lang}"}},"pluralDelimiter":"\\u0003","suppressDeprecationErrors":true,"ajaxPageState":{{"libraries":"eJx1jkEOgzAM","theme":"gazette","theme_token":null}},"user":{{"uid":0,"permissionsHash":"{hexhash(a.slug, 64)}"}}}}</script>
<script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
{json_ld(a, url, site["name"])}"""
    tags = "".join(f'<div class="field__item"><a href="/tags/{slugify(tg)}" hreflang="{lang}">{esc(tg)}</a></div>' for tg in a.tag_list)
    body = f"""<a href="#main-content" class="visually-hidden focusable skip-link">{t["skip"]}</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner" class="site-header">
<div class="region region-header">
<div id="block-gazette-branding" class="block block-system block-system-branding-block"><a href="/" rel="home" class="site-logo"><img src="/themes/custom/gazette/logo.svg" alt="{t["home"]}"></a><div class="site-name"><a href="/" rel="home">{esc(site["name"])}</a></div></div>
<div class="search-block-form block block-search" data-drupal-selector="search-block-form" id="block-gazette-search" role="search"><form action="/search/node" method="get" id="search-block-form" accept-charset="UTF-8"><div class="js-form-item form-item"><label for="edit-keys" class="visually-hidden">{t["search"]}</label><input title="Enter the terms you wish to search for." data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" class="form-search"></div><div class="form-actions js-form-wrapper form-wrapper"><input class="button js-form-submit form-submit" type="submit" value="{t["search"]}"></div></form></div>
</div>
<div class="region region-primary-menu"><nav role="navigation" aria-labelledby="block-gazette-main-menu-menu" id="block-gazette-main-menu" class="block block-menu navigation menu--main"><h2 class="visually-hidden" id="block-gazette-main-menu-menu">{t["menu"]}</h2><ul class="menu menu--level-1">{menu}</ul></nav></div>
</header>
<div class="region region-breadcrumb"><div id="block-gazette-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol><li><a href="/">{t["home"]}</a></li><li><a href="/{slugify(a.meta["section"])}">{esc(a.meta["section"])}</a></li></ol></nav></div></div>
<div data-drupal-messages-fallback class="hidden"></div>
<main role="main" class="layout-main-wrapper">
<a id="main-content" tabindex="-1"></a>
<div class="layout-content">
<div class="region region-content">
<div id="block-gazette-content" class="block block-system block-system-main-block">
<article role="article" about="/node/{nid}" class="node node--type-article node--promoted node--view-mode-full">
<header class="node__header">
<div class="field field--name-field-section field--type-entity-reference field--label-hidden field__item"><a href="/{slugify(a.meta["section"])}" hreflang="{lang}">{esc(a.meta["section"])}</a></div>
<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(a.meta["headline"])}</span></h1>
{f'<div class="field field--name-field-subtitle field--type-string field--label-hidden field__item">{esc(a.meta["dek"])}</div>' if a.meta.get("dek") else ""}
<div class="node__meta"><span class="field field--name-uid field--type-entity-reference field--label-hidden"><span lang="" about="/user/{nid % 97}" typeof="schema:Person" property="schema:name" datatype="">{esc(by_s)}</span></span>
<span class="field field--name-created field--type-created field--label-hidden"><time datetime="{a.dt.isoformat()}T10:15:00Z">{date_s}</time></span></div>
<div class="social-share">{share_bar(url, a.meta["headline"], "social-share__list", labels=False)}</div>
</header>
<div class="node__content">
<div class="field field--name-field-image field--type-image field--label-hidden field__item"><img loading="lazy" src="/sites/default/files/styles/wide/public/{a.dt.year}-{a.dt.month:02d}/{hexhash(a.slug)}.jpg" width="1280" height="720" alt="" typeof="foaf:Image"></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body_html}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">{t["tags"]}</div><div class="field__items">{tags}</div></div>
<div class="field field--name-field-author-bio field--type-text-long"><div class="author-card"><img src="/sites/default/files/authors/{slugify(a.meta["author"])}.jpg" alt="" width="80" height="80" loading="lazy"><div class="author-card__text"><p>{esc(author_bio(a, site["name"]))}</p></div></div></div>
</div>
{comments}
</article>
</div>
</div>
</div>
{sidebar_first}
{sidebar_second}
</main>
<footer role="contentinfo" class="site-footer"><div class="region region-footer">
<nav role="navigation" aria-labelledby="block-footer-menu" id="block-footer" class="block block-menu navigation menu--footer"><h2 class="visually-hidden" id="block-footer-menu">Footer</h2><ul class="menu"><li class="menu-item"><a href="/about">{"About us" if lang == "en" else "Über uns"}</a></li><li class="menu-item"><a href="/contact">{"Contact" if lang == "en" else "Kontakt"}</a></li><li class="menu-item"><a href="/advertise">{"Advertise" if lang == "en" else "Mediadaten"}</a></li><li class="menu-item"><a href="/privacy">{"Privacy policy" if lang == "en" else "Datenschutz"}</a></li><li class="menu-item"><a href="/imprint">{"Terms of use" if lang == "en" else "Impressum"}</a></li></ul></nav>
<div id="block-copyright" class="block block-block-content"><div class="clearfix text-formatted field field--name-body"><p>&copy; {a.dt.year} {esc(site["name"])}. {esc(FOOTER_LEGAL) if lang == "en" else "Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung des Verlags. Die Inhalte dieser Website sind urheberrechtlich geschützt."}</p></div></div>
</div></footer>
</div>
</div>
{cookie_banner(v % 3, site["name"]) if lang == "en" else '<div id="sliding-popup" class="sliding-popup-bottom eu-cookie-compliance-banner" role="alertdialog" aria-describedby="popup-text"><div class="eu-cookie-compliance-content"><div id="popup-text" class="eu-cookie-compliance-message"><h2>Wir verwenden Cookies</h2><p>Wir nutzen Cookies, um Ihnen die bestmögliche Nutzung unserer Website zu ermöglichen und unser Angebot stetig zu verbessern. Mit einem Klick auf „Akzeptieren“ stimmen Sie der Verwendung zu.</p></div><div id="popup-buttons" class="eu-cookie-compliance-buttons"><button type="button" class="agree-button eu-cookie-compliance-default-button">Akzeptieren</button><button type="button" class="decline-button eu-cookie-compliance-default-button">Ablehnen</button></div></div></div>'}
<script src="/sites/default/files/js/js_{hexhash(a.slug + 'js', 43)}.js?scope=footer&amp;delta=0&amp;language={lang}&amp;theme=gazette"></script>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [by_s, date_s] + body_truth
    return url, page(head, body, lang, html_attrs=' dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/ dc: http://purl.org/dc/terms/ og: http://ogp.me/ns#"', body_attrs=' class="path-node page-node-type-article"'), truth_text(truth)
