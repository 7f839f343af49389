from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from referat_parser.diagnostics import Diagnostics
from referat_parser.extract.metadata import date_from_decisions, read_metadata
from referat_parser.lines import split_lines
from rulefixtures import Case, read_cases

CASES = read_cases("headers.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_header_rules(case: Case) -> None:
    meta = read_metadata(split_lines(case.input), Diagnostics())
    got = {
        "kind": meta.kind,
        "title": meta.title,
        "body": meta.body,
        "date": meta.date.isoformat() if meta.date else None,
        "start_time": meta.start_time,
        "location": meta.location,
    }
    assert got == case.expected, f"fixtures/rules/headers.txt:{case.line}"


def test_incomplete_date_is_reported_not_guessed() -> None:
    diags = Diagnostics()
    meta = read_metadata(split_lines("REFERAT Direktørforum d. 5. juni"), diags)
    assert meta.date is None
    assert [d.code for d in diags.items] == ["date-unparsed"]
    assert diags.items[0].line == 1


def test_no_title_is_a_diagnostic() -> None:
    diags = Diagnostics()
    read_metadata(split_lines("Mødedato 1. maj 2023"), diags)
    assert [d.code for d in diags.items] == ["no-title"]


def test_the_date_most_decision_headings_share_and_on_a_tie_the_first() -> None:
    """The date most decision headings print wins; a tie goes to the first printed."""
    first, second = dt.date(2015, 3, 23), dt.date(2015, 4, 20)
    assert date_from_decisions([first, second, second, None]) == second
    assert date_from_decisions([second, first]) == second
    assert date_from_decisions([None, None]) is None


def test_a_tie_between_decision_dates_is_the_same_on_every_run() -> None:
    """A set's order varies with the hash seed (a date hashes by its bytes): under seed 3 a
    set-based tie break picked the second date. Each seed is a fresh interpreter."""
    code = (
        "import datetime as dt; from referat_parser.extract.metadata import date_from_decisions;"
        " print(date_from_decisions([dt.date(2015, 4, 20), dt.date(2015, 3, 23)]))"
    )
    for seed in range(1, 9):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "2015-04-20", seed
