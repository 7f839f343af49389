"""Danish amounts and percentages: exact ``Decimal`` kroner, never floats.

Serves the money in the seeds: table cells "1.293.000 kr." (000 item 3), prose "i alt
6.547.550 kr." (000 item 3), "257,5 mio. kr." and "150 mio. kr." (003), and the allocation key
"40% til kommunerne (Rebild: 10%, Vesthimmerland: 15% og Mariagerfjord Kommune: 15%) samt 60%
til Region Nordjylland" (004). Also the forms other minutes use: "kr. 50.000", "DKK 1.000",
"50.000,50 kr.", "500 t.kr.", "1,2 mia. kr.", "-50.000 kr." / "÷ 50.000 kr.".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import regex as re

from .diagnostics import Diagnostics
from .lines import Line
from .models import Allocation, Amount, Share

# A Danish number: "1.293.000", "257,5", "50.000,50", "1000" (dot groups thousands).
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_SIGN = r"(?:[-−÷–]\s?)?"
_SCALE = r"(?:mia\.?|milliard(?:er)?|mio\.?|million(?:er)?|t\.?\s?kr\.?|tkr\.?|tusind)"
_CURRENCY = r"(?:kr\.?|kroner|DKK)"
# "1.293.000 kr.", "257,5 mio. kr.", "500 t.kr.", "1.000 DKK", "-50.000 kr."
_AFTER = rf"(?P<sign>{_SIGN})(?P<num>{_NUMBER})\s?(?:(?P<scale>{_SCALE})\s?)?(?P<cur>{_CURRENCY})?"
# "kr. 50.000", "DKK 1.000", "kr. 1,2 mio."
_BEFORE = (
    rf"(?P<cur2>kr\.|DKK)\s?(?P<sign2>{_SIGN})(?P<num2>{_NUMBER})(?:\s?(?P<scale2>mia\.?|mio\.?))?"
)
AMOUNT = re.compile(rf"(?<![\w.,]){_BEFORE}(?![\d])|(?<![\w.,]){_AFTER}(?![\w])", re.I)
WHOLE_AMOUNT = re.compile(rf"^\s*(?:{_BEFORE}|{_AFTER})\s*$", re.I)
PERCENT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d+)?)\s?(?:%|pct\.?|procent)", re.I)
_EMPTY = frozenset({"", "-", "–", "—", "÷"})
_MONEY_WORDS = ("kr", "Kr", "KR", "DKK", "mio", "mia", "mil", "tus")


def _money_hint(text: str) -> bool:
    """Cheap probe before the amount pattern: a currency or scale word with a digit close by
    ("6.547.550 kr.", "kr. 50", "257,5 mio."). Substring search is far faster than a regex
    whose every position could start a number."""
    for word in _MONEY_WORDS:
        at = text.find(word)
        while at >= 0:
            around = text[max(0, at - 3) : at] + text[at + len(word) : at + len(word) + 4]
            if any(ch.isdigit() for ch in around):
                return True
            at = text.find(word, at + 1)
    return False


_SCALES: tuple[tuple[str, int], ...] = (
    ("mia", 1_000_000_000),
    ("milliard", 1_000_000_000),
    ("mio", 1_000_000),
    ("million", 1_000_000),
    ("t", 1_000),
    ("tkr", 1_000),
    ("tusind", 1_000),
)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _scale(word: str | None) -> int:
    if not word:
        return 1
    key = word.casefold().replace(" ", "")
    for prefix, factor in _SCALES:
        if key.startswith(prefix):
            return factor
    return 1


def _value(sign: str | None, num: str, scale: str | None) -> Decimal | None:
    value = _number(num)
    if value is None:
        return None
    value *= _scale(scale)
    if sign and sign.strip():
        value = -value
    return value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))


def parse_amount(text: str) -> Decimal | None:
    """One amount string -> kroner: "257,5 mio. kr." -> 257500000; "-" -> None."""
    text = text.strip()
    if text in _EMPTY:
        return None
    m = WHOLE_AMOUNT.match(text, timeout=1)
    if m is None:
        return None
    if m.group("num2"):
        return _value(m.group("sign2"), m.group("num2"), m.group("scale2"))
    return _value(m.group("sign"), m.group("num"), m.group("scale"))


def parse_number(text: str) -> Decimal | None:
    """A bare Danish number in a table cell whose header carries the unit ("131.200")."""
    text = text.strip()
    m = re.match(rf"^({_SIGN})({_NUMBER})$", text, timeout=1)
    return _value(m.group(1), m.group(2), None) if m else None


def parse_percent(text: str) -> Decimal | None:
    """ "13 %", "40%", "12,5 pct." -> Decimal("13")."""
    m = PERCENT.fullmatch(text.strip(), timeout=1)
    return _number(m.group(1)) if m else None


def find_amounts(lines: Sequence[Line]) -> list[Amount]:
    """Every money mention in prose: a number WITH a currency or a scale plus currency."""
    found: list[Amount] = []
    if not _money_hint("\n".join(line.text for line in lines)):
        return found  # one probe for the whole block; most blocks mention no money
    for line in lines:
        text = line.text
        if not _money_hint(text):
            continue
        for m in AMOUNT.finditer(line.text, timeout=1):
            if m.group("num2"):
                value = _value(m.group("sign2"), m.group("num2"), m.group("scale2"))
            elif m.group("cur"):
                value = _value(m.group("sign"), m.group("num"), m.group("scale"))
            else:
                continue  # a bare number ("400 borgere", "2023") is not money
            if value is not None:
                found.append(
                    Amount(text=m.group(0).strip(), value=value, line=line.no, page=line.page)
                )
    return found


# --- allocation keys (004) ------------------------------------------------------------------

# "40% til kommunerne", "60 % til Region Nordjylland (somatik og psykiatri)"
_SHARE_TO = re.compile(
    r"(\d{1,3}(?:,\d+)?)\s?%\s+til\s+((?:[\p{L}][\p{L}\-]*)(?:\s+[\p{Lu}][\p{L}\-]*){0,3})"
)
# "Rebild: 10%", "Mariagerfjord Kommune: 15%"
_LABEL_SHARE = re.compile(
    r"((?:[\p{Lu}][\p{L}\-]*)(?:\s+[\p{Lu}][\p{L}\-]*){0,3}):\s?(\d{1,3}(?:,\d+)?)\s?%"
)
_PARENS = re.compile(r"\(([^()]{0,400})\)")
_CUES = ("fordeling", "fordeles", "fordelingsnøgle")


def find_allocations(lines: Sequence[Line], diags: Diagnostics) -> list[Allocation]:
    """Allocation keys: top-level "N% til X" shares (>= 2); nested "(X: N%, …)" must add up
    to the share they break down."""
    found: list[Allocation] = []
    if not any("%" in line.text for line in lines):
        return found
    for line in lines:
        text = line.text
        if text.count("%") < 2 or not any(cue in text.casefold() for cue in _CUES):
            continue
        top = _PARENS.sub(lambda m: " " * len(m.group(0)), text)
        shares = [Share(label=m.group(2).strip(), percent=_number(m.group(1)) or Decimal(0))
                  for m in _SHARE_TO.finditer(top, timeout=1)]  # fmt: skip
        if len(shares) < 2:
            continue
        total = sum((s.percent for s in shares), Decimal(0))
        if total != 100:
            diags.add("allocation-not-100", at=line, total=total)
        _check_breakdowns(text, line, diags)
        found.append(Allocation(text=text.strip(), shares=shares, total_percent=total,
                                sums_to_100=total == 100, line=line.no, page=line.page))  # fmt: skip
    return found


def _check_breakdowns(text: str, line: Line, diags: Diagnostics) -> None:
    """ "40% til kommunerne (Rebild: 10%, Vesthimmerland: 15% og …: 15%)": 10+15+15 == 40."""
    for m in _PARENS.finditer(text, timeout=1):
        parts = [
            _number(p.group(2)) or Decimal(0) for p in _LABEL_SHARE.finditer(m.group(1), timeout=1)
        ]
        if len(parts) < 2:
            continue
        before = _SHARE_TO.findall(text[: m.start()], timeout=1)
        if not before:
            continue
        parent = _number(before[-1][0]) or Decimal(0)
        if sum(parts, Decimal(0)) != parent:
            diags.add(
                "allocation-breakdown-mismatch",
                at=line,
                parent=parent,
                total=sum(parts, Decimal(0)),
            )
