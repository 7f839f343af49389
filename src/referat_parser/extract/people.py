"""People: participants, their attendance, absences and substitutes, wherever a document says it.

Serves:

* lists under a heading, in the header or in the meeting's own items (the first item, a
  participant item "Deltagere", the approval of the agenda): "Mødedeltagere:" over one name a
  line (Greve), "Medlemmer: A, B, C" (Aabenraa), "Medlemmer:" and "Afbud:" over comma lists
  (RSD 2007), "Deltagere" over bullets with "• Afbud" among them (RSD 2011), 000's inline
  list with affiliations, 001's participant item with group headings ("Direktørforum:") and
  "Ordstyrer: Eva Sejersdal Knudsen" (a role of someone listed), "Deltagerne var:" over a
  numbered list (kk.dk eDoc); a label among the names is a heading, not a person; "Ingen."
  means nobody;
* absence records of the items (``layout/blocks.py``): a person recorded absent in every item
  that records absences was away from the meeting ("Afbud: Charlotte Levin" in all of Greve's
  items; 000's "Fraværende Stephanie Lose, V (orlov)"); one recorded in some items only was
  away for those (``items[].absent``) and stays present;
* attendance in prose (``attendance.py``) in the header and the meeting's own items: "Der var
  afbud fra …", "Alle medlemmer var mødt undtagen …", "… deltog i stedet for …", "… deltog
  via video"; in other items only what concerns the item ("X deltog ikke i sagens
  behandling": the item's ``absent``). History blocks ("Sagsforløb") are other meetings'.

Where the document prints a member list, a name in prose that is not on it (not even as a
misspelling: "Bente Gertz Hansn" for "Bente Gertz Hansen") is reported (``absent-unknown``)
rather than added; without a list, the people the prose names are the participants. People
who are only mentioned are never participants.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import regex as re

from ..diagnostics import Diagnostics
from ..layout.blocks import AbsenceRecord, BlockDraft, ItemBlocks
from ..lines import Line
from ..models import Participant
from ..names import LIST_MARKER, NAME
from ..vocab import (
    ABSENCE_REASONS,
    ABSENT_LABELS,
    HEADER_LABELS,
    PARTICIPANT_COLUMN_HEADS,
    PARTICIPANT_COLUMNS,
    PARTICIPANT_HEADINGS,
    PARTY_LETTERS,
    PRESENT_CELLS,
    PRESENT_ONLY_HEADINGS,
    ROLES,
)
from .attendance import Fact, is_substitute_label, read_attendance, statement_lines
from .metadata import Listed
from .persons import (
    NOBODY,
    Entry,
    dash_to_comma,
    is_first_name,
    is_organisation,
    names_after_title,
    parse_person_line,
    split_inline_list,
)

_ROLES = frozenset(ROLES)
_HEADINGS = frozenset(PARTICIPANT_HEADINGS)
_LIST_WORD = "|".join(sorted(PARTICIPANT_HEADINGS, key=len, reverse=True))
_ABSENT_WORD = "|".join(sorted(ABSENT_LABELS, key=len, reverse=True))
# "Mødedeltagere:", "Deltagere", "Medlemmer: A, B", "Mødedeltagere Stephanie Lose, V, …" (000)
# A TAB after the label is its colon: a Word header table's row "Deltagere<TAB>Name, role".
_LIST_LABEL = re.compile(rf"^(?i:{_LIST_WORD})(?![\p{{L}}])[ ]*([:\t]?)\s*(.*)$")
# "Afbud:", "Afbud fra:", "Fraværende med afbud:", "Fravær uden afbud:", "• Afbud"
_ABSENT_HEAD = re.compile(
    rf"^((?i:{_ABSENT_WORD})(?:\s+(?i:med|uden)\s+(?i:afbud))?(?:\s+(?i:fra))?)(?![\p{{L}}])"
    r"[ ]*([:\t]?)\s*(.*)$"
)
# The letters a list label can start with, in every case the patterns' IGNORECASE matches
# ("İ" folds to "i"): a cheap test before the patterns.
_FIRST_LETTERS = frozenset(word[0] for word in (*PARTICIPANT_HEADINGS, *ABSENT_LABELS))
_LIST_INITIALS = frozenset(
    ch for ch in map(chr, range(0x250)) if ch.casefold()[:1] in _FIRST_LETTERS
)
_PARENS = re.compile(r"\s*\([^()]*\)")  # "(A)", "(Somalisk Kulturforening)"
_ROLE_LABEL = re.compile(r"^(\p{L}+)[ ]*[:\t]\s*(\S.{1,80})$")
# The group a list label or group heading names: "Deltagere fra Region Sjælland:", "Fra
# sekretariatet:", "Deltagere fra PLO-Sjælland" (a region's committee lists its members by the
# party they come from).
_FROM_GROUP = re.compile(r"^(?i:fra)\s+(\S[^,:;.]{1,60}?)\s*:?$")
# A group and its members on one line, inside a list: "Fra Sønderlyng Lokalråd: Per Nøhr
# (formand), Gitte Aalund (kasserer), Jonas Fenger og Bodil Storm."
_FROM_GROUP_LIST = re.compile(r"^(?i:fra)\s+(\S[^:;\t]{1,60}?)[ ]*[:\t]\s*(\S.*)$")
# A list value that goes on on the next line: it ends in a comma or in "og" ("…, Lis Holt (O)
# og" / "Anders Mørk (Ø).").
_UNFINISHED = re.compile(r"(?:,|\s(?:og|samt))$")
# A header field label ("Mødested Rådhuset", "Dato: …"): the end of a list above it.
_HEADER_LABEL = re.compile(
    r"^(?i:" + "|".join(sorted(HEADER_LABELS, key=len, reverse=True)) + r")(?![\p{L}])\s*:?\s"
)
# Items whose text records the meeting's attendance (besides the first item and those titled
# like a participant list): the approval of the agenda.
_MEETING_ITEM_TITLES = ("godkendelse af dagsorden", "dagsorden", "deltagere", "mødedeltagere",
                        "fremmøde", "tilstedeværelse")  # fmt: skip


@dataclass(slots=True)
class People:
    """The participants, the header lines their lists used, and per item (index into the
    items) the names prose records as away for that item."""

    participants: list[Participant]
    used: set[int] = field(default_factory=set)
    item_absent: dict[int, list[str]] = field(default_factory=dict)


# --- public API ------------------------------------------------------------------------------


def absent_names(records: Sequence[AbsenceRecord], diags: Diagnostics) -> list[str]:
    """Names from item-level absence records: "Fraværende Stephanie Lose, V (orlov)" ->
    ["Stephanie Lose"]; "Fravær med afbud:" over bullets -> each bullet's name."""
    names: list[str] = []
    for record in records:
        for entry in _record_entries(record, diags):
            if entry.name not in names:
                names.append(entry.name)
    return names


def extract_participants(
    header: Sequence[Line],
    item_blocks: Sequence[ItemBlocks],
    diags: Diagnostics,
    rest: Sequence[Line] = (),
    grouped: Sequence[Listed] = (),
) -> People:
    """Everyone listed or named in an attendance statement, with attendance settled. ``rest``
    is the text of a document without items (it speaks for the meeting as a whole);
    ``grouped`` the lists a flattened header printed apart from their labels."""
    entries, regrets, used, wrapped = read_lists(
        [ln for ln in header if not ln.blank], False, diags
    )
    for group in grouped:
        target = regrets if group.kind == "absent" else entries
        target.extend(_value_entries(group.names, group.line, None, diags))
    meeting_lines: list[Line] = [ln for ln in header if ln.no not in used]
    if not item_blocks:
        meeting_lines.extend(rest)
    for index, item in enumerate(item_blocks):
        if not _is_meeting_item(index, item):
            continue
        whole = _is_heading(item.title or "")
        for block in _own_blocks(item.blocks):
            found, absent, _, _ = read_lists(block.content, whole, diags)
            entries.extend(found)
            regrets.extend(absent)
            meeting_lines.extend(block.lines)
    cast = _settle(entries, regrets)
    # a member list makes names it lacks unknown; "Afbud: X" alone, or "Til stede: …", is none
    listed = any(entry.roster for entry in entries)
    _apply_records(cast, item_blocks, listed, diags)
    facts = read_attendance(meeting_lines)
    _apply_facts(cast, facts, listed, diags)
    if item_blocks:  # the minutes' closing lines: the last item's end, or set aside after it
        last = item_blocks[-1]
        _closing_roles(cast, [*(ln for b in last.blocks for ln in b.lines), *rest])
    # the header lines a list used are placed where they name a participant (the labels are
    # the header's, read by the metadata), and so are those an attendance statement was read
    # from ("Stedfortrædere: …", a bare "Stedfortræder" over its pairs) and the wrapped ends
    # of list lines
    header_nos = {ln.no for ln in header}
    statements = statement_lines([ln for ln in header if not ln.blank], facts) & header_nos
    people = People(cast, ({p.line for p in cast} & used) | statements | wrapped)
    _item_facts(people, item_blocks, listed)
    _named_items(people, facts, item_blocks)
    return people


def as_invited(cast: list[Participant]) -> list[Participant]:
    """In an agenda nobody has attended yet: the listed are invited (attendance unknown);
    only an absence the agenda itself announces ("Afbud: …") stays."""
    return [
        p if p.attendance == "absent" and p.absence_reason else
        p.model_copy(update={"attendance": "unknown", "absence_reason": None})
        for p in cast
    ]  # fmt: skip


# --- which parts of a document speak for the meeting ------------------------------------------


def _is_heading(text: str) -> bool:
    return text.rstrip(":").strip().casefold() in _HEADINGS


def _is_meeting_item(index: int, item: ItemBlocks) -> bool:
    title = (item.title or "").casefold()
    return index == 0 or title.startswith(_MEETING_ITEM_TITLES) or _is_heading(title)


def _own_blocks(blocks: Iterable[BlockDraft]) -> list[BlockDraft]:
    """The blocks that speak of this meeting: not the attachments, not the case history."""
    return [b for b in blocks if b.kind != "bilag" and not b.history]


# --- reading lists -----------------------------------------------------------------------------


def _list_label(text: str) -> tuple[str, str | None, str] | None:
    """ "Afbud:" -> ("absent", "afbud", ""); "Medlemmer: A, B" -> ("list", None, "A, B"). A
    label without a colon must stand alone or be followed by a name (000: "Mødedeltagere
    Stephanie Lose, …"), so a sentence ("Medlemmerne var mødt …") is no label."""
    text = LIST_MARKER.sub("", text).strip()
    if text[:1] not in _LIST_INITIALS:
        return None
    m = _ABSENT_HEAD.match(text)
    if m is not None:
        label, colon, value = m.groups()
        if colon or not value or _names_first(value):
            return "absent", _label_reason(label), value
        return None
    m = _LIST_LABEL.match(text)
    if m is not None:
        colon, value = m.groups()
        if not colon and _FROM_GROUP.match(value):
            return "list", None, ""  # "Deltagere fra Region Sjælland:": a group follows
        word = " ".join(text[: m.start(1)].casefold().split())
        mode = "present" if word in PRESENT_ONLY_HEADINGS else "list"
        if not colon and (grouped := _FROM_GROUP_LIST.match(value)) is not None:
            return mode, None, grouped.group(2)  # "Til stede fra bestyrelsen: A (formand), B"
        if colon or not value or _names_first(value):
            return mode, None, value
    return None


def _names_first(value: str) -> bool:
    """The value after a label without a colon starts with a name: "Amira Haddad (Somalisk
    Kulturforening), formand"; not a sentence ("Afbud fra A (F) og B. For A mødte …")."""
    first = _PARENS.sub("", value.split(",")[0]).strip()
    return NAME.match(first) is not None


def _label_reason(label: str) -> str:
    folded = " ".join(label.casefold().split())
    if "uden afbud" in folded:
        return ABSENCE_REASONS["uden afbud"]
    if "afbud" in folded or "forfald" in folded:
        return "afbud"
    return ABSENCE_REASONS.get(folded.split()[0], "fravær")


def read_lists(
    content: Sequence[Line], whole_item: bool, diags: Diagnostics
) -> tuple[list[Entry], list[Entry], set[int], set[int]]:
    """Person lists in these lines: after a list label (present or absent), or group headings
    when the item itself is the participant item (001 "Punkt 1: Deltagere"). Returns the listed
    people, those listed as absent, the line numbers the lists used, and those of them that
    were the wrapped end of the line above ("…, Lis Holt (O) og" / "Anders Mørk (Ø).")."""
    entries: list[Entry] = []
    absent: list[Entry] = []
    used: set[int] = set()
    mode: str | None = "list" if whole_item else None
    reason: str | None = None
    group: str | None = None
    from_org: str | None = None  # the group a "… fra X" label names
    joined: set[int] = set()  # lines read as the wrapped end of the line above
    inline = False  # the last label printed its names on its own line
    columns: list[str] = []  # a participant table's header row: the field of each column
    side_groups: list[str] = []  # a table of sides, a person per cell: the column's group
    for i, line in enumerate(content):
        if i in joined:
            continue
        text = line.stripped
        if (side_groups or columns) and "\t" not in text:
            side_groups = []  # a table ends at its first line without cells
            columns.clear()
        if mode is None and ":" in text[:20] and (role := _role_label(text)) is not None:
            entries.append(
                _role_entry(role, line, diags)
            )  # "Sekretær: Tove Lind, Kultur og Fritid"
            used.add(line.no)
            continue
        outside = mode is None and (len(text) > 600 or text[:1] not in _LIST_INITIALS)
        if outside and not (text[:1] in "•-*" and _list_label(text) is not None):
            continue  # outside a list only a label starts one ("• Afbud" among bullets)
        if text[:1] in "SsMm" and is_substitute_label(text):
            mode = None  # substitute pairs: read with the attendance statements
            continue
        label = _list_label(text) if len(text) <= 600 else None
        if label is not None:
            mode, reason, value = label
            group = from_org = _named_group(text)
            used.add(line.no)
            inline = bool(value)  # "Afbud: A, B": the label's names on its own line
            if value:
                value = _continued(value, content, i, joined, used)
                target = absent if mode == "absent" else entries
                target.extend(_cell_or_value(value, line, reason, diags, mode != "present"))
            continue
        if mode is None:
            continue
        if (members := _FROM_GROUP_LIST.match(LIST_MARKER.sub("", text))) is not None:
            group = from_org = members.group(1)
            if "\t" in text:
                mode = "list"  # "Fra forvaltningen<TAB>…": a table's next row, not the regrets
            elif mode == "absent" and inline:
                mode = "present"  # "Afbud: A, B" then "Fra forvaltningen: C": C came
            value = _continued(members.group(2), content, i, joined, used)
            members_found = _cell_or_value(
                value, line, reason if mode == "absent" else None, diags, mode != "present"
            )
            for entry in members_found:
                _join_group(entry, group, from_org)
            (absent if mode == "absent" else entries).extend(members_found)
            used.add(line.no)
            continue
        if _HEADER_LABEL.match(text):
            mode = None  # "Mødested Rådhuset": the next header label ends the list
            continue
        bare = LIST_MARKER.sub("", text).strip()
        if not bare or bare.casefold() in NOBODY:
            continue  # an empty bullet, "Ingen.": nobody (the line stays unplaced)
        if _group_heading(text, content, i):
            from_org = _named_group(text)
            mode, group = "list", from_org or text.rstrip(":").strip()
            used.add(line.no)
        elif (role := _role_label(text)) is not None:
            entries.append(_role_entry(role, line, diags))
            used.add(line.no)
            if mode == "absent":  # "Afbud: …" then "Sekretariat: X" and Y below: they came
                mode = "present"
        elif _is_prose(bare):
            mode = None  # a sentence ends the list ("Der var afbud fra …" is read as prose)
        elif (sides := _side_columns(bare, content, i)) is not None:
            side_groups = sides  # "Ledelsessiden<TAB>Medarbejdersiden": a person per cell below
            used.add(line.no)
        elif side_groups and (found := _cell_entries(bare, line, diags, side_groups)):
            for entry in found:
                entry.roster = mode != "present"
            entries.extend(found)
            used.add(line.no)
        elif (found := _row_entries(bare, line, diags, columns)) is not None or (
            found := _line_entries(bare, line, diags)
        ) is not None:
            for entry in found:
                _join_group(entry, group, from_org)
                entry.roster = mode != "present"
                if mode == "absent":
                    entry.reasons = entry.reasons or [reason or "afbud"]
            (absent if mode == "absent" else entries).extend(found)
            used.add(line.no)
        else:
            mode = None  # the list ended
    return entries, absent, used, {content[k].no for k in joined}


def _continued(
    value: str, content: Sequence[Line], i: int, joined: set[int], used: set[int]
) -> str:
    """The value of line ``i`` with the lines it runs on to while it is unfinished; those lines
    are recorded as joined (not read again) and used."""
    j = i + 1
    while _UNFINISHED.search(value) and j < len(content):
        nxt = content[j].stripped
        if not nxt or _list_label(nxt) is not None or _FROM_GROUP_LIST.match(nxt):
            break
        value = f"{value} {nxt}"
        joined.add(j)
        used.add(content[j].no)
        j += 1
    return value


def _cell_or_value(
    value: str, line: Line, reason: str | None, diags: Diagnostics, roster: bool
) -> list[Entry]:
    """The names after a label. After a TAB the value is a table cell's first paragraph, one
    list line like the lines below it ("Deltagere<TAB>Amira Haddad (Somalisk
    Kulturforening), formand"); after a colon, an inline list ("Afbud: A, B og C")."""
    if "\t" in line.text:
        found = _line_entries(LIST_MARKER.sub("", value).strip(), line, diags)
        if found is not None:
            for entry in found:
                entry.roster = roster
                if reason is not None:
                    entry.reasons = entry.reasons or [reason]
            return found
    return _value_entries(value, line, reason, diags, roster)


def _value_entries(
    value: str, line: Line, reason: str | None, diags: Diagnostics, roster: bool = True
) -> list[Entry]:
    """The names written on the label's own line ("Medlemmer: A, B, C", "Afbud: X")."""
    if value.strip().casefold() in NOBODY:
        return []
    found = split_inline_list(value, line, diags)
    for entry in found:
        entry.roster = roster
    if reason is not None:
        for entry in found:
            entry.reasons = entry.reasons or [reason]
    return found


def _row_entries(
    text: str, line: Line, diags: Diagnostics, columns: list[str]
) -> list[Entry] | None:
    """A participant table's row ("Karen Holm (formand)<TAB>DH Lindholm<TAB>Til stede"): the
    name and its cells as one person's parts, the attendance cell read as attendance; its
    header row ("Navn<TAB>Repræsenterer<TAB>Fremmøde") is nobody, and says what each column
    holds (``columns`` keeps that for the rows below): a name column after another
    ("Organisation<TAB>Navn<TAB>Titel") is read first, and an organisation column gives the
    organisation. None: not a table row."""
    if "\t" not in text:
        return None
    raw = [c.strip() for c in text.split("\t")]
    cells = [c for c in raw if c]
    if not cells:
        return None
    heads = [k for k, c in enumerate(cells) if c.casefold() in PARTICIPANT_COLUMN_HEADS]
    if heads and (heads[0] == 0 or not any(NAME.match(c) for c in cells)):
        columns[:] = [PARTICIPANT_COLUMNS.get(c.casefold(), "") for c in raw]
        return []
    k = columns.index("name") if "name" in columns else 0
    if 0 < k < len(cells) and NAME.match(_PARENS.sub("", cells[k]).strip()):
        cells = [cells[k], *cells[:k], *cells[k + 1 :]]  # "Kystby Kommune<TAB>Helene Ravn<TAB>…"
    parts = [c for c in cells if c.casefold().rstrip(".") not in PRESENT_CELLS]
    entry = parse_person_line(", ".join(parts), line, diags)
    if entry is None:
        return None
    if "organisation" in columns and len(raw) == len(columns):
        _organisation_cell(entry, raw[columns.index("organisation")])
    return [entry]


_PARTY_NOTE = re.compile(r"\s*\((?:" + "|".join(PARTY_LETTERS) + r")\)\s*$")


def _organisation_cell(entry: Entry, cell: str) -> None:
    """The organisation column's cell as the organisation ("Almen praksis (PLO)"; "Byrådet (A)"
    without its party); the pieces the line's reading took from it for a title go."""
    organisation = _PARTY_NOTE.sub("", cell).strip()
    if not organisation:
        return
    entry.organisation = organisation
    if entry.title:
        kept = [t for t in entry.title.split(", ") if t.casefold() not in organisation.casefold()]
        entry.title = ", ".join(kept) or None


def _side_columns(text: str, content: Sequence[Line], i: int) -> list[str] | None:
    """A table's header row of group names over one person per cell (a MED-udvalg's
    "Ledelsessiden<TAB>Medarbejdersiden" over "Lotte Brix, hospitalsdirektør (formand)<TAB>
    Birthe Aagesen, …"): short cells, none a name or a column head, and a row below whose every
    cell opens with a name. The groups, or None."""
    if "\t" not in text:
        return None
    cells = [c.strip() for c in text.split("\t")]
    if not 2 <= len(cells) <= 4 or any(
        not c
        or "," in c
        or len(c.split()) > 3
        or NAME.match(c)
        or c.casefold() in PARTICIPANT_COLUMN_HEADS
        for c in cells
    ):
        return None
    j = next((k for k in range(i + 1, min(i + 3, len(content))) if not content[k].blank), None)
    if j is None or "\t" not in content[j].text:
        return None
    below = [c.strip() for c in content[j].stripped.split("\t")]
    if len(below) > len(cells) or not all(_opens_with_name(c) for c in below if c):
        return None
    return cells


def _opens_with_name(cell: str) -> bool:
    first = _PARENS.sub("", cell.split(",")[0]).strip()
    return NAME.match(first) is not None and not is_organisation(first)


def _cell_entries(
    text: str, line: Line, diags: Diagnostics, groups: Sequence[str]
) -> list[Entry] | None:
    """One row of a table of sides: each cell a person, in the group of its column."""
    if "\t" not in text:
        return None
    found: list[Entry] = []
    for cell, group in zip(text.split("\t"), groups):
        cell = cell.strip()
        if cell and _opens_with_name(cell) and (entry := parse_person_line(cell, line, diags)):
            entry.group = group
            found.append(entry)
    return found or None


def _line_entries(text: str, line: Line, diags: Diagnostics) -> list[Entry] | None:
    """One list line: a person ("Anders Kühnau, regionsrådsformand (A)", "1. Overborgmester
    Frank Jensen (A)") or a comma list of names ("Carl Holst, Poul Weber, …, Kent Kirk.")."""
    tokens = [_PARENS.sub("", t).strip() for t in text.rstrip(".").split(",")]
    names = sum(1 for t in tokens if NAME.match(t) and not is_organisation(t))
    titled = any(t[:1].islower() for t in tokens)  # "rådmand": one person's line
    if len(tokens) >= 3 and names >= 2 and names * 2 >= len(tokens) and not titled:
        return split_inline_list(text, line, diags)
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 3:
        text = text[:-1]  # "Per Lundgard.": the list's full stop, not an initial
    if text.endswith(",") and is_first_name(text.rstrip(",").strip()):
        return [Entry(name=text.rstrip(",").strip(), line=line)]  # "Jens,": kept as printed
    if (
        "," in text
        or NAME.match(text)
        or _looks_titled(text)
        or names_after_title(text)
        or (("-" in text or "–" in text) and "," in dash_to_comma(text))  # "Anne Holm – formand"
    ):
        entry = parse_person_line(text, line, diags)
        return [entry] if entry is not None else None
    return None


def _looks_titled(text: str) -> bool:
    """ "Overborgmester Frank Jensen (A)": two to six capitalised words, a party maybe."""
    words = _PARENS.sub("", text).split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _is_prose(text: str) -> bool:
    """A sentence, not a list: it ends like one and runs on in lower-case words ("Der var
    afbud fra …"); a list of names that ends in a full stop ("Carl Holst, Poul Weber, …, Kent
    Kirk.") has no two lower-case words in a row."""
    words = text.split()
    if len(words) <= 8:
        return False
    running = any(a[:1].islower() and b[:1].islower() for a, b in itertools.pairwise(words))
    return running and (text.endswith((".", "?", "!")) or len(words) > 14)


def _named_group(label: str) -> str | None:
    """ "Deltagere fra Region Sjælland:" -> "Region Sjælland"; "Fra sekretariatet:" ->
    "sekretariatet"; a label that names no group -> None."""
    bare = LIST_MARKER.sub("", label).strip()
    words = bare.split(maxsplit=1)
    if words and words[0].casefold() != "fra":
        m = _LIST_LABEL.match(bare)
        bare = m.group(2) if m is not None else ""
    m = _FROM_GROUP.match(bare)
    return m.group(1) if m is not None else None


def _join_group(entry: Entry, group: str | None, from_org: str | None) -> None:
    """The entry belongs to the group it is listed under ("Direktørforum"). A group a "fra"
    label names with a proper name ("Deltagere fra Region Sjælland") is also its members'
    organisation, after the unit a member prints ("Praksisafdelingen, Region Sjælland"); "Fra
    kommunerne" (lower case) is a group only."""
    entry.group = group
    if not from_org or not from_org[:1].isupper():
        return
    if entry.organisation is None:
        entry.organisation = from_org
    elif from_org not in entry.organisation:
        entry.organisation = f"{entry.organisation}, {from_org}"


def _group_heading(text: str, content: Sequence[Line], i: int) -> bool:
    """ "Direktørforum:", "Chefforum": short, no comma, and a person line follows ("Anne Brix
    (A), formand", "• Praktiserende læge Ulrik Dam, PLO"). A page's sub-heading (an HTML h3)
    may run to six words: "Kommunerne i Syddanmark (KKR)"."""
    style = content[i].style
    longest = 6 if style is not None and style.level is not None else 3
    if "," in text or len(text) > 60 or len(text.split()) > longest or text.endswith("."):
        return False
    if NAME.match(_PARENS.sub("", text)) and not text.endswith(":"):
        return False  # "Jonas Tved (F)": a member with a party, not a group
    following = LIST_MARKER.sub("", content[i + 1].stripped) if i + 1 < len(content) else ""
    if "," not in following:
        return False
    first = _PARENS.sub("", following.partition(",")[0]).strip()
    return NAME.match(first) is not None or names_after_title(first)


def _role_label(text: str) -> tuple[str, str] | None:
    """ "Ordstyrer: Eva Holt" -> ("ordstyrer", "Eva Holt"); "Sekretær: Tove Lind, Kultur og
    Fritid" -> ("sekretær", "Tove Lind, Kultur og Fritid"): a role, then a person's line."""
    m = _ROLE_LABEL.match(text)
    if m is None or m.group(1).casefold() not in _ROLES:
        return None
    value = m.group(2).strip().rstrip(".")
    if not NAME.match(_PARENS.sub("", value.split(",")[0]).strip()):
        return None
    return m.group(1).casefold(), value


def _role_entry(role: tuple[str, str], line: Line, diags: Diagnostics) -> Entry:
    """The person a role label names, with what the line says of them; "role-only": a role of
    someone listed, or, where nobody listed has the name, a participant of their own."""
    entry = parse_person_line(role[1], line, diags) if "," in role[1] or "(" in role[1] else None
    if entry is None:
        entry = Entry(name=role[1], line=line)
    entry.roles = [role[0], *entry.roles]
    entry.extra.append("role-only")
    entry.roster = False  # a role label is no member list: it makes no other name unknown
    return entry


def _record_entries(record: AbsenceRecord, diags: Diagnostics | None = None) -> list[Entry]:
    """The names of one absence record; what cannot be split is reported to ``diags`` (the
    item's pass; the participants' pass reads the same records again and stays quiet)."""
    if not record.text:
        return []
    entries = split_inline_list(record.text, record.label, diags or Diagnostics(), labelled=True)
    for entry in entries:
        entry.reasons = entry.reasons or ([record.reason] if record.reason else [])
    return entries


# --- settling who is who ---------------------------------------------------------------------


def same_person(a: str, b: str) -> bool:
    """Exact, or first and last name agree ("Daniel Simonsen" ~ "Daniel Kjærsgaard Simonsen")."""
    return _same_words(a.casefold().split(), b.casefold().split())


def _same_words(x: list[str], y: list[str]) -> bool:
    return x == y or (len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and x[-1] == y[-1])


def _misspelt(x: list[str], y: list[str]) -> bool:
    """The same words but one letter in the last name ("Bente Gertz Hansn" ~ "… Hansen")."""
    return (
        len(x) == len(y) >= 2
        and x[:-1] == y[:-1]
        and min(len(x[-1]), len(y[-1])) >= 4
        and _one_edit(x[-1], y[-1])
    )


def _one_edit(a: str, b: str) -> bool:
    """At most one letter inserted, deleted or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(a)):
        if a[k] != b[k]:
            return a[k + 1 :] == b[k + 1 :] or a[k:] == b[k + 1 :]
    return True


def _by_first_name(facts: list[Fact], cast: Sequence[Participant]) -> list[Fact]:
    """Facts with a first name alone ("Tage deltog ikke under dette punkt") under the full
    name of the one participant so called; dropped when none or several are."""
    out: list[Fact] = []
    for fact in facts:
        if " " in fact.name:
            out.append(fact)
            continue
        first = fact.name.casefold()
        called = [p for p in cast if p.name.casefold().split(" ", 1)[0] == first]
        if len(called) == 1:
            out.append(replace(fact, name=called[0].name, party=called[0].party))
    return out


def find_person(cast: Sequence[Participant], name: str) -> Participant | None:
    """The participant of that name; else the only one ``same_person`` matches; else the only
    one the name misspells."""
    target = name.casefold()
    words = target.split()
    first = words[0] if words else ""
    close: list[Participant] = []
    for person in cast:
        folded = person.name.casefold()
        if folded == target:
            return person
        # same_person needs the first names to agree: a substring test rules most out
        if first in folded and _same_words(folded.split(), words):
            close.append(person)
    if len(close) == 1:
        return close[0]
    if close:
        return None
    spelt = [
        p
        for p in cast
        if first in p.name.casefold() and _misspelt(p.name.casefold().split(), words)
    ]
    return spelt[0] if len(spelt) == 1 else None


def _reason(reasons: Iterable[str]) -> str | None:
    """The most specific reason: "orlov" over "sygdom" over "afbud" over "uden afbud" over
    "fravær" ("Fraværende: Ole Pihl (sygdom)" is away ill)."""
    found = set(reasons)
    for reason in ("orlov", "sygdom", "afbud", "uden afbud", "fravær"):
        if reason in found:
            return reason
    return None


def _settle(entries: Sequence[Entry], absent_heads: Sequence[Entry]) -> list[Participant]:
    cast: list[Participant] = []
    for entry in entries:
        if "role-only" in entry.extra or find_person(cast, entry.name) is not None:
            continue
        reason = _reason(entry.reasons)
        cast.append(
            Participant(
                name=entry.name, party=entry.party, organisation=entry.organisation,
                title=entry.title, group=entry.group, roles=list(dict.fromkeys(entry.roles)),
                attendance="absent" if reason else "present", absence_reason=reason,
                substitute_for=entry.substitute_for, line=entry.line.no, page=entry.line.page,
            )
        )  # fmt: skip
    for entry in entries:  # "Ordstyrer: Name" adds a role to someone listed
        if "role-only" not in entry.extra:
            continue
        person = find_person(cast, entry.name)
        if person is not None:
            person.roles = list(dict.fromkeys([*person.roles, *entry.roles]))
            continue
        # nobody listed: the secretary or minute-taker came besides the members
        cast.append(
            Participant(
                name=entry.name, party=entry.party, organisation=entry.organisation,
                title=entry.title, roles=list(dict.fromkeys(entry.roles)),
                attendance="present", line=entry.line.no, page=entry.line.page,
            )
        )  # fmt: skip
    for regret in absent_heads:  # "Afbud fra:" names the listed people who sent regrets
        person = find_person(cast, regret.name)
        if person is None:
            person = Participant(
                name=regret.name, party=regret.party, organisation=regret.organisation,
                title=regret.title, line=regret.line.no, page=regret.line.page,
            )  # fmt: skip
            cast.append(person)
        person.attendance = "absent"
        person.absence_reason = (
            _reason([*regret.reasons, *([person.absence_reason] if person.absence_reason else [])])
            or "afbud"
        )
    return cast


def _apply_records(
    cast: list[Participant], item_blocks: Sequence[ItemBlocks], listed: bool, diags: Diagnostics
) -> None:
    """A person in the absence records of every item that keeps such records was away from
    the meeting; in some of them only, away from those items (and present). A name the member
    list does not hold is reported."""
    recorded = [item for item in item_blocks if item.absences]
    if not recorded:
        return
    per_item = [[e for r in item.absences for e in _record_entries(r)] for item in recorded]
    everywhere = {e.name for e in per_item[0]}
    for entries in per_item[1:]:
        everywhere &= {e.name for e in entries}
    seen: set[str] = set()
    for item, entries in zip(recorded, per_item):
        for entry in entries:
            person = find_person(cast, entry.name)
            if person is None:
                if listed:
                    record = next(r for r in item.absences if entry.line is r.label)
                    diags.add("absent-unknown", at=record.label, name=entry.name)
                    continue
                if entry.name in seen:
                    continue
                person = Participant(name=entry.name, party=entry.party, attendance="present",
                                     line=entry.line.no, page=entry.line.page)  # fmt: skip
                cast.append(person)
            seen.add(entry.name)
            if entry.name in everywhere:
                person.attendance = "absent"
                person.absence_reason = _reason(
                    [*entry.reasons, *filter(None, [person.absence_reason])]
                )


def _apply_facts(
    cast: list[Participant], facts: Sequence[Fact], listed: bool, diags: Diagnostics
) -> None:
    """What the meeting's prose says of each person (``attendance.read_attendance``)."""
    for fact in facts:
        person = find_person(cast, fact.name)
        if fact.effect == "substitute":
            _add_substitute(cast, fact, diags)
            continue
        if person is None:
            if listed and fact.effect == "absent":
                diags.add("absent-unknown", at=fact.line, name=fact.name)
                continue
            if listed and not fact.attendee:
                continue
            person = Participant(name=fact.name, party=fact.party, attendance="present",
                                 line=fact.line.no, page=fact.line.page)  # fmt: skip
            cast.append(person)
        person.party = person.party or fact.party
        person.title = person.title or fact.title
        person.organisation = person.organisation or fact.organisation
        person.roles = list(dict.fromkeys([*person.roles, *fact.roles]))
        if fact.effect == "absent":
            person.attendance = "absent"
            person.absence_reason = _reason(filter(None, [person.absence_reason, fact.reason]))


def _closing_roles(cast: list[Participant], lines: Iterable[Line]) -> None:
    """ "Referent: Mette Lyng" in the minutes' closing lines: the role of a listed person; a
    name nobody listed is not added."""
    for line in lines:
        text = line.stripped
        if ":" not in text[:20] or (role := _role_label(text)) is None:
            continue
        person = find_person(cast, role[1])
        if person is not None and role[0] not in person.roles:
            person.roles = [*person.roles, role[0]]


def _add_substitute(cast: list[Participant], fact: Fact, diags: Diagnostics) -> None:
    """ "Y deltog i stedet for X": Y is present for X, and X was away."""
    replaced = find_person(cast, fact.substitute_for) if fact.substitute_for else None
    if replaced is not None and replaced.attendance != "absent":
        replaced.attendance = "absent"
    person = find_person(cast, fact.name)
    if person is None:
        person = Participant(name=fact.name, party=fact.party, attendance="present",
                             line=fact.line.no, page=fact.line.page)  # fmt: skip
        cast.append(person)
    person.organisation = person.organisation or fact.organisation
    if fact.substitute_for:
        person.substitute_for = replaced.name if replaced is not None else fact.substitute_for


def _named_items(people: People, facts: Sequence[Fact], item_blocks: Sequence[ItemBlocks]) -> None:
    """ "X deltog ikke i punkterne 2 – 11" where the meeting's attendance is recorded: the
    named items' ``absent``."""
    numbers = {item.number: k for k, item in enumerate(item_blocks) if item.number is not None}
    for fact in facts:
        if fact.effect != "partial":
            continue
        for target in (numbers[n] for n in fact.items if n in numbers):
            names = people.item_absent.setdefault(target, [])
            if fact.name not in names:
                names.append(fact.name)


def _item_facts(people: People, item_blocks: Sequence[ItemBlocks], listed: bool) -> None:
    """Absences an item's decision records ("Der var afbud fra X", "X deltog ikke i sagens
    behandling") are the item's; "X deltog ikke i punkterne 2 – 11" names the items. In the
    item's other text (not its history) only a listed person's "X deltog ikke i behandlingen af
    punktet" counts: a union board's minutes print it above the decision."""
    numbers = {item.number: k for k, item in enumerate(item_blocks) if item.number is not None}
    for index, item in enumerate(item_blocks):
        decided = [
            ln for b in item.blocks if b.kind == "beslutning" and not b.history for ln in b.lines
        ]
        other = [
            ln
            for b in item.blocks
            if b.kind not in ("beslutning", "bilag") and not b.history
            for ln in b.lines
            if "deltog" in ln.text
        ]
        facts = [
            *_by_first_name(read_attendance(decided), people.participants),
            *(
                f
                for f in _by_first_name(read_attendance(other), people.participants)
                if f.effect == "partial" and find_person(people.participants, f.name) is not None
            ),
        ]
        for fact in sorted(facts, key=lambda f: f.line.no):
            if fact.effect == "absent":  # "Der var modtaget afbud fra X": X missed this item too
                names = people.item_absent.setdefault(index, [])
                if fact.name not in names:
                    names.append(fact.name)
                continue
            if fact.effect != "partial":
                continue
            # the items named, those of them the meeting has ("forlod mødet efter punkt 3":
            # the items after 3), else this item
            targets = [numbers[n] for n in fact.items if n in numbers] if fact.items else [index]
            for target in targets:
                names = people.item_absent.setdefault(target, [])
                if fact.name not in names:
                    names.append(fact.name)
            if find_person(people.participants, fact.name) is None and not listed:
                people.participants.append(
                    Participant(
                        name=fact.name,
                        party=fact.party,
                        attendance="present",
                        line=fact.line.no,
                        page=fact.line.page,
                    )
                )
