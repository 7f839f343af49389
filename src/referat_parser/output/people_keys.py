"""People across meetings: one key per person, near-identical names as candidates, aliases.

A ``person_key`` is the name normalised: Unicode-normalised, lower case, single spaces, Danish
letters spelt out (æ ae, ø oe, å aa, so "Mads Sørensen" and "Mads Soerensen" are one person),
other accents dropped ("José" is "jose"), punctuation except hyphens dropped ("Anne B. Hansen"
is "anne b hansen"). Party and organisation are not part of it: they stay on each appearance
(``participants`` rows), as a person may change both.

Names that differ by a letter ("Mette Frederiksen" / "Mette Fredriksen") are never merged
silently: ``candidates`` lists them with a similarity score (rapidfuzz), and the user confirms a
merge in an aliases file (``--aliases aliases.csv``, UTF-8, header ``name,same_as``)::

    name,same_as
    Mette Fredriksen,Mette Frederiksen

Everything spelt like ``name`` then gets the ``person_key`` of ``same_as``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ReferatError

SPELLING_SCORE = 90.0  # rapidfuzz ratio of two keys at or above which they are a candidate pair
_SPELT_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_NOT_NAME = re.compile(r"[^\w-]+|_")
_HYPHEN = re.compile(r"\s*-\s*")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """ "Mette  FREDERIKSEN" -> "mette frederiksen"; "Bjørn Sørensen-Å" -> "bjoern soerensen-aa"."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_SPELT_OUT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _HYPHEN.sub("-", _NOT_NAME.sub(" ", text))
    return " ".join(text.split()) or name.strip().casefold()


@dataclass
class Aliases:
    """Confirmed merges: a spelling's key -> the person's key (chains followed)."""

    targets: dict[str, str] = field(default_factory=dict)
    given: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, same_as)

    def key(self, name: str) -> str:
        return self.person(name_key(name))

    def person(self, key: str) -> str:
        seen = [key]
        while key in self.targets:
            key = self.targets[key]
            if key in seen:  # refused when the aliases are read; kept safe here
                break
            seen.append(key)
        return key

    def merge(self, name: str, same_as: str, where: str) -> None:
        spelling, target = name_key(name), name_key(same_as)
        if spelling == target:
            return
        if self.person(target) == spelling:
            raise ReferatError(f"{where}: {name!r} and {same_as!r} point at each other")
        self.targets[spelling] = target
        self.given[spelling] = (name, same_as)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """``person_aliases`` rows: name_key, person_key, name, same_as."""
        return [(k, self.person(k), *self.given[k]) for k in sorted(self.given)]


def read_aliases(path: Path, aliases: Aliases | None = None) -> Aliases:
    """Read an aliases CSV (header ``name,same_as``) into ``aliases`` (or new ones)."""
    aliases = aliases or Aliases()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferatError(f"{path}: cannot read the aliases: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"name", "same_as"} <= set(reader.fieldnames):
        raise ReferatError(f"{path}: an aliases file needs the header line 'name,same_as'")
    for row in reader:
        name, same_as = (row.get("name") or "").strip(), (row.get("same_as") or "").strip()
        where = f"{path}: line {reader.line_num}"
        if not name or not same_as:
            raise ReferatError(f"{where}: both name and same_as are needed")
        aliases.merge(name, same_as, where)
    return aliases


@dataclass
class Person:
    """What the ``people`` table says of one person."""

    spellings: Counter[str] = field(default_factory=Counter)  # name -> appearances
    appearances: int = 0
    meetings: int = 0
    first_date: str | None = None
    last_date: str | None = None
    last_document: str | None = None

    @property
    def name(self) -> str:
        """The spelling printed most often (ties: the first in sort order)."""
        return min(self.spellings, key=lambda n: (-self.spellings[n], n))


class PeopleTally:
    """People counted as participant rows stream past (CSV and Parquet exports)."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}

    def add(self, key: str, name: str, document: str, date: str | None) -> None:
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person()
        person.spellings[name] += 1
        person.appearances += 1
        if person.last_document != document:
            person.meetings += 1
            person.last_document = document
        if date is not None:
            if person.first_date is None or date < person.first_date:
                person.first_date = date
            if person.last_date is None or date > person.last_date:
                person.last_date = date


def people_rows(people: Mapping[str, Person]) -> list[tuple[object, ...]]:
    return [
        (key, p.name, len(p.spellings), p.appearances, p.meetings, p.first_date, p.last_date)
        for key, p in sorted(people.items())
    ]


def candidate_rows(names: Mapping[str, str]) -> list[tuple[str, str, str, str, float, str]]:
    """``person_candidates`` rows for people (key -> name) whose keys are near-identical
    (rapidfuzz ratio >= ``SPELLING_SCORE``) or that share first and last name while one has
    more names between ("mette hagensen" / "mette with hagensen")."""
    from rapidfuzz import fuzz, process

    keys = sorted(names)
    pairs: dict[tuple[str, str], tuple[float, str]] = {}
    for i, key in enumerate(keys[:-1]):
        others = keys[i + 1 :]
        for other, score, _ in process.extract(
            key, others, scorer=fuzz.ratio, score_cutoff=SPELLING_SCORE, limit=None
        ):
            pairs[(key, other)] = (score, "spelling")
    for key, other in _middle_name_pairs(keys):
        pairs.setdefault((key, other), (fuzz.ratio(key, other), "middle_name"))
    return [
        (key, other, names[key], names[other], round(score, 1), rule)
        for (key, other), (score, rule) in sorted(pairs.items())
    ]


def _middle_name_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    by_ends: dict[tuple[str, str], list[list[str]]] = {}
    for key in keys:
        words = key.split()
        if len(words) >= 2:
            by_ends.setdefault((words[0], words[-1]), []).append(words)
    pairs: set[tuple[str, str]] = set()
    for group in by_ends.values():
        for a in group:
            for b in group:
                if len(a) < len(b) and set(a) <= set(b):
                    first, second = sorted((" ".join(a), " ".join(b)))
                    pairs.add((first, second))
    return sorted(pairs)
