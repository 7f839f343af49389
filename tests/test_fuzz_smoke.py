"""CI's short version of ``make fuzz``: every mode (text, HTML, grammar), briefly (the full runs
are 100,000 inputs of each; see the README)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script


def _fuzz() -> ModuleType:
    return load_script("fuzz")


def test_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    count, crashes = _fuzz().run((7, 400, 20, str(tmp_path)))
    assert count == 400
    assert crashes == [], Path(crashes[0]).with_suffix(".txt").read_text() if crashes else ""


def test_short_html_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    count, crashes = _fuzz().run((11, 150, 10, str(tmp_path), "html"))
    assert count == 150
    assert crashes == [], Path(crashes[0]).with_suffix(".txt").read_text() if crashes else ""


def test_the_fuzzer_records_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _fuzz()

    def broken(data: bytes, deep: bool) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(fuzz, "check", broken)
    count, crashes = fuzz.run((1, 3, 1, str(tmp_path)))
    assert count == 3 and len(crashes) == 3
    assert "RuntimeError: boom" in Path(crashes[0]).with_suffix(".txt").read_text()


def test_short_grammar_run_finds_no_crash_and_no_dropped_line(tmp_path: Path) -> None:
    count, crashes, failures, groups = _fuzz().run_grammar((7, 150, str(tmp_path)))
    assert count == 150
    assert crashes == [], Path(crashes[0]).with_suffix(".txt").read_text() if crashes else ""
    assert failures == [], f"dropped lines: {[(f[0], f[2]) for f in failures]}"
    assert sum(groups.values()) == 0


def test_the_grammar_covers_every_line_kind() -> None:
    grammar = load_script("fuzz_grammar")
    rng = grammar.random.Random(3)
    kinds = {line.kind.split(":")[0] for _ in range(400) for line in grammar.document(rng)}
    assert kinds == set(grammar.FORMS)
    seeded = {line.kind for _ in range(400) for line in grammar.document(rng)}
    assert {"item:seed", "block:seed", "absence:seed", "table:seed", "prose:seed"} <= seeded


def test_the_grammar_records_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fuzz = _fuzz()

    def broken(lines: list[object]) -> list[tuple[int, str]]:
        raise RuntimeError("boom")

    monkeypatch.setattr(fuzz, "grammar_check", broken)
    count, crashes, _, _ = fuzz.run_grammar((1, 3, str(tmp_path)))
    assert count == 3 and len(crashes) == 3
    assert "RuntimeError: boom" in Path(crashes[0]).with_suffix(".txt").read_text()


def test_a_dropped_line_is_reported_with_a_minimal_reproducer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in parser that drops every "Afbud:" line: the run counts the inputs that hold
    one, and the report shrinks the first to that line alone, as a printf command."""
    fuzz = _fuzz()

    def drops_afbud(lines: list[object]) -> list[tuple[int, str]]:
        texts = [line.text for line in lines]  # type: ignore[attr-defined]
        return [(k, t) for k, t in enumerate(texts, start=1) if t.startswith("Afbud:")]

    monkeypatch.setattr(fuzz, "grammar_check", drops_afbud)
    _, crashes, failures, groups = fuzz.run_grammar((5, 300, str(tmp_path)))
    assert crashes == [] and groups["absence:afbud"] > 0
    assert all(t.startswith(("absence:", "participants:afbud")) for t in groups)
    report = fuzz.report_placement(failures, Counter({"absence:afbud": 3}), str(tmp_path))
    assert report[0].startswith(
        "  dropped absence:afbud: 3 inputs; minimal reproducer (absence:afbud)"
    )
    assert report[1].startswith("    printf 'Afbud: ") and report[1].endswith(
        "\\n' | referat parse -"
    )
    assert report[2].startswith("    line 1 is placed nowhere: 'Afbud: ")
    saved = (tmp_path / "placement-absence-afbud.txt").read_text(encoding="utf-8")
    assert saved.startswith("Afbud: ") and saved.count("\n") == 1
