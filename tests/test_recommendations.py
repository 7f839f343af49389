from __future__ import annotations

import pytest

from referat_parser import parse_text
from referat_parser.diagnostics import Diagnostics
from referat_parser.extract.recommendations import extract_recommendations, item_recommendations
from referat_parser.lines import Line, split_lines
from rulefixtures import Case, read_cases

CASES = read_cases("recommendations.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_recommendation_rules(case: Case) -> None:
    lead_in = case.input.startswith("#lead-in")
    text = case.input.replace("#lead-in", "", 1) if lead_in else case.input
    got = extract_recommendations(split_lines(text), Diagnostics(), lead_in=lead_in)
    assert got == case.expected, f"fixtures/rules/recommendations.txt:{case.line}"


def test_opener_without_recommendations_is_reported() -> None:
    diags = Diagnostics()
    extract_recommendations(split_lines("Intro.\n\nDet indstilles, at Direktørforum:\n"), diags)
    assert [(d.code, d.line) for d in diags.items] == [("recommendation-empty", 3)]


# --- what became of each recommendation (issue 8) ---------------------------------------------


def _minutes(indstilling: str, beslutning: str, kind: str = "REFERAT") -> str:
    return f"""{kind} Teknik- og Miljøudvalget d. 03-03-2025

Punkt 1: Budget for vejvedligeholdelse 2025

Sagsfremstilling

Forvaltningen har udarbejdet et forslag til fordeling af midlerne.

Indstilling

{indstilling}

Beslutning

{beslutning}
"""


THREE_POINTS = """Forvaltningen indstiller, at

at udvalget godkender fordelingen af midlerne til asfalt

at udvalget godkender en pulje til cykelstier

at sagen oversendes til Økonomiudvalget"""


def _links(text: str) -> list[tuple[str | None, str | None]]:
    item = parse_text(text).items[0]
    return [(r.outcome, r.evidence) for r in item.recommendations]


def test_at_points_decided_one_by_one_are_linked_one_by_one() -> None:
    links = _links(
        _minutes(THREE_POINTS, "Indstillingens 1. at-punkt godkendt, 2. at-punkt udsat.")
    )
    assert links == [
        ("godkendt", "Indstillingens 1. at-punkt godkendt"),
        ("udsat", "2. at-punkt udsat."),
        (None, None),  # the decision says nothing about the third point
    ]


def test_at_points_named_by_ordinal_words_and_lists() -> None:
    decision = "1. og 2. at-punkt blev godkendt. Indstillingens tredje at-punkt blev ikke godkendt."
    links = _links(_minutes(THREE_POINTS, decision))
    assert [outcome for outcome, _ in links] == ["godkendt", "godkendt", "afvist"]
    assert links[2][1] == "Indstillingens tredje at-punkt blev ikke godkendt."


def test_an_approval_of_the_recommendation_decides_every_point() -> None:
    for decision, outcome in [
        ("Indstillingen blev godkendt.", "godkendt"),
        ("Godkendt.", "godkendt"),
        ("Godkendt med de faldne bemærkninger.", "godkendt"),
        ("Anbefales godkendt.", "godkendt"),
        ("Indstillingen blev tiltrådt.", "indstilling_fulgt"),
        ("Sagen blev udsat til næste møde.", "udsat"),
        ("Forslaget blev forkastet.", "afvist"),
    ]:
        links = _links(_minutes(THREE_POINTS, decision))
        assert links == [(outcome, decision)] * 3, decision


def test_a_decision_about_something_else_links_nothing() -> None:
    links = _links(_minutes(THREE_POINTS, "Udvalget godkendte et nyt mødested for 2026."))
    assert links == [(None, None)] * 3
    links = _links(_minutes(THREE_POINTS, "Direktøren gav en status på arbejdet."))
    assert links == [(None, None)] * 3


def test_a_decision_that_repeats_the_wording_decides_that_recommendation() -> None:
    decision = (
        "Udvalget godkendte fordelingen af midlerne til asfalt. "
        "Puljen til cykelstier blev udsat til budgetforhandlingerne."
    )
    links = _links(_minutes(THREE_POINTS, decision))
    assert links[0] == ("godkendt", "Udvalget godkendte fordelingen af midlerne til asfalt.")
    assert links[1] == (
        "udsat",
        "Puljen til cykelstier blev udsat til budgetforhandlingerne.",
    )
    assert links[2] == (None, None)


def test_taking_note_decides_the_recommendation_that_asks_for_it() -> None:
    text = _minutes(
        "Det indstilles, at udvalget tager orienteringen til efterretning.",
        "Taget til orientering.",
    )
    assert _links(text) == [("taget_til_efterretning", "Taget til orientering.")]


def test_an_agenda_links_nothing() -> None:
    text = _minutes(THREE_POINTS, "", kind="DAGSORDEN").replace("Beslutning\n", "")
    doc = parse_text(text)
    assert doc.kind == "dagsorden"
    assert [r.text for r in doc.items[0].recommendations] == [
        "udvalget godkender fordelingen af midlerne til asfalt",
        "udvalget godkender en pulje til cykelstier",
        "sagen oversendes til Økonomiudvalget",
    ]
    assert {r.outcome for r in doc.items[0].recommendations} == {None}
    assert doc.summary.recommendations_linked == 0


def test_an_amendment_to_an_at_point_does_not_decide_that_point() -> None:
    decision = "Ændringsforslag til 2. at-punkt blev forkastet. Indstillingen blev godkendt."
    links = _links(_minutes(THREE_POINTS, decision))
    assert links == [("godkendt", "Indstillingen blev godkendt.")] * 3


# --- which blocks an item's recommendations come from (issue 15) ------------------------------


def _block(text: str) -> list[Line]:
    return split_lines(text)


def test_an_items_own_indstilling_wins_over_lead_ins_quoted_in_the_case() -> None:
    blocks = [
        ("indstilling", _block("Forvaltningen indstiller,\n\n• at planen godkendes\n")),
        ("sagsfremstilling", _block("I 2024 blev det indstillet.\n\nDet indstilles, at X sker.\n")),
        ("beslutning", _block("Godkendt.\n")),
    ]
    assert item_recommendations(blocks, Diagnostics()) == ["planen godkendes"]


def test_without_an_indstilling_every_block_but_the_decision_is_read() -> None:
    blocks = [
        ("andet", _block("Det indstilles, at udvalget godkender budgettet.\n")),
        ("beslutning", _block("Det indstilles, at intet sker.\n")),
    ]
    assert item_recommendations(blocks, Diagnostics()) == ["udvalget godkender budgettet."]


def test_an_indstilling_without_points_falls_back_to_the_other_blocks() -> None:
    blocks = [
        ("indstilling", _block("Der skal ikke træffes beslutning på mødet.\n")),
        ("resume", _block("Det indstilles:\nAt 1) sagen drøftes.\n")),
    ]
    assert item_recommendations(blocks, Diagnostics()) == ["sagen drøftes."]


def test_a_motion_that_opens_in_the_decision_block_runs_on_into_the_next() -> None:
    blocks = [
        ("beslutning", _block("Fremsendes til Teknisk Udvalg.\nBESLUTNINGSFORSLAG FRA V\n")),
        ("andet", _block("Baggrund:\nVi foreslår, at\n1. Byrådet bygger en bro.\n")),
        ("andet", _block("Borgmesterens Afdeling foreslår, at\n1. broen undersøges.\n")),
        ("resume", _block("Resume\nDet indstilles:\nAt 1) broen undersøges nærmere.\n")),
    ]
    assert item_recommendations(blocks, Diagnostics()) == ["broen undersøges nærmere."]
