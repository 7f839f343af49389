"""``referat export --to sqlite``: the tables in one SQLite database (stdlib ``sqlite3``).

The database is built in a temporary file beside the target (a copy of the previous database
when there is one, made with SQLite's backup API) and renamed over it at the end, so an
interrupted export (Ctrl-C, a kill, a full disk) leaves the previous database as it was. A
document already in the database (the same ``source.path``, hence the same ``document_id``) is
deleted before its new rows go in: foreign keys with ``ON DELETE CASCADE`` take its rows in
every table with it. ``blocks_fts`` and ``decisions_fts`` are FTS5 indexes over the block and
decision text (external content, kept in step by triggers), which ``datasette`` offers as a
search box. ``people`` and ``person_candidates`` are made again from all participants at the
end, so they cover every document in the database, not only this export's.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ReferatError
from .export_layout import DOCUMENT_TABLES, LAYOUT_VERSION, SQLITE_TYPES, TABLES, Column, Table
from .export_rows import DocumentRows
from .people_keys import Aliases, Person, candidate_rows, people_rows

if TYPE_CHECKING:
    import sqlite3

LOAD_PRAGMAS = (
    "PRAGMA journal_mode = OFF",  # a private temporary file: it is renamed whole or deleted
    "PRAGMA synchronous = OFF",  # fsync once, before the rename
    # The rows are consistent by construction (one walk of each document), so the load does
    # not pay for checking each one; a test runs PRAGMA foreign_key_check on the result.
    "PRAGMA foreign_keys = OFF",
    "PRAGMA cache_size = -16384",  # 16 MiB
)


def schema_sql() -> list[str]:
    """CREATE statements for every table, index, FTS5 index and trigger of the layout."""
    statements: list[str] = []
    for table in TABLES:
        statements.append(_create_table(table))
        if not _key_is_primary(table):
            statements.append(
                f"CREATE UNIQUE INDEX {table.name}_key ON {table.name} ({', '.join(table.key)})"
            )
        if table.search is not None:
            statements.extend(_fts(table))
    statements.append("CREATE INDEX participants_person ON participants (person_key)")
    statements.append("CREATE INDEX item_absences_person ON item_absences (person_key)")
    return statements


def _key_is_primary(table: Table) -> bool:
    """A key of NOT NULL columns is the primary key; one that may hold nulls (an item *or* a
    section) is a unique index. Tables with a row id keep their key as a unique index too."""
    required = {c.name for c in table.columns if c.required}
    return table.row_id is None and set(table.key) <= required


def _column_sql(column: Column, table: Table) -> str:
    sql = f"{column.sqlite_name} {SQLITE_TYPES[column.type]}"
    if column.name == table.row_id:
        return f"{sql} PRIMARY KEY"
    return f"{sql} NOT NULL" if column.required else sql


def _create_table(table: Table) -> str:
    parts = [_column_sql(c, table) for c in table.columns]
    if _key_is_primary(table):
        parts.append(f"PRIMARY KEY ({', '.join(table.key)})")
    if table.parent is not None:
        keys = ", ".join(table.parent_key)
        parts.append(f"FOREIGN KEY ({keys}) REFERENCES {table.parent} ({keys}) ON DELETE CASCADE")
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(parts) + "\n)"


def _fts(table: Table) -> list[str]:
    name, rowid, text = f"{table.name}_fts", table.row_id, table.search
    # datasette finds the index of a table by its content="<table>" (double quotes)
    create = (
        f'CREATE VIRTUAL TABLE {name} USING fts5({text}, content="{table.name}", '
        f"content_rowid=\"{rowid}\", tokenize='unicode61 remove_diacritics 0')"
    )
    forget = (
        f"INSERT INTO {name} ({name}, rowid, {text}) VALUES ('delete', old.{rowid}, old.{text})"
    )
    index = f"INSERT INTO {name} (rowid, {text}) VALUES (new.{rowid}, new.{text})"
    return [
        create,
        _fts_insert_trigger(table),
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table.name} BEGIN {forget}; END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table.name} BEGIN {forget}; {index}; END",
    ]


def _fts_insert_trigger(table: Table) -> str:
    """Keeps the index in step with rows inserted later by hand. An export drops it while it
    loads and indexes its rows itself: a trigger costs a savepoint per row, five times the
    indexing."""
    name, rowid, text = f"{table.name}_fts", table.row_id, table.search
    return (
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table.name} BEGIN "
        f"INSERT INTO {name} (rowid, {text}) VALUES (new.{rowid}, new.{text}); END"
    )


SEARCHED = tuple(t for t in TABLES if t.search is not None)


def _insert_sql(table: Table) -> str:
    names = [c.sqlite_name for c in table.columns]
    marks = ", ".join("?" * len(names))
    return f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"


class SqliteWriter:
    """One export into ``target``: ``open``, ``write`` batches of rows, ``commit`` or
    ``discard``."""

    format = "sqlite"

    def __init__(self, target: Path, meta: dict[str, str]) -> None:
        self.target = target
        self.meta = meta
        self.tmp = target.with_name(f".{target.name}.export-{os.getpid()}.tmp")
        self.con: sqlite3.Connection | None = None
        self.inserts = {t.name: _insert_sql(t) for t in DOCUMENT_TABLES}
        self.next_id: dict[str, int] = {}
        self.aliases_before: dict[str, str] = {}

    def open(self, aliases: Aliases) -> None:
        """Start from a copy of the previous database (checked to be one of ours) or a new one,
        and read the aliases it stored into ``aliases`` (those given now are added on top)."""
        import sqlite3

        remove_stale_temporaries(self.target)
        self.tmp.unlink(missing_ok=True)
        fresh = not self.target.exists()
        self.con = sqlite3.connect(self.tmp, isolation_level=None)
        if not fresh:
            _copy_previous(self.target, self.con)
        for pragma in LOAD_PRAGMAS:
            self.con.execute(pragma)
        self.con.execute("BEGIN")
        if fresh:
            for statement in schema_sql():
                self.con.execute(statement)
        else:
            self._read_aliases(aliases)
        for table in SEARCHED:
            self.con.execute(f"DROP TRIGGER {table.name}_fts_insert")
            last = self.con.execute(f"SELECT max({table.row_id}) FROM {table.name}").fetchone()
            self.next_id[table.name] = (last[0] or 0) + 1

    def _read_aliases(self, aliases: Aliases) -> None:
        stored = self._con().execute("SELECT name, same_as FROM person_aliases").fetchall()
        before = Aliases()
        where = f"{self.target}: person_aliases"
        for name, same_as in stored:
            before.merge(name, same_as, where)
        self.aliases_before = dict(before.targets)
        for spelling, (name, same_as) in before.given.items():
            if spelling not in aliases.targets:
                aliases.merge(name, same_as, where)

    def write(self, rows: DocumentRows, documents: list[str]) -> None:
        """Replace ``documents``' earlier rows (if any) by ``rows``."""
        con = self._con()
        old = _existing(con, documents)
        if old:
            _delete(con, old)
        for table in DOCUMENT_TABLES:
            found = rows.tables.get(table.name)
            if not found:
                continue
            if table.row_id is None:
                con.executemany(self.inserts[table.name], found)
                continue
            first = self.next_id[table.name]
            numbered = [(first + k, *row) for k, row in enumerate(found)]
            self.next_id[table.name] = first + len(found)
            con.executemany(self.inserts[table.name], numbered)
            text = [c.name for c in table.columns].index(str(table.search))
            con.executemany(
                f"INSERT INTO {table.name}_fts (rowid, {table.search}) VALUES (?, ?)",
                [(row[0], row[text]) for row in numbered],
            )

    def commit(self, aliases: Aliases) -> dict[str, int]:
        """People, candidates, aliases and meta made again; the file put in place. Returns the
        row count of every table in the database."""
        con = self._con()
        for table in SEARCHED:
            con.execute(_fts_insert_trigger(table))
        if aliases.targets != self.aliases_before:
            _rekey(con, aliases)
        _replace(con, "person_aliases", aliases.rows())
        people = _people(con)
        _replace(con, "people", people_rows(people))
        _replace(con, "person_candidates", candidate_rows({k: p.name for k, p in people.items()}))
        _replace(con, "meta", sorted(self.meta.items()))
        counts = {
            t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES
        }
        con.execute("COMMIT")
        con.close()
        self.con = None
        _fsync(self.tmp)
        os.replace(self.tmp, self.target)
        _fsync(self.target.parent)
        return counts

    def discard(self) -> None:
        if self.con is not None:
            with contextlib.suppress(Exception):
                self.con.close()
            self.con = None
        with contextlib.suppress(OSError):  # also when the folder itself is not there
            self.tmp.unlink(missing_ok=True)

    def _con(self) -> sqlite3.Connection:
        assert self.con is not None, "open() first"
        return self.con


def _copy_previous(target: Path, into: sqlite3.Connection) -> None:
    """Copy the previous database into the temporary one, after checking it is an export of
    this table layout (any other file is refused, never overwritten)."""
    import sqlite3

    try:
        previous = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = previous.execute("SELECT setting FROM meta WHERE name = 'layout_version'")
            layout = found.fetchone()
            if layout is None or layout[0] != LAYOUT_VERSION:
                raise ReferatError(
                    f"{target}: made with the export table layout {layout and layout[0]!r}; "
                    f"this referat writes layout {LAYOUT_VERSION!r}: export to a new file"
                )
            previous.backup(into)
        finally:
            previous.close()
    except sqlite3.DatabaseError as exc:
        raise ReferatError(
            f"{target}: not a database made by referat export ({exc}); refusing to replace it"
        ) from None


def _existing(con: sqlite3.Connection, documents: list[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT document_id FROM meetings WHERE document_id IN ({marks})"
        found.extend(row[0] for row in con.execute(query, chunk))
    return found


def _delete(con: sqlite3.Connection, documents: list[str]) -> None:
    """Every row of these documents, children first (the FTS delete triggers fire)."""
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for table in reversed(DOCUMENT_TABLES):
            con.execute(f"DELETE FROM {table.name} WHERE document_id IN ({marks})", chunk)


def _rekey(con: sqlite3.Connection, aliases: Aliases) -> None:
    """Give every participant and item absence the person key the aliases now say."""
    for table in ("participants", "item_absences"):
        names = con.execute(f"SELECT DISTINCT name, person_key FROM {table}").fetchall()
        changed = [(aliases.key(n), n) for n, key in names if aliases.key(n) != key]
        con.executemany(f"UPDATE {table} SET person_key = ? WHERE name = ?", changed)


def _people(con: sqlite3.Connection) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for key, appearances, meetings, first, last in con.execute(
        "SELECT person_key, count(*), count(DISTINCT document_id), min(meeting_date), "
        "max(meeting_date) FROM participants JOIN meetings USING (document_id) "
        "GROUP BY person_key"
    ):
        people[key] = Person(
            appearances=appearances, meetings=meetings, first_date=first, last_date=last
        )
    for key, name, count in con.execute(
        "SELECT person_key, name, count(*) FROM participants GROUP BY person_key, name"
    ):
        people[key].spellings[name] = count
    return people


def _replace(con: sqlite3.Connection, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
    con.execute(f"DELETE FROM {table}")
    spec = next(t for t in TABLES if t.name == table)
    con.executemany(_insert_sql(spec), rows)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(target: Path) -> None:
    """Temporary files a killed export left beside ``target`` (their process is gone)."""
    for stale in target.parent.glob(f".{target.name}.export-*.tmp"):
        pid = stale.name.rsplit("-", 1)[-1].removesuffix(".tmp")
        if pid.isdigit() and not _alive(int(pid)):
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
