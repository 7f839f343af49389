"""The help text is part of the interface (issue 19): readable metavars (``FILE...``,
``-o, --output PATH``), the choices listed (``--engine [fast|pdfplumber]``), defaults shown.
A snapshot per command, at 80 columns (click's widest); an intended change is written with
``REFERAT_WRITE_SNAPSHOTS=1 .venv/bin/pytest tests/test_help.py`` and reviewed in the diff."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from referat_parser.cli import app

SNAPSHOTS = ROOT / "tests" / "snapshots"
COMMANDS = ["", "parse", "batch", "export", "schema"]


def _help(command: str) -> str:
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100"}, prog_name="referat")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "referat")
def test_help_matches_its_snapshot(command: str) -> None:
    snapshot = SNAPSHOTS / f"help-{command or 'referat'}.txt"
    text = _help(command)
    if os.environ.get("REFERAT_WRITE_SNAPSHOTS") == "1":
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


def test_help_is_readable() -> None:
    parse, batch = _help("parse"), _help("batch")
    assert "Usage: referat parse [OPTIONS] FILE...\n" in parse
    assert "--engine [fast|pdfplumber]" in parse and "--engine [fast|pdfplumber]" in batch
    assert "-o, --output PATH" in parse and "-o, --output OUT_DIR" in batch
    assert "--timeout SECONDS" in parse and "--max-memory SIZE" in batch
    assert "Usage: referat batch [OPTIONS] IN_DIR\n" in batch
    for text in (parse, batch):
        assert "<" not in text and "{" not in text and "list[" not in text
    assert "--version" in _help("")
