"""Vote records (extract/votes.py, issue 15); the decision fixture has the forms in context."""

from __future__ import annotations

from referat_parser.extract.votes import merged, parse_votes, vote_records


def test_a_run_of_vote_sentences_is_one_record_and_a_gap_starts_the_next() -> None:
    sentences = [
        "Ændringsforslaget blev forkastet med følgende stemmeafgivelse:",
        "For stemte: C (1)",
        "Imod stemte: A, F og V (8)",
        "Forslaget blev herefter vedtaget.",
        "Imod stemte: C.",
    ]
    records = vote_records(sentences)
    assert [(r.first, r.last) for r in records] == [(1, 2), (4, 4)]
    assert records[0].counts == {"for": 1, "against": 8, "abstain": None}
    assert records[0].parties == {"for": ["C"], "against": ["A", "F", "V"], "abstain": []}
    assert records[1].parties["against"] == ["C"]


def test_parties_under_a_label_of_their_own_until_a_line_that_is_not_one() -> None:
    sentences = [
        "Stemte imod:",
        "A, med bemærkning om at A ønsker en højere skat.",
        "Ø, da Ø har eget budget.",
        "Ad 4",
        "I forbindelse med budgettet blev det aftalt at følge op.",
    ]
    (record,) = vote_records(sentences)
    assert (record.first, record.last) == (0, 2)
    assert record.parties["against"] == ["A", "Ø"]


def test_nobody_abstaining_counts_zero() -> None:
    votes = parse_votes("For stemte: A og B (5). Imod stemte: V (2). Ingen undlod at stemme.")
    assert votes is not None
    assert (votes.for_, votes.against, votes.abstain) == (5, 2, 0)


def test_merging_records_keeps_the_first_count_and_every_party_once() -> None:
    records = vote_records(["Imod stemte: Ø (1)", "Ad 2", "Imod stemte: Ø og A (2)"])
    votes = merged(records)
    assert votes is not None
    assert votes.against == 1
    assert votes.parties_against == ["Ø", "A"]
    assert merged([]) is None
