"""PDF speed and memory (part of ``make bench``): pages/s on a 100+ page PDF.

Builds one long PDF from the seeds (``make_pdfs.flowables``: running header, "Side N af M"
footer, ruled budget tables) and measures, in one run on this machine:
  1. pdfplumber's bare ``extract_text()`` over every page (the baseline of issue 5);
  2. ``parse_file(engine="pdfplumber")`` and ``parse_file(engine="fast")``: pages/s and the
     ratio to the baseline;
  3. peak RSS of a fresh process parsing (both engines) that PDF and one twice as long
     (memory must stay flat as pages grow).
Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _make_pdfs_module() -> Any:
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_pdfs

    return make_pdfs


def build_long_pdf(target: Path, repeats: int) -> int:
    """The seeds, ``repeats`` times over, as one PDF; returns its page count."""
    make_pdfs = _make_pdfs_module()
    texts = [p.read_text(encoding="utf-8") for p in sorted(make_pdfs.SEEDS.glob("*.txt"))]
    story: list[object] = []
    for _ in range(repeats):
        for text in texts:
            story.extend(make_pdfs.flowables(text))
    make_pdfs.build(target, story, "REFERAT Benchmarkklyngen")
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(target)))


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


_CHILD = """
import resource, sys
from referat_parser.output.writing import dump
from referat_parser import parse_file
dump(parse_file(sys.argv[1], engine=sys.argv[2]), None)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mib(path: Path, engine: str) -> float:
    """Peak RSS (KiB on Linux) of a fresh process that parses and serialises ``path``."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), engine],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(proc.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=4, help="seed copies in the long PDF")
    args = parser.parse_args()
    from referat_parser import parse_file

    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = Path(tmp) / "long.pdf"
        pages = build_long_pdf(long_pdf, args.repeats)
        base = _timed(lambda: bare_pdfplumber(long_pdf))
        print(
            f"pdf: {pages} pages; pdfplumber extract_text(): {base:.2f} s = {pages / base:.1f} pages/s"
        )
        for engine in ("pdfplumber", "fast"):
            secs = _timed(lambda engine=engine: parse_file(long_pdf, engine=engine))
            print(
                f"pdf: referat --engine {engine}: {secs:.2f} s = {pages / secs:.1f} pages/s "
                f"({secs / base:.2f}x pdfplumber's bare extraction)"
            )
        double = Path(tmp) / "double.pdf"
        double_pages = build_long_pdf(double, args.repeats * 2)
        for engine in ("fast", "pdfplumber"):
            for path, count in ((long_pdf, pages), (double, double_pages)):
                mib = peak_rss_mib(path, engine)
                print(
                    f"pdf: peak RSS, engine {engine}, {count} pages (parse + JSON): {mib:.0f} MiB"
                )


if __name__ == "__main__":
    main()
