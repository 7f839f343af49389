"""Votes recorded in a decision, by count and by party letter.

Serves the forms municipal and regional minutes print:

* counts: "Godkendt med 5 stemmer for og 2 imod", "vedtaget med 15 stemmer mod 10",
  "For stemte 5 (A, F), imod stemte 2 (V), 1 undlod (O)";
* labels with the parties after them: "For stemte: F, Ø, B (6)" / "Imod stemte: I, V, A og C
  (4)" / "Ingen undlod at stemme." (003: abstain 0), "Undlod: F" (002), "Hverken for eller imod
  stemte: O (1)"; a remark after the parties is not a party ("Imod stemte: Ø, da Ø har eget
  budget");
* a label on its own line with the parties on the lines below, one remark each: "Stemte imod:"
  / "A, med bemærkning om at A ønsker at hæve skatten med 0,4%." / "Ø, med bemærkning om …"
  (002 item 9);
* parties before the verb: "A, F og Ø stemte for, V stemte imod, O undlod at stemme".

``vote_records`` reads a decision's sentences into records: a run of consecutive sentences
that count votes is one record (decisions.py says which decision each record belongs to).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..models import Votes
from ..vocab import PARTY_LETTERS

# A vote label and its side. Label first ("For stemte: A, F (7)", "Imod stemte 2 (V)",
# "Undlod at stemme: O", "Undlod: F"), count first ("5 stemmer for og 2 imod", "1 undlod (O)")
# or parties first ("A, F og Ø stemte for", "V stemte imod"). Leftmost wins, so "hverken for
# eller imod" is an abstention before its "for" and "imod" are seen.
_VOTE_LABEL = re.compile(
    r"(?P<abstain>\bhverken\s+for\s+eller\s+imod(?:\s+stemte)?\b|\bundlod\s+at\s+stemme\b"
    r"|(?<=\d\s{1,3})undlod\b|\bundlod(?=\s*:)|\bstemte\s+blankt?\b|(?<=\d\s{1,3})blanke?\b)"
    r"|(?P<for>\bfor\s+stemte\b|\bstemte\s+for\b|\bstemmer?\s+for\b|(?<=\d\s{1,3})for\b"
    r"|^for(?=\s*:))"
    r"|(?P<against>\bimod\s+stemte\b|\bstemte\s+imod\b|\bstemmer?\s+imod\b|(?<=\d\s{1,3})imod\b"
    r"|^imod(?=\s*:))",
    re.I,
)
_PARTY = "|".join(sorted(PARTY_LETTERS, key=len, reverse=True))
_LETTER = re.compile(rf"(?<![\p{{L}}])({_PARTY})(?![\p{{L}}])")
# A run of party letters: "A, F og Ø", "I, V, A og C".
_RUN = rf"(?:{_PARTY})(?![\p{{L}}])(?:\s*(?:,|og|&)\s*(?:{_PARTY})(?![\p{{L}}])){{0,16}}"
# Parties right before a "stemte for"-style label: "A, F og Ø " (at most 80 characters back).
_PARTIES_BEFORE = re.compile(
    rf"(?<![\p{{L}}])(?:{_PARTY})(?:\s*(?:,|og)\s*(?:{_PARTY})){{0,12}}\s*$"
)
# The same after a label whose parties follow it ("For stemte A og F, V stemte imod"): the
# comma ends the first list, so only "og" joins this one.
_PARTIES_BEFORE_OG = re.compile(rf"(?<![\p{{L}}])(?:{_PARTY})(?:\s+og\s+(?:{_PARTY})){{0,12}}\s*$")
_COUNT_BEFORE = re.compile(r"(?<!\d)(\d{1,3})\s+$")
_NONE_BEFORE = re.compile(r"\bingen\s+$", re.I)  # "Ingen undlod at stemme": 0
# What follows a label (matched where the label ends): a count, the party run (in parentheses or not), a count in parentheses.
_TAIL = re.compile(
    rf"\s*+:?\s*+(?:(?P<count>\d{{1,3}})(?!\d)\s*)?\(?\s*(?P<run>{_RUN})?\s*\)?"
    r"(?:\s*\((?P<counted>\d{1,3})\))?"
)
# A line of parties under a label on its own line: "A, med bemærkning om …", "Ø, da …", "V".
_PARTY_LINE = re.compile(rf"^(?P<run>{_RUN})(?=\s*(?:[,.(]|$)|\s+(?:med|da|idet|fordi|som)\b)")
# "vedtaget med 15 stemmer mod 10"
_FOR_MOD_AGAINST = re.compile(r"(\d{1,3})\s+stemmer?\s+mod\s+(\d{1,3})\b", re.I)

Segment = tuple[str, "int | None", list[str]]  # side, count, party letters


@dataclass(slots=True)
class VoteRecord:
    """Votes of consecutive sentences ``first``..``last`` of a decision."""

    first: int
    last: int
    counts: dict[str, int | None]
    parties: dict[str, list[str]]

    def add(self, side: str, count: int | None, letters: Sequence[str]) -> None:
        if self.counts[side] is None:
            self.counts[side] = count
        self.parties[side].extend(p for p in letters if p not in self.parties[side])


def merged(records: Sequence[VoteRecord]) -> Votes | None:
    """One ``Votes`` for the records of one decision (first count per side, parties in order)."""
    if not records:
        return None
    total = VoteRecord(records[0].first, records[-1].last, _no_counts(), _no_parties())
    for record in records:
        for side in ("for", "against", "abstain"):
            total.add(side, record.counts[side], record.parties[side])
    if all(v is None for v in total.counts.values()) and not any(total.parties.values()):
        return None
    return Votes(
        for_=total.counts["for"], against=total.counts["against"],
        abstain=total.counts["abstain"], parties_for=total.parties["for"],
        parties_against=total.parties["against"], parties_abstain=total.parties["abstain"],
    )  # fmt: skip


def _no_counts() -> dict[str, int | None]:
    return {"for": None, "against": None, "abstain": None}


def _no_parties() -> dict[str, list[str]]:
    return {"for": [], "against": [], "abstain": []}


def parse_votes(text: str) -> Votes | None:
    """Votes counted in one text, all its sentences together."""
    return merged(vote_records([text]))


def vote_records(sentences: Sequence[str]) -> list[VoteRecord]:
    """A record per run of consecutive sentences that count votes (or list the parties under a
    label that stands on its own line)."""
    records: list[VoteRecord] = []
    if not _may_vote("\n".join(sentences)):  # most decisions count no votes
        return records
    pending: str | None = None  # the side of a label whose parties are on the next lines
    for index, sentence in enumerate(sentences):
        found: list[Segment] = []
        if pending is not None and (line := _PARTY_LINE.match(sentence)) is not None:
            found.append((pending, None, _LETTER.findall(line.group("run"))))
        else:
            pending = None
            if _may_vote(sentence):
                found, pending = _vote_segments(sentence)
        if not found:
            continue
        if not records or records[-1].last != index - 1:
            records.append(VoteRecord(index, index, _no_counts(), _no_parties()))
        record = records[-1]
        record.last = index
        for side, count, letters in found:
            record.add(side, count, letters)
    return records


def _may_vote(sentence: str) -> bool:
    """Every label holds one of these ("Stemte", "imod", "Undlod", "For:"), as printed."""
    return (
        "stem" in sentence or "imod" in sentence or "undlod" in sentence or "or:" in sentence
        or "Stem" in sentence or "Imod" in sentence or "Undlod" in sentence
        or "STEM" in sentence or "IMOD" in sentence or "UNDLOD" in sentence or "OR:" in sentence
    )  # fmt: skip


def _vote_segments(sentence: str) -> tuple[list[Segment], str | None]:
    """(side, count, party letters) per vote label in one sentence, and the side of a last
    label with nothing after it ("Stemte imod:"). A label owns the count just before it ("5
    stemmer for") or just after it ("imod stemte 2", "(7)"), and the party letters after it
    (a remark after them is not read); a "stemte for"-style label owns the letters right
    before it when it has none after."""
    labels = list(_VOTE_LABEL.finditer(sentence))
    heads: list[tuple[int, int | None, list[str]]] = []  # where its own words start
    for i, m in enumerate(labels):
        floor = max(labels[i - 1].end() if i else 0, m.start() - 80)
        before = sentence[floor : m.start()]
        counted = _COUNT_BEFORE.search(before)
        parties = _PARTIES_BEFORE_OG if i and not _verb_first(labels[i - 1]) else _PARTIES_BEFORE
        run = parties.search(before) if counted is None else None
        own = counted or run
        count = int(counted.group(1)) if counted else (0 if _NONE_BEFORE.search(before) else None)
        heads.append((floor + own.start() if own else m.start(), count,
                      _LETTER.findall(run.group(0)) if run else []))  # fmt: skip
    out: list[Segment] = []
    for i, m in enumerate(labels):
        side = m.lastgroup or "for"
        end = heads[i + 1][0] if i + 1 < len(labels) else len(sentence)
        tail = _TAIL.match(sentence, m.end(), max(m.end(), end))
        _, count, owned = heads[i]
        letters: list[str] = []
        if tail is not None:
            if count is None and (tail.group("count") or tail.group("counted")):
                count = int(tail.group("count") or tail.group("counted"))
            letters = _LETTER.findall(tail.group("run") or "")
        out.append((side, count, owned if owned and _verb_first(m) else letters or owned))
    counted = _FOR_MOD_AGAINST.search(sentence) if not labels else None
    if counted is not None:  # "vedtaget med 15 stemmer mod 10"
        out = [("for", int(counted.group(1)), []), ("against", int(counted.group(2)), [])]
    bare = bool(labels) and not sentence[labels[-1].end() :].strip(" :")
    return out, (labels[-1].lastgroup or "for") if bare else None


def _verb_first(label: re.Match[str]) -> bool:
    """ "stemte for", "undlod at stemme": the parties stand before the label."""
    return label.group(0).casefold().startswith(("stemte", "undlod"))
