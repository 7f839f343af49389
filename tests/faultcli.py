"""``referat`` with faults injected, for the tests only: ``python tests/faultcli.py batch …``.

The installed package has no fault hook at all (a test checks it). This script wraps
``archive.convert`` before the command runs, and the batch's forked workers inherit the
wrapper: ``REFERAT_TEST_FAULTS="hang=a.txt,crash=b.txt"`` makes a worker given a file whose
path contains ``a.txt`` sleep for an hour, and one given ``b.txt`` exit with status 70.
"""

from __future__ import annotations

import os
import time
from typing import Any

from referat_parser import cli
from referat_parser.output import archive

FAULTS = "REFERAT_TEST_FAULTS"
_convert = archive.convert


def _faulty_convert(task: archive.Task, *args: Any, **kwargs: Any) -> archive.Result:
    for fault in os.environ.get(FAULTS, "").split(","):
        kind, _, marker = fault.partition("=")
        if marker and marker in task.path:
            if kind == "hang":
                time.sleep(3600)
            elif kind == "crash":
                os._exit(70)
    return _convert(task, *args, **kwargs)


if __name__ == "__main__":
    archive.convert = _faulty_convert  # type: ignore[assignment]
    cli.main()
