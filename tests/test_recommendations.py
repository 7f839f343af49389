from __future__ import annotations

import pytest

from referat_parser.diagnostics import Diagnostics
from referat_parser.lines import split_lines
from referat_parser.recommendations import extract_recommendations
from rulefixtures import Case, read_cases

CASES = read_cases("recommendations.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_recommendation_rules(case: Case) -> None:
    got = extract_recommendations(split_lines(case.input), Diagnostics())
    assert got == case.expected, f"fixtures/rules/recommendations.txt:{case.line}"


def test_opener_without_recommendations_is_reported() -> None:
    diags = Diagnostics()
    extract_recommendations(split_lines("Intro.\n\nDet indstilles, at Direktørforum:\n"), diags)
    assert [(d.code, d.line) for d in diags.items] == [("recommendation-empty", 3)]
