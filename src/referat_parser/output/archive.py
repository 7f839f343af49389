"""``referat batch``: convert an archive folder in parallel, resumably, losing nothing.

The flow: ``find_inputs`` walks the folder (sorted, no symlink escapes) -> ``plan`` pairs each
input with its output path and, with ``--resume``, skips the ones already done -> a runner
(``run_local``: a small process pool with per-file deadlines; ``run_dask``: a Dask cluster)
calls ``convert`` on each file -> ``Batch.accept`` writes each result atomically and records a
report line -> ``Batch.finish`` writes ``_report.jsonl`` and, with ``--jsonl``, the stream in
input order. Results are collected in input order, so the output is the same bytes whatever
``--jobs`` is.

Why a hand-made pool and not ``ProcessPoolExecutor``: a file that hangs must be stopped after
``--timeout`` seconds, and a worker that dies (a segfault in a PDF library) must be replaced
without losing the other files' work. Each worker here is one process with one pipe; the parent
kills and replaces exactly the worker that overran or died.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReferatError
from ..read.sniff import SUFFIXES

REPORT_NAME = "_report.jsonl"
PARTIAL_SUFFIX = ".partial"
# Test-only fault injection: a worker given a file whose name contains this marker hangs or
# dies, so the tests can prove the timeout and crash paths. Set only by tests/test_archive.py.
_FAULT_ENV = "REFERAT_TEST_FAULTS"


def parser_version() -> str:
    """Package and schema version: an output made by another version is not up to date."""
    from importlib.metadata import PackageNotFoundError, version

    from ..models import SCHEMA_VERSION

    try:
        package = version("referat-parser")
    except PackageNotFoundError:  # running from a source tree without an install
        package = "0+unknown"
    return f"{package}/schema-{SCHEMA_VERSION}"


# --- finding the inputs ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    """One input file: its path, its path inside the archive, and where its JSON goes."""

    index: int
    path: str
    relative: str
    output: str | None


def find_inputs(
    root: Path, pattern: str | None, others: dict[str, int] | None = None
) -> list[tuple[Path, str | None]]:
    """Text, PDF, HTML and Word files under ``root``, sorted by their path inside it, each with
    ``None`` or the reason it is refused (a symlink that points outside ``root``). Symlinked
    folders are not followed; hidden files (".name") are ignored. Files of other types are
    counted in ``others`` by suffix (``{".xlsx": 2}``), so the summary can name them."""
    base = root.resolve()
    found: list[tuple[str, Path, str | None]] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or (pattern and not fnmatch.fnmatch(relative, pattern)):
                continue
            if path.suffix.casefold() not in SUFFIXES:
                if others is not None:
                    suffix = path.suffix.casefold() or "(no suffix)"
                    others[suffix] = others.get(suffix, 0) + 1
                continue
            outside = path.is_symlink() and not _inside(path.resolve(), base)
            found.append(
                (relative, path, "symlink points outside the input folder" if outside else None)
            )
    return [(path, why) for _, path, why in sorted(found, key=lambda f: f[0])]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def output_path(out_dir: Path, relative: str) -> Path:
    """``2024/a.pdf`` -> ``OUT/2024/a.pdf.json``: the full input name is kept, so ``a.txt`` and
    ``a.pdf`` in one folder never clash. Refuses any path that would leave ``out_dir``."""
    target = (out_dir / f"{relative}.json").resolve()
    if not _inside(target, out_dir.resolve()):
        raise ValueError(f"{relative}: output would leave the output folder")
    return target


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
    seconds: float = 0.0


def convert(
    task: Task, engine: str, max_bytes: int, *, write: bool = False, keep_text: bool = True
) -> Result:
    """Parse one file into its JSON; every failure becomes a ``Result``, never a raise.
    ``write``: write ``task.output`` here (local workers share the disk, and the parent stays
    free); ``keep_text``: send the JSON back (for JSON Lines, or for the parent to write)."""
    from ..pipeline import parse_file
    from .writing import dump, write_atomic

    start = time.perf_counter()
    _inject_fault(task.path)
    try:
        doc = parse_file(task.path, engine=engine, max_bytes=max_bytes)  # type: ignore[arg-type]
    except ReferatError as exc:
        return Result(task.index, "failed", error=str(exc), seconds=_since(start))
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
        message = f"{task.path}: internal error: {type(exc).__name__}: {exc}"
        return Result(task.index, "failed", error=message, seconds=_since(start))
    warned = any(d.severity != "info" for d in doc.diagnostics)
    text = dump(doc, None)
    written = False
    if write and task.output is not None:
        write_atomic(Path(task.output), text + "\n")
        written = True
    return Result(
        task.index,
        "warnings" if warned else "ok",
        text=text if keep_text or not written else None,
        written=written,
        diagnostics=len(doc.diagnostics),
        sha256=doc.source.sha256,
        seconds=_since(start),
    )


def _since(start: float) -> float:
    return round(time.perf_counter() - start, 3)


def _inject_fault(path: str) -> None:
    faults = os.environ.get(_FAULT_ENV)
    if not faults:
        return
    for fault in faults.split(","):
        kind, _, marker = fault.partition("=")
        if marker and marker in path:
            if kind == "hang":
                time.sleep(3600)
            elif kind == "crash":
                os._exit(70)


# --- the batch: plan, accept results, finish ---------------------------------------------------


@dataclass(slots=True)
class Options:
    in_dir: Path
    out_dir: Path | None
    jsonl: str | None = None
    pattern: str | None = None
    jobs: int = 1
    timeout: float = 60.0
    max_bytes: int = 50 * 1024 * 1024
    resume: bool = False
    engine: str = "fast"
    dask_scheduler: str | None = None


@dataclass(slots=True)
class ReportLine:
    path: str
    output: str | None
    status: str  # ok | warnings | failed | skipped
    diagnostics: int | None
    error: str | None
    seconds: float | None
    sha256: str | None
    parser_version: str


class _OrderedFile:
    """A file written in input order while results arrive in any order: only results that
    arrived early are held. Written under a temporary name; ``commit`` renames it into place,
    ``discard`` removes it (an interrupted batch leaves no half-written file)."""

    def __init__(self, target: str) -> None:
        self.target = target
        if target == "-":
            self.tmp, self.fh = None, sys.stdout
        else:
            path = Path(target)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            self.tmp, self.fh = tmp, os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        if self.tmp is not None:
            self.fh.close()
            os.replace(self.tmp, self.target)

    def discard(self) -> None:
        if self.tmp is not None:
            self.fh.close()
            Path(self.tmp).unlink(missing_ok=True)


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
    _pending: dict[int, tuple[ReportLine, str | None]] = field(default_factory=dict)
    _next: int = 0
    _report: _OrderedFile | None = None
    _stream: _OrderedFile | None = None
    _partial: Any = None
    _flushed: float = 0.0

    def open(self) -> None:
        out = self.options.out_dir
        if out is not None:
            self._report = _OrderedFile(str(out / REPORT_NAME))
            self._partial = (out / (REPORT_NAME + PARTIAL_SUFFIX)).open("a", encoding="utf-8")
        if self.options.jsonl is not None:
            self._stream = _OrderedFile(self.options.jsonl)

    def accept(self, task: Task, result: Result) -> ReportLine:
        """Write one file's JSON (atomically) and record its report line."""
        from .writing import write_atomic

        if result.text is not None and task.output is not None and not result.written:
            write_atomic(Path(task.output), result.text + "\n")
        parsed = result.status != "failed"
        line = ReportLine(
            path=task.path,
            output=task.output if parsed else None,
            status=result.status,
            diagnostics=result.diagnostics if result.status != "failed" else None,
            error=result.error,
            seconds=result.seconds,
            sha256=result.sha256,
            parser_version=self.version,
        )
        self.record(task.index, line, result.text)
        return line

    def record(self, index: int, line: ReportLine, text: str | None) -> None:
        self.counts[line.status] += 1
        if line.status == "failed":
            self.failures.append(line)
        if self._partial is not None:  # a running copy, so an interrupted batch can --resume
            self._partial.write(json.dumps(asdict(line), ensure_ascii=False) + "\n")
            if time.monotonic() - self._flushed > 0.5:  # a kill loses at most 0.5 s of work
                self._partial.flush()
                self._flushed = time.monotonic()
        self._pending[index] = (line, text if self._stream is not None else None)
        while self._next in self._pending:
            ready, body = self._pending.pop(self._next)
            if self._report is not None:
                self._report.write(json.dumps(asdict(ready), ensure_ascii=False) + "\n")
            if self._stream is not None and body is not None:
                self._stream.write(body + "\n")
            self._next += 1

    def finish(self, complete: bool = True) -> None:
        """Put the report and the JSON Lines file in place; after an interrupt, discard them
        (the partial report stays for ``--resume``)."""
        for sink in (self._report, self._stream):
            if sink is not None:
                sink.commit() if complete else sink.discard()
        if self._partial is not None:
            self._partial.close()
            if complete and self.options.out_dir is not None:
                (self.options.out_dir / (REPORT_NAME + PARTIAL_SUFFIX)).unlink(missing_ok=True)


def plan(options: Options) -> Batch:
    """Find the inputs, give each its output path, record refusals and resumable skips."""
    batch = Batch(options, parser_version())
    previous = _previous_report(options.out_dir) if options.resume else {}
    batch.open()
    inputs = find_inputs(options.in_dir, options.pattern, batch.other_types)
    for index, (path, refused) in enumerate(inputs):
        relative = path.relative_to(options.in_dir).as_posix()
        try:
            output = (
                None if options.out_dir is None else str(output_path(options.out_dir, relative))
            )
        except ValueError as exc:
            refused = str(exc)
        if refused is not None:
            batch.record(index, _refusal(path, refused, batch.version), None)
            continue
        task = Task(index, str(path), relative, output)
        before = previous.get(task.path)
        if before is not None and _up_to_date(task, before, batch.version):
            assert output is not None
            text = Path(output).read_text(encoding="utf-8").rstrip("\n")
            batch.record(index, _skipped(task, before), text)
            continue
        batch.tasks.append(task)
    return batch


def other_types_note(other_types: dict[str, int]) -> str:
    """ "3 files of other types skipped: .msg, .xlsx" (empty when there were none)."""
    count = sum(other_types.values())
    if not count:
        return ""
    noun = "file" if count == 1 else "files"
    return f"{count} {noun} of other types skipped: {', '.join(sorted(other_types))}"


def _refusal(path: Path, why: str, version: str) -> ReportLine:
    return ReportLine(str(path), None, "failed", None, f"{path}: {why}", None, None, version)


def _skipped(task: Task, before: dict[str, Any]) -> ReportLine:
    return ReportLine(
        task.path,
        task.output,
        "skipped",
        before.get("diagnostics"),
        None,
        0.0,
        before.get("sha256"),
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
        for raw in path.read_text(encoding="utf-8").splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue  # a line cut short by a kill
            if isinstance(line, dict) and "path" in line:
                seen[str(line["path"])] = line
    return seen


def _up_to_date(task: Task, before: dict[str, Any] | None, version: str) -> bool:
    """Done before, by this parser version, from the same bytes, and the output still there."""
    if before is None or before.get("status") not in ("ok", "warnings", "skipped"):
        return False
    if before.get("parser_version") != version or task.output is None:
        return False
    if not Path(task.output).exists():
        return False
    try:
        digest = hashlib.sha256(Path(task.path).read_bytes()).hexdigest()
    except OSError:
        return False
    return bool(digest == before.get("sha256"))


# --- running: local worker processes -----------------------------------------------------------

Convert = Callable[[Task], Result]


def _worker_main(conn: Any, engine: str, max_bytes: int, keep_text: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(convert(task, engine, max_bytes, write=True, keep_text=keep_text))


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any
    task: Task | None = None
    started: float = 0.0
    deadline: float = 0.0


def run_local(batch: Batch, on_result: Callable[[ReportLine], None]) -> None:
    """Run the tasks on ``--jobs`` worker processes; replace a worker that overruns or dies."""
    import multiprocessing as mp
    from multiprocessing.connection import wait

    options = batch.options
    context: Any = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pending: Iterator[Task] = iter(batch.tasks)
    workers: list[_Worker] = []

    def start() -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker_main,
            args=(child, options.engine, options.max_bytes, options.jsonl is not None),
            daemon=True,
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def assign(worker: _Worker) -> None:
        worker.task = next(pending, None)
        if worker.task is not None:
            worker.started = time.monotonic()
            worker.deadline = worker.started + options.timeout
            worker.conn.send(worker.task)

    def fail(worker: _Worker, why: str) -> None:
        assert worker.task is not None
        seconds = round(time.monotonic() - worker.started, 3)
        result = Result(
            worker.task.index, "failed", error=f"{worker.task.path}: {why}", seconds=seconds
        )
        on_result(batch.accept(worker.task, result))
        worker.process.kill()
        worker.process.join()
        workers[workers.index(worker)] = replacement = start()
        assign(replacement)

    try:
        for _ in range(max(1, min(options.jobs, len(batch.tasks)))):
            workers.append(start())
            assign(workers[-1])
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            soonest = min(w.deadline for w in busy)
            ready = wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy],
                timeout=max(0.0, soonest - time.monotonic()),
            )
            for worker in busy:
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        fail(worker, f"worker died (exit code {worker.process.exitcode})")
                        continue
                    done, worker.task = worker.task, None
                    assert done is not None
                    assign(worker)  # first: the worker parses on while this one is recorded
                    on_result(batch.accept(done, result))
                elif worker.process.sentinel in ready:
                    worker.process.join()
                    fail(worker, f"worker died (exit code {worker.process.exitcode})")
                elif time.monotonic() >= worker.deadline:
                    fail(worker, f"timed out after {options.timeout:g} s (see --timeout)")
    finally:
        for worker in workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                worker.process.join(timeout=1)
                if worker.process.is_alive():
                    worker.process.kill()


# --- running: a Dask cluster -------------------------------------------------------------------


def _dask_convert(task: Task, engine: str, max_bytes: int) -> Result:
    return convert(task, engine, max_bytes)  # the parent writes: workers may not share its disk


def run_dask(batch: Batch, on_result: Callable[[ReportLine], None]) -> None:
    """The same conversion on a Dask distributed cluster: workers parse, the parent writes."""
    try:
        import distributed
    except ImportError:
        raise ReferatError(
            "--dask-scheduler needs the dask extra: pip install 'referat-parser[dask]'"
        ) from None
    dask: Any = distributed  # untyped library: keep its calls out of mypy's strict checks
    options = batch.options
    try:
        client = dask.Client(options.dask_scheduler, timeout=10)
    except OSError as exc:
        raise ReferatError(
            f"cannot reach the Dask scheduler {options.dask_scheduler}: {exc}"
        ) from None
    try:
        futures = {
            client.submit(_dask_convert, task, options.engine, options.max_bytes, pure=False): task
            for task in batch.tasks
        }
        for future in dask.as_completed(futures):
            task = futures[future]
            try:
                result = future.result(timeout=options.timeout)
            except Exception as exc:  # noqa: BLE001 - a lost worker fails one file, not the run
                result = Result(
                    task.index, "failed", error=f"{task.path}: {type(exc).__name__}: {exc}"
                )
            on_result(batch.accept(task, result))
    finally:
        client.close()
