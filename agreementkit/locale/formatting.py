"""Language-aware formatting of amounts, percentages, dates, periods and lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from agreementkit.locale.numerals import chinese_capital_amount, chinese_number
from agreementkit.models.common import Lang

CURRENCY_SYMBOL = {
    "TWD": "NT$",
    "USD": "US$",
    "EUR": "EUR ",
    "JPY": "JPY ",
    "CNY": "RMB ",
    "HKD": "HK$",
    "SGD": "S$",
}
CURRENCY_ZH = {
    "TWD": "新臺幣",
    "USD": "美金",
    "EUR": "歐元",
    "JPY": "日圓",
    "CNY": "人民幣",
    "HKD": "港幣",
    "SGD": "新加坡幣",
}
# Currencies whose smallest unit in practice is the whole unit (NT$ is settled to the 元).
WHOLE_UNIT_CURRENCIES = frozenset({"TWD", "JPY"})

PERIOD_NAMES: dict[str, dict[Lang, str]] = {
    "month": {"zh-TW": "每月", "en": "monthly"},
    "quarter": {"zh-TW": "每季", "en": "quarterly"},
    "half_year": {"zh-TW": "每半年", "en": "half-yearly"},
    "year": {"zh-TW": "每年", "en": "annually"},
}
PERIOD_NOUNS: dict[str, dict[Lang, str]] = {
    "month": {"zh-TW": "月", "en": "month"},
    "quarter": {"zh-TW": "季", "en": "quarter"},
    "half_year": {"zh-TW": "半年度", "en": "half-year"},
    "year": {"zh-TW": "年度", "en": "year"},
}
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def quantize_money(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the currency's unit (元 for NT$, cents otherwise)."""
    unit = Decimal(1) if currency in WHOLE_UNIT_CURRENCIES else Decimal("0.01")
    return amount.quantize(unit, rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, places: int | None = None) -> str:
    """1234567.5 → '1,234,567.5'; ``places`` fixes the decimals."""
    d = Decimal(value)
    if places is not None:
        return f"{d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"
    return f"{d.normalize():,f}"


def money(amount: Decimal | int, currency: str, lang: Lang, capital: bool = True) -> str:
    """NT$120,000 in English; 新臺幣壹拾貳萬元整（NT$120,000）in zh-TW (capitals optional)."""
    value = quantize_money(Decimal(amount), currency)
    places = 0 if currency in WHOLE_UNIT_CURRENCIES else 2
    figure = f"{CURRENCY_SYMBOL[currency]}{format_number(value, places)}"
    if lang == "en":
        return figure
    if not capital:
        return figure
    return f"{CURRENCY_ZH[currency]}{chinese_capital_amount(value)}（{figure}）"


def percent(value: Decimal | int, lang: Lang) -> str:
    """5 → '5%'; 2.5 → '2.5%' (both languages write the figure)."""
    return f"{format_number(Decimal(value))}%"


def date_text(value: dt.date, lang: Lang, style: str = "western") -> str:
    """2027-01-01 → '2027年1月1日' / '民國116年1月1日' / '1 January 2027'."""
    if lang == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    if style == "roc":
        return f"中華民國{value.year - 1911}年{value.month}月{value.day}日"
    return f"西元{value.year}年{value.month}月{value.day}日"


def count_text(n: int, lang: Lang) -> str:
    """Small counts in words: 30 → '三十' (zh-TW) or '30' (en keeps figures)."""
    return chinese_number(n) if lang == "zh-TW" else str(n)


def join_items(items: Sequence[str], lang: Lang, conjunction: str | None = None) -> str:
    """['A','B','C'] → 'A、B及C' / 'A, B and C'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if lang == "zh-TW":
        return "、".join(items[:-1]) + (conjunction or "及") + items[-1]
    return ", ".join(items[:-1]) + f" {conjunction or 'and'} " + items[-1]


def months_text(months: int, lang: Lang) -> str:
    """24 → '二年' / '二十四個月' / '24 months' / '2 years'."""
    if lang == "zh-TW":
        if months % 12 == 0:
            return f"{chinese_number(months // 12)}年"
        return f"{chinese_number(months)}個月"
    if months % 12 == 0:
        years = months // 12
        return f"{years} year" + ("s" if years != 1 else "")
    return f"{months} month" + ("s" if months != 1 else "")
