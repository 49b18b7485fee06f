"""The review report as one self-contained HTML page: inline CSS, a small inline script, no network.

Everything the page shows from a document (text, rule ids, categories, URLs, image
sources) goes through `html.escape`, so input never becomes markup; a Content
Security Policy allows only this page's own style and script (by hash) and loads
nothing, not even images (their `src` is shown as text). Documents are cut to a
share of a size budget so a batch of thousands still opens quickly; a cut document
links to its full page (a file beside the report) or, failing that, says how to see it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Any, Callable

from .document import BODY, IMAGE, REMOVED, Block
from .progress import counted
from .result import block_text
from .review import Entry, Review, describe_verdict
from .review_page import COLOURS, INDEX_ROWS, SCRIPT, SPARE, STYLE

TOTAL_BUDGET = 10_000_000      # characters of document markup in one report (the page stays under 20 MB)
MAX_DOCUMENT = 400_000         # a single document's share, however few documents there are


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def attr(value: Any) -> str:
    """An attribute value, escaped (quotes included): always written inside double quotes."""
    return escape(str(value), quote=True)


def text(value: Any) -> str:
    return escape(str(value), quote=True)


class Palette:
    """A CSS class per category, so category names (data from rule packs) never enter the stylesheet."""

    def __init__(self) -> None:
        self.classes: dict[str, str] = {}
        self.colours: list[str] = []

    def __call__(self, category: str | None) -> str:
        name = category or "other"
        if name not in self.classes:
            colour = COLOURS.get(name) or SPARE[len([c for c in self.classes if c not in COLOURS]) % len(SPARE)]
            self.classes[name] = f"c{len(self.colours)}"
            self.colours.append(colour)
        return self.classes[name]

    def css(self) -> str:
        return "".join(f".c{i}{{--c:{colour}}}" for i, colour in enumerate(self.colours))


def render(review: Review, *, budget: int = TOTAL_BUDGET, links: Callable[[Entry], str | None] | None = None,
           title: str = "cleaner review") -> str:
    """The whole page. `links(entry)` names a file with a cut document's full page, if there is one."""
    palette = Palette()
    pieces = [columns(entry, palette) for entry in review.entries]
    allowed = shares([sum(map(len, kept)) + sum(map(len, orig)) for kept, orig in pieces], budget)
    docs = "".join(document(entry, review, palette, columns_, share, links)
                   for entry, columns_, share in zip(review.entries, pieces, allowed))
    head = "".join((controls(review), legend(review, palette), rules_table(review, palette), index(review)))
    style = STYLE + palette.css()
    policy = (f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(SCRIPT)}'; img-src 'none'; "
              "base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{attr(policy)}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{text(title)}</title><style>{style}</style></head><body>"
            f"{summary(review)}<main>{head}{docs}</main><script>{SCRIPT}</script></body></html>\n")


def summary(review: Review) -> str:
    entries = review.entries
    failed = sum(1 for e in entries if e.error)
    kept = sum(e.kept_words for e in entries)
    removed = sum(e.removed_words for e in entries)
    parts = [counted(len(entries), "document"), f"{failed:,} failed", f"{counted(kept, 'word')} kept",
             f"{counted(removed, 'word')} removed", f"{counted(len(review.rules), 'rule')} in force"]
    if review.skipped:
        parts.append("skipped " + ", ".join(counted(n, why) for why, n in sorted(review.skipped.items())))
    line = f"<p>{text(' · '.join(parts))}</p>"
    if review.pack is not None:
        added = [r.id for r in review.pack_rules if r.id not in set(review.replaced)]
        changed = sum(1 for e in entries if e.comparison is not None and e.comparison.changed)
        line += (f"<p>Compared with the pack <code>{text(review.pack)}</code>: "
                 f"it adds {text(', '.join(added) or 'no rule')}"
                 f" and replaces {text(', '.join(review.replaced) or 'no rule')}; {changed:,} of "
                 f"{len(entries):,} documents come out differently.</p>")
    return f'<header class="top"><h1>cleaner review</h1>{line}</header>'


def controls(review: Review) -> str:
    ids = sorted(review.rule_counts())
    options = "".join(f'<option value="{attr(i)}">' for i in ids)
    only = ('<label><input type="checkbox" id="only"> only documents the pack changes</label>'
            if review.pack is not None else "")
    return (f'<div class="bar"><label for="filter">Show one rule\'s removals:</label>'
            f'<input type="search" id="filter" list="rule-ids" placeholder="rule id, e.g. ads.marker or ads" '
            f'autocomplete="off"><datalist id="rule-ids">{options}</datalist>{only}'
            f'<span class="status" id="status">{len(review.entries):,} document{"" if len(review.entries) == 1 else "s"}'
            f'</span></div>')


def legend(review: Review, palette: Palette) -> str:
    by_category: dict[str, list[str]] = {}
    for rule_id in sorted(review.rule_counts()):
        rule = review.rules.by_id.get(rule_id)
        category = rule.category if rule is not None else _category_of(review, rule_id)
        by_category.setdefault(category or "other", []).append(rule_id)
    items = "".join(f'<li class="{palette(cat)}" data-category="{attr(cat)}"><b>{text(cat)}</b>: '
                    + ", ".join(f'<code>{text(i)}</code>' for i in ids) + "</li>"
                    for cat, ids in sorted(by_category.items()))
    return (f'<div class="panel"><h3>Legend: struck through = removed, coloured by category; '
            f'the rule id is on each block and on hover</h3><ul class="legend">{items or "<li>nothing removed</li>"}'
            f"</ul></div>")


def _category_of(review: Review, rule_id: str) -> str | None:
    for entry in review.entries:
        if entry.result is not None:
            for block in entry.result.blocks:
                if block.rule == rule_id:
                    return block.category
    return None


def rules_table(review: Review, palette: Palette) -> str:
    counts, docs = review.rule_counts(), review.document_counts()
    rows = []
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = review.rules.by_id.get(rule_id)
        category = rule.category if rule is not None else _category_of(review, rule_id) or "other"
        origin = rule.origin if rule is not None else "built-in heuristic"
        rows.append(f'<tr><td data-v="{attr(rule_id)}"><a href="#" data-filter="{attr(rule_id)}">'
                    f'<span class="sw {palette(category)}"></span>{text(rule_id)}</a></td>'
                    f'<td data-v="{attr(category)}">{text(category)}</td><td class="num" data-v="{n}">{n:,}</td>'
                    f'<td class="num" data-v="{docs[rule_id]}">{docs[rule_id]:,}</td>'
                    f'<td data-v="{attr(origin)}"><code>{text(origin)}</code></td></tr>')
    silent = review.silent_rules()
    quiet = ", ".join(f"<code>{text(r.id)}</code>" for r in silent) or "none"
    return (f'<div class="panel"><h3>Rules: the blocks and documents each one decided '
            f'(click an id to filter)</h3><div class="idx"><table class="sortable" id="rules"><thead><tr><th>rule</th>'
            f'<th>category</th><th class="num">blocks</th><th class="num">documents</th><th>defined at</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div><p class="silent">Never fired '
            f'({len(silent)} of {len(review.rules)} rules): {quiet}</p></div>')


def index(review: Review) -> str:
    """One sortable row per document; a report of one document needs none."""
    if len(review.entries) < 2:
        return ""
    comparing = review.pack is not None
    rows = []
    for e in review.entries:
        changes = ""
        if comparing:
            n = len(e.comparison.changes) if e.comparison is not None else 0
            changes = f'<td class="num" data-v="{n}">{n:,}</td>'
        rows.append(f'<tr id="row-doc-{e.number}"><td class="num" data-v="{e.number}">{e.number}</td>'
                    f'<td data-v="{attr(e.title)}"><a href="#doc-{e.number}">{text(e.title)}</a></td>'
                    f'<td class="url" data-v="{attr(e.name)}">{text(e.name)}</td>'
                    f'<td class="url" data-v="{attr(e.url or "")}">{text(e.url or "")}</td>'
                    f'<td class="num" data-v="{e.kept_words}">{e.kept_words:,}</td>'
                    f'<td class="num" data-v="{e.removed_words}">{e.removed_words:,}</td>{changes}'
                    f'<td class="err" data-v="{attr(e.error or "")}">{text(e.error or "")}</td></tr>')
    head = ('<th class="num">#</th><th>title</th><th>source</th><th>URL</th><th class="num">kept words</th>'
            '<th class="num">removed words</th>' + ('<th class="num">changed blocks</th>' if comparing else "")
            + "<th>error</th>")
    paged = len(rows) > INDEX_ROWS
    more = (f'<button type="button" id="all-rows">Show all {len(rows):,} documents (the first {INDEX_ROWS} '
            f"in the current order are shown)</button>" if paged else "")
    return (f'<div class="panel"><h3>Documents (click a heading to sort)</h3><div class="idx">'
            f'<table class="sortable{" paged" if paged else ""}" id="index"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{more}</div>')


# --- one document -----------------------------------------------------------------------------------

def shares(needs: list[int], budget: int) -> list[int]:
    """Each document's share of the budget: short ones take what they need, long ones split the rest.

    At most MAX_DOCUMENT each, so one long page cannot take a small batch's whole budget.
    """
    allowed = [0] * len(needs)
    left = budget
    for done, index in enumerate(sorted(range(len(needs)), key=needs.__getitem__)):
        fair = left // (len(needs) - done)
        allowed[index] = min(needs[index], MAX_DOCUMENT, fair)
        left = max(left - allowed[index], 0)
    return allowed


def columns(entry: Entry, palette: Palette) -> tuple[list[str], list[str]]:
    """The markup of each kept paragraph (with the images before it) and of each original block."""
    result = entry.result
    if result is None:
        return [], []
    images = _images_by_position(result)
    kept = []
    for number, block in enumerate(result.body):
        kept.append("".join(figure(image) for image in images.pop(number, ())) + kept_block(block))
    kept.extend(figure(image) for position in sorted(images) for image in images[position])
    return kept, [audit_block(b, palette) for b in result.blocks]


def document(entry: Entry, review: Review, palette: Palette, pieces: tuple[list[str], list[str]], share: int,
             links: Callable[[Entry], str | None] | None) -> str:
    changed = entry.comparison is not None and entry.comparison.changed
    head = (f'<section class="doc panel" id="doc-{entry.number}" data-doc="{entry.number}" '
            f'data-changed="{1 if changed else 0}"><h2>{entry.number}. {text(entry.title)}</h2>')
    meta = [entry.name] + ([entry.url] if entry.url else [])
    result = entry.result
    if result is None:
        return (f'{head}<p class="meta">{text(" · ".join(meta))}</p>'
                f'<p class="error">error: {text(entry.error or "no result")}</p></section>')
    meta += [result.source.get("kind") or "", f"{entry.kept_words:,} words kept",
             f"{entry.removed_words:,} removed"]
    kept_pieces, orig_pieces = pieces
    kept_need, orig_need = sum(map(len, kept_pieces)), sum(map(len, orig_pieces))
    kept_limit = max(share // 2, share - orig_need)  # the reader's text first when the original is short
    kept, kept_cut = fit(kept_pieces, kept_limit)
    orig, orig_cut = fit(orig_pieces, share - min(kept_need, kept_limit))
    note = ""
    if kept_cut or orig_cut:
        target = links(entry) if links is not None else None
        where = (f'<a href="{attr(target)}">the whole document</a>' if target else
                 f"the whole document with <code>cleaner explain</code> on <code>{text(entry.name)}</code>")
        note = (f'<p class="cut">Cut to fit the report: {kept_cut:,} of {len(kept_pieces):,} kept paragraphs and '
                f'{orig_cut:,} of {len(orig_pieces):,} original blocks are not shown here '
                f'(<a href="#doc-{entry.number}">back to the top of this document</a>; see {where}).</p>')
    language = result.metadata.get("language")
    lang = f' lang="{attr(language)}"' if isinstance(language, str) and language else ""  # fonts, hyphens, readers
    body = (f'<p class="meta">{text(" · ".join(m for m in meta if m))}</p>{note}<div class="cols">'
            f'<div class="kept"{lang}><h3>Kept text, as the reader sees it</h3>'
            f'{kept or "<p><i>(nothing kept)</i></p>"}</div>'
            f'<div class="orig"><h3>Original, in order (selector removals of HTML pages first)</h3>{orig}</div>'
            f"</div>{manifest(entry)}{comparison(entry, review, palette)}</section>")
    return head + body


def fit(pieces: list[str], limit: int) -> tuple[str, int]:
    """Pieces of markup until `limit` characters are used; returns the markup and how many were left out."""
    used = 0
    for number, piece in enumerate(pieces):
        used += len(piece)
        if used > limit and number:
            return "".join(pieces[:number]), len(pieces) - number
    return "".join(pieces), 0


def _images_by_position(result: Any) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    for image in result.images:
        found.setdefault(int(image.get("position") or 0), []).append(image)
    return found


def kept_block(block: Block) -> str:
    heading = ' class="h"' if block.kind == "heading" else ""
    return f"<p{heading}>{text(block_text(block))}</p>"


def figure(image: dict[str, Any]) -> str:
    """An image as text: never loaded (no network), its source shown so it can be checked."""
    parts = ["image"]
    if image.get("src"):
        parts.append(f"<code>{text(image['src'])}</code>")
    if image.get("caption"):
        parts.append(text(image["caption"]))
    if image.get("credit"):
        parts.append("credit: " + text(image["credit"]))
    return f'<div class="fig">{" · ".join(parts)}</div>'


def audit_block(block: Block, palette: Palette) -> str:
    where = attr(block.where)
    content = text(block_text(block) if block.verdict == BODY else block.text)
    if not block.rule:
        heading = " h" if block.kind == "heading" else ""
        return f'<div class="b{heading}" title="{where}">{content}</div>'
    category = block.category or "other"
    title = attr(f"{describe_verdict(block)} ({category}) · {block.where}")
    removed = block.verdict == REMOVED
    if removed:
        content = f"<del>{content}</del>"
    elif block.verdict == IMAGE and block.image:
        content = f'{content} <code>{text(block.image.get("src") or "")}</code>'
    return (f'<div class="b {"r " if removed else ""}{palette(category)}" data-rule="{attr(block.rule)}" '
            f'data-category="{attr(category)}" data-verdict="{attr(block.verdict)}" title="{title}">{content}</div>')


def manifest(entry: Entry) -> str:
    result = entry.result
    assert result is not None
    panes = []
    if result.images:
        rows = "".join(
            f'<tr><td class="num">{text(img.get("position"))}</td><td><code>{text(img.get("src") or "")}</code></td>'
            f'<td>{text(img.get("alt") or "")}</td><td>{text(img.get("caption") or "")}</td>'
            f'<td>{"".join(f"<span class=credit-part>{text(p)}</span>" for p in img.get("credit_parts") or [])}'
            f"</td></tr>" for img in result.images)
        panes.append('<div><h3>Images: captions and credits</h3><table><thead><tr><th class="num">after ¶</th>'
                     f"<th>src (not loaded)</th><th>alt</th><th>caption</th><th>credit</th></tr></thead>"
                     f"<tbody>{rows}</tbody></table></div>")
    if result.highlights:
        titles = result.metadata.get("highlights_titles") or ["Highlights"]
        items = "".join(f"<li>{text(h)}</li>" for h in result.highlights)
        panes.append(f'<div><h3>Highlights</h3><div class="hl"><b>{text(" / ".join(map(str, titles)))}</b>'
                     f"<ul>{items}</ul></div></div>")
    meta = {"title": result.title, **{k: v for k, v in result.metadata.items() if k != "highlights_titles"}}
    rows = "".join(f"<dt>{text(k)}</dt><dd>{text(_value(v))}</dd>" for k, v in meta.items() if v not in (None, ""))
    panes.append(f"<div><h3>Metadata</h3><dl>{rows or '<dt>none</dt><dd></dd>'}</dl></div>")
    return f'<div class="mf">{"".join(panes)}</div>'


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def comparison(entry: Entry, review: Review, palette: Palette) -> str:
    cmp = entry.comparison
    if review.pack is None or cmp is None:
        return ""
    if not cmp.changed:
        return '<div class="cmp"><h3>With the pack</h3><p>No difference.</p></div>'
    items = []
    for change in cmp.changes:
        category = change.category or "other"
        items.append(f'<li class="b {palette(category)}" data-rule="{attr(change.rule or "")}" '
                     f'data-category="{attr(category)}"><span class="tag">{text(change.before or "new block")} → '
                     f'{text(change.after or "gone (inside a removed box)")}</span> {text(change.where)}: '
                     f"{text(_short(change.text))}</li>")
    lost = "".join(f"<del>{text(p)}</del>" for p in cmp.lost)
    gained = "".join(f"<ins>{text(p)}</ins>" for p in cmp.gained)
    return (f'<div class="cmp panel"><h3>With the pack: {cmp.kept_before:,} → {cmp.kept_after:,} words kept</h3>'
            f'<ul>{"".join(items)}</ul>'
            + (f"<h3>Paragraphs the reader loses</h3>{lost}" if lost else "")
            + (f"<h3>Paragraphs the reader gains</h3>{gained}" if gained else "") + "</div>")


def _short(value: str, limit: int = 300) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
