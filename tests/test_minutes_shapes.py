"""Whole-document rules for minute shapes the rule fixtures cannot show line by line: which
blocks an item gets and what its decision is. Each document is written for the test, in the
style of a publisher the corpus does not hold."""

from __future__ import annotations

from referat_parser import parse_text

PROSE_MINUTES = """Foreningen Grønnegården
Bestyrelsen

Referat af bestyrelsesmøde mandag den 4. marts 2024 kl. 19.00

Ad 1. Godkendelse af referat
Referatet fra sidste møde blev godkendt.

Ad pkt. 2 Orientering fra formanden
Formanden har modtaget et brev fra kommunen om parkering. Brevet er sendt videre til
kommunens vejafdeling. Til efterretning.

Ad pkt. 3 Næste møde
Punktet blev udsat.
"""


def test_prose_minutes_make_each_items_text_its_decision() -> None:
    """No item has a block heading: each item's text is its decision, and the account ends in
    what was decided (item 2's "sendt videre" is what happened, "Til efterretning" the outcome)."""
    doc = parse_text(PROSE_MINUTES)
    assert doc.kind == "referat"
    assert [(i.number, i.title) for i in doc.items] == [
        (1, "Godkendelse af referat"),
        (2, "Orientering fra formanden"),
        (3, "Næste møde"),
    ]
    assert [[b.kind for b in i.blocks] for i in doc.items] == [["beslutning"]] * 3
    outcomes = [i.decision.outcome if i.decision else None for i in doc.items]
    assert outcomes == ["godkendt", "taget_til_efterretning", "udsat"]


AGENDA_WITH_TEXT = PROSE_MINUTES.replace("Referat af", "Dagsorden for")


def test_an_agendas_item_text_is_no_decision() -> None:
    doc = parse_text(AGENDA_WITH_TEXT)
    assert doc.kind == "dagsorden"
    assert all(i.decision is None for i in doc.items)


CONCLUSIONS = """Mødereferat
Arbejdsgruppen for sammenhængende forløb

1) Velkomst
Konklusion:
Formanden bød velkommen.

2) Fælles retningslinje for udskrivelse
Baggrund:
Gruppen har drøftet et udkast i to omgange.
Indstilling:
Det indstilles, at retningslinjen godkendes.
Konklusion:
Retningslinjen blev godkendt.
"""


def test_konklusion_is_the_items_decision() -> None:
    doc = parse_text(CONCLUSIONS)
    assert [[b.kind for b in i.blocks] for i in doc.items] == [
        ["beslutning"],
        ["andet", "indstilling", "beslutning"],
    ]
    assert doc.items[1].decision is not None
    assert doc.items[1].decision.outcome == "godkendt"
