"""Errors that mean "this input cannot be read". Content problems are diagnostics, never these.

The CLI catches ``ReferatError`` only and prints ``referat: error: <message>`` (exit 1).
"""

from __future__ import annotations


class ReferatError(Exception):
    """Base class: the input could not be read or parsed at all."""


class InputError(ReferatError):
    """Missing, unreadable, a directory, too large, binary, empty."""


class PdfError(ReferatError):
    """Encrypted, corrupt, not a PDF, or no text layer."""
