"""PDF input: pages to the same ``Line``s the text pipeline reads, with pages and ``LineStyle``.

Serves minutes published as PDFs: the publishing systems' output (026, Aarhus Byråd, FirstAgenda
with ABCpdf: bold headings set straight above their text), office suites' exports (kerned,
subset fonts, tagged, two columns) and the reportlab seed PDFs (000 item 3's budget as a
ruled table). The flow: ``pdf_pages`` reads each page's rows with the chosen engine (``fast``:
pypdfium2, pdfplumber only for ruled tables; ``pdfplumber``: every page), ``ocr`` reads pages
without a text layer when asked, ``pdf_rows`` joins rows into one paragraph a line with its
style, and ``furniture.py`` removes running headers and footers.

``isolate=True`` (the CLI) reads the pages in a child process that the ``--timeout`` deadline
can kill, whatever C call it is in; the library call reads in-process. Third-party warnings
(pdfminer's logging, Python warnings) are silenced: what matters becomes a diagnostic.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostics
from ..errors import PdfError
from ..lines import Line
from ..models import Diagnostic
from . import ocr as ocr_reader
from .child import ChildDiedError, run_killable
from .furniture import strip_page_furniture
from .pdf_pages import Engine, read_pages
from .pdf_rows import Paragraph, leading, number_lines, paragraphs

__all__ = ["Engine", "PdfText", "is_pdf", "read_pdf"]
_NOISY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2")


@dataclass(frozen=True, slots=True)
class PdfText:
    lines: list[Line]
    pages: int


def is_pdf(data: bytes) -> bool:
    """A PDF's first bytes: ``%PDF-`` (after any leading whitespace, as readers allow)."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def read_pdf(
    path: Path,
    diags: Diagnostics,
    *,
    engine: Engine = "fast",
    ocr: bool = False,
    isolate: bool = False,
) -> PdfText:
    """Read a PDF into numbered ``Line``s; raise ``PdfError`` when it cannot be read at all."""
    with path.open("rb") as fh:
        if not is_pdf(fh.read(1024)):
            raise PdfError(f"{path}: not a PDF file (no %PDF- header)")
    try:
        pages, found = (
            run_killable(lambda: _read(path, engine, ocr)) if isolate else _read(path, engine, ocr)
        )
    except ChildDiedError as exc:
        raise PdfError(f"{path}: not a readable PDF (the PDF reader died: {exc})") from None
    diags.items.extend(found)
    if not any(pages):
        failed = [d for d in found if d.code == "pdf-page-failed"]
        if not pages or len(failed) == len(pages):
            why = failed[0].message if failed else "it has no pages"
            raise PdfError(f"{path}: not a readable PDF (no page could be read; {why})")
        raise PdfError(f"{path}: no text layer (scanned pages?); {_no_text_hint(ocr)}")
    return PdfText(strip_page_furniture(number_lines(pages), diags), len(pages))


def _no_text_hint(ocr: bool) -> str:
    if not ocr:
        return "use --ocr to read it by OCR (needs the ocr extra and Tesseract)"
    return ocr_reader.unavailable() or "OCR found no text either"


def _read(path: Path, engine: Engine, ocr: bool) -> tuple[list[list[Paragraph]], list[Diagnostic]]:
    """Each page's paragraphs, and the diagnostics of reading them (plain data: it may cross
    a pipe from the child process)."""
    diags = Diagnostics()
    with _quiet_libraries():
        rows = [page for _, page in read_pages(path, engine, diags)]
        empty = [n for n, page in enumerate(rows, start=1) if not page]
        if empty and ocr and ocr_reader.unavailable() is None:
            for number, page in ocr_reader.ocr_pages(path, empty, diags):
                rows[number - 1] = page
        pitch = leading(rows)
        pages = [paragraphs(page, pitch) for page in rows]
        failed = {d.page for d in diags.items if d.code == "pdf-page-failed"}
        for number, paras in enumerate(pages, start=1):
            if not paras and number not in failed:
                diags.add_page("pdf-no-text-page", number)
    return pages, diags.items


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """pdfminer logs every repaired object ("Cannot set gray non-stroke color"), and Python's
    last-resort handler would print those lines on stderr: keep them, and warnings, quiet."""
    for name in _NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
