from __future__ import annotations

import pytest

from referat_parser import parse_text
from referat_parser.layout.outline import case_number, segment, toc_entry
from referat_parser.lines import Line, split_lines
from rulefixtures import Case, read_cases

CASES = read_cases("items.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_item_rules(case: Case) -> None:
    shape = segment(split_lines(case.input))
    got = [[d.number, d.title, d.case_number] for d in shape.items]
    assert got == case.expected, f"fixtures/rules/items.txt:{case.line}"


@pytest.mark.parametrize(
    ("text", "title", "page"),
    [
        ("Velkomst v/fungerende regionsrådsformand Bo Libergren.....\t3", "Velkomst v/fungerende regionsrådsformand Bo Libergren", 3),
        ("Økonomi er vigtigt, men må ikke hindre større sammenhæng\t7", "Økonomi er vigtigt, men må ikke hindre større sammenhæng", 7),
        ("Eventuelt ........ 10", "Eventuelt", 10),
        ("Pkt. 3    Skoleplan 2025      4", "Skoleplan 2025", 4),
        ("Sag nr. 2    Meddelelser ............ 2", "Meddelelser", 2),
    ],
)  # fmt: skip
def test_toc_entry_forms(text: str, title: str, page: int) -> None:
    entry = toc_entry(Line(4, text))
    assert entry is not None
    assert (entry.title, entry.page, entry.line) == (title, page, 4)


def test_toc_is_kept_apart_from_items() -> None:
    text = "Indholdsfortegnelse\n\nDeltagere.....\t3\nEventuelt.....\t5\n\nPunkt 1: Deltagere\n"
    shape = segment(split_lines(text))
    assert [(e.title, e.page) for e in shape.toc] == [("Deltagere", 3), ("Eventuelt", 5)]
    assert [d.title for d in shape.items] == ["Deltagere"]
    assert shape.header == []


def test_toc_with_group_headings_and_item_words() -> None:
    """A council's TOC: entries "Sag nr. N  Title .... page" under "Åbne sager" / "Lukkede
    sager"; the items are not the TOC's lines, and the last entry is nobody's case number."""
    text = (
        "Referat\n\nIndholdsfortegnelse\n\nÅbne sager\n"
        "Sag nr. 1    Godkendelse af dagsorden ........ 2\n"
        "Sag nr. 2    Budget ........ 2\n\nLukkede sager\n"
        "Sag nr. 3    Lukket punkt: Personalesag ........ 3\n\n\n"
        "Sag nr. 1    Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
        "Sag nr. 2    Budget\n\nBeslutning\nGodkendt.\n\n"
        "Sag nr. 3    Lukket punkt: Personalesag\n\nBeslutning\nGodkendt.\n"
    )
    shape = segment(split_lines(text))
    assert [(e.title, e.page) for e in shape.toc] == [
        ("Godkendelse af dagsorden", 2),
        ("Budget", 2),
        ("Lukket punkt: Personalesag", 3),
    ]
    assert [(d.number, d.title, d.case_number) for d in shape.items] == [
        (1, "Godkendelse af dagsorden", None),
        (2, "Budget", None),
        (3, "Lukket punkt: Personalesag", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22/43402", "22/43402"),
        ("Sagnr.: 1-31-72-446-22", "1-31-72-446-22"),
        ("Sagsnr. 24/1234", "24/1234"),
        ("J.nr.: 2023-5", "2023-5"),
        ("Bo Libergren bød velkommen.", None),
        ("Sag nr. 8    Lukket punkt: Køb af jord", None),  # an item heading, not a case
        ("Sag nr. 24/1180", "24/1180"),
        ("2023", None),
    ],
)
def test_case_number(text: str, expected: str | None) -> None:
    assert case_number(Line(1, text)) == expected


def test_report_without_toc_or_items_splits_header_from_body() -> None:
    shape = segment(split_lines("Titel på rapport\n\nFørste afsnit.\n\nAndet afsnit.\n"))
    assert [ln.no for ln in shape.header if not ln.blank] == [1]
    assert [ln.no for ln in shape.rest if not ln.blank] == [3, 5]


def test_heading_repeated_atop_the_next_page_continues_the_item() -> None:
    """A PDF that prints the item's heading again at the top of each page it runs onto: the
    item goes on (its blocks, its table), and the repeat is part of the heading."""
    first_page = (
        "Referat\n\n1.   Budget\nSagsnr.: 25-0001\n\nResumé\nKort om sagen.\n\n"
        "Sagsfremstilling\nFørste del af sagen."
    )
    second_page = (
        "1.   Budget\n\nAnden del af sagen.\n\nBeslutning\nGodkendt.\n\n2.   Eventuelt\n\n"
        "Beslutning\nIntet."
    )
    pages = [first_page, second_page]
    doc = parse_text("\f".join(pages))
    assert [(i.number, i.title) for i in doc.items] == [(1, "Budget"), (2, "Eventuelt")]
    first = doc.items[0]
    assert [b.kind for b in first.blocks] == ["resume", "sagsfremstilling", "beslutning"]
    assert first.blocks[1].text == "Første del af sagen.\n\nAnden del af sagen."


def test_the_minutes_closing_lines_are_no_part_of_the_last_item() -> None:
    """ "Næste møde: …", "Mødet sluttede kl. …" and "Underskrifter:" over names after the last
    item's decision are the meeting's: set aside (unplaced), not the decision's text; a closing
    line that is an item's only text stays."""
    text = (
        "1. Eventuelt\n\nBeslutning\nIntet.\n\nNæste møde: 5. juni kl. 19.\n\n"
        "Mødet sluttede kl. 21.15.\n\nUnderskrifter:\nEva Holt\nLars Kjær\n"
    )
    shape = segment(split_lines(text))
    assert [ln.stripped for ln in shape.items[0].body if not ln.blank] == ["Beslutning", "Intet."]
    assert [ln.no for ln in shape.rest if not ln.blank] == [6, 8, 10, 11, 12]
    only = "1. Eventuelt\n\nBeslutning\nMødet sluttede kl. 21.15.\n"
    shape = segment(split_lines(only))
    assert shape.rest == [] and shape.items[0].body[-1].stripped == "Mødet sluttede kl. 21.15."


def test_a_toc_entry_with_two_spaces_before_its_page_among_wider_ones() -> None:
    """A title so long that only two spaces are left before the page number is an entry when
    the entries around it have theirs, and its page is in step with theirs."""
    text = (
        "Indholdsfortegnelse\n"
        "Sag 4/2025 - Godkendelse af dagsorden          2\n"
        "Sag 5/2025 - Tilskud til foreninger            2\n"
        "Sag 6/2025 - Revision af retningslinjer for lokaletilskud til foreningerne  3\n"
        "Sag 7/2025 - Eventuelt                         4\n"
        "\n"
        "Sag 4/2025 - Godkendelse af dagsorden\nBeslutning: Godkendt.\n"
    )
    shape = segment(split_lines(text))
    assert [e.page for e in shape.toc] == [2, 2, 3, 4]
