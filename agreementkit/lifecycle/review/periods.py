"""Reporting periods written as ``2027-Q1``, ``2027-H2``, ``2027-03`` or ``2027``.

A period is a half-open range of months. Revenue lines may be reported per month and are added
up into the quarter, half-year or year that contains them; KPI values are reported per review
period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from agreementkit.models.common import Lang

PeriodKind = Literal["month", "quarter", "half_year", "year"]
_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
# Agreements reviewed by this tool run in living memory; the bounds also keep every date we derive
# (period end + report days, payment due ...) far inside what datetime.date can hold.
MIN_YEAR = 1900
MAX_YEAR = 2999
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|(?P<m>0[1-9]|1[0-2])))?$")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: ``start`` is the first month (year, month), ``kind`` its length."""

    year: int
    first_month: int
    kind: PeriodKind

    @property
    def months(self) -> int:
        """Length in months."""
        return _MONTHS[self.kind]

    @property
    def start(self) -> dt.date:
        """First day."""
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """Last day."""
        month_index = self.year * 12 + self.first_month - 1 + self.months
        first_after = dt.date(month_index // 12, month_index % 12 + 1, 1)
        return first_after - dt.timedelta(days=1)

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies entirely inside this period."""
        return self.start <= other.start and other.end <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        index = self.year * 12 + self.first_month - 1 - self.months
        return Period(index // 12, index % 12 + 1, self.kind)

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        index = self.year * 12 + self.first_month - 1 + self.months
        return Period(index // 12, index % 12 + 1, self.kind)

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "quarter":
            return f"{self.year}-Q{(self.first_month - 1) // 3 + 1}"
        if self.kind == "half_year":
            return f"{self.year}-H{(self.first_month - 1) // 6 + 1}"
        return f"{self.year}-{self.first_month:02d}"

    def label(self, lang: Lang) -> str:
        """'2027年第1季' / 'Q1 2027'."""
        if self.kind == "year":
            return f"{self.year}年度" if lang == "zh-TW" else f"{self.year}"
        if self.kind == "quarter":
            n = (self.first_month - 1) // 3 + 1
            return f"{self.year}年第{n}季" if lang == "zh-TW" else f"Q{n} {self.year}"
        if self.kind == "half_year":
            n = (self.first_month - 1) // 6 + 1
            if lang == "zh-TW":
                return f"{self.year}年{'上' if n == 1 else '下'}半年"
            return f"H{n} {self.year}"
        return (
            f"{self.year}年{self.first_month}月" if lang == "zh-TW" else f"{self.year}-{self.first_month:02d}"
        )


def parse_period(text: str) -> Period:
    """Parse ``2027-Q1`` / ``2027-H1`` / ``2027-01`` / ``2027``; raise ValueError with a hint."""
    match = _PATTERN.match(text.strip().upper())
    if not match:
        raise ValueError(f"{text!r} is not a period; write 2027-Q1, 2027-H1, 2027-01 or 2027")
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{text!r}: the year {year} is outside {MIN_YEAR}–{MAX_YEAR}; check the period")
    if match["q"]:
        return Period(year, (int(match["q"][1]) - 1) * 3 + 1, "quarter")
    if match["h"]:
        return Period(year, (int(match["h"][1]) - 1) * 6 + 1, "half_year")
    if match["m"]:
        return Period(year, int(match["m"]), "month")
    return Period(year, 1, "year")


def enclosing(period: Period, kind: PeriodKind) -> Period:
    """The period of ``kind`` that contains ``period``'s start (e.g. the quarter of a month)."""
    size = _MONTHS[kind]
    first = (period.first_month - 1) // size * size + 1
    return Period(period.year, first, kind)
