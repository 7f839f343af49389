"""Line probes that several stages ask: is this line an item heading or a block heading?

Shared by the page-furniture stage (a repeated heading is content, not a running header) and
the outline (segment): both sit above this module, so neither imports the other.
"""

from __future__ import annotations

import regex as re

from .lines import Line
from .vocab import BLOCK_HEADINGS, ITEM_WORDS

_ITEM_WORD = "|".join(ITEM_WORDS)
# "Punkt 5: Skriftlig orientering: …", "Pkt. 3 - Title" (000-002)
PUNKT_HEADING = re.compile(
    rf"^(?:{_ITEM_WORD})\.?\s+(\d{{1,3}})\s*(?:[:.)]|\s-)\s*(\S.{{0,300}})$", re.I
)


def is_block_heading(line: Line) -> bool:
    """ "Resumé", "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023" (vocab.BLOCK_HEADINGS)."""
    text = line.stripped.rstrip(":").casefold()
    return text in BLOCK_HEADINGS or text.startswith(("beslutning i ", "beslutning den "))
