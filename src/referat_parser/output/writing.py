"""Writing results: the one JSON serialisation, and files that are whole or not there at all.

Serves ``parse -o out.json``, every file of ``referat batch`` (``out/2024/a.pdf.json``,
``out/_report.jsonl``) and ``--jsonl all.jsonl``. A file is written under a temporary name
beside its target (``.out.json.referat-1a2b3c4d.tmp``) and renamed into place, so a reader
never sees half a file. Its mode is what ``open()`` gives: a new file gets 0666 less the
umask (0644 under umask 022), an existing file keeps its mode. A target that is not a regular
file (``/dev/stdout``, ``/dev/null``, a FIFO) is written straight, never replaced; a symlink is
written through, as ``open()`` would. Every OS error becomes one ``OutputError`` line with the
OS's reason ("no space left on device"); a broken pipe stays a ``BrokenPipeError``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import regex as re

from ..errors import OutputError

if TYPE_CHECKING:
    from ..models import Document

TEMP_MARK = ".referat-"
# ".NAME.referat-1a2b3c4d.tmp": the temporary files this module makes; and the names
# ``tempfile.mkstemp`` gave them in earlier versions (".a.txt.json.k2x_9qzv.tmp"), for .json and
# .jsonl targets only.
_TEMP_NAME = re.compile(
    r"\.(?P<name>.+)\.referat-[0-9a-f]{8}\.tmp|\.(?P<old>.+\.jsonl?)\.[a-z0-9_]{8}\.tmp"
)


def dump(doc: Document, indent: int | None) -> str:
    """The one JSON serialisation every command uses (aliases on: ``votes.for``)."""
    return doc.model_dump_json(indent=indent, by_alias=True)


def write_atomic(path: Path, text: str, *, clean_stale: bool = False) -> None:
    """Write ``text`` to ``path`` whole or not at all (``OutputError`` on an OS error)."""
    out = AtomicFile(path, clean_stale=clean_stale)
    try:
        out.write(text)
        out.commit()
    except BaseException:
        out.discard()
        raise


class AtomicFile:
    """A UTF-8 text file that appears under its name only on ``commit``; ``discard`` removes
    what was written. ``clean_stale``: first remove the temporary files an earlier, killed
    run left for the same target (one writer per target at a time)."""

    def __init__(self, path: Path, *, clean_stale: bool = False) -> None:
        self.label = str(path)
        self.target = path.resolve() if path.is_symlink() else path
        self.tmp: Path | None = None
        try:
            if _is_special(self.target):
                self.fh: IO[str] = open(self.target, "w", encoding="utf-8")  # noqa: SIM115
                return
            self.target.parent.mkdir(parents=True, exist_ok=True)
            if clean_stale:
                remove_stale_temps(self.target.parent, self.target.name)
            fd, self.tmp = _create_temp(self.target)
            self.fh = os.fdopen(fd, "w", encoding="utf-8")
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.label, exc) from None

    def write(self, text: str) -> None:
        try:
            self.fh.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.label, exc) from None

    def commit(self) -> None:
        try:
            self.fh.close()
            if self.tmp is not None:
                os.replace(self.tmp, self.target)
                self.tmp = None
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.label, exc) from None

    def discard(self) -> None:
        """Drop the temporary file; never raises (it runs while another error is reported)."""
        with contextlib.suppress(OSError):  # the buffered rest is being thrown away anyway
            self.fh.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def _is_special(path: Path) -> bool:
    """An existing target that is not a regular file or a folder: a device, FIFO or socket."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new file beside ``target`` created as ``open()`` creates one (mode 0666 less the
    umask; ``tempfile.mkstemp`` would make it 0600), with the target's mode if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = target.with_name(f".{target.name}{TEMP_MARK}{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue  # 2**32 names: a clash is rare, and the next name is new
        _copy_mode(target, fd)
        return fd, tmp


def _copy_mode(target: Path, fd: int) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new file: the umask decided, as for open()
    if stat.S_ISREG(mode) and hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(mode))


def stale_temps(folder: Path, name: str | None = None) -> Iterator[Path]:
    """Our temporary files directly in ``folder`` (only those for ``name`` when given)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _TEMP_NAME.fullmatch(entry.name)
        target = found and (found["name"] or found["old"])
        if target and (name is None or target == name) and entry.is_file():
            yield Path(entry.path)


def remove_stale_temps(folder: Path, name: str | None = None) -> int:
    """Remove the temporary files a killed run left in ``folder``; returns how many."""
    removed = 0
    for path in stale_temps(folder, name):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass  # not ours to insist on: it may be gone already, or the folder read-only
    return removed
