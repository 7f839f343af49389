"""The paragraph rules of PDF rows (``read/pdf_rows.py``), on rows built by hand: what the
engines give for the layouts of real PDFs (026: a bold heading straight above its text)."""

from __future__ import annotations

import pytest

from referat_parser.lines import join_wrapped
from referat_parser.read.pdf_rows import Row, leading, number_lines, paragraphs

BODY = 10.9  # 026's body size in points


def row(text: str, top: float, *, x0: float = 40, x1: float = 540, bold: bool = False,
        size: float = BODY) -> Row:  # fmt: skip
    return Row(text, x0, x1, top, top + size * 1.15, bold=bold, size=size)


def texts(rows: list[Row]) -> list[str]:
    return [p.text for p in paragraphs(rows)]


def test_a_bold_heading_right_above_its_text_is_its_own_line() -> None:
    rows = [
        row("Beslutninger", 100, x1=110, bold=True, size=13.6),
        row("Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i", 117),
        row("byrådets møde den 27. august 2025.", 130, x1=230),
    ]
    assert texts(rows) == [
        "Beslutninger",
        (
            "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde "
            "den 27. august 2025."
        ),
    ]


def test_a_line_that_was_not_full_ends_its_paragraph() -> None:
    rows = [
        row("Baggrund:", 100, x1=85),
        row("Havnens Perle har været en fast del af Aarhus Havns identitet siden 1962 og er", 113),
        row("en elsket institution blandt mange.", 126, x1=220),
        row("Grillbaren har vundet flere priser.", 139, x1=230),
    ]
    assert texts(rows) == [
        "Baggrund:",
        (
            "Havnens Perle har været en fast del af Aarhus Havns identitet siden 1962 og er en "
            "elsket institution blandt mange."
        ),
        "Grillbaren har vundet flere priser.",
    ]


def test_a_gap_a_size_change_or_capitals_end_a_paragraph() -> None:
    rows = [
        row("Det er afgørende, at der findes en løsning for Havnens Perle på Aarhus Ø, og at", 100),
        row("BESLUTNINGSFORSLAG FRA DD EFTER EN LANG OVERSKRIFT SOM FYLDER HELE LINJEN ØVERST", 113),
        row("Den nuværende placering er truet af den kommende byudvikling på Aarhus Ø, og", 140),
        row("Resume over flere ord i en større skrift, som fylder hele linjen ud til højre", 153,
            size=14),
    ]  # fmt: skip
    assert len(texts(rows)) == 4


def test_toc_entries_stay_one_a_line() -> None:
    rows = [
        row("Godkendelse af dagsorden.................................................... 3", 100),
        row("Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, med ti 17",
            113),
        row("Anlægsbevilling til Kongeruten i Kongelunden................................ 18", 126),
    ]  # fmt: skip
    assert len(texts(rows)) == 3


def test_two_columns_are_read_column_by_column() -> None:
    left = [row(f"venstre spalte linje {k} med tekst der fylder", 100 + 13 * k, x1=290)
            for k in range(3)]  # fmt: skip
    right = [row(f"højre spalte linje {k} med tekst der fylder", 100 + 13 * k, x0=310)
             for k in range(3)]  # fmt: skip
    out = texts(left + right)
    assert len(out) == 2 and out[0].startswith("venstre") and out[1].startswith("højre")


def test_hyphens_at_line_ends() -> None:
    assert (
        join_wrapped("orientering om ny 2030-", "fremskrivning")
        == "orientering om ny 2030-fremskrivning"
    )
    assert join_wrapped("i sundheds-", "væsenet") == "i sundhedsvæsenet"
    assert join_wrapped("mange p-pladser i p-", "huse") == "mange p-pladser i p-huse"
    assert join_wrapped("Sundheds-", "og Ældreudvalget") == "Sundheds- og Ældreudvalget"
    assert join_wrapped("fra EU-", "Kommissionen") == "fra EU-Kommissionen"
    assert join_wrapped("en pause -", "og så") == "en pause - og så"
    assert join_wrapped("slutningen.", "Næste") == "slutningen. Næste"


def test_pdfium_line_end_hyphen_marks_and_ligatures() -> None:
    rows = [
        row(
            "Bevillingen budget\ufffelægges i Teknik og Miljø; kommunens p\ufffehuse ﬁnansieres",
            100,
        )
    ]
    assert texts(rows) == [
        "Bevillingen budgetlægges i Teknik og Miljø; kommunens p-huse finansieres"
    ]


def test_line_style_is_relative_to_the_body_text() -> None:
    page = paragraphs(
        [
            row("Punkt 1: Godkendelse af dagsorden", 60, bold=True, size=16.3),
            row("Beslutninger", 100, bold=True, size=13.6),
            row("Godkendt.", 117, x1=90),
            row(
                "Der var ingen bemærkninger til dagsordenen, som blev godkendt uden ændringer", 130
            ),
            row("af de fremmødte.", 143, x1=120),
        ]
    )
    lines = [ln for ln in number_lines([page]) if not ln.blank]
    styles = [ln.style for ln in lines]
    assert all(s is not None for s in styles)
    heading, block, first, second = styles  # type: ignore[misc]
    assert heading.bold and heading.size == 1.5 and heading.emphasised
    assert block.bold and block.size == 1.25 and block.gap > 1.0
    assert not first.bold and first.size == 1.0 and not first.emphasised
    assert second.gap < 0.1  # set straight below: no gap
    assert [ln.page for ln in lines] == [1, 1, 1, 1]


def test_one_and_a_half_spacing_still_joins_wrapped_lines() -> None:
    pitch = BODY * 1.8  # 1.5 line spacing
    rows = [
        Row(f"ord {k} " * 14, 40, 540, 100 + k * pitch, 100 + k * pitch + BODY, size=BODY)
        for k in range(6)
    ]
    assert len(paragraphs(rows, leading(rows_pages := [rows]))) == 1
    assert leading(rows_pages) == pytest.approx(1.8)
    assert len(paragraphs(rows)) == 6  # at single spacing those would be paragraphs


def test_unruled_cells_become_tabs_only_where_columns_line_up() -> None:
    toc = [
        Row("Forord\t3", 40, 540, 100, 112, size=BODY, table=True, gapped=True,
            cell_starts=(530.0,)),
        Row("Rammen for samarbejdet\t4", 40, 540, 113, 125, size=BODY, table=True, gapped=True,
            cell_starts=(530.0,)),
    ]  # fmt: skip
    justified = Row("psykiatriområdet\tog", 40, 290, 140, 152, size=BODY, table=True,
                    gapped=True, cell_starts=(260.0,))  # fmt: skip
    out = paragraphs([*toc, justified])
    assert [p.text for p in out] == [
        "Forord\t3",
        "Rammen for samarbejdet\t4",
        "psykiatriområdet og",
    ]
    assert [p.table for p in out] == [True, True, False]


def test_blank_lines_before_headings_not_between_the_lines_of_a_block() -> None:
    page = paragraphs(
        [
            row("Bilag", 100, x1=70, bold=True, size=13.6),
            row("Indstilling", 125, x1=90),
            row("Bilag 1: Beslutningsforslag", 150, x1=200),
            row("Beslutninger", 180, x1=110, bold=True, size=13.6),
            row("Godkendt.", 197, x1=90),
        ]
    )
    assert [ln.text for ln in number_lines([page])] == [
        "Bilag", "Indstilling", "Bilag 1: Beslutningsforslag", "", "Beslutninger", "Godkendt.", "",
    ]  # fmt: skip


def test_case_numbers_under_headings_are_not_running_headers() -> None:
    """026 opens every item on a new page: "Punkt N: …" then its own case number."""
    from referat_parser.diagnostics import Diagnostics
    from referat_parser.lines import Line
    from referat_parser.read.furniture import strip_page_furniture

    lines: list[Line] = []
    for page, case in enumerate(["EMN-2023-009832", "EMN-2025-003383", "EMN-2025-003928"], 1):
        for text in [f"Punkt {page}: Emne", case, "Tekst.", "Aarhus Kommune 2025", f"Side {page}"]:
            lines.append(Line(len(lines) + 1, text, page))
    kept = [ln.text for ln in strip_page_furniture(lines, Diagnostics())]
    assert [k for k in kept if k.startswith("EMN")] == ["EMN-2023-009832", "EMN-2025-003383",
                                                        "EMN-2025-003928"]  # fmt: skip
    assert "Side 2" not in kept and "Aarhus Kommune 2025" not in kept  # the footer is furniture
