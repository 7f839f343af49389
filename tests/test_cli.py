"""The CLI is a thin adapter: its JSON equals the library's, errors are one line (H1, H7, H10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS, seed
from referat_parser import parse_file
from referat_parser.cli import app

runner = CliRunner()


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_cli_json_equals_library(path: Path) -> None:
    rel = path.relative_to(ROOT)
    result = runner.invoke(app, ["parse", str(rel)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == parse_file(rel).model_dump(mode="json", by_alias=True)


def test_stdin_and_several_files_give_json_lines() -> None:
    data = seed("002").read_bytes()
    one = runner.invoke(app, ["parse", "-"], input=data)
    assert one.exit_code == 0
    assert json.loads(one.stdout)["body"] == "Horsensklyngen"
    assert json.loads(one.stdout)["source"]["path"] is None
    many = runner.invoke(app, ["parse", str(seed("000")), str(seed("001"))])
    rows = [json.loads(line) for line in many.stdout.splitlines()]
    assert [r["body"] for r in rows] == [
        "Sundhedsklynge Sydvestjylland",
        "Direktørforum Sundhedsklynge Midt",
    ]


def test_output_file_and_compact(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "doc.json"
    result = runner.invoke(app, ["parse", str(seed("003")), "-o", str(out), "--compact"])
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and json.loads(text)["kind"] == "dagsorden"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_missing_file_is_one_line_exit_1_and_others_still_parse() -> None:
    result = runner.invoke(app, ["parse", "nope.txt", str(seed("004"))])
    assert result.exit_code == 1
    assert result.stderr.strip() == "referat: error: nope.txt: no such file"
    assert json.loads(result.stdout)["kind"] == "rapport"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (b"\x00\x01\x02\x03binary", "binary file"),
    ],
)
def test_bad_inputs_fail_cleanly(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_directory_and_size_limit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.exit_code == 1 and "is a directory" in result.stderr
    result = runner.invoke(app, ["parse", str(seed("000")), "--max-bytes", "100"])
    assert result.exit_code == 1 and "over the limit of 100" in result.stderr


def test_strict_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("REFERAT Udvalget d. 5. juni\n\nPunkt 1: Eventuelt\n\nBeslutning\n\nIngen.\n")
    assert runner.invoke(app, ["parse", str(doc)]).exit_code == 0
    assert runner.invoke(app, ["parse", str(doc), "--strict"]).exit_code == 1


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", str(seed("000")), "--engine", "x"]).exit_code == 2


def test_schema_command_prints_the_models_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document"
    assert "schema_version" in schema["properties"]
