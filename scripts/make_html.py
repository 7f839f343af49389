"""Build the HTML fixtures (``make html``): each seed as a page of a meeting portal.

A page is what a user saves from a portal: a head with a title, styles, scripts and JSON-LD;
a site header with a logo, a skip link and the main navigation; a cookie banner; breadcrumbs;
the minutes in ``<main><article>`` (the first line as ``h1``, item headings as ``h2``, block
headings as ``h3``, "- " runs as ``ul``/``li``, TAB runs as ``table`` with a ``th`` header
row, amounts with ``&nbsp;kr.``, markdown emphasis and links as ``strong``/``a``); a related
links ``aside``; hidden elements (``hidden``, ``display: none``, ``aria-hidden``); a footer;
trailing scripts. 001 is written with named entities for æøå, 002 in Windows-1252 with a
``<meta charset>``. ``tests/test_html.py`` checks each page gives its seed's facts, and that the
committed pages are this script's output; ``portal_page`` also renders the corpus pages that
the tests build from ``../shared`` at run time.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
OUT = ROOT / "fixtures" / "html"

ITEM = re.compile(r"^(?:(?:Punkt|Pkt\.?)\s+\d{1,3}\s*[:.]|\d{1,2}\.\s+[A-ZÆØÅ])")
_BLOCK_WORDS = ("resumé", "resume", "sagsfremstilling", "indstilling", "beslutning", "bilag")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]*)\)")
_MD_BOLD = re.compile(r"\*\*(\S(?:[^*]*\S)?)\*\*")
_CELL_LIST = re.compile(r'^<ul style="list-style-type: none">(.*)$')
_ENTITIES = {"æ": "&aelig;", "ø": "&oslash;", "å": "&aring;", "Æ": "&AElig;", "Ø": "&Oslash;"}


def portal_page(title: str, article: str, *, charset: str = "utf-8", lang: str = "da") -> str:
    """A whole portal page around the minutes' HTML (``article``)."""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - Dagsordener og referater</title>
<link rel="stylesheet" href="/static/site.css">
<style>
body {{ font-family: Arial, sans-serif; }} .cookie-banner {{ position: fixed; bottom: 0; }}
p {{ margin: 0 0 1em; }} table td {{ padding: 2px 6px; }}
</style>
<script>window.dataLayer = window.dataLayer || []; function gtag() {{ dataLayer.push(arguments); }}
var x = " "; gtag('js', new Date());</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Event",
"name": "{html.escape(title)}"}}</script>
</head>
<body class="agenda-page cookie-consent-pending">
<header class="site-header">
<a class="skip-link" href="#indhold">Gå til indhold</a>
<a class="logo" href="/"><img src="/static/logo.svg" alt="Dagsordener og referater"></a>
<nav aria-label="Hovedmenu"><ul><li><a href="/">Forside</a></li><li><a href="/moeder">Møder</a>
</li><li><a href="/udvalg">Udvalg</a></li><li><a href="/soeg">Søg</a></li></ul></nav>
</header>
<div id="cookie-banner" class="cookie-consent" role="dialog" aria-live="polite">
<p>Vi bruger cookies til at forbedre din oplevelse og til anonym statistik.
<a href="/cookies">Læs om cookies</a></p>
<button type="button">Accepter alle</button> <button type="button">Kun nødvendige</button>
</div>
<nav class="breadcrumb" aria-label="Brødkrumme"><ol><li><a href="/">Forside</a></li>
<li><a href="/moeder">Møder</a></li><li>{html.escape(title)}</li></ol></nav>
<main id="indhold">
<article class="meeting">
{article}
</article>
</main>
<aside class="related"><h2>Relaterede møder</h2><ul><li><a href="#">Tidligere møder</a></li>
<li><a href="#">Abonnér på dagsordener</a></li></ul></aside>
<div hidden><h2>Punkt 99: Skabelon</h2><p>Denne skjulte skabelon må ikke læses.</p></div>
<div class="print-only" style="display: none">Udskrevet fra dagsordensportalen</div>
<span class="icon" aria-hidden="true">&#9733;</span>
<footer class="site-footer">
<p>Dagsordensportalen &middot; Rådhuspladsen 1 &middot; Tlf. 7010 1000</p>
<p><a href="/tilgaengelighed">Tilgængelighedserklæring</a> &middot;
<a href="/cookies">Cookiepolitik</a></p>
</footer>
<script src="/static/app.js" defer></script>
<script>document.querySelectorAll("table").forEach(function (t) {{ t.className += " responsive"; }});
if (1 < 2 && "</p>") {{ console.log("<div>not markup</div>"); }}</script>
</body>
</html>
"""


def _inline(text: str) -> str:
    """Escape a line, then turn its markdown links and bold into tags; amounts get a
    no-break space before "kr." as portals write them."""
    out = html.escape(text, quote=False)
    out = _MD_LINK.sub(lambda m: f'<a href="{m.group(2) or "#"}">{m.group(1)}</a>', out)
    out = _MD_BOLD.sub(r"<strong>\1</strong>", out)
    return re.sub(r"(?<=\d) kr\.", "&nbsp;kr.", out)


def _cell(text: str, tag: str) -> str:
    listed = _CELL_LIST.match(text)  # 000 item 6: a list inside a cell, as the portal had it
    if listed:
        return f'<{tag}><ul style="list-style-type: none"><li>{_inline(listed.group(1))}</li></ul></{tag}>'
    return f"<{tag}>{_inline(text)}</{tag}>"


def _table(rows: list[str]) -> str:
    lines = ['<table class="data">']
    for k, row in enumerate(rows):
        cells = row.strip("\n").split("\t")
        header = k == 0 and len(rows) > 2 and not any(ch.isdigit() for ch in row)
        tag = "th" if header else "td"
        lines.append("<tr>" + "".join(_cell(c.strip(), tag) for c in cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def is_block_heading(line: str) -> bool:
    text = line.strip().rstrip(":").casefold()
    return text in _BLOCK_WORDS or text.startswith(("beslutning i ", "beslutning den "))


def _paragraph(group: list[str], first: bool) -> str:
    """One run of adjacent lines: a heading, a list, a noise link or a paragraph."""
    lines = [ln.strip() for ln in group]
    if first:
        return "<h1>" + "<br>\n".join(_inline(ln) for ln in lines) + "</h1>"
    if all(ln.startswith("- ") or ln == "-" for ln in lines):
        items = "".join(f"<li>{_inline(ln[2:])}</li>\n" for ln in lines)
        return f"<ul>\n{items}</ul>"
    if len(lines) == 1 and ITEM.match(lines[0]):
        return f"<h2>{_inline(lines[0])}</h2>"
    if len(lines) == 1 and is_block_heading(lines[0]):
        return f"<h3>{_inline(lines[0])}</h3>"
    if len(lines) == 1 and lines[0].casefold() in ("tilbage til toppen", "abonnér"):
        return f'<p class="to-top"><a href="#top">{html.escape(lines[0])}</a></p>'
    return "<p>" + "<br>\n".join(_inline(ln) for ln in lines) + "</p>"


def article(text: str) -> str:
    """The seed's lines as the portal's article HTML: blank lines separate blocks, TAB runs
    (one blank line may separate rows, as in the text) are one table."""
    lines = text.split("\n")
    out: list[str] = []
    group: list[str] = []
    first = True

    def flush() -> None:
        nonlocal first
        if group:
            out.append(_paragraph(group, first))
            first = False
            group.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            flush()
            rows = []
            while i < len(lines) and (
                "\t" in lines[i] or (not lines[i].strip() and "\t" in _at(lines, i + 1))
            ):
                if lines[i].strip():
                    rows.append(lines[i])
                i += 1
            out.append(_table(rows))
            continue
        if line.strip():
            group.append(line)
        else:
            flush()
        i += 1
    flush()
    return "\n".join(out)


def _at(lines: list[str], i: int) -> str:
    return lines[i] if i < len(lines) else ""


def seed_page(text: str, *, charset: str = "utf-8", entities: bool = False) -> str:
    title = next(ln.strip() for ln in text.split("\n") if ln.strip() and ln.strip() != "Abonnér")
    body = article(text)
    if entities:  # an older CMS: æøå as named entities in the text (not inside tags)
        body = re.sub(r">[^<]+<", lambda m: _entities(m.group(0)), body)
    return portal_page(title, body, charset=charset)


def _entities(text: str) -> str:
    for char, entity in _ENTITIES.items():
        text = text.replace(char, entity)
    return text


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        if seed.name.startswith("001"):
            page = seed_page(text, entities=True)
        elif seed.name.startswith("002"):
            page = seed_page(text, charset="windows-1252")
            (OUT / f"{seed.stem}.html").write_bytes(page.encode("cp1252"))
            continue
        else:
            page = seed_page(text)
        (OUT / f"{seed.stem}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
