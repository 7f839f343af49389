"""What a person's name looks like: shared by the layout (an absence label over a list of
names) and the people rules.

A name is 2-6 words, each capitalised (hyphens, initials "G.", particles "la", "von", "de"):
"Stephanie Lose", "Niels E. Bjerrum", "Anita Kjøng-Rasmussen", "Cæcilie Ryhl Olsson".
"""

from __future__ import annotations

import regex as re

_NAME_WORD = r"(?:\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{Lu}?[\p{Ll}\p{Lu}]+)*\.?|la|le|von|van|de|der|du)"
NAME = re.compile(rf"^\p{{Lu}}[\p{{L}}'’.-]*(?:\s+{_NAME_WORD}){{1,5}}$")
# A list marker before a person line: "• ", "- ", "1. ", "1) ".
LIST_MARKER = re.compile(r"^(?:[-•–·*\uf0b7\u25aa]\s*|\d{1,3}[.)]\s+)")


def is_name(text: str) -> bool:
    return NAME.match(text) is not None


def person_part(text: str) -> str:
    """The part of a list line that should be a name: marker, parentheses and what follows the
    first comma removed ("• Jens Holm (A), formand" -> "Jens Holm")."""
    text = LIST_MARKER.sub("", text.strip())
    text = text.split(",", 1)[0]
    cut = text.find("(")
    if cut >= 0:
        text = text[:cut]
    return text.strip().rstrip(".").strip()


def looks_like_person_line(text: str) -> bool:
    """A list line that names one person: "Hanne Madsen", "• Dijana Dix Omerbasic",
    "Stephanie Lose, V (orlov)", "Jens Holm (A) - formand"."""
    text = text.strip()
    if not text or len(text) > 120:
        return False
    head = person_part(text.split(" - ", 1)[0])
    return is_name(head)
