"""Decisions as data: an outcome from the Danish wording, with the deciding sentence as evidence,
sub-decisions (resolutions), amendments and recorded votes.

Serves the decisions of the seeds: "Indstilling om udmøntning af klyngemidler til Kom Trygt Hjem
blev fulgt." (000 item 3: indstilling_fulgt), "Orienteringen blev taget til efterretning." (000,
002), "Intet at bemærke." / "Der var ikke noget til punktet." (ingen_bemærkninger),
"Direktørforum besluttede at kombinere … Det blev samtidig godkendt at afslutte indsats 4"
(001 item 3: two resolutions), "Drøftelserne mundede ud i …" (001 item 5: drøftet). And the
wording of other publishers: one-line decisions ("Godkendt", "Drøftedes", "Til orientering",
"Intet", "Anbefales": Aalborg), "Fremsendes til Teknisk Udvalg til behandling i henhold til
beslutning i byrådets møde den 27. august 2025." (Aarhus, wrapped over two lines: oversendt),
"Byrådet sendte sagen til realitetsbehandling i …" (Greve: oversendt), "Godkendt med den
ændring, at Sag nr. 7 … udsættes" (the verb that comes first decides: godkendt), at-points
decided one by one ("Indstillingens 1. at-punkt godkendt, 2. at-punkt udsat": one resolution
per clause), amendments ("Ændringsforslaget blev forkastet med følgende stemmeafgivelse:",
kk.dk) and votes (votes.py).

Per sentence (wrapped lines joined, paragraphs.py) the phrase of ``vocab.DECISION_OUTCOMES`` that
starts first decides, after the words that only mention a decision elsewhere ("jf. byrådets
vedtagelse", "som besluttet i …") or that propose one ("Økonomiudvalget indstiller, at …") are
masked. Over the sentences, the first decisive one about the item itself decides; a sentence
about an amendment or another agenda item ("Punkt 28 … udsat.") is a resolution and decides
only when nothing else does, and a party's dissent ("V kunne ikke tiltræde indstillingen")
decides nothing. Nothing matched: "andet". Empty text: null. ``link_recommendations`` then
says what became of each recommendation (README, "items[].recommendations[]"). Rule fixture:
fixtures/rules/decisions.txt.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex as re

from ..lines import Line
from ..models import Resolution, Votes
from ..vocab import (
    DECISION_KEYWORDS,
    DECISION_OUTCOMES,
    DECISION_PROPOSALS,
    DECISION_REFERENCES,
    DECISION_WEAK_OUTCOMES,
    NOTHING_TO_NOTE_TITLES,
    PARTY_LETTERS,
    PARTY_NAMES,
)
from . import votes as vote_rules
from .paragraphs import SENTENCE_BREAK, paragraphs


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


class _Rule(NamedTuple):
    """One outcome's phrases as one pattern, and the substrings one of which a matching
    sentence must hold (None when some phrase has no such substring)."""

    outcome: str
    pattern: re.Pattern[str]
    probes: tuple[str, ...] | None


def _rules(table: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[_Rule, ...]:
    return tuple(
        _Rule(
            outcome,
            re.compile("|".join(f"(?:{p})" for p in phrases)),
            None
            if any(_probe(p) is None for p in phrases)
            else _cover([_probe(p) or "" for p in phrases]),
        )
        for outcome, phrases in table
    )


_DECISIVE = _rules(DECISION_OUTCOMES)
_WEAK = _rules(DECISION_WEAK_OUTCOMES)
# With a probe for every rule the keyword test adds nothing (each phrase's probe is one of its
# literal words, and tests/test_decisions.py proves each holds a keyword); without, it is the
# only cheap test.
_GATED = any(rule.probes is None for rule in (*_DECISIVE, *_WEAK))
_KEYWORDS = _cover(DECISION_KEYWORDS)
# Every rule's probes in one list: the one test most sentences (which decide nothing) get.
_ANY_PROBE = _cover([w for rule in (*_DECISIVE, *_WEAK) for w in rule.probes or ()])

# Mentions of a decision taken elsewhere, masked to the end of their clause (a comma, or the
# verb of the main clause: "Som besluttet på sidste møde blev sagen udsat").
_MENTION = re.compile(
    "(?:" + "|".join(DECISION_REFERENCES) + r")(?:(?!\s(?:blev|bliver|er|var|og|men)\s)[^,;])*"
)
_PROPOSAL = re.compile("|".join(DECISION_PROPOSALS))
_MASK_PROBES = ("jf.", "jævnfør", "henhold", "overensstemmelse", "som ", "baggrund",
                "henvisning", "indstiller", "foreslå", "foreslog", "behandlet")  # fmt: skip

# A reference to one or more of the recommendation's numbered at-points: "1. at-punkt",
# "1. og 2. at-punkt", "at-punkt 3", "andet at-punkt", "indstillingens punkt 2",
# "punkt 2 i indstillingen", "Ad 1: …", "Ad 2-4)" (matched on the casefolded sentence).
_NUMBERS = r"(?:\d{1,2}\.?\s*(?:,|og|-)\s*){0,6}\d{1,2}"
_POINT_REF = re.compile(
    rf"(?P<n>{_NUMBERS})\.?\s*at[-\s]?punkt"
    rf"|\bat[-\s]?punkt(?:er|et|erne)?\s+(?:nr\.\s*)?(?P<m>{_NUMBERS})\b"
    r"|\b(?P<word>første|andet|anden|tredje|fjerde|femte|sjette|syvende|ottende)\s+at[-\s]?punkt"
    rf"|\bindstillingens\s+(?:punkt|pkt\.?)\s*(?P<p>{_NUMBERS})\b"
    r"|\b(?:punkt|pkt\.?)\s*(?P<q>\d{1,2})\s+i\s+indstillingen"
    rf"|^ad\s+(?:punkt\s+|pkt\.?\s*)?(?P<ad>{_NUMBERS})\b"
)
_ORDINALS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5,
             "sjette": 6, "syvende": 7, "ottende": 8}  # fmt: skip
_DIGITS = re.compile(r"\d{1,2}")
_RANGE = re.compile(r"^(\d{1,2})\.?\s*-\s*(\d{1,2})$")
# Where a sentence that decides at-points one by one may divide into clauses (never inside a
# list of numbers: "1., 2. og 3. at-punkt").
_CLAUSE_BREAK = re.compile(r",?(?<!\s)\s++(?:og|mens|men|medens|samt|hvorimod)\s+|,\s+|;\s*")
_IN_NUMBERS = re.compile(r"\d\.?$")

# What a sentence is about, when not the item itself: an amendment ("Ændringsforslaget blev
# forkastet", "Udvalget forkastede V's ændringsforslag"), another agenda item ("Punkt 28 …
# udsat", "Sag nr. 7 udsættes" as its subject), a party's own position ("Socialdemokratiets
# byrådsgruppe kunne ikke tiltræde indstillingen", "V kunne ikke tiltræde …").
_AMENDMENT_OBJECT = re.compile(r"\s+(?:\p{L}+s\s+)?ændringsforslag")
_OTHER_ITEM = re.compile(
    r"^(?:punkt|pkt\.?|sag(?:\s+nr\.?)?|dagsordenspunkt)\s*(\d{1,3})\b(?!\.?\s*i\s+indstilling)"
)
_PARTY = "|".join(sorted(PARTY_LETTERS, key=len, reverse=True))
_LETTER_SUBJECT = re.compile(
    rf"^(?:{_PARTY})(?:\s*(?:,|og)\s*(?:{_PARTY}))*\s+(?:kunne|kan|ville|ønskede|tog|stemte)\b"
)
# "Ingen." under an item titled "Eventuelt" or "Bemærkninger".
_BARE_NONE = re.compile(r"^ingen\.?$")
# The sentence after a vote that states its result ("Forslaget faldt dermed.").
_RESULT = re.compile(r"\b(?:dermed|hermed|således)\b")


class Unit(NamedTuple):  # a NamedTuple: built for every deciding sentence
    """A sentence, or a clause of one that decides numbered at-points, with its outcome.
    ``about`` is "item", "amendment" or "other-item"; ``position`` is the sentence's index."""

    text: str
    line: Line
    outcome: str
    points: tuple[int, ...] = ()
    position: int = 0
    about: str = "item"


@dataclass(frozen=True, slots=True)
class DecisionAnalysis:
    outcome: str | None
    outcome_text: str | None
    outcome_line: int | None
    resolutions: list[Resolution] = field(default_factory=list)
    votes: Votes | None = None
    discussed: str | None = None  # the first sentence about the item that records a discussion
    units: tuple[Unit, ...] = ()  # every sentence or clause with an outcome, in order


class _Verdict(NamedTuple):
    outcome: str
    start: int  # where the deciding phrase starts in ``text``
    end: int
    text: str  # the casefolded sentence, references masked


def sentences(lines: Sequence[Line]) -> list[tuple[str, Line]]:
    """The decision's sentences with the line each starts on; wrapped lines are joined first."""
    out: list[tuple[str, Line]] = []
    for para in paragraphs(lines):
        text = para.text
        if not _may_split(text):
            out.append((text, para.line))
            continue
        if len(para.lines) == 1:
            out.extend((part, para.line) for p in SENTENCE_BREAK.split(text) if (part := p.strip()))
            continue
        start = 0
        for m in [*SENTENCE_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            part = text[start:end].strip()
            if part:
                out.append((part, para.line_at(start)))
            if m:
                start = m.end()
    return out


def _may_split(text: str) -> bool:
    """A sentence break needs a . ! or ? before the last character (most lines end in theirs)."""
    body = text[:-1]
    return "." in body or "!" in body or "?" in body


def classify(sentence: str) -> str | None:
    verdict = _classify_folded(sentence.casefold())
    return verdict.outcome if verdict else None


def _classify_folded(folded: str) -> _Verdict | None:
    # Plain loops, not any(): this runs on every sentence of every decision.
    folded = folded.lstrip("-•– ")
    for key in _KEYWORDS if _GATED else _ANY_PROBE:
        if key in folded:
            break
    else:
        return None
    verdict = _verdict(folded)
    if verdict is None:
        return None  # masking only ever takes a phrase away
    for probe in _MASK_PROBES:
        if probe in folded:
            return _verdict(_masked(folded))
    return verdict


def _verdict(folded: str) -> _Verdict | None:
    """The phrase that starts first decides; a tie goes to the rule listed first."""
    best: _Verdict | None = None
    for rule in _DECISIVE:
        if rule.probes is not None:
            for probe in rule.probes:
                if probe in folded:
                    break
            else:
                continue
        m = rule.pattern.search(folded)
        if m is not None and (best is None or m.start() < best.start):
            best = _Verdict(rule.outcome, m.start(), m.end(), folded)
            if m.start() == 0:
                break  # nothing starts earlier
    if best is not None:
        return best
    for rule in _WEAK:
        m = _search(rule, folded)
        if m is not None:
            return _Verdict(rule.outcome, m.start(), m.end(), folded)
    return None


def _search(rule: _Rule, folded: str) -> re.Match[str] | None:
    if rule.probes is not None:
        for probe in rule.probes:
            if probe in folded:
                break
        else:
            return None
    return rule.pattern.search(folded)


def _masked(folded: str) -> str:
    """The sentence with what only mentions or proposes a decision blanked out (same length)."""
    proposal = _PROPOSAL.search(folded)
    if proposal is not None:
        folded = folded[: proposal.start()] + " " * (len(folded) - proposal.start())
    return _MENTION.sub(lambda m: " " * len(m.group(0)), folded)


def point_numbers(text: str) -> tuple[int, ...]:
    """The at-points a text refers to: "1. og 2. at-punkt" -> (1, 2), "andet at-punkt" -> (2,)."""
    found: list[int] = []
    for m in _POINT_REF.finditer(text.casefold()):
        if m.group("word"):
            found.append(_ORDINALS[m.group("word")])
            continue
        numbers = m.group("n") or m.group("m") or m.group("p") or m.group("q") or m.group("ad")
        span = _RANGE.match(numbers)
        if span is not None:  # "1.-3. at-punkt", "Ad 2-4)"
            found.extend(range(int(span.group(1)), int(span.group(2)) + 1))
            continue
        found.extend(int(d) for d in _DIGITS.findall(numbers))
    return tuple(dict.fromkeys(found))


def _units(sentence: str, line: Line, index: int, context: _Context) -> list[Unit]:
    """One unit per sentence, or per clause when the sentence names at-points."""
    folded = sentence.casefold()
    # at-points decided one by one (an amendment to one is about the amendment)
    if (
        ("punkt" in folded or folded.startswith("ad "))
        and "ændringsforslag" not in folded
        and point_numbers(sentence)
    ):
        clauses = _clauses(sentence)
        if clauses:
            return [
                Unit(text, line, outcome, point_numbers(text), index) for text, outcome in clauses
            ]
    if context.quiet and _BARE_NONE.match(folded):
        return [Unit(sentence, line, "ingen_bemærkninger", (), index)]
    verdict = _classify_folded(folded)
    if verdict is None:
        return []
    about = _about(sentence, verdict, context)
    if about == "dissent":
        return []
    return [Unit(sentence, line, verdict.outcome, (), index, about)]


def _about(sentence: str, verdict: _Verdict, context: _Context) -> str:
    """What a sentence decides about: the item, an amendment, another item, or nothing (a
    party's own position)."""
    text = verdict.text
    if "ændringsforslag" in text[: verdict.end] or _AMENDMENT_OBJECT.match(text, verdict.end):
        return "amendment"
    other = _OTHER_ITEM.match(text)
    if other is not None and int(other.group(1)) != context.number:
        return "other-item"
    subject = text[: verdict.start]
    if (subject and any(name in subject for name in PARTY_NAMES)) or _LETTER_SUBJECT.match(
        sentence
    ):
        return "dissent"
    return "item"


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


class _Context(NamedTuple):
    quiet: bool  # the item's title says "Ingen." means nothing to note
    number: int | None


def analyse_decision(
    lines: Sequence[Line],
    *,
    title: str | None = None,
    number: int | None = None,
    narrative: bool = False,
) -> DecisionAnalysis:
    """The outcome, evidence, resolutions and votes of one decision's lines. ``title`` and
    ``number`` are the item's: "Ingen." under "Eventuelt" has nothing to note, and a sentence
    about "Punkt 28" is about another item unless this one is number 28. ``narrative``: the
    lines are an item's account in prose minutes ("… Henvendelsen er sendt videre til Vej og
    Park. Til efterretning."), which end in what was decided, so the last decisive sentence
    is the outcome."""
    parts = sentences(lines)
    if not parts:
        return DecisionAnalysis(None, None, None)
    folded_title = title.casefold() if title else ""
    context = _Context(
        bool(title) and any(w in folded_title for w in NOTHING_TO_NOTE_TITLES), number
    )
    units = [u for i, (s, line) in enumerate(parts) for u in _units(s, line, i, context)]
    records = vote_rules.vote_records([s for s, _ in parts])
    deciding = _deciding(list(reversed(units)) if narrative else units)
    positions = [u.position for u in units]  # rising: units are made sentence by sentence
    owned = [r for r in records if deciding is None or _owner(r, units, positions) is deciding]
    votes = vote_rules.merged(owned)
    if deciding is None:
        return DecisionAnalysis("andet", None, None, votes=votes)
    decisive = [u for u in units if u.outcome != "drøftet"]
    resolutions = (
        [Resolution(text=u.text, outcome=u.outcome, line=u.line.no) for u in decisive]
        if len(decisive) >= 2 or any(u.about != "item" for u in decisive)
        else []
    )
    discussed = next((u.text for u in units if u.outcome == "drøftet" and u.about == "item"), None)
    return DecisionAnalysis(
        deciding.outcome, deciding.text, deciding.line.no, resolutions, votes, discussed,
        tuple(units),
    )  # fmt: skip


def _deciding(units: Sequence[Unit]) -> Unit | None:
    """The first decisive unit about the item, else its first discussion; only then one about
    an amendment or another item."""
    own = [u for u in units if u.about == "item"]
    for pool in (own, [u for u in units if u.about != "item"]):
        if pool:
            return next((u for u in pool if u.outcome != "drøftet"), pool[0])
    return None


def _owner(
    record: vote_rules.VoteRecord, units: Sequence[Unit], positions: Sequence[int]
) -> Unit | None:
    """The unit a vote record belongs to: one in its own sentences; else the sentence after it
    when that states the result ("Forslaget faldt dermed."); else the one before it ("…
    blev vedtaget med følgende stemmeafgivelse:"); else the one after it. ``positions``: the
    units' sentence positions, rising (found by bisection: a decision of 2,000 sentences with
    a vote in each stays linear)."""
    first = bisect.bisect_left(positions, record.first)
    if first < len(units) and units[first].position <= record.last:
        return units[first]
    later = bisect.bisect_right(positions, record.last)
    after = units[later] if later < len(units) else None
    if after is not None and _RESULT.search(after.text.casefold()):
        return after
    before = units[first - 1] if first > 0 else None
    return before or after


def parse_votes(text: str) -> Votes | None:
    """Votes counted in a decision text: "Godkendt med 5 stemmer for og 2 imod", "For stemte:
    A, V (10)", "For stemte 5 (A, F), imod stemte 2 (V), 1 undlod (O)", "V stemte imod"."""
    return vote_rules.parse_votes(text)


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
    # sub-decisions about the item itself (not its amendments or other items)
    own = [u for u in analysis.units if u.about == "item" and u.outcome != "drøftet"]
    echoes = _echoes(texts, own if analysis.resolutions else [])
    return [
        _link_one(number, text, analysis, echoes.get(number))
        for number, text in enumerate(texts, start=1)
    ]


def _echoes(texts: Sequence[str], resolutions: Sequence[Unit]) -> dict[int, Unit]:
    """Recommendation number -> the first resolution that names its numbered thing, or that
    shares two or more word stems with it and fewer with every other recommendation."""
    found: dict[int, Unit] = {}
    for resolution in resolutions:
        scores = [_shared_words(text, resolution.text) for text in texts]
        top = max(scores, default=0)
        for number, text in enumerate(texts, start=1):
            unique = top >= 2 and scores.count(top) == 1 and scores[number - 1] == top
            if unique or _same_reference(text, resolution.text):
                found.setdefault(number, resolution)
    return found


def _link_one(
    number: int, text: str, analysis: DecisionAnalysis, echo: Unit | None
) -> tuple[str | None, str | None]:
    for unit in analysis.units:  # at-points named one by one: the most explicit
        if number in unit.points:
            return unit.outcome, unit.text
    if echo is not None:  # a sub-decision about this recommendation: the most specific next
        return echo.outcome, echo.text
    general = [u for u in analysis.units if not u.points and u.about == "item"]
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
