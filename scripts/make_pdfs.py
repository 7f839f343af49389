"""Build the PDF fixtures (``make pdfs``): the seeds laid out as minutes are, plus bad PDFs.

Each seed becomes an A4 PDF with a running header (the document's first line), a footer
"Side N af M", bold headings, indented lines as indented body text (list items), paragraphs
wrapped to the page width (the reader must re-join them), and every tab-separated table drawn
as a ruled table (000 item 3's budget). Also:
``multipage-table.pdf`` (an item and a ruled table crossing a page break), ``encrypted.pdf``,
``truncated.pdf``, ``not-a-pdf.pdf`` and ``scanned.pdf`` (a drawing, no text layer).
Output is byte-for-byte reproducible (reportlab's invariant mode).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # fixed dates and ids: reproducible bytes

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "pdf"
STYLES = getSampleStyleSheet()
BODY = STYLES["BodyText"]
HEADING = STYLES["Heading4"]
INDENTED = ParagraphStyle("Indented", parent=BODY, leftIndent=6 * mm)


class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]
    """Two passes so the footer can say "Side N af M"."""

    header = ""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, object]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.drawString(20 * mm, A4[1] - 12 * mm, self.header)
            self.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Side {self._pageNumber} af {total}")
            super().showPage()
        super().save()


def is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and not line.endswith((".", ",", ":")) and len(line) < 90


def _table(rows: list[list[str]]) -> Table:
    cells = [[Paragraph(escape(c), BODY) for c in row] for row in rows]
    table = Table(cells, repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    return table


def flowables(text: str) -> list[object]:
    lines = text.split("\n")
    out: list[object] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([c.strip() for c in lines[i].strip().split("\t")])
                i += 1
            if len(rows) >= 2 and len({len(r) for r in rows}) == 1:
                out.append(_table(rows))  # tables are ruled, as in the originals
            else:
                out.extend(Paragraph(escape(" ".join(r)), BODY) for r in rows)
            continue
        if line:
            indented = lines[i][:1].isspace()  # a list item ("  5. Der arbejdes …"), not a heading
            style = INDENTED if indented else HEADING if is_heading(line) else BODY
            out.append(Paragraph(escape(line), style))
        else:
            out.append(Spacer(1, 2 * mm))
        i += 1
    return out


def build(target: Path, story: list[object], header: str, **kwargs: object) -> None:
    _NumberedCanvas.header = header
    doc = SimpleDocTemplate(
        str(target), pagesize=A4, topMargin=20 * mm, bottomMargin=20 * mm, **kwargs
    )
    doc.build(story, canvasmaker=_NumberedCanvas)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        header = next(line.strip() for line in text.split("\n") if line.strip())
        build(OUT / f"{seed.stem}.pdf", flowables(text), header)
    budget = (
        [["Aktivitet", "Udgifter kommuner", "Udgifter region"]]
        + [
            [
                f"Post {n}",
                f"{n * 1000:,} kr.".replace(",", "."),
                f"{n * 500:,} kr.".replace(",", "."),
            ]
            for n in range(1, 41)
        ]
        + [
            [
                "I alt",
                f"{sum(range(1, 41)) * 1000:,} kr.".replace(",", "."),
                f"{sum(range(1, 41)) * 500:,} kr.".replace(",", "."),
            ]
        ]
    )
    filler = [
        Paragraph("Indledende tekst om budgettet for projektet. " * 6, BODY) for _ in range(8)
    ]
    story = [Paragraph("REFERAT Budgetudvalget d. 01-02-2025", BODY),
             Paragraph("Punkt 1: Budget over to sider", HEADING), Paragraph("24/100", BODY),
             Paragraph("Sagsfremstilling", HEADING), *filler, _table(budget),
             Paragraph("Beslutning", HEADING), Paragraph("Budgettet blev godkendt.", BODY)]  # fmt: skip
    build(OUT / "multipage-table.pdf", story, "REFERAT Budgetudvalget")
    build(OUT / "encrypted.pdf", [Paragraph("Hemmeligt referat.", BODY)], "x",
          encrypt=StandardEncryption("secret", canPrint=0))  # fmt: skip
    whole = (OUT / f"{min(SEEDS.glob('*.txt')).stem}.pdf").read_bytes()
    (OUT / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (OUT / "not-a-pdf.pdf").write_bytes(b"REFERAT this is plain text with a .pdf name\n")
    scan = pdfcanvas.Canvas(str(OUT / "scanned.pdf"), pagesize=A4)
    scan.rect(50, 50, 400, 600, fill=1)  # a "scanned" page: marks but no text layer
    scan.showPage()
    scan.save()


if __name__ == "__main__":
    main()
