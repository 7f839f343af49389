"""The grammar of minutes, for ``scripts/fuzz.py --mode grammar``: whole documents built from
real line kinds in random combinations, and a minimiser for the inputs that fail.

Every line is drawn from a *kind* (header title, date, place, participant list or line,
absence, TOC heading or entry, item heading, case number, block heading, recommendation,
decision, attachment, TAB or space-aligned table row, amount, date sentence, prose, web noise,
blank), either taken from the seeds' own lines of that kind or constructed from a form
("Fraværende: {name}, {party} ({reason})"). A document is a header, maybe a TOC, and items made
of blocks whose bodies mix the body kinds; one in five is a plain random sequence of kinds.
Each line keeps its kind (``Line.kind``, e.g. "absence:label-colon"), so a failure is named by
the kind of the line that was dropped and a minimal reproducer is a short list of kinds.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXTS = [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/seeds").glob("*.txt"))
]
SEED_WORDS = sorted({word for text in SEED_TEXTS for word in text.split()})

FIRST = ["Ib", "Bo", "Mette", "Stephanie", "Anders", "Kristine", "Søren", "Åse", "Jens Peter"]
LAST = ["Libergren", "Lose", "Kühnau", "Lindeneg Drejø", "Møller", "Ærø-Hansen", "Høg Poulsen"]
PARTIES = ["V", "A", "F", "Ø", "C", "B", "O"]
ORGS = ["Billund Kommune", "PLO-Midtjylland", "Region Nordjylland", "Aarhus Kommune"]
TITLES = ["borgmester", "regionsrådsmedlem", "Direktør i Region Nordjylland", "sundhedschef"]
REASONS = ["afbud", "orlov", "fravær", "syg", "forfald"]
BODIES = ["Sundhedsklynge Sydvestjylland", "Aarhusklyngen", "Direktørforum", "Horsensklyngen"]
SUBJECTS = ["Godkendelse af dagsorden", "Status på indsatser", "Budget 2025", "Eventuelt",
            "Temadrøftelse om akutområdet", "Orientering: Klyngemidler"]  # fmt: skip
BLOCKS = ["Resumé", "Resume", "Sagsfremstilling", "Indstilling", "Beslutning", "Bilag",
          "Sammenfatning", "Forslag til beslutning", "Økonomiske konsekvenser", "Baggrund"]  # fmt: skip
MONTHS = ["januar", "marts", "maj", "juni", "september", "december"]


def _name(rng: random.Random) -> str:
    return rng.choice(FIRST) if rng.random() < 0.25 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _person(rng: random.Random) -> str:
    form = rng.randrange(4)
    if form == 0:
        return f"{_name(rng)}, {rng.choice(PARTIES)}"
    if form == 1:
        return f"{_name(rng)}, {rng.choice(ORGS)}"
    if form == 2:
        return f"{_name(rng)}, {rng.choice(TITLES)} ({rng.choice(PARTIES)})"
    return _name(rng)


def _date(rng: random.Random) -> str:
    day, year = rng.randrange(1, 29), rng.randrange(2019, 2026)
    if rng.random() < 0.5:
        return f"{day:02d}-{rng.randrange(1, 13):02d}-{year}"
    return f"{day}. {rng.choice(MONTHS)} {year}"


def _amount(rng: random.Random) -> str:
    return rng.choice([
        f"{rng.randrange(1, 999)}.{rng.randrange(1000):03d} kr.", f"{rng.randrange(1, 99)},5 mio. kr.",
        f"kr. {rng.randrange(1, 99)}.000", f"{rng.randrange(1, 999)} t.kr.", "1.000,- kr.",
    ])  # fmt: skip


Form = Callable[[random.Random], str]
# kind -> its constructed forms (form name -> generator). A kind's seed lines are added below.
FORMS: dict[str, dict[str, Form]] = {
    "title": {
        "referat": lambda r: f"REFERAT {r.choice(BODIES)} d. {_date(r)}",
        "dagsorden": lambda r: f"Dagsorden for møde i {r.choice(BODIES)}",
        "plain": lambda r: r.choice(["Referat", "Dagsorden", "Beslutningsreferat", "Mødereferat"]),
    },
    "date": {
        "label": lambda r: f"Mødedato {r.choice(['Onsdag', 'Torsdag'])} d. {_date(r)} kl. 14:00",
        "colon": lambda r: f"Dato: {_date(r)}",
        "time": lambda r: f"Tid: kl. {r.randrange(8, 17)}.00-{r.randrange(12, 20)}.00",
    },
    "place": {
        "label": lambda r: "Mødested Auditoriet, Haraldsgade 12, 6700 Esbjerg",
        "colon": lambda r: f"Sted: {r.choice(['Regionshuset', 'Mødelokale D', 'Teams'])}",
    },
    "participants": {
        "inline": lambda r: (
            "Mødedeltagere " + ", ".join(_person(r) for _ in range(r.randrange(1, 6)))
        ),
        "heading": lambda r: r.choice(
            ["Mødedeltagere:", "Deltagere:", "Til stede:", "Direktørforum:"]
        ),
        "afbud-heading": lambda r: r.choice(["Afbud fra:", "Afbud:", "Fraværende:"]),
    },
    "person": {"line": _person},
    "absence": {
        "label": lambda r: f"Fraværende {_name(r)}, {r.choice(PARTIES)} ({r.choice(REASONS)})",
        "label-colon": lambda r: (
            f"Fraværende: {_name(r)}, {r.choice(PARTIES)} ({r.choice(REASONS)})"
        ),
        "afbud": lambda r: f"Afbud: {_name(r)}",
        "several": lambda r: f"Fraværende: {_name(r)} og {_name(r)}",
        "one-word": lambda r: (
            f"{r.choice(['Fraværende:', 'Afbud:', 'Fravær:'])} {r.choice(FIRST[:4])}"
        ),
    },
    "toc-heading": {"plain": lambda r: r.choice(["Indholdsfortegnelse", "Indhold"])},
    "toc-entry": {
        "dots-tab": lambda r: f"{r.choice(SUBJECTS)}.....\t{r.randrange(2, 30)}",
        "tab": lambda r: f"{r.choice(SUBJECTS)}\t{r.randrange(2, 30)}",
        "numbered": lambda r: (
            f"{r.randrange(1, 9)}. {r.choice(SUBJECTS)} ...... {r.randrange(2, 30)}"
        ),
    },
    "item": {
        "punkt": lambda r: f"Punkt {r.randrange(1, 12)}: {r.choice(SUBJECTS)}",
        "number": lambda r: f"{r.randrange(1, 12)}. {r.choice(SUBJECTS)}",
        "pkt": lambda r: f"Pkt. {r.randrange(1, 12)} {r.choice(SUBJECTS)}",
        "upper": lambda r: f"PUNKT {r.randrange(1, 12)}: {r.choice(SUBJECTS).upper()}",
    },
    "case": {
        "slash": lambda r: f"{r.randrange(10, 25)}/{r.randrange(10000, 99999)}",
        "label": lambda r: "Sagnr.: 1-31-72-446-22",
    },
    "block": {
        "plain": lambda r: r.choice(BLOCKS),
        "colon": lambda r: r.choice(BLOCKS) + ":",
        "upper": lambda r: r.choice(BLOCKS).upper(),
        "decision-of": lambda r: f"Beslutning i {r.choice(BODIES)} den {_date(r)}",
    },
    "recommendation": {
        "opener": lambda r: "Det indstilles, at det politiske niveau:",
        "inline": lambda r: (
            f"Det indstilles, at {r.choice(['sagen godkendes', 'orienteringen tages til efterretning'])}."
        ),
        "bullet": lambda r: (
            f"- {r.choice(['Godkender', 'Drøfter', 'Tager orienteringen til efterretning'])} {r.choice(SUBJECTS).lower()}"
        ),
        "at": lambda r: f"at {r.choice(['budgettet godkendes', 'sagen drøftes'])}",
        "numbered": lambda r: (
            f"{r.randrange(1, 4)}. at {r.choice(['budgettet godkendes', 'sagen drøftes'])}"
        ),
    },
    "decision": {
        "plain": lambda r: r.choice(
            [
                "Godkendt.",
                "Taget til efterretning.",
                "Sagen blev udsat.",
                "Indstillingen blev fulgt.",
                "Intet at bemærke.",
                "Drøftet.",
            ]
        ),
        "at-points": lambda r: "Indstillingens 1. at-punkt godkendt, 2. at-punkt udsat.",
        "votes": lambda r: (
            f"Godkendt med {r.randrange(1, 9)} stemmer for og {r.randrange(0, 5)} imod."
        ),
    },
    "attachment": {
        "label": lambda r: f"Bilag: {r.choice(SUBJECTS)}.pdf",
        "numbered": lambda r: f"Bilag {r.randrange(1, 5)} - {r.choice(SUBJECTS)}",
        "bullet": lambda r: f"- {r.choice(SUBJECTS)}.pdf",
    },
    "table": {
        "tab-header": lambda r: "Aktivitet\tUdgifter kommuner\tUdgifter region",
        "tab-row": lambda r: f"{r.choice(SUBJECTS)}\t{_amount(r)}\t{_amount(r)}",
        "tab-total": lambda r: f"I alt\t{_amount(r)}\t{_amount(r)}",
        "space-header": lambda r: "Post            2024        2025",
        "space-row": lambda r: (
            f"Løn {r.randrange(10, 99)}          {r.randrange(1, 9)}.500       {r.randrange(1, 9)}.000"
        ),
    },
    "amount": {
        "afsat": lambda r: f"Der er afsat {_amount(r)} til indsatsen i {r.randrange(2020, 2026)}.",
        "percent": lambda r: (
            f"Fordelingen er {r.randrange(10, 90)} % til regionen og resten til kommunerne."
        ),
        "promise": lambda r: "Økonomien fremgår af nedenstående tabel.",
    },
    "date-sentence": {"plain": lambda r: f"Mødet holdes den {_date(r)} kl. 10:00."},
    "prose": {
        "sentence": lambda r: f"{r.choice(BODIES)} drøftede {r.choice(SUBJECTS).lower()} på mødet.",
        "heading-like": lambda r: r.choice(
            ["PROCES", "ØKONOMI", "Baggrund for sagen", "Eventuelt"]
        ),
        "long": lambda r: " ".join(r.choice(SEED_WORDS) for _ in range(r.randrange(50, 400))),
    },
    "noise": {"web": lambda r: r.choice(["Tilbage til toppen", "Abonnér", "<br>", "**", "Print"])},
    "blank": {"blank": lambda r: ""},
}

# Seed lines by kind, recognised by their start (the rest of a seed's lines are prose).
_SEED_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("title", re.compile(r"^(?:REFERAT|DAGSORDEN|Referat|Dagsorden)\b")),
    ("date", re.compile(r"^(?:Mødedato|Dato|Tid)\b")),
    ("place", re.compile(r"^(?:Mødested|Sted)\b")),
    ("participants", re.compile(r"^(?:Mødedeltagere|Deltagere|Afbud fra|Direktørforum|Chefforum)")),
    ("absence", re.compile(r"^(?:Fraværende|Fravær|Afbud)\b")),
    ("toc-heading", re.compile(r"^Indholdsfortegnelse$")),
    ("toc-entry", re.compile(r"\.{3,}\t\d+$")),
    ("item", re.compile(r"^(?:Punkt \d+|\d{1,2}\. )")),
    ("case", re.compile(r"^(?:\d{2}/\d{4,}|Sagnr\.|\d-\d\d-\d\d-)")),
    (
        "block",
        re.compile(r"^(?:Resum[eé]|Sagsfremstilling|Indstilling|Beslutning|Bilag)\b.{0,60}$"),
    ),
    ("recommendation", re.compile(r"^(?:Det indstilles|- )")),
    ("table", re.compile(r"\t")),
    ("amount", re.compile(r"\d kr\.|mio\. kr|%")),
    ("person", re.compile(r"^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+.{0,40}, ")),
]


def _seed_lines() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for text in SEED_TEXTS:
        for line in text.split("\n"):
            line = line.strip()
            if not line:
                continue
            kind = next((k for k, pattern in _SEED_KINDS if pattern.search(line)), "prose")
            pools.setdefault(kind, []).append(line)
    return pools


SEED_LINES = _seed_lines()
BODY_KINDS = ["prose", "prose", "prose", "recommendation", "decision", "attachment", "table",
              "amount", "date-sentence", "absence", "person", "blank", "blank", "noise"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Line:
    kind: str  # "kind:form", e.g. "absence:one-word", "prose:seed"
    text: str


def draw(kind: str, rng: random.Random) -> Line:
    """One line of ``kind``: a seed's own line of that kind (half the time) or a constructed form."""
    seeds = SEED_LINES.get(kind)
    if seeds and rng.random() < 0.5:
        return Line(f"{kind}:seed", rng.choice(seeds))
    form = rng.choice(sorted(FORMS[kind]))
    return Line(f"{kind}:{form}", FORMS[kind][form](rng))


def document(rng: random.Random) -> list[Line]:
    """A random document: header, maybe a TOC, items of blocks; or a random run of kinds."""
    if rng.random() < 0.2:
        return [draw(rng.choice(sorted(FORMS)), rng) for _ in range(rng.randrange(1, 40))]
    lines = [draw("title", rng)]
    for kind in rng.sample(["date", "place", "participants", "blank"], rng.randrange(0, 5)):
        lines.append(draw(kind, rng))
        if kind == "participants":
            lines += [draw("person", rng) for _ in range(rng.randrange(0, 4))]
    if rng.random() < 0.4:
        lines.append(draw("toc-heading", rng))
        lines += [draw("toc-entry", rng) for _ in range(rng.randrange(1, 6))]
    for _ in range(rng.randrange(0, 6)):
        lines.append(draw("item", rng))
        if rng.random() < 0.4:
            lines.append(draw("case", rng))
        for _ in range(rng.randrange(0, 5)):
            if rng.random() < 0.8:
                lines.append(draw("block", rng))
            lines += [draw(rng.choice(BODY_KINDS), rng) for _ in range(rng.randrange(0, 5))]
    return lines


def text_of(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines) + "\n"


def minimise(lines: list[Line], fails: Callable[[list[Line]], bool]) -> list[Line]:
    """The smallest list of lines that still fails: remove chunks of halving size, then single
    lines until none can go."""
    size = max(1, len(lines) // 2)
    while True:
        k, removed = 0, False
        while k < len(lines):
            trial = lines[:k] + lines[k + size :]
            if trial and fails(trial):
                lines, removed = trial, True
            else:
                k += size
        if size > 1:
            size //= 2
        elif not removed:
            return lines


def printf(lines: list[Line]) -> str:
    """A shell command that writes the reproducer: printf '5. Emne 5\\nSagsfremstilling:\\n'."""
    body = text_of(lines).replace("\\", "\\\\").replace("'", "'\\''").replace("%", "%%")
    return "printf '" + body.replace("\t", "\\t").replace("\n", "\\n") + "'"
