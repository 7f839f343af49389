"""Attendance written in prose: who sent regrets, who stayed away, who stood in, who took
part in only some items, read sentence by sentence.

Serves the forms minutes print instead of (or beside) a list:

* "Der var modtaget afbud fra Niels E. Bjerrum (A)." (kk.dk), "Der var afbud fra Henrik
  Qvist, Ole Vind og Lone Jakobi." (002);
* "Alle medlemmer var mødt undtagen Jørgen Winther og Else Kayser, der havde meldt afbud."
  and "Medlemmerne var mødt, bortset fra A, B og C, der havde meldt afbud." (Region
  Midtjylland);
* "Mikkel Houmann havde meldt afbud, og Peter Steffensen deltog i stedet." (kk.dk local
  council: the substitute stands in for the absentee of the same sentence), "Y deltog i stedet
  for X", "Y mødte som stedfortræder for X";
* "1. suppleant Thomas Bryde-Procida var indkaldt, men mødte ikke frem.", "Sheikh Mohammed
  udeblev uden afbud.", "For X mødte stedfortræder Y (F).";
* present, named: "Susanne Buch, Nicolaj Bang og Erik Vinther deltog via video.", "X og Y
  deltog som suppleanter.", "X mødte frem kl. 18.27 …", "X forlod mødet …", "X erklærede
  sig inhabil og forlod …", "Per Larsen havde meddelt, at han var forsinket.";
* part of the meeting: "Maria Gudme (A) deltog ikke i sagens behandling.", "X deltog ikke i
  punkterne 2 – 11": the person took part in the meeting; the item records the absence;
* attendees besides the members, with title, organisation and role: "Fra Engbo Administration
  deltog driftschef Mette Svane (referent) og …", "deltog endvidere revisor Claus Erbs,
  Revisorhuset Nord", "Desuden deltog: Faglig sekretær Hans Viborg (referent)".

The phrases are data (``vocab.ATTENDANCE_PHRASES``): each says where the names stand (before
or after it) and what it says of them. Names are read as a list ("A, B og C"), each a
capitalised name with an optional party letter "(A)"; a title before a name ("1. suppleant
Thomas Bryde-Procida", "borgmester …") is not part of it. A sentence that names nobody says
nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..names import NAME
from ..vocab import (
    ABBREVIATIONS,
    ABSENCE_REASONS,
    ATTENDANCE_PHRASES,
    PARTY_LETTERS,
    SUBSTITUTE_LABELS,
)
from .persons import names_after_title, parse_person_line

_PHRASES = tuple(
    (re.compile(pattern, re.I), side, effect) for pattern, side, effect in ATTENDANCE_PHRASES
)
# Every phrase holds one of these stems: a line without any says nothing about attendance.
_PROBES = ("fbud", "FBUD", "ravær", "RAVÆR", "deltog", "mødt", "mødte", "udeblev", "forlod",
           "inhabil", "stedfortræder", "kom ", "ankom", "forsinket", "undtagen", "bortset", "suppleant",
           "Stedfortræder", "Suppleant", "til stede")  # fmt: skip
_ABBREV = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? then a capital or a digit, not after an initial ("Niels E. Bjerrum")
# or an abbreviation ("kl. 15.30").
_SENTENCE_END = re.compile(rf"(?<!\b\p{{Lu}}\.)(?<!\b(?i:{_ABBREV}))(?<=[.!?])\s+(?=[\p{{Lu}}\d])")
# Between the names of a list, once whitespace is normalised to single spaces.
_PARENS = re.compile(r"\s*\([^()]*\)")
_LIST_SEPARATOR = re.compile(r" ?, (?:og )?| og | samt ")
_PARTY = "|".join(sorted(PARTY_LETTERS, key=len, reverse=True))
_PARTY_AFTER = re.compile(rf"^(.*?)\s*\(({_PARTY})\)\s*$")
_PARTICLES = frozenset({"la", "le", "von", "van", "de", "der", "du"})
# A relative clause closing a list: "…, Martin Merrild og Tove Videbæk, der havde meldt afbud"
_RELATIVE = (", der ", ", som ", ", hvilket ", " der ", " som ")
# "deltog ikke i punkterne 2 – 11", "punkt 3", "punkt 3 og 5"
_ITEM_RANGE = re.compile(
    r"\bpunkt(?:erne|et)?\s+(\d{1,3})(?:\s*(?:[-–]|og|til)\s*(\d{1,3}))?", re.I
)
_MAX_NAMES = 40
# "Ib Dam var fraværende (sygdom).": the reason in parentheses right after the phrase
_REASON_AFTER = re.compile(r"\s*\((\p{L}+(?:\s\p{L}+)?)\)")


@dataclass(frozen=True, slots=True)
class Fact:
    """What one sentence says of one person."""

    name: str
    party: str | None
    effect: str  # "absent", "present", "partial", "substitute"
    reason: str | None  # "afbud", "uden afbud", … for absences
    line: Line
    substitute_for: str | None = None
    items: tuple[int, ...] = ()  # the items a partial absence concerns, when printed
    title: str | None = None  # "titled" phrases: what the sentence says of the person
    organisation: str | None = None
    roles: tuple[str, ...] = ()
    attendee: bool = False  # came besides the members ("deltog endvidere"): listed or not
    wrapped: tuple[int, ...] = ()  # the lines the sentence ran on to (``_run_on``)


def might_say_attendance(text: str) -> bool:
    return any(probe in text for probe in _PROBES)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


_SUBSTITUTE_LABEL = re.compile(
    r"^(?:" + "|".join(sorted(SUBSTITUTE_LABELS, key=len, reverse=True)) + r")\s*:\s*(\S.*)$",
    re.I,
)


_SUBSTITUTE_HEADS = frozenset(SUBSTITUTE_LABELS)


def is_substitute_label(text: str) -> bool:
    """ "Stedfortrædere: X (V) for Y (V)": a line of substitute pairs, read here, not a list;
    also the label alone, its pairs on the lines below."""
    return _SUBSTITUTE_LABEL.match(text) is not None or _is_bare_substitute_label(text)


def _is_bare_substitute_label(text: str) -> bool:
    return text.rstrip(":").strip().casefold() in _SUBSTITUTE_HEADS


def read_attendance(lines: Sequence[Line]) -> list[Fact]:
    """Every attendance fact in these lines, in order (a line's sentences one by one)."""
    facts: list[Fact] = []
    pairs_below = False  # under a bare "Stedfortræder" label: "Tina Vang (V) for Ib Frost (V)"
    skip = 0
    for at, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        text = line.stripped
        if pairs_below and " for " in text:
            facts.extend(_substitute_pairs(text, line))
            continue
        pairs_below = bool(text) and text[:1] in "SsMm" and _is_bare_substitute_label(text)
        if not text or not might_say_attendance(text):
            continue
        labelled = _SUBSTITUTE_LABEL.match(text)
        if labelled is not None:
            facts.extend(_substitute_pairs(labelled.group(1), line))
            continue
        wrapped = _run_on(lines, at)
        if wrapped:
            text = " ".join([text, *(ln.stripped for ln in wrapped)])
            skip = len(wrapped)
        found = [
            f for part in sentences(text) if might_say_attendance(part) for f in _facts(part, line)
        ]
        if wrapped:
            nos = tuple(ln.no for ln in wrapped)
            found = [replace(f, wrapped=nos) for f in found]
        facts.extend(found)
    return facts


def _run_on(lines: Sequence[Line], at: int) -> list[Line]:
    """The lines a sentence wraps onto: it ends without a full stop and the next line goes on
    in lower case or with a parenthesis ("Fra administrationen deltog … specialkonsulent Lars
    Winther" over "(referent)."). Lines wrap this way in text typed to a width and in PDFs."""
    run: list[Line] = []
    text = lines[at].stripped
    while text[-1:] not in ".!?:" and at + 1 < len(lines):
        at += 1
        following = lines[at].stripped
        if not following or not (following[0] == "(" or following[0].islower()):
            break
        run.append(lines[at])
        text = following
    return run


def statement_lines(lines: Sequence[Line], facts: Sequence[Fact]) -> set[int]:
    """The line numbers attendance statements used: each line a fact was read from, and a bare
    substitute label over such a line ("Stedfortræder" above "Tina Vang (V) for Ib Frost (V)")."""
    used = {fact.line.no for fact in facts}
    used.update(no for fact in facts for no in fact.wrapped)
    for above, below in itertools.pairwise(lines):
        if below.no in used and _is_bare_substitute_label(above.stripped):
            used.add(above.no)
    return used


def _facts(sentence: str, line: Line) -> list[Fact]:
    found: list[Fact] = []
    absent_here: list[str] = []
    mentions_afbud = "afbud" in sentence.casefold()
    for pattern, side, effect in _PHRASES:
        for m in pattern.finditer(sentence):
            kind, _, reason = effect.partition(":")
            if side == "titled":
                found.extend(_attendees(sentence[m.end() :], m.groupdict().get("org"), line))
                continue
            if side == "away_first":  # "For X mødte stedfortræder Y"
                away = _person(m.group("away"), trailing=False)
                if away is None:
                    continue
                found.append(Fact(away[0], away[1], "absent", None, line))
                for name, party in names_after(sentence[m.end() :])[:1]:
                    found.append(Fact(name, party, "substitute", None, line, away[0]))
                continue
            if side == "both":  # "Y deltog i stedet for X"
                replaced = names_after(sentence[m.end() :])[:1]
                for name, party in replaced:
                    found.append(Fact(name, party, "absent", None, line))
                for name, party in names_before(sentence[: m.start()])[-1:]:
                    instead = replaced[0][0] if replaced else None
                    found.append(Fact(name, party, "substitute", None, line, instead))
                continue
            before = side == "before"
            names = (
                names_before(sentence[: m.start()]) if before else names_after(sentence[m.end() :])
            )
            if not names and before and kind == "partial":
                names = _first_name_subject(sentence[: m.start()])
            if kind == "absent" and not reason and not before and mentions_afbud:
                reason = "afbud"  # "… undtagen A og B, der havde meldt afbud"
            if kind == "absent" and before and (why := _REASON_AFTER.match(sentence, m.end())):
                reason = ABSENCE_REASONS.get(why.group(1).casefold(), reason)  # "… (sygdom)"
            for name, party in names:
                if kind == "substitute":
                    instead = absent_here[-1] if absent_here else None
                    found.append(Fact(name, party, kind, None, line, substitute_for=instead))
                    continue
                if kind == "absent":
                    absent_here.append(name)
                if kind in _PART_TIME:  # "deltog fra punkt 2": away for the items before
                    items = _PART_TIME[kind](_items(sentence[m.start() :]))
                    kind = "partial" if items else "present"
                else:
                    items = _items(sentence[m.end() :]) if kind == "partial" else ()
                found.append(Fact(name, party, kind, reason or None, line, items=items))
    return found


# A first name alone as the subject: "Tage deltog ikke under dette punkt, fordi …" (a lokalråd's
# minutes call members by first name). Only the item's reading uses it, and only for the one
# participant of that first name (``people._by_first_name``).
_FIRST_NAME = re.compile(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$")


def _first_name_subject(text: str) -> list[tuple[str, str | None]]:
    text = text.strip()
    return [(text, None)] if _FIRST_NAME.match(text) else []


def _attendees(text: str, org: str | None, line: Line) -> list[Fact]:
    """ "driftschef Mette Svane (referent) og ejendomsmester Frederik Lau", "statsautoriseret
    revisor Claus Erbs, Revisorhuset Nord": each person with a title before the name and an
    organisation after it. A part after a titled person that is no titled person itself is that
    person's affiliation; in a list of plain names ("A, B og C") each part is a person."""
    text = _before_relative(_spaced(text).rstrip(".!?:;"))
    chunks: list[list[str]] = []
    for part in (p.strip() for p in _LIST_SEPARATOR.split(text)[:_MAX_NAMES]):
        titled = names_after_title(part)
        bare = _PARENS.sub("", part).strip()
        if titled or (NAME.match(bare) and not (chunks and names_after_title(chunks[-1][0]))):
            chunks.append([part])
        elif chunks and part[:1].isupper():
            chunks[-1].append(part)
        else:
            break
    facts: list[Fact] = []
    for chunk in chunks:
        entry = parse_person_line(", ".join(chunk), line, Diagnostics())
        if entry is None:
            break
        facts.append(
            Fact(entry.name, entry.party, "present", None, line, title=entry.title,
                 organisation=entry.organisation or org, roles=tuple(entry.roles), attendee=True)
        )  # fmt: skip
    return facts


def _substitute_pairs(value: str, line: Line) -> list[Fact]:
    """ "Lars Bygholm (V) for Jesper Holm (V), Inger Thorup (A) for Anne Sofie Mørk (A)": each
    pair a substitute present and the member away; a name alone is a substitute for nobody
    named."""
    found: list[Fact] = []
    text = _spaced(value).rstrip(".")
    for phrase in _STANDS_IN:
        text = text.replace(phrase, " for ")
    # "Rikke Buus, Gadeplan Kildeby, deltog for Leif Thorup": the stand-in's organisation
    # between the commas, the pair's "for" in a part of its own
    pending: tuple[str, str | None, str | None] | None = None  # a stand-in waiting for "for"
    chunks = (*text.split(", "), "")
    for k, chunk in enumerate(chunks):
        if pending is not None and chunk.startswith("for "):
            chunk = f"{pending[0]} {chunk}"
            org = pending[2]
            pending = None
        elif (
            pending is not None
            and chunk[:1].isupper()
            and (_person(chunk, trailing=False) is None or chunks[k + 1].startswith("for "))
        ):
            pending = (pending[0], pending[1], chunk)  # the organisation
            continue
        else:
            if pending is not None:  # a name alone: a substitute for nobody named
                found.append(Fact(pending[0], pending[1], "substitute", None, line,
                                  organisation=pending[2]))  # fmt: skip
                pending = None
            org = None
        stand_in, _, replaced = chunk.partition(" for ")
        stand_in, noted = _without_note(stand_in)
        person = _person(stand_in, trailing=False)
        if person is None:
            continue
        if not replaced:
            pending = (person[0], person[1], noted or org)
            continue
        away = _person(replaced, trailing=False)
        if away is not None:
            found.append(Fact(away[0], away[1], "absent", None, line))
        found.append(Fact(person[0], person[1], "substitute", None, line, away and away[0],
                          organisation=noted or org))  # fmt: skip
    return found


# "X i stedet for Y", "X deltog for Y", "X mødte for Y": the pair's "for" (single-spaced text)
_STANDS_IN = (" i stedet for ", " deltog for ", " mødte for ")
_NOTE_AFTER = re.compile(r"^(.*?)\s*\(([^()]{2,60})\)\s*$")


def _without_note(token: str) -> tuple[str, str | None]:
    """ "Line Haugaard (Yngre Læger)" -> ("Line Haugaard", "Yngre Læger"); a party letter
    "(V)" stays with the name."""
    m = _NOTE_AFTER.match(token.strip())
    if m is None or m.group(2) in PARTY_LETTERS:
        return token, None
    return m.group(1), m.group(2)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _before_relative(text: str) -> str:
    cuts = [k for k in (text.find(r) for r in _RELATIVE) if k >= 0]
    return text[: min(cuts)] if cuts else text


def names_after(text: str) -> list[tuple[str, str | None]]:
    """The names a phrase is followed by: "Thomas Hav", "A, B og C" (to the sentence end, or
    a relative clause ", der …")."""
    text = _before_relative(_spaced(text).rstrip(".!?:;"))
    names: list[tuple[str, str | None]] = []
    for token in _LIST_SEPARATOR.split(text)[:_MAX_NAMES]:
        person = _person(token, trailing=False)
        if person is None:
            break
        names.append(person)
    return names


def names_before(text: str) -> list[tuple[str, str | None]]:
    """The names a phrase is preceded by, read back from it: "Susanne Buch, Nicolaj Bang og
    Erik Vinther" before "deltog via video"; "… afbud, og Peter Steffensen" before "deltog i
    stedet" gives only Peter Steffensen."""
    text = _spaced(text).rstrip(",")
    if text.endswith((" der", " som")):
        text = text.rsplit(" ", 1)[0].rstrip(",")
    tokens = _LIST_SEPARATOR.split(text)[-_MAX_NAMES:]
    names: list[tuple[str, str | None]] = []
    for k in range(len(tokens) - 1, -1, -1):
        person = _person(tokens[k], trailing=k == len(tokens) - 1 or not names)
        if person is None:
            break
        names.append(person)
        if not NAME.match(tokens[k].strip()) and _PARTY_AFTER.match(tokens[k]) is None:
            break  # a name cut from a longer phrase ("suppleant Thomas X"): the list began here
    return names[::-1]


def _person(token: str, *, trailing: bool) -> tuple[str, str | None] | None:
    """One list token as (name, party): "Niels E. Bjerrum (A)", "Jørgen Winther"; with
    ``trailing``, the capitalised run a longer phrase ends with ("1. suppleant Thomas X")."""
    token = token.strip().strip(",.")
    party = None
    m = _PARTY_AFTER.match(token)
    if m is not None:
        token, party = m.group(1).strip(), m.group(2)
    if NAME.match(token):
        return token, party
    if trailing:
        run = _trailing_name(token)
        if run is not None and NAME.match(run):
            return run, party
    return None


def _trailing_name(token: str) -> str | None:
    """The capitalised words a longer phrase ends with: "1. suppleant Thomas Bryde-Procida"
    -> "Thomas Bryde-Procida" (at least two words, and not the whole phrase)."""
    words = token.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _PARTICLES):
        k -= 1
    run = words[k:]
    return " ".join(run) if len(run) >= 2 and k > 0 else None


def _before_item(items: tuple[int, ...]) -> tuple[int, ...]:
    """ "X deltog fra punkt 3", "X kom under punkt 3": away for items 1-2."""
    return tuple(range(1, items[0])) if items and 1 < items[0] < 100 else ()


def _after_item(items: tuple[int, ...]) -> tuple[int, ...]:
    """ "X forlod mødet efter punkt 5": away for the items after 5 (those the meeting has)."""
    return tuple(range(items[-1] + 1, items[-1] + 100)) if items and items[-1] < 100 else ()


_PART_TIME = {"late": _before_item, "left": _after_item}


def _items(text: str) -> tuple[int, ...]:
    m = _ITEM_RANGE.search(text[:60])
    if m is None:
        return ()
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) else first
    return tuple(range(first, last + 1)) if 0 < last - first < 100 else (first, last)
