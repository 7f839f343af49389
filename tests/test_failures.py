"""Inputs that must fail cleanly (issue 7), through the real console command: exit 1, one
``referat: error:`` line on stderr, no traceback, nothing on stdout. The cases test_cli.py
already covers (empty, whitespace-only, NUL bytes, a directory, --max-bytes) are not repeated."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEEDS

REFERAT = str(Path(sys.executable).parent / "referat")


def _parse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REFERAT, "parse", *args], capture_output=True, text=True, check=False, timeout=120
    )


def _one_clean_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("referat: error: "), result.stderr
    assert needle in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file(tmp_path: Path) -> None:
    _one_clean_error(_parse(str(tmp_path / "nope.txt")), "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("REFERAT\n")
    locked.chmod(0)
    _one_clean_error(_parse(str(locked)), "permission denied")


def test_binary_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    blob = tmp_path / "image.txt"
    blob.write_bytes(bytes(range(256)) * 40)
    _one_clean_error(_parse(str(blob)), "binary file")


def test_a_200_mb_file_is_refused_by_the_default_limit_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk and no time
    start = time.monotonic()
    result = _parse(str(big))
    _one_clean_error(result, "over the limit of 52,428,800 (see --max-bytes)")
    assert time.monotonic() - start < 30  # refused from its size, never read


def test_a_single_10_mb_line_parses_without_hanging(tmp_path: Path) -> None:
    line = tmp_path / "line.txt"
    line.write_text("REFERAT " + "1.000 kr. og Punkt 3, " * 500_000, encoding="utf-8")
    assert line.stat().st_size > 10_000_000
    result = _parse(str(line), "--compact")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert '"schema_version"' in result.stdout


def test_adversarial_lines_for_every_rule_finish(tmp_path: Path) -> None:
    """Long runs of what rules look for: numbers, commas, dots, parentheses, headings."""
    pieces = ["1.000 ", ", ", ".....", "(", "Punkt ", "Det indstilles, at ", "kr. ", "\t", "  "]
    text = "\n".join(piece * 20_000 for piece in pieces)
    doc = tmp_path / "adversarial.txt"
    doc.write_text(SEEDS[0].read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
    result = _parse(str(doc), "--compact")
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_a_document_over_its_timeout_is_one_clean_error() -> None:
    """``--timeout`` bounds each file's parse (here far below what even loading the rules
    takes, so the bound always fires)."""
    result = _parse(str(SEEDS[0]), "--timeout", "0.001")
    _one_clean_error(result, "gave up after 0.001 s (see --timeout)")


def test_a_non_positive_timeout_is_a_usage_error() -> None:
    result = _parse(str(SEEDS[0]), "--timeout", "0")
    assert result.returncode == 2 and "--timeout must be positive" in result.stderr
