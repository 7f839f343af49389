"""``--ocr`` (issue 16): a scanned page (``fixtures/pdf/scanned-000.pdf``, page 1 of
``office-000.pdf`` as a 200 dpi black-and-white image) read by Tesseract's Danish model
gives the seed's facts for that page. Without ``--ocr``, or without the extra or Tesseract, a
scan is refused in one line that says how to enable OCR. CI installs Tesseract and sets
``REFERAT_REQUIRE_OCR=1``, so there the OCR tests fail instead of skipping."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from referat_parser import parse_file
from referat_parser.cli import app
from referat_parser.errors import PdfError
from referat_parser.models import Document
from referat_parser.read import ocr

SCAN = ROOT / "fixtures" / "pdf" / "scanned-000.pdf"
SEED = ROOT / "fixtures" / "seeds" / "000_82c72205aff1f9b0.txt"
REQUIRE_OCR = "REFERAT_REQUIRE_OCR"
pytestmark = pytest.mark.timeout(300)  # Tesseract takes seconds a page on a busy machine


@pytest.fixture(scope="module")
def tesseract() -> None:
    why = ocr.unavailable()
    if why is None:
        return
    if os.environ.get(REQUIRE_OCR) == "1":
        pytest.fail(f"{why} ({REQUIRE_OCR}=1)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def scanned(tesseract: None) -> Document:
    return parse_file(SCAN, ocr=True)


def test_a_scan_without_ocr_is_refused_with_the_way_to_enable_it() -> None:
    with pytest.raises(PdfError, match=r"no text layer \(scanned pages\?\).*--ocr"):
        parse_file(SCAN)


def test_without_the_extra_the_refusal_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr, "unavailable", lambda: f"OCR is not available: {ocr.ENABLE_HINT}")
    with pytest.raises(PdfError) as caught:
        parse_file(SCAN, ocr=True)
    message = str(caught.value)
    assert message.startswith(f"{SCAN}: no text layer (scanned pages?); OCR is not available")
    assert "pip install 'referat-parser[ocr]'" in message and "tesseract-ocr-dan" in message


def test_ocr_gives_the_seed_facts_of_the_page(scanned: Document) -> None:
    seed = parse_file(SEED)
    assert (scanned.kind, scanned.title, scanned.body, scanned.date) == (
        seed.kind,
        seed.title,
        seed.body,
        seed.date,
    )
    assert [it.number for it in scanned.items] == [1, 2]
    assert scanned.items[1].title == seed.items[1].title == "Temadrøftelse om akutområdet"
    first, printed = scanned.items[0], seed.items[0]
    assert {"resume", "indstilling", "beslutning"} <= {b.kind for b in first.blocks}
    assert first.decision is not None and printed.decision is not None
    assert first.decision.text == printed.decision.text  # "Bo Libergren bød velkommen til mødet."
    assert first.decision.outcome == printed.decision.outcome
    assert first.absent == printed.absent == ["Stephanie Lose"]
    assert all(it.page == 1 for it in scanned.items)


def test_each_ocr_page_has_its_confidence(scanned: Document) -> None:
    [used] = [d for d in scanned.diagnostics if d.code == "ocr-used"]
    assert used.page == 1 and used.severity == "info"
    found = re.search(r"mean word confidence (\d+)%", used.message)
    assert found is not None and 80 <= int(found.group(1)) <= 100
    assert "pdf-no-text-page" not in [d.code for d in scanned.diagnostics]


def test_ocr_on_the_command_line_and_in_batch(tesseract: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["parse", "--ocr", "--compact", str(SCAN)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["items"][1]["title"] == "Temadrøftelse om akutområdet"
    archive = tmp_path / "arkiv"
    archive.mkdir()
    (archive / "scan.pdf").write_bytes(SCAN.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(archive), "-o", str(out), "--ocr", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    [report] = [json.loads(line) for line in (out / "_report.jsonl").read_text().splitlines()]
    assert report["status"] in ("ok", "warnings")  # parsed, by OCR
    doc = json.loads((out / "scan.pdf.json").read_text())
    assert "ocr-used" in [d["code"] for d in doc["diagnostics"]]
