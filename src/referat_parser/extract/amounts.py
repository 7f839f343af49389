"""Danish amounts and percentages: exact ``Decimal`` kroner, never floats.

Serves the money in the seeds: table cells "1.293.000 kr." (000 item 3), prose "i alt
6.547.550 kr." (000 item 3), "257,5 mio. kr." and "150 mio. kr." (003), and the allocation key
"40% til kommunerne (Rebild: 10%, Vesthimmerland: 15% og Mariagerfjord Kommune: 15%) samt 60%
til Region Nordjylland" (004). Also the forms other minutes use: "kr. 50.000", "DKK 1.000",
"50.000,50 kr.", "1.000,- kr.", "1 293 000 kr." (space or no-break space groups), "500 t.kr.",
"1,2 mia. kr.", "-50.000 kr." / "÷ 50.000 kr.".

What is money: in prose, a number with a currency ("kr.", "kroner", "DKK", "t.kr."), never a
bare number, so years ("2024"), dates ("17-05-2023"), case numbers ("24/12345"), times
("kl. 14.00"), phone numbers and "punkt 3" stay out. A dash is a minus sign only when it is
glued to the digits ("-50.000 kr."); "- 50.000 kr." is a bullet. "÷" is always a minus.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import regex as re

from ..diagnostics import Diagnostics
from ..lines import Line
from ..models import Allocation, Amount, Share

# A Danish number: "1.293.000", "1 293 000", "257,5", "50.000,50", "1.000,-", "1000".
# Groups are dots or (no-break) spaces, never mixed; ",-" / ",--" are whole kroner.
_GROUP_SPACE = "[ \u00a0\u202f]"
_NUMBER = (
    rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!\d)|\d+)"
    r"(?:,\d+|,-{1,2})?"
)
_SIGN = r"(?:[-−–](?=\d)|÷\s?)?"
_SCALE = r"(?:mia\.?|milliard(?:er)?|mio\.?|million(?:er)?|tusind)"
_THOUSAND_KR = r"(?:t\.?\s?kr\.?|tkr\.?)"  # a scale that names the currency: "500 t.kr."
_CURRENCY = r"(?:kr\.?|kroner|DKK)"
# "1.293.000 kr.", "257,5 mio. kr.", "500 t.kr.", "1.000 DKK", "-50.000 kr."
_AFTER = (
    rf"(?P<sign>{_SIGN})(?P<num>{_NUMBER})\s?"
    rf"(?:(?P<tkr>{_THOUSAND_KR})|(?:(?P<scale>{_SCALE})\s?)?(?P<cur>{_CURRENCY})?)"
)
# "kr. 50.000", "DKK 1.000", "kr. 1,2 mio.", "kr. -5.000"
_BEFORE = (
    rf"(?P<cur2>kr\.?|DKK)\s?(?P<sign2>{_SIGN})(?P<num2>{_NUMBER})"
    r"(?:\s?(?P<scale2>mia\.?|mio\.?))?"
)
AMOUNT = re.compile(rf"(?<![\w.,]){_BEFORE}(?![\d/]|-\d)|(?<![\w.,]){_AFTER}(?![\w])", re.I)
WHOLE_AMOUNT = re.compile(rf"^\s*(?:{_BEFORE}|{_AFTER})\s*$", re.I)
_WHOLE_NUMBER = re.compile(rf"^(?P<sign>{_SIGN})(?P<num>{_NUMBER})$")
PERCENT = re.compile(
    r"(?<![\w.,])(?P<sign>[-−÷]\s?)?(?P<num>\d{1,3}(?:,\d+)?)\s?(?:%|pct\.?|procent(?!\w))",
    re.I,
)
_EMPTY = frozenset({"", "-", "–", "—", "÷"})
_MAX_DIGITS = 18  # beyond this a "number" is an identifier, and Decimal would round it

# Prose money always names its currency (a scale alone, "1,5 mio. borgere", is no amount), so
# the probe looks for the currency stems "kr" (kr., kroner, t.kr., tkr.) and "dkk", in the
# cases they are written in (lower-casing the text first costs more than the scans). The
# longest text between the number and the currency is a scale word: "2 milliarder kr." (13
# characters back); with the currency first: "kr. -5" (4 forward).
_CURRENCY_STEMS = ("kr", "Kr", "KR", "dkk", "DKK", "Dkk")
_BACK, _FORWARD = 16, 5


def _money_hints(text: str) -> list[int]:
    """Cheap probe before the amount pattern: where a currency word stands at a word start
    with a digit close by. Substring scans are far faster than a regex whose every position
    could start a number; a superset of what ``AMOUNT`` finds with a currency."""
    hits: list[int] = []
    for stem in _CURRENCY_STEMS:
        at = text.find(stem)
        while at >= 0:
            if not _inside_word(text, at) and _word_ends(text, at + len(stem)):
                window = text[max(0, at - _BACK) : at + len(stem) + _FORWARD]
                if any(ch.isdigit() for ch in window):
                    hits.append(at)
            at = text.find(stem, at + 1)
    return sorted(hits)


def _lines_holding(lines: Sequence[Line], offsets: Sequence[int]) -> list[Line]:
    """The lines that hold these offsets of ``"\n".join(line.text for line in lines)``."""
    held: list[Line] = []
    start = 0
    k = 0
    for line in lines:
        if k == len(offsets):
            break
        end = start + len(line.text)
        if offsets[k] <= end:
            held.append(line)
            while k < len(offsets) and offsets[k] <= end:
                k += 1
        start = end + 1
    return held


def _word_ends(text: str, at: int) -> bool:
    """ "kr." / "kr " / "kroner", not "krav" or "kriterier"."""
    return at == len(text) or not text[at].isalpha() or text.startswith(("oner", "ONER"), at)


def _inside_word(text: str, at: int) -> bool:
    """ "sikre", "skriftlig": inside a word. "tkr." and "t.kr." are the thousands currency."""
    if at == 0 or not text[at - 1].isalpha():
        return False
    return not (text[at - 1] in "tT" and (at == 1 or not text[at - 2].isalpha()))


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
    """ "1.293.000" -> 1293000, "1 293 000" -> 1293000, "50,50" -> 50.50, "1.000,-" -> 1000."""
    digits = text.rstrip("-").rstrip(",")
    for sep in (".", " ", "\u00a0", "\u202f"):
        digits = digits.replace(sep, "")
    if sum(ch.isdigit() for ch in digits) > _MAX_DIGITS:
        return None
    try:
        return Decimal(digits.replace(",", "."))
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


def exact(value: Decimal) -> Decimal:
    """Integral values as integers ("1293000", not "1.293E+6"); others without trailing
    zeros ("50000.5")."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _value(sign: str | None, num: str, scale: str | None) -> Decimal | None:
    value = _number(num)
    if value is None:
        return None
    value *= _scale(scale)
    if sign and sign.strip():
        value = -value
    return exact(value)


def _match_value(m: re.Match[str]) -> Decimal | None:
    if m.group("num2"):
        return _value(m.group("sign2"), m.group("num2"), m.group("scale2"))
    return _value(m.group("sign"), m.group("num"), m.group("tkr") or m.group("scale"))


def parse_amount(text: str) -> Decimal | None:
    """One amount string -> kroner: "257,5 mio. kr." -> 257500000; "1,5 mio." -> 1500000.

    A number needs a currency or a scale to be an amount: "2024" -> None (use
    ``parse_number`` for bare numbers under a header that names the unit); "-" -> None."""
    text = text.strip()
    if text in _EMPTY:
        return None
    m = WHOLE_AMOUNT.match(text)
    if m is None:
        return None
    if not (m.group("num2") or m.group("cur") or m.group("tkr") or m.group("scale")):
        return None  # a bare number is not money by itself
    return _match_value(m)


def parse_number(text: str) -> Decimal | None:
    """A bare Danish number in a table cell whose header carries the unit ("131.200"); an
    accountant's negative in parentheses ("(1.370)" -> -1370; not a year, "(2024)")."""
    text = text.strip()
    if text[:1] == "(" and text[-1:] == ")" and not _YEAR_ALONE.match(text[1:-1]):
        m = _WHOLE_NUMBER.match(text[1:-1].strip())
        value = _value(m.group("sign"), m.group("num"), None) if m and not m.group("sign") else None
        return -value if value is not None else None
    m = _WHOLE_NUMBER.match(text)
    return _value(m.group("sign"), m.group("num"), None) if m else None


_YEAR_ALONE = re.compile(r"^(?:19|20)\d\d$")


def parse_percent(text: str) -> Decimal | None:
    """ "13 %", "40%", "12,5 pct.", "-2 %" -> Decimal("13"), …"""
    m = PERCENT.fullmatch(text.strip())
    if m is None:
        return None
    value = _number(m.group("num"))
    if value is not None and m.group("sign"):
        value = -value
    return value


def find_amounts(lines: Sequence[Line]) -> list[Amount]:
    """Every money mention in prose: a number WITH a currency ("kr.", "DKK", "t.kr.")."""
    found: list[Amount] = []
    # one probe over the whole block (most blocks mention no money), then the pattern runs
    # only on the lines the probe hit
    hints = _money_hints("\n".join(line.text for line in lines))
    for line in _lines_holding(lines, hints):
        for m in AMOUNT.finditer(line.text):
            if not (m.group("num2") or m.group("cur") or m.group("tkr")):
                continue  # a bare number ("400 borgere", "2023", "1,5 mio. borgere")
            value = _match_value(m)
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
    if "%" not in "\n".join(line.text for line in lines):
        return found
    for line in lines:
        text = line.text
        if text.count("%") < 2 or not any(cue in text.casefold() for cue in _CUES):
            continue
        top = _PARENS.sub(lambda m: " " * len(m.group(0)), text)
        shares = [Share(label=m.group(2).strip(), percent=_number(m.group(1)) or Decimal(0))
                  for m in _SHARE_TO.finditer(top)]  # fmt: skip
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
    for m in _PARENS.finditer(text):
        parts = [_number(p.group(2)) or Decimal(0) for p in _LABEL_SHARE.finditer(m.group(1))]
        if len(parts) < 2:
            continue
        before = _SHARE_TO.findall(text[: m.start()])
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
