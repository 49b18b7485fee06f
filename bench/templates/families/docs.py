"""Documentation pages: Sphinx with the Read the Docs theme, and MkDocs Material.
Docs show no byline or date in the page header, so the truth is the page title and the body."""

from __future__ import annotations

from common import Dialect, esc, hexhash, page, rng_for, slugify, truth_text


class SphinxBlocks(Dialect):
    def p(self, text):
        return f"<p>{self.inline(text)}</p>", text

    def h2(self, text):
        return f'</section><section id="{slugify(text)}"><h2>{esc(text)}<a class="headerlink" href="#{slugify(text)}" title="Link to this heading">¶</a></h2>', text

    def code(self, text):
        return f'<div class="highlight-toml notranslate"><div class="highlight"><pre><span></span>{esc(text)}\n</pre></div></div>', text

    def quote(self, text):
        return f'<div class="admonition note"><p class="admonition-title">Note</p><p>{esc(text)}</p></div>', f"Note\n{text}"

    def ul(self, items):
        lis = []
        for i in items:
            k, _, rest = i.partition(": ")
            lis.append(f'<li><p><code class="docutils literal notranslate"><span class="pre">{esc(k)}</span></code>: {esc(rest)}</p></li>' if rest else f"<li><p>{esc(i)}</p></li>")
        return '<ul class="simple">' + "".join(lis) + "</ul>", "\n".join(items)


class MkBlocks(SphinxBlocks):
    def h2(self, text):
        return f'<h2 id="{slugify(text)}">{esc(text)}<a class="headerlink" href="#{slugify(text)}" title="Permanent link">&para;</a></h2>', text

    def code(self, text):
        return f'<div class="language-toml highlight"><pre><span></span><code>{esc(text)}\n</code></pre></div>', text

    def quote(self, text):
        return f'<div class="admonition note"><p class="admonition-title">Note</p><p>{esc(text)}</p></div>', f"Note\n{text}"

    def ul(self, items):
        lis = []
        for i in items:
            k, _, rest = i.partition(": ")
            lis.append(f"<li><code>{esc(k)}</code>: {esc(rest)}</li>" if rest else f"<li>{esc(i)}</li>")
        return "<ul>" + "".join(lis) + "</ul>", "\n".join(items)


TOC = ["Installation", "Quick start", "Configuration file", "Scheduling", "Restoring files", "Remote destinations", "Command reference", "Changelog", "Contributing"]


def render(a, ctx):
    v = ctx["variant"]
    r = rng_for("docs", a.slug, str(v))
    title = a.meta["headline"]
    project = "Tidepool" if a.slug == "docs-config" else "devnotes handbook"
    if v % 2 == 0:
        return _sphinx(a, r, title, project)
    return _mkdocs(a, r, title, project)


def _sphinx(a, r, title, project):
    url = f"https://{slugify(project)}.readthedocs.example/en/latest/{slugify(title)}.html"
    d = SphinxBlocks(a, r)
    body, truth = d.render(a.blocks)
    toc = "".join(f'<li class="toctree-l1{" current" if t == title else ""}"><a class="reference internal{" current" if t == title else ""}" href="{slugify(t)}.html">{esc(t)}</a></li>' for t in (TOC if project == "Tidepool" else ["Virtual environments", "Packaging", "Testing", "Logging"]))
    head = f"""<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title)} &mdash; {esc(project)} 2.3.1 documentation</title>
<link rel="stylesheet" type="text/css" href="_static/pygments.css?v=80d5e7a1">
<link rel="stylesheet" type="text/css" href="_static/css/theme.css?v=19f00094">
<script src="_static/documentation_options.js?v=e1a75e4e"></script><script src="_static/doctools.js?v=888ff710"></script><script src="_static/sphinx_highlight.js?v=dc90522c"></script>
<script src="_static/js/theme.js"></script>
<link rel="index" title="Index" href="genindex.html"><link rel="search" title="Search" href="search.html"><link rel="next" title="Scheduling" href="scheduling.html"><link rel="prev" title="Quick start" href="quick-start.html">
<link rel="canonical" href="{url}">"""
    html_body = f"""<div class="wy-grid-for-nav">
<nav data-toggle="wy-nav-shift" class="wy-nav-side"><div class="wy-side-scroll"><div class="wy-side-nav-search"><a href="index.html" class="icon icon-home">{esc(project)}</a><div class="version">2.3.1</div><div role="search"><form id="rtd-search-form" class="wy-form" action="search.html" method="get"><input type="text" name="q" placeholder="Search docs" aria-label="Search docs"><input type="hidden" name="check_keywords" value="yes"><input type="hidden" name="area" value="default"></form></div></div>
<div class="wy-menu wy-menu-vertical" data-spy="affix" role="navigation" aria-label="Navigation menu"><p class="caption" role="heading"><span class="caption-text">User guide</span></p><ul class="current">{toc}</ul></div></div></nav>
<section data-toggle="wy-nav-shift" class="wy-nav-content-wrap"><nav class="wy-nav-top" aria-label="Mobile navigation menu"><i data-toggle="wy-nav-top" class="fa fa-bars"></i><a href="index.html">{esc(project)}</a></nav>
<div class="wy-nav-content"><div class="rst-content">
<div role="navigation" aria-label="Page navigation"><ul class="wy-breadcrumbs"><li><a href="index.html" class="icon icon-home" aria-label="Home"></a></li><li class="breadcrumb-item active">{esc(title)}</li><li class="wy-breadcrumbs-aside"><a href="_sources/{slugify(title)}.rst.txt" rel="nofollow"> View page source</a></li></ul><hr></div>
<div role="main" class="document" itemscope="itemscope" itemtype="http://schema.org/Article"><div itemprop="articleBody">
<section id="{slugify(title)}"><h1>{esc(title)}<a class="headerlink" href="#{slugify(title)}" title="Link to this heading">¶</a></h1>
{body}
</section>
</div></div>
<footer><div class="rst-footer-buttons" role="navigation" aria-label="Footer"><a href="quick-start.html" class="btn btn-neutral float-left" title="Quick start" accesskey="p" rel="prev"><span class="fa fa-arrow-circle-left" aria-hidden="true"></span> Previous</a><a href="scheduling.html" class="btn btn-neutral float-right" title="Scheduling" accesskey="n" rel="next">Next <span class="fa fa-arrow-circle-right" aria-hidden="true"></span></a></div><hr>
<div role="contentinfo"><p>&#169; Copyright 2019-{a.dt.year}, the {esc(project)} contributors.</p></div>Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a <a href="https://github.com/readthedocs/sphinx_rtd_theme">theme</a> provided by <a href="https://readthedocs.org">Read the Docs</a>.</footer>
</div></div></section></div>
<div class="rst-versions" data-toggle="rst-versions" role="note" aria-label="Versions"><span class="rst-current-version" data-toggle="rst-current-version"><span class="fa fa-book"> Read the Docs</span> v: latest <span class="fa fa-caret-down"></span></span><div class="rst-other-versions"><dl><dt>Versions</dt><dd><a href="/en/latest/">latest</a></dd><dd><a href="/en/stable/">stable</a></dd><dd><a href="/en/2.2/">2.2</a></dd></dl><dl><dt>Downloads</dt><dd><a href="/_/downloads/en/latest/pdf/">PDF</a></dd><dd><a href="/_/downloads/en/latest/htmlzip/">HTML</a></dd></dl></div></div>
<script>jQuery(function () {{ SphinxRtdTheme.Navigation.enable(true); }});</script>"""
    return url, page(head, html_body, a.lang, html_attrs=' class="writer-html5" data-content_root="./"', body_attrs=' class="wy-body-for-nav"'), truth_text([title] + truth)


def _mkdocs(a, r, title, project):
    url = f"https://docs.{slugify(project)}.example/{slugify(title)}/"
    d = MkBlocks(a, r)
    body, truth = d.render(a.blocks)
    heads = [b.text for b in a.blocks if b.kind == "h2"]
    toc = "".join(f'<li class="md-nav__item"><a href="#{slugify(h)}" class="md-nav__link"><span class="md-ellipsis">{esc(h)}</span></a></li>' for h in heads)
    nav = "".join(f'<li class="md-nav__item{" md-nav__item--active" if t == title else ""}"><a href="../{slugify(t)}/" class="md-nav__link{" md-nav__link--active" if t == title else ""}"><span class="md-ellipsis">{esc(t)}</span></a></li>' for t in TOC)
    head = f"""<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="Documentation for {esc(project)}, a small incremental backup tool."><link rel="canonical" href="{url}">
<link rel="prev" href="../quick-start/"><link rel="next" href="../scheduling/"><link rel="icon" href="../assets/images/favicon.png">
<meta name="generator" content="mkdocs-1.5.3, mkdocs-material-9.5.13">
<title>{esc(title)} - {esc(project)}</title>
<link rel="stylesheet" href="../assets/stylesheets/main.{hexhash(title, 8)}.min.css"><link rel="stylesheet" href="../assets/stylesheets/palette.06af60db.min.css">
<script>__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce((e,_)=>(e<<5)-e+_.charCodeAt(0),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}</script>"""
    html_body = f"""<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"><input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off"><label class="md-overlay" for="__drawer"></label>
<div data-md-component="skip"><a href="#{slugify(title)}" class="md-skip">Skip to content</a></div>
<div data-md-component="announce"><aside class="md-banner"><div class="md-banner__inner md-grid md-typeset">Tidepool 2.3 is out, with faster restores. <a href="../changelog/">Read the changelog</a>.</div></aside></div>
<header class="md-header md-header--shadow" data-md-component="header"><nav class="md-header__inner md-grid" aria-label="Header"><a href=".." title="{esc(project)}" class="md-header__button md-logo" aria-label="{esc(project)}"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8a3 3 0 0 0 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3 3 3 0 0 0 3 3m0 3.54C9.64 9.35 6.5 8 3 8v11c3.5 0 6.64 1.35 9 3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5 0-6.64 1.35-9 3.54Z"></path></svg></a><div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div class="md-header__topic"><span class="md-ellipsis">{esc(project)}</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">{esc(title)}</span></div></div></div>
<label class="md-header__button md-icon" for="__search"></label><div class="md-search" data-md-component="search" role="dialog"><label class="md-search__overlay" for="__search"></label><div class="md-search__inner" role="search"><form class="md-search__form" name="search"><input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required></form><div class="md-search__output"><div class="md-search-result" data-md-component="search-result"><div class="md-search-result__meta">Initializing search</div><ol class="md-search-result__list" role="presentation"></ol></div></div></div></div>
<div class="md-header__source"><a href="https://code.example.org/tidepool/tidepool" title="Go to repository" class="md-source" data-md-component="source"><div class="md-source__repository">tidepool/tidepool</div></a></div></nav></header>
<div class="md-container" data-md-component="container"><main class="md-main" data-md-component="main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"><label class="md-nav__title" for="__drawer">{esc(project)}</label><ul class="md-nav__list" data-md-scrollfix>{nav}</ul></nav></div></div></div>
<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--secondary" aria-label="Table of contents"><label class="md-nav__title" for="__toc">Table of contents</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{toc}</ul></nav></div></div></div>
<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<a href="https://code.example.org/tidepool/tidepool/edit/main/docs/{slugify(title)}.md" title="Edit this page" class="md-content__button md-icon"></a>
<h1 id="{slugify(title)}">{esc(title)}</h1>
{body}
<aside class="md-source-file"><span class="md-source-file__fact"><span class="md-icon" title="Last update"></span><span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">{a.dt.strftime("%B %d, %Y").replace(" 0", " ")}</span></span></aside>
</article></div></div>
<button type="button" class="md-top md-icon" data-md-component="top" hidden>Back to top</button></main>
<footer class="md-footer"><nav class="md-footer__inner md-grid" aria-label="Footer"><a href="../quick-start/" class="md-footer__link md-footer__link--prev" aria-label="Previous: Quick start"><div class="md-footer__title"><span class="md-footer__direction">Previous</span><div class="md-ellipsis">Quick start</div></div></a><a href="../scheduling/" class="md-footer__link md-footer__link--next" aria-label="Next: Scheduling"><div class="md-footer__title"><span class="md-footer__direction">Next</span><div class="md-ellipsis">Scheduling</div></div></a></nav>
<div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid"><div class="md-copyright"><div class="md-copyright__highlight">Copyright &copy; 2019 - {a.dt.year} the Tidepool contributors</div>Made with <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a></div></div></div></footer></div>
<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
<script id="__config" type="application/json">{{"base": "..", "features": ["navigation.instant", "content.code.copy", "search.highlight"], "search": "../assets/javascripts/workers/search.b8dbb3d2.min.js", "translations": {{"clipboard.copied": "Copied to clipboard", "search.result.none": "No matching documents"}}}}</script>
<script src="../assets/javascripts/bundle.{hexhash(title, 8)}.min.js"></script>"""
    return url, page(head, html_body, a.lang, html_attrs=' class="no-js"', body_attrs=' dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo"'), truth_text([title] + truth)
