"""Decisions as data: an outcome from the Danish wording, with the deciding sentence as evidence,
sub-decisions (resolutions) and recorded votes.

Serves the decisions of the seeds: "Indstilling om udmøntning af klyngemidler til Kom Trygt Hjem
blev fulgt." (000 item 3: indstilling_fulgt), "Orienteringen blev taget til efterretning." (000,
002), "Intet at bemærke." / "Der var ikke noget til punktet." (ingen_bemærkninger),
"Direktørforum besluttede at kombinere … Det blev samtidig godkendt at afslutte indsats 4"
(001 item 3: two resolutions), "Drøftelserne mundede ud i …" (001 item 5: drøftet). And other
municipal wording: "Anbefales godkendt", "Sagen blev udsat", "Forslaget blev forkastet",
"Indstillingen blev ikke godkendt" (afvist), "Oversendes til Regionsrådet", at-points decided
one by one ("Indstillingens 1. at-punkt godkendt, 2. at-punkt udsat": one resolution per
clause), and votes ("Godkendt med 5 stemmer for og 2 imod", "For stemte 5 (A, F), imod
stemte 2 (V), 1 undlod (O)", "V stemte imod").

The vocabulary lives in ``vocab.DECISION_OUTCOMES``; priority is its order, per sentence, and
the first sentence with any outcome decides. Nothing matched: "andet". Empty text: null.
``link_recommendations`` then says what became of each recommendation (README, "items[].
recommendations[]"). Rule fixture: fixtures/rules/decisions.txt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from ..lines import Line
from ..models import Resolution, Votes
from ..vocab import ABBREVIATIONS, DECISION_KEYWORDS, DECISION_OUTCOMES, PARTY_LETTERS

# One alternation per outcome, tried in vocabulary order, only for sentences that hold one of
# the outcome's probe words (most sentences decide nothing).
_OUTCOMES = tuple(
    (outcome, re.compile("|".join(f"(?:{p})" for p in phrases)))
    for outcome, phrases in DECISION_OUTCOMES
)


def literal_words(phrase: str) -> list[str] | None:
    """The words (four letters or more) a phrase's pattern always contains, e.g.
    ["efterretning"] for r"\\btil efterretning"; None when that cannot be told. Escapes and
    classes are masked, then groups from the innermost out: one that is optional, repeated or
    holds alternatives is masked whole, another keeps its text; so is a letter made optional
    by a quantifier."""
    masked = _MASK_ATOM.sub("#", phrase)
    while "(" in masked:
        unwrapped = _INNER_GROUP.sub(_unwrap, masked, count=1)
        if unwrapped == masked:
            return None
        masked = unwrapped
    if "|" in masked:
        return None
    return _WORD.findall(_MASK_OPTIONAL.sub("#", masked))


def _probe(phrase: str) -> str | None:
    """The longest word the phrase always contains: a cheap substring test before the pattern."""
    words = literal_words(phrase)
    return max(words, key=len) if words else None


_MASK_ATOM = re.compile(r"\\.|\[[^\]]*\]")
_INNER_GROUP = re.compile(r"\(([^()]*)\)([?*{]?)")
_MASK_OPTIONAL = re.compile(r".(?=[?*{])")
_WORD = re.compile(r"[a-zæøå]{4,}")


def _unwrap(m: re.Match[str]) -> str:
    body = m.group(1).removeprefix("?:")
    return "#" if m.group(2) or "|" in body or body.startswith("?") else f"#{body}#"


def _cover(words: Sequence[str]) -> tuple[str, ...]:
    """The words none of which contains another (a sentence holding "godkendte" holds
    "godkend"): testing these answers "holds any of the words" with fewer tests."""
    unique = sorted(set(words), key=len)
    kept: list[str] = []
    for word in unique:
        if not any(short in word for short in kept):
            kept.append(word)
    return tuple(kept)


# Per outcome, substrings one of which a matching sentence must hold (a cheap test before the
# pattern); None when some phrase of the outcome has no such substring.
_PROBES: tuple[tuple[str, ...] | None, ...] = tuple(
    None if any(_probe(p) is None for p in phrases) else _cover([_probe(p) or "" for p in phrases])
    for _, phrases in DECISION_OUTCOMES
)
# With a probe for every outcome the keyword test adds nothing (each phrase's probe is one of
# its literal words, and tests/test_decisions.py proves each holds a keyword); without, it is
# the only cheap test.
_GATED = any(probes is None for probes in _PROBES)
_KEYWORDS = _cover(DECISION_KEYWORDS)

_ABBREV = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence ends at . ! ? followed by space and an upper-case letter or digit, unless the
# full stop belongs to an abbreviation. An ordinal ("indsats 2 og 3. Det blev …") ends a
# sentence too; ordinal dates ("d. 2. maj") and at-points ("1. at-punkt") are followed by a
# lower-case word and never split (only the abbreviations ignore case).
_SENTENCE_END = re.compile(rf"(?<!\b(?i:{_ABBREV}))(?<=[.!?])\s+(?=[\p{{Lu}}\d\"”])")

# --- votes -----------------------------------------------------------------------------------
# A vote label and its side. Label first ("For stemte: A, F (7)", "Imod stemte 2 (V)",
# "Undlod at stemme: O"), count first ("5 stemmer for og 2 imod", "1 undlod (O)") or parties
# first ("A, F og Ø stemte for", "V stemte imod"). Leftmost wins, so "hverken for eller imod"
# is an abstention before its "for" and "imod" are seen.
_VOTE_LABEL = re.compile(
    r"(?P<abstain>\bhverken\s+for\s+eller\s+imod(?:\s+stemte)?\b|\bundlod\s+at\s+stemme\b"
    r"|(?<=\d\s{1,3})undlod\b|\bstemte\s+blankt?\b|(?<=\d\s{1,3})blanke?\b)"
    r"|(?P<for>\bfor\s+stemte\b|\bstemte\s+for\b|\bstemmer?\s+for\b|(?<=\d\s{1,3})for\b)"
    r"|(?P<against>\bimod\s+stemte\b|\bstemte\s+imod\b|\bstemmer?\s+imod\b|(?<=\d\s{1,3})imod\b)",
    re.I,
)
_VOTE_SENTENCE = re.compile(r"(?<=[.;])\s+")
_PARTY = "|".join(sorted(PARTY_LETTERS, key=len, reverse=True))
_LETTER = re.compile(rf"(?<![\p{{L}}])({_PARTY})(?![\p{{L}}])")
# Parties right before a "stemte for"-style label: "A, F og Ø " (at most 80 characters back).
_PARTIES_BEFORE = re.compile(
    rf"(?<![\p{{L}}])(?:{_PARTY})(?:\s*(?:,|og)\s*(?:{_PARTY})){{0,12}}\s*$"
)
# The same after a label whose parties follow it ("For stemte A og F, V stemte imod"): the
# comma ends the first list, so only "og" joins this one.
_PARTIES_BEFORE_OG = re.compile(rf"(?<![\p{{L}}])(?:{_PARTY})(?:\s+og\s+(?:{_PARTY})){{0,12}}\s*$")
_COUNT_BEFORE = re.compile(r"(?<!\d)(\d{1,3})\s+$")
_COUNT_AFTER = re.compile(r"^\s*+:?\s*+(\d{1,3})(?!\d)|\((\d{1,3})\)")
# "vedtaget med 15 stemmer mod 10"
_FOR_MOD_AGAINST = re.compile(r"(\d{1,3})\s+stemmer?\s+mod\s+(\d{1,3})\b", re.I)


# A reference to one or more of the recommendation's numbered at-points: "1. at-punkt",
# "1. og 2. at-punkt", "at-punkt 3", "andet at-punkt", "indstillingens punkt 2",
# "punkt 2 i indstillingen", "Ad 1: …" (matched on the casefolded sentence).
_NUMBERS = r"(?:\d{1,2}\.?\s*(?:,|og|-)\s*){0,6}\d{1,2}"
_POINT_REF = re.compile(
    rf"(?P<n>{_NUMBERS})\.?\s*at[-\s]?punkt"
    rf"|\bat[-\s]?punkt(?:er|et|erne)?\s+(?:nr\.\s*)?(?P<m>{_NUMBERS})\b"
    r"|\b(?P<word>første|andet|anden|tredje|fjerde|femte|sjette|syvende|ottende)\s+at[-\s]?punkt"
    rf"|\bindstillingens\s+(?:punkt|pkt\.?)\s*(?P<p>{_NUMBERS})\b"
    r"|\b(?:punkt|pkt\.?)\s*(?P<q>\d{1,2})\s+i\s+indstillingen"
    r"|^ad\s+(?:punkt\s+|pkt\.?\s*)?(?P<ad>\d{1,2})\b"
)
_ORDINALS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5,
             "sjette": 6, "syvende": 7, "ottende": 8}  # fmt: skip
_DIGITS = re.compile(r"\d{1,2}")
# Where a sentence that decides at-points one by one may divide into clauses (never inside a
# list of numbers: "1., 2. og 3. at-punkt").
_CLAUSE_BREAK = re.compile(r",?(?<!\s)\s++(?:og|mens|men|medens|samt|hvorimod)\s+|,\s+|;\s*")
_IN_NUMBERS = re.compile(r"\d\.?$")


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence, or a clause of one that decides numbered at-points, with its outcome."""

    text: str
    line: Line
    outcome: str
    points: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionAnalysis:
    outcome: str | None
    outcome_text: str | None
    outcome_line: int | None
    resolutions: list[Resolution] = field(default_factory=list)
    votes: Votes | None = None
    discussed: str | None = None  # the first sentence that records a discussion
    units: tuple[Unit, ...] = ()  # every sentence or clause with an outcome, in order


def sentences(lines: Sequence[Line]) -> list[tuple[str, Line]]:
    """The decision's sentences with the line each starts on (a line is never joined to the next)."""
    out: list[tuple[str, Line]] = []
    for line in lines:
        text = line.stripped
        if not text:
            continue
        if not _may_split(text):
            out.append((text, line))
            continue
        for part in _SENTENCE_END.split(text):
            part = part.strip()
            if part:
                out.append((part, line))
    return out


def _may_split(text: str) -> bool:
    """A sentence break needs a . ! or ? before the last character (most lines end in theirs)."""
    body = text[:-1]
    return "." in body or "!" in body or "?" in body


def classify(sentence: str) -> str | None:
    return _classify_folded(sentence.casefold())


def _classify_folded(folded: str) -> str | None:
    folded = folded.lstrip("-•– ")
    if _GATED and not any(key in folded for key in _KEYWORDS):
        return None
    for (outcome, pattern), probes in zip(_OUTCOMES, _PROBES):
        if probes is not None:
            for probe in probes:
                if probe in folded:
                    break
            else:
                continue
        if pattern.search(folded):
            return outcome
    return None


def point_numbers(text: str) -> tuple[int, ...]:
    """The at-points a text refers to: "1. og 2. at-punkt" -> (1, 2), "andet at-punkt" -> (2,)."""
    found: list[int] = []
    for m in _POINT_REF.finditer(text.casefold()):
        if m.group("word"):
            found.append(_ORDINALS[m.group("word")])
            continue
        numbers = m.group("n") or m.group("m") or m.group("p") or m.group("q") or m.group("ad")
        digits = [int(d) for d in _DIGITS.findall(numbers)]
        if len(digits) == 2 and "-" in numbers:  # "1.-3. at-punkt"
            digits = list(range(digits[0], digits[1] + 1))
        found.extend(digits)
    return tuple(dict.fromkeys(found))


def _units(sentence: str, line: Line) -> list[Unit]:
    """One unit per sentence, or per clause when the sentence names at-points."""
    folded = sentence.casefold()
    if ("punkt" in folded or folded.startswith("ad ")) and point_numbers(sentence):
        clauses = _clauses(sentence)
        if clauses:
            return [Unit(text, line, outcome, point_numbers(text)) for text, outcome in clauses]
    outcome = _classify_folded(folded)
    return [Unit(sentence, line, outcome)] if outcome else []


def _clauses(sentence: str) -> list[tuple[str, str]]:
    """(clause, outcome) for a sentence divided at its clause breaks; a piece without an
    outcome joins the next ("1." + "2. at-punkt godkendt") or, at the end, the previous one
    ("… godkendt" + "idet …")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        before = sentence[max(0, m.start() - 3) : m.start()]
        if sentence[m.end() : m.end() + 1].isdigit() and _IN_NUMBERS.search(before):
            continue  # inside "1., 2. og 3. at-punkt"
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    merged: list[tuple[int, int, str]] = []
    pending: int | None = None
    for a, b in spans:
        begin = a if pending is None else pending
        outcome = classify(sentence[begin:b])
        if outcome is None:
            pending = begin
            continue
        merged.append((begin, b, outcome))
        pending = None
    if pending is not None and merged:
        begin, _, outcome = merged.pop()
        merged.append((begin, len(sentence), outcome))
    return [(sentence[a:b].strip().rstrip(",;"), outcome) for a, b, outcome in merged]


def analyse_decision(lines: Sequence[Line]) -> DecisionAnalysis:
    parts = sentences(lines)
    if not parts:
        return DecisionAnalysis(None, None, None)
    units = [u for s, line in parts for u in _units(s, line)]
    votes = parse_votes(" ".join(s for s, _ in parts))
    if not units:
        return DecisionAnalysis("andet", None, None, votes=votes)
    decisive = [u for u in units if u.outcome != "drøftet"]
    first = (decisive or units)[0]
    resolutions = [Resolution(text=u.text, outcome=u.outcome, line=u.line.no) for u in decisive]
    if len(resolutions) < 2:
        resolutions = []
    discussed = next((u.text for u in units if u.outcome == "drøftet"), None)
    return DecisionAnalysis(
        first.outcome, first.text, first.line.no, resolutions, votes, discussed, tuple(units)
    )


def parse_votes(text: str) -> Votes | None:
    """Votes counted in a decision: "Godkendt med 5 stemmer for og 2 imod", "For stemte: A, V
    (10)", "For stemte 5 (A, F), imod stemte 2 (V), 1 undlod (O)", "V stemte imod"."""
    folded = text.casefold()
    if "stem" not in folded and " imod" not in folded and "undlod" not in folded:
        return None
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    parties: dict[str, list[str]] = {"for": [], "against": [], "abstain": []}
    for sentence in _VOTE_SENTENCE.split(text):
        for side, count, letters in _vote_segments(sentence):
            if counts[side] is None:
                counts[side] = count
            if not parties[side]:
                parties[side] = letters
    m = _FOR_MOD_AGAINST.search(text)
    if m is not None and counts["for"] is None and counts["against"] is None:
        counts["for"], counts["against"] = int(m.group(1)), int(m.group(2))
    if all(v is None for v in counts.values()) and not any(parties.values()):
        return None
    return Votes(
        for_=counts["for"], against=counts["against"], abstain=counts["abstain"],
        parties_for=parties["for"], parties_against=parties["against"],
        parties_abstain=parties["abstain"],
    )  # fmt: skip


def _vote_segments(sentence: str) -> list[tuple[str, int | None, list[str]]]:
    """(side, count, party letters) per vote label in one sentence. A label owns the count just
    before it ("5 stemmer for") or just after it ("imod stemte 2", "(7)"), and the party letters
    after it up to the next label's own words; a "stemte for"-style label owns the letters
    right before it when it has none after."""
    labels = list(_VOTE_LABEL.finditer(sentence))
    heads: list[tuple[int, int | None, list[str]]] = []  # where its own words start
    for i, m in enumerate(labels):
        floor = max(labels[i - 1].end() if i else 0, m.start() - 80)
        before = sentence[floor : m.start()]
        counted = _COUNT_BEFORE.search(before)
        parties = _PARTIES_BEFORE_OG if i and not _verb_first(labels[i - 1]) else _PARTIES_BEFORE
        run = parties.search(before) if counted is None else None
        own = counted or run
        heads.append((floor + own.start() if own else m.start(),
                      int(counted.group(1)) if counted else None,
                      _LETTER.findall(run.group(0)) if run else []))  # fmt: skip
    out: list[tuple[str, int | None, list[str]]] = []
    for i, m in enumerate(labels):
        side = m.lastgroup or "for"
        end = heads[i + 1][0] if i + 1 < len(labels) else len(sentence)
        tail = sentence[m.end() : max(m.end(), end)]
        _, count, owned = heads[i]
        if count is None and (after := _COUNT_AFTER.search(tail)) is not None:
            count = int(after.group(1) or after.group(2))
        letters: list[str] = _LETTER.findall(tail)
        out.append((side, count, owned if owned and _verb_first(m) else letters or owned))
    return out


def _verb_first(label: re.Match[str]) -> bool:
    """ "stemte for", "undlod at stemme": the parties stand before the label."""
    return label.group(0).casefold().startswith(("stemte", "undlod"))


# --- recommendation <-> decision links -------------------------------------------------------

# Outcomes that, said of the item as a whole, befall every recommendation.
_WHOLE_ITEM = frozenset({"udsat", "afvist", "oversendt", "ingen_bemærkninger"})
_APPROVALS = frozenset({"godkendt", "indstilling_fulgt"})
# "Indstillingen blev godkendt", "Som indstillet", "Godkendt.", "Anbefales godkendt."
_ABOUT_RECOMMENDATIONS = ("indstilling", "indstillet", "som foreslået", "forslaget")
# Word stems (first five letters) that say nothing about *what* was decided.
_STOPWORDS = frozenset({"blev", "blive", "skal", "dette", "denne", "disse", "samt", "også",
                        "ikke", "være", "have", "efter", "under", "over", "mellem", "samti",
                        "udval", "godke", "indst", "sagen", "beslu", "forva", "punkt", "herun",
                        "derfo", "hvord", "hvilk", "kommu", "regio", "forsl"})  # fmt: skip


# A decision that opens with its verb is about the item as a whole: "Godkendt med de faldne
# bemærkninger.", "Anbefales godkendt.", "Tiltrådt."
_SUBJECTLESS = ("godkendt", "godkendes", "anbefales", "anbefalet", "tiltrådt", "tiltrædes",
                "vedtaget", "vedtages", "som indstillet", "som foreslået")  # fmt: skip


def link_recommendations(
    texts: Sequence[str], analysis: DecisionAnalysis | None
) -> list[tuple[str | None, str | None]]:
    """(outcome, evidence) for each recommendation, where the decision's wording allows it:
    a clause about its numbered at-point ("2. at-punkt udsat") decides that one; a resolution
    that names the same numbered thing ("indsats 4"), or repeats more of one recommendation's
    words than of any other's, decides that one; a decision about "the recommendation" (or a
    bare "Godkendt.") decides them all; taking note or discussing decides the recommendations
    that asked for exactly that. Otherwise (None, None)."""
    if analysis is None or analysis.outcome in (None, "andet"):
        return [(None, None)] * len(texts)
    echoes = _echoes(texts, analysis.resolutions)
    return [
        _link_one(number, text, analysis, echoes.get(number))
        for number, text in enumerate(texts, start=1)
    ]


def _echoes(texts: Sequence[str], resolutions: Sequence[Resolution]) -> dict[int, Resolution]:
    """Recommendation number -> the first resolution that names its numbered thing, or that
    shares two or more word stems with it and fewer with every other recommendation."""
    found: dict[int, Resolution] = {}
    for resolution in resolutions:
        scores = [_shared_words(text, resolution.text) for text in texts]
        top = max(scores, default=0)
        for number, text in enumerate(texts, start=1):
            unique = top >= 2 and scores.count(top) == 1 and scores[number - 1] == top
            if unique or _same_reference(text, resolution.text):
                found.setdefault(number, resolution)
    return found


def _link_one(
    number: int, text: str, analysis: DecisionAnalysis, echo: Resolution | None
) -> tuple[str | None, str | None]:
    for unit in analysis.units:  # at-points named one by one: the most explicit
        if number in unit.points:
            return unit.outcome, unit.text
    if echo is not None:  # a sub-decision about this recommendation: the most specific next
        return echo.outcome, echo.text
    general = [u for u in analysis.units if not u.points]
    decisive = [u for u in general if u.outcome != "drøftet"]
    if not general:
        return None, None
    outcome, evidence = (decisive or general)[0].outcome, (decisive or general)[0].text
    said, asked = evidence.casefold(), text.casefold()
    if outcome in _WHOLE_ITEM:
        return outcome, evidence
    if outcome in _APPROVALS and (
        any(word in said for word in _ABOUT_RECOMMENDATIONS)
        or len(said.split()) <= 3
        or said.startswith(_SUBJECTLESS)
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
        return {(w.casefold(), n) for w, n in _REFERENCE.findall(text)}

    return bool(refs(a) & refs(b))


def _shared_words(a: str, b: str) -> int:
    """Word stems (first five letters of words of four or more) the two texts share:
    "puljen til cykelstier" and "en pulje til cykelstier" share "pulje" and "cykel"."""

    def stems(text: str) -> set[str]:
        words = _LONG_WORD.findall(text.casefold())
        return {w[:5] for w in words} - _STOPWORDS

    return len(stems(a) & stems(b))


_LONG_WORD = re.compile(r"\p{L}{4,}")
