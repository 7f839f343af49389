"""Decision outcomes, evidence, resolutions and votes (issue 8), one fixture case each."""

from __future__ import annotations

from typing import Any

import pytest

from referat_parser.decisions import analyse_decision
from referat_parser.lines import Line, split_lines
from rulefixtures import Case, read_cases

CASES = read_cases("decisions.txt")


def _analysed(text: str) -> dict[str, Any]:
    result = analyse_decision([ln for ln in split_lines(text) if isinstance(ln, Line)])
    votes = result.votes.model_dump(by_alias=True) if result.votes else None
    return {
        "outcome": result.outcome,
        "outcome_text": result.outcome_text,
        "resolutions": [{"text": r.text, "outcome": r.outcome} for r in result.resolutions],
        "votes": votes,
    }


def test_the_fixture_holds_at_least_40_decisions() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_decision_rules(case: Case) -> None:
    got = _analysed(case.input)
    where = f"fixtures/rules/decisions.txt:{case.line}"
    for key, want in case.expected.items():
        if key == "votes" and want is not None:
            assert got["votes"] is not None, where
            for field, value in want.items():
                assert got["votes"][field] == value, f"{where} votes.{field}"
        else:
            assert got[key] == want, f"{where} {key}"
