"""Build the office-suite PDF fixtures (``make office-pdfs``): seeds exported by LibreOffice.

Municipalities write minutes in a word processor and export PDFs; these fixtures are made
the same way, so the reader meets what such PDFs hold: kerned text positioned glyph by glyph,
subset TrueType fonts, a tagged PDF (structure tree), bold headings set straight above their
text, a running header and a "Side N af M" footer. Each seed is written as a flat ODF document
(or HTML) and converted by ``soffice --headless --convert-to pdf``:

- ``office-000.pdf``: seed 000, tagged PDF, justified body text, ruled tables;
- ``office-004-unruled.pdf``: seed 004, its TOC and tables without rulings;
- ``office-002-columns.pdf``: seed 002, the body in two columns;
- ``office-001-html.pdf``: seed 001 written as HTML and exported by LibreOffice's HTML import;
- ``scanned-000.pdf``: the first page of ``office-000.pdf`` as a 200 dpi black-and-white
  image, no text layer
  (for ``--ocr``).

An office suite's output is not byte-reproducible (it stamps dates and ids), so the tests check
the facts these PDFs give, not their bytes; rerun this only to change them. Needs LibreOffice
(Debian ``libreoffice-writer``), which CI does not need.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "pdf"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdfs import is_heading  # the reportlab fixtures' heading rule

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
_STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:text-align="justify"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt"
   style:font-kerning="true" fo:language="da" fo:country="DK"/>
 </style:style>
 <style:style style:name="Overskrift" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0cm" fo:text-align="start"
   fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Celletekst" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="start"/>
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="Kant" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Spalter" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="Tabel" style:family="table">
  <style:table-properties style:width="16.6cm" table:align="left"/>
 </style:style>
 <style:style style:name="Bred" style:family="table-column">
  <style:table-column-properties style:column-width="15.4cm"/>
 </style:style>
 <style:style style:name="Smal" style:family="table-column">
  <style:table-column-properties style:column-width="1.2cm"/>
 </style:style>
 <style:style style:name="Celle" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border="{border}"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="Kant">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Kant">Side <text:page-number text:select-page="current"/>
   af <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""


def blocks(text: str) -> list[tuple[str, object]]:
    """A seed as ("heading", line), ("para", line) and ("table", rows) blocks."""
    lines = text.split("\n")
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([c.strip() for c in lines[i].strip().split("\t")])
                i += 1
            out.append(("table", rows))
            continue
        line = lines[i].strip()
        if line:
            out.append(("heading" if is_heading(line) else "para", line))
        i += 1
    return out


def _cells(row: list[str], width: int) -> str:
    cells = [*row, *[""] * (width - len(row))]
    return "".join(
        '<table:table-cell table:style-name="Celle" office:value-type="string">'
        f'<text:p text:style-name="Celletekst">{escape(c)}</text:p></table:table-cell>'
        for c in cells
    )


def _columns(width: int) -> str:
    """A two-column table (a TOC) gets a wide first column, so its titles do not wrap."""
    if width == 2:
        return (
            '<table:table-column table:style-name="Bred"/>'
            '<table:table-column table:style-name="Smal"/>'
        )
    return f'<table:table-column table:number-columns-repeated="{width}"/>'


def fodt(text: str, *, columns: bool = False, ruled: bool = True) -> str:
    """The seed as a flat ODF text document."""
    body: list[str] = []
    for kind, value in blocks(text):
        if kind == "heading":
            body.append(
                f'<text:h text:style-name="Overskrift" text:outline-level="2">'
                f"{escape(str(value))}</text:h>"
            )
        elif kind == "para":
            body.append(f'<text:p text:style-name="Standard">{escape(str(value))}</text:p>')
        else:
            rows: list[list[str]] = value  # type: ignore[assignment]
            width = max(len(r) for r in rows)
            body.append(
                f'<table:table table:name="T{len(body)}" table:style-name="Tabel">'
                + _columns(width)
                + "".join(f"<table:table-row>{_cells(r, width)}</table:table-row>" for r in rows)
                + "</table:table>"
            )
    if columns:  # the header and the TOC stay full width; the items in two columns
        first = next(k for k, part in enumerate(body) if ">Punkt 1" in part)
        body = [*body[:first], '<text:section text:style-name="Spalter" text:name="S1">',
                *body[first:], "</text:section>"]  # fmt: skip
    header = next(line.strip() for line in text.split("\n") if line.strip())
    styles = _STYLES.format(
        header=escape(header), border="0.5pt solid #000000" if ruled else "none"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} office:version="1.3" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{styles}'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>"
    )


def html(text: str) -> str:
    """The seed as a web page (headings h2, ruled tables), as minutes are often published."""
    body: list[str] = []
    for kind, value in blocks(text):
        if kind == "heading":
            body.append(f"<h2>{escape(str(value))}</h2>")
        elif kind == "para":
            body.append(f"<p>{escape(str(value))}</p>")
        else:
            rows: list[list[str]] = value  # type: ignore[assignment]
            body.append(
                '<table border="1" cellspacing="0">'
                + "".join(
                    "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows
                )
                + "</table>"
            )
    return (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Referat</title>'
        "<style>body{font-family:'Liberation Serif';font-size:11pt} h2{font-size:13pt}</style>"
        f"</head><body>{''.join(body)}</body></html>"
    )


def export(source: Path, target: Path, *, tagged: bool = False) -> None:
    """``soffice --headless --convert-to pdf`` with a private profile (it runs as any user)."""
    options = {"UseTaggedPDF": {"type": "boolean", "value": "true" if tagged else "false"}}
    fmt = f"pdf:writer_pdf_Export:{json.dumps(options)}"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", fmt, "--outdir", str(source.parent), str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    shutil.move(source.with_suffix(".pdf"), target)


def scan(pdf: Path, target: Path, dpi: int = 200) -> None:
    """The first page of ``pdf`` as a black-and-white image (as archive scanners save them),
    in an image-only PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    image.point(lambda v: 255 if v > 160 else 0).convert("1").save(target, "PDF", resolution=dpi)


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("make_office_pdfs: needs LibreOffice (apt-get install libreoffice-writer)")
    seeds = {p.stem[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs = [
            ("000", "office-000", {"columns": False, "ruled": True}, True),
            ("004", "office-004-unruled", {"columns": False, "ruled": False}, False),
            ("002", "office-002-columns", {"columns": True, "ruled": True}, False),
        ]
        for seed, name, options, tagged in jobs:
            source = work / f"{name}.fodt"
            source.write_text(fodt(seeds[seed].read_text(encoding="utf-8"), **options),  # type: ignore[arg-type]
                              encoding="utf-8")  # fmt: skip
            export(source, OUT / f"{name}.pdf", tagged=tagged)
        page = work / "office-001-html.html"
        page.write_text(html(seeds["001"].read_text(encoding="utf-8")), encoding="utf-8")
        export(page, OUT / "office-001-html.pdf")
        scan(OUT / "office-000.pdf", OUT / "scanned-000.pdf")


if __name__ == "__main__":
    main()
