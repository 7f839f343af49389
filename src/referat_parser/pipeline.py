"""The pipeline, as one ordered list of named stages (see README, "How it works").

    decode -> normalise -> lines -> furniture -> noise -> segment -> extract -> people -> validate

Text and PDF meet at ``lines``: a PDF is read by ``pdf.read_pdf`` into the same ``Line``s
(with pages), and everything after that is shared. ``referat debug --stage NAME`` prints a
stage's value for field debugging.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import stat
from collections.abc import Sequence
from io import RawIOBase
from pathlib import Path
from typing import BinaryIO, Literal

from .check import assemble, crosschecks
from .diagnostics import Diagnostics
from .errors import InputError, os_reason
from .extract import metadata, people
from .extract.decisions import classify
from .layout import outline
from .layout.blocks import opens_recommendation
from .limits import DEFAULT_MAX_BYTES, STAGES
from .lines import Line, split_lines
from .models import Document, Source
from .read import noise
from .read.decode import decode, normalise

Engine = Literal["fast", "pdfplumber"]
__all__ = [
    "STAGES",
    "parse_bytes",
    "parse_file",
    "parse_lines",
    "parse_text",
    "read_input",
    "read_limited",
    "text_lines",
]


def text_lines(text: str, diags: Diagnostics) -> list[Line]:
    """Stages normalise -> lines -> furniture -> noise for text input."""
    lines = split_lines(normalise(text))
    if lines and lines[-1].page is not None:
        from .read.furniture import strip_page_furniture

        lines = strip_page_furniture(lines, diags)
    return noise.clean_lines(lines, diags)


def parse_lines(lines: list[Line], source: Source, diags: Diagnostics) -> Document:
    """Stages segment -> extract -> people -> validate, shared by text and PDF."""
    if not any(not ln.blank for ln in lines):
        diags.add("empty-document")
    shape = outline.segment(lines, diags)
    meta = metadata.read_metadata(shape.header, diags)
    grouped = _label_groups(shape, meta)
    body = assemble.build_body(shape, meta, diags)
    if meta.body is None:
        meta.body = metadata.body_from_items(
            (item.decision.body for item in body.items if item.decision is not None),
            (ln.stripped for ln in _lead_in_lines(shape, body)),
        )
    _meeting_facts_from_items(meta, body)
    found = people.extract_participants(shape.header, body.item_blocks, diags, shape.rest, grouped)
    cast = found.participants
    _merge_people(body, found)
    kind = _kind(meta.kind, body, [*shape.header, *shape.rest])
    if kind == "dagsorden":
        cast = people.as_invited(cast)
    crosschecks.check_toc(shape.toc, body.items, diags)
    crosschecks.check_numbering(body.items, diags)
    crosschecks.check_decision_dates(body.items, meta.date, diags)
    crosschecks.check_absent_acting(body.item_blocks, cast, diags, body.items)
    diagnostics = diags.sorted()
    section_tables = [t for s in body.sections for t in s.tables]
    return Document(
        source=source,
        kind=kind,
        title=meta.title,
        body=meta.body,
        date=meta.date,
        start_time=meta.start_time,
        location=meta.location,
        participants=cast,
        toc=shape.toc,
        items=body.items,
        sections=body.sections,
        unplaced=body.unplaced,
        summary=crosschecks.summarise(body.items, section_tables, cast, diagnostics),
        diagnostics=diagnostics,
    )


def _kind(printed: str | None, body: assemble.Built, rest: Sequence[Line] = ()) -> str:
    """Minutes record decisions, whatever the page calls itself (FirstAgenda's API names held
    meetings "Dagsorden"); else the word the document prints; else items make an agenda and a
    document without items is a report."""
    if any(item.decision is not None and item.decision.text for item in body.items):
        return "referat"
    if printed is not None:
        return printed
    if not body.items and _decided_in_prose(rest):
        return "referat"
    return "dagsorden" if body.items else "rapport"


def _decided_in_prose(lines: Sequence[Line]) -> bool:
    """A page of minutes cut from its items (Region Hovedstaden's eDagsorden excerpt): a
    recommendation's lead-in followed at once by its short decision ("… indstiller overfor
    udvalget …:" / "Godkendt.")."""
    content = [ln for ln in lines if not ln.blank]
    return any(
        opens_recommendation(a) and len(b.stripped.split()) <= 4 and classify(b.stripped)
        for a, b in itertools.pairwise(content)
    )


def _label_groups(shape: outline.Outline, meta: metadata.Metadata) -> list[metadata.Listed]:
    """Header labels printed in one run with their values after them (a transcript's
    flattened header), in the header or, without items, the document's first lines."""
    pool = list(shape.header) + ([] if shape.items else list(shape.rest[:40]))
    found: list[metadata.Listed] = []
    for line in pool:
        if len(line.stripped) > 60 and line.stripped.count(":") >= 3:
            found.extend(metadata.read_label_group(line, meta))
    return found


def _meeting_facts_from_items(meta: metadata.Metadata, body: assemble.Built) -> None:
    """The date and start time the header does not print, from the items: the date the
    decision headings share, the start time item 1 records ("Mødet startede kl. 13.30")."""
    if meta.date is None:
        meta.date = metadata.date_from_decisions(
            item.decision.date for item in body.items if item.decision is not None
        )
    if meta.start_time is None and body.item_blocks:
        first = body.item_blocks[0]
        meta.start_time = metadata.start_from_prose(ln for b in first.blocks for ln in b.lines)


def _lead_in_lines(shape: outline.Outline, body: assemble.Built) -> list[Line]:
    """Lines that may address a recommendation to a forum ("… indstiller, at Økonomiudvalget
    …"): in the items' blocks, else (no items) in the rest of the document."""
    if body.item_blocks:
        pool = [ln for item in body.item_blocks for b in item.blocks for ln in b.lines]
    else:
        pool = list(shape.rest) + list(shape.header)
    return [ln for ln in pool if "indstiller" in ln.text]


def _merge_people(body: assemble.Built, found: people.People) -> None:
    """Header lines the lists used are placed; items' partial absences read from prose join
    the items' ``absent``."""
    if found.used:
        body.unplaced = [u for u in body.unplaced if u.line not in found.used]
    for index, names in found.item_absent.items():
        item = body.items[index]
        item.absent = [*item.absent, *(n for n in names if n not in item.absent)]


def parse_text(text: str, *, source: str | None = None) -> Document:
    """Parse already-decoded text (``source`` is recorded as ``source.path``)."""
    diags = Diagnostics()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    src = Source(path=source, format="text", sha256=digest, encoding=None)
    lines = text_lines(text, diags)
    src.pages = _page_count(lines)
    return parse_lines(lines, src, diags)


def parse_bytes(
    data: bytes,
    *,
    source: str | None = None,
    encoding: str | None = None,
    engine: Engine = "fast",
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    """Parse text bytes: detect the encoding (or use ``encoding``), then ``parse_text``'s stages.
    PDF bytes (``%PDF-``, as ``referat parse - < x.pdf`` gives) are parsed as a PDF."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return _parse_pdf_bytes(data, source, engine, ocr, isolate)
    diags = Diagnostics()
    label = source or "-"
    if not data.strip():
        raise InputError(f"{label}: empty input (no text)")
    try:
        text, used = decode(data, diags, encoding)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None
    src = Source(path=source, format="text", sha256=hashlib.sha256(data).hexdigest(), encoding=used)
    lines = text_lines(text, diags)
    src.pages = _page_count(lines)
    return parse_lines(lines, src, diags)


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    engine: Engine = "fast",
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    """Parse a text or PDF file. Raises ``ReferatError`` subclasses for unreadable input.
    PDF only: ``ocr`` reads pages without a text layer by OCR (the ``ocr`` extra);
    ``isolate`` reads the pages in a child process the ``--timeout`` deadline can kill."""
    p = Path(path)
    data = read_input(p, max_bytes)
    if data[:1024].lstrip().startswith(b"%PDF-") or p.suffix.casefold() == ".pdf":
        return _parse_pdf(p, data, engine, ocr=ocr, isolate=isolate)
    return parse_bytes(data, source=str(path), encoding=encoding)


def read_input(p: Path, max_bytes: int) -> bytes:
    """Read a file's bytes, turning OS errors into one-line ``InputError``s. A regular file
    over ``max_bytes`` is refused from its size before it is read; anything whose size is
    unknown (a FIFO, ``/dev/zero``, a character device) is read in chunks and refused as
    soon as it passes the limit."""
    try:
        with open(p, "rb", buffering=0) as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise InputError(
                    f"{p}: file is {info.st_size:,} bytes, over the limit of {max_bytes:,} "
                    "(see --max-bytes)"
                )
            return read_limited(fh, str(p), max_bytes)
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({os_reason(exc)})") from None


_CHUNK = 1024 * 1024


def read_limited(stream: BinaryIO | RawIOBase, label: str, max_bytes: int) -> bytes:
    """Read ``stream`` to its end in chunks (stdin, a FIFO), never more than ``max_bytes``:
    past it, stop reading and refuse the input."""
    buffer = io.BytesIO()
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - buffer.tell()))
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
        if buffer.tell() > max_bytes:
            raise InputError(
                f"{label}: input is over the limit of {max_bytes:,} bytes (see --max-bytes); "
                "stopped reading"
            )


def _parse_pdf(
    p: Path,
    data: bytes,
    engine: Engine,
    *,
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    from .read.pdf import read_pdf

    diags = Diagnostics()
    pdf_text = read_pdf(p, diags, engine=engine, ocr=ocr, isolate=isolate)
    src = Source(
        path=str(p),
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=None,
        pages=pdf_text.pages,
    )
    return parse_lines(noise.clean_lines(pdf_text.lines, diags), src, diags)


def _parse_pdf_bytes(
    data: bytes, source: str | None, engine: Engine, ocr: bool, isolate: bool
) -> Document:
    """PDF bytes without a file (stdin): the readers take a path, so a private temporary
    file holds them while they are read; errors name ``source`` (or ``-``), not that file,
    and ``source.path`` is ``source``."""
    import tempfile

    from .errors import PdfError

    with tempfile.TemporaryDirectory(prefix="referat-") as tmp:
        path = Path(tmp, "stdin.pdf")
        path.write_bytes(data)
        try:
            doc = _parse_pdf(path, data, engine, ocr=ocr, isolate=isolate)
        except PdfError as exc:
            raise PdfError(str(exc).replace(str(path), source or "-")) from None
    doc.source.path = source
    return doc


def _page_count(lines: list[Line]) -> int | None:
    pages = [ln.page for ln in lines if ln.page is not None]
    return max(pages) if pages else None
