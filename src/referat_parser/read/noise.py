"""Stage ``noise``: remove web and export furniture, line by line, keeping line numbers.

Serves the web-exported layouts: 003 ("Abonnér", "Tilbage til toppen" between items),
001 ("drøftede sagen på deres sidste [møde](#)"), 004 ("- **Behandlingsansvar**",
"*Lær at tackle* -kurser") and 000 item 6 (``<ul style="list-style-type: none">•`` in cells).
Whole noise lines are dropped (they carry no content); inline markup is unwrapped.
"""

from __future__ import annotations

import html

import regex as re

from ..diagnostics import Diagnostics, line_runs
from ..lines import Line
from ..vocab import FOOTER_LINKS, NOISE_LINE_STARTS, NOISE_LINES, NOISE_PATTERNS, NOISE_PREFIXES

_NOISE = frozenset(NOISE_LINES)
_NOISE_SHAPES = tuple(re.compile(p, re.I) for p in NOISE_PATTERNS)
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,500}\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_BLOCK_TAG = re.compile(r"</?(?:br|p|li|ul|ol|div|td|th|tr|table|h[1-6])\b[^<>\n]{0,500}>", re.I)
_BOLD = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_BULLET = re.compile(r"^[•·*\-–]\s*")
_PREFIX_INITIALS = frozenset(p[0] for p in NOISE_PREFIXES) | frozenset(
    p[0].upper() for p in NOISE_PREFIXES
)


_NOISE_MAX = max(len(n) for n in NOISE_LINES) + 8
_LINE_STARTS = tuple(NOISE_LINE_STARTS)
_SHAPE_MAX = 400


def is_noise(text: str) -> bool:
    """A whole line that is web furniture ("Tilbage til toppen", "• Udskriv", a navigation bar
    "Forsiden | Kontakt | Ledige job | …", "Frederikssund Kommunes logo")."""
    stripped = text.strip()
    if not stripped or len(stripped) > _SHAPE_MAX:
        return False
    if len(stripped) <= _NOISE_MAX:
        key = _BULLET.sub("", stripped) if stripped[0] in "•·*-–" else stripped
        folded = key.casefold()
        if folded in _NOISE or (len(key) <= 60 and _starts_as_noise(folded)):
            return True
    if ("  " in stripped or " · " in stripped or " | " in stripped) and _footer_row(stripped):
        return True
    # each shape only where its word is (most lines hold none): a cheap test first
    nav, crumbs, logo, front, download = _NOISE_SHAPES
    return (
        ("|" in stripped and nav.match(stripped) is not None)
        or (("›" in stripped or "»" in stripped) and crumbs.match(stripped) is not None)
        or ("logo" in stripped and logo.match(stripped) is not None)
        or ("orsiden" in stripped and front.match(stripped) is not None)
        or (stripped[:8].casefold() == "download" and download.match(stripped) is not None)
    )


def _starts_as_noise(folded: str) -> bool:
    """ "Til toppen af siden", "Hent som PDF (2 MB)": a short line that starts like furniture
    (at most 30 characters after the furniture words, so a sentence that starts so stays)."""
    if not folded.startswith(_LINE_STARTS):  # (one C-level test; most lines start otherwise)
        return False
    return any(folded.startswith(p) and len(folded) <= len(p) + 30 for p in NOISE_LINE_STARTS)


_CELL_GAP = re.compile(r"\s{2,}|\s[|·•]\s")


def _footer_row(text: str) -> bool:
    """ "Tilgængelighedserklæring   Cookies   Privatlivspolitik": short cells, at least two of
    them a site footer's link words; or a row of page tools ("Udskriv referat | Abonnér på
    dagsordener", "Print · Del på Facebook"), every cell furniture."""
    cells = [c.strip() for c in _CELL_GAP.split(text) if c.strip()]
    if len(cells) < 2 or any(len(c.split()) > 4 for c in cells):
        return False
    folded = [c.casefold() for c in cells]
    if sum(c in FOOTER_LINKS for c in folded) >= 2:
        return True
    return all(c in _NOISE or c in FOOTER_LINKS or _starts_as_noise(c) for c in folded)


def strip_noise_prefix(text: str) -> str:
    """ "fold dette punkt ind Resume" -> "Resume"; other lines unchanged."""
    stripped = text.lstrip()
    if stripped[:1] not in _PREFIX_INITIALS:
        return text
    folded = stripped[:40].casefold()
    for prefix in NOISE_PREFIXES:
        if folded.startswith(prefix):
            return stripped[len(prefix) :]
    return text


def _tag_space(m: re.Match[str]) -> str:
    """A block tag between two words becomes one space; at a line edge or beside a space, none."""
    text, start, end = m.string, m.start(), m.end()
    inside = start > 0 and end < len(text)
    return " " if inside and not text[start - 1].isspace() and not text[end].isspace() else ""


def clean_inline(text: str) -> str:
    """Unwrap markdown links and emphasis, strip HTML tags and entities."""
    if (
        "[" not in text
        and "<" not in text
        and "*" not in text
        and "_" not in text
        and "&" not in text
    ):
        return text
    text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        # A block tag (<br>, <li>, <p>, <td>) separates words: "plan<br>i 2024" is two words.
        text = _BLOCK_TAG.sub(_tag_space, text).replace("  ", " ")
        text = _HTML_TAG.sub("", text)
    text = _BOLD.sub("", text)
    text = _ITALIC.sub(r"\1", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text


def clean_lines(lines: list[Line], diags: Diagnostics | None = None) -> list[Line]:
    """Drop noise lines; clean markup in the rest; keep ``no`` and ``page``. The removed lines
    are counted in one ``web-furniture-removed`` diagnostic that names their line numbers,
    never their text."""
    out: list[Line] = []
    removed: list[int] = []
    for line in lines:
        if line.blank:  # kept (the line numbering and paragraph breaks need it), emptied
            out.append(line if not line.text else line.with_text(""))
            continue
        if is_noise(line.stripped):
            removed.append(line.no)
            continue
        text = clean_inline(strip_noise_prefix(line.text)).rstrip()
        out.append(line if text == line.text else line.with_text(text))
    if removed and diags is not None:
        diags.add("web-furniture-removed", count=len(removed), lines=line_runs(removed))
    return out
