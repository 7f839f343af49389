"""Inputs that must fail cleanly (issue 7), through the real console command: exit 1, one
``referat: error:`` line on stderr, no traceback, nothing on stdout. The cases test_cli.py
already covers (empty, whitespace-only, NUL bytes, a directory, --max-bytes) are not repeated."""

from __future__ import annotations

import json
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


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--timeout", "0"], "--timeout"),
        (["--timeout", "-1"], "--timeout"),
        (["--timeout", "nan"], "--timeout"),
        (["--timeout", "inf"], "--timeout"),
        (["--indent", "-5"], "--indent"),
        (["--indent", "100000"], "--indent"),
        (["--max-bytes", "0"], "--max-bytes"),
        (["--max-bytes", "lots"], "--max-bytes"),
        (["--max-memory", "1M"], "--max-memory"),
        (["--encoding", "klingon"], "--encoding"),
        (["--engine", "fastest"], "--engine"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_a_bad_option_value_is_one_usage_line(args: list[str], option: str) -> None:
    """Checked at the boundary (issue 20 item 11): exit 2, one line naming the option, and
    nothing parsed (``--timeout nan``/``inf`` and ``--indent -5`` were internal errors)."""
    result = _parse(str(SEEDS[0]), *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("referat: error: invalid value for "), lines
    assert f"'{option}'" in lines[0] and "(see 'referat parse --help')" in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [["--timeout", "nan"], ["--timeout", "inf"], ["--jobs", "-1"], ["--jobs", "100000"]],
    ids=" ".join,
)
def test_a_bad_batch_option_is_one_usage_line(args: list[str], tmp_path: Path) -> None:
    """``batch --timeout nan`` never timed out; ``--jobs 100000`` would fork that many."""
    result = subprocess.run(
        [REFERAT, "batch", str(SEEDS[0].parent), "--jsonl", str(tmp_path / "x.jsonl"), *args],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "invalid value for" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_sizes_take_units() -> None:
    from referat_parser.limits import format_size, parse_size

    assert parse_size("1000") == 1000 and parse_size("200K") == 200 * 1024
    assert parse_size("50M") == parse_size("50 MiB") == parse_size("50mb") == 50 * 1024**2
    assert parse_size("1.5G") == 3 * 1024**3 // 2
    assert format_size(50 * 1024**2) == "50 MiB" and format_size(1000) == "1,000 bytes"
    with pytest.raises(ValueError, match="not a size"):
        parse_size("-5M")


# --- --max-bytes when the size is unknown (issue 20 item 3) ----------------------------------


def test_dev_zero_is_refused_at_the_limit_without_reading_it_all() -> None:
    """/dev/zero has no size: it was read whole (2.6 GB, then MemoryError)."""
    _one_clean_error(_parse("--max-bytes", "1000", "/dev/zero"), "over the limit of 1,000 bytes")


def test_endless_stdin_is_refused_at_the_limit() -> None:
    """``yes | referat parse --max-bytes 1000 -``."""
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        result = subprocess.run(
            [REFERAT, "parse", "--max-bytes", "1000", "-"],
            stdin=yes.stdout, capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
    finally:
        yes.kill()
        yes.wait()
    _one_clean_error(result, "-: input is over the limit of 1,000 bytes (see --max-bytes)")


def test_a_fifo_is_read_in_chunks_up_to_the_limit(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "minutes.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with fifo.open("wb") as fh:
                for _ in range(1000):
                    fh.write(b"Punkt 1. Tekst\n" * 1000)
        except BrokenPipeError:
            pass  # the reader stopped at its limit, as it should

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    _one_clean_error(_parse("--max-bytes", "20K", str(fifo)), "over the limit of 20,480 bytes")
    writer.join(timeout=30)
    assert not writer.is_alive()


def test_a_small_fifo_within_the_limit_parses(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "minutes.txt"
    os.mkfifo(fifo)
    text = SEEDS[4].read_bytes()
    writer = threading.Thread(target=lambda: fifo.write_bytes(text), daemon=True)
    writer.start()
    result = _parse(str(fifo))
    writer.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "rapport"


# --- bounded memory (issue 20 item 4) ----------------------------------------------------------


def _newlines(tmp_path: Path) -> Path:
    """About 130 bytes of memory per input byte: 1 MB of empty lines needs ~150 MB."""
    blank = tmp_path / "blank.txt"
    blank.write_text("Referat\n" + "\n" * 1_000_000, encoding="utf-8")
    return blank


def test_a_parse_over_max_memory_fails_alone_with_one_line(tmp_path: Path) -> None:
    result = _parse("--max-memory", "64M", str(_newlines(tmp_path)), str(SEEDS[4]))
    assert result.returncode == 1
    message = "out of memory: its parse needed more than 64 MiB (see --max-memory)"
    assert result.stderr.splitlines() == [f"referat: error: {tmp_path / 'blank.txt'}: {message}"]
    assert json.loads(result.stdout)["kind"] == "rapport"  # the next file still parsed


def test_max_memory_zero_lifts_the_bound(tmp_path: Path) -> None:
    result = _parse("--max-memory", "0", "--compact", str(_newlines(tmp_path)))
    assert result.returncode == 0 and json.loads(result.stdout)["title"] == "Referat"


def test_memory_limit_is_restored_after_the_parse() -> None:
    import resource

    from referat_parser.limits import memory_limit

    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(Exception, match="out of memory") as caught, memory_limit(64 << 20, "x"):
        bytearray(256 << 20)
    assert type(caught.value).__name__ == "OutOfMemoryError"
    assert resource.getrlimit(resource.RLIMIT_AS) == before
