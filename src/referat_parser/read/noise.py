"""Stage ``noise``: remove web and export furniture, line by line, keeping line numbers.

Serves the web-exported layouts: 003 ("Abonnér", "Tilbage til toppen" between items),
001 ("drøftede sagen på deres sidste [møde](#)"), 004 ("- **Behandlingsansvar**",
"*Lær at tackle* -kurser") and 000 item 6 (``<ul style="list-style-type: none">•`` in cells).
Whole noise lines are dropped (they carry no content); inline markup is unwrapped.
"""

from __future__ import annotations

import html

import regex as re

from ..lines import Line
from ..vocab import NOISE_LINES

_NOISE = frozenset(NOISE_LINES)
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,500}\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_BLOCK_TAG = re.compile(r"</?(?:br|p|li|ul|ol|div|td|th|tr|table|h[1-6])\b[^<>\n]{0,500}>", re.I)
_BOLD = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


_NOISE_MAX = max(len(n) for n in NOISE_LINES) + 8


def is_noise(text: str) -> bool:
    """A whole line that is web furniture ("Tilbage til toppen")."""
    return len(text) <= _NOISE_MAX and text.strip().casefold() in _NOISE


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


def clean_lines(lines: list[Line]) -> list[Line]:
    """Drop noise lines; clean markup in the rest; keep ``no`` and ``page``."""
    out: list[Line] = []
    for line in lines:
        if line.blank:  # kept (the line numbering and paragraph breaks need it), emptied
            out.append(line if not line.text else line.with_text(""))
            continue
        stripped = line.stripped
        if len(stripped) <= _NOISE_MAX and stripped.casefold() in _NOISE:
            continue
        text = clean_inline(line.text).rstrip()
        out.append(line if text == line.text else line.with_text(text))
    return out
