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

- dropped: ``script``, ``style``, ``template``, form controls, ``nav`` and navigation roles,
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
# Elements the walk acts on (at their start and end); every other element is inline.
_ACTS = _BLOCKS | set(_HEADINGS) | _BOLD | {"br", "li", "pre"}
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


@dataclass(slots=True)
class _Writer:
    """Collects lines from a depth-first walk: text pieces of the current line, the line's
    style evidence, and what the walk is inside (a list item, a table cell, a ``pre``)."""

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
            self.lines.append(("", None))

    def walk(self, root: LexborNode) -> None:
        """Depth-first, with an explicit stack (a page nested thousands deep is no error).
        Only elements with something to do at their end get a second visit; inline elements
        (``a``, ``span``, ``em``) are just passed through. The hot path is inlined: a page
        has hundreds of nodes, and a call per node is a tenth of the reading time."""
        stack: list[LexborNode | tuple[LexborNode, str]] = [root]
        text = self.text
        parts = self.parts
        while stack:
            item = stack.pop()
            if item.__class__ is tuple:
                self.leave(*item)
                continue
            node: LexborNode = item  # type: ignore[assignment]
            tag = node.tag or ""
            if tag == "-text":
                content = node.text_content
                if content and (parts or self.pre_depth or not content.isspace()):
                    text(content)
                continue
            if tag in _SKIP:
                continue
            if tag in _ACTS:
                self.enter(node, tag)
                stack.append((node, tag))
            children = list(node.iter(include_text=True))
            children.reverse()
            stack.extend(children)

    def enter(self, node: LexborNode, tag: str) -> None:
        if tag == "br":
            self.end_line(force=True)
        elif tag in _HEADINGS:
            self.block()
            self.level = _HEADINGS[tag]
        elif tag in _BOLD:
            self.bold_depth += 1
        elif tag == "li":
            self.end_line()
            self.prefix = "" if self.cells is not None else "• "
            self.list_depth += 1
        elif tag == "pre":
            self.block()
            self.pre_depth += 1
        elif tag == "table":
            data = self.cells is None and _is_data_table(node)
            self.tables.append(data)
            if data:
                self.block()
        elif tag == "tr" and self.tables and self.tables[-1]:
            self.end_line()
            self.cells, self.cell_header = [], []
        elif tag in ("td", "th") and self.cells is not None and self.cell_depth == 0:
            self.cell_depth = 1
            self.cell_header.append(tag == "th")
            span = _colspan(node)
            self.cells.extend([""] * (span - 1))
        elif tag in _BLOCKS:
            self.block()

    def leave(self, node: LexborNode, tag: str) -> None:
        if tag in _HEADINGS:
            self.end_line()
            self.level = None
            self.block()
        elif tag in _BOLD:
            self.bold_depth -= 1
        elif tag == "li":
            self.end_line()
            self.prefix = ""
            self.list_depth -= 1
        elif tag == "pre":
            self.end_line()
            self.pre_depth -= 1
            self.block()
        elif tag in ("td", "th") and self.cells is not None and self.cell_depth == 1:
            self.cells.append(" ".join("".join(self.parts).split()))
            self.parts.clear()
            self.cell_depth = 0
        elif tag == "tr" and self.cells is not None and self.tables and self.tables[-1]:
            self.end_row()
        elif tag == "table":
            self.block()
            self.tables.pop()
        elif tag in _BLOCKS:
            self.block()

    def text(self, text: str) -> None:
        if not text:
            return
        if self.pre_depth:
            self.parts.append(text)
            return
        if not text.isspace():
            if self.bold_depth:
                self.has_bold = True
            else:
                self.has_plain = True
        self.parts.append(text)

    def end_line(self, force: bool = False) -> None:
        """Close the current line. ``force``: a ``br`` ends even an empty line (two ``br``s
        are a blank line)."""
        if not self.parts:  # the common case: a block boundary right after another
            if force and self.cells is None:
                self.lines.append(("", None))
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
        text = " ".join(raw.split())
        if text:
            style = self._style()
            self.lines.append((self.prefix + text if self.prefix else text, style))
            self.prefix = ""
        elif force:
            self.lines.append(("", None))
        self.has_bold = self.has_plain = False

    def _style(self) -> LineStyle | None:
        bold = self.has_bold and not self.has_plain
        if self.level is None and not bold:
            return None
        return LineStyle(level=self.level, bold=bold)

    def end_row(self) -> None:
        cells, header = self.cells or [], self.cell_header
        self.cells, self.cell_header = None, []
        self.parts.clear()
        self.has_bold = self.has_plain = False
        if any(cells):
            bold = bool(header) and all(header)
            self.lines.append(("\t".join(cells), LineStyle(bold=True) if bold else None))

    def block(self) -> None:
        """A block boundary: close the line and leave one blank line (none inside a list)."""
        self.end_line()
        if self.list_depth or self.cells is not None or (self.tables and self.tables[-1]):
            return  # list items and table rows stay together
        if self.lines and self.lines[-1][0]:
            self.lines.append(("", None))

    def finish(self) -> list[Line]:
        self.block()
        while self.lines and not self.lines[-1][0]:
            self.lines.pop()
        start = 0
        while start < len(self.lines) and not self.lines[start][0]:
            start += 1
        kept = [  # one blank line between blocks, however many breaks made them
            line
            for k, line in enumerate(self.lines[start:], start=start)
            if line[0] or self.lines[k - 1][0]
        ]
        texts = _normalise_all([text for text, _ in kept])
        return [Line(no, text, None, style) for no, (text, (_, style)) in enumerate(
            zip(texts, kept), start=1)]  # fmt: skip


def _is_data_table(table: LexborNode) -> bool:
    """Rows of values, not a page laid out in cells: no nested table or heading, and some
    row with two or more cells."""
    if table.css_first("h1, h2, h3, h4, h5, h6") is not None or len(table.css("table")) > 1:
        return False  # (a node's css() matches the node itself: one "table" is this one)
    return table.css_first("tr > td + td, tr > th + td, tr > th + th, tr > td + th") is not None


def _colspan(cell: LexborNode) -> int:
    raw = cell.attributes.get("colspan") or "1"
    return min(_CELL_SPAN_MAX, max(1, int(raw))) if raw.strip().isdigit() else 1


def _normalise_all(texts: list[str]) -> list[str]:
    """``decode.normalise`` (soft hyphens, zero-width and control characters) over all lines
    at once; per line where it would change the line count."""
    joined = normalise("\n".join(texts))
    out = joined.split("\n")
    return out if len(out) == len(texts) else [normalise(t).replace("\n", " ") for t in texts]
