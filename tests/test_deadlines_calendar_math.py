"""Business days: weekends and Taiwanese public holidays (the `holidays` package, country TW)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from agreementkit.lifecycle.deadlines.calendar_math import (
    holiday_name,
    is_business_day,
    next_business_day,
    previous_business_day,
    why_not_business_day,
)

D = dt.date


def test_lunar_new_year_2027() -> None:
    # 2027: New Year's Eve Thu Feb 4 (and the bridge Fri Feb 5), 春節 Sat Feb 6 – Mon Feb 8, observed
    # Tue Feb 9 and Wed Feb 10: the first business day after the 4th is Thursday Feb 11.
    assert next_business_day(D(2027, 2, 4)) == D(2027, 2, 11)
    assert previous_business_day(D(2027, 2, 10)) == D(2027, 2, 3)
    assert holiday_name(D(2027, 2, 8), "zh-TW") == "春節"


def test_holidays_added_in_2025_are_known_for_2027_and_2028() -> None:
    # Confucius' Birthday / Teachers' Day (Sep 28), Retrocession Day (Oct 25) and Constitution Day
    # (Dec 25) became days off again from 2025.
    assert not is_business_day(D(2027, 9, 28))  # Tuesday
    assert not is_business_day(D(2027, 10, 25))  # Monday
    assert not is_business_day(D(2028, 12, 25))  # Monday
    assert not is_business_day(D(2028, 10, 10))  # National Day, Tuesday
    # Constitution Day 2027 is a Saturday, observed on Friday Dec 24.
    assert next_business_day(D(2027, 12, 24)) == D(2027, 12, 27)
    # New Year's Day 2028 is a Saturday, observed on Friday 2027-12-31.
    assert not is_business_day(D(2027, 12, 31))
    assert is_business_day(D(2028, 1, 3))


def test_reasons() -> None:
    assert why_not_business_day(D(2028, 10, 14), "en") == "Saturday"
    assert why_not_business_day(D(2028, 10, 14), "zh-TW") == "星期六"
    assert why_not_business_day(D(2028, 10, 10), "en") == "National Day"
    assert why_not_business_day(D(2028, 10, 11), "en") is None


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)))
def test_next_and_previous_business_day(day: dt.date) -> None:
    after, before = next_business_day(day), previous_business_day(day)
    assert is_business_day(after) and is_business_day(before)
    assert before <= day <= after
    assert all(not is_business_day(day + dt.timedelta(days=i)) for i in range((after - day).days))
    assert all(not is_business_day(day - dt.timedelta(days=i)) for i in range((day - before).days))
    assert (after - day).days < 12  # the longest break (Lunar New Year) is well under two weeks
