"""Golden tests: each seed's JSON, checked field by field against the expected file.

The expected files were written by reading each document (see fixtures/expected/README.md);
a failure names the field path, e.g. ``$.items[2].tables[0].total.values[0]``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXPECTED, ROOT, SEEDS
from golden import diff
from referat_parser import parse_file


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_matches_expected_json(path: Path) -> None:
    expected_file = EXPECTED / f"{path.stem}.json"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = parse_file(path.relative_to(ROOT)).model_dump(mode="json", by_alias=True)
    problems = diff(expected, actual)
    assert not problems, "\n".join(problems[:40])


def test_every_seed_has_an_expected_file() -> None:
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == [p.stem for p in SEEDS]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_parsing_is_deterministic(path: Path) -> None:
    rel = path.relative_to(ROOT)
    assert parse_file(rel).model_dump_json() == parse_file(rel).model_dump_json()
