"""Danish amounts, percentages and allocation keys (amounts.py).

The many small cases live in fixtures/rules/amounts.txt; this file adds exactness,
serialisation, robustness and the allocation-key checks."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from conftest import seed
from referat_parser import parse_file
from referat_parser.diagnostics import Diagnostics
from referat_parser.extract.amounts import (
    find_allocations,
    find_amounts,
    parse_amount,
    parse_number,
    parse_percent,
)
from referat_parser.lines import Line, split_lines
from referat_parser.models import Amount
from rulefixtures import Case, read_cases

CASES = read_cases("amounts.txt")
_ESCAPES = {"<NBSP>": "\u00a0", "<NNBSP>": "\u202f", "<TAB>": "\t"}


def _unescape(text: str) -> str:
    for mark, char in _ESCAPES.items():
        text = text.replace(mark, char)
    return text


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def test_fixture_has_many_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_amount_rules(case: Case) -> None:
    text = _unescape(case.input)
    where = f"fixtures/rules/amounts.txt:{case.line}"
    expected: dict[str, Any] = case.expected
    assert set(expected) <= {"amount", "number", "percent", "prose"}, where
    if "amount" in expected:
        assert _str(parse_amount(text)) == expected["amount"], where
    if "number" in expected:
        assert _str(parse_number(text)) == expected["number"], where
    if "percent" in expected:
        assert _str(parse_percent(text)) == expected["percent"], where
    if "prose" in expected:
        got = [[a.text, str(a.value)] for a in find_amounts(split_lines(text))]
        want = [[_unescape(t), v] for t, v in expected["prose"]]
        assert got == want, where


@pytest.mark.parametrize(
    ("text", "json_text"),
    [
        ("1.293.000 kr.", "1293000"),
        ("50.000,50 kr.", "50000.5"),
        ("257,5 mio. kr.", "257500000"),
        ("0,1 kr.", "0.1"),
        ("1.234,56 kr.", "1234.56"),
        ("-50.000 kr.", "-50000"),
    ],
)
def test_amounts_serialise_exactly(text: str, json_text: str) -> None:
    """Integral kroner are JSON integers, øre the shortest exact decimal; never 50000.499999."""
    value = parse_amount(text)
    assert value is not None
    assert str(value) == json_text  # exact Decimal, no exponent ("1.293E+6")
    dumped = Amount(text=text, value=value, line=1).model_dump_json()
    assert f'"value":{json_text},' in dumped
    loaded = json.loads(dumped, parse_float=Decimal)["value"]
    assert loaded == Decimal(json_text)
    assert isinstance(json.loads(dumped)["value"], int) == ("." not in json_text)


def test_sums_of_amounts_stay_exact() -> None:
    cells = ["0,10 kr.", "0,20 kr.", "0,70 kr."]
    assert sum((parse_amount(c) or Decimal(0) for c in cells), Decimal(0)) == 1


def test_amounts_carry_their_line_and_page() -> None:
    lines = [Line(7, "Intro uden beløb.", 2), Line(8, "Der afsættes 1,2 mia. kr. i alt.", 3)]
    (amount,) = find_amounts(lines)
    assert (amount.text, amount.value, amount.currency, amount.line, amount.page) == (
        "1,2 mia. kr.",
        Decimal(1_200_000_000),
        "DKK",
        8,
        3,
    )


def test_long_digit_runs_do_not_hang_or_crash() -> None:
    text = "1" * 5000 + " kr. " + "1.000" * 2000 + " kr. " + "1 000" * 2000 + " kr."
    found = find_amounts(split_lines(text))
    assert all(abs(a.value) < Decimal(10) ** 18 for a in found)
    assert parse_amount("9" * 5000 + " kr.") is None


# --- the seeds ------------------------------------------------------------------------------


def test_seed_000_item_3_prose_amounts() -> None:
    item = parse_file(seed("000")).items[2]
    assert [(a.text, a.value) for a in item.amounts] == [
        ("6.547.550 kr.", Decimal(6547550)),
        ("4.673.150 kr.", Decimal(4673150)),
    ]


def test_seed_003_amounts() -> None:
    doc = parse_file(seed("003"))
    found = [(a.text, a.value) for item in doc.items for a in item.amounts]
    assert found == [
        ("250 mio. kr.", Decimal(250_000_000)),
        ("100 mio. kr.", Decimal(100_000_000)),
        ("257,5 mio. kr.", Decimal(257_500_000)),
        ("150 mio. kr.", Decimal(150_000_000)),
    ]


# --- allocation keys ------------------------------------------------------------------------

KEY_004 = (
    "- Fordelingsnøglen er 40% til kommunerne (Rebild: 10%, Vesthimmerland: 15% og "
    "Mariagerfjord Kommune: 15%) samt 60% til Region Nordjylland (somatik og psykiatri)."
)


def _allocations(text: str) -> tuple[list[tuple[str, Decimal]], list[Any], Diagnostics]:
    diags = Diagnostics()
    found = find_allocations(split_lines(text), diags)
    shares = [(s.label, s.percent) for a in found for s in a.shares]
    return shares, found, diags


def test_allocation_key_of_004_sums_to_100() -> None:
    shares, found, diags = _allocations("Indledning.\n" + KEY_004)
    assert shares == [("kommunerne", Decimal(40)), ("Region Nordjylland", Decimal(60))]
    (alloc,) = found
    assert (alloc.total_percent, alloc.sums_to_100, alloc.line) == (Decimal(100), True, 2)
    assert alloc.text == KEY_004
    assert diags.items == []  # the breakdown 10 + 15 + 15 matches the 40


def test_allocation_key_in_seed_004() -> None:
    doc = parse_file(seed("004"))
    found = [a for s in doc.sections for a in s.allocations]
    assert [(a.line, a.sums_to_100, [s.percent for s in a.shares]) for a in found] == [
        (99, True, [Decimal(40), Decimal(60)])
    ]


def test_allocation_that_sums_to_90_is_reported() -> None:
    shares, found, diags = _allocations(
        "Midlerne fordeles med 40% til kommunerne og 50 % til Region Syddanmark."
    )
    assert shares == [("kommunerne", Decimal(40)), ("Region Syddanmark", Decimal(50))]
    assert (found[0].total_percent, found[0].sums_to_100) == (Decimal(90), False)
    assert [(d.code, d.line, d.message) for d in diags.items] == [
        ("allocation-not-100", 1, "allocation shares sum to 90%, not 100%")
    ]


def test_allocation_breakdown_that_does_not_add_up_is_reported() -> None:
    text = KEY_004.replace("Vesthimmerland: 15%", "Vesthimmerland: 20%")
    _, found, diags = _allocations(text)
    assert found[0].sums_to_100 is True  # the top level still adds up
    assert [(d.code, d.message) for d in diags.items] == [
        (
            "allocation-breakdown-mismatch",
            "a share of 40% is broken down into parts that sum to 45%",
        )
    ]


def test_decimal_shares_are_exact() -> None:
    shares, found, _ = _allocations(
        "Fordelingen er 33,4% til Rebild, 33,3% til Aalborg og 33,3% til Region Nordjylland."
    )
    assert [p for _, p in shares] == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert found[0].sums_to_100 is True


def test_percentages_without_an_allocation_cue_are_not_a_key() -> None:
    shares, found, diags = _allocations("Ledigheden faldt fra 40% til 30% til kommunerne.")
    assert (shares, found, diags.items) == ([], [], [])


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("(1.370)", Decimal(-1370)),
        ("(390)", Decimal(-390)),
        ("(2024)", None),
        ("850", Decimal(850)),
    ],
)
def test_an_accountants_negative_in_parentheses(cell: str, value: Decimal | None) -> None:
    """A table cell "(1.370)" is -1.370 (a Word budget table's Afvigelse column); a year in
    parentheses is no amount."""
    from referat_parser.extract.amounts import parse_number

    assert parse_number(cell) == value
