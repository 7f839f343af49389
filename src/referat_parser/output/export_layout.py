"""The table layout of ``referat export``, written down once for SQLite, CSV and Parquet.

One table per fact, long form: every list of the JSON contract becomes a table, one row per
element, keyed to its document (``document_id``) and, below an item, to the item
(``item_index``, its place in ``items``, and ``item_number``, the number printed, null when none
is). A block at ``items[2].blocks[0]`` of ``fixtures/seeds/000_82c72205aff1f9b0.txt`` is the
``blocks`` row with that seed's ``document_id``, ``item_index`` 2, ``item_number`` 3,
``block_index`` 0. Column names are ASCII snake_case and never SQL keywords: the JSON keys
``date``, ``group``, ``for`` and ``value`` become ``meeting_date``/``decision_date``,
``participant_group``, ``votes_for`` and ``amount``.

Column types, and what each format makes of them (``column_type`` below):

=========  =================  ==========================  ================
type       SQLite             CSV                         Parquet
=========  =================  ==========================  ================
text       TEXT               the text                    VARCHAR
integer    INTEGER            digits                      BIGINT
boolean    INTEGER 0/1        ``true``/``false``          BOOLEAN
date       DATE (ISO text)    ``2023-05-17``              DATE
money      INTEGER øre,       kroner, two decimals:       DECIMAL(18,2)
           ``<name>_ore``     ``50000.50``                kroner
percent    REAL               the number                  DOUBLE
=========  =================  ==========================  ================

Money is exact: whole øre below 10^18 øre. The scripts/readme_tables.py block in the README is
made from ``TABLES`` (a test checks the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass

LAYOUT_VERSION = "1"  # bump when a table or column changes: an old database is then refused

SQLITE_TYPES = {
    "text": "TEXT",
    "integer": "INTEGER",
    "boolean": "INTEGER",
    "date": "DATE",
    "money": "INTEGER",
    "percent": "REAL",
}
PARQUET_TYPES = {
    "text": "VARCHAR",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "money": "DECIMAL(18,2)",
    "percent": "DOUBLE",
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # a key of SQLITE_TYPES
    meaning: str
    required: bool = False  # NOT NULL

    @property
    def sqlite_name(self) -> str:
        """SQLite has no exact decimal: money is integer øre there, and the name says so."""
        return f"{self.name}_ore" if self.type == "money" else self.name


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # unique in the table; the first columns the rows are found by
    parent: str | None = "meetings"  # rows go with their parent's (ON DELETE CASCADE)
    parent_key: tuple[str, ...] = ("document_id",)
    row_id: str | None = None  # an INTEGER PRIMARY KEY that links the table's FTS5 index
    search: str | None = None  # the column full-text indexed (SQLite: ``<table>_fts``)
    derived: bool = False  # made from the other tables at the end of an export

    @property
    def inserted(self) -> tuple[Column, ...]:
        """The columns a row carries: all but the row id, which the writer numbers."""
        return tuple(c for c in self.columns if c.name != self.row_id)

    def position(self, column: str) -> int:
        """Where ``column`` stands in a row (as ``export_rows`` makes them)."""
        return [c.name for c in self.inserted].index(column)


def _c(name: str, type_: str, meaning: str, required: bool = False) -> Column:
    return Column(name, type_, meaning, required)


DOCUMENT = _c(
    "document_id", "text", "the document: 16 hex digits of the SHA-256 of its source path", True
)
ITEM = _c("item_index", "integer", "the item's place in `items` (0-based)", True)
ITEM_OR_NULL = _c("item_index", "integer", "the item's place in `items`; null in a section")
NUMBER = _c("item_number", "integer", "the item's number as printed; null when none is")
SECTION = _c("section_index", "integer", "the section's place in `sections`; null in an item")
LINE = _c("line", "integer", "input line")
PAGE = _c("page", "integer", "page of that line (PDF, paged text)")
LINE_START = _c("line_start", "integer", "first line", True)
LINE_END = _c("line_end", "integer", "last line", True)
PAGE_START = _c("page", "integer", "page of the first line")
OUTCOME = _c("outcome", "text", "`godkendt`, `udsat`, … (the outcome vocabulary)")
PERSON_KEY = _c("person_key", "text", "the person across meetings (see `people`)")
IN_ITEM = (DOCUMENT, ITEM, NUMBER)
IN_ITEM_OR_SECTION = (DOCUMENT, ITEM_OR_NULL, NUMBER, SECTION)
ITEM_KEY = ("document_id", "item_index")

TABLES: tuple[Table, ...] = (
    Table(
        "meetings",
        "one row per document",
        (
            DOCUMENT,
            _c("source_path", "text", "`source.path`: the path as given (re-export matches it)"),
            _c("source_sha256", "text", "`source.sha256`: which version of the input", True),
            _c("source_format", "text", "`text`, `pdf`, `html`, `docx`", True),
            _c("source_url", "text", "`source.url`: the URL fetched, else null"),
            _c("source_encoding", "text", "text encoding used"),
            _c("source_pages", "integer", "page count"),
            _c("schema_version", "text", "JSON contract the document was read with", True),
            _c("kind", "text", "`referat`, `dagsorden`, `rapport`", True),
            _c("title", "text", "header sentence"),
            _c("body", "text", "the forum that met"),
            _c("meeting_date", "date", "`date`: meeting date"),
            _c("start_time", "text", "'HH:MM'"),
            _c("location", "text", "meeting place as printed"),
        ),
        ("document_id",),
        parent=None,
    ),
    Table(
        "items",
        "one row per agenda item",
        (
            *IN_ITEM,
            _c("title", "text", "item title; null when none is printed"),
            _c("case_number", "text", "'22/43402'"),
            LINE_START,
            LINE_END,
            PAGE_START,
        ),
        ITEM_KEY,
    ),
    Table(
        "sections",
        "one row per section of a document without items",
        (
            DOCUMENT,
            _c("section_index", "integer", "the section's place in `sections`", True),
            _c("title", "text", "section heading"),
            _c("text", "text", "section text", True),
            LINE_START,
            LINE_END,
            PAGE_START,
        ),
        ("document_id", "section_index"),
    ),
    Table(
        "blocks",
        "one row per block of an item",
        (
            _c("block_id", "integer", "row number (links `blocks_fts`)", True),
            *IN_ITEM,
            _c("block_index", "integer", "the block's place in the item's `blocks`", True),
            _c(
                "kind",
                "text",
                "`resume`, `sagsfremstilling`, `indstilling`, `beslutning`, `bilag`, `andet`",
                True,
            ),
            _c("heading", "text", "heading as printed"),
            _c("text", "text", "block text", True),
            LINE_START,
            LINE_END,
            PAGE_START,
        ),
        ("document_id", "item_index", "block_index"),
        parent="items",
        parent_key=ITEM_KEY,
        row_id="block_id",
        search="text",
    ),
    Table(
        "decisions",
        "one row per item with a decision",
        (
            _c("decision_id", "integer", "row number (links `decisions_fts`)", True),
            *IN_ITEM,
            _c("text", "text", "decision text", True),
            _c("body", "text", "who decided"),
            _c("decision_date", "date", "`date` of the decision heading"),
            OUTCOME,
            _c("outcome_text", "text", "the sentence that decided the outcome"),
            _c("outcome_line", "integer", "line of that sentence"),
            LINE_START,
            LINE_END,
            PAGE_START,
        ),
        ITEM_KEY,
        parent="items",
        parent_key=ITEM_KEY,
        row_id="decision_id",
        search="text",
    ),
    Table(
        "resolutions",
        "one row per sub-decision",
        (
            *IN_ITEM,
            _c("resolution_index", "integer", "its place in `decision.resolutions`", True),
            _c("text", "text", "the sub-decision", True),
            _c("outcome", "text", "its outcome", True),
            LINE,
        ),
        ("document_id", "item_index", "resolution_index"),
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "recommendations",
        "one row per recommendation",
        (
            *IN_ITEM,
            _c("recommendation_index", "integer", "its place in `recommendations`", True),
            _c("text", "text", "the recommendation", True),
            _c("outcome", "text", "what the decision made of it; null when it does not say"),
            _c("evidence", "text", "the decision sentence that links the two"),
        ),
        ("document_id", "item_index", "recommendation_index"),
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "votes",
        "one row per decision with votes counted",
        (
            *IN_ITEM,
            _c("votes_for", "integer", "`votes.for`"),
            _c("votes_against", "integer", "`votes.against`"),
            _c("votes_abstain", "integer", "`votes.abstain`"),
        ),
        ITEM_KEY,
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "vote_parties",
        "one row per party named for, against or abstaining",
        (
            *IN_ITEM,
            _c("side", "text", "`for`, `against`, `abstain`", True),
            _c("party_index", "integer", "its place in `votes.parties_<side>`", True),
            _c("party", "text", "party letter", True),
        ),
        ("document_id", "item_index", "side", "party_index"),
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "participants",
        "one row per person listed at a meeting",
        (
            DOCUMENT,
            _c("participant_index", "integer", "its place in `participants`", True),
            _c("person_key", "text", "the person across meetings (see `people`)", True),
            _c("name", "text", "the name as printed, clean", True),
            _c("party", "text", "party letter"),
            _c("organisation", "text", "'Billund Kommune'"),
            _c("title", "text", "'borgmester'"),
            _c("participant_group", "text", "`group`: the heading the person is listed under"),
            _c("attendance", "text", "`present`, `absent`, `unknown`", True),
            _c("absence_reason", "text", "'afbud', 'orlov'"),
            _c("substitute_for", "text", "the participant this person stood in for"),
            LINE,
            PAGE,
        ),
        ("document_id", "participant_index"),
    ),
    Table(
        "participant_roles",
        "one row per role of a participant",
        (
            DOCUMENT,
            _c("participant_index", "integer", "the participant", True),
            _c("role_index", "integer", "its place in `roles`", True),
            _c("role", "text", "'mødeleder'", True),
        ),
        ("document_id", "participant_index", "role_index"),
        parent="participants",
        parent_key=("document_id", "participant_index"),
    ),
    Table(
        "item_absences",
        "one row per name on an item's absence line",
        (
            *IN_ITEM,
            _c("absence_index", "integer", "its place in the item's `absent`", True),
            _c("name", "text", "the name", True),
            _c("person_key", "text", "the person across meetings", True),
        ),
        ("document_id", "item_index", "absence_index"),
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "attachments",
        "one row per attachment of an item",
        (
            *IN_ITEM,
            _c("attachment_index", "integer", "its place in `attachments`", True),
            _c("name", "text", "attachment name", True),
        ),
        ("document_id", "item_index", "attachment_index"),
        parent="items",
        parent_key=ITEM_KEY,
    ),
    Table(
        "amounts",
        "one row per amount of money in an item's or a section's prose",
        (
            *IN_ITEM_OR_SECTION,
            _c("amount_index", "integer", "its place in `amounts`", True),
            _c("text", "text", "the amount as printed", True),
            _c("amount", "money", "`value`: the amount in kroner"),
            _c("currency", "text", "'DKK'", True),
            LINE,
            PAGE,
        ),
        ("document_id", "item_index", "section_index", "amount_index"),
    ),
    Table(
        "tables",
        "one row per table in an item or a section",
        (
            *IN_ITEM_OR_SECTION,
            _c("table_index", "integer", "its place in `tables`", True),
            _c("is_money", "boolean", "a value column holds amounts", True),
            _c("has_total", "boolean", "a total row is printed", True),
            _c(
                "totals_ok",
                "boolean",
                "printed totals equal the computed ones; null when unchecked",
            ),
            _c("body_rows", "integer", "rows above the total", True),
            _c("value_columns", "integer", "columns after the label column", True),
            LINE_START,
            LINE_END,
            PAGE_START,
        ),
        ("document_id", "item_index", "section_index", "table_index"),
    ),
    Table(
        "table_cells",
        "one row per value cell of a table (every column after the label, every row and the total)",
        (
            *IN_ITEM_OR_SECTION,
            _c("table_index", "integer", "the table", True),
            _c("row_index", "integer", "the row; the total row comes last", True),
            _c("is_total", "boolean", "the cell is in the total row", True),
            _c(
                "counted",
                "boolean",
                "the row counts in `computed_totals` (not the total, a subtotal, a breakdown)",
                True,
            ),
            _c("row_label", "text", "the row's first cell", True),
            _c("column_index", "integer", "the value column (0: the first after the label)", True),
            _c("column_header", "text", "its header cell; null without a header row"),
            _c(
                "in_money_column",
                "boolean",
                "the column holds amounts (it has a computed total)",
                True,
            ),
            _c("cell_text", "text", "the cell as printed; null when the row is short"),
            _c("amount", "money", "the cell's amount in kroner (`values`); null in other columns"),
            LINE,
            PAGE,
        ),
        ("document_id", "item_index", "section_index", "table_index", "row_index", "column_index"),
    ),
    Table(
        "allocations",
        "one row per allocation key in percent",
        (
            *IN_ITEM_OR_SECTION,
            _c("allocation_index", "integer", "its place in `allocations`", True),
            _c("text", "text", "the sentence", True),
            _c("total_percent", "percent", "sum of the shares", True),
            _c("sums_to_100", "boolean", "the check", True),
            LINE,
            PAGE,
        ),
        ("document_id", "item_index", "section_index", "allocation_index"),
    ),
    Table(
        "allocation_shares",
        "one row per share of an allocation",
        (
            *IN_ITEM_OR_SECTION,
            _c("allocation_index", "integer", "the allocation", True),
            _c("share_index", "integer", "its place in `shares`", True),
            _c("label", "text", "'Region Nordjylland'", True),
            _c("share_percent", "percent", "`percent`", True),
        ),
        ("document_id", "item_index", "section_index", "allocation_index", "share_index"),
    ),
    Table(
        "toc_entries",
        "one row per table-of-contents entry",
        (
            DOCUMENT,
            _c("toc_index", "integer", "its place in `toc`", True),
            _c("title", "text", "entry title", True),
            _c("page", "integer", "page number printed in the TOC"),
            LINE,
        ),
        ("document_id", "toc_index"),
    ),
    Table(
        "unplaced_lines",
        "one row per line no item, block or section claimed",
        (
            DOCUMENT,
            _c("unplaced_index", "integer", "its place in `unplaced`", True),
            _c("text", "text", "the line", True),
            LINE,
            PAGE,
        ),
        ("document_id", "unplaced_index"),
    ),
    Table(
        "diagnostics",
        "one row per diagnostic",
        (
            DOCUMENT,
            _c("diagnostic_index", "integer", "its place in `diagnostics`", True),
            _c("item_index", "integer", "the item whose lines hold `line`; null elsewhere"),
            NUMBER,
            _c("code", "text", "stable code", True),
            _c("severity", "text", "`info`, `warning`, `error`", True),
            _c("message", "text", "one line", True),
            LINE,
            PAGE,
        ),
        ("document_id", "diagnostic_index"),
    ),
    Table(
        "people",
        "one row per person across meetings (from `participants`)",
        (
            _c(
                "person_key",
                "text",
                "normalised name: lower case, single spaces, æ ø å as ae oe aa, other accents dropped; or the name an alias points to",
                True,
            ),
            _c("name", "text", "the spelling printed most often", True),
            _c("spellings", "integer", "distinct spellings", True),
            _c("appearances", "integer", "participant rows", True),
            _c("meetings", "integer", "distinct documents", True),
            _c("first_date", "date", "first meeting date"),
            _c("last_date", "date", "last meeting date"),
        ),
        ("person_key",),
        parent=None,
        derived=True,
    ),
    Table(
        "person_candidates",
        "one row per pair of people whose names are near-identical (to review: never merged silently)",
        (
            _c("person_key", "text", "one person", True),
            _c("other_person_key", "text", "the other (sorts after `person_key`)", True),
            _c("name", "text", "the one's name", True),
            _c("other_name", "text", "the other's name", True),
            _c("score", "percent", "similarity 0-100 (rapidfuzz ratio of the keys)", True),
            _c(
                "rule",
                "text",
                "`spelling` (score >= 90) or `middle_name` (same first and last name, one has more)",
                True,
            ),
        ),
        ("person_key", "other_person_key"),
        parent=None,
        derived=True,
    ),
    Table(
        "person_aliases",
        "one row per spelling merged into a person with `--aliases`",
        (
            _c("name_key", "text", "the normalised spelling", True),
            _c("person_key", "text", "the person it belongs to", True),
            _c("name", "text", "the spelling as given", True),
            _c("same_as", "text", "the name as given", True),
        ),
        ("name_key",),
        parent=None,
        derived=True,
    ),
    Table(
        "meta",
        "one row per setting of the export (versions, money unit)",
        (
            _c(
                "name",
                "text",
                "`layout_version`, `referat_version`, `schema_version`, `money`",
                True,
            ),
            _c("setting", "text", "its value", True),
        ),
        ("name",),
        parent=None,
        derived=True,
    ),
)

BY_NAME = {table.name: table for table in TABLES}
DOCUMENT_TABLES = tuple(t for t in TABLES if not t.derived)
