"""Item-heading candidates: every line that could open an agenda item, in the forms Danish
minutes print, with the case numbers that stand beside them.

A candidate is only a possibility: ``detect.py`` weighs all of a document's candidates and
decides which form its items use. The forms (name: a real example line):

* ``word``: "Punkt 5: Skriftlig orientering: …" (000-002), "Punkt 1: Godkendelse af dagsorden"
  (Aarhus), "Nr.60 - Godkendelse af dagsordenen" (Fredensborg), "Pkt. 24 …", "Sag nr. 3 - …",
  "§ 5 …", "PUNKT 3" (upper case), "Dagsordenspunkt 1: …";
* ``dotted``: "3. Etablering af …" (003), "1.Meddelelse fra formanden" (no space, RN eDoc),
  "  1. Besøg hos SDU - Klinisk Institut" (indented, RSD), "1.      3. økonomi og
  aktivitetsrapportering" (the title starts with an ordinal), "3. §79-puljen, frie midler";
* ``glued``: "38Godkendelse af dagsorden" (Frederikssund: the number glued to the title);
* ``bare``: "5" or "5." alone on its line, the title on the next line;
* ``spaced``: "1 Godkendelse af dagsorden", "2<TAB>Budget 2026" (no full stop after the number).

Dotted sub-points ("1.1 Status"), dates ("17.05.2023") and decimals never qualify.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..lines import Line
from ..vocab import CASE_LABELS, ITEM_LEAD_WORDS, ITEM_WORDS, MONTHS

_ITEM_WORD = "|".join(sorted(ITEM_WORDS, key=len, reverse=True))
_LEAD_WORD = "|".join(
    w.replace(" ", r"\s+") for w in sorted(ITEM_LEAD_WORDS, key=len, reverse=True)
)
# "Punkt 5: Title", "Pkt. 24 Title", "Nr.60 - Title", "Sag nr. 3 – Title", "§ 5 Title",
# "PUNKT 3" (title on the next line), "Ad pkt. 2 Title", "Ad 1. Title", "Sag 15/2024 - Title"
# (a case numbered within its year: the item number is 15), "Emne 3: Title", "Ad. 3 – Title". The
# separator after the number is optional.
WORD_HEADING = re.compile(
    rf"^(?:(?:{_LEAD_WORD})\.?\s+(?:(?:{_ITEM_WORD})\.?\s*)?|(?:{_ITEM_WORD})\.?\s*)"
    r"(?:nr\.?\s*)?(\d{1,3})(?:/(?:19|20)\d\d)?(?![\d.,/:-]\d)"
    r"(?:\s*[:.)]\s*|\s*[-–]\s+|\s+|$)(.{0,300})$",
    re.I,
)
# "3. Title", "1.Title", "  • 1. Title", "4) Title"; not "1.1 Status", "17.05.2023", "2,5 mio."
# (a bullet speaks against a heading: detect.py weighs it)
BULLETS = "•·*"
DOTTED_HEADING = re.compile(r"^[\s•·*]*(\d{1,3})[.)](?!\d)\s*(\S.{0,300})$")
# "38Godkendelse af dagsorden": digits glued to a capitalised word of three letters or more.
GLUED_HEADING = re.compile(r"^(\d{1,3})(\p{Lu}\p{Ll}{2,}.{0,300})$")
# "III.<TAB>Regnskab for 1. kvartal", "IV. Indkomne forslag": Roman numerals (a Word list).
ROMAN_HEADING = re.compile(r"^([IVX]{1,6})\.\s+(\S.{0,300})$")
_ROMAN = {"I": 1, "V": 5, "X": 10}
BARE_NUMBER = re.compile(r"^[\s•·*]*(\d{1,3})\.?$")
# "1 Godkendelse af dagsorden", "2<TAB>Budget 2026": the number, a space or a TAB, a capitalised
# title (a Word list's number as text; a typed agenda without the full stop).
SPACED_HEADING = re.compile(r"^[\s•·*]*(\d{1,3})(?:\t|[ ]{1,6})(\p{Lu}.{0,300})$")
# "19. marts 2024: …", "1. januar": a date, not a numbered title.
_MONTH_START = re.compile(
    r"^(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?(?:\s|$|:|,)", re.I
)

_CASE_LABEL = "|".join(re.escape(label) for label in sorted(CASE_LABELS, key=len, reverse=True))
# "Sagnr.: 1-31-72-446-22", "Sagsnr. 22/43402", "Sagsid.: 20/33839, Sagsinitialer: AGVA",
# "Sagsnr.: 330-2020-164     Dok.nr.: …     Åbent" (the value ends at a comma or a wide gap).
CASE_LABEL_LINE = re.compile(
    rf"^(?:{_CASE_LABEL})\.?\s*:?\s*(\S[^,\t]{{0,80}}?)(?:\s{{2,}}.*|,.*)?$", re.I
)
# "22/43402", "1-31-72-446-22", "27.00.00-G01-1-23" (KLE), "EMN-2025-003383" (Aarhus),
# "330-2020-164" (Slagelse), "2012/057275" (Odense).
CASE_NUMBER = re.compile(
    r"^(?:\d{2,4}/\d{1,8}|\d{1,4}(?:-\d{1,8}){2,}|\d{2}\.\d{2}\.\d{2}-\p{Lu}\d{2}-\d{1,4}-\d{2}"
    r"|\p{Lu}{2,6}-\d{4}-\d{3,8})$"
)
# "Åbent - 2012/057275" (Odense): an access marker before the case number.
_ACCESS_PREFIX = re.compile(r"^(?:åben|åbent|lukket|fortrolig)\s*[-–:]\s*", re.I)
_CASE_INITIALS = frozenset(label[0] for label in CASE_LABELS)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line that could open an item: its form, printed number and title, and the lines it
    spans (``index`` the heading line, ``end`` the last line the heading itself uses)."""

    form: str
    number: int
    title: str
    index: int
    end: int


def case_number(line: Line) -> str | None:
    """The case number a line carries, labelled ("Sagnr.: …") or bare ("22/43402")."""
    text = line.stripped
    if not text or len(text) > 140 or not (text[0].isdigit() or text[0].isupper()):
        return None
    bare = _ACCESS_PREFIX.sub("", text) if not text[0].isdigit() else text
    if CASE_NUMBER.match(bare):
        return bare
    if is_case_label(line):
        m = CASE_LABEL_LINE.match(text)
        if m is not None and any(ch.isdigit() for ch in m.group(1)):
            return m.group(1).strip()
    return None


# A title and a case number side by side: a TAB (a portal's heading table "2.<TAB>Kapacitet …
# <TAB>28.09.00-G01-2-24") or a wide gap (pdftotext -layout of a right-aligned number:
# "Varmeregnskab 2023/24, Engvej 7, st. tv.          Sagsnr. 25/0117").
_TRAILING_GAP = re.compile(r"(?:\t|\s{3,})\s*(\S[^\t]{0,80}?)\s*$")


def split_trailing_case(title: str) -> tuple[str, str | None]:
    """ "Title<gap>Sagsnr. 25/0117" -> ("Title", "25/0117"); other titles unchanged."""
    if "\t" not in title and "   " not in title:
        return title, None
    m = _TRAILING_GAP.search(title)
    if m is None or not m.start():
        return title, None
    number = case_number(Line(0, m.group(1)))
    if number is None:
        return title, None
    return title[: m.start()].rstrip(), number


def is_case_label(line: Line) -> bool:
    """A case-number label line, with its value or without ("Sagsnr:" then the number later);
    not an item heading that starts alike ("Sag nr. 3    Tillægsbevillinger": a title follows
    a short number, where a case number has more digits or separators: "Sag nr. 24/1180")."""
    text = line.stripped
    if not (
        text
        and text[:1].casefold() in _CASE_INITIALS
        and text[:20].casefold().startswith(CASE_LABELS)
        and len(text) <= 140
    ):
        return False
    heading = WORD_HEADING.match(text)
    return heading is None or not heading.group(2)[:1].isupper()


def next_content(lines: Sequence[Line], i: int, limit: int = 50) -> int | None:
    """Index of the first non-blank line at or after ``i`` (looking at most ``limit`` lines)."""
    end = min(len(lines), i + limit)
    while i < end:
        if not lines[i].blank:
            return i
        i += 1
    return None


def _could_open(text: str) -> bool:
    """Cheap first test (it runs for every line): a digit, a bullet, a Roman numeral's letter
    or an item word's initial."""
    first = text[:1]
    return first.isdigit() or first in "•·*§IVX" or first.casefold() in _WORD_INITIALS


def roman_value(numeral: str) -> int | None:
    """ "IV" -> 4, "XII" -> 12; None for what is no well-formed numeral ("IIII", "VX")."""
    total = 0
    for k, ch in enumerate(numeral):
        value = _ROMAN[ch]
        total += -value if k + 1 < len(numeral) and _ROMAN[numeral[k + 1]] > value else value
    return total if _to_roman(total) == numeral else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


_WORD_INITIALS = frozenset(word[0] for word in (*ITEM_WORDS, *ITEM_LEAD_WORDS))
_WORD_STARTS = (*ITEM_WORDS, *(f"{word}{end}" for word in ITEM_LEAD_WORDS for end in (" ", ".")))


def candidate_at(lines: Sequence[Line], i: int) -> Candidate | None:
    """The item-heading candidate line ``i`` is, in the first form that fits, or None."""
    text = lines[i].stripped
    if not text or not _could_open(text):
        return None
    if text[0] in "IVX" and (m := ROMAN_HEADING.match(text)) is not None:
        value = roman_value(m.group(1))
        return Candidate("roman", value, m.group(2).strip(), i, i) if value else None
    if not text[0].isdigit() and text[0] not in "•·*":
        return _word(lines, i, text)
    m = DOTTED_HEADING.match(text)
    if m is not None:
        if _MONTH_START.match(m.group(2)) or m.group(1) == "0":
            return None
        return Candidate("dotted", int(m.group(1)), m.group(2).strip(), i, i)
    m = GLUED_HEADING.match(text)
    if m is not None:
        return (
            Candidate("glued", int(m.group(1)), m.group(2).strip(), i, i)
            if m.group(1) != "0"
            else None
        )
    m = BARE_NUMBER.match(text)
    if m is not None and m.group(1) != "0":
        return _title_below(lines, i, "bare", int(m.group(1)))
    m = SPACED_HEADING.match(text)
    if m is not None and m.group(1) != "0" and not _MONTH_START.match(m.group(2)):
        return Candidate("spaced", int(m.group(1)), m.group(2).strip(), i, i)
    return None


def _word(lines: Sequence[Line], i: int, text: str) -> Candidate | None:
    folded = text[:20].casefold()
    if not folded.startswith(_WORD_STARTS):
        return None
    m = WORD_HEADING.match(text)
    if m is None:
        return None
    number, title = int(m.group(1)), m.group(2).strip()
    if not title:
        return _title_below(lines, i, "word", number)
    return Candidate("word", number, title, i, i)


def _title_below(lines: Sequence[Line], i: int, form: str, number: int) -> Candidate | None:
    """A number (or "Punkt 3") alone on its line, the title on the next content line."""
    j = next_content(lines, i + 1, limit=3)
    if j is None:
        return None
    title = lines[j].stripped
    if not title[:1].isalpha() or len(title) > 300 or case_number(lines[j]) is not None:
        return None
    if _could_open(title) and candidate_at(lines, j) is not None:
        return None  # "28" (a page number) above "Punkt 1: …": the line below is a heading itself
    return Candidate(form, number, title, i, j)


def find_candidates(lines: Sequence[Line]) -> list[Candidate]:
    """Every candidate of the document, in line order (a line opens at most one)."""
    found: list[Candidate] = []
    skip_to = -1
    for i, line in enumerate(lines):
        if i <= skip_to or line.blank:
            continue
        cand = candidate_at(lines, i)
        if cand is not None:
            found.append(cand)
            skip_to = cand.end
    return found
