"""DOCX input: a Word file to the same ``Line``s the text pipeline reads, with layout evidence.

Serves agendas and minutes that secretariats keep as Word files. A document whose paragraphs
are styled "Title" (``REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023``), "Heading 1"
(``Punkt 3: Udmøntning af klyngemidler``), "Heading 2" (``Indstilling``), "List Bullet"
(``Godkender, at …``) and a table (``Aktivitet | Udgifter kommuner`` … ``I alt |
1.293.000 kr.``) becomes the lines ``REFERAT …`` (level 0), ``Punkt 3: …`` (level 1),
``Indstilling`` (level 2), ``• Godkender, at …`` and ``Aktivitet<TAB>Udgifter kommuner`` …,
with a blank line after each paragraph (list items and table rows stay together).

What it keeps and drops:

- paragraphs in document order, with their style: "Heading N" (or an outline level) gives
  ``LineStyle(level=N)``, "Title" level 0, a paragraph whose text is all bold ``bold=True``;
  a line break inside a paragraph ends a line; TABs inside a line are kept (a TOC's
  "Title<TAB>page");
- list paragraphs (a "List …" style or Word numbering) start with "• ", or with their number
  ("1.", "a)") where the numbering is decimal or lettered, as Word prints it;
- tables become TAB-separated rows, a cell's paragraphs joined by a space (merged cells pad
  empty cells); a one-column table (a box) is read as paragraphs; text boxes are read after
  the paragraph that anchors them;
- tracked changes are read as accepted: insertions kept, deletions (and moved-away text)
  dropped (``docx-tracked-changes`` says how many); comments, footnotes, headers, footers and
  field codes are not content (``docx-comments`` counts the comments left out).

Read with the standard library (``zipfile`` and ``xml.etree``), not python-docx: python-docx
skips text inside tracked insertions and resolves no list numbers, and this reader is about
four times faster (see the README); python-docx writes the fixtures (``scripts/make_docx.py``).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

import regex as re

from ..diagnostics import Diagnostics
from ..errors import InputError
from ..lines import Line, LineStyle
from .decode import normalise
from .sniff import is_ole

_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict Open XML
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
_MAX_PART_BYTES = 256 * 1024 * 1024  # unpacked: a zip bomb is refused, not inflated
_MAX_STYLE_CHAIN = 20
_BULLET = "• "


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    level: int | None  # heading level stated by the style (or its outline level)
    bold: bool | None
    num_id: str | None
    num_level: int


@dataclass(slots=True)
class _Counts:
    insertions: int = 0
    deletions: int = 0
    comments: int = 0


def read_docx(data: bytes, diags: Diagnostics, *, label: str) -> list[Line]:
    """Read a Word file into numbered ``Line``s; raise ``InputError`` when it cannot be read."""
    parts = _open(data, label)
    document = _xml(parts["word/document.xml"], label, "word/document.xml")
    ns = "{" + document.tag[1:].split("}")[0] + "}" if document.tag.startswith("{") else ""
    reader = _Reader(
        w=ns,
        styles=_styles(_used_styles(parts), ns, label),
        numbering=_Numbering.parse(parts.get("word/numbering.xml"), ns, label),
    )
    body = document.find(f"{ns}body")
    if body is not None:
        reader.blocks(body)
    counts = reader.counts
    if counts.insertions or counts.deletions:
        diags.add("docx-tracked-changes", insertions=counts.insertions, deletions=counts.deletions)
    if counts.comments:
        diags.add("docx-comments", count=counts.comments)
    lines = reader.finish()
    if not any(not ln.blank for ln in lines):
        raise InputError(f"{label}: the Word document has no text")
    return lines


# --- the package -----------------------------------------------------------------------------


def _open(data: bytes, label: str) -> dict[str, bytes]:
    if is_ole(data):
        raise InputError(
            f"{label}: a Word 97-2003 (.doc) or password-protected file; save it as .docx"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"{label}: not a Word document (.docx): not a zip archive") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"{label}: not a Word document (.docx): no word/document.xml")
        parts: dict[str, bytes] = {}
        for name in _PARTS:
            if name not in names:
                continue
            size = archive.getinfo(name).file_size
            if size > _MAX_PART_BYTES:
                raise InputError(
                    f"{label}: {name} unpacks to {size:,} bytes (over {_MAX_PART_BYTES:,})"
                )
            try:
                parts[name] = archive.read(name)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                raise InputError(f"{label}: not a readable Word document (damaged zip)") from None
    return parts


def _xml(raw: bytes, label: str, name: str) -> ET.Element:
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:4096]:
        raise InputError(f"{label}: not a readable Word document ({name} declares a DTD)")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"{label}: not a readable Word document ({name}: {exc})") from None


def _on(element: ET.Element | None, ns: str) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None if unset."""
    if element is None:
        return None
    return element.get(f"{ns}val", "true").casefold() not in ("0", "false", "off", "none")


def _used_styles(parts: dict[str, bytes]) -> bytes | None:
    """styles.xml cut down to the styles the document names and those they are based on.

    A template's styles.xml is large (python-docx's: 349 KB, 164 styles; parsing it whole is
    nine tenths of reading a short document) and a document uses a dozen. Word writes the
    ``w:`` prefix; a file that does not is parsed whole."""
    raw = parts.get("word/styles.xml")
    if raw is None:
        return None
    root_end = raw.find(b">", max(0, raw.find(b"<w:styles")))
    starts = {m.group(1): m.start() for m in _STYLE_START.finditer(raw)}
    if raw.find(b"<w:styles") < 0 or not starts:
        return raw
    wanted = set(_STYLE_USE.findall(parts["word/document.xml"])) | {b"Normal"}
    chunks: list[bytes] = []
    seen: set[bytes] = set()
    while wanted:
        style_id = wanted.pop()
        start = starts.get(style_id)
        if style_id in seen or start is None:
            continue
        seen.add(style_id)
        end = raw.find(b"</w:style>", start)
        if end < 0:
            return raw
        chunk = raw[start : end + len(b"</w:style>")]
        chunks.append(chunk)
        wanted.update(_BASED_ON.findall(chunk))
    return raw[: root_end + 1] + b"".join(chunks) + b"</w:styles>"


_STYLE_START = re.compile(rb'<w:style\b[^>]{0,500}?w:styleId="([^"]{1,200})"')
_STYLE_USE = re.compile(rb'<w:[pr]Style w:val="([^"]{1,200})"')
_BASED_ON = re.compile(rb'<w:basedOn w:val="([^"]{1,200})"')


def _styles(raw: bytes | None, ns: str, label: str) -> dict[str, _Style]:
    if raw is None:
        return {}
    styles: dict[str, _Style] = {}
    for node in _xml(raw, label, "word/styles.xml").iter(f"{ns}style"):
        style_id = node.get(f"{ns}styleId")
        if style_id is None:
            continue
        name_el = node.find(f"{ns}name")
        name = (name_el.get(f"{ns}val") if name_el is not None else None) or style_id
        based = node.find(f"{ns}basedOn")
        outline = node.find(f"{ns}pPr/{ns}outlineLvl")
        num = node.find(f"{ns}pPr/{ns}numPr")
        styles[style_id] = _Style(
            name=name,
            based_on=based.get(f"{ns}val") if based is not None else None,
            level=_style_level(name, outline.get(f"{ns}val") if outline is not None else None),
            bold=_on(node.find(f"{ns}rPr/{ns}b"), ns),
            num_id=_num_id(num, ns),
            num_level=_num_level(num, ns),
        )
    return styles


def _style_level(name: str, outline: str | None) -> int | None:
    """The heading level a style states: Word's built-in names ("Title", "heading 2") and the
    Danish names a template may give its own styles ("Titel", "Overskrift 2")."""
    key = name.casefold()
    if key in ("title", "titel"):
        return 0
    word, _, number = key.rpartition(" ")
    if word in ("heading", "overskrift") and number.isdigit():
        return int(number)
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return None


def _num_id(num: ET.Element | None, ns: str) -> str | None:
    found = num.find(f"{ns}numId") if num is not None else None
    return found.get(f"{ns}val") if found is not None else None


def _num_level(num: ET.Element | None, ns: str) -> int:
    found = num.find(f"{ns}ilvl") if num is not None else None
    raw = found.get(f"{ns}val", "0") if found is not None else "0"
    return int(raw) if raw.isdigit() and int(raw) < 9 else 0


# --- list numbering --------------------------------------------------------------------------


@dataclass(slots=True)
class _Numbering:
    """Word's list numbering: which format each list level prints, and the running counters,
    so "1.", "2." and "a)" come out as Word shows them."""

    levels: dict[str, dict[int, tuple[str, str, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: bytes | None, ns: str, label: str) -> _Numbering:
        numbering = cls()
        if raw is None:
            return numbering
        root = _xml(raw, label, "word/numbering.xml")
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{ns}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.iter(f"{ns}lvl"):
                ilvl = lvl.get(f"{ns}ilvl", "0")
                fmt, text, start = (lvl.find(f"{ns}{k}") for k in ("numFmt", "lvlText", "start"))
                start_value = start.get(f"{ns}val", "1") if start is not None else "1"
                levels[int(ilvl) if ilvl.isdigit() else 0] = (
                    fmt.get(f"{ns}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{ns}val", "") if text is not None else "",
                    int(start_value) if start_value.isdigit() else 1,
                )
            abstract[node.get(f"{ns}abstractNumId", "")] = levels
        for node in root.iter(f"{ns}num"):
            ref = node.find(f"{ns}abstractNumId")
            if ref is not None:
                numbering.levels[node.get(f"{ns}numId", "")] = abstract.get(
                    ref.get(f"{ns}val", ""), {}
                )
        return numbering

    def label(self, num_id: str, level: int) -> str:
        """The prefix of the next paragraph of list ``num_id`` at ``level``."""
        levels = self.levels.get(num_id, {})
        fmt, text, _ = levels.get(level, ("bullet", "", 1))
        if fmt in ("bullet", "none", "") or not text:
            return _BULLET if fmt != "none" else ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        out = text
        for k in range(level + 1):
            k_fmt, _, k_start = levels.get(k, ("decimal", "", 1))
            out = out.replace(f"%{k + 1}", _format_number(counters[k] + k_start - 1, k_fmt))
        return out + " "


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 1 <= value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):  # fmt: skip
        while value >= number:
            out += letters
            value -= number
    return out


# --- the body --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reader:
    """Walks the body's paragraphs and tables, collecting (text, style) lines."""

    w: str
    styles: dict[str, _Style]
    numbering: _Numbering
    lines: list[tuple[str, LineStyle | None]] = field(default_factory=list)
    counts: _Counts = field(default_factory=_Counts)

    def blocks(self, container: ET.Element) -> None:
        """The paragraphs and tables of a body, cell, content control or text box, in order."""
        w = self.w
        for child in container:
            tag = child.tag
            if tag == f"{w}p":
                self.paragraph(child)
            elif tag == f"{w}tbl":
                self.table(child)
            elif tag in (f"{w}sdt", f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                content = child.find(f"{w}sdtContent")
                self.blocks(content if content is not None else child)

    def paragraph(self, p: ET.Element) -> None:
        style = self._paragraph_style(p)
        pieces, bold, boxes = self._runs(p, style)
        prefix = self._list_prefix(p, style) if "".join(pieces).strip() else ""
        texts = "".join(pieces).split("\n")
        line_style = (
            LineStyle(level=style.level, bold=bold) if (style.level is not None or bold) else None
        )
        listed = bool(prefix)
        for k, text in enumerate(texts):
            text = text.strip(" ").lstrip("\t")
            self.lines.append(((prefix if k == 0 else "") + text, line_style if text else None))
        if not listed:
            self._blank()
        for box in boxes:
            self.blocks(box)

    def _paragraph_style(self, p: ET.Element) -> _Style:
        w = self.w
        ppr = p.find(f"{w}pPr")
        style_el = ppr.find(f"{w}pStyle") if ppr is not None else None
        style_id = style_el.get(f"{w}val") if style_el is not None else None
        resolved = self._resolve(style_id or "Normal")
        num = ppr.find(f"{w}numPr") if ppr is not None else None
        outline = ppr.find(f"{w}outlineLvl") if ppr is not None else None
        level = resolved.level
        if outline is not None:
            level = _style_level("", outline.get(f"{w}val"))
        num_id = _num_id(num, w) or resolved.num_id
        num_level = _num_level(num, w) if num is not None else resolved.num_level
        return _Style(resolved.name, None, level, resolved.bold, num_id, num_level)

    def _resolve(self, style_id: str) -> _Style:
        """A style with what it inherits (``basedOn``) filled in."""
        style = self.styles.get(style_id)
        if style is None:
            return _Style(style_id, None, None, None, None, 0)
        name, level, bold, num_id, num_level = (
            style.name, style.level, style.bold, style.num_id, style.num_level,
        )  # fmt: skip
        parent, hops = style.based_on, 0
        while parent is not None and hops < _MAX_STYLE_CHAIN:
            base = self.styles.get(parent)
            if base is None:
                break
            level = level if level is not None else base.level
            bold = bold if bold is not None else base.bold
            if num_id is None:
                num_id, num_level = base.num_id, base.num_level
            parent, hops = base.based_on, hops + 1
        return _Style(name, None, level, bold, num_id, num_level)

    def _list_prefix(self, p: ET.Element, style: _Style) -> str:
        if style.num_id is not None and style.num_id != "0":
            return self.numbering.label(style.num_id, style.num_level)
        name = style.name.casefold()
        if name.startswith("list") and not name.startswith("list continue"):
            return _BULLET
        return ""

    def _runs(self, p: ET.Element, style: _Style) -> tuple[list[str], bool, list[ET.Element]]:
        """The paragraph's text ("\\n" at line breaks), whether all of it is bold, and the
        text boxes it anchors. An explicit stack: nesting depth is the file's to choose."""
        w = self.w
        pieces: list[str] = []
        boxes: list[ET.Element] = []
        has_bold = has_plain = False
        stack: list[tuple[ET.Element, bool]] = [(child, False) for child in reversed(p)]
        while stack:
            node, run_bold = stack.pop()
            tag = node.tag
            if tag == f"{w}t":
                text = node.text or ""
                pieces.append(text)
                if text.strip():
                    has_bold, has_plain = has_bold or run_bold, has_plain or not run_bold
            elif tag == f"{w}tab":
                pieces.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                pieces.append("\n")
            elif tag == f"{w}noBreakHyphen":
                pieces.append("-")
            elif tag in (f"{w}del", f"{w}moveFrom"):
                self.counts.deletions += 1
            elif tag == f"{w}commentReference":
                self.counts.comments += 1
            elif tag == f"{w}txbxContent":
                boxes.append(node)
            elif tag == f"{_MC}Fallback" or tag in _SKIPPED_RUN_PARTS.get(w, ()):
                continue
            else:
                if tag in (f"{w}ins", f"{w}moveTo"):
                    self.counts.insertions += 1
                if tag == f"{w}r":
                    run_bold = self._run_bold(node, style)
                stack.extend((child, run_bold) for child in reversed(node))
        return pieces, has_bold and not has_plain, boxes

    def _run_bold(self, run: ET.Element, style: _Style) -> bool:
        w = self.w
        rpr = run.find(f"{w}rPr")
        if rpr is not None:
            direct = _on(rpr.find(f"{w}b"), w)
            if direct is not None:
                return direct
            char_style = rpr.find(f"{w}rStyle")
            if char_style is not None:
                resolved = self._resolve(char_style.get(f"{w}val", ""))
                if resolved.bold is not None:
                    return resolved.bold
        return bool(style.bold)

    def table(self, tbl: ET.Element) -> None:
        w = self.w
        rows = tbl.findall(f"{w}tr")
        if all(len(row.findall(f"{w}tc")) <= 1 for row in rows):
            for row in rows:  # a one-column table is a box around paragraphs
                for cell in row.findall(f"{w}tc"):
                    self.blocks(cell)
            return
        self._blank()
        for row in rows:
            cells: list[str] = []
            bolds: list[bool] = []
            for cell in row.findall(f"{w}tc"):
                text, bold = self._cell(cell)
                cells.append(text)
                bolds.append(bold or not text)
                cells.extend([""] * (_span(cell, w) - 1))
            header = row.find(f"{w}trPr/{w}tblHeader") is not None
            if any(cells):
                bold_row = header or all(bolds)
                self.lines.append(("\t".join(cells), LineStyle(bold=True) if bold_row else None))
        self._blank()

    def _cell(self, cell: ET.Element) -> tuple[str, bool]:
        """A cell's paragraphs (and nested tables) as one line, and whether it is all bold."""
        inner = _Reader(self.w, self.styles, self.numbering, counts=self.counts)
        inner.blocks(cell)
        texts = [text.replace("\t", " ") for text, _ in inner.lines if text]
        bold = bool(texts) and all(s is not None and s.bold for t, s in inner.lines if t)
        return " ".join(" ".join(texts).split()), bold

    def _blank(self) -> None:
        if self.lines and self.lines[-1][0]:
            self.lines.append(("", None))

    def finish(self) -> list[Line]:
        kept: list[tuple[str, LineStyle | None]] = []
        for text, style in self.lines:
            if text or (kept and kept[-1][0]):
                kept.append((text, style))
        while kept and not kept[-1][0]:
            kept.pop()
        return [Line(no, normalise(text).replace("\n", " "), None, style)
                for no, (text, style) in enumerate(kept, start=1)]  # fmt: skip


def _span(cell: ET.Element, w: str) -> int:
    span = cell.find(f"{w}tcPr/{w}gridSpan")
    raw = span.get(f"{w}val", "1") if span is not None else "1"
    return min(50, max(1, int(raw))) if raw.isdigit() else 1


# Run content that is never text: properties, field codes, references, deleted text.
_SKIPPED_RUN_PARTS = {
    w: frozenset(
        f"{w}{name}"
        for name in (
            "pPr", "rPr", "instrText", "delInstrText", "delText", "footnoteReference",
            "endnoteReference", "fldChar", "lastRenderedPageBreak", "bookmarkStart",
            "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr", "sym",
        )
    )
    for w in (f"{{{ns}}}" for ns in _NAMESPACES)
}  # fmt: skip
