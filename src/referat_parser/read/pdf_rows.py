"""PDF rows to paragraphs: the layout rules both PDF engines (and OCR) share.

An engine gives each page as ``Row``s in reading order: one visual line with its box, whether
the whole line is bold and its type size. This module joins wrapped rows into one paragraph a
line and says how each paragraph is printed (``LineStyle``). Layouts it serves:

- word-processor PDFs with no space between a heading and its text (026, Aarhus Byråd:
  "Beslutninger" in 13.6 pt bold straight above "Godkendt." in 10.9 pt): a change of bold or
  size ends a paragraph, so a heading is never glued to the paragraph under it;
- paragraphs without space between them (026: "Baggrund:" above "Havnens Perle har været …"):
  a row ends its paragraph when the next row's first word would have fitted after it (the
  line was not full, so the break is the writer's, not the wrap's);
- spaced paragraphs (the reportlab seed PDFs): a gap over half a line height ends one;
- words hyphenated at a line end ("sundheds-" + "væsenet" -> "sundhedsvæsenet", "2030-" +
  "fremskrivning" -> "2030-fremskrivning"), suspended hyphens kept ("Sundheds- og");
- ligatures expanded ("ﬁ" -> "fi"); TOC entries ("Godkendelse af dagsorden…… 3") stay one a line;
- tab-joined table rows (from the table finder) are never joined to anything.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..lines import Line, LineStyle

# "sundheds-" + "væsenet" -> "sundhedsvæsenet"; "Sundheds- og" stays (suspended hyphen).
_HYPHEN_END = re.compile(r"\p{L}{2,}-$")
_CONJUNCTION_START = re.compile(r"^(?:og|eller|samt|til)\b")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…+)\s*\d{1,4}$")  # dot leaders, then the page number
_ENDS_IN_NUMBER = re.compile(r"\s\d{1,4}$")
# pdfium keeps a word hyphenated at a line end on one line and marks the hyphen (U+FFFE;
# U+0002 in older builds): 026 "budget\ufffelægges", "p\ufffehuse".
_LINE_END_HYPHENS = ("\ufffe", "\x02")
# Latin ligatures (U+FB00-FB06) as their letters; pdfium and pdfminer pass them through.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_SIZE_STEP = 1.1  # sizes further apart than this are different styles


@dataclass(frozen=True, slots=True)
class Row:
    """One visual line of a page: text, box (PDF points, top-down), and how it is printed.
    ``size`` is the type size in the engine's units (0: unknown); ``table``: a tab-joined
    table row from the table finder."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    size: float = 0.0
    table: bool = False


@dataclass(slots=True)
class Paragraph:
    """Rows joined into one line of output, with the style of its first row and the space
    above it in points (0 at the top of a page)."""

    text: str
    bold: bool
    size: float
    gap: float
    height: float
    table: bool = False


def paragraphs(rows: Sequence[Row]) -> list[Paragraph]:
    """Join a page's rows into paragraphs (see the module docstring for the rules)."""
    if not rows:
        return []
    text_rows = [r for r in rows if not r.table] or list(rows)
    height = statistics.median(max(1.0, r.bottom - r.top) for r in text_rows)
    rights = _column_rights(rows)
    out: list[Paragraph] = []
    previous: Row | None = None
    for k, row in enumerate(rows):
        text = row.text if row.table else _clean(row.text)
        if not text:
            continue
        if previous is not None and out and _continues(previous, row, text, rights[k], height):
            out[-1].text = join_wrapped(out[-1].text, text)
        else:
            gap = max(0.0, row.top - previous.bottom) if previous is not None else 0.0
            out.append(Paragraph(text, row.bold, row.size, gap, row.bottom - row.top, row.table))
        previous = row
    return out


def _clean(text: str) -> str:
    """Spaces collapsed, ligatures expanded, pdfium's line-end hyphens resolved."""
    text = " ".join(text.translate(_LIGATURES).split())
    for mark in _LINE_END_HYPHENS:
        if mark in text:
            left, *rest = text.split(mark)
            for right in rest:
                left = join_wrapped(f"{left}-", right)
            text = left
    return text


def _continues(previous: Row, row: Row, text: str, right: float, height: float) -> bool:
    """Does ``row`` carry on the paragraph ``previous`` is in?"""
    if previous.table or row.table or row.top < previous.top:
        return False  # a table row, or a new column (the row goes back up)
    if row.top - previous.bottom > 0.5 * height:
        return False
    if previous.bold != row.bold or not _same_size(previous.size, row.size):
        return False
    if _capitals(previous.text) != _capitals(text):  # "BESLUTNINGSFORSLAG FRA DD" (026)
        return False
    if _TOC_ENTRY.search(previous.text) or (
        _ENDS_IN_NUMBER.search(previous.text) and _TOC_ENTRY.search(text)
    ):
        return False  # TOC entries, also one whose title was cut before its page number
    return _wrapped(previous, text, right, row)


def _capitals(text: str) -> bool:
    """Set in capitals, as a heading often is: "INDSTILLING FRA MAGISTRATSAFDELINGEN"."""
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 6


def _same_size(a: float, b: float) -> bool:
    return not (a and b) or max(a, b) / min(a, b) < _SIZE_STEP


def _wrapped(previous: Row, text: str, right: float, row: Row) -> bool:
    """The previous row was full: the next row's first word would not have fitted after it."""
    if previous.text.rstrip().endswith("-"):
        return True
    # Character width from the wider-set of the two rows (a pdfium row that holds a
    # hyphenated word spans two visual lines and looks narrow per character).
    per_char = max(
        (row.x1 - row.x0) / max(1, len(text)),
        (previous.x1 - previous.x0) / max(1, len(previous.text)),
    )
    first_word = len(text.split(" ", 1)[0]) + 1  # and the space before it
    return right - previous.x1 < first_word * per_char


def _column_rights(rows: Sequence[Row]) -> list[float]:
    """For each row, the right edge of the column it stands in: the furthest right any row
    reaches that overlaps it horizontally (so a two-column page has two edges)."""
    text_rows = [r for r in rows if not r.table]
    if not text_rows:
        return [r.x1 for r in rows]
    widest = max(r.x1 for r in text_rows)
    starts = max(r.x0 for r in text_rows)
    out: list[float] = []
    for row in rows:
        if starts < row.x1:  # every row starts left of this one's end: one column here
            out.append(widest)
        else:
            out.append(max(r.x1 for r in text_rows if r.x0 < row.x1 and r.x1 > row.x0))
    return out


def join_wrapped(left: str, right: str) -> str:
    """Join a wrapped line at a line-end hyphen: a hyphenated word is rejoined ("sundheds-" +
    "væsenet"); a hyphen that belongs to the word stays ("2030-" + "fremskrivning", "p-" +
    "huse"); a suspended hyphen keeps its space ("Sundheds- og"); otherwise a space."""
    if not left.endswith("-") or not left[-2:-1].isalnum() or _CONJUNCTION_START.match(right):
        return f"{left} {right}"
    if _HYPHEN_END.search(left) and right[:1].islower():
        return left[:-1] + right
    return left + right


# --- paragraphs to numbered Lines --------------------------------------------------------------


def number_lines(pages: Sequence[Sequence[Paragraph]]) -> list[Line]:
    """Paragraph lines with blank lines between them, numbered across the document, each with
    its ``LineStyle`` relative to the document's body text (the most common size)."""
    body_size, body_height = _body(pages)
    lines: list[Line] = []
    for page_no, paras in enumerate(pages, start=1):
        for k, para in enumerate(paras):
            style = LineStyle(
                bold=para.bold,
                size=round(para.size / body_size, 2) if para.size and body_size else 1.0,
                gap=round(para.gap / body_height, 2),
            )
            lines.append(Line(len(lines) + 1, para.text, page_no, style))
            following = paras[k + 1] if k + 1 < len(paras) else None
            if not (para.table and following is not None and following.table):
                lines.append(Line(len(lines) + 1, "", page_no))  # table rows stay adjacent
    return lines


def _body(pages: Sequence[Sequence[Paragraph]]) -> tuple[float, float]:
    """The body text's size and row height: the size that sets the most characters."""
    chars: dict[float, int] = {}
    heights: dict[float, list[float]] = {}
    for paras in pages:
        for para in paras:
            if para.table:
                continue
            size = round(para.size, 1)
            chars[size] = chars.get(size, 0) + len(para.text)
            heights.setdefault(size, []).append(para.height)
    if not chars:
        return 0.0, 1.0
    size = max(chars, key=lambda s: (chars[s], -s))
    return size, max(1.0, statistics.median(heights[size]))
