"""The ``Line``: one input line with its provenance, built once for text and PDF alike.

Every later stage points back at lines by ``no`` (1-based line of the input) and ``page``
(1-based; ``None`` for unpaged text). Stages never re-search the text for positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, eq=True)
class Line:
    no: int
    text: str
    page: int | None = None
    # Derived once: every rule asks for them, many times per line.
    stripped: str = field(init=False, repr=False, compare=False)
    blank: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.stripped = self.text.strip()
        self.blank = not self.stripped


def split_lines(text: str) -> list[Line]:
    """Cut normalised text into ``Line``s. A form feed starts a new page (pdftotext output)."""
    paged = "\f" in text
    page = 1 if paged else None
    out: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if paged and "\f" in raw:
            assert page is not None
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        out.append(Line(no, raw, page))
    if out and out[-1].text == "" and text.endswith("\n"):
        out.pop()  # the newline that ends the file does not open another line
    return out
