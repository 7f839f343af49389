"""Stage ``furniture``: remove running headers, footers and page numbers from paged lines.

Serves PDFs (``pdf.py``) and text paged with form feeds (pdftotext output): a header that
repeats at the top of most pages ("REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023"), a
footer ("Side 3 af 11"), a date stamp. A line that occurs on one page only is never removed.
Digits are normalised before comparing, so "Side 3 af 11" and "Side 4 af 11" are one footer.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex as re

from ..diagnostics import Diagnostics, line_runs
from ..headings import PUNKT_HEADING, is_block_heading
from ..lines import Line
from ..vocab import ABSENT_LABELS, PARTICIPANT_HEADINGS, SUBSTITUTE_LABELS

PAGE_NUMBER = re.compile(
    r"^(?:side\s+\d{1,4}(?:\s*(?:af|/)\s*\d{1,4})?|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|\d{1,4})$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # how many lines at the top and bottom of a page may be furniture


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.casefold().split()))


def _edges(page: list[Line]) -> list[tuple[str, Line]]:
    """Lines at the page edges with their position key ("t0" first line, "b0" last line)."""
    content = [ln for ln in page if not ln.blank]
    top = [(f"t{k}", ln) for k, ln in enumerate(content[:_EDGE])]
    bottom = [(f"b{k}", ln) for k, ln in enumerate(reversed(content[-_EDGE:]))]
    return top + bottom


def _is_content(line: Line) -> bool:
    """Lines that repeat by nature, not as furniture: headings, item titles, sentences, and
    attendance lines ("Fraværende: Helle Juul (A)" closing each item, at the foot of a page)."""
    text = line.stripped
    return (
        text.endswith((".", "!", "?"))
        or is_block_heading(line)
        or PUNKT_HEADING.match(text) is not None
        or text.partition(":")[0].casefold().strip() in _ATTENDANCE_LABELS
    )


_ATTENDANCE_LABELS = frozenset(
    (*ABSENT_LABELS, *PARTICIPANT_HEADINGS, *SUBSTITUTE_LABELS, "fravær med afbud", "afbud fra")
)


def strip_page_furniture(lines: list[Line], diags: Diagnostics) -> list[Line]:
    """Drop page-number lines and lines repeated at the page edges of most pages."""
    pages: dict[int | None, list[Line]] = defaultdict(list)
    for line in lines:
        pages[line.page].append(line)
    if len(pages) < 2:
        return lines
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages.values():  # same text at the same edge position on most pages
        counts.update({(pos, _shape(ln.stripped)) for pos, ln in _edges(page)})
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= needed}
    repeated -= _numbered_apart(pages, repeated)
    furniture: set[int] = set()
    for page in pages.values():
        column = _number_column(page)
        for pos, ln in _edges(page):
            numbered = PAGE_NUMBER.match(ln.stripped) is not None and ln.no not in column
            if numbered or ((pos, _shape(ln.stripped)) in repeated and not _is_content(ln)):
                furniture.add(ln.no)
    _keep_first_title(pages, furniture)
    if furniture:
        diags.add(
            "page-furniture-removed", count=len(furniture), lines=line_runs(sorted(furniture))
        )
        lines = [ln for ln in lines if ln.no not in furniture]
    return join_split_tables(lines, diags)


def _numbered_apart(
    pages: dict[int | None, list[Line]], repeated: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Repeated shapes whose numbers change from page to page other than as the page number
    does: each item's case number under its heading on a new page (026, Aarhus:
    "EMN-2023-009832", "EMN-2025-003383"), not a running header ("Side 3 af 11" counts with
    the page, "d. 17-05-2023" stays the same)."""
    numbers: dict[tuple[str, str], list[tuple[int, list[int]]]] = defaultdict(list)
    for page_no, page in pages.items():
        for pos, ln in _edges(page):
            key = (pos, _shape(ln.stripped))
            if key in repeated and "#" in key[1]:
                digits = [int(d) for d in _DIGITS.findall(ln.stripped)]
                numbers[key].append((page_no or 0, digits))
    apart = set()
    for key, seen in numbers.items():
        for k in range(len(seen[0][1])):
            values = {digits[k] for _, digits in seen}
            steps = {digits[k] - page for page, digits in seen}
            if len(values) > 1 and len(steps) > 1:
                apart.add(key)
                break
    return apart


def _number_column(page: list[Line]) -> set[int]:
    """Lines of a run of three or more bare numbers (a TOC's page column printed apart, as
    pdftotext gives Aarhus' TOC): content, even at a page edge."""
    content = [ln for ln in page if not ln.blank]
    column: set[int] = set()
    run: list[Line] = []
    for ln in [*content, None]:
        if ln is not None and ln.stripped.isdigit() and len(ln.stripped) <= 4:
            run.append(ln)
            continue
        if len(run) >= 3:
            column.update(r.no for r in run)
        run = []
    return column


def _keep_first_title(pages: dict[int | None, list[Line]], furniture: set[int]) -> None:
    """A running header that repeats the title ("REFERAT Sundhedsklynge … d. 17-05-2023") is
    furniture on later pages, but its first occurrence, opening the document, is the title."""
    first_page = pages[min(pages, key=lambda p: p or 0)]
    content = [ln for ln in first_page if not ln.blank]
    if not content or content[0].no not in furniture:
        return
    opening = content[0]
    if PAGE_NUMBER.match(opening.stripped) is not None:
        return
    if sum(_shape(ln.stripped) == _shape(opening.stripped) for ln in content) == 1:
        furniture.discard(opening.no)


def _cells(line: Line) -> int:
    return line.text.count("\t") + 1 if "\t" in line.text else 0


def join_split_tables(lines: list[Line], diags: Diagnostics) -> list[Line]:
    """A table that runs over a page break is one table: when the last content line of a page
    and the first of the next are tab rows with the same number of cells, the blank lines
    between them go, and a header row the next page repeats is dropped (it is furniture)."""
    drop: set[int] = set()  # indexes into ``lines``
    header: Line | None = None  # first row of the table open at the last content line
    last = -1  # index of the last content line
    for k, line in enumerate(lines):
        if line.blank:
            continue
        before = lines[last] if last >= 0 else None
        cells = _cells(line)
        if before and line.page != before.page and cells > 1 and cells == _cells(before):
            drop.update(j for j in range(last + 1, k) if lines[j].blank)
            diags.add("table-continued", at=line, previous=before.page)
            if header is not None and _shape(line.stripped) == _shape(header.stripped):
                drop.add(k)  # the repeated header row
                last = k
                continue
        elif cells == 0:
            header = None
        elif header is None or cells != _cells(header):
            header = line
        last = k
    return [ln for j, ln in enumerate(lines) if j not in drop] if drop else lines
