"""Meeting metadata from the header: kind, title, body, date, start time, location.

Serves:

* one title line plus labelled fields (000-002): "REFERAT Sundhedsklynge Sydvestjylland
  d. 17-05-2023", "Mødedato Onsdag d. 17. maj 2023 kl. 14:00", "Mødested Auditoriet, …";
* a header spread over lines (003, RM): "Dagsorden / til / mødet i Aarhusklyngen / den 10.
  april 2024 kl. 10:00 / i Mødelokale 3.90 - Aarhus Rådhus", read as one sentence;
* labels with the value on the next line, upper case too (Holbæk: "STED" / "Stenhusbakken",
  "STARTTIDSPUNKT" / "23-03-2015 13:30:00"; RSD: "Mødedato:" / "05-12-2007 Kl. 15:00-16:10"),
  a body label ("Udvalg: Teknik- og Miljøudvalget");
* the kind word anywhere in the title ("Forretningsudvalget - referat 05-12-2007",
  "Forebyggelses- og Seniorudvalget (2018-2021) – Referat – 12. januar 2021") or on a line of
  its own ("Beslutningsprotokol"); a page titled "Dagsorden" that also says "Referat" is minutes;
* the body as a forum's name ("Sundheds- og Omsorgsudvalget" on a line of its own, "mødet i
  Regionsrådet", "Social og sundheds møde den 17. april 2023", "Klynge Syds arbejde");
* date lines without a label ("Onsdag den 05-09-2012 kl. 09:00", "Regionsrådet 24-11-2020
  13:00") and the place on the line after them ("Økonomiudvalgsværelset", "Nicolaiplads 6 -
  Festsalen"), or after the time ("Ekstraordinært møde - Mødelokale F7 kl. 12.00");
* a report title (004): "Status på Klynge Syds arbejde med Sundhedsaftalen" (kind unset).

The title is the header sentence without its date, time and place. Where the header names no
body, ``body_from_items`` reads it from the decisions ("Beslutning i Økonomiudvalget den …")
or the recommendations ("… indstiller, at Økonomiudvalget …").
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex as re

from ..dates import find_date, find_time, partial_date_span
from ..diagnostics import Diagnostics
from ..lines import Line
from ..vocab import (
    ABSENT_LABELS,
    ASSEMBLY_WORDS,
    DOCUMENT_KINDS,
    FORUM_WORDS,
    HEADER_LABELS,
    NAMING_LABELS,
    PARTICIPANT_HEADINGS,
    PLACE_WORDS,
    WEEKDAYS,
)

_LABEL_WORDS = "|".join(sorted(HEADER_LABELS, key=len, reverse=True))
# "Mødedato: 23.08.2017, kl. 11:00", "Mødested Auditoriet, …", "STED" (value below)
_LABEL = re.compile(rf"^(?i:({_LABEL_WORDS}))(?![\p{{L}}])\s*(?::\s*|\s+(?=\S)|$)(.*)$")
_PEOPLE_LABEL = re.compile(
    r"^(?:[•·*\-–]\s*)?(?i:"
    + "|".join(sorted((*PARTICIPANT_HEADINGS, *ABSENT_LABELS), key=len, reverse=True))
    + r")(?![\p{L}])"
)
# "til mødet i X", "for mødet i X", "møde i X", "X" after the kind word.
_WITH_MINUTES = re.compile(r"^\S+\s+(?:med|og)\s+(?:beslutnings)?referat\b", re.I)
# "Dagsorden med referat Styregruppen for …": the kind's complement goes too.
_BODY = re.compile(
    r"^(?:(?:med|og)\s+(?:referat|beslutning(?:er|sreferat)?)\s+)?"
    r"(?:(?:til|for|fra|af)\s+)?(?:(?:det\s+)?møde[t]?\s+(?:i|for)\s+)?(.+)$",
    re.I,
)
# "ordinært bestyrelsesmøde i Fonden Nordlys", "afdelingsbestyrelsesmøde", "byrådsmøde": a
# meeting word compounded from the forum, maybe the organisation after "i".
_FORUM_MEETING = re.compile(
    r"(?<![\p{L}])(?:(?:ordinært|ekstraordinært|konstituerende|årligt)\s+)?(\p{Ll}+?)s?møde"
    r"(?![\p{L}])(?:\s+(?:i|for)\s+(\p{Lu}[^,;:]{2,80}?)(?=\s+(?:den|d\.|kl\.?)\s|\s*[,.:;]|"
    r"\s+\d|$))?",
    re.I,
)
_FORUM_STEMS = tuple(w for w in FORUM_WORDS if not w.endswith(("et", "en")))  # "udvalg", "råd"
_DATE_CUE = re.compile(r"\s+(?:d\.|den|dato)\s*$", re.I)
_WEEKDAYS = frozenset(WEEKDAYS)
# "… kl. 14.00 i Byrådssalen", "… kl. 17.00 – 19.00 i personalerummet" (the end time skipped),
# a Word header's one line "Tirsdag 8. april 2025 · kl. 13.00–15.30 · Mødecenter Øst"
_PLACE_AFTER_TIME = re.compile(
    r"^(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?[\s,]*(?:i|på|hos|,|[·|•])\s+(\S.*)$", re.I
)
_KIND_WORD = re.compile(
    r"(?<![\p{L}])(?i:" + "|".join(sorted(DOCUMENT_KINDS, key=len, reverse=True)) + r")(?![\p{L}])"
)
_SEPARATORS = re.compile(r"^[\s\-–—.:,]+|[\s\-–—.:,]+$")
_MEETING_OF = re.compile(
    r"\bmødet?\s+(?:i|for)\s+(\p{Lu}[\p{L}\s\-–]{1,80}?)(?=\s+(?:den|d\.|kl\.?)\s|\s*[,.:;]|\s+\d|$)",
    re.I,
)
# "Referat af dialogmøde mellem Teknik- og Miljøudvalget og Sønderlyng Lokalråd", "fællesmøde
# mellem Ældrerådet og Handicaprådet": a meeting of two fora, both the body.
_MEETING_BETWEEN = re.compile(
    r"møde\s+mellem\s+(\p{Lu}[\p{L}\s\-–]{1,120}?\s+og\s+\p{Lu}[\p{L}\s\-–]{1,80}?)"
    r"(?=\s+(?:den|d\.|kl\.?)\s|\s*[,.:;]|\s+\d|$)",
    re.I,
)
_GENITIVE_MEETING = re.compile(r"^(.{3,80}?)s\s+(?:møde|mødet|ekstraordinære møde)\b", re.I)
# Anchored at a word start: unanchored, a search tried \p{L}* from every letter of a long word
# (quadratic: 3,000 letters took 2.4 s; tests/test_linearity.py).
_FORUM = re.compile(r"(?<![\p{L}])(?i:\p{L}*(?:" + "|".join(FORUM_WORDS) + r"))(?![\p{L}])")
# "Klynge Syds arbejde": a forum's name in the genitive, before a noun.
_GENITIVE_FORUM = re.compile(
    r"(?<![\p{L}])((?:\p{Lu}\p{L}*\s+){0,2}(?i:\p{L}*(?:" + "|".join(FORUM_WORDS) + r"))"
    r"(?:\s+\p{Lu}\p{L}+){0,2}?)s\s+\p{Ll}"
)
_PLACE = re.compile(r"(?i:" + "|".join(PLACE_WORDS) + r")")
_ADDRESS = re.compile(r"\p{Lu}\p{L}+\s+\d{1,4}\b")
# "Ekstraordinært møde - Mødelokale F7 kl. 12.00": the place between a dash and the time.
_PLACE_BEFORE_TIME = re.compile(r"(?:^|\s[-–]\s)([^-–]{3,80}?)\s+kl\.?\s*\d", re.I)


@dataclass(slots=True)
class Metadata:
    kind: str | None = None
    title: str | None = None
    body: str | None = None
    date: dt.date | None = None
    start_time: str | None = None
    location: str | None = None
    used: set[int] = field(default_factory=set)  # header lines read here
    body_from_name: bool = False  # the body is a title line that only names (a letterhead)


_BULLETS = frozenset({"• ", "· ", "▪ ", "◦ ", "– ", "- ", "* "})


def _label_of(line: Line) -> tuple[str, str] | None:
    """(field, value) of a labelled header line; the value is "" when it stands below. A list
    bullet before the label does not count (a page's meeting facts as a list: "• Sted: …")."""
    text = line.stripped
    if text[:2] in _BULLETS:
        text = text[2:].lstrip()
    m = _LABEL.match(text)
    if m is None:
        return None
    kind = HEADER_LABELS[m.group(1).casefold()]
    value = m.group(2).strip()
    if kind in ("date", "when_where") and value and not _holds_when(value):
        return None  # "Tid er …": a word, not a label
    colon = text[len(m.group(1)) :].lstrip().startswith(":")
    if kind == "kind" and value and not colon:
        return None  # "Møde i Handicaprådet tirsdag den …": a title sentence, not "Møde:"
    if value and not colon and m.group(1).casefold() in NAMING_LABELS:
        return kind, text  # "Mødelokale F2, Regionshuset Viborg": the word is part of the name
    return kind, value


def _holds_when(value: str) -> bool:
    return (
        find_date(value)[0] is not None
        or find_time(value)[0] is not None
        or partial_date_span(value) is not None
        or _bare_clock(value) is not None
    )


# A label's value that is only a clock time or a span ("Mødetidspunkt: 15:00", "Starttidspunkt:
# 19.00 - 22.00"): no "kl." is needed after a time label.
_CLOCK_ONLY = re.compile(
    r"^(?:kl\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$"
)


def _bare_clock(value: str) -> str | None:
    m = _CLOCK_ONLY.match(value.strip().rstrip("."))
    if m is None or partial_date_span(value) is not None:
        return None  # "12.03" alone is a day and a month
    return f"{int(m.group(1)):02d}:{m.group(2)}"


# An e-mail's envelope above minutes sent by mail ("Fra: …", "Sendt: 10. oktober 2024 11:42",
# "Til: …", "Emne: Referat fra Ældrerådets møde den 8. oktober 2024").
_ENVELOPE = re.compile(
    r"^(fra|sendt|til|cc|bcc|emne|vedr|from|sent|to|subject|date)\.?\s*:\s*(.*)$", re.I
)
_ENVELOPE_SUBJECT = frozenset({"emne", "vedr", "subject"})
_ENVELOPE_SENDER = frozenset({"fra", "sendt", "from", "sent", "date"})


def _envelope(header: Sequence[Line]) -> tuple[set[int], Line | None]:
    """The e-mail envelope that opens the header: its line numbers and the subject as a line
    of its own. The sending date is the mail's, not the meeting's: the subject and the letter
    below it say what was held when. ((set(), None) where no envelope opens the header.)"""
    found: dict[str, Line] = {}
    nos: set[int] = set()
    for line in header:
        if line.blank:
            if found:
                break
            continue
        m = _ENVELOPE.match(line.stripped)
        if m is None:
            break
        found.setdefault(m.group(1).casefold(), line)
        nos.add(line.no)
    subject = next((found[k] for k in found if k in _ENVELOPE_SUBJECT), None)
    if len(nos) < 3 or subject is None or not _ENVELOPE_SENDER & found.keys():
        return set(), None
    value = _ENVELOPE.match(subject.stripped)
    text = value.group(2) if value is not None else ""
    return nos, Line(subject.no, text, subject.page, subject.style)


def read_metadata(header: Sequence[Line], diags: Diagnostics) -> Metadata:
    """Metadata from the header lines (everything before the TOC or the first item)."""
    meta = Metadata()
    envelope, subject = _envelope(header)
    if envelope and subject is not None:
        meta.used.update(envelope)
        header = [
            subject if ln.no == subject.no else ln
            for ln in header
            if ln.no not in envelope or ln.no == subject.no
        ]
    kinds: list[str] = []
    title_lines: list[Line] = []
    others: list[Line] = []
    title_closed = False
    pending: list[str] = []  # labels whose values follow ("Dato:" / "Sted:" / values below)
    wrapped_place = False  # the place ended in a comma: its address goes on on the next line
    for line in header:
        if line.blank:
            title_closed = title_closed or bool(title_lines)
            wrapped_place = False
            continue
        if wrapped_place and meta.location is not None and _label_of(line) is None:
            meta.location = f"{meta.location} {line.stripped}".rstrip(".")
            meta.used.add(line.no)
            wrapped_place = False
            continue
        labelled = _label_of(line)
        if labelled is not None:
            field_name, value = labelled
            meta.used.add(line.no)
            if value:
                _assign(meta, field_name, value, line, kinds, diags)
                pending = []
                wrapped_place = field_name in ("place", "when_where") and value.endswith(",")
            else:
                pending.append(field_name)
            continue
        if pending:
            meta.used.add(line.no)
            _assign(meta, _take_pending(pending, line.stripped), line.stripped, line, kinds, diags)
            continue
        if _PEOPLE_LABEL.match(line.stripped):
            title_closed = title_closed or bool(title_lines)
            meta.used.add(line.no)  # a header label; the people rules read its list
            continue
        if title_closed and _continues_title(title_lines, line):
            title_closed = False  # 003 as a PDF: "Dagsorden" / "til" / "mødet i …" apart
        if not title_closed:
            title_lines.append(line)
            # "Møde i Kultur- og Fritidsudvalget" / "Torsdag 12. juni 2025, kl. 16.00" /
            # "Rådhuset, mødelokale 2": the title ends with a date line that ends at its date
            # or time; the place follows (a place on the date line may wrap on: "… 8000" /
            # "Aarhus C")
            title_closed = len(title_lines) > 1 and _ends_at_when(line.stripped)
        else:
            others.append(line)
    meta.used.update(ln.no for ln in title_lines)
    if title_lines:
        _read_title(" ".join(ln.stripped for ln in title_lines), title_lines[0], meta, kinds, diags)
        _body_under_letterhead(title_lines, meta)
    else:
        diags.add("no-title")
    _read_other_lines(others, meta, kinds, diags)
    meta.kind = _kind(kinds)
    return meta


def _ends_at_when(text: str) -> bool:
    """ "Torsdag 12. juni 2025, kl. 16.00": a date line with nothing after its date and time
    (a time span's end included: "kl. 16.00-18.00")."""
    when, date_span = find_date(text)
    if when is None or date_span is None:
        return False
    time_span = find_time(text)[1]
    end = max(date_span[1], time_span[1] if time_span is not None else 0)
    rest = text[end:].strip().rstrip(".").strip()
    return not rest or _SPAN_TAIL.fullmatch(rest) is not None


_SPAN_TAIL = re.compile(r"[-–] ?\d{1,2}(?:[:.]\d{2})?")  # "-18.00" after "kl. 16.00"


def _take_pending(pending: list[str], value: str) -> str:
    """The label a value below a group of labels belongs to: the first waiting label whose
    kind fits (a date label takes a line with a date or time), else the first."""
    for k, name in enumerate(pending):
        if name != "date" or _holds_when(value):
            return pending.pop(k)
    return pending.pop(0)


def _kind(kinds: Sequence[str]) -> str | None:
    """A page titled "Dagsorden" that also says "Referat" carries the minutes (Kolding)."""
    if not kinds:
        return None
    return "referat" if "referat" in kinds else kinds[0]


def _assign(
    meta: Metadata, field_name: str, value: str, line: Line, kinds: list[str], diags: Diagnostics
) -> None:
    if field_name == "date":
        _read_when(value, line, meta, diags)
    elif field_name == "when_where":
        _read_when(value, line, meta, diags)
        _place_in_time_line(value, meta)
    elif field_name == "place" and meta.location is None:
        meta.location = value
    elif field_name == "body" and meta.body is None:
        meta.body = value.strip()
    elif field_name == "kind":
        kind = DOCUMENT_KINDS.get(value.casefold().strip(" .:"))
        if kind is not None:
            kinds.append(kind)
        elif value and meta.body is None and value[:1].isupper() and len(value.split()) <= 10:
            meta.body = value.strip()  # "Møde: Klyngestyregruppen, Sundhedsklynge Lillebælt"


_CONNECTORS = ("til", "for", "i", "af", "om", "med", "den", "d.")


def _continues_title(title_lines: Sequence[Line], line: Line) -> bool:
    """A header paragraph that cannot stand alone continues the title across a blank line:
    the title so far is only a kind word or ends in a connector, or the next part starts
    lower-case ("til", "mødet i Aarhusklyngen", "den 10. april 2024 kl. 10:00")."""
    if not title_lines or len(line.stripped) > 120:
        return False
    last = title_lines[-1].stripped
    words = last.casefold().split()
    lone_kind = len(title_lines) == 1 and len(words) == 1 and words[0] in DOCUMENT_KINDS
    return lone_kind or words[-1] in _CONNECTORS or line.stripped[:1].islower()


def _read_when(value: str, line: Line, meta: Metadata, diags: Diagnostics) -> None:
    when, where = find_date(value)
    if when is not None:
        meta.date = meta.date or when
    elif where is not None or partial_date_span(value) is not None:
        diags.add("date-unparsed", at=line, text=value)
    start = find_time(value)[0] or (_bare_clock(value) if when is None else None)
    if start is not None and meta.start_time is None:
        meta.start_time = start


def _body_under_letterhead(title_lines: Sequence[Line], meta: Metadata) -> None:
    """A letterhead of publisher and forum on lines of their own ("Lindholm Kommune" /
    "Handicaprådet", "Bakkegårdsskolen" / "Skolebestyrelsen"): the forum's line alone names the
    body, when it is the only title line with a forum word."""
    if meta.body is None or len(title_lines) < 2:
        return
    forum_lines = [ln for ln in title_lines if _FORUM.search(ln.stripped)]
    if len(forum_lines) != 1:
        return
    own = forum_phrase(forum_lines[0].stripped)
    if own and own != meta.body and own in meta.body:
        meta.body = own


def _read_title(
    sentence: str, at: Line, meta: Metadata, kinds: list[str], diags: Diagnostics
) -> None:
    first = sentence.partition(" ")[0]
    kind = DOCUMENT_KINDS.get(first.casefold().rstrip(":."))
    if kind == "dagsorden" and _WITH_MINUTES.match(sentence):
        kind = "referat"  # "Dagsorden med referat": the agenda with the meeting's minutes
    found = kind or _kind_inside(sentence)
    if found is not None:
        kinds.append(found)
    when, date_span = find_date(sentence)
    date_span = date_span or partial_date_span(sentence)
    start, time_span = find_time(sentence)
    if meta.date is None:
        if when is not None:
            meta.date = when
        elif date_span is not None:
            diags.add("date-unparsed", at=at, text=sentence)
    if meta.start_time is None:
        meta.start_time = start
    cut = min(s[0] for s in (date_span, time_span, (len(sentence), 0)) if s is not None)
    title = _DATE_CUE.sub("", sentence[:cut]).strip().rstrip(",")
    title = _without_weekday(title).rstrip(",")
    meta.title = title or None
    if time_span is not None and meta.location is None:
        place = _PLACE_AFTER_TIME.match(sentence[time_span[1] :])
        if place is not None:
            meta.location = place.group(1).strip()
    if not title or meta.body is not None:
        return
    if kind is not None:
        body = _BODY.match(title.partition(" ")[2])
        found = body.group(1).strip() if body and body.group(1).strip() else None
        if found is not None and found[:1].islower():
            found = forum_of_meeting(found)
        elif found is not None and (genitive := _GENITIVE_MEETING.match(found)) is not None:
            found = genitive.group(1)  # "Referat fra Ældrerådets møde": the council's
        # "Dagsorden" / "Økonomiudvalget - Dagsorden 5. september 2012": the kind word again
        meta.body = _SEPARATORS.sub("", _KIND_WORD.split(found)[0]) or found if found else None
        meta.body = _forum_part(meta.body)
    else:
        meta.body = forum_phrase(title)
        meta.body_from_name = meta.body is not None


_PART_SEPARATOR = re.compile(r"\s[-–|]\s")  # (one space each side: linear)


def _forum_part(body: str | None) -> str | None:
    """ "Miljøudvalget - Fjordby Kommune" (a page title's trail): the part that names a forum,
    when exactly one does."""
    if body is None or not _PART_SEPARATOR.search(body):
        return body
    parts = [p.strip() for p in _PART_SEPARATOR.split(body) if _FORUM.search(p)]
    return parts[0] if len(parts) == 1 else body


def _stated_forum(text: str) -> str | None:
    """The forum a kind line names as the one that met: "Referat af møde i Klyngeforum"."""
    if DOCUMENT_KINDS.get(text.partition(" ")[0].casefold()) is None:
        return None
    m = _MEETING_OF.search(text)
    return m.group(1).strip() if m is not None and m.group(1)[:1].isupper() else None


def _without_weekday(title: str) -> str:
    """ "Social- og Sundhedsudvalget tirsdag" -> "Social- og Sundhedsudvalget"."""
    head, _, last = title.rstrip().rpartition(" ")
    return head.rstrip() if head and last.casefold() in _WEEKDAYS else title.strip()


def _kind_inside(text: str) -> str | None:
    """The kind word inside a title ("Sundhedsudvalget - Referat - 03. oktober 2011")."""
    m = _KIND_WORD.search(text)
    return DOCUMENT_KINDS[m.group(0).casefold()] if m is not None else None


def forum_phrase(text: str) -> str | None:
    """The forum a header phrase names: "mødet i Regionsrådet" -> "Regionsrådet"; "Social og
    sundheds møde" -> "Social og sundhed"; "dialogmøde mellem Teknikudvalget og Vestby
    Lokalråd" -> "Teknikudvalget og Vestby Lokalråd"; "Forebyggelses- og Seniorudvalget (2018-2021) –
    Referat" -> "Forebyggelses- og Seniorudvalget (2018-2021)"; "Klynge Syds arbejde med …"
    -> "Klynge Syd"; a phrase without a forum word names none."""
    m = _MEETING_OF.search(text)
    if m is not None:
        return m.group(1).strip()
    m = _MEETING_BETWEEN.search(text) if "mellem" in text else None
    if m is not None:
        return m.group(1).strip()
    if "møde" in text.casefold() and (forum := forum_of_meeting(text)) is not None:
        return forum
    m = _GENITIVE_MEETING.match(_KIND_WORD.sub("", text).strip())
    if m is not None:
        return _SEPARATORS.sub("", m.group(1)) or None
    without_kind = (
        _SEPARATORS.sub("", _KIND_WORD.split(text)[0]) if _KIND_WORD.search(text) else text
    )
    candidate = _SEPARATORS.sub("", without_kind)
    if candidate and _FORUM.search(candidate) and _name_shaped(candidate):
        return candidate
    m = _GENITIVE_FORUM.search(text)
    if m is not None:
        return m.group(1).strip()
    return None


def _name_shaped(text: str) -> bool:
    """A name, not a phrase: "Sundheds- og Omsorgsudvalget", "Byråd 2022-2025",
    "Forebyggelses- og Seniorudvalget (2018-2021)" (capitalised words, "og", a suspended
    hyphen, years), not "Status på Klynge Syds arbejde"."""
    words = text.split()
    return len(words) <= 8 and all(
        w[:1].isupper() or w[:1].isdigit() or w[:1] in '("“' or w == "og" or w.endswith(("-", "-,"))
        for w in words
    )


def _read_other_lines(
    lines: Sequence[Line], meta: Metadata, kinds: list[str], diags: Diagnostics
) -> None:
    """Header lines after the title's paragraph: a kind word alone ("Referat"), a date line,
    the forum's name, the place on the line after the date."""
    after_date = False
    for line in lines:
        text = line.stripped
        if len(text) > 160:
            text = _first_sentence(text)  # a letter's "Hermed referatet fra mødet den … på …"
        if len(text) > 160:
            after_date = False
            continue
        kind = DOCUMENT_KINDS.get(text.casefold().strip(" .:"))
        if kind is not None:
            kinds.append(kind)
            meta.used.add(line.no)
            continue
        if (assembly := _kind_of_assembly(text)) is not None:
            kinds.append(assembly)
            meta.used.add(line.no)
            if meta.body is None and meta.title and _name_shaped(meta.title):
                meta.body = meta.title  # the association whose members met
            continue
        when, date_span = find_date(text)
        if when is not None or (find_time(text)[0] is not None and meta.start_time is None):
            _read_when(text, line, meta, diags)
            _place_in_time_line(text, meta)
            if (
                inside := _kind_inside(text)
            ) is not None:  # "Forretningsudvalget - referat 05-12-2007"
                kinds.append(inside)
            if meta.body is None and date_span is not None:
                meta.body = forum_phrase(text[: date_span[0]])
            meta.used.add(line.no)
            after_date = True
            continue
        if meta.body_from_name and (met := _stated_forum(text)) is not None:
            # "Sundhedsklynge Nordkysten" over "Referat af møde i Klyngeforum": the forum
            # that met, not the letterhead
            meta.body, meta.body_from_name = met, False
            kinds.append(DOCUMENT_KINDS[text.partition(" ")[0].casefold()])
            meta.used.add(line.no)
            continue
        if (
            meta.body is None
            and (body := forum_phrase(text)) is not None
            and not _PLACE.search(text)
        ):
            meta.body = body
            meta.used.add(line.no)
            # "Referat af dialogmøde mellem …" under a letterhead: the kind word opens it
            opening = DOCUMENT_KINDS.get(text.partition(" ")[0].casefold().rstrip(":."))
            if opening is not None:
                kinds.append(opening)
            continue
        placed = after_date or meta.date is not None
        if meta.location is None and placed and (_PLACE.search(text) or _ADDRESS.search(text)):
            meta.location = text
            meta.used.add(line.no)
        after_date = False


def _kind_of_assembly(text: str) -> str | None:
    """ "REFERAT AF ORDINÆR GENERALFORSAMLING 2025" under an association's name: the kind of a
    members' meeting (``vocab.ASSEMBLY_WORDS``), which names no forum of its own."""
    first, _, rest = text.partition(" ")
    kind = DOCUMENT_KINDS.get(first.casefold())
    if kind is None or not rest.casefold().startswith(("af ", "fra ", "for ")):
        return None
    folded = rest.casefold()
    return kind if any(word in folded for word in ASSEMBLY_WORDS) else None


_SENTENCE_END = re.compile(r"(?<=\p{Ll}{2}|\d)\.\s+(?=\p{Lu})")


def _first_sentence(text: str) -> str:
    """A paragraph's first sentence (its end: a full stop after a word or a number, then a
    capital; "kl. 13.30" does not end one)."""
    m = _SENTENCE_END.search(text, 0, 400)
    return text[: m.start()] if m is not None else text


def _place_in_time_line(text: str, meta: Metadata) -> None:
    """ "Ekstraordinært møde - Mødelokale F7 kl. 12.00": the place before the time; "… kl.
    17.00 – 19.00 i personalerummet": the place after it."""
    if meta.location is not None:
        return
    m = _PLACE_BEFORE_TIME.search(text)
    if m is not None and _PLACE.search(m.group(1)) and find_date(m.group(1))[0] is None:
        meta.location = m.group(1).strip()
        return
    _, time_span = find_time(text)
    after = _PLACE_AFTER_TIME.match(text[time_span[1] :]) if time_span is not None else None
    if after is not None:
        meta.location = after.group(1).strip().rstrip(".")


# --- labels in one group, values after them (a flattened transcript) -----------------------------

_GROUP_LABELS = sorted(
    (*HEADER_LABELS, *PARTICIPANT_HEADINGS, "afbud fra", *ABSENT_LABELS), key=len, reverse=True
)
_GROUP_LABEL = re.compile(
    r"(?<![\p{L}])(?i:(" + "|".join(map(re.escape, _GROUP_LABELS)) + r"))\s*:"
)
_NAME_LIST = re.compile(
    r"^(\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+){1,4}(?:,\s*\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+){1,4})+)"
)
_NOBODY_WORD = re.compile(r"^(?i:ingen|intet)\.?(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Listed:
    """A people list the header printed apart from its label: kind, names, line."""

    kind: str  # "list" or "absent"
    names: str
    line: Line


def read_label_group(line: Line, meta: Metadata) -> list[Listed]:
    """Labels printed in one run and their values after them, as a flattened transcript
    prints a header: "Dato: Starttidspunkt for møde: Kl Mødested: Afbud fra: Mødedeltagere:
    Torsdag den 07-marts-2002 Udvalgsværelse II Ingen. Arne Ebsen, Finn Olsen …". Each label
    takes the value of its kind, in order: a date, a place (up to the next value), "Ingen."
    for an absence label, a list of names for a participant label."""
    text = line.stripped
    labels = list(_GROUP_LABEL.finditer(text[:4000]))
    if len(labels) < 3 or any(b.start() - a.end() > 12 for a, b in itertools.pairwise(labels)):
        return []
    rest = text[labels[-1].end() :].strip()
    found: list[Listed] = []
    for m in labels:
        kind = _group_kind(m.group(1).casefold())
        rest = rest.lstrip(" ,")
        if kind == "date":
            when, where = find_date(rest[:80])
            if when is not None and where is not None and where[0] <= 20:
                meta.date = meta.date or when
                rest = rest[where[1] :]
        elif kind == "place":
            stop = _next_value(rest)
            if stop > 0:
                meta.location = meta.location or rest[:stop].strip()
                rest = rest[stop:]
        elif kind == "absent" and (nobody := _NOBODY_WORD.match(rest)) is not None:
            rest = rest[nobody.end() :]
        elif kind == "list" and (names := _NAME_LIST.match(rest)) is not None:
            found.append(Listed("list", names.group(1), line))
            rest = rest[names.end() :]
    return found


def _group_kind(label: str) -> str:
    if label in HEADER_LABELS:
        return HEADER_LABELS[label]
    return "list" if label in PARTICIPANT_HEADINGS else "absent"


def _next_value(text: str) -> int:
    """Where the value after a place starts: "Ingen.", a list of names, a date."""
    ends = [m.start() for m in (re.search(r"\s(?i:ingen|intet)\.", text),) if m]
    names = re.search(r"\s\p{Lu}\p{L}+\s\p{Lu}\p{L}+,", text)
    if names is not None:
        ends.append(names.start())
    return min(ends) if ends else -1


# --- what the items tell of the meeting, where the header does not -----------------------------

# "Mødet startede kl. 13.30 og sluttede kl. 15.45" (kk.dk, in item 1's decision)
_STARTED = re.compile(
    r"\bmødet\s+(?:startede|begyndte|start(?:er)?|blev\s+(?:åbnet|indledt|sat))\s+kl\.?\s*"
    r"(\d{1,2})[.:](\d{2})",
    re.I,
)


def start_from_prose(lines: Iterable[Line]) -> str | None:
    """The start time an opening item records: "Mødet startede kl. 13.30" -> "13:30"."""
    for line in lines:
        if "øde" not in line.text:
            continue
        m = _STARTED.search(line.text)
        if m is not None and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


def date_from_decisions(dates: Iterable[dt.date | None]) -> dt.date | None:
    """The date the decision headings share ("Beslutning i Økonomiudvalget den 23-03-2015"):
    the meeting's, when the header prints none. On a tie, the first printed: a set's order
    would vary from run to run (a date hashes by its bytes, and bytes hashing is seeded)."""
    counts: dict[dt.date, int] = {}
    for day in dates:
        if day is not None:
            counts[day] = counts.get(day, 0) + 1
    return max(counts, key=lambda day: counts[day]) if counts else None


# "… indstiller, at Økonomiudvalget over for …", "… indstiller overfor udvalget for det nære og
# sammenhængende sundhedsvæsen:", "… indstiller til Social og sundhed at …"
_LEAD_IN_FORUM = re.compile(
    r"\bindstiller(?:,?\s+at|\s+(?:over\s*for|til))\s+((?:\p{L}[\p{L}\-]*\s+){0,8}?\p{L}*"
    r"(?i:"
    + "|".join(FORUM_WORDS)
    + r")(?:\s+for\s+[\p{L}\s\-]{3,60}?)?)(?=\s*[:,]|\s+(?:over|at|anbefaler|godkender|tager)\b|$)",
    re.I,
)


def forum_of_meeting(text: str) -> str | None:
    """The forum a common-noun title names by its meeting: "bestyrelsesmøde i Fonden Nordlys"
    -> "Fonden Nordlys" (the organisation named); "afdelingsbestyrelsesmøde" ->
    "Afdelingsbestyrelsen", "byrådsmøde" -> "Byrådet" (the forum, definite); "møde" -> None."""
    m = _FORUM_MEETING.search(text.strip())
    if m is None:
        return None
    stem, named = m.group(1).casefold(), m.group(2)
    if named:
        return named.strip()
    if not stem.endswith(_FORUM_STEMS):
        return None
    definite = stem + ("n" if stem.endswith("e") else "et")
    return definite[:1].upper() + definite[1:]


def body_from_items(decision_bodies: Iterable[str | None], lead_ins: Iterable[str]) -> str | None:
    """The forum that decided (the body most decision headings name: "Beslutning i
    Økonomiudvalget den 23-03-2015"), else the one a recommendation addresses."""
    counts: dict[str, int] = {}
    for body in decision_bodies:
        if body:
            counts[body] = counts.get(body, 0) + 1
    if counts:
        return max(counts, key=lambda b: counts[b])
    for text in lead_ins:
        m = _LEAD_IN_FORUM.search(text)
        if m is not None:
            found = m.group(1).strip()
            return found[0].upper() + found[1:]
    return None
