"""The CLI is a thin adapter: its JSON equals the library's, errors are one line (H1, H7, H10)."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands import REFERAT, referat
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


# --- what a new user trips over (issue 19) -----------------------------------------------------


def test_strict_names_each_warning_on_stderr() -> None:
    """``--strict`` exited 1 and said nothing."""
    result = referat("parse", "--strict", str(seed("003")))
    assert result.returncode == 1
    path = seed("003")
    doc = parse_file(path)
    expected = [
        f"referat: strict: {path}:{d.line}: {d.code} ({d.severity}): {d.message}"
        for d in doc.diagnostics
        if d.severity != "info"
    ]
    assert expected and result.stderr.splitlines() == expected
    assert "missing-table (warning)" in result.stderr
    assert json.loads(result.stdout)["kind"] == "dagsorden"  # the document is still printed


def test_strict_without_warnings_exits_0_quietly() -> None:
    result = referat("parse", "--strict", str(seed("000")))
    assert result.returncode == 0 and result.stderr == ""


def test_a_closed_pipe_ends_quietly_with_status_141() -> None:
    """``referat parse *.txt | head -1`` exited 1; it now ends as ``cat`` would (128 + SIGPIPE),
    with nothing on stderr. 15 documents (~400 KB) overflow the pipe, so the write fails."""
    files = " ".join(str(p) for p in SEEDS * 3)
    script = f"{REFERAT} parse {files} 2>err.txt | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            ["bash", "-c", script], cwd=folder, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        stderr = Path(folder, "err.txt").read_text()
    assert result.stdout.strip() == "141" and stderr == ""


def test_version() -> None:
    from importlib.metadata import version

    from referat_parser import SCHEMA_VERSION, __version__

    result = referat("--version")
    assert result.returncode == 0
    assert result.stdout == f"referat {__version__} (JSON schema {SCHEMA_VERSION})\n"
    assert version("referat-parser") == __version__  # one source: pyproject reads __init__


def test_usage_errors_are_one_line() -> None:
    result = referat("parse", "--no-such-option", str(seed("000")))
    assert result.returncode == 2
    assert result.stderr == (
        "referat: error: no such option: --no-such-option (see 'referat parse --help')\n"
    )
    missing = referat("parse")
    assert missing.returncode == 2
    assert (
        missing.stderr == "referat: error: missing argument 'FILE' (see 'referat parse --help')\n"
    )


def test_file_names_with_escape_sequences_are_printed_escaped(tmp_path: Path) -> None:
    """A name can hold terminal control sequences: error lines show them escaped."""
    evil = tmp_path / "\x1b]0;pwned\x07\x1b[2Jminutes\u202e.txt"
    result = referat("parse", str(evil))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2Jminutes\\u202e.txt: no such file" in result.stderr


def test_printable_escapes_controls_and_keeps_danish() -> None:
    from referat_parser.errors import printable

    assert printable("Ærø Kommune/referat.txt") == "Ærø Kommune/referat.txt"
    assert printable("a\tb\nc\x1b[0m") == "a\\x09b\\x0ac\\x1b[0m"
    assert printable("x\udcffy") == "x\\xffy"  # an undecodable file-name byte
