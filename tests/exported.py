"""Helpers for the export tests: documents as JSON, and what their tables must hold, counted
from the JSON by hand (independently of ``export_rows``)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from conftest import ROOT, SEEDS
from referat_parser import parse_file

Doc = dict[str, Any]


@cache
def seed_texts() -> tuple[str, ...]:
    """The seeds' JSON as ``referat parse`` writes it (paths relative to the repository)."""
    return tuple(parse_file(p.relative_to(ROOT)).model_dump_json(by_alias=True) for p in SEEDS)


def as_docs(texts: tuple[str, ...] | list[str]) -> list[Doc]:
    return [json.loads(t, parse_float=Decimal) for t in texts]


def write_jsonl(path: Path, texts: list[str] | tuple[str, ...]) -> Path:
    path.write_text("".join(t.rstrip("\n") + "\n" for t in texts), encoding="utf-8")
    return path


def renamed(text: str, path: str) -> str:
    """The same document as if it came from ``path`` (a different document id)."""
    doc = json.loads(text)
    doc["source"]["path"] = path
    return json.dumps(doc, ensure_ascii=False)


ORACLE_TABLES = (
    "meetings", "participants", "participant_roles", "toc_entries", "unplaced_lines",
    "diagnostics", "sections", "items", "blocks", "recommendations", "attachments",
    "item_absences", "decisions", "resolutions", "votes", "vote_parties", "amounts", "tables",
    "allocations", "allocation_shares", "table_cells",
)  # fmt: skip


def expected_counts(docs: list[Doc]) -> Counter[str]:
    """Rows each document table must have for these documents."""
    n: Counter[str] = Counter()
    for d in docs:
        n["meetings"] += 1
        n["participants"] += len(d["participants"])
        n["participant_roles"] += sum(len(p["roles"]) for p in d["participants"])
        n["toc_entries"] += len(d["toc"])
        n["unplaced_lines"] += len(d["unplaced"])
        n["diagnostics"] += len(d["diagnostics"])
        n["sections"] += len(d["sections"])
        n["items"] += len(d["items"])
        for item in d["items"]:
            n["blocks"] += len(item["blocks"])
            n["recommendations"] += len(item["recommendations"])
            n["attachments"] += len(item["attachments"])
            n["item_absences"] += len(item["absent"])
            decision = item["decision"]
            if decision is not None:
                n["decisions"] += 1
                n["resolutions"] += len(decision["resolutions"])
                if decision["votes"] is not None:
                    n["votes"] += 1
                    n["vote_parties"] += sum(
                        len(decision["votes"][f"parties_{side}"])
                        for side in ("for", "against", "abstain")
                    )
        for part in d["items"] + d["sections"]:
            n["amounts"] += len(part["amounts"])
            n["tables"] += len(part["tables"])
            n["allocations"] += len(part["allocations"])
            n["allocation_shares"] += sum(len(a["shares"]) for a in part["allocations"])
            for table in part["tables"]:
                rows = table["rows"] + ([table["total"]] if table["total"] else [])
                n["table_cells"] += sum(len(r["values"]) for r in rows)
    return n


def db_counts(path: Path, tables: list[str]) -> Counter[str]:
    con = sqlite3.connect(path)
    try:
        return Counter({t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables})
    finally:
        con.close()


def query(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()
