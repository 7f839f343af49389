"""PDF input (issue 5): each seed's PDF gives the same facts as its text, with pages.

The PDFs under fixtures/pdf/ are made by ``scripts/make_pdfs.py`` (A4, running header,
"Side N af M" footer, 000 item 3's budget as a ruled table, a table across a page break).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS, load_script
from facts import facts
from referat_parser import parse_file
from referat_parser.cli import app
from referat_parser.errors import PdfError
from referat_parser.models import Document

PDFS = ROOT / "fixtures" / "pdf"
SEED_NAMES = [p.stem for p in SEEDS]
SEED_DIR = ROOT / "fixtures" / "seeds"
ENGINES = ["fast", "pdfplumber"]


@pytest.fixture(scope="module")
def text_facts() -> dict[str, dict[str, Any]]:
    return {name: facts(parse_file(SEED_DIR / f"{name}.txt")) for name in SEED_NAMES}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_pdf_gives_the_text_facts(
    name: str, engine: str, text_facts: dict[str, dict[str, Any]]
) -> None:
    doc = parse_file(PDFS / f"{name}.pdf", engine=engine)  # type: ignore[arg-type]
    assert doc.source.format == "pdf"
    assert doc.source.pages is not None and doc.source.pages >= 1
    got, want = facts(doc), text_facts[name]
    for key in want:  # field by field, so a failure names the field
        assert got[key] == want[key], key


def test_pdf_carries_pages_on_items_blocks_tables_and_rows() -> None:
    doc = parse_file(PDFS / f"{SEED_NAMES[0]}.pdf")
    assert doc.source.pages is not None and doc.source.pages > 1
    pages = [it.page for it in doc.items]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] > 1
    assert all(b.page is not None for it in doc.items for b in it.blocks)
    budget = doc.items[2].tables[0]
    assert budget.page is not None and budget.total is not None
    assert [str(v) for v in budget.total.values] == ["1293000", "581400"]
    assert budget.totals_ok is True


def test_running_header_and_footer_are_removed() -> None:
    doc = parse_file(PDFS / f"{SEED_NAMES[0]}.pdf")
    codes = [d.code for d in doc.diagnostics]
    assert "page-furniture-removed" in codes
    everything = " ".join(b.text for it in doc.items for b in it.blocks)
    assert "Side 2 af" not in everything


@pytest.mark.parametrize("engine", ENGINES)
def test_item_and_table_across_a_page_break(engine: str) -> None:
    doc = parse_file(PDFS / "multipage-table.pdf", engine=engine)  # type: ignore[arg-type]
    [item] = doc.items
    assert [b.kind for b in item.blocks] == ["sagsfremstilling", "beslutning"]
    assert item.decision is not None and item.decision.outcome == "godkendt"
    [table] = item.tables  # one table, not two halves
    assert table.columns == ["Aktivitet", "Udgifter kommuner", "Udgifter region"]
    assert len(table.rows) == 40 and table.rows[0].label == "Post 1"
    assert table.total is not None and table.total.page == 2 and table.rows[0].page == 1
    assert [str(v) for v in table.computed_totals] == ["820000", "410000"]
    assert table.totals_ok is True
    assert "table-continued" in [d.code for d in doc.diagnostics]
    assert not [d for d in doc.diagnostics if d.severity != "info"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("encrypted.pdf", "encrypted PDF (password required)"),
        ("truncated.pdf", "not a readable PDF"),
        ("not-a-pdf.pdf", "not a PDF file"),
        ("scanned.pdf", "no text layer (scanned pages?); use --ocr to read it by OCR"),
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_bad_pdfs_raise_one_clear_error(name: str, message: str, engine: str) -> None:
    with pytest.raises(PdfError, match=re.escape(message)):
        parse_file(PDFS / name, engine=engine)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["encrypted.pdf", "truncated.pdf", "not-a-pdf.pdf", "scanned.pdf"])
def test_bad_pdfs_on_the_command_line(name: str) -> None:
    result = CliRunner().invoke(app, ["parse", str(PDFS / name)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("referat: error: ")
    assert name in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_good_and_bad_pdf_together_keep_the_good_one() -> None:
    good = str(PDFS / f"{SEED_NAMES[1]}.pdf")
    result = CliRunner().invoke(app, ["parse", good, str(PDFS / "encrypted.pdf")])
    assert result.exit_code == 1
    assert result.stdout.count("\n") == 1 and '"format":"pdf"' in result.stdout


def test_pdf_fixtures_are_the_ones_the_script_makes(tmp_path: Path) -> None:
    """The script is deterministic; the committed PDFs are its output (rerun `make pdfs`)."""
    module = load_script("make_pdfs")
    module.OUT = tmp_path
    module.main()
    for made in sorted(tmp_path.glob("*.pdf")):
        assert made.read_bytes() == (PDFS / made.name).read_bytes(), made.name


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_on_stdin_is_parsed_as_a_pdf(engine: str) -> None:
    """`referat parse - < x.pdf` once read the bytes as cp1252 text and exited 0."""
    data = (PDFS / f"{SEED_NAMES[0]}.pdf").read_bytes()
    result = CliRunner().invoke(app, ["parse", "--engine", engine, "-"], input=data)
    assert result.exit_code == 0, result.stderr
    from_file = parse_file(PDFS / f"{SEED_NAMES[0]}.pdf", engine=engine)  # type: ignore[arg-type]
    doc = Document.model_validate_json(result.stdout)
    assert doc.source.format == "pdf" and doc.source.path is None
    assert doc.source.sha256 == from_file.source.sha256 and doc.source.encoding is None
    assert facts(doc) == facts(from_file)


def test_a_bad_pdf_on_stdin_names_stdin() -> None:
    data = (PDFS / "truncated.pdf").read_bytes()
    result = CliRunner().invoke(app, ["parse", "-"], input=data)
    assert result.exit_code == 1
    assert result.stderr.startswith("referat: error: -: not a readable PDF")
    assert "referat-" not in result.stderr  # the temporary file is not named
