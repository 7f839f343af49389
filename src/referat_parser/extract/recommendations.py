"""Recommendations: what the secretariat asks the meeting to do ("Det indstilles, at …").

Serves three shapes:

* an opener ending the sentence early, then a list: "Det indstilles, at det politiske niveau
  i Sundhedsklynge Sydvestjylland:" then "- Byder velkommen …" bullets (000), or "Det
  indstilles, at Direktørforum" then "1. Godkender dagsordenen" numbered lines (001);
* "Det indstilles," then a paragraph "at Horsensklyngen tager orienteringen … til efterretning"
  (002, 003); several "at …" paragraphs give several recommendations;
* one line: "Det indstilles, at udvalget godkender budgettet." (other municipalities).

Each recommendation is one clean string: list marker and leading "at" removed, text as printed.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..vocab import RECOMMENDATION_OPENERS, initials

# "- x", "• x", "– x", "· x", "* x", "", "1. x", "1) x", "a) x"
LIST_ITEM = re.compile(r"^(?:[-•–·*\uf0b7\u25aa]\s*|\d{1,2}[.)]\s+|[a-z][)]\s+)(\S.*)$")
_AT_CLAUSE = re.compile(r"^at\s+(\S.*)$", re.I)
# The opener up to "at": "Det indstilles, at …" / "Administrationen indstiller, at …"
_OPENER_AT = re.compile(r"^[^,]{0,60}?,?\s+at\s+(\S.*)$", re.I)


_INITIALS = initials(RECOMMENDATION_OPENERS)


def is_opener(line: Line) -> bool:
    text = line.stripped
    return text[:1] in _INITIALS and text[:40].casefold().startswith(RECOMMENDATION_OPENERS)


def extract_recommendations(lines: Sequence[Line], diags: Diagnostics) -> list[str]:
    """All recommendations in a block's lines, in order."""
    found: list[str] = []
    content = [ln for ln in lines if not ln.blank]
    i = 0
    while i < len(content):
        if not is_opener(content[i]):
            i += 1
            continue
        recs, i = _read_after_opener(content, i)
        if not recs:
            diags.add("recommendation-empty", at=content[i - 1])
        found.extend(recs)
    return found


def _read_after_opener(content: Sequence[Line], i: int) -> tuple[list[str], int]:
    """Recommendations following the opener at ``i``; returns them and the next index."""
    opener = content[i].stripped
    listed, j = _list_items(content, i + 1)
    if listed:
        return listed, j
    clauses, j = _at_clauses(content, i + 1)
    if clauses:
        return clauses, j
    m = _OPENER_AT.match(opener)
    if m is not None and not opener.endswith(":"):
        return [m.group(1).strip()], i + 1
    return [], i + 1


def _list_items(content: Sequence[Line], j: int) -> tuple[list[str], int]:
    items: list[str] = []
    while j < len(content):
        m = LIST_ITEM.match(content[j].stripped)
        if m is None:
            break
        items.append(m.group(1).strip())
        j += 1
    return items, j


def _at_clauses(content: Sequence[Line], j: int) -> tuple[list[str], int]:
    clauses: list[str] = []
    while j < len(content):
        m = _AT_CLAUSE.match(content[j].stripped)
        if m is None:
            break
        clauses.append(m.group(1).strip().rstrip(","))
        j += 1
    return clauses, j
