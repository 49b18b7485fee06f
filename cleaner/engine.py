"""Apply rules to a Document: decide, for each block, whether it is body or what else.

Rules match one block each; the actions that concern neighbours (a section header
and its headlines, a highlights header and its items) are resolved here, in order,
so every block ends with one verdict and the id of the rule that gave it.
"""

from __future__ import annotations

from .blockmatch import fold
from .credits import caption_above
from .document import BODY, CAPTION, CREDIT, HIGHLIGHT, LABEL, METADATA, REMOVED, Block, Document
from .prose import CLOSERS, ends_sentence, words
from .ruleset import Rule, RuleSet

Match = tuple[Rule, dict[str, str]]
SECTION_ITEM_MAX_WORDS = 30
HEADLINE_MAX_WORDS = 14
HIGHLIGHT_ITEM_MAX_WORDS = 60


def apply_rules(doc: Document, ruleset: RuleSet, late: bool | None = None) -> None:
    """Give every still-undecided block of `doc` its verdict from the rules, in place (all the
    rules, or with `late` False / True all but / only the dateline rules: see `RuleSet.matcher`)."""
    blocks = doc.blocks
    matches = _matches(ruleset, doc, late)
    for index, block in enumerate(blocks):
        found = matches[index]
        if found is None or block.verdict != BODY:
            continue
        rule, groups = found
        action = rule.action
        if action == "keep":
            block.rule, block.category = rule.id, rule.category
        elif action == "drop":
            block.decide(REMOVED, rule.id, rule.category)
        elif action == "drop-section":
            block.decide(REMOVED, rule.id, rule.category)
            for item in _section(blocks, matches, index, rule):
                item.decide(REMOVED, rule.id, rule.category)
        elif action == "highlights":
            items = _highlight_items(blocks, matches, index)
            if items:
                block.decide(LABEL, rule.id, rule.category)
                for item in items:
                    item.decide(HIGHLIGHT, rule.id, rule.category)
        elif action == "credit" and _is_title(block, doc.title):
            continue  # "Photos: Halloween in Hong Kong" heads a gallery: its headline, not a credit
        else:
            verdict = {"credit": CREDIT, "caption": CAPTION, "metadata": METADATA}[action]
            block.decide(verdict, rule.id, rule.category)
            block.groups = dict(groups, field=rule.field) if rule.field else groups


def _matches(ruleset: RuleSet, doc: Document, late: bool | None) -> list[Match | None]:
    """Each body block's match; a text the page repeats (menus, share bars) is matched once."""
    matcher = ruleset.matcher(doc.kind, doc.url, late)
    seen: dict[str, Match | None] = {}
    matches: list[Match | None] = []
    for block in doc.blocks:
        if block.verdict != BODY:
            matches.append(None)
        elif block.text in seen:
            found = seen[block.text]
            matches.append(found and (found[0], dict(found[1])))  # its own groups, as if matched anew
        else:
            matches.append(seen.setdefault(block.text, matcher.match(block.text)))
    return matches


def _is_title(block: Block, title: str | None) -> bool:
    """The block is the article's title (a headline that starts like a credit line)."""
    return title is not None and fold(block.text) == fold(title)


def _is_credit(match: Match | None) -> bool:
    return match is not None and match[0].action == "credit" and match[0].caption == "before"


def _section(blocks: list[Block], matches: list[Match | None], start: int, rule: Rule) -> list[Block]:
    """The blocks after a section header that belong to it: headlines or list items.

    A line directly followed by a credit is that image's caption, not a headline, and ends
    the section; so does anything that reads like body prose or matches another rule.
    """
    taken: list[Block] = []
    for index in range(start + 1, len(blocks)):
        block, found = blocks[index], matches[index]
        if block.verdict != BODY:
            break
        if taken and block.gap_before and not taken[-1].gap_before:
            break  # a blank line after items that came line by line: the list has ended
        if found is not None:
            if found[0].action == "drop":
                continue
            break
        if index + 1 < len(blocks) and _is_credit(matches[index + 1]):
            break
        if rule.section == "items" and not block.bullet:
            break
        if block.kind not in ("paragraph", "item") or len(words(block.text)) > SECTION_ITEM_MAX_WORDS:
            break
        if not block.bullet and _reads_as_prose(block.text):
            break
        taken.append(block)
    return taken


def _reads_as_prose(text: str) -> bool:
    """Body prose ends a related list; a headline may still end with '?' or '!' when short."""
    if not ends_sentence(text):
        return False
    return text.rstrip().rstrip(CLOSERS)[-1:] not in "?!" or len(words(text)) > HEADLINE_MAX_WORDS


def _highlight_items(blocks: list[Block], matches: list[Match | None], start: int) -> list[Block]:
    """Items of a key-points box: the bullets that follow, else the lines directly under it.

    Blocks that will not be in the text (an ad marker, a credit, the caption a credit
    follows) are stepped over, so the box is read the same way in the input and in the
    clean text (idempotence).
    """
    items: list[Block] = []
    bulleted: bool | None = None
    for index in range(start + 1, len(blocks)):
        block, found = blocks[index], matches[index]
        if block.verdict != BODY or (found is not None and found[0].action != "keep"):
            continue
        if index + 1 < len(blocks) and _is_credit(matches[index + 1]) and caption_above(blocks, index):
            continue
        if bulleted is None:
            bulleted = bool(block.bullet)
        if bulleted and not block.bullet:
            break
        if not bulleted and (block.gap_before or len(words(block.text)) > HIGHLIGHT_ITEM_MAX_WORDS):
            break
        items.append(block)
    return items
