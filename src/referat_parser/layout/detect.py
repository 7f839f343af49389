"""The layout pass: decide from the whole document which lines open its agenda items.

One-line rules only propose (``candidates.py``: "Punkt 5: …", "3. …", "38Godkendelse …", a
number alone); this pass weighs each candidate by the evidence around it and picks, for the
whole document, one heading form and the chain of headings whose numbers rise in sequence.

Evidence for one candidate (its score):

* a case number right after the heading (000: "22/43402", Aarhus: "EMN-2025-003383") or a
  labelled one right before it (003: "Sagnr.: 1-31-72-446-22"): +3;
* a block heading among the next three content lines ("Resumé", "Beslutning: Godkendt"): +2;
* its title listed in the table of contents: +2;
* printed as a heading (``Line.style``: a stated level, bold or larger type): +1.5;
* title-like (short, capitalised, no sentence inside) +0.5, a blank line before it +0.5;
* a sentence ("1. Afbud. Der var afbud fra …", RN eDoc), a lower-case start ("1. at …"), a
  person ("2. Lars Weiss (A)", a numbered participant list), a lead-in ending in ":" or ",":
  negative.

A title that recurs later with the same number is a preview, not an item (a table of contents
without page numbers: Holbæk's "PUNKTER" list, RSD's "Dagsorden" list); the occurrence that
opens a body is the item. The same heading printed twice in a row (Slagelse) is one heading.
The chain: numbers rise by one in line order (a gap of up to three numbers costs 1.5 per
missing number), all of one form; the highest total wins (linear dynamic programming). Where
no chain has real evidence, a run of title-like numbered lines that rise one by one is an
agenda overview (Aalborg's item list). What was chosen is recorded as ``layout-detected``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line, join_wrapped
from ..models import TocEntry
from ..vocab import ACCESS_LINES, BLOCK_HEADINGS, DOCUMENT_KINDS, TOC_HEADINGS, initials
from .blocks import absence_record, block_heading, inline_heading, split_glued_heading
from .candidates import (
    BULLETS,
    DOTTED_HEADING,
    WORD_HEADING,
    Candidate,
    case_number,
    find_candidates,
    is_case_label,
    next_content,
    split_trailing_case,
)

# "Title.....3", "Title<TAB>3", "Pkt. 1    Godkendelse af dagsorden      2" (pdftotext -layout)
TOC_ENTRY = re.compile(r"^(\S.{0,300}?)(?:\s*\.{3,}\s*|\s*\t+\s*|\s{3,})(\d{1,4})$")
# "Godkendelse af dagsorden......" with the page numbers printed apart (Aarhus, pdftotext).
TOC_LEADER = re.compile(r"^(\S.{0,300}?)\s*\.{4,}\s*$")
# An entry whose title runs so long that only two spaces are left before its page number
# ("Sag 17/2024 - Revision af retningslinjer for tilskud  3"): an entry only among entries, its
# page in step with theirs.
_TOC_SHORT_GAP = re.compile(r"^(\S.{0,300}?\S)  (\d{1,4})$")
_PAGE = re.compile(r"^\d{1,4}$")
_TOC_INITIALS = initials(TOC_HEADINGS)
# A sentence inside a title: ". " then a capital ("Afbud. Der var afbud fra …").
_INNER_SENTENCE = re.compile(r"\p{Ll}{2}[.!?]\s+\p{Lu}")
_PARTY_PAREN = re.compile(r"\((?:[A-ZÆØÅ]{1,2})\)\s*$")
_NAME_ONLY = re.compile(r"^(?:\p{Lu}\p{Ll}+\s+){0,2}\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}-]+){1,4}$")
_TABLE_ROW = re.compile(r"\t.*\d|\S\s{3,}\S.*\d")  # a further cell holding a number
GAP_COST = 0.75
REPEAT_COST = 2.0
MAX_GAP = 4
_FORMS = ("word", "dotted", "glued", "bare", "roman", "spaced")


@dataclass(frozen=True, slots=True)
class ItemHead:
    """Where one item opens: its printed number and title, and the lines its heading uses."""

    number: int | None
    title: str | None
    start: int  # first line of the item (a case label before the heading, a repeated heading)
    heading: int  # the heading line
    end: int  # last line of the heading (a wrapped title, a title under a bare number)
    case_number: str | None = None
    case_lines: tuple[int, ...] = ()  # the case label and number lines (after the heading)
    opens_block: bool = False  # an unnumbered item opened by its first block's heading


@dataclass(slots=True)
class Layout:
    form: str | None
    heads: list[ItemHead] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    toc_lines: set[int] = field(default_factory=set)  # indexes into the lines
    continued: set[int] = field(default_factory=set)  # headings repeated at a page's top


# --- the table of contents ---------------------------------------------------------------------


def _toc_heading(line: Line) -> bool:
    text = line.stripped
    return text[:1] in _TOC_INITIALS and text.rstrip(":").casefold() in TOC_HEADINGS


def read_toc(lines: Sequence[Line]) -> tuple[list[TocEntry], set[int]]:
    """The first table of contents: a TOC heading, then "Title.....<TAB>3" / "Title<TAB>3"
    entries, or "Title......" entries whose page numbers follow as a column of their own."""
    for i, line in enumerate(lines):
        if _toc_heading(line):
            return _toc_after(lines, i)
    return [], set()


def _toc_after(lines: Sequence[Line], i: int) -> tuple[list[TocEntry], set[int]]:
    entries: list[TocEntry] = []
    used = {i}
    pending: list[tuple[int, str]] = []  # leader lines waiting for their page numbers
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        m = TOC_ENTRY.match(line.stripped) or _short_gap_entry(line, entries)
        if m is not None and not pending:
            entries.append(
                TocEntry(title=toc_title(m.group(1)), page=int(m.group(2)), line=line.no)
            )
        elif (lead := TOC_LEADER.match(line.stripped)) is not None:
            pending.append((j, toc_title(lead.group(1))))
        elif pending and not _PAGE.match(line.stripped) and _leader_follows(lines, j + 1):
            pending.append((j, toc_title(line.stripped)))  # a title cut short, no leader
        elif not pending and _toc_group(line) and _entry_follows(lines, j + 1):
            pass  # a group heading inside the TOC ("Åbne sager" / "Lukkede sager")
        else:
            break
        used.add(j)
        j += 1
    if pending:
        pages = _page_column(lines, j, len(pending))
        numbers: list[int | None] = [n for _, n in pages] if pages else [None] * len(pending)
        for (k, title), page in zip(pending, numbers):
            entries.append(TocEntry(title=title, page=page, line=lines[k].no))
        used.update(k for k, _ in pending)
        used.update(k for k, _ in pages or [])
    return entries, used


def _short_gap_entry(line: Line, entries: Sequence[TocEntry]) -> re.Match[str] | None:
    """A two-space entry after at least two entries, its page no earlier than theirs and at
    most a few pages on."""
    if len(entries) < 2 or entries[-1].page is None:
        return None
    m = _TOC_SHORT_GAP.match(line.stripped)
    if m is None or not entries[-1].page <= int(m.group(2)) <= entries[-1].page + 3:
        return None
    return m


def _toc_group(line: Line) -> bool:
    text = line.stripped
    return len(text) <= 40 and text[:1].isupper() and not any(ch.isdigit() for ch in text)


def _entry_follows(lines: Sequence[Line], j: int) -> bool:
    k = next_content(lines, j, limit=3)
    return k is not None and TOC_ENTRY.match(lines[k].stripped) is not None


def _leader_follows(lines: Sequence[Line], j: int) -> bool:
    k = next_content(lines, j, limit=3)
    return k is not None and TOC_LEADER.match(lines[k].stripped) is not None


def _page_column(lines: Sequence[Line], j: int, count: int) -> list[tuple[int, int]] | None:
    """``count`` lines that are page numbers alone, from ``j`` on (blank lines between allowed)."""
    found: list[tuple[int, int]] = []
    while j < len(lines) and len(found) < count:
        if lines[j].blank:
            j += 1
            continue
        if not _PAGE.match(lines[j].stripped):
            return None
        found.append((j, int(lines[j].stripped)))
        j += 1
    return found if len(found) == count else None


def toc_title(text: str) -> str:
    """The entry's title as the item prints it: without leaders, without its number
    ("Sag nr. 3    Tillægsbevillinger" -> "Tillægsbevillinger", "1. Velkomst" -> "Velkomst")."""
    title = text.strip().rstrip(".").strip()
    numbered = WORD_HEADING.match(title) or DOTTED_HEADING.match(title)
    if numbered is not None and numbered.group(2).strip():
        return numbered.group(2).strip()
    return title


def title_key(text: str) -> str:
    """A title as compared across the document: case, spacing, trailing marks and a glued block
    word ("Meddelelse fra formandenReferat") do not count."""
    text = split_glued_heading(text)[0]
    return " ".join(text.casefold().replace("…", "").split()).rstrip(" .:")


# --- scoring one candidate ---------------------------------------------------------------------


@dataclass(slots=True)
class _Scored:
    cand: Candidate
    score: float
    preview: bool = False  # its title recurs later: a TOC entry, not the item
    twin: int | None = None  # index (into lines) of the same heading printed just before
    doubled: bool = False  # the first of a heading printed twice
    continued: bool = False  # the heading printed again at the top of the item's next page


def _title_quality(title: str) -> float:
    """Short, capitalised, no sentence inside: +0.5; otherwise what speaks against a heading."""
    words = title.split()
    if not words:
        return -1.0
    score = 0.5
    first = title[0]
    if first.islower():
        score -= 3.0 if words[0].casefold() == "at" else 2.0
    elif not (first.isalnum() or first in "§\"'«»“”"):
        score -= 2.0  # "-2. Økonomiudvalget …", "- 2. Anbefales."
    if len(title) > 200 or len(words) > 30:
        score -= 3.0
    if len(words) > 6 and _INNER_SENTENCE.search(title):  # the cheap test first
        score -= 2.5
    if title.endswith((":", ",", ";")) or (title.endswith(".") and len(words) > 8):
        score -= 1.5
    if _PARTY_PAREN.search(title) or (
        len(words) <= 5 and not title.isupper() and _NAME_ONLY.match(title)
    ):
        score -= 2.0  # "Lars Weiss (A)", "Overborgmester Frank Jensen (A)"; not "VALG AF DIRIGENT"
    return score


def _evidence(lines: Sequence[Line], cand: Candidate, toc_keys: set[str]) -> float:
    score = _title_quality(cand.title)
    if lines[cand.index].stripped[:1] in BULLETS:
        # a list entry ("• 1. Styrket samarbejde …" in a report's goals) unless its body says
        # otherwise (a block heading follows: a portal that bullets its items)
        score -= 2.0
    after = next_content(lines, cand.end + 1, limit=6)
    if (
        after is not None and (case_number(lines[after]) or is_case_label(lines[after]))
    ) or _labelled_case_before(lines, cand.index) is not None:
        score += 3.0
    if _heading_follows(lines, cand.end + 1):
        score += 2.0
    if cand.form == "dotted" and _in_attachment_list(lines, cand.index):
        score -= 4.0  # "Bilag" over "1. Notat …" / "2. Præsentation …": attachments, no items
    if cand.form == "spaced" and _TABLE_ROW.search(cand.title):
        score -= 4.0  # "1<TAB>Rehabilitering<TAB>520.000": a numbered table row, no item
    if title_key(cand.title) in toc_keys:
        score += 2.0
    style = lines[cand.index].style
    if style is not None and style.emphasised:
        score += 2.0 if style.level is not None else 1.5
    if (
        cand.index == 0
        or lines[cand.index - 1].blank
        or lines[cand.index - 1].page != lines[cand.index].page
    ):
        score += 0.5
    return score


def _in_attachment_list(lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` is one of the numbered lines right under a "Bilag" heading: above it stand
    numbered lines up to that heading, one blank line at most between the heading and the
    list. A numbered line after a blank line below the list is the next item."""
    k = i - 1
    while k >= 0 and i - k <= 40 and DOTTED_HEADING.match(lines[k].stripped):
        k -= 1
    if k >= 1 and lines[k].blank:
        k -= 1  # "Bilag", a blank line, then the list
    if k < 0 or lines[k].blank:
        return False
    probe = block_heading(lines[k])
    return probe is not None and probe[0] == "bilag"


def _labelled_case_before(lines: Sequence[Line], i: int) -> int | None:
    """Index of a labelled case number just above line ``i`` ("Sagnr.: …" then "1. Title")."""
    k = i - 1
    while k >= 0 and i - k <= 4 and lines[k].blank:
        k -= 1
    if k < 0 or i - k > 4:
        return None
    return k if is_case_label(lines[k]) and case_number(lines[k]) else None


def _heading_follows(lines: Sequence[Line], i: int) -> bool:
    """A block heading among the next three content lines (a case number line is skipped)."""
    seen = 0
    j = i
    while j < len(lines) and seen < 3 and j - i < 12:
        line = lines[j]
        j += 1
        if line.blank:
            continue
        seen += 1
        if block_heading(line) is not None or inline_heading(line) is not None:
            return True
        if case_number(line) is None and not is_case_label(line) and seen >= 2:
            return False
    return False


# --- choosing the chain -------------------------------------------------------------------------


def _mark_repeats(lines: Sequence[Line], scored: list[_Scored]) -> None:
    """A (number, title) that recurs later in the same form: the earlier one is a preview
    (TOC) or, when only blank lines stand between the two, the same heading printed twice (a
    twin). A list of headings with a preview in it is a preview list as a whole (the excerpt
    of a page may end before the later entries recur)."""
    last: dict[tuple[str, int, str], int] = {}
    for k in range(len(scored) - 1, -1, -1):
        s = scored[k]
        key = (_family(s.cand.form), s.cand.number, title_key(s.cand.title))
        later = last.get(key)
        last[key] = k
        if later is None:
            continue
        nxt = scored[later]
        between = lines[s.cand.end + 1 : nxt.cand.index]
        if all(ln.blank for ln in between):
            nxt.twin = s.cand.index
            s.preview = s.doubled = True
            nxt.score = max(nxt.score, s.score)
        elif _page_top(lines, nxt.cand.index) and _has_body(lines, s.cand):
            # a region's PDF prints the item's heading again atop each page it runs onto
            # ("4.     Forebyggelsespuljen 2024 …" under "Side 5 af 9"): the item goes on
            nxt.continued = True
        else:
            s.preview = True
    runs = _runs(lines, scored)
    listed = {id(s) for run in runs if len(run) >= 3 for s in run}
    first_of: dict[tuple[int, str], _Scored] = {}
    for s in scored:
        heading = (s.cand.number, title_key(s.cand.title))
        first = first_of.setdefault(heading, s)
        if first.cand.form == s.cand.form:
            continue
        if id(first) in listed:
            # a list of the titles, then the items in another form (a board's "Dagsorden:" as
            # "1.<TAB>Godkendelse …", the items as "Ad 1. Godkendelse …"): the list previews
            first.preview = True
        else:  # "Dagsordenspunkt 1: Godkendelse af dagsorden" inside item 1 (kk.dk eDoc)
            s.score -= 2.0  # the same heading restated in another form further down
    for run in runs:
        if any(s.preview and s.twin is None for s in run) and not any(
            s.twin is not None for s in run
        ):
            for s in run:
                s.preview = True


def _page_top(lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` is the first content of its page (furniture above it removed)."""
    k = i - 1
    while k >= 0 and lines[k].blank:
        k -= 1
    return lines[i].page is not None and (k < 0 or lines[k].page != lines[i].page)


def _has_body(lines: Sequence[Line], cand: Candidate) -> bool:
    """A heading that opens an item: a case number or a block heading follows it."""
    after = next_content(lines, cand.end + 1, limit=6)
    return _heading_follows(lines, cand.end + 1) or (
        after is not None and (case_number(lines[after]) is not None or is_case_label(lines[after]))
    )


def _family(form: str) -> str:
    return form


def _runs(lines: Sequence[Line], scored: Sequence[_Scored]) -> list[list[_Scored]]:
    """Lists of candidates: the same form, numbers rising by one, at most two short lines
    between one and the next (Aalborg's "Bilag til punkt 3")."""
    runs: list[list[_Scored]] = []
    run: list[_Scored] = []
    for s in scored:
        if run and s.cand.form == run[-1].cand.form and s.cand.number == run[-1].cand.number + 1:
            gap = [ln for ln in lines[run[-1].cand.end + 1 : s.cand.index] if not ln.blank]
            if len(gap) <= 2 and all(len(ln.stripped) <= 60 for ln in gap):
                run.append(s)
                continue
        if len(run) >= 2:
            runs.append(run)
        run = [s]
    if len(run) >= 2:
        runs.append(run)
    return runs


def _best_chain(scored: Sequence[_Scored], form: str) -> tuple[float, list[_Scored]]:
    """The highest-scoring chain of one form: numbers rising by one (small gaps cost)."""
    totals: list[float] = []
    back: list[int | None] = []
    best_at: dict[int, tuple[float, int]] = {}  # number -> best total so far, and its position
    pool = [s for s in scored if s.cand.form == form and not s.preview and not s.continued]
    for k, s in enumerate(pool):
        prev_total, link = 0.0, None
        for gap in range(MAX_GAP + 1):
            entry = best_at.get(s.cand.number - gap)
            if entry is not None:
                # a repeated number (a misprint) costs more than a gap of one
                value = entry[0] - (REPEAT_COST if gap == 0 else GAP_COST * (gap - 1))
                if value > prev_total:
                    prev_total, link = value, entry[1]
        total = s.score + prev_total
        totals.append(total)
        back.append(link)
        if total > best_at.get(s.cand.number, (float("-inf"), -1))[0]:
            best_at[s.cand.number] = (total, k)
    if not pool:
        return 0.0, []
    end = max(range(len(pool)), key=lambda k: totals[k])
    chain: list[_Scored] = []
    at: int | None = end
    while at is not None:
        chain.append(pool[at])
        at = back[at]
    return totals[end], chain[::-1]


def _overview_run(scored: Sequence[_Scored], lines: Sequence[Line]) -> list[_Scored]:
    """Aalborg's overview page: title-like numbered lines rising one by one, close together
    (at most two short lines between), with no body: the list is the agenda."""
    runs = [
        run
        for run in _runs(lines, scored)
        if len(run) >= 3 and all(not s.preview and s.score >= 0.5 for s in run)
    ]
    return max(runs, key=len, default=[])


def detect_layout(lines: Sequence[Line], diags: Diagnostics) -> Layout:
    """Item headings (and the TOC) of the whole document; see the module docstring."""
    toc, toc_lines = read_toc(lines)
    toc_keys = {title_key(e.title) for e in toc}
    cands = [c for c in find_candidates(lines) if c.index not in toc_lines]
    scored = [_Scored(c, _evidence(lines, c, toc_keys)) for c in cands]
    _mark_repeats(lines, scored)
    best_total, best_form = 0.0, None
    chain: list[_Scored] = []
    for form in _FORMS:
        total, found = _best_chain(scored, form)
        if total > best_total or (
            total == best_total and found and chain and found[0].cand.index < chain[0].cand.index
        ):
            best_total, best_form, chain = total, form, found
    if best_total < 2.0:
        run = _overview_run(scored, lines)
        if run:
            chain, best_form = run, run[0].cand.form
        elif best_total < 1.0:
            chain, best_form = [], None
    layout = Layout(best_form, toc=toc, toc_lines=set(toc_lines))
    layout.continued = {
        k for s in scored if s.continued for k in range(s.cand.index, s.cand.end + 1)
    }
    first = chain[0].cand.index if chain else -1
    previews = [s for s in scored if s.preview and not s.doubled and s.cand.index < first]
    _add_preview_toc(layout, lines, previews, chain)
    layout.heads = _heads(lines, chain, {title_key(e.title) for e in layout.toc})
    if not layout.heads:
        layout.heads = unnumbered_heads(lines, layout.toc_lines)
        best_form = "unnumbered" if layout.heads else None
        layout.form = best_form
    if layout.heads:
        diags.add(
            "layout-detected",
            form=best_form,
            count=len(layout.heads),
            first=layout.heads[0].number if layout.heads[0].number is not None else "-",
            last=layout.heads[-1].number if layout.heads[-1].number is not None else "-",
        )
    return layout


def _add_preview_toc(
    layout: Layout,
    lines: Sequence[Line],
    previews: Sequence[_Scored],
    chain: Sequence[_Scored],
) -> None:
    """Preview headings before the first item are the document's TOC (without page numbers)."""
    if layout.toc or not previews:
        return
    chosen = {s.cand.index for s in chain}
    for s in previews:
        if s.cand.index in chosen:
            continue
        layout.toc.append(
            TocEntry(
                title=split_glued_heading(s.cand.title)[0], page=None, line=lines[s.cand.index].no
            )
        )
        layout.toc_lines.update(range(s.cand.index, s.cand.end + 1))


def _heads(lines: Sequence[Line], chain: Sequence[_Scored], toc_keys: set[str]) -> list[ItemHead]:
    heads: list[ItemHead] = []
    claimed: set[int] = set()
    for s in chain:
        cand = s.cand
        end, title = _wrapped_as_listed(lines, cand.end, cand.title, toc_keys)
        if end == cand.end:
            end, title = _wrapped_hanging(lines, end, title)
        start = s.twin if s.twin is not None else cand.index
        if _underlined(lines, end):
            end += 1  # "3. FORELÆGGELSE AF REGNSKAB" over "-------": the rule is the heading's
        title, case = split_trailing_case(title)
        case_lines: tuple[int, ...] = ()
        if case is None:
            case, case_lines, end, title = _case_after(lines, end, title)
        if case is None:
            before = _labelled_case_before(lines, start)
            if before is not None and before not in claimed:
                case = case_number(lines[before])
                start = before
        claimed.update(case_lines)
        heads.append(ItemHead(cand.number, title, start, cand.index, end, case, case_lines))
    return heads


_RULE_CHARS = frozenset("-=_~")


def _underlined(lines: Sequence[Line], end: int) -> bool:
    """The line under the heading is a typed underline: a run of hyphens, equals signs or
    underscores at least three long (plain-text minutes underline their headings so)."""
    if end + 1 >= len(lines):
        return False
    rule = lines[end + 1].stripped
    return len(rule) >= 3 and set(rule) <= _RULE_CHARS


def _case_after(
    lines: Sequence[Line], end: int, title: str
) -> tuple[str | None, tuple[int, ...], int, str]:
    """The case number under a heading (after a wrapped title line, after a bare "Sagsnr:"
    label); returns it, its lines, the heading's new last line and the joined title."""
    j = next_content(lines, end + 1, limit=4)
    if j is None:
        return None, (), end, title
    if lines[j].stripped.casefold().rstrip(".") in ACCESS_LINES:  # "Åbent punkt" then "Sagsnr."
        number, more, after, title = _case_after(lines, j, title)
        return number, (j, *more), max(after, j), title
    number = case_number(lines[j])
    if number is not None:
        return number, (j,), end, title
    if is_case_label(lines[j]):  # "Sagsnr:" with the number below (RSD 2007)
        k = next_content(lines, j + 1, limit=4)
        if k is not None and (number := case_number(lines[k])) is not None:
            return number, (j, k), end, title
        return None, (), end, title
    # a title that wraps onto a second line, the case number under it (Aarhus)
    if j == end + 1 and _continues_title(lines[j]):
        k = next_content(lines, j + 1, limit=2)
        if k == j + 1 and (number := case_number(lines[k])) is not None:
            return number, (k,), j, _join_title(title, lines[j].stripped)
    return None, (), end, title


def _wrapped_as_listed(
    lines: Sequence[Line], end: int, title: str, toc_keys: set[str]
) -> tuple[int, str]:
    """A title that wraps onto the next line where the TOC or the agenda list prints it whole:
    "Ad dagsordenens punkt 5: Ansøgninger …, 1. runde 2024 – indstilling fra sekre-" then
    "tariatet" (pdftotext of a board's minutes) -> one title, its heading two lines."""
    if not toc_keys or title_key(title) in toc_keys or end + 1 >= len(lines):
        return end, title
    below = lines[end + 1]  # "2023" alone is words enough where the list confirms it
    if below.blank or len(below.stripped) > 160 or block_heading(below) is not None:
        return end, title
    joined = join_wrapped(title, below.stripped)
    return (end + 1, joined) if title_key(joined) in toc_keys else (end, title)


def _wrapped_hanging(lines: Sequence[Line], end: int, title: str) -> tuple[int, str]:
    """A title that wraps onto the next line indented to where the title starts (a hanging
    indent: a Word list or ``pdftotext -layout``): "Ad. 4 – Inddragelse af brugere i" over
    "        Vestby – status" -> one title, its heading two lines."""
    if end + 1 >= len(lines) or not title:
        return end, title
    column = lines[end].text.find(title[:12])
    below = lines[end + 1]
    indent = len(below.text) - len(below.text.lstrip(" "))
    if column <= 0 or abs(indent - column) > 1 or not _continues_title(below):
        return end, title
    return end + 1, _join_title(title, below.stripped)


def _continues_title(line: Line) -> bool:
    """The second line of a wrapped title: words, no heading, no sentence end."""
    text = line.stripped
    return (
        text[:1].isalnum()
        and sum(ch.isalpha() for ch in text) >= 3
        and len(text) <= 160
        and block_heading(line) is None
        and absence_record([line], 0) is None  # "Afbud: Jens Holm" under the title
        and not text.endswith((".", ":"))
        and text.casefold().rstrip(":") not in BLOCK_HEADINGS
    )


def _join_title(first: str, second: str) -> str:
    if first.endswith("-") and first[-2:-1].isalnum() and second[:1].islower():
        return first + second  # "… om ny 2030-" + "fremskrivning": the hyphen is printed
    return f"{first} {second}"


# --- items without a printed number ------------------------------------------------------------

_CORE_KINDS = frozenset({"resume", "sagsfremstilling", "indstilling", "beslutning"})


def unnumbered_heads(lines: Sequence[Line], skip: set[int]) -> list[ItemHead]:
    """Items that print no number, found from what repeats (the evidence of the whole page):

    * a case label that opens each item, with block headings under it (Aabenraa: "Sagsid.:
      20/33839, Sagsinitialer: AGVA" then "Sagsfremstilling", … "Beslutning …");
    * the same first block heading again after a decision (Kolding: "Resumé" … "Beslutning
      Ældrerådet den …" then "Resumé" again; Ishøj: "Sagsfremstilling" … "Beslutning" …).

    Such items get ``number: null`` and ``title: null``; one decision cycle alone (a single
    item page) is not enough evidence, so no item is made of it."""
    labels = [
        k for k, ln in enumerate(lines) if k not in skip and is_case_label(ln) and case_number(ln)
    ]
    if len(labels) >= 2 and all(_heading_follows(lines, k + 1) for k in labels):
        return [ItemHead(None, None, k, k, k, case_number(lines[k]), (k,)) for k in labels]
    kinds = []
    for k, line in enumerate(lines):
        if k in skip or line.blank or len(line.stripped) > 160:
            continue
        if line.stripped.casefold().strip(" .:") in DOCUMENT_KINDS:
            continue  # "Referat" on a line of its own names the document, here
        probe = block_heading(line)
        if probe is not None and probe[0] in _CORE_KINDS:
            kinds.append((k, probe[0]))
    if not kinds:
        return []
    opener = kinds[0][1]
    starts = [kinds[0][0]]
    decided = False
    for k, kind in kinds[1:]:
        if kind == "beslutning":
            decided = True
        elif kind == opener and decided:
            starts.append(k)
            decided = False
    if len(starts) < 2:
        return []
    return [ItemHead(None, None, k, k, k - 1, opens_block=True) for k in starts]
