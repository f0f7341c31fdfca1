"""Every deadline of one agreement inside a window, computed from its own terms (pure).

How each is counted (the clauses are in clause_library/; see docs/deadlines.md):

- non-renewal notice: the term's last day − ``non_renewal_notice_days`` (:mod:`.term`);
- renewal: the day after the term ends, when it renews automatically;
- expiry: the last day of the last term (no automatic renewal, or the last one allowed);
- renewal request (renewal by agreement): the term's last day − the renewal clause's notice days;
- KPI review periods: calendar quarters / half-years (``review.periods``, as ``agreementkit review``
  uses them) that overlap the term; the scorecard is due ``report_days`` after the period ends;
- settlement: the profit-sharing period's end + ``statement_days``; payment ``payment_days`` after
  the statement is agreed, counted (as the review's statement does) from its due date;
- improvement plan / cure period: the day the notice was received + ``improvement_plan_days`` /
  ``cure_days``, when that day is given.

"Within N days after X" starts counting the day after X (民法第一百二十條第二項, 始日不算入): X + N.
No clause moves a deadline off a weekend or holiday, so none is moved; a deadline on a non-business
day carries a :class:`BusinessDayNote` instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from agreementkit.errors import InputError
from agreementkit.lifecycle.deadlines.calendar_math import (
    add_days,
    next_business_day,
    previous_business_day,
    why_not_business_day,
)
from agreementkit.lifecycle.deadlines.model import (
    ACTION_KINDS,
    RECEIPT_KINDS,
    AgreementRef,
    BusinessDayNote,
    Deadline,
    DeadlineKind,
    Events,
)
from agreementkit.lifecycle.deadlines.term import (
    TermPeriod,
    automatic_renewal,
    non_renewal_deadline,
    renewal_notice_days,
    renews_after,
    term_periods,
)
from agreementkit.lifecycle.review.actuals import review_kind
from agreementkit.lifecycle.review.citations import Citer
from agreementkit.lifecycle.review.periods import Period, PeriodKind, enclosing
from agreementkit.locale.formatting import date_text, months_text
from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal


class _Builder:
    """Collects one agreement's deadlines with their citations and business-day notes."""

    def __init__(self, deal: Deal, ref: AgreementRef, labels: Mapping[str, Localized]) -> None:
        self.deal = deal
        self.ref = ref
        self.cite = Citer(labels)
        self.found: list[Deadline] = []

    def d(self, day: dt.date, lang: Lang) -> str:
        """A date as the agreement writes it (民國 when its date_style is roc)."""
        return date_text(day, lang, self.ref.date_style)

    def add(self, kind: DeadlineKind, key: str, day: dt.date, clause: str, what: Localized) -> None:
        self.found.append(
            Deadline(self.ref, kind, key, day, self.cite(clause), what, business_day_note(kind, day))
        )


def business_day_note(kind: DeadlineKind, day: dt.date) -> BusinessDayNote | None:
    """The hint for a deadline on a non-business day (None on a business day or for a non-action kind)."""
    reason_en = why_not_business_day(day, "en")
    if reason_en is None or (kind not in RECEIPT_KINDS and kind not in ACTION_KINDS):
        return None
    reason: Localized = {"zh-TW": why_not_business_day(day, "zh-TW") or reason_en, "en": reason_en}
    if kind in RECEIPT_KINDS:
        return BusinessDayNote(reason, previous_business_day(day), "previous")
    return BusinessDayNote(reason, next_business_day(day), "next")


def _term_deadlines(b: _Builder, periods: list[TermPeriod]) -> None:
    deal = b.deal
    renewal = automatic_renewal(deal)
    for p in periods:
        clause = "term" if p.index == 0 else "renewal"
        if renews_after(deal, p) and renewal is not None:
            deadline = non_renewal_deadline(deal, p)
            assert deadline is not None  # renews_after guarantees a deadline
            n, start, m = renewal.non_renewal_notice_days, add_days(p.end, 1), renewal.renewal_months
            b.add("non_renewal_notice", f"term-{p.index}", deadline, "renewal", {
                "zh-TW": f"不續約之書面通知至遲應於此日送達他方（當期期間{b.d(p.end, 'zh-TW')}屆滿前{n}日）；"
                f"未通知者，自{b.d(start, 'zh-TW')}起自動續約{months_text(m, 'zh-TW')}",
                "en": f"written notice of non-renewal must reach the other party by this day ({n} days before the "
                f"term ends on {b.d(p.end, 'en')}); otherwise the agreement renews on {b.d(start, 'en')} "
                f"for {months_text(m, 'en')}",
            })  # fmt: skip
            b.add("renewal", f"term-{p.index + 1}", start, "renewal", {
                "zh-TW": f"未經通知不續約者，本契約自此日起自動續約{months_text(m, 'zh-TW')}"
                f"（不續約通知至遲應於{b.d(deadline, 'zh-TW')}送達）",
                "en": f"unless notice of non-renewal was received by {b.d(deadline, 'en')}, the agreement renews "
                f"on this day for {months_text(m, 'en')}",
            })  # fmt: skip
            continue
        b.add("expiry", "agreement", p.end, clause, {
            "zh-TW": f"本契約於此日屆滿（{'原始期間' if p.index == 0 else f'第{p.index}次續約期間'}之末日），"
            "此後不自動續約",
            "en": f"the agreement ends on this day (the last day of the "
            f"{'initial term' if p.index == 0 else f'renewal term {p.index}'}); it does not renew automatically",
        })  # fmt: skip
        if renewal is None:  # renewal by agreement: a party wishing to renew must say so in time
            n = renewal_notice_days(deal)
            b.add("renewal_request", "agreement", add_days(p.end, -n), "renewal", {
                "zh-TW": f"有意續約之一方至遲應於此日以書面通知他方（期間屆滿{b.d(p.end, 'zh-TW')}前{n}日）；"
                "續約須雙方簽署書面",
                "en": f"a party wishing to renew must notify the other in writing by this day ({n} days before the "
                f"term ends on {b.d(p.end, 'en')}); a renewal needs a writing signed by both",
            })  # fmt: skip


def calendar_periods(kind: PeriodKind, first: dt.date, last: dt.date) -> Iterator[Period]:
    """The calendar periods of ``kind`` that overlap ``first`` … ``last``."""
    period = enclosing(Period(first.year, first.month, "month"), kind)
    while period.start <= last:
        yield period
        period = period.next()


def _review_deadlines(b: _Builder, first: dt.date, last: dt.date) -> None:
    review = b.deal.performance_review
    if review is None:
        return
    for period in calendar_periods(review_kind(b.deal), first, last):
        key = str(period)
        b.add("kpi_review_end", key, period.end, "performance_review", {
            "zh-TW": f"{period.label('zh-TW')}評估期間屆滿",
            "en": f"the {period.label('en')} review period ends",
        })  # fmt: skip
        n = review.report_days
        b.add("scorecard_due", key, add_days(period.end, n), "performance_review", {
            "zh-TW": f"甲方應於評估期間屆滿後{n}日內提出{period.label('zh-TW')}績效評分表",
            "en": f"the {period.label('en')} scorecard is due within {n} days after the period ends",
        })  # fmt: skip


def _settlement_deadlines(b: _Builder, first: dt.date, last: dt.date) -> None:
    ps = b.deal.profit_sharing
    if ps is None:
        return
    for period in calendar_periods(ps.period, first, last):
        key = str(period)
        statement = add_days(period.end, ps.statement_days)
        b.add("statement_due", key, statement, "statements_and_payment", {
            "zh-TW": f"甲方應於期間屆滿後{ps.statement_days}日內提出{period.label('zh-TW')}結算明細表",
            "en": f"the {period.label('en')} statement is due within {ps.statement_days} days after the period ends",
        })  # fmt: skip
        b.add("payment_due", key, add_days(statement, ps.payment_days), "statements_and_payment", {
            "zh-TW": f"{period.label('zh-TW')}應付金額於結算明細表確認後{ps.payment_days}日內給付"
            f"（以明細表於{b.d(statement, 'zh-TW')}提出並確認計）",
            "en": f"the {period.label('en')} amount is payable within {ps.payment_days} days after the statement "
            f"is agreed (counted from a statement delivered and agreed on {b.d(statement, 'en')})",
        })  # fmt: skip


def _event_deadlines(b: _Builder, events: Events) -> None:
    deal = b.deal
    if events.cure_notice_received is not None:
        n, got = deal.exit.cure_days, events.cure_notice_received
        b.add("cure_period_end", "cure", add_days(got, n), "termination_for_cause", {
            "zh-TW": f"違約方應於收受通知（{b.d(got, 'zh-TW')}）後{n}日內改正；屆期未改正者，他方得以書面通知終止",
            "en": f"the breach must be remedied within {n} days after the notice was received "
            f"({b.d(got, 'en')}); if not, the other party may terminate by written notice",
        })  # fmt: skip
    if events.improvement_plan_notice_received is not None:
        review = deal.performance_review
        if review is None:
            raise InputError(
                "--plan-notice: the agreement has no performance review, so no improvement-plan clause sets a period"
            )
        n, got = review.improvement_plan_days, events.improvement_plan_notice_received
        b.add("improvement_plan_due", "improvement_plan", add_days(got, n), "improvement_plan", {
            "zh-TW": f"乙方應於收受通知（{b.d(got, 'zh-TW')}）後{n}日內以書面提出改善計畫",
            "en": f"the written improvement plan is due within {n} days after the notice was received ({b.d(got, 'en')})",
        })  # fmt: skip


def compute_deadlines(
    deal: Deal,
    ref: AgreementRef,
    labels: Mapping[str, Localized],
    today: dt.date,
    within_days: int,
    events: Events | None = None,
) -> list[Deadline]:
    """The agreement's deadlines dated ``today`` … ``today + within_days``, in date order.

    ``labels`` maps clause ids to the drafted agreement's numbers (``review.service.clause_labels``).
    Deadlines started by an event in ``events`` are listed whatever their date.
    """
    horizon = add_days(today, within_days)
    b = _Builder(deal, ref, labels)
    periods = term_periods(deal, until=horizon)
    _term_deadlines(b, periods)
    _review_deadlines(b, deal.agreement.effective_date, periods[-1].end)
    _settlement_deadlines(b, deal.agreement.effective_date, periods[-1].end)
    in_window = [x for x in b.found if today <= x.date <= horizon]
    b.found = []
    _event_deadlines(b, events or Events())
    return sorted(in_window + b.found, key=lambda x: x.sort_key)
