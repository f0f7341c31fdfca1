"""What a deadline is: the agreement it belongs to, its kind, date, the clause that sets it.

Every deadline has a date-independent ``key`` (the term's index, the review period ``2027-Q1``,
or ``agreement`` for the one expiry), so the same deadline keeps its identity when an amendment
moves its date: the calendar's UIDs are built from agreement identity + kind + key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from agreementkit.lifecycle.review.citations import Citation
from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang

DeadlineKind = Literal[
    "non_renewal_notice",
    "renewal",
    "renewal_request",
    "expiry",
    "kpi_review_end",
    "scorecard_due",
    "statement_due",
    "payment_due",
    "improvement_plan_due",
    "cure_period_end",
]

KIND_NAMES: dict[DeadlineKind, dict[Lang, str]] = {
    "non_renewal_notice": {"zh-TW": "不續約通知期限", "en": "Non-renewal notice deadline"},
    "renewal": {"zh-TW": "自動續約", "en": "Automatic renewal"},
    "renewal_request": {"zh-TW": "續約通知期限", "en": "Renewal request deadline"},
    "expiry": {"zh-TW": "契約期間屆滿", "en": "Expiry"},
    "kpi_review_end": {"zh-TW": "績效評估期間屆滿", "en": "KPI review period ends"},
    "scorecard_due": {"zh-TW": "績效評分表提出期限", "en": "Scorecard due"},
    "statement_due": {"zh-TW": "結算明細表提出期限", "en": "Settlement statement due"},
    "payment_due": {"zh-TW": "給付期限", "en": "Payment due"},
    "improvement_plan_due": {"zh-TW": "改善計畫提出期限", "en": "Improvement plan due"},
    "cure_period_end": {"zh-TW": "改正期間屆滿", "en": "Cure period ends"},
}

# Kinds that are a day by which something must be *received*: on a non-business day an email
# counts as received on the next business day (通知 / Notices clause), so the useful hint is the
# business day before. Kinds that are a day by which someone must act get the next business day.
# Kinds that are no one's deadline (a period ends, the agreement renews) get no hint.
RECEIPT_KINDS: frozenset[DeadlineKind] = frozenset({"non_renewal_notice", "renewal_request"})
ACTION_KINDS: frozenset[DeadlineKind] = frozenset(
    {"scorecard_due", "statement_due", "payment_due", "improvement_plan_due", "cure_period_end"}
)


@dataclass(frozen=True)
class AgreementRef:
    """Which agreement a deadline belongs to, and how its dates are written."""

    identity: str  # stable: the agreement number, else a digest of the parties, type and effective date
    label: str  # what a person calls it: number and partner
    partner: str
    deal_file: str
    register_id: int | None = None
    number: str | None = None
    date_style: str = "western"  # the deal's agreement.date_style: "roc" writes 民國 dates in zh-TW
    amendment: int = 0
    dtstamp_date: dt.date | None = None  # the deal's signing (else effective) date: the calendar's DTSTAMP


@dataclass(frozen=True)
class BusinessDayNote:
    """A deadline that falls on a non-business day, and the business day a person may want instead.

    Information only: no clause of the library moves a deadline to a business day.
    """

    reason: Localized  # "Saturday", "Chinese New Year"
    suggested: dt.date
    direction: Literal["previous", "next"]


@dataclass(frozen=True)
class Deadline:
    """One dated deadline of one agreement, citing the clause that sets it."""

    agreement: AgreementRef
    kind: DeadlineKind
    key: str
    date: dt.date
    citation: Citation
    what: Localized
    business_day: BusinessDayNote | None = None

    @property
    def sort_key(self) -> tuple[dt.date, str, str, str]:
        """Date, then agreement, kind and key: the order every output uses."""
        return (self.date, self.agreement.identity, self.kind, self.key)


@dataclass(frozen=True)
class Events:
    """Events that start a period the agreement counts from (the day a notice was received)."""

    cure_notice_received: dt.date | None = None
    improvement_plan_notice_received: dt.date | None = None
