"""Outputs (issue 19, issue 20 item 7): the mode ``open()`` would give, whole or absent, and a
write that fails is one line with the OS's reason, never a traceback or "worker died"; a
batch stops early when the output device is full. Real OS errors throughout: ``/dev/full``
(no space left), ``RLIMIT_FSIZE`` (file too large), and, where the machine lets root mount
one, a small or read-only tmpfs."""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from commands import REFERAT, referat
from conftest import SEEDS


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _archive(root: Path, copies: int = 1) -> Path:
    for k in range(copies):
        for seed in SEEDS:
            target = root / f"part{k}" / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, target)
    return root


# --- modes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600)])
def test_outputs_get_the_mode_the_umask_gives(tmp_path: Path, umask: int, expected: int) -> None:
    """They were 0600 whatever the umask (a temporary file's mode, kept by the rename)."""
    single = tmp_path / "one.json"
    ran = referat("parse", str(SEEDS[0]), "-o", str(single), preexec_fn=lambda: os.umask(umask))
    assert ran.returncode == 0, ran.stderr
    out, stream = tmp_path / "out", tmp_path / "all.jsonl"
    archive = _archive(tmp_path / "archive")
    ran = referat(
        "batch", str(archive), "-o", str(out), "--jsonl", str(stream), "--jobs", "2",
        preexec_fn=lambda: os.umask(umask),
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    made = [single, stream, out / "_report.jsonl", *out.rglob("*.json")]
    assert len(made) == 3 + len(SEEDS)
    assert {p.name: oct(_mode(p)) for p in made} == {p.name: oct(expected) for p in made}
    assert _mode(out / "part0") == 0o777 & ~umask  # folders as mkdir makes them


def test_an_existing_output_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    out.write_text("old")
    out.chmod(0o640)
    assert referat("parse", str(SEEDS[1]), "-o", str(out)).returncode == 0
    assert _mode(out) == 0o640 and json.loads(out.read_text())["kind"] == "referat"


def test_a_fifo_target_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout`` or a FIFO: rename would have replaced the special file itself."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert referat("parse", str(SEEDS[2]), "-o", str(fifo)).returncode == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["body"] == "Horsensklyngen"


def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old")
    link.symlink_to(real)
    assert referat("parse", str(SEEDS[2]), "-o", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(real.read_text())["body"] == "Horsensklyngen"


def test_parse_o_removes_what_a_killed_run_left_for_the_same_file(tmp_path: Path) -> None:
    stale = tmp_path / ".doc.json.referat-0badc0de.tmp"
    stale.write_text("{half")
    other = tmp_path / ".other.json.referat-12345678.tmp"
    other.write_text("{half")
    assert referat("parse", str(SEEDS[0]), "-o", str(tmp_path / "doc.json")).returncode == 0
    assert not stale.exists() and other.exists()  # only the same target's leftovers


# --- write errors: parse ------------------------------------------------------------------------


def _one_line(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [expected]


def test_parse_o_on_a_full_device_is_one_line() -> None:
    result = referat("parse", str(SEEDS[0]), "-o", "/dev/full")
    _one_line(result, "referat: error: /dev/full: cannot write (no space left on device)")


def test_parse_to_a_full_stdout_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [REFERAT, "parse", str(SEEDS[0])], stdout=full, stderr=subprocess.PIPE, text=True,
            check=False, timeout=60,
        )  # fmt: skip
    _one_line(result, "referat: error: stdout: cannot write (no space left on device)")


def test_parse_o_into_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = referat("parse", str(SEEDS[0]), "-o", str(tmp_path / "file" / "doc.json"))
    _one_line(result, f"referat: error: {tmp_path}/file/doc.json: cannot write (file exists)")


def _as_another_user() -> dict[str, Any]:
    """Root is never refused a write: run as ``nobody`` then (and skip where that fails)."""
    if os.geteuid() != 0:
        return {}
    try:
        probe = subprocess.run([REFERAT, "--version"], user=65534, capture_output=True, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot run as another user: {exc}")
    if probe.returncode != 0:
        pytest.skip("the package is not readable by user nobody")
    return {"user": 65534, "group": 65534}


def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    user = _as_another_user()
    with tempfile.TemporaryDirectory() as folder:  # readable by anyone, unlike tmp_path
        root = Path(folder)
        root.chmod(0o755)
        locked = root / "locked"
        locked.mkdir(mode=0o555)
        locked.chmod(0o555)
        doc = root / "doc.txt"
        shutil.copy(SEEDS[0], doc)
        doc.chmod(0o644)
        result = referat("parse", str(doc), "-o", str(locked / "doc.json"), **user)
        _one_line(result, f"referat: error: {locked}/doc.json: cannot write (permission denied)")
        result = referat("batch", str(root), "-o", str(locked / "out"), **user)
        _one_line(result, f"referat: error: {locked}/out: cannot write (permission denied)")


# --- write errors: batch ------------------------------------------------------------------------


def test_batch_jsonl_on_a_full_device_stops_early_with_one_line(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive", copies=4)
    result = referat("batch", str(archive), "--jsonl", "/dev/full", "--jobs", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith(
        "referat: error: batch stopped early: /dev/full: cannot write (no space left on device); "
    )
    assert last.endswith("files not attempted (make room, then rerun with --resume)")
    assert int(last.split("; ")[1].split()[0]) > 0  # it did not go on through every file


def _limit_file_size(size: int) -> Any:
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_file_too_large_to_write_fails_alone(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes writes past 25,000 bytes fail (EFBIG): each such output is one
    report line with the OS reason, the smaller ones are written, the batch goes on."""
    archive, out = _archive(tmp_path / "archive"), tmp_path / "out"
    result = referat(
        "batch", str(archive), "-o", str(out), "--jobs", "2", preexec_fn=_limit_file_size(25_000)
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    report = [json.loads(line) for line in (out / "_report.jsonl").read_text().splitlines()]
    failed = {Path(r["path"]).name: r["error"] for r in report if r["status"] == "failed"}
    written = {Path(r["path"]).name for r in report if r["status"] != "failed"}
    assert failed and written and len(failed) + len(written) == len(SEEDS)
    for name, error in failed.items():
        assert error == f"{out}/part0/{name}.json: cannot write (file too large)"
    assert all((out / "part0" / f"{name}.json").stat().st_size < 25_000 for name in written)
    assert result.stderr.count("referat: error:") == len(failed)
    assert not list(out.rglob("*.tmp"))


@contextmanager
def _tmpfs(path: Path, options: str) -> Iterator[Path]:
    """A tmpfs at ``path`` (root, with the right to mount: CI's machine), else skip."""
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def test_a_full_output_device_stops_the_batch_early(tmp_path: Path) -> None:
    """300 files into 2 MB: it was 7,736 stderr lines, 502 tracebacks and "worker died"."""
    archive = _archive(tmp_path / "archive", copies=60)
    with _tmpfs(tmp_path / "disk", "size=2m") as disk:
        out = disk / "out"
        result = referat("batch", str(archive), "-o", str(out), "--jobs", "2")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) < 10, lines
        assert any("cannot write (no space left on device)" in line for line in lines)
        assert lines[-1].startswith("referat: error: batch stopped early: ")
        assert not list(out.rglob("*.tmp")) and not (out / "_report.jsonl").exists()
        done = list(out.rglob("*.json"))
        assert done and all(json.loads(p.read_text())["schema_version"] for p in done)
        subprocess.run(["mount", "-o", "remount,size=40m", str(disk)], check=True)
        again = referat("batch", str(archive), "-o", str(out), "--resume", "--jobs", "2")
        assert again.returncode == 0, again.stderr
        statuses = [json.loads(r)["status"] for r in (out / "_report.jsonl").open()]
        assert len(statuses) == 300 and statuses.count("skipped") >= len(done) - 2


def test_a_read_only_output_is_one_line(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "ro", "size=1m,ro") as ro:
        result = referat("parse", str(SEEDS[0]), "-o", str(ro / "doc.json"))
        _one_line(result, f"referat: error: {ro}/doc.json: cannot write (read-only file system)")
        result = referat("batch", str(SEEDS[0].parent), "-o", str(ro / "out"))
        _one_line(result, f"referat: error: {ro}/out: cannot write (read-only file system)")
