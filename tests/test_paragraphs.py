"""Wrapped lines joined back into paragraphs (extract/paragraphs.py, issue 15)."""

from __future__ import annotations

import pytest

from referat_parser.extract.paragraphs import continues, paragraphs
from referat_parser.lines import split_lines


@pytest.mark.parametrize(
    ("above", "line", "joined"),
    [
        # lower case after a line that does not end its sentence: wrapped
        ("Fremsendes til Kulturudvalget til behandling i byrådets møde den 27. august", "2025.", True),
        ("Tilbagesendes forvaltningen med bemærkning, at byrådet har", "vedtaget indstillingen.", True),
        # a long line without punctuation wraps even before a capital
        ("Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har vedtaget",
         "Magistratens indstilling af 19. august 2025.", True),
        # a short line before a capital is a heading or a label
        ("Ad 1 og 2", "Stemte imod:", False),
        ("Ændringsforslag 1", "Udvalget foreslog at ændre temaet.", False),
        # a line that stops on "at" or "til" was cut mid-sentence
        ("Det indstilles, at", "Forslag til lokalplan 14 vedtages.", True),
        # a full stop ends the sentence, unless the next line starts in lower case
        ("Sagen blev taget til efterretning.", "Afbud: Charlotte Hansen", False),
        ("… til efterretning, jf.", "bilag 3.", True),
        ("… i mødet den 4.", "marts 2026.", True),
        # new points never carry on; a date is not a point
        ("Det indstilles, at Direktørforum", "1. Godkender dagsordenen", False),
        ("Fremsendes til udvalget i mødet den", "27. august 2025.", True),
        ("• Dijana Hansen", "• Michael Jensen", False),
        ("Stemte imod:", "A, med bemærkning om skatten.", False),
        # a bare point carries on onto its text
        ("• at", "Sundheds- og Omsorgsudvalget godkender planen.", True),
    ],
)  # fmt: skip
def test_continues(above: str, line: str, joined: bool) -> None:
    assert continues(above, line) is joined


def test_an_at_clause_after_a_comma_is_a_new_point_only_among_points() -> None:
    assert continues("at budgettet godkendes,", "at sagen genoptages.", points=True) is False
    assert continues("at budgettet godkendes, og", "at sagen genoptages.", points=True) is False
    assert continues("Udvalget besluttede, og", "at sagen genoptages.") is True


def test_paragraphs_join_wrapped_lines_and_keep_each_parts_line() -> None:
    text = (
        "Sundheds-\n"
        "og Omsorgsforvaltningen indstiller, at udvalget tager klimaregn-\n"
        "skabet til efterretning. Det blev\n"
        "godkendt.\n"
        "\n"
        "Næste afsnit.\n"
    )
    paras = paragraphs(split_lines(text))
    joined = (
        "Sundheds- og Omsorgsforvaltningen indstiller, at udvalget tager klimaregnskabet til "
        "efterretning. Det blev godkendt."
    )
    assert [p.text for p in paras] == [joined, "Næste afsnit."]
    first = paras[0]
    assert first.line.no == 1
    assert first.line_at(first.text.index("skabet")).no == 3
    assert first.line_at(first.text.index("godkendt")).no == 4
    assert paras[1].line.no == 6
