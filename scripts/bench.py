"""``make bench``: speed and memory figures for the README and the issue notes.

Measures, in one run on this machine:
  1. text throughput of ``parse_text`` over the seeds and over the corpus documents
     (``../shared/corpus``), each list repeated 5 times, best of 7 runs of CPU time (MB/s, one
     core), without and with the JSON serialisation, and each pipeline stage's share;
  2. linearity: one seed repeated 1x, 10x, 100x into one document (s and MB/s each);
  3. start-up: wall time of ``referat --help`` and ``referat parse <seed>`` (best of 5);
  4. batch (when ``referat batch`` exists): documents/s with --jobs 1 and 2 over a generated
     archive, and peak RSS of the run;
  5. PDF (when the PDF reader exists): ``scripts/bench_pdf.py``;
  6. formats: reading the seeds' HTML pages and Word files (bytes to lines) against parsing
     the same documents as text, and the whole parse of each format;
  7. export: ``referat export --to sqlite`` against ``referat batch --jsonl`` on that archive,
     export from JSON Lines to each format, and peak RSS.
Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
BIN = Path(sys.executable).parent


def _best(
    fn: Callable[[], object], repeat: int = 3, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Best time of ``repeat`` runs by ``clock`` (wall by default; ``time.process_time``: CPU
    time of this process, one core)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def _text_sets() -> list[tuple[str, list[str]]]:
    """The seeds and (where ``../shared`` is present) the corpus documents, as decoded text."""
    sets = [("seeds", [p.read_text(encoding="utf-8") for p in SEEDS])]
    corpus = sorted(CORPUS.glob("*.txt"))
    if corpus:
        sets.append(("corpus", [p.read_text(encoding="utf-8") for p in corpus]))
    return sets


def bench_throughput() -> None:
    """In-process ``parse_text`` over each list repeated 5 times, best of 7 runs (CPU time),
    with and without the JSON serialisation ``referat parse`` adds."""
    from referat_parser import parse_text

    for name, texts in _text_sets():
        size = sum(len(t.encode("utf-8")) for t in texts) * 5 / 1e6

        def run(texts: list[str] = texts) -> None:
            for _ in range(5):
                for text in texts:
                    parse_text(text)

        def run_json(texts: list[str] = texts) -> None:
            for _ in range(5):
                for text in texts:
                    parse_text(text).model_dump_json(by_alias=True)

        secs, with_json = (_best(f, 7, time.process_time) for f in (run, run_json))
        print(
            f"text throughput, {name} x5 ({size:.2f} MB): {size / secs:.1f} MB/s "
            f"({secs:.3f} s); with JSON output {size / with_json:.1f} MB/s"
        )


def bench_stages() -> None:
    """Where the text time goes: the pipeline's own stage calls, timed in place (the
    functions ``parse_lines`` calls are wrapped, so this follows the pipeline as it is)."""
    from referat_parser import parse_text, pipeline

    stages = {
        "lines+furniture+noise": (pipeline, "text_lines"),
        "segment (layout)": (pipeline.outline, "segment"),
        "metadata": (pipeline.metadata, "read_metadata"),
        "extract (assemble)": (pipeline.assemble, "build_body"),
        "people": (pipeline.people, "extract_participants"),
        "validate (Document)": (pipeline, "Document"),
    }
    spent = dict.fromkeys(stages, 0.0)
    originals = {name: getattr(mod, attr) for name, (mod, attr) in stages.items()}

    def timed(name: str, fn: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)  # type: ignore[operator]
            finally:
                spent[name] += time.process_time() - start

        return wrapper

    for name, (mod, attr) in stages.items():
        setattr(mod, attr, timed(name, originals[name]))
    try:
        for set_name, texts in _text_sets():
            for key in spent:
                spent[key] = 0.0
            size = sum(len(t.encode("utf-8")) for t in texts) * 5 / 1e6
            start = time.process_time()
            for _ in range(5):
                for text in texts:
                    parse_text(text)
            whole = time.process_time() - start
            for key, secs in spent.items():
                share = 100 * secs / whole
                rate = size / secs if secs else float("inf")
                print(f"stage {set_name:<6} {key:<22} {share:5.1f} % = {rate:7.1f} MB/s")
    finally:
        for name, (mod, attr) in stages.items():
            setattr(mod, attr, originals[name])


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


def _make_archive(root: Path, documents: int) -> None:
    """The seeds repeated with varied names, nested by year and body."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for n in range(documents):
        target = root / f"{2020 + n % 5}" / f"body{n % 37}" / f"doc{n:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = texts[n % len(texts)].replace("Sundhedsklynge", f"Sundhedsklynge{n}")
        target.write_text(text, encoding="utf-8")


def _batch_run(archive: Path, out: Path, jobs: int) -> tuple[float, str]:
    """Wall seconds, and the peak RSS (MiB) of the largest single process of the run (the
    parent or a worker: RUSAGE_CHILDREN of a wrapper covers every waited-for descendant)."""
    wrapper = (
        "import resource, subprocess, sys; "
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    referat = str(BIN / "referat")
    start = time.perf_counter()
    cmd = [sys.executable, "-c", wrapper, referat, "batch", str(archive), "-o", str(out)]
    proc = subprocess.run([*cmd, "--jobs", str(jobs)], capture_output=True, text=True, check=False)
    secs = time.perf_counter() - start
    peak = proc.stdout.strip()
    return secs, f"{int(peak) / 1024:.0f}" if peak.isdigit() else "?"


def bench_batch(documents: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        _make_archive(archive, documents)
        for jobs in (1, 2):
            secs, peak = _batch_run(archive, Path(tmp) / f"out{jobs}", jobs)
            print(
                f"batch --jobs {jobs}: {documents} docs in {secs:.1f} s = "
                f"{documents / secs:.0f} docs/s; peak RSS of any one process {peak} MiB"
            )
            shutil.rmtree(Path(tmp) / f"out{jobs}", ignore_errors=True)
        small = Path(tmp) / "small"
        _make_archive(small, documents // 5)
        secs, peak = _batch_run(small, Path(tmp) / "out-small", 2)
        print(f"batch --jobs 2: {documents // 5} docs: peak RSS of any one process {peak} MiB "
              "(memory stays flat as the archive grows)")  # fmt: skip


def bench_formats() -> None:
    """What the HTML and DOCX readers cost next to the shared pipeline (best of 3, 20 rounds):
    the bar is that reading a page costs under 10 % of parsing its text."""
    from referat_parser import parse_bytes
    from referat_parser.diagnostics import Diagnostics
    from referat_parser.read.docx import read_docx
    from referat_parser.read.html import read_html

    texts = [p.read_bytes() for p in SEEDS]
    pages = [(ROOT / "fixtures" / "html" / f"{p.stem}.html").read_bytes() for p in SEEDS]
    words = [(ROOT / "fixtures" / "docx" / f"{p.stem}.docx").read_bytes() for p in SEEDS]

    def per_round(fn: object) -> float:
        return _best(lambda: [fn() for _ in range(20)]) / 20  # type: ignore[operator]

    text = per_round(lambda: [parse_bytes(d) for d in texts])
    html = per_round(lambda: [read_html(d, Diagnostics(), label="b") for d in pages])
    docx = per_round(lambda: [read_docx(d, Diagnostics(), label="b") for d in words])
    html_all = per_round(lambda: [parse_bytes(d, format="html") for d in pages])
    docx_all = per_round(lambda: [parse_bytes(d, format="docx") for d in words])
    kb = sum(map(len, pages)) / 1000
    print(f"formats: parsing the 5 seeds as text: {text * 1000:.2f} ms")
    print(f"formats: reading their HTML pages ({kb:.0f} kB) into lines: {html * 1000:.2f} ms "
          f"= {html / text:.0%} of the text parse (bar: under 10%)")  # fmt: skip
    print(f"formats: reading their Word files into lines: {docx * 1000:.2f} ms "
          f"= {docx / text:.0%} of the text parse")  # fmt: skip
    print(f"formats: whole parse: HTML {html_all * 1000:.2f} ms, DOCX {docx_all * 1000:.2f} ms")


def _timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds of a command, the CPU seconds of all its processes (user + system: what
    counts when the workers fill every core), and the peak RSS (MiB) of its largest process."""
    wrapper = (
        "import resource, subprocess, sys; "
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime)"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=False
    )
    secs = time.perf_counter() - start
    peak, cpu = [*proc.stdout.split(), "?", "nan"][:2]
    return secs, float(cpu), f"{int(peak) / 1024:.0f}" if peak.isdigit() else "?"


def bench_export(documents: int, jobs_list: tuple[int, ...] = (1, 2)) -> None:
    """``referat export --to sqlite`` against ``referat batch --jsonl`` on the same inputs (the
    issue's bar: export at no less than 80 % of batch speed), then export from the JSON Lines
    alone (no parsing), and the peak RSS at a fifth of the documents (flat memory)."""
    referat = str(BIN / "referat")
    with tempfile.TemporaryDirectory() as tmp:
        archive, jsonl = Path(tmp) / "archive", Path(tmp) / "all.jsonl"
        _make_archive(archive, documents)
        for jobs in jobs_list:
            batch = [referat, "batch", str(archive), "--jsonl", str(jsonl), "--jobs", str(jobs)]
            export_cmd = [referat, "export", str(archive), "--to", "sqlite", "--jobs", str(jobs)]
            b_secs, b_cpu, b_peak = _timed(batch)
            e_secs, e_cpu, e_peak = _timed([*export_cmd, "-o", str(Path(tmp) / f"e{jobs}.db")])
            print(
                f"export --jobs {jobs}: {documents} docs: batch --jsonl {documents / b_secs:.0f} "
                f"docs/s ({b_cpu * 1000 / documents:.2f} CPU ms/doc, peak RSS {b_peak} MiB), "
                f"export --to sqlite {documents / e_secs:.0f} docs/s ({e_cpu * 1000 / documents:.2f} "
                f"CPU ms/doc, peak RSS {e_peak} MiB) = {b_secs / e_secs:.0%} of batch speed "
                f"({b_cpu / e_cpu:.0%} by CPU time)"
            )
        for to in ("sqlite", "csv", "parquet"):
            target = Path(tmp) / f"from-jsonl-{to}"
            secs, cpu, peak = _timed([referat, "export", str(jsonl), "--to", to, "-o", str(target)])
            print(
                f"export from JSON Lines --to {to}: {documents} docs in {secs:.1f} s = "
                f"{documents / secs:.0f} docs/s ({cpu * 1000 / documents:.2f} CPU ms/doc); "
                f"peak RSS {peak} MiB"
            )
        small = Path(tmp) / "small.jsonl"
        with jsonl.open(encoding="utf-8") as lines, small.open("w", encoding="utf-8") as out:
            for _, line in zip(range(documents // 5), lines):
                out.write(line)
        _, _, peak = _timed([referat, "export", str(small), "--to", "sqlite", "-o", f"{tmp}/s.db"])
        print(f"export from JSON Lines --to sqlite: {documents // 5} docs: peak RSS {peak} MiB "
              "(memory stays flat as the archive grows)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000, help="batch archive size")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--only-formats", action="store_true", help="just the formats figures")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--only-export", action="store_true", help="only the export figures")
    args = parser.parse_args()
    if args.only_export:
        bench_export(args.documents)
        return
    if args.only_formats:
        bench_formats()
        return
    bench_throughput()
    bench_stages()
    bench_linearity()
    bench_startup()
    if not args.skip_batch:
        bench_batch(args.documents)
    if not args.skip_export:
        bench_export(args.documents)
    pdf_bench = ROOT / "scripts" / "bench_pdf.py"
    if not args.skip_pdf and pdf_bench.exists():
        subprocess.run([sys.executable, str(pdf_bench)], check=False)
    bench_formats()


if __name__ == "__main__":
    main()
