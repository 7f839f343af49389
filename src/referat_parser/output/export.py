"""``referat export``: parsed documents into tables (SQLite, CSV, Parquet) an analyst can query.

Sources, in the order given (each a path):

- a batch output folder (it holds ``_report.jsonl``: ``referat batch archive/ -o out/``): its
  ``*.json`` documents, in path order;
- a JSON Lines file (``referat batch archive/ --jsonl all.jsonl``; ``-`` reads stdin), or one
  document's ``.json`` file;
- input documents (``.txt``, ``.pdf``) and folders of them, parsed on the way by
  ``referat batch``'s machinery (worker pool, ``--timeout``, ``--resume`` and the report with
  ``--keep-json DIR``).

Each document's JSON becomes rows (``export_rows``) in the tables of ``export_layout``, handed to
a writer (``export_sqlite``, ``export_files``) a few hundred documents at a time, so memory
stays flat however large the archive. A document that cannot be read is one error line and is
left out; the others are exported. Nothing is half-written: the writers build under temporary
names and put the result in place only when every source is done.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from ..errors import ReferatError
from ..limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
from ..read.sniff import SUFFIXES
from .archive import (
    PARTIAL_SUFFIX,
    REPORT_NAME,
    Batch,
    Options,
    Task,
    parser_version,
    plan,
)
from .export_layout import LAYOUT_VERSION
from .export_rows import DocumentRows, document_id
from .people_keys import Aliases, read_aliases
from .pool import run_local

FORMATS = ("sqlite", "csv", "parquet")
FLUSH_DOCUMENTS = 200  # documents per batch of rows handed to the writer
SCHEMA_MAJOR = "1"


@dataclass(slots=True)
class ExportOptions:
    sources: list[str]
    to: str
    out: Path
    aliases: Path | None = None
    # for input documents, as ``referat batch``:
    jobs: int = 1
    pattern: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_memory: int = DEFAULT_MAX_MEMORY
    engine: str = "fast"
    keep_json: Path | None = None
    resume: bool = False


@dataclass
class ExportResult:
    target: Path
    format: str
    documents: int = 0  # documents exported
    parsed: dict[str, int] = field(default_factory=dict)  # batch counts of parsed inputs
    errors: list[str] = field(default_factory=list)  # one line each: what was left out
    warnings: list[str] = field(default_factory=list)  # amounts kept as null
    rows: dict[str, int] = field(default_factory=dict)  # rows per table (SQLite: in the file)
    seconds: float = 0.0


class Writer(Protocol):
    format: str

    def open(self, aliases: Aliases) -> None: ...
    def write(self, rows: DocumentRows, documents: list[str]) -> None: ...
    def commit(self, aliases: Aliases) -> dict[str, int]: ...
    def discard(self) -> None: ...


def make_writer(to: str, out: Path) -> Writer:
    from ..models import SCHEMA_VERSION

    meta = {
        "layout_version": LAYOUT_VERSION,
        "parser_version": parser_version(),
        "schema_version": SCHEMA_VERSION,
        "money": "exact: SQLite integer øre (<name>_ore); CSV and Parquet kroner with 2 decimals",
    }
    if to == "sqlite":
        from .export_sqlite import SqliteWriter

        return SqliteWriter(out, meta)
    from .export_files import CsvWriter, ParquetWriter

    if to == "csv":
        return CsvWriter(out, meta)
    if to == "parquet":
        return ParquetWriter(out, meta)
    raise ValueError(f"unknown export format {to!r}")


class Exporter:
    """Documents' JSON in (``add``), rows out to the writer in batches; ``finish`` commits."""

    def __init__(self, writer: Writer, aliases: Aliases, result: ExportResult) -> None:
        self.writer = writer
        self.aliases = aliases
        self.result = result
        self.rows = DocumentRows(aliases.key)
        self.pending: list[str] = []
        self.seen: dict[str, str] = {}

    def add(self, text: str, origin: str | None) -> None:
        """One document's JSON text; ``origin`` names it in an error line (None: its source
        path, for the documents a batch just parsed)."""
        doc = _read_document(text)
        if doc is None:
            self.result.errors.append(_why_not_a_document(text, origin or "-"))
            return
        origin = origin or str(doc["source"].get("path") or "-")
        source_id = document_id(doc["source"])
        if source_id in self.seen:
            self.result.errors.append(
                f"{origin}: {doc['source'].get('path')} was already exported from "
                f"{self.seen[source_id]} (same source path): the first is kept"
            )
            return
        marks = {name: len(rows) for name, rows in self.rows.tables.items()}
        try:
            self.rows.add(doc)
        except (KeyError, TypeError, IndexError, AttributeError) as exc:
            for name, rows in self.rows.tables.items():
                del rows[marks.get(name, 0) :]
            self.result.errors.append(f"{origin}: not a referat document ({_reason(exc)})")
            return
        self.seen[source_id] = origin
        self.pending.append(source_id)
        if len(self.pending) >= FLUSH_DOCUMENTS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.writer.write(self.rows, self.pending)
            self.result.documents += len(self.pending)
        self.result.warnings.extend(self.rows.problems)
        self.rows.clear()
        self.pending = []

    def finish(self) -> None:
        self.flush()
        self.result.rows = self.writer.commit(self.aliases)


def _read_document(text: str) -> dict[str, Any] | None:
    try:
        doc = json.loads(text, parse_float=Decimal)
    except ValueError:
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("source"), dict):
        return None
    if not str(doc.get("schema_version", "")).startswith(f"{SCHEMA_MAJOR}."):
        return None
    return doc


def _why_not_a_document(text: str, origin: str) -> str:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        return f"{origin}: not JSON ({exc})"
    if not isinstance(doc, dict) or not isinstance(doc.get("source"), dict):
        return f"{origin}: not a referat document (no 'source')"
    version = doc.get("schema_version")
    return f"{origin}: schema version {version!r} is not one this referat reads ({SCHEMA_MAJOR}.x)"


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no {exc.args[0]!r}"
    return f"{type(exc).__name__}: {exc}"


# --- sources -----------------------------------------------------------------------------------


def is_batch_output(folder: Path) -> bool:
    return (folder / REPORT_NAME).exists() or (folder / (REPORT_NAME + PARTIAL_SUFFIX)).exists()


def _json_files(folder: Path) -> list[Path]:
    """A batch output folder's documents, in path order (the report and temporaries skipped)."""
    found = [
        p
        for p in folder.rglob("*.json")
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _add_file(exporter: Exporter, path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        exporter.result.errors.append(f"{path}: cannot read: {getattr(exc, 'strerror', exc)}")
        return
    exporter.add(text, str(path))


def _json_lines(name: str) -> Iterator[tuple[str, str]]:
    import sys

    try:
        stream = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise ReferatError(f"{name}: cannot read: {exc.strerror}") from None
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield line, f"{name}:{number}"
    finally:
        if stream is not sys.stdin:
            stream.close()


class _BatchSink:
    """``referat batch``'s JSON Lines stream, fed to the exporter as it arrives in input order."""

    def __init__(self, exporter: Exporter) -> None:
        self.exporter = exporter

    def write(self, text: str) -> None:
        self.exporter.add(text, None)

    def commit(self) -> None:
        """The exporter commits once every source is done."""

    def discard(self) -> None:
        """An interrupted batch: the exporter discards everything (see ``run_export``)."""


def _parse_inputs(options: ExportOptions, exporter: Exporter, folder: Path | None,
                  files: list[Path]) -> None:  # fmt: skip
    """Parse a folder (or loose files) with batch's pool; each document goes to the exporter."""
    batch_options = Options(
        in_dir=folder or Path("."),
        out_dir=options.keep_json if folder is not None else None,
        sink=_BatchSink(exporter),
        pattern=options.pattern,
        jobs=options.jobs,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        max_memory=options.max_memory,
        resume=options.resume and folder is not None,
        engine=options.engine,
    )
    if folder is not None:
        batch = plan(batch_options)
    else:
        batch = Batch(batch_options, parser_version(), total=len(files))
        batch.tasks = [Task(k, str(p), p.name, None) for k, p in enumerate(files)]
        batch.open()
    try:
        run_local(batch, lambda line: None)
    except BaseException:
        batch.finish(complete=False)
        raise
    batch.finish(complete=True)
    result = exporter.result
    for status, count in batch.counts.items():
        result.parsed[status] = result.parsed.get(status, 0) + count
    result.errors.extend(line.error or line.path for line in batch.failures)
    if batch.stopped is not None:
        result.errors.append(f"{folder or files[0]}: parsing stopped early: {batch.stopped}")


def _plan_sources(sources: list[str]) -> list[tuple[str, Any]]:
    """Each source as (kind, what): json-folder, json-lines, json-file, input-folder, inputs
    (loose input files, gathered into one batch)."""
    planned: list[tuple[str, Any]] = []
    loose: list[Path] = []
    for name in sources:
        path = Path(name)
        if name != "-" and not path.exists():
            raise ReferatError(f"{name}: no such file or folder")
        if name == "-" or path.suffix.casefold() == ".jsonl":
            planned.append(("json-lines", name))
        elif path.is_dir():
            planned.append(("json-folder" if is_batch_output(path) else "input-folder", path))
        elif path.suffix.casefold() == ".json":
            planned.append(("json-file", path))
        elif path.suffix.casefold() in SUFFIXES:
            loose.append(path)
        else:
            raise ReferatError(
                f"{name}: not a source (a batch output folder, a .jsonl or .json file, "
                f"input documents {', '.join(SUFFIXES)} or a folder of them)"
            )
    if loose:
        planned.append(("inputs", loose))
    return planned


def run_export(options: ExportOptions, writer_factory: Callable[[str, Path], Writer] = make_writer
               ) -> ExportResult:  # fmt: skip
    """Export every source into ``options.out``; a document that fails is an error line, the
    rest are exported. Interrupted (Ctrl-C) or failing, nothing replaces the previous output."""
    started = time.perf_counter()
    _require("rapidfuzz", "export")
    planned = _plan_sources(options.sources)
    aliases = read_aliases(options.aliases) if options.aliases is not None else Aliases()
    result = ExportResult(options.out, options.to)
    writer = writer_factory(options.to, options.out)
    exporter = Exporter(writer, aliases, result)
    import sqlite3

    try:
        writer.open(aliases)
        for kind, what in planned:
            _export_source(kind, what, options, exporter)
        exporter.finish()
    except (OSError, sqlite3.Error) as exc:  # a full disk, a folder that is a file, …
        writer.discard()
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReferatError(f"{options.out}: cannot write the export: {why}") from None
    except BaseException:
        writer.discard()
        raise
    result.seconds = time.perf_counter() - started
    return result


def _require(module: str, extra: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ReferatError(
            f"referat export needs the {extra} extra: pip install 'referat-parser[{extra}]'"
        )


def _export_source(kind: str, what: Any, options: ExportOptions, exporter: Exporter) -> None:
    if kind == "json-folder":
        for path in _json_files(what):
            _add_file(exporter, path)
    elif kind == "json-lines":
        for text, origin in _json_lines(what):
            exporter.add(text, origin)
    elif kind == "json-file":
        _add_file(exporter, what)
    elif kind == "input-folder":
        _parse_inputs(options, exporter, what, [])
    else:
        _parse_inputs(options, exporter, None, what)
