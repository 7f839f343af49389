"""People across meetings: stable keys, near-identical names as candidates (never merged
silently), and the merges a user confirms in an aliases file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from exported import query, renamed, seed_texts, write_jsonl
from referat_parser.errors import ReferatError
from referat_parser.output.export import ExportOptions, run_export
from referat_parser.output.people_keys import (
    Aliases,
    PeopleTally,
    candidate_rows,
    name_key,
    people_rows,
    read_aliases,
)

REFERAT = str(Path(sys.executable).parent / "referat")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mette Frederiksen", "mette frederiksen"),
        ("  METTE   Frederiksen ", "mette frederiksen"),
        ("Mads Sørensen", "mads soerensen"),
        ("Mads Soerensen", "mads soerensen"),
        ("Bjørn Ærø-Ålund", "bjoern aeroe-aalund"),
        ("Frank Schmidt - Hansen", "frank schmidt-hansen"),
        ("Anne B. Hansen", "anne b hansen"),
        ("José Müller", "jose muller"),
        ("Straße", "strasse"),
    ],
)
def test_person_key_normalises_case_space_and_letters(name: str, key: str) -> None:
    assert name_key(name) == key


def test_candidates_are_near_identical_spellings_and_middle_names() -> None:
    names = {
        name_key(n): n
        for n in (
            "Mette Frederiksen", "Mette Fredriksen", "Frank Jensen", "Frank Hansen",
            "Mette Hagensen", "Mette With Hagensen", "Bo Libergren",
        )
    }  # fmt: skip
    rows = candidate_rows(names)
    assert rows == [
        ("mette frederiksen", "mette fredriksen", "Mette Frederiksen", "Mette Fredriksen", 97.0, "spelling"),
        ("mette hagensen", "mette with hagensen", "Mette Hagensen", "Mette With Hagensen", 84.8, "middle_name"),
    ]  # fmt: skip


def test_people_rows_take_the_spelling_printed_most_often() -> None:
    tally = PeopleTally()
    tally.add("mads soerensen", "Mads Sørensen", "d1", "2024-01-02")
    tally.add("mads soerensen", "Mads Soerensen", "d2", "2023-05-01")
    tally.add("mads soerensen", "Mads Sørensen", "d3", None)
    tally.add("mads soerensen", "Mads Sørensen", "d3", "2024-06-01")
    assert people_rows(tally.people) == [
        ("mads soerensen", "Mads Sørensen", 2, 4, 3, "2023-05-01", "2024-06-01")
    ]


def test_an_aliases_file_merges_and_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    good = tmp_path / "aliases.csv"
    good.write_text("name,same_as\nMette Fredriksen,Mette Frederiksen\n", encoding="utf-8")
    aliases = read_aliases(good)
    assert aliases.key("Mette  FREDRIKSEN") == "mette frederiksen"
    assert aliases.key("Bo Libergren") == "bo libergren"
    assert aliases.rows() == [
        ("mette fredriksen", "mette frederiksen", "Mette Fredriksen", "Mette Frederiksen")
    ]
    for text, why in [
        ("navn,samme\na,b\n", "needs the header line 'name,same_as'"),
        ("name,same_as\nAnne Hansen,\n", "line 2: both name and same_as are needed"),
        ("name,same_as\nA B,C D\nC D,A B\n", "line 3: 'C D' and 'A B' point at each other"),
    ]:
        bad = tmp_path / "bad.csv"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ReferatError, match=why):
            read_aliases(bad)
    with pytest.raises(ReferatError, match="cannot read the aliases"):
        read_aliases(tmp_path / "missing.csv")


def _meeting(name: str, path: str) -> str:
    """Seed 002 with its first participant spelt ``name``, as if from ``path``."""
    doc = json.loads(renamed(seed_texts()[2], path))
    doc["participants"][0]["name"] = name
    return json.dumps(doc, ensure_ascii=False)


def _export(sources: list[Path], db: Path, **kw: Any) -> Any:
    return run_export(ExportOptions([str(s) for s in sources], "sqlite", db, **kw))


def test_near_identical_names_stay_two_people_until_the_user_merges_them(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [_meeting("Mette Frederiksen", "2024/a.txt")])
    second = write_jsonl(tmp_path / "b.jsonl", [_meeting("Mette Fredriksen", "2024/b.txt")])
    db = tmp_path / "referat.db"
    _export([first, second], db)
    mette = "SELECT person_key, name, meetings FROM people WHERE name LIKE 'Mette Fred%' ORDER BY 1"
    assert query(db, mette) == [
        ("mette frederiksen", "Mette Frederiksen", 1),
        ("mette fredriksen", "Mette Fredriksen", 1),
    ]
    assert query(db, "SELECT person_key, other_person_key, score, rule FROM person_candidates") == [
        ("mette frederiksen", "mette fredriksen", 97.0, "spelling")
    ]
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,same_as\nMette Fredriksen,Mette Frederiksen\n", encoding="utf-8")
    third = write_jsonl(tmp_path / "c.jsonl", [_meeting("Mette Fredriksen", "2024/c.txt")])
    _export([third], db, aliases=aliases)  # the earlier rows are keyed again too
    assert query(db, mette) == [("mette frederiksen", "Mette Fredriksen", 3)]
    keys = "SELECT DISTINCT person_key FROM participants WHERE name LIKE 'Mette Fred%'"
    assert query(db, keys) == [("mette frederiksen",)]
    assert query(db, "SELECT count(*) FROM person_candidates") == [(0,)]
    assert query(db, "SELECT name_key, person_key FROM person_aliases") == [
        ("mette fredriksen", "mette frederiksen")
    ]
    fourth = write_jsonl(tmp_path / "d.jsonl", [_meeting("Mette Fredriksen", "2024/d.txt")])
    _export([fourth], db)  # no --aliases: the database remembers the merge
    assert query(db, mette) == [("mette frederiksen", "Mette Fredriksen", 4)]


def test_an_unreadable_aliases_file_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", seed_texts()[:1])
    bad = tmp_path / "aliases.csv"
    bad.write_text("who,whom\n", encoding="utf-8")
    db = tmp_path / "referat.db"
    result = subprocess.run(
        [REFERAT, "export", str(source), "--to", "sqlite", "-o", str(db), "--aliases", str(bad)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"referat: error: {bad}: an aliases file needs the header line 'name,same_as'\n"
    )
    assert not db.exists()


def test_aliases_follow_chains() -> None:
    aliases = Aliases()
    aliases.merge("M. Frederiksen", "Mette Fredriksen", "x")
    aliases.merge("Mette Fredriksen", "Mette Frederiksen", "x")
    assert aliases.key("M Frederiksen") == "mette frederiksen"
