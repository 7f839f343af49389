"""The corpus score as a ratchet: real minutes of other publishers (``../shared/corpus``) and
the seeds, scored in-process with ``../shared/eval/score.py``'s own checks.

``tests/corpus_floor.json`` holds, per document, the number of gold facts that passed when the
floor was last raised. A document that passes fewer fails the test (no change loses ground
silently); one that passes more is reported so the floor can be raised (``--raise-floor`` is
not automatic: edit the file, the diff shows the progress). Documents are parsed with
``parse_file``, which gives the same JSON as ``referat parse`` (tests/test_cli.py).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import ROOT, shared
from referat_parser import parse_file

FLOOR = ROOT / "tests" / "corpus_floor.json"
SETS = {"corpus": ("corpus/gold", "corpus/docs"), "seeds": ("eval/seeds-gold", "seeds")}


def _scorer() -> ModuleType:
    path = shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("referat_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(
    name: str, ext: str = ".txt", doc_dir: Path | None = None
) -> dict[str, tuple[int, int, list[str]]]:
    """Per document: (passed, total, failed facts), as score.py counts them. ``doc_dir``: read
    the documents from there instead (HTML renderings made by a test)."""
    gold_dir, set_dir = (shared(*part.split("/")) for part in SETS[name])
    return score_docs(gold_dir, doc_dir or set_dir, ext)


def score_docs(
    gold_dir: Path, doc_dir: Path, ext: str | None = ".txt"
) -> dict[str, tuple[int, int, list[str]]]:
    """Per document of ``doc_dir`` with a gold file in ``gold_dir``: (passed, total, failed
    facts), as score.py counts them (tests/test_holdout.py scores its own set with it).
    ``ext`` None: the document of the gold's name whatever its format (.txt, .html, .docx)."""
    scorer = _scorer()
    out: dict[str, tuple[int, int, list[str]]] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        found = sorted(doc_dir.glob(f"{gold_path.stem}.*")) if ext is None else []
        doc = found[0] if found else doc_dir / f"{gold_path.stem}{ext or '.txt'}"
        if not doc.exists():
            continue
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        gold.setdefault("text_must_not_contain", [])
        result = parse_file(doc).model_dump(mode="json", by_alias=True)
        checker = scorer.Checker(doc.name)
        scorer.score_doc(gold, result, checker)
        out[doc.name] = (checker.passed, checker.total, checker.fails)
    return out


def _floors() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads(FLOOR.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_document_loses_ground(name: str) -> None:
    floors = _floors()[name]
    scores = score_set(name)
    lost = [
        f"{doc}: {passed}/{total} facts, floor {floors[doc]}; failing: {fails[:5]}"
        for doc, (passed, total, fails) in scores.items()
        if passed < floors.get(doc, 0)
    ]
    assert not lost, "\n".join(lost)
    missing = sorted(set(floors) - set(scores))
    assert not missing, f"documents of the floor not scored: {missing}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_overall_score_floor(name: str) -> None:
    floors = _floors()
    scores = score_set(name)
    passed = sum(p for p, _, _ in scores.values())
    total = sum(t for _, t, _ in scores.values())
    assert passed / total >= floors["overall"][name], (passed, total)


def raised_floor() -> dict[str, dict[str, Any]]:
    """The floor file as today's parser would set it (``python tests/test_corpus.py``)."""
    floors: dict[str, dict[str, Any]] = {"overall": {}}
    for name in sorted(SETS):
        scores = score_set(name)
        floors[name] = {doc: passed for doc, (passed, _, _) in scores.items()}
        passed = sum(p for p, _, _ in scores.values())
        total = sum(t for _, t, _ in scores.values())
        floors["overall"][name] = int(passed / total * 1000) / 1000
    return floors


if __name__ == "__main__":  # print the raised floor: review the diff, then commit it
    print(json.dumps(raised_floor(), indent=2, ensure_ascii=False))
