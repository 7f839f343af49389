"""``referat export --to csv|parquet``: one file per table in the output folder.

CSV dialect (``meetings.csv``, ``blocks.csv``, …): UTF-8 without a byte-order mark, comma
separated, ``\\n`` line ends, one header row of the column names; every text value is in double
quotes (a quote inside is doubled: ``"Udvalget ""godkendte"" …"``, line breaks stay inside the
quotes), numbers are bare (money in kroner with two decimals: ``131200.00``), booleans are bare
``true``/``false``, and a null is an empty field with no quotes, so ``""`` (an empty text) and
null differ. Dates are ISO text (``"2023-05-17"``).

Parquet (``pip install 'referat-parser[parquet]'``): the same tables with real types (DATE,
BOOLEAN, DECIMAL(18,2) kroner), written by DuckDB from the CSV files with the layout's types.

Each file is written under a temporary name and all are renamed at the end: an interrupted
export leaves the previous files. The folder holds one export: the tables of the sources given
(unlike SQLite, where documents accumulate).
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from ..errors import ReferatError
from .export_layout import BY_NAME, DOCUMENT_TABLES, PARQUET_TYPES, TABLES, Table
from .export_rows import DocumentRows, Row
from .people_keys import Aliases, PeopleTally, candidate_rows, people_rows


class _Bare(int):
    """A value the csv module writes without quotes (it quotes every non-number): a null as
    nothing, a boolean as true/false. ``QUOTE_NOTNULL`` does this from Python 3.12 on."""

    text = ""

    def __str__(self) -> str:
        return self.text


class _Null(_Bare):
    text = ""


class _True(_Bare):
    text = "true"


class _False(_Bare):
    text = "false"


NULL, TRUE, FALSE = _Null(0), _True(1), _False(0)


def _kroner(ore: int) -> Decimal:
    return Decimal(ore).scaleb(-2)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "money": _kroner,
    "boolean": lambda v: TRUE if v else FALSE,
}


def _row_converter(table: Table) -> Callable[[Row], list[Any]]:
    """A row as the csv module should write it: nulls bare, money as kroner, true/false."""
    converters = [_CONVERT.get(c.type) for c in table.inserted]
    if not any(converters):
        return lambda row: [NULL if v is None else v for v in row]
    return lambda row: [
        NULL if v is None else (f(v) if f else v) for v, f in zip(row, converters, strict=True)
    ]


class _TableFile:
    """One table's CSV under a temporary name, with a row id where the table has one."""

    def __init__(self, table: Table, folder: Path) -> None:
        self.table = table
        self.path = folder / f".{table.name}.csv.export-{os.getpid()}.tmp"
        self.fh: IO[str] = self.path.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        self.writer.writerow([c.name for c in table.columns])
        self.convert = _row_converter(table)
        self.next_id = 1

    def write(self, rows: Iterable[Row]) -> None:
        if self.table.row_id is None:
            self.writer.writerows(map(self.convert, rows))
            return
        for row in rows:
            self.writer.writerow([self.next_id, *self.convert(row)])
            self.next_id += 1

    def close(self) -> None:
        self.fh.close()


_MEETING_DATE = BY_NAME["meetings"].position("meeting_date")
_PERSON_KEY = BY_NAME["participants"].position("person_key")
_NAME = BY_NAME["participants"].position("name")


class CsvWriter:
    """One export into the folder ``target``: a CSV file per table."""

    format = "csv"
    suffix = ".csv"

    def __init__(self, target: Path, meta: dict[str, str]) -> None:
        self.target = target
        self.meta = meta
        self.files: dict[str, _TableFile] = {}
        self.people = PeopleTally()
        self.rows = dict.fromkeys((t.name for t in TABLES), 0)

    def open(self, aliases: Aliases) -> None:
        if self.target.exists() and not self.target.is_dir():
            raise ReferatError(f"{self.target}: exists and is not a folder")
        self.target.mkdir(parents=True, exist_ok=True)
        self.files = {t.name: _TableFile(t, self.target) for t in TABLES}

    def write(self, rows: DocumentRows, documents: list[str]) -> None:
        dates = {m[0]: m[_MEETING_DATE] for m in rows.tables.get("meetings", ())}
        for p in rows.tables.get("participants", ()):
            self.people.add(p[_PERSON_KEY], p[_NAME], p[0], dates.get(p[0]))
        for table in DOCUMENT_TABLES:
            found = rows.tables.get(table.name)
            if found:
                self.files[table.name].write(found)
                self.rows[table.name] += len(found)

    def commit(self, aliases: Aliases) -> dict[str, int]:
        people = self.people.people
        derived: dict[str, list[Row]] = {
            "people": people_rows(people),
            "person_candidates": list(candidate_rows({k: p.name for k, p in people.items()})),
            "person_aliases": list(aliases.rows()),
            "meta": sorted(self.meta.items()),
        }
        for name, found in derived.items():
            self.files[name].write(found)
            self.rows[name] = len(found)
        for file in self.files.values():
            file.close()
        self.finish_files()
        return self.rows

    def finish_files(self) -> None:
        """Put every table file in place (the CSV files themselves, here)."""
        for name, file in self.files.items():
            os.replace(file.path, self.target / f"{name}{self.suffix}")

    def discard(self) -> None:
        for file in self.files.values():
            with contextlib.suppress(OSError):
                file.close()
            with contextlib.suppress(OSError):
                file.path.unlink(missing_ok=True)
                file.path.with_suffix(".parquet").unlink(missing_ok=True)


class ParquetWriter(CsvWriter):
    """The CSV tables, typed and written as Parquet by DuckDB (the ``parquet`` extra)."""

    format = "parquet"
    suffix = ".parquet"

    def open(self, aliases: Aliases) -> None:
        try:
            import duckdb  # noqa: F401
        except ImportError:
            raise ReferatError(
                "--to parquet needs the parquet extra: pip install 'referat-parser[parquet]'"
            ) from None
        super().open(aliases)

    def finish_files(self) -> None:
        import duckdb

        con = duckdb.connect()
        try:
            # One thread, small row groups and a memory cap: the conversion streams row group by
            # row group, and memory stays flat however many documents (about 160 MiB at 10,000)
            con.execute("SET threads = 1")
            con.execute("SET memory_limit = '100MB'")
            done = []
            for name, file in self.files.items():
                parquet = file.path.with_suffix(".parquet")
                con.execute(_copy_sql(file.table, file.path, parquet))
                done.append((parquet, self.target / f"{name}.parquet"))
                file.path.unlink()
            for made, target in done:
                os.replace(made, target)
        finally:
            con.close()


def _copy_sql(table: Table, csv_path: Path, parquet: Path) -> str:
    """DuckDB reads our CSV dialect exactly (quoted "" is an empty text, bare empty is null)
    with the layout's types, and writes Parquet."""
    types = ", ".join(f"'{c.name}': '{PARQUET_TYPES[c.type]}'" for c in table.columns)
    return (
        f"COPY (SELECT * FROM read_csv('{_sql_text(csv_path)}', header = true, "
        f"delim = ',', quote = '\"', escape = '\"', new_line = '\\n', nullstr = '', "
        f"allow_quoted_nulls = false, columns = {{{types}}})) "
        f"TO '{_sql_text(parquet)}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)"
    )


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
