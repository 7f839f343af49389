"""Perturbed seeds (issues 7 and 19): other encodings (DOS and Mac code pages, UTF-16 without
a BOM), line ends, pages with running headers and footers, invisible characters. Each must give
the clean seed's facts and block texts; ``scripts/make_perturbed.py`` makes the fixtures."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import ROOT, SEEDS, load_script
from facts import facts
from referat_parser import parse_file, parse_text
from referat_parser.models import Document

PERTURBED = ROOT / "fixtures" / "perturbed"
VARIANTS = [
    "utf8-bom", "utf16", "utf16le", "utf16be", "cp1252", "latin1", "cp865", "cp850", "macroman",
    "crlf", "cr", "paged", "nbsp",
]  # fmt: skip
ENCODINGS = {
    "utf8-bom": "utf-8-sig", "utf16": "utf-16", "utf16le": "utf-16-le", "utf16be": "utf-16-be",
    "cp1252": "cp1252", "latin1": "latin-1", "cp865": "cp865", "cp850": "cp850",
    "macroman": "mac_roman",
}  # fmt: skip


def _script() -> ModuleType:
    return load_script("make_perturbed")


def _texts(doc: Document) -> list[list[str]]:
    return [[" ".join(b.text.split()) for b in item.blocks] for item in doc.items] + [
        [" ".join(s.text.split()) for s in doc.sections]
    ]


def _clean(seed: Path, variant: str) -> dict[str, Any]:
    # the same content, as the variant's encoding can print it ("–" as "-" in Latin-1)
    text = _script().printable(seed.read_text(encoding="utf-8"), variant)
    doc = parse_text(text)
    return {**facts(doc), "texts": _texts(doc)}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_perturbed_seed_gives_the_clean_facts(seed: Path, variant: str) -> None:
    doc = parse_file(PERTURBED / f"{seed.stem}.{variant}.txt")
    got, want = {**facts(doc), "texts": _texts(doc)}, _clean(seed, variant)
    for key in want:  # field by field, so a failure names the field
        assert got[key] == want[key], key
    if variant in ENCODINGS:
        assert _reads_as(PERTURBED / f"{seed.stem}.{variant}.txt", doc.source.encoding, variant)


def _reads_as(path: Path, used: str | None, variant: str) -> bool:
    """The encoding named is the variant's, or one that reads its bytes to the same text (a
    Danish text without "§" is the same in cp850 and cp865: then cp865 is named)."""
    data, want = path.read_bytes(), ENCODINGS[variant]
    return used == want or (used is not None and data.decode(used) == data.decode(want))


def test_danish_letters_survive_every_encoding() -> None:
    seed = SEEDS[2]  # 002: "Kristine Lindeneg Drejø", "Høg", "Kühnau"
    for variant in VARIANTS:
        names = [p.name for p in parse_file(PERTURBED / f"{seed.stem}.{variant}.txt").participants]
        assert "Kristine Lindeneg Drejø" in names and "Anders Kühnau" in names, variant


def test_paged_variant_removes_headers_and_footers() -> None:
    doc = parse_file(PERTURBED / f"{SEEDS[0].stem}.paged.txt")
    assert doc.source.pages is not None and doc.source.pages > 3
    assert "page-furniture-removed" in [d.code for d in doc.diagnostics]
    assert all("Side " not in b.text for item in doc.items for b in item.blocks)


def test_fixtures_are_what_the_script_makes(tmp_path: Path) -> None:
    script = _script()
    script.OUT = tmp_path
    script.main()
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in PERTURBED.iterdir())
    for name in made:
        assert (tmp_path / name).read_bytes() == (PERTURBED / name).read_bytes(), name
