from __future__ import annotations

import pytest

from referat_parser import parse_text
from referat_parser.diagnostics import Diagnostics
from referat_parser.extract.people import absent_names, same_person
from referat_parser.extract.persons import parse_person_line, split_inline_list
from referat_parser.layout.blocks import absence_record
from referat_parser.lines import Line
from rulefixtures import Case, read_cases

CASES = read_cases("participants.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_participant_line_rules(case: Case) -> None:
    entry = parse_person_line(case.input, Line(1, case.input), Diagnostics())
    assert entry is not None, f"fixtures/rules/participants.txt:{case.line}"
    got = {k: getattr(entry, k) for k in ("name", "party", "organisation", "title", "roles")}
    assert got == case.expected, f"fixtures/rules/participants.txt:{case.line}"


def test_inline_list_pairs_names_with_the_affiliation_that_follows() -> None:
    text = "Stephanie Lose, V (orlov) (Fravær), Bo Libergren, V, Stephanie Storbak, Billund Kommune, Sys Melchior, PLO"
    entries = split_inline_list(text, Line(9, text), Diagnostics())
    assert [(e.name, e.party, e.organisation, e.reasons) for e in entries] == [
        ("Stephanie Lose", "V", None, ["orlov", "fravær"]),
        ("Bo Libergren", "V", None, []),
        ("Stephanie Storbak", None, "Billund Kommune", []),
        ("Sys Melchior", None, "PLO", []),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lone Berg, Rambøll (punkt 2)", [("Lone Berg", "Rambøll")]),  # a firm after a full name
        ("Karen Holm, Per Lund, Rambøll", [("Karen Holm", None), ("Per Lund", "Rambøll")]),
        ("Jens, Ole", [("Jens", None), ("Ole", None)]),  # first names alone stay names
    ],
)
def test_one_word_after_a_full_name_is_its_affiliation(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    entries = split_inline_list(text, Line(1, text), Diagnostics())
    assert [(e.name, e.organisation) for e in entries] == expected


def test_unsplittable_line_is_a_diagnostic_not_a_guess() -> None:
    diags = Diagnostics()
    text = "Borgmester og rådmænd fra kommunerne, PLO"
    assert parse_person_line(text, Line(4, text), diags) is None
    assert [(d.code, d.line) for d in diags.items] == [("participant-unsplit", 4)]


def test_item_absence_line_gives_clean_names() -> None:
    lines = [
        Line(40, "Fraværende Stephanie Lose, V (orlov)"),
        Line(41, "Fraværende: Ole Vind, Hanne Roed"),
        Line(42, "Fravær med afbud:"),
        Line(43, "• Ib Holm"),
    ]
    records = [found[0] for k in (0, 1, 2) if (found := absence_record(lines, k))]
    diags = Diagnostics()
    assert absent_names(records, diags) == ["Stephanie Lose", "Ole Vind", "Hanne Roed", "Ib Holm"]
    assert [r.reason for r in records] == ["fravær", "fravær", "afbud"]
    assert diags.items == []


def test_item_absence_names_a_label_promises() -> None:
    """A first name alone after a label, a party before "og", a first name before "og"."""
    lines = [
        Line(5, "Afbud: Anders"),
        Line(6, "Fraværende: Åse Lose, V og Søren Møller, A"),
        Line(7, "Fraværende: Kristine og Søren Libergren"),
    ]
    records = [found[0] for k in (0, 1, 2) if (found := absence_record(lines, k))]
    diags = Diagnostics()
    names = absent_names(records, diags)
    assert names == ["Anders", "Åse Lose", "Søren Møller", "Kristine", "Søren Libergren"]
    assert diags.items == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Daniel Simonsen", "Daniel Kjærsgaard Simonsen", True), ("Lone Jakobi", "Lone Rasmussen", False),
     ("Rikke Skou Jensen", "rikke skou jensen", True)],
)  # fmt: skip
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


MINUTES = """REFERAT Udvalget d. 01-02-2025

Punkt 1: Mødedeltagere

Sagsfremstilling

Mødedeltagere:

Anna Holm, borgmester Fjordby Kommune (A) (formand)

Bo Ravn, byrådsmedlem (Ø)

Carl Dam, direktør, Fjordby Kommune

Beslutning

Der var afbud fra Bo Ravn. Dina Kok deltog i stedet for Carl Dam.

Punkt 2: Eventuelt

Beslutning

Ingen bemærkninger. Daniel Simonsen orienterede.

Fraværende Bo Ravn, Ø
"""


def test_attendance_substitutes_and_mentions_in_a_whole_document() -> None:
    doc = parse_text(MINUTES)
    people = {p.name: p for p in doc.participants}
    assert list(people) == ["Anna Holm", "Bo Ravn", "Carl Dam", "Dina Kok"]
    assert (people["Anna Holm"].attendance, people["Anna Holm"].roles) == ("present", ["formand"])
    assert (people["Bo Ravn"].attendance, people["Bo Ravn"].absence_reason) == ("absent", "afbud")
    assert people["Carl Dam"].attendance == "absent"
    assert (people["Dina Kok"].substitute_for, people["Dina Kok"].line) == ("Carl Dam", 17)
    assert doc.items[1].absent == ["Bo Ravn"]
    assert not [d for d in doc.diagnostics if d.code == "absent-unknown"]


def test_absent_name_not_in_the_list_is_reported() -> None:
    doc = parse_text(MINUTES.replace("Fraværende Bo Ravn, Ø", "Fraværende Eva Lund, V"))
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "absent-unknown"] == [
        ("absent-unknown", 25)
    ]


AGENDA = """Dagsorden for Udvalget d. 01-02-2025

Mødedeltagere:

Anna Holm, borgmester Fjordby Kommune (A)

Bo Ravn, byrådsmedlem (Ø)

Afbud: Carl Dam

Punkt 1: Godkendelse af dagsorden

Indstilling

Det indstilles, at dagsordenen godkendes.
"""


def test_agenda_participants_are_invited_not_present() -> None:
    doc = parse_text(AGENDA)
    assert doc.kind == "dagsorden"
    people = {p.name: (p.attendance, p.absence_reason) for p in doc.participants}
    # invited: attendance unknown; the regrets the agenda itself prints stay
    assert people == {
        "Anna Holm": ("unknown", None),
        "Bo Ravn": ("unknown", None),
        "Carl Dam": ("absent", "afbud"),
    }


def test_minutes_with_decisions_are_minutes_whatever_the_header_says() -> None:
    doc = parse_text(MINUTES.replace("REFERAT", "Dagsorden"))
    assert doc.kind == "referat"
    assert {p.name: p.attendance for p in doc.participants}["Bo Ravn"] == "absent"


HEADER = "REFERAT Sundhedsklynge Test d. 17-05-2023\nMødedato Onsdag d. 17. maj 2023 kl. 14:00\n"
ITEM = "\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"


def test_inline_list_that_wraps_over_two_lines() -> None:
    doc = parse_text(
        HEADER
        + "Mødedeltagere Anne Hansen, V (orlov), Bo Ås-Nielsen, Ø, Carl G. Berg, Å,\n"
        + "Dorte Jensen, Billund Kommune, Erik Holm, PLO\nMødested Rådhuset\n"
        + ITEM
    )
    assert [(p.name, p.party, p.organisation, p.attendance) for p in doc.participants] == [
        ("Anne Hansen", "V", None, "absent"),
        ("Bo Ås-Nielsen", "Ø", None, "present"),
        ("Carl G. Berg", "Å", None, "present"),
        ("Dorte Jensen", None, "Billund Kommune", "present"),
        ("Erik Holm", None, "PLO", "present"),
    ]
    assert doc.location == "Rådhuset"  # the list stops at the next header label


def test_one_person_a_paragraph_list_in_the_header() -> None:
    doc = parse_text(
        HEADER
        + "Mødedeltagere:\n\nAnders Kühnau, regionsrådsformand (A) (regional medformand)\n\n"
        + "Ulla Hjorth, specialkonsulent, Horsens Kommune (sekretariat)\n"
        + ITEM
    )
    assert [(p.name, p.title, p.roles) for p in doc.participants] == [
        ("Anders Kühnau", "regionsrådsformand", ["regional medformand"]),
        ("Ulla Hjorth", "specialkonsulent", ["sekretariat"]),
    ]


def test_list_initials_cover_what_the_labels_match() -> None:
    """The first-letter test before the list-label patterns never skips a line they read."""
    from referat_parser.extract.people import _ABSENT_HEAD, _LIST_INITIALS, _LIST_LABEL

    for word in ("fbud", "ravær", "ravær med afbud", "kke til stede", "orfald"):
        starts = {ch for ch in map(chr, range(0x250)) if _ABSENT_HEAD.match(ch + word + ":")}
        assert starts <= _LIST_INITIALS, word
    for word in ("ødedeltagere", "edlemmer", "eltagere", "il stede"):
        starts = {ch for ch in map(chr, range(0x250)) if _LIST_LABEL.match(ch + word + ":")}
        assert starts <= _LIST_INITIALS, word
    assert _ABSENT_HEAD.match("Afbud fra:") and _ABSENT_HEAD.match("FRAVÆRENDE")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [("Der var afbud fra Bo Ravn.", "afbud"), ("AFBUD FRA Bo Ravn.", "afbud"),
     ("Mødet var kort; fraværende var Bo Ravn.", "fravær"),
     ("Bo Ravn havde meldt afbud. Afbud var Bo Ravn.", "afbud")],
)  # fmt: skip
def test_absence_in_decision_prose_in_any_case(sentence: str, reason: str) -> None:
    doc = parse_text(MINUTES.replace("Der var afbud fra Bo Ravn.", sentence))
    bo = next(p for p in doc.participants if p.name == "Bo Ravn")
    assert (bo.attendance, bo.absence_reason) == ("absent", reason)


ATTENDANCE = read_cases("attendance.txt")


@pytest.mark.parametrize("case", ATTENDANCE, ids=[c.title for c in ATTENDANCE])
def test_attendance_rules(case: Case) -> None:
    doc = parse_text(case.input)
    where = f"fixtures/rules/attendance.txt:{case.line}"
    got = [
        [p.name, p.party, p.attendance, p.absence_reason, p.substitute_for]
        for p in doc.participants
    ]
    assert got == case.expected["participants"], where
    absent = {str(i.number): i.absent for i in doc.items if i.absent}
    assert absent == case.expected["absent"], where
    for code in case.expected.get("diagnostics", []):
        assert code in {d.code for d in doc.diagnostics}, where


def test_inline_list_with_titles_before_names() -> None:
    """ "…, skoleleder Per Vinding og viceskoleleder Lise Dam": each title stays its person's."""
    from referat_parser.extract.persons import split_inline_list

    text = "Karen Holm (formand), Ole Dam, skoleleder Per Vinding og viceskoleleder Lise Dam."
    diags = Diagnostics()
    entries = split_inline_list(text, Line(3, text), diags)
    assert [(e.name, e.title) for e in entries] == [
        ("Karen Holm", None),
        ("Ole Dam", None),
        ("Per Vinding", "skoleleder"),
        ("Lise Dam", "viceskoleleder"),
    ]
    assert diags.items == []


def test_a_from_label_names_the_organisation_of_its_members() -> None:
    """ "Deltagere fra Region Vestfjord:" is its members' organisation (after a unit a member
    prints); "Fra sekretariatet:" (lower case) is a group only; roles in a stand-in's
    parentheses are kept."""
    doc = parse_text(
        "Referat\n\nDeltagere fra Region Vestfjord:\nIda Holt, kontorchef (formand)\n"
        "Mads Bro, chefkonsulent, Praksisenheden\nFra sekretariatet:\n"
        "Asta Krog, specialkonsulent (referent)\nÅse Thy (1. suppleant, deltog i stedet for Jon"
        " Friis)\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    got = {p.name: (p.organisation, p.group, p.roles, p.substitute_for) for p in doc.participants}
    assert got["Ida Holt"] == ("Region Vestfjord", "Region Vestfjord", ["formand"], None)
    assert got["Mads Bro"] == ("Praksisenheden, Region Vestfjord", "Region Vestfjord", [], None)
    assert got["Asta Krog"] == (None, "sekretariatet", ["referent"], None)
    assert got["Åse Thy"] == (None, "sekretariatet", ["suppleant"], "Jon Friis")


def test_attendees_in_a_sentence_keep_title_organisation_and_role() -> None:
    """ "Fra X deltog title Name (role) og title Name": X is their organisation; "deltog
    endvidere title Name, Org" beside a member list adds the guest with the organisation after
    the name (a word holding a title inside it, "Revisionshuset", is no title)."""
    doc = parse_text(
        "Referat af bestyrelsesmøde\n\nDeltagere:\nKarl Vig (formand)\nTove Ask\n"
        "Fra Boligforeningen Hjem deltog inspektør Kim Lyng (referent) og ejendomsmester Ane"
        " Friis.\nUnder punkt 2 deltog endvidere revisor Nis Holm, Revisorhuset Syd.\n\n"
        "1. Godkendelse af dagsorden\n\nGodkendt.\n"
    )
    got = {p.name: (p.title, p.organisation, p.roles) for p in doc.participants}
    assert got["Kim Lyng"] == ("inspektør", "Boligforeningen Hjem", ["referent"])
    assert got["Ane Friis"] == ("ejendomsmester", "Boligforeningen Hjem", [])
    assert got["Nis Holm"] == ("revisor", "Revisorhuset Syd", [])
    assert "Revisorhuset Syd" not in got
    assert doc.unplaced == []


def test_inline_list_roles_from_and_titles_before_names() -> None:
    """A bare role token is the role of the name before it ("udvalgsformand": formand, the
    word kept as the title); a capitalised title word before a name is the title ("Kulturchef
    Ole Krag"); "fra X" after a name says where the person comes from (a proper name is the
    organisation, a common noun nothing)."""
    from referat_parser.extract.persons import split_inline_list

    text = "Hanne Bro (C), udvalgsformand, Kulturchef Ole Krag og Lis Mo fra Nordby Borgerforening"
    diags = Diagnostics()
    entries = split_inline_list(text, Line(1, text), diags)
    assert [(e.name, e.party, e.title, e.roles, e.organisation) for e in entries] == [
        ("Hanne Bro", "C", "udvalgsformand", ["formand"], None),
        ("Ole Krag", None, "Kulturchef", [], None),
        ("Lis Mo", None, None, [], "Nordby Borgerforening"),
    ]
    text = "Finn Dahl (A) fra udvalget og Lis Mo fra foreningen"
    entries = split_inline_list(text, Line(2, text), diags)
    assert [(e.name, e.organisation) for e in entries] == [("Finn Dahl", None), ("Lis Mo", None)]
    assert diags.items == []


def test_another_bodys_chair_is_a_title_only() -> None:
    """ "regionsrådsformand" names the chair of another body, not of this meeting."""
    from referat_parser.extract.persons import role_of

    assert role_of("udvalgsformand") == "formand"
    assert role_of("Bestyrelsesnæstformand") == "næstformand"
    assert role_of("regionsrådsformand") is None
    assert role_of("borgmester") is None


def test_a_stand_in_cell_names_whom_the_member_stands_in_for() -> None:
    entry = parse_person_line(
        "Anna Berg, Stedfortræder for Ole Holm, Nordby Kommune", Line(1, "x"), Diagnostics()
    )
    assert entry is not None and entry.substitute_for == "Ole Holm"


def test_a_participant_tables_organisation_column_is_the_organisation_whole() -> None:
    """ "Organisation<TAB>Navn<TAB>Titel": the organisation cell whole (a parenthesis in it is
    no party), the title without it; a party note in the cell ("Byrådet (A)") stays the party;
    the column map ends with the table."""
    doc = parse_text(
        "Referat\n\nDeltagere\n\nOrganisation\tNavn\tTitel\n"
        "Almen praksis (PLO)\tKaj Holt\tPraktiserende læge\n"
        "Nordby Kommune\tEva Lund\tSundhedschef, formand\n\n"
        "Navn\tRepræsenterer\tFremmøde\nIb Mo\tByrådet (A)\tTil stede\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    got = {p.name: (p.organisation, p.title, p.party, p.roles) for p in doc.participants}
    assert got["Kaj Holt"] == ("Almen praksis (PLO)", "Praktiserende læge", None, [])
    assert got["Eva Lund"] == ("Nordby Kommune", "Sundhedschef", None, ["formand"])
    assert got["Ib Mo"] == ("Byrådet", None, "A", [])


def test_a_role_after_a_dash_and_a_role_label_for_someone_listed() -> None:
    """ "Anne Holm – formand": the dash separates name and role; "Mødeleder: Anne Holm" adds a
    role to the person listed."""
    doc = parse_text(
        "Referat af møde i Fjordby Seniorråd\nOnsdag den 4. juni 2025 kl. 10.00\n\nTil stede:\n"
        "Anne Holm – formand\nHans J. Olsen - næstformand\n\nMødeleder: Anne Holm\n\n"
        "1. Godkendelse af dagsorden\nGodkendt.\n"
    )
    got = {p.name: p.roles for p in doc.participants}
    assert got == {"Anne Holm": ["formand", "mødeleder"], "Hans J. Olsen": ["næstformand"]}
