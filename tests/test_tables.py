"""Tables (tables.py): constructed tables through ``parse_text`` and ``extract_tables``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from conftest import seed
from referat_parser import parse_file, parse_text
from referat_parser.diagnostics import Diagnostics
from referat_parser.extract import tables
from referat_parser.extract.tables import (
    TableScan,
    check_promised_tables,
    clean_cell,
    extract_tables,
    is_total_label,
)
from referat_parser.lines import Line, split_lines
from referat_parser.models import Document, Item, Table

HEAD = "Referat af møde i Testklyngen den 1. marts 2024\n\nPunkt 1: Budget\nSagsfremstilling\n"
BODY_START = 5  # line of the first body line in ``HEAD + body``


def parse_item(body: str) -> tuple[Item, Document]:
    doc = parse_text(HEAD + body)
    assert [item.number for item in doc.items] == [1]
    return doc.items[0], doc


def scan(text: str) -> tuple[TableScan, Diagnostics]:
    diags = Diagnostics()
    return extract_tables(split_lines(text), diags), diags


def scan_lines(lines: list[Line]) -> tuple[TableScan, Diagnostics]:
    diags = Diagnostics()
    return extract_tables(lines, diags), diags


def only_table(text: str) -> tuple[Table, Diagnostics]:
    result, diags = scan(text)
    (table,) = result.tables
    return table, diags


def all_text(doc: Document) -> str:
    """Every string in the JSON output, to check that no word of the input was dropped."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(doc.model_dump(mode="json"))
    return "\n".join(found)


# --- money tables and their totals ----------------------------------------------------------

BUDGET = (
    "Budgettet fremgår af nedenstående tabel.\n"
    "\n"
    "Aktivitet\tUdgifter kommuner\tUdgifter region\n"
    "Kompetenceudvikling\t131.200 kr.\t92.000 kr.\n"
    "Personaleudgifter\t1.036.800 kr.\t364.400 kr.\n"
    "Evaluering\t50.000 kr.\t50.000 kr.\n"
    "Materialer\t75.000 kr.\t75.000 kr.\n"
    "I alt\t1.293.000 kr.\t581.400 kr.\n"
    "\n"
    "For udspecificeret budget se bilag.\n"
)


def test_money_table_whose_total_matches() -> None:
    item, doc = parse_item(BUDGET)
    (table,) = item.tables
    assert table.columns == ["Aktivitet", "Udgifter kommuner", "Udgifter region"]
    assert [row.label for row in table.rows] == [
        "Kompetenceudvikling",
        "Personaleudgifter",
        "Evaluering",
        "Materialer",
    ]
    assert table.rows[1].cells == ["Personaleudgifter", "1.036.800 kr.", "364.400 kr."]
    assert table.rows[1].values == [Decimal(1036800), Decimal(364400)]
    assert table.total is not None
    assert (table.total.label, table.total.values) == ("I alt", [1293000, 581400])
    assert table.computed_totals == [Decimal(1293000), Decimal(581400)]
    assert (table.totals_ok, table.is_money) == (True, True)
    assert (table.line_start, table.line_end) == (BODY_START + 2, BODY_START + 7)
    assert table.rows[0].line == BODY_START + 3
    # the rows left the block text; the prose around them stayed; the promise is kept
    text = item.blocks[0].text
    assert "131.200" not in text
    assert text.startswith("Budgettet fremgår") and text.endswith("se bilag.")
    assert not [d for d in doc.diagnostics if d.code in {"missing-table", "total-mismatch"}]
    assert (doc.summary.tables, doc.summary.tables_with_total, doc.summary.totals_ok) == (1, 1, 1)
    dumped = json.loads(doc.model_dump_json())["items"][0]["tables"][0]
    assert dumped["computed_totals"] == [1293000, 581400]
    assert isinstance(dumped["computed_totals"][0], int)


def test_total_mismatch_names_column_printed_and_computed_figures() -> None:
    item, doc = parse_item(BUDGET.replace("I alt\t1.293.000 kr.", "I alt\t1.300.000 kr."))
    (table,) = item.tables
    assert table.totals_ok is False
    assert table.computed_totals == [Decimal(1293000), Decimal(581400)]
    mismatches = [d for d in doc.diagnostics if d.code == "total-mismatch"]
    assert [(d.severity, d.line, d.message) for d in mismatches] == [
        (
            "warning",
            BODY_START + 7,
            "column 'Udgifter kommuner': printed total 1300000 but the rows sum to 1293000",
        )
    ]
    assert doc.summary.totals_mismatch == 1


def test_money_table_without_total_row() -> None:
    table, diags = only_table("Post\tBeløb\nLøn\t100.000 kr.\nDrift\t50.000,50 kr.\n")
    assert table.total is None
    assert table.totals_ok is None
    assert table.is_money is True
    assert table.computed_totals == [Decimal("150000.5")]
    assert [row.label for row in table.rows] == ["Løn", "Drift"]
    assert diags.items == []


@pytest.mark.parametrize(
    "label", ["I alt", "Total", "Sum", "I alt kr.", "Total:", "I ALT", "I alt (kr.)", "Samlet"]
)
def test_total_labels(label: str) -> None:
    table, diags = only_table(f"Post\tBeløb\nLøn\t100 kr.\nDrift\t50 kr.\n{label}\t150 kr.\n")
    assert table.total is not None and table.total.label == label
    assert (len(table.rows), table.totals_ok) == (2, True)
    assert diags.items == []


@pytest.mark.parametrize("label", ["Summen af tilskud", "Totalentreprise", "Alt andet", "Kr."])
def test_labels_that_are_not_totals(label: str) -> None:
    assert not is_total_label(label)


def test_subtotal_rows_stay_rows_and_are_not_summed_twice() -> None:
    table, diags = only_table(
        "Post\tBeløb\nLøn\t100 kr.\nDrift\t50 kr.\nSum\t150 kr.\nHusleje\t25 kr.\nI alt\t175 kr.\n"
    )
    assert [row.label for row in table.rows] == ["Løn", "Drift", "Sum", "Husleje"]
    assert table.total is not None and table.total.label == "I alt"
    assert (table.computed_totals, table.totals_ok) == ([Decimal(175)], True)
    assert diags.items == []


def test_percentage_column_is_kept_but_not_summed_as_money() -> None:
    table, diags = only_table(
        "Kommune\tAndel\tBeløb (kr.)\n"
        "Rebild\t25 %\t100.000\n"
        "Vesthimmerland\t75%\t300.000\n"
        "I alt\t100 %\t400.000\n"
    )
    assert table.is_money is True
    assert table.rows[0].cells == ["Rebild", "25 %", "100.000"]
    assert [row.values for row in table.rows] == [[None, 100000], [None, 300000]]
    assert (table.computed_totals, table.totals_ok) == ([None, Decimal(400000)], True)
    assert diags.items == []


def test_table_of_only_percentages_is_not_money() -> None:
    table, diags = only_table("Kommune\tAndel (%)\nRebild\t25\nAalborg\t75\nI alt\t100\n")
    assert table.is_money is False
    assert (table.totals_ok, table.computed_totals) == (None, [])
    assert table.total is not None and table.total.cells == ["I alt", "100"]
    assert diags.items == []


def test_empty_and_dash_cells() -> None:
    table, diags = only_table(
        "Post\tKommuner\tRegion\n"
        "Løn\t100.000 kr.\t-\n"
        "Drift\t\t50.000 kr.\n"
        "Husleje\t–\t–\n"
        "I alt\t100.000 kr.\t50.000 kr.\n"
    )
    assert [row.cells for row in table.rows] == [
        ["Løn", "100.000 kr.", "-"],
        ["Drift", "", "50.000 kr."],
        ["Husleje", "–", "–"],
    ]
    assert [row.values for row in table.rows] == [[100000, None], [None, 50000], [None, None]]
    assert (table.computed_totals, table.totals_ok) == ([100000, 50000], True)
    assert diags.items == []


def test_trailing_tab_is_an_empty_cell_not_a_ragged_row() -> None:
    table, diags = only_table("Post\tA\tB\nLøn\t10 kr.\t\nDrift\t5 kr.\t2 kr.\n")
    assert table.rows[0].cells == ["Løn", "10 kr.", ""]
    assert table.computed_totals == [15, 2]
    assert diags.items == []


@pytest.mark.parametrize(
    ("header", "cells", "values"),
    [
        ("Beløb (kr.)", ("131.200", "50.000"), (131200, 50000)),
        ("Beløb i kr.", ("131.200", "50.000"), (131200, 50000)),
        ("1.000 kr.", ("131", "50,5"), (131000, 50500)),
        ("Udgifter (t.kr.)", ("131", "50"), (131000, 50000)),
        ("Mio. kr.", ("1,5", "2"), (1500000, 2000000)),
        ("DKK", ("1.000", "÷500"), (1000, -500)),
    ],
)
def test_currency_in_the_header_and_bare_numbers_in_the_cells(
    header: str, cells: tuple[str, str], values: tuple[int, int]
) -> None:
    total = sum(Decimal(v) for v in values)
    table, diags = only_table(
        f"Post\t{header}\nLøn\t{cells[0]}\nDrift\t{cells[1]}\nI alt\t{total}\n".replace(
            f"I alt\t{total}", "I alt\t-"
        )
    )
    assert table.columns == ["Post", header]
    assert table.is_money is True
    assert [row.values for row in table.rows] == [[values[0]], [values[1]]]
    assert table.computed_totals == [total]
    assert table.totals_ok is None  # the total row prints no figure: nothing to compare
    assert diags.items == []


def test_unit_in_the_label_header_applies_to_year_columns() -> None:
    table, diags = only_table("Mio. kr.\t2024\t2025\nLøn\t1,5\t2\nDrift\t0,5\t-\nTotal\t2,0\t2\n")
    assert table.columns == ["Mio. kr.", "2024", "2025"]
    assert [row.values for row in table.rows] == [[1500000, 2000000], [500000, None]]
    assert (table.computed_totals, table.totals_ok) == ([2000000, 2000000], True)
    assert diags.items == []


def test_year_columns_without_a_unit_are_not_money() -> None:
    table, diags = only_table("Post\t2024\t2025\nLøn\t100\t120\nDrift\t50\t60\n")
    assert table.is_money is False
    assert table.rows[0].values == [None, None]
    assert diags.items == []


def test_table_without_header_row() -> None:
    table, diags = only_table("Løn\t100.000 kr.\nDrift\t50.000 kr.\nI alt\t150.000 kr.\n")
    assert table.columns == []
    assert [row.label for row in table.rows] == ["Løn", "Drift"]
    assert (table.computed_totals, table.totals_ok) == ([150000], True)
    assert diags.items == []


def test_headerless_mismatch_names_the_column_by_position() -> None:
    _, diags = only_table("Løn\t100 kr.\nDrift\t50 kr.\nI alt\t160 kr.\n")
    assert [d.message for d in diags.items] == [
        "column '#2': printed total 160 but the rows sum to 150"
    ]


def test_empty_label_cell_keeps_the_columns_in_place() -> None:
    table, diags = only_table(
        "Post\tA\tB\nLøn\t10 kr.\t20 kr.\n\t5 kr.\t7 kr.\nI alt\t15 kr.\t27 kr.\n"
    )
    assert table.rows[1].cells == ["", "5 kr.", "7 kr."]
    assert (table.computed_totals, table.totals_ok) == ([15, 27], True)
    assert diags.items == []


def test_unreadable_money_cell_is_reported() -> None:
    table, diags = only_table(
        "Post\tBeløb\nLøn\tca. 100.000 kr.\nDrift\t50.000 kr.\nHusleje\t10.000 kr.\n"
    )
    assert table.rows[0].cells == ["Løn", "ca. 100.000 kr."]
    assert table.rows[0].values == [None]
    assert [(d.code, d.line, d.message) for d in diags.items] == [
        ("amount-unparsed", 2, "could not read the amount 'ca. 100.000 kr.'")
    ]


# --- ragged rows, non-money tables, what is not a table -------------------------------------


def test_ragged_rows_are_kept_as_printed_and_reported() -> None:
    table, diags = only_table(
        "Post\tA\tB\nLøn\t10 kr.\nDrift\t5 kr.\t7 kr.\tnote\nI alt\t15 kr.\t7 kr.\n"
    )
    assert [row.cells for row in table.rows] == [
        ["Løn", "10 kr."],
        ["Drift", "5 kr.", "7 kr.", "note"],
    ]
    assert [row.values for row in table.rows] == [[10, None], [5, 7]]
    assert table.totals_ok is True
    assert [(d.code, d.line, d.message) for d in diags.items] == [
        ("table-ragged-row", 2, "table row has 2 cells, the header has 3"),
        ("table-ragged-row", 3, "table row has 4 cells, the header has 3"),
    ]


def test_alignment_tabs_are_not_ragged() -> None:
    table, diags = only_table("Post\tBeløb\nLøn\t\t100 kr.\nDrift\t50 kr.\n")
    assert table.rows[0].cells == ["Løn", "100 kr."]
    assert table.computed_totals == [150]
    assert diags.items == []


def test_text_table_is_not_money() -> None:
    table, diags = only_table(
        "Navn\tRolle\tOrganisation\nBo Libergren\tFormand\tRegion Syddanmark\n"
        "Eva Lund\tNæstformand\tVejen Kommune\nI alt\t2 personer\t\n"
    )
    assert table.is_money is False
    assert (table.total is not None, table.computed_totals, table.totals_ok) == (True, [], None)
    assert table.rows[0].values == [None, None]
    assert diags.items == []


def test_table_of_contents_with_tab_page_numbers_is_not_a_table() -> None:
    toc = (
        "Forord\t3\n"
        "Rammen for samarbejdet\t4\n"
        "Sundhedsaftalen og pejlemærkerne\t4\n"
        "Velkomst v/formanden.....\t7\n"
    )
    result, diags = scan(toc)
    assert (result.tables, result.consumed, diags.items) == ([], frozenset(), [])
    item, _ = parse_item("Indhold:\n\n" + toc + "\nTekst efter.\n")
    assert item.tables == []
    assert "Rammen for samarbejdet\t4" in item.blocks[0].text


def test_falling_numbers_are_a_table_not_a_toc() -> None:
    table, _ = only_table("Kommune\tAntal\nRebild\t12\nAalborg\t9\n")
    assert table.columns == ["Kommune", "Antal"]


def test_tab_indented_lines_are_not_a_table() -> None:
    result, _ = scan("\tFørste indrykkede afsnit.\n\tAndet indrykkede afsnit.\n")
    assert result.tables == []


def test_single_tab_line_is_not_a_table() -> None:
    result, _ = scan("Intro.\nPost\tBeløb\nMere tekst.\n")
    assert result.tables == []


def test_one_blank_line_between_rows_keeps_one_table() -> None:
    table, _ = only_table("Post\tBeløb\n\nLøn\t100 kr.\n\nI alt\t100 kr.\n")
    assert (len(table.rows), table.totals_ok, table.line_end) == (1, True, 5)


def test_two_tables_separated_by_prose() -> None:
    result, _ = scan("A\tB\n1 kr.\t2 kr.\nTekst imellem.\nC\tD\nx\ty\n")
    assert [t.columns for t in result.tables] == [["A", "B"], ["C", "D"]]
    assert result.consumed == frozenset({1, 2, 4, 5})


# --- cell text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('<ul style="list-style-type: none">• Se budget jf. punkt 3.', "Se budget jf. punkt 3."),
        ("<ul><li>Første</li><li>Anden</li></ul>", "Første Anden"),
        ("Linje et<br>linje to<br/>linje tre", "Linje et linje to linje tre"),
        ("Forebyggelse &amp; sundhed", "Forebyggelse & sundhed"),
        ("<b>Fed</b> og <i>kursiv</i>", "Fed og kursiv"),
        ("Pris&nbsp;&lt;&nbsp;1.000 kr.", "Pris < 1.000 kr."),
        ("- punkt med bindestreg", "punkt med bindestreg"),
        ("Hjem <Rebild> ude", "Hjem <Rebild> ude"),
        ("  to   mellemrum  ", "to mellemrum"),
    ],
)
def test_cells_are_cleaned_of_html(raw: str, clean: str) -> None:
    assert clean_cell(raw) == clean


def test_html_in_cells_through_the_parser() -> None:
    item, _ = parse_item(
        "Indsats\tStatus\n"
        'Kom trygt hjem\t<ul style="list-style-type: none">• Se budget &amp; plan</ul>\n'
        "Akut\t<p><b>Afventer</b> gruppen</p>\n"
    )
    (table,) = item.tables
    assert [row.cells for row in table.rows] == [
        ["Kom trygt hjem", "Se budget & plan"],
        ["Akut", "Afventer gruppen"],
    ]


def test_block_tags_between_words_through_the_parser() -> None:
    item, _ = parse_item("Indsats\tStatus\nA\t<li>Plan</li><li>Evaluering<br>i 2024</li>\nB\tC\n")
    assert item.tables[0].rows[0].cells == ["A", "Plan Evaluering i 2024"]


# --- wrapped cells --------------------------------------------------------------------------

# 000 item 6's shape: every cell of the last row wrapped onto its own paragraph, in order.
WRAPPED = (
    "Område\tIndsats\tStatus\n"
    "Samarbejde om børn og\tForslag om anvendelsen af midler afventer en nedsat\t"
    "Konkret beløb udmøntes, når\n"
    "\n"
    "unge i klyngen.\n"
    "\n"
    "arbejdsgruppes nærmere beskrivelse af indsatsen.\n"
    "\n"
    "forslaget forelægges klyngen.\n"
    "\n"
    "Ad hoc gruppen mødes i maj.\n"
)


def test_wrapped_cells_are_joined_when_the_counts_agree() -> None:
    table, diags = only_table(WRAPPED)
    assert table.rows[0].cells == [
        "Samarbejde om børn og unge i klyngen.",
        (
            "Forslag om anvendelsen af midler afventer en nedsat arbejdsgruppes nærmere "
            "beskrivelse af indsatsen."
        ),
        "Konkret beløb udmøntes, når forslaget forelægges klyngen.",
    ]
    assert table.line_end == 8
    assert diags.items == []


def test_wrapped_text_that_cannot_be_placed_is_kept_and_reported() -> None:
    body = WRAPPED.replace("forslaget forelægges klyngen.\n", "forslaget forelægges\n\nklyngen.\n")
    item, doc = parse_item(body)
    (table,) = item.tables
    assert table.rows[0].cells[1] == "Forslag om anvendelsen af midler afventer en nedsat"
    unplaced = [d for d in doc.diagnostics if d.code == "table-cell-unplaced"]
    assert [d.line for d in unplaced] == [BODY_START + n for n in (3, 5, 7, 9)]
    assert unplaced[1].message == (
        "wrapped table text could not be placed in a cell: "
        "'arbejdsgruppes nærmere beskrivelse af indsatsen.'"
    )
    # never drop text: every word of the input is somewhere in the output
    output = all_text(doc)
    for word in body.split():
        assert word in output, word
    assert "arbejdsgruppes nærmere beskrivelse af indsatsen." in item.blocks[0].text


def test_no_input_word_is_lost_in_any_table_test_document() -> None:
    for body in (BUDGET, WRAPPED, "Løn\t100 kr.\nI alt\t100 kr.\nSum\tx\n"):
        _, doc = parse_item(body)
        output = all_text(doc)
        assert all(word in output for word in body.split())


# --- promised tables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Målgruppen fremgår af nedenstående tabel.",
        "Fordelingen ses i følgende tabel:",
        "Økonomien er vist i tabellen nedenfor.",
        "Se tabel herunder for detaljer.",
        "Budgettet fremgår af nedenstående skema.",
        "I nedenstående budgettabel er udgifterne vist.",
        "Tallene fremgår af efterfølgende tabel.",
    ],
)
def test_promised_table_that_is_missing_is_reported(sentence: str) -> None:
    _, doc = parse_item(f"Indledning.\n{sentence}\nIndstillingen følger.\n")
    missing = [d for d in doc.diagnostics if d.code == "missing-table"]
    assert [(d.severity, d.line) for d in missing] == [("warning", BODY_START + 1)]


def test_missing_table_quotes_the_clause() -> None:
    diags = Diagnostics()
    lines = split_lines("Målgruppestørrelsen er estimeret, og den fremgår af nedenstående tabel.")
    check_promised_tables(lines, False, diags)
    assert [d.message for d in diags.items] == [
        "the text refers to a table that is not there: 'og den fremgår af nedenstående tabel'"
    ]


def test_promised_table_that_follows_is_not_reported() -> None:
    item, doc = parse_item(BUDGET)
    assert len(item.tables) == 1
    assert not [d for d in doc.diagnostics if d.code == "missing-table"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Se ovenstående tabel.",
        "Tabellen i bilag 2 viser fordelingen.",
        "Der udarbejdes en tabel over forbruget.",
        "Skemaet sendes ud efter mødet.",
    ],
)
def test_table_mentions_that_promise_nothing_below(sentence: str) -> None:
    _, doc = parse_item(f"{sentence}\n")
    assert not [d for d in doc.diagnostics if d.code == "missing-table"]


# --- the seeds ------------------------------------------------------------------------------


def test_seed_000_tables() -> None:
    doc = parse_file(seed("000"))
    budget = doc.items[2].tables[0]
    assert (budget.totals_ok, budget.computed_totals) == (True, [1293000, 581400])
    (status,) = doc.items[5].tables
    assert status.is_money is False
    assert status.rows[2].cells[2] == (
        "Konkret beløb udmøntes, når forslag om anvendelsen af midler til indsatsen "
        "forelægges det politiske niveau i klyngen."
    )
    assert status.rows[0].cells[1] == "Se budget jf. nærværende dagsordens punkt 3."
    assert sum(len(item.tables) for item in doc.items) == 2


def test_seed_003_promised_table_is_missing() -> None:
    doc = parse_file(seed("003"))
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "missing-table"] == [
        ("missing-table", 185)
    ]
    assert all(item.tables == [] for item in doc.items)


def test_seed_tocs_are_not_tables() -> None:
    for prefix in ("001", "002", "004"):
        doc = parse_file(seed(prefix))
        assert [t for i in doc.items for t in i.tables] == []
        assert [t for s in doc.sections for t in s.tables] == []


# --- space-aligned tables (pdftotext -layout) ------------------------------------------------

LAYOUT = (
    "Aktivitet              Udgifter kommuner    Udgifter region\n"
    "Kompetenceudvikling          131.200 kr.         92.000 kr.\n"
    "Personaleudgifter          1.036.800 kr.        364.400 kr.\n"
    "Evaluering                    50.000 kr.                  -\n"
    "I alt                      1.218.000 kr.        456.400 kr.\n"
)


def test_space_aligned_budget_table() -> None:
    item, doc = parse_item("Budgettet ses her:\n" + LAYOUT + "Tekst efter.\n")
    (table,) = item.tables
    assert table.columns == ["Aktivitet", "Udgifter kommuner", "Udgifter region"]
    assert table.rows[1].cells == ["Personaleudgifter", "1.036.800 kr.", "364.400 kr."]
    assert table.rows[2].values == [50000, None]
    assert (table.computed_totals, table.totals_ok) == ([1218000, 456400], True)
    assert (table.line_start, table.line_end) == (BODY_START + 1, BODY_START + 5)
    assert item.blocks[0].text == "Budgettet ses her:\nTekst efter."
    assert not [d for d in doc.diagnostics if d.code.startswith("table")]


def test_space_aligned_table_with_bare_figures_and_percentages() -> None:
    table, _ = only_table(
        "Kommune        Andel    Beløb (kr.)\n"
        "Rebild          25 %        100.000\n"
        "Aalborg         75 %        300.000\n"
    )
    assert [row.values for row in table.rows] == [[None, 100000], [None, 300000]]


@pytest.mark.parametrize(
    "text",
    [
        # justified prose with double spaces
        (
            "Sundhedsklyngen  drøftede  sagen  og  besluttede\n"
            "at  sende  den  videre  til  det  politiske\n"
            "niveau  med  en  anbefaling  om  godkendelse.\n"
        ),
        # a list of names in two columns: words, not figures
        "Bo Libergren      Formand\nEva Lund          Næstformand\nJens Hansen       Medlem\n",
        # figures that do not line up
        "Post  Beløb\nLøn                       100 kr.\nDrift  50 kr.\n",
        # only two lines
        "Post        Beløb\nLøn        100 kr.\n",
    ],
)
def test_space_runs_that_are_not_tables(text: str) -> None:
    result, diags = scan(text)
    assert (result.tables, result.consumed, diags.items) == ([], frozenset(), [])


def test_a_space_table_starts_after_the_last_row_that_is_not_figures() -> None:
    """The stretch of equal-width lines is measured once (issue 20 item 2); a table from a later
    line of it is still found: here from the header after the two prose lines."""
    result, _ = scan("Ord      ord\nmere     tekst\nPost     2024\nLøn     1.500\nDrift   2.000\n")
    (table,) = result.tables
    assert table.columns == ["mere", "tekst"]
    assert [row.cells for row in table.rows] == [
        ["Post", "2024"],
        ["Løn", "1.500"],
        ["Drift", "2.000"],
    ]
    assert table.line_start == 2 and table.line_end == 5


def test_a_failed_space_run_is_not_rescanned_from_every_line() -> None:
    """8,000 lines of "Ord  ord" took 60 s (each line rescanned the rest): each line's cells
    are now read once."""
    calls = []
    original = tables._space_cells

    def counting(line: Line) -> object:
        calls.append(line.no)
        return original(line)

    lines = [Line(n, "Ord  ord") for n in range(1, 2001)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "_space_cells", counting)
        assert tables.extract_tables(lines, Diagnostics()).tables == []
    assert len(calls) == len(lines)


def test_rows_keep_their_own_page_across_a_page_break() -> None:
    result, _ = scan_lines(
        [Line(1, "Post\tBeløb", 1), Line(2, "Løn\t100 kr.", 1), Line(3, "Drift\t50 kr.", 2)]
    )
    (table,) = result.tables
    assert [(row.line, row.page) for row in table.rows] == [(2, 1), (3, 2)]
    assert table.page == 1


def test_promised_table_missing_in_a_report_without_items() -> None:
    doc = parse_text(
        "Statusrapport for klyngen 2024\n\nØkonomi\n\n"
        "Forbruget fremgår af nedenstående tabel.\n\nDer er ingen afvigelser.\n"
    )
    assert doc.items == []
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "missing-table"] == [
        ("missing-table", 5)
    ]


# --- tables flattened to one cell a line (extract/flattened.py) ---------------------------------

FLAT = """Tabel 2. Forventet forbrug på drift

Driftsramme
Mio. kr.
Budget
Forbrug
Afvigelse
Ældrepleje
120,5
118,0
2,5
• Heraf vikarer
4,0
6,0
-2,0
Sundhed
40,0
41,0
-1,0
Drift i alt
160,5
159,0
1,5
*Positive afvigelser er mindreforbrug.
"""


def test_flattened_table_reads_rows_under_its_caption() -> None:
    lines = split_lines(FLAT)
    scan = extract_tables(lines, Diagnostics())
    (table,) = scan.tables
    assert table.columns == ["Driftsramme Mio. kr.", "Budget", "Forbrug", "Afvigelse"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Ældrepleje", [Decimal(120_500_000), Decimal(118_000_000), Decimal(2_500_000)]),
        ("Heraf vikarer", [Decimal(4_000_000), Decimal(6_000_000), Decimal(-2_000_000)]),
        ("Sundhed", [Decimal(40_000_000), Decimal(41_000_000), Decimal(-1_000_000)]),
    ]
    assert table.total is not None and table.total.label == "Drift i alt"
    # the "Heraf" row is a part of the row above: not summed again
    assert table.totals_ok is True
    assert table.computed_totals == [Decimal(160_500_000), Decimal(159_000_000), Decimal(1_500_000)]
    # the caption and the footnote stay text
    assert {1, 24} & scan.consumed == set()


def test_flattened_table_with_wrapped_cells_marks_and_a_row_after_the_total() -> None:
    text = (
        "Tabel 1. Nye tiltag\n\nTiltag\n\nUdgift (mio. kr.)\n\nOmfattet af puljen\n\n"
        "1. Flere hænder\n\n• Vikarer\n\n• Nattevagter\n\n3,0\n\nX\n\n2. Bedre\n\nindretning\n\n"
        "1,5\n\nTiltag i alt\n\n4,5\n\nReserve til puljen\n\n2,0\n\nDette er ikke en tabel mere."
    )
    (table,) = extract_tables(split_lines(text), Diagnostics()).tables
    assert [(r.label, r.values[0]) for r in table.rows] == [
        ("1. Flere hænder • Vikarer • Nattevagter", Decimal(3_000_000)),
        ("2. Bedre indretning", Decimal(1_500_000)),
        ("Reserve til puljen", Decimal(2_000_000)),
    ]
    # rows after the total are not in it; the missing "X" was a dropped empty cell
    assert table.totals_ok is True and table.rows[1].cells[2] == ""


def test_flattened_rows_that_disagree_leave_the_total_unchecked() -> None:
    text = (
        "Tabel 3: Bevillinger\n\nProjekt\n\nBeløb i 1.000 kr.\n\n2027\n\n2028\n\n"
        "Skole\n\n100\n\n100\n\nHal\n\n50\n\nI alt\n\n100\n\n50\n\n150\n"
    )
    diags = Diagnostics()
    (table,) = extract_tables(split_lines(text), diags).tables
    assert table.total is not None and table.totals_ok is None
    assert [d.code for d in diags.items] == ["table-unaligned"]


def test_numbers_in_prose_without_a_caption_are_no_table() -> None:
    text = "Forbruget var\n\n120,5\n\nog budgettet\n\n118,0\n\nsiger forvaltningen."
    assert extract_tables(split_lines(text), Diagnostics()).tables == []


def test_row_numbers_before_the_label_and_a_caption_unit() -> None:
    text = (
        "Tabel 1 - Anlæg (1.000 kr.)\n\n"
        "Nr.\tProjekt\tBevilling\tForbrug\n"
        "12\tSkolegård\t1.000\t900\n"
        "14\tCykelsti\t500\t500\n"
        "\tI alt\t1.500\t1.400\n"
    )
    (table,) = extract_tables(split_lines(text), Diagnostics()).tables
    assert [r.label for r in table.rows] == ["Skolegård", "Cykelsti"]
    assert table.rows[0].values[1:] == [Decimal(1_000_000), Decimal(900_000)]
    assert table.total is not None and table.total.label == "I alt" and table.totals_ok is True


def test_unit_note_under_the_table_scales_its_figures() -> None:
    """An Acadre page prints the unit under the table ("Beløb i 1.000 kr.")."""
    text = (
        "1. Regnskab\n\nSagsfremstilling\nResultatet fordeler sig således:\n\n"
        "Udvalg\tBudget\tForbrug\nTeknik\t1.200\t1.150\nKultur\t800\t820\nI alt\t2.000\t1.970\n\n"
        "Beløb i 1.000 kr.\n"
    )
    (table,) = parse_text(text).items[0].tables
    assert table.rows[0].values == [Decimal(1_200_000), Decimal(1_150_000)]
    assert (table.computed_totals, table.totals_ok) == ([2_000_000, 1_970_000], True)


def test_budget_headers_make_bare_figures_kroner() -> None:
    """A school's budget printed in whole kroner with no unit: "Budget 2024" over figures."""
    text = (
        "1. Budget\n\nSagsfremstilling\nBudgettet:\n\n"
        "Post\tBudget 2023\tBudget 2024\nLøn\t31.840.000\t31.120.000\n"
        "Materialer\t412.000\t338.000\nI alt\t32.252.000\t31.458.000\n"
    )
    (table,) = parse_text(text).items[0].tables
    assert table.is_money
    assert table.rows[1].values == [Decimal(412_000), Decimal(338_000)]
    assert table.totals_ok is True


def test_a_count_table_stays_no_money() -> None:
    text = "1. Elevtal\n\nSagsfremstilling\nTal:\n\nÅrgang\t2023\t2024\n1.\t52\t48\n2.\t47\t51\n"
    (table,) = parse_text(text).items[0].tables
    assert not table.is_money


FIGURE_LIST = (
    "Sekretariatet indstiller følgende bevillinger:\n"
    "Ansøger og formål Indstillet beløb (kr.)\n"
    "Fjordby Kunstforening, katalog 45.000\n"
    "Vævelauget, udstyr 28.000\n"
    "Keramikgruppen, gæsteophold 2025 60.000\n"
    "I alt {total}\n"
    "Bestyrelsen godkendte indstillingen.\n"
)


def test_a_figure_list_with_single_spaces_is_a_table_when_its_total_checks() -> None:
    """pdftotext without -layout joins the columns by one space: the rows and the total line
    are a table when the total is their sum, the header split before its money words."""
    scan = extract_tables(split_lines(FIGURE_LIST.format(total="133.000")), Diagnostics())
    (table,) = scan.tables
    assert table.columns == ["Ansøger og formål", "Indstillet beløb (kr.)"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Fjordby Kunstforening, katalog", [Decimal(45000)]),
        ("Vævelauget, udstyr", [Decimal(28000)]),
        ("Keramikgruppen, gæsteophold 2025", [Decimal(60000)]),
    ]
    assert table.totals_ok is True
    assert sorted(scan.consumed) == [2, 3, 4, 5, 6]


def test_lines_ending_in_figures_without_a_matching_total_stay_prose() -> None:
    scan = extract_tables(split_lines(FIGURE_LIST.format(total="130.000")), Diagnostics())
    assert scan.tables == []
    # the sum checks, but bare figures under no header that names a unit are counts, not money
    prose = "Fremmødet blev talt.\nFørste dag kom 45\nanden dag 28\ntredje dag 2\nI alt 75\n"
    assert extract_tables(split_lines(prose), Diagnostics()).tables == []


def test_a_header_row_without_a_label_cell_heads_the_space_aligned_rows() -> None:
    """A typed table whose header leaves the label column empty: the header is still the
    header (with an empty first column), not the first row's figures."""
    text = (
        "Regnskab (kr.)\n\n"
        "                       Budget      Forbrug\n"
        "Løn                   500.000      210.000\n"
        "Drift                 120.000       45.500\n"
        "I alt                 620.000      255.500\n"
    )
    scan = extract_tables(split_lines(text), Diagnostics())
    (table,) = scan.tables
    assert table.columns == ["", "Budget", "Forbrug"]
    assert [(r.label, r.values) for r in table.rows] == [
        ("Løn", [Decimal(500_000), Decimal(210_000)]),
        ("Drift", [Decimal(120_000), Decimal(45_500)]),
    ]
    assert table.totals_ok is True
    assert sorted(scan.consumed) == [3, 4, 5, 6]


def test_a_first_row_of_a_label_and_bare_figures_is_data_not_a_header() -> None:
    """The unit in the caption, no header row: the first row is a row ("Kurser  45.000");
    a first row of years is a header."""
    text = (
        "Pulje (kr.)\n"
        "Møder            85.000\n"
        "Kurser           45.000\n"
        "Materialer       30.000\n"
        "I alt           160.000\n"
    )
    (table,) = extract_tables(split_lines(text), Diagnostics()).tables
    assert table.columns == []
    assert [r.label for r in table.rows] == ["Møder", "Kurser", "Materialer"]
    assert table.totals_ok is True
    years = "Post\t2024\t2025\nLøn\t1.500\t1.600\nDrift\t300\t310\n"
    (table,) = extract_tables(split_lines(years), Diagnostics()).tables
    assert table.columns == ["Post", "2024", "2025"]
