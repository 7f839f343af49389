"""Tables: tab-separated text tables (and PDF ruled tables rendered as such) with checked totals.

Serves:

* 000 item 3, a budget table: "Aktivitet<TAB>Udgifter kommuner<TAB>Udgifter region", four
  rows of "131.200 kr." cells, then "I alt<TAB>1.293.000 kr.<TAB>581.400 kr.": parsed amounts,
  computed totals, ``totals_ok``;
* 000 item 6, a three-column text table whose cells hold HTML list fragments
  (``<ul style="…">• Se budget …``) and whose last row's long cells wrapped onto the paragraphs
  after the table ("unge. Eksempelvis …", "nærmere beskrivelse af indsatsen.", "midler til …");
* a sentence promising a table that is not there: 003 item 4 "fremgår af nedenstående tabel".

The TOC ("Title.....<TAB>3") never reaches this module: the outline consumes it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from .amounts import parse_amount, parse_number, parse_percent
from .diagnostics import Diagnostics
from .lines import Line
from .models import Table, TableRow
from .vocab import TABLE_PROMISES, TOTAL_LABELS

_TOTALS = frozenset(TOTAL_LABELS)
_CELL_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_CELL_BULLET = re.compile(r"^(?:[•·\uf0b7]|[-–](?=\s))\s*")
_EMPTY_CELLS = frozenset({"", "-", "–", "—"})
# A currency or scale in a header instead of the cells: "Beløb (kr.)", "Udgifter i 1.000 kr."
_HEADER_UNIT = re.compile(r"(?:\bi\s+)?(1\.000|t\.?\s?kr|tkr|mio\.?|kr\.?|DKK)\b", re.I)
_SENTENCE_END = (".", "!", "?", ":")


@dataclass(frozen=True, slots=True)
class TableScan:
    tables: list[Table]
    consumed: frozenset[int]  # Line.no of rows and of wrapped text joined into cells


def clean_cell(text: str) -> str:
    text = _CELL_MARKUP.sub("", text, timeout=1).strip()
    return _CELL_BULLET.sub("", text).strip()


def _cells(line: Line) -> list[str] | None:
    if "\t" not in line.text:
        return None
    cells = [clean_cell(c) for c in line.text.strip().split("\t")]
    return cells if len(cells) >= 2 else None


def extract_tables(lines: Sequence[Line], diags: Diagnostics) -> TableScan:
    """Runs of >= 2 consecutive tab-separated lines, first line the header."""
    tables: list[Table] = []
    consumed: set[int] = set()
    i = 0
    if not any("\t" in line.text for line in lines):
        return TableScan([], frozenset())
    while i < len(lines):
        run: list[tuple[Line, list[str]]] = []
        while i < len(lines) and (cells := _cells(lines[i])) is not None:
            run.append((lines[i], cells))
            i += 1
        if len(run) >= 2:
            rows = [cells for _, cells in run]
            numbers = [line.no for line, _ in run]
            joined = _join_wrapped(rows, lines, i, diags)
            consumed.update(numbers)
            consumed.update(joined)
            table = table_from_cells(rows, line_numbers=numbers, page=run[0][0].page, diags=diags)
            if joined:
                table = table.model_copy(update={"line_end": max(joined)})
            tables.append(table)
        i += 0 if run else 1
    return TableScan(tables, frozenset(consumed))


def _join_wrapped(
    rows: list[list[str]], lines: Sequence[Line], after: int, diags: Diagnostics
) -> list[int]:
    """Cells of the last row that end mid-sentence continue, in order, in the lower-case
    paragraphs right after the table (000 item 6). Joined only when the counts agree."""
    last = rows[-1]
    open_cells = [k for k, cell in enumerate(last) if cell and not cell.endswith(_SENTENCE_END)]
    candidates: list[Line] = []
    j = after
    while j < len(lines) and len(candidates) <= len(open_cells):
        text = lines[j].stripped
        if text:
            if not text[0].islower():
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


def table_from_cells(
    rows: list[list[str]], *, line_numbers: list[int], page: int | None, diags: Diagnostics
) -> Table:
    """Build the table model from a grid (text tables and the PDF table finder share this)."""
    columns = rows[0]
    width = len(columns)
    body: list[TableRow] = []
    total: TableRow | None = None
    factor = _header_factor(columns)
    is_money = _is_money(rows[1:], factor)
    for cells, no in zip(rows[1:], line_numbers[1:]):
        if len(cells) != width:
            diags.add("table-ragged-row", at=Line(no, "", page), cells=len(cells), columns=width)
            cells = (cells + [""] * width)[:width] if len(cells) < width else cells
        values = [_cell_value(c, factor) if is_money else None for c in cells[1:]]
        row = TableRow(cells=cells, label=cells[0], values=values, line=no, page=page)
        if cells[0].casefold().rstrip(":") in _TOTALS:
            total = row
        else:
            body.append(row)
    table = Table(
        columns=columns, rows=body, total=total, is_money=is_money,
        line_start=line_numbers[0], line_end=line_numbers[-1], page=page,
    )  # fmt: skip
    return _check_totals(table, diags) if is_money else table


def _header_factor(columns: Sequence[str]) -> Decimal | None:
    """The unit a header carries: 1 for "kr.", 1000 for "1.000 kr."/"t.kr.", 10^6 for "mio."."""
    for column in columns[1:]:
        m = _HEADER_UNIT.search(column, timeout=1)
        if m is not None:
            unit = m.group(1).casefold().replace(" ", "")
            if unit.startswith(("1.000", "t")):
                return Decimal(1000)
            return Decimal(1_000_000) if unit.startswith("mio") else Decimal(1)
    return None


def _cell_value(cell: str, factor: Decimal | None) -> Decimal | None:
    if cell.strip() in _EMPTY_CELLS:
        return None
    value = parse_amount(cell)
    if value is None and factor is not None:
        number = parse_number(cell)
        value = number * factor if number is not None else None
    return value


def _is_money(rows: Sequence[list[str]], factor: Decimal | None) -> bool:
    """Most non-empty value cells parse as amounts (and are not percentages)."""
    cells = [c for row in rows for c in row[1:] if c.strip() not in _EMPTY_CELLS]
    if not cells or any(parse_percent(c) is not None for c in cells):
        return False
    parsed = sum(_cell_value(c, factor) is not None for c in cells)
    return parsed * 2 > len(cells)


def _check_totals(table: Table, diags: Diagnostics) -> Table:
    width = len(table.columns) - 1
    computed: list[Decimal | None] = []
    for k in range(width):
        column = [row.values[k] for row in table.rows if k < len(row.values)]
        present = [v for v in column if v is not None]
        computed.append(sum(present, Decimal(0)) if present else None)
    if table.total is None:
        return table.model_copy(update={"computed_totals": computed, "totals_ok": None})
    ok = True
    for k, (printed, summed) in enumerate(zip(table.total.values, computed)):
        if printed is not None and printed != summed:
            ok = False
            diags.add(
                "total-mismatch", at=Line(table.total.line, "", table.page),
                column=table.columns[k + 1], printed=printed, computed=summed,
            )  # fmt: skip
    return table.model_copy(update={"computed_totals": computed, "totals_ok": ok})


def check_promised_tables(lines: Sequence[Line], has_table: bool, diags: Diagnostics) -> None:
    """ "fremgår af nedenstående tabel" with no table in the item -> missing-table (003 item 4)."""
    if has_table:
        return
    joined = " ".join(line.text for line in lines)
    if "tabel" not in joined and "skema" not in joined and "Tabel" not in joined:
        return
    for line in lines:
        folded = line.text.casefold()
        if "tabel" in folded or "skema" in folded:
            for phrase in TABLE_PROMISES:
                at = folded.find(phrase)
                if at >= 0:
                    diags.add("missing-table", at=line, text=_clause_around(line.text, at))
                    break


def _clause_around(text: str, at: int) -> str:
    """The clause holding position ``at``: from the previous comma or full stop to the next."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind(", ", 0, at) + 2, 0)
    ends = [e for e in (text.find(",", at), text.find(".", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)].strip()
