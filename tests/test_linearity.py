"""Parse time is linear in input size (issue 20 item 2), for every input shape we know of.

Each shape is built at 1x and at 10x its base size and parsed whole (``parse_text``: every
stage from normalise to validate; ``parse_bytes`` for the shapes that exercise ``decode``). The
10x input must take at most 20x the CPU time of the 1x input: a generous bound for linear work
(which grows 10x) that quadratic work (100x) cannot meet. No absolute time is asserted. CPU time
of this process (``time.process_time``) is measured, best of several runs, so other processes on
a shared machine do not count; a ratio over the bound is measured again (up to five times, best
time of each size) before it fails, and a ratio over 100x fails at once (so a quadratic stage
fails in seconds, not at the test timeout).

Shapes: the issue's space-aligned lines (8,000 lines of "Ord  ord" took 60 s); every run the
regex-safety test throws at the patterns (each pattern's own characters, digits, separators,
letters), as many short lines inside an item and as one long line; and documents with many
items, participants, absences, TOC entries, table rows, amounts, decisions, pages, long lines,
only newlines, and a seed repeated.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import pytest

from conftest import SEEDS
from referat_parser import parse_bytes, parse_text
from test_regex_safety import PATTERNS, RUNS, literal_run

GROWTH = 10
BOUND = 20  # 10x the input in at most 20x the time
CLEARLY_SUPERLINEAR = 100
ITEM = "Referat\nPunkt 1: Tekst\n"
RUN_CHARS = 20_000  # base size of the regex-safety runs


def _cpu_seconds(parse: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        parse()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(make: Callable[[int], Any], parse: Callable[[Any], object] | None = None) -> None:
    """``make(1)`` and ``make(10)`` (an input 10x the size) parse in time that grows linearly."""
    small, large = make(1), make(GROWTH)
    if parse is None:
        parse = parse_bytes if isinstance(small, bytes) else parse_text
    t_small = t_large = float("inf")
    # The test process's own objects (hypothesis, every module) out of the collector's sight:
    # a full collection walks every live object, which would charge the parse for pytest's heap.
    gc.freeze()
    try:
        for _ in range(5):  # the best time of each size so far: noise only ever adds time
            t_small = min(t_small, _cpu_seconds(lambda: parse(small), repeat=5))
            t_large = min(t_large, _cpu_seconds(lambda: parse(large), repeat=1))
            ratio = t_large / max(t_small, 1e-9)
            if ratio <= BOUND or ratio > CLEARLY_SUPERLINEAR:
                break
    finally:
        gc.unfreeze()
    assert ratio <= BOUND, (
        f"{GROWTH}x the input took {ratio:.0f}x the time "
        f"({len(small):,} -> {len(large):,} characters; {t_small:.4f} s -> {t_large:.4f} s)"
    )


def _short_lines(run: str, chars: int) -> str:
    """``run`` repeated into 60-character lines, ``chars`` characters in all."""
    line = (run * (60 // max(1, len(run)) + 1))[:60]
    return "\n".join([line] * (chars // (len(line) + 1)))


def _run_shapes() -> dict[str, Callable[[int], str]]:
    runs = dict.fromkeys([*(literal_run(p) for _, p in PATTERNS), *RUNS])
    shapes: dict[str, Callable[[int], str]] = {}
    for run in filter(None, runs):
        shapes[f"lines of {run!r}"] = lambda k, run=run: ITEM + _short_lines(run, RUN_CHARS * k)
        shapes[f"one line of {run!r}"] = lambda k, run=run: run * (RUN_CHARS * k // len(run))
    return shapes


def _seed(k: int) -> str:
    return "\n".join([SEEDS[0].read_text(encoding="utf-8")] * k)


DOCUMENT_SHAPES: dict[str, Callable[[int], str]] = {
    # issue 20 item 2: each failed space-aligned run was rescanned from every later line
    "space-aligned lines": lambda k: ITEM + "Ord  ord\n" * (500 * k),
    "space-aligned table": lambda k: (
        ITEM
        + "Post          2024      2025\n"
        + "".join(f"Løn {n:06d}    1.500     2.000\n" for n in range(300 * k))
    ),
    "misaligned space rows": lambda k: (
        ITEM
        + "Post      2024      2025\n"
        + "".join(f"Løn{' ' * (2 + n % 5)}1.500{' ' * (2 + n % 3)}2.000\n" for n in range(300 * k))
    ),
    "tab table rows": lambda k: (
        ITEM
        + "Aktivitet\tUdgifter kommuner\tUdgifter region\n"
        + "".join(f"Post {n}\t131.200 kr.\t{n}.000 kr.\n" for n in range(300 * k))
        + "I alt\t1.000 kr.\t2.000 kr.\n"
    ),
    "many items": lambda k: (
        "Referat\n"
        + "".join(
            f"Punkt {n}: Emne {n}\nSagsfremstilling\nTekst om emne {n}.\nIndstilling\n"
            f"Det indstilles, at sagen godkendes.\nBeslutning\nGodkendt.\n\n"
            for n in range(1, 100 * k + 1)
        )
    ),
    "many participants": lambda k: (
        "REFERAT Sundhedsklynge d. 17-05-2023\n\nMødedeltagere "
        + ", ".join(f"Person{n} Efternavn{n}, V" for n in range(200 * k))
        + "\n\nPunkt 1: Tekst\nBeslutning\nGodkendt.\n"
    ),
    "participant lines": lambda k: (
        "REFERAT Sundhedsklynge d. 17-05-2023\n\nDeltagere:\n"
        + "".join(f"Person{n} Efternavn{n}, Kommune {n}\n" for n in range(200 * k))
        + "\nPunkt 1: Tekst\nBeslutning\nGodkendt.\n"
    ),
    "many absences": lambda k: (
        "Referat\nMødedeltagere Ib Hansen, V, Bo Jensen, A\n"
        + "".join(
            f"Punkt {n}: Emne\nBeslutning\nGodkendt.\nFraværende Person{n} Efternavn, V (afbud)\n"
            for n in range(1, 100 * k + 1)
        )
    ),
    "many toc entries": lambda k: (
        "Referat\nIndholdsfortegnelse\n"
        + "".join(f"Emne nummer {n}.....\t{n + 2}\n" for n in range(1, 200 * k + 1))
        + "Punkt 1: Emne nummer 1\nTekst.\n"
    ),
    "many amounts": lambda k: (
        ITEM
        + "Der er afsat 1.293.000 kr. og 2,5 mio. kr. samt 40 % og kr. 50.000 til indsatsen.\n"
        * (200 * k)
    ),
    "many decisions": lambda k: (
        ITEM
        + "Beslutning\n"
        + "Indstillingens 1. at-punkt godkendt, 2. at-punkt udsat. For stemte 5 (A, F).\n"
        * (200 * k)
    ),
    "many pages": lambda k: (
        "Referat\nPunkt 1: Tekst\n"
        + "".join(
            f"Referat for mødet\n{'Tekst på siden. ' * 5}\n\nSide {n} af {50 * k}\f"
            for n in range(1, 50 * k + 1)
        )
    ),
    "long lines": lambda k: ITEM + " ".join(SEEDS[0].read_text(encoding="utf-8").split()) * k,
    "only newlines": lambda k: "\n" * (20_000 * k),
    "seed repeated": _seed,
}
SHAPES = {**DOCUMENT_SHAPES, **_run_shapes()}

# What arrives as bytes: decode's code-page scoring, stray-byte lines, UTF-16 without a BOM.
_DANISH = "Mødedeltagere Søren Ærø, Åse Østergaard: æbler og blåbær på mødet – kl. 14.\n"
BYTE_SHAPES: dict[str, Callable[[int], bytes]] = {
    "cp865 text": lambda k: (_DANISH.replace("–", "-") * (300 * k)).encode("cp865"),
    "mac_roman text": lambda k: (_DANISH * (300 * k)).encode("mac_roman"),
    "utf-8 with a stray byte a line": lambda k: (_DANISH.encode() + b"\x96") * (300 * k),
    "utf-16 without a BOM": lambda k: (_DANISH * (300 * k)).encode("utf-16-le"),
    "non-ascii runs": lambda k: bytes(range(128, 256)) * (150 * k),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_parse_time_is_linear(name: str) -> None:
    assert_linear(SHAPES[name])


@pytest.mark.parametrize("name", list(BYTE_SHAPES))
def test_decode_and_parse_time_is_linear(name: str) -> None:
    assert_linear(BYTE_SHAPES[name])


def test_the_check_notices_quadratic_time() -> None:
    """The bound can fail: work that grows with the square of the input is caught."""

    def quadratic(text: str) -> list[int]:
        return [text.count(c) for c in text]

    with pytest.raises(AssertionError, match="took"):
        assert_linear(lambda k: "x" * (1_000 * k), parse=quadratic)
