"""The ``Line``: one input line with its provenance, built once for text and PDF alike.

Every later stage points back at lines by ``no`` (1-based line of the input) and ``page``
(1-based; ``None`` for unpaged text). Stages never re-search the text for positions.
"""

from __future__ import annotations


class Line:
    """One line: ``no``, ``text``, ``page``; ``stripped`` and ``blank`` are derived once (every
    rule asks for them, many times per line). A plain slotted class rather than a dataclass: one
    is built per input line, and ``__post_init__`` made that about 15% slower."""

    __slots__ = ("blank", "no", "page", "stripped", "text")

    def __init__(self, no: int, text: str, page: int | None = None) -> None:
        self.no = no
        self.text = text
        self.page = page
        self.stripped = text.strip()
        self.blank = not self.stripped

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
