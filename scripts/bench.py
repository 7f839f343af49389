"""``make bench``: speed and memory figures for the README and the issue notes.

Measures, in one run on this machine:
  1. text throughput of ``parse_bytes`` over the seeds (MB/s, one core), best of 3;
  2. linearity: one seed repeated 1x, 10x, 100x into one document (s and MB/s each);
  3. start-up: wall time of ``referat --help`` and ``referat parse <seed>`` (best of 5);
  4. batch (when ``referat batch`` exists): documents/s with --jobs 1 and 2 over a generated
     archive, and peak RSS of the run;
  5. PDF (when the PDF reader exists): ``scripts/bench_pdf.py``.
Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
BIN = Path(sys.executable).parent


def _best(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def bench_throughput() -> None:
    from referat_parser import parse_bytes

    datas = [p.read_bytes() for p in SEEDS]
    total = sum(len(d) for d in datas) * 20

    def run() -> None:
        for _ in range(20):
            for d in datas:
                parse_bytes(d)

    secs = _best(run)
    print(f"text throughput: {total / 1e6:.2f} MB in {secs:.3f} s = {total / 1e6 / secs:.1f} MB/s")


def bench_linearity() -> None:
    from referat_parser import parse_bytes

    base = SEEDS[0].read_bytes()
    for factor in (1, 10, 100):
        data = b"\n".join([base] * factor)
        secs = _best(lambda data=data: parse_bytes(data), repeat=2 if factor == 100 else 3)
        mb = len(data) / 1e6
        print(
            f"linearity {factor:>3}x {SEEDS[0].name}: {mb:.2f} MB in {secs:.3f} s = {mb / secs:.1f} MB/s"
        )


def bench_startup() -> None:
    referat = str(BIN / "referat")
    for args in (["--help"], ["parse", str(SEEDS[0])]):
        secs = _best(
            lambda args=args: subprocess.run([referat, *args], capture_output=True, check=True), 5
        )
        print(f"wall time: referat {' '.join(args)}: {secs:.3f} s")


def bench_batch(documents: int) -> None:
    referat = str(BIN / "referat")
    if (
        subprocess.run([referat, "batch", "--help"], capture_output=True, check=False).returncode
        != 0
    ):
        print("batch: not available")
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        for n in range(documents):
            seed = SEEDS[n % len(SEEDS)]
            target = archive / f"{2020 + n % 5}" / f"body{n % 37}" / f"doc{n:05d}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = seed.read_text(encoding="utf-8").replace("Sundhedsklynge", f"Sundhedsklynge{n}")
            target.write_text(text, encoding="utf-8")
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            cmd = [
                "/usr/bin/time",
                "-f",
                "%M",
                referat,
                "batch",
                str(archive),
                "-o",
                str(out),
                "--jobs",
                str(jobs),
            ]
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            secs = time.perf_counter() - start
            peak_kib = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "?"
            print(
                f"batch --jobs {jobs}: {documents} docs in {secs:.2f} s = {documents / secs:.0f} docs/s, "
                f"peak RSS of the parent process {int(peak_kib) / 1024 if peak_kib.isdigit() else peak_kib} MiB"
            )
            shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000, help="batch archive size")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args()
    bench_throughput()
    bench_linearity()
    bench_startup()
    if not args.skip_batch:
        bench_batch(args.documents)
    pdf_bench = ROOT / "scripts" / "bench_pdf.py"
    if not args.skip_pdf and pdf_bench.exists():
        subprocess.run([sys.executable, str(pdf_bench)], check=False)


if __name__ == "__main__":
    main()
