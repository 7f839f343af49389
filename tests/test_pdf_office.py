"""PDFs made the way municipalities make them (issue 16): seeds exported by LibreOffice
(``scripts/make_office_pdfs.py``; committed, since an office suite's bytes are not
reproducible). Each gives its seed's facts with both engines: kerned glyph-by-glyph text,
subset fonts, a tagged PDF, bold headings straight above their text, two columns, a TOC without
rulings, a document that went through LibreOffice's HTML import."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ROOT
from facts import facts
from referat_parser import parse_file

PDFS = ROOT / "fixtures" / "pdf"
SEEDS = ROOT / "fixtures" / "seeds"
FIXTURES = {
    "office-000": "000_82c72205aff1f9b0",
    "office-004-unruled": "004_5bb85d5469257d23",
    "office-002-columns": "002_0f329730a7ea2926",
    "office-001-html": "001_c88930ea668703fb",
}
ENGINES = ["fast", "pdfplumber"]


def _facts(name: str, engine: str) -> dict[str, Any]:
    return facts(parse_file(PDFS / f"{name}.pdf", engine=engine))  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_office_pdf_gives_its_seed_facts(name: str, engine: str) -> None:
    got = _facts(name, engine)
    want = facts(parse_file(SEEDS / f"{FIXTURES[name]}.txt"))
    for key in want:  # field by field, item by item, so a failure names what differs
        if key == "items":
            assert len(got[key]) == len(want[key])
            for mine, theirs in zip(got[key], want[key]):
                for field in theirs:
                    assert mine[field] == theirs[field], (theirs["number"], field)
        else:
            assert got[key] == want[key], key


def test_the_fixtures_hold_what_real_office_pdfs_hold() -> None:
    """Not a reportlab look-alike: subset TrueType fonts, kerned TJ arrays, a structure tree,
    a TOC with no ruling lines, a page in two columns."""
    import re

    import pdfplumber
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with (PDFS / "office-000.pdf").open("rb") as fh:
        assert "StructTreeRoot" in PDFDocument(PDFParser(fh)).catalog  # tagged
    with pdfplumber.open(PDFS / "office-000.pdf") as pdf:
        page = pdf.pages[0]
        assert all(re.match(r"^[A-Z]{6}\+Liberation", c["fontname"]) for c in page.chars)
        stream = b"".join(part.get_data() for part in page.page_obj.contents)
        assert re.search(rb"\[[^\]]*[>)]-?\d+[<(][^\]]*\]\s*TJ", stream)  # kerned runs
    with pdfplumber.open(PDFS / "office-004-unruled.pdf") as pdf:
        assert not pdf.pages[0].lines and not pdf.pages[0].rects  # its TOC has no rulings
    with pdfplumber.open(PDFS / "office-002-columns.pdf") as pdf:
        starts = {round(w["x0"]) for w in pdf.pages[1].extract_words()}
        assert min(starts) < 100 and any(300 < x < 320 for x in starts)  # two columns
