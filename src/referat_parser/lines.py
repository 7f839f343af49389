"""The ``Line``: one input line with its provenance, built once for every input format.

Every later stage points back at lines by ``no`` (1-based line of the input) and ``page``
(1-based; ``None`` for unpaged text). Stages never re-search the text for positions. Formats
that print layout (PDF, HTML, DOCX) add a ``LineStyle``: evidence the outline may weigh (a bold
or larger line set apart by a gap is a heading); plain text has none (``style`` is ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re


@dataclass(frozen=True, slots=True)
class LineStyle:
    """How a line is printed, where the format says it.

    ``level``: a heading level the format states (HTML ``h1``-``h6``, DOCX "Heading N"; 0 for a
    document title), else None. ``bold``: the whole line is bold. ``size``: type size relative to
    the document's body text (1.0 = body). ``gap``: space before the line, in body line heights.
    """

    level: int | None = None
    bold: bool = False
    size: float = 1.0
    gap: float = 0.0

    @property
    def emphasised(self) -> bool:
        """Set apart as a heading is: a stated level, bold, or clearly larger type."""
        return self.level is not None or self.bold or self.size >= 1.15


class Line:
    """One line: ``no``, ``text``, ``page`` and ``style``; ``stripped`` and ``blank`` are derived
    once (every rule asks for them, many times per line). A plain slotted class rather than a
    dataclass: one is built per input line, and ``__post_init__`` made that about 15% slower."""

    __slots__ = ("blank", "no", "page", "stripped", "style", "text")

    def __init__(
        self, no: int, text: str, page: int | None = None, style: LineStyle | None = None
    ) -> None:
        self.no = no
        self.text = text
        self.page = page
        self.style = style
        self.stripped = text.strip()
        self.blank = not self.stripped

    def with_text(self, text: str) -> Line:
        """The same line (number, page, style) with other text: a cleaning stage's output."""
        return Line(self.no, text, self.page, self.style)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (self.no, self.text, self.page) == (other.no, other.text, other.page)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value, like the dataclass

    def __repr__(self) -> str:
        return f"Line(no={self.no!r}, text={self.text!r}, page={self.page!r})"


def split_lines(text: str) -> list[Line]:
    """Cut normalised text into ``Line``s. A form feed starts a new page (pdftotext puts it at
    the start of a page's first line). Text on both sides of a mid-line form feed becomes two
    ``Line``s with the same number, one on each page."""
    paged = "\f" in text
    page = 1 if paged else None
    out: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if not paged or "\f" not in raw:
            out.append(Line(no, raw, page))
            continue
        assert page is not None
        before, *after = raw.split("\f")
        if before.strip():
            out.append(Line(no, before, page))
        page += len(after)
        out.append(Line(no, after[-1], page))
    if out and out[-1].text == "" and text.endswith("\n"):
        out.pop()  # the newline that ends the file does not open another line
    return out


# "sundheds-" + "væsenet" -> "sundhedsvæsenet"; "Sundheds- og" stays (suspended hyphen);
# "F-ACT-" + "modellen", "2030-" + "fremskrivning": the hyphen belongs to the word.
_HYPHEN_END = re.compile(r"\p{L}{2,}-$")
_CAPITALS_HYPHEN_END = re.compile(r"\p{Lu}{2,}-$")
_CONJUNCTION_START = re.compile(r"^(?:og|eller|samt|til)\b")


def join_wrapped(left: str, right: str) -> str:
    """Join a wrapped line at a line-end hyphen: a hyphenated word is rejoined ("sundheds-" +
    "væsenet"); a hyphen that belongs to the word stays ("2030-" + "fremskrivning", "p-" +
    "huse"); a suspended hyphen keeps its space ("Sundheds- og"); otherwise a space."""
    if not left.endswith("-") or not left[-2:-1].isalnum() or _CONJUNCTION_START.match(right):
        return f"{left} {right}"
    if right[:1].islower() and _HYPHEN_END.search(left) and not _CAPITALS_HYPHEN_END.search(left):
        return left[:-1] + right
    return left + right
