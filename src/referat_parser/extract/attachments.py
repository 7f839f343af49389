"""Attachments (bilag): the Bilag block's lines and inline "Bilag: <name>" lines, deduplicated.

Serves 000 ("Bilag" block: "BILAG - Udspecificeret budget ifm. …"), 001 (a "Bilag" heading
inside a decision, and inline "Bilag: Statusoversigt marts 2024" in the Sagsfremstilling),
002 (file names: "Sammen om Højvangen.pptx").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex as re

from ..lines import Line

# "Bilag: X", "Bilag 2: X", "Bilag 2 - X", "BILAG - X"
INLINE = re.compile(r"^bilag(?:\s*\d{1,3})?\s*(?::|\s[-–]\s?)\s*(\S.{0,500})$", re.I)
_BULLET = re.compile(r"^(?:[-•–·*]\s*|\d{1,2}[.)]\s+)")
# A file's type and size after its name, as a portal prints them beside a download link:
# "Kriterier for tildeling (pdf, 96 KB)", "Notat [PDF 1,2 MB]", "Kort (docx)": not the name.
_FILE_NOTE = re.compile(
    r"[(\[](?:(?:pdf|docx?|xlsx?|pptx?|odt|rtf|txt|zip)\b[,;]?\s*)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|bytes?))?[)\]]$",
    re.I,
)


def attachment_name(line: Line, in_bilag_block: bool) -> str | None:
    """The attachment a line names: in a Bilag block every line names one, as printed (with
    its "Bilag 1:" or "BILAG -" prefix: 000, Aarhus); elsewhere an inline "Bilag: <name>"."""
    text = line.stripped
    if in_bilag_block and text:
        return _tidy(_BULLET.sub("", text)) or None
    m = INLINE.match(text) if text[:5].casefold() == "bilag" else None
    if m is not None:
        return _tidy(m.group(1))
    return None


def _tidy(name: str) -> str:
    """A name, not a sentence: drop one closing full stop ('… Ungdomspsykiatrien".') and a
    file note after it ("(pdf, 212 KB)")."""
    name = name.strip()
    note = _FILE_NOTE.search(name) if name.endswith((")", "]")) else None
    if note is not None and note.group().strip(" ()[]"):
        name = name[: note.start()].rstrip()  # "(pdf, 212 KB)": the link's file note
    return name[:-1].rstrip() if name.endswith(".") and not name.endswith("..") else name


def collect(blocks: Iterable[tuple[bool, Sequence[Line]]]) -> list[str]:
    """Names from ``(is_bilag_block, lines)`` pairs, first occurrence kept."""
    seen: dict[str, None] = {}
    for in_bilag, lines in blocks:
        joined = " ".join(ln.text for ln in lines)
        if not in_bilag and "ilag" not in joined and "ILAG" not in joined:
            continue
        names: list[str] = []
        for k, line in enumerate(lines):
            name = attachment_name(line, in_bilag)
            if name and in_bilag and names and _wraps(lines, k):
                names[-1] = f"{names[-1]} {name}"  # "… Hasselager-Kolt med" / "tillæg 1"
            elif name:
                names.append(name)
        for name in names:
            seen.setdefault(name, None)
    return list(seen)


def _wraps(lines: Sequence[Line], k: int) -> bool:
    """A Bilag line that continues the one above it (no blank line between, a lower-case
    start): the attachment's name wrapped onto a second line."""
    return k > 0 and not lines[k - 1].blank and lines[k].stripped[:1].islower()
