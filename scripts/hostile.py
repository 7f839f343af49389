"""Hostile inputs (issue 20) under ``/usr/bin/time -v``: wall time, peak RSS, exit status and
the first stderr line of each, so the README's bounds are measured, not hoped for.

    .venv/bin/python scripts/hostile.py                  # this checkout's referat (make hostile)
    .venv/bin/python scripts/hostile.py --referat OLD/.venv/bin/referat --cap 4G   # "before"

``--cap`` runs each case under ``ulimit -v`` and ``timeout 300`` (for a build without its own
bounds, so the machine survives it). The inputs are built in a temporary folder:

- ``/dev/zero`` and an endless stdin (``yes |``) and FIFO with ``--max-bytes 1000`` (item 3);
- 20 MB of empty lines (~130 bytes of memory per input byte), default bounds (item 4);
- a 2 KB PDF whose page stream inflates to 400 MB (``/FlateDecode`` twice) (item 4);
- six pages of 300,000 vector lines each, which pdfplumber turns into objects (item 4);
- a batch of all the files above beside two seeds, ``--jobs 2`` (items 4 and 5).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


def pdf(pages: list[bytes], filters: int = 1) -> bytes:
    """A minimal valid PDF: one content stream per page, Flate-compressed ``filters`` times."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in pages:
        data = content
        for _ in range(filters):
            data = zlib.compress(data, 9)
        names = " ".join(["/FlateDecode"] * filters)
        objects.append(b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(data), names.encode()))
        objects[-1] += data + b"\nendstream"
        stream = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b">> >> >> >>" % stream
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of these numbered objects (1 is the catalog) with a correct xref table; also
    used by ``tests/hostile_pdfs.py`` for broken page trees no writer makes."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


TITLE = b"BT /F1 12 Tf 72 780 Td (Referat) Tj ET\n"


def build(folder: Path) -> dict[str, Path]:
    files = {
        "blank": folder / "blank.txt",
        "inflate": folder / "inflate.pdf",
        "vectors": folder / "vectors.pdf",
        "fifo": folder / "endless.txt",
    }
    files["blank"].write_bytes(b"Referat\n" + b"\n" * 20_000_000)
    files["inflate"].write_bytes(pdf([TITLE + b" " * 400_000_000], filters=2))
    lines = TITLE + b"0.5 w\n" + b"72 72 m 500 700 l S\n" * 300_000
    files["vectors"].write_bytes(pdf([lines] * 6))
    os.mkfifo(files["fifo"])
    archive = folder / "archive"
    archive.mkdir()
    for key in ("blank", "inflate", "vectors"):
        shutil.copy(files[key], archive / files[key].name)
    for seed in SEEDS[:2]:
        shutil.copy(seed, archive / seed.name)
    files["archive"] = archive
    return files


def cases(referat: str, files: dict[str, Path], out: Path) -> list[tuple[str, str, str]]:
    """(name, shell prefix feeding stdin, referat arguments)."""
    fifo = files["fifo"]
    return [
        ("/dev/zero --max-bytes 1000", "", "parse --max-bytes 1000 /dev/zero"),
        ("yes | parse - --max-bytes 1000", "yes |", "parse --max-bytes 1000 -"),
        ("endless FIFO --max-bytes 1000", f"(yes > {fifo} &);", f"parse --max-bytes 1000 {fifo}"),
        ("20 MB of empty lines", "", f"parse --compact {files['blank']}"),
        ("PDF inflating to 400 MB", "", f"parse --compact {files['inflate']}"),
        ("6 pages of 300k vector lines", "", f"parse --compact {files['vectors']}"),
        ("batch of the above + 2 seeds", "", f"batch {files['archive']} -o {out} --jobs 2"),
    ]


def measure(referat: str, prefix: str, args: str, cap: str | None, folder: Path) -> dict[str, str]:
    timing = folder / "time.txt"
    limits = f"ulimit -v {_kib(cap)}; timeout 300 " if cap else ""
    command = f"{prefix} ({limits}/usr/bin/time -v -o {timing} {referat} {args} > /dev/null)"
    run = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, check=False, timeout=900
    )
    report = timing.read_text() if timing.exists() else ""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    status = re.search(r"Exit status: (\d+)", report)
    signal = re.search(r"Command terminated by signal (\d+)", report)
    lines = [ln for ln in run.stderr.splitlines() if not ln.startswith("\t")]
    return {
        "seconds": _seconds(wall[1]) if wall else "-",
        "rss": f"{int(rss[1]) / 1024:.0f} MiB" if rss else "-",
        "exit": status[1] if status else (f"signal {signal[1]}" if signal else str(run.returncode)),
        "stderr": (lines[-1] if lines else "")[:110],
    }


def _kib(size: str) -> int:
    units = {"K": 1, "M": 1024, "G": 1024**2}
    return int(float(size[:-1]) * units[size[-1].upper()])


def _seconds(text: str) -> str:
    parts = [float(p) for p in text.split(":")]
    total = sum(p * 60**k for k, p in enumerate(reversed(parts)))
    return f"{total:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referat", default=str(Path(sys.executable).parent / "referat"))
    parser.add_argument("--cap", help="ulimit -v for each case, e.g. 4G (a build without bounds)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = build(folder)
        print("| input | exit | wall s | peak RSS | last stderr line |")
        print("|---|---|---|---|---|")
        for title, prefix, args in cases(options.referat, files, folder / "out"):
            got = measure(options.referat, prefix, args, options.cap, folder)
            stderr = got["stderr"].replace(name, "…").replace("|", "\\|")
            print(f"| {title} | {got['exit']} | {got['seconds']} | {got['rss']} | {stderr} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
