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
from ..layout.blocks import (
    AbsenceRecord,
    BlockDraft,
    ItemBlocks,
    render,
    span,
    split_blocks,
)
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
    split = [split_blocks(draft.body, outline.recurring) for draft in outline.items]
    decided = any(bd.kind == "beslutning" for drafts, _ in split for bd in drafts)
    # minutes written as prose under each item (a board's Word referat: "Ad 1. Godkendelse af
    # referat" then "Referatet blev godkendt."): no item has a block heading, so each item's
    # text is what the meeting recorded of it (a "Bilag:" heading under the text is no block
    # of the case's own)
    prose_minutes = meta.kind == "referat" and not any(
        bd.heading is not None and bd.kind != "bilag" for drafts, _ in split for bd in drafts
    )
    for draft, (drafts, records) in zip(outline.items, split):
        if decided or prose_minutes:
            _bare_decision(draft, drafts, any_length=prose_minutes)
        item, blocks = build_item(draft, drafts, records, diags, meta)
        built.items.append(item)
        built.item_blocks.append(ItemBlocks(item.number, item.title, blocks, tuple(records)))
        built.absence_lines.extend(ln for r in records for ln in r.lines)
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


def build_item(
    draft: ItemDraft,
    drafts: list[BlockDraft],
    records: Sequence[AbsenceRecord],
    diags: Diagnostics,
    meta: Metadata | None = None,
) -> tuple[Item, list[BlockDraft]]:
    """One item from its outline draft and its blocks (``split_blocks``)."""
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
    decision, analysis = _decision(draft, drafts, meta, diags)
    item = Item(
        number=draft.number,
        title=draft.title,
        case_number=draft.case_number,
        line_start=(draft.structural or [draft.heading])[0].no,
        line_end=last.no,
        page=draft.heading.page,
        blocks=blocks,
        recommendations=_linked(
            recommendations.item_recommendations(
                ((bd.kind, bd.lines) for bd in drafts if not bd.history), diags
            ),
            decision,
            analysis,
        ),
        decision=decision,
        attachments=attachments.collect((bd.kind == "bilag", bd.lines) for bd in drafts),
        absent=people.absent_names(records, diags),
        tables=item_tables,
        amounts=amounts.find_amounts(prose),
        allocations=amounts.find_allocations(prose, diags),
    )
    if not any(b.text for b in blocks) and not item_tables:
        diags.add("empty-item", at=draft.heading, number=printed_number(draft.number))
    return item, drafts


_CLOSED = ("lukket", "fortrolig")


def _bare_decision(draft: ItemDraft, drafts: list[BlockDraft], *, any_length: bool) -> None:
    """A closed item in minutes ("2. Lukket: Orientering" then "Orienteringen blev taget til
    efterretning."; Aarhus' last item) prints its decision with no heading: in a document whose
    items record decisions, the unheaded text of a closed item, or of an item with no heading
    at all, is its decision (a short one, unless ``any_length``: minutes in prose)."""
    if not drafts or drafts[0].heading is not None or drafts[0].kind != "andet":
        return
    closed = (draft.title or "").casefold().startswith(_CLOSED)
    # (a "Bilag:" list under the account is no heading of the case's own)
    headless = all(bd.heading is None or bd.kind == "bilag" for bd in drafts)
    if closed or (headless and (any_length or len(render(drafts[0].lines)) <= 600)):
        drafts[0].kind = "beslutning"
        drafts[0].narrative = any_length


def block_span(bd: BlockDraft) -> tuple[int, int, Line]:
    """First and last line of a block and its first line: its heading, its text and its
    structure (a part title above, title lines under a decision heading, the absence records
    set apart from its text)."""
    anchor = bd.heading or (bd.lines[0] if bd.lines else bd.structure[0])
    start, end = span(bd.lines, anchor)
    marks = [ln.no for ln in bd.structure]
    if bd.heading is not None:
        marks.append(bd.heading.no)
    if marks:
        start, end = min(start, *marks), max(end, *marks)
    return start, end, min([anchor, *bd.structure], key=lambda ln: ln.no)


def printed_number(number: int | None) -> str:
    """An item's number for a message: as printed, or "(unnumbered)"."""
    return str(number) if number is not None else "(unnumbered)"


def _block(bd: BlockDraft, kept: Sequence[Line]) -> Block:
    start, end, first = block_span(bd)
    return Block(
        kind=bd.kind,
        heading=bd.heading_text if bd.heading is not None else None,
        text=render(kept),
        line_start=start,
        line_end=end,
        page=first.page,
    )


def _linked(
    texts: list[str], decision: Decision | None, analysis: decisions.DecisionAnalysis | None
) -> list[Recommendation]:
    links = decisions.link_recommendations(texts, analysis if decision else None)
    return [
        Recommendation(text=text, outcome=outcome, evidence=evidence)
        for text, (outcome, evidence) in zip(texts, links)
    ]


def choose_decision(
    drafts: Sequence[BlockDraft], meta: Metadata | None, diags: Diagnostics | None = None
) -> BlockDraft | None:
    """This meeting's decision among an item's Beslutning blocks: never one in the case
    history; one dated on the meeting's date, else one by the body that met, else the one with
    text — the first in a decision-first item (Greve, Aarhus: "Beslutninger" before the case),
    else the last (a later authority's decision after the committee's own)."""
    decided = [bd for bd in drafts if bd.kind == "beslutning" and not bd.history]
    if not decided:
        return None
    with_text = [bd for bd in decided if bd.content] or decided
    if meta is not None and meta.date is not None:
        dated = [bd for bd in with_text if bd.decision_date == meta.date]
        if dated:
            return dated[0]
    if meta is not None and meta.body:
        own = [
            bd for bd in with_text if bd.decision_body and _same_body(bd.decision_body, meta.body)
        ]
        if own:
            return own[-1]
    chosen = with_text[0] if drafts[0] is decided[0] else with_text[-1]
    if diags is not None and len([bd for bd in with_text if bd.content]) > 1:
        where = "first" if chosen is with_text[0] else "last"
        at = chosen.heading or chosen.lines[0]
        diags.add("decision-ambiguous", at=at, count=len(with_text), which=where)
    return chosen


def _same_body(a: str, b: str) -> bool:
    x, y = a.casefold().strip(), b.casefold().strip()
    return x == y or x.startswith(y) or y.startswith(x)


def _decision(
    draft: ItemDraft, drafts: Sequence[BlockDraft], meta: Metadata | None, diags: Diagnostics
) -> tuple[Decision | None, decisions.DecisionAnalysis | None]:
    """The item's decision (``choose_decision``), analysed in the item's context (its title
    and number)."""
    bd = choose_decision(drafts, meta, diags)
    if bd is None:
        return None, None
    start, end, first = block_span(bd)
    analysis = decisions.analyse_decision(
        bd.lines, title=draft.title, number=draft.number, narrative=bd.narrative
    )
    decision = Decision(
        text=render(bd.lines),
        body=bd.decision_body,
        date=bd.decision_date,
        line_start=start,
        line_end=end,
        page=first.page,
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
