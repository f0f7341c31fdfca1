"""Calendar arithmetic for deadlines: months with month-end clamping, periods, business days.

Month arithmetic clamps to the month end (``add_months(2027-01-31, 1) == 2027-02-28``, and
2028-02-29 in a leap year). A period of months that starts on a given day ends, as 民法第一百二十一條
counts it, on the day before the corresponding day of the last month, or on that month's last day
when it has no corresponding day: a one-month term from 2027-01-31 ends on 2027-02-28, a
twelve-month term from 2028-02-29 on 2029-02-28.

Business days follow the library's definition (營業日 / "Business Day"): not a Saturday, Sunday, or a
national or other statutory holiday. Holidays are Taiwan's public holidays from the ``holidays``
package (country ``TW``, category ``public``). That package does not list Taiwan's make-up working
Saturdays (補行上班日), so such a Saturday counts here as a non-business day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "zh-TW": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month end (Jan 31 + 1 → Feb 28/29)."""
    result: dt.date = day + relativedelta(months=months)
    return result


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` calendar days (negative counts back)."""
    return day + dt.timedelta(days=days)


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day (inclusive) of a period of ``months`` months that starts on ``start``.

    The day before the corresponding day of the last month; when that month has no corresponding
    day (a period from the 29th-31st ending in a shorter month), the month's last day.
    """
    shifted = add_months(start, months)
    if shifted.day != start.day:  # clamped: no corresponding day in the last month
        return shifted
    return shifted - dt.timedelta(days=1)


_HOLIDAY_LANGUAGES = {"zh-TW": "zh_TW", "en": "en_US"}


@lru_cache(maxsize=512)
def _tw_holidays(year: int, lang: str) -> dict[dt.date, str]:
    table = holidays.country_holidays(
        "TW", years=year, categories=("public",), language=_HOLIDAY_LANGUAGES.get(lang, "en_US")
    )
    return dict(table.items())


def holiday_name(day: dt.date, lang: str = "en") -> str | None:
    """The Taiwanese public holiday on ``day`` ('Chinese New Year' / '春節'), or None."""
    return _tw_holidays(day.year, lang).get(day)


def is_business_day(day: dt.date) -> bool:
    """Not a Saturday, Sunday or Taiwanese public holiday."""
    return day.weekday() < 5 and holiday_name(day) is None


def next_business_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a business day, else the first business day after it."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def previous_business_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a business day, else the last business day before it."""
    while not is_business_day(day):
        day -= dt.timedelta(days=1)
    return day


def why_not_business_day(day: dt.date, lang: str = "en") -> str | None:
    """'Saturday', 'Chinese New Year' ... : why ``day`` is not a business day, or None if it is one."""
    name = holiday_name(day, lang)
    weekday = WEEKDAY_NAMES["zh-TW" if lang == "zh-TW" else "en"][day.weekday()]
    if name is not None:
        return f"{weekday}{'、' if lang == 'zh-TW' else ', '}{name}" if day.weekday() >= 5 else name
    if day.weekday() >= 5:
        return weekday
    return None
