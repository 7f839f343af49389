"""Decision outcomes, evidence, resolutions and votes (issues 8 and 15), one fixture case each."""

from __future__ import annotations

from typing import Any

import pytest

from referat_parser.extract.decisions import (
    analyse_decision,
    classify,
    literal_words,
    point_numbers,
)
from referat_parser.lines import Line, split_lines
from referat_parser.vocab import DECISION_KEYWORDS, DECISION_OUTCOMES, DECISION_WEAK_OUTCOMES
from rulefixtures import Case, read_cases

CASES = read_cases("decisions.txt")


def _options(text: str) -> tuple[dict[str, str], str]:
    """A case's leading "#key: value" lines (the item's title and number), and the rest. The
    option lines stay in the text as blank lines, so line numbers count as in the fixture."""
    options: dict[str, str] = {}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            break
        key, _, value = line[1:].partition(":")
        options[key.strip()] = value.strip()
        lines[i] = ""
    return options, "\n".join(lines)


def _analysed(text: str) -> dict[str, Any]:
    options, text = _options(text)
    number = int(options["number"]) if "number" in options else None
    result = analyse_decision(
        [ln for ln in split_lines(text) if isinstance(ln, Line)],
        title=options.get("title"),
        number=number,
    )
    votes = result.votes.model_dump(by_alias=True) if result.votes else None
    return {
        "outcome": result.outcome,
        "outcome_text": result.outcome_text,
        "outcome_line": result.outcome_line,
        "resolutions": [{"text": r.text, "outcome": r.outcome} for r in result.resolutions],
        "votes": votes,
    }


def test_the_fixture_holds_at_least_40_decisions() -> None:
    assert len(CASES) >= 40


OUTCOMES = {outcome for outcome, _ in (*DECISION_OUTCOMES, *DECISION_WEAK_OUTCOMES)} | {"andet"}


def test_every_outcome_class_has_a_fixture_case_and_traps_decide_nothing() -> None:
    covered = {c.expected.get("outcome") for c in CASES}
    assert covered >= OUTCOMES, OUTCOMES - covered
    traps = [c for c in CASES if c.title.startswith("trap:")]
    assert len(traps) >= 8
    assert {c.expected["outcome"] for c in traps} <= {"andet", None}, [c.title for c in traps]


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


PHRASES = [
    (outcome, phrase)
    for outcome, phrases in (*DECISION_OUTCOMES, *DECISION_WEAK_OUTCOMES)
    for phrase in phrases
]


@pytest.mark.parametrize(("outcome", "phrase"), PHRASES, ids=[p for _, p in PHRASES])
def test_every_phrase_holds_a_keyword_so_the_probe_cannot_skip_it(
    outcome: str, phrase: str
) -> None:
    """classify() only tries sentences holding a DECISION_KEYWORDS stem, and per outcome only
    those holding a phrase's longest literal word: each phrase must always contain one."""
    words = literal_words(phrase)
    assert words, f"{outcome}: {phrase!r} has no literal word of four letters or more"
    joined = " ".join(words)  # a keyword of two words ("ikke noget") is two literal words
    assert any(key in joined for key in DECISION_KEYWORDS), phrase


def test_literal_words_skip_optional_and_alternative_parts() -> None:
    assert literal_words(r"\bikke (?:\p{L}+ ){0,2}godkend") == ["ikke", "godkend"]
    assert literal_words(r"^(?:der var )?ikke noget at bemærke") == ["ikke", "noget", "bemærke"]
    assert literal_words(r"\b(?:sagen|punktet) udgik\b") == ["udgik"]
    assert literal_words(r"indstilling(?:en)?") == ["indstilling"]


@pytest.mark.parametrize(
    ("text", "points"),
    [("Indstillingens 1. at-punkt godkendt", (1,)), ("1., 2. og 3. at-punkt", (1, 2, 3)),
     ("at-punkt 2", (2,)), ("andet at-punkt", (2,)), ("indstillingens punkt 1-3", (1, 2, 3)),
     ("punkt 2 i indstillingen", (2,)), ("Ad 3: Udsat.", (3,)), ("indsats 2 og 3", ()),
     ("Ad 2-4) Godkendes", (2, 3, 4)), ("Ad 1 og 2", (1, 2)),
     ("Godkendt d. 2. maj", ())],
)  # fmt: skip
def test_point_numbers(text: str, points: tuple[int, ...]) -> None:
    assert point_numbers(text) == points


def test_sentence_without_decision_words_is_not_classified() -> None:
    assert classify("Formanden bød velkommen til mødet.") is None
    assert classify("Bo Libergren bød velkommen.") is None
