"""The held-out set as a ratchet: minutes in layouts that neither the corpus nor the seeds use.

``fixtures/holdout/docs`` holds eight documents written for this set (invented names, cases and
text, each imitating one Danish publishing system's output: an Acadre web page, a region's
pdftotext with a paged TOC, a school board's Word referat with "Ad pkt. 2" items, a
beslutningsprotokol with party-line votes, a health cluster's "1) Titel" mødereferat, an agenda
with "Pkt. 3" items, a handicapråd with its attendance as a table, a council with closed items
and Protokoltilførsel); ``fixtures/holdout/gold`` their facts, read by hand before the parser
was run (conventions and judgement calls: ``fixtures/holdout/README.md``).

They are scored in-process with ``../shared/eval/score.py``'s own checks, as
``tests/test_corpus.py`` scores the corpus. ``tests/holdout_floor.json`` holds, per document,
the facts that passed when the floor was last set: a document that passes fewer fails, one
that passes more is a fix that lets the lead raise the floor (``python tests/test_holdout.py``
prints the raised file; review the diff, then commit it). The score is far below the corpus's
on purpose: these are the layouts the parser has not been taught.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from conftest import ROOT
from test_corpus import score_docs

HOLDOUT = ROOT / "fixtures" / "holdout"
FLOOR = ROOT / "tests" / "holdout_floor.json"


@functools.cache
def _scores() -> dict[str, tuple[int, int, list[str]]]:
    return score_docs(HOLDOUT / "gold", HOLDOUT / "docs")


def _floor() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOOR.read_text(encoding="utf-8"))
    return data


def test_every_document_has_gold_and_is_a_whole_meeting() -> None:
    docs = sorted(p.stem for p in (HOLDOUT / "docs").glob("*.txt"))
    gold = sorted(p.stem for p in (HOLDOUT / "gold").glob("*.json"))
    assert docs == gold
    assert len(docs) == 8
    for path in (HOLDOUT / "docs").glob("*.txt"):
        size = len(path.read_bytes())
        assert 3_000 <= size <= 12_288, (path.name, size)
        path.read_text(encoding="utf-8")  # UTF-8, as the brief of the set says


def test_no_holdout_document_loses_ground() -> None:
    floors: dict[str, int] = _floor()["documents"]
    scores = _scores()
    lost = [
        f"{doc}: {passed}/{total} facts, floor {floors[doc]}; failing: {fails[:5]}"
        for doc, (passed, total, fails) in scores.items()
        if passed < floors.get(doc, total)
    ]
    assert not lost, "\n".join(lost)
    assert sorted(floors) == sorted(scores), "the floor names other documents than the set"


def test_holdout_overall_floor() -> None:
    scores = _scores()
    passed = sum(p for p, _, _ in scores.values())
    total = sum(t for _, t, _ in scores.values())
    assert total == _floor()["facts"], "gold facts were added or removed: set the floor again"
    assert passed / total >= _floor()["overall"], (passed, total)


def raised_floor() -> dict[str, Any]:
    """The floor file as today's parser would set it (``python tests/test_holdout.py``)."""
    scores = _scores()
    passed = sum(p for p, _, _ in scores.values())
    total = sum(t for _, t, _ in scores.values())
    return {
        "overall": int(passed / total * 1000) / 1000,
        "facts": total,
        "documents": {doc: p for doc, (p, _, _) in scores.items()},
    }


if __name__ == "__main__":  # print the raised floor: review the diff, then commit it
    print(json.dumps(raised_floor(), indent=2, ensure_ascii=False))
