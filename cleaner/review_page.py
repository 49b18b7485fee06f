"""The review report's stylesheet, script and category colours: the page's fixed parts.

Kept apart from `review_html` (which writes what changes per report) and inlined
into every report; the Content Security Policy allows exactly these by hash.
The script only reads attributes and sets `hidden` and `textContent`: it never
turns text into markup.
"""

from __future__ import annotations

INDEX_ROWS = 100  # rows of the index shown before "show all" (laying out 1,000 rows doubles the load time)

# Colours for the categories the built-in rules use; others take the spare ones in turn.
COLOURS = {
    "ad": "#d6336c", "related": "#1971c2", "prompt": "#e8590c", "share": "#e8590c", "newsletter": "#f08c00",
    "popup": "#f08c00", "navigation": "#6741d9", "comments": "#0c8599", "credit": "#2f9e44",
    "caption": "#37b24d", "highlights": "#ae3ec9", "boilerplate": "#868e96", "legal": "#5c7cfa",
    "cookie": "#a9873a", "consent": "#a9873a", "gallery": "#c2255c", "author": "#3b5bdb", "byline": "#3b5bdb",
    "hidden": "#adb5bd", "image": "#0ca678", "figure": "#0ca678",
}
SPARE = ("#e03131", "#1098ad", "#7048e8", "#f76707", "#74b816", "#4263eb", "#d9480f", "#099268")

STYLE = """
:root{--ink:#1d232b;--muted:#5f6b7a;--line:#dde2e8;--paper:#fff;--wash:#f5f7fa;font:15px/1.5 system-ui,
-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--wash)}
body{margin:0}main{max-width:1500px;margin:0 auto;padding:0 20px 40px}
header.top{background:#1d2733;color:#fff;padding:14px 20px}header.top h1{margin:0;font-size:20px}
header.top p{margin:2px 0 0;color:#c5cdd8;font-size:13px}
.bar{position:sticky;top:0;z-index:2;background:var(--wash);border-bottom:1px solid var(--line);padding:8px 0;
display:flex;gap:14px;align-items:center;flex-wrap:wrap}
.bar input[type=search]{font:inherit;padding:5px 9px;border:1px solid #aab4c0;border-radius:5px;width:280px}
.bar .status{color:var(--muted);font-size:13px}
h2{font-size:18px;margin:0 0 2px}h3{font-size:12px;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted);margin:0 0 8px}
.panel{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0;padding:0;list-style:none;font-size:13px}
.legend li::before,.sw{content:"";display:inline-block;width:11px;height:11px;border-radius:3px;
background:var(--c);margin-right:6px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;
border-bottom:1px solid var(--line);vertical-align:top}th{cursor:pointer;user-select:none;white-space:nowrap;
background:var(--wash)}th.num,td.num{text-align:right}td.url{word-break:break-all;color:var(--muted)}
td.err,.error{color:#c92a2a}.idx{max-height:420px;overflow:auto}
section.doc{content-visibility:auto;contain-intrinsic-size:auto 900px;scroll-margin-top:60px}
.meta{color:var(--muted);font-size:13px;margin:0 0 10px;word-break:break-all}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:22px}@media(max-width:900px){.cols{grid-template-columns:1fr}}
.kept p{margin:0 0 .8em;font:16px/1.6 Georgia,"DejaVu Serif",serif}.kept p.h{font:600 17px/1.4 system-ui,sans-serif}
.kept .fig{border:1px dashed #b7c0cc;border-radius:6px;padding:6px 10px;margin:0 0 .8em;font-size:13px;
color:var(--muted)}
.orig .b{border-left:3px solid transparent;padding:2px 8px;margin:0 0 4px;font-size:14px;display:flow-root}
.orig .b:empty::after,.orig .b del:empty::after{content:"(no text)";font-style:italic;color:var(--muted)}
.orig .b[data-rule]{border-left-color:var(--c);background:color-mix(in srgb,var(--c) 9%,#fff)}
.orig .b[data-rule]::before{content:attr(data-rule);float:right;margin-left:8px;font:11px/1.6 ui-monospace,
"DejaVu Sans Mono",monospace;color:var(--c);font-weight:600}
.orig .b[data-rule]:not(.r)::before{content:attr(data-verdict) " · " attr(data-rule)}
.orig .r del{text-decoration-color:var(--c);text-decoration-thickness:2px;color:#6b7280}
.orig .h{font-weight:600}.orig .b:not([data-rule]){color:#39424e}
.credit-part{display:inline-block;background:#e9f5ec;border-radius:4px;padding:0 6px;margin:0 3px 2px 0}
.hl{background:#fbf3ff;border-left:4px solid #ae3ec9;padding:6px 14px;margin:8px 0}.hl ul{margin:4px 0;padding-left:18px}
.mf{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:18px;margin-top:14px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:13px}dt{color:var(--muted)}
dd{margin:0;word-break:break-word}code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
.cut{background:#fff8e1;border:1px solid #f2d492;border-radius:6px;padding:6px 10px;font-size:13px}
.cmp ins{background:#e6fcf5;text-decoration:none;display:block;padding:2px 6px;margin:2px 0}
.cmp del{background:#fff0f3;display:block;padding:2px 6px;margin:2px 0}.cmp li{margin:2px 0}
.silent{color:var(--muted)}.tag{font:11px ui-monospace,monospace;color:var(--c);font-weight:600}
#index.paged tbody tr:nth-child(n+INDEX_FIRST_HIDDEN){display:none}
button{font:inherit;font-size:13px;margin-top:8px;padding:3px 10px;border:1px solid #aab4c0;border-radius:5px;
background:#fff;cursor:pointer}
[hidden]{display:none!important}
""".replace("INDEX_FIRST_HIDDEN", str(INDEX_ROWS + 1))

SCRIPT = """
(function(){
var f=document.getElementById('filter'),st=document.getElementById('status'),only=document.getElementById('only');
function match(rule,v){return rule===v||rule.indexOf(v+'.')===0}
function apply(){
var v=f.value.trim(),docs=0,hits=0,secs=document.querySelectorAll('section.doc');
for(var i=0;i<secs.length;i++){var s=secs[i],bs=s.querySelectorAll('.b'),n=0;
for(var j=0;j<bs.length;j++){var r=bs[j].getAttribute('data-rule')||'',on=!v||match(r,v);
if(bs[j].hidden===on)bs[j].hidden=!on;if(on&&v)n++}
var show=(!v||n>0)&&!(only&&only.checked&&s.getAttribute('data-changed')!=='1');
if(s.hidden===show){s.hidden=!show;var row=document.getElementById('row-'+s.id);if(row)row.hidden=!show}
if(show){docs++;hits+=n}}
st.textContent=(v?hits+' blocks by '+v+' in ':'')+docs+(docs===1?' document':' documents');}
var idx=document.getElementById('index'),all=document.getElementById('all-rows');
function unpage(){if(idx)idx.classList.remove('paged');if(all)all.hidden=true}
if(all)all.addEventListener('click',unpage);
f.addEventListener('input',function(){if(f.value)unpage();apply()});
if(only)only.addEventListener('change',function(){unpage();apply()});
var links=document.querySelectorAll('[data-filter]');
for(var k=0;k<links.length;k++)links[k].addEventListener('click',function(e){e.preventDefault();
f.value=this.getAttribute('data-filter');apply();f.scrollIntoView()});
var ths=document.querySelectorAll('table.sortable th');
for(var t=0;t<ths.length;t++)ths[t].addEventListener('click',function(){
var th=this,col=th.cellIndex,body=th.closest('table').tBodies[0],rows=[].slice.call(body.rows),
dir=th.getAttribute('data-dir')==='asc'?-1:1,num=th.classList.contains('num');
th.setAttribute('data-dir',dir===1?'asc':'desc');
rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');
return (num?(+x)-(+y):x.localeCompare(y))*dir});
for(var r=0;r<rows.length;r++)body.appendChild(rows[r])});
if(f.value||(only&&only.checked)){unpage();apply()}})();
"""
