"""The ``referat`` command: a thin adapter over ``parse_file``/``parse_bytes``.

It reads files and stdin, chooses JSON or JSON Lines and the indent, maps ``ReferatError`` to
one line on stderr and exit 1, and nothing else: no parsing rules live here. Exit codes:
0 parsed (diagnostics allowed), 1 an input could not be read (or ``--strict`` and a warning),
2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from .errors import ReferatError
from .limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, STAGES
from .output.writing import dump, write_atomic

if TYPE_CHECKING:  # the pipeline and the models load on first use, not for --help
    from .models import Document

app = typer.Typer(
    name="referat",
    help="Turn Danish meeting minutes (referater, dagsordener; text, PDF, HTML, Word) into JSON.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs ~0.14 s per start
    no_args_is_help=True,
)

_DEBUG = {"on": False}

# Options that ``parse`` and ``batch`` share.
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this.")]
EngineOption = Annotated[
    str, typer.Option(help="PDF engine: 'fast' (pypdfium2 + pdfplumber tables) or 'pdfplumber'.")
]


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"referat: error: {message}", err=True)
    raise typer.Exit(code)


def _parse_one(
    name: str, encoding: str | None, engine: str, max_bytes: int, timeout: float
) -> Document:
    from .deadline import deadline

    with deadline(timeout, name):
        return _read_and_parse(name, encoding, engine, max_bytes, timeout)


def _read_and_parse(
    name: str, encoding: str | None, engine: str, max_bytes: int, timeout: float
) -> Document:
    from .pipeline import parse_bytes, parse_file, parse_url
    from .read.url import is_url

    if is_url(name):
        return parse_url(
            name,
            encoding=encoding,
            engine=engine,  # type: ignore[arg-type]
            max_bytes=max_bytes,
            timeout=timeout,
        )
    if name == "-":
        data = sys.stdin.buffer.read()
        if len(data) > max_bytes:
            raise _InputTooLargeError(len(data), max_bytes)
        return parse_bytes(data, source=None, encoding=encoding, engine=engine)  # type: ignore[arg-type]
    return parse_file(name, encoding=encoding, engine=engine, max_bytes=max_bytes)  # type: ignore[arg-type]


class _InputTooLargeError(ReferatError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"-: input is {size:,} bytes, over the limit of {limit:,} (see --max-bytes)"
        )


@app.command()
def parse(
    files: Annotated[
        list[str],
        typer.Argument(help="Text, PDF, HTML or Word (.docx) files, http(s) URLs; '-' is stdin."),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    indent: Annotated[int, typer.Option(help="JSON indent for a single document.")] = 2,
    compact: Annotated[bool, typer.Option("--compact", help="No indentation.")] = False,
    encoding: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Text encoding of the input (default: detect)."),
    ] = None,
    engine: EngineOption = "fast",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any document has a warning or error.")
    ] = False,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file.")] = DEFAULT_TIMEOUT,
) -> None:
    """Parse documents and print JSON (one file) or JSON Lines (several files)."""
    if engine not in ("fast", "pdfplumber"):
        _fail(f"unknown engine {engine!r} (use 'fast' or 'pdfplumber')", 2)
    if timeout <= 0:
        _fail("--timeout must be positive", 2)
    as_lines = len(files) > 1
    chunks: list[str] = []
    failed = flagged = False
    out = sys.stdout
    for name in files:
        try:
            doc = _parse_one(name, encoding, engine, max_bytes, timeout)
        except ReferatError as exc:
            typer.echo(f"referat: error: {exc}", err=True)
            failed = True
            continue
        flagged = flagged or any(d.severity != "info" for d in doc.diagnostics)
        text = dump(doc, None if (compact or as_lines) else indent)
        if output is None:
            out.write(text + "\n")
            out.flush()
        else:
            chunks.append(text)
    if output is not None and chunks:
        write_atomic(output, "\n".join(chunks) + "\n")
    if failed or (strict and flagged):
        raise typer.Exit(1)


@app.command()
def batch(
    in_dir: Annotated[
        Path,
        typer.Argument(help="Archive folder: .txt, .pdf, .html, .htm, .docx files, any depth."),
    ],
    out_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", help="Output folder: one JSON file per input + _report.jsonl."
        ),
    ] = None,
    jsonl: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--jsonl", help="Write one JSON Lines stream to this file ('-': stdout)."),
    ] = None,
    glob: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--glob", help="Only inputs whose path inside IN_DIR matches ('2024/*.pdf')."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (default: the number of CPUs).")
    ] = 0,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file.")] = DEFAULT_TIMEOUT,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip inputs whose output is up to date.")
    ] = False,
    engine: EngineOption = "fast",
    dask_scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dask-scheduler", help="Run on a Dask cluster (tcp://HOST:PORT)."),
    ] = None,
) -> None:
    """Convert an archive folder in parallel: exit 0 when every file parsed, 1 when any failed."""
    from .output.archive import Options

    if not in_dir.is_dir():
        _fail(f"{in_dir}: not a folder", 2)
    if out_dir is None and jsonl is None:
        _fail("give an output folder (-o OUT_DIR) or --jsonl FILE", 2)
    if engine not in ("fast", "pdfplumber"):
        _fail(f"unknown engine {engine!r} (use 'fast' or 'pdfplumber')", 2)
    if timeout <= 0 or jobs < 0:
        _fail("--timeout must be positive and --jobs not negative", 2)
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            _fail(f"{out_dir}: exists and is not a folder", 2)
        out_dir.mkdir(parents=True, exist_ok=True)
    options = Options(
        in_dir=in_dir,
        out_dir=out_dir,
        jsonl=jsonl,
        pattern=glob,
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=max_bytes,
        resume=resume,
        engine=engine,
        dask_scheduler=dask_scheduler,
    )
    from .output.progress import run_batch

    try:
        failed = run_batch(options)
    except ReferatError as exc:
        _fail(str(exc))
    if failed:
        raise typer.Exit(1)


@app.command()
def schema(
    indent: Annotated[int, typer.Option(help="JSON indent.")] = 2,
) -> None:
    """Print the JSON Schema of the output (the published contract)."""
    typer.echo(json.dumps(json_schema(), indent=indent, ensure_ascii=False))


def json_schema() -> dict[str, object]:
    from .models import Document

    return Document.model_json_schema(by_alias=True, mode="serialization")


@app.command(hidden=True)
def debug(
    file: Annotated[str, typer.Argument(help="Text file or '-'.")],
    stage: Annotated[str, typer.Option(help=f"One of: {', '.join(STAGES)}.")] = "segment",
) -> None:
    """Print one pipeline stage's value (for field debugging)."""
    from .output.debugging import stage_dump

    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    try:
        typer.echo(stage_dump(data, stage))
    except ReferatError as exc:
        _fail(str(exc))
    except KeyError:
        _fail(f"unknown stage {stage!r} (one of: {', '.join(STAGES)})", 2)


@app.callback()
def _root(
    debug_flag: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")
    ] = False,
) -> None:
    _DEBUG["on"] = debug_flag


def main() -> None:
    """Console entry point: unexpected errors are one line unless --debug."""
    try:
        app()
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130)
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        typer.echo(
            f"referat: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True
        )
        sys.exit(3)
