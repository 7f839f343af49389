from __future__ import annotations

import datetime as dt

from referat_parser import parse_text
from referat_parser.check.crosschecks import check_decision_dates, check_numbering, check_toc
from referat_parser.diagnostics import Diagnostics
from referat_parser.models import Decision, Item, TocEntry


def _item(number: int, title: str, line: int, decided: dt.date | None = None) -> Item:
    decision = None
    if decided is not None:
        decision = Decision(text="Godkendt.", date=decided, line_start=line + 2, line_end=line + 4)
    return Item(number=number, title=title, line_start=line, line_end=line + 4, decision=decision)


def test_toc_titles_and_count_are_checked_against_items() -> None:
    toc = [TocEntry(title="Velkomst", page=3, line=5), TocEntry(title="Budget 2024", page=4, line=6),
           TocEntry(title="Eventuelt", page=5, line=7)]  # fmt: skip
    items = [_item(1, "Velkomst", 10), _item(2, "Budget 2025", 20)]
    diags = Diagnostics()
    check_toc(toc, items, diags)
    assert [(d.code, d.line) for d in diags.items] == [
        ("toc-count-mismatch", 5),
        ("toc-title-mismatch", 6),
    ]
    assert "'Budget 2024'" in diags.items[1].message and "'Budget 2025'" in diags.items[1].message


def test_matching_toc_is_silent() -> None:
    diags = Diagnostics()
    check_toc([TocEntry(title="Eventuelt.", page=9, line=3)], [_item(1, "Eventuelt", 9)], diags)
    assert diags.items == []


def test_number_gaps_and_repeats() -> None:
    diags = Diagnostics()
    check_numbering(
        [_item(1, "a", 10), _item(3, "b", 20), _item(3, "c", 30), _item(4, "d", 40)], diags
    )
    assert [(d.code, d.line) for d in diags.items] == [
        ("item-number-gap", 20),
        ("item-number-repeat", 30),
    ]


def test_decision_dated_other_than_the_meeting() -> None:
    diags = Diagnostics()
    items = [_item(1, "a", 10, dt.date(2023, 5, 17)), _item(2, "b", 20, dt.date(2023, 5, 18))]
    check_decision_dates(items, dt.date(2023, 5, 17), diags)
    assert [(d.code, d.line) for d in diags.items] == [("decision-date-mismatch", 22)]


ABSENT_ACTING = """REFERAT Udvalget d. 01-02-2025

Mødedato Lørdag d. 1. februar 2025 kl. 10:00

Punkt 1: Deltagere

Beslutning

Afbud fra:
Hanne Madsen

Direktørforum:
Eva Holm, Direktør i Region Nordjylland
Hanne Madsen, Direktør i Vesthimmerland Kommune

Punkt 2: Status

Beslutning

Hanne Madsen præsenterede status for arbejdet.
Orienteringen blev taget til efterretning.
"""


def test_a_participant_marked_absent_who_acts_in_a_decision_is_reported() -> None:
    doc = parse_text(ABSENT_ACTING)
    madsen = next(p for p in doc.participants if p.name == "Hanne Madsen")
    assert madsen.attendance == "absent"
    found = [(d.code, d.line, d.message) for d in doc.diagnostics if d.code == "absent-acting"]
    assert found == [
        (
            "absent-acting",
            20,
            (
                "'Hanne Madsen' is marked absent but acts in the decision of item 2: "
                "'Hanne Madsen præsenterede status for arbejdet.'"
            ),
        )
    ]


def test_the_absence_list_itself_is_not_acting() -> None:
    doc = parse_text(ABSENT_ACTING.replace("Hanne Madsen præsenterede", "Eva Holm præsenterede"))
    assert not [d for d in doc.diagnostics if d.code == "absent-acting"]


# --- whole documents: every cross-check from small Danish minutes ----------------------------

MEETING = """REFERAT Sundheds- og Omsorgsudvalget d. 12-03-2025

Mødedato Onsdag d. 12. marts 2025 kl. 15:00

Mødested Rådhuset, mødelokale 2

Mødedeltagere Anna Holm, A, Bo Ravn, Ø, Carl Dam, V (Fravær), Daniel Kjærsgaard Simonsen, Fjordby Kommune

Indholdsfortegnelse

Godkendelse af dagsorden.....	2
Budgetopfølgning 2025.....	3
Plejeboliger i Nordby.....	4

Punkt 1: Godkendelse af dagsorden

Beslutning i Sundheds- og Omsorgsudvalget den 12-03-2025

Godkendt.

Punkt 2: Budgetopfølgning

Beslutning i Sundheds- og Omsorgsudvalget den 12-03-2025

Carl Dam fremlagde budgetopfølgningen. Taget til efterretning.

Punkt 4: Plejeboliger i Nordby

Beslutning i Sundheds- og Omsorgsudvalget den 13-03-2025

Sagen blev udsat til næste møde.

Fraværende Eva Lund, F
"""


def _found(text: str, code: str) -> list[tuple[int | None, str]]:
    return [(d.line, d.message) for d in parse_text(text).diagnostics if d.code == code]


def test_document_toc_title_against_item_title() -> None:
    assert _found(MEETING, "toc-title-mismatch") == [
        (12, "TOC entry 'Budgetopfølgning 2025' does not match item 2 'Budgetopfølgning'")
    ]
    assert _found(MEETING, "toc-count-mismatch") == []
    fewer = MEETING.replace("Plejeboliger i Nordby.....\t4\n", "")
    assert _found(fewer, "toc-count-mismatch") == [
        (11, "the TOC lists 2 entries but 3 items were found")
    ]


def test_document_item_number_gap_and_repeat() -> None:
    assert _found(MEETING, "item-number-gap") == [(27, "item 4 follows item 2")]
    repeated = MEETING.replace("Punkt 4: Plejeboliger", "Punkt 2: Plejeboliger")
    assert _found(repeated, "item-number-repeat") == [(27, "item number 2 appears more than once")]


def test_document_decision_dated_other_than_the_meeting() -> None:
    assert _found(MEETING, "decision-date-mismatch") == [
        (29, "decision dated 2025-03-13 but the meeting is 2025-03-12")
    ]


def test_document_absentee_not_in_the_participant_list() -> None:
    # on the item's "Fraværende …" line (people.py emits it; the check is part of the contract)
    assert _found(MEETING, "absent-unknown") == [
        (33, "'Eva Lund' is named absent but is not in the participant list")
    ]
    # in decision prose
    prose = MEETING.replace("Godkendt.", "Godkendt. Der var afbud fra Eva Lund.")
    assert (19, "'Eva Lund' is named absent but is not in the participant list") in _found(
        prose, "absent-unknown"
    )
    # a listed absentee is not reported
    listed = MEETING.replace("Fraværende Eva Lund, F", "Fraværende Carl Dam, V")
    assert _found(listed, "absent-unknown") == []


def test_document_absent_participant_acting_in_a_decision() -> None:
    assert _found(MEETING, "absent-acting") == [
        (
            25,
            (
                "'Carl Dam' is marked absent but acts in the decision of item 2: "
                "'Carl Dam fremlagde budgetopfølgningen. Taget til efterretning.'"
            ),
        )
    ]


def test_absent_acting_matches_names_as_same_person_does() -> None:
    # listed as "Daniel Kjærsgaard Simonsen", absent, and named without the middle name
    text = MEETING.replace("Carl Dam, V (Fravær)", "Carl Dam, V").replace(
        "Daniel Kjærsgaard Simonsen, Fjordby Kommune",
        "Daniel Kjærsgaard Simonsen, Fjordby Kommune (Fravær)",
    )
    text = text.replace("Carl Dam fremlagde", "Direktør Daniel Simonsen fremlagde")
    found = _found(text, "absent-acting")
    assert [line for line, _ in found] == [25]
    assert found[0][1].startswith("'Daniel Kjærsgaard Simonsen' is marked absent but acts")
    assert "Direktør Daniel Simonsen fremlagde" in found[0][1]


def test_absent_acting_uses_the_items_own_absence_line() -> None:
    text = MEETING.replace("Carl Dam, V (Fravær)", "Carl Dam, V").replace(
        "Sagen blev udsat til næste møde.", "Bo Ravn redegjorde for sagen. Sagen blev udsat."
    )
    text = text.replace("Fraværende Eva Lund, F", "Fraværende Bo Ravn, Ø")
    found = _found(text, "absent-acting")
    assert found == [
        (
            31,
            (
                "'Bo Ravn' is marked absent but acts in the decision of item 4: "
                "'Bo Ravn redegjorde for sagen. Sagen blev udsat.'"
            ),
        )
    ]


def test_lines_that_record_the_absence_are_not_acting() -> None:
    for sentence in [
        "Carl Dam havde meldt afbud. Taget til efterretning.",
        "Carl Dam var forhindret i at deltage. Taget til efterretning.",
        "Taget til efterretning. Carl Dam",  # a name ending the text is not a subject
        "Taget til efterretning, jf. notat fra Carl Dam.",
    ]:
        text = MEETING.replace(
            "Carl Dam fremlagde budgetopfølgningen. Taget til efterretning.", sentence
        )
        assert _found(text, "absent-acting") == [], sentence


def test_summary_counts_decisions_people_and_diagnostics() -> None:
    summary = parse_text(MEETING).summary
    assert (summary.items, summary.decisions) == (3, 3)
    outcomes = summary.decisions_by_outcome.model_dump()
    assert {k: v for k, v in outcomes.items() if v} == {
        "godkendt": 1,
        "taget_til_efterretning": 1,
        "udsat": 1,
    }
    assert (summary.participants, summary.present, summary.absent) == (4, 3, 1)
    # info: the layout pass records the heading form it chose (layout-detected)
    assert summary.diagnostics.model_dump() == {"info": 1, "warning": 5, "error": 0}


BUDGET_MEETING = """REFERAT Økonomiudvalget d. 12-03-2025

Punkt 1: Budget

Sagsfremstilling

Budgettet fremgår af nedenstående tabel.

Post\tBeløb
Løn\t100.000 kr.
Drift\t50.000 kr.
I alt\t150.000 kr.

Reserven fordeles således:

Post\tBeløb
Pulje A\t10.000 kr.
Pulje B\t20.000 kr.
I alt\t40.000 kr.

Indstilling

Det indstilles, at udvalget godkender budgettet.

Beslutning

Godkendt.
"""


def test_summary_counts_tables_with_totals_checked_and_failed() -> None:
    doc = parse_text(BUDGET_MEETING)
    summary = doc.summary
    assert [t.totals_ok for t in doc.items[0].tables] == [True, False]
    assert (summary.tables, summary.tables_with_total, summary.totals_checked) == (2, 2, 2)
    assert (summary.totals_ok, summary.totals_mismatch) == (1, 1)
    assert [d.code for d in doc.diagnostics if d.severity == "warning"] == ["total-mismatch"]
    assert summary.diagnostics.warning == 1
    assert (summary.recommendations, summary.recommendations_linked) == (1, 1)
    assert doc.items[0].recommendations[0].outcome == "godkendt"
