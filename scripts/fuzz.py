"""``make fuzz``: throw many generated inputs at the parser and count crashes.

A seeded mutational fuzzer (hypothesis-style generators at scale, no native dependencies):
each input is built from a random window of a seed, then mutated: lines deleted, duplicated,
swapped or shuffled, random bytes or Unicode (NBSP, soft hyphen, zero-width, form feed, tabs,
bullets, markup) inserted, lines truncated, encodings changed (UTF-16, cp1252, BOM), or plain
random bytes. Each input goes through ``parse_bytes`` (and its decoded text through
``parse_text``); the only accepted exception is a documented ``InputError`` (empty input, NUL
bytes). Every 50th input is also validated against the JSON Schema and checked for unplaced
lines (``tests/placement.py``). A crashing input is saved under ``--crashes`` and the run
exits 1.

    python scripts/fuzz.py --runs 100000 [--seed 1] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SEEDS = [p.read_bytes() for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
INSERTS = [
    "\u00a0", "\u00ad", "\u200b", "\ufeff", "\f", "\t", "\r", "•", "–", "·", "", "*", "**",
    "<br>", "<li>", "&amp;", "[x](#)", "Punkt 3:", "Beslutning", "Det indstilles, at",
    "Indholdsfortegnelse", "I alt\t1.000 kr.", "Mødedeltagere ", ", V", "(orlov)", "kr.",
    "1.293.000", "mio.", "%", "Fraværende ", "Sagnr.: ", "1. ", "a) ", "æøåÆØÅ", "\n\n",
]  # fmt: skip


def make_input(rng: random.Random) -> bytes:
    if rng.random() < 0.05:
        return rng.randbytes(rng.randrange(0, 400))
    lines = rng.choice(SEEDS).decode("utf-8").split("\n")
    start = rng.randrange(len(lines))
    lines = lines[start : start + rng.randrange(1, 120)]
    for _ in range(rng.randrange(0, 10)):
        if not lines:
            break
        k = rng.randrange(len(lines))
        op = rng.randrange(7)
        if op == 0:
            del lines[k]
        elif op == 1:
            lines.insert(k, lines[k])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == 3:
            at = rng.randrange(len(lines[k]) + 1)
            lines[k] = lines[k][:at] + rng.choice(INSERTS) + lines[k][at:]
        elif op == 4:
            lines[k] = lines[k][: rng.randrange(len(lines[k]) + 1)]
        elif op == 5:
            lines[k] = lines[k] * rng.randrange(2, 50)
        else:
            rng.shuffle(lines)
    return _encoded(rng, "\n".join(lines), 0.2)


def _encoded(rng: random.Random, text: str, noise: float) -> bytes:
    """The text in a random encoding; with probability ``noise``, random bytes inserted."""
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < noise:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.randbytes(rng.randrange(1, 8)) + data[at:]
    return data


PAGES = [p.read_bytes() for p in sorted((ROOT / "fixtures" / "html").glob("*.html"))]
HTML_INSERTS = [
    "<div>", "</div>", "<p>", "</p>", "<li>", "</ul>", "<table>", "</table>", "<tr>", "<td>",
    "</td>", "<th colspan=9999>", "<br>", "<br/>", "</br>", "<b>", "</b>", "<strong><p>", "<h2>",
    "</h3>", "<pre>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
    "<title>", "<textarea>", "<plaintext>", "<svg><p>", "<math>", "<template>", "<select>",
    "<p hidden>", "<div style='display:none'>", "<div class='cookie'>", "<nav>", "<header>",
    "<footer>", "<article>", "<main>", "&nbsp;", "&amp", "&#", "&#x0;", "&#99999999;", "&shy;",
    "\x00", "\t", "\r\n", "<meta charset='utf-16'>", "<meta charset=x-unknown>",
    "<html lang='en'>", "Punkt 3:", "I alt\t1.000 kr.", "<h1>Referat</h1>", "<",  ">", "\"", "'",
]  # fmt: skip


def make_html_input(rng: random.Random) -> bytes:
    if rng.random() < 0.03:
        return rng.randbytes(rng.randrange(0, 400))
    page = rng.choice(PAGES)
    if rng.random() < 0.5:  # a window: the page cut at both ends, often mid-tag
        start = rng.randrange(len(page))
        page = page[start : start + rng.randrange(200, 12_000)]
    text = page.decode("utf-8", errors="replace")
    for _ in range(rng.randrange(0, 12)):
        at = rng.randrange(len(text) + 1)
        op = rng.randrange(6)
        if op == 0:  # cut a span (tags lose their ends)
            text = text[:at] + text[at + rng.randrange(1, 200) :]
        elif op == 1:  # duplicate a span
            text = (
                text[:at] + text[at : at + rng.randrange(1, 400)] * rng.randrange(2, 30) + text[at:]
            )
        elif op == 2:  # insert markup
            text = text[:at] + rng.choice(HTML_INSERTS) + text[at:]
        elif op == 3:  # remove every closing tag of one kind
            tag = rng.choice(["p", "li", "td", "tr", "div", "table", "ul", "h2", "h3", "a"])
            text = text.replace(f"</{tag}>", "")
        elif op == 4:  # truncate
            text = text[:at]
        else:  # many of one tag left open
            text = (
                text[:at]
                + rng.choice(["<div>", "<b>", "<ul>", "<table>", "<li>"]) * rng.randrange(10, 300)
                + text[at:]
            )
    if rng.random() < 0.3:
        text = "<!DOCTYPE html>" + text
    return _encoded(rng, text, 0.1)


_HTML_REFUSALS = ("has no text", "empty input", "NUL bytes", "unclosed", "cannot decode")


def check_html(data: bytes, deep: bool) -> None:
    from referat_parser import parse_bytes, parse_text
    from referat_parser.errors import InputError

    try:
        doc = parse_bytes(data, format="html")
    except InputError as exc:
        if any(refusal in str(exc) for refusal in _HTML_REFUSALS):
            return
        raise
    if deep:
        from placement import find_unplaced
        from referat_parser.diagnostics import Diagnostics
        from referat_parser.read.html import read_html

        again = parse_bytes(data, format="html")
        assert again.model_dump_json() == doc.model_dump_json(), "not deterministic"
        errors = list(_validator().iter_errors(json.loads(doc.model_dump_json(by_alias=True))))
        assert not errors, errors[0].message
        lines = read_html(data, Diagnostics(), label="fuzz").lines
        text = "\n".join(ln.text for ln in lines)
        missing = find_unplaced(text, parse_text(text))
        assert not missing, f"unplaced lines {missing[:3]}"


def check(data: bytes, deep: bool) -> None:
    from referat_parser import parse_bytes, parse_text
    from referat_parser.errors import InputError

    try:
        doc = parse_bytes(data)
    except InputError as exc:
        if "NUL bytes" in str(exc) or "empty input" in str(exc):
            return
        raise
    if deep:
        from placement import find_unplaced
        from referat_parser.diagnostics import Diagnostics
        from referat_parser.read.decode import decode

        text = decode(data, Diagnostics(), None)[0]
        again = parse_text(text)
        errors = list(_validator().iter_errors(json.loads(doc.model_dump_json(by_alias=True))))
        assert not errors, errors[0].message
        missing = find_unplaced(text, again)
        assert not missing, f"unplaced lines {missing[:3]}"


_VALIDATOR: list[Any] = []


def _validator() -> Any:
    if not _VALIDATOR:
        import jsonschema

        schema = json.loads((ROOT / "schema" / "referat.schema.json").read_text(encoding="utf-8"))
        _VALIDATOR.append(jsonschema.Draft202012Validator(schema))
    return _VALIDATOR[0]


# mode -> (input maker, checker), looked up by name when a run starts (tests replace them)
MODES = {"text": ("make_input", "check"), "html": ("make_html_input", "check_html")}


def run(args: tuple[int, int, int, str] | tuple[int, int, int, str, str]) -> tuple[int, list[str]]:
    """Runs ``count`` inputs from one seed (in ``mode``, default text); returns (runs, crash
    files)."""
    seed, count, deep_every, crash_dir = args[:4]
    maker, checker = (globals()[name] for name in MODES[args[4] if len(args) > 4 else "text"])
    rng = random.Random(seed)
    crashes: list[str] = []
    for n in range(count):
        data = maker(rng)
        try:
            checker(data, deep=n % deep_every == 0)
        except Exception:  # noqa: BLE001 - every crash is recorded, the run goes on
            target = Path(crash_dir) / f"crash-{seed}-{n}.bin"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            target.with_suffix(".txt").write_text(traceback.format_exc(), encoding="utf-8")
            crashes.append(str(target))
    return count, crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=mp.cpu_count())
    parser.add_argument("--deep-every", type=int, default=50)
    parser.add_argument("--crashes", default=str(ROOT / ".fuzz-crashes"))
    parser.add_argument("--mode", choices=sorted(MODES), default="text")
    args = parser.parse_args()
    chunks = max(1, args.jobs) * 8
    size = -(-args.runs // chunks)
    work = [
        (
            args.seed * 1_000_003 + k,
            min(size, args.runs - k * size),
            args.deep_every,
            args.crashes,
            args.mode,
        )
        for k in range(chunks)
        if args.runs - k * size > 0
    ]
    start = time.perf_counter()
    total, crashes = 0, []
    with mp.get_context("fork").Pool(max(1, args.jobs)) as pool:
        for count, found in pool.imap_unordered(run, work):
            total += count
            crashes.extend(found)
    secs = time.perf_counter() - start
    print(
        f"fuzz ({args.mode}): {total} inputs in {secs:.1f} s ({total / secs:.0f}/s, {args.jobs} processes), "
        f"{len(crashes)} crashes"
    )
    for path in sorted(crashes)[:10]:
        print(f"  {path}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
