"""Writing results: the one JSON serialisation, and files that are whole or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Document


def dump(doc: Document, indent: int | None) -> str:
    """The one JSON serialisation every command uses (aliases on: ``votes.for``)."""
    return doc.model_dump_json(indent=indent, by_alias=True)


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
