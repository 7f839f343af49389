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

from .diagnostics import Diagnostics
from .errors import InputError

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


_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,  # stray BOM
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
    }
)
# C0 controls other than TAB, LF, FF, CR; and DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = tuple(chr(c) for c in (*range(9), *range(0x0E, 0x20), 0x7F))


# One character class of everything ``_TRANSLATE`` maps: a fast "is there work to do" probe.
_SPECIAL_CHARS = tuple(chr(c) for c in _TRANSLATE)
_SPECIAL = re.compile("[" + "".join(re.escape(ch) for ch in _SPECIAL_CHARS) + "]")


def normalise(text: str) -> str:
    """Unify line ends and invisible characters; keep TAB and form feed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in _SPECIAL_CHARS):  # substring probes beat a regex scan
        text = _SPECIAL.sub(lambda m: _TRANSLATE[ord(m.group())] or "", text)
    if any(ch in text for ch in _CONTROL_CHARS) and _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return text
