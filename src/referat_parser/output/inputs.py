"""The inputs of ``referat batch`` and the names of their outputs, decided before any worker
starts, so the same archive gives the same plan whatever ``--jobs`` is.

``find_inputs("archive", "2024/*.pdf")`` lists ``archive/2024/a.pdf`` but not
``archive/2024/x/b.pdf`` (shell glob semantics: ``**`` spans folders); ``output_path`` maps
``2024/a.pdf`` to ``out/2024/a.pdf.json``; ``output_collisions`` refuses both ``a.txt`` and
``a.txt.json/b.txt`` (one output file would have to be a folder).
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

import regex as re

from ..read.sniff import SUFFIXES


def find_inputs(
    root: Path, pattern: str | None, others: dict[str, int] | None = None
) -> list[tuple[Path, str | None]]:
    """Text, PDF, HTML and Word files under ``root``, sorted by their path inside it, each with
    ``None`` or the reason it is refused (a symlink that points outside ``root``; not a regular
    file). Symlinked folders are not followed; hidden files and folders (".name") are ignored.
    Files of other types are counted in ``others`` by suffix (``{".xlsx": 2}``), so the
    summary can name them."""
    base = root.resolve()
    found: list[tuple[str, Path, str | None]] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if name.startswith(".") or (pattern and not glob_match(pattern, relative)):
                continue
            if path.suffix.casefold() not in SUFFIXES:
                if others is not None:
                    suffix = path.suffix.casefold() or "(no suffix)"
                    others[suffix] = others.get(suffix, 0) + 1
                continue
            found.append((relative, path, _refusal_reason(path, base)))
    return [(path, why) for _, path, why in sorted(found, key=lambda f: f[0])]


def input_kinds() -> str:
    """ ".txt, .pdf, .html, .htm or .docx": the suffixes a batch reads, for its messages."""
    *first, last = SUFFIXES
    return f"{', '.join(first)} or {last}"


def other_types_note(other_types: dict[str, int]) -> str:
    """ "3 files of other types skipped: .msg, .xlsx" (empty when there were none)."""
    count = sum(other_types.values())
    if not count:
        return ""
    noun = "file" if count == 1 else "files"
    return f"{count} {noun} of other types skipped: {', '.join(sorted(other_types))}"


def _refusal_reason(path: Path, base: Path) -> str | None:
    if path.is_symlink() and not _inside(path.resolve(), base):
        return "symlink points outside the input folder"
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a broken symlink: reading it says "no such file"
    if not stat.S_ISREG(mode):  # reading a FIFO blocks, a device never ends
        return "not a regular file (a FIFO, device or socket)"
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def glob_match(pattern: str, relative: str) -> bool:
    """Shell glob semantics on the path inside the folder: ``*``, ``?`` and ``[...]`` match
    within one folder level (``*.pdf`` only at the top), ``**`` spans any number of levels,
    none included (``**/*.pdf``: at any depth; ``2024/**``: everything under 2024)."""
    return _glob_pattern(pattern).fullmatch(relative) is not None


@lru_cache(maxsize=16)
def _glob_pattern(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    for part in pattern.split("/"):
        if not (part == "**" and parts[-1:] == ["**"]):  # "**/**" is one "**"
            parts.append(part)
    pieces = []
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        if part == "**":
            pieces.append(".*" if last else "(?:[^/]+/)*")
        else:
            pieces.append(_glob_segment(part) + ("" if last else "/"))
    return re.compile("".join(pieces))


def _glob_segment(part: str) -> str:
    """One path segment of a glob as a pattern that never crosses a "/"."""
    out: list[str] = []
    k = 0
    while k < len(part):
        ch = part[k]
        k += 1
        if ch == "*":
            if not out or out[-1] != "[^/]*":  # "**" inside a segment is one "*"
                out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (end := _class_end(part, k)) > 0:
            body = part[k:end]
            k = end + 1
            negate = body[:1] in ("!", "^")
            body = (body[1:] if negate else body).replace("\\", "\\\\").replace("[", "\\[")
            out.append(f"[^/{body}]" if negate else f"(?!/)[{body}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _class_end(part: str, start: int) -> int:
    """Index of the "]" closing a class that opened before ``start``; -1 when none ("[" is
    then a literal). A "]" first in the class is part of it, as in the shell."""
    k = start + 1 if part[start : start + 1] in ("!", "^") else start
    if part[k : k + 1] == "]":
        k += 1
    return part.find("]", k)


def output_path(out_dir: Path, relative: str) -> Path:
    """``2024/a.pdf`` -> ``OUT/2024/a.pdf.json`` (``OUT`` as given): the full input name is
    kept, so ``a.txt`` and ``a.pdf`` in one folder never clash. Refuses any path that would
    leave ``out_dir``."""
    target = out_dir / f"{relative}.json"
    if not _inside(target.resolve(), out_dir.resolve()):
        raise ValueError(f"{relative}: output would leave the output folder")
    return target


def output_collisions(relatives: list[str], reserved: tuple[str, ...]) -> dict[str, str]:
    """Inputs whose output cannot be written because another input's output needs the same
    name as a folder (``a.txt`` -> ``a.txt.json`` beside ``a.txt.json/b.txt``), or a folder
    of the report's name: ``{relative: why}``, the same whatever ``--jobs`` is. Both sides of
    a clash are refused: which one to keep is the user's choice (rename one). ``reserved``:
    the batch's own files at the top of the output folder."""
    outputs = {f"{rel}.json": rel for rel in relatives}
    clashes: dict[str, str] = {}
    for rel in relatives:
        parts = f"{rel}.json".split("/")
        if len(parts) > 1 and parts[0] in reserved:
            clashes[rel] = f"output folder {parts[0]}/ would clash with the batch report"
            continue
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            other = outputs.get(folder)
            if other is not None:
                clashes[rel] = f"output folder {folder}/ would clash with the output of {other}"
                clashes.setdefault(
                    other, f"output {folder} would clash with the folder the output of {rel} needs"
                )
                break
    return clashes
