"""The bounds on one file's parse, and the checks of the options that set them.

Loaded before the pipeline (so ``referat --help`` stays fast). The CLI validates every option
here at the boundary (``ValueError`` -> exit 2, one line); ``memory_limit`` bounds the memory
of the process that parses: ``parse`` itself, or each ``batch`` worker.

    --max-bytes 50M    refuse an input over 50 MiB (from its size, or while it is read)
    --max-memory 2G    one file's parse may grow its process by at most 2 GiB (RLIMIT_AS)
    --timeout 60       give up on a file after 60 s
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import OutOfMemoryError

STAGES: tuple[str, ...] = (
    "decode", "normalise", "lines", "furniture", "noise", "segment", "extract", "people",
    "validate",
)  # fmt: skip

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_MEMORY = 2 * 1024**3  # per file's parse: ``parse`` and each batch worker
DEFAULT_TIMEOUT = 60.0  # seconds one document may take (``parse`` and ``batch`` --timeout)
MAX_TIMEOUT = 86_400.0  # a day: beyond it timers and waits overflow, and nothing needs it
MAX_INDENT = 16
MAX_JOBS = 256
MIN_MEMORY = 64 * 1024**2  # below this not even the rules load

_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


# --- option checks (ValueError: the CLI shows it as a usage error) ----------------------------


def parse_size(text: str) -> int:
    """``"50M"`` -> 52428800: bytes, or a number with K, M, G or T (powers of 1024; "MiB",
    "MB" and "m" alike)."""
    found = _SIZE.fullmatch(text)
    if found is None:
        raise ValueError(f"{text!r} is not a size (bytes, or a number with K, M, G or T: '50M')")
    return int(float(found[1]) * _UNITS[found[2].lower()])


def format_size(size: int) -> str:
    """52428800 -> "50 MiB" (the largest unit that divides it, else bytes)."""
    for unit, factor in (("TiB", 1024**4), ("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size:,} bytes"


def check_max_bytes(size: int) -> int:
    if size < 1:
        raise ValueError("must be at least 1 byte")
    return size


def check_max_memory(size: int) -> int:
    if size != 0 and size < MIN_MEMORY:
        raise ValueError(f"must be 0 (no bound) or at least {format_size(MIN_MEMORY)}")
    return size


def check_timeout(seconds: float) -> float:
    if not math.isfinite(seconds) or not 0 < seconds <= MAX_TIMEOUT:
        raise ValueError(f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}")
    return seconds


def check_indent(indent: int) -> int:
    if not 0 <= indent <= MAX_INDENT:
        raise ValueError(f"must be from 0 to {MAX_INDENT}")
    return indent


def check_jobs(jobs: int) -> int:
    if not 0 <= jobs <= MAX_JOBS:
        raise ValueError(f"must be from 1 to {MAX_JOBS} (or 0: the number of CPUs)")
    return jobs


# --- the memory bound ---------------------------------------------------------------------------


def can_limit_memory() -> bool:
    """Linux only: elsewhere RLIMIT_AS is missing or not enforced, and nothing is bounded."""
    return sys.platform.startswith("linux")


@contextmanager
def memory_limit(budget: int, label: str) -> Iterator[None]:
    """Let the block grow this process's address space by at most ``budget`` bytes
    (``RLIMIT_AS``: an allocation beyond it fails), and turn the ``MemoryError`` into one
    ``OutOfMemoryError`` line. The previous limit is restored after. ``budget`` 0: no bound."""
    if budget <= 0 or not can_limit_memory():
        yield
        return
    import resource

    previous = resource.getrlimit(resource.RLIMIT_AS)
    soft, hard = previous
    limit = _address_space() + budget
    for bound in (soft, hard):
        if bound != resource.RLIM_INFINITY:
            limit = min(limit, bound)  # never loosen a limit somebody else set
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    except MemoryError:
        raise OutOfMemoryError(
            f"{label}: out of memory: its parse needed more than {format_size(budget)} "
            "(see --max-memory)"
        ) from None
    finally:
        resource.setrlimit(resource.RLIMIT_AS, previous)


def _address_space() -> int:
    """This process's current address space in bytes (Linux: /proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")
