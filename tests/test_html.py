"""HTML input (issue 17): each seed as a portal page gives the seed's facts; the reader's rules
one by one; broken markup; the corpus's structured sources rendered as pages score as their
text renderings do.

The pages under fixtures/html/ are made by ``scripts/make_html.py`` (navigation, a cookie
banner, scripts and styles, headings, bullet lists, tables, hidden elements, entities, one
page in Windows-1252).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED_CASES, SEEDS, assert_script_remakes, load_script, shared
from facts import facts
from referat_parser import parse_bytes, parse_file
from referat_parser.cli import app
from referat_parser.diagnostics import Diagnostics
from referat_parser.errors import InputError
from referat_parser.read.html import read_html

PAGES = ROOT / "fixtures" / "html"
NAMES = [p.stem for p in SEEDS]
REFERAT = str(Path(sys.executable).parent / "referat")


def _lines(html: str | bytes, **kwargs: Any) -> list[tuple[str, Any]]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return [(ln.text, ln.style) for ln in read_html(data, Diagnostics(), label="t", **kwargs).lines]


def _texts(html: str) -> list[str]:
    return [text for text, _ in _lines(html)]


@pytest.fixture(scope="module")
def text_facts() -> dict[str, dict[str, Any]]:
    return {p.stem: facts(parse_file(p)) for p in SEEDS}


@pytest.mark.parametrize("name", SEED_CASES)
def test_seed_page_gives_the_text_facts(name: str, text_facts: dict[str, dict[str, Any]]) -> None:
    doc = parse_file(PAGES / f"{name}.html")
    assert doc.source.format == "html" and doc.source.url is None
    got, want = facts(doc), text_facts[name]
    for key in want:  # field by field, so a failure names the field
        assert got[key] == want[key], key


def test_encodings_named_entities_and_meta_charset() -> None:
    assert parse_file(PAGES / f"{NAMES[1]}.html").source.encoding == "utf-8"  # æøå as entities
    cp1252 = parse_file(PAGES / f"{NAMES[2]}.html")
    assert cp1252.source.encoding == "windows-1252"
    assert cp1252.body == "Horsensklyngen"
    assert not [d for d in cp1252.diagnostics if d.code == "decode-replaced"]


def test_furniture_is_dropped_and_counted() -> None:
    doc = parse_file(PAGES / f"{NAMES[0]}.html")
    dumped = doc.model_dump_json()
    for furniture in (
        "Gå til indhold", "Vi bruger cookies", "Hovedmenu", "Forside", "Relaterede møder",
        "Skabelon", "skjulte", "Udskrevet fra", "Tilgængelighedserklæring", "dataLayer",
        "not markup", "★",
    ):  # fmt: skip
        assert furniture not in dumped, furniture
    [note] = [d for d in doc.diagnostics if d.code == "html-furniture-removed"]
    assert note.severity == "info"
    for kind in ("navigation", "hidden", "cookie banner", "page header/footer"):
        assert kind in note.message


def test_headings_bold_header_rows_and_tables_become_line_evidence() -> None:
    lines = _lines((PAGES / f"{NAMES[0]}.html").read_bytes())
    styled = {text: style for text, style in lines if style is not None}
    assert styled["REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023"].level == 1
    assert styled["Punkt 3: Udmøntning af klyngemidler til Kom Trygt Hjem"].level == 2
    assert styled["Indstilling"].level == 3
    assert styled["Aktivitet\tUdgifter kommuner\tUdgifter region"].bold
    texts = [text for text, _ in lines]
    assert "I alt\t1.293.000 kr.\t581.400 kr." in texts  # &nbsp;kr. decoded and normalised
    assert "• Godkender, at der udmøntes klyngemidler til Kom Trygt Hjem." in texts
    doc = parse_file(PAGES / f"{NAMES[0]}.html")
    budget = doc.items[2].tables[0]
    assert budget.total is not None and budget.totals_ok is True
    assert [str(v) for v in budget.total.values] == ["1293000", "581400"]


# --- the reader's rules, one by one -----------------------------------------------------------


def test_block_elements_lines_and_breaks() -> None:
    html = (
        "<h1>Referat</h1><div>Mødedato<br>kl. 14:00<br><br>Sted</div><p>Første <b>og</b>\nanden</p>"
    )
    assert _texts(html) == [
        "Referat",
        "",
        "Mødedato",
        "kl. 14:00",
        "",
        "Sted",
        "",
        "Første og anden",
    ]


def test_list_items_are_bullet_lines_even_with_paragraphs_inside() -> None:
    html = "<h1>x</h1><ul><li>Et</li><li><p>To</p></li></ul><ol><li>Tre</li></ol><p>Slut</p>"
    assert _texts(html) == ["x", "", "• Et", "• To", "", "• Tre", "", "Slut"]


def test_bold_only_when_the_whole_line_is_bold() -> None:
    lines = _lines("<h1>x</h1><p><strong>Baggrund</strong></p><p>Med <b>fed</b> tekst</p>")
    assert lines[2] == ("Baggrund", _bold())
    assert lines[4] == ("Med fed tekst", None)


def _bold() -> Any:
    from referat_parser.lines import LineStyle

    return LineStyle(bold=True)


def test_data_table_rows_cells_colspan_and_cell_breaks() -> None:
    html = (
        "<h1>x</h1><table><thead><tr><th>Post</th><th colspan='2'>Beløb</th></tr></thead>"
        "<tbody><tr><td>Løn<br>og drift</td><td>1.000 kr.</td><td>2.000 kr.</td></tr>"
        "<tr><td></td><td></td><td></td></tr></tbody></table><p>Efter</p>"
    )
    assert _texts(html) == [
        "x",
        "",
        "Post\t\tBeløb",
        "Løn og drift\t1.000 kr.\t2.000 kr.",
        "",
        "Efter",
    ]


def test_layout_tables_are_read_as_blocks() -> None:
    html = (
        "<h1>x</h1><table><tr><td><h2>Punkt 1: Godkendelse</h2><p>Tekst</p></td>"
        "<td>Menu</td></tr></table><table><tr><td>Enkelt kolonne</td></tr></table>"
    )
    assert _texts(html) == [
        "x",
        "",
        "Punkt 1: Godkendelse",
        "",
        "Tekst",
        "",
        "Menu",
        "",
        "Enkelt kolonne",
    ]


def test_hidden_elements_and_banners_are_dropped_but_content_roots_never() -> None:
    html = (
        "<body class='cookie-consent-given'><h1>x</h1><p hidden>a</p>"
        "<p style='DISPLAY: none'>b</p><p aria-hidden='true'>c</p><div class='cookiebar'>d</div>"
        "<p>synlig <span style='display:none'>skjult</span>tekst</p></body>"
    )
    assert _texts(html) == ["x", "", "synlig tekst"]


def test_header_and_footer_inside_the_article_are_content() -> None:
    html = (
        "<header>Logo</header><main><article><header><h1>Referat Byrådet</h1></header>"
        "<p>Tekst</p><footer>Godkendt af formanden</footer></article></main><footer>Kontakt</footer>"
    )
    assert _texts(html) == ["Referat Byrådet", "", "Tekst", "", "Godkendt af formanden"]


def test_pre_keeps_its_lines_and_tabs() -> None:
    html = "<h1>x</h1><pre>Aktivitet\tBeløb\nI alt\t1.000 kr.\n</pre><p>Efter</p>"
    assert _texts(html) == ["x", "", "Aktivitet\tBeløb", "I alt\t1.000 kr.", "", "Efter"]


def test_entities_and_whitespace() -> None:
    html = (
        "<h1>x</h1><p>Sundheds-&amp;\n   Omsorg&nbsp;&#8211; 1&#160;293&nbsp;000&nbsp;kr.&shy;</p>"
    )
    assert _texts(html)[2] == "Sundheds-& Omsorg – 1 293 000 kr."


def test_title_is_the_first_line_only_when_the_page_has_no_h1() -> None:
    head = "<html lang='da'><head><title>Referat: Byrådet</title></head>"
    assert _lines(head + "<body><p>Tekst</p></body></html>")[0] == ("Referat: Byrådet", _level(0))
    assert _texts(head + "<body><h1>Dagsorden</h1><p>Tekst</p></body></html>")[0] == "Dagsorden"


def _level(level: int) -> Any:
    from referat_parser.lines import LineStyle

    return LineStyle(level=level)


def test_a_language_other_than_danish_is_noted() -> None:
    diags = Diagnostics()
    read_html(b"<html lang='en-GB'><body><h1>Minutes</h1></body></html>", diags, label="t")
    assert [d.code for d in diags.items] == ["html-language"]
    diags = Diagnostics()
    read_html(b"<html lang='da-DK'><body><h1>Referat</h1></body></html>", diags, label="t")
    assert diags.items == []


def test_html_is_detected_on_stdin() -> None:
    data = (PAGES / f"{NAMES[3]}.html").read_bytes()
    result = CliRunner().invoke(app, ["parse", "-"], input=data)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"] == {**doc["source"], "format": "html", "path": None, "url": None}
    assert doc["body"] == "Aarhusklyngen"


# --- broken markup ---------------------------------------------------------------------------


def test_unclosed_and_stray_tags_give_the_same_facts(
    text_facts: dict[str, dict[str, Any]],
) -> None:
    """Every closing tag a hand-edited page forgets (p, li, td, th, tr, body, html), stray
    closing tags after every heading, and a bold run closed outside its paragraph."""
    page = (PAGES / f"{NAMES[0]}.html").read_text(encoding="utf-8")
    broken = re.sub(r"</(?:p|li|td|th|tr|tbody|thead|body|html)>", "", page)
    broken = re.sub(r"(</h3>)", r"\1</div></span></em></td>", broken)  # block headings
    broken = broken.replace("<p>Bo Libergren bød", "<p><b>Bo</b> Libergren bød", 1)
    assert broken.count("</p>") == 0 and broken.count("</span></em>") > 10
    doc = parse_bytes(broken.encode("utf-8"), source="broken.html")
    assert facts(doc) == text_facts[NAMES[0]]


def test_a_truncated_page_is_read_as_far_as_it_goes() -> None:
    page = (PAGES / f"{NAMES[0]}.html").read_bytes()
    cut = page[: page.index(b"Punkt 4:") + 200]
    doc = parse_bytes(cut, source="cut.html")
    assert [it.number for it in doc.items] == [1, 2, 3, 4]
    assert "html-truncated" in [d.code for d in doc.diagnostics]
    whole = parse_file(PAGES / f"{NAMES[0]}.html")
    assert "html-truncated" not in [d.code for d in whole.diagnostics]


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [REFERAT, "parse", *args], capture_output=True, input=stdin, check=False, timeout=300
    )


def _one_error(result: subprocess.CompletedProcess[bytes], needle: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 1 and result.stdout == b""
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert stderr.startswith("referat: error: ") and needle in stderr, stderr


@pytest.mark.parametrize(
    "page",
    [
        (
            "<html><head><script>var a = 1;</script><style>p {}</style></head><body>"
            "<script>document.write('x')</script><noscript></noscript></body></html>"
        ),
        "<!DOCTYPE html><html><body><nav>Forside</nav><div hidden>Skjult</div></body></html>",
    ],
    ids=["only-scripts", "only-furniture"],
)
def test_a_page_without_text_is_one_clear_error(tmp_path: Path, page: str) -> None:
    target = tmp_path / "empty.html"
    target.write_text(page, encoding="utf-8")
    _one_error(_cli(str(target)), "the HTML page has no text (only markup, scripts or styles)")
    with pytest.raises(InputError, match="no text"):
        parse_bytes(page.encode())


def test_thousands_of_unclosed_blocks_are_refused_at_once(tmp_path: Path) -> None:
    target = tmp_path / "deep.html"
    target.write_text("<html><body>" + "<div>" * 40_000 + "Tekst</body></html>")
    _one_error(_cli(str(target)), "block elements unclosed (over 10,000)")


def test_a_50_mb_page_parses(tmp_path: Path, text_facts: dict[str, dict[str, Any]]) -> None:
    """A page bloated to 50 MB by inline state and styles (as some portals are) still gives
    its facts; over ``--max-bytes`` it is refused from its size."""
    page = (PAGES / f"{NAMES[0]}.html").read_text(encoding="utf-8")
    blob = "<script>window.__STATE__ = " + json.dumps(["x" * 1000] * 47_000) + ";</script>"
    big = page.replace(
        "</body>", blob + "<style>" + ".c { color: red; }\n" * 200_000 + "</style></body>"
    )
    target = tmp_path / "big.html"
    target.write_text(big, encoding="utf-8")
    assert 50_000_000 < target.stat().st_size < 52_428_800
    result = _cli(str(target), "--compact")
    assert result.returncode == 0, result.stderr.decode()
    assert facts(parse_file(target)) == text_facts[NAMES[0]]
    _one_error(_cli(str(target), "--max-bytes", "50000000"), "over the limit of 50,000,000")


# --- the corpus's structured sources as portal pages -------------------------------------------

_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
)  # fmt: skip


def corpus_page(source: dict[str, Any]) -> str:
    """A FirstAgenda meeting (``corpus/docs/00N_*.json``) as its portal page: the header the
    corpus's text rendering has, each item's stored HTML fields verbatim, attachments."""
    from html import escape

    meeting = source["Moede"]
    year, month, day = (int(x) for x in meeting["Dato"][:10].split("-"))
    time = meeting["Dato"][11:16]
    # One name a line, as the text rendering has them. (A <ul> of names would read as
    # "• Name" lines, which the participant rules do not yet take as a list of people.)
    names = "<br>".join(escape(p["Name"]) for p in meeting["Moededeltagere"])
    parts = [
        f"<h1>{escape(source['Udvalg']['Navn'])}</h1>",
        f"<p class='meeting-name'>{escape(meeting['Navn'])}</p>",
        f"<p>Dato: {day}. {_MONTHS[month - 1]} {year} kl. {time}<br>Sted: {escape(meeting['Sted'])}</p>",
        f"<p class='participants'>Mødedeltagere:<br>{names}</p>",
    ]
    for item in source["Dagsordenpunkter"]:
        parts.append(f"<h2>{escape(item['Number'])}. {escape(item['Caption'])}</h2>")
        if item["CaseNumber"]:
            parts.append(f"<p class='case'>Sagsnr.: {escape(item['CaseNumber'])}</p>")
        parts.extend(field["Html"] or "" for field in item["Felter"])
        attachments = [a["Navn"] for a in item["Bilag"] or []]
        if attachments:
            rows = "".join(f"<li><a href='#'>{escape(a)}</a></li>" for a in attachments)
            parts.append(f"<h3>Bilag</h3><ul>{rows}</ul>")
    make_html = load_script("make_html")
    return str(make_html.portal_page(source["Udvalg"]["Navn"], "\n".join(parts)))


def test_corpus_pages_score_as_their_text_renderings(tmp_path: Path) -> None:
    """score.py on 001/002 rendered as portal pages from their structured sources equals the
    score on the corpus's text renderings (scored in-process, as tests/test_corpus.py does):
    120/120 and 171/179 on the day this was written."""
    from test_corpus import score_set

    docs = shared("corpus", "docs")
    texts = score_set("corpus")
    html_dir = tmp_path / "docs"
    html_dir.mkdir()
    for prefix in ("001", "002"):
        [source] = sorted(docs.glob(f"{prefix}_*.json"))
        page = corpus_page(json.loads(source.read_text(encoding="utf-8")))
        (html_dir / f"{source.stem}.html").write_text(page, encoding="utf-8")
    pages = score_set("corpus", ".html", doc_dir=html_dir)
    assert len(pages) == 2
    for name, (passed, total, fails) in pages.items():
        text_passed, text_total, text_fails = texts[name.replace(".html", ".txt")]
        assert (passed, total) == (text_passed, text_total), (name, fails, text_fails)


def test_html_fixtures_are_the_ones_the_script_makes(tmp_path: Path) -> None:
    assert_script_remakes("make_html", PAGES, "*.html", tmp_path)


def test_sub_headings_over_member_lists_are_groups() -> None:
    """A region's page lists its members under h3 groups of up to six words ("Kommunerne i
    Sydregionen (KKR)"), each over a bullet list."""
    from referat_parser import parse_bytes

    page = (
        "<html><body><h1>Dagsorden</h1><p>Mandag den 3. marts 2025 kl. 14.00</p>"
        "<h2>Medlemmer</h2><h3>Kommunerne i Sydregionen (KKR)</h3>"
        "<ul><li>Eva Holt (V), Nordby Kommune, næstformand</li><li>Ib Dam (A), Vestby Kommune</li></ul>"
        "<h3>Almen praksis</h3><ul><li>Praktiserende læge Kaj Bak, PLO-Syd</li></ul>"
        "<h2>1. Godkendelse af dagsorden</h2><h3>Indstilling</h3><p>Det indstilles, at dagsordenen godkendes.</p>"
        "</body></html>"
    ).encode()
    doc = parse_bytes(page)
    assert [(p.name, p.group, p.organisation) for p in doc.participants] == [
        ("Eva Holt", "Kommunerne i Sydregionen (KKR)", "Nordby Kommune"),
        ("Ib Dam", "Kommunerne i Sydregionen (KKR)", "Vestby Kommune"),
        ("Kaj Bak", "Almen praksis", "PLO-Syd"),
    ]
