"""Stage ``extract``: turn the outline into the pydantic ``Document``, built once, at the end.

Each agenda item: blocks -> tables (per block) -> block text without the table lines ->
recommendations, decision, attachments, absences, amounts. Documents without items become
sections (004: the TOC titles found again in the text). Every non-blank line the document
had ends up in exactly one place: header, TOC, an item's structure or blocks, a section, or
``unplaced``; ``placed_lines`` lets the property tests check that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostics
from ..extract import amounts, attachments, decisions, people, recommendations, tables
from ..extract.metadata import Metadata
from ..layout.blocks import BlockDraft, ItemBlocks, render, span, split_blocks
from ..layout.outline import ItemDraft, Outline
from ..lines import Line
from ..models import Block, Decision, Item, Recommendation, Section, Table, TocEntry, UnplacedLine


@dataclass(slots=True)
class Built:
    items: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    unplaced: list[UnplacedLine] = field(default_factory=list)
    item_blocks: list[ItemBlocks] = field(default_factory=list)
    absence_lines: list[Line] = field(default_factory=list)  # "Fraværende …" lines of all items


def build_body(outline: Outline, meta: Metadata, diags: Diagnostics) -> Built:
    built = Built()
    for draft in outline.items:
        item, blocks, absence = build_item(draft, diags)
        built.items.append(item)
        built.item_blocks.append(ItemBlocks(item.number, item.title, blocks))
        built.absence_lines.extend(absence)
    if outline.items:
        built.unplaced.extend(_unplaced(outline.rest))
    else:
        diags.add("no-agenda-items")
        built.sections, leftover = build_sections(outline.rest, outline.toc, diags)
        built.unplaced.extend(_unplaced(leftover))
    built.unplaced.extend(_unplaced(ln for ln in outline.header if ln.no not in meta.used))
    built.unplaced.sort(key=lambda u: u.line)
    return built


def _unplaced(lines: Iterable[Line]) -> list[UnplacedLine]:
    return [
        UnplacedLine(line=ln.no, text=ln.stripped, page=ln.page) for ln in lines if not ln.blank
    ]


# --- items -------------------------------------------------------------------------------


def build_item(draft: ItemDraft, diags: Diagnostics) -> tuple[Item, list[BlockDraft], list[Line]]:
    drafts, absent_lines = split_blocks(draft.body)
    blocks: list[Block] = []
    item_tables: list[Table] = []
    prose: list[Line] = []
    for bd in drafts:
        scan = tables.extract_tables(bd.lines, diags)
        kept = [ln for ln in bd.lines if ln.no not in scan.consumed]
        item_tables.extend(scan.tables)
        prose.extend(kept)
        blocks.append(_block(bd, kept))
    tables.check_promised_tables(prose, bool(item_tables), diags)
    # the case number after the title (003: before it) is part of the item even with no body
    last = [ln for ln in [draft.heading, *draft.structural, *draft.body] if not ln.blank][-1]
    decision, analysis = _decision(drafts)
    item = Item(
        number=draft.number,
        title=draft.title,
        case_number=draft.case_number,
        line_start=draft.structural[0].no,
        line_end=last.no,
        page=draft.heading.page,
        blocks=blocks,
        recommendations=_linked(_recommendations(drafts, diags), decision, analysis),
        decision=decision,
        attachments=attachments.collect((bd.kind == "bilag", bd.lines) for bd in drafts),
        absent=people.absent_names(absent_lines),
        tables=item_tables,
        amounts=amounts.find_amounts(prose),
        allocations=amounts.find_allocations(prose, diags),
    )
    if not any(b.text for b in blocks) and not item_tables:
        diags.add("empty-item", at=draft.heading, number=draft.number)
    return item, drafts, absent_lines


def _block(bd: BlockDraft, kept: Sequence[Line]) -> Block:
    start, end = span(bd.lines, bd.heading or bd.lines[0])
    if bd.heading is not None:
        start = bd.heading.no
        end = max(end, start)
    first = bd.heading or bd.lines[0]
    return Block(
        kind=bd.kind,
        heading=bd.heading.stripped if bd.heading else None,
        text=render(kept),
        line_start=start,
        line_end=end,
        page=first.page,
    )


def _recommendations(drafts: Sequence[BlockDraft], diags: Diagnostics) -> list[str]:
    found: list[str] = []
    for bd in drafts:
        if bd.kind != "beslutning":
            found.extend(recommendations.extract_recommendations(bd.lines, diags))
    return found


def _linked(
    texts: list[str], decision: Decision | None, analysis: decisions.DecisionAnalysis | None
) -> list[Recommendation]:
    links = decisions.link_recommendations(texts, analysis if decision else None)
    return [
        Recommendation(text=text, outcome=outcome, evidence=evidence)
        for text, (outcome, evidence) in zip(texts, links)
    ]


def _decision(
    drafts: Sequence[BlockDraft],
) -> tuple[Decision | None, decisions.DecisionAnalysis | None]:
    """The item's decision: its last Beslutning block (the final authority when several decide)."""
    decided = [bd for bd in drafts if bd.kind == "beslutning"]
    if not decided:
        return None, None
    bd = decided[-1]
    assert bd.heading is not None
    end = span(bd.lines, bd.heading)[1]
    analysis = decisions.analyse_decision(bd.lines)
    decision = Decision(
        text=render(bd.lines),
        body=bd.decision_body,
        date=bd.decision_date,
        line_start=bd.heading.no,
        line_end=max(end, bd.heading.no),
        page=bd.heading.page,
        outcome=analysis.outcome,
        outcome_text=analysis.outcome_text,
        outcome_line=analysis.outcome_line,
        resolutions=analysis.resolutions,
        votes=analysis.votes,
    )
    return decision, analysis


# --- sections (documents without agenda items) -------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(":.")


def build_sections(
    lines: Sequence[Line], toc: Sequence[TocEntry], diags: Diagnostics
) -> tuple[list[Section], list[Line]]:
    """Sections headed by the TOC titles found again in the text (004); else one untitled one."""
    starts: list[tuple[int, str]] = []
    wanted = [(_key(e.title), e.title) for e in toc]
    w = 0
    for i, line in enumerate(lines):
        if w == len(wanted):
            break
        if line.blank:
            continue
        # the key's first letter is the line's, case-folded: a cheap test before the key
        if (
            line.stripped[:1].casefold()[:1] == wanted[w][0][:1]
            and _key(line.stripped) == wanted[w][0]
        ):
            starts.append((i, line.stripped))
            w += 1
    if not starts:
        body = [ln for ln in lines if not ln.blank]
        return ([_section(None, lines, body[0], diags)] if body else []), []
    leftover = list(lines[: starts[0][0]])
    sections: list[Section] = []
    for n, (i, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body_lines = list(lines[i + 1 : end])
        if n + 1 == len(starts):
            body_lines, tail = split_trailing_fragments(body_lines, diags)
            leftover.extend(tail)
        sections.append(_section(title, body_lines, lines[i], diags))
    return sections, leftover


def _section(title: str | None, lines: Sequence[Line], head: Line, diags: Diagnostics) -> Section:
    scan = tables.extract_tables(lines, diags)
    kept = [ln for ln in lines if ln.no not in scan.consumed]
    tables.check_promised_tables(kept, bool(scan.tables), diags)
    start, end = span(lines, head)
    return Section(
        title=title,
        text=render(kept),
        line_start=head.no if title else start,
        line_end=max(end, head.no),
        page=head.page,
        tables=scan.tables,
        amounts=amounts.find_amounts(kept),
        allocations=amounts.find_allocations(kept, diags),
    )


def _is_fragment(line: Line) -> bool:
    text = line.stripped
    return len(text.split()) <= 7 and len(text) <= 40 and not text.endswith((".", "!", "?", ":"))


def split_trailing_fragments(
    lines: list[Line], diags: Diagnostics
) -> tuple[list[Line], list[Line]]:
    """Logo and signature fragments closing a report (004: "REGION NORDJYLLAND", "- i gode
    hænder", "Rebild", "KOMMUNE") are not section text: >= 4 short lines in >= 2 groups."""
    i = len(lines)
    groups = 0
    in_group = False
    while i > 0 and (lines[i - 1].blank or _is_fragment(lines[i - 1])):
        i -= 1
        if lines[i].blank:
            in_group = False
        elif not in_group:
            groups += 1
            in_group = True
    tail = lines[i:]
    count = sum(1 for ln in tail if not ln.blank)
    if count < 4 or groups < 2 or i == 0:
        return lines, []
    first = next(ln for ln in tail if not ln.blank)
    diags.add("trailing-fragments", at=first, count=count)
    return lines[:i], tail
