"""Shared pieces for the template pages: article parsing, block rendering, truth, chrome.

An article source (``articles/*.md``) is a header of ``key: value`` lines, a line
``---``, then the body. Body blocks are separated by blank lines:

    plain text              paragraph
    ## text / ### text      subheading
    - item / 1. item        list (one block of consecutive lines)
    > text                  block quote
    !img caption | credit   image with caption and credit (one per line)
    | a | b |               table row (consecutive lines form one table)
    ```  ...  ```           code block
    @@ time | heading [| key]   live-blog entry (``@@ pin | ...`` is the pinned post)
    ---page---              page break for multi-part articles
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html as _html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


def esc(s: str) -> str:
    return _html.escape(s, quote=True)


def rng_for(*parts: str) -> random.Random:
    seed = int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:16], 16)
    return random.Random(seed)


def slugify(s: str) -> str:
    s = s.lower()
    s = re.sub(r"[^\w]+", "-", s, flags=re.UNICODE).strip("-")
    return s[:70].strip("-")


def hexhash(s: str, n: int = 6) -> str:
    return hashlib.md5(s.encode()).hexdigest()[:n]


# --- articles ------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # p h2 h3 ul ol quote img table code entry
    text: str = ""
    items: list = field(default_factory=list)  # list items / table rows / img (caption, credit)
    meta: dict = field(default_factory=dict)


@dataclass
class Article:
    slug: str
    meta: dict
    pages: list  # list of list[Block]; one element unless multi-part

    @property
    def blocks(self) -> list:
        return [b for page in self.pages for b in page]

    def __getattr__(self, name):
        try:
            return self.__dict__["meta"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def lang(self) -> str:
        return self.meta.get("lang", "en")

    @property
    def tag_list(self) -> list:
        return [t.strip() for t in self.meta.get("tags", "").split(",") if t.strip()]

    @property
    def dt(self) -> _dt.date:
        return _dt.date.fromisoformat(self.meta["date"])

    def paragraphs(self) -> list:
        return [b.text for b in self.blocks if b.kind == "p"]

    def first_sentence(self) -> str:
        p = self.paragraphs()[0] if self.paragraphs() else self.meta.get("dek", "")
        m = re.match(r"(.+?[.!?])(\s|$)", p)
        return m.group(1) if m else p

    def excerpt(self, words: int = 30) -> str:
        p = self.paragraphs()[0] if self.paragraphs() else ""
        w = p.split()
        return p if len(w) <= words else " ".join(w[:words]) + "\u2026"


def parse_article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    head, body = raw.split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        if line.strip():
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    pages = []
    for chunk in body.split("\n---page---\n"):
        pages.append(_parse_blocks(chunk))
    return Article(slug=meta["slug"], meta=meta, pages=pages)


def _parse_blocks(text: str) -> list:
    blocks: list = []
    lines = text.splitlines()
    i = 0
    para: list = []

    def flush():
        if para:
            blocks.append(Block("p", " ".join(para)))
            para.clear()

    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            flush()
            i += 1
            continue
        if line.startswith("```"):
            flush()
            j = i + 1
            code = []
            while not lines[j].startswith("```"):
                code.append(lines[j])
                j += 1
            blocks.append(Block("code", "\n".join(code)))
            i = j + 1
            continue
        if line.startswith("@@ "):
            flush()
            parts = [p.strip() for p in line[3:].split("|")]
            blocks.append(Block("entry", parts[1], meta={"time": parts[0], "key": len(parts) > 2 and parts[2] == "key"}))
            i += 1
            continue
        m = re.match(r"(#{2,3}) (.*)", line)
        if m:
            flush()
            blocks.append(Block("h2" if len(m.group(1)) == 2 else "h3", m.group(2)))
            i += 1
            continue
        if line.startswith("!img "):
            flush()
            cap, credit = [p.strip() for p in line[5:].split("|")]
            blocks.append(Block("img", items=[cap, credit]))
            i += 1
            continue
        if line.startswith("> "):
            flush()
            blocks.append(Block("quote", line[2:]))
            i += 1
            continue
        if re.match(r"(- |\d+\. )", line) or line.startswith("| "):
            flush()
            kind = "ul" if line.startswith("- ") else ("table" if line.startswith("| ") else "ol")
            items = []
            while i < len(lines) and lines[i].strip() and (
                (kind == "ul" and lines[i].startswith("- "))
                or (kind == "ol" and re.match(r"\d+\. ", lines[i]))
                or (kind == "table" and lines[i].startswith("| "))
            ):
                ln = lines[i].rstrip()
                if kind == "table":
                    items.append([c.strip() for c in ln.strip("|").split("|")])
                else:
                    items.append(re.sub(r"^(- |\d+\. )", "", ln))
                i += 1
            blocks.append(Block(kind, items=items))
            continue
        para.append(line.strip())
        i += 1
    flush()
    return blocks


def load_articles() -> dict:
    arts = {}
    for p in sorted((HERE / "articles").glob("*.md")):
        a = parse_article(p)
        arts[a.slug] = a
    return arts


# --- dates ---------------------------------------------------------------------

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}


def long_date(d: _dt.date, lang: str = "en") -> str:
    m = MONTHS[lang][d.month - 1]
    if lang == "en":
        return f"{m} {d.day}, {d.year}"
    if lang == "de":
        return f"{d.day}. {m} {d.year}"
    return f"{d.day} {m} {d.year}" if lang == "fr" else f"{d.day} de {m} de {d.year}"


def short_date(d: _dt.date) -> str:
    return f"{MONTHS['en'][d.month - 1][:3]} {d.day}, {d.year}"


def iso_ts(d: _dt.date, hour: int = 9, minute: int = 0) -> str:
    return f"{d.isoformat()}T{hour:02d}:{minute:02d}:00+00:00"


BY = {"en": "By", "de": "Von", "fr": "Par", "es": "Por"}


def byline(a: Article, prefix: bool = True) -> str:
    name = a.meta["author"]
    return f"{BY[a.lang]} {name}" if prefix else name


# --- body blocks: markup + truth -----------------------------------------------


class Dialect:
    """Default HTML for article blocks; templates subclass it to add platform markup.

    Every method returns ``(html, truth)``: the truth is the block's text exactly
    as the page shows it (list items one per line).
    """

    img_base = "https://cdn.example.com/img/"

    def __init__(self, article: Article, rng: random.Random):
        self.a = article
        self.rng = rng
        self.n = 0

    def inline(self, text: str) -> str:
        """Escape text and add realistic inline markup (a link, a quoted title)."""
        self.n += 1
        t = esc(text)
        t = re.sub(r"&quot;([^&]{3,60}?)&quot;", r"&quot;<em>\1</em>&quot;", t, count=1) if self.n % 4 == 0 else t
        if self.n % 3 == 2:
            words = t.split(" ")
            if len(words) > 12 and not any("<" in w or "&" in w for w in words[5:8]):
                k = 5
                href = f"/{slugify(' '.join(words[k:k + 3]))}/"
                words[k] = f'<a href="{href}">' + words[k]
                words[k + 2] = words[k + 2] + "</a>"
                t = " ".join(words)
        return t

    def p(self, text):
        return f"<p>{self.inline(text)}</p>", text

    def h2(self, text):
        return f"<h2>{esc(text)}</h2>", text

    def h3(self, text):
        return f"<h3>{esc(text)}</h3>", text

    def ul(self, items):
        lis = "".join(f"<li>{esc(i)}</li>" for i in items)
        return f"<ul>{lis}</ul>", "\n".join(items)

    def ol(self, items):
        lis = "".join(f"<li>{esc(i)}</li>" for i in items)
        return f"<ol>{lis}</ol>", "\n".join(items)

    def quote(self, text):
        return f"<blockquote><p>{esc(text)}</p></blockquote>", text

    def code(self, text):
        return f"<pre><code>{esc(text)}</code></pre>", text

    def table(self, rows):
        trs = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tbody>{trs}</tbody></table>", "\n".join(" ".join(r) for r in rows)

    def img_src(self, caption: str, w: int = 1200) -> str:
        return f"{self.img_base}{hexhash(caption, 10)}-{w}.jpg"

    def img(self, caption, credit):
        src = self.img_src(caption)
        return (
            f'<figure><img src="{src}" alt="{esc(caption)}" width="1200" height="800" loading="lazy">'
            f"<figcaption>{esc(caption)} <span class=\"credit\">{esc(credit)}</span></figcaption></figure>",
            f"{caption} {credit}",
        )

    def entry(self, block):  # live blogs only
        return f"<h3>{esc(block.text)}</h3>", block.text

    def render(self, blocks, between=None):
        """Render blocks; ``between(i, html_parts)`` may append chrome after block i."""
        out, truth = [], []
        for i, b in enumerate(blocks):
            if b.kind in ("p", "h2", "h3", "quote", "code"):
                h, t = getattr(self, b.kind)(b.text)
            elif b.kind == "img":
                h, t = self.img(*b.items)
            elif b.kind == "entry":
                h, t = self.entry(b)
            else:
                h, t = getattr(self, b.kind)(b.items)
            out.append(h)
            truth.append(t)
            if between:
                extra = between(i, b)
                if extra:
                    out.append(extra)
        return "\n".join(out), truth


def truth_text(parts) -> str:
    parts = [p.strip() for p in parts if p and p.strip()]
    return "\n\n".join(parts)


# --- chrome --------------------------------------------------------------------

SVG = {
    "facebook": '<svg class="icon icon-facebook" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M13.5 21v-7.5h2.5l.4-3h-2.9V8.6c0-.9.3-1.5 1.5-1.5h1.6V4.4c-.3 0-1.2-.1-2.3-.1-2.3 0-3.8 1.4-3.8 3.9v2.3H8v3h2.5V21z"/></svg>',
    "twitter": '<svg class="icon icon-x" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M17.8 3h3.1l-6.8 7.8 8 10.2h-6.3l-4.9-6.4L5.3 21H2.2l7.3-8.3L1.8 3h6.4l4.4 5.9zm-1.1 16.2h1.7L7.4 4.7H5.6z"/></svg>',
    "mail": '<svg class="icon icon-mail" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 5h18v14H3zm2 2v.5l7 4.5 7-4.5V7zm14 2.8-7 4.4-7-4.4V17h14z"/></svg>',
    "search": '<svg class="icon icon-search" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path d="M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z"/></svg>',
    "menu": '<svg class="icon icon-menu" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24"><path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"/></svg>',
    "clap": '<svg width="24" height="24" viewBox="0 0 24 24" aria-label="clap"><path fill-rule="evenodd" d="M11.37.83L12 3.28l.63-2.45h-1.26zM13.92 3.95l1.52-2.1-1.18-.4-.34 2.5zM8.59 1.84l1.52 2.11-.34-2.5-1.18.4zM18.52 18.92a4.23 4.23 0 0 1-2.62 1.33l.41-.37c2.39-2.4 2.86-4.95 1.4-7.63l-.91-1.6-.8-1.67c-.25-.56-.19-.98.2-1.29a.7.7 0 0 1 .55-.13c.28.05.54.23.72.5l2.37 4.16c.97 1.62 1.14 4.23-1.32 6.7z"/></svg>',
    "comment": '<svg class="icon icon-comment" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path d="M4 4h16v12H8l-4 4z"/></svg>',
    "play": '<svg class="icon icon-play" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true"><path d="M8 5v14l11-7z"/></svg>',
    "clock": '<svg class="icon icon-clock" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 10.4V7h-2v6.4l4.3 2.6 1-1.7z"/></svg>',
}


def share_bar(url: str, title: str, cls: str = "share-bar", labels: bool = True) -> str:
    from urllib.parse import quote

    u, t = quote(url, safe=""), quote(title, safe="")
    items = [
        ("facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}", "Share on Facebook"),
        ("twitter", f"https://twitter.com/intent/tweet?url={u}&amp;text={t}", "Share on X"),
        ("mail", f"mailto:?subject={t}&amp;body={u}", "Email"),
    ]
    lis = "".join(
        f'<li class="{cls}__item {cls}__item--{k}"><a href="{h}" target="_blank" rel="noopener" aria-label="{lab}">{SVG[k]}'
        + (f'<span class="{cls}__label">{lab.replace("Share on ", "")}</span>' if labels else "")
        + "</a></li>"
        for k, h, lab in items
    )
    return f'<ul class="{cls}">{lis}</ul>'


def json_ld(a: Article, url: str, publisher: str, kind: str = "NewsArticle", image: str | None = None) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": a.meta["headline"],
        "description": a.meta.get("dek") or a.first_sentence(),
        "datePublished": iso_ts(a.dt, 7, 30),
        "dateModified": iso_ts(a.dt, 11, 5),
        "author": [{"@type": "Person", "name": n.strip()} for n in re.split(r" and |, ", a.meta["author"])],
        "publisher": {"@type": "Organization", "name": publisher, "logo": {"@type": "ImageObject", "url": url.split("/")[0] + "//" + url.split("/")[2] + "/logo.png"}},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": a.lang,
        "keywords": a.tag_list,
    }
    if image:
        data["image"] = [image]
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def meta_tags(a: Article, url: str, site: str, image: str | None = None, kind: str = "article") -> str:
    desc = esc(a.meta.get("dek") or a.first_sentence())
    img = image or f"https://cdn.example.com/og/{hexhash(a.slug, 12)}.jpg"
    return "\n".join(
        [
            f'<meta name="description" content="{desc}">',
            f'<link rel="canonical" href="{url}">',
            f'<meta property="og:type" content="{kind}">',
            f'<meta property="og:title" content="{esc(a.meta["headline"])}">',
            f'<meta property="og:description" content="{desc}">',
            f'<meta property="og:url" content="{url}">',
            f'<meta property="og:site_name" content="{esc(site)}">',
            f'<meta property="og:image" content="{img}">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta property="article:published_time" content="{iso_ts(a.dt, 7, 30)}">',
            f'<meta property="article:section" content="{esc(a.meta.get("section", ""))}">',
        ]
        + [f'<meta property="article:tag" content="{esc(t)}">' for t in a.tag_list]
    )


ANALYTICS = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE01"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-EXAMPLE01',{anonymize_ip:true});</script>"""


def cookie_banner(style: int, site: str) -> str:
    if style == 0:
        return f"""<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-hide"></div><div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner"><div class="ot-sdk-container"><div class="ot-sdk-row"><div id="onetrust-group-container" class="ot-sdk-eight ot-sdk-columns"><div id="onetrust-policy"><h2 id="onetrust-policy-title">We value your privacy</h2><p id="onetrust-policy-text">We and our partners store and access information on your device, such as cookies, and process personal data such as unique identifiers and browsing data to show you personalised ads and content, to measure ad and content performance and to develop and improve our products. You can accept, reject or manage your choices at any time by clicking Cookie Settings at the bottom of every page. <a href="/privacy-policy/" class="ot-cookie-policy-link">Privacy Policy</a></p></div></div><div id="onetrust-button-group-parent" class="ot-sdk-three ot-sdk-columns"><div id="onetrust-button-group"><button id="onetrust-pc-btn-handler">Cookie Settings</button><button id="onetrust-reject-all-handler">Reject All</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div></div></div></div></div></div>"""
    if style == 1:
        return f"""<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" class="CybotCookiebotDialogActive" style="display:none"><div class="CybotCookiebotDialogContentWrapper"><div id="CybotCookiebotDialogBody"><h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2><div id="CybotCookiebotDialogBodyContentText">{esc(site)} uses cookies to personalise content and ads, to provide social media features and to analyse our traffic. We also share information about your use of our site with our social media, advertising and analytics partners who may combine it with other information that you have provided to them or that they have collected from your use of their services.</div></div><div id="CybotCookiebotDialogFooter"><button id="CybotCookiebotDialogBodyButtonDecline">Use necessary cookies only</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection">Allow selection</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all cookies</button></div></div></div>"""
    return f"""<div class="cookie-notice" id="cookie-notice" role="dialog" aria-live="polite"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button">Ok</a><a href="/privacy/" target="_blank" id="cn-more-info" class="cn-more-info cn-button">Privacy policy</a></span></div></div>"""


def author_bio(a: Article, site: str) -> str:
    """A prose bio for the author box (chrome, never truth)."""
    name = a.meta["author"]
    first = name.split()[0]
    r = rng_for("bio", name, site)
    beat = a.meta.get("section", "news").lower()
    years = r.choice([3, 5, 7, 9, 12, 16])
    before = r.choice(
        ["the Northgate Herald", "a regional radio station", "a wire service in the capital", "a weekly paper on the coast", "a trade magazine"]
    )
    extra = r.choice(
        [
            f"When not working, {first} can usually be found on a bicycle somewhere it is raining.",
            f"{first} lives with two children, a patient partner and far too many houseplants.",
            f"{first} has reported from four continents and still gets lost in the office car park.",
            f"Tips and story ideas are always welcome by email.",
        ]
    )
    if a.lang != "en":
        return {
            "de": f"{name} gehört seit {years} Jahren zur Redaktion und schreibt vor allem für das Ressort {a.meta.get('section', 'Region')}. Zuvor war {first} bei einer Tageszeitung im Norden tätig.",
            "fr": f"{name} couvre l'actualité de la rubrique {a.meta.get('section', 'Vie locale')} pour {site} depuis {years} ans. Avant de rejoindre la rédaction, {first} a travaillé pour un quotidien régional.",
            "es": f"{name} escribe sobre {a.meta.get('section', 'cultura').lower()} en {site} desde hace {years} años. Antes trabajó en una emisora de radio regional.",
        }[a.lang]
    return f"{name} has written about {beat} for {site} for {years} years. Before that, {first} worked at {before}. {extra}"


_TEASERS: dict = {}


def teaser_articles(lang: str, base: Article) -> list:
    """Teaser-only stories (headline, one-sentence excerpt) for sites in other languages."""
    if not _TEASERS:
        _TEASERS.update(json.loads((HERE / "teasers.json").read_text(encoding="utf-8")))
    out = []
    for k, (head, exc, section, author) in enumerate(_TEASERS.get(lang, [])):
        d = base.dt - _dt.timedelta(days=k + 1)  # the site's recent stories, dated before the page
        meta = {"slug": f"teaser-{lang}-{k}", "lang": lang, "headline": head, "author": author, "date": d.isoformat(), "section": section, "tags": section}
        out.append(Article(slug=meta["slug"], meta=meta, pages=[[Block("p", exc)]]))
    return out


def other_articles(arts: dict, a: Article, n: int, r: random.Random, lang: str | None = None, kinds=None) -> list:
    """Other stories of the site, for teasers: the other hand-written articles in the
    page's language, topped up from ``teasers.json`` for languages with few articles."""
    pool = [x for s, x in sorted(arts.items()) if s != a.slug and (lang is None or x.lang == lang)]
    if kinds:
        pool = [x for x in pool if x.meta.get("kind") in kinds] or pool
    pool += teaser_articles(lang or "en", a)
    # a site's teasers lean to the page's own desk (sport pages link sport stories first)
    mine = desk(a)
    same = [x for x in pool if desk(x) == mine]
    rest = [x for x in pool if desk(x) != mine]
    r.shuffle(same)
    r.shuffle(rest)
    return (same + rest)[:n]


DESKS = {
    "news": "Local News Weather Politics Education Obituaries Community Region Politik Verkehr Vie locale Politique Éducation Environnement Sociedad",
    "business": "Business Technology Programming Reviews Opinion Economía Wirtschaft Économie Meinung Opinión",
    "culture": "Culture Film Music Homes Kultur Cultura Freizeit",
    "life": "Food Recipes Gardening Travel Running Health Gastronomía",
    "sport": "Sport Deportes",
    "science": "Science",
}
_DESK_OF = {sec: k for k, v in DESKS.items() for sec in v.split()}


def desk(x: Article) -> str:
    sec = x.meta.get("section", "")
    return _DESK_OF.get(sec, _DESK_OF.get(sec.split()[0] if sec else "", "news"))


def article_url(domain: str, a: Article, style: str = "date") -> str:
    d = a.dt
    s = slugify(a.meta["headline"])
    if style == "date":
        return f"https://{domain}/{d.year}/{d.month:02d}/{d.day:02d}/{s}/"
    if style == "section":
        return f"https://{domain}/{slugify(a.meta.get('section', 'news'))}/{s}-{hexhash(a.slug, 8)}"
    if style == "id":
        return f"https://{domain}/{slugify(a.meta.get('section', 'news'))}/{d.year}/{d.month:02d}/{d.day:02d}/{s}-{int(hexhash(a.slug, 6), 16)}.html"
    return f"https://{domain}/{s}/"


NAMES = [
    "Harold P.", "jenny_from_eastgate", "M. Okoro", "Beatrix Lund", "TallowRiverDad", "Sofia R.", "Kwame Asante",
    "old_timer_62", "Ingrid Halvorsen", "Pete Marsh", "Layla N.", "dgrant", "Rosalind Chu", "Amadou Diallo",
]

COMMENTS = [
    "I have lived here for thirty years and this is the first time I can remember anyone actually explaining the reasons behind a decision like this. Whether or not you agree with it, it helps to know what the trade-offs were.",
    "Good piece, but I think it skips over the cost to people who do not have a choice. Not everyone can simply work around this, and those are usually the people who are never asked what they think.",
    "My neighbour went through exactly the same thing last year. It took months to sort out, and nobody seemed to know who was responsible for what. I hope it goes more smoothly this time.",
    "Thank you for writing this. I shared it with my sister, who has been worrying about it for weeks, and it answered most of her questions in ten minutes.",
    "I would like to see a follow-up in six months. Promises are easy to make at the start of a project and much harder to keep at the end of it.",
    "Interesting, although I am not convinced by the numbers. A single year is a very short period to draw conclusions from, and the comparison with last year leaves out the effect of the weather.",
    "We tried something similar at our place a few years ago. It worked well for about a year and then slowly drifted back to the old way, mostly because nobody was checking.",
    "This is the kind of local reporting we need more of. Please keep going, even when the stories are not exciting.",
    "I disagree with almost everything in this, but I appreciate that it was argued clearly and without the usual name-calling. That is rare enough these days.",
    "Does anyone know whether the changes apply to the weekend as well? The article does not say, and the official website has not been updated since last month.",
    "Lovely to read something positive for once. I remember going there as a child and it is good to know the next generation will get to do the same.",
    "Small correction: the old building was finished in the spring of that year, not the autumn. My grandfather worked on it and we still have the photographs.",
    "I followed the advice here and it worked first time, which never happens to me. Bookmarking this for later.",
    "The comments section is always more fun than the article. Anyway, I think the real problem is that nobody planned for this twenty years ago when it would have been cheap.",
]

REPLIES = [
    "Agreed. Those are exactly the people who end up paying for it, one way or another.",
    "It does apply at weekends, according to the leaflet that came through our door on Monday.",
    "Same experience here. The first year is easy; keeping it up is the hard part.",
    "Thanks for the correction, that matches what my mother always said too.",
]

SPONSORED = [
    ("Homeowners are switching to this insulation trick before winter", "Energy experts say the simple change can cut heating bills by up to a third, and most people can do it in an afternoon without a builder."),
    ("The walking shoe podiatrists quietly recommend", "Designed with a cushioned sole and a wide toe box, these shoes are winning over people who spend all day on their feet."),
    ("Retirees in the region are discovering a new way to travel", "Small-ship river cruises offer a slower pace, all-inclusive fares and excursions in every port, and this season's dates are filling fast."),
    ("This is what a new hearing aid costs in 2024", "Prices have fallen sharply as new models reach the market, and many people are surprised by how small and comfortable they have become."),
    ("Why everyone is suddenly talking about this mattress", "After a 100-night trial, more than nine in ten customers kept it, and reviewers say it is the first mattress that solved their back pain."),
    ("Seniors with a car should check this new rule now", "Drivers who cover fewer than 8,000 miles a year may be paying too much for insurance without realising it."),
    ("The garden tool that makes weeding almost effortless", "Gardeners who have tried it say they will never go back to kneeling, and it takes up no more space than a broom."),
    ("Doctors explain the morning habit that supports healthy joints", "A growing number of people over 50 are adding one small step to their breakfast routine, and the results have surprised even sceptics."),
]

NEWSLETTER = [
    ("Get the morning briefing", "The day's most important stories, delivered to your inbox before breakfast. Free, every weekday."),
    ("Sign up for The Weekender", "Our editors pick the best reads of the week, with recipes, reviews and something to do on Saturday."),
]

FOOTER_LEGAL = (
    "All content on this site is protected by copyright and may not be reproduced, distributed, transmitted, cached or otherwise used, "
    "except with the prior written permission of the publisher. Use of this site constitutes acceptance of our User Agreement and Privacy Policy and Cookie Statement. "
    "Your California Privacy Rights: we do not sell your personal information."
)


def comments_html(r: random.Random, n: int, cls: dict, lang_date: str = "") -> str:
    """A threaded comment list; ``cls`` names the classes for list, item, author, body, reply."""
    out = [f'<ol class="{cls["list"]}">']
    picks = r.sample(range(len(COMMENTS)), n)
    for k, idx in enumerate(picks):
        who = NAMES[(idx + k) % len(NAMES)]
        cid = 1000 + idx * 7 + k
        out.append(
            f'<li id="comment-{cid}" class="{cls["item"]}"><article class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/{hexhash(who, 32)}?s=56&amp;d=mm" class="avatar" height="56" width="56" loading="lazy">'
            f'<b class="fn">{esc(who)}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="#comment-{cid}"><time>{lang_date or "2 days ago"}</time></a></div></footer>'
            f'<div class="{cls["body"]}"><p>{esc(COMMENTS[idx])}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article>'
        )
        if k % 3 == 0:
            rep = REPLIES[(idx + k) % len(REPLIES)]
            out.append(
                f'<ol class="children"><li class="{cls["item"]} depth-2"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(NAMES[(idx + 3) % len(NAMES)])}</b></div></footer>'
                f'<div class="{cls["body"]}"><p>{esc(rep)}</p></div></article></li></ol>'
            )
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def page(head: str, body: str, lang: str = "en", html_attrs: str = "", body_attrs: str = "") -> str:
    return f'<!DOCTYPE html>\n<html lang="{lang}"{html_attrs}>\n<head>\n{head}\n</head>\n<body{body_attrs}>\n{body}\n</body>\n</html>\n'
