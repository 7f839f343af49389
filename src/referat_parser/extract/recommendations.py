"""Recommendations: what the administration asks the meeting to do ("Det indstilles, at …").

A lead-in, then its points. Lead-ins: "Det indstilles, at …" / "Det indstilles:" / "Det
indstilles over for udvalget …:" and any capitalised subject with "indstiller", "foreslår" or
"anbefaler" followed by a comma, a colon, an at-clause or nothing: "Administrationen indstiller,"
(001), "Sundheds- og Omsorgsforvaltningen indstiller, at Sundheds- og Omsorgsudvalget over for
Økonomiudvalget og Borgerrepræsentationen anbefaler," (003, wrapped over three lines),
"Centerchefen for Sundhed og Ældre indstiller,", "Forpersonen foreslår,", "By- og
Kulturforvaltningen indstiller i samråd med … til udvalget, at byrådet godkender:"; such a
subject's lead-in is one sentence addressed to the meeting ("Regeringen foreslår en reform …"
and a paragraph that goes on after its at-clause are prose about a proposal). Points:
"- " / "• " / "o " bullets (000, 003), "1. " lines (001), "1) at …" (Greve), "1. at …" (kk.dk,
also under several lead-ins: 003 item 8 has 11 under three), "At 1) …" (Aarhus), "a) …",
repeated "at …" paragraphs (002, 021), each read as one clean string: marker and leading "at"
removed, wrapped lines joined (paragraphs.py). A lead-in with no points is one recommendation
when it holds its at-clause ("Det indstilles, at udvalget godkender budgettet.").

Not recommendations: another body's endorsement of the recommendation ("By- og Kulturudvalget
anbefaler indstillingen.", "Økonomiudvalget anbefaler overfor Byrådet, at administrationens
indstilling godkendes.": 018, 002's case history), and the proposals of a motion
("BESLUTNINGSFORSLAG FRA DD" … "Danmarksdemokraterne foreslår derfor at," / "1. …", 026) up to
the administration's part ("INDSTILLING FRA MAGISTRATSAFDELINGEN …"). In an Indstilling block
the heading is the lead-in, so points at its top count without one (014: "Indstilling" / "at
orienteringen tages til efterretning.").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..vocab import (
    MOTION_ENDS,
    MOTION_HEADINGS,
    PARTY_NAMES,
    RECOMMENDATION_NOT_SUBJECTS,
    RECOMMENDATION_OPENERS,
    RECOMMENDATION_VERBS,
)
from .paragraphs import POINT, SENTENCE_BREAK, Paragraph, paragraphs

_NOT_SUBJECT = "|".join(RECOMMENDATION_NOT_SUBJECTS)
_VERB = "|".join(RECOMMENDATION_VERBS)
# A capitalised subject of up to twelve words ("Sundheds- og Omsorgsforvaltningen og Klima-,
# Miljø- og Teknikforvaltningen", "Centerchefen for Sundhed og Ældre"), then the verb.
_SUBJECT_LEAD_IN = re.compile(
    rf"^(?!(?i:{_NOT_SUBJECT})\b)\p{{Lu}}[\p{{L}}-]*,?"
    rf"(?:\s+(?:og|for|i|af|samt|&|\p{{Lu}}[\p{{L}}-]*,?)){{0,11}}\s+(?:{_VERB})\b(?P<rest>.*)$"
)
_AT_IN_REST = re.compile(r"(?:^|[\s,])at(?:\s|:|$)")
# After the verb comes its at-clause, a colon, a comma, nothing, or whom it is addressed to
# ("indstiller til udvalget, at", "anbefaler overfor Byrådet, at", "indstiller i samråd med …");
# never an object ("Regeringen foreslår en reform …" describes, it does not recommend).
_REST_START = re.compile(
    r"^\s*(?:[,:]|$|(?:at|til|over|overfor|i|for|hermed|derfor|samtidig|endvidere|desuden|på)\b)",
    re.I,
)
# The at-clause of a one-line lead-in: "…, at udvalget godkender budgettet."
_REST_AT = re.compile(r"^[^,]{0,80}?,?\s*\bat\s+(\S.*)$", re.I)
_AT = re.compile(r"^[Aa]t(?:\s+|$)")
# The verbs' stems ("indstil", "foreslå", "anbefal"), which every lead-in above holds.
_VERB_PROBES = tuple(v[:7] for v in RECOMMENDATION_VERBS)
_MOTION_WORDS = 100  # a motion's heading is a short line


def item_recommendations(
    blocks: Iterable[tuple[str, Sequence[Line]]], diags: Diagnostics
) -> list[str]:
    """An item's recommendations from its (kind, lines) blocks in order: those of its
    Indstilling blocks when they hold any ("Det indstilles, at …" sentences quoted in the case
    text are not its own), else those of every block but the decision. A motion that opens in
    one block (even the decision's) runs on into the next."""
    own: list[str] = []
    other: list[str] = []
    in_motion = False
    for kind, lines in blocks:
        recs, in_motion = _read(lines, diags, lead_in=kind == "indstilling", in_motion=in_motion)
        if kind == "indstilling":
            own.extend(recs)
        elif kind != "beslutning":
            other.extend(recs)
    return own or other


def extract_recommendations(
    lines: Sequence[Line], diags: Diagnostics, *, lead_in: bool = False
) -> list[str]:
    """All recommendations in a block's lines, in order. ``lead_in``: the block's heading is the
    lead-in (an Indstilling block), so points at its top are recommendations."""
    return _read(lines, diags, lead_in=lead_in, in_motion=False)[0]


def _read(
    lines: Sequence[Line], diags: Diagnostics, *, lead_in: bool, in_motion: bool
) -> tuple[list[str], bool]:
    """The block's recommendations, and whether a motion is still open at its end."""
    if not (lead_in or in_motion or _may_hold_lead_in(lines)):
        return [], False  # most blocks: no lead-in verb and no motion heading in any line
    paras = paragraphs(lines, points=True)
    found: list[str] = []
    i = 0
    if lead_in and not in_motion:
        found, i = _points(paras, 0)
    while i < len(paras):
        text = paras[i].text
        if not text[:1].isupper():  # lead-ins, motion headings and their ends all are
            i += 1
            continue
        folded = text[:40].casefold()
        if len(text) <= _MOTION_WORDS and folded.startswith(MOTION_HEADINGS):
            in_motion = True
        elif in_motion and folded.startswith(MOTION_ENDS):
            in_motion = False
        rest = None if in_motion else lead_in_rest(text)
        if rest is None:
            i += 1
            continue
        recs, i = _read_after_lead_in(paras, i, rest)
        if recs is None:
            continue  # an endorsement of the recommendation, not one
        if not recs:
            diags.add("recommendation-empty", at=paras[i - 1].line)
        found.extend(recs)
    return found, in_motion


# What a block needs to hold to open recommendations or a motion: a lead-in's verb as printed
# ("indstiller", "Det indstilles", "anbefaler", "foreslår"), or a motion heading's word.
_BLOCK_PROBES = ("indstille", "anbefale", "foreslå",
                 *(w[1:] for w in MOTION_HEADINGS), *(w[1:].upper() for w in MOTION_HEADINGS))  # fmt: skip


def _may_hold_lead_in(lines: Sequence[Line]) -> bool:
    """A cheap test before the paragraphs are built: most blocks hold no lead-in (one scan of
    the block's text per probe is cheaper than a test per line)."""
    text = "\n".join([line.text for line in lines])
    for probe in _BLOCK_PROBES:  # noqa: SIM110  (a plain loop is faster; runs on every block)
        if probe in text:
            return True
    return False


def lead_in_rest(text: str) -> str | None:
    """What follows the lead-in's verb when ``text`` opens recommendations, else None."""
    head = text[:300]
    if not head[:1].isupper() or not any(probe in head for probe in _VERB_PROBES):
        return None
    folded = text[:40].casefold()
    for opener in RECOMMENDATION_OPENERS:
        if folded.startswith(opener):
            return text[len(opener) :]
    m = _SUBJECT_LEAD_IN.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    subject = text[: m.start("rest")].casefold()
    if _REST_START.match(rest) is None or any(name in subject for name in PARTY_NAMES):
        return None  # a description, or a party's motion ("Venstre foreslår, at …")
    if SENTENCE_BREAK.search(rest):
        return None  # prose that goes on: "Regeringen foreslår at … 2027. Udspillet er …"
    if not rest.strip() or rest.rstrip().endswith((",", ":")) or _AT_IN_REST.search(rest):
        return rest
    return None


def _read_after_lead_in(
    paras: Sequence[Paragraph], i: int, rest: str
) -> tuple[list[str] | None, int]:
    """The recommendations after the lead-in at ``i`` and the next index; None for an
    endorsement ("…, at administrationens indstilling godkendes.")."""
    points, j = _points(paras, i + 1)
    if points:
        return points, j
    m = _REST_AT.match(rest)
    if m is None or rest.rstrip().endswith(":"):
        return [], i + 1
    clause = _clean(m.group(1))
    if _endorses(clause):
        return None, i + 1
    return [clause], i + 1


def _points(paras: Sequence[Paragraph], j: int) -> tuple[list[str], int]:
    """The consecutive points (list lines or at-clauses) from ``j`` on."""
    found: list[str] = []
    while j < len(paras):
        text = paras[j].text
        marker = POINT.match(text)
        if marker is None and _AT.match(text) is None:
            break
        clean = _clean(text[marker.end() :] if marker else text)
        if clean:
            found.append(clean)
        j += 1
    return found, j


def _clean(text: str) -> str:
    """A point's text without its leading "at" and trailing comma."""
    return _AT.sub("", text.strip(), count=1).strip().rstrip(",").strip()


def _endorses(clause: str) -> bool:
    """A short clause about "the recommendation" itself endorses another one."""
    return len(clause.split()) <= 8 and "indstilling" in clause.casefold()
