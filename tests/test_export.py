"""``referat export`` (issue 18): every table holds exactly the JSON's facts, keyed to document
and item; money is exact; re-export replaces; an interrupted export leaves the previous
database; CSV and Parquet hold the same rows; bad sources are one line each."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEEDS, shared
from exported import (
    ORACLE_TABLES,
    as_docs,
    db_counts,
    expected_counts,
    query,
    renamed,
    seed_texts,
    write_jsonl,
)
from referat_parser import SCHEMA_VERSION, parse_file
from referat_parser.errors import ReferatError
from referat_parser.output.export import ExportOptions, run_export
from referat_parser.output.export_layout import DOCUMENT_TABLES, TABLES
from referat_parser.output.export_rows import document_id, to_ore

REFERAT = str(Path(sys.executable).parent / "referat")
DOC_TABLES = [t.name for t in DOCUMENT_TABLES]


def _export(sources: list[Any], out: Path, to: str = "sqlite", **kw: Any) -> Any:
    return run_export(ExportOptions([str(s) for s in sources], to, out, **kw))


def _cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REFERAT, "export", *args], capture_output=True, text=True, check=False, timeout=120, **kw
    )


@pytest.fixture
def seeds_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "seeds.jsonl", seed_texts())


@pytest.fixture
def seeds_db(tmp_path: Path, seeds_jsonl: Path) -> Path:
    db = tmp_path / "referat.db"
    result = _export([seeds_jsonl], db)
    assert result.errors == [] and result.documents == len(SEEDS)
    return db


# --- every table against the documents' JSON ----------------------------------------------------


def test_the_oracle_counts_every_document_table() -> None:
    assert sorted(ORACLE_TABLES) == sorted(DOC_TABLES)


def _check_against_json(db: Path, docs: list[dict[str, Any]]) -> None:
    expected, found = expected_counts(docs), db_counts(db, DOC_TABLES)
    assert {t: found[t] for t in DOC_TABLES} == {t: expected[t] for t in DOC_TABLES}
    by_id = {document_id(d["source"]): d for d in docs}
    for doc_id, item, block, kind, heading, text, start, end in query(
        db,
        "SELECT document_id, item_index, block_index, kind, heading, text, line_start, line_end "
        "FROM blocks",
    ):
        b = by_id[doc_id]["items"][item]["blocks"][block]
        assert (kind, heading, text, start, end) == (
            b["kind"], b["heading"], b["text"], b["line_start"], b["line_end"],
        )  # fmt: skip
    for doc_id, item, number, outcome, text, day in query(
        db,
        "SELECT document_id, item_index, item_number, outcome, text, decision_date FROM decisions",
    ):
        it = by_id[doc_id]["items"][item]
        assert (number, outcome, text, day) == (
            it["number"], it["decision"]["outcome"], it["decision"]["text"], it["decision"]["date"],
        )  # fmt: skip
    for doc_id, k, name, key, party, attendance, reason in query(
        db,
        "SELECT document_id, participant_index, name, person_key, party, attendance, "
        "absence_reason FROM participants",
    ):
        p = by_id[doc_id]["participants"][k]
        assert (name, party, attendance, reason) == (
            p["name"], p["party"], p["attendance"], p["absence_reason"],
        )  # fmt: skip
        assert key == key.casefold() and "  " not in key


def _check_money(db: Path, docs: list[dict[str, Any]]) -> int:
    """Per money column of every table, the cells' sum equals ``computed_totals``; per
    document, the amounts' sum equals the JSON's. Returns the number of columns checked."""
    checked = 0
    for d in docs:
        doc_id = document_id(d["source"])
        parts = [("item_index", k, p) for k, p in enumerate(d["items"])]
        parts += [("section_index", k, p) for k, p in enumerate(d["sections"])]
        for key, index, part in parts:
            for t, table in enumerate(part["tables"]):
                for column, total in enumerate(table["computed_totals"]):
                    if total is None:
                        continue
                    (summed,) = query(
                        db,
                        f"SELECT coalesce(sum(amount_ore), 0) FROM table_cells WHERE document_id = ? "
                        f"AND {key} = ? AND table_index = ? AND column_index = ? AND counted",
                        doc_id, index, t, column,
                    )[0]  # fmt: skip
                    assert summed == to_ore(total), (d["source"]["path"], index, t, column)
                    checked += 1
        amounts = [a["value"] for p in d["items"] + d["sections"] for a in p["amounts"]]
        (summed,) = query(
            db, "SELECT coalesce(sum(amount_ore), 0) FROM amounts WHERE document_id = ?", doc_id
        )[0]
        assert summed == sum(to_ore(v) or 0 for v in amounts)
    return checked


def test_seed_tables_equal_the_json(seeds_db: Path) -> None:
    docs = as_docs(seed_texts())
    _check_against_json(seeds_db, docs)
    assert _check_money(seeds_db, docs) == 2  # 000 item 3's budget: two money columns
    assert query(seeds_db, "PRAGMA foreign_key_check") == []


def test_corpus_tables_equal_the_json(tmp_path: Path) -> None:
    docs_dir = shared("corpus", "docs")
    texts = [parse_file(p).model_dump_json(by_alias=True) for p in sorted(docs_dir.glob("*.txt"))]
    db = tmp_path / "corpus.db"
    result = _export([write_jsonl(tmp_path / "corpus.jsonl", texts)], db)
    assert result.errors == [] and result.documents == len(texts) > 20
    docs = as_docs(texts)
    _check_against_json(db, docs)
    assert _check_money(db, docs) > 0
    assert query(db, "PRAGMA foreign_key_check") == []


def test_seed_000_rows_field_by_field(seeds_db: Path) -> None:
    doc_id = document_id({"path": "fixtures/seeds/000_82c72205aff1f9b0.txt"})
    meeting = query(
        seeds_db,
        "SELECT kind, body, meeting_date, start_time, source_format, schema_version "
        "FROM meetings WHERE document_id = ?",
        doc_id,
    )
    assert meeting == [("referat", "Sundhedsklynge Sydvestjylland", "2023-05-17", "14:00", "text", SCHEMA_VERSION)]  # fmt: skip
    cells = query(
        seeds_db,
        "SELECT item_number, row_index, is_total, counted, row_label, column_header, in_money_column, "
        "cell_text, amount_ore FROM table_cells WHERE document_id = ? AND item_index = 2 "
        "AND row_label = 'Kompetenceudvikling'",
        doc_id,
    )
    assert cells == [
        (3, 0, 0, 1, "Kompetenceudvikling", "Udgifter kommuner", 1, "131.200 kr.", 13_120_000),
        (3, 0, 0, 1, "Kompetenceudvikling", "Udgifter region", 1, "92.000 kr.", 9_200_000),
    ]
    first = query(
        seeds_db,
        "SELECT name, person_key, party, attendance, absence_reason, line FROM participants "
        "WHERE document_id = ? AND participant_index = 0",
        doc_id,
    )
    assert first == [("Stephanie Lose", "stephanie lose", "V", "absent", "orlov", 9)]
    absent = query(
        seeds_db,
        "SELECT item_index, item_number, name, person_key FROM item_absences WHERE document_id = ?",
        doc_id,
    )
    assert (0, 1, "Stephanie Lose", "stephanie lose") in absent


def test_money_is_exact_and_never_rounded() -> None:
    assert to_ore(50000) == 5_000_000
    assert to_ore(Decimal("50000.5")) == 5_000_050
    assert to_ore(Decimal("-0.01")) == -1
    assert to_ore(Decimal("12.345")) is None  # a fraction of an øre: null, with a warning
    assert to_ore(10**16) is None  # beyond DECIMAL(18,2)
    assert to_ore(None) is None


def test_an_amount_in_ore_and_one_that_is_not(tmp_path: Path) -> None:
    doc = json.loads(seed_texts()[0])
    doc["items"][2]["amounts"][0]["value"] = 50000.5
    doc["items"][2]["amounts"][1]["value"] = 12.345
    source = write_jsonl(tmp_path / "odd.jsonl", [json.dumps(doc)])
    result = _export([source], tmp_path / "odd.db")
    values = query(tmp_path / "odd.db", "SELECT amount_ore FROM amounts ORDER BY amount_index")
    assert values[:2] == [(5_000_050,), (None,)]
    assert len(result.warnings) == 1 and "12.345 kr." in result.warnings[0]
    assert "not a whole number of øre" in result.warnings[0]


# --- SQLite: layout, re-export, atomicity ------------------------------------------------------


def test_sqlite_has_keys_foreign_keys_and_full_text(seeds_db: Path) -> None:
    con = sqlite3.connect(seeds_db)
    blocks_fk = con.execute("PRAGMA foreign_key_list(blocks)").fetchall()
    assert {(r[2], r[3], r[4]) for r in blocks_fk} == {
        ("items", "document_id", "document_id"),
        ("items", "item_index", "item_index"),
    }
    assert all(r[6] == "CASCADE" for r in blocks_fk)
    indexed = {r[1] for r in con.execute("PRAGMA index_list(participants)")}
    assert "participants_person" in indexed
    hits = con.execute(
        "SELECT blocks.item_number, blocks.kind FROM blocks_fts JOIN blocks "
        "ON blocks.block_id = blocks_fts.rowid WHERE blocks_fts MATCH 'akutområdet' "
        "ORDER BY blocks.block_id"
    ).fetchall()
    assert (2, "resume") in hits
    decided = con.execute(
        "SELECT count(*) FROM decisions_fts WHERE decisions_fts MATCH 'efterretning'"
    ).fetchone()[0]
    assert (
        decided
        == con.execute(
            "SELECT count(*) FROM decisions WHERE text LIKE '%efterretning%'"
        ).fetchone()[0]
        > 0
    )
    meta = dict(con.execute("SELECT name, setting FROM meta").fetchall())
    assert meta["layout_version"] == "1" and meta["schema_version"] == SCHEMA_VERSION
    assert meta["parser_version"].endswith(f"/schema-{SCHEMA_VERSION}")
    con.execute("INSERT INTO blocks_fts(blocks_fts, rank) VALUES ('integrity-check', 1)")


def test_reexport_replaces_a_documents_rows_and_keeps_the_others(
    tmp_path: Path, seeds_db: Path
) -> None:
    before = db_counts(seeds_db, DOC_TABLES)
    doc = json.loads(seed_texts()[0])
    doc["source"]["sha256"] = "0" * 64  # a new version of the same file
    doc["items"] = doc["items"][:1]
    doc["title"] = "REFERAT (rettet)"
    _export([write_jsonl(tmp_path / "again.jsonl", [json.dumps(doc)])], seeds_db)
    doc_id = document_id(doc["source"])
    assert query(seeds_db, "SELECT title, source_sha256 FROM meetings WHERE document_id = ?", doc_id) == [
        ("REFERAT (rettet)", "0" * 64)
    ]  # fmt: skip
    after = db_counts(seeds_db, DOC_TABLES)
    assert after["meetings"] == before["meetings"] == 5
    first = as_docs([seed_texts()[0]])[0]
    assert before["items"] - after["items"] == len(first["items"]) - 1
    assert query(seeds_db, "SELECT count(*) FROM blocks WHERE document_id = ?", doc_id) == [
        (len(first["items"][0]["blocks"]),)
    ]
    fts = query(seeds_db, "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH 'akutområdet'")
    assert fts == [(0,)]  # item 2 went, and its text left the index with it
    assert query(seeds_db, "PRAGMA foreign_key_check") == []


def test_a_file_that_is_not_an_export_is_never_overwritten(
    tmp_path: Path, seeds_jsonl: Path
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(ReferatError, match="not a database made by referat export"):
        _export([seeds_jsonl], notes)
    assert notes.read_text(encoding="utf-8") == "my notes"
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE meta (name TEXT, setting TEXT)")
    con.execute("INSERT INTO meta VALUES ('layout_version', '0')")
    con.commit()
    con.close()
    with pytest.raises(ReferatError, match="export table layout '0'"):
        _export([seeds_jsonl], other)
    assert list(tmp_path.glob(".*.tmp")) == []


def _big_jsonl(tmp_path: Path, copies: int) -> Path:
    texts = seed_texts()
    return write_jsonl(
        tmp_path / "big.jsonl",
        [renamed(texts[n % len(texts)], f"archive/doc{n:05d}.txt") for n in range(copies)],
    )


@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_an_interrupted_export_leaves_the_previous_database(
    tmp_path: Path, seeds_db: Path, how: str
) -> None:
    before = seeds_db.read_bytes()
    big = _big_jsonl(tmp_path, 3000)
    proc = subprocess.Popen(
        [REFERAT, "export", str(big), "--to", "sqlite", "-o", str(seeds_db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    tmp = seeds_db.with_name(f".{seeds_db.name}.export-{proc.pid}.tmp")
    deadline = time.monotonic() + 60
    while not (tmp.exists() and tmp.stat().st_size > len(before) + 4_000_000):
        assert proc.poll() is None, "the export ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert seeds_db.read_bytes() == before
    assert db_counts(seeds_db, ["meetings"])["meetings"] == 5
    if how == "interrupt":
        assert proc.returncode == 130 and "Traceback" not in stderr
        assert not tmp.exists()
    else:
        assert proc.returncode == -signal.SIGKILL and tmp.exists()
        small = write_jsonl(tmp_path / "one.jsonl", [seed_texts()[1]])
        assert _cli(str(small), "--to", "sqlite", "-o", str(seeds_db)).returncode == 0
        assert not tmp.exists()  # the next export removes what the killed one left


# --- sources ------------------------------------------------------------------------------------


def test_sources_batch_folder_json_file_and_stdin_give_the_same_tables(
    tmp_path: Path, seeds_db: Path
) -> None:
    out = tmp_path / "out"
    batch = subprocess.run(
        [REFERAT, "batch", "fixtures/seeds", "-o", str(out)], capture_output=True, check=False
    )
    assert batch.returncode == 0
    from_folder = tmp_path / "folder.db"
    assert _export([out], from_folder).documents == 5
    singles = tmp_path / "singles.db"
    files = sorted(out.rglob("*.txt.json"))
    assert _export(files, singles).documents == 5
    piped = tmp_path / "piped.db"
    jsonl = "".join(t + "\n" for t in seed_texts())
    result = _cli("-", "--to", "sqlite", "-o", str(piped), input=jsonl)
    assert result.returncode == 0, result.stderr
    expected = db_counts(seeds_db, DOC_TABLES)
    for db in (from_folder, singles, piped):
        assert db_counts(db, DOC_TABLES) == expected


def test_input_documents_are_parsed_on_the_way_with_resume(tmp_path: Path, seeds_db: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "fixtures" / "seeds", archive / "seeds")
    db, kept = tmp_path / "inputs.db", tmp_path / "kept"
    result = _export([archive], db, jobs=2, keep_json=kept)
    assert result.errors == [] and result.parsed == {
        "ok": 4,
        "warnings": 1,
        "failed": 0,
        "skipped": 0,
    }
    assert (kept / "_report.jsonl").exists() and len(list(kept.rglob("*.json"))) == 5
    counts = db_counts(db, DOC_TABLES)
    assert counts == db_counts(seeds_db, DOC_TABLES)
    again = _export([archive], db, jobs=2, keep_json=kept, resume=True)
    assert again.parsed["skipped"] == 5 and again.documents == 5
    assert db_counts(db, DOC_TABLES) == counts
    loose = tmp_path / "loose.db"
    files = sorted((archive / "seeds").glob("00[12]_*.txt"))
    assert _export(files, loose).documents == 2


def test_bad_sources_are_one_line_each_and_the_rest_is_exported(tmp_path: Path) -> None:
    texts = list(seed_texts())
    lines = [
        texts[0],
        "{not json",
        json.dumps({"schema_version": "2.0", "source": {"path": "x"}}),
        json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "source": {
                    "path": "y.txt",
                    "sha256": "0",
                    "format": "text",
                    "encoding": None,
                    "pages": None,
                },
            }
        ),
        texts[1],
        texts[0],  # the same source path twice
    ]
    source = write_jsonl(tmp_path / "mixed.jsonl", lines)
    (tmp_path / "empty").mkdir()
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "binary.txt").write_bytes(b"\x00\x01 not text")
    db = tmp_path / "mixed.db"
    result = _cli(str(source), str(archive), "--to", "sqlite", "-o", str(db))
    assert result.returncode == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("referat: error: ")]
    assert [e.split(": ")[2] for e in errors] == [
        f"{source}:2", f"{source}:3", f"{source}:4", f"{source}:6", str(archive / "binary.txt"),
    ]  # fmt: skip
    assert "not JSON" in errors[0] and "schema version '2.0'" in errors[1]
    assert "not a referat document (no 'kind')" in errors[2]
    assert "was already exported from" in errors[3] and "the first is kept" in errors[3]
    assert "Traceback" not in result.stderr
    assert "referat export: 2 documents" in result.stderr
    assert db_counts(db, ["meetings"])["meetings"] == 2
    assert query(db, "SELECT count(*) FROM items WHERE document_id NOT IN (SELECT document_id FROM meetings)") == [(0,)]  # fmt: skip


def test_usage_errors_exit_2(tmp_path: Path, seeds_jsonl: Path) -> None:
    out = str(tmp_path / "x.db")
    assert _cli(str(tmp_path / "missing"), "--to", "sqlite", "-o", out).returncode == 2
    assert _cli(str(seeds_jsonl), "--to", "xlsx", "-o", out).returncode == 2
    resume = _cli(str(seeds_jsonl), "--to", "sqlite", "-o", out, "--resume")
    assert resume.returncode == 2 and "--keep-json" in resume.stderr
    odd = tmp_path / "notes.md"
    odd.write_text("x", encoding="utf-8")
    result = _cli(str(odd), "--to", "sqlite", "-o", out)
    assert result.returncode == 1 and result.stderr.startswith("referat: error: ")
    assert "not a source" in result.stderr and not Path(out).exists()


@pytest.mark.parametrize("to", ["sqlite", "csv"])
def test_an_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, seeds_jsonl: Path, to: str
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = _cli(str(seeds_jsonl), "--to", to, "-o", str(blocker / "out"))
    assert result.returncode == 1
    assert result.stderr == (
        f"referat: error: {blocker / 'out'}: cannot write the export: Not a directory\n"
    )


def test_cli_export_equals_the_library(tmp_path: Path, seeds_jsonl: Path, seeds_db: Path) -> None:
    cli_db = tmp_path / "cli.db"
    result = _cli(str(seeds_jsonl), "--to", "sqlite", "-o", str(cli_db))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("referat export: 5 documents, 0 failed; ")
    for table in TABLES:
        if table.name == "meta":
            continue
        sql = f"SELECT * FROM {table.name} ORDER BY 1, 2, 3"
        assert query(cli_db, sql) == query(seeds_db, sql), table.name


# --- CSV and Parquet ----------------------------------------------------------------------------


def test_csv_dialect_round_trips_every_value(
    tmp_path: Path, seeds_jsonl: Path, seeds_db: Path
) -> None:
    out = tmp_path / "csv"
    _export([seeds_jsonl], out, to="csv")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    raw = (out / "table_cells.csv").read_text(encoding="utf-8")
    assert raw.startswith('"document_id","item_index","item_number","section_index",')
    assert (
        ',false,true,"Kompetenceudvikling",0,"Udgifter kommuner",true,"131.200 kr.",131200.00,'
        in raw
    )
    assert "\r" not in raw and not raw.startswith("\ufeff")
    duckdb = pytest.importorskip("duckdb")
    for table in DOCUMENT_TABLES:
        read = duckdb.sql(
            f"SELECT * FROM read_csv('{out / table.name}.csv', header = true, quote = '\"', "
            "escape = '\"', allow_quoted_nulls = false, all_varchar = true)"
        ).fetchall()
        stored = query(seeds_db, f"SELECT * FROM {table.name}")
        assert len(read) == len(stored), table.name
        assert sorted(map(_text_row, read)) == sorted(
            map(_text_row, map(_kroner_row(table), stored))
        )


def _kroner_row(table: Any) -> Any:
    money = [c.type == "money" for c in table.columns]
    booleans = [c.type == "boolean" for c in table.columns]

    def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            (f"{Decimal(v).scaleb(-2)}" if m and v is not None else
             ("true" if v else "false") if b and v is not None else v)
            for v, m, b in zip(row, money, booleans, strict=True)
        )  # fmt: skip

    return convert


def _text_row(row: tuple[Any, ...]) -> tuple[str | None, ...]:
    return tuple(None if v is None else str(v) for v in row)


def test_parquet_has_real_types_and_the_same_rows(
    tmp_path: Path, seeds_jsonl: Path, seeds_db: Path
) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "parquet"
    _export([seeds_jsonl], out, to="parquet")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.parquet" for t in TABLES)

    def types(table: str) -> dict[str, str]:
        described = duckdb.sql(f"DESCRIBE SELECT * FROM '{out}/{table}.parquet'").fetchall()
        return {row[0]: row[1] for row in described}

    assert types("table_cells")["amount"] == "DECIMAL(18,2)"
    assert types("table_cells")["is_total"] == "BOOLEAN"
    assert types("meetings")["meeting_date"] == "DATE"
    assert types("allocation_shares")["share_percent"] == "DOUBLE"
    total = duckdb.sql(
        f"SELECT sum(amount) FROM '{out}/table_cells.parquet' WHERE NOT is_total"
    ).fetchall()[0]
    (ore,) = query(seeds_db, "SELECT sum(amount_ore) FROM table_cells WHERE NOT is_total")[0]
    assert total is not None and total[0] == Decimal(ore).scaleb(-2)
    for table in DOCUMENT_TABLES:
        count = duckdb.sql(f"SELECT count(*) FROM '{out}/{table.name}.parquet'").fetchall()[0]
        assert count is not None
        assert count[0] == db_counts(seeds_db, [table.name])[table.name], table.name
    empty = duckdb.sql(
        f"SELECT count(*) FROM '{out}/blocks.parquet' WHERE text IS NULL"
    ).fetchall()[0]
    assert empty == (0,)


def test_an_interrupted_csv_export_leaves_the_previous_files(
    tmp_path: Path, seeds_jsonl: Path
) -> None:
    out = tmp_path / "csv"
    _export([seeds_jsonl], out, to="csv")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def failing(to: str, target: Path) -> Any:
        from referat_parser.output.export import make_writer

        writer = make_writer(to, target)
        write = writer.write

        def interrupted(*args: Any) -> None:
            write(*args)
            raise KeyboardInterrupt

        writer.write = interrupted  # type: ignore[method-assign]
        return writer

    with pytest.raises(KeyboardInterrupt):
        run_export(ExportOptions([str(seeds_jsonl)], "csv", out), writer_factory=failing)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_import_of_the_cli_does_not_load_sqlite_or_the_export() -> None:
    code = (
        "import sys, referat_parser.cli; "
        "print(sorted(m for m in ('sqlite3', 'rapidfuzz', 'duckdb', "
        "'referat_parser.output.export') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
