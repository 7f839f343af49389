from __future__ import annotations

import datetime as dt

from referat_parser import parse_text
from referat_parser.crosschecks import check_decision_dates, check_numbering, check_toc
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
            "'Hanne Madsen' is marked absent but is named in the decision of item 2",
        )
    ]


def test_the_absence_list_itself_is_not_acting() -> None:
    doc = parse_text(ABSENT_ACTING.replace("Hanne Madsen præsenterede", "Eva Holm præsenterede"))
    assert not [d for d in doc.diagnostics if d.code == "absent-acting"]
