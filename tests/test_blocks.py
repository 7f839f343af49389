from __future__ import annotations

import datetime as dt

import pytest

from referat_parser.layout.blocks import block_heading, render, split_blocks
from referat_parser.lines import Line, split_lines


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Resumé", "resume"),
        ("Resume", "resume"),
        ("Sagsfremstilling", "sagsfremstilling"),
        ("Redegørelse", "sagsfremstilling"),  # a case system's template
        ("Sagens indhold", "sagsfremstilling"),
        ("Indstilling:", "indstilling"),
        ("Beslutning", "beslutning"),
        ("Bilag", "bilag"),
        ("Beslutningstema", "andet"),
        ("Lovgrundlag", "andet"),
        ("Indstilling fra administrationen:", "indstilling"),
        ("Sagsfremstilling fra forvaltningen", "sagsfremstilling"),
        ("Aftale:", "beslutning"),
        ("Bilag (vedhæftet):", "bilag"),  # a heading word with a note in parentheses
        ("Aftaler", "beslutning"),
    ],
)
def test_block_heading_vocabulary(text: str, kind: str) -> None:
    probe = block_heading(Line(1, text))
    assert probe is not None and probe[0] == kind


def test_decision_heading_carries_body_and_date() -> None:
    probe = block_heading(Line(1, "Beslutning i Sundhedsklynge Sydvestjylland den 17-05-2023"))
    assert probe == ("beslutning", "Sundhedsklynge Sydvestjylland", dt.date(2023, 5, 17))
    probe = block_heading(Line(1, "Beslutning i Økonomiudvalget den 3. maj 2023"))
    assert probe == ("beslutning", "Økonomiudvalget", dt.date(2023, 5, 3))


@pytest.mark.parametrize(
    "text",
    ["PROCES", "ØKONOMI", "Klyngeøkonomi", "Målgruppen", "Status på arbejdet", "Proces",
     "Beslutningen blev truffet i enighed.", "Bilag er vedlagt.",
     "Bilag fra mødet", "Indstilling fra administrationen om budget for 2025 og 2026 blev fulgt"],
)  # fmt: skip
def test_subheadings_and_sentences_are_not_block_headings(text: str) -> None:
    assert block_heading(Line(1, text)) is None


def test_blocks_in_any_order_with_empty_blocks_kept() -> None:
    text = "Beslutning\n\nDagsordenen blev godkendt.\n\nSagsfremstilling\n\nResume\n"
    blocks, absent = split_blocks(split_lines(text))
    assert [(b.kind, b.heading.no if b.heading else None) for b in blocks] == [
        ("beslutning", 1), ("sagsfremstilling", 5), ("resume", 7),
    ]  # fmt: skip
    assert [ln.no for ln in blocks[0].content] == [3]
    assert blocks[1].content == [] and absent == []


def test_unheaded_recommendation_forms_an_indstilling_block() -> None:
    text = (
        "Det indstilles,\n\nat orienteringen tages til efterretning\n\nSagsfremstilling\n\nTekst."
    )
    blocks, _ = split_blocks(split_lines(text))
    assert (blocks[0].kind, blocks[0].heading) == ("indstilling", None)
    assert blocks[1].kind == "sagsfremstilling"


def test_unheaded_other_text_forms_an_andet_block() -> None:
    blocks, _ = split_blocks(split_lines("Formandskabet byder velkommen.\n\nBeslutning\n\nOk."))
    assert (blocks[0].kind, blocks[0].heading) == ("andet", None)


def test_absence_line_leaves_the_decision() -> None:
    text = "Beslutning\n\nIntet at bemærke.\n\nFraværende Stephanie Lose, V (orlov)\n"
    blocks, absent = split_blocks(split_lines(text))
    assert [ln.no for ln in blocks[0].content] == [3]
    assert [[ln.no for ln in r.lines] for r in absent] == [[5]]
    assert [ln.no for ln in blocks[0].structure] == [5]  # in the block's span, not its text


def test_absence_label_over_a_list_of_names() -> None:
    text = (
        "Beslutning\n\nGodkendt.\n\nFravær med afbud:\n\n• Hanne Madsen\n\n• Ib Holm\n\nJens kom."
    )
    blocks, absent = split_blocks(split_lines(text))
    assert [(r.text, r.reason, [ln.no for ln in r.lines]) for r in absent] == [
        ("Hanne Madsen, Ib Holm", "afbud", [5, 7, 9])
    ]
    assert [ln.stripped for ln in blocks[0].content] == ["Godkendt.", "Jens kom."]


@pytest.mark.parametrize(
    ("text", "names", "reason"),
    [
        ("Afbud: Charlotte Levin", "Charlotte Levin", "afbud"),
        ("Fraværende uden afbud: Jens Holm", "Jens Holm", "uden afbud"),
        ("Fraværende: Ib, V (afbud)", "Ib, V (afbud)", "fravær"),
        ("Fraværende: ", "", "fravær"),
        ("Fraværende med afbud:\n\nIngen.", "", "afbud"),
    ],
)
def test_absence_record_forms(text: str, names: str, reason: str) -> None:
    _, absent = split_blocks(split_lines("Beslutning\n\nGodkendt.\n\n" + text))
    assert [(r.text, r.reason) for r in absent] == [(names, reason)]


def test_a_sentence_after_an_absence_word_is_prose_not_a_record() -> None:
    _, absent = split_blocks(
        split_lines("Beslutning\n\nAfbud fra Bo Ravn. Dina Kok deltog i stedet.")
    )
    assert absent == []


def test_render_joins_paragraphs_with_one_blank_line() -> None:
    lines = split_lines("\n  Første linje\nanden linje  \n\n\n\nNyt afsnit\n\n")
    assert render(lines) == "Første linje\nanden linje\n\nNyt afsnit"


def test_two_undated_decisions_in_a_decision_first_item_take_the_first_and_say_so() -> None:
    from referat_parser import parse_text

    doc = parse_text(
        "REFERAT Udvalget d. 04-03-2025\n\nPunkt 1: Budget\n\nBeslutning\n\nAnbefales.\n\n"
        "Indstilling\n\nDet indstilles, at budgettet godkendes.\n\nBeslutning\n\nGodkendt.\n"
    )
    assert doc.items[0].decision is not None and doc.items[0].decision.text == "Anbefales."
    assert [d.code for d in doc.diagnostics if d.code == "decision-ambiguous"] == [
        "decision-ambiguous"
    ]


def test_an_inline_attachment_line_ends_an_inline_decision_only() -> None:
    """ "Bilag: X" right under "Aftale: …" is the item's attachment block, not the decision's
    text; inside a Sagsfremstilling it stays a line of that block."""
    text = "Aftale: Forslaget blev vedtaget.\n\nBilag: Kort over stien\n"
    blocks, _ = split_blocks(split_lines(text))
    assert [(b.kind, render(b.content)) for b in blocks] == [
        ("beslutning", "Forslaget blev vedtaget."), ("bilag", "Kort over stien"),
    ]  # fmt: skip
    text = "Sagsfremstilling\n\nSe planen.\nBilag: Kort over stien\n"
    blocks, _ = split_blocks(split_lines(text))
    assert [b.kind for b in blocks] == ["sagsfremstilling"]


def test_a_continued_heading_atop_a_page_goes_on_with_its_block() -> None:
    text = "Sagsfremstilling\n\nFørste del.\n\nSagsfremstilling (fortsat)\nAnden del.\n"
    blocks, _ = split_blocks(split_lines(text))
    assert [b.kind for b in blocks] == ["sagsfremstilling"]


def test_a_lead_in_every_item_repeats_is_no_heading_of_the_document() -> None:
    """A short line in every item is a heading the document repeats ("Løsning"), unless it is
    a clause: "Klyngesekretariatet indstiller, at Klyngeforum" leads in each item's points."""
    from referat_parser import parse_text

    item = (
        "Punkt {n}. Sag {n}\n\nBaggrund\n\nTekst.\n\nIndstilling\n\n"
        "Klyngesekretariatet indstiller, at Klyngeforum\n\n• godkender sag {n}\n\n"
        "Konklusion\n\nGodkendt.\n\n"
    )
    doc = parse_text("Referat\n\n" + "".join(item.format(n=n) for n in range(1, 5)))
    assert len(doc.items) == 4
    for it in doc.items:
        assert [b.kind for b in it.blocks] == ["andet", "indstilling", "beslutning"]
        assert [r.text for r in it.recommendations] == [f"godkender sag {it.number}"]
