"""PDF speed and memory (part of ``make bench``): ``parse_file`` against the bare libraries.

Measures, in one run on this machine, on the corpus PDF 026 (``../shared``, when present) and
on a synthetic 300-page PDF (the seeds, repeated, with running headers and ruled tables):
  1. the bare libraries reading every page's text: pypdfium2's ``get_text_range()``,
     pdfplumber's ``extract_text()`` and poppler's ``pdftotext`` (when installed);
  2. ``parse_file`` (file to ``Document``, in-process, one core) with ``--engine fast`` and
     ``--engine pdfplumber``: pages/s, best of ``--repeat``;
  3. peak RSS of a fresh process that parses and serialises the PDF, at N and 2N pages (memory
     must stay flat as pages grow);
  4. the office-suite fixtures (``fixtures/pdf/office-*.pdf``): pages/s per engine, whether
     the two engines give the same facts, and whether they give the seed text's facts.
Timings are reported, never asserted. ``--quick`` skips the pdfplumber runs on the long PDF.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PDF = ROOT.parent / "shared" / "corpus" / "docs" / "026_aarhus-byraad-referat-2025-08-27.pdf"
OFFICE = {
    "office-000": "000_82c72205aff1f9b0",
    "office-004-unruled": "004_5bb85d5469257d23",
    "office-002-columns": "002_0f329730a7ea2926",
    "office-001-html": "001_c88930ea668703fb",
}


def build_long_pdf(target: Path, pages: int) -> int:
    """The seeds, repeated until the PDF has at least ``pages`` pages; returns its page count."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_pdfs
    import pypdfium2

    texts = [p.read_text(encoding="utf-8") for p in sorted(make_pdfs.SEEDS.glob("*.txt"))]
    story: list[object] = []
    per_round = 37  # the five seeds make 37 pages
    for _ in range(max(1, -(-pages // per_round))):
        for text in texts:
            story.extend(make_pdfs.flowables(text))
    make_pdfs.build(target, story, "REFERAT Benchmarkklyngen")
    return len(pypdfium2.PdfDocument(str(target)))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_pdfium(path: Path) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def bare_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def bare_pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)


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


def bench_pdf(label: str, path: Path, pages: int, repeat: int, engines: tuple[str, ...]) -> None:
    from referat_parser import parse_file

    bare: list[tuple[str, Callable[[Path], None]]] = [("pypdfium2 get_text_range", bare_pdfium)]
    if "pdfplumber" in engines:
        bare.append(("pdfplumber extract_text", bare_pdfplumber))
    if shutil.which("pdftotext"):
        bare.append(("pdftotext", bare_pdftotext))
    for name, fn in bare:
        secs = best(lambda fn=fn: fn(path), repeat if name != "pdfplumber extract_text" else 1)
        print(f"pdf {label}: bare {name}: {pages / secs:.0f} pages/s")
    for engine in engines:
        secs = best(
            lambda engine=engine: parse_file(path, engine=engine),
            repeat if engine == "fast" else 1,
        )
        print(f"pdf {label}: parse_file engine {engine}: {pages / secs:.0f} pages/s ({secs:.2f} s)")


def bench_office(repeat: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from facts import facts
    from referat_parser import parse_file

    for name, seed in OFFICE.items():
        path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
        if not path.exists():
            continue
        want = facts(parse_file(ROOT / "fixtures" / "seeds" / f"{seed}.txt"))
        got: dict[str, Any] = {}
        for engine in ("fast", "pdfplumber"):
            doc = parse_file(path, engine=engine)  # type: ignore[arg-type]
            got[engine] = facts(doc)
            secs = best(lambda engine=engine, path=path: parse_file(path, engine=engine), repeat)
            same = sum(got[engine][k] == want[k] for k in want)
            print(
                f"pdf {name}: engine {engine}: {doc.source.pages / secs:.0f} pages/s, "
                f"{same}/{len(want)} fact groups as the seed text"
            )
        agree = got["fast"] == got["pdfplumber"]
        print(f"pdf {name}: both engines give the same facts: {agree}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300, help="pages of the synthetic PDF")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="no pdfplumber on the long PDF")
    args = parser.parse_args()
    import pypdfium2

    if CORPUS_PDF.exists():
        pages = len(pypdfium2.PdfDocument(str(CORPUS_PDF)))
        bench_pdf("026", CORPUS_PDF, pages, args.repeat, ("fast", "pdfplumber"))
        print(
            f"pdf 026: peak RSS, engine fast (parse + JSON): {peak_rss_mib(CORPUS_PDF, 'fast'):.0f} MiB"
        )
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf, double = Path(tmp) / "long.pdf", Path(tmp) / "double.pdf"
        pages = build_long_pdf(long_pdf, args.pages)
        engines = ("fast",) if args.quick else ("fast", "pdfplumber")
        bench_pdf(f"synthetic {pages} pages", long_pdf, pages, args.repeat, engines)
        double_pages = build_long_pdf(double, args.pages * 2)
        for engine in engines:
            for path, count in ((long_pdf, pages), (double, double_pages)):
                mib = peak_rss_mib(path, engine)
                print(
                    f"pdf: peak RSS, engine {engine}, {count} pages (parse + JSON): {mib:.0f} MiB"
                )
    bench_office(args.repeat)


if __name__ == "__main__":
    main()
