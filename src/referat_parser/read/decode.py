"""Stages ``decode`` and ``normalise``: input bytes to clean Unicode text.

Serves every layout: the seeds are UTF-8, but minutes exported from old case systems arrive
as Windows-1252 or Latin-1, DOS programs wrote cp865 or cp850, old Macs mac_roman, and Windows
tools write UTF-16, with a BOM or without. Detection needs no user input (``--encoding``
overrides it), in this order:

1. a BOM decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes mostly at odd (or even) positions: UTF-16-LE (or -BE) without a BOM
   (``charsets.utf16_without_bom``); other NUL bytes: refused as binary;
3. valid UTF-8;
4. UTF-8 but for a few stray bytes ("Mødedato" with one cp1252 "\x96" pasted in): UTF-8, the
   stray bytes replaced by U+FFFD, one ``utf8-stray-bytes`` warning per line that held them.
   The rule is "at least as many valid multi-byte characters as invalid bytes": a Danish text
   saved in any of the five code pages below has almost none (at most 1 for every 480 invalid
   bytes over the seeds and corpus), a UTF-8 text with stray bytes has many (seed 000 has 280
   æ/ø/å), so the cut sits far from both;
5. else the code page whose text is the most plausible Danish (``charsets.best_code_page``:
   Latin-1, Windows-1252, cp865, cp850, mac_roman), with an ``encoding-fallback`` info and, when
   another reading is nearly as plausible, an ``encoding-uncertain`` warning.

Normalising removes what extraction leaves behind (NBSP, soft hyphens, zero-width spaces, CR
line ends) but keeps TABs (table cells) and form feeds (page breaks).
"""

from __future__ import annotations

import codecs

import regex as re

from ..diagnostics import Diagnostics
from ..errors import InputError
from ..lines import Line
from .charsets import best_code_page, utf16_without_bom

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A byte that is not UTF-8, as ``errors="surrogateescape"`` keeps it (0x80-0xFF -> U+DC80-U+DCFF).
_STRAY = re.compile(r"[\udc80-\udcff]")


def decode(data: bytes, diags: Diagnostics, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)``; raise ``InputError`` for binary input."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name == "utf-8-sig":
                return _utf8_with_strays(data[len(bom) :], diags), name
            return _decode_replacing(data, name, diags), name
    if b"\x00" in data:
        wide = utf16_without_bom(data)
        if wide is None:
            raise InputError("binary file (contains NUL bytes), not a text document")
        diags.add("encoding-fallback", encoding=wide)
        return _decode_replacing(data, wide, diags), wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    if _mostly_utf8(data, text):
        return _replace_strays(text, diags), "utf-8"
    verdict = best_code_page(data)
    diags.add("encoding-fallback", encoding=verdict.encoding)
    if verdict.runner_up:
        diags.add("encoding-uncertain", encoding=verdict.encoding, other=verdict.runner_up)
    return _decode_replacing(data, verdict.encoding, diags), verdict.encoding


def _mostly_utf8(data: bytes, escaped: str) -> bool:
    """At least as many valid multi-byte characters as invalid bytes (see the docstring).
    ``escaped`` is ``data`` decoded with surrogate escapes; every count is a C-speed pass."""
    strays = len(data) - len(escaped.encode("utf-8", errors="ignore"))
    non_ascii = len(escaped) - len(escaped.encode("ascii", errors="ignore"))
    return non_ascii - strays >= strays


def _utf8_with_strays(data: bytes, diags: Diagnostics) -> str:
    return _replace_strays(data.decode("utf-8", errors="surrogateescape"), diags)


def _replace_strays(escaped: str, diags: Diagnostics) -> str:
    """The stray bytes as U+FFFD, with one ``utf8-stray-bytes`` warning per line holding any."""
    text, count = _STRAY.subn("\ufffd", escaped)
    if count:
        for line, page, strays in _stray_lines(escaped):
            diags.add("utf8-stray-bytes", at=Line(line, "", page), count=strays)
    return text


def _stray_lines(escaped: str) -> list[tuple[int, int | None, int]]:
    """``(line, page, count)`` per line with stray bytes, numbered as ``split_lines`` numbers
    the normalised text (CR, CRLF, U+2028 end lines; a form feed turns the page)."""
    text = normalise(escaped)
    paged = "\f" in text
    counts: dict[tuple[int, int | None], int] = {}
    line, page, at = 1, 1, 0
    for m in _STRAY.finditer(text):
        line += text.count("\n", at, m.start())
        page += text.count("\f", at, m.start())
        at = m.start()
        key = (line, page if paged else None)
        counts[key] = counts.get(key, 0) + 1
    return [(no, pg, n) for (no, pg), n in counts.items()]


def _decode_replacing(data: bytes, name: str, diags: Diagnostics) -> str:
    text = data.decode(name, errors="replace")
    _count_replacements(text, diags)
    return text


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
