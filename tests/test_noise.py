from __future__ import annotations

import pytest

from referat_parser.lines import Line
from referat_parser.read.noise import clean_inline, clean_lines, is_noise


@pytest.mark.parametrize("text", ["Tilbage til toppen", "Abonnér", "  tilbage til toppen  "])
def test_web_furniture_lines(text: str) -> None:
    assert is_noise(text)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("drøftede sagen på deres sidste [møde](#), hvor", "drøftede sagen på deres sidste møde, hvor"),
        ("- **Behandlingsansvar**", "- Behandlingsansvar"),
        ("der udbydes *Lær at tackle* -kurser.", "der udbydes Lær at tackle -kurser."),
        ('<ul style="list-style-type: none">• Se budget', "• Se budget"),
        ("5 * 3 = 15 og a*b", "5 * 3 = 15 og a*b"),
        ("Sundhed &amp; Omsorg", "Sundhed & Omsorg"),
        ("Intet at bemærke.", "Intet at bemærke."),
    ],
)  # fmt: skip
def test_inline_markup_is_unwrapped(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


def test_clean_lines_keeps_numbers_and_pages() -> None:
    lines = [Line(1, "Abonnér"), Line(2, "**Tekst**", 3), Line(3, "Tilbage til toppen")]
    assert clean_lines(lines) == [Line(2, "Tekst", 3)]


def test_block_tags_separate_words_but_add_no_edge_spaces() -> None:
    assert clean_inline("plan<br>i 2024") == "plan i 2024"
    assert clean_inline("<li>Plan</li><li>Evaluering</li>") == "Plan Evaluering"
    assert clean_inline("<p>Tekst</p>") == "Tekst"
    assert clean_inline("fed <b>tekst</b> her") == "fed tekst her"


@pytest.mark.parametrize(
    "text",
    [
        "Til toppen af siden",
        "Udskriv hele referatet",
        "Hent som PDF (1,2 MB)",
        "Tilgængelighedserklæring   Cookies   Privatlivspolitik",
        "Kontakt · Cookies · Sitemap",
        "Forside › Politik › Dagsordener og referater › Teknisk Udvalg › 04.03.2025",
        "Forside » Byråd » Referater",
        "Vis bilag",
        "Cookiepolitik",
        "Dagsordener og referater leveres af EtFirma",
        "Gå direkte til sidens indhold",
        "Hent dagsorden som PDF · Print ·",
        "Udskriv referat | Abonnér på dagsordener",  # a row of page tools, every cell furniture
        "Print · Del på Facebook",
    ],
)
def test_furniture_families_and_footer_rows(text: str) -> None:
    assert is_noise(text)


@pytest.mark.parametrize(
    "text",
    [
        "Til toppen af siden blev der i år lagt et nyt tag, som udvalget besluttede i maj.",
        "Kontakt   Borgerservice",  # one footer word is no footer
        "Udskriv hele referatet og send det til alle medlemmer af bestyrelsen inden mødet",
        "Udvalget › Byrådet",  # one step is no trail
        "Dagsordener og referater leveres af sekretariatet senest otte dage før hvert møde.",
        "Vis bilag 3 for detaljerne",
        "Print | Budget 2025",  # one cell of content: no tools row
        "Abonnér på nyhedsbrevet fra Ældrerådet, som udkommer fire gange om året i 2025",
    ],
)
def test_content_that_starts_like_furniture_stays(text: str) -> None:
    assert not is_noise(text)
