"""Blogger (classic layout widgets): blog-posts, date-header, post-body entry-content, PopularPosts, threaded comments."""

from __future__ import annotations

from common import (
    COMMENTS, NAMES, REPLIES, Dialect, esc, hexhash, other_articles, page, rng_for, slugify, truth_text, long_date,
)

SITES = [
    {"name": "Blisters & Switchbacks", "sub": "blisters-switchbacks", "about": "Weekend runner, weekday accountant. I write about the races I enter and the training I mostly skip. Based in the hills, usually covered in mud."},
    {"name": "Yasmin's Kitchen Table", "sub": "yasminskitchentable", "about": "Home cook, mother of three and collector of handwritten recipe cards. Everything on this blog has been tested on a family that does not hesitate to complain."},
    {"name": "Late Night Records", "sub": "latenightrecords", "about": "I have been buying jazz records since 1987 and writing about them here since 2009. Opinions are my own and frequently wrong."},
    {"name": "Chroniques de Saint-Aubin", "sub": "chroniques-saint-aubin", "about": "Retraitée, curieuse et bavarde, je raconte la vie de mon quartier et de ma ville depuis 2011. Les photos sont de moi, sauf mention contraire."},
    {"name": "Harmon Park Neighbours", "sub": "harmonparkneighbours", "about": "A volunteer-run blog for residents of the Harmon Park area: notices, events, and the occasional argument about parking."},
]

WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
}


class BloggerBody(Dialect):
    """Blogger's compose editor: div/br soup in some posts, p tags in others."""

    img_base = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/"

    def __init__(self, a, r, divs):
        super().__init__(a, r)
        self.divs = divs

    def p(self, text):
        if self.divs:
            return f"<div>{self.inline(text)}</div><div><br></div>", text
        return f'<p style="text-align: justify;">{self.inline(text)}</p>', text

    def h2(self, text):
        return f"<h3>{esc(text)}</h3>", text

    def img(self, caption, credit):
        src = f"{self.img_base}AVvXsE{hexhash(caption, 24)}/s1600/IMG_{int(hexhash(caption, 4), 16)}.jpg"
        return (
            f'<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;"><a href="{src}" style="margin-left: auto; margin-right: auto;"><img border="0" data-original-height="1200" data-original-width="1600" height="300" src="{src.replace("s1600", "w400-h300")}" width="400"></a></td></tr><tr><td class="tr-caption" style="text-align: center;">{esc(caption)} ({esc(credit)})</td></tr></tbody></table>',
            f"{caption} ({credit})",
        )


def render(a, ctx):
    v = ctx["variant"]
    site = SITES[v % len(SITES)]
    fr = a.lang == "fr"
    r = rng_for("blogger", a.slug, str(v))
    url = f"https://{site['sub']}.blogspot.com/{a.dt.year}/{a.dt.month:02d}/{slugify(a.meta['headline'])[:40].rstrip('-')}.html"
    others = other_articles(ctx["arts"], a, 8, r, lang=a.lang)
    d = BloggerBody(a, r, divs=(v % 2 == 0))
    body_html, body_truth = d.render(a.blocks)
    wd = WEEKDAYS.get(a.lang, WEEKDAYS["en"])[a.dt.weekday()]
    date_s = f"{wd}, {long_date(a.dt, 'en')}" if not fr else f"{wd} {long_date(a.dt, 'fr')}"
    post_id = int(hexhash(a.slug, 15), 16)
    blog_id = int(hexhash(site["name"], 15), 16)
    ncom = [5, 3, 0, 4, 2][v % 5]

    comments = ""
    if ncom:
        items = []
        picks = r.sample(range(len(COMMENTS)), ncom)
        for k, idx in enumerate(picks):
            who = NAMES[(idx * 3 + k) % len(NAMES)]
            cid = int(hexhash(f"{a.slug}{k}", 12), 16)
            text = COMMENTS[idx]
            if fr:
                text = [
                    "Merci pour ce bel article, j'y suis passée samedi et c'était plein de monde. La nouvelle verrière est magnifique, on se croirait dans une gare d'autrefois.",
                    "Enfin ! Deux ans, c'était long. J'espère que les prix resteront raisonnables pour les petits budgets.",
                    "Ma grand-mère y vendait des légumes dans les années soixante. Je suis contente que le bâtiment ait été sauvé.",
                    "Dommage qu'il n'y ait toujours pas de parking à vélos devant l'entrée principale, mais sinon bravo à la mairie.",
                ][k % 4]
            reply = ""
            if k == 0:
                rep = REPLIES[idx % len(REPLIES)] if not fr else "Tout à fait d'accord, et le fromager est toujours aussi sympathique !"
                reply = f'<div class="comment-replies"><div class="comment-thread inline-thread"><span class="thread-toggle thread-expanded"><span class="thread-arrow"></span><span class="thread-count"><a target="_self">{"Réponses" if fr else "Replies"}</a></span></span><ol class="thread-chrome thread-expanded"><div><li class="comment" id="c{cid + 1}"><div class="avatar-image-container"><img src="//resources.blogblog.com/img/blank.gif" alt=""></div><div class="comment-block"><div class="comment-header"><cite class="user blog-author"><a href="https://www.blogger.com/profile/{blog_id}" rel="nofollow">{esc(site["name"])}</a></cite><span class="icon user blog-author"></span><span class="datetime secondary-text"><a rel="nofollow" href="{url}?showComment={cid + 1}#c{cid + 1}">{date_s}</a></span></div><p class="comment-content">{esc(rep)}</p><span class="comment-actions secondary-text"><span class="item-control blog-admin pid-1"><a target="_self" href="https://www.blogger.com/delete-comment.g?blogID={blog_id}&amp;postID={cid + 1}">Delete</a></span></span></div></li></div></ol></div></div>'
            items.append(
                f'<li class="comment" id="c{cid}"><div class="avatar-image-container"><img src="//resources.blogblog.com/img/blank.gif" alt=""></div><div class="comment-block"><div class="comment-header"><cite class="user">{esc(who)}</cite><span class="icon user"></span><span class="datetime secondary-text"><a rel="nofollow" href="{url}?showComment={cid}#c{cid}">{date_s}</a></span></div><p class="comment-content">{esc(text)}</p><span class="comment-actions secondary-text"><a class="comment-reply" target="_self" data-comment-id="{cid}">{"Répondre" if fr else "Reply"}</a></span></div>{reply}</li>'
            )
        comments = (
            f'<div class="comments threaded" id="comments"><a name="comments"></a><h4>{ncom} {"commentaires" if fr else "comments"}:</h4><div class="comments-content"><script async src="/js/comments.js"></script><div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">'
            + "".join(items)
            + f'</ol><div id="top-continue" class="continue"><a class="comment-reply" target="_self">{"Ajouter un commentaire" if fr else "Add comment"}</a></div></div></div></div><p class="comment-footer"><div class="comment-form"><a name="comment-form"></a><p>{"Les commentaires sont modérés. Merci de rester courtois." if fr else "Comments are moderated, so there may be a delay before yours appears. Please be kind."}</p><iframe allowtransparency="true" class="blogger-iframe-colorize blogger-comment-from-post" frameborder="0" height="410px" id="comment-editor" name="comment-editor" src="" width="100%"></iframe></div></p></div>'
        )
    else:
        comments = f'<div class="comments" id="comments"><a name="comments"></a><h4>{"Aucun commentaire" if fr else "No comments"}:</h4><div id="Blog1_comments-block-wrapper"><dl class="avatar-comment-indent" id="comments-block"></dl></div><p class="comment-footer"><a href="https://www.blogger.com/comment/fullpage/post/{blog_id}/{post_id}" onclick="">{"Enregistrer un commentaire" if fr else "Post a Comment"}</a></p></div>'

    popular = "".join(
        f'<li><div class="item-content"><div class="item-thumbnail"><a href="https://{site["sub"]}.blogspot.com/{o.dt.year}/{o.dt.month:02d}/{slugify(o.meta["headline"])[:40]}.html" target="_blank"><img alt="" border="0" src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsE{hexhash(o.slug, 20)}/w72-h72-p-k-no-nu/thumb.jpg"></a></div>'
        f'<div class="item-title"><a href="https://{site["sub"]}.blogspot.com/{o.dt.year}/{o.dt.month:02d}/{slugify(o.meta["headline"])[:40]}.html">{esc(o.meta["headline"])}</a></div><div class="item-snippet">{esc(o.excerpt(26))}</div></div><div style="clear: both;"></div></li>'
        for o in others[:4]
    )
    labels = ", ".join(f'<a href="https://{site["sub"]}.blogspot.com/search/label/{esc(t)}" rel="tag">{esc(t)}</a>' for t in a.tag_list)
    archive_months = "".join(
        f'<li class="archivedate"><a class="toggle" href="javascript:void(0)"><span class="zippy">&#9658;&nbsp;</span></a><a class="post-count-link" href="/{a.dt.year}/{m:02d}/">{["January","February","March","April","May","June","July","August","September","October","November","December"][m - 1] if not fr else ["janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","décembre"][m - 1]}</a> <span class="post-count" dir="ltr">({1 + (m * 7) % 5})</span></li>'
        for m in range(a.dt.month, 0, -1)
    )
    head = f"""<meta content='width=1100' name='viewport'>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'>
<meta content='blogger' name='generator'>
<link href='https://{site["sub"]}.blogspot.com/favicon.ico' rel='icon' type='image/x-icon'>
<link href='{url}' rel='canonical'>
<link rel="alternate" type="application/atom+xml" title="{esc(site["name"])} - Atom" href="https://{site["sub"]}.blogspot.com/feeds/posts/default">
<link rel="service.post" type="application/atom+xml" title="{esc(site["name"])} - Atom" href="https://www.blogger.com/feeds/{blog_id}/posts/default">
<meta content='{url}' property='og:url'>
<meta content='{esc(a.meta["headline"])}' property='og:title'>
<meta content='{esc(a.first_sentence())}' property='og:description'>
<title>{esc(site["name"])}: {esc(a.meta["headline"])}</title>
<style id='page-skin-1' type='text/css'><!--
body {{ font: normal normal 15px Georgia, Utopia, 'Palatino Linotype', Palatino, serif; color: #333333; background: #f5f0e8 none repeat scroll top left; }}
.post-body {{ font-size: 110%; line-height: 1.4; position: relative; }}
h2.date-header {{ font: normal bold 11px Arial, Tahoma, Helvetica, FreeSans, sans-serif; }}
--></style>
<link type='text/css' rel='stylesheet' href='https://www.blogger.com/static/v1/widgets/2975746476-widget_css_bundle.css'>
<script type="text/javascript" src="https://www.blogger.com/static/v1/jsbin/1853210485-ieretrofit.js"></script>"""
    body = f"""<div class="navbar no-items section" id="navbar" name="Navbar"></div>
<div class="body-fauxcolumns"><div class="fauxcolumn-outer body-fauxcolumn-outer"><div class="cap-top"><div class="cap-left"></div><div class="cap-right"></div></div><div class="fauxborder-left"><div class="fauxborder-right"></div><div class="fauxcolumn-inner"></div></div><div class="cap-bottom"><div class="cap-left"></div><div class="cap-right"></div></div></div></div>
<div class="content"><div class="content-fauxcolumns"></div><div class="content-outer"><div class="content-cap-top cap-top"><div class="cap-left"></div><div class="cap-right"></div></div><div class="fauxborder-left content-fauxborder-left"><div class="fauxborder-right content-fauxborder-right"></div><div class="content-inner">
<header><div class="header-outer"><div class="header-cap-top cap-top"><div class="cap-left"></div><div class="cap-right"></div></div><div class="fauxborder-left header-fauxborder-left"><div class="fauxborder-right header-fauxborder-right"></div><div class="region-inner header-inner"><div class="header section" id="header" name="Header"><div class="widget Header" data-version="1" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="https://{site["sub"]}.blogspot.com/">{esc(site["name"])}</a></h1></div><div class="descriptionwrapper"><p class="description"><span></span></p></div></div></div></div></div></div></div></header>
<div class="tabs-outer"><div class="region-inner tabs-inner"><div class="tabs section" id="crosscol" name="Cross-Column"><div class="widget PageList" data-version="1" id="PageList1"><div class="widget-content"><ul><li><a href="https://{site["sub"]}.blogspot.com/">{"Accueil" if fr else "Home"}</a></li><li><a href="https://{site["sub"]}.blogspot.com/p/about.html">{"À propos" if fr else "About"}</a></li><li><a href="https://{site["sub"]}.blogspot.com/p/contact.html">Contact</a></li></ul><div class="clear"></div></div></div></div></div></div>
<div class="main-outer"><div class="main-cap-top cap-top"><div class="cap-left"></div><div class="cap-right"></div></div><div class="fauxborder-left main-fauxborder-left"><div class="fauxborder-right main-fauxborder-right"></div><div class="region-inner main-inner">
<div class="columns fauxcolumns"><div class="columns-inner">
<div class="column-center-outer"><div class="column-center-inner"><div class="main section" id="main" name="Main"><div class="widget Blog" data-version="1" id="Blog1">
<div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>{date_s}</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<meta content="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsE{hexhash(a.slug, 20)}/s1600/cover.jpg" itemprop="image_url">
<meta content="{blog_id}" itemprop="blogId"><meta content="{post_id}" itemprop="postId">
<a name="{post_id}"></a>
<h3 class="post-title entry-title" itemprop="name">{esc(a.meta["headline"])}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-{post_id}" itemprop="description articleBody">
{body_html}
<div style="clear: both;"></div>
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">{"Publié par" if fr else "Posted by"} <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><meta content="https://www.blogger.com/profile/{blog_id}" itemprop="url"><a class="g-profile" href="https://www.blogger.com/profile/{blog_id}" rel="author" title="author profile"><span itemprop="name">{esc(a.meta["author"])}</span></a></span></span> <span class="post-timestamp">{"à" if fr else "at"} <meta content="{url}" itemprop="url"><a class="timestamp-link" href="{url}" rel="bookmark" title="permanent link"><abbr class="published" itemprop="datePublished" title="{a.dt.isoformat()}T10:42:00+01:00">{"10:42" if fr else "10:42 AM"}</abbr></a></span> <span class="post-comment-link"></span> <span class="post-icons"><span class="item-control blog-admin pid-1"><a href="https://www.blogger.com/post-edit.g?blogID={blog_id}&amp;postID={post_id}&amp;from=pencil" title="Edit Post"><img alt="" class="icon-action" height="18" src="https://resources.blogblog.com/img/icon18_edit_allbkg.gif" width="18"></a></span></span>
<div class="post-share-buttons goog-inline-block"><a class="goog-inline-block share-button sb-email" href="https://www.blogger.com/share-post.g?blogID={blog_id}&amp;postID={post_id}&amp;target=email" target="_blank" title="Email This"><span class="share-button-link-text">Email This</span></a><a class="goog-inline-block share-button sb-blog" href="https://www.blogger.com/share-post.g?blogID={blog_id}&amp;postID={post_id}&amp;target=blog" target="_blank" title="BlogThis!"><span class="share-button-link-text">BlogThis!</span></a><a class="goog-inline-block share-button sb-facebook" href="https://www.blogger.com/share-post.g?blogID={blog_id}&amp;postID={post_id}&amp;target=facebook" target="_blank" title="Share to Facebook"><span class="share-button-link-text">Share to Facebook</span></a></div></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">{"Libellés" if fr else "Labels"}: {labels}</span></div><div class="post-footer-line post-footer-line-3"><span class="post-location"></span></div></div>
</div>
{comments}
</div></div></div>
</div>
<div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="https://{site["sub"]}.blogspot.com/{others[0].dt.year}/" id="Blog1_blog-pager-newer-link" title="Newer Post">{"Article plus récent" if fr else "Newer Post"}</a></span><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="https://{site["sub"]}.blogspot.com/{others[1].dt.year}/" id="Blog1_blog-pager-older-link" title="Older Post">{"Article plus ancien" if fr else "Older Post"}</a></span><a class="home-link" href="https://{site["sub"]}.blogspot.com/">{"Accueil" if fr else "Home"}</a></div>
<div class="clear"></div>
<div class="post-feeds"><div class="feed-links">{"S'abonner à" if fr else "Subscribe to"}: <a class="feed-link" href="https://{site["sub"]}.blogspot.com/feeds/{post_id}/comments/default" target="_blank" type="application/atom+xml">{"Publier des commentaires" if fr else "Post Comments"} (Atom)</a></div></div>
</div></div></div></div>
<div class="column-left-outer"><div class="column-left-inner"><aside></aside></div></div>
<div class="column-right-outer"><div class="column-right-inner"><aside><div class="sidebar section" id="sidebar-right-1">
<div class="widget Profile" data-version="1" id="Profile1"><h2>{"Qui suis-je ?" if fr else "About Me"}</h2><div class="widget-content"><a href="https://www.blogger.com/profile/{blog_id}"><img alt="My photo" class="profile-img" height="80" src="//blogger.googleusercontent.com/img/b/R29vZ2xl/profile-{hexhash(site["name"])}.jpg" width="80"></a><dl class="profile-datablock"><dt class="profile-data"><a class="profile-name-link g-profile" href="https://www.blogger.com/profile/{blog_id}" rel="author">{esc(a.meta["author"])}</a></dt><dd class="profile-textblock">{esc(site["about"])}</dd></dl><a class="profile-link" href="https://www.blogger.com/profile/{blog_id}" rel="author">{"Afficher mon profil complet" if fr else "View my complete profile"}</a><div class="clear"></div></div></div>
<div class="widget PopularPosts" data-version="1" id="PopularPosts1"><h2>{"Articles les plus consultés" if fr else "Popular Posts"}</h2><div class="widget-content popular-posts"><ul>{popular}</ul><div class="clear"></div></div></div>
<div class="widget BlogArchive" data-version="1" id="BlogArchive1"><h2>{"Archives du blog" if fr else "Blog Archive"}</h2><div class="widget-content"><div id="ArchiveList"><div id="BlogArchive1_ArchiveList"><ul class="hierarchy"><li class="archivedate expanded"><a class="toggle" href="javascript:void(0)"><span class="zippy toggle-open">&#9660;&nbsp;</span></a><a class="post-count-link" href="/{a.dt.year}/">{a.dt.year}</a> <span class="post-count" dir="ltr">(23)</span><ul class="hierarchy">{archive_months}</ul></li></ul></div></div><div class="clear"></div></div></div>
<div class="widget Label" data-version="1" id="Label1"><h2>{"Libellés" if fr else "Labels"}</h2><div class="widget-content cloud-label-widget-content">{"".join(f'<span class="label-size label-size-{1 + i % 5}"><a dir="ltr" href="/search/label/{esc(t)}">{esc(t)}</a></span> ' for i, t in enumerate(a.tag_list + [o.meta.get("section", "") for o in others[:4]]))}<div class="clear"></div></div></div>
<div class="widget Attribution" data-version="1" id="Attribution1"><div class="widget-content" style="text-align: center;">{"Thème Simple. Fourni par" if fr else "Simple theme. Powered by"} <a href="https://www.blogger.com" target="_blank">Blogger</a>.</div><div class="clear"></div></div>
</div></aside></div></div>
</div><div style="clear: both"></div></div>
</div></div></div>
<footer><div class="footer-outer"><div class="footer-cap-top cap-top"><div class="cap-left"></div><div class="cap-right"></div></div><div class="fauxborder-left footer-fauxborder-left"><div class="fauxborder-right footer-fauxborder-right"></div><div class="region-inner footer-inner"><div class="foot no-items section" id="footer-1"></div></div></div></div></footer>
</div></div></div></div>
<script type="text/javascript" src="https://www.blogger.com/static/v1/widgets/1601900224-widgets.js"></script>
<script type="text/javascript">window['__wavt'] = 'AOuZoY{hexhash(a.slug, 30)}';_WidgetManager._Init('//www.blogger.com/rearrange?blogID\\x3d{blog_id}','//{site["sub"]}.blogspot.com/{a.dt.year}/','{blog_id}');</script>"""
    truth = [date_s, a.meta["headline"]] + body_truth
    return url, page(head, body, a.lang, html_attrs=" class='v2' dir='ltr' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b'", body_attrs=' class="loading variant-simplysimple"'), truth_text(truth)
