"""A byline's parts: the names, and what sites print after them (an agency, a role, a date).

"By Maria Lopez, Associated Press" names one author and the agency she writes for; "By Jane
Doe · March 3, 2026" names an author and the day. Gluing the agency or the date to the name
makes `author` differ from article to article, so the parts go to their own fields. Which words
make an agency or a role is vocabulary (rules/vocabulary.toml); dates are read by `metadata`.
A byline with a part after a separator that none of these reads is not taken for one (see
`understood`): its line stays in the text rather than lose what it says.
"""

from __future__ import annotations

import re

from .metadata import dateline_dates
from .vocabulary import test

AGENCIES = "metadata.byline-agencies"  # vocabulary rules
ROLES = "metadata.byline-roles"
STAMPS = "metadata.byline-stamps"
PARTS = re.compile(r"\s*,\s*")
TAIL_PARTS = re.compile(r"\s*[·•|–—]\s*|\s+-\s+|\s*,\s*(?=[A-Z])")


def byline_fields(names: str, tail: str | None = None) -> dict[str, str]:
    """{"author": ..., and maybe "agency", "author_role", "published", "modified"} of a byline
    whose names part is `names` ("Maria Lopez, Associated Press") and whose part after a
    separator is `tail` ("March 3, 2026 10:15 AM EST")."""
    return _read(names, tail)[0]


def understood(names: str, tail: str) -> bool:
    """Does every part of the byline after the author read as an agency, a role or a date?"""
    return _read(names, tail)[1]


def _read(names: str, tail: str | None) -> tuple[dict[str, str], bool]:
    pieces = PARTS.split(names)
    fields = {"author": pieces[0]}
    complete = True
    for piece in pieces[1:]:
        found = _part(piece)
        if found is None:
            fields["author"] += f", {piece}"  # another name, or a part no list knows: kept as printed
            complete = False
        else:
            _file(fields, found)
    if tail:
        whole = dateline_dates(tail, with_time=True)
        for found in [whole] if whole is not None else map(_part, filter(None, TAIL_PARTS.split(tail))):
            if found is None:
                complete = False
            else:
                _file(fields, found)
    return fields, complete


def _part(piece: str) -> dict[str, str] | None:
    """What one part says: {"agency": …}, {"author_role": …}, dates, {} for a relative stamp
    ("14 minutes ago"), or None. A role or agency may run on into a date or a stamp
    ("Associated Press Writer 14 minutes ago")."""
    found = _label(piece) or _when(piece)
    if found is not None:
        return found
    words = piece.split()
    for cut in range(len(words) - 1, 0, -1):
        head, rest = _label(" ".join(words[:cut])), _when(" ".join(words[cut:]))
        if head and rest is not None:
            return {**head, **rest}
    return None


def _label(piece: str) -> dict[str, str] | None:
    for key, rule in (("agency", AGENCIES), ("author_role", ROLES)):
        if test(rule)(piece):
            return {key: piece}
    return None


def _when(piece: str) -> dict[str, str] | None:
    if test(STAMPS)(piece):
        return {}
    return dateline_dates(piece, with_time=True)


def _file(fields: dict[str, str], found: dict[str, str]) -> None:
    for key, value in found.items():
        fields.setdefault(key, value)
