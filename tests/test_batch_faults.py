"""``referat batch`` kept honest (issue 19, issue 20 items 5, 8, 11): shell glob semantics, a
run that matched nothing, report paths of one kind, output-name collisions found while
planning, ``--resume`` that checks what the output holds, stale temporary files cleaned,
workers that die with their parent, SIGTERM handled like SIGINT, no fault hook in the
package."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from commands import FAULTY, referat
from conftest import ROOT, SEEDS
from referat_parser.output.inputs import glob_match, output_collisions


def _batch(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return referat("batch", *args, **kwargs)


def _report(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "_report.jsonl").read_text().splitlines()]


def _put(root: Path, *names: str) -> Path:
    """Seeds copied under ``root`` as ``names`` (cycling through the five)."""
    for k, name in enumerate(names):
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS[k % len(SEEDS)], target)
    return root


# --- --glob, and a run that matched nothing (issue 19) ----------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.pdf", "a.pdf", True),
        ("*.pdf", "2024/a.pdf", False),  # '*' never crosses a folder
        ("**/*.pdf", "a.pdf", True),  # '**' spans any depth, none included
        ("**/*.pdf", "2024/x/a.pdf", True),
        ("2024/*.pdf", "2024/a.pdf", True),
        ("2024/*.pdf", "2024/x/a.pdf", False),
        ("2024/**", "2024/x/y/a.txt", True),
        ("2024/**", "2025/a.txt", False),
        ("20?4/a.txt", "2024/a.txt", True),
        ("20?4/a.txt", "20/4/a.txt", False),
        ("[0-9]*/a.txt", "2024/a.txt", True),
        ("[!0-9]*/a.txt", "2024/a.txt", False),
        ("[!0-9]*/a.txt", "x/a.txt", True),
        ("a[/]b.txt", "a/b.txt", False),
        ("**/**/a.txt", "a.txt", True),
        ("*.PDF", "a.pdf", False),  # case matters, as in the shell
        ("a+b (1).txt", "a+b (1).txt", True),  # regex characters are plain
        ("[x.txt", "[x.txt", True),  # an unclosed '[' is a plain character
    ],
)
def test_glob_has_shell_semantics(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches


def test_glob_star_matches_only_the_top_folder(tmp_path: Path) -> None:
    archive = _put(tmp_path / "a", "top.txt", "2024/deep.txt", "2024/x/deeper.txt")
    result = _batch(str(archive), "--jsonl", "-", "--glob", "*.txt")
    assert result.returncode == 0, result.stderr
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == [str(archive / "top.txt")]
    result = _batch(str(archive), "--jsonl", "-", "--glob", "**/*.txt")
    assert len(result.stdout.splitlines()) == 3


def test_no_matching_file_says_so_and_exits_1(tmp_path: Path) -> None:
    archive = _put(tmp_path / "a", "2024/a.txt")
    out = tmp_path / "out"
    result = _batch(str(archive), "-o", str(out), "--glob", "*.txt")
    assert result.returncode == 1
    assert (
        result.stderr
        == f"referat: error: {archive}: no .txt, .pdf, .html, .htm or .docx files matching --glob '*.txt'\n"
    )
    assert not out.exists()  # nothing written, not even an empty report
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _batch(str(empty), "--jsonl", "-")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"referat: error: {empty}: no .txt, .pdf, .html, .htm or .docx files\n"


# --- report paths: both as given (issue 19) ---------------------------------------------------


def test_report_paths_are_of_one_kind(tmp_path: Path) -> None:
    _put(tmp_path / "archive", "2024/a.txt")
    relative = _batch("archive", "-o", "out", cwd=tmp_path)
    assert relative.returncode == 0, relative.stderr
    (line,) = _report(tmp_path / "out")
    assert (line["path"], line["output"]) == ("archive/2024/a.txt", "out/2024/a.txt.json")
    absolute = _batch(str(tmp_path / "archive"), "-o", str(tmp_path / "abs"))
    assert absolute.returncode == 0, absolute.stderr
    (line,) = _report(tmp_path / "abs")
    assert line["path"] == str(tmp_path / "archive/2024/a.txt")
    assert line["output"] == str(tmp_path / "abs/2024/a.txt.json")
    assert json.loads(Path(line["output"]).read_text())["source"]["path"] == line["path"]


# --- output-name collisions, found while planning (issue 20 item 8) --------------------------


def test_collisions_are_found_before_any_worker_starts() -> None:
    clashes = output_collisions(
        ["a.txt", "a.txt.json/b.txt", "c.txt", "_report.jsonl/d.txt"],
        ("_report.jsonl", "_report.jsonl.partial"),
    )
    assert clashes == {
        "a.txt": "output a.txt.json would clash with the folder the output of a.txt.json/b.txt needs",
        "a.txt.json/b.txt": "output folder a.txt.json/ would clash with the output of a.txt",
        "_report.jsonl/d.txt": "output folder _report.jsonl/ would clash with the batch report",
    }


def test_a_collision_fails_the_same_files_whatever_jobs_is(tmp_path: Path) -> None:
    """It failed b.txt with --jobs 1 and a.txt with --jobs 2, each with a traceback."""
    archive = _put(tmp_path / "archive", "a.txt", "a.txt.json/b.txt", "c.txt")
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = _batch(str(archive), "-o", str(out), "--jobs", jobs)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        reports.append([(r["status"], r["error"]) for r in _report(out)])
        assert (out / "c.txt.json").exists() and not (out / "a.txt.json").exists()
    assert reports[0] == reports[1]
    assert [status for status, _ in reports[0]] == ["failed", "failed", "ok"]


# --- --resume checks the output (issue 20 item 11) --------------------------------------------


def test_resume_parses_again_an_output_truncated_by_hand(tmp_path: Path) -> None:
    archive, out = _put(tmp_path / "archive", "a.txt", "b.txt"), tmp_path / "out"
    assert _batch(str(archive), "-o", str(out)).returncode == 0
    whole = (out / "a.txt.json").read_bytes()
    assert [r["output_sha256"] for r in _report(out)] == [
        hashlib.sha256(whole).hexdigest(),
        hashlib.sha256((out / "b.txt.json").read_bytes()).hexdigest(),
    ]
    (out / "a.txt.json").write_bytes(whole[:100])
    result = _batch(str(archive), "-o", str(out), "--resume")
    assert result.returncode == 0
    assert [r["status"] for r in _report(out)] == ["ok", "skipped"]
    assert (out / "a.txt.json").read_bytes() == whole


def test_a_run_removes_the_temporary_files_killed_runs_left(tmp_path: Path) -> None:
    archive, out = _put(tmp_path / "archive", "2024/a.txt"), tmp_path / "out"
    (out / "2024").mkdir(parents=True)
    stale = [
        out / "._report.jsonl.referat-0badc0de.tmp",
        out / "._report.jsonl.k2x_9qzv.tmp",  # tempfile's names, from earlier versions
        out / "2024" / ".a.txt.json.referat-12345678.tmp",
        tmp_path / ".all.jsonl.referat-cafef00d.tmp",
    ]
    for path in stale:
        path.write_text("{half")
    mine = out / "2024" / "notes.tmp"
    mine.write_text("not ours")
    result = _batch(
        str(archive), "-o", str(out), "--jsonl", str(tmp_path / "all.jsonl"), "--resume"
    )
    assert result.returncode == 0, result.stderr
    assert [p for p in stale if p.exists()] == [] and mine.exists()


# --- workers die with the batch, SIGTERM is SIGINT (issue 20 item 5) --------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _hanging_batch(
    tmp_path: Path, *args: str, done: Path | None = None
) -> tuple[subprocess.Popen[bytes], list[int]]:
    """A batch whose two workers both hang on a file, once a.txt is done (and ``done``, a
    file the batch writes, exists)."""
    archive = _put(tmp_path / "archive", "a.txt", "hang1.txt", "hang2.txt")
    proc = subprocess.Popen(
        [*FAULTY, "batch", str(archive), "--jobs", "2", *args],
        env={**os.environ, "REFERAT_TEST_FAULTS": "hang=hang"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        len(_children(proc.pid)) < 2 or (done is not None and not done.exists())
    ):
        time.sleep(0.05)
    time.sleep(0.5)  # the tasks are sent: both workers sleep in their file
    workers = _children(proc.pid)
    assert len(workers) == 2
    return proc, workers


def _gone(workers: list[int]) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    return not any(_alive(w) for w in workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_the_batch_leaves_no_orphan_worker(tmp_path: Path) -> None:
    """Orphans held the stdout pipe open, so ``… --jsonl - | wc -c`` hung for good."""
    proc, workers = _hanging_batch(tmp_path, "--jsonl", "-")
    try:
        proc.kill()
        proc.communicate(timeout=20)  # EOF on stdout: no worker holds it
        assert _gone(workers)
    finally:
        for pid in workers:  # a failing run must not leave sleepers behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_is_handled_like_sigint(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc, workers = _hanging_batch(tmp_path, "-o", str(out), done=out / "a.txt.json")
    try:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 143 and b"Traceback" not in stderr
        assert _gone(workers)
        assert not list(out.rglob("*.tmp")) and not (out / "_report.jsonl").exists()
        done = [
            json.loads(line) for line in (out / "_report.jsonl.partial").read_text().splitlines()
        ]
        assert [(Path(r["path"]).name, r["status"]) for r in done] == [("a.txt", "ok")]
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_no_fault_hook_in_the_package(tmp_path: Path) -> None:
    """Fault injection lives in tests/faultcli.py; the installed command has none."""
    package = ROOT / "src" / "referat_parser"
    assert not [p for p in package.rglob("*.py") if "TEST_FAULTS" in p.read_text()]
    archive = _put(tmp_path / "archive", "hang.txt")
    result = _batch(
        str(archive), "--jsonl", "-", "--timeout", "20",
        env={**os.environ, "REFERAT_TEST_FAULTS": "hang=hang,crash=hang"},
    )  # fmt: skip
    assert result.returncode == 0 and json.loads(result.stdout)["schema_version"]
