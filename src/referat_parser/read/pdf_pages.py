"""The two PDF engines: each page of a PDF as ``Row``s in reading order (``pdf_rows.Row``).

- ``fast`` (default): pypdfium2's text page. Its text (``get_text_range``) is already in reading
  order with words spaced as printed (026, Aarhus Byråd: "Svar på forslag fra DD om
  principbeslutning om at sikre Havnens"); each of its lines becomes a row, with the box of its
  first and last character and the font of three sample characters (first, middle, last:
  "bold" means all three are bold). Pages with ruling lines (000 item 3's budget grid) go to
  pdfplumber's table finder instead.
- ``pdfplumber``: pdfplumber's words in the PDF's own text flow (so a two-column page reads
  column by column), grouped into rows where the flow moves down or back; ruled tables from its
  table finder as tab-joined rows.

A page that fails to load or read is a ``pdf-page-failed`` diagnostic and the other pages are
kept; a document that cannot be opened at all is a ``PdfError``. A ``DeadlineError`` (the
``--timeout`` timer) always ends the read. Both libraries are imported inside functions.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from ..deadline import DeadlineError
from ..diagnostics import Diagnostics
from ..errors import PdfError
from .pdf_rows import CELL_GAP, Row

Engine = Literal["fast", "pdfplumber"]
Page = tuple[int, list[Row]]
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_BOLD_WEIGHT = 600
# A page drawn with more path objects than this is a drawing (a map, a chart, a hostile
# file), not a ruled table: its text is read by pdfium, never handed to the table finder.
_MAX_RULING_PATHS = 2_000
# pdfminer writes glyphs without a Unicode mapping as "(cid:N)"; 127 is the bullet of the
# standard fonts. Others are kept as printed (never dropped silently).
_CID_BULLET = "(cid:127)"


def read_pages(path: Path, engine: Engine, diags: Diagnostics) -> Iterator[Page]:
    """Every page of ``path`` as rows; page numbers are 1-based."""
    if engine == "pdfplumber":
        yield from _plumber_pages(path, None, diags)
    else:
        yield from _fast_pages(path, diags)


def page_failed(diags: Diagnostics, number: int, exc: BaseException) -> None:
    """One page could not be read: a diagnostic, unless the deadline is what stopped it."""
    if isinstance(exc, DeadlineError):
        raise exc
    diags.add_page("pdf-page-failed", number, reason=type(exc).__name__)


def _is_bold(name: str, weight: int) -> bool:
    return weight >= _BOLD_WEIGHT or any(word in name.casefold() for word in _BOLD_NAMES)


def _cid(text: str) -> str:
    return text.replace(_CID_BULLET, "•") if "(cid:" in text else text


# --- fast: pypdfium2 ---------------------------------------------------------------------------


def open_pdfium(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).casefold():
            raise PdfError(f"{path}: encrypted PDF (password required)") from None
        raise PdfError(f"{path}: not a readable PDF ({exc})") from None


def _fast_pages(path: Path, diags: Diagnostics) -> Iterator[Page]:
    """pypdfium2 for page text; pdfplumber only for the pages with ruling lines."""
    pdf = open_pdfium(path)
    by_page: list[list[Row] | None] = []  # None: the page needs pdfplumber's table finder
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]  # loading can fail too: a broken page tree
            except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic
                page_failed(diags, index + 1, exc)
                by_page.append([])
                continue
            try:
                by_page.append(None if _pdfium_has_rules(page) else pdfium_rows(page))
            except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic
                page_failed(diags, index + 1, exc)
                by_page.append([])
            finally:
                page.close()
    finally:
        pdf.close()
    ruled = {n for n, rows in enumerate(by_page, start=1) if rows is None}
    tables = dict(_plumber_pages(path, ruled, diags)) if ruled else {}
    for number, rows in enumerate(by_page, start=1):
        yield number, rows if rows is not None else tables.get(number, [])


def _pdfium_has_rules(page: Any) -> bool:
    """Path objects (lines, boxes) on the page, but not so many that it is a drawing."""
    from pypdfium2 import raw

    paths = 0
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, k)) == raw.FPDF_PAGEOBJ_PATH:
            paths += 1
    return 0 < paths <= _MAX_RULING_PATHS


def pdfium_rows(page: Any) -> list[Row]:
    """One row per line of pdfium's text, in its order."""
    textpage = page.get_textpage()
    try:
        reader = _CharReader(textpage, page.get_height())
        text = textpage.get_text_range()
        direct = len(text) == textpage.count_chars()  # text index == char index (nearly always)
        rows: list[Row] = []
        start = 0
        for raw_line in text.split("\n"):
            line = raw_line.rstrip("\r")
            stripped = line.strip()
            if stripped:
                first = start + len(line) - len(line.lstrip())
                last = first + len(stripped) - 1
                if direct:
                    rows.extend(reader.visual_rows(stripped, first))
                else:
                    first, last = reader.char_index(first), reader.char_index(last)
                    rows.append(reader.row(stripped, first, last, cells=False))
            start += len(raw_line) + 1
        return rows
    finally:
        textpage.close()


class _CharReader:
    """pdfium's per-character calls for one text page, with reusable ctypes buffers."""

    def __init__(self, textpage: Any, height: float) -> None:
        from pypdfium2 import raw

        self.raw, self.tp, self.height = raw, textpage.raw, height
        self.rect = raw.FS_RECTF()
        self.matrix = raw.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.fonts: dict[int | None, tuple[bool, float]] = {}  # by text object

    def char_index(self, text_index: int) -> int:
        index = int(self.raw.FPDFText_GetCharIndexFromTextIndex(self.tp, text_index))
        return max(0, index)

    def box(self, index: int) -> tuple[float, float, float, float]:
        self.raw.FPDFText_GetLooseCharBox(self.tp, index, ctypes.byref(self.rect))
        r = self.rect
        return r.left, r.right, self.height - r.top, self.height - r.bottom

    def font(self, index: int) -> tuple[bool, float]:
        """Bold (weight or font name) and the size as printed: the font size times the text
        matrix's vertical scale (pdfium's font size alone ignores the matrix). One font and
        size per text object, so each object is asked once."""
        key = ctypes.cast(self.raw.FPDFText_GetTextObject(self.tp, index), ctypes.c_void_p).value
        if key is not None and key in self.fonts:
            return self.fonts[key]
        self.fonts[key] = found = self._font(index)
        return found

    def _font(self, index: int) -> tuple[bool, float]:
        raw = self.raw
        raw.FPDFText_GetFontInfo(self.tp, index, self.name, 128, ctypes.byref(self.flags))
        bold = _is_bold(
            self.name.value.decode("latin-1"), raw.FPDFText_GetFontWeight(self.tp, index)
        )
        raw.FPDFText_GetMatrix(self.tp, index, ctypes.byref(self.matrix))
        scale = math.hypot(self.matrix.c, self.matrix.d) or 1.0
        return bold, float(raw.FPDFText_GetFontSize(self.tp, index)) * scale

    def visual_rows(self, text: str, first: int) -> Iterator[Row]:
        """pdfium keeps a word hyphenated at a line end on one line of its text, marking the
        hyphen U+FFFE (026: "budget\ufffelægges"): split there, so each row is one visual
        line (its box, its pitch) and the paragraph rules rejoin the word."""
        start = 0
        while (mark := text.find("\ufffe", start)) > 0 and mark < len(text) - 1:
            yield self.row(text[start:mark] + "-", first + start, first + mark, cells=True)
            start = mark + 1
        yield self.row(text[start:], first + start, first + len(text) - 1, cells=True)

    def row(self, text: str, first: int, last: int, *, cells: bool) -> Row:
        x0, _, top0, bottom0 = self.box(first)
        _, x1, top1, bottom1 = self.box(last)
        samples = {first, (first + last) // 2, last}
        fonts = [self.font(k) for k in samples]
        size = max(size for _, size in fonts)
        starts: tuple[float, ...] = ()
        if cells and " " in text:
            text, starts = self.cell_breaks(text, first, size)
        return Row(
            text,
            x0,
            max(x0, x1),
            min(top0, top1),
            max(bottom0, bottom1),
            bold=all(bold for bold, _ in fonts),
            size=size,
            table="\t" in text,
            gapped="\t" in text,
            cell_starts=starts,
        )

    def cell_breaks(self, text: str, first: int, size: float) -> tuple[str, tuple[float, ...]]:
        """A space pdfium inserted (no space glyph in the PDF) over a gap wider than
        ``CELL_GAP`` type sizes separates two cells of an unruled table, or a TOC title from
        its page number: it becomes a TAB, as in the text of such a table."""
        generated, tp = self.raw.FPDFText_IsGenerated, self.tp
        chars: list[str] | None = None
        starts: list[float] = []
        k = text.find(" ", 1)
        while 0 < k < len(text) - 1:
            if generated(tp, first + k) == 1:
                start = self.box(first + k + 1)[0]
                if start - self.box(first + k - 1)[1] > CELL_GAP * size:
                    chars = chars or list(text)
                    chars[k] = "\t"
                    starts.append(start)
            k = text.find(" ", k + 1)
        return ("".join(chars) if chars else text), tuple(starts)


# --- pdfplumber ----------------------------------------------------------------------------------


def _open_plumber(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfError(f"{path}: encrypted PDF (password required)") from None
        raise PdfError(f"{path}: not a readable PDF ({type(cause).__name__})") from None
    except DeadlineError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for broken files
        raise PdfError(f"{path}: not a readable PDF ({type(exc).__name__})") from None


def _plumber_pages(path: Path, only: set[int] | None, diags: Diagnostics) -> Iterator[Page]:
    pdf = _open_plumber(path)
    try:
        for number, page in _load_plumber_pages(path, pdf, diags):
            if page is None or (only is not None and number not in only):
                yield number, []
                continue
            try:
                rows = plumber_rows(page)
            except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic
                page_failed(diags, number, exc)
                rows = []
            finally:
                page.close()  # frees the page's cached objects: memory stays flat
            yield number, rows
    finally:
        _close_plumber(pdf)


def _close_plumber(pdf: Any) -> None:
    """``pdf.close()`` walks ``pdf.pages`` (the whole page tree) again: this file's pages were
    built and closed one by one, so only the file is left to close."""
    pdf.flush_cache()
    if not pdf.stream_is_external:
        pdf.stream.close()


def _load_plumber_pages(path: Path, pdf: Any, diags: Diagnostics) -> Iterator[tuple[int, Any]]:
    """pdfplumber's pages one at a time, as ``pdf.pages`` builds them, but a page that cannot
    be built (a MediaBox that is not a rectangle) is ``None`` with a diagnostic instead of
    failing the document. A page tree pdfminer cannot walk (a 5,000-deep tree:
    ``RecursionError``) refuses the document when no page came before it."""
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page as PlumberPage

    tree = PDFPage.create_pages(pdf.doc)
    doctop = 0.0
    number = 0
    while True:
        try:
            raw = next(tree)
        except StopIteration:
            return
        except DeadlineError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken page tree
            if number == 0:
                raise PdfError(f"{path}: not a readable PDF ({type(exc).__name__})") from None
            page_failed(diags, number + 1, exc)
            yield number + 1, None
            return
        number += 1
        try:
            page = PlumberPage(pdf, raw, page_number=number, initial_doctop=doctop)
        except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic
            page_failed(diags, number, exc)
            yield number, None
            continue
        doctop += page.height
        yield number, page


def plumber_rows(page: Any) -> list[Row]:
    """Text rows outside tables in the PDF's text flow, and one tab-joined row per table row,
    placed before the first text row below the table's top."""
    tables = page.find_tables() if (page.lines or page.rects) else []
    outside = page
    table_rows: list[Row] = []
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
        table_rows.extend(_table_rows(table))
    words = outside.extract_words(use_text_flow=True, extra_attrs=["fontname", "size"])
    rows = _word_rows(words)
    for row in sorted(table_rows, key=lambda r: r.top, reverse=True):
        at = next((k for k, r in enumerate(rows) if r.top > row.top), len(rows))
        rows.insert(at, row)
    return rows


def _table_rows(table: Any) -> list[Row]:
    x0, top, x1, bottom = table.bbox
    cells = [[_cid(" ".join((c or "").split())) for c in row] for row in table.extract()]
    step = (bottom - top) / max(1, len(cells))
    return [
        Row("\t".join(row), x0, x1, top + k * step, top + (k + 1) * step, table=True)
        for k, row in enumerate(cells)
        if any(row)
    ]


def _word_rows(words: list[dict[str, Any]]) -> list[Row]:
    """Words in text-flow order into rows: a row ends where the flow moves to another line
    (down, up or back to the left)."""
    rows: list[Row] = []
    line: list[dict[str, Any]] = []
    for word in words:
        if line and _new_line(line[-1], word):
            rows.append(_row(line))
            line = []
        line.append(word)
    if line:
        rows.append(_row(line))
    return rows


def _new_line(last: dict[str, Any], word: dict[str, Any]) -> bool:
    height = max(1.0, float(last["bottom"]) - float(last["top"]))
    moved = abs(float(word["bottom"]) - float(last["bottom"])) > 0.5 * height
    return moved or float(word["x0"]) < float(last["x1"]) - 1


def _row(words: list[dict[str, Any]]) -> Row:
    size = max(float(w["size"]) for w in words)
    text = words[0]["text"]
    starts: list[float] = []
    for before, word in itertools.pairwise(words):  # a wide gap separates table cells
        wide = float(word["x0"]) - float(before["x1"]) > CELL_GAP * size
        text += ("\t" if wide else " ") + word["text"]
        if wide:
            starts.append(float(word["x0"]))
    return Row(
        _cid(text),
        float(words[0]["x0"]),
        float(words[-1]["x1"]),
        min(float(w["top"]) for w in words),
        max(float(w["bottom"]) for w in words),
        bold=all(_is_bold(w["fontname"], 0) for w in words),
        size=size,
        table="\t" in text,
        gapped="\t" in text,
        cell_starts=tuple(starts),
    )
