"""The JSON contract: pydantic v2 models of a parsed document.

Field names are a public interface (see README, "The JSON contract"). Add fields rather than
rename them, and bump ``SCHEMA_VERSION`` for any change a consumer could notice. The pipeline
works on light dataclasses and builds these models once, at the end (``check/assemble.py``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.4"  # 1.1: recommendations are objects; 1.2: items[].number, title nullable;
# 1.3: source.format html/docx, source.url; 1.4: absence_reason "sygdom", closing lines unplaced


def _decimal_to_json(value: Decimal) -> int | float:
    """Integral amounts print as JSON integers, others as the shortest exact decimal."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# Exact in Python, a plain JSON number on the wire (jq and DuckDB read it as is).
Money = Annotated[
    Decimal, PlainSerializer(_decimal_to_json, return_type=Union[int, float], when_used="json")  # noqa: UP007 - a runtime type object
]

Severity = Literal["info", "warning", "error"]
DocumentKind = Literal["referat", "dagsorden", "rapport"]
BlockKind = Literal["resume", "sagsfremstilling", "indstilling", "beslutning", "bilag", "andet"]
Attendance = Literal["present", "absent", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Diagnostic(_Model):
    """Something the parser doubted or could not read; ``code`` is stable (see diagnostics.py)."""

    code: str
    severity: Severity
    message: str
    line: int | None = None
    page: int | None = None


class Source(_Model):
    path: str | None = Field(None, description="Path as given, or null for stdin/text.")
    format: Literal["text", "pdf", "html", "docx"]
    sha256: str = Field(description="SHA-256 of the input bytes.")
    encoding: str | None = Field(None, description="Text encoding used to decode the input.")
    pages: int | None = Field(None, description="Page count (PDF, or form-feed paged text).")
    url: str | None = Field(None, description="The http(s) URL fetched, as given; else null.")


class TocEntry(_Model):
    title: str
    page: int | None
    line: int


class Block(_Model):
    kind: BlockKind
    heading: str | None = Field(description="Heading as printed; null when the block had none.")
    text: str
    line_start: int
    line_end: int
    page: int | None = None


class Amount(_Model):
    text: str = Field(description="The amount as printed, e.g. '257,5 mio. kr.'.")
    value: Money
    currency: str = "DKK"
    line: int
    page: int | None = None


class Share(_Model):
    """One percentage of an allocation key ('Rebild: 10%')."""

    label: str
    percent: Money


class Allocation(_Model):
    """An allocation key written in prose; ``sums_to_100`` is the check a reader can trust."""

    text: str
    shares: list[Share]
    total_percent: Money
    sums_to_100: bool
    line: int
    page: int | None = None


class TableRow(_Model):
    cells: list[str] = Field(description="Cell text as printed, cleaned of HTML.")
    label: str = Field(description="First cell, the row's label.")
    values: list[Money | None] = Field(description="Parsed amount per value column, or null.")
    line: int
    page: int | None = None


class Table(_Model):
    columns: list[str]
    rows: list[TableRow] = Field(description="Body rows; the total row is in ``total``.")
    total: TableRow | None = None
    computed_totals: list[Money | None] = Field(default_factory=list)
    totals_ok: bool | None = None
    is_money: bool = False
    line_start: int
    line_end: int
    page: int | None = None


Outcome = Literal[
    "godkendt", "indstilling_fulgt", "taget_til_efterretning", "drøftet", "udsat", "afvist",
    "oversendt", "ingen_bemærkninger", "andet",
]  # fmt: skip


class Resolution(_Model):
    """One of several decisions recorded in one Beslutning."""

    text: str
    outcome: Outcome
    line: int


class Votes(_Model):
    """Votes counted in a decision. JSON keys: ``for``, ``against``, ``abstain``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    for_: int | None = Field(None, alias="for")
    against: int | None = None
    abstain: int | None = None
    parties_for: list[str] = Field(default_factory=list)
    parties_against: list[str] = Field(default_factory=list)
    parties_abstain: list[str] = Field(default_factory=list)


class Decision(_Model):
    text: str
    body: str | None = Field(None, description="Who decided, from 'Beslutning i <body> den …'.")
    date: dt.date | None = None
    line_start: int
    line_end: int
    page: int | None = None
    outcome: Outcome | None = Field(None, description="null for an empty decision text")
    outcome_text: str | None = Field(None, description="the sentence that decided the outcome")
    outcome_line: int | None = None
    resolutions: list[Resolution] = Field(default_factory=list)
    votes: Votes | None = None


class Recommendation(_Model):
    """One recommendation ("Det indstilles, at …") and what the decision made of it."""

    text: str
    outcome: Outcome | None = Field(
        None, description="what became of it; null when the decision text does not say"
    )
    evidence: str | None = Field(None, description="the decision sentence that links the two")


class Item(_Model):
    number: int | None = Field(description="The item number as printed; null when none is.")
    title: str | None = Field(description="The item title as printed; null when none is.")
    case_number: str | None = None
    line_start: int
    line_end: int
    page: int | None = None
    blocks: list[Block] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    decision: Decision | None = None
    attachments: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    allocations: list[Allocation] = Field(default_factory=list)


class Section(_Model):
    title: str | None
    text: str
    line_start: int
    line_end: int
    page: int | None = None
    tables: list[Table] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    allocations: list[Allocation] = Field(default_factory=list)


class Participant(_Model):
    name: str
    party: str | None = None
    organisation: str | None = None
    title: str | None = None
    group: str | None = None
    roles: list[str] = Field(default_factory=list)
    attendance: Attendance = "unknown"
    absence_reason: str | None = None
    substitute_for: str | None = None
    line: int
    page: int | None = None


class UnplacedLine(_Model):
    """A non-blank input line that no block, section or header claimed (kept, never dropped)."""

    line: int
    text: str
    page: int | None = None


class OutcomeCounts(_Model):
    """Decisions per outcome (the closed vocabulary of ``Decision.outcome``)."""

    godkendt: int = 0
    indstilling_fulgt: int = 0
    taget_til_efterretning: int = 0
    drøftet: int = 0
    udsat: int = 0
    afvist: int = 0
    oversendt: int = 0
    ingen_bemærkninger: int = 0
    andet: int = 0


class SeverityCounts(_Model):
    info: int = 0
    warning: int = 0
    error: int = 0


class Summary(_Model):
    """The one line a batch report and a human glance both need."""

    items: int = 0
    decisions: int = 0
    decisions_by_outcome: OutcomeCounts = Field(default_factory=OutcomeCounts)
    recommendations: int = 0
    recommendations_linked: int = 0
    participants: int = 0
    present: int = 0
    absent: int = 0
    attendance_unknown: int = 0
    substitutes: int = 0
    tables: int = 0
    tables_with_total: int = 0
    totals_checked: int = 0
    totals_ok: int = 0
    totals_mismatch: int = 0
    amounts: int = 0
    diagnostics: SeverityCounts = Field(default_factory=SeverityCounts)


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    kind: DocumentKind
    title: str | None = None
    body: str | None = None
    date: dt.date | None = None
    start_time: str | None = Field(None, description="'HH:MM', 24-hour clock.")
    location: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    toc: list[TocEntry] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    unplaced: list[UnplacedLine] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
