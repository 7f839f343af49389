"""Tables flattened to one cell a line: what a scraper or a copy from a web page leaves of a
table (kk.dk: every cell its own paragraph), read back into rows under a caption.

Serves:

* "Tabel 1. Forventet regnskab på service" / "Servicebevilling" / "Mio kr.*" / "Korrigeret
  budget" / "Forventet regnskab" / "Afvigelse" / "Service-KFF (1060)" / "2.125,6" / "2.152,1"
  / "-26,5" / "• Heraf udgifter som følge af Ukrainesituationen" / "0,0" / … / "Service total"
  / "439,8" / …: a header of N cells, then N-cell rows, then the total (kk.dk);
* a label wrapped over two cells ("Anlægs-bevilling" / "til montering af servicearealer",
  "Finansposter" / "/overførsler"), bullets under a row's label ("1. Fastholdelse af
  medarbejdere" / "• Elektriske pilleknusere …" / "8,7" / "X"), header cells wrapped the same
  way ("Aktivitet/" / "Projekt", "Bevilling" / "(nr. og navn)");
* years over the value columns ("2027" / "2028" / … / "I alt"), marks as cells ("X", "-", "?").

A row is a run of text cells followed by its value cells; the next text cell after a value
starts the next row. The header is the text before the first value, less the first row's own
text (as many cells as the later rows have). Flattening drops empty cells, so a row may have
fewer value cells than the header: it is padded at the end, and where the rows do not agree
on how many amounts they hold the totals are not checked (``table-unaligned``): never a guess.
A caption is required: numbers in prose are not a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..lines import Line
from .amounts import parse_amount, parse_number, parse_percent

# "Tabel 1. Midler på …", "Tabel 2: Anlægsbevillinger", "Skema 3 - …"; "Tabel" alone with
# "1: …" on the next line (a hard-wrapped caption).
CAPTION = re.compile(r"^(?:tabel|skema|oversigt)\s*\d{1,2}\s*[.:–-]", re.I)
_CAPTION_WORD = re.compile(r"^(?:tabel|skema)$", re.I)
_NUMBERED_REST = re.compile(r"^\d{1,2}\s*[.:–-]\s*\S")
_MARKS = frozenset({"x", "-", "–", "—", "?", "÷"})
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_FOOTNOTE = re.compile(r"^(?:\*|note\s*:|kilde\s*:|anm\.)", re.I)
_MAX_CELL = 150
_MAX_CELLS = 600


@dataclass(frozen=True, slots=True)
class FlatTable:
    """A table read back from cells: the grid (header first), each row's first line, the
    lines its cells used, the caption and whether the rows agree on their amounts."""

    grid: list[list[str]]
    row_lines: list[Line]
    used: list[int]
    caption: str
    aligned: bool
    end: int  # index into the lines after the table


def caption_at(lines: Sequence[Line], i: int) -> tuple[str, int] | None:
    """The caption at line ``i`` and the index after it, or None."""
    text = lines[i].stripped
    if CAPTION.match(text):
        return text, i + 1
    if (
        _CAPTION_WORD.match(text)
        and i + 1 < len(lines)
        and _NUMBERED_REST.match(lines[i + 1].stripped)
    ):
        return f"{text} {lines[i + 1].stripped}", i + 2
    return None


def _is_value(text: str) -> bool:
    if text.casefold() in _MARKS:
        return True
    if _YEAR.match(text):
        return False  # a year is a column's name in this position
    bare = text.rstrip("*")
    return (
        parse_amount(bare) is not None
        or parse_number(bare) is not None
        or parse_percent(bare) is not None
    )


def _ends_table(text: str) -> bool:
    words = text.split()
    return (
        len(text) > _MAX_CELL
        or _FOOTNOTE.match(text) is not None
        or (text.endswith((".", "!", "?", ":")) and len(words) >= 6)
        or CAPTION.match(text) is not None
    )


def read_flat_table(lines: Sequence[Line], start: int, caption: str) -> FlatTable | None:
    """The flattened table after a caption (``start`` the first line after it), or None when
    what follows is not one (fewer than two rows with values)."""
    cells: list[Line] = []
    j = start
    while j < len(lines) and len(cells) < _MAX_CELLS:
        line = lines[j]
        if not line.blank:
            if _ends_table(line.stripped):
                break
            cells.append(line)
        j += 1
    first_value = next((k for k, c in enumerate(cells) if _is_value(c.stripped)), None)
    if first_value is None or first_value == 0:
        return None
    head = _logical([c.stripped for c in cells[:first_value]])
    groups = _rows(cells[first_value:])
    while groups and not groups[-1][1]:
        groups.pop()  # text after the last values is prose again
    if len(groups) < 2:
        return None
    texts_per_row = Counter(len(_logical([c.stripped for c in t])) for t, _ in groups[1:])
    per_row = texts_per_row.most_common(1)[0][0] if texts_per_row else 1
    per_row = max(1, min(per_row, len(head) - 1)) if len(head) > 1 else 1
    widest = max(len(v) for _, v in groups)  # a flattened row may have lost empty cells
    header = head[:-per_row]
    while len(header) > per_row + widest and len(header) > 1:
        header[0:2] = [f"{header[0]} {header[1]}"]  # two lines over the label column
    grid = [header] if header else []
    row_lines: list[Line] = []
    for n, (texts, values) in enumerate(groups):
        label = head[-per_row:] if n == 0 else _label_cells([c.stripped for c in texts], per_row)
        grid.append([*label, *(v.stripped for v in values)])
        row_lines.append((texts or values)[0] if n else cells[first_value])
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    last = groups[-1][1][-1]
    used = [c.no for c in cells if c.no <= last.no]
    end = next(k for k in range(start, len(lines)) if lines[k].no == last.no) + 1
    return FlatTable(grid, row_lines, used, caption, _aligned(groups), end)


def _rows(cells: Sequence[Line]) -> list[tuple[list[Line], list[Line]]]:
    """(text cells, value cells) per row: a text cell after a value starts the next row."""
    rows: list[tuple[list[Line], list[Line]]] = [([], [])]
    for cell in cells:
        texts, values = rows[-1]
        if _is_value(cell.stripped) or (texts and not values and _YEAR.match(cell.stripped)):
            values.append(cell)
        elif values:
            rows.append(([cell], []))
        else:
            texts.append(cell)
    return rows


def _continues(previous: str, cell: str) -> bool:
    """ "Aktivitet/" + "Projekt", "Bevilling" + "(nr. og navn)", "Anlægs-bevilling" + "til
    montering …", "Finansposter" + "/overførsler": one cell wrapped onto the next line."""
    return previous.endswith(("/", "-")) or cell[:1] in "/(" or cell[:1].islower()


def _logical(cells: Sequence[str]) -> list[str]:
    """Printed lines joined into the cells they are: a wrapped cell's second line, a bullet
    under a label ("1. Fastholdelse af medarbejdere" / "• Elektriske pilleknusere …")."""
    out: list[str] = []
    for cell in cells:
        if out and (_continues(out[-1], cell) or cell[:1] in "•·"):
            out[-1] = f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return out


def _label_cells(texts: Sequence[str], per_row: int) -> list[str]:
    """A row's text cells as cells; more than the table's rows have joined into the label."""
    cells = _logical(texts)
    while len(cells) > per_row and len(cells) > 1:
        cells[-2 : len(cells)] = [f"{cells[-2]} {cells[-1]}"]
    return cells or [""]


def _aligned(groups: Sequence[tuple[list[Line], list[Line]]]) -> bool:
    """The rows agree on how many amounts they hold (a flattened table has lost its empty
    cells: where they disagree, no column is certain)."""
    counts = {sum(1 for v in values if v.stripped.casefold() not in _MARKS) for _, values in groups}
    counts.discard(0)  # a row of marks only ("?"): no amount to place
    return len(counts) == 1
