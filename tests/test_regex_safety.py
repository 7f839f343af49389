"""Every module-level regular expression, run over adversarial text, finishes fast.

Catastrophic backtracking shows on long runs of the characters a pattern itself is built
from. For each pattern this builds such runs (its literal characters, digits, letters,
separators) and searches them with the ``regex`` module's ``timeout``; a pattern that needs
more than a second on 20,000 characters fails the test, naming the pattern.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
import regex

import referat_parser

_SKIP = {"referat_parser.cli", "referat_parser.output.progress", "referat_parser.output.archive"}


def _patterns() -> list[tuple[str, Any]]:
    found = []
    for info in pkgutil.walk_packages(referat_parser.__path__, "referat_parser."):
        if info.name in _SKIP or info.name.endswith(("pdf",)):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                found.append((f"{info.name}.{name}", value))
    return found


# Runs every pattern meets besides its own characters (tests/test_linearity.py parses them too).
RUNS = ["1.000 ", "a ", "Aa ", ", ", ". ", "1,2 ", "(a) ", "  ", "æø "]


def literal_run(pattern: Any) -> str:
    """The characters a pattern is built from (its letters, digits and separators)."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else ""
    return "".join(sorted({ch for ch in source if ch.isalnum() or ch in " .,:;-()%/\t"}))


def _adversarial(pattern: Any) -> list[str]:
    runs = [literal_run(pattern) or "a", *RUNS]
    return [(run * (20_000 // max(1, len(run)) + 1))[:20_000] + "\u2603" for run in runs]


PATTERNS = _patterns()


def test_the_audit_sees_the_patterns() -> None:
    assert len(PATTERNS) > 30


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_text(name: str, pattern: Any) -> None:
    if not isinstance(pattern.pattern, str):
        return  # byte patterns run on raw input only in decode (one class, no repetition)
    for text in _adversarial(pattern):
        try:
            pattern.search(text, timeout=1.0)
            pattern.match(text, timeout=1.0)
        except TimeoutError:
            pytest.fail(f"{name} needs over 1 s on {text[:30]!r}…")
