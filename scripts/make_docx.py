"""Build the DOCX fixtures (``make docx``): each seed as a Word file, plus one with revisions.

Each seed is written with python-docx as a secretariat writes it in Word: the first lines in
the "Title" style, item headings ("Punkt 3: …", "1. Velkommen …") in "Heading 1", block
headings (Resumé, Indstilling, Beslutning …) in "Heading 2", "- " runs in "List Bullet",
markdown bold as bold runs, adjacent lines as line breaks inside one paragraph, and TAB runs
as Word tables ("Table Grid", the header row bold and marked as a repeating header).
``revisions.docx`` is a short referat with a tracked insertion and deletion in its decision, a
comment, and agenda items numbered by Word itself ("List Number"). Output is byte-for-byte
reproducible: fixed document properties and zip timestamps. ``tests/test_docx.py`` checks each
gives its seed's facts, and that the committed files are this script's output.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_html import ITEM, is_block_heading  # what a heading is, for both generators

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "docx"

_BOLD = re.compile(r"\*\*(\S(?:[^*]*\S)?)\*\*")
_FIXED = dt.datetime(2024, 1, 1, 12, 0, 0)


def _add_runs(paragraph: Any, text: str) -> None:
    """Text with markdown bold as bold runs."""
    at = 0
    for match in _BOLD.finditer(text):
        if match.start() > at:
            paragraph.add_run(text[at : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        at = match.end()
    if at < len(text):
        paragraph.add_run(text[at:])


def _paragraph(document: Any, lines: list[str], style: str | None) -> None:
    paragraph = document.add_paragraph(style=style)
    for k, line in enumerate(lines):
        if k:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        _add_runs(paragraph, line)


def _table(document: Any, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    header = len(rows) > 2 and not any(ch.isdigit() for ch in "".join(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = True if header and r == 0 else None
    if header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))


def _groups(text: str) -> list[tuple[str, list[Any]]]:
    """Runs of the seed: ("table", rows) for TAB lines (one blank may separate rows), else
    ("lines", adjacent non-blank lines)."""
    lines = text.split("\n")
    out: list[tuple[str, list[Any]]] = []
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and (
                "\t" in lines[i]
                or (not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1])
            ):
                if lines[i].strip():
                    rows.append([c.strip() for c in lines[i].strip("\n").split("\t")])
                i += 1
            out.append(("table", rows))
            continue
        group = []
        while i < len(lines) and lines[i].strip() and "\t" not in lines[i]:
            group.append(lines[i].strip())
            i += 1
        if group:
            out.append(("lines", group))
        else:
            i += 1
    return out


def seed_document(text: str) -> Any:
    document = docx.Document()
    first = True
    for kind, content in _groups(text):
        if kind == "table":
            _table(document, content)
            continue
        lines: list[str] = content
        if first:
            _paragraph(document, lines, "Title")
            first = False
        elif all(ln.startswith("- ") or ln == "-" for ln in lines):
            for ln in lines:
                _paragraph(document, [ln[2:]], "List Bullet")
        elif len(lines) == 1 and ITEM.match(lines[0]):
            _paragraph(document, lines, "Heading 1")
        elif len(lines) == 1 and is_block_heading(lines[0]):
            _paragraph(document, lines, "Heading 2")
        else:
            _paragraph(document, lines, None)
    return document


def _revision(tag: str, text: str, *, deleted: bool = False) -> Any:
    """``<w:ins>``/``<w:del>`` holding one run: what Word writes with Track Changes on."""
    mark = OxmlElement(tag)
    mark.set(qn("w:id"), "1" if deleted else "2")
    mark.set(qn("w:author"), "Sekretariatet")
    mark.set(qn("w:date"), "2024-01-01T12:00:00Z")
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if deleted else "w:t")
    piece.set(qn("xml:space"), "preserve")
    piece.text = text
    run.append(piece)
    mark.append(run)
    return mark


def revisions_document() -> Any:
    document = docx.Document()
    document.add_paragraph("REFERAT Udvalget for Sundhed d. 05-06-2024", style="Title")
    document.add_paragraph("Mødedato Onsdag d. 5. juni 2024 kl. 10:00")
    document.add_paragraph("Godkendelse af dagsorden", style="List Number")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Dagsordenen blev godkendt.")
    document.add_paragraph("Budget for Kom Trygt Hjem", style="List Number")
    document.add_paragraph("Sagsfremstilling", style="Heading 2")
    noted = document.add_paragraph("Budgettet er 50.000 kr. for hele perioden.")
    document.add_comment(noted.runs, text="Husk at rette beløbet", author="Sekretariatet")
    document.add_paragraph("Beslutning", style="Heading 2")
    decision = document.add_paragraph()
    decision._p.append(_revision("w:del", "Sagen blev udsat.", deleted=True))
    decision._p.append(_revision("w:ins", "Budgettet blev godkendt."))
    return document


def save(document: Any, target: Path) -> None:
    """Save with fixed properties and zip timestamps, so the bytes never change."""
    props = document.core_properties
    props.author = props.last_modified_by = "referat fixtures"
    props.created = props.modified = _FIXED
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = source.read(info.filename)
            if info.filename == "word/comments.xml":  # the comment's date is the clock's
                data = re.sub(rb'w:date="[^"]*"', b'w:date="2024-01-01T12:00:00Z"', data)
            out.writestr(fixed, data)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        save(seed_document(seed.read_text(encoding="utf-8")), OUT / f"{seed.stem}.docx")
    save(revisions_document(), OUT / "revisions.docx")


if __name__ == "__main__":
    main()
