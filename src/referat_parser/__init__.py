"""referat: Danish meeting minutes (referater, dagsordener) into validated, structured JSON.

Public API::

    from referat_parser import parse_text, parse_file
    doc = parse_file("minutes.pdf")      # -> referat_parser.models.Document
    doc.model_dump(mode="json")
"""

from __future__ import annotations

from .errors import InputError, PdfError, ReferatError
from .models import SCHEMA_VERSION, Document
from .pipeline import parse_bytes, parse_file, parse_text

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
__version__ = "0.1.0"
