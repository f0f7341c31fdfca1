"""The agreement's term: the initial term and its automatic renewals, and non-renewal deadlines.

What the library's clauses say (clause_library/term/term.yaml, renewal.yaml, general/notices.yaml):

- 契約期間 / Term: in force from the effective date for ``initial_months`` months; the last day is
  counted as 民法第一百二十一條 counts it (:func:`calendar_math.period_end`).
- 續約 / Renewal, automatic variant: "原始期間或續約期間屆滿{N}日前，任一方未以書面通知他方不續約者，
  本契約自動以相同條件續約" / "Unless either party gives ... notice of non-renewal at least N days
  before the end of the Initial Term or any renewal term, this Agreement renews automatically ...
  for successive periods of M months, up to a maximum of K renewals". Each renewal term starts the
  day after the previous one ends.
- A notice is given when it reaches the other party (通知 / Notices: 到達). A term ending on day E
  ends at the close of E; a notice received on E − N leaves N whole days (E − N + 1 … E) before the
  end, the day of receipt not counted (民法第一百二十條第二項). So the last day the notice may be
  *received* is E − N.
- The by-agreement variant (``renewal: null`` or ``automatic: false``): the agreement "does not
  renew automatically"; a renewal needs a new writing signed by both parties. Such a deal has only
  its initial term, and no non-renewal notice (there is nothing to stop).
- The last renewal a ``max_renewals`` allows ends the agreement anyway: no non-renewal deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from agreementkit.lifecycle.deadlines.calendar_math import add_days, period_end
from agreementkit.models.deal import Deal, Renewal


@dataclass(frozen=True)
class TermPeriod:
    """One term of the agreement: ``index`` 0 is the initial term, 1, 2 … the renewals."""

    index: int
    start: dt.date
    end: dt.date  # the last day in force, inclusive


def automatic_renewal(deal: Deal) -> Renewal | None:
    """The deal's renewal terms if it renews automatically, else None."""
    renewal = deal.term.renewal
    return renewal if renewal is not None and renewal.automatic else None


def renewal_notice_days(deal: Deal) -> int:
    """Days before the end of the term by which notice must be received (the renewal clause's N).

    For automatic renewal, the non-renewal notice; for renewal by agreement, the notice of a wish
    to renew, which the clause sets at 90 days when the deal gives none.
    """
    renewal = deal.term.renewal
    return renewal.non_renewal_notice_days if renewal is not None else 90


def term_periods(deal: Deal, until: dt.date | None = None) -> list[TermPeriod]:
    """The initial term and the automatic renewals that start on or before ``until``.

    Without ``until``, every period the deal allows: the initial term, plus ``max_renewals``
    renewals. A deal that renews automatically without limit needs ``until`` (ValueError).
    """
    start = deal.agreement.effective_date
    periods = [TermPeriod(0, start, period_end(start, deal.term.initial_months))]
    renewal = automatic_renewal(deal)
    if renewal is None:
        return periods
    if until is None and renewal.max_renewals is None:
        raise ValueError("the agreement renews without limit: give `until` to bound the renewals")
    while renewal.max_renewals is None or len(periods) <= renewal.max_renewals:
        nxt = add_days(periods[-1].end, 1)
        if until is not None and nxt > until:
            break
        periods.append(TermPeriod(len(periods), nxt, period_end(nxt, renewal.renewal_months)))
    return periods


def current_term(deal: Deal, on: dt.date) -> TermPeriod | None:
    """The period in force on ``on``; None before the effective date or after the last period ends."""
    for period in term_periods(deal, until=on):
        if period.start <= on <= period.end:
            return period
    return None


def renews_after(deal: Deal, period: TermPeriod) -> bool:
    """Whether the agreement renews automatically at the end of ``period`` unless notice is given."""
    renewal = automatic_renewal(deal)
    if renewal is None:
        return False
    return renewal.max_renewals is None or period.index < renewal.max_renewals


def non_renewal_deadline(deal: Deal, period: TermPeriod) -> dt.date | None:
    """The last day a non-renewal notice can be received so that ``period`` is the last one.

    ``period.end`` − ``non_renewal_notice_days``; None when the period does not renew anyway (no
    automatic renewal, or the last renewal ``max_renewals`` allows).
    """
    renewal = automatic_renewal(deal)
    if renewal is None or not renews_after(deal, period):
        return None
    return add_days(period.end, -renewal.non_renewal_notice_days)
