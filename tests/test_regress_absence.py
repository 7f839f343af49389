"""Absence lines inside an item that the grammar fuzzer found dropped (issue 20 item 9), fixed
on main: each reproducer in ``fixtures/regress/`` is placed and its names are in ``absent``."""

from __future__ import annotations

import pytest

from conftest import ROOT
from placement import find_unplaced
from referat_parser import parse_text

REGRESS = ROOT / "fixtures" / "regress"
CASES = {
    "absence-one-word-name-in-item.txt": ["Ib"],  # printf '5. Emne 5\nSagsfremstilling:\n…'
    "absence-names-joined-by-og.txt": ["Åse Lose", "Søren Lindeneg Drejø"],
    "absence-afbud-one-word-in-item.txt": ["Anders"],  # "Afbud: Anders": a label promises names
    "absence-second-name-after-og-lost.txt": ["Åse Lose", "Søren Møller"],  # "…, V og Søren …"
    # between the title and the case number: not a wrapped title line
    "absence-under-a-title-before-the-case-number.txt": ["Jens Peter Lose"],
    "absence-under-a-toc-shaped-title.txt": ["Kristine Ærø-Hansen", "Ib Libergren"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_absence_line_in_an_item_is_placed(name: str) -> None:
    text = (REGRESS / name).read_text(encoding="utf-8")
    doc = parse_text(text)
    assert find_unplaced(text, doc) == []
    assert [item.absent for item in doc.items] == [CASES[name]]
