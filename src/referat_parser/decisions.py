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


def _probe(phrase: str) -> str | None:
    """The longest word a phrase's pattern always contains ("efterretning" for
    r"\\btil efterretning"), or None when it has none. Escapes, classes, groups and letters
    made optional by a quantifier are masked first."""
    masked = re.sub(r"\\.|\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)[?*]|.(?=[?*{])", "#", phrase)
    words = re.findall(r"[a-zæøå]{4,}", masked)
    return max(words, key=len) if words else None


# Per outcome, substrings one of which a matching sentence must hold (a cheap test before the
# pattern); None when some phrase of the outcome has no such substring.
_PROBES: tuple[tuple[str, ...] | None, ...] = tuple(
    None if any(_probe(p) is None for p in phrases) else tuple(_probe(p) or "" for p in phrases)
    for _, phrases in DECISION_OUTCOMES
)

_ABBREV = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? followed by space and an upper-case letter or digit, unless the
# full stop belongs to an abbreviation. An ordinal ("indsats 2 og 3. Det blev …") ends a
# sentence too; ordinal dates ("d. 2. maj") are followed by a lower-case month and never split.
_SENTENCE_END = re.compile(rf"(?<!\b(?:{_ABBREV}))(?<=[.!?])\s+(?=[\p{{Lu}}\d\"”])", re.I)

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
    discussed: str | None = None  # the first sentence that records a discussion


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
    for (outcome, pattern), probes in zip(_OUTCOMES, _PROBES):
        if probes is not None and not any(probe in folded for probe in probes):
            continue
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
    discussed = next((s for s, _, o in decided if o == "drøftet"), None)
    return DecisionAnalysis(outcome, sentence, line.no, resolutions, votes, discussed)


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


# --- recommendation <-> decision links -------------------------------------------------------

# Outcomes that, said of the item as a whole, befall every recommendation.
_WHOLE_ITEM = frozenset({"udsat", "afvist", "oversendt", "ingen_bemærkninger"})
_APPROVALS = frozenset({"godkendt", "indstilling_fulgt"})
# "Indstillingen blev godkendt", "Som indstillet", "Godkendt.", "Anbefales godkendt."
_ABOUT_RECOMMENDATIONS = ("indstilling", "indstillet", "som foreslået", "forslaget")
# Words of four letters or more that say nothing about what was decided.
_STOPWORDS = frozenset({"blev", "bliver", "skal", "dette", "denne", "disse", "samt", "også",
                        "ikke", "være", "have", "efter", "under", "over", "mellem", "samtidig"})  # fmt: skip


def link_recommendations(
    texts: Sequence[str], analysis: DecisionAnalysis | None
) -> list[tuple[str | None, str | None]]:
    """(outcome, evidence) for each recommendation, where the decision's wording allows it:
    a resolution that repeats a recommendation's words decides that one; a decision about
    "the recommendation" (or a bare "Godkendt.") decides them all; taking note or discussing
    decides the recommendations that asked for exactly that. Otherwise (None, None)."""
    if analysis is None or analysis.outcome in (None, "andet"):
        return [(None, None)] * len(texts)
    return [_link_one(text, analysis) for text in texts]


def _link_one(text: str, analysis: DecisionAnalysis) -> tuple[str | None, str | None]:
    outcome, evidence = analysis.outcome, analysis.outcome_text
    for resolution in analysis.resolutions:  # sub-decisions first: the most specific
        if _same_reference(text, resolution.text) or _shared_words(text, resolution.text) >= 3:
            return resolution.outcome, resolution.text
    if evidence is None:
        return None, None
    said = evidence.casefold()
    asked = text.casefold()
    if outcome in _WHOLE_ITEM:
        return outcome, evidence
    if outcome in _APPROVALS and (
        any(word in said for word in _ABOUT_RECOMMENDATIONS) or len(said.split()) <= 3
    ):
        return outcome, evidence
    if outcome == "taget_til_efterretning" and ("efterretning" in asked or "orienter" in asked):
        return outcome, evidence
    if "drøft" in asked and analysis.discussed is not None:  # "Drøfter …" and it was discussed
        return "drøftet", analysis.discussed
    if _shared_words(text, evidence) >= 3:
        return outcome, evidence
    return None, None


_REFERENCE = re.compile(r"\b(\p{L}{4,})\s(\d{1,3})\b")


def _same_reference(a: str, b: str) -> bool:
    """Both name the same numbered thing ("indsats 4", "punkt 2"): 001 item 3's resolutions."""

    def refs(text: str) -> set[tuple[str, str]]:
        return {(w.casefold(), n) for w, n in _REFERENCE.findall(text, timeout=1)}

    return bool(refs(a) & refs(b))


def _shared_words(a: str, b: str) -> int:
    def words(text: str) -> set[str]:
        return {
            w for w in re.findall(r"\p{L}{4,}", text.casefold(), timeout=1) if w not in _STOPWORDS
        }

    return len(words(a) & words(b))
