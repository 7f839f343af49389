"""referat: Danish meeting minutes (referater, dagsordener) into validated, structured JSON.

Public API::

    from referat_parser import parse_text, parse_file
    doc = parse_file("minutes.pdf")      # -> referat_parser.models.Document
    doc.model_dump(mode="json")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError, PdfError, ReferatError

if TYPE_CHECKING:
    from .models import SCHEMA_VERSION, Document
    from .pipeline import parse_bytes, parse_file, parse_text

_LAZY = {
    "SCHEMA_VERSION": "models",
    "Document": "models",
    "parse_bytes": "pipeline",
    "parse_file": "pipeline",
    "parse_text": "pipeline",
}


def __getattr__(name: str) -> Any:
    """Load the pipeline on first use, so importing the package (and ``--help``) stays cheap."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "InputError",
    "PdfError",
    "ReferatError",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
__version__ = "0.2.0"
