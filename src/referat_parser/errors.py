"""Errors that mean "this input cannot be read" or "this output cannot be written", and how
they are shown. Content problems are diagnostics, never these.

The CLI catches ``ReferatError`` only and prints ``referat: error: <message>`` (exit 1), with
``printable`` applied so a file name cannot send escape sequences to the terminal.
"""

from __future__ import annotations

import errno
import os
import unicodedata


class ReferatError(Exception):
    """Base class: the input could not be read or parsed at all."""


class InputError(ReferatError):
    """Missing, unreadable, a directory, too large, binary, empty."""


class PdfError(ReferatError):
    """Encrypted, corrupt, not a PDF, or no text layer."""


class OutputError(ReferatError):
    """An output could not be written: ``out.json: cannot write (no space left on device)``."""

    def __init__(self, target: object, exc: OSError) -> None:
        super().__init__(f"{target}: cannot write ({os_reason(exc)})")
        self.errno = exc.errno

    @property
    def device_full(self) -> bool:
        """No space or quota left: every later write to the device fails too."""
        return self.errno in (errno.ENOSPC, errno.EDQUOT)


class OutOfMemoryError(ReferatError):
    """One file's parse needed more memory than ``--max-memory`` allows."""


def os_reason(exc: OSError) -> str:
    """The OS's reason in lower case: 'no space left on device', 'read-only file system'."""
    reason = exc.strerror or (os.strerror(exc.errno) if exc.errno else type(exc).__name__)
    return reason[:1].lower() + reason[1:]


def printable(text: str) -> str:
    """``text`` with control and invisible format characters escaped (``\\x1b``, ``\\u202e``)
    and undecodable file-name bytes shown as ``\\xNN``: safe to print on a terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        if code < 0x100:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return ch
