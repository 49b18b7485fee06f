"""A byline's parts: the names, and what sites print after them (an agency, a role, a date).

"By Maria Lopez, Associated Press" names one author and the agency she writes for; "By Jane
Doe · March 3, 2026" names an author and the day. Gluing the agency or the date to the name
makes `author` differ from article to article, so the parts go to their own fields. Which words
make an agency or a role is vocabulary (rules/vocabulary.toml); dates are read by `metadata`.
"""

from __future__ import annotations

import re

from .metadata import dateline_dates
from .vocabulary import test

AGENCIES = "metadata.byline-agencies"  # vocabulary rules
ROLES = "metadata.byline-roles"
PARTS = re.compile(r"\s*,\s*")
TAIL_PARTS = re.compile(r"\s*[·•|–—]\s*|\s+-\s+|\s*,\s*(?=[A-Z])")


def byline_fields(names: str, tail: str | None = None) -> dict[str, str]:
    """{"author": ..., and maybe "agency", "author_role", "published", "modified"} of a byline
    whose names part is `names` ("Maria Lopez, Associated Press") and whose part after a
    separator is `tail` ("March 3, 2026 10:15 AM EST")."""
    pieces = PARTS.split(names)
    fields = {"author": pieces[0]}
    for piece in pieces[1:]:
        if not _sort(piece, fields):
            fields["author"] += f", {piece}"
    if tail:
        dates = dateline_dates(tail, with_time=True)
        if dates:
            fields.update({k: v for k, v in dates.items() if k not in fields})
        else:
            for piece in TAIL_PARTS.split(tail):
                dates = dateline_dates(piece, with_time=True) if piece else None
                if dates:
                    fields.update({k: v for k, v in dates.items() if k not in fields})
                elif piece:
                    _sort(piece, fields)
    return fields


def _sort(piece: str, fields: dict[str, str]) -> bool:
    """File an agency or a role into `fields`; False for anything else (another name)."""
    for key, rule in (("agency", AGENCIES), ("author_role", ROLES)):
        if test(rule)(piece):
            fields.setdefault(key, piece)
            return True
    return False
