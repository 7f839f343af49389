"""Stage ``segment``: split the cleaned lines into header, table of contents and agenda items.

The layout pass (``detect.py``) decides from the whole document where items open; this stage
follows it: everything before the first item (or the TOC) is the header, each item runs to
the next one, and a document without items keeps its text as ``rest`` (reports, sections).
Lines an item's heading uses (a case label before it, a repeated heading, a wrapped title, the
case number after it) are the item's ``structural`` lines, never its text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import regex as re

from ..dates import find_date
from ..diagnostics import Diagnostics
from ..lines import Line
from ..models import TocEntry
from ..vocab import CLOSING_LEADS, CLOSING_LINES, DOCUMENT_KINDS
from .blocks import (
    block_heading,
    inline_heading,
    opens_recommendation,
    recurring_headings,
    split_glued_heading,
)
from .candidates import case_number, is_case_label, next_content
from .detect import TOC_ENTRY, ItemHead, detect_layout, read_toc, toc_title

__all__ = ["ItemDraft", "Outline", "case_number", "read_toc", "segment", "toc_entry"]


@dataclass(slots=True)
class ItemDraft:
    number: int | None
    title: str | None
    heading: Line
    case_number: str | None = None
    structural: list[Line] = field(default_factory=list)  # heading and case-number lines
    body: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    header: list[Line]
    toc: list[TocEntry]
    toc_lines: list[Line]
    items: list[ItemDraft]
    rest: list[Line]  # after the TOC/header when there are no items (reports); else unplaced
    form: str | None = None  # the item heading form the layout pass chose
    recurring: frozenset[str] = frozenset()  # the document's own block headings


def toc_entry(line: Line) -> TocEntry | None:
    """One "Title.....<TAB>3" line as a TOC entry (kept for callers of the old probe)."""
    m = TOC_ENTRY.match(line.stripped)
    if m is None:
        return None
    return TocEntry(title=toc_title(m.group(1)), page=int(m.group(2)), line=line.no)


def segment(lines: Sequence[Line], diags: Diagnostics | None = None) -> Outline:
    """Split lines into header, TOC and items (or ``rest`` when there are none)."""
    layout = detect_layout(lines, diags if diags is not None else Diagnostics())
    toc_lines = [lines[k] for k in sorted(layout.toc_lines) if not lines[k].blank]
    first_toc = min(layout.toc_lines, default=len(lines))
    if not layout.heads:
        header_end = min(first_toc, len(lines))
        header = list(lines[:header_end])
        rest = [
            ln
            for k, ln in enumerate(lines[header_end:], start=header_end)
            if k not in layout.toc_lines
        ]
        if not layout.toc_lines:
            header, rest = _split_report_header(header + rest)
        return Outline(header, layout.toc, toc_lines, [], rest, None)
    first_item = layout.heads[0].start
    header = [ln for k, ln in enumerate(lines[: min(first_item, first_toc)])]
    rest = [
        ln
        for k, ln in enumerate(lines[:first_item], start=0)
        if k >= min(first_item, first_toc) and k not in layout.toc_lines
    ]
    items = [
        _draft(
            lines,
            head,
            layout.heads[n + 1].start if n + 1 < len(layout.heads) else len(lines),
            layout.continued,
        )
        for n, head in enumerate(layout.heads)
    ]
    _clean_titles(items, layout.toc)
    rest.extend(_take_closing(items[-1]))
    recurring = recurring_headings([draft.body for draft in items])
    return Outline(header, layout.toc, toc_lines, items, rest, layout.form, recurring)


_CLOSING = re.compile(r"^(?i:" + "|".join(CLOSING_LINES) + ")")
_CLOSING_LEAD = re.compile(r"^(?i:" + "|".join(CLOSING_LEADS) + ")")


def _take_closing(last: ItemDraft) -> list[Line]:
    """The lines that close the minutes, taken from the end of the last item's body: from the
    first closing line ("Mødet sluttede kl. 21.15", "Underskrifter:") with the "Næste møde: …"
    lines just above it, to the end. They stay unplaced (the meeting's, no item's). A closing
    line that is the item's only text is kept: the item may record nothing else."""
    body = last.body
    start = next((k for k, ln in enumerate(body) if _CLOSING.match(ln.stripped)), None)
    if start is None or not any(not ln.blank and not _is_heading_line(ln) for ln in body[:start]):
        return []
    k = start
    while k > 0 and (body[k - 1].blank or _CLOSING_LEAD.match(body[k - 1].stripped)):
        k -= 1
    while k < start and body[k].blank:
        k += 1
    if not any(not ln.blank and not _is_heading_line(ln) for ln in body[:k]):
        k = start
    last.body, closing = body[:k], body[k:]
    return closing


def _is_heading_line(line: Line) -> bool:
    return block_heading(line) is not None


def _draft(
    lines: Sequence[Line], head: ItemHead, stop: int, continued: Collection[int] = ()
) -> ItemDraft:
    title, glued = split_glued_heading(head.title or "")
    draft = ItemDraft(head.number, title or None, lines[head.heading], head.case_number)
    if head.opens_block:  # its first block's heading opens it: body from that line on
        draft.body = list(lines[head.heading : stop])
        return draft
    structural = set(range(head.start, head.end + 1)) | set(head.case_lines)
    structural |= {k for k in continued if head.end < k < stop}  # its heading atop a later page
    draft.structural = [lines[k] for k in sorted(structural) if not lines[k].blank]
    body_start = max([head.end, *head.case_lines]) + 1
    body = [lines[k] for k in range(body_start, stop) if k not in structural]
    if glued is not None:  # "Meddelelse fra formandenReferat": the block "Referat" opens here
        heading = lines[head.heading]
        body.insert(0, Line(heading.no, glued, heading.page, heading.style))
    draft.body = body
    return draft


# "(B)", "(O)": a case-type code after every title (Prepare: Beslutningssag, Orienteringssag)
_TYPE_CODE = re.compile(r"\s*\((\p{Lu})\)$")
_EMPTY_PARENS = re.compile(r"\s*\(\s*\)$")  # an empty case-number slot (kk.dk eDoc)


def _clean_titles(items: Sequence[ItemDraft], toc: Sequence[TocEntry]) -> None:
    """Title markers that are not title text: an empty "( )"; a one-letter case-type code that
    most titles of the document end with; and a title the TOC prints more faithfully (the same
    letters, a hyphen the extraction lost at a line break: "2030-fremskrivning")."""
    titled = [d for d in items if d.title]
    coded = [d for d in titled if _TYPE_CODE.search(d.title or "")]
    strip_codes = len(titled) >= 2 and len(coded) * 10 >= len(titled) * 6
    printed = {_letters(e.title): e.title for e in toc}
    for draft in titled:
        title = _EMPTY_PARENS.sub("", draft.title or "")
        if strip_codes:
            title = _TYPE_CODE.sub("", title)
        better = printed.get(_letters(title))
        if (
            better is not None
            and better != title
            and better.replace("-", "") == title.replace("-", "")
        ):
            title = better
        draft.title = title.strip() or None


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _split_report_header(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Without TOC or items: the header is the first paragraph and the short paragraphs after
    it (Kolding: "Dagsorden" / "Torsdag 10. nov 2016 kl. 10:30" / "Ældrerådet" / "Nicolaiplads
    6 - Festsalen" / "Referat"), up to the first block heading, case label, recommendation or
    sentence of prose; the rest is body."""
    first = next_content(lines, 0, limit=len(lines))
    if first is None:
        return lines, []
    end = first + 1  # the first line is the header's, whatever it is
    while end < len(lines) and not lines[end].blank:
        if not _header_like(lines[end]):  # no blank line after the header: it ends here
            return lines[:end], lines[end:]
        end += 1
    k = end
    while k < len(lines):
        j = next_content(lines, k, limit=len(lines))
        if j is None:
            break
        stop = j
        while stop < len(lines) and not lines[stop].blank:
            if not _header_like(lines[stop]):
                return lines[:stop], lines[stop:]  # the header ends inside this paragraph
            stop += 1
        if stop - j > 8:
            break
        end = k = stop
    return lines[:end], lines[end:]


def _header_like(line: Line) -> bool:
    """A short line that is no block heading, case label, recommendation or prose sentence (a
    kind word alone, "Referat", is the header's even where it names a block elsewhere)."""
    text = line.stripped
    if len(text) > 160:
        return False  # (before any split: a 10 MB line is no header line)
    if text.casefold().strip(" .:") in DOCUMENT_KINDS:
        return True
    return (
        block_heading(line) is None
        and inline_heading(line) is None
        and not is_case_label(line)
        and not opens_recommendation(line)
        and not (text.endswith((".", "!", "?")) and find_date(text)[0] is None)
        and len(text.split()) <= 20
    )
