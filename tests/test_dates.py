from __future__ import annotations

import datetime as dt

import pytest

from referat_parser.dates import find_date, find_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("REFERAT Sundhedsklynge Sydvestjylland d. 17-05-2023", dt.date(2023, 5, 17)),
        ("Onsdag d. 17. maj 2023 kl. 14:00", dt.date(2023, 5, 17)),
        ("Torsdag d. 05. september 2024", dt.date(2024, 9, 5)),
        ("den 10. april 2024 kl. 10:00", dt.date(2024, 4, 10)),
        ("3. okt. 2023", dt.date(2023, 10, 3)),
        ("03.10.2023", dt.date(2023, 10, 3)),
        ("2024-11-07", dt.date(2024, 11, 7)),
        ("d. 5. juni", None),
        ("31-02-2024", None),
        ("i perioden 2020-2022", None),
        ("fredag d. 7/3 2025", dt.date(2025, 3, 7)),  # a Word header: slash, then a space
        ("24/11 2023", dt.date(2023, 11, 24)),
        ("3/4 12 2024", None),  # no day/month then year: three numbers
        ("Mødedato: 05.06.25", dt.date(2025, 6, 5)),  # a two-digit year where a date stands
        ("torsdag d. 5-6-99", dt.date(1999, 6, 5)),  # strptime's %y: 69-99 are the 1900s
        ("afsnit 3.4.12 i loven", None),  # a section number, not a date
        ("punkt 1.2.3", None),
        ("05.06.25.1", None),
    ],
)
def test_find_date(text: str, expected: dt.date | None) -> None:
    assert find_date(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("kl. 14:00", "14:00"), ("kl. 9.30", "09:30"), ("kl. 9", "09:00"), ("kl. 8-18", "08:00"),
     ("kl. 25:00", None), ("ingen tid", None)],
)  # fmt: skip
def test_find_time(text: str, expected: str | None) -> None:
    assert find_time(text)[0] == expected
