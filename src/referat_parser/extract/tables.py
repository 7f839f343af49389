"""Tables: tab-separated text tables (and PDF ruled tables rendered as such) with checked totals.

Serves:

* 000 item 3, a budget table: "Aktivitet<TAB>Udgifter kommuner<TAB>Udgifter region", four
  rows of "131.200 kr." cells, then "I alt<TAB>1.293.000 kr.<TAB>581.400 kr.": parsed amounts,
  computed totals, ``totals_ok``;
* 000 item 6, a three-column text table whose cells hold HTML list fragments
  (``<ul style="…">• Se budget …``) and whose last row's long cells wrapped onto the paragraphs
  after the table ("unge. Eksempelvis …", "nærmere beskrivelse af indsatsen.", "midler til …");
* a sentence promising a table that is not there: 003 item 4 "fremgår af nedenstående tabel".

Also: a unit in the header instead of the cells ("Beløb (kr.)", "1.000 kr.", "Mio. kr." over
year columns) applied to bare numbers; percentage columns (kept, not summed); "-" and empty
cells; tables without a header row ("Løn<TAB>100.000 kr." first); ragged rows (kept as printed,
``table-ragged-row``). A run of "Title<TAB>3" lines with rising page numbers is a table of
contents, not a table (004's TOC; the outline normally consumes it first).

Columns are separated by TABs, or by runs of two or more spaces (``pdftotext -layout``) when
at least three lines agree on the cell count, the value columns line up and every value cell
below the header is a figure; justified prose with double spaces never qualifies.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..models import Table, TableRow
from ..vocab import MONEY_HEADER_WORDS, TABLE_PROMISES, TOTAL_LABELS
from .amounts import exact, parse_amount, parse_number, parse_percent
from .flattened import caption_at, read_flat_table

ColumnKind = Literal["money", "percent", "other"]

_TOTALS = frozenset(TOTAL_LABELS)
# HTML that export tools leave in cells: block tags separate words, inline tags do not.
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,9})\b[^<>]{0,500}>")
_BLOCK_TAGS = frozenset((
    "br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody",
    "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
))  # fmt: skip
_INLINE_TAGS = frozenset((
    "a", "b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "small", "mark", "abbr",
))  # fmt: skip
_CELL_BULLET = re.compile(r"^(?:[•·\uf0b7]|[-–](?=\s))\s*")
_EMPTY_CELLS = frozenset({"", "-", "–", "—"})
# A unit in a header: "Beløb (kr.)", "Udgifter i 1.000 kr.", "t.kr.", "Mio. kr.", "DKK".
_HEADER_UNIT = re.compile(
    r"(?<![\w.])(1\.000|t\.?\s?kr|tkr|mio\.?|mia\.?|kr\.?|kroner|DKK)(?!\w)", re.I
)
_HEADER_PERCENT = re.compile(r"%|(?<!\w)(?:pct|procent)(?!\w)", re.I)
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
# "fremgår af nedenstående tabel", "i følgende skema", "i nedenstående budgettabel", "tabellen
# herunder" (and vocab.TABLE_PROMISES). Bounded repeats of disjoint classes: linear.
_PROMISE = re.compile(
    r"(?:nedenstående|følgende|efterfølgende)\s+(?:\w+\s+){0,2}?\w{0,20}(?:tabel|skema)"
    r"|(?:tabel(?:len)?|skema(?:et)?)\s+(?:nedenfor|herunder|forneden)"
)
_SENTENCE_END = (".", "!", "?", ":")


@dataclass(frozen=True, slots=True)
class TableScan:
    tables: list[Table]
    consumed: frozenset[int]  # Line.no of rows and of wrapped text joined into cells


def clean_cell(text: str) -> str:
    """Cell text without HTML tags and entities, leading bullets and repeated spaces:
    '<ul style="…">• Se budget' -> 'Se budget'; 'A<br>B &amp; C' -> 'A B & C'."""
    if "<" in text:
        text = _TAG.sub(_tag_replacement, text)
    if "&" in text:
        text = html.unescape(text)
    text = " ".join(text.split())
    return _CELL_BULLET.sub("", text).strip()


def _tag_replacement(m: re.Match[str]) -> str:
    name = m.group(1).casefold()
    if name in _BLOCK_TAGS:
        return " "
    return "" if name in _INLINE_TAGS else m.group(0)  # "<Rebild>" is text, not HTML


def _cells(line: Line) -> list[str] | None:
    """A TAB row's cells, empty ones included ("<TAB>100<TAB>200" has no label). A line
    indented by a TAB, or ending in one, is not a row: a row has two cells with text."""
    if "\t" not in line.text:
        return None
    cells = [clean_cell(c) for c in line.text.split("\t")]
    if sum(1 for c in cells if c) < 2:
        return None
    return cells


def extract_tables(lines: Sequence[Line], diags: Diagnostics) -> TableScan:
    """Runs of >= 2 tab-separated lines (one blank line may separate rows), and runs of >= 3
    space-aligned lines with figures in every value cell (``pdftotext -layout`` output)."""
    tables: list[Table] = []
    consumed: set[int] = set()
    block = "\n".join(line.text for line in lines)  # one scan each, not one per line
    captioned = "abel" in block or "kema" in block or "ABEL" in block
    totalled = "alt " in block or "ALT " in block or "otal " in block  # a figure list's total
    if "\t" not in block and "  " not in block and not captioned and not totalled:
        return TableScan([], frozenset())
    space_runs = _SpaceRuns(lines)
    i = 0
    while i < len(lines):
        head = lines[i].stripped[:5].casefold() if captioned else ""
        if head in ("tabel", "skema", "overs") and (flat := _flat_at(lines, i, diags)):
            table, used, end = flat
            tables.append(table)
            consumed.update(used)
            i = end
            continue
        run, end = _run(lines, i)
        if not run:
            run, end = space_runs.run_at(i)
        if not run:
            run, end = _figure_list_at(lines, i)
        if len(run) >= 2 and not _looks_like_toc([cells for _, cells in run]):
            rows = [cells for _, cells in run]
            numbers = [line.no for line, _ in run]
            joined = _join_wrapped(rows, lines, end, diags)
            consumed.update(numbers)
            consumed.update(joined)
            pages = [line.page for line, _ in run]
            start = i - 1 if run[0][0] is not lines[i] else i  # a header row above ``i``
            table = table_from_cells(
                rows, line_numbers=numbers, page=pages[0], diags=diags, pages=pages,
                caption=_unit_caption(lines, start, end),
            )  # fmt: skip
            if joined:
                table = table.model_copy(update={"line_end": max(joined)})
            tables.append(table)
        i = end if run else i + 1
    return TableScan(tables, frozenset(consumed))


def _flat_at(
    lines: Sequence[Line], i: int, diags: Diagnostics
) -> tuple[Table, list[int], int] | None:
    """A table flattened to one cell a line under the caption at ``i`` (flattened.py)."""
    found = caption_at(lines, i)
    if found is None:
        return None
    caption, start = found
    flat = read_flat_table(lines, start, caption)
    if flat is None:
        return None
    numbers = [ln.no for ln in flat.row_lines]
    if flat.grid and len(flat.grid) == len(flat.row_lines) + 1:
        numbers = [numbers[0], *numbers]  # the header row stands at the first row's line
    pages = [ln.page for ln in flat.row_lines]
    grid = [[clean_cell(cell) for cell in row] for row in flat.grid]
    table = table_from_cells(
        grid, line_numbers=numbers, page=pages[0], diags=diags,
        pages=[pages[0], *pages] if len(numbers) > len(pages) else pages,
        caption=caption, aligned=flat.aligned, padded=True,
    )  # fmt: skip
    table = table.model_copy(update={"line_start": min(flat.used), "line_end": max(flat.used)})
    return table, flat.used, flat.end


def _caption_above(lines: Sequence[Line], i: int) -> str | None:
    """The line above a table, when it is short: its caption ("Tabel 1 - … (1.000 kr.)")."""
    k = i - 1
    while k >= 0 and lines[k].blank and i - k <= 3:
        k -= 1
    if k < 0 or lines[k].blank or "\t" in lines[k].text or len(lines[k].stripped) > 200:
        return None
    return lines[k].stripped


def _unit_caption(lines: Sequence[Line], start: int, end: int) -> str | None:
    """The caption above the table, or, when it names no unit, a unit note right under the
    table ("Beløb i 1.000 kr." below an Acadre page's table)."""
    above = _caption_above(lines, start)
    if _caption_unit(above) is not None:
        return above
    k = end
    while k < len(lines) and lines[k].blank and k - end < 2:
        k += 1
    if k < len(lines) and len(lines[k].stripped) <= 60 and "\t" not in lines[k].text:
        below = lines[k].stripped
        if _caption_unit(below) is not None:
            return below
    return above


def _run(lines: Sequence[Line], i: int) -> tuple[list[tuple[Line, list[str]]], int]:
    """The TAB rows from ``i`` on, and the index after the last one."""
    run: list[tuple[Line, list[str]]] = []
    end = i
    j = i
    while j < len(lines):
        cells = _cells(lines[j])
        if cells is None:
            if not run or not lines[j].blank or j + 1 >= len(lines):
                break
            if _cells(lines[j + 1]) is None:
                break
            j += 1  # one blank line between two rows
            continue
        run.append((lines[j], cells))
        j += 1
        end = j
    return run, end


_SPACE_CELL = re.compile(r"[^ ]+(?: [^ ]+)*")  # text up to a run of two or more spaces
_ALIGN = 2  # columns may drift this many characters between rows


_Cell = tuple[str, int, int]  # text, start column, end column


# "Ribe Kunstforening, udstillingskatalog 45.000", "I alt 215.000 kr.": a label and one figure
# at the line's end, separated by a single space (``pdftotext`` without ``-layout``).
_LABEL_FIGURE = re.compile(
    r"^(\S.{0,150}?)\s(-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|-?\d{1,3}(?:,\d{1,2})?)(\s?kr\.?)?$"
)


def _figure_list_at(lines: Sequence[Line], i: int) -> tuple[list[tuple[Line, list[str]]], int]:
    """A table whose columns were joined by single spaces: two or more lines of a label and a
    figure, then a total line whose figure is their sum (the sum is the evidence: without it
    such lines are prose), with the header above it split before its money words ("Ansøger og
    formål Indstillet beløb (kr.)"). Returns the rows (the header first) and the line after."""
    rows: list[tuple[Line, list[str]]] = []
    k = i
    while k < len(lines) and (m := _label_figure(lines[k])) is not None:
        rows.append((lines[k], [m[0], m[1]]))
        k += 1
        if is_total_label(m[0]):
            break
    if len(rows) < 3 or not is_total_label(rows[-1][1][0]) or not _sums_to_total(rows):
        return [], i
    header = _figure_list_header(lines[i - 1]) if i > 0 else None
    if header is None and not all(row[1][1].endswith(".") for _, row in rows):
        return [], i  # bare figures need a header that names the unit
    head = [(lines[i - 1], header)] if header is not None else []
    return [*head, *rows], k


def _label_figure(line: Line) -> tuple[str, str] | None:
    text = line.stripped
    if (not text[-1:].isdigit() and not text.endswith(("kr.", "kr"))) or "\t" in line.text:
        return None
    m = _LABEL_FIGURE.match(text)
    return (m.group(1).strip(), m.group(2) + (m.group(3) or "")) if m is not None else None


def _sums_to_total(rows: Sequence[tuple[Line, list[str]]]) -> bool:
    figures = [parse_number(cells[1].removesuffix("kr.").removesuffix("kr")) for _, cells in rows]
    known = [f for f in figures if f is not None]
    if len(known) != len(figures):
        return False
    *body, total = known
    return sum(body, Decimal(0)) == total


def _figure_list_header(line: Line) -> list[str] | None:
    """ "Ansøger og formål Indstillet beløb (kr.)" -> ["Ansøger og formål", "Indstillet beløb
    (kr.)"]: split before the capitalised word that opens the money words."""
    words = line.stripped.split()
    if not words or len(line.stripped) > 120 or _label_figure(line) is not None:
        return None
    for k in range(1, len(words)):
        right = " ".join(words[k:]).casefold()
        left = " ".join(words[:k]).casefold()
        if (
            words[k][:1].isupper()
            and any(word in right for word in MONEY_HEADER_WORDS)
            and not any(word in left for word in MONEY_HEADER_WORDS)
        ):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return None


def _space_cells(line: Line) -> list[_Cell] | None:
    """Cells of a space-aligned line, with their start and end columns: >= 2 cells."""
    if "  " not in line.stripped or "\t" in line.text:
        return None
    cells = [(m.group(), m.start(), m.end()) for m in _SPACE_CELL.finditer(line.text)]
    return cells if len(cells) >= 2 else None


class _SpaceRuns:
    """ "Post      2024      2025" over "Løn      1.500      2.000": a header and >= 2 rows with
    the same number of cells, each value column aligned (left or right edges) and holding only
    figures ("1.500", "40 %", "-"). Prose never passes: its cells are words.

    The table from line ``i`` is the longest stretch of lines from ``i`` with as many cells as
    line ``i`` (a "stretch"); it fails when a row below ``i`` is not figures or a column does
    not line up. Each stretch is measured once, when ``run_at`` first reaches it, so asking
    again from each later line of a failed stretch costs O(columns), not a rescan: linear in
    the number of lines (8,000 lines of "Ord  ord" took 60 s when every line rescanned)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.stretch: _Stretch | None = None

    def run_at(self, i: int) -> tuple[list[tuple[Line, list[str]]], int]:
        """The space-aligned table starting at line ``i`` and the index after it, or ([], i)."""
        stretch = self.stretch
        if stretch is None or not stretch.start <= i < stretch.end:
            cells = _space_cells(self.lines[i])
            if cells is None:
                return [], i
            stretch = self.stretch = _Stretch(self.lines, i, cells)
        if not stretch.table_from(i):
            return [], i
        rows = zip(self.lines[i : stretch.end], stretch.cells[i - stretch.start :])
        run = [(line, [clean_cell(c[0]) for c in cells]) for line, cells in rows]
        head = self._header_above(i, stretch.cells[i - stretch.start])
        return ([head, *run] if head is not None else run), stretch.end

    def _header_above(self, i: int, first: list[_Cell]) -> tuple[Line, list[str]] | None:
        """A header row with no label cell right above the rows ("        Budget 2024   Rest"
        over "Løn   1.412.000   1.073.550"): one cell fewer than the rows, words, each cell
        over a value column (start or end within the drift), none over the label column."""
        if i == 0:
            return None
        above = _space_cells(self.lines[i - 1])
        if above is None or len(above) != len(first) - 1 or _figures([("", 0, 0), *above]):
            return None
        label_end = first[0][2]
        for (_, start, end), (_, v_start, v_end) in zip(above, first[1:]):
            if start <= label_end or not (
                abs(start - v_start) <= _ALIGN or abs(end - v_end) <= _ALIGN
            ):
                return None
        return self.lines[i - 1], ["", *(clean_cell(c[0]) for c in above)]


class _Stretch:
    """Lines ``start`` to ``end`` (exclusive), each with as many space-separated cells as the
    first; what a table from any of its lines needs, computed once."""

    def __init__(self, lines: Sequence[Line], start: int, first: list[_Cell]) -> None:
        self.start = start
        self.cells = [first]
        j = start + 1
        while j < len(lines) and (cells := _space_cells(lines[j])) is not None:
            if len(cells) != len(first):
                break
            self.cells.append(cells)
            j += 1
        self.end = j
        # Rows after the last one that is not figures: a table header may sit at or after it.
        self.figures_from = self._last_row_without_figures()
        self.spans = self._column_spans()

    def _last_row_without_figures(self) -> int:
        for k in range(len(self.cells) - 1, 0, -1):
            if not _figures(self.cells[k]):
                return self.start + k
        return self.start

    def _column_spans(self) -> list[list[tuple[int, int, int, int]]]:
        """Per row ``k`` (from ``figures_from`` on), per value column: the smallest and largest
        start and end of that column's cells in rows ``k`` to the end (suffix bounds)."""
        first = self.figures_from - self.start
        spans: list[list[tuple[int, int, int, int]]] = []
        below: list[tuple[int, int, int, int]] | None = None
        for cells in reversed(self.cells[first:]):
            row = [(c[1], c[1], c[2], c[2]) for c in cells[1:]]
            if below is not None:
                row = [
                    (min(a, w), max(b, x), min(c, y), max(d, z))
                    for (a, b, c, d), (w, x, y, z) in zip(row, below)
                ]
            spans.append(row)
            below = row
        spans.reverse()
        return spans

    def table_from(self, i: int) -> bool:
        """A header at ``i`` and >= 2 rows below it, all figures, every value column aligned."""
        if self.end - i < 3 or i < self.figures_from:
            return False
        below = self.spans[i + 1 - self.figures_from]
        return all(
            hi_start - lo_start <= _ALIGN or hi_end - lo_end <= _ALIGN
            for lo_start, hi_start, lo_end, hi_end in below
        )


def _figures(cells: Sequence[_Cell]) -> bool:
    return all(
        c in _EMPTY_CELLS
        or parse_amount(c) is not None
        or parse_number(c) is not None
        or parse_percent(c) is not None
        for c, _, _ in cells[1:]
    )


def _looks_like_toc(rows: Sequence[list[str]]) -> bool:
    """ "Forord<TAB>3", "Rammen for samarbejdet<TAB>4", …: titles with rising page numbers."""
    pages: list[int] = []
    for cells in rows:
        filled = [c for c in cells if c]
        if len(filled) != 2 or not _PAGE_NUMBER.match(filled[1]):
            return False
        if not any(ch.isalpha() for ch in filled[0]):
            return False
        pages.append(int(filled[1]))
    return pages == sorted(pages)


def _join_wrapped(
    rows: list[list[str]], lines: Sequence[Line], after: int, diags: Diagnostics
) -> list[int]:
    """Cells of the last row that end mid-sentence continue, in order, in the lower-case
    paragraphs right after the table (000 item 6). Joined only when the counts agree;
    otherwise the paragraphs stay text and each gets ``table-cell-unplaced``."""
    last = rows[-1]
    open_cells = [k for k, cell in enumerate(last) if cell and not cell.endswith(_SENTENCE_END)]
    candidates: list[Line] = []
    j = after
    while j < len(lines) and len(candidates) <= len(open_cells):
        text = lines[j].stripped
        if text:
            if not text[0].islower() or "\t" in lines[j].text:
                break
            candidates.append(lines[j])
        j += 1
    if not candidates:
        return []
    if len(candidates) != len(open_cells):
        for line in candidates:
            diags.add("table-cell-unplaced", at=line, text=line.stripped[:60])
        return []
    for k, line in zip(open_cells, candidates):
        last[k] = f"{last[k]} {line.stripped}"
    return [line.no for line in candidates]


# --- the table model -----------------------------------------------------------------------


def table_from_cells(
    rows: list[list[str]],
    *,
    line_numbers: list[int],
    page: int | None,
    diags: Diagnostics,
    pages: Sequence[int | None] | None = None,
    caption: str | None = None,
    aligned: bool = True,
    padded: bool = False,
) -> Table:
    """Build the table model from a grid (text tables and the PDF table finder share this);
    ``pages`` gives each row's page when a table runs over a page break (else ``page``).

    The first row is the header unless it already holds amounts like the rows below it
    (then ``columns`` is empty). Value columns are money, percentages or other text. A
    ``caption`` above the table may name the unit ("(1.000 kr.)"); a flattened table whose
    rows disagree on their amounts (``aligned`` False) gets no total check; ``padded`` rows
    (a flattened table's) are not reported as ragged."""
    head = _trim(rows[0])
    headed = not _first_row_is_data(head, rows[1:])
    columns = head if headed else []
    row_pages = list(pages) if pages is not None else [page] * len(rows)
    grid = list(zip(rows, line_numbers, row_pages))
    width = len(head)
    fitted: list[tuple[list[str], Line]] = []
    for cells, no, row_page in grid[1:] if headed else grid:
        cells = _fit(cells, width)
        at = Line(no, "", row_page)
        if len(cells) != width and not padded:
            diags.add("table-ragged-row", at=at, cells=len(cells), columns=width)
        fitted.append((cells, at))
    amounts: dict[str, Decimal | None] = {}  # each cell's amount, read once for both passes
    factor = _caption_unit(caption)
    kinds = _column_kinds(columns, [c for c, _ in fitted], width, amounts, factor)
    is_money = "money" in kinds
    label_at = _label_column(columns, [c for c, _ in fitted])
    body: list[TableRow] = []
    for cells, at in fitted:
        values = (
            _row_values(cells, kinds, columns, at, diags, amounts, factor) if is_money else None
        )
        body.append(
            TableRow(
                cells=cells,
                label=cells[label_at] if label_at < len(cells) else cells[0],
                values=values or [None] * (width - 1),
                line=at.no,
                page=at.page,
            )
        )
    total_at = max((k for k, row in enumerate(body) if is_total_label(row.label)), default=None)
    total = body.pop(total_at) if total_at is not None else None
    table = Table(
        columns=columns, rows=body, total=total, is_money=is_money,
        line_start=line_numbers[0], line_end=line_numbers[-1], page=page,
    )  # fmt: skip
    if not is_money:
        return table
    if not aligned and total is not None:
        diags.add("table-unaligned", at=Line(total.line, "", total.page))
        return table
    return _check_totals(table, kinds, diags)


# "Nr.", "Løbenr.": a column of row or project numbers before the label (Greve: "408").
_NUMBER_HEADINGS = frozenset({"nr", "nr.", "løbenr", "løbenr.", "projektnr", "projektnr.", "#"})


def _label_column(columns: Sequence[str], rows: Sequence[list[str]]) -> int:
    """The column that names each row: the first, unless it only numbers the rows ("Nr."
    over "408", "409", …) and the second holds text; then the second."""
    if len(columns) < 2 or columns[0].casefold().strip() not in _NUMBER_HEADINGS:
        return 0
    firsts = [r[0] for r in rows if r and r[0]]
    if all(c.isdigit() for c in firsts) and any(len(r) > 1 and r[1] for r in rows):
        return 1
    return 0


def is_total_label(label: str) -> bool:
    """ "I alt", "Total:", "Sum", "I alt kr.", "I alt (kr.)", "Total, 1.000 kr.", a named
    total ending in one: "Service total", "Nye initiativer i alt" (kk.dk), or opening with
    "Samlede"/"Samlet" ("Samlede udgifter", a general assembly's accounts)."""
    key = label.casefold().strip().rstrip(":").strip()
    if key in _TOTALS:
        return True
    key = key[: key.find("(")].strip() if "(" in key else _HEADER_UNIT.sub("", key).strip()
    key = key.rstrip(",:. ")
    # "Samlede udgifter", "Samlet forbrug": a total named by its first word
    return (
        key in _TOTALS
        or key.endswith((" i alt", " total", " totalt"))
        or (key.startswith(("samlede ", "samlet ")) and len(key.split()) <= 3)
    )


def counted_in_total(label: str, line: int, total_line: int | None) -> bool:
    """A body row that ``computed_totals`` sums: not a subtotal, not a breakdown of the row
    above, not below the total row (``referat export`` marks the same rows)."""
    return (
        not is_total_label(label)
        and not _is_breakdown(label)
        and (total_line is None or line < total_line)
    )


def _is_breakdown(label: str) -> bool:
    """ "Heraf udgifter som følge af …": a part of the row above, never summed again."""
    return label.casefold().lstrip("•·-– ").startswith(("heraf", "deraf", "hvoraf"))


def _trim(cells: list[str]) -> list[str]:
    """Without the empty cells a trailing TAB leaves."""
    end = len(cells)
    while end > 2 and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _fit(cells: list[str], width: int) -> list[str]:
    """A row with more cells than the header only because of trailing or alignment TABs
    (empty cells) loses those empty cells; any other ragged row is kept as printed."""
    if len(cells) > width:
        cells = _trim(cells) if len(_trim(cells)) >= width else cells[:width]
    if len(cells) > width:
        filled = [cells[0], *(c for c in cells[1:] if c)]
        if len(filled) == width:
            return filled
    return cells


def _first_row_is_data(first: list[str], rest: Sequence[list[str]]) -> bool:
    """ "Løn<TAB>100.000 kr." over "Drift<TAB>50.000 kr.": no header. A header may name the
    unit ("1.000 kr.") over bare numbers, so a column counts only when its rows agree. A first
    row of a label and bare figures written like amounts ("Dialogmøder  85.000" over
    "Kurser  45.000", the unit in the caption) is data too; years ("2024  2025") are a header."""
    if rest and first[0] and _bare_figures(first[1:]) and all(_bare_figures(r[1:]) for r in rest):
        return True
    marked = [k for k in range(1, len(first)) if _unit_value(first[k]) is not None]
    if not marked or not rest:
        return False
    for k in marked:
        below = [r[k] for r in rest if k < len(r) and r[k] not in _EMPTY_CELLS]
        if not below or sum(_unit_value(c) is not None for c in below) * 2 <= len(below):
            return False
    return True


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _bare_figures(cells: Sequence[str]) -> bool:
    """Cells that are all figures ("1.412.000", "-", "85.000"), none of them a year."""
    filled = [c for c in cells if c not in _EMPTY_CELLS]
    return bool(filled) and all(parse_number(c) is not None and not _YEAR.match(c) for c in filled)


def _unit_value(cell: str) -> Decimal | None:
    """An amount or a percentage that names its own unit ("100.000 kr.", "40 %")."""
    value = parse_amount(cell)
    return value if value is not None else parse_percent(cell)


def _header_unit(header: str) -> Decimal | None:
    """The factor a header names: 1 for "kr.", 1000 for "1.000 kr."/"t.kr.", 10^6 for "mio."."""
    m = _HEADER_UNIT.search(header)
    if m is None:
        return None
    unit = m.group(1).casefold().replace(" ", "")
    if unit.startswith(("1.000", "t")):
        return Decimal(1000)
    if unit.startswith("mio"):
        return Decimal(1_000_000)
    return Decimal(1_000_000_000) if unit.startswith("mia") else Decimal(1)


def _factor(columns: Sequence[str], k: int, caption: Decimal | None = None) -> Decimal | None:
    """Column ``k``'s unit: its own header's, else the label column's ("Mio. kr." over year
    columns), else the one unit the header names anywhere ("Beløb i 1.000 kr." over year
    columns), else the caption's ("Tabel 1 - … (1.000 kr.)")."""
    if not columns:
        return caption
    own = _header_unit(columns[k]) if k < len(columns) else None
    if own is not None:
        return own
    first = _header_unit(columns[0])
    if first is not None:
        return first
    named = {u for c in columns if (u := _header_unit(c)) is not None}
    return named.pop() if len(named) == 1 else caption


def _caption_unit(caption: str | None) -> Decimal | None:
    """The unit a caption names in parentheses or at its end: "(1.000 kr.)", "Mio. kr."."""
    if not caption:
        return None
    tail = caption[caption.rfind("(") :] if "(" in caption else caption[-12:]
    return _header_unit(tail)


def _column_kinds(
    columns: Sequence[str],
    rows: Sequence[list[str]],
    width: int,
    amounts: dict[str, Decimal | None],
    caption: Decimal | None = None,
) -> list[ColumnKind]:
    kinds: list[ColumnKind] = []
    for k in range(1, width):
        cells = [r[k] for r in rows if k < len(r) and r[k] not in _EMPTY_CELLS]
        header = columns[k] if k < len(columns) else ""
        factor = _factor(columns, k, caption)
        if factor is None and any(word in header.casefold() for word in MONEY_HEADER_WORDS):
            factor = Decimal(1)  # "Budget 2024" over bare figures: kroner
        percent = sum(parse_percent(c) is not None for c in cells)
        if _HEADER_PERCENT.search(header):
            percent += sum(parse_number(c) is not None for c in cells)
        money = sum(_money_value(c, factor, amounts) is not None for c in cells)
        if cells and percent * 2 > len(cells):
            kinds.append("percent")
        elif (cells and money * 2 > len(cells)) or (not cells and factor is not None):
            kinds.append("money")
        else:
            kinds.append("other")
    return kinds


def _money_value(
    cell: str, factor: Decimal | None, amounts: dict[str, Decimal | None]
) -> Decimal | None:
    """A money cell: "131.200 kr."; a bare "131.200" when the header names the unit.
    ``amounts`` remembers ``parse_amount`` per cell text within one table."""
    if cell not in amounts:
        amounts[cell] = parse_amount(cell)
    value = amounts[cell]
    if value is None and factor is not None:
        number = parse_number(cell)
        value = exact(number * factor) if number is not None else None
    return value


def _row_values(
    cells: list[str], kinds: Sequence[ColumnKind], columns: Sequence[str], at: Line,
    diags: Diagnostics, amounts: dict[str, Decimal | None], caption: Decimal | None = None,
) -> list[Decimal | None]:  # fmt: skip
    """Per value column: the amount in a money column (bare numbers count in kroner, or in the
    header's unit), else null. A money cell with digits that does not parse is reported."""
    values: list[Decimal | None] = []
    for k, kind in enumerate(kinds, start=1):
        cell = cells[k] if k < len(cells) else ""
        value = None
        if kind == "money" and cell not in _EMPTY_CELLS:
            value = _money_value(
                cell.rstrip("*"), _factor(columns, k, caption) or Decimal(1), amounts
            )
            if value is None and any(ch.isdigit() for ch in cell):
                diags.add("amount-unparsed", at=at, text=cell[:60])
        values.append(value)
    return values


def _check_totals(table: Table, kinds: Sequence[ColumnKind], diags: Diagnostics) -> Table:
    """Sum the body rows per money column (rows labelled as subtotals are not summed) and
    compare with the printed total row."""
    # the rows above the total (rows after it are not in it: "Udgifter i alt inkl. …"), not
    # subtotals, not breakdowns of the row above
    end = table.total.line if table.total is not None else None
    summed = [row for row in table.rows if counted_in_total(row.label, row.line, end)]
    computed: list[Decimal | None] = []
    for k, kind in enumerate(kinds):
        present = [v for row in summed if (v := row.values[k]) is not None]
        computed.append(exact(sum(present, Decimal(0))) if kind == "money" else None)
    if table.total is None:
        return table.model_copy(update={"computed_totals": computed, "totals_ok": None})
    ok: bool | None = None
    for k, (printed, sum_k) in enumerate(zip(table.total.values, computed)):
        if printed is None or sum_k is None:
            continue
        ok = (ok is not False) and printed == sum_k
        if printed != sum_k:
            name = table.columns[k + 1] if k + 1 < len(table.columns) else f"#{k + 2}"
            diags.add(
                "total-mismatch", at=Line(table.total.line, "", table.total.page),
                column=name, printed=printed, computed=sum_k,
            )  # fmt: skip
    return table.model_copy(update={"computed_totals": computed, "totals_ok": ok})


# --- promised tables -----------------------------------------------------------------------


def check_promised_tables(lines: Sequence[Line], has_table: bool, diags: Diagnostics) -> None:
    """ "fremgår af nedenstående tabel" with no table in the item -> missing-table (003 item 4)."""
    if has_table or not _may_name_a_table("\n".join(line.text for line in lines)):
        return
    for line in lines:
        folded = line.text.casefold()
        if "tabel" not in folded and "skema" not in folded:
            continue
        at = min((p for p in (folded.find(ph) for ph in TABLE_PROMISES) if p >= 0), default=-1)
        if at < 0:
            m = _PROMISE.search(folded)
            at = m.start() if m else -1
        if at >= 0:
            diags.add("missing-table", at=line, text=_clause_around(line.text, at))


def _may_name_a_table(text: str) -> bool:
    """Cheap probe: could the text hold "tabel" or "skema" in any case? (Case-folding a whole
    block costs more than four substring scans.)"""
    return "abel" in text or "kema" in text or "ABEL" in text or "KEMA" in text


def _clause_around(text: str, at: int) -> str:
    """The clause holding position ``at``: from the previous comma or full stop to the next."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind(", ", 0, at) + 2, 0)
    ends = [e for e in (text.find(",", at), text.find(".", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)].strip()
