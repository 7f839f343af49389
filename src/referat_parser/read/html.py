"""HTML input: a web page to the same ``Line``s the text pipeline reads, with layout evidence.

Serves minutes published as web pages (FirstAgenda, Prepare, eDoc, Acadre, SBSYS portals and
the regions' own sites) and pages saved from them. A page such as::

    <html lang="da"><head><title>Referat</title><script>…</script></head><body>
    <nav>Forside · Møder</nav><div id="cookie-banner">Vi bruger cookies …</div>
    <main><h1>REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023</h1>
    <h2>Punkt 3: Udmøntning af klyngemidler</h2><h3>Indstilling</h3><ul><li>Godkender …</li></ul>
    <table><tr><th>Aktivitet</th><th>Udgifter kommuner</th></tr>
    <tr><td>I alt</td><td>1.293.000 kr.</td></tr></table></main></body></html>

becomes the lines ``REFERAT Sundhedsklynge …`` (level 1), ``Punkt 3: …`` (level 2),
``Indstilling`` (level 3), ``• Godkender …``, ``Aktivitet<TAB>Udgifter kommuner`` (bold) and
``I alt<TAB>1.293.000 kr.``, with a blank line between blocks.

What it keeps and drops:

- dropped: ``script``, ``style``, ``template``, form controls (but a ``button`` inside a
  heading is read: an accordion's item title, ``<h2><button>Sag 3: …</button></h2>``),
  ``nav`` and navigation roles,
  page-level ``header``/``footer``/``aside`` (one inside ``article`` or ``main`` is content),
  cookie and consent banners (an ``id``/``class`` naming them), hidden elements (``hidden``,
  ``aria-hidden="true"``, ``display:none``, ``visibility:hidden``); one
  ``html-furniture-removed`` diagnostic counts the ones that held text;
- block elements become lines, a blank line between blocks; ``br`` ends a line; ``li`` is a
  "• " line; ``pre`` keeps its lines and TABs; whitespace runs collapse as a browser shows them;
- ``h1``-``h6`` give ``LineStyle(level=N)``, a line that is all ``strong``/``b`` and a table
  row of ``th`` cells give ``bold=True``;
- a data table becomes TAB-separated rows, a cell's lines joined by a space (``colspan`` pads
  empty cells), so budget tables are checked like text tables; a table used for layout (a
  nested table or a heading inside, or a single column) is read as blocks;
- ``<title>`` is the first line (level 0) when the page has no ``h1``; ``lang`` other than
  Danish is an ``html-language`` diagnostic.

Parsed with selectolax's lexbor engine (the HTML standard's parsing rules, as a browser
builds the tree from broken markup), imported inside ``read_html`` so a text parse never pays
for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex as re

from ..diagnostics import Diagnostics
from ..errors import InputError
from ..lines import Line, LineStyle
from .decode import decode, normalise

if TYPE_CHECKING:
    from collections.abc import Callable

    from selectolax.lexbor import LexborHTMLParser, LexborNode

# Subtrees that are never content.
_SKIP = frozenset({
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "math", "canvas", "button", "select", "textarea", "input", "dialog", "map", "audio",
    "video", "picture", "img", "-comment", "-doctype",
})  # fmt: skip
# Elements that start and end a line (a blank line around them).
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "figure", "figcaption", "address", "fieldset", "legend", "details", "summary", "center",
    "hr", "table", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "form", "body",
    "html", "menu", "hgroup", "search", "header", "footer", "aside",
})  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"strong", "b"})
# Furniture found by CSS (matched in C, before the walk): what each selector is, for the
# diagnostic. Cookie banners are matched by name and removed only when short (below).
_FURNITURE: tuple[tuple[str, str], ...] = (
    ("navigation", (
        "nav, [role=navigation i], [role=search i], [role=banner i], [role=contentinfo i]"
    )),
    ("hidden", (
        "[hidden], [aria-hidden=true i], [style*='display:none' i], [style*='display: none' i],"
        " [style*='visibility:hidden' i], [style*='visibility: hidden' i]"
    )),
    ("cookie banner", (
        "[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], [id*=gdpr i],"
        " [class*=gdpr i]"
    )),
    ("page header/footer", "header, footer, aside"),
)  # fmt: skip
_CONTENT_ROOTS = frozenset({"html", "body", "main", "article"})
_BANNER_MAX_CHARS = 3000  # a cookie banner is short; a long match is the page itself
_CELL_SPAN_MAX = 50
# Block elements that close a <p> on opening: lexbor checks the open-element stack for each,
# so thousands of them left open cost quadratic time (40,000 unclosed <div>s: 3.5 s).
_DEEP_TAGS = re.compile(
    rb"<(/?)(?:div|section|article|aside|blockquote|ul|ol|dl|fieldset|figure|main|nav|"
    rb"header|footer|details|address|center|menu|form)[\s>/]",
    re.I,
)
_MAX_UNCLOSED = 10_000
_TAG_COUNT_CHECK = 20_000  # below this many '<', nesting cannot get costly
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]{1,40})", re.I)
# Browsers read these labels as Windows-1252 (the HTML standard's encoding table).
_AS_CP1252 = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"})
_TRUNCATION_TAIL = 2048


@dataclass(frozen=True, slots=True)
class HtmlText:
    lines: list[Line]
    encoding: str


def read_html(
    data: bytes, diags: Diagnostics, *, label: str, encoding: str | None = None
) -> HtmlText:
    """Read a page into numbered ``Line``s; raise ``InputError`` when it holds no text."""
    from selectolax.lexbor import LexborHTMLParser

    text, used = _decode(data, diags, encoding, label)
    _refuse_costly_nesting(data, label)
    tree = LexborHTMLParser(text)
    removed = _remove_furniture(tree)
    if removed:
        diags.add("html-furniture-removed", count=sum(removed.values()), kinds=_kinds(removed))
    _note_language(tree, diags)
    writer = _Writer()
    body = tree.body
    if body is not None:
        if tree.css_first("h1") is None:
            writer.title(_title(tree))
        writer.walk(body)
    lines = writer.finish()
    if not any(not ln.blank for ln in lines):
        raise InputError(f"{label}: the HTML page has no text (only markup, scripts or styles)")
    if _looks_truncated(data):
        diags.add("html-truncated")
    return HtmlText(lines, used)


# --- bytes to text ---------------------------------------------------------------------------


def _decode(data: bytes, diags: Diagnostics, encoding: str | None, label: str) -> tuple[str, str]:
    """The encoding given (``--encoding``, an HTTP charset), else a BOM, else the page's
    ``<meta charset>``, else UTF-8, else Windows-1252/Latin-1 (``decode``'s fallback)."""
    declared = encoding or _meta_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = "cp1252" if declared.casefold() in _AS_CP1252 else declared
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            if encoding:  # the user's own choice fails: say so, as for text
                raise InputError(f"{label}: cannot decode as {encoding}") from None
    try:
        return decode(data, diags)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, 4096)
    return match.group(1).decode("ascii") if match else None


def _refuse_costly_nesting(data: bytes, label: str) -> None:
    if data.count(b"<") < _TAG_COUNT_CHECK:
        return
    opened = closed = 0
    for match in _DEEP_TAGS.finditer(data):
        if match.group(1):
            closed += 1
        else:
            opened += 1
    if opened - closed > _MAX_UNCLOSED:
        raise InputError(
            f"{label}: the HTML page leaves {opened - closed:,} block elements unclosed "
            f"(over {_MAX_UNCLOSED:,}); it cannot be read in reasonable time"
        )


def _looks_truncated(data: bytes) -> bool:
    """A whole page that does not end with ``</html>`` (or ``</body>``) was cut short."""
    head = data[:512].lstrip().lower()
    if not head.startswith((b"<!doctype", b"<html")):
        return False  # a fragment: nothing says where it should end
    tail = data[-_TRUNCATION_TAIL:].lower()
    return b"</html" not in tail and b"</body" not in tail


# --- the tree before the walk ----------------------------------------------------------------


def _remove_furniture(tree: LexborHTMLParser) -> dict[str, int]:
    """Remove furniture subtrees; count the ones that held text, by kind."""
    removed: dict[str, int] = {}
    for kind, selector in _FURNITURE:
        for node in tree.css(selector):
            if not _is_furniture(kind, node):
                continue
            if node.text(deep=True).strip():
                removed[kind] = removed.get(kind, 0) + 1
            node.decompose()
    return removed


def _is_furniture(kind: str, node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag in _CONTENT_ROOTS:
        return False  # "<body class='cookie-consent-given'>" is the page, not a banner
    if kind == "cookie banner":
        return len(node.text(deep=True)) <= _BANNER_MAX_CHARS
    if kind == "page header/footer":
        return not _inside_content(node)
    return True


def _inside_content(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main", "section"):
            return True
        parent = parent.parent
    return False


def _kinds(removed: dict[str, int]) -> str:
    return ", ".join(f"{count} {kind}" for kind, count in removed.items())


def _title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("head title") or tree.css_first("title")
    return " ".join(node.text().split()) if node is not None else ""


def _note_language(tree: LexborHTMLParser, diags: Diagnostics) -> None:
    root = tree.root
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    primary = lang.strip().casefold().split("-")[0]
    if primary and primary not in ("da", "dan"):
        diags.add("html-language", lang=lang.strip())


# --- the walk --------------------------------------------------------------------------------

_BLANK: tuple[str, LineStyle | None] = ("", None)


@dataclass(slots=True)
class _Writer:
    """Collects lines from a depth-first walk: text pieces of the current line, the line's
    style evidence, and what the walk is inside (a list item, a table cell, a ``pre``).
    What an element does at its start and its end is in ``_ON_START`` and ``_ON_END``."""

    lines: list[tuple[str, LineStyle | None]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    prefix: str = ""  # "• " waiting for a list item's first text
    level: int | None = None
    bold_depth: int = 0
    has_bold: bool = False
    has_plain: bool = False
    list_depth: int = 0
    pre_depth: int = 0
    cells: list[str] | None = None  # the row being read, in a data table
    cell_header: list[bool] = field(default_factory=list)
    cell_depth: int = 0
    tables: list[bool] = field(default_factory=list)  # open tables: is each a data table?

    def title(self, title: str) -> None:
        if title:
            self.lines.append((title, LineStyle(level=0)))
            self.lines.append(_BLANK)

    def walk(self, root: LexborNode) -> None:
        """Depth-first, with an explicit stack (a page nested thousands deep is no error). An
        element with an end rule leaves that rule on the stack, called after its children;
        inline elements (``a``, ``span``, ``em``) are just passed through. This loop is the
        reading time, so text is handled in it rather than by a call each, and the common leaf
        (an element whose one child is its text: ``<p>…</p>``, ``<td>…</td>``, about three
        elements in four on a portal page) is read in one step, its text without a push."""
        from selectolax.lexbor import LexborNode as Node

        stack: list[LexborNode | Callable[[_Writer], None]] = [root]
        pop, push = stack.pop, stack.append
        parts = self.parts
        while stack:
            node = pop()
            if node.__class__ is not Node:
                node(self)  # type: ignore[operator]  # an end rule
                continue
            assert isinstance(node, Node)  # (for mypy; stripped with -O, cheap otherwise)
            end = None
            if node.is_text_node:
                text = node.text_content
            else:
                tag = node.tag or ""
                start = _ON_START.get(tag)
                if start is not None:
                    start(self, node, tag)
                    end = _ON_END.get(tag)
                elif tag in _SKIP and (tag != "button" or self.level is None):
                    continue  # (an accordion's toggle button inside a heading holds the title)
                child = node.first_child
                if child is None:
                    if end is not None:
                        end(self)
                    continue
                if child.next is not None or not child.is_text_node:
                    if end is not None:
                        push(end)
                    child = node.last_child
                    while child is not None:  # last child first, so they are popped in order
                        push(child)
                        child = child.prev
                    continue
                text = child.text_content  # the leaf: its text now, then its end rule
            if text:
                if self.pre_depth:
                    parts.append(text)
                elif not text.isspace():
                    if self.bold_depth:
                        self.has_bold = True
                    else:
                        self.has_plain = True
                    parts.append(text)
                elif parts:  # a space between words; none at a line's start
                    parts.append(text)
            if end is not None:
                end(self)

    # What an element does at its start (``_ON_START``): (self, node, tag).

    def line_break(self, node: LexborNode, tag: str) -> None:
        self.end_line(force=True)

    def start_heading(self, node: LexborNode, tag: str) -> None:
        self.block()
        self.level = _HEADINGS[tag]

    def start_bold(self, node: LexborNode, tag: str) -> None:
        self.bold_depth += 1

    def start_item(self, node: LexborNode, tag: str) -> None:
        self.end_line()
        self.prefix = "" if self.cells is not None else "• "
        self.list_depth += 1

    def start_pre(self, node: LexborNode, tag: str) -> None:
        self.block()
        self.pre_depth += 1

    def start_table(self, node: LexborNode, tag: str) -> None:
        data = self.cells is None and _is_data_table(node)
        self.tables.append(data)
        if data:
            self.block()

    def start_row(self, node: LexborNode, tag: str) -> None:
        if self.tables and self.tables[-1]:
            self.end_line()
            self.cells, self.cell_header = [], []
        else:
            self.block()

    def start_cell(self, node: LexborNode, tag: str) -> None:
        if self.cells is not None and self.cell_depth == 0:
            self.cell_depth = 1
            self.cell_header.append(tag == "th")
            span = _colspan(node)
            self.cells.extend([""] * (span - 1))
        else:
            self.block()

    # What an element does at its end (``_ON_END``).

    def end_heading(self) -> None:
        self.end_line()
        self.level = None
        self.block()

    def end_bold(self) -> None:
        self.bold_depth -= 1

    def end_item(self) -> None:
        self.end_line()
        self.prefix = ""
        self.list_depth -= 1

    def end_pre(self) -> None:
        self.end_line()
        self.pre_depth -= 1
        self.block()

    def end_cell(self) -> None:
        if self.cells is not None and self.cell_depth == 1:
            self.cells.append(_collapsed("".join(self.parts)))
            self.parts.clear()
            self.cell_depth = 0
        else:
            self.block()

    def end_row(self) -> None:
        if self.cells is None or not (self.tables and self.tables[-1]):
            self.block()
            return
        cells, header = self.cells, self.cell_header
        self.cells, self.cell_header = None, []
        self.parts.clear()
        self.has_bold = self.has_plain = False
        if any(cells):
            bold = bool(header) and all(header)
            self.lines.append(("\t".join(cells), LineStyle(bold=True) if bold else None))

    def end_table(self) -> None:
        self.block()
        self.tables.pop()

    # Lines.

    def end_line(self, force: bool = False) -> None:
        """Close the current line. ``force``: a ``br`` ends even an empty line (two ``br``s
        are a blank line)."""
        if not self.parts:  # the common case: a block boundary right after another
            if force and self.cells is None:
                self.lines.append(_BLANK)
            return
        if self.cells is not None:  # inside a table row, a line break is a space
            self.parts.append(" ")
            return
        raw = "".join(self.parts)
        self.parts.clear()
        if self.pre_depth:
            for piece in raw.split("\n"):
                self.lines.append((piece.rstrip(), None))
            return
        text = _collapsed(raw)
        if text:
            bold = self.has_bold and not self.has_plain
            level = self.level
            style = None if level is None and not bold else LineStyle(level=level, bold=bold)
            self.lines.append((self.prefix + text if self.prefix else text, style))
            self.prefix = ""
        elif force:
            self.lines.append(_BLANK)
        self.has_bold = self.has_plain = False

    def block(self, node: LexborNode | None = None, tag: str = "") -> None:
        """A block boundary: close the line and leave one blank line (none inside a list).
        (Also the start and end rule of most block elements, hence the unused arguments.)"""
        if self.parts:
            self.end_line()
        if self.list_depth or self.cells is not None or (self.tables and self.tables[-1]):
            return  # list items and table rows stay together
        lines = self.lines
        if lines and lines[-1][0]:
            lines.append(_BLANK)

    def finish(self) -> list[Line]:
        """The numbered lines: no blank line first or last, one between blocks however many
        breaks made them."""
        self.block()
        kept: list[tuple[str, LineStyle | None]] = []
        after_blank = True  # (so blank lines at the start are dropped)
        for line in self.lines:
            if line[0]:
                kept.append(line)
                after_blank = False
            elif not after_blank:
                kept.append(line)
                after_blank = True
        if kept and not kept[-1][0]:
            kept.pop()
        texts = [text for text, _ in kept]
        normalised = _normalise_all(texts)
        if normalised is not texts:
            kept = [(text, style) for text, (_, style) in zip(normalised, kept)]
        return [Line(no, text, None, style) for no, (text, style) in enumerate(kept, start=1)]


_ON_START: dict[str, Callable[[_Writer, LexborNode, str], None]] = {
    **dict.fromkeys(_BLOCKS, _Writer.block),
    **dict.fromkeys(_HEADINGS, _Writer.start_heading),
    **dict.fromkeys(_BOLD, _Writer.start_bold),
    "br": _Writer.line_break,
    "li": _Writer.start_item,
    "pre": _Writer.start_pre,
    "table": _Writer.start_table,
    "tr": _Writer.start_row,
    "td": _Writer.start_cell,
    "th": _Writer.start_cell,
}
_ON_END: dict[str, Callable[[_Writer], None]] = {
    **dict.fromkeys(_BLOCKS, _Writer.block),
    **dict.fromkeys(_HEADINGS, _Writer.end_heading),
    **dict.fromkeys(_BOLD, _Writer.end_bold),
    "li": _Writer.end_item,
    "pre": _Writer.end_pre,
    "table": _Writer.end_table,
    "tr": _Writer.end_row,
    "td": _Writer.end_cell,
    "th": _Writer.end_cell,
}  # (a br has no end)


def _is_data_table(table: LexborNode) -> bool:
    """Rows of values, not a page laid out in cells: no nested table or heading, and some
    row with two or more cells."""
    if table.css_first("h1, h2, h3, h4, h5, h6") is not None or len(table.css("table")) > 1:
        return False  # (a node's css() matches the node itself: one "table" is this one)
    return table.css_first("tr > td + td, tr > th + td, tr > th + th, tr > td + th") is not None


def _colspan(cell: LexborNode) -> int:
    raw = cell.attributes.get("colspan") or "1"
    return min(_CELL_SPAN_MAX, max(1, int(raw))) if raw.strip().isdigit() else 1


def _collapsed(text: str) -> str:
    """``" ".join(text.split())``, whitespace as a browser shows it. Most lines need no change,
    and saying so is cheaper than splitting them into words: every whitespace character but
    the space is unprintable, so a printable text without a double or edge space is done."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _normalise_all(texts: list[str]) -> list[str]:
    """``decode.normalise`` (soft hyphens, zero-width and control characters) over all lines
    at once; per line where it would change the line count. ``texts`` itself when nothing
    changes (the common case)."""
    joined = "\n".join(texts)
    normalised = normalise(joined)
    if normalised == joined:
        return texts
    out = normalised.split("\n")
    return out if len(out) == len(texts) else [normalise(t).replace("\n", " ") for t in texts]
