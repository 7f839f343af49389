"""Help text a person can read, the same whatever Typer version is installed.

Typer renders parameters its own way, and changes it between releases (0.29 prints
``Usage: referat parse [OPTIONS] {files}...``, ``files... <list[str]>`` and ``--engine <str>``).
``App`` makes every command a ``ReadableCommand``, which lays out its usage line, arguments and
options from the click parameters the command declares, in click's classic form::

    Usage: referat parse [OPTIONS] FILE...
      -o, --output PATH             Write to this file (atomically) instead of stdout.
      --engine [fast|pdfplumber]    PDF engine ...  [default: fast]

Each option states its metavar (``PATH``, ``SECONDS``, ``SIZE``), and a choice lists its values;
``tests/test_help.py`` keeps a snapshot of each command's help.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand


def choices(kind: type[enum.Enum]) -> str:
    """The metavar of a choice: ``[fast|pdfplumber]``."""
    return "[" + "|".join(str(member.value) for member in kind) + "]"


class ReadableCommand(TyperCommand):
    """A command whose usage line and parameter lists are rendered here (see the module)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]
        arguments = [
            (_argument_name(p), _help(p)) for p in params if p.param_type_name == "argument"
        ]
        options = [(_option_names(p), _help(p)) for p in params if p.param_type_name == "option"]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class App(typer.Typer):
    """``typer.Typer`` whose commands are ``ReadableCommand``s unless told otherwise."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", ReadableCommand)
        return super().command(*args, **kwargs)


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


def _option_names(param: Any) -> str:
    names = sorted(param.opts, key=lambda opt: (opt.startswith("--"), opt))
    label = ", ".join(names)
    if param.secondary_opts:
        label += " / " + ", ".join(param.secondary_opts)
    if not (param.is_flag or param.count):
        label += f" {param.metavar or param.name.upper()}"
    return label


def _help(param: Any) -> str:
    extras = []
    default = _default(param)
    if default:
        extras.append(f"default: {default}")
    if param.param_type_name == "argument" and param.required:
        extras.append("required")
    text = getattr(param, "help", None) or ""
    return f"{text}  [{'; '.join(extras)}]" if extras else text


def _default(param: Any) -> str | None:
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return shown
    value = param.default
    flag = getattr(param, "is_flag", False)
    if shown is False or value is None or flag or isinstance(value, (list, tuple)):
        return None
    if callable(value):
        return None
    value = getattr(value, "value", value)  # an Enum member: its value
    return f"{value:g}" if isinstance(value, float) else str(value)
