"""The runners of ``referat batch``: local worker processes (``run_local``) or a Dask cluster
(``run_dask``), each calling ``archive.convert`` on every task and handing the results to
``Batch.accept``.

Why a hand-made pool and not ``ProcessPoolExecutor``: a file that hangs must be stopped after
``--timeout`` seconds, and a worker that dies (a segfault in a PDF library) must be replaced
without losing the other files' work. Each worker here is one process with one pipe; the parent
kills and replaces exactly the worker that overran or died. Workers never outlive the batch:
they die with their parent (``PR_SET_PDEATHSIG`` on Linux, a watchdog thread elsewhere), even
after ``kill -9``; SIGINT and SIGTERM are the parent's to handle; their stdin and stdout are
/dev/null, so a killed batch never holds a pipe open (``referat batch … --jsonl - | wc -c``).
Each worker bounds its own parse memory (``--max-memory``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ReferatError
from . import archive
from .archive import Batch, ReportLine, Result, Task

PR_SET_PDEATHSIG = 1  # linux/prctl.h


# --- a worker process ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _WorkerSettings:
    engine: str
    max_bytes: int
    max_memory: int
    keep_text: bool
    parent: int  # the batch's pid: the worker ends when it is gone
    ocr: bool = False


def _worker_main(conn: Any, settings: _WorkerSettings) -> None:
    _die_with_parent(settings.parent)
    for signum in (signal.SIGINT, signal.SIGTERM):  # the parent's to handle
        signal.signal(signum, signal.SIG_IGN)
    _detach_stdio()
    while True:
        task = conn.recv()
        if task is None:
            return
        # looked up on the module at each call: the tests wrap it to inject faults
        result = archive.convert(
            task,
            settings.engine,
            settings.max_bytes,
            max_memory=settings.max_memory,
            write=True,
            keep_text=settings.keep_text,
            ocr=settings.ocr,
        )
        conn.send(result)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends SIGKILL to this process when its parent dies. Elsewhere (or if
    ``prctl`` is unavailable) a daemon thread checks the parent pid twice a second."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before the call: nobody will signal
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _detach_stdio() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)


def _death(exitcode: int | None) -> str:
    """``worker died (exit code 70)``, ``worker died (killed by SIGSEGV)``."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"worker died (killed by {signal.Signals(-exitcode).name})"
        except ValueError:
            return f"worker died (killed by signal {-exitcode})"
    return f"worker died (exit code {exitcode})"


# --- the local pool ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any
    task: Task | None = None
    started: float = 0.0
    deadline: float = 0.0


class _Pool:
    """``--jobs`` workers, each busy with one task or idle; a task is handed out only while
    the batch has not stopped early."""

    def __init__(self, batch: Batch, on_result: Callable[[ReportLine], None]) -> None:
        import multiprocessing as mp

        self.batch, self.on_result = batch, on_result
        self.options = batch.options
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.context: Any = mp.get_context(method)
        self.pending: Iterator[Task] = iter(batch.tasks)
        self.settings = _WorkerSettings(
            self.options.engine,
            self.options.max_bytes,
            self.options.max_memory,
            self.options.streams,
            os.getpid(),
            self.options.ocr,
        )
        self.workers: list[_Worker] = []

    def start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.settings), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def assign(self, worker: _Worker) -> None:
        worker.task = None if self.batch.stopped else next(self.pending, None)
        if worker.task is not None:
            worker.started = time.monotonic()
            worker.deadline = worker.started + self.options.timeout
            worker.conn.send(worker.task)

    def fail(self, worker: _Worker, why: str) -> None:
        """Record the worker's task as failed, and replace the worker."""
        task = worker.task
        assert task is not None
        seconds = round(time.monotonic() - worker.started, 3)
        result = Result(task.index, "failed", error=f"{task.path}: {why}", seconds=seconds)
        worker.process.kill()
        worker.process.join()
        worker.task = None
        self.on_result(self.batch.accept(task, result))
        self.workers[self.workers.index(worker)] = replacement = self.start()
        self.assign(replacement)

    def collect(self, worker: _Worker) -> None:
        try:
            result = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join()
            self.fail(worker, _death(worker.process.exitcode))
            return
        done, worker.task = worker.task, None
        assert done is not None
        if result.device_full:  # record first: it stops the batch, so nothing more is sent
            self.on_result(self.batch.accept(done, result))
            self.assign(worker)
            return
        self.assign(worker)  # first: the worker parses on while this one is recorded
        self.on_result(self.batch.accept(done, result))

    def run(self) -> None:
        from multiprocessing.connection import wait

        for _ in range(max(1, min(self.options.jobs, len(self.batch.tasks)))):
            self.workers.append(self.start())
            self.assign(self.workers[-1])
        while busy := [w for w in self.workers if w.task is not None]:
            soonest = min(w.deadline for w in busy)
            ready = wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy],
                timeout=max(0.0, soonest - time.monotonic()),
            )
            for worker in busy:
                if worker.conn in ready:
                    self.collect(worker)
                elif worker.process.sentinel in ready:
                    worker.process.join()
                    self.fail(worker, _death(worker.process.exitcode))
                elif time.monotonic() >= worker.deadline:
                    self.fail(worker, f"timed out after {self.options.timeout:g} s (see --timeout)")

    def close(self) -> None:
        """Idle workers are told to stop; busy ones (an interrupt) are killed at once."""
        for worker in self.workers:
            if worker.task is not None:
                worker.process.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


def run_local(batch: Batch, on_result: Callable[[ReportLine], None]) -> None:
    """Run the tasks on ``--jobs`` worker processes; replace a worker that overruns or dies."""
    pool = _Pool(batch, on_result)
    try:
        pool.run()
    finally:
        pool.close()


# --- a Dask cluster ---------------------------------------------------------------------------


def _dask_convert(task: Task, engine: str, max_bytes: int, ocr: bool = False) -> Result:
    # the parent writes (workers may not share its disk); no memory bound: a Dask worker's
    # threads share one process, and Dask bounds its workers' memory itself
    return archive.convert(task, engine, max_bytes, ocr=ocr)


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
            client.submit(
                _dask_convert, task, options.engine, options.max_bytes, options.ocr, pure=False
            ): task
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
            if batch.stopped:
                break  # the output device is full: the rest are not attempted
    finally:
        client.close()
