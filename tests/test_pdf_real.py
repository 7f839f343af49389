"""Real published PDFs read right (issue 16): the corpus PDF 026 (Aarhus Byråd, FirstAgenda
with ABCpdf, 28 pages; read from ../shared, never copied here) against its own pdftotext text
and the printed item titles."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import shared
from facts import facts
from referat_parser import parse_file
from referat_parser.models import Document
from test_corpus import _scorer

NAME = "026_aarhus-byraad-referat-2025-08-27"
ENGINES = ["fast", "pdfplumber"]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    pdf = shared("corpus", "docs", f"{NAME}.pdf")
    out = {engine: parse_file(pdf, engine=engine) for engine in ENGINES}  # type: ignore[arg-type]
    out["text"] = parse_file(shared("corpus", "docs", f"{NAME}.txt"))
    return out


def _gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(
        shared("corpus", "gold", f"{NAME}.json").read_text(encoding="utf-8")
    )
    gold.setdefault("text_must_not_contain", [])
    return gold


def _failed_facts(doc: Document) -> set[str]:
    """The gold facts the document misses, by name ("item 2 title")."""
    scorer = _scorer()
    checker = scorer.Checker(NAME)
    scorer.score_doc(_gold(), doc.model_dump(mode="json", by_alias=True), checker)
    return {fail.split(":")[0] for fail in checker.fails}


@pytest.mark.parametrize("engine", ENGINES)
def test_every_item_title_is_as_printed(engine: str, docs: dict[str, Document]) -> None:
    printed = [item["title"] for item in _gold()["items"]]
    assert [it.title for it in docs[engine].items] == printed
    assert docs[engine].items[6].title.endswith("om ny 2030-fremskrivning")  # hyphen kept


@pytest.mark.parametrize("engine", ENGINES)
def test_the_pdf_passes_every_fact_its_text_passes(engine: str, docs: dict[str, Document]) -> None:
    lost = _failed_facts(docs[engine]) - _failed_facts(docs["text"])
    assert not lost, sorted(lost)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_pdf_gives_the_text_facts_where_wrapping_does_not_matter(
    engine: str, docs: dict[str, Document]
) -> None:
    """The .txt is pdftotext's, one visual line a line: there a wrapped title or
    recommendation is cut at the line end, so those are compared as prefixes."""
    got, want = facts(docs[engine]), facts(docs["text"])
    for key in ("kind", "title", "body", "date", "participants", "sections"):
        assert got[key] == want[key], key
    assert len(got["items"]) == len(want["items"]) == 21
    for mine, theirs in zip(got["items"], want["items"]):
        where = f"item {theirs['number']}"
        for key in ("number", "case", "absent", "tables"):
            assert mine[key] == theirs[key], (where, key)
        assert mine["title"].startswith(theirs["title"].replace("2030fremskrivning", "2030-")), (
            where
        )
        assert (mine["decision"] is None) == (theirs["decision"] is None), where
        for (text, _), (prefix, _) in zip(mine["recommendations"], theirs["recommendations"]):
            assert text.startswith(prefix), where
        assert set(theirs["amounts"]) <= set(mine["amounts"]), where


def test_both_engines_give_the_same_facts(docs: dict[str, Document]) -> None:
    fast, plumber = facts(docs["fast"]), facts(docs["pdfplumber"])
    for key in fast:
        assert fast[key] == plumber[key], key


def test_headings_carry_their_style(docs: dict[str, Document]) -> None:
    """026 sets item headings in 16.3 pt bold, block headings ("Beslutninger") in 13.6 pt bold,
    body text in 10.9 pt; headings are never glued to the text under them."""
    from referat_parser.diagnostics import Diagnostics
    from referat_parser.read.pdf import read_pdf

    lines = read_pdf(shared("corpus", "docs", f"{NAME}.pdf"), Diagnostics()).lines
    by_text = {ln.stripped: ln for ln in lines if not ln.blank}
    heading = by_text["Punkt 1: Godkendelse af dagsorden"].style
    block = next(ln.style for ln in lines if ln.stripped == "Beslutninger")
    body = by_text["Godkendt."].style
    assert heading is not None and block is not None and body is not None
    assert heading.bold and heading.size == pytest.approx(1.5, abs=0.02)
    assert block.bold and block.size == pytest.approx(1.25, abs=0.02) and block.emphasised
    assert not body.bold and body.size == 1.0 and not body.emphasised
    assert block.gap > 0.2 > by_text["Baggrund:"].style.gap  # type: ignore[union-attr]
    assert all(ln.style is None for ln in lines if ln.blank)
