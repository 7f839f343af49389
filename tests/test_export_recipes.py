"""The README's export recipes, run exactly as the README prints them, on an export of the seeds;
and the README's advice for reading the JSON itself with DuckDB and pandas."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from exported import seed_texts
from referat_parser import SCHEMA_VERSION

README = (ROOT / "README.md").read_text(encoding="utf-8")
REFERAT = str(Path(sys.executable).parent / "referat")
_RECIPE = re.compile(r"<!-- recipe: ([^>]+?) -->\n```(\w+)\n(.*?)```", re.DOTALL)
RECIPES = {name: (lang, code) for name, lang, code in _RECIPE.findall(README)}


def recipe(name: str) -> str:
    return RECIPES[name][1]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's command: ``referat export fixtures/seeds --to sqlite -o referat.db``."""
    command = re.search(r"\(`(referat export fixtures/seeds [^`]+)`\)", README)
    assert command is not None
    folder = tmp_path_factory.mktemp("recipes")
    args = command.group(1).split()[1:]
    args[args.index("referat.db")] = str(folder / "referat.db")
    result = subprocess.run([REFERAT, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return folder / "referat.db"


def _sql(db: Path, name: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(recipe(name)).fetchall()
    finally:
        con.close()


def test_the_readme_has_every_recipe() -> None:
    assert sorted(RECIPES) == sorted(
        [
            "absences per person per year",
            "decisions per outcome per body",
            "money per initiative across meetings",
            "full-text search for a phrase",
            "pandas",
            "datasette",
        ]
    )


def test_absences_per_person_per_year(db: Path) -> None:
    rows = _sql(db, "absences per person per year")
    assert rows == [
        ("Hanne Madsen", "2024", 1),
        ("Henrik Qvist", "2024", 1),
        ("Lone Jakobi", "2024", 1),
        ("Ole Vind", "2024", 1),
        ("Rikke Skou Jensen", "2024", 1),
        ("Stephanie Lose", "2023", 1),
        ("Torben Krogh Kjeldgaard", "2024", 1),
    ]


def test_decisions_per_outcome_per_body(db: Path) -> None:
    rows = _sql(db, "decisions per outcome per body")
    assert rows[:3] == [
        ("Direktørforum Sundhedsklynge Midt", "andet", 3),
        ("Direktørforum Sundhedsklynge Midt", "drøftet", 2),
        ("Direktørforum Sundhedsklynge Midt", "godkendt", 2),
    ]
    assert ("Sundhedsklynge Sydvestjylland", "indstilling_fulgt", 1) in rows
    assert sum(r[2] for r in rows) == 22


def test_money_per_initiative_across_meetings(db: Path) -> None:
    rows = _sql(db, "money per initiative across meetings")
    assert rows[:2] == [
        ("Personaleudgifter", "Udgifter kommuner", 1, 103_680_000, "1036800.00"),
        ("Personaleudgifter", "Udgifter region", 1, 36_440_000, "364400.00"),
    ]
    assert ("Kompetenceudvikling", "Udgifter kommuner", 1, 13_120_000, "131200.00") in rows


def test_full_text_search_for_a_phrase(db: Path) -> None:
    rows = _sql(db, "full-text search for a phrase")
    title = "Udmøntning af klyngemidler til Kom Trygt Hjem"
    in_item_3 = [r for r in rows if r[:3] == ("2023-05-17", 3, title)]
    assert {r[3] for r in in_item_3} == {
        "resume", "sagsfremstilling", "indstilling", "beslutning", "bilag",
    }  # fmt: skip
    assert rows[: len(in_item_3)] == in_item_3  # the item about it ranks first
    assert {r[1] for r in rows} == {3, 4, 6}
    assert any("[Kom Trygt Hjem]" in r[4] for r in rows)


def test_pandas_reads_with_the_right_dtypes(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    monkeypatch.chdir(db.parent)
    namespace: dict[str, Any] = {}
    exec(compile(recipe("pandas"), "README.md (pandas recipe)", "exec"), namespace)  # noqa: S102
    decisions, per_outcome, money = (
        namespace["decisions"], namespace["per_outcome"], namespace["money"],
    )  # fmt: skip
    assert str(decisions.dtypes["meeting_date"]).startswith("datetime64")
    assert str(decisions.dtypes["item_number"]) == "Int64"
    assert str(decisions.dtypes["outcome"]) == "category"
    assert len(decisions) == 22
    assert per_outcome[("Horsensklyngen", "andet")] == 2
    assert decisions.meeting_date.min() == pd.Timestamp("2023-05-17")
    assert money[("Personaleudgifter", "Udgifter kommuner")] == 103_680_000
    assert str(namespace["cells"].dtypes["amount_ore"]) == "Int64"


def test_datasette_serves_facets_and_search(db: Path) -> None:
    app = pytest.importorskip("datasette.app")
    paths = re.findall(r"http://127\.0\.0\.1:8001(/\S+)", recipe("datasette"))
    assert len(paths) == 3 and recipe("datasette").startswith("datasette referat.db")
    datasette = app.Datasette([str(db)])

    async def fetch(path: str) -> dict[str, Any]:
        table, _, query = path.partition("?")
        response = await datasette.client.get(f"{table}.json?{query}&_shape=objects")
        assert response.status_code == 200, (path, response.text[:300])
        data: dict[str, Any] = response.json()
        return data

    decisions, blocks, absent = (asyncio.run(fetch(p)) for p in paths)
    outcomes = {f["value"]: f["count"] for f in decisions["facet_results"]["outcome"]["results"]}
    assert outcomes["taget_til_efterretning"] == 4 and sum(outcomes.values()) == 22
    assert blocks["rows"] and all("akut" in r["text"].casefold() for r in blocks["rows"])
    people = {f["value"] for f in absent["facet_results"]["person_key"]["results"]}
    assert "stephanie lose" in people and len(absent["rows"]) == 7


# --- the README's advice for the JSON itself ---------------------------------------------------


def test_duckdb_folder_recipe_keeps_the_ore_that_sampling_loses(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    reader = re.search(r"`(read_json\('out/\*\*/\*\.json'[^`]*)`", README)
    assert reader is not None
    out = tmp_path / "out"
    (out / "2024").mkdir(parents=True)
    doc = json.loads(seed_texts()[0])  # 000: item 3 has amounts in whole kroner
    for n in range(40):
        doc["source"]["path"] = f"a{n:02d}.txt"
        (out / "2024" / f"a{n:02d}.txt.json").write_text(json.dumps(doc), encoding="utf-8")
    doc["source"]["path"] = "z.txt"
    doc["items"][2]["amounts"][0]["value"] = 50000.5
    (out / "2024" / "z.txt.json").write_text(json.dumps(doc), encoding="utf-8")
    query = (
        "SELECT item.amounts[1].value FROM (SELECT unnest(items) AS item, source.path AS path "
        "FROM {reader}) WHERE path = 'z.txt' AND len(item.amounts) > 0"
    )
    sampled = f"read_json_auto('{out}/**/*.json')"
    assert duckdb.sql(query.format(reader=sampled)).fetchall() == [(50000,)]  # the trap
    fixed = reader.group(1).replace("'out/", f"'{out}/")
    assert duckdb.sql(query.format(reader=fixed)).fetchall() == [(50000.5,)]


def test_pandas_json_lines_recipe_keeps_times_and_versions_as_text(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    calls = re.findall(r"`(pd\.read_json\(\"all\.jsonl\"[^`]*)`", README)
    assert len(calls) == 2  # pandas 2, and pandas 3 without the deprecated convert_dates
    stream = tmp_path / "all.jsonl"
    stream.write_text("".join(t + "\n" for t in seed_texts()), encoding="utf-8")
    for call in calls:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # convert_dates, on pandas 3
            frame = eval(call.replace('"all.jsonl"', repr(str(stream))), {"pd": pd})
        assert frame.start_time.tolist()[:2] == ["14:00", "14:30"]
        assert frame.schema_version.tolist() == [SCHEMA_VERSION] * 5
