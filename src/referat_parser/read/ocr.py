"""OCR for scanned PDF pages (``--ocr``): page images to the same ``Row``s a text layer gives.

Serves archives of scanned minutes: a page with no text layer is rendered with pypdfium2 (300
dpi, grey) and read by Tesseract with its Danish model through ``pytesseract``; each line
Tesseract finds ("Punkt 1: Godkendelse af dagsorden", with its box) becomes a ``Row``, so the
paragraph rules in ``pdf_rows.py`` join it like printed text. Each page read this way gets an
``ocr-used`` diagnostic with the mean word confidence. Optional: ``pip install
'referat-parser[ocr]'`` plus the ``tesseract-ocr`` and ``tesseract-ocr-dan`` packages; without
them ``unavailable()`` says what is missing and a scan is refused as before.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostics
from .pdf_rows import Row

LANGUAGE = "dan"
DPI = 300
_POINTS = 72 / DPI  # one image pixel in PDF points
_THREADS = "OMP_THREAD_LIMIT"
ENABLE_HINT = (
    "pip install 'referat-parser[ocr]' and install Tesseract with the Danish model "
    "(Debian: apt-get install tesseract-ocr tesseract-ocr-dan)"
)


def unavailable() -> str | None:
    """Why OCR cannot run here, or ``None`` when it can."""
    try:
        import pytesseract
    except ImportError:
        return f"OCR is not available: {ENABLE_HINT}"
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return f"OCR is not available (no tesseract program): {ENABLE_HINT}"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception:  # noqa: BLE001 - a broken install is "not available", with the hint
        return f"OCR is not available (tesseract does not run): {ENABLE_HINT}"
    if LANGUAGE not in languages:
        return f"OCR is not available (no Danish model for tesseract): {ENABLE_HINT}"
    return None


def ocr_pages(
    path: Path, numbers: list[int], diags: Diagnostics
) -> Iterator[tuple[int, list[Row]]]:
    """Rows for the pages ``numbers`` (1-based) of ``path``, read by OCR."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            finally:
                page.close()
            rows, confidence = image_rows(image)
            if rows:
                diags.add_page("ocr-used", number, confidence=confidence)
            yield number, rows
    finally:
        pdf.close()


def image_rows(image: Any) -> tuple[list[Row], int]:
    """Tesseract's lines of one page image as rows (PDF points), and the mean confidence."""
    import pytesseract

    with _one_thread():
        data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[int]] = {}
    for k, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][k]) >= 0:
            key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
            lines.setdefault(key, []).append(k)
    rows = [_row(data, words) for words in lines.values()]
    confs = [float(data["conf"][k]) for words in lines.values() for k in words]
    return rows, round(sum(confs) / len(confs)) if confs else 0


@contextmanager
def _one_thread() -> Iterator[None]:
    """Tesseract's OpenMP threads cost more than they give on shared cores (one page: 20 s
    with them, 4 s without, on the 2-core development machine); batch runs files in parallel
    instead. A setting the caller made is kept."""
    before = os.environ.get(_THREADS)
    os.environ.setdefault(_THREADS, "1")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(_THREADS, None)


def _row(data: dict[str, list[Any]], words: list[int]) -> Row:
    left = min(data["left"][k] for k in words)
    right = max(data["left"][k] + data["width"][k] for k in words)
    top = min(data["top"][k] for k in words)
    bottom = max(data["top"][k] + data["height"][k] for k in words)
    text = " ".join(data["text"][k].strip() for k in words)
    return Row(text, left * _POINTS, right * _POINTS, top * _POINTS, bottom * _POINTS)
