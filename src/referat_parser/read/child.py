"""Run one function in a child process that can be killed: the hard stop for C code.

Serves ``referat parse --timeout`` on PDFs: pdfium and pdfminer can spend seconds inside one C
call (a page of a million glyphs, six pages of vector paths), where no Python signal handler
runs. The CLI reads the PDF in a forked child; the parent waits on a pipe, and the deadline
timer (``deadline.py``) interrupts that wait, after which the child is killed. A
``ReferatError`` raised in the child is raised again in the parent with its message; a child
that dies (a crash in a PDF library) is ``ChildDiedError``. Without ``fork`` (Windows) the
function runs in-process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import TypeVar

from ..errors import ReferatError

T = TypeVar("T")


class ChildDiedError(Exception):
    """The child ended without an answer (killed by a signal, or it crashed)."""


def run_killable(fn: Callable[[], T]) -> T:
    """``fn()`` in a forked child; its value (pickled back) or its ``ReferatError``."""
    if not hasattr(os, "fork"):
        return fn()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer once, then leave without running the parent's cleanup
        os.close(read_end)
        _answer(write_end, fn)
        os._exit(0)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()  # the deadline's signal interrupts this wait
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if not data:
        raise ChildDiedError(_how_it_ended(status))
    kind, value = pickle.loads(data)
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "refused":
        cls, message = value
        raise cls(message)
    raise RuntimeError(value)


def _answer(write_end: int, fn: Callable[[], object]) -> None:
    try:
        try:
            answer: tuple[str, object] = ("ok", fn())
        except ReferatError as exc:
            answer = ("refused", (type(exc), str(exc)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, never lost
            answer = ("crashed", f"{type(exc).__name__}: {exc}")
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001, S110 - the parent sees an empty answer
        pass


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"
