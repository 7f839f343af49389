"""Cross-checks a reader can trust, and the document summary.

Serves every layout with a TOC and numbered items (000-002: "Velkomst …\\t3" vs "Punkt 1:
Velkomst …"), dated decisions (000: "Beslutning i … den 17-05-2023" vs "Mødedato Onsdag
d. 17. maj 2023"), and the people lists (001: "Daniel Simonsen præsenterede" vs "Daniel
Kjærsgaard Simonsen" in the list). Checks only report; they never change extracted values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .blocks import ItemBlocks, decision_lines
from .diagnostics import Diagnostics
from .lines import Line
from .models import (
    Diagnostic,
    Item,
    OutcomeCounts,
    Participant,
    SeverityCounts,
    Summary,
    Table,
    TocEntry,
)


def _key(title: str) -> str:
    return " ".join(title.casefold().replace("…", "").split()).rstrip(" .:")


def check_toc(toc: Sequence[TocEntry], items: Sequence[Item], diags: Diagnostics) -> None:
    """TOC titles against item titles (in order), and the counts."""
    if not toc or not items:
        return
    if len(toc) != len(items):
        diags.add("toc-count-mismatch", at=_at(toc[0].line), toc=len(toc), items=len(items))
    for entry, item in zip(toc, items):
        if _key(entry.title) != _key(item.title):
            diags.add(
                "toc-title-mismatch",
                at=_at(entry.line, item.page),
                toc=entry.title,
                number=item.number,
                title=item.title,
            )


def check_numbering(items: Sequence[Item], diags: Diagnostics) -> None:
    """Gaps ("Punkt 3" after "Punkt 1") and repeats in item numbers."""
    seen: set[int] = set()
    previous: int | None = None
    for item in items:
        at = _at(item.line_start, item.page)
        if item.number in seen:
            diags.add("item-number-repeat", at=at, number=item.number)
        elif previous is not None and item.number != previous + 1:
            diags.add("item-number-gap", at=at, number=item.number, previous=previous)
        seen.add(item.number)
        previous = item.number


def check_decision_dates(
    items: Sequence[Item], meeting: dt.date | None, diags: Diagnostics
) -> None:
    """A decision dated other than the meeting ("Beslutning i … den 17-05-2023")."""
    if meeting is None:
        return
    for item in items:
        decision = item.decision
        if decision is not None and decision.date is not None and decision.date != meeting:
            diags.add(
                "decision-date-mismatch",
                at=_at(decision.line_start, decision.page),
                decision=decision.date.isoformat(),
                meeting=meeting.isoformat(),
            )


# Sentences that record the absence itself: naming the absent there is not acting.
_ABSENCE_WORDS = ("afbud", "fravær", "orlov", "i stedet for", "ikke til stede", "deltog ikke")


def check_absent_acting(
    item_blocks: Sequence[ItemBlocks], cast: Sequence[Participant], diags: Diagnostics
) -> None:
    """A participant marked absent who is named in a decision as acting ("Hanne Madsen
    præsenterede …" while Hanne Madsen sent regrets): one of the two is wrong."""
    absent = [p for p in cast if p.attendance == "absent"]
    if not absent:
        return
    for number, line in decision_lines(item_blocks):
        folded = line.stripped.casefold()
        if not folded or any(word in folded for word in _ABSENCE_WORDS):
            continue
        for person in absent:
            if _acts(person.name, line.stripped):
                diags.add("absent-acting", at=line, name=person.name, number=number)


def _acts(name: str, text: str) -> bool:
    """The name as the subject of a verb ("Hanne Madsen præsenterede …"), not a list entry
    ("Hanne Madsen" alone under "Afbud fra:", "Hanne Madsen, Direktør …")."""
    at = text.find(name)
    while at >= 0:
        after = text[at + len(name) : at + len(name) + 2]
        if len(after) == 2 and after[0] == " " and after[1].islower():
            return True
        at = text.find(name, at + 1)
    return False


def summarise(
    items: Sequence[Item],
    sections_tables: Sequence[Table],
    participants: Sequence[Participant],
    diagnostics: Sequence[Diagnostic],
) -> Summary:
    outcomes = OutcomeCounts()
    decisions = [item.decision for item in items if item.decision is not None]
    for decision in decisions:
        outcome = getattr(decision, "outcome", None)
        if outcome is not None:
            setattr(outcomes, outcome, getattr(outcomes, outcome) + 1)
    tables = [t for item in items for t in item.tables] + list(sections_tables)
    severities = SeverityCounts()
    for d in diagnostics:
        setattr(severities, d.severity, getattr(severities, d.severity) + 1)
    return Summary(
        items=len(items),
        decisions=len(decisions),
        decisions_by_outcome=outcomes,
        recommendations=sum(len(item.recommendations) for item in items),
        participants=len(participants),
        present=sum(p.attendance == "present" for p in participants),
        absent=sum(p.attendance == "absent" for p in participants),
        attendance_unknown=sum(p.attendance == "unknown" for p in participants),
        substitutes=sum(p.substitute_for is not None for p in participants),
        tables=len(tables),
        tables_with_total=sum(t.total is not None for t in tables),
        totals_ok=sum(t.totals_ok is True for t in tables),
        totals_mismatch=sum(t.totals_ok is False for t in tables),
        amounts=sum(len(item.amounts) for item in items),
        diagnostics=severities,
    )


def _at(line: int, page: int | None = None) -> Line:
    return Line(line, "", page)
