"""Chinese numerals as Taiwanese contracts write them.

``chinese_number(25)`` → 二十五 (article numbers, 第二十五條); ``chinese_capital_amount`` → 壹拾貳萬元整
(the anti-tampering 大寫 form used for amounts).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_SMALL = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_CAPITAL = "零壹貳參肆伍陸柒捌玖"
_CAPITAL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "萬", "億", "兆")


def _group(n: int, digits: str, units: tuple[str, ...]) -> str:
    """Write 0 < n < 10000 with inner zeros collapsed to one 零."""
    out: list[str] = []
    zero_pending = False
    for power in range(3, -1, -1):
        d = (n // 10**power) % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        out.append(digits[d] + units[power])
    return "".join(out)


def _integer(n: int, digits: str, units: tuple[str, ...]) -> str:
    if n < 0:
        raise ValueError("negative numbers have no contract numeral form")
    if n == 0:
        return digits[0]
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("number too large")
    out = ""
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out += digits[0]
        out += _group(g, digits, units) + _BIG_UNITS[idx]
        need_zero = False
    return out


def chinese_number(n: int) -> str:
    """Everyday numerals: 1→一, 10→十, 15→十五, 30→三十, 105→一百零五."""
    text = _integer(n, _SMALL, _SMALL_UNITS)
    # 一十 → 十 only at the very start (10-19), as written in article numbers.
    return text[1:] if text.startswith("一十") else text


def chinese_capital_amount(amount: Decimal) -> str:
    """Amount in capital numerals: Decimal('120000') → 壹拾貳萬元整; cents → 角/分."""
    if amount < 0:
        raise ValueError("amounts are written without sign; say 'refund' in the text instead")
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    text = _integer(yuan, _CAPITAL, _CAPITAL_UNITS) + "元"
    if jiao == 0 and fen == 0:
        return text + "整"
    if jiao:
        text += _CAPITAL[jiao] + "角"
    elif fen:
        text += _CAPITAL[0]
    if fen:
        text += _CAPITAL[fen] + "分"
    return text
