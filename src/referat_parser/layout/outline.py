"""Stage ``segment``: split the cleaned lines into header, table of contents and agenda items.

Serves the two item layouts of the seeds and their relatives:

* "Punkt 5: Skriftlig orientering: Understøttelse af …" then a case number "22/43402" on the
  next line (000, 001, 002). The title may itself contain a colon.
* "Sagnr.: 1-31-72-446-22" then "3. Etablering af …" (003, web agenda). A bare numbered line
  is an item heading only with a case number beside it or a block heading after it, so the
  numbered list "1. Godkender dagsordenen" inside an item never opens an item.

The TOC ("Indholdsfortegnelse" then "Title.....<TAB>3" / "Title<TAB>3") is read here and kept
apart: it is not an agenda. Rules are probes (``line -> match | None``) tried in the order of
``ITEM_RULES``; the scan consumes what the first matching rule claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex as re

from ..headings import PUNKT_HEADING, is_block_heading
from ..lines import Line
from ..models import TocEntry
from ..vocab import CASE_LABELS, ITEM_WORDS, TOC_HEADINGS, initials

NUMBERED_HEADING = re.compile(r"^(\d{1,3})\.\s+(\p{Lu}.{0,250})$")
_CASE_LABEL = "|".join(re.escape(label) for label in CASE_LABELS)
CASE_LABEL_LINE = re.compile(rf"^(?:{_CASE_LABEL})\.?\s*:?\s*(\S.{{0,80}})$", re.I)
# "22/43402", "1-31-72-446-22", "27.00.00-G01-1-23" (KLE journal number), "2023-012345".
CASE_NUMBER = re.compile(
    r"^(?:\d{2,4}/\d{1,8}|\d{1,4}(?:-\d{1,8}){2,}|\d{2}\.\d{2}\.\d{2}-\p{Lu}\d{2}-\d{1,4}-\d{2})$"
)
TOC_ENTRY = re.compile(r"^(\S.{0,300}?)(?:\s*\.{3,}\s*|\s*\t+\s*)(\d{1,4})$")


@dataclass(slots=True)
class ItemDraft:
    number: int
    title: str
    heading: Line
    case_number: str | None = None
    structural: list[Line] = field(default_factory=list)  # heading and case-number lines
    body: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    header: list[Line]
    toc: list[TocEntry]
    toc_lines: list[Line]
    items: list[ItemDraft]
    rest: list[Line]  # after the TOC/header when there are no items (reports); else unplaced


_TOC_INITIALS = initials(TOC_HEADINGS)


def _toc_heading(line: Line) -> bool:
    text = line.stripped
    return text[:1] in _TOC_INITIALS and text.rstrip(":").casefold() in TOC_HEADINGS


def toc_entry(line: Line) -> TocEntry | None:
    m = TOC_ENTRY.match(line.stripped)
    if m is None:
        return None
    return TocEntry(title=m.group(1).strip().rstrip("."), page=int(m.group(2)), line=line.no)


def case_number(line: Line) -> str | None:
    """The case number a line carries, labelled ("Sagnr.: …") or bare ("22/43402")."""
    text = line.stripped
    if len(text) > 100 or not text:
        return None
    if not text[0].isdigit() and not text[:20].casefold().startswith(CASE_LABELS):
        return None
    m = CASE_LABEL_LINE.match(text)
    if m is not None:
        return m.group(1).strip()
    return text if CASE_NUMBER.match(text) else None


def _next_content(lines: Sequence[Line], i: int) -> int | None:
    """Index of the first non-blank line at or after ``i``."""
    while i < len(lines):
        if not lines[i].blank:
            return i
        i += 1
    return None


# --- item rules: (lines, i, style) -> (number, title, first index, heading index) | None ---
ItemMatch = tuple[int, str, int, int]


def punkt_rule(lines: Sequence[Line], i: int, style: str | None) -> ItemMatch | None:
    """'Punkt 5: Title' (000, 001, 002)."""
    text = lines[i].stripped
    if (
        style == "numbered"
        or not text[:1].isalpha()
        or not text[:16].casefold().startswith(ITEM_WORDS)
    ):
        return None
    m = PUNKT_HEADING.match(text)
    if m is None:
        return None
    return int(m.group(1)), m.group(2).strip(), i, i


def numbered_rule(lines: Sequence[Line], i: int, style: str | None) -> ItemMatch | None:
    """'Sagnr.: X' then '3. Title' (003); or '3. Title' then a case number / block heading."""
    text = lines[i].text
    if style == "punkt" or not text or text[0].isspace():
        return None
    labelled = not text[0].isdigit() and text[:20].casefold().startswith(CASE_LABELS)
    if not labelled and not text[0].isdigit():
        return None
    start = i
    if labelled and CASE_LABEL_LINE.match(lines[i].stripped):
        j = _next_content(lines, i + 1)
        if j is None:
            return None
        i = j
    m = NUMBERED_HEADING.match(lines[i].stripped)
    if m is None or lines[i].text[:1].isspace():
        return None
    title = m.group(2).strip()
    if start == i:  # no label before: need a case number or a block heading after
        j = _next_content(lines, i + 1)
        if j is None or (case_number(lines[j]) is None and not is_block_heading(lines[j])):
            return None
    return int(m.group(1)), title, start, i


ITEM_RULES: list[tuple[str, Callable[[Sequence[Line], int, str | None], ItemMatch | None]]] = [
    ("punkt", punkt_rule),
    ("numbered", numbered_rule),
]


# Every item rule needs the line to start with a digit or with the first letter of an item
# word or case label ("Punkt", "Sagnr."): one set test spares most lines the rule calls
# (a blank line starts with nothing, and opens no item).
_ITEM_INITIALS = frozenset(word[0] for word in (*ITEM_WORDS, *CASE_LABELS))


def _probe_item(lines: Sequence[Line], i: int, style: str | None) -> tuple[str, ItemMatch] | None:
    for name, rule in ITEM_RULES:
        found = rule(lines, i, style)
        if found is not None:
            return name, found
    return None


def _read_toc(lines: Sequence[Line], i: int) -> tuple[list[TocEntry], int]:
    """Entries after a TOC heading at ``i``; returns them and the index after the TOC."""
    entries: list[TocEntry] = []
    j = i + 1
    while j < len(lines):
        if lines[j].blank:
            j += 1
            continue
        entry = toc_entry(lines[j])
        if entry is None:
            break
        entries.append(entry)
        j += 1
    return entries, j


def segment(lines: Sequence[Line]) -> Outline:
    """Split lines into header, TOC and items (or ``rest`` when there are none)."""
    header: list[Line] = []
    toc: list[TocEntry] = []
    toc_lines: list[Line] = []
    items: list[ItemDraft] = []
    rest: list[Line] = []
    style: str | None = None
    rest_start: int | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if not toc_lines and not items and _toc_heading(line):
            toc, end = _read_toc(lines, i)
            toc_lines = [ln for ln in lines[i:end] if not ln.blank]
            i = end
            rest_start = i
            continue
        initial = line.stripped[:1]  # inlined: it runs for every line
        could_open = initial.isdigit() or (
            initial != "" and initial.casefold()[:1] in _ITEM_INITIALS
        )
        probe = _probe_item(lines, i, style) if could_open else None
        if probe is not None:
            style, (number, title, first, heading_at) = probe
            draft = ItemDraft(number, title, lines[heading_at])
            draft.structural = [ln for ln in lines[first : heading_at + 1] if not ln.blank]
            if first != heading_at:
                draft.case_number = case_number(lines[first])
            items.append(draft)
            i = _take_case_number(lines, heading_at + 1, draft)
            continue
        if items:
            items[-1].body.append(line)
        elif rest_start is None:
            header.append(line)
        else:
            rest.append(line)
        i += 1
    if not items and rest_start is None:
        header, rest = _split_report_header(header)
    return Outline(header, toc, toc_lines, items, rest)


def _take_case_number(lines: Sequence[Line], i: int, draft: ItemDraft) -> int:
    """A case number on the line after the title belongs to the item (000-002)."""
    j = _next_content(lines, i)
    if draft.case_number is None and j is not None:
        number = case_number(lines[j])
        if number is not None:
            draft.case_number = number
            draft.structural.append(lines[j])
            return j + 1
    return i


def _split_report_header(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Without TOC or items, the first paragraph is the header and the rest is body."""
    first = _next_content(lines, 0)
    if first is None:
        return lines, []
    end = first
    while end < len(lines) and not lines[end].blank:
        end += 1
    return lines[:end], lines[end:]
