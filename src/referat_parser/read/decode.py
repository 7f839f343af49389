"""Stages ``decode`` and ``normalise``: input bytes to clean Unicode text.

Serves every layout: the seeds are UTF-8, but minutes exported from old case systems arrive
as Windows-1252 or Latin-1, and Windows tools write UTF-16 with a BOM. Detection needs no
user input (``--encoding`` overrides it). Normalising removes what extraction leaves behind
(NBSP, soft hyphens, zero-width spaces, CR line ends) but keeps TABs (table cells) and form
feeds (page breaks).
"""

from __future__ import annotations

import codecs

import regex as re

from ..diagnostics import Diagnostics
from ..errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes 0x80-0x9F are printable in cp1252 (€ ’ – …) but C1 controls in Latin-1.
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_BINARY_SNIFF = 8192


def decode(data: bytes, diags: Diagnostics, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)``; raise ``InputError`` for binary input."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            _count_replacements(text, diags)
            return text, name
    if b"\x00" in data[:_BINARY_SNIFF] or b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    name = "cp1252" if _CP1252_ONLY.search(data) else "latin-1"
    text = data.decode(name, errors="replace")
    diags.add("encoding-fallback", encoding=name)
    _count_replacements(text, diags)
    return text, name


def _count_replacements(text: str, diags: Diagnostics) -> None:
    count = text.count("\ufffd")
    if count:
        diags.add("decode-replaced", count=count)


_INVISIBLE: dict[str, str] = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",  # stray BOM
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0b": "\n",
}
# C0 controls other than TAB, LF, FF, CR; and DEL: removed.
_CONTROL_CHARS = tuple(chr(c) for c in (*range(9), *range(0x0E, 0x20), 0x7F))
# Every character normalise() changes, with its replacement. Each is probed with ``in`` (a
# memchr-speed scan) and replaced only when present: most documents hold none, and a regex
# or ``str.translate`` pass over the whole text costs more than all the probes together.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    *_INVISIBLE.items(),
    *((ch, "") for ch in _CONTROL_CHARS),
)


def normalise(text: str) -> str:
    """Unify line ends and invisible characters; keep TAB and form feed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text
