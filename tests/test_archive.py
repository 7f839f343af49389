"""``referat batch`` (issue 6): a mirrored tree, a report line per input, failures that never
stop the batch, timeouts and dead workers, --resume, determinism, JSON Lines into DuckDB."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from commands import FAULTY, referat
from conftest import ROOT, SEEDS

PDFS = ROOT / "fixtures" / "pdf"


def _run(*args: str, env: dict[str, str] | None = None, command: list[str] | None = None) -> Any:
    return referat("batch", *args, env={**os.environ, **(env or {})}, command=command, timeout=120)


def _report(out: Path) -> list[dict[str, Any]]:
    lines = (out / "_report.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Five seeds by year and body as text, one seed as PDF."""
    root = tmp_path / "archive"
    for k, seed in enumerate(SEEDS):
        target = root / f"{2023 + k % 2}" / f"body{k}" / seed.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(seed, target)
    shutil.copy(PDFS / f"{SEEDS[0].stem}.pdf", root / "2023" / "body0" / f"{SEEDS[0].stem}.pdf")
    return root


def test_mirrors_the_tree_with_one_json_per_input(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(str(archive), "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    inputs = sorted(p.relative_to(archive).as_posix() + ".json" for p in archive.rglob("*.*"))
    assert made == inputs  # a.txt and a.pdf in one folder do not clash
    doc = json.loads((out / "2023" / "body0" / f"{SEEDS[0].name}.json").read_text())
    assert doc["title"] == "REFERAT Sundhedsklynge Sydvestjylland"
    pdf = json.loads((out / "2023" / "body0" / f"{SEEDS[0].stem}.pdf.json").read_text())
    assert pdf["source"]["format"] == "pdf"
    assert [i["title"] for i in pdf["items"]] == [i["title"] for i in doc["items"]]
    report = _report(out)
    by_name = {Path(r["path"]).name: r["status"] for r in report}
    assert by_name.pop(SEEDS[3].name) == "warnings"  # 003 promises a table that is not there
    assert set(by_name.values()) == {"ok"} and len(by_name) == 5
    assert all(r["error"] is None and len(r["sha256"]) == 64 for r in report)
    assert "6 files: 5 parsed, 1 parsed with warnings, 0 failed" in result.stderr
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.partial"))


def test_failures_get_a_report_line_and_never_stop_the_batch(archive: Path, tmp_path: Path) -> None:
    bad = archive / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (bad / "empty.txt").write_bytes(b"")
    shutil.copy(PDFS / "encrypted.pdf", bad / "encrypted.pdf")
    shutil.copy(PDFS / "not-a-pdf.pdf", bad / "not-a-pdf.pdf")
    (bad / "big.txt").write_text("REFERAT " + "x" * 300_000)
    shutil.copy(SEEDS[1], bad / "hangs.txt")
    shutil.copy(SEEDS[2], bad / "crashes.txt")
    (bad / "outside.txt").symlink_to("/etc/hostname")
    out = tmp_path / "out"
    result = _run(
        str(archive), "-o", str(out), "--jobs", "2", "--timeout", "8", "--max-bytes", "200000",
        env={"REFERAT_TEST_FAULTS": "hang=hangs.txt,crash=crashes.txt"}, command=FAULTY,
    )  # fmt: skip
    assert result.returncode == 1
    failed = {Path(r["path"]).name: r["error"] for r in _report(out) if r["status"] == "failed"}
    assert set(failed) == {
        "binary.txt", "empty.txt", "encrypted.pdf", "not-a-pdf.pdf", "big.txt",
        "hangs.txt", "crashes.txt", "outside.txt",
    }  # fmt: skip
    assert "timed out after 8 s" in failed["hangs.txt"]  # headroom for a loaded machine
    assert "worker died (exit code 70)" in failed["crashes.txt"]
    assert "encrypted PDF" in failed["encrypted.pdf"]
    assert "over the limit of 200,000" in failed["big.txt"]
    assert "symlink points outside the input folder" in failed["outside.txt"]
    good = [r for r in _report(out) if r["status"] != "failed"]
    assert len(good) == 6 and all(Path(r["output"]).exists() for r in good)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("referat: error: ") == 8


def test_resume_skips_what_is_up_to_date_and_redoes_what_changed(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _run(str(archive), "-o", str(out), "--jobs", "1").returncode == 0
    first = {p: p.read_bytes() for p in out.rglob("*.json")}
    changed = next(archive.rglob("001_*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nEkstra linje.\n", encoding="utf-8")
    result = _run(str(archive), "-o", str(out), "--resume")
    assert result.returncode == 0
    statuses = {Path(r["path"]).name: r["status"] for r in _report(out)}
    assert statuses.pop(changed.name) == "ok"
    assert set(statuses.values()) == {"skipped"}
    unchanged = [p for p in first if p.name != f"{changed.name}.json" and p.name != "_report.jsonl"]
    assert all(p.read_bytes() == first[p] for p in unchanged)


def test_output_is_the_same_bytes_whatever_jobs_is(archive: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run(str(archive), "--jsonl", str(one), "--jobs", "1").returncode == 0
    assert _run(str(archive), "--jsonl", str(two), "--jobs", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()
    paths = [json.loads(line)["source"]["path"] for line in one.read_text().splitlines()]
    assert paths == sorted(paths, key=lambda p: Path(p).relative_to(archive).as_posix())


def test_jsonl_to_stdout_and_glob(archive: Path) -> None:
    result = _run(str(archive), "--jsonl", "-", "--glob", "2024/**")
    assert result.returncode == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]["path"]).parent.parent.name for d in docs] == ["2024", "2024"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run(str(tmp_path / "missing"), "-o", str(tmp_path / "o")).returncode == 2
    assert _run(str(tmp_path)).returncode == 2  # neither -o nor --jsonl


def test_output_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    from referat_parser.output.archive import output_path

    out = tmp_path / "out"
    assert output_path(out, "2024/a.txt") == out / "2024" / "a.txt.json"
    with pytest.raises(ValueError, match="would leave the output folder"):
        output_path(out, "../../etc/a.txt")


def test_duckdb_reads_the_batch_output(archive: Path, tmp_path: Path) -> None:
    """The README's DuckDB queries, on a real batch output."""
    duckdb = pytest.importorskip("duckdb")
    stream = tmp_path / "all.jsonl"
    assert _run(str(archive), "--jsonl", str(stream), "--glob", "**/*.txt").returncode == 0
    con = duckdb.connect()
    con.execute(f"CREATE VIEW docs AS SELECT * FROM read_json_auto('{stream}')")
    decisions = con.execute(
        """
        SELECT body, year(CAST(date AS DATE)) AS year, count(item.decision) AS decisions
        FROM (SELECT body, date, unnest(items) AS item FROM docs)
        GROUP BY ALL ORDER BY body
        """
    ).fetchall()
    assert decisions == [
        ("Aarhusklyngen", 2024, 0),
        ("Direktørforum Sundhedsklynge Midt", 2024, 9),
        ("Horsensklyngen", 2024, 7),
        ("Sundhedsklynge Sydvestjylland", 2023, 6),
    ]
    absences = con.execute(
        """
        SELECT p.name, p.absence_reason, count(*) AS meetings
        FROM (SELECT unnest(participants) AS p FROM docs)
        WHERE p.attendance = 'absent' GROUP BY ALL ORDER BY p.name
        """
    ).fetchall()
    assert absences == [
        ("Hanne Madsen", "afbud", 1),
        ("Henrik Qvist", "afbud", 1),
        ("Lone Jakobi", "afbud", 1),
        ("Ole Vind", "afbud", 1),
        ("Rikke Skou Jensen", None, 1),
        ("Stephanie Lose", "orlov", 1),
        ("Torben Krogh Kjeldgaard", "afbud", 1),
    ]


def test_dask_cluster_gives_the_local_output(archive: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from referat_parser.output.archive import Options
    from referat_parser.output.progress import run_batch

    local, remote = tmp_path / "local", tmp_path / "remote"
    assert _run(str(archive), "-o", str(local), "--jobs", "2").returncode == 0
    with distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        remote.mkdir()
        options = Options(archive, remote, dask_scheduler=cluster.scheduler_address)
        assert run_batch(options) is False
    for made in local.rglob("*.json"):
        assert (remote / made.relative_to(local)).read_bytes() == made.read_bytes()
    strip = ("output", "seconds")
    local_report = [{k: v for k, v in r.items() if k not in strip} for r in _report(local)]
    remote_report = [{k: v for k, v in r.items() if k not in strip} for r in _report(remote)]
    assert local_report == remote_report


def test_an_interrupted_batch_leaves_only_complete_files_and_resumes(
    archive: Path, tmp_path: Path
) -> None:
    import signal
    import time

    out = tmp_path / "out"
    hang = next(archive.rglob("002_*.txt"))
    proc = subprocess.Popen(
        [*FAULTY, "batch", str(archive), "-o", str(out), "--jobs", "1"],
        env={**os.environ, "REFERAT_TEST_FAULTS": f"hang={hang.name}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 2:
        time.sleep(0.05)  # files before the hanging one are done
    time.sleep(1)  # and recorded: the worker now hangs, the batch waits for it
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in stderr
    assert not list(out.rglob("*.tmp")) and not (out / "_report.jsonl").exists()
    done = list(out.rglob("*.json"))
    assert done and all(json.loads(p.read_text())["schema_version"] for p in done)
    partial = (out / "_report.jsonl.partial").read_text().splitlines()
    assert len(partial) == len(done)
    result = _run(str(archive), "-o", str(out), "--resume")
    assert result.returncode == 0
    statuses = [r["status"] for r in _report(out)]
    assert statuses.count("skipped") == len(done) and len(statuses) == 6
