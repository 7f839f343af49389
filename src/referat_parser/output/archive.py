"""``referat batch``: convert an archive folder in parallel, resumably, losing nothing.

The flow: ``inputs.find_inputs`` walks the folder (sorted, shell-glob filter, no symlink
escapes, no FIFOs or devices) -> ``plan`` pairs each input with its output path, refuses output
names that collide, and with ``--resume`` skips the ones already done -> a runner (``pool.py``:
local worker processes, or a Dask cluster) calls ``convert`` on each file -> ``Batch.accept``
records a report line -> ``Batch.finish`` puts ``_report.jsonl`` and the ``--jsonl`` stream in
place. Results are recorded in input order, so the output is the same bytes whatever
``--jobs`` is. A full output device stops the batch early (``Batch.stopped``).

Paths in the report are as given: ``referat batch archive -o out`` records
``archive/2024/a.pdf`` and ``out/2024/a.pdf.json``; absolute folders give absolute paths.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from ..errors import OutputError, ReferatError
from ..limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, memory_limit
from .inputs import find_inputs, input_kinds, output_collisions, output_path
from .writing import AtomicFile, remove_stale_temps

REPORT_NAME = "_report.jsonl"
PARTIAL_SUFFIX = ".partial"
DEVICE_FULL = "the output device is full"


def parser_version() -> str:
    """Package and schema version: an output made by another version is not up to date."""
    from .. import __version__
    from ..models import SCHEMA_VERSION

    return f"{__version__}/schema-{SCHEMA_VERSION}"


# --- the tasks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    """One input file: its path, its path inside the archive, and where its JSON goes."""

    index: int
    path: str
    relative: str
    output: str | None


# --- converting one file (runs in a worker) ----------------------------------------------------


@dataclass(slots=True)
class Result:
    """What a worker sends back for one file (plain data: it crosses a pipe)."""

    index: int
    status: str  # "ok", "warnings", "failed"
    text: str | None = None  # the JSON, when the parent needs it (JSON Lines, or to write it)
    written: bool = False  # the worker wrote ``task.output`` itself
    diagnostics: int = 0
    error: str | None = None
    sha256: str | None = None
    output_sha256: str | None = None  # of the output file's bytes, for ``--resume``
    seconds: float = 0.0
    device_full: bool = False  # the output could not be written: no space left


def convert(
    task: Task,
    engine: str,
    max_bytes: int,
    *,
    max_memory: int = 0,
    write: bool = False,
    keep_text: bool = True,
    ocr: bool = False,
) -> Result:
    """Parse one file into its JSON; every failure becomes a ``Result``, never a raise.
    ``write``: write ``task.output`` here (local workers share the disk, and the parent stays
    free); ``keep_text``: send the JSON back (for JSON Lines, or for the parent to write);
    ``max_memory``: bound the parse's memory (in a worker process of its own only); ``ocr``:
    read scanned PDF pages by OCR (``--ocr``)."""
    from ..pipeline import parse_file
    from .writing import dump, write_atomic

    start = time.perf_counter()
    try:
        with memory_limit(max_memory, task.path):
            doc = parse_file(task.path, engine=engine, max_bytes=max_bytes, ocr=ocr)  # type: ignore[arg-type]
            text = dump(doc, None)
    except ReferatError as exc:
        return Result(task.index, "failed", error=str(exc), seconds=_since(start))
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        message = f"{task.path}: internal error: {type(exc).__name__}: {exc}"
        return Result(task.index, "failed", error=message, seconds=_since(start))
    warned = any(d.severity != "info" for d in doc.diagnostics)
    result = Result(
        task.index,
        "warnings" if warned else "ok",
        diagnostics=len(doc.diagnostics),
        sha256=doc.source.sha256,
        output_sha256=content_sha256(text),
        seconds=_since(start),
    )
    if write and task.output is not None:
        try:
            write_atomic(Path(task.output), text + "\n")
        except OutputError as exc:
            return _write_failed(result, exc)
        result.written = True
    result.text = text if keep_text or not result.written else None
    return result


def content_sha256(text: str) -> str:
    """SHA-256 of an output file's bytes (the JSON and its newline)."""
    return hashlib.sha256((text + "\n").encode("utf-8")).hexdigest()


def _write_failed(result: Result, exc: OutputError) -> Result:
    result.status, result.error, result.device_full = "failed", str(exc), exc.device_full
    result.text = result.output_sha256 = None
    return result


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 3)


# --- the batch: plan, accept results, finish ---------------------------------------------------


class JsonSink(Protocol):
    """Where the JSON Lines stream goes: a file (``--jsonl``) or a consumer such as
    ``referat export``, which turns each document into table rows as it arrives."""

    def write(self, text: str) -> None: ...  # one document's JSON and a newline, in input order
    def commit(self) -> None: ...  # the batch ended
    def discard(self) -> None: ...  # the batch was interrupted


@dataclass(slots=True)
class Options:
    in_dir: Path
    out_dir: Path | None
    jsonl: str | None = None
    sink: JsonSink | None = None  # the JSON Lines stream goes here instead of to ``jsonl``
    pattern: str | None = None
    jobs: int = 1
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_memory: int = DEFAULT_MAX_MEMORY
    resume: bool = False
    engine: str = "fast"
    ocr: bool = False
    dask_scheduler: str | None = None

    @property
    def streams(self) -> bool:
        """Each document's JSON goes to a stream (``--jsonl`` or a sink) in input order."""
        return self.jsonl is not None or self.sink is not None


@dataclass(slots=True)
class ReportLine:
    path: str
    output: str | None
    status: str  # ok | warnings | failed | skipped
    diagnostics: int | None
    error: str | None
    seconds: float | None
    sha256: str | None
    output_sha256: str | None
    parser_version: str


class _OrderedFile:
    """A file written in input order while results arrive in any order: only results that
    arrived early are held. Written under a temporary name; ``commit`` renames it into place,
    ``discard`` removes it (an interrupted batch leaves no half-written file)."""

    def __init__(self, target: str) -> None:
        self.file = None if target == "-" else AtomicFile(Path(target))

    def write(self, text: str) -> None:
        if self.file is not None:
            self.file.write(text)
            return
        try:
            sys.stdout.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError("stdout", exc) from None

    def commit(self) -> None:
        if self.file is not None:
            self.file.commit()
            return
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError("stdout", exc) from None

    def discard(self) -> None:
        if self.file is not None:
            self.file.discard()


@dataclass
class Batch:
    """One run: the tasks, and the report and JSON Lines written in input order as results
    arrive (every input index gets exactly one ``record``). Memory holds only the results that
    arrived ahead of an earlier one still running, never the whole archive."""

    options: Options
    version: str
    tasks: list[Task] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: {"ok": 0, "warnings": 0, "failed": 0, "skipped": 0}
    )
    failures: list[ReportLine] = field(default_factory=list)
    other_types: dict[str, int] = field(default_factory=dict)  # skipped files, by suffix
    started: float = field(default_factory=time.perf_counter)
    total: int = 0  # inputs found, refused and skipped ones included
    stopped: str | None = None  # why the batch stopped early (the output device is full)
    _pending: dict[int, tuple[ReportLine, str | None]] = field(default_factory=dict)
    _next: int = 0
    _report: _OrderedFile | None = None
    _stream: JsonSink | None = None
    _partial: IO[str] | None = None
    _flushed: float = 0.0

    @property
    def partial_path(self) -> Path | None:
        out = self.options.out_dir
        return None if out is None else out / (REPORT_NAME + PARTIAL_SUFFIX)

    def open(self) -> None:
        """Create the output folder and the report files (``OutputError`` when it cannot)."""
        out = self.options.out_dir
        if out is not None:
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(out, exc) from None
            self._report = _OrderedFile(str(out / REPORT_NAME))
            assert self.partial_path is not None
            try:
                self._partial = self.partial_path.open("a", encoding="utf-8")
            except OSError as exc:
                raise OutputError(self.partial_path, exc) from None
        if self.options.sink is not None:
            self._stream = self.options.sink
        elif self.options.jsonl is not None:
            self._stream = _OrderedFile(self.options.jsonl)

    def accept(self, task: Task, result: Result) -> ReportLine:
        """Write one file's JSON (atomically) if the worker did not, and record its line."""
        from .writing import write_atomic

        if result.text is not None and task.output is not None and not result.written:
            try:
                write_atomic(Path(task.output), result.text + "\n")
            except OutputError as exc:
                result = _write_failed(result, exc)
        if result.device_full and self.stopped is None:
            self.stopped = DEVICE_FULL
        parsed = result.status != "failed"
        line = ReportLine(
            path=task.path,
            output=task.output if parsed else None,
            status=result.status,
            diagnostics=result.diagnostics if parsed else None,
            error=result.error,
            seconds=result.seconds,
            sha256=result.sha256,
            output_sha256=result.output_sha256 if parsed and task.output else None,
            parser_version=self.version,
        )
        self.record(task.index, line, result.text)
        return line

    def record(self, index: int, line: ReportLine, text: str | None) -> None:
        self.counts[line.status] += 1
        if line.status == "failed":
            self.failures.append(line)
        self._write_partial(json.dumps(asdict(line), ensure_ascii=False) + "\n")
        self._pending[index] = (line, text if self._stream is not None else None)
        while self._next in self._pending:
            ready, body = self._pending.pop(self._next)
            if self._report is not None:
                self._report.write(json.dumps(asdict(ready), ensure_ascii=False) + "\n")
            if self._stream is not None and body is not None:
                self._stream.write(body + "\n")
            self._next += 1

    def _write_partial(self, text: str) -> None:
        """A running copy of the report, so an interrupted batch can ``--resume``."""
        if self._partial is None:
            return
        try:
            self._partial.write(text)
            if time.monotonic() - self._flushed > 0.5:  # a kill loses at most 0.5 s of work
                self._partial.flush()
                self._flushed = time.monotonic()
        except OSError as exc:
            raise OutputError(self.partial_path, exc) from None

    def finish(self, complete: bool = True) -> None:
        """Put the report and the JSON Lines file in place; after an interrupt or an early
        stop, discard them (the partial report stays for ``--resume``) and remove any
        temporary file a killed worker left."""
        for sink in (self._report, self._stream):
            if sink is not None:
                sink.commit() if complete else sink.discard()
        if self._partial is not None:
            with contextlib.suppress(OSError):  # its last lines are lost: --resume redoes them
                self._partial.close()
            if complete and self.partial_path is not None:
                self.partial_path.unlink(missing_ok=True)
        if not complete and self.options.out_dir is not None:
            remove_stale_tree(self.options.out_dir)


def remove_stale_tree(out_dir: Path) -> int:
    """Remove the temporary files killed runs left anywhere in ``out_dir``."""
    removed = 0
    for folder, dirs, _files in os.walk(out_dir, followlinks=False):
        removed += remove_stale_temps(Path(folder))
        dirs.sort()
    return removed


class NoInputsError(ReferatError):
    """Nothing to convert: the folder holds no input, or ``--glob`` matched none."""


def plan(options: Options) -> Batch:
    """Find the inputs, give each its output path, record refusals, collisions and resumable
    skips. Nothing is written before the inputs are known to exist."""
    others: dict[str, int] = {}
    inputs = find_inputs(options.in_dir, options.pattern, others)
    if not inputs:
        matching = f" matching --glob {options.pattern!r}" if options.pattern else ""
        raise NoInputsError(f"{options.in_dir}: no {input_kinds()} files{matching}")
    batch = Batch(options, parser_version(), total=len(inputs), other_types=others)
    _remove_stale_temps(options)
    previous = _previous_report(options.out_dir) if options.resume else {}
    relatives = [path.relative_to(options.in_dir).as_posix() for path, _ in inputs]
    reserved = (REPORT_NAME, REPORT_NAME + PARTIAL_SUFFIX)
    clashes = output_collisions(relatives, reserved) if options.out_dir is not None else {}
    batch.open()
    for index, ((path, refused), relative) in enumerate(zip(inputs, relatives)):
        refused = refused or clashes.get(relative)
        try:
            output = None if options.out_dir is None else output_path(options.out_dir, relative)
        except ValueError as exc:
            refused = str(exc)
        if refused is not None:
            batch.record(index, _refusal(path, refused, batch.version), None)
            continue
        task = Task(index, str(path), relative, None if output is None else str(output))
        before = previous.get(task.path)
        text = _resumable(task, before, batch.version) if before is not None else None
        if before is not None and text is not None:
            batch.record(index, _skipped(task, before), text)
            continue
        batch.tasks.append(task)
    return batch


def _remove_stale_temps(options: Options) -> None:
    if options.out_dir is not None and options.out_dir.is_dir():
        remove_stale_tree(options.out_dir)
    if options.jsonl not in (None, "-"):
        target = Path(options.jsonl)
        remove_stale_temps(target.parent, target.name)


def _refusal(path: Path, why: str, version: str) -> ReportLine:
    return ReportLine(str(path), None, "failed", None, f"{path}: {why}", None, None, None, version)


def _skipped(task: Task, before: dict[str, Any]) -> ReportLine:
    return ReportLine(
        task.path,
        task.output,
        "skipped",
        before.get("diagnostics"),
        None,
        0.0,
        before.get("sha256"),
        before.get("output_sha256"),
        before.get("parser_version", ""),
    )


def _previous_report(out_dir: Path | None) -> dict[str, dict[str, Any]]:
    """Report lines of earlier runs (the finished report, then an interrupted run's partial)."""
    if out_dir is None:
        return {}
    seen: dict[str, dict[str, Any]] = {}
    for name in (REPORT_NAME, REPORT_NAME + PARTIAL_SUFFIX):
        path = out_dir / name
        if not path.exists():
            continue
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue  # a line cut short by a kill
            if isinstance(line, dict) and "path" in line:
                seen[str(line["path"])] = line
    return seen


def _resumable(task: Task, before: dict[str, Any], version: str) -> str | None:
    """The output's JSON when it is up to date: done before by this parser version, from the
    same input bytes, and the output file still holds exactly what was written (its
    SHA-256 as recorded: a file truncated or edited by hand is parsed again)."""
    if before.get("status") not in ("ok", "warnings", "skipped"):
        return None
    if before.get("parser_version") != version or task.output is None:
        return None
    try:
        written = Path(task.output).read_bytes()
        digest = hashlib.sha256(Path(task.path).read_bytes()).hexdigest()
    except OSError:
        return None
    if digest != before.get("sha256"):
        return None
    if hashlib.sha256(written).hexdigest() != before.get("output_sha256"):
        return None
    return written.decode("utf-8").rstrip("\n")
