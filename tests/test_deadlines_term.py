"""Term periods, renewals and the non-renewal deadline, counted as the library's clauses say."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from agreementkit.deal.load import load_deal
from agreementkit.lifecycle.deadlines.calendar_math import add_months, period_end
from agreementkit.lifecycle.deadlines.term import (
    TermPeriod,
    current_term,
    non_renewal_deadline,
    term_periods,
)
from agreementkit.models.deal import Deal, Renewal
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR


def _with(deal: Deal, effective: dt.date, months: int, renewal: Renewal | None) -> Deal:
    agreement = deal.agreement.model_copy(update={"effective_date": effective})
    term = deal.term.model_copy(update={"initial_months": months, "renewal": renewal})
    return deal.model_copy(update={"agreement": agreement, "term": term})


def test_zh_distributor_periods_and_deadlines() -> None:
    deal = load_deal(ZH_DISTRIBUTOR)  # effective 2027-01-01, 24 months, renews 12 months, 90 days' notice
    periods = term_periods(deal, until=dt.date(2030, 1, 1))
    assert periods[:3] == [
        TermPeriod(0, dt.date(2027, 1, 1), dt.date(2028, 12, 31)),
        TermPeriod(1, dt.date(2029, 1, 1), dt.date(2029, 12, 31)),
        TermPeriod(2, dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
    ]
    # 2028-12-31 − 90 days: December 31 → 30 days back is Dec 1, November 30 more → Nov 1, 30 more → Oct 2.
    assert non_renewal_deadline(deal, periods[0]) == dt.date(2028, 10, 2)
    assert current_term(deal, dt.date(2029, 6, 30)) == periods[1]
    assert current_term(deal, dt.date(2026, 12, 31)) is None


def test_alliance_two_year_renewals() -> None:
    deal = load_deal(BILINGUAL_ALLIANCE)  # effective 2027-04-01, 24 months, renews 24 months, 90 days
    first, second = term_periods(deal, until=dt.date(2029, 4, 1))
    assert first == TermPeriod(0, dt.date(2027, 4, 1), dt.date(2029, 3, 31))
    assert second == TermPeriod(1, dt.date(2029, 4, 1), dt.date(2031, 3, 31))
    # 2029-03-31 − 90: March 31 days back → Feb 28 (31), February 28 → Jan 31 (59), 31 more → Dec 31 (90).
    assert non_renewal_deadline(deal, first) == dt.date(2028, 12, 31)


def test_renewal_by_agreement_has_only_the_initial_term() -> None:
    deal = load_deal(EN_RESELLER)  # automatic: false — "does not renew automatically"
    assert term_periods(deal) == [TermPeriod(0, dt.date(2027, 3, 1), dt.date(2030, 2, 28))]
    assert non_renewal_deadline(deal, term_periods(deal)[0]) is None
    assert current_term(deal, dt.date(2030, 3, 1)) is None


def test_max_renewals_caps_the_periods_and_the_last_has_no_notice() -> None:
    base = load_deal(ZH_DISTRIBUTOR)
    deal = _with(base, dt.date(2027, 1, 1), 12, Renewal(renewal_months=12, max_renewals=2))
    periods = term_periods(deal)
    assert [p.index for p in periods] == [0, 1, 2]
    assert periods[-1].end == dt.date(2029, 12, 31)
    assert non_renewal_deadline(deal, periods[1]) == dt.date(2028, 11, 1)  # 2028-12-31 − 60
    assert non_renewal_deadline(deal, periods[2]) is None
    assert current_term(deal, dt.date(2030, 1, 1)) is None


def test_month_end_start() -> None:
    base = load_deal(ZH_DISTRIBUTOR)
    deal = _with(base, dt.date(2027, 1, 31), 1, Renewal(renewal_months=1, max_renewals=2))
    # Jan 31 + 1 month: February has no 31st, so the term ends on its last day (民法第121條第2項 但書).
    assert [(p.start, p.end) for p in term_periods(deal)] == [
        (dt.date(2027, 1, 31), dt.date(2027, 2, 28)),
        (dt.date(2027, 3, 1), dt.date(2027, 3, 31)),
        (dt.date(2027, 4, 1), dt.date(2027, 4, 30)),
    ]


def test_add_months_clamps() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert period_end(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert period_end(dt.date(2028, 3, 1), 12) == dt.date(2029, 2, 28)
    assert period_end(dt.date(2027, 3, 1), 12) == dt.date(2028, 2, 29)


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2200, 12, 31))


@given(dates, st.integers(min_value=1, max_value=240))
def test_add_months_properties(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


@given(dates, st.integers(min_value=1, max_value=240))
def test_period_end_properties(start: dt.date, months: int) -> None:
    end = period_end(start, months)
    nxt = end + dt.timedelta(days=1)
    # The next period starts in the month `months` after the start, on the same day or (when the
    # start day does not exist there) on the first of the following month.
    if add_months(start, months).day == start.day:
        assert nxt == add_months(start, months)
    else:
        assert end.day == calendar.monthrange(end.year, end.month)[1]
        assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    if start.day == 1:
        assert end.day == calendar.monthrange(end.year, end.month)[1]


@given(
    dates.filter(lambda d: d.year < 2150),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=1, max_value=36),
    st.integers(min_value=1, max_value=365),
)
def test_periods_chain_and_deadlines_precede_the_end(
    effective: dt.date, initial: int, renew: int, notice: int
) -> None:
    base = load_deal(ZH_DISTRIBUTOR)
    deal = _with(
        effective=effective,
        deal=base,
        months=initial,
        renewal=Renewal(renewal_months=renew, non_renewal_notice_days=notice),
    )
    periods = term_periods(deal, until=effective + dt.timedelta(days=2000))
    assert periods[0].start == effective
    for before, after in itertools.pairwise(periods):
        assert after.start == before.end + dt.timedelta(days=1)
        assert after.index == before.index + 1
    for period in periods:
        deadline = non_renewal_deadline(deal, period)
        assert deadline is not None and (period.end - deadline).days == notice
        assert current_term(deal, period.end) == period
