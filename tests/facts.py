"""The facts a reader takes from a document, independent of line numbers, wrapping and
source: used to check that a PDF, an HTML page, a Word file or a perturbed copy says what the
clean text says."""

from __future__ import annotations

import re
from typing import Any

from referat_parser.models import Document

# A list item is "• " in HTML and DOCX, "- " in most text exports: the same fact.
_BULLET = re.compile(r"(?<!\S)•(?=\s)")


def _words(text: str | None) -> str:
    return _BULLET.sub("-", " ".join((text or "").split()))


def facts(doc: Document) -> dict[str, Any]:
    """What a reader takes from a document, independent of line numbers and wrapping."""
    return {
        "kind": doc.kind,
        "title": doc.title,
        "body": doc.body,
        "date": doc.date,
        "start_time": doc.start_time,
        "participants": [
            (p.name, p.party, p.organisation, p.attendance, p.absence_reason, p.substitute_for)
            for p in doc.participants
        ],
        "items": [
            {
                "number": it.number,
                "title": _words(it.title),
                "case": it.case_number,
                "blocks": [b.kind for b in it.blocks],
                "recommendations": [(_words(r.text), r.outcome) for r in it.recommendations],
                "decision": it.decision and (_words(it.decision.text), it.decision.outcome),
                "attachments": [_words(a) for a in it.attachments],
                "absent": it.absent,
                "tables": [(t.columns, t.totals_ok, t.computed_totals) for t in it.tables],
                "amounts": [a.value for a in it.amounts],
            }
            for it in doc.items
        ],
        "sections": [_words(s.title) for s in doc.sections],
    }
