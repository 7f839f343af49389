"""The pipeline, as one ordered list of named stages (see README, "How it works").

    decode -> normalise -> lines -> furniture -> noise -> segment -> extract -> people -> validate

Every format meets at ``lines``: one reader per format (``_READERS``: text, PDF, HTML, DOCX)
turns the input's bytes into the same ``Line``s, and everything after that is shared. The
format comes from the bytes, then the name or the content type (``read/sniff.py``). ``referat debug --stage NAME`` prints a
stage's value for field debugging.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import RawIOBase
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

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
from .read import noise, sniff
from .read.decode import decode, normalise
from .read.sniff import Format

if TYPE_CHECKING:
    from .read.pdf import PdfText

Engine = Literal["fast", "pdfplumber"]
__all__ = [
    "STAGES",
    "parse_bytes",
    "parse_file",
    "parse_lines",
    "parse_text",
    "parse_url",
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
    found = people.extract_participants(
        _meeting_header(shape, body), body.item_blocks, diags, shape.rest, grouped
    )
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


def _meeting_header(shape: outline.Outline, body: assemble.Built) -> list[Line]:
    """The lines that speak for the meeting before its first item: the header, and the lines
    between the TOC and the first item (a Word referat lists "Mødedeltagere" there)."""
    if not shape.items or not body.items:
        return shape.header
    first = body.items[0].line_start
    return [*shape.header, *(ln for ln in shape.rest if ln.no < first)]


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
    format: Format | None = None,
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    """Parse the bytes of any input: the format is detected from the bytes (then ``source``'s
    suffix) unless ``format`` names it; text is decoded with ``encoding`` or by detection.
    PDF only: ``ocr`` and ``isolate`` as for ``parse_file``."""
    origin = Origin(
        path=source, label=source or "-", encoding=encoding, engine=engine, ocr=ocr,
        isolate=isolate,
    )  # fmt: skip
    return _read(data, origin, format or sniff.detect(data, name=source))


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    engine: Engine = "fast",
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    """Parse a text, PDF, HTML or Word file. Raises ``ReferatError`` subclasses for unreadable
    input. PDF only: ``ocr`` reads pages without a text layer by OCR (the ``ocr`` extra);
    ``isolate`` reads the pages in a child process the ``--timeout`` deadline can kill."""
    p = Path(path)
    data = read_input(p, max_bytes)
    origin = Origin(
        path=str(path), label=str(path), encoding=encoding, engine=engine, ocr=ocr,
        isolate=isolate,
    )  # fmt: skip
    return _read(data, origin, sniff.detect(data, name=p.name))


def parse_url(
    url: str,
    *,
    encoding: str | None = None,
    engine: Engine = "fast",
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 30.0,
    ocr: bool = False,
    isolate: bool = False,
) -> Document:
    """Fetch an http(s) URL and parse what it serves: the content type decides the reader (the
    bytes, where the type says nothing). Needs the ``url`` extra (urllib3)."""
    from .read.url import fetch

    page = fetch(url, max_bytes=max_bytes, timeout=timeout)
    origin = Origin(
        path=None,
        label=url,
        encoding=encoding or sniff.charset(page.content_type),
        engine=engine,
        url=url,
        ocr=ocr,
        isolate=isolate,
    )
    return _read(page.data, origin, page.format)


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


# --- one reader per format: bytes in, the shared pipeline from ``lines`` on --------------------


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the bytes came from: ``path`` (``source.path``; None for stdin and URLs),
    ``label`` (the name errors give), and what the reader may need."""

    path: str | None
    label: str
    encoding: str | None = None
    engine: Engine = "fast"
    url: str | None = None
    ocr: bool = False  # PDF: OCR for pages without a text layer
    isolate: bool = False  # PDF: read pages in a child process the deadline can kill


def _read(data: bytes, origin: Origin, fmt: Format) -> Document:
    if not data.strip():
        raise InputError(f"{origin.label}: empty input (no text)")
    return _READERS[fmt](data, origin)


def _source(origin: Origin, fmt: Format, data: bytes, **fields: object) -> Source:
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=origin.path, format=fmt, sha256=digest, url=origin.url, **fields)


def _parse_text_bytes(data: bytes, origin: Origin) -> Document:
    diags = Diagnostics()
    try:
        text, used = decode(data, diags, origin.encoding)
    except InputError as exc:
        raise InputError(f"{origin.label}: {exc}") from None
    lines = text_lines(text, diags)
    src = _source(origin, "text", data, encoding=used, pages=_page_count(lines))
    return parse_lines(lines, src, diags)


def _parse_pdf(data: bytes, origin: Origin) -> Document:
    diags = Diagnostics()
    if origin.path is not None:
        pdf_text = _read_pdf_file(Path(origin.path), origin, diags)
    else:  # stdin or fetched bytes: the PDF engines read files
        pdf_text = _read_pdf_bytes(data, origin, diags)
    src = _source(origin, "pdf", data, pages=pdf_text.pages)
    return parse_lines(noise.clean_lines(pdf_text.lines, diags), src, diags)


def _read_pdf_file(path: Path, origin: Origin, diags: Diagnostics) -> PdfText:
    from .read.pdf import read_pdf

    return read_pdf(path, diags, engine=origin.engine, ocr=origin.ocr, isolate=origin.isolate)


def _read_pdf_bytes(data: bytes, origin: Origin, diags: Diagnostics) -> PdfText:
    """PDF bytes without a file: a private temporary file holds them while they are read;
    errors name the input (``-``, the URL), not that file."""
    import tempfile  # (with shutil, bz2, lzma: not for a text parse)

    from .errors import PdfError

    with tempfile.TemporaryDirectory(prefix="referat-") as tmp:
        staged = Path(tmp, "input.pdf")
        staged.write_bytes(data)
        try:
            return _read_pdf_file(staged, origin, diags)
        except PdfError as exc:
            raise PdfError(str(exc).replace(str(staged), origin.label)) from None


def _parse_html(data: bytes, origin: Origin) -> Document:
    from .read.html import read_html

    diags = Diagnostics()
    page = read_html(data, diags, label=origin.label, encoding=origin.encoding)
    src = _source(origin, "html", data, encoding=page.encoding)
    return parse_lines(noise.clean_lines(page.lines, diags), src, diags)


def _parse_docx(data: bytes, origin: Origin) -> Document:
    from .read.docx import read_docx

    diags = Diagnostics()
    lines = read_docx(data, diags, label=origin.label)
    return parse_lines(noise.clean_lines(lines, diags), _source(origin, "docx", data), diags)


_READERS: dict[Format, Callable[[bytes, Origin], Document]] = {
    "text": _parse_text_bytes,
    "pdf": _parse_pdf,
    "html": _parse_html,
    "docx": _parse_docx,
}


def _page_count(lines: list[Line]) -> int | None:
    pages = [ln.page for ln in lines if ln.page is not None]
    return max(pages) if pages else None
