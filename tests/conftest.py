from __future__ import annotations

from pathlib import Path

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
