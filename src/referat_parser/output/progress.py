"""What ``referat batch`` shows while it runs: a rich progress bar on a terminal, nothing but a
one-line summary otherwise. All the batch mechanics live in ``archive.py``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from ..errors import OutputError, printable
from .archive import Batch, Options, ReportLine, plan
from .inputs import other_types_note
from .pool import run_dask, run_local

Runner = Callable[[Batch, Callable[[ReportLine], None]], None]


def run_batch(options: Options) -> bool:
    """Plan, run and finish one batch; returns True when any file failed or the batch stopped
    early. An interrupt (SIGINT, SIGTERM) is raised again once finished files are recorded."""
    batch = plan(options)
    runner: Runner = run_dask if options.dask_scheduler else run_local
    interrupted = False
    try:
        if sys.stderr.isatty():
            _run_with_bar(batch, runner)
        else:
            runner(batch, lambda line: None)
    except KeyboardInterrupt:
        interrupted = True  # finished files are complete; the report says what was done
    except BrokenPipeError:
        batch.finish(complete=False)
        raise
    except OutputError as exc:  # the report or the stream could not be written
        batch.stopped = str(exc)
    _finish(batch, complete=not interrupted and batch.stopped is None)
    _summarise(batch)
    if interrupted:
        raise KeyboardInterrupt
    return batch.counts["failed"] > 0 or batch.stopped is not None


def _finish(batch: Batch, complete: bool) -> None:
    try:
        batch.finish(complete=complete)
    except OutputError as exc:  # the report could not be put in place: keep the partial one
        batch.stopped = batch.stopped or str(exc)
        batch.finish(complete=False)


def _summarise(batch: Batch) -> None:
    counts = batch.counts
    seconds = time.perf_counter() - batch.started
    if sys.stderr.isatty():
        _print_table(counts, seconds, batch)
    else:
        done = sum(counts.values())
        rate = done / seconds if seconds > 0 else 0.0
        note = other_types_note(batch.other_types)
        sys.stderr.write(
            f"referat batch: {done} files: {counts['ok']} parsed, {counts['warnings']} parsed "
            f"with warnings, {counts['failed']} failed, {counts['skipped']} skipped "
            f"in {seconds:.1f} s ({rate:.1f} files/s){'; ' + note if note else ''}\n"
        )
        for line in sorted(batch.failures, key=lambda f: f.path):
            sys.stderr.write(f"referat: error: {printable(line.error or '')}\n")
    if batch.stopped is not None:
        left = batch.total - sum(counts.values())
        sys.stderr.write(
            f"referat: error: batch stopped early: {printable(batch.stopped)}; {left} files not "
            "attempted (make room, then rerun with --resume)\n"
        )


def _run_with_bar(batch: Batch, runner: Runner) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    failures = batch.counts["failed"]
    started = time.perf_counter()
    with Progress(
        TextColumn("[bold]referat batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} files/s"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        transient=False,
    ) as bar:
        task = bar.add_task("files", total=len(batch.tasks), rate="-", failed=failures)

        def advance(line: ReportLine) -> None:
            nonlocal failures
            failures += line.status == "failed"
            done = bar.tasks[0].completed + 1
            rate = done / max(1e-9, time.perf_counter() - started)
            bar.update(task, advance=1, rate=f"{rate:.1f}", failed=failures)

        runner(batch, advance)


def _print_table(counts: dict[str, int], seconds: float, batch: Batch) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="referat batch")
    for column in ("parsed", "parsed with warnings", "failed", "skipped", "total time"):
        table.add_column(column, justify="right")
    table.add_row(
        str(counts["ok"]),
        str(counts["warnings"]),
        str(counts["failed"]),
        str(counts["skipped"]),
        f"{seconds:.1f} s",
    )
    console = Console(stderr=True)
    console.print(table)
    if other_types_note(batch.other_types):
        console.print(other_types_note(batch.other_types), highlight=False)
    from rich.markup import escape

    for line in sorted(batch.failures, key=lambda f: f.path):
        if line.status == "failed":
            message = escape(printable(line.error or ""))
            console.print(f"[red]failed[/red] {message}", highlight=False)
