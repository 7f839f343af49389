"""Danish dates and times: "17-05-2023", "17. maj 2023", "Onsdag d. 5. september 2024 kl. 14:00".

Serves the header and decision headings of every seed ("Mødedato Onsdag d. 17. maj 2023
kl. 14:00": 000-002; "den 10. april 2024 kl. 10:00": 003; "Beslutning i … den 17-05-2023":
000). No clock and no locale: a date without a year is not a date.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from .vocab import MONTHS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "12/03-2024", "2.2.2024", and a Word document's "2/2 2024" (a slash between day and month,
# a space before the year)
NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:[-./](\d{1,2})[-./]|/(\d{1,2})[ ](?=(?:19|20)\d\d))(\d{4})(?!\d)"
)
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "Mødedato: 05.06.25", "torsdag d. 5-6-25" (a case system's short form): the same separator
# twice and a two-digit year, read as strptime's %y does (00-68: 2000s, 69-99: 1900s), only
# where a date stands (at the start, after a colon, "den", "d." or a weekday), so "afsnit
# 3.4.12" and "1.2.3" are no dates.
SHORT_YEAR_DATE = re.compile(
    r"(?:(?<=^\s*)|(?<=[:,]\s*)|(?<=\b(?:den|d\.)\s*)|(?<=dag\s+))"
    r"(\d{1,2})([-./])(\d{1,2})\2(\d{2})(?![\d]|[.,/-]\d)",
    re.I,
)
# "17. maj 2023", "10. nov 2016", "07-marts-2002" (a transcript's dashes)
WORD_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.\s*|\s+|-)({_MONTH_ALT})\.?(?:\s+|-)(\d{{4}})(?!\d)", re.I
)
# A day and month without a year: found so it can be reported, never completed by guessing.
PARTIAL_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_ALT})\b(?!\.?\s+\d{{4}})", re.I)
TIME = re.compile(r"\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d.:])", re.I)
# A clock time right after a date, without "kl.": "24-11-2020 13:00", "23-03-2015 13:30:00".
TIME_AFTER_DATE = re.compile(r"^,?\s{1,3}(\d{1,2})[:.](\d{2})(?::\d{2})?(?![\d])")
# Dates are read from headers and headings; on a longer line only its start is searched, so a
# pathological 10 MB line costs nothing here.
_SCAN = 2000


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The first complete date in ``text`` and its span, or ``(None, None)``."""
    best: tuple[int, dt.date | None, tuple[int, int]] | None = None
    text = text[:_SCAN]
    for pattern, order in ((NUMERIC_DATE, "dmy"), (ISO_DATE, "ymd"), (WORD_DATE, "dMy")):
        m = pattern.search(text)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        if order == "dmy":  # the month is group 2, or group 3 in the "2/2 2024" form
            a, b, c = m.group(1), m.group(2) or m.group(3), m.group(4)
        else:
            a, b, c = m.group(1), m.group(2), m.group(3)
        if order == "dmy":
            value = _make(int(c), int(b), int(a))
        elif order == "ymd":
            value = _make(int(a), int(b), int(c))
        else:
            value = _make(int(c), MONTHS[b.casefold()], int(a))
        best = (m.start(), value, m.span())
    if best is None:
        return _short_year_date(text)
    return best[1], best[2]


def _short_year_date(text: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    m = SHORT_YEAR_DATE.search(text)
    if m is None:
        return None, None
    yy = int(m.group(4))
    value = _make(2000 + yy if yy <= 68 else 1900 + yy, int(m.group(3)), int(m.group(1)))
    return (value, m.span()) if value is not None else (None, None)


def partial_date_span(text: str) -> tuple[int, int] | None:
    """Where a day and month without a year stand ("d. 5. juni"), if anywhere."""
    m = PARTIAL_DATE.search(text[:_SCAN])
    return m.span() if m else None


def find_time(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """'kl. 14:00' -> '14:00'; 'kl. 9' -> '09:00'; '24-11-2020 13:00' (a time right after a
    date) -> '13:00'."""
    text = text[:_SCAN]
    m = TIME.search(text)
    if m is None:
        _, date_span = find_date(text)
        m = TIME_AFTER_DATE.match(text[date_span[1] :]) if date_span is not None else None
        if m is None or date_span is None:
            return None, None
        span = (date_span[1] + m.start(), date_span[1] + m.end())
    else:
        span = m.span()
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 24 or minute > 59:
        return None, None
    return f"{hour:02d}:{minute:02d}", span
