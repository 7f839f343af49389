"""Reading one person, or one line of people: name, party, organisation, title, roles.

Serves the participant lines of every layout:

* "Name, title, Organisation (A) (role)" (002, 003): "Peter Sørensen, borgmester Horsens
  Kommune (A) (kommunal medformand) (mødeleder)";
* 000's comma list, where commas separate people and their affiliations: "Stephanie Lose, V
  (orlov) (Fravær), Bo Libergren, V, …, Stephanie Storbak, Billund Kommune, …";
* a comma list of names only (Aabenraa's "Medlemmer: Arne Leyh Petersen, Kurt Andresen, …";
  RSD's "Carl Holst, Poul Weber, …, Kent Kirk."), a first name alone ("Jens,") kept as printed;
* a title before the name: "Overborgmester Frank Jensen (A)", "Kontorchef Jens Holm, Vejle
  Kommune" (the name is "Jens Holm");
* a dash before a role or an absence: "Jens Holm (A) - formand", "Jens Holm (C), næstformand
  - afbud".

A line that cannot be split cleanly gets ``participant-unsplit``, never a guess: names run
together without separators ("Jens Holm Karen Lund Peter Bo Nielsen") are not split into
invented two-word names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..names import LIST_MARKER, NAME
from ..vocab import (
    ABSENCE_REASONS,
    CHAIR_FORUM_WORDS,
    ORGANISATION_MARKERS,
    PARTY_LETTERS,
    ROLES,
    STANDS_IN_FOR,
    TITLE_WORDS,
)

_PARTIES = frozenset(PARTY_LETTERS)
_ROLES = frozenset(ROLES)
_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
# "(stedfortræder for Anja Sommer)", "(1. suppleant, deltog i stedet for Torben Ulv)"
_STANDS_IN = re.compile(
    r"(?:^|,\s*|\s)(?:(?i:deltog)\s+)?(?i:"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(STANDS_IN_FOR, key=len, reverse=True))
    + r")\s+(\p{Lu}[\p{L}'\-]*\.?(?:\s+\p{Lu}[\p{L}'\-]*\.?){0,4})\s*$"
)
_ORG_MARKER = re.compile(r"(?:" + "|".join(ORGANISATION_MARKERS) + r")", re.I)
# A title word ends its word, maybe inflected ("driftschef", "Overlæge", "chefen"), so an
# organisation holding one inside a word ("Revisorhuset Nord", "Lægehuset") is no title.
_TITLE_WORD = re.compile(
    r"(?:" + "|".join(map(re.escape, TITLE_WORDS)) + r")(?:en|er|erne|e|s)?(?![\p{L}])", re.I
)
# "borgmester Horsens Kommune": a lower-case title followed by a capitalised organisation.
_TITLE_THEN_ORG = re.compile(r"^(\p{Ll}[\p{L}\s-]*?)\s+(\p{Lu}.*)$")
# "Direktør i Region Nordjylland": the organisation after " i ".
_IN_ORG = re.compile(r"\si\s(\p{Lu}[\p{L}\s-]*)$")
# "Jens Holm (A) - formand": a spaced dash before a role, title or absence.
_DASHES = (" - ", " – ")
# Names run together: more words than a name has, with no separator at all.
_LONGEST_NAME = 5
# A chair's role compounded with a generic word for the forum ("udvalgsformand",
# "bestyrelsesnæstformand"): the role is the chair word it ends in, the word stays the title.
_CHAIR_WORDS = {
    forum + role: role
    for forum in CHAIR_FORUM_WORDS
    for role in ROLES
    if role.endswith("formand") and " " not in role
}
# "Mikael Thorsen (V) fra udvalget", "Ruth Kjær fra Sønderlyng Lokalråd": where the person
# comes from, after the name (a capitalised place is the organisation).
_FROM_TAIL = re.compile(r"\s+fra\s+(\S[^,]*)$")


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
    roster: bool = True  # listed as a member; False under "Til stede" (who came only)
    substitute_for: str | None = None  # "(stedfortræder for Anja Sommer)"


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
        elif (stands_in := _STANDS_IN.search(inner)) is not None:
            entry.substitute_for = stands_in.group(1)
            _take_role_words(inner[: stands_in.start()], entry)
        elif (role := _role_for_forum(folded)) is not None:
            entry.roles.append(role)  # "(sekretær for rådet)"
        elif "," in inner and any(part.strip() in _PARTIES for part in inner.split(",")):
            _take_parts(inner, entry)  # "(byrådsmedlem, A)": a title and a party
        elif entry.organisation is None and _names_an_organisation(inner):
            entry.organisation = inner  # "Amira Haddad (Somalisk Kulturforening)"
        else:
            entry.extra.append(f"({inner})")
    return _PAREN.sub("", text).strip().rstrip(",").strip()


def role_of(word: str) -> str | None:
    """ "formand" -> "formand"; "udvalgsformand" -> "formand"; "næstformand" -> "næstformand";
    "regionsrådsformand" (another body's chair) and other words -> None."""
    folded = word.casefold()
    return folded if folded in _ROLES else _CHAIR_WORDS.get(folded)


def _take_parts(inner: str, entry: Entry) -> None:
    """The comma parts of one parenthesis: party letters, roles, the rest kept as the title."""
    for part in (p.strip() for p in inner.split(",")):
        if part in _PARTIES:
            entry.party = part
        elif part.casefold() in _ROLES:
            entry.roles.append(part.casefold())
        elif part:
            entry.extra.append(part)


def _names_an_organisation(inner: str) -> bool:
    """ "Somalisk Kulturforening", "Ravnsbjerg Boligsociale Helhedsplan", "Balkan Netværket":
    a capitalised name of two to six words (or one with an organisation marker) that holds no
    title word and no figure: the association a member comes from."""
    words = inner.split()
    return (
        inner[:1].isupper()
        and (2 <= len(words) <= 6 or _ORG_MARKER.search(inner) is not None)
        and words[-1][:1].isupper()
        and not any(ch.isdigit() for ch in inner)
        and _TITLE_WORD.search(inner) is None
    )


def _role_for_forum(folded: str) -> str | None:
    """ "sekretær for kommissionen" -> "sekretær": a role and the forum it serves, written with
    a lower-case common noun (not "formand for Ældre Sagen", another body's chair)."""
    role, sep, forum = folded.partition(" for ")
    if not sep or role not in _ROLES or " " in forum:
        return None
    return role if forum.endswith(("en", "et", "ne")) else None


def _take_role_words(text: str, entry: Entry) -> None:
    """What stands before a substitute's "for X" in the parentheses: "1. suppleant" -> the
    role "suppleant"; other words are kept in the title."""
    for part in (p.strip() for p in text.split(",")):
        bare = LIST_MARKER.sub("", part).strip()
        if bare.casefold() in _ROLES:
            entry.roles.append(bare.casefold())
        elif bare:
            entry.extra.append(f"({part})")


def parse_person_line(text: str, line: Line, diags: Diagnostics) -> Entry | None:
    """ "Name, title, Organisation (A) (role)" -> Entry; None (with a diagnostic) if unsplittable.
    A list marker ("• ", "1. ") goes first; a title before the name ("Overborgmester Frank
    Jensen (A)") becomes the title; parts after a spaced dash count as comma parts ("Jens Holm
    (A) - formand")."""
    entry = Entry(name="", line=line)
    body = LIST_MARKER.sub("", text.strip())
    rest = _take_parentheses(dash_to_comma(body), entry)
    name, _, tail = rest.partition(",")
    name = name.strip()
    if not NAME.match(name) or (name and _TITLE_WORD.search(name.split()[0])):
        split = _title_before_name(name)
        if split is None and "," in rest:  # "Lektor, ph.d. Mogens Hauberg": titles, a comma
            split = _title_before_name(rest)
            tail = "" if split is not None else tail
        if split is None:
            diags.add("participant-unsplit", at=line, text=text[:80])
            return None
        title_first, name = split
        tail = f"{title_first}, {tail}" if tail.strip() else title_first
    entry.name = name
    titles: list[str] = []
    previous_org = False
    for part in (p.strip() for p in tail.split(",")):
        if not part:
            continue
        folded = part.casefold()
        if folded in ABSENCE_REASONS:  # "Jens Holm (C), næstformand - afbud"
            entry.reasons.append(ABSENCE_REASONS[folded])
            continue
        if folded in _ROLES:
            entry.roles.append(folded)
            continue
        if (stands_in := _STANDS_IN.match(part)) is not None:  # a cell "Stedfortræder for X"
            entry.substitute_for = stands_in.group(1)
            continue
        if (role := _role_for_forum(folded)) is not None:
            entry.roles.append(role)  # "sekretær for kommissionen", "formand for udvalget"
            continue
        if (chair := role_of(part)) is not None:
            entry.roles.append(chair)  # "udvalgsformand": the role, and the title as printed
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


def dash_to_comma(text: str) -> str:
    """ "Anne Holm – formand" -> "Anne Holm, formand": a spaced dash separates a person's parts."""
    text = " ".join(text.split())
    for dash in _DASHES:
        text = text.replace(dash, ", ")
    return text


def is_organisation(text: str) -> bool:
    """ "Billund Kommune", "PLO-Midtjylland", "Region Nordjylland": an organisation marker."""
    return _ORG_MARKER.search(text) is not None


def _title_before_name(text: str) -> tuple[str, str] | None:
    """ "Overborgmester Frank Jensen" -> ("Overborgmester", "Frank Jensen"); "1. suppleant
    Thomas Holm" -> ("1. suppleant", "Thomas Holm"): leading title words, then a name."""
    words = text.split()
    for k in range(1, min(4, len(words) - 1)):
        head, name = " ".join(words[:k]), " ".join(words[k:])
        if _TITLE_WORD.search(head) and NAME.match(name) and not _TITLE_WORD.search(words[k]):
            return head, name
    return None


def names_after_title(text: str) -> bool:
    """ "Fondens sekretær Helle Vinther (referent)": title words, then a name (one person's line
    with no comma in it)."""
    return _title_before_name(_PAREN.sub("", text).strip()) is not None


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


def split_inline_list(
    text: str, line: Line, diags: Diagnostics, *, labelled: bool = False
) -> list[Entry]:
    """A comma list on one line: names, each with the affiliations that follow it (000:
    "Stephanie Lose, V (orlov) (Fravær), Bo Libergren, V, Stephanie Storbak, Billund Kommune");
    names only ("Arne Leyh Petersen, Kurt Andresen og Egon Madsen."). Names run together with
    no separator are reported (``participant-unsplit``), never split by guessing. ``labelled``:
    a label promised names ("Afbud: Anders"), so a first name alone is one."""
    text = text.strip().rstrip(".")
    named = _list_tokens(text)
    if len(named) == 1 and len(named[0].split()) > _LONGEST_NAME:
        diags.add("participant-unsplit", at=line, text=text[:80])
        return []
    entries: list[Entry] = []
    for token in named:
        probe = Entry(name="", line=line)
        bare = _take_from_tail(_take_parentheses(LIST_MARKER.sub("", token), probe), probe)
        if bare in _PARTIES and entries:
            _merge_affiliation(entries[-1], probe, party=bare)
        elif entries and (role := role_of(bare)) is not None:
            # "Karen Juhl (V), udvalgsformand, Thomas Bager (A)": the role of the name before
            entries[-1].roles.append(role)
            if role != bare.casefold():
                entries[-1].title = entries[-1].title or bare
        elif (split := _title_first(bare)) is not None:
            probe.title, probe.name = split  # "Vejchef Ib Rask og planlægger Sanne Wulff"
            entries.append(probe)
        elif entries and entries[-1].organisation is None and _ORG_MARKER.search(bare):
            _merge_affiliation(entries[-1], probe, organisation=bare)
        elif len(bare.split()) <= _LONGEST_NAME and NAME.match(bare):
            probe.name = bare
            entries.append(probe)
        elif _affiliation_after_full_name(bare, entries):
            _merge_affiliation(entries[-1], probe, organisation=bare)  # "Lone Berg, Rambøll"
        elif is_first_name(bare) and (len(named) > 1 or labelled):
            probe.name = bare  # "Jens," in a list of names: kept as printed
            entries.append(probe)
        elif (split := _title_before_name(bare)) is not None:
            probe.title, probe.name = split
            entries.append(probe)
        else:
            diags.add("participant-unsplit", at=line, text=token[:80])
    return entries


def _take_from_tail(text: str, entry: Entry) -> str:
    """ "Ruth Kjær fra Sønderlyng Lokalråd" -> "Ruth Kjær" (organisation "Sønderlyng Lokalråd");
    "Mikael Thorsen fra udvalget" -> "Mikael Thorsen" (a common noun names no organisation)."""
    m = _FROM_TAIL.search(text)
    if m is None or not NAME.match(text[: m.start()]):
        return text
    if m.group(1)[:1].isupper() and entry.organisation is None:
        entry.organisation = m.group(1).strip()
    return text[: m.start()]


def _title_first(text: str) -> tuple[str, str] | None:
    """A capitalised title word before a name that would otherwise pass for a name's first
    word: "Vejchef Ib Rask" -> ("Vejchef", "Ib Rask"); "Formand Jens Holm" likewise."""
    words = text.split()
    if len(words) < 3 or not _TITLE_WORD.search(words[0]):
        return None
    return _title_before_name(text)


# A first name alone in a list of names ("Jens"): one capitalised word of letters.
_FIRST_NAME = re.compile(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$")
_OG = re.compile(r"\s+og\s+")
NOBODY = frozenset({"ingen", "ingen.", "-", "–", "intet", "ingen afbud"})


def _name_or_first(token: str) -> bool:
    """A name, a first name alone, or a name after its title ("skoleleder Per Vinding")."""
    return (
        NAME.match(token) is not None
        or is_first_name(token)
        or _title_before_name(token) is not None
    )


def is_first_name(token: str) -> bool:
    """A first name alone ("Jens"), not a word of nobody, a role, a title or an organisation."""
    folded = token.casefold()
    return (
        _FIRST_NAME.match(token) is not None
        and folded not in NOBODY
        and folded not in _ROLES
        and not _TITLE_WORD.search(token)
        and not _ORG_MARKER.search(token)
    )


# A comma outside parentheses: "Maren Sko og Poul Thyrre (suppleant, i stedet for Klaus Thyge)"
# is one token, its note whole.
_LIST_COMMA = re.compile(r",(?![^()]*\))")


def _affiliation_after_full_name(token: str, entries: list[Entry]) -> bool:
    """One capitalised word right after a full name in a list of full names ("Gæster: Lone
    Berg, Rambøll (punkt 2)"): the firm or body the person came from, not a first name (a list
    of first names has no full name before them: "Afbud: Jens, Ole")."""
    return (
        bool(entries)
        and " " not in token
        and token[:1].isupper()
        and not _TITLE_WORD.search(token)  # "Lone Berg, Direktør": a title
        and entries[-1].organisation is None
        and all(len(e.name.split()) >= 2 for e in entries)
    )


def _list_tokens(text: str) -> list[str]:
    """Comma tokens; the last "A og B" is two names when both sides are names (an
    organisation such as "Sundheds- og Omsorgsforvaltningen" keeps its "og")."""
    tokens = [t.strip() for t in _LIST_COMMA.split(text) if t.strip()]
    out: list[str] = []
    for token in tokens:
        if token.startswith(("og ", "samt ")):  # "Jens Bro, Egely Kommune, og Peter Frost"
            token = token.split(" ", 1)[1].strip()
        parts = [x.strip() for x in _OG.split(token)]
        if len(parts) == 2 and all(_name_or_first(_bare_name(x)) for x in parts):
            out.extend(parts)  # "Kristine og Søren Libergren": a first name is a name here
        elif len(parts) == 2 and parts[0] in _PARTIES and NAME.match(parts[1]):
            out.extend(parts)  # "Åse Lose, V og Søren Møller, A": a party, then the next name
        else:
            out.append(token)
    return out


def _bare_name(token: str) -> str:
    """The token without its parentheses and "fra …" tail: the part that should be a name."""
    return _take_from_tail(_PAREN.sub("", token).strip(), Entry(name="", line=_NO_LINE))


_NO_LINE = Line(0, "")


def _merge_affiliation(
    entry: Entry, probe: Entry, *, party: str | None = None, organisation: str | None = None
) -> None:
    entry.party = party or entry.party
    entry.organisation = organisation or entry.organisation
    entry.roles.extend(probe.roles)
    entry.reasons.extend(probe.reasons)
