"""The console command as the tests run it: the installed ``referat``, or the same command with
test-only faults injected (``tests/faultcli.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ROOT

REFERAT = str(Path(sys.executable).parent / "referat")
FAULTY = [sys.executable, str(ROOT / "tests" / "faultcli.py")]


def referat(
    *args: str, command: list[str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``referat ARGS`` (text mode, output captured, never raising on its exit status)."""
    kwargs.setdefault("timeout", 300)
    return subprocess.run(
        [*(command or [REFERAT]), *args], capture_output=True, text=True, check=False, **kwargs
    )
