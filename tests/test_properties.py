"""Property tests (issue 7): for any text, ``parse_text`` returns a schema-valid ``Document``,
never raises, places every line (see ``placement.py`` for how that is checked) and gives the
same JSON twice; seeds with lines deleted, duplicated, shuffled or bytes inserted likewise."""

from __future__ import annotations

import json
import random
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS
from placement import find_unplaced
from referat_parser import parse_bytes, parse_text
from referat_parser.errors import InputError
from referat_parser.models import Document

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEED_LINES = sorted({ln for p in SEEDS for ln in p.read_text(encoding="utf-8").split("\n")})
# Characters that real exports contain and that rules look at.
SPECIAL = "\t\f\r\u00a0\u00ad\u200b\ufeff•–-·*#[]()<>&:;.,/%æøåÆØÅ0123456789"


@cache
def _validator() -> Any:
    schema = json.loads((ROOT / "schema" / "referat.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_document(text: str, doc: Document, again: Document) -> None:
    """Schema-valid, the same JSON when parsed again, and every line placed."""
    data = json.loads(doc.model_dump_json(by_alias=True))
    errors = sorted(_validator().iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert again.model_dump_json(by_alias=True) == doc.model_dump_json(by_alias=True)
    assert find_unplaced(text, doc) == []


texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(SPECIAL + "abcPunkt Beslutning\n"), max_size=400),
    st.lists(
        st.one_of(st.sampled_from(SEED_LINES), st.text(alphabet=SPECIAL + "ab ", max_size=30)),
        max_size=60,
    ).map("\n".join),
)


@SETTINGS
@given(texts)
def test_any_text_gives_a_valid_stable_complete_document(text: str) -> None:
    check_document(text, parse_text(text), parse_text(text))


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    seed = draw(st.sampled_from(SEEDS)).read_bytes()
    lines = seed.split(b"\n")
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        k = rng.randrange(len(lines))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "bytes"]))
        if op == "delete" and len(lines) > 1:
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        else:
            at = rng.randrange(len(lines[k]) + 1)
            lines[k] = lines[k][:at] + draw(st.binary(min_size=1, max_size=6)) + lines[k][at:]
    if draw(st.booleans()):
        rng.shuffle(lines)
    return b"\n".join(lines)


@SETTINGS
@given(mutated_seed())
def test_damaged_seeds_give_valid_stable_complete_documents(data: bytes) -> None:
    try:
        doc = parse_bytes(data)
    except InputError as exc:  # only the documented refusals
        assert "NUL bytes" in str(exc) or "empty input" in str(exc)
        return
    check_document(_decoded(data), doc, parse_bytes(data))


def _decoded(data: bytes) -> str:
    from referat_parser.diagnostics import Diagnostics
    from referat_parser.read.decode import decode

    return decode(data, Diagnostics(), None)[0]


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_every_seed_line_is_placed(seed: Any) -> None:
    text = seed.read_text(encoding="utf-8")
    assert find_unplaced(text, parse_text(text)) == []


def test_the_checker_notices_a_dropped_line() -> None:
    """The placement check can fail: a document whose unplaced text is hidden is caught."""
    text = "Statusrapport\n\nFørste afsnit.\n\nAndet afsnit.\n"
    doc = parse_text(text)
    hidden = doc.model_copy(update={"sections": [], "unplaced": []})
    assert find_unplaced(text, hidden) != []
