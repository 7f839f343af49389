"""``make fuzz``: throw many generated inputs at the parser and count crashes.

Three modes (``--mode``): ``text`` (also called ``mutate``: the default) damages real
documents; ``html`` damages the HTML fixtures; ``grammar`` builds new documents from the line
kinds of real minutes (``scripts/fuzz_grammar.py``).

``text``: a seeded mutational fuzzer (hypothesis-style generators at scale, no native
dependencies): each input is built from a random window of a seed, then mutated: lines deleted,
duplicated, swapped or shuffled, random bytes or Unicode (NBSP, soft hyphen, zero-width, form
feed, tabs, bullets, markup) inserted, lines truncated, encodings changed (UTF-16, cp1252, BOM),
or plain random bytes. Each input goes through ``parse_bytes`` (and its decoded text through
``parse_text``); the only accepted exception is a documented ``InputError`` (empty input, NUL
bytes). Every 50th input is also validated against the JSON Schema and checked for unplaced
lines (``tests/placement.py``). A crashing input is saved under ``--crashes`` and the run
exits 1. ``html`` works the same way on web pages (cut spans, inserted and unclosed tags).

``grammar``: documents of header, participant, absence, TOC, item, case, block,
recommendation, decision, attachment, table, amount, date and prose lines in random
combinations, drawn from the seeds' own lines and from constructed forms. Every input is
parsed (no exception), validated against the JSON Schema and checked for dropped lines. A
dropped line is a *placement failure*, grouped by the kind of the line dropped
("absence:one-word"); the run reports each group's count and a minimal reproducer (a
``printf`` command) and saves it under ``--crashes``. Crashes, schema and placement failures
make the run exit 1; none of them stops it.

    python scripts/fuzz.py --runs 100000 [--mode text|html|grammar] [--seed 1] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))
import fuzz_grammar as grammar  # beside this script, found through the path above

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


# --- grammar mode ---------------------------------------------------------------------------

# A placement failure: the group (the kind of a dropped line), the input's lines as
# (kind, text) pairs, and the dropped lines as (line number, text).
Placement = tuple[str, list[tuple[str, str]], list[tuple[int, str]]]


def grammar_check(lines: list[grammar.Line]) -> list[tuple[int, str]]:
    """Parse one generated document: raises on a crash or an invalid document; returns the
    lines no stage placed."""
    from placement import find_unplaced
    from referat_parser import parse_text

    text = grammar.text_of(lines)
    doc = parse_text(text)
    errors = list(_validator().iter_errors(json.loads(doc.model_dump_json(by_alias=True))))
    if errors:
        raise SchemaError(errors[0].message)
    return find_unplaced(text, doc)


class SchemaError(Exception):
    """The document does not validate against the published schema."""


def _groups(lines: list[grammar.Line], missing: list[tuple[int, str]]) -> set[str]:
    """The kinds of the dropped lines (the group a placement failure is counted under)."""
    return {lines[no - 1].kind if no <= len(lines) else "?" for no, _ in missing}


def run_grammar(args: tuple[int, int, str]) -> tuple[int, list[str], list[Placement], Counter[str]]:
    """Runs ``count`` generated documents from one seed; returns (runs, crash files, the first
    placement failure of each group, inputs per group: an input that drops lines of two kinds
    counts in both)."""
    seed, count, crash_dir = args
    rng = random.Random(seed)
    crashes: list[str] = []
    first: dict[str, Placement] = {}
    groups: Counter[str] = Counter()
    for n in range(count):
        lines = grammar.document(rng)
        try:
            missing = grammar_check(lines)
        except Exception:  # noqa: BLE001 - every crash is recorded, the run goes on
            data = grammar.text_of(lines).encode("utf-8")
            crashes.append(_save_crash(Path(crash_dir) / f"grammar-{seed}-{n}.bin", data))
            continue
        for group in sorted(_groups(lines, missing)):
            groups[group] += 1
            first.setdefault(group, (group, [(ln.kind, ln.text) for ln in lines], missing))
    return count, crashes, list(first.values()), groups


def _save_crash(target: Path, data: bytes) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    target.with_suffix(".txt").write_text(traceback.format_exc(), encoding="utf-8")
    return str(target)


def minimal_reproducer(failure: Placement) -> list[grammar.Line]:
    """The fewest lines of a failing input that still drop a line of the same kind."""
    group, pairs, _ = failure

    def fails(lines: list[grammar.Line]) -> bool:
        try:
            missing = grammar_check(lines)
        except Exception:  # noqa: BLE001 - a crash is another failure, not this one
            return False
        return any(lines[no - 1].kind == group for no, _ in missing if no <= len(lines))

    return grammar.minimise([grammar.Line(kind, text) for kind, text in pairs], fails)


def report_placement(
    failures: list[Placement], groups: Counter[str], crash_dir: str, shown: int = 10
) -> list[str]:
    """One paragraph per group (most frequent first): count, kinds and a printf reproducer;
    each reproducer is saved as ``placement-<group>.txt``. Returns the printed lines."""
    by_group = {f[0]: f for f in failures}
    out: list[str] = []
    for group, count in groups.most_common(shown):
        lines = minimal_reproducer(by_group[group])
        missing = grammar_check(lines)
        target = Path(crash_dir) / f"placement-{group.replace(':', '-')}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(grammar.text_of(lines), encoding="utf-8")
        out += [
            (
                f"  dropped {group}: {count} inputs; minimal reproducer "
                f"({' '.join(ln.kind for ln in lines)}), saved as {target}:"
            ),
            f"    {grammar.printf(lines)} | referat parse -",
            *(f"    line {no} is placed nowhere: {text!r}" for no, text in missing),
        ]
    return out


def main_grammar(args: argparse.Namespace) -> int:
    work = [(args.seed * 1_000_003 + k, n, args.crashes) for k, n in _chunks(args)]
    start = time.perf_counter()
    total, crashes, failures, groups = 0, [], [], Counter[str]()
    with mp.get_context("fork").Pool(max(1, args.jobs)) as pool:
        for count, found, placed, counted in pool.imap_unordered(run_grammar, work):
            total += count
            crashes.extend(found)
            failures.extend(placed)
            groups.update(counted)
    secs = time.perf_counter() - start
    print(
        f"fuzz grammar: {total} inputs in {secs:.1f} s ({total / secs:.0f}/s, {args.jobs} "
        f"processes), {len(crashes)} crashes or schema failures, {sum(groups.values())} "
        f"placement failures in {len(groups)} kinds of dropped line"
    )
    for path in sorted(crashes)[:10]:
        print(f"  {path}")
    for line in report_placement(failures, groups, args.crashes):
        print(line)
    return 1 if crashes or groups else 0


# --- command line ----------------------------------------------------------------------------


def _chunks(args: argparse.Namespace) -> list[tuple[int, int]]:
    """(chunk number, inputs) pairs: eight chunks per process, so the processes finish together."""
    chunks = max(1, args.jobs) * 8
    size = -(-args.runs // chunks)
    return [(k, min(size, args.runs - k * size)) for k in range(chunks) if args.runs - k * size > 0]


def main_mutational(args: argparse.Namespace) -> int:
    """The ``text`` and ``html`` modes."""
    work = [
        (args.seed * 1_000_003 + k, n, args.deep_every, args.crashes, args.mode)
        for k, n in _chunks(args)
    ]
    start = time.perf_counter()
    total, crashes = 0, []
    with mp.get_context("fork").Pool(max(1, args.jobs)) as pool:
        for count, found in pool.imap_unordered(run, work):
            total += count
            crashes.extend(found)
    secs = time.perf_counter() - start
    print(
        f"fuzz ({args.mode}): {total} inputs in {secs:.1f} s ({total / secs:.0f}/s, "
        f"{args.jobs} processes), {len(crashes)} crashes"
    )
    for path in sorted(crashes)[:10]:
        print(f"  {path}")
    return 1 if crashes else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=mp.cpu_count())
    parser.add_argument("--deep-every", type=int, default=50)
    parser.add_argument("--crashes", default=str(ROOT / ".fuzz-crashes"))
    parser.add_argument("--mode", choices=[*sorted(MODES), "grammar", "mutate"], default="text")
    args = parser.parse_args()
    if args.mode == "grammar":
        return main_grammar(args)
    args.mode = "text" if args.mode == "mutate" else args.mode
    return main_mutational(args)


if __name__ == "__main__":
    sys.exit(main())
