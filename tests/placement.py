""" "Nothing silently dropped", checked line by line (used by the property tests and the fuzzer).

Every non-blank line of the normalised input must be accounted for by exactly the stage that
consumed it:

* removed by a rule that says so: web noise (``noise.is_noise``, or a line of markup only
  such as "<br>" or "**"), page furniture (a ``page-furniture-removed`` diagnostic), or a
  table's header row repeated after a page break (a ``table-continued`` diagnostic on it);
* the header: a line read as metadata (title, date, place, a list label: ``Metadata.used``),
  a TOC line, or a list line read as a participant (its ``line``);
* inside an item: the item's heading and case-number lines, a line inside one of its blocks or
  tables, or an absence line whose names are in the item's ``absent``; an absence line inside
  a block whose names are in neither ``absent`` nor the block's text counts only when a
  ``participant-unsplit`` diagnostic reports it;
* inside a section's span (004-style reports);
* listed in the document's ``unplaced``.

A line that none of these claims is reported, so a test fails naming it.
"""

from __future__ import annotations

import regex as re

from referat_parser.diagnostics import Diagnostics
from referat_parser.extract import metadata
from referat_parser.layout import outline
from referat_parser.layout.blocks import absent_names_text
from referat_parser.layout.candidates import DOTTED_HEADING, WORD_HEADING, is_case_label
from referat_parser.lines import split_lines
from referat_parser.models import Document
from referat_parser.pipeline import parse_text, text_lines
from referat_parser.read.decode import normalise
from referat_parser.read.noise import is_noise


def unplaced_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank input lines that no stage accounts for (should always be empty)."""
    doc = parse_text(text)
    return find_unplaced(text, doc)


def find_unplaced(text: str, doc: Document) -> list[tuple[int, str]]:
    raw = [ln for ln in split_lines(normalise(text)) if not ln.blank]
    diags = Diagnostics()
    kept = text_lines(text, diags)
    kept_ids = {(ln.no, ln.page) for ln in kept if not ln.blank}  # markup-only lines: noise
    markup_only = {(ln.no, ln.page) for ln in kept if ln.blank}
    furniture = any(d.code == "page-furniture-removed" for d in diags.items)
    repeated_headers = {(d.line, d.page) for d in diags.items if d.code == "table-continued"}
    shape = outline.segment(kept)
    # names the rules could not split are reported on their line, not dropped
    reported = {d.line for d in doc.diagnostics if d.code == "participant-unsplit"}
    meta = metadata.read_metadata(shape.header, Diagnostics())
    claimed: set[int] = set(meta.used) | {ln.no for ln in shape.toc_lines}
    claimed |= {u.line for u in doc.unplaced}
    claimed |= {p.line for p in doc.participants}  # a list line read as a person
    for section in doc.sections:
        claimed.update(range(section.line_start, section.line_end + 1))
    for item in doc.items:
        claimed |= _item_lines(item, kept, reported)
    missing = []
    for line in raw:
        if (line.no, line.page) not in kept_ids:
            if (
                is_noise(line.text)
                or furniture
                or (line.no, line.page) in markup_only
                or (line.no, line.page) in repeated_headers
            ):
                continue  # removed by a rule that reports it
            missing.append((line.no, line.stripped))
        elif line.no not in claimed:
            missing.append((line.no, line.stripped))
    return missing


def _item_lines(item, kept, reported) -> set[int]:  # type: ignore[no-untyped-def]
    claimed = {item.line_start}
    first_block = min((b.line_start for b in item.blocks), default=item.line_end + 1)
    for block in item.blocks:
        claimed.update(range(block.line_start, block.line_end + 1))
    for table in item.tables:
        claimed.update(range(table.line_start, table.line_end + 1))
    for line in kept:
        if not item.line_start <= line.no <= item.line_end or line.blank:
            continue
        text = line.stripped
        title = item.title or ""
        number = "" if item.number is None else str(item.number)
        if line.no < first_block and (
            (item.case_number and (item.case_number in text or is_case_label(line)))
            or (title and (title in text or text in title))
            or (number and text.rstrip(".") == number)  # the heading's restated number
            or (title and _printed_title(text) in title)  # the heading printed twice
        ):
            claimed.add(line.no)  # the heading, a wrapped title, its case number (003: before)
            # and a bare "Sagnr.:" label with the number on the line below (RSD 2007)
        elif item.absent and any(name in text for name in item.absent):
            claimed.add(line.no)  # "Fraværende Stephanie Lose, V (orlov)" -> item.absent
        if line.no not in reported and _names_lost(line, item):
            claimed.discard(line.no)  # inside a block's span, but its names are nowhere
    return claimed


def _printed_title(text: str) -> str:
    """A heading line's title without its number form ("Punkt 3: Styrket …" -> "Styrket …")."""
    m = WORD_HEADING.match(text) or DOTTED_HEADING.match(text)
    return m.group(2).strip() if m is not None and m.group(2).strip() else "\x00"


def _names_lost(line, item) -> bool:  # type: ignore[no-untyped-def]
    """An absence line ("Afbud: Anders") none of whose names reached ``absent`` or a block's
    text: its names were dropped even though the line lies inside a block's span."""
    names = absent_names_text(line)
    if names is None:
        return False
    kept = " ".join([*item.absent, *(b.text for b in item.blocks)])
    bare = re.sub(r"\([^()]*\)", "", names)  # "(orlov)", "(afbud)"
    parts = [p.strip() for chunk in bare.split(",") for p in chunk.split(" og ")]
    people = [p for p in parts if len(p) > 3]  # party letters ("V", "SF") are not names
    return bool(people) and any(p not in kept for p in people)
