from __future__ import annotations

from referat_parser import parse_text
from referat_parser.diagnostics import Diagnostics
from referat_parser.lines import Line, split_lines
from referat_parser.read.furniture import strip_page_furniture


def _paged(pages: list[list[str]]) -> list[Line]:
    return split_lines("\n\f".join("\n".join(p) for p in pages))


def test_running_header_and_page_numbers_are_removed() -> None:
    lines = _paged([
        ["REFERAT Udvalget", "", "Første side tekst.", "Side 1 af 3"],
        ["REFERAT Udvalget", "", "Anden side tekst.", "Side 2 af 3"],
        ["REFERAT Udvalget", "", "Tredje side tekst.", "Side 3 af 3"],
    ])  # fmt: skip
    diags = Diagnostics()
    kept = [ln.stripped for ln in strip_page_furniture(lines, diags) if not ln.blank]
    # the header's first occurrence opens the document: it is the title, so it stays
    assert kept == [
        "REFERAT Udvalget",
        "Første side tekst.",
        "Anden side tekst.",
        "Tredje side tekst.",
    ]
    assert [d.code for d in diags.items] == ["page-furniture-removed"]


def test_line_on_one_page_only_and_block_headings_are_kept() -> None:
    lines = _paged(
        [["Beslutning", "Godkendt.", "Unik linje"], ["Beslutning", "Taget til efterretning."]]
    )
    kept = [ln.stripped for ln in strip_page_furniture(lines, Diagnostics())]
    assert kept == [
        "Beslutning",
        "Godkendt.",
        "Unik linje",
        "Beslutning",
        "Taget til efterretning.",
    ]


def test_line_numbers_and_pages_survive() -> None:
    lines = _paged([["Hoved", "a"], ["Hoved", "b"]])
    kept = strip_page_furniture(lines, Diagnostics())
    assert [(ln.no, ln.page, ln.text) for ln in kept] == [(1, 1, "Hoved"), (2, 1, "a"), (4, 2, "b")]


def test_mid_line_form_feed_splits_the_line_between_pages() -> None:
    assert [(ln.no, ln.page, ln.text) for ln in split_lines("a\nb\fc\nd")] == [
        (1, 1, "a"), (2, 1, "b"), (2, 2, "c"), (3, 2, "d"),
    ]  # fmt: skip


def test_form_feed_text_through_the_pipeline() -> None:
    page = "REFERAT Udvalget d. 01-02-2025\n\nPunkt {n}: Emne {n}\n\nBeslutning\n\nGodkendt.\n\nSide {n} af 2"
    doc = parse_text("\n\f".join(page.format(n=n) for n in (1, 2)))
    assert [i.title for i in doc.items] == ["Emne 1", "Emne 2"]
    assert doc.source.pages == 2 and doc.items[1].page == 2
    assert all("Side" not in b.text for i in doc.items for b in i.blocks)


def test_header_above_a_different_first_line_is_removed_on_every_page() -> None:
    lines = _paged([["Side 1 af 2", "Titel", "a."], ["Side 2 af 2", "b."]])
    kept = [ln.stripped for ln in strip_page_furniture(lines, Diagnostics()) if not ln.blank]
    assert kept == ["Titel", "a.", "b."]


def test_an_absence_line_at_the_foot_of_pages_is_content() -> None:
    """Items that each close with the same absence line, at the foot of their page: the
    line repeats because the person was away from each item, not as a footer."""
    lines = _paged([
        ["Sag nr. 1 Godkendelse", "Godkendt.", "Fraværende: Ida Holm (A)", "Side 1"],
        ["Sag nr. 2 Meddelelser", "Taget til efterretning.", "Fraværende: Ida Holm (A)", "Side 2"],
        ["Sag nr. 3 Budget", "Godkendt.", "Fraværende: Ida Holm (A)", "Side 3"],
    ])  # fmt: skip
    kept = [ln.stripped for ln in strip_page_furniture(lines, Diagnostics()) if not ln.blank]
    assert kept.count("Fraværende: Ida Holm (A)") == 3
    assert "Side 2" not in kept
