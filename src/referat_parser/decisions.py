"""Decisions as data: an outcome from the Danish wording, with the deciding sentence as evidence,
sub-decisions (resolutions) and recorded votes.

Serves the decisions of the seeds: "Indstilling om udmøntning af klyngemidler til Kom Trygt Hjem
blev fulgt." (000 item 3: indstilling_fulgt), "Orienteringen blev taget til efterretning." (000,
002), "Intet at bemærke." / "Der var ikke noget til punktet." (ingen_bemærkninger),
"Direktørforum besluttede at kombinere … Det blev samtidig godkendt at afslutte indsats 4"
(001 item 3: two resolutions), "Drøftelserne mundede ud i …" (001 item 5: drøftet). And other
municipal wording: "Anbefales godkendt", "Sagen blev udsat", "Forslaget blev forkastet",
"Godkendt med 5 stemmer for og 2 imod", "For stemte: A, V".

The vocabulary lives in ``vocab.DECISION_OUTCOMES``; priority is its order, per sentence, and
the first sentence with any outcome decides. Nothing matched: "andet". Empty text: null.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from .lines import Line
from .models import Resolution, Votes
from .vocab import ABBREVIATIONS, DECISION_KEYWORDS, DECISION_OUTCOMES, PARTY_LETTERS

# One alternation per outcome, tried in vocabulary order, only for sentences that hold one
# of the ``DECISION_KEYWORDS`` (most sentences decide nothing).
_OUTCOMES = tuple(
    (outcome, re.compile("|".join(f"(?:{p})" for p in phrases)))
    for outcome, phrases in DECISION_OUTCOMES
)

_ABBREV = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? followed by space and an upper-case letter or digit, unless the
# full stop belongs to an abbreviation or an ordinal date ("d. 2. maj").
_SENTENCE_END = re.compile(
    rf"(?<!\b(?:{_ABBREV}))(?<!\b\d{{1,2}}\.)(?<=[.!?])\s+(?=[\p{{Lu}}\d\"”])", re.I
)

_PARTY = "|".join(sorted(PARTY_LETTERS, key=len, reverse=True))
_COUNT_FOR = re.compile(r"(\d{1,3})\s+stemmer?\s+for", re.I)
_COUNT_AGAINST = re.compile(r"(\d{1,3})\s+(?:stemmer?\s+)?imod", re.I)
_COUNT_ABSTAIN = re.compile(r"(\d{1,3})\s+(?:undlod|hverken for eller imod|blank)", re.I)
_SHORT_FOR = re.compile(r"(\d{1,3})\s+for\s*[,;og]", re.I)
_PARTIES = {
    "for": re.compile(r"for\s+stemte\s*:?\s*([^.;\n]{1,120})", re.I),
    "against": re.compile(r"imod\s+stemte\s*:?\s*([^.;\n]{1,120})", re.I),
    "abstain": re.compile(r"undlod\s+at\s+stemme\s*:?\s*([^.;\n]{1,120})", re.I),
}
_LETTER = re.compile(rf"(?<![\p{{L}}])({_PARTY})(?![\p{{L}}])")
_PAREN_COUNT = re.compile(r"\((\d{1,3})\)")


@dataclass(frozen=True, slots=True)
class DecisionAnalysis:
    outcome: str | None
    outcome_text: str | None
    outcome_line: int | None
    resolutions: list[Resolution] = field(default_factory=list)
    votes: Votes | None = None


def sentences(lines: Sequence[Line]) -> list[tuple[str, Line]]:
    """The decision's sentences with the line each starts on (a line is never joined to the next)."""
    out: list[tuple[str, Line]] = []
    for line in lines:
        text = line.stripped
        if not text:
            continue
        for part in _SENTENCE_END.split(text, timeout=1):
            part = part.strip()
            if part:
                out.append((part, line))
    return out


def classify(sentence: str) -> str | None:
    folded = sentence.casefold().lstrip("-•– ")
    if not any(key in folded for key in DECISION_KEYWORDS):
        return None
    for outcome, pattern in _OUTCOMES:
        if pattern.search(folded, timeout=1):
            return outcome
    return None


def analyse_decision(lines: Sequence[Line]) -> DecisionAnalysis:
    parts = sentences(lines)
    if not parts:
        return DecisionAnalysis(None, None, None)
    decided = [(s, line, o) for s, line in parts if (o := classify(s)) is not None]
    votes = parse_votes(" ".join(s for s, _ in parts))
    if not decided:
        return DecisionAnalysis("andet", None, None, votes=votes)
    decisive = [d for d in decided if d[2] != "drøftet"]
    sentence, line, outcome = (decisive or decided)[0]
    resolutions = [Resolution(text=s, outcome=o, line=ln.no) for s, ln, o in decisive]
    if len(resolutions) < 2:
        resolutions = []
    return DecisionAnalysis(outcome, sentence, line.no, resolutions, votes)


def parse_votes(text: str) -> Votes | None:
    """ "Godkendt med 5 stemmer for og 2 imod", "For stemte: A, V (10)", "Undlod at stemme: F"."""
    folded = text.casefold()
    if "stem" not in folded and " imod" not in folded:
        return None
    counts = {
        "for_": _first_int(_COUNT_FOR, text) or _first_int(_SHORT_FOR, text),
        "against": _first_int(_COUNT_AGAINST, text),
        "abstain": _first_int(_COUNT_ABSTAIN, text),
    }
    parties: dict[str, list[str]] = {}
    for key, pattern in _PARTIES.items():
        m = pattern.search(text, timeout=1)
        if m is None:
            continue
        parties[key] = _LETTER.findall(m.group(1), timeout=1)
        count = _PAREN_COUNT.search(m.group(1))
        slot = "for_" if key == "for" else key
        if count is not None and counts[slot] is None:
            counts[slot] = int(count.group(1))
    if all(v is None for v in counts.values()) and not parties:
        return None
    return Votes(
        for_=counts["for_"], against=counts["against"], abstain=counts["abstain"],
        parties_for=parties.get("for", []), parties_against=parties.get("against", []),
        parties_abstain=parties.get("abstain", []),
    )  # fmt: skip


def _first_int(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text, timeout=1)
    return int(m.group(1)) if m else None


_FOLLOWS_ALL = frozenset({"godkendt", "indstilling_fulgt"})


def link_recommendation(recommendation: str, analysis: DecisionAnalysis) -> str | None:
    """What became of one recommendation, when the decision says so for all of them."""
    if analysis.outcome in _FOLLOWS_ALL and analysis.outcome_text is not None:
        text = analysis.outcome_text.casefold()
        if "indstilling" in text or "dagsorden" in text or "som indstillet" in text:
            return analysis.outcome
    if analysis.outcome == "taget_til_efterretning" and "efterretning" in recommendation.casefold():
        return "taget_til_efterretning"
    if analysis.outcome == "ingen_bemærkninger":
        return "ingen_bemærkninger"
    return None
