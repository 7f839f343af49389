from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
EXPECTED = ROOT / "fixtures" / "expected"
# The seeds as test cases for the other formats (a page, a Word file). 004's "- 1. Styrket
# samarbejde …" list is a list there too, read as "• 1. …" lines: layout/detect.py weighs the
# bullet against a heading, so they stay a list.
SEED_CASES = [p.stem for p in SEEDS]
# The development corpus and its scorer live beside the repository (third-party documents:
# never copied into it). CI sets REFERAT_REQUIRE_SHARED=1, so there a missing ../shared fails
# the tests that need it instead of skipping them.
SHARED = ROOT.parent / "shared"
REQUIRE_SHARED = "REFERAT_REQUIRE_SHARED"


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in outputs are relative to the repository root, as in the README."""
    monkeypatch.chdir(ROOT)


def seed(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` ('000')."""
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.relative_to(ROOT)


def load_script(name: str) -> ModuleType:
    """A module from scripts/ (fuzz.py, make_pdfs.py, make_perturbed.py), loaded fresh."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_script_remakes(name: str, committed: Path, pattern: str, tmp_path: Path) -> None:
    """The generator ``scripts/<name>.py`` writes, byte for byte, the fixtures committed in
    ``committed`` (rerun ``make html`` / ``make docx`` when this fails)."""
    module = load_script(name)
    module.OUT = tmp_path
    module.main()
    made = sorted(tmp_path.glob(pattern))
    assert [p.name for p in made] == sorted(p.name for p in committed.glob(pattern))
    for target in made:
        assert target.read_bytes() == (committed / target.name).read_bytes(), target.name


def shared(*parts: str) -> Path:
    """A path under ``../shared``; skips the test where it is absent (fails under CI's switch)."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    reason = f"{path} is absent: the corpus lives in ../shared beside the repository"
    if os.environ.get(REQUIRE_SHARED) == "1":
        pytest.fail(f"{reason} ({REQUIRE_SHARED}=1)")
    pytest.skip(reason)
