"""Which reader an input gets (``read/sniff.py``), and ``referat batch`` over a folder of every
format: .html, .htm and .docx are inputs like .txt and .pdf, other types are named."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from referat_parser.read import sniff

REFERAT = str(Path(sys.executable).parent / "referat")
FIXTURES = ROOT / "fixtures"


@pytest.mark.parametrize(
    ("data", "name", "content_type", "expected"),
    [
        (b"%PDF-1.7 ...", "referat.txt", None, "pdf"),  # the bytes win over the name
        (b"  <!DOCTYPE html><html><p>x", None, None, "html"),
        (b"\xef\xbb\xbf<html lang='da'>", None, None, "html"),
        (b"<!-- gemt fra portalen --><html>", None, None, "html"),
        (b"<ul style='x'>Punkt 1: Godkendelse", None, None, "text"),  # a fragment in text
        (b"<p>Punkt 1</p>", "side.htm", None, "html"),
        (b"REFERAT", "referat.HTML", None, "html"),
        (b"REFERAT", "referat.pdf", None, "pdf"),  # the PDF reader says "not a PDF file"
        (b"REFERAT", "referat.docx", None, "docx"),
        (b"REFERAT", "referat", None, "text"),
        (b"<p>x</p>", None, "text/html; charset=utf-8", "html"),
        (b"x", None, "application/pdf", "pdf"),
        (b"x", None, "application/octet-stream", "text"),
    ],
)
def test_detect(data: bytes, name: str | None, content_type: str | None, expected: str) -> None:
    assert sniff.detect(data, name=name, content_type=content_type) == expected


def test_word_files_are_told_by_their_zip_contents() -> None:
    word = (FIXTURES / "docx" / f"{SEEDS[0].stem}.docx").read_bytes()
    assert sniff.detect(word) == "docx" and sniff.detect(word, name="x.txt") == "docx"
    assert sniff.by_content(b"PK\x03\x04 not really a zip") is None


def test_content_type_parts() -> None:
    assert sniff.media_type("Text/HTML; charset=UTF-8") == "text/html"
    assert sniff.charset('text/html; charset="ISO-8859-1"') == "ISO-8859-1"
    assert sniff.charset("text/html") is None


def test_batch_reads_every_format_and_names_the_other_types(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(SEEDS[0], archive / SEEDS[0].name)
    shutil.copy(FIXTURES / "html" / f"{SEEDS[1].stem}.html", archive / "side.html")
    shutil.copy(FIXTURES / "html" / f"{SEEDS[3].stem}.html", archive / "gammel.htm")
    shutil.copy(FIXTURES / "docx" / f"{SEEDS[2].stem}.docx", archive / "dagsorden.docx")
    for other in ("budget.xlsx", "mail.msg", "noter.xlsx", ".skjult.xlsx"):
        (archive / other).write_bytes(b"not minutes")
    out = tmp_path / "out"
    result = subprocess.run(
        [REFERAT, "batch", str(archive), "-o", str(out), "--jobs", "1"],
        capture_output=True, text=True, check=False, timeout=300,
        env={k: v for k, v in os.environ.items() if k != "REFERAT_TEST_FAULTS"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = [json.loads(line) for line in (out / "_report.jsonl").read_text().splitlines()]
    assert sorted(Path(r["path"]).name for r in report) == sorted(
        [SEEDS[0].name, "side.html", "gammel.htm", "dagsorden.docx"]
    )
    formats = {
        name: json.loads((out / f"{name}.json").read_text())["source"]["format"]
        for name in ("side.html", "gammel.htm", "dagsorden.docx")
    }
    assert formats == {"side.html": "html", "gammel.htm": "html", "dagsorden.docx": "docx"}
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("referat batch: 4 files: ")
    assert summary.endswith("; 3 files of other types skipped: .msg, .xlsx")  # hidden: not


@pytest.mark.parametrize(
    "name",
    [
        "html._DEEP_TAGS",
        "html._META_CHARSET",
        "docx._STYLE_START",
        "docx._STYLE_USE",
        "docx._BASED_ON",
    ],
)
def test_the_readers_byte_patterns_are_linear(name: str) -> None:
    """tests/test_regex_safety.py audits the str patterns; these run on raw input bytes."""
    import importlib

    module, attribute = name.split(".")
    pattern = getattr(importlib.import_module(f"referat_parser.read.{module}"), attribute)
    for run in (
        b"<",
        b"<div ",
        b"<meta ",
        b"<meta charset=",
        b'<w:style w:styleId="',
        b'<w:pStyle w:val="',
    ):
        data = run * (400_000 // len(run))
        try:
            sum(1 for _ in pattern.finditer(data, timeout=2.0))
        except TimeoutError:
            pytest.fail(f"{name} needs over 2 s on {run!r} * n")
