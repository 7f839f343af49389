"""Write ``fixtures/perturbed/<seed>.<variant>.txt``: each seed as it arrives in the wild.

Variants (deterministic; rerun after changing a seed):
  utf8-bom   UTF-8 with a byte-order mark          utf16     UTF-16 with a BOM
  utf16le    UTF-16-LE without a BOM               utf16be   UTF-16-BE without a BOM
  cp1252     Windows-1252                          latin1    ISO-8859-1 ("–" as "-", "”" as '"')
  cp865      DOS Danish (as Latin-1, "§" as "par.")  cp850   DOS Western Europe (as Latin-1)
  macroman   old Mac OS Roman (every seed character)
  crlf       Windows line ends                     cr        old Mac line ends
  paged      pdftotext-style: a form feed every ~40 lines, a running header line repeating the
             title at the top of each page and a "Side N af M" footer at the bottom
  nbsp       non-breaking spaces for some spaces, soft hyphens and zero-width spaces inside
             words, trailing blanks, tabs as spaces at line starts, runs of blank lines
``tests/test_perturbed.py`` checks each gives the clean seed's facts.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "perturbed"


# What a Latin-1 export does with the seeds' only characters outside Latin-1; cp850 lacks the
# same three, and cp865 also "§".
LATIN1_FALLBACK = str.maketrans({"–": "-", "”": '"', "•": "·"})
CP865_FALLBACK = str.maketrans({"–": "-", "”": '"', "•": "·", "§": "par."})
# The text each variant can print: what an export to that encoding keeps of the seed.
PRINTABLE = {
    "latin1": lambda text: text.translate(LATIN1_FALLBACK),
    "cp850": lambda text: text.translate(LATIN1_FALLBACK),
    "cp865": lambda text: text.translate(CP865_FALLBACK),
}


def printable(text: str, variant: str) -> str:
    """The seed's text as ``variant`` can print it (unchanged for most variants)."""
    keep = PRINTABLE.get(variant)
    return keep(text) if keep else text


def paged(text: str) -> str:
    lines = text.split("\n")
    header = next(line.strip() for line in lines if line.strip())
    size = 40
    pages = [lines[k : k + size] for k in range(0, len(lines), size)]
    out = []
    for n, page in enumerate(pages, start=1):
        top = [] if n == 1 else [header, ""]
        out.append("\n".join([*top, *page, "", f"Side {n} af {len(pages)}"]))
    return "\f".join(out)


def nbsp(text: str, rng: random.Random) -> str:
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        for k, word in enumerate(words):
            if len(word) > 8 and word.isalpha() and rng.random() < 0.3:
                cut = rng.randrange(3, len(word) - 3)
                words[k] = word[:cut] + rng.choice(["\u00ad", "\u200b"]) + word[cut:]
        line = "".join(w + (rng.choice([" ", "\u00a0"]) if i < len(words) - 1 else "")
                       for i, w in enumerate(words))  # fmt: skip
        if line and rng.random() < 0.2:
            line += " " * rng.randrange(1, 4)
        if not line.strip() and rng.random() < 0.3:
            line = "\n\n"
        out.append(line)
    return "\n".join(out)


def variants(text: str, rng: random.Random) -> dict[str, bytes]:
    return {
        "utf8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16": text.encode("utf-16"),
        "cp1252": text.encode("cp1252"),
        "latin1": printable(text, "latin1").encode("latin-1"),
        "utf16le": text.encode("utf-16-le"),
        "utf16be": text.encode("utf-16-be"),
        "cp865": printable(text, "cp865").encode("cp865"),
        "cp850": printable(text, "cp850").encode("cp850"),
        "macroman": text.encode("mac_roman"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "cr": text.replace("\n", "\r").encode("utf-8"),
        "paged": paged(text).encode("utf-8"),
        "nbsp": nbsp(text, rng).encode("utf-8"),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        rng = random.Random(seed.name)
        for name, data in variants(seed.read_text(encoding="utf-8"), rng).items():
            (OUT / f"{seed.stem}.{name}.txt").write_bytes(data)


if __name__ == "__main__":
    main()
