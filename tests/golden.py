"""Field-by-field comparison of a parsed document with its expected JSON (H8)."""

from __future__ import annotations

from typing import Any


def diff(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Every difference as ``path: expected != actual``; lists compare by index and length."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out: list[str] = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                out.append(f"{path}.{key}: missing from the output")
            elif key not in expected:
                out.append(f"{path}.{key}: not in the expected JSON (value {actual[key]!r:.80})")
            else:
                out.extend(diff(expected[key], actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        out = [
            diff_item
            for e, a, i in zip(expected, actual, range(len(expected)))
            for diff_item in diff(e, a, f"{path}[{i}]")
        ]
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} entries, got {len(actual)}")
        return out
    if expected != actual:
        return [f"{path}: expected {expected!r:.120} != got {actual!r:.120}"]
    return []
