"""Cross-checks a reader can trust, and the document summary.

Serves every layout with a TOC and numbered items (000-002: "Velkomst …\\t3" vs "Punkt 1:
Velkomst …"), dated decisions (000: "Beslutning i … den 17-05-2023" vs "Mødedato Onsdag
d. 17. maj 2023"), and the people lists (001: "Daniel Simonsen præsenterede" vs "Daniel
Kjærsgaard Simonsen" in the list). Checks only report; they never change extracted values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex as re

from ..diagnostics import Diagnostics
from ..extract.people import same_person
from ..layout.blocks import ItemBlocks, decision_lines
from ..lines import Line
from ..models import (
    Diagnostic,
    Item,
    OutcomeCounts,
    Participant,
    SeverityCounts,
    Summary,
    Table,
    TocEntry,
)
from .assemble import printed_number


def _key(title: str) -> str:
    return " ".join(title.casefold().replace("…", "").split()).rstrip(" .:")


def check_toc(toc: Sequence[TocEntry], items: Sequence[Item], diags: Diagnostics) -> None:
    """TOC titles against item titles (in order), and the counts."""
    if not toc or not items:
        return
    if len(toc) != len(items):
        diags.add("toc-count-mismatch", at=_at(toc[0].line), toc=len(toc), items=len(items))
    for entry, item in zip(toc, items):
        if item.title is not None and _key(entry.title) != _key(item.title):
            diags.add(
                "toc-title-mismatch",
                at=_at(entry.line, item.page),
                toc=entry.title,
                number=printed_number(item.number),
                title=item.title,
            )


def check_numbering(items: Sequence[Item], diags: Diagnostics) -> None:
    """Gaps ("Punkt 3" after "Punkt 1") and repeats in item numbers."""
    seen: set[int] = set()
    previous: int | None = None
    for item in items:
        if item.number is None:
            continue
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


# Lines that record the absence itself: naming the absent there is not acting.
_ABSENCE_RECORD = re.compile(
    r"\b(?:afbud|fravær\w*|orlov|forfald|forhindret|syg|sygdom|udeblev|i stedet for"
    r"|ikke til stede|deltog ikke|ikke deltage\w*|ikke mødt)\b",
    re.I,
)
# A run of capitalised words followed by a lower-case word: a name as the subject of a verb
# ("Hanne Madsen præsenterede …", "Direktør Hanne Madsen orienterede …"), not a list entry
# ("Hanne Madsen, Direktør …") or a name ending a sentence.
_ACTOR = re.compile(r"(?<![\p{L}])\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,4}(?=\s\p{Ll})")


def check_absent_acting(
    item_blocks: Sequence[ItemBlocks],
    cast: Sequence[Participant],
    diags: Diagnostics,
    items: Sequence[Item] = (),
) -> None:
    """A participant marked absent (in the list, or on the item's "Fraværende …" line) who is
    named in a decision as acting ("Hanne Madsen præsenterede …" while Hanne Madsen sent
    regrets): one of the two is wrong. Names match as ``people.same_person`` says ("Daniel
    Simonsen" is "Daniel Kjærsgaard Simonsen")."""
    absent = [p.name for p in cast if p.attendance == "absent"]
    absent_in = {item.number: item.absent for item in items}
    if not absent and not any(absent_in.values()):
        return
    for number, line in decision_lines(item_blocks):
        text = line.stripped
        names = [*absent, *absent_in.get(number, [])]
        if not text or not names or not _mentions_a_surname(text, names):
            continue
        if _ABSENCE_RECORD.search(text):
            continue
        reported: set[str] = set()
        for actor in _actors(text):
            for name in names:
                if name not in reported and _is(actor, name):
                    reported.add(name)
                    diags.add(
                        "absent-acting", at=line, name=name, number=printed_number(number),
                        text=_clip(text),
                    )  # fmt: skip


def _mentions_a_surname(text: str, names: Sequence[str]) -> bool:
    """A cheap test first: ``same_person`` needs the last names to agree, so a line that holds
    none of them names nobody absent (most decision lines)."""
    folded = text.casefold()
    return any(words[-1] in folded for name in names if (words := name.casefold().split()))


def _actors(text: str) -> list[str]:
    if not any(ch.isupper() for ch in text):
        return []
    return [m.group(0) for m in _ACTOR.finditer(text)]


def _is(actor: str, name: str) -> bool:
    """The actor run ends with the name: "Direktør Hanne Madsen" is "Hanne Madsen"."""
    words = actor.split()
    return any(same_person(" ".join(words[i:]), name) for i in range(len(words) - 1))


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


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
        recommendations_linked=sum(
            r.outcome is not None for item in items for r in item.recommendations
        ),
        participants=len(participants),
        present=sum(p.attendance == "present" for p in participants),
        absent=sum(p.attendance == "absent" for p in participants),
        attendance_unknown=sum(p.attendance == "unknown" for p in participants),
        substitutes=sum(p.substitute_for is not None for p in participants),
        tables=len(tables),
        tables_with_total=sum(t.total is not None for t in tables),
        totals_checked=sum(t.totals_ok is not None for t in tables),
        totals_ok=sum(t.totals_ok is True for t in tables),
        totals_mismatch=sum(t.totals_ok is False for t in tables),
        amounts=sum(len(item.amounts) for item in items),
        diagnostics=severities,
    )


def _at(line: int, page: int | None = None) -> Line:
    return Line(line, "", page)
