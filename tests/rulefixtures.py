"""Read many-case rule fixture files (markdown-it-py style), keeping line numbers.

Format, repeated::

    case <title>
    .
    <input lines>
    .
    <expected JSON>
    .
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"


@dataclass(frozen=True)
class Case:
    title: str
    line: int  # line of the "case" header in the fixture file
    input: str
    expected: Any

    def where(self, path: Path) -> str:
        return f"{path.name}:{self.line} ({self.title})"


def read_cases(name: str) -> list[Case]:
    path = RULES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("case "):
            i += 1
            continue
        title, start = lines[i][5:].strip(), i + 1
        parts: list[list[str]] = []
        i += 2  # skip the header and the first "."
        for _ in range(2):
            part: list[str] = []
            while lines[i] != ".":
                part.append(lines[i])
                i += 1
            parts.append(part)
            i += 1
        cases.append(Case(title, start, "\n".join(parts[0]), json.loads("\n".join(parts[1]))))
    return cases
