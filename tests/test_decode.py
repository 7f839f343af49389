from __future__ import annotations

import pytest

from referat_parser.diagnostics import Diagnostics
from referat_parser.errors import InputError
from referat_parser.read.decode import decode, normalise

TEXT = "Mødedato Onsdag d. 17. maj 2023 – Fraværende: Søren Ærø\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("–", "-").encode("latin-1"), "latin-1"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, used = decode(data, Diagnostics())
    assert used == encoding
    assert "Søren Ærø" in text and "Mødedato" in text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"%\x00\x01\x02binary", Diagnostics())


def test_explicit_encoding_wins_and_bad_names_are_input_errors() -> None:
    assert decode("Ø".encode("latin-1"), Diagnostics(), "latin-1") == ("Ø", "latin-1")
    with pytest.raises(InputError):
        decode(b"x", Diagnostics(), "no-such-codec")


def test_normalise_invisible_characters_and_line_ends() -> None:
    raw = "Resumé\u00a0\r\nsund\u00adheds\u200bvæsen\rTab\there\f"
    assert normalise(raw) == "Resumé \nsundhedsvæsen\nTab\there\f"
