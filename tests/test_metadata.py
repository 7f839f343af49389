from __future__ import annotations

import pytest

from referat_parser.diagnostics import Diagnostics
from referat_parser.extract.metadata import read_metadata
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
