"""Result: the clean text, the manifest and the steps that made them.

Built from a decided Document; `to_dict()` is the `cleaner/1` JSON format, and
`steps` keeps every block's verdict so a caller (or `cleaner explain`) can audit it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .document import BODY, CAPTION_TEXT, HIGHLIGHT, LABEL, METADATA, REMOVED, Block, Document
from .byline import byline_fields
from .ruleset import DATES

SCHEMA = "cleaner/1"


@dataclass
class Result:
    """What `clean()` returns. Never None: failures raise `CleanerError`."""

    text: str
    title: str | None
    metadata: dict[str, Any]
    highlights: list[str]
    images: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    source: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list, repr=False)

    @property
    def body(self) -> list[Block]:
        """The body blocks, in order: what `text` is made of (for Markdown and audits)."""
        return [b for b in self.blocks if b.verdict == BODY]

    @property
    def steps(self) -> list[dict[str, Any]]:
        """Every block's verdict, in input order: the audit trail."""
        return [{"where": b.where, "verdict": b.verdict, "rule": b.rule, "category": b.category,
                 "text": b.text} for b in self.blocks]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "metadata": self.metadata,
            "text": self.text,
            "highlights": self.highlights,
            "images": self.images,
            "removed": self.removed,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def flow(result: Result) -> Iterator[tuple[str, Any]]:
    """The article in reading order: ("title", text), ("block", Block) and ("image", dict) items.

    The title comes first unless the text already opens with it; images come at their
    `position` (the number of body blocks before them), which is how the manifest places them.
    """
    body = result.body
    headline = bool(result.title and body and body[0].text == result.title)
    if result.title and not headline:
        yield "title", result.title
    images_at: dict[int, list[dict[str, Any]]] = {}
    for image in result.images:
        images_at.setdefault(image["position"], []).append(image)
    for position, block in enumerate(body):
        for image in images_at.pop(position, []):
            yield "image", image
        if block.rule in CAPTION_TEXT:
            continue  # a caption written into the text: its figure above shows it
        if position == 0 and headline and block.kind == "paragraph":
            yield "title-block", block  # a raw-text headline: the title, still in the text
        else:
            yield "block", block
    for rest in sorted(images_at):
        for image in images_at[rest]:
            yield "image", image


def block_text(block: Block) -> str:
    """A body block as it appears in the clean text (list items keep their bullet)."""
    return f"{block.bullet} {block.text}" if block.bullet else block.text


def build_result(doc: Document, anchored: list[tuple[int, dict[str, Any]]], source: dict[str, Any]) -> Result:
    """Assemble text and manifest from the decided blocks."""
    blocks = doc.removed + doc.blocks
    body_before: list[int] = []
    count = 0
    for block in doc.blocks:
        body_before.append(count)
        count += block.verdict == BODY
    images = []
    for index, image in anchored:
        image["position"] = body_before[index] if index < len(body_before) else count
        images.append(image)
    metadata: dict[str, Any] = dict(doc.metadata)
    highlights: list[str] = []
    removed: list[dict[str, Any]] = []
    for block in blocks:
        if block.verdict == HIGHLIGHT:
            highlights.append(block.text)
        elif block.verdict == LABEL:
            metadata.setdefault("highlights_titles", []).append(block.text)
        elif block.verdict == METADATA:
            _add_metadata(metadata, block)
        elif block.verdict == REMOVED:
            removed.append({"rule": block.rule, "category": block.category, "text": block.text,
                            "where": block.where})
    if doc.extraction:
        metadata["extraction"] = doc.extraction
    text = "\n\n".join(block_text(b) for b in doc.blocks if b.verdict == BODY)
    return Result(text=text, title=doc.title, metadata=metadata, highlights=highlights, images=images,
                  removed=removed, source=source, blocks=blocks)


def _add_metadata(metadata: dict[str, Any], block: Block) -> None:
    """Fill the metadata from a block a metadata rule moved there: a byline's parts (several
    bylines make a list of authors), a dateline's dates, another field's value; what the
    page's own metadata already says is kept."""
    key = block.groups.get("field", "byline")
    if key == DATES:
        fields = {k: block.groups[k] for k in ("published", "modified") if k in block.groups}
    elif key == "author":
        fields = byline_fields(block.groups.get("value", block.text), block.groups.get("tail"))
    else:
        fields = {key: block.groups.get("value", block.text)}
    for key, value in fields.items():
        current = metadata.get(key)
        if current is None:
            metadata[key] = value
        elif key == "author":
            names = current if isinstance(current, list) else [current]
            if value.casefold() not in {name.casefold() for name in names}:
                metadata[key] = names + [value]
