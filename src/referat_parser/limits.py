"""Constants the CLI needs before it loads the pipeline (so ``referat --help`` stays fast)."""

from __future__ import annotations

STAGES: tuple[str, ...] = (
    "decode", "normalise", "lines", "furniture", "noise", "segment", "extract", "people",
    "validate",
)  # fmt: skip

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

DEFAULT_TIMEOUT = 60.0  # seconds one document may take (``parse`` and ``batch`` --timeout)
