"""Split an item's body into headed blocks (Resumé, Sagsfremstilling, Indstilling, Beslutning, Bilag).

Serves:

* headings on a line of their own, in any order: 000 ("Resumé", "Sagsfremstilling",
  "Indstilling", "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023", "Bilag"),
  001 (Beslutning first, then Bilag, then Sagsfremstilling), 002 ("Resume" without accent,
  empty blocks kept);
* text before the first heading: "Det indstilles, …" forms an indstilling block (003); other
  text forms an "andet" block with no heading;
* "Fraværende Stephanie Lose, V (orlov)" closing a decision (000) is not decision text: it is
  returned apart and fills the item's ``absent``.

Subheadings inside a block (PROCES, ØKONOMI, Klyngeøkonomi, Målgruppen) are not in the
vocabulary, so they stay in the block's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex as re

from ..dates import find_date
from ..lines import Line
from ..vocab import (
    ABSENT_LABELS,
    BLOCK_HEADINGS,
    DECISION_HEADING_WORDS,
    RECOMMENDATION_OPENERS,
    initials,
)

_DECISION_WORD = "|".join(DECISION_HEADING_WORDS)
# "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023", "Beslutning den 3. maj 2023"
DECISION_HEADING = re.compile(
    rf"^(?:{_DECISION_WORD})(?:\s+(?:i|på|fra)\s+(.+?))?(?:\s+(?:den|d\.)\s+(.{{4,40}}))?:?$",
    re.I,
)
_ABSENT_LABEL = "|".join(ABSENT_LABELS)
# "Fraværende Stephanie Lose, V (orlov)", "Fraværende: …", "Afbud: …" (not "Afbud fra:")
ABSENT_LINE = re.compile(rf"^(?:{_ABSENT_LABEL})(?:\s*:\s*|\s+(?!fra\b))(\S.{{0,500}})$", re.I)


_HEADING_MAX = 160
_ABSENT_INITIALS = initials(ABSENT_LABELS)


@dataclass(slots=True)
class BlockDraft:
    kind: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    decision_body: str | None = None
    decision_date: dt.date | None = None

    @property
    def content(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank]


def decision_lines(item_blocks: Sequence[ItemBlocks]) -> Iterator[tuple[int, Line]]:
    """(item number, line) for every line of every Beslutning block, in document order."""
    for item in item_blocks:
        for block in item.blocks:
            if block.kind == "beslutning":
                for line in block.lines:
                    yield item.number, line


class ItemBlocks(NamedTuple):
    """An item's blocks with what the people rules need to know about the item."""

    number: int
    title: str
    blocks: list[BlockDraft]


def block_heading(line: Line) -> tuple[str, str | None, dt.date | None] | None:
    """Probe: ``(kind, decision body, decision date)`` when the line is a block heading."""
    text = line.stripped
    if not text or len(text) > _HEADING_MAX or text.endswith((".", ",")):
        return None
    key = text.rstrip(":").strip().casefold()
    if key in BLOCK_HEADINGS:
        return BLOCK_HEADINGS[key], None, None
    if not key.startswith(DECISION_HEADING_WORDS):
        return None
    m = DECISION_HEADING.match(text)
    if m is None or (m.group(1) is None and m.group(2) is None):
        return None
    when = find_date(m.group(2))[0] if m.group(2) else None
    body = m.group(1).strip() if m.group(1) else None
    return "beslutning", body, when


def absent_names_text(line: Line) -> str | None:
    """The names part of an item-level absence line, or None."""
    text = line.stripped
    if text[:1] not in _ABSENT_INITIALS or not text[:12].casefold().startswith(ABSENT_LABELS):
        return None
    m = ABSENT_LINE.match(text)
    return m.group(1).strip() if m else None


def split_blocks(body: Sequence[Line]) -> tuple[list[BlockDraft], list[Line]]:
    """Blocks in document order, and the item-level absence lines taken out of them."""
    blocks: list[BlockDraft] = []
    absent: list[Line] = []
    current: BlockDraft | None = None
    for line in body:
        probe = block_heading(line) if len(line.stripped) <= _HEADING_MAX else None
        if probe is not None:
            kind, who, when = probe
            current = BlockDraft(kind, line, decision_body=who, decision_date=when)
            blocks.append(current)
            continue
        # absent_names_text tests the initial too; asked here first, it spares most lines a call
        if line.stripped[:1] in _ABSENT_INITIALS and absent_names_text(line) is not None:
            absent.append(line)
            continue
        if current is None:
            if line.blank:
                continue
            current = BlockDraft(_preamble_kind(line), None)
            blocks.append(current)
        current.lines.append(line)
    return blocks, absent


def _preamble_kind(first: Line) -> str:
    """Unheaded text before the first heading: 'Det indstilles, …' is an Indstilling (003)."""
    return (
        "indstilling" if first.stripped.casefold().startswith(RECOMMENDATION_OPENERS) else "andet"
    )


def render(lines: Sequence[Line]) -> str:
    """Block text: lines stripped, paragraphs (runs of non-blank lines) separated by one blank line."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        text = line.stripped
        if text:
            current.append(text)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)


def span(lines: Sequence[Line], fallback: Line) -> tuple[int, int]:
    """First and last non-blank line numbers, or the fallback line's number twice."""
    content = [ln.no for ln in lines if not ln.blank]
    if not content:
        return fallback.no, fallback.no
    return content[0], content[-1]
