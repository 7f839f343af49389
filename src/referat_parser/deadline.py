"""A wall-clock bound on one document's parse, for the command line.

The rules' patterns are audited to be linear (``tests/test_regex_safety.py``), so a parse
never hangs; this is the second line of defence. It replaces a per-call ``timeout=`` on every
pattern, which cost the ``regex`` module about 1.5 µs a call (a tenth of the parse time). An
interval timer raises ``DeadlineError`` in the main thread; the ``regex`` module checks for
signals while it matches, so even a runaway pattern is interrupted. Where no timer can be set
(not the main thread, no ``SIGALRM``: Windows, a library caller's thread), it bounds nothing:
batch workers are bounded by the parent, which kills them after ``--timeout``.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import ReferatError


class DeadlineError(ReferatError):
    """One document took longer than its ``--timeout``."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float, label: str) -> Iterator[None]:
    """Raise ``DeadlineError("<label>: gave up after N s …")`` when the block runs too long."""
    if seconds <= 0 or not _can_time() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield  # cannot time here, or somebody else's timer is running: leave it alone
        return

    message = f"{label}: gave up after {seconds:g} s (see --timeout)"
    fired = False

    def expire(_signum: int, _frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        raise DeadlineError(message)

    def quiet(info: sys.UnraisableHookArgs) -> None:
        if not isinstance(info.exc_value, DeadlineError):
            hook(info)

    hook = sys.unraisablehook
    previous = signal.signal(signal.SIGALRM, expire)
    sys.unraisablehook = quiet
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = hook
    if fired:  # raised inside a destructor (``__del__``), which Python reports and swallows
        raise DeadlineError(message)
