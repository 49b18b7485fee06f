"""Medium-like platform: nested divs with hashed class names, article/section, claps, 'More from' cards with subtitles."""

from __future__ import annotations

from common import SVG, Dialect, esc, hexhash, other_articles, page, rng_for, short_date, slugify, truth_text, json_ld


def hc(seed: str, n: int = 4) -> str:
    """A run of hashed utility class names, as Medium's CSS-in-JS emits them."""
    return " ".join(hexhash(f"{seed}{i}", 2 + (i % 2)) for i in range(n))


class MediumBlocks(Dialect):
    def _id(self):
        self.n += 1
        return hexhash(f"{self.a.slug}-{self.n}", 4)

    def p(self, text):
        return f'<p id="{self._id()}" class="pw-post-body-paragraph {hc("p", 12)}" data-selectable-paragraph="">{self.inline(text)}</p>', text

    def h2(self, text):
        return f'<h2 id="{self._id()}" class="{hc("h2", 10)}" data-selectable-paragraph="">{esc(text)}</h2>', text

    def h3(self, text):
        return f'<h3 id="{self._id()}" class="{hc("h3", 10)}" data-selectable-paragraph="">{esc(text)}</h3>', text

    def ul(self, items):
        return f'<ul class="">' + "".join(f'<li id="{self._id()}" class="{hc("li", 11)}" data-selectable-paragraph="">{esc(i)}</li>' for i in items) + "</ul>", "\n".join(items)

    def ol(self, items):
        return f'<ol class="">' + "".join(f'<li id="{self._id()}" class="{hc("li", 11)} ol" data-selectable-paragraph="">{esc(i)}</li>' for i in items) + "</ol>", "\n".join(items)

    def quote(self, text):
        return f'<blockquote class="{hc("bq", 3)}"><p id="{self._id()}" class="{hc("bqp", 9)}" data-selectable-paragraph="">{esc(text)}</p></blockquote>', text

    def img(self, caption, credit):
        k = hexhash(caption, 16)
        src = f"https://miro.medium.example/v2/resize:fit:1400/1*{k}.jpeg"
        srcset = ", ".join(f"https://miro.medium.example/v2/resize:fit:{w}/format:webp/1*{k}.jpeg {w}w" for w in (640, 720, 750, 786, 828, 1100, 1400))
        return (
            f'<figure class="{hc("fig", 5)}"><div role="button" tabindex="0" class="{hc("fb", 6)}"><span class="{hc("fs", 3)}"><picture><source srcset="{srcset}" sizes="(min-resolution: 4dppx) and (max-width: 700px) 50vw, 100vw" type="image/webp"><img alt="" class="bh mp mq c" width="700" height="467" loading="lazy" role="presentation" src="{src}"></picture></span></div>'
            f'<figcaption class="{hc("fc", 8)}" data-selectable-paragraph="">{esc(caption)} Photo by {esc(credit)}</figcaption></figure>',
            f"{caption} Photo by {credit}",
        )


PUBS = ["The Long Run", "Better Business Notes", "Signal & Noise", "Reel Talk", "Kitchen Stories"]


def render(a, ctx):
    v = ctx["variant"]
    r = rng_for("medium", a.slug, str(v))
    pub = PUBS[v % len(PUBS)]
    handle = "@" + slugify(a.meta["author"]).replace("-", "")
    url = f"https://medium.example.com/{slugify(pub)}/{slugify(a.meta['headline'])}-{hexhash(a.slug, 12)}"
    others = other_articles(ctx["arts"], a, 8, r, lang=a.lang)
    d = MediumBlocks(a, r)
    body_html, body_truth = d.render(a.blocks)
    date_s = short_date(a.dt)
    claps = f"{1 + r.randrange(9)}.{r.randrange(10)}K"
    nwords = sum(len(b.text.split()) for b in a.blocks)
    mins = max(1, round(nwords / 265))
    member = v % 3 == 1

    def card(o, author=True):
        return (
            f'<div class="{hc("card", 5)}"><div class="{hc("cw", 4)}"><article class="{hc("ca", 3)}" data-testid="post-preview"><div class="{hc("ci", 6)}" role="link" data-href="https://medium.example.com/p/{hexhash(o.slug, 12)}" tabindex="0">'
            + (f'<div class="{hc("cau", 4)}"><a href="/{handle}"><img alt="{esc(o.meta["author"])}" class="l ep by ca cb cx" src="https://miro.medium.example/v2/resize:fill:20:20/1*{hexhash(o.meta["author"], 16)}.jpeg" width="20" height="20" loading="lazy"></a><p class="{hc("cap", 6)}">{esc(o.meta["author"])}</p></div>' if author else "")
            + f'<div class="{hc("ct", 3)}"><a href="/p/{hexhash(o.slug, 12)}"><h2 class="{hc("cth", 9)}">{esc(o.meta["headline"])}</h2></a><div class="{hc("cts", 4)}"><h3 class="{hc("csub", 8)}">{esc(o.meta.get("dek") or o.first_sentence())}</h3></div></div>'
            f'<div class="{hc("cm", 5)}"><span class="{hc("cms", 4)}">{4 + len(o.slug) % 9} min read</span><span class="{hc("cmd", 3)}">·</span><span>{short_date(o.dt)}</span></div>'
            f'<div class="{hc("cc", 4)}">{SVG["clap"]}<span class="{hc("ccn", 3)}">{100 + len(o.meta["headline"]) * 13}</span></div></div></article></div></div>'
        )

    head = f"""<meta charset="utf-8">
<title>{esc(a.meta["headline"])} | by {esc(a.meta["author"])} | {esc(pub)} | Medium</title>
<meta data-rh="true" name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1">
<meta data-rh="true" name="theme-color" content="#000000">
<meta data-rh="true" property="og:type" content="article">
<meta data-rh="true" property="og:title" content="{esc(a.meta["headline"])}">
<meta data-rh="true" property="og:description" content="{esc(a.meta.get("dek") or a.first_sentence())}">
<meta data-rh="true" property="og:url" content="{url}">
<meta data-rh="true" property="article:published_time" content="{a.dt.isoformat()}T14:02:11.351Z">
<meta data-rh="true" name="author" content="{esc(a.meta["author"])}">
<meta data-rh="true" name="robots" content="index,noarchive,follow,max-image-preview:large">
<meta data-rh="true" name="referrer" content="unsafe-url">
<meta data-rh="true" name="twitter:card" content="summary_large_image">
<meta data-rh="true" name="twitter:label1" content="Reading time">
<meta data-rh="true" name="twitter:data1" content="{mins} min read">
<link data-rh="true" rel="canonical" href="{url}">
<link data-rh="true" rel="author" href="https://medium.example.com/{handle}">
{json_ld(a, url, pub, "SocialMediaPosting")}
<style type="text/css" data-fela-rehydration="543" data-fela-type="STATIC">html{{box-sizing:border-box;-webkit-text-size-adjust:100%}}*, *:before, *:after{{box-sizing:inherit}}body{{margin:0;padding:0;text-rendering:optimizeLegibility;-webkit-font-smoothing:antialiased;color:rgba(0,0,0,0.8);position:relative;min-height:100vh}}h1, h2, h3, h4, h5, h6, dl, dd, ol, ul, menu, figure, blockquote, p, pre, form{{margin:0}}</style>
<style type="text/css" data-fela-rehydration="543" data-fela-type="RULE">.a{{font-family:medium-content-sans-serif-font, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen, Ubuntu, Cantarell, "Open Sans", "Helvetica Neue", sans-serif}}.b{{font-weight:400}}.c{{background-color:rgba(255, 255, 255, 1)}}.l{{display:block}}</style>"""
    body = f"""<div id="root"><div class="a b c"><div class="d e f g h i j k"></div>
<div class="l c"><div class="l m n o c"><div class="p q r s t u v w x i d y z"><a class="du ag dv bf ak b am an ao ap aq ar as at s u w i d q dw z" href="/" data-testid="headerMediumLogo" aria-label="Homepage"><svg viewBox="0 0 1043.63 592.71" class="dx dy"><g data-name="Layer 2"><g data-name="Layer 1"><path d="M588.67 296.36c0 163.67-131.78 296.35-294.33 296.35S0 460 0 296.36 131.78 0 294.34 0s294.33 132.69 294.33 296.36M911.56 296.36c0 154.06-65.89 279-147.17 279s-147.17-124.94-147.17-279 65.88-279 147.16-279 147.17 124.9 147.17 279M1043.63 296.36c0 138-23.17 249.94-51.76 249.94s-51.75-111.91-51.75-249.94 23.17-249.94 51.75-249.94 51.76 111.9 51.76 249.94"></path></g></g></svg></a>
<div class="ea h"><div class="eb ec ed ee ef eg eh ei ej ek"><div class="el em"><div class="en l"></div><input role="combobox" aria-controls="search-results" aria-expanded="false" aria-label="search" data-testid="headerSearchInput" tabindex="0" class="ar eo ep eq z er es et eu ev ew ex ey ez fa fb" placeholder="Search" value=""></div></div></div></div>
<div class="h k w fc fd"><div class="fe ac"><span class="be b bf bg dh"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="/m/signin" rel="noopener follow">Write</a></span></div><div class="ff l"><span><a class="bx by bz ca cb cc cd ce cf cg ch ci cj ck cl" href="/m/signin" rel="noopener follow">Sign up</a></span></div><div class="fg h k"><span class="be b bf bg dh"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="/m/signin" rel="noopener follow">Sign in</a></span></div></div></div></div>
<div class="l"><div class="fh fi fj fk fl l"><div class="ab cb"><div class="ci bh gu gv gw gx"></div></div>
<article><div class="l"><div class="l"><span class="l"></span>
<section><div><div class="fr fs ft fu fv"></div><div class="fw fx fy fz ga"><div class="ab cb"><div class="ci bh gu gv gw gx">
{f'<div class="gy gz ha hb hc l"><div class="ab q"><svg width="16" height="16" viewBox="0 0 64 64" fill="none"><path d="M39.64 40.83 33.87 56.7a1.99 1.99 0 0 1-3.74 0l-5.77-15.87a2.02 2.02 0 0 0-1.2-1.2L7.3 33.88a1.99 1.99 0 0 1 0-3.74l15.87-5.77a2.02 2.02 0 0 0 1.2-1.2L30.12 7.3a1.99 1.99 0 0 1 3.74 0l5.77 15.87a2.02 2.02 0 0 0 1.2 1.2l15.86 5.76a1.99 1.99 0 0 1 0 3.74l-15.87 5.77a2.02 2.02 0 0 0-1.2 1.2z" fill="#FFC017"></path></svg><p class="be b bf z dh">Member-only story</p></div></div>' if member else ""}
<div><h1 id="{hexhash(a.slug, 4)}" class="pw-post-title {hc("t", 14)}" data-testid="storyTitle" data-selectable-paragraph="">{esc(a.meta["headline"])}</h1></div>
{f'<div><h2 id="{hexhash(a.slug + "s", 4)}" class="pw-subtitle-paragraph {hc("s", 14)}" data-selectable-paragraph="">{esc(a.meta["dek"])}</h2></div>' if a.meta.get("dek") else ""}
<div class="speechify-ignore ab co"><div class="speechify-ignore bg l"><div class="jf jg jh ji jj ab"><div><div class="ab jk"><div><div class="bm" aria-hidden="false"><a href="/{handle}?source=post_page-----{hexhash(a.slug, 12)}--------------------------------" rel="noopener follow"><div class="l jl jm by jn jo"><div class="l ed"><img alt="{esc(a.meta["author"])}" class="l ep by dd de cx" src="https://miro.medium.example/v2/resize:fill:88:88/1*{hexhash(a.meta["author"], 16)}.jpeg" width="44" height="44" loading="lazy" data-testid="authorPhoto"><div class="jp by l dd de ep n jq eq"></div></div></div></a></div></div></div></div>
<div class="bm bg l"><div class="ab"><div style="flex:1"><span class="be b bf z bj"><div class="jr ab q"><div class="ab q js"><div class="ab q"><div><div class="bm" aria-hidden="false"><p class="be b jt ju bj"><a class="af ag ah ai aj ak al am an ao ap aq ar jv" data-testid="authorName" href="/{handle}?source=post_page-----{hexhash(a.slug, 12)}--------------------------------" rel="noopener follow">{esc(a.meta["author"])}</a></p></div></div></div><span class="jw jx" aria-hidden="true"><span class="be b bf z dh">·</span></span><p class="be b jt ju dh"><span><a class="jy jz ah ai aj ak al am an ao ap aq ar ev ka kb" href="/m/signin?actionUrl=follow" rel="noopener follow">Follow</a></span></p></div></div></span></div></div>
<div class="l"><span class="be b bf z dh"><div class="ab cm kc kd ke"><div class="kf kg ab"><div class="be b bf z dh ab kh"><span class="ki l ke">Published in</span><div><div class="l" aria-hidden="false"><a class="af ag ah ai aj ak al am an ao ap aq ar jv ab q" data-testid="publicationName" href="/{slugify(pub)}?source=post_page-----{hexhash(a.slug, 12)}--------------------------------" rel="noopener follow"><p class="be b bf z kj kk kl km kn ko kp kq bj">{esc(pub)}</p></a></div></div></div><div class="h k"><span class="jw jx" aria-hidden="true"><span class="be b bf z dh">·</span></span></div></div><span class="be b bf z dh"><div class="ab ae"><span data-testid="storyReadTime">{mins} min read</span><div class="kr ks l" aria-hidden="true"><span class="l" aria-hidden="true"><span class="be b bf z dh">·</span></span></div><span data-testid="storyPublishDate">{date_s}</span></div></span></div></span></div></div></div>
<div class="ab co kt ku kv kw kx ky kz la lb lc ld le lf lg lh li"><div class="h k"><div class="cw cx"><div class="ab q lj"><div class="pw-multi-vote-icon ed ki lk ll lm"><div role="button" aria-label="clap"><div class="ln lo lp lq lr ls lt">{SVG["clap"]}</div></div></div><div class="pw-multi-vote-count l lu lv lw lx ly lz ma"><p class="be b dt z dh"><span class="mb">{claps}</span></p></div></div></div><div class="bm" aria-hidden="false"><button class="ao ln me mf ab q ee mg mh" aria-label="responses"><svg width="24" height="24" viewBox="0 0 24 24" class="md"><path d="M18.006 16.803c1.533-1.456 2.234-3.325 2.234-5.321C20.24 7.357 16.709 4 12.191 4S4 7.357 4 11.482c0 4.126 3.674 7.482 8.191 7.482.817 0 1.622-.111 2.393-.327.231.2.48.391.744.559 1.06.693 2.203 1.044 3.399 1.044.224-.008.4-.112.486-.287a.49.49 0 0 0-.042-.518c-.495-.67-.845-1.364-1.04-2.057a4 4 0 0 1-.125-.598zm-3.122 1.055-.067-.223-.315.096a8 8 0 0 1-2.311.338c-4.023 0-7.292-2.955-7.292-6.587 0-3.633 3.269-6.588 7.292-6.588 4.014 0 7.112 2.958 7.112 6.593 0 1.794-.608 3.469-2.027 4.72l-.195.168v.255c0 .056 0 .151.016.295.025.231.081.478.154.733.154.558.398 1.117.722 1.659a5.3 5.3 0 0 1-2.165-.845c-.276-.176-.714-.383-.941-.59z"></path></svg><p class="be b dt z dh"><span class="pw-responses-count mc md">{10 + r.randrange(90)}</span></p></button></div></div></div></div></div></div></div>
</div></div></div>
<div class="ab cb mt mu mv mw" role="separator"></div>
<div class="mx my mz na nb"><div class="ab cb"><div class="ci bh gu gv gw gx">
{body_html}
</div></div></div>
</div></section>
</div></div></article>
</div>
<div class="ab cb"><div class="ci bh gu gv gw gx"><div class="pl pm ab kh"><div class="pn ab"><a class="po ax an ao" href="/tag/{slugify(a.tag_list[0] if a.tag_list else "writing")}?source=post_page-----{hexhash(a.slug, 12)}---------------"><div class="pp ed cx pq gf pr ps bf b bg z bj pt">{esc(a.tag_list[0] if a.tag_list else "Writing")}</div></a></div>{"".join(f'<div class="pn ab"><a class="po ax an ao" href="/tag/{slugify(t)}"><div class="pp ed cx pq gf pr ps bf b bg z bj pt">{esc(t)}</div></a></div>' for t in a.tag_list[1:])}</div></div></div>
<div class="l"><div class="qx qy qz ra rb l bx"><div class="ab cb"><div class="ci bh gu gv gw gx"><div class="rc ab kh ke"><div class="rd re rf rg rh ri rj rk rl rm ab co"><div class="h k"><a tabindex="0" href="/{handle}"><div class="l ed"><img alt="{esc(a.meta["author"])}" class="l ep by rn ro cx" src="https://miro.medium.example/v2/resize:fill:144:144/1*{hexhash(a.meta["author"], 16)}.jpeg" width="72" height="72" loading="lazy"></div></a></div></div>
<div class="ab cm co"><div class="ry ab q"><a class="af ag ah ai aj ak al am an ao ap aq ar as at" href="/{handle}"><h2 class="pw-author-name be uc ud ue bj"><span class="gn">Written by {esc(a.meta["author"])}</span></h2></a></div><div class="rp ab"><div class="l kh"><span class="pw-follower-count be b bf z bj"><a class="af ag ah ai aj ak al am an ao ap aq ar jv" href="/{handle}/followers">{1 + r.randrange(40)}.{r.randrange(10)}K Followers</a></span></div></div><div class="uf l"><p class="be b bf z bj"><span class="gn">Writer at heart, {esc(a.meta.get("section", "writing").lower())} by trade. I write about the things I learn the hard way so you do not have to.</span></p></div></div></div></div></div></div></div>
<div class="l ut uu"><div class="ab cb"><div class="ci bh gu gv gw gx"><div class="uv uw ux uy uz va vb"><h2 class="be uc ud ue bj">More from {esc(a.meta["author"])} and {esc(pub)}</h2></div><div class="vc vd ve vf vg vh vi vj vk vl vm vn vo vp vq vr vs">{"".join(card(o) for o in others[:4])}</div><div class="wd we wf wg wh wi wj wk wl wm wn"><a href="/{handle}?source=post_page-----{hexhash(a.slug, 12)}--------------------------------"><p class="be b bf z bj">See all from {esc(a.meta["author"])}</p></a></div></div></div></div>
<div class="l xe xf"><div class="ab cb"><div class="ci bh gu gv gw gx"><div class="uv uw ux uy uz va vb"><h2 class="be uc ud ue bj">Recommended from Medium</h2></div><div class="vc vd ve vf">{"".join(card(o) for o in others[4:8])}</div></div></div></div>
<div class="xk xl xm xn xo xp xq xr xs xt xu xv"><div class="xw ab co"><div class="xx"><a href="/about?autoplay=1">About</a></div><div class="xx"><a href="https://help.medium.example.com/">Help</a></div><div class="xx"><a href="/policy/terms">Terms</a></div><div class="xx"><a href="/policy/privacy">Privacy</a></div></div></div>
</div></div></div>
<script>window.__BUILD_ID__="main-20240421-001205-{hexhash(a.slug, 10)}"</script>
<script>window.__APOLLO_STATE__ = {{"ROOT_QUERY":{{"__typename":"Query","viewer":null,"post({{\\"id\\":\\"{hexhash(a.slug, 12)}\\"}})":{{"__ref":"Post:{hexhash(a.slug, 12)}"}}}},"Post:{hexhash(a.slug, 12)}":{{"__typename":"Post","id":"{hexhash(a.slug, 12)}","title":{__import__("json").dumps(a.meta["headline"])},"clapCount":{int(float(claps[:-1]) * 1000)},"isLocked":{"true" if member else "false"}}}}}</script>
<script src="https://cdn-client.medium.example/lite/static/js/manifest.{hexhash(a.slug, 8)}.js"></script>
<script src="https://cdn-client.medium.example/lite/static/js/main.{hexhash(a.slug, 8)}.js"></script>"""
    truth = [a.meta["headline"]] + ([a.meta["dek"]] if a.meta.get("dek") else []) + [a.meta["author"], date_s] + body_truth
    return url, page(head, body, a.lang), truth_text(truth)
