"""People: participants, roles, attendance, absences. (Being rewritten by the people work.)"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from .blocks import BlockDraft
from .diagnostics import Diagnostics
from .lines import Line
from .models import Item, Participant

_PAREN = re.compile(r"\s*\([^()]*\)")


def absent_names(lines: Sequence[Line]) -> list[str]:
    from .blocks import absent_names_text

    names: list[str] = []
    for line in lines:
        text = absent_names_text(line) or ""
        name = _PAREN.sub("", text).split(",")[0].strip()
        if name:
            names.append(name)
    return names


def extract_participants(
    header: Sequence[Line],
    item_blocks: Sequence[tuple[int, list[BlockDraft]]],
    items: Sequence[Item],
    diags: Diagnostics,
) -> list[Participant]:
    return []


def as_invited(cast: list[Participant]) -> list[Participant]:
    return [p.model_copy(update={"attendance": "unknown"}) for p in cast]
