"""The diagnostics catalogue: every code the parser can emit, with one message template each.

Rules never raise for content problems; they call ``Diagnostics.add(code, line=…, **fields)``.
The README lists these codes (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line
from .models import Diagnostic, Severity

# code -> (severity, message template). Templates are filled with ``str.format(**fields)``.
CATALOGUE: dict[str, tuple[Severity, str]] = {
    # input and layout
    "empty-document": ("warning", "the document contains no text"),
    "encoding-fallback": ("info", "input is not UTF-8; decoded as {encoding}"),
    "encoding-uncertain": (
        "warning",
        "decoded as {encoding}, but {other} reads almost as well: check æ, ø and å",
    ),
    "decode-replaced": ("warning", "{count} bytes could not be decoded and were replaced"),
    "utf8-stray-bytes": (
        "warning",
        "{count} bytes on this line are not UTF-8 (the rest of the file is) and were replaced",
    ),
    "page-furniture-removed": (
        "info",
        "removed {count} running header/footer lines (lines {lines})",
    ),
    "web-furniture-removed": ("info", "removed {count} web page furniture lines (lines {lines})"),
    "table-continued": ("info", "the table continues from page {previous}; joined"),
    "no-agenda-items": ("info", "no agenda items (Punkt) found; the text is kept as sections"),
    "layout-detected": (
        "info",
        "agenda items read as {form!r} headings: {count} items, numbered {first} to {last}",
    ),
    "trailing-fragments": (
        "info",
        "{count} short trailing lines (logos, signatures) left unplaced",
    ),
    # metadata
    "date-unparsed": ("warning", "could not read a complete date from {text!r}"),
    "no-title": ("warning", "no document title found"),
    # toc and items
    "toc-title-mismatch": ("warning", "TOC entry {toc!r} does not match item {number} {title!r}"),
    "toc-count-mismatch": ("warning", "the TOC lists {toc} entries but {items} items were found"),
    "item-number-gap": ("warning", "item {number} follows item {previous}"),
    "item-number-repeat": ("warning", "item number {number} appears more than once"),
    "empty-item": ("info", "item {number} has no text"),
    # blocks, recommendations, decisions
    "recommendation-empty": ("warning", "'Det indstilles' is not followed by any recommendation"),
    "decision-date-mismatch": ("warning", "decision dated {decision} but the meeting is {meeting}"),
    "decision-ambiguous": (
        "warning",
        "{count} decision blocks and no date or body tells this meeting's; the {which} is taken",
    ),
    # tables and amounts
    "missing-table": ("warning", "the text refers to a table that is not there: {text!r}"),
    "total-mismatch": (
        "warning",
        "column {column!r}: printed total {printed} but the rows sum to {computed}",
    ),
    "table-ragged-row": ("warning", "table row has {cells} cells, the header has {columns}"),
    "table-unaligned": (
        "info",
        "a table flattened to one cell a line has rows of different widths; totals not checked",
    ),
    "table-cell-unplaced": ("info", "wrapped table text could not be placed in a cell: {text!r}"),
    "amount-unparsed": ("warning", "could not read the amount {text!r}"),
    "allocation-not-100": ("warning", "allocation shares sum to {total}%, not 100%"),
    "allocation-breakdown-mismatch": (
        "warning",
        "a share of {parent}% is broken down into parts that sum to {total}%",
    ),
    # people
    "participant-unsplit": ("warning", "could not split the participant line {text!r}"),
    "absent-unknown": ("warning", "{name!r} is named absent but is not in the participant list"),
    "absent-acting": (
        "warning",
        "{name!r} is marked absent but acts in the decision of item {number}: {text!r}",
    ),
    # pdf
    "pdf-page-failed": ("error", "page {page} could not be read: {reason}"),
    "pdf-no-text-page": ("info", "page {page} has no text layer"),
    # html and docx
    "html-furniture-removed": ("info", "removed {count} page furniture elements ({kinds})"),
    "html-truncated": (
        "warning",
        "the page ends before </html> (truncated?); read as far as it goes",
    ),
    "html-language": ("info", "the page's language is {lang!r}; the rules read Danish"),
    "docx-tracked-changes": (
        "info",
        (
            "tracked changes read as accepted: {insertions} insertions kept, "
            "{deletions} deletions dropped"
        ),
    ),
    "docx-comments": ("info", "{count} comments left out (comments are not content)"),
    "ocr-used": ("info", "page {page} was read by OCR (mean word confidence {confidence}%)"),
}


@dataclass(slots=True)
class Diagnostics:
    """The collector passed through the pipeline."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, at: Line | None = None, **fields: object) -> None:
        severity, template = CATALOGUE[code]
        self.items.append(
            Diagnostic(
                code=code,
                severity=severity,
                message=template.format(**fields),
                line=at.no if at is not None else None,
                page=at.page if at is not None else None,
            )
        )

    def add_page(self, code: str, page: int, **fields: object) -> None:
        """A diagnostic about a whole page (PDF): no line, the page number set."""
        severity, template = CATALOGUE[code]
        message = template.format(page=page, **fields)
        self.items.append(Diagnostic(code=code, severity=severity, message=message, page=page))

    def sorted(self) -> list[Diagnostic]:
        """Stable order for byte-identical output: by line, then code."""
        return sorted(self.items, key=lambda d: (d.line or 0, d.code, d.message))


def line_runs(numbers: list[int]) -> str:
    """ "3, 4, 6-9": sorted line numbers, runs joined. Removed furniture is accounted for by
    its line numbers, never by repeating its text in the output."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
