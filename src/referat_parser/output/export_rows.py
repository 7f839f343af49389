"""One document's JSON (as ``json.loads`` gives it, floats as ``Decimal``) to table rows.

The rows follow ``export_layout.TABLES``: one tuple per row, in the order of the table's
``inserted`` columns. One walk over the document fills every table, e.g. for
``fixtures/seeds/000_82c72205aff1f9b0.txt``'s item 3 table (``items[2].tables[0]``) a
``tables`` row and, per budget row and value column, a ``table_cells`` row such as
``(…, 2, 3, None, 0, 1, False, "Kom Trygt Hjem …", 0, "Beløb", True, "131.200 kr.", 13120000, …)``
(money as integer øre; the writers make kroner of it where the format has decimals).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Row = tuple[Any, ...]
Json = dict[str, Any]
MAX_ORE = 10**18  # DECIMAL(18,2) kroner; also well inside SQLite's 64-bit integers


def document_id(source: Json) -> str:
    """A stable id from the source path (the sha256 of the bytes for a document from stdin)."""
    path = source.get("path")
    basis = path if isinstance(path, str) else f"sha256:{source['sha256']}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def to_ore(value: int | Decimal | None) -> int | None:
    """Kroner to whole øre, or None when the amount is not a whole number of øre below
    ``MAX_ORE`` (the caller reports it: money is never rounded)."""
    if value is None:
        return None
    ore = value * 100
    if isinstance(ore, Decimal):
        if ore != ore.to_integral_value():
            return None
        ore = int(ore)
    return ore if -MAX_ORE < ore < MAX_ORE else None


def _percent(value: int | Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class DocumentRows:
    """Rows of one or more documents, per table; ``problems`` lists amounts kept as null."""

    key: Callable[[str], str]  # name -> person_key
    tables: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def rows(self, table: str) -> list[Row]:
        found = self.tables.get(table)
        if found is None:
            found = self.tables[table] = []
        return found

    def clear(self) -> None:
        self.tables.clear()
        self.problems.clear()

    def add(self, doc: Json) -> str:
        """Append one document's rows; returns its ``document_id``."""
        source = doc["source"]
        doc_id = document_id(source)
        self.rows("meetings").append(_meeting(doc_id, doc, source))
        self._participants(doc_id, doc["participants"])
        for index, entry in enumerate(doc["toc"]):
            self.rows("toc_entries").append(
                (doc_id, index, entry["title"], entry["page"], entry["line"])
            )
        for index, item in enumerate(doc["items"]):
            self._item(doc_id, index, item)
        for index, section in enumerate(doc["sections"]):
            self.rows("sections").append(
                (doc_id, index, section["title"], section["text"], *_span(section))
            )
            self._facts((doc_id, None, None, index), section)
        for index, line in enumerate(doc["unplaced"]):
            self.rows("unplaced_lines").append(
                (doc_id, index, line["text"], line["line"], line["page"])
            )
        self._diagnostics(doc_id, doc["items"], doc["diagnostics"])
        return doc_id

    def _participants(self, doc_id: str, participants: list[Json]) -> None:
        people, roles = self.rows("participants"), self.rows("participant_roles")
        for index, p in enumerate(participants):
            people.append((
                doc_id, index, self.key(p["name"]), p["name"], p["party"], p["organisation"],
                p["title"], p["group"], p["attendance"], p["absence_reason"],
                p["substitute_for"], p["line"], p["page"],
            ))  # fmt: skip
            roles.extend((doc_id, index, k, role) for k, role in enumerate(p["roles"]))

    def _item(self, doc_id: str, index: int, item: Json) -> None:
        at = (doc_id, index, item["number"])
        self.rows("items").append((*at, item["title"], item["case_number"], *_span(item)))
        self.rows("blocks").extend(
            (*at, k, b["kind"], b["heading"], b["text"], *_span(b))
            for k, b in enumerate(item["blocks"])
        )
        self.rows("recommendations").extend(
            (*at, k, r["text"], r["outcome"], r["evidence"])
            for k, r in enumerate(item["recommendations"])
        )
        if item["decision"] is not None:
            self._decision(at, item["decision"])
        self.rows("attachments").extend((*at, k, n) for k, n in enumerate(item["attachments"]))
        self.rows("item_absences").extend(
            (*at, k, name, self.key(name)) for k, name in enumerate(item["absent"])
        )
        self._facts((doc_id, index, item["number"], None), item)

    def _decision(self, at: Row, d: Json) -> None:
        self.rows("decisions").append((
            *at, d["text"], d["body"], d["date"], d["outcome"], d["outcome_text"],
            d["outcome_line"], *_span(d),
        ))  # fmt: skip
        self.rows("resolutions").extend(
            (*at, k, r["text"], r["outcome"], r["line"]) for k, r in enumerate(d["resolutions"])
        )
        votes = d["votes"]
        if votes is None:
            return
        self.rows("votes").append((*at, votes["for"], votes["against"], votes["abstain"]))
        for side in ("for", "against", "abstain"):
            self.rows("vote_parties").extend(
                (*at, side, k, party) for k, party in enumerate(votes[f"parties_{side}"])
            )

    def _facts(self, at: Row, part: Json) -> None:
        """Amounts, tables and allocations of an item or a section (``at``: its four keys)."""
        for k, amount in enumerate(part["amounts"]):
            self.rows("amounts").append((
                *at, k, amount["text"], self._money(amount["value"], amount, at), amount["currency"],
                amount["line"], amount["page"],
            ))  # fmt: skip
        for k, table in enumerate(part["tables"]):
            self._table((*at, k), table)
        for k, allocation in enumerate(part["allocations"]):
            self.rows("allocations").append((
                *at, k, allocation["text"], _percent(allocation["total_percent"]),
                allocation["sums_to_100"], allocation["line"], allocation["page"],
            ))  # fmt: skip
            self.rows("allocation_shares").extend(
                (*at, k, s, share["label"], _percent(share["percent"]))
                for s, share in enumerate(allocation["shares"])
            )

    def _table(self, at: Row, table: Json) -> None:
        rows: list[Json] = table["rows"]
        total = table["total"]
        widths = [len(row["values"]) for row in rows]
        if total is not None:
            widths.append(len(total["values"]))
        self.rows("tables").append((
            *at, table["is_money"], total is not None, table["totals_ok"], len(rows),
            max(widths, default=0), *_span(table),
        ))  # fmt: skip
        from ..extract.tables import counted_in_total

        end = total["line"] if total is not None else None
        headers: list[str] = table["columns"][1:]
        money = [t is not None for t in table["computed_totals"]]
        cells = self.rows("table_cells")
        for index, row in enumerate([*rows, total] if total is not None else rows):
            is_total = index == len(rows)
            counted = not is_total and counted_in_total(row["label"], row["line"], end)
            printed: list[str] = row["cells"][1:]
            for k, value in enumerate(row["values"]):
                cells.append((
                    *at, index, is_total, counted, row["label"], k, _get(headers, k),
                    k < len(money) and money[k], _get(printed, k), self._money(value, row, at),
                    row["line"], row["page"],
                ))  # fmt: skip

    def _money(self, value: int | Decimal | None, where: Json, at: Row) -> int | None:
        ore = to_ore(value)
        if ore is None and value is not None:
            self.problems.append(
                f"amount {value} kr. at line {where.get('line')}: not a whole number of øre "
                f"below 10^16 kroner; stored as null (document {at[0]})"
            )
        return ore

    def _diagnostics(self, doc_id: str, items: list[Json], diagnostics: list[Json]) -> None:
        find = _item_finder(items)
        for k, d in enumerate(diagnostics):
            index, number = find(d["line"])
            self.rows("diagnostics").append((
                doc_id, k, index, number, d["code"], d["severity"], d["message"], d["line"],
                d["page"],
            ))  # fmt: skip


def _meeting(doc_id: str, doc: Json, source: Json) -> Row:
    return (
        doc_id, source["path"], source["sha256"], source["format"], source.get("url"),
        source["encoding"], source["pages"], doc["schema_version"], doc["kind"], doc["title"], doc["body"],
        doc["date"], doc["start_time"], doc["location"],
    )  # fmt: skip


def _span(part: Json) -> tuple[int, int, int | None]:
    return part["line_start"], part["line_end"], part["page"]


def _get(values: list[str], index: int) -> str | None:
    return values[index] if index < len(values) else None


def _item_finder(items: Iterable[Json]) -> Callable[[int | None], tuple[int | None, int | None]]:
    """The item (index, number) whose lines hold a line; items are in line order."""
    spans = [(it["line_start"], it["line_end"], k, it["number"]) for k, it in enumerate(items)]
    starts = [s[0] for s in spans]

    def find(line: int | None) -> tuple[int | None, int | None]:
        if line is None:
            return None, None
        at = bisect.bisect_right(starts, line) - 1
        if at >= 0 and spans[at][1] >= line:
            return spans[at][2], spans[at][3]
        return None, None

    return find
