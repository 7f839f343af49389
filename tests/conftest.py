from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
EXPECTED = ROOT / "fixtures" / "expected"


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
