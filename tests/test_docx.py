"""DOCX input (issue 17): each seed as a Word file gives the seed's facts; styles, lists,
tables, tracked changes and comments; Word files that cannot be read are one clear line.

The files under fixtures/docx/ are made by ``scripts/make_docx.py`` with python-docx.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED_CASES, SEEDS, assert_script_remakes
from facts import facts
from referat_parser import parse_bytes, parse_file
from referat_parser.cli import app
from referat_parser.diagnostics import Diagnostics
from referat_parser.errors import InputError
from referat_parser.lines import LineStyle
from referat_parser.read.docx import read_docx

DOCX = ROOT / "fixtures" / "docx"
NAMES = [p.stem for p in SEEDS]


def _lines(path: Path) -> list[tuple[str, LineStyle | None]]:
    return [(ln.text, ln.style) for ln in read_docx(path.read_bytes(), Diagnostics(), label="t")]


@pytest.mark.parametrize("name", SEED_CASES)
def test_seed_word_file_gives_the_text_facts(name: str) -> None:
    doc = parse_file(DOCX / f"{name}.docx")
    assert doc.source.format == "docx" and doc.source.encoding is None
    got, want = facts(doc), facts(parse_file(SEEDS[NAMES.index(name)]))
    for key in want:  # field by field, so a failure names the field
        assert got[key] == want[key], key


def test_styles_become_levels_lists_bullets_and_tables_rows() -> None:
    lines = _lines(DOCX / f"{NAMES[0]}.docx")
    styled = {text: style for text, style in lines if style is not None}
    assert styled["REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023"].level == 0  # Title
    assert styled["Punkt 3: Udmøntning af klyngemidler til Kom Trygt Hjem"].level == 1
    assert styled["Indstilling"].level == 2  # "Heading 2"
    assert styled["Aktivitet\tUdgifter kommuner\tUdgifter region"] == LineStyle(bold=True)
    texts = [text for text, _ in lines]
    assert "• Godkender, at der udmøntes klyngemidler til Kom Trygt Hjem." in texts
    at = texts.index("Aktivitet\tUdgifter kommuner\tUdgifter region")
    assert texts[at + 5] == "I alt\t1.293.000 kr.\t581.400 kr."  # rows stay together
    assert texts[at - 1] == "" and texts[at + 6] == ""


def test_tracked_changes_are_read_as_accepted_and_comments_left_out() -> None:
    doc = parse_file(DOCX / "revisions.docx")
    assert [(it.number, it.title) for it in doc.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Budget for Kom Trygt Hjem"),  # numbered by Word itself ("List Number")
    ]
    decision = doc.items[1].decision
    assert decision is not None and decision.text == "Budgettet blev godkendt."  # inserted
    assert decision.outcome == "godkendt"
    dumped = doc.model_dump_json()
    assert "Sagen blev" not in dumped  # the deleted "Sagen blev udsat."
    assert "Husk at rette" not in dumped  # the comment
    messages = {d.code: d.message for d in doc.diagnostics}
    assert messages["docx-tracked-changes"] == (
        "tracked changes read as accepted: 1 insertions kept, 1 deletions dropped"
    )
    assert messages["docx-comments"] == "1 comments left out (comments are not content)"


def _docx(body: str, *, styles: str = "") -> bytes:
    """A minimal Word package around ``body`` (WordprocessingML inside ``<w:body>``)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>"
        )
        if styles:
            archive.writestr("word/styles.xml", f"<w:styles {ns}>{styles}</w:styles>")
    return out.getvalue()


def _texts(data: bytes) -> list[str]:
    return [ln.text for ln in read_docx(data, Diagnostics(), label="t")]


def test_line_breaks_tabs_field_codes_and_merged_cells() -> None:
    body = (
        "<w:p><w:r><w:t>Mødedato</w:t><w:br/><w:t>kl. 14:00</w:t></w:r></w:p>"
        "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>TOC \\o</w:instrText>"
        "</w:r><w:r><w:t>Eventuelt</w:t><w:tab/><w:t>10</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>Post</w:t></w:r>"
        "</w:p></w:tc><w:tc><w:p><w:r><w:t>Beløb</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>Løn</w:t></w:r></w:p><w:p><w:r><w:t>og drift</w:t></w:r></w:p>"
        "</w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>1.000 kr.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert _texts(_docx(body)) == [
        "Mødedato", "kl. 14:00", "", "Eventuelt\t10", "", "Post\t\tBeløb",
        "Løn og drift\t\t1.000 kr.",
    ]  # fmt: skip


def test_headings_through_based_on_styles_and_outline_levels() -> None:
    styles = (
        "<w:style w:styleId='Overskrift1'><w:name w:val='heading 1'/><w:rPr><w:b/></w:rPr></w:style>"
        "<w:style w:styleId='Punkt'><w:name w:val='Punkt'/><w:basedOn w:val='Overskrift1'/></w:style>"
        "<w:style w:styleId='Egen'><w:name w:val='Egen'/><w:pPr><w:outlineLvl w:val='2'/></w:pPr></w:style>"
        "<w:style w:styleId='Dansk2'><w:name w:val='Overskrift 2'/></w:style>"
        "<w:style w:styleId='DanskTitel'><w:name w:val='Titel'/></w:style>"
    )
    body = (
        "<w:p><w:pPr><w:pStyle w:val='Punkt'/></w:pPr><w:r><w:t>Punkt 1: Godkendelse</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='Egen'/></w:pPr><w:r><w:t>Beslutning</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Baggrund</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Med</w:t></w:r><w:r><w:t> fed</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='Dansk2'/></w:pPr><w:r><w:t>Indstilling</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='DanskTitel'/></w:pPr><w:r><w:t>Referat</w:t></w:r></w:p>"
    )
    lines = read_docx(_docx(body, styles=styles), Diagnostics(), label="t")
    assert [(ln.text, ln.style) for ln in lines if ln.text] == [
        ("Punkt 1: Godkendelse", LineStyle(level=1, bold=True)),
        ("Beslutning", LineStyle(level=3)),
        ("Baggrund", LineStyle(bold=True)),
        ("Med fed", None),
        ("Indstilling", LineStyle(level=2)),  # a template's own Danish-named styles
        ("Referat", LineStyle(level=0)),
    ]


def test_a_text_box_is_read_after_its_paragraph_and_fallbacks_once() -> None:
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>I boksen</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f"<w:p><w:r><w:t>Før</w:t></w:r><w:r><mc:AlternateContent {mc}><mc:Choice>{box}"
        f"</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    assert _texts(_docx(body)) == ["Før", "", "I boksen"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"REFERAT plain text with a .docx name\n",
            "not a Word document (.docx): not a zip archive",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a Word 97-2003 (.doc) or password"),
        (_docx("<w:p>").replace(b"<w:p>", b"<w:p><w:q>"), "not a readable Word document"),
        (_docx("<w:p><w:r><w:t> </w:t></w:r></w:p>"), "the Word document has no text"),
    ],
    ids=["not-a-zip", "doc-97", "broken-xml", "no-text"],
)
def test_bad_word_files_are_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    target = tmp_path / "bad.docx"
    target.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(message)):
        parse_file(target)
    result = CliRunner().invoke(app, ["parse", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"referat: error: {target}: {_first(result)}"]


def _first(result: Any) -> str:
    return str(result.stderr.strip().split(": ", 3)[-1])


def test_a_zip_without_a_document_and_a_truncated_file(tmp_path: Path) -> None:
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        parse_bytes(other.getvalue(), source="book.docx")
    whole = (DOCX / f"{NAMES[0]}.docx").read_bytes()
    with pytest.raises(InputError, match=r"not a (?:readable )?Word document"):
        parse_bytes(whole[: len(whole) // 2], source="cut.docx")


def test_word_files_are_detected_by_their_bytes_on_stdin() -> None:
    data = (DOCX / f"{NAMES[2]}.docx").read_bytes()
    result = CliRunner().invoke(app, ["parse", "-"], input=data)
    assert result.exit_code == 0, result.stderr
    assert '"format": "docx"' in result.stdout and '"Horsensklyngen"' in result.stdout


def test_docx_fixtures_are_the_ones_the_script_makes(tmp_path: Path) -> None:
    assert_script_remakes("make_docx", DOCX, "*.docx", tmp_path)
