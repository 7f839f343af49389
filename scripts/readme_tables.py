"""Print the README's export table list from the layout (paste it under <!-- export-tables -->;
tests/test_export_docs.py checks the README holds exactly this)."""

from __future__ import annotations

from referat_parser.output.export_layout import TABLES, Column


def _column(column: Column) -> str:
    if column.sqlite_name != column.name:
        return f"`{column.name}` (SQLite: `{column.sqlite_name}`)"
    return f"`{column.name}`"


def markdown() -> str:
    lines = ["| table | one row per … | columns |", "|---|---|---|"]
    for table in TABLES:
        columns = ", ".join(_column(c) for c in table.columns)
        what = table.meaning.removeprefix("one row per ")
        lines.append(f"| `{table.name}` | {what} | {columns} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown())
