"""Wrapped lines joined back into the paragraphs they print, for the rules that read prose
(decision sentences, recommendation lead-ins and points).

Exports and fixed-width text wrap one sentence over several lines with nothing blank between
them: 026 (pdftotext) prints "Fremsendes til Kulturudvalget til behandling i henhold til
beslutning i byrådets møde den 27. august" / "2025."; 003 (kk.dk) prints "Sundheds-" / "og
Omsorgsforvaltningen indstiller," and "• at" / "Sundheds- og Omsorgsudvalget godkender, …".
A line carries on the one above when nothing blank stands between them, the line is not a new
point (a bullet, "1." / "1)" / "a)", "At 1)"; "27. august 2025" is a date, not a point), and
either the line above ends with a full stop and this one starts in lower case (no sentence
does; "… jf." / "bilag 3." too), or the line above does not end its sentence (". ! ? : ;") and
this one starts in lower case or with a digit, or the line above is as long as a wrapped line
is or stops on a word no sentence ends on ("at", "og", "til"). A bare point ("• at", "1.") always carries on
onto the next line. With ``points`` (recommendations) an "at …" line after a comma or an "og"
starts a new at-clause. Each paragraph keeps the line every part of it came from, so a sentence
in the middle of a paragraph still gets its own line number.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

import regex as re

from ..lines import Line, join_wrapped
from ..vocab import ABBREVIATIONS, MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A new point: "- ", "• ", "o " bullets, "1." / "1)" (not "27. august"), "a)", "At 1)".
# ("At)" with its number lost is one too, 026 item 13).
POINT = re.compile(
    rf"^(?:[-•–·*\uf0b7\u25aa]|o(?=\s)|\d{{1,2}}[.)](?!\s*(?i:{_MONTH})\b)|[a-zæøåA-ZÆØÅ]\)"
    r"|[Aa]t\s*\d{0,2}\))(?=\s|$)"
)
_BARE_POINT = re.compile(r"^(?:[-•–·*\uf0b7\u25aa]|\d{1,2}[.)]|[Aa]t\s*\d{0,2}\))(?:\s+[Aa]t)?$")
_AT_CLAUSE = re.compile(r"^[Aa]t\s")
_LIST_JOINERS = (",", " og", " samt", " eller")
# The first characters a point can start with (a cheap test before POINT).
_POINT_STARTS = frozenset("-•–·*\uf0b7\u25aaoAa0123456789")
_ABBREV = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? followed by space and an upper-case letter or digit, unless the
# full stop belongs to an abbreviation. An ordinal ("indsats 2 og 3. Det blev …") ends a
# sentence too; ordinal dates ("d. 2. maj") and at-points ("1. at-punkt") are followed by a
# lower-case word and never split (only the abbreviations ignore case); nor does an item's
# number ("Punkt 28. Beslutning om … udsat.": one sentence about item 28).
SENTENCE_BREAK = re.compile(  # the cheap test first: the lookbehinds run at . ! ? only
    rf"(?<=[.!?])(?<!\b(?i:{_ABBREV}))(?<!\b(?i:punkt|pkt\.|sag|dagsordenspunkt)\s?\d{{1,3}}\.)"
    r"\s+(?=[\p{Lu}\d\"”])"
)
_SENTENCE_END = (".", "!", "?", ":", ";")
# A full stop of an abbreviation ends no sentence: "… til efterretning, jf." / "bilag 3.".
_ABBREVIATION_END = re.compile(rf"(?:^|[\s(])(?i:{_ABBREV})$")
# A line that stops on one of these words was cut mid-sentence: "Det indstilles, at" /
# "Forslag til lokalplan 1221 … vedtages endeligt."
_UNFINISHED = frozenset(
    ["at", "og", "i", "til", "for", "af", "med", "om", "på", "den", "det", "de", "en", "et", "som",
     "der", "samt", "eller", "fra", "ved", "over", "hvor"]
)  # fmt: skip
# A line at least this long that stops without punctuation was wrapped by the export (026's
# lines run to about 120 characters); a shorter one is a heading, a label or a list line.
WRAP_WIDTH = 50


class Paragraph(NamedTuple):  # a NamedTuple: one is built per paragraph of every block
    """Consecutive lines read as one text; ``starts`` is where each line's part begins."""

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]

    @property
    def line(self) -> Line:
        return self.lines[0]

    def line_at(self, offset: int) -> Line:
        """The line the character at ``offset`` of ``text`` came from."""
        return self.lines[max(0, bisect_right(self.starts, offset) - 1)]


def continues(above: str, line: str, points: bool = False) -> bool:
    """Whether ``line`` (stripped, the next line, nothing blank between) carries on ``above``."""
    first = line[:1]
    if (first in _POINT_STARTS or line[1:2] == ")") and POINT.match(line):
        return False
    if len(above) <= 8 and _BARE_POINT.match(above):
        return True
    if (
        points
        and _AT_CLAUSE.match(line)
        and (above.endswith(_SENTENCE_END) or above.endswith(_LIST_JOINERS))
    ):
        return False  # the next at-clause
    if above.endswith("."):  # no sentence starts in lower case; "… jf." / "bilag 3." is wrapped
        return first.islower() or (first.isdigit() and bool(_ABBREVIATION_END.search(above)))
    if above.endswith(_SENTENCE_END):
        return False
    if above.rpartition(" ")[2] in _UNFINISHED:
        return True
    return first.islower() or first.isdigit() or len(above) >= WRAP_WIDTH


def paragraphs(lines: Sequence[Line], *, points: bool = False) -> list[Paragraph]:
    """The non-blank lines as paragraphs, wrapped lines joined (module docstring)."""
    out: list[Paragraph] = []
    text = ""
    parts: list[Line] = []
    starts: list[int] = []
    for line in lines:
        if line.blank:
            if parts:
                out.append(Paragraph(text, tuple(parts), tuple(starts)))
                text, parts, starts = "", [], []
            continue
        piece = line.stripped
        if parts and continues(parts[-1].stripped, piece, points):
            joined = join_wrapped(text, piece)
            starts.append(len(joined) - len(piece))
            text = joined
            parts.append(line)
            continue
        if parts:
            out.append(Paragraph(text, tuple(parts), tuple(starts)))
        text, parts, starts = piece, [line], [0]
    if parts:
        out.append(Paragraph(text, tuple(parts), tuple(starts)))
    return out
