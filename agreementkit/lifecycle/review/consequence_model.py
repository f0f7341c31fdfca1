"""The consequences a review reports: what each says, the clause it rests on, the steps that remain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from agreementkit.lifecycle.review.citations import Citation, Citer, PartyTerms
from agreementkit.lifecycle.review.kpi import Scorecard
from agreementkit.models.agreement import Localized
from agreementkit.models.common import Lang
from agreementkit.models.deal import Deal

Severity = Literal["info", "action", "warning", "critical"]
Kind = Literal[
    "termination_right",
    "termination_warning",
    "improvement_plan",
    "tier_change",
    "loss_of_exclusivity",
    "minimum_commitment",
    "incentive",
    "rebate_tier",
    "cap_reached",
    "watch",
    "data_missing",
    "deadline",
]
SEVERITY_ORDER: dict[str, int] = {"critical": 0, "warning": 1, "action": 2, "info": 3}
# Fixed in the bundled termination_for_kpi_failure clause.
KPI_TERMINATION_NOTICE_DAYS = 30
# Fixed in the bundled performance_review clause.
SCORECARD_OBJECTION_DAYS = 10


@dataclass(frozen=True)
class Step:
    """One requirement of a procedure, with the clause that imposes it."""

    text: Localized
    citation: Citation
    due: dt.date | None = None


@dataclass(frozen=True)
class Consequence:
    """One thing the agreement grants or requires after this review."""

    kind: Kind
    severity: Severity
    text: Localized
    citation: Citation
    due: dt.date | None = None
    kpi_ids: tuple[str, ...] = ()
    amount: Decimal | None = None
    steps: tuple[Step, ...] = ()


def date_text(value: dt.date, lang: Lang) -> str:
    """2028-02-14 / 2028年2月14日."""
    return value.isoformat() if lang == "en" else f"{value.year}年{value.month}月{value.day}日"


def cap(text: str) -> str:
    """``the Supplier`` → ``The Supplier`` at the start of a sentence (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def loc(zh: str, en: str) -> Localized:
    """A text in both languages."""
    return {"zh-TW": zh, "en": en}


@dataclass(frozen=True)
class Context:
    """What every rule needs: the deal, the citer, the parties' terms and the review date."""

    deal: Deal
    cite: Citer
    terms: PartyTerms
    review_date: dt.date

    def per(self, card: Scorecard) -> tuple[str, str]:
        """The review period's name: (季, quarters)."""
        kind = card.period.kind
        return {"quarter": "季", "half_year": "半年度"}.get(kind, "期"), {
            "quarter": "quarters",
            "half_year": "half-years",
        }.get(kind, "periods")


def notice_step(ctx: Context, what: Localized) -> Step:
    """How a notice the procedure needs must be given (the notices clause)."""
    return Step(
        loc(
            f"{what['zh-TW']}應以書面為之，並依所定方式送達；以電子郵件寄送之終止或主張違約通知，應另以掛號郵件寄送。",
            f"{what['en']} must be in writing and served as that clause requires; a termination or breach notice "
            "sent by email must also go by registered mail.",
        ),
        ctx.cite("notices"),
    )
