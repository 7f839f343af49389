"""The ``referat`` command: a thin adapter over ``parse_file``/``parse_bytes``.

It reads files and stdin, chooses JSON or JSON Lines and the indent, checks every option at
the boundary, maps ``ReferatError`` to one line on stderr and exit 1, and nothing else: no
parsing rules live here. Exit codes: 0 parsed (diagnostics allowed), 1 an input could not be
read or an output written (or ``--strict`` and a warning), 2 usage error (one line), 3 internal
error, 130/143 interrupted by SIGINT/SIGTERM, 141 stdout closed (``referat parse … | head -1``).
"""

from __future__ import annotations

import enum
import json
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional, TypeVar

import typer

from . import limits
from .errors import OutputError, ReferatError, printable
from .helptext import App, choices
from .limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, STAGES

if TYPE_CHECKING:  # the pipeline and the models load on first use, not for --help
    from .models import Diagnostic, Document
    from .output.export import ExportResult

EXIT_STDOUT_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for `cat` or `yes` in `| head`
EXIT_TERMINATED = 143  # 128 + SIGTERM

app = App(
    name="referat",
    help="Turn Danish meeting minutes (referater, dagsordener; text, PDF, HTML, Word) into JSON.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs ~0.14 s per start
    no_args_is_help=True,
)

_DEBUG = {"on": False}
_SIGNALLED = {"term": False}


class Engine(str, enum.Enum):
    """PDF engines (``read/pdf.py``)."""

    fast = "fast"
    pdfplumber = "pdfplumber"


# --- option checks: a bad value is a usage error (exit 2, one line) -------------------------

T = TypeVar("T")


def _checked(check: Callable[[T], T]) -> Callable[[T], T]:
    """A typer callback from a ``limits`` check: its ``ValueError`` becomes a usage error."""

    def callback(value: T) -> T:
        if value is None:
            return value
        try:
            return check(value)
        except ValueError as exc:
            raise typer.BadParameter(f"{exc} (got {value!r})") from None

    return callback


def _size(text: str | int) -> int:
    if isinstance(text, int):  # the default, already a number
        return text
    try:
        return limits.parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _encoding(name: str | None) -> str | None:
    import codecs

    if name is not None:
        try:
            codecs.lookup(name)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {name!r}") from None
    return name


# Options that ``parse`` and ``batch`` share.
MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        metavar="SIZE",
        parser=_size,
        callback=_checked(limits.check_max_bytes),
        show_default="50M",
        help="Refuse an input larger than this (bytes, or 200K, 50M, 1G).",
    ),
]
MaxMemory = Annotated[
    int,
    typer.Option(
        "--max-memory",
        metavar="SIZE",
        parser=_size,
        callback=_checked(limits.check_max_memory),
        show_default="2G",
        help="Memory one file's parse may take (Linux; 0: no bound).",
    ),
]
Timeout = Annotated[
    float,
    typer.Option(
        metavar="SECONDS",
        callback=_checked(limits.check_timeout),
        help="Give up on a file after this long.",
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        metavar=choices(Engine),
        help="PDF engine: pypdfium2 text with pdfplumber tables, or pdfplumber alone.",
    ),
]
OcrOption = Annotated[
    bool,
    typer.Option(
        "--ocr", help="Read scanned PDF pages by OCR (needs the ocr extra and Tesseract)."
    ),
]


def _error(message: str) -> None:
    typer.echo(f"referat: error: {printable(message)}", err=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _error(message)
    raise typer.Exit(code)


# --- parse ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Settings:
    """How ``parse`` reads and bounds each file."""

    encoding: str | None
    engine: str
    max_bytes: int
    max_memory: int
    timeout: float
    indent: int | None
    ocr: bool = False


def _convert(name: str, settings: _Settings) -> tuple[Document, str]:
    """Parse one file (``-``: stdin) and serialise it, within its time and memory bounds."""
    from .deadline import deadline
    from .output.writing import dump

    with limits.memory_limit(settings.max_memory, name), deadline(settings.timeout, name):
        doc = _read_and_parse(name, settings)
        return doc, dump(doc, settings.indent)


def _read_and_parse(name: str, settings: _Settings) -> Document:
    from .pipeline import parse_bytes, parse_file, parse_url, read_limited
    from .read.url import is_url

    # PDF pages are read in a child process the deadline can kill (C calls ignore signals)
    pdf: dict[str, Any] = {"engine": settings.engine, "ocr": settings.ocr, "isolate": True}
    if is_url(name):
        return parse_url(
            name,
            encoding=settings.encoding,
            max_bytes=settings.max_bytes,
            timeout=settings.timeout,
            **pdf,
        )
    if name == "-":
        data = read_limited(sys.stdin.buffer, "-", settings.max_bytes)
        return parse_bytes(data, source=None, encoding=settings.encoding, **pdf)
    return parse_file(name, encoding=settings.encoding, max_bytes=settings.max_bytes, **pdf)


def _strict_lines(name: str, diagnostics: list[Diagnostic]) -> list[str]:
    """``--strict``: one line per warning or error, ``file:line: code (severity): message``."""
    lines = []
    for d in diagnostics:
        if d.severity == "info":
            continue
        where = f"{name}:{d.line}" if d.line is not None else name
        if d.page is not None:
            where += f" (page {d.page})"
        lines.append(f"referat: strict: {printable(where)}: {d.code} ({d.severity}): {d.message}")
    return lines


def _print(text: str) -> None:
    """One document on stdout; a closed pipe ends the command quietly (exit 141)."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_closed()
    except OSError as exc:
        _fail(str(OutputError("stdout", exc)))


def _stdout_closed() -> NoReturn:
    """The reader went away (``| head -1``): stop quietly, as ``cat`` would, with the status
    shells report for it (141 = 128 + SIGPIPE); point stdout at /dev/null so the interpreter's
    last flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's capture): nothing to silence
    raise typer.Exit(EXIT_STDOUT_CLOSED)


@app.command()
def parse(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Text, PDF, HTML or Word (.docx) files, http(s) URLs; '-' reads stdin.",
        ),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write to this file (atomically) instead of stdout.",
        ),
    ] = None,
    indent: Annotated[
        int,
        typer.Option(
            metavar="N",
            callback=_checked(limits.check_indent),
            help=f"JSON indent for a single document (0-{limits.MAX_INDENT}).",
        ),
    ] = 2,
    compact: Annotated[bool, typer.Option("--compact", help="No indentation.")] = False,
    encoding: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            metavar="NAME",
            callback=_encoding,
            help="Text encoding of the input, e.g. cp1252 (default: detect).",
        ),
    ] = None,
    engine: EngineOption = Engine.fast,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_memory: MaxMemory = DEFAULT_MAX_MEMORY,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when a document has a warning or error (each on stderr)."
        ),
    ] = False,
    timeout: Timeout = DEFAULT_TIMEOUT,
    ocr: OcrOption = False,
) -> None:
    """Parse documents and print JSON (one file) or JSON Lines (several files)."""
    as_lines = len(files) > 1
    settings = _Settings(
        encoding, engine.value, max_bytes, max_memory, timeout,
        None if (compact or as_lines) else indent, ocr,
    )  # fmt: skip
    chunks: list[str] = []
    failed = flagged = False
    for name in files:
        try:
            doc, text = _convert(name, settings)
        except ReferatError as exc:
            _error(str(exc))
            failed = True
            continue
        if output is None:
            _print(text)
        else:
            chunks.append(text)
        if strict:
            warnings = _strict_lines(name, doc.diagnostics)
            flagged = flagged or bool(warnings)
            for line in warnings:
                typer.echo(line, err=True)
    if output is not None and chunks:
        _write_output(output, "\n".join(chunks) + "\n")
    if failed or flagged:
        raise typer.Exit(1)


def _write_output(output: Path, text: str) -> None:
    from .output.writing import write_atomic

    try:
        write_atomic(output, text, clean_stale=True)
    except OutputError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        _stdout_closed()


# --- batch ------------------------------------------------------------------------------------


@app.command()
def batch(
    in_dir: Annotated[
        Path,
        typer.Argument(
            metavar="IN_DIR",
            help="Archive folder: .txt, .pdf, .html, .htm and .docx files, any depth.",
        ),
    ],
    out_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="OUT_DIR",
            help="Output folder: one JSON file per input + _report.jsonl.",
        ),
    ] = None,
    jsonl: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--jsonl", metavar="FILE", help="Write one JSON Lines stream to FILE ('-': stdout)."
        ),
    ] = None,
    glob: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Only inputs whose path inside IN_DIR matches: '*' stays in one folder, "
            "'**' spans any depth ('2024/*.pdf', '**/*.txt').",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            callback=_checked(limits.check_jobs),
            show_default="the number of CPUs",
            help="Worker processes.",
        ),
    ] = 0,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_memory: MaxMemory = DEFAULT_MAX_MEMORY,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Skip inputs whose output is up to date (see README)."),
    ] = False,
    engine: EngineOption = Engine.fast,
    ocr: OcrOption = False,
    dask_scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--dask-scheduler",
            metavar="ADDRESS",
            help="Run on a Dask cluster (tcp://HOST:PORT).",
        ),
    ] = None,
) -> None:
    """Convert an archive folder in parallel: exit 0 when every file parsed, 1 when any failed."""
    from .output.archive import Options

    _check_batch_paths(in_dir, out_dir, jsonl)
    options = Options(
        in_dir=in_dir,
        out_dir=out_dir,
        jsonl=jsonl,
        pattern=glob,
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=max_bytes,
        max_memory=max_memory,
        resume=resume,
        engine=engine.value,
        ocr=ocr,
        dask_scheduler=dask_scheduler,
    )
    from .output.progress import run_batch

    try:
        failed = run_batch(options)
    except ReferatError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        _stdout_closed()
    if failed:
        raise typer.Exit(1)


def _check_batch_paths(in_dir: Path, out_dir: Path | None, jsonl: str | None) -> None:
    """Usage errors (exit 2) before anything is read or written."""
    if not in_dir.is_dir():
        _fail(f"{in_dir}: not a folder", 2)
    if out_dir is None and jsonl is None:
        _fail("give an output folder (-o OUT_DIR) or --jsonl FILE", 2)
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        _fail(f"{out_dir}: exists and is not a folder", 2)


# --- schema, debug, the root ------------------------------------------------------------------


class ExportFormat(str, enum.Enum):
    """``referat export --to`` (``output/export.py``)."""

    sqlite = "sqlite"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE",
            help="Batch output folders, .jsonl/.json files ('-': JSON Lines on stdin), or "
            "input documents and folders of them (parsed on the way).",
        ),
    ],
    to: Annotated[
        ExportFormat, typer.Option("--to", metavar=choices(ExportFormat), help="Table format.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            help="The database (sqlite) or the folder of tables (csv, parquet).",
        ),
    ],
    aliases: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--aliases", metavar="FILE", help="CSV 'name,same_as': spellings of one person."
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            callback=_checked(limits.check_jobs),
            show_default="the number of CPUs",
            help="Worker processes for input documents.",
        ),
    ] = 0,
    glob: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--glob", metavar="PATTERN", help="Only inputs whose path inside a folder matches."
        ),
    ] = None,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    max_memory: MaxMemory = DEFAULT_MAX_MEMORY,
    engine: EngineOption = Engine.fast,
    keep_json: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--keep-json",
            metavar="DIR",
            help="Also keep each input's JSON and the batch report in DIR.",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="With --keep-json: skip inputs whose JSON is current."),
    ] = False,
) -> None:
    """Export documents to tables (SQLite, CSV, Parquet): exit 1 when any document failed."""
    from .output.export import ExportOptions, run_export

    if resume and keep_json is None:
        _fail("--resume needs --keep-json DIR (where the parsed JSON is kept)", 2)
    for name in sources:
        if name != "-" and not Path(name).exists():
            _fail(f"{printable(name)}: no such file or folder", 2)
    options = ExportOptions(
        sources=sources, to=to.value, out=out, aliases=aliases, jobs=jobs or os.cpu_count() or 1,
        pattern=glob, timeout=timeout, max_bytes=max_bytes, max_memory=max_memory,
        engine=engine.value, keep_json=keep_json, resume=resume,
    )  # fmt: skip
    try:
        result = run_export(options)
    except ReferatError as exc:
        _fail(str(exc))
    for line in result.warnings:
        typer.echo(f"referat: warning: {printable(line)}", err=True)
    for line in result.errors:
        _error(line)
    typer.echo(_export_summary(result), err=True)
    if result.errors:
        raise typer.Exit(1)


def _export_summary(result: ExportResult) -> str:
    parsed = result.parsed
    inputs = ""
    if parsed:
        inputs = (
            f" ({parsed.get('ok', 0) + parsed.get('warnings', 0)} parsed, "
            f"{parsed.get('skipped', 0)} up to date)"
        )
    rows = sum(result.rows.values())
    return (
        f"referat export: {result.documents} documents{inputs}, {len(result.errors)} failed; "
        f"{rows:,} rows in {len(result.rows)} tables -> {result.target} ({result.format}) "
        f"in {result.seconds:.1f} s"
    )


@app.command()
def schema(
    indent: Annotated[
        int,
        typer.Option(metavar="N", callback=_checked(limits.check_indent), help="JSON indent."),
    ] = 2,
) -> None:
    """Print the JSON Schema of the output (the published contract)."""
    _print(json.dumps(json_schema(), indent=indent, ensure_ascii=False))


def json_schema() -> dict[str, object]:
    from .models import Document

    return Document.model_json_schema(by_alias=True, mode="serialization")


@app.command(hidden=True)
def debug(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Text file or '-'.")],
    stage: Annotated[
        str, typer.Option(metavar="STAGE", help=f"One of: {', '.join(STAGES)}.")
    ] = "segment",
) -> None:
    """Print one pipeline stage's value (for field debugging)."""
    from .output.debugging import stage_dump
    from .pipeline import read_input, read_limited

    try:
        if file == "-":
            data = read_limited(sys.stdin.buffer, "-", DEFAULT_MAX_BYTES)
        else:
            data = read_input(Path(file), DEFAULT_MAX_BYTES)
        _print(stage_dump(data, stage))
    except ReferatError as exc:
        _fail(str(exc))
    except KeyError:
        _fail(f"unknown stage {stage!r} (one of: {', '.join(STAGES)})", 2)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__
        from .models import SCHEMA_VERSION

        typer.echo(f"referat {__version__} (JSON schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def _root(
    debug_flag: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_print_version, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    _DEBUG["on"] = debug_flag


# --- the console entry point ------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: finished files stay, temporary ones go."""


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    _SIGNALLED["term"] = True
    raise Terminated


def _click_errors() -> tuple[type[Exception], type[Exception]]:
    """click's ``UsageError`` and ``ClickException``, from whichever click Typer uses (Typer
    0.29 carries its own copy): both are bases of ``typer.BadParameter``."""
    bases = {cls.__name__: cls for cls in typer.BadParameter.__mro__}
    return bases["UsageError"], bases["ClickException"]


def main() -> None:
    """Console entry point: usage errors and unexpected errors are one line (unless --debug)."""
    usage_error, click_error = _click_errors()
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = app(standalone_mode=False)
    except usage_error as exc:
        code = _usage_error(exc)
    except click_error as exc:
        _error(exc.format_message())  # type: ignore[attr-defined]
        code = exc.exit_code  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        typer.echo(
            f"referat: internal error: {type(exc).__name__}: {printable(str(exc))} "
            "(rerun with --debug)",
            err=True,
        )
        code = 3
    if code == 130 and _SIGNALLED["term"]:
        code = EXIT_TERMINATED
    sys.exit(code if isinstance(code, int) else 0)


def _usage_error(exc: Exception) -> int:
    """One line: ``referat: error: invalid value for '--timeout': … (see 'referat parse --help')``;
    a command given nothing prints its help, as before."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()  # type: ignore[attr-defined]
        return 2
    message: str = exc.format_message()  # type: ignore[attr-defined]
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    _error(message.rstrip(".") + hint)
    return 2
