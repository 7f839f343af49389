"""People: participants, their party, organisation, title, group, roles, attendance and absences.

Serves the forms of the seeds:

* one comma list where commas separate both people and affiliations (000): "Mødedeltagere
  Stephanie Lose, V (orlov) (Fravær), Bo Libergren, V, …, Stephanie Storbak, Billund Kommune,
  …, Sys Melchior, PLO" — each name is paired with the affiliation that follows it;
* grouped lists in a "Deltagere" item (001): "Afbud fra:" then one name a line, then group
  headings ("Direktørforum:", "Chefforum", "Sekretariat") over "Name, Title (medformand)" lines,
  then "Ordstyrer: Eva Sejersdal Knudsen" (a role of someone listed, not a new person);
* one person a paragraph after "Mødedeltagere:" (002, 003): "Peter Sørensen, borgmester
  Horsens Kommune (A) (kommunal medformand) (mødeleder)";
* absences and substitutes in decision prose (002): "Der var afbud fra Henrik Qvist, Ole Vind
  og Lone Jakobi." and "Kristine Lindeneg Drejødeltog i stedet for Rikke Skou Jensen." (the
  glued "Drejødeltog" is a PDF-extraction artefact: the verb is split off the name);
* item-level absence lines (000): "Fraværende Stephanie Lose, V (orlov)".

People who are only mentioned in the text are not participants. A line that looks like a
participant line but cannot be split cleanly gets ``participant-unsplit``, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex as re

from ..diagnostics import Diagnostics
from ..layout.blocks import ItemBlocks, absent_names_text, decision_lines
from ..lines import Line
from ..models import Participant
from ..vocab import (
    ABSENCE_REASONS,
    ORGANISATION_MARKERS,
    PARTICIPANT_HEADINGS,
    PARTY_LETTERS,
    ROLES,
    TITLE_WORDS,
)

_PARTIES = frozenset(PARTY_LETTERS)
_ROLES = frozenset(ROLES)
_HEADINGS = frozenset(PARTICIPANT_HEADINGS)
# Name: 2-6 words, each capitalised (hyphens, initials "G.", particles "la"/"von"/"de").
_NAME_WORD = r"(?:\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{Lu}?[\p{Ll}\p{Lu}]+)*\.?|la|le|von|van|de|der|du)"
NAME = re.compile(rf"^\p{{Lu}}[\p{{L}}'’.-]*(?:\s+{_NAME_WORD}){{1,5}}$")
_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
_ORG_MARKER = re.compile(r"(?:" + "|".join(ORGANISATION_MARKERS) + r")", re.I)
_TITLE_WORD = re.compile(r"(?:" + "|".join(TITLE_WORDS) + r")", re.I)
# "borgmester Horsens Kommune": a lower-case title followed by a capitalised organisation.
_TITLE_THEN_ORG = re.compile(r"^(\p{Ll}[\p{L}\s-]*?)\s+(\p{Lu}.*)$")
# "Direktør i Region Nordjylland": the organisation after " i ".
_IN_ORG = re.compile(r"\si\s(\p{Lu}[\p{L}\s-]*)$")
_ABSENT_HEAD = re.compile(r"^(?:afbud(?:\s+fra)?|fraværende|fravær|ikke til stede)\s*:?$", re.I)
# The letters _ABSENT_HEAD can start with, as its IGNORECASE matches them ("İ" folds to "i").
_ABSENT_HEAD_INITIALS = frozenset("aAfFiIİ")
# The first letters (case-folded) of the headings that open a list: a cheap test first.
_LIST_INITIALS = frozenset(h[0] for h in PARTICIPANT_HEADINGS) | {
    ch.casefold()[:1] for ch in _ABSENT_HEAD_INITIALS
}
_ROLE_LABEL = re.compile(r"^(\p{L}+)\s*:\s*(\S.{1,80})$")
# "Der var afbud fra Henrik Qvist, Ole Vind og Lone Jakobi."
_PROSE_AFBUD = re.compile(
    r"\b(?:afbud|meldt afbud|fraværende)\s+(?:fra|var)\s+([^.;:]{3,300})", re.I
)
# Substrings one of which a line must hold for _PROSE_AFBUD to match ("Afbud", "AFBUD",
# "fraværende"): a cheap test before the pattern.
_PROSE_AFBUD_PROBES = ("fbud", "ravær", "FBUD", "RAVÆR")
# "Kristine Lindeneg Drejødeltog i stedet for Rikke Skou Jensen." (glued verb tolerated):
# the verb phrase is found first (a plain alternation: linear), then the names are read in
# bounded windows on either side, so no pattern ever scans the whole line per position.
_SUBSTITUTE_VERB = re.compile(
    r"(?:deltog|mødte|deltager|møder)\s{1,3}(?:i stedet for|som stedfortræder for|for)\s{1,3}"
)
_NAME_BEFORE = re.compile(r"(\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}*){0,5}) ?$")
_NAME_AFTER = re.compile(r"^(\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+){0,4})")
_WINDOW = 80


@dataclass(slots=True)
class Entry:
    """A person as read from one list line, before attendance is settled."""

    name: str
    line: Line
    party: str | None = None
    organisation: str | None = None
    title: str | None = None
    group: str | None = None
    roles: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


# --- public API ------------------------------------------------------------------------------


def absent_names(lines: Sequence[Line]) -> list[str]:
    """Names from item-level lines: "Fraværende Stephanie Lose, V (orlov)" -> ["Stephanie Lose"]."""
    names: list[str] = []
    for line in lines:
        text = absent_names_text(line)
        if text:
            names.extend(e.name for e in split_inline_list(text, line, Diagnostics()))
    return names


def extract_participants(
    header: Sequence[Line],
    item_blocks: Sequence[ItemBlocks],
    absence_lines: Sequence[Line],
    diags: Diagnostics,
) -> list[Participant]:
    """Everyone listed, with attendance settled from lists, prose and absence lines."""
    entries, absent_heads = _listed(header, item_blocks, diags)
    cast = _settle(entries, absent_heads)
    _apply_prose(cast, item_blocks, diags)
    _check_item_absences(cast, absence_lines, diags)
    return cast


def as_invited(cast: list[Participant]) -> list[Participant]:
    """In an agenda nobody has attended or sent regrets yet."""
    return [p.model_copy(update={"attendance": "unknown", "absence_reason": None}) for p in cast]


# --- finding the lists -----------------------------------------------------------------------


def _is_heading(text: str) -> bool:
    return text.rstrip(":").strip().casefold() in _HEADINGS


def _listed(
    header: Sequence[Line],
    item_blocks: Sequence[ItemBlocks],
    diags: Diagnostics,
) -> tuple[list[Entry], list[Entry]]:
    entries: list[Entry] = []
    absent: list[Entry] = []
    entries.extend(_header_lists(header, diags))
    for item in item_blocks:
        whole_item = _is_heading(item.title)  # 001 "Punkt 1: Deltagere"
        for block in item.blocks:
            if block.kind == "bilag":
                continue
            found, regrets = _read_block_lists(block.lines, whole_item, diags)
            entries.extend(found)
            absent.extend(regrets)
    return entries, absent


def _header_lists(header: Sequence[Line], diags: Diagnostics) -> list[Entry]:
    """Participant lists in the meeting header, in either of two forms:
    000's inline list ("Mødedeltagere Name, V, Name, Billund Kommune, …"), which may wrap onto
    further lines (PDF text), or a "Mødedeltagere:" heading over one person a line or
    paragraph (the 002/003 form, placed in the header instead of an item)."""
    content = [ln for ln in header if not ln.blank]
    for i, line in enumerate(content):
        label, _, rest = line.stripped.partition(" ")
        if rest and _is_heading(label):
            text = rest
            for following in content[i + 1 :]:
                if not _continues_inline_list(text, following.stripped):
                    break
                text = f"{text} {following.stripped}"
            return split_inline_list(text, line, diags)
        if _is_heading(line.stripped):
            found, _ = _read_block_lists(content[i:], False, diags)
            return found
    return []


def _continues_inline_list(text: str, following: str) -> bool:
    """A wrapped inline list: the text so far ends with a comma, or the next line is itself
    a run of short comma-separated names and affiliations (no sentence, no "Label: value")."""
    if not following or following.endswith((".", ":")) or _is_heading(following.split()[0]):
        return False
    if text.rstrip().endswith(","):
        return True
    parts = [p.strip() for p in following.split(",")]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 5 for p in parts)


def _read_block_lists(
    lines: Sequence[Line], whole_item: bool, diags: Diagnostics
) -> tuple[list[Entry], list[Entry]]:
    """Person lists in one block: after "Mødedeltagere:", "Afbud fra:", or group headings
    when the item itself is the participant item (001 "Punkt 1: Deltagere")."""
    content = [ln for ln in lines if not ln.blank]
    entries: list[Entry] = []
    absent: list[Entry] = []
    mode: str | None = "list" if whole_item else None
    group: str | None = None
    for i, line in enumerate(content):
        text = line.stripped
        if mode is None and (len(text) >= 40 or text[:1].casefold()[:1] not in _LIST_INITIALS):
            continue  # outside a list only a short heading ("Afbud fra:") starts one
        if _is_heading(text) and len(text) < 40:
            mode, group = "list", None
        elif text[:1] in _ABSENT_HEAD_INITIALS and _ABSENT_HEAD.match(text):
            mode, group = "absent", None
        elif mode is None:
            continue
        elif _group_heading(text, content, i):
            mode, group = "list", text.rstrip(":").strip()
        elif (role := _role_label(text)) is not None:
            entries.append(Entry(name=role[1], line=line, roles=[role[0]], extra=["role-only"]))
        elif mode == "absent" and NAME.match(text):
            absent.append(Entry(name=text, line=line, reasons=["afbud"]))
        elif _is_prose(text):
            mode = None  # a sentence ends the list ("Der var afbud fra …" is read later)
        elif "," in text or NAME.match(text):
            entry = parse_person_line(text, line, diags)
            if entry is None:
                mode = None
                continue
            entry.group = group
            entries.append(entry)
        else:
            mode = None  # the list ended
    return entries, absent


def _is_prose(text: str) -> bool:
    return text.endswith((".", "?", "!")) and len(text.split()) > 8


def _group_heading(text: str, content: Sequence[Line], i: int) -> bool:
    """ "Direktørforum:", "Chefforum": short, no comma, and a person line follows."""
    if "," in text or len(text) > 40 or len(text.split()) > 3 or text.endswith("."):
        return False
    if NAME.match(text.rstrip(":")) and not text.endswith(":"):
        return False
    following = content[i + 1].stripped if i + 1 < len(content) else ""
    return "," in following and NAME.match(following.partition(",")[0].strip()) is not None


def _role_label(text: str) -> tuple[str, str] | None:
    m = _ROLE_LABEL.match(text)
    if m is None or m.group(1).casefold() not in _ROLES or not NAME.match(m.group(2).strip()):
        return None
    return m.group(1).casefold(), m.group(2).strip()


# --- reading one person ----------------------------------------------------------------------


def _take_parentheses(text: str, entry: Entry) -> str:
    """Strip trailing "(A)", "(regional medformand)", "(orlov)" into party, roles, reasons."""
    if "(" not in text:
        return text.strip().rstrip(",").strip()
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        folded = inner.casefold()
        if inner in _PARTIES:
            entry.party = inner
        elif folded in ABSENCE_REASONS:
            entry.reasons.append(ABSENCE_REASONS[folded])
        elif folded in _ROLES:
            entry.roles.append(folded)
        else:
            entry.extra.append(f"({inner})")
    return _PAREN.sub("", text).strip().rstrip(",").strip()


def parse_person_line(text: str, line: Line, diags: Diagnostics) -> Entry | None:
    """ "Name, title, Organisation (A) (role)" -> Entry; None (with a diagnostic) if unsplittable."""
    entry = Entry(name="", line=line)
    rest = _take_parentheses(text, entry)
    name, _, tail = rest.partition(",")
    name = name.strip()
    if not NAME.match(name):
        diags.add("participant-unsplit", at=line, text=text[:80])
        return None
    entry.name = name
    titles: list[str] = []
    previous_org = False
    for part in (p.strip() for p in tail.split(",")):
        if not part:
            continue
        if previous_org and _is_org_unit(part):  # "Region Midtjylland, Hospitalsenhed Vest"
            entry.organisation = f"{entry.organisation}, {part}"
            continue
        had_org = entry.organisation is not None
        _classify_part(part, entry, titles)
        previous_org = not had_org and entry.organisation == part
    if titles:
        entry.title = ", ".join(titles + entry.extra)
    elif entry.extra:
        entry.title = " ".join(entry.extra)
    if entry.title and entry.organisation is None:
        m = _IN_ORG.search(entry.title)
        if m is not None and _ORG_MARKER.search(m.group(1)):
            entry.organisation = m.group(1).strip()
    return entry


def _is_org_unit(part: str) -> bool:
    """A capitalised part right after the organisation that is not a title or a party: a unit
    of that organisation (the organisation's name contains a comma)."""
    return part[0].isupper() and part not in _PARTIES and not _TITLE_WORD.search(part)


def _classify_part(part: str, entry: Entry, titles: list[str]) -> None:
    if part in _PARTIES:
        entry.party = part
    elif part[0].islower():
        m = _TITLE_THEN_ORG.match(part)
        if (
            m is not None
            and not m.group(1).endswith(" i")  # "læge i Aarhus Kommune": the org stays in the title
            and _ORG_MARKER.search(m.group(2))
            and entry.organisation is None
        ):
            titles.append(m.group(1).strip())
            entry.organisation = m.group(2).strip()
        else:
            titles.append(part)
    elif _TITLE_WORD.search(part) and not _ORG_MARKER.search(part.split(" i ")[0]):
        titles.append(part)  # "Sygeplejefaglig direktør", "Direktør i Region Nordjylland"
    elif entry.organisation is None:
        entry.organisation = part
    else:
        titles.append(part)


def split_inline_list(text: str, line: Line, diags: Diagnostics) -> list[Entry]:
    """000's one-line list: comma tokens alternate names and the affiliations after them."""
    entries: list[Entry] = []
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        probe = Entry(name="", line=line)
        bare = _take_parentheses(token, probe)
        if bare in _PARTIES and entries:
            _merge_affiliation(entries[-1], probe, party=bare)
        elif _ORG_MARKER.search(bare) and entries and entries[-1].organisation is None:
            _merge_affiliation(entries[-1], probe, organisation=bare)
        elif NAME.match(bare):
            probe.name = bare
            entries.append(probe)
        else:
            diags.add("participant-unsplit", at=line, text=token[:80])
    return entries


def _merge_affiliation(
    entry: Entry, probe: Entry, *, party: str | None = None, organisation: str | None = None
) -> None:
    entry.party = party or entry.party
    entry.organisation = organisation or entry.organisation
    entry.roles.extend(probe.roles)
    entry.reasons.extend(probe.reasons)


# --- settling who is who ---------------------------------------------------------------------


def same_person(a: str, b: str) -> bool:
    """Exact, or first and last name agree ("Daniel Simonsen" ~ "Daniel Kjærsgaard Simonsen")."""
    return _same_words(a.casefold().split(), b.casefold().split())


def _same_words(x: list[str], y: list[str]) -> bool:
    return x == y or (len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and x[-1] == y[-1])


def _find(cast: Sequence[Participant], name: str) -> Participant | None:
    """The participant of that name; else the only one ``same_person`` matches."""
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
    return close[0] if len(close) == 1 else None


def _reason(reasons: Iterable[str]) -> str | None:
    """The most specific reason: "orlov" over "afbud" over "fravær"."""
    found = set(reasons)
    for reason in ("orlov", "afbud", "fravær"):
        if reason in found:
            return reason
    return None


def _settle(entries: Sequence[Entry], absent_heads: Sequence[Entry]) -> list[Participant]:
    cast: list[Participant] = []
    for entry in entries:
        if "role-only" in entry.extra:
            continue
        known = _find(cast, entry.name)
        if known is not None:
            continue
        reason = _reason(entry.reasons)
        cast.append(
            Participant(
                name=entry.name, party=entry.party, organisation=entry.organisation,
                title=entry.title, group=entry.group, roles=list(dict.fromkeys(entry.roles)),
                attendance="absent" if reason else "present", absence_reason=reason,
                line=entry.line.no, page=entry.line.page,
            )
        )  # fmt: skip
    for entry in entries:  # "Ordstyrer: Name" adds a role to someone listed
        if "role-only" in entry.extra and (person := _find(cast, entry.name)) is not None:
            person.roles = list(dict.fromkeys([*person.roles, *entry.roles]))
    for regret in absent_heads:  # "Afbud fra:" names the listed people who sent regrets
        person = _find(cast, regret.name)
        if person is None:
            person = Participant(name=regret.name, line=regret.line.no, page=regret.line.page)
            cast.append(person)
        person.attendance, person.absence_reason = "absent", "afbud"
    return cast


def _apply_prose(
    cast: list[Participant],
    item_blocks: Sequence[ItemBlocks],
    diags: Diagnostics,
) -> None:
    """Absences and substitutes written in decision prose (002 item 1), line by line."""
    if not cast:
        return
    for _, line in decision_lines(item_blocks):
        _read_prose_line(cast, line, diags)


def _read_prose_line(cast: list[Participant], line: Line, diags: Diagnostics) -> None:
    text = line.text
    if any(word in text for word in _PROSE_AFBUD_PROBES):
        for m in _PROSE_AFBUD.finditer(text):
            for name in _split_names(m.group(1)):
                _mark_absent(cast, name, "afbud", line.no, diags)
    if "for " in text and ("delt" in text or "møde" in text):  # the verbs _SUBSTITUTE_VERB needs
        for found in _substitutions(text):
            _add_substitute(cast, *found, line.no, diags)


def _split_names(text: str) -> list[str]:
    """ "Henrik Qvist, Ole Vind og Lone Jakobi" -> three names."""
    joined = " ".join(text.split()).replace(" og ", ",")
    return [name.strip() for name in joined.split(",") if name.strip()]


def _substitutions(text: str) -> list[tuple[str, str]]:
    """(substitute, replaced) pairs of "X deltog i stedet for Y" in one line."""
    pairs = []
    for m in _SUBSTITUTE_VERB.finditer(text):
        before = _NAME_BEFORE.search(text[max(0, m.start() - _WINDOW) : m.start()])
        after = _NAME_AFTER.match(text[m.end() : m.end() + _WINDOW])
        if before is not None and after is not None:
            pairs.append((before.group(1).strip(), after.group(1).strip()))
    return pairs


def _mark_absent(
    cast: list[Participant], name: str, reason: str | None, line: int, diags: Diagnostics
) -> None:
    if not NAME.match(name):
        return
    person = _find(cast, name)
    if person is None:
        diags.add("absent-unknown", at=Line(line, ""), name=name)
        return
    person.attendance = "absent"
    person.absence_reason = person.absence_reason or reason


def _add_substitute(
    cast: list[Participant], name: str, replaced: str, line: int, diags: Diagnostics
) -> None:
    if not NAME.match(name):
        return
    _mark_absent(cast, replaced, None, line, diags)
    if _find(cast, name) is None:
        original = _find(cast, replaced)
        cast.append(
            Participant(
                name=name, attendance="present", line=line,
                substitute_for=original.name if original else replaced,
            )
        )  # fmt: skip


def _check_item_absences(
    cast: Sequence[Participant], absence_lines: Sequence[Line], diags: Diagnostics
) -> None:
    """Names on "Fraværende …" lines must be participants (000: "Stephanie Lose")."""
    if not cast:
        return
    for line in absence_lines:
        for name in absent_names([line]):
            if _find(cast, name) is None:
                diags.add("absent-unknown", at=line, name=name)
