"""Meeting metadata from the header: kind, title, body, date, start time, location.

Serves:

* one title line plus labelled fields (000-002): "REFERAT Sundhedsklynge Sydvestjylland
  d. 17-05-2023", "Mødedato Onsdag d. 17. maj 2023 kl. 14:00", "Mødested Auditoriet, …";
* a header spread over lines (003): "Dagsorden / til / mødet i Aarhusklyngen / den 10. april
  2024 kl. 10:00 / i Mødelokale 3.90 - Aarhus Rådhus", read as one sentence;
* a report title (004): "Status på Klynge Syds arbejde med Sundhedsaftalen" (kind "rapport").

The title is the header sentence without its date, time and place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from ..dates import find_date, find_time, partial_date_span
from ..diagnostics import Diagnostics
from ..lines import Line
from ..vocab import DATE_LABELS, DOCUMENT_KINDS, PARTICIPANT_HEADINGS, PLACE_LABELS

_LABEL = re.compile(r"^(\p{L}+)\s*:?\s+(\S.*)$")
# "til mødet i X", "for mødet i X", "møde i X", "X" after the kind word.
_BODY = re.compile(r"^(?:(?:til|for|fra|af)\s+)?(?:(?:det\s+)?møde[t]?\s+(?:i|for)\s+)?(.+)$", re.I)
_DATE_CUE = re.compile(r"\s+(?:d\.|den|dato)\s*$", re.I)
_PLACE_AFTER_TIME = re.compile(r"^[\s,]*(?:i|på|,)\s+(\S.*)$", re.I)


@dataclass(slots=True)
class Metadata:
    kind: str | None = None
    title: str | None = None
    body: str | None = None
    date: dt.date | None = None
    start_time: str | None = None
    location: str | None = None
    used: set[int] = field(default_factory=set)  # header lines read here


def _label_of(line: Line) -> tuple[str, str] | None:
    m = _LABEL.match(line.stripped)
    if m is None:
        return None
    label = m.group(1).casefold()
    if label in DATE_LABELS or label in PLACE_LABELS or label in PARTICIPANT_HEADINGS:
        return label, m.group(2).strip()
    return None


def read_metadata(header: Sequence[Line], diags: Diagnostics) -> Metadata:
    """Metadata from the header lines (everything before the TOC or the first item)."""
    meta = Metadata()
    title_lines: list[Line] = []
    title_closed = False
    for line in header:
        if line.blank:
            title_closed = title_closed or bool(title_lines)
            continue
        labelled = _label_of(line)
        if labelled is None:
            if title_closed and _continues_title(title_lines, line):
                title_closed = False  # 003 as a PDF: "Dagsorden" / "til" / "mødet i …" apart
            if not title_closed:
                title_lines.append(line)
            continue
        label, value = labelled
        meta.used.add(line.no)
        if label in DATE_LABELS:
            _read_when(value, line, meta, diags)
        elif label in PLACE_LABELS and meta.location is None:
            meta.location = value
    meta.used.update(ln.no for ln in title_lines)
    if title_lines:
        _read_title(" ".join(ln.stripped for ln in title_lines), title_lines[0], meta, diags)
    else:
        diags.add("no-title")
    return meta


_CONNECTORS = ("til", "for", "i", "af", "om", "med", "den", "d.")


def _continues_title(title_lines: Sequence[Line], line: Line) -> bool:
    """A header paragraph that cannot stand alone continues the title across a blank line:
    the title so far is only a kind word or ends in a connector, or the next part starts
    lower-case ("til", "mødet i Aarhusklyngen", "den 10. april 2024 kl. 10:00")."""
    if not title_lines or len(line.stripped) > 120:
        return False
    last = title_lines[-1].stripped
    words = last.casefold().split()
    lone_kind = len(title_lines) == 1 and len(words) == 1 and words[0] in DOCUMENT_KINDS
    return lone_kind or words[-1] in _CONNECTORS or line.stripped[:1].islower()


def _read_when(value: str, line: Line, meta: Metadata, diags: Diagnostics) -> None:
    when, where = find_date(value)
    if when is not None:
        meta.date = when
    elif where is not None or partial_date_span(value) is not None:
        diags.add("date-unparsed", at=line, text=value)
    start, _ = find_time(value)
    if start is not None:
        meta.start_time = start


def _read_title(sentence: str, at: Line, meta: Metadata, diags: Diagnostics) -> None:
    first = sentence.partition(" ")[0]
    kind = DOCUMENT_KINDS.get(first.casefold().rstrip(":"))
    meta.kind = kind
    when, date_span = find_date(sentence)
    date_span = date_span or partial_date_span(sentence)
    start, time_span = find_time(sentence)
    if meta.date is None:
        if when is not None:
            meta.date = when
        elif date_span is not None:
            diags.add("date-unparsed", at=at, text=sentence)
    if meta.start_time is None:
        meta.start_time = start
    cut = min(s[0] for s in (date_span, time_span, (len(sentence), 0)) if s is not None)
    title = _DATE_CUE.sub("", sentence[:cut]).strip().rstrip(",")
    meta.title = title or None
    if time_span is not None and meta.location is None:
        place = _PLACE_AFTER_TIME.match(sentence[time_span[1] :])
        if place is not None:
            meta.location = place.group(1).strip()
    if kind is not None and title:
        body = _BODY.match(title.partition(" ")[2])
        meta.body = body.group(1).strip() if body and body.group(1).strip() else None
