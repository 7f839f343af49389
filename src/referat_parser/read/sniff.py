"""Which reader an input needs: by its bytes first, then by its name or content type.

Serves every input: ``minutes.pdf``, ``referat.html`` saved from a portal, a ``.docx`` agenda
from a secretariat, bytes on stdin (``referat parse - < page.html``) and a fetched URL whose
server says ``text/html; charset=utf-8``. A signature in the bytes wins (``%PDF-``; a zip
holding ``word/document.xml``; a page that opens with ``<!DOCTYPE html>`` or ``<html``), so a
PDF saved as ``.txt`` is still read as a PDF; else the suffix or content type decides; else
the input is text.
"""

from __future__ import annotations

from typing import Literal

Format = Literal["text", "pdf", "html", "docx"]

SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
CONTENT_TYPES: dict[str, Format] = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
# Content types that say nothing about the format: the bytes decide.
GENERIC_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})

_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<!--", b"<head", b"<body", b"<meta")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc (and encrypted .docx)


def by_content(data: bytes) -> Format | None:
    """The format the bytes announce, or None when they announce none (plain text)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    if head.startswith(_HTML_STARTS) and (b"<html" in head or b"<!doctype html" in head):
        return "html"
    return None


def _is_docx(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def is_ole(data: bytes) -> bool:
    """An OLE2 container: a Word 97-2003 ``.doc``, or a password-protected ``.docx``."""
    return data.startswith(_OLE_SIGNATURE)


def by_suffix(name: str) -> Format | None:
    dot = name.rfind(".")
    return SUFFIXES.get(name[dot:].casefold()) if dot >= 0 else None


def media_type(content_type: str | None) -> str:
    """``'text/html; charset=utf-8'`` -> ``'text/html'``."""
    return (content_type or "").split(";", 1)[0].strip().casefold()


def charset(content_type: str | None) -> str | None:
    """``'text/html; charset="UTF-8"'`` -> ``'UTF-8'``; None when not given."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().casefold() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def detect(data: bytes, *, name: str | None = None, content_type: str | None = None) -> Format:
    """The reader for these bytes: their signature, else the content type, else the name."""
    found = by_content(data)
    if found is not None:
        return found
    if content_type is not None:
        declared = CONTENT_TYPES.get(media_type(content_type))
        if declared is not None:
            return declared
    if name is not None:
        return by_suffix(name) or "text"
    return "text"
