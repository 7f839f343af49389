"""PDF input: pages to the same ``Line``s the text pipeline reads, with page numbers.

Serves minutes published as PDFs (the seeds' originals): one paragraph a line (wrapped lines
are joined, words hyphenated at a line end are rejoined), a blank line between paragraphs
(from vertical gaps), running headers/footers removed by ``furniture.py``, and ruled tables (000
item 3's budget) emitted as tab-separated rows so ``tables.py`` reads them like text tables.

Engines: ``pdfplumber`` reads every page with pdfplumber; ``fast`` reads text with pypdfium2
and opens pdfplumber only on pages that have ruling lines (where a table can be). Both are
imported here, inside functions, so ``referat --help`` never pays for them.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..diagnostics import Diagnostics
from ..errors import PdfError
from ..lines import Line, join_wrapped
from .furniture import strip_page_furniture

Engine = Literal["fast", "pdfplumber"]
_SENTENCE_END = (".", ":", "!", "?", ";")


# pdfminer writes glyphs without a Unicode mapping as "(cid:N)"; 127 is the bullet of the
# standard fonts. Others are kept as printed (never dropped silently).
_CID_BULLET = "(cid:127)"


def _cid(text: str) -> str:
    return text.replace(_CID_BULLET, "•") if "(cid:" in text else text


@dataclass(frozen=True, slots=True)
class PdfText:
    lines: list[Line]
    pages: int


@dataclass(frozen=True, slots=True)
class _Row:
    """One visual line of a page: its text and vertical extent (PDF points, top-down)."""

    text: str
    top: float
    bottom: float


def read_pdf(path: Path, diags: Diagnostics, *, engine: Engine = "fast") -> PdfText:
    """Read a PDF into numbered ``Line``s; raise ``PdfError`` when it cannot be read at all."""
    with path.open("rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF-"):
            raise PdfError(f"{path}: not a PDF file (no %PDF- header)")
    pages: list[list[str]] = []
    for number, rows in _read_pages(path, engine, diags):
        paragraphs = _paragraphs(rows)
        if not paragraphs:
            diags.add_page("pdf-no-text-page", number)
        pages.append(paragraphs)
    if not any(pages):
        raise PdfError(f"{path}: no text layer (scanned pages?); OCR is not available")
    lines = _number(pages)
    return PdfText(strip_page_furniture(lines, diags), len(pages))


def _number(pages: list[list[str]]) -> list[Line]:
    """Paragraph lines with blank lines between them, numbered across the document."""
    lines: list[Line] = []
    for page_no, paragraphs in enumerate(pages, start=1):
        for k, text in enumerate(paragraphs):
            lines.append(Line(len(lines) + 1, text, page_no))
            following = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
            if not ("\t" in text and "\t" in following):  # table rows stay adjacent
                lines.append(Line(len(lines) + 1, "", page_no))
    return lines


# --- reading pages ---------------------------------------------------------------------------


def _read_pages(path: Path, engine: Engine, diags: Diagnostics) -> Iterator[tuple[int, list[_Row]]]:
    if engine == "pdfplumber":
        yield from _plumber_pages(path, None, diags)
        return
    yield from _fast_pages(path, diags)


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
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for broken files
        raise PdfError(f"{path}: not a readable PDF ({type(exc).__name__})") from None


def _plumber_pages(
    path: Path, only: set[int] | None, diags: Diagnostics
) -> Iterator[tuple[int, list[_Row]]]:
    pdf = _open_plumber(path)
    try:
        for index, page in enumerate(pdf.pages):
            number = index + 1
            if only is not None and number not in only:
                continue
            try:
                yield number, _plumber_rows(page)
            except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic; the rest are kept
                diags.add_page("pdf-page-failed", number, reason=type(exc).__name__)
                yield number, []
            finally:
                page.close()  # frees the page's cached objects: memory stays flat
    finally:
        pdf.close()


def _has_rules(page: Any) -> bool:
    return bool(page.lines or page.rects)


def _plumber_rows(page: Any) -> list[_Row]:
    """Text rows outside tables, plus one tab-joined row per table row, in reading order."""
    rows: list[_Row] = []
    tables = page.find_tables() if _has_rules(page) else []
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
        top, bottom = table.bbox[1], table.bbox[3]
        cells = [[_cid(" ".join((c or "").split())) for c in row] for row in table.extract()]
        step = (bottom - top) / max(1, len(cells))
        for k, row in enumerate(cells):
            if any(row):
                rows.append(_Row("\t".join(row), top + k * step, top + (k + 1) * step))
    for line in outside.extract_text_lines(return_chars=False):
        rows.append(_Row(_cid(line["text"]), float(line["top"]), float(line["bottom"])))
    return sorted(rows, key=lambda r: r.top)


def _fast_pages(path: Path, diags: Diagnostics) -> Iterator[tuple[int, list[_Row]]]:
    """pypdfium2 for page text; pdfplumber only for the pages with ruling lines."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).casefold():
            raise PdfError(f"{path}: encrypted PDF (password required)") from None
        raise PdfError(f"{path}: not a readable PDF ({exc})") from None
    by_page: list[list[_Row] | None] = []  # None: the page needs pdfplumber's table finder
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                by_page.append(None if _pdfium_has_rules(page) else _pdfium_rows(page))
            except Exception as exc:  # noqa: BLE001 - one bad page is a diagnostic; the rest are kept
                number = index + 1
                diags.add_page("pdf-page-failed", number, reason=type(exc).__name__)
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
    from pypdfium2 import raw

    return any(obj.type == raw.FPDF_PAGEOBJ_PATH for obj in page.get_objects(max_depth=1))


def _pdfium_rows(page: Any) -> list[_Row]:
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        rows: list[_Row] = []
        for k in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(k)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                rows.append(_Row(text, height - top, height - bottom))
        return _merge_segments(rows)
    finally:
        textpage.close()


def _merge_segments(rows: list[_Row]) -> list[_Row]:
    """pdfium gives text segments; those sharing a baseline are one visual line."""
    merged: list[_Row] = []
    for row in sorted(rows, key=lambda r: (round(r.top), r.bottom)):
        if merged and abs(merged[-1].top - row.top) < 2:
            last = merged[-1]
            merged[-1] = _Row(f"{last.text} {row.text}", last.top, max(last.bottom, row.bottom))
        else:
            merged.append(row)
    return merged


# --- rows to paragraphs ----------------------------------------------------------------------


def _paragraphs(rows: list[_Row]) -> list[str]:
    """Join rows into paragraphs: a gap wider than 1.5 line heights, a table row, or a short
    row that ends a sentence closes a paragraph."""
    if not rows:
        return []
    # Line height from text rows only: table rows are padded cells and would widen the gap
    # that separates a heading from the paragraph under it.
    text_rows = [r for r in rows if "\t" not in r.text] or rows
    height = statistics.median(max(1.0, r.bottom - r.top) for r in text_rows)
    paragraphs: list[str] = []
    current = ""
    previous: _Row | None = None
    for row in rows:
        text = " ".join(row.text.split())
        gap = row.top - previous.bottom if previous else 0.0
        breaks = previous is None or gap > 0.5 * height or "\t" in row.text or "\t" in previous.text
        if breaks or not current:
            if current:
                paragraphs.append(current)
            current = row.text if "\t" in row.text else text
        else:
            current = join_wrapped(current, text)
        previous = row
    if current:
        paragraphs.append(current)
    return paragraphs
