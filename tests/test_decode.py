from __future__ import annotations

import pytest

from conftest import seed, shared
from referat_parser import parse_bytes, parse_file
from referat_parser.diagnostics import Diagnostics
from referat_parser.errors import InputError
from referat_parser.read.charsets import best_code_page, plausibility, utf16_without_bom
from referat_parser.read.decode import decode, normalise

TEXT = "Mødedato Onsdag d. 17. maj 2023 – Fraværende: Søren Ærø\n"
# What DOS and Mac code pages can print of TEXT (no "–" in cp865/cp850).
DOS_TEXT = TEXT.replace("–", "-")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig", id="utf-8-sig"),
        pytest.param(TEXT.encode("utf-16"), "utf-16", id="utf-16"),
        pytest.param(TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("cp1252"), "cp1252", id="cp1252"),
        pytest.param(DOS_TEXT.encode("latin-1"), "latin-1", id="latin-1"),
        pytest.param(DOS_TEXT.encode("cp865"), "cp865", id="cp865"),
        # "§" is where cp850 differs from cp865
        pytest.param((DOS_TEXT + "§ 17\n").encode("cp850"), "cp850", id="cp850"),
        pytest.param(TEXT.encode("mac_roman"), "mac_roman", id="mac_roman"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    diags = Diagnostics()
    text, used = decode(data, diags)
    assert used == encoding
    assert "Søren Ærø" in text and "Mødedato" in text and "Fraværende" in text
    assert "encoding-uncertain" not in [d.code for d in diags.items]


@pytest.mark.parametrize("encoding", ["cp865", "mac_roman"])
def test_a_dos_or_mac_seed_keeps_its_facts(encoding: str) -> None:
    """Issue 19: seed 000 saved as cp865 or mac_roman was read as cp1252: location null, 0 of
    11 participants."""
    clean = parse_file(seed("000"))
    text = seed("000").read_text(encoding="utf-8").replace("–", "-").replace("”", '"')
    doc = parse_bytes(text.replace("•", "·").encode(encoding))
    assert doc.source.encoding == encoding
    assert doc.location == clean.location == "Auditoriet, Haraldsgade 12, 6700 Esbjerg"
    assert [p.name for p in doc.participants] == [p.name for p in clean.participants]
    assert len(doc.participants) == 11


def test_each_wrong_reading_of_danish_scores_below_the_right_one() -> None:
    right = plausibility("Søren Ærø på mødet")
    assert right == 2 * 5  # ø, Æ, ø, å, ø inside words
    for wrong in ("S›ren ’r› p† m›det", "S¿ren Æ¯r¯ pŒ m¿det", "S\x9bren \x92r\x9b p\x86 m\x9bdet"):
        assert plausibility(wrong) < 0, wrong
    assert plausibility("╞r° p┼ mσdet") < 0  # cp865 reading Latin-1 bytes


# What each code page cannot print of the corpus, as an export would write it instead.
_FALLBACK = str.maketrans({"–": "-", "”": '"', "“": '"', "’": "'", "•": "*", "►": ">", "´": "'"})


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "cp865", "cp850", "mac_roman"])
def test_the_corpus_in_every_code_page_reads_right(encoding: str) -> None:
    """Each corpus document saved in the code page decodes to its own text (or to a reading
    that is the same text: cp865 for cp850 without "§")."""
    docs = sorted(shared("corpus", "docs").glob("*.txt"))
    assert len(docs) >= 20
    for path in docs:
        text = path.read_text(encoding="utf-8").translate(_FALLBACK)
        if encoding == "cp865":
            text = text.replace("§", "par.")
        data = text.encode(encoding, errors="replace")
        diags = Diagnostics()
        got, used = decode(data, diags)
        assert got == data.decode(encoding, errors="replace"), (path.name, used)
        assert "encoding-uncertain" not in [d.code for d in diags.items], path.name


def test_close_readings_warn_and_name_the_runner_up() -> None:
    """ "Resumé" alone: Latin-1 "Resumé", cp865 "ResumΘ", mac_roman "ResumÈ"; no Danish letter
    decides, so the first candidate is named and the warning says which other one is close."""
    assert best_code_page("Resumé\n".encode("latin-1")).runner_up == "cp865"
    diags = Diagnostics()
    text, used = decode("Resumé\n".encode("latin-1"), diags)
    assert (text, used) == ("Resumé\n", "latin-1")
    assert [d.code for d in diags.items] == ["encoding-fallback", "encoding-uncertain"]
    assert "cp865 reads almost as well" in diags.items[1].message
    assert best_code_page(DOS_TEXT.encode("cp865")).runner_up is None


def test_readings_that_give_the_same_text_are_not_rivals() -> None:
    """Without "§", cp850 and cp865 agree on every letter of a Danish text: no warning."""
    verdict = best_code_page(DOS_TEXT.encode("cp850"))
    assert verdict == best_code_page(DOS_TEXT.encode("cp865"))
    assert (verdict.encoding, verdict.runner_up) == ("cp865", None)


def test_utf16_without_bom_needs_nul_bytes_at_one_parity() -> None:
    assert utf16_without_bom("Søren Ærø".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("Søren Ærø".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"\x00\x00\x01\x00\x00\x02PNG\x00\x00") is None  # both parities
    assert utf16_without_bom("\x01\x02\x03\x04".encode("utf-16-le")) is None  # controls


def test_truncated_utf16_without_bom_keeps_its_text() -> None:
    diags = Diagnostics()
    text, used = decode(TEXT.encode("utf-16-le") + b"x", diags)
    assert used == "utf-16-le" and text == TEXT + "\ufffd"
    assert [d.code for d in diags.items] == ["encoding-fallback", "decode-replaced"]


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"%\x00\x01\x02binary", Diagnostics())


def test_explicit_encoding_wins_and_bad_names_are_input_errors() -> None:
    assert decode("Ø".encode("latin-1"), Diagnostics(), "latin-1") == ("Ø", "latin-1")
    with pytest.raises(InputError):
        decode(b"x", Diagnostics(), "no-such-codec")


def test_stray_bytes_in_utf8_are_replaced_and_their_lines_named() -> None:
    """Issue 20 item 10: seed 000 plus 4 invalid bytes was decoded wholly as cp1252 (280
    æ/ø/å as "Ã¦"-style pairs). Now it stays UTF-8 and the bytes' lines are named."""
    clean = seed("000").read_text(encoding="utf-8")
    lines = clean.encode("utf-8").split(b"\n")
    lines[4] += b"\x96"  # a cp1252 dash pasted into line 5
    lines[40] = b"\xff\xfe" + lines[40] + b"\xe6"  # line 41
    diags = Diagnostics()
    text, used = decode(b"\n".join(lines), diags)
    assert used == "utf-8"
    assert text.count("æ") == clean.count("æ") and "Ã" not in text
    assert text.count("\ufffd") == 4
    assert [(d.code, d.line) for d in diags.items] == [
        ("utf8-stray-bytes", 5),
        ("utf8-stray-bytes", 41),
    ]
    assert [d.message for d in diags.items] == [
        f"{n} bytes on this line are not UTF-8 (the rest of the file is) and were replaced"
        for n in (1, 3)
    ]


def test_stray_byte_lines_follow_crlf_cr_and_pages() -> None:
    data = "Æble\r\nPære\rBlomme\fSide 2 æ\u2028ø ".encode() + b"\x80\nslut\xc3\n"
    diags = Diagnostics()
    text, used = decode(data, diags)
    assert used == "utf-8" and text.endswith("ø \ufffd\nslut\ufffd\n")
    assert [(d.line, d.page) for d in diags.items] == [(4, 2), (5, 2)]


def test_a_utf8_bom_file_names_its_stray_bytes_too() -> None:
    diags = Diagnostics()
    text, used = decode(b"\xef\xbb\xbfM\xc3\xb8de\n\xf8\n", diags)
    assert (text, used) == ("Møde\n\ufffd\n", "utf-8-sig")
    assert [(d.code, d.line) for d in diags.items] == [("utf8-stray-bytes", 2)]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        # one valid UTF-8 pair ("Å”" in cp1252 is C5 94, "Ŕ" in UTF-8) among invalid bytes
        pytest.param(
            "Århus: Åse, Ærø og Åbenrå Å” stævne\n".encode("cp1252"), "cp1252", id="cp1252"
        ),
        # as many valid characters as invalid bytes: UTF-8
        pytest.param("Æble".encode() + b"\xe6", "utf-8", id="one-to-one"),
        # nothing valid to keep: a code page
        pytest.param(b"plain ASCII \xe6 one byte\n", "latin-1", id="ascii-and-one-byte"),
    ],
)
def test_the_utf8_threshold(data: bytes, encoding: str) -> None:
    assert decode(data, Diagnostics())[1] == encoding


def test_normalise_invisible_characters_and_line_ends() -> None:
    raw = "Resumé\u00a0\r\nsund\u00adheds\u200bvæsen\rTab\there\f"
    assert normalise(raw) == "Resumé \nsundhedsvæsen\nTab\there\f"
