"""CI's short version of ``make fuzz`` (the full runs are 100,000 inputs each, text and HTML;
see the README)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script


def _fuzz() -> ModuleType:
    return load_script("fuzz")


def test_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    count, crashes = _fuzz().run((7, 400, 20, str(tmp_path)))
    assert count == 400
    assert crashes == [], Path(crashes[0]).with_suffix(".txt").read_text() if crashes else ""


def test_short_html_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    count, crashes = _fuzz().run((11, 150, 10, str(tmp_path), "html"))
    assert count == 150
    assert crashes == [], Path(crashes[0]).with_suffix(".txt").read_text() if crashes else ""


def test_the_fuzzer_records_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _fuzz()

    def broken(data: bytes, deep: bool) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(fuzz, "check", broken)
    count, crashes = fuzz.run((1, 3, 1, str(tmp_path)))
    assert count == 3 and len(crashes) == 3
    assert "RuntimeError: boom" in Path(crashes[0]).with_suffix(".txt").read_text()
