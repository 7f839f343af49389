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
- spaced paragraphs (the reportlab seed PDFs, office suites' "space after"): space of more
  than a quarter line beyond the page's own line pitch ends one (so 1.5 spacing still joins);
- unruled tables and TOC lines ("Forord      3"): a gap of over 1.5 type sizes between two
  words is a cell boundary, a TAB, as in the text version of such a table;
- words hyphenated at a line end ("sundheds-" + "væsenet" -> "sundhedsvæsenet", "2030-" +
  "fremskrivning" -> "2030-fremskrivning"), suspended hyphens kept ("Sundheds- og");
- ligatures expanded ("ﬁ" -> "fi"); TOC entries ("Godkendelse af dagsorden…… 3") stay one a line;
- tab-joined table rows (from the table finder) are never joined to anything.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex as re

from ..lines import Line, LineStyle, join_wrapped

_TOC_ENTRY = re.compile(r"(?:\.{3,}|…+)\s*\d{1,4}$")  # dot leaders, then the page number
_ENDS_IN_NUMBER = re.compile(r"\s\d{1,4}$")
# pdfium keeps a word hyphenated at a line end on one line and marks the hyphen (U+FFFE;
# U+0002 in older builds): 026 "budget\ufffelægges", "p\ufffehuse".
_LINE_END_HYPHENS = ("\ufffe", "\x02")
# Latin ligatures (U+FB00-FB06) as their letters; pdfium and pdfminer pass them through.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_LIGATURE_CHARS = re.compile("[\ufb00-\ufb06]")
_SIZE_STEP = 1.1  # sizes further apart than this are different styles
_LARGER = 1.15  # a heading's type, relative to the body's (as LineStyle.emphasised has it)
# Line pitch (baseline to baseline) in type sizes where a page does not show its own (the
# median pitch of its wrapped lines); a paragraph break is space of more than a quarter line
# beyond that pitch. Measured on bottoms, which both engines place at the descent, so the two
# agree (their boxes' heights do not), and relative to the page, so 1.5 line spacing works.
_LEADING = 1.2
_BREAK = 0.25
CELL_GAP = 1.5  # a gap wider than this many type sizes between words separates table cells
# A case number or date alone on a line under a heading is not the heading's last word:
# "22/43402", "1-31-72-446-22", "EMN-2025-003383".
_NUMBER_TOKEN = re.compile(r"^(?:\p{Lu}{2,5}-)?\d[\d./-]*\d$")


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
    gapped: bool = False  # its TABs come from wide gaps (unruled cells), not a table finder
    cell_starts: tuple[float, ...] = ()  # where each cell after the first starts (gapped rows)


@dataclass(slots=True)
class Paragraph:
    """Rows joined into one line of output, with the style of its first row, the space above
    it beyond single line spacing and its line height, in points (gap 0 at a page top)."""

    text: str
    bold: bool
    size: float
    gap: float
    height: float
    table: bool = False


def paragraphs(rows: Sequence[Row], leading: float = _LEADING) -> list[Paragraph]:
    """Join a page's rows into paragraphs (see the module docstring for the rules);
    ``leading``: the document's line pitch in type sizes (``leading()``)."""
    if not rows:
        return []
    rows = _lone_gaps_are_spaces(rows)
    text_rows = [r for r in rows if not r.table] or list(rows)
    height = statistics.median(max(1.0, r.bottom - r.top) for r in text_rows)
    rights = _column_rights(rows)
    out: list[Paragraph] = []
    previous: Row | None = None
    for k, row in enumerate(rows):
        text = "\t".join(map(_clean, row.text.split("\t"))) if row.table else _clean(row.text)
        if not text:
            continue
        extra, unit = _extra_space(previous, row, height, leading) if previous else (0.0, 1.0)
        close = previous is not None and extra <= _BREAK * unit
        if close and out and _continues(previous, row, text, rights[k]):  # type: ignore[arg-type]
            out[-1].text = join_wrapped(out[-1].text, text)
            previous = row
            continue
        line = leading * row.size if row.size else row.bottom - row.top
        out.append(Paragraph(text, row.bold, row.size, extra, line, row.table))
        previous = row
    return out


def _lone_gaps_are_spaces(rows: Sequence[Row]) -> list[Row]:
    """Unruled cells come in runs whose columns line up (a table, a TOC); a row with wide
    gaps that line up with no neighbour's is a justified line or a tab stop, so its gaps are
    spaces again."""
    out = list(rows)
    for k, row in enumerate(rows):
        if not row.gapped:
            continue
        neighbours = [*rows[max(0, k - 1) : k], *rows[k + 1 : k + 2]]
        if not any(_aligned(row, other) for other in neighbours):
            out[k] = replace(row, text=row.text.replace("\t", " "), table=False, gapped=False)
    return out


def _aligned(row: Row, other: Row) -> bool:
    """Both rows have gapped cells, as many, starting within a type size of each other (a
    right-aligned page number moves by a digit's width)."""
    if not other.gapped or len(other.cell_starts) != len(row.cell_starts):
        return False
    slack = max(row.size, other.size, 4.0)
    return all(abs(a - b) <= slack for a, b in zip(row.cell_starts, other.cell_starts))


def _clean(text: str) -> str:
    """Spaces collapsed, ligatures expanded, pdfium's line-end hyphens resolved."""
    if _LIGATURE_CHARS.search(text):
        text = text.translate(_LIGATURES)
    text = " ".join(text.split())
    for mark in _LINE_END_HYPHENS:
        if mark in text:
            left, *rest = text.split(mark)
            for right in rest:
                left = join_wrapped(f"{left}-", right)
            text = left
    return text


def _continues(previous: Row, row: Row, text: str, right: float) -> bool:
    """Does ``row`` (set close below ``previous``) carry on the paragraph ``previous`` is in?"""
    if previous.table or row.table or row.top < previous.top:
        return False  # a table row, or a new column (the row goes back up)
    if previous.bold != row.bold or not _same_size(previous.size, row.size):
        return False
    if (previous.bold or previous.size > row.size) and _NUMBER_TOKEN.match(text):
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


def leading(pages: Sequence[Sequence[Row]]) -> float:
    """The document's line pitch in type sizes, from rows set right under a row of the same
    size (over the whole document: a last page of three headings says nothing)."""
    pitches = [
        (b.bottom - a.bottom) / b.size
        for rows in pages
        for a, b in itertools.pairwise(rows)
        if a.size and a.size == b.size and 0.9 * b.size < b.bottom - a.bottom < 2.5 * b.size
    ]
    if len(pitches) < 3:
        return _LEADING
    # the lower quartile: wrapped lines are the tightest pitch; headings and list items
    # with space above them must not set it
    return min(sorted(pitches)[len(pitches) // 4], 2.5)


def _extra_space(previous: Row, row: Row, height: float, leading: float) -> tuple[float, float]:
    """Space between two rows beyond the page's line spacing, and one line's pitch (points).
    Without type sizes (OCR) the rows' boxes give both; rows going up (a new column) have 0."""
    size = max(previous.size, row.size)
    if not size:
        return max(0.0, row.top - previous.bottom), height
    line = leading * size
    return max(0.0, row.bottom - previous.bottom - line), line


def _same_size(a: float, b: float) -> bool:
    return not (a and b) or max(a, b) / min(a, b) < _SIZE_STEP


def _wrapped(previous: Row, text: str, right: float, row: Row) -> bool:
    """The previous row was full: the next row's first word would not have fitted after it."""
    if previous.text.rstrip().endswith("-"):
        return True
    # the first word's width, as a share of its own row's width, and a space before it; with
    # 15% to spare, as letters differ in width ("medformand)" is wider than its share)
    first_word = len(text.split(" ", 1)[0])
    width = (row.x1 - row.x0) * first_word / max(1, len(text)) + 0.25 * (row.size or 0)
    return right - previous.x1 < 1.15 * width


def _column_rights(rows: Sequence[Row]) -> list[float]:
    """For each row, the right edge of the column it stands in: the furthest right reached by
    a row that overlaps it horizontally and stops before the next column to its right (the
    nearest row start beyond its end), so a two-column page under a full-width header has
    two edges, neither of them the header's."""
    text_rows = [r for r in rows if not r.table]
    if not text_rows:
        return [r.x1 for r in rows]
    widest = max(r.x1 for r in text_rows)
    starts = sorted(r.x0 for r in text_rows)
    out: list[float] = []
    for row in rows:
        beyond = next((x for x in starts if x >= row.x1), None)
        if beyond is None:  # nothing starts right of this row: one column here
            out.append(widest)
            continue
        out.append(
            max(
                (r.x1 for r in text_rows if r.x0 < row.x1 and r.x1 > row.x0 and r.x1 < beyond),
                default=row.x1,
            )
        )
    return out


# --- paragraphs to numbered Lines --------------------------------------------------------------


def number_lines(pages: Sequence[Sequence[Paragraph]]) -> list[Line]:
    """Paragraph lines, numbered across the document, each with its ``LineStyle`` relative to
    the document's body text (the most common size); blank lines as ``_blank_after`` says."""
    body_size, body_height = _body(pages)
    lines: list[Line] = []
    for page_no, paras in enumerate(pages, start=1):
        for k, para in enumerate(paras):
            style = LineStyle(
                bold=para.bold,
                size=round(para.size / body_size, 2) if para.size and body_size else 1.0,
                gap=round(para.gap / body_height, 2),
            )
            following = paras[k + 1] if k + 1 < len(paras) else None
            lines.append(Line(len(lines) + 1, para.text, page_no, style))
            if _blank_after(para, following, body_size):
                lines.append(Line(len(lines) + 1, "", page_no))
    return lines


def _blank_after(para: Paragraph, following: Paragraph | None, body_size: float) -> bool:
    """A blank line where the page sets text apart, as pdftotext's text has them: before a
    heading (bold or larger type), around a table, at the end of a page. Paragraphs of one
    block stay adjacent (026: "Bilag" above "Indstilling", "Bilag 1: …", one a line); their
    spacing is in ``LineStyle.gap``."""
    if following is None:
        return True
    if para.table or following.table:
        return not (para.table and following.table)  # table rows stay adjacent
    larger = bool(following.size and body_size and following.size / body_size >= _LARGER)
    return following.bold or larger


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
