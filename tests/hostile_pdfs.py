"""Hostile and malformed PDFs, made at test time (issue 20, items 1 and 6).

- ``heavy_text``: pages of hundreds of thousands of tiny glyphs, a few KB compressed: each page
  keeps pdfium busy inside one C call for seconds;
- ``vector_paths``: pages of hundreds of thousands of path segments (a drawing, not a table);
- ``page_tree_cycle``, ``deep_page_tree``, ``bad_mediabox``: broken page trees and boxes,
  written by hand (no writer makes them), each a complete file with a correct xref table.
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config

from conftest import load_script

rl_config.invariant = 1

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as pdfcanvas


def _pages(target: Path, pages: int, body: str) -> Path:
    pdf = pdfcanvas.Canvas(str(target), pagesize=A4, pageCompression=1)
    for _ in range(pages):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(72, 800, "Punkt 1: Tung side")
        pdf.addLiteral(body)
        pdf.showPage()
    pdf.save()
    return target


def heavy_text(target: Path, pages: int = 6, glyphs: int = 150_000) -> Path:
    """Each page: one text object of ``glyphs`` tiny strings."""
    body = "BT /F1 2 Tf 72 700 Td " + "(ab) Tj 0.001 0 Td " * glyphs + "ET"
    return _pages(target, pages, body)


def vector_paths(target: Path, pages: int = 6, segments: int = 200_000) -> Path:
    """Each page: ``segments`` stroked line segments."""
    body = "0.1 w " + "72 72 m 500 700 l S " * segments
    return _pages(target, pages, body)


def _write(target: Path, objects: list[bytes]) -> Path:
    """A PDF of these numbered objects (1 = the catalog), with its xref table."""
    target.write_bytes(load_script("hostile").pdf_file(objects))
    return target


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _content(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


def _page(parent: int, contents: int, font: int, box: bytes = b"[0 0 595 842]") -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, box, contents, font)
    )


def page_tree_cycle(target: Path) -> Path:
    """A page tree whose second node lists the root as its kid: a cycle."""
    return _write(
        target,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            _page(2, 5, 6),
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            _content("Punkt 1: Godkendelse af dagsorden"),
            _FONT,
        ],
    )


def deep_page_tree(target: Path, depth: int = 5_000, *, good_first_page: bool = False) -> Path:
    """One page at the bottom of ``depth`` nested page-tree nodes (after a normal page)."""
    # objects: 1 catalog, 2 root, 3 .. depth+1 the nested nodes, then the deep page, its
    # content, the font, and the good page with its content
    deep, content, font, good = depth + 2, depth + 3, depth + 4, depth + 5
    kids = b"[%d 0 R 3 0 R]" % good if good_first_page else b"[3 0 R]"
    root = b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, 2 if good_first_page else 1)
    nodes = [
        b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (k - 1, k + 1)
        for k in range(3, depth + 2)
    ]
    pages = [_page(depth + 1, content, font), _content("Dybt referat"), _FONT]
    if good_first_page:
        pages += [_page(2, good + 1, font), _content("Punkt 1: Godkendelse af dagsorden")]
    assert len(nodes) + 2 + 1 == deep
    return _write(target, [b"<< /Type /Catalog /Pages 2 0 R >>", root, *nodes, *pages])


def bad_mediabox(target: Path) -> Path:
    """Two pages; the first has a MediaBox that is not a rectangle."""
    return _write(
        target,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            _page(2, 5, 6, box=b"[0 0 /Broken]"),
            _page(2, 5, 6),
            _content("Punkt 1: Godkendelse af dagsorden"),
            _FONT,
        ],
    )
