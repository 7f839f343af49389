"""Split an item's body into headed blocks (Resumé, Sagsfremstilling, Indstilling, Beslutning,
Bilag, and "andet" for every other heading).

Serves:

* headings on a line of their own, in any order and in the words of many publishers:
  000 ("Resumé", …, "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023"), 001
  (Beslutning first), 002 ("Resume", empty blocks kept), kk.dk ("Problemstilling", "Løsning",
  "Politisk handlerum"), Aarhus ("Beslutninger", "Beslutningspunkter", "Sagsforløb"), Kolding
  ("Forslag", "Beslutning Ældrerådet den 10-11-2016"), kk.dk eDoc ("Økonomiudvalgets
  beslutning i mødet den 31. marts 2020" under "Beslutning": one block);
* a heading and its text on one line: "Beslutning: Godkendt" (Aalborg), "Beslutning i … den
  12. januar 2021:" over its text (Slagelse);
* headings the document itself repeats in many items (``recurring`` from the outline): a
  publisher's own sub-heading vocabulary, as "andet" blocks;
* an upper-case line after a decision's text ends the decision ("BESLUTNINGSFORSLAG FRA DD"
  after Aarhus' "Beslutninger"); elsewhere upper-case sub-headings (000's "PROCES", "ØKONOMI")
  stay text;
* a part title ("Fremstilling" over Sagsprocedure/Resume/Indstilling, Greve) belongs to the
  span of the block under it, not to a block of its own; the line right under a "Bilag"
  heading is an attachment even when it reads "Indstilling" (Aarhus);
* history blocks ("Sagsforløb", "Sagens forløb"): other meetings' decisions and absences;
* absence records: "Fraværende Stephanie Lose, V (orlov)" (000), "Afbud: Charlotte Levin"
  (Greve), "Fravær med afbud:" over bullets (kk.dk), "Fraværende med afbud:" / "Ingen.",
  "Fraværende: " with nobody after it (Slagelse): set apart from the text, they fill the
  item's ``absent``; inside a history block they stay text.
* text before the first heading: "Det indstilles, …" forms an indstilling block (003); other
  text an "andet" block with no heading.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex as re

from ..dates import find_date
from ..lines import Line
from ..names import looks_like_person_line
from ..vocab import (
    ABSENCE_REASONS,
    ABSENT_LABELS,
    BLOCK_HEADINGS,
    CONTINUED_NOTES,
    DECISION_HEADING_WORDS,
    HISTORY_HEADINGS,
    PART_TITLES,
    RECOMMENDATION_OPENERS,
    initials,
)

_DECISION_WORD = "|".join(DECISION_HEADING_WORDS)
# "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023", "Beslutning den 3. maj 2023",
# "Beslutning Teknik- og Miljøudvalget den 11-08-2021" (no "i": then a date is needed)
DECISION_HEADING = re.compile(
    rf"^(?:{_DECISION_WORD})(?:\s+(?:i|på|fra|for)\s+(.+?)|\s+(\p{{Lu}}.+?)(?=\s+(?:den|d\.)\s))?"
    r"(?:\s+(?:den|d\.)\s+(.{4,40}?))?\s*:?$",
    re.I,
)
# "Økonomiudvalgets beslutning i mødet den 31. marts 2020", "ØKONOMIUDVALGETS BESLUTNING",
# a tribunal's "Nævnets afgørelse"
GENITIVE_DECISION = re.compile(
    r"^(\p{Lu}[\p{L}\s-]{2,80}?)s\s+(?i:beslutning|afgørelse)(?:\s+(?i:i\s+mødet))?"
    r"(?:\s+(?i:den|d\.)\s+(.{4,40}?))?\s*:?$"
)
# "Sekretariatets indstilling", "Borgmesterens indstilling": the author's recommendation.
GENITIVE_RECOMMENDATION = re.compile(r"^\p{Lu}[\p{L}-]{2,40}s\s+(?i:indstilling)\s*:?$")
# "Beslutning: Godkendt", "Indstilling: at …": a heading of the five and its text on one line.
_INLINE_KINDS = ("beslutning", "indstilling", "resume", "sagsfremstilling", "bilag")
INLINE_HEADING = re.compile(r"^([^:]{3,60}?)\s*:\s+(\S.*)$")
_ABSENT_LABEL = "|".join(ABSENT_LABELS)
# "Fraværende Stephanie Lose, V (orlov)", "Afbud: Charlotte Levin", "Fravær med afbud:",
# "Fraværende uden afbud:", "Afbud fra:", "Fraværende: " (nobody)
ABSENT_LINE = re.compile(
    rf"^(?P<label>(?i:{_ABSENT_LABEL})(?:\s+(?i:med|uden)\s+(?i:afbud))?(?:\s+(?i:fra))?)"
    r"(?:\s*:\s*(?P<names>.{0,500})|\s+(?P<bare>\p{Lu}.{0,500}))?$"
)
_NOBODY = frozenset({"ingen", "ingen.", "-", "–", "intet", "ingen afbud", "ingen afbud."})
# A capitalised block word glued to the title before it: "Meddelelse fra formandenReferat".
_GLUED_WORDS = tuple(
    sorted(
        {k.capitalize() for k, kind in BLOCK_HEADINGS.items() if " " not in k and kind != "andet"},
        key=len,
        reverse=True,
    )
)

_HEADING_MAX = 160
_ABSENT_INITIALS = initials(ABSENT_LABELS)
_HEADING_INITIALS = initials(tuple(BLOCK_HEADINGS)) | initials(tuple(PART_TITLES))
_DECISION_INITIALS = initials(DECISION_HEADING_WORDS)


@dataclass(slots=True)
class BlockDraft:
    kind: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    decision_body: str | None = None
    decision_date: dt.date | None = None
    history: bool = False  # "Sagsforløb": other meetings' handling, not this meeting's
    structure: list[Line] = field(default_factory=list)  # part title, heading lines, not text
    heading_text: str | None = None  # the heading as printed ("Beslutning" of "Beslutning: Ok")
    upper_part: bool = False  # opened by a capitals line after a decision (a motion, a part)
    narrative: bool = False  # minutes in prose: the item's account, its decision at the end

    @property
    def content(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank]


@dataclass(frozen=True, slots=True)
class AbsenceRecord:
    """An item-level absence line ("Afbud: Charlotte Levin"), or a label over name lines."""

    label: Line
    names: tuple[Line, ...]  # the lines that hold the names (the label line itself, or below it)
    reason: str | None  # "afbud", "uden afbud", "fravær", "orlov", "sygdom" (from the label)
    text: str  # the names as one comma list ("" for nobody)

    @property
    def lines(self) -> list[Line]:
        return [self.label, *(ln for ln in self.names if ln is not self.label)]


class ItemBlocks(NamedTuple):
    """An item's blocks with what the people rules need to know about the item."""

    number: int | None
    title: str | None
    blocks: list[BlockDraft]
    absences: tuple[AbsenceRecord, ...] = ()


def decision_lines(item_blocks: Sequence[ItemBlocks]) -> Iterator[tuple[int | None, Line]]:
    """(item number, line) for every line of every Beslutning block of this meeting (history
    blocks left out), in document order."""
    for item in item_blocks:
        for block in item.blocks:
            if block.kind == "beslutning" and not block.history:
                for line in block.lines:
                    yield item.number, line


# --- probes ----------------------------------------------------------------------------------

HeadingProbe = tuple[str, str | None, dt.date | None]


def block_heading(line: Line, recurring: frozenset[str] = frozenset()) -> HeadingProbe | None:
    """Probe: ``(kind, decision body, decision date)`` when the line is a block heading. Kind
    "part" for a part title, "history" for an andet block of other meetings' handling,
    "recurring" for one of the document's own headings (``recurring_headings``)."""
    text = line.stripped
    probe = _known_heading(text)
    if probe is not None or not recurring or not _heading_sized(text):
        return probe
    return ("recurring", None, None) if _heading_key(text) in recurring else None


def _heading_sized(text: str) -> bool:
    return bool(text) and len(text) <= _HEADING_MAX and not text.endswith((".", ",", ";"))


def _heading_key(text: str) -> str:
    return text.rstrip(":").strip().casefold()


# A heading word with a short note in parentheses: "Bilag (vedhæftet)", "Indstilling (revideret)"
_NOTED = re.compile(r"^(\p{L}[\p{L} ]{2,40}?)\s*\(([\p{L} .,-]{1,30})\)$")
_CONTINUED = frozenset(CONTINUED_NOTES)


# The layout and block stages probe the same lines again and again (a heading line is tried
# by the outline, the repeat finder and the block splitter): the probe depends on the text
# alone, so it is computed once per distinct text.
@functools.lru_cache(maxsize=8192)
def _known_heading(text: str) -> HeadingProbe | None:
    """``block_heading`` without the document's own headings."""
    if not _heading_sized(text):
        return None
    first = text[0]
    # a cheap test first: the line starts like a known heading or a decision heading, or
    # holds "beslutning" for the genitive form
    if (
        first not in _HEADING_INITIALS
        and first not in _DECISION_INITIALS
        and not _genitive_shaped(text)
    ):
        return None
    key = _heading_key(text)
    if first in _HEADING_INITIALS:
        if key in HISTORY_HEADINGS:
            return "history", None, None
        if key in BLOCK_HEADINGS:
            return BLOCK_HEADINGS[key], None, None
        if key.endswith(")") and (noted := _NOTED.match(key)) and noted.group(1) in BLOCK_HEADINGS:
            if noted.group(2).strip(" .") in _CONTINUED:
                return None  # "Sagsfremstilling (fortsat)" atop a page: the block goes on
            return BLOCK_HEADINGS[noted.group(1)], None, None  # "Bilag (vedhæftet):"
        if (by := _heading_by(key)) is not None:
            return by, None, None
        if key in PART_TITLES:
            return "part", None, None
    if first in _DECISION_INITIALS and key.startswith(DECISION_HEADING_WORDS):
        m = DECISION_HEADING.match(text)
        if m is not None and (m.group(1) or m.group(2) or m.group(3)):
            body = (m.group(1) or m.group(2) or "").strip() or None
            when = find_date(m.group(3))[0] if m.group(3) else None
            return "beslutning", body, when
    elif _genitive_shaped(text):
        m = GENITIVE_DECISION.match(text)
        if m is not None:
            when = find_date(m.group(2))[0] if m.group(2) else None
            return "beslutning", m.group(1).strip(), when
        if GENITIVE_RECOMMENDATION.match(text):
            return "indstilling", None, None
    return None


def _genitive_shaped(text: str) -> bool:
    """The line holds a decision or recommendation word (the genitive forms' cheap test)."""
    folded = text.casefold()
    return "beslutning" in folded or "afgørelse" in folded or "indstilling" in folded


def _heading_by(key: str) -> str | None:
    """ "Indstilling fra administrationen", "Sagsfremstilling fra forvaltningen": a heading word
    with the author after "fra" (an association's minutes) is that heading."""
    word, sep, author = key.partition(" fra ")
    kind = BLOCK_HEADINGS.get(word) if sep and 0 < len(author.split()) <= 4 else None
    return kind if kind in _AUTHORED_KINDS else None


_AUTHORED_KINDS = frozenset({"indstilling", "sagsfremstilling", "resume"})


def inline_heading(line: Line) -> tuple[str, str, str] | None:
    """ "Beslutning: Godkendt" -> ("beslutning", "Beslutning", "Godkendt"): a heading of the
    five kinds with its text on the same line ("Bilag: X" names an attachment, and opens a
    block only where it ends a decision: ``split_blocks``)."""
    return _inline_heading(line.stripped)


@functools.lru_cache(maxsize=8192)  # as _known_heading: the text alone decides
def _inline_heading(text: str) -> tuple[str, str, str] | None:
    if ":" not in text[:64] or (text[:1] not in _HEADING_INITIALS and not text[:1].isupper()):
        return None
    m = INLINE_HEADING.match(text)
    if m is None:
        return None
    label = m.group(1).strip()
    probe = _known_heading(label)
    if probe is None or probe[0] not in _INLINE_KINDS:
        return None
    return probe[0], label, m.group(2).strip()


def split_glued_heading(title: str) -> tuple[str, str | None]:
    """ "Meddelelse fra formandenReferat" -> ("Meddelelse fra formanden", "Referat") (RN eDoc
    pages glue the first block's name to the item title); other titles unchanged."""
    if not title or not title[-1].islower() or not title.endswith(_GLUED_WORDS):
        return title, None
    for word in _GLUED_WORDS:
        cut = len(title) - len(word)
        if title.endswith(word) and cut > 0 and title[cut - 1].islower():
            return title[:cut], word
    return title, None


def absence_record(lines: Sequence[Line], i: int) -> tuple[AbsenceRecord, int] | None:
    """The absence record starting at ``lines[i]``, and the index after it: the names on the
    label's line, or the name lines under a bare label ("Fravær med afbud:" then bullets)."""
    line = lines[i]
    text = line.stripped
    if text[:1] not in _ABSENT_INITIALS or not text[:16].casefold().startswith(ABSENT_LABELS):
        return None
    m = ABSENT_LINE.match(text)
    if m is None:
        return None
    reason = _reason(m.group("label"))
    names = (m.group("names") or m.group("bare") or "").strip()
    if names:
        if names.casefold() in _NOBODY:
            return AbsenceRecord(line, (line,), reason, ""), i + 1
        if not _names_only(names):
            return None  # "Afbud fra Bo Ravn. Dina Kok deltog …": prose, read as prose
        return AbsenceRecord(line, (line,), reason, names), i + 1
    if m.group("names") is None and ":" not in text:
        return None  # "Afbud" alone is a word, not a label
    found: list[Line] = []
    end = i + 1
    j = i + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.blank:
            j += 1
            continue
        if nxt.stripped.casefold() in _NOBODY and not found:
            return AbsenceRecord(line, (nxt,), reason, ""), j + 1
        if not looks_like_person_line(nxt.stripped):
            break
        found.append(nxt)
        j += 1
        end = j
    text_names = ", ".join(_LIST_MARK.sub("", ln.stripped) for ln in found)
    return AbsenceRecord(line, tuple(found), reason, text_names), end


_LIST_MARK = re.compile(r"^(?:[-•–·*\uf0b7\u25aa]\s*|\d{1,3}[.)]\s+)")
_PARENS = re.compile(r"\([^()]{0,80}\)")


def _names_only(text: str) -> bool:
    """A list of names ("Stephanie Lose, V (orlov)", "Ib, V (afbud)", "A og B"), not a
    sentence: no sentence break inside, and every part a capitalised word or words."""
    text = _PARENS.sub("", text).strip().rstrip(".")
    if ". " in text or len(text) > 300:
        return False
    parts = [p.strip() for chunk in text.split(",") for p in chunk.split(" og ")]
    return all(p and p[0].isupper() and len(p.split()) <= 6 for p in parts if p)


def _reason(label: str) -> str | None:
    folded = " ".join(label.casefold().split())
    if "uden afbud" in folded:
        return ABSENCE_REASONS["uden afbud"]
    for word, reason in ABSENCE_REASONS.items():
        if word in folded:
            return reason
    return None


def absent_names_text(line: Line) -> str | None:
    """The names part of a one-line absence record ("Afbud: Charlotte Levin"), or None."""
    found = absence_record([line], 0)
    return found[0].text if found is not None and found[0].text else None


# --- the document's own headings ---------------------------------------------------------------

_RECURRING_MAX_WORDS = 6
# A comma then a conjunction opens a clause: "Klyngesekretariatet indstiller, at Klyngeforum"
# (the lead-in of every item's recommendations) is a sentence, however often it recurs.
_CLAUSE = re.compile(r",\s+(?:at|som|der|hvis|fordi|når|men)\b", re.I)


def _heading_shaped(line: Line, before: Line | None, after: Line | None) -> str | None:
    """The key of a line shaped like a heading: short, capitalised, on its own (blank lines or
    the block's edges around it), no sentence or label with a value, not a person's name."""
    text = line.stripped
    if (
        not text
        or len(text) > 60
        or not text[0].isupper()
        or (before is not None and not before.blank)
        or text.endswith((".", ",", ";", "!", "?"))
        or ":" in text.rstrip(":")
        or text.count(" ") >= _RECURRING_MAX_WORDS
        or ("," in text and _CLAUSE.search(text) is not None)
    ):
        return None
    key = text.rstrip(":").strip().casefold()
    if key.startswith(RECOMMENDATION_OPENERS) or looks_like_person_line(text):
        return None
    return key


def recurring_headings(bodies: Sequence[Sequence[Line]]) -> frozenset[str]:
    """Headings a document repeats in many items (kk.dk's "Løsning", "Politisk handlerum"; a
    publisher's own vocabulary): a heading-shaped line in at least three items and in at least
    a third of them. Known headings and candidates for people or recommendations never count."""
    if len(bodies) < 3:
        return frozenset()
    seen: dict[str, int] = {}
    for body in bodies:
        keys: set[str] = set()
        for k, line in enumerate(body):
            if line.blank or len(line.stripped) > 60:
                continue
            before = body[k - 1] if k else None
            after = body[k + 1] if k + 1 < len(body) else None
            key = _heading_shaped(line, before, after)
            if key is not None and block_heading(line) is None:
                keys.add(key)
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    need = max(3, len(bodies) // 3)
    return frozenset(key for key, n in seen.items() if n >= need)


# --- splitting ---------------------------------------------------------------------------------


def _is_upper_heading(text: str) -> bool:
    """ "BESLUTNINGSFORSLAG FRA DD", "INDSTILLING FRA MAGISTRATSAFDELINGEN …": capitals only."""
    return (
        len(text) <= 100
        and text.isupper()
        and not text.endswith((".", ",", ";"))
        and sum(1 for ch in text if ch.isalpha()) >= 6
    )


def split_blocks(
    body: Sequence[Line], recurring: frozenset[str] = frozenset()
) -> tuple[list[BlockDraft], list[AbsenceRecord]]:
    """Blocks in document order, and the item's absence records taken out of them."""
    blocks: list[BlockDraft] = []
    records: list[AbsenceRecord] = []
    current: BlockDraft | None = None
    part: list[Line] = []  # a part title waiting for the heading under it
    i = 0
    while i < len(body):
        line = body[i]
        i += 1
        text = line.stripped
        probe = block_heading(line, recurring) if text and len(text) <= _HEADING_MAX else None
        if probe is not None and current is not None and _attachment_under_bilag(current, probe):
            probe = None  # "Bilag" then "Indstilling": the attachment called "Indstilling"
        if probe is not None and probe[0] == "recurring":
            probe = ("andet", None, None) if _ends_at_recurring(current) else None
        if (
            probe is not None
            and current is not None
            and current.upper_part
            and _motion_heading(line, probe)
        ):
            probe = None  # "Baggrund", "Forslag" inside "BESLUTNINGSFORSLAG FRA M" (Aarhus)
        if probe is not None:
            kind, who, when = probe
            if kind == "part":
                part.append(line)
                continue
            if kind == "beslutning" and current is not None and _titles_only(current):
                _absorb_heading(current, line, who, when)
                continue
            current = BlockDraft(
                "andet" if kind == "history" else kind, line, decision_body=who,
                decision_date=when, history=kind == "history", structure=part,
                heading_text=text,
            )  # fmt: skip
            part = []
            blocks.append(current)
            continue
        if (
            text
            and (inline := inline_heading(line)) is not None
            and not _in_history(current)
            and (inline[0] != "bilag" or _after_decision(current))
        ):
            kind, label, rest = inline
            decided = _known_heading(label)
            current = BlockDraft(kind, line, structure=part, heading_text=label)
            if decided is not None and kind == "beslutning":
                current.decision_body, current.decision_date = decided[1], decided[2]
            current.lines.append(Line(line.no, rest, line.page, line.style))
            part = []
            blocks.append(current)
            continue
        if (
            current is not None
            and current.kind == "beslutning"
            and _is_upper_heading(text)
            and current.content
        ):
            current = BlockDraft("andet", line, structure=part, heading_text=text, upper_part=True)
            part = []
            blocks.append(current)
            continue
        if text[:1] in _ABSENT_INITIALS and not _in_history(current):
            found = absence_record(body, i - 1)
            if found is not None:
                record, i = found
                records.append(record)
                if current is None:  # a record before any heading: an unheaded block holds it
                    current = BlockDraft("andet", None)
                    blocks.append(current)
                current.structure.extend(record.lines)  # in the block's span, not its text
                continue
        if part:  # a part title with no heading under it is text after all
            lines, part = part, []
            current = _append(blocks, current, lines)
        current = _append(blocks, current, [line])
    if part:
        _append(blocks, current, part)
    return blocks, records


def _append(
    blocks: list[BlockDraft], current: BlockDraft | None, lines: Sequence[Line]
) -> BlockDraft | None:
    for line in lines:
        if current is None:
            if line.blank:
                continue
            current = BlockDraft(_preamble_kind(line), None)
            blocks.append(current)
        current.lines.append(line)
    return current


_MOTION_WORDS = frozenset({"forslag", "begrundelse", "baggrund", "hvorfor", "formål"})


def _motion_heading(line: Line, probe: HeadingProbe) -> bool:
    """A motion's own sub-headings ("Baggrund", "Forslag", "Begrundelse") under its capitals
    title are its text; the meeting's block headings (Resume, Beslutningspunkter, Bilag) end it."""
    return (
        probe[0] in ("andet", "recurring") or line.stripped.rstrip(":").casefold() in _MOTION_WORDS
    )


def _ends_at_recurring(block: BlockDraft | None) -> bool:
    """A heading the document repeats ends a decision, a recommendation or the attachments; a
    case presentation's own sub-headings (000's "Proces", "Økonomi") stay its text."""
    return block is None or block.kind in ("beslutning", "indstilling", "bilag", "andet")


def _after_decision(block: BlockDraft | None) -> bool:
    """ "Bilag: Hastighedsmålinger, oktober 2023" under an inline decision ("Aftale: …",
    "BESLUTNING: …") ends the decision: the item's attachments, not its decision's text.
    Elsewhere an inline "Bilag: X" is a line of the block it stands in."""
    return block is not None and block.kind == "beslutning" and block.heading_text is not None


def _in_history(block: BlockDraft | None) -> bool:
    return block is not None and block.history


def _titles_only(current: BlockDraft) -> bool:
    """A decision block that so far holds at most two title lines, no sentence: a decision
    heading under it continues its heading ("Beslutning" / "Dagsordenspunkt 1: Godkendelse af
    dagsorden" / "Økonomiudvalgets beslutning i mødet den 31. marts 2020": one block)."""
    if current.kind != "beslutning" or current.history:
        return False
    content = current.content
    return len(content) <= 2 and not any(ln.stripped.endswith((".", "!", "?")) for ln in content)


def _absorb_heading(current: BlockDraft, line: Line, who: str | None, when: dt.date | None) -> None:
    """The title lines and the second heading become the block's structure, not its text."""
    current.structure.extend([*current.content, line])
    current.lines = [ln for ln in current.lines if ln.blank]
    current.decision_body = current.decision_body or who
    current.decision_date = current.decision_date or when


def _attachment_under_bilag(current: BlockDraft, probe: HeadingProbe) -> bool:
    """The line right under "Bilag" (not even a blank line between) names an attachment."""
    return current.kind == "bilag" and not current.lines and probe[0] != "part"


def opens_recommendation(line: Line) -> bool:
    """ "Det indstilles, at …", "Administrationen indstiller, …" (vocab.RECOMMENDATION_OPENERS)."""
    return line.stripped[:40].casefold().startswith(RECOMMENDATION_OPENERS)


def _preamble_kind(first: Line) -> str:
    """Unheaded text before the first heading: 'Det indstilles, …' is an Indstilling (003)."""
    return "indstilling" if opens_recommendation(first) else "andet"


def render(lines: Sequence[Line]) -> str:
    """Block text: lines stripped, paragraphs (runs of non-blank lines) separated by one blank line."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        text = line.stripped
        if text:
            current.append(text)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)


def span(lines: Sequence[Line], fallback: Line) -> tuple[int, int]:
    """First and last non-blank line numbers, or the fallback line's number twice."""
    content = [ln.no for ln in lines if not ln.blank]
    if not content:
        return fallback.no, fallback.no
    return content[0], content[-1]
